/// How a line is drawn: solid or broken into dashes or dots.
///
/// ```swift
/// try fig.axes.line(x: xs, y: fit, label: "fit", style: .dashed)
/// ```
/// **Edge cases:** dash lengths scale with the line width, as in matplotlib.
public enum LineStyle: String, Sendable, CaseIterable {
    case solid, dashed, dotted, dashDot

    /// Dash lengths in multiples of the line width (matplotlib's scaled dash patterns).
    var pattern: [Double] {
        switch self {
        case .solid: return []
        case .dashed: return [3.7, 1.6]
        case .dotted: return [1, 1.65]
        case .dashDot: return [6.4, 1.6, 1, 1.6]
        }
    }
}

/// The symbol drawn at each data point of a scatter, a stem or a line with markers.
///
/// ```swift
/// try fig.axes.scatter(x: xs, y: ys, marker: .triangle, label: "samples")
/// ```
/// **Edge cases:** `.cross` is stroked (an ×), the others are filled.
public enum Marker: String, Sendable, CaseIterable {
    case circle, square, triangle, cross
}

/// Where text placed with `Axes.text` is measured from.
///
/// ```swift
/// fig.axes.text("α = 0.5", x: 0.05, y: 0.95, coordinates: .axes)   // top-left corner
/// ```
public enum TextCoordinates: String, Sendable {
    /// Data units of the axes' x and y.
    case data
    /// Fractions of the plot area: (0, 0) bottom left, (1, 1) top right.
    case axes
}

/// Horizontal alignment of text placed with `Axes.text`.
public enum TextAlignment: String, Sendable { case left, center, right }

/// The colours of the figure furniture in one theme.
struct Palette {
    var background: Color
    var foreground: Color
    var secondary: Color
    var grid: Color
    var legendBackground: Color

    init(_ theme: FigureTheme) {
        switch theme {
        case .light:
            background = .white
            foreground = Color(hex: 0x1a1a1a)
            secondary = Color(hex: 0x555555)
            grid = Color(hex: 0xb0b0b0, alpha: 0.5)
            legendBackground = Color(red: 1, green: 1, blue: 1, alpha: 0.85)
        case .dark:
            background = Color(hex: 0x16181d)
            foreground = Color(hex: 0xe6e6e6)
            secondary = Color(hex: 0xb4b4b4)
            grid = Color(hex: 0x8a8a8a, alpha: 0.4)
            legendBackground = Color(hex: 0x16181d, alpha: 0.85)
        }
    }
}
