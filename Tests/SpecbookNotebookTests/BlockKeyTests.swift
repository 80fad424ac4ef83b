import Foundation
import SpecbookNotebook
import XCTest

/// What `cached(...)` values are stored under: each block's code up to its own, and everything else a value may
/// depend on.
final class BlockKeyTests: XCTestCase {
    let root = FileManager.default.temporaryDirectory

    func keys(_ blocks: [String], prose: String = "Text.", seed: Int = 1, parameters: [String: String] = ["n": "1"],
              library: String = "lib-1") throws -> [String] {
        let body = blocks.map { "```swift\n\($0)\n```" }.joined(separator: "\n\n\(prose)\n\n")
        let notebook = try NotebookParser.parse(source: "---\nseed: \(seed)\n---\n\n\(body)\n", path: "notebooks/k.md", name: "k")
        let keys = NotebookCache.blockKeys(for: notebook, parameters: parameters, libraryFingerprint: library, projectRoot: root)
        return notebook.executableBlocks.map { keys[$0.index]! }
    }

    func testALaterEditKeepsEarlierKeysAndAnEarlierEditChangesLaterOnes() throws {
        let base = try keys(["let a = 1", "let b = a + 1", "print(b)"])
        XCTAssertEqual(Set(base).count, 3, "each block has its own key")
        let lastEdited = try keys(["let a = 1", "let b = a + 1", "print(b) // a comment"])
        XCTAssertEqual(Array(lastEdited.prefix(2)), Array(base.prefix(2)), "blocks before the edit keep their keys")
        XCTAssertNotEqual(lastEdited[2], base[2])
        let firstEdited = try keys(["let a = 2", "let b = a + 1", "print(b)"])
        for i in 0..<3 { XCTAssertNotEqual(firstEdited[i], base[i], "an edit changes its block's key and every later one") }
        XCTAssertEqual(try keys(["let a = 1", "let b = a + 1", "print(b)"], prose: "Other prose, longer\n\nand more."), base,
                       "prose never changes a key")
    }

    func testParametersSeedAndLibraryChangeEveryKey() throws {
        let base = try keys(["let a = 1", "print(a)"])
        for other in [try keys(["let a = 1", "print(a)"], seed: 2),
                      try keys(["let a = 1", "print(a)"], parameters: ["n": "2"]),
                      try keys(["let a = 1", "print(a)"], library: "lib-2")] {
            XCTAssertNotEqual(other[0], base[0])
            XCTAssertNotEqual(other[1], base[1])
        }
    }

    func sweepKey(_ code: String, before: String = "let a = 1") throws -> String? {
        let source = "```swift\n\(before)\n```\n\n```swift\n\(code)\n```\n"
        let notebook = try NotebookParser.parse(source: source, path: "notebooks/s.md", name: "s")
        let blocks = NotebookCache.blockKeys(for: notebook, parameters: [:], libraryFingerprint: "lib", projectRoot: root)
        let keys = NotebookCache.sweepKeys(for: notebook, blockKeys: blocks, seedKey: blocks[-1]!)
        return keys["\(notebook.executableBlocks[1].index)/scan"]
    }

    func testASweepKeyCoversTheCodeBeforeItAndItsClosureButNotItsGrid() throws {
        let call = #"let k = 2\nlet r = try sweep("scan", over: [1, 2, 3]) { (x: Int) -> Int in x * k /* "}" */ }\nprint(r)"#
        let base = try XCTUnwrap(try sweepKey(call))
        XCTAssertEqual(try sweepKey(call.replacingOccurrences(of: "[1, 2, 3]", with: "[1, 2, 3, 4]")), base, "more points")
        XCTAssertEqual(try sweepKey(call.replacingOccurrences(of: "print(r)", with: "print(r, r)")), base, "code after it")
        XCTAssertNotEqual(try sweepKey(call.replacingOccurrences(of: "x * k", with: "x + k")), base, "its closure")
        XCTAssertNotEqual(try sweepKey(call.replacingOccurrences(of: "let k = 2", with: "let k = 3")), base, "its block before it")
        XCTAssertNotEqual(try sweepKey(call, before: "let a = 2"), base, "an earlier block")
        XCTAssertNil(try sweepKey(#"let r = try sweep(name, over: [1]) { $0 }"#), "a name that is no literal has no key of its own")
    }
}
