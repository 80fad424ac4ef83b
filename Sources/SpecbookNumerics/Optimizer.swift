import CVectorKernels
import Foundation

/// A rule that turns a gradient into a parameter update, keeping whatever state it needs.
///
/// ```swift
/// var adam = Adam<Double>(learningRate: 0.1)
/// var p: [Double] = [1, 2]
/// try adam.update(&p, gradient: [0.5, -0.5])
/// ```
///
/// **Edge cases:**
/// - State (momentum, moments) is sized on the first update; later updates must have the same count.
public protocol Optimizer<Scalar> {
    associatedtype Scalar: MatrixScalar
    /// Applies one step to `parameters` given `gradient` (same count), advancing the state.
    mutating func update(_ parameters: UnsafeMutableBufferPointer<Scalar>, gradient: UnsafeBufferPointer<Scalar>)
}

extension Optimizer {
    /// Applies one step to an array of parameters.
    ///
    /// **Edge cases:**
    /// - Counts that differ throw ``NumericsError/countMismatch(what:expected:actual:)``.
    public mutating func update(_ parameters: inout [Scalar], gradient: [Scalar]) throws {
        guard parameters.count == gradient.count else {
            throw NumericsError.countMismatch(what: "gradient", expected: parameters.count, actual: gradient.count)
        }
        gradient.withUnsafeBufferPointer { g in
            parameters.withUnsafeMutableBufferPointer { p in update(p, gradient: g) }
        }
    }
}

/// Stochastic gradient descent with (heavy-ball) momentum, as PyTorch's `optim.SGD`.
///
/// v ← μ v + g,  θ ← θ − η v   (μ = 0 is plain gradient descent).
///
/// ```swift
/// var sgd = SGD<Float>(learningRate: 1e-5)                    // full-batch gradient descent
/// var heavy = SGD<Float>(learningRate: 1e-3, momentum: 0.9)
/// ```
///
/// **Edge cases:**
/// - The first step has v = g (v starts at 0), as in PyTorch.
/// - A parameter count that changes after the first step traps (a programmer error).
public struct SGD<Scalar: MatrixScalar>: Optimizer, Sendable {
    public var learningRate: Scalar
    public var momentum: Scalar
    /// The velocity v, one entry per parameter (empty before the first step).
    public private(set) var velocity: [Scalar] = []

    public init(learningRate: Scalar, momentum: Scalar = 0) {
        self.learningRate = learningRate
        self.momentum = momentum
    }

    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public mutating func update(_ parameters: UnsafeMutableBufferPointer<Scalar>, gradient: UnsafeBufferPointer<Scalar>) {
        let n = parameters.count, lr = learningRate, mu = momentum
        precondition(gradient.count == n, "SGD: gradient count \(gradient.count) != parameter count \(n)")
        if mu == 0 {
            // θ ← θ − η g
            for i in 0..<n { parameters[i] -= lr * gradient[i] }
            return
        }
        if velocity.count != n {
            precondition(velocity.isEmpty, "SGD: parameter count changed from \(velocity.count) to \(n)")
            velocity = [Scalar](repeating: 0, count: n)
        }
        velocity.withUnsafeMutableBufferPointer { v in
            // v ← μ v + g;  θ ← θ − η v
            for i in 0..<n {
                v[i] = mu * v[i] + gradient[i]
                parameters[i] -= lr * v[i]
            }
        }
    }
}

/// Adam (Kingma and Ba), as PyTorch's `optim.Adam` without weight decay.
///
/// m ← β₁ m + (1 − β₁) g,  v ← β₂ v + (1 − β₂) g²,
/// θ ← θ − (η / (1 − β₁ᵗ)) m / (√v / √(1 − β₂ᵗ) + ε).
///
/// ```swift
/// var adam = Adam<Float>(learningRate: 1e-3)
/// ```
///
/// **Edge cases:**
/// - Bias corrections are computed in Double, then rounded to `Scalar`; for `Float` the square root
///   is a vectorised Newton iteration within 3 ulp of `squareRoot()`.
/// - A zero gradient leaves the parameter unchanged while m = 0 (the update is 0 / (0 + ε)).
/// - A parameter count that changes after the first step traps (a programmer error).
public struct Adam<Scalar: MatrixScalar>: Optimizer, Sendable {
    public var learningRate: Double
    public var beta1: Double
    public var beta2: Double
    public var epsilon: Double
    /// The number of steps taken so far (t).
    public private(set) var step = 0
    /// First moment m, one entry per parameter.
    public private(set) var firstMoment: [Scalar] = []
    /// Second moment v, one entry per parameter.
    public private(set) var secondMoment: [Scalar] = []

