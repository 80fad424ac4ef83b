import Foundation

/// Self-sorting (Stockham) mixed-radix transform for lengths whose prime factors are all at most 31.
///
/// Stage q turns an L* x r matrix X (column-major, L* = product of the radices so far) into an
/// L x (r/p) matrix with L = p L*:
/// X'(j + a L*, k) = sum_b w_p^{ab} w_L^{jb} X(j, k + b r/p),
/// ping-ponging between the caller's buffer and a scratch buffer, so no bit reversal is needed.
/// Radices 4, 2, 3 and 5 have hand-written butterflies; other small primes use a direct p x p sum.
struct MixedRadixKernel: Sendable {
    static let largestRadix = 31
    let count: Int
    private let stages: [Stage]

    private struct Stage: Sendable {
        let radix: Int
        /// L*, the transform length before this stage.
        let previousLength: Int
        /// w_L^{jb} for b = 1..<radix, j < L*: entry (b - 1) L* + j.
        let twiddleRe: [Double]
        let twiddleIm: [Double]
        /// w_p^m for m < radix (generic radices only).
        let rootRe: [Double]
        let rootIm: [Double]
    }

    /// The radices of n (4s first, then 2, 3, 5, larger primes), or nil when a prime factor exceeds `largestRadix`.
    static func radices(of n: Int) -> [Int]? {
        var rest = n, result: [Int] = []
        while rest % 4 == 0 { result.append(4); rest /= 4 }
        var p = 2
        while rest > 1 && p <= largestRadix {
            while rest % p == 0 { result.append(p); rest /= p }
            p += 1
        }
        return rest == 1 ? result : nil
    }

