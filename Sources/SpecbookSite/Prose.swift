import SpecbookMarkdown

/// The prose passes of a page, each over the Markdown tree: formulas, callouts, cross references and
/// `{{values}}`; code and code spans are their own nodes, so no pass reaches them.
///
/// ```swift
/// let prose = Prose(math: notebook.math, references: references, page: "lfp", values: ["loss": "0.25"])
/// let document = prose.rewrite(notebook.document)   // then cells and anchored headings, then MarkdownHTML
/// prose.broken                                       // ["@fig-missing"], in page order
/// ```
/// A class, so that captions rendered while the page's cells are drawn report into the same lists, in order.
final class Prose {
    let math: [MathSpans.Span]
    let references: CrossReferences
    let page: String
    let values: [String: String]
    /// False rewrites formulas and callouts only (the text heading ids are made from).
    let resolves: Bool
    /// Renders a code block in place (the page's cells); nil leaves code blocks to the Markdown writer.
    var cell: ((MarkdownCodeBlock) -> String?)?
    /// References that point nowhere, as written, in page order.
    private(set) var broken: [String] = []
    /// `{{names}}` no run reported, in page order.
    private(set) var missing: [String] = []
    /// Values cited so far; the first citation of each carries the anchor `value-NAME` (``valueAnchor(_:)``).
    var citedValues: Set<String> = []
    /// The site's formatted citations; nil leaves `[@key]` as text (a project without a bibliography).
    var citations: CitationTable?
    /// Keys the page cites that the bibliography has, and those it lacks (as written, `@key`, in page order).
    private(set) var cited: Set<String> = []
    private(set) var unknownCitations: [String] = []
    /// Each heading's text with its formulas, before references and values are resolved: what its id is made
    /// from; in the order ``TableOfContents/anchor(_:used:named:)`` visits headings.
    private(set) var headingNames: [String] = []

    init(math: [MathSpans.Span], references: CrossReferences, page: String, values: [String: String], resolves: Bool = true) {
        self.math = math
        self.references = references
        self.page = page
        self.values = values
        self.resolves = resolves
    }

    /// Formulas, callouts, references and values throughout `document`.
    func rewrite(_ document: MarkdownDocument) -> MarkdownDocument {
        MarkdownDocument(blocks: document.blocks.map(block))
    }

    /// An inline Markdown fragment (a caption) with its formulas, references and values, as HTML.
    func inline(_ markdown: String) -> String {
        let protected = MathSpans.protect(markdown)
        let fragment = Prose(math: protected.spans, references: references, page: page, values: values, resolves: resolves)
        fragment.citedValues = citedValues
        let document = fragment.rewrite(MarkdownDocument(parsing: protected.text))
        broken += fragment.broken
        missing += fragment.missing
        citedValues = fragment.citedValues
        var html = MarkdownHTML.render(document).trimmingCharacters(in: .whitespacesAndNewlines)
        if html.hasPrefix("<p>") && html.hasSuffix("</p>") { html = String(html.dropFirst(3).dropLast(4)) }
        return html
    }

    func block(_ block: MarkdownBlock) -> MarkdownBlock {
        switch block {
        case .paragraph(let content): return .paragraph(inlines(content))
        case .heading(let level, let content):
            headingNames.append(HTMLText.plain(MarkdownHTML.inline(formulas(content))))
            return .heading(level: level, inlines(content))
        case .quote(let inner):
            let rewritten = inner.map(self.block)
            return Callouts.callout(rewritten) ?? .quote(rewritten)
        case .list(var list):
            list.items = list.items.map { MarkdownList.Item(blocks: $0.blocks.map(self.block), checked: $0.checked) }
            return .list(list)
        case .table(var table):
            table.header = table.header.map { inlines($0) }
            table.rows = table.rows.map { $0.map { inlines($0) } }
            return .table(table)
        case .footnoteDefinition(let name, let inner): return .footnoteDefinition(name: name, inner.map(self.block))
        case .group(let open, let inner, let close): return .group(open: open, inner.map(self.block), close: close)
        case .code(let code): return cell?(code).map(MarkdownBlock.rendered) ?? block
        case .html, .thematicBreak, .rendered: return block
        }
    }

