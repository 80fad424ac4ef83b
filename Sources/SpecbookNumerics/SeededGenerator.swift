/// A xoshiro256** pseudo-random generator seeded through SplitMix64.
///
/// The same seed gives the same stream on every machine, so training runs are reproducible.
///
/// ```swift
/// var rng = SeededGenerator(seed: 42)
/// let u = rng.uniform(-1, 1)
/// let z = rng.normal()
/// let w: [Float] = rng.uniformValues(count: 200, from: -3, to: 3)
/// ```
///
/// **Edge cases:**
/// - Every draw here (uniform, normal, index, shuffle, fills) uses only this generator's own
///   arithmetic, never the standard library's `random(in:)`, whose algorithm may change between
///   toolchains: the same seed gives bit-identical values for a given libm.
/// - Float values are Double draws rounded to Float, so a Float fill and a Double fill from the
///   same seed agree to Float precision.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var s: (UInt64, UInt64, UInt64, UInt64)
    /// The second normal of the last Box-Muller pair, returned by the next `normal()` call.
    private var spareNormal: Double?

    public init(seed: UInt64) {
        var x = seed
        func splitMix() -> UInt64 {
            x &+= 0x9E37_79B9_7F4A_7C15
            var z = x
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        s = (splitMix(), splitMix(), splitMix(), splitMix())
        spareNormal = nil
    }

    @inline(__always)
    private static func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }

    public mutating func next() -> UInt64 {
        let result = Self.rotl(s.1 &* 5, 7) &* 9
        let t = s.1 << 17
        s.2 ^= s.0
        s.3 ^= s.1
        s.1 ^= s.2
        s.0 ^= s.3
        s.2 ^= t
        s.3 = Self.rotl(s.3, 45)
        return result
    }

    /// A uniform Double in [0, 1) with 53 random bits.
    public mutating func unit() -> Double { Double(next() >> 11) * 0x1.0p-53 }

    /// A uniform Double in [a, b).
    public mutating func uniform(_ a: Double, _ b: Double) -> Double { a + (b - a) * unit() }
}

extension SeededGenerator {
    /// A standard normal draw N(0, 1) by the Box-Muller transform.
    ///
    /// ```swift
    /// var rng = SeededGenerator(seed: 1)
    /// let z = rng.normal()
    /// ```
    ///
    /// **Edge cases:**
    /// - Draws come in pairs: every second call returns the cached partner of the previous one.
    /// - Never infinite: the uniform inside the logarithm is in (0, 1], so |z| < 8.6.
    public mutating func normal() -> Double {
        if let spare = spareNormal {
            spareNormal = nil
            return spare
        }
        // r = sqrt(-2 ln u1), theta = 2 pi u2, (r cos theta, r sin theta) are independent N(0, 1).
        let u1 = 1 - unit()
        let u2 = unit()
        let r = (-2 * Double.log(u1)).squareRoot()
        let theta = 2 * Double.pi * u2
        spareNormal = r * Double.sin(theta)
        return r * Double.cos(theta)
    }

    /// A normal draw with the given mean and standard deviation.
    ///
    /// ```swift
    /// let w = rng.normal(mean: 0, standardDeviation: 0.01)
    /// ```
    ///
    /// **Edge cases:**
    /// - `standardDeviation == 0` returns `mean`; a negative one mirrors the draw.
    public mutating func normal(mean: Double, standardDeviation: Double) -> Double {
        mean + standardDeviation * normal()
    }

    /// A uniform value in the half-open range, in `Float` or `Double`.
    ///
    /// ```swift
    /// let a: Float = rng.uniform(in: -0.1..<0.1)
    /// ```
    ///
    /// **Edge cases:**
    /// - An empty range (`a..<a`) returns `a`.
    /// - A Float draw that rounds up to the upper bound is moved one ulp below it.
    public mutating func uniform<T: BinaryFloatingPoint>(in range: Range<T>) -> T {
        let value = T(uniform(Double(range.lowerBound), Double(range.upperBound)))
        return value < range.upperBound || range.isEmpty ? value : range.upperBound.nextDown
    }

