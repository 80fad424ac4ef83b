import CVectorKernels
import Foundation
import SpecbookNumerics
import SpecbookWire

#if canImport(Glibc)
import Glibc
#endif

/// The link between a running notebook program and the `specbook` runner.
///
/// The runner starts the compiled notebook with the variables of ``RunEnvironment`` set: a folder for
/// figures, the record and progress files, the seed and the parameters. Generated programs call
/// ``start()`` first, ``beginBlock(_:ordinal:total:label:)`` before each block and ``finish()`` after the last; everything
/// else here is what a notebook author calls through ``show(_:caption:label:)``, ``report(_:_:)`` and
/// ``param(_:default:)``. What the program tells the runner travels as typed ``Record``s.
public enum NotebookRuntime {
    nonisolated(unsafe) static var outputFolder: URL = {
        let path = ProcessInfo.processInfo.environment[RunEnvironment.output] ?? FileManager.default.currentDirectoryPath
        return URL(fileURLWithPath: path, isDirectory: true)
    }()
    nonisolated(unsafe) static var currentBlock = -1
    nonisolated(unsafe) static var figureCount = 0
    nonisolated(unsafe) static var records: UnsafeMutablePointer<FILE>? = nil
    nonisolated(unsafe) static var position = ProgressRecord(block: -1, ordinal: 0, total: 0)
    nonisolated(unsafe) static var blockLabel: String?
    nonisolated(unsafe) static var blockFigures = 0
    /// Every value reported so far, by name: what a sweep's tasks must report alike.
    nonisolated(unsafe) static var reported: [String: String] = [:]

    /// The notebook's seed (front matter `seed`, default 0).
    public static var seed: UInt64 {
        UInt64(ProcessInfo.processInfo.environment[RunEnvironment.seed] ?? "") ?? 0
    }

    /// Called by generated code first, before any notebook code: the allocator setting and, on the main thread before
    /// the program starts any thread of its own (so every thread it starts inherits it), subnormal floats flushed to
    /// zero (`specbook_flush_subnormals`).
    public static func start() {
        _ = allocatorTuning
        _ = specbook_flush_subnormals()
    }

    /// Called by generated code before block `index` (the `ordinal`-th of `total` that run) starts.
    public static func beginBlock(_ index: Int, ordinal: Int = 0, total: Int = 0, label: String? = nil) {
        blockLabel = label
        blockFigures = 0
        if currentBlock < 0 {
            setvbuf(stdout, nil, _IOLBF, 0)
            setvbuf(stderr, nil, _IONBF, 0)
        }
        fflush(stdout)
        currentBlock = index
        let marker = BlockMarker.line(block: index)
        fputs(marker, stdout)
        fputs(marker, stderr)
        fflush(stdout)
        _ = kernelWarning
        emit(.blockBegan(BlockBegan(block: index, ordinal: ordinal, total: total, label: label,
                                    time: Date().timeIntervalSince1970)))
        position = ProgressRecord(block: index, ordinal: ordinal, total: total)
        writeProgress(position)
    }

    /// Numerical code allocates and frees large arrays over and over (grids, Gram matrices, feature blocks, FFT
    /// plans); glibc serves those above its dynamic threshold (128 KiB at first) with fresh pages from mmap, each first
    /// touch a page fault and a zeroed page, and returns them at free. Up to 32 MiB they now come from the heap and
    /// stay there when freed (phase-diagram: a third less system time, 4% less wall time). Left alone when the user
    /// tunes the allocator through `GLIBC_TUNABLES`.
    static let allocatorTuning: Void = {
        if ProcessInfo.processInfo.environment["GLIBC_TUNABLES"]?.contains("malloc") == true { return }
        _ = specbook_tune_allocator()
    }()

    /// Warns once on stderr when OpenBLAS runs generic kernels on a CPU that has better ones.
    static let kernelWarning: Void = {
        let name = BLASKernels.coreName
        guard BLASKernelChoice.isGeneric(name), let best = BLASKernelChoice.best(for: BLASKernelChoice.machineFlags) else {
            return
        }
        fputs("warning: OpenBLAS runs its generic \(name) kernels on a CPU that supports \(best); "
              + "set \(BLASKernelChoice.variable)=\(best) for several times faster linear algebra\n", stderr)
    }()

    /// Called by generated code after the last block.
    public static func finish() {
        fflush(stdout)
        emit(.end(EndRecord(block: currentBlock, time: Date().timeIntervalSince1970, blasKernel: BLASKernels.coreName)))
        if let records { fclose(records) }
        records = nil
    }

    /// Appends one record (a JSON line) to the record file.
    static func emit(_ record: Record) {
        if records == nil {
            // Kept outside the output folder when the runner says so, so a block that deletes it loses no records.
            let path = ProcessInfo.processInfo.environment[RunEnvironment.records]
                ?? outputFolder.appendingPathComponent("records.jsonl").path
            records = fopen(path, "a")
        }
        guard let records, let line = try? record.jsonLine() else { return }
        _ = line.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, records) }
        fflush(records)
    }

    /// A file name safe inside the output folder: letters, digits, `-` and `_` only.
    static func safeName(_ raw: String) -> String {
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_")
        let cleaned = String(raw.map { allowed.contains($0) ? $0 : "-" })
        return cleaned.isEmpty ? "figure" : cleaned
    }
}

extension NotebookRuntime {
    /// Called by generated code when a block marked `//| error: true` throws, as expected.
    public static func expectedError(_ error: Error) {
        fflush(stdout)
        fputs("error: \(error)\n", stderr)
        emit(.expectedError(ExpectedErrorRecord(block: currentBlock, message: "\(error)")))
    }
}

extension NotebookRuntime {
    /// Shows `message` in the build's live progress display (for example "epoch 200 of 5000").
    ///
    /// ```swift
    /// NotebookRuntime.progress("epoch \(epoch) of \(epochs)")
    /// ```
    public static func progress(_ message: String) {
        var record = position
        record.message = message
        writeProgress(record)
    }

    /// Replaces the progress file with `record`, whole (written aside, then renamed).
    static func writeProgress(_ record: ProgressRecord) {
        let path = ProcessInfo.processInfo.environment[RunEnvironment.progress]
            ?? outputFolder.appendingPathComponent("progress.json").path
        let tmp = path + ".tmp"
        guard let line = try? Record.progress(record).jsonLine(), let file = fopen(tmp, "w") else { return }
        _ = line.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) }
        fclose(file)
        rename(tmp, path)
    }
}
