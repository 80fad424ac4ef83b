import Foundation

/// Finds `$...$` and `$$...$$` in Markdown prose and swaps them for placeholders the Markdown parser leaves alone.
///
/// ```swift
/// let protected = MathSpans.protect("Energy $E = mc^2$, price \\$5.")
/// let document = MarkdownDocument(parsing: protected.text)   // the formula is one placeholder in a text node
/// ```
/// A formula over several lines keeps its line count: each of its line breaks stays, followed by a filler
/// character, so blocks after it keep their line numbers.
/// **Edge cases:** `$` inside code spans and fenced code blocks, an escaped `\$`, and a lone currency amount
/// (`$5`, `$5 and $10`) are left as they are. An inline span needs a non-space after its opening `$`, a
/// non-space before its closing `$` and no digit right after it (Pandoc's rule); spans never cross a blank line.
public enum MathSpans {
    /// One formula taken out of the prose.
    public struct Span: Sendable, Equatable {
        public var tex: String
        public var display: Bool
        /// The label written after a display formula, `$$ ... $$ {#eq-name}`: the equation is numbered.
        public var label: String?

        public init(tex: String, display: Bool, label: String? = nil) {
            self.tex = tex
            self.display = display
            self.label = label
        }
    }

    /// Placeholder brackets from Unicode's private use area: nothing in prose uses them.
    public static let open: Character = "\u{E000}", close: Character = "\u{E001}"
    /// Starts each continuation line of a placeholder for a formula over several lines.
    public static let filler: Character = "\u{E002}"

    /// The Markdown with every formula replaced by a placeholder, and the formulas in order.
    public static func protect(_ markdown: String) -> (text: String, spans: [Span]) {
        var spans: [Span] = []
        var out = ""
        var fence: (character: Character, length: Int)?
        var paragraph: [String] = []

        func flush() {
            guard !paragraph.isEmpty else { return }
            out += protectInline(paragraph.joined(separator: "\n") + "\n", &spans)
            paragraph.removeAll()
        }
        for line in markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if let open = fence {
                out += line + "\n"
                if let closing = fenceMarker(line), closing.character == open.character, closing.length >= open.length,
                   closing.rest.trimmingCharacters(in: .whitespaces).isEmpty {
                    fence = nil
                }
                continue
            }
            if let marker = fenceMarker(line), marker.character == "~" || !marker.rest.contains("`") {
                flush()
                fence = (marker.character, marker.length)
                out += line + "\n"
            } else if line.trimmingCharacters(in: .whitespaces).isEmpty {
                flush()
                out += line + "\n"
            } else {
                paragraph.append(line)
            }
        }
        flush()
        if out.hasSuffix("\n") { out.removeLast() }  // every line was given a newline; the last had none
        return (out, spans)
    }

    /// The formula a placeholder `\u{E000}N\u{E001}` (fillers and line breaks inside it ignored) stands for.
    public static func index(ofPlaceholder text: Substring) -> Int? {
        Int(String(text.filter { $0.isNumber }))
    }

    /// A fence opening or closing line: up to three spaces, then three or more backticks or tildes.
    public static func fenceMarker(_ line: String) -> (character: Character, length: Int, rest: Substring)? {
        let trimmed = line.drop(while: { $0 == " " })
        guard line.count - trimmed.count <= 3, let c = trimmed.first, c == "`" || c == "~" else { return nil }
        let length = trimmed.prefix(while: { $0 == c }).count
        return length >= 3 ? (c, length, trimmed.dropFirst(length)) : nil
    }

    /// Protects the formulas of one paragraph (lines without blank lines between them).
    static func protectInline(_ text: String, _ spans: inout [Span]) -> String {
        let s = Array(text)
        var out = ""
        var i = 0
        func placeholder(_ tex: String, display: Bool, label: String? = nil, source: ArraySlice<Character>) -> String {
            spans.append(Span(tex: tex, display: display, label: label))
            let breaks = String(repeating: "\n\(filler)", count: source.filter { $0 == "\n" }.count)
            return "\(open)\(spans.count - 1)\(breaks)\(close)"
        }
        while i < s.count {
            let c = s[i]
            if c == "\\", i + 1 < s.count, s[i + 1].isASCII, s[i + 1].isPunctuation || s[i + 1].isSymbol {
                out.append(c); out.append(s[i + 1]); i += 2
            } else if c == "`" {
                let run = s[i...].prefix(while: { $0 == "`" }).count
                var j = i + run, end: Int?
                while j < s.count {
                    if s[j] == "`" {
                        let other = s[j...].prefix(while: { $0 == "`" }).count
                        if other == run { end = j + other; break }
                        j += other
                    } else { j += 1 }
                }
                let stop = end ?? (i + run)
                out += String(s[i..<stop])
                i = stop
            } else if c == "$" && i + 1 < s.count && s[i + 1] == "$" {
                if let end = find("$$", in: s, from: i + 2) {
                    let (label, after) = equationLabel(s, from: end + 2)
                    out += placeholder(String(s[(i + 2)..<end]).trimmingCharacters(in: .whitespacesAndNewlines), display: true,
                                       label: label, source: s[i..<after])
                    i = after
                } else {
                    out += "$$"; i += 2
                }
            } else if c == "$", let end = inlineEnd(s, from: i) {
                out += placeholder(String(s[(i + 1)..<end]), display: false, source: s[i...end])
                i = end + 1
            } else {
                out.append(c); i += 1
            }
        }
        return out
    }

    /// A label `{#eq-name}` after a display formula (spaces before it allowed, on the same line): the label and
    /// where the text after it starts; no label and `start` otherwise.
    static func equationLabel(_ s: [Character], from start: Int) -> (String?, Int) {
        var j = start
        while j < s.count, s[j] == " " || s[j] == "\t" { j += 1 }
        let prefix = Array("{#eq-")
        guard j + prefix.count < s.count, Array(s[j..<(j + prefix.count)]) == prefix,
              let close = s[j...].firstIndex(of: "}") else { return (nil, start) }
        let label = String(s[(j + 2)..<close])
        guard label.count > 3, label.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) else {
            return (nil, start)
        }
        return (label, close + 1)
    }

    /// The closing `$` of an inline formula opening at `start`, or nil when this `$` is literal.
    static func inlineEnd(_ s: [Character], from start: Int) -> Int? {
        guard start + 1 < s.count, !s[start + 1].isWhitespace, s[start + 1] != "$" else { return nil }
        var j = start + 1
        while j < s.count {
            if s[j] == "\\" { j += 2; continue }
            if s[j] == "`" { return nil }  // a code span starts first: this `$` is text
            if s[j] == "$" {
                // The first unescaped `$` decides: a closing one, or the opening was a currency sign.
                let before = s[j - 1], after: Character? = j + 1 < s.count ? s[j + 1] : nil
                if before.isWhitespace || after?.isNumber == true { return nil }
                return j
            }
            j += 1
        }
        return nil
    }

    static func find(_ needle: String, in s: [Character], from start: Int) -> Int? {
        let n = Array(needle)
        var j = start
        while j + n.count <= s.count {
            if s[j] == "\\" { j += 2; continue }
            if Array(s[j..<(j + n.count)]) == n { return j }
            j += 1
        }
        return nil
    }
}
