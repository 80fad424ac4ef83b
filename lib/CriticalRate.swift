import Specbook

/// The norm figure of a critical-rate page: the norm away from the data against K with the fitted power law dashed
/// (left), and 1/‖h_K‖ against G_K(0) (right), one colour and marker per rate.
///
/// ```swift
/// try show(normFigure(sweeps, cutoffs: cutoffs, fitFrom: 256, ticks: [16, 64, 256, 1024, 4096]))
/// ```
/// **Edge cases:** up to ten rates (the tab10 colours); `ticks` label K as powers of two.
func normFigure(_ sweeps: [LFPCriticalRate.Sweep], cutoffs: [Int], fitFrom: Int, ticks: [Int]) throws -> Figure {
    let figure = try Figure(rows: 1, columns: 2, width: 1000, height: 430)
    let (left, right, from) = (figure[0, 0], figure[0, 1], Double(fitFrom))
    for (i, s) in sweeps.enumerated() {
        let (color, marker, alpha) = (Color.tab10[i], Marker.allCases[i % 4], significant(s.alpha))
        try left.line(x: cutoffs.map(Double.init), y: s.norms.map(\.l2), label: "α = \(alpha): p = "
                      + signed(s.fit.l2Exponent, decimals: 2), color: color, width: 1.5, marker: marker,
                      markerSize: 5)
        try left.powerLawGuide(exponent: s.fit.l2Exponent, through: (from, s.fittedNorm(at: from)),
                               over: from...Double(cutoffs.last!), color: color.opacity(0.6), width: 3)
        try right.line(x: s.kernelAtZero, y: s.norms.map { 1 / $0.l2 }, label: "α = \(alpha)", color: color,
                       width: 1.5, marker: marker, markerSize: 5)
    }
    (left.xTicks, left.xTickLabels) = (ticks.map(Double.init), ticks.map { "2^{\($0.trailingZeroBitCount)}" })
    (left.xLabel, left.yLabel) = ("cut-off K", "‖h_{K}‖ away from the data")
    (right.xLabel, right.yLabel) = ("G_{K}(0) = Σ_{k} w(k)^{−1}", "1 / ‖h_{K}‖ away from the data")
    for panel in [left, right] { (panel.xScale, panel.yScale) = (.log, .log) }
    (left.legendLocation, right.legendLocation) = (.lowerLeft, .upperLeft)
    return figure
}

/// Checks every rate but the borderline one against the theory's verdict, and reports the bracket the measured
/// verdicts give: `bracket_low` (the largest trivial rate) and `bracket_high` (the smallest regular one).
///
/// **Edge cases:** no trivial (or no regular) rate reports `nan` for that end. The checks carry the caller's line.
func checkVerdicts(_ sweeps: [LFPCriticalRate.Sweep], file: String = #file, line: Int = #line) {
    for s in sweeps where s.prediction != .borderline {
        check("α = \(significant(s.alpha)): \(s.prediction.rawValue) as the theory says (exponent "
              + "\(signed(s.fit.l2Exponent)), criterion −0.15)", s.fit.regime.rawValue == s.prediction.rawValue,
              file: file, line: line)
    }
    report("bracket_low", significant(sweeps.filter { $0.fit.regime == .trivial }.map(\.alpha).max() ?? .nan))
    report("bracket_high", significant(sweeps.filter { $0.fit.regime == .regular }.map(\.alpha).min() ?? .nan))
}

/// Checks the borderline rate α = d on its own terms (G_K(0) grows by a constant step per doubling of K, 1/‖h_K‖
/// is affine in it and grows, the norm falls at every doubling) and reports its measurements as `borderline_*`.
///
/// **Edge cases:** the sweeps must hold the rate α = d (a programmer error otherwise). The checks carry the
/// caller's line.
@discardableResult
func checkBorderline(_ sweeps: [LFPCriticalRate.Sweep], file: String = #file, line: Int = #line) -> LFPCriticalRate.Sweep {
    guard let border = sweeps.first(where: { $0.prediction == .borderline }) else {
        fatalError("checkBorderline: no sweep at α = d")
    }
    let alpha = "α = \(significant(border.alpha))"
    check("\(alpha): G_K(0) grows by a constant step per doubling (last / first)", border.growthRatio, in: 0.9...1.1,
          file: file, line: line)
    check("\(alpha): 1/‖h_K‖ affine in G_K(0), largest relative error", border.inverseNormResidual, lessThan: 0.02,
          file: file, line: line)
    check("\(alpha): 1/‖h_K‖ grows with G_K(0) (slope of the line)", border.inverseNormFit.slope, greaterThan: 0,
          file: file, line: line)
    check("\(alpha): the norm away from the data falls at every doubling of K", border.normFalls, file: file, line: line)
    report("borderline_regime", border.fit.regime.rawValue)
    report("borderline_fit", signed(border.fit.l2Exponent))
    report("borderline_increment", significant(border.increments.last!))
    report("borderline_growth_ratio", String(format: "%.3f", border.growthRatio))
    report("borderline_residual", percent(border.inverseNormResidual, decimals: 2))
    return border
}
