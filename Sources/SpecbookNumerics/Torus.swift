import Foundation

/// The affine map that puts data from the real line onto the torus [0, 1): `center` goes to 0.5 and one
/// `period` of the line covers the torus once, so data within half a period of `center` keep their order.
///
/// ```swift
/// let toTorus = TorusMap(center: 0, period: 2.5)   // [-1, 1] lands on [0.1, 0.9]
/// let u = toTorus(0.5)                              // 0.7
/// toTorus.inverse(u)                                // 0.5
/// ```
/// **Edge cases:** a zero or non-finite period gives non-finite coordinates; points farther than half a
/// period from `center` land outside [0, 1) (the LFP solver rejects them, naming the coordinate).
public struct TorusMap: Sendable, Hashable {
    public let center: Double
    public let period: Double

    public init(center: Double = 0, period: Double) {
        self.center = center
        self.period = period
    }

    /// u = 0.5 + (x - center) / period.
    public func callAsFunction(_ x: Double) -> Double { 0.5 + (x - center) / period }

    public func callAsFunction(_ xs: [Double]) -> [Double] { xs.map { callAsFunction($0) } }

    /// x = center + (u - 0.5) · period, the point of the line that maps to `u`.
    public func inverse(_ u: Double) -> Double { center + (u - 0.5) * period }

    public func inverse(_ us: [Double]) -> [Double] { us.map { inverse($0) } }
}

/// The distance between two points of the torus [0, 1)^d: per axis the shorter way round, min(|a - b| mod 1,
/// 1 - |a - b| mod 1), then Euclidean over the axes.
///
/// ```swift
/// torusDistance([0.05], [0.95])            // 0.1
/// torusDistance([0.1, 0.9], [0.9, 0.1])    // 0.2828…
/// ```
/// **Edge cases:** coordinates outside [0, 1) are taken modulo 1; arrays of different lengths compare their
/// common prefix; a non-finite coordinate gives `nan`.
public func torusDistance(_ a: [Double], _ b: [Double]) -> Double {
    var sum = 0.0
    for (x, y) in zip(a, b) {
        let t = abs(x - y).truncatingRemainder(dividingBy: 1)
        let along = min(t, 1 - t)
        sum += along * along
    }
    return sum.squareRoot()
}

/// The Euclidean distance between two points given as coordinate arrays (their common prefix).
public func euclideanDistance(_ a: [Double], _ b: [Double]) -> Double {
    zip(a, b).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }.squareRoot()
}

extension SeededGenerator {
    /// `count` points in `dimension` dimensions, each coordinate uniform in `box`, at least `minimumGap` apart
    /// (Euclidean, or along the torus [0, 1)^d when `onTorus`, where 0.05 and 0.95 are 0.1 apart), drawn by
    /// rejection; row-major count × dimension.
    ///
    /// ```swift
    /// var rng = SeededGenerator(seed: notebookSeed)
    /// let points = try rng.points(count: 20, dimension: 2, minimumGap: 0.1, in: 0.15...0.85)
    /// ```
    /// **Edge cases:** throws ``NumericsError/invalidArgument(_:)`` when the gap cannot be met within
    /// `maximumDraws` candidates (too many points for the box); a gap of 0 accepts every draw.
    public mutating func points(count: Int, dimension: Int, minimumGap: Double, in box: ClosedRange<Double> = 0...1,
                                onTorus: Bool = false, maximumDraws: Int = 1_000_000) throws -> [Double] {
        guard count >= 0, dimension >= 1 else {
            throw NumericsError.invalidArgument("points: count \(count) and dimension \(dimension) must be at least 0 and 1")
        }
        var chosen: [[Double]] = []
        var draws = 0
        while chosen.count < count {
            guard draws < maximumDraws else {
                throw NumericsError.invalidArgument("points: no \(count) points \(minimumGap) apart found in \(maximumDraws) draws")
            }
            draws += 1
            let p = (0..<dimension).map { _ in uniform(box.lowerBound, box.upperBound) }
            let far = chosen.allSatisfy { q in
                (onTorus ? torusDistance(p, q) : euclideanDistance(p, q)) >= minimumGap
            }
            if far { chosen.append(p) }
        }
        return chosen.flatMap { $0 }
    }
}