    public init(learningRate: Double = 1e-3, beta1: Double = 0.9, beta2: Double = 0.999, epsilon: Double = 1e-8) {
        self.learningRate = learningRate
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
    }

    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    public mutating func update(_ parameters: UnsafeMutableBufferPointer<Scalar>, gradient: UnsafeBufferPointer<Scalar>) {
        let n = parameters.count
        precondition(gradient.count == n, "Adam: gradient count \(gradient.count) != parameter count \(n)")
        if firstMoment.count != n {
            precondition(firstMoment.isEmpty, "Adam: parameter count changed from \(firstMoment.count) to \(n)")
            firstMoment = [Scalar](repeating: 0, count: n)
            secondMoment = [Scalar](repeating: 0, count: n)
        }
        step += 1
        let t = Double(step)
        let stepSize = Scalar(learningRate / (1 - pow(beta1, t)))
        let correction2 = Scalar((1 - pow(beta2, t)).squareRoot())
        let b1 = Scalar(beta1), b2 = Scalar(beta2), eps = Scalar(epsilon)
        let c1 = 1 - b1, c2 = 1 - b2
        guard n > 0, let p = parameters.baseAddress, let g = gradient.baseAddress else { return }
        firstMoment.withUnsafeMutableBufferPointer { mBuffer in
            secondMoment.withUnsafeMutableBufferPointer { vBuffer in
                let m = mBuffer.baseAddress!, v = vBuffer.baseAddress!
                // Disjoint slices per core: the rule is element-wise.
                ParallelSlices.run(count: n) { range in
                    if Scalar.self == Float.self, VectorInstructionSet.fastest != .baseline {
                        // The same rule in CVectorKernels on the CPU's widest vectors, bit for bit.
                        return Adam.updateFloats(p + range.lowerBound, m + range.lowerBound, v + range.lowerBound,
                                                 g + range.lowerBound, count: range.count,
                                                 constants: (stepSize, b1, b2, c1, c2, correction2, eps))
                    }
                    // m ← β₁m + (1−β₁)g;  v ← β₂v + (1−β₂)g²;  θ ← θ − s m / (√v / c₂ + ε)
                    for i in range {
                        let gi = g[i]
                        let mi = b1 * m[i] + c1 * gi
                        let vi = b2 * v[i] + c2 * gi * gi
                        m[i] = mi
                        v[i] = vi
                        p[i] -= stepSize * mi / (Scalar.loopSquareRoot(vi) / correction2 + eps)
                    }
                }
            }
        }
    }

    /// The Float case of ``update(_:gradient:)`` through `specbook_adam_f32`.
    private static func updateFloats(
        _ p: UnsafeMutablePointer<Scalar>, _ m: UnsafeMutablePointer<Scalar>, _ v: UnsafeMutablePointer<Scalar>,
        _ g: UnsafePointer<Scalar>, count: Int, constants c: (Scalar, Scalar, Scalar, Scalar, Scalar, Scalar, Scalar)
    ) {
        func float(_ x: Scalar) -> Float { unsafeBitCast(x, to: Float.self) }
        func floats<P>(_ pointer: P) -> UnsafeMutablePointer<Float> { unsafeBitCast(pointer, to: UnsafeMutablePointer<Float>.self) }
        specbook_adam_f32(Int32(VectorInstructionSet.fastest.rawValue), floats(p), floats(m), floats(v),
                          unsafeBitCast(g, to: UnsafePointer<Float>.self), count,
                          float(c.0), float(c.1), float(c.2), float(c.3), float(c.4), float(c.5), float(c.6))
    }
}
