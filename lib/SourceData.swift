import Specbook

/// The source's one-dimensional data set: five points of [-1, 1] and their values, which the 1-D pages, the
/// network comparison and the summary all fit.
///
/// ```swift
/// let points = SourceData.torus(SourceData.x)   // u = 0.5 + 0.4 x, inside [0.1, 0.9]
/// let solver = try LFPSolver(dimension: 1, cutoff: 4096, weight: .sobolev(alpha: 2))
/// let fit = try solver.interpolate(points: points, values: SourceData.y)
/// ```
enum SourceData {
    /// The sample points x_i.
    static let x: [Double] = [-0.8, -0.6, -0.3, -0.06, 0.1]
    /// The values y_i at ``x``.
    static let y: [Double] = [0.25, -0.25, -0.07, 0.15, -0.05]
    /// u = 0.5 + 0.4 x: [-1, 1] onto [0.1, 0.9] of the unit torus, as the source places its data.
    static let torus = TorusMap(period: 2.5)
}