    /// A uniform integer in 0..<n, without modulo bias (Lemire's multiply-and-reject).
    ///
    /// ```swift
    /// let i = rng.index(below: 10)
    /// ```
    ///
    /// **Edge cases:**
    /// - `n` must be positive; `n <= 0` traps (a programmer error, like an empty range).
    public mutating func index(below n: Int) -> Int {
        precondition(n > 0, "SeededGenerator.index(below:): n must be positive, got \(n)")
        let bound = UInt64(n)
        var product = next().multipliedFullWidth(by: bound)
        if product.low < bound {
            // Reject the low values that would make some results more likely.
            let threshold = (0 &- bound) % bound
            while product.low < threshold { product = next().multipliedFullWidth(by: bound) }
        }
        return Int(product.high)
    }

    /// Shuffles `array` in place (Fisher-Yates).
    ///
    /// ```swift
    /// var order = Array(0..<10)
    /// rng.shuffle(&order)
    /// ```
    ///
    /// **Edge cases:**
    /// - Arrays of 0 or 1 elements are left as they are and draw nothing.
    public mutating func shuffle<T>(_ array: inout [T]) {
        guard array.count > 1 else { return }
        for i in stride(from: array.count - 1, to: 0, by: -1) {
            array.swapAt(i, index(below: i + 1))
        }
    }

    /// A random permutation of 0..<count.
    ///
    /// **Edge cases:**
    /// - `count == 0` gives `[]`.
    public mutating func permutation(count: Int) -> [Int] {
        var order = Array(0..<count)
        shuffle(&order)
        return order
    }

    /// Fills `buffer` with uniform values in [a, b).
    ///
    /// ```swift
    /// var w = [Float](repeating: 0, count: 200)
    /// w.withUnsafeMutableBufferPointer { rng.fillUniform($0, from: -3, to: 3) }
    /// ```
    ///
    /// **Edge cases:**
    /// - `a == b` fills with `a`; `a > b` gives values in (b, a].
    public mutating func fillUniform<T: BinaryFloatingPoint>(_ buffer: UnsafeMutableBufferPointer<T>, from a: Double, to b: Double) {
        for i in buffer.indices { buffer[i] = T(uniform(a, b)) }
    }

    /// Fills `buffer` with normal values of the given mean and standard deviation.
    ///
    /// ```swift
    /// var w = [Double](repeating: 0, count: 100)
    /// w.withUnsafeMutableBufferPointer { rng.fillNormal($0, standardDeviation: 1e-3) }
    /// ```
    ///
    /// **Edge cases:**
    /// - `standardDeviation == 0` fills with `mean` (still drawing, so the stream advances the same).
    public mutating func fillNormal<T: BinaryFloatingPoint>(
        _ buffer: UnsafeMutableBufferPointer<T>, mean: Double = 0, standardDeviation: Double = 1
    ) {
        for i in buffer.indices { buffer[i] = T(normal(mean: mean, standardDeviation: standardDeviation)) }
    }

    /// `count` uniform values in [a, b) as an array of `Float` or `Double`.
    ///
    /// ```swift
    /// let b: [Float] = rng.uniformValues(count: 10, from: -3, to: 3)
    /// ```
    ///
    /// **Edge cases:**
    /// - `count == 0` gives `[]` and draws nothing.
    public mutating func uniformValues<T: BinaryFloatingPoint>(count: Int, from a: Double, to b: Double) -> [T] {
        var values = [T](repeating: 0, count: count)
        values.withUnsafeMutableBufferPointer { fillUniform($0, from: a, to: b) }
        return values
    }

    /// `count` normal values as an array of `Float` or `Double`.
    ///
    /// ```swift
    /// let noise: [Double] = rng.normalValues(count: 1000, standardDeviation: 0.1)
    /// ```
    ///
    /// **Edge cases:**
    /// - `count == 0` gives `[]` and draws nothing.
    public mutating func normalValues<T: BinaryFloatingPoint>(count: Int, mean: Double = 0, standardDeviation: Double = 1) -> [T] {
        var values = [T](repeating: 0, count: count)
        values.withUnsafeMutableBufferPointer { fillNormal($0, mean: mean, standardDeviation: standardDeviation) }
        return values
    }
}
