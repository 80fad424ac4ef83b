extension MLP {
    /// A two-layer network h(x) = Σ_j a_j σ(w_j · x + b_j) that is exactly 0 at initialisation.
    ///
    /// Units come in pairs: units 2j and 2j + 1 share (w_j, b_j) and have output weights a_j and
    /// −a_j, so their contributions cancel for every x (anti-symmetric initialisation).
    /// The output bias starts at 0. Used to compare a trained network with the LFP prediction,
    /// which assumes h = 0 at the start.
    ///
    /// ```swift
    /// // w, b ~ U[-3, 3), a ~ U[-0.1, 0.1): the cubic-spline-like regime.
    /// let net = try MLP<Float>.antisymmetricTwoLayer(
    ///     inputDimension: 1, width: 10_000, activation: .relu,
    ///     inputWeights: .uniform(-3, 3), biases: .uniform(-3, 3), outputWeights: .uniform(-0.1, 0.1), seed: 0)
    /// ```
    ///
    /// **Edge cases:**
    /// - An odd or non-positive `width` throws ``NumericsError/invalidArgument(_:)``.
    /// - h(x) is 0 up to rounding at the start (exactly 0 when `width` is a multiple of 4, as the
    ///   output sum then adds each pair's terms in mirrored order).
    /// - Draw order: for each pair j, its d input weights, then b_j, then a_j; fan-in scaled
    ///   distributions use fan-in d for w and b and fan-in `width` for a.
    public static func antisymmetricTwoLayer(
        inputDimension d: Int, width: Int, activation: Activation = .relu,
        inputWeights: ParameterDistribution, biases: ParameterDistribution, outputWeights: ParameterDistribution,
        seed: UInt64 = 0
    ) throws -> MLP {
        guard width > 0, width % 2 == 0 else {
            throw NumericsError.invalidArgument("antisymmetric initialisation needs an even, positive width, got \(width)")
        }
        var rng = SeededGenerator(seed: seed)
        let zeros = Initialization(weights: .zeros, biases: .zeros)
        var net = try MLP(widths: [d, width, 1], activations: [activation, .identity],
                          initializations: [zeros, zeros], generator: &rng)
        var w = Matrix<Scalar>(rows: d, columns: width)
        var b = [Scalar](repeating: 0, count: width)
        var a = Matrix<Scalar>(rows: width, columns: 1)
        var one = [Scalar](repeating: 0, count: Swift.max(d, 1))
        for j in 0..<(width / 2) {
            one.withUnsafeMutableBufferPointer { inputWeights.fill(UnsafeMutableBufferPointer(rebasing: $0[0..<d]), fanIn: d, generator: &rng) }
            for k in 0..<d {
                w[k, 2 * j] = one[k]
                w[k, 2 * j + 1] = one[k]
            }
            one.withUnsafeMutableBufferPointer { biases.fill(UnsafeMutableBufferPointer(rebasing: $0[0..<1]), fanIn: d, generator: &rng) }
            b[2 * j] = one[0]
            b[2 * j + 1] = one[0]
            one.withUnsafeMutableBufferPointer { outputWeights.fill(UnsafeMutableBufferPointer(rebasing: $0[0..<1]), fanIn: width, generator: &rng) }
            a[2 * j, 0] = one[0]
            a[2 * j + 1, 0] = -one[0]
        }
        try net.setWeights(w, layer: 0)
        try net.setBiases(b, layer: 0)
        try net.setWeights(a, layer: 1)
        return net
    }
}
