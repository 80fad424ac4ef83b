import Foundation
import SpecbookNumerics
import XCTest

/// X_k = sum_j x_j e^{-2 pi i jk/n} with the exact phase (jk mod n)/n, one output per call.
func naiveDFT(_ x: SplitComplexVector, bin k: Int, sign: Double = -1) -> (Double, Double) {
    let n = x.count
    var re = 0.0, im = 0.0
    for j in 0..<n {
        let angle = sign * 2 * Double.pi * Double((j * k) % n) / Double(n)
        let c = cos(angle), s = sin(angle)
        re += x.real[j] * c - x.imag[j] * s
        im += x.real[j] * s + x.imag[j] * c
    }
    return (re, im)
}

func randomComplex(_ n: Int, seed: UInt64) -> SplitComplexVector {
    var rng = SeededGenerator(seed: seed)
    var z = SplitComplexVector(real: (0..<n).map { _ in Double.random(in: -1...1, using: &rng) })
    z.imag = (0..<n).map { _ in Double.random(in: -1...1, using: &rng) }
    return z
}

func maxAbsDifference(_ a: SplitComplexVector, _ b: SplitComplexVector) -> Double {
    var worst = 0.0
    for i in 0..<a.count { worst = max(worst, abs(a.real[i] - b.real[i]), abs(a.imag[i] - b.imag[i])) }
    return worst
}

final class FFTTests: XCTestCase {
    /// Stated tolerance: max |FFT - naive DFT| <= 1e-12 * n * max|x| (Double); observed errors are far smaller.
    func tolerance(_ n: Int) -> Double { 1e-12 * Double(n) }

    func testMatchesNaiveDFTForEveryLengthUpTo64AndPrimes() throws {
        for n in Array(1...64) + [97, 101, 1009, 1000, 2310, 2187, 3125] {
            let x = randomComplex(n, seed: UInt64(n))
            let fast = try FFTPlan(count: n).forward(x)
            var naive = SplitComplexVector(zeros: n)
            for k in 0..<n { (naive.real[k], naive.imag[k]) = naiveDFT(x, bin: k) }
            XCTAssertLessThan(maxAbsDifference(fast, naive), tolerance(n), "n = \(n)")
        }
    }

    func testInverseUndoesForward() throws {
        for n in [1, 2, 3, 7, 16, 100, 97, 1000, 1024, 4096] {
            let x = randomComplex(n, seed: 7 + UInt64(n))
            let plan = try FFTPlan(count: n)
            XCTAssertLessThan(try maxAbsDifference(plan.inverse(plan.forward(x)), x), 1e-14 * Double(max(n, 16)), "n = \(n)")
        }
    }

    func testInverseMatchesNaiveInverseDFT() throws {
        for n in [5, 12, 64] {
            let x = randomComplex(n, seed: 99)
            let inverse = try FFTPlan(count: n).inverse(x)
            for k in 0..<n {
                let (re, im) = naiveDFT(x, bin: k, sign: 1)
                XCTAssertEqual(inverse.real[k], re / Double(n), accuracy: 1e-14)
                XCTAssertEqual(inverse.imag[k], im / Double(n), accuracy: 1e-14)
            }
        }
    }

    func testLargePowersOfTwo() throws {
        for n in [4096, 65536] {
            let x = randomComplex(n, seed: UInt64(n))
            let plan = try FFTPlan(count: n)
            let fast = try plan.forward(x)
            // Every bin of 4096; 64 spread-out bins of 65536 (a full naive DFT would take seconds).
            let bins = n <= 4096 ? Array(0..<n) : (0..<64).map { ($0 * 1031) % n }
            var worst = 0.0
            for k in bins {
                let (re, im) = naiveDFT(x, bin: k)
                worst = max(worst, abs(fast.real[k] - re), abs(fast.imag[k] - im))
            }
            XCTAssertLessThan(worst, tolerance(n), "n = \(n)")
            // Parseval: sum |X|^2 = n sum |x|^2
            let energyX = zip(x.real, x.imag).reduce(0) { $0 + $1.0 * $1.0 + $1.1 * $1.1 }
            let energyF = zip(fast.real, fast.imag).reduce(0) { $0 + $1.0 * $1.0 + $1.1 * $1.1 }
            XCTAssertEqual(energyF / Double(n), energyX, accuracy: 1e-10 * energyX)
            XCTAssertLessThan(try maxAbsDifference(plan.inverse(fast), x), 1e-13)
        }
    }

