import CCairo
import Foundation

/// Where a text's anchor point sits on the text's box.
enum HorizontalAnchor { case left, center, right }
enum VerticalAnchor { case top, middle, baseline, bottom }

/// The box a piece of text occupies: its advance width and the extent above and below the baseline.
struct TextMetrics {
    var width: Double
    var ascent: Double
    var descent: Double
    var height: Double { ascent + descent }
}

/// Measures and draws text with Cairo's toy font API; `^{...}` raises smaller text, `_{...}` lowers it.
///
/// Cairo's toy API asks fontconfig for the family, so a missing family falls back to a default
/// font instead of failing. Metrics are unhinted so PNG and SVG lay out identically.
struct Typesetter {
    let cr: OpaquePointer
    let family: String
    /// Collects every run drawn, for the SVG's text layer; nil for PNG.
    var layer: TextLayer? = nil

    /// One run of text at a size factor, raised by `rise` ems.
    struct Run { var text: String; var scale: Double; var rise: Double }

    /// Digit height and depth of DejaVu Sans, in ems; used for boxes so labels align on digits.
    static let capHeight = 0.73
    /// Size of a superscript or subscript against its text: large enough that a tick label's exponent (90% of the
    /// 13-point base) stays at 10 CSS px when the figure is shown at its own width.
    static let scriptScale = 0.86
    static let depth = 0.24

    static func runs(_ markup: String) -> [Run] {
        var runs: [Run] = []
        var current = ""
        var chars = Array(markup)[...]
        while let c = chars.first {
            chars = chars.dropFirst()
            if (c == "^" || c == "_"), chars.first == "{", let close = chars.firstIndex(of: "}") {
                if !current.isEmpty { runs.append(Run(text: current, scale: 1, rise: 0)); current = "" }
                let inner = String(chars[chars.index(after: chars.startIndex)..<close])
                runs.append(Run(text: inner, scale: Self.scriptScale, rise: c == "^" ? 0.42 : -0.2))
                chars = chars[chars.index(after: close)...]
            } else {
                current.append(c)
            }
        }
        if !current.isEmpty || runs.isEmpty { runs.append(Run(text: current, scale: 1, rise: 0)) }
        return runs
    }

    private func select(size: Double, bold: Bool) {
        cairo_select_font_face(cr, family, CAIRO_FONT_SLANT_NORMAL, bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL)
        cairo_set_font_size(cr, size)
    }

    private func advance(_ text: String) -> Double {
        var extents = cairo_text_extents_t()
        cairo_text_extents(cr, text, &extents)
        return extents.x_advance
    }

    func measure(_ markup: String, size: Double, bold: Bool = false) -> TextMetrics {
        var metrics = TextMetrics(width: 0, ascent: size * Self.capHeight, descent: size * Self.depth)
        for run in Self.runs(markup) {
            let runSize = size * run.scale
            select(size: runSize, bold: bold)
            metrics.width += advance(run.text)
            metrics.ascent = max(metrics.ascent, run.rise * size + runSize * Self.capHeight)
            metrics.descent = max(metrics.descent, -run.rise * size + runSize * Self.depth)
        }
        return metrics
    }

    /// Draws `markup` so that its box's anchor lands on (x, y), turned by `rotation` radians.
    func draw(_ markup: String, x: Double, y: Double, size: Double, color: Color, bold: Bool = false,
              horizontal: HorizontalAnchor = .left, vertical: VerticalAnchor = .baseline, rotation: Double = 0) {
        guard !markup.isEmpty else { return }
        let metrics = measure(markup, size: size, bold: bold)
        var dx = 0.0, dy = 0.0
        switch horizontal {
        case .left: dx = 0
        case .center: dx = -metrics.width / 2
        case .right: dx = -metrics.width
        }
        switch vertical {
        case .top: dy = metrics.ascent
        case .middle: dy = (metrics.ascent - metrics.descent) / 2
        case .baseline: dy = 0
        case .bottom: dy = -metrics.descent
        }
        cairo_save(cr)
        cairo_translate(cr, x, y)
        if rotation != 0 { cairo_rotate(cr, rotation) }
        Painter.setColor(cr, color)
        var pen = dx
        for run in Self.runs(markup) {
            let runSize = size * run.scale
            select(size: runSize, bold: bold)
            cairo_move_to(cr, pen, dy - run.rise * size)
            if let layer {
                var (deviceX, deviceY) = (pen, dy - run.rise * size)
                cairo_user_to_device(cr, &deviceX, &deviceY)
                layer.runs.append(.init(text: run.text, x: deviceX, y: deviceY, size: runSize, degrees: rotation * 180 / .pi, bold: bold))
            }
            cairo_show_text(cr, run.text)
            pen += advance(run.text)
        }
        cairo_restore(cr)
    }

    /// Unhinted, greyscale-antialiased text so that the PNG and SVG layouts match.
    static func configureFonts(_ cr: OpaquePointer) {
        guard let options = cairo_font_options_create() else { return }
        cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF)
        cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE)
        cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY)
        cairo_set_font_options(cr, options)
        cairo_font_options_destroy(options)
    }
}
