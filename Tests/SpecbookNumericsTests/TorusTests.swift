import SpecbookNumerics
import XCTest

final class TorusTests: XCTestCase {
    func testMapAndInverseAreAffineAndInverse() {
        let map = TorusMap(center: -0.35, period: 2)
        XCTAssertEqual(map(-0.35), 0.5)
        XCTAssertEqual(map(0.65), 1.0)
        XCTAssertEqual(map([-1.35, 0.15]), [0, 0.75])
        for x in [-1.2, -0.35, 0, 0.4] { XCTAssertEqual(map.inverse(map(x)), x, accuracy: 1e-15) }
    }

    func testTorusDistanceTakesTheShorterWayRound() {
        XCTAssertEqual(torusDistance([0.05], [0.95]), 0.1, accuracy: 1e-15)
        XCTAssertEqual(torusDistance([0.2], [0.5]), 0.3, accuracy: 1e-15)
        XCTAssertEqual(torusDistance([0.1, 0.9], [0.9, 0.1]), 0.2 * 2.0.squareRoot(), accuracy: 1e-15)
        XCTAssertEqual(torusDistance([1.25], [0.0]), 0.25, accuracy: 1e-15)
        XCTAssertTrue(torusDistance([.nan], [0]).isNaN)
        XCTAssertEqual(euclideanDistance([0, 0], [3, 4]), 5)
    }

    func testTorusGapHoldsAcrossTheSeam() throws {
        var rng = SeededGenerator(seed: 9)
        let points = try rng.points(count: 8, dimension: 1, minimumGap: 0.1, onTorus: true)
        for i in points.indices {
            for j in points.indices where j != i {
                XCTAssertGreaterThanOrEqual(torusDistance([points[i]], [points[j]]), 0.1)
            }
        }
        // Eleven points 0.1 apart do not fit on a circle of length 1.
        var crowded = SeededGenerator(seed: 1)
        XCTAssertThrowsError(try crowded.points(count: 11, dimension: 1, minimumGap: 0.1, onTorus: true, maximumDraws: 20_000))
    }
}
