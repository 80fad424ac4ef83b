import Foundation

/// The Fourier coefficients of a sampled function at a list of 1-D frequencies, with their peaks.
///
/// This is what the frequency-principle experiments read: the DFT of the target and of the
/// network's output on the training points, the peaks of |F[f]|, and the relative error
/// Delta_F(k) = |F[h](k) - F[f](k)| / |F[f](k)| at those peaks.
///
/// ```swift
/// let xs = (0..<256).map { -Double.pi + 2 * Double.pi * Double($0) / 256 }
/// let target = try FrequencySpectrum(values: xs.map { sin($0) + sin(3 * $0) + sin(5 * $0) },
///                                    points: xs, frequencies: 0...20, scale: 1 / (2 * Double.pi))
/// let peaks = target.peakFrequencies()                        // [1, 3, 5]
/// let output = try FrequencySpectrum(values: xs.map { sin($0) }, points: xs, frequencies: 0...20, scale: 1 / (2 * Double.pi))
/// let errors = try output.relativeError(to: target, at: target.peaks())   // [0, 1, 1]
/// ```
///
/// **Edge cases:**
/// - `frequencies` and `coefficients` of different counts, `values` and `points` of different counts, and
///   spectra of different lengths compared throw ``NumericsError/countMismatch(what:expected:actual:)``; an
///   index outside the spectrum throws ``NumericsError/invalidArgument(_:)``.
/// - An all-zero spectrum has no peaks.
/// - The relative error at a frequency where the target's coefficient is zero is +infinity (or NaN when both are zero).
public struct FrequencySpectrum: Sendable, Equatable {
    /// The frequency of each coefficient, in the unit set by the transform's scale.
    public let frequencies: [Double]
    public let coefficients: SplitComplexVector

    public init(frequencies: [Double], coefficients: SplitComplexVector) throws {
        guard frequencies.count == coefficients.count else {
            throw NumericsError.countMismatch(what: "FrequencySpectrum coefficients", expected: frequencies.count, actual: coefficients.count)
        }
        self.frequencies = frequencies
        self.coefficients = coefficients
    }

    /// The spectrum of values at scattered 1-D points by the direct transform F(k) = sum_j y_j e^{-2 pi i s k x_j}.
    public init(values: [Double], points: [Double], frequencies: [Double], scale: Double = 1) throws {
        let dft = try NonUniformDFT(points: points, frequencies: frequencies, dimension: 1, scale: scale)
        try self.init(frequencies: frequencies, coefficients: dft.transform(values))
    }

    /// The spectrum of values at scattered 1-D points at the integer frequencies of `frequencies`.
    public init(values: [Double], points: [Double], frequencies: ClosedRange<Int>, scale: Double = 1) throws {
        try self.init(values: values, points: points, frequencies: frequencies.map(Double.init), scale: scale)
    }

    /// The spectrum of n equally spaced samples by a real FFT, frequencies 0 ... n/2 in cycles per record.
    public init(uniformSamples samples: [Double]) throws {
        let plan = try RealFFTPlan(count: samples.count)
        try self.init(frequencies: (0..<plan.outputCount).map(Double.init), coefficients: plan.forward(samples))
    }

    /// |F(k)| at every frequency.
    public var magnitudes: [Double] { coefficients.magnitudes }

    /// Indices of the peaks of |F|: local maxima (strictly above the left neighbour, at least the right one)
    /// whose magnitude is at least `relativeThreshold` times the largest magnitude.
    public func peaks(relativeThreshold: Double = 0.1) -> [Int] {
        let m = magnitudes
        guard let largest = m.max(), largest > 0 else { return [] }
        var found: [Int] = []
        for i in m.indices where m[i] >= relativeThreshold * largest {
            let aboveLeft = i == 0 || m[i] > m[i - 1]
            let atLeastRight = i == m.count - 1 || m[i] >= m[i + 1]
            if aboveLeft && atLeastRight { found.append(i) }
        }
        return found
    }

    /// The frequencies of `peaks(relativeThreshold:)`.
    public func peakFrequencies(relativeThreshold: Double = 0.1) -> [Double] {
        peaks(relativeThreshold: relativeThreshold).map { frequencies[$0] }
    }

    /// Delta_F(k) = |F[h](k) - F[f](k)| / |F[f](k)| for this spectrum F[h] against `target` F[f], at every index.
    public func relativeError(to target: FrequencySpectrum) throws -> [Double] {
        try relativeError(to: target, at: Array(coefficients.real.indices))
    }

    /// Delta_F(k) = |F[h](k) - F[f](k)| / |F[f](k)| at the given indices (e.g. the target's peaks).
    public func relativeError(to target: FrequencySpectrum, at indices: [Int]) throws -> [Double] {
        guard target.coefficients.count == coefficients.count else {
            throw NumericsError.countMismatch(what: "FrequencySpectrum.relativeError target coefficients", expected: coefficients.count,
                                              actual: target.coefficients.count)
        }
        if let bad = indices.first(where: { !coefficients.real.indices.contains($0) }) {
            throw NumericsError.invalidArgument("FrequencySpectrum.relativeError: index \(bad) outside 0..<\(coefficients.count)")
        }
        let h = coefficients, f = target.coefficients
        return indices.map { k in
            let dr = h.real[k] - f.real[k], di = h.imag[k] - f.imag[k]
            return (dr * dr + di * di).squareRoot() / (f.real[k] * f.real[k] + f.imag[k] * f.imag[k]).squareRoot()
        }
    }

    /// The radially averaged magnitude spectrum of a real row-major `rows x columns` grid.
    ///
    /// Entry r averages |F(k_1, k_2)| over signed frequencies with round(sqrt(k_1^2 + k_2^2)) = r,
    /// for r = 0 ... min(rows, columns)/2; the coefficients are real (the averages), imaginary parts zero.
    ///
    /// ```swift
    /// let n = 64
    /// let image = (0..<n * n).map { i in cos(2 * Double.pi * 5 * Double(i % n) / Double(n)) }
    /// let radial = try FrequencySpectrum.radialAverage(grid: image, rows: n, columns: n)
    /// let peak = radial.peakFrequencies(relativeThreshold: 0.5)   // [5]
    /// ```
    ///
    /// **Edge cases:**
    /// - `grid.count` other than `rows * columns` throws ``NumericsError/countMismatch(what:expected:actual:)``.
    /// - Radii with no grid frequency (none for grids of at least 2 x 2) are 0.
    public static func radialAverage(grid: [Double], rows: Int, columns: Int) throws -> FrequencySpectrum {
        let spectrum = try FFT2DPlan(rows: rows, columns: columns).forward(SplitComplexVector(real: grid))
        let radii = min(rows, columns) / 2 + 1
        var sums = [Double](repeating: 0, count: radii), counts = sums
        for i in 0..<rows {
            let ki = i <= rows / 2 ? i : i - rows
            for j in 0..<columns {
                let kj = j <= columns / 2 ? j : j - columns
                let r = Int((Double(ki * ki + kj * kj)).squareRoot().rounded())
                guard r < radii else { continue }
                let re = spectrum.real[i * columns + j], im = spectrum.imag[i * columns + j]
                sums[r] += (re * re + im * im).squareRoot()
                counts[r] += 1
            }
        }
        let averages = zip(sums, counts).map { $1 > 0 ? $0 / $1 : 0 }
        return try FrequencySpectrum(frequencies: (0..<radii).map(Double.init), coefficients: SplitComplexVector(real: averages))
    }
}
