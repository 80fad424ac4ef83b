import Foundation
import XCTest

/// `specbook build --shard` and `specbook slurm` as a user runs them (the cluster itself: scripts/slurm-test.sh).
final class ShardCommandTests: XCTestCase {
    var fixture: Fixture!

    override func setUpWithError() throws {
        fixture = try Fixture()
        try fixture.write("notebooks/scan.md", """
            ---
            title: Scan
            ---

            ```swift
            let squares = try sweep("squares", over: Array(0..<6)) { (x: Int) -> Int in
                _ = FileManager.default.createFile(atPath: "done-\\(x)", contents: nil)
                return x * x
            }
            report("sum", squares.reduce(0, +))
            ```

            Sum {{sum}}.
            """)
    }

    override func tearDown() { fixture?.remove() }

    func computed() -> Set<String> {
        Set(((try? FileManager.default.contentsOfDirectory(atPath: fixture.root.path)) ?? []).filter { $0.hasPrefix("done-") })
    }

    func testShardsSplitTheSweepAndTheSiteReusesTheirPoints() throws {
        let first = try fixture.specbook(["build", "--shard", "0/2"])
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertTrue(first.stderr.contains("shard 0/2: 1 run"), first.stderr)
        XCTAssertFalse(fixture.exists("site"), "a shard writes no site")
        let share = computed()
        XCTAssertFalse(share.isEmpty)
        XCTAssertLessThan(share.count, 6, "shard 0 computes only its share")
        XCTAssertEqual(try fixture.specbook(["build", "--shard", "1/2"]).status, 0)
        XCTAssertEqual(computed().count, 6, "the two shards together computed every point once")
        for name in computed() { try FileManager.default.removeItem(at: fixture.root.appendingPathComponent(name)) }
        let site = try fixture.specbook(["build", "--strict"])
        XCTAssertEqual(site.status, 0, site.stderr)
        XCTAssertTrue(computed().isEmpty, "the site is assembled from the stored points")
        XCTAssertTrue(try fixture.read("site/scan.html").contains(">55<"))
    }

    func testBadShardSpecsAndAMissingSbatchAreClearErrors() throws {
        for spec in ["2/2", "x/3", "1", "-1/2", "0/0"] {
            let run = try fixture.specbook(["build", "--shard=\(spec)"])
            XCTAssertNotEqual(run.status, 0)
            XCTAssertTrue(run.stderr.contains("--shard takes i/n with 0 <= i < n (shard i of n), not '\(spec)'"), run.stderr)
        }
        let noSlurm = try fixture.specbook(["slurm", "--shards", "2"], environment: ["PATH": "/nonexistent"])
        XCTAssertEqual(noSlurm.status, 1)
        XCTAssertTrue(noSlurm.stderr.contains("sbatch is not on the PATH"), noSlurm.stderr)
        let dry = try fixture.specbook(["slurm", "--shards", "3", "--partition", "short", "--dry-run", "-P", "profile=quick"])
        XCTAssertEqual(dry.status, 0, dry.stderr)
        XCTAssertTrue(dry.stdout.contains("#SBATCH --array=0-2"))
        XCTAssertTrue(dry.stdout.contains("#SBATCH --partition=short"))
        XCTAssertTrue(dry.stdout.contains("build --shard \"$SLURM_ARRAY_TASK_ID/3\" --jobs 1 -P profile=quick"), dry.stdout)
    }
}

/// The build's log without a terminal.
final class ProgressLogTests: XCTestCase {
    func testProgressMessagesAreLoggedNowAndThenWithoutATerminal() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        try fixture.write("notebooks/long.md", """
            ```swift
            for step in 1...12 {
                progress("step \\(step) of 12")
                usleep(100_000)
            }
            ```
            """)
        let run = try fixture.specbook(["build"], environment: ["SPECBOOK_PROGRESS_INTERVAL": "0.35"])
        XCTAssertEqual(run.status, 0, run.stderr)
        let logged = run.stderr.split(separator: "\n").filter { $0.contains(": step ") }
        XCTAssertGreaterThanOrEqual(logged.count, 1, "a long block is not silent: \(run.stderr)")
        XCTAssertLessThan(logged.count, 12, "but not every message is logged: \(run.stderr)")
        XCTAssertTrue(run.stderr.contains("notebooks/long.md: done in"))
    }
}
