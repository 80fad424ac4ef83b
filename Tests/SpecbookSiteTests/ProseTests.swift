import SpecbookMarkdown
import SpecbookNotebook
import SpecbookSite
import XCTest

final class ProseTests: XCTestCase {
    /// The page HTML of a prose-only notebook rendered with `references`.
    func page(_ markdown: String, references: CrossReferences = CrossReferences()) throws -> RenderedPage {
        let notebook = try NotebookParser.parse(source: markdown, path: "notebooks/p.md", name: "p")
        let provenance = TestProvenance(seed: 0, seconds: 0)
        let page = SitePage(notebook: notebook, result: nil, outputFolder: nil, provenance: provenance)
        return PageRenderer(siteTitle: "R", references: references).render(page, previous: nil, next: nil)
    }

    func testCallouts() throws {
        let html = try page("> [!WARNING]\n> Mind the *gap*.\n\n> [!tip]\n>\n> Second.\n\n> [!FOO]\n> stays\n\n> [!NOTE] Same line.\n").html
        XCTAssertTrue(html.contains("<div class=\"callout warning\" role=\"note\"><p class=\"callout-title\">Warning</p>\n<p>Mind the <em>gap</em>.</p>\n</div>"), html)
        XCTAssertTrue(html.contains("<div class=\"callout tip\" role=\"note\"><p class=\"callout-title\">Tip</p>\n<p>Second.</p>\n</div>"), html)
        XCTAssertTrue(html.contains("<blockquote>\n<p>[!FOO]"), html)
        XCTAssertTrue(html.contains("<p class=\"callout-title\">Note</p>\n<p>Same line.</p>"), html)
        for kind in ["NOTE", "IMPORTANT", "CAUTION"] {
            XCTAssertTrue(try page("> [!\(kind)]\n> x\n").html.contains("callout \(kind.lowercased())"))
        }
    }

    func testNestedQuoteInsideCallout() throws {
        let html = try page("> [!NOTE]\n> a\n> > quoted\n>\n> b\n\nafter\n").html
        XCTAssertTrue(html.contains("<div class=\"callout note\""), html)
        XCTAssertTrue(html.contains("<blockquote>\n<p>quoted"), html)
        XCTAssertTrue(html.contains("</blockquote>\n<p>b</p>\n</div>"), html)
    }

    func testHeadingAnchorsAreUniqueAndAvoidReservedIDs() {
        var used: Set<String> = ["fig-a"]
        let document = MarkdownDocument(parsing: "## Method\n\n## Method\n\n### The `x` step & more\n\n## Fig A\n\n## fig-a\n")
        let page = TableOfContents.anchor(document, used: &used, named: TableOfContents.headingTexts(document))
        XCTAssertEqual(page.headings.map(\.id), ["method", "method-1", "the-x-step-more", "fig-a-1", "fig-a-2"])
        XCTAssertEqual(page.headings[2].text, "The x step & more")
        let html = MarkdownHTML.render(page.document)
        XCTAssertTrue(html.contains("<h2 id=\"method-1\">Method<a class=\"anchor\" href=\"#method-1\""), html)
        let toc = TableOfContents.render(page.headings)
        XCTAssertTrue(toc.contains("<li class=\"toc-level-2\"><a href=\"#the-x-step-more\">The <code>x</code> step &amp; more</a></li>"), toc)
        XCTAssertEqual(TableOfContents.slug("!!!"), "section")
        XCTAssertEqual(TableOfContents.slug("Über 2.5 Größe"), "über-2-5-größe")
    }

    func testCrossReferences() throws {
        var refs = CrossReferences()
        refs.add(notebook: "p", title: "Notebook P", labels: ["fig-x": .init(kind: .figure, number: 3), "tbl-t": .init(kind: .table, number: 1)])
        refs.add(notebook: "b", title: "B & co", labels: ["fig-y": .init(kind: .figure, number: 2)])
        let rendered = try page("See @fig-x, @tbl-t and @b#fig-y. Mail me@fig-x.org or @someone. Missing @fig-none.\n\n`@fig-x` and [@fig-x](u)\n\n    @fig-x\n", references: refs)
        XCTAssertTrue(rendered.html.contains("<p>See <a class=\"xref\" href=\"#fig-x\">Figure\u{A0}3</a>, <a class=\"xref\" href=\"#tbl-t\">Table\u{A0}1</a> and <a class=\"xref\" href=\"b.html#fig-y\">Figure\u{A0}2 of B &amp; co</a>. Mail <a href=\"mailto:me@fig-x.org\">me@fig-x.org</a> or @someone. Missing <span class=\"xref broken\" title=\"no figure, table or equation labelled fig-none\">@fig-none?</span>.</p>"), rendered.html)
        XCTAssertTrue(rendered.html.contains("<p><code>@fig-x</code> and <a href=\"u\">@fig-x</a></p>"), "code and link text are no references: \(rendered.html)")
        XCTAssertTrue(rendered.html.contains("<pre><code>@fig-x\n</code></pre>"))
        XCTAssertEqual(rendered.warnings, ["notebooks/p.md:1: warning: unknown cross reference @fig-none"])
        XCTAssertEqual(refs.inlines(in: "@c#fig-z", current: "p").broken, ["@c#fig-z"])
        XCTAssertEqual(refs.inlines(in: "no reference", current: "p").inlines, [.text("no reference")])
    }

