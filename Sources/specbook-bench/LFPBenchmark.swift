import Foundation
import SpecbookNumerics

/// `specbook-bench lfp --dimension D --cutoff K --alpha A --grid N --points FILE --values FILE [--out FILE] [--warmup W]`
///
/// Reads points (row-major n x d) and values as raw little-endian float64, times data -> interpolant
/// values on the N^d grid (solver set-up, Gram matrix, Cholesky, Fourier coefficients, inverse FFT),
/// prints `swift_s=...` and `condition=...`, and writes the grid values as float64 to `--out`.
func runLFPBenchmark(arguments: [String]) {
    var options: [String: String] = [:]
    var index = 0
    while index + 1 < arguments.count {
        options[arguments[index].replacingOccurrences(of: "--", with: "")] = arguments[index + 1]
        index += 2
    }
    func required(_ name: String) -> String {
        guard let value = options[name] else {
            FileHandle.standardError.write(Data("specbook-bench lfp: missing --\(name)\n".utf8))
            exit(2)
        }
        return value
    }
    func readDoubles(_ path: String) -> [Double] {
        guard let data = FileManager.default.contents(atPath: path) else {
            FileHandle.standardError.write(Data("specbook-bench lfp: cannot read \(path)\n".utf8))
            exit(2)
        }
        return data.withUnsafeBytes { Array($0.bindMemory(to: Double.self)) }
    }
    let dimension = Int(required("dimension")) ?? 1
    let cutoff = Int(required("cutoff")) ?? 1
    let alpha = Double(required("alpha")) ?? 2
    let grid = Int(required("grid")) ?? 1
    let warmup = Int(options["warmup"] ?? "1") ?? 1
    let points = readDoubles(required("points"))
    let values = readDoubles(required("values"))

    func seconds(_ d: Duration) -> Double { Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18 }
    var stages = ""
    func solve() throws -> (values: [Double], condition: Double) {
        let t0 = ContinuousClock.now
        let solver = try LFPSolver(dimension: dimension, cutoff: cutoff, weight: .sobolev(alpha: alpha))
        let t1 = ContinuousClock.now
        let h = try solver.interpolate(points: points, values: values)
        let t2 = ContinuousClock.now
        let gridValues = try h.values(onGridOfSize: grid)
        let t3 = ContinuousClock.now
        stages = String(format: "weights:%.4f,interpolate:%.4f,grid:%.4f", seconds(t1 - t0), seconds(t2 - t1), seconds(t3 - t2))
        return (gridValues, h.conditionEstimate)
    }
    do {
        for _ in 0..<warmup { _ = try solve() }
        let start = ContinuousClock.now
        let result = try solve()
        let elapsed = ContinuousClock.now - start
        print("swift_s=\(seconds(elapsed))")
        print("stages=\(stages)")
        print("condition=\(result.condition)")
        if let out = options["out"] {
            let data = result.values.withUnsafeBufferPointer { Data(buffer: $0) }
            _ = FileManager.default.createFile(atPath: out, contents: data)
        }
    } catch {
        FileHandle.standardError.write(Data("specbook-bench lfp: \(error)\n".utf8))
        exit(1)
    }
}
