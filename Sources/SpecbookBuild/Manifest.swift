import Foundation
import SpecbookNotebook
import SpecbookSite

/// `site/manifest.json`: what was built, from what, and how long each part took.
enum Manifest {
    struct Document: Codable {
        var generator = "specbook"
        var buildDate: String
        var swiftVersion: String
        var specbookVersion = SpecbookVersion.current
        var libraryBuild: String
        /// The Swift packages notebooks link, as resolved.
        var packages: [String]
        var gitCommit: String
        var gitDirty: Bool
        var seconds: Double
        var notebooks: [Entry]
    }

    struct Entry: Codable {
        var name: String
        var source: String
        var page: String
        var title: String
        var status: String
        /// The latest run failed and the page shows the last successful one.
        var showsLastGood: Bool
        var cacheHit: Bool
        var seed: UInt64
        var parameters: [String: String]
        var seconds: Double
        /// The BLAS kernels the run used (OpenBLAS's core name).
        var blasKernel: String?
        var blocks: [Block]
        var figures: [String]
        var values: [String: String]
        /// Every claim the run checked, in page order.
        var checks: [Check]
    }

    struct Check: Codable {
        var name: String
        var verdict: String
        var measured: String
        var expected: String
        var line: Int
    }

    /// The checks of a manifest already on disk (the site this build replaces), by notebook and name; nil when
    /// there is none or it cannot be read.
    static func previousChecks(at url: URL) -> [String: String]? {
        guard let data = try? Data(contentsOf: url), let document = try? JSONDecoder().decode(Document.self, from: data) else { return nil }
        var verdicts: [String: String] = [:]
        for entry in document.notebooks {
            for check in entry.checks { verdicts["\(entry.source)\u{0}\(check.name)"] = check.verdict }
        }
        return verdicts
    }

    struct Block: Codable {
        var index: Int
        var line: Int
        var seconds: Double
        var status: String
    }

    static func make(_ pages: [SitePage], facts: BuildFacts, seconds: Double) throws -> Data {
        let entries = pages.map { page -> Entry in
            let result = page.result
            let blocks = page.notebook.executableBlocks.map { block -> Block in
                let r = result?.blocks[block.index]
                let status = r == nil ? "not run" : (r?.error != nil ? (block.options.error ? "expected error" : "error") : "ok")
                return Block(index: block.index, line: block.fenceLine, seconds: r?.seconds ?? 0, status: status)
            }
            return Entry(
                name: page.notebook.name, source: page.notebook.path, page: page.fileName, title: page.title,
                status: page.latestFailure != nil ? NotebookResult.Status.runtimeError.rawValue : result?.status.rawValue ?? "prose",
                showsLastGood: page.latestFailure != nil, cacheHit: page.provenance.cacheHit, seed: page.provenance.seed,
                parameters: page.provenance.parameters, seconds: page.provenance.seconds,
                blasKernel: page.provenance.blasKernel, blocks: blocks,
                figures: page.shownFigures.compactMap { shown in
                    (result?.blocks[shown.blockIndex]?.figures[shown.position].png).map { SiteLayout.asset($0, of: page.notebook.name) }
                },
                values: result?.values ?? [:],
                checks: page.checks.map { Check(name: $0.check.name, verdict: $0.check.verdict.rawValue,
                                                measured: $0.check.measured, expected: $0.check.expected, line: $0.check.line) })
        }
        let document = Document(buildDate: facts.date, swiftVersion: facts.swiftVersion, libraryBuild: facts.libraryBuild, packages: facts.packages, gitCommit: facts.git.commit, gitDirty: facts.git.dirty,
                                seconds: seconds, notebooks: entries)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return try encoder.encode(document)
    }
}
