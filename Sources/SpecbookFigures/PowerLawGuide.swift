import CCairo
import Foundation

/// The curve y = c x^p through one point, drawn across the plot (or over a given x range).
struct PowerLawGuide {
    var exponent: Double
    var x0: Double
    var y0: Double
    var over: ClosedRange<Double>?
    var label: String?
    var color: Color?
    var style: LineStyle
    var width: Double

    /// y0 (x / x0)^p.
    func value(at x: Double) -> Double { y0 * pow(x / x0, exponent) }
}

extension Axes {
    /// Draws the power law y = c x^p through `point` across the plot: on log-log axes the straight line of slope
    /// `exponent`, the guide a reader compares a measured decay with.
    ///
    /// ```swift
    /// ax.xScale = .log; ax.yScale = .log
    /// try ax.powerLawGuide(exponent: -2, through: (x: 10, y: 1e-2), label: "∝ k^{−2}")
    /// try ax.powerLawGuide(exponent: fit.slope, through: (x: 256, y: norm256), over: 256...65536)   // a fitted range only
    /// ```
    /// A guide does not change the axis limits: it spans whatever the data and the limits show, like a reference line.
    ///
    /// **Edge cases:**
    /// - `exponent` and the point must be finite (``FigureError/invalidParameter(name:value:)``); on a log axis a
    ///   point at or below zero draws nothing.
    /// - `over` limits the guide to an x range (clipped to the plot); on linear axes the guide is the curve
    ///   c x^p, sampled finely, and x ≤ 0 with a fractional exponent is left out.
    /// - The default colour is the theme's secondary grey, as for reference lines; `label` puts it in the legend.
    public func powerLawGuide(exponent: Double, through point: (x: Double, y: Double), over: ClosedRange<Double>? = nil,
                              label: String? = nil, color: Color? = nil, style: LineStyle = .dashed, width: Double = 1.2) throws {
        for (name, value) in [("exponent", exponent), ("point.x", point.x), ("point.y", point.y)] where !value.isFinite {
            throw FigureError.invalidParameter(name: name, value: value)
        }
        guard point.x != 0 else { throw FigureError.invalidParameter(name: "point.x", value: point.x) }
        try checkPositive("width", width)
        elements.append(.guide(PowerLawGuide(exponent: exponent, x0: point.x, y0: point.y, over: over, label: label,
                                             color: color, style: style, width: width)))
    }
}

extension AxesRenderer {
    func drawGuide(_ g: PowerLawGuide) {
        // Evenly spaced in the axis' own scale, so the guide is smooth wherever it bends on the page.
        var low = panel.x.low, high = panel.x.high
        if let over = g.over {
            low = max(low, panel.x.scale.transform(over.lowerBound))
            high = min(high, panel.x.scale.transform(over.upperBound))
        }
        guard low.isFinite, high.isFinite, high > low else { return }
        let samples = panel.x.scale == .log && panel.y.scale == .log ? 2 : 256
        let xs = (0..<samples).map { panel.x.scale.inverse(low + (high - low) * Double($0) / Double(samples - 1)) }
        let (px, py) = device(xs, xs.map(g.value))
        Painter.setColor(cr, g.color?.resolved(for: theme) ?? palette.secondary)
        Painter.setStroke(cr, width: g.width, style: g.style)
        Painter.strokePolyline(cr, px, py)
    }
}
