/// A fully connected network h(x) = f_L(… f_1(x W_1 + b_1) … W_L + b_L), trained by backpropagation.
///
/// Widths run from the input dimension d to the output dimension; each layer l maps a row of
/// `widths[l]` values to `widths[l + 1]` through W_l (widths[l]×widths[l+1], row-major) and b_l.
/// All parameters live in one flat array, layer by layer, W_l before b_l.
///
/// ```swift
/// let xs = (0..<1000).map { -Float.pi + 2 * Float.pi * Float($0) / 999 }
/// let ys = xs.map { sin($0) + sin(3 * $0) + sin(5 * $0) }
/// var net = try MLP<Float>(widths: [1, 200, 200, 100, 1], activation: .tanh, seed: 0)
/// let history = try net.train(inputs: xs, targets: ys, optimizer: Adam(learningRate: 1e-3),
///                             options: TrainingOptions(epochs: 2000, reportEvery: 500)) { progress in
///     print(progress.epoch, progress.loss)
/// }
/// let fit = try net.evaluate(at: xs)        // h at the training points
/// ```
///
/// **Edge cases:**
/// - Fewer than two widths, or any width < 1, throws ``NumericsError/invalidWidths(_:reason:)``.
/// - `Float` is the fast path (float32 BLAS, a vectorised tanh); `Double` is for checks.
public struct MLP<Scalar: MatrixScalar>: Equatable, Sendable {
    /// Layer widths, input dimension first, output dimension last.
    public let widths: [Int]
    /// The activation of each layer, output layer last (`widths.count - 1` entries).
    public let activations: [Activation]
    /// All weights and biases: layer by layer, W_l (row-major) then b_l.
    public private(set) var parameters: [Scalar]
    let layout: ParameterLayout

    /// A network with random parameters from `initialization`, drawn from a generator seeded with `seed`.
    ///
    /// ```swift
    /// let net = try MLP<Float>(widths: [2, 64, 64, 1], activation: .relu, initialization: .small(scale: 0.1), seed: 1)
    /// ```
    ///
    /// **Edge cases:**
    /// - The same seed gives bit-identical parameters.
    public init(
        widths: [Int], activation: Activation = .tanh, outputActivation: Activation = .identity,
        initialization: Initialization = .uniformFanIn, seed: UInt64 = 0
    ) throws {
        var generator = SeededGenerator(seed: seed)
        let layers = Swift.max(widths.count - 1, 0)
        try self.init(
            widths: widths,
            activations: Array(repeating: activation, count: Swift.max(layers - 1, 0)) + [outputActivation],
            initializations: Array(repeating: initialization, count: layers), generator: &generator)
    }

    /// A network with an activation and an initialisation per layer, drawn from `generator`.
    ///
    /// ```swift
    /// var rng = SeededGenerator(seed: 3)
    /// let net = try MLP<Double>(
    ///     widths: [1, 1000, 1], activations: [.relu, .identity],
    ///     initializations: [Initialization(weights: .uniform(-3, 3), biases: .uniform(-3, 3)),
    ///                       Initialization(weights: .uniform(-0.1, 0.1))],
    ///     generator: &rng)
    /// ```
    ///
    /// **Edge cases:**
    /// - `activations` and `initializations` must have one entry per layer, else
    ///   ``NumericsError/countMismatch(what:expected:actual:)``.
    public init(
        widths: [Int], activations: [Activation], initializations: [Initialization],
        generator: inout SeededGenerator
    ) throws {
        guard widths.count >= 2 else {
            throw NumericsError.invalidWidths(widths, reason: "need at least an input and an output width")
        }
        if let zero = widths.firstIndex(where: { $0 < 1 }) {
            throw NumericsError.invalidWidths(widths, reason: "width at position \(zero) is \(widths[zero]); every layer needs at least one unit")
        }
        let layers = widths.count - 1
        guard activations.count == layers else {
            throw NumericsError.countMismatch(what: "activations (one per layer)", expected: layers, actual: activations.count)
        }
        guard initializations.count == layers else {
            throw NumericsError.countMismatch(what: "initializations (one per layer)", expected: layers, actual: initializations.count)
        }
        self.widths = widths
        self.activations = activations
        let layout = ParameterLayout(widths: widths)
        self.layout = layout
        var parameters = [Scalar](repeating: 0, count: layout.parameterCount)
        parameters.withUnsafeMutableBufferPointer { p in
            for l in 0..<layers {
                let fanIn = widths[l]
                initializations[l].weights.fill(UnsafeMutableBufferPointer(rebasing: p[layout.weightRange(l)]), fanIn: fanIn, generator: &generator)
                initializations[l].biases.fill(UnsafeMutableBufferPointer(rebasing: p[layout.biasRange(l)]), fanIn: fanIn, generator: &generator)
            }
        }
        self.parameters = parameters
    }

