extension Matrix {
    /// The transpose: element (i, j) of the result is element (j, i) of `self`.
    ///
    /// ```swift
    /// let t = Matrix<Float>(row: [1, 2, 3]).transposed()   // 3×1
    /// ```
    ///
    /// **Edge cases:**
    /// - An r×0 matrix becomes 0×r.
    public func transposed() -> Matrix {
        var result = Matrix(rows: columns, columns: rows)
        // Blocks of 32×32 keep both the read and the write side in cache.
        let block = 32
        elements.withUnsafeBufferPointer { src in
            result.elements.withUnsafeMutableBufferPointer { dst in
                for i0 in stride(from: 0, to: rows, by: block) {
                    for j0 in stride(from: 0, to: columns, by: block) {
                        for i in i0..<Swift.min(i0 + block, rows) {
                            for j in j0..<Swift.min(j0 + block, columns) { dst[j * rows + i] = src[i * columns + j] }
                        }
                    }
                }
            }
        }
        return result
    }

    /// A matrix of the same shape with `transform` applied to every element.
    ///
    /// ```swift
    /// let squared = m.map { $0 * $0 }
    /// ```
    ///
    /// **Edge cases:**
    /// - Non-finite values are passed to `transform` as they are.
    public func map(_ transform: (Scalar) throws -> Scalar) rethrows -> Matrix {
        var result = self
        try result.elements.withUnsafeMutableBufferPointer { buffer in
            for i in buffer.indices { buffer[i] = try transform(buffer[i]) }
        }
        return result
    }

    /// Combines two matrices of the same shape element by element.
    ///
    /// ```swift
    /// let diff = try a.zipMap(b) { x, y in abs(x - y) }
    /// ```
    ///
    /// **Edge cases:**
    /// - Different shapes throw ``NumericsError/shapeMismatch(operation:lhs:rhs:requirement:)``.
    public func zipMap(_ other: Matrix, _ combine: (Scalar, Scalar) throws -> Scalar) throws -> Matrix {
        try requireSameShape(other, operation: "element-wise operation")
        var result = self
        try result.elements.withUnsafeMutableBufferPointer { r in
            try other.elements.withUnsafeBufferPointer { o in
                for i in r.indices { r[i] = try combine(r[i], o[i]) }
            }
        }
        return result
    }

    /// The element-wise (Hadamard) product.
    ///
    /// ```swift
    /// let h = try a.elementwiseProduct(b)
    /// ```
    ///
    /// **Edge cases:**
    /// - Different shapes throw ``NumericsError/shapeMismatch(operation:lhs:rhs:requirement:)``.
    public func elementwiseProduct(_ other: Matrix) throws -> Matrix {
        try requireSameShape(other, operation: "element-wise product")
        return try zipMap(other, *)
    }

    /// Element-wise sum; different shapes throw ``NumericsError/shapeMismatch(operation:lhs:rhs:requirement:)``.
    public static func + (lhs: Matrix, rhs: Matrix) throws -> Matrix {
        try lhs.requireSameShape(rhs, operation: "matrix sum")
        return try lhs.zipMap(rhs, +)
    }

    /// Element-wise difference; different shapes throw ``NumericsError/shapeMismatch(operation:lhs:rhs:requirement:)``.
    public static func - (lhs: Matrix, rhs: Matrix) throws -> Matrix {
        try lhs.requireSameShape(rhs, operation: "matrix difference")
        return try lhs.zipMap(rhs, -)
    }

    /// Every element multiplied by `scalar`.
    public static func * (scalar: Scalar, matrix: Matrix) -> Matrix { matrix.map { scalar * $0 } }

    /// Every element multiplied by `scalar`.
    public static func * (matrix: Matrix, scalar: Scalar) -> Matrix { matrix.map { $0 * scalar } }

    /// The matrix product `lhs · rhs` through BLAS GEMM.
    ///
    /// ```swift
    /// let c = try a * b
    /// ```
    ///
    /// **Edge cases:**
    /// - `lhs.columns != rhs.rows` throws ``NumericsError/shapeMismatch(operation:lhs:rhs:requirement:)``.
    /// - An inner dimension of 0 gives a zero matrix.
    public static func * (lhs: Matrix, rhs: Matrix) throws -> Matrix {
        try lhs.multiplied(by: rhs)
    }

