import Dispatch
import Foundation
import SpecbookNumerics

/// The report's widest training workload (network-decay-rate's 2-D measurement): a two-layer ReLU
/// network of width 4096 in double precision, full-batch gradient descent on a 64 × 64 grid.
///
/// `specbook-bench wide [STEPS] [WIDTH] [SIDE] [relu|tanh]` prints `wide steps/s X` and `predict/s Y`.
enum WideBenchmark {
    static func run(_ arguments: [String]) throws {
        let steps = arguments.first.flatMap { Int($0) } ?? 20
        let width = arguments.dropFirst().first.flatMap { Int($0) } ?? 4096
        let side = arguments.dropFirst(2).first.flatMap { Int($0) } ?? 64
        let activation = arguments.dropFirst(3).first.flatMap { Activation(rawValue: $0) } ?? .relu
        let packets = try WavePackets(dimension: 2, side: side, frequencies: [4], window: 0.25)
        let net = try MLP<Double>.antisymmetricTwoLayer(
            inputDimension: 2, width: width, activation: activation,
            inputWeights: .normal(mean: 0, standardDeviation: 2), biases: .uniform(-3, 3),
            outputWeights: .uniform(-0.1, 0.1), seed: 1)
        var trainer = try Trainer(
            network: net, inputs: packets.points, targets: Matrix(column: packets.targets[0]),
            optimizer: SGD<Double>(learningRate: 5e-5))
        _ = try trainer.trainEpoch()
        var loss = 0.0
        let start = DispatchTime.now().uptimeNanoseconds
        for _ in 0..<steps { loss = try trainer.trainEpoch() }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) * 1e-9
        let predictStart = DispatchTime.now().uptimeNanoseconds
        for _ in 0..<steps { _ = try trainer.network.predict(packets.points) }
        let predictSeconds = Double(DispatchTime.now().uptimeNanoseconds - predictStart) * 1e-9
        print(String(format: "wide steps/s %.2f loss %.4g (width %d, %d points)", Double(steps) / seconds, loss, width, packets.count))
        print(String(format: "predict/s %.2f", Double(steps) / predictSeconds))
    }
}
