import Foundation
import SpecbookFigures

/// The figure `bench/figures.sh` draws on both sides: a 2000-point line plot with a legend, a
/// log-log spectrum of 1000 points and a 200 x 200 heat map with a colour bar, side by side.
func benchmarkFigure() throws -> Figure {
    let fig = try Figure(rows: 1, columns: 3, width: 1500, height: 450)
    fig.suptitle = "Figures benchmark"
    let x = (0..<2000).map { 10 * Double($0) / 1999 }
    let lines = fig[0, 0]
    try lines.line(x: x, y: x.map { sin(2 * .pi * 0.5 * $0) + 0.3 * sin(2 * .pi * 3 * $0) }, label: "target")
    try lines.line(x: x, y: x.map { sin(2 * .pi * 0.5 * $0) }, label: "network", style: .dashed)
    lines.legend()
    lines.title = "Fit"
    lines.xLabel = "x"
    lines.yLabel = "h(x)"
    let k = (1...1000).map(Double.init)
    let spectrum = fig[0, 1]
    try spectrum.line(x: k, y: k.map { (1 + 0.5 * sin($0)) / ($0 * $0) }, label: "|r̂(k)|")
    spectrum.xScale = .log
    spectrum.yScale = .log
    spectrum.title = "Spectrum"
    spectrum.xLabel = "frequency k"
    spectrum.yLabel = "amplitude"
    let grid = (0..<200).map { f in (0..<200).map { e in exp(-Double(e) / (1 + Double(f) / 4)) } }
    let heat = fig[0, 2]
    try heat.heatmap(grid, colorMap: .viridis, colorBarLabel: "relative error")
    heat.title = "Error by epoch and frequency"
    heat.xLabel = "epoch"
    heat.yLabel = "frequency"
    return fig
}

/// Builds and writes the benchmark figure (PNG at 2x and SVG) `--iterations` times and prints the
/// median milliseconds per build-and-write as `swift_ms=...`.
///
/// ```
/// specbook-bench figures --iterations 10 --out /tmp/figures-bench
/// ```
func runFiguresBenchmark(arguments: [String]) {
    var iterations = 10
    var folder = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("specbook-figures-bench")
    var index = 0
    while index < arguments.count {
        let value = index + 1 < arguments.count ? arguments[index + 1] : ""
        switch arguments[index] {
        case "--iterations": iterations = max(1, Int(value) ?? iterations)
        case "--out": folder = URL(fileURLWithPath: value)
        default: break
        }
        index += 2
    }
    do {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var times: [Double] = []
        var png = 0.0, svg = 0.0
        for _ in 0..<iterations {
            let start = DispatchTime.now().uptimeNanoseconds
            let fig = try benchmarkFigure()
            try fig.write(to: folder.appendingPathComponent("figures.png"), format: .png)
            let middle = DispatchTime.now().uptimeNanoseconds
            try fig.write(to: folder.appendingPathComponent("figures.svg"), format: .svg)
            let end = DispatchTime.now().uptimeNanoseconds
            times.append(Double(end - start) / 1e6)
            png += Double(middle - start) / 1e6
            svg += Double(end - middle) / 1e6
        }
        let median = times.sorted()[times.count / 2]
        print(String(format: "swift_ms=%.2f swift_png_ms=%.2f swift_svg_ms=%.2f", median, png / Double(iterations), svg / Double(iterations)))
    } catch {
        FileHandle.standardError.write("figures benchmark failed: \(error)\n".data(using: .utf8)!)
        exit(1)
    }
}