    /// The product op(self) · op(other), where op transposes when asked, without forming the transpose.
    ///
    /// ```swift
    /// let gram = try x.multiplied(by: x, transposingSelf: true)   // xᵀx
    /// ```
    ///
    /// **Edge cases:**
    /// - Inner dimensions that differ throw ``NumericsError/shapeMismatch(operation:lhs:rhs:requirement:)``.
    /// - An inner dimension of 0 gives a zero matrix.
    public func multiplied(
        by other: Matrix, transposingSelf: Bool = false, transposingOther: Bool = false, alpha: Scalar = 1
    ) throws -> Matrix {
        let m = transposingSelf ? columns : rows
        let n = transposingOther ? other.rows : other.columns
        var result = Matrix(rows: m, columns: n)
        try Matrix.multiply(
            self, transposingSelf, other, transposingOther, into: &result, alpha: alpha, beta: 0)
        return result
    }

    /// GEMM in place: c = alpha · op(a) · op(b) + beta · c.
    ///
    /// ```swift
    /// var c = Matrix<Float>(rows: 2, columns: 2, repeating: 1)
    /// try Matrix.multiply(a, false, b, true, into: &c, alpha: 1, beta: 1)   // c += a bᵀ
    /// ```
    ///
    /// **Edge cases:**
    /// - Any shape that does not fit throws ``NumericsError/shapeMismatch(operation:lhs:rhs:requirement:)``;
    ///   `c` is left unchanged.
    /// - With `beta == 0` the old contents of `c` are ignored, even NaN.
    public static func multiply(
        _ a: Matrix, _ transposeA: Bool, _ b: Matrix, _ transposeB: Bool,
        into c: inout Matrix, alpha: Scalar = 1, beta: Scalar = 0
    ) throws {
        let (m, ka) = transposeA ? (a.columns, a.rows) : (a.rows, a.columns)
        let (kb, n) = transposeB ? (b.columns, b.rows) : (b.rows, b.columns)
        let opA = transposeA ? "lhsᵀ" : "lhs", opB = transposeB ? "rhsᵀ" : "rhs"
        guard ka == kb else {
            throw NumericsError.shapeMismatch(
                operation: "matrix product", lhs: a.shape, rhs: b.shape,
                requirement: "columns of \(opA) == rows of \(opB)")
        }
        guard c.rows == m, c.columns == n else {
            throw NumericsError.shapeMismatch(
                operation: "matrix product result", lhs: MatrixShape(rows: m, columns: n), rhs: c.shape,
                requirement: "the destination to have the product's shape")
        }
        if m == 0 || n == 0 { return }
        if ka == 0 {
            // BLAS with k = 0 only scales c; do it here so beta = 0 also clears NaN.
            c.elements.withUnsafeMutableBufferPointer { buf in
                for i in buf.indices { buf[i] = beta == 0 ? 0 : beta * buf[i] }
            }
            return
        }
        a.elements.withUnsafeBufferPointer { pa in
            b.elements.withUnsafeBufferPointer { pb in
                c.elements.withUnsafeMutableBufferPointer { pc in
                    Scalar.blasGEMM(
                        transposeA: transposeA, transposeB: transposeB, m: m, n: n, k: ka,
                        alpha: alpha, a: pa.baseAddress!, lda: a.columns, b: pb.baseAddress!, ldb: b.columns,
                        beta: beta, c: pc.baseAddress!, ldc: n)
                }
            }
        }
    }

    /// The matrix-vector product `self · vector`.
    ///
    /// ```swift
    /// let y = try a.applied(to: [1, 0, 0])   // first column of a
    /// ```
    ///
    /// **Edge cases:**
    /// - `vector.count != columns` throws ``NumericsError/shapeMismatch(operation:lhs:rhs:requirement:)``.
    public func applied(to vector: [Scalar]) throws -> [Scalar] {
        let v = Matrix(column: vector)
        guard v.rows == columns else {
            throw NumericsError.shapeMismatch(
                operation: "matrix-vector product", lhs: shape, rhs: v.shape,
                requirement: "matrix columns == vector length")
        }
        return try multiplied(by: v).elements
    }

    func requireSameShape(_ other: Matrix, operation: String) throws {
        guard rows == other.rows, columns == other.columns else {
            throw NumericsError.shapeMismatch(
                operation: operation, lhs: shape, rhs: other.shape, requirement: "equal shapes")
        }
    }
}
