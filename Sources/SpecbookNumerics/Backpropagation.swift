/// Scratch buffers for the rows one worker handles: every layer's output a_l and derivative
/// f'(z_l), two delta buffers used in turn, and a private gradient (summed across workers later).
final class WorkerScratch<Scalar: MatrixScalar> {
    let capacity: Int
    let activations: [UnsafeMutablePointer<Scalar>]
    let derivatives: [UnsafeMutablePointer<Scalar>]
    let deltaA: UnsafeMutablePointer<Scalar>
    let deltaB: UnsafeMutablePointer<Scalar>
    let gradient: UnsafeMutablePointer<Scalar>
    var lossSum: Scalar = 0
    private let storage: UnsafeMutablePointer<Scalar>

    init(layout: ParameterLayout, capacity: Int, withDerivatives: Bool) {
        let outWidths = layout.widths.dropFirst()
        let perLayer = outWidths.reduce(0, +) * capacity
        let deltas = withDerivatives ? 2 * layout.maxWidth * capacity : 0
        let gradient = withDerivatives ? layout.parameterCount : 0
        let total = perLayer * (withDerivatives ? 2 : 1) + deltas + gradient
        storage = .allocate(capacity: Swift.max(total, 1))
        // All-zero bytes are 0 for Float and Double; a byte fill, not a generic element-by-element copy.
        UnsafeMutableRawPointer(storage).initializeMemory(
            as: UInt8.self, repeating: 0, count: Swift.max(total, 1) * MemoryLayout<Scalar>.stride)
        self.capacity = capacity
        var cursor = storage
        var a: [UnsafeMutablePointer<Scalar>] = [], d: [UnsafeMutablePointer<Scalar>] = []
        for w in outWidths {
            a.append(cursor)
            cursor += w * capacity
        }
        for w in outWidths where withDerivatives {
            d.append(cursor)
            cursor += w * capacity
        }
        activations = a
        derivatives = d
        deltaA = cursor
        deltaB = cursor + layout.maxWidth * capacity * (withDerivatives ? 1 : 0)
        self.gradient = cursor + deltas
    }

    deinit { storage.deallocate() }
}

/// Forward and backward passes over a block of rows: the formulas of backpropagation for
/// a_0 = x, z_l = a_{l-1} W_l + b_l, a_l = f_l(z_l), loss = mean((a_L - y)²).
enum Backpropagation {
    /// Layers with this many inputs or fewer run as loops: BLAS is slow on such skinny shapes.
    static let skinnyInputs = 4

    /// Whether forward and backward can run as one fused pass (``DenseKernels/twoLayerGradient``): a two-layer ReLU
    /// network with few inputs, more hidden units than that and one linear output. The fused kernels return the same
    /// bits as the layer-by-layer passes, with the parameters read once per tile of rows instead of once per pass and
    /// no hidden activations stored.
    static func isFusedTwoLayer(_ layout: ParameterLayout, _ activations: [Activation]) -> Bool {
        layout.widths.count == 3 && layout.widths[0] <= skinnyInputs && layout.widths[1] > skinnyInputs
            && layout.widths[2] == 1 && activations == [.relu, .identity]
    }

