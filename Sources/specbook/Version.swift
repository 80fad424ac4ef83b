import ArgumentParser
import Foundation
import SpecbookBuild
import SpecbookNotebook
import SpecbookWire

extension SpecbookCommand {
    /// Answers `specbook --version` (the version, the toolchain notebooks compile with and the library build id,
    /// which take a child process and a file hash to learn, so ArgumentParser's static version string cannot hold
    /// them), then runs the command line as ArgumentParser does.
    static func main() async {
        if CommandLine.arguments.dropFirst().first == "--version" {
            print(VersionReport.current().text)
            return
        }
        do {
            var command = try parseAsRoot()
            if var command = command as? AsyncParsableCommand {
                try await command.run()
            } else {
                try command.run()
            }
        } catch {
            exit(withError: error)
        }
    }
}

/// What `specbook --version` prints.
///
/// ```
/// specbook 0.6.0
/// toolchain: Swift version 6.0.3 (swift-6.0.3-RELEASE) (/opt/swift/usr/bin/swiftc)
/// library: build 3f2a9c01d4e7, installed in /usr/local/lib/specbook (built by Swift version 6.0.3 ...)
/// blas kernels: Zen (chosen from the CPU's features; AMD EPYC)
/// ```
struct VersionReport {
    var text: String

    static func current() -> VersionReport {
        let swiftc = NotebookCompiler.findSwiftc()
        let swiftVersion = firstSwiftVersionLine(swiftc) ?? "unknown (no \(swiftc))"
        var lines = ["specbook \(SpecbookVersion.current)", "toolchain: \(swiftVersion) (\(swiftc))"]
        if let library = NotebookLibrary.besideExecutable() {
            if let installed = library.installed {
                lines.append("library: build \(installed.build), installed in \(library.binPath.path) (built by \(installed.toolchain))")
            } else {
                lines.append("library: build \(library.buildID()), in the checkout \(library.packageRoot?.path ?? "?")"
                             + (library.needsBuild() ? " (sources changed: the next build rebuilds it)" : ""))
            }
        } else {
            lines.append("library: not found beside \(CommandLine.arguments[0])")
        }
        // The kernels notebook programs run (the runner's choice, or the user's OPENBLAS_CORETYPE).
        let environment = ProcessInfo.processInfo.environment
        let kernels = BLASKernelChoice.coreType(in: environment) ?? "OpenBLAS's own choice"
        let source = environment[BLASKernelChoice.variable] == nil ? "chosen from the CPU's features" : "from OPENBLAS_CORETYPE"
        lines.append("blas kernels: \(kernels) (\(source); \(BLASKernelChoice.machineModel))")
        return VersionReport(text: lines.joined(separator: "\n"))
    }

    static func firstSwiftVersionLine(_ swiftc: String) -> String? {
        let pipe = Pipe()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: swiftc)
        process.arguments = ["--version"]
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).components(separatedBy: "\n")
            .first { $0.contains("Swift version") }?.trimmingCharacters(in: .whitespaces)
    }
}
