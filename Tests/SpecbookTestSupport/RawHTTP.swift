import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A bare HTTP/1.1 client over a socket: it sends the request line exactly as written (no `..` clean-up).
public final class RawHTTP {
    let fd: Int32
    public var received = Data()

    public init(port: UInt16, timeout: TimeInterval = 2) throws {
        fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var tv = timeval(tv_sec: Int(timeout), tv_usec: Int((timeout - floor(timeout)) * 1_000_000))
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size))
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            close(fd)
            throw NSError(domain: "RawHTTP", code: Int(errno), userInfo: [NSLocalizedDescriptionKey: "cannot connect to port \(port)"])
        }
    }

    deinit { close(fd) }

    public func send(_ target: String, method: String = "GET", keepAlive: Bool = false) {
        let request = "\(method) \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: \(keepAlive ? "keep-alive" : "close")\r\n\r\n"
        _ = request.withCString { Glibc.send(fd, $0, strlen($0), 0) }
    }

    /// Reads until `text` has arrived, the peer closes, or `deadline` passes; true when `text` arrived.
    @discardableResult
    public func read(until text: String? = nil, deadline: Date = Date().addingTimeInterval(5)) -> Bool {
        var buffer = [UInt8](repeating: 0, count: 4096)
        while Date() < deadline {
            if let text, String(decoding: received, as: UTF8.self).contains(text) { return true }
            let n = recv(fd, &buffer, buffer.count, 0)
            if n > 0 { received.append(contentsOf: buffer[0..<n]); continue }
            if n == 0 { break }
            if errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR { break }
        }
        return text.map { String(decoding: received, as: UTF8.self).contains($0) } ?? true
    }

    public var text: String { String(decoding: received, as: UTF8.self) }
    var status: Int? { text.split(separator: " ").dropFirst().first.flatMap { Int($0) } }

    /// One whole request on a fresh connection: status and everything received.
    public static func get(_ target: String, port: UInt16, method: String = "GET") throws -> (status: Int?, text: String) {
        let client = try RawHTTP(port: port)
        client.send(target, method: method)
        client.read()
        return (client.status, client.text)
    }
}
