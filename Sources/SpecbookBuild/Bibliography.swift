import Foundation
import SpecbookNotebook

/// The project's BibTeX files and the keys they define, checked before anything is formatted.
///
/// ```swift
/// let bibliography = try Bibliography.load(["references.bib"], root: projectRoot)
/// bibliography.keys["zhang2021"]   // ("references.bib", 12): where the entry starts
/// ```
/// **Edge cases:** an entry whose braces never close, a type without `{`, or a key without the `,` after it is
/// an error naming the file and the entry's line; a key defined twice (in one file or two) is an error at the
/// second definition; `@string`, `@preamble` and `@comment` define no key; a missing file is an error.
public struct Bibliography: Sendable, Equatable {
    /// The files, as given (relative to the project root).
    public var files: [String]
    /// Their absolute locations, in the same order.
    public var urls: [URL]
    /// Every key with the file and line of its entry.
    public var keys: [String: Location]
    /// The files' contents, hashed: part of the formatted citations' cache key.
    public var contentHash: String

    public struct Location: Sendable, Equatable {
        public var file: String
        public var line: Int

        public init(file: String, line: Int) {
            self.file = file
            self.line = line
        }
    }

    public static func load(_ files: [String], root: URL) throws -> Bibliography {
        var keys: [String: Location] = [:]
        var hash = ContentHash()
        var urls: [URL] = []
        for file in files {
            let url = file.hasPrefix("/") ? URL(fileURLWithPath: file) : root.appendingPathComponent(file)
            guard let data = FileManager.default.contents(atPath: url.path) else {
                throw NotebookError(file: file, "bibliography file not found")
            }
            guard let text = String(data: data, encoding: .utf8) else { throw NotebookError(file: file, "not UTF-8 text") }
            hash.update("file\u{0}\(file)\u{0}")
            hash.update(data)
            for (key, line) in try entries(in: text, file: file) {
                if let first = keys[key] {
                    throw NotebookError(file: file, line: line, "duplicate citation key '\(key)' (first defined at \(first.file):\(first.line))")
                }
                keys[key] = Location(file: file, line: line)
            }
            urls.append(url)
        }
        return Bibliography(files: files, urls: urls, keys: keys, contentHash: hash.hexDigest())
    }

    /// The keys of a BibTeX text with the line each entry starts on.
    static func entries(in text: String, file: String) throws -> [(String, Int)] {
        let chars = Array(text)
        var out: [(String, Int)] = []
        var line = 1
        var i = 0
        while i < chars.count {
            if chars[i] == "\n" { line += 1 }
            // As in BibTeX, every `@` outside an entry starts one; other text there is a comment.
            guard chars[i] == "@" else { i += 1; continue }
            let start = line
            var j = i + 1
            while j < chars.count, chars[j].isLetter { j += 1 }
            let type = String(chars[(i + 1)..<j]).lowercased()
            while j < chars.count, chars[j] == " " || chars[j] == "\t" { j += 1 }
            guard !type.isEmpty else { i += 1; continue }
            guard j < chars.count, chars[j] == "{" || chars[j] == "(" else {
                throw NotebookError(file: file, line: start, "malformed entry: '@\(type)' is not followed by '{'")
            }
            let open = chars[j], close: Character = open == "{" ? "}" : ")"
            // The whole entry: braces balanced, quotes aside (BibTeX's own rule for the outer delimiters).
            var depth = 0, k = j, lines = 0
            while k < chars.count {
                if chars[k] == "\n" { lines += 1 }
                if chars[k] == "{" || (open == "(" && chars[k] == "(" && depth == 0) { depth += 1 }
                if chars[k] == "}" || (open == "(" && chars[k] == ")" && depth == 1) { depth -= 1 }
                if depth == 0 { break }
                k += 1
            }
            guard k < chars.count, chars[k] == close || chars[k] == "}" else {
                throw NotebookError(file: file, line: start, "malformed entry: '@\(type)' starting here is never closed (unbalanced braces)")
            }
            if !["string", "preamble", "comment"].contains(type) {
                let body = chars[(j + 1)..<k]
                guard let comma = body.firstIndex(of: ",") else {
                    throw NotebookError(file: file, line: start, "malformed entry: '@\(type)' has no key followed by ','")
                }
                let key = String(body[..<comma]).trimmingCharacters(in: .whitespacesAndNewlines)
                guard !key.isEmpty, !key.contains(where: { $0.isWhitespace || $0 == "{" || $0 == "}" }) else {
                    throw NotebookError(file: file, line: start, "malformed entry: '@\(type)' has no valid key")
                }
                out.append((key, start))
            }
            line += lines
            i = k + 1
        }
        return out
    }
}
