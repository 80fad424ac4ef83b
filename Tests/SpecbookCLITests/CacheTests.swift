import Foundation
import XCTest

/// The cache re-runs a notebook only when something it depends on changed.
final class CacheTests: XCTestCase {
    var fixture: Fixture!

    override func setUpWithError() throws {
        fixture = try Fixture()
    }

    override func tearDown() {
        fixture?.remove()
    }

    /// A notebook that counts its runs in a file outside the cache.
    func notebook(prose: String = "Some prose.", code: String = "let k = 1", params: String = "  n: 1", inputs: String = "") -> String {
        """
        ---
        title: Counted
        seed: 5
        params:
        \(params)
        \(inputs)
        ---

        \(prose)

        ```swift
        //| label: fig-count
        \(code)
        let counter = URL(fileURLWithPath: "runs.txt")
        let previous = (try? String(contentsOf: counter, encoding: .utf8)).flatMap { Int($0) } ?? 0
        try String(previous + 1).write(to: counter, atomically: true, encoding: .utf8)
        let fig = Figure(width: 200, height: 120)
        try fig.axes.line(x: [0, 1], y: [0, Double(param("n", default: 0))])
        try show(fig)
        print("n =", param("n", default: 0), "k =", k)
        ```
        """
    }

    func runs() throws -> Int { Int(try fixture.read("runs.txt")) ?? -1 }

    @discardableResult
    func build(_ extra: [String] = []) throws -> Fixture.Output {
        let out = try fixture.specbook(["build"] + extra)
        XCTAssertEqual(out.status, 0, out.stderr)
        return out
    }

    func testProseEditsReRenderWithoutRunning() throws {
        try fixture.write("notebooks/c.md", notebook())
        try build()
        XCTAssertEqual(try runs(), 1)
        try build()
        XCTAssertEqual(try runs(), 1, "nothing changed: cached")
        try fixture.write("notebooks/c.md", notebook(prose: "Edited prose.\n\nWith a new paragraph that moves every line."))
        let out = try build()
        XCTAssertEqual(try runs(), 1, "prose edits do not run code")
        XCTAssertTrue(try fixture.read("site/c.html").contains("Edited prose."))
        XCTAssertTrue(out.stderr.contains("1 cached"), out.stderr)
        XCTAssertTrue(try fixture.read("site/c.html").contains("(from cache)"))
    }

    func testCodeParametersSeedAndInputsInvalidate() throws {
        try fixture.write("data/points.csv", "1,2\n")
        let inputs = "inputs: [data/*.csv]"
        try fixture.write("notebooks/c.md", notebook(inputs: inputs))
        try build()
        XCTAssertEqual(try runs(), 1)
        try fixture.write("notebooks/c.md", notebook(code: "let k = 2", inputs: inputs))
        try build()
        XCTAssertEqual(try runs(), 2, "a code edit runs again")
        try build(["-P", "n=7"])
        XCTAssertEqual(try runs(), 3, "a parameter override runs again")
        XCTAssertTrue(try fixture.read("site/c.html").contains("n = 7"))
        try build(["-P", "n=7"])
        XCTAssertEqual(try runs(), 3)
        try fixture.write("data/points.csv", "1,2\n3,4\n")
        try build(["-P", "n=7"])
        XCTAssertEqual(try runs(), 4, "a declared input changed")
        try build(["-P", "n=7", "--no-cache"])
        XCTAssertEqual(try runs(), 5, "--no-cache forces a run")
        let clean = try fixture.specbook(["clean"])
        XCTAssertEqual(clean.status, 0)
        XCTAssertFalse(fixture.exists(".specbook-cache/entries"))
        try build(["-P", "n=7"])
        XCTAssertEqual(try runs(), 6, "after clean everything runs")
    }

    func testReplacedSitesDoNotAccumulate() throws {
        try fixture.write("notebooks/c.md", notebook())
        for _ in 0..<4 { try build() }
        let trash = fixture.root.appendingPathComponent(".specbook-cache/trash")
        let left = (try? FileManager.default.contentsOfDirectory(atPath: trash.path)) ?? []
        XCTAssertLessThanOrEqual(left.count, 1, "each build empties what the previous ones replaced: \(left)")
        XCTAssertTrue(try fixture.read("site/c.html").contains("Some prose."))
    }

    func testCorruptedEntryIsDetectedAndReRun() throws {
        try fixture.write("notebooks/c.md", notebook())
        try build()
        let entries = fixture.root.appendingPathComponent(".specbook-cache/entries")
        let entry = try XCTUnwrap(FileManager.default.contentsOfDirectory(atPath: entries.path).first { !$0.hasPrefix(".") })
        // Truncate the cached figure: its checksum no longer matches.
        let png = entries.appendingPathComponent("\(entry)/output/fig-count.png")
        let bytes = try Data(contentsOf: png)
        try bytes.prefix(bytes.count / 2).write(to: png)
        try build()
        XCTAssertEqual(try runs(), 2, "a corrupted entry is re-executed, never shown")
        XCTAssertNotNil(pngSize(fixture.root.appendingPathComponent("site/assets/c/fig-count.png")))
        // A truncated result file is caught the same way.
        let result = entries.appendingPathComponent("\(entry)/result.json")
        try Data("{\"status\":".utf8).write(to: result)
        try build()
        XCTAssertEqual(try runs(), 3)
    }

