import SpecbookFigures
import XCTest

final class EdgeCaseTests: XCTestCase {
    private func assertThrows(_ expected: FigureError, file: StaticString = #filePath, line: UInt = #line, _ body: () throws -> Void) {
        XCTAssertThrowsError(try body(), file: file, line: line) { error in
            XCTAssertEqual(error as? FigureError, expected, file: file, line: line)
            XCTAssertFalse("\(error)".isEmpty, file: file, line: line)
        }
    }

    func testEmptyDataIsAClearError() {
        let fig = Figure()
        assertThrows(.emptySeries("loss")) { try fig.axes.line(x: [], y: [], label: "loss") }
        assertThrows(.emptySeries("scatter")) { try fig.axes.scatter(x: [], y: []) }
        assertThrows(.emptySeries("heatmap")) { try fig.axes.heatmap([]) }
        assertThrows(.emptySeries("heatmap")) { try fig.axes.heatmap([[]]) }
        XCTAssertEqual(FigureError.emptySeries("loss").description, "loss: the series has no data")
    }

    func testMismatchedLengthsAreRejected() {
        let fig = Figure()
        assertThrows(.mismatchedLengths(x: 3, y: 2)) { try fig.axes.line(x: [1, 2, 3], y: [1, 2]) }
        assertThrows(.mismatchedLengths(x: 2, y: 1)) { try fig.axes.stem(x: [1, 2], y: [1]) }
        assertThrows(.mismatchedLengths(x: 2, y: 3)) { try fig.axes.fillBetween(x: [1, 2], lower: [0, 0], upper: [1, 2, 3]) }
        assertThrows(.raggedHeatmap(row: 1, expected: 2, found: 1)) { try fig.axes.heatmap([[1, 2], [3]]) }
    }

    func testAllNaNDataIsRejected() {
        let fig = Figure()
        assertThrows(.noFiniteValues("diverged")) { try fig.axes.line(x: [1, 2], y: [.nan, .nan], label: "diverged") }
        assertThrows(.noFiniteValues("heatmap")) { try fig.axes.heatmap([[.nan, .infinity]]) }
    }

    func testNaNBreaksTheLineButDraws() throws {
        let fig = Figure(width: 100, height: 100)
        fig.axes.axisVisible = false
        fig.axes.xLimits = 0...4
        fig.axes.yLimits = 0...1
        try fig.axes.line(x: [0, 1, 2, 3, 4], y: [0.5, 0.5, .nan, 0.5, 0.5], color: Color(red: 1, green: 0, blue: 0), width: 4)
        let image = try renderPNG(fig)
        XCTAssertTrue(image.isClose(25, 100, to: (255, 0, 0), tolerance: 10), "\(image.rgba(25, 100))")
        XCTAssertTrue(image.isClose(100, 100, to: (255, 255, 255)), "the gap around x = 2: \(image.rgba(100, 100))")
        XCTAssertTrue(image.isClose(175, 100, to: (255, 0, 0), tolerance: 10))
    }

    func testLogAxisMasksZerosAndNegatives() throws {
        let fig = Figure()
        try fig.axes.line(x: [-1, 0, 1, 10, 100], y: [5, 0, -3, 1e-3, 1e-1])
        try fig.axes.scatter(x: [0, 1, 2], y: [0, 1, -1])
        try fig.axes.stem(x: [1, 2, 3], y: [1, 0, 0.1])
        fig.axes.xScale = .log
        fig.axes.yScale = .log
        fig.axes.hline(0)
        // Only points with both coordinates positive count: x spans 1...100 (decades 0...2), y 1e-3...1
        // (decades -3...0); each gets a 5% margin in decades. The line at y = 0 is masked.
        let limits = try fig.axes.drawnLimits()
        XCTAssertEqual(limits.x.lowerBound, pow(10, -0.1), accuracy: 1e-12)
        XCTAssertEqual(limits.x.upperBound, pow(10, 2.1), accuracy: 1e-9)
        XCTAssertEqual(limits.y.lowerBound, pow(10, -3.15), accuracy: 1e-15)
        XCTAssertEqual(limits.y.upperBound, pow(10, 0.15), accuracy: 1e-12)
        XCTAssertEqual(try renderPNG(fig).width, Int(fig.width * 2))
        XCTAssertTrue(String(decoding: try fig.svgData(), as: UTF8.self).hasPrefix("<?xml"))
    }

