/// The reader-visible text of an HTML fragment: tags dropped, entities decoded, whitespace collapsed.
///
/// ```swift
/// HTMLText.plain("<p>Energy <em>and</em> mass &amp; more</p>") // "Energy and mass & more"
/// ```
/// **Edge cases:** the TeX source inside a formula's `<annotation>` and the contents of `<script>` and
/// `<style>` are dropped; an unknown entity is kept as written.
public enum HTMLText {
    static let entities: [String: String] = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "#39": "'", "nbsp": " "]
    static let hiddenElements = ["annotation", "script", "style"]

    public static func plain(_ html: String) -> String {
        var text = ""
        var rest = Substring(html)
        while let lt = rest.firstIndex(of: "<") {
            text += rest[..<lt]
            guard let gt = rest[lt...].firstIndex(of: ">") else { rest = rest[lt...]; break }
            let tag = rest[rest.index(after: lt)..<gt]
            rest = rest[rest.index(after: gt)...]
            let name = tag.prefix(while: { $0.isLetter || $0.isNumber })
            if hiddenElements.contains(String(name)), let close = rest.range(of: "</\(name)>") {
                rest = rest[close.upperBound...]
            }
            if ["p", "div", "li", "br", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "/p", "/li", "/div"]
                .contains(where: { tag.hasPrefix($0) && (tag.count == $0.count || !tag[tag.index(tag.startIndex, offsetBy: $0.count)].isLetter) }) {
                text += " "
            }
        }
        text += rest
        return collapse(decode(text))
    }

    static func decode(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var out = ""
        var rest = Substring(text)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            if let semi = rest[amp...].prefix(10).firstIndex(of: ";") {
                let name = String(rest[rest.index(after: amp)..<semi])
                if let value = entities[name] {
                    out += value
                    rest = rest[rest.index(after: semi)...]
                    continue
                }
                if name.hasPrefix("#"), let code = UInt32(name.dropFirst()), let scalar = Unicode.Scalar(code) {
                    out.unicodeScalars.append(scalar)
                    rest = rest[rest.index(after: semi)...]
                    continue
                }
            }
            out += "&"
            rest = rest[rest.index(after: amp)...]
        }
        return out + rest
    }

    static func collapse(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }
}
