import COpenBLAS
import Foundation

/// cos and sin of 2 pi k.x_j for the half-space frequencies k, as column blocks of a column-major
/// n x 2b matrix [cos | sin], each column optionally scaled; every pass rebuilds the blocks.
struct FeatureBlocks {
    let pointCount: Int
    let halfCount: Int
    let blockColumns: Int
    /// Column scales by half-space index (nil: all 1).
    let scale: [Double]?
    private let features: TrigFeatures
    private let cube: FrequencyCube

    /// Block size: one reused buffer of this size costs few page faults, and rebuilding a block
    /// (about 2 ns per entry) is cheaper than faulting in one table for all frequencies (about 10 ns per entry).
    static let blockBytes = 16 << 20

    init(points: [Double], cube: FrequencyCube, scale: [Double]?, memoryLimit: Int, reservedBytes: Int = 0) throws {
        let n = points.count / cube.dimension
        pointCount = n
        halfCount = cube.halfCount
        blockColumns = min(cube.halfCount, max(32, Self.blockBytes / (16 * max(n, 1))))
        try LFPSolver.checkMemory("\(n) points x \(blockColumns) frequencies of cosines and sines",
                                  bytes: reservedBytes + 16 * n * blockColumns, limit: memoryLimit)
        features = TrigFeatures(points: points, dimension: cube.dimension, cutoff: cube.cutoff)
        self.cube = cube
        self.scale = scale
    }

    /// Calls `body(first, columns, table)` for consecutive blocks; `table` is column-major n x 2*columns.
    func forEach(_ body: (Int, Int, UnsafePointer<Double>) throws -> Void) rethrows {
        let n = pointCount
        let table = UnsafeMutablePointer<Double>.allocate(capacity: 2 * n * blockColumns)
        defer { table.deallocate() }
        var first = 0
        while first < halfCount {
            let columns = min(blockColumns, halfCount - first)
            if let scale {
                scale.withUnsafeBufferPointer { s in
                    features.fill(cube: cube, first: first, columns: columns, scale: s.baseAddress! + first,
                                  cosines: table, sines: table + n * columns, ld: n)
                }
            } else {
                features.fill(cube: cube, first: first, columns: columns, scale: nil, cosines: table, sines: table + n * columns, ld: n)
            }
            try body(first, columns, table)
            first += columns
        }
    }
}

extension LFPSolver {
    /// sqrt(2 w^{-1}(k)) per half-space column (sqrt(w^{-1}(0)) for k = 0), so that [C | S][C | S]^T = G.
    var gramScale: [Double] {
        halfInverseWeights.enumerated().map { $0.offset == 0 ? $0.element.squareRoot() : (2 * $0.element).squareRoot() }
    }

    /// The Gram matrix's lower triangle (column-major) and the scaled features that built it.
    func lowerGram(points: [Double], count n: Int) throws -> (gram: [Double], features: FeatureBlocks) {
        let gramBytes = 8 * n * n
        try Self.checkMemory("the \(n) x \(n) Gram matrix", bytes: gramBytes, limit: memoryLimit)
        let features = try FeatureBlocks(points: points, cube: cube, scale: gramScale, memoryLimit: memoryLimit, reservedBytes: gramBytes)
        var gram = [Double](repeating: 0, count: n * n)
        // G_ij = sum_k w(k)^{-1} cos(2 pi k.(x_i - x_j)) = sum_{half k} 2 w^{-1} (cos_i cos_j + sin_i sin_j): one dsyrk per block
        features.forEach { first, columns, table in
            cblas_dsyrk(CblasColMajor, CblasLower, CblasNoTrans, Int32(n), Int32(2 * columns),
                        1, table, Int32(n), first == 0 ? 0 : 1, &gram, Int32(n))
        }
        return (gram, features)
    }

