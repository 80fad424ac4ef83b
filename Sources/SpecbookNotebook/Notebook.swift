import Foundation
import SpecbookMarkdown

/// A parsed notebook: front matter, the Markdown body, and its fenced code blocks in document order.
public struct Notebook: Sendable, Equatable {
    /// The notebook's path as given (for messages), e.g. `notebooks/demo.md`.
    public var path: String
    /// The page name: the file name without `.md` (`notebooks/demo.md` -> `demo`).
    public var name: String
    public var frontMatter: FrontMatter
    /// The Markdown source with the front matter blanked out, so line numbers stay those of the file.
    public var body: String
    /// Every fenced code block in document order, Swift or not.
    public var blocks: [NotebookBlock]
    /// The file's text as read, front matter included.
    public var source: String
    /// The body as a Markdown tree, its formulas replaced by ``MathSpans`` placeholders: parsed once, for both
    /// the code blocks above and the page.
    public var document: MarkdownDocument
    /// The formulas the placeholders stand for, in order.
    public var math: [MathSpans.Span]

    /// The blocks that are Swift and run (`eval` not false).
    public var executableBlocks: [NotebookBlock] { blocks.filter { $0.isSwift && $0.options.eval } }
    public var swiftBlocks: [NotebookBlock] { blocks.filter(\.isSwift) }
}

/// One fenced code block of a notebook.
public struct NotebookBlock: Sendable, Equatable {
    /// Position among all fenced blocks of the notebook (the order cmark-gfm finds them in).
    public var index: Int
    /// The fence's info string's first word, e.g. `swift`, `python`, or empty.
    public var language: String
    /// The code, without `//|` option lines.
    public var code: String
    /// 1-based line of the opening fence in the notebook file.
    public var fenceLine: Int
    /// 1-based line of the first line of `code` in the notebook file.
    public var codeLine: Int
    public var options: BlockOptions

    public var isSwift: Bool { language == "swift" }
}

/// Front matter keys a notebook may set.
public struct FrontMatter: Sendable, Equatable {
    public var title: String?
    public var description: String?
    public var seed: UInt64 = 0
    /// Seconds before the notebook's program is killed.
    public var timeout: Double = 600
    /// Default parameter values, as strings.
    public var params: [String: String] = [:]
    /// Sort key on the index page; notebooks without one follow, by name.
    public var order: Int?
    /// Data files (globs, relative to the project root) whose contents are part of the cache key.
    public var inputs: [String] = []
    /// BibTeX files this notebook cites from, besides the project's (relative to the project root).
    public var bibliography: [String] = []

    public static let knownKeys: Set<String> = ["title", "description", "seed", "timeout", "params", "order", "inputs", "author", "date", "bibliography"]
    public var author: String?
    public var date: String?

    public init() {}
}

/// `//| key: value` options at the top of a Swift block (Quarto's chunk options).
/// The width a block's code and outputs take on a wide screen, named as Quarto's `column:` option names them.
///
/// ```swift
/// //| column: page
/// ```
/// **Edge cases:** on a phone every column is the screen's width; a table wider than it scrolls in its own box.
public enum PageColumn: String, Sendable, Equatable, CaseIterable {
    /// The reading column (about 46rem).
    case body
    /// The reading column and the gutter right of it.
    case bodyOutset = "body-outset"
    /// The whole width of the page, over the contents list's margin.
    case page
}

public struct BlockOptions: Sendable, Equatable {
    public var label: String?
    public var caption: String?
    /// Show the code on the page.
    public var echo = true
    /// Show the block's outputs on the page.
    public var output = true
    /// Run the block.
    public var eval = true
    /// The block is expected to fail; its error is shown and the build goes on.
    public var error = false
    /// Collapse the code in a `<details>` element.
    public var codeFold = false
    /// Alternative text for the block's figure (defaults to the caption).
    public var figAlt: String?
    /// The page column the block takes (Quarto's `column:`); nil lets the page choose from the outputs' width.
    public var column: PageColumn?

    public static let knownKeys: [String] = ["label", "caption", "echo", "output", "eval", "error", "code-fold", "fig-alt", "column"]

    public init() {}
}
