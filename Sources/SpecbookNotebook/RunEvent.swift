import SpecbookWire

/// What happens to one notebook during a build, in order, for whoever shows progress.
///
/// ```swift
/// runner.run(notebook) { event in
///     if case .running(let at) = event { print("block \(at.ordinal) of \(at.total)") }
/// }
/// ```
public enum RunEvent: Sendable, Equatable {
    /// The runner took the notebook up.
    case started
    /// A stored result was reused; nothing runs.
    case cached
    /// swiftc compiles the program.
    case compiling
    /// The program runs; the record says which block and what it last reported.
    case running(ProgressRecord)
    /// The run succeeded after `seconds`.
    case finished(seconds: Double)
    /// The run failed; `summary` is the one-line `file:line: error: ...` message.
    case failed(summary: String)
    /// Not this shard's notebook (`specbook build --shard`): another shard runs it.
    case skipped
}
