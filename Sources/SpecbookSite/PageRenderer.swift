import Foundation
import SpecbookNotebook

/// One notebook page as rendered: the HTML, the build warnings it raised, and what the search index needs.
public struct RenderedPage: Sendable {
    public var html: String
    /// `notebooks/x.md:12: warning: ...` lines, for the build to print.
    public var warnings: [String]
    public var headings: [TableOfContents.Heading]
    /// The page's prose as plain text (code and outputs left out).
    public var text: String
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

    public init(siteTitle: String, references: CrossReferences = CrossReferences()) {
        self.siteTitle = siteTitle
        self.references = references
    }

    public func render(_ page: SitePage, previous: SitePage?, next: SitePage?) -> RenderedPage {
        let notebook = page.notebook
        let cells = CellRenderer(page: page)
        let protected = MathSpans.protect(notebook.body)
        var body = Markdown.render(protected.text) { index, _ in
            guard let block = notebook.blocks.first(where: { $0.index == index }), block.isSwift else { return nil }
            return cells.render(block)
        }
        body = Callouts.transform(MathSpans.restore(body, protected.spans))
        var used = reservedIDs(page)
        let anchored = TableOfContents.anchor(body, used: &used)
        let resolved = references.resolve(anchored.html, in: notebook.name)
        var missingValues: [String] = []
        body = substituteValues(resolved.html, values: page.result?.values ?? [:], missing: &missingValues)
        // Without code cells, heading self-links ("#") and callout titles: what a reader would search for.
        var searchable = Self.removingCells(body).replacingOccurrences(of: ">#</a>", with: "></a>")
        for title in Callouts.titles { searchable = searchable.replacingOccurrences(of: title, with: "") }
        let proseOnly = HTMLText.plain(searchable)

        var warnings: [String] = []
        var seen: [String: Int] = [:]
        // A failed run reported what it reached; its missing values are part of the failure, not warnings.
        if !page.failed {
            for name in missingValues {
                let occurrence = seen["{{\(name)}}", default: 0]
                seen["{{\(name)}}"] = occurrence + 1
                let line = Self.line(ofValue: name, occurrence: occurrence, in: notebook.body)
                warnings.append("\(notebook.path)\(line.map { ":\($0)" } ?? ""): warning: no value named '\(name)' was reported ({{\(name)}})")
            }
        }
        for reference in resolved.broken {
            let occurrence = seen[reference, default: 0]
            seen[reference] = occurrence + 1
            let line = CrossReferences.line(of: reference, occurrence: occurrence, in: notebook.body)
            warnings.append("\(notebook.path)\(line.map { ":\($0)" } ?? ""): warning: unknown cross reference \(reference)")
        }

        var html = PageChrome.head(title: "\(page.title) · \(siteTitle)", description: notebook.frontMatter.description, kind: "notebook")
        html += PageChrome.siteHeader(siteTitle: siteTitle, previous: previous, next: next)
        html += "<main id=\"content\" class=\"page\" tabindex=\"-1\">\n"
        html += "<header class=\"page-header\"><h1>\(HTML.escape(page.title))</h1>"
        if let description = notebook.frontMatter.description {
            html += "<p class=\"description\">\(HTML.escape(description))</p>"
        }
        if let byline = page.byline { html += "<p class=\"byline\">\(HTML.escape(byline))</p>" }
        html += "</header>\n"
        html += TableOfContents.render(anchored.headings)
        html += "<article>\n"
        if let failure = page.latestFailure {
            html += "<div class=\"build-error\" role=\"alert\"><strong>The latest run of this notebook failed;</strong> "
            html += "this page shows its last successful run. <code>\(HTML.escape(failure.summary))</code></div>\n"
        } else if let failure = page.result?.failure {
            html += "<div class=\"build-error\" role=\"alert\"><strong>This notebook failed.</strong> "
            html += "<code>\(HTML.escape(failure.summary))</code></div>\n"
        }
        html += body
        html += PageChrome.pager(previous: previous, next: next)
        html += "</article>\n</main>\n"
        html += PageChrome.footer(page)
        html += "</body>\n</html>\n"
        return RenderedPage(html: html, warnings: warnings, headings: anchored.headings, text: proseOnly)
    }

    /// Ids the page already uses, so a heading never takes a figure's or a cell's id.
    func reservedIDs(_ page: SitePage) -> Set<String> {
        var used: Set<String> = ["content", "toc-title"]
        for output in page.shownFigures + page.shownTables { if let label = output.label { used.insert(label) } }
        for block in page.notebook.blocks { used.insert("cell-\(block.index)") }
        return used
    }

