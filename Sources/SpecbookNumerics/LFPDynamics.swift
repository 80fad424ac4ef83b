import COpenBLAS
import Foundation

/// The linear frequency principle flow d/dt h^(k) = -gamma(k)^2 (h_rho - f_rho)^(k), solved exactly in time.
///
/// With rho the empirical measure (1/n) sum_j delta_{x_j}, the flow changes h only by kernel terms:
/// h(x, t) = h(x, 0) + sum_j b_j(t) G_K(x - x_j), and the residual at the data r = h(x_i) - y_i obeys
/// dr/dt = -A r with A = Gram / n. With A = V diag(lambda) V^T (LAPACK dsyevd):
/// r(t) = V e^{-t lambda} V^T r(0) and b(t) = -(1/n) V diag((1 - e^{-t lambda})/lambda) V^T r(0).
/// From h(0) = 0, b(infinity) = Gram^{-1} y: the variational interpolant of `LFPSolver`.
///
/// ```swift
/// let solver = try LFPSolver(dimension: 1, cutoff: 128, weight: .sobolev(alpha: 2))
/// let flow = try LFPDynamics(solver: solver, points: [0.1, 0.4, 0.7], targets: [1, 0, 1])
/// let early = try flow.values(at: 10, onGridOfSize: 512)      // h(t = 10) on the grid j/512
/// let residual = try flow.residual(at: 10)                    // h(x_i, 10) - y_i
/// let spectrum = try flow.residualSpectrum(at: 10)            // (h_rho - f_rho)^(k), k = -128...128
/// ```
///
/// **Edge cases:**
/// - Times must be non-negative; `.infinity` gives the limit.
/// - Eigenvalues below n * 1e-16 * lambda_max are treated as 0 (they are rounding noise): those modes
///   grow b linearly in t and are dropped at t = infinity (a pseudo-inverse), so ill-conditioned
///   problems stay finite.
/// - `initial` is called at the data points once, and at every grid or evaluation point asked for.
public struct LFPDynamics: Sendable {
    public let solver: LFPSolver
    /// Data points, row-major n x d in [0, 1)^d.
    public let points: [Double]
    public let targets: [Double]
    /// Eigenvalues of A = Gram / n, ascending (tiny negative rounding values clamped to 0).
    public let eigenvalues: [Double]
    /// The initial function h(x, 0); nil means h(0) = 0.
    public let initial: (@Sendable ([Double]) -> Double)?
    /// Eigenvectors of A, column-major n x n.
    private let eigenvectors: [Double]
    /// V^T r(0).
    private let projectedResidual: [Double]
    private let features: TrigFeatures

    public init(solver: LFPSolver, points: [Double], targets: [Double], initial: (@Sendable ([Double]) -> Double)? = nil) throws {
        let n = try solver.validate(points: points)
        guard targets.count == n else { throw LFPError.valueCountMismatch(points: n, values: targets.count) }
        try LFPSolver.checkMemory("the eigendecomposition of the \(n) x \(n) Gram matrix", bytes: 32 * n * n, limit: solver.memoryLimit)
        self.solver = solver
        self.points = points
        self.targets = targets
        self.initial = initial
        var (a, features) = try solver.lowerGram(points: points, count: n)
        self.features = features
        for i in a.indices { a[i] /= Double(n) }
        var lambda = [Double](repeating: 0, count: n)
        let info = LAPACKE_dsyevd(Int32(LAPACK_COL_MAJOR), CChar(UInt8(ascii: "V")), CChar(UInt8(ascii: "L")), Int32(n), &a, Int32(n), &lambda)
        if info != 0 { throw LFPError.lapackFailure(routine: "dsyevd", info: Int(info)) }
        let floor = Double(n) * Double.ulpOfOne * max(lambda.last ?? 0, 0)
        eigenvalues = lambda.map { $0 > floor ? $0 : 0 }
        eigenvectors = a
        let d = solver.dimension
        // r(0) = h(x_i, 0) - y_i
        let r0 = (0..<n).map { i in (initial?(Array(points[(i * d)..<(i * d + d)])) ?? 0) - targets[i] }
        var projected = [Double](repeating: 0, count: n)
        cblas_dgemv(CblasColMajor, CblasTrans, Int32(n), Int32(n), 1, a, Int32(n), r0, 1, 0, &projected, 1)
        projectedResidual = projected
    }

