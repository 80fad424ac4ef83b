// specbook-bench: the Swift side of bench/*.sh. The first argument names the benchmark.
import Foundation
import Specbook
import SpecbookNumerics
import SpecbookWire

// OpenBLAS reads OPENBLAS_CORETYPE and OPENBLAS_THREAD_TIMEOUT when it loads: start again with what notebook programs
// get (the best kernels for this CPU, idle threads that sleep soon) unless the user chose.
let environment = ProcessInfo.processInfo.environment
let kernelsToSet = environment[BLASKernelChoice.variable] == nil ? BLASKernelChoice.coreType(in: environment) : nil
if kernelsToSet != nil || environment[BLASThreadTimeout.variable] == nil {
    if let kernelsToSet { setenv(BLASKernelChoice.variable, kernelsToSet, 1) }
    setenv(BLASThreadTimeout.variable, BLASThreadTimeout.value(in: environment), 1)
    let argv = CommandLine.unsafeArgv
    execv("/proc/self/exe", argv)
}
// The settings a notebook program starts with: subnormal floats flushed to zero, large arrays kept in the heap.
NotebookRuntime.start()
let kernel = BLASKernels.coreName
// The first stderr line, which the bench scripts print: what ran, for the results to name.
FileHandle.standardError.write(Data(
    "# BLAS kernels: OpenBLAS \(kernel); CPU: \(BLASKernelChoice.machineModel); vector loops: \(VectorInstructionSet.fastest)\n".utf8))
if BLASKernelChoice.isGeneric(kernel) {
    FileHandle.standardError.write(Data("warning: OpenBLAS runs generic kernels (\(kernel)) on a CPU that has better ones\n".utf8))
}

let benchmarks: [String: ([String]) throws -> Void] = [
    "mlp": MLPBenchmark.run,
    "wide": WideBenchmark.run,
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
