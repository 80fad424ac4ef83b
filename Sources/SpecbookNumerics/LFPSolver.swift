import COpenBLAS
import Foundation

/// The long-time limit of the linear frequency principle on the torus [0,1)^d, truncated at |k|_inf <= K.
///
/// It minimises sum_k w(k) |h^(k)|^2 subject to h(x_i) = y_i. The minimiser is the kernel interpolant
/// h_K(x) = sum_j c_j G_K(x - x_j), G_K(z) = sum_k w(k)^{-1} e^{2 pi i k.z}, with (G_K(x_i - x_j)) c = y
/// solved by Cholesky. Data on an interval [a, b) map to the torus by x -> (x - a)/(b - a); pick
/// [a, b) wider than the data unless the two ends should join (the source study's x = -0.5, 0.5 on
/// [-1, 1) become 0.25, 0.75).
///
/// ```swift
/// let solver = try LFPSolver(dimension: 1, cutoff: 256, weight: .sobolev(alpha: 2))
/// let h = try solver.interpolate(points: [0.25, 0.75], values: [0.9, 0.9])
/// let curve = try h.values(onGridOfSize: 1024)       // h(j/1024), j = 0..<1024
/// print(h.weightedNorm, h.conditionEstimate)
/// ```
///
/// **Edge cases:**
/// - d must be 1, 2 or 3 and K at least 1; alpha must be positive (`LFPError`).
/// - Points must lie in [0, 1)^d, be distinct, and number at most (2K+1)^d.
/// - A Gram matrix that is not numerically positive definite (reciprocal condition below machine
///   epsilon: points too close for a steep weight) throws instead of returning garbage.
/// - Work larger than `memoryLimit` bytes (default half the physical memory) is refused up front with the size it would need.
public struct LFPSolver: Sendable {
    public let dimension: Int
    public let cutoff: Int
    public let weight: LFPWeight
    /// Bytes any one call may allocate.
    public let memoryLimit: Int
    let cube: FrequencyCube
    /// w(k)^{-1} at the half-space frequencies (k = 0 first).
    let halfInverseWeights: [Double]

    public init(dimension: Int, cutoff: Int, weight: LFPWeight, memoryLimit: Int? = nil) throws {
        guard (1...3).contains(dimension) else { throw LFPError.unsupportedDimension(dimension) }
        guard cutoff >= 1 else { throw LFPError.invalidCutoff(cutoff) }
        self.dimension = dimension
        self.cutoff = cutoff
        self.weight = weight
        self.memoryLimit = memoryLimit ?? Int(ProcessInfo.processInfo.physicalMemory / 2)
        // Half of the (2K+1)^d weights, 8 bytes each, checked before the cube's size can overflow.
        try Self.checkMemory("the weights of (2K+1)^d = \(2 * cutoff + 1)^\(dimension) frequencies",
                             bytes: Self.bytes(4, times: 2 * cutoff + 1, power: dimension), limit: self.memoryLimit)
        let cube = FrequencyCube(dimension: dimension, cutoff: cutoff)
        self.cube = cube
        let inverse = try weight.inverse(dimension: dimension)
        // A radial weight depends on |k|^2 alone: in 2-D and 3-D each value is computed once and reused for the
        // other frequencies of the same norm (the same function of the same integer, so the same bits).
        let radial = try weight.radialInverse(dimension: dimension)
        let knownCount = dimension >= 2 && radial != nil ? dimension * cutoff * cutoff + 1 : 0
        if knownCount > 0 {
            try Self.checkMemory("the weights of (2K+1)^d = \(2 * cutoff + 1)^\(dimension) frequencies",
                                 bytes: Self.bytes(4, times: 2 * cutoff + 1, power: dimension) + 8 * knownCount,
                                 limit: self.memoryLimit)
        }
        var known = [Double](repeating: .nan, count: knownCount)
        var table = [Double](repeating: 0, count: cube.halfCount)
        var k = [Int](repeating: 0, count: dimension)
        cube.frequency(halfIndex: 0, into: &k)
        for h in 0..<cube.halfCount {
            let value: Double
            if let radial {
                let m = k.reduce(0) { $0 + $1 * $1 }
                if known.isEmpty {
                    value = radial(m)
                } else {
                    if known[m].isNaN { known[m] = radial(m) }
                    value = known[m]
                }
            } else {
                value = inverse(k)
            }
            guard value.isFinite && value > 0 else { throw LFPError.invalidWeight(frequency: k, value: 1 / value) }
            if weight.isCustom && h > 0 {
                let mirrored = inverse(k.map { -$0 })
                if mirrored != value { throw LFPError.weightNotEven(frequency: k, value: 1 / value, mirroredValue: 1 / mirrored) }
            }
            table[h] = value
            cube.advance(&k)
        }
        halfInverseWeights = table
    }

    /// (2K+1)^d, the number of frequencies.
    public var frequencyCount: Int { cube.count }

    /// The frequency vector of a row-major index into the cube {-K..K}^d (the order of `fourierCoefficients()`).
    public func frequency(atCubeIndex index: Int) -> [Int] {
        var k = [Int](repeating: 0, count: dimension)
        cube.frequency(cubeIndex: index, into: &k)
        return k
    }

    /// w(k)^{-1} = gamma(k)^2 as used by the solver; 0 outside the cube.
    public func inverseWeight(at k: [Int]) -> Double {
        guard let h = halfIndex(of: k) else { return 0 }
        return halfInverseWeights[h.index]
    }

