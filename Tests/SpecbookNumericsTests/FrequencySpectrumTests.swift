import Foundation
import SpecbookNumerics
import XCTest

final class FrequencySpectrumTests: XCTestCase {
    let threeSines: (Double) -> Double = { sin($0) + sin(3 * $0) + sin(5 * $0) }

    func testPeaksOfThreeSinesOnUniformPoints() throws {
        let xs = (0..<256).map { -Double.pi + 2 * Double.pi * Double($0) / 256 }
        let spectrum = try FrequencySpectrum(values: xs.map(threeSines), points: xs, frequencies: 0...20, scale: 1 / (2 * Double.pi))
        XCTAssertEqual(spectrum.peakFrequencies(), [1, 3, 5])
        for k in [1, 3, 5] { XCTAssertEqual(spectrum.magnitudes[k], 128, accuracy: 1e-10) }
    }

    func testPeaksOfThreeSinesOnTheStudysGrid() throws {
        // 600 points on [-10, 10] (not a whole number of periods): leakage, but the peaks stay at 1, 3, 5.
        let xs = (0..<600).map { -10 + 20 * Double($0) / 599 }
        let spectrum = try FrequencySpectrum(values: xs.map(threeSines), points: xs,
                                         frequencies: (0...120).map { Double($0) / 20 }, scale: 1 / (2 * Double.pi))
        let peaks = spectrum.peakFrequencies(relativeThreshold: 0.3)
        XCTAssertEqual(peaks.count, 3)
        for (found, expected) in zip(peaks, [1.0, 3.0, 5.0]) { XCTAssertEqual(found, expected, accuracy: 0.1) }
    }

    func testRelativeErrorAtPeaks() throws {
        let xs = (0..<128).map { -Double.pi + 2 * Double.pi * Double($0) / 128 }
        let target = try FrequencySpectrum(values: xs.map(threeSines), points: xs, frequencies: 0...20, scale: 1 / (2 * Double.pi))
        let output = try FrequencySpectrum(values: xs.map { sin($0) + 0.5 * sin(3 * $0) }, points: xs, frequencies: 0...20, scale: 1 / (2 * Double.pi))
        let errors = try output.relativeError(to: target, at: target.peaks())
        XCTAssertEqual(errors[0], 0, accuracy: 1e-12)
        XCTAssertEqual(errors[1], 0.5, accuracy: 1e-12)
        XCTAssertEqual(errors[2], 1, accuracy: 1e-12)
        XCTAssertEqual(try output.relativeError(to: target).count, 21)
    }

    func testUniformSamplesUseRealFFT() throws {
        let n = 64
        let samples = (0..<n).map { 2 * cos(2 * Double.pi * 7 * Double($0) / Double(n)) }
        let spectrum = try FrequencySpectrum(uniformSamples: samples)
        XCTAssertEqual(spectrum.frequencies.count, 33)
        XCTAssertEqual(spectrum.peakFrequencies(), [7])
        XCTAssertEqual(spectrum.magnitudes[7], 64, accuracy: 1e-10)
    }

    func testZeroSpectrumHasNoPeaks() throws {
        XCTAssertEqual(try FrequencySpectrum(uniformSamples: [0, 0, 0, 0]).peaks(), [])
    }

    func testRadialAverageOfAPlaneWave() throws {
        let n = 64
        // cos(2 pi (3a + 4b)/n): energy only at radius 5.
        var grid = [Double](repeating: 0, count: n * n)
        for a in 0..<n { for b in 0..<n { grid[a * n + b] = cos(2 * Double.pi * Double(3 * a + 4 * b) / Double(n)) } }
        let radial = try FrequencySpectrum.radialAverage(grid: grid, rows: n, columns: n)
        XCTAssertEqual(radial.frequencies.count, 33)
        XCTAssertEqual(radial.peakFrequencies(relativeThreshold: 0.5), [5])
        XCTAssertEqual(radial.magnitudes[0], 0, accuracy: 1e-9)
    }

    func testDocumentationExamples() throws {
        let xs = (0..<256).map { -Double.pi + 2 * Double.pi * Double($0) / 256 }
        let target = try FrequencySpectrum(values: xs.map { sin($0) + sin(3 * $0) + sin(5 * $0) },
                                       points: xs, frequencies: 0...20, scale: 1 / (2 * Double.pi))
        XCTAssertEqual(target.peakFrequencies(), [1, 3, 5])
        let output = try FrequencySpectrum(values: xs.map { sin($0) }, points: xs, frequencies: 0...20, scale: 1 / (2 * Double.pi))
        let errors = try output.relativeError(to: target, at: target.peaks())
        for (e, expected) in zip(errors, [0.0, 1, 1]) { XCTAssertEqual(e, expected, accuracy: 1e-12) }
        let n = 64
        let image = (0..<n * n).map { i in cos(2 * Double.pi * 5 * Double(i % n) / Double(n)) }
        XCTAssertEqual(try FrequencySpectrum.radialAverage(grid: image, rows: n, columns: n).peakFrequencies(relativeThreshold: 0.5), [5])
    }
}
