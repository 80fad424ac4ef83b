import Foundation
import SpecbookNumerics
import XCTest

func randomPoints(_ n: Int, dimension d: Int, seed: UInt64) -> [Double] {
    var rng = SeededGenerator(seed: seed)
    return (0..<n * d).map { _ in Double.random(in: 0..<1, using: &rng) }
}

/// sum_{|k|_inf <= K} w(k)^{-1} cos(2 pi k.z), a plain loop over the cube.
func naiveKernel(_ z: [Double], cutoff K: Int, inverseWeight: ([Int]) -> Double) -> Double {
    let d = z.count, side = 2 * K + 1
    var total = 0.0
    for index in 0..<Int(pow(Double(side), Double(d))) {
        var rest = index, k = [Int](repeating: 0, count: d)
        for a in stride(from: d - 1, through: 0, by: -1) { k[a] = rest % side - K; rest /= side }
        let phase = zip(k, z).reduce(0.0) { $0 + Double($1.0) * $1.1 }
        total += inverseWeight(k) * cos(2 * Double.pi * phase)
    }
    return total
}

func sobolevInverse(_ alpha: Double) -> ([Int]) -> Double {
    { k in pow(1 + 4 * Double.pi * Double.pi * Double(k.reduce(0) { $0 + $1 * $1 }), -alpha / 2) }
}

final class LFPTests: XCTestCase {
    /// sum_k e^{2 pi i k z}/(1 + 4 pi^2 k^2) = cosh(z - 1/2)/(2 sinh(1/2)) for z in [0, 1).
    func closedFormKernel(_ z: Double) -> Double { cosh(z - 0.5) / (2 * sinh(0.5)) }

    func testKernelConvergesToClosedFormAtRateOneOverK() throws {
        let zs = (0..<200).map { Double($0) / 200 }
        var errors: [Double] = []
        for K in [16, 32, 64, 128, 256] {
            let solver = try LFPSolver(dimension: 1, cutoff: K, weight: .sobolev(alpha: 2))
            let exact = try solver.kernel(at: zs)
            let onGrid = try solver.kernelOnGrid(size: 200)
            var worst = 0.0
            for (i, z) in zs.enumerated() {
                worst = max(worst, abs(exact[i] - closedFormKernel(z)))
                XCTAssertEqual(onGrid[i], exact[i], accuracy: 1e-13)
            }
            errors.append(worst)
            // The tail 2 sum_{k>K} 1/(4 pi^2 k^2) is about 1/(2 pi^2 K), largest at z = 0.
            XCTAssertEqual(worst * Double(K), 1 / (2 * Double.pi * Double.pi), accuracy: 0.003, "K = \(K)")
        }
        for (coarse, fine) in zip(errors, errors.dropFirst()) { XCTAssertEqual(coarse / fine, 2, accuracy: 0.05) }
    }

    func testKernelMatchesNaiveSumInEveryDimension() throws {
        for (d, K) in [(1, 9), (2, 6), (3, 3)] {
            let solver = try LFPSolver(dimension: d, cutoff: K, weight: .sobolev(alpha: 1.5))
            var rng = SeededGenerator(seed: UInt64(d))
            let zs = (0..<10 * d).map { _ in Double.random(in: -3...3, using: &rng) }
            let fast = try solver.kernel(at: zs)
            for i in 0..<10 {
                let z = Array(zs[(i * d)..<(i * d + d)])
                XCTAssertEqual(fast[i], naiveKernel(z, cutoff: K, inverseWeight: sobolevInverse(1.5)), accuracy: 1e-12, "d = \(d)")
            }
            // The grid path (inverse FFT of folded weights) gives the same numbers at grid points.
            let n = 7
            let grid = try solver.kernelOnGrid(size: n)
            var gridPoints: [Double] = []
            for index in 0..<Int(pow(Double(n), Double(d))) {
                var rest = index, z = [Double](repeating: 0, count: d)
                for a in stride(from: d - 1, through: 0, by: -1) { z[a] = Double(rest % n) / Double(n); rest /= n }
                gridPoints += z
            }
            let direct = try solver.kernel(at: gridPoints)
            for i in grid.indices { XCTAssertEqual(grid[i], direct[i], accuracy: 1e-12) }
        }
    }

