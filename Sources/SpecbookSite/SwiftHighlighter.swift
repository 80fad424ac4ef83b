/// Swift syntax highlighting: a small lexer that wraps keywords, strings, numbers, comments and types in spans.
///
/// ```swift
/// SwiftHighlighter.html("let n = 3 // three")
/// // <span class="kw">let</span> n = <span class="num">3</span> <span class="com">// three</span>
/// ```
/// The output is HTML-escaped; unterminated strings and comments run to the end of the code.
public enum SwiftHighlighter {
    /// The kinds of token that get a span; everything else is escaped text.
    public enum TokenKind: String, Sendable {
        case keyword = "kw", string = "str", number = "num", comment = "com", type = "type", attribute = "attr"
    }

    static let keywords: Set<String> = [
        "actor", "as", "associatedtype", "async", "await", "break", "case", "catch", "class", "continue", "default",
        "defer", "deinit", "do", "else", "enum", "extension", "fallthrough", "false", "fileprivate", "final", "for",
        "func", "guard", "if", "import", "in", "indirect", "init", "inout", "internal", "is", "lazy", "let", "mutating",
        "nil", "nonisolated", "open", "operator", "override", "private", "protocol", "public", "repeat", "rethrows",
        "return", "self", "Self", "some", "any", "static", "struct", "subscript", "super", "switch", "throw", "throws",
        "true", "try", "typealias", "var", "where", "while", "consuming", "borrowing", "convenience", "weak", "unowned",
    ]

    /// Highlights `code`, returning HTML for the inside of a `<code>` element.
    public static func html(_ code: String) -> String {
        var lexer = Lexer(Array(code.unicodeScalars))
        return lexer.run(until: nil)
    }

    struct Lexer {
        let s: [Unicode.Scalar]
        var i = 0
        var out = ""

        init(_ scalars: [Unicode.Scalar]) { s = scalars }

        func peek(_ offset: Int = 0) -> Unicode.Scalar? { i + offset < s.count ? s[i + offset] : nil }

        /// Lexes until the end, or until an unbalanced `)` when `stop` is `")"` (the end of an interpolation).
        mutating func run(until stop: Unicode.Scalar?) -> String {
            var depth = 0
            while let c = peek() {
                if stop == ")" {
                    if c == "(" { depth += 1 }
                    if c == ")" { if depth == 0 { break }; depth -= 1 }
                }
                if c == "/" && peek(1) == "/" {
                    let start = i
                    while let d = peek(), d != "\n" { i += 1 }
                    emit(.comment, start)
                } else if c == "/" && peek(1) == "*" {
                    lexBlockComment()
                } else if c == "\"" || (c == "#" && rawStringStart() != nil) {
                    lexString()
                } else if isDigit(c) {
                    lexNumber()
                } else if c == "@" && peek(1).map(isIdentifierStart) == true {
                    let start = i
                    i += 1
                    while let d = peek(), isIdentifierPart(d) { i += 1 }
                    emit(.attribute, start)
                } else if c == "$", let d = peek(1), isIdentifierPart(d) {
                    let start = i  // `$0`, `$value`: closure arguments and property wrappers' projections
                    i += 1
                    while let d = peek(), isIdentifierPart(d) { i += 1 }
                    plain(start)
                } else if isIdentifierStart(c) {
                    lexIdentifier()
                } else if c == "`" {
                    let start = i
                    i += 1
                    while let d = peek(), d != "`", d != "\n" { i += 1 }
                    if peek() == "`" { i += 1 }
                    plain(start)
                } else {
                    out += HTML.escape(String(c))
                    i += 1
                }
            }
            return out
        }

        mutating func lexBlockComment() {
            let start = i
            var depth = 0
            while i < s.count {
                if peek() == "/" && peek(1) == "*" { depth += 1; i += 2; continue }
                if peek() == "*" && peek(1) == "/" {
                    depth -= 1
                    i += 2
                    if depth == 0 { break }
                    continue
                }
                i += 1
            }
            emit(.comment, start)
        }

