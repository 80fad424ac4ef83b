import Foundation

/// A vector of complex numbers stored as two arrays, one for the real parts and one for the imaginary parts.
///
/// ```swift
/// let z = SplitComplexVector(real: [1, 0], imag: [0, 1])
/// print(z.magnitudes)  // [1.0, 1.0]
/// ```
///
/// **Edge cases:**
/// - `real` and `imag` must have the same count (checked with a precondition: a programmer error).
/// - An empty vector is allowed.
public struct SplitComplexVector: Sendable, Equatable {
    public var real: [Double]
    public var imag: [Double]

    public init(real: [Double], imag: [Double]) {
        precondition(real.count == imag.count, "SplitComplexVector: \(real.count) real parts but \(imag.count) imaginary parts")
        self.real = real
        self.imag = imag
    }

    /// A vector of real numbers (imaginary parts zero).
    public init(real: [Double]) { self.init(real: real, imag: [Double](repeating: 0, count: real.count)) }

    /// A vector of `count` zeros.
    public init(zeros count: Int) {
        self.init(real: [Double](repeating: 0, count: count), imag: [Double](repeating: 0, count: count))
    }

    public var count: Int { real.count }

    /// |z_i| for every entry.
    public var magnitudes: [Double] { zip(real, imag).map { ($0 * $0 + $1 * $1).squareRoot() } }
}

/// A reusable plan for the discrete Fourier transform of one length: X_k = sum_j x_j e^{-2 pi i jk/n}.
///
/// Powers of two use an iterative radix-2 transform with precomputed twiddles; other lengths use
/// Bluestein's chirp-z algorithm over a radix-2 transform of length >= 2n - 1. The plan holds only
/// immutable tables, so one plan can serve many calls and threads.
///
/// ```swift
/// let plan = FFTPlan(count: 8)
/// let spectrum = plan.forward(SplitComplexVector(real: [1, 0, 0, 0, 0, 0, 0, 0]))
/// let back = plan.inverse(spectrum)       // inverse divides by n, so back == the input
/// ```
///
/// **Edge cases:**
/// - `count` must be at least 1 (precondition); `count == 1` is the identity.
/// - The forward transform is unnormalised; the inverse is normalised by 1/n, so `inverse(forward(x)) == x`.
/// - NaN or infinite input spreads to every output, as in any FFT.
public struct FFTPlan: Sendable {
    public let count: Int
    private let algorithm: Algorithm

    private enum Algorithm: Sendable {
        case identity
        case radix2(Radix2Kernel)
        case bluestein(BluesteinKernel)
    }

    public init(count: Int) {
        precondition(count >= 1, "FFTPlan: count must be at least 1, got \(count)")
        self.count = count
        if count == 1 {
            algorithm = .identity
        } else if count & (count - 1) == 0 {
            algorithm = .radix2(Radix2Kernel(count: count))
        } else {
            algorithm = .bluestein(BluesteinKernel(count: count))
        }
    }

    /// Forward transform in place of `count` values at `real` and `imag`.
    public func forward(real: UnsafeMutablePointer<Double>, imag: UnsafeMutablePointer<Double>) {
        switch algorithm {
        case .identity: break
        case .radix2(let kernel): kernel.forward(real, imag)
        case .bluestein(let kernel): kernel.forward(real, imag)
        }
    }

    /// Inverse transform in place, x_j = (1/n) sum_k X_k e^{+2 pi i jk/n}.
    public func inverse(real: UnsafeMutablePointer<Double>, imag: UnsafeMutablePointer<Double>) {
        unnormalizedInverse(real: real, imag: imag)
        let scale = 1 / Double(count)
        for i in 0..<count {
            real[i] *= scale
            imag[i] *= scale
        }
    }

    /// Inverse transform without the 1/n factor: x_j = sum_k X_k e^{+2 pi i jk/n}.
    public func unnormalizedInverse(real: UnsafeMutablePointer<Double>, imag: UnsafeMutablePointer<Double>) {
        // Swapping real and imaginary parts on the way in and out turns the forward DFT into the inverse one.
        forward(real: imag, imag: real)
    }

    /// Forward transform in place of two arrays of `count` values.
    public func forward(real: inout [Double], imag: inout [Double]) {
        precondition(real.count == count && imag.count == count, "FFTPlan(count: \(count)): got \(real.count) and \(imag.count) values")
        real.withUnsafeMutableBufferPointer { re in
            imag.withUnsafeMutableBufferPointer { im in forward(real: re.baseAddress!, imag: im.baseAddress!) }
        }
    }

    /// Inverse transform (normalised by 1/n) in place of two arrays of `count` values.
    public func inverse(real: inout [Double], imag: inout [Double]) {
        precondition(real.count == count && imag.count == count, "FFTPlan(count: \(count)): got \(real.count) and \(imag.count) values")
        real.withUnsafeMutableBufferPointer { re in
            imag.withUnsafeMutableBufferPointer { im in inverse(real: re.baseAddress!, imag: im.baseAddress!) }
        }
    }