    /// The fused forward pass of a network for which ``isFusedTwoLayer(_:_:)`` holds: `output` = its values at the
    /// `rows` inputs.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    static func fusedForward<Scalar: MatrixScalar>(
        layout: ParameterLayout, parameters p: UnsafePointer<Scalar>, input: UnsafePointer<Scalar>, rows m: Int,
        output: UnsafeMutablePointer<Scalar>
    ) {
        DenseKernels.fastest.twoLayerForward(
            input, weights: p + layout.weightOffsets[0], biases: p + layout.biasOffsets[0],
            outputWeights: p + layout.weightOffsets[1], outputBias: p + layout.biasOffsets[1], output,
            rows: m, inputs: layout.widths[0], width: layout.widths[1])
    }

    /// Forward and backward in one fused pass for a network for which ``isFusedTwoLayer(_:_:)`` holds: the same
    /// effect on `scratch.lossSum` and `scratch.gradient` as ``forward`` then ``backward``, bit for bit.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    static func fusedForwardBackward<Scalar: MatrixScalar>(
        layout: ParameterLayout, parameters p: UnsafePointer<Scalar>, input: UnsafePointer<Scalar>,
        targets: UnsafePointer<Scalar>, rows m: Int, totalCount: Int, scratch: WorkerScratch<Scalar>, accumulate: Bool
    ) {
        let g = scratch.gradient
        let (w0, b0, w1, b1) = (layout.weightOffsets[0], layout.biasOffsets[0], layout.weightOffsets[1], layout.biasOffsets[1])
        scratch.lossSum += DenseKernels.fastest.twoLayerGradient(
            input, targets: targets, weights: p + w0, biases: p + b0, outputWeights: p + w1, outputBias: p + b1,
            gradients: g + w0, g + b0, g + w1, g + b1, rows: m, inputs: layout.widths[0], width: layout.widths[1],
            scale: 2 / Scalar(totalCount), accumulate: accumulate)
    }

    /// Forward pass for `rows` samples at `input`; leaves a_l (and f'(z_l) if wanted) in `scratch`.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    static func forward<Scalar: MatrixScalar>(
        layout: ParameterLayout, activations: [Activation], parameters: UnsafePointer<Scalar>,
        input: UnsafePointer<Scalar>, rows m: Int, scratch: WorkerScratch<Scalar>, keepDerivatives: Bool
    ) {
        var a = input
        for l in 0..<(layout.widths.count - 1) {
            let nIn = layout.widths[l], nOut = layout.widths[l + 1]
            let w = parameters + layout.weightOffsets[l], b = parameters + layout.biasOffsets[l]
            let z = scratch.activations[l]
            if nIn <= skinnyInputs {
                // z_ij = b_j + Σ_k a_ik w_kj, a loop over j per (i, k): contiguous and vectorised.
                DenseKernels.fastest.forwardSkinny(a, w, b, z, rows: m, inputs: nIn, outputs: nOut)
            } else if nOut == 1 {
                // z_i = b + a_i · w (one output: a dot product per row).
                DenseKernels.fastest.forwardSingle(a, w, b, z, rows: m, inputs: nIn)
            } else {
                // z = a W + b: bias pre-filled, then GEMM with beta = 1 (beta = 0 costs a zeroing pass).
                for i in 0..<m { (z + i * nOut).update(from: b, count: nOut) }
                Scalar.blasGEMM(
                    transposeA: false, transposeB: false, m: m, n: nOut, k: nIn,
                    alpha: 1, a: a, lda: nIn, b: w, ldb: nOut, beta: 1, c: z, ldc: nOut)
            }
            // a_l = f(z_l), with f'(z_l) stored in the same pass unless backward can read it off a_l.
            let storeDerivative = keepDerivatives && !activations[l].derivativeFollowsFromOutput
            activations[l].apply(z, derivative: storeDerivative ? scratch.derivatives[l] : nil, count: m * nOut)
            a = UnsafePointer(z)
        }
    }

    /// Backward pass after `forward(keepDerivatives: true)` on the same rows: adds Σ (a_L - y)² to `scratch.lossSum`
    /// and writes this block's share of ∂loss/∂θ to `scratch.gradient` (adds it when `accumulate`);
    /// `totalCount` = N·outputs of the full batch.
    @_specialize(where Scalar == Float)
    @_specialize(where Scalar == Double)
    static func backward<Scalar: MatrixScalar>(
        layout: ParameterLayout, activations: [Activation], parameters: UnsafePointer<Scalar>,
        input: UnsafePointer<Scalar>, targets: UnsafePointer<Scalar>, rows m: Int, totalCount: Int,
        scratch: WorkerScratch<Scalar>, accumulate: Bool = false
    ) {
        let layers = layout.widths.count - 1
        let nOutput = layout.widths[layers]
        var delta = scratch.deltaA, spare = scratch.deltaB
        // r = a_L - y; loss += Σ r²; δ_L = (2 / (N·outputs)) r ⊙ f'(z_L)
        let output = scratch.activations[layers - 1]
        let scale = 2 / Scalar(totalCount)
        var lossSum: Scalar = 0
        for i in 0..<(m * nOutput) {
            let r = output[i] - targets[i]
            lossSum += r * r
            delta[i] = scale * r
        }
        scratch.lossSum += lossSum
        activations[layers - 1].backpropagate(
            delta, output: output, derivative: scratch.derivatives[layers - 1], rows: m, columns: nOutput,
            biasGradient: scratch.gradient + layout.biasOffsets[layers - 1], accumulate: accumulate)
        for l in stride(from: layers - 1, through: 0, by: -1) {
            let nIn = layout.widths[l], nOut = layout.widths[l + 1]
            let a = l == 0 ? input : UnsafePointer(scratch.activations[l - 1])
            let w = parameters + layout.weightOffsets[l]
            let gw = scratch.gradient + layout.weightOffsets[l]
            // ∂loss/∂b = Σ_i δ_i was summed when δ_l was formed.
            // ∂loss/∂W = a_{l-1}ᵀ δ
            if nOut == 1 {
                // one output: gw_k = Σ_i δ_i a_ik, accumulated row by row (contiguous in k)
                DenseKernels.fastest.gradientSingle(a, delta, gw, rows: m, inputs: nIn, accumulate: accumulate)
            } else if nIn <= skinnyInputs {
                // few inputs: gw_kj = Σ_i a_ik δ_ij, contiguous in j
                DenseKernels.fastest.gradientSkinny(
                    a, delta, gw, rows: m, inputs: nIn, outputs: nOut, accumulate: accumulate)
            } else {
                Scalar.blasGEMM(
                    transposeA: true, transposeB: false, m: nIn, n: nOut, k: m,
                    alpha: 1, a: a, lda: nIn, b: delta, ldb: nOut, beta: accumulate ? 1 : 0, c: gw, ldc: nOut)
            }
            guard l > 0 else { break }
            // δ_{l-1} = (δ_l W_lᵀ) ⊙ f'(z_{l-1})
            if nOut == 1 {
                // one output: δ_l W_lᵀ is the outer product δ_i w_k
                DenseKernels.fastest.outer(delta, w, spare, rows: m, inputs: nIn)
            } else {
                Scalar.blasGEMM(
                    transposeA: false, transposeB: true, m: m, n: nIn, k: nOut,
                    alpha: 1, a: delta, lda: nOut, b: w, ldb: nOut, beta: 0, c: spare, ldc: nIn)
            }
            activations[l - 1].backpropagate(
                spare, output: a, derivative: scratch.derivatives[l - 1], rows: m, columns: nIn,
                biasGradient: scratch.gradient + layout.biasOffsets[l - 1], accumulate: accumulate)
            swap(&delta, &spare)
        }
    }
}
