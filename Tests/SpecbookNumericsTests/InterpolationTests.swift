import SpecbookNumerics
import XCTest

final class InterpolationTests: XCTestCase {
    let x = [-0.8, -0.6, -0.3, -0.06, 0.1]
    let y = [0.25, -0.25, -0.07, 0.15, -0.05]

    func testNaturalSplineReproducesLinearDataExactly() throws {
        let line = x.map { 2 * $0 - 0.5 }
        let spline = try NaturalCubicSpline(x: x, y: line)
        for m in spline.secondDerivatives { XCTAssertEqual(m, 0, accuracy: 1e-12) }
        // Inside, between the knots and beyond them (the linear continuation): 2t - 0.5, to rounding.
        for t in stride(from: -1.5, through: 1.0, by: 0.037) { XCTAssertEqual(spline(t), 2 * t - 0.5, accuracy: 1e-13) }
    }

    func testThreeKnotClosedForm() throws {
        // Knots 0, 0.2, 0.4 with values 1, 0, 1: 0.8 M1 = 6 (5 + 5), so M1 = 75, and at t = 0.1
        // h = 75 · 0.1³ / 1.2 + 5 · 0.1 + (0 − 75 · 0.2 / 6) · 0.1 = 0.3125.
        let spline = try NaturalCubicSpline(x: [0, 0.2, 0.4], y: [1, 0, 1])
        XCTAssertEqual(spline.secondDerivatives[1], 75, accuracy: 1e-12)
        XCTAssertEqual(spline([0.1, 0.3])[0], 0.3125, accuracy: 1e-14)
        XCTAssertEqual(spline(0.3), 0.3125, accuracy: 1e-14)
        // Unequal spacing, knots 0, 1, 3 and values 0, 1, 0: 2 (1 + 2) M1 = 6 (−1/2 − 1), M1 = −1.5.
        let uneven = try NaturalCubicSpline(x: [0, 1, 3], y: [0, 1, 0])
        XCTAssertEqual(uneven.secondDerivatives, [0, -1.5, 0], accuracy: 1e-14)
        // On [0, 1]: h(t) = −1.5 t³ / 6 + (1 + 1.5 / 6) t = 1.25 t − 0.25 t³.
        for t in [0.25, 0.5, 0.75] { XCTAssertEqual(uneven(t), 1.25 * t - 0.25 * t * t * t, accuracy: 1e-14) }
    }

    func testSplineInterpolatesIsTwiceDifferentiableAndNaturalAtTheEnds() throws {
        let spline = try NaturalCubicSpline(x: x, y: y)
        for (xi, yi) in zip(x, y) { XCTAssertEqual(spline(xi), yi, accuracy: 1e-14) }
        let h = 1e-5
        func second(_ t: Double) -> Double { (spline(t + h) - 2 * spline(t) + spline(t - h)) / (h * h) }
        // h'' = 0 at both ends (one-sided, just inside) and continuous across interior knots.
        XCTAssertEqual(second(x[0] + 2 * h), 0, accuracy: 0.05)
        XCTAssertEqual(second(x[4] - 2 * h), 0, accuracy: 0.05)
        for i in 1..<4 {
            XCTAssertEqual(second(x[i] - 2 * h), second(x[i] + 2 * h), accuracy: 0.05, "h'' jumps at knot \(i)")
            XCTAssertEqual(second(x[i]), spline.secondDerivatives[i], accuracy: 0.05)
            // h' continuous: one-sided difference quotients agree.
            let left = (spline(x[i]) - spline(x[i] - h)) / h, right = (spline(x[i] + h) - spline(x[i])) / h
            XCTAssertEqual(left, right, accuracy: 1e-2)
        }
        // Cubic on each piece: the fourth difference vanishes.
        let t = -0.5, s = 0.02
        let fourth = spline(t) - 4 * spline(t + s) + 6 * spline(t + 2 * s) - 4 * spline(t + 3 * s) + spline(t + 4 * s)
        XCTAssertEqual(fourth, 0, accuracy: 1e-12)
        // Linear beyond the ends: the second difference vanishes.
        XCTAssertEqual(spline(-1.2) - 2 * spline(-1.0) + spline(-0.8), 0, accuracy: 1e-12)
        XCTAssertEqual(spline(0.5) - 2 * spline(0.3) + spline(0.1), 0, accuracy: 1e-12)
    }

    func testPiecewiseLinearAtAndBetweenKnotsAndBeyond() throws {
        let line = try PiecewiseLinear(x: x, y: y)
        for (xi, yi) in zip(x, y) { XCTAssertEqual(line(xi), yi, accuracy: 1e-15) }
        XCTAssertEqual(line(-0.7), 0, accuracy: 1e-15)
        XCTAssertEqual(line(-0.45), -0.16, accuracy: 1e-15)
        XCTAssertEqual(line([-2, 3]), [0.25, -0.05])
        XCTAssertTrue(line(.nan).isNaN)
        XCTAssertEqual(try PiecewiseLinear(x: [0, 0.2, 0.4], y: [1, 0, 1])([0.1, 0.3]), [0.5, 0.5], accuracy: 1e-15)
    }

    func testInvalidKnotsThrow() {
        XCTAssertThrowsError(try NaturalCubicSpline(x: [0], y: [1]))
        XCTAssertThrowsError(try NaturalCubicSpline(x: [0, 1], y: [1]))
        XCTAssertThrowsError(try NaturalCubicSpline(x: [0, 1, 1], y: [1, 2, 3]))
        XCTAssertThrowsError(try PiecewiseLinear(x: [1, 0], y: [1, 2]))
        XCTAssertThrowsError(try PiecewiseLinear(x: [0, .nan], y: [1, 2]))
        XCTAssertEqual(try NaturalCubicSpline(x: [0, 2], y: [1, 3])(1.5), 2.5, accuracy: 1e-15)
    }
}

private func XCTAssertEqual(_ a: [Double], _ b: [Double], accuracy: Double, file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertEqual(a.count, b.count, file: file, line: line)
    for (u, v) in zip(a, b) { XCTAssertEqual(u, v, accuracy: accuracy, file: file, line: line) }
}
