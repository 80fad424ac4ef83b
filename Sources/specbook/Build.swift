import ArgumentParser
import Foundation
import SpecbookBuild

/// `specbook build [PATHS...]`: execute what changed and write the site.
struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the site from notebooks.",
        discussion: """
            Examples:
              specbook build                       # every notebook in notebooks/ into site/
              specbook build -P profile=quick      # reduced-size run of every notebook
              specbook build notebooks/lfp.md --out /tmp/site --strict
            """)

    @Argument(help: "Notebook files or folders (default: notebooks/).")
    var paths: [String] = []

    @Option(name: .long, help: "The folder the site is written to.")
    var out = "site"

    @Option(name: .long, help: "How many notebooks compile and run at once; defaults to the number of cores.")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(name: .long, help: "Exit with a non-zero status when any notebook fails (for CI).")
    var strict = false

    @Flag(name: .long, help: "Run every notebook, ignoring cached results.")
    var noCache = false

    @Option(name: .customShort("P"), parsing: .unconditionalSingleValue,
            help: ArgumentHelp("Set a notebook parameter, e.g. -P epochs=500 or -P profile=quick (repeatable).", valueName: "name=value"))
    var parameters: [String] = []

    @Flag(name: .shortAndLong, help: "Print only errors and the summary.")
    var quiet = false

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
        for p in parameters where !p.contains("=") || p.hasPrefix("=") {
            throw ValidationError("-P takes name=value, not '\(p)'")
        }
    }

    func run() throws {
        var options = BuildOptions()
        if !paths.isEmpty { options.paths = paths }
        options.output = out
        options.jobs = jobs
        options.strict = strict
        options.useCache = !noCache
        options.parameters.merge(parameterOverrides(parameters)) { _, override in override }
        Interrupt.install(cacheRoot: options.cacheRoot)
        var build = SiteBuild(options: options)
        build.quiet = quiet
        let summary: SiteBuild.Summary
        do {
            summary = try build.run()
        } catch {
            printError("\(error)")
            throw ExitCode(1)
        }
        var line = "built \(summary.pages) page\(summary.pages == 1 ? "" : "s") into \(out)/"
        line += " (\(summary.executed) run, \(summary.cached) cached, \(summary.failed) failed)"
        line += String(format: " in %.1f s", summary.seconds)
        printError(line)
        if strict && summary.failed > 0 {
            for failure in summary.failures { printError(failure) }
            throw ExitCode(1)
        }
    }
}

func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
