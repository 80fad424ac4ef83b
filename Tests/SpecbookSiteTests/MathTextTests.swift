import SpecbookSite
import XCTest

final class MathTextTests: XCTestCase {
    func testFormulasBecomeMathMLAndTheRestStaysText() {
        let html = MathText.html("G at $K = 2^{10}$ & a*b_c")
        XCTAssertTrue(html.hasPrefix("G at <math"), html)
        XCTAssertTrue(html.contains("<msup>"), html)
        XCTAssertTrue(html.hasSuffix("</math> &amp; a*b_c"), "no Markdown outside formulas: \(html)")
        XCTAssertEqual(MathText.html("costs $5 and \\$3 <b>"), "costs $5 and $3 &lt;b&gt;")
        XCTAssertEqual(MathText.html("plain"), "plain")
    }
}
