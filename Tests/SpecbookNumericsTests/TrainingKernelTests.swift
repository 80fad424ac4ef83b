import Foundation
import SpecbookNumerics
import XCTest

/// The training loops that run on the CPU's widest vectors (tanh, Adam) against their formulas.
final class TrainingKernelTests: XCTestCase {
    func testTanhInPlaceMatchesTanhAndItsDerivative() {
        var rng = SeededGenerator(seed: 3)
        var xs = (0..<1037).map { _ in Float(rng.uniform(-9, 9)) }
        xs += [0, -0, 7.9053, -7.9053, 20, -20, .infinity, -.infinity, .nan, 1e-30, -1e-30]
        var a = xs, d = [Float](repeating: -1, count: xs.count), alone = xs
        Float.tanhInPlace(&a, derivative: &d, count: xs.count)
        Float.tanhInPlace(&alone, derivative: nil, count: xs.count)
        for (i, x) in xs.enumerated() {
            if x.isNaN {
                XCTAssertTrue(a[i].isNaN && alone[i].isNaN, "NaN stays NaN")
                continue
            }
            XCTAssertEqual(a[i], tanhf(x), accuracy: 4e-7, "x = \(x)")
            XCTAssertEqual(d[i], 1 - a[i] * a[i], "d = 1 - a², x = \(x)")
            XCTAssertEqual(alone[i].bitPattern, a[i].bitPattern, "with or without the derivative, x = \(x)")
        }
    }

    /// Adam<Float> against its rule written out here (with the library's loop square root), to the last bit.
    func testAdamFloatFollowsItsRuleBitForBit() {
        var rng = SeededGenerator(seed: 11)
        let n = 40_299  // above the two-slice threshold, and no multiple of any vector width
        var parameters = (0..<n).map { _ in Float(rng.uniform(-1, 1)) }
        var expected = parameters
        var m = [Float](repeating: 0, count: n), v = m
        var adam = Adam<Float>(learningRate: 1e-3)
        for step in 1...3 {
            let gradient = (0..<n).map { _ in Float(rng.uniform(-2, 2)) }
            try? adam.update(&parameters, gradient: gradient)
            let t = Double(step)
            let stepSize = Float(1e-3 / (1 - pow(0.9, t))), correction2 = Float((1 - pow(0.999, t)).squareRoot())
            let b1: Float = 0.9, b2: Float = 0.999, c1 = 1 - b1, c2 = 1 - b2, eps = Float(1e-8)
            for i in 0..<n {
                let gi = gradient[i]
                m[i] = b1 * m[i] + c1 * gi
                v[i] = b2 * v[i] + c2 * gi * gi
                expected[i] -= stepSize * m[i] / (Float.loopSquareRoot(v[i]) / correction2 + eps)
            }
            XCTAssertEqual(parameters.map(\.bitPattern), expected.map(\.bitPattern), "step \(step)")
            XCTAssertEqual(adam.firstMoment.map(\.bitPattern), m.map(\.bitPattern))
            XCTAssertEqual(adam.secondMoment.map(\.bitPattern), v.map(\.bitPattern))
        }
    }
}
