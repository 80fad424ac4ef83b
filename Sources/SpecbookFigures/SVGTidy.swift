/// Two fixes to the SVG Cairo 1.16 writes, made in one pass over its bytes.
///
/// - Ids of embedded surfaces (`imageN`, `surfaceN`, `sourceN`) come from process-wide counters,
///   so the same figure would differ between calls; they are renumbered in order of appearance.
/// - Cairo drops the nearest-neighbour filter, so a browser would blur heat map cells together;
///   each `<image` gets `image-rendering` set to keep cells crisp.
///
/// ```swift
/// let bytes = SVGTidy.tidy(cairoOutput)
/// ```
/// **Edge cases:** a document with no such ids or images comes back unchanged.
enum SVGTidy {
    private static let prefixes: [[UInt8]] = [Array("image".utf8), Array("surface".utf8), Array("source".utf8)]
    private static let imageTag = Array("<image ".utf8)
    private static let crisp = Array("<image image-rendering=\"optimizeSpeed\" style=\"image-rendering:pixelated\" ".utf8)

    static func tidy(_ svg: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(svg.count + 256)
        var numbers: [[UInt8]: Int] = [:]
        svg.withUnsafeBufferPointer { s in
            var i = 0
            func matches(_ word: [UInt8], at j: Int) -> Bool {
                guard j + word.count <= s.count else { return false }
                for k in word.indices where s[j + k] != word[k] { return false }
                return true
            }
            while i < s.count {
                let c = s[i]
                if c == UInt8(ascii: "<"), matches(imageTag, at: i) {
                    out += crisp
                    i += imageTag.count
                    continue
                }
                // An id is written as id="imageN" or referenced as #imageN.
                let opensID = c == UInt8(ascii: "#") || (c == UInt8(ascii: "\"") && i >= 3 && s[i - 3] == UInt8(ascii: "i") && s[i - 2] == UInt8(ascii: "d") && s[i - 1] == UInt8(ascii: "="))
                if opensID, let prefix = prefixes.first(where: { matches($0, at: i + 1) }) {
                    var j = i + 1 + prefix.count
                    while j < s.count, s[j] >= UInt8(ascii: "0"), s[j] <= UInt8(ascii: "9") { j += 1 }
                    if j > i + 1 + prefix.count {
                        let key = Array(s[(i + 1)..<j])
                        let number = numbers[key] ?? numbers.count + 1
                        numbers[key] = number
                        out.append(c)
                        out += prefix
                        out += Array(String(number).utf8)
                        i = j
                        continue
                    }
                }
                out.append(c)
                i += 1
            }
        }
        return out
    }
}
