/// An sRGB colour with opacity, each component in 0...1.
///
/// ```swift
/// try fig.axes.line(x: xs, y: ys, color: .orange)              // tab10 orange
/// try fig.axes.line(x: xs, y: ys, color: Color(hex: 0x8c564b))
/// ```
/// **Edge cases:** components outside 0...1 are clamped when drawn. The tab10 colours are drawn a
/// little lighter in the dark theme so they keep their contrast against the dark background, and `.black`
/// is drawn in the dark theme's light text colour.
public struct Color: Hashable, Sendable {
    public var red: Double
    public var green: Double
    public var blue: Double
    public var alpha: Double

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

    /// The same colour with opacity `alpha`.
    public func opacity(_ alpha: Double) -> Color { Color(red: red, green: green, blue: blue, alpha: alpha) }

    /// This colour mixed with `other`: `fraction` 0 is self, 1 is other.
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

    /// matplotlib's default colour cycle, "tab10", in its order.
    public static let tab10: [Color] = [.blue, .orange, .green, .red, .purple, .brown, .pink, .gray, .olive, .cyan]

    /// The colour as drawn in `theme`: tab10 colours are lightened on dark backgrounds, and black (data marked
    /// in the text colour, such as the data points under a fit) becomes the dark theme's light text colour.
    func resolved(for theme: FigureTheme) -> Color {
        guard theme == .dark else { return self }
        if self.opacity(1) == .black { return Color(hex: 0xe6e6e6, alpha: alpha) }
        guard Color.tab10.contains(self.opacity(1)) else { return self }
        return mixed(with: .white, 0.22).opacity(alpha)
    }
}
