import Foundation
import SpecbookNumerics
import XCTest

/// Per-frequency rates: the fits against closed forms, the measurement against a slow direct loop.
final class FrequencyRateTests: XCTestCase {
    func testPowerLawAndExponentialFitsRecoverTheirExponents() throws {
        let xis: [Double] = [2, 3, 4, 6, 8]
        let power = FrequencyRates(frequencies: xis, rates: xis.map { 0.3 * pow($0, -2.5) })
        XCTAssertEqual(try XCTUnwrap(power.powerLaw()).slope, -2.5, accuracy: 1e-12)
        XCTAssertEqual(try XCTUnwrap(power.powerLaw()).rSquared, 1, accuracy: 1e-12)
        XCTAssertEqual(try XCTUnwrap(power.powerLawRate(at: 5)), 0.3 * pow(5, -2.5), accuracy: 1e-12)
        let exponential = FrequencyRates(frequencies: xis, rates: xis.map { 0.1 * exp(-1.7 * $0) })
        XCTAssertEqual(try XCTUnwrap(exponential.exponential()).slope, -1.7, accuracy: 1e-12)
        XCTAssertEqual(try XCTUnwrap(exponential.exponentialRate(at: 5)), 0.1 * exp(-8.5), accuracy: 1e-15)
        // An exponential is not a power law: its log-log fit is curved (R² below 1).
        XCTAssertLessThan(try XCTUnwrap(exponential.powerLaw()).rSquared, 0.99)
    }

    func testUnresolvedRatesAreLeftOutOfTheFits() throws {
        let m = FrequencyRates(frequencies: [1, 2, 4, 8], rates: [1, 0.25, 1e-12, -3e-9], floor: 1e-10)
        XCTAssertEqual(m.resolved, [true, true, false, false])
        XCTAssertEqual(m.unresolvedIndices, [2, 3])
        XCTAssertEqual(try XCTUnwrap(m.powerLaw()).slope, -2, accuracy: 1e-12)
        let one = FrequencyRates(frequencies: [1, 2], rates: [1, 0])
        XCTAssertNil(one.powerLaw())
        XCTAssertNil(one.exponential())
    }

    func testMeasurementMatchesADirectGradientDescentLoop() throws {
        let packets = try WavePackets(dimension: 1, side: 64, frequencies: [2, 4], window: 0.25)
        let net = try MLP<Double>(widths: [1, 40, 1], activation: .tanh, seed: 5)
        let m = try packets.measureRates(of: net, steps: 8, sampleEvery: 2)
        XCTAssertEqual(m.sampledSteps, [0, 2, 4, 6, 8])
        let mu = try largestStepEigenvalue(net, inputs: packets.points)
        XCTAssertEqual(m.largestStepEigenvalue, mu)
        for p in 0..<2 {
            // θ ← θ − (1/μ) ∇L, L the mean squared error to h₀ + f_ξ, sampled every second step.
            let h0 = try net.predict(packets.points).elements
            let goal = Matrix(column: zip(h0, packets.targets[p]).map { $0 + $1 })
            var probe = net, logs: [Double] = []
            for step in 0...8 {
                if step % 2 == 0 {
                    let residual = try (probe.predict(packets.points) - goal).elements
                    logs.append(log(packets.coefficient(residual, packet: p)))
                }
                let g = try probe.lossAndGradient(inputs: packets.points, targets: goal).gradient
                try probe.setParameters(zip(probe.parameters, g).map { $0 - $1 / mu })
            }
            let slope = try LineFit(x: [0, 2, 4, 6, 8], y: logs).slope
            XCTAssertEqual(m.rates[p], -slope, accuracy: 1e-9 * abs(slope))
            XCTAssertEqual(m.decays[p].first, 0)
        }
        // The frequency principle: the lower frequency's mode decays faster.
        XCTAssertGreaterThan(m.rates[0], m.rates[1])
        XCTAssertGreaterThan(m.rates[1], 0)
    }

    func testInvalidMeasurementsThrow() throws {
        let packets = try WavePackets(dimension: 1, side: 16, frequencies: [2], window: 0.25)
        let net = try MLP<Double>(widths: [1, 4, 1], seed: 1)
        XCTAssertThrowsError(try packets.measureRates(of: net, steps: 0))
        XCTAssertThrowsError(try packets.measureRates(of: net, inputs: Matrix(column: [0, 1]), steps: 4))
    }
}
