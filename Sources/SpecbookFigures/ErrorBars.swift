import CCairo
import Foundation

/// Points with symmetric uncertainties: a bar from y − e to y + e (and x − e to x + e), capped, with a marker.
struct ErrorBarSeries {
    var x: [Double]
    var y: [Double]
    var yError: [Double]
    var xError: [Double]?
    var label: String?
    var color: ColorChoice
    var marker: Marker?
    var markerSize: Double
    var width: Double
    var capSize: Double

    /// The ends of every bar, which the axis limits must show.
    var barEnds: (x: [Double], y: [Double]) {
        var xs: [Double] = [], ys: [Double] = []
        for i in x.indices {
            xs += [x[i], x[i]]
            ys += [y[i] - yError[i], y[i] + yError[i]]
            if let xError {
                xs += [x[i] - xError[i], x[i] + xError[i]]
                ys += [y[i], y[i]]
            }
        }
        return (xs, ys)
    }
}

extension Axes {
    /// Draws a marker at each (x[i], y[i]) with an error bar from y[i] − yError[i] to y[i] + yError[i], and, given
    /// `xError`, a horizontal one from x[i] − xError[i] to x[i] + xError[i]; caps of `capSize` points end each bar.
    ///
    /// ```swift
    /// try ax.errorBars(x: dimensions, y: estimates, yError: halfWidths, label: "estimate ± half-width")
    /// try ax.errorBars(x: widths, y: means, yError: deviations, marker: .square, capSize: 0)   // no caps
    /// ```
    /// The axis limits include the ends of the bars.
    ///
    /// **Edge cases:**
    /// - `yError` (and `xError`) must have one value per point and no negative value (``FigureError``); a NaN
    ///   error leaves that bar out but keeps the marker; a point with a NaN coordinate is left out entirely.
    /// - On a log axis an end at or below zero is drawn to the edge of the plot, as matplotlib clips it.
    /// - `marker` nil draws the bars alone; the legend shows a bar with the marker.
    public func errorBars(x: [Double], y: [Double], yError: [Double], xError: [Double]? = nil, label: String? = nil,
                          color: Color? = nil, marker: Marker? = .circle, markerSize: Double = 6, width: Double = 1.5,
                          capSize: Double = 3) throws {
        let name = label ?? "errorBars"
        try validate(name, x: x, y: y)
        for errors in [yError] + (xError.map { [$0] } ?? []) {
            guard errors.count == x.count else { throw FigureError.mismatchedLengths(x: x.count, y: errors.count) }
            if let negative = errors.first(where: { $0 < 0 }) { throw FigureError.invalidParameter(name: "error", value: negative) }
        }
        try checkPositive("markerSize", markerSize)
        try checkPositive("width", width)
        try checkPositive("capSize", capSize)
        elements.append(.errorBars(ErrorBarSeries(x: x, y: y, yError: yError, xError: xError, label: label, color: cycleColor(color),
                                                  marker: marker, markerSize: markerSize, width: width, capSize: capSize)))
    }
}

extension AxesRenderer {
    /// Device position of `value` on `map`, with ends at or below zero on a log axis moved to the plot's edge.
    private func clampedPosition(_ value: Double, _ map: AxisMap) -> Double {
        let p = map(value)
        if p.isFinite || !value.isFinite { return p }
        return map.start
    }

    func drawErrorBars(_ s: ErrorBarSeries) {
        let color = s.color.resolved(theme)
        Painter.setColor(cr, color)
        Painter.setStroke(cr, width: s.width, style: .solid)
        cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT)
        let cap = s.capSize / 2
        for i in s.x.indices {
            let px = panel.x(s.x[i]), py = panel.y(s.y[i])
            guard px.isFinite, py.isFinite else { continue }
            if s.yError[i].isFinite {
                let low = clampedPosition(s.y[i] - s.yError[i], panel.y), high = clampedPosition(s.y[i] + s.yError[i], panel.y)
                cairo_move_to(cr, px, low); cairo_line_to(cr, px, high)
                if cap > 0 {
                    for end in [low, high] { cairo_move_to(cr, px - cap, end); cairo_line_to(cr, px + cap, end) }
                }
            }
            if let xError = s.xError, xError[i].isFinite {
                let low = clampedPosition(s.x[i] - xError[i], panel.x), high = clampedPosition(s.x[i] + xError[i], panel.x)
                cairo_move_to(cr, low, py); cairo_line_to(cr, high, py)
                if cap > 0 {
                    for end in [low, high] { cairo_move_to(cr, end, py - cap); cairo_line_to(cr, end, py + cap) }
                }
            }
        }
        cairo_stroke(cr)
        if let marker = s.marker {
            let (xs, ys) = device(s.x, s.y)
            Painter.drawMarkers(cr, marker, xs: xs, ys: ys, size: s.markerSize, color: color)
        }
    }
}

extension LegendRenderer {
    /// A vertical bar with caps through the middle of the sample, and the marker.
    func drawErrorBarSample(_ s: ErrorBarSeries, x: Double, y: Double, length: Double, height: Double) {
        let color = s.color.resolved(theme), middle = x + length / 2, half = height * 0.45, cap = s.capSize / 2
        Painter.setColor(cr, color)
        Painter.setStroke(cr, width: s.width, style: .solid)
        cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT)
        cairo_move_to(cr, middle, y - half); cairo_line_to(cr, middle, y + half)
        if cap > 0 {
            for end in [y - half, y + half] { cairo_move_to(cr, middle - cap, end); cairo_line_to(cr, middle + cap, end) }
        }
        cairo_stroke(cr)
        if let marker = s.marker { Painter.drawMarkers(cr, marker, xs: [middle], ys: [y], size: s.markerSize, color: color) }
    }
}
