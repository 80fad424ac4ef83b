import Foundation

/// The prebuilt `Specbook` dynamic library that notebook programs link against.
///
/// Two layouts hold one. In a Specbook checkout (`.build/release/specbook`) the library sits beside the executable
/// and is rebuilt (by `swift build -c release --product Specbook`) when one of its sources is newer than it. An
/// installed Specbook (`scripts/install.sh --prefix P`) keeps it in `P/lib/specbook/` with its Swift modules, the C
/// shims' module maps and ``InstalledLibrary/manifestName``; it is never rebuilt.
///
/// ```swift
/// let library = NotebookLibrary.besideExecutable()   // installed layout first, then a checkout
/// try library?.buildIfNeeded()                        // no-op when installed
/// library?.includePaths                               // -I paths for a notebook compile
/// ```
public struct NotebookLibrary: Sendable {
    /// The package root holding `Package.swift` and `Sources/`; nil for an installed library.
    public var packageRoot: URL?
    /// The folder holding `libSpecbook.so` and `Modules/`.
    public var binPath: URL
    /// What the install recorded (version, toolchain, build id); nil in a checkout.
    public var installed: InstalledLibrary?

    public init(packageRoot: URL, binPath: URL) {
        self.packageRoot = packageRoot
        self.binPath = binPath
    }

    /// An installed library in `folder` (`PREFIX/lib/specbook`), described by its manifest.
    public init(installedAt folder: URL, manifest: InstalledLibrary) {
        binPath = folder
        installed = manifest
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
        let shimRoot = packageRoot?.appendingPathComponent("Sources") ?? binPath.appendingPathComponent("shims")
        return [binPath.appendingPathComponent("Modules").path] + Self.shims.map { shimRoot.appendingPathComponent($0).path }
            + Self.cTargets.map { shimRoot.appendingPathComponent("\($0)/include").path }
    }

    /// The library's source folders: a change in any of them means a rebuild (none for an installed library).
    public var sourceFolders: [URL] {
        guard let packageRoot else { return [] }
        return (Self.modules + Self.shims + Self.cTargets).map { packageRoot.appendingPathComponent("Sources/\($0)") }
    }

    /// Finds the library of the running `specbook`: `../lib/specbook/` when installed, else the checkout it was
    /// built in (`.build/release/specbook`).
    public static func besideExecutable() -> NotebookLibrary? {
        let exe = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        let bin = URL(fileURLWithPath: (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? exe.path)
            .deletingLastPathComponent()
        return installedBeside(bin: bin) ?? locate(binPath: bin)
    }

    /// The installed library of an executable in `bin` (`PREFIX/bin`), when `PREFIX/lib/specbook` holds one.
    ///
    /// **Edge cases:** a manifest that does not decode counts as no install (a checkout may still hold the library).
    public static func installedBeside(bin: URL) -> NotebookLibrary? {
        let folder = bin.deletingLastPathComponent().appendingPathComponent("lib/specbook")
        guard let manifest = InstalledLibrary.read(from: folder) else { return nil }
        return NotebookLibrary(installedAt: folder, manifest: manifest)
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

    /// True when the built library is missing or a library source file is newer than its last build; never for an
    /// installed one.
    ///
    /// **Edge cases:** the last build is the newest of `libSpecbook.so` and the object files in its targets' build
    /// folders (`<Target>.build/`): an edit that changes no object code (a comment) is compiled, but SwiftPM does not
    /// link the library again, and the library alone would look out of date for ever.
    public func needsBuild() -> Bool {
        guard installed == nil else { return false }
        let fm = FileManager.default
        guard var built = (try? fm.attributesOfItem(atPath: libraryFile.path))?[.modificationDate] as? Date else { return true }
        for target in Self.modules + Self.cTargets {
            for date in Self.modificationDates(under: binPath.appendingPathComponent("\(target).build")) where date > built {
                built = date
            }
        }
        return sourceFolders.contains { folder in Self.modificationDates(under: folder).contains { $0 > built } }
    }

    /// The modification dates of the files under `folder` (none when it is missing).
    static func modificationDates(under folder: URL) -> [Date] {
        guard let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.contentModificationDateKey])
        else { return [] }
        return files.compactMap { ($0 as? URL).flatMap { try? $0.resourceValues(forKeys: [.contentModificationDateKey]).contentModificationDate } }
    }

    /// Runs `swift build -c release --product Specbook` in the package root when needed; an installed library is
    /// never rebuilt.
    public func buildIfNeeded(configuration: String = "release") throws {
        guard let packageRoot, needsBuild() else { return }
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

    /// The library build id: the first 12 hex digits of the SHA-256 of `libSpecbook.so` (recorded by the install),
    /// part of every cache key and named in every page's footer.
    ///
    /// **Edge cases:** a missing library gives `"missing"`, so a key never matches a real build's.
    public func buildID() -> String {
        if let installed { return installed.build }
        return ContentHash.file(libraryFile).map { String($0.prefix(12)) } ?? "missing"
    }

    /// Throws when the installed library was built by another compiler than `swiftVersion` (the first line of
    /// `swiftc --version` of the compiler notebooks will use): its modules would not load.
    ///
    /// **Edge cases:** a checkout's library is rebuilt by the compiler on the PATH, so it always passes; a missing
    /// `swiftc` is an error naming the toolchain to install.
    public func checkToolchain(swiftc: String, swiftVersion: String) throws {
        guard let installed, installed.toolchain != swiftVersion else { return }
        guard FileManager.default.isExecutableFile(atPath: swiftc) else {
            throw NotebookError(file: binPath.appendingPathComponent(InstalledLibrary.manifestName).path,
                                "no swiftc at \(swiftc): notebooks compile with the toolchain that built the library, "
                                    + "\(installed.toolchain); put it on the PATH (or set SWIFTC)")
        }
        throw NotebookError(
            file: binPath.appendingPathComponent(InstalledLibrary.manifestName).path,
            "the installed notebook library was built by \(installed.toolchain), but \(swiftc) is \(swiftVersion); "
                + "reinstall Specbook with this toolchain (scripts/install.sh) or put the toolchain it was built with first on the PATH")
    }
}
