import Foundation

/// Gaussian-windowed cosine wave packets on a periodic grid over [-1, 1)^d, one target per frequency,
/// and the windowed Fourier coefficient that follows each packet's mode in a residual.
///
/// Packet ξ is f_ξ(x) = W(x) cos(2π ξ u·x) with the window W(x) = exp(−|x|² / (2 s²)) and a unit
/// direction u; its mode in a residual r is c_ξ = Σ_i W(x_i) e^{−2πi ξ u·x_i} r_i. A plain cosine on a
/// box does not end smoothly at the box's edges; the window keeps each target's spectrum near ±ξ u.
///
/// ```swift
/// let packets = try WavePackets(dimension: 1, side: 256, frequencies: [3, 6, 12], window: 0.25)
/// packets.points                               // 256 × 1 grid: x_i = −1 + 2 i / 256
/// let f = packets.targets[1]                   // f_6 at the grid points
/// packets.coefficient(f, packet: 1)            // |c_6(f)|: large
/// packets.coefficient(f, packet: 2)            // |c_12(f)|: nearly 0
/// ```
///
/// **Edge cases:**
/// - `dimension` or `side` below 1, a non-positive or non-finite `window`, or a `direction` of the wrong
///   length or zero length throw ``NumericsError``.
/// - The default direction is the diagonal (1, …, 1)/√d, where the grid's aliases are farthest.
/// - The grid has side^d points, axis 0 fastest; frequencies at or above the grid's Nyquist frequency
///   (side / 4 cycles per unit length) alias to lower ones.
public struct WavePackets: Sendable {
    /// The input dimension d.
    public let dimension: Int
    /// The packet frequencies ξ, in cycles per unit length.
    public let frequencies: [Double]
    /// The window's width s.
    public let window: Double
    /// The unit direction u of every packet.
    public let direction: [Double]
    /// The grid points, one row each (side^d × d).
    public let points: Matrix<Double>
    /// `targets[p][i]` = f_ξp(x_i).
    public let targets: [[Double]]
    /// W(x_i) sin(2π ξp u·x_i): with `targets`, the analysis basis of `coefficient`.
    let sines: [[Double]]

    /// The packets at `frequencies` on a grid of `side` points per axis.
    public init(dimension d: Int, side: Int, frequencies: [Double], window s: Double, direction: [Double]? = nil) throws {
        guard d >= 1, side >= 1 else {
            throw NumericsError.invalidArgument("WavePackets needs dimension and side of at least 1, got \(d) and \(side)")
        }
        guard s > 0, s.isFinite else { throw NumericsError.invalidArgument("WavePackets window must be positive, got \(s)") }
        let u = direction ?? Array(repeating: 1 / Double(d).squareRoot(), count: d)
        guard u.count == d else { throw NumericsError.countMismatch(what: "direction", expected: d, actual: u.count) }
        let length = u.reduce(0) { $0 + $1 * $1 }.squareRoot()
        guard length > 0, length.isFinite else { throw NumericsError.invalidArgument("WavePackets direction has no length") }
        let n = Int(pow(Double(side), Double(d)))
        var flat = [Double](repeating: 0, count: n * d)
        for i in 0..<n {
            var rest = i
            for axis in 0..<d {
                flat[i * d + axis] = -1 + 2 * Double(rest % side) / Double(side)
                rest /= side
            }
        }
        dimension = d
        self.frequencies = frequencies
        window = s
        self.direction = u.map { $0 / length }
        points = try Matrix(rows: n, columns: d, elements: flat)
        var targets: [[Double]] = [], sines: [[Double]] = []
        for xi in frequencies {
            var f = [Double](repeating: 0, count: n), sn = f
            for i in 0..<n {
                var r2 = 0.0, projection = 0.0
                for axis in 0..<d {
                    let x = flat[i * d + axis]
                    r2 += x * x
                    projection += self.direction[axis] * x
                }
                let w = exp(-r2 / (2 * s * s)), phase = 2 * Double.pi * xi * projection
                f[i] = w * cos(phase)
                sn[i] = w * sin(phase)
            }
            targets.append(f)
            sines.append(sn)
        }
        self.targets = targets
        self.sines = sines
    }

    /// The number of grid points n.
    public var count: Int { points.rows }

    /// The window W(x) = exp(−|x|² / (2 s²)) at a point.
    public func windowValue(at x: [Double]) -> Double {
        exp(-x.reduce(0) { $0 + $1 * $1 } / (2 * window * window))
    }

    /// |c_ξ(r)| = |Σ_i W(x_i) e^{−2πi ξ u·x_i} r_i|, the windowed Fourier coefficient of `residual` at
    /// packet `p`'s frequency.
    ///
    /// **Edge cases:** a residual of the wrong length, or a packet index out of range, traps (a
    /// programmer error); a zero residual gives 0.
    public func coefficient(_ residual: [Double], packet p: Int) -> Double {
        precondition(residual.count == count, "residual has \(residual.count) values for \(count) points")
        var re = 0.0, im = 0.0
        let c = targets[p], s = sines[p]
        for i in 0..<count {
            re += c[i] * residual[i]
            im -= s[i] * residual[i]
        }
        return (re * re + im * im).squareRoot()
    }
}
