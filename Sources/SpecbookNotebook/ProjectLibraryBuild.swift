import Foundation

/// The project's own Swift sources (`lib/*.swift`, or the folder `lib:` names in `specbook.yml`), compiled once per
/// change into the module `ProjectLibrary` that every notebook program imports.
///
/// The module lives in `.specbook-cache/lib/KEY/`, KEY a digest of the sources' paths and contents, the library
/// build and the packages; notebooks import it with `@testable import`, so its declarations need no `public`.
///
/// ```swift
/// // lib/format.swift
/// import Specbook
/// func fmt(_ x: Double) -> String { significant(x, 3) }
/// ```
/// ```swift
/// let lib = try ProjectLibraryBuild(sources: ["lib/format.swift"], root: root, layout: layout, compiler: compiler)
///     .prepare()                                  // nil without sources
/// compiler.modules.append(lib)
/// ```
/// **Edge cases:** no sources gives nil; a compile error is a ``NotebookError`` at `lib/FILE.swift:LINE` with
/// swiftc's diagnostics, and nothing is stored, so the next build compiles again.
public struct ProjectLibraryBuild: Sendable {
    /// The module name notebooks see.
    public static let moduleName = "ProjectLibrary"

    public var sources: [String]
    public var root: URL
    public var folder: URL
    public var key: String
    var compiler: NotebookCompiler

    /// Describes the compile of `sources` (relative to `root`) with `compiler`, whose library and modules it links.
    public init(sources: [String], root: URL, layout: CacheLayout, compiler: NotebookCompiler) {
        self.sources = sources
        self.root = root
        self.compiler = compiler
        var hash = ContentHash()
        hash.update("specbook-lib-v1\u{0}\(compiler.library.buildID())\u{0}\(compiler.swiftc)\u{0}")
        for module in compiler.modules { hash.update("module\u{0}\(module.key)\u{0}") }
        for source in sources {
            hash.update("\(source)\u{0}\(ContentHash.file(root.appendingPathComponent(source)) ?? "unreadable")\u{0}")
        }
        key = String(hash.hexDigest().prefix(16))
        folder = layout.lib.appendingPathComponent(key)
    }

    var description: URL { folder.appendingPathComponent("linked.json") }

    /// The compiled module, compiling it first when its sources changed (`onCompile` hears when).
    public func prepare(onCompile: () -> Void = {}) throws -> LinkedModule? {
        guard !sources.isEmpty else { return nil }
        if let built = LinkedModule.read(from: description) { return built }
        onCompile()
        let fm = FileManager.default
        let staging = folder.deletingLastPathComponent().appendingPathComponent(".staging-\(key)-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        try? fm.removeItem(at: staging)
        try fm.createDirectory(at: staging, withIntermediateDirectories: true)
        defer { try? fm.removeItem(at: staging) }
        let log = staging.appendingPathComponent("compile.log")
        var arguments = ["-emit-library", "-emit-module", "-parse-as-library", "-module-name", Self.moduleName,
                         "-O", "-enable-testing", "-swift-version", "5", "-diagnostic-style", "llvm",
                         "-emit-module-path", staging.appendingPathComponent("\(Self.moduleName).swiftmodule").path,
                         "-o", staging.appendingPathComponent("lib\(Self.moduleName).so").path]
        arguments += compiler.linkArguments + sources
        let result = try ChildProcess.run(
            executable: compiler.swiftc, arguments: arguments, workingDirectory: root,
            stdoutFile: log, stderrFile: log, timeout: 1800)
        guard result.status == .exited(0) else {
            throw Self.error(from: (try? String(contentsOf: log, encoding: .utf8)) ?? "", fallback: sources[0])
        }
        try LinkedModule(folder: folder, includes: ["."], libraryFolder: ".", libraryName: Self.moduleName, key: key,
                         imports: ["@testable import \(Self.moduleName)"])
            .write(to: staging.appendingPathComponent("linked.json"))
        // Another build may have stored the same key meanwhile (either copy is whole); a folder this version of
        // Specbook cannot read is replaced.
        if rename(staging.path, folder.path) != 0 && LinkedModule.read(from: description) == nil {
            try? fm.removeItem(at: folder)
            guard rename(staging.path, folder.path) == 0 else {
                throw NotebookError(file: folder.path, "cannot store the compiled lib module: \(String(cString: strerror(errno)))")
            }
        }
        // Earlier versions of the module are never used again.
        for old in (try? fm.contentsOfDirectory(atPath: folder.deletingLastPathComponent().path)) ?? []
        where old != key && !old.hasPrefix(".") {
            try? fm.removeItem(at: folder.deletingLastPathComponent().appendingPathComponent(old))
        }
        guard let module = LinkedModule.read(from: description) else {
            throw NotebookError(file: description.path, "the compiled lib module's description cannot be read")
        }
        return module
    }

    /// swiftc's diagnostics as an error at the first `lib/FILE.swift:LINE: error:`.
    static func error(from log: String, fallback file: String) -> NotebookError {
        let lines = log.components(separatedBy: "\n")
        guard let first = lines.first(where: { $0.contains(": error: ") }) else {
            return NotebookError(file: file, "compiling the project's lib module failed:\n\(log.suffix(4000))")
        }
        let parts = first.components(separatedBy: ":")
        let message = first.components(separatedBy: ": error: ").dropFirst().joined(separator: ": error: ")
        let rest = log.replacingOccurrences(of: first + "\n", with: "").trimmingCharacters(in: .newlines)
        return NotebookError(file: parts[0], line: parts.count > 2 ? Int(parts[1]) ?? 0 : 0,
                             message + (rest.isEmpty ? "" : "\n" + String(rest.suffix(4000))))
    }
}
