import COpenBLAS

/// The number of threads OpenBLAS uses for one call (GEMM, Cholesky, ...).
///
/// Training splits a batch over the cores itself and holds OpenBLAS at one thread meanwhile;
/// large single calls (a Cholesky solve of a 5000×5000 kernel matrix) want all cores instead.
///
/// ```swift
/// print(BLASThreads.count)
/// BLASThreads.withSingleThread { /* our own threads call BLAS here */ }
/// ```
///
/// **Edge cases:**
/// - The setting is process-wide: change it only from one thread at a time.
/// - Setting a count below 1 lets OpenBLAS choose (its default, one per core).
public enum BLASThreads {
    /// The current OpenBLAS thread count.
    public static var count: Int {
        get { Int(openblas_get_num_threads()) }
        set { openblas_set_num_threads(Int32(newValue)) }
    }

    /// Runs `body` with OpenBLAS on one thread, then restores the previous count.
    public static func withSingleThread<R>(_ body: () throws -> R) rethrows -> R {
        let previous = openblas_get_num_threads()
        if previous != 1 { openblas_set_num_threads(1) }
        defer { if previous != 1 { openblas_set_num_threads(previous) } }
        return try body()
    }
}

/// The kernels the loaded OpenBLAS runs.
///
/// ```swift
/// print(BLASKernels.coreName)   // "Haswell", "SkylakeX", or "Prescott" for the generic SSE3 ones
/// ```
/// **Edge cases:** an OpenBLAS that reports nothing gives "unknown".
public enum BLASKernels {
    /// OpenBLAS's `openblas_get_corename()`: the kernel family chosen at load time (by CPU model, or by
    /// `OPENBLAS_CORETYPE`).
    public static var coreName: String {
        guard let name = openblas_get_corename() else { return "unknown" }
        return String(cString: name)
    }
}
