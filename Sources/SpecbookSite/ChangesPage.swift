import Foundation
import SpecbookReview

/// Renders `changes.html`: what this build changed against its baseline — a summary, then per notebook its
/// settings, checks, values, figures (old and new side by side, blink, swipe and a difference image, in both
/// themes), tables and code.
///
/// ```swift
/// let html = ChangesPage(siteTitle: "Report", comparison: comparison).render(cited: ["fit": ["loss"]])
/// ```
/// Works without scripts: the blink view is a CSS animation and the difference image is drawn at build time; a
/// small script only adds the swipe slider. Without a baseline (the first build) the page says so.
public struct ChangesPage {
    public var siteTitle: String
    /// nil for a first build (nothing to compare with), or when the baseline could not be read (`problem`).
    public var comparison: SiteComparison?
    public var problem: String?
    /// The page listing every notebook when a notebook named `index` is the home page.
    public var listing: String?

    public init(siteTitle: String, comparison: SiteComparison?, problem: String? = nil) {
        self.siteTitle = siteTitle
        self.comparison = comparison
        self.problem = problem
    }

    /// The banner a changed page shows atop its article, linking to its section; nil for an unchanged page.
    public static func banner(for page: String, in comparison: SiteComparison?) -> String? {
        guard let notebook = comparison?.notebooks.first(where: { $0.page == page && $0.status != .removed }) else { return nil }
        let phrase = notebook.status == .added ? "new page" : SiteComparison(notebooks: [notebook]).summary.phrase
        return "<p class=\"changes-banner\"><a href=\"\(ChangeAssets.page)#\(anchor(notebook))\">Changed since the previous build: "
            + "\(HTML.escape(phrase))</a></p>\n"
    }

    /// The index page's line about the changes.
    public static func indexLine(_ comparison: SiteComparison?) -> String {
        guard let comparison else { return "" }
        let text = comparison.isEmpty ? "No changes since the previous build" : "Since the previous build: \(comparison.summary.phrase)"
        return "<p class=\"changes-link\"><a href=\"\(ChangeAssets.page)\">\(HTML.escape(text))</a></p>"
    }

    /// `cited` names, per notebook, the values its page cites (they link to their first citation).
    public func render(cited: [String: Set<String>] = [:]) -> String {
        var html = PageChrome.head(title: "Changes · \(siteTitle)", description: nil, kind: "changes")
        html += PageChrome.siteHeader(siteTitle: siteTitle, previous: nil, next: nil, listing: listing)
        html += "<main id=\"content\" class=\"changes\" tabindex=\"-1\">\n"
        html += "<header class=\"page-header\"><h1>Changes since the previous build</h1>"
        guard let comparison else {
            html += "<p class=\"description\">\(HTML.escape(problem ?? "This is the first build: there is nothing to compare it with yet."))</p>"
            return html + "</header>\n</main>\n</body>\n</html>\n"
        }
        html += "<p class=\"description\">Compared with <code>\(HTML.escape(comparison.baseline))</code>.</p></header>\n"
        html += "<article>\n"
        html += summary(comparison)
        for setting in [comparison.toolchain, comparison.packages].compactMap({ $0 }) {
            html += "<p>The \(setting.name) changed: <code>\(HTML.escape(setting.old))</code> → <code>\(HTML.escape(setting.new))</code>.</p>\n"
        }
        for notebook in comparison.notebooks { html += section(notebook, cited: cited[notebook.name] ?? []) }
        html += "</article>\n</main>\n"
        html += "<script>\(Self.swipeScript)</script>\n"
        return html + "</body>\n</html>\n"
    }

    static func anchor(_ notebook: NotebookChanges) -> String { "changes-\(notebook.name)" }

    private func summary(_ comparison: SiteComparison) -> String {
        let s = comparison.summary
        guard !comparison.isEmpty else {
            return "<p class=\"changes-none\">No changes: every page, figure, value, check, table and code block is as it was.</p>\n"
        }
        var html = "<dl class=\"changes-summary\">"
        // Figures, values and flipped checks always show their count; the rest only when something changed.
        let always = [(s.figures, "figures changed"), (s.values, "values changed"), (s.checksFlipped, "checks flipped")]
        let some = [(s.tables, "tables changed"), (s.codeBlocks, "code blocks changed"), (s.pagesAdded, "pages added"),
                    (s.pagesRemoved, "pages removed")].filter { $0.0 > 0 }
        for (count, label) in always { html += "<div><dt>\(label)</dt><dd>\(count)</dd></div>" }
        if s.checksNowFailing > 0 { html += "<div class=\"failing\"><dt>now failing</dt><dd>\(s.checksNowFailing)</dd></div>" }
        for (count, label) in some { html += "<div><dt>\(label)</dt><dd>\(count)</dd></div>" }
        html += "</dl>\n<nav class=\"changes-contents\" aria-label=\"Changed pages\"><ul>"
        for n in comparison.notebooks {
            let phrase = n.status == .changed ? SiteComparison(notebooks: [n]).summary.phrase : (n.status == .added ? "added" : "removed")
            html += "<li><a href=\"#\(HTML.escape(Self.anchor(n)))\">\(HTML.escape(n.title))</a>: \(HTML.escape(phrase))</li>"
        }
        return html + "</ul></nav>\n"
    }

