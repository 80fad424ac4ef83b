import Dispatch

extension MLP {
    /// The network's outputs for a batch: one row of `outputDimension` values per input row.
    ///
    /// Rows are processed in cache-sized blocks spread over the cores, so evaluating at a million
    /// points needs memory for a few blocks only.
    ///
    /// ```swift
    /// let grid = Matrix<Float>(column: (0..<10_000).map { Float($0) / 9_999 })
    /// let h = try net.predict(grid)                 // 10 000 × outputs
    /// ```
    ///
    /// **Edge cases:**
    /// - Input columns other than ``inputDimension`` throw ``NumericsError/shapeMismatch(operation:lhs:rhs:requirement:)``.
    /// - No rows give an empty 0×outputs matrix.
    /// - NaN inputs give NaN outputs in their rows only.
    public func predict(_ inputs: Matrix<Scalar>) throws -> Matrix<Scalar> {
        guard inputs.columns == inputDimension else {
            throw NumericsError.shapeMismatch(
                operation: "predict", lhs: inputs.shape, rhs: MatrixShape(rows: inputDimension, columns: widths[1]),
                requirement: "input columns == rows of the first layer's weights")
        }
        var output = Matrix<Scalar>(rows: inputs.rows, columns: outputDimension)
        guard inputs.rows > 0 else { return output }
        inputs.withUnsafeBufferPointer { x in
            parameters.withUnsafeBufferPointer { p in
                output.withUnsafeMutableBufferPointer { out in
                    Self.forwardInBlocks(
                        layout: layout, activations: activations, parameters: p.baseAddress!,
                        inputs: x.baseAddress!, rows: inputs.rows, output: out.baseAddress!)
                }
            }
        }
        return output
    }

    /// h(x) at each point x of a 1-D grid, for a network with one input and one output.
    ///
    /// ```swift
    /// let xs = (0..<2000).map { -Float.pi + 2 * Float.pi * Float($0) / 1999 }
    /// let hs = try net.evaluate(at: xs)
    /// ```
    ///
    /// **Edge cases:**
    /// - A network with more than one input or output throws ``NumericsError/invalidArgument(_:)``:
    ///   use ``predict(_:)`` with a matrix there.
    /// - An empty array gives `[]`.
    public func evaluate(at points: [Scalar]) throws -> [Scalar] {
        guard inputDimension == 1, outputDimension == 1 else {
            throw NumericsError.invalidArgument(
                "evaluate(at:) needs one input and one output, the network has widths \(widths): use predict(_:)")
        }
        return try predict(Matrix(column: points)).elements
    }

    /// h(x) at one input point (slow per point: for many points use ``predict(_:)``).
    ///
    /// **Edge cases:**
    /// - `x.count != inputDimension` throws ``NumericsError/shapeMismatch(operation:lhs:rhs:requirement:)``.
    public func callAsFunction(_ x: [Scalar]) throws -> [Scalar] {
        try predict(Matrix(row: x)).elements
    }

    /// The mean squared loss mean((h(x_i) − y_i)²) over all samples and outputs.
    ///
    /// **Edge cases:**
    /// - The shape and count errors of ``Trainer``.
    public func loss(inputs: Matrix<Scalar>, targets: Matrix<Scalar>) throws -> Scalar {
        try Trainer.validate(network: self, inputs: inputs, targets: targets)
        let h = try predict(inputs)
        return try (h - targets).map { $0 * $0 }.mean()
    }

    /// The mean squared loss and its gradient with respect to ``parameters`` (same layout), by backpropagation.
    ///
    /// ```swift
    /// let (loss, gradient) = try net.lossAndGradient(inputs: x, targets: y)
    /// ```
    ///
    /// **Edge cases:**
    /// - The shape and count errors of ``Trainer``; a non-finite loss is returned, not thrown.
    public func lossAndGradient(inputs: Matrix<Scalar>, targets: Matrix<Scalar>) throws -> (loss: Scalar, gradient: [Scalar]) {
        try Trainer.validate(network: self, inputs: inputs, targets: targets)
        let workspace = BatchWorkspace(network: self, rows: inputs.rows)
        let loss = inputs.withUnsafeBufferPointer { x in
            targets.withUnsafeBufferPointer { y in
                parameters.withUnsafeBufferPointer { p in
                    workspace.lossAndGradient(parameters: p.baseAddress!, inputs: x.baseAddress!, targets: y.baseAddress!, rows: inputs.rows)
                }
            }
        }
        return (loss, Array(workspace.gradient))
    }

    /// The forward pass over `rows` inputs in blocks of rows, blocks shared round-robin among the cores.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    static func forwardInBlocks(
        layout: ParameterLayout, activations: [Activation], parameters: UnsafePointer<Scalar>,
        inputs: UnsafePointer<Scalar>, rows n: Int, output: UnsafeMutablePointer<Scalar>
    ) {
        // About 64 Ki values per layer buffer: a block's activations stay in L2.
        let blockRows = Swift.min(n, Swift.max(32, 65_536 / Swift.max(layout.maxWidth, 1)))
        let blocks = (n + blockRows - 1) / blockRows
        let workerCount = Swift.min(blocks, BatchWorkspace<Scalar>.workerCount(rows: n))
        let dIn = layout.widths[0], dOut = layout.widths[layout.widths.count - 1]
        let fused = Backpropagation.isFusedTwoLayer(layout, activations)
        let work = { (w: Int) in
            let scratch = WorkerScratch<Scalar>(layout: layout, capacity: fused ? 0 : blockRows, withDerivatives: false)
            for block in Swift.stride(from: w, to: blocks, by: workerCount) {
                let start = block * blockRows, rows = Swift.min(blockRows, n - start)
                if fused {
                    Backpropagation.fusedForward(
                        layout: layout, parameters: parameters, input: inputs + start * dIn, rows: rows,
                        output: output + start * dOut)
                    continue
                }
                Backpropagation.forward(
                    layout: layout, activations: activations, parameters: parameters,
                    input: inputs + start * dIn, rows: rows, scratch: scratch, keepDerivatives: false)
                (output + start * dOut).update(from: scratch.activations[layout.widths.count - 2], count: rows * dOut)
            }
        }
        if workerCount == 1 {
            work(0)
        } else {
            BLASThreads.withSingleThread { DispatchQueue.concurrentPerform(iterations: workerCount, execute: work) }
        }
    }
}
