import Foundation

/// The single `main.swift` generated for a notebook: its runnable Swift blocks in order, each preceded by
/// a block marker and a `#sourceLocation` pointing back into the notebook.
public struct NotebookProgram: Sendable {
    public var source: String

    public init(notebook: Notebook) {
        let file = notebook.path.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
        var out = "import Specbook\n\n"
        let runnable = notebook.executableBlocks
        for (ordinal, block) in runnable.enumerated() {
            out += "NotebookRuntime.beginBlock(\(block.index), ordinal: \(ordinal + 1), total: \(runnable.count)\(block.options.label.map { ", label: \"\($0)\"" } ?? ""))\n"
            if block.options.error {
                // An expected error stays inside its block, so later blocks still run.
                out += "do {\n"
                out += "#sourceLocation(file: \"\(file)\", line: \(block.codeLine))\n"
                out += block.code
                out += "\n#sourceLocation()\n"
                out += "} catch { NotebookRuntime.expectedError(error) }\n\n"
            } else {
                out += "#sourceLocation(file: \"\(file)\", line: \(block.codeLine))\n"
                out += block.code
                out += "\n#sourceLocation()\n\n"
            }
        }
        out += "NotebookRuntime.finish()\n"
        source = out
    }
}