    func testGramMatrixMatchesNaiveSum() throws {
        let d = 2, K = 5, n = 6
        let points = randomPoints(n, dimension: d, seed: 4)
        let solver = try LFPSolver(dimension: d, cutoff: K, weight: .homogeneous(alpha: 1))
        let gram = try solver.gramMatrix(points: points)
        let inverse: ([Int]) -> Double = { k in
            let s = Double(k.reduce(0) { $0 + $1 * $1 })
            return s == 0 ? 1 : 1 / (2 * Double.pi * s.squareRoot())
        }
        for i in 0..<n {
            for j in 0..<n {
                let z = (0..<d).map { points[i * d + $0] - points[j * d + $0] }
                XCTAssertEqual(gram[i * n + j], naiveKernel(z, cutoff: K, inverseWeight: inverse), accuracy: 1e-12)
            }
        }
    }

    func testInterpolantReproducesDataInEveryDimension() throws {
        // Accuracy at the data is about cond(G) * 1e-16 * |c|: the steep 1-D case uses jittered points
        // (uniformly random ones put two points 1e-3 apart, cond ~ 1e10, and errors near 1e-8).
        for (d, K, n, alpha) in [(1, 512, 40, 0.5), (1, 128, 30, 3.0), (2, 24, 50, 1.0), (2, 16, 30, 3.0), (3, 6, 40, 2.0)] {
            var points = randomPoints(n, dimension: d, seed: UInt64(n + d))
            if d == 1 && alpha > 1 { points = points.enumerated().map { (Double($0.offset) + 0.2 + 0.6 * $0.element) / Double(n) } }
            var rng = SeededGenerator(seed: 17)
            let values = (0..<n).map { _ in Double.random(in: -1...1, using: &rng) }
            let h = try LFPSolver(dimension: d, cutoff: K, weight: .sobolev(alpha: alpha)).interpolate(points: points, values: values)
            let atData = try h.values(at: points)
            for i in 0..<n { XCTAssertEqual(atData[i], values[i], accuracy: 1e-8, "d = \(d), alpha = \(alpha), cond = \(h.conditionEstimate)") }
            // The minimised norm sum_k w |h^|^2 equals c.y.
            let cy = zip(h.coefficients, values).reduce(0) { $0 + $1.0 * $1.1 }
            XCTAssertEqual(h.weightedNorm, cy, accuracy: 1e-9 * abs(cy))
            XCTAssertGreaterThan(h.conditionEstimate, 1)
        }
    }

    func testGramMatrixBuiltInSeveralFrequencyBlocks() throws {
        // 600 points x 2049 half-space frequencies exceed one 16 MiB block of cosines and sines.
        let n = 600, K = 2048
        var rng = SeededGenerator(seed: 12)
        let points = (0..<n).map { (Double($0) + Double.random(in: 0.25...0.75, using: &rng)) / Double(n) }
        let values = (0..<n).map { _ in Double.random(in: -1...1, using: &rng) }
        let solver = try LFPSolver(dimension: 1, cutoff: K, weight: .sobolev(alpha: 1))
        let gram = try solver.gramMatrix(points: points)
        let pairs = [(0, 0), (5, 17), (599, 3), (300, 301)]
        let direct = try solver.kernel(at: pairs.map { points[$0.0] - points[$0.1] })
        for (p, (i, j)) in pairs.enumerated() { XCTAssertEqual(gram[i * n + j], direct[p], accuracy: 1e-12 * direct[0]) }
        let h = try solver.interpolate(points: points, values: values)
        let atData = try h.values(at: points)
        for i in 0..<n { XCTAssertEqual(atData[i], values[i], accuracy: 1e-8) }
    }

    func testSinglePointGivesScaledKernel() throws {
        let solver = try LFPSolver(dimension: 2, cutoff: 20, weight: .sobolev(alpha: 2.5))
        let x1 = [0.3, 0.8], y1 = 0.9
        let h = try solver.interpolate(points: x1, values: [y1])
        let n = 32
        let grid = try h.values(onGridOfSize: n)
        let g0 = try solver.kernel(at: [0, 0])[0]
        var differences: [Double] = []
        for a in 0..<n { for b in 0..<n { differences += [Double(a) / Double(n) - x1[0], Double(b) / Double(n) - x1[1]] } }
        let kernel = try solver.kernel(at: differences)
        for i in grid.indices { XCTAssertEqual(grid[i], y1 * kernel[i] / g0, accuracy: 1e-12) }
    }

