import CCmark
import Foundation

extension MarkdownDocument {
    /// CommonMark + GFM (tables, strikethrough, autolinks, tag filter, task lists, footnotes), smart punctuation.
    static let extensionNames = ["table", "strikethrough", "autolink", "tagfilter", "tasklist"]
    static let options = CMARK_OPT_FOOTNOTES | CMARK_OPT_UNSAFE | CMARK_OPT_SMART

    private static let registered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()

    /// Parses `source` with cmark-gfm into the tree.
    public init(parsing source: String) {
        blocks = Self.withParsed(source) { root, _ in Converter(source: source).blocks(of: root) }
    }

    /// cmark-gfm's own HTML for `source`: what ``MarkdownHTML`` must match (used by its tests).
    public static func cmarkHTML(_ source: String) -> String {
        withParsed(source) { root, extensions in
            guard let html = cmark_render_html(root, options, extensions) else { return "" }
            defer { free(html) }
            return String(cString: html)
        }
    }

    static func withParsed<T>(_ source: String, _ body: (OpaquePointer, UnsafeMutablePointer<cmark_llist>?) -> T) -> T {
        _ = registered
        let parser = cmark_parser_new(options)!
        defer { cmark_parser_free(parser) }
        for name in extensionNames {
            if let ext = cmark_find_syntax_extension(name) { cmark_parser_attach_syntax_extension(parser, ext) }
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
}

/// Walks cmark-gfm's node tree into ``MarkdownBlock`` and ``MarkdownInline`` values.
private final class Converter {
    /// Fenced code blocks seen so far: the next one's index.
    var fencedCount = 0
    let lines: [Substring]

    init(source: String) {
        lines = source.split(separator: "\n", omittingEmptySubsequences: false)
    }

    /// A footnote definition's label, read from its `[^label]:` line (cmark-gfm keeps it to itself).
    func footnoteLabel(_ node: OpaquePointer) -> String {
        let number = Int(cmark_node_get_start_line(node)) - 1
        guard lines.indices.contains(number) else { return "" }
        let line = lines[number].drop(while: { $0 == " " })
        guard line.hasPrefix("[^"), let close = line.firstIndex(of: "]") else { return "" }
        return String(line[line.index(line.startIndex, offsetBy: 2)..<close])
    }

    func children(_ node: OpaquePointer) -> [OpaquePointer] {
        var out: [OpaquePointer] = []
        var child = cmark_node_first_child(node)
        while let c = child {
            out.append(c)
            child = cmark_node_next(c)
        }
        return out
    }

    func literal(_ node: OpaquePointer) -> String { cmark_node_get_literal(node).map { String(cString: $0) } ?? "" }

    func typeName(_ node: OpaquePointer) -> String { cmark_node_get_type_string(node).map { String(cString: $0) } ?? "" }

    func blocks(of node: OpaquePointer) -> [MarkdownBlock] { children(node).compactMap(block) }

    func block(_ node: OpaquePointer) -> MarkdownBlock? {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_PARAGRAPH: return .paragraph(inlines(of: node))
        case CMARK_NODE_HEADING: return .heading(level: Int(cmark_node_get_heading_level(node)), inlines(of: node))
        case CMARK_NODE_CODE_BLOCK: return .code(codeBlock(node))
        case CMARK_NODE_HTML_BLOCK: return .html(literal(node))
        case CMARK_NODE_BLOCK_QUOTE: return .quote(blocks(of: node))
        case CMARK_NODE_THEMATIC_BREAK: return .thematicBreak
        case CMARK_NODE_LIST: return .list(list(node))
        case CMARK_NODE_FOOTNOTE_DEFINITION: return .footnoteDefinition(name: footnoteLabel(node), blocks(of: node))
        default:
            if typeName(node) == "table" { return .table(table(node)) }
            return nil
        }
    }

    func codeBlock(_ node: OpaquePointer) -> MarkdownCodeBlock {
        var length: Int32 = 0, offset: Int32 = 0
        var character: CChar = 0
        let fenced = cmark_node_get_fenced(node, &length, &offset, &character) != 0
        var index: Int?
        if fenced {
            index = fencedCount
            fencedCount += 1
        }
        return MarkdownCodeBlock(
            info: cmark_node_get_fence_info(node).map { String(cString: $0) } ?? "",
            literal: literal(node),
            startLine: Int(cmark_node_get_start_line(node)),
            fence: fenced ? .init(character: Character(UnicodeScalar(UInt8(bitPattern: character))), length: Int(length)) : nil,
            index: index)
    }

    func list(_ node: OpaquePointer) -> MarkdownList {
        let kind: MarkdownList.Kind = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST
            ? .ordered(start: Int(cmark_node_get_list_start(node))) : .bullet
        let items = children(node).map { item -> MarkdownList.Item in
            let task = typeName(item) == "tasklist"
            return MarkdownList.Item(blocks: blocks(of: item), checked: task ? cmark_gfm_extensions_get_tasklist_item_checked(item) : nil)
        }
        return MarkdownList(kind: kind, tight: cmark_node_get_list_tight(node) != 0, items: items)
    }

    func table(_ node: OpaquePointer) -> MarkdownTable {
        let columns = Int(cmark_gfm_extensions_get_table_columns(node))
        var alignments: [MarkdownTable.Alignment] = []
        if let raw = cmark_gfm_extensions_get_table_alignments(node) {
            for i in 0..<columns {
                switch raw[i] {
                case UInt8(ascii: "l"): alignments.append(.left)
                case UInt8(ascii: "c"): alignments.append(.center)
                case UInt8(ascii: "r"): alignments.append(.right)
                default: alignments.append(.none)
                }
            }
        }
        let rows = children(node).map { row in children(row).map { inlines(of: $0) } }
        return MarkdownTable(alignments: alignments, header: rows.first ?? [], rows: Array(rows.dropFirst()))
    }

    func inlines(of node: OpaquePointer) -> [MarkdownInline] {
        var out: [MarkdownInline] = []
        for child in children(node) {
            guard let inline = inline(child) else { continue }
            // Adjacent text runs (cmark splits at delimiters it did not use) become one.
            if case .text(let next) = inline, case .text(let previous)? = out.last {
                out[out.count - 1] = .text(previous + next)
            } else {
                out.append(inline)
            }
        }
        return out
    }

    func inline(_ node: OpaquePointer) -> MarkdownInline? {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_TEXT: return .text(literal(node))
        case CMARK_NODE_CODE: return .code(literal(node))
        case CMARK_NODE_HTML_INLINE: return .html(literal(node))
        case CMARK_NODE_SOFTBREAK: return .softBreak
        case CMARK_NODE_LINEBREAK: return .lineBreak
        case CMARK_NODE_EMPH: return .emphasis(inlines(of: node))
        case CMARK_NODE_STRONG: return .strong(inlines(of: node))
        case CMARK_NODE_LINK:
            return .link(destination: cmark_node_get_url(node).map { String(cString: $0) } ?? "",
                         title: cmark_node_get_title(node).map { String(cString: $0) } ?? "", inlines(of: node))
        case CMARK_NODE_IMAGE:
            return .image(source: cmark_node_get_url(node).map { String(cString: $0) } ?? "",
                          title: cmark_node_get_title(node).map { String(cString: $0) } ?? "", inlines(of: node))
        case CMARK_NODE_FOOTNOTE_REFERENCE: return .footnoteReference(number: Int(literal(node)) ?? 0)
        default:
            if typeName(node) == "strikethrough" { return .strikethrough(inlines(of: node)) }
            return nil
        }
    }
}
