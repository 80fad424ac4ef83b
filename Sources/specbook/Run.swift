import ArgumentParser
import Foundation
import SpecbookBuild
import SpecbookNotebook

/// `specbook run NOTEBOOK`: execute one notebook and print its outputs to the terminal.
struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Run one notebook and print its outputs (no site, no cache).",
        discussion: "Example: specbook run notebooks/frequency-principle.md -P profile=quick")

    @Argument(help: "The notebook file.")
    var notebook: String

    @OptionGroup var parameters: ParameterOptions

    func run() throws {
        var options = BuildOptions()
        options.parameters = try parameters.overrides()
        let parsed: Notebook
        var runner: NotebookRunner
        do {
            let path = options.projectPath(notebook)
            parsed = try NotebookParser.parse(file: URL(fileURLWithPath: path, relativeTo: options.projectRoot), displayPath: path)
            runner = try NotebookRunner(projectRoot: options.projectRoot, overrides: options.parameters) { printError($0) }
        } catch {
            printError("\(error)")
            throw ExitCode(1)
        }
        runner.storesResults = false
        Interrupt.install(cacheLayout: options.cacheLayout)
        let work = options.cacheLayout.run(for: parsed.name)
        let outcome = runner.run(parsed, work: work)
        guard let result = outcome.result else {
            print("(\(parsed.path) has no Swift block to run)")
            return
        }
        for block in parsed.executableBlocks {
            print("── block \(block.index + 1) · \(parsed.path):\(block.fenceLine)\(block.options.label.map { " · \($0)" } ?? "") ──")
            guard let r = result.blocks[block.index] else { print("(not reached)"); continue }
            if !r.stdout.isEmpty { print(r.stdout, terminator: r.stdout.hasSuffix("\n") ? "" : "\n") }
            if !r.stderr.isEmpty { printError(r.stderr) }
            for text in r.texts { print(text) }
            for figure in r.figures { print("[figure] \(work.path)/output/\(figure.png)\(figure.caption.map { " — \($0)" } ?? "")") }
            for table in r.tables { print(table.rows.map { $0.joined(separator: "\t") }.joined(separator: "\n")) }
            for check in r.checks { print("[\(check.verdict.rawValue)] \(check.name): \(check.measured) (expected \(check.expected))") }
            if let error = r.error { print("[\(block.options.error ? "expected error" : "error")] \(error)") }
        }
        for (name, value) in result.values.sorted(by: { $0.key < $1.key }) { print("{{\(name)}} = \(value)") }
        if let failure = result.failure {
            // A compile error's diagnostics start with the summary line: print them once.
            let details = failure.details.trimmingCharacters(in: .newlines)
            printError(result.status == .compileError && details.hasPrefix(failure.summary) ? details : failure.summary)
            if result.status == .compileError && !details.hasPrefix(failure.summary) { printError(details) }
            throw ExitCode(1)
        }
    }
}
