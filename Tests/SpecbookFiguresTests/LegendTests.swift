import SpecbookFigures
import XCTest

final class LegendTests: XCTestCase {
    /// A figure whose data crowds the upper right and lower left, labelled so it gets a legend.
    private func crowded(_ location: LegendLocation?) throws -> Figure {
        let fig = Figure(width: 300, height: 200)
        let cornerX = (0..<50).map { 0.8 + 0.2 * Double($0) / 49 }
        try fig.axes.scatter(x: cornerX, y: cornerX, label: "upper right")
        try fig.axes.scatter(x: cornerX.map { $0 - 0.8 }, y: cornerX.map { $0 - 0.8 }, label: "lower left")
        if let location { fig.axes.legend(location: location) }
        return fig
    }

    func testBestAvoidsTheData() throws {
        // Upper right is full, so "best" moves on to the next candidate in matplotlib's order.
        let best = try crowded(.best).pngData(scale: 1)
        XCTAssertTrue(best == (try crowded(.upperLeft).pngData(scale: 1)), "best should pick upper left")
        XCTAssertFalse(best == (try crowded(.upperRight).pngData(scale: 1)))
    }

    func testBestIsTheDefaultAndNilHidesTheLegend() throws {
        let fig = try crowded(nil)
        XCTAssertTrue(try fig.pngData(scale: 1) == crowded(.best).pngData(scale: 1))
        fig.axes.legendLocation = nil
        let unlabelled = Figure(width: 300, height: 200)
        let cornerX = (0..<50).map { 0.8 + 0.2 * Double($0) / 49 }
        try unlabelled.axes.scatter(x: cornerX, y: cornerX)
        try unlabelled.axes.scatter(x: cornerX.map { $0 - 0.8 }, y: cornerX.map { $0 - 0.8 })
        XCTAssertTrue(try fig.pngData(scale: 1) == unlabelled.pngData(scale: 1), "no legend drawn")
    }

    func testSharedAxesDrawAndHideInnerTickLabels() throws {
        let shared = try Figure(rows: 2, columns: 1, sharex: true)
        try shared[0, 0].line(x: [0, 1], y: [0, 1])
        try shared[1, 0].line(x: [0, 10], y: [0, 1])
        let separate = try Figure(rows: 2, columns: 1)
        try separate[0, 0].line(x: [0, 1], y: [0, 1])
        try separate[1, 0].line(x: [0, 10], y: [0, 1])
        XCTAssertFalse(try shared.pngData(scale: 1) == separate.pngData(scale: 1))
        XCTAssertNoThrow(try shared.svgData())
    }

    /// The x of the first text-layer run reading `label` in the figure's SVG.
    private func textX(_ label: String, in fig: Figure) throws -> Double? {
        let svg = String(decoding: try fig.svgData(), as: UTF8.self)
        guard let end = svg.range(of: ">\(label)</text>") else { return nil }
        let line = svg[svg[..<end.lowerBound].range(of: "<text", options: .backwards)!.lowerBound..<end.lowerBound]
        guard let x = line.range(of: "x=\"") else { return nil }
        return Double(line[x.upperBound...].prefix { $0 != "\"" })
    }

    func testBestLeavesAFullUpperRightCorner() throws {
        let fig = try crowded(.best)
        let label = try XCTUnwrap(textX("upper right", in: fig)), rightTick = try XCTUnwrap(textX("1.0", in: fig))
        XCTAssertLessThan(label, rightTick / 2, "the legend moved to the left half")
    }

    func testNoFreeCornerPutsTheLegendOutsideTheAxes() throws {
        let fig = Figure(width: 400, height: 260)
        let grid = (0..<400).map { Double($0 % 20) / 19 }, rows = (0..<400).map { Double($0 / 20) / 19 }
        try fig.axes.scatter(x: grid, y: rows, label: "samples", size: 4)
        let label = try XCTUnwrap(textX("samples", in: fig)), rightTick = try XCTUnwrap(textX("1.0", in: fig))
        XCTAssertGreaterThan(label, rightTick + 20, "label right of the plot area")
        XCTAssertLessThan(label, 400 - 40, "and still inside the figure")
        // The same data without a label keeps the whole width for the plot.
        let unlabelled = Figure(width: 400, height: 260)
        try unlabelled.axes.scatter(x: grid, y: rows, size: 4)
        XCTAssertGreaterThan(try XCTUnwrap(textX("1.0", in: unlabelled)), rightTick + 40, "the plot shrank to make room")
    }

    func testALegendTooWideForTheMarginStaysInside() throws {
        let fig = Figure(width: 400, height: 260)
        let grid = (0..<400).map { Double($0 % 20) / 19 }, rows = (0..<400).map { Double($0 / 20) / 19 }
        let long = "samples on a regular grid, twenty by twenty"
        try fig.axes.scatter(x: grid, y: rows, label: long, size: 4)
        let label = try XCTUnwrap(textX(long, in: fig)), rightTick = try XCTUnwrap(textX("1.0", in: fig))
        XCTAssertLessThan(label, rightTick, "a legend over 45% of the panel wide keeps the plot its width")
    }
}