    /// From 2048 points on, buffers that are not 64-byte aligned are transformed through an aligned scratch: the same
    /// bits at every offset of the caller's buffers (even and odd numbers of passes, mixed radices), and spread-out bins
    /// against the naive DFT.
    func testLargeTransformsGiveTheSameBitsAtEveryBufferAlignment() throws {
        for n in [2048, 4096, 6000] {
            let x = randomComplex(n, seed: UInt64(n) + 3)
            let plan = try FFTPlan(count: n)
            var results: [[Double]] = []
            let raw = UnsafeMutableRawPointer.allocate(byteCount: 2 * (n + 16) * 8, alignment: 64)
            defer { raw.deallocate() }
            for offset in 0..<8 {
                let re = raw.bindMemory(to: Double.self, capacity: 2 * (n + 16)) + offset, im = re + n + 8
                for j in 0..<n { re[j] = x.real[j]; im[j] = x.imag[j] }
                plan.forward(real: re, imag: im)
                results.append((0..<n).map { re[$0] } + (0..<n).map { im[$0] })
            }
            for offset in 1..<8 { XCTAssertEqual(results[offset], results[0], "n = \(n), offset \(offset) doubles") }
            var worst = 0.0
            for k in (0..<32).map({ ($0 * 211) % n }) {
                let (re, im) = naiveDFT(x, bin: k)
                worst = max(worst, abs(results[0][k] - re), abs(results[0][n + k] - im))
            }
            XCTAssertLessThan(worst, tolerance(n), "n = \(n)")
        }
    }

    /// The real transform of 4096 points and more computes in an aligned scratch when its outputs are not 64-byte
    /// aligned: the same bits at every output offset, and the complex transform's values.
    func testLargeRealTransformsGiveTheSameBitsAtEveryOutputAlignment() throws {
        for n in [4096, 6000] {
            var rng = SeededGenerator(seed: UInt64(n) + 9)
            let x = (0..<n).map { _ in Double.random(in: -1...1, using: &rng) }
            let plan = try RealFFTPlan(count: n)
            let m = plan.outputCount
            let raw = UnsafeMutableRawPointer.allocate(byteCount: 2 * (m + 16) * 8, alignment: 64)
            defer { raw.deallocate() }
            var results: [[Double]] = []
            for offset in 0..<8 {
                let re = raw.bindMemory(to: Double.self, capacity: 2 * (m + 16)) + offset, im = re + m + 8
                x.withUnsafeBufferPointer { plan.forward($0.baseAddress!, real: re, imag: im) }
                results.append((0..<m).map { re[$0] } + (0..<m).map { im[$0] })
            }
            for offset in 1..<8 { XCTAssertEqual(results[offset], results[0], "n = \(n), offset \(offset) doubles") }
            let full = try FFTPlan(count: n).forward(SplitComplexVector(real: x))
            for k in 0..<m {
                XCTAssertEqual(results[0][k], full.real[k], accuracy: tolerance(n), "n = \(n), k = \(k)")
                XCTAssertEqual(results[0][m + k], full.imag[k], accuracy: tolerance(n), "n = \(n), k = \(k)")
            }
        }
    }

    func testSingleToneLandsInOneBin() throws {
        let n = 12
        let x = SplitComplexVector(real: (0..<n).map { cos(2 * Double.pi * 3 * Double($0) / Double(n)) })
        let m = try FFTPlan(count: n).forward(x).magnitudes
        for k in 0..<n { XCTAssertEqual(m[k], k == 3 || k == 9 ? 6 : 0, accuracy: 1e-12) }
    }

    func testRealFFTMatchesComplexFFT() throws {
        for n in Array(1...40) + [97, 256, 1000, 1024, 1022] {
            var rng = SeededGenerator(seed: UInt64(n) + 5)
            let x = (0..<n).map { _ in Double.random(in: -1...1, using: &rng) }
            let plan = try RealFFTPlan(count: n)
            let half = try plan.forward(x)
            let full = try FFTPlan(count: n).forward(SplitComplexVector(real: x))
            XCTAssertEqual(half.count, n / 2 + 1)
            for k in 0..<half.count {
                XCTAssertEqual(half.real[k], full.real[k], accuracy: tolerance(n), "n = \(n), k = \(k)")
                XCTAssertEqual(half.imag[k], full.imag[k], accuracy: tolerance(n), "n = \(n), k = \(k)")
            }
            let back = try plan.inverse(half)
            for j in 0..<n { XCTAssertEqual(back[j], x[j], accuracy: 1e-13, "n = \(n)") }
        }
    }

