import Foundation
import Yams

/// Reads the YAML front matter of a notebook with Yams.
enum FrontMatterParser {
    static func parse(_ yaml: String, path: String, firstLine: Int) throws -> FrontMatter {
        let loaded: Any?
        do {
            loaded = try Yams.load(yaml: yaml)
        } catch let error as YamlError {
            throw NotebookError(file: path, line: firstLine + yamlLine(error), "invalid YAML front matter: \(yamlSummary(error))")
        }
        var matter = FrontMatter()
        guard let loaded else { return matter }
        guard let map = loaded as? [String: Any] else {
            throw NotebookError(file: path, line: firstLine, "front matter must be a mapping of keys to values")
        }
        func line(of key: String) -> Int {
            let lines = yaml.components(separatedBy: "\n")
            return firstLine + (lines.firstIndex(where: { $0.hasPrefix("\(key):") }) ?? 0)
        }
        for key in map.keys.sorted() where !FrontMatter.knownKeys.contains(key) {
            throw NotebookError(
                file: path, line: line(of: key),
                "unknown front matter key '\(key)' (known: \(FrontMatter.knownKeys.sorted().joined(separator: ", ")))")
        }
        matter.title = map["title"].map { "\($0)" }
        matter.description = map["description"].map { "\($0)" }
        matter.author = map["author"].map { "\($0)" }
        matter.date = map["date"].map { "\($0)" }
        if let seed = map["seed"] {
            guard let value = UInt64("\(seed)") else {
                throw NotebookError(file: path, line: line(of: "seed"), "seed must be a non-negative integer, not '\(seed)'")
            }
            matter.seed = value
        }
        if let timeout = map["timeout"] {
            guard let value = Double("\(timeout)"), value > 0 else {
                throw NotebookError(file: path, line: line(of: "timeout"), "timeout must be a positive number of seconds, not '\(timeout)'")
            }
            matter.timeout = value
        }
        if let order = map["order"] {
            guard let value = Int("\(order)") else {
                throw NotebookError(file: path, line: line(of: "order"), "order must be an integer, not '\(order)'")
            }
            matter.order = value
        }
        if let params = map["params"] {
            guard let dict = params as? [String: Any] else {
                throw NotebookError(file: path, line: line(of: "params"), "params must be a mapping of names to default values")
            }
            matter.params = dict.mapValues { "\($0)" }
        }
        if let inputs = map["inputs"] {
            if let list = inputs as? [Any] {
                matter.inputs = list.map { "\($0)" }
            } else {
                matter.inputs = ["\(inputs)"]
            }
        }
        return matter
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
