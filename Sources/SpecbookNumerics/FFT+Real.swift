import Foundation

/// A reusable plan for the DFT of real input, returning the n/2 + 1 non-redundant outputs X_0 ... X_{n/2}.
///
/// For even n the n real values are packed as n/2 complex ones, transformed by a half-length
/// `FFTPlan` and split apart again, which costs about half a complex transform of length n.
///
/// ```swift
/// let plan = RealFFTPlan(count: 8)
/// let x: [Double] = [1, 2, 3, 4, 5, 6, 7, 8]
/// let spectrum = plan.forward(x)           // 5 complex values, X_0 = 36
/// let back = plan.inverse(spectrum)        // == x (inverse divides by n)
/// ```
///
/// **Edge cases:**
/// - `count` must be at least 1 (precondition); the output has `count / 2 + 1` entries.
/// - `inverse` ignores the imaginary part of X_0 (and of X_{n/2} for even n): a real signal has none.
/// - Odd lengths fall back to a full complex transform of length n.
public struct RealFFTPlan: Sendable {
    public let count: Int
    /// Number of complex outputs, `count / 2 + 1`.
    public var outputCount: Int { count / 2 + 1 }
    private let plan: FFTPlan
    /// e^{-2 pi i k/n} for k = 0 ... n/2 (even n only).
    private let twiddleRe: [Double]
    private let twiddleIm: [Double]

    public init(count: Int) {
        precondition(count >= 1, "RealFFTPlan: count must be at least 1, got \(count)")
        self.count = count
        if count % 2 == 0 {
            plan = FFTPlan(count: count / 2)
            var re = [Double](repeating: 0, count: count / 2 + 1)
            var im = re
            for k in 0...count / 2 {
                (re[k], im[k]) = unitPhase(cycles: Double(k) / Double(count))
            }
            twiddleRe = re; twiddleIm = im
        } else {
            plan = FFTPlan(count: count)
            twiddleRe = []; twiddleIm = []
        }
    }

    /// The DFT of `x` (count values), outputs X_0 ... X_{n/2}.
    public func forward(_ x: [Double]) -> SplitComplexVector {
        precondition(x.count == count, "RealFFTPlan(count: \(count)): got \(x.count) values")
        if count % 2 == 1 {
            let full = plan.forward(SplitComplexVector(real: x))
            return SplitComplexVector(real: Array(full.real[..<outputCount]), imag: Array(full.imag[..<outputCount]))
        }
        let h = count / 2
        // z_j = x_{2j} + i x_{2j+1}
        var zr = [Double](repeating: 0, count: h), zi = zr
        for j in 0..<h { zr[j] = x[2 * j]; zi[j] = x[2 * j + 1] }
        plan.forward(real: &zr, imag: &zi)
        var out = SplitComplexVector(zeros: h + 1)
        for k in 0...h {
            let a = k % h, b = (h - k) % h
            // E_k = (Z_k + conj Z_{h-k})/2, O_k = (Z_k - conj Z_{h-k})/(2i), X_k = E_k + e^{-2 pi i k/n} O_k
            let er = 0.5 * (zr[a] + zr[b]), ei = 0.5 * (zi[a] - zi[b])
            let or = 0.5 * (zi[a] + zi[b]), oi = -0.5 * (zr[a] - zr[b])
            out.real[k] = er + twiddleRe[k] * or - twiddleIm[k] * oi
            out.imag[k] = ei + twiddleRe[k] * oi + twiddleIm[k] * or
        }
        return out
    }

    /// The real signal whose DFT is `spectrum` (outputCount values), normalised by 1/n.
    public func inverse(_ spectrum: SplitComplexVector) -> [Double] {
        precondition(spectrum.count == outputCount, "RealFFTPlan(count: \(count)).inverse: expected \(outputCount) values, got \(spectrum.count)")
        let xr = spectrum.real, xi = spectrum.imag
        if count % 2 == 1 {
            var fr = [Double](repeating: 0, count: count), fi = fr
            fr[0] = xr[0]
            // Hermitian symmetry: X_{n-k} = conj X_k
            for k in 1..<outputCount {
                fr[k] = xr[k]; fi[k] = xi[k]
                fr[count - k] = xr[k]; fi[count - k] = -xi[k]
            }
            plan.inverse(real: &fr, imag: &fi)
            return fr
        }
        let h = count / 2
        var zr = [Double](repeating: 0, count: h), zi = zr
        for k in 0..<h {
            // Imaginary parts at k = 0 and k = n/2 are dropped: a real signal has none.
            let ar = xr[k], ai = k == 0 ? 0 : xi[k]
            let br = xr[h - k], bi = k == 0 ? 0 : -xi[h - k]
            // E_k = (X_k + conj X_{h-k})/2, O_k = (X_k - conj X_{h-k}) e^{+2 pi i k/n}/2, Z_k = E_k + i O_k
            let er = 0.5 * (ar + br), ei = 0.5 * (ai + bi)
            let dr = 0.5 * (ar - br), di = 0.5 * (ai - bi)
            let or = dr * twiddleRe[k] + di * twiddleIm[k]
            let oi = di * twiddleRe[k] - dr * twiddleIm[k]
            zr[k] = er - oi
            zi[k] = ei + or
        }
        plan.inverse(real: &zr, imag: &zi)
        var x = [Double](repeating: 0, count: count)
        for j in 0..<h { x[2 * j] = zr[j]; x[2 * j + 1] = zi[j] }
        return x
    }
}
