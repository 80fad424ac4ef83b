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
        let html = MathSpans.restore(Markdown.render(protected.text), protected.spans)
        XCTAssertTrue(html.contains("<p>Let <math><semantics><mrow><msub><mi>x</mi><mn>1</mn></msub>"), html)
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
        XCTAssertEqual(Markdown.render(protected.text), "<p>Pay $5 or $5.</p>\n")
    }

    func testMathInAltTextStaysSource() {
        let protected = MathSpans.protect("![plot of $x<1$](a.png)")
        let html = MathSpans.restore(Markdown.render(protected.text), protected.spans)
        XCTAssertTrue(html.contains("alt=\"plot of x&lt;1\""), html)
    }

    func testLineCountIsKept() {
        let source = "a $x$\n\n$$\ny\n$$\n\nb\n"
        XCTAssertEqual(MathSpans.protect(source).text.split(separator: "\n", omittingEmptySubsequences: false).count,
                       source.split(separator: "\n", omittingEmptySubsequences: false).count - 2)
    }
}
