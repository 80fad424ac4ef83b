import SpecbookFigures
import XCTest

final class TicksTests: XCTestCase {
    private func assertTicks(_ ticks: AxisTicks, _ values: [Double], _ labels: [String], exponent: Int? = nil,
                             file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(ticks.major.count, values.count, "ticks \(ticks.major)", file: file, line: line)
        for (a, b) in zip(ticks.major, values) {
            XCTAssertEqual(a, b, accuracy: 1e-9 * max(1e-9, abs(b)) + 1e-30, file: file, line: line)
        }
        XCTAssertEqual(ticks.labels, labels, file: file, line: line)
        XCTAssertEqual(ticks.exponent, exponent, file: file, line: line)
    }

    func testUnitRangeStepsByTwoTenths() {
        assertTicks(.linear(0...1), [0, 0.2, 0.4, 0.6, 0.8, 1], ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"])
    }

    func testSmallRangeUsesFiveHundredthsWithEqualDecimals() {
        assertTicks(.linear(0...0.3), [0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3],
                    ["0.00", "0.05", "0.10", "0.15", "0.20", "0.25", "0.30"])
    }

    func testFewerBinsGiveCoarserTicks() {
        assertTicks(.linear(0...0.3, maxBins: 3), [0, 0.1, 0.2, 0.3], ["0.0", "0.1", "0.2", "0.3"])
    }

    func testIntegersNeedNoDecimals() {
        assertTicks(.linear(0...10), [0, 2, 4, 6, 8, 10], ["0", "2", "4", "6", "8", "10"])
        assertTicks(.linear(0...100, maxBins: 4), [0, 25, 50, 75, 100], ["0", "25", "50", "75", "100"])
    }

    func testNoFloatingPointNoiseInLabels() {
        let ticks = AxisTicks.linear(0.1...0.7)
        XCTAssertEqual(ticks.labels, ["0.1", "0.2", "0.3", "0.4", "0.5", "0.6", "0.7"])
    }

    func testNegativeRangeUsesTypographicMinus() {
        assertTicks(.linear(-5...(-1)), [-5, -4.5, -4, -3.5, -3, -2.5, -2, -1.5, -1],
                    ["−5.0", "−4.5", "−4.0", "−3.5", "−3.0", "−2.5", "−2.0", "−1.5", "−1.0"])
    }

    func testSymmetricRangeShowsZeroWithoutSign() {
        let ticks = AxisTicks.linear(-1...1)
        XCTAssertEqual(ticks.labels, ["−1.00", "−0.75", "−0.50", "−0.25", "0.00", "0.25", "0.50", "0.75", "1.00"])
        let around = AxisTicks.linear(-0.3...0.3)
        XCTAssertTrue(around.labels.contains("0.0"), "\(around.labels)")
        XCTAssertFalse(around.labels.contains { $0.hasPrefix("-") || $0 == "−0.0" })
    }

    func testMillionsFactorOutThePowerOfTen() {
        let ticks = AxisTicks.linear(0...2e6)
        assertTicks(ticks, stride(from: 0.0, through: 2e6, by: 2.5e5).map { $0 },
                    ["0.00", "0.25", "0.50", "0.75", "1.00", "1.25", "1.50", "1.75", "2.00"], exponent: 6)
        XCTAssertEqual(ticks.exponentLabel, "×10^{6}")
        // Below a million the values are printed as they are.
        XCTAssertEqual(AxisTicks.linear(0...5e5, maxBins: 5).labels, ["0", "100000", "200000", "300000", "400000", "500000"])
    }

    func testNanoRangesFactorOutNegativePower() {
        let ticks = AxisTicks.linear(0...3e-9)
        assertTicks(ticks, [0, 0.5e-9, 1e-9, 1.5e-9, 2e-9, 2.5e-9, 3e-9], ["0.0", "0.5", "1.0", "1.5", "2.0", "2.5", "3.0"], exponent: -9)
        XCTAssertEqual(ticks.exponentLabel, "×10^{−9}")
    }

    func testTinySpanAroundOneStaysDistinct() {
        let ticks = AxisTicks.linear(1...(1 + 1e-9))
        XCTAssertGreaterThanOrEqual(ticks.major.count, 2)
        XCTAssertEqual(Set(ticks.labels).count, ticks.labels.count, "labels \(ticks.labels) must differ")
    }

    func testZeroWidthRangeIsWidened() {
        assertTicks(.linear(5...5), [4.8, 4.9, 5.0, 5.1, 5.2], ["4.8", "4.9", "5.0", "5.1", "5.2"])
        let zero = AxisTicks.linear(0...0)
        XCTAssertEqual(zero.labels, ["−0.04", "−0.02", "0.00", "0.02", "0.04"])
        XCTAssertEqual(AxisTicks.nonsingular(3, 3).0, 2.85, accuracy: 1e-12)
    }

    func testNonFiniteRangeGivesNoTicks() {
        XCTAssertTrue(AxisTicks.linear(0...Double.infinity).major.isEmpty)
    }

    func testEveryRangeHasAtLeastTwoTicksAndTidyLabels() {
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            let scale = pow(10, Double.random(in: -12...12, using: &rng))
            let a = Double.random(in: -1...1, using: &rng) * scale
            let b = a + Double.random(in: 0.001...10, using: &rng) * scale
            let ticks = AxisTicks.linear(a...b)
            XCTAssertGreaterThanOrEqual(ticks.major.count, 2, "\(a)...\(b)")
            XCTAssertLessThanOrEqual(ticks.major.count, 11, "\(a)...\(b)")
            XCTAssertEqual(Set(ticks.labels).count, ticks.labels.count, "\(a)...\(b): \(ticks.labels)")
            XCTAssertFalse(ticks.labels.contains { $0.hasPrefix("−") && $0.dropFirst().allSatisfy { "0.".contains($0) } })
        }
    }
}
