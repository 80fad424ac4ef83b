import Foundation
import SpecbookNotebook
import SpecbookSite
import SpecbookWire
import XCTest

/// A whole page rendered from a parsed notebook and a made-up run result.
final class PageRendererTests: XCTestCase {
    let source = """
        ---
        title: Demo <page>
        author: A. Author & B. Author
        date: 2026-12-01
        ---

        ## Result

        See @fig-curve and @fig-gone; write to a@fig-b.org.

        ```swift
        //| label: fig-curve
        //| caption: A curve on $[0, 1]$.
        print("<b>not bold</b>")
        ```

        ```swift
        //| code-fold: true
        let s = "folded"
        ```

        > [!CAUTION]
        > Careful with @fig-gone.
        """

    func page() throws -> SitePage {
        let notebook = try NotebookParser.parse(source: source, path: "notebooks/demo.md", name: "demo")
        var first = BlockResult()
        first.stdout = "<b>not bold</b>\n"
        first.figures = [try JSONDecoder().decode(FigureOutput.self, from: Data("""
            {"png": "fig-curve.png", "svg": "fig-curve.svg", "pngDark": "fig-curve-dark.png", "svgDark": "fig-curve-dark.svg",
             "width": 640, "height": 400}
            """.utf8))]
        var second = BlockResult()
        second.stdout = (1...45).map { "line \($0)" }.joined(separator: "\n")
        let result = NotebookResult(status: .ok, blocks: [0: first, 1: second])
        let provenance = TestProvenance(seed: 1, seconds: 0.1)
        return SitePage(notebook: notebook, result: result, outputFolder: nil, provenance: provenance)
    }

    func testRendersAReadablePage() throws {
        let page = try page()
        let rendered = PageRenderer(siteTitle: "Report", references: SitePage.crossReferences([page])).render(page, previous: nil, next: nil)
        let html = rendered.html
        XCTAssertTrue(html.contains("<title>Demo &lt;page&gt; · Report</title>"))
        XCTAssertTrue(html.contains("<p class=\"byline\">A. Author &amp; B. Author · 2026-12-01</p>"), "author and date in the header")
        XCTAssertTrue(html.contains("<a class=\"skip-link\" href=\"#content\">"))
        XCTAssertTrue(html.contains("<h2 id=\"result\">Result<a class=\"anchor\" href=\"#result\""))
        XCTAssertTrue(html.contains("See <a class=\"xref\" href=\"#fig-curve\">Figure\u{A0}1</a>"), html)
        XCTAssertTrue(html.contains(">a@fig-b.org</a>"), "an e-mail address, not a reference")
        XCTAssertTrue(html.contains("<figure class=\"figure\" id=\"fig-curve\">"))
        XCTAssertTrue(html.contains("<span class=\"figure-number\">Figure 1</span>: A curve on <span class=\"math-inline\"><math>"), html)
        XCTAssertTrue(html.contains("alt=\"Figure 1: A curve on [0,1].\""), html)
        XCTAssertTrue(html.contains("<source srcset=\"assets/demo/fig-curve-dark.png\" media=\"(prefers-color-scheme: dark)\">"))
        XCTAssertTrue(html.contains("&lt;b&gt;not bold&lt;/b&gt;"), "outputs are escaped")
        XCTAssertFalse(html.contains("<b>not bold</b>"))
        XCTAssertTrue(html.contains("<details class=\"code-fold\"><summary>Show code</summary>"))
        XCTAssertTrue(html.contains("<details class=\"long-output\"><summary>Output: 45 lines</summary>"))
        XCTAssertTrue(html.contains("<div class=\"callout caution\" role=\"note\">"))
        XCTAssertEqual(html.components(separatedBy: "<span class=\"xref broken\"").count - 1, 2)
        XCTAssertEqual(rendered.warnings, [
            "notebooks/demo.md:9: warning: unknown cross reference @fig-gone",
            "notebooks/demo.md:23: warning: unknown cross reference @fig-gone",
        ])
        XCTAssertEqual(rendered.headings.map(\.id), ["result"])
        XCTAssertFalse(rendered.text.contains("not bold"), "code and outputs stay out of the search text")
        XCTAssertTrue(rendered.text.contains("Careful with"))
    }

