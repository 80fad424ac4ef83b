/// How long OpenBLAS's idle threads spin before they sleep, for the processes that compute.
///
/// After a threaded call OpenBLAS 0.3.21 keeps its worker threads spinning on `sched_yield` for 2^28 cycles
/// (about a tenth of a second) by default, waiting for the next call. Beside another notebook, or beside the
/// program's own single-threaded work, that spinning takes a core the other work needs (preconditioning, run alone,
/// had 8% of its samples under `sched_yield`; bench/RESULTS.md). The runner starts its notebook programs
/// with 2^16 cycles (tens of microseconds: about one wake-up's cost), unless the user set the variable:
///
/// ```swift
/// var environment = ProcessInfo.processInfo.environment
/// environment[BLASThreadTimeout.variable] = BLASThreadTimeout.value(in: environment)   // "16"
/// ```
/// **Edge cases:** a user's value, even an empty or invalid one, is kept as it is (OpenBLAS clamps it to 4...30).
public enum BLASThreadTimeout {
    /// The variable OpenBLAS reads at load time: spin for 2^value cycles.
    public static let variable = "OPENBLAS_THREAD_TIMEOUT"

    /// The exponent notebook programs get: 2^16 cycles.
    public static let exponent = 16

    /// The value a computing child process should get: the user's when set, else ``exponent``.
    public static func value(in environment: [String: String]) -> String {
        environment[variable] ?? String(exponent)
    }
}
