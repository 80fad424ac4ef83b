import SpecbookWire
import XCTest

final class BLASKernelChoiceTests: XCTestCase {
    let cpuinfo = """
    processor\t: 0
    vendor_id\t: GenuineIntel
    model name\t: Intel(R) Xeon(R) Platinum
    flags\t\t: fpu sse sse2 ssse3 fma avx avx2 avx512f avx512dq avx512bw avx512vl
    processor\t: 1
    flags\t\t: fpu sse
    """

    func testFlagsOfTheFirstCPU() {
        let flags = BLASKernelChoice.flags(cpuinfo: cpuinfo)
        XCTAssertTrue(flags.isSuperset(of: ["avx2", "fma", "avx512f", "avx512vl"]))
        XCTAssertEqual(flags.count, 11)
        XCTAssertEqual(BLASKernelChoice.flags(cpuinfo: "no flags here"), [])
    }

    func testBestFamilyFollowsTheFeatures() {
        let avx512: Set<String> = ["avx2", "fma", "avx512f", "avx512dq", "avx512bw", "avx512vl"]
        XCTAssertEqual(BLASKernelChoice.best(for: avx512, amd: false), "SkylakeX")
        XCTAssertEqual(BLASKernelChoice.best(for: avx512.union(["avx512_bf16"]), amd: true, family: 26), "Cooperlake",
                       "Zen 5")
        XCTAssertEqual(BLASKernelChoice.best(for: avx512.union(["avx512_bf16"]), amd: false, family: 6), "Cooperlake")
        XCTAssertEqual(BLASKernelChoice.best(for: avx512.union(["avx512_bf16"]), amd: true, family: 25), "Zen",
                       "Zen 4 runs 512-bit instructions in two halves")
        XCTAssertEqual(BLASKernelChoice.best(for: ["avx2", "fma"], amd: false), "Haswell")
        XCTAssertEqual(BLASKernelChoice.best(for: ["avx2", "fma"], amd: true), "Zen")
        XCTAssertEqual(BLASKernelChoice.best(for: ["avx2", "fma", "avx512f"], amd: false), "Haswell", "F alone is not enough")
        XCTAssertNil(BLASKernelChoice.best(for: ["sse2", "avx"], amd: false))
        XCTAssertNil(BLASKernelChoice.best(for: ["avx2"], amd: false), "no FMA, no Haswell kernels")
    }

    func testTheUsersChoiceWins() {
        let flags: Set<String> = ["avx2", "fma"]
        XCTAssertEqual(BLASKernelChoice.coreType(in: [:], flags: flags, amd: false), "Haswell")
        XCTAssertEqual(BLASKernelChoice.coreType(in: ["OPENBLAS_CORETYPE": "Prescott"], flags: flags, amd: false), "Prescott")
        XCTAssertEqual(BLASKernelChoice.coreType(in: ["OPENBLAS_CORETYPE": ""], flags: flags, amd: false), "")
        XCTAssertNil(BLASKernelChoice.coreType(in: [:], flags: ["sse2"], amd: false))
    }

    func testGenericKernelsAreCalledOutOnlyWhereBetterOnesExist() {
        let avx2: Set<String> = ["avx2", "fma"]
        XCTAssertTrue(BLASKernelChoice.isGeneric("Prescott", for: avx2))
        XCTAssertTrue(BLASKernelChoice.isGeneric("Sandybridge", for: avx2))
        XCTAssertFalse(BLASKernelChoice.isGeneric("Haswell", for: avx2))
        XCTAssertFalse(BLASKernelChoice.isGeneric("ZEN", for: avx2))
        XCTAssertFalse(BLASKernelChoice.isGeneric("Prescott", for: ["sse3"]))
    }
}
