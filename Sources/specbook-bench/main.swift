import Foundation

// Dispatch on the benchmark name.
let arguments = Array(CommandLine.arguments.dropFirst())
switch arguments.first {
case "fft":
    runFFTBenchmark(arguments: Array(arguments.dropFirst()))
case "lfp":
    runLFPBenchmark(arguments: Array(arguments.dropFirst()))
default:
    FileHandle.standardError.write(Data("usage: specbook-bench lfp|fft [options]\n".utf8))
    exit(2)
}
