import SpecbookMarkdown
import SpecbookNotebook
import SpecbookSite
import XCTest

final class MathSpansTests: XCTestCase {
    func texts(_ markdown: String) -> [String] {
        MathSpans.protect(markdown).spans.map(\.tex)
    }

    func testInlineAndDisplay() {
        let protected = MathSpans.protect("Let $x_1 * y_2$ be\n\n$$\n\\sum_k a_k\n$$\n")
        XCTAssertEqual(protected.spans, [.init(tex: "x_1 * y_2", display: false), .init(tex: "\\sum_k a_k", display: true)])
        XCTAssertEqual(protected.text, "Let \u{E000}0\u{E001} be\n\n\u{E000}1\n\u{E002}\n\u{E002}\u{E001}\n", "line breaks of a formula are kept")
        let html = PageRenderer.inline("Let $x_1 * y_2$ be") + PageRenderer.inline("$$\n\\sum_k a_k\n$$")
        XCTAssertTrue(html.contains("Let <math><semantics><mrow><msub><mi>x</mi><mn>1</mn></msub>"), html)
        XCTAssertTrue(html.contains("<span class=\"math-display\"><math display=\"block\">"), html)
        XCTAssertFalse(html.contains("<em>"), "underscores and stars inside math are not emphasis: \(html)")
    }

    func testCurrencyEscapesAndCode() {
        XCTAssertEqual(texts("It costs $5 today."), [])
        XCTAssertEqual(texts("Between $5 and $10 each."), [])
        XCTAssertEqual(texts("Costs $5 and $x$ is math."), ["x"])
        XCTAssertEqual(texts("An escaped \\$x\\$ stays."), [])
        XCTAssertEqual(texts("Code `$x$` and ``a $b$ c`` stays."), [])
        XCTAssertEqual(texts("Price $10, shell `$HOME`, then $y$."), ["y"])
        XCTAssertEqual(texts("```swift\nlet s = \"$x$\"\n```\nafter $z$"), ["z"])
        XCTAssertEqual(texts("~~~\n$$a$$\n~~~\n"), [])
        XCTAssertEqual(texts("$ x$ and $x $ are not math"), [])
        XCTAssertEqual(texts("Not across\n\nparagraphs $a\n\nb$"), [])
        XCTAssertEqual(texts("Across\nlines $a +\nb$ is fine"), ["a +\nb"])
    }

    func testEscapedDollarRendersAsDollar() {
        let protected = MathSpans.protect("Pay \\$5 or $5.")
        XCTAssertEqual(MarkdownHTML.render(MarkdownDocument(parsing: protected.text)), "<p>Pay $5 or $5.</p>\n")
    }

    func testMathInAltTextStaysSource() {
        let html = PageRenderer.inline("![plot of $x<1$](a.png)")
        XCTAssertTrue(html.contains("alt=\"plot of x&lt;1\""), html)
    }

    func testLineCountIsKept() throws {
        let source = "a $x$\n\n$$\ny\n$$\n\nb $c +\nd$ e\n"
        XCTAssertEqual(MathSpans.protect(source).text.split(separator: "\n", omittingEmptySubsequences: false).count,
                       source.split(separator: "\n", omittingEmptySubsequences: false).count)
        // So a code block after a formula over several lines keeps its line, and the formula renders whole.
        let notebook = try NotebookParser.parse(source: source + "\n```swift\nlet z = 1\n```\n", path: "n.md", name: "n")
        XCTAssertEqual(notebook.swiftBlocks.first?.fenceLine, 10)
        let html = PageRenderer.inline("b $c +\nd$, e")
        XCTAssertTrue(html.hasPrefix("b <span class=\"math-inline\"><math>"), html)
        XCTAssertTrue(html.contains("</math>,</span> e"), html)
        XCTAssertFalse(html.contains("\u{E002}"))
    }
}
