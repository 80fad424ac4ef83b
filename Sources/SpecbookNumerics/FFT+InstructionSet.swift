import CFFTKernels

/// The vector instructions an FFT plan's butterflies use, chosen at run time from what the CPU supports.
///
/// The library is compiled for baseline x86-64 (SSE2), so its own loops cannot use wider vectors; the FFT's passes
/// are compiled once per instruction set (the `CFFTKernels` target) and a plan picks the widest the CPU has. All sets
/// round alike (no fused multiply-add), so a transform's result does not depend on the CPU.
///
/// ```swift
/// print(FFTInstructionSet.fastest)                                   // e.g. avx512 on a CPU with AVX-512
/// let plan = try FFTPlan(count: 1024, instructionSet: .baseline)     // force the SSE2 code path
/// ```
///
/// **Edge cases:**
/// - Asking for a set the CPU lacks gives ``fastest`` instead (never an illegal instruction).
/// - On a CPU other than x86-64 every set runs the target's default code.
public enum FFTInstructionSet: Int, Sendable, CaseIterable, CustomStringConvertible {
    /// x86-64's baseline: SSE2, 2 doubles per vector.
    case baseline = 0
    /// AVX2 with FMA: 4 doubles per vector.
    case avx2 = 1
    /// AVX-512 F, DQ and VL: 8 doubles per vector.
    case avx512 = 2

    /// The widest set this CPU supports.
    public static let fastest = FFTInstructionSet(rawValue: Int(specbook_fft_fastest_instruction_set())) ?? .baseline

    /// Every set this CPU can run, narrowest first.
    public static var supported: [FFTInstructionSet] { allCases.filter { $0.rawValue <= fastest.rawValue } }

    /// `self`, or ``fastest`` when the CPU lacks `self`.
    var available: FFTInstructionSet { rawValue <= Self.fastest.rawValue ? self : Self.fastest }

    public var description: String {
        switch self {
        case .baseline: "baseline"
        case .avx2: "avx2"
        case .avx512: "avx512"
        }
    }
}