    /// The number of layers (weight matrices).
    public var layerCount: Int { widths.count - 1 }
    /// The input dimension d.
    public var inputDimension: Int { widths[0] }
    /// The output dimension.
    public var outputDimension: Int { widths[widths.count - 1] }
    /// The number of trainable parameters.
    public var parameterCount: Int { parameters.count }

    /// Where W_l sits in ``parameters``.
    public func weightRange(layer: Int) -> Range<Int> { layout.weightRange(layer) }
    /// Where b_l sits in ``parameters``.
    public func biasRange(layer: Int) -> Range<Int> { layout.biasRange(layer) }

    /// The weights of layer `layer` (0 = first), widths[layer]×widths[layer + 1].
    ///
    /// **Edge cases:**
    /// - A layer index out of range throws ``NumericsError/invalidArgument(_:)``.
    public func weights(layer: Int) throws -> Matrix<Scalar> {
        try checkLayer(layer)
        return try Matrix(rows: widths[layer], columns: widths[layer + 1], elements: Array(parameters[layout.weightRange(layer)]))
    }

    /// The biases of layer `layer`.
    public func biases(layer: Int) throws -> [Scalar] {
        try checkLayer(layer)
        return Array(parameters[layout.biasRange(layer)])
    }

    /// Replaces the weights of layer `layer`.
    ///
    /// ```swift
    /// try net.setWeights(Matrix(row: [1, -1]), layer: 0)   // 1 input, 2 hidden units
    /// ```
    ///
    /// **Edge cases:**
    /// - A matrix of another shape throws ``NumericsError/shapeMismatch(operation:lhs:rhs:requirement:)``.
    public mutating func setWeights(_ w: Matrix<Scalar>, layer: Int) throws {
        try checkLayer(layer)
        let expected = MatrixShape(rows: widths[layer], columns: widths[layer + 1])
        guard w.shape == expected else {
            throw NumericsError.shapeMismatch(
                operation: "setWeights(layer: \(layer))", lhs: expected, rhs: w.shape, requirement: "inputs × outputs of the layer")
        }
        parameters.replaceSubrange(layout.weightRange(layer), with: w.elements)
    }

    /// Replaces the biases of layer `layer`.
    ///
    /// **Edge cases:**
    /// - A count other than the layer's width throws ``NumericsError/countMismatch(what:expected:actual:)``.
    public mutating func setBiases(_ b: [Scalar], layer: Int) throws {
        try checkLayer(layer)
        guard b.count == widths[layer + 1] else {
            throw NumericsError.countMismatch(what: "biases of layer \(layer)", expected: widths[layer + 1], actual: b.count)
        }
        parameters.replaceSubrange(layout.biasRange(layer), with: b)
    }

    /// Replaces all parameters at once (the layout of ``parameters``).
    ///
    /// **Edge cases:**
    /// - A wrong count throws ``NumericsError/countMismatch(what:expected:actual:)``.
    public mutating func setParameters(_ p: [Scalar]) throws {
        guard p.count == parameters.count else {
            throw NumericsError.countMismatch(what: "network parameters", expected: parameters.count, actual: p.count)
        }
        parameters = p
    }

    mutating func withMutableParameters<R>(_ body: (UnsafeMutableBufferPointer<Scalar>) throws -> R) rethrows -> R {
        try parameters.withUnsafeMutableBufferPointer { try body($0) }
    }

    private func checkLayer(_ layer: Int) throws {
        guard (0..<layerCount).contains(layer) else {
            throw NumericsError.invalidArgument("layer \(layer) does not exist: the network has layers 0..<\(layerCount)")
        }
    }
}

/// Offsets of each layer's weights and biases in the flat parameter array.
struct ParameterLayout: Equatable, Sendable {
    let widths: [Int]
    let weightOffsets: [Int]
    let biasOffsets: [Int]
    let parameterCount: Int

    init(widths: [Int]) {
        self.widths = widths
        var w: [Int] = [], b: [Int] = []
        var offset = 0
        for l in 0..<(widths.count - 1) {
            w.append(offset)
            offset += widths[l] * widths[l + 1]
            b.append(offset)
            offset += widths[l + 1]
        }
        weightOffsets = w
        biasOffsets = b
        parameterCount = offset
    }

    func weightRange(_ l: Int) -> Range<Int> { weightOffsets[l]..<(weightOffsets[l] + widths[l] * widths[l + 1]) }
    func biasRange(_ l: Int) -> Range<Int> { biasOffsets[l]..<(biasOffsets[l] + widths[l + 1]) }
    var maxWidth: Int { widths.max() ?? 0 }
}
