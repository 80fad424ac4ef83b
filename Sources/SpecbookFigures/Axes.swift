import CCairo
import Foundation

/// One plotting area with x and y axes.
public final class Axes {
    struct Series {
        var x: [Double]
        var y: [Double]
        var label: String?
    }

    var series: [Series] = []
    public var title: String?
    public var xLabel: String?
    public var yLabel: String?

    /// Adds a line through the points (x[i], y[i]).
    public func line(x: [Double], y: [Double], label: String? = nil) throws {
        guard x.count == y.count else { throw FigureError.mismatchedLengths(x: x.count, y: y.count) }
        guard !x.isEmpty else { throw FigureError.emptySeries(label ?? "line") }
        series.append(Series(x: x, y: y, label: label))
    }

    static let cycle: [(Double, Double, Double)] = [
        (0.122, 0.467, 0.706), (1.0, 0.498, 0.055), (0.173, 0.627, 0.173), (0.839, 0.153, 0.157),
    ]

    func draw(_ cr: OpaquePointer, width: Double, height: Double, theme: FigureTheme) {
        let fg: Double = theme == .light ? 0.1 : 0.9
        if theme == .light { cairo_set_source_rgb(cr, 1, 1, 1) } else { cairo_set_source_rgb(cr, 0.09, 0.1, 0.12) }
        cairo_paint(cr)
        let left = 60.0, right = width - 20, top = 30.0, bottom = height - 45
        let xs = series.flatMap(\.x).filter(\.isFinite), ys = series.flatMap(\.y).filter(\.isFinite)
        var (x0, x1) = (xs.min() ?? 0, xs.max() ?? 1)
        var (y0, y1) = (ys.min() ?? 0, ys.max() ?? 1)
        if x0 == x1 { x0 -= 0.5; x1 += 0.5 }
        if y0 == y1 { y0 -= 0.5; y1 += 0.5 }
        let pad = (y1 - y0) * 0.05
        y0 -= pad; y1 += pad
        func px(_ x: Double) -> Double { left + (x - x0) / (x1 - x0) * (right - left) }
        func py(_ y: Double) -> Double { bottom - (y - y0) / (y1 - y0) * (bottom - top) }

        cairo_select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL)
        cairo_set_font_size(cr, 11)
        cairo_set_source_rgb(cr, fg, fg, fg)
        cairo_set_line_width(cr, 1)
        cairo_rectangle(cr, left, top, right - left, bottom - top)
        cairo_stroke(cr)
        for (value, isX) in [(x0, true), (x1, true), (y0, false), (y1, false)] {
            let text = String(format: "%.3g", value)
            if isX { cairo_move_to(cr, px(value) - 10, bottom + 16) } else { cairo_move_to(cr, 8, py(value) + 4) }
            cairo_show_text(cr, text)
        }
        if let xLabel { cairo_move_to(cr, (left + right) / 2 - 20, height - 10); cairo_show_text(cr, xLabel) }
        if let yLabel { cairo_move_to(cr, 8, top - 10); cairo_show_text(cr, yLabel) }
        if let title { cairo_move_to(cr, left, 18); cairo_show_text(cr, title) }

        cairo_set_line_width(cr, 1.8)
        for (i, s) in series.enumerated() {
            let c = Self.cycle[i % Self.cycle.count]
            cairo_set_source_rgb(cr, c.0, c.1, c.2)
            var penDown = false
            for (x, y) in zip(s.x, s.y) {
                guard x.isFinite, y.isFinite else { penDown = false; continue }
                if penDown { cairo_line_to(cr, px(x), py(y)) } else { cairo_move_to(cr, px(x), py(y)) }
                penDown = true
            }
            cairo_stroke(cr)
            if let label = s.label {
                cairo_move_to(cr, right - 120, top + 16 + 16 * Double(i))
                cairo_show_text(cr, label)
            }
        }
    }
}
