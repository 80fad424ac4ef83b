import Foundation

/// One plot panel: data drawn against an x and a y axis, with labels, title, legend and limits.
///
/// An axes belongs to a ``Figure``; get it with `fig.axes` (the first panel) or `fig[row, column]`.
/// Every plotting call draws in the order made, with the next tab10 colour unless given one.
///
/// ```swift
/// let fig = Figure(width: 640, height: 400)
/// let ax = fig.axes
/// try ax.line(x: xs, y: ys, label: "target")
/// try ax.scatter(x: samples, y: values, label: "data", marker: .circle)
/// ax.hline(0)
/// ax.title = "Fit after 1000 epochs"
/// ax.xLabel = "x"
/// ax.yLabel = "h(x)"
/// ax.yLimits = -1.5...1.5
/// ```
/// **Edge cases:** data-adding calls throw ``FigureError`` for empty, all-NaN or mismatched data;
/// individual NaN values break lines. Axes are reference objects so that `fig.axes.title = "..."`
/// works on a `let` figure, the way notebook code reads.
public final class Axes {
    var elements: [PlotElement] = []
    var nextCycleIndex = 0

    /// Text above the panel.
    public var title: String?
    /// The x axis label; `^{...}` makes a superscript, `_{...}` a subscript.
    public var xLabel: String?
    /// The y axis label, drawn turned a quarter to the left.
    public var yLabel: String?
    /// Fixed x limits; nil fits the data with a 5% margin.
    public var xLimits: ClosedRange<Double>?
    /// Fixed y limits; nil fits the data with a 5% margin.
    public var yLimits: ClosedRange<Double>?
    /// Linear or log x axis.
    public var xScale: AxisScale = .linear
    /// Linear or log y axis.
    public var yScale: AxisScale = .linear
    /// Draws the y axis with values decreasing upwards.
    public var yInverted = false
    /// Light grid lines at the major ticks.
    public var grid = false
    /// False hides spines, ticks, tick labels and axis labels, and gives the data the whole panel.
    public var axisVisible = true
    /// Where the legend goes; nil hides it. It is shown whenever some data has a label.
    public var legendLocation: LegendLocation? = .best
    /// Tick positions for the x axis in place of the automatic ones (nil: automatic); positions outside the limits
    /// are not drawn, and minor ticks are left out. `ax.xTicks = [1, 2, 3]`
    public var xTicks: [Double]?
    /// One label per `xTicks` position (markup allowed, `"2^{10}"`); nil prints the positions as numbers
    /// (10^k on a log axis when they are decades). A count that differs from `xTicks` is an error when drawn.
    public var xTickLabels: [String]?
    /// Tick positions for the y axis in place of the automatic ones (nil: automatic).
    public var yTicks: [Double]?
    /// One label per `yTicks` position; nil prints the positions as numbers.
    public var yTickLabels: [String]?

    public init() {}

    /// Shows the legend at `location` (default: where it covers the fewest data points).
    ///
    /// ```swift
    /// ax.legend(location: .lowerRight)
    /// ```
    /// **Edge cases:** an axes with no labelled data draws no legend wherever it is placed.
    public func legend(location: LegendLocation = .best) { legendLocation = location }

    func cycleColor(_ color: Color?) -> ColorChoice {
        if let color { return .explicit(color) }
        defer { nextCycleIndex += 1 }
        return .cycle(nextCycleIndex)
    }

    /// Adds a line through (x[i], y[i]); NaN in either breaks the line.
    ///
    /// ```swift
    /// try ax.line(x: epochs, y: loss, label: "train", style: .solid, marker: .circle)
    /// ```
    /// **Edge cases:** throws for empty, all-NaN or mismatched input, and for a negative or
    /// non-finite width or marker size.
    public func line(x: [Double], y: [Double], label: String? = nil, color: Color? = nil,
                     style: LineStyle = .solid, width: Double = 2, marker: Marker? = nil, markerSize: Double = 7) throws {
        try validate(label ?? "line", x: x, y: y)
        try checkPositive("width", width)
        try checkPositive("markerSize", markerSize)
        elements.append(.line(LineSeries(x: x, y: y, label: label, color: cycleColor(color), style: style,
                                         width: width, marker: marker, markerSize: markerSize)))
    }

