import Foundation
import SpecbookNotebook

/// Renders one notebook page: prose through cmark-gfm, Swift blocks with their outputs in place.
public struct PageRenderer {
    public var siteTitle: String
    /// Figure files are referenced as `assets/<notebook>/<file>`.
    public var assetsPrefix: String { "assets" }

    public init(siteTitle: String) {
        self.siteTitle = siteTitle
    }

    public func render(_ page: SitePage, previous: SitePage?, next: SitePage?) -> String {
        let notebook = page.notebook
        var figureNumber = 0
        let body = Markdown.render(notebook.body) { index, _ in
            guard let block = notebook.blocks.first(where: { $0.index == index }), block.isSwift else { return nil }
            return renderBlock(block, page: page, figureNumber: &figureNumber)
        }
        let content = substituteValues(body, values: page.result?.values ?? [:])
        var html = header(title: page.title, description: notebook.frontMatter.description)
        html += navigation(previous: previous, next: next)
        html += "<main class=\"page\">\n<article>\n"
        html += "<header class=\"page-header\"><h1>\(HTML.escape(page.title))</h1>"
        if let description = notebook.frontMatter.description {
            html += "<p class=\"description\">\(HTML.escape(description))</p>"
        }
        html += "</header>\n"
        if let failure = page.result?.failure {
            html += "<div class=\"build-error\" role=\"alert\"><strong>This notebook failed.</strong> "
            html += "<code>\(HTML.escape(failure.summary))</code></div>\n"
        }
        html += content
        html += "</article>\n</main>\n"
        html += footer(page)
        html += "</body>\n</html>\n"
        return html
    }

    func renderBlock(_ block: NotebookBlock, page: SitePage, figureNumber: inout Int) -> String {
        let result = page.result?.blocks[block.index]
        var html = "<div class=\"cell\" id=\"cell-\(block.index)\" data-line=\"\(block.fenceLine)\">\n"
        if block.options.echo {
            let code = "<pre class=\"code\"><code class=\"language-swift\">\(HTML.escape(block.code))</code></pre>"
            if block.options.codeFold {
                html += "<details class=\"code-fold\"><summary>Code</summary>\(code)</details>\n"
            } else {
                html += code + "\n"
            }
        }
        if !block.options.eval {
            html += "<p class=\"cell-note\">Not run (<code>eval: false</code>).</p>\n"
        }
        if let result, block.options.output {
            html += "<div class=\"cell-output\">\n"
            if !result.stdout.isEmpty {
                html += "<pre class=\"stdout\">\(HTML.escape(result.stdout.trimmingTrailingNewlines()))</pre>\n"
            }
            if !result.stderr.isEmpty {
                html += "<pre class=\"stderr\">\(HTML.escape(result.stderr.trimmingTrailingNewlines()))</pre>\n"
            }
            for (position, figure) in result.figures.enumerated() {
                figureNumber += 1
                html += renderFigure(figure, block: block, position: position, number: figureNumber, notebook: page.notebook.name)
            }
            for table in result.tables { html += renderTable(table) }
            html += "</div>\n"
        }
        if let error = result?.error ?? (page.result?.failure?.block == block.index ? page.result?.failure?.summary : nil) {
            let expected = block.options.error
            html += "<div class=\"cell-error\(expected ? " expected" : "")\" role=\"alert\">"
            html += "<strong>\(expected ? "Expected error" : "Error")</strong><pre>\(HTML.escape(error))</pre>"
            if !expected, let details = page.result?.failure?.details, !details.isEmpty {
                html += "<pre class=\"error-details\">\(HTML.escape(details))</pre>"
            }
            html += "</div>\n"
        }
        html += "</div>\n"
        return html
    }

