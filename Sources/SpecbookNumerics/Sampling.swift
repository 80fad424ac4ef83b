import Foundation

/// Epochs at which to record a training run: every epoch up to `dense`, then `perDecade` log-spaced ones per
/// decade up to `last`, which is always included; sorted, without repeats.
///
/// ```swift
/// logSpacedEpochs(upTo: 10_000, dense: 100, perDecade: 60)   // 1...100, then ~60 per decade, then 10000
/// ```
/// **Edge cases:** `last` below 1 gives no epochs; `dense` below 1 starts the log spacing at epoch 1;
/// `perDecade` below 1 counts as 1.
public func logSpacedEpochs(upTo last: Int, dense: Int, perDecade: Int) -> [Int] {
    guard last >= 1 else { return [] }
    var epochs = Set(1...max(1, min(dense, last)))
    var e = Double(max(1, dense))
    // e_{j+1} = e_j · 10^(1/perDecade)
    while e < Double(last) {
        e *= pow(10, 1 / Double(max(1, perDecade)))
        epochs.insert(min(last, Int(e.rounded())))
    }
    epochs.insert(last)
    return epochs.sorted()
}

/// `values` minus their mean: data centred at zero.
///
/// **Edge cases:** an empty array stays empty; a non-finite value makes every entry non-finite.
public func centred(_ values: [Double]) -> [Double] {
    guard !values.isEmpty else { return [] }
    let mean = values.reduce(0, +) / Double(values.count)
    return values.map { $0 - mean }
}