    func testFourierCoefficientsFollowTheirDefinition() throws {
        let d = 2, K = 8, n = 5
        let points = randomPoints(n, dimension: d, seed: 9)
        let solver = try LFPSolver(dimension: d, cutoff: K, weight: .sobolev(alpha: 2))
        let h = try solver.interpolate(points: points, values: [1, -2, 0.5, 0.25, 3])
        let full = h.fourierCoefficients()
        XCTAssertEqual(full.count, 17 * 17)
        for index in stride(from: 0, to: full.count, by: 13) {
            let k = solver.frequency(atCubeIndex: index)
            // h^(k) = w^{-1} sum_j c_j e^{-2 pi i k.x_j}
            var re = 0.0, im = 0.0
            for j in 0..<n {
                let phase = 2 * Double.pi * (Double(k[0]) * points[2 * j] + Double(k[1]) * points[2 * j + 1])
                re += h.coefficients[j] * cos(phase)
                im -= h.coefficients[j] * sin(phase)
            }
            let w = solver.inverseWeight(at: k)
            XCTAssertEqual(full.real[index], w * re, accuracy: 1e-14)
            XCTAssertEqual(full.imag[index], w * im, accuracy: 1e-14)
            XCTAssertEqual(h.fourierCoefficient(at: k).imag, full.imag[index])
        }
        XCTAssertEqual(h.fourierCoefficient(at: [9, 0]).real, 0)
        // Grid values and scattered values agree at grid points.
        let grid = try h.values(onGridOfSize: 10)
        var gridPoints: [Double] = []
        for a in 0..<10 { for b in 0..<10 { gridPoints += [Double(a) / 10, Double(b) / 10] } }
        let scattered = try h.values(at: gridPoints)
        for i in 0..<100 { XCTAssertEqual(grid[i], scattered[i], accuracy: 1e-12) }
    }

    func testGridValuesWithANarrowBandMatchScatteredValues() throws {
        // 2K + 1 < N on every axis: the grid's transform skips the lines that are still zero, and must give what
        // the exact series gives at the same points.
        for (d, K, size) in [(1, 6, 40), (2, 5, 24), (3, 3, 12)] {
            let count = 4
            let points = randomPoints(count, dimension: d, seed: UInt64(20 + d))
            let solver = try LFPSolver(dimension: d, cutoff: K, weight: .sobolev(alpha: 1.5))
            let h = try solver.interpolate(points: points, values: (0..<count).map { Double($0) - 1.5 })
            let grid = try h.values(onGridOfSize: size)
            XCTAssertEqual(grid.count, (0..<d).reduce(1) { r, _ in r * size })
            var gridPoints: [Double] = []
            for index in grid.indices {
                var rest = index, point = [Double](repeating: 0, count: d)
                for a in stride(from: d - 1, through: 0, by: -1) {
                    point[a] = Double(rest % size) / Double(size)
                    rest /= size
                }
                gridPoints += point
            }
            let scattered = try h.values(at: gridPoints)
            let scale = scattered.map(abs).max()!
            for i in grid.indices { XCTAssertEqual(grid[i], scattered[i], accuracy: 1e-12 * scale, "d = \(d), point \(i)") }
        }
    }

    func testRadialWeightsTakeTheirValueAtEveryFrequency() throws {
        // The solver computes a radial weight once per |k|^2 in 2-D and 3-D: every frequency gets the formula's value.
        let (alpha, K) = (2.5, 6)
        let solvers = [try LFPSolver(dimension: 2, cutoff: K, weight: .sobolev(alpha: alpha)),
                       try LFPSolver(dimension: 3, cutoff: K, weight: .sobolev(alpha: alpha))]
        for solver in solvers {
            for index in 0..<solver.frequencyCount {
                let k = solver.frequency(atCubeIndex: index)
                let m = Double(k.reduce(0) { $0 + $1 * $1 })
                XCTAssertEqual(solver.inverseWeight(at: k), pow(1 + 4 * Double.pi * Double.pi * m, -alpha / 2), "k = \(k)")
            }
        }
        let homogeneous = try LFPSolver(dimension: 2, cutoff: K, weight: .homogeneous(alpha: alpha))
        XCTAssertEqual(homogeneous.inverseWeight(at: [0, 0]), 1)
        XCTAssertEqual(homogeneous.inverseWeight(at: [-3, 4]), pow(4 * Double.pi * Double.pi * 25, -alpha / 2))
        XCTAssertEqual(homogeneous.inverseWeight(at: [5, 0]), homogeneous.inverseWeight(at: [-4, -3]))
    }

