import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// The link between a running notebook program and the `specbook` runner.
///
/// The runner starts the compiled notebook with `SPECBOOK_OUTPUT` (a folder for figures and the
/// display record file), `SPECBOOK_SEED` and `SPECBOOK_PARAMS` (a JSON object) in its environment.
/// Generated programs call ``beginBlock(_:)`` before each block; everything else here is what a
/// notebook author calls through ``show(_:caption:label:)``, ``report(_:_:)`` and ``param(_:default:)``.
public enum NotebookRuntime {
    /// Marks a block boundary in stdout and stderr; the runner splits captured output at it.
    public static let blockMarker = "\u{1E}specbook-block:"

    nonisolated(unsafe) static var outputFolder: URL = {
        let path = ProcessInfo.processInfo.environment["SPECBOOK_OUTPUT"] ?? FileManager.default.currentDirectoryPath
        return URL(fileURLWithPath: path, isDirectory: true)
    }()
    nonisolated(unsafe) static var currentBlock = -1
    nonisolated(unsafe) static var figureCount = 0
    nonisolated(unsafe) static var records: UnsafeMutablePointer<FILE>? = nil
    nonisolated(unsafe) static var blockStatus = ""
    nonisolated(unsafe) static var blockLabel: String?
    nonisolated(unsafe) static var blockFigures = 0

    /// The notebook's seed (front matter `seed`, default 0).
    public static var seed: UInt64 {
        UInt64(ProcessInfo.processInfo.environment["SPECBOOK_SEED"] ?? "") ?? 0
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
        let marker = "\(blockMarker)\(index)\n"
        fputs(marker, stdout)
        fputs(marker, stderr)
        fflush(stdout)
        emit(["kind": "block", "block": index, "time": Date().timeIntervalSince1970])
        blockStatus = total > 0 ? "running block \(ordinal) of \(total)" : "running block \(index)"
        writeProgress(blockStatus)
    }

    /// Called by generated code after the last block.
    public static func finish() {
        fflush(stdout)
        emit(["kind": "end", "block": currentBlock, "time": Date().timeIntervalSince1970])
        if let records { fclose(records) }
        records = nil
    }

    /// Appends one display record (a JSON object) to the record file.
    static func emit(_ record: [String: Any]) {
        if records == nil {
            // Kept outside the output folder when the runner says so, so a block that deletes it loses no records.
            let path = ProcessInfo.processInfo.environment["SPECBOOK_RECORDS"]
                ?? outputFolder.appendingPathComponent("records.jsonl").path
            records = fopen(path, "a")
        }
        guard let records,
              let data = try? JSONSerialization.data(withJSONObject: record, options: [.sortedKeys])
        else { return }
        var line = data
        line.append(0x0A)
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
        emit(["kind": "expected-error", "block": currentBlock, "message": "\(error)"])
    }
}

extension NotebookRuntime {
    /// Shows `message` in the build's live progress display (for example "epoch 200 of 5000").
    ///
    /// ```swift
    /// NotebookRuntime.progress("epoch \(epoch) of \(epochs)")
    /// ```
    public static func progress(_ message: String) {
        writeProgress(blockStatus.isEmpty ? message : "\(blockStatus): \(message)")
    }

    static func writeProgress(_ text: String) {
        let path = ProcessInfo.processInfo.environment["SPECBOOK_PROGRESS"]
            ?? outputFolder.appendingPathComponent("progress.txt").path
        let tmp = path + ".tmp"
        guard let file = fopen(tmp, "w") else { return }
        fputs(text, file)
        fclose(file)
        rename(tmp, path)
    }
}
