import ArgumentParser
import Foundation
import SpecbookReview

/// `specbook diff OLD NEW`: what changed between two built sites, one line per change.
struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compare two built sites: values, checks, figures, tables and code.",
        discussion: """
            Prints one line per change (a figure's line gives the share of its pixels that changed) and a summary. \
            Exits with status 1 when a check that held in OLD fails in NEW, or with --fail-on-change on any change; \
            2 when a site cannot be read.
            Examples:
              specbook diff site-main site
              specbook diff site-main site --json > changes.json
            """)

    @Argument(help: ArgumentHelp("The baseline: a site folder specbook built.", valueName: "old-site"))
    var old: String

    @Argument(help: ArgumentHelp("The site to compare with it.", valueName: "new-site"))
    var new: String

    @Flag(name: .long, help: "Print the comparison as JSON.")
    var json = false

    @Flag(name: .long, help: "Exit with status 1 on any change, not only on a check that now fails.")
    var failOnChange = false

    func run() throws {
        let comparison: SiteComparison
        do {
            let before = try SiteSnapshot(folder: URL(fileURLWithPath: old))
            let after = try SiteSnapshot(folder: URL(fileURLWithPath: new))
            comparison = try SiteComparison(old: before, new: after, baseline: old)
        } catch {
            printError("\(error)")
            throw ExitCode(2)
        }
        if json {
            FileHandle.standardOutput.write(try comparison.json())
            FileHandle.standardOutput.write(Data("\n".utf8))
        } else {
            for line in comparison.lines() { print(line) }
            print(comparison.isEmpty ? "no changes" : "\(comparison.summary.phrase)")
        }
        let failing = comparison.nowFailing
        for (notebook, check) in failing {
            printError("\(notebook.source):\(check.line): check now fails: \(check.name): measured \(check.newMeasured ?? ""), expected \(check.expected)")
        }
        if !failing.isEmpty || (failOnChange && !comparison.isEmpty) { throw ExitCode(1) }
    }
}
