import SpecbookMarkdown

/// Plain text with `$...$` formulas, as HTML: the formulas as MathML, everything else escaped and left as written
/// (no Markdown), for table cells, descriptions and other short texts a run or the front matter supplies.
///
/// ```swift
/// MathText.html("G_K(0) at $K = 2^{10}$")   // "G_K(0) at <math>…</math>"
/// ```
/// **Edge cases:** a currency amount (`$5`) and an escaped `\$` stay text, as in prose; `*` and `_` outside
/// formulas are characters, never emphasis.
public enum MathText {
    public static func html(_ text: String) -> String {
        guard text.contains("$") else { return HTML.escape(text) }
        let protected = MathSpans.protect(text)
        var out = ""
        var rest = Substring(protected.text)
        while let start = rest.firstIndex(of: MathSpans.open), let end = rest[start...].firstIndex(of: MathSpans.close),
              let index = MathSpans.index(ofPlaceholder: rest[rest.index(after: start)..<end]), protected.spans.indices.contains(index) {
            out += HTML.escape(unescapeDollars(rest[..<start]))
            out += MathML.render(protected.spans[index].tex, display: false)
            rest = rest[rest.index(after: end)...]
        }
        return out + HTML.escape(unescapeDollars(rest))
    }

    /// `\$` as the dollar it stands for.
    static func unescapeDollars(_ text: Substring) -> String {
        text.replacingOccurrences(of: "\\$", with: "$")
    }
}
