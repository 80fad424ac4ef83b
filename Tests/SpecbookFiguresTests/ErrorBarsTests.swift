import Foundation
import SpecbookFigures
import XCTest

final class ErrorBarsTests: XCTestCase {
    private let red = Color(red: 1, green: 0, blue: 0)

    /// A 100 × 100 point panel without furniture over 0...4 × 0...4: data (x, y) is pixel (50x, 200 − 50y) at scale 2.
    private func bare() -> Figure {
        let fig = Figure(width: 100, height: 100)
        fig.axes.axisVisible = false
        fig.axes.xLimits = 0...4
        fig.axes.yLimits = 0...4
        return fig
    }

    func testBarSpansTheErrorAndCapsItsEnds() throws {
        let fig = bare()
        try fig.axes.errorBars(x: [2], y: [2], yError: [1], color: red, marker: nil, width: 2, capSize: 8)
        let image = try renderPNG(fig)
        // The bar runs from y = 1 (pixel row 150) to y = 3 (row 50) along column 100.
        for row in [55, 100, 145] { XCTAssertTrue(image.isClose(100, row, to: (255, 0, 0), tolerance: 10), "row \(row): \(image.rgba(100, row))") }
        for row in [40, 160] { XCTAssertTrue(image.isClose(100, row, to: (255, 255, 255)), "beyond the bar, row \(row)") }
        // Caps 8 points wide: 8 pixels each side of the bar at its ends, nothing beside its middle.
        XCTAssertTrue(image.isClose(106, 50, to: (255, 0, 0), tolerance: 30), "\(image.rgba(106, 50))")
        XCTAssertTrue(image.isClose(94, 150, to: (255, 0, 0), tolerance: 30), "\(image.rgba(94, 150))")
        XCTAssertTrue(image.isClose(106, 100, to: (255, 255, 255)))
        XCTAssertTrue(image.isClose(112, 50, to: (255, 255, 255)), "the cap ends at 4 points")
    }

    func testHorizontalBarsAndMarkers() throws {
        let fig = bare()
        try fig.axes.errorBars(x: [1], y: [3], yError: [0.5], xError: [0.8], color: red, marker: .square, markerSize: 10, capSize: 0)
        let image = try renderPNG(fig)
        // x from 0.2 to 1.8 (columns 10 to 90) along row 50; the square covers the point itself.
        for column in [15, 30, 70, 85] { XCTAssertTrue(image.isClose(column, 50, to: (255, 0, 0), tolerance: 10), "column \(column)") }
        XCTAssertTrue(image.isClose(95, 50, to: (255, 255, 255)))
        XCTAssertTrue(image.isClose(58, 42, to: (255, 0, 0), tolerance: 10), "the marker: \(image.rgba(58, 42))")
    }

    func testLimitsIncludeTheBarEnds() throws {
        let fig = Figure()
        try fig.axes.errorBars(x: [1, 2, 3], y: [1, 2, 3], yError: [2, 0.5, 1])
        // y spans -1 ... 4 with 5% margins.
        let limits = try fig.axes.drawnLimits()
        XCTAssertEqual(limits.y.lowerBound, -1.25, accuracy: 1e-12)
        XCTAssertEqual(limits.y.upperBound, 4.25, accuracy: 1e-12)
        XCTAssertEqual(limits.x.lowerBound, 0.9, accuracy: 1e-12)
    }

    func testOnALogAxisAnEndBelowZeroReachesTheBottomEdge() throws {
        let fig = bare()
        fig.axes.yScale = .log
        fig.axes.yLimits = 1...100
        try fig.axes.errorBars(x: [2], y: [10], yError: [20], color: red, marker: nil, width: 2, capSize: 0)
        let image = try renderPNG(fig)
        // From the bottom edge (10 − 20 < 0) up to 30, i.e. row 200 − 200 log10(30) / 2 ≈ 52.
        XCTAssertTrue(image.isClose(100, 195, to: (255, 0, 0), tolerance: 10), "\(image.rgba(100, 195))")
        XCTAssertTrue(image.isClose(100, 60, to: (255, 0, 0), tolerance: 10))
        XCTAssertTrue(image.isClose(100, 40, to: (255, 255, 255)))
    }

    func testBadErrorsAreRejectedAndNaNErrorsSkipped() throws {
        let fig = Figure()
        XCTAssertThrowsError(try fig.axes.errorBars(x: [1, 2], y: [1, 2], yError: [1])) { error in
            XCTAssertEqual(error as? FigureError, .mismatchedLengths(x: 2, y: 1))
        }
        XCTAssertThrowsError(try fig.axes.errorBars(x: [1], y: [1], yError: [-0.5])) { error in
            XCTAssertEqual(error as? FigureError, .invalidParameter(name: "error", value: -0.5))
        }
        XCTAssertThrowsError(try fig.axes.errorBars(x: [1], y: [1], yError: [1], xError: [1, 2]))
        let nan = bare()
        try nan.axes.errorBars(x: [2], y: [2], yError: [.nan], color: red, marker: .circle, markerSize: 10)
        let image = try renderPNG(nan)
        XCTAssertTrue(image.isClose(100, 100, to: (255, 0, 0), tolerance: 10), "the marker stays")
        XCTAssertTrue(image.isClose(100, 70, to: (255, 255, 255)), "no bar")
    }

    func testLegendAndDarkThemeDraw() throws {
        let fig = Figure(width: 300, height: 200)
        try fig.axes.errorBars(x: [1, 2], y: [1, 2], yError: [0.2, 0.3], label: "estimate ± half-width")
        let light = try renderPNG(fig, scale: 1), dark = try renderPNG(fig, theme: .dark, scale: 1)
        XCTAssertEqual(light.width, 300)
        XCTAssertFalse(dark.isClose(2, 2, to: (255, 255, 255)), "dark background")
    }

    func testBlackBarsStayVisibleOnTheDarkBackground() throws {
        let fig = bare()
        try fig.axes.errorBars(x: [2], y: [2], yError: [1], color: .black, marker: nil, width: 2, capSize: 0)
        XCTAssertTrue(try renderPNG(fig).isClose(100, 100, to: (0x1a, 0x1a, 0x1a), tolerance: 10), "black is drawn as the ink colour")
        let dark = try renderPNG(fig, theme: .dark)
        XCTAssertTrue(dark.isClose(100, 100, to: (0xe6, 0xe6, 0xe6), tolerance: 10), "\(dark.rgba(100, 100))")
    }
}
