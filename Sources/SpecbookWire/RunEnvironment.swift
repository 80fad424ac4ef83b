/// The environment variables the runner sets for a notebook program, spelled once for both sides.
///
/// ```swift
/// environment[RunEnvironment.seed] = "7"                 // runner
/// let seed = ProcessInfo.processInfo.environment[RunEnvironment.seed]   // notebook runtime
/// ```
public enum RunEnvironment {
    /// The folder figures are written to.
    public static let output = "SPECBOOK_OUTPUT"
    /// The notebook's seed (front matter `seed`), a decimal `UInt64`.
    public static let seed = "SPECBOOK_SEED"
    /// The notebook's parameters as a JSON object of strings.
    public static let parameters = "SPECBOOK_PARAMS"
    /// The file display records are appended to, one JSON line each (see ``Record``).
    public static let records = "SPECBOOK_RECORDS"
    /// The file holding the latest ``ProgressRecord``, replaced whole at each update.
    public static let progress = "SPECBOOK_PROGRESS"
    /// The folder `cached(...)` values are stored in (shared by every run of the project).
    public static let values = "SPECBOOK_VALUES"
    /// The key of each block's code up to and including it, as a JSON object from block index to key.
    public static let blockKeys = "SPECBOOK_BLOCK_KEYS"
    /// The key of each `sweep` call, as a JSON object from `"<block>/<name>"` to key.
    public static let sweepKeys = "SPECBOOK_SWEEP_KEYS"
    /// How many tasks of a sweep run at once (the build's `--jobs`).
    public static let jobs = "SPECBOOK_JOBS"
    /// `i/n` when the build runs shard i of n (`specbook build --shard i/n`): a sweep computes only its share.
    public static let shard = "SPECBOOK_SHARD"
    /// Set in a sweep's task: the sweep's name and the point's index, on two lines.
    public static let sweepTask = "SPECBOOK_SWEEP_TASK"
}
