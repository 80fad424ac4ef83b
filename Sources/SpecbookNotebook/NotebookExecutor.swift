import Foundation
import SpecbookWire

/// Compiles and runs one notebook program in a child process, and collects its outputs block by block.
///
/// ```swift
/// let executor = NotebookExecutor(compiler: NotebookCompiler(library: library), workingDirectory: root)
/// let result = try executor.execute(NotebookProgram(notebook: notebook), of: notebook,
///                                   parameters: ["profile": "quick"], in: work)
/// ```
/// The steps, each its own function: ``RunFolder`` (a clean folder), compile, ``launch``, ``collect``
/// (records and split output), ``diagnose`` (what the exit status means for the page).
public struct NotebookExecutor: Sendable {
    public var compiler: NotebookCompiler
    /// Where the notebook program runs (the project root, so relative data paths work).
    public var workingDirectory: URL
    /// Bytes of stdout (and of stderr) kept per block; the rest is counted and dropped.
    public var outputLimit = 256 * 1024

    public init(compiler: NotebookCompiler, workingDirectory: URL) {
        self.compiler = compiler
        self.workingDirectory = workingDirectory
    }

    /// Where `cached(...)` keeps values, and the key of each block (``NotebookCache/blockKeys(for:parameters:libraryFingerprint:projectRoot:)``).
    public struct ValueStore: Sendable {
        public var folder: URL
        public var blockKeys: [Int: String]
        /// The key of each `sweep` call (``NotebookCache/sweepKeys(for:blockKeys:seedKey:)``).
        public var sweepKeys: [String: String]
        /// How many tasks of a `sweep` run at once; nil lets the program use every core.
        public var jobs: Int?
        /// Shard i of n: each sweep computes its share of the points and the program stops there.
        public var shard: Shard?

        public init(folder: URL, blockKeys: [Int: String], sweepKeys: [String: String] = [:], jobs: Int? = nil) {
            self.folder = folder
            self.blockKeys = blockKeys
            self.sweepKeys = sweepKeys
            self.jobs = jobs
        }
    }

    /// The files of one run inside its folder.
    public struct RunFolder: Sendable {
        public var root: URL
        public var outputs: URL { root.appendingPathComponent("output") }
        var records: URL { root.appendingPathComponent("records.jsonl") }
        var progress: URL { root.appendingPathComponent("progress.json") }
        var stdout: URL { root.appendingPathComponent("stdout.txt") }
        var stderr: URL { root.appendingPathComponent("stderr.txt") }

        /// Empties `root` (or creates it) with an empty output folder in it.
        static func clean(_ root: URL) throws -> RunFolder {
            let fm = FileManager.default
            try? fm.removeItem(at: root)
            let folder = RunFolder(root: root)
            try fm.createDirectory(at: folder.outputs, withIntermediateDirectories: true)
            return folder
        }
    }

    /// Runs `program` (generated from `notebook`) with `parameters` (front matter defaults already merged in);
    /// figures land in `folder/output`. `events` hears ``RunEvent/compiling``, then ``RunEvent/running(_:)``.
    public func execute(
        _ program: NotebookProgram, of notebook: Notebook, parameters: [String: String], in folder: URL,
        values: ValueStore? = nil, events: (@Sendable (RunEvent) -> Void)? = nil
    ) throws -> NotebookResult {
        let started = Date()
        let run = try RunFolder.clean(folder)
        events?(.compiling)
        let executable: URL
        do {
            executable = try compiler.compile(program, in: folder, workingDirectory: workingDirectory)
        } catch let failure as NotebookCompiler.Failure {
            let block = failure.line.flatMap { line in notebook.swiftBlocks.last(where: { $0.fenceLine < line })?.index }
            return NotebookResult(
                status: .compileError,
                failure: .init(summary: failure.firstError, details: failure.diagnostics, block: block),
                seconds: Date().timeIntervalSince(started))
        }
        let status = try launch(executable, of: notebook, parameters: parameters, in: run, values: values, events: events)
        var collected = collect(notebook, from: run)
        diagnose(status, of: notebook, into: &collected)
        var result = collected.result
        result.seconds = Date().timeIntervalSince(started)
        return result
    }

