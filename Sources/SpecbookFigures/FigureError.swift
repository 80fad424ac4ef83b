import Foundation

/// Errors raised while adding data to a figure or writing it.
///
/// ```swift
/// do { try fig.axes.line(x: [1, 2], y: [1]) }
/// catch let error as FigureError { print(error) }  // "line: x has 2 values but y has 1"
/// ```
/// **Edge cases:** values that cannot be shown on a log axis are masked when drawing, never an error;
/// only data that can never be drawn (empty, all NaN, mismatched) is rejected.
public enum FigureError: Error, CustomStringConvertible, Equatable, Sendable {
    /// A series with no values.
    case emptySeries(String)
    /// `x` and `y` (or `y1` and `y2`) of one series differ in length.
    case mismatchedLengths(x: Int, y: Int)
    /// Every value of a series is NaN or infinite.
    case noFiniteValues(String)
    /// A heat map whose rows differ in length.
    case raggedHeatmap(row: Int, expected: Int, found: Int)
    /// A grid with fewer than one row or column.
    case invalidGrid(rows: Int, columns: Int)
    /// A figure whose width or height is not a positive, finite number of points.
    case invalidSize(width: Double, height: Double)
    /// Axis limits that cannot be drawn, such as non-positive limits on a log axis.
    case invalidLimits(axis: String, reason: String)
    /// Custom tick labels that do not match the custom tick positions one for one.
    case mismatchedTickLabels(axis: String, ticks: Int, labels: Int)
    /// A parameter outside its valid range (marker size, line width, alpha, scale).
    case invalidParameter(name: String, value: Double)
    /// Cairo reported an error.
    case cairo(String)
    /// The output file could not be written.
    case io(String)

    public var description: String {
        switch self {
        case .emptySeries(let name): return "\(name): the series has no data"
        case .mismatchedLengths(let x, let y): return "x has \(x) values but y has \(y)"
        case .noFiniteValues(let name): return "\(name): every value is NaN or infinite, nothing to draw"
        case .raggedHeatmap(let row, let expected, let found):
            return "heatmap: row \(row) has \(found) values but row 0 has \(expected)"
        case .invalidGrid(let rows, let columns): return "a figure needs at least 1 row and 1 column, got \(rows) x \(columns)"
        case .invalidSize(let width, let height): return "figure size must be positive and finite, got \(width) x \(height)"
        case .invalidLimits(let axis, let reason): return "\(axis) limits: \(reason)"
        case .mismatchedTickLabels(let axis, let ticks, let labels):
            return "\(axis)TickLabels has \(labels) labels for \(ticks) tick positions"
        case .invalidParameter(let name, let value): return "\(name) = \(value) is out of range"
        case .cairo(let message): return "cairo: \(message)"
        case .io(let message): return message
        }
    }
}
