import Foundation
import SpecbookBuild
import SpecbookNotebook
import SpecbookWire
import XCTest

/// The runner stage in this process, against the notebook library of this build: events, reuse, keys, last good run.
final class NotebookRunnerTests: XCTestCase {
    var root: URL!

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("specbook-runner-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    override func tearDown() {
        try? FileManager.default.removeItem(at: root)
    }

    /// The library built beside these tests.
    func runner(_ overrides: [String: String] = [:]) throws -> NotebookRunner {
        let me = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
        let library = try XCTUnwrap(NotebookLibrary.locate(binPath: URL(fileURLWithPath: me).deletingLastPathComponent()))
        XCTAssertFalse(library.needsBuild(), "the notebook library of this build is current")
        return try NotebookRunner(projectRoot: root, overrides: overrides, library: library)
    }

    func notebook(_ code: String, prose: String = "Prose.") throws -> Notebook {
        try NotebookParser.parse(source: "---\nparams:\n  n: 1\n---\n\n\(prose)\n\n```swift\n\(code)\n```\n", path: "notebooks/a.md", name: "a")
    }

    final class Events: @unchecked Sendable {
        private let lock = NSLock()
        private var list: [RunEvent] = []
        func add(_ event: RunEvent) { lock.withLock { list.append(event) } }
        var all: [RunEvent] { lock.withLock { list } }
    }

    func testRunsOnceThenReuses() throws {
        let runner = try runner()
        let nb = try notebook("report(\"n\", param(\"n\", default: 0))\nprint(\"ran\")")
        let events = Events()
        let first = runner.run(nb) { events.add($0) }
        XCTAssertEqual(first.result?.status, .ok, "\(String(describing: first.result?.failure))")
        XCTAssertEqual(first.result?.values, ["n": "1"])
        XCTAssertFalse(first.cacheHit)
        XCTAssertEqual(events.all.first, .started)
        XCTAssertTrue(events.all.contains(.compiling))
        guard case .finished? = events.all.last else { return XCTFail("\(events.all)") }
        if let work = first.workFolder { try? FileManager.default.removeItem(at: work) }

        let again = Events()
        let second = runner.run(try notebook("report(\"n\", param(\"n\", default: 0))\nprint(\"ran\")", prose: "Other\n\nprose.")) { again.add($0) }
        XCTAssertTrue(second.cacheHit, "prose edits reuse the stored run")
        XCTAssertEqual(again.all, [.started, .cached])
        XCTAssertEqual(second.result, first.result)
        XCTAssertEqual(second.job.key, first.job.key)

        XCTAssertNotEqual(try self.runner(["n": "2"]).resolve(nb).key, first.job.key, "parameters are in the key")
        XCTAssertNotEqual(runner.resolve(try notebook("print(\"changed\")")).key, first.job.key, "code is in the key")
    }

    func testFailureReportsAndFindsTheLastGoodRun() throws {
        let runner = try runner()
        let good = runner.run(try notebook("print(\"good\")"))
        XCTAssertEqual(good.result?.status, .ok)
        XCTAssertNil(good.lastGood)

        let events = Events()
        let bad = runner.run(try notebook("let xs = [1]\nprint(xs[2])")) { events.add($0) }
        XCTAssertEqual(bad.result?.status, .runtimeError)
        guard case .failed(let summary)? = events.all.last else { return XCTFail("\(events.all)") }
        XCTAssertTrue(summary.hasPrefix("notebooks/a.md:8: error: block crashed"), summary)
        let kept = try XCTUnwrap(bad.lastGood)
        XCTAssertEqual(kept.result, good.result)
        XCTAssertTrue(kept.notebook.source.contains("print(\"good\")"), "the page is rendered from the source that ran")
    }

    /// The program runs the kernels the runner chose for this CPU (or the user's), and says so in its result.
    func testProgramsRunTheChosenBLASKernels() throws {
        let runner = try runner()
        let result = try XCTUnwrap(runner.run(try notebook("print(BLASKernels.coreName)")).result)
        XCTAssertEqual(result.status, .ok, "\(String(describing: result.failure))")
        let kernel = try XCTUnwrap(result.blasKernel)
        XCTAssertEqual(result.blocks.values.first?.stdout.trimmingCharacters(in: .whitespacesAndNewlines), kernel)
        if let chosen = BLASKernelChoice.coreType(in: ProcessInfo.processInfo.environment) {
            XCTAssertEqual(kernel.lowercased(), chosen.lowercased(), "the child runs the kernels chosen for it")
        }
        XCTAssertFalse(BLASKernelChoice.isGeneric(kernel), "\(kernel) is generic on a CPU with better kernels")
    }

