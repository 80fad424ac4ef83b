import SpecbookMarkdown

/// `@fig-label` in prose becomes a link "Figure 3"; `@other-notebook#fig-label` a link "Figure 2 of <title>".
///
/// ```swift
/// var targets = CrossReferences()
/// targets.add(notebook: "spectrum", title: "The spectrum", labels: ["fig-dft": .init(kind: .figure, number: 2)])
/// let run = targets.inlines(in: "See @fig-dft.", current: "spectrum")
/// // run.inlines holds the link "Figure 2"; run.broken == []
/// ```
/// **Edge cases:** only `fig-`, `tbl-` and `eq-` labels are references, so `@someone` and e-mail addresses
/// (`me@fig-lab.org`: a letter before the `@`) stay text; the site passes only prose text runs (never code, links
/// or formulas); an unknown label renders as `<span class="xref broken">@fig-missing?</span>` and is
/// returned in `broken`; a trailing `.` or `-` ends the label.
public struct CrossReferences: Sendable {
    /// What a label points at.
    public struct Target: Sendable, Equatable {
        public enum Kind: String, Sendable { case figure = "Figure", table = "Table", equation = "Equation" }
        public var kind: Kind
        public var number: Int

        public init(kind: Kind, number: Int) {
            self.kind = kind
            self.number = number
        }
    }

    struct Notebook: Sendable {
        var title: String
        var labels: [String: Target]
    }

    var notebooks: [String: Notebook] = [:]

    public init() {}

    /// Registers the labelled figures and tables of one notebook (page name `notebook`, i.e. `notebook.html`).
    public mutating func add(notebook: String, title: String, labels: [String: Target]) {
        notebooks[notebook] = Notebook(title: title, labels: labels)
    }

    /// A prose text run with references as links, and the references that point nowhere (as written, in order).
    ///
    /// ```swift
    /// targets.inlines(in: "See @fig-dft.", current: "spectrum").inlines
    /// // [.text("See "), .rendered("<a class=\"xref\" href=\"#fig-dft\">Figure 2</a>"), .text(".")]
    /// ```
    public func inlines(in text: String, current: String) -> (inlines: [MarkdownInline], broken: [String]) {
        guard text.contains("@") else { return ([.text(text)], []) }
        var broken: [String] = []
        var out: [MarkdownInline] = []
        var pending = ""
        let chars = Array(text)
        var i = 0
        while i < chars.count {
            guard chars[i] == "@", i == 0 || !isLabelCharacter(chars[i - 1]) && chars[i - 1] != "@" && chars[i - 1] != "/",
                  let (notebook, label, length) = reference(chars, at: i) else {
                pending.append(chars[i])
                i += 1
                continue
            }
            if !pending.isEmpty { out.append(.text(pending)); pending = "" }
            let written = String(chars[i..<(i + length)])
            out.append(.rendered(link(notebook: notebook ?? current, label: label, current: current, written: written, broken: &broken)))
            i += length
        }
        if !pending.isEmpty { out.append(.text(pending)) }
        return (out, broken)
    }

    /// Parses `@label` or `@notebook#label` at `start`: the notebook (if any), the label and the length read.
    func reference(_ chars: [Character], at start: Int) -> (String?, String, Int)? {
        var j = start + 1
        while j < chars.count, isLabelCharacter(chars[j]) || chars[j] == "." { j += 1 }
        var word = String(chars[(start + 1)..<j])
        var notebook: String?
        if j < chars.count, chars[j] == "#", !word.isEmpty {
            notebook = word
            j += 1
            let labelStart = j
            while j < chars.count, isLabelCharacter(chars[j]) || chars[j] == "." { j += 1 }
            word = String(chars[labelStart..<j])
        }
        while let last = word.last, last == "." || last == "-" {
            word.removeLast()
            j -= 1
        }
        guard word.hasPrefix("fig-") || word.hasPrefix("tbl-") || word.hasPrefix("eq-") else { return nil }
        return (notebook, word, j - start)
    }

    func link(notebook: String, label: String, current: String, written: String, broken: inout [String]) -> String {
        guard let page = notebooks[notebook], let target = page.labels[label] else {
            broken.append(written)
            let why = notebooks[notebook] == nil ? "no notebook named \(notebook)" : "no figure, table or equation labelled \(label)"
            return "<span class=\"xref broken\" title=\"\(HTML.escape(why))\">\(HTML.escape(written))?</span>"
        }
        let name = "\(target.kind.rawValue)\u{A0}" + (target.kind == .equation ? "(\(target.number))" : "\(target.number)")
        if notebook == current {
            return "<a class=\"xref\" href=\"#\(HTML.escape(label))\">\(name)</a>"
        }
        return "<a class=\"xref\" href=\"\(HTML.escape(notebook)).html#\(HTML.escape(label))\">\(name) of \(HTML.escape(page.title))</a>"
    }

    func isLabelCharacter(_ c: Character) -> Bool {
        c.isASCII && (c.isLetter || c.isNumber || c == "-" || c == "_")
    }

    /// The 1-based line in `body` of the `occurrence`-th (0-based) use of `reference` in prose or an option line.
    public static func line(of reference: String, occurrence: Int, in body: String) -> Int? {
        var found: [Int] = []
        for (number, line) in ProseLines.lines(of: body, optionLines: true) {
            var rest = line[...]
            while let range = rest.range(of: reference) {
                let after = range.upperBound < rest.endIndex ? rest[range.upperBound] : " "
                if !(after.isLetter || after.isNumber || after == "_" || after == "#") { found.append(number) }
                rest = rest[range.upperBound...]
            }
        }
        return found.indices.contains(occurrence) ? found[occurrence] : found.first
    }
}
