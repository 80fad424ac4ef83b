import Foundation
import SpecbookPreview
import SpecbookTestSupport
import XCTest

/// The preview server, started for real on a free loopback port.
final class PreviewServerTests: XCTestCase {
    var folder: URL!
    var site: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("specbook-preview-\(UUID().uuidString)")
        site = folder.appendingPathComponent("site")
        try FileManager.default.createDirectory(at: site.appendingPathComponent("assets"), withIntermediateDirectories: true)
        try "<!DOCTYPE html><html><body><p>home</p></body></html>".write(to: site.appendingPathComponent("index.html"), atomically: true, encoding: .utf8)
        try "body { color: red; }".write(to: site.appendingPathComponent("assets/specbook.css"), atomically: true, encoding: .utf8)
        try "secret".write(to: folder.appendingPathComponent("secret.txt"), atomically: true, encoding: .utf8)
        try "hidden".write(to: site.appendingPathComponent(".hidden"), atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(at: site.appendingPathComponent("leak.txt"), withDestinationURL: folder.appendingPathComponent("secret.txt"))
        try FileManager.default.createSymbolicLink(at: site.appendingPathComponent("outside"), withDestinationURL: folder)
        try FileManager.default.createSymbolicLink(at: site.appendingPathComponent("style.css"), withDestinationURL: site.appendingPathComponent("assets/specbook.css"))
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    func testResolvesOnlyFilesInsideTheSite() {
        let files = SiteFiles(root: site)
        XCTAssertEqual(files.resolve("/"), .file(files.root.appendingPathComponent("index.html")))
        XCTAssertEqual(files.resolve("/assets/specbook.css?v=1"), .file(files.root.appendingPathComponent("assets/specbook.css")))
        XCTAssertEqual(files.resolve("/style.css"), .file(files.root.appendingPathComponent("assets/specbook.css")))
        XCTAssertEqual(files.resolve("/../secret.txt"), .forbidden)
        XCTAssertEqual(files.resolve("/assets/../../secret.txt"), .forbidden)
        XCTAssertEqual(files.resolve("/..\\secret.txt"), .forbidden)
        XCTAssertEqual(files.resolve("/leak.txt"), .forbidden)
        XCTAssertEqual(files.resolve("/outside/secret.txt"), .forbidden)
        XCTAssertEqual(files.resolve("/.hidden"), .notFound)
        XCTAssertEqual(files.resolve("/nothing.html"), .notFound)
        XCTAssertEqual(files.resolve("/assets"), .notFound)
    }

    func testServesPagesWithTheReloadScriptAndRefusesTraversal() async throws {
        let server = try PreviewServer(site: site, host: "127.0.0.1", port: 0)
        let port = try await server.start()
        defer { Task { await server.stop() } }

        let home = try RawHTTP.get("/", port: port)
        XCTAssertEqual(home.status, 200)
        XCTAssertTrue(home.text.contains("<p>home</p>"))
        XCTAssertTrue(home.text.contains(PreviewServer.reloadScript + "\n</body>"), home.text)
        XCTAssertTrue(home.text.contains("Cache-Control: no-store"))
        let css = try RawHTTP.get("/assets/specbook.css", port: port)
        XCTAssertEqual(css.status, 200)
        XCTAssertTrue(css.text.contains("Content-Type: text/css"))
        XCTAssertFalse(css.text.contains("EventSource"))

        for target in ["/../secret.txt", "/../../../../etc/passwd", "/%2e%2e/secret.txt", "/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
                       "/assets/%2e%2e/%2e%2e/secret.txt", "/..%2fsecret.txt", "/%2E%2E%2Fsecret.txt", "/leak.txt", "/outside/secret.txt"] {
            let response = try RawHTTP.get(target, port: port)
            XCTAssertTrue([403, 404].contains(response.status ?? 0), "\(target): \(response.text)")
            XCTAssertFalse(response.text.contains("secret\n") || response.text.hasSuffix("secret"), "\(target) leaked: \(response.text)")
            XCTAssertFalse(response.text.contains("root:"), "\(target) leaked /etc/passwd")
        }
        XCTAssertEqual(try RawHTTP.get("/index.html", port: port, method: "POST").status, 405)
    }

    func testReloadReachesAnOpenEventStream() async throws {
        let server = try PreviewServer(site: site, host: "127.0.0.1", port: 0)
        let port = try await server.start()
        defer { Task { await server.stop() } }

        let events = try RawHTTP(port: port)
        events.send(PreviewServer.eventsPath, keepAlive: true)
        XCTAssertTrue(events.read(until: ": connected"), events.text)
        XCTAssertTrue(events.text.contains("Content-Type: text/event-stream"), events.text)
        let deadline = Date().addingTimeInterval(5)
        while server.channel.subscriberCount == 0 && Date() < deadline { try await Task.sleep(nanoseconds: 20_000_000) }
        server.reload()
        XCTAssertTrue(events.read(until: "event: reload", deadline: Date().addingTimeInterval(5)), events.text)
    }
}