    func testTwoDimensionalMatchesNaive() throws {
        for (rows, columns) in [(1, 1), (4, 8), (3, 5), (6, 7), (16, 16), (12, 1)] {
            let x = randomComplex(rows * columns, seed: UInt64(rows * 100 + columns))
            let plan = try FFT2DPlan(rows: rows, columns: columns)
            let fast = try plan.forward(x)
            for p in 0..<rows {
                for q in 0..<columns {
                    var re = 0.0, im = 0.0
                    for a in 0..<rows {
                        for b in 0..<columns {
                            // e^{-2 pi i (a p / rows + b q / columns)}
                            let cycles = Double((a * p) % rows) / Double(rows) + Double((b * q) % columns) / Double(columns)
                            let c = cos(-2 * Double.pi * cycles), s = sin(-2 * Double.pi * cycles)
                            re += x.real[a * columns + b] * c - x.imag[a * columns + b] * s
                            im += x.real[a * columns + b] * s + x.imag[a * columns + b] * c
                        }
                    }
                    XCTAssertEqual(fast.real[p * columns + q], re, accuracy: tolerance(rows * columns))
                    XCTAssertEqual(fast.imag[p * columns + q], im, accuracy: tolerance(rows * columns))
                }
            }
            XCTAssertLessThan(try maxAbsDifference(plan.inverse(fast), x), 1e-13)
        }
    }

    func testThreeDimensionalGridIsSeparable() throws {
        // The 3-D transform of a product f(a) g(b) h(c) is the product of the 1-D transforms.
        let shape = [4, 6, 5]
        let f = randomComplex(4, seed: 1), g = randomComplex(6, seed: 2), h = randomComplex(5, seed: 3)
        func product(_ u: SplitComplexVector, _ v: SplitComplexVector, _ w: SplitComplexVector) -> SplitComplexVector {
            var out = SplitComplexVector(zeros: u.count * v.count * w.count)
            for a in 0..<u.count {
                for b in 0..<v.count {
                    for c in 0..<w.count {
                        let r1 = u.real[a] * v.real[b] - u.imag[a] * v.imag[b]
                        let i1 = u.real[a] * v.imag[b] + u.imag[a] * v.real[b]
                        let i = (a * v.count + b) * w.count + c
                        out.real[i] = r1 * w.real[c] - i1 * w.imag[c]
                        out.imag[i] = r1 * w.imag[c] + i1 * w.real[c]
                    }
                }
            }
            return out
        }
        let grid = try FFTGridPlan(shape: shape).forward(product(f, g, h))
        let expected = try product(FFTPlan(count: 4).forward(f), FFTPlan(count: 6).forward(g), FFTPlan(count: 5).forward(h))
        XCTAssertLessThan(maxAbsDifference(grid, expected), 1e-12)
    }

    func testDocumentationExamples() throws {
        XCTAssertEqual(try SplitComplexVector(real: [1, 0], imag: [0, 1]).magnitudes, [1, 1])
        let plan = try FFTPlan(count: 8)
        let impulse = SplitComplexVector(real: [1, 0, 0, 0, 0, 0, 0, 0])
        XCTAssertLessThan(try maxAbsDifference(plan.inverse(plan.forward(impulse)), impulse), 1e-15)
        let real = try RealFFTPlan(count: 8)
        let x: [Double] = [1, 2, 3, 4, 5, 6, 7, 8]
        XCTAssertEqual(try real.forward(x).real[0], 36, accuracy: 1e-12)
        for (a, b) in zip(try real.inverse(real.forward(x)), x) { XCTAssertEqual(a, b, accuracy: 1e-13) }
        var grid = SplitComplexVector(zeros: 64)
        grid.real[0] = 1
        XCTAssertEqual(try FFTGridPlan(shape: [4, 4, 4]).forward(grid).real, [Double](repeating: 1, count: 64))
        let plan2D = try FFT2DPlan(rows: 3, columns: 5)
        let image = SplitComplexVector(real: (0..<15).map(Double.init))
        XCTAssertLessThan(try maxAbsDifference(plan2D.inverse(plan2D.forward(image)), image), 1e-13)
        let xs = (0..<64).map { -Double.pi + 2 * Double.pi * Double($0) / 64 }
        let dft = try NonUniformDFT(points: xs, frequencies: (0...10).map(Double.init), scale: 1 / (2 * Double.pi))
        let m = try dft.transform(xs.map { sin(3 * $0) }).magnitudes
        for k in 0...10 { XCTAssertEqual(m[k], k == 3 ? 32 : 0, accuracy: 1e-12) }
    }
}

