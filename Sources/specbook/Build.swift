import ArgumentParser
import Foundation
import SpecbookBuild
import SpecbookNotebook
import SpecbookWire

/// `specbook build [PATHS...]`: execute what changed and write the site.
struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the site from notebooks.",
        discussion: """
            Exits with status 1 when a notebook fails; every page is still written, and a failed notebook keeps \
            its last successful page where one exists. With --strict, failed checks (check(...) in a notebook) \
            and build warnings (unknown cross references, unknown {{values}}) fail the build too.
            Examples:
              specbook build                       # every notebook in notebooks/ into site/
              specbook build -P profile=quick      # reduced-size run of every notebook
              specbook build notebooks/lfp.md --out /tmp/site --strict
            """)

    @OptionGroup var project: ProjectOptions

    @Option(name: .long, help: "How many notebooks compile and run at once; defaults to the number of cores.")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(name: .long, help: "Fail the build on a failed check or a build warning (for CI).")
    var strict = false

    @Flag(name: .long, help: "Run every notebook, ignoring cached results.")
    var noCache = false

    @Flag(name: .shortAndLong, help: "Print only errors and the summary.")
    var quiet = false

    @Option(name: .long, help: ArgumentHelp(
        "Run only shard i of n into the cache and write no site: the notebooks without sweeps split by name, every sweep's points by point (see `specbook slurm`).",
        valueName: "i/n"))
    var shard: String?

    @Option(name: .long, help: ArgumentHelp(
        "Compare with this built site (for example a build of the main branch) instead of the site this build replaces; see changes.html.",
        valueName: "dir"))
    var compare: String?

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
        if let shard { do { _ = try Shard(parsing: shard) } catch { throw ValidationError("\(error)") } }
    }

    func run() throws {
        var options = try project.buildOptions()
        options.jobs = jobs
        options.useCache = !noCache
        options.shard = try shard.map { try Shard(parsing: $0) }
        options.compare = compare
        Interrupt.install(cacheLayout: options.cacheLayout)
        let summary = try runBuild(options, quiet: quiet)
        let strictFailures = summary.warnings.count + summary.failedChecks.count
        if summary.failed > 0 || (strict && strictFailures > 0) {
            if strict && strictFailures > 0 {
                printError("\(summary.failedChecks.count) failed check\(summary.failedChecks.count == 1 ? "" : "s") and "
                           + "\(summary.warnings.count) warning\(summary.warnings.count == 1 ? "" : "s") fail the build (--strict)")
            }
            throw ExitCode(1)
        }
    }
}

/// Runs one build with progress on stderr, then prints its warnings, failures and a one-line summary.
/// A build that could not write the site exits with status 1.
func runBuild(_ options: BuildOptions, quiet: Bool) throws -> SiteBuild.Summary {
    let progress = TerminalProgress(quiet: quiet)
    let summary: SiteBuild.Summary
    do {
        summary = try SiteBuild(options: options).run(events: { progress.show($0) })
    } catch {
        printError("\(error)")
        throw ExitCode(1)
    }
    for warning in summary.warnings { printError(warning) }
    for failed in summary.failedChecks { printError(failed) }
    if let shard = options.shard {
        printError("shard \(shard): \(summary.executed) run, \(summary.cached) cached, \(summary.failed) failed "
                   + String(format: "in %.1f s", summary.seconds) + "; results are in the cache, no site written")
    } else {
        printError(summary.line(output: options.output))
    }
    for failed in summary.newlyFailing { printError("now fails, held in the previous build: \(failed)") }
    if let changes = summary.changes {
        let page = "\(options.output)/changes.html"
        printError(changes.isEmpty ? "no changes against \(changes.baseline)" : "changes against \(changes.baseline): \(changes.summary.phrase) (\(page))")
    }
    // Failed notebooks were reported, with their notebook line, as they failed.
    return summary
}

extension SiteBuild.Summary {
    /// `built 9 pages into site/ (2 run, 7 cached, 0 failed) in 3.1 s`
    func line(output: String) -> String {
        var line = "built \(pages) page\(pages == 1 ? "" : "s") into \(output)/"
        line += " (\(executed) run, \(cached) cached, \(failed) failed)"
        line += String(format: " in %.1f s", seconds)
        let all = checks.held + checks.failed
        if all + checks.notes > 0 {
            line += "; \(checks.held) of \(all) check\(all == 1 ? "" : "s") hold" + (checks.notes > 0 ? ", \(checks.notes) note\(checks.notes == 1 ? "" : "s")" : "")
        }
        return line
    }
}

func printError(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
}
