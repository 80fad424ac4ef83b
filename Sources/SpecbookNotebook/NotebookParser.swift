import Foundation
import SpecbookMarkdown
import Yams

/// Reads `notebooks/NAME.md` into a ``Notebook``.
///
/// ```swift
/// let notebook = try NotebookParser.parse(file: URL(fileURLWithPath: "notebooks/demo.md"))
/// print(notebook.swiftBlocks.count)
/// ```
public enum NotebookParser {
    /// Reads and parses a notebook file; `displayPath` is the path used in messages.
    public static func parse(file: URL, displayPath: String? = nil) throws -> Notebook {
        let path = displayPath ?? file.path
        let data: Data
        do {
            data = try Data(contentsOf: file)
        } catch {
            throw NotebookError(file: path, "cannot read the notebook (\(error.localizedDescription))")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw NotebookError(file: path, line: firstInvalidUTF8Line(data), "the notebook is not valid UTF-8")
        }
        let name = file.deletingPathExtension().lastPathComponent
        return try parse(source: text, path: path, name: name)
    }

    /// Parses notebook source text.
    public static func parse(source: String, path: String, name: String) throws -> Notebook {
        if source.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw NotebookError(file: path, line: 1, "the notebook is empty")
        }
        let normalized = source.replacingOccurrences(of: "\r\n", with: "\n")
        var lines = normalized.components(separatedBy: "\n")
        var frontMatter = FrontMatter()
        if lines.first?.trimmingCharacters(in: .whitespaces) == "---" {
            guard let end = lines.dropFirst().firstIndex(where: { ["---", "..."].contains($0.trimmingCharacters(in: .whitespaces)) }) else {
                throw NotebookError(file: path, line: 1, "front matter starting here is never closed with '---'")
            }
            let yaml = lines[1..<end].joined(separator: "\n")
            frontMatter = try FrontMatterParser.parse(yaml, path: path, firstLine: 2)
            for i in 0...end { lines[i] = "" }
        }
        let body = lines.joined(separator: "\n")
        try checkFencesClosed(lines, path: path)

        // One parse serves the runner (the code blocks) and the site (the prose): formulas are protected first,
        // keeping every line where it was.
        let math = MathSpans.protect(body)
        let document = MarkdownDocument(parsing: math.text)
        var blocks: [NotebookBlock] = []
        var labels: [String: Int] = [:]
        for raw in document.codeBlocks where raw.fence != nil {
            let index = raw.index ?? blocks.count
            let language = raw.info.split(whereSeparator: { $0 == " " || $0 == "{" || $0 == "}" }).first.map(String.init)?.lowercased() ?? ""
            var block = NotebookBlock(
                index: index, language: language, code: raw.literal, fenceLine: raw.startLine,
                codeLine: raw.startLine + 1, options: BlockOptions())
            if block.isSwift {
                let (options, consumed) = try BlockOptionsParser.parse(raw.literal, path: path, firstLine: raw.startLine + 1)
                block.options = options
                let codeLines = raw.literal.components(separatedBy: "\n")
                block.code = codeLines.dropFirst(consumed).joined(separator: "\n")
                block.codeLine = raw.startLine + 1 + consumed
                if let label = options.label {
                    if let previous = labels[label] {
                        throw NotebookError(file: path, line: raw.startLine + 1, "duplicate label '\(label)' (first used on line \(previous))")
                    }
                    labels[label] = raw.startLine + 1
                }
            }
            blocks.append(block)
        }
        try checkEquationLabels(math.spans, lines: lines, path: path)
        return Notebook(path: path, name: name, frontMatter: frontMatter, body: body, blocks: blocks, source: source,
                        document: document, math: math.spans)
    }

    /// A numbered equation's label is used once per notebook: a second use is an error at its line.
    static func checkEquationLabels(_ spans: [MathSpans.Span], lines: [String], path: String) throws {
        var seen = Set<String>()
        for label in spans.compactMap(\.label) where !seen.insert(label).inserted {
            let uses = lines.indices.filter { lines[$0].contains("{#\(label)}") }
            let line = uses.count > 1 ? uses[1] + 1 : (uses.first ?? 0) + 1
            throw NotebookError(file: path, line: line, "duplicate equation label '\(label)' (first used on line \((uses.first ?? 0) + 1))")
        }
    }

    /// Finds a fence that is opened and never closed: CommonMark would silently run it to the end of the file.
    static func checkFencesClosed(_ lines: [String], path: String) throws {
        var open: (character: Character, length: Int, line: Int)?
        for (i, line) in lines.enumerated() {
            let stripped = line.drop(while: { $0 == " " })
            guard line.count - stripped.count <= 3, let first = stripped.first, first == "`" || first == "~" else { continue }
            let run = stripped.prefix(while: { $0 == first }).count
            guard run >= 3 else { continue }
            let rest = stripped.dropFirst(run)
            if let current = open {
                if first == current.character && run >= current.length && rest.allSatisfy({ $0 == " " || $0 == "\t" }) {
                    open = nil
                }
            } else if !(first == "`" && rest.contains("`")) {
                open = (first, run, i + 1)
            }
        }
        if let open {
            throw NotebookError(file: path, line: open.line, "code fence opened here is never closed")
        }
    }

    static func firstInvalidUTF8Line(_ data: Data) -> Int {
        var line = 1
        var start = data.startIndex
        while start < data.endIndex {
            let end = data[start...].firstIndex(of: 0x0A) ?? data.endIndex
            if String(data: data[start..<end], encoding: .utf8) == nil { return line }
            line += 1
            start = end < data.endIndex ? data.index(after: end) : end
        }
        return 1
    }
}
