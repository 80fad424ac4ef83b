import Foundation
import SpecbookNumerics
import XCTest

final class LFPDynamicsTests: XCTestCase {
    func testLongTimeLimitIsTheVariationalInterpolant() throws {
        for (d, K, n) in [(1, 128, 8), (2, 16, 12)] {
            let points = randomPoints(n, dimension: d, seed: UInt64(30 + d))
            var rng = SeededGenerator(seed: 3)
            let targets = (0..<n).map { _ in Double.random(in: -1...1, using: &rng) }
            let solver = try LFPSolver(dimension: d, cutoff: K, weight: .sobolev(alpha: 2))
            let flow = try LFPDynamics(solver: solver, points: points, targets: targets)
            let variational = try solver.interpolate(points: points, values: targets).values(onGridOfSize: 64)
            let limit = try flow.values(at: .infinity, onGridOfSize: 64)
            // A long finite time, 40 time constants of the slowest mode.
            let late = try flow.values(at: 40 / flow.eigenvalues[0], onGridOfSize: 64)
            let scale = variational.map(abs).max()!
            for g in variational.indices {
                XCTAssertEqual(limit[g], variational[g], accuracy: 1e-8 * scale, "d = \(d)")
                XCTAssertEqual(late[g], variational[g], accuracy: 1e-8 * scale, "d = \(d)")
            }
            XCTAssertLessThan(try flow.loss(at: 40 / flow.eigenvalues[0]), 1e-20)
            XCTAssertEqual(try flow.values(at: 0, onGridOfSize: 8), [Double](repeating: 0, count: Int(pow(8.0, Double(d)))))
        }
    }

    func testResidualMatchesIntegratedFlowAndTheState() throws {
        let points = [0.1, 0.35, 0.5, 0.8], targets = [1.0, -1, 0.5, 0]
        let solver = try LFPSolver(dimension: 1, cutoff: 64, weight: .sobolev(alpha: 1.5))
        let initial: @Sendable ([Double]) -> Double = { x in 0.3 * sin(2 * Double.pi * x[0]) }
        let flow = try LFPDynamics(solver: solver, points: points, targets: targets, initial: initial)
        // Independent RK4 on dr/dt = -(G/n) r.
        let n = 4
        let gram = try solver.gramMatrix(points: points)
        func rate(_ r: [Double]) -> [Double] { (0..<n).map { i in -(0..<n).reduce(0) { $0 + gram[i * n + $1] * r[$1] } / Double(n) } }
        var r = (0..<n).map { initial([points[$0]]) - targets[$0] }
        let t = 0.5, steps = 5000, dt = t / Double(steps)
        for _ in 0..<steps {
            let k1 = rate(r)
            let k2 = rate(zip(r, k1).map { $0 + dt / 2 * $1 })
            let k3 = rate(zip(r, k2).map { $0 + dt / 2 * $1 })
            let k4 = rate(zip(r, k3).map { $0 + dt * $1 })
            r = (0..<n).map { r[$0] + dt / 6 * (k1[$0] + 2 * k2[$0] + 2 * k3[$0] + k4[$0]) }
        }
        let exact = try flow.residual(at: t)
        for i in 0..<n { XCTAssertEqual(exact[i], r[i], accuracy: 1e-10) }
        // The state at the data equals targets + residual.
        let atData = try flow.values(at: t, points: points)
        for i in 0..<n { XCTAssertEqual(atData[i], targets[i] + exact[i], accuracy: 1e-10) }
        // Monotone decay of the loss.
        let losses = try [0, 0.1, 1, 10, 100].map { try flow.loss(at: $0) }
        for (a, b) in zip(losses, losses.dropFirst()) { XCTAssertLessThan(b, a) }
    }

    func testResidualSpectrumIsTheDFTOfTheResidualOnTheData() throws {
        let points = [0.05, 0.3, 0.55, 0.9], targets = [0.0, 1, 0, -1]
        let solver = try LFPSolver(dimension: 1, cutoff: 16, weight: .sobolev(alpha: 2))
        let flow = try LFPDynamics(solver: solver, points: points, targets: targets)
        let t = 3.0
        let spectrum = try flow.residualSpectrum(at: t)
        let residual = try flow.residual(at: t)
        let direct = try NonUniformDFT(points: points, frequencies: -16...16).transform(residual.map { $0 / 4 })
        XCTAssertLessThan(maxAbsDifference(spectrum, direct), 1e-14)
        // Low frequencies are learnt first: relative decay of the residual's spectrum is fastest at low |k|.
        let start = try flow.residualSpectrum(at: 0).magnitudes, later = spectrum.magnitudes
        XCTAssertLessThan(later[16 + 1] / start[16 + 1], later[16 + 12] / start[16 + 12])
    }

    func testNegativeTimeIsRefused() throws {
        let flow = try LFPDynamics(solver: LFPSolver(dimension: 1, cutoff: 4, weight: .sobolev(alpha: 2)), points: [0.5], targets: [1])
        XCTAssertThrowsError(try flow.residual(at: -1)) { error in XCTAssertTrue("\(error)".contains("time = -1.0"), "\(error)") }
    }
}
