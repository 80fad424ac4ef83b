import Foundation

/// Compiles and runs one notebook in a child process, and collects its outputs block by block.
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

    /// Runs `notebook` with `parameters` (front matter defaults already merged in); figures land in `folder`.
    /// `progress` hears "compiling", then what the program reports ("running block 2 of 5: epoch 300 of 2000").
    public func execute(
        _ notebook: Notebook, parameters: [String: String], in folder: URL, progress: ((String) -> Void)? = nil
    ) throws -> NotebookResult {
        let fm = FileManager.default
        try? fm.removeItem(at: folder)
        try fm.createDirectory(at: folder, withIntermediateDirectories: true)
        let started = Date()
        let program = NotebookProgram(notebook: notebook)
        progress?("compiling")
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

        let outputs = folder.appendingPathComponent("output")
        try fm.createDirectory(at: outputs, withIntermediateDirectories: true)
        var environment = ProcessInfo.processInfo.environment
        environment["SPECBOOK_OUTPUT"] = outputs.path
        environment["SPECBOOK_SEED"] = String(notebook.frontMatter.seed)
        environment["SPECBOOK_NOTEBOOK"] = notebook.name
        let recordsFile = folder.appendingPathComponent("records.jsonl")
        let progressFile = folder.appendingPathComponent("progress.txt")
        environment["SPECBOOK_RECORDS"] = recordsFile.path
        environment["SPECBOOK_PROGRESS"] = progressFile.path
        let json = try JSONSerialization.data(withJSONObject: parameters, options: [.sortedKeys])
        environment["SPECBOOK_PARAMS"] = String(decoding: json, as: UTF8.self)
        let stdoutFile = folder.appendingPathComponent("stdout.txt")
        let stderrFile = folder.appendingPathComponent("stderr.txt")
        let run = try ChildProcess.run(
            executable: executable.path, arguments: [], environment: environment,
            workingDirectory: workingDirectory, stdoutFile: stdoutFile, stderrFile: stderrFile,
            timeout: notebook.frontMatter.timeout,
            onTick: progress.map { report in
                return { if let text = try? String(contentsOf: progressFile, encoding: .utf8) { report(text) } }
            })

        let records = RecordReader.read(recordsFile)
        var blocks = records.blocks
        var missingFigures: Int?
        for (index, block) in blocks {
            let kept = block.figures.filter { figure in
                [figure.png, figure.svg].allSatisfy { fm.fileExists(atPath: outputs.appendingPathComponent($0).path) }
            }
            if kept.count != block.figures.count {
                blocks[index]?.figures = kept
                missingFigures = index
            }
        }
        let splitter = OutputSplitter(limit: outputLimit)
        for (index, part) in splitter.split(file: stdoutFile) where index >= 0 {
            blocks[index, default: BlockResult()].stdout = OutputSplitter.displayText(part.bytes)
            if part.total > part.bytes.count {
                blocks[index, default: BlockResult()].stdoutTruncated = true
                blocks[index, default: BlockResult()].stdout += "\n… output truncated: \(part.total) bytes printed, first \(part.bytes.count) shown"
            }
        }
        for (index, part) in splitter.split(file: stderrFile) where index >= 0 {
            var text = OutputSplitter.displayText(part.bytes)
            if part.total > part.bytes.count { text += "\n… truncated: \(part.total) bytes" }
            blocks[index, default: BlockResult()].stderr = text
        }

        var result = NotebookResult(status: .ok, blocks: blocks, values: records.values, seconds: Date().timeIntervalSince(started))
        let running = records.lastBlock
        let where_ = running.flatMap { index in notebook.blocks.first(where: { $0.index == index }) }
        let place = where_.map { "\(notebook.path):\($0.fenceLine)" } ?? notebook.path
        let lastLines = running.map { blocks[$0]?.stderr ?? "" }.map { tail($0, lines: 12) } ?? ""
        switch run.status {
        case .exited(0):
            if let block = missingFigures {
                result.status = .runtimeError
                let line = notebook.blocks.first(where: { $0.index == block }).map { "\(notebook.path):\($0.fenceLine)" } ?? notebook.path
                result.failure = .init(
                    summary: "\(line): error: figure files are missing (was the output folder removed during the run?)",
                    details: "", block: block)
            } else if !records.finished {
                result.status = .runtimeError
                result.failure = .init(summary: "\(place): error: the program ended before its last block finished", details: lastLines, block: running)
            }
        case .exited(let code):
            result.status = .runtimeError
            result.failure = .init(summary: "\(place): error: block exited with status \(code)", details: lastLines, block: running)
        case .signalled(let signal):
            result.status = .runtimeError
            let name = String(cString: strsignal(signal))
            result.failure = .init(summary: "\(place): error: block crashed (signal \(signal): \(name))", details: lastLines, block: running)
        case .timedOut:
            result.status = .timedOut
            let seconds = notebook.frontMatter.timeout
            result.failure = .init(
                summary: "\(place): error: timed out after \(seconds.formatted()) s; the block was killed",
                details: lastLines, block: running)
        }
        if let block = result.failure?.block {
            result.blocks[block, default: BlockResult()].error = result.failure?.summary
        }
        return result
    }

    private func tail(_ text: String, lines: Int) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).suffix(lines).joined(separator: "\n")
    }
}

private extension Double {
    func formatted() -> String { self == rounded() ? String(Int(self)) : String(self) }
}
