import Foundation
import SpecbookWire

/// Keeps an expensive result across runs: computed once, then read back for as long as nothing it could depend on
/// changed: the notebook's code up to and including the calling block, its parameters and seed, the library
/// build, the BLAS kernels and the declared inputs.
///
/// ```swift
/// let run = try cached("training") {
///     var trainer = try Trainer(network: net, inputs: x, targets: y, optimizer: Adam(learningRate: 1e-3))
///     return try trainer.train(epochs: 10_000, checkpoints: logSpacedEpochs(upTo: 10_000, dense: 100, perDecade: 60)) {
///         _, network in try errors(network)
///     }
/// }
/// ```
/// An edit to a later block, to prose or to a figure reuses the value; an edit to this block or an earlier one
/// computes it again. The value is stored as JSON (networks, checkpoints, arrays and your own `Codable` types).
///
/// **Edge cases:** a name used twice in one run, or with characters other than letters, digits, `-`, `_` and
/// `.`, throws ``CachedValueError``; a stored value that cannot be read is computed again (with a warning on
/// stderr); outside `specbook build`/`run` nothing is stored and `compute` always runs; NaN and infinities are
/// stored as the strings `nan`, `inf`, `-inf`.
public func cached<T: Codable>(_ name: String, line: Int = #line, _ compute: () throws -> T) throws -> T {
    try CachedValues.shared.value(name, block: NotebookRuntime.currentBlock, line: line, compute)
}

/// Why `cached` refused a name.
public enum CachedValueError: Error, Equatable, CustomStringConvertible {
    case duplicateName(String, firstLine: Int, line: Int)
    case invalidName(String)

    public var description: String {
        switch self {
        case let .duplicateName(name, first, line):
            return "cached value '\(name)' on line \(line) was already used on line \(first): give each its own name"
        case let .invalidName(name):
            return "cached value name '\(name)' may hold only letters, digits, '-', '_' and '.'"
        }
    }
}

/// The store behind ``cached(_:line:_:)``: one JSON file per value, in a folder named by the block's key.
///
/// ```swift
/// let store = CachedValues(folder: URL(fileURLWithPath: "/tmp/values"), blockKeys: [0: "ab12"])
/// let x = try store.value("x", block: 0, line: 1) { 42 }   // computed, stored in /tmp/values/ab12/x.json
/// ```
public final class CachedValues: @unchecked Sendable {
    static let shared = CachedValues(environment: ProcessInfo.processInfo.environment)

    let folder: URL?
    let blockKeys: [Int: String]
    /// The key of each `sweep` call, by `"<block>/<name>"`.
    let sweepKeys: [String: String]
    private var used: [String: Int] = [:]
    private let lock = NSLock()

    public init(folder: URL?, blockKeys: [Int: String], sweepKeys: [String: String] = [:]) {
        self.folder = folder
        self.blockKeys = blockKeys
        self.sweepKeys = sweepKeys
    }

    convenience init(environment: [String: String]) {
        var keys: [Int: String] = [:]
        if let json = environment[RunEnvironment.blockKeys]?.data(using: .utf8),
           let object = try? JSONSerialization.jsonObject(with: json) as? [String: String] {
            for (block, key) in object { if let index = Int(block) { keys[index] = key } }
        }
        let sweeps = environment[RunEnvironment.sweepKeys]?.data(using: .utf8)
            .flatMap { try? JSONSerialization.jsonObject(with: $0) as? [String: String] } ?? [:]
        self.init(folder: environment[RunEnvironment.values].map { URL(fileURLWithPath: $0, isDirectory: true) },
                  blockKeys: keys, sweepKeys: sweeps)
    }

    /// The stored value of `name` for `block`'s key, or `compute()`, stored.
    public func value<T: Codable>(_ name: String, block: Int, line: Int, _ compute: () throws -> T) throws -> T {
        guard !name.isEmpty, name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) }),
              !name.hasPrefix(".") else { throw CachedValueError.invalidName(name) }
        try claim(name, line: line)
        guard let folder, let key = blockKeys[block] else { return try compute() }
        let file = folder.appendingPathComponent(key, isDirectory: true).appendingPathComponent("\(name).json")
        if let data = FileManager.default.contents(atPath: file.path) {
            do {
                return try Self.decoder.decode(T.self, from: data)
            } catch {
                fputs("warning: cached value '\(name)' could not be read (\(error)); computing it again\n", stderr)
            }
        }
        let value = try compute()
        try Self.write(Self.encoder.encode(value), to: file)
        return value
    }

    /// Marks `name` as used in this run; a second use throws.
    func claim(_ name: String, line: Int) throws {
        try lock.withLock {
            if let first = used[name] { throw CachedValueError.duplicateName(name, firstLine: first, line: line) }
            used[name] = line
        }
    }

    /// Written beside its place and renamed into it: a reader sees the whole value or none.
    static func write(_ data: Data, to file: URL) throws {
        let folder = file.deletingLastPathComponent()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let temporary = folder.appendingPathComponent(".\(file.lastPathComponent).\(getpid())-\(UInt64.random(in: 0...UInt64.max))")
        try data.write(to: temporary)
        guard rename(temporary.path, file.path) == 0 else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: file.path])
        }
    }

    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return encoder
    }()

    static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return decoder
    }()
}
