import Foundation
import SpecbookNotebook

/// How long each notebook's last run took, kept in `.specbook-cache/durations.json`, so a build can start the
/// longest notebooks first and keep every core busy to the end.
///
/// ```swift
/// var durations = RunDurations.load(layout.durations)
/// let order = RunDurations.longestFirst([durations.seconds(of: "lfp", parameters: [:]), 0, nil])
/// durations.record(12.5, of: "lfp", parameters: [:])
/// durations.save(to: layout.durations)
/// ```
///
/// **Edge cases:**
/// - A missing or unreadable file is an empty record: the build runs in page order, as before any run.
/// - Times are per notebook and parameters (`-P profile=quick` and the full profile are remembered apart).
/// - Only runs that executed are recorded; a reused (cached) run keeps the time of the run that computed it.
public struct RunDurations: Sendable, Equatable {
    /// Seconds by ``key(_:parameters:)``.
    public private(set) var seconds: [String: Double]

    /// A record holding `seconds` (by ``key(_:parameters:)``); empty by default.
    public init(seconds: [String: Double] = [:]) {
        self.seconds = seconds
    }

    /// The record at `url`, or an empty one when there is none or it cannot be read.
    public static func load(_ url: URL) -> RunDurations {
        guard let data = try? Data(contentsOf: url), let seconds = try? JSONDecoder().decode([String: Double].self, from: data)
        else { return RunDurations() }
        return RunDurations(seconds: seconds)
    }

    /// Writes the record atomically; a failure to write only costs the next build its ordering.
    public func save(to url: URL) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        guard let data = try? encoder.encode(seconds) else { return }
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? data.write(to: url, options: .atomic)
    }

    /// `name` and the parameters in name order, one line: what a time is remembered under.
    public static func key(_ name: String, parameters: [String: String]) -> String {
        ([name] + parameters.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }).joined(separator: " ")
    }

    /// The last recorded run time of notebook `name` with `parameters`, or nil when it never ran with them.
    public func seconds(of name: String, parameters: [String: String]) -> Double? {
        seconds[Self.key(name, parameters: parameters)]
    }

    /// Remembers `time` seconds as the last run of notebook `name` with `parameters`, replacing an earlier time.
    public mutating func record(_ time: Double, of name: String, parameters: [String: String]) {
        seconds[Self.key(name, parameters: parameters)] = time
    }

    /// Indices of `estimates` in the order to start them: longest first (the longest-processing-time rule), those
    /// never timed before all others (they may be long), ties in page order.
    public static func longestFirst(_ estimates: [Double?]) -> [Int] {
        estimates.indices.sorted { a, b in
            let x = estimates[a] ?? .infinity, y = estimates[b] ?? .infinity
            return x != y ? x > y : a < b
        }
    }
}