        /// The number of `#` before a `"` at the cursor, or nil when this `#` does not start a raw string.
        func rawStringStart() -> Int? {
            var n = 0
            while peek(n) == "#" { n += 1 }
            return peek(n) == "\"" ? n : nil
        }

        mutating func lexString() {
            let hashes = rawStringStart() ?? 0
            var start = i
            i += hashes
            let multiline = peek() == "\"" && peek(1) == "\"" && peek(2) == "\""
            i += multiline ? 3 : 1
            let closing: [Unicode.Scalar] = Array(repeating: "\"", count: multiline ? 3 : 1) + Array(repeating: "#", count: hashes)
            while let c = peek() {
                if c == "\n" && !multiline { break }
                if c == "\\" && (0..<hashes).allSatisfy({ peek(1 + $0) == "#" }) {
                    let escape = i
                    i += 1 + hashes
                    if peek() == "(" {
                        emit(.string, start, upTo: escape)
                        out += "<span class=\"interp\"><span class=\"str\">\(HTML.escape(String(String.UnicodeScalarView(s[escape...i]))))</span>"
                        i += 1
                        var inner = Lexer(s)
                        inner.i = i
                        out += inner.run(until: ")")
                        i = inner.i
                        if peek() == ")" { out += "<span class=\"str\">)</span>"; i += 1 }
                        out += "</span>"
                        start = i
                        continue
                    }
                    i += 1
                    continue
                }
                if c == "\"" && closing.indices.allSatisfy({ peek($0) == closing[$0] }) {
                    i += closing.count
                    break
                }
                i += 1
            }
            emit(.string, start)
        }

        mutating func lexNumber() {
            let start = i
            if peek() == "0", let p = peek(1), p == "x" || p == "b" || p == "o" {
                i += 2
                while let d = peek(), isHexDigit(d) || d == "_" { i += 1 }
            } else {
                while let d = peek(), isDigit(d) || d == "_" { i += 1 }
                if peek() == ".", let d = peek(1), isDigit(d) {
                    i += 1
                    while let d = peek(), isDigit(d) || d == "_" { i += 1 }
                }
                if let e = peek(), e == "e" || e == "E" {
                    let signed = peek(1) == "-" || peek(1) == "+"
                    if let d = peek(signed ? 2 : 1), isDigit(d) {
                        i += signed ? 2 : 1
                        while let d = peek(), isDigit(d) { i += 1 }
                    }
                }
            }
            emit(.number, start)
        }

        mutating func lexIdentifier() {
            let start = i
            while let d = peek(), isIdentifierPart(d) { i += 1 }
            let word = String(String.UnicodeScalarView(s[start..<i]))
            let afterDot = start > 0 && s[start - 1] == "."
            if keywords.contains(word) && !afterDot {
                emit(.keyword, start)
            } else if let first = word.unicodeScalars.first, ("A"..."Z").contains(first) {
                emit(.type, start)
            } else {
                plain(start)
            }
        }

        mutating func emit(_ kind: TokenKind, _ start: Int, upTo end: Int? = nil) {
            let end = end ?? i
            guard end > start else { return }
            out += "<span class=\"\(kind.rawValue)\">\(HTML.escape(String(String.UnicodeScalarView(s[start..<end]))))</span>"
        }

        mutating func plain(_ start: Int) {
            out += HTML.escape(String(String.UnicodeScalarView(s[start..<i])))
        }

        func isDigit(_ c: Unicode.Scalar) -> Bool { ("0"..."9").contains(c) }
        func isHexDigit(_ c: Unicode.Scalar) -> Bool { isDigit(c) || ("a"..."f").contains(c) || ("A"..."F").contains(c) }
        func isIdentifierStart(_ c: Unicode.Scalar) -> Bool {
            ("a"..."z").contains(c) || ("A"..."Z").contains(c) || c == "_" || (c.value > 0x7F && c.properties.isAlphabetic)
        }
        func isIdentifierPart(_ c: Unicode.Scalar) -> Bool { isIdentifierStart(c) || isDigit(c) }
    }
}
