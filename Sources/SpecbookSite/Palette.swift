/// The site's colours, one palette per colour scheme, and the WCAG contrast each text colour must reach.
///
/// ```swift
/// for pair in Palette.dark.textPairs {
///     print(pair.foreground, pair.background, Palette.contrast(Palette.dark[pair.foreground], Palette.dark[pair.background]))
/// }
/// ```
/// The stylesheet declares each colour as a CSS custom property `--NAME`.
public struct Palette: Sendable {
    /// Colour names (CSS custom properties without `--`) and `#rrggbb` values, in declaration order.
    public let colors: [(name: String, value: String)]

    public subscript(name: String) -> String {
        colors.first { $0.name == name }?.value ?? "#000000"
    }

    public static let light = Palette(colors: [
        ("bg", "#ffffff"), ("fg", "#1f2328"), ("muted", "#59636e"), ("accent", "#0a58ca"), ("border", "#d0d7de"),
        ("code-bg", "#f6f8fa"), ("out-bg", "#f7f7f2"), ("err-bg", "#fff1f0"), ("err-fg", "#a40e26"), ("ok", "#1a7f37"),
        ("kw", "#cf222e"), ("str", "#0a3069"), ("num", "#0550ae"), ("com", "#59636e"), ("type", "#953800"),
        ("attr", "#8250df"), ("mark-bg", "#fff8c5"),
        ("note", "#0969da"), ("note-bg", "#eef6ff"), ("tip", "#1a7f37"), ("tip-bg", "#edfaef"),
        ("important", "#8250df"), ("important-bg", "#f6f0ff"), ("warning", "#9a6700"), ("warning-bg", "#fff8e5"),
        ("caution", "#cf222e"), ("caution-bg", "#fff0ef"),
    ])

    public static let dark = Palette(colors: [
        ("bg", "#0d1117"), ("fg", "#e6edf3"), ("muted", "#9da7b3"), ("accent", "#6cb6ff"), ("border", "#3d444d"),
        ("code-bg", "#161b22"), ("out-bg", "#131920"), ("err-bg", "#2d1214"), ("err-fg", "#ff9492"), ("ok", "#56d364"),
        ("kw", "#ff7b72"), ("str", "#a5d6ff"), ("num", "#79c0ff"), ("com", "#8b949e"), ("type", "#ffa657"),
        ("attr", "#d2a8ff"), ("mark-bg", "#4d3f00"),
        ("note", "#58a6ff"), ("note-bg", "#0f1d33"), ("tip", "#3fb950"), ("tip-bg", "#0f2417"),
        ("important", "#a371f7"), ("important-bg", "#1d1633"), ("warning", "#d29922"), ("warning-bg", "#2a2110"),
        ("caution", "#f85149"), ("caution-bg", "#2d1214"),
    ])

    /// Every text colour on every background it is drawn on; each must reach 4.5:1 (WCAG AA, normal text).
    public var textPairs: [(foreground: String, background: String)] {
        var pairs: [(String, String)] = []
        for text in ["fg", "muted", "accent", "ok", "err-fg"] {
            for background in ["bg", "code-bg", "out-bg"] { pairs.append((text, background)) }
        }
        for token in ["kw", "str", "num", "com", "type", "attr"] { pairs.append((token, "code-bg")) }
        pairs += [("err-fg", "err-bg"), ("fg", "err-bg"), ("fg", "mark-bg")]
        for kind in Callouts.kinds {
            pairs += [(kind, "\(kind)-bg"), ("fg", "\(kind)-bg"), ("accent", "\(kind)-bg")]
        }
        return pairs
    }

    /// Colours that only need 3:1 against the page: focus rings and the borders of inputs (WCAG 1.4.11).
    public var nonTextPairs: [(foreground: String, background: String)] {
        [("accent", "bg"), ("muted", "bg")]
    }

    /// The WCAG 2 contrast ratio of two `#rrggbb` colours, from 1 (same) to 21 (black on white).
    ///
    /// ```swift
    /// Palette.contrast("#000000", "#ffffff") // 21.0
    /// ```
    /// **Edge cases:** a malformed colour counts as black.
    public static func contrast(_ a: String, _ b: String) -> Double {
        let (la, lb) = (luminance(a), luminance(b))
        return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)
    }

    static func luminance(_ hex: String) -> Double {
        let digits = hex.hasPrefix("#") ? String(hex.dropFirst()) : hex
        guard digits.count == 6, let value = UInt32(digits, radix: 16) else { return 0 }
        func channel(_ shift: UInt32) -> Double {
            let c = Double((value >> shift) & 0xFF) / 255
            return c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * channel(16) + 0.7152 * channel(8) + 0.0722 * channel(0)
    }

    /// The `--name: value;` declarations of this palette.
    var declarations: String {
        colors.map { "--\($0.name): \($0.value);" }.joined(separator: " ")
    }
}

#if canImport(Glibc)
import Glibc
#else
import Foundation
#endif
