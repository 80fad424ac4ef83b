import Foundation
import SpecbookTestSupport
import XCTest

/// `specbook preview` as a user runs it: the real executable, a notebook, an edit, a reload event.
final class PreviewCommandTests: XCTestCase {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func testEditRebuildsAndSendsReload() throws {
        try Fixture.requireFreshBuild()
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("specbook-preview-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("notebooks"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let notebook = root.appendingPathComponent("notebooks/intro.md")
        try "---\ntitle: Intro\n---\n\nFirst version, x = {{x}}.\n\n```swift\nreport(\"x\", 1)\n```\n"
            .write(to: notebook, atomically: true, encoding: .utf8)

        let preview = try Preview(root: root, timeout: 60)
        defer { preview.stop() }
        let port = try XCTUnwrap(preview.port, "preview never said where it serves: \(preview.log)")

        let page = try RawHTTP.get("/intro.html", port: port)
        XCTAssertEqual(page.status, 200)
        XCTAssertTrue(page.text.contains("First version, x = <span class=\"value\" data-name=\"x\" id=\"value-x\">1</span>"), page.text)
        XCTAssertTrue(page.text.contains("EventSource"))
        XCTAssertTrue([403, 404].contains(try RawHTTP.get("/%2e%2e/notebooks/intro.md", port: port).status ?? 0))

        let events = try RawHTTP(port: port)
        events.send("/_specbook/events", keepAlive: true)
        XCTAssertTrue(events.read(until: ": connected"))
        try "---\ntitle: Intro\n---\n\nSecond version, x = {{x}}.\n\n```swift\nreport(\"x\", 2)\n```\n"
            .write(to: notebook, atomically: true, encoding: .utf8)
        XCTAssertTrue(events.read(until: "event: reload", deadline: Date().addingTimeInterval(30)), events.text)
        XCTAssertTrue(try RawHTTP.get("/intro.html", port: port).text.contains("Second version"))
        // The changes page compares with the build before the save: what this edit changed.
        let changes = try RawHTTP.get("/changes.html", port: port).text
        XCTAssertTrue(changes.contains("<code>1</code></td><td class=\"numeric\"><code>2</code></td><td class=\"numeric\">+100%</td>"), changes)
        XCTAssertTrue(changes.contains("Compared with <code>the previous build</code>"), changes)
    }

    func testAnEditToLibRebuildsThePagesThatUseIt() throws {
        try Fixture.requireFreshBuild()
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("specbook-preview-lib-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("notebooks"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("lib"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let helper = root.appendingPathComponent("lib/Greeting.swift")
        try "func greeting() -> String { \"first helper\" }\n".write(to: helper, atomically: true, encoding: .utf8)
        try "---\ntitle: Uses lib\n---\n\nIt says {{greeting}}.\n\n```swift\nreport(\"greeting\", greeting())\n```\n"
            .write(to: root.appendingPathComponent("notebooks/uses.md"), atomically: true, encoding: .utf8)

        let preview = try Preview(root: root, timeout: 120)
        defer { preview.stop() }
        let port = try XCTUnwrap(preview.port, "preview never said where it serves: \(preview.log)")
        XCTAssertTrue(try RawHTTP.get("/uses.html", port: port).text.contains("first helper"))

        let events = try RawHTTP(port: port)
        events.send("/_specbook/events", keepAlive: true)
        XCTAssertTrue(events.read(until: ": connected"))
        try "func greeting() -> String { \"second helper\" }\n".write(to: helper, atomically: true, encoding: .utf8)
        XCTAssertTrue(events.read(until: "event: reload", deadline: Date().addingTimeInterval(60)), events.text)
        XCTAssertTrue(try RawHTTP.get("/uses.html", port: port).text.contains("second helper"))
    }
}

/// `specbook preview --port 0` running in a project folder, and the port it said it serves on.
private struct Preview {
    let process = Process()
    private(set) var port: UInt16?
    private(set) var log = ""

    init(root: URL, timeout: TimeInterval) throws {
        process.executableURL = Fixture.binPath.appendingPathComponent("specbook")
        process.arguments = ["preview", "--port", "0", "--interval", "0.2"]
        process.currentDirectoryURL = root
        let stderr = Pipe()
        process.standardError = stderr
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        // The first build, then the address it serves on.
        let deadline = Date().addingTimeInterval(timeout)
        while port == nil && Date() < deadline && process.isRunning {
            let chunk = stderr.fileHandleForReading.availableData
            if chunk.isEmpty { Thread.sleep(forTimeInterval: 0.05); continue }
            log += String(decoding: chunk, as: UTF8.self)
            if let range = log.range(of: "http://127.0.0.1:") { port = UInt16(log[range.upperBound...].prefix(while: \.isNumber)) }
        }
    }

    func stop() {
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
    }
}
