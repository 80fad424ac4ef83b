/// One of `count` parts of a project's work (`specbook build --shard i/n`): the notebooks without sweeps split
/// among the shards by name, and every sweep's points by point.
///
/// ```swift
/// let shard = try Shard(parsing: "1/4")    // index 1 of 4
/// shard.owns(notebook: "gallery")         // a stable choice: the same on every machine
/// ```
/// **Edge cases:** anything but `i/n` with `0 <= i < n` throws ``ShardError``.
public struct Shard: Sendable, Equatable, CustomStringConvertible {
    public var index: Int
    public var count: Int

    public init(index: Int, count: Int) {
        self.index = index
        self.count = count
    }

    public init(parsing text: String) throws {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]), count > 0, (0..<count).contains(index)
        else { throw ShardError(text: text) }
        self.init(index: index, count: count)
    }

    public var description: String { "\(index)/\(count)" }

    /// Whether this shard runs the notebook named `name` (one without sweeps): FNV-1a of the name, modulo the count.
    public func owns(notebook name: String) -> Bool {
        owns(name.utf8)
    }

    /// Whether this shard computes the sweep point stored as `bytes` (its JSON): FNV-1a modulo the count.
    public func owns<Bytes: Sequence>(_ bytes: Bytes) -> Bool where Bytes.Element == UInt8 {
        StableHash.fnv1a(bytes) % UInt64(count) == UInt64(index)
    }
}

/// A shard spec that is not `i/n`.
public struct ShardError: Error, CustomStringConvertible, Equatable {
    public var text: String
    public var description: String { "--shard takes i/n with 0 <= i < n (shard i of n), not '\(text)'" }
}
