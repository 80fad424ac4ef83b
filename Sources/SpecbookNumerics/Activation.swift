/// The non-linearity a network layer applies to its pre-activation z = a W + b.
///
/// ```swift
/// let net = try MLP<Float>(widths: [1, 64, 1], activation: .relu, seed: 0)
/// print(Activation.tanh.value(0.5 as Double))   // 0.4621...
/// ```
///
/// **Edge cases:**
/// - ReLU's derivative at exactly 0 is taken as 0 (as in PyTorch); sReLU's at 0 and 1 likewise.
/// - For `Float`, tanh uses a rational approximation with max error 3e-7 (see the MLP docs);
///   `Double` uses libm's tanh, so gradient checks run against the exact function.
public enum Activation: String, Hashable, Sendable, Codable, CaseIterable, CustomStringConvertible {
    /// tanh(z); derivative 1 - tanh(z)².
    case tanh
    /// max(z, 0); derivative 1 for z > 0, else 0.
    case relu
    /// sin(z); derivative cos(z). Used by SIREN-style and Fourier-feature networks.
    case sine
    /// z₊ (1 - z)₊, the compactly supported activation of MscaleDNN; derivative 1 - 2z on (0, 1), else 0.
    case sReLU
    /// z; derivative 1. The usual output activation.
    case identity

    public var description: String { rawValue }

    /// f(z) at one point (not the fast path: for plots and checks).
    public func value<S: MatrixScalar>(_ z: S) -> S {
        switch self {
        case .tanh: return S.tanh(z)
        case .relu: return Swift.max(z, 0)
        case .sine: return S.sin(z)
        case .sReLU: return Swift.max(z, 0) * Swift.max(1 - z, 0)
        case .identity: return z
        }
    }

    /// f'(z) at one point.
    public func derivative<S: MatrixScalar>(_ z: S) -> S {
        switch self {
        case .tanh:
            let t = S.tanh(z)
            return 1 - t * t
        case .relu: return z > 0 ? 1 : 0
        case .sine: return S.cos(z)
        case .sReLU: return z > 0 && z < 1 ? 1 - 2 * z : 0
        case .identity: return 1
        }
    }

    /// a = f(a) over `count` values in place and, when `d` is given, d = f'(z) from the same z.
    @_specialize(where S == Float)
    @_specialize(where S == Double)
    func apply<S: MatrixScalar>(_ a: UnsafeMutablePointer<S>, derivative d: UnsafeMutablePointer<S>?, count: Int) {
        switch self {
        case .tanh:
            S.tanhInPlace(a, derivative: d, count: count)
        case .relu:
            // a = max(z, 0), d = [z > 0]
            DenseKernels.fastest.relu(a, derivative: d, count: count)
        case .sine:
            // a = sin z, d = cos z
            for i in 0..<count {
                let z = a[i]
                a[i] = S.sin(z)
                d?[i] = S.cos(z)
            }
        case .sReLU:
            // a = z₊ (1 - z)₊, d = (1 - 2z)·[0 < z < 1]
            for i in 0..<count {
                let z = a[i]
                d?[i] = z > 0 && z < 1 ? 1 - 2 * z : 0
                a[i] = Swift.max(z, 0) * Swift.max(1 - z, 0)
            }
        case .identity:
            if let d { for i in 0..<count { d[i] = 1 } }
        }
    }

    /// Whether f'(z) can be read off a = f(z) (tanh: 1 − a², ReLU: [a > 0]), so forward need not store it.
    var derivativeFollowsFromOutput: Bool { self == .tanh || self == .relu || self == .identity }

    /// δ ← δ ⊙ f'(z) over a rows×columns block and gb_j = Σ_i δ_ij, in one pass over δ.
    ///
    /// `a` is the layer's output f(z); `d` the stored f'(z) where it does not follow from `a`.
    @_specialize(where S == Float)
    @_specialize(where S == Double)
    func backpropagate<S: MatrixScalar>(
        _ delta: UnsafeMutablePointer<S>, output a: UnsafePointer<S>, derivative d: UnsafePointer<S>,
        rows: Int, columns n: Int, biasGradient gb: UnsafeMutablePointer<S>, accumulate: Bool = false
    ) {
        let kind: DenseKernels.Derivative = switch self {
        case .identity: .one
        case .tanh: .oneMinusSquare
        case .relu: .positive
        case .sine, .sReLU: .stored
        }
        DenseKernels.fastest.backpropagate(
            kind, delta: delta, output: a, derivative: kind == .stored ? d : nil, rows: rows, columns: n,
            biasGradient: gb, accumulate: accumulate)
    }
}
