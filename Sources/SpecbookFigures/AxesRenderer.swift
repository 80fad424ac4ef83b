import CCairo
import Foundation

/// Draws a panel's data, clipped to its plot area, in the order it was added.
struct AxesRenderer {
    let cr: OpaquePointer
    let panel: PanelLayout
    let theme: FigureTheme
    let palette: Palette
    let text: Typesetter
    let metrics: Metrics

    func device(_ xs: [Double], _ ys: [Double]) -> ([Double], [Double]) {
        (xs.map { panel.x($0) }, ys.map { panel.y($0) })
    }

    func drawData() throws {
        let plot = panel.plot
        cairo_save(cr)
        cairo_rectangle(cr, plot.x, plot.y, plot.width, plot.height)
        cairo_clip(cr)
        var overImage = false
        for element in panel.axes.elements {
            switch element {
            case .line(let s): drawLine(s)
            case .scatter(let s):
                let (xs, ys) = device(s.x, s.y)
                // Over a heat map, whose colours do not follow the theme, each marker gets a halo in the background
                // colour, so an ink-coloured point shows on light and dark cells alike.
                if overImage {
                    Painter.drawMarkers(cr, s.marker == .cross ? .cross : .circle, xs: xs, ys: ys, size: s.size + 3,
                                        color: palette.background)
                }
                Painter.drawMarkers(cr, s.marker, xs: xs, ys: ys, size: s.size, color: s.color.resolved(theme))
            case .stem(let s): drawStem(s)
            case .fill(let s): drawFill(s)
            case .heatmap(let h):
                try drawHeatmap(h)
                overImage = true
            case .reference(let r): drawReference(r)
            case .errorBars(let s): drawErrorBars(s)
            case .guide(let g): drawGuide(g)
            case .text: break
            }
        }
        cairo_restore(cr)
        for case .text(let note) in panel.axes.elements { drawText(note) }
    }

    private func drawLine(_ s: LineSeries) {
        let (xs, ys) = device(s.x, s.y)
        let color = s.color.resolved(theme)
        if s.width > 0 {
            Painter.setColor(cr, color)
            Painter.setStroke(cr, width: s.width, style: s.style)
            Painter.strokePolyline(cr, xs, ys)
        }
        if let marker = s.marker { Painter.drawMarkers(cr, marker, xs: xs, ys: ys, size: s.markerSize, color: color) }
    }

    private func drawStem(_ s: StemSeries) {
        let (xs, ys) = device(s.x, s.y)
        let color = s.color.resolved(theme)
        let base: Double
        if let baseline = s.baseline, panel.y.scale.transform(baseline).isFinite { base = panel.y(baseline) }
        else if panel.y.scale == .linear { base = panel.y(0) }
        else { base = max(panel.y.start, panel.y.end) }
        Painter.setColor(cr, color)
        Painter.setStroke(cr, width: 1.5, style: .solid)
        cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT)
        for i in xs.indices where xs[i].isFinite && ys[i].isFinite {
            cairo_move_to(cr, xs[i], base)
            cairo_line_to(cr, xs[i], ys[i])
        }
        cairo_stroke(cr)
        Painter.drawMarkers(cr, s.marker, xs: xs, ys: ys, size: 7, color: color)
        if panel.y.scale == .linear || s.baseline != nil {
            // A thin baseline under the stems, as matplotlib's stem draws one.
            let finite = xs.filter(\.isFinite)
            if let lo = finite.min(), let hi = finite.max() {
                Painter.setColor(cr, palette.secondary)
                Painter.setStroke(cr, width: 1, style: .solid)
                cairo_move_to(cr, lo, base)
                cairo_line_to(cr, hi, base)
                cairo_stroke(cr)
            }
        }
    }

    private func drawFill(_ s: FillSeries) {
        let xs = s.x.map { panel.x($0) }, lows = s.lower.map { panel.y($0) }, highs = s.upper.map { panel.y($0) }
        Painter.setColor(cr, s.color.resolved(theme).opacity(s.alpha))
        var start: Int? = nil
        // Each run of finite points becomes one closed polygon: along the upper curve, back along the lower.
        func close(_ end: Int) {
            guard let first = start, end > first else { start = nil; return }
            cairo_move_to(cr, xs[first], highs[first])
            for i in first...end { cairo_line_to(cr, xs[i], highs[i]) }
            for i in stride(from: end, through: first, by: -1) { cairo_line_to(cr, xs[i], lows[i]) }
            cairo_close_path(cr)
            start = nil
        }
        for i in xs.indices {
            if xs[i].isFinite && lows[i].isFinite && highs[i].isFinite {
                if start == nil { start = i }
            } else if start != nil {
                close(i - 1)
            }
        }
        if start != nil { close(xs.count - 1) }
        cairo_fill(cr)
    }

    private func drawReference(_ r: ReferenceLine) {
        let plot = panel.plot
        let position = r.horizontal ? panel.y(r.value) : panel.x(r.value)
        guard position.isFinite else { return }
        Painter.setColor(cr, r.color?.resolved(for: theme) ?? palette.secondary)
        Painter.setStroke(cr, width: r.width, style: r.style)
        cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT)
        if r.horizontal {
            cairo_move_to(cr, plot.x, position)
            cairo_line_to(cr, plot.maxX, position)
        } else {
            cairo_move_to(cr, position, plot.y)
            cairo_line_to(cr, position, plot.maxY)
        }
        cairo_stroke(cr)
    }

    private func drawHeatmap(_ h: Heatmap) throws {
        let (x0, x1) = h.xExtent
        let (top, bottom) = h.origin == .upper && h.y == nil ? (-0.5, Double(h.rows) - 0.5) : (h.yExtent.1, h.yExtent.0)
        let left = panel.x(x0), right = panel.x(x1), upper = panel.y(top), lower = panel.y(bottom)
        guard left.isFinite, right.isFinite, upper.isFinite, lower.isFinite else {
            throw FigureError.invalidLimits(axis: "heatmap", reason: "its x and y extents must be positive on a log axis; pass x: and y: ranges")
        }
        guard let image = h.makeImage() else { throw FigureError.cairo("could not create the heat map image") }
        defer { cairo_surface_destroy(image) }
        cairo_save(cr)
        cairo_translate(cr, left, upper)
        cairo_scale(cr, (right - left) / Double(h.columns), (lower - upper) / Double(h.rows))
        cairo_set_source_surface(cr, image, 0, 0)
        cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_NEAREST)
        cairo_pattern_set_extend(cairo_get_source(cr), CAIRO_EXTEND_PAD)
        cairo_rectangle(cr, 0, 0, Double(h.columns), Double(h.rows))
        cairo_fill(cr)
        cairo_restore(cr)
    }

    private func drawText(_ note: TextNote) {
        let plot = panel.plot
        let x: Double, y: Double
        switch note.coordinates {
        case .data: (x, y) = (panel.x(note.x), panel.y(note.y))
        case .axes: (x, y) = (plot.x + note.x * plot.width, plot.maxY - note.y * plot.height)
        }
        guard x.isFinite, y.isFinite else { return }
        let anchor: HorizontalAnchor = note.alignment == .left ? .left : note.alignment == .center ? .center : .right
        text.draw(note.text, x: x, y: y, size: note.size ?? metrics.tick, color: note.color?.resolved(for: theme) ?? palette.foreground,
                  horizontal: anchor, vertical: .baseline)
    }
}
