import FlyingSocks
import Foundation

/// Server-sent events that tell open preview pages to reload: one stream per connected page.
///
/// ```swift
/// let channel = ReloadChannel()
/// let events = channel.subscribe()   // handed to a `text/event-stream` response
/// channel.reload()                   // every subscriber receives "event: reload"
/// ```
public final class ReloadChannel: @unchecked Sendable {
    private let lock = NSLock()
    private var subscribers: [Int: AsyncStream<String>.Continuation] = [:]
    private var nextID = 0
    private var reloads = 0

    public init() {}

    /// A new stream of event-stream text; it starts with a comment so the client knows it is connected.
    public func subscribe() -> AsyncStream<String> {
        AsyncStream(bufferingPolicy: .bufferingNewest(16)) { continuation in
            continuation.yield("retry: 1000\n: connected\n\n")
            lock.lock()
            let id = nextID
            nextID += 1
            subscribers[id] = continuation
            lock.unlock()
            continuation.onTermination = { [weak self] _ in self?.remove(id) }
        }
    }

    /// Tells every open page to reload.
    public func reload() {
        lock.lock()
        reloads += 1
        let event = "event: reload\ndata: \(reloads)\n\n"
        lock.unlock()
        broadcast(event)
    }

    /// A comment line: keeps idle connections open and finds closed ones.
    public func heartbeat() {
        broadcast(": ping\n\n")
    }

    /// Ends every stream (the server is stopping).
    public func close() {
        lock.lock()
        let all = Array(subscribers.values)
        subscribers.removeAll()
        lock.unlock()
        for continuation in all { continuation.finish() }
    }

    public var subscriberCount: Int {
        lock.lock()
        defer { lock.unlock() }
        return subscribers.count
    }

    private func broadcast(_ text: String) {
        lock.lock()
        let all = Array(subscribers.values)
        lock.unlock()
        for continuation in all { continuation.yield(text) }
    }

    private func remove(_ id: Int) {
        lock.lock()
        subscribers[id] = nil
        lock.unlock()
    }
}

/// A stream of event-stream text as the byte chunks FlyingFox writes out, one chunk per event.
struct EventStreamBytes: AsyncBufferedSequence, Sendable {
    typealias Element = UInt8
    let events: AsyncStream<String>

    func makeAsyncIterator() -> Iterator {
        Iterator(events: events.makeAsyncIterator())
    }

    struct Iterator: AsyncBufferedIteratorProtocol {
        var events: AsyncStream<String>.Iterator
        var pending: [UInt8] = []

        mutating func next() async throws -> UInt8? {
            if pending.isEmpty {
                guard let event = await events.next() else { return nil }
                pending = Array(event.utf8)
            }
            return pending.removeFirst()
        }

        mutating func nextBuffer(suggested count: Int) async throws -> [UInt8]? {
            if !pending.isEmpty {
                defer { pending.removeAll() }
                return pending
            }
            guard let event = await events.next() else { return nil }
            return Array(event.utf8)
        }
    }
}
