import Foundation

/// When each frequency of a target was learned in a training run, and whether low frequencies came first:
/// the frequency principle's claim, read off relative errors recorded at checkpoints.
///
/// A frequency counts as *learned* at the first checkpoint where its relative error Δ_F falls below a threshold.
///
/// ```swift
/// var run = TrainingCheckpoints()   // usually from trainer.train(epochs:checkpoints:observe:)
/// run.epochs = [10, 100, 1000, 4000]
/// run.observations = [[0.5, 1, 1], [0.01, 0.3, 1], [0, 0.02, 0.4], [0, 0.01, 0.03]]   // Δ_F at k = 1, 3, 5
/// let order = LearningOrder(run, below: 0.05)
/// order.epochs                    // [100, 1000, 4000], nil where a peak was never learned
/// order.isLowToHigh               // true: every peak learned, each strictly after the one below it
/// order.span                      // 40: the highest took 40 times as many epochs as the lowest
/// order.described(within: 4000)   // ["100", "1000", "4000"]
/// ```
///
/// **Edge cases:** a run without checkpoints has no series (`epochs` empty, `isLowToHigh` true, `span` nil);
/// a NaN error never counts as learned; two peaks learned at the same checkpoint are not low to high.
public struct LearningOrder: Sendable, Hashable {
    /// The first checkpoint epoch at which each series fell below the threshold; nil when it never did.
    public let epochs: [Int?]

    public init(epochs: [Int?]) {
        self.epochs = epochs
    }

    /// The learning epochs of every series of `run` (as many as its first observation has values).
    public init(_ run: TrainingCheckpoints, below threshold: Double) {
        let count = run.observations.first?.count ?? 0
        epochs = (0..<count).map { run.firstEpoch(series: $0, below: threshold) }
    }

    /// Every series learned, each strictly after the one before it.
    public var isLowToHigh: Bool {
        let learned = epochs.compactMap { $0 }
        return learned.count == epochs.count && zip(learned, learned.dropFirst()).allSatisfy { $0 < $1 }
    }

    /// The last series' learning epoch over the first's, when both were learned.
    public var span: Double? {
        guard let first = epochs.first ?? nil, let last = epochs.last ?? nil, first > 0 else { return nil }
        return Double(last) / Double(first)
    }

    /// Each epoch as text, or "not within `epochs`" where the series was never learned.
    public func described(within totalEpochs: Int) -> [String] {
        epochs.map { $0.map(String.init) ?? "not within \(totalEpochs)" }
    }
}

extension FrequencySpectrum {
    /// The radial relative error of `output` against `target` on a row-major `rows × columns` grid:
    /// Δ_F(r) = mean |F[h − f]| over mean |F[f]| on the ring round(|k|) = r, at each radius of `radii`.
    ///
    /// It is 1 before anything at radius r is learned (h = 0 there) and 0 when the output matches the target.
    ///
    /// ```swift
    /// let n = 16
    /// let f = (0..<n * n).map { i in sin(2 * Double.pi * 3 * Double(i % n) / Double(n)) }
    /// try FrequencySpectrum.radialRelativeError(of: f.map { 0.5 * $0 }, to: f, rows: n, columns: n, at: [3])  // [0.5]
    /// ```
    ///
    /// **Edge cases:** grids of a count other than `rows * columns` throw
    /// ``NumericsError/countMismatch(what:expected:actual:)``; a radius outside 0...min(rows, columns)/2 throws
    /// ``NumericsError/invalidArgument(_:)``; a radius where the target's spectrum is zero gives +infinity (NaN if
    /// the residual's is zero too).
    public static func radialRelativeError(of output: [Double], to target: [Double], rows: Int, columns: Int,
                                           at radii: [Int]) throws -> [Double] {
        guard output.count == target.count else {
            throw NumericsError.countMismatch(what: "radialRelativeError output", expected: target.count, actual: output.count)
        }
        let residual = zip(output, target).map { $0 - $1 }
        let error = try radialAverage(grid: residual, rows: rows, columns: columns).magnitudes
        let reference = try radialAverage(grid: target, rows: rows, columns: columns).magnitudes
        if let bad = radii.first(where: { !reference.indices.contains($0) }) {
            throw NumericsError.invalidArgument("radialRelativeError: radius \(bad) outside 0...\(reference.count - 1)")
        }
        return radii.map { error[$0] / reference[$0] }
    }
}

/// `count` equally spaced points of a period: a + (b − a)(j + offset)/count for j = 0..<count, so the DFT of
/// samples at them puts sin(2π k x/(b − a)) exactly at index k.
///
/// ```swift
/// periodicGrid(count: 4, over: -Double.pi...Double.pi)               // [-π, -π/2, 0, π/2]
/// periodicGrid(count: 2, over: 0...1, offset: 0.5)                  // [0.25, 0.75] (cell centres)
/// ```
/// **Edge cases:** `count` of 0 or less gives no points; the end b is never included (it is a again).
public func periodicGrid(count: Int, over period: ClosedRange<Double>, offset: Double = 0) -> [Double] {
    guard count > 0 else { return [] }
    let length = period.upperBound - period.lowerBound
    return (0..<count).map { period.lowerBound + length * (Double($0) + offset) / Double(count) }
}
