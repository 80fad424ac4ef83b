import SpecbookNumerics
import XCTest

final class OptimizerTests: XCTestCase {
    let g1: [Double] = [0.5, -0.25], g2: [Double] = [0.1, 0.3]

    func testAdamTwoStepsByHand() throws {
        var adam = Adam<Double>(learningRate: 0.1, beta1: 0.9, beta2: 0.999, epsilon: 1e-8)
        var p: [Double] = [1, -2]
        // Step 1: m̂ = g, v̂ = g², so θ −= 0.1 · g / (|g| + 1e-8).
        try adam.update(&p, gradient: g1)
        XCTAssertEqual(p[0], 1 - 0.1 * 0.5 / (0.5 + 1e-8), accuracy: 1e-15)
        XCTAssertEqual(p[1], -2 + 0.1 * 0.25 / (0.25 + 1e-8), accuracy: 1e-15)
        // Step 2: m = [0.055, 0.0075], v = [0.00025975, 0.0001524375],
        // θ −= 0.1 / 0.19 · m / (√v / √0.001999 + 1e-8)  →  [0.8196959063846517, -1.914294476547747].
        try adam.update(&p, gradient: g2)
        XCTAssertEqual(adam.step, 2)
        XCTAssertEqual(adam.firstMoment[0], 0.055, accuracy: 1e-15)
        XCTAssertEqual(adam.secondMoment[1], 0.0001524375, accuracy: 1e-15)
        XCTAssertEqual(p[0], 0.8196959063846517, accuracy: 1e-12)
        XCTAssertEqual(p[1], -1.914294476547747, accuracy: 1e-12)
    }

    func testSGDWithMomentumTwoStepsByHand() throws {
        var sgd = SGD<Double>(learningRate: 0.1, momentum: 0.9)
        var p: [Double] = [1, -2]
        // Step 1: v = g1 = [0.5, -0.25]; θ = [1 − 0.05, −2 + 0.025].
        try sgd.update(&p, gradient: g1)
        XCTAssertEqual(p[0], 0.95, accuracy: 1e-15)
        XCTAssertEqual(p[1], -1.975, accuracy: 1e-15)
        // Step 2: v = 0.9 g1 + g2 = [0.55, 0.075]; θ = [0.95 − 0.055, −1.975 − 0.0075].
        try sgd.update(&p, gradient: g2)
        XCTAssertEqual(sgd.velocity[0], 0.55, accuracy: 1e-15)
        XCTAssertEqual(p[0], 0.895, accuracy: 1e-15)
        XCTAssertEqual(p[1], -1.9825, accuracy: 1e-15)
    }

    func testPlainSGDAndCountMismatch() throws {
        var sgd = SGD<Float>(learningRate: 0.5)
        var p: [Float] = [1, 1]
        try sgd.update(&p, gradient: [2, -2])
        XCTAssertEqual(p, [0, 2])
        XCTAssertThrowsError(try sgd.update(&p, gradient: [1])) { error in
            XCTAssertEqual(error as? NumericsError, .countMismatch(what: "gradient", expected: 2, actual: 1))
        }
    }
}
