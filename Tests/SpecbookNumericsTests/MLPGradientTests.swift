import SpecbookNumerics
import XCTest

/// Backpropagation against central finite differences, in Double.
final class MLPGradientTests: XCTestCase {
    /// Random inputs in [-1, 1) and targets in [-1, 1), `n` samples.
    func data(n: Int, d: Int, outputs: Int, seed: UInt64) -> (Matrix<Double>, Matrix<Double>) {
        var rng = SeededGenerator(seed: seed)
        let x = Matrix<Double>(rows: n, columns: d) { _, _ in rng.uniform(-1, 1) }
        let y = Matrix<Double>(rows: n, columns: outputs) { _, _ in rng.uniform(-1, 1) }
        return (x, y)
    }

    /// ‖g_fd − g_bp‖ / ‖g_fd‖ with g_fd from (L(θ + h e_i) − L(θ − h e_i)) / 2h, h = 1e-6.
    func relativeGradientError(_ net: MLP<Double>, _ x: Matrix<Double>, _ y: Matrix<Double>) throws -> Double {
        let (_, analytic) = try net.lossAndGradient(inputs: x, targets: y)
        var probe = net
        let h = 1e-6
        var diff = 0.0, norm = 0.0
        for i in 0..<net.parameterCount {
            var p = net.parameters
            p[i] += h
            try probe.setParameters(p)
            let plus = try probe.loss(inputs: x, targets: y)
            p[i] -= 2 * h
            try probe.setParameters(p)
            let minus = try probe.loss(inputs: x, targets: y)
            let numeric = (plus - minus) / (2 * h)
            diff += (numeric - analytic[i]) * (numeric - analytic[i])
            norm += numeric * numeric
        }
        return (diff / norm).squareRoot()
    }

    // Tolerance: relative error < 1e-5 (central differences with h = 1e-6 are good to about 1e-8 here).
    func testEveryActivationWithOneToThreeHiddenLayers() throws {
        let shapes = [[2, 6, 3], [2, 6, 5, 3], [2, 6, 5, 4, 3]]
        for activation in Activation.allCases {
            for (s, widths) in shapes.enumerated() {
                // sReLU is flat outside (0, 1): a small positive bias keeps units in its active range.
                let initialization = activation == .sReLU
                    ? Initialization(weights: .uniform(-0.5, 0.5), biases: .uniform(0.2, 0.8))
                    : Initialization(weights: .normalFanIn(scale: 1), biases: .uniform(-0.5, 0.5))
                let net = try MLP<Double>(widths: widths, activation: activation, initialization: initialization, seed: UInt64(s + 1))
                let (x, y) = data(n: 7, d: widths[0], outputs: widths.last!, seed: UInt64(10 + s))
                let error = try relativeGradientError(net, x, y)
                XCTAssertLessThan(error, 1e-5, "\(activation) widths \(widths)")
            }
        }
    }

    func testNonIdentityOutputActivationAndSplitBatch() throws {
        // 300 samples: the batch is split over worker threads and the gradients summed.
        var rng = SeededGenerator(seed: 5)
        let net = try MLP<Double>(
            widths: [3, 8, 8, 2], activations: [.tanh, .sine, .tanh],
            initializations: Array(repeating: .pyTorchDefault, count: 3), generator: &rng)
        let (x, y) = data(n: 300, d: 3, outputs: 2, seed: 6)
        XCTAssertLessThan(try relativeGradientError(net, x, y), 1e-5)
    }

    func testWideFirstLayerUsesGEMMPath() throws {
        // Eight inputs (above the skinny-loop cut-off) and a 1-wide output: GEMM and the dot-product path.
        let net = try MLP<Double>(widths: [8, 10, 9, 1], activation: .tanh, initialization: .pyTorchDefault, seed: 3)
        let (x, y) = data(n: 150, d: 8, outputs: 1, seed: 4)
        XCTAssertLessThan(try relativeGradientError(net, x, y), 1e-5)
    }

    func testFloatGradientMatchesDouble() throws {
        // The Float path (sgemm, rational tanh) against Double: relative difference < 1e-4.
        let netD = try MLP<Double>(widths: [1, 40, 30, 1], activation: .tanh, seed: 9)
        let netF = try MLP<Float>(widths: [1, 40, 30, 1], activation: .tanh, seed: 9)
        let (x, y) = data(n: 256, d: 1, outputs: 1, seed: 8)
        let xf = x.elements.map(Float.init), yf = y.elements.map(Float.init)
        let (lossD, gD) = try netD.lossAndGradient(inputs: x, targets: y)
        let (lossF, gF) = try netF.lossAndGradient(inputs: Matrix(column: xf), targets: Matrix(column: yf))
        XCTAssertEqual(Double(lossF), lossD, accuracy: 1e-5 * lossD)
        let diff = zip(gD, gF).map { ($0 - Double($1)) * ($0 - Double($1)) }.reduce(0, +).squareRoot()
        let norm = gD.map { $0 * $0 }.reduce(0, +).squareRoot()
        XCTAssertLessThan(diff / norm, 1e-4)
    }
}