    /// Renders an inline Markdown fragment (a caption) with its math.
    ///
    /// ```swift
    /// PageRenderer.inline("The target on $[-\\pi, \\pi]$.")
    /// ```
    public static func inline(_ markdown: String) -> String {
        let protected = MathSpans.protect(markdown)
        return MathSpans.restore(Markdown.renderInline(protected.text), protected.spans)
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

    /// The page HTML without its code cells, for the search index.
    static func removingCells(_ html: String) -> String {
        var out = ""
        var rest = Substring(html)
        while let start = rest.range(of: "<div class=\"cell\"") {
            out += rest[..<start.lowerBound]
            var depth = 0
            var cursor = start.lowerBound
            while true {
                let open = rest[cursor...].range(of: "<div"), close = rest[cursor...].range(of: "</div>")
                guard let close else { cursor = rest.endIndex; break }
                if let open, open.lowerBound < close.lowerBound {
                    depth += 1
                    cursor = open.upperBound
                } else {
                    depth -= 1
                    cursor = close.upperBound
                    if depth == 0 { break }
                }
            }
            rest = rest[cursor...]
        }
        return out + rest
    }

    /// Replaces `{{name}}` in prose and captions with the value the run reported; an unknown name is marked,
    /// never dropped, and listed in `missing`. Code, inline code and printed output (`<pre>`, `<code>`) are
    /// left as written: a block that prints `{{x}}` shows `{{x}}`.
    func substituteValues(_ html: String, values: [String: String], missing: inout [String]) -> String {
        guard html.contains("{{") else { return html }
        var out = ""
        var rest = Substring(html)
        while let open = rest.range(of: "{{") {
            var prose = rest[..<open.lowerBound]
            // Verbatim regions before the next `{{` are copied as they are, and the search resumes after them.
            if let verbatim = Self.firstVerbatim(in: prose) {
                out += prose[..<verbatim.lowerBound]
                let closing = prose[verbatim].hasPrefix("<pre") ? "</pre>" : "</code>"
                guard let end = rest[verbatim.lowerBound...].range(of: closing) else { return out + rest[verbatim.lowerBound...] }
                out += rest[verbatim.lowerBound..<end.upperBound]
                rest = rest[end.upperBound...]
                continue
            }
            prose = rest[..<open.lowerBound]
            out += prose
            guard let close = rest[open.upperBound...].range(of: "}}") else { rest = rest[open.lowerBound...]; break }
            let name = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            if let value = values[name] {
                out += "<span class=\"value\" data-name=\"\(HTML.escape(name))\">\(HTML.escape(value))</span>"
            } else {
                missing.append(name)
                out += "<span class=\"value missing\" title=\"no value reported\">{{\(HTML.escape(name))}}</span>"
            }
            rest = rest[close.upperBound...]
        }
        return out + rest
    }

    /// The first `<pre` or `<code` tag start in `text`.
    static func firstVerbatim(in text: Substring) -> Range<Substring.Index>? {
        let candidates = ["<pre", "<code"].compactMap { tag -> Range<Substring.Index>? in
            var search = text[...]
            while let found = search.range(of: tag) {
                let after = text[found.upperBound...].first
                if after == ">" || after == " " { return found }
                search = text[found.upperBound...]
            }
            return nil
        }
        return candidates.min { $0.lowerBound < $1.lowerBound }
    }
}

extension PageRenderer {
    /// The 1-based line of the `occurrence`-th `{{name}}` in the prose of `body` (code blocks skipped).
    static func line(ofValue name: String, occurrence: Int, in body: String) -> Int? {
        var found = 0
        var fence: (character: Character, length: Int)?
        for (n, line) in body.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if let marker = MathSpans.fenceMarker(String(line)) {
                if let open = fence {
                    if marker.character == open.character && marker.length >= open.length { fence = nil }
                } else {
                    fence = (marker.character, marker.length)
                }
                continue
            }
            guard fence == nil else { continue }
            var rest = Substring(line)
            while let open = rest.range(of: "{{"), let close = rest[open.upperBound...].range(of: "}}") {
                if rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces) == name {
                    if found == occurrence { return n + 1 }
                    found += 1
                }
                rest = rest[close.upperBound...]
            }
        }
        return nil
    }
}
