import Foundation
import SpecbookNotebook
import SpecbookReview
import SpecbookSite
import SpecbookWire

typealias CheckVerdict = CheckRecord.Verdict

/// `specbook build`: parse every notebook, run what changed (in parallel) through the ``NotebookRunner``,
/// render and swap in the site.
///
/// ```swift
/// var options = BuildOptions()
/// options.parameters = ["profile": "quick"]
/// let summary = try SiteBuild(options: options).run { event in print(event) }
/// print(summary.failed)
/// ```
public struct SiteBuild {
    public var options: BuildOptions

    public init(options: BuildOptions) {
        self.options = options
    }

    public struct Summary: Sendable {
        public var pages: Int
        public var executed: Int
        public var cached: Int
        /// The notebooks whose run failed, as one-line messages.
        public var failures: [String]
        /// Build warnings (`notebooks/x.md:12: warning: ...`).
        public var warnings: [String]
        /// Checks that hold, fail and are notes, over every page.
        public var checks: (held: Int, failed: Int, notes: Int)
        /// `notebooks/x.md:40: check failed: NAME: measured ..., expected ...`, one per failed check.
        public var failedChecks: [String]
        /// The failed checks that held in the build this one replaced.
        public var newlyFailing: [String]
        /// This build against its baseline (the site it replaced, or `--compare`); nil without one.
        public var changes: SiteComparison?
        public var seconds: Double
        public var failed: Int { failures.count }
    }

    /// What the build tells whoever shows progress.
    public enum Event: Sendable {
        /// The notebooks this build takes up, in page order.
        case planned([String])
        /// Another build of the project holds the lock; this one waits.
        case waitingForLock
        case buildingLibrary
        /// The build prepares what notebooks link: the library, the project's packages or its `lib/` module.
        case preparing(String)
        /// Notebook `index` (into the planned list) moved on.
        case notebook(Int, RunEvent)
    }

    public func run(events: @escaping @Sendable (Event) -> Void = { _ in }) throws -> Summary {
        let started = Date()
        let root = options.projectRoot
        let layout = CacheLayout(projectRoot: root)
        // Provenance (git, toolchain: child processes) is gathered on another core while notebooks are parsed.
        let gathering = Background { BuildFacts(root: root, swiftc: NotebookCompiler.findSwiftc(), layout: layout, date: started) }
        let notebooks = try NotebookDiscovery.parse(NotebookDiscovery.files(options.paths, root: root))
        let config: ProjectConfig
        do {
            config = try ProjectConfig.load(root: root)
        } catch let error as NotebookError {
            throw BuildError([error.description])
        }
        let output = options.outputFolder
        if options.shard == nil { try SiteWriter.checkWritable(output) }
        // A named baseline must be a readable site before anything runs.
        let named = try options.compareFolder.map { folder in
            do { return try SiteSnapshot(folder: folder) } catch let error as ReviewError { throw BuildError([error.description]) }
        }

        try FileManager.default.createDirectory(at: layout.root, withIntermediateDirectories: true)
        // Sites replaced by earlier builds are deleted on another core while this one works.
        let emptying = Trash.empty(layout.trash)
        defer { emptying.wait() }
        // A shard writes only atomic cache entries, so shards on many machines never wait for each other.
        let lock = options.shard == nil ? try BuildLock(file: layout.lock) { events(.waitingForLock) } : nil
        defer { lock?.release() }

        var runner = try NotebookRunner(projectRoot: root, overrides: options.parameters) { events(.preparing($0)) }
        runner.reuseStored = options.useCache
        runner.sweepJobs = options.jobs
        runner.shard = options.shard
        var facts = gathering.value
        facts.libraryBuild = runner.libraryBuild
        facts.packages = runner.packageVersions
        events(.planned(notebooks.map(\.path)))

        let outcomes = runAll(notebooks, runner: runner, events: events)
        if options.shard != nil {
            for outcome in outcomes { if let work = outcome.workFolder { try? FileManager.default.removeItem(at: work) } }
            let ran = outcomes.filter { $0.result != nil }
            let cached = ran.filter(\.cacheHit).count
            return Summary(pages: 0, executed: ran.count - cached, cached: cached,
                           failures: outcomes.compactMap { $0.result?.status == .ok ? nil : $0.result?.failure?.summary },
                           warnings: [], checks: (0, 0, 0), failedChecks: [], newlyFailing: [], changes: nil,
                           seconds: Date().timeIntervalSince(started))
        }
        let pages = zip(notebooks, outcomes).map { notebook, outcome in facts.page(for: notebook, outcome) }
        let manifest = Manifest.make(pages, facts: facts)
        let current = Self.snapshot(manifest, pages)
        let replaced = Baseline.replaced(output)
        let baseline = named.map { Baseline(snapshot: $0, label: $0.description, problem: nil) } ?? replaced
        let comparison = try baseline.snapshot.map { try SiteComparison(old: $0, new: current, baseline: baseline.label) }
        let previous = Manifest.previousChecks(replaced.snapshot?.manifest)
        var writer = SiteWriter(siteTitle: config.title)
        writer.siteDescription = config.description
        writer.trash = layout.trash
        writer.citations = try citations(pages, config: config, root: root, layout: layout)
        writer.timings = try Manifest.timings(pages, facts: facts, seconds: Date().timeIntervalSince(started)).encoded()
        writer.changes = ChangesPage(siteTitle: config.title, comparison: comparison, problem: baseline.problem)
        if let comparison, let old = baseline.snapshot {
            writer.writeChangeAssets = { try ChangeAssets.write(comparison, old: old, new: current, into: $0) }
        }
        var warnings = try writer.write(pages, to: output, manifest: manifest.encoded())
        if let problem = baseline.problem, baseline.warns { warnings.insert(problem, at: 0) }
        for outcome in outcomes { if let work = outcome.workFolder { try? FileManager.default.removeItem(at: work) } }
        let failures = outcomes.compactMap { $0.result?.status == .ok ? nil : $0.result?.failure?.summary }
        let ran = outcomes.filter { $0.result != nil }
        let cached = ran.filter(\.cacheHit).count
        var failedChecks: [String] = [], newlyFailing: [String] = []
        for page in pages {
            for (_, check) in page.checks where check.verdict == .fails {
                let message = "\(check.file):\(check.line): check failed: \(check.name): measured \(check.measured), expected \(check.expected)"
                failedChecks.append(message)
                if previous?["\(page.notebook.path)\u{0}\(check.name)"] == CheckVerdict.holds.rawValue { newlyFailing.append(message) }
            }
        }
        let counts = pages.map(\.checkCounts)
        return Summary(pages: pages.count, executed: ran.count - cached, cached: cached,
                       failures: failures, warnings: warnings,
                       checks: (counts.map(\.held).reduce(0, +), counts.map(\.failed).reduce(0, +), counts.map(\.notes).reduce(0, +)),
                       failedChecks: failedChecks, newlyFailing: newlyFailing, changes: comparison,
                       seconds: Date().timeIntervalSince(started))
    }