    func testIndexCardsAndInlineSearch() throws {
        let page = try page()
        let entry = SearchIndex.Entry(name: "demo", title: page.title, description: nil, headings: [], text: "words")
        let html = IndexRenderer(siteTitle: "Report").render([page], search: [entry])
        XCTAssertTrue(html.contains("<li class=\"card\" data-page=\"demo\">"))
        XCTAssertTrue(html.contains("<p class=\"byline\">A. Author &amp; B. Author · 2026-12-01</p>"), "and on the card")
        XCTAssertTrue(html.contains("<img src=\"assets/demo/fig-curve.png\""))
        XCTAssertTrue(html.contains("<form class=\"search\" id=\"search\" role=\"search\" hidden>"))
        XCTAssertTrue(html.contains("<script type=\"application/json\" id=\"search-data\">"))
        XCTAssertTrue(html.contains("<script src=\"assets/search.js\" defer></script>"))
        XCTAssertFalse(html.contains("EventSource"), "the reload script is the preview server's, never the static site's")
    }

    func testValuesAreSubstitutedInProseOnly() throws {
        let source = """
            # Values

            The loss is {{loss}}, the rate {{ rate }}; `{{loss}}` stays code; {{gone}} was never reported.

            ```swift
            //| caption: Loss {{loss}}.
            print("{{loss}}")
            ```

            And {{gone}} again.
            """
        let notebook = try NotebookParser.parse(source: source, path: "notebooks/v.md", name: "v")
        var block = BlockResult()
        block.stdout = "{{loss}}\n"
        block.texts = ["shown {{loss}}"]
        block.figures = [FigureOutput(FigureRecord(block: 0, files: FigureFiles(stem: "f"), width: 10, height: 10))]
        let result = NotebookResult(status: .ok, blocks: [0: block], values: ["loss": "0.25", "rate": "<1e-3>"])
        let provenance = TestProvenance(seed: 1, seconds: 0.1)
        let page = SitePage(notebook: notebook, result: result, outputFolder: nil, provenance: provenance)
        let rendered = PageRenderer(siteTitle: "R").render(page, previous: nil, next: nil)
        let html = rendered.html
        let value = "<span class=\"value\" data-name=\"loss\">0.25</span>"
        // The first citation of each value carries its anchor, for links from changes.html.
        let first = "<span class=\"value\" data-name=\"loss\" id=\"value-loss\">0.25</span>"
        XCTAssertTrue(html.contains("The loss is \(first), the rate <span class=\"value\" data-name=\"rate\" id=\"value-rate\">&lt;1e-3&gt;</span>;"), html)
        XCTAssertEqual(html.components(separatedBy: "id=\"value-loss\"").count, 2, "one anchor per value")
        XCTAssertTrue(html.contains("<code>{{loss}}</code> stays code"), "inline code is verbatim")
        XCTAssertTrue(html.contains("<samp>{{loss}}</samp>"), "a block that prints {{loss}} shows {{loss}}")
        XCTAssertTrue(html.contains("print(<span class=\"str\">&quot;{{loss}}&quot;</span>)") || html.contains("{{loss}}&quot;"),
                      "the code is shown as written")
        XCTAssertTrue(html.contains("Loss \(value)."), "captions cite values")
        XCTAssertTrue(html.contains("shown {{loss}}"), "shown text is output, not prose")
        XCTAssertEqual(rendered.warnings, [
            "notebooks/v.md:3: warning: no value named 'gone' was reported ({{gone}})",
            "notebooks/v.md:10: warning: no value named 'gone' was reported ({{gone}})",
        ])
    }
}
