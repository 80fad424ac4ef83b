// specbook-bench: the Swift side of bench/*.sh. The first argument names the benchmark.
import Foundation

let benchmarks: [String: ([String]) throws -> Void] = [
    "mlp": MLPBenchmark.run,
    "lfp": { runLFPBenchmark(arguments: $0) },
    "figures": { runFiguresBenchmark(arguments: $0) },
    "fft": { try runFFTBenchmark(arguments: $0) },
]

let arguments = Array(CommandLine.arguments.dropFirst())
guard let name = arguments.first, let run = benchmarks[name] else {
    let names = benchmarks.keys.sorted().joined(separator: "|")
    FileHandle.standardError.write(Data("usage: specbook-bench \(names) [options]\n".utf8))
    exit(2)
}
do {
    try run(Array(arguments.dropFirst()))
} catch {
    FileHandle.standardError.write(Data("specbook-bench \(name): \(error)\n".utf8))
    exit(1)
}
