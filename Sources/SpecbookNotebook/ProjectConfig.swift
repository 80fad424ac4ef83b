import Foundation
import Yams

/// `specbook.yml` at the project root: the site's title and description, and where its citations come from.
///
/// ```yaml
/// title: The upper limit of the decaying rate
/// description: Frequency principle and the linear frequency principle model, reproduced.
/// bibliography: references.bib      # the default when that file exists; a list for several files
/// citation-style: numeric           # or author-year, or a .csl file
/// ```
public struct ProjectConfig: Sendable, Equatable {
    public var title = "Specbook"
    public var description: String?
    /// BibTeX files relative to the project root; nil means `references.bib` when it exists.
    public var bibliography: [String]?
    /// `numeric` (the default), `author-year`, or the path of a CSL style.
    public var citationStyle: String?

    public static let knownKeys = ["bibliography", "citation-style", "description", "title"]

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
        for key in map.keys.sorted() where !knownKeys.contains(key) {
            throw NotebookError(file: "specbook.yml", "unknown key '\(key)' (known: \(knownKeys.joined(separator: ", ")))")
        }
        if let title = map["title"] { config.title = "\(title)" }
        config.description = map["description"].map { "\($0)" }
        if let files = map["bibliography"] {
            if let list = files as? [Any] { config.bibliography = list.map { "\($0)" } } else { config.bibliography = ["\(files)"] }
        }
        config.citationStyle = map["citation-style"].map { "\($0)" }
        return config
    }
}