    func inlines(_ content: [MarkdownInline], insideLink: Bool = false) -> [MarkdownInline] {
        var out: [MarkdownInline] = []
        for inline in formulas(citations == nil ? content : MarkdownText.joined(content)) {
            switch inline {
            case .text(let text) where !resolves:
                out.append(.text(text))
            case .text(let text):
                out += insideLink ? substituteValues(text) : resolveCitations(text).flatMap { part -> [MarkdownInline] in
                    guard case .text(let t) = part else { return [part] }
                    return resolveReferences(t).flatMap { part -> [MarkdownInline] in
                        if case .text(let t) = part { return substituteValues(t) }
                        return [part]
                    }
                }
            case .emphasis(let c): out.append(.emphasis(inlines(c, insideLink: insideLink)))
            case .strong(let c): out.append(.strong(inlines(c, insideLink: insideLink)))
            case .strikethrough(let c): out.append(.strikethrough(inlines(c, insideLink: insideLink)))
            case .link(let destination, let title, let c):
                out.append(.link(destination: destination, title: sourceOfFormulas(title), inlines(c, insideLink: true)))
            case .image(let source, let title, let c):
                // Alt text is plain: formulas as their TeX source.
                out.append(.image(source: source, title: sourceOfFormulas(title), [.text(sourceOfFormulas(MarkdownInline.plainText(c)))]))
            default: out.append(inline)
            }
        }
        return out
    }

    // MARK: Formulas

    /// Placeholders become MathML; one spread over several lines (with line breaks and fillers) is gathered first.
    /// Punctuation right after an inline formula stays on its line, inside one span with it.
    func formulas(_ content: [MarkdownInline]) -> [MarkdownInline] {
        guard !math.isEmpty else { return content }
        var out: [MarkdownInline] = []
        var pending: String?
        for inline in content {
            if var open = pending {
                switch inline {
                case .softBreak, .lineBreak: open += "\n"
                case .text(let t): open += t
                default: open += ""
                }
                if open.contains(MathSpans.close) {
                    pending = nil
                    out += split(open)
                } else {
                    pending = open
                }
                continue
            }
            if case .text(let t) = inline, t.contains(MathSpans.open) {
                let tail = t[(t.lastIndex(of: MathSpans.open) ?? t.startIndex)...]
                if tail.contains(MathSpans.close) { out += split(t) } else { pending = t }
            } else {
                out.append(inline)
            }
        }
        if let pending { out.append(.text(pending)) }
        return joinPunctuation(out)
    }

    /// TeX characters from which an inline formula may be wider than a phone's column.
    static let longInlineFormula = 40

    private func split(_ text: String) -> [MarkdownInline] {
        var out: [MarkdownInline] = []
        var rest = Substring(text)
        while let start = rest.firstIndex(of: MathSpans.open), let end = rest[start...].firstIndex(of: MathSpans.close),
              let index = MathSpans.index(ofPlaceholder: rest[rest.index(after: start)..<end]), math.indices.contains(index) {
            if start > rest.startIndex { out.append(.text(String(rest[..<start]))) }
            let span = math[index]
            let html = MathML.render(span.tex, display: span.display)
            if span.display, let label = span.label, let number = Equations.numbers(math)[label] {
                out.append(.rendered("<span class=\"math-display numbered\" id=\"\(MarkdownHTML.escape(label))\">\(html)"
                                     + "<span class=\"eq-number\">(\(number))</span></span>"))
            } else {
                // A long inline formula cannot break (MathML has no line breaking): on a phone its box scrolls.
                let long = !span.display && span.tex.count >= Self.longInlineFormula
                out.append(.rendered(span.display ? "<span class=\"math-display\">\(html)</span>"
                                     : long ? "<span class=\"math-inline long\">\(html)</span>" : html))
            }
            rest = rest[rest.index(after: end)...]
        }
        if !rest.isEmpty { out.append(.text(String(rest))) }
        return out
    }