    /// The forward transform of `x`.
    public func forward(_ x: SplitComplexVector) -> SplitComplexVector {
        var y = x
        forward(real: &y.real, imag: &y.imag)
        return y
    }

    /// The inverse transform of `x`, normalised by 1/n.
    public func inverse(_ x: SplitComplexVector) -> SplitComplexVector {
        var y = x
        inverse(real: &y.real, imag: &y.imag)
        return y
    }
}

/// e^{-2 pi i t} for t in cycles, reducing t to [-1/2, 1/2] first so large t keeps full precision.
@inline(__always)
func unitPhase(cycles t: Double) -> (cos: Double, sin: Double) {
    let angle = -2 * Double.pi * (t - t.rounded())
    return (cos(angle), sin(angle))
}

/// Iterative radix-2 decimation-in-time transform for a power-of-two length.
struct Radix2Kernel: Sendable {
    let count: Int
    /// Pairs (i, j), i < j, swapped by the bit-reversal permutation.
    private let swaps: [Int32]
    /// Twiddles of the stage with half-length h, e^{-2 pi i j/(2h)} for j < h, stored at offset h.
    private let twiddleRe: [Double]
    private let twiddleIm: [Double]

    init(count n: Int) {
        count = n
        var bits = 0
        while 1 << bits < n { bits += 1 }
        var swaps: [Int32] = []
        for i in 0..<n {
            var r = 0
            var v = i
            for _ in 0..<bits { r = (r << 1) | (v & 1); v >>= 1 }
            if i < r { swaps.append(Int32(i)); swaps.append(Int32(r)) }
        }
        self.swaps = swaps
        // Largest stage first: e^{-2 pi i j/n}; each smaller stage takes every other entry.
        var re = [Double](repeating: 0, count: n)
        var im = [Double](repeating: 0, count: n)
        let half = n / 2
        for j in 0..<half {
            let (c, s) = unitPhase(cycles: Double(j) / Double(n))
            re[half + j] = c
            im[half + j] = s
        }
        var h = half / 2
        while h >= 1 {
            for j in 0..<h {
                re[h + j] = re[2 * h + 2 * j]
                im[h + j] = im[2 * h + 2 * j]
            }
            h /= 2
        }
        twiddleRe = re
        twiddleIm = im
    }

    func forward(_ re: UnsafeMutablePointer<Double>, _ im: UnsafeMutablePointer<Double>) {
        let n = count
        swaps.withUnsafeBufferPointer { sw in
            var p = 0
            while p < sw.count {
                let i = Int(sw[p]), j = Int(sw[p + 1])
                (re[i], re[j]) = (re[j], re[i])
                (im[i], im[j]) = (im[j], im[i])
                p += 2
            }
        }
        // Stage h = 1: twiddle 1.
        var a = 0
        while a < n {
            let xr = re[a + 1], xi = im[a + 1]
            re[a + 1] = re[a] - xr; im[a + 1] = im[a] - xi
            re[a] += xr; im[a] += xi
            a += 2
        }
        twiddleRe.withUnsafeBufferPointer { twr in
            twiddleIm.withUnsafeBufferPointer { twi in
                var h = 2
                while h < n {
                    let wr = twr.baseAddress! + h, wi = twi.baseAddress! + h
                    var base = 0
                    while base < n {
                        let ar = re + base, ai = im + base, br = re + base + h, bi = im + base + h
                        // X_a, X_b = X_a + w X_b, X_a - w X_b with w = e^{-2 pi i j/(2h)}
                        for j in 0..<h {
                            let tr = br[j] * wr[j] - bi[j] * wi[j]
                            let ti = br[j] * wi[j] + bi[j] * wr[j]
                            br[j] = ar[j] - tr; bi[j] = ai[j] - ti
                            ar[j] += tr; ai[j] += ti
                        }
                        base += 2 * h
                    }
                    h *= 2
                }
            }
        }
    }
}

/// Bluestein's algorithm: jk = (j^2 + k^2 - (k - j)^2)/2 turns the DFT into a convolution with a chirp.
struct BluesteinKernel: Sendable {
    let count: Int
    private let inner: Radix2Kernel
    /// c_k = e^{-i pi k^2/n}.
    private let chirpRe: [Double]
    private let chirpIm: [Double]
    /// FFT of the wrapped conjugate chirp, divided by the inner length (the inverse's normalisation).
    private let filterRe: [Double]
    private let filterIm: [Double]

    init(count n: Int) {
        count = n
        var m = 1
        while m < 2 * n - 1 { m <<= 1 }
        inner = Radix2Kernel(count: m)
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
