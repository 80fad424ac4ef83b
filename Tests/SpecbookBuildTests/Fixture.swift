import Foundation
import XCTest

/// A throwaway project folder with notebooks, built by the real `specbook` executable.
struct Fixture {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The folder holding `specbook` and `libSpecbook.so` (built by `swift build -c release`).
    static var binPath: URL {
        for config in ["release", "debug"] {
            let bin = packageRoot.appendingPathComponent(".build/\(config)")
            if FileManager.default.fileExists(atPath: bin.appendingPathComponent("specbook").path),
               FileManager.default.fileExists(atPath: bin.appendingPathComponent("libSpecbook.so").path) {
                return bin
            }
        }
        return packageRoot.appendingPathComponent(".build/release")
    }

    let root: URL

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("specbook-fixture-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("notebooks"), withIntermediateDirectories: true)
    }

    func remove() { try? FileManager.default.removeItem(at: root) }

    func write(_ name: String, _ text: String) throws {
        let url = root.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    func read(_ name: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(name), encoding: .utf8)
    }

    func exists(_ name: String) -> Bool {
        FileManager.default.fileExists(atPath: root.appendingPathComponent(name).path)
    }

    struct Output {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs `specbook ARGS` in the fixture folder.
    @discardableResult
    func specbook(_ arguments: [String], environment: [String: String] = [:]) throws -> Output {
        let process = Process()
        process.executableURL = Self.binPath.appendingPathComponent("specbook")
        process.arguments = arguments
        process.currentDirectoryURL = root
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        let out = root.appendingPathComponent(".out-\(UUID().uuidString)")
        let err = root.appendingPathComponent(".err-\(UUID().uuidString)")
        FileManager.default.createFile(atPath: out.path, contents: nil)
        FileManager.default.createFile(atPath: err.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        try process.run()
        process.waitUntilExit()
        defer {
            try? FileManager.default.removeItem(at: out)
            try? FileManager.default.removeItem(at: err)
        }
        return Output(status: process.terminationStatus,
                      stdout: (try? String(contentsOf: out, encoding: .utf8)) ?? "",
                      stderr: (try? String(contentsOf: err, encoding: .utf8)) ?? "")
    }
}

/// Width and height from a PNG's IHDR chunk, or nil when the bytes are not a PNG.
func pngSize(_ url: URL) -> (width: Int, height: Int)? {
    guard let data = try? Data(contentsOf: url), data.count > 24,
          Array(data.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A],
          String(decoding: data[12..<16], as: UTF8.self) == "IHDR" else { return nil }
    func be32(_ i: Int) -> Int { data[i..<(i + 4)].reduce(0) { $0 << 8 | Int($1) } }
    return (be32(16), be32(20))
}

/// True while `pid` runs; a zombie (killed, not yet reaped by an init that never reaps) counts as gone.
func isRunning(_ pid: Int32) -> Bool {
    guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
          let close = stat.lastIndex(of: ")") else { return false }
    let state = stat[stat.index(close, offsetBy: 2)]
    return state != "Z" && state != "X"
}
