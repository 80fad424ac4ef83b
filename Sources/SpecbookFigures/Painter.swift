import CCairo
import Foundation

/// Small Cairo drawing steps shared by every plot kind.
enum Painter {
    static func setColor(_ cr: OpaquePointer, _ color: Color) {
        func clamp(_ v: Double) -> Double { min(max(v, 0), 1) }
        cairo_set_source_rgba(cr, clamp(color.red), clamp(color.green), clamp(color.blue), clamp(color.alpha))
    }

    /// Sets width, dash pattern and caps for a stroked line.
    static func setStroke(_ cr: OpaquePointer, width: Double, style: LineStyle) {
        cairo_set_line_width(cr, width)
        cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND)
        cairo_set_line_cap(cr, style == .solid ? CAIRO_LINE_CAP_ROUND : CAIRO_LINE_CAP_BUTT)
        let dashes = style.pattern.map { $0 * max(width, 0.5) }
        dashes.withUnsafeBufferPointer { cairo_set_dash(cr, $0.baseAddress, Int32($0.count), 0) }
    }

    /// Strokes a polyline through device points, lifting the pen at NaN.
    static func strokePolyline(_ cr: OpaquePointer, _ xs: [Double], _ ys: [Double]) {
        var penDown = false
        for i in xs.indices {
            let x = xs[i], y = ys[i]
            guard x.isFinite, y.isFinite else { penDown = false; continue }
            if penDown { cairo_line_to(cr, x, y) } else { cairo_move_to(cr, x, y) }
            penDown = true
        }
        cairo_stroke(cr)
    }

    /// Adds one marker of diameter `size` centred on (x, y) to the current path.
    static func addMarker(_ cr: OpaquePointer, _ marker: Marker, x: Double, y: Double, size: Double) {
        let r = size / 2
        switch marker {
        case .circle:
            cairo_new_sub_path(cr)
            cairo_arc(cr, x, y, r, 0, 2 * .pi)
            cairo_close_path(cr)
        case .square:
            let s = r * 0.9
            cairo_rectangle(cr, x - s, y - s, 2 * s, 2 * s)
        case .triangle:
            let s = r * 1.15
            cairo_move_to(cr, x, y - s)
            cairo_line_to(cr, x + s * 0.866, y + s * 0.5)
            cairo_line_to(cr, x - s * 0.866, y + s * 0.5)
            cairo_close_path(cr)
        case .cross:
            let s = r * 0.8
            cairo_move_to(cr, x - s, y - s)
            cairo_line_to(cr, x + s, y + s)
            cairo_move_to(cr, x - s, y + s)
            cairo_line_to(cr, x + s, y - s)
        }
    }

    /// Draws markers at every finite device point: one filled (or, for crosses, stroked) path.
    static func drawMarkers(_ cr: OpaquePointer, _ marker: Marker, xs: [Double], ys: [Double], size: Double, color: Color) {
        setColor(cr, color)
        for i in xs.indices where xs[i].isFinite && ys[i].isFinite {
            addMarker(cr, marker, x: xs[i], y: ys[i], size: size)
        }
        if marker == .cross {
            setStroke(cr, width: max(1, size / 5), style: .solid)
            cairo_stroke(cr)
        } else {
            cairo_fill(cr)
        }
    }

    /// A rectangle with rounded corners as the current path.
    static func roundedRectangle(_ cr: OpaquePointer, x: Double, y: Double, width: Double, height: Double, radius: Double) {
        let r = min(radius, width / 2, height / 2)
        cairo_new_sub_path(cr)
        cairo_arc(cr, x + width - r, y + r, r, -.pi / 2, 0)
        cairo_arc(cr, x + width - r, y + height - r, r, 0, .pi / 2)
        cairo_arc(cr, x + r, y + height - r, r, .pi / 2, .pi)
        cairo_arc(cr, x + r, y + r, r, .pi, 3 * .pi / 2)
        cairo_close_path(cr)
    }
}
