import SpecbookMarkdown

/// Pandoc-style citations in prose: `[@key]`, `[@a; @b]`, `[@key, p. 3]`, `[-@key]` (author suppressed) and
/// narrative `@key`, rendered from a ``CitationTable`` the build formats once for the whole site.
///
/// ```swift
/// Citations.groups(in: "as shown [@zhang2021, p. 3] and by @luo2020.")
/// // [("[@zhang2021, p. 3]", keys ["zhang2021"]), ("@luo2020", keys ["luo2020"])]
/// ```
/// **Edge cases:** `@fig-`, `@tbl-` and `@eq-` are cross references, never citations; an e-mail address (a
/// letter or digit before the `@`) and `\@` are text; code spans, code blocks, links and formulas are never
/// searched; a citation may wrap over lines of a paragraph; a trailing `.`, `:` or `,` ends a key.
public enum Citations {
    /// One citation as written: its source text and the keys it cites, in order.
    public struct Group: Sendable, Hashable {
        public var written: String
        public var keys: [String]

        public init(written: String, keys: [String]) {
            self.written = written
            self.keys = keys
        }
    }

    /// A text run split into plain text and citation groups, in order.
    public enum Part: Sendable, Equatable {
        case text(String)
        case citation(Group)
    }

    static let referencePrefixes = ["fig-", "tbl-", "eq-"]

    /// The citation groups of `text`, in order.
    public static func groups(in text: String) -> [Group] {
        split(text).compactMap { if case .citation(let g) = $0 { return g } else { return nil } }
    }

    /// `text` as plain runs and citation groups.
    public static func split(_ text: String) -> [Part] {
        guard text.contains("@") else { return [.text(text)] }
        let chars = Array(text)
        var parts: [Part] = []
        var pending = ""
        var i = 0
        while i < chars.count {
            if chars[i] == "[", let (group, end) = bracketed(chars, from: i) {
                if !pending.isEmpty { parts.append(.text(pending)); pending = "" }
                parts.append(.citation(group))
                i = end
            } else if chars[i] == "@", i == 0 || !(chars[i - 1].isLetter || chars[i - 1].isNumber || chars[i - 1] == "\\"),
                      let (key, end) = key(chars, from: i + 1) {
                if !pending.isEmpty { parts.append(.text(pending)); pending = "" }
                parts.append(.citation(Group(written: String(chars[i..<end]), keys: [key])))
                i = end
            } else {
                pending.append(chars[i])
                i += 1
            }
        }
        if !pending.isEmpty { parts.append(.text(pending)) }
        return parts
    }

    /// `[ ... ]` holding `;`-separated items, each with one `@key` (optionally `-@key`), or nil.
    static func bracketed(_ chars: [Character], from start: Int) -> (Group, Int)? {
        guard let close = chars[start...].firstIndex(of: "]"), !chars[(start + 1)..<close].contains("[") else { return nil }
        let inner = String(chars[(start + 1)..<close])
        guard inner.contains("@") else { return nil }
        var keys: [String] = []
        for item in inner.split(separator: ";", omittingEmptySubsequences: false) {
            let itemChars = Array(item)
            guard let at = itemChars.firstIndex(of: "@"),
                  at == 0 || itemChars[at - 1].isWhitespace || itemChars[at - 1] == "-",
                  let (key, _) = key(itemChars, from: at + 1) else { return nil }
            keys.append(key)
        }
        return (Group(written: String(chars[start...close]), keys: keys), close + 1)
    }

    /// A citation key starting at `start` (letters, digits and `_:.#$%&-+?<>~/`, ending in a letter or digit),
    /// unless it is a cross reference; returns the key and where it ends.
    static func key(_ chars: [Character], from start: Int) -> (String, Int)? {
        var j = start
        while j < chars.count, chars[j].isASCII, chars[j].isLetter || chars[j].isNumber || "_:.#$%&-+?<>~/".contains(chars[j]) {
            j += 1
        }
        while j > start, !(chars[j - 1].isLetter || chars[j - 1].isNumber || chars[j - 1] == "_") { j -= 1 }
        guard j > start, chars[start].isLetter || chars[start].isNumber || chars[start] == "_" else { return nil }
        let key = String(chars[start..<j])
        // `@page#fig-x` is a cross reference to another page, not a key with a `#` in it.
        let label = key.split(separator: "#", maxSplits: 1).last.map(String.init) ?? key
        guard !referencePrefixes.contains(where: key.hasPrefix), !referencePrefixes.contains(where: label.hasPrefix) else { return nil }
        return (key, j)
    }
}

