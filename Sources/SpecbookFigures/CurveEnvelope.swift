import Foundation

/// A long curve thinned for drawing: the points split into `bins` runs of consecutive points, and of each run
/// only its lowest and highest point kept, in their order. Spikes narrower than a pixel survive, which plain
/// subsampling (every n-th point) would skip.
///
/// ```swift
/// let (x, y) = minMaxEnvelope(x: gridX, y: values, bins: 600)   // at most 1200 points, every needle kept
/// try ax.line(x: x, y: y)
/// ```
/// **Edge cases:** `x` and `y` of different counts are cut to the shorter; `bins` below 1 counts as 1; a
/// curve of at most 2 `bins` points comes back unchanged; NaN values are passed over, and a run of only NaN
/// keeps one NaN point so that the drawn line breaks there.
public func minMaxEnvelope(x: [Double], y: [Double], bins: Int) -> (x: [Double], y: [Double]) {
    let count = min(x.count, y.count)
    let bins = max(1, bins)
    guard count > 2 * bins else { return (Array(x.prefix(count)), Array(y.prefix(count))) }
    let size = count / bins
    var outX: [Double] = [], outY: [Double] = []
    outX.reserveCapacity(2 * bins + 2)
    outY.reserveCapacity(2 * bins + 2)
    for start in stride(from: 0, to: count, by: size) {
        let run = (start..<min(count, start + size)).filter { !y[$0].isNaN }
        guard let low = run.min(by: { y[$0] < y[$1] }), let high = run.max(by: { y[$0] < y[$1] }) else {
            outX.append(x[start]); outY.append(.nan)
            continue
        }
        for i in Set([low, high]).sorted() { outX.append(x[i]); outY.append(y[i]) }
    }
    return (outX, outY)
}