    /// Adds a legend row that draws nothing on the plot: the key to a line style or marker that several series
    /// share (matplotlib's proxy artist), such as "dashed: fitted power laws".
    ///
    /// ```swift
    /// ax.legendEntry("power-law fits", style: .dashed)
    /// ax.legendEntry("below the floor", style: nil, marker: .cross)
    /// ```
    /// **Edge cases:** `style: nil` draws the marker alone; the entry never moves the axis limits, never takes a
    /// colour from the cycle and never counts as covered data when the legend is placed.
    public func legendEntry(_ label: String, color: Color = .ink, style: LineStyle? = .solid, width: Double = 1.5,
                            marker: Marker? = nil, markerSize: Double = 7) {
        elements.append(.line(LineSeries(x: [], y: [], label: label, color: .explicit(color), style: style ?? .solid,
                                         width: style == nil ? 0 : max(width, 0), marker: marker, markerSize: markerSize)))
    }

    /// Adds a line through y[i] at x = 0, 1, 2, ...
    public func line(y: [Double], label: String? = nil, color: Color? = nil, style: LineStyle = .solid, width: Double = 2) throws {
        try line(x: y.indices.map(Double.init), y: y, label: label, color: color, style: style, width: width)
    }

    /// Adds a marker at each (x[i], y[i]); points with a NaN are left out.
    ///
    /// ```swift
    /// try ax.scatter(x: xs, y: ys, label: "samples", marker: .cross, size: 8)
    /// ```
    public func scatter(x: [Double], y: [Double], label: String? = nil, color: Color? = nil,
                        marker: Marker = .circle, size: Double = 7) throws {
        try validate(label ?? "scatter", x: x, y: y)
        try checkPositive("size", size)
        elements.append(.scatter(ScatterSeries(x: x, y: y, label: label, color: cycleColor(color), marker: marker, size: size)))
    }

    /// Adds stems from `baseline` up (or down) to each value, with a marker on top: a spectrum.
    ///
    /// ```swift
    /// try ax.stem(x: frequencies, y: amplitudes, label: "|f̂(k)|")
    /// ```
    /// **Edge cases:** `baseline` nil is 0 on a linear y axis and the bottom of the plot on a log one.
    public func stem(x: [Double], y: [Double], label: String? = nil, color: Color? = nil,
                     baseline: Double? = nil, marker: Marker = .circle) throws {
        try validate(label ?? "stem", x: x, y: y)
        elements.append(.stem(StemSeries(x: x, y: y, label: label, color: cycleColor(color), baseline: baseline, marker: marker)))
    }

    /// Shades the region between `lower` and `upper` at each x (a band, an error range).
    ///
    /// ```swift
    /// try ax.fillBetween(x: xs, lower: mean.map { $0 - 0.1 }, upper: mean.map { $0 + 0.1 }, label: "±0.1")
    /// ```
    /// **Edge cases:** a NaN splits the band into separate pieces; `alpha` must be in 0...1.
    public func fillBetween(x: [Double], lower: [Double], upper: [Double], label: String? = nil,
                            color: Color? = nil, alpha: Double = 0.3) throws {
        try validate(label ?? "fillBetween", x: x, y: lower)
        try validate(label ?? "fillBetween", x: x, y: upper)
        guard alpha >= 0, alpha <= 1 else { throw FigureError.invalidParameter(name: "alpha", value: alpha) }
        elements.append(.fill(FillSeries(x: x, lower: lower, upper: upper, label: label, color: cycleColor(color), alpha: alpha)))
    }

