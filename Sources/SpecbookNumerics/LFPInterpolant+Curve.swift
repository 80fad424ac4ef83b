import Foundation

extension LFPInterpolant {
    /// A 1-D interpolant as a curve on the data's own line: h on the grid j/N of the torus, each grid point
    /// mapped back to the line by `map`, kept where it lies in `window`, in increasing x.
    ///
    /// ```swift
    /// let toTorus = TorusMap(period: 2.5)                    // [-1, 1] lands on [0.1, 0.9]
    /// let h = try LFPSolver(dimension: 1, cutoff: 256, weight: .sobolev(alpha: 2))
    ///     .interpolate(points: toTorus([-0.5, 0.5]), values: [0.9, 0.9])
    /// let (x, y) = try h.curve(onGridOfSize: 4096, map: toTorus, window: -1...1)   // h(x) for x in [-1, 1]
    /// ```
    /// **Edge cases:**
    /// - Only for d = 1 (`LFPError.invalidParameter` otherwise); N must be at least 1 (`LFPError.invalidGridSize`).
    /// - `window` nil keeps the whole period; a window no grid point falls in gives two empty arrays.
    public func curve(onGridOfSize size: Int, map: TorusMap, window: ClosedRange<Double>? = nil) throws -> (x: [Double], y: [Double]) {
        guard dimension == 1 else {
            throw LFPError.invalidParameter(name: "dimension", value: Double(dimension), requirement: "a curve needs a 1-D interpolant")
        }
        let grid = try values(onGridOfSize: size)
        var xs: [Double] = [], ys: [Double] = []
        for j in grid.indices {
            let x = map.inverse(Double(j) / Double(size))
            if window?.contains(x) ?? true { xs.append(x); ys.append(grid[j]) }
        }
        // A negative period runs the grid right to left.
        return map.period < 0 ? (xs.reversed(), ys.reversed()) : (xs, ys)
    }
}
