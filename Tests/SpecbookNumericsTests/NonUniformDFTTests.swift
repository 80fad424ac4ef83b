import Foundation
import SpecbookNumerics
import XCTest

final class NonUniformDFTTests: XCTestCase {
    func testMatchesNaiveLoopInThreeDimensions() throws {
        var rng = SeededGenerator(seed: 11)
        let n = 37, m = 23, d = 3
        let points = (0..<n * d).map { _ in Double.random(in: -2...2, using: &rng) }
        let frequencies = (0..<m * d).map { _ in Double(Int.random(in: -6...6, using: &rng)) + 0.25 }
        let values = (0..<n).map { _ in Double.random(in: -1...1, using: &rng) }
        let scale = 0.7
        let fast = try NonUniformDFT(points: points, frequencies: frequencies, dimension: d, scale: scale).transform(values)
        for k in 0..<m {
            var re = 0.0, im = 0.0
            for j in 0..<n {
                var dot = 0.0
                for a in 0..<d { dot += frequencies[k * d + a] * points[j * d + a] }
                // y_j e^{-2 pi i s k.x_j}
                re += values[j] * cos(2 * Double.pi * scale * dot)
                im -= values[j] * sin(2 * Double.pi * scale * dot)
            }
            XCTAssertEqual(fast.real[k], re, accuracy: 1e-12)
            XCTAssertEqual(fast.imag[k], im, accuracy: 1e-12)
        }
    }

    func testComplexValuesAndBatchAgreeWithRealTransform() throws {
        var rng = SeededGenerator(seed: 3)
        let points = (0..<20).map { _ in Double.random(in: 0..<1, using: &rng) }
        let dft = try NonUniformDFT(points: points, frequencies: -5...5)
        let a = (0..<20).map { _ in Double.random(in: -1...1, using: &rng) }
        let b = (0..<20).map { _ in Double.random(in: -1...1, using: &rng) }
        let fa = try dft.transform(a), fb = try dft.transform(b)
        let fab = try dft.transform(SplitComplexVector(real: a, imag: b))
        for k in 0..<11 {
            // F(a + ib) = F(a) + i F(b)
            XCTAssertEqual(fab.real[k], fa.real[k] - fb.imag[k], accuracy: 1e-13)
            XCTAssertEqual(fab.imag[k], fa.imag[k] + fb.real[k], accuracy: 1e-13)
        }
        let batch = try dft.transform(batch: a + b, count: 2)
        for k in 0..<11 {
            XCTAssertEqual(batch.real[k], fa.real[k], accuracy: 1e-13)
            XCTAssertEqual(batch.imag[11 + k], fb.imag[k], accuracy: 1e-13)
        }
    }

    func testEqualsFFTOnUniformPoints() throws {
        let n = 48
        var rng = SeededGenerator(seed: 5)
        let values = (0..<n).map { _ in Double.random(in: -1...1, using: &rng) }
        let points = (0..<n).map { Double($0) / Double(n) }
        let direct = try NonUniformDFT(points: points, frequencies: 0...(n - 1)).transform(values)
        let fft = try FFTPlan(count: n).forward(SplitComplexVector(real: values))
        XCTAssertLessThan(maxAbsDifference(direct, fft), 1e-12)
        // Scaled: x in [-pi, pi) with s = 1/(2 pi) is the same DFT up to the phase e^{i pi k}.
        let shifted = points.map { 2 * Double.pi * $0 - Double.pi }
        let scaled = try NonUniformDFT(points: shifted, frequencies: 0...(n - 1), scale: 1 / (2 * Double.pi)).transform(values)
        for k in 0..<n {
            let sign = k % 2 == 0 ? 1.0 : -1.0
            XCTAssertEqual(scaled.real[k], sign * fft.real[k], accuracy: 1e-12)
            XCTAssertEqual(scaled.imag[k], sign * fft.imag[k], accuracy: 1e-12)
        }
    }

    func testEmptyInputs() throws {
        XCTAssertEqual(try NonUniformDFT(points: [], frequencies: 0...3).transform([]).magnitudes, [0, 0, 0, 0])
        XCTAssertEqual(try NonUniformDFT(points: [0.5], frequencies: [], dimension: 1).transform([1]).count, 0)
    }
}
