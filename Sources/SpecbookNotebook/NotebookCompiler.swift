import Foundation

/// Compiles a ``NotebookProgram`` with swiftc against the prebuilt ``NotebookLibrary`` and the project's modules.
public struct NotebookCompiler: Sendable {
    public var library: NotebookLibrary
    public var swiftc: String
    /// The project's packages and `lib/` module, linked into every program after the library.
    public var modules: [LinkedModule] = []

    public init(library: NotebookLibrary, swiftc: String = NotebookCompiler.findSwiftc()) {
        self.library = library
        self.swiftc = swiftc
    }

    /// The toolchain's lld links notebook programs faster than the system linker.
    var hasLLD: Bool {
        let folder = URL(fileURLWithPath: swiftc).resolvingSymlinksInPath().deletingLastPathComponent()
        return FileManager.default.isExecutableFile(atPath: folder.appendingPathComponent("ld.lld").path)
    }

    /// swiftc from `SWIFTC`, else the first on PATH, else the one beside `swift`.
    public static func findSwiftc() -> String {
        let env = ProcessInfo.processInfo.environment
        if let explicit = env["SWIFTC"] { return explicit }
        for dir in (env["PATH"] ?? "/usr/bin").split(separator: ":") {
            let candidate = "\(dir)/swiftc"
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return "/usr/bin/swiftc"
    }

    /// The compiler's messages, with `main.swift` lines already mapped to the notebook by `#sourceLocation`.
    public struct Failure: Error, Sendable {
        public var diagnostics: String
        /// The first `file:line:col: error: ...` line.
        public var firstError: String
        /// The notebook line of the first error, when it points into the notebook.
        public var line: Int?
    }

    /// Writes `main.swift` into `folder`, compiles it to `folder/notebook`, and returns the executable.
    public func compile(_ program: NotebookProgram, in folder: URL, workingDirectory: URL) throws -> URL {
        let source = folder.appendingPathComponent("main.swift")
        let executable = folder.appendingPathComponent("notebook")
        let log = folder.appendingPathComponent("compile.log")
        try program.source.write(to: source, atomically: true, encoding: .utf8)
        var arguments = [source.path, "-Onone", "-swift-version", "5", "-module-name", "NotebookProgram", "-o", executable.path]
        arguments += linkArguments
        // Notebook glue needs neither module; skipping them shortens every compile.
        arguments += ["-Xfrontend", "-disable-implicit-concurrency-module-import",
                      "-Xfrontend", "-disable-implicit-string-processing-module-import"]
        // LLVM-style diagnostics quote the failing line without the generated program's line numbers.
        arguments += ["-diagnostic-style", "llvm"]
        if hasLLD { arguments.append("-use-ld=lld") }
        let result = try ChildProcess.run(
            executable: swiftc, arguments: arguments, workingDirectory: workingDirectory,
            stdoutFile: log, stderrFile: log, timeout: 600)
        guard result.status == .exited(0) else {
            let text = (try? String(contentsOf: log, encoding: .utf8)) ?? "swiftc failed with \(result.status)"
            throw Self.failure(from: text, status: result.status)
        }
        return executable
    }

    /// Module search paths and libraries of the notebook library and of ``modules``, with run paths to each.
    public var linkArguments: [String] {
        library.includePaths.flatMap { ["-I", $0] }
            + ["-L", library.binPath.path, "-lSpecbook", "-Xlinker", "-rpath", "-Xlinker", library.binPath.path]
            + modules.flatMap(\.compilerArguments)
    }

    static func failure(from log: String, status: ChildProcess.Status) -> Failure {
        let lines = log.components(separatedBy: "\n")
        let first = lines.first(where: { $0.contains(": error: ") }) ?? lines.first(where: { !$0.isEmpty }) ?? "swiftc failed (\(status))"
        var line: Int?
        let parts = first.components(separatedBy: ":")
        if parts.count > 2 { line = Int(parts[1]) }
        return Failure(diagnostics: log, firstError: first, line: line)
    }
}
