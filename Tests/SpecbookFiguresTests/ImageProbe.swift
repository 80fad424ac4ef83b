import CCairo
import Foundation
import SpecbookFigures
import XCTest

/// A PNG read back through Cairo's own decoder, so a test sees what a viewer would.
struct ImageProbe {
    let width: Int
    let height: Int
    private let pixels: [UInt32]

    init(pngFile url: URL) throws {
        guard let surface = cairo_image_surface_create_from_png(url.path) else { throw FigureError.cairo("no surface") }
        defer { cairo_surface_destroy(surface) }
        let status = cairo_surface_status(surface)
        guard status == CAIRO_STATUS_SUCCESS else {
            throw FigureError.cairo("reading \(url.lastPathComponent): \(String(cString: cairo_status_to_string(status)))")
        }
        width = Int(cairo_image_surface_get_width(surface))
        height = Int(cairo_image_surface_get_height(surface))
        let stride = Int(cairo_image_surface_get_stride(surface)) / 4
        let data = UnsafeRawPointer(cairo_image_surface_get_data(surface)!).bindMemory(to: UInt32.self, capacity: stride * height)
        var copy: [UInt32] = []
        copy.reserveCapacity(width * height)
        for y in 0..<height { for x in 0..<width { copy.append(data[y * stride + x]) } }
        pixels = copy
    }

    /// Red, green, blue and alpha of pixel (x, y), 0...255, y counted from the top.
    func rgba(_ x: Int, _ y: Int) -> (r: Int, g: Int, b: Int, a: Int) {
        let p = pixels[y * width + x]
        return (Int((p >> 16) & 0xFF), Int((p >> 8) & 0xFF), Int(p & 0xFF), Int(p >> 24))
    }

    func isClose(_ x: Int, _ y: Int, to color: (Int, Int, Int), tolerance: Int = 3) -> Bool {
        let p = rgba(x, y)
        return abs(p.r - color.0) <= tolerance && abs(p.g - color.1) <= tolerance && abs(p.b - color.2) <= tolerance
    }
}

/// A fresh temporary folder per test.
func temporaryFolder() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("specbook-figures-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// Writes `figure` as a PNG in a temporary folder and reads it back.
func renderPNG(_ figure: Figure, theme: FigureTheme = .light, scale: Double = 2) throws -> ImageProbe {
    let url = try temporaryFolder().appendingPathComponent("figure.png")
    try figure.write(to: url, format: .png, theme: theme, scale: scale)
    return try ImageProbe(pngFile: url)
}
