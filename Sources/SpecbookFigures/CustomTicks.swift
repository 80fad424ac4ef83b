import Foundation

extension Axes {
    /// The ticks set with `xTicks`/`xTickLabels` (or the y ones) for `axis`, nil when the axis chooses its own.
    ///
    /// Without labels the positions are printed as the axis prints numbers: decades as 10^k on a log axis when
    /// every position is a power of ten, otherwise with the fewest decimals that tell them apart.
    func customTicks(_ axis: AxisKind) -> AxisTicks? {
        guard let positions = axis == .x ? xTicks : yTicks else { return nil }
        let finite = positions.filter(\.isFinite)
        if let labels = axis == .x ? xTickLabels : yTickLabels {
            return AxisTicks(major: positions, labels: labels)
        }
        guard let low = finite.min(), let high = finite.max() else { return AxisTicks(major: [], labels: []) }
        let decades = finite.map { $0 > 0 ? log10($0) : .nan }
        if scale(axis) == .log, decades.allSatisfy({ abs($0 - $0.rounded()) < 1e-9 }) {
            return AxisTicks(major: positions, labels: decades.map { "10^{\(AxisTicks.signed(Int($0.rounded())))}" })
        }
        let (labels, exponent) = AxisTicks.scalarLabels(finite, range: low...high)
        return AxisTicks(major: finite, labels: labels, exponent: exponent)
    }

    /// Throws when custom tick positions are not finite or their labels do not match them one for one.
    func validateCustomTicks() throws {
        for (name, positions, labels) in [("x", xTicks, xTickLabels), ("y", yTicks, yTickLabels)] {
            if let bad = positions?.first(where: { !$0.isFinite }) {
                throw FigureError.invalidParameter(name: "\(name)Ticks", value: bad)
            }
            if let labels, labels.count != positions?.count ?? 0 {
                throw FigureError.mismatchedTickLabels(axis: name, ticks: positions?.count ?? 0, labels: labels.count)
            }
        }
    }
}
