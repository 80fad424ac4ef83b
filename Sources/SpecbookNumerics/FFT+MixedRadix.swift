import CVectorKernels
import Foundation

/// Self-sorting (Stockham) mixed-radix transform for lengths whose prime factors are all at most 31.
///
/// Stage q turns an L* x r matrix X (column-major, L* = product of the radices so far) into an
/// L x (r/p) matrix with L = p L*:
/// X'(j + a L*, k) = sum_b w_p^{ab} w_L^{jb} X(j, k + b r/p),
/// moving between the caller's buffer and scratch buffers, so no bit reversal is needed.
/// Radices 8, 4, 2, 3 and 5 have butterflies in C compiled per instruction set (`CVectorKernels`); other small
/// primes use a direct p x p sum.
struct MixedRadixKernel: @unchecked Sendable {
    static let largestRadix = 31
    let count: Int
    let instructionSet: VectorInstructionSet
    private let stages: [Stage]
    /// Every stage's twiddles (and roots), in one block.
    private let tables: Tables

    /// A stage: plain values and offsets into ``tables``, so walking the stages touches no reference counts.
    private struct Stage {
        let radix: Int
        /// The compiled pass for radices 2, 3, 4, 5 and 8; nil for the generic sum.
        let butterfly: specbook_fft_butterfly?
        /// L*, the transform length before this stage.
        let previousLength: Int
        /// w_L^{jb} for b = 1..<radix, j < L*: real parts at `twiddles + (b - 1) L* + j`, imaginary parts `(p - 1) L*` on.
        let twiddles: Int
        /// w_p^m for m < radix, real then imaginary parts (generic radices only).
        let roots: Int
    }

    private final class Tables: @unchecked Sendable {
        let values: UnsafeMutablePointer<Double>
        init(_ array: [Double]) {
            values = .allocate(capacity: Swift.max(array.count, 1))
            values.initialize(from: array, count: array.count)
        }
        deinit { values.deallocate() }
    }

    /// The radices of n (a 4 first, then 8s, 4s, 2, 3, 5, larger primes), or nil when a prime factor exceeds
    /// `largestRadix`. Radix 8 halves the passes' loads and stores against radix 4, but as the first pass (every
    /// twiddle 1, outputs 8 apart) it measured slower than radix 4's own first pass.
    static func radices(of n: Int) -> [Int]? {
        var rest = n, result: [Int] = []
        if rest % 4 == 0 { result.append(4); rest /= 4 }
        while rest % 8 == 0 { result.append(8); rest /= 8 }
        while rest % 4 == 0 { result.append(4); rest /= 4 }
        var p = 2
        while rest > 1 && p <= largestRadix {
            while rest % p == 0 { result.append(p); rest /= p }
            p += 1
        }
        return rest == 1 ? result : nil
    }

    init?(count n: Int, instructionSet: VectorInstructionSet = .fastest) {
        guard n >= 2, let radices = Self.radices(of: n) else { return nil }
        count = n
        self.instructionSet = instructionSet.available
        var stages: [Stage] = [], values: [Double] = []
        var length = 1
        for p in radices {
            let big = length * p
            var tr = [Double](repeating: 0, count: (p - 1) * length), ti = tr
            for b in 1..<p {
                for j in 0..<length {
                    // w_L^{jb}, phase (jb mod L)/L kept exact
                    (tr[(b - 1) * length + j], ti[(b - 1) * length + j]) = unitPhase(cycles: Double((j * b) % big) / Double(big))
                }
            }
            let butterfly = specbook_fft_butterfly_for(Int32(self.instructionSet.rawValue), Int32(p))
            let twiddles = values.count
            values += tr + ti
            let roots = values.count
            if butterfly == nil {
                let phases = (0..<p).map { unitPhase(cycles: Double($0) / Double(p)) }
                values += phases.map(\.cos) + phases.map(\.sin)
            }
            stages.append(Stage(radix: p, butterfly: butterfly, previousLength: length, twiddles: twiddles, roots: roots))
            length = big
        }
        self.stages = stages
        tables = Tables(values)
    }

