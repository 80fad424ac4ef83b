import Foundation

/// The file formats a figure is written in.
public enum FigureFormat: String, Sendable { case png, svg }

/// Light or dark colours for the same drawing.
public enum FigureTheme: String, Sendable { case light, dark }

/// A figure: a canvas of `width` x `height` points holding a grid of plot panels (``Axes``).
///
/// ```swift
/// let fig = try Figure(rows: 1, columns: 2, width: 900, height: 360)
/// fig.suptitle = "Training"
/// try fig[0, 0].line(x: epochs, y: loss, label: "loss")
/// fig[0, 0].yScale = .log
/// try fig[0, 1].heatmap(errors, colorBarLabel: "relative error")
/// try fig.write(to: URL(fileURLWithPath: "training.png"), format: .png)
/// ```
/// **Edge cases:** a figure with no data draws empty axes (0...1, or 1...10 on log axes); a size
/// that is not positive and finite is an error when written, not when made. `fig.axes` is the
/// first panel. A figure is a reference object so that panels can be filled in from a `let`.
public final class Figure {
    /// Width in points (CSS pixels); PNGs have `scale` pixels per point.
    public let width: Double
    /// Height in points.
    public let height: Double
    /// Number of panel rows.
    public let rows: Int
    /// Number of panel columns.
    public let columns: Int
    /// Panels in reading order: row by row, left to right.
    public let panels: [Axes]
    /// Panels in the same column share x limits; only the bottom row shows x tick labels.
    public let sharesX: Bool
    /// Panels in the same row share y limits; only the first column shows y tick labels.
    public let sharesY: Bool
    /// A title over all panels.
    public var suptitle: String?
    /// Font family; fontconfig substitutes a similar font when it is missing.
    public var fontFamily = "DejaVu Sans"
    /// Base text size in points: axis labels use it, tick labels are 90% of it.
    public var fontSize = 13.0

    /// A figure with one panel.
    public init(width: Double = 640, height: Double = 400) {
        self.width = width
        self.height = height
        rows = 1
        columns = 1
        panels = [Axes()]
        sharesX = false
        sharesY = false
    }

    /// A figure with a `rows` x `columns` grid of panels; the default size grows with the grid.
    ///
    /// `sharex` gives the panels of each column one x range (matplotlib's `sharex="col"`), and
    /// `sharey` the panels of each row one y range (`sharey="row"`); inner tick labels are hidden.
    ///
    /// ```swift
    /// let fig = try Figure(rows: 2, columns: 1, sharex: true)   // two panels stacked, one x axis
    /// ```
    /// **Edge cases:** throws ``FigureError/invalidGrid(rows:columns:)`` for fewer than 1 row or column;
    /// explicit limits on a panel win over the shared range.
    public init(rows: Int, columns: Int, width: Double? = nil, height: Double? = nil, sharex: Bool = false, sharey: Bool = false) throws {
        guard rows >= 1, columns >= 1 else { throw FigureError.invalidGrid(rows: rows, columns: columns) }
        self.rows = rows
        self.columns = columns
        self.width = width ?? max(640, 400 * Double(columns))
        self.height = height ?? (rows == 1 ? 400 : 300 * Double(rows))
        panels = (0..<(rows * columns)).map { _ in Axes() }
        sharesX = sharex
        sharesY = sharey
    }

    /// The first (top-left) panel.
    public var axes: Axes { panels[0] }

    /// The panel at `row`, `column`, counted from the top left.
    ///
    /// **Edge cases:** an index outside the grid is a programmer error and stops the program, as an
    /// array index does.
    public subscript(row: Int, column: Int) -> Axes {
        precondition(row >= 0 && row < rows && column >= 0 && column < columns,
                     "panel [\(row), \(column)] is outside the \(rows) x \(columns) grid")
        return panels[row * columns + column]
    }

    /// The panel at `row`, `column` (the same as `fig[row, column]`).
    public func axes(_ row: Int, _ column: Int) -> Axes { self[row, column] }
}
