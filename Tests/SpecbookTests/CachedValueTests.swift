import Foundation
import Specbook
import XCTest

/// The store behind `cached(...)`, in this process: compute once, read back, recompute what cannot be read.
final class CachedValueTests: XCTestCase {
    var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("specbook-values-\(UUID().uuidString)")
    }

    override func tearDown() {
        try? FileManager.default.removeItem(at: folder)
    }

    struct Fit: Codable, Equatable {
        var slope: Double
        var losses: [Float]
    }

    func testComputedOnceThenReadBackBitForBit() throws {
        var calls = 0
        let fit = Fit(slope: 0.1 + 0.2, losses: [1e-7, .pi, .infinity])
        let first = try CachedValues(folder: folder, blockKeys: [2: "k2"]).value("fit", block: 2, line: 10) { calls += 1; return fit }
        let second = try CachedValues(folder: folder, blockKeys: [2: "k2"]).value("fit", block: 2, line: 10) { calls += 1; return fit }
        XCTAssertEqual(calls, 1, "the second run reads the stored value")
        XCTAssertEqual(first, fit)
        XCTAssertEqual(second, fit)
        XCTAssertEqual(second.slope.bitPattern, (0.1 + 0.2).bitPattern, "Double round-trips exactly")
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder.appendingPathComponent("k2/fit.json").path))

        // Another key (an earlier block changed): computed again.
        _ = try CachedValues(folder: folder, blockKeys: [2: "other"]).value("fit", block: 2, line: 10) { calls += 1; return fit }
        XCTAssertEqual(calls, 2)
    }

    func testAnUnreadableValueIsComputedAgainAndReplaced() throws {
        let file = folder.appendingPathComponent("k/x.json")
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("{ not json".utf8).write(to: file)
        var calls = 0
        let value = try CachedValues(folder: folder, blockKeys: [0: "k"]).value("x", block: 0, line: 1) { calls += 1; return [1, 2, 3] }
        XCTAssertEqual(value, [1, 2, 3])
        XCTAssertEqual(calls, 1)
        XCTAssertEqual(try JSONDecoder().decode([Int].self, from: Data(contentsOf: file)), [1, 2, 3])
        // A stored value of another type is unreadable too.
        let text = try CachedValues(folder: folder, blockKeys: [0: "k"]).value("x", block: 0, line: 1) { "now a string" }
        XCTAssertEqual(text, "now a string")
    }

    func testNamesAreCheckedAndUsedOncePerRun() throws {
        let store = CachedValues(folder: folder, blockKeys: [0: "k"])
        _ = try store.value("a", block: 0, line: 3) { 1 }
        XCTAssertThrowsError(try store.value("a", block: 0, line: 7) { 2 }) { error in
            XCTAssertEqual(error as? CachedValueError, .duplicateName("a", firstLine: 3, line: 7))
        }
        for bad in ["", "../up", "a b", ".hidden"] {
            XCTAssertThrowsError(try store.value(bad, block: 0, line: 1) { 0 }) { error in
                XCTAssertEqual(error as? CachedValueError, .invalidName(bad))
            }
        }
    }

    func testWithoutAStoreEveryRunComputes() throws {
        var calls = 0
        for _ in 0..<2 { _ = try CachedValues(folder: nil, blockKeys: [:]).value("v", block: 0, line: 1) { calls += 1; return 1 } }
        _ = try CachedValues(folder: folder, blockKeys: [:]).value("v", block: 5, line: 1) { calls += 1; return 1 }
        XCTAssertEqual(calls, 3, "no folder, or no key for the block: nothing is stored")
    }
}
