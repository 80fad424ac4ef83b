import CCairo
import Foundation

/// Which end of the y axis a heat map's first row is drawn at.
///
/// ```swift
/// try ax.heatmap(matrix, origin: .upper)   // row 0 on top, y axis counting down, like a matrix
/// ```
public enum HeatmapOrigin: String, Sendable {
    /// Row 0 at the bottom, y increasing upwards (matplotlib's `origin="lower"`).
    case lower
    /// Row 0 at the top; without an explicit `y` the y axis counts down (matplotlib's `imshow` default).
    case upper
}

/// A validated grid of values with its colour mapping.
struct Heatmap {
    var values: [Double]
    var rows: Int
    var columns: Int
    var x: ClosedRange<Double>?
    var y: ClosedRange<Double>?
    var colorMap: ColorMap
    /// Linear, or log: values spread evenly over the map by decade.
    var colorScale: AxisScale
    /// The value range mapped to the colour map's ends, already widened if it was a single value.
    var limits: (low: Double, high: Double)
    var origin: HeatmapOrigin
    var colorBar: Bool
    var colorBarLabel: String?

    init(rows grid: [[Double]], x: ClosedRange<Double>?, y: ClosedRange<Double>?, colorMap: ColorMap,
         limits: ClosedRange<Double>?, colorScale: AxisScale = .linear, origin: HeatmapOrigin, colorBar: Bool,
         colorBarLabel: String?) throws {
        guard let first = grid.first, !first.isEmpty else { throw FigureError.emptySeries("heatmap") }
        for (index, row) in grid.enumerated() where row.count != first.count {
            throw FigureError.raggedHeatmap(row: index, expected: first.count, found: row.count)
        }
        values = grid.flatMap { $0 }
        rows = grid.count
        columns = first.count
        self.limits = try Self.colorLimits(values, requested: limits, scale: colorScale)
        self.colorScale = colorScale
        self.x = x
        self.y = y
        self.colorMap = colorMap
        self.origin = origin
        self.colorBar = colorBar
        self.colorBarLabel = colorBarLabel
    }

    /// The x range covered by the cells; cell centres at 0, 1, ... when not given.
    var xExtent: (Double, Double) { x.map { ($0.lowerBound, $0.upperBound) } ?? (-0.5, Double(columns) - 0.5) }
    var yExtent: (Double, Double) { y.map { ($0.lowerBound, $0.upperBound) } ?? (-0.5, Double(rows) - 0.5) }

    /// The position in 0...1 along the colour map for `value`.
    func fraction(_ value: Double) -> Double {
        let low = colorScale.transform(limits.low)
        return (colorScale.transform(value) - low) / (colorScale.transform(limits.high) - low)
    }

    /// An image surface with one pixel per cell, image row 0 at the top of the drawn rectangle.
    func makeImage() -> OpaquePointer? {
        guard let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(columns), Int32(rows)) else { return nil }
        cairo_surface_flush(surface)
        let table = colorMap.lookupTable()
        let stride = Int(cairo_image_surface_get_stride(surface)) / 4
        guard let raw = cairo_image_surface_get_data(surface) else { return surface }
        let pixels = UnsafeMutableRawPointer(raw).bindMemory(to: UInt32.self, capacity: stride * rows)
        values.withUnsafeBufferPointer { v in
            for row in 0..<rows {
                // Data row 0 goes to the bottom image row unless the origin is upper.
                let imageRow = origin == .lower ? rows - 1 - row : row
                let out = pixels + imageRow * stride
                for column in 0..<columns {
                    let value = fraction(v[row * columns + column])
                    guard value.isFinite else { out[column] = 0; continue }
                    let t = min(max(value, 0), 1)
                    out[column] = table[Int((t * 255).rounded())]
                }
            }
        }
        cairo_surface_mark_dirty(surface)
        return surface
    }
}
