import Foundation
import XCTest

/// A throwaway project folder with notebooks, built by the real `specbook` executable.
struct Fixture {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The folder of the build these tests belong to (the test bundle's own), holding `specbook` and
    /// `libSpecbook.so` of the same build, never another configuration's.
    static let binPath: URL = {
        let me = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        return URL(fileURLWithPath: me).deletingLastPathComponent()
    }()

    /// The products the CLI tests run, with the source folders each is built from.
    static let products: [(file: String, sources: [String])] = [
        ("specbook", ["specbook", "SpecbookBuild", "SpecbookSite", "SpecbookReview", "SpecbookNotebook", "SpecbookMarkdown", "SpecbookWire",
                      "CCmark"]),
        ("libSpecbook.so", ["Specbook", "SpecbookNumerics", "SpecbookFigures", "SpecbookWire", "CCairo", "COpenBLAS", "CZlib",
                            "CVectorKernels"]),
    ]

    /// Why the `specbook` beside the tests cannot be used: missing, or older than a source file it is built from
    /// (or its notebook library older than one of its own).
    static let staleness: String? = {
        let fm = FileManager.default
        for product in products {
            let binary = binPath.appendingPathComponent(product.file)
            guard let built = (try? fm.attributesOfItem(atPath: binary.path))?[.modificationDate] as? Date else {
                return "\(binary.path) is missing: build it with the tests (swift build && swift test)"
            }
            for folder in product.sources {
                let files = fm.enumerator(at: packageRoot.appendingPathComponent("Sources/\(folder)"),
                                          includingPropertiesForKeys: [.contentModificationDateKey])
                while let file = files?.nextObject() as? URL {
                    guard ["swift", "h", "c", "modulemap"].contains(file.pathExtension) else { continue }
                    if let date = try? file.resourceValues(forKeys: [.contentModificationDateKey]).contentModificationDate, date > built {
                        return "\(binary.path) is older than \(file.path): rebuild before testing"
                    }
                }
            }
        }
        return nil
    }()

    struct StaleBuild: Error, CustomStringConvertible {
        var description: String
    }

    /// Throws unless `specbook` and its notebook library are there and newer than every source file they are built from.
    static func requireFreshBuild() throws {
        if let staleness { throw StaleBuild(description: staleness) }
    }

    let root: URL

    init() throws {
        try Self.requireFreshBuild()
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

    /// Runs `specbook ARGS` in the fixture folder (or in `subfolder` of it).
    @discardableResult
    func specbook(_ arguments: [String], in subfolder: String = "", environment: [String: String] = [:]) throws -> Output {
        let process = Process()
        process.executableURL = Self.binPath.appendingPathComponent("specbook")
        process.arguments = arguments
        process.currentDirectoryURL = subfolder.isEmpty ? root : root.appendingPathComponent(subfolder)
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        let out = root.appendingPathComponent(".out-\(UUID().uuidString)")
        let err = root.appendingPathComponent(".err-\(UUID().uuidString)")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
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