    func testHomogeneousWeightAtZeroFrequency() throws {
        let solver = try LFPSolver(dimension: 1, cutoff: 4, weight: .homogeneous(alpha: 2, zeroFrequencyWeight: 5))
        XCTAssertEqual(solver.inverseWeight(at: [0]), 0.2)
        XCTAssertEqual(solver.inverseWeight(at: [-3]), 1 / (36 * Double.pi * Double.pi), accuracy: 1e-15)
        XCTAssertEqual(try LFPWeight.homogeneous(alpha: 2).value(at: [0]), 1)
    }

    func testReLUWeightMatchesClosedFormIn1D() throws {
        let (s, t) = (3.0, 0.1)
        let (c1, c2) = try ReLUInitialization.uniform(weightRange: s, outputRange: t).gammaSquaredConstants(dimension: 1)
        // E|w|^3 = s^3/4, E[a^2] E|w| = (t^2/3)(s/2)
        XCTAssertEqual(c1, pow(s, 3) / 4 / (16 * pow(Double.pi, 4)), accuracy: 1e-15)
        XCTAssertEqual(c2, t * t / 3 * s / 2 / (4 * Double.pi * Double.pi), accuracy: 1e-15)
        let solver = try LFPSolver(dimension: 1, cutoff: 10, weight: .twoLayerReLU(.uniform(weightRange: s, outputRange: t)))
        for k in 1...10 {
            let xi = Double(k)
            XCTAssertEqual(solver.inverseWeight(at: [k]), c1 / pow(xi, 4) + c2 / pow(xi, 2), accuracy: 1e-15)
        }
        XCTAssertEqual(solver.inverseWeight(at: [0]), c1 + c2, accuracy: 1e-15)
    }

    func testReLUWeightMatchesMonteCarloIn2DAnd3D() throws {
        for d in [2, 3] {
            let (s, t) = (0.2, 1.0)
            let weight = LFPWeight.twoLayerReLU(.uniform(weightRange: s, outputRange: t))
            // Independent Monte Carlo estimate of E[r^3/(16 pi^4 |xi|^(d+3)) + a^2 r/(4 pi^2 |xi|^(d+1))] at xi = (1, 2, ...).
            var rng = SeededGenerator(seed: 21 + UInt64(d))
            let samples = 400_000
            let xi = (1...d).reduce(0.0) { $0 + Double($1 * $1) }.squareRoot()
            var sum = 0.0, sumSquares = 0.0
            for _ in 0..<samples {
                let r = (0..<d).reduce(0.0) { acc, _ in let w = Double.random(in: -s...s, using: &rng); return acc + w * w }.squareRoot()
                let a = Double.random(in: -t...t, using: &rng)
                let g = r * r * r / (16 * pow(Double.pi, 4) * pow(xi, Double(d + 3))) + a * a * r / (4 * Double.pi * Double.pi * pow(xi, Double(d + 1)))
                sum += g; sumSquares += g * g
            }
            let mean = sum / Double(samples)
            let standardError = ((sumSquares / Double(samples) - mean * mean) / Double(samples)).squareRoot()
            let gamma2 = 1 / (try weight.value(at: Array(1...d)))
            XCTAssertEqual(gamma2, mean, accuracy: 5 * standardError, "d = \(d)")
            // Sampled neurons use the sample means exactly.
            let w = (0..<3 * d).map { Double($0 % 5) - 2 }, a = [0.5, -1, 2]
            let sampled = try ReLUInitialization.samples(inputWeights: w, outputWeights: a).gammaSquaredConstants(dimension: d)
            var r3 = 0.0, ar = 0.0
            for i in 0..<3 {
                let r = (0..<d).reduce(0.0) { $0 + w[i * d + $1] * w[i * d + $1] }.squareRoot()
                r3 += r * r * r / 3; ar += a[i] * a[i] * r / 3
            }
            XCTAssertEqual(sampled.cubic, r3 / (16 * pow(Double.pi, 4)), accuracy: 1e-15)
            XCTAssertEqual(sampled.linear, ar / (4 * Double.pi * Double.pi), accuracy: 1e-15)
        }
    }

    func testCustomWeight() throws {
        let solver = try LFPSolver(dimension: 2, cutoff: 3, weight: .custom { k in 1 + Double(k[0] * k[0] + 2 * k[1] * k[1]) })
        XCTAssertEqual(solver.inverseWeight(at: [1, -2]), 1 / 10)
        let h = try solver.interpolate(points: [0.1, 0.1, 0.5, 0.5], values: [1, 2])
        XCTAssertEqual(try h.values(at: [0.5, 0.5])[0], 2, accuracy: 1e-10)
    }

