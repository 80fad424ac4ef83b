import Foundation

extension LFPCriticalRate {
    /// What the theory predicts for a decay rate in dimension d: trivial below alpha = d, regular above, and a
    /// borderline at alpha = d, where G_K(0) grows like log K and h_K reaches the trivial limit only like 1/log K.
    public enum Prediction: String, Sendable { case trivial, borderline, regular }

    /// The theory's regime of `alpha` in `dimension` dimensions: trivial below d, borderline at d, regular above.
    ///
    /// ```swift
    /// LFPCriticalRate.prediction(alpha: 1.5, dimension: 2)   // .trivial
    /// LFPCriticalRate.prediction(alpha: 2, dimension: 2)     // .borderline
    /// ```
    /// **Edge cases:** a NaN alpha is `.regular` (it is neither below nor at d); alpha must equal d exactly to be
    /// `.borderline`.
    public static func prediction(alpha: Double, dimension: Int) -> Prediction {
        alpha < Double(dimension) ? .trivial : alpha == Double(dimension) ? .borderline : .regular
    }

    /// The side N of the evaluation grid on which norms away from the data are measured at cut-off K: fine
    /// enough for needles of width about 1/K (4K points per axis in 1-D, 2K in 2-D and 3-D), and at least
    /// 4096 points in 1-D and 512 per axis in 2-D so that small cut-offs still resolve radii of a few hundredths.
    ///
    /// ```swift
    /// LFPCriticalRate.gridSize(dimension: 1, cutoff: 65536)   // 262144
    /// LFPCriticalRate.gridSize(dimension: 2, cutoff: 128)     // 512
    /// ```
    /// **Edge cases:** a cut-off below 1 counts as 1; dimensions above 3 use the 3-D rule.
    public static func gridSize(dimension: Int, cutoff: Int) -> Int {
        let k = max(1, cutoff)
        switch dimension {
        case ...1: return max(4096, 4 * k)
        case 2: return max(512, 2 * k)
        default: return 2 * k
        }
    }

    /// The fitted exponents and regime of one alpha from norms measured at `cutoffs`.
    static func measurement(alpha: Double, cutoffs: [Int], norms: [AwayFromDataNorm], slopeThreshold: Double) -> Measurement {
        let l2 = fittedExponent(cutoffs: cutoffs, norms: norms.map(\.l2))
        let sup = fittedExponent(cutoffs: cutoffs, norms: norms.map(\.sup))
        return Measurement(alpha: alpha, cutoffs: cutoffs, norms: norms, l2Exponent: l2, supExponent: sup,
                           regime: l2 < -slopeThreshold ? .trivial : .regular)
    }

