import Foundation
import SpecbookBuild
import SpecbookNotebook

/// Build progress on stderr: a live line per notebook on a terminal, plain log lines otherwise.
///
/// ```swift
/// let progress = TerminalProgress(quiet: false)
/// let summary = try SiteBuild(options: options).run(events: progress.show)
/// ```
final class TerminalProgress: @unchecked Sendable {
    private let lock = NSLock()
    private let live: Bool
    private let quiet: Bool
    private var names: [String] = []
    private var states: [String] = []
    private var starts: [Date] = []
    /// Rows whose notebook is done (finished, failed, cached, another shard's): their clock stops.
    private var settled: Set<Int> = []
    /// When each notebook's last progress message was logged (plain log lines only).
    private var lastMessage: [Int: Date] = [:]
    /// Without a terminal, a notebook's `progress(...)` messages are logged at most this often (seconds;
    /// `SPECBOOK_PROGRESS_INTERVAL` overrides the default 15).
    static let messageInterval = ProcessInfo.processInfo.environment["SPECBOOK_PROGRESS_INTERVAL"].flatMap(Double.init) ?? 15
    private var drawn = 0

    init(quiet: Bool) {
        self.quiet = quiet
        live = !quiet && isatty(STDERR_FILENO) != 0 && ProcessInfo.processInfo.environment["TERM"] != "dumb"
    }

    func show(_ event: SiteBuild.Event) {
        lock.lock()
        defer { lock.unlock() }
        switch event {
        case .planned(let paths):
            names = paths
            states = Array(repeating: "waiting", count: paths.count)
            starts = Array(repeating: Date(), count: paths.count)
        case .waitingForLock:
            if !quiet { write("waiting for another build of this project to finish…") }
        case .buildingLibrary:
            if !quiet { write("building the notebook library…") }
        case .preparing(let step):
            if !quiet { write(step) }
        case .notebook(let index, let event):
            update(index, event)
        }
    }

    private func update(_ index: Int, _ event: RunEvent) {
        guard index < names.count else { return }
        let state: String
        var logged = true
        switch event {
        case .started:
            starts[index] = Date()
            state = "starting"
            logged = false
        case .cached:
            state = "cached"
            settled.insert(index)
        case .skipped:
            state = "another shard's"
            settled.insert(index)
        case .compiling: state = "compiling"
        case .running(let at):
            let block = at.total > 0 ? "running block \(at.ordinal) of \(at.total)" : "running block \(at.block)"
            state = at.message.map { "\(block): \($0)" } ?? block
            // Without a terminal, messages from inside a block are logged now and then, so a long block is not silent.
            if at.message != nil {
                let now = Date()
                logged = now.timeIntervalSince(lastMessage[index] ?? starts[index]) >= Self.messageInterval
                if logged { lastMessage[index] = now }
            }
        case .finished(let seconds):
            state = String(format: "done in %.1f s", seconds)
            settled.insert(index)
        case .failed(let summary):
            state = "failed"
            settled.insert(index)
            if !live && !quiet { write("\(names[index]): failed") }
            message(summary)
            states[index] = state
            if live { redraw() }
            return
        }
        let changed = states[index] != state
        states[index] = state
        guard !quiet else { return }
        if live {
            redraw()
        } else if changed && logged {
            write("\(names[index]): \(state)")
        }
    }

    /// Prints a message above the live display.
    private func message(_ text: String) {
        if live && drawn > 0 { FileHandle.standardError.write(Data("\u{1B}[\(drawn)A\u{1B}[J".utf8)); drawn = 0 }
        write(text)
    }

    private func write(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    private func redraw() {
        var out = drawn > 0 ? "\u{1B}[\(drawn)A" : ""
        let width = names.map(\.count).max() ?? 0
        for (i, name) in names.enumerated() {
            let running = states[i] != "waiting" && !settled.contains(i)
            let seconds = running ? String(format: " (%.1f s)", Date().timeIntervalSince(starts[i])) : ""
            let padded = name.padding(toLength: width, withPad: " ", startingAt: 0)
            out += "\u{1B}[2K  \(padded)  \(states[i])\(seconds)\n"
        }
        drawn = names.count
        FileHandle.standardError.write(Data(out.utf8))
    }
}
