import ArgumentParser
import Foundation
import SpecbookBuild

/// `specbook pdf [PATHS...] [--out report.pdf]`: the whole report as one PDF.
struct Pdf: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the whole report into one PDF through headless Chromium.",
        discussion: """
            Builds the site (reusing cached runs) into .specbook-cache/pdf/site, then prints a title page from \
            specbook.yml, a table of contents with page numbers and each notebook as a chapter in index order, \
            with a running header, page numbers and working links. Figures print light, from their SVG files; \
            code stays folded as on the site, or is left out with --no-code.
            Examples:
              specbook pdf                                  # report.pdf from notebooks/
              specbook pdf -P profile=quick --out /tmp/quick.pdf --no-code
            """)

    @Argument(help: "Notebook files or folders (default: notebooks/).")
    var paths: [String] = []

    @Option(name: .long, help: "The PDF file to write.")
    var out = "report.pdf"

    @Flag(name: .long, help: "Leave out every code block.")
    var noCode = false

    @Flag(name: .shortAndLong, help: "Print only errors and the summary.")
    var quiet = false

    @OptionGroup var parameters: ParameterOptions

    func run() throws {
        var options = BuildOptions()
        if !paths.isEmpty { options.paths = paths.map(options.projectPath) }
        options.parameters = try parameters.overrides()
        Interrupt.install(cacheLayout: options.cacheLayout)
        var report = ReportPDF(options: options)
        report.includeCode = !noCode
        let progress = TerminalProgress(quiet: quiet)
        let target = URL(fileURLWithPath: options.projectPath(out), relativeTo: options.projectRoot).standardizedFileURL
        do {
            let result = try report.make(to: target) { progress.show($0) }
            for warning in result.build.warnings { printError(warning) }
            printError("wrote \(out): \(result.pages) pages, \(result.chapterPages.count) chapters")
            if result.build.failed > 0 { throw ExitCode(1) }
        } catch let error as ExitCode {
            throw error
        } catch {
            printError("\(error)")
            throw ExitCode(1)
        }
    }
}
