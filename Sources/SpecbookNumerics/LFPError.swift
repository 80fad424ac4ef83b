import Foundation

/// Why an LFP computation refused its input; the description names the offending values.
///
/// ```swift
/// do {
///     _ = try LFPSolver(dimension: 4, cutoff: 8, weight: .sobolev(alpha: 2))
/// } catch let error as LFPError {
///     print(error)   // dimension d = 4 is not supported: the LFP solver works on the torus [0,1)^d for d = 1, 2, 3
/// }
/// ```
///
/// **Edge cases:**
/// - Every case is thrown before any large allocation, so a refused call leaves nothing behind.
public enum LFPError: Error, Equatable, CustomStringConvertible, Sendable {
    case unsupportedDimension(Int)
    case invalidCutoff(Int)
    case invalidAlpha(Double)
    /// The weight at a frequency is not finite and positive.
    case invalidWeight(frequency: [Int], value: Double)
    /// A custom weight differs at k and -k, so the interpolant would not be real.
    case weightNotEven(frequency: [Int], value: Double, mirroredValue: Double)
    case invalidParameter(name: String, value: Double, requirement: String)
    case pointCountMismatch(coordinates: Int, dimension: Int)
    case valueCountMismatch(points: Int, values: Int)
    case pointOutsideTorus(index: Int, coordinate: Int, value: Double)
    case duplicatePoints(first: Int, second: Int)
    /// More data points than frequencies: the Gram matrix has rank at most the number of frequencies.
    case tooFewFrequencies(points: Int, frequencies: Int)
    /// Cholesky found a non-positive pivot at this leading minor.
    case gramMatrixNotPositiveDefinite(leadingMinor: Int)
    case singularGramMatrix(reciprocalCondition: Double)
    case invalidGridSize(Int)
    case insufficientMemory(what: String, bytesNeeded: Int, bytesAvailable: Int)
    case lapackFailure(routine: String, info: Int)
    case emptyData

    public var description: String {
        switch self {
        case .unsupportedDimension(let d):
            return "dimension d = \(d) is not supported: the LFP solver works on the torus [0,1)^d for d = 1, 2, 3"
        case .invalidCutoff(let k):
            return "cut-off K = \(k) must be at least 1 (frequencies |k|_inf <= K)"
        case .invalidAlpha(let alpha):
            return "alpha = \(alpha) must be positive and finite: the weight must grow with frequency"
        case .invalidWeight(let k, let value):
            return "the weight at frequency k = \(k) is \(value); weights must be finite and positive"
        case .weightNotEven(let k, let value, let mirrored):
            return "the weight is not even: w(\(k)) = \(value) but w(\(k.map { -$0 })) = \(mirrored); a real interpolant needs w(k) = w(-k)"
        case .invalidParameter(let name, let value, let requirement):
            return "\(name) = \(value) is invalid: \(requirement)"
        case .pointCountMismatch(let coordinates, let d):
            return "\(coordinates) coordinates do not make whole points in dimension \(d) (expected a multiple of \(d), row-major n x d)"
        case .valueCountMismatch(let points, let values):
            return "\(points) data points but \(values) values"
        case .pointOutsideTorus(let index, let coordinate, let value):
            return "data point \(index) has coordinate \(coordinate) = \(value), outside the torus [0, 1): map the data into [0, 1)^d first"
        case .duplicatePoints(let first, let second):
            return "data points \(first) and \(second) coincide: the Gram matrix is singular (merge them or remove one)"
        case .tooFewFrequencies(let points, let frequencies):
            return "\(points) data points but only \(frequencies) frequencies: raise the cut-off K so that (2K+1)^d >= n"
        case .gramMatrixNotPositiveDefinite(let minor):
            return "the Gram matrix is not numerically positive definite (Cholesky failed at leading minor \(minor)): points too close for this weight, or alpha too large"
        case .singularGramMatrix(let rcond):
            return "the Gram matrix is numerically singular (reciprocal condition estimate \(rcond)): points too close for this weight, or alpha too large"
        case .invalidGridSize(let n):
            return "grid size N = \(n) must be at least 1"
        case .insufficientMemory(let what, let needed, let available):
            return "\(what) would need \(Self.formatBytes(needed)), more than the \(Self.formatBytes(available)) allowed; lower the cut-off, the grid size or the number of points"
        case .lapackFailure(let routine, let info):
            return "LAPACK routine \(routine) failed with info = \(info)"
        case .emptyData:
            return "no data points: the interpolant needs at least one (x_i, y_i)"
        }
    }

    static func formatBytes(_ bytes: Int) -> String {
        let gib = Double(bytes) / Double(1 << 30)
        if gib >= 1 { return String(format: "%.1f GiB", gib) }
        return String(format: "%.1f MiB", Double(bytes) / Double(1 << 20))
    }
}
