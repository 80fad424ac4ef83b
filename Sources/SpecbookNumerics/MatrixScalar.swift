import COpenBLAS
import CVectorKernels

#if canImport(Glibc)
import Glibc
#endif

/// A floating-point type the numerics layer computes with: `Float` (the fast path) or `Double`.
///
/// Each requirement forwards to the BLAS or LAPACK routine of that precision, so generic code such
/// as `Matrix<Scalar>` and `MLP<Scalar>` calls `sgemm` for `Float` and `dgemm` for `Double`.
///
/// ```swift
/// func total<S: MatrixScalar>(_ m: Matrix<S>) -> S { m.sum() }
/// print(total(Matrix<Float>(rows: 2, columns: 2, repeating: 1)))  // 4.0
/// ```
///
/// **Edge cases:**
/// - The pointer-taking requirements are thin wrappers: callers check shapes and leading dimensions.
/// - Only `Float` and `Double` conform; other conformances are not supported.
public protocol MatrixScalar: BinaryFloatingPoint, SIMDScalar, Codable, Sendable, LosslessStringConvertible
where RawSignificand: FixedWidthInteger {
    /// C = alpha op(A) op(B) + beta C in row-major storage (`cblas_?gemm`).
    static func blasGEMM(
        transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int,
        alpha: Self, a: UnsafePointer<Self>, lda: Int, b: UnsafePointer<Self>, ldb: Int,
        beta: Self, c: UnsafeMutablePointer<Self>, ldc: Int)
    /// The Euclidean norm of `count` contiguous values (`cblas_?nrm2`, safe against overflow).
    static func blasNorm2(count: Int, _ x: UnsafePointer<Self>) -> Self
    /// Cholesky factorisation of a column-major symmetric matrix (`LAPACKE_?potrf`); returns `info`.
    static func lapackPOTRF(uplo: CChar, n: Int, a: UnsafeMutablePointer<Self>, lda: Int) -> Int
    /// Solves with a Cholesky factor, column-major (`LAPACKE_?potrs`); returns `info`.
    static func lapackPOTRS(
        uplo: CChar, n: Int, nrhs: Int, a: UnsafePointer<Self>, lda: Int,
        b: UnsafeMutablePointer<Self>, ldb: Int) -> Int
    /// Reciprocal 1-norm condition estimate from a Cholesky factor (`LAPACKE_?pocon`).
    static func lapackPOCON(
        uplo: CChar, n: Int, a: UnsafePointer<Self>, lda: Int, anorm: Self,
        rcond: UnsafeMutablePointer<Self>) -> Int
    /// A norm of a column-major symmetric matrix (`LAPACKE_?lansy`); `norm` is `"1"`, `"I"`, `"F"` or `"M"`.
    static func lapackLANSY(norm: CChar, uplo: CChar, n: Int, a: UnsafePointer<Self>, lda: Int) -> Self

    /// The hyperbolic tangent.
    static func tanh(_ x: Self) -> Self
    /// The sine.
    static func sin(_ x: Self) -> Self
    /// The cosine.
    static func cos(_ x: Self) -> Self
    /// The natural logarithm.
    static func log(_ x: Self) -> Self
    /// a = tanh(a) and d = 1 - a² over `count` values (`d` may be nil in inference).
    static func tanhInPlace(_ a: UnsafeMutablePointer<Self>, derivative d: UnsafeMutablePointer<Self>?, count: Int)
    /// √x for x ≥ 0 in plain arithmetic that vectorises (Float: within 3 ulp; Double: exact).
    static func loopSquareRoot(_ x: Self) -> Self
}

@inline(__always)
private func transposeFlag(_ t: Bool) -> CBLAS_TRANSPOSE { t ? CblasTrans : CblasNoTrans }

