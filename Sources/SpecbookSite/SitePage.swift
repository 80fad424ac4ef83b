import Foundation
import SpecbookNotebook

/// Where a page's numbers came from: recorded in its footer and in `manifest.json`.
public struct Provenance: Codable, Sendable, Equatable {
    public var swiftVersion: String
    public var gitCommit: String
    public var gitDirty: Bool
    public var seed: UInt64
    public var parameters: [String: String]
    public var buildDate: String
    public var cacheHit: Bool
    public var seconds: Double

    public init(swiftVersion: String, gitCommit: String, gitDirty: Bool, seed: UInt64, parameters: [String: String],
                buildDate: String, cacheHit: Bool, seconds: Double) {
        self.swiftVersion = swiftVersion
        self.gitCommit = gitCommit
        self.gitDirty = gitDirty
        self.seed = seed
        self.parameters = parameters
        self.buildDate = buildDate
        self.cacheHit = cacheHit
        self.seconds = seconds
    }
}

/// One notebook ready to be rendered: its source, what its run produced, and where its figures are.
public struct SitePage: Sendable {
    public var notebook: Notebook
    /// Nil for a notebook with nothing to run.
    public var result: NotebookResult?
    /// The folder holding the figure files the result names.
    public var outputFolder: URL?
    public var provenance: Provenance

    public init(notebook: Notebook, result: NotebookResult?, outputFolder: URL?, provenance: Provenance) {
        self.notebook = notebook
        self.result = result
        self.outputFolder = outputFolder
        self.provenance = provenance
    }

    public var title: String { notebook.frontMatter.title ?? notebook.name }
    public var fileName: String { "\(notebook.name).html" }
    public var failed: Bool { (result?.status ?? .ok) != .ok }

    /// Figures in page order, each with its number (1-based) and the block it came from.
    public var numberedFigures: [(number: Int, block: NotebookBlock, figure: FigureOutput)] {
        var out: [(Int, NotebookBlock, FigureOutput)] = []
        for block in notebook.blocks {
            for figure in result?.blocks[block.index]?.figures ?? [] {
                out.append((out.count + 1, block, figure))
            }
        }
        return out
    }

    /// The label a figure is known by: its own, else its block's (first figure only).
    public static func label(of figure: FigureOutput, in block: NotebookBlock, position: Int) -> String? {
        figure.label ?? (position == 0 ? block.options.label : nil)
    }
}
