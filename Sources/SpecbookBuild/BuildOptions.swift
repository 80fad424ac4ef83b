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
    /// The project folder: notebooks are read, the cache kept and programs run relative to it. By default the
    /// nearest folder at or above the working directory holding `specbook.yml`, else the working directory.
    public var projectRoot = ProjectConfig.findRoot(from: BuildOptions.workingDirectory)

    public init() {}

    static var workingDirectory: URL { URL(fileURLWithPath: FileManager.default.currentDirectoryPath) }

    /// A path the user typed (relative to the working directory) as the build reads it: relative to
    /// ``projectRoot`` when inside it, else absolute.
    ///
    /// ```swift
    /// // in <root>/notebooks: specbook build lfp.md
    /// options.projectPath("lfp.md")   // "notebooks/lfp.md"
    /// ```
    public func projectPath(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? URL(fileURLWithPath: path) : Self.workingDirectory.appendingPathComponent(path)
        let full = absolute.standardizedFileURL.path
        let root = projectRoot.standardizedFileURL.path
        if full == root { return "." }
        return full.hasPrefix(root + "/") ? String(full.dropFirst(root.count + 1)) : full
    }

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
