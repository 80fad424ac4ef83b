import Foundation

/// What a training run recorded at its checkpoints: the epoch, the loss, and the values an observer
/// computed from the network there (for example the relative errors at a target's spectral peaks).
///
/// ```swift
/// var trainer = try Trainer(network: net, inputs: x, targets: y, optimizer: Adam(learningRate: 1e-3))
/// let run = try trainer.train(epochs: 10_000, checkpoints: logSpacedEpochs(upTo: 10_000, dense: 100, perDecade: 60)) {
///     epoch, network in try FrequencySpectrum(uniformSamples: network.predict(x).elements.map(Double.init))
///         .relativeError(to: target, at: peaks)
/// }
/// run.firstEpoch(series: 2, below: 0.05)   // when the third peak was learned, or nil
/// ```
///
/// **Edge cases:** a run with no checkpoint has empty `epochs`, `losses` and `observations`; `series(_:)`
/// of an index an observation lacks is `nan` there.
public struct TrainingCheckpoints: Sendable, Hashable, Codable {
    /// The epochs recorded, increasing.
    public var epochs: [Int] = []
    /// The mean loss of the epoch that ended at each checkpoint.
    public var losses: [Double] = []
    /// What the observer returned at each checkpoint.
    public var observations: [[Double]] = []
    /// Wall time of the whole run, in seconds.
    public var seconds = 0.0
    /// True when `stop` ended the run before its last epoch.
    public var stoppedEarly = false

    public init() {}

    /// Observed value `index` across the checkpoints (one entry per checkpoint).
    public func series(_ index: Int) -> [Double] {
        observations.map { index < $0.count ? $0[index] : .nan }
    }

    /// The first checkpoint epoch at which observed value `index` is below `threshold`; nil when it never is.
    public func firstEpoch(series index: Int, below threshold: Double) -> Int? {
        series(index).firstIndex { $0 < threshold }.map { epochs[$0] }
    }

    /// Observed value `index` resampled at `columns` epochs spaced evenly in log scale from 1 to the last
    /// checkpoint, each taking the last checkpoint at or before it: the columns of a heat map over log-epoch.
    ///
    /// **Edge cases:** no checkpoints gives an empty array; a column before the first checkpoint takes it.
    public func logEvenColumns(series index: Int, columns: Int) -> [Double] {
        guard let last = epochs.last, columns > 0 else { return [] }
        let values = series(index)
        return (0..<columns).map { c in
            let epoch = pow(Double(last), (Double(c) + 0.5) / Double(columns))
            return values[epochs.lastIndex { Double($0) <= epoch } ?? 0]
        }
    }
}

extension Trainer {
    /// Trains up to `epochs` more epochs, calling `observe` at every epoch listed in `checkpoints` and
    /// recording what it returns; `stop`, given the observations so far, ends the run early.
    ///
    /// ```swift
    /// let run = try trainer.train(epochs: 5000, checkpoints: [10, 100, 1000, 5000],
    ///                             stop: { $0.last!.allSatisfy { $0 < 0.05 } }) { _, net in try errors(net) }
    /// ```
    /// Every epoch is trained, also those after the last checkpoint.
    /// **Edge cases:** checkpoints outside `1...epochs` (counted from the start of this call) and
    /// repeats are ignored; `epochs <= 0` trains nothing; a non-finite loss throws as ``trainEpoch()`` does.
    public mutating func train(
        epochs: Int, checkpoints: [Int], stop: (([[Double]]) -> Bool)? = nil,
        observe: (_ epoch: Int, _ network: MLP<Scalar>) throws -> [Double]
    ) throws -> TrainingCheckpoints {
        var run = TrainingCheckpoints()
        let start = Date()
        guard epochs > 0 else { return run }
        let marks = Set(checkpoints.filter { (1...epochs).contains($0) }).sorted()
        var next = marks.startIndex
        for epoch in 1...epochs {
            let loss = try trainEpoch()
            guard next < marks.endIndex, marks[next] == epoch else { continue }
            next += 1
            run.epochs.append(epoch)
            run.losses.append(Double(loss))
            run.observations.append(try observe(epoch, network))
            if let stop, epoch < epochs, stop(run.observations) {
                run.stoppedEarly = true
                break
            }
        }
        run.seconds = Date().timeIntervalSince(start)
        return run
    }
}
