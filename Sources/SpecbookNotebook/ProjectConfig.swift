import Foundation
import Yams

/// `specbook.yml` at the project root: the site's title and description.
///
/// ```yaml
/// title: The upper limit of the decaying rate
/// description: Frequency principle and the linear frequency principle model, reproduced.
/// ```
public struct ProjectConfig: Sendable, Equatable {
    public var title = "Specbook"
    public var description: String?

    public init() {}

    /// Reads `specbook.yml` in `root`; a missing file gives the defaults, a malformed one an error naming it.
    public static func load(root: URL) throws -> ProjectConfig {
        let file = root.appendingPathComponent("specbook.yml")
        var config = ProjectConfig()
        guard let text = try? String(contentsOf: file, encoding: .utf8) else { return config }
        let loaded: Any?
        do {
            loaded = try Yams.load(yaml: text)
        } catch {
            throw NotebookError(file: "specbook.yml", "invalid YAML: \(error)")
        }
        guard let map = loaded as? [String: Any] else {
            throw NotebookError(file: "specbook.yml", line: 1, "must be a mapping with title and description")
        }
        for key in map.keys where !["title", "description"].contains(key) {
            throw NotebookError(file: "specbook.yml", "unknown key '\(key)' (known: description, title)")
        }
        if let title = map["title"] { config.title = "\(title)" }
        config.description = map["description"].map { "\($0)" }
        return config
    }
}