    /// Notebook programs start with OpenBLAS's idle threads spinning for 2^16 cycles, or for what the user set.
    func testProgramsGetTheBLASThreadTimeout() throws {
        let code = "import Foundation\nprint(ProcessInfo.processInfo.environment[\"\(BLASThreadTimeout.variable)\"] ?? \"unset\")"
        let result = try XCTUnwrap(try runner().run(try notebook(code)).result)
        XCTAssertEqual(result.status, .ok, "\(String(describing: result.failure))")
        let expected = ProcessInfo.processInfo.environment[BLASThreadTimeout.variable] ?? "16"
        XCTAssertEqual(result.blocks.values.first?.stdout.trimmingCharacters(in: .whitespacesAndNewlines), expected)
        XCTAssertEqual(BLASThreadTimeout.value(in: [:]), "16")
        XCTAssertEqual(BLASThreadTimeout.value(in: [BLASThreadTimeout.variable: "28"]), "28")
        XCTAssertEqual(BLASThreadTimeout.value(in: [BLASThreadTimeout.variable: ""]), "")
    }

    /// Notebook programs flush subnormal floats to zero, in their main thread and in the threads they start: a
    /// product of normal floats that would be subnormal (1e-30 × 1e-10) prints 0.0 there.
    func testProgramsFlushSubnormalsToZero() throws {
        #if arch(x86_64)
        let code = """
        import Dispatch
        let x = [Float("1e-30")!, Float("1e-10")!]
        var products = [Float](repeating: -1, count: 4)
        products.withUnsafeMutableBufferPointer { out in
            let p = out.baseAddress!
            DispatchQueue.concurrentPerform(iterations: 4) { p[$0] = x[0] * x[1] }
        }
        print(x[0] * x[1], products)
        """
        let result = try XCTUnwrap(try runner().run(try notebook(code)).result)
        XCTAssertEqual(result.status, .ok, "\(String(describing: result.failure))")
        XCTAssertEqual(result.blocks.values.first?.stdout.trimmingCharacters(in: .whitespacesAndNewlines),
                       "0.0 [0.0, 0.0, 0.0, 0.0]")
        #else
        throw XCTSkip("x86-64 only")
        #endif
    }

    /// `cached(...)` in a real program: a later edit reuses the value, an edit to its block or an earlier one does not.
    func testCachedValuesFollowTheCodeBeforeThem() throws {
        let runner = try runner()
        func page(_ first: String, _ second: String, _ third: String) throws -> [String] {
            let source = "---\nparams:\n  n: 1\n---\n\n```swift\n\(first)\n```\n\n```swift\n\(second)\n```\n\n```swift\n\(third)\n```\n"
            let notebook = try NotebookParser.parse(source: source, path: "notebooks/c.md", name: "c")
            let outcome = runner.run(notebook)
            if let work = outcome.workFolder { try? FileManager.default.removeItem(at: work) }
            let result = try XCTUnwrap(outcome.result)
            XCTAssertEqual(result.status, .ok, "\(String(describing: result.failure))")
            return notebook.executableBlocks.map { result.blocks[$0.index]?.stdout ?? "" }
        }
        let setup = "let n = param(\"n\", default: 0)"
        let compute = "let value = try cached(\"value\") { () -> [Double] in print(\"computing\"); return [Double(n), 0.5] }"
        let first = try page(setup, compute, "print(value)")
        XCTAssertTrue(first[1].contains("computing"))
        XCTAssertTrue(first[2].contains("[1.0, 0.5]"))
        let laterEdit = try page(setup, compute, "print(value) // edited")
        XCTAssertFalse(laterEdit[1].contains("computing"), "an edit to a later block reuses the value")
        XCTAssertTrue(laterEdit[2].contains("[1.0, 0.5]"))
        XCTAssertTrue(try page(setup + " // edited", compute, "print(value)")[1].contains("computing"), "an earlier edit computes again")
        XCTAssertTrue(try page(setup, compute + " // edited", "print(value)")[1].contains("computing"), "so does an edit to its block")
        let again = try self.runner(["n": "2"])
        let notebook = try NotebookParser.parse(
            source: "---\nparams:\n  n: 1\n---\n\n```swift\n\(setup)\n```\n\n```swift\n\(compute)\n```\n\n```swift\nprint(value)\n```\n",
            path: "notebooks/c.md", name: "c")
        let other = try XCTUnwrap(again.run(notebook).result)
        XCTAssertTrue(other.blocks[notebook.executableBlocks[1].index]?.stdout.contains("computing") == true, "a parameter is in the key")
        XCTAssertTrue(other.blocks[notebook.executableBlocks[2].index]?.stdout.contains("[2.0, 0.5]") == true)
    }

