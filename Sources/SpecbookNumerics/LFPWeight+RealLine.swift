import Foundation

extension LFPWeight {
    /// The two-layer ReLU network's LFP weight for data on the real line carried to the torus by a ``TorusMap``
    /// of period L: by Poisson summation w(k)^-1 = γ(k/L)² / L^d = ρ_b (c1 L³ / |k|^(d+3) + c2 L / |k|^(d+1)),
    /// with w(0) = w(1) (γ² is infinite at ξ = 0, where the network has exact constants).
    ///
    /// `.twoLayerReLU` assumes data already in [0, 1)^d (L = 1) and no bias density; this weight is the one to
    /// compare with a network trained on the line, at LFP time t = 2 η m · step (width m, learning rate η).
    ///
    /// ```swift
    /// let xs = [-0.8, -0.6, -0.3, -0.06, 0.1], ys = [0.25, -0.25, -0.07, 0.15, -0.05]
    /// let weight = try LFPWeight.twoLayerReLU(.uniform(weightRange: 3, outputRange: 0.1),
    ///                                         biasDensity: 1.0 / 6, period: 16)   // b ~ U[-3, 3]
    /// let flow = try LFPDynamics(solver: LFPSolver(dimension: 1, cutoff: 16384, weight: weight),
    ///                            points: TorusMap(center: -0.35, period: 16)(xs), targets: ys)
    /// ```
    ///
    /// **Edge cases:** `biasDensity` and `period` must be positive and finite
    /// (``LFPError/invalidParameter(name:value:requirement:)``); the initialisation is checked as
    /// ``ReLUInitialization/gammaSquaredConstants(dimension:)`` does (d = 1...3).
    public static func twoLayerReLU(_ initialization: ReLUInitialization, biasDensity: Double, period: Double,
                                    dimension d: Int = 1) throws -> LFPWeight {
        for (name, value) in [("biasDensity", biasDensity), ("period", period)] where !(value.isFinite && value > 0) {
            throw LFPError.invalidParameter(name: name, value: value, requirement: "must be positive and finite")
        }
        let (c1, c2) = try initialization.gammaSquaredConstants(dimension: d)
        let cubic = biasDensity * c1 * period * period * period, linear = biasDensity * c2 * period
        // w(k)^-1 = ρ (c1 L³ / |k|^(d+3) + c2 L / |k|^(d+1)), |k| = 1 standing in for k = 0
        return .custom { k in
            let r = max(1, Double(k.reduce(0) { $0 + $1 * $1 }).squareRoot())
            return 1 / (cubic / pow(r, Double(d + 3)) + linear / pow(r, Double(d + 1)))
        }
    }
}