    /// One decay rate over a ladder of cut-offs: the norm of h_K away from the data, the kernel's value at zero
    /// G_K(0) = Σ_k w(k)^-1, the library's verdict over the fit range K ≥ `fitFrom`, and the measurements that
    /// explain it: how G_K(0) grows per step of K, and how well 1/‖h_K‖ is an affine function of G_K(0).
    ///
    /// Once G_K(0) dominates the Gram matrix, the coefficients and so the norm away from the data shrink like
    /// 1/(a + b G_K(0)); the norm tends to 0 exactly when G_K(0) diverges, i.e. when alpha ≤ d.
    ///
    /// ```swift
    /// let sweep = try LFPCriticalRate.sweep(dimension: 1, alpha: 1, cutoffs: [64, 128, 256, 512, 1024],
    ///                                       fitFrom: 128, points: [0.25, 0.75], values: [0.9, 0.9], radius: 0.05)
    /// sweep.fit.regime              // the library's verdict over K >= 128
    /// sweep.growthRatio             // ≈ 1: G_K(0) grows by ln 2 / π per doubling, a logarithmic divergence
    /// sweep.inverseNormResidual     // small: 1/‖h_K‖ is affine in G_K(0)
    /// ```
    /// **Edge cases:**
    /// - The fit range needs at least two cut-offs (else `LFPError.invalidParameter`); `growthRatio` needs three
    ///   and is NaN with two.
    /// - `cutoffs` are taken in increasing order; every one is measured on the same grid (`gridSize`, by default
    ///   ``gridSize(dimension:cutoff:)`` of the largest), so the fit range sees exactly what ``measure`` sees.
    ///
    /// A sweep is `Codable` (so a notebook can keep it with `cached`): its measurements are stored as measured and
    /// the line through them is fitted again when it is read back.
    public struct Sweep: Sendable, Equatable {
        public let dimension: Int
        public let alpha: Double
        /// Every cut-off, increasing.
        public let cutoffs: [Int]
        /// ‖h_K‖ away from the data at every cut-off.
        public let norms: [AwayFromDataNorm]
        /// G_K(0) = Σ_{|k|∞ ≤ K} w(k)^-1 at every cut-off.
        public let kernelAtZero: [Double]
        /// The smallest cut-off of the fit range.
        public let fitFrom: Int
        /// The library's measurement over the fit range: fitted exponents and regime.
        public let fit: Measurement
        /// The least-squares line 1/‖h_K‖ = a + b G_K(0) over the fit range.
        public let inverseNormFit: LineFit
        /// The largest relative residual |a + b G_K(0) − 1/‖h_K‖| / (1/‖h_K‖) of that line over the fit range.
        public let inverseNormResidual: Double

        /// A sweep from values measured elsewhere (``LFPCriticalRate/sweep(dimension:alpha:cutoffs:fitFrom:points:values:radius:gridSize:slopeThreshold:weight:)``
        /// measures them itself).
        ///
        /// ```swift
        /// let stored = try LFPCriticalRate.Sweep(dimension: 1, alpha: 0.5, cutoffs: [64, 128, 256], norms: norms,
        ///                                        kernelAtZero: g0, fitFrom: 64)
        /// ```
        /// **Edge cases:** cut-offs are sorted with their values; one norm and one G_K(0) per cut-off, and at
        /// least two cut-offs from `fitFrom` on, or `LFPError.invalidParameter`; equal G_K(0) over the whole fit
        /// range (no line through them) throws ``NumericsError``.
        public init(dimension: Int, alpha: Double, cutoffs: [Int], norms: [AwayFromDataNorm], kernelAtZero: [Double],
                    fitFrom: Int, slopeThreshold: Double = 0.15) throws {
            guard norms.count == cutoffs.count, kernelAtZero.count == cutoffs.count else {
                throw LFPError.invalidParameter(name: "norms.count", value: Double(norms.count),
                                                requirement: "one norm and one G_K(0) per cut-off (\(cutoffs.count))")
            }
            let order = cutoffs.indices.sorted { cutoffs[$0] < cutoffs[$1] }
            let fitted = order.filter { cutoffs[$0] >= fitFrom }
            guard fitted.count >= 2 else {
                throw LFPError.invalidParameter(name: "fitFrom", value: Double(fitFrom),
                                                requirement: "leaves \(fitted.count) cut-offs; a slope needs two")
            }
            let fit = LFPCriticalRate.measurement(alpha: alpha, cutoffs: fitted.map { cutoffs[$0] },
                                                  norms: fitted.map { norms[$0] }, slopeThreshold: slopeThreshold)
            try self.init(dimension: dimension, alpha: alpha, cutoffs: order.map { cutoffs[$0] },
                          norms: order.map { norms[$0] }, kernelAtZero: order.map { kernelAtZero[$0] },
                          fitFrom: fitFrom, fit: fit)
        }

