import Foundation

/// A rectangle in points, y growing downwards as on the page.
struct Rect {
    var x: Double, y: Double, width: Double, height: Double
    var maxX: Double { x + width }
    var maxY: Double { y + height }
}

/// Space around a plot area taken by ticks, labels, title and colour bar.
struct Margins { var left = 0.0, right = 0.0, top = 0.0, bottom = 0.0 }

/// Text sizes and distances, all derived from the figure's base font size.
struct Metrics {
    let font: Double
    var tick: Double { font * 0.9 }
    var label: Double { font }
    var title: Double { font * 1.15 }
    var suptitle: Double { font * 1.3 }
    var legend: Double { font * 0.9 }
    let majorTick = 5.0, minorTick = 3.0, pad = 4.0, outer = 6.0
    let colorBarGap = 12.0, colorBarWidth = 14.0
}

/// Everything needed to draw one panel: its plot area, axis maps, ticks and which labels show.
struct PanelLayout {
    let axes: Axes
    var cell: Rect
    var plot: Rect
    var x: AxisMap
    var y: AxisMap
    var xTicks = AxisTicks(major: [], labels: [])
    var yTicks = AxisTicks(major: [], labels: [])
    var colorBarTicks = AxisTicks(major: [], labels: [])
    var showXTickLabels = true
    var showYTickLabels = true
    /// The legend sits right of the plot area, since no place inside it is free (``LegendLocation/best``).
    var legendOutside = false
    /// Width the outside legend needs, margin included.
    var legendOutsideWidth = 0.0

    /// The first heat map that wants a colour bar.
    var colorBarMap: Heatmap? {
        for case .heatmap(let h) in axes.elements where h.colorBar { return h }
        return nil
    }

    /// Places the plot area inside the cell with the given margins and recomputes ticks for its size.
    mutating func place(_ margins: Margins, metrics: Metrics, text: Typesetter) {
        plot = Rect(x: (cell.x + margins.left).rounded(), y: (cell.y + margins.top).rounded(),
                    width: max(1, (cell.width - margins.left - margins.right).rounded()),
                    height: max(1, (cell.height - margins.top - margins.bottom).rounded()))
        x.start = plot.x
        x.end = plot.maxX
        let inverted = axes.drawsYInverted
        y.start = inverted ? plot.y : plot.maxY
        y.end = inverted ? plot.maxY : plot.y
        xTicks = axes.customTicks(.x)
            ?? Axes.ticks(scale: x.scale, low: x.low, high: x.high, length: plot.width, fontSize: metrics.tick, horizontal: true)
        // Wide labels (such as "100000") get fewer ticks until neighbours no longer touch.
        var length = plot.width
        while axes.xTicks == nil, xLabelsCollide(text, metrics), length > metrics.tick * 3 {
            length *= 0.75
            xTicks = Axes.ticks(scale: x.scale, low: x.low, high: x.high, length: length, fontSize: metrics.tick, horizontal: true)
        }
        yTicks = axes.customTicks(.y)
            ?? Axes.ticks(scale: y.scale, low: y.low, high: y.high, length: plot.height, fontSize: metrics.tick, horizontal: false)
        if let map = colorBarMap { colorBarTicks = map.colorBarTicks(height: plot.height, fontSize: metrics.tick) }
    }

    /// Whether two neighbouring x tick labels would overlap or sit closer than half an em.
    func xLabelsCollide(_ text: Typesetter, _ m: Metrics) -> Bool {
        let labels = Dictionary(zip(xTicks.major, xTicks.labels), uniquingKeysWith: { a, _ in a }).merging(xTicks.minorLabels) { a, _ in a }
        let placed = labels.map { (x($0.key), text.measure($0.value, size: m.tick).width) }.filter { $0.0.isFinite }.sorted { $0.0 < $1.0 }
        return zip(placed, placed.dropFirst()).contains { a, b in b.0 - a.0 < (a.1 + b.1) / 2 + m.tick * 0.5 }
    }

    /// The margins this panel needs for its current ticks and labels.
    func margins(_ text: Typesetter, _ m: Metrics) -> Margins {
        var result = Margins()
        let labelHeight = m.label * (Typesetter.capHeight + Typesetter.depth) + 2
        if let title = axes.title, !title.isEmpty { result.top += text.measure(title, size: m.title).height + 2 * m.pad }
        if let map = colorBarMap {
            let labels = colorBarTicks.labels + colorBarTicks.minorLabels.values
            let widest = labels.map { text.measure($0, size: m.tick).width }.max() ?? 0
            result.right += m.colorBarGap + m.colorBarWidth + m.majorTick + m.pad + widest
            if map.colorBarLabel != nil { result.right += m.pad + labelHeight }
        }
        if legendOutside { result.right += legendOutsideWidth }
        guard axes.axisVisible else { return result }
        result.left = m.outer + m.majorTick
        result.bottom = m.outer + m.majorTick
        result.top += m.outer
        result.right += m.outer
        if showYTickLabels {
            let labels = yTicks.labels + Array(yTicks.minorLabels.values)
            result.left += m.pad + (labels.map { text.measure($0, size: m.tick).width }.max() ?? 0)
            result.top += m.tick * 0.5
            if let exponent = yTicks.exponentLabel { result.top += text.measure(exponent, size: m.tick).height + m.pad }
        }
        if axes.yLabel?.isEmpty == false { result.left += m.pad + labelHeight }
        if showXTickLabels {
            result.bottom += m.pad + text.measure("0^{1}", size: m.tick).height
            // The last label may hang past the right end of the axis.
            let labels = zip(xTicks.major, xTicks.labels).filter { abs(x($0.0) - plot.maxX) < 1 }
            if let last = labels.last { result.right = max(result.right, text.measure(last.1, size: m.tick).width / 2 + 2) }
        }
        if axes.xLabel?.isEmpty == false || (showXTickLabels && xTicks.exponent != nil) { result.bottom += m.pad + labelHeight }
        return result
    }
}

