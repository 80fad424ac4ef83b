/// The Cholesky factorisation A = L Lᵀ of a symmetric positive definite matrix, through LAPACK.
///
/// Factor once, then solve for as many right-hand sides as needed; the 1-norm condition estimate
/// (`?pocon`) costs O(n²) next to the O(n³) factorisation.
///
/// ```swift
/// let a = try Matrix<Double>([[4, 2], [2, 3]])
/// let chol = try Cholesky(a)
/// let x = try chol.solve([2, 1])                 // a · x = [2, 1]
/// print(x, chol.reciprocalConditionNumber())
/// ```
///
/// **Edge cases:**
/// - Only the lower triangle of `a` is read; the matrix is taken to be symmetric.
/// - A non-square matrix throws ``NumericsError/notSquare(operation:shape:)``.
/// - NaN or infinity throws ``NumericsError/nonFiniteInput(operation:)`` (LAPACK would not notice).
/// - A matrix that is not positive definite throws ``NumericsError/notPositiveDefinite(order:minor:)``.
/// - The 0×0 matrix factors; solving with it gives an empty result.
public struct Cholesky<Scalar: MatrixScalar>: Sendable {
    /// The order n of the factored n×n matrix.
    public let order: Int
    // Row-major lower triangle = LAPACK column-major upper triangle of the same buffer (uplo "U"):
    // a symmetric matrix is its own transpose, so no layout copy is needed.
    private var factor: [Scalar]
    private let norm1OfA: Scalar
    private static var uplo: CChar { CChar(UInt8(ascii: "U")) }

    /// Factors the symmetric positive definite matrix `a`.
    public init(_ a: Matrix<Scalar>) throws {
        guard a.rows == a.columns else { throw NumericsError.notSquare(operation: "Cholesky factorisation", shape: a.shape) }
        guard a.elements.allSatisfy({ $0.isFinite }) else {
            throw NumericsError.nonFiniteInput(operation: "Cholesky factorisation")
        }
        let n = a.rows
        order = n
        factor = a.elements
        guard n > 0 else { norm1OfA = 0; return }
        let uplo = Self.uplo
        norm1OfA = factor.withUnsafeBufferPointer {
            Scalar.lapackLANSY(norm: CChar(UInt8(ascii: "1")), uplo: uplo, n: n, a: $0.baseAddress!, lda: n)
        }
        let info = factor.withUnsafeMutableBufferPointer {
            Scalar.lapackPOTRF(uplo: uplo, n: n, a: $0.baseAddress!, lda: n)
        }
        if info > 0 { throw NumericsError.notPositiveDefinite(order: n, minor: info) }
        if info < 0 { throw NumericsError.lapackFailure(routine: "potrf", info: info) }
        // Clear the unused triangle so `factor` holds exactly L (row-major).
        for i in 0..<n {
            for j in (i + 1)..<n { factor[i * n + j] = 0 }
        }
    }

    /// The lower-triangular factor L with A = L Lᵀ.
    public var lower: Matrix<Scalar> {
        // factor.count == order², so this cannot fail.
        (try? Matrix(rows: order, columns: order, elements: factor)) ?? Matrix(rows: 0, columns: 0)
    }

    /// Solves A X = B for X, one column of `b` per right-hand side.
    ///
    /// ```swift
    /// let x = try chol.solve(Matrix<Double>.identity(2))   // the inverse of a
    /// ```
    ///
    /// **Edge cases:**
    /// - `b.rows != order` throws ``NumericsError/shapeMismatch(operation:lhs:rhs:requirement:)``.
    /// - A `b` with no columns gives an empty result.
    public func solve(_ b: Matrix<Scalar>) throws -> Matrix<Scalar> {
        guard b.rows == order else {
            throw NumericsError.shapeMismatch(
                operation: "Cholesky solve", lhs: MatrixShape(rows: order, columns: order), rhs: b.shape,
                requirement: "right-hand side rows == matrix order")
        }
        guard order > 0, b.columns > 0 else { return b }
        // LAPACK wants the right-hand sides column-major: for one column that is the same buffer.
        var columnMajor = b.columns == 1 ? b.elements : b.transposed().elements
        try potrs(&columnMajor, nrhs: b.columns)
        let solved = try Matrix(rows: b.columns, columns: order, elements: columnMajor)
        return b.columns == 1 ? try Matrix(rows: order, columns: 1, elements: columnMajor) : solved.transposed()
    }

    /// Solves A x = b for one right-hand side.
    ///
    /// ```swift
    /// let x = try chol.solve([1, 0])
    /// ```
    ///
    /// **Edge cases:**
    /// - `b.count != order` throws ``NumericsError/shapeMismatch(operation:lhs:rhs:requirement:)``.
    public func solve(_ b: [Scalar]) throws -> [Scalar] {
        try solve(Matrix(column: b)).elements
    }

    /// An estimate of 1 / κ₁(A), the reciprocal 1-norm condition number (LAPACK `?pocon`).
    ///
    /// ```swift
    /// if chol.reciprocalConditionNumber() < 1e-12 { print("nearly singular") }
    /// ```
    ///
    /// **Edge cases:**
    /// - Near 0 means nearly singular: expect to lose about log10(1/rcond) digits in a solve.
    /// - The 0×0 matrix gives 1.
    public func reciprocalConditionNumber() -> Scalar {
        guard order > 0 else { return 1 }
        var rcond: Scalar = 0
        _ = factor.withUnsafeBufferPointer {
            Scalar.lapackPOCON(uplo: Self.uplo, n: order, a: $0.baseAddress!, lda: order, anorm: norm1OfA, rcond: &rcond)
        }
        return rcond
    }

    /// log det A = 2 Σ log L_ii.
    ///
    /// **Edge cases:**
    /// - The 0×0 matrix gives 0 (det = 1).
    public var logDeterminant: Scalar {
        var s: Scalar = 0
        for i in 0..<order { s += Scalar.log(factor[i * order + i]) }
        return 2 * s
    }

    private func potrs(_ b: inout [Scalar], nrhs: Int) throws {
        let n = order
        let info = factor.withUnsafeBufferPointer { a in
            b.withUnsafeMutableBufferPointer { pb in
                Scalar.lapackPOTRS(uplo: Self.uplo, n: n, nrhs: nrhs, a: a.baseAddress!, lda: n, b: pb.baseAddress!, ldb: n)
            }
        }
        if info != 0 { throw NumericsError.lapackFailure(routine: "potrs", info: info) }
    }
}

extension Matrix {
    /// Solves self · X = b for a symmetric positive definite `self` (Cholesky factor and solve).
    ///
    /// ```swift
    /// let c = try kernel.solvePositiveDefinite(Matrix(column: y))
    /// ```
    ///
    /// **Edge cases:**
    /// - The same as ``Cholesky/init(_:)`` and ``Cholesky/solve(_:)-(Matrix<Scalar>)``.
    public func solvePositiveDefinite(_ b: Matrix) throws -> Matrix {
        try Cholesky(self).solve(b)
    }
}
