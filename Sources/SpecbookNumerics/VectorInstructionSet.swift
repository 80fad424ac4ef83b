import CVectorKernels
import Foundation

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
/// `SPECBOOK_VECTOR_INSTRUCTIONS=baseline` (or `avx2`) narrows ``fastest`` for the whole process, so the test command
/// runs the numerics tests once more on the code a baseline x86-64 CPU runs.
///
/// **Edge cases:**
/// - Asking for a set the CPU lacks gives ``fastest`` instead (never an illegal instruction); so does naming a wider
///   set in `SPECBOOK_VECTOR_INSTRUCTIONS` than the CPU has.
/// - An unknown value of `SPECBOOK_VECTOR_INSTRUCTIONS` is ignored with a warning on stderr naming the valid ones.
/// - On a CPU other than x86-64 every set runs the target's default code.
public enum VectorInstructionSet: Int, Sendable, CaseIterable, CustomStringConvertible {
    /// x86-64's baseline: SSE2, 2 doubles per vector.
    case baseline = 0
    /// AVX2 with FMA: 4 doubles per vector.
    case avx2 = 1
    /// AVX-512 F, DQ and VL: 8 doubles per vector.
    case avx512 = 2

    /// The environment variable that narrows ``fastest``: `baseline`, `avx2` or `avx512`.
    public static let environmentVariable = "SPECBOOK_VECTOR_INSTRUCTIONS"

    /// The widest set this CPU supports, unless `SPECBOOK_VECTOR_INSTRUCTIONS` names a narrower one.
    public static let fastest: VectorInstructionSet = {
        let cpu = VectorInstructionSet(rawValue: Int(specbook_fastest_instruction_set())) ?? .baseline
        let (set, warning) = chosen(cpu: cpu, environment: ProcessInfo.processInfo.environment)
        if let warning { FileHandle.standardError.write(Data((warning + "\n").utf8)) }
        return set
    }()

    /// The set to run on a CPU whose widest is `cpu`, given the environment, and a warning for a value not understood.
    public static func chosen(cpu: VectorInstructionSet, environment: [String: String]) -> (VectorInstructionSet, String?) {
        guard let value = environment[environmentVariable] else { return (cpu, nil) }
        guard let asked = allCases.first(where: { $0.description == value }) else {
            let names = allCases.map(\.description).joined(separator: ", ")
            return (cpu, "warning: \(environmentVariable)=\(value) is not one of \(names); using \(cpu)")
        }
        return (asked.rawValue < cpu.rawValue ? asked : cpu, nil)
    }

    /// Every set this process can run, narrowest first.
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