    /// G_K(z) = sum_k w(k)^{-1} cos(2 pi k.z) at arbitrary differences z (row-major m x d), exactly (no interpolation).
    public func kernel(at differences: [Double]) throws -> [Double] {
        guard differences.count % dimension == 0 else { throw LFPError.pointCountMismatch(coordinates: differences.count, dimension: dimension) }
        return try evaluateSeries(real: halfInverseWeights, imag: nil, at: differences)
    }

    /// G_K(j/N) on the grid j in {0..N-1}^d (row-major), by one inverse FFT of the weights folded onto the grid.
    public func kernelOnGrid(size: Int) throws -> [Double] {
        try gridValues(real: halfInverseWeights, imag: nil, size: size)
    }

    /// The Gram matrix (G_K(x_i - x_j)), n x n (symmetric, so row- and column-major alike).
    public func gramMatrix(points: [Double]) throws -> [Double] {
        let n = try validate(points: points)
        var gram = try lowerGram(points: points, count: n).gram
        for j in 0..<n { for i in (j + 1)..<n { gram[i * n + j] = gram[j * n + i] } }
        return gram
    }

    /// The minimiser of sum_k w(k)|h^(k)|^2 with h(x_i) = y_i; points row-major n x d in [0,1)^d.
    public func interpolate(points: [Double], values: [Double]) throws -> LFPInterpolant {
        let n = try validate(points: points)
        guard values.count == n else { throw LFPError.valueCountMismatch(points: n, values: values.count) }
        var (gram, features) = try lowerGram(points: points, count: n)
        let (coefficients, rcond) = try Self.choleskySolve(&gram, order: n, rightHandSide: values)
        let (re, im) = halfTransform(features: features, vector: coefficients, multiplyByInverseWeight: true)
        return LFPInterpolant(solver: self, dataPoints: points, dataValues: values, coefficients: coefficients,
                              halfReal: re, halfImag: im, reciprocalConditionEstimate: rcond)
    }

    /// Solves G c = y for symmetric positive definite G (column-major lower triangle) by dpotrf/dpotrs.
    static func choleskySolve(_ gram: inout [Double], order n: Int, rightHandSide y: [Double]) throws -> ([Double], Double) {
        let layout = Int32(LAPACK_COL_MAJOR), lower = CChar(UInt8(ascii: "L")), one = CChar(UInt8(ascii: "1"))
        let nn = Int32(n)
        let anorm = LAPACKE_dlansy(layout, one, lower, nn, &gram, nn)
        let info = LAPACKE_dpotrf(layout, lower, nn, &gram, nn)
        if info > 0 { throw LFPError.gramMatrixNotPositiveDefinite(leadingMinor: Int(info)) }
        if info < 0 { throw LFPError.lapackFailure(routine: "dpotrf", info: Int(info)) }
        var rcond = 0.0
        let conInfo = LAPACKE_dpocon(layout, lower, nn, &gram, nn, anorm, &rcond)
        if conInfo != 0 { throw LFPError.lapackFailure(routine: "dpocon", info: Int(conInfo)) }
        guard rcond >= Double.ulpOfOne else { throw LFPError.singularGramMatrix(reciprocalCondition: rcond) }
        var c = y
        let solveInfo = LAPACKE_dpotrs(layout, lower, nn, 1, gram, nn, &c, nn)
        if solveInfo != 0 { throw LFPError.lapackFailure(routine: "dpotrs", info: Int(solveInfo)) }
        return (c, rcond)
    }

    /// The half-space index of k, or of -k (`mirrored`) when k is in the other half; nil outside the cube.
    func halfIndex(of k: [Int]) -> (index: Int, mirrored: Bool)? {
        guard k.count == dimension, k.allSatisfy({ abs($0) <= cutoff }) else { return nil }
        let index = k.reduce(0) { $0 * cube.side + $1 + cutoff }
        let center = (cube.count - 1) / 2
        return index >= center ? (index - center, false) : (center - index, true)
    }

    /// Checks shape, range and distinctness of data points; returns n.
    func validate(points: [Double]) throws -> Int {
        let d = dimension
        guard points.count % d == 0 else { throw LFPError.pointCountMismatch(coordinates: points.count, dimension: d) }
        let n = points.count / d
        guard n > 0 else { throw LFPError.emptyData }
        for i in 0..<n {
            for a in 0..<d where !(points[i * d + a] >= 0 && points[i * d + a] < 1) {
                throw LFPError.pointOutsideTorus(index: i, coordinate: a, value: points[i * d + a])
            }
        }
        // Sorting lexicographically puts equal points next to each other.
        let order = (0..<n).sorted { i, j in
            for a in 0..<d where points[i * d + a] != points[j * d + a] { return points[i * d + a] < points[j * d + a] }
            return i < j
        }
        for (i, j) in zip(order, order.dropFirst()) where (0..<d).allSatisfy({ points[i * d + $0] == points[j * d + $0] }) {
            throw LFPError.duplicatePoints(first: min(i, j), second: max(i, j))
        }
        guard n <= cube.count else { throw LFPError.tooFewFrequencies(points: n, frequencies: cube.count) }
        return n
    }

    /// bytesEach * base^power, saturating at Int.max.
    static func bytes(_ bytesEach: Int, times base: Int, power: Int) -> Int {
        let exact = Double(bytesEach) * pow(Double(base), Double(power))
        return exact < Double(Int.max) / 2 ? Int(exact) : Int.max
    }

    static func checkMemory(_ what: String, bytes: Int, limit: Int) throws {
        guard bytes <= limit else { throw LFPError.insufficientMemory(what: what, bytesNeeded: bytes, bytesAvailable: limit) }
    }
}
