import Dispatch
import Foundation
import SpecbookNumerics

/// The reference training workload (as ../shared/peers/mlp_numpy_torch.py): a 1-200-200-100-1 tanh
/// MLP, full batch of 1000 points of sin(x) + sin(3x) + sin(5x) on [-pi, pi], Adam lr 1e-3, float32.
///
/// `specbook-bench mlp [STEPS] [SAMPLES]` prints `swift steps/s X loss Y`, then the GEMM throughput of the
/// same step's six GEMMs run alone (same row split, same threads) and the share of step time
/// spent outside them.
enum MLPBenchmark {
    static let widths = [1, 200, 200, 100, 1]
    static var samples = 1000

    static func run(_ arguments: [String]) throws {
        let steps = arguments.first.flatMap { Int($0) } ?? 300
        if let count = arguments.dropFirst().first.flatMap({ Int($0) }) { samples = count }
        let xs = (0..<samples).map { Float(-Double.pi + 2 * Double.pi * Double($0) / Double(samples - 1)) }
        let ys = xs.map { sin($0) + sin(3 * $0) + sin(5 * $0) }
        let net = try MLP<Float>(widths: widths, activation: .tanh, initialization: .uniformFanIn, seed: 0)
        var trainer = try Trainer(
            network: net, inputs: Matrix(column: xs), targets: Matrix(column: ys), optimizer: Adam<Float>(learningRate: 1e-3))
        _ = try trainer.trainEpoch()  // warm-up step, as the peer
        var loss: Float = 0
        var stepTimes: [Double] = []
        let start = DispatchTime.now().uptimeNanoseconds
        var last = start
        for _ in 0..<steps {
            loss = try trainer.trainEpoch()
            let now = DispatchTime.now().uptimeNanoseconds
            stepTimes.append(Double(now - last) * 1e-9)
            last = now
        }
        let seconds = Double(last - start) * 1e-9
        print(String(format: "swift steps/s %.1f loss %.3g", Double(steps) / seconds, Double(loss)))

        // Medians on both sides, so one slow step or replay does not move the share.
        let stepMedian = median(stepTimes)
        let (gemmTimes, flops) = timeStepGEMMs(repeats: Swift.max(21, steps / 5))
        let gemmMedian = median(gemmTimes)
        print(String(format: "gemm GFLOP/s %.1f (%.1f MFLOP per step in %.3f ms; median step %.3f ms)",
                     flops / gemmMedian * 1e-9, flops * 1e-6, gemmMedian * 1e3, stepMedian * 1e3))
        print(String(format: "outside GEMM %.1f%% of step time", 100 * Swift.max(0, 1 - gemmMedian / stepMedian)))
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted.isEmpty ? .nan : sorted[sorted.count / 2]
    }

    /// Times of one step's GEMMs (forward and backward, both middle layers), split over the
    /// cores by rows exactly as training does; returns (seconds of each repeat, flops).
    static func timeStepGEMMs(repeats: Int) -> ([Double], Double) {
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
        var times: [Double] = []
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
                times.append(Double(DispatchTime.now().uptimeNanoseconds - t0) * 1e-9)
            }
        }
        return (times, flops)
    }
}
