import Foundation
import SpecbookMarkdown
import SpecbookNotebook
import SpecbookReview

/// One notebook page as rendered: the HTML, the build warnings it raised, and what the search index needs.
public struct RenderedPage: Sendable {
    public var html: String
    /// `notebooks/x.md:12: warning: ...` lines, for the build to print.
    public var warnings: [String]
    public var headings: [TableOfContents.Heading]
    /// The page's prose as plain text (code and outputs left out).
    public var text: String
    /// The values the prose and captions cite.
    public var citedValues: Set<String> = []
}

/// Renders one notebook page: prose through cmark-gfm with math, callouts, anchors and cross references,
/// Swift blocks with their outputs in place.
///
/// ```swift
/// let renderer = PageRenderer(siteTitle: "Specbook", references: SitePage.crossReferences(pages))
/// let page = renderer.render(pages[0], previous: nil, next: pages.dropFirst().first)
/// for warning in page.warnings { print(warning) }
/// try page.html.write(to: site.appendingPathComponent(pages[0].fileName), atomically: true, encoding: .utf8)
/// ```
public struct PageRenderer {
    public var siteTitle: String
    public var references: CrossReferences
    /// Values every page may cite, below the page's own (`{{checks.held}}`, `{{checks.total}}` ...).
    public var siteValues: [String: String] = [:]
    /// The site's formatted citations; nil when the project has no bibliography.
    public var citations: CitationTable?
    /// The page listing every notebook when a notebook named `index` is the home page (its header links there).
    public var listing: String?
    /// This build against its baseline: a changed page shows a banner linking to `changes.html`.
    public var changes: SiteComparison?

    public init(siteTitle: String, references: CrossReferences = CrossReferences()) {
        self.siteTitle = siteTitle
        self.references = references
    }

    public func render(_ page: SitePage, previous: SitePage?, next: SitePage?) -> RenderedPage {
        let notebook = page.notebook
        let values = siteValues.merging(page.result?.values ?? [:]) { _, own in own }
        let prose = Prose(math: notebook.math, references: references, page: notebook.name, values: values)
        prose.citations = citations
        let cells = CellRenderer(page: page, captions: prose.inline)
        // Cells are drawn as the prose pass reaches them, so their captions report in page order.
        prose.cell = { code in
            guard let index = code.index, let block = notebook.blocks.first(where: { $0.index == index }), block.isSwift else { return nil }
            return cells.render(block)
        }
        let (document, repeatedTitle) = Self.withoutRepeatedTitle(notebook.document, title: page.title, body: notebook.body)
        let rewritten = prose.rewrite(document)
        var used = reservedIDs(page)
        let anchored = TableOfContents.anchor(rewritten, used: &used, named: prose.headingNames)
        let body = MarkdownHTML.render(anchored.document)
        let proseOnly = Self.searchText(rewritten)

        var warnings: [String] = []
        if let line = repeatedTitle {
            warnings.append("\(notebook.path):\(line): warning: the first heading repeats the title; it is left out "
                            + "(the page shows the title as its heading)")
        }
        var seen: [String: Int] = [:]
        // A failed run reported what it reached; its missing values are part of the failure, not warnings.
        if !page.failed {
            for name in prose.missing {
                let occurrence = seen["{{\(name)}}", default: 0]
                seen["{{\(name)}}"] = occurrence + 1
                let line = Self.line(ofValue: name, occurrence: occurrence, in: notebook.body)
                warnings.append("\(notebook.path)\(line.map { ":\($0)" } ?? ""): warning: no value named '\(name)' was reported ({{\(name)}})")
            }
        }
        for reference in prose.broken {
            let occurrence = seen[reference, default: 0]
            seen[reference] = occurrence + 1
            let line = CrossReferences.line(of: reference, occurrence: occurrence, in: notebook.body)
            warnings.append("\(notebook.path)\(line.map { ":\($0)" } ?? ""): warning: unknown cross reference \(reference)")
        }
        warnings += cells.figureWidthWarnings()
        for key in prose.unknownCitations {
            let occurrence = seen[key, default: 0]
            seen[key] = occurrence + 1
            let line = CrossReferences.line(of: key, occurrence: occurrence, in: notebook.body)
            warnings.append("\(notebook.path)\(line.map { ":\($0)" } ?? ""): warning: unknown citation key \(key) (not in the bibliography)")
        }

        var html = PageChrome.head(title: "\(page.title) · \(siteTitle)", description: notebook.frontMatter.description, kind: "notebook")
        html += PageChrome.siteHeader(siteTitle: siteTitle, previous: previous, next: next, listing: listing)
        html += "<main id=\"content\" class=\"page\" tabindex=\"-1\">\n"
        html += "<header class=\"page-header\"><h1>\(HTML.escape(page.title))</h1>"
        if let description = notebook.frontMatter.description {
            html += "<p class=\"description\">\(MathText.html(description))</p>"
        }
        if let byline = page.byline { html += "<p class=\"byline\">\(HTML.escape(byline))</p>" }
        html += "</header>\n"
        html += TableOfContents.render(anchored.headings)
        html += "<article>\n"
        html += ChangesPage.banner(for: page.fileName, in: changes) ?? ""
        html += CellRenderer.summary(page)
        if let failure = page.latestFailure {
            html += "<div class=\"build-error\" role=\"alert\"><strong>The latest run of this notebook failed;</strong> "
            html += "this page shows its last successful run. <code>\(HTML.escape(failure.summary))</code></div>\n"
        } else if let failure = page.result?.failure {
            html += "<div class=\"build-error\" role=\"alert\"><strong>This notebook failed.</strong> "
            html += "<code>\(HTML.escape(failure.summary))</code></div>\n"
        }
        html += body
        html += citations?.section(citing: prose.cited) ?? ""
        html += PageChrome.pager(previous: previous, next: next)
        html += "</article>\n</main>\n"
        html += PageChrome.footer(page)
        html += "</body>\n</html>\n"
        return RenderedPage(html: html, warnings: warnings, headings: anchored.headings, text: proseOnly, citedValues: prose.citedValues)
    }