    func forward(_ re: UnsafeMutablePointer<Double>, _ im: UnsafeMutablePointer<Double>) {
        let n = count, passes = stages.count
        // Stockham passes cannot run in place. An even number ping-pongs between the caller's buffer and one scratch
        // buffer; an odd number goes caller -> A -> B -> A ... -> caller, so the result never needs a copy back.
        // From 2048 points on (beyond L1) the scratch is 64-byte aligned, and when the caller's buffers are not, every
        // pass but the first and last runs in the scratch (caller -> A -> B ... -> caller): a 64-byte vector at an
        // address that is not a multiple of 64 straddles two cache lines, and 2048 points took up to 1.4 times as long
        // in the caller's buffers on an AVX-512 CPU. Below that an aligned allocation and an extra buffer cost more
        // than they save.
        // Imaginary parts start 5 cache lines past a multiple of 4 KiB from the real parts, so the butterflies' 8 input
        // streams (4 KiB apart for 2048 points) do not all fall into the same L1 cache sets.
        let large = n >= FFTAlignment.fromPoints
        let aligned = !large || FFTAlignment.isAligned(re, im)
        let buffers = passes % 2 == 0 && aligned ? 1 : 2, size = large ? FFTAlignment.paddedCount(n) : n + 40
        do {
            // On the heap: with withUnsafeTemporaryAllocation here the stack protector fired for n = 7 (observed with
            // this toolchain at -Ounchecked, all accesses in bounds), and malloc costs about 2% at n = 512.
            let raw = UnsafeMutableRawPointer.allocate(
                byteCount: 2 * size * buffers * 8, alignment: large ? FFTAlignment.bytes : MemoryLayout<Double>.alignment)
            defer { raw.deallocate() }
            let a = raw.bindMemory(to: Double.self, capacity: 2 * size * buffers)
            let first = (a, a + size), second = buffers == 1 ? (re, im) : (a + 2 * size, a + 3 * size)
            var (srcRe, srcIm) = (re, im)
            let table = tables.values
            for (q, stage) in stages.enumerated() {
                let (dstRe, dstIm) = q == passes - 1 && q > 0 ? (re, im) : (q % 2 == 0 ? first : second)
                let columns = n / (stage.previousLength * stage.radix)
                let twiddles = (UnsafePointer(table + stage.twiddles), UnsafePointer(table + stage.twiddles + (stage.radix - 1) * stage.previousLength))
                if let butterfly = stage.butterfly {
                    butterfly(srcRe, srcIm, dstRe, dstIm, stage.previousLength, columns, twiddles.0, twiddles.1)
                } else {
                    Self.generic(stage.radix, stage.previousLength, roots: table + stage.roots,
                                 srcRe, srcIm, dstRe, dstIm, columns, twiddles)
                }
                (srcRe, srcIm) = (dstRe, dstIm)
            }
            if passes == 1 {
                re.update(from: a, count: n)
                im.update(from: a + size, count: n)
            }
        }
    }

    typealias Twiddles = (UnsafePointer<Double>, UnsafePointer<Double>)

    /// The direct p x p sum for a radix without a butterfly.
    private static func generic(_ p: Int, _ ls: Int, roots: UnsafePointer<Double>,
                                _ sr: UnsafeMutablePointer<Double>, _ si: UnsafeMutablePointer<Double>,
                                _ dr: UnsafeMutablePointer<Double>, _ di: UnsafeMutablePointer<Double>,
                                _ r: Int, _ t: Twiddles) {
        let rootRe = roots, rootIm = roots + p
        let xr = UnsafeMutablePointer<Double>.allocate(capacity: 2 * p), xi = xr + p
        defer { xr.deallocate() }
        for k in 0..<r {
            for j in 0..<ls {
                xr[0] = sr[k * ls + j]; xi[0] = si[k * ls + j]
                for b in 1..<p {
                    let i = (k + b * r) * ls + j, w = (b - 1) * ls + j
                    xr[b] = sr[i] * t.0[w] - si[i] * t.1[w]
                    xi[b] = sr[i] * t.1[w] + si[i] * t.0[w]
                }
                // y_a = sum_b w_p^{ab} x_b
                for a in 0..<p {
                    var yr = 0.0, yi = 0.0
                    for b in 0..<p {
                        let m = (a * b) % p
                        yr += xr[b] * rootRe[m] - xi[b] * rootIm[m]
                        yi += xr[b] * rootIm[m] + xi[b] * rootRe[m]
                    }
                    dr[k * p * ls + a * ls + j] = yr
                    di[k * p * ls + a * ls + j] = yi
                }
            }
        }
    }
}

/// Where large transforms keep their vectors whole: on 64-byte boundaries, one cache line each (see
/// `MixedRadixKernel.forward`).
enum FFTAlignment {
    /// The alignment, in bytes, of an AVX-512 vector that does not straddle two cache lines.
    static let bytes = 64
    /// From this many complex points on (beyond L1) a transform runs in an aligned scratch when its buffers are not.
    static let fromPoints = 2048

    /// Whether both buffers start on a 64-byte boundary.
    static func isAligned(_ re: UnsafeMutablePointer<Double>, _ im: UnsafeMutablePointer<Double>) -> Bool {
        Int(bitPattern: re) % bytes == 0 && Int(bitPattern: im) % bytes == 0
    }

    /// Doubles to reserve for `n` values in an aligned scratch: the next buffer starts on a 64-byte boundary, 5 cache
    /// lines past a multiple of 4 KiB for a power-of-two n.
    static func paddedCount(_ n: Int) -> Int { (n + 7) / 8 * 8 + 40 }
}
