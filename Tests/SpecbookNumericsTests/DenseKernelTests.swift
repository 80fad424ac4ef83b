import SpecbookNumerics
import XCTest

/// The dense-layer loops in C (`DenseKernels`): each against its formula computed here in plain loops, every
/// instruction set the CPU has to the same bits as the baseline one, and training in row sub-blocks against a
/// slow reference gradient.
final class DenseKernelTests: XCTestCase {
    /// Odd sizes (no multiple of any vector width, a tail in the 16-lane dot product).
    let m = 37, nIn = 53, nOut = 29

    func random(_ count: Int, seed: UInt64) -> [Double] {
        var rng = SeededGenerator(seed: seed)
        return (0..<count).map { _ in rng.uniform(-1, 1) }
    }

    /// Every kernel's outputs (Double) for one instruction set, on fixed inputs.
    func outputs(_ kernels: DenseKernels) -> [[Double]] {
        let a = random(m * nIn, seed: 1), w = random(nIn * nOut, seed: 2), b = random(nOut, seed: 3)
        let delta = random(m * nOut, seed: 4), d = random(m * nOut, seed: 5)
        var skinny = [Double](repeating: .nan, count: m * nOut), single = [Double](repeating: .nan, count: m)
        kernels.forwardSkinny(a, w, b, &skinny, rows: m, inputs: 3, outputs: nOut)
        kernels.forwardSingle(a, w, b, &single, rows: m, inputs: nIn)
        var gSingle = random(nIn, seed: 6), gSkinny = random(3 * nOut, seed: 7)
        kernels.gradientSingle(a, delta, &gSingle, rows: m, inputs: nIn, accumulate: true)
        kernels.gradientSkinny(a, delta, &gSkinny, rows: m, inputs: 3, outputs: nOut, accumulate: false)
        var outer = [Double](repeating: .nan, count: m * nIn)
        kernels.outer(delta, w, &outer, rows: m, inputs: nIn)
        var relu = delta + [0, -0, .nan], reluDerivative = [Double](repeating: .nan, count: relu.count)
        kernels.relu(&relu, derivative: &reluDerivative, count: relu.count)
        var results = [skinny, single, gSingle, gSkinny, outer, relu, reluDerivative]
        for kind in DenseKernels.Derivative.allCases {
            var dl = delta, gb = random(nOut, seed: 8)
            kernels.backpropagate(kind, delta: &dl, output: a, derivative: d, rows: m, columns: nOut,
                                  biasGradient: &gb, accumulate: kind == .positive)
            results += [dl, gb]
        }
        return results
    }

    func testEveryInstructionSetGivesTheBaselineBits() {
        let baseline = outputs(DenseKernels(.baseline))
        for set in VectorInstructionSet.supported where set != .baseline {
            let these = outputs(DenseKernels(set))
            for (i, (x, y)) in zip(baseline, these).enumerated() {
                XCTAssertEqual(x.map(\.bitPattern), y.map(\.bitPattern), "output \(i) of \(set)")
            }
        }
    }

