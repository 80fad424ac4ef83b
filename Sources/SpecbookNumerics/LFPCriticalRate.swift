import Foundation

/// The size of a function away from its data: on an evaluation grid, outside balls of radius r around the points.
public struct AwayFromDataNorm: Sendable, Equatable, Codable {
    /// sqrt((1/N^d) sum over kept grid points of h^2), the L2 norm over the region outside the balls.
    public let l2: Double
    /// max |h| over kept grid points.
    public let sup: Double
    /// Fraction of grid points kept (the region's measure).
    public let measure: Double

    /// Norms measured elsewhere, for example to build an ``LFPCriticalRate/Sweep`` from stored values.
    ///
    /// ```swift
    /// let norm = AwayFromDataNorm(l2: 0.012, sup: 0.05, measure: 0.8)
    /// ```
    /// **Edge cases:** the values are stored as given, unchecked.
    public init(l2: Double, sup: Double, measure: Double) {
        self.l2 = l2
        self.sup = sup
        self.measure = measure
    }
}

extension LFPInterpolant {
    /// The L2 and sup norms of h outside the balls |x - x_i| < radius (torus distance), on the grid j/N.
    ///
    /// ```swift
    /// let h = try LFPSolver(dimension: 1, cutoff: 512, weight: .sobolev(alpha: 0.5))
    ///     .interpolate(points: [0.25, 0.75], values: [0.9, 0.9])
    /// let away = try h.awayFromDataNorm(radius: 0.05, gridSize: 4096)   // small: needles at the data
    /// ```
    ///
    /// **Edge cases:**
    /// - `radius` must be positive and finite, and must leave at least one grid point (else `LFPError.invalidParameter`).
    /// - Grid points exactly at distance `radius` are kept.
    public func awayFromDataNorm(radius: Double, gridSize: Int) throws -> AwayFromDataNorm {
        let keep = try Self.awayMask(points: dataPoints, dimension: dimension, radius: radius, gridSize: gridSize, memoryLimit: solver.memoryLimit)
        let grid = try values(onGridOfSize: gridSize)
        var sumSquares = 0.0, sup = 0.0, kept = 0
        for g in grid.indices where keep[g] {
            sumSquares += grid[g] * grid[g]
            sup = max(sup, abs(grid[g]))
            kept += 1
        }
        let count = Double(grid.count)
        return AwayFromDataNorm(l2: (sumSquares / count).squareRoot(), sup: sup, measure: Double(kept) / count)
    }

    /// true for grid points j/N at torus distance >= radius from every data point; marks only the box around each point.
    static func awayMask(points: [Double], dimension d: Int, radius: Double, gridSize n: Int, memoryLimit: Int) throws -> [Bool] {
        guard radius.isFinite && radius > 0 else {
            throw LFPError.invalidParameter(name: "radius", value: radius, requirement: "must be positive and finite")
        }
        guard n >= 1 else { throw LFPError.invalidGridSize(n) }
        try LFPSolver.checkMemory("a mask of \(n)^\(d) grid points", bytes: LFPSolver.bytes(1, times: n, power: d), limit: memoryLimit)
        let total = (0..<d).reduce(1) { r, _ in r * n }
        var keep = [Bool](repeating: true, count: total)
        let reach = min(Int((radius * Double(n)).rounded(.up)) + 1, n / 2)
        let side = 2 * reach + 1
        let boxCount = (0..<d).reduce(1) { r, _ in r * side }
        for i in 0..<(points.count / d) {
            let x = Array(points[(i * d)..<(i * d + d)])
            let center = x.map { Int(($0 * Double(n)).rounded()) }
            for offset in 0..<boxCount {
                var rest = offset, index = 0, squared = 0.0
                for a in 0..<d {
                    let j = center[a] + rest % side - reach
                    rest /= side
                    // torus distance along axis a: nearest image of j/N - x_a
                    var delta = Double(j) / Double(n) - x[a]
                    delta -= delta.rounded()
                    squared += delta * delta
                    index = index * n + ((j % n) + n) % n
                }
                if squared < radius * radius { keep[index] = false }
            }
        }
        guard keep.contains(true) else {
            throw LFPError.invalidParameter(name: "radius", value: radius, requirement: "leaves no grid point away from the data")
        }
        return keep
    }
}

