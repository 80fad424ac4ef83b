import Foundation
import SpecbookNotebook

/// Ctrl-C during a build: kill every notebook program, drop half-written work folders, exit 130.
///
/// Cache entries and the site are only ever renamed into place whole, so both stay consistent.
enum Interrupt {
    nonisolated(unsafe) static var sources: [DispatchSourceSignal] = []

    static func install(cacheRoot: URL) {
        for sig in [SIGINT, SIGTERM] {
            signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            source.setEventHandler {
                ChildProcess.killAll()
                try? FileManager.default.removeItem(at: cacheRoot.appendingPathComponent("work"))
                FileHandle.standardError.write(Data("\ninterrupted: notebook programs stopped; the previous site is unchanged\n".utf8))
                exit(130)
            }
            source.resume()
            sources.append(source)
        }
    }
}
