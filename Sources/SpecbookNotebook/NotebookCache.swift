import Foundation
import SpecbookWire

/// Results of successful notebook runs, stored by content hash under the project's cache folder.
///
/// An entry is `<root>/entries/<key>/` holding `result.json`, the figure files in `output/`, and
/// `checksums.json` (SHA-256 of every other file). Entries are written to a temporary folder and renamed
/// into place, so a reader sees a whole entry or none; one whose checksums do not match is removed and the
/// notebook runs again.
public struct NotebookCache: Sendable {
    public var layout: CacheLayout

    public init(layout: CacheLayout) {
        self.layout = layout
    }

    /// The key of a run: everything the run depends on, and nothing it does not (prose is left out).
    /// `program` is the notebook's generated program; its line directives are left out, so prose edits that move
    /// lines change nothing that runs.
    public static func key(for notebook: Notebook, program: NotebookProgram, parameters: [String: String],
                           libraryFingerprint: String, projectRoot: URL) -> String {
        var hash = ContentHash()
        hash.update("specbook-cache-v2\u{0}protocol\u{0}\(Record.protocolVersion)\n")
        hash.update(program.runnableSource)
        for block in notebook.executableBlocks {
            let o = block.options
            hash.update("block\u{0}\(block.index)\u{0}\(o.label ?? "")\u{0}\(o.caption ?? "")\u{0}\(o.error)\u{0}\(o.figAlt ?? "")\u{0}")
            hash.update(block.code)
            hash.update("\u{0}")
        }
        hashRunInputs(&hash, notebook: notebook, parameters: parameters, libraryFingerprint: libraryFingerprint,
                      projectRoot: projectRoot)
        return hash.hexDigest()
    }

    /// What a run depends on besides its code: parameters, seed, library build, BLAS kernels, declared inputs.
    static func hashRunInputs(_ hash: inout ContentHash, notebook: Notebook, parameters: [String: String],
                              libraryFingerprint: String, projectRoot: URL) {
        for name in parameters.keys.sorted() { hash.update("param\u{0}\(name)\u{0}\(parameters[name]!)\u{0}") }
        hash.update("seed\u{0}\(notebook.frontMatter.seed)\u{0}library\u{0}\(libraryFingerprint)\u{0}")
        // A different OpenBLAS kernel rounds differently: its results are another run's.
        hash.update("blas\u{0}\(BLASKernelChoice.coreType(in: ProcessInfo.processInfo.environment) ?? "")\u{0}")
        for file in InputFiles.resolve(notebook.frontMatter.inputs, root: projectRoot) {
            hash.update("input\u{0}\(file.path)\u{0}\(ContentHash.file(file) ?? "unreadable")\u{0}")
        }
    }

    /// The key of each executable block's code up to and including it, with everything else a value the block
    /// computes may depend on: what `cached(...)` stores its values under. An edit to a block changes its key and
    /// every later one; an edit to a later block, to prose or to an option that only shapes the page changes none.
    public static func blockKeys(for notebook: Notebook, parameters: [String: String], libraryFingerprint: String,
                                 projectRoot: URL) -> [Int: String] {
        var hash = ContentHash()
        hash.update("specbook-values-v1\u{0}protocol\u{0}\(Record.protocolVersion)\u{0}")
        hashRunInputs(&hash, notebook: notebook, parameters: parameters, libraryFingerprint: libraryFingerprint,
                      projectRoot: projectRoot)
        var previous = hash.hexDigest()
        var keys: [Int: String] = [-1: previous]
        for block in notebook.executableBlocks {
            // key_i = H(key_{i-1}, block i): each key covers every block up to its own.
            var link = ContentHash()
            link.update("\(previous)\u{0}block\u{0}\(block.options.error)\u{0}")
            link.update(block.code)
            previous = link.hexDigest()
            keys[block.index] = previous
        }
        return keys
    }

