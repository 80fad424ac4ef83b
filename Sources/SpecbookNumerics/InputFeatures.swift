import Foundation

/// A fixed random Fourier-feature input layer: x ↦ (cos 2π b_k·x, sin 2π b_k·x), k = 1…M, with
/// frequencies b_k = σ z_k and z_k standard normal, fed to an ``MLP`` as its 2M inputs.
///
/// ```swift
/// let features = try FourierFeatures(count: 256, sigma: 4, seed: 7)
/// let x: Matrix<Float> = try features.inputs(xs)           // xs.count × 512: cosines, then sines
/// var net = try MLP<Float>(widths: [features.outputDimension, 240, 240, 1], activation: .tanh, seed: 1)
/// ```
///
/// **Edge cases:**
/// - `count` or `inputDimension` below 1, or a negative or non-finite `sigma`, throw ``NumericsError``.
/// - The draws depend on the seed only: the same seed gives the same z for every σ, and the first M
///   draws of a larger `count` (so features grow by adding columns). σ = 0 gives constant features.
/// - Inputs with a column count other than `inputDimension` throw ``NumericsError``.
public struct FourierFeatures: Sendable {
    /// The input dimension d.
    public let inputDimension: Int
    /// The number of frequencies M.
    public let count: Int
    /// The spread σ of the frequencies.
    public let sigma: Double
    /// The standard normal draws z, frequency-major (z_k's d entries together).
    public let draws: [Double]

    /// M frequencies with spread σ, drawn from `SeededGenerator(seed:)`.
    public init(count: Int, sigma: Double, inputDimension d: Int = 1, seed: UInt64) throws {
        guard count >= 1, d >= 1 else {
            throw NumericsError.invalidArgument("FourierFeatures needs count and dimension of at least 1, got \(count), \(d)")
        }
        guard sigma >= 0, sigma.isFinite else { throw NumericsError.invalidArgument("FourierFeatures sigma \(sigma)") }
        var generator = SeededGenerator(seed: seed)
        inputDimension = d
        self.count = count
        self.sigma = sigma
        draws = (0..<(count * d)).map { _ in generator.normal() }
    }

    /// The width 2M of the features, the network's input dimension.
    public var outputDimension: Int { 2 * count }

    /// The frequency b_k (d entries).
    public func frequency(_ k: Int) -> [Double] { (0..<inputDimension).map { sigma * draws[k * inputDimension + $0] } }

    /// The features of each row of `points`: cos 2π b_k·x in columns 0..<M, sin in M..<2M.
    public func inputs<S: MatrixScalar>(_ points: Matrix<Double>) throws -> Matrix<S> {
        guard points.columns == inputDimension else {
            throw NumericsError.countMismatch(what: "input columns", expected: inputDimension, actual: points.columns)
        }
        let d = inputDimension, m = count
        var values = [S](repeating: 0, count: points.rows * 2 * m)
        for i in 0..<points.rows {
            for k in 0..<m {
                var phase = 0.0
                for axis in 0..<d { phase += 2 * Double.pi * sigma * draws[k * d + axis] * points[i, axis] }
                values[i * 2 * m + k] = S(cos(phase))
                values[i * 2 * m + m + k] = S(sin(phase))
            }
        }
        return try Matrix(rows: points.rows, columns: 2 * m, elements: values)
    }

    /// The features of 1-D points.
    public func inputs<S: MatrixScalar>(_ points: [Double]) throws -> Matrix<S> {
        try inputs(Matrix(column: points))
    }
}

