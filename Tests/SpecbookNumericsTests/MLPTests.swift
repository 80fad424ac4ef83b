import SpecbookNumerics
import XCTest

final class MLPTests: XCTestCase {
    func testLayoutAccessorsAndExplicitWeights() throws {
        var net = try MLP<Double>(widths: [2, 3, 1], activation: .relu, seed: 1)
        XCTAssertEqual(net.parameterCount, 2 * 3 + 3 + 3 * 1 + 1)
        XCTAssertEqual(net.weightRange(layer: 1), 9..<12)
        XCTAssertEqual(net.biasRange(layer: 1), 12..<13)
        try net.setWeights(Matrix([[1, 0, -1], [0, 1, 1]]), layer: 0)
        try net.setBiases([0, 0, 0.5], layer: 0)
        try net.setWeights(Matrix(column: [1, 2, 3]), layer: 1)
        try net.setBiases([-1], layer: 1)
        // x = (2, 1): z = (2, 1, -0.5), relu = (2, 1, 0), h = 2 + 2 + 0 - 1 = 3 exactly.
        XCTAssertEqual(try net([2, 1]), [3])
        XCTAssertEqual(try net.weights(layer: 1), Matrix(column: [1, 2, 3]))
        XCTAssertEqual(try net.biases(layer: 0), [0, 0, 0.5])
        XCTAssertThrowsError(try net.setWeights(Matrix(rows: 3, columns: 2), layer: 0)) { error in
            XCTAssertTrue("\(error)".contains("2×3 and 3×2"), "\(error)")
        }
        XCTAssertThrowsError(try net.setBiases([1, 2], layer: 0))
        XCTAssertThrowsError(try net.weights(layer: 2))
        XCTAssertThrowsError(try net.setParameters([1, 2, 3]))
    }

    func testInvalidWidthsThrow() {
        XCTAssertThrowsError(try MLP<Float>(widths: [1, 0, 1])) { error in
            guard case .invalidWidths(let widths, let reason)? = error as? NumericsError else { return XCTFail("\(error)") }
            XCTAssertEqual(widths, [1, 0, 1])
            XCTAssertTrue(reason.contains("position 1"), reason)
        }
        XCTAssertThrowsError(try MLP<Float>(widths: [3]))
        var rng = SeededGenerator(seed: 0)
        XCTAssertThrowsError(try MLP<Float>(widths: [1, 4, 1], activations: [.tanh], initializations: [.uniformFanIn, .uniformFanIn], generator: &rng))
    }

    func testSameSeedSameParametersBitForBit() throws {
        let a = try MLP<Float>(widths: [1, 50, 20, 1], activation: .tanh, initialization: .small(scale: 0.01), seed: 42)
        let b = try MLP<Float>(widths: [1, 50, 20, 1], activation: .tanh, initialization: .small(scale: 0.01), seed: 42)
        let c = try MLP<Float>(widths: [1, 50, 20, 1], activation: .tanh, initialization: .small(scale: 0.01), seed: 43)
        XCTAssertEqual(a.parameters.map(\.bitPattern), b.parameters.map(\.bitPattern))
        XCTAssertNotEqual(a.parameters, c.parameters)
        // Small initialisation: weights N(0, 0.01² / fanIn); for fan-in 50 all |w| < 6 · 0.01 / √50.
        XCTAssertLessThan(try a.weights(layer: 1).maxAbs(), Float(6 * 0.01 / 50.0.squareRoot()))
    }

    func testPredictMatchesNaiveForwardAcrossBlocks() throws {
        let net = try MLP<Double>(widths: [2, 30, 20, 3], activation: .tanh, outputActivation: .identity,
                                  initialization: .pyTorchDefault, seed: 7)
        var rng = SeededGenerator(seed: 8)
        let x = Matrix<Double>(rows: 5000, columns: 2) { _, _ in rng.uniform(-2, 2) }
        let h = try net.predict(x)
        // Naive forward with the public weights, every 97th row; tolerance 1e-12 (summation order).
        for i in stride(from: 0, to: 5000, by: 97) {
            var a = x.row(i)
            for l in 0..<net.layerCount {
                let w = try net.weights(layer: l), b = try net.biases(layer: l)
                a = (0..<w.columns).map { j in
                    let z = (0..<w.rows).reduce(b[j]) { $0 + a[$1] * w[$1, j] }
                    return net.activations[l].value(z)
                }
            }
            for j in 0..<3 { XCTAssertEqual(h[i, j], a[j], accuracy: 1e-12) }
        }
        XCTAssertEqual(try net.predict(Matrix(rows: 0, columns: 2)).shape, MatrixShape(rows: 0, columns: 3))
        XCTAssertThrowsError(try net.predict(Matrix(rows: 4, columns: 3))) { error in
            XCTAssertTrue("\(error)".contains("4×3 and 2×30"), "\(error)")
        }
        XCTAssertThrowsError(try net.evaluate(at: [0, 1]))
    }

    func testFloatTanhApproximationIsClose() throws {
        // The Float path's rational tanh: max error 3e-7 against libm over [-10, 10]; allow 5e-7.
        var net = try MLP<Float>(widths: [1, 1, 1], activation: .tanh, seed: 0)
        try net.setWeights(Matrix(row: [1]), layer: 0)
        try net.setBiases([0], layer: 0)
        try net.setWeights(Matrix(column: [1]), layer: 1)
        try net.setBiases([0], layer: 1)
        let xs = (0...4000).map { Float($0) / 200 - 10 }
        let hs = try net.evaluate(at: xs)
        for (x, h) in zip(xs, hs) { XCTAssertEqual(h, Float(tanh(Double(x))), accuracy: 5e-7) }
        XCTAssertTrue(try net.evaluate(at: [.nan])[0].isNaN)
        XCTAssertEqual(try net.evaluate(at: [.infinity])[0], 1, accuracy: 1e-6)
    }

    func testAntisymmetricTwoLayerStartsAtZero() throws {
        let net = try MLP<Float>.antisymmetricTwoLayer(
            inputDimension: 1, width: 1000, activation: .relu,
            inputWeights: .uniform(-3, 3), biases: .uniform(-3, 3), outputWeights: .uniform(-0.1, 0.1), seed: 4)
        let xs = (0..<101).map { Float($0) / 50 - 1 }
        // Width a multiple of 4: the pairs cancel exactly.
        XCTAssertEqual(try net.evaluate(at: xs), [Float](repeating: 0, count: xs.count))
        let a = try net.weights(layer: 1)
        XCTAssertEqual(a[0, 0], -a[1, 0])
        XCTAssertEqual(try net.weights(layer: 0)[0, 0], try net.weights(layer: 0)[0, 1])
        XCTAssertLessThanOrEqual(a.maxAbs(), 0.1)
        XCTAssertLessThanOrEqual(try net.weights(layer: 0).maxAbs(), 3)
        // Two inputs, width 6 (not a multiple of 4): zero up to rounding, |h| < 1e-6.
        let xor = try MLP<Double>.antisymmetricTwoLayer(
            inputDimension: 2, width: 6, inputWeights: .uniform(-1, 1), biases: .uniform(-1, 1),
            outputWeights: .uniform(-1, 1), seed: 2)
        XCTAssertLessThan(try xor.predict(Matrix([[1, 1], [-1, 1], [1, -1], [-1, -1]])).maxAbs(), 1e-6)
        XCTAssertThrowsError(try MLP<Float>.antisymmetricTwoLayer(
            inputDimension: 1, width: 7, inputWeights: .zeros, biases: .zeros, outputWeights: .zeros))
    }
}
