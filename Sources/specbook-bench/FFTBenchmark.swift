import Foundation
import SpecbookNumerics

/// `specbook-bench fft [n ...]`: microseconds per real-input forward FFT (n/2 + 1 outputs) with a reused plan.
///
/// For each n prints `n=N swift_us=T complex_us=C baseline_us=B instructions=I`: T for `RealFFTPlan.forward` into
/// preallocated buffers on the CPU's fastest instruction set I, C for `FFTPlan.forward` in place, B for T's transform
/// forced onto baseline x86-64 (SSE2); each the fastest of 300 batches of calls lasting about 1 ms each (on a machine
/// shared with other work, the fastest batch is the one no other process interrupted; bench/fft.sh times FFTW alike).
func runFFTBenchmark(arguments: [String]) throws {
    let sizes = arguments.compactMap { Int($0) }
    for n in sizes.isEmpty ? [1024, 1000, 4096] : sizes {
        var rng = SeededGenerator(seed: UInt64(n))
        let x = (0..<n).map { _ in rng.uniform(-1, 1) }
        let realPlan = try RealFFTPlan(count: n)
        let baselinePlan = try RealFFTPlan(count: n, instructionSet: .baseline)
        let complexPlan = try FFTPlan(count: n)
        var re = x, im = [Double](repeating: 0, count: n)
        var outRe = [Double](repeating: 0, count: realPlan.outputCount), outIm = outRe
        var sink = 0.0
        let realUs = fastestMicroseconds {
            realPlan.forward(x, real: &outRe, imag: &outIm)
            sink += outRe[1]
        }
        let complexUs = fastestMicroseconds {
            complexPlan.forward(real: &re, imag: &im)
            sink += re[1]
        }
        let baselineUs = fastestMicroseconds {
            baselinePlan.forward(x, real: &outRe, imag: &outIm)
            sink += outRe[1]
        }
        let times = [realUs, complexUs, baselineUs].map { String(format: "%.3f", $0) }
        print("n=\(n) swift_us=\(times[0]) complex_us=\(times[1]) baseline_us=\(times[2]) instructions=\(realPlan.instructionSet)"
              + (sink.isNaN ? " " : ""))
    }
}

/// The time per call of the fastest of 300 batches, each batch sized to about 1 ms.
private func fastestMicroseconds(_ body: () throws -> Void) rethrows -> Double {
    func seconds(_ d: Duration) -> Double { Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18 }
    var calls = 1
    while true {
        let start = ContinuousClock.now
        for _ in 0..<calls { try body() }
        if seconds(ContinuousClock.now - start) > 0.001 { break }
        calls *= 2
    }
    var fastest = Double.infinity
    for _ in 0..<300 {
        let start = ContinuousClock.now
        for _ in 0..<calls { try body() }
        fastest = min(fastest, seconds(ContinuousClock.now - start) / Double(calls) * 1e6)
    }
    return fastest
}