        /// A sweep from sorted measurements and their fit; the line 1/‖h_K‖ = a + b G_K(0) is fitted over `fit`'s range.
        init(dimension: Int, alpha: Double, cutoffs: [Int], norms: [AwayFromDataNorm], kernelAtZero: [Double],
             fitFrom: Int, fit: Measurement) throws {
            self.dimension = dimension
            self.alpha = alpha
            self.cutoffs = cutoffs
            self.norms = norms
            self.kernelAtZero = kernelAtZero
            self.fitFrom = fitFrom
            self.fit = fit
            let g = Array(kernelAtZero.suffix(fit.cutoffs.count)), inverse = fit.norms.map { 1 / $0.l2 }
            let line = try LineFit(x: g, y: inverse)
            inverseNormFit = line
            inverseNormResidual = zip(g, inverse).map { abs(line.intercept + line.slope * $0 - $1) / $1 }.max() ?? .nan
        }

        /// The theory's regime for this alpha and dimension.
        public var prediction: Prediction { LFPCriticalRate.prediction(alpha: alpha, dimension: dimension) }

        /// G_K(0) over the fit range.
        public var fitKernelAtZero: [Double] { Array(kernelAtZero.suffix(fit.cutoffs.count)) }

        /// The growth of G_K(0) from one cut-off of the fit range to the next.
        public var increments: [Double] { zip(fitKernelAtZero, fitKernelAtZero.dropFirst()).map { $1 - $0 } }

        /// Last over first increment: above 1 for a power-law divergence, 1 for a logarithmic one (on doublings),
        /// below 1 when G_K(0) converges; NaN with fewer than two increments.
        public var growthRatio: Double { increments.count >= 2 ? increments.last! / increments.first! : .nan }

        /// The fitted exponent p of 1/G_K(0) ~ K^p over the fit range: the norm's exponent if it followed 1/G_K(0).
        public var kernelExponent: Double {
            LFPCriticalRate.fittedExponent(cutoffs: fit.cutoffs, norms: fitKernelAtZero.map { 1 / $0 })
        }

        /// Whether the norm away from the data falls at every step of the fit range.
        public var normFalls: Bool {
            let l2 = fit.norms.map(\.l2)
            return zip(l2, l2.dropFirst()).allSatisfy { $1 < $0 }
        }

        /// The fitted power law c K^p of the norm at `cutoff`, for drawing it.
        public func fittedNorm(at cutoff: Double) -> Double {
            let line = try? LineFit.powerLaw(x: fit.cutoffs.map(Double.init), y: fit.norms.map(\.l2))
            return line.map { exp($0.intercept) * pow(cutoff, $0.slope) } ?? .nan
        }
    }

    /// Solves for every cut-off and measures the norm away from the data and G_K(0): a ``Sweep``.
    ///
    /// ```swift
    /// let sweep = try LFPCriticalRate.sweep(dimension: 2, alpha: 1.5, cutoffs: [32, 64, 128, 256], fitFrom: 64,
    ///                                       points: points, values: values, radius: 0.04)
    /// print(sweep.fit.l2Exponent, sweep.fit.regime, sweep.kernelAtZero)
    /// ```
    /// **Edge cases:** the solver's errors pass through (points outside the torus, a radius that leaves no grid
    /// point, work beyond the memory limit); `gridSize` nil uses ``gridSize(dimension:cutoff:)`` of the largest
    /// cut-off for every cut-off.
    public static func sweep(dimension: Int, alpha: Double, cutoffs: [Int], fitFrom: Int = 0, points: [Double],
                             values: [Double], radius: Double, gridSize: Int? = nil, slopeThreshold: Double = 0.15,
                             weight: (Double) -> LFPWeight = { .sobolev(alpha: $0) }) throws -> Sweep {
        let grid = gridSize ?? Self.gridSize(dimension: dimension, cutoff: cutoffs.max() ?? 1)
        let origin = [Double](repeating: 0, count: dimension)
        var norms: [AwayFromDataNorm] = [], atZero: [Double] = []
        for K in cutoffs {
            let solver = try LFPSolver(dimension: dimension, cutoff: K, weight: weight(alpha))
            atZero.append(try solver.kernel(at: origin)[0])
            norms.append(try solver.interpolate(points: points, values: values).awayFromDataNorm(radius: radius, gridSize: grid))
        }
        return try Sweep(dimension: dimension, alpha: alpha, cutoffs: cutoffs, norms: norms, kernelAtZero: atZero,
                         fitFrom: fitFrom, slopeThreshold: slopeThreshold)
    }
}

