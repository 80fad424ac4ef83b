/// A dense matrix of `Float` or `Double` stored row-major in one contiguous buffer.
///
/// A value type: copies share storage until one of them is written (copy on write).
///
/// ```swift
/// let a = try Matrix<Double>([[1, 2], [3, 4]])
/// let b = try a * a.transposed()    // sgemm/dgemm through BLAS
/// print(b[1, 0], b.shape)           // 11.0 2×2
/// ```
///
/// **Edge cases:**
/// - Zero rows or zero columns are allowed; such a matrix has no elements.
/// - Negative sizes and out-of-range subscripts are programmer errors and trap (like `Array`).
/// - Operations on data (products, element-wise arithmetic) throw ``NumericsError/shapeMismatch(operation:lhs:rhs:requirement:)``
///   naming both shapes instead of trapping.
public struct Matrix<Scalar: MatrixScalar>: Equatable, Sendable {
    /// The number of rows.
    public let rows: Int
    /// The number of columns.
    public let columns: Int
    /// The elements in row-major order: element (i, j) is at `i * columns + j`.
    public internal(set) var elements: [Scalar]

    /// A `rows`×`columns` matrix with every element equal to `value`.
    ///
    /// ```swift
    /// let zeros = Matrix<Float>(rows: 3, columns: 2)
    /// ```
    ///
    /// **Edge cases:**
    /// - `rows` or `columns` zero gives an empty matrix; negative sizes trap.
    public init(rows: Int, columns: Int, repeating value: Scalar = 0) {
        precondition(rows >= 0 && columns >= 0, "Matrix: negative size \(rows)×\(columns)")
        self.rows = rows
        self.columns = columns
        self.elements = [Scalar](repeating: value, count: rows * columns)
    }

    /// A matrix over the given row-major elements.
    ///
    /// ```swift
    /// let m = try Matrix<Double>(rows: 2, columns: 3, elements: [1, 2, 3, 4, 5, 6])
    /// ```
    ///
    /// **Edge cases:**
    /// - Throws ``NumericsError/countMismatch(what:expected:actual:)`` unless `elements.count == rows * columns`.
    public init(rows: Int, columns: Int, elements: [Scalar]) throws {
        guard rows >= 0, columns >= 0 else {
            throw NumericsError.invalidArgument("Matrix: negative size \(rows)×\(columns)")
        }
        guard elements.count == rows * columns else {
            throw NumericsError.countMismatch(
                what: "Matrix \(rows)×\(columns) elements", expected: rows * columns, actual: elements.count)
        }
        self.rows = rows
        self.columns = columns
        self.elements = elements
    }

    /// A matrix whose element (i, j) is `entry(i, j)`.
    ///
    /// ```swift
    /// let hilbert = Matrix<Double>(rows: 4, columns: 4) { i, j in 1 / Double(i + j + 1) }
    /// ```
    ///
    /// **Edge cases:**
    /// - `entry` is called row by row, in order; it is not called for an empty matrix.
    public init(rows: Int, columns: Int, _ entry: (Int, Int) throws -> Scalar) rethrows {
        self.init(rows: rows, columns: columns)
        for i in 0..<rows {
            for j in 0..<columns { elements[i * columns + j] = try entry(i, j) }
        }
    }

    /// A matrix from nested rows, for small literals in tests and notebooks.
    ///
    /// ```swift
    /// let m = try Matrix<Float>([[1, 0], [0, 1]])
    /// ```
    ///
    /// **Edge cases:**
    /// - `[]` gives a 0×0 matrix; rows of different lengths throw ``NumericsError/countMismatch(what:expected:actual:)``.
    public init(_ nestedRows: [[Scalar]]) throws {
        let columns = nestedRows.first?.count ?? 0
        for (i, row) in nestedRows.enumerated() where row.count != columns {
            throw NumericsError.countMismatch(what: "Matrix row \(i)", expected: columns, actual: row.count)
        }
        try self.init(rows: nestedRows.count, columns: columns, elements: nestedRows.flatMap { $0 })
    }

    /// An n×1 matrix holding `values` as its single column (n samples of a 1-D input).
    ///
    /// ```swift
    /// let x = Matrix<Float>(column: [0, 0.5, 1])   // 3×1
    /// ```
    ///
    /// **Edge cases:**
    /// - An empty array gives a 0×1 matrix.
    public init(column values: [Scalar]) {
        self.rows = values.count
        self.columns = 1
        self.elements = values
    }

    /// A 1×n matrix holding `values` as its single row.
    ///
    /// ```swift
    /// let r = Matrix<Float>(row: [1, 2, 3])        // 1×3
    /// ```
    ///
    /// **Edge cases:**
    /// - An empty array gives a 1×0 matrix.
    public init(row values: [Scalar]) {
        self.rows = 1
        self.columns = values.count
        self.elements = values
    }

    /// The n×n identity matrix.
    ///
    /// ```swift
    /// let i3 = Matrix<Double>.identity(3)
    /// ```
    ///
    /// **Edge cases:**
    /// - `identity(0)` is the empty 0×0 matrix.
    public static func identity(_ n: Int) -> Matrix {
        var m = Matrix(rows: n, columns: n)
        for i in 0..<n { m.elements[i * n + i] = 1 }
        return m
    }

    /// The shape, printed as `rows×columns`.
    public var shape: MatrixShape { MatrixShape(rows: rows, columns: columns) }

    /// The number of elements, `rows * columns`.
    public var count: Int { elements.count }

    /// The element at row `i`, column `j`.
    ///
    /// ```swift
    /// var m = Matrix<Double>(rows: 2, columns: 2)
    /// m[0, 1] = 5
    /// ```
    ///
    /// **Edge cases:**
    /// - Indices out of range trap in debug builds, like `Array`.
    public subscript(i: Int, j: Int) -> Scalar {
        get { elements[i * columns + j] }
        set { elements[i * columns + j] = newValue }
    }

    /// Row `i` as an array.
    public func row(_ i: Int) -> [Scalar] { Array(elements[(i * columns)..<((i + 1) * columns)]) }

    /// Column `j` as an array.
    public func column(_ j: Int) -> [Scalar] { (0..<rows).map { elements[$0 * columns + j] } }

    /// Calls `body` with the row-major elements.
    public func withUnsafeBufferPointer<R>(_ body: (UnsafeBufferPointer<Scalar>) throws -> R) rethrows -> R {
        try elements.withUnsafeBufferPointer(body)
    }

    /// Calls `body` with the row-major elements, writable in place.
    public mutating func withUnsafeMutableBufferPointer<R>(
        _ body: (UnsafeMutableBufferPointer<Scalar>) throws -> R
    ) rethrows -> R {
        try elements.withUnsafeMutableBufferPointer { try body($0) }
    }
}

extension Matrix: CustomStringConvertible {
    /// The shape and, for up to 8×8, the rows.
    public var description: String {
        guard rows <= 8, columns <= 8 else { return "Matrix<\(Scalar.self)> \(shape)" }
        let body = (0..<rows).map { i in row(i).map { "\($0)" }.joined(separator: ", ") }
        return "Matrix<\(Scalar.self)> \(shape) [" + body.map { "[\($0)]" }.joined(separator: ", ") + "]"
    }
}
