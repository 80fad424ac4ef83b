import Foundation
import SpecbookNumerics
import XCTest

final class FrequencyPrincipleTests: XCTestCase {
    /// Errors of three peaks at epochs 1, 2, 5, 10, 20: the first below 0.05 at epoch 2, the second at 10,
    /// the third never.
    func run() -> TrainingCheckpoints {
        var run = TrainingCheckpoints()
        run.epochs = [1, 2, 5, 10, 20]
        run.observations = [[0.9, 1, 1], [0.04, 0.9, 1], [0.01, 0.5, 1], [0.02, 0.049, 0.8], [0.001, 0.01, 0.06]]
        return run
    }

    func testLearningEpochsAreTheFirstCrossings() {
        let order = LearningOrder(run(), below: 0.05)
        XCTAssertEqual(order.epochs, [2, 10, nil])
        XCTAssertFalse(order.isLowToHigh, "a peak never learned is not low to high")
        XCTAssertNil(order.span)
        XCTAssertEqual(order.described(within: 20), ["2", "10", "not within 20"])
        let looser = LearningOrder(run(), below: 0.1)
        XCTAssertEqual(looser.epochs, [2, 10, 20])
        XCTAssertTrue(looser.isLowToHigh)
        XCTAssertEqual(looser.span ?? 0, 10, accuracy: 0)
    }

    func testDocumentationExample() {
        var run = TrainingCheckpoints()
        run.epochs = [10, 100, 1000, 4000]
        run.observations = [[0.5, 1, 1], [0.01, 0.3, 1], [0, 0.02, 0.4], [0, 0.01, 0.03]]
        let order = LearningOrder(run, below: 0.05)
        XCTAssertEqual(order.epochs, [100, 1000, 4000])
        XCTAssertTrue(order.isLowToHigh)
        XCTAssertEqual(order.span, 40)
        XCTAssertEqual(order.described(within: 4000), ["100", "1000", "4000"])
    }

    func testOrderNeedsStrictIncrease() {
        XCTAssertFalse(LearningOrder(epochs: [5, 5, 9]).isLowToHigh)
        XCTAssertFalse(LearningOrder(epochs: [9, 5, 12]).isLowToHigh)
        XCTAssertTrue(LearningOrder(epochs: [1, 5, 12]).isLowToHigh)
        XCTAssertTrue(LearningOrder(TrainingCheckpoints(), below: 1).epochs.isEmpty)
        var nan = TrainingCheckpoints()
        nan.epochs = [1]
        nan.observations = [[.nan]]
        XCTAssertEqual(LearningOrder(nan, below: 1).epochs, [nil])
    }

    func testRadialRelativeErrorOfScaledAndMissingModes() throws {
        let n = 16
        let x = periodicGrid(count: n, over: 0...1)
        // f(x, y) = sin(2π 3 x) + cos(2π 4 y): rings r = 3 and r = 4.
        let f = (0..<n * n).map { sin(2 * .pi * 3 * x[$0 % n]) + cos(2 * .pi * 4 * x[$0 / n]) }
        let half = (0..<n * n).map { 0.5 * sin(2 * .pi * 3 * x[$0 % n]) + cos(2 * .pi * 4 * x[$0 / n]) }
        let errors = try FrequencySpectrum.radialRelativeError(of: half, to: f, rows: n, columns: n, at: [3, 4])
        XCTAssertEqual(errors[0], 0.5, accuracy: 1e-12)
        XCTAssertEqual(errors[1], 0, accuracy: 1e-12)
        let zero = try FrequencySpectrum.radialRelativeError(of: [Double](repeating: 0, count: n * n), to: f,
                                                             rows: n, columns: n, at: [3, 4])
        XCTAssertEqual(zero[0], 1, accuracy: 1e-12)
        XCTAssertEqual(zero[1], 1, accuracy: 1e-12)
        // A mode the target lacks: its relative error is unbounded (the target's ring is zero up to rounding).
        let extra = (0..<n * n).map { f[$0] + sin(2 * .pi * 5 * x[$0 % n]) }
        let unbounded = try FrequencySpectrum.radialRelativeError(of: extra, to: f, rows: n, columns: n, at: [5])
        XCTAssertGreaterThan(unbounded[0], 1e6)
    }

    func testRadialRelativeErrorRejectsBadInput() {
        let f = [Double](repeating: 1, count: 16)
        XCTAssertThrowsError(try FrequencySpectrum.radialRelativeError(of: [1], to: f, rows: 4, columns: 4, at: [0]))
        XCTAssertThrowsError(try FrequencySpectrum.radialRelativeError(of: f, to: f, rows: 4, columns: 4, at: [3]))
    }

    func testPeriodicGridPutsSinesAtTheirIndex() throws {
        XCTAssertEqual(periodicGrid(count: 4, over: -Double.pi...Double.pi), [-Double.pi, -Double.pi / 2, 0, Double.pi / 2])
        XCTAssertEqual(periodicGrid(count: 2, over: 0...1, offset: 0.5), [0.25, 0.75])
        XCTAssertEqual(periodicGrid(count: 0, over: 0...1), [])
        let xs = periodicGrid(count: 64, over: -Double.pi...Double.pi)
        let spectrum = try FrequencySpectrum(uniformSamples: xs.map { sin($0) + sin(3 * $0) + sin(5 * $0) })
        XCTAssertEqual(spectrum.peakFrequencies(), [1, 3, 5])
    }
}