    func renderFigure(_ figure: FigureOutput, block: NotebookBlock, position: Int, number: Int, notebook: String) -> String {
        let label = SitePage.label(of: figure, in: block, position: position)
        let caption = figure.caption ?? (position == 0 ? block.options.caption : nil)
        let alt = block.options.figAlt ?? caption ?? "Figure \(number)"
        let base = "\(assetsPrefix)/\(notebook)/"
        var html = "<figure class=\"figure\"\(label.map { " id=\"\(HTML.escape($0))\"" } ?? "")>\n<picture>"
        if let dark = figure.pngDark {
            html += "<source srcset=\"\(HTML.escape(base + dark))\" media=\"(prefers-color-scheme: dark)\">"
        }
        html += "<img src=\"\(HTML.escape(base + figure.png))\" width=\"\(Int(figure.width))\" height=\"\(Int(figure.height))\" alt=\"\(HTML.escape(alt))\" loading=\"lazy\">"
        html += "</picture>\n<figcaption><span class=\"figure-number\">Figure \(number)</span>"
        if let caption { html += ": \(Markdown.renderInline(caption))" }
        html += " <a class=\"svg-link\" href=\"\(HTML.escape(base + figure.svg))\">SVG</a></figcaption>\n</figure>\n"
        return html
    }

    func renderTable(_ table: TableOutput) -> String {
        guard let head = table.rows.first else { return "" }
        var html = "<div class=\"table-wrap\"><table>\n"
        if let caption = table.caption { html += "<caption>\(HTML.escape(caption))</caption>\n" }
        html += "<thead><tr>" + head.map { "<th>\(HTML.escape($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for row in table.rows.dropFirst() {
            html += "<tr>" + row.map { "<td>\(HTML.escape($0))</td>" }.joined() + "</tr>\n"
        }
        return html + "</tbody></table></div>\n"
    }

    /// Replaces `{{name}}` with the value the run reported; an unknown name is marked, never dropped.
    func substituteValues(_ html: String, values: [String: String]) -> String {
        guard html.contains("{{") else { return html }
        var out = ""
        var rest = Substring(html)
        while let open = rest.range(of: "{{") {
            out += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].range(of: "}}") else { rest = rest[open.lowerBound...]; break }
            let name = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            if let value = values[name] {
                out += "<span class=\"value\" data-name=\"\(HTML.escape(name))\">\(HTML.escape(value))</span>"
            } else {
                out += "<span class=\"value missing\" title=\"no value reported\">{{\(HTML.escape(name))}}</span>"
            }
            rest = rest[close.upperBound...]
        }
        return out + rest
    }

    func header(title: String, description: String?) -> String {
        var html = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        html += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        html += "<meta name=\"color-scheme\" content=\"light dark\">\n"
        html += "<title>\(HTML.escape(title)) · \(HTML.escape(siteTitle))</title>\n"
        if let description { html += "<meta name=\"description\" content=\"\(HTML.escape(description))\">\n" }
        html += "<link rel=\"stylesheet\" href=\"assets/specbook.css\">\n</head>\n<body>\n"
        return html
    }

    func navigation(previous: SitePage?, next: SitePage?) -> String {
        var html = "<nav class=\"site-nav\" aria-label=\"Site\"><a class=\"home\" href=\"index.html\">\(HTML.escape(siteTitle))</a>"
        html += "<span class=\"prev-next\">"
        if let previous { html += "<a rel=\"prev\" href=\"\(HTML.escape(previous.fileName))\">← \(HTML.escape(previous.title))</a>" }
        if let next { html += "<a rel=\"next\" href=\"\(HTML.escape(next.fileName))\">\(HTML.escape(next.title)) →</a>" }
        return html + "</span></nav>\n"
    }

    func footer(_ page: SitePage) -> String {
        let p = page.provenance
        var html = "<footer class=\"provenance\">\n<dl>\n"
        html += "<dt>Seed</dt><dd>\(p.seed)</dd>\n"
        if !p.parameters.isEmpty {
            let params = p.parameters.keys.sorted().map { "\($0)=\(p.parameters[$0]!)" }.joined(separator: ", ")
            html += "<dt>Parameters</dt><dd><code>\(HTML.escape(params))</code></dd>\n"
        }
        html += "<dt>Toolchain</dt><dd>\(HTML.escape(p.swiftVersion))</dd>\n"
        html += "<dt>Commit</dt><dd><code>\(HTML.escape(p.gitCommit))\(p.gitDirty ? " (dirty)" : "")</code></dd>\n"
        html += "<dt>Built</dt><dd>\(HTML.escape(p.buildDate))\(p.cacheHit ? " (from cache)" : "")</dd>\n"
        html += "<dt>Run time</dt><dd>\(String(format: "%.2f", p.seconds)) s</dd>\n"
        if let blocks = page.result?.blocks, !blocks.isEmpty {
            let timings = page.notebook.executableBlocks.compactMap { block in
                blocks[block.index].map { "line \(block.fenceLine): \(String(format: "%.3f", $0.seconds)) s" }
            }.joined(separator: "; ")
            html += "<dt>Blocks</dt><dd>\(HTML.escape(timings))</dd>\n"
        }
        return html + "</dl>\n</footer>\n"
    }
}

extension String {
    func trimmingTrailingNewlines() -> String {
        var s = self
        while s.hasSuffix("\n") { s.removeLast() }
        return s
    }
}
