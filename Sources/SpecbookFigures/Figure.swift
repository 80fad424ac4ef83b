import CCairo
import Foundation

/// The file formats a figure is written in.
public enum FigureFormat: String, Sendable { case png, svg }

/// Light or dark colours for the same drawing.
public enum FigureTheme: String, Sendable { case light, dark }

/// Errors raised while drawing or writing a figure.
public enum FigureError: Error, CustomStringConvertible, Equatable {
    case emptySeries(String)
    case mismatchedLengths(x: Int, y: Int)
    case cairo(String)

    public var description: String {
        switch self {
        case .emptySeries(let name): return "series '\(name)' has no data"
        case .mismatchedLengths(let x, let y): return "x has \(x) values but y has \(y)"
        case .cairo(let message): return "cairo: \(message)"
        }
    }
}

/// A figure: a canvas of `width` x `height` points holding one plot.
///
/// ```swift
/// let fig = Figure(width: 640, height: 400)
/// try fig.axes.line(x: xs, y: ys, label: "target")
/// try fig.write(to: URL(fileURLWithPath: "plot.png"), format: .png)
/// ```
public final class Figure {
    public let width: Double
    public let height: Double
    public let axes = Axes()

    public init(width: Double = 640, height: Double = 400) {
        self.width = width
        self.height = height
    }

    /// Writes the figure; PNGs are rendered at `scale` pixels per point.
    public func write(to url: URL, format: FigureFormat, theme: FigureTheme = .light, scale: Double = 2) throws {
        switch format {
        case .png:
            let surface = cairo_image_surface_create(
                CAIRO_FORMAT_ARGB32, Int32((width * scale).rounded()), Int32((height * scale).rounded()))
            defer { cairo_surface_destroy(surface) }
            let cr = cairo_create(surface)!
            cairo_scale(cr, scale, scale)
            axes.draw(cr, width: width, height: height, theme: theme)
            cairo_destroy(cr)
            cairo_surface_flush(surface)
            let status = cairo_surface_write_to_png(surface, url.path)
            guard status == CAIRO_STATUS_SUCCESS else {
                throw FigureError.cairo("\(String(cString: cairo_status_to_string(status))) writing \(url.path)")
            }
        case .svg:
            let surface = cairo_svg_surface_create(url.path, width, height)
            let cr = cairo_create(surface)!
            axes.draw(cr, width: width, height: height, theme: theme)
            cairo_destroy(cr)
            cairo_surface_finish(surface)
            let status = cairo_surface_status(surface)
            cairo_surface_destroy(surface)
            guard status == CAIRO_STATUS_SUCCESS else {
                throw FigureError.cairo("\(String(cString: cairo_status_to_string(status))) writing \(url.path)")
            }
        }
    }
}
