import Foundation
import SpecbookNumerics
import XCTest

/// Tangent features against finite differences, and μ_max against the explicitly formed step matrix.
final class TangentKernelTests: XCTestCase {
    func testFeaturesAreTheParameterGradientOfTheOutput() throws {
        var rng = SeededGenerator(seed: 4)
        let net = try MLP<Double>(widths: [2, 5, 1], activations: [.tanh, .identity],
                                  initializations: [Initialization(weights: .normal(mean: 0, standardDeviation: 1),
                                                                   biases: .uniform(-1, 1)),
                                                    Initialization(weights: .uniform(-1, 1), biases: .uniform(-1, 1))],
                                  generator: &rng)
        let x = try Matrix<Double>([[0.3, -0.7], [-0.2, 0.5], [0.9, 0.1]])
        let features = try net.tangentFeatures(at: x)
        XCTAssertEqual(features.columns, net.parameterCount)
        // Central differences, error O(ε²) ≈ 1e-10 for tanh.
        let epsilon = 1e-5
        for p in 0..<net.parameterCount {
            var plus = net, minus = net
            var parameters = net.parameters
            parameters[p] += epsilon
            try plus.setParameters(parameters)
            parameters[p] -= 2 * epsilon
            try minus.setParameters(parameters)
            let difference = try (plus.predict(x) - minus.predict(x)).elements.map { $0 / (2 * epsilon) }
            for i in 0..<x.rows { XCTAssertEqual(features[i, p], difference[i], accuracy: 1e-8, "parameter \(p)") }
        }
        XCTAssertEqual(try net.tangentFeatures(at: x, includingOutputBias: false).columns, net.parameterCount - 1)
    }

    func testReLUFeaturesInOneDimensionAreTheUnitsPieces() throws {
        let net = try MLP<Double>(widths: [1, 6, 1], activation: .relu, seed: 2)
        let w = try net.weights(layer: 0), b = try net.biases(layer: 0), a = try net.weights(layer: 1)
        let xs = [-0.8, 0.1, 0.6]
        let features = try net.tangentFeatures(at: xs)
        for (i, x) in xs.enumerated() {
            for u in 0..<6 {
                let z = w[0, u] * x + b[u], on = z > 0 ? 1.0 : 0
                XCTAssertEqual(features[i, u], a[u, 0] * x * on, accuracy: 1e-15)        // ∂h/∂w_u
                XCTAssertEqual(features[i, 6 + u], a[u, 0] * on, accuracy: 1e-15)        // ∂h/∂b_u
                XCTAssertEqual(features[i, 12 + u], max(z, 0), accuracy: 1e-15)          // ∂h/∂a_u
            }
            XCTAssertEqual(features[i, 18], 1)
        }
        let kernel = try net.tangentKernel(at: Matrix(column: xs))
        for i in 0..<3 {
            for l in 0..<3 {
                let dot = (0..<19).reduce(0.0) { $0 + features[i, $1] * features[l, $1] }
                XCTAssertEqual(kernel[i, l], dot, accuracy: 1e-12)
                XCTAssertEqual(kernel[i, l], kernel[l, i], accuracy: 1e-12)
            }
        }
    }

    func testLargestStepEigenvalueMatchesTheExplicitMatrix() throws {
        let net = try MLP<Double>(widths: [1, 30, 1], activation: .tanh, seed: 9)
        let xs = (0..<24).map { -1 + 2 * Double($0) / 24 }
        let features = try net.tangentFeatures(at: xs)
        for scaled in [false, true] {
            // S = diag(s): 4 on the first-layer weights, 1 elsewhere.
            let s = scaled ? [Double](repeating: 4, count: 30) : []
            let full = (0..<net.parameterCount).map { $0 < s.count ? s[$0] : 1 }
            let matrix = Matrix<Double>(rows: 24, columns: 24) { i, l in
                (0..<net.parameterCount).reduce(0.0) { $0 + features[i, $1] * full[$1] * features[l, $1] } * 2 / 24
            }
            var v = [Double](repeating: 1, count: 24), mu = 0.0
            for _ in 0..<2_000 {
                let next = try matrix.applied(to: v)
                mu = next.reduce(0) { $0 + $1 * $1 }.squareRoot()
                v = next.map { $0 / mu }
            }
            let measured = try largestStepEigenvalue(net, inputs: Matrix(column: xs), stepScales: s, iterations: 300)
            XCTAssertEqual(measured, mu, accuracy: 1e-5 * mu, scaled ? "with step scales" : "plain")
        }
    }

    func testLinearModelHasTheClosedFormEigenvalue() throws {
        // h = w x + b: J = [x_i, 1], (2/n) JᵀJ = (2/n) [[Σx², Σx], [Σx, n]], whose top eigenvalue is μ_max.
        let net = try MLP<Double>(widths: [1, 1], seed: 3)
        let xs = [-1, -0.5, 0, 0.25, 1.0]
        let n = Double(xs.count), sxx = xs.reduce(0) { $0 + $1 * $1 }, sx = xs.reduce(0, +)
        let trace = sxx + n, det = sxx * n - sx * sx
        let expected = 2 / n * (trace / 2 + (trace * trace / 4 - det).squareRoot())
        XCTAssertEqual(try largestStepEigenvalue(net, inputs: Matrix(column: xs), iterations: 100), expected,
                       accuracy: 1e-8 * expected)
        XCTAssertEqual(try largestStepEigenvalue(net, inputs: Matrix(column: xs), iterations: 0), 0)
    }

    func testNonTwoLayerNetworksThrow() throws {
        let deep = try MLP<Double>(widths: [1, 4, 4, 1], seed: 1)
        XCTAssertThrowsError(try deep.tangentFeatures(at: [0.5]))
        let wide = try MLP<Double>(widths: [2, 4, 1], seed: 1)
        XCTAssertThrowsError(try wide.tangentFeatures(at: [0.5]))
    }
}
