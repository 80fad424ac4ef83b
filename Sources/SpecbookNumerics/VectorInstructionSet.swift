import CVectorKernels

/// The vector instructions the library's hot loops use (FFT butterflies, training's tanh and Adam), chosen at run
/// time from what the CPU supports.
///
/// The library is compiled for baseline x86-64 (SSE2), so its Swift loops cannot use wider vectors; those loops are
/// compiled once per instruction set in C (the `CVectorKernels` target) and the widest the CPU has runs. All sets
/// round alike (no fused multiply-add), so results do not depend on the CPU.
///
/// ```swift
/// print(VectorInstructionSet.fastest)                             // e.g. avx512 on a CPU with AVX-512
/// let plan = try FFTPlan(count: 1024, instructionSet: .baseline)  // force the SSE2 code path
/// ```
///
/// **Edge cases:**
/// - Asking for a set the CPU lacks gives ``fastest`` instead (never an illegal instruction).
/// - On a CPU other than x86-64 every set runs the target's default code.
public enum VectorInstructionSet: Int, Sendable, CaseIterable, CustomStringConvertible {
    /// x86-64's baseline: SSE2, 2 doubles per vector.
    case baseline = 0
    /// AVX2 with FMA: 4 doubles per vector.
    case avx2 = 1
    /// AVX-512 F, DQ and VL: 8 doubles per vector.
    case avx512 = 2

    /// The widest set this CPU supports.
    public static let fastest = VectorInstructionSet(rawValue: Int(specbook_fastest_instruction_set())) ?? .baseline

    /// Every set this CPU can run, narrowest first.
    public static var supported: [VectorInstructionSet] { allCases.filter { $0.rawValue <= fastest.rawValue } }

    /// `self`, or ``fastest`` when the CPU lacks `self`.
    var available: VectorInstructionSet { rawValue <= Self.fastest.rawValue ? self : Self.fastest }

    public var description: String {
        switch self {
        case .baseline: "baseline"
        case .avx2: "avx2"
        case .avx512: "avx512"
        }
    }
}
