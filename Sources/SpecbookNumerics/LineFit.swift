import Foundation

/// The least-squares line y = intercept + slope · x, with the slope's standard error and R².
///
/// ```swift
/// let fit = try LineFit(x: [1, 2, 3, 4], y: [3, 5, 7, 9.5])
/// fit.slope         // 2.15
/// fit.slopeError    // the slope's standard error from the residuals
/// let power = try LineFit.powerLaw(x: cutoffs, y: norms)   // the exponent p of y ~ x^p, as the slope
/// ```
/// slope = Σ(x − x̄)(y − ȳ) / Σ(x − x̄)², se = sqrt(Σ e² / (n − 2) / Σ(x − x̄)²), R² = 1 − Σ e² / Σ(y − ȳ)².
///
/// **Edge cases:**
/// - Fewer than two points, `x` and `y` of different counts, or all x equal throw ``NumericsError``.
/// - With exactly two points the line is exact: `slopeError` is NaN (no residual degree of freedom).
/// - Constant `y` gives R² = 1 (nothing to explain); non-finite input gives non-finite results.
public struct LineFit: Sendable, Equatable {
    public let slope: Double
    public let intercept: Double
    public let slopeError: Double
    public let rSquared: Double

    public init(x: [Double], y: [Double]) throws {
        guard x.count == y.count else { throw NumericsError.countMismatch(what: "LineFit y values", expected: x.count, actual: y.count) }
        guard x.count >= 2 else { throw NumericsError.invalidArgument("LineFit needs at least two points, got \(x.count)") }
        let m = Double(x.count)
        var mx = 0.0, my = 0.0
        for i in x.indices { mx += x[i]; my += y[i] }
        mx /= m; my /= m
        var sxx = 0.0, sxy = 0.0, syy = 0.0
        for i in x.indices {
            sxx += (x[i] - mx) * (x[i] - mx)
            sxy += (x[i] - mx) * (y[i] - my)
            syy += (y[i] - my) * (y[i] - my)
        }
        guard sxx > 0 else { throw NumericsError.invalidArgument("LineFit: every x is \(mx), so no slope is defined") }
        slope = sxy / sxx
        intercept = my - slope * mx
        var residualSquares = 0.0
        for i in x.indices {
            let e = y[i] - intercept - slope * x[i]
            residualSquares += e * e
        }
        slopeError = x.count > 2 ? (residualSquares / (m - 2) / sxx).squareRoot() : .nan
        rSquared = syy > 0 ? 1 - residualSquares / syy : 1
    }

    /// The fit of log y against log x: the exponent p of y ≈ c x^p is its slope.
    ///
    /// **Edge cases:** a non-positive x or y gives a non-finite logarithm and so non-finite results.
    public static func powerLaw(x: [Double], y: [Double]) throws -> LineFit {
        try LineFit(x: x.map { log($0) }, y: y.map { log($0) })
    }
}
