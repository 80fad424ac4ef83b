import Foundation
import SpecbookNotebook
import SpecbookWire

/// What a page's footer and index card say about where its numbers came from; the build supplies it.
public protocol PageProvenance: Sendable {
    var swiftVersion: String { get }
    var gitCommit: String { get }
    var gitDirty: Bool { get }
    var seed: UInt64 { get }
    var parameters: [String: String] { get }
    var buildDate: String { get }
    var cacheHit: Bool { get }
    /// The run's wall time.
    var seconds: Double { get }
    /// The BLAS kernels the run used (OpenBLAS's core name); nil when unknown.
    var blasKernel: String? { get }
    /// The Specbook version and notebook library build id (`0.6.0`, `3f2a9c01d4e7`); nil when unknown.
    var specbook: (version: String, libraryBuild: String)? { get }
    /// The Swift packages notebooks link, as resolved (`swift-numerics 1.1.1`); empty without any.
    var packages: [String] { get }
}

extension PageProvenance {
    public var specbook: (version: String, libraryBuild: String)? { nil }
    public var packages: [String] { [] }
}

/// One notebook ready to be rendered: its source, what its run produced, and where its figures are.
public struct SitePage: Sendable {
    public var notebook: Notebook
    /// Nil for a notebook with nothing to run.
    public var result: NotebookResult?
    /// The folder holding the figure files the result names.
    public var outputFolder: URL?
    public var provenance: any PageProvenance
    /// Set when the latest run failed and the page shows the last successful one instead.
    public var latestFailure: NotebookResult.Failure?

    public init(notebook: Notebook, result: NotebookResult?, outputFolder: URL?, provenance: any PageProvenance,
                latestFailure: NotebookResult.Failure? = nil) {
        self.notebook = notebook
        self.result = result
        self.outputFolder = outputFolder
        self.provenance = provenance
        self.latestFailure = latestFailure
    }

    public var title: String { notebook.frontMatter.title ?? notebook.name }
    /// Front matter `author` and `date`, joined for the page header and the index card; nil when neither is set.
    public var byline: String? {
        let parts = [notebook.frontMatter.author, notebook.frontMatter.date].compactMap { $0 }.filter { !$0.isEmpty }
        return parts.isEmpty ? nil : parts.joined(separator: " · ")
    }
    public var fileName: String { SiteLayout.page(of: notebook.name) }
    public var failed: Bool { (result?.status ?? .ok) != .ok || latestFailure != nil }

    /// The claims the page's run checked, in page order, each with the id of its badge on the page.
    public var checks: [(id: String, check: CheckRecord)] {
        var out: [(String, CheckRecord)] = []
        for block in notebook.blocks where block.isSwift {
            for (i, check) in (result?.blocks[block.index]?.checks ?? []).enumerated() { out.append(("check-\(block.index)-\(i)", check)) }
        }
        return out
    }

    /// How many checks hold, fail and are notes.
    public var checkCounts: (held: Int, failed: Int, notes: Int) {
        let verdicts = checks.map(\.check.verdict)
        return (verdicts.filter { $0 == .holds }.count, verdicts.filter { $0 == .fails }.count, verdicts.filter { $0 == .note }.count)
    }

    /// A figure or table as the page shows it: its number on the page and its label, if any.
    public struct NumberedOutput: Sendable, Equatable {
        public var number: Int
        public var blockIndex: Int
        /// Position among the block's figures (or tables).
        public var position: Int
        public var label: String?
    }

    /// The figures the page shows (blocks with `output: false` show none), numbered in page order from 1.
    public var shownFigures: [NumberedOutput] {
        var out: [NumberedOutput] = []
        for block in notebook.blocks where block.isSwift && block.options.output {
            for (position, figure) in (result?.blocks[block.index]?.figures ?? []).enumerated() {
                out.append(NumberedOutput(number: out.count + 1, blockIndex: block.index, position: position,
                                          label: Self.label(of: figure, in: block, position: position)))
            }
        }
        return out
    }

    /// The tables the page shows, numbered in page order from 1; a table is labelled by `show(table:label:)` only.
    public var shownTables: [NumberedOutput] {
        var out: [NumberedOutput] = []
        for block in notebook.blocks where block.isSwift && block.options.output {
            for (position, table) in (result?.blocks[block.index]?.tables ?? []).enumerated() {
                out.append(NumberedOutput(number: out.count + 1, blockIndex: block.index, position: position, label: table.label))
            }
        }
        return out
    }

    /// The cross-reference targets of every page: labelled figures, tables and display equations with their numbers.
    ///
    /// ```swift
    /// let references = SitePage.crossReferences(pages)
    /// let resolved = references.resolve("<p>See @fig-dft.</p>", in: "target-spectrum")
    /// ```
    public static func crossReferences(_ pages: [SitePage]) -> CrossReferences {
        var references = CrossReferences()
        for page in pages {
            var labels: [String: CrossReferences.Target] = [:]
            for figure in page.shownFigures { if let label = figure.label { labels[label] = .init(kind: .figure, number: figure.number) } }
            for table in page.shownTables { if let label = table.label { labels[label] = .init(kind: .table, number: table.number) } }
            for (label, number) in Equations.numbers(page.notebook.math) { labels[label] = .init(kind: .equation, number: number) }
            references.add(notebook: page.notebook.name, title: page.title, labels: labels)
        }
        return references
    }

    /// The label a figure is known by: its own, else its block's (first figure only).
    public static func label(of figure: FigureOutput, in block: NotebookBlock, position: Int) -> String? {
        figure.label ?? (position == 0 ? block.options.label : nil)
    }
}
