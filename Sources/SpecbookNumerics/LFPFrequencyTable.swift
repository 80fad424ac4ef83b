import CVectorKernels
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

/// cos and sin of 2 pi k.x_j for the half-space frequencies k, delivered as column blocks of a
/// column-major n x 2b matrix [cos | sin] with optional column scales.
///
/// Each axis keeps e^{2 pi i 64 q x} (coarse) and e^{2 pi i r x} (fine, r < 64), both from exactly
/// reduced phases, so e^{2 pi i (64 q + r) x} costs one complex product and stays accurate to a few
/// ulps for any K (a plain recurrence in k would lose about k ulps). Blocks are rebuilt on every
/// pass into one reused buffer: rebuilding costs about 2 ns per entry, while faulting in a fresh
/// table for all frequencies costs about 10 ns per entry.
struct TrigFeatures {
    static let fineCount = 64
    static let blockBytes = 16 << 20
    let pointCount: Int
    let cube: FrequencyCube
    /// Columns per block.
    let blockColumns: Int
    /// Rows of coarse multiples per axis (q = 0...K/64).
    private let coarseRows: Int
    /// Per axis a: coarse rows then fine rows, each n values; re and im halves, see `offset`.
    private let tables: [Double]

    /// - Parameter points: n points, row-major n x d (any real coordinates; the torus is periodic).
    init(points: [Double], cube: FrequencyCube, memoryLimit: Int, reservedBytes: Int = 0) throws {
        let d = cube.dimension, n = points.count / d
        pointCount = n
        self.cube = cube
        coarseRows = cube.cutoff / Self.fineCount + 1
        blockColumns = min(cube.halfCount, max(32, Self.blockBytes / (16 * max(n, 1))))
        try LFPSolver.checkMemory("\(n) points x \(blockColumns) frequencies of cosines and sines",
                                  bytes: reservedBytes + 16 * n * (blockColumns + d * (coarseRows + Self.fineCount)), limit: memoryLimit)
        let rows = coarseRows + Self.fineCount
        var tables = [Double](repeating: 0, count: 2 * d * rows * n)
        for a in 0..<d {
            for row in 0..<rows {
                let f = Double(row < coarseRows ? row * Self.fineCount : row - coarseRows)
                for j in 0..<n {
                    let x = points[j * d + a]
                    // Exact product f x = p + e (fma), reduced modulo 1 before taking the phase.
                    let p = f * x
                    let e = (-p).addingProduct(f, x)
                    let (c, s) = unitPhase(cycles: -((p - p.rounded()) + e))
                    tables[((a * rows + row) * 2) * n + j] = c
                    tables[((a * rows + row) * 2 + 1) * n + j] = s
                }
            }
        }
        self.tables = tables
    }

    /// Calls `body(first, columns, table)` for consecutive blocks of half-space frequencies; `table`
    /// is column-major n x 2*columns holding scale[k] cos(2 pi k.x_j), then scale[k] sin(2 pi k.x_j).
    func forEachBlock(scale: [Double]?, _ body: (Int, Int, UnsafePointer<Double>) throws -> Void) rethrows {
        let table = UnsafeMutablePointer<Double>.allocate(capacity: 2 * pointCount * blockColumns)
        defer { table.deallocate() }
        var first = 0
        while first < cube.halfCount {
            let columns = min(blockColumns, cube.halfCount - first)
            fill(first: first, columns: columns, scale: scale, into: table)
            try body(first, columns, table)
            first += columns
        }
    }

    private func fill(first: Int, columns: Int, scale: [Double]?, into table: UnsafeMutablePointer<Double>) {
        let n = pointCount, d = cube.dimension, rows = coarseRows + Self.fineCount
        var k = [Int](repeating: 0, count: d)
        let isa = Int32(VectorInstructionSet.fastest.rawValue)
        tables.withUnsafeBufferPointer { t in
            for c in 0..<columns {
                cube.frequency(halfIndex: first + c, into: &k)
                let outC = table + c * n, outS = table + (columns + c) * n
                let s = scale?[first + c] ?? 1
                for a in 0..<d {
                    let m = abs(k[a])
                    let sign: Double = k[a] < 0 ? -1 : 1
                    let coarse = t.baseAddress! + (a * rows + m / Self.fineCount) * 2 * n
                    let fine = t.baseAddress! + (a * rows + coarseRows + m % Self.fineCount) * 2 * n
                    let (qr, qi, rr, ri) = (coarse, coarse + n, fine, fine + n)
                    // e^{2 pi i k_a x} = coarse * fine, conjugated for k_a < 0 (CVectorKernels, widest vectors):
                    // the first axis writes it times the column scale, the others multiply it in.
                    if a == 0 {
                        specbook_phase_first(isa, qr, qi, rr, ri, outC, outS, n, s, sign)
                    } else {
                        specbook_phase_next(isa, qr, qi, rr, ri, outC, outS, n, sign)
                    }
                }
            }
        }
    }
}
