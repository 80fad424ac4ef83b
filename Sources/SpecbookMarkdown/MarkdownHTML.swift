/// HTML for a ``MarkdownDocument``, written as cmark-gfm writes it (its tests compare the two on a corpus), plus the
/// nodes rewrites produce.
///
/// ```swift
/// MarkdownHTML.render(MarkdownDocument(parsing: "Some *prose*."))   // "<p>Some <em>prose</em>.</p>\n"
/// MarkdownHTML.inline([.text("a < b")])                            // "a &lt; b"
/// ```
public enum MarkdownHTML {
    public static func render(_ document: MarkdownDocument) -> String {
        var writer = Writer()
        writer.footnotes = FootnoteLabels(document)
        writer.blocks(document.blocks, tight: false)
        writer.footnoteSection()
        return writer.out
    }

    /// Inline content alone (a caption, a heading's inside).
    public static func inline(_ inlines: [MarkdownInline]) -> String {
        var writer = Writer()
        writer.inlines(inlines)
        return writer.out
    }

    /// `& < > "` escaped, as cmark-gfm escapes text.
    public static func escape(_ text: String) -> String {
        guard text.contains(where: { $0 == "&" || $0 == "<" || $0 == ">" || $0 == "\"" }) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for c in text {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(c)
            }
        }
        return out
    }

    /// A URL as cmark-gfm writes it into `href`/`src`: unsafe bytes percent-encoded, `&` and `'` as entities.
    static func escapeHref(_ url: String) -> String {
        let safe = Set("-_.+!*(),%#@?=;:/,+$~".utf8).union((UInt8(ascii: "a")...UInt8(ascii: "z")))
            .union(UInt8(ascii: "A")...UInt8(ascii: "Z")).union(UInt8(ascii: "0")...UInt8(ascii: "9"))
        var out = ""
        for byte in url.utf8 {
            if safe.contains(byte) {
                out.unicodeScalars.append(UnicodeScalar(byte))
            } else if byte == UInt8(ascii: "&") {
                out += "&amp;"
            } else if byte == UInt8(ascii: "'") {
                out += "&#x27;"
            } else {
                out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return out
    }
}

private extension String {
    func leftPadded(to width: Int) -> String { count >= width ? self : String(repeating: "0", count: width - count) + self }
}

/// The labels of the footnote definitions cmark-gfm kept, by number (1 is the first).
struct FootnoteLabels {
    var labels: [String] = []
    var definitions: [[MarkdownBlock]] = []

    init() {}

    init(_ document: MarkdownDocument) {
        for case .footnoteDefinition(let name, let inner) in document.blocks {
            labels.append(name)
            definitions.append(inner)
        }
    }

    func label(_ number: Int) -> String { number >= 1 && number <= labels.count ? labels[number - 1] : String(number) }
}

private struct Writer {
    var out = ""
    var footnotes = FootnoteLabels()

    /// A newline unless the output is empty or already ends with one (cmark's `cr`).
    mutating func cr() {
        if !out.isEmpty && !out.hasSuffix("\n") { out += "\n" }
    }

    mutating func blocks(_ blocks: [MarkdownBlock], tight: Bool) {
        for block in blocks { self.block(block, tight: tight) }
    }

    mutating func block(_ block: MarkdownBlock, tight: Bool) {
        switch block {
        case .paragraph(let content):
            if tight {
                inlines(content)
            } else {
                cr()
                out += "<p>"
                inlines(content)
                out += "</p>\n"
            }
        case .heading(let level, let content):
            cr()
            out += "<h\(level)>"
            inlines(content)
            out += "</h\(level)>\n"
        case .code(let code):
            cr()
            let language = code.info.split(whereSeparator: { $0 == " " || $0 == "\t" }).first.map(String.init) ?? ""
            out += language.isEmpty ? "<pre><code>" : "<pre><code class=\"language-\(MarkdownHTML.escape(language))\">"
            out += MarkdownHTML.escape(code.literal)
            out += "</code></pre>\n"
        case .html(let raw):
            cr()
            out += Self.filterTags(raw)
            cr()
        case .quote(let inner):
            cr()
            out += "<blockquote>\n"
            blocks(inner, tight: false)
            cr()
            out += "</blockquote>\n"
        case .list(let list):
            cr()
            switch list.kind {
            case .bullet: out += "<ul>\n"
            case .ordered(let start): out += start == 1 ? "<ol>\n" : "<ol start=\"\(start)\">\n"
            }
            for item in list.items {
                cr()
                out += "<li>"
                if let checked = item.checked {
                    out += checked ? "<input type=\"checkbox\" checked=\"\" disabled=\"\" /> " : "<input type=\"checkbox\" disabled=\"\" /> "
                }
                blocks(item.blocks, tight: list.tight)
                out += "</li>\n"
            }
            if case .bullet = list.kind { out += "</ul>\n" } else { out += "</ol>\n" }
        case .table(let table):
            cr()
            out += "<table>\n<thead>\n"
            row(table.header, alignments: table.alignments, cell: "th")
            out += "</thead>\n"
            if !table.rows.isEmpty {
                out += "<tbody>\n"
                for r in table.rows { row(r, alignments: table.alignments, cell: "td") }
                out += "</tbody>\n"
            }
            out += "</table>\n"
        case .thematicBreak:
            cr()
            out += "<hr />\n"
        case .footnoteDefinition:
            break  // written at the end, in reference order
        case .rendered(let html):
            cr()
            out += html
            cr()
        case .group(let open, let inner, let close):
            cr()
            out += open
            blocks(inner, tight: false)
            out += close
        }
    }

    mutating func row(_ cells: [[MarkdownInline]], alignments: [MarkdownTable.Alignment], cell: String) {
        out += "<tr>\n"
        for (i, content) in cells.enumerated() {
            let alignment = i < alignments.count ? alignments[i] : .none
            switch alignment {
            case .none: out += "<\(cell)>"
            case .left: out += "<\(cell) align=\"left\">"
            case .center: out += "<\(cell) align=\"center\">"
            case .right: out += "<\(cell) align=\"right\">"
            }
            inlines(content)
            out += "</\(cell)>\n"
        }
        out += "</tr>\n"
    }

    mutating func inlines(_ inlines: [MarkdownInline]) {
        for inline in inlines { self.inline(inline) }
    }

    mutating func inline(_ inline: MarkdownInline) {
        switch inline {
        case .text(let s): out += MarkdownHTML.escape(s)
        case .code(let s): out += "<code>\(MarkdownHTML.escape(s))</code>"
        case .html(let raw): out += Self.filterTags(raw)
        case .softBreak: out += "\n"
        case .lineBreak: out += "<br />\n"
        case .emphasis(let c): out += "<em>"; inlines(c); out += "</em>"
        case .strong(let c): out += "<strong>"; inlines(c); out += "</strong>"
        case .strikethrough(let c): out += "<del>"; inlines(c); out += "</del>"
        case .link(let destination, let title, let c):
            out += "<a href=\"\(MarkdownHTML.escapeHref(destination))\""
            if !title.isEmpty { out += " title=\"\(MarkdownHTML.escape(title))\"" }
            out += ">"
            inlines(c)
            out += "</a>"
        case .image(let source, let title, let c):
            out += "<img src=\"\(MarkdownHTML.escapeHref(source))\" alt=\"\(MarkdownHTML.escape(MarkdownInline.plainText(c)))\""
            if !title.isEmpty { out += " title=\"\(MarkdownHTML.escape(title))\"" }
            out += " />"
        case .footnoteReference(let number):
            let id = MarkdownHTML.escapeHref(footnotes.label(number))
            out += "<sup class=\"footnote-ref\"><a href=\"#fn-\(id)\" id=\"fnref-\(id)\" data-footnote-ref>\(number)</a></sup>"
        case .rendered(let html): out += html
        }
    }

    /// The footnotes section after the document, in reference order, each ending with a link back.
    mutating func footnoteSection() {
        guard !footnotes.labels.isEmpty else { return }
        cr()
        out += "<section class=\"footnotes\" data-footnotes>\n<ol>\n"
        for (name, definition) in zip(footnotes.labels, footnotes.definitions) {
            var inner = definition
            let id = MarkdownHTML.escapeHref(name)
            let backref = MarkdownInline.rendered(
                " <a href=\"#fnref-\(id)\" class=\"footnote-backref\" data-footnote-backref aria-label=\"Back to content\">↩</a>")
            if case .paragraph(let content)? = inner.last {
                inner[inner.count - 1] = .paragraph(content + [backref])
            }
            out += "<li id=\"fn-\(id)\">\n"
            blocks(inner, tight: false)
            out += "</li>\n"
        }
        out += "</ol>\n</section>\n"
    }

    /// GFM's tag filter: `<title>`, `<textarea>`, `<style>`, `<xmp>`, `<iframe>`, `<noembed>`, `<noframes>`,
    /// `<script>` and `<plaintext>` have their `<` written as `&lt;`.
    static func filterTags(_ html: String) -> String {
        guard html.contains("<") else { return html }
        let names = ["title", "textarea", "style", "xmp", "iframe", "noembed", "noframes", "script", "plaintext"]
        var out = ""
        var rest = Substring(html)
        while let lt = rest.firstIndex(of: "<") {
            out += rest[..<lt]
            var tag = rest[rest.index(after: lt)...]
            if tag.first == "/" { tag = tag.dropFirst() }
            let name = tag.prefix(while: { $0.isLetter }).lowercased()
            let next = tag.dropFirst(name.count).first
            if names.contains(name), next == nil || next == ">" || next == "/" || next!.isWhitespace {
                out += "&lt;"
            } else {
                out += "<"
            }
            rest = rest[rest.index(after: lt)...]
        }
        return out + rest
    }
}
