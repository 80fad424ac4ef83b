import Foundation

/// The frequencies k in {-K..K}^d in row-major order, of which the solver keeps one half.
///
/// The row-major index of -k is (M - 1) minus that of k, so the cube indices i0 ... M-1 with
/// i0 = (M - 1)/2 hold k = 0 first and then exactly one of each pair (k, -k): the "half space".
struct FrequencyCube: Sendable {
    let dimension: Int
    let cutoff: Int
    /// 2K + 1.
    let side: Int
    /// M = (2K + 1)^d.
    let count: Int
    /// Number of half-space frequencies, (M + 1)/2; half index 0 is k = 0.
    var halfCount: Int { (count + 1) / 2 }

    init(dimension: Int, cutoff: Int) {
        self.dimension = dimension
        self.cutoff = cutoff
        side = 2 * cutoff + 1
        count = (0..<dimension).reduce(1) { r, _ in r * (2 * cutoff + 1) }
    }

    /// The frequency vector at a row-major cube index.
    @inline(__always)
    func frequency(cubeIndex: Int, into k: inout [Int]) {
        var rest = cubeIndex
        for a in stride(from: dimension - 1, through: 0, by: -1) {
            k[a] = rest % side - cutoff
            rest /= side
        }
    }

    /// The frequency vector of a half-space index.
    @inline(__always)
    func frequency(halfIndex h: Int, into k: inout [Int]) { frequency(cubeIndex: (count - 1) / 2 + h, into: &k) }
}

/// e^{2 pi i k.x_j} for a set of points and any integer k with |k_a| <= K, built column by column.
///
/// Each axis keeps e^{2 pi i 64 q x} (coarse) and e^{2 pi i r x} (fine, r < 64), both computed from
/// exactly reduced phases, so e^{2 pi i (64 q + r) x} costs one complex product and stays accurate
/// to a few ulps for any K (a plain recurrence in k would lose about k ulps).
struct TrigFeatures {
    static let fineCount = 64
    let pointCount: Int
    let dimension: Int
    /// Rows of coarse multiples e^{2 pi i 64 q x} per axis (q = 0...K/64).
    private let coarseRows: Int
    /// Axis a, row m, point j at (a * rows + m) * n + j; rows are contiguous over points.
    private let coarseRe: [Double], coarseIm: [Double]
    private let fineRe: [Double], fineIm: [Double]

    /// - Parameter points: n points, row-major n x d (any real coordinates; the torus is periodic).
    init(points: [Double], dimension d: Int, cutoff: Int) {
        let n = points.count / d
        pointCount = n
        dimension = d
        coarseRows = cutoff / Self.fineCount + 1
        var cr: [Double] = [], ci: [Double] = [], fr: [Double] = [], fi: [Double] = []
        for a in 0..<d {
            let x = (0..<n).map { points[$0 * d + a] }
            Self.appendTable(x, multiples: coarseRows, step: Self.fineCount, re: &cr, im: &ci)
            Self.appendTable(x, multiples: Self.fineCount, step: 1, re: &fr, im: &fi)
        }
        coarseRe = cr; coarseIm = ci; fineRe = fr; fineIm = fi
    }

    /// Appends rows m = 0..<multiples of e^{2 pi i (m step) x_j}.
    private static func appendTable(_ x: [Double], multiples: Int, step: Int, re: inout [Double], im: inout [Double]) {
        for m in 0..<multiples {
            let f = Double(m * step)
            for xj in x {
                // Exact product f x = p + e (fma), reduced modulo 1 before taking the phase.
                let p = f * xj
                let e = (-p).addingProduct(f, xj)
                let t = (p - p.rounded()) + e
                re.append(cos(2 * Double.pi * t))
                im.append(sin(2 * Double.pi * t))
            }
        }
    }

    /// Writes cos(2 pi k.x_j) * scale[c] to cosines[c * ld + j] and sin(2 pi k.x_j) * scale[c] to sines[c * ld + j]
    /// for the half-space frequencies first ..< first + columns (column-major, leading dimension ld >= n).
    func fill(cube: FrequencyCube, first: Int, columns: Int, scale: UnsafePointer<Double>?,
              cosines: UnsafeMutablePointer<Double>, sines: UnsafeMutablePointer<Double>, ld: Int) {
        let n = pointCount, d = dimension, rows = coarseRows, fine = Self.fineCount
        var k = [Int](repeating: 0, count: d)
        coarseRe.withUnsafeBufferPointer { cre in
        coarseIm.withUnsafeBufferPointer { cim in
        fineRe.withUnsafeBufferPointer { fre in
        fineIm.withUnsafeBufferPointer { fim in
            for c in 0..<columns {
                cube.frequency(halfIndex: first + c, into: &k)
                let outC = cosines + c * ld, outS = sines + c * ld
                let s = scale?[c] ?? 1
                for a in 0..<d {
                    let m = abs(k[a]), q = m / fine, r = m % fine
                    let sign: Double = k[a] < 0 ? -1 : 1
                    let qr = cre.baseAddress! + (a * rows + q) * n, qi = cim.baseAddress! + (a * rows + q) * n
                    let rr = fre.baseAddress! + (a * fine + r) * n, ri = fim.baseAddress! + (a * fine + r) * n
                    if a == 0 {
                        // e^{2 pi i k_0 x} = coarse * fine, conjugated for k_0 < 0, times the column scale
                        for j in 0..<n {
                            outC[j] = s * (qr[j] * rr[j] - qi[j] * ri[j])
                            outS[j] = s * sign * (qr[j] * ri[j] + qi[j] * rr[j])
                        }
                    } else {
                        // multiply in e^{2 pi i k_a x_a}
                        for j in 0..<n {
                            let fr = qr[j] * rr[j] - qi[j] * ri[j]
                            let fi = sign * (qr[j] * ri[j] + qi[j] * rr[j])
                            let pr = outC[j] * fr - outS[j] * fi
                            outS[j] = outC[j] * fi + outS[j] * fr
                            outC[j] = pr
                        }
                    }
                }
            }
        }
        }
        }
        }
    }
}