extension LFPCriticalRate.Sweep: Codable {
    private enum CodingKeys: String, CodingKey { case dimension, alpha, cutoffs, norms, kernelAtZero, fitFrom, fit }

    /// A stored sweep: its measurements and fit as stored, the line through them fitted again (the same arithmetic
    /// on the same numbers, so the same line). **Edge cases:** a fit range of fewer than two cut-offs or equal
    /// G_K(0) over it throws, as the measuring initialiser does.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let fit = try c.decode(LFPCriticalRate.Measurement.self, forKey: .fit)
        let cutoffs = try c.decode([Int].self, forKey: .cutoffs)
        let norms = try c.decode([AwayFromDataNorm].self, forKey: .norms)
        let atZero = try c.decode([Double].self, forKey: .kernelAtZero)
        guard norms.count == cutoffs.count, atZero.count == cutoffs.count, fit.cutoffs.count >= 2,
              fit.cutoffs.count <= cutoffs.count, fit.norms.count == fit.cutoffs.count else {
            throw DecodingError.dataCorruptedError(forKey: .fit, in: c, debugDescription: "inconsistent stored sweep")
        }
        try self.init(dimension: c.decode(Int.self, forKey: .dimension), alpha: c.decode(Double.self, forKey: .alpha),
                      cutoffs: cutoffs, norms: norms, kernelAtZero: atZero,
                      fitFrom: c.decode(Int.self, forKey: .fitFrom), fit: fit)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(dimension, forKey: .dimension)
        try c.encode(alpha, forKey: .alpha)
        try c.encode(cutoffs, forKey: .cutoffs)
        try c.encode(norms, forKey: .norms)
        try c.encode(kernelAtZero, forKey: .kernelAtZero)
        try c.encode(fitFrom, forKey: .fitFrom)
        try c.encode(fit, forKey: .fit)
    }
}

extension LFPCriticalRate.Scan {
    /// The bracket of the critical rate from measurements already made (for example the `fit` of each ``LFPCriticalRate/Sweep``).
    ///
    /// ```swift
    /// let sweeps = try alphas.map { try LFPCriticalRate.sweep(dimension: 2, alpha: $0, cutoffs: cutoffs, points: points,
    ///                                                          values: values, radius: 0.04) }
    /// let scan = LFPCriticalRate.Scan(dimension: 2, measurements: sweeps.map(\.fit))
    /// ```
    /// **Edge cases:** measurements are sorted by alpha; with none, both sides of the bracket are nil.
    public init(dimension: Int, measurements: [LFPCriticalRate.Measurement], slopeThreshold: Double = 0.15) {
        let sorted = measurements.sorted { $0.alpha < $1.alpha }
        let lower = sorted.filter { $0.regime == .trivial }.map(\.alpha).max()
        let upper = sorted.filter { $0.regime == .regular }.map(\.alpha).min()
        self.init(dimension: dimension, slopeThreshold: slopeThreshold, measurements: sorted, lowerBound: lower,
                  upperBound: upper, isMonotone: lower.flatMap { l in upper.map { l < $0 } } ?? true)
    }

    /// Whether the classification is monotone and its bracket [largest trivial, smallest regular] contains `value`
    /// (an endpoint counts).
    ///
    /// ```swift
    /// scan.brackets(Double(scan.dimension))   // the theory's critical rate alpha = d
    /// ```
    /// **Edge cases:** false when either side of the bracket is missing or the classification is not monotone.
    public func brackets(_ value: Double) -> Bool {
        guard isMonotone, let lowerBound, let upperBound else { return false }
        return lowerBound <= value && value <= upperBound
    }
}
