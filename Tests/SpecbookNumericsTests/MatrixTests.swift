import SpecbookNumerics
import XCTest

final class MatrixTests: XCTestCase {
    /// A deterministic matrix with entries in [-1, 1).
    func randomMatrix<S: MatrixScalar>(_ rows: Int, _ columns: Int, seed: UInt64) -> Matrix<S> {
        var rng = SeededGenerator(seed: seed)
        return Matrix(rows: rows, columns: columns) { _, _ in S(rng.uniform(-1, 1)) }
    }

    func naiveProduct<S: MatrixScalar>(_ a: Matrix<S>, _ ta: Bool, _ b: Matrix<S>, _ tb: Bool) -> Matrix<S> {
        let opA = ta ? a.transposed() : a, opB = tb ? b.transposed() : b
        return Matrix(rows: opA.rows, columns: opB.columns) { i, j in
            var s: S = 0
            for k in 0..<opA.columns { s += opA[i, k] * opB[k, j] }
            return s
        }
    }

    // Tolerance: GEMM reorders sums; 1e-12 (Double) and 1e-5 (Float) of the inner dimension's scale.
    func checkGEMM<S: MatrixScalar>(_: S.Type, tolerance: S) throws {
        for (ta, tb) in [(false, false), (true, false), (false, true), (true, true)] {
            let (m, k, n) = (7, 13, 5)
            let a: Matrix<S> = randomMatrix(ta ? k : m, ta ? m : k, seed: 1)
            let b: Matrix<S> = randomMatrix(tb ? n : k, tb ? k : n, seed: 2)
            let c = try a.multiplied(by: b, transposingSelf: ta, transposingOther: tb)
            let expected = naiveProduct(a, ta, b, tb)
            XCTAssertEqual(c.shape, MatrixShape(rows: m, columns: n))
            XCTAssertLessThan(try (c - expected).maxAbs(), tolerance, "transposes \(ta) \(tb)")
        }
    }

    func testGEMMMatchesNaiveLoopsDouble() throws { try checkGEMM(Double.self, tolerance: 1e-12) }
    func testGEMMMatchesNaiveLoopsFloat() throws { try checkGEMM(Float.self, tolerance: 1e-5) }

    func testGEMMWithAlphaBetaAccumulates() throws {
        let a = try Matrix<Double>([[1, 2], [3, 4]])
        var c = Matrix<Double>(rows: 2, columns: 2, repeating: 1)
        try Matrix.multiply(a, false, a, true, into: &c, alpha: 2, beta: 1)
        // 2·a·aᵀ + 1 = 2·[[5, 11], [11, 25]] + 1, exact in binary floating point.
        XCTAssertEqual(c, try Matrix([[11, 23], [23, 51]]))
    }

    func testEmptyInnerDimensionGivesZeros() throws {
        let a = Matrix<Float>(rows: 3, columns: 0), b = Matrix<Float>(rows: 0, columns: 2)
        XCTAssertEqual(try a * b, Matrix(rows: 3, columns: 2))
    }

    func testShapeMismatchNamesBothShapes() {
        let a = Matrix<Double>(rows: 2, columns: 3), b = Matrix<Double>(rows: 2, columns: 3)
        XCTAssertThrowsError(try a * b) { error in
            XCTAssertEqual(
                error as? NumericsError,
                .shapeMismatch(operation: "matrix product", lhs: MatrixShape(rows: 2, columns: 3),
                               rhs: MatrixShape(rows: 2, columns: 3), requirement: "columns of lhs == rows of rhs"))
            XCTAssertTrue("\(error)".contains("2×3 and 2×3"), "\(error)")
        }
        XCTAssertThrowsError(try a + Matrix(rows: 3, columns: 2)) { error in
            XCTAssertTrue("\(error)".contains("2×3 and 3×2"), "\(error)")
        }
        XCTAssertThrowsError(try a.applied(to: [1, 2])) { error in
            XCTAssertTrue("\(error)".contains("2×3 and 2×1"), "\(error)")
        }
        var c = Matrix<Double>(rows: 2, columns: 2)
        XCTAssertThrowsError(try Matrix.multiply(a, true, b, false, into: &c, alpha: 1, beta: 0)) { error in
            XCTAssertTrue("\(error)".contains("3×3 and 2×2"), "\(error)")
        }
        XCTAssertThrowsError(try Matrix<Double>(rows: 2, columns: 2, elements: [1, 2, 3]))
        XCTAssertThrowsError(try Matrix<Double>([[1, 2], [3]]))
    }

    func testTransposeAndAccessors() throws {
        let m = try Matrix<Float>([[1, 2, 3], [4, 5, 6]])
        let t = m.transposed()
        XCTAssertEqual(t, try Matrix([[1, 4], [2, 5], [3, 6]]))
        XCTAssertEqual(m.row(1), [4, 5, 6])
        XCTAssertEqual(m.column(2), [3, 6])
        let big: Matrix<Double> = randomMatrix(70, 45, seed: 3)
        XCTAssertEqual(big.transposed().transposed(), big)
        XCTAssertEqual(Matrix<Float>(rows: 4, columns: 0).transposed().shape, MatrixShape(rows: 0, columns: 4))
    }

