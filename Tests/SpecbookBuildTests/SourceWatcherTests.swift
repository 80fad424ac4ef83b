import Foundation
import SpecbookBuild
import XCTest

/// The file watcher `specbook preview` rebuilds on, over a real folder.
final class SourceWatcherTests: XCTestCase {
    var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("specbook-watch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDown() {
        try? FileManager.default.removeItem(at: folder)
    }

    func testWatcherSeesEditsAdditionsAndRemovals() throws {
        let notebooks = folder.appendingPathComponent("notebooks")
        try FileManager.default.createDirectory(at: notebooks, withIntermediateDirectories: true)
        let a = notebooks.appendingPathComponent("a.md")
        try "one".write(to: a, atomically: true, encoding: .utf8)
        let watcher = SourceWatcher(paths: [notebooks, folder.appendingPathComponent("missing")])
        let before = watcher.snapshot()
        try "two, longer".write(to: a, atomically: true, encoding: .utf8)
        try "new".write(to: notebooks.appendingPathComponent("b.md"), atomically: true, encoding: .utf8)
        try "swap".write(to: notebooks.appendingPathComponent(".a.md.swp"), atomically: true, encoding: .utf8)
        let after = watcher.snapshot()
        XCTAssertEqual(SourceWatcher.changes(from: before, to: after).map { URL(fileURLWithPath: $0).lastPathComponent }, ["a.md", "b.md"])
        try FileManager.default.removeItem(at: a)
        XCTAssertEqual(SourceWatcher.changes(from: after, to: watcher.snapshot()).map { URL(fileURLWithPath: $0).lastPathComponent }, ["a.md"])
    }
}
