import Foundation
import SpecbookNotebook
import SpecbookSite

/// `specbook build`: parse every notebook, run what changed (in parallel), render and swap in the site.
///
/// ```swift
/// var options = BuildOptions()
/// options.parameters = ["profile": "quick"]
/// let summary = try SiteBuild(options: options).run()
/// print(summary.failed)
/// ```
public struct SiteBuild {
    public var options: BuildOptions
    public var quiet = false

    public init(options: BuildOptions) {
        self.options = options
    }

    public struct Summary: Sendable {
        public var pages: Int
        public var executed: Int
        public var cached: Int
        /// The notebooks whose run failed, as one-line messages.
        public var failures: [String]
        public var seconds: Double
        public var failed: Int { failures.count }
    }

    public func run() throws -> Summary {
        let started = Date()
        let root = options.projectRoot
        let files = try NotebookDiscovery.files(options.paths, root: root)
        let notebooks = try NotebookDiscovery.parse(files)
        let output = options.output.hasPrefix("/") ? URL(fileURLWithPath: options.output) : root.appendingPathComponent(options.output)
        try checkWritable(output)

        try FileManager.default.createDirectory(at: options.cacheRoot, withIntermediateDirectories: true)
        // Sites replaced by earlier builds are deleted on another core while this one works.
        let trash = options.cacheRoot.appendingPathComponent("trash")
        let emptying = Trash.empty(trash)
        defer { emptying.wait() }
        let lock = try BuildLock(folder: options.cacheRoot) { [quiet] in
            if !quiet { FileHandle.standardError.write(Data("waiting for another build of this project to finish…\n".utf8)) }
        }
        defer { lock.release() }

        guard let library = options.library ?? NotebookLibrary.besideExecutable() else {
            throw BuildError(["specbook: error: cannot find the notebook library (libSpecbook.so); run `swift build -c release` first"])
        }
        if notebooks.contains(where: { !$0.executableBlocks.isEmpty }) {
            if library.needsBuild() && !quiet { FileHandle.standardError.write(Data("building the notebook library…\n".utf8)) }
            try library.buildIfNeeded()
        }
        let compiler = NotebookCompiler(library: library)
        let executor = NotebookExecutor(compiler: compiler, workingDirectory: root)
        let cache = NotebookCache(root: options.cacheRoot)
        let fingerprint = library.fingerprint()
        let git = Toolchain.git(root: root)
        let swiftVersion = Toolchain.swiftVersion(swiftc: compiler.swiftc, cacheRoot: options.cacheRoot)
        let buildDate = ISO8601DateFormatter().string(from: started)
        let progress = Progress(names: notebooks.map(\.path), quiet: quiet)

        var pages = [SitePage?](repeating: nil, count: notebooks.count)
        var hits = [Bool](repeating: false, count: notebooks.count)
        var workFolders: [URL] = []
        let lockPages = NSLock()
        let next = Counter()
        let workers = max(1, min(options.jobs, notebooks.count))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while let i = next.take(below: notebooks.count) {
                let notebook = notebooks[i]
                let parameters = notebook.frontMatter.params.merging(options.parameters) { _, override in override }
                var result: NotebookResult?
                var folder: URL?
                var hit = false
                let noteStart = Date()
                if !notebook.executableBlocks.isEmpty {
                    let key = NotebookCache.key(for: notebook, parameters: parameters, libraryFingerprint: fingerprint, projectRoot: root)
                    if options.useCache, let cached = cache.lookup(key) {
                        result = cached
                        folder = cache.entry(key).appendingPathComponent("output")
                        hit = true
                        progress.update(i, "cached", final: true)
                    } else {
                        let work = options.cacheRoot.appendingPathComponent("work/\(notebook.name)-\(getpid())")
                        lockPages.lock(); workFolders.append(work); lockPages.unlock()
                        do {
                            let run = try executor.execute(notebook, parameters: parameters, in: work) { progress.update(i, $0) }
                            result = run
                            folder = work.appendingPathComponent("output")
                            if run.status == .ok {
                                folder = try cache.store(run, key: key, work: work).appendingPathComponent("output")
                                progress.update(i, String(format: "done in %.1f s", run.seconds), final: true)
                            } else {
                                progress.update(i, "failed", final: true)
                                progress.message(run.failure?.summary ?? "\(notebook.path): error: failed")
                            }
                        } catch {
                            result = NotebookResult(status: .runtimeError, failure: .init(summary: "\(notebook.path): error: \(error)", details: "", block: nil))
                            progress.update(i, "failed", final: true)
                            progress.message("\(notebook.path): error: \(error)")
                        }
                    }
                } else {
                    progress.update(i, "prose page", final: true)
                }
                let provenance = Provenance(
                    swiftVersion: swiftVersion, gitCommit: git.commit, gitDirty: git.dirty, seed: notebook.frontMatter.seed,
                    parameters: parameters, buildDate: buildDate, cacheHit: hit,
                    seconds: result?.seconds ?? Date().timeIntervalSince(noteStart))
                lockPages.lock()
                pages[i] = SitePage(notebook: notebook, result: result, outputFolder: folder, provenance: provenance)
                hits[i] = hit
                lockPages.unlock()
            }
        }
        let finished = pages.compactMap { $0 }
        let manifest = try Manifest.make(finished, buildDate: buildDate, swiftVersion: swiftVersion, git: git,
                                         seconds: Date().timeIntervalSince(started))
        let config: ProjectConfig
        do {
            config = try ProjectConfig.load(root: root)
        } catch let error as NotebookError {
            throw BuildError([error.description])
        }
        var writer = SiteWriter(siteTitle: options.siteTitle ?? config.title)
        writer.siteDescription = config.description
        writer.trash = trash
        let warnings = try writer.write(finished, to: output, manifest: manifest)
        for warning in warnings { FileHandle.standardError.write(Data((warning + "\n").utf8)) }
        for work in workFolders { try? FileManager.default.removeItem(at: work) }
        let failures = finished.filter(\.failed).map { $0.result?.failure?.summary ?? "\($0.notebook.path): error: failed" }
        let executed = finished.filter { $0.result != nil }.count - hits.filter { $0 }.count
        return Summary(pages: finished.count, executed: executed, cached: hits.filter { $0 }.count,
                       failures: failures, seconds: Date().timeIntervalSince(started))
    }

    private func checkWritable(_ output: URL) throws {
        let fm = FileManager.default
        let parent = output.deletingLastPathComponent()
        var isFolder: ObjCBool = false
        guard fm.fileExists(atPath: parent.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw BuildError(["\(options.output): error: the folder \(parent.path) does not exist"])
        }
        // A real probe rather than access(2): root passes access checks on read-only file systems.
        let probe = parent.appendingPathComponent(".specbook-probe-\(getpid())")
        if mkdir(probe.path, 0o755) != 0 {
            throw BuildError(["\(options.output): error: cannot write the site there (\(String(cString: strerror(errno))))"])
        }
        rmdir(probe.path)
        guard !fm.fileExists(atPath: output.path) || access(output.path, W_OK) == 0 else {
            throw BuildError(["\(options.output): error: cannot write the site there (permission denied)"])
        }
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
