import Foundation
import SpecbookNotebook
import SpecbookSite
import SpecbookWire
import XCTest

/// Which page column each cell takes: the `column:` option, or the width its outputs need.
final class PageColumnTests: XCTestCase {
    private let source = """
        ---
        title: Columns
        ---

        ```swift
        print("short")
        ```

        ```swift
        print("a long line")
        ```

        ```swift
        //| column: body-outset
        print("chosen")
        ```

        ```swift
        let wideFigure = 1
        ```

        ```swift
        let wideTable = 1
        ```

        ```swift
        //| column: body
        let keptNarrow = 1
        ```
        """

    private func table(columns: Int, cell: String) -> TableOutput {
        try! JSONDecoder().decode(TableOutput.self, from: JSONEncoder().encode(
            ["rows": [[String]](repeating: [String](repeating: cell, count: columns), count: 3)]))
    }

    private func html() throws -> String { try rendered().html }

    private func rendered() throws -> RenderedPage {
        let notebook = try NotebookParser.parse(source: source, path: "notebooks/c.md", name: "c")
        var blocks: [Int: BlockResult] = [:]
        for index in 0..<6 { blocks[index] = BlockResult() }
        blocks[0]!.stdout = "short\n"
        blocks[1]!.stdout = "PASS " + String(repeating: "x", count: 120) + "\n"
        blocks[2]!.stdout = "chosen\n"
        blocks[3]!.figures = [FigureOutput(FigureRecord(block: 3, files: FigureFiles(stem: "w"), width: 1000, height: 400))]
        blocks[4]!.tables = [table(columns: 7, cell: "$\\alpha_{\\mathrm{eff}}$ and twelve")]
        blocks[5]!.figures = [FigureOutput(FigureRecord(block: 5, files: FigureFiles(stem: "n"), width: 1000, height: 400))]
        let result = NotebookResult(status: .ok, blocks: blocks)
        let page = SitePage(notebook: notebook, result: result, outputFolder: nil, provenance: TestProvenance(seed: 1, seconds: 0.1))
        return PageRenderer(siteTitle: "R").render(page, previous: nil, next: nil)
    }

    private func classOfCell(_ index: Int, in html: String) -> String? {
        guard let id = html.range(of: "id=\"cell-\(index)\"") else { return nil }
        let open = html[..<id.lowerBound].range(of: "<div class=\"", options: .backwards)!
        return String(html[open.upperBound...].prefix { $0 != "\"" })
    }

    func testWideOutputsTakeThePageColumnAndTheOptionWins() throws {
        let html = try html()
        XCTAssertEqual(classOfCell(0, in: html), "cell", "a short output keeps the reading column")
        XCTAssertEqual(classOfCell(1, in: html), "cell column-page", "a 125-character line needs the page width")
        XCTAssertEqual(classOfCell(2, in: html), "cell column-body-outset", "the block option chooses")
        XCTAssertEqual(classOfCell(3, in: html), "cell column-page", "a 1000-px figure is wider than the column")
        XCTAssertEqual(classOfCell(4, in: html), "cell column-page", "seven columns of text")
        XCTAssertEqual(classOfCell(5, in: html), "cell", "column: body keeps even a wide figure in the column")
        XCTAssertTrue(html.contains("<td class=\"nowrap\"><math"), "a short cell stays on one line")
    }

    func testTableWidthCountsWhatTheReaderSees() {
        let tex = table(columns: 1, cell: "$\\alpha_{c}$"), plain = table(columns: 1, cell: "ac")
        XCTAssertEqual(CellRenderer.estimatedWidth(of: tex), CellRenderer.estimatedWidth(of: plain))
        XCTAssertEqual(CellRenderer.estimatedWidth(of: table(columns: 0, cell: "")), 0)
    }

    func testAFigureWiderThanItsColumnIsAWarningAtItsBlock() throws {
        let warnings = try rendered().warnings
        XCTAssertEqual(warnings.count, 1, "\(warnings)")
        XCTAssertTrue(warnings.first?.hasPrefix("notebooks/c.md:26: warning: figure ") == true, "\(warnings)")
        XCTAssertTrue(warnings.first?.contains("is 1000 px wide but the body column shows 704 px") == true, "\(warnings)")
    }
}