extension Figure {
    /// Lays out every panel: limits (shared where asked), ticks, and margins aligned across the grid.
    func layout(_ text: Typesetter, _ m: Metrics) throws -> [PanelLayout] {
        let top = suptitle.map { text.measure($0, size: m.suptitle).height + 2 * m.pad + m.outer } ?? 0
        let cellWidth = width / Double(columns), cellHeight = (height - top) / Double(rows)
        let xExtents = panels.map { $0.dataExtent(.x) }, yExtents = panels.map { $0.dataExtent(.y) }
        func union(_ all: [(low: Double, high: Double, sticky: [Double])?]) -> (low: Double, high: Double, sticky: [Double])? {
            let present = all.compactMap { $0 }
            guard let low = present.map(\.low).min(), let high = present.map(\.high).max() else { return nil }
            return (low, high, present.flatMap(\.sticky))
        }
        var layouts: [PanelLayout] = []
        for (index, axes) in panels.enumerated() {
            try axes.validateCustomTicks()
            let row = index / columns, column = index % columns
            // Shared x runs down a column and shared y along a row (matplotlib's "col" and "row").
            let xExtent = sharesX ? union(xExtents.indices.filter { $0 % columns == column }.map { xExtents[$0] }) : xExtents[index]
            let yExtent = sharesY ? union(yExtents.indices.filter { $0 / columns == row }.map { yExtents[$0] }) : yExtents[index]
            let (xl, xh) = try axes.resolvedLimits(.x, extent: xExtent)
            let (yl, yh) = try axes.resolvedLimits(.y, extent: yExtent)
            let cell = Rect(x: Double(column) * cellWidth, y: top + Double(row) * cellHeight, width: cellWidth, height: cellHeight)
            var panel = PanelLayout(
                axes: axes, cell: cell, plot: cell,
                x: AxisMap(scale: axes.xScale, low: xl, high: xh, start: 0, end: 1),
                y: AxisMap(scale: axes.yScale, low: yl, high: yh, start: 0, end: 1))
            panel.showXTickLabels = !sharesX || row == rows - 1
            panel.showYTickLabels = !sharesY || column == 0
            panel.place(Margins(left: 60, right: 20, top: 20, bottom: 45), metrics: m, text: text)
            layouts.append(panel)
        }
        alignMargins(&layouts, text, m)
        // A legend with no free place inside its plot area goes outside it, which shrinks the plot, unless it would
        // take over 45% of the panel's width: then the least covered place inside is the lesser harm.
        let crowded = layouts.indices.filter { i in
            let legend = LegendRenderer(cr: text.cr, panel: layouts[i], theme: .light, palette: Palette(.light), text: text, m: m)
            return legend.belongsOutside && (legend.boxSize?.width ?? 0) + m.pad * 3 <= layouts[i].cell.width * 0.45
        }
        guard !crowded.isEmpty else { return layouts }
        for i in crowded {
            let renderer = LegendRenderer(cr: text.cr, panel: layouts[i], theme: .light, palette: Palette(.light), text: text, m: m)
            layouts[i].legendOutside = true
            layouts[i].legendOutsideWidth = (renderer.boxSize?.width ?? 0) + m.pad * 3
        }
        alignMargins(&layouts, text, m)
        return layouts
    }

    /// Places every panel with margins aligned across its row and column.
    private func alignMargins(_ layouts: inout [PanelLayout], _ text: Typesetter, _ m: Metrics) {
        // Twice: ticks depend on the plot size, which depends on the labels' size.
        for _ in 0..<2 {
            let needed = layouts.map { $0.margins(text, m) }
            for index in layouts.indices {
                let row = index / columns, column = index % columns
                var aligned = needed[index]
                for other in layouts.indices {
                    if other % columns == column { aligned.left = max(aligned.left, needed[other].left); aligned.right = max(aligned.right, needed[other].right) }
                    if other / columns == row { aligned.top = max(aligned.top, needed[other].top); aligned.bottom = max(aligned.bottom, needed[other].bottom) }
                }
                layouts[index].place(aligned, metrics: m, text: text)
            }
        }
    }
}
