import Foundation
import SpecbookNotebook

/// Ctrl-C during a build: kill every notebook program, drop half-written work folders, exit 130.
///
/// Cache entries and the site are only ever renamed into place whole, so both stay consistent. The signal
/// handler only writes a byte to a pipe (async-signal-safe); a watcher thread does the cleanup.
enum Interrupt {
    nonisolated(unsafe) static var pipeFDs: [Int32] = [-1, -1]

    static func install(cacheLayout: CacheLayout) {
        guard pipe(&pipeFDs) == 0 else { return }
        let watcher = Thread {
            var byte: UInt8 = 0
            while read(pipeFDs[0], &byte, 1) < 0 && errno == EINTR {}
            ChildProcess.killAll()
            try? FileManager.default.removeItem(at: cacheLayout.work)
            FileHandle.standardError.write(Data("\ninterrupted: notebook programs stopped; the previous site is unchanged\n".utf8))
            _exit(130)
        }
        watcher.start()
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in
            var byte: UInt8 = 1
            _ = write(Interrupt.pipeFDs[1], &byte, 1)
        }
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(SIGINT, &action, nil)
        sigaction(SIGTERM, &action, nil)
    }
}
