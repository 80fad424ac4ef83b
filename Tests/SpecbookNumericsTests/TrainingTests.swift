import SpecbookNumerics
import XCTest

final class TrainingTests: XCTestCase {
    /// sin(x) + sin(3x) + sin(5x) at n evenly spaced points of [-pi, pi].
    func target(n: Int) -> ([Float], [Float]) {
        let xs = (0..<n).map { Float(-Double.pi + 2 * Double.pi * Double($0) / Double(n - 1)) }
        return (xs, xs.map { sin($0) + sin(3 * $0) + sin(5 * $0) })
    }

    func testFullBatchAdamFitsThreeFrequencies() throws {
        // 1-100-100-1 tanh, 500 points, Adam lr 3e-3, 1500 epochs: about 1 s here.
        let (xs, ys) = target(n: 500)
        var net = try MLP<Float>(widths: [1, 100, 100, 1], activation: .tanh, seed: 0)
        var reports: [Int] = []
        let history = try net.train(inputs: xs, targets: ys, optimizer: Adam(learningRate: 3e-3),
                                    options: TrainingOptions(epochs: 1500, reportEvery: 500)) { reports.append($0.epoch) }
        XCTAssertEqual(reports, [500, 1000, 1500])
        XCTAssertEqual(history.epochs, 1500)
        // The target's mean square is 1.5: the fit must explain 99.9% of it (loss below 1.5e-3), a bound with a
        // wide margin on every BLAS kernel (the kernels differ in rounding, so trajectories differ slightly).
        XCTAssertLessThan(history.finalLoss, 1.5e-3)
        let fit = try net.evaluate(at: xs)
        let mse = zip(fit, ys).map { Double($0 - $1) * Double($0 - $1) }.reduce(0, +) / Double(xs.count)
        XCTAssertLessThan(mse, 1e-3)
    }

    func testMiniBatchSGDWithMomentumLearns() throws {
        let (xs, ys) = target(n: 400)
        var net = try MLP<Float>(widths: [1, 64, 64, 1], activation: .tanh, seed: 1)
        let initialLoss = try net.loss(inputs: Matrix(column: xs), targets: Matrix(column: ys))
        let history = try net.train(inputs: xs, targets: ys, optimizer: SGD(learningRate: 0.05, momentum: 0.9),
                                    options: TrainingOptions(epochs: 300, batchSize: 32, seed: 5))
        // Learning, stated as a relative improvement with margin on a robust quantity rather than one kernel's
        // trajectory: the loss on the whole data set falls to under a quarter of where it started (BLAS kernels
        // differ in rounding, and 300 epochs of noisy mini-batch steps amplify that into different paths).
        let finalLoss = try net.loss(inputs: Matrix(column: xs), targets: Matrix(column: ys))
        print("SGD with momentum: whole-data loss \(initialLoss) -> \(finalLoss), last epoch mean \(history.finalLoss)")
        XCTAssertGreaterThan(initialLoss, 1)
        XCTAssertLessThan(finalLoss, initialLoss / 4)
        XCTAssertLessThan(history.finalLoss, Double(initialLoss) / 4)
        XCTAssertEqual(history.epochs, 300)
    }

    func testStopWhenLossBelow() throws {
        let (xs, ys) = target(n: 200)
        var net = try MLP<Float>(widths: [1, 50, 1], activation: .tanh, seed: 2)
        let history = try net.train(inputs: xs, targets: ys, optimizer: Adam(learningRate: 1e-2),
                                    options: TrainingOptions(epochs: 10_000, stopWhenLossBelow: 1.0))
        XCTAssertTrue(history.reachedTargetLoss)
        XCTAssertLessThan(history.finalLoss, 1.0)
        XCTAssertLessThan(history.epochs, 10_000)
    }

    func testSameSeedTrainsBitIdentically() throws {
        // Mini-batches (shuffled by the seed) of 300 rows split over the worker threads.
        let (xs, ys) = target(n: 1000)
        func run() throws -> [UInt32] {
            var net = try MLP<Float>(widths: [1, 40, 40, 1], activation: .tanh, seed: 3)
            try net.train(inputs: xs, targets: ys, optimizer: Adam(learningRate: 1e-3),
                          options: TrainingOptions(epochs: 20, batchSize: 300, seed: 9))
            return net.parameters.map(\.bitPattern)
        }
        XCTAssertEqual(try run(), try run())
    }

    func testNonFiniteLossNamesTheEpoch() throws {
        let (xs, ys) = target(n: 100)
        let net = try MLP<Float>(widths: [1, 20, 1], activation: .relu, seed: 4)
        // A learning rate of 1e6 makes plain gradient descent blow up within a few epochs.
        var trainer = try Trainer(network: net, inputs: Matrix(column: xs), targets: Matrix(column: ys),
                                  optimizer: SGD(learningRate: 1e6))
        var finished = 0
        do {
            for _ in 0..<1000 {
                _ = try trainer.trainEpoch()
                finished += 1
            }
            XCTFail("training did not diverge")
        } catch let error as NumericsError {
            guard case .nonFiniteLoss(let epoch, _) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(epoch, finished + 1)
            XCTAssertGreaterThan(epoch, 1)
            XCTAssertTrue("\(error)".contains("epoch \(epoch)"), "\(error)")
        }
        // A NaN target fails in the first epoch.
        var bad = net
        XCTAssertThrowsError(try bad.train(inputs: [0, 1], targets: [0, .nan], optimizer: Adam<Float>())) { error in
            XCTAssertEqual((error as? NumericsError).map { "\($0)" }, "training diverged: loss is nan at epoch 1 (try a smaller learning rate)")
        }
    }

    func testDataErrors() throws {
        var net = try MLP<Float>(widths: [1, 8, 1], seed: 0)
        XCTAssertThrowsError(try net.train(inputs: [], targets: [], optimizer: Adam<Float>())) { error in
            XCTAssertEqual(error as? NumericsError, .emptyData(operation: "training"))
        }
        XCTAssertThrowsError(try net.train(inputs: [1, 2, 3], targets: [1, 2], optimizer: Adam<Float>())) { error in
            XCTAssertEqual(error as? NumericsError, .sampleCountMismatch(inputs: 3, targets: 2))
        }
        XCTAssertThrowsError(try net.train(inputs: Matrix(rows: 3, columns: 2), targets: Matrix(rows: 3, columns: 1),
                                           optimizer: Adam<Float>())) { error in
            XCTAssertTrue("\(error)".contains("3×2 and 1×8"), "\(error)")
        }
        XCTAssertThrowsError(try net.train(inputs: [1, 2], targets: [1, 2], optimizer: Adam<Float>(),
                                           options: TrainingOptions(batchSize: 0)))
    }
}
