import Dispatch
import Foundation

/// Splits work over the cores once each core gets enough of it to pay for the hand-off.
enum ParallelSlices {
    /// Workers for `items` items, one per core, but only as many as get `minimumPerWorker` items each.
    static func workerCount(items: Int, minimumPerWorker: Int) -> Int {
        Swift.max(1, Swift.min(ProcessInfo.processInfo.activeProcessorCount, items / minimumPerWorker))
    }

    /// Runs `body` on contiguous slices of 0..<n, in parallel when n is at least 2 × 16 Ki
    /// (below that, waking a second thread costs more than the loop).
    static func run(count n: Int, _ body: (Range<Int>) -> Void) {
        let slices = workerCount(items: n, minimumPerWorker: 16_384)
        if slices == 1 { return body(0..<n) }
        let size = (n + slices - 1) / slices
        DispatchQueue.concurrentPerform(iterations: slices) { s in
            body((s * size)..<Swift.min(n, (s + 1) * size))
        }
    }
}

/// The size of one core's caches, as the system reports them.
enum CoreCache {
    /// Bytes of a core's L2 cache, at most 4 MiB; 512 KiB where the system does not tell (or tells less than 256 KiB).
    static let level2Bytes: Int = {
        let bytes = sysconf(Int32(_SC_LEVEL2_CACHE_SIZE))
        return bytes >= 256 * 1024 ? Swift.min(bytes, 4 << 20) : 512 * 1024
    }()
}
