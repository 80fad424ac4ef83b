import CVectorKernels
import XCTest

#if canImport(Glibc)
import Glibc
#endif

/// Notebook programs keep large arrays in glibc's heap (`specbook_tune_allocator`, called as the first block starts).
final class AllocatorTuningTests: XCTestCase {
    /// After tuning, an 8 MiB array allocated on the main thread lies below the program break (the heap), not in a
    /// fresh mapping above it, and one freed and allocated again is served from the same memory.
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
}
