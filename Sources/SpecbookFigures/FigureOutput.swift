import CCairo
import Foundation

extension Figure {
    /// Writes the figure as PNG (at `scale` pixels per point) or SVG, in the light or dark theme.
    ///
    /// ```swift
    /// try fig.write(to: URL(fileURLWithPath: "out/spectrum.png"), format: .png)
    /// try fig.write(to: URL(fileURLWithPath: "out/spectrum-dark.svg"), format: .svg, theme: .dark)
    /// ```
    /// **Edge cases:** the same figure gives the same bytes every time. Cairo 1.16's SVG surface
    /// draws text as glyph outlines (`<symbol>` paths placed with `<use>`), so SVG text looks exact
    /// everywhere; an invisible text layer (``TextLayer``) over them keeps the words selectable and their sizes
    /// readable; heat maps are embedded as PNG images.
    public func write(to url: URL, format: FigureFormat, theme: FigureTheme = .light, scale: Double = 2) throws {
        let bytes = format == .png ? try pngData(theme: theme, scale: scale) : try svgData(theme: theme)
        do { try Data(bytes).write(to: url) } catch { throw FigureError.io("cannot write \(url.path): \(error.localizedDescription)") }
    }

    /// The figure as PNG file bytes, `scale` pixels per point.
    ///
    /// ```swift
    /// let bytes = try fig.pngData(theme: .dark, scale: 1)   // width x height pixels
    /// ```
    /// **Edge cases:** throws ``FigureError/invalidSize(width:height:)`` for a non-positive size and
    /// ``FigureError/invalidParameter(name:value:)`` for a scale that is not positive or exceeds
    /// Cairo's 32767-pixel limit.
    public func pngData(theme: FigureTheme = .light, scale: Double = 2) throws -> [UInt8] {
        try checkSize()
        guard scale.isFinite, scale > 0, width * scale <= 32767, height * scale <= 32767 else {
            throw FigureError.invalidParameter(name: "scale", value: scale)
        }
        let pixelWidth = Int32(max(1, (width * scale).rounded())), pixelHeight = Int32(max(1, (height * scale).rounded()))
        guard let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, pixelWidth, pixelHeight) else {
            throw FigureError.cairo("could not create a \(pixelWidth) x \(pixelHeight) image")
        }
        defer { cairo_surface_destroy(surface) }
        try draw(on: surface, theme: theme, scale: scale)
        return try PNGEncoder.encode(surface)
    }

    /// The figure as SVG file bytes, sized in CSS pixels (`width="640px"`).
    ///
    /// ```swift
    /// let svg = String(decoding: try fig.svgData(), as: UTF8.self)
    /// ```
    /// **Edge cases:** the same figure gives the same bytes on every call.
    public func svgData(theme: FigureTheme = .light) throws -> [UInt8] {
        try checkSize()
        let sink = ByteSink()
        let write: cairo_write_func_t = { closure, data, length in
            guard let closure, let data else { return CAIRO_STATUS_WRITE_ERROR }
            Unmanaged<ByteSink>.fromOpaque(closure).takeUnretainedValue().bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
            return CAIRO_STATUS_SUCCESS
        }
        guard let surface = cairo_svg_surface_create_for_stream(write, Unmanaged.passUnretained(sink).toOpaque(), width, height) else {
            throw FigureError.cairo("could not create an SVG surface")
        }
        cairo_svg_surface_set_document_unit(surface, CAIRO_SVG_UNIT_PX)
        let layer = TextLayer(family: fontFamily)
        do {
            try draw(on: surface, theme: theme, scale: 1, layer: layer)
        } catch {
            cairo_surface_destroy(surface)
            throw error
        }
        cairo_surface_finish(surface)
        let status = cairo_surface_status(surface)
        cairo_surface_destroy(surface)
        guard status == CAIRO_STATUS_SUCCESS else { throw FigureError.cairo(String(cString: cairo_status_to_string(status))) }
        return withExtendedLifetime(sink) { layer.inserted(into: SVGTidy.tidy(sink.bytes)) }
    }

    private func checkSize() throws {
        guard width.isFinite, height.isFinite, width > 0, height > 0 else { throw FigureError.invalidSize(width: width, height: height) }
    }

    /// Draws every panel onto `surface`; the one drawing routine behind PNG and SVG.
    private func draw(on surface: OpaquePointer, theme: FigureTheme, scale: Double, layer: TextLayer? = nil) throws {
        guard let cr = cairo_create(surface) else { throw FigureError.cairo("could not create a drawing context") }
        defer { cairo_destroy(cr) }
        cairo_scale(cr, scale, scale)
        Typesetter.configureFonts(cr)
        let palette = Palette(theme), metrics = Metrics(font: fontSize)
        let text = Typesetter(cr: cr, family: fontFamily, layer: layer)
        Painter.setColor(cr, palette.background)
        cairo_paint(cr)
        let layouts = try layout(text, metrics)
        if let suptitle, !suptitle.isEmpty {
            text.draw(suptitle, x: width / 2, y: metrics.outer + metrics.pad, size: metrics.suptitle, color: palette.foreground,
                      horizontal: .center, vertical: .top)
        }
        for panel in layouts {
            let frame = AxesFrame(cr: cr, panel: panel, palette: palette, text: text, m: metrics)
            frame.drawGrid()
            try AxesRenderer(cr: cr, panel: panel, theme: theme, palette: palette, text: text, metrics: metrics).drawData()
            frame.draw()
            LegendRenderer(cr: cr, panel: panel, theme: theme, palette: palette, text: text, m: metrics).draw()
            ColorBarRenderer(cr: cr, panel: panel, palette: palette, text: text, m: metrics).draw()
        }
        let status = cairo_status(cr)
        guard status == CAIRO_STATUS_SUCCESS else { throw FigureError.cairo(String(cString: cairo_status_to_string(status))) }
    }
}

/// Collects the bytes Cairo streams out.
private final class ByteSink { var bytes: [UInt8] = [] }
