import Foundation
import SpecbookWire

/// Notebook parameters: front matter `params:` defaults, overridden by `specbook build -P name=value`.
enum NotebookParameters {
    static let values: [String: String] = {
        guard let json = ProcessInfo.processInfo.environment[RunEnvironment.parameters],
              let data = json.data(using: .utf8),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { return [:] }
        return object.mapValues { "\($0)" }
    }()
}

/// The parameter `name` as a string, or `fallback` when it is not set.
///
/// ```swift
/// let profile = param("profile", default: "full")
/// ```
public func param(_ name: String, default fallback: String) -> String {
    NotebookParameters.values[name] ?? fallback
}

/// The parameter `name` as an integer, or `fallback` when it is not set or not an integer.
public func param(_ name: String, default fallback: Int) -> Int {
    NotebookParameters.values[name].flatMap { Int($0) } ?? fallback
}

/// The parameter `name` as a floating-point number, or `fallback` when it is not set or not a number.
public func param(_ name: String, default fallback: Double) -> Double {
    NotebookParameters.values[name].flatMap { Double($0) } ?? fallback
}

/// The parameter `name` as a Boolean (`true`/`false`/`1`/`0`), or `fallback`.
public func param(_ name: String, default fallback: Bool) -> Bool {
    switch NotebookParameters.values[name]?.lowercased() {
    case "true", "1", "yes": return true
    case "false", "0", "no": return false
    default: return fallback
    }
}

/// True when the build runs the reduced `quick` profile (`-P profile=quick`).
public var isQuickProfile: Bool { param("profile", default: "full") == "quick" }

/// The notebook's seed, from front matter `seed`.
public var notebookSeed: UInt64 { NotebookRuntime.seed }
