import Dispatch

/// Runs forward and backward passes over a batch split into contiguous row blocks, one per core.
///
/// Each worker computes its rows' forward pass, residual and backward pass with no
/// synchronisation between layers; the per-worker gradients are summed at the end. OpenBLAS is
/// held at one thread meanwhile: its own threads would compete with the workers (and spin).
/// A worker whose rows' activations would not fit in the core's L2 cache takes them in equal sub-blocks of at
/// most ``blockRows`` rows, forward then backward for each, adding up the gradient: a wide layer's
/// activations are then read back from cache instead of memory.
final class BatchWorkspace<Scalar: MatrixScalar> {
    let layout: ParameterLayout
    let activations: [Activation]
    let capacity: Int
    private let workers: [WorkerScratch<Scalar>]
    private var batchBuffer: UnsafeMutablePointer<Scalar>?

    /// Workspace for batches of up to `rows` samples of `network`'s shape.
    init(network: MLP<Scalar>, rows: Int) {
        layout = network.layout
        activations = network.activations
        capacity = rows
        let count = Self.workerCount(rows: rows)
        // A batch smaller than `rows` may use fewer workers (see lossAndGradient): then each gets < 128 rows.
        let perWorker = Swift.max((rows + count - 1) / count, Swift.min(rows, 127))
        blockRows = Swift.min(perWorker, Self.blockRows(layout: network.layout, activations: network.activations))
        // The fused pass keeps no activations: its workers need only their gradients.
        let scratchRows = Backpropagation.isFusedTwoLayer(network.layout, network.activations) ? 0 : blockRows
        workers = (0..<count).map { _ in WorkerScratch(layout: network.layout, capacity: scratchRows, withDerivatives: true) }
    }

    /// Rows a worker takes at a time.
    let blockRows: Int

    /// Bytes of one sub-block's activations, derivatives and deltas: a core's L2 cache (``CoreCache/level2Bytes``).
    /// Fewer, larger blocks mean fewer BLAS calls, each packing the weights again.
    static var cacheBudget: Int { CoreCache.level2Bytes }

    /// The most rows whose forward and backward buffers fit in ``cacheBudget`` (at least 16).
    static func blockRows(layout: ParameterLayout, activations: [Activation]) -> Int {
        let outWidths = Array(layout.widths.dropFirst())
        let stored = zip(outWidths, activations).reduce(0) { $0 + ($1.1.derivativeFollowsFromOutput ? 1 : 2) * $1.0 }
        let perRow = (stored + 2 * layout.maxWidth) * MemoryLayout<Scalar>.stride
        return Swift.max(16, cacheBudget / Swift.max(perRow, 1))
    }

    /// Copies the given sample rows into contiguous buffers (a mini-batch), valid until the next call.
    func gather(_ inputs: Matrix<Scalar>, _ targets: Matrix<Scalar>, rows: ArraySlice<Int>) -> (UnsafePointer<Scalar>, UnsafePointer<Scalar>) {
        let dIn = layout.widths[0], dOut = layout.widths[layout.widths.count - 1]
        let buffer = batchBuffer ?? .allocate(capacity: capacity * (dIn + dOut))
        batchBuffer = buffer
        let x = buffer, y = buffer + capacity * dIn
        inputs.withUnsafeBufferPointer { xs in
            targets.withUnsafeBufferPointer { ys in
                for (r, src) in rows.enumerated() {
                    (x + r * dIn).update(from: xs.baseAddress! + src * dIn, count: dIn)
                    (y + r * dOut).update(from: ys.baseAddress! + src * dOut, count: dOut)
                }
            }
        }
        return (UnsafePointer(x), UnsafePointer(y))
    }

    deinit { batchBuffer?.deallocate() }

    /// One worker per core, but only when each gets at least 64 rows: below that the split costs more than it saves.
    static func workerCount(rows: Int) -> Int {
        ParallelSlices.workerCount(items: rows, minimumPerWorker: 64)
    }

    /// ∂loss/∂θ of the last call, in the layout of ``MLP/parameters``.
    var gradient: UnsafeBufferPointer<Scalar> {
        UnsafeBufferPointer(start: workers[0].gradient, count: layout.parameterCount)
    }

    /// The mean squared loss of `rows` samples (at most `capacity`), leaving its gradient in ``gradient``.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    func lossAndGradient(
        parameters: UnsafePointer<Scalar>, inputs: UnsafePointer<Scalar>, targets: UnsafePointer<Scalar>, rows n: Int
    ) -> Scalar {
        let (layout, activations, workers, blockRows) = (self.layout, self.activations, self.workers, self.blockRows)
        let dIn = layout.widths[0], dOut = layout.widths[layout.widths.count - 1]
        let used = Swift.min(workers.count, Self.workerCount(rows: n))
        let chunk = (n + used - 1) / used
        let fused = Backpropagation.isFusedTwoLayer(layout, activations)
        let work = { (w: Int) in
            let start = w * chunk, rows = Swift.max(0, Swift.min(n, start + chunk) - start)
            let scratch = workers[w]
            scratch.lossSum = 0
            // equal blocks: a last block of a few rows would run BLAS at its slowest
            let blocks = Swift.max(1, (rows + blockRows - 1) / blockRows)
            let blockSize = (rows + blocks - 1) / blocks
            var done = 0
            repeat {
                let block = Swift.min(blockSize, rows - done)
                let x = inputs + (start + done) * dIn, y = targets + (start + done) * dOut
                if fused {
                    // the same sub-blocks as below, so the loss adds up in the same order
                    Backpropagation.fusedForwardBackward(
                        layout: layout, parameters: parameters, input: x, targets: y, rows: block, totalCount: n * dOut,
                        scratch: scratch, accumulate: done > 0)
                } else {
                    // forward: a_l, f'(z_l) for this block of rows
                    Backpropagation.forward(
                        layout: layout, activations: activations, parameters: parameters,
                        input: x, rows: block, scratch: scratch, keepDerivatives: true)
                    // backward: this block's share of the gradient, added to the earlier blocks'
                    Backpropagation.backward(
                        layout: layout, activations: activations, parameters: parameters,
                        input: x, targets: y, rows: block, totalCount: n * dOut, scratch: scratch, accumulate: done > 0)
                }
                done += block
            } while done < rows
        }
        if used == 1 {
            work(0)
        } else {
            BLASThreads.withSingleThread { DispatchQueue.concurrentPerform(iterations: used, execute: work) }
        }
        // g = Σ_workers g_w
        let g = workers[0].gradient
        var lossSum = workers[0].lossSum
        for w in 1..<used {
            let gw = workers[w].gradient
            for i in 0..<layout.parameterCount { g[i] += gw[i] }
            lossSum += workers[w].lossSum
        }
        return lossSum / Scalar(n * dOut)
    }
}