    /// Tolerance: sums of at most 53 products of values in [-1, 1] reordered, 1e-13 absolute.
    func testKernelsFollowTheirFormulas() {
        let a = random(m * nIn, seed: 1), w = random(nIn * nOut, seed: 2), b = random(nOut, seed: 3)
        let delta = random(m * nOut, seed: 4), d = random(m * nOut, seed: 5)
        let r = outputs(.fastest)
        for i in 0..<m {
            for j in 0..<nOut {
                let z = b[j] + (0..<3).reduce(0.0) { $0 + a[i * 3 + $1] * w[$1 * nOut + j] }  // a as m × 3
                XCTAssertEqual(r[0][i * nOut + j], z, accuracy: 1e-13, "skinny forward (\(i), \(j))")
            }
            let z = b[0] + (0..<nIn).reduce(0.0) { $0 + a[i * nIn + $1] * w[$1] }
            XCTAssertEqual(r[1][i], z, accuracy: 1e-13, "single-output forward \(i)")
            for k in 0..<nIn { XCTAssertEqual(r[4][i * nIn + k], delta[i] * w[k], "outer (\(i), \(k))") }
        }
        let gSingle0 = random(nIn, seed: 6)
        for k in 0..<nIn {
            let g = gSingle0[k] + (0..<m).reduce(0.0) { $0 + delta[$1] * a[$1 * nIn + k] }
            XCTAssertEqual(r[2][k], g, accuracy: 1e-13, "accumulated single-output gradient \(k)")
        }
        for k in 0..<3 {
            for j in 0..<nOut {
                let g = (0..<m).reduce(0.0) { $0 + a[$1 * 3 + k] * delta[$1 * nOut + j] }
                XCTAssertEqual(r[3][k * nOut + j], g, accuracy: 1e-13, "skinny gradient (\(k), \(j))")
            }
        }
        let relu = delta + [0, -0, .nan]
        for (i, z) in relu.enumerated() {
            if z.isNaN {
                XCTAssertTrue(r[5][i].isNaN, "ReLU keeps NaN")
                continue
            }
            XCTAssertEqual(r[5][i], max(z, 0))
            XCTAssertEqual(r[6][i], z > 0 ? 1 : 0)
        }
        let gb0 = random(nOut, seed: 8)
        for (index, kind) in DenseKernels.Derivative.allCases.enumerated() {
            let scaled = r[7 + 2 * index], gb = r[8 + 2 * index]
            for j in 0..<nOut {
                var sum = kind == .positive ? gb0[j] : 0
                for i in 0..<m {
                    let x = i * nOut + j, ai = a[x]  // a as m × nOut
                    let factor = switch kind {
                    case .one: 1.0
                    case .oneMinusSquare: 1 - ai * ai
                    case .positive: ai > 0 ? 1.0 : 0
                    case .stored: d[x]
                    }
                    XCTAssertEqual(scaled[x], delta[x] * factor, "\(kind) delta (\(i), \(j))")
                    sum += delta[x] * factor
                }
                XCTAssertEqual(gb[j], sum, accuracy: 1e-13, "\(kind) bias gradient \(j)")
            }
        }
    }

    /// Loss and gradient of a two-layer network f(w·x + b)·a + c, by its formulas in plain loops.
    func slowTwoLayer(_ net: MLP<Double>, _ x: Matrix<Double>, _ y: [Double]) throws -> (Double, [Double]) {
        let d = net.inputDimension, width = net.widths[1], n = x.rows
        let w = try net.weights(layer: 0), b = try net.biases(layer: 0)
        let v = try net.weights(layer: 1), c = try net.biases(layer: 1)[0]
        var gw = [Double](repeating: 0, count: d * width), gb = [Double](repeating: 0, count: width)
        var gv = [Double](repeating: 0, count: width), gc = 0.0, loss = 0.0
        for i in 0..<n {
            var h = [Double](repeating: 0, count: width), fp = h, out = c
            for j in 0..<width {
                let z = b[j] + (0..<d).reduce(0.0) { $0 + x[i, $1] * w[$1, j] }
                h[j] = net.activations[0].value(z)
                fp[j] = net.activations[0].derivative(z)
                out += h[j] * v[j, 0]
            }
            let r = out - y[i]
            loss += r * r / Double(n)
            let g = 2 * r / Double(n)
            gc += g
            for j in 0..<width {
                gv[j] += g * h[j]
                let dz = g * v[j, 0] * fp[j]
                gb[j] += dz
                for k in 0..<d { gw[k * width + j] += dz * x[i, k] }
            }
        }
        return (loss, gw + gb + gv + [gc])
    }

    /// Wide layers are trained in row sub-blocks whose gradients add up: 300 rows of a width-2048 network take
    /// several blocks per core. Tolerance: 1e-11 relative (sums of 300 terms in another order).
    func testSubBlockedGradientMatchesSlowReference() throws {
        var rng = SeededGenerator(seed: 21)
        let x = Matrix<Double>(rows: 300, columns: 2) { _, _ in rng.uniform(-1, 1) }
        let y = (0..<300).map { _ in rng.uniform(-1, 1) }
        for activation in [Activation.relu, .tanh] {
            let net = try MLP<Double>(widths: [2, 2048, 1], activation: activation, seed: 5)
            let (loss, gradient) = try net.lossAndGradient(inputs: x, targets: Matrix(column: y))
            let (slowLoss, slowGradient) = try slowTwoLayer(net, x, y)
            XCTAssertEqual(loss, slowLoss, accuracy: 1e-11 * slowLoss, "\(activation) loss")
            let scale = slowGradient.map(abs).max()!
            for (i, (g, s)) in zip(gradient, slowGradient).enumerated() {
                XCTAssertEqual(g, s, accuracy: 1e-11 * scale, "\(activation) gradient \(i)")
            }
        }
    }

