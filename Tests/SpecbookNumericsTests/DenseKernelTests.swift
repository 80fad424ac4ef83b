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
    /// equals the weighted sum of the gradients of 30-row batches (one block each). Tolerance: 1e-12 relative.
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
}
