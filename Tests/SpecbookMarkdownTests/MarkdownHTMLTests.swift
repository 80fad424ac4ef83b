import Foundation
import SpecbookMarkdown
import XCTest

/// The tree's HTML against cmark-gfm's own renderer, an independent implementation, on every construct the
/// site uses and on every page of the report.
final class MarkdownHTMLTests: XCTestCase {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let samples = [
        "Text and *em* **strong** ~~del~~ `code` <b>raw</b> & \"quotes\" 'single' -- ---\nline two  \nhard break.",
        "# H1\n\n## H2 with `code` and *em*\n\nSetext\n======\n",
        "- a\n- b\n  - nested\n- [x] done\n- [ ] todo\n\n1. one\n2. two\n\n3. loose\n\n7. seven\n8. eight\n",
        "| a | b | c | d |\n|:-|-:|:-:|-|\n| 1 | 2 | 3 | 4 |\n| *x* | `y` | | z |\n\n| only |\n|---|\n",
        "> quote\n> > nested\n\n> [!NOTE]\n> A callout.\n\n***\n",
        "![alt *x*](i.png \"T\") [l](http://x.org/a%20b \"t&\") <http://auto.org> www.x.org me@example.org [r][ref]\n\n[ref]: /u?a=1&b='2' \"Title\"\n",
        "```swift\nlet x = 1 < 2 && \"s\"\n```\n\n~~~\nplain\n~~~\n\n    indented\n\n<div class=\"x\">\nraw *not em*\n</div>\n\n<script>alert(1)</script>\n",
        "Text[^a] and more[^b].\n\n[^a]: The note.\n[^b]: Another *note*.\n[^unused]: Never cited.\n",
        "Unicode: é ü 日本 — “curly” and a tab\there.\n\n\\* escaped \\_ and &amp; &copy; &#x41;\n",
    ]

    func testMatchesCmarkOnSamples() {
        for sample in Self.samples {
            XCTAssertEqual(MarkdownHTML.render(MarkdownDocument(parsing: sample)), MarkdownDocument.cmarkHTML(sample), sample)
        }
    }

    func testMatchesCmarkOnEveryNotebookAndTheReadme() throws {
        let notebooks = Self.packageRoot.appendingPathComponent("notebooks")
        var files = try FileManager.default.contentsOfDirectory(at: notebooks, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "md" }
        files += [Self.packageRoot.appendingPathComponent("README.md"), Self.packageRoot.appendingPathComponent("ARCHITECTURE.md")]
        XCTAssertGreaterThan(files.count, 5)
        for file in files {
            let source = try String(contentsOf: file, encoding: .utf8)
            XCTAssertEqual(MarkdownHTML.render(MarkdownDocument(parsing: source)), MarkdownDocument.cmarkHTML(source), file.lastPathComponent)
        }
    }

    func testCodeBlocksCarryLinesAndFencedIndex() {
        let document = MarkdownDocument(parsing: "# t\n\n```swift\nlet a = 1\n```\n\n    indented\n\n> ~~~python\n> x\n> ~~~\n")
        let blocks = document.codeBlocks
        XCTAssertEqual(blocks.map(\.startLine), [3, 7, 9])
        XCTAssertEqual(blocks.map(\.index), [0, nil, 1])
        XCTAssertEqual(blocks.map(\.info), ["swift", "", "python"])
        XCTAssertEqual(blocks[0].literal, "let a = 1\n")
        XCTAssertEqual(blocks[2].fence, .init(character: "~", length: 3))
    }

    func testRenderedNodesAreWrittenAsTheyAre() {
        let document = MarkdownDocument(blocks: [
            .paragraph([.text("a < b "), .rendered("<math>x</math>")]),
            .rendered("<div class=\"cell\">c</div>"),
            .group(open: "<div class=\"callout\">\n", [.paragraph([.text("inside")])], close: "</div>\n"),
        ])
        XCTAssertEqual(MarkdownHTML.render(document),
                       "<p>a &lt; b <math>x</math></p>\n<div class=\"cell\">c</div>\n<div class=\"callout\">\n<p>inside</p>\n</div>\n")
    }
}
