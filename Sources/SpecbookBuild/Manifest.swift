import Foundation
import SpecbookNotebook
import SpecbookReview
import SpecbookSite

/// `site/manifest.json` (what was built, from what) and `site/timings.json` (when, and how long each part took).
enum Manifest {
    /// The manifest of `pages`: values, checks, figures, tables and code of each, and what they were computed with.
    static func make(_ pages: [SitePage], facts: BuildFacts) -> SiteManifest {
        let entries = pages.map { page -> SiteManifest.Notebook in
            let result = page.result
            let timings = Set(result?.timings ?? [])
            let blocks = page.notebook.executableBlocks.map { block -> SiteManifest.Block in
                let r = result?.blocks[block.index]
                let status = r == nil ? "not run" : (r?.error != nil ? (block.options.error ? "expected error" : "error") : "ok")
                return SiteManifest.Block(index: block.index, line: block.fenceLine, codeLine: block.codeLine, status: status, code: block.code)
            }
            let figures = page.shownFigures.compactMap { shown -> SiteManifest.Figure? in
                guard let figure = result?.blocks[shown.blockIndex]?.figures[shown.position] else { return nil }
                let asset = { (file: String) in SiteLayout.asset(file, of: page.notebook.name) }
                let block = page.notebook.blocks.first { $0.index == shown.blockIndex }
                let caption = figure.caption ?? (shown.position == 0 ? block?.options.caption : nil)
                return SiteManifest.Figure(number: shown.number, label: shown.label, caption: caption, png: asset(figure.png),
                                           pngDark: figure.pngDark.map(asset), svg: asset(figure.svg), svgDark: figure.svgDark.map(asset))
            }
            let tables = page.shownTables.compactMap { shown -> SiteManifest.Table? in
                guard let table = result?.blocks[shown.blockIndex]?.tables[shown.position] else { return nil }
                return SiteManifest.Table(number: shown.number, label: shown.label, caption: table.caption, rows: table.rows)
            }
            return SiteManifest.Notebook(
                name: page.notebook.name, source: page.notebook.path, page: page.fileName, title: page.title,
                status: page.latestFailure != nil ? NotebookResult.Status.runtimeError.rawValue : result?.status.rawValue ?? "prose",
                showsLastGood: page.latestFailure != nil, seed: page.provenance.seed, parameters: parameters(of: page),
                blasKernel: page.provenance.blasKernel, blocks: blocks, figures: figures, tables: tables,
                values: (result?.values ?? [:]).filter { !timings.contains($0.key) },
                checks: page.checks.map { SiteManifest.Check(name: $0.check.name, verdict: $0.check.verdict.rawValue,
                                                             measured: $0.check.measured, expected: $0.check.expected, line: $0.check.line) })
        }
        return SiteManifest(swiftVersion: facts.swiftVersion, specbookVersion: SpecbookVersion.current, gitCommit: facts.git.commit,
                            gitDirty: facts.git.dirty, libraryBuild: facts.libraryBuild, packages: facts.packages, notebooks: entries)
    }

    /// The parameters a notebook declares or names in its code; `-P` gives every notebook all of them, and one that
    /// never reads a parameter did not change when it did.
    static func parameters(of page: SitePage) -> [String: String] {
        let notebook = page.notebook
        return page.provenance.parameters.filter { key, _ in
            notebook.frontMatter.params[key] != nil || notebook.executableBlocks.contains { $0.code.contains("\"\(key)\"") }
        }
    }

    /// What varies between two builds of the same inputs: the date, run times, cache hits and timing values.
    static func timings(_ pages: [SitePage], facts: BuildFacts, seconds: Double) -> SiteTimings {
        SiteTimings(buildDate: facts.date, seconds: seconds, notebooks: pages.map { page in
            let result = page.result
            var blocks: [String: Double] = [:]
            for (index, block) in result?.blocks ?? [:] { blocks[String(index)] = block.seconds }
            let timings = Set(result?.timings ?? [])
            return SiteTimings.Notebook(name: page.notebook.name, cacheHit: page.provenance.cacheHit, seconds: page.provenance.seconds,
                                        blocks: blocks, values: (result?.values ?? [:]).filter { timings.contains($0.key) })
        })
    }

    /// The checks of a manifest already on disk (the site this build replaces), by notebook and name; nil when
    /// there is none or it cannot be read.
    static func previousChecks(_ manifest: SiteManifest?) -> [String: String]? {
        guard let manifest else { return nil }
        var verdicts: [String: String] = [:]
        for entry in manifest.notebooks {
            for check in entry.checks { verdicts["\(entry.source)\u{0}\(check.name)"] = check.verdict }
        }
        return verdicts
    }
}
