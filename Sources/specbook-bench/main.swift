import Foundation

// Benchmarks for bench/*.sh: the first argument names the benchmark, the rest are its options.
let arguments = Array(CommandLine.arguments.dropFirst())
switch arguments.first {
case "figures":
    runFiguresBenchmark(arguments: Array(arguments.dropFirst()))
default:
    FileHandle.standardError.write("usage: specbook-bench figures [options]\n".data(using: .utf8)!)
    exit(2)
}
