import Crypto
import Foundation

/// SHA-256 (swift-crypto) of what a cache key or a checksum covers, as lowercase hex.
///
/// ```swift
/// var hash = ContentHash()
/// hash.update("block\u{0}3\u{0}")
/// hash.update(codeBytes)
/// let key = hash.hexDigest()                 // 64 hex digits
/// let sum = ContentHash.file(figure)         // nil when the file cannot be read
/// ```
public struct ContentHash: Sendable {
    private var hasher = SHA256()

    public init() {}

    public mutating func update(_ text: String) {
        var text = text
        text.withUTF8 { hasher.update(bufferPointer: UnsafeRawBufferPointer($0)) }
    }

    public mutating func update<D: DataProtocol>(_ bytes: D) {
        hasher.update(data: bytes)
    }

    /// The digest of everything added so far; more may still be added to this value.
    public func hexDigest() -> String {
        Self.hex(hasher.finalize())
    }

    /// The SHA-256 of a file's contents, read in 1 MiB chunks; nil when it cannot be read.
    public static func file(_ url: URL) -> String? {
        guard let handle = try? FileHandle(forReadingFrom: url) else { return nil }
        defer { try? handle.close() }
        var hasher = SHA256()
        while true {
            let chunk: Data?
            do {
                chunk = try handle.read(upToCount: 1 << 20)
            } catch {
                return nil
            }
            // End of file reads as nil or as empty data.
            guard let chunk, !chunk.isEmpty else { break }
            hasher.update(data: chunk)
        }
        return hex(hasher.finalize())
    }

    private static let digits = Array("0123456789abcdef".utf8)

    private static func hex<D: Sequence>(_ digest: D) -> String where D.Element == UInt8 {
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for byte in digest {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
