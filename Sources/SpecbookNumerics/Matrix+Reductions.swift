extension Matrix {
    /// The sum of all elements.
    ///
    /// ```swift
    /// let total = Matrix<Double>(rows: 2, columns: 3, repeating: 1).sum()   // 6
    /// ```
    ///
    /// **Edge cases:**
    /// - An empty matrix sums to 0; any NaN makes the sum NaN.
    public func sum() -> Scalar {
        elements.withUnsafeBufferPointer { buf in
            // Four partial sums: independent chains run in parallel and round off less.
            var s0: Scalar = 0, s1: Scalar = 0, s2: Scalar = 0, s3: Scalar = 0
            var i = 0
            while i + 4 <= buf.count {
                s0 += buf[i]; s1 += buf[i + 1]; s2 += buf[i + 2]; s3 += buf[i + 3]
                i += 4
            }
            while i < buf.count { s0 += buf[i]; i += 1 }
            return (s0 + s1) + (s2 + s3)
        }
    }

    /// The mean of all elements.
    ///
    /// ```swift
    /// let m = Matrix<Float>(row: [1, 2, 3]).mean()   // 2
    /// ```
    ///
    /// **Edge cases:**
    /// - An empty matrix has mean NaN (0/0).
    public func mean() -> Scalar { count == 0 ? .nan : sum() / Scalar(count) }

    /// The largest absolute value of any element.
    ///
    /// ```swift
    /// let m = Matrix<Float>(row: [1, -4, 3]).maxAbs()   // 4
    /// ```
    ///
    /// **Edge cases:**
    /// - An empty matrix gives 0; a NaN element gives NaN.
    public func maxAbs() -> Scalar {
        var best: Scalar = 0
        for x in elements {
            if x.isNaN { return .nan }
            best = Swift.max(best, Swift.abs(x))
        }
        return best
    }

    /// The Frobenius norm sqrt(Σ a_ij²), computed by BLAS nrm2 without overflow.
    ///
    /// ```swift
    /// let n = Matrix<Double>(row: [3, 4]).frobeniusNorm()   // 5
    /// ```
    ///
    /// **Edge cases:**
    /// - An empty matrix gives 0; infinity gives infinity.
    public func frobeniusNorm() -> Scalar {
        guard count > 0 else { return 0 }
        return elements.withUnsafeBufferPointer { Scalar.blasNorm2(count: $0.count, $0.baseAddress!) }
    }

    /// The 1-norm: the largest column sum of absolute values.
    ///
    /// ```swift
    /// let n = try Matrix<Double>([[1, -2], [3, 4]]).norm1()   // 6
    /// ```
    ///
    /// **Edge cases:**
    /// - A matrix with no columns gives 0; with no rows, every column sum is 0.
    public func norm1() -> Scalar {
        var sums = [Scalar](repeating: 0, count: columns)
        for i in 0..<rows {
            for j in 0..<columns { sums[j] += Swift.abs(elements[i * columns + j]) }
        }
        return sums.max() ?? 0
    }

    /// The infinity norm: the largest row sum of absolute values.
    ///
    /// ```swift
    /// let n = try Matrix<Double>([[1, -2], [3, 4]]).normInfinity()   // 7
    /// ```
    ///
    /// **Edge cases:**
    /// - A matrix with no rows gives 0.
    public func normInfinity() -> Scalar {
        var best: Scalar = 0
        for i in 0..<rows {
            var s: Scalar = 0
            for j in 0..<columns { s += Swift.abs(elements[i * columns + j]) }
            best = Swift.max(best, s)
        }
        return best
    }

    /// The sum of each column (a 1-row summary, as `x.sum(0)` in numpy).
    ///
    /// ```swift
    /// let s = try Matrix<Float>([[1, 2], [3, 4]]).columnSums()   // [4, 6]
    /// ```
    ///
    /// **Edge cases:**
    /// - With no rows every sum is 0; the result always has `columns` entries.
    public func columnSums() -> [Scalar] {
        var sums = [Scalar](repeating: 0, count: columns)
        elements.withUnsafeBufferPointer { a in
            sums.withUnsafeMutableBufferPointer { s in
                // s_j = Σ_i a_ij, row by row so the inner loop is contiguous.
                for i in 0..<rows {
                    for j in 0..<columns { s[j] += a[i * columns + j] }
                }
            }
        }
        return sums
    }

    /// The sum of each row.
    ///
    /// ```swift
    /// let s = try Matrix<Float>([[1, 2], [3, 4]]).rowSums()   // [3, 7]
    /// ```
    ///
    /// **Edge cases:**
    /// - With no columns every sum is 0; the result always has `rows` entries.
    public func rowSums() -> [Scalar] {
        (0..<rows).map { i in
            var s: Scalar = 0
            for j in 0..<columns { s += elements[i * columns + j] }
            return s
        }
    }

    /// The mean of each column.
    ///
    /// ```swift
    /// let m = try Matrix<Float>([[1, 2], [3, 4]]).columnMeans()   // [2, 3]
    /// ```
    ///
    /// **Edge cases:**
    /// - With no rows every mean is NaN.
    public func columnMeans() -> [Scalar] {
        let n = Scalar(rows)
        return columnSums().map { rows == 0 ? .nan : $0 / n }
    }
}