    /// multiplier(k) * sum_j v_j e^{-2 pi i k.x_j} for the half-space k, with multiplier w^{-1}(k) or 1.
    func halfTransform(features: FeatureBlocks, vector v: [Double], scaledByInverseWeight: Bool) -> ([Double], [Double]) {
        let n = features.pointCount
        var re = [Double](repeating: 0, count: cube.halfCount), im = re
        var t = [Double](repeating: 0, count: 2 * features.blockColumns)
        features.forEach { first, columns, table in
            // t = [C | S]^T v, then h^(k) = (w^{-1}/s_k) (t_cos - i t_sin) where s_k is the column scale
            cblas_dgemv(CblasColMajor, CblasTrans, Int32(n), Int32(2 * columns), 1, table, Int32(n), v, 1, 0, &t, 1)
            for c in 0..<columns {
                let h = first + c
                let factor = (scaledByInverseWeight ? halfInverseWeights[h] : 1) / (features.scale?[h] ?? 1)
                re[h] = factor * t[c]
                im[h] = -factor * t[columns + c]
            }
        }
        return (re, im)
    }

    /// sum_k h^(k) e^{2 pi i k.x} = h^(0) + 2 sum_{half k != 0} (Re h^ cos - Im h^ sin) at points (row-major m x d, any reals).
    func evaluateSeries(real: [Double], imag: [Double]?, at points: [Double]) throws -> [Double] {
        let m = points.count / dimension
        guard m > 0 else { return [] }
        let features = try FeatureBlocks(points: points, cube: cube, scale: nil, memoryLimit: memoryLimit, reservedBytes: 8 * m)
        var out = [Double](repeating: 0, count: m)
        var v = [Double](repeating: 0, count: 2 * features.blockColumns)
        features.forEach { first, columns, table in
            for c in 0..<columns {
                let h = first + c
                v[c] = h == 0 ? real[0] : 2 * real[h]
                v[columns + c] = h == 0 ? 0 : -2 * (imag?[h] ?? 0)
            }
            cblas_dgemv(CblasColMajor, CblasNoTrans, Int32(m), Int32(2 * columns), 1, table, Int32(m), v, 1, 1, &out, 1)
        }
        return out
    }

    /// The series on the grid j/N, j in {0..N-1}^d (row-major): frequencies folded modulo N, then one inverse FFT.
    func gridValues(real: [Double], imag: [Double]?, size: Int) throws -> [Double] {
        guard size >= 1 else { throw LFPError.invalidGridSize(size) }
        let (points, overflow) = (0..<dimension).reduce((1, false)) { acc, _ in
            let (p, o) = acc.0.multipliedReportingOverflow(by: size)
            return (p, acc.1 || o)
        }
        let bytes = overflow || points > Int.max / 24 ? Int.max : 24 * points
        try Self.checkMemory("a grid of \(size)^\(dimension) points", bytes: bytes, limit: memoryLimit)
        var gridRe = [Double](repeating: 0, count: points), gridIm = gridRe
        var k = [Int](repeating: 0, count: dimension)
        // Folding is exact: e^{2 pi i k j/N} depends on k only modulo N.
        func index(_ k: [Int], sign: Int) -> Int {
            k.reduce(0) { $0 * size + ((sign * $1) % size + size) % size }
        }
        for h in 0..<cube.halfCount {
            cube.frequency(halfIndex: h, into: &k)
            let a = real[h], b = imag?[h] ?? 0
            let i = index(k, sign: 1)
            gridRe[i] += a; gridIm[i] += b
            if h > 0 {
                let j = index(k, sign: -1)
                gridRe[j] += a; gridIm[j] -= b
            }
        }
        let plan = FFTGridPlan(shape: [Int](repeating: size, count: dimension))
        gridRe.withUnsafeMutableBufferPointer { re in
            gridIm.withUnsafeMutableBufferPointer { im in plan.unnormalizedInverse(real: re.baseAddress!, imag: im.baseAddress!) }
        }
        return gridRe
    }
}