    init?(count n: Int) {
        guard n >= 2, let radices = Self.radices(of: n) else { return nil }
        count = n
        var stages: [Stage] = []
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
            var rr: [Double] = [], ri: [Double] = []
            if ![2, 3, 4, 5].contains(p) {
                for m in 0..<p {
                    let (c, s) = unitPhase(cycles: Double(m) / Double(p))
                    rr.append(c); ri.append(s)
                }
            }
            stages.append(Stage(radix: p, previousLength: length, twiddleRe: tr, twiddleIm: ti, rootRe: rr, rootIm: ri))
            length = big
        }
        self.stages = stages
    }

    func forward(_ re: UnsafeMutablePointer<Double>, _ im: UnsafeMutablePointer<Double>) {
        let n = count
        let scratch = UnsafeMutablePointer<Double>.allocate(capacity: 2 * n)
        defer { scratch.deallocate() }
        var (srcRe, srcIm, dstRe, dstIm) = (re, im, scratch, scratch + n)
        for stage in stages {
            stage.twiddleRe.withUnsafeBufferPointer { tr in
                stage.twiddleIm.withUnsafeBufferPointer { ti in
                    let columns = n / (stage.previousLength * stage.radix)
                    let t = (tr.baseAddress!, ti.baseAddress!)
                    switch stage.radix {
                    case 4: Self.radix4(srcRe, srcIm, dstRe, dstIm, stage.previousLength, columns, t)
                    case 2: Self.radix2(srcRe, srcIm, dstRe, dstIm, stage.previousLength, columns, t)
                    case 3: Self.radix3(srcRe, srcIm, dstRe, dstIm, stage.previousLength, columns, t)
                    case 5: Self.radix5(srcRe, srcIm, dstRe, dstIm, stage.previousLength, columns, t)
                    default: Self.generic(stage, srcRe, srcIm, dstRe, dstIm, columns, t)
                    }
                }
            }
            (srcRe, srcIm, dstRe, dstIm) = (dstRe, dstIm, srcRe, srcIm)
        }
        if srcRe != re {
            re.update(from: srcRe, count: n)
            im.update(from: srcIm, count: n)
        }
    }

    typealias Twiddles = (UnsafePointer<Double>, UnsafePointer<Double>)

    /// Runs `butterfly(input, output, j)` over every (k, j): inputs X(j, k + b r) start at src index
    /// k Ls + j (stride r Ls over b), outputs X'(j + a Ls, k) at dst index k L + j (stride Ls over a).
    /// Long columns (Ls >= 8) loop over j innermost, contiguous and vectorisable; short ones over k.
    @inline(__always)
    private static func sweep(_ ls: Int, _ r: Int, _ p: Int, _ butterfly: (Int, Int, Int) -> Void) {
        if ls >= 8 {
            for k in 0..<r { for j in 0..<ls { butterfly(k * ls + j, k * p * ls + j, j) } }
        } else {
            for j in 0..<ls { for k in 0..<r { butterfly(k * ls + j, k * p * ls + j, j) } }
        }
    }

    private static func radix2(_ sr: UnsafeMutablePointer<Double>, _ si: UnsafeMutablePointer<Double>,
                               _ dr: UnsafeMutablePointer<Double>, _ di: UnsafeMutablePointer<Double>,
                               _ ls: Int, _ r: Int, _ t: Twiddles) {
        let s1 = r * ls
        sweep(ls, r, 2) { i, o, j in
            // y0, y1 = a0 + w a1, a0 - w a1
            let xr = sr[i + s1] * t.0[j] - si[i + s1] * t.1[j]
            let xi = sr[i + s1] * t.1[j] + si[i + s1] * t.0[j]
            dr[o] = sr[i] + xr; di[o] = si[i] + xi
            dr[o + ls] = sr[i] - xr; di[o + ls] = si[i] - xi
        }
    }

    private static func radix4(_ sr: UnsafeMutablePointer<Double>, _ si: UnsafeMutablePointer<Double>,
                               _ dr: UnsafeMutablePointer<Double>, _ di: UnsafeMutablePointer<Double>,
                               _ ls: Int, _ r: Int, _ t: Twiddles) {
        let s = r * ls
        if ls == 1 {
            // First stage: every twiddle is 1.
            for k in 0..<r {
                let t0r = sr[k] + sr[k + 2 * s], t0i = si[k] + si[k + 2 * s], t1r = sr[k] - sr[k + 2 * s], t1i = si[k] - si[k + 2 * s]
                let t2r = sr[k + s] + sr[k + 3 * s], t2i = si[k + s] + si[k + 3 * s]
                let t3r = si[k + s] - si[k + 3 * s], t3i = sr[k + 3 * s] - sr[k + s]
                dr[4 * k] = t0r + t2r; di[4 * k] = t0i + t2i
                dr[4 * k + 1] = t1r + t3r; di[4 * k + 1] = t1i + t3i
                dr[4 * k + 2] = t0r - t2r; di[4 * k + 2] = t0i - t2i
                dr[4 * k + 3] = t1r - t3r; di[4 * k + 3] = t1i - t3i
            }
            return
        }
        let (w1r, w1i, w2r, w2i, w3r, w3i) = (t.0, t.1, t.0 + ls, t.1 + ls, t.0 + 2 * ls, t.1 + 2 * ls)
        sweep(ls, r, 4) { i, o, j in
            let a0r = sr[i], a0i = si[i]
            let a1r = sr[i + s] * w1r[j] - si[i + s] * w1i[j], a1i = sr[i + s] * w1i[j] + si[i + s] * w1r[j]
            let a2r = sr[i + 2 * s] * w2r[j] - si[i + 2 * s] * w2i[j], a2i = sr[i + 2 * s] * w2i[j] + si[i + 2 * s] * w2r[j]
            let a3r = sr[i + 3 * s] * w3r[j] - si[i + 3 * s] * w3i[j], a3i = sr[i + 3 * s] * w3i[j] + si[i + 3 * s] * w3r[j]
            // y0 = t0 + t2, y1 = t1 - i(a1 - a3), y2 = t0 - t2, y3 = t1 + i(a1 - a3)
            let t0r = a0r + a2r, t0i = a0i + a2i, t1r = a0r - a2r, t1i = a0i - a2i
            let t2r = a1r + a3r, t2i = a1i + a3i, t3r = a1i - a3i, t3i = a3r - a1r
            dr[o] = t0r + t2r; di[o] = t0i + t2i
            dr[o + ls] = t1r + t3r; di[o + ls] = t1i + t3i
            dr[o + 2 * ls] = t0r - t2r; di[o + 2 * ls] = t0i - t2i
            dr[o + 3 * ls] = t1r - t3r; di[o + 3 * ls] = t1i - t3i
        }
    }

    private static func radix3(_ sr: UnsafeMutablePointer<Double>, _ si: UnsafeMutablePointer<Double>,
                               _ dr: UnsafeMutablePointer<Double>, _ di: UnsafeMutablePointer<Double>,
                               _ ls: Int, _ r: Int, _ t: Twiddles) {
        let h = 0.5 * 3.0.squareRoot(), s = r * ls
        let (w1r, w1i, w2r, w2i) = (t.0, t.1, t.0 + ls, t.1 + ls)
        sweep(ls, r, 3) { i, o, j in
            let a1r = sr[i + s] * w1r[j] - si[i + s] * w1i[j], a1i = sr[i + s] * w1i[j] + si[i + s] * w1r[j]
            let a2r = sr[i + 2 * s] * w2r[j] - si[i + 2 * s] * w2i[j], a2i = sr[i + 2 * s] * w2i[j] + si[i + 2 * s] * w2r[j]
            // y1, y2 = a0 - s/2 -+ i (sqrt 3/2) d with s = a1 + a2, d = a1 - a2
            let sR = a1r + a2r, sI = a1i + a2i, dR = a1r - a2r, dI = a1i - a2i
            let mr = sr[i] - 0.5 * sR, mi = si[i] - 0.5 * sI
            dr[o] = sr[i] + sR; di[o] = si[i] + sI
            dr[o + ls] = mr + h * dI; di[o + ls] = mi - h * dR
            dr[o + 2 * ls] = mr - h * dI; di[o + 2 * ls] = mi + h * dR
        }
    }

    private static func radix5(_ sr: UnsafeMutablePointer<Double>, _ si: UnsafeMutablePointer<Double>,
                               _ dr: UnsafeMutablePointer<Double>, _ di: UnsafeMutablePointer<Double>,
                               _ ls: Int, _ r: Int, _ t: Twiddles) {
        let c1 = cos(2 * Double.pi / 5), c2 = cos(4 * Double.pi / 5), s1 = sin(2 * Double.pi / 5), s2 = sin(4 * Double.pi / 5)
        let s = r * ls
        sweep(ls, r, 5) { i, o, j in
            @inline(__always) func load(_ b: Int) -> (Double, Double) {
                let x = i + b * s, w = (b - 1) * ls + j
                return (sr[x] * t.0[w] - si[x] * t.1[w], sr[x] * t.1[w] + si[x] * t.0[w])
            }
            let (a1r, a1i) = load(1), (a2r, a2i) = load(2), (a3r, a3i) = load(3), (a4r, a4i) = load(4)
            // b1 = a1 + a4, b2 = a2 + a3, d1 = a1 - a4, d2 = a2 - a3; y1,4 = m1 -+ i n1, y2,3 = m2 -+ i n2
            let b1r = a1r + a4r, b1i = a1i + a4i, b2r = a2r + a3r, b2i = a2i + a3i
            let d1r = a1r - a4r, d1i = a1i - a4i, d2r = a2r - a3r, d2i = a2i - a3i
            let m1r = sr[i] + c1 * b1r + c2 * b2r, m1i = si[i] + c1 * b1i + c2 * b2i
            let m2r = sr[i] + c2 * b1r + c1 * b2r, m2i = si[i] + c2 * b1i + c1 * b2i
            let n1r = s1 * d1r + s2 * d2r, n1i = s1 * d1i + s2 * d2i
            let n2r = s2 * d1r - s1 * d2r, n2i = s2 * d1i - s1 * d2i
            dr[o] = sr[i] + b1r + b2r; di[o] = si[i] + b1i + b2i
            dr[o + ls] = m1r + n1i; di[o + ls] = m1i - n1r
            dr[o + 2 * ls] = m2r + n2i; di[o + 2 * ls] = m2i - n2r
            dr[o + 3 * ls] = m2r - n2i; di[o + 3 * ls] = m2i + n2r
            dr[o + 4 * ls] = m1r - n1i; di[o + 4 * ls] = m1i + n1r
        }
    }

    private static func generic(_ stage: Stage, _ sr: UnsafeMutablePointer<Double>, _ si: UnsafeMutablePointer<Double>,
                                _ dr: UnsafeMutablePointer<Double>, _ di: UnsafeMutablePointer<Double>,
                                _ r: Int, _ t: Twiddles) {
        let p = stage.radix, ls = stage.previousLength
        var xr = [Double](repeating: 0, count: p), xi = xr
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
                        yr += xr[b] * stage.rootRe[m] - xi[b] * stage.rootIm[m]
                        yi += xr[b] * stage.rootIm[m] + xi[b] * stage.rootRe[m]
                    }
                    dr[k * p * ls + a * ls + j] = yr
                    di[k * p * ls + a * ls + j] = yi
                }
            }
        }
    }
}
