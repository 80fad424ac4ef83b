import CCmark
import Foundation

/// A fenced code block as cmark-gfm sees it.
public struct MarkdownCodeBlock: Sendable {
    public var info: String
    public var literal: String
    public var startLine: Int
    /// The fence's character and length; nil for indented code blocks.
    public var fence: (character: Character, length: Int)?
}

/// CommonMark + GFM (tables, strikethrough, autolinks, task lists, footnotes) through cmark-gfm.
public enum Markdown {
    static let extensionNames = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]
    static let options = CMARK_OPT_FOOTNOTES | CMARK_OPT_UNSAFE | CMARK_OPT_SMART

    private static let registered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()

    /// Parses `source`, hands each fenced code block to `visit`, and returns the HTML.
    ///
    /// When `visit` returns a string, the block is replaced by that raw HTML; when it returns nil, cmark-gfm
    /// renders the block itself.
    public static func render(_ source: String, visit: (Int, MarkdownCodeBlock) -> String? = { _, _ in nil }) -> String {
        withDocument(source) { root, extensions in
            var index = 0
            for node in codeBlocks(root) {
                let block = codeBlock(node)
                if block.fence != nil {
                    if let html = visit(index, block) {
                        let replacement = cmark_node_new(CMARK_NODE_HTML_BLOCK)
                        cmark_node_set_literal(replacement, html)
                        cmark_node_replace(node, replacement)
                        cmark_node_free(node)
                    }
                    index += 1
                }
            }
            guard let html = cmark_render_html(root, options, extensions) else { return "" }
            defer { free(html) }
            return String(cString: html)
        }
    }

    /// The fenced code blocks of `source`, in document order.
    public static func fencedCodeBlocks(_ source: String) -> [MarkdownCodeBlock] {
        withDocument(source) { root, _ in codeBlocks(root).map(codeBlock).filter { $0.fence != nil } }
    }

    /// Renders an inline Markdown fragment (a caption, a title) to HTML without the enclosing paragraph.
    public static func renderInline(_ source: String) -> String {
        var html = render(source).trimmingCharacters(in: .whitespacesAndNewlines)
        if html.hasPrefix("<p>") && html.hasSuffix("</p>") {
            html = String(html.dropFirst(3).dropLast(4))
        }
        return html
    }

    private static func withDocument<T>(_ source: String, _ body: (OpaquePointer, UnsafeMutablePointer<cmark_llist>?) -> T) -> T {
        _ = registered
        let parser = cmark_parser_new(options)!
        defer { cmark_parser_free(parser) }
        for name in extensionNames {
            if let ext = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, ext)
            }
        }
        var bytes = Array(source.utf8)
        bytes.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: max(buffer.count, 1)) {
                cmark_parser_feed(parser, $0, buffer.count)
            }
        }
        let root = cmark_parser_finish(parser)!
        defer { cmark_node_free(root) }
        return body(root, cmark_parser_get_syntax_extensions(parser))
    }

    private static func codeBlocks(_ root: OpaquePointer) -> [OpaquePointer] {
        var nodes: [OpaquePointer] = []
        let iter = cmark_iter_new(root)
        defer { cmark_iter_free(iter) }
        while true {
            let event = cmark_iter_next(iter)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iter) else { continue }
            if cmark_node_get_type(node) == CMARK_NODE_CODE_BLOCK { nodes.append(node) }
        }
        return nodes
    }

    private static func codeBlock(_ node: OpaquePointer) -> MarkdownCodeBlock {
        var length: Int32 = 0, offset: Int32 = 0
        var character: CChar = 0
        let fenced = cmark_node_get_fenced(node, &length, &offset, &character) != 0
        return MarkdownCodeBlock(
            info: cmark_node_get_fence_info(node).map { String(cString: $0) } ?? "",
            literal: cmark_node_get_literal(node).map { String(cString: $0) } ?? "",
            startLine: Int(cmark_node_get_start_line(node)),
            fence: fenced ? (Character(UnicodeScalar(UInt8(bitPattern: character))), Int(length)) : nil)
    }
}
