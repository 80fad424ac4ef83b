import Foundation
import SpecbookNotebook

/// Facts about the build environment recorded on every page.
enum Toolchain {
    /// The first line of `swiftc --version`, remembered in the cache folder per compiler binary.
    static func swiftVersion(swiftc: String, memo: URL, in folder: URL) -> String {
        let attributes = try? FileManager.default.attributesOfItem(atPath: URL(fileURLWithPath: swiftc).resolvingSymlinksInPath().path)
        let stamp = "\(swiftc)|\((attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0)"
        if let saved = try? String(contentsOf: memo, encoding: .utf8) {
            let parts = saved.components(separatedBy: "\n")
            if parts.count >= 2, parts[0] == stamp { return parts[1] }
        }
        let version = run(swiftc, ["--version"], in: folder)
            .components(separatedBy: "\n").first(where: { $0.contains("Swift version") })?
            .trimmingCharacters(in: .whitespaces) ?? "unknown"
        try? FileManager.default.createDirectory(at: memo.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? "\(stamp)\n\(version)".write(to: memo, atomically: true, encoding: .utf8)
        return version
    }

    /// The project's git commit and whether tracked files differ from it.
    static func git(root: URL) -> (commit: String, dirty: Bool) {
        let commit = run("/usr/bin/env", ["git", "rev-parse", "HEAD"], in: root).trimmingCharacters(in: .whitespacesAndNewlines)
        guard commit.count == 40 else { return ("none", false) }
        let status = run("/usr/bin/env", ["git", "status", "--porcelain", "--untracked-files=no"], in: root)
        return (commit, !status.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty)
    }

    static func run(_ executable: String, _ arguments: [String], in folder: URL) -> String {
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("specbook-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).txt")
        defer { try? FileManager.default.removeItem(at: log) }
        let devNull = URL(fileURLWithPath: "/dev/null")
        guard let result = try? ChildProcess.run(
            executable: executable, arguments: arguments, workingDirectory: folder,
            stdoutFile: log, stderrFile: devNull, timeout: 30),
            result.status == .exited(0)
        else { return "" }
        return (try? String(contentsOf: log, encoding: .utf8)) ?? ""
    }
}
