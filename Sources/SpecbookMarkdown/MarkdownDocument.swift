/// A Markdown document as a tree of values: blocks holding inlines, parsed once by cmark-gfm.
///
/// ```swift
/// let document = MarkdownDocument(parsing: "# Title\n\nSome *prose*.\n\n```swift\nlet x = 1\n```\n")
/// document.codeBlocks.first?.startLine   // 5
/// MarkdownHTML.render(document)         // what cmark-gfm renders
/// ```
/// Rewrites (math, callouts, anchors, cross references, values) are functions from tree to tree; code and
/// code spans are their own nodes, so no rewrite of prose reaches them by accident.
public struct MarkdownDocument: Sendable, Equatable {
    public var blocks: [MarkdownBlock]

    public init(blocks: [MarkdownBlock]) {
        self.blocks = blocks
    }

    /// Every code block, fenced or indented, in document order.
    public var codeBlocks: [MarkdownCodeBlock] {
        var found: [MarkdownCodeBlock] = []
        func visit(_ blocks: [MarkdownBlock]) {
            for block in blocks {
                switch block {
                case .code(let code): found.append(code)
                case .quote(let inner), .footnoteDefinition(_, let inner), .group(_, let inner, _): visit(inner)
                case .list(let list): list.items.forEach { visit($0.blocks) }
                default: break
                }
            }
        }
        visit(blocks)
        return found
    }
}

/// A block of a document.
public indirect enum MarkdownBlock: Sendable, Equatable {
    case paragraph([MarkdownInline])
    case heading(level: Int, [MarkdownInline])
    case code(MarkdownCodeBlock)
    /// Raw HTML written in the source.
    case html(String)
    case quote([MarkdownBlock])
    case list(MarkdownList)
    case table(MarkdownTable)
    case thematicBreak
    case footnoteDefinition(name: String, [MarkdownBlock])
    /// HTML a rewrite produced (a code cell, an anchored heading), written out as it is.
    case rendered(String)
    /// Blocks between two pieces of HTML a rewrite produced (a callout's `<div>`).
    case group(open: String, [MarkdownBlock], close: String)
}

/// An inline element of a paragraph, heading, table cell or link.
public indirect enum MarkdownInline: Sendable, Equatable {
    case text(String)
    case code(String)
    /// Raw HTML written in the source.
    case html(String)
    case softBreak
    case lineBreak
    case emphasis([MarkdownInline])
    case strong([MarkdownInline])
    case strikethrough([MarkdownInline])
    case link(destination: String, title: String, [MarkdownInline])
    case image(source: String, title: String, [MarkdownInline])
    /// A footnote reference, by number: cmark-gfm numbers definitions in order of first reference and keeps
    /// them in that order at the end of the document.
    case footnoteReference(number: Int)
    /// HTML a rewrite produced (a formula, a cross-reference link, a value), written out as it is.
    case rendered(String)
}

/// A fenced or indented code block and where it sits in the source.
public struct MarkdownCodeBlock: Sendable, Equatable {
    public var info: String
    public var literal: String
    /// 1-based line of the opening fence (or of the first indented line).
    public var startLine: Int
    /// The fence's character and length; nil for an indented code block.
    public var fence: Fence?
    /// Position among the document's fenced code blocks (nil for indented ones).
    public var index: Int?

    public struct Fence: Sendable, Equatable {
        public var character: Character
        public var length: Int

        public init(character: Character, length: Int) {
            self.character = character
            self.length = length
        }
    }

    public init(info: String, literal: String, startLine: Int, fence: Fence?, index: Int?) {
        self.info = info
        self.literal = literal
        self.startLine = startLine
        self.fence = fence
        self.index = index
    }
}

public struct MarkdownList: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case bullet
        case ordered(start: Int)
    }

    public struct Item: Sendable, Equatable {
        public var blocks: [MarkdownBlock]
        /// A GFM task list item's box: nil when the item is no task.
        public var checked: Bool?

        public init(blocks: [MarkdownBlock], checked: Bool?) {
            self.blocks = blocks
            self.checked = checked
        }
    }

    public var kind: Kind
    /// A tight list renders its items' paragraphs without `<p>`.
    public var tight: Bool
    public var items: [Item]
}

public struct MarkdownTable: Sendable, Equatable {
    public enum Alignment: Sendable, Equatable { case none, left, center, right }

    public var alignments: [Alignment]
    public var header: [[MarkdownInline]]
    public var rows: [[[MarkdownInline]]]
}

extension MarkdownInline {
    /// The text a reader sees, without markup (an image's alt text, a heading's slug).
    public static func plainText(_ inlines: [MarkdownInline]) -> String {
        var out = ""
        for inline in inlines {
            switch inline {
            case .text(let s), .code(let s): out += s
            case .softBreak, .lineBreak: out += " "
            case .emphasis(let c), .strong(let c), .strikethrough(let c), .link(_, _, let c), .image(_, _, let c):
                out += plainText(c)
            case .html, .footnoteReference, .rendered: break
            }
        }
        return out
    }
}
