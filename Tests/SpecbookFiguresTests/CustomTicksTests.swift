import Foundation
import SpecbookFigures
import XCTest

final class CustomTicksTests: XCTestCase {
    private let red = Color(red: 1, green: 0, blue: 0)

    /// Draws red vertical lines at `anchors`, renders, and reports for each whether a tick mark hangs below the
    /// x axis there and whether a label is drawn under it.
    private func marks(_ fig: Figure, anchors: [Double]) throws -> [(tick: Bool, label: Bool)] {
        for a in anchors { fig.axes.vline(a, color: red, style: .solid, width: 1) }
        let image = try renderPNG(fig)
        let middle = image.height / 2
        var columns: [Int] = []
        for x in 0..<image.width where image.isClose(x, middle, to: (255, 0, 0), tolerance: 60) {
            if let last = columns.last, x - last <= 2 { continue }
            columns.append(x)
        }
        XCTAssertEqual(columns.count, anchors.count, "one red line per anchor")
        guard let first = columns.first else { return [] }
        var bottom = middle
        while bottom < image.height - 1, image.isClose(first, bottom, to: (255, 0, 0), tolerance: 60) { bottom += 1 }
        func dark(_ x: Int, _ y: Int) -> Bool { let p = image.rgba(x, y); return p.r < 120 && p.g < 120 && p.b < 120 }
        return columns.map { c in
            let tick = (bottom + 4...bottom + 8).contains { y in (c - 1...c + 2).contains { dark($0, y) } }
            let label = (bottom + 14...min(image.height - 1, bottom + 44)).contains { y in (c - 12...c + 12).contains { dark($0, y) } }
            return (tick, label)
        }
    }

    func testTicksAndLabelsSitAtTheGivenPositionsOnly() throws {
        let fig = Figure(width: 300, height: 200)
        fig.axes.xLimits = 0...4
        fig.axes.yLimits = 0...1
        fig.axes.xTicks = [1, 3]
        fig.axes.xTickLabels = ["one", "three"]
        let found = try marks(fig, anchors: [1, 2, 3])
        XCTAssertEqual(found.map(\.tick), [true, false, true], "automatic ticks would include 2")
        XCTAssertEqual(found.map(\.label), [true, false, true])
    }

    func testAutomaticTicksForComparison() throws {
        let fig = Figure(width: 300, height: 200)
        fig.axes.xLimits = 0...4
        fig.axes.yLimits = 0...1
        XCTAssertEqual(try marks(fig, anchors: [1, 2, 3]).map(\.tick), [true, true, true])
    }

    func testPowersOfTwoOnALogAxisWithoutMinorTicks() throws {
        let fig = Figure(width: 360, height: 200)
        fig.axes.xScale = .log
        fig.axes.xLimits = 2...64
        fig.axes.yLimits = 0...1
        fig.axes.xTicks = [4, 16]
        fig.axes.xTickLabels = ["2^{2}", "2^{4}"]
        // 10 would carry a decade tick and 30 a minor one on an automatic log axis.
        XCTAssertEqual(try marks(fig, anchors: [4, 10, 16, 30]).map(\.tick), [true, false, true, false])
    }

    func testPositionsWithoutLabelsArePrinted() throws {
        let fig = Figure(width: 300, height: 200)
        fig.axes.xLimits = 0...4
        fig.axes.yLimits = 0...1
        fig.axes.xTicks = [0.5, 2.5]
        let found = try marks(fig, anchors: [0.5, 1, 2.5])
        XCTAssertEqual(found.map(\.tick), [true, false, true])
        XCTAssertEqual(found.map(\.label), [true, false, true])
    }

    func testMismatchedLabelsAndNonFinitePositionsAreErrors() {
        let fig = Figure()
        fig.axes.xTicks = [1, 2]
        fig.axes.xTickLabels = ["one"]
        XCTAssertThrowsError(try fig.pngData(scale: 1)) { error in
            XCTAssertEqual(error as? FigureError, .mismatchedTickLabels(axis: "x", ticks: 2, labels: 1))
            XCTAssertEqual("\(error)", "xTickLabels has 1 labels for 2 tick positions")
        }
        let other = Figure()
        other.axes.yTicks = [0, .nan]
        XCTAssertThrowsError(try other.svgData())
        let empty = Figure()
        empty.axes.yTicks = []
        XCTAssertNoThrow(try empty.pngData(scale: 1), "no ticks at all is allowed")
    }
}