    func testBadInputThrowsNamedErrors() throws {
        func expect(_ expected: LFPError, mentioning text: String, _ body: () throws -> Void) {
            XCTAssertThrowsError(try body()) { error in
                XCTAssertEqual(error as? LFPError, expected)
                XCTAssertTrue("\(error)".contains(text), "\(error)")
            }
        }
        let solver = try LFPSolver(dimension: 2, cutoff: 4, weight: .sobolev(alpha: 2))
        expect(.duplicatePoints(first: 0, second: 2), mentioning: "0 and 2") {
            _ = try solver.interpolate(points: [0.1, 0.2, 0.5, 0.5, 0.1, 0.2], values: [1, 2, 3])
        }
        expect(.invalidAlpha(0), mentioning: "alpha = 0.0") { _ = try LFPSolver(dimension: 1, cutoff: 4, weight: .sobolev(alpha: 0)) }
        expect(.invalidAlpha(-1), mentioning: "alpha = -1.0") { _ = try LFPSolver(dimension: 1, cutoff: 4, weight: .homogeneous(alpha: -1)) }
        expect(.invalidCutoff(0), mentioning: "K = 0") { _ = try LFPSolver(dimension: 1, cutoff: 0, weight: .sobolev(alpha: 2)) }
        expect(.unsupportedDimension(4), mentioning: "d = 4") { _ = try LFPSolver(dimension: 4, cutoff: 2, weight: .sobolev(alpha: 2)) }
        expect(.pointOutsideTorus(index: 1, coordinate: 0, value: 1.0), mentioning: "coordinate 0 = 1.0") {
            _ = try solver.interpolate(points: [0.1, 0.2, 1.0, 0.5], values: [1, 2])
        }
        expect(.pointOutsideTorus(index: 0, coordinate: 1, value: -0.5), mentioning: "-0.5") {
            _ = try solver.interpolate(points: [0.1, -0.5], values: [1])
        }
        expect(.valueCountMismatch(points: 2, values: 1), mentioning: "2 data points but 1 values") {
            _ = try solver.interpolate(points: [0.1, 0.2, 0.3, 0.4], values: [1])
        }
        expect(.pointCountMismatch(coordinates: 3, dimension: 2), mentioning: "3 coordinates") {
            _ = try solver.interpolate(points: [0.1, 0.2, 0.3], values: [1])
        }
        expect(.tooFewFrequencies(points: 4, frequencies: 3), mentioning: "only 3 frequencies") {
            _ = try LFPSolver(dimension: 1, cutoff: 1, weight: .sobolev(alpha: 2)).interpolate(points: [0.1, 0.2, 0.3, 0.4], values: [1, 1, 1, 1])
        }
        expect(.emptyData, mentioning: "no data points") { _ = try solver.interpolate(points: [], values: []) }
        expect(.weightNotEven(frequency: [1], value: 2, mirroredValue: 1), mentioning: "w([-1]) = 1.0") {
            _ = try LFPSolver(dimension: 1, cutoff: 2, weight: .custom { k in k[0] > 0 ? 2 : 1 })
        }
        expect(.invalidWeight(frequency: [0], value: 0), mentioning: "k = [0]") {
            _ = try LFPSolver(dimension: 1, cutoff: 2, weight: .custom { k in Double(abs(k[0])) })
        }
        XCTAssertThrowsError(try solver.kernelOnGrid(size: 1 << 20)) { error in
            guard case .insufficientMemory(_, let needed, _)? = error as? LFPError else { return XCTFail("\(error)") }
            XCTAssertEqual(needed, 16 << 40)
            XCTAssertTrue("\(error)".contains("16384.0 GiB"), "\(error)")
        }
        let small = try LFPSolver(dimension: 3, cutoff: 4, weight: .sobolev(alpha: 2), memoryLimit: 1 << 20)
        XCTAssertThrowsError(try small.kernelOnGrid(size: 64)) { error in XCTAssertTrue("\(error)".contains("64^3"), "\(error)") }
        expect(.invalidGridSize(0), mentioning: "N = 0") { _ = try solver.kernelOnGrid(size: 0) }
        XCTAssertThrowsError(try LFPSolver(dimension: 3, cutoff: 100_000, weight: .sobolev(alpha: 4))) { error in
            XCTAssertTrue("\(error)".contains("200001^3 frequencies would need"), "\(error)")
        }
        // A radial weight in 2-D keeps its values by |k|^2 beside the table: 4 * 201^2 = 161 604 bytes for the table
        // and 8 * (2 * 100^2 + 1) = 160 008 for those, so 200 000 bytes are enough for a custom weight only.
        XCTAssertThrowsError(try LFPSolver(dimension: 2, cutoff: 100, weight: .sobolev(alpha: 2), memoryLimit: 200_000)) { error in
            guard case .insufficientMemory(_, let needed, _)? = error as? LFPError else { return XCTFail("\(error)") }
            XCTAssertEqual(needed, 161_604 + 160_008)
        }
        XCTAssertNoThrow(try LFPSolver(dimension: 2, cutoff: 100, weight: .custom { k in 1 + Double(k[0] * k[0] + k[1] * k[1]) },
                                       memoryLimit: 200_000))
    }

