import Foundation

/// Build progress: a live line per notebook on a terminal, plain log lines otherwise.
final class Progress: @unchecked Sendable {
    private let lock = NSLock()
    private let live: Bool
    private var names: [String] = []
    private var states: [String] = []
    private var starts: [Date] = []
    private var drawn = 0
    private let quiet: Bool

    init(names: [String], quiet: Bool = false) {
        self.quiet = quiet
        live = !quiet && isatty(STDERR_FILENO) != 0 && ProcessInfo.processInfo.environment["TERM"] != "dumb"
        self.names = names
        states = Array(repeating: "waiting", count: names.count)
        starts = Array(repeating: Date(), count: names.count)
    }

    /// Records a new state for notebook `index`; `final` states are always logged.
    func update(_ index: Int, _ state: String, final: Bool = false) {
        lock.lock()
        defer { lock.unlock() }
        if states[index] == "waiting" { starts[index] = Date() }
        let changed = states[index] != state
        states[index] = state
        guard !quiet else { return }
        if live {
            redraw()
        } else if changed && (final || state == "compiling" || state.hasPrefix("running block") && !state.contains(":")) {
            FileHandle.standardError.write(Data("\(names[index]): \(state)\n".utf8))
        }
    }

    func elapsed(_ index: Int) -> Double {
        lock.lock()
        defer { lock.unlock() }
        return Date().timeIntervalSince(starts[index])
    }

    /// Prints a message above the live display.
    func message(_ text: String) {
        lock.lock()
        defer { lock.unlock() }
        if live && drawn > 0 { FileHandle.standardError.write(Data("\u{1B}[\(drawn)A\u{1B}[J".utf8)); drawn = 0 }
        FileHandle.standardError.write(Data((text + "\n").utf8))
        if live { redraw() }
    }

    private func redraw() {
        var out = drawn > 0 ? "\u{1B}[\(drawn)A" : ""
        let width = names.map(\.count).max() ?? 0
        for (i, name) in names.enumerated() {
            let seconds = states[i] == "waiting" ? "" : String(format: " (%.1f s)", Date().timeIntervalSince(starts[i]))
            let padded = name.padding(toLength: width, withPad: " ", startingAt: 0)
            out += "\u{1B}[2K  \(padded)  \(states[i])\(seconds)\n"
        }
        drawn = names.count
        FileHandle.standardError.write(Data(out.utf8))
    }
}
