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

    // The source study's experiments (DESIGN.md).
    /// (a) 1-D, M = 1000, x = -0.5, 0.5 on a period of 2 (torus points 0.25, 0.75), y = 0.9, alpha in {0.1, 1, 10}.
    func testSourceStudy1DNeedlesTailsAndBump() throws {
        // h at distances 0.0025, 0.01, 0.05 and 0.25 (midway) from the point 0.25, on a grid of 4000.
        var profiles: [[Double]] = []
        for alpha in [0.1, 1, 10] {
            let h = try LFPSolver(dimension: 1, cutoff: 1000, weight: .sobolev(alpha: alpha, frequencyScale: 0.5))
                .interpolate(points: [0.25, 0.75], values: [0.9, 0.9])
            let grid = try h.values(onGridOfSize: 4000)
            XCTAssertEqual(grid[1000], 0.9, accuracy: 1e-9)
            profiles.append([1010, 1040, 1200, 2000].map { grid[$0] })
        }
        // alpha = 0.1: needles, already about 1% of y a hair away from the data.
        XCTAssertLessThan(profiles[0][0], 0.02)
        XCTAssertLessThan(profiles[0][3], 0.002)
        // alpha = d = 1: needles with slowly decaying tails.
        XCTAssertGreaterThan(profiles[1][0], 0.4)
        XCTAssertGreaterThan(profiles[1][2], 0.05)
        XCTAssertLessThan(profiles[1][3], 0.02)
        // alpha = 10: a smooth bump.
        XCTAssertGreaterThan(profiles[2][2], 0.88)
        XCTAssertGreaterThan(profiles[2][3], 0.75)
    }

    /// (b) 2-D, M = 100, 20 points in [-1, 1]^2 on a period of 4 (dxi = 0.25), alpha in {0.1, 2, 10}.
    func testSourceStudy2DTwentyPointsWithSteepWeight() throws {
        var rng = SeededGenerator(seed: 1)
        let points = (0..<40).map { _ in (Double.random(in: -1...1, using: &rng) + 2) / 4 }
        let values = (0..<20).map { _ in Double.random(in: -1...1, using: &rng) }
        for alpha in [0.1, 2, 10] {
            let h = try LFPSolver(dimension: 2, cutoff: 100, weight: .sobolev(alpha: alpha, frequencyScale: 0.25))
                .interpolate(points: points, values: values)
            let atData = try h.values(at: points)
            for i in 0..<20 { XCTAssertEqual(atData[i], values[i], accuracy: 1e-8, "alpha = \(alpha), cond = \(h.conditionEstimate)") }
        }
    }
}
