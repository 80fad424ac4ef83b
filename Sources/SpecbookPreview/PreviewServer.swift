import FlyingFox
import FlyingSocks
import Foundation

/// Serves the site folder over HTTP for `specbook preview`, and makes open pages reload after a rebuild.
///
/// ```swift
/// let server = try PreviewServer(site: URL(fileURLWithPath: "site"), host: "127.0.0.1", port: 8000)
/// let port = try await server.start()
/// print("serving http://127.0.0.1:\(port)/")
/// // after each rebuild:
/// server.reload()
/// ```
/// Only files inside the site folder are served (see ``SiteFiles``); HTML pages get a small script that
/// listens on `/_specbook/events` (server-sent events) and reloads the page: the static site itself never
/// carries it. Port 0 picks a free port.
public actor PreviewServer {
    public nonisolated let files: SiteFiles
    public nonisolated let channel = ReloadChannel()
    public nonisolated let host: String
    let server: HTTPServer
    var running: Task<Void, any Error>?
    var heartbeat: Task<Void, Never>?

    public static let eventsPath = "/_specbook/events"
    /// Appended to every served HTML page.
    public static let reloadScript = """
        <script>new EventSource("\(eventsPath)").addEventListener("reload", function () { location.reload(); });</script>
        """

    public init(site: URL, host: String = "127.0.0.1", port: UInt16 = 8000) throws {
        let files = SiteFiles(root: site)
        let channel = self.channel
        self.files = files
        self.host = host
        let address: any SocketAddress = host.contains(":")
            ? try sockaddr_in6.inet6(ip6: host, port: port)
            : try sockaddr_in.inet(ip4: host, port: port)
        let handler = ClosureHTTPHandler { request in
            await Self.respond(to: request, files: files, channel: channel)
        }
        server = HTTPServer(address: address, timeout: 30, logger: .disabled, handler: handler)
    }

    /// Starts listening in the background; returns the port it listens on.
    public func start() async throws -> UInt16 {
        let server = self.server
        running = Task { try await server.run() }
        try await server.waitUntilListening(timeout: 10)
        heartbeat = Task { [channel] in
            while !Task.isCancelled {
                try? await Task.sleep(nanoseconds: 15_000_000_000)
                channel.heartbeat()
            }
        }
        switch await server.listeningAddress {
        case .ip4(_, let port)?, .ip6(_, let port)?: return port
        default: return 0
        }
    }

    public func stop() async {
        heartbeat?.cancel()
        channel.close()
        await server.stop(timeout: 1)
        running?.cancel()
    }

    /// Tells every open page to reload.
    public nonisolated func reload() {
        channel.reload()
    }

    static func respond(to request: HTTPRequest, files: SiteFiles, channel: ReloadChannel) async -> HTTPResponse {
        var headers: HTTPHeaders = [.cacheControl: "no-store"]
        guard request.method == .GET || request.method == .HEAD else {
            headers[.contentType] = "text/plain; charset=utf-8"
            return HTTPResponse(statusCode: .methodNotAllowed, headers: headers, body: Data("method not allowed\n".utf8))
        }
        if request.path == eventsPath {
            headers[.contentType] = "text/event-stream"
            return HTTPResponse(statusCode: .ok, headers: headers,
                                body: HTTPBodySequence(from: EventStreamBytes(events: channel.subscribe())))
        }
        switch files.resolve(request.path) {
        case .forbidden:
            headers[.contentType] = "text/plain; charset=utf-8"
            return HTTPResponse(statusCode: .forbidden, headers: headers, body: Data("forbidden\n".utf8))
        case .notFound:
            headers[.contentType] = "text/plain; charset=utf-8"
            return HTTPResponse(statusCode: .notFound, headers: headers, body: Data("not found: \(request.path)\n".utf8))
        case .file(let url):
            guard var data = try? Data(contentsOf: url) else {
                return HTTPResponse(statusCode: .notFound, headers: headers, body: Data("not found\n".utf8))
            }
            let type = SiteFiles.contentType(of: url)
            if type.hasPrefix("text/html") { data = injectReloadScript(data) }
            headers[.contentType] = type
            if request.method == .HEAD {
                headers[.contentLength] = String(data.count)
                return HTTPResponse(statusCode: .ok, headers: headers, body: Data())
            }
            return HTTPResponse(statusCode: .ok, headers: headers, body: data)
        }
    }

    /// The page with ``reloadScript`` before its closing `</body>` (or at the end).
    static func injectReloadScript(_ page: Data) -> Data {
        var html = String(decoding: page, as: UTF8.self)
        if let body = html.range(of: "</body>", options: .backwards) {
            html.insert(contentsOf: reloadScript + "\n", at: body.lowerBound)
        } else {
            html += reloadScript
        }
        return Data(html.utf8)
    }
}
