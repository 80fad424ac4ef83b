import SpecbookSite
import XCTest

final class MathMLTests: XCTestCase {
    /// The MathML inside `<semantics>`, without the TeX annotation.
    func body(_ tex: String, display: Bool = false) -> String {
        let html = MathML.render(tex, display: display)
        guard let start = html.range(of: "<semantics>"), let end = html.range(of: "<annotation") else { return html }
        return String(html[start.upperBound..<end.lowerBound])
    }

    func testFractionsScriptsAndGreek() {
        XCTAssertEqual(body(#"\frac{a}{2}"#), "<mfrac><mi>a</mi><mn>2</mn></mfrac>")
        XCTAssertEqual(body(#"\dfrac{1}{n}"#), "<mstyle displaystyle=\"true\"><mfrac><mn>1</mn><mi>n</mi></mfrac></mstyle>")
        XCTAssertEqual(body("x_i^2"), "<msubsup><mi>x</mi><mi>i</mi><mn>2</mn></msubsup>")
        XCTAssertEqual(body("x^23"), "<mrow><msup><mi>x</mi><mn>2</mn></msup><mn>3</mn></mrow>")
        XCTAssertEqual(body(#"\alpha + \Omega"#), "<mrow><mi>α</mi><mo>+</mo><mi mathvariant=\"normal\">Ω</mi></mrow>")
        XCTAssertEqual(body("f'(x)"), "<mrow><msup><mi>f</mi><mo>′</mo></msup><mo stretchy=\"false\" form=\"prefix\">(</mo><mi>x</mi><mo stretchy=\"false\" form=\"postfix\">)</mo></mrow>")
    }

    func testLargeOperatorsWithLimits() {
        XCTAssertEqual(body(#"\sum_{k=1}^{n} k"#),
                       "<mrow><munderover><mo largeop=\"true\" movablelimits=\"true\">∑</mo><mrow><mi>k</mi><mo>=</mo><mn>1</mn></mrow><mi>n</mi></munderover><mi>k</mi></mrow>")
        XCTAssertEqual(body(#"\int_0^\infty"#),
                       "<msubsup><mo largeop=\"true\" movablelimits=\"false\">∫</mo><mn>0</mn><mi mathvariant=\"normal\">∞</mi></msubsup>")
        XCTAssertTrue(body(#"\lim_{x \to 0}"#).hasPrefix("<munder><mo form=\"prefix\" movablelimits=\"true\">lim</mo>"))
        XCTAssertTrue(body(#"\prod_i"#).hasPrefix("<munder><mo largeop=\"true\" movablelimits=\"true\">∏</mo>"))
    }

    func testRelationsOperatorsAndSymbols() {
        XCTAssertEqual(body(#"a \le b \ne c \approx d"#),
                       "<mrow><mi>a</mi><mo>≤</mo><mi>b</mi><mo>≠</mo><mi>c</mi><mo>≈</mo><mi>d</mi></mrow>")
        for (tex, glyph) in [(#"\partial"#, "∂"), (#"\nabla"#, "∇"), (#"\propto"#, "∝"), (#"\cdot"#, "⋅"), (#"\times"#, "×"),
                             (#"\pm"#, "±"), (#"\in"#, "∈"), (#"\subset"#, "⊂"), (#"\cdots"#, "⋯"), (#"\ldots"#, "…"),
                             (#"\to"#, "→"), (#"\sim"#, "∼"), (#"\ge"#, "≥")] {
            XCTAssertTrue(body(tex).contains(glyph), "\(tex) -> \(body(tex))")
        }
        XCTAssertEqual(body("a-b"), "<mrow><mi>a</mi><mo>−</mo><mi>b</mi></mrow>")
        XCTAssertEqual(body("[-1, 1]"), "<mrow><mo stretchy=\"false\" form=\"prefix\">[</mo><mo form=\"prefix\">−</mo><mn>1</mn><mo>,</mo><mn>1</mn><mo stretchy=\"false\" form=\"postfix\">]</mo></mrow>")
        XCTAssertEqual(body("x = -y"), "<mrow><mi>x</mi><mo>=</mo><mo form=\"prefix\">−</mo><mi>y</mi></mrow>")
        XCTAssertEqual(body("(a) - b"), "<mrow><mo stretchy=\"false\" form=\"prefix\">(</mo><mi>a</mi><mo stretchy=\"false\" form=\"postfix\">)</mo><mo>−</mo><mi>b</mi></mrow>")
        XCTAssertEqual(body("a < b"), "<mrow><mi>a</mi><mo>&lt;</mo><mi>b</mi></mrow>")
    }

    func testNormsAccentsAndBrackets() {
        XCTAssertEqual(body(#"\|x\|"#), "<mrow><mo stretchy=\"false\" lspace=\"0\" rspace=\"0\">‖</mo><mi>x</mi><mo stretchy=\"false\" lspace=\"0\" rspace=\"0\">‖</mo></mrow>")
        XCTAssertTrue(body(#"\lVert h \rVert_2"#).contains("<msub><mo stretchy=\"false\" lspace=\"0\" rspace=\"0\">‖</mo><mn>2</mn></msub>"))
        XCTAssertEqual(body(#"\hat{f}"#), "<mover accent=\"true\"><mi>f</mi><mo stretchy=\"false\">^</mo></mover>")
        XCTAssertEqual(body(#"\widehat{fg}"#), "<mover accent=\"true\"><mrow><mi>f</mi><mi>g</mi></mrow><mo stretchy=\"true\">^</mo></mover>")
        XCTAssertTrue(body(#"\tilde x"#).contains("<mo stretchy=\"false\">~</mo>"))
        XCTAssertTrue(body(#"\bar{x}"#).contains("¯"))
        XCTAssertTrue(body(#"\overline{xy}"#).contains("<mo stretchy=\"true\">‾</mo>"))
        XCTAssertEqual(body(#"\left( \frac{1}{2} \right]"#),
                       "<mrow><mo stretchy=\"true\" form=\"prefix\" fence=\"true\">(</mo><mfrac><mn>1</mn><mn>2</mn></mfrac><mo stretchy=\"true\" form=\"postfix\" fence=\"true\">]</mo></mrow>")
        XCTAssertEqual(body(#"\left. x \right|"#),
                       "<mrow><mi>x</mi><mo stretchy=\"true\" form=\"postfix\" fence=\"true\">|</mo></mrow>")
    }

    func testFontsTextAndOperatorNames() {
        XCTAssertEqual(body(#"\mathbb{R}^d"#), "<msup><mi>ℝ</mi><mi>d</mi></msup>")
        XCTAssertEqual(body(#"\mathbb{E}"#), "<mi>𝔼</mi>")
        XCTAssertEqual(body(#"\mathcal{L}"#), "<mi>ℒ</mi>")
        XCTAssertEqual(body(#"\mathcal{A}"#), "<mi>𝒜</mi>")
        XCTAssertEqual(body(#"\mathrm{d}x"#), "<mrow><mi mathvariant=\"normal\">d</mi><mi>x</mi></mrow>")
        XCTAssertEqual(body(#"\mathrm{ReLU}"#), "<mi>ReLU</mi>")
        XCTAssertEqual(body(#"\text{ if } x"#), "<mrow><mtext>\u{A0}if\u{A0}</mtext><mi>x</mi></mrow>")
        XCTAssertEqual(body(#"\operatorname{sign} x"#), "<mrow><mi>sign</mi><mo>\u{2061}</mo><mspace width=\"0.1667em\"></mspace><mi>x</mi></mrow>")
        XCTAssertEqual(body(#"\sin(x)"#), "<mrow><mi>sin</mi><mo>\u{2061}</mo><mo stretchy=\"false\" form=\"prefix\">(</mo><mi>x</mi><mo stretchy=\"false\" form=\"postfix\">)</mo></mrow>")
    }

    func testFormulasFromTheStudy() {
        XCTAssertEqual(body(#"c_1 / |\xi|^{d+3}"#),
                       "<mrow><msub><mi>c</mi><mn>1</mn></msub><mo lspace=\"0\" rspace=\"0\">/</mo><mo stretchy=\"false\" lspace=\"0\" rspace=\"0\">|</mo><mi>ξ</mi><msup><mo stretchy=\"false\" lspace=\"0\" rspace=\"0\">|</mo><mrow><mi>d</mi><mo>+</mo><mn>3</mn></mrow></msup></mrow>")
        XCTAssertTrue(body(#"\operatorname*{arg\,min}_h"#).hasPrefix("<munder><mo form=\"prefix\" movablelimits=\"true\">arg\u{2009}min</mo><mi>h</mi></munder>"))
        let weight = body(#"w(k) = (1 + |2\pi k|^2)^{\alpha/2}"#)
        XCTAssertFalse(weight.contains("merror"), weight)
        XCTAssertFalse(body(#"h_K(x) = \sum_j c_j G_K(x - x_j), \quad G_K(z) = \sum_{\|k\|_\infty \le K} w(k)^{-1} e^{2\pi i k \cdot z}"#).contains("merror"))
    }

    func testRootsSpacingAndEnvironments() {
        XCTAssertEqual(body(#"\sqrt{x}"#), "<msqrt><mi>x</mi></msqrt>")
        XCTAssertEqual(body(#"\sqrt[3]{x}"#), "<mroot><mi>x</mi><mn>3</mn></mroot>")
        XCTAssertEqual(body(#"a\quad b"#), "<mrow><mi>a</mi><mspace width=\"1.0em\"></mspace><mi>b</mi></mrow>")
        XCTAssertEqual(body(#"a\,b"#), "<mrow><mi>a</mi><mspace width=\"0.1667em\"></mspace><mi>b</mi></mrow>")
        let matrix = body(#"\begin{pmatrix} a & b \\ c & d \end{pmatrix}"#, display: true)
        XCTAssertTrue(matrix.hasPrefix("<mrow><mo stretchy=\"true\" form=\"prefix\" fence=\"true\">(</mo><mtable><mtr><mtd"), matrix)
        XCTAssertEqual(matrix.components(separatedBy: "<mtr>").count - 1, 2)
        XCTAssertEqual(matrix.components(separatedBy: "<mtd").count - 1, 4)
        let cases = body(#"h = \begin{cases} 1 & x > 0 \\ 0 & \text{otherwise} \end{cases}"#)
        XCTAssertTrue(cases.contains("<mo stretchy=\"true\" form=\"prefix\" fence=\"true\">{</mo><mtable>"), cases)
    }

    func testUnknownCommandsAreShownNotDropped() {
        XCTAssertEqual(body(#"\foo{x}"#), "<mrow><merror><mtext>\\foo</mtext></merror><mi>x</mi></mrow>")
        XCTAssertEqual(body("a}"), "<mrow><mi>a</mi><merror><mtext>}</mtext></merror></mrow>")
        XCTAssertEqual(body(#"\frac{a"#), "<mfrac><mi>a</mi><mrow></mrow></mfrac>")
    }

    func testDisplayAndAnnotation() {
        let html = MathML.render("a<b", display: true)
        XCTAssertTrue(html.hasPrefix("<math display=\"block\"><semantics>"))
        XCTAssertTrue(html.hasSuffix("<annotation encoding=\"application/x-tex\">a&lt;b</annotation></semantics></math>"))
    }
}
