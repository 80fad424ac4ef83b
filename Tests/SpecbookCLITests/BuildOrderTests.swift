import Foundation
import XCTest

/// The build starts the notebooks whose last run took longest first, so no long one is left to finish alone.
final class BuildOrderTests: XCTestCase {
    var fixture: Fixture!

    override func setUpWithError() throws {
        fixture = try Fixture()
    }

    override func tearDown() {
        fixture?.remove()
    }

    /// A notebook that appends its name to `order.txt` when it starts, then works for `seconds`.
    func notebook(_ name: String, seconds: Double) -> String {
        """
        ---
        title: \(name)
        ---

        Prose.

        ```swift
        let log = URL(fileURLWithPath: "order.txt")
        let before = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        try (before + "\(name)\\n").write(to: log, atomically: true, encoding: .utf8)
        Thread.sleep(forTimeInterval: \(seconds))
        print("done")
        ```
        """
    }

    func startOrder() throws -> [String] {
        let order = try fixture.read("order.txt").split(separator: "\n").map(String.init)
        try FileManager.default.removeItem(at: fixture.root.appendingPathComponent("order.txt"))
        return order
    }

    func build(_ extra: [String] = []) throws {
        let out = try fixture.specbook(["build", "--jobs", "1"] + extra)
        XCTAssertEqual(out.status, 0, out.stderr)
    }

    func testLongestLastRunStartsFirst() throws {
        try fixture.write("notebooks/a.md", notebook("a", seconds: 0))
        try fixture.write("notebooks/b.md", notebook("b", seconds: 0))
        try fixture.write("notebooks/c.md", notebook("c", seconds: 1.5))
        try build()
        XCTAssertEqual(try startOrder(), ["a", "b", "c"], "never timed: page order")
        let durations = try JSONDecoder().decode([String: Double].self, from: Data(fixture.read(".specbook-cache/durations.json").utf8))
        XCTAssertEqual(durations.keys.sorted(), ["a", "b", "c"])
        XCTAssertGreaterThan(durations["c"] ?? 0, 1.5)
        XCTAssertLessThan(durations["a"] ?? 9, durations["c"] ?? 0)

        try build(["--no-cache"])
        XCTAssertEqual(try startOrder().first, "c", "the longest last run starts first")

        // Reused runs keep the time of the run that computed them.
        try build()
        XCTAssertFalse(fixture.exists("order.txt"), "nothing ran")
        let kept = try JSONDecoder().decode([String: Double].self, from: Data(fixture.read(".specbook-cache/durations.json").utf8))
        XCTAssertGreaterThan(kept["c"] ?? 0, 1.5)
    }

    func testTimesArePerParametersAndNewNotebooksGoFirst() throws {
        try fixture.write("notebooks/a.md", notebook("a", seconds: 1.5))
        try fixture.write("notebooks/b.md", notebook("b", seconds: 0))
        try build(["-P", "profile=quick"])
        _ = try startOrder()
        let durations = try JSONDecoder().decode([String: Double].self, from: Data(fixture.read(".specbook-cache/durations.json").utf8))
        XCTAssertEqual(durations.keys.sorted(), ["a profile=quick", "b profile=quick"])

        // A notebook never timed (here: with these parameters) may be long: it starts before the timed ones.
        try fixture.write("notebooks/0new.md", notebook("new", seconds: 0))
        try build(["-P", "profile=quick", "--no-cache"])
        XCTAssertEqual(try startOrder(), ["new", "a", "b"])
    }

    func testUnreadableTimesFallBackToPageOrder() throws {
        try fixture.write("notebooks/a.md", notebook("a", seconds: 0))
        try fixture.write("notebooks/b.md", notebook("b", seconds: 0.5))
        try fixture.write(".specbook-cache/durations.json", "{ not json")
        try build()
        XCTAssertEqual(try startOrder(), ["a", "b"])
        let durations = try JSONDecoder().decode([String: Double].self, from: Data(fixture.read(".specbook-cache/durations.json").utf8))
        XCTAssertEqual(durations.keys.sorted(), ["a", "b"], "the unreadable record is replaced")
    }
}
