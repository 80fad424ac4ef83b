import Foundation
import SpecbookNumerics
import XCTest

final class CriticalRateSweepTests: XCTestCase {
    /// A norm record with the given L2 (sup twice it, measure a half).
    private func norm(_ l2: Double) -> AwayFromDataNorm {
        AwayFromDataNorm(l2: l2, sup: 2 * l2, measure: 0.5)
    }

    func testPredictionAndGridSizeRules() {
        XCTAssertEqual(LFPCriticalRate.prediction(alpha: 0.5, dimension: 1), .trivial)
        XCTAssertEqual(LFPCriticalRate.prediction(alpha: 2, dimension: 2), .borderline)
        XCTAssertEqual(LFPCriticalRate.prediction(alpha: 3.5, dimension: 3), .regular)
        XCTAssertEqual(LFPCriticalRate.gridSize(dimension: 1, cutoff: 256), 4096)
        XCTAssertEqual(LFPCriticalRate.gridSize(dimension: 1, cutoff: 65536), 262_144)
        XCTAssertEqual(LFPCriticalRate.gridSize(dimension: 2, cutoff: 128), 512)
        XCTAssertEqual(LFPCriticalRate.gridSize(dimension: 2, cutoff: 1024), 2048)
        XCTAssertEqual(LFPCriticalRate.gridSize(dimension: 3, cutoff: 64), 128)
        XCTAssertEqual(LFPCriticalRate.gridSize(dimension: 3, cutoff: 0), 2)
    }

    func testDerivedQuantitiesOfAPowerLawSweepMatchClosedForms() throws {
        // Norms 5 K^-0.7 and G_K(0) = sqrt(K), given out of order; the fit range drops K = 8.
        let cutoffs = [64, 8, 16, 128, 32]
        let sweep = try LFPCriticalRate.Sweep(dimension: 1, alpha: 0.3, cutoffs: cutoffs,
                                              norms: cutoffs.map { norm(5 * pow(Double($0), -0.7)) },
                                              kernelAtZero: cutoffs.map { Double($0).squareRoot() }, fitFrom: 16)
        XCTAssertEqual(sweep.cutoffs, [8, 16, 32, 64, 128])
        XCTAssertEqual(sweep.fit.cutoffs, [16, 32, 64, 128])
        XCTAssertEqual(sweep.fit.l2Exponent, -0.7, accuracy: 1e-12)
        XCTAssertEqual(sweep.fit.supExponent, -0.7, accuracy: 1e-12)
        XCTAssertEqual(sweep.fit.regime, .trivial)
        XCTAssertEqual(sweep.prediction, .trivial)
        XCTAssertEqual(sweep.kernelExponent, -0.5, accuracy: 1e-12)
        // sqrt(K) grows by (sqrt 2 - 1) sqrt(K) per doubling: from K = 16 to 64 the increment doubles.
        XCTAssertEqual(sweep.increments.first!, 4 * 2.0.squareRoot() - 4, accuracy: 1e-12)
        XCTAssertEqual(sweep.growthRatio, 2, accuracy: 1e-12)
        XCTAssertTrue(sweep.normFalls)
        XCTAssertEqual(sweep.fittedNorm(at: 100), 5 * pow(100, -0.7), accuracy: 1e-12)
    }

    func testInverseNormAffineInKernelAtZeroHasZeroResidual() throws {
        // 1/norm = 2 + 3 G exactly, with G growing by 0.25 per doubling (a logarithmic divergence).
        let cutoffs = [32, 64, 128, 256]
        let g = cutoffs.map { 1 + 0.25 * log2(Double($0)) }
        let sweep = try LFPCriticalRate.Sweep(dimension: 2, alpha: 2, cutoffs: cutoffs, norms: g.map { norm(1 / (2 + 3 * $0)) },
                                              kernelAtZero: g, fitFrom: 0)
        XCTAssertEqual(sweep.inverseNormFit.slope, 3, accuracy: 1e-9)
        XCTAssertEqual(sweep.inverseNormFit.intercept, 2, accuracy: 1e-9)
        XCTAssertLessThan(sweep.inverseNormResidual, 1e-12)
        XCTAssertEqual(sweep.growthRatio, 1, accuracy: 1e-12)
        XCTAssertEqual(sweep.prediction, .borderline)
        // A bent curve leaves a residual: 1/norm = 2 + 3 G^2.
        let bent = try LFPCriticalRate.Sweep(dimension: 2, alpha: 2, cutoffs: cutoffs,
                                             norms: g.map { norm(1 / (2 + 3 * $0 * $0)) }, kernelAtZero: g, fitFrom: 0)
        XCTAssertGreaterThan(bent.inverseNormResidual, 1e-3)
    }

    func testSweepRejectsTooShortAFitRangeAndMismatchedCounts() {
        XCTAssertThrowsError(try LFPCriticalRate.Sweep(dimension: 1, alpha: 1, cutoffs: [8, 16, 32], norms: [norm(1), norm(0.5), norm(0.2)],
                                                       kernelAtZero: [1, 2, 3], fitFrom: 32))
        XCTAssertThrowsError(try LFPCriticalRate.Sweep(dimension: 1, alpha: 1, cutoffs: [8, 16], norms: [norm(1)],
                                                       kernelAtZero: [1, 2], fitFrom: 0))
        let two = try? LFPCriticalRate.Sweep(dimension: 1, alpha: 1, cutoffs: [8, 16], norms: [norm(1), norm(0.5)],
                                             kernelAtZero: [1, 2], fitFrom: 0)
        XCTAssertTrue(two?.growthRatio.isNaN ?? false, "one increment gives no ratio")
    }

