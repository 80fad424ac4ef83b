import Foundation
import SpecbookFigures
import XCTest

final class PowerLawGuideTests: XCTestCase {
    private let red = Color(red: 1, green: 0, blue: 0)

    /// A bare 100 × 100 point log-log panel over 1...100 × 1...100: (x, y) is pixel (100 log10 x, 200 − 100 log10 y).
    private func logLog() -> Figure {
        let fig = Figure(width: 100, height: 100)
        fig.axes.axisVisible = false
        fig.axes.xScale = .log
        fig.axes.yScale = .log
        fig.axes.xLimits = 1...100
        fig.axes.yLimits = 1...100
        return fig
    }

    func testGuideIsTheStraightLineOfItsSlopeThroughThePoint() throws {
        let fig = logLog()
        // y = 10 (x / 10)^-1 = 100 / x: from (1, 100) to (100, 1), the falling diagonal.
        try fig.axes.powerLawGuide(exponent: -1, through: (x: 10, y: 10), color: red, style: .solid, width: 2)
        let image = try renderPNG(fig)
        for column in [10, 60, 100, 150, 190] {
            XCTAssertTrue(image.isClose(column, column, to: (255, 0, 0), tolerance: 40), "(\(column), \(column)): \(image.rgba(column, column))")
        }
        XCTAssertTrue(image.isClose(100, 60, to: (255, 255, 255)), "off the line")
        XCTAssertTrue(image.isClose(60, 140, to: (255, 255, 255)), "the rising diagonal is empty")
    }

    func testHalfSlopeAndARestrictedRange() throws {
        let fig = logLog()
        // y = 10 x^0.5 over 1...10 only: from (1, 10), pixel (0, 100), to (10, 31.6), pixel (100, 50).
        try fig.axes.powerLawGuide(exponent: 0.5, through: (x: 1, y: 10), over: 1...10, color: red, style: .solid, width: 2)
        let image = try renderPNG(fig)
        XCTAssertTrue(image.isClose(50, 75, to: (255, 0, 0), tolerance: 40), "\(image.rgba(50, 75))")
        XCTAssertTrue(image.isClose(90, 55, to: (255, 0, 0), tolerance: 40))
        XCTAssertTrue(image.isClose(150, 25, to: (255, 255, 255)), "past the range: \(image.rgba(150, 25))")
    }

    func testLinearAxesDrawTheCurve() throws {
        let fig = Figure(width: 100, height: 100)
        fig.axes.axisVisible = false
        fig.axes.xLimits = 0...2
        fig.axes.yLimits = 0...4
        // y = x^2: at x = 1 (column 100) y = 1 (row 150), at x = 1.5 (column 150) y = 2.25 (row 87.5).
        try fig.axes.powerLawGuide(exponent: 2, through: (x: 2, y: 4), color: red, style: .solid, width: 2)
        let image = try renderPNG(fig)
        XCTAssertTrue(image.isClose(100, 150, to: (255, 0, 0), tolerance: 40), "\(image.rgba(100, 150))")
        XCTAssertTrue(image.isClose(150, 88, to: (255, 0, 0), tolerance: 60), "\(image.rgba(150, 88))")
        XCTAssertTrue(image.isClose(100, 100, to: (255, 255, 255)))
    }

    func testGuideLeavesTheLimitsAloneAndValidates() throws {
        let fig = Figure()
        try fig.axes.line(x: [1, 10], y: [1, 10])
        fig.axes.xScale = .log
        fig.axes.yScale = .log
        let before = try fig.axes.drawnLimits()
        try fig.axes.powerLawGuide(exponent: -3, through: (x: 1000, y: 1e-6), label: "∝ k^{−3}")
        XCTAssertEqual(try fig.axes.drawnLimits().y, before.y)
        XCTAssertEqual(try fig.axes.drawnLimits().x, before.x)
        XCTAssertThrowsError(try fig.axes.powerLawGuide(exponent: .nan, through: (x: 1, y: 1)))
        XCTAssertThrowsError(try fig.axes.powerLawGuide(exponent: 1, through: (x: 0, y: 1)))
        XCTAssertThrowsError(try fig.axes.powerLawGuide(exponent: 1, through: (x: 1, y: .infinity)))
        // A labelled guide shows in the legend, in both themes.
        XCTAssertGreaterThan(try fig.pngData(theme: .dark, scale: 1).count, 1000)
    }
}