/// MscaleDNN's multi-scale first layer: the hidden units form equal groups, and group g sees the scaled
/// input a_g x, written as an ordinary network whose first-layer weights are a_g times trainable ones.
///
/// ```swift
/// let mscale = try MultiScaleInput(scales: [1, 2, 4, 8, 16, 32])
/// let plain = try MLP<Float>(widths: [1, 240, 240, 1], activation: .sReLU, seed: 1)
/// let (net, scales) = try mscale.scaled(plain)      // W₀[k, j] = a_g(j) · plain's W₀[k, j]
/// var trainer = try Trainer(network: net, inputs: x, targets: y,
///                           optimizer: Adam<Float>(learningRate: 1e-3).reparametrised(by: scales))
/// ```
///
/// **Edge cases:**
/// - No scales, or a non-positive or non-finite scale, throws ``NumericsError``.
/// - Unit j of a layer of width m is in group ⌊j G / m⌋: with m not a multiple of G the groups differ by one.
public struct MultiScaleInput: Sendable, Equatable {
    /// The group scales a_g.
    public let scales: [Double]

    public init(scales: [Double]) throws {
        guard !scales.isEmpty, scales.allSatisfy({ $0 > 0 && $0.isFinite }) else {
            throw NumericsError.invalidArgument("MultiScaleInput needs positive, finite scales, got \(scales)")
        }
        self.scales = scales
    }

    /// The scale a of each of `width` first-layer units.
    public func unitScales(width: Int) -> [Double] {
        (0..<width).map { scales[$0 * scales.count / width] }
    }

    /// `network` with each first-layer weight multiplied by its unit's scale, and those scales, one per
    /// first-layer weight in parameter order: the `scales` of ``ReparametrisedOptimizer``.
    public func scaled<S: MatrixScalar>(_ network: MLP<S>) throws -> (network: MLP<S>, parameterScales: [S]) {
        var scaled = network
        let width = network.widths[1], units = unitScales(width: width)
        var w = try network.weights(layer: 0)
        var perWeight: [S] = []
        for k in 0..<network.inputDimension {
            for j in 0..<width {
                let a = S(units[j])
                w[k, j] *= a
                perWeight.append(a)
            }
        }
        try scaled.setWeights(w, layer: 0)
        return (scaled, perWeight)
    }
}

/// An optimiser that trains u = θ / a for the first `scales.count` parameters θ (MscaleDNN's unscaled
/// weights) with `inner`, and the other parameters as they are.
///
/// Each step divides those parameters by a, passes the gradient with respect to u (a times the gradient
/// with respect to θ) to `inner`, and multiplies back: with SGD, θ moves by −η a² ∂L/∂θ, so the
/// linearised step has per-parameter step scales a² (``largestStepEigenvalue(_:inputs:stepScales:iterations:)``).
///
/// ```swift
/// var sgd = SGD<Double>(learningRate: 0.1).reparametrised(by: [2])
/// var p = [1.0, 1.0]
/// try sgd.update(&p, gradient: [1, 1])       // [1 − 0.1 · 4, 0.9]
/// ```
/// **Edge cases:** scales beyond the parameter count are ignored; no scales is `inner` unchanged.
public struct ReparametrisedOptimizer<Inner: Optimizer>: Optimizer {
    public typealias Scalar = Inner.Scalar
    public var inner: Inner
    public let scales: [Scalar]

    public init(inner: Inner, scales: [Scalar]) {
        self.inner = inner
        self.scales = scales
    }

    public mutating func update(_ parameters: UnsafeMutableBufferPointer<Scalar>, gradient: UnsafeBufferPointer<Scalar>) {
        var g = Array(gradient)
        let count = min(scales.count, parameters.count)
        for i in 0..<count {
            parameters[i] /= scales[i]
            g[i] *= scales[i]
        }
        g.withUnsafeBufferPointer { inner.update(parameters, gradient: $0) }
        for i in 0..<count { parameters[i] *= scales[i] }
    }
}

extension Optimizer {
    /// This optimiser training θ_i / scales_i for the first parameters (see ``ReparametrisedOptimizer``);
    /// itself when `scales` is empty.
    public func reparametrised(by scales: [Scalar]) -> any Optimizer<Scalar> {
        scales.isEmpty ? self : ReparametrisedOptimizer(inner: self, scales: scales)
    }
}
