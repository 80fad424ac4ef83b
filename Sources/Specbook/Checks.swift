import Foundation
import SpecbookWire

/// Checks a claim and records it for the page, the manifest and `specbook build --strict`; returns whether it holds.
///
/// ```swift
/// check("monotone in K", scan.isMonotone)
/// check("exponent below the limit", slope, lessThan: -0.15)
/// check("bracket contains d", lower...upper, contains: 1.0)
/// check("matches the closed form", value, approximately: exact, relativeTolerance: 1e-8)
/// note("regime B time scale", "outside the kernel regime, so the LFP time scale is not expected to match")
/// ```
/// A failing check does not stop the program: the page shows it as failed, and `--strict` fails the build
/// with the notebook line that made it.
///
/// **Edge cases:** a NaN measured value fails every comparison; a check made outside any block (before the
/// first) belongs to block -1 and is still listed.
@discardableResult
public func check(_ name: String, _ condition: Bool, file: String = #file, line: Int = #line) -> Bool {
    Checks.record(name, measured: String(condition), expected: "true", holds: condition, file: file, line: line)
}

/// Checks `value < limit`.
@discardableResult
public func check(_ name: String, _ value: Double, lessThan limit: Double, file: String = #file, line: Int = #line) -> Bool {
    Checks.record(name, measured: Checks.format(value), expected: "< \(Checks.format(limit))", holds: value < limit, file: file, line: line)
}

/// Checks `value > limit`.
@discardableResult
public func check(_ name: String, _ value: Double, greaterThan limit: Double, file: String = #file, line: Int = #line) -> Bool {
    Checks.record(name, measured: Checks.format(value), expected: "> \(Checks.format(limit))", holds: value > limit, file: file, line: line)
}

/// Checks that `value` lies in `range`.
@discardableResult
public func check(_ name: String, _ value: Double, in range: ClosedRange<Double>, file: String = #file, line: Int = #line) -> Bool {
    Checks.record(name, measured: Checks.format(value),
                  expected: "in [\(Checks.format(range.lowerBound)), \(Checks.format(range.upperBound))]",
                  holds: range.contains(value), file: file, line: line)
}

/// Checks that the measured interval `range` contains `value` (a bracket around a predicted number).
@discardableResult
public func check(_ name: String, _ range: ClosedRange<Double>, contains value: Double, file: String = #file, line: Int = #line) -> Bool {
    Checks.record(name, measured: "[\(Checks.format(range.lowerBound)), \(Checks.format(range.upperBound))]",
                  expected: "contains \(Checks.format(value))", holds: range.contains(value), file: file, line: line)
}

/// Checks |value − expected| ≤ relativeTolerance·|expected| + absoluteTolerance.
@discardableResult
public func check(_ name: String, _ value: Double, approximately expected: Double, relativeTolerance: Double = 0,
                  absoluteTolerance: Double = 0, file: String = #file, line: Int = #line) -> Bool {
    let bound = relativeTolerance * abs(expected) + absoluteTolerance
    var tolerance: [String] = []
    if relativeTolerance > 0 { tolerance.append("rel \(Checks.format(relativeTolerance))") }
    if absoluteTolerance > 0 { tolerance.append("abs \(Checks.format(absoluteTolerance))") }
    let within = tolerance.isEmpty ? "exactly" : "within " + tolerance.joined(separator: ", ")
    return Checks.record(name, measured: Checks.format(value), expected: "≈ \(Checks.format(expected)) (\(within))",
                         holds: abs(value - expected) <= bound, file: file, line: line)
}

/// Records a documented disagreement: shown as a note with its reason, never a failure.
public func note(_ name: String, _ reason: String, file: String = #file, line: Int = #line) {
    NotebookRuntime.emit(.check(CheckRecord(block: NotebookRuntime.currentBlock, name: name, measured: reason, expected: "",
                                            verdict: .note, file: file, line: line)))
}

enum Checks {
    static func record(_ name: String, measured: String, expected: String, holds: Bool, file: String, line: Int) -> Bool {
        NotebookRuntime.emit(.check(CheckRecord(block: NotebookRuntime.currentBlock, name: name, measured: measured,
                                                expected: expected, verdict: holds ? .holds : .fails, file: file, line: line)))
        return holds
    }

    /// Four significant digits, as a reader compares numbers.
    static func format(_ value: Double) -> String {
        guard value.isFinite else { return "\(value)" }
        return String(format: "%.4g", value)
    }
}
