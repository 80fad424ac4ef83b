/// The rows and columns of a matrix, printed as `3×4`.
///
/// ```swift
/// let shape = MatrixShape(rows: 3, columns: 4)
/// print(shape)  // 3×4
/// ```
public struct MatrixShape: Hashable, Sendable, CustomStringConvertible {
    public var rows: Int
    public var columns: Int

    public init(rows: Int, columns: Int) {
        self.rows = rows
        self.columns = columns
    }

    public var description: String { "\(rows)×\(columns)" }
}

/// An error from the numerics layer, worded for the notebook author who has to fix the call.
///
/// ```swift
/// do {
///     _ = try Matrix<Double>(rows: 2, columns: 3) * Matrix<Double>(rows: 2, columns: 3)
/// } catch {
///     print(error)  // matrix product: shapes 2×3 and 2×3 do not fit (need lhs columns == rhs rows)
/// }
/// ```
public enum NumericsError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Two operands whose shapes do not fit together; `requirement` says what had to hold.
    case shapeMismatch(operation: String, lhs: MatrixShape, rhs: MatrixShape, requirement: String)
    /// A count of elements (values, biases, parameters) that is not the one the operation needs.
    case countMismatch(what: String, expected: Int, actual: Int)
    /// An operation that needs a square matrix got another shape.
    case notSquare(operation: String, shape: MatrixShape)
    /// Cholesky factorisation failed: the leading minor of order `minor` is not positive definite.
    case notPositiveDefinite(order: Int, minor: Int)
    /// Input containing NaN or infinity where the operation needs finite numbers.
    case nonFiniteInput(operation: String)
    /// A LAPACK routine reported an illegal argument (negative `info`).
    case lapackFailure(routine: String, info: Int)
    /// Training or evaluation was given no samples.
    case emptyData(operation: String)
    /// Inputs and targets with different numbers of samples (rows).
    case sampleCountMismatch(inputs: Int, targets: Int)
    /// A network layer with no units, or a network with fewer than two widths.
    case invalidWidths([Int], reason: String)
    /// The loss became NaN or infinite during training; `epoch` counts from 1.
    case nonFiniteLoss(epoch: Int, loss: Double)
    /// An argument outside its allowed range, with the reason.
    case invalidArgument(String)

    public var description: String {
        switch self {
        case let .shapeMismatch(operation, lhs, rhs, requirement):
            return "\(operation): shapes \(lhs) and \(rhs) do not fit (need \(requirement))"
        case let .countMismatch(what, expected, actual):
            return "\(what): expected \(expected) values, got \(actual)"
        case let .notSquare(operation, shape):
            return "\(operation): needs a square matrix, got \(shape)"
        case let .notPositiveDefinite(order, minor):
            return "Cholesky factorisation: the \(order)×\(order) matrix is not positive definite "
                + "(leading minor of order \(minor) is not positive)"
        case let .nonFiniteInput(operation):
            return "\(operation): input contains NaN or infinity"
        case let .lapackFailure(routine, info):
            return "\(routine) rejected argument \(-info)"
        case let .emptyData(operation):
            return "\(operation): no samples (empty data)"
        case let .sampleCountMismatch(inputs, targets):
            return "inputs have \(inputs) samples but targets have \(targets): counts must match"
        case let .invalidWidths(widths, reason):
            return "network widths \(widths): \(reason)"
        case let .nonFiniteLoss(epoch, loss):
            return "training diverged: loss is \(loss) at epoch \(epoch) (try a smaller learning rate)"
        case let .invalidArgument(reason):
            return reason
        }
    }
}
