/// A `sweep("name", over: grid) { ... }` call in a block's code: where it starts and where its closure is.
///
/// ```swift
/// SweepCall.find(in: Array(#"let r = try sweep("scan", over: grid) { p in f(p) }"#), from: 0)?.name   // "scan"
/// ```
/// **Edge cases:** a call whose name is not a string literal, or whose trailing closure is missing or unbalanced,
/// is not found; braces and parentheses inside string literals are skipped.
struct SweepCall {
    var name: String
    /// Index of `sweep(`.
    var start: Int
    /// The trailing closure, braces included.
    var closure: Range<Int>

    static func find(in code: [Character], from: Int) -> SweepCall? {
        var i = from
        while i + 6 < code.count {
            defer { i += 1 }
            guard String(code[i..<(i + 6)]) == "sweep(", i == 0 || !(code[i - 1].isLetter || code[i - 1].isNumber || code[i - 1] == "_")
            else { continue }
            var j = i + 6
            while j < code.count, code[j].isWhitespace { j += 1 }
            guard j < code.count, code[j] == "\"", let nameEnd = code[(j + 1)...].firstIndex(of: "\"") else { continue }
            let name = String(code[(j + 1)..<nameEnd])
            guard let close = matching(code, open: i + 5, "(", ")") else { continue }
            var k = close + 1
            while k < code.count, code[k].isWhitespace { k += 1 }
            guard k < code.count, code[k] == "{", let end = matching(code, open: k, "{", "}") else { continue }
            return SweepCall(name: name, start: i, closure: k..<(end + 1))
        }
        return nil
    }

    /// The index of the bracket closing the one at `open`, skipping string literals.
    static func matching(_ code: [Character], open: Int, _ left: Character, _ right: Character) -> Int? {
        var depth = 0, inString = false, i = open
        while i < code.count {
            let c = code[i]
            if inString {
                if c == "\\" { i += 2; continue }
                if c == "\"" { inString = false }
            } else if c == "\"" {
                inString = true
            } else if c == left {
                depth += 1
            } else if c == right {
                depth -= 1
                if depth == 0 { return i }
            }
            i += 1
        }
        return nil
    }
}
