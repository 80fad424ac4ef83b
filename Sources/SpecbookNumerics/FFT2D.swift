import Foundation

/// A reusable plan for the DFT of a row-major grid of any number of axes, one 1-D transform per axis.
///
/// X_{k_1..k_d} = sum_j x_{j_1..j_d} e^{-2 pi i (j_1 k_1/n_1 + ... + j_d k_d/n_d)}; the last axis is contiguous.
///
/// ```swift
/// let plan = try FFTGridPlan(shape: [4, 4, 4])
/// var grid = SplitComplexVector(zeros: 64)
/// grid.real[0] = 1
/// let spectrum = try plan.forward(grid)    // all ones
/// ```
///
/// **Edge cases:**
/// - An empty shape or an extent below 1 throws ``NumericsError/invalidArgument(_:)``; a grid of another
///   size than the shape's throws ``NumericsError/countMismatch(what:expected:actual:)``.
/// - The inverse is normalised by 1 / (number of grid points).
/// - Axes of extent 1 are skipped.
public struct FFTGridPlan: Sendable {
    public let shape: [Int]
    public let count: Int
    private let plans: [FFTPlan]

    public init(shape: [Int]) throws {
        guard !shape.isEmpty && shape.allSatisfy({ $0 >= 1 }) else {
            throw NumericsError.invalidArgument("FFTGridPlan: every extent must be at least 1, got \(shape)")
        }
        self.shape = shape
        count = shape.reduce(1, *)
        plans = try shape.map { try FFTPlan(count: $0) }
    }

    /// Forward transform in place of `count` values in row-major order.
    public func forward(real: UnsafeMutablePointer<Double>, imag: UnsafeMutablePointer<Double>) {
        for axis in shape.indices where shape[axis] > 1 { transformAxis(axis, real, imag, inverse: false) }
    }

    /// Inverse transform in place, normalised by 1/count.
    public func inverse(real: UnsafeMutablePointer<Double>, imag: UnsafeMutablePointer<Double>) {
        unnormalizedInverse(real: real, imag: imag)
        scaleInPlace(real, imag, count: count, by: 1 / Double(count))
    }

    /// Inverse transform in place without the 1/count factor.
    public func unnormalizedInverse(real: UnsafeMutablePointer<Double>, imag: UnsafeMutablePointer<Double>) {
        for axis in shape.indices where shape[axis] > 1 { transformAxis(axis, real, imag, inverse: true) }
    }

    /// The unnormalised inverse of a grid that is zero outside `support`: per axis, the indices that may hold
    /// non-zero values (nil: all). Axes are transformed first to last, so while an axis is transformed, a line
    /// with an index outside the support of a later axis is still all zeros and is left as it is: the result is
    /// that of ``unnormalizedInverse(real:imag:)``, with less work when the support is narrow.
    func unnormalizedInverse(real: UnsafeMutablePointer<Double>, imag: UnsafeMutablePointer<Double>, support: [[Int]?]) {
        precondition(support.count == shape.count, "one support per axis")
        for axis in shape.indices where shape[axis] > 1 {
            // The inner index (over the axes after this one) of every line that may be non-zero.
            var lines = [0]
            var complete = true
            for later in (axis + 1)..<shape.count {
                let indices = support[later] ?? Array(0..<shape[later])
                complete = complete && indices.count == shape[later]
                lines = lines.flatMap { line in indices.map { line * shape[later] + $0 } }
            }
            transformAxis(axis, real, imag, inverse: true, lines: complete ? nil : lines)
        }
    }

    /// The forward transform of a row-major grid.
    public func forward(_ x: SplitComplexVector) throws -> SplitComplexVector {
        guard x.count == count else { throw NumericsError.countMismatch(what: "FFTGridPlan\(shape) grid", expected: count, actual: x.count) }
        var y = x
        y.real.withUnsafeMutableBufferPointer { re in
            y.imag.withUnsafeMutableBufferPointer { im in forward(real: re.baseAddress!, imag: im.baseAddress!) }
        }
        return y
    }