    func testReductionsExact() throws {
        let m = try Matrix<Double>([[1, -2], [3, 4]])
        XCTAssertEqual(m.sum(), 6)
        XCTAssertEqual(m.mean(), 1.5)
        XCTAssertEqual(m.maxAbs(), 4)
        XCTAssertEqual(m.norm1(), 6)
        XCTAssertEqual(m.normInfinity(), 7)
        XCTAssertEqual(m.columnSums(), [4, 2])
        XCTAssertEqual(m.rowSums(), [-1, 7])
        XCTAssertEqual(m.columnMeans(), [2, 1])
        XCTAssertEqual(Matrix<Double>(row: [3, 4]).frobeniusNorm(), 5, accuracy: 1e-15)
        XCTAssertEqual(Matrix<Double>(rows: 0, columns: 3).sum(), 0)
        XCTAssertTrue(Matrix<Double>(rows: 0, columns: 3).mean().isNaN)
        XCTAssertEqual(Matrix<Double>(rows: 0, columns: 3).columnSums(), [0, 0, 0])
        XCTAssertTrue(Matrix<Float>(row: [1, .nan]).maxAbs().isNaN)
        XCTAssertEqual(2 * m, try Matrix([[2, -4], [6, 8]]))
        XCTAssertEqual(m.map { $0 * $0 }, try Matrix([[1, 4], [9, 16]]))
        XCTAssertEqual(try m.elementwiseProduct(m), m.map { $0 * $0 })
    }

    func testCholeskySolveResidual() throws {
        // A = BᵀB + n·I is symmetric positive definite and well conditioned.
        let n = 60
        let b: Matrix<Double> = randomMatrix(n, n, seed: 4)
        let a = try b.multiplied(by: b, transposingSelf: true) + Matrix.identity(n) * Double(n)
        let rhs: Matrix<Double> = randomMatrix(n, 3, seed: 5)
        let chol = try Cholesky(a)
        let x = try chol.solve(rhs)
        // Relative residual |A x - b| / (|A| |x|) near machine epsilon; allow 1e-13.
        let residual = try (a * x - rhs).frobeniusNorm() / (a.frobeniusNorm() * x.frobeniusNorm())
        XCTAssertLessThan(residual, 1e-13)
        // L Lᵀ reproduces A to 1e-12 relative.
        let l = chol.lower
        XCTAssertEqual(l[0, 1], 0)
        XCTAssertLessThan(try (l.multiplied(by: l, transposingOther: true) - a).maxAbs() / a.maxAbs(), 1e-12)
        // The single-vector solve agrees with the matrix solve.
        let x0 = try chol.solve(rhs.column(0))
        XCTAssertLessThan(zip(x0, x.column(0)).map { abs($0 - $1) }.max()!, 1e-14)
        // rcond of a well-conditioned matrix is far from 0 and at most 1.
        let rcond = chol.reciprocalConditionNumber()
        XCTAssertGreaterThan(rcond, 1e-3)
        XCTAssertLessThanOrEqual(rcond, 1)
    }

    func testCholeskyFloatAndLogDeterminant() throws {
        let a = try Matrix<Float>([[4, 2], [2, 3]])
        let chol = try Cholesky(a)
        let x = try chol.solve([2, 1])
        // Exact solution (0.5, 0); Float tolerance 1e-6.
        XCTAssertEqual(x[0], 0.5, accuracy: 1e-6)
        XCTAssertEqual(x[1], 0, accuracy: 1e-6)
        XCTAssertEqual(chol.logDeterminant, Float.log(8), accuracy: 1e-6)
    }

    func testCholeskyErrors() throws {
        XCTAssertThrowsError(try Cholesky(Matrix<Double>(rows: 2, columns: 3))) { error in
            XCTAssertEqual(error as? NumericsError, .notSquare(operation: "Cholesky factorisation", shape: MatrixShape(rows: 2, columns: 3)))
        }
        XCTAssertThrowsError(try Cholesky(try Matrix<Double>([[1, 2], [2, 1]]))) { error in
            XCTAssertEqual(error as? NumericsError, .notPositiveDefinite(order: 2, minor: 2))
        }
        XCTAssertThrowsError(try Cholesky(try Matrix<Double>([[1, .nan], [.nan, 1]]))) { error in
            XCTAssertEqual(error as? NumericsError, .nonFiniteInput(operation: "Cholesky factorisation"))
        }
        let chol = try Cholesky(Matrix<Double>.identity(3))
        XCTAssertThrowsError(try chol.solve([1, 2])) { error in
            XCTAssertTrue("\(error)".contains("3×3 and 2×1"), "\(error)")
        }
        XCTAssertEqual(try Cholesky(Matrix<Double>(rows: 0, columns: 0)).solve([]), [])
    }
}
