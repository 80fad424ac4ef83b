import SpecbookNumerics
import XCTest

/// Least-squares lines against closed forms, and the sampler with a minimum gap.
final class LineFitTests: XCTestCase {
    func testExactLineAndItsStatistics() throws {
        let fit = try LineFit(x: [0, 1, 2, 3], y: [1, 3, 5, 7])
        XCTAssertEqual(fit.slope, 2, accuracy: 1e-15)
        XCTAssertEqual(fit.intercept, 1, accuracy: 1e-15)
        XCTAssertEqual(fit.slopeError, 0, accuracy: 1e-15)
        XCTAssertEqual(fit.rSquared, 1, accuracy: 1e-15)
    }

    func testNoisyLineMatchesTheTextbookFormulas() throws {
        // y = 1 + 2x + e with e = (+1, -1, -1, +1): x̄ = 1.5, Sxx = 5, Sxy = 10, slope 2, residuals ±1.
        let fit = try LineFit(x: [0, 1, 2, 3], y: [2, 2, 4, 8])
        XCTAssertEqual(fit.slope, 2, accuracy: 1e-14)
        XCTAssertEqual(fit.intercept, 1, accuracy: 1e-14)
        // se = sqrt(Σe² / (n - 2) / Sxx) = sqrt(4 / 2 / 5); R² = 1 - 4 / Syy with Syy = 24.
        XCTAssertEqual(fit.slopeError, (0.4).squareRoot(), accuracy: 1e-14)
        XCTAssertEqual(fit.rSquared, 1 - 4.0 / 24, accuracy: 1e-14)
    }

    func testPowerLawExponentAndEdgeCases() throws {
        let ks: [Double] = [64, 128, 256, 512]
        XCTAssertEqual(try LineFit.powerLaw(x: ks, y: ks.map { 3 * pow($0, -0.75) }).slope, -0.75, accuracy: 1e-12)
        XCTAssertEqual(LFPCriticalRate.fittedExponent(cutoffs: [64, 128, 256], norms: [1, 0.5, 0.25]), -1, accuracy: 1e-12)
        XCTAssertTrue(LFPCriticalRate.fittedExponent(cutoffs: [64], norms: [1]).isNaN)
        XCTAssertTrue(try LineFit(x: [0, 1], y: [0, 1]).slopeError.isNaN, "two points: no residual degree of freedom")
        XCTAssertEqual(try LineFit(x: [0, 1, 2], y: [4, 4, 4]).rSquared, 1)
        XCTAssertThrowsError(try LineFit(x: [1], y: [1]))
        XCTAssertThrowsError(try LineFit(x: [1, 2], y: [1]))
        XCTAssertThrowsError(try LineFit(x: [2, 2, 2], y: [1, 2, 3]))
    }

    func testPointsKeepTheirGapAndFollowTheSeed() throws {
        var rng = SeededGenerator(seed: 3)
        let points = try rng.points(count: 20, dimension: 2, minimumGap: 0.1, in: 0.15...0.85)
        XCTAssertEqual(points.count, 40)
        XCTAssertTrue(points.allSatisfy { (0.15...0.85).contains($0) })
        for i in 0..<20 {
            for j in (i + 1)..<20 {
                let d = ((points[2 * i] - points[2 * j]) * (points[2 * i] - points[2 * j])
                         + (points[2 * i + 1] - points[2 * j + 1]) * (points[2 * i + 1] - points[2 * j + 1])).squareRoot()
                XCTAssertGreaterThanOrEqual(d, 0.1)
            }
        }
        var again = SeededGenerator(seed: 3)
        XCTAssertEqual(try again.points(count: 20, dimension: 2, minimumGap: 0.1, in: 0.15...0.85), points)
        var crowded = SeededGenerator(seed: 1)
        XCTAssertThrowsError(try crowded.points(count: 50, dimension: 1, minimumGap: 0.5, maximumDraws: 10_000))
    }
}

/// Checkpoint epochs and centring against cases worked out by hand.
final class SamplingTests: XCTestCase {
    func testLogSpacedEpochs() {
        XCTAssertEqual(logSpacedEpochs(upTo: 5, dense: 10, perDecade: 3), [1, 2, 3, 4, 5])
        // From 10, three per decade: 10·10^(1/3) = 21.5 → 22, 46.4 → 46, 100, then the last epoch.
        XCTAssertEqual(logSpacedEpochs(upTo: 120, dense: 10, perDecade: 3), Array(1...10) + [22, 46, 100, 120])
        XCTAssertEqual(logSpacedEpochs(upTo: 0, dense: 10, perDecade: 3), [])
        let many = logSpacedEpochs(upTo: 10_000, dense: 100, perDecade: 60)
        XCTAssertEqual(many.first, 1)
        XCTAssertEqual(many.last, 10_000)
        XCTAssertEqual(many.count, Set(many).count)
        XCTAssertEqual(many.filter { $0 > 1000 }.count, 60, "one decade, 60 checkpoints")
    }

    func testCentred() {
        XCTAssertEqual(centred([1, 2, 3, 6]), [-2, -1, 0, 3])
        XCTAssertEqual(centred([]), [])
    }
}
