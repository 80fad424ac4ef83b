import ArgumentParser
import Foundation
import SpecbookBuild
import SpecbookNotebook

/// `specbook preview`: build once, serve the site on loopback, rebuild on every edit and reload the open pages.
struct Preview: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the site, serve it locally and rebuild it as notebooks or library sources change.",
        discussion: """
            Watches the notebooks and the notebook library's sources by polling, rebuilds what changed (the cache keeps it incremental) and reloads open pages.
            Examples:
              specbook preview                          # http://127.0.0.1:8000/
              specbook preview --port 8080 -P profile=quick
              specbook preview --host 0.0.0.0           # reachable from other machines: only on a trusted network
            """)

    @OptionGroup var project: ProjectOptions

    @Option(name: .long, help: "The port to listen on (0 picks a free one).")
    var port: Int = 8000

    @Option(name: .long, help: "The address to listen on; the default serves this machine only.")
    var host = "127.0.0.1"

    @Option(name: .long, help: "Seconds between two looks at the watched files.")
    var interval: Double = 0.5

    func validate() throws {
        guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
        guard interval > 0 else { throw ValidationError("--interval must be positive") }
    }

    func run() async throws {
        let options = try project.buildOptions()
        Interrupt.install(cacheLayout: options.cacheLayout)
        rebuild(options)

        let server = try PreviewServerProcess(site: options.outputFolder, host: host, port: port)
        let bound: UInt16
        do {
            bound = try server.waitUntilListening()
        } catch {
            printError("\(error)")
            throw ExitCode(1)
        }
        let shownHost = host.contains(":") ? "[\(host)]" : host
        printError("serving \(options.output)/ at http://\(shownHost):\(bound)/ (Ctrl-C stops)")

        let root = options.projectRoot.path + "/"
        for await changed in SourceWatcher(paths: watchedPaths(options)).changes(every: interval) {
            let names = changed.prefix(3).map { $0.hasPrefix(root) ? String($0.dropFirst(root.count)) : $0 }
            printError("changed: \(names.joined(separator: ", "))\(changed.count > 3 ? " and \(changed.count - 3) more" : "")")
            if await rebuildInBackground(options) { server.reload() }
        }
    }

    /// Builds the site; a build that could not write the site is reported and the previous site keeps being served.
    @discardableResult
    func rebuild(_ options: BuildOptions) -> Bool {
        (try? runBuild(options, quiet: false)) != nil
    }

    /// ``rebuild(_:)`` on a thread of its own, off the server's cooperative threads.
    func rebuildInBackground(_ options: BuildOptions) async -> Bool {
        await withCheckedContinuation { continuation in
            Thread { continuation.resume(returning: rebuild(options)) }.start()
        }
    }

    /// The notebooks given, `specbook.yml`, the project's `lib/` sources and the library sources notebooks compile
    /// against.
    func watchedPaths(_ options: BuildOptions) -> [URL] {
        let root = options.projectRoot
        let notebooks = options.paths.map { $0.hasPrefix("/") ? URL(fileURLWithPath: $0) : root.appendingPathComponent($0) }
        let lib = root.appendingPathComponent((try? ProjectConfig.load(root: root))?.lib ?? "lib")
        return notebooks + [root.appendingPathComponent(ProjectConfig.fileName), lib]
            + (NotebookLibrary.besideExecutable()?.sourceFolders ?? [])
    }
}

/// The `specbook-serve` program beside this one, serving the site while the preview command watches and rebuilds.
///
/// It says `listening PORT` when it listens and reloads the open pages on each `reload` line; it stops when this
/// process ends and its input closes.
final class PreviewServerProcess: @unchecked Sendable {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    private let process = Process()
    private let input = Pipe()
    private let output = Pipe()

    init(site: URL, host: String, port: Int) throws {
        let me = URL(fileURLWithPath: (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0])
        process.executableURL = me.deletingLastPathComponent().appendingPathComponent("specbook-serve")
        process.arguments = [site.path, host, String(port)]
        process.standardInput = input
        process.standardOutput = output
        do {
            try process.run()
        } catch {
            throw Failure(description: "specbook: error: cannot start \(process.executableURL!.path) (\(error))")
        }
    }

    /// The port the server listens on, once it says so; a server that exits first failed (it said why on stderr).
    func waitUntilListening() throws -> UInt16 {
        var text = ""
        while !text.contains("\n") {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty { break }
            text += String(decoding: chunk, as: UTF8.self)
        }
        guard text.hasPrefix("listening "), let port = UInt16(text.dropFirst(10).prefix(while: \.isNumber)) else {
            process.waitUntilExit()
            throw Failure(description: "specbook: error: the preview server stopped (status \(process.terminationStatus))")
        }
        return port
    }

    /// Makes every open page reload.
    func reload() {
        input.fileHandleForWriting.write(Data("reload\n".utf8))
    }
}
