import SpecbookMarkdown

/// Anchors on every heading of a page and the "On this page" list built from them.
///
/// ```swift
/// var used: Set<String> = []
/// let document = MarkdownDocument(parsing: "## Method\n\n## Method\n")
/// let page = TableOfContents.anchor(document, used: &used, named: TableOfContents.headingTexts(document))
/// // page.headings.map(\.id) == ["method", "method-1"]
/// print(TableOfContents.render(page.headings))
/// ```
/// **Edge cases:** duplicate heading texts get `-1`, `-2`, ... suffixes; an id already in `used` (a figure's
/// label) is never reused; a heading with no letters or digits is called `section`; headings written as raw
/// HTML with attributes are left as they are.
public enum TableOfContents {
    /// One heading of a page.
    public struct Heading: Sendable, Equatable, Codable {
        public var level: Int
        public var id: String
        /// The heading's plain text.
        public var text: String
        /// The heading's inner HTML (may hold inline code or math).
        public var html: String
    }

    /// Gives every heading an `id` and a self-link; returns the document with headings rendered, and the
    /// headings in order. `named` gives the text an id is made from (before references and values are resolved).
    public static func anchor(_ document: MarkdownDocument, used: inout Set<String>, named: [String]) -> (document: MarkdownDocument, headings: [Heading]) {
        var headings: [Heading] = []
        var names = named[...]
        func blocks(_ list: [MarkdownBlock]) -> [MarkdownBlock] {
            list.map { block in
                switch block {
                case .heading(let level, let content):
                    let inner = MarkdownHTML.inline(content)
                    let text = names.popFirst() ?? HTMLText.plain(inner)
                    let id = unique(slug(text), &used)
                    headings.append(Heading(level: level, id: id, text: text, html: inner))
                    return .rendered("<h\(level) id=\"\(id)\">\(inner)<a class=\"anchor\" href=\"#\(id)\" aria-label=\"Link to this section: \(HTML.escape(text))\">#</a></h\(level)>")
                case .quote(let inner): return .quote(blocks(inner))
                case .footnoteDefinition(let name, let inner): return .footnoteDefinition(name: name, blocks(inner))
                case .group(let open, let inner, let close): return .group(open: open, blocks(inner), close: close)
                case .list(var list):
                    list.items = list.items.map { MarkdownList.Item(blocks: blocks($0.blocks), checked: $0.checked) }
                    return .list(list)
                default: return block
                }
            }
        }
        let anchored = blocks(document.blocks)
        return (MarkdownDocument(blocks: anchored), headings)
    }

    /// The plain text of every heading in `document`, in the order ``anchor(_:used:named:)`` visits them.
    public static func headingTexts(_ document: MarkdownDocument) -> [String] {
        var texts: [String] = []
        func visit(_ blocks: [MarkdownBlock]) {
            for block in blocks {
                switch block {
                case .heading(_, let content): texts.append(HTMLText.plain(MarkdownHTML.inline(content)))
                case .quote(let inner), .group(_, let inner, _), .footnoteDefinition(_, let inner): visit(inner)
                case .list(let list): list.items.forEach { visit($0.blocks) }
                default: break
                }
            }
        }
        visit(document.blocks)
        return texts
    }

    /// The "On this page" navigation: headings of level 2 and 3 (or the two top levels present).
    public static func render(_ headings: [Heading]) -> String {
        guard let top = headings.map(\.level).min() else { return "" }
        let shown = headings.filter { $0.level <= top + 1 }
        guard shown.count >= 2 else { return "" }
        var html = "<nav class=\"toc\" aria-labelledby=\"toc-title\">\n<h2 id=\"toc-title\">On this page</h2>\n<ol>\n"
        for heading in shown {
            html += "<li class=\"toc-level-\(heading.level - top + 1)\"><a href=\"#\(heading.id)\">\(stripLinks(heading.html))</a></li>\n"
        }
        return html + "</ol>\n</nav>\n"
    }

    /// A URL-safe id from heading text: lowercase letters and digits joined by `-`.
    public static func slug(_ text: String) -> String {
        var slug = ""
        for c in text.lowercased() {
            if c.isLetter || c.isNumber {
                slug.append(c)
            } else if (c == " " || c == "-" || c == "_" || c == ".") && !slug.isEmpty && !slug.hasSuffix("-") {
                slug.append("-")
            }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        return slug.isEmpty ? "section" : slug
    }

    static func unique(_ base: String, _ used: inout Set<String>) -> String {
        var id = base, n = 0
        while used.contains(id) {
            n += 1
            id = "\(base)-\(n)"
        }
        used.insert(id)
        return id
    }

    /// Links inside a heading would nest inside the contents entry's link: keep their text only.
    static func stripLinks(_ html: String) -> String {
        guard html.contains("<a ") else { return html }
        var out = ""
        var rest = Substring(html)
        while let open = rest.firstRange(of: "<a ") {
            out += rest[..<open.lowerBound]
            guard let gt = rest[open.upperBound...].firstIndex(of: ">") else { break }
            rest = rest[rest.index(after: gt)...]
            if let close = rest.firstRange(of: "</a>") {
                out += rest[..<close.lowerBound]
                rest = rest[close.upperBound...]
            }
        }
        return out + rest
    }
}
