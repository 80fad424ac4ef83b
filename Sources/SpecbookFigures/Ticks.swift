import Foundation

/// Tick positions and labels for one axis, chosen the way matplotlib chooses them.
///
/// Linear axes get "nice" steps (1, 2, 2.5, 5 x 10^k) with every label printed with the same,
/// smallest number of decimals that tells the ticks apart; very large or small values factor out a
/// power of ten shown once at the end of the axis. Labels use `^{...}` for superscripts and the
/// typographic minus sign U+2212, as matplotlib does.
///
/// ```swift
/// let ticks = AxisTicks.linear(0...1)
/// // ticks.major  == [0, 0.2, 0.4, 0.6, 0.8, 1]
/// // ticks.labels == ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"]
/// let big = AxisTicks.linear(0...2e6)   // labels "0.00" ... "2.00", exponent 6 ("×10^{6}")
/// ```
/// **Edge cases:** a zero-width or reversed range is widened first (see `nonsingular`); a value
/// that rounds to zero is printed without a sign, never as "−0"; non-finite bounds give no ticks.
public struct AxisTicks: Equatable, Sendable {
    /// Positions of labelled ticks, increasing.
    public var major: [Double]
    /// One label per major tick (markup: `^{...}` is a superscript).
    public var labels: [String]
    /// Positions of small unlabelled ticks (log axes), increasing.
    public var minor: [Double]
    /// Minor ticks that carry a label too (narrow log axes), with their labels.
    public var minorLabels: [Double: String]
    /// The power of ten divided out of the labels, when there is one.
    public var exponent: Int?

    public init(major: [Double], labels: [String], minor: [Double] = [], minorLabels: [Double: String] = [:], exponent: Int? = nil) {
        self.major = major
        self.labels = labels
        self.minor = minor
        self.minorLabels = minorLabels
        self.exponent = exponent
    }

    /// The text shown once at the end of the axis for the factored-out power of ten, such as "×10^{6}".
    public var exponentLabel: String? { exponent.map { "×10^{\(Self.signed($0))}" } }

    /// Ticks for a linear axis over `range`, with at most `maxBins` intervals between ticks.
    ///
    /// ```swift
    /// AxisTicks.linear(0...0.3).labels               // ["0.00", "0.05", ..., "0.30"]
    /// AxisTicks.linear(0...0.3, maxBins: 3).labels   // ["0.0", "0.1", "0.2", "0.3"]
    /// ```
    /// **Edge cases:** only ticks inside `range` are returned; a plot uses about one bin per three
    /// label heights of axis length, at most 9.
    public static func linear(_ range: ClosedRange<Double>, maxBins: Int = 9) -> AxisTicks {
        let (low, high) = nonsingular(range.lowerBound, range.upperBound)
        guard low.isFinite, high.isFinite else { return AxisTicks(major: [], labels: []) }
        let values = niceTicks(low, high, bins: max(1, maxBins))
        let slack = (high - low) * 1e-10
        let visible = values.filter { $0 >= low - slack && $0 <= high + slack }
        let (labels, exponent) = scalarLabels(visible, range: low...high)
        return AxisTicks(major: visible, labels: labels, exponent: exponent)
    }

    /// Widens a zero-width or reversed range the way matplotlib does: by 5% of the value each side
    /// (±0.05 around zero), so that an axis of equal values still has ticks.
    public static func nonsingular(_ a: Double, _ b: Double) -> (Double, Double) {
        var (low, high) = a <= b ? (a, b) : (b, a)
        let largest = max(abs(low), abs(high))
        if high - low <= largest * 1e-12 || high - low < 1e-300 {
            if largest < 1e-300 { return (-0.05, 0.05) }
            low -= 0.05 * abs(low)
            high += 0.05 * abs(high)
        }
        return (low, high)
    }

    /// matplotlib's MaxNLocator: the smallest nice step giving at most `bins` intervals and >= 2 ticks.
    static func niceTicks(_ low: Double, _ high: Double, bins: Int) -> [Double] {
        let span = high - low
        let scale = pow(10, floor(log10(span / Double(bins))))
        let steps = [0.1, 0.2, 0.25, 0.5, 1, 2, 2.5, 5, 10, 20].map { $0 * scale }
        let rawStep = span / Double(bins)
        let first = steps.firstIndex { $0 >= rawStep } ?? steps.count - 1
        var ticks: [Double] = []
        for step in steps[...first].reversed() {
            let best = (low / step).rounded(.down) * step
            let lo = edgeBelow(low - best, step), hi = edgeAbove(high - best, step)
            ticks = stride(from: lo, through: hi, by: 1).map { $0 * step + best }
            let shown = ticks.filter { $0 >= low && $0 <= high }.count
            if shown >= 2 { break }
        }
        return ticks
    }

    // Tick index at or just below x, treating a remainder within 1e-10 of a step as exact.
    private static func edgeBelow(_ x: Double, _ step: Double) -> Double {
        let d = (x / step).rounded(.down), m = x / step - d
        return abs(m - 1) < 1e-10 ? d + 1 : d
    }

    private static func edgeAbove(_ x: Double, _ step: Double) -> Double {
        let d = (x / step).rounded(.down), m = x / step - d
        return abs(m) < 1e-10 ? d : d + 1
    }

    /// matplotlib's ScalarFormatter: a shared power of ten outside 1e-5 ..< 1e6, then the fewest
    /// decimals that keep every tick exact to 1/1000 of the tick range.
    static func scalarLabels(_ values: [Double], range: ClosedRange<Double>) -> ([String], Int?) {
        guard !values.isEmpty else { return ([], nil) }
        let largest = values.map(abs).max() ?? 0
        let magnitude = largest == 0 ? 0 : Int(floor(log10(largest)))
        let exponent: Int? = (magnitude <= -5 || magnitude >= 6) ? magnitude : nil
        let divisor = pow(10, Double(exponent ?? 0))
        let scaled = values.map { $0 / divisor }
        var spread = (scaled.max() ?? 0) - (scaled.min() ?? 0)
        if values.count < 2 { spread = (range.upperBound - range.lowerBound) / divisor }
        if spread == 0 { spread = scaled.map(abs).max() ?? 0 }
        if spread == 0 { spread = 1 }
        let spreadMagnitude = Int(floor(log10(spread)))
        var decimals = max(0, 3 - spreadMagnitude)
        let threshold = 1e-3 * pow(10, Double(spreadMagnitude))
        while decimals >= 0 {
            let p = pow(10, Double(decimals))
            let error = scaled.map { abs($0 - ($0 * p).rounded() / p) }.max() ?? 0
            if error < threshold { decimals -= 1 } else { break }
        }
        decimals += 1
        return (scaled.map { format($0, decimals: decimals) }, exponent)
    }

    /// `value` with `decimals` decimals, the typographic minus, and no "−0".
    static func format(_ value: Double, decimals: Int) -> String {
        var text = String(format: "%.\(decimals)f", value)
        if text.hasPrefix("-") {
            let digits = text.dropFirst()
            text = digits.allSatisfy { $0 == "0" || $0 == "." } ? String(digits) : "\u{2212}" + digits
        }
        return text
    }

    /// An integer with the typographic minus.
    static func signed(_ value: Int) -> String { value < 0 ? "\u{2212}\(-value)" : "\(value)" }
}
