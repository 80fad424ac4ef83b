import CVectorKernels
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

    /// Double tanh against glibc's: within 2 ulp (of the larger of |tanh x| and the smallest normal) everywhere,
    /// d = 1 - a² exactly, signed zeros, ±1 at and beyond the clamp, NaN through; every instruction set the same bits.
    func testDoubleTanhWithinTwoUlpOnEveryInstructionSet() {
        var rng = SeededGenerator(seed: 4)
        var xs = (0..<4001).map { _ in rng.uniform(-3, 3) } + (0..<2000).map { _ in rng.uniform(-30, 30) }
        xs += (0..<500).map { _ in pow(10, rng.uniform(-300, 0)) * (rng.uniform(-1, 1) < 0 ? -1 : 1) }
        xs += [0, -0, 0.625, -0.625, 0.62499999999999989, 0.625000000000001, 22, -22, 40, 800, -800,
               .infinity, -.infinity, .nan, .leastNormalMagnitude, -.leastNonzeroMagnitude]
        var baseline: [UInt64] = []
        for set in VectorInstructionSet.supported {
            var a = xs, d = [Double](repeating: -1, count: xs.count)
            specbook_tanh_f64(Int32(set.rawValue), &a, &d, xs.count)
            if set == .baseline { baseline = a.map(\.bitPattern) }
            XCTAssertEqual(a.map(\.bitPattern), baseline, "\(set) gives the baseline bits")
            for (i, x) in xs.enumerated() {
                if x.isNaN {
                    XCTAssertTrue(a[i].isNaN, "NaN stays NaN")
                    continue
                }
                let exact = tanh(x)
                XCTAssertLessThanOrEqual(abs(a[i] - exact), 2 * max(abs(exact), .leastNormalMagnitude).ulp, "x = \(x)")
                XCTAssertEqual(d[i], 1 - a[i] * a[i], "d = 1 - a², x = \(x)")
                if x == 0 { XCTAssertEqual(a[i].sign, x.sign, "tanh keeps the sign of zero") }
            }
        }
        var viaScalar = xs
        Double.tanhInPlace(&viaScalar, derivative: nil, count: xs.count)
        XCTAssertEqual(viaScalar.map(\.bitPattern), baseline, "Double.tanhInPlace runs the same kernel")
    }
}
