import CCairo
import Foundation

/// Draws the colour bar beside a panel's plot area: the map as a gradient, ticks, labels and title.
struct ColorBarRenderer {
    let cr: OpaquePointer
    let panel: PanelLayout
    let palette: Palette
    let text: Typesetter
    let m: Metrics

    func draw() {
        guard let map = panel.colorBarMap else { return }
        let plot = panel.plot
        let bar = Rect(x: plot.maxX + m.colorBarGap, y: plot.y, width: m.colorBarWidth, height: plot.height)
        // 256 bands from the lookup table, bottom (low values) to top (high values).
        let steps = 256
        if let gradient = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 1, Int32(steps)) {
            defer { cairo_surface_destroy(gradient) }
            cairo_surface_flush(gradient)
            let table = map.colorMap.lookupTable()
            let stride = Int(cairo_image_surface_get_stride(gradient)) / 4
            if let raw = cairo_image_surface_get_data(gradient) {
                let pixels = UnsafeMutableRawPointer(raw).bindMemory(to: UInt32.self, capacity: stride * steps)
                for i in 0..<steps { pixels[(steps - 1 - i) * stride] = table[i] }
            }
            cairo_surface_mark_dirty(gradient)
            cairo_save(cr)
            cairo_translate(cr, bar.x, bar.y)
            cairo_scale(cr, bar.width, bar.height / Double(steps))
            cairo_set_source_surface(cr, gradient, 0, 0)
            cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_NEAREST)
            cairo_pattern_set_extend(cairo_get_source(cr), CAIRO_EXTEND_PAD)
            cairo_rectangle(cr, 0, 0, 1, Double(steps))
            cairo_fill(cr)
            cairo_restore(cr)
        }
        Painter.setColor(cr, palette.foreground)
        Painter.setStroke(cr, width: 1, style: .solid)
        cairo_rectangle(cr, bar.x, bar.y, bar.width, bar.height)
        cairo_stroke(cr)

        let ticks = panel.colorBarTicks
        var widest = 0.0
        let labelX = bar.maxX + m.majorTick + m.pad
        // Major ticks carry labels; minor ones (2-9 x 10^k on a log scale) are shorter, labelled only on narrow ranges.
        let marks = zip(ticks.major, ticks.labels).map { ($0, Optional($1), m.majorTick) }
            + ticks.minor.map { ($0, ticks.minorLabels[$0], m.minorTick) }
        for (value, label, length) in marks {
            let t = map.fraction(value)
            guard t >= -1e-9, t <= 1 + 1e-9 else { continue }
            let y = bar.maxY - t * bar.height
            cairo_set_line_width(cr, length == m.majorTick ? 1 : 0.7)
            cairo_move_to(cr, bar.maxX, y)
            cairo_line_to(cr, bar.maxX + length, y)
            cairo_stroke(cr)
            guard let label else { continue }
            text.draw(label, x: labelX, y: y, size: m.tick, color: palette.foreground, horizontal: .left, vertical: .middle)
            widest = max(widest, text.measure(label, size: m.tick).width)
        }
        if let exponent = ticks.exponentLabel {
            text.draw(exponent, x: bar.x, y: bar.y - m.pad, size: m.tick, color: palette.foreground, horizontal: .left, vertical: .bottom)
        }
        if let label = map.colorBarLabel, !label.isEmpty {
            let height = m.label * (Typesetter.capHeight + Typesetter.depth)
            text.draw(label, x: labelX + widest + m.pad + height / 2, y: bar.y + bar.height / 2, size: m.label,
                      color: palette.foreground, horizontal: .center, vertical: .middle, rotation: -.pi / 2)
        }
    }
}
