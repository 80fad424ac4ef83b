import Foundation
import SpecbookNotebook
import SpecbookReview

/// Renders `index.html`: a search box and a card per notebook with title, description, thumbnail, run time and status.
///
/// ```swift
/// let html = IndexRenderer(siteTitle: "Specbook").render(pages, search: entries)
/// ```
/// Without JavaScript the search box stays hidden and every card shows.
public struct IndexRenderer {
    public var siteTitle: String
    public var siteDescription: String?
    /// This build against its baseline, summarised under the title with a link to `changes.html`.
    public var changes: SiteComparison?

    public init(siteTitle: String, siteDescription: String? = nil) {
        self.siteTitle = siteTitle
        self.siteDescription = siteDescription
    }

    public func render(_ pages: [SitePage], search: [SearchIndex.Entry] = []) -> String {
        var html = PageChrome.head(title: siteTitle, description: nil, kind: "index")
        html += PageChrome.siteHeader(siteTitle: siteTitle, previous: nil, next: nil)
        html += "<main id=\"content\" class=\"index\" tabindex=\"-1\">\n"
        html += "<header class=\"index-header\"><h1>\(HTML.escape(siteTitle))</h1>"
        let failed = pages.filter(\.failed).count
        if let siteDescription { html += "<p class=\"description\">\(HTML.escape(siteDescription))</p>" }
        html += "<p>\(pages.count) notebook\(pages.count == 1 ? "" : "s")"
        html += failed > 0 ? ", \(failed) failed.</p>" : ".</p>"
        html += ChangesPage.indexLine(changes)
        html += "</header>\n"
        html += """
            <form class="search" id="search" role="search" hidden>
            <label for="search-input">Search titles, headings and prose</label>
            <input id="search-input" type="search" autocomplete="off" spellcheck="false" aria-describedby="search-status">
            <p class="search-status" id="search-status" aria-live="polite"></p>
            <ul class="search-results" id="search-results"></ul>
            </form>

            """
        html += "<ul class=\"cards\">\n"
        for (i, page) in pages.enumerated() { html += card(page, eager: i < 6) }
        html += "</ul>\n</main>\n"
        html += SearchIndex.script(search)
        html += "<script src=\"\(SiteLayout.searchScript)\" defer></script>\n"
        html += "</body>\n</html>\n"
        return html
    }

    /// One notebook's card; the first row's thumbnails load at once, the rest when scrolled to.
    func card(_ page: SitePage, eager: Bool) -> String {
        let name = page.notebook.name
        var html = "<li class=\"card\(page.failed ? " failed" : "")\" data-page=\"\(HTML.escape(name))\">\n"
        html += "<div class=\"thumb-frame\">"
        if let first = page.shownFigures.first, let figure = page.result?.blocks[first.blockIndex]?.figures[first.position] {
            html += PageRenderer.picture(figure, base: SiteLayout.assetFolder(of: name), alt: "", lazy: !eager)
        } else {
            html += "<span aria-hidden=\"true\">\(page.result == nil ? "Prose" : "No figures")</span>"
        }
        html += "</div>\n<div class=\"card-body\">\n"
        html += "<h2><a href=\"\(HTML.escape(page.fileName))\">\(HTML.escape(page.title))</a></h2>\n"
        if let description = page.notebook.frontMatter.description {
            html += "<p>\(MathText.html(description))</p>\n"
        }
        if let byline = page.byline { html += "<p class=\"byline\">\(HTML.escape(byline))</p>\n" }
        let status = page.result == nil ? "prose" : (page.failed ? "failed" : "ok")
        let label = ["prose": "prose only", "failed": "failed", "ok": "ran"][status] ?? status
        html += "<p class=\"meta\"><span class=\"status \(status)\">\(label)</span>"
        if page.result != nil {
            html += "<span>\(String(format: "%.1f", page.provenance.seconds)) s\(page.provenance.cacheHit ? " (cached)" : "")</span>"
        }
        let counts = page.checkCounts
        if counts.held + counts.failed > 0 {
            let all = counts.held + counts.failed
            html += "<span class=\"check-count\(counts.failed > 0 ? " failing" : "")\">\(counts.held) of \(all) check\(all == 1 ? "" : "s") hold</span>"
        }
        let figures = page.shownFigures.count
        if figures > 0 { html += "<span>\(figures) figure\(figures == 1 ? "" : "s")</span>" }
        html += "</p>\n</div>\n</li>\n"
        return html
    }
}