    func testLogAxisWithNothingPositiveDrawsEmptyDecade() throws {
        let fig = Figure()
        try fig.axes.line(x: [1, 2, 3], y: [0, -1, -2])
        fig.axes.yScale = .log
        // No point has a positive y, so no point is drawn: the y axis shows one empty decade, 1 to 10, and the
        // x axis the default 0 to 1.
        let limits = try fig.axes.drawnLimits()
        XCTAssertEqual(limits.y, 1...10)
        XCTAssertEqual(limits.x, 0...1)
        XCTAssertEqual(try renderPNG(fig, scale: 1).width, Int(fig.width))
    }

    func testNonPositiveLogLimitsAreAClearError() {
        let fig = Figure()
        fig.axes.yScale = .log
        fig.axes.yLimits = 0...10
        XCTAssertThrowsError(try fig.pngData()) { error in
            guard case .invalidLimits(let axis, _)? = error as? FigureError else { return XCTFail("\(error)") }
            XCTAssertEqual(axis, "y")
        }
    }

    func testEqualLimitsAreAClearError() {
        let fig = Figure()
        fig.axes.xLimits = 2...2
        XCTAssertThrowsError(try fig.svgData())
    }

    func testZeroRangeDataIsWidenedAndDrawn() throws {
        let fig = Figure(width: 200, height: 150)
        try fig.axes.line(x: [1, 2, 3], y: [3, 3, 3], color: Color(red: 1, green: 0, blue: 0))
        try fig.axes.scatter(x: [5, 5], y: [5, 5])
        let image = try renderPNG(fig)
        // The flat line runs through the middle of the plot area.
        let redRows = (0..<image.height).filter { y in image.isClose(image.width / 2, y, to: (255, 0, 0), tolerance: 60) }
        XCTAssertFalse(redRows.isEmpty)
    }

    func testColorBarWithMinEqualMaxUsesTheMiddleColour() throws {
        let fig = Figure(width: 100, height: 100)
        fig.axes.axisVisible = false
        try fig.axes.heatmap([[2, 2], [2, 2]], colorBarLabel: "constant")
        let image = try renderPNG(fig)
        let mid = ColorMap.viridis.color(at: 0.5)
        let expected = (Int((mid.red * 255).rounded()), Int((mid.green * 255).rounded()), Int((mid.blue * 255).rounded()))
        XCTAssertTrue(image.isClose(5, 100, to: expected), "\(image.rgba(5, 100)) vs \(expected)")
    }

    func testHeatmapOnLogAxisNeedsPositiveExtent() throws {
        let fig = Figure()
        try fig.axes.heatmap([[1, 2], [3, 4]])
        fig.axes.xScale = .log
        XCTAssertThrowsError(try fig.pngData())
        let fixed = Figure()
        try fixed.axes.heatmap([[1, 2], [3, 4]], x: 1...1000)
        fixed.axes.xScale = .log
        XCTAssertNoThrow(try fixed.pngData(scale: 1))
    }

    func testMissingFontFallsBack() throws {
        let fig = Figure(width: 200, height: 150)
        fig.fontFamily = "No Such Font Family 42"
        try fig.axes.line(x: [0, 1], y: [0, 1], label: "line")
        fig.axes.title = "Fallback"
        let image = try renderPNG(fig)
        XCTAssertEqual(image.width, 400)
        XCTAssertNoThrow(try fig.svgData())
    }

    func testBadSizesAndGridsThrow() {
        assertThrows(.invalidGrid(rows: 0, columns: 2)) { _ = try Figure(rows: 0, columns: 2) }
        assertThrows(.invalidSize(width: 0, height: 100)) { _ = try Figure(width: 0, height: 100).pngData() }
        assertThrows(.invalidParameter(name: "width", value: -1)) { try Figure().axes.line(x: [1], y: [1], width: -1) }
        assertThrows(.invalidParameter(name: "alpha", value: 2)) { try Figure().axes.fillBetween(x: [1], y: [1], alpha: 2) }
    }

    func testEmptyFigureDrawsEmptyAxes() throws {
        let empty = Figure()
        XCTAssertEqual(try empty.axes.drawnLimits().x, 0...1)
        XCTAssertEqual(try empty.axes.drawnLimits().y, 0...1)
        XCTAssertEqual(try renderPNG(empty, scale: 1).width, Int(empty.width))
        let log = Figure()
        log.axes.xScale = .log
        XCTAssertEqual(try log.axes.drawnLimits().x, 1...10, "an empty log axis shows one decade")
        XCTAssertTrue(String(decoding: try log.svgData(), as: UTF8.self).contains("<svg"))
    }

    func testGridAccessors() throws {
        let fig = try Figure(rows: 2, columns: 3)
        XCTAssertTrue(fig.axes === fig[0, 0])
        XCTAssertTrue(fig.axes(1, 2) === fig[1, 2])
        XCTAssertEqual(fig.panels.count, 6)
        XCTAssertGreaterThan(fig.width, 640)
    }
}
