import Foundation

/// A vector of complex numbers stored as two arrays, one for the real parts and one for the imaginary parts.
///
/// ```swift
/// let z = SplitComplexVector(real: [1, 0], imag: [0, 1])
/// print(z.magnitudes)  // [1.0, 1.0]
/// ```
///
/// **Edge cases:**
/// - `real` and `imag` of different counts throw ``NumericsError/countMismatch(what:expected:actual:)``.
/// - An empty vector is allowed.
public struct SplitComplexVector: Sendable, Equatable {
    public var real: [Double]
    public var imag: [Double]

    public init(real: [Double], imag: [Double]) throws {
        guard real.count == imag.count else {
            throw NumericsError.countMismatch(what: "SplitComplexVector imaginary parts", expected: real.count, actual: imag.count)
        }
        self.init(checkedReal: real, imag: imag)
    }

    private init(checkedReal real: [Double], imag: [Double]) {
        self.real = real
        self.imag = imag
    }

    /// A vector of real numbers (imaginary parts zero).
    public init(real: [Double]) { self.init(checkedReal: real, imag: [Double](repeating: 0, count: real.count)) }

    /// A vector of `count` zeros.
    public init(zeros count: Int) {
        self.init(checkedReal: [Double](repeating: 0, count: count), imag: [Double](repeating: 0, count: count))
    }

    public var count: Int { real.count }

    /// |z_i| for every entry.
    public var magnitudes: [Double] { zip(real, imag).map { ($0 * $0 + $1 * $1).squareRoot() } }
}

/// A reusable plan for the discrete Fourier transform of one length: X_k = sum_j x_j e^{-2 pi i jk/n}.
///
/// Lengths whose prime factors are at most 31 use a self-sorting mixed-radix transform (radix 4, 2,
/// 3, 5 butterflies, precomputed twiddles); other lengths use Bluestein's chirp-z algorithm over a
/// power-of-two transform of length >= 2n - 1. The butterflies use the widest vector instructions the
/// CPU supports (``VectorInstructionSet``), with the same results on every CPU. The plan holds only
/// immutable tables, so one plan can serve many calls and threads.
///
/// ```swift
/// let plan = try FFTPlan(count: 8)
/// let spectrum = try plan.forward(SplitComplexVector(real: [1, 0, 0, 0, 0, 0, 0, 0]))
/// let back = try plan.inverse(spectrum)   // inverse divides by n, so back == the input
/// ```
///
/// **Edge cases:**
/// - `count` below 1 throws ``NumericsError/invalidArgument(_:)``; `count == 1` is the identity.
/// - A vector of another length than `count` throws ``NumericsError/countMismatch(what:expected:actual:)``;
///   the pointer-based calls (also reached by passing arrays as `&x`) take `count` values on trust.
/// - The forward transform is unnormalised; the inverse is normalised by 1/n, so `inverse(forward(x)) == x`.
/// - NaN or infinite input spreads to every output, as in any FFT.
public struct FFTPlan: Sendable {
    public let count: Int
    /// The vector instructions the butterflies run: the one asked for, or the fastest the CPU has.
    public let instructionSet: VectorInstructionSet
    private let algorithm: Algorithm

    private enum Algorithm: Sendable {
        case identity
        case mixedRadix(MixedRadixKernel)
        case bluestein(BluesteinKernel)
    }

    /// A plan for transforms of `count` values, on the CPU's fastest instruction set unless told otherwise.
    public init(count: Int, instructionSet: VectorInstructionSet = .fastest) throws {
        guard count >= 1 else { throw NumericsError.invalidArgument("FFTPlan: count must be at least 1, got \(count)") }
        self.count = count
        self.instructionSet = instructionSet.available
        if count == 1 {
            algorithm = .identity
        } else if let kernel = MixedRadixKernel(count: count, instructionSet: instructionSet) {
            algorithm = .mixedRadix(kernel)
        } else {
            algorithm = .bluestein(BluesteinKernel(count: count, instructionSet: instructionSet))
        }
    }

    /// Forward transform in place of `count` values at `real` and `imag`.
    public func forward(real: UnsafeMutablePointer<Double>, imag: UnsafeMutablePointer<Double>) {
        switch algorithm {
        case .identity: break
        case .mixedRadix(let kernel): kernel.forward(real, imag)
        case .bluestein(let kernel): kernel.forward(real, imag)
        }
    }

    /// Inverse transform in place, x_j = (1/n) sum_k X_k e^{+2 pi i jk/n}.
    public func inverse(real: UnsafeMutablePointer<Double>, imag: UnsafeMutablePointer<Double>) {
        unnormalizedInverse(real: real, imag: imag)
        scaleInPlace(real, imag, count: count, by: 1 / Double(count))
    }

    /// Inverse transform without the 1/n factor: x_j = sum_k X_k e^{+2 pi i jk/n}.
    public func unnormalizedInverse(real: UnsafeMutablePointer<Double>, imag: UnsafeMutablePointer<Double>) {
        // Swapping real and imaginary parts on the way in and out turns the forward DFT into the inverse one.
        forward(real: imag, imag: real)
    }

