import Foundation
import XCTest

/// Notebooks that misbehave: each is contained, reported, and leaves the site and cache consistent.
final class HostileInputTests: XCTestCase {
    var fixture: Fixture!

    override func setUpWithError() throws {
        fixture = try Fixture()
    }

    override func tearDown() {
        fixture?.remove()
    }

    func testHundredMegabytesOfOutputAreTruncated() throws {
        try fixture.write("notebooks/loud.md", """
            ```swift
            let line = String(repeating: "x", count: 1023)
            for _ in 0..<102_400 { print(line) }
            ```
            """)
        let run = try fixture.specbook(["build"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let page = try fixture.read("site/loud.html")
        XCTAssertTrue(page.contains("output truncated: 104857600 bytes printed"), "a note says what was dropped")
        XCTAssertLessThan(page.utf8.count, 2_000_000, "the page holds only the kept part")
    }

    func testBinaryOutputIsEscaped() throws {
        try fixture.write("notebooks/binary.md", """
            ```swift
            FileHandle.standardOutput.write(Data([0x00, 0x01, 0x1B, 0xFF, 0xFE] + Array("<b>&\\n".utf8)))
            ```
            """)
        XCTAssertEqual(try fixture.specbook(["build"]).status, 0)
        let page = try fixture.read("site/binary.html")
        XCTAssertTrue(page.contains("&lt;b&gt;&amp;"))
        XCTAssertFalse(page.unicodeScalars.contains { $0.value < 0x09 || $0.value == 0x1B }, "no raw control bytes")
        XCTAssertTrue(page.contains("\u{2400}"), "NUL shown as a visible symbol")
    }

    func testForkedChildrenAreKilledAtTimeout() throws {
        try fixture.write("notebooks/forks.md", """
            ---
            timeout: 2
            ---

            ```swift
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/bin/sh")
            p.arguments = ["-c", "sleep 300 & echo $! > child.pid; sleep 300"]
            try p.run()
            p.waitUntilExit()
            ```
            """)
        let run = try fixture.specbook(["build"])
        XCTAssertTrue(run.stderr.contains("timed out"), run.stderr)
        let pid = try XCTUnwrap(Int32(fixture.read("child.pid").trimmingCharacters(in: .whitespacesAndNewlines)))
        XCTAssertFalse(isRunning(pid), "the grandchild sleep is gone")
    }

    func testNotebookDeletingItsOutputFolderIsReported() throws {
        try fixture.write("notebooks/deleter.md", """
            ```swift
            let out = ProcessInfo.processInfo.environment["SPECBOOK_OUTPUT"]!
            let f = Figure(width: 100, height: 80)
            try f.axes.line(x: [0, 1], y: [0, 1])
            try show(f)
            try FileManager.default.removeItem(atPath: out)
            print("deleted")
            ```
            """)
        let run = try fixture.specbook(["build"])
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(run.stderr.contains("notebooks/deleter.md:1: error: figure files are missing"), run.stderr)
        XCTAssertTrue(try fixture.read("site/deleter.html").contains("deleted"))
        let second = try fixture.specbook(["build"])
        XCTAssertTrue(second.stderr.contains("0 cached"), "a failed run is never cached: \(second.stderr)")
    }

    func testTwoBuildsAtOnceTakeTurns() throws {
        try fixture.write("notebooks/slow.md", "```swift\nusleep(1_500_000)\nprint(\"slept\")\n```\n")
        let first = Process()
        first.executableURL = Fixture.binPath.appendingPathComponent("specbook")
        first.arguments = ["build", "--no-cache"]
        first.currentDirectoryURL = fixture.root
        first.standardError = FileHandle.nullDevice
        try first.run()
        // Wait until the first build holds the lock and runs the notebook.
        let work = fixture.root.appendingPathComponent(".specbook-cache/work")
        for _ in 0..<200 where !FileManager.default.fileExists(atPath: work.path) { usleep(20_000) }
        let second = try fixture.specbook(["build", "--no-cache"])
        first.waitUntilExit()
        XCTAssertEqual(first.terminationStatus, 0)
        XCTAssertEqual(second.status, 0, second.stderr)
        XCTAssertTrue(second.stderr.contains("waiting for another build"), second.stderr)
        XCTAssertTrue(try fixture.read("site/slow.html").contains("slept"))
    }

    func testCtrlCKillsChildrenAndKeepsSiteAndCacheConsistent() throws {
        try fixture.write("notebooks/a.md", "# A\n\n```swift\nprint(\"first build\")\n```\n")
        XCTAssertEqual(try fixture.specbook(["build"]).status, 0)
        let before = try fixture.read("site/a.html")

        try fixture.write("notebooks/a.md", "# A\n\n```swift\ntry String(getpid()).write(toFile: \"hang.pid\", atomically: true, encoding: .utf8)\nwhile true { usleep(10_000) }\n```\n")
        let build = Process()
        build.executableURL = Fixture.binPath.appendingPathComponent("specbook")
        build.arguments = ["build"]
        build.currentDirectoryURL = fixture.root
        build.standardError = FileHandle.nullDevice
        try build.run()
        let pidFile = fixture.root.appendingPathComponent("hang.pid")
        for _ in 0..<500 where !FileManager.default.fileExists(atPath: pidFile.path) { usleep(20_000) }
        let pid = try XCTUnwrap(Int32(fixture.read("hang.pid")))
        kill(build.processIdentifier, SIGINT)
        build.waitUntilExit()
        XCTAssertEqual(build.terminationStatus, 130)
        usleep(100_000)
        XCTAssertFalse(isRunning(pid), "the notebook program was killed")
        XCTAssertEqual(try fixture.read("site/a.html"), before, "the previous site is untouched")
        XCTAssertFalse(fixture.exists(".specbook-cache/work"), "no half-written work folders")
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: fixture.root.appendingPathComponent(".specbook-cache/entries").path)) ?? []
        XCTAssertFalse(entries.contains { $0.hasPrefix(".staging") })
    }
}
