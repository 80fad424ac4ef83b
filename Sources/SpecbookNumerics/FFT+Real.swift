import CVectorKernels
import Foundation

/// A reusable plan for the DFT of real input, returning the n/2 + 1 non-redundant outputs X_0 ... X_{n/2}.
///
/// For even n the n real values are packed as n/2 complex ones, transformed by a half-length
/// `FFTPlan` and split apart again, which costs about half a complex transform of length n.
///
/// ```swift
/// let plan = try RealFFTPlan(count: 8)
/// let x: [Double] = [1, 2, 3, 4, 5, 6, 7, 8]
/// let spectrum = try plan.forward(x)       // 5 complex values, X_0 = 36
/// let back = try plan.inverse(spectrum)    // == x (inverse divides by n)
/// ```
///
/// **Edge cases:**
/// - `count` below 1 throws ``NumericsError/invalidArgument(_:)``; the output has `count / 2 + 1` entries.
/// - Input of the wrong length throws ``NumericsError/countMismatch(what:expected:actual:)``.
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

    /// The vector instructions the transform runs (see ``FFTPlan/instructionSet``).
    public var instructionSet: VectorInstructionSet { plan.instructionSet }

    /// A plan for real input of `count` values, on the CPU's fastest instruction set unless told otherwise.
    public init(count: Int, instructionSet: VectorInstructionSet = .fastest) throws {
        guard count >= 1 else { throw NumericsError.invalidArgument("RealFFTPlan: count must be at least 1, got \(count)") }
        self.count = count
        if count % 2 == 0 {
            plan = try FFTPlan(count: count / 2, instructionSet: instructionSet)
            var re = [Double](repeating: 0, count: count / 2 + 1)
            var im = re
            for k in 0...count / 2 {
                (re[k], im[k]) = unitPhase(cycles: Double(k) / Double(count))
            }
            twiddleRe = re; twiddleIm = im
        } else {
            plan = try FFTPlan(count: count, instructionSet: instructionSet)
            twiddleRe = []; twiddleIm = []
        }
    }

    /// The DFT of `x` (count values), outputs X_0 ... X_{n/2}.
    public func forward(_ x: [Double]) throws -> SplitComplexVector {
        guard x.count == count else { throw NumericsError.countMismatch(what: "RealFFTPlan input", expected: count, actual: x.count) }
        var out = SplitComplexVector(zeros: outputCount)
        x.withUnsafeBufferPointer { xp in
            out.real.withUnsafeMutableBufferPointer { re in
                out.imag.withUnsafeMutableBufferPointer { im in forward(xp.baseAddress!, real: re.baseAddress!, imag: im.baseAddress!) }
            }
        }
        return out
    }

    /// The DFT of `count` values at `x` into `outputCount` values at `real` and `imag`. For even n it runs in the
    /// output buffers, or, from n = 4096 on with outputs not 64-byte aligned, in an aligned scratch copied out at the end.
    public func forward(_ x: UnsafePointer<Double>, real: UnsafeMutablePointer<Double>, imag: UnsafeMutablePointer<Double>) {
        if count % 2 == 1 {
            let scratch = UnsafeMutablePointer<Double>.allocate(capacity: 2 * count)
            defer { scratch.deallocate() }
            scratch.update(from: x, count: count)
            (scratch + count).update(repeating: 0, count: count)
            plan.forward(real: scratch, imag: scratch + count)
            real.update(from: scratch, count: outputCount)
            imag.update(from: scratch + count, count: outputCount)
            return
        }
        let h = count / 2
        // From FFTAlignment.fromPoints complex points on, outputs that are not 64-byte aligned get the whole transform in an aligned
        // scratch and one copy at the end (see MixedRadixKernel.forward: vectors straddling cache lines are slow).
        guard h >= FFTAlignment.fromPoints, !FFTAlignment.isAligned(real, imag) else {
            return packTransformSplit(x, real, imag)
        }
        let size = FFTAlignment.paddedCount(outputCount)
        let raw = UnsafeMutableRawPointer.allocate(byteCount: 2 * size * 8, alignment: FFTAlignment.bytes)
        defer { raw.deallocate() }
        let scratch = raw.bindMemory(to: Double.self, capacity: 2 * size)
        packTransformSplit(x, scratch, scratch + size)
        real.update(from: scratch, count: outputCount)
        imag.update(from: scratch + size, count: outputCount)
    }

    /// The even-n transform in `real` and `imag` (outputCount values each).
    private func packTransformSplit(_ x: UnsafePointer<Double>, _ real: UnsafeMutablePointer<Double>, _ imag: UnsafeMutablePointer<Double>) {
        let h = count / 2
        let set = Int32(plan.instructionSet.rawValue)
        // z_j = x_{2j} + i x_{2j+1}, transformed in the output buffers, then split into X_0 ... X_{n/2}
        specbook_rfft_pack(set, x, real, imag, h)
        plan.forward(real: real, imag: imag)
        twiddleRe.withUnsafeBufferPointer { wr in
            twiddleIm.withUnsafeBufferPointer { wi in specbook_rfft_split(set, real, imag, h, wr.baseAddress!, wi.baseAddress!) }
        }
    }

    /// The real signal whose DFT is `spectrum` (outputCount values), normalised by 1/n.
    public func inverse(_ spectrum: SplitComplexVector) throws -> [Double] {
        guard spectrum.count == outputCount else {
            throw NumericsError.countMismatch(what: "RealFFTPlan.inverse spectrum", expected: outputCount, actual: spectrum.count)
        }
        var x = [Double](repeating: 0, count: count)
        spectrum.real.withUnsafeBufferPointer { re in
            spectrum.imag.withUnsafeBufferPointer { im in
                x.withUnsafeMutableBufferPointer { inverse(real: re.baseAddress!, imag: im.baseAddress!, into: $0.baseAddress!) }
            }
        }
        return x
    }

    /// The `count` real values whose DFT is the `outputCount` values at `real` and `imag`, normalised by 1/n.
    public func inverse(real xr: UnsafePointer<Double>, imag xi: UnsafePointer<Double>, into x: UnsafeMutablePointer<Double>) {
        let scratch = UnsafeMutablePointer<Double>.allocate(capacity: count)
        defer { scratch.deallocate() }
        if count % 2 == 1 {
            let fr = x, fi = scratch
            fr[0] = xr[0]; fi[0] = 0
            // Hermitian symmetry: X_{n-k} = conj X_k
            for k in 1..<outputCount {
                fr[k] = xr[k]; fi[k] = xi[k]
                fr[count - k] = xr[k]; fi[count - k] = -xi[k]
            }
            plan.inverse(real: fr, imag: fi)
            return
        }
        let h = count / 2
        let zr = scratch, zi = scratch + h
        twiddleRe.withUnsafeBufferPointer { wr in
            twiddleIm.withUnsafeBufferPointer { wi in
                for k in 0..<h {
                    // Imaginary parts at k = 0 and k = n/2 are dropped: a real signal has none.
                    let ar = xr[k], ai = k == 0 ? 0 : xi[k]
                    let br = xr[h - k], bi = k == 0 ? 0 : -xi[h - k]
                    // E_k = (X_k + conj X_{h-k})/2, O_k = (X_k - conj X_{h-k}) e^{+2 pi i k/n}/2, Z_k = E_k + i O_k
                    let er = 0.5 * (ar + br), ei = 0.5 * (ai + bi)
                    let dr = 0.5 * (ar - br), di = 0.5 * (ai - bi)
                    let or = dr * wr[k] + di * wi[k]
                    let oi = di * wr[k] - dr * wi[k]
                    zr[k] = er - oi
                    zi[k] = ei + or
                }
            }
        }
        plan.inverse(real: zr, imag: zi)
        for j in 0..<h { x[2 * j] = zr[j]; x[2 * j + 1] = zi[j] }
    }
}
