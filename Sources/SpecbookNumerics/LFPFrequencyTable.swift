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

    /// Moves `k` on by `steps` row-major places, at most to the end of its row along the last axis: the last axis
    /// counts up, carrying into the ones before it.
    @inline(__always)
    func advance(_ k: inout [Int], by steps: Int = 1) {
        var axis = dimension - 1
        k[axis] += steps
        while axis > 0 && k[axis] > cutoff {
            k[axis] = -cutoff
            axis -= 1
            k[axis] += 1
        }
    }
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
    /// A block of 1 MiB stays in a core's L2 cache from its fill to the BLAS call that reads it (16 MiB blocks went
    /// through L3: the 2-D solve at K = 1024 took 0.35-0.45 s against 0.30-0.32 s).
    static let blockBytes = 1 << 20
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
        let n = pointCount, d = cube.dimension, rows = coarseRows + Self.fineCount, cutoff = cube.cutoff
        var k = [Int](repeating: 0, count: d)
        cube.frequency(halfIndex: first, into: &k)
        let isa = Int32(VectorInstructionSet.fastest.rawValue)
        let work = UnsafeMutablePointer<Double>.allocate(capacity: max(1, 2 * n * (d - 1)))
        defer { work.deallocate() }
        func fillRuns(_ t: UnsafeBufferPointer<Double>, _ scale: UnsafePointer<Double>?) {
            let coarse: [UnsafePointer<Double>?] = (0..<d).map { t.baseAddress! + $0 * rows * 2 * n }
            let fine: [UnsafePointer<Double>?] = (0..<d).map { t.baseAddress! + ($0 * rows + coarseRows) * 2 * n }
            // Runs of columns along the last axis (CVectorKernels, widest vectors): e^{2 pi i k.x} as the product of
            // the axes' factors, each coarse * fine, the first axis times the column scale, conjugated where k_a < 0.
            var c = 0
            while c < columns {
                let run = min(columns - c, cutoff - k[d - 1] + 1)
                specbook_phase_row(isa, n, d, k, run, coarse, fine, Self.fineCount, scale.map { $0 + first + c }, table + c * n,
                                   table + (columns + c) * n, work)
                c += run
                cube.advance(&k, by: run)
            }
        }
        tables.withUnsafeBufferPointer { t in
            if let scale {
                scale.withUnsafeBufferPointer { fillRuns(t, $0.baseAddress!) }
            } else {
                fillRuns(t, nil)
            }
        }
    }
}
