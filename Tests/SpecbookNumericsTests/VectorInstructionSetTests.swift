import Foundation
import SpecbookNumerics
import XCTest

/// The FFT's per-CPU code paths: each one this CPU can run against the slow DFT, and all of them against each other.
final class VectorInstructionSetTests: XCTestCase {
    /// Lengths that reach every butterfly (2, 3, 4, 5, 8), the generic radix (7, 11, 31), Bluestein (37, 1009), columns
    /// shorter than, equal to and longer than 4, and the bench's sizes.
    let lengths = Array(1...40) + [48, 49, 60, 64, 96, 100, 121, 125, 160, 243, 256, 320, 500, 512, 961, 1000, 1009, 1024,
                                   2048, 4096]

    func testSupportedSetsIncludeBaselineAndFastest() {
        XCTAssertEqual(VectorInstructionSet.supported.first, .baseline)
        XCTAssertEqual(VectorInstructionSet.supported.last, VectorInstructionSet.fastest)
        print("FFT instruction sets on this CPU: \(VectorInstructionSet.supported.map(\.description))")
    }

    func testEverySupportedSetMatchesNaiveDFT() throws {
        for set in VectorInstructionSet.supported {
            for n in lengths {
                let x = randomComplex(n, seed: 31 + UInt64(n))
                let plan = try FFTPlan(count: n, instructionSet: set)
                XCTAssertEqual(plan.instructionSet, set)
                let fast = try plan.forward(x)
                var naive = SplitComplexVector(zeros: n)
                for k in 0..<n { (naive.real[k], naive.imag[k]) = naiveDFT(x, bin: k) }
                XCTAssertLessThan(maxAbsDifference(fast, naive), 1e-12 * Double(n), "\(set), n = \(n)")
            }
        }
    }

    /// No fused multiply-add in any set, so the vector width changes nothing: results agree to the last bit.
    func testEverySetGivesBitIdenticalResults() throws {
        for n in lengths {
            let x = randomComplex(n, seed: 5 + UInt64(n))
            let reference = try FFTPlan(count: n, instructionSet: .baseline).forward(x)
            let real = x.real
            let referenceReal = try RealFFTPlan(count: n, instructionSet: .baseline).forward(real)
            for set in VectorInstructionSet.supported.dropFirst() {
                XCTAssertEqual(try FFTPlan(count: n, instructionSet: set).forward(x), reference, "\(set), n = \(n)")
                XCTAssertEqual(try RealFFTPlan(count: n, instructionSet: set).forward(real), referenceReal, "\(set), n = \(n)")
            }
        }
    }

    func testRealTransformOfEverySetMatchesNaiveDFT() throws {
        for set in VectorInstructionSet.supported {
            for n in lengths {
                let x = randomComplex(n, seed: 77 + UInt64(n)).real
                let plan = try RealFFTPlan(count: n, instructionSet: set)
                let spectrum = try plan.forward(x)
                let input = SplitComplexVector(real: x)
                for k in 0..<plan.outputCount {
                    let (re, im) = naiveDFT(input, bin: k)
                    XCTAssertEqual(spectrum.real[k], re, accuracy: 1e-12 * Double(n), "\(set), n = \(n), k = \(k)")
                    XCTAssertEqual(spectrum.imag[k], im, accuracy: 1e-12 * Double(n), "\(set), n = \(n), k = \(k)")
                }
                XCTAssertLessThan(zip(try plan.inverse(spectrum), x).map { abs($0 - $1) }.max() ?? 0, 1e-13 * Double(max(n, 16)))
            }
        }
    }

    func testEnvironmentNarrowsButNeverWidens() {
        let name = VectorInstructionSet.environmentVariable
        XCTAssertEqual(VectorInstructionSet.chosen(cpu: .avx512, environment: [:]).0, .avx512)
        XCTAssertEqual(VectorInstructionSet.chosen(cpu: .avx512, environment: [name: "baseline"]).0, .baseline)
        XCTAssertEqual(VectorInstructionSet.chosen(cpu: .avx512, environment: [name: "avx2"]).0, .avx2)
        XCTAssertEqual(VectorInstructionSet.chosen(cpu: .avx2, environment: [name: "avx512"]).0, .avx2, "never wider than the CPU")
        let (set, warning) = VectorInstructionSet.chosen(cpu: .avx2, environment: [name: "sse9"])
        XCTAssertEqual(set, .avx2)
        XCTAssertEqual(warning, "warning: SPECBOOK_VECTOR_INSTRUCTIONS=sse9 is not one of baseline, avx2, avx512; using avx2")
        XCTAssertNil(VectorInstructionSet.chosen(cpu: .baseline, environment: [name: "avx2"]).1)
    }

    /// A set the CPU lacks is never run: the plan falls back to the fastest one it has.
    func testUnsupportedSetFallsBackToFastest() throws {
        let widest = VectorInstructionSet.allCases.last!
        let plan = try FFTPlan(count: 64, instructionSet: widest)
        XCTAssertEqual(plan.instructionSet, VectorInstructionSet.supported.contains(widest) ? widest : VectorInstructionSet.fastest)
    }
}