    /// The key of each `sweep("name", over: grid) { ... }` call, by `"<block>/<name>"`: the key of the blocks before
    /// it, the code of its block before the call, and the closure, but not the grid, so adding or changing points
    /// reuses every other point. A call whose closure cannot be found falls back to its block's key.
    public static func sweepKeys(for notebook: Notebook, blockKeys: [Int: String], seedKey: String) -> [String: String] {
        var keys: [String: String] = [:]
        var previous = seedKey
        for block in notebook.executableBlocks {
            let code = Array(block.code)
            var search = 0
            while let call = SweepCall.find(in: code, from: search) {
                var hash = ContentHash()
                hash.update("sweep\u{0}\(previous)\u{0}\(call.name)\u{0}")
                hash.update(String(code[..<call.start]))
                hash.update("\u{0}")
                hash.update(String(code[call.closure]))
                keys["\(block.index)/\(call.name)"] = hash.hexDigest()
                search = call.closure.upperBound
            }
            previous = blockKeys[block.index] ?? previous
        }
        return keys
    }

    public func entry(_ key: String) -> URL { layout.entry(key) }

    /// The cached result for `key`, or nil when absent, corrupted or written under another protocol version
    /// (such an entry is deleted, so the notebook runs again).
    public func lookup(_ key: String) -> NotebookResult? {
        let folder = entry(key)
        let fm = FileManager.default
        guard fm.fileExists(atPath: folder.path) else { return nil }
        guard let data = try? Data(contentsOf: folder.appendingPathComponent("checksums.json")),
              let sums = try? JSONDecoder().decode([String: String].self, from: data),
              sums["result.json"] != nil,
              sums.allSatisfy({ ContentHash.file(folder.appendingPathComponent($0.key)) == $0.value }),
              let resultData = try? Data(contentsOf: folder.appendingPathComponent("result.json")),
              let result = try? JSONDecoder().decode(NotebookResult.self, from: resultData),
              result.protocolVersion == Record.protocolVersion
        else {
            try? fm.removeItem(at: folder)
            return nil
        }
        return result
    }

    /// Stores a successful result whose figures are in `work/output`, moving them into the entry.
    public func store(_ result: NotebookResult, key: String, work: URL) throws -> URL {
        let fm = FileManager.default
        let final = entry(key)
        let staging = layout.staging(key)
        try fm.createDirectory(at: staging, withIntermediateDirectories: true)
        let output = staging.appendingPathComponent("output")
        let workOutput = work.appendingPathComponent("output")
        if fm.fileExists(atPath: workOutput.path) {
            try fm.moveItem(at: workOutput, to: output)
        } else {
            try fm.createDirectory(at: output, withIntermediateDirectories: true)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try encoder.encode(result).write(to: staging.appendingPathComponent("result.json"))
        var sums: [String: String] = [:]
        sums["result.json"] = ContentHash.file(staging.appendingPathComponent("result.json"))
        for figure in result.blocks.values.flatMap(\.figures) {
            for name in figure.files {
                sums["output/\(name)"] = ContentHash.file(output.appendingPathComponent(name)) ?? "missing"
            }
        }
        try encoder.encode(sums).write(to: staging.appendingPathComponent("checksums.json"))
        try? fm.removeItem(at: final)
        if rename(staging.path, final.path) != 0 {
            try? fm.removeItem(at: staging)
            if lookup(key) == nil {
                throw NotebookError(file: final.path, "cannot store the cache entry: \(String(cString: strerror(errno)))")
            }
        }
        return final
    }

    /// Empties the cache.
    public func clean() throws {
        if FileManager.default.fileExists(atPath: layout.root.path) { try FileManager.default.removeItem(at: layout.root) }
    }
}

/// Resolves front matter `inputs:` globs against the project root.
public enum InputFiles {
    public static func resolve(_ patterns: [String], root: URL) -> [URL] {
        var files: [URL] = []
        for pattern in patterns {
            var g = glob_t()
            defer { globfree(&g) }
            let full = pattern.hasPrefix("/") ? pattern : root.appendingPathComponent(pattern).path
            if glob(full, 0, nil, &g) == 0 {
                for i in 0..<Int(g.gl_pathc) {
                    if let p = g.gl_pathv[i] { files.append(URL(fileURLWithPath: String(cString: p))) }
                }
            }
        }
        return files.sorted { $0.path < $1.path }
    }
}
