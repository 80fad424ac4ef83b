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
}
