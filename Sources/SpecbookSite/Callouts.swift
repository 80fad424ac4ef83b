import SpecbookMarkdown

/// GitHub's callouts: a block quote that starts with `[!NOTE]`, `[!TIP]`, `[!IMPORTANT]`, `[!WARNING]` or `[!CAUTION]`.
///
/// ```swift
/// MarkdownHTML.render(prose.rewrite(MarkdownDocument(parsing: "> [!TIP]\n> Build with `-P profile=quick` first.")))
/// // <div class="callout tip" role="note"><p class="callout-title">Tip</p>
/// // <p>Build with <code>-P profile=quick</code> first.</p>
/// // </div>
/// ```
/// **Edge cases:** an unknown kind (`[!FOO]`) stays a block quote; nested block quotes inside a callout stay
/// block quotes; the kind is matched case-insensitively.
public enum Callouts {
    public static let kinds = ["note", "tip", "important", "warning", "caution"]

    static func title(_ kind: String) -> String {
        "<p class=\"callout-title\">\(kind.prefix(1).uppercased() + kind.dropFirst())</p>"
    }

    /// The callout a block quote's (already rewritten) blocks make, or nil when they start with no `[!KIND]` marker.
    static func callout(_ blocks: [MarkdownBlock]) -> MarkdownBlock? {
        guard case .paragraph(let content)? = blocks.first, case .text(let first)? = content.first, first.hasPrefix("[!"),
              let bracket = first.firstIndex(of: "]"),
              case let kind = first[first.index(first.startIndex, offsetBy: 2)..<bracket].lowercased(), kinds.contains(kind)
        else { return nil }
        // What follows the marker on its line and after its line break stays the first paragraph.
        var rest = content.dropFirst()
        let after = first[first.index(after: bracket)...].drop(while: { $0 == " " })
        if after.isEmpty {
            while let next = rest.first, next == .softBreak || next == .lineBreak { rest = rest.dropFirst() }
        } else {
            rest = [.text(String(after))] + rest
        }
        let body = rest.isEmpty ? Array(blocks.dropFirst()) : [.paragraph(Array(rest))] + blocks.dropFirst()
        return .group(open: "<div class=\"callout \(kind)\" role=\"note\">\(title(kind))\n", body, close: "</div>\n")
    }
}
