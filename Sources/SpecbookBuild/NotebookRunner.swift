import Foundation
import SpecbookNotebook
import SpecbookWire

/// The runner stage every command shares: resolve a notebook's run, key it, reuse a stored result or run it.
///
/// ```swift
/// let runner = try NotebookRunner(projectRoot: root, overrides: ["profile": "quick"])
/// let outcome = runner.run(notebook) { event in print(event) }
/// outcome.result?.values["loss"]     // what the page cites
/// ```
/// The program is generated once per run, and the same program is keyed, compiled and run.
public struct NotebookRunner: Sendable {
    public var library: NotebookLibrary
    public var projectRoot: URL
    public var layout: CacheLayout
    /// `-P name=value` overrides, applied over each notebook's front matter `params`.
    public var overrides: [String: String]
    /// False runs every notebook, ignoring (but still refreshing) stored results.
    public var reuseStored = true
    /// False neither reads nor writes the cache (`specbook run`).
    public var storesResults = true
    /// How many tasks of a notebook's `sweep` run at once; nil: one per core.
    public var sweepJobs: Int?
    /// Shard i of n (`specbook build --shard`): a notebook without sweeps runs only in the shard that owns it; one
    /// with sweeps runs in every shard, which computes its share of the points and stores no page.
    public var shard: Shard?

    let executor: NotebookExecutor
    let cache: NotebookCache
    let fingerprint: String
    let imports: [String]

    /// Finds the notebook library (beside the running executable unless given), builds it when its sources changed
    /// (in a checkout; an installed library must match the toolchain instead), then builds the project's packages and
    /// compiles its `lib/` module when they changed. `onStep` hears each of those before it starts, in words.
    public init(projectRoot: URL, overrides: [String: String] = [:], library: NotebookLibrary? = nil,
                onStep: (String) -> Void = { _ in }) throws {
        guard let library = library ?? NotebookLibrary.besideExecutable() else {
            throw BuildError(["specbook: error: cannot find the notebook library: no lib/specbook/library.json beside this "
                              + "specbook's folder (reinstall with scripts/install.sh --prefix) and no Specbook checkout above it "
                              + "(run `swift build -c release` there)"])
        }
        let layout = CacheLayout(projectRoot: projectRoot)
        var compiler = NotebookCompiler(library: library)
        let buildID: String
        do {
            if library.installed != nil {
                let version = Toolchain.swiftVersion(swiftc: compiler.swiftc, memo: layout.toolchain, in: projectRoot)
                try library.checkToolchain(swiftc: compiler.swiftc, swiftVersion: version)
            }
            if library.needsBuild() { onStep("building the notebook library…") }
            try library.buildIfNeeded()
            buildID = library.buildID()
            let config = try ProjectConfig.load(root: projectRoot)
            let packages = PackageBuild(requirements: config.packages, layout: layout, swiftc: compiler.swiftc,
                                        salt: buildID)
            if let built = try packages.prepare(onBuild: {
                onStep("resolving and building the packages (\(config.packages.map(\.identity).joined(separator: ", ")))…")
            }) {
                compiler.modules.append(built)
            }
            let sources = try config.librarySources(root: projectRoot)
            let lib = ProjectLibraryBuild(sources: sources, root: projectRoot, layout: layout, compiler: compiler)
            let files = "\(sources.count) file\(sources.count == 1 ? "" : "s")"
            if let built = try lib.prepare(onCompile: { onStep("compiling the project's lib module (\(files))…") }) {
                compiler.modules.append(built)
            }
        } catch let error as NotebookError {
            throw BuildError([error.description])
        }
        self.library = library
        self.projectRoot = projectRoot
        self.overrides = overrides
        self.layout = layout
        executor = NotebookExecutor(compiler: compiler, workingDirectory: projectRoot)
        cache = NotebookCache(layout: layout)
        // The project's modules join every key: a change to lib/ or to the packages runs every notebook again.
        libraryBuild = buildID
        packageVersions = compiler.modules.flatMap(\.versions)
        fingerprint = ([buildID] + compiler.modules.map(\.key)).joined(separator: "|")
        imports = compiler.modules.flatMap(\.imports)
    }

    /// The notebook library's build id (``NotebookLibrary/buildID()``), named in every page's footer.
    public let libraryBuild: String
    /// The Swift packages notebooks link, as resolved (`swift-numerics 1.1.1`), named in every page's footer.
    public let packageVersions: [String]

    /// The swiftc notebook programs are compiled with.
    public var swiftc: String { executor.compiler.swiftc }

