import COpenBLAS
import Foundation

extension LFPSolver {
    /// sqrt(2 w^{-1}(k)) per half-space column (sqrt(w^{-1}(0)) for k = 0), so that [C | S][C | S]^T = G.
    var gramScale: [Double] {
        halfInverseWeights.enumerated().map { $0.offset == 0 ? $0.element.squareRoot() : (2 * $0.element).squareRoot() }
    }

    /// The Gram matrix's lower triangle (column-major) and the features of the points that built it.
    func lowerGram(points: [Double], count n: Int) throws -> (gram: [Double], features: TrigFeatures) {
        let gramBytes = 8 * n * n
        try Self.checkMemory("the \(n) x \(n) Gram matrix", bytes: gramBytes, limit: memoryLimit)
        let features = try TrigFeatures(points: points, cube: cube, memoryLimit: memoryLimit, reservedBytes: gramBytes)
        var gram = [Double](repeating: 0, count: n * n)
        // Fastest exact method: G = [C | S][C | S]^T over half the frequencies, one dsyrk per block, n^2 (2K+1)^d flops at BLAS speed.
        // G_ij = sum_k w(k)^{-1} cos(2 pi k.(x_i - x_j)) = sum_{half k} 2 w^{-1} (cos_i cos_j + sin_i sin_j)
        features.forEachBlock(scale: gramScale) { first, columns, table in
            cblas_dsyrk(CblasColMajor, CblasLower, CblasNoTrans, Int32(n), Int32(2 * columns),
                        1, table, Int32(n), first == 0 ? 0 : 1, &gram, Int32(n))
        }
        return (gram, features)
    }

    /// multiplier(k) sum_j v_j e^{-2 pi i k.x_j} for the half-space k, with multiplier w^{-1}(k) or 1.
    func halfTransform(features: TrigFeatures, vector v: [Double], multiplyByInverseWeight: Bool) -> ([Double], [Double]) {
        let n = features.pointCount
        var re = [Double](repeating: 0, count: cube.halfCount), im = re
        var t = [Double](repeating: 0, count: 2 * features.blockColumns)
        features.forEachBlock(scale: nil) { first, columns, table in
            // t = [C | S]^T v, then multiplier (t_cos - i t_sin)
            cblas_dgemv(CblasColMajor, CblasTrans, Int32(n), Int32(2 * columns), 1, table, Int32(n), v, 1, 0, &t, 1)
            for c in 0..<columns {
                let factor = multiplyByInverseWeight ? halfInverseWeights[first + c] : 1
                re[first + c] = factor * t[c]
                im[first + c] = -factor * t[columns + c]
            }
        }
        return (re, im)
    }

    /// sum_k h^(k) e^{2 pi i k.x} = h^(0) + 2 sum_{half k != 0} (Re h^ cos - Im h^ sin) at points (row-major m x d, any reals).
    func evaluateSeries(real: [Double], imag: [Double]?, at points: [Double]) throws -> [Double] {
        let m = points.count / dimension
        guard m > 0 else { return [] }
        let features = try TrigFeatures(points: points, cube: cube, memoryLimit: memoryLimit, reservedBytes: 8 * m)
        var out = [Double](repeating: 0, count: m)
        var v = [Double](repeating: 0, count: 2 * features.blockColumns)
        features.forEachBlock(scale: nil) { first, columns, table in
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
        // Real and imaginary parts of the grid, 16 bytes a point.
        try Self.checkMemory("a grid of \(size)^\(dimension) points", bytes: Self.bytes(16, times: size, power: dimension), limit: memoryLimit)
        let points = (0..<dimension).reduce(1) { r, _ in r * size }
        var gridRe = [Double](repeating: 0, count: points), gridIm = gridRe
        // Folding is exact: e^{2 pi i k j/N} depends on k only modulo N. Per axis, the folded offset of each
        // k in -K...K (its residue times the axis's stride); the half space in order, k and then -k.
        let cutoff = cube.cutoff, side = cube.side
        var folded = [Int](repeating: 0, count: dimension * side)
        var axisStride = 1
        for a in stride(from: dimension - 1, through: 0, by: -1) {
            for k in -cutoff...cutoff { folded[a * side + k + cutoff] = (k % size + size) % size * axisStride }
            axisStride *= size
        }
        var k = [Int](repeating: 0, count: dimension)
        cube.frequency(halfIndex: 0, into: &k)
        for h in 0..<cube.halfCount {
            var i = 0, j = 0
            for a in 0..<dimension {
                i += folded[a * side + k[a] + cutoff]
                j += folded[a * side - k[a] + cutoff]
            }
            let re = real[h], im = imag?[h] ?? 0
            gridRe[i] += re; gridIm[i] += im
            if h > 0 {
                gridRe[j] += re; gridIm[j] -= im
            }
            cube.advance(&k)
        }
        let plan = try FFTGridPlan(shape: [Int](repeating: size, count: dimension))
        // Along each axis only the residues of -K...K can be non-zero: a narrow band when 2K + 1 < N.
        let band: [Int]? = side >= size ? nil : Array(0...cutoff) + Array((size - cutoff)..<size)
        gridRe.withUnsafeMutableBufferPointer { re in
            gridIm.withUnsafeMutableBufferPointer { im in
                plan.unnormalizedInverse(real: re.baseAddress!, imag: im.baseAddress!,
                                         support: [[Int]?](repeating: band, count: dimension))
            }
        }
        return gridRe
    }
}
