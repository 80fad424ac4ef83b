import Foundation
import SpecbookNotebook
import SpecbookWire
import XCTest

/// The runner's pieces in this process: output splitting, record decoding, the cache store, the child process.
final class RunnerPiecesTests: XCTestCase {
    var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("specbook-pieces-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDown() {
        try? FileManager.default.removeItem(at: folder)
    }

    func write(_ name: String, _ bytes: [UInt8]) throws -> URL {
        let url = folder.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url
    }

    // MARK: Output splitting

    func testSplitsAtMarkersAndKeepsTheLimit() throws {
        let text = "before\n" + BlockMarker.line(block: 0) + "zero\n" + BlockMarker.line(block: 2) + String(repeating: "x", count: 50) + "\n"
        let parts = OutputSplitter(limit: 10).split(file: try write("out.txt", Array(text.utf8)))
        XCTAssertEqual(parts[-1]?.bytes, Array("before\n".utf8))
        XCTAssertEqual(parts[0]?.bytes, Array("zero\n".utf8))
        XCTAssertEqual(parts[2]?.bytes.count, 10)
        XCTAssertEqual(parts[2]?.total, 51, "the whole count is kept")
        XCTAssertNil(parts[1])
    }

    func testMarkerAcrossAChunkBoundaryAndStrayRecordSeparators() throws {
        // The reader takes 1 MiB chunks: put a marker across the boundary.
        let pad = Array(repeating: UInt8(ascii: "a"), count: (1 << 20) - 5)
        let bytes = pad + Array(BlockMarker.line(block: 7).utf8) + Array("after\n\u{1E}not a marker\n".utf8)
        let parts = OutputSplitter(limit: 1 << 21).split(file: try write("big.txt", bytes))
        XCTAssertEqual(parts[-1]?.total, pad.count)
        XCTAssertEqual(parts[7]?.bytes, Array("after\n\u{1E}not a marker\n".utf8), "a stray 0x1E stays text")
    }

    func testDisplayTextMakesControlsVisible() {
        XCTAssertEqual(OutputSplitter.displayText([0x00, 0x41, 0x09, 0x0D, 0x0A, 0x1B, 0x7F, 0xFF]), "\u{2400}A\t\n\u{241B}\u{2421}\u{FFFD}")
    }

    // MARK: Record decoding

    func testRecordsCollectIntoBlocks() throws {
        let lines: [Record] = [
            .blockBegan(BlockBegan(block: 1, ordinal: 1, total: 2, time: 10)),
            .figure(FigureRecord(block: 1, files: FigureFiles(stem: "f"), width: 10, height: 5)),
            .value(ValueRecord(block: 1, name: "n", value: "3")),
            .blockBegan(BlockBegan(block: 4, ordinal: 2, total: 2, time: 12.5)),
            .check(CheckRecord(block: 4, name: "c", measured: "1", expected: "1", verdict: .holds, file: "a.md", line: 3)),
            .expectedError(ExpectedErrorRecord(block: 4, message: "boom")),
            .end(EndRecord(block: 4, time: 13)),
        ]
        let file = folder.appendingPathComponent("records.jsonl")
        try lines.map { try $0.jsonLine() }.reduce(Data(), +).write(to: file)
        let records = try RecordReader.read(file)
        XCTAssertTrue(records.finished)
        XCTAssertEqual(records.lastBlock, 4)
        XCTAssertEqual(records.values, ["n": "3"])
        XCTAssertEqual(records.blocks[1]?.figures.map(\.png), ["f.png"])
        XCTAssertEqual(records.blocks[1]?.seconds, 2.5)
        XCTAssertEqual(records.blocks[4]?.seconds, 0.5)
        XCTAssertEqual(records.blocks[4]?.checks.map(\.verdict), [.holds])
        XCTAssertEqual(records.blocks[4]?.error, "boom")
    }

    func testUnreadableRecordNamesItsLine() throws {
        let good = try Record.blockBegan(BlockBegan(block: 0, ordinal: 1, total: 1, time: 0)).jsonLine()
        let file = folder.appendingPathComponent("records.jsonl")
        try (good + Data("{\"v\":1,\"kind\":\"value\",\"block\":0}\n".utf8)).write(to: file)
        XCTAssertThrowsError(try RecordReader.read(file)) { error in
            XCTAssertEqual("\(error)", "display record 2: malformed record (missing field 'name')")
        }
        XCTAssertEqual(try RecordReader.read(folder.appendingPathComponent("none.jsonl")), RecordReader.Records(),
                       "no file: a program that wrote nothing")
    }

    // MARK: Cache store

    func testStoreThenLookupAndVersionMismatch() throws {
        let cache = NotebookCache(layout: CacheLayout(projectRoot: folder))
        let work = folder.appendingPathComponent("work")
        try FileManager.default.createDirectory(at: work.appendingPathComponent("output"), withIntermediateDirectories: true)
        var block = BlockResult()
        block.stdout = "hello"
        block.figures = [FigureOutput(FigureRecord(block: 0, files: FigureFiles(stem: "f"), width: 1, height: 1))]
        for name in FigureFiles(stem: "f").all { try Data(name.utf8).write(to: work.appendingPathComponent("output/\(name)")) }
        let result = NotebookResult(status: .ok, blocks: [0: block], values: ["a": "1"], seconds: 1)
        let entry = try cache.store(result, key: "k1", work: work)
        XCTAssertEqual(entry.path, folder.appendingPathComponent(".specbook-cache/entries/k1").path)
        XCTAssertEqual(cache.lookup("k1"), result)
        XCTAssertNil(cache.lookup("k2"))

        // Same entry, marked as written under another protocol version (checksums kept consistent).
        var old = result
        old.protocolVersion = Record.protocolVersion + 1
        try FileManager.default.createDirectory(at: work.appendingPathComponent("output"), withIntermediateDirectories: true)
        _ = try cache.store(old, key: "k3", work: work)
        XCTAssertNil(cache.lookup("k3"), "another protocol version is never misread")
        XCTAssertFalse(FileManager.default.fileExists(atPath: cache.entry("k3").path), "and is removed, so it runs again")
    }

    // MARK: Child process

    func testChildProcessStatusesAndTimeout() throws {
        let out = folder.appendingPathComponent("out.txt")
        let ok = try ChildProcess.run(executable: "/bin/sh", arguments: ["-c", "echo hi; echo err >&2; exit 3"],
                                      workingDirectory: folder, stdoutFile: out, stderrFile: out, timeout: 10)
        XCTAssertEqual(ok.status, .exited(3))
        XCTAssertEqual(try String(contentsOf: out, encoding: .utf8), "hi\nerr\n")
        let killed = try ChildProcess.run(executable: "/bin/sh", arguments: ["-c", "kill -SEGV $$"],
                                          workingDirectory: folder, stdoutFile: out, stderrFile: out, timeout: 10)
        XCTAssertEqual(killed.status, .signalled(SIGSEGV))
        let hung = try ChildProcess.run(executable: "/bin/sleep", arguments: ["30"],
                                        workingDirectory: folder, stdoutFile: out, stderrFile: out, timeout: 0.3)
        XCTAssertEqual(hung.status, .timedOut)
        XCTAssertLessThan(hung.seconds, 29, "killed at the timeout, not after the sleep")
    }
}
