import Foundation

/// How an axis maps data values to positions.
///
/// ```swift
/// fig.axes.xScale = .log
/// fig.axes.yScale = .log   // a log-log spectrum
/// ```
/// **Edge cases:** on a `.log` axis, zero, negative and NaN values are masked: a line breaks
/// there and a marker is left out, as if the value were NaN. Nothing crashes.
public enum AxisScale: String, Sendable {
    case linear
    /// Base-10 logarithmic.
    case log

    /// The position of `value` along the axis before scaling to points; NaN when masked.
    @inline(__always)
    func transform(_ value: Double) -> Double {
        switch self {
        case .linear: return value
        case .log: return value > 0 ? log10(value) : .nan
        }
    }

    /// The data value at transformed position `t`.
    func inverse(_ t: Double) -> Double { self == .linear ? t : pow(10, t) }
}

extension AxisTicks {
    /// Ticks for a base-10 log axis over `range` (both bounds positive): decades labelled 10^k with
    /// a superscript, minor ticks at 2...9 x 10^k while at most ten decades show.
    ///
    /// ```swift
    /// let ticks = AxisTicks.log(1...1000)
    /// // ticks.major == [1, 10, 100, 1000], ticks.labels == ["10^{0}", "10^{1}", "10^{2}", "10^{3}"]
    /// ```
    /// **Edge cases:** non-positive bounds are replaced by 1...10; many decades are labelled every
    /// second, third, ... decade (at most `maxTicks` labels); a range with fewer than two decade
    /// ticks labels some minor ticks, as plain numbers ("2", "5", "10", "20") when they all lie between 0.001 and 10⁴ and
    /// as "2×10^{5}" otherwise; a range too narrow for that falls back to linear ticks.
    public static func log(_ range: ClosedRange<Double>, maxTicks: Int = 9) -> AxisTicks {
        var (low, high) = (range.lowerBound, range.upperBound)
        if !(low > 0) || !high.isFinite || !(high > 0) { (low, high) = (1, 10) }
        if high <= low * (1 + 1e-12) { (low, high) = (low / 2, high * 2) }
        let logLow = log10(low), logHigh = log10(high)
        let slack = 1e-10 * max(1, abs(logHigh - logLow))
        let firstDecade = Int(ceil(logLow - slack)), lastDecade = Int(floor(logHigh + slack))
        let decades = lastDecade - firstDecade
        var stride = decades / max(2, min(maxTicks, 9)) + 1
        if stride >= decades { stride = max(1, decades - 1) }
        var major: [Double] = [], labels: [String] = []
        // Align the labelled decades on multiples of the stride so that 10^0 is labelled when shown.
        for k in firstDecade...max(firstDecade, lastDecade) where k <= lastDecade && k % stride == 0 {
            major.append(pow(10, Double(k)))
            labels.append("10^{\(signed(k))}")
        }
        var minor: [Double] = []
        if stride == 1, decades <= 10 {
            for k in (firstDecade - 1)...lastDecade {
                for m in 2...9 {
                    let v = Double(m) * pow(10, Double(k))
                    if v >= low * (1 - 1e-12), v <= high * (1 + 1e-12) { minor.append(v) }
                }
            }
        } else if stride > 1 {
            // Unlabelled decade ticks between the labelled ones.
            for k in firstDecade...max(firstDecade, lastDecade) where k <= lastDecade && k % stride != 0 {
                minor.append(pow(10, Double(k)))
            }
        }
        var minorLabels: [Double: String] = [:]
        let span = logHigh - logLow
        // With fewer than two labelled decades, some minor ticks carry labels (matplotlib's minor_thresholds).
        if major.count < 2 {
            let labelled = span <= 0.4 ? Set(2...9) : Set([2, 5])
            for v in minor {
                let k = Int(floor(log10(v) + 1e-9)), m = Int((v / pow(10, Double(k))).rounded())
                if labelled.contains(m) { minorLabels[v] = "\(m)×10^{\(signed(k))}" }
            }
        }
        // Over so few decades plain numbers read better than "5×10^{0}, 2×10^{1}" (between 0.001 and 10⁴).
        if !minorLabels.isEmpty, (major + Array(minorLabels.keys)).allSatisfy({ $0 >= 1e-3 * (1 - 1e-9) && $0 <= 1e4 * (1 + 1e-9) }) {
            labels = major.map(plainNumber)
            for v in minorLabels.keys { minorLabels[v] = plainNumber(v) }
        }
        if major.count + minorLabels.count < 2 {
            let linear = AxisTicks.linear(low...high)
            return AxisTicks(major: linear.major.filter { $0 > 0 }, labels: Array(linear.labels.suffix(linear.major.filter { $0 > 0 }.count)),
                             exponent: linear.exponent)
        }
        return AxisTicks(major: major, labels: labels, minor: minor, minorLabels: minorLabels)
    }
}

/// A tick value on a log axis written plainly: "20", "0.05", "1000".
private func plainNumber(_ value: Double) -> String {
    if value >= 1, value.rounded() == value || abs(value - value.rounded()) < 1e-9 * value { return String(Int(value.rounded())) }
    var text = String(format: "%.6f", value)
    while text.hasSuffix("0") { text.removeLast() }
    if text.hasSuffix(".") { text.removeLast() }
    return text
}
