import SpecbookFigures
import XCTest

final class DeterminismTests: XCTestCase {
    private func makeFigure() throws -> Figure {
        let fig = try Figure(rows: 1, columns: 2)
        let x = (0..<300).map { Double($0) / 30 }
        try fig[0, 0].line(x: x, y: x.map { sin($0) }, label: "sin")
        try fig[0, 0].scatter(x: [1, 2, 3], y: [0.5, -0.5, 0], label: "points", marker: .square)
        fig[0, 0].title = "Lines"
        try fig[0, 1].heatmap((0..<20).map { r in (0..<30).map { c in sin(Double(r * c) / 50) } }, colorMap: .rdBu, colorBarLabel: "value")
        fig.suptitle = "Same input, same bytes"
        return fig
    }

    func testPNGAndSVGBytesRepeat() throws {
        for theme in [FigureTheme.light, .dark] {
            // Compared as Booleans: a failure message holding two whole files helps nobody.
            XCTAssertTrue(try makeFigure().pngData(theme: theme) == makeFigure().pngData(theme: theme), "PNG \(theme)")
            XCTAssertTrue(try makeFigure().svgData(theme: theme) == makeFigure().svgData(theme: theme), "SVG \(theme)")
        }
    }

    func testWrittenFilesRepeat() throws {
        let folder = try temporaryFolder()
        let fig = try makeFigure()
        for format in [FigureFormat.png, .svg] {
            let a = folder.appendingPathComponent("a.\(format.rawValue)"), b = folder.appendingPathComponent("b.\(format.rawValue)")
            try fig.write(to: a, format: format)
            try fig.write(to: b, format: format)
            XCTAssertTrue(try Data(contentsOf: a) == Data(contentsOf: b), "\(format) files differ")
        }
    }
}
