import Foundation

extension MLP where Scalar == Double {
    /// The tangent features of a two-layer network: row i is the gradient of h(x_i) with respect to every
    /// parameter, in the order of ``parameters`` (W₀ row-major, b₀, a, then the output bias c).
    ///
    /// For h(x) = Σ_j a_j σ(w_j·x + b_j) + c: ∂h/∂W₀[k, j] = a_j σ'(z_j) x_k, ∂h/∂b_j = a_j σ'(z_j),
    /// ∂h/∂a_j = σ(z_j), ∂h/∂c = 1. The neural tangent kernel is K = F Fᵀ (``tangentKernel(at:includingOutputBias:)``).
    ///
    /// ```swift
    /// let net = try MLP<Double>(widths: [1, 500, 1], activation: .relu, seed: 1)
    /// let F = try net.tangentFeatures(at: Matrix(column: [-0.5, 0, 0.5]))   // 3 × 1501
    /// ```
    ///
    /// **Edge cases:**
    /// - A network that is not two-layer with one output and an identity output layer, or inputs whose
    ///   column count is not the input dimension, throw ``NumericsError``.
    /// - `includingOutputBias: false` drops the last column (the kernel then lacks the constant 1).
    /// - Where σ has a kink (ReLU at z = 0) the derivative is the library's one-sided value, 0.
    public func tangentFeatures(at inputs: Matrix<Double>, includingOutputBias: Bool = true) throws -> Matrix<Double> {
        guard widths.count == 3, outputDimension == 1, activations[1] == .identity else {
            throw NumericsError.invalidArgument("tangent features need a two-layer network with one identity output, got widths \(widths)")
        }
        guard inputs.columns == inputDimension else {
            throw NumericsError.countMismatch(what: "input columns", expected: inputDimension, actual: inputs.columns)
        }
        let d = inputDimension, m = widths[1], sigma = activations[0]
        let w = try weights(layer: 0), b = try biases(layer: 0), a = try weights(layer: 1)
        let columns = parameterCount - (includingOutputBias ? 0 : 1)
        var features = Matrix<Double>(rows: inputs.rows, columns: columns)
        for i in 0..<inputs.rows {
            for j in 0..<m {
                var z = b[j]
                for k in 0..<d { z += w[k, j] * inputs[i, k] }
                let slope = a[j, 0] * sigma.derivative(z)
                for k in 0..<d { features[i, k * m + j] = slope * inputs[i, k] }
                features[i, d * m + j] = slope
                features[i, (d + 1) * m + j] = sigma.value(z)
            }
            if includingOutputBias { features[i, columns - 1] = 1 }
        }
        return features
    }

    /// The tangent features at 1-D points (see ``tangentFeatures(at:includingOutputBias:)``).
    public func tangentFeatures(at points: [Double], includingOutputBias: Bool = true) throws -> Matrix<Double> {
        try tangentFeatures(at: Matrix(column: points), includingOutputBias: includingOutputBias)
    }

    /// The neural tangent kernel K = F Fᵀ of a two-layer network at `inputs`: K_il = ∇h(x_i)·∇h(x_l).
    ///
    /// ```swift
    /// let K = try net.tangentKernel(at: Matrix(column: xs))     // n × n, symmetric, positive semi-definite
    /// ```
    /// **Edge cases:** the errors of ``tangentFeatures(at:includingOutputBias:)``.
    public func tangentKernel(at inputs: Matrix<Double>, includingOutputBias: Bool = true) throws -> Matrix<Double> {
        let features = try tangentFeatures(at: inputs, includingOutputBias: includingOutputBias)
        return try features * features.transposed()
    }
}

/// μ_max, the largest eigenvalue of the linearised full-batch gradient-descent step (2/n) J S Jᵀ of a
/// network on the mean squared loss, by power iteration on the network itself (any depth).
///
/// J is the n × P Jacobian of the outputs at `inputs`, S = diag(`stepScales`) the per-parameter step
/// scales (1 for parameters past its end). Gradient descent with learning rate η is stable near the
/// start while η μ_max < 2: the largest stable learning rate is 2 / μ_max. Each iteration applies the
/// step without forming J: g = (2/n) Jᵀ v is the loss gradient at targets h − v, and J S g a central
/// difference of the outputs along S g.
///
/// ```swift
/// let mu = try largestStepEigenvalue(net, inputs: x)
/// var trainer = try Trainer(network: net, inputs: x, targets: y, optimizer: SGD(learningRate: 1 / mu))
/// ```
///
/// **Edge cases:**
/// - `iterations` below 1 returns 0; the start vector is fixed (1 + sin(i)/2), so the result is deterministic.
/// - Power iteration converges at the rate of the gap to the second eigenvalue: 15 iterations give a
///   lower bound within a few percent for kernels with one dominant mode, as networks at initialisation have.
/// - A network whose gradient is zero everywhere throws ``NumericsError`` (no direction to step in).
public func largestStepEigenvalue(
    _ network: MLP<Double>, inputs: Matrix<Double>, stepScales: [Double] = [], iterations: Int = 15
) throws -> Double {
    let h = try network.predict(inputs).elements
    var v = (0..<h.count).map { 1 + 0.5 * sin(Double($0)) }
    var probe = network
    var mu = 0.0
    for _ in 0..<max(0, iterations) {
        let norm = v.reduce(0) { $0 + $1 * $1 }.squareRoot()
        v = v.map { $0 / norm }
        let shifted = Matrix(column: zip(h, v).map { $0 - $1 })
        var direction = try network.lossAndGradient(inputs: inputs, targets: shifted).gradient
        for i in stepScales.indices where i < direction.count { direction[i] *= stepScales[i] }
        let largest = direction.map(abs).max() ?? 0
        guard largest > 0 else { throw NumericsError.invalidArgument("largestStepEigenvalue: the gradient is zero") }
        let epsilon = 1e-6 / largest
        try probe.setParameters(zip(network.parameters, direction).map { $0 + epsilon * $1 })
        let plus = try probe.predict(inputs).elements
        try probe.setParameters(zip(network.parameters, direction).map { $0 - epsilon * $1 })
        let minus = try probe.predict(inputs).elements
        v = zip(plus, minus).map { ($0 - $1) / (2 * epsilon) }
        mu = v.reduce(0) { $0 + $1 * $1 }.squareRoot()
    }
    return mu
}