    /// The inverse transform of a row-major grid, normalised by 1/count.
    public func inverse(_ x: SplitComplexVector) throws -> SplitComplexVector {
        guard x.count == count else { throw NumericsError.countMismatch(what: "FFTGridPlan\(shape) grid", expected: count, actual: x.count) }
        var y = x
        y.real.withUnsafeMutableBufferPointer { re in
            y.imag.withUnsafeMutableBufferPointer { im in inverse(real: re.baseAddress!, imag: im.baseAddress!) }
        }
        return y
    }

    /// Transforms every line along `axis`; strided lines are gathered a block at a time into contiguous scratch.
    /// `lines`, when given, lists the inner indices (over the later axes) of the only lines to transform, in increasing
    /// order; the others are left as they are.
    private func transformAxis(_ axis: Int, _ re: UnsafeMutablePointer<Double>, _ im: UnsafeMutablePointer<Double>, inverse: Bool,
                               lines: [Int]? = nil) {
        let length = shape[axis]
        let stride = shape[(axis + 1)...].reduce(1, *)
        let outer = count / (length * stride)
        let plan = plans[axis]
        // The swap trick of FFTPlan.unnormalizedInverse: exchange real and imaginary parts.
        let (pr, pi) = inverse ? (im, re) : (re, im)
        if stride == 1 {
            for line in 0..<outer { plan.forward(real: pr + line * length, imag: pi + line * length) }
            return
        }
        let selected = lines ?? Array(0..<stride)
        let block = min(selected.count, 16)
        guard block > 0 else { return }
        // Lines in scratch are `pitch` apart: a power-of-two pitch would put all 16 lines of a gather in the same
        // cache sets.
        let pitch = length + 8
        let scratch = UnsafeMutablePointer<Double>.allocate(capacity: 2 * block * pitch)
        defer { scratch.deallocate() }
        let sr = scratch, si = scratch + block * pitch
        selected.withUnsafeBufferPointer { selected in
            for o in 0..<outer {
                var first = 0
                while first < selected.count {
                    // A run of up to 16 selected lines that are adjacent in memory.
                    var width = 1
                    while width < block && first + width < selected.count
                            && selected[first + width] == selected[first] + width { width += 1 }
                    let base = o * length * stride + selected[first]
                    for l in 0..<length {
                        for b in 0..<width {
                            sr[b * pitch + l] = pr[base + l * stride + b]
                            si[b * pitch + l] = pi[base + l * stride + b]
                        }
                    }
                    for b in 0..<width { plan.forward(real: sr + b * pitch, imag: si + b * pitch) }
                    for l in 0..<length {
                        for b in 0..<width {
                            pr[base + l * stride + b] = sr[b * pitch + l]
                            pi[base + l * stride + b] = si[b * pitch + l]
                        }
                    }
                    first += width
                }
            }
        }
    }
}

/// A reusable plan for the 2-D DFT of a row-major `rows x columns` grid.
///
/// ```swift
/// let plan = try FFT2DPlan(rows: 3, columns: 5)
/// let image = SplitComplexVector(real: (0..<15).map(Double.init))
/// let back = try plan.inverse(plan.forward(image))   // == image
/// ```
///
/// **Edge cases:**
/// - `rows` or `columns` below 1 throws ``NumericsError/invalidArgument(_:)``; any lengths work, not only
///   powers of two.
/// - The inverse is normalised by 1 / (rows * columns).
public struct FFT2DPlan: Sendable {
    public let rows: Int
    public let columns: Int
    private let grid: FFTGridPlan

    public init(rows: Int, columns: Int) throws {
        self.rows = rows
        self.columns = columns
        grid = try FFTGridPlan(shape: [rows, columns])
    }

    public func forward(_ x: SplitComplexVector) throws -> SplitComplexVector { try grid.forward(x) }
    public func inverse(_ x: SplitComplexVector) throws -> SplitComplexVector { try grid.inverse(x) }
    public func forward(real: UnsafeMutablePointer<Double>, imag: UnsafeMutablePointer<Double>) { grid.forward(real: real, imag: imag) }
    public func inverse(real: UnsafeMutablePointer<Double>, imag: UnsafeMutablePointer<Double>) { grid.inverse(real: real, imag: imag) }
}
