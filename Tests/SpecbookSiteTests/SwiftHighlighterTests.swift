import SpecbookSite
import XCTest

final class SwiftHighlighterTests: XCTestCase {
    func testKeywordsTypesAndNumbers() {
        XCTAssertEqual(
            SwiftHighlighter.html("let x: Double = 1_000.5e-3"),
            #"<span class="kw">let</span> x: <span class="type">Double</span> = <span class="num">1_000.5e-3</span>"#)
        XCTAssertEqual(SwiftHighlighter.html("0xFF"), #"<span class="num">0xFF</span>"#)
    }

    func testComments() {
        XCTAssertEqual(SwiftHighlighter.html("a // note <b>"), #"a <span class="com">// note &lt;b&gt;</span>"#)
        XCTAssertEqual(SwiftHighlighter.html("/* a /* nested */ b */ c"), #"<span class="com">/* a /* nested */ b */</span> c"#)
    }

    func testStringWithInterpolation() {
        let html = SwiftHighlighter.html(#"print("n = \(n + 1), \("inner")")"#)
        XCTAssertEqual(html, #"print(<span class="str">&quot;n = </span><span class="interp"><span class="str">\(</span>n + <span class="num">1</span><span class="str">)</span></span><span class="str">, </span><span class="interp"><span class="str">\(</span><span class="str">&quot;inner&quot;</span><span class="str">)</span></span><span class="str">&quot;</span>)"#)
    }

    func testMultiLineAndRawStrings() {
        let code = "let s = \"\"\"\n  a \"quoted\" line\n  \"\"\"\nlet t = 1"
        let html = SwiftHighlighter.html(code)
        XCTAssertTrue(html.contains("<span class=\"str\">&quot;&quot;&quot;\n  a &quot;quoted&quot; line\n  &quot;&quot;&quot;</span>"), html)
        XCTAssertTrue(html.hasSuffix(#"<span class="kw">let</span> t = <span class="num">1</span>"#), html)
        XCTAssertEqual(SwiftHighlighter.html(##"#"a "b" \n"#"##), ##"<span class="str">#&quot;a &quot;b&quot; \n&quot;#</span>"##)
    }

    func testEscapedQuoteDoesNotEndString() {
        XCTAssertEqual(SwiftHighlighter.html(#""a\"b" + c"#), #"<span class="str">&quot;a\&quot;b&quot;</span> + c"#)
    }

    func testClosureArgumentsAndMembersAreNotKeywordsOrNumbers() {
        XCTAssertEqual(SwiftHighlighter.html("xs.map { $0 * 2 }.default"),
                       #"xs.map { $0 * <span class="num">2</span> }.default"#)
    }

    func testAttributesAndUnterminatedInput() {
        XCTAssertEqual(SwiftHighlighter.html("@MainActor func f()"),
                       #"<span class="attr">@MainActor</span> <span class="kw">func</span> f()"#)
        XCTAssertEqual(SwiftHighlighter.html("\"open"), #"<span class="str">&quot;open</span>"#)
        XCTAssertEqual(SwiftHighlighter.html("/* open"), #"<span class="com">/* open</span>"#)
    }
}
