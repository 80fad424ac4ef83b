import Foundation
import SpecbookFigures
import XCTest

final class CurveEnvelopeTests: XCTestCase {
    func testEveryRunKeepsItsLowestAndHighestPointInOrder() {
        // Ten runs of 100 points; a one-point needle in run 3 survives although no subsample would hit it.
        let x = (0..<1000).map(Double.init)
        var y = x.map { sin($0 / 50) }
        y[345] = 7
        let (ex, ey) = minMaxEnvelope(x: x, y: y, bins: 10)
        XCTAssertLessThanOrEqual(ex.count, 20)
        XCTAssertTrue(zip(ex, ex.dropFirst()).allSatisfy { $0 < $1 }, "points stay in order")
        XCTAssertEqual(ey.max(), 7)
        XCTAssertTrue(ex.contains(345))
        for run in 0..<10 {
            let slice = y[(run * 100)..<(run * 100 + 100)]
            let kept = zip(ex, ey).filter { Int($0.0) / 100 == run }.map(\.1)
            XCTAssertEqual(kept.max(), slice.max())
            XCTAssertEqual(kept.min(), slice.min())
        }
    }

    func testShortCurvesNaNAndEdgeCases() {
        XCTAssertEqual(minMaxEnvelope(x: [1, 2, 3], y: [3, 1, 2], bins: 5).y, [3, 1, 2])
        XCTAssertEqual(minMaxEnvelope(x: [1, 2, 3, 4], y: [1, 2], bins: 0).x, [1, 2], "cut to the shorter array")
        let x = (0..<40).map(Double.init)
        var y = x
        for i in 10..<20 { y[i] = .nan }
        let (ex, ey) = minMaxEnvelope(x: x, y: y, bins: 4)
        XCTAssertEqual(ex, [0, 9, 10, 20, 29, 30, 39])
        XCTAssertTrue(ey[2].isNaN, "an all-NaN run keeps one NaN so the line breaks")
    }
}
