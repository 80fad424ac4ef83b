import SpecbookNotebook
import SpecbookSite
import XCTest

final class ProseTests: XCTestCase {
    func testCallouts() {
        let html = Callouts.transform(Markdown.render("> [!WARNING]\n> Mind the *gap*.\n\n> [!tip]\n>\n> Second.\n\n> [!FOO]\n> stays\n"))
        XCTAssertTrue(html.contains("<div class=\"callout warning\" role=\"note\"><p class=\"callout-title\">Warning</p>\n<p>Mind the <em>gap</em>.</p>\n</div>"), html)
        XCTAssertTrue(html.contains("<div class=\"callout tip\" role=\"note\"><p class=\"callout-title\">Tip</p>\n<p>Second.</p>\n</div>"), html)
        XCTAssertTrue(html.contains("<blockquote>\n<p>[!FOO]"), html)
        for kind in ["NOTE", "IMPORTANT", "CAUTION"] {
            XCTAssertTrue(Callouts.transform(Markdown.render("> [!\(kind)]\n> x\n")).contains("callout \(kind.lowercased())"))
        }
    }

    func testNestedQuoteInsideCallout() {
        let html = Callouts.transform(Markdown.render("> [!NOTE]\n> a\n> > quoted\n>\n> b\n\nafter\n"))
        XCTAssertTrue(html.hasPrefix("<div class=\"callout note\""), html)
        XCTAssertTrue(html.contains("<blockquote>\n<p>quoted"), html)
        XCTAssertTrue(html.contains("</blockquote>\n<p>b</p>\n</div>"), html)
    }

    func testHeadingAnchorsAreUniqueAndAvoidReservedIDs() {
        var used: Set<String> = ["fig-a"]
        let page = TableOfContents.anchor(Markdown.render("## Method\n\n## Method\n\n### The `x` step & more\n\n## Fig A\n\n## fig-a\n"), used: &used)
        XCTAssertEqual(page.headings.map(\.id), ["method", "method-1", "the-x-step-more", "fig-a-1", "fig-a-2"])
        XCTAssertEqual(page.headings[2].text, "The x step & more")
        XCTAssertTrue(page.html.contains("<h2 id=\"method-1\">Method<a class=\"anchor\" href=\"#method-1\""), page.html)
        let toc = TableOfContents.render(page.headings)
        XCTAssertTrue(toc.contains("<li class=\"toc-level-2\"><a href=\"#the-x-step-more\">The <code>x</code> step &amp; more</a></li>"), toc)
        XCTAssertEqual(TableOfContents.slug("!!!"), "section")
        XCTAssertEqual(TableOfContents.slug("Über 2.5 Größe"), "über-2-5-größe")
    }

    func testCrossReferences() {
        var refs = CrossReferences()
        refs.add(notebook: "a", title: "Notebook A", labels: ["fig-x": .init(kind: .figure, number: 3), "tbl-t": .init(kind: .table, number: 1)])
        refs.add(notebook: "b", title: "B & co", labels: ["fig-y": .init(kind: .figure, number: 2)])
        let html = "<p>See @fig-x, @tbl-t and @b#fig-y. Mail me@fig-x.org or @someone. Missing @fig-none.</p><pre>@fig-x</pre><code>@fig-x</code>"
        let result = refs.resolve(html, in: "a")
        XCTAssertEqual(result.html, "<p>See <a class=\"xref\" href=\"#fig-x\">Figure\u{A0}3</a>, <a class=\"xref\" href=\"#tbl-t\">Table\u{A0}1</a> and <a class=\"xref\" href=\"b.html#fig-y\">Figure\u{A0}2 of B &amp; co</a>. Mail me@fig-x.org or @someone. Missing <span class=\"xref broken\" title=\"no figure or table labelled fig-none\">@fig-none?</span>.</p><pre>@fig-x</pre><code>@fig-x</code>")
        XCTAssertEqual(result.broken, ["@fig-none"])
        XCTAssertEqual(refs.resolve("<p>@c#fig-z</p>", in: "a").broken, ["@c#fig-z"])
        XCTAssertEqual(refs.resolve("<a href=\"mailto:x@fig-a.org\">x@fig-a.org</a>", in: "a").broken, [])
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
}
