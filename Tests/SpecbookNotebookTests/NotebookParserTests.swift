import Foundation
import SpecbookNotebook
import XCTest

final class NotebookParserTests: XCTestCase {
    func parse(_ source: String) throws -> Notebook {
        try NotebookParser.parse(source: source, path: "notebooks/t.md", name: "t")
    }

    func assertError(_ source: String, line: Int, contains text: String, file: StaticString = #filePath, fileLine: UInt = #line) {
        XCTAssertThrowsError(try parse(source), file: file, line: fileLine) { error in
            guard let e = error as? NotebookError else { return XCTFail("not a NotebookError: \(error)", file: file, line: fileLine) }
            XCTAssertEqual(e.file, "notebooks/t.md", file: file, line: fileLine)
            XCTAssertEqual(e.line, line, "\(e)", file: file, line: fileLine)
            XCTAssertTrue(e.description.contains(text), "\(e)", file: file, line: fileLine)
            XCTAssertTrue(e.description.hasPrefix("notebooks/t.md:\(line): error:"), "\(e)", file: file, line: fileLine)
        }
    }

    func testFrontMatterProseAndBlocks() throws {
        let nb = try parse("""
            ---
            title: Demo
            description: A demo
            seed: 7
            timeout: 30
            order: 2
            params:
              epochs: 100
              profile: full
            ---

            Some *prose* with a table:

            | a | b |
            |---|---|
            | 1 | 2 |

            ```swift
            //| label: fig-one
            //| caption: "A caption: with colon"
            //| echo: false
            let x = 1
            ```

            ```python
            print("shown, never run")
            ```

            ~~~swift
            //| eval: false
            fatalError()
            ~~~
            """)
        XCTAssertEqual(nb.frontMatter.title, "Demo")
        XCTAssertEqual(nb.frontMatter.seed, 7)
        XCTAssertEqual(nb.frontMatter.timeout, 30)
        XCTAssertEqual(nb.frontMatter.order, 2)
        XCTAssertEqual(nb.frontMatter.params, ["epochs": "100", "profile": "full"])
        XCTAssertEqual(nb.blocks.count, 3)
        XCTAssertEqual(nb.blocks[0].language, "swift")
        XCTAssertEqual(nb.blocks[0].options.label, "fig-one")
        XCTAssertEqual(nb.blocks[0].options.caption, "A caption: with colon")
        XCTAssertFalse(nb.blocks[0].options.echo)
        XCTAssertEqual(nb.blocks[0].code, "let x = 1\n")
        XCTAssertEqual(nb.blocks[0].fenceLine, 18)
        XCTAssertEqual(nb.blocks[0].codeLine, 22)
        XCTAssertEqual(nb.blocks[1].language, "python")
        XCTAssertFalse(nb.blocks[1].isSwift)
        XCTAssertFalse(nb.blocks[2].options.eval)
        XCTAssertEqual(nb.executableBlocks.map(\.index), [0])
        XCTAssertTrue(nb.body.hasPrefix("\n\n\n"), "front matter lines are blanked, not removed")
    }

    func testProseOnlyNotebookIsFine() throws {
        let nb = try parse("# Just prose\n\nNothing to run.\n")
        XCTAssertTrue(nb.blocks.isEmpty)
        XCTAssertNil(nb.frontMatter.title)
    }

    func testUnterminatedFence() {
        assertError("# t\n\nText\n\n```swift\nlet x = 1\n", line: 5, contains: "never closed")
    }

    func testBadYAML() {
        assertError("---\ntitle: [unclosed\nseed: 1\n---\nbody\n", line: 3, contains: "invalid YAML")
    }

    func testUnknownFrontMatterKey() {
        assertError("---\ntitle: x\ncolour: red\n---\nbody\n", line: 3, contains: "unknown front matter key 'colour'")
    }

    func testUnknownBlockOption() {
        assertError("text\n\n```swift\n//| label: a\n//| colour: red\nlet x = 1\n```\n", line: 5, contains: "unknown block option 'colour'")
    }

