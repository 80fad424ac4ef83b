/// A training run in progress: a network, its data, an optimizer and reusable buffers.
///
/// Call ``trainEpoch()`` in your own loop for full control, or use ``MLP/train(inputs:targets:optimizer:options:onProgress:)``.
/// One epoch is one pass over the data: a single step in full batch, ⌈n / batchSize⌉ steps in mini-batch.
///
/// ```swift
/// var trainer = try Trainer(network: net, inputs: x, targets: y, optimizer: Adam(learningRate: 1e-3))
/// for epoch in 1...5000 {
///     let loss = try trainer.trainEpoch()          // forward, backward, update
///     if epoch % 500 == 0 { print(epoch, loss) }
/// }
/// let trained = trainer.network
/// ```
///
/// **Edge cases:**
/// - No samples throws ``NumericsError/emptyData(operation:)``; different sample counts in inputs and
///   targets throw ``NumericsError/sampleCountMismatch(inputs:targets:)``; a column count that is not
///   the network's input or output dimension throws ``NumericsError/shapeMismatch(operation:lhs:rhs:requirement:)``.
/// - A NaN or infinite loss throws ``NumericsError/nonFiniteLoss(epoch:loss:)`` before the update that
///   would use it: ``network`` then holds the parameters at which the loss became non-finite.
/// - Copies of a trainer share scratch buffers: do not step two copies at once on different threads.
/// - Mini-batches are drawn by shuffling with a generator seeded by `seed`: the same seed gives the
///   same run, bit for bit, on the same machine.
public struct Trainer<Scalar: MatrixScalar> {
    /// The network being trained (a copy: take it when done).
    public private(set) var network: MLP<Scalar>
    /// The optimizer and its state.
    public var optimizer: any Optimizer<Scalar>
    /// Samples per step; the sample count for full batch.
    public let batchSize: Int
    /// Epochs completed so far.
    public private(set) var epoch = 0

    private let inputs: Matrix<Scalar>
    private let targets: Matrix<Scalar>
    private var generator: SeededGenerator
    private let workspace: BatchWorkspace<Scalar>

    /// Prepares training of `network` on (inputs, targets); `batchSize` nil means full batch.
    public init(
        network: MLP<Scalar>, inputs: Matrix<Scalar>, targets: Matrix<Scalar>,
        optimizer: any Optimizer<Scalar>, batchSize: Int? = nil, seed: UInt64 = 0
    ) throws {
        try Self.validate(network: network, inputs: inputs, targets: targets)
        if let batchSize, batchSize < 1 {
            throw NumericsError.invalidArgument("batch size must be at least 1, got \(batchSize)")
        }
        self.network = network
        self.optimizer = optimizer
        self.inputs = inputs
        self.targets = targets
        self.batchSize = Swift.min(batchSize ?? inputs.rows, inputs.rows)
        self.generator = SeededGenerator(seed: seed)
        self.workspace = BatchWorkspace(network: network, rows: self.batchSize)
    }

    static func validate(network: MLP<Scalar>, inputs: Matrix<Scalar>, targets: Matrix<Scalar>) throws {
        guard inputs.rows == targets.rows else {
            throw NumericsError.sampleCountMismatch(inputs: inputs.rows, targets: targets.rows)
        }
        guard inputs.rows > 0 else { throw NumericsError.emptyData(operation: "training") }
        guard inputs.columns == network.inputDimension else {
            throw NumericsError.shapeMismatch(
                operation: "training inputs", lhs: inputs.shape,
                rhs: MatrixShape(rows: network.inputDimension, columns: network.widths[1]),
                requirement: "input columns == rows of the first layer's weights")
        }
        guard targets.columns == network.outputDimension else {
            throw NumericsError.shapeMismatch(
                operation: "training targets", lhs: targets.shape,
                rhs: MatrixShape(rows: targets.rows, columns: network.outputDimension),
                requirement: "targets shaped as the network's output")
        }
    }

    /// One pass over the data; returns the mean loss of its forward passes (before each update).
    public mutating func trainEpoch() throws -> Scalar {
        epoch += 1
        let n = inputs.rows
        if batchSize == n {
            return try inputs.withUnsafeBufferPointer { x in
                try targets.withUnsafeBufferPointer { y in try step(x.baseAddress!, y.baseAddress!, rows: n) }
            }
        }
        let order = generator.permutation(count: n)
        var weightedLoss: Scalar = 0
        for start in stride(from: 0, to: n, by: batchSize) {
            let rows = Swift.min(batchSize, n - start)
            let (x, y) = workspace.gather(inputs, targets, rows: order[start..<(start + rows)])
            weightedLoss += try step(x, y, rows: rows) * Scalar(rows)
        }
        return weightedLoss / Scalar(n)
    }

    /// forward + backward (the workspace), then the optimizer's update.
    private mutating func step(_ x: UnsafePointer<Scalar>, _ y: UnsafePointer<Scalar>, rows: Int) throws -> Scalar {
        let workspace = self.workspace
        let loss = network.parameters.withUnsafeBufferPointer { p in
            workspace.lossAndGradient(parameters: p.baseAddress!, inputs: x, targets: y, rows: rows)
        }
        guard loss.isFinite else { throw NumericsError.nonFiniteLoss(epoch: epoch, loss: Double(loss)) }
        network.withMutableParameters { p in optimizer.update(p, gradient: workspace.gradient) }
        return loss
    }
}

