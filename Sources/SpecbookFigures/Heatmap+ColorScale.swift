import Foundation

extension Heatmap {
    /// The value range mapped to the colour map's ends: the requested limits, else the values' range (on a log
    /// scale, the range of the positive values), widened when it is a single value.
    static func colorLimits(_ values: [Double], requested: ClosedRange<Double>?, scale: AxisScale) throws -> (low: Double, high: Double) {
        let shown = values.filter { $0.isFinite && (scale == .linear || $0 > 0) }
        if let requested {
            guard requested.lowerBound.isFinite, requested.upperBound.isFinite else {
                throw FigureError.invalidLimits(axis: "heatmap colour", reason: "limits must be finite")
            }
            guard scale == .linear || requested.lowerBound > 0 else {
                throw FigureError.invalidLimits(axis: "heatmap colour", reason: "a log colour scale needs positive limits, got \(requested)")
            }
        }
        guard let low = requested?.lowerBound ?? shown.min(), let high = requested?.upperBound ?? shown.max() else {
            if values.contains(where: \.isFinite) {
                throw FigureError.invalidLimits(axis: "heatmap colour", reason: "a log colour scale needs some positive values")
            }
            throw FigureError.noFiniteValues("heatmap")
        }
        return AxisTicks.nonsingular(low, high)
    }

    /// Ticks for the colour bar beside a plot area `height` points tall: nice linear steps, or decades
    /// labelled 10^k with minor ticks at 2–9 × 10^k on a log colour scale.
    func colorBarTicks(height: Double, fontSize: Double) -> AxisTicks {
        let bins = min(max(Int(height / (fontSize * 2)), 1), 9)
        switch colorScale {
        case .linear: return AxisTicks.linear(limits.low...limits.high, maxBins: bins)
        case .log: return AxisTicks.log(limits.low...limits.high, maxTicks: max(bins, 2))
        }
    }
}