    private func joinPunctuation(_ content: [MarkdownInline]) -> [MarkdownInline] {
        var out: [MarkdownInline] = []
        var i = 0
        while i < content.count {
            if case .rendered(let html) = content[i], html.hasPrefix("<math"), i + 1 < content.count,
               case .text(let next) = content[i + 1], let first = next.first, ".,;:!?)".contains(first) {
                let punctuation = next.prefix(while: { ".,;:!?)".contains($0) })
                out.append(.rendered("<span class=\"math-inline\">\(html)\(MarkdownHTML.escape(String(punctuation)))</span>"))
                let rest = next.dropFirst(punctuation.count)
                if !rest.isEmpty { out.append(.text(String(rest))) }
                i += 2
                continue
            }
            out.append(content[i])
            i += 1
        }
        return out
    }

    /// `text` with placeholders replaced by the formulas' TeX source (alt text, link titles).
    func sourceOfFormulas(_ text: String) -> String {
        guard text.contains(MathSpans.open) else { return text }
        var out = ""
        var rest = Substring(text)
        while let start = rest.firstIndex(of: MathSpans.open), let end = rest[start...].firstIndex(of: MathSpans.close) {
            out += rest[..<start]
            if let index = MathSpans.index(ofPlaceholder: rest[rest.index(after: start)..<end]), math.indices.contains(index) {
                out += math[index].tex
            }
            rest = rest[rest.index(after: end)...]
        }
        return out + rest
    }

    // MARK: References and values

    /// Citation groups as the table renders them; unknown keys are kept for the build's warnings.
    func resolveCitations(_ text: String) -> [MarkdownInline] {
        guard let citations, text.contains("@") else { return [.text(text)] }
        return Citations.split(text).map { part in
            switch part {
            case .text(let t): return .text(t)
            case .citation(let group):
                let (html, unknown) = citations.html(group)
                cited.formUnion(group.keys.filter { citations.known.contains($0) })
                unknownCitations += unknown.map { "@\($0)" }
                return .rendered(html)
            }
        }
    }

    func resolveReferences(_ text: String) -> [MarkdownInline] {
        let resolved = references.inlines(in: text, current: page)
        broken += resolved.broken
        return resolved.inlines
    }

    /// The anchor of a value's first citation on its page: `value-NAME`.
    static func valueAnchor(_ name: String) -> String { "value-\(name)" }

    /// `{{name}}` as the reported value, or marked when no run reported it.
    func substituteValues(_ text: String) -> [MarkdownInline] {
        guard text.contains("{{") else { return [.text(text)] }
        var out: [MarkdownInline] = []
        var rest = Substring(text)
        while let open = rest.range(of: "{{"), let close = rest[open.upperBound...].range(of: "}}") {
            if open.lowerBound > rest.startIndex { out.append(.text(String(rest[..<open.lowerBound]))) }
            let name = rest[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespaces)
            if let value = values[name] {
                let anchor = citedValues.insert(name).inserted ? " id=\"\(HTML.escape(Self.valueAnchor(name)))\"" : ""
                out.append(.rendered("<span class=\"value\" data-name=\"\(HTML.escape(name))\"\(anchor)>\(HTML.escape(value))</span>"))
            } else {
                missing.append(name)
                out.append(.rendered("<span class=\"value missing\" title=\"no value reported\">{{\(HTML.escape(name))}}</span>"))
            }
            rest = rest[close.upperBound...]
        }
        if !rest.isEmpty { out.append(.text(String(rest))) }
        return out
    }
}
