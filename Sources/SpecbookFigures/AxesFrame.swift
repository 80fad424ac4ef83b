import CCairo
import Foundation

/// Draws a panel's furniture: grid, spines, ticks, tick labels, axis labels and title.
struct AxesFrame {
    let cr: OpaquePointer
    let panel: PanelLayout
    let palette: Palette
    let text: Typesetter
    let m: Metrics

    /// Tick positions in device points that fall on the axis (a pixel of slack at the ends).
    private func onAxis(_ values: [Double], _ map: AxisMap, _ low: Double, _ high: Double) -> [(Double, Double)] {
        values.compactMap { v in
            let p = map(v)
            return p.isFinite && p >= low - 0.5 && p <= high + 0.5 ? (v, p) : nil
        }
    }

    func drawGrid() {
        guard panel.axes.grid, panel.axes.axisVisible else { return }
        let plot = panel.plot
        Painter.setColor(cr, palette.grid)
        Painter.setStroke(cr, width: 0.8, style: .solid)
        for (_, px) in onAxis(panel.xTicks.major, panel.x, plot.x, plot.maxX) {
            cairo_move_to(cr, px, plot.y); cairo_line_to(cr, px, plot.maxY)
        }
        for (_, py) in onAxis(panel.yTicks.major, panel.y, plot.y, plot.maxY) {
            cairo_move_to(cr, plot.x, py); cairo_line_to(cr, plot.maxX, py)
        }
        cairo_stroke(cr)
    }

    func draw() {
        let plot = panel.plot
        if let title = panel.axes.title, !title.isEmpty {
            let exponentSpace = panel.axes.axisVisible && panel.showYTickLabels && panel.yTicks.exponent != nil
                ? text.measure("×10^{1}", size: m.tick).height + m.pad : 0
            text.draw(title, x: plot.x + plot.width / 2, y: plot.y - m.pad - exponentSpace - m.tick * 0.5 * (panel.axes.axisVisible ? 1 : 0),
                      size: m.title, color: palette.foreground, horizontal: .center, vertical: .bottom)
        }
        guard panel.axes.axisVisible else { return }
        Painter.setColor(cr, palette.foreground)
        Painter.setStroke(cr, width: 1, style: .solid)
        cairo_set_line_cap(cr, CAIRO_LINE_CAP_SQUARE)
        cairo_rectangle(cr, plot.x, plot.y, plot.width, plot.height)
        cairo_stroke(cr)
        cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT)

        let xMajor = onAxis(panel.xTicks.major, panel.x, plot.x, plot.maxX)
        let yMajor = onAxis(panel.yTicks.major, panel.y, plot.y, plot.maxY)
        let xMinor = onAxis(panel.xTicks.minor, panel.x, plot.x, plot.maxX)
        let yMinor = onAxis(panel.yTicks.minor, panel.y, plot.y, plot.maxY)
        for (ticks, length, width) in [(xMajor, m.majorTick, 1.0), (xMinor, m.minorTick, 0.7)] {
            cairo_set_line_width(cr, width)
            for (_, px) in ticks { cairo_move_to(cr, px, plot.maxY); cairo_line_to(cr, px, plot.maxY + length) }
            cairo_stroke(cr)
        }
        for (ticks, length, width) in [(yMajor, m.majorTick, 1.0), (yMinor, m.minorTick, 0.7)] {
            cairo_set_line_width(cr, width)
            for (_, py) in ticks { cairo_move_to(cr, plot.x, py); cairo_line_to(cr, plot.x - length, py) }
            cairo_stroke(cr)
        }

        let labelTop = plot.maxY + m.majorTick + m.pad
        var tickLabelBottom = plot.maxY + m.majorTick
        if panel.showXTickLabels {
            let labels = Dictionary(zip(panel.xTicks.major, panel.xTicks.labels), uniquingKeysWith: { a, _ in a })
                .merging(panel.xTicks.minorLabels) { a, _ in a }
            for (value, px) in xMajor + xMinor {
                guard let label = labels[value] else { continue }
                text.draw(label, x: px, y: labelTop, size: m.tick, color: palette.foreground, horizontal: .center, vertical: .top)
            }
            tickLabelBottom = labelTop + text.measure("0^{1}", size: m.tick).height
        }
        var leftmost = plot.x - m.majorTick
        if panel.showYTickLabels {
            let labels = Dictionary(zip(panel.yTicks.major, panel.yTicks.labels), uniquingKeysWith: { a, _ in a })
                .merging(panel.yTicks.minorLabels) { a, _ in a }
            let right = plot.x - m.majorTick - m.pad
            for (value, py) in yMajor + yMinor {
                guard let label = labels[value] else { continue }
                text.draw(label, x: right, y: py, size: m.tick, color: palette.foreground, horizontal: .right, vertical: .middle)
                leftmost = min(leftmost, right - text.measure(label, size: m.tick).width)
            }
            if let exponent = panel.yTicks.exponentLabel {
                text.draw(exponent, x: plot.x, y: plot.y - m.tick * 0.5 - m.pad / 2, size: m.tick, color: palette.foreground,
                          horizontal: .left, vertical: .bottom)
            }
        }
        let labelHeight = m.label * (Typesetter.capHeight + Typesetter.depth)
        if let xLabel = panel.axes.xLabel, !xLabel.isEmpty {
            text.draw(xLabel, x: plot.x + plot.width / 2, y: tickLabelBottom + m.pad, size: m.label, color: palette.foreground,
                      horizontal: .center, vertical: .top)
        }
        if panel.showXTickLabels, let exponent = panel.xTicks.exponentLabel {
            text.draw(exponent, x: plot.maxX, y: tickLabelBottom + m.pad, size: m.tick, color: palette.foreground,
                      horizontal: .right, vertical: .top)
        }
        if let yLabel = panel.axes.yLabel, !yLabel.isEmpty {
            text.draw(yLabel, x: leftmost - m.pad - labelHeight / 2 - 1, y: plot.y + plot.height / 2, size: m.label,
                      color: palette.foreground, horizontal: .center, vertical: .middle, rotation: -.pi / 2)
        }
    }
}