    /// The GEMM path in sub-blocks: the full batch's gradient of a 1-600-600-1 tanh network (several blocks per core)
    /// equals the weighted sum of the gradients of 30-row batches (one block each); the 300 rows a core gets need 19 KiB
    /// each, more than the largest block budget (4 MiB) holds. Tolerance: 1e-12 relative.
    func testSubBlockedGEMMGradientIsTheSumOfItsParts() throws {
        var rng = SeededGenerator(seed: 22)
        let n = 600, part = 30
        let xs = (0..<n).map { _ in rng.uniform(-1, 1) }, ys = (0..<n).map { _ in rng.uniform(-1, 1) }
        let net = try MLP<Double>(widths: [1, 600, 600, 1], activation: .tanh, seed: 6)
        let (loss, gradient) = try net.lossAndGradient(inputs: Matrix(column: xs), targets: Matrix(column: ys))
        var sumLoss = 0.0, sum = [Double](repeating: 0, count: gradient.count)
        for start in stride(from: 0, to: n, by: part) {
            let (l, g) = try net.lossAndGradient(
                inputs: Matrix(column: Array(xs[start..<(start + part)])),
                targets: Matrix(column: Array(ys[start..<(start + part)])))
            sumLoss += l * Double(part) / Double(n)
            for i in g.indices { sum[i] += g[i] * Double(part) / Double(n) }
        }
        XCTAssertEqual(loss, sumLoss, accuracy: 1e-12 * sumLoss)
        let scale = sum.map(abs).max()!
        var worst = 0.0
        for (g, s) in zip(gradient, sum) { worst = max(worst, abs(g - s)) }
        XCTAssertLessThan(worst, 1e-12 * scale, "largest difference \(worst) against a largest entry \(scale)")
    }

    /// A two-layer ReLU network with few inputs by the layer-by-layer kernels, as training runs it: (out, loss,
    /// gradient in the order gw, gb, gv, gc) with gradients added to `start` when given.
    func layerByLayer<S: MatrixScalar>(
        _ k: DenseKernels, x: [S], y: [S], w: [S], b: [S], v: [S], c: S, m: Int, d: Int, width: Int, start: [S]?
    ) -> ([S], S, [S]) {
        var z = [S](repeating: .nan, count: m * width), out = [S](repeating: .nan, count: m)
        k.forwardSkinny(x, w, b, &z, rows: m, inputs: d, outputs: width)
        k.relu(&z, derivative: nil, count: m * width)
        k.forwardSingle(z, v, [c], &out, rows: m, inputs: width)
        let initial = start ?? [S](repeating: .nan, count: d * width + 2 * width + 1)
        var gw = Array(initial[0..<(d * width)]), gb = Array(initial[(d * width)..<(d * width + width)])
        var gv = Array(initial[(d * width + width)..<(d * width + 2 * width)]), gc = [initial[d * width + 2 * width]]
        let scale = 2 / S(m)
        var loss: S = 0, delta = [S](repeating: 0, count: m)
        for i in 0..<m {
            let r = out[i] - y[i]
            loss += r * r
            delta[i] = scale * r
        }
        let accumulate = start != nil
        k.backpropagate(.one, delta: &delta, output: out, derivative: nil, rows: m, columns: 1, biasGradient: &gc, accumulate: accumulate)
        k.gradientSingle(z, delta, &gv, rows: m, inputs: width, accumulate: accumulate)
        var spare = [S](repeating: .nan, count: m * width)
        k.outer(delta, v, &spare, rows: m, inputs: width)
        k.backpropagate(.positive, delta: &spare, output: z, derivative: nil, rows: m, columns: width, biasGradient: &gb, accumulate: accumulate)
        k.gradientSkinny(x, spare, &gw, rows: m, inputs: d, outputs: width, accumulate: accumulate)
        return (out, loss, gw + gb + gv + gc)
    }

