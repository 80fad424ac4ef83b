import COpenBLAS
import Foundation

/// The direct Fourier transform of values at scattered points: F(k) = sum_j y_j e^{-2 pi i s k.x_j}.
///
/// The plan builds the cosine and sine matrices (frequencies x points) once; each transform is then
/// one BLAS matrix-vector product (`dgemv`), or one matrix product (`dgemm`) for a batch, so the
/// spectrum of a network's residual at every epoch costs little more than reading the matrices.
/// The scale s sets the unit of k: s = 1 for points on [0, 1); s = 1/(2 pi) for x in [-pi, pi], so
/// that sin(3x) peaks at k = 3.
///
/// ```swift
/// let xs = (0..<64).map { -Double.pi + 2 * Double.pi * Double($0) / 64 }
/// let dft = try NonUniformDFT(points: xs, frequencies: (0...10).map(Double.init), scale: 1 / (2 * Double.pi))
/// let spectrum = try dft.transform(xs.map { sin(3 * $0) })    // |F(3)| = 32, the rest about 0
/// ```
///
/// **Edge cases:**
/// - A `dimension` below 1, or `points.count` or `frequencies.count` not a multiple of it, throws
///   ``NumericsError/invalidArgument(_:)``; values of the wrong count throw
///   ``NumericsError/countMismatch(what:expected:actual:)``.
/// - No points or no frequencies give an all-zero or empty result.
/// - Non-integer frequencies are allowed; the matrices take 16 * frequencies * points bytes.
public struct NonUniformDFT: Sendable {
    public let dimension: Int
    public let pointCount: Int
    public let frequencyCount: Int
    public let scale: Double
    /// cos(2 pi s k_m.x_j), row-major frequencies x points.
    private let cosines: [Double]
    /// sin(2 pi s k_m.x_j), row-major frequencies x points.
    private let sines: [Double]

    /// - Parameters:
    ///   - points: n points, row-major n x d.
    ///   - frequencies: m frequency vectors, row-major m x d.
    public init(points: [Double], frequencies: [Double], dimension: Int = 1, scale: Double = 1) throws {
        guard dimension >= 1 && points.count % dimension == 0 && frequencies.count % dimension == 0 else {
            throw NumericsError.invalidArgument(
                "NonUniformDFT: points (\(points.count)) and frequencies (\(frequencies.count)) must be multiples of dimension \(dimension)")
        }
        self.dimension = dimension
        self.scale = scale
        let n = points.count / dimension, m = frequencies.count / dimension
        pointCount = n
        frequencyCount = m
        // Phases in cycles, t = s K X^T (m x n), one dgemm.
        var phase = [Double](repeating: 0, count: m * n)
        if m > 0 && n > 0 {
            cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasTrans, Int32(m), Int32(n), Int32(dimension),
                        scale, frequencies, Int32(dimension), points, Int32(dimension), 0, &phase, Int32(n))
        }
        var c = [Double](repeating: 0, count: m * n), s = c
        for i in 0..<(m * n) {
            let (ci, si) = unitPhase(cycles: phase[i])
            c[i] = ci
            s[i] = -si
        }
        cosines = c
        sines = s
    }

    /// One-dimensional convenience: integer frequencies, e.g. `0...K`.
    public init(points: [Double], frequencies: ClosedRange<Int>, scale: Double = 1) throws {
        try self.init(points: points, frequencies: frequencies.map(Double.init), dimension: 1, scale: scale)
    }

    /// F(k) for real values y at the points.
    public func transform(_ values: [Double]) throws -> SplitComplexVector {
        try checkCount(values.count, expected: pointCount)
        var out = SplitComplexVector(zeros: frequencyCount)
        guard frequencyCount > 0 && pointCount > 0 else { return out }
        // Re F = C y, Im F = -S y
        gemv(cosines, values, 1, &out.real)
        gemv(sines, values, -1, &out.imag)
        return out
    }

    /// F(k) for complex values y = a + ib at the points: Re F = C a + S b, Im F = C b - S a.
    public func transform(_ values: SplitComplexVector) throws -> SplitComplexVector {
        try checkCount(values.count, expected: pointCount)
        var out = SplitComplexVector(zeros: frequencyCount)
        guard frequencyCount > 0 && pointCount > 0 else { return out }
        gemv(cosines, values.real, 1, &out.real)
        gemv(sines, values.imag, 1, &out.real, beta: 1)
        gemv(cosines, values.imag, 1, &out.imag)
        gemv(sines, values.real, -1, &out.imag, beta: 1)
        return out
    }

    /// F(k) for a batch of real value vectors (row-major batch x points); result row-major batch x frequencies.
    public func transform(batch values: [Double], count batch: Int) throws -> SplitComplexVector {
        try checkCount(values.count, expected: batch * pointCount)
        var out = SplitComplexVector(zeros: batch * frequencyCount)
        guard frequencyCount > 0 && pointCount > 0 && batch > 0 else { return out }
        // F^T = Y C^T (batch x m) and -Y S^T
        cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasTrans, Int32(batch), Int32(frequencyCount), Int32(pointCount),
                    1, values, Int32(pointCount), cosines, Int32(pointCount), 0, &out.real, Int32(frequencyCount))
        cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasTrans, Int32(batch), Int32(frequencyCount), Int32(pointCount),
                    -1, values, Int32(pointCount), sines, Int32(pointCount), 0, &out.imag, Int32(frequencyCount))
        return out
    }

    private func checkCount(_ count: Int, expected: Int) throws {
        guard count == expected else { throw NumericsError.countMismatch(what: "NonUniformDFT values", expected: expected, actual: count) }
    }

    private func gemv(_ matrix: [Double], _ x: [Double], _ alpha: Double, _ y: inout [Double], beta: Double = 0) {
        cblas_dgemv(CblasRowMajor, CblasNoTrans, Int32(frequencyCount), Int32(pointCount),
                    alpha, matrix, Int32(pointCount), x, 1, beta, &y, 1)
    }
}
