/// GitHub's callouts: a block quote that starts with `[!NOTE]`, `[!TIP]`, `[!IMPORTANT]`, `[!WARNING]` or `[!CAUTION]`.
///
/// ```swift
/// Callouts.transform(Markdown.render("> [!TIP]\n> Build with `-P profile=quick` first."))
/// // <div class="callout tip" role="note"><p class="callout-title">Tip</p>
/// // <p>Build with <code>-P profile=quick</code> first.</p>
/// // </div>
/// ```
/// **Edge cases:** an unknown kind (`[!FOO]`) stays a block quote; nested block quotes inside a callout stay
/// block quotes; the kind is matched case-insensitively.
public enum Callouts {
    public static let kinds = ["note", "tip", "important", "warning", "caution"]

    /// The title paragraph of each kind of callout (left out of the search index).
    static let titles = kinds.map(title)

    static func title(_ kind: String) -> String {
        "<p class=\"callout-title\">\(kind.prefix(1).uppercased() + kind.dropFirst())</p>"
    }

    /// Rewrites callout block quotes in cmark-gfm's HTML into `<div class="callout KIND">`.
    public static func transform(_ html: String) -> String {
        let opening = "<blockquote>\n<p>[!"
        guard html.contains(opening) else { return html }
        var out = ""
        var rest = Substring(html)
        while let start = rest.range(of: opening) {
            out += rest[..<start.lowerBound]
            let afterBang = rest[start.upperBound...]
            guard let bracket = afterBang.firstIndex(of: "]"),
                  case let kind = afterBang[..<bracket].lowercased(), kinds.contains(kind),
                  let end = matchingClose(in: rest, from: start.lowerBound) else {
                out += rest[start.lowerBound..<start.upperBound]
                rest = rest[start.upperBound...]
                continue
            }
            let title = Self.title(kind)
            var body = String(rest[rest.index(after: bracket)..<end.lowerBound])
            body = String(body.drop(while: { $0 == " " || $0 == "\n" }))
            if body.hasPrefix("</p>") { body = String(body.dropFirst(4)) } else { body = "<p>" + body }
            out += "<div class=\"callout \(kind)\" role=\"note\">\(title)\n"
            out += body.drop(while: { $0 == "\n" })
            out += "</div>"
            rest = rest[end.upperBound...]
        }
        return out + rest
    }

    /// The `</blockquote>` that closes the block quote opening at `start`, counting nested ones.
    static func matchingClose(in html: Substring, from start: Substring.Index) -> Range<Substring.Index>? {
        var depth = 0
        var cursor = start
        while let next = html[cursor...].firstRange(of: "blockquote>") {
            let tagStart = html.index(next.lowerBound, offsetBy: -2, limitedBy: html.startIndex) ?? html.startIndex
            if html[tagStart..<next.lowerBound] == "</" {
                depth -= 1
                if depth == 0 { return tagStart..<next.upperBound }
            } else if next.lowerBound > html.startIndex, html[html.index(before: next.lowerBound)] == "<" {
                depth += 1
            }
            cursor = next.upperBound
        }
        return nil
    }
}