    /// The document without a first `# heading` equal to the page's title (the page header already shows it, and a
    /// page has one H1), with that heading's line; the document as it is otherwise.
    static func withoutRepeatedTitle(_ document: MarkdownDocument, title: String, body: String) -> (MarkdownDocument, Int?) {
        guard case .heading(1, let content)? = document.blocks.first,
              HTMLText.plain(MarkdownHTML.inline(content)).trimmingCharacters(in: .whitespaces) == title else { return (document, nil) }
        let line = body.split(separator: "\n", omittingEmptySubsequences: false)
            .firstIndex { $0.hasPrefix("#") && $0.contains(title) }.map { $0 + 1 }
        return (MarkdownDocument(blocks: Array(document.blocks.dropFirst())), line ?? 1)
    }

    /// Ids the page already uses, so a heading never takes a figure's or a cell's id.
    func reservedIDs(_ page: SitePage) -> Set<String> {
        var used: Set<String> = ["content", "toc-title", "references"]
        for output in page.shownFigures + page.shownTables { if let label = output.label { used.insert(label) } }
        for block in page.notebook.blocks { used.insert("cell-\(block.index)") }
        for check in page.checks { used.insert(check.id) }
        return used
    }

    /// Renders an inline Markdown fragment (a caption) with its math; references and values stay as written.
    ///
    /// ```swift
    /// PageRenderer.inline("The target on $[-\\pi, \\pi]$.")
    /// ```
    public static func inline(_ markdown: String) -> String {
        Prose(math: [], references: CrossReferences(), page: "", values: [:], resolves: false).inline(markdown)
    }

    /// What a reader would search for: the prose without code cells, heading self-links and callout titles.
    static func searchText(_ document: MarkdownDocument) -> String {
        func prose(_ blocks: [MarkdownBlock]) -> [MarkdownBlock] {
            blocks.compactMap { block in
                switch block {
                case .rendered: return nil
                case .quote(let inner): return .quote(prose(inner))
                case .group(_, let inner, _): return .group(open: "<div>", prose(inner), close: "</div>")
                case .list(var list):
                    list.items = list.items.map { MarkdownList.Item(blocks: prose($0.blocks), checked: $0.checked) }
                    return .list(list)
                default: return block
                }
            }
        }
        return HTMLText.plain(MarkdownHTML.render(MarkdownDocument(blocks: prose(document.blocks))))
    }

    /// A figure's `<picture>`: the dark variant as a `<source>` for `prefers-color-scheme: dark`.
    static func picture(_ figure: FigureOutput, base: String, alt: String, lazy: Bool) -> String {
        var html = "<picture>"
        if let dark = figure.pngDark {
            html += "<source srcset=\"\(HTML.escape(base + dark))\" media=\"(prefers-color-scheme: dark)\">"
        }
        html += "<img src=\"\(HTML.escape(base + figure.png))\" width=\"\(Int(figure.width))\" height=\"\(Int(figure.height))\" alt=\"\(HTML.escape(alt))\"\(lazy ? " loading=\"lazy\"" : "") decoding=\"async\">"
        return html + "</picture>"
    }
}

extension PageRenderer {
    /// The 1-based line of the `occurrence`-th `{{name}}` in the prose of `body` (code blocks skipped).
    static func line(ofValue name: String, occurrence: Int, in body: String) -> Int? {
        var found = 0
        for (number, line) in ProseLines.lines(of: body, optionLines: false) {
            var rest = line
            while let open = rest.range(of: "{{"), let close = rest[open.upperBound...].range(of: "}}") {
                if rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces) == name {
                    if found == occurrence { return number }
                    found += 1
                }
                rest = rest[close.upperBound...]
            }
        }
        return nil
    }
}