    /// The environment a notebook program starts with: this process's, plus ``RunEnvironment``'s variables.
    func environment(for notebook: Notebook, parameters: [String: String], in run: RunFolder,
                     values: ValueStore? = nil) throws -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        environment[RunEnvironment.output] = run.outputs.path
        environment[RunEnvironment.seed] = String(notebook.frontMatter.seed)
        environment[RunEnvironment.records] = run.records.path
        environment[RunEnvironment.progress] = run.progress.path
        let json = try JSONSerialization.data(withJSONObject: parameters, options: [.sortedKeys])
        environment[RunEnvironment.parameters] = String(decoding: json, as: UTF8.self)
        // The best BLAS kernels for this CPU, unless the user chose: Debian's OpenBLAS runs generic ones on CPUs it
        // does not know.
        environment[BLASKernelChoice.variable] = BLASKernelChoice.coreType(in: environment)
        // OpenBLAS's idle threads sleep after tens of microseconds instead of spinning for a tenth of a second
        // on a core that another notebook, or this one's own threads, could use.
        environment[BLASThreadTimeout.variable] = BLASThreadTimeout.value(in: environment)
        if let values {
            environment[RunEnvironment.values] = values.folder.path
            if let jobs = values.jobs { environment[RunEnvironment.jobs] = String(jobs) }
            if let shard = values.shard { environment[RunEnvironment.shard] = shard.description }
            environment[RunEnvironment.sweepKeys] = String(
                decoding: try JSONSerialization.data(withJSONObject: values.sweepKeys, options: [.sortedKeys]), as: UTF8.self)
            let keys = Dictionary(uniqueKeysWithValues: values.blockKeys.map { (String($0.key), $0.value) })
            environment[RunEnvironment.blockKeys] = String(decoding: try JSONSerialization.data(withJSONObject: keys, options: [.sortedKeys]),
                                                           as: UTF8.self)
        }
        return environment
    }

    /// Starts the program and waits for it, passing on its progress.
    func launch(
        _ executable: URL, of notebook: Notebook, parameters: [String: String], in run: RunFolder,
        values: ValueStore?, events: (@Sendable (RunEvent) -> Void)?
    ) throws -> ChildProcess.Status {
        let progressFile = run.progress
        let result = try ChildProcess.run(
            executable: executable.path, arguments: [], environment: environment(for: notebook, parameters: parameters, in: run, values: values),
            workingDirectory: workingDirectory, stdoutFile: run.stdout, stderrFile: run.stderr,
            timeout: notebook.frontMatter.timeout,
            onTick: events.map { report in
                return {
                    guard let line = try? Data(contentsOf: progressFile),
                          case .progress(let at)? = try? Record(jsonLine: line) else { return }
                    report(.running(at))
                }
            })
        return result.status
    }

    /// A run's result as collected, with where the program got to.
    struct Collected {
        var result: NotebookResult
        /// The block running when the program stopped.
        var lastBlock: Int?
        /// True when the program reached its end.
        var finished: Bool
    }

    /// Everything the program left: records (an unreadable one fails the run), figures, split stdout and stderr.
    func collect(_ notebook: Notebook, from run: RunFolder) -> Collected {
        var result = NotebookResult(status: .ok)
        var records = RecordReader.Records()
        do {
            records = try RecordReader.read(run.records)
        } catch {
            result.status = .runtimeError
            result.failure = .init(summary: "\(notebook.path): error: \(error)", details: "", block: nil)
        }
        result.blocks = records.blocks
        result.values = records.values
        result.timings = records.timings.isEmpty ? nil : records.timings
        result.blasKernel = records.blasKernel
        let fm = FileManager.default
        for (index, block) in records.blocks {
            let kept = block.figures.filter { figure in
                figure.files.allSatisfy { fm.fileExists(atPath: run.outputs.appendingPathComponent($0).path) }
            }
            if kept.count != block.figures.count, result.failure == nil {
                result.blocks[index]?.figures = kept
                result.status = .runtimeError
                result.failure = .init(
                    summary: "\(place(of: index, in: notebook)): error: figure files are missing (was the output folder removed during the run?)",
                    details: "", block: index)
            }
        }
        let splitter = OutputSplitter(limit: outputLimit)
        for (index, part) in splitter.split(file: run.stdout) where index >= 0 {
            var text = OutputSplitter.displayText(part.bytes)
            let truncated = part.total > part.bytes.count
            if truncated { text += "\n… output truncated: \(part.total) bytes printed, first \(part.bytes.count) shown" }
            result.blocks[index, default: BlockResult()].stdout = text
            result.blocks[index, default: BlockResult()].stdoutTruncated = truncated
        }
        for (index, part) in splitter.split(file: run.stderr) where index >= 0 {
            var text = OutputSplitter.displayText(part.bytes)
            if part.total > part.bytes.count { text += "\n… truncated: \(part.total) bytes" }
            result.blocks[index, default: BlockResult()].stderr = text
        }
        return Collected(result: result, lastBlock: records.lastBlock, finished: records.finished)
    }

    /// Turns the program's exit status into the result's status and failure, placed at the block that was running.
    func diagnose(_ status: ChildProcess.Status, of notebook: Notebook, into collected: inout Collected) {
        let running = collected.lastBlock
        let finished = collected.finished
        var result = collected.result
        defer { collected.result = result }
        let place = place(of: running, in: notebook)
        let lastLines = running.map { tail(result.blocks[$0]?.stderr ?? "", lines: 12) } ?? ""
        func fail(_ status: NotebookResult.Status, _ message: String) {
            result.status = status
            result.failure = .init(summary: "\(place): error: \(message)", details: lastLines, block: running)
        }
        switch status {
        case .exited(0):
            if result.failure == nil && !finished { fail(.runtimeError, "the program ended before its last block finished") }
        case .exited(let code):
            fail(.runtimeError, "block exited with status \(code)")
        case .signalled(let signal):
            fail(.runtimeError, "block crashed (signal \(signal): \(String(cString: strsignal(signal))))")
        case .timedOut:
            fail(.timedOut, "timed out after \(notebook.frontMatter.timeout.formatted()) s; the block was killed")
        }
        if let block = result.failure?.block {
            result.blocks[block, default: BlockResult()].error = result.failure?.summary
        }
    }

    /// `notebooks/x.md:LINE` for block `index`, or the notebook's path when no block is known.
    private func place(of index: Int?, in notebook: Notebook) -> String {
        index.flatMap { i in notebook.blocks.first(where: { $0.index == i }) }.map { "\(notebook.path):\($0.fenceLine)" }
            ?? notebook.path
    }

    private func tail(_ text: String, lines: Int) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).suffix(lines).joined(separator: "\n")
    }
}

private extension Double {
    func formatted() -> String { self == rounded() ? String(Int(self)) : String(self) }
}
