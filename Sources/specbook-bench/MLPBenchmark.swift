import Dispatch
import Foundation
import SpecbookNumerics

/// The reference training workload (as ../shared/peers/mlp_numpy_torch.py): a 1-200-200-100-1 tanh
/// MLP, full batch of 1000 points of sin(x) + sin(3x) + sin(5x) on [-pi, pi], Adam lr 1e-3, float32.
///
/// `specbook-bench mlp [STEPS]` prints `swift steps/s X loss Y`, then the GEMM throughput of the
/// same step's six GEMMs run alone (same row split, same threads) and the share of step time
/// spent outside them.
enum MLPBenchmark {
    static let widths = [1, 200, 200, 100, 1]
    static let samples = 1000

    static func run(_ arguments: [String]) throws {
        let steps = arguments.first.flatMap { Int($0) } ?? 300
        let xs = (0..<samples).map { Float(-Double.pi + 2 * Double.pi * Double($0) / Double(samples - 1)) }
        let ys = xs.map { sin($0) + sin(3 * $0) + sin(5 * $0) }
        let net = try MLP<Float>(widths: widths, activation: .tanh, initialization: .uniformFanIn, seed: 0)
        var trainer = try Trainer(
            network: net, inputs: Matrix(column: xs), targets: Matrix(column: ys), optimizer: Adam<Float>(learningRate: 1e-3))
        _ = try trainer.trainEpoch()  // warm-up step, as the peer
        var loss: Float = 0
        let start = DispatchTime.now().uptimeNanoseconds
        for _ in 0..<steps { loss = try trainer.trainEpoch() }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) * 1e-9
        let stepSeconds = seconds / Double(steps)
        print(String(format: "swift steps/s %.1f loss %.3g", 1 / stepSeconds, Double(loss)))

        let (gemmSeconds, flops) = timeStepGEMMs(repeats: Swift.max(20, steps / 5))
        print(String(format: "gemm GFLOP/s %.1f (%.1f MFLOP per step, %.3f ms)", flops / gemmSeconds * 1e-9, flops * 1e-6, gemmSeconds * 1e3))
        print(String(format: "outside GEMM %.1f%% of step time", 100 * Swift.max(0, 1 - gemmSeconds / stepSeconds)))
    }

    /// Best time of one step's GEMMs (forward and backward, both middle layers), split over the
    /// cores by rows exactly as training does; returns (seconds, flops).
    static func timeStepGEMMs(repeats: Int) -> (Double, Double) {
        let workers = Swift.max(1, Swift.min(ProcessInfo.processInfo.activeProcessorCount, samples / 64))
        let rows = (samples + workers - 1) / workers
        // (m, n, k, transposeA, transposeB) for a block of `rows` samples
        let shapes: [(Int, Int, Int, Bool, Bool)] = [
            (rows, 200, 200, false, false),  // z2 = a1 W2
            (rows, 100, 200, false, false),  // z3 = a2 W3
            (200, 100, rows, true, false),   // dW3 = a2ᵀ δ3
            (rows, 200, 100, false, true),   // δ2 = δ3 W3ᵀ
            (200, 200, rows, true, false),   // dW2 = a1ᵀ δ2
            (rows, 200, 200, false, true),   // δ1 = δ2 W2ᵀ
        ]
        let flops = Double(workers) * shapes.reduce(0) { $0 + 2 * Double($1.0 * $1.1 * $1.2) }
        let size = rows * 200
        let buffers = (0..<workers).map { _ in
            (0..<3).map { _ -> UnsafeMutablePointer<Float> in
                let p = UnsafeMutablePointer<Float>.allocate(capacity: Swift.max(size, 200 * 200))
                p.initialize(repeating: 0.01, count: Swift.max(size, 200 * 200))
                return p
            }
        }
        defer { buffers.joined().forEach { $0.deallocate() } }
        var best = Double.infinity
        BLASThreads.withSingleThread {
            for _ in 0..<repeats {
                let t0 = DispatchTime.now().uptimeNanoseconds
                DispatchQueue.concurrentPerform(iterations: workers) { w in
                    let (a, b, c) = (buffers[w][0], buffers[w][1], buffers[w][2])
                    for (m, n, k, ta, tb) in shapes {
                        Float.blasGEMM(
                            transposeA: ta, transposeB: tb, m: m, n: n, k: k, alpha: 1,
                            a: a, lda: ta ? m : k, b: b, ldb: tb ? k : n, beta: 1, c: c, ldc: n)
                    }
                }
                best = Swift.min(best, Double(DispatchTime.now().uptimeNanoseconds - t0) * 1e-9)
            }
        }
        return (best, flops)
    }
}
