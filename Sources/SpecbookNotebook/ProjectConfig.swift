import Foundation
import Yams

/// `specbook.yml` at the project root: the site's title and description, and where its citations come from.
///
/// ```yaml
/// title: The upper limit of the decaying rate
/// description: Frequency principle and the linear frequency principle model, reproduced.
/// bibliography: references.bib      # the default when that file exists; a list for several files
/// citation-style: numeric           # or author-year, or a .csl file
/// lib: lib                          # Swift sources every notebook imports (the default when lib/ exists)
/// packages:                         # Swift packages whose products every notebook may import
///   - url: https://github.com/apple/swift-numerics
///     version: 1.1.1                # exactly this version; `from: 1.1.0` for up to the next major one
///     products: [ComplexModule]
/// ```
public struct ProjectConfig: Sendable, Equatable {
    public var title = "Specbook"
    public var description: String?
    /// BibTeX files relative to the project root; nil means `references.bib` when it exists.
    public var bibliography: [String]?
    /// `numeric` (the default), `author-year`, or the path of a CSL style.
    public var citationStyle: String?
    /// The folder of Swift sources compiled into the module every notebook imports, relative to the project root;
    /// nil means `lib` when that folder exists.
    public var lib: String?
    /// Swift packages whose products every notebook may import, in the order written.
    public var packages: [SwiftPackageRequirement] = []

    /// The project file's name; the folder holding it is the project root.
    public static let fileName = "specbook.yml"
    public static let knownKeys = ["bibliography", "citation-style", "description", "lib", "packages", "title"]

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
        config.lib = map["lib"].map { "\($0)" }
        if map["packages"] != nil { config.packages = try SwiftPackageRequirement.parse(yaml: text) }
        return config
    }

    /// The project root for `folder`: the nearest folder at or above it holding `specbook.yml` (as git finds
    /// `.git`), or `folder` itself when none does.
    ///
    /// **Edge cases:** a `specbook.yml` in `/` counts; a symbolic link is followed as the path says, not resolved.
    public static func findRoot(from folder: URL) -> URL {
        var dir = folder.standardizedFileURL
        while true {
            if FileManager.default.fileExists(atPath: dir.appendingPathComponent(fileName).path) { return dir }
            if dir.path == "/" || dir.path.isEmpty { return folder }
            dir = dir.deletingLastPathComponent()
        }
    }

    /// The lib folder's sources: the `.swift` files of ``lib`` (or of `lib/` when unset), sorted, relative to the
    /// project root; empty when there are none.
    ///
    /// **Edge cases:** a `lib:` folder that does not exist is an error naming `specbook.yml`; files in subfolders count.
    public func librarySources(root: URL) throws -> [String] {
        let folder = lib ?? "lib"
        let url = root.appendingPathComponent(folder)
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), isFolder.boolValue else {
            if lib != nil { throw NotebookError(file: Self.fileName, "lib: no such folder '\(folder)'") }
            return []
        }
        var files: [String] = []
        let enumerator = FileManager.default.enumerator(atPath: url.path)
        while let path = enumerator?.nextObject() as? String {
            if path.hasSuffix(".swift") && !path.split(separator: "/").contains(where: { $0.hasPrefix(".") }) {
                files.append(folder.hasSuffix("/") ? folder + path : folder + "/" + path)
            }
        }
        return files.sorted()
    }
}
