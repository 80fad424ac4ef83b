import CCairo
import Foundation

/// Where a legend sits inside the plot area.
///
/// ```swift
/// ax.legend()                        // .best: covers the fewest data points
/// ax.legend(location: .lowerRight)
/// ax.legendLocation = nil            // no legend
/// ```
/// **Edge cases:** `.best` tries the positions in matplotlib's order (upper right first) and keeps
/// the first with the fewest points and line segments under the box (a marker counting as ten); when even that
/// one hides a marker, or more than 2% of the lines, no place is free and the legend
/// goes outside the axes, right of the plot area, which shrinks to make room (unless the legend would take over 45%
/// of the panel's width).
public enum LegendLocation: String, Sendable, CaseIterable {
    case best, upperRight, upperLeft, lowerLeft, lowerRight, right, centerLeft, centerRight, lowerCenter, upperCenter, center
}

/// One legend row: a sample of how the data is drawn and its label.
private struct LegendEntry {
    var label: String
    var element: PlotElement
}

/// Lays out and draws a panel's legend.
struct LegendRenderer {
    let cr: OpaquePointer
    let panel: PanelLayout
    let theme: FigureTheme
    let palette: Palette
    let text: Typesetter
    let m: Metrics

    private var entries: [LegendEntry] {
        panel.axes.elements.compactMap { element in element.label.map { LegendEntry(label: $0, element: element) } }
    }

    /// The legend box's width and height, nil when the panel shows no legend.
    var boxSize: (width: Double, height: Double)? {
        let entries = self.entries
        guard panel.axes.legendLocation != nil, !entries.isEmpty else { return nil }
        let size = m.legend, border = 0.5 * size, spacing = 0.5 * size
        let rowHeight = size * (Typesetter.capHeight + Typesetter.depth) + 2
        let labelWidth = entries.map { text.measure($0.label, size: size).width }.max() ?? 0
        return (border * 2 + 2.8 * size + labelWidth, border * 2 + Double(entries.count) * rowHeight + Double(entries.count - 1) * spacing)
    }

    /// Whether `.best` finds no free place inside the plot area, so the legend goes outside it.
    var belongsOutside: Bool {
        guard panel.axes.legendLocation == .best, let (width, height) = boxSize else { return false }
        let covered = badness(place(.best, width: width, height: height, inset: 0.5 * m.legend))
        return covered >= Self.markerWeight || covered > max(2, badness(panel.plot) / 50)
    }

    func draw() {
        guard let location = panel.axes.legendLocation, let (width, height) = boxSize else { return }
        let entries = self.entries
        let size = m.legend
        let handle = 2 * size, gap = 0.8 * size, border = 0.5 * size, spacing = 0.5 * size, inset = 0.5 * size
        let rowHeight = size * (Typesetter.capHeight + Typesetter.depth) + 2
        let box = panel.legendOutside ? Rect(x: panel.plot.maxX + m.pad * 2, y: panel.plot.y, width: width, height: height)
            : place(location, width: width, height: height, inset: inset)

        Painter.roundedRectangle(cr, x: box.x, y: box.y, width: box.width, height: box.height, radius: 3)
        Painter.setColor(cr, palette.legendBackground)
        cairo_fill_preserve(cr)
        Painter.setColor(cr, palette.secondary.opacity(0.5))
        Painter.setStroke(cr, width: 0.8, style: .solid)
        cairo_stroke(cr)
        for (row, entry) in entries.enumerated() {
            let top = box.y + border + Double(row) * (rowHeight + spacing)
            let middle = top + rowHeight / 2
            drawSample(entry.element, x: box.x + border, y: middle, length: handle, height: rowHeight)
            text.draw(entry.label, x: box.x + border + handle + gap, y: middle, size: size, color: palette.foreground,
                      horizontal: .left, vertical: .middle)
        }
    }

