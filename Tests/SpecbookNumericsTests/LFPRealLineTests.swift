import Foundation
import SpecbookNumerics
import XCTest

final class LFPRealLineTests: XCTestCase {
    let initialization = ReLUInitialization.uniform(weightRange: 3, outputRange: 0.1)

    func testUnitPeriodAndDensityIsTheTorusWeight() throws {
        // With L = 1 and ρ_b = 1 the weight is the library's `.twoLayerReLU` (including w(0) = w(1)).
        let line = try LFPWeight.twoLayerReLU(initialization, biasDensity: 1, period: 1)
        let torus = LFPWeight.twoLayerReLU(initialization)
        for k in [0, 1, 2, 7, 100, -3] {
            let expected = try torus.value(at: [k]), value = try line.value(at: [k])
            XCTAssertEqual(value, expected, accuracy: 1e-12 * expected, "k = \(k)")
        }
    }

    func testPeriodAndDensityScaleTheTwoTerms() throws {
        let (c1, c2) = try initialization.gammaSquaredConstants(dimension: 1)
        let weight = try LFPWeight.twoLayerReLU(initialization, biasDensity: 0.5, period: 2)
        // w(3)^-1 = 0.5 (c1 · 8 / 81 + c2 · 2 / 9)
        let expected = 1 / (0.5 * (c1 * 8 / 81 + c2 * 2 / 9))
        XCTAssertEqual(try weight.value(at: [3]), expected, accuracy: 1e-12 * expected)
        XCTAssertEqual(try weight.value(at: [0]), try weight.value(at: [1]))
        XCTAssertThrowsError(try LFPWeight.twoLayerReLU(initialization, biasDensity: 0, period: 2))
        XCTAssertThrowsError(try LFPWeight.twoLayerReLU(initialization, biasDensity: 1, period: .infinity))
    }

    func testTimeOfOnePointFlowIsTheClosedForm() throws {
        // One point: loss(t) = y² e^{-2λt} / 2, so the loss falls to f of its start at t = −ln f / (2λ).
        let solver = try LFPSolver(dimension: 1, cutoff: 64, weight: .sobolev(alpha: 2))
        let flow = try LFPDynamics(solver: solver, points: [0.3], targets: [0.7])
        let lambda = flow.eigenvalues[0]
        for f in [0.5, 1e-2, 1e-6] {
            XCTAssertEqual(try flow.time(whereLossFallsTo: f), -log(f) / (2 * lambda), accuracy: 1e-10 * -log(f) / lambda)
        }
        XCTAssertEqual(try flow.time(whereLossFallsTo: 1), 0)
        XCTAssertEqual(try flow.time(whereLossFallsTo: 0), .infinity)
        XCTAssertThrowsError(try flow.time(whereLossFallsTo: .nan))
    }

    func testTimeOfManyPointFlowMeetsTheLoss() throws {
        let weight = try LFPWeight.twoLayerReLU(initialization, biasDensity: 1.0 / 6, period: 16)
        let map = TorusMap(center: -0.35, period: 16)
        let flow = try LFPDynamics(solver: LFPSolver(dimension: 1, cutoff: 4096, weight: weight),
                                   points: map([-0.8, -0.6, -0.3, -0.06, 0.1]), targets: [0.25, -0.25, -0.07, 0.15, -0.05])
        let start = try flow.loss(at: 0)
        for f in [0.3, 0.03, 0.003] {
            let t = try flow.time(whereLossFallsTo: f)
            XCTAssertEqual(try flow.loss(at: t), f * start, accuracy: 1e-9 * f * start)
            XCTAssertGreaterThan(try flow.loss(at: t * (1 - 1e-6)), f * start)
        }
    }
}
