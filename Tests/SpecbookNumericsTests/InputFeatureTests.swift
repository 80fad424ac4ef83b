import Foundation
import SpecbookNumerics
import XCTest

/// Fourier-feature and multi-scale input layers, and the reparametrised optimiser, against closed forms.
final class InputFeatureTests: XCTestCase {
    func testFourierFeaturesAreCosinesAndSinesOfTheDrawnFrequencies() throws {
        let features = try FourierFeatures(count: 4, sigma: 3, seed: 11)
        var rng = SeededGenerator(seed: 11)
        let z = (0..<4).map { _ in rng.normal() }
        XCTAssertEqual(features.draws, z)
        let x: Matrix<Double> = try features.inputs([0.3, -0.6])
        XCTAssertEqual(x.columns, 8)
        for (i, point) in [0.3, -0.6].enumerated() {
            for k in 0..<4 {
                XCTAssertEqual(x[i, k], cos(2 * .pi * 3 * z[k] * point), accuracy: 1e-13)
                XCTAssertEqual(x[i, 4 + k], sin(2 * .pi * 3 * z[k] * point), accuracy: 1e-13)
            }
        }
        XCTAssertEqual(features.frequency(2), [3 * z[2]])
        // More features extend the same draws; σ = 0 gives constant features.
        XCTAssertEqual(Array(try FourierFeatures(count: 16, sigma: 1, seed: 11).draws.prefix(4)), z)
        let flat: Matrix<Float> = try FourierFeatures(count: 2, sigma: 0, seed: 1).inputs([0.7])
        XCTAssertEqual(flat.elements, [1, 1, 0, 0])
    }

    func testFourierFeaturesInTwoDimensions() throws {
        let features = try FourierFeatures(count: 3, sigma: 2, inputDimension: 2, seed: 5)
        let x: Matrix<Double> = try features.inputs(Matrix([[0.2, -0.4]]))
        for k in 0..<3 {
            let b = features.frequency(k)
            XCTAssertEqual(x[0, k], cos(2 * .pi * (b[0] * 0.2 - b[1] * 0.4)), accuracy: 1e-13)
        }
        XCTAssertThrowsError(try features.inputs([0.1]) as Matrix<Double>)
        XCTAssertThrowsError(try FourierFeatures(count: 0, sigma: 1, seed: 1))
        XCTAssertThrowsError(try FourierFeatures(count: 2, sigma: -1, seed: 1))
    }

    func testMultiScaleGroupsScaleTheFirstLayer() throws {
        let mscale = try MultiScaleInput(scales: [1, 2, 4])
        XCTAssertEqual(mscale.unitScales(width: 6), [1, 1, 2, 2, 4, 4])
        XCTAssertEqual(mscale.unitScales(width: 4), [1, 1, 2, 4])
        let plain = try MLP<Double>(widths: [2, 6, 1], activation: .sReLU, seed: 3)
        let (net, scales) = try mscale.scaled(plain)
        XCTAssertEqual(scales, [1, 1, 2, 2, 4, 4, 1, 1, 2, 2, 4, 4])
        let w0 = try plain.weights(layer: 0), w = try net.weights(layer: 0)
        for k in 0..<2 { for j in 0..<6 { XCTAssertEqual(w[k, j], scales[k * 6 + j] * w0[k, j]) } }
        XCTAssertEqual(try net.biases(layer: 0), try plain.biases(layer: 0))
        // Unit j of the scaled network on x is unit j of the plain one on a_j x.
        let b = try plain.biases(layer: 0), a = try plain.weights(layer: 1)
        let x = [0.3, -0.2]
        var expected = try plain.biases(layer: 1)[0]
        for j in 0..<6 {
            let s = mscale.unitScales(width: 6)[j]
            expected += a[j, 0] * Activation.sReLU.value(w0[0, j] * s * x[0] + w0[1, j] * s * x[1] + b[j])
        }
        XCTAssertEqual(try net(x)[0], expected, accuracy: 1e-14)
        XCTAssertThrowsError(try MultiScaleInput(scales: []))
        XCTAssertThrowsError(try MultiScaleInput(scales: [1, 0]))
    }

    func testReparametrisedSGDStepsWithTheSquaredScales() throws {
        // u = θ / a, u ← u − η a g  ⇒  θ ← θ − η a² g.
        var sgd = SGD<Double>(learningRate: 0.1).reparametrised(by: [2, 0.5])
        var p = [1.0, 1.0, 1.0]
        try sgd.update(&p, gradient: [1, 1, 1])
        XCTAssertEqual(p[0], 1 - 0.1 * 4, accuracy: 1e-15)
        XCTAssertEqual(p[1], 1 - 0.1 * 0.25, accuracy: 1e-15)
        XCTAssertEqual(p[2], 0.9, accuracy: 1e-15)
        XCTAssertTrue(SGD<Double>(learningRate: 0.1).reparametrised(by: []) is SGD<Double>)
    }

    func testReparametrisedAdamIsAdamOnTheUnscaledParameters() throws {
        let scales = [3.0, 0.2]
        var wrapped = Adam<Double>(learningRate: 0.01).reparametrised(by: scales)
        var direct = Adam<Double>(learningRate: 0.01)
        var theta = [0.6, -0.4], u = [0.6 / 3, -0.4 / 0.2]
        for step in 0..<5 {
            let g = [Double(step) - 1.5, 0.5 * Double(step)]
            try wrapped.update(&theta, gradient: g)
            try direct.update(&u, gradient: [g[0] * scales[0], g[1] * scales[1]])
        }
        XCTAssertEqual(theta[0], u[0] * scales[0], accuracy: 1e-14)
        XCTAssertEqual(theta[1], u[1] * scales[1], accuracy: 1e-14)
    }
}
