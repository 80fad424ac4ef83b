/// How the initial values of one kind of parameter (weights or biases of a layer) are drawn.
///
/// `fanIn` is the number of inputs of the layer (its previous width).
///
/// ```swift
/// let wide = ParameterDistribution.uniform(-3, 3)          // w, b ~ U[-3, 3)
/// let small = ParameterDistribution.normalFanIn(scale: 1e-2) // N(0, 1e-4 / fanIn): small regime
/// ```
///
/// **Edge cases:**
/// - Draws are Double values rounded to the network's scalar type.
/// - `.uniform(a, a)` and a zero standard deviation give constants (the generator still advances).
public enum ParameterDistribution: Hashable, Sendable {
    /// All zeros (draws nothing).
    case zeros
    /// Uniform on [low, high).
    case uniform(Double, Double)
    /// Normal with the given mean and standard deviation.
    case normal(mean: Double, standardDeviation: Double)
    /// Uniform on ±scale/√fanIn: PyTorch's `nn.Linear` default for scale 1.
    case uniformFanIn(scale: Double)
    /// Normal N(0, scale²/fanIn): LeCun for scale 1, the small-initialisation regime for scale ≪ 1.
    case normalFanIn(scale: Double)

    /// Fills `buffer` with draws for a layer with `fanIn` inputs.
    func fill<S: MatrixScalar>(_ buffer: UnsafeMutableBufferPointer<S>, fanIn: Int, generator: inout SeededGenerator) {
        let root = Double(Swift.max(fanIn, 1)).squareRoot()
        switch self {
        case .zeros:
            for i in buffer.indices { buffer[i] = 0 }
        case let .uniform(low, high):
            generator.fillUniform(buffer, from: low, to: high)
        case let .normal(mean, sd):
            generator.fillNormal(buffer, mean: mean, standardDeviation: sd)
        case let .uniformFanIn(scale):
            generator.fillUniform(buffer, from: -scale / root, to: scale / root)
        case let .normalFanIn(scale):
            generator.fillNormal(buffer, mean: 0, standardDeviation: scale / root)
        }
    }
}

/// The distributions a layer's weights and biases start from.
///
/// ```swift
/// let net = try MLP<Float>(widths: [1, 200, 200, 100, 1], initialization: .uniformFanIn, seed: 0)
/// let tiny = try MLP<Float>(widths: [1, 1000, 1], activation: .relu, initialization: .small(scale: 1e-3), seed: 0)
/// ```
///
/// **Edge cases:**
/// - Layers are drawn in order, weights (row-major, inputs × outputs) before biases, so a seed
///   fixes every parameter.
public struct Initialization: Hashable, Sendable {
    public var weights: ParameterDistribution
    public var biases: ParameterDistribution

    public init(weights: ParameterDistribution, biases: ParameterDistribution = .zeros) {
        self.weights = weights
        self.biases = biases
    }

    /// Weights U(±1/√fanIn), zero biases: the reference workload's initialisation.
    public static let uniformFanIn = Initialization(weights: .uniformFanIn(scale: 1), biases: .zeros)

    /// Weights and biases U(±1/√fanIn), as PyTorch's `nn.Linear`.
    public static let pyTorchDefault = Initialization(weights: .uniformFanIn(scale: 1), biases: .uniformFanIn(scale: 1))

    /// Weights N(0, scale²/fanIn) and zero biases; scale ≪ 1 is the small-initialisation regime.
    public static func small(scale: Double) -> Initialization {
        Initialization(weights: .normalFanIn(scale: scale), biases: .zeros)
    }
}
