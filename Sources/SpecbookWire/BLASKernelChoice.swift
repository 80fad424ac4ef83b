import Foundation

/// Which OpenBLAS kernels a computing process should run, chosen from the CPU's features.
///
/// Debian's OpenBLAS 0.3.21 picks its kernels by CPU model and falls back to its generic SSE3 ("Prescott")
/// kernels on a CPU it does not know, several times slower on one with AVX2 or AVX-512. The runner sets
/// `OPENBLAS_CORETYPE` for its notebook programs from the features themselves, unless the user set it:
///
/// ```swift
/// var environment = ProcessInfo.processInfo.environment
/// environment[BLASKernelChoice.variable] = BLASKernelChoice.coreType(in: environment)   // "SkylakeX" on AVX-512
/// ```
/// **Edge cases:** without `/proc/cpuinfo` (not Linux) the flags are empty and nothing is chosen; a user's value,
/// even an empty one, is kept as it is.
public enum BLASKernelChoice {
    /// The variable OpenBLAS reads at load time to force a kernel family.
    public static let variable = "OPENBLAS_CORETYPE"

    /// OpenBLAS's kernel families that use at least AVX2 and FMA.
    static let vectorKernels: Set<String> = [
        "haswell", "zen", "skylakex", "cooperlake", "sapphirerapids",
    ]

    /// The feature flags of the first CPU in a `/proc/cpuinfo` text.
    public static func flags(cpuinfo: String) -> Set<String> {
        for line in cpuinfo.split(separator: "\n") where line.hasPrefix("flags") {
            guard let colon = line.firstIndex(of: ":") else { continue }
            return Set(line[line.index(after: colon)...].split(separator: " ").map(String.init))
        }
        return []
    }

    static let cpuinfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""

    /// This machine's CPU flags (empty where `/proc/cpuinfo` cannot be read).
    public static let machineFlags: Set<String> = flags(cpuinfo: cpuinfo)

    /// True on an AMD CPU (`vendor_id: AuthenticAMD`).
    public static let machineIsAMD = cpuinfo.contains("AuthenticAMD")

    /// The CPU's model name (`model name` in `/proc/cpuinfo`), for benchmarks and provenance; "unknown" without it.
    public static let machineModel: String = {
        for line in cpuinfo.split(separator: "\n") where line.hasPrefix("model name") {
            if let colon = line.firstIndex(of: ":") { return line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces) }
        }
        return "unknown"
    }()

    /// The CPU's family (`cpu family` in `/proc/cpuinfo`): 25 for AMD Zen 3 and Zen 4, 26 for Zen 5; nil without it.
    public static let machineFamily: Int? = {
        for line in cpuinfo.split(separator: "\n") where line.hasPrefix("cpu family") {
            if let colon = line.firstIndex(of: ":") { return Int(line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)) }
        }
        return nil
    }()

    /// The best kernel family for a CPU with `flags`: AVX-512 F/BW/VL/DQ → SkylakeX (Cooperlake with BF16), except
    /// on AMD family 25 (Zen 4), AVX2 + FMA → Zen on AMD, Haswell elsewhere; nil for a CPU without AVX2, where the
    /// generic kernels are the best there is. Zen 4 runs each 512-bit instruction as two 256-bit halves, and there
    /// OpenBLAS 0.3.21's Zen (AVX2) kernels measured faster than its AVX-512 ones (bench/RESULTS.md: SGEMM 205.5
    /// against 195.6 GFLOP/s, the LFP solver's DSYRK 3-5% faster), so it gets Zen.
    public static func best(for flags: Set<String>, amd: Bool = machineIsAMD, family: Int? = machineFamily) -> String? {
        if ["avx512f", "avx512bw", "avx512vl", "avx512dq"].allSatisfy(flags.contains) {
            if amd && family == 25 { return "Zen" }
            return flags.contains("avx512_bf16") ? "Cooperlake" : "SkylakeX"
        }
        if flags.contains("avx2") && flags.contains("fma") { return amd ? "Zen" : "Haswell" }
        return nil
    }

    /// The value a computing child process should get: the user's `OPENBLAS_CORETYPE` when set, else the best
    /// family for `flags`.
    public static func coreType(in environment: [String: String], flags: Set<String> = machineFlags,
                                amd: Bool = machineIsAMD, family: Int? = machineFamily) -> String? {
        environment[variable] ?? best(for: flags, amd: amd, family: family)
    }

    /// True when `coreName` (OpenBLAS's `openblas_get_corename()`) is slower than what a CPU with `flags` supports:
    /// a generic or SSE-only family on a CPU with AVX2 and FMA.
    public static func isGeneric(_ coreName: String, for flags: Set<String> = machineFlags) -> Bool {
        best(for: flags, amd: false) != nil && !vectorKernels.contains(coreName.lowercased())
    }
}
