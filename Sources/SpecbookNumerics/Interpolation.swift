import Foundation

/// The natural cubic spline through points (x_i, y_i): twice continuously differentiable, cubic between
/// knots, with zero second derivative at both ends; continued as a straight line (its end slope) beyond them.
///
/// It is the interpolant of least bending energy ∫ h''(x)² dx, which is what a network's LFP limit
/// approaches when the |ξ|^-4 term of γ(ξ)² dominates.
///
/// ```swift
/// let spline = try NaturalCubicSpline(x: [0, 0.2, 0.4], y: [1, 0, 1])
/// spline(0.2)               // 0 (it passes through the data)
/// spline([0.1, 0.3])        // [0.3125, 0.3125]
/// spline.secondDerivatives  // [0, 75, 0]
/// ```
///
/// **Edge cases:**
/// - Fewer than 2 knots, `x` and `y` of different counts, knots not strictly increasing or non-finite throw
///   ``NumericsError/invalidArgument(_:)`` or ``NumericsError/countMismatch(what:expected:actual:)``.
/// - Two knots give the straight line through them.
/// - A NaN query gives NaN; queries outside the knots follow the end slopes (linear extrapolation).
public struct NaturalCubicSpline: Sendable, Equatable {
    /// The knots x_i, strictly increasing.
    public let knots: [Double]
    /// The values y_i at the knots.
    public let values: [Double]
    /// The spline's second derivative M_i at each knot (M_0 = M_{n-1} = 0).
    public let secondDerivatives: [Double]

    public init(x: [Double], y: [Double]) throws {
        try Self.validate(x: x, y: y, what: "natural cubic spline")
        let n = x.count
        let h = (0..<(n - 1)).map { x[$0 + 1] - x[$0] }
        // h_{i-1} M_{i-1} + 2 (h_{i-1} + h_i) M_i + h_i M_{i+1} = 6 (Δ_i - Δ_{i-1}), Δ_i = (y_{i+1} - y_i) / h_i
        var diagonal = [Double](repeating: 1, count: n), upper = [Double](repeating: 0, count: n)
        var lower = [Double](repeating: 0, count: n), rhs = [Double](repeating: 0, count: n)
        for i in 1..<max(1, n - 1) {
            lower[i] = h[i - 1]
            diagonal[i] = 2 * (h[i - 1] + h[i])
            upper[i] = h[i]
            rhs[i] = 6 * ((y[i + 1] - y[i]) / h[i] - (y[i] - y[i - 1]) / h[i - 1])
        }
        // Thomas algorithm: the system is diagonally dominant, so no pivoting is needed.
        for i in 1..<n {
            let factor = lower[i] / diagonal[i - 1]
            diagonal[i] -= factor * upper[i - 1]
            rhs[i] -= factor * rhs[i - 1]
        }
        var m = [Double](repeating: 0, count: n)
        m[n - 1] = rhs[n - 1] / diagonal[n - 1]
        for i in stride(from: n - 2, through: 0, by: -1) { m[i] = (rhs[i] - upper[i] * m[i + 1]) / diagonal[i] }
        knots = x
        values = y
        secondDerivatives = m
    }

    /// The spline's value at `t`.
    public func callAsFunction(_ t: Double) -> Double {
        guard !t.isNaN else { return .nan }
        let x = knots, y = values, m = secondDerivatives, n = x.count
        if t < x[0] || t > x[n - 1] {
            // Beyond the ends h'' = 0, so h continues with the end slope.
            let h0 = x[1] - x[0], hn = x[n - 1] - x[n - 2]
            return t < x[0]
                ? y[0] + ((y[1] - y[0]) / h0 - h0 * m[1] / 6) * (t - x[0])
                : y[n - 1] + ((y[n - 1] - y[n - 2]) / hn + hn * m[n - 2] / 6) * (t - x[n - 1])
        }
        let i = min(Self.interval(of: t, in: x), n - 2)
        let h = x[i + 1] - x[i], a = x[i + 1] - t, b = t - x[i]
        // h(t) = (M_i a³ + M_{i+1} b³) / 6h + (y_i / h - M_i h / 6) a + (y_{i+1} / h - M_{i+1} h / 6) b
        return (m[i] * a * a * a + m[i + 1] * b * b * b) / (6 * h)
            + (y[i] / h - m[i] * h / 6) * a + (y[i + 1] / h - m[i + 1] * h / 6) * b
    }

    /// The spline's values at every query point.
    public func callAsFunction(_ ts: [Double]) -> [Double] { ts.map { callAsFunction($0) } }

    static func validate(x: [Double], y: [Double], what: String) throws {
        guard x.count == y.count else { throw NumericsError.countMismatch(what: "\(what): y", expected: x.count, actual: y.count) }
        guard x.count >= 2 else { throw NumericsError.invalidArgument("\(what): needs at least 2 knots, got \(x.count)") }
        guard x.allSatisfy(\.isFinite), y.allSatisfy(\.isFinite) else { throw NumericsError.nonFiniteInput(operation: what) }
        guard zip(x, x.dropFirst()).allSatisfy({ $0 < $1 }) else {
            throw NumericsError.invalidArgument("\(what): knots must be strictly increasing, got \(x)")
        }
    }

    /// The index i of the last knot at or before t (0 when t is before the first).
    static func interval(of t: Double, in x: [Double]) -> Int {
        var low = 0, high = x.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if x[mid] <= t { low = mid } else { high = mid - 1 }
        }
        return low
    }
}

/// The piecewise-linear interpolant through points (x_i, y_i), constant beyond the first and last knot.
///
/// It is the interpolant of least ∫ h'(x)² dx, which a network's LFP limit approaches when the
/// |ξ|^-2 term of γ(ξ)² dominates.
///
/// ```swift
/// let line = try PiecewiseLinear(x: [0, 0.2, 0.4], y: [1, 0, 1])
/// line(0.1)          // 0.5
/// line([-1, 0.3, 2]) // [1, 0.5, 1] (to rounding)
/// ```
///
/// **Edge cases:** the same validation as ``NaturalCubicSpline`` (at least 2 strictly increasing finite knots,
/// as many values); a NaN query gives NaN; queries before the first knot take y_0, after the last y_{n-1}.
public struct PiecewiseLinear: Sendable, Equatable {
    public let knots: [Double]
    public let values: [Double]

    public init(x: [Double], y: [Double]) throws {
        try NaturalCubicSpline.validate(x: x, y: y, what: "piecewise-linear interpolant")
        knots = x
        values = y
    }

    /// The interpolant's value at `t`.
    public func callAsFunction(_ t: Double) -> Double {
        guard !t.isNaN else { return .nan }
        let x = knots, y = values
        if t <= x[0] { return y[0] }
        if t >= x[x.count - 1] { return y[y.count - 1] }
        let i = NaturalCubicSpline.interval(of: t, in: x)
        return y[i] + (y[i + 1] - y[i]) * (t - x[i]) / (x[i + 1] - x[i])
    }

    /// The interpolant's values at every query point.
    public func callAsFunction(_ ts: [Double]) -> [Double] { ts.map { callAsFunction($0) } }
}
