/// A line diff of two texts in unified form: hunks of changed lines with a few lines of context around them.
///
/// ```swift
/// let hunks = LineDiff.hunks(old: "a\nb\nc", new: "a\nB\nc", context: 1)
/// hunks[0].lines.map(\.kind)   // [.same, .removed, .added, .same]
/// ```
/// The edit script comes from the standard library's `CollectionDifference` (a shortest edit script).
///
/// **Edge cases:** equal texts give no hunks; an empty side makes one hunk of only added or removed lines;
/// changes closer than twice the context share a hunk.
public enum LineDiff {
    public struct Line: Codable, Equatable, Sendable {
        public enum Kind: String, Codable, Sendable { case same, added, removed }
        public var kind: Kind
        public var text: String
        /// 1-based line numbers in the old and the new text (nil on the side the line is not in).
        public var old: Int?
        public var new: Int?
    }

    public struct Hunk: Codable, Equatable, Sendable {
        public var lines: [Line]
    }

    public static func hunks(old: String, new: String, context: Int = 2) -> [Hunk] {
        let a = old.isEmpty ? [] : old.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let b = new.isEmpty ? [] : new.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let difference = b.difference(from: a)
        var removed = Set<Int>(), inserted = Set<Int>()
        for change in difference {
            switch change {
            case .remove(let offset, _, _): removed.insert(offset)
            case .insert(let offset, _, _): inserted.insert(offset)
            }
        }
        // Walk both texts in step: removals of the old text first, then insertions, then the common line.
        var lines: [Line] = []
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if i < a.count, removed.contains(i) {
                lines.append(Line(kind: .removed, text: a[i], old: i + 1, new: nil)); i += 1
            } else if j < b.count, inserted.contains(j) {
                lines.append(Line(kind: .added, text: b[j], old: nil, new: j + 1)); j += 1
            } else {
                lines.append(Line(kind: .same, text: b[j], old: i + 1, new: j + 1)); i += 1; j += 1
            }
        }
        // Keep the changed lines and `context` lines around each; gaps split hunks.
        var keep = [Bool](repeating: false, count: lines.count)
        for (k, line) in lines.enumerated() where line.kind != .same {
            for m in max(0, k - context)...min(lines.count - 1, k + context) { keep[m] = true }
        }
        var hunks: [Hunk] = [], current: [Line] = []
        for (k, line) in lines.enumerated() {
            if keep[k] {
                current.append(line)
            } else if !current.isEmpty {
                hunks.append(Hunk(lines: current)); current = []
            }
        }
        if !current.isEmpty { hunks.append(Hunk(lines: current)) }
        return hunks
    }
}
