import CVectorKernels
import Foundation
import XCTest

#if canImport(Glibc)
import Glibc
#endif

/// The process settings notebook programs start with (`specbook_tune_allocator`, `specbook_flush_subnormals`).
final class ProcessSettingsTests: XCTestCase {
    /// After tuning, an 8 MiB array allocated on the main thread lies below the program break (the heap), not in a
    /// fresh mapping above it, and one freed and allocated again is served from the heap too.
    func testLargeArraysComeFromTheHeap() throws {
        #if canImport(Glibc)
        XCTAssertEqual(specbook_tune_allocator(), 1, "glibc takes the settings")
        let size = 8 << 20
        let first = try XCTUnwrap(malloc(size))
        let brk = try XCTUnwrap(sbrk(0))
        XCTAssertLessThan(UInt(bitPattern: first), UInt(bitPattern: brk), "inside the heap, below the break")
        free(first)
        let again = try XCTUnwrap(malloc(size))
        defer { free(again) }
        XCTAssertLessThan(UInt(bitPattern: again), UInt(bitPattern: try XCTUnwrap(sbrk(0))))
        #else
        throw XCTSkip("glibc only")
        #endif
    }

    /// On a thread of its own (the setting is per thread, and this process's other tests want IEEE subnormals): a
    /// product of two normal floats that is subnormal (1e-30 × 1e-10) is subnormal before the call and 0 after it, a
    /// subnormal input reads as 0, and a thread started afterwards inherits the setting.
    func testSubnormalsFlushToZeroInTheThreadAndTheThreadsItStarts() throws {
        #if arch(x86_64)
        /// What the threads saw; read after they finished.
        final class Probe: @unchecked Sendable {
            // Read through a pointer the optimiser cannot see through, so the products happen at run time.
            let inputs = UnsafeMutablePointer<Float>.allocate(capacity: 3)
            var before: Float = .nan, after: Float = .nan, input: Float = .nan, inherited: Float = .nan, set: Int32 = -1
            var product: Float { inputs[0] * inputs[1] }
            init() { inputs.initialize(from: [1e-30, 1e-10, Float.leastNormalMagnitude / 4], count: 3) }
            deinit { inputs.deallocate() }
        }
        let probe = Probe()
        let thread = Thread {
            probe.before = probe.product
            probe.set = specbook_flush_subnormals()
            probe.after = probe.product
            probe.input = probe.inputs[2] * 1e30   // a subnormal input, read as 0
            let child = Thread { probe.inherited = probe.product }
            child.start()
            while !child.isFinished { usleep(1000) }
        }
        thread.start()
        while !thread.isFinished { usleep(1000) }
        XCTAssertEqual(probe.set, 1)
        XCTAssertTrue(probe.before.isSubnormal && probe.before > 0, "IEEE before: \(probe.before)")
        XCTAssertEqual(probe.after, 0, "flushed after")
        XCTAssertEqual(probe.input, 0, "a subnormal input reads as zero")
        XCTAssertEqual(probe.inherited, 0, "a thread started afterwards inherits the setting")
        XCTAssertTrue(probe.product.isSubnormal, "this thread is untouched")
        #else
        throw XCTSkip("x86-64 only")
        #endif
    }
}
