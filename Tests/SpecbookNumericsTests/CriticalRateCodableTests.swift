import Foundation
import SpecbookNumerics
import XCTest

/// Sweeps, scans and measurements of the critical rate read back from JSON exactly as they were measured.
final class CriticalRateCodableTests: XCTestCase {
    private func roundTrip<T: Codable>(_ value: T) throws -> T {
        try JSONDecoder().decode(T.self, from: JSONEncoder().encode(value))
    }

    func testASweepRoundTripsWithItsFitAndLine() throws {
        let sweep = try LFPCriticalRate.sweep(dimension: 1, alpha: 1, cutoffs: [64, 128, 256, 512], fitFrom: 128,
                                              points: [0.25, 0.75], values: [0.9, 0.9], radius: 0.05)
        let again = try roundTrip(sweep)
        XCTAssertEqual(again, sweep)
        XCTAssertEqual(again.inverseNormFit, sweep.inverseNormFit)
        XCTAssertEqual(again.inverseNormResidual.bitPattern, sweep.inverseNormResidual.bitPattern)
        XCTAssertEqual(again.growthRatio.bitPattern, sweep.growthRatio.bitPattern)
        XCTAssertEqual(again.fit.regime, sweep.fit.regime)
    }

    func testAScanAndAMeasurementRoundTrip() throws {
        let scan = try LFPCriticalRate.scan(dimension: 1, alphas: [0.5, 1.5], cutoffs: [64, 128, 256],
                                            points: [0.25, 0.75], values: [0.9, 0.9], radius: 0.05, gridSize: 2048)
        let again = try roundTrip(scan)
        XCTAssertEqual(again, scan)
        XCTAssertEqual(again.estimate, scan.estimate)
        XCTAssertEqual(try roundTrip(scan.measurements[0]), scan.measurements[0])
        XCTAssertEqual(try roundTrip(AwayFromDataNorm(l2: 0.1, sup: 0.3, measure: 0.7)),
                       AwayFromDataNorm(l2: 0.1, sup: 0.3, measure: 0.7))
    }

    func testAStoredSweepWhoseFitDoesNotMatchItsCutoffsIsAnError() throws {
        let sweep = try LFPCriticalRate.sweep(dimension: 1, alpha: 2, cutoffs: [64, 128, 256], points: [0.25, 0.75],
                                              values: [0.9, 0.9], radius: 0.05)
        var object = try XCTUnwrap(JSONSerialization.jsonObject(with: JSONEncoder().encode(sweep)) as? [String: Any])
        object["cutoffs"] = [64, 128]
        let broken = try JSONSerialization.data(withJSONObject: object)
        XCTAssertThrowsError(try JSONDecoder().decode(LFPCriticalRate.Sweep.self, from: broken))
    }
}
