import Foundation
import SpecbookNotebook
import SpecbookWire

/// One Swift block on the page: highlighted code (folded with `code-fold`), then its outputs, figures and tables.
///
/// ```swift
/// let html = CellRenderer(page: page).render(page.notebook.swiftBlocks[0])
/// ```
/// Outputs over ``longOutputLines`` lines are collapsed behind a `<details>` that gives the line count.
public struct CellRenderer {
    public static let longOutputLines = 40
    public var page: SitePage
    let figures: [String: SitePage.NumberedOutput]
    let tables: [String: SitePage.NumberedOutput]

    /// Renders a caption's Markdown to HTML (with the page's references and values when the page renders it).
    let captions: (String) -> String

    public init(page: SitePage) {
        self.init(page: page, captions: PageRenderer.inline)
    }

    init(page: SitePage, captions: @escaping (String) -> String) {
        self.page = page
        self.captions = captions
        figures = Dictionary(page.shownFigures.map { ("\($0.blockIndex)/\($0.position)", $0) }, uniquingKeysWith: { a, _ in a })
        tables = Dictionary(page.shownTables.map { ("\($0.blockIndex)/\($0.position)", $0) }, uniquingKeysWith: { a, _ in a })
    }

    public func render(_ block: NotebookBlock) -> String {
        let result = page.result?.blocks[block.index]
        let column = self.column(of: block)
        let columnClass = column == .body ? "" : " column-\(column.rawValue)"
        var html = "<div class=\"cell\(columnClass)\" id=\"cell-\(block.index)\" data-line=\"\(block.fenceLine)\">\n"
        let failingLine = compileErrorLine(in: block)
        if block.options.echo || failingLine != nil {
            let code = failingLine.map { numberedCode(block, failing: $0) }
                ?? "<pre class=\"code\"><code class=\"language-swift\">\(SwiftHighlighter.html(block.code.trimmingTrailingNewlines()))</code></pre>"
            if block.options.codeFold {
                html += "<details class=\"code-fold\"><summary>Show code</summary>\(code)</details>\n"
            } else {
                html += code + "\n"
            }
        }
        if !block.options.eval {
            html += "<p class=\"cell-note\">Not run (<code>eval: false</code>).</p>\n"
        }
        if let result, block.options.output, hasOutput(result) {
            html += "<div class=\"cell-output\" role=\"group\" aria-label=\"Output\">\n"
            if !result.stdout.isEmpty {
                html += text(result.stdout, kind: "stdout", truncated: result.stdoutTruncated)
            }
            if !result.stderr.isEmpty {
                html += text(result.stderr, kind: "stderr", truncated: false)
            }
            for shown in result.texts {
                html += "<pre class=\"shown-text\"><samp>\(HTML.escape(shown))</samp></pre>\n"
            }
            if !result.checks.isEmpty {
                html += checks(result.checks, block: block.index)
            }
            for (position, figure) in result.figures.enumerated() {
                html += self.figure(figure, block: block, position: position, number: figures["\(block.index)/\(position)"]?.number ?? position + 1)
            }
            for (position, table) in result.tables.enumerated() {
                html += self.table(table, number: tables["\(block.index)/\(position)"]?.number)
            }
            html += "</div>\n"
        }
        if let error = result?.error ?? (page.result?.failure?.block == block.index ? page.result?.failure?.summary : nil) {
            let expected = block.options.error
            html += "<div class=\"cell-error\(expected ? " expected" : "")\" role=\"alert\">"
            html += "<strong>\(expected ? "Expected error" : "Error")</strong><pre>\(HTML.escape(error))</pre>"
            // A compiler's diagnostics begin with the error line shown above: show the rest once.
            if !expected, var details = page.result?.failure?.details.trimmingCharacters(in: .newlines), !details.isEmpty {
                if details.hasPrefix(error) { details = String(details.dropFirst(error.count)).trimmingCharacters(in: .newlines) }
                if !details.isEmpty { html += "<pre class=\"error-details\">\(HTML.escape(details))</pre>" }
            }
            html += "</div>\n"
        }
        return html + "</div>\n"
    }

    func hasOutput(_ result: BlockResult) -> Bool {
        !result.stdout.isEmpty || !result.stderr.isEmpty || !result.figures.isEmpty || !result.tables.isEmpty
            || !result.texts.isEmpty || !result.checks.isEmpty
    }

