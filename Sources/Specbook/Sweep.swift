import Foundation
import SpecbookWire

/// Runs `body` once per point of `grid`, each point a task of its own: cached on its own, computed in parallel by
/// copies of the notebook program (as many at once as the build's `--jobs`), skipped when stored. Results come back
/// in grid order.
///
/// ```swift
/// let grid = [0.5, 1.0, 2.0, 4.0].flatMap { alpha in [1, 2].map { d in [alpha, Double(d)] } }
/// let exponents = try sweep("scan", over: grid) { point in
///     try LFPCriticalRate.sweep(dimension: Int(point[1]), alpha: point[0], cutoffs: [16, 32, 64], ...).fit.l2Exponent
/// }
/// ```
/// Each task runs the notebook's code before the sweep again, then computes its one point: that code must be
/// deterministic (seeded). Adding points or changing one computes only those; a stored point is read back while the
/// code up to the sweep's block, the parameters, seed, library build and inputs are unchanged.
///
/// **Edge cases:** a point that throws or crashes is reported with its value and the others are kept (the sweep
/// then throws ``SweepError/failedPoints(_:_:)``); a value reported before the sweep that differs in a task throws
/// ``SweepError/notDeterministic(_:name:notebook:task:)``; outside `specbook build` every point is computed here, one
/// after another; an empty grid returns `[]`.
public func sweep<Point: Codable, Result: Codable>(
    _ name: String, over grid: [Point], line: Int = #line, _ body: (Point) throws -> Result
) throws -> [Result] {
    try SweepRunner(name: name, line: line).run(grid, body)
}

/// Why a sweep failed.
public enum SweepError: Error, Equatable, CustomStringConvertible {
    case failedPoints(String, [String])
    case notDeterministic(String, name: String, notebook: String, task: String)

    public var description: String {
        switch self {
        case let .failedPoints(sweep, failures):
            return "sweep '\(sweep)': \(failures.count) point\(failures.count == 1 ? "" : "s") failed (the others are kept): "
                + failures.joined(separator: "; ")
        case let .notDeterministic(sweep, name, notebook, task):
            return "sweep '\(sweep)': the code before it is not deterministic: '\(name)' was \(notebook) in the notebook "
                + "and \(task) in a task; seed every random number (notebookSeed)"
        }
    }
}

struct SweepRunner {
    let name: String
    let line: Int

    /// A stored point: the point itself (checked on reading) and its result.
    struct Entry<Point: Codable, Result: Codable>: Codable {
        var point: Point
        var result: Result
    }

    func run<Point: Codable, Result: Codable>(_ grid: [Point], _ body: (Point) throws -> Result) throws -> [Result] {
        let store = CachedValues.shared
        let environment = ProcessInfo.processInfo.environment
        let block = NotebookRuntime.currentBlock
        guard let folder = store.folder, let key = store.sweepKeys["\(block)/\(name)"] ?? store.blockKeys[block] else {
            return try grid.map(body)   // outside a build: here, in order
        }
        try store.claim("sweep-\(name)", line: line)
        let places = try grid.map { point -> (file: URL, point: Data) in
            let encoded = try CachedValues.encoder.encode(point)
            return (folder.appendingPathComponent("\(key)/sweep-\(name)/\(Self.digest(encoded)).json"), encoded)
        }
        // In a task: compute the one point asked for, store it, and stop.
        if let task = environment[RunEnvironment.sweepTask] {
            let parts = task.split(separator: "\n", maxSplits: 1).map(String.init)
            guard parts.count == 2, parts[0] == name, let index = Int(parts[1]), grid.indices.contains(index) else {
                // An earlier sweep of the notebook, run again before the task's own: its stored points are read back.
                return try grid.indices.map { try stored($0) ?? body(grid[$0]) }
            }
            let entry = Entry(point: grid[index], result: try body(grid[index]))
            try CachedValues.write(CachedValues.encoder.encode(entry), to: places[index].file)
            NotebookRuntime.finish()
            exit(0)
        }
        func stored(_ i: Int) -> Result? {
            guard let data = FileManager.default.contents(atPath: places[i].file.path),
                  let entry = try? CachedValues.decoder.decode(Entry<Point, Result>.self, from: data),
                  (try? CachedValues.encoder.encode(entry.point)) == places[i].point else { return nil }
            return entry.result
        }
        // Each stored point is read once; the tasks' points are read once they have run.
        var results = grid.indices.map(stored)
        var missing = grid.indices.filter { results[$0] == nil }
        // A shard computes its share of the points (a stable partition by the point) and stops there.
        if let shard = environment[RunEnvironment.shard].flatMap({ try? Shard(parsing: $0) }), !missing.isEmpty {
            missing = missing.filter { shard.owns(places[$0].point) }
            let failures = runTasks(missing, grid: grid, total: grid.count)
            try checkDeterminism(missing)
            guard failures.isEmpty else { throw failedPoints(failures, places.map(\.point)) }
            for i in missing { results[i] = stored(i) }
            if results.contains(where: { $0 == nil }) {
                NotebookRuntime.finish()
                exit(0)
            }
            missing = []
        }
        var failures = runTasks(missing, grid: grid, total: grid.count)
        for i in missing {
            results[i] = stored(i)
            if results[i] == nil && !failures.contains(where: { $0.index == i }) { failures.append((i, "no result was stored")) }
        }
        try checkDeterminism(missing)
        guard failures.isEmpty else { throw failedPoints(failures, places.map(\.point)) }
        return results.compactMap { $0 }
    }