    /// `sweep(...)`: one task per point, each stored on its own; a new point runs alone; failures and
    /// non-deterministic code before the sweep are reported.
    func testSweepRunsEachPointOnceInGridOrder() throws {
        let runner = try runner()
        // One marker file per computation: tasks run side by side, so a shared log could lose a line.
        let log = root.appendingPathComponent("computed")
        func run(_ grid: String, before: String = "") throws -> NotebookResult {
            let code = """
                \(before)
                let squares = try sweep("squares", over: \(grid)) { (x: Int) -> Int in
                    if x == 13 { throw NumericsError.invalidArgument("thirteen") }
                    _ = FileManager.default.createFile(atPath: "\(log.path)/\\(x)-\\(UInt64.random(in: 0...UInt64.max))", contents: nil)
                    return x * x
                }
                print(squares)
                """
            try? FileManager.default.removeItem(at: log)
            try FileManager.default.createDirectory(at: log, withIntermediateDirectories: true)
            let outcome = runner.run(try notebook(code))
            if let work = outcome.workFolder { try? FileManager.default.removeItem(at: work) }
            return try XCTUnwrap(outcome.result)
        }
        func computed() throws -> [Int] {
            try FileManager.default.contentsOfDirectory(atPath: log.path).compactMap { Int($0.prefix { $0 != "-" }) }.sorted()
        }
        let first = try run("[3, 1, 2, 5]")
        XCTAssertEqual(first.status, .ok, "\(String(describing: first.failure))")
        XCTAssertTrue(first.blocks.values.first?.stdout.contains("[9, 1, 4, 25]") == true, "grid order")
        XCTAssertEqual(try computed(), [1, 2, 3, 5], "each point in a task of its own")

        let more = try run("[3, 1, 2, 5, 7]")
        XCTAssertTrue(more.blocks.values.first?.stdout.contains("[9, 1, 4, 25, 49]") == true)
        XCTAssertEqual(try computed(), [7], "only the new point runs")

        let failing = try run("[3, 13, 11]")
        XCTAssertEqual(failing.status, .runtimeError)
        let failure = try XCTUnwrap(failing.failure).summary + (failing.failure?.details ?? "")
        let shown = failure + (failing.blocks.values.first?.stderr ?? "")
        XCTAssertTrue(shown.contains("sweep 'squares': 1 point failed"), shown)
        XCTAssertTrue(shown.contains("point 1 13"), "the failed point with its value: \(shown)")
        XCTAssertEqual(try computed(), [11], "the other new point is computed and kept")

        let unseeded = try run("[21, 22]", before: "report(\"draw\", Double.random(in: 0..<1))")
        let message = (unseeded.failure?.summary ?? "") + (unseeded.failure?.details ?? "")
            + (unseeded.blocks.values.first?.stderr ?? "")
        XCTAssertEqual(unseeded.status, .runtimeError)
        XCTAssertTrue(message.contains("the code before it is not deterministic: 'draw' was"), message)
    }

    /// A task of a notebook's second sweep runs the first sweep again before its own: it reads the first's stored
    /// points and computes none of them.
    func testALaterSweepReadsTheEarlierSweepsStoredPoints() throws {
        // One marker file per computation: tasks run side by side, so a shared log could lose a line.
        let log = root.appendingPathComponent("computed")
        try FileManager.default.createDirectory(at: log, withIntermediateDirectories: true)
        let code = """
            func logged(_ x: Int) throws -> Int {
                let name = "\(log.path)/\\(x)-\\(UInt64.random(in: 0...UInt64.max))"
                _ = FileManager.default.createFile(atPath: name, contents: nil)
                return x * x
            }
            let first = try sweep("first", over: [1, 2]) { (x: Int) -> Int in try logged(x) }
            let second = try sweep("second", over: [3, 4, 5]) { (x: Int) -> Int in try logged(x) }
            print(first, second)
            """
        let outcome = try runner().run(try notebook(code))
        if let work = outcome.workFolder { try? FileManager.default.removeItem(at: work) }
        let result = try XCTUnwrap(outcome.result)
        XCTAssertEqual(result.status, .ok, "\(String(describing: result.failure))")
        XCTAssertTrue(result.blocks.values.first?.stdout.contains("[1, 4] [9, 16, 25]") == true)
        let computed = try FileManager.default.contentsOfDirectory(atPath: log.path).compactMap { Int($0.prefix { $0 != "-" }) }
        XCTAssertEqual(computed.sorted(), [1, 2, 3, 4, 5], "each point once, none again in the second's tasks")
    }
}