    /// One notebook's run, resolved: the parameters it runs with, its program and its cache key.
    public struct Job: Sendable {
        public var notebook: Notebook
        public var parameters: [String: String]
        public var program: NotebookProgram
        public var key: String
        /// What `cached(...)` values of each block are stored under.
        public var blockKeys: [Int: String]
        /// What each `sweep(...)` call's points are stored under.
        public var sweepKeys: [String: String]
    }

    /// What a run left: the result (nil for a prose page), where its figures are, and whether it was reused.
    public struct Outcome: Sendable {
        public var job: Job
        public var result: NotebookResult?
        public var outputFolder: URL?
        public var cacheHit: Bool
        /// The folder the run worked in, to remove when the build is done (nil when nothing ran).
        public var workFolder: URL?
        /// For a failed run: the last successful one, when one is stored.
        public var lastGood: LastGood?
        public var seconds: Double
    }

    /// The front matter defaults with the overrides applied.
    public func parameters(for notebook: Notebook) -> [String: String] {
        notebook.frontMatter.params.merging(overrides) { _, override in override }
    }

    public func resolve(_ notebook: Notebook) -> Job {
        let parameters = parameters(for: notebook)
        let program = NotebookProgram(notebook: notebook, imports: imports)
        let key = NotebookCache.key(for: notebook, program: program, parameters: parameters,
                                    libraryFingerprint: fingerprint, projectRoot: projectRoot)
        let blockKeys = NotebookCache.blockKeys(for: notebook, parameters: parameters, libraryFingerprint: fingerprint,
                                                projectRoot: projectRoot)
        let sweepKeys = NotebookCache.sweepKeys(for: notebook, blockKeys: blockKeys, seedKey: blockKeys[-1] ?? "")
        return Job(notebook: notebook, parameters: parameters, program: program, key: key, blockKeys: blockKeys,
                   sweepKeys: sweepKeys)
    }

    /// Runs `notebook` unless a stored result for the same key exists; `work` overrides the work folder.
    public func run(_ notebook: Notebook, work: URL? = nil, events: @escaping @Sendable (RunEvent) -> Void = { _ in }) -> Outcome {
        let started = Date()
        var outcome = reuseOrRun(resolve(notebook), work: work, events: events)
        outcome.seconds = Date().timeIntervalSince(started)
        return outcome
    }

    private func reuseOrRun(_ job: Job, work: URL?, events: @escaping @Sendable (RunEvent) -> Void) -> Outcome {
        let notebook = job.notebook
        events(.started)
        var outcome = Outcome(job: job, result: nil, outputFolder: nil, cacheHit: false, workFolder: nil, lastGood: nil, seconds: 0)
        guard !notebook.executableBlocks.isEmpty else { return outcome }
        let sweepsOnly = shard != nil && !job.sweepKeys.isEmpty
        if let shard, job.sweepKeys.isEmpty, !shard.owns(notebook: notebook.name) {
            events(.skipped)
            return outcome
        }
        if storesResults && reuseStored, let stored = cache.lookup(job.key) {
            outcome.result = stored
            outcome.outputFolder = cache.entry(job.key).appendingPathComponent("output")
            outcome.cacheHit = true
            events(.cached)
            return outcome
        }
        let folder = work ?? layout.work(for: notebook.name)
        outcome.workFolder = folder
        var result: NotebookResult
        do {
            var values = storesResults ? NotebookExecutor.ValueStore(folder: layout.values, blockKeys: job.blockKeys,
                                                                                sweepKeys: job.sweepKeys, jobs: sweepJobs) : nil
            values?.shard = sweepsOnly ? shard : nil
            result = try executor.execute(job.program, of: notebook, parameters: job.parameters, in: folder, values: values,
                                          events: events)
            outcome.outputFolder = folder.appendingPathComponent("output")
            if result.status == .ok && storesResults && !sweepsOnly {
                outcome.outputFolder = try cache.store(result, key: job.key, work: folder).appendingPathComponent("output")
                LastGood.record(job, in: layout)
            }
        } catch {
            result = NotebookResult(status: .runtimeError, failure: .init(summary: "\(notebook.path): error: \(error)", details: "", block: nil))
        }
        outcome.result = result
        if let failure = result.failure, result.status != .ok {
            events(.failed(summary: failure.summary))
            if storesResults && !sweepsOnly { outcome.lastGood = LastGood.find(notebook.name, cache: cache) }
        } else {
            events(.finished(seconds: result.seconds))
        }
        return outcome
    }
}