    func failedPoints(_ failures: [(index: Int, reason: String)], _ points: [Data]) -> SweepError {
        .failedPoints(name, failures.sorted { $0.index < $1.index }.map { index, reason in
            "point \(index) \(Self.describe(points[index])): \(reason)"
        })
    }


    /// The work folder of this sweep's tasks, beside the program's records.
    var workFolder: URL {
        let records = ProcessInfo.processInfo.environment[RunEnvironment.records].map { URL(fileURLWithPath: $0) }
        let base = records?.deletingLastPathComponent() ?? FileManager.default.temporaryDirectory
        return base.appendingPathComponent("sweep-\(name)", isDirectory: true)
    }

    /// Starts a copy of this program per point, `SPECBOOK_JOBS` at a time; returns the points that failed.
    func runTasks<Point>(_ indices: [Int], grid: [Point], total: Int) -> [(index: Int, reason: String)] {
        guard !indices.isEmpty else { return [] }
        let jobs = max(1, Int(ProcessInfo.processInfo.environment[RunEnvironment.jobs] ?? "") ?? ProcessInfo.processInfo.activeProcessorCount)
        let work = workFolder
        try? FileManager.default.removeItem(at: work)
        try? FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        let tally = Tally(done: total - indices.count)
        let slots = DispatchSemaphore(value: jobs)
        let group = DispatchGroup()
        progress("sweep \(name): \(tally.done) of \(total) points")
        for index in indices {
            slots.wait()
            group.enter()
            DispatchQueue.global().async {
                let done = tally.finish(index, failure: runTask(index, in: work))
                progress("sweep \(name): \(done) of \(total) points")
                slots.signal()
                group.leave()
            }
        }
        group.wait()
        return tally.failures
    }

    /// Finished tasks, counted from several threads.
    final class Tally: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var done: Int
        private(set) var failures: [(index: Int, reason: String)] = []

        init(done: Int) { self.done = done }

        func finish(_ index: Int, failure: String?) -> Int {
            lock.withLock {
                if let failure { failures.append((index, failure)) }
                done += 1
                return done
            }
        }
    }

    /// One task: this program again, told which point to compute; nil when it stored its point.
    func runTask(_ index: Int, in work: URL) -> String? {
        let folder = work.appendingPathComponent("task-\(index)", isDirectory: true)
        try? FileManager.default.createDirectory(at: folder.appendingPathComponent("output"), withIntermediateDirectories: true)
        var environment = ProcessInfo.processInfo.environment
        environment[RunEnvironment.sweepTask] = "\(name)\n\(index)"
        environment[RunEnvironment.records] = folder.appendingPathComponent("records.jsonl").path
        environment[RunEnvironment.output] = folder.appendingPathComponent("output").path
        environment[RunEnvironment.progress] = folder.appendingPathComponent("progress.json").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        process.environment = environment
        process.currentDirectoryURL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let errors = folder.appendingPathComponent("stderr.txt")
        _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
        process.standardOutput = FileHandle(forWritingAtPath: "/dev/null")
        process.standardError = try? FileHandle(forWritingTo: errors)
        do {
            try process.run()
        } catch {
            return "could not start a task: \(error)"
        }
        process.waitUntilExit()
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            let text = (try? String(contentsOf: errors, encoding: .utf8)) ?? ""
            let last = text.split(separator: "\n").filter { !$0.hasPrefix(BlockMarker.prefix) }.suffix(2).joined(separator: " ")
            let how = process.terminationReason == .exit ? "exited with status \(process.terminationStatus)" : "crashed"
            return "\(how)\(last.isEmpty ? "" : ": \(last)")"
        }
        return nil
    }

    /// The values the tasks reported before the sweep must equal the notebook's own.
    func checkDeterminism(_ indices: [Int]) throws {
        let mine = NotebookRuntime.reported
        for index in indices {
            let file = workFolder.appendingPathComponent("task-\(index)/records.jsonl")
            guard let data = FileManager.default.contents(atPath: file.path) else { continue }
            for line in data.split(separator: 0x0A) {
                guard case .value(let value)? = try? Record(jsonLine: Data(line)), let own = mine[value.name] else { continue }
                if own != value.value { throw SweepError.notDeterministic(name, name: value.name, notebook: own, task: value.value) }
            }
        }
    }

    /// FNV-1a of a point's JSON: its file name (the file holds the point, checked on reading).
    static func digest(_ data: Data) -> String {
        String(StableHash.fnv1a(data), radix: 16)
    }

    static func describe(_ point: Data) -> String {
        let text = String(decoding: point, as: UTF8.self)
        return text.count > 120 ? String(text.prefix(117)) + "…" : text
    }
}
