import SpecbookFigures
import XCTest

final class LogTicksTests: XCTestCase {
    func testDecadesAreLabelledWithSuperscripts() {
        let ticks = AxisTicks.log(1...1000)
        XCTAssertEqual(ticks.major, [1, 10, 100, 1000])
        XCTAssertEqual(ticks.labels, ["10^{0}", "10^{1}", "10^{2}", "10^{3}"])
        XCTAssertNil(ticks.exponent)
    }

    func testMinorTicksAtTwoToNine() {
        let ticks = AxisTicks.log(1...100)
        XCTAssertEqual(ticks.minor.count, 16)
        XCTAssertEqual(ticks.minor.first!, 2, accuracy: 1e-12)
        XCTAssertEqual(ticks.minor.last!, 90, accuracy: 1e-9)
        XCTAssertTrue(ticks.minorLabels.isEmpty)
    }

    func testNegativeExponentsUseTypographicMinus() {
        XCTAssertEqual(AxisTicks.log(1e-3...1e3).labels, ["10^{−3}", "10^{−2}", "10^{−1}", "10^{0}", "10^{1}", "10^{2}", "10^{3}"])
    }

    func testManyDecadesLabelEveryFew() {
        let ticks = AxisTicks.log(1e-20...1e20)
        XCTAssertEqual(ticks.labels.count, 9)
        XCTAssertEqual(ticks.labels.first, "10^{−20}")
        XCTAssertEqual(ticks.labels[4], "10^{0}")
        XCTAssertTrue(ticks.minor.contains { abs($0 - 1e-19) < 1e-31 }, "unlabelled decades become minor ticks")
    }

    func testUnderOneDecadeLabelsMinorTicks() {
        let ticks = AxisTicks.log(2...8)
        XCTAssertTrue(ticks.major.isEmpty)
        XCTAssertEqual(Set(ticks.minorLabels.values), ["2", "5"])
    }

    func testFewDecadesFarFromOneKeepPowersOfTen() {
        let ticks = AxisTicks.log(2e5...8e5)
        XCTAssertEqual(Set(ticks.minorLabels.values), ["2×10^{5}", "5×10^{5}"])
        let small = AxisTicks.log(0.004...0.064)
        XCTAssertEqual(small.labels, ["0.01"])
        XCTAssertEqual(Set(small.minorLabels.values), ["0.005", "0.02", "0.05"])
    }

    func testOneDecadeTickGetsLabelledMinorTicksBeside() {
        let ticks = AxisTicks.log(4...64)
        XCTAssertEqual(ticks.labels, ["10"], "plain numbers over few decades, as in network-decay-rate's rates")
        XCTAssertEqual(Set(ticks.minorLabels.values), ["5", "20", "50"])
        XCTAssertTrue(AxisTicks.log(1...1000).minorLabels.isEmpty)
    }

    func testVeryNarrowRangeFallsBackToLinearTicks() {
        let ticks = AxisTicks.log(2.1...2.2)
        XCTAssertGreaterThanOrEqual(ticks.major.count, 2)
        XCTAssertTrue(ticks.major.allSatisfy { $0 >= 2.1 && $0 <= 2.2 + 1e-12 })
    }

    func testNonPositiveRangeFallsBackToOneDecade() {
        XCTAssertEqual(AxisTicks.log(-5...0).major, [1, 10])
    }
}
