import SpecbookNumerics
import XCTest

final class CheckpointTests: XCTestCase {
    func data() -> (Matrix<Float>, Matrix<Float>) {
        let xs = (0..<64).map { Float(-1 + 2 * Double($0) / 63) }
        return (Matrix(column: xs), Matrix(column: xs.map { sin(3 * $0) }))
    }

    func testCheckpointsMatchAHandWrittenLoop() throws {
        let (x, y) = data()
        let net = try MLP<Float>(widths: [1, 16, 1], activation: .tanh, seed: 4)
        var manual = try Trainer(network: net, inputs: x, targets: y, optimizer: Adam<Float>(learningRate: 1e-2))
        var expectedLosses: [Double] = [], expectedOutputs: [[Double]] = []
        for epoch in 1...50 {
            let loss = try manual.trainEpoch()
            if [3, 10, 50].contains(epoch) {
                expectedLosses.append(Double(loss))
                expectedOutputs.append(try manual.network.predict(x).elements.prefix(2).map(Double.init))
            }
        }
        var trainer = try Trainer(network: net, inputs: x, targets: y, optimizer: Adam<Float>(learningRate: 1e-2))
        // 0, 60 (beyond the run) and the repeated 10 are ignored.
        let run = try trainer.train(epochs: 50, checkpoints: [50, 10, 3, 10, 0, 60]) { _, network in
            try network.predict(x).elements.prefix(2).map(Double.init)
        }
        XCTAssertEqual(run.epochs, [3, 10, 50])
        XCTAssertEqual(run.losses, expectedLosses)
        XCTAssertEqual(run.observations, expectedOutputs)
        XCTAssertEqual(run.series(1), expectedOutputs.map { $0[1] })
        XCTAssertTrue(run.series(5).allSatisfy(\.isNaN))
        XCTAssertFalse(run.stoppedEarly)
        XCTAssertEqual(trainer.epoch, 50)
        XCTAssertEqual(trainer.network.parameters, manual.network.parameters)
    }

    func testEveryEpochIsTrainedPastTheLastCheckpoint() throws {
        let (x, y) = data()
        let net = try MLP<Float>(widths: [1, 8, 1], activation: .tanh, seed: 1)
        var trainer = try Trainer(network: net, inputs: x, targets: y, optimizer: SGD<Float>(learningRate: 0.1))
        let run = try trainer.train(epochs: 20, checkpoints: [5]) { epoch, _ in [Double(epoch)] }
        XCTAssertEqual(run.epochs, [5])
        XCTAssertEqual(trainer.epoch, 20)
    }

    func testStopEndsTheRunAndFirstEpochFindsTheCrossing() throws {
        let (x, y) = data()
        let net = try MLP<Float>(widths: [1, 8, 1], activation: .tanh, seed: 1)
        var trainer = try Trainer(network: net, inputs: x, targets: y, optimizer: SGD<Float>(learningRate: 0.1))
        // The observer reports 1/epoch: below 0.15 first at epoch 7, and the run stops at the first value below 0.1.
        let run = try trainer.train(epochs: 100, checkpoints: Array(1...100), stop: { $0.last![0] < 0.1 }) { epoch, _ in
            [1 / Double(epoch)]
        }
        XCTAssertTrue(run.stoppedEarly)
        XCTAssertEqual(run.epochs.last, 11)
        XCTAssertEqual(trainer.epoch, 11)
        XCTAssertEqual(run.firstEpoch(series: 0, below: 0.15), 7)
        XCTAssertNil(run.firstEpoch(series: 0, below: 0.01))
    }

    func testLogEvenColumnsTakeTheLastCheckpointAtOrBefore() {
        var run = TrainingCheckpoints()
        run.epochs = [1, 10, 100]
        run.observations = [[1], [2], [3]]
        // Column c sits at epoch 100^((c + 0.5) / 4): 1.78, 5.6, 17.8, 56.2.
        XCTAssertEqual(run.logEvenColumns(series: 0, columns: 4), [1, 1, 2, 2])
        XCTAssertEqual(TrainingCheckpoints().logEvenColumns(series: 0, columns: 4), [])
    }
}
