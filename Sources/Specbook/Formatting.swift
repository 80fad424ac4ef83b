import Foundation

/// `x` with `digits` significant digits, as prose cites a measured number (`%g` style).
///
/// ```swift
/// significant(0.012345)        // "0.0123"
/// significant(123456, 2)       // "1.2e+05"
/// ```
/// **Edge cases:** NaN and infinities print as `nan`, `inf`, `-inf`; `digits` below 1 counts as 1.
public func significant(_ x: Double, _ digits: Int = 3) -> String {
    String(format: "%.\(max(1, digits))g", x)
}

/// `x` with an explicit sign and `decimals` decimals, for exponents and slopes (`+0.250`, `-1.013`).
public func signed(_ x: Double, decimals: Int = 3) -> String {
    String(format: "%+.\(max(0, decimals))f", x)
}

/// The fraction `x` as a percentage with `decimals` decimals (`0.0345` → `3.5%`).
public func percent(_ x: Double, decimals: Int = 1) -> String {
    String(format: "%.\(max(0, decimals))f%%", 100 * x)
}

/// A value with its uncertainty, both to the uncertainty's first `digits` significant digits (`2.31 ± 0.07`).
///
/// **Edge cases:** a zero, negative or non-finite uncertainty prints the value with three significant digits and
/// the uncertainty as it is.
public func plusMinus(_ value: Double, _ uncertainty: Double, digits: Int = 1) -> String {
    guard uncertainty.isFinite, uncertainty > 0, value.isFinite else { return "\(significant(value)) ± \(significant(uncertainty))" }
    let decimals = max(0, digits - 1 - Int(floor(log10(uncertainty))))
    return String(format: "%.\(decimals)f ± %.\(decimals)f", value, uncertainty)
}
