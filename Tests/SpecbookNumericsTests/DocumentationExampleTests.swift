import Foundation
import SpecbookNumerics
import XCTest

/// The examples in the doc comments, run as written (shortened only where they train for long).
final class DocumentationExampleTests: XCTestCase {
    func testMatrixAndCholeskyExamples() throws {
        let a = try Matrix<Double>([[1, 2], [3, 4]])
        let b = try a * a.transposed()
        XCTAssertEqual(b[1, 0], 11)
        XCTAssertEqual("\(b.shape)", "2×2")
        let spd = try Matrix<Double>([[4, 2], [2, 3]])
        let chol = try Cholesky(spd)
        let x = try chol.solve([2, 1])
        XCTAssertEqual(x[0], 0.5, accuracy: 1e-15)
        XCTAssertGreaterThan(chol.reciprocalConditionNumber(), 0.1)
        let gram = try a.multiplied(by: a, transposingSelf: true)
        XCTAssertEqual(gram, try Matrix([[10, 14], [14, 20]]))
    }

    func testMLPExample() throws {
        // The MLP doc example with 200 epochs instead of 2000 (about 0.5 s).
        let xs = (0..<1000).map { -Float.pi + 2 * Float.pi * Float($0) / 999 }
        let ys = xs.map { sin($0) + sin(3 * $0) + sin(5 * $0) }
        var net = try MLP<Float>(widths: [1, 200, 200, 100, 1], activation: .tanh, seed: 0)
        var reported: [Int] = []
        let history = try net.train(inputs: xs, targets: ys, optimizer: Adam(learningRate: 1e-3),
                                    options: TrainingOptions(epochs: 200, reportEvery: 50)) { progress in
            reported.append(progress.epoch)
        }
        let fit = try net.evaluate(at: xs)
        XCTAssertEqual(reported, [50, 100, 150, 200])
        XCTAssertEqual(fit.count, 1000)
        XCTAssertLessThan(history.finalLoss, history.losses[0])
    }

    func testTrainerExample() throws {
        let xs = (0..<200).map { Float($0) / 199 }
        let x = Matrix(column: xs), y = Matrix(column: xs.map { $0 * $0 })
        let net = try MLP<Float>(widths: [1, 32, 1], seed: 1)
        var trainer = try Trainer(network: net, inputs: x, targets: y, optimizer: Adam(learningRate: 1e-3))
        var last: Float = .infinity
        for _ in 1...50 { last = try trainer.trainEpoch() }
        XCTAssertEqual(trainer.epoch, 50)
        XCTAssertTrue(last.isFinite)
        XCTAssertEqual(trainer.network.parameterCount, net.parameterCount)
    }
}