    /// Shades the region between `y` and a constant `baseline`.
    public func fillBetween(x: [Double], y: [Double], baseline: Double = 0, label: String? = nil,
                            color: Color? = nil, alpha: Double = 0.3) throws {
        try fillBetween(x: x, lower: Array(repeating: baseline, count: y.count), upper: y, label: label, color: color, alpha: alpha)
    }

    /// Draws a horizontal line across the plot at `y` (a reference level).
    ///
    /// ```swift
    /// ax.hline(0.1, label: "tolerance")
    /// ```
    /// **Edge cases:** a non-finite `y`, or a non-positive one on a log axis, is not drawn.
    public func hline(_ y: Double, label: String? = nil, color: Color? = nil, style: LineStyle = .dashed, width: Double = 1.2) {
        elements.append(.reference(ReferenceLine(value: y, horizontal: true, label: label, color: color, style: style, width: width)))
    }

    /// Draws a vertical line across the plot at `x`.
    public func vline(_ x: Double, label: String? = nil, color: Color? = nil, style: LineStyle = .dashed, width: Double = 1.2) {
        elements.append(.reference(ReferenceLine(value: x, horizontal: false, label: label, color: color, style: style, width: width)))
    }

    /// Writes `text` at (x, y) in data or axes coordinates; the point is the text's baseline start
    /// (or centre or end, following `alignment`).
    ///
    /// ```swift
    /// ax.text("peak at k = 5", x: 5, y: 0.9)
    /// ax.text("(a)", x: 0.02, y: 0.95, coordinates: .axes)
    /// ```
    public func text(_ text: String, x: Double, y: Double, coordinates: TextCoordinates = .data,
                     alignment: TextAlignment = .left, color: Color? = nil, size: Double? = nil) {
        elements.append(.text(TextNote(text: text, x: x, y: y, coordinates: coordinates, alignment: alignment, color: color, size: size)))
    }

    /// Draws a grid of values as coloured cells, with a colour bar; `values[row][column]`.
    ///
    /// Row 0 is at the bottom with `origin: .lower` (the default, like matplotlib's
    /// `imshow(origin="lower")` and `pcolormesh`), at the top with `.upper` (like a printed matrix).
    /// Cells span `x` and `y` evenly in the axis' scale, so on a log axis they are even in log space.
    ///
    /// ```swift
    /// try ax.heatmap(errors, x: 1...10_000, y: 1...5, colorMap: .rdBu, limits: 0.1...1,
    ///                colorBarLabel: "relative error")
    /// ax.xScale = .log
    /// ```
    /// `colorScale: .log` spreads values that span decades evenly over the map by decade, and the colour bar
    /// shows decade ticks labelled 10^k:
    ///
    /// ```swift
    /// try ax.heatmap(errors, colorScale: .log, limits: 1e-4...1, colorBarLabel: "relative error")
    /// ```
    /// **Edge cases:** without `x`/`y`, cell centres sit at column and row indices; NaN cells are
    /// transparent; `limits` nil spans the finite values, and equal values widen to ±5% so that
    /// every cell takes the map's middle colour. Throws for empty, ragged or all-NaN input. On a log colour
    /// scale, cells at or below zero are transparent, `limits` nil spans the positive values, and limits or
    /// values with nothing positive throw ``FigureError/invalidLimits(axis:reason:)``.
    public func heatmap(_ values: [[Double]], x: ClosedRange<Double>? = nil, y: ClosedRange<Double>? = nil,
                        colorMap: ColorMap = .viridis, colorScale: AxisScale = .linear, limits: ClosedRange<Double>? = nil,
                        origin: HeatmapOrigin = .lower, colorBar: Bool = true, colorBarLabel: String? = nil) throws {
        let map = try Heatmap(rows: values, x: x, y: y, colorMap: colorMap, limits: limits, colorScale: colorScale,
                              origin: origin, colorBar: colorBar, colorBarLabel: colorBarLabel)
        elements.append(.heatmap(map))
    }

    func checkPositive(_ name: String, _ value: Double) throws {
        guard value.isFinite, value >= 0 else { throw FigureError.invalidParameter(name: name, value: value) }
    }
}
