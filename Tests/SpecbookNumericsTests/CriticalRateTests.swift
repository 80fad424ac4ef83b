import Foundation
import SpecbookNumerics
import XCTest

final class CriticalRateTests: XCTestCase {
    // The source study's 1-D data mapped to the torus: x = -0.5, 0.5 -> 0.25, 0.75.
    let points1D = [0.25, 0.75], values1D = [0.9, 0.9]

    func testFittedExponentOfAPowerLaw() {
        let cutoffs = [8, 16, 32, 64]
        XCTAssertEqual(LFPCriticalRate.fittedExponent(cutoffs: cutoffs, norms: cutoffs.map { 3 * pow(Double($0), -0.7) }), -0.7, accuracy: 1e-12)
    }

    func testAwayNormDecaysBelowTheCriticalRateAndConvergesAboveIn1D() throws {
        let cutoffs = [32, 64, 128, 256, 512]
        let trivial = try LFPCriticalRate.measure(dimension: 1, alpha: 0.5, cutoffs: cutoffs, points: points1D, values: values1D,
                                                  radius: 0.05, gridSize: 2048)
        let regular = try LFPCriticalRate.measure(dimension: 1, alpha: 2, cutoffs: cutoffs, points: points1D, values: values1D,
                                                  radius: 0.05, gridSize: 2048)
        print("1-D alpha 0.5:", trivial.norms.map(\.l2), trivial.l2Exponent, trivial.supExponent)
        print("1-D alpha 2:", regular.norms.map(\.l2), regular.l2Exponent, regular.supExponent)
        for (a, b) in zip(trivial.norms, trivial.norms.dropFirst()) { XCTAssertLessThan(b.l2, a.l2); XCTAssertLessThan(b.sup, a.sup) }
        // Theory: ||h_K||_away ~ K^-(d - alpha) = K^-0.5.
        XCTAssertEqual(trivial.l2Exponent, -0.5, accuracy: 0.1)
        XCTAssertEqual(trivial.regime, .trivial)
        XCTAssertEqual(regular.l2Exponent, 0, accuracy: 0.02)
        XCTAssertEqual(regular.regime, .regular)
        // Converges: successive changes shrink.
        let l2 = regular.norms.map(\.l2)
        let changes = zip(l2, l2.dropFirst()).map { abs($1 - $0) }
        for (a, b) in zip(changes, changes.dropFirst()) { XCTAssertLessThan(b, a) }
        XCTAssertLessThan(changes.last! / l2.last!, 1e-3)
    }

    func testAwayNormDecaysBelowTheCriticalRateAndConvergesAboveIn2D() throws {
        var rng = SeededGenerator(seed: 2)
        let points = (0..<20 * 2).map { _ in Double.random(in: 0..<1, using: &rng) }
        let values = (0..<20).map { _ in Double.random(in: -1...1, using: &rng) }
        let cutoffs = [8, 16, 32, 64]
        let trivial = try LFPCriticalRate.measure(dimension: 2, alpha: 1, cutoffs: cutoffs, points: points, values: values,
                                                  radius: 0.03, gridSize: 256)
        let regular = try LFPCriticalRate.measure(dimension: 2, alpha: 4, cutoffs: cutoffs, points: points, values: values,
                                                  radius: 0.03, gridSize: 256)
        print("2-D alpha 1:", trivial.norms.map(\.l2), trivial.l2Exponent, trivial.supExponent)
        print("2-D alpha 4:", regular.norms.map(\.l2), regular.l2Exponent, regular.supExponent)
        for (a, b) in zip(trivial.norms, trivial.norms.dropFirst()) { XCTAssertLessThan(b.l2, a.l2) }
        XCTAssertLessThan(trivial.l2Exponent, -0.5)
        XCTAssertEqual(trivial.regime, .trivial)
        XCTAssertEqual(regular.l2Exponent, 0, accuracy: 0.05)
        XCTAssertEqual(regular.regime, .regular)
    }

    func testScanBracketsTheCriticalAlphaIn1D() throws {
        let scan = try LFPCriticalRate.scan(dimension: 1, alphas: [0.25, 0.5, 0.75, 1, 1.25, 1.5, 2, 3],
                                            cutoffs: [32, 64, 128, 256, 512], points: points1D, values: values1D,
                                            radius: 0.05, gridSize: 2048)
        for m in scan.measurements { print("alpha", m.alpha, "slope", m.l2Exponent, m.regime) }
        XCTAssertTrue(scan.isMonotone)
        let lower = try XCTUnwrap(scan.lowerBound), upper = try XCTUnwrap(scan.upperBound)
        XCTAssertLessThanOrEqual(lower, 1)
        XCTAssertGreaterThanOrEqual(upper, 1)
        XCTAssertLessThanOrEqual(upper - lower, 0.5)
    }

    func testScanBracketsTheCriticalAlphaIn2D() throws {
        var rng = SeededGenerator(seed: 8)
        let points = (0..<10 * 2).map { _ in Double.random(in: 0..<1, using: &rng) }
        let values = (0..<10).map { _ in Double.random(in: -1...1, using: &rng) }
        let scan = try LFPCriticalRate.scan(dimension: 2, alphas: [1, 1.5, 2, 2.5, 3, 4],
                                            cutoffs: [8, 16, 32, 64], points: points, values: values,
                                            radius: 0.03, gridSize: 256)
        for m in scan.measurements { print("2-D alpha", m.alpha, "slope", m.l2Exponent, m.regime) }
        XCTAssertTrue(scan.isMonotone)
        let lower = try XCTUnwrap(scan.lowerBound), upper = try XCTUnwrap(scan.upperBound)
        XCTAssertLessThanOrEqual(lower, 2)
        XCTAssertGreaterThanOrEqual(upper, 2)
    }

    func testAwayMaskRejectsBadRadius() throws {
        let h = try LFPSolver(dimension: 1, cutoff: 8, weight: .sobolev(alpha: 2)).interpolate(points: [0.5], values: [1])
        XCTAssertThrowsError(try h.awayFromDataNorm(radius: 0, gridSize: 64))
        XCTAssertThrowsError(try h.awayFromDataNorm(radius: 0.6, gridSize: 64)) { error in
            XCTAssertTrue("\(error)".contains("leaves no grid point"), "\(error)")
        }
        let away = try h.awayFromDataNorm(radius: 0.25, gridSize: 64)
        XCTAssertEqual(away.measure, 0.5, accuracy: 1.0 / 64 + 1e-12)
    }
}
