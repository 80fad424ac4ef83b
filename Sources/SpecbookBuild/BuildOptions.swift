import Foundation
import SpecbookNotebook

/// What `specbook build` was asked to do.
public struct BuildOptions: Sendable {
    /// Notebook files or folders; default `notebooks/`.
    public var paths: [String] = ["notebooks"]
    public var output = "site"
    public var jobs = ProcessInfo.processInfo.activeProcessorCount
    public var strict = false
    public var useCache = true
    /// `-P name=value` overrides.
    public var parameters: [String: String] = [:]
    /// The project folder: notebooks are read, the cache kept and programs run relative to it.
    public var projectRoot = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    /// The prebuilt notebook library; found beside the `specbook` executable when nil.
    public var library: NotebookLibrary?
    /// Overrides `specbook.yml`'s title.
    public var siteTitle: String?

    public init() {}

    public var cacheRoot: URL { projectRoot.appendingPathComponent(".specbook-cache") }
}

/// Why a build stopped before writing the site.
public struct BuildError: Error, CustomStringConvertible {
    public var messages: [String]

    public init(_ messages: [String]) {
        self.messages = messages
    }

    public var description: String { messages.joined(separator: "\n") }
}
