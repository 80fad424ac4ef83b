import ArgumentParser
import Foundation
import SpecbookBuild
import SpecbookNotebook
import SpecbookSite

/// `specbook preview`: build once, serve the site on loopback, rebuild on every edit and reload the open pages.
struct Preview: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the site, serve it locally and rebuild it as notebooks or library sources change.",
        discussion: """
            Watches the notebooks and the library sources (Sources/Specbook, SpecbookNumerics, SpecbookFigures) by
            polling, rebuilds what changed (the cache keeps it incremental) and reloads open pages.
            Examples:
              specbook preview                          # http://127.0.0.1:8000/
              specbook preview --port 8080 -P profile=quick
              specbook preview --host 0.0.0.0           # reachable from other machines: only on a trusted network
            """)

    @Argument(help: "Notebook files or folders (default: notebooks/).")
    var paths: [String] = []

    @Option(name: .long, help: "The port to listen on (0 picks a free one).")
    var port: Int = 8000

    @Option(name: .long, help: "The address to listen on; the default serves this machine only.")
    var host = "127.0.0.1"

    @Option(name: .long, help: "The folder the site is written to and served from.")
    var out = "site"

    @Option(name: .customShort("P"), parsing: .unconditionalSingleValue,
            help: ArgumentHelp("Set a notebook parameter (repeatable).", valueName: "name=value"))
    var parameters: [String] = []

    @Option(name: .long, help: "Seconds between two looks at the watched files.")
    var interval: Double = 0.5

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        guard interval > 0 else { throw ValidationError("--interval must be positive") }
        for p in parameters where !p.contains("=") || p.hasPrefix("=") {
            throw ValidationError("-P takes name=value, not '\(p)'")
        }
    }

    func run() throws {
        var options = BuildOptions()
        if !paths.isEmpty { options.paths = paths }
        options.output = out
        options.parameters.merge(parameterOverrides(parameters)) { _, override in override }
        Interrupt.install(cacheRoot: options.cacheRoot)
        let build = SiteBuild(options: options)
        rebuild(build)

        let site = out.hasPrefix("/") ? URL(fileURLWithPath: out) : options.projectRoot.appendingPathComponent(out)
        let server = try PreviewServer(site: site, host: host, port: UInt16(port))
        let bound: UInt16
        do {
            bound = try waitFor { try await server.start() }
        } catch {
            printError("specbook: error: cannot listen on \(host):\(port) (\(error))")
            throw ExitCode(1)
        }
        let shownHost = host.contains(":") ? "[\(host)]" : host
        printError("serving \(out)/ at http://\(shownHost):\(bound)/ (Ctrl-C stops)")

        let watcher = SourceWatcher(paths: watchedPaths(options))
        watcher.watch(every: interval) { changed in
            let names = changed.prefix(3).map { $0.hasPrefix(options.projectRoot.path + "/") ? String($0.dropFirst(options.projectRoot.path.count + 1)) : $0 }
            printError("changed: \(names.joined(separator: ", "))\(changed.count > 3 ? " and \(changed.count - 3) more" : "")")
            if rebuild(build) { server.reload() }
        }
    }

    /// Builds the site; a failed build is reported and the previous site keeps being served.
    @discardableResult
    func rebuild(_ build: SiteBuild) -> Bool {
        do {
            let summary = try build.run()
            var line = "built \(summary.pages) page\(summary.pages == 1 ? "" : "s") into \(out)/"
            line += " (\(summary.executed) run, \(summary.cached) cached, \(summary.failed) failed)"
            printError(line + String(format: " in %.1f s", summary.seconds))
            return true
        } catch {
            printError("\(error)")
            return false
        }
    }

    /// The notebooks given, and the library sources notebooks compile against.
    func watchedPaths(_ options: BuildOptions) -> [URL] {
        let root = options.projectRoot
        let notebooks = options.paths.map { $0.hasPrefix("/") ? URL(fileURLWithPath: $0) : root.appendingPathComponent($0) }
        let packageRoot = NotebookLibrary.besideExecutable()?.packageRoot ?? root
        let library = ["Specbook", "SpecbookNumerics", "SpecbookFigures"].map { packageRoot.appendingPathComponent("Sources/\($0)") }
        return notebooks + library
    }
}

/// Runs async work from synchronous command code and waits for its result.
func waitFor<T: Sendable>(_ work: @escaping @Sendable () async throws -> T) throws -> T {
    let box = ResultBox<T>()
    let done = DispatchSemaphore(value: 0)
    Task {
        do { box.result = .success(try await work()) } catch { box.result = .failure(error) }
        done.signal()
    }
    done.wait()
    return try box.result!.get()
}

/// Where a detached task leaves its result for ``waitFor(_:)``; the semaphore orders the accesses.
final class ResultBox<T>: @unchecked Sendable {
    var result: Result<T, any Error>?
}