    private func drawSample(_ element: PlotElement, x: Double, y: Double, length: Double, height: Double) {
        switch element {
        case .line(let s):
            Painter.setColor(cr, s.color.resolved(theme))
            Painter.setStroke(cr, width: s.width, style: s.style)
            cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT)
            cairo_move_to(cr, x, y)
            cairo_line_to(cr, x + length, y)
            cairo_stroke(cr)
            if let marker = s.marker {
                Painter.drawMarkers(cr, marker, xs: [x + length / 2], ys: [y], size: s.markerSize, color: s.color.resolved(theme))
            }
        case .scatter(let s):
            Painter.drawMarkers(cr, s.marker, xs: [x + length / 2], ys: [y], size: s.size, color: s.color.resolved(theme))
        case .stem(let s):
            let color = s.color.resolved(theme)
            Painter.setColor(cr, color)
            Painter.setStroke(cr, width: 1.5, style: .solid)
            cairo_move_to(cr, x + length / 2, y + height / 2)
            cairo_line_to(cr, x + length / 2, y - height / 4)
            cairo_stroke(cr)
            Painter.drawMarkers(cr, s.marker, xs: [x + length / 2], ys: [y - height / 4], size: 6, color: color)
        case .fill(let s):
            Painter.setColor(cr, s.color.resolved(theme).opacity(s.alpha))
            cairo_rectangle(cr, x, y - height * 0.35, length, height * 0.7)
            cairo_fill(cr)
        case .reference(let r):
            Painter.setColor(cr, r.color?.resolved(for: theme) ?? palette.secondary)
            Painter.setStroke(cr, width: r.width, style: r.style)
            cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT)
            cairo_move_to(cr, x, y)
            cairo_line_to(cr, x + length, y)
            cairo_stroke(cr)
        case .errorBars(let s):
            drawErrorBarSample(s, x: x, y: y, length: length, height: height)
        case .guide(let g):
            Painter.setColor(cr, g.color?.resolved(for: theme) ?? palette.secondary)
            Painter.setStroke(cr, width: g.width, style: g.style)
            cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT)
            cairo_move_to(cr, x, y)
            cairo_line_to(cr, x + length, y)
            cairo_stroke(cr)
        case .heatmap, .text:
            break
        }
    }

    private func place(_ location: LegendLocation, width: Double, height: Double, inset: Double) -> Rect {
        let plot = panel.plot
        func rect(_ l: LegendLocation) -> Rect {
            let left = plot.x + inset, right = plot.maxX - inset - width, centerX = plot.x + (plot.width - width) / 2
            let top = plot.y + inset, bottom = plot.maxY - inset - height, centerY = plot.y + (plot.height - height) / 2
            switch l {
            case .best, .upperRight: return Rect(x: right, y: top, width: width, height: height)
            case .upperLeft: return Rect(x: left, y: top, width: width, height: height)
            case .lowerLeft: return Rect(x: left, y: bottom, width: width, height: height)
            case .lowerRight: return Rect(x: right, y: bottom, width: width, height: height)
            case .right, .centerRight: return Rect(x: right, y: centerY, width: width, height: height)
            case .centerLeft: return Rect(x: left, y: centerY, width: width, height: height)
            case .lowerCenter: return Rect(x: centerX, y: bottom, width: width, height: height)
            case .upperCenter: return Rect(x: centerX, y: top, width: width, height: height)
            case .center: return Rect(x: centerX, y: centerY, width: width, height: height)
            }
        }
        guard location == .best else { return rect(location) }
        let candidates = LegendLocation.allCases.dropFirst().map(rect)
        var best = candidates[0], fewest = Int.max
        for candidate in candidates {
            let count = badness(candidate)
            if count < fewest { (best, fewest) = (candidate, count) }
        }
        return best
    }

    /// What hiding one marker costs against one line vertex or segment under the legend.
    static let markerWeight = 10

    /// Data points inside `box` plus the length of line under it in 10-point steps (matplotlib's "best" measure, with
    /// long segments weighing more), a marker (scatter, stem, error bar, a line's markers) weighing ``markerWeight``; a note placed with `text` counts as 1000, since the
    /// legend would hide it.
    private func badness(_ legend: Rect) -> Int {
        // A line that grazes the box's edge reads as crossing it: measure with a margin of a few points.
        let margin = 0.35 * m.legend
        let box = Rect(x: legend.x - margin, y: legend.y - margin, width: legend.width + 2 * margin, height: legend.height + 2 * margin)
        func inside(_ x: Double, _ y: Double) -> Bool { x >= box.x && x <= box.maxX && y >= box.y && y <= box.maxY }
        var count = 0
        for case .text(let note) in panel.axes.elements {
            let plot = panel.plot
            let (x, y) = note.coordinates == .data ? (panel.x(note.x), panel.y(note.y))
                : (plot.x + note.x * plot.width, plot.maxY - note.y * plot.height)
            let size = text.measure(note.text, size: note.size ?? m.tick)
            let left = note.alignment == .left ? x : note.alignment == .center ? x - size.width / 2 : x - size.width
            if left < box.maxX, left + size.width > box.x, y - size.ascent < box.maxY, y + size.descent > box.y { count += 1000 }
        }
        for element in panel.axes.elements {
            let xs: [Double], ys: [Double], segments: Bool, weight: Int
            switch element {
            case .line(let s): (xs, ys, segments, weight) = (s.x, s.y, true, s.marker == nil ? 1 : Self.markerWeight)
            case .scatter(let s): (xs, ys, segments, weight) = (s.x, s.y, false, Self.markerWeight)
            case .stem(let s): (xs, ys, segments, weight) = (s.x, s.y, false, Self.markerWeight)
            case .errorBars(let s): (xs, ys, segments, weight) = (s.x, s.y, false, Self.markerWeight)
            case .fill(let s): (xs, ys, segments, weight) = (s.x + s.x, s.upper + s.lower, false, 1)
            // A heat map covers its whole extent, so it counts the same under every position.
            case .heatmap, .reference, .text, .guide: continue
            }
            var previous: (Double, Double)? = nil
            for i in xs.indices {
                let px = panel.x(xs[i]), py = panel.y(ys[i])
                guard px.isFinite, py.isFinite else { previous = nil; continue }
                if inside(px, py) { count += weight }
                // A long segment hides more than a short one: one count per 10 points of it under the box.
                if segments, let (qx, qy) = previous, let fraction = covered(qx, qy, px, py, box) {
                    count += max(1, Int((fraction * hypot(px - qx, py - qy) / 10).rounded(.up)))
                }
                previous = (px, py)
            }
        }
        return count
    }

    /// The fraction of the segment from (x0, y0) to (x1, y1) inside `box`, nil when it misses it (Liang–Barsky).
    private func covered(_ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double, _ box: Rect) -> Double? {
        var t0 = 0.0, t1 = 1.0
        let dx = x1 - x0, dy = y1 - y0
        for (p, q) in [(-dx, x0 - box.x), (dx, box.maxX - x0), (-dy, y0 - box.y), (dy, box.maxY - y0)] {
            if p == 0 { if q < 0 { return nil }; continue }
            let r = q / p
            if p < 0 { t0 = max(t0, r) } else { t1 = min(t1, r) }
            if t0 > t1 { return nil }
        }
        return t1 - t0
    }
}
