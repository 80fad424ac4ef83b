import Foundation

/// The penalty w(k) on each Fourier coefficient in the LFP minimisation min sum_k w(k) |h^(k)|^2.
///
/// w = 1/gamma^2, where gamma(k)^2 is the speed at which gradient flow learns frequency k. The
/// critical rate is alpha = d: for w ~ |k|^alpha with alpha < d the interpolant is trivial.
///
/// ```swift
/// let regular = LFPWeight.sobolev(alpha: 2)                                  // (1 + |2 pi k|^2)^(alpha/2)
/// let study = LFPWeight.sobolev(alpha: 10, frequencyScale: 0.25)             // (1 + |k dxi|^2)^(alpha/2), dxi = 0.25
/// let steep = LFPWeight.homogeneous(alpha: 3)                                // |2 pi k|^alpha, w(0) = 1
/// let relu = LFPWeight.twoLayerReLU(.uniform(weightRange: 3, outputRange: 0.1))
/// let mine = LFPWeight.custom { k in 1 + Double(k.map { $0 * $0 }.reduce(0, +)) }
/// print(try regular.value(at: [1]))                                          // 1 + 4 pi^2
/// ```
///
/// **Edge cases:**
/// - `alpha` must be positive and finite (`LFPError.invalidAlpha`), `frequencyScale` positive.
/// - `sobolev` with `frequencyScale` dxi is the source study's (1 + |J|^2 dxi^2)^(alpha/2) on a period of 1/dxi:
///   a smaller dxi flattens the weight over low frequencies, which keeps steep weights (alpha = 10) well conditioned.
/// - `homogeneous`: |0|^alpha = 0 has no inverse, so w(0) is `zeroFrequencyWeight` (default 1, the value at |2 pi k| = 1).
/// - `twoLayerReLU`: gamma^2 is infinite at k = 0, so gamma(0)^2 is `zeroFrequencyGammaSquared`,
///   by default gamma^2 at |k| = 1 (the lowest non-zero frequency): the mean is learnt as fast as the slowest mode allows.
/// - `custom` must be even, w(k) = w(-k), finite and positive; the solver checks every frequency and throws.
public enum LFPWeight: Sendable {
    /// w(k) = (1 + |s k|^2)^(alpha/2), s = frequencyScale (2 pi: the Fourier variable of the unit torus).
    case sobolev(alpha: Double, frequencyScale: Double = 2 * Double.pi)
    /// w(k) = |2 pi k|^alpha for k != 0, w(0) = zeroFrequencyWeight.
    case homogeneous(alpha: Double, zeroFrequencyWeight: Double = 1)
    /// w(k) = 1/gamma(k)^2 with gamma(xi)^2 = E[r^3/(16 pi^4 |xi|^(d+3)) + a^2 r/(4 pi^2 |xi|^(d+1))], r = |w|.
    case twoLayerReLU(ReLUInitialization, zeroFrequencyGammaSquared: Double? = nil)
    /// Any even, positive weight of the integer frequency vector k.
    case custom(@Sendable ([Int]) -> Double)

    /// w(k) for an integer frequency vector (its count is the dimension).
    public func value(at k: [Int]) throws -> Double {
        1 / (try inverse(dimension: k.count))(k)
    }

    /// A function returning w(k)^{-1} = gamma(k)^2, after checking the parameters once.
    func inverse(dimension d: Int) throws -> ([Int]) -> Double {
        if case .custom(let weight) = self { return { k in 1 / weight(k) } }
        let radial = try radialInverse(dimension: d)!
        return { k in radial(k.reduce(0) { $0 + $1 * $1 }) }
    }

    /// w^{-1} as a function of the integer |k|^2, after checking the parameters once; nil for `custom`, the one
    /// weight that need not depend on |k| alone.
    func radialInverse(dimension d: Int) throws -> ((Int) -> Double)? {
        switch self {
        case .sobolev(let alpha, let scale):
            try Self.check(alpha: alpha)
            guard scale.isFinite && scale > 0 else {
                throw LFPError.invalidParameter(name: "frequencyScale", value: scale, requirement: "must be positive and finite")
            }
            // w^{-1} = (1 + s^2 |k|^2)^(-alpha/2)
            return { m in pow(1 + scale * scale * Double(m), -alpha / 2) }
        case .homogeneous(let alpha, let zero):
            try Self.check(alpha: alpha)
            guard zero.isFinite && zero > 0 else { throw LFPError.invalidWeight(frequency: [Int](repeating: 0, count: d), value: zero) }
            // w^{-1} = |2 pi k|^(-alpha)
            return { m in
                let s = Double(m)
                return s == 0 ? 1 / zero : pow(4 * Double.pi * Double.pi * s, -alpha / 2)
            }
        case .twoLayerReLU(let initialization, let zero):
            let (c1, c2) = try initialization.gammaSquaredConstants(dimension: d)
            let atZero = zero ?? (c1 + c2)
            guard atZero.isFinite && atZero > 0 else {
                throw LFPError.invalidParameter(name: "zeroFrequencyGammaSquared", value: atZero, requirement: "gamma(0)^2 must be finite and positive")
            }
            // gamma^2 = c1 / |k|^(d+3) + c2 / |k|^(d+1)
            return { m in
                let s = Double(m)
                if s == 0 { return atZero }
                let r = s.squareRoot()
                return c1 / pow(r, Double(d + 3)) + c2 / pow(r, Double(d + 1))
            }
        case .custom:
            return nil
        }
    }