    func testSweepMeasuresKernelAtZeroAndNormsAsTheSolverDoes() throws {
        // At alpha = d = 1, G_K(0) = sum_{|k| <= K} (1 + 4 pi^2 k^2)^(-1/2) grows by about ln 2 / pi per doubling.
        let cutoffs = [32, 64, 128, 256, 512]
        let points = [0.25, 0.75], values = [0.9, 0.9]
        let sweep = try LFPCriticalRate.sweep(dimension: 1, alpha: 1, cutoffs: cutoffs, fitFrom: 64, points: points,
                                              values: values, radius: 0.05)
        for (K, g) in zip(cutoffs, sweep.kernelAtZero) {
            let direct = (-K...K).reduce(0.0) { $0 + 1 / (1 + 4 * Double.pi * Double.pi * Double($1 * $1)).squareRoot() }
            XCTAssertEqual(g, direct, accuracy: 1e-12 * direct)
        }
        XCTAssertEqual(sweep.increments.last!, log(2) / Double.pi, accuracy: 0.01 * log(2) / Double.pi)
        XCTAssertEqual(sweep.growthRatio, 1, accuracy: 0.05)
        // The fit range is what `measure` sees on the same grid.
        let measured = try LFPCriticalRate.measure(dimension: 1, alpha: 1, cutoffs: Array(cutoffs.dropFirst()), points: points,
                                                   values: values, radius: 0.05, gridSize: LFPCriticalRate.gridSize(dimension: 1, cutoff: 512))
        XCTAssertEqual(sweep.fit.norms, measured.norms)
        XCTAssertEqual(sweep.fit.l2Exponent, measured.l2Exponent)
        XCTAssertTrue(sweep.normFalls)
        XCTAssertLessThan(sweep.inverseNormResidual, 0.02)
    }

    func testScanFromMeasurementsBracketsTheRate() throws {
        let cutoffs = [16, 32, 64]
        func sweep(_ alpha: Double, exponent: Double) throws -> LFPCriticalRate.Sweep {
            try LFPCriticalRate.Sweep(dimension: 1, alpha: alpha, cutoffs: cutoffs, norms: cutoffs.map { norm(pow(Double($0), exponent)) },
                                      kernelAtZero: cutoffs.map(Double.init), fitFrom: 0)
        }
        let scan = LFPCriticalRate.Scan(dimension: 1, measurements: try [sweep(1.5, exponent: 0), sweep(0.5, exponent: -0.5),
                                                                         sweep(0.75, exponent: -0.25), sweep(2, exponent: -0.01)].map(\.fit))
        XCTAssertEqual(scan.measurements.map(\.alpha), [0.5, 0.75, 1.5, 2])
        XCTAssertEqual(scan.lowerBound, 0.75)
        XCTAssertEqual(scan.upperBound, 1.5)
        XCTAssertTrue(scan.isMonotone)
        XCTAssertTrue(scan.brackets(1))
        XCTAssertTrue(scan.brackets(0.75), "an endpoint counts")
        XCTAssertFalse(scan.brackets(1.6))
        let mixed = LFPCriticalRate.Scan(dimension: 1, measurements: try [sweep(0.5, exponent: 0), sweep(1.5, exponent: -1)].map(\.fit))
        XCTAssertFalse(mixed.isMonotone)
        XCTAssertFalse(mixed.brackets(1), "not monotone")
        XCTAssertNil(LFPCriticalRate.Scan(dimension: 1, measurements: []).estimate)
    }

    func testCurveMapsTheGridBackToTheLine() throws {
        let toTorus = TorusMap(period: 2.5)
        let h = try LFPSolver(dimension: 1, cutoff: 64, weight: .sobolev(alpha: 2))
            .interpolate(points: toTorus([-0.5, 0.5]), values: [0.9, -0.3])
        let (x, y) = try h.curve(onGridOfSize: 1000, map: toTorus, window: -1...1)
        // Grid points u = j/1000 with x = 2.5 (u - 0.5) in [-1, 1]: j = 100 ... 900.
        XCTAssertEqual(x.count, 801)
        XCTAssertEqual(x.first!, -1, accuracy: 1e-12)
        XCTAssertEqual(x.last!, 1, accuracy: 1e-12)
        XCTAssertTrue(zip(x, x.dropFirst()).allSatisfy { $0 < $1 })
        let direct = try h.values(at: toTorus(x))
        for (a, b) in zip(y, direct) { XCTAssertEqual(a, b, accuracy: 1e-10) }
        XCTAssertEqual(try h.curve(onGridOfSize: 1000, map: toTorus).x.count, 1000)
        XCTAssertTrue(try h.curve(onGridOfSize: 1000, map: toTorus, window: 5...6).x.isEmpty)
        let plane = try LFPSolver(dimension: 2, cutoff: 4, weight: .sobolev(alpha: 3)).interpolate(points: [0.2, 0.3], values: [1])
        XCTAssertThrowsError(try plane.curve(onGridOfSize: 16, map: toTorus))
    }
}
