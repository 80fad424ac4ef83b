import ArgumentParser
import Foundation
import SpecbookNotebook

/// `specbook run NOTEBOOK`: execute one notebook and print its outputs to the terminal.
struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run one notebook and print its outputs (no site, no cache).",
        discussion: "Example: specbook run notebooks/frequency-principle.md -P profile=quick")

    @Argument(help: "The notebook file.")
    var notebook: String

    @Option(name: .customShort("P"), parsing: .unconditionalSingleValue,
            help: ArgumentHelp("Set a notebook parameter (repeatable).", valueName: "name=value"))
    var parameters: [String] = []

    func run() throws {
        let root = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let parsed: Notebook
        do {
            parsed = try NotebookParser.parse(file: URL(fileURLWithPath: notebook, relativeTo: root), displayPath: notebook)
        } catch {
            printError("\(error)")
            throw ExitCode(1)
        }
        guard let library = NotebookLibrary.besideExecutable() else {
            printError("specbook: error: cannot find the notebook library (libSpecbook.so); run `swift build -c release` first")
            throw ExitCode(1)
        }
        try library.buildIfNeeded()
        Interrupt.install(cacheRoot: root.appendingPathComponent(".specbook-cache"))
        var values = parsed.frontMatter.params
        values.merge(parameterOverrides(parameters)) { _, override in override }
        let work = root.appendingPathComponent(".specbook-cache/run/\(parsed.name)")
        let executor = NotebookExecutor(compiler: NotebookCompiler(library: library), workingDirectory: root)
        let result = try executor.execute(parsed, parameters: values, in: work)
        for block in parsed.executableBlocks {
            print("── block \(block.index + 1) · \(parsed.path):\(block.fenceLine)\(block.options.label.map { " · \($0)" } ?? "") ──")
            guard let r = result.blocks[block.index] else { print("(not reached)"); continue }
            if !r.stdout.isEmpty { print(r.stdout, terminator: r.stdout.hasSuffix("\n") ? "" : "\n") }
            if !r.stderr.isEmpty { printError(r.stderr) }
            for figure in r.figures { print("[figure] \(work.path)/output/\(figure.png)\(figure.caption.map { " — \($0)" } ?? "")") }
            for table in r.tables { print(table.rows.map { $0.joined(separator: "\t") }.joined(separator: "\n")) }
            if let error = r.error { print("[\(block.options.error ? "expected error" : "error")] \(error)") }
        }
        for (name, value) in result.values.sorted(by: { $0.key < $1.key }) { print("{{\(name)}} = \(value)") }
        if let failure = result.failure {
            printError(failure.summary)
            if result.status == .compileError { printError(failure.details) }
            throw ExitCode(1)
        }
    }
}
