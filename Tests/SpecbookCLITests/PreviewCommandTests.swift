import Foundation
import SpecbookTestSupport
import XCTest

/// `specbook preview` as a user runs it: the real executable, a prose notebook, an edit, a reload event.
final class PreviewCommandTests: XCTestCase {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    func testEditRebuildsAndSendsReload() throws {
        try Fixture.requireFreshBuild()
        let executable = Fixture.binPath.appendingPathComponent("specbook")
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("specbook-preview-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("notebooks"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let notebook = root.appendingPathComponent("notebooks/intro.md")
        try "---\ntitle: Intro\n---\n\nFirst version, x = {{x}}.\n\n```swift\nreport(\"x\", 1)\n```\n"
            .write(to: notebook, atomically: true, encoding: .utf8)

        let process = Process()
        process.executableURL = executable
        process.arguments = ["preview", "--port", "0", "--interval", "0.2"]
        process.currentDirectoryURL = root
        let stderr = Pipe()
        process.standardError = stderr
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        defer {
            if process.isRunning { process.terminate() }
            process.waitUntilExit()
        }

        // The first build, then the address it serves on.
        var log = ""
        let deadline = Date().addingTimeInterval(60)
        var port: UInt16?
        while port == nil && Date() < deadline && process.isRunning {
            let chunk = stderr.fileHandleForReading.availableData
            if chunk.isEmpty { Thread.sleep(forTimeInterval: 0.05); continue }
            log += String(decoding: chunk, as: UTF8.self)
            if let range = log.range(of: "http://127.0.0.1:") {
                port = UInt16(log[range.upperBound...].prefix(while: \.isNumber))
            }
        }
        guard let port else { return XCTFail("preview never said where it serves: \(log)") }

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

        let process = Process()
        process.executableURL = Fixture.binPath.appendingPathComponent("specbook")
        process.arguments = ["preview", "--port", "0", "--interval", "0.2"]
        process.currentDirectoryURL = root
        let stderr = Pipe()
        process.standardError = stderr
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        defer {
            if process.isRunning { process.terminate() }
            process.waitUntilExit()
        }
        var log = "", port: UInt16?
        let deadline = Date().addingTimeInterval(120)
        while port == nil && Date() < deadline && process.isRunning {
            let chunk = stderr.fileHandleForReading.availableData
            if chunk.isEmpty { Thread.sleep(forTimeInterval: 0.05); continue }
            log += String(decoding: chunk, as: UTF8.self)
            if let range = log.range(of: "http://127.0.0.1:") { port = UInt16(log[range.upperBound...].prefix(while: \.isNumber)) }
        }
        guard let port else { return XCTFail("preview never said where it serves: \(log)") }
        XCTAssertTrue(try RawHTTP.get("/uses.html", port: port).text.contains("first helper"))

        let events = try RawHTTP(port: port)
        events.send("/_specbook/events", keepAlive: true)
        XCTAssertTrue(events.read(until: ": connected"))
        try "func greeting() -> String { \"second helper\" }\n".write(to: helper, atomically: true, encoding: .utf8)
        XCTAssertTrue(events.read(until: "event: reload", deadline: Date().addingTimeInterval(60)), events.text)
        XCTAssertTrue(try RawHTTP.get("/uses.html", port: port).text.contains("second helper"))
    }
}
