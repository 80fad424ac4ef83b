import Foundation

/// Maps data values on one axis to device points: transform by the scale, then stretch linearly.
struct AxisMap {
    var scale: AxisScale
    /// Limits in transformed units (log10 of the value on a log axis).
    var low: Double
    var high: Double
    /// Device positions of `low` and `high`.
    var start: Double
    var end: Double

    @inline(__always)
    func callAsFunction(_ value: Double) -> Double {
        let t = scale.transform(value)
        return start + (t - low) / (high - low) * (end - start)
    }

    /// Device position of a value already in transformed units.
    func position(transformed t: Double) -> Double { start + (t - low) / (high - low) * (end - start) }

    /// The data limits, back in data units.
    var dataRange: ClosedRange<Double> { scale.inverse(low)...scale.inverse(high) }
}

/// Which axis of a panel.
enum AxisKind { case x, y }

extension Axes {
    func scale(_ axis: AxisKind) -> AxisScale { axis == .x ? xScale : yScale }

    /// Finite data extent along `axis` in transformed units, and heat-map edges that margins must not cross.
    func dataExtent(_ axis: AxisKind) -> (low: Double, high: Double, sticky: [Double])? {
        let scale = self.scale(axis)
        var low = Double.infinity, high = -Double.infinity
        var sticky: [Double] = []
        func include(_ v: Double) {
            let t = scale.transform(v)
            if t.isFinite { low = min(low, t); high = max(high, t) }
        }
        func includePoints(_ xs: [Double], _ ys: [Double]) {
            let other = axis == .x ? yScale : xScale
            let own = axis == .x ? xs : ys, cross = axis == .x ? ys : xs
            for i in own.indices where other.transform(cross[i]).isFinite { include(own[i]) }
        }
        for element in elements {
            switch element {
            case .line(let s): includePoints(s.x, s.y)
            case .scatter(let s): includePoints(s.x, s.y)
            case .stem(let s):
                includePoints(s.x, s.y)
                if axis == .y, yScale == .linear { include(s.baseline ?? 0) }
            case .fill(let s):
                includePoints(s.x, s.lower)
                includePoints(s.x, s.upper)
            case .heatmap(let h):
                let (a, b) = axis == .x ? h.xExtent : h.yExtent
                include(a)
                include(b)
                sticky += [a, b].map(scale.transform).filter(\.isFinite)
            case .reference(let r):
                if r.horizontal == (axis == .y) { include(r.value) }
            case .errorBars(let s):
                let ends = s.barEnds
                includePoints(s.x + ends.x, s.y + ends.y)
            case .text, .guide:
                break
            }
        }
        return low <= high ? (low, high, sticky) : nil
    }

    /// The limits drawn along `axis`, in transformed units: explicit limits, or the data with 5% margins.
    func resolvedLimits(_ axis: AxisKind, extent: (low: Double, high: Double, sticky: [Double])?) throws -> (Double, Double) {
        let scale = self.scale(axis)
        let name = axis == .x ? "x" : "y"
        if let limits = axis == .x ? xLimits : yLimits {
            let low = scale.transform(limits.lowerBound), high = scale.transform(limits.upperBound)
            guard low.isFinite, high.isFinite else {
                let reason = scale == .log ? "a log axis needs positive, finite limits, got \(limits)" : "limits must be finite, got \(limits)"
                throw FigureError.invalidLimits(axis: name, reason: reason)
            }
            guard high > low else { throw FigureError.invalidLimits(axis: name, reason: "lower and upper limit are equal (\(limits))") }
            return (low, high)
        }
        guard let extent else { return (0, 1) }
        if extent.high - extent.low <= 1e-12 * max(1, abs(extent.high)) {
            if scale == .log {
                let t = extent.low
                let below = t.rounded(.down) == t ? t - 1 : t.rounded(.down)
                let above = t.rounded(.up) == t ? t + 1 : t.rounded(.up)
                return (below, above)
            }
            return AxisTicks.nonsingular(extent.low, extent.high)
        }
        let margin = 0.05 * (extent.high - extent.low)
        var low = extent.low - margin, high = extent.high + margin
        // Margins stop at heat-map edges, as matplotlib's sticky edges do for images.
        for edge in extent.sticky {
            if edge <= extent.low + 1e-12, edge >= low { low = edge }
            if edge >= extent.high - 1e-12, edge <= high { high = edge }
        }
        return (low, high)
    }

    /// The x and y limits the panel is drawn with, in data units: the explicit limits, else the data (points
    /// with both coordinates drawable on the axes' scales) with 5% margins, as matplotlib's `get_xlim`.
    ///
    /// ```swift
    /// try ax.line(x: [1, 10, 100], y: [1, 2, 3])
    /// ax.xScale = .log
    /// try ax.drawnLimits().x      // 10^-0.1 ... 10^2.1
    /// ```
    /// **Edge cases:** an axis with nothing to draw spans 0...1 (linear) or 1...10 (log); invalid explicit
    /// limits throw ``FigureError/invalidLimits(axis:reason:)``.
    public func drawnLimits() throws -> (x: ClosedRange<Double>, y: ClosedRange<Double>) {
        let (x0, x1) = try resolvedLimits(.x, extent: dataExtent(.x))
        let (y0, y1) = try resolvedLimits(.y, extent: dataExtent(.y))
        return (xScale.inverse(x0)...xScale.inverse(x1), yScale.inverse(y0)...yScale.inverse(y1))
    }

    /// True when the y axis is drawn counting down: asked for, or an `.upper` heat map without `y`.
    var drawsYInverted: Bool {
        yInverted || elements.contains { if case .heatmap(let h) = $0 { return h.origin == .upper && h.y == nil } else { return false } }
    }

    /// Ticks for a resolved axis of `length` points.
    static func ticks(scale: AxisScale, low: Double, high: Double, length: Double, fontSize: Double, horizontal: Bool) -> AxisTicks {
        let space = Int(length / (fontSize * (horizontal ? 3 : 2)))
        switch scale {
        case .linear: return AxisTicks.linear(low...high, maxBins: min(max(space, 1), 9))
        case .log: return AxisTicks.log(pow(10, low)...pow(10, high), maxTicks: min(max(space, 2), 9))
        }
    }
}
