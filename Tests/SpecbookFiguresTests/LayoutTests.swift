import SpecbookFigures
import XCTest

final class LayoutTests: XCTestCase {
    /// The plot area in `columns` of the image: the longest run of the heat map's colour along
    /// the middle row, then the longest run down the middle of that.
    private func plotBox(_ image: ImageProbe, colour: (Int, Int, Int), columns: Range<Int>) -> (x0: Int, y0: Int, x1: Int, y1: Int) {
        func longestRun(_ positions: [Int], _ matches: (Int) -> Bool) -> (Int, Int) {
            var best = (0, -1), start: Int? = nil
            for p in positions + [Int.max] {
                if p != Int.max, matches(p) { if start == nil { start = p } } else if let s = start {
                    let end = p == Int.max ? positions.last! : p - 1
                    if end - s > best.1 - best.0 { best = (s, end) }
                    start = nil
                }
            }
            return best
        }
        let row = image.height / 2
        let (x0, x1) = longestRun(Array(columns)) { image.isClose($0, row, to: colour, tolerance: 1) }
        let (y0, y1) = longestRun(Array(0..<image.height)) { image.isClose((x0 + x1) / 2, $0, to: colour, tolerance: 1) }
        return (x0, y0, x1, y1)
    }

    func testLabelsStayOutsideThePlotArea() throws {
        for theme in [FigureTheme.light, .dark] {
            let fig = try Figure(rows: 1, columns: 2, width: 500, height: 260)
            fig.suptitle = "Suptitle"
            for column in 0..<2 {
                let ax = fig[0, column]
                // A constant heat map paints the whole plot area one colour, so any label drawn inside shows.
                try ax.heatmap([[5, 5], [5, 5]], x: 0...200_000, y: 0...1e-6, colorBarLabel: "value")
                ax.title = "Panel \(column)"
                ax.xLabel = "x label"
                ax.yLabel = "y label"
            }
            let image = try renderPNG(fig, theme: theme)
            let mid = ColorMap.viridis.color(at: 0.5)
            let colour = (Int((mid.red * 255).rounded()), Int((mid.green * 255).rounded()), Int((mid.blue * 255).rounded()))
            var stray = 0
            for half in [0..<(image.width / 2), (image.width / 2)..<image.width] {
                let box = plotBox(image, colour: colour, columns: half)
                XCTAssertGreaterThan(box.x1 - box.x0, 100)
                XCTAssertGreaterThan(box.y1 - box.y0, 100)
                // One pixel in from the edges, every pixel is the heat map's colour: no label or tick inside.
                for y in (box.y0 + 1)...(box.y1 - 1) {
                    for x in (box.x0 + 1)...(box.x1 - 1) where !image.isClose(x, y, to: colour, tolerance: 1) { stray += 1 }
                }
            }
            XCTAssertEqual(stray, 0, "\(theme): \(stray) pixels of text or ticks inside a plot area")
        }
    }

    func testDarkThemeLightensTheColourCycle() throws {
        func centre(_ theme: FigureTheme) throws -> (r: Int, g: Int, b: Int, a: Int) {
            let fig = Figure(width: 100, height: 100)
            fig.axes.axisVisible = false
            fig.axes.xLimits = 0...1
            fig.axes.yLimits = 0...1
            try fig.axes.line(x: [0, 1], y: [0.5, 0.5], width: 10)
            return try renderPNG(fig, theme: theme).rgba(100, 100)
        }
        let light = try centre(.light), dark = try centre(.dark)
        XCTAssertEqual(light.r, 0x1f, accuracy: 2)
        XCTAssertEqual(light.g, 0x77, accuracy: 2)
        XCTAssertEqual(light.b, 0xb4, accuracy: 2)
        XCTAssertGreaterThan(dark.r + dark.g + dark.b, light.r + light.g + light.b + 60)
    }
}
