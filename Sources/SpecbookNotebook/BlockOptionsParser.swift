import Foundation

/// Reads `//| key: value` lines at the top of a Swift block.
enum BlockOptionsParser {
    /// Returns the options and how many leading lines they took.
    static func parse(_ code: String, path: String, firstLine: Int) throws -> (BlockOptions, Int) {
        var options = BlockOptions()
        var consumed = 0
        for (offset, raw) in code.components(separatedBy: "\n").enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            guard line.hasPrefix("//|") else { break }
            consumed = offset + 1
            let lineNumber = firstLine + offset
            let body = line.dropFirst(3).trimmingCharacters(in: .whitespaces)
            guard let colon = body.firstIndex(of: ":") else {
                throw NotebookError(file: path, line: lineNumber, "block option '\(body)' must be written 'key: value'")
            }
            let key = body[..<colon].trimmingCharacters(in: .whitespaces)
            var value = body[body.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            if value.count >= 2, let q = value.first, q == "\"" || q == "'", value.last == q {
                value = String(value.dropFirst().dropLast())
            }
            func bool() throws -> Bool {
                switch value.lowercased() {
                case "true", "yes": return true
                case "false", "no": return false
                default:
                    throw NotebookError(file: path, line: lineNumber, "block option '\(key)' takes true or false, not '\(value)'")
                }
            }
            switch key {
            case "label":
                guard isValidLabel(value) else {
                    throw NotebookError(
                        file: path, line: lineNumber,
                        "label '\(value)' must start with a letter and hold only letters, digits, '-' and '_'")
                }
                options.label = value
            case "caption": options.caption = value
            case "echo": options.echo = try bool()
            case "output": options.output = try bool()
            case "eval": options.eval = try bool()
            case "error": options.error = try bool()
            case "code-fold": options.codeFold = try bool()
            case "fig-alt": options.figAlt = value
            case "column":
                guard let column = PageColumn(rawValue: value) else {
                    let known = PageColumn.allCases.map(\.rawValue).joined(separator: ", ")
                    throw NotebookError(file: path, line: lineNumber, "block option 'column' takes one of \(known), not '\(value)'")
                }
                options.column = column
            default:
                throw NotebookError(
                    file: path, line: lineNumber,
                    "unknown block option '\(key)' (known: \(BlockOptions.knownKeys.joined(separator: ", ")))")
            }
        }
        return (options, consumed)
    }

    /// Labels become file names and anchors, so they are kept to a safe alphabet.
    static func isValidLabel(_ label: String) -> Bool {
        guard let first = label.unicodeScalars.first, CharacterSet.letters.contains(first), label.count <= 100 else { return false }
        return label.unicodeScalars.allSatisfy { $0.isASCII && (CharacterSet.alphanumerics.contains($0) || $0 == "-" || $0 == "_") }
    }
}
