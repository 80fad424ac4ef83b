import Foundation
import SpecbookFigures
import XCTest

final class LogColorScaleTests: XCTestCase {
    /// Grey level of the cell centres of a bare 1 × n heat map drawn across a 100-point-wide panel (scale 2).
    private func cellGreys(_ values: [Double], scale: AxisScale, limits: ClosedRange<Double>? = nil) throws -> [Int] {
        let fig = Figure(width: 100, height: 40)
        fig.axes.axisVisible = false
        try fig.axes.heatmap([values], colorMap: .grays, colorScale: scale, limits: limits, colorBar: false)
        let image = try renderPNG(fig)
        let width = Double(image.width) / Double(values.count)
        return values.indices.map { image.rgba(Int((Double($0) + 0.5) * width), image.height / 2).r }
    }

    func testDecadesAreSpreadEvenlyOverTheMap() throws {
        // 1, 10, 100 on a log scale: black, the middle grey, white; on a linear scale 10 is nearly black.
        let log = try cellGreys([1, 10, 100], scale: .log)
        XCTAssertEqual(log[0], 0)
        XCTAssertEqual(Double(log[1]), 127.5, accuracy: 1.5)
        XCTAssertEqual(log[2], 255)
        let linear = try cellGreys([1, 10, 100], scale: .linear)
        XCTAssertEqual(Double(linear[1]), 255 * 9 / 99, accuracy: 1.5)
        // With limits 1e-4 ... 1, 1e-3 sits a quarter of the way up.
        let quarter = try cellGreys([1e-3, 1e-2, 1e-1], scale: .log, limits: 1e-4...1)
        for (grey, expected) in zip(quarter, [0.25, 0.5, 0.75]) { XCTAssertEqual(Double(grey), 255 * expected, accuracy: 1.5) }
    }

    func testNonPositiveCellsAreTransparentAndLimitsSpanThePositiveValues() throws {
        // 0 and -5 are not on a log scale: the white background shows; 1 and 100 are the ends.
        let greys = try cellGreys([0, 1, 100, -5], scale: .log)
        XCTAssertEqual(greys, [255, 0, 255, 255])
        let fig = Figure()
        XCTAssertThrowsError(try fig.axes.heatmap([[0, -1]], colorScale: .log)) { error in
            guard case .invalidLimits? = error as? FigureError else { return XCTFail("\(error)") }
        }
        XCTAssertThrowsError(try fig.axes.heatmap([[1, 2]], colorScale: .log, limits: 0...1))
        XCTAssertNoThrow(try fig.axes.heatmap([[0, -1]], colorScale: .linear))
    }

    func testColourBarTicksSitAtTheDecades() throws {
        // A bare 200 × 200 point heat map spanning 1 ... 1000; its colour bar runs the plot's full height, so
        // decade k sits k/3 of the way up: pixel row 400 (1 − k/3).
        let fig = Figure(width: 200, height: 200)
        fig.axes.axisVisible = false
        try fig.axes.heatmap([[1, 1000], [1000, 1]], colorMap: .viridis, colorScale: .log, colorBarLabel: "error")
        let image = try renderPNG(fig)
        // The plot ends where the background starts along the middle row; the bar begins 12 points later and is 14 wide.
        var plotEnd = 0
        while plotEnd < image.width, !image.isClose(plotEnd, 200, to: (255, 255, 255)) { plotEnd += 1 }
        let tickColumn = plotEnd + 24 + 28 + 8          // 4 points past the bar: only major ticks (5 points) reach
        func dark(_ y: Int) -> Bool { (y - 2...y + 2).contains { image.rgba(tickColumn, $0).r < 120 } }
        for k in 1...2 { XCTAssertTrue(dark(Int(400 * (1 - Double(k) / 3))), "decade \(k)") }
        // A linear bar would put ticks at 200, 400, ...: fractions 0.2 and 0.4.
        for fraction in [0.2, 0.4] { XCTAssertFalse(dark(Int(400 * (1 - fraction))), "no tick at \(fraction)") }
        // Minor ticks (3 points) show next to the bar at 2 × 10^0, a fraction log10(2)/3 up.
        let minorColumn = plotEnd + 24 + 28 + 3
        let row = Int(400 * (1 - Foundation.log10(2.0) / 3))
        XCTAssertTrue((row - 2...row + 2).contains { image.rgba(minorColumn, $0).r < 120 }, "minor tick at 2")
        XCTAssertNoThrow(try fig.svgData(theme: .dark))
    }
}
