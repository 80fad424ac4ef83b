import Foundation
import SpecbookNumerics
import XCTest

/// Wave packets on the periodic grid against their closed forms.
final class WavePacketTests: XCTestCase {
    func testGridIsPeriodicWithAxisZeroFastest() throws {
        let one = try WavePackets(dimension: 1, side: 8, frequencies: [1], window: 0.25)
        XCTAssertEqual(one.points.column(0), (0..<8).map { -1 + 2 * Double($0) / 8 })
        let two = try WavePackets(dimension: 2, side: 4, frequencies: [1], window: 0.25)
        XCTAssertEqual(two.count, 16)
        XCTAssertEqual(two.points.row(1), [-0.5, -1])
        XCTAssertEqual(two.points.row(4), [-1, -0.5])
        XCTAssertEqual(two.direction[0], 1 / 2.0.squareRoot(), accuracy: 1e-15)
    }

    func testTargetsAreWindowedCosines() throws {
        let s = 0.3, xi = 2.5
        let packets = try WavePackets(dimension: 2, side: 16, frequencies: [xi], window: s)
        for i in [0, 37, 200] {
            let x = packets.points.row(i)
            let expected = exp(-(x[0] * x[0] + x[1] * x[1]) / (2 * s * s)) * cos(2 * .pi * xi * (x[0] + x[1]) / 2.0.squareRoot())
            XCTAssertEqual(packets.targets[0][i], expected, accuracy: 1e-14)
            XCTAssertEqual(packets.windowValue(at: x), exp(-(x[0] * x[0] + x[1] * x[1]) / (2 * s * s)), accuracy: 1e-15)
        }
    }

    func testCoefficientMatchesTheGaussianIntegral() throws {
        // Σ_i W² cos² φ ≈ (n/2) ∫ e^{−x²/s²} (1 + cos 2φ)/2 dx = n s √π / 4 (the cos 2φ part is e^{−(2πξs)²} small).
        let n = 256, s = 0.25
        let packets = try WavePackets(dimension: 1, side: n, frequencies: [6, 12], window: s)
        let own = packets.coefficient(packets.targets[0], packet: 0)
        XCTAssertEqual(own, Double(n) * s * Double.pi.squareRoot() / 4, accuracy: 1e-6 * own)
        // Another frequency: ∫ e^{−x²/s²} cos(2π·6x) dx = s√π e^{−(6πs)²} ≈ 2e-10 of the own coefficient.
        XCTAssertLessThan(packets.coefficient(packets.targets[0], packet: 1), 1e-8 * own)
        // A modulus: the sine packet has the same coefficient as the cosine packet.
        let sine = (0..<n).map { i -> Double in
            let x = packets.points[i, 0]
            return exp(-x * x / (2 * s * s)) * sin(2 * .pi * 6 * x)
        }
        XCTAssertEqual(packets.coefficient(sine, packet: 0), own, accuracy: 1e-6 * own)
        XCTAssertEqual(packets.coefficient([Double](repeating: 0, count: n), packet: 0), 0)
    }

    func testInvalidArgumentsThrow() {
        XCTAssertThrowsError(try WavePackets(dimension: 0, side: 8, frequencies: [1], window: 0.25))
        XCTAssertThrowsError(try WavePackets(dimension: 1, side: 8, frequencies: [1], window: 0))
        XCTAssertThrowsError(try WavePackets(dimension: 2, side: 8, frequencies: [1], window: 0.2, direction: [1]))
        XCTAssertThrowsError(try WavePackets(dimension: 2, side: 8, frequencies: [1], window: 0.2, direction: [0, 0]))
    }
}
