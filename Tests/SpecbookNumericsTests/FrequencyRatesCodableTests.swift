import Foundation
import SpecbookNumerics
import XCTest

/// A measurement as data: stored and read back (as a notebook's `cached` does) it is the same measurement.
final class FrequencyRatesCodableTests: XCTestCase {
    func testAMeasurementReadsBackEqualWithItsFits() throws {
        let m = FrequencyRates(frequencies: [3, 4, 6, 8], rates: [0.1, 0.031, 7.3e-3, 1e-12],
                               timeFitR2: [0.999, 0.998, 0.99, 0.5], decays: [[0, 0.1, 0.2], [0, 0.03, 0.06]],
                               sampledSteps: [0, 1, 2], largestStepEigenvalue: 12.5, floor: 1e-10,
                               seconds: 1.25)
        let again = try JSONDecoder().decode(FrequencyRates.self, from: JSONEncoder().encode(m))
        XCTAssertEqual(again, m)
        XCTAssertEqual(again.resolvedIndices, [0, 1, 2])
        XCTAssertEqual(try XCTUnwrap(again.powerLaw()).slope, try XCTUnwrap(m.powerLaw()).slope)
    }

    func testDefaultsWithNaNReadBackThroughNonConformingStrings() throws {
        let m = FrequencyRates(frequencies: [1, 2], rates: [1, 0.25])   // largestStepEigenvalue is NaN
        let encoder = JSONEncoder(), decoder = JSONDecoder()
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf",
                                                                       negativeInfinity: "-inf", nan: "nan")
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf",
                                                                         negativeInfinity: "-inf", nan: "nan")
        let again = try decoder.decode(FrequencyRates.self, from: encoder.encode(m))
        XCTAssertTrue(again.largestStepEigenvalue.isNaN)
        XCTAssertEqual(again.rates, m.rates)
        XCTAssertEqual(again.frequencies, m.frequencies)
    }
}
