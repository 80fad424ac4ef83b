/// `-P name=value` arguments as a dictionary; a bare `-P name` sets an empty value.
///
/// ```swift
/// parameterOverrides(["epochs=500", "profile=quick"]) // ["epochs": "500", "profile": "quick"]
/// ```
func parameterOverrides(_ arguments: [String]) -> [String: String] {
    var values: [String: String] = [:]
    for argument in arguments {
        let parts = argument.split(separator: "=", maxSplits: 1)
        guard let name = parts.first else { continue }
        values[String(name)] = parts.count > 1 ? String(parts[1]) : ""
    }
    return values
}