    public var pointCount: Int { targets.count }

    /// r(t) = h(x_i, t) - y_i = V e^{-t lambda} V^T r(0).
    public func residual(at time: Double) throws -> [Double] {
        try Self.check(time)
        let modes = zip(eigenvalues, projectedResidual).map { lambda, p in time.isInfinite ? (lambda > 0 ? 0 : p) : exp(-time * lambda) * p }
        return combine(modes)
    }

    /// The training loss (1/2n) sum_i r_i(t)^2.
    public func loss(at time: Double) throws -> Double {
        try residual(at: time).reduce(0) { $0 + $1 * $1 } / Double(2 * pointCount)
    }

    /// h(t) - h(0) = sum_j b_j(t) G_K(x - x_j) as a trigonometric polynomial (its `coefficients` are b(t)).
    public func change(at time: Double) throws -> LFPInterpolant {
        try Self.check(time)
        let n = Double(pointCount)
        // b = -(1/n) V diag((1 - e^{-t lambda})/lambda) V^T r(0); the factor tends to t as lambda -> 0
        let modes = zip(eigenvalues, projectedResidual).map { lambda, p -> Double in
            let factor: Double
            if lambda > 0 { factor = time.isInfinite ? 1 / lambda : -expm1(-time * lambda) / lambda } else { factor = time.isInfinite ? 0 : time }
            return -factor * p / n
        }
        let b = combine(modes)
        let (re, im) = solver.halfTransform(features: features, vector: b, multiplyByInverseWeight: true)
        return LFPInterpolant(solver: solver, dataPoints: points, dataValues: targets, coefficients: b,
                              halfReal: re, halfImag: im, reciprocalConditionEstimate: .nan)
    }

    /// h(x, t) on the grid j/N, j in {0..N-1}^d (row-major).
    public func values(at time: Double, onGridOfSize size: Int) throws -> [Double] {
        var grid = try change(at: time).values(onGridOfSize: size)
        if let initial {
            let d = solver.dimension
            var x = [Double](repeating: 0, count: d)
            for g in grid.indices {
                var rest = g
                for a in stride(from: d - 1, through: 0, by: -1) { x[a] = Double(rest % size) / Double(size); rest /= size }
                grid[g] += initial(x)
            }
        }
        return grid
    }

    /// h(x, t) at scattered points (row-major m x d).
    public func values(at time: Double, points query: [Double]) throws -> [Double] {
        var out = try change(at: time).values(at: query)
        if let initial {
            let d = solver.dimension
            for i in out.indices { out[i] += initial(Array(query[(i * d)..<(i * d + d)])) }
        }
        return out
    }

    /// (h_rho - f_rho)^(k) = (1/n) sum_j r_j(t) e^{-2 pi i k.x_j} over the cube {-K..K}^d in row-major order.
    public func residualSpectrum(at time: Double) throws -> SplitComplexVector {
        let r = try residual(at: time).map { $0 / Double(pointCount) }
        let (re, im) = solver.halfTransform(features: features, vector: r, multiplyByInverseWeight: false)
        return LFPInterpolant.fullCube(halfReal: re, halfImag: im)
    }

    /// V m for a vector of mode amplitudes m.
    private func combine(_ modes: [Double]) -> [Double] {
        let n = pointCount
        var out = [Double](repeating: 0, count: n)
        cblas_dgemv(CblasColMajor, CblasNoTrans, Int32(n), Int32(n), 1, eigenvectors, Int32(n), modes, 1, 0, &out, 1)
        return out
    }

    private static func check(_ time: Double) throws {
        guard time >= 0 else { throw LFPError.invalidParameter(name: "time", value: time, requirement: "must be non-negative (use .infinity for the limit)") }
    }
}
