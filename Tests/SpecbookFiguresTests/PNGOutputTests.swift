import SpecbookFigures
import XCTest

final class PNGOutputTests: XCTestCase {
    /// A bare 100 x 100 point panel where data (0, 0)...(1, 1) fills the whole image.
    private func barePanel() -> Figure {
        let fig = Figure(width: 100, height: 100)
        fig.axes.axisVisible = false
        fig.axes.xLimits = 0...1
        fig.axes.yLimits = 0...1
        return fig
    }

    func testRedDiagonalLightsTheDiagonalPixels() throws {
        let fig = barePanel()
        try fig.axes.line(x: [0, 1], y: [0, 1], color: Color(red: 1, green: 0, blue: 0), width: 2)
        let image = try renderPNG(fig)
        XCTAssertEqual(image.width, 200)
        XCTAssertEqual(image.height, 200)
        for i in stride(from: 5, to: 195, by: 7) {
            // y grows upwards in data and downwards in the image.
            XCTAssertTrue(image.isClose(i, 199 - i, to: (255, 0, 0), tolerance: 40), "pixel \(i), \(199 - i): \(image.rgba(i, 199 - i))")
            XCTAssertTrue(image.isClose(i, i, to: (255, 255, 255)) || abs(i - 100) < 6, "pixel \(i), \(i) should be background")
        }
        XCTAssertTrue(image.isClose(20, 20, to: (255, 255, 255)))
        XCTAssertEqual(image.rgba(0, 0).a, 255)
    }

    func testHeatmapCornersTakeTheMapEnds() throws {
        let grid = (0..<10).map { row in (0..<10).map { column in Double(row + column) } }
        let viridisLow = (68, 1, 84), viridisHigh = (253, 231, 37)
        for origin in [HeatmapOrigin.lower, .upper] {
            let fig = Figure(width: 100, height: 100)
            fig.axes.axisVisible = false
            try fig.axes.heatmap(grid, origin: origin, colorBar: false)
            let image = try renderPNG(fig)
            // Row 0, column 0 holds the minimum: bottom left for .lower, top left for .upper.
            let lowY = origin == .lower ? 197 : 2, highY = origin == .lower ? 2 : 197
            XCTAssertTrue(image.isClose(2, lowY, to: viridisLow), "\(origin) low corner \(image.rgba(2, lowY))")
            XCTAssertTrue(image.isClose(197, highY, to: viridisHigh), "\(origin) high corner \(image.rgba(197, highY))")
        }
    }

    func testDivergingMapEnds() throws {
        let fig = Figure(width: 50, height: 50)
        fig.axes.axisVisible = false
        try fig.axes.heatmap([[-1, 1]], colorMap: .rdBu, colorBar: false)
        let image = try renderPNG(fig, scale: 1)
        XCTAssertTrue(image.isClose(5, 25, to: (0x67, 0x00, 0x1f)), "\(image.rgba(5, 25))")
        XCTAssertTrue(image.isClose(45, 25, to: (0x05, 0x30, 0x61)), "\(image.rgba(45, 25))")
    }

    func testDarkThemePaintsDarkBackgroundAndLightAxes() throws {
        let fig = Figure(width: 200, height: 150)
        try fig.axes.line(x: [0, 1, 2], y: [1, 3, 2])
        let light = try renderPNG(fig, theme: .light), dark = try renderPNG(fig, theme: .dark)
        XCTAssertTrue(light.isClose(1, 1, to: (255, 255, 255)))
        XCTAssertTrue(dark.isClose(1, 1, to: (0x16, 0x18, 0x1d)))
        // Somewhere along the middle row the axes' frame is light on dark.
        let bright = (0..<dark.width).contains { dark.rgba($0, dark.height / 2).r > 200 }
        XCTAssertTrue(bright)
    }

    func testScaleSetsThePixelSize() throws {
        let fig = Figure(width: 120, height: 80)
        try fig.axes.line(x: [0, 1], y: [0, 1])
        let image = try renderPNG(fig, scale: 1)
        XCTAssertEqual(image.width, 120)
        XCTAssertEqual(image.height, 80)
    }

    func testOpaqueFigureIsEncodedAsRGB() throws {
        let fig = barePanel()
        let data = try fig.pngData(scale: 1)
        XCTAssertEqual(Array(data.prefix(8)), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        XCTAssertEqual(data[25], 2, "colour type RGB for an opaque figure")
    }
}
