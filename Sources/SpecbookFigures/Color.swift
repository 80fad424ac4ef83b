import Foundation

/// An sRGB colour with opacity, each component in 0...1, or a role (`.ink`, `.muted`, `.measured`, `.predicted`)
/// that each theme draws in its own colour.
///
/// ```swift
/// try fig.axes.line(x: xs, y: ys, color: .orange)              // tab10 orange
/// try fig.axes.line(x: xs, y: ys, color: Color(hex: 0x8c564b))
/// try fig.axes.scatter(x: xs, y: ys, label: "data", color: .measured)   // near-black, or near-white on dark
/// ```
/// **Edge cases:** components outside 0...1 are clamped when drawn. The tab10 colours are drawn a little lighter
/// in the dark theme; `.black` is drawn as `.ink`. Any explicit colour with less than 3:1 contrast against the
/// theme's background (WCAG 2.1's bound for graphics), as drawn at its opacity, is mixed towards the theme's ink
/// until it reaches 3:1 (its opacity raised when even the ink falls short), so a mark is never drawn (nearly)
/// invisibly; its hue is kept. A fill's `alpha` argument
/// is not part of this: a band behind the data may be faint. A theme colour's components read as the light theme's.
public struct Color: Hashable, Sendable {
    public var red: Double
    public var green: Double
    public var blue: Double
    public var alpha: Double
    /// The theme colour this stands for, resolved when drawn; nil for a fixed sRGB colour.
    var role: ThemeColor?

    public init(red: Double, green: Double, blue: Double, alpha: Double = 1) {
        self.red = red
        self.green = green
        self.blue = blue
        self.alpha = alpha
    }

    /// A colour from a 24-bit `0xRRGGBB` value.
    public init(hex: UInt32, alpha: Double = 1) {
        self.init(
            red: Double((hex >> 16) & 0xFF) / 255, green: Double((hex >> 8) & 0xFF) / 255,
            blue: Double(hex & 0xFF) / 255, alpha: alpha)
    }

    private init(_ role: ThemeColor) {
        let light = role.color(in: .light)
        self.init(red: light.red, green: light.green, blue: light.blue)
        self.role = role
    }

    /// The same colour with opacity `alpha` (a theme colour stays one).
    public func opacity(_ alpha: Double) -> Color {
        var copy = self
        copy.alpha = alpha
        return copy
    }

    /// This colour mixed with `other`: `fraction` 0 is self, 1 is other (a fixed colour: the light theme's).
    public func mixed(with other: Color, _ fraction: Double) -> Color {
        Color(
            red: red + (other.red - red) * fraction, green: green + (other.green - green) * fraction,
            blue: blue + (other.blue - blue) * fraction, alpha: alpha + (other.alpha - alpha) * fraction)
    }

    public static let blue = Color(hex: 0x1f77b4)
    public static let orange = Color(hex: 0xff7f0e)
    public static let green = Color(hex: 0x2ca02c)
    public static let red = Color(hex: 0xd62728)
    public static let purple = Color(hex: 0x9467bd)
    public static let brown = Color(hex: 0x8c564b)
    public static let pink = Color(hex: 0xe377c2)
    public static let gray = Color(hex: 0x7f7f7f)
    public static let olive = Color(hex: 0xbcbd22)
    public static let cyan = Color(hex: 0x17becf)
    public static let black = Color(red: 0, green: 0, blue: 0)
    public static let white = Color(red: 1, green: 1, blue: 1)

    /// The theme's text colour: near-black on light figures, near-white on dark ones. For marks that must read as
    /// strongly as the axes (data points under a fit, the main estimate).
    public static let ink = Color(.ink)
    /// The theme's secondary text colour, for guides and annotations that should recede.
    public static let muted = Color(.muted)
    /// Measured data (samples, observations, estimates): the ink colour, so it stands apart from the coloured fits.
    public static let measured = Color(.measured)
    /// A theory's prediction or reference curve: a red with 3:1 contrast or more in both themes.
    public static let predicted = Color(.predicted)

    /// matplotlib's default colour cycle, "tab10", in its order.
    public static let tab10: [Color] = [.blue, .orange, .green, .red, .purple, .brown, .pink, .gray, .olive, .cyan]

    /// The colour as drawn in `theme`: a theme colour takes the theme's value, tab10 colours are lightened on dark
    /// backgrounds, black becomes the ink colour, and any colour below 3:1 contrast against the background is
    /// mixed towards the ink until it reaches 3:1.
    func resolved(for theme: FigureTheme) -> Color {
        let ink = ThemeColor.ink.color(in: theme)
        var color = role?.color(in: theme) ?? self.opacity(1)
        if role == nil, color == .black { color = ink }
        if role == nil, theme == .dark, Color.tab10.contains(color) { color = color.mixed(with: .white, 0.22) }
        return color.legible(on: Palette(theme).background, towards: ink, alpha: alpha)
    }

    /// WCAG 2.1 relative luminance of the opaque colour.
    public var luminance: Double {
        func linear(_ c: Double) -> Double {
            let v = min(max(c, 0), 1)
            return v <= 0.04045 ? v / 12.92 : pow((v + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)
    }

    /// WCAG 2.1 contrast ratio between two opaque colours, 1...21.
    ///
    /// ```swift
    /// Color.white.contrast(with: .black)   // 21
    /// ```
    public func contrast(with other: Color) -> Double {
        let (a, b) = (luminance, other.luminance)
        return (max(a, b) + 0.05) / (min(a, b) + 0.05)
    }

    /// This colour at opacity `alpha`, mixed towards `ink` as little as gives 3:1 contrast against `background` as
    /// drawn over it; when even the ink falls short at that opacity (a nearly transparent stroke), the opacity is
    /// raised until it reaches 3:1.
    func legible(on background: Color, towards ink: Color, alpha: Double = 1, minimum: Double = 3) -> Color {
        var a = min(max(alpha, 0), 1)
        func seen(_ c: Color) -> Color { background.mixed(with: c.opacity(1), a).opacity(1) }
        var fraction = 0.0
        var result = self
        while seen(result).contrast(with: background) < minimum {
            if fraction < 1 {
                fraction = min(fraction + 0.02, 1)
                result = mixed(with: ink, fraction)
            } else if a < 1 {
                a = min(a + 0.05, 1)
            } else {
                break
            }
        }
        return result.opacity(a)
    }
}

/// A colour named for its role, which each theme resolves to its own value.
enum ThemeColor: String, Hashable, Sendable {
    case ink, muted, measured, predicted

    func color(in theme: FigureTheme) -> Color {
        let palette = Palette(theme)
        switch self {
        case .ink, .measured: return palette.foreground
        case .muted: return palette.secondary
        case .predicted: return theme == .light ? Color(hex: 0xc0392b) : Color(hex: 0xff8a80)
        }
    }
}