    func testColumnOption() throws {
        let nb = try parse("```swift\n//| column: page\nlet x = 1\n```\n\n```swift\n//| column: body-outset\n```\n\n```swift\n```\n")
        XCTAssertEqual(nb.swiftBlocks.map(\.options.column), [.page, .bodyOutset, nil])
    }

    func testUnknownColumnNamesTheColumns() {
        assertError("text\n\n```swift\n//| column: margin\n```\n", line: 4, contains: "takes one of body, body-outset, page, not 'margin'")
    }

    func testBadBooleanOption() {
        assertError("```swift\n//| echo: maybe\n```\n", line: 2, contains: "true or false")
    }

    func testDuplicateLabels() {
        assertError("```swift\n//| label: a\n```\n\n```swift\n//| label: a\n```\n", line: 6, contains: "duplicate label 'a'")
    }

    func testDuplicateEquationLabels() {
        assertError("Text.\n\n$$a$$ {#eq-a}\n\nMore.\n\n$$\nb\n$$ {#eq-a}\n", line: 9, contains: "duplicate equation label 'eq-a' (first used on line 3)")
    }

    func testLabelsCannotEscapeTheOutputFolder() {
        assertError("```swift\n//| label: ../../x\n```\n", line: 2, contains: "label '../../x'")
    }

    func testEmptyNotebook() {
        assertError("  \n\n", line: 1, contains: "empty")
    }

    func testNonUTF8File() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("specbook-utf8-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("bad.md")
        try Data("ok line\nsecond \u{00e9}\n".utf8 + [0xFF, 0xFE, 0x41, 0x0A]).write(to: file)
        XCTAssertThrowsError(try NotebookParser.parse(file: file, displayPath: "notebooks/bad.md")) { error in
            XCTAssertEqual("\(error)", "notebooks/bad.md:3: error: the notebook is not valid UTF-8")
        }
    }

    func testProgramMapsLinesIntoTheNotebook() throws {
        let nb = try parse("# t\n\n```swift\n//| label: a\nlet x = 1\n```\n\n```swift\n//| eval: false\nboom\n```\n\n```swift\n//| error: true\nthrow E()\n```\n")
        let source = NotebookProgram(notebook: nb).source
        XCTAssertTrue(source.contains("#sourceLocation(file: \"notebooks/t.md\", line: 5)\nlet x = 1"))
        XCTAssertFalse(source.contains("boom"), "eval: false blocks are not compiled")
        XCTAssertTrue(source.contains("do {\n#sourceLocation(file: \"notebooks/t.md\", line: 15)\nthrow E()"))
        XCTAssertTrue(source.hasSuffix("NotebookRuntime.finish()\n"))
        let start = try XCTUnwrap(source.range(of: "\nNotebookRuntime.start()\n"), "the runtime starts first")
        XCTAssertLessThan(start.lowerBound, try XCTUnwrap(source.range(of: "NotebookRuntime.beginBlock(")).lowerBound)
    }
}

extension NotebookParserTests {
    func testRunnableSourceIgnoresWhereBlocksSit() throws {
        let a = try parse("# t\n\n```swift\n//| label: fig-a\nlet x = 1\n```\n")
        let b = try parse("# t\n\nMore prose,\nover lines.\n\n```swift\n//| label: fig-a\nlet x = 1\n```\n")
        XCTAssertNotEqual(NotebookProgram(notebook: a).source, NotebookProgram(notebook: b).source)
        XCTAssertEqual(NotebookProgram(notebook: a).runnableSource, NotebookProgram(notebook: b).runnableSource)
        XCTAssertFalse(NotebookProgram(notebook: a).runnableSource.contains("#sourceLocation"))
        XCTAssertTrue(NotebookProgram(notebook: a).source.contains(#"label: "fig-a")"#))
        let c = try parse("# t\n\n```swift\n//| label: fig-a\nlet x = 2\n```\n")
        XCTAssertNotEqual(NotebookProgram(notebook: a).runnableSource, NotebookProgram(notebook: c).runnableSource)
    }
}