    /// Printed text, escaped; long text collapsed behind its line count.
    func text(_ raw: String, kind: String, truncated: Bool) -> String {
        let text = raw.trimmingTrailingNewlines()
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).count
        var pre = "<pre class=\"\(kind)\"><samp>\(HTML.escape(text))</samp></pre>\n"
        if truncated { pre += "<p class=\"cell-note\">Output truncated.</p>\n" }
        guard lines > Self.longOutputLines else { return pre }
        let name = kind == "stderr" ? "Standard error" : "Output"
        return "<details class=\"long-output\"><summary>\(name): \(lines) lines</summary>\n\(pre)</details>\n"
    }

    /// The block's checked claims as badges: the verdict in words (not colour alone), measured against expected.
    func checks(_ checks: [CheckRecord], block: Int) -> String {
        var html = "<ul class=\"checks\" aria-label=\"Checks\">\n"
        for (i, check) in checks.enumerated() {
            let verdict = check.verdict.rawValue
            html += "<li class=\"check \(verdict)\" id=\"check-\(block)-\(i)\" data-line=\"\(check.line)\">"
            html += "<span class=\"verdict\">\(verdict)</span> <span class=\"check-name\">\(HTML.escape(check.name))</span>"
            if check.verdict == .note {
                html += ": \(HTML.escape(check.measured))"
            } else if check.expected == "true" {
                // A yes-or-no claim: the verdict says it all; its numbers are in its name.
            } else {
                html += ": measured <code>\(HTML.escape(check.measured))</code>, expected <code>\(HTML.escape(check.expected))</code>"
            }
            html += "</li>\n"
        }
        return html + "</ul>\n"
    }

    /// The page's checks in one place at its top: the counts, and a link to each check.
    static func summary(_ page: SitePage) -> String {
        let checks = page.checks
        guard !checks.isEmpty else { return "" }
        let counts = page.checkCounts
        var parts = ["\(counts.held) hold\(counts.held == 1 ? "s" : "")"]
        parts.append("\(counts.failed) fail\(counts.failed == 1 ? "s" : "")")
        if counts.notes > 0 { parts.append("\(counts.notes) note\(counts.notes == 1 ? "" : "s")") }
        var html = "<details class=\"checks-summary\(counts.failed > 0 ? " failing" : "")\"\(counts.failed > 0 ? " open" : "")>"
        html += "<summary><strong>Checks:</strong> \(parts.joined(separator: ", "))</summary>\n<ul>\n"
        for (id, check) in checks {
            html += "<li class=\"check \(check.verdict.rawValue)\"><a href=\"#\(id)\"><span class=\"verdict\">\(check.verdict.rawValue)</span> "
            html += "\(HTML.escape(check.name))</a></li>\n"
        }
        return html + "</ul>\n</details>\n"
    }

    func figure(_ figure: FigureOutput, block: NotebookBlock, position: Int, number: Int) -> String {
        let label = SitePage.label(of: figure, in: block, position: position)
        let caption = figure.caption ?? (position == 0 ? block.options.caption : nil)
        let captionHTML = caption.map(captions)
        let alt = block.options.figAlt
            ?? captionHTML.map { "Figure \(number): " + HTMLText.plain($0) }
            ?? "Figure \(number)"
        let base = SiteLayout.assetFolder(of: page.notebook.name)
        var html = "<figure class=\"figure\"\(label.map { " id=\"\(HTML.escape($0))\"" } ?? "")>\n"
        html += "<a class=\"figure-image\" href=\"\(HTML.escape(base + figure.svg))\" title=\"Open the figure full size (SVG)\">"
        html += PageRenderer.picture(figure, base: base, alt: alt, lazy: true)
        html += "</a>\n<figcaption><span class=\"figure-number\">Figure \(number)</span>"
        if let captionHTML { html += ": \(captionHTML)" }
        html += " <a class=\"svg-link\" href=\"\(HTML.escape(base + figure.svg))\">SVG</a>"
        return html + "</figcaption>\n</figure>\n"
    }

    /// The notebook line a compile error points at, when it is in `block`.
    func compileErrorLine(in block: NotebookBlock) -> Int? {
        guard let result = page.result, result.status == .compileError, let failure = result.failure,
              failure.block == block.index else { return nil }
        let parts = failure.summary.split(separator: ":", maxSplits: 3)
        return parts.count > 2 ? Int(parts[1]) : nil
    }

    /// A block's code with its notebook line numbers, the line a compile error points at marked.
    func numberedCode(_ block: NotebookBlock, failing: Int) -> String {
        let lines = block.code.trimmingTrailingNewlines().components(separatedBy: "\n")
        let rows = lines.enumerated().map { offset, line -> String in
            let number = block.codeLine + offset
            let mark = number == failing ? " failing" : ""
            return "<span class=\"line\(mark)\"><span class=\"ln\" aria-hidden=\"true\">\(number)</span>"
                + SwiftHighlighter.html(line) + "</span>"
        }
        return "<pre class=\"code numbered\"><code class=\"language-swift\">" + rows.joined() + "</code></pre>"
    }

    /// A table from `show(table:)`: a `<figure>` whose caption is numbered "Table N" when it has a caption or label.
    func table(_ table: TableOutput, number: Int?) -> String {
        guard let head = table.rows.first else { return "" }
        var html = "<figure class=\"table-figure\"\(table.label.map { " id=\"\(HTML.escape($0))\"" } ?? "")>\n"
        if table.caption != nil || table.label != nil, let number {
            html += "<figcaption><span class=\"figure-number\">Table \(number)</span>"
            html += table.caption.map { ": " + captions($0) } ?? ""
            html += "</figcaption>\n"
        }
        html += "<div class=\"table-wrap\"><table>\n"
        // Short cells stay on one line on a phone, which scrolls the table instead of stacking "d + 1" a word per line.
        func short(_ cell: String) -> String { Self.visibleLength(cell) <= Self.unbrokenCellCharacters ? " class=\"nowrap\"" : "" }
        html += "<thead><tr>" + head.map { "<th scope=\"col\"\(short($0))>\(MathText.html($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
        for row in table.rows.dropFirst() {
            html += "<tr>" + row.map { "<td\(short($0))>\(MathText.html($0))</td>" }.joined() + "</tr>\n"
        }
        return html + "</tbody></table></div>\n</figure>\n"
    }
}

extension String {
    func trimmingTrailingNewlines() -> String {
        var s = self
        while s.hasSuffix("\n") { s.removeLast() }
        return s
    }
}