    /// This build as a site to compare: its manifest, its figure files still in the run results' folders.
    private static func snapshot(_ manifest: SiteManifest, _ pages: [SitePage]) -> SiteSnapshot {
        var files: [String: URL] = [:]
        for page in pages {
            guard let folder = page.outputFolder, let result = page.result else { continue }
            for figure in result.blocks.values.flatMap(\.figures) {
                for file in figure.files { files[SiteLayout.asset(file, of: page.notebook.name)] = folder.appendingPathComponent(file) }
            }
        }
        let known = files
        return SiteSnapshot(manifest: manifest, description: "this build") { path in
            known[path] ?? URL(fileURLWithPath: "/nonexistent/\(path)")
        }
    }

    /// The site's citations formatted from the project's bibliography and the notebooks' own; nil without any.
    private func citations(_ pages: [SitePage], config: ProjectConfig, root: URL, layout: CacheLayout) throws -> CitationTable? {
        var files = config.bibliography
            ?? (FileManager.default.fileExists(atPath: root.appendingPathComponent("references.bib").path) ? ["references.bib"] : [])
        for page in pages { for file in page.notebook.frontMatter.bibliography where !files.contains(file) { files.append(file) } }
        guard !files.isEmpty else { return nil }
        do {
            let bibliography = try Bibliography.load(files, root: root)
            return try CitationFormatter(cache: layout.citations, root: root)
                .format(SitePage.citationGroups(pages), bibliography: bibliography, style: .init(config.citationStyle))
        } catch let error as NotebookError {
            throw BuildError([error.description])
        }
    }

    /// Runs every notebook, `options.jobs` at a time, the longest (by its last run) first; outcomes in the notebooks'
    /// order. A notebook that ran (not reused) has its time remembered for the next build.
    private func runAll(_ notebooks: [Notebook], runner: NotebookRunner, events: @escaping @Sendable (Event) -> Void) -> [NotebookRunner.Outcome] {
        let file = CacheLayout(projectRoot: options.projectRoot).durations
        var durations = RunDurations.load(file)
        let order = RunDurations.longestFirst(notebooks.map { notebook in
            notebook.executableBlocks.isEmpty ? 0 : durations.seconds(of: notebook.name, parameters: runner.parameters(for: notebook))
        })
        let outcomes = ConcurrentSlots<NotebookRunner.Outcome>(count: notebooks.count)
        let next = Counter()
        DispatchQueue.concurrentPerform(iterations: max(1, min(options.jobs, notebooks.count))) { _ in
            while let position = next.take(below: notebooks.count) {
                let i = order[position]
                outcomes[i] = runner.run(notebooks[i]) { events(.notebook(i, $0)) }
            }
        }
        let all = outcomes.all
        // A shard ran only part of each notebook: its times would mislead the next build.
        guard options.shard == nil else { return all }
        for outcome in all where !outcome.cacheHit {
            guard let result = outcome.result, result.status == .ok else { continue }
            durations.record(result.seconds, of: outcome.job.notebook.name, parameters: outcome.job.parameters)
        }
        durations.save(to: file)
        return all
    }
}

