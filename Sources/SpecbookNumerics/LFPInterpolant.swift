import Foundation

/// A trigonometric polynomial h(x) = sum_{|k|_inf <= K} h^(k) e^{2 pi i k.x} on the torus, as produced by `LFPSolver`.
///
/// For an interpolant h = sum_j c_j G_K(x - x_j), its coefficients are h^(k) = w(k)^{-1} sum_j c_j e^{-2 pi i k.x_j}.
/// Values come from the Fourier coefficients: on a grid by one inverse FFT, at scattered points by
/// a BLAS matrix-vector product with the cosines and sines of those points.
///
/// ```swift
/// let solver = try LFPSolver(dimension: 2, cutoff: 32, weight: .sobolev(alpha: 3))
/// let h = try solver.interpolate(points: [0.2, 0.3, 0.7, 0.6], values: [1, -1])
/// let image = try h.values(onGridOfSize: 128)          // 128 x 128, row-major, h(a/128, b/128)
/// let atData = try h.values(at: [0.2, 0.3])             // [1.0] up to rounding
/// let c00 = h.fourierCoefficient(at: [0, 0])            // the mean of h
/// ```
///
/// **Edge cases:**
/// - `values(at:)` accepts any real coordinates (the function is 1-periodic in each).
/// - `values(onGridOfSize:)` works for any N >= 1, also N < 2K + 1 (frequencies fold modulo N exactly).
/// - `fourierCoefficient(at:)` is 0 outside the cube |k|_inf <= K.
public struct LFPInterpolant: Sendable {
    public let solver: LFPSolver
    /// Data points x_j, row-major n x d.
    public let dataPoints: [Double]
    /// Data values y_i (for a dynamics state: the targets).
    public let dataValues: [Double]
    /// c in h = sum_j c_j G_K(x - x_j).
    public let coefficients: [Double]
    /// dpocon's estimate of 1 / cond_1(Gram); NaN where no Gram system was solved.
    public let reciprocalConditionEstimate: Double
    /// h^(k) at the half-space frequencies.
    let halfReal: [Double]
    let halfImag: [Double]

    init(solver: LFPSolver, dataPoints: [Double], dataValues: [Double], coefficients: [Double],
         halfReal: [Double], halfImag: [Double], reciprocalConditionEstimate: Double) {
        self.solver = solver
        self.dataPoints = dataPoints
        self.dataValues = dataValues
        self.coefficients = coefficients
        self.halfReal = halfReal
        self.halfImag = halfImag
        self.reciprocalConditionEstimate = reciprocalConditionEstimate
    }

    public var dimension: Int { solver.dimension }
    public var cutoff: Int { solver.cutoff }

    /// Estimate of the 1-norm condition number of the Gram matrix.
    public var conditionEstimate: Double { 1 / reciprocalConditionEstimate }

    /// sum_k w(k) |h^(k)|^2, the quantity the LFP limit minimises; for an interpolant it equals c.y.
    public var weightedNorm: Double {
        var sum = halfReal[0] * halfReal[0] / solver.halfInverseWeights[0]
        // k and -k contribute equally
        for h in 1..<halfReal.count { sum += 2 * (halfReal[h] * halfReal[h] + halfImag[h] * halfImag[h]) / solver.halfInverseWeights[h] }
        return sum
    }

    /// h(j/N) for j in {0..N-1}^d, row-major (last coordinate fastest).
    public func values(onGridOfSize size: Int) throws -> [Double] {
        try solver.gridValues(real: halfReal, imag: halfImag, size: size)
    }

    /// h at scattered points (row-major m x d).
    public func values(at points: [Double]) throws -> [Double] {
        guard points.count % dimension == 0 else { throw LFPError.pointCountMismatch(coordinates: points.count, dimension: dimension) }
        return try solver.evaluateSeries(real: halfReal, imag: halfImag, at: points)
    }

    /// h^(k) for one frequency vector.
    public func fourierCoefficient(at k: [Int]) -> (real: Double, imag: Double) {
        guard let h = solver.halfIndex(of: k) else { return (0, 0) }
        // h^(-k) = conj h^(k)
        return (halfReal[h.index], h.mirrored ? -halfImag[h.index] : halfImag[h.index])
    }

    /// h^(k) for the whole cube {-K..K}^d in row-major order (see `LFPSolver.frequency(atCubeIndex:)`).
    public func fourierCoefficients() -> SplitComplexVector {
        Self.fullCube(halfReal: halfReal, halfImag: halfImag)
    }

    /// Expands half-space coefficients to the cube with h^(-k) = conj h^(k).
    static func fullCube(halfReal: [Double], halfImag: [Double]) -> SplitComplexVector {
        let center = halfReal.count - 1, count = 2 * halfReal.count - 1
        var out = SplitComplexVector(zeros: count)
        for h in halfReal.indices {
            out.real[center + h] = halfReal[h]
            out.imag[center + h] = halfImag[h]
            out.real[center - h] = halfReal[h]
            out.imag[center - h] = h == 0 ? 0 : -halfImag[h]
        }
        return out
    }
}
