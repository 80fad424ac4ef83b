import Foundation

/// A network's measured learning rate at each wave-packet frequency in early training, and fits of the
/// rate against the frequency: a power law r = C ξ^−α and an exponential r = C e^{−βξ}.
///
/// The rate r_ξ is minus the least-squares slope of log|c_ξ(t)| against the step t, c_ξ the packet's
/// windowed Fourier coefficient in the residual (``WavePackets/coefficient(_:packet:)``); with η = 1/μ_max
/// it is the fraction of the mode removed per step. Rates at or below `floor` are *unresolved*: the
/// measurement cannot tell them from 0, and the fits leave them out.
///
/// ```swift
/// let packets = try WavePackets(dimension: 1, side: 256, frequencies: [3, 4, 6, 8, 12, 16], window: 0.25)
/// let m = try packets.measureRates(of: net, steps: 20)
/// if let fit = m.powerLaw() { print("alpha_eff", -fit.slope, "±", fit.slopeError) }
/// ```
///
/// **Edge cases:** fewer than two resolved rates give nil fits; a rate can be negative (the mode grew),
/// which counts as unresolved.
public struct FrequencyRates: Sendable, Equatable, Codable {
    /// The packet frequencies ξ.
    public let frequencies: [Double]
    /// The rate per step of each packet's mode.
    public let rates: [Double]
    /// R² of each packet's line log|c| against t: how straight (constant-rate) the early decay is.
    public let timeFitR2: [Double]
    /// −log(|c(t)| / |c(0)|) at `sampledSteps`, per packet.
    public let decays: [[Double]]
    /// The steps at which |c| was measured, from 0.
    public let sampledSteps: [Int]
    /// μ_max of the linearised step; the learning rate was 1 / μ_max.
    public let largestStepEigenvalue: Double
    /// Rates at or below this are unresolved.
    public let floor: Double
    /// Wall time of the measurement, in seconds.
    public let seconds: Double

    public init(frequencies: [Double], rates: [Double], timeFitR2: [Double] = [], decays: [[Double]] = [],
                sampledSteps: [Int] = [], largestStepEigenvalue: Double = .nan, floor: Double = 1e-10, seconds: Double = 0) {
        self.frequencies = frequencies
        self.rates = rates
        self.timeFitR2 = timeFitR2
        self.decays = decays
        self.sampledSteps = sampledSteps
        self.largestStepEigenvalue = largestStepEigenvalue
        self.floor = floor
        self.seconds = seconds
    }

    /// Whether each rate is above the floor.
    public var resolved: [Bool] { rates.map { $0 > floor } }
    /// The indices of the resolved rates.
    public var resolvedIndices: [Int] { rates.indices.filter { rates[$0] > floor } }
    /// The indices of the unresolved rates.
    public var unresolvedIndices: [Int] { rates.indices.filter { !(rates[$0] > floor) } }

    /// log r against log ξ over the resolved rates: α_eff = −slope, with its standard error and R².
    public func powerLaw() -> LineFit? {
        let keep = resolvedIndices
        guard keep.count >= 2 else { return nil }
        return try? LineFit(x: keep.map { log(frequencies[$0]) }, y: keep.map { log(rates[$0]) })
    }

    /// log r against ξ over the resolved rates: the decay constant β = −slope.
    public func exponential() -> LineFit? {
        let keep = resolvedIndices
        guard keep.count >= 2 else { return nil }
        return try? LineFit(x: keep.map { frequencies[$0] }, y: keep.map { log(rates[$0]) })
    }

    /// The fitted power law's rate at ξ (nil without a fit).
    public func powerLawRate(at xi: Double) -> Double? {
        powerLaw().map { exp($0.intercept + $0.slope * log(xi)) }
    }

    /// The fitted exponential's rate at ξ (nil without a fit).
    public func exponentialRate(at xi: Double) -> Double? {
        exponential().map { exp($0.intercept + $0.slope * xi) }
    }
}

extension WavePackets {
    /// Trains a copy of `network` on each packet, every run from the same start, by full-batch gradient
    /// descent with η = 1/μ_max for `steps` steps, and measures the decay rate of the packet's mode.
    ///
    /// Each run's targets are h₀ + f_ξ, so the residual starts at −f_ξ whatever the network's initial
    /// output h₀. `inputs` are what the network sees at the grid points (default: the points themselves;
    /// for example Fourier features of them). `parameterScales` reparametrise the first parameters as in
    /// MscaleDNN (``ReparametrisedOptimizer``): the step then has step scales a², and μ_max is found with them.
    ///
    /// ```swift
    /// let m = try packets.measureRates(of: net, steps: 40) { p in progress("packet \(p + 1)") }
    /// m.rates              // per step
    /// m.resolved           // above the floor 1e-10
    /// ```
    ///
    /// **Edge cases:**
    /// - `steps` or `sampleEvery` below 1, or inputs with a row count other than the grid's, throw
    ///   ``NumericsError``; fewer than two samples (steps < sampleEvery) throw from ``LineFit``.
    /// - A mode that is exactly zero gives log 0 = −∞ and a non-finite rate (unresolved).
    public func measureRates(
        of network: MLP<Double>, inputs: Matrix<Double>? = nil, steps: Int, sampleEvery: Int = 4,
        parameterScales: [Double] = [], floor: Double = 1e-10, onPacket: ((Int) -> Void)? = nil
    ) throws -> FrequencyRates {
        guard steps >= 1, sampleEvery >= 1 else {
            throw NumericsError.invalidArgument("measureRates needs steps and sampleEvery of at least 1")
        }
        let x = inputs ?? points
        guard x.rows == count else { throw NumericsError.countMismatch(what: "input rows", expected: count, actual: x.rows) }
        let start = Date()
        let mu = try largestStepEigenvalue(network, inputs: x, stepScales: parameterScales.map { $0 * $0 })
        let h0 = try network.predict(x).elements
        let sampled = Array(stride(from: 0, through: steps, by: sampleEvery))
        var rates: [Double] = [], r2: [Double] = [], decays: [[Double]] = []
        for (p, packet) in targets.enumerated() {
            let goal = zip(h0, packet).map { $0 + $1 }
            let sgd = SGD<Double>(learningRate: 1 / mu).reparametrised(by: parameterScales)
            var trainer = try Trainer(network: network, inputs: x, targets: Matrix(column: goal), optimizer: sgd)
            var logs: [Double] = []
            for step in 0...steps {
                if step % sampleEvery == 0 {
                    let h = try trainer.network.predict(x).elements
                    logs.append(log(coefficient((0..<count).map { h[$0] - goal[$0] }, packet: p)))
                }
                if step < steps { _ = try trainer.trainEpoch() }
            }
            let fit = try LineFit(x: sampled.map(Double.init), y: logs)
            rates.append(-fit.slope)
            r2.append(fit.rSquared)
            decays.append(logs.map { logs[0] - $0 })
            onPacket?(p)
        }
        return FrequencyRates(frequencies: frequencies, rates: rates, timeFitR2: r2, decays: decays, sampledSteps: sampled,
                              largestStepEigenvalue: mu, floor: floor, seconds: Date().timeIntervalSince(start))
    }
}