/// Lengths and sizes a notebook author passes are checked: bad ones throw a typed error naming what was wrong.
final class FourierInputErrorTests: XCTestCase {
    func assertThrows(_ expected: NumericsError, file: StaticString = #filePath, line: UInt = #line, _ body: () throws -> Void) {
        XCTAssertThrowsError(try body(), file: file, line: line) { error in
            XCTAssertEqual(error as? NumericsError, expected, file: file, line: line)
        }
    }

    func testBadLengthsThrow() throws {
        assertThrows(.invalidArgument("FFTPlan: count must be at least 1, got 0")) { _ = try FFTPlan(count: 0) }
        assertThrows(.invalidArgument("RealFFTPlan: count must be at least 1, got -3")) { _ = try RealFFTPlan(count: -3) }
        assertThrows(.invalidArgument("FFTGridPlan: every extent must be at least 1, got []")) { _ = try FFTGridPlan(shape: []) }
        assertThrows(.invalidArgument("FFTGridPlan: every extent must be at least 1, got [4, 0]")) { _ = try FFT2DPlan(rows: 4, columns: 0) }
        assertThrows(.countMismatch(what: "SplitComplexVector imaginary parts", expected: 2, actual: 1)) {
            _ = try SplitComplexVector(real: [1, 2], imag: [3])
        }
        let plan = try FFTPlan(count: 4)
        assertThrows(.countMismatch(what: "FFTPlan input", expected: 4, actual: 3)) { _ = try plan.forward(SplitComplexVector(real: [1, 2, 3])) }
        assertThrows(.countMismatch(what: "FFTPlan input", expected: 4, actual: 5)) { _ = try plan.inverse(SplitComplexVector(real: [1, 2, 3, 4, 5])) }
        let real = try RealFFTPlan(count: 8)
        assertThrows(.countMismatch(what: "RealFFTPlan input", expected: 8, actual: 7)) { _ = try real.forward([Double](repeating: 0, count: 7)) }
        assertThrows(.countMismatch(what: "RealFFTPlan.inverse spectrum", expected: 5, actual: 8)) { _ = try real.inverse(SplitComplexVector(zeros: 8)) }
        let grid = try FFTGridPlan(shape: [2, 3])
        assertThrows(.countMismatch(what: "FFTGridPlan[2, 3] grid", expected: 6, actual: 5)) { _ = try grid.forward(SplitComplexVector(zeros: 5)) }
    }

    func testBadSpectraAndTransformsThrow() throws {
        assertThrows(.countMismatch(what: "FrequencySpectrum coefficients", expected: 3, actual: 2)) {
            _ = try FrequencySpectrum(frequencies: [0, 1, 2], coefficients: SplitComplexVector(zeros: 2))
        }
        let a = try FrequencySpectrum(uniformSamples: [1, 0, 0, 0])
        let b = try FrequencySpectrum(uniformSamples: [1, 0, 0, 0, 0, 0])
        assertThrows(.countMismatch(what: "FrequencySpectrum.relativeError target coefficients", expected: 3, actual: 4)) {
            _ = try a.relativeError(to: b)
        }
        assertThrows(.invalidArgument("FrequencySpectrum.relativeError: index 3 outside 0..<3")) { _ = try a.relativeError(to: a, at: [0, 3]) }
        assertThrows(.countMismatch(what: "FFTGridPlan[2, 3] grid", expected: 6, actual: 4)) {
            _ = try FrequencySpectrum.radialAverage(grid: [1, 2, 3, 4], rows: 2, columns: 3)
        }
        assertThrows(.invalidArgument("NonUniformDFT: points (3) and frequencies (4) must be multiples of dimension 2")) {
            _ = try NonUniformDFT(points: [0, 1, 2], frequencies: [0, 0, 1, 1], dimension: 2)
        }
        let dft = try NonUniformDFT(points: [0, 0.5], frequencies: 0...2)
        assertThrows(.countMismatch(what: "NonUniformDFT values", expected: 2, actual: 3)) { _ = try dft.transform([1, 2, 3]) }
        assertThrows(.countMismatch(what: "NonUniformDFT values", expected: 6, actual: 4)) { _ = try dft.transform(batch: [1, 2, 3, 4], count: 3) }
        assertThrows(.countMismatch(what: "NonUniformDFT values", expected: 2, actual: 3)) {
            _ = try FrequencySpectrum(values: [1, 2, 3], points: [0, 0.5], frequencies: 0...2)
        }
    }
}