    private func section(_ n: NotebookChanges, cited: Set<String>) -> String {
        var html = "<section class=\"notebook-changes\" id=\"\(HTML.escape(Self.anchor(n)))\">\n"
        let title = n.status == .removed ? HTML.escape(n.title) : "<a href=\"\(HTML.escape(n.page))\">\(HTML.escape(n.title))</a>"
        html += "<h2>\(title)</h2>\n<p class=\"source\"><code>\(HTML.escape(n.source))</code>"
        switch n.status {
        case .added: return html + " — a new page.</p>\n</section>\n"
        case .removed: return html + " — removed: the baseline had this page.</p>\n</section>\n"
        case .changed: html += "</p>\n"
        }
        if !n.settings.isEmpty {
            html += "<h3>Settings</h3>\n" + table(["Setting", "Old", "New"], n.settings.map { [$0.name, $0.old, $0.new].map(code) })
        }
        if !n.checks.isEmpty {
            html += "<h3>Checks</h3>\n"
            html += table(["Check", "Line", "Old", "New", "Measured"], n.checks.map { c in
                let measured = c.oldMeasured == c.newMeasured ? code(c.newMeasured ?? "")
                    : "\(code(c.oldMeasured ?? "—")) → \(code(c.newMeasured ?? "—"))"
                let name = HTML.escape(c.name) + (c.oldName.map { "<br><span class=\"was\">was: \(HTML.escape($0))</span>" } ?? "")
                return [name, String(c.line), verdict(c.oldVerdict), verdict(c.newVerdict), measured]
            }, rowClass: { n.checks[$0].nowFails ? "now-failing" : nil })
        }
        if !n.values.isEmpty {
            html += "<h3>Values</h3>\n"
            html += table(["Value", "Old", "New", "Change"], n.values.map { v in
                let name = cited.contains(v.name)
                    ? "<a href=\"\(HTML.escape(n.page))#\(HTML.escape(Prose.valueAnchor(v.name)))\">\(code(v.name))</a>" : code(v.name)
                return [name, code(v.old ?? "—"), code(v.new ?? "—"), v.relative.map { HTML.escape(SiteComparison.percent($0)) } ?? ""]
            }, numeric: [1, 2, 3])
        }
        for figure in n.figures { html += self.figure(figure, of: n) }
        for t in n.tables { html += tableChange(t) }
        for c in n.code { html += codeChange(c, source: n.source) }
        return html + "</section>\n"
    }
}

extension ChangesPage {
    func code(_ text: String) -> String { "<code>\(HTML.escape(text))</code>" }

    func verdict(_ v: String?) -> String {
        guard let v else { return "<span class=\"verdict-none\">—</span>" }
        return "<span class=\"verdict-\(HTML.escape(v))\">\(HTML.escape(v))</span>"
    }

    func table(_ header: [String], _ rows: [[String]], numeric: Set<Int> = [], rowClass: (Int) -> String? = { _ in nil }) -> String {
        var html = "<div class=\"table-scroll\"><table class=\"changes-table\">\n<thead><tr>"
        for (i, h) in header.enumerated() { html += "<th scope=\"col\"\(numeric.contains(i) ? " class=\"numeric\"" : "")>\(HTML.escape(h))</th>" }
        html += "</tr></thead>\n<tbody>\n"
        for (r, row) in rows.enumerated() {
            html += "<tr\(rowClass(r).map { " class=\"\($0)\"" } ?? "")>"
            for (i, cell) in row.enumerated() { html += "<td\(numeric.contains(i) ? " class=\"numeric\"" : "")>\(cell)</td>" }
            html += "</tr>\n"
        }
        return html + "</tbody></table></div>\n"
    }

    func picture(light: String, dark: String?, alt: String) -> String {
        var html = "<picture>"
        if let dark { html += "<source srcset=\"\(HTML.escape(dark))\" media=\"(prefers-color-scheme: dark)\">" }
        return html + "<img src=\"\(HTML.escape(light))\" alt=\"\(HTML.escape(alt))\" decoding=\"async\"></picture>"
    }
}
