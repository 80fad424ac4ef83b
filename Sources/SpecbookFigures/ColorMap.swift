/// A colour map: a smooth path through colours that turns a value in 0...1 into a colour.
///
/// ```swift
/// try fig.axes.heatmap(errors, colorMap: .rdBu, limits: -1...1)
/// let mid = ColorMap.viridis.color(at: 0.5)   // teal
/// ```
/// **Edge cases:** `t` below 0 or above 1 is clamped to the ends; NaN gives a transparent colour.
public struct ColorMap: Hashable, Sendable {
    /// The map's name, as matplotlib calls it.
    public let name: String
    /// Equally spaced anchor colours, interpolated linearly between.
    public let anchors: [Color]

    public init(name: String, anchors: [Color]) {
        self.name = name
        self.anchors = anchors.isEmpty ? [.black, .white] : anchors
    }

    /// The colour at `t` in 0...1.
    public func color(at t: Double) -> Color {
        guard !t.isNaN else { return Color(red: 0, green: 0, blue: 0, alpha: 0) }
        guard anchors.count > 1 else { return anchors[0] }
        let position = min(max(t, 0), 1) * Double(anchors.count - 1)
        let index = min(Int(position), anchors.count - 2)
        return anchors[index].mixed(with: anchors[index + 1], position - Double(index))
    }

    /// The same map running the other way (matplotlib's `_r` maps).
    public func reversed() -> ColorMap { ColorMap(name: name + "_r", anchors: anchors.reversed()) }

    /// 256 premultiplied, opaque ARGB32 pixels for fast image fills.
    func lookupTable() -> [UInt32] {
        (0..<256).map { i in
            let c = color(at: Double(i) / 255)
            func byte(_ v: Double) -> UInt32 { UInt32((min(max(v, 0), 1) * 255).rounded()) }
            return 0xFF00_0000 | byte(c.red) << 16 | byte(c.green) << 8 | byte(c.blue)
        }
    }

    /// matplotlib's perceptually uniform "viridis", for magnitudes: dark purple to yellow.
    public static let viridis = ColorMap(name: "viridis", anchors: viridisAnchors.map { Color(red: $0.0, green: $0.1, blue: $0.2) })

    /// matplotlib's diverging "RdBu" (ColorBrewer): red for low, white in the middle, blue for high.
    public static let rdBu = ColorMap(
        name: "RdBu",
        anchors: [0x67001f, 0xb2182b, 0xd6604d, 0xf4a582, 0xfddbc7, 0xf7f7f7, 0xd1e5f0, 0x92c5de, 0x4393c3, 0x2166ac, 0x053061]
            .map { Color(hex: $0) })

    /// Grey levels from black to white.
    public static let grays = ColorMap(name: "gray", anchors: [.black, .white])

    // Sampled from matplotlib's 256-entry viridis at 33 points; linear interpolation stays within 0.002.
    private static let viridisAnchors: [(Double, Double, Double)] = [
        (0.2670, 0.0049, 0.3294), (0.2770, 0.0503, 0.3757), (0.2823, 0.0950, 0.4173), (0.2829, 0.1359, 0.4534),
        (0.2788, 0.1755, 0.4834), (0.2706, 0.2141, 0.5071), (0.2590, 0.2515, 0.5247), (0.2450, 0.2877, 0.5373),
        (0.2297, 0.3224, 0.5457), (0.2143, 0.3556, 0.5512), (0.1994, 0.3876, 0.5546), (0.1856, 0.4186, 0.5568),
        (0.1727, 0.4488, 0.5579), (0.1607, 0.4785, 0.5581), (0.1490, 0.5081, 0.5573), (0.1378, 0.5375, 0.5549),
        (0.1276, 0.5669, 0.5506), (0.1206, 0.5964, 0.5436), (0.1206, 0.6258, 0.5335), (0.1323, 0.6550, 0.5197),
        (0.1579, 0.6838, 0.5017), (0.1966, 0.7118, 0.4792), (0.2461, 0.7389, 0.4520), (0.3041, 0.7647, 0.4199),
        (0.3692, 0.7889, 0.3829), (0.4401, 0.8111, 0.3410), (0.5160, 0.8312, 0.2943), (0.5958, 0.8487, 0.2433),
        (0.6785, 0.8637, 0.1895), (0.7624, 0.8764, 0.1371), (0.8456, 0.8873, 0.0997), (0.9261, 0.8973, 0.1041),
        (0.9932, 0.9062, 0.1439),
    ]
}
