import Foundation
import SpecbookNotebook

extension CellRenderer {
    /// Width of the reading column on a wide screen, in CSS pixels (46rem).
    public static let bodyWidth = 736.0
    /// The widest figure each column shows at its own size (the column less the output box's padding and border):
    /// a wider one is scaled down, and its smallest text falls below 10 CSS px.
    public static func figureWidth(in column: PageColumn) -> Double {
        switch column {
        case .body: return 704
        case .bodyOutset: return 768
        case .page: return 1000
        }
    }
    /// Table cells up to this many visible characters are kept on one line.
    static let unbrokenCellCharacters = 36
    /// Characters of printed output that fit one line of the reading column (monospace at 0.86em, about 7.7 px each).
    static let bodyOutputCharacters = 90

    /// The page column a block takes: its `column:` option, else `page` when a figure, table or printed line is
    /// wider than the reading column, else `body`.
    ///
    /// ```swift
    /// let column = renderer.column(of: block)   // .page for a 1000-px figure
    /// ```
    /// **Edge cases:** a block without outputs, or with `output: false`, keeps the body column; on a phone every
    /// column is the screen's width (the stylesheet decides).
    func column(of block: NotebookBlock) -> PageColumn {
        if let column = block.options.column { return column }
        guard block.options.output, let result = page.result?.blocks[block.index] else { return .body }
        if result.figures.contains(where: { $0.width > Self.figureWidth(in: .body) }) { return .page }
        if result.tables.contains(where: { Self.estimatedWidth(of: $0) > Self.bodyWidth }) { return .page }
        let printed = [result.stdout, result.stderr] + result.texts
        let longest = printed.flatMap { $0.split(separator: "\n") }.map(\.count).max() ?? 0
        return longest > Self.bodyOutputCharacters ? .page : .body
    }

    /// The width a table asks for in CSS pixels: each column's longest cell at about 8.4 px a character (0.95rem
    /// text), plus the cell padding and border.
    ///
    /// ```swift
    /// CellRenderer.estimatedWidth(of: table) > CellRenderer.bodyWidth   // the cell takes the page column
    /// ```
    /// **Edge cases:** TeX in a cell counts a command such as `\alpha` as one character and drops `$`, braces and
    /// script marks; an empty table is 0 wide.
    public static func estimatedWidth(of table: TableOutput) -> Double {
        guard let columns = table.rows.map(\.count).max(), columns > 0 else { return 0 }
        var widest = [Int](repeating: 0, count: columns)
        for row in table.rows {
            for (i, cell) in row.enumerated() { widest[i] = max(widest[i], visibleLength(cell)) }
        }
        return widest.reduce(0.0) { $0 + Double($1) * 8.4 + 25 }
    }

    /// Characters a reader sees in a cell whose `$...$` becomes MathML.
    static func visibleLength(_ cell: String) -> Int {
        var count = 0
        var chars = Substring(cell)
        while let c = chars.first {
            chars = chars.dropFirst()
            if c == "\\" {
                let name = chars.prefix { $0.isLetter }
                chars = chars.dropFirst(max(name.count, 1))
                count += 1
            } else if !"${}^_".contains(c) {
                count += 1
            }
        }
        return count
    }
}

extension CellRenderer {
    /// A build warning for each figure wider than its column shows at its own size, naming the block's line.
    ///
    /// ```swift
    /// // notebooks/x.md:12: warning: figure 2 is 1400 px wide but the page column shows 1000 px: …
    /// ```
    /// **Edge cases:** blocks without a run result or with `output: false` raise none.
    func figureWidthWarnings() -> [String] {
        var warnings: [String] = []
        for block in page.notebook.swiftBlocks where block.options.output {
            guard let result = page.result?.blocks[block.index] else { continue }
            let column = column(of: block), limit = Self.figureWidth(in: column)
            for (position, figure) in result.figures.enumerated() where figure.width > limit {
                let number = figures["\(block.index)/\(position)"]?.number ?? position + 1
                let scale = String(format: "%.0f%%", 100 * limit / figure.width)
                warnings.append("\(page.notebook.path):\(block.fenceLine): warning: figure \(number) is \(Int(figure.width)) px wide "
                    + "but the \(column.rawValue) column shows \(Int(limit)) px, so its text is drawn at \(scale) of its size "
                    + "(below 10 CSS px); make it at most \(Int(limit)) wide")
            }
        }
        return warnings
    }
}