    func testLineOfABrokenReference() {
        let body = "\n\nSee @fig-none here.\n```swift\n//| caption: also @fig-none\nprint(\"@fig-none\")\n```\n@fig-none-2 and @fig-none\n"
        XCTAssertEqual(CrossReferences.line(of: "@fig-none", occurrence: 0, in: body), 3)
        XCTAssertEqual(CrossReferences.line(of: "@fig-none", occurrence: 1, in: body), 5)
        XCTAssertEqual(CrossReferences.line(of: "@fig-none", occurrence: 2, in: body), 8)
    }

    func testPlainText() {
        XCTAssertEqual(HTMLText.plain("<p>a &amp; <em>b</em></p><p>c<math><semantics><mi>x</mi><annotation encoding=\"x\">\\x</annotation></semantics></math></p>"), "a & b cx")
    }

    func testSearchIndexIsSafeInsideScript() {
        let entry = SearchIndex.Entry(name: "a", title: "</script><b>", description: nil, headings: [], text: "x")
        let script = SearchIndex.script([entry])
        XCTAssertEqual(script.components(separatedBy: "</script>").count, 2, script)
        XCTAssertTrue(script.contains("\\u003c/script>"))
    }

    func testNumberedEquationsAndTheirReferences() throws {
        let markdown = """
        See @eq-energy and @eq-missing.

        $$E = mc^2$$ {#eq-energy}

        $$a^2 + b^2$$

        $$
        \\sum_k w(k)^{-1}
        $$   {#eq-sum}

        Then @eq-sum. Inline $x$ {#eq-not} is no equation. In code: `@eq-energy`.
        """
        let notebook = try NotebookParser.parse(source: markdown, path: "notebooks/p.md", name: "p")
        XCTAssertEqual(Equations.numbers(notebook.math), ["eq-energy": 1, "eq-sum": 2])
        let references = SitePage.crossReferences([SitePage(notebook: notebook, result: nil, outputFolder: nil,
                                                            provenance: TestProvenance(seed: 0, seconds: 0))])
        let rendered = try page(markdown, references: references)
        let html = rendered.html
        XCTAssertTrue(html.contains("<span class=\"math-display numbered\" id=\"eq-energy\"><math"), html)
        XCTAssertTrue(html.contains("<span class=\"eq-number\">(1)</span></span>"), html)
        XCTAssertTrue(html.contains("id=\"eq-sum\""), html)
        XCTAssertTrue(html.contains("<span class=\"eq-number\">(2)</span>"), html)
        XCTAssertEqual(html.components(separatedBy: "eq-number").count - 1, 2, "the unlabelled equation has no number")
        XCTAssertTrue(html.contains("<a class=\"xref\" href=\"#eq-energy\">Equation\u{A0}(1)</a>"), html)
        XCTAssertTrue(html.contains("<a class=\"xref\" href=\"#eq-sum\">Equation\u{A0}(2)</a>"), html)
        XCTAssertTrue(html.contains("{#eq-not}"), "a label after inline math stays text")
        XCTAssertTrue(html.contains("<code>@eq-energy</code>"))
        XCTAssertEqual(rendered.warnings, ["notebooks/p.md:1: warning: unknown cross reference @eq-missing"])

        var other = CrossReferences()
        other.add(notebook: "lfp", title: "The LFP", labels: ["eq-flow": .init(kind: .equation, number: 3)])
        let across = other.inlines(in: "by @lfp#eq-flow.", current: "p").inlines
        XCTAssertEqual(across[1], .rendered("<a class=\"xref\" href=\"lfp.html#eq-flow\">Equation\u{A0}(3) of The LFP</a>"))
    }

    func testAFirstHeadingRepeatingTheTitleIsLeftOutWithAWarning() throws {
        let rendered = try page("---\ntitle: Waves and spectra\n---\n\n# Waves and spectra\n\nText.\n\n# Waves and spectra\n")
        XCTAssertEqual(rendered.html.components(separatedBy: "<h1").count - 1, 2, "the header's title and the later heading")
        XCTAssertEqual(rendered.warnings, ["notebooks/p.md:5: warning: the first heading repeats the title; it is left out "
                                           + "(the page shows the title as its heading)"])
        let other = try page("---\ntitle: Waves\n---\n\n# Another heading\n\nText.\n")
        XCTAssertTrue(other.warnings.isEmpty)
        XCTAssertTrue(other.html.contains(">Another heading<a class=\"anchor\""), "a different first heading stays")
    }

    func testALongInlineFormulaGetsItsOwnBox() throws {
        let html = try page("Short $x$ and long $w(k)^{-1} = \\gamma(k/L)^2/L = \\rho_b\\,(c_1 L^3/k^4 + c_2 L/k^2)$ here.\n").html
        XCTAssertTrue(html.contains("Short <math"), html)
        XCTAssertTrue(html.contains("long <span class=\"math-inline long\"><math"), html)
    }
}
