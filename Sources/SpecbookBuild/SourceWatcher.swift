import Foundation

/// Notices edits under a set of files and folders by polling modification times and sizes (simple and portable).
///
/// ```swift
/// let watcher = SourceWatcher(paths: [URL(fileURLWithPath: "notebooks")])
/// var before = watcher.snapshot()
/// // ... later
/// let now = watcher.snapshot()
/// print(SourceWatcher.changes(from: before, to: now))   // ["notebooks/demo.md"]
/// ```
/// **Edge cases:** hidden files and editor backups (`.x.swp`, `x~`) are ignored; a missing path is simply
/// empty; added and removed files count as changes.
public struct SourceWatcher: Sendable {
    /// What a file looked like at one poll.
    public struct Stamp: Equatable, Sendable {
        public var modified: Date
        public var size: Int
    }

    public var paths: [URL]

    public init(paths: [URL]) {
        self.paths = paths
    }

    /// The current stamp of every watched file, by path.
    public func snapshot() -> [String: Stamp] {
        var stamps: [String: Stamp] = [:]
        let fm = FileManager.default
        let keys: [URLResourceKey] = [.contentModificationDateKey, .fileSizeKey, .isRegularFileKey]
        func record(_ url: URL) {
            let name = url.lastPathComponent
            guard !name.hasPrefix("."), !name.hasSuffix("~"),
                  let values = try? url.resourceValues(forKeys: Set(keys)), values.isRegularFile == true else { return }
            stamps[url.path] = Stamp(modified: values.contentModificationDate ?? .distantPast, size: values.fileSize ?? 0)
        }
        for path in paths {
            var isFolder: ObjCBool = false
            guard fm.fileExists(atPath: path.path, isDirectory: &isFolder) else { continue }
            guard isFolder.boolValue else { record(path); continue }
            let files = fm.enumerator(at: path, includingPropertiesForKeys: keys, options: [.skipsHiddenFiles])
            while let file = files?.nextObject() as? URL { record(file) }
        }
        return stamps
    }

    /// Paths added, removed or modified between two snapshots, sorted.
    public static func changes(from old: [String: Stamp], to new: [String: Stamp]) -> [String] {
        Set(old.keys).union(new.keys).filter { old[$0] != new[$0] }.sorted()
    }

    /// Polls every `interval` seconds until `stop()` is true; calls `onChange` with what changed once the
    /// files have been still for one more poll (an editor's save can take several writes).
    public func watch(every interval: TimeInterval, stop: () -> Bool = { false }, onChange: ([String]) -> Void) {
        var last = snapshot()
        while !stop() {
            Thread.sleep(forTimeInterval: interval)
            var now = snapshot()
            var changed = Self.changes(from: last, to: now)
            guard !changed.isEmpty else { continue }
            while true {
                Thread.sleep(forTimeInterval: interval)
                let settled = snapshot()
                let more = Self.changes(from: now, to: settled)
                now = settled
                if more.isEmpty { break }
                changed = Array(Set(changed).union(more)).sorted()
            }
            last = now
            onChange(changed)
        }
    }
}

extension SourceWatcher {
    /// What changed, as a stream: ``watch(every:stop:onChange:)`` on a thread of its own until the stream's
    /// reader stops reading.
    ///
    /// ```swift
    /// for await changed in SourceWatcher(paths: [notebooks]).changes(every: 0.5) { rebuild(changed) }
    /// ```
    public func changes(every interval: TimeInterval) -> AsyncStream<[String]> {
        AsyncStream { continuation in
            let stopped = StopFlag()
            continuation.onTermination = { _ in stopped.set() }
            Thread {
                watch(every: interval, stop: { stopped.isSet }) { continuation.yield($0) }
                continuation.finish()
            }.start()
        }
    }
}

/// A flag one thread sets and another polls.
private final class StopFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    func set() { lock.withLock { value = true } }
    var isSet: Bool { lock.withLock { value } }
}
