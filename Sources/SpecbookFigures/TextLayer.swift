import Foundation

/// The figure's text as invisible SVG `<text>` elements over Cairo's glyph outlines: the words can be selected and
/// searched, and a reader (or a test) finds each label's font size in CSS pixels.
///
/// ```swift
/// let svg = String(decoding: try fig.svgData(), as: UTF8.self)
/// // … <g class="specbook-text" fill-opacity="0" …><text x="52.1" y="380.4" font-size="11.7">0.5</text> …
/// ```
/// **Edge cases:** a figure without text writes an empty group; `&`, `<` and `>` are escaped.
final class TextLayer {
    struct Run { var text: String; var x: Double; var y: Double; var size: Double; var degrees: Double; var bold: Bool }
    var runs: [Run] = []
    let family: String

    init(family: String) { self.family = family }

    /// The group, placed last in the SVG so that it lies over the drawing.
    var svg: String {
        func number(_ v: Double) -> String { String(format: "%.2f", v) }
        var out = "<g class=\"specbook-text\" fill-opacity=\"0\" font-family=\"\(escape(family))\">\n"
        for run in runs where !run.text.trimmingCharacters(in: .whitespaces).isEmpty {
            let (x, y) = (number(run.x), number(run.y))
            let rotation = run.degrees == 0 ? "" : " transform=\"rotate(\(number(run.degrees)) \(x) \(y))\""
            out += "<text x=\"\(x)\" y=\"\(y)\" font-size=\"\(number(run.size))\"\(run.bold ? " font-weight=\"bold\"" : "")"
            out += "\(rotation)>\(escape(run.text))</text>\n"
        }
        return out + "</g>\n"
    }

    private func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    /// `svg` with the layer inserted before its closing tag.
    func inserted(into svg: [UInt8]) -> [UInt8] {
        let close = Array("</svg>".utf8)
        guard svg.count >= close.count,
              let at = stride(from: svg.count - close.count, through: 0, by: -1).first(where: { Array(svg[$0..<($0 + close.count)]) == close })
        else { return svg }
        return Array(svg[..<at]) + Array(self.svg.utf8) + Array(svg[at...])
    }
}