    /// The fused two-layer kernels return the layer-by-layer kernels' bits, on every instruction set, for one to three
    /// inputs, widths with and without a tail of 16 lanes and across the kernels' 256-unit chunks, row counts around
    /// their 8-row tiles, in Float and Double, writing and adding gradients.
    func testFusedTwoLayerGivesTheLayerByLayerBits() {
        func check<S: MatrixScalar>(_: S.Type) {
            for set in VectorInstructionSet.supported {
                let k = DenseKernels(set)
                for (d, width, m) in [(1, 5, 1), (1, 300, 13), (2, 4096, 9), (2, 37, 8), (3, 533, 17), (2, 1000, 40)] {
                    var rng = SeededGenerator(seed: UInt64(d * 100_000 + width * 100 + m))
                    let x = (0..<(m * d)).map { _ in S(rng.uniform(-1, 1)) }, y = (0..<m).map { _ in S(rng.uniform(-1, 1)) }
                    let w = (0..<(d * width)).map { _ in S(rng.uniform(-2, 2)) }, b = (0..<width).map { _ in S(rng.uniform(-1, 1)) }
                    let v = (0..<width).map { _ in S(rng.uniform(-0.5, 0.5)) }, c = S(rng.uniform(-1, 1))
                    let start = (0..<(d * width + 2 * width + 1)).map { _ in S(rng.uniform(-1, 1)) }
                    for accumulate in [false, true] {
                        let (out, loss, gradient) = layerByLayer(
                            k, x: x, y: y, w: w, b: b, v: v, c: c, m: m, d: d, width: width, start: accumulate ? start : nil)
                        var fusedOut = [S](repeating: .nan, count: m)
                        k.twoLayerForward(x, weights: w, biases: b, outputWeights: v, outputBias: [c], &fusedOut,
                                          rows: m, inputs: d, width: width)
                        var g = accumulate ? start : [S](repeating: .nan, count: start.count)
                        let fusedLoss = g.withUnsafeMutableBufferPointer { g in
                            k.twoLayerGradient(
                                x, targets: y, weights: w, biases: b, outputWeights: v, outputBias: [c],
                                gradients: g.baseAddress!, g.baseAddress! + d * width, g.baseAddress! + d * width + width,
                                g.baseAddress! + d * width + 2 * width, rows: m, inputs: d, width: width, scale: 2 / S(m),
                                accumulate: accumulate)
                        }
                        let label = "\(S.self) \(set) d \(d) width \(width) rows \(m) accumulate \(accumulate)"
                        // Float to Double is exact: equal bits there are equal bits here
                        let bits = { (values: [S]) in values.map { Double($0).bitPattern } }
                        XCTAssertEqual(bits(fusedOut), bits(out), "outputs, " + label)
                        XCTAssertEqual(bits([fusedLoss]), bits([loss]), "loss, " + label)
                        XCTAssertEqual(bits(g), bits(gradient), "gradient, " + label)
                        XCTAssertTrue(gradient.allSatisfy(\.isFinite), label)
                    }
                }
            }
        }
        check(Float.self)
        check(Double.self)
    }

    /// A two-layer ReLU network's predictions (the fused forward pass) against its formula in plain loops, in one and
    /// two dimensions. Tolerance: 1e-12 relative to the largest |h_j v_j| sum (sums of 3000 terms in another order).
    func testFusedPredictionsMatchTheFormula() throws {
        for d in [1, 2] {
            var rng = SeededGenerator(seed: UInt64(30 + d))
            let x = Matrix<Double>(rows: 50, columns: d) { _, _ in rng.uniform(-1, 1) }
            let net = try MLP<Double>(widths: [d, 3000, 1], activation: .relu, seed: 7)
            let predicted = try net.predict(x)
            let w = try net.weights(layer: 0), b = try net.biases(layer: 0)
            let v = try net.weights(layer: 1), c = try net.biases(layer: 1)[0]
            for i in 0..<x.rows {
                var out = c, scale = abs(c)
                for j in 0..<3000 {
                    let z = b[j] + (0..<d).reduce(0.0) { $0 + x[i, $1] * w[$1, j] }
                    out += max(z, 0) * v[j, 0]
                    scale += abs(max(z, 0) * v[j, 0])
                }
                XCTAssertEqual(predicted[i, 0], out, accuracy: 1e-12 * scale, "d \(d) row \(i)")
            }
        }
    }
}