/// How ``MLP/train(inputs:targets:optimizer:options:onProgress:)`` runs.
///
/// ```swift
/// let options = TrainingOptions(epochs: 20_000, reportEvery: 100, stopWhenLossBelow: 8e-5)
/// ```
///
/// **Edge cases:**
/// - `epochs <= 0` trains nothing and returns an empty history.
/// - A `batchSize` above the sample count is full batch; below 1 throws ``NumericsError/invalidArgument(_:)``.
public struct TrainingOptions: Sendable, Hashable {
    /// The most epochs to run.
    public var epochs: Int
    /// Samples per step; nil is full batch.
    public var batchSize: Int?
    /// Call the progress callback every this many epochs (and after the last); 0 never calls it.
    public var reportEvery: Int
    /// Stop as soon as an epoch's loss is below this.
    public var stopWhenLossBelow: Double?
    /// Seeds the mini-batch shuffles.
    public var seed: UInt64

    public init(epochs: Int = 1000, batchSize: Int? = nil, reportEvery: Int = 100, stopWhenLossBelow: Double? = nil, seed: UInt64 = 0) {
        self.epochs = epochs
        self.batchSize = batchSize
        self.reportEvery = reportEvery
        self.stopWhenLossBelow = stopWhenLossBelow
        self.seed = seed
    }
}

/// What the progress callback sees: the epoch just finished, its loss and the network after it.
///
/// ```swift
/// try net.train(inputs: x, targets: y, optimizer: Adam(learningRate: 1e-3)) { progress in
///     let h = try progress.network.evaluate(at: xs)   // e.g. for the residual's spectrum
/// }
/// ```
///
/// **Edge cases:**
/// - `loss` is the mean loss of the epoch's forward passes, before that epoch's last update.
public struct TrainingProgress<Scalar: MatrixScalar>: Sendable {
    public let epoch: Int
    public let loss: Double
    public let network: MLP<Scalar>
}

/// The loss of every epoch of a training run.
///
/// ```swift
/// let history = try net.train(inputs: x, targets: y, optimizer: Adam(learningRate: 1e-3))
/// print(history.epochs, history.finalLoss)
/// ```
///
/// **Edge cases:**
/// - With no epochs run, `losses` is empty and `finalLoss` is NaN.
public struct TrainingHistory: Sendable, Hashable {
    /// losses[e - 1] is the mean loss of epoch e.
    public var losses: [Double]
    /// True when the run stopped at `stopWhenLossBelow` before its last epoch.
    public var reachedTargetLoss: Bool
    /// The number of epochs run.
    public var epochs: Int { losses.count }
    /// The loss of the last epoch (NaN if none ran).
    public var finalLoss: Double { losses.last ?? .nan }
}

extension MLP {
    /// Trains the network in place and returns the loss of every epoch.
    ///
    /// ```swift
    /// var net = try MLP<Float>(widths: [1, 100, 1], seed: 0)
    /// let history = try net.train(inputs: x, targets: y, optimizer: Adam(learningRate: 1e-3),
    ///                             options: TrainingOptions(epochs: 1000, reportEvery: 100)) { p in
    ///     print("epoch \(p.epoch): loss \(p.loss)")
    /// }
    /// ```
    ///
    /// **Edge cases:**
    /// - The errors of ``Trainer``; on ``NumericsError/nonFiniteLoss(epoch:loss:)`` the network holds
    ///   the parameters at which the loss became non-finite.
    /// - An error thrown by `onProgress` stops training and is rethrown; the network keeps its progress.
    @discardableResult
    public mutating func train(
        inputs: Matrix<Scalar>, targets: Matrix<Scalar>, optimizer: any Optimizer<Scalar>,
        options: TrainingOptions = TrainingOptions(), onProgress: ((TrainingProgress<Scalar>) throws -> Void)? = nil
    ) throws -> TrainingHistory {
        var trainer = try Trainer(
            network: self, inputs: inputs, targets: targets, optimizer: optimizer,
            batchSize: options.batchSize, seed: options.seed)
        var history = TrainingHistory(losses: [], reachedTargetLoss: false)
        defer { self = trainer.network }
        for epoch in Swift.stride(from: 1, through: options.epochs, by: 1) {
            let loss = Double(try trainer.trainEpoch())
            history.losses.append(loss)
            if let target = options.stopWhenLossBelow, loss < target { history.reachedTargetLoss = true }
            let last = epoch == options.epochs || history.reachedTargetLoss
            if let onProgress, options.reportEvery > 0, epoch % options.reportEvery == 0 || last {
                try onProgress(TrainingProgress(epoch: epoch, loss: loss, network: trainer.network))
            }
            if history.reachedTargetLoss { break }
        }
        return history
    }

    /// Trains a network with one input and one output on 1-D samples (x_i, y_i).
    ///
    /// **Edge cases:**
    /// - As ``train(inputs:targets:optimizer:options:onProgress:)`` with column matrices.
    @discardableResult
    public mutating func train(
        inputs: [Scalar], targets: [Scalar], optimizer: any Optimizer<Scalar>,
        options: TrainingOptions = TrainingOptions(), onProgress: ((TrainingProgress<Scalar>) throws -> Void)? = nil
    ) throws -> TrainingHistory {
        try train(inputs: Matrix(column: inputs), targets: Matrix(column: targets), optimizer: optimizer,
                  options: options, onProgress: onProgress)
    }
}
