import Foundation

/// Where a project keeps what builds leave behind: `.specbook-cache/` and every folder in it, named once.
///
/// ```swift
/// let layout = CacheLayout(projectRoot: root)
/// layout.entry("3f2a…")          // .specbook-cache/entries/3f2a…
/// layout.work(for: "lfp")        // .specbook-cache/work/lfp-<pid>
/// ```
public struct CacheLayout: Sendable, Equatable {
    /// The cache folder's name inside a project.
    public static let folderName = ".specbook-cache"

    public var root: URL

    public init(projectRoot: URL) {
        root = projectRoot.appendingPathComponent(Self.folderName)
    }

    public init(root: URL) {
        self.root = root
    }

    /// Finished runs, one folder per cache key.
    public var entries: URL { root.appendingPathComponent("entries") }
    public func entry(_ key: String) -> URL { entries.appendingPathComponent(key) }
    /// A half-written entry, renamed to ``entry(_:)`` when whole.
    public func staging(_ key: String) -> URL {
        entries.appendingPathComponent(".staging-\(key)-\(getpid())-\(UInt64.random(in: 0...UInt64.max))")
    }
    /// Where programs compile and run; deleted after each build and on Ctrl-C.
    public var work: URL { root.appendingPathComponent("work") }
    public func work(for notebook: String) -> URL {
        // Unique across machines too: shards on a shared filesystem may run with equal process ids.
        work.appendingPathComponent("\(notebook)-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
    }
    /// Where `specbook run` leaves a notebook's program and figures for the author to open.
    public func run(for notebook: String) -> URL { root.appendingPathComponent("run/\(notebook)") }
    /// Sites replaced by a build, deleted in the background by the next.
    public var trash: URL { root.appendingPathComponent("trash") }
    /// The key and notebook text of each notebook's last successful run, so a failed run keeps its page.
    public func lastGood(for notebook: String) -> URL { root.appendingPathComponent("last-good/\(notebook).json") }
    /// Held while a build of the project runs.
    public var lock: URL { root.appendingPathComponent("lock") }

    /// Values kept by `cached(...)` in notebooks: `values/<block key>/<name>.json`.
    public var values: URL { root.appendingPathComponent("values") }

    /// Formatted citations, by a hash of the bibliography, the style and the citations (see the build's formatter).
    public var citations: URL { root.appendingPathComponent("citations") }
    /// How long each notebook's last run took, by name and parameters, so a build starts the longest first.
    public var durations: URL { root.appendingPathComponent("durations.json") }
    /// The project's `lib/` module, compiled: `lib/<key>/` (see `ProjectLibraryBuild`).
    public var lib: URL { root.appendingPathComponent("lib") }
    /// The generated package of `specbook.yml`'s `packages:`, built: `packages/<key>/` (see `PackageBuild`).
    public var packages: URL { root.appendingPathComponent("packages") }
    /// The toolchain's version line, remembered per compiler.
    public var toolchain: URL { root.appendingPathComponent("toolchain.txt") }
}