extension Float: MatrixScalar {
    public static func blasGEMM(
        transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int,
        alpha: Float, a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
        beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int
    ) {
        cblas_sgemm(
            CblasRowMajor, transposeFlag(transposeA), transposeFlag(transposeB),
            blasint(m), blasint(n), blasint(k), alpha, a, blasint(lda), b, blasint(ldb), beta, c, blasint(ldc))
    }
    public static func blasNorm2(count: Int, _ x: UnsafePointer<Float>) -> Float {
        cblas_snrm2(blasint(count), x, 1)
    }
    public static func lapackPOTRF(uplo: CChar, n: Int, a: UnsafeMutablePointer<Float>, lda: Int) -> Int {
        Int(LAPACKE_spotrf(LAPACK_COL_MAJOR, uplo, Int32(n), a, Int32(lda)))
    }
    public static func lapackPOTRS(
        uplo: CChar, n: Int, nrhs: Int, a: UnsafePointer<Float>, lda: Int,
        b: UnsafeMutablePointer<Float>, ldb: Int
    ) -> Int {
        Int(LAPACKE_spotrs(
            LAPACK_COL_MAJOR, uplo, Int32(n), Int32(nrhs), a, Int32(lda), b, Int32(ldb)))
    }
    public static func lapackPOCON(
        uplo: CChar, n: Int, a: UnsafePointer<Float>, lda: Int, anorm: Float, rcond: UnsafeMutablePointer<Float>
    ) -> Int {
        Int(LAPACKE_spocon(LAPACK_COL_MAJOR, uplo, Int32(n), a, Int32(lda), anorm, rcond))
    }
    public static func lapackLANSY(norm: CChar, uplo: CChar, n: Int, a: UnsafePointer<Float>, lda: Int) -> Float {
        LAPACKE_slansy(LAPACK_COL_MAJOR, norm, uplo, Int32(n), a, Int32(lda))
    }
    public static func tanh(_ x: Float) -> Float { tanhf(x) }
    public static func sin(_ x: Float) -> Float { sinf(x) }
    public static func cos(_ x: Float) -> Float { cosf(x) }
    public static func log(_ x: Float) -> Float { logf(x) }
    public static func tanhInPlace(_ a: UnsafeMutablePointer<Float>, derivative d: UnsafeMutablePointer<Float>?, count: Int) {
        FastTanh.apply(a, derivative: d, count: count, instructionSet: .fastest)
    }
    // `squareRoot()` lowers to a sqrtf call with an errno check, which blocks vectorisation:
    // 1/√x from the exponent trick, three Newton steps y ← y (3/2 − x/2 · y²), then x · y.
    @inline(__always)
    public static func loopSquareRoot(_ x: Float) -> Float {
        var y = Float(bitPattern: 0x5f37_59df &- (x.bitPattern >> 1))
        let half = 0.5 * x
        y = y * (1.5 - half * y * y)
        y = y * (1.5 - half * y * y)
        y = y * (1.5 - half * y * y)
        return x * y
    }
}

extension Double: MatrixScalar {
    public static func blasGEMM(
        transposeA: Bool, transposeB: Bool, m: Int, n: Int, k: Int,
        alpha: Double, a: UnsafePointer<Double>, lda: Int, b: UnsafePointer<Double>, ldb: Int,
        beta: Double, c: UnsafeMutablePointer<Double>, ldc: Int
    ) {
        cblas_dgemm(
            CblasRowMajor, transposeFlag(transposeA), transposeFlag(transposeB),
            blasint(m), blasint(n), blasint(k), alpha, a, blasint(lda), b, blasint(ldb), beta, c, blasint(ldc))
    }
    public static func blasNorm2(count: Int, _ x: UnsafePointer<Double>) -> Double {
        cblas_dnrm2(blasint(count), x, 1)
    }
    public static func lapackPOTRF(uplo: CChar, n: Int, a: UnsafeMutablePointer<Double>, lda: Int) -> Int {
        Int(LAPACKE_dpotrf(LAPACK_COL_MAJOR, uplo, Int32(n), a, Int32(lda)))
    }
    public static func lapackPOTRS(
        uplo: CChar, n: Int, nrhs: Int, a: UnsafePointer<Double>, lda: Int,
        b: UnsafeMutablePointer<Double>, ldb: Int
    ) -> Int {
        Int(LAPACKE_dpotrs(
            LAPACK_COL_MAJOR, uplo, Int32(n), Int32(nrhs), a, Int32(lda), b, Int32(ldb)))
    }
    public static func lapackPOCON(
        uplo: CChar, n: Int, a: UnsafePointer<Double>, lda: Int, anorm: Double, rcond: UnsafeMutablePointer<Double>
    ) -> Int {
        Int(LAPACKE_dpocon(LAPACK_COL_MAJOR, uplo, Int32(n), a, Int32(lda), anorm, rcond))
    }
    public static func lapackLANSY(norm: CChar, uplo: CChar, n: Int, a: UnsafePointer<Double>, lda: Int) -> Double {
        LAPACKE_dlansy(LAPACK_COL_MAJOR, norm, uplo, Int32(n), a, Int32(lda))
    }
    public static func tanh(_ x: Double) -> Double { Glibc.tanh(x) }
    public static func sin(_ x: Double) -> Double { Glibc.sin(x) }
    public static func cos(_ x: Double) -> Double { Glibc.cos(x) }
    public static func log(_ x: Double) -> Double { Glibc.log(x) }
    // Double is the checking precision: tanh within 2 ulp of the exact value (CVectorKernels, on the CPU's widest
    // vectors; every instruction set gives the same bits).
    public static func tanhInPlace(_ a: UnsafeMutablePointer<Double>, derivative d: UnsafeMutablePointer<Double>?, count: Int) {
        specbook_tanh_f64(Int32(VectorInstructionSet.fastest.rawValue), a, d, count)
    }
    public static func loopSquareRoot(_ x: Double) -> Double { x.squareRoot() }
}
