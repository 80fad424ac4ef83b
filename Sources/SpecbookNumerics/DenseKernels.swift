import CVectorKernels

/// The loops of dense layers that BLAS does not cover well (layers with few inputs or one output) and the
/// activations' element-wise passes, in C compiled once per instruction set (`CVectorKernels`).
///
/// Every instruction set returns the same bits: contraction is off and each sum runs in a fixed order (the dot
/// product in 16 fixed lanes).
///
/// ```swift
/// DenseKernels.fastest.forwardSingle(a, w, b, z, rows: m, inputs: nIn)   // z_i = b + a_i · w
/// ```
///
/// **Edge cases:**
/// - Pointers must hold the counts the shapes imply; `rows` 0 does nothing (a bias gradient is still zeroed
///   unless accumulating).
public struct DenseKernels: @unchecked Sendable {  // `ops` points at a constant table in the C library
    let ops: UnsafePointer<specbook_dense_ops>

    /// The kernels compiled for `instructionSet` (the fastest the CPU has when it lacks that one).
    public init(_ instructionSet: VectorInstructionSet) {
        ops = specbook_dense_ops_for(Int32(instructionSet.rawValue))
    }

    /// The kernels for the widest instruction set this CPU has (or `SPECBOOK_VECTOR_INSTRUCTIONS` allows).
    public static let fastest = DenseKernels(.fastest)

    @inline(__always)
    private static func pick<F>(_ pair: (F?, F?), _ scalar: (some MatrixScalar).Type) -> F {
        (scalar == Double.self ? pair.1 : pair.0)!
    }

    /// z_i = b + Σ_k a_ik w_k (k ascending): a layer with few inputs.
    public func forwardSkinny<S: MatrixScalar>(
        _ a: UnsafePointer<S>, _ w: UnsafePointer<S>, _ b: UnsafePointer<S>, _ z: UnsafeMutablePointer<S>,
        rows m: Int, inputs nIn: Int, outputs nOut: Int
    ) {
        Self.pick(ops.pointee.forward_skinny, S.self)(a, w, b, z, m, nIn, nOut)
    }

    /// z_i = b[0] + a_i · w: a layer with one output.
    public func forwardSingle<S: MatrixScalar>(
        _ a: UnsafePointer<S>, _ w: UnsafePointer<S>, _ b: UnsafePointer<S>, _ z: UnsafeMutablePointer<S>,
        rows m: Int, inputs nIn: Int
    ) {
        Self.pick(ops.pointee.forward_single, S.self)(a, w, b, z, m, nIn)
    }

    /// gw_k = Σ_i δ_i a_ik (added to gw when `accumulate`): the weight gradient of a layer with one output.
    public func gradientSingle<S: MatrixScalar>(
        _ a: UnsafePointer<S>, _ delta: UnsafePointer<S>, _ gw: UnsafeMutablePointer<S>,
        rows m: Int, inputs nIn: Int, accumulate: Bool
    ) {
        Self.pick(ops.pointee.gradient_single, S.self)(a, delta, gw, m, nIn, accumulate ? 1 : 0)
    }

    /// gw_kj = Σ_i a_ik δ_ij (added to gw when `accumulate`): the weight gradient of a layer with few inputs.
    public func gradientSkinny<S: MatrixScalar>(
        _ a: UnsafePointer<S>, _ delta: UnsafePointer<S>, _ gw: UnsafeMutablePointer<S>,
        rows m: Int, inputs nIn: Int, outputs nOut: Int, accumulate: Bool
    ) {
        Self.pick(ops.pointee.gradient_skinny, S.self)(a, delta, gw, m, nIn, nOut, accumulate ? 1 : 0)
    }

    /// out_ik = δ_i w_k: δ Wᵀ for a layer with one output.
    public func outer<S: MatrixScalar>(
        _ delta: UnsafePointer<S>, _ w: UnsafePointer<S>, _ out: UnsafeMutablePointer<S>, rows m: Int, inputs nIn: Int
    ) {
        Self.pick(ops.pointee.outer, S.self)(delta, w, out, m, nIn)
    }

    /// a = max(a, 0) in place, and d = [a > 0] when `d` is given.
    public func relu<S: MatrixScalar>(_ a: UnsafeMutablePointer<S>, derivative d: UnsafeMutablePointer<S>?, count: Int) {
        Self.pick(ops.pointee.relu, S.self)(a, d, count)
    }

    /// How ``backpropagate(_:delta:output:derivative:rows:columns:biasGradient:accumulate:)`` finds f′(z): 1, 1 − a²
    /// (tanh), [a > 0] (ReLU), or the stored values.
    public enum Derivative: Int32, Sendable, CaseIterable {
        case one = 0, oneMinusSquare = 1, positive = 2, stored = 3
    }

    /// δ_ij *= f'(z_ij) and gb_j = Σ_i δ_ij (added to gb when `accumulate`).
    public func backpropagate<S: MatrixScalar>(
        _ kind: Derivative, delta: UnsafeMutablePointer<S>, output a: UnsafePointer<S>, derivative d: UnsafePointer<S>?,
        rows: Int, columns n: Int, biasGradient gb: UnsafeMutablePointer<S>, accumulate: Bool
    ) {
        Self.pick(ops.pointee.backpropagate, S.self)(kind.rawValue, delta, a, d, rows, n, gb, accumulate ? 1 : 0)
    }

    /// out_i = c + relu(x_i W + b) · v for `rows` inputs of `inputs` values (at most 4): a two-layer ReLU network
    /// with few inputs in one pass, the same bits as ``forwardSkinny(_:_:_:_:rows:inputs:outputs:)``, ``relu(_:derivative:count:)``
    /// and ``forwardSingle(_:_:_:_:rows:inputs:)`` in turn.
    public func twoLayerForward<S: MatrixScalar>(
        _ x: UnsafePointer<S>, weights w: UnsafePointer<S>, biases b: UnsafePointer<S>, outputWeights v: UnsafePointer<S>,
        outputBias c: UnsafePointer<S>, _ out: UnsafeMutablePointer<S>, rows m: Int, inputs d: Int, width: Int
    ) {
        precondition(d <= Backpropagation.skinnyInputs, "at most \(Backpropagation.skinnyInputs) inputs")
        Self.pick(ops.pointee.two_layer_forward, S.self)(x, w, b, v, c, out, m, d, width)
    }

    /// The same network's Σ_i (out_i − y_i)² (returned) and the gradient of the loss whose output delta is
    /// scale·(out_i − y_i), written to (or, when `accumulate`, added to) gw, gb, gv, gc: the same bits as the forward
    /// and backward passes layer by layer.
    public func twoLayerGradient<S: MatrixScalar>(
        _ x: UnsafePointer<S>, targets y: UnsafePointer<S>, weights w: UnsafePointer<S>, biases b: UnsafePointer<S>,
        outputWeights v: UnsafePointer<S>, outputBias c: UnsafePointer<S>,
        gradients gw: UnsafeMutablePointer<S>, _ gb: UnsafeMutablePointer<S>, _ gv: UnsafeMutablePointer<S>,
        _ gc: UnsafeMutablePointer<S>, rows m: Int, inputs d: Int, width: Int, scale: S, accumulate: Bool
    ) -> S {
        precondition(d <= Backpropagation.skinnyInputs, "at most \(Backpropagation.skinnyInputs) inputs")
        var loss: S = 0
        Self.pick(ops.pointee.two_layer_gradient, S.self)(
            x, y, w, b, v, c, gw, gb, gv, gc, m, d, width, Double(scale), accumulate ? 1 : 0, &loss)
        return loss
    }
}
