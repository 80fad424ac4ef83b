/// The line a notebook program prints to stdout and stderr when a block starts, so the runner can split
/// captured output block by block.
///
/// ```swift
/// BlockMarker.line(block: 3)           // "\u{1E}specbook-block:3\n"
/// BlockMarker.block(in: Array(BlockMarker.line(block: 3).utf8.dropLast()))  // 3
/// ```
public enum BlockMarker {
    /// The marker's fixed start; a record separator byte (0x1E) that ordinary output never starts a line with.
    public static let prefix = "\u{1E}specbook-block:"
    public static let prefixBytes = Array(prefix.utf8)
    /// The first byte of ``prefix``.
    public static let lead: UInt8 = 0x1E
    /// A marker line is never longer than this, so a reader may hold back this many bytes at a chunk boundary.
    public static let maximumLength = 64

    /// The marker line for block `index`, newline included.
    public static func line(block index: Int) -> String { "\(prefix)\(index)\n" }

    /// The block index of a marker line given without its newline, or nil when `bytes` is no marker.
    public static func block<C: Collection>(in bytes: C) -> Int? where C.Element == UInt8 {
        guard bytes.starts(with: prefixBytes) else { return nil }
        return Int(String(decoding: bytes.dropFirst(prefixBytes.count), as: UTF8.self))
    }
}