/// Where every page's numbers came from: toolchain, commit, date; shared by the pages and the manifest.
struct BuildFacts {
    var swiftVersion: String
    var git: (commit: String, dirty: Bool)
    var date: String
    /// The notebook library's build id, known once the runner found the library.
    var libraryBuild = ""
    /// The Swift packages notebooks link, as resolved.
    var packages: [String] = []

    init(root: URL, swiftc: String, layout: CacheLayout, date: Date) {
        swiftVersion = Toolchain.swiftVersion(swiftc: swiftc, memo: layout.toolchain, in: root)
        git = Toolchain.git(root: root)
        self.date = ISO8601DateFormatter().string(from: date)
    }

    /// The page of `notebook`: the outcome's result, or the last good one when the run failed and one is stored.
    func page(for notebook: Notebook, _ outcome: NotebookRunner.Outcome) -> SitePage {
        let provenance = Provenance(
            swiftVersion: swiftVersion, gitCommit: git.commit, gitDirty: git.dirty, seed: notebook.frontMatter.seed,
            parameters: outcome.job.parameters, buildDate: date, cacheHit: outcome.cacheHit,
            seconds: outcome.result?.seconds ?? outcome.seconds, blasKernel: outcome.result?.blasKernel,
            specbookVersion: SpecbookVersion.current, libraryBuild: libraryBuild, packages: packages)
        if let good = outcome.lastGood, let failure = outcome.result?.failure {
            var kept = provenance
            kept.seconds = good.result.seconds
            kept.blasKernel = good.result.blasKernel
            return SitePage(notebook: good.notebook, result: good.result, outputFolder: good.outputFolder,
                            provenance: kept, latestFailure: failure)
        }
        return SitePage(notebook: notebook, result: outcome.result, outputFolder: outcome.outputFolder, provenance: provenance)
    }
}

/// A value computed on a background thread; ``value`` waits for it.
final class Background<T>: @unchecked Sendable {
    private var result: T?
    private let group = DispatchGroup()

    init(_ work: @escaping @Sendable () -> T) {
        DispatchQueue.global(qos: .userInitiated).async(group: group) { [self] in result = work() }
    }

    var value: T {
        group.wait()
        return result!
    }
}

/// A thread-safe counter handing out work items.
final class Counter: @unchecked Sendable {
    private var value = 0
    private let lock = NSLock()

    func take(below limit: Int) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard value < limit else { return nil }
        value += 1
        return value - 1
    }
}

/// Deletes what earlier builds left in the trash folder, on a background thread.
enum Trash {
    static func empty(_ folder: URL) -> DispatchGroup {
        let group = DispatchGroup()
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        guard !entries.isEmpty else { return group }
        DispatchQueue.global(qos: .utility).async(group: group) {
            for name in entries { try? FileManager.default.removeItem(at: folder.appendingPathComponent(name)) }
        }
        return group
    }
}

/// What a build compares itself with: a named site, or the site it replaces.
struct Baseline {
    var snapshot: SiteSnapshot?
    var label: String
    /// Why the site being replaced cannot be compared, shown on `changes.html`; nil when it can or there is none.
    var problem: String?
    /// The problem is a damaged manifest, which the build reports as a warning (a site of an older format is not).
    var warns = false

    /// The site at `output`, which this build replaces: none on a first build; a manifest that cannot be read is
    /// reported, not skipped.
    static func replaced(_ output: URL) -> Baseline {
        let file = output.appendingPathComponent(SiteManifest.fileName)
        guard FileManager.default.fileExists(atPath: file.path) else { return Baseline(snapshot: nil, label: "", problem: nil) }
        do {
            return Baseline(snapshot: try SiteSnapshot(folder: output), label: "the previous build", problem: nil)
        } catch let error as ReviewError {
            return Baseline(snapshot: nil, label: "", problem: "\(error.path): warning: cannot compare with the previous build: \(error.message)",
                            warns: !error.otherFormat)
        } catch {
            return Baseline(snapshot: nil, label: "", problem: "\(file.path): warning: cannot compare with the previous build: \(error)", warns: true)
        }
    }
}