    var isCustom: Bool { if case .custom = self { return true } else { return false } }

    static func check(alpha: Double) throws {
        guard alpha.isFinite && alpha > 0 else { throw LFPError.invalidAlpha(alpha) }
    }
}

/// The initial parameter distribution of a two-layer ReLU network h(x) = sum_i a_i relu(w_i.x + b_i), which sets gamma^2.
///
/// ```swift
/// let cubicSpline = ReLUInitialization.uniform(weightRange: 3, outputRange: 0.1)   // w ~ U[-3,3]^d, a ~ U[-0.1,0.1]
/// let (c1, c2) = try cubicSpline.gammaSquaredConstants(dimension: 1)               // E[r^3]/(16 pi^4), E[a^2 r]/(4 pi^2)
/// ```
///
/// **Edge cases:**
/// - Ranges must be finite and positive; sample arrays must be non-empty with `inputWeights.count == d * outputWeights.count`.
/// - For `.uniform`, E[|w|^p] over the cube is computed by Gauss-Legendre quadrature of a smooth reduced
///   integral (exact in 1-D), accurate to about 1e-14 relative.
public enum ReLUInitialization: Sendable {
    /// w ~ U[-weightRange, weightRange]^d and a ~ U[-outputRange, outputRange], independent.
    case uniform(weightRange: Double, outputRange: Double)
    /// m sampled neurons: input weights row-major m x d, output weights m.
    case samples(inputWeights: [Double], outputWeights: [Double])

    /// (c1, c2) in gamma(xi)^2 = c1/|xi|^(d+3) + c2/|xi|^(d+1): c1 = E[r^3]/(16 pi^4), c2 = E[a^2 r]/(4 pi^2).
    public func gammaSquaredConstants(dimension d: Int) throws -> (cubic: Double, linear: Double) {
        guard (1...3).contains(d) else { throw LFPError.unsupportedDimension(d) }
        let pi2 = Double.pi * Double.pi
        switch self {
        case .uniform(let s, let t):
            for (name, value) in [("weightRange", s), ("outputRange", t)] where !(value.isFinite && value > 0) {
                throw LFPError.invalidParameter(name: name, value: value, requirement: "a uniform range U[-s, s] needs a finite s > 0")
            }
            // E[a^2] = t^2/3, independent of r; E[r^p] = s^p E_{[0,1]^d}[|u|^p]
            let r3 = pow(s, 3) * Self.meanNormPower(3, dimension: d)
            let r1 = s * Self.meanNormPower(1, dimension: d)
            return (r3 / (16 * pi2 * pi2), t * t / 3 * r1 / (4 * pi2))
        case .samples(let w, let a):
            guard !a.isEmpty && w.count == d * a.count else {
                throw LFPError.invalidParameter(name: "inputWeights.count", value: Double(w.count),
                                                requirement: "need \(d) x \(a.count) input weights for \(a.count) output weights (and at least one neuron)")
            }
            var r3 = 0.0, ar = 0.0
            for i in a.indices {
                let r = (0..<d).reduce(0.0) { $0 + w[i * d + $1] * w[i * d + $1] }.squareRoot()
                r3 += r * r * r
                ar += a[i] * a[i] * r
            }
            let m = Double(a.count)
            return (r3 / m / (16 * pi2 * pi2), ar / m / (4 * pi2))
        }
    }

    /// E|u|^p for u uniform on [0,1]^d, by symmetry reduced to smooth integrals over the ordered simplex.
    static func meanNormPower(_ p: Double, dimension d: Int) -> Double {
        let (nodes, weights) = gaussLegendre(count: 40)
        switch d {
        case 1:
            return 1 / (p + 1)
        case 2:
            // 2/(p+2) int_0^1 (1 + t^2)^(p/2) dt, from x >= y, y = x t
            var sum = 0.0
            for i in nodes.indices { sum += weights[i] * pow(1 + nodes[i] * nodes[i], p / 2) }
            return 2 / (p + 2) * sum
        default:
            // 6/(p+3) int int t (1 + t^2 + t^2 u^2)^(p/2) du dt, from x >= y >= z, y = x t, z = x t u
            var sum = 0.0
            for i in nodes.indices {
                let t = nodes[i]
                for j in nodes.indices { sum += weights[i] * weights[j] * t * pow(1 + t * t + t * t * nodes[j] * nodes[j], p / 2) }
            }
            return 6 / (p + 3) * sum
        }
    }

    /// Gauss-Legendre nodes and weights on [0, 1], by Newton's method on the Legendre polynomial.
    static func gaussLegendre(count n: Int) -> (nodes: [Double], weights: [Double]) {
        var nodes = [Double](repeating: 0, count: n), weights = nodes
        for i in 0..<n {
            var x = cos(Double.pi * (Double(i) + 0.75) / (Double(n) + 0.5))
            var derivative = 0.0
            for _ in 0..<100 {
                // (j+1) P_{j+1} = (2j+1) x P_j - j P_{j-1}
                var p0 = 1.0, p1 = x
                for j in 1..<n { (p0, p1) = (p1, (Double(2 * j + 1) * x * p1 - Double(j) * p0) / Double(j + 1)) }
                derivative = Double(n) * (x * p1 - p0) / (x * x - 1)
                let step = p1 / derivative
                x -= step
                if abs(step) < 1e-16 { break }
            }
            nodes[i] = (1 - x) / 2
            weights[i] = 1 / ((1 - x * x) * derivative * derivative)
        }
        return (nodes, weights)
    }
}
