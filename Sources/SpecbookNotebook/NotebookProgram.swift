import Foundation

/// The single `main.swift` generated for a notebook: the runtime's start, then its runnable Swift blocks in order,
/// each preceded by a block marker and a `#sourceLocation` pointing back into the notebook.
///
/// ```swift
/// let program = NotebookProgram(notebook: notebook)
/// try program.source.write(to: main, atomically: true, encoding: .utf8)
/// hash.update(program.runnableSource)   // what runs, without the line directives
/// ```
public struct NotebookProgram: Sendable, Equatable {
    /// The program as compiled.
    public var source: String
    /// The same program without its `#sourceLocation` directives: what runs, independent of where the
    /// blocks sit in the notebook, so a prose edit that moves lines leaves it unchanged.
    public var runnableSource: String

    /// The program of `notebook`, starting with `import Specbook` and the `imports` lines (the project's modules).
    public init(notebook: Notebook, imports: [String] = []) {
        let file = notebook.path.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        var source = (["import Specbook"] + imports).joined(separator: "\n") + "\n\n"
        var runnable = source
        func emit(_ code: String, lineDirective: String? = nil) {
            source += lineDirective ?? code
            if lineDirective == nil { runnable += code }
        }
        let blocks = notebook.executableBlocks
        emit("NotebookRuntime.start()\n")
        for (ordinal, block) in blocks.enumerated() {
            let label = block.options.label.map { ", label: \(Self.literal($0))" } ?? ""
            emit("NotebookRuntime.beginBlock(\(block.index), ordinal: \(ordinal + 1), total: \(blocks.count)\(label))\n")
            // An expected error stays inside its block, so later blocks still run.
            if block.options.error { emit("do {\n") }
            emit("", lineDirective: "#sourceLocation(file: \"\(file)\", line: \(block.codeLine))\n")
            emit(block.code)
            emit("\n")
            emit("", lineDirective: "#sourceLocation()\n")
            emit(block.options.error ? "} catch { NotebookRuntime.expectedError(error) }\n\n" : "\n")
        }
        emit("NotebookRuntime.finish()\n")
        self.source = source
        runnableSource = runnable
    }

    /// `text` as a Swift string literal.
    static func literal(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
