import Foundation

// Dispatch on the benchmark name.
let arguments = Array(CommandLine.arguments.dropFirst())
switch arguments.first {
case "lfp":
    runLFPBenchmark(arguments: Array(arguments.dropFirst()))
default:
    FileHandle.standardError.write(Data("usage: specbook-bench lfp [options]\n".utf8))
    exit(2)
}
