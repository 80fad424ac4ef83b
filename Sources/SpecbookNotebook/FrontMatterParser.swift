import Foundation
import Yams

/// Reads the YAML front matter of a notebook with Yams.
enum FrontMatterParser {
    /// Values are read as written (`date: 2026-12-01` stays that text, `rate: 1e-3` stays `1e-3`): the YAML is
    /// composed into nodes rather than loaded into Swift values.
    static func parse(_ yaml: String, path: String, firstLine: Int) throws -> FrontMatter {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            throw NotebookError(file: path, line: firstLine + yamlLine(error), "invalid YAML front matter: \(yamlSummary(error))")
        }
        var matter = FrontMatter()
        guard let root else { return matter }
        guard let mapping = root.mapping else {
            throw NotebookError(file: path, line: firstLine, "front matter must be a mapping of keys to values")
        }
        var map: [String: Node] = [:]
        var lines: [String: Int] = [:]
        for (key, value) in mapping {
            let name = key.scalar?.string ?? "\(key)"
            map[name] = value
            lines[name] = firstLine + max(key.mark?.line ?? 1, 1) - 1
        }
        func line(of key: String) -> Int { lines[key] ?? firstLine }
        for key in map.keys.sorted() where !FrontMatter.knownKeys.contains(key) {
            throw NotebookError(
                file: path, line: line(of: key),
                "unknown front matter key '\(key)' (known: \(FrontMatter.knownKeys.sorted().joined(separator: ", ")))")
        }
        func text(_ key: String) throws -> String? {
            guard let node = map[key] else { return nil }
            guard let scalar = node.scalar else {
                throw NotebookError(file: path, line: line(of: key), "\(key) must be a single value")
            }
            return scalar.string
        }
        matter.title = try text("title")
        matter.description = try text("description")
        matter.author = try text("author")
        matter.date = try text("date")
        if let seed = try text("seed") {
            guard let value = UInt64(seed) else {
                throw NotebookError(file: path, line: line(of: "seed"), "seed must be a non-negative integer, not '\(seed)'")
            }
            matter.seed = value
        }
        if let timeout = try text("timeout") {
            guard let value = Double(timeout), value > 0 else {
                throw NotebookError(file: path, line: line(of: "timeout"), "timeout must be a positive number of seconds, not '\(timeout)'")
            }
            matter.timeout = value
        }
        if let order = try text("order") {
            guard let value = Int(order) else {
                throw NotebookError(file: path, line: line(of: "order"), "order must be an integer, not '\(order)'")
            }
            matter.order = value
        }
        if let params = map["params"] {
            guard let dict = params.mapping else {
                throw NotebookError(file: path, line: line(of: "params"), "params must be a mapping of names to default values")
            }
            for (key, value) in dict {
                guard let name = key.scalar?.string, let scalar = value.scalar else {
                    throw NotebookError(file: path, line: line(of: "params"), "params must map names to single values")
                }
                matter.params[name] = scalar.string
            }
        }
        matter.inputs = try fileList(map["inputs"], key: "inputs", what: "file patterns", path: path, line: line(of: "inputs"))
        matter.bibliography = try fileList(map["bibliography"], key: "bibliography", what: "BibTeX files", path: path,
                                           line: line(of: "bibliography"))
        return matter
    }

    /// One file name or a list of them.
    static func fileList(_ node: Node?, key: String, what: String, path: String, line: Int) throws -> [String] {
        guard let node else { return [] }
        if let one = node.scalar { return [one.string] }
        guard let list = node.sequence else { throw NotebookError(file: path, line: line, "\(key) must be a list of \(what)") }
        return try list.map { item in
            guard let scalar = item.scalar else { throw NotebookError(file: path, line: line, "\(key) must be a list of \(what)") }
            return scalar.string
        }
    }

    static func yamlLine(_ error: YamlError) -> Int {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
            return max(mark.line - 1, 0)
        default:
            return 0
        }
    }

    static func yamlSummary(_ error: YamlError) -> String {
        switch error {
        case .scanner(let context, let problem, _, _), .parser(let context, let problem, _, _), .composer(let context, let problem, _, _):
            return [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ": ")
        default:
            return "\(error)".components(separatedBy: "\n").first ?? "\(error)"
        }
    }
}
