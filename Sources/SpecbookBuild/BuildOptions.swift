import Foundation
import SpecbookNotebook
import SpecbookWire

/// What `specbook build` was asked to do.
public struct BuildOptions: Sendable {
    /// Notebook files or folders; default `notebooks/`.
    public var paths: [String] = ["notebooks"]
    public var output = "site"
    public var jobs = ProcessInfo.processInfo.activeProcessorCount
    /// False runs every notebook, ignoring stored results.
    public var useCache = true
    /// `-P name=value` overrides.
    public var parameters: [String: String] = [:]
    /// Shard i of n (`--shard i/n`): run only this shard's work into the cache and write no site.
    public var shard: Shard?
    /// A built site to compare this build with (`--compare DIR`); nil compares with the site this build replaces.
    public var compare: String?
    /// The project folder: notebooks are read, the cache kept and programs run relative to it.
    public var projectRoot = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)

    public init() {}

    /// Where the project's cache lives.
    public var cacheLayout: CacheLayout { CacheLayout(projectRoot: projectRoot) }

    /// ``compare`` resolved against the project root.
    public var compareFolder: URL? {
        compare.map { $0.hasPrefix("/") ? URL(fileURLWithPath: $0) : projectRoot.appendingPathComponent($0) }
    }

    /// ``output`` resolved against the project root.
    public var outputFolder: URL {
        output.hasPrefix("/") ? URL(fileURLWithPath: output) : projectRoot.appendingPathComponent(output)
    }
}

/// Why a build stopped before writing the site.
public struct BuildError: Error, CustomStringConvertible {
    public var messages: [String]

    public init(_ messages: [String]) {
        self.messages = messages
    }

    public var description: String { messages.joined(separator: "\n") }
}
