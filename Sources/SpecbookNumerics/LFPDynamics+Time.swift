import Foundation

extension LFPDynamics {
    /// The LFP time at which the training loss has fallen to `fraction` of its value at t = 0, by bisection in
    /// log t (the loss (1/2n) Σ_m e^{-2tλ_m} p_m² decreases with t).
    ///
    /// ```swift
    /// let solver = try LFPSolver(dimension: 1, cutoff: 128, weight: .sobolev(alpha: 2))
    /// let flow = try LFPDynamics(solver: solver, points: [0.1, 0.4, 0.7], targets: [1, 0, 1])
    /// let t = try flow.time(whereLossFallsTo: 0.01)   // loss(at: t) == 0.01 · loss(at: 0), to 1e-12 relative in t
    /// ```
    ///
    /// **Edge cases:** a `fraction` of 1 or more, or a flow whose loss starts at 0, gives 0; a fraction the flow
    /// never reaches (the loss at t = ∞, from modes with eigenvalue 0, is above it; or the fraction is 0 or less)
    /// gives +infinity; a NaN fraction throws ``LFPError/invalidParameter(name:value:requirement:)``.
    public func time(whereLossFallsTo fraction: Double) throws -> Double {
        guard !fraction.isNaN else {
            throw LFPError.invalidParameter(name: "fraction", value: fraction, requirement: "must be a number")
        }
        let start = try loss(at: 0), goal = fraction * start
        guard fraction < 1, start > 0 else { return 0 }
        guard try loss(at: .infinity) < goal else { return .infinity }
        var high = 1.0, low = 1.0
        while try loss(at: high) > goal { high *= 2 }
        while try loss(at: low) <= goal { low /= 2 }
        // Invariant: loss(low) > goal >= loss(high).
        for _ in 0..<200 where high / low > 1 + 1e-13 {
            let middle = (low * high).squareRoot()
            if try loss(at: middle) > goal { low = middle } else { high = middle }
        }
        return high
    }
}