/// The site's citations as the build formatted them (through pandoc's citeproc), ready to place in pages.
///
/// ```swift
/// var table = CitationTable(known: ["zhang2021"])
/// table.rendered["[@zhang2021]"] = "<a href=\"#ref-zhang2021\" role=\"doc-biblioref\">[1]</a>"
/// table.entries["zhang2021"] = "<div id=\"ref-zhang2021\" class=\"csl-entry\">…</div>"
/// ```
/// **Edge cases:** a group citing a key not in `known` is shown as written with `?` after the key and reported
/// as a warning; a known group without rendered HTML is shown as written.
public struct CitationTable: Sendable, Equatable {
    /// Every key of the bibliography.
    public var known: Set<String>
    /// A group's HTML (pandoc's, inside its citation span), by the group as written.
    public var rendered: [String: String] = [:]
    /// Each cited key's bibliography entry as HTML, in bibliography order.
    public var entries: [(key: String, html: String)] = []
    /// Each cited key's entry as plain text, for the tooltip.
    public var plain: [String: String] = [:]

    public init(known: Set<String>) {
        self.known = known
    }

    public static func == (a: CitationTable, b: CitationTable) -> Bool {
        a.known == b.known && a.rendered == b.rendered && a.plain == b.plain
            && a.entries.map(\.key) == b.entries.map(\.key) && a.entries.map(\.html) == b.entries.map(\.html)
    }

    /// The HTML of one group, and the keys it cites that the bibliography lacks.
    public func html(_ group: Citations.Group) -> (html: String, unknown: [String]) {
        let unknown = group.keys.filter { !known.contains($0) }
        guard unknown.isEmpty, let inner = rendered[group.written] else {
            var shown = group.written
            for key in unknown { shown = shown.replacingOccurrences(of: "@\(key)", with: "@\(key)?") }
            let title = unknown.isEmpty ? "" : " title=\"no entry \(HTML.escape(unknown.joined(separator: ", "))) in the bibliography\""
            return ("<span class=\"citation\(unknown.isEmpty ? "" : " broken")\"\(title)>\(HTML.escape(shown))</span>", unknown)
        }
        let tips = group.keys.compactMap { plain[$0] }.map { "<span class=\"cite-entry\">\(HTML.escape($0))</span>" }.joined()
        let keys = HTML.escape(group.keys.joined(separator: " "))
        return ("<span class=\"citation\" data-cites=\"\(keys)\">\(inner)<span class=\"cite-tip\" role=\"tooltip\">\(tips)</span></span>", [])
    }

    /// The References section of a page that cites `keys`: their entries in bibliography order.
    public func section(citing keys: Set<String>) -> String {
        let cited = entries.filter { keys.contains($0.key) }
        guard !cited.isEmpty else { return "" }
        return "<section class=\"references\" aria-labelledby=\"references\">\n<h2 id=\"references\">References</h2>\n"
            + "<div class=\"csl-bib-body\">\n" + cited.map(\.html).joined(separator: "\n") + "\n</div>\n</section>\n"
    }
}

extension SitePage {
    /// Every citation group of the pages' prose, in reading order (a group cited twice appears once).
    public static func citationGroups(_ pages: [SitePage]) -> [Citations.Group] {
        var seen = Set<String>()
        var out: [Citations.Group] = []
        for page in pages {
            for text in MarkdownText.runs(page.notebook.document) {
                for group in Citations.groups(in: text) where seen.insert(group.written).inserted { out.append(group) }
            }
        }
        return out
    }
}

/// The prose text runs of a document, adjacent text nodes joined, outside code, links, images and formulas.
enum MarkdownText {
    static func runs(_ document: MarkdownDocument) -> [String] {
        var out: [String] = []
        func inlines(_ content: [MarkdownInline]) {
            for inline in joined(content) {
                switch inline {
                case .text(let t): out.append(t)
                case .emphasis(let c), .strong(let c), .strikethrough(let c): inlines(c)
                default: break
                }
            }
        }
        func block(_ b: MarkdownBlock) {
            switch b {
            case .paragraph(let c), .heading(_, let c): inlines(c)
            case .quote(let inner), .footnoteDefinition(_, let inner), .group(_, let inner, _): inner.forEach(block)
            case .list(let list): list.items.forEach { $0.blocks.forEach(block) }
            case .table(let table): (table.header + table.rows.flatMap { $0 }).forEach(inlines)
            default: break
            }
        }
        document.blocks.forEach(block)
        return out
    }

    /// Adjacent text nodes as one (cmark splits text at brackets), soft line breaks between them kept as the
    /// newline they are written as, so a citation may wrap like any prose.
    static func joined(_ content: [MarkdownInline]) -> [MarkdownInline] {
        var out: [MarkdownInline] = []
        for inline in content {
            switch (inline, out.last) {
            case (.text(let t), .text(let previous)?): out[out.count - 1] = .text(previous + t)
            case (.softBreak, .text(let previous)?): out[out.count - 1] = .text(previous + "\n")
            default: out.append(inline)
            }
        }
        return out
    }
}