    func testAnotherBLASKernelIsAnotherRun() throws {
        try fixture.write("notebooks/c.md", notebook())
        try build()
        let other = ProcessInfo.processInfo.environment["OPENBLAS_CORETYPE"] == "Prescott" ? "Haswell" : "Prescott"
        let out = try fixture.specbook(["build"], environment: ["OPENBLAS_CORETYPE": other])
        XCTAssertEqual(out.status, 0, out.stderr)
        XCTAssertEqual(try runs(), 2, "results computed with other BLAS kernels are not reused")
        try build()
        XCTAssertEqual(try runs(), 2, "and the first kernel's stay reusable")
    }

    func testEntryOfAnotherProtocolVersionIsReRun() throws {
        try fixture.write("notebooks/c.md", notebook())
        try build()
        let entries = fixture.root.appendingPathComponent(".specbook-cache/entries")
        let entry = try XCTUnwrap(FileManager.default.contentsOfDirectory(atPath: entries.path).first { !$0.hasPrefix(".") })
        // Rewrite the stored result as if an older runner had written it, checksums made to match.
        let folder = entries.appendingPathComponent(entry)
        let resultFile = folder.appendingPathComponent("result.json")
        var result = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: resultFile)) as? [String: Any])
        XCTAssertEqual(result["protocolVersion"] as? Int, 1)
        result["protocolVersion"] = 0
        let data = try JSONSerialization.data(withJSONObject: result, options: [.sortedKeys])
        try data.write(to: resultFile)
        let sumsFile = folder.appendingPathComponent("checksums.json")
        var sums = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: sumsFile)) as? [String: String])
        sums["result.json"] = sha256(data)
        try JSONSerialization.data(withJSONObject: sums).write(to: sumsFile)
        try build()
        XCTAssertEqual(try runs(), 2, "an entry of another protocol version is re-run, never misread")
    }

    func testUndecodableRecordFailsTheNotebook() throws {
        try fixture.write("notebooks/bogus.md", """
            # Bogus

            ```swift
            let path = ProcessInfo.processInfo.environment["SPECBOOK_RECORDS"]!
            let file = FileHandle(forWritingAtPath: path)!
            file.seekToEndOfFile()
            file.write(Data(#"{"v":1,"kind":"hologram","block":0}"#.utf8 + [10]))
            print("wrote it")
            ```
            """)
        let run = try fixture.specbook(["build"])
        XCTAssertEqual(run.status, 1, run.stderr)
        XCTAssertTrue(run.stderr.contains("notebooks/bogus.md: error: display record 2: unknown record kind 'hologram'"), run.stderr)
        XCTAssertTrue(try fixture.read("site/bogus.html").contains("unknown record kind"))
        XCTAssertTrue(try fixture.specbook(["build"]).stderr.contains("0 cached"), "a run with an unreadable record is never cached")
    }

    func testPagesDoNotDependOnJobs() throws {
        for i in 1...4 {
            try fixture.write("notebooks/n\(i).md", "---\nseed: \(i)\n---\n\n# Page \(i)\n\n```swift\nvar rng = SeededGenerator(seed: notebookSeed)\nprint(rng.unit())\nlet f = Figure(width: 200, height: 100)\ntry f.axes.line(x: [0, 1, 2], y: [rng.unit(), rng.unit(), rng.unit()])\ntry show(f)\n```\n")
        }
        func snapshot() throws -> [String: Data] {
            var files: [String: Data] = [:]
            let site = fixture.root.appendingPathComponent("site")
            for case let url as URL in FileManager.default.enumerator(at: site, includingPropertiesForKeys: nil)! {
                guard !url.hasDirectoryPath, url.pathExtension != "json" else { continue }
                var data = try Data(contentsOf: url)
                if url.pathExtension == "html", let text = String(data: data, encoding: .utf8),
                   let footer = text.range(of: "<footer") {
                    data = Data(text[..<footer.lowerBound].utf8)  // timings and dates live in the footer
                }
                if url.lastPathComponent == "index.html", let text = String(data: data, encoding: .utf8) {
                    // Index cards show run times.
                    data = Data(text.replacingOccurrences(of: #"[0-9]+\.[0-9] s"#, with: "T", options: .regularExpression).utf8)
                }
                files[url.path.replacingOccurrences(of: site.path, with: "")] = data
            }
            return files
        }
        // Each build is a first one, so changes.html and the index say the same.
        try build(["--jobs", "1", "--no-cache"])
        let serial = try snapshot()
        try FileManager.default.removeItem(at: fixture.root.appendingPathComponent("site"))
        try build(["--jobs", "3", "--no-cache"])
        let parallel = try snapshot()
        XCTAssertEqual(serial.keys.sorted(), parallel.keys.sorted())
        for (name, data) in serial { XCTAssertEqual(data, parallel[name], name) }
    }
}

/// SHA-256 of `data` as lowercase hex, via sha256sum (an implementation independent of the one under test).
func sha256(_ data: Data) -> String {
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("specbook-sha-\(UUID().uuidString)")
    try? data.write(to: file)
    defer { try? FileManager.default.removeItem(at: file) }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
    process.arguments = [file.path]
    let pipe = Pipe()
    process.standardOutput = pipe
    try? process.run()
    let out = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: out, as: UTF8.self).components(separatedBy: " ").first ?? ""
}