    /// The forward transform of `x`.
    public func forward(_ x: SplitComplexVector) throws -> SplitComplexVector {
        try checkCount(x)
        var y = x
        y.real.withUnsafeMutableBufferPointer { re in
            y.imag.withUnsafeMutableBufferPointer { im in forward(real: re.baseAddress!, imag: im.baseAddress!) }
        }
        return y
    }

    /// The inverse transform of `x`, normalised by 1/n.
    public func inverse(_ x: SplitComplexVector) throws -> SplitComplexVector {
        try checkCount(x)
        var y = x
        y.real.withUnsafeMutableBufferPointer { re in
            y.imag.withUnsafeMutableBufferPointer { im in inverse(real: re.baseAddress!, imag: im.baseAddress!) }
        }
        return y
    }

    private func checkCount(_ x: SplitComplexVector) throws {
        guard x.count == count else { throw NumericsError.countMismatch(what: "FFTPlan input", expected: count, actual: x.count) }
    }
}

/// Multiplies `count` complex values by a real factor.
func scaleInPlace(_ real: UnsafeMutablePointer<Double>, _ imag: UnsafeMutablePointer<Double>, count: Int, by factor: Double) {
    for i in 0..<count {
        real[i] *= factor
        imag[i] *= factor
    }
}

/// e^{-2 pi i t} for t in cycles, reducing t to [-1/2, 1/2] first so large t keeps full precision.
@inline(__always)
func unitPhase(cycles t: Double) -> (cos: Double, sin: Double) {
    let angle = -2 * Double.pi * (t - t.rounded())
    return (cos(angle), sin(angle))
}

/// Bluestein's algorithm: jk = (j^2 + k^2 - (k - j)^2)/2 turns the DFT into a convolution with a chirp.
struct BluesteinKernel: Sendable {
    let count: Int
    private let inner: MixedRadixKernel
    /// c_k = e^{-i pi k^2/n}.
    private let chirpRe: [Double]
    private let chirpIm: [Double]
    /// FFT of the wrapped conjugate chirp, divided by the inner length (the inverse's normalisation).
    private let filterRe: [Double]
    private let filterIm: [Double]

    init(count n: Int, instructionSet: VectorInstructionSet) {
        count = n
        var m = 1
        while m < 2 * n - 1 { m <<= 1 }
        inner = MixedRadixKernel(count: m, instructionSet: instructionSet)!
        var cr = [Double](repeating: 0, count: n)
        var ci = [Double](repeating: 0, count: n)
        for k in 0..<n {
            // k^2 mod 2n keeps the phase argument small and exact.
            let q = (k * k) % (2 * n)
            let (c, s) = unitPhase(cycles: Double(q) / Double(2 * n))
            cr[k] = c
            ci[k] = s
        }
        var fr = [Double](repeating: 0, count: m)
        var fi = [Double](repeating: 0, count: m)
        let scale = 1 / Double(m)
        for k in 0..<n {
            fr[k] = cr[k] * scale
            fi[k] = -ci[k] * scale
            if k > 0 {
                fr[m - k] = fr[k]
                fi[m - k] = fi[k]
            }
        }
        let innerKernel = inner
        fr.withUnsafeMutableBufferPointer { r in
            fi.withUnsafeMutableBufferPointer { i in innerKernel.forward(r.baseAddress!, i.baseAddress!) }
        }
        chirpRe = cr; chirpIm = ci; filterRe = fr; filterIm = fi
    }

    func forward(_ re: UnsafeMutablePointer<Double>, _ im: UnsafeMutablePointer<Double>) {
        let n = count, m = inner.count
        let ar = UnsafeMutablePointer<Double>.allocate(capacity: 2 * m)
        defer { ar.deallocate() }
        let ai = ar + m
        ar.update(repeating: 0, count: 2 * m)
        chirpRe.withUnsafeBufferPointer { cr in
            chirpIm.withUnsafeBufferPointer { ci in
                // a_k = x_k c_k
                for k in 0..<n {
                    ar[k] = re[k] * cr[k] - im[k] * ci[k]
                    ai[k] = re[k] * ci[k] + im[k] * cr[k]
                }
                inner.forward(ar, ai)
                filterRe.withUnsafeBufferPointer { fr in
                    filterIm.withUnsafeBufferPointer { fi in
                        // A_k B_k, then the inverse transform by the swap trick.
                        for k in 0..<m {
                            let r = ar[k] * fr[k] - ai[k] * fi[k]
                            ai[k] = ar[k] * fi[k] + ai[k] * fr[k]
                            ar[k] = r
                        }
                    }
                }
                inner.forward(ai, ar)
                // X_k = c_k (a * b)_k
                for k in 0..<n {
                    re[k] = ar[k] * cr[k] - ai[k] * ci[k]
                    im[k] = ar[k] * ci[k] + ai[k] * cr[k]
                }
            }
        }
    }
}
