import SpecbookMarkdown

/// The lines of a notebook body where a reader's prose is: outside code fences, and, when asked, the `//|` option
/// lines inside them (captions are written there). Used to name the line of a warning.
///
/// ```swift
/// ProseLines.lines(of: notebook.body, optionLines: true).first { $0.text.contains("@fig-x") }?.number
/// ```
enum ProseLines {
    static func lines(of body: String, optionLines: Bool) -> [(number: Int, text: Substring)] {
        var out: [(Int, Substring)] = []
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
            if fence != nil && !(optionLines && line.trimmingCharacters(in: .whitespaces).hasPrefix("//|")) { continue }
            out.append((n + 1, line))
        }
        return out
    }
}