    func testNearlyCoincidentPointsWithSteepWeightAreRefused() {
        XCTAssertThrowsError(try LFPSolver(dimension: 1, cutoff: 64, weight: .sobolev(alpha: 12))
            .interpolate(points: [0.5, 0.5 + 1e-7], values: [1, -1])) { error in
            let known: Bool
            switch error as? LFPError {
            case .singularGramMatrix?, .gramMatrixNotPositiveDefinite?: known = true
            default: known = false
            }
            XCTAssertTrue(known, "\(error)")
        }
    }

    func testDocumentationExamples() throws {
        do {
            let solver = try LFPSolver(dimension: 1, cutoff: 256, weight: .sobolev(alpha: 2))
            let h = try solver.interpolate(points: [0.25, 0.75], values: [0.9, 0.9])
            let curve = try h.values(onGridOfSize: 1024)
            XCTAssertEqual(curve[256], 0.9, accuracy: 1e-10)
        }
        do {
            let solver = try LFPSolver(dimension: 2, cutoff: 32, weight: .sobolev(alpha: 3))
            let h = try solver.interpolate(points: [0.2, 0.3, 0.7, 0.6], values: [1, -1])
            XCTAssertEqual(try h.values(onGridOfSize: 128).count, 128 * 128)
            XCTAssertEqual(try h.values(at: [0.2, 0.3])[0], 1, accuracy: 1e-10)
            let c00 = h.fourierCoefficient(at: [0, 0])
            XCTAssertEqual(c00.imag, 0)
        }
        XCTAssertEqual(try LFPWeight.sobolev(alpha: 2).value(at: [1]), 1 + 4 * Double.pi * Double.pi, accuracy: 1e-12)
        XCTAssertEqual(try LFPWeight.custom { k in 1 + Double(k.map { $0 * $0 }.reduce(0, +)) }.value(at: [1, 2]), 6)
        let cubicSpline = ReLUInitialization.uniform(weightRange: 3, outputRange: 0.1)
        XCTAssertGreaterThan(try cubicSpline.gammaSquaredConstants(dimension: 1).cubic, 0)
        do {
            _ = try LFPSolver(dimension: 4, cutoff: 8, weight: .sobolev(alpha: 2))
        } catch let error as LFPError {
            XCTAssertEqual("\(error)", "dimension d = 4 is not supported: the LFP solver works on the torus [0,1)^d for d = 1, 2, 3")
        }
        let flow = try LFPDynamics(solver: LFPSolver(dimension: 1, cutoff: 128, weight: .sobolev(alpha: 2)),
                                   points: [0.1, 0.4, 0.7], targets: [1, 0, 1])
        XCTAssertEqual(try flow.values(at: 10, onGridOfSize: 512).count, 512)
        XCTAssertEqual(try flow.residualSpectrum(at: 10).count, 257)
        let needles = try LFPSolver(dimension: 1, cutoff: 512, weight: .sobolev(alpha: 0.5)).interpolate(points: [0.25, 0.75], values: [0.9, 0.9])
        XCTAssertLessThan(try needles.awayFromDataNorm(radius: 0.05, gridSize: 4096).sup, 0.1)
        let scan = try LFPCriticalRate.scan(dimension: 1, alphas: [0.25, 0.5, 0.75, 1, 1.25, 1.5, 2],
                                            cutoffs: [32, 64, 128, 256, 512], points: [0.25, 0.75], values: [0.9, 0.9],
                                            radius: 0.05, gridSize: 2048)
        XCTAssertEqual(scan.lowerBound, 0.75)
        XCTAssertEqual(scan.upperBound, 1)
    }
}
