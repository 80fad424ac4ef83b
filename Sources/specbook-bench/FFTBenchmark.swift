import Foundation
import SpecbookNumerics

/// `specbook-bench fft [n ...]`: microseconds per real-input forward FFT (n/2 + 1 outputs) with a reused plan.
///
/// For each n prints `n=N swift_us=T complex_us=C`, T for `RealFFTPlan.forward` into preallocated buffers, C for `FFTPlan.forward`
/// in place; each the median of 15 batches, each batch timed over enough calls to last about 20 ms.
func runFFTBenchmark(arguments: [String]) throws {
    let sizes = arguments.compactMap { Int($0) }
    for n in sizes.isEmpty ? [1024, 1000, 4096] : sizes {
        var rng = SeededGenerator(seed: UInt64(n))
        let x = (0..<n).map { _ in rng.uniform(-1, 1) }
        let realPlan = try RealFFTPlan(count: n)
        let complexPlan = try FFTPlan(count: n)
        var re = x, im = [Double](repeating: 0, count: n)
        var outRe = [Double](repeating: 0, count: realPlan.outputCount), outIm = outRe
        var sink = 0.0
        let realUs = medianMicroseconds {
            realPlan.forward(x, real: &outRe, imag: &outIm)
            sink += outRe[1]
        }
        let complexUs = medianMicroseconds {
            complexPlan.forward(real: &re, imag: &im)
            sink += re[1]
        }
        print("n=\(n) swift_us=\(String(format: "%.3f", realUs)) complex_us=\(String(format: "%.3f", complexUs))" + (sink.isNaN ? " " : ""))
    }
}

/// Median over 15 batches of the time per call, batches sized to about 20 ms.
private func medianMicroseconds(_ body: () throws -> Void) rethrows -> Double {
    func seconds(_ d: Duration) -> Double { Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18 }
    var calls = 1
    while true {
        let start = ContinuousClock.now
        for _ in 0..<calls { try body() }
        if seconds(ContinuousClock.now - start) > 0.02 { break }
        calls *= 2
    }
    var samples: [Double] = []
    for _ in 0..<15 {
        let start = ContinuousClock.now
        for _ in 0..<calls { try body() }
        samples.append(seconds(ContinuousClock.now - start) / Double(calls) * 1e6)
    }
    return samples.sorted()[samples.count / 2]
}
