/// `\begin{...} ... \end{...}` in math: matrices, `cases` and aligned equations, as `<mtable>`.
///
/// ```swift
/// MathML.render(#"\begin{pmatrix} a & b \\ c & d \end{pmatrix}"#, display: true)
/// ```
/// **Edge cases:** an unknown environment's body is still laid out as a table, preceded by an `<merror>`
/// naming it; a missing `\end` closes the table at the end of the formula.
enum MathEnvironment {
    /// Fences around each kind of matrix, and the column alignment of each environment.
    static let fences: [String: (open: String, close: String)] = [
        "matrix": ("", ""), "smallmatrix": ("", ""), "pmatrix": ("(", ")"), "bmatrix": ("[", "]"),
        "Bmatrix": ("{", "}"), "vmatrix": ("|", "|"), "Vmatrix": ("‖", "‖"), "cases": ("{", ""),
        "array": ("", ""), "aligned": ("", ""), "align": ("", ""), "align*": ("", ""), "gathered": ("", ""),
        "gather": ("", ""), "gather*": ("", ""), "split": ("", ""), "equation": ("", ""), "equation*": ("", ""),
    ]

    static func parse(_ parser: inout TeXParser, name: String) -> String {
        if name == "array" { _ = parser.rawGroup() }  // column spec: every column is centred
        let aligned = ["aligned", "align", "align*", "split"].contains(name)
        var rows: [[String]] = [[]]
        while true {
            let cell = TeXParser.row(parser.parseRow(.cell))
            rows[rows.count - 1].append(cell)
            guard parser.peek() != nil else { break }
            if parser.peek() == "&" {
                parser.i += 1
                continue
            }
            let command = parser.readCommand()
            if command == "\\" {
                rows.append([])
                continue
            }
            if command == "end" { _ = parser.rawGroup() }
            break
        }
        if rows.count > 1, rows.last == ["<mrow></mrow>"] { rows.removeLast() }  // a trailing \\
        var table = "<mtable\(aligned ? " displaystyle=\"true\"" : "")>"
        for row in rows {
            table += "<mtr>"
            for (column, cell) in row.enumerated() {
                let align = name == "cases" || (aligned && column % 2 == 1) ? "left" : aligned ? "right" : "center"
                table += "<mtd columnalign=\"\(align)\" style=\"text-align: \(align)\">\(cell)</mtd>"
            }
            table += "</mtr>"
        }
        table += "</mtable>"
        guard let fence = fences[name] else {
            return "<mrow>\(TeXParser.error("\\begin{\(name)}"))\(table)</mrow>"
        }
        let open = fence.open.isEmpty ? "" : "<mo stretchy=\"true\" form=\"prefix\" fence=\"true\">\(fence.open)</mo>"
        let close = fence.close.isEmpty ? "" : "<mo stretchy=\"true\" form=\"postfix\" fence=\"true\">\(fence.close)</mo>"
        return "<mrow>\(open)\(table)\(close)</mrow>"
    }
}
