import Foundation
import SpecbookWire

/// Splits a captured stream at the runtime's block markers, keeping at most `limit` bytes per block.
///
/// Reads the file in chunks, so a block that prints 100 MB costs `limit` bytes of memory, not 100 MB.
public struct OutputSplitter: Sendable {
    public struct Part: Equatable, Sendable {
        /// The first `limit` bytes.
        public var bytes: [UInt8] = []
        /// How many bytes the block printed in all.
        public var total = 0
    }

    public let limit: Int

    public init(limit: Int) {
        self.limit = limit
    }

    public func split(file: URL) -> [Int: Part] {
        guard let handle = try? FileHandle(forReadingFrom: file) else { return [:] }
        defer { try? handle.close() }
        var parts: [Int: Part] = [:]
        var current = -1
        var carry: [UInt8] = []
        func append<C: Collection>(_ bytes: C) where C.Element == UInt8 {
            guard !bytes.isEmpty else { return }
            var part = parts[current] ?? Part()
            let room = limit - part.bytes.count
            if room > 0 { part.bytes.append(contentsOf: bytes.prefix(room)) }
            part.total += bytes.count
            parts[current] = part
        }
        while true {
            let chunk = (try? handle.read(upToCount: 1 << 20)) ?? nil
            let atEnd = chunk?.isEmpty ?? true
            var buffer = carry + (chunk.map { [UInt8]($0) } ?? [])
            carry = []
            // A marker cut by the chunk boundary waits for the next chunk.
            if !atEnd, let last = buffer.lastIndex(of: BlockMarker.lead), buffer.count - last < BlockMarker.maximumLength, !buffer[last...].contains(0x0A) {
                carry = Array(buffer[last...])
                buffer.removeSubrange(last...)
            }
            var start = 0
            while let rel = buffer[start...].firstIndex(of: BlockMarker.lead) {
                append(buffer[start..<rel])
                if let newline = buffer[rel...].firstIndex(of: 0x0A), let index = BlockMarker.block(in: buffer[rel..<newline]) {
                    current = index
                    start = newline + 1
                } else {
                    append(buffer[rel...rel])
                    start = rel + 1
                }
            }
            append(buffer[start...])
            if atEnd { break }
        }
        return parts
    }

    /// Text safe to show: invalid UTF-8 replaced, control characters other than tab and newline made visible.
    public static func displayText(_ bytes: [UInt8]) -> String {
        let text = String(decoding: bytes, as: UTF8.self)
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar.value < 0x20 && scalar != "\n" && scalar != "\t" {
                if scalar == "\r" { continue }
                out.append(UnicodeScalar(0x2400 + scalar.value)!)
            } else if scalar.value == 0x7F {
                out.append("\u{2421}")
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }
}
