import Foundation

/// The prebuilt `Specbook` dynamic library that notebook programs link against.
///
/// It is built once per `specbook build` (by `swift build -c release --product Specbook`, only when a
/// library source is newer than the built library) and every notebook compiles against it.
public struct NotebookLibrary: Sendable {
    /// The package root holding `Package.swift` and `Sources/`.
    public var packageRoot: URL
    /// The folder holding `libSpecbook.so` and `Modules/`.
    public var binPath: URL

    public init(packageRoot: URL, binPath: URL) {
        self.packageRoot = packageRoot
        self.binPath = binPath
    }

    public var libraryFile: URL { binPath.appendingPathComponent("libSpecbook.so") }

    /// The Swift modules the library is built from (its target and every target it depends on).
    public static let modules = ["Specbook", "SpecbookWire", "SpecbookNumerics", "SpecbookFigures"]
    /// The C shims (system library targets) those modules import; a notebook compile needs their module maps.
    public static let shims = ["CCairo", "COpenBLAS", "CZlib"]
    /// The C targets those modules import (compiled into the library); their module maps are in `include/`.
    public static let cTargets = ["CVectorKernels"]

    /// Module search paths: the built Swift modules and every C module the library depends on.
    public var includePaths: [String] {
        [binPath.appendingPathComponent("Modules").path]
            + Self.shims.map { packageRoot.appendingPathComponent("Sources/\($0)").path }
            + Self.cTargets.map { packageRoot.appendingPathComponent("Sources/\($0)/include").path }
    }

    /// The library's source folders: a change in any of them means a rebuild.
    public var sourceFolders: [URL] {
        (Self.modules + Self.shims + Self.cTargets).map { packageRoot.appendingPathComponent("Sources/\($0)") }
    }

    /// Finds the library next to the running `specbook` executable (`.build/release/specbook`).
    public static func besideExecutable() -> NotebookLibrary? {
        let exe = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        let bin = URL(fileURLWithPath: (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? exe.path)
            .deletingLastPathComponent()
        return locate(binPath: bin)
    }

    /// Builds a description from a bin folder inside `<root>/.build*/...`.
    public static func locate(binPath bin: URL) -> NotebookLibrary? {
        var dir = bin
        while dir.path != "/" {
            if FileManager.default.fileExists(atPath: dir.appendingPathComponent("Package.swift").path),
               FileManager.default.fileExists(atPath: dir.appendingPathComponent("Sources/Specbook").path) {
                return NotebookLibrary(packageRoot: dir, binPath: bin)
            }
            dir = dir.deletingLastPathComponent()
        }
        return nil
    }

    /// True when the built library is missing or older than a library source file.
    public func needsBuild() -> Bool {
        let fm = FileManager.default
        guard let built = (try? fm.attributesOfItem(atPath: libraryFile.path))?[.modificationDate] as? Date else { return true }
        for folder in sourceFolders {
            guard let files = fm.enumerator(at: folder, includingPropertiesForKeys: [.contentModificationDateKey]) else { continue }
            for case let file as URL in files {
                if let date = try? file.resourceValues(forKeys: [.contentModificationDateKey]).contentModificationDate, date > built {
                    return true
                }
            }
        }
        return false
    }

    /// Runs `swift build -c release --product Specbook` in the package root when needed.
    public func buildIfNeeded(configuration: String = "release") throws {
        guard needsBuild() else { return }
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("specbook-library-build-\(getpid()).log")
        let result = try ChildProcess.run(
            executable: "/usr/bin/env",
            arguments: ["swift", "build", "-c", configuration, "--product", "Specbook"],
            workingDirectory: packageRoot, stdoutFile: log, stderrFile: log, timeout: 3600)
        defer { try? FileManager.default.removeItem(at: log) }
        guard result.status == .exited(0) else {
            let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            throw NotebookError(file: packageRoot.appendingPathComponent("Package.swift").path,
                                "building the notebook library failed:\n\(text.suffix(4000))")
        }
    }

    /// A fingerprint of the built library, part of every cache key.
    public func fingerprint() -> String {
        let attributes = try? FileManager.default.attributesOfItem(atPath: libraryFile.path)
        let size = (attributes?[.size] as? NSNumber)?.intValue ?? 0
        let date = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        return "\(size)-\(date)"
    }
}