/// Measurements of the critical decay rate alpha = d: trivial (h_K -> 0 away from the data) versus regular interpolants.
///
/// For w = (1 + |2 pi k|^2)^(alpha/2), G_K(0) grows like K^(d - alpha) when alpha < d, so c ~ y / G_K(0)
/// and the norm of h_K away from the data decays like K^-(d - alpha); for alpha > d it converges.
/// The fitted log-log slope of that norm against K therefore estimates min(0, alpha - d).
///
/// **Classification criterion:** alpha is *trivial* when the least-squares slope of log ||h_K||_{L2, away}
/// against log K is below `-slopeThreshold` (default 0.15), *regular* otherwise. At alpha = d the decay
/// is only logarithmic (G_K(0) grows like log K), so over a finite range of K its slope is small
/// (about -0.09 in 1-D with two points, K = 32...512; about -0.19 in 2-D with ten points, K = 8...64)
/// and alpha = d may fall on either side: it then ends up as an endpoint of the bracket.
/// The estimate is the bracket [largest trivial alpha, smallest regular alpha], its midpoint and half-width.
///
/// ```swift
/// let points = [0.25, 0.75], values = [0.9, 0.9]
/// let scan = try LFPCriticalRate.scan(dimension: 1, alphas: [0.25, 0.5, 0.75, 1, 1.25, 1.5, 2],
///                                     cutoffs: [32, 64, 128, 256, 512], points: points, values: values,
///                                     radius: 0.05, gridSize: 2048)
/// print(scan.lowerBound!, scan.upperBound!)      // brackets d = 1
/// ```
///
/// **Edge cases:**
/// - At least two cut-offs are needed for a slope; norms of 0 make the slope -infinity (trivial).
/// - When every alpha is trivial (or every one regular) the missing side of the bracket is nil.
/// - When classifications are not monotone in alpha, `isMonotone` is false and the bracket is reported as found.
public enum LFPCriticalRate {
    public enum Regime: String, Sendable, Codable { case trivial, regular }

    /// Away-from-data norms of h_K for one alpha over several cut-offs; `Codable` (exponents and regime stored as
    /// measured), so a notebook can keep it with `cached`.
    public struct Measurement: Sendable, Equatable, Codable {
        public let alpha: Double
        public let cutoffs: [Int]
        public let norms: [AwayFromDataNorm]
        /// Fitted exponent p in ||h_K||_{L2, away} ~ K^p.
        public let l2Exponent: Double
        /// Fitted exponent p in sup_{away} |h_K| ~ K^p.
        public let supExponent: Double
        public let regime: Regime
    }

    /// A bracket of the critical rate from measurements at several alphas; `Codable`, stored as measured.
    public struct Scan: Sendable, Equatable, Codable {
        public let dimension: Int
        public let slopeThreshold: Double
        public let measurements: [Measurement]
        /// Largest alpha classified trivial.
        public let lowerBound: Double?
        /// Smallest alpha classified regular.
        public let upperBound: Double?
        public let isMonotone: Bool
        /// Midpoint of the bracket, nil when a side is missing.
        public var estimate: Double? { lowerBound.flatMap { l in upperBound.map { (l + $0) / 2 } } }
        /// Half-width of the bracket.
        public var halfWidth: Double? { lowerBound.flatMap { l in upperBound.map { abs($0 - l) / 2 } } }
    }

    /// Least-squares slope of log(norm) against log(K), by ``LineFit/powerLaw(x:y:)``; NaN with fewer than two pairs.
    public static func fittedExponent(cutoffs: [Int], norms: [Double]) -> Double {
        (try? LineFit.powerLaw(x: cutoffs.map(Double.init), y: norms))?.slope ?? .nan
    }

    /// Solves for every cut-off and measures h_K away from the data.
    public static func measure(dimension: Int, alpha: Double, cutoffs: [Int], points: [Double], values: [Double],
                               radius: Double, gridSize: Int, slopeThreshold: Double = 0.15,
                               weight: (Double) -> LFPWeight = { .sobolev(alpha: $0) }) throws -> Measurement {
        guard cutoffs.count >= 2 else {
            throw LFPError.invalidParameter(name: "cutoffs.count", value: Double(cutoffs.count), requirement: "a slope needs at least two cut-offs")
        }
        let norms = try cutoffs.map { K in
            try LFPSolver(dimension: dimension, cutoff: K, weight: weight(alpha))
                .interpolate(points: points, values: values)
                .awayFromDataNorm(radius: radius, gridSize: gridSize)
        }
        return measurement(alpha: alpha, cutoffs: cutoffs, norms: norms, slopeThreshold: slopeThreshold)
    }

    /// Measures every alpha and brackets the critical one.
    public static func scan(dimension: Int, alphas: [Double], cutoffs: [Int], points: [Double], values: [Double],
                            radius: Double, gridSize: Int, slopeThreshold: Double = 0.15,
                            weight: (Double) -> LFPWeight = { .sobolev(alpha: $0) }) throws -> Scan {
        let measurements = try alphas.sorted().map {
            try measure(dimension: dimension, alpha: $0, cutoffs: cutoffs, points: points, values: values,
                        radius: radius, gridSize: gridSize, slopeThreshold: slopeThreshold, weight: weight)
        }
        return Scan(dimension: dimension, measurements: measurements, slopeThreshold: slopeThreshold)
    }
}
