import CCairo
import Foundation

/// How two PNG images differ, pixel by pixel: the share of pixels that moved by more than a tolerance and the
/// largest difference in any channel.
///
/// ```swift
/// let d = try PixelDifference(old: URL(fileURLWithPath: "old/fig.png"), new: URL(fileURLWithPath: "new/fig.png"))
/// d.changedShare   // 0.012: 1.2% of the pixels differ by more than the tolerance
/// d.largest        // 255
/// ```
/// Bit-identical files are equal without decoding. A pixel counts as changed when one of its channels (alpha
/// included, colours un-premultiplied) moves by more than ``tolerance`` of 255, which absorbs anti-aliasing noise.
///
/// **Edge cases:** images of different sizes compare over the larger canvas, where a pixel only one of them
/// covers counts as changed; a file that is missing or not a PNG throws a ``ReviewError`` naming it.
public struct PixelDifference: Codable, Equatable, Sendable {
    /// A channel difference up to this (of 255) is anti-aliasing noise, not a change.
    public static let tolerance = 24

    public var width: Int
    public var height: Int
    public var changedPixels: Int
    /// The largest difference of one channel, 0 to 255.
    public var largest: Int
    public var sizeChanged: Bool

    public var changedShare: Double { width * height == 0 ? 0 : Double(changedPixels) / Double(width * height) }
    public var isChange: Bool { changedPixels > 0 }

    public init(old: URL, new: URL) throws {
        if let a = try? Data(contentsOf: old), let b = try? Data(contentsOf: new), a == b, let size = Self.pngSize(b) {
            // Equal files: the size from the header, no decoding (every build compares every figure this way).
            self.init(width: size.width, height: size.height, changedPixels: 0, largest: 0, sizeChanged: false)
        } else {
            self.init(try RasterImage(old), try RasterImage(new))
        }
    }

    /// Width and height from a PNG's IHDR chunk; nil when the bytes do not start like a PNG.
    static func pngSize(_ data: Data) -> (width: Int, height: Int)? {
        let bytes = [UInt8](data.prefix(24))
        guard bytes.count == 24, bytes[0..<8].elementsEqual([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
              bytes[12..<16].elementsEqual(Array("IHDR".utf8)) else { return nil }
        func bigEndian(_ at: Int) -> Int { bytes[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
        return (bigEndian(16), bigEndian(20))
    }

    init(width: Int, height: Int, changedPixels: Int, largest: Int, sizeChanged: Bool) {
        self.width = width
        self.height = height
        self.changedPixels = changedPixels
        self.largest = largest
        self.sizeChanged = sizeChanged
    }

    init(_ old: RasterImage, _ new: RasterImage) {
        width = max(old.width, new.width)
        height = max(old.height, new.height)
        sizeChanged = old.width != new.width || old.height != new.height
        var changed = 0, largest = 0
        for y in 0..<height {
            for x in 0..<width {
                let d = RasterImage.channelDistance(old.pixel(x, y), new.pixel(x, y))
                if d > Self.tolerance { changed += 1 }
                largest = max(largest, d)
            }
        }
        changedPixels = changed
        self.largest = largest
    }

    /// Draws the difference as a PNG: the new image faded towards its own background (its top-left pixel),
    /// changed pixels in `highlight`. Built with Cairo at build time, so the page shows it without scripts.
    public static func drawDifference(old: URL, new: URL, to output: URL, highlight: UInt32) throws {
        let a = try RasterImage(old), b = try RasterImage(new)
        let background = (b.pixel(0, 0) ?? 0xFFFF_FFFF) | 0xFF00_0000
        let width = max(a.width, b.width), height = max(a.height, b.height)
        var pixels = [UInt32](repeating: 0, count: width * height)
        for y in 0..<height {
            for x in 0..<width {
                let p = b.pixel(x, y) ?? a.pixel(x, y) ?? background
                let changed = RasterImage.channelDistance(a.pixel(x, y), b.pixel(x, y)) > tolerance
                pixels[y * width + x] = changed ? highlight : RasterImage.fade(p, towards: background, keep: 0.22)
            }
        }
        try RasterImage(width: width, height: height, pixels: pixels).writePNG(to: output)
    }
}

/// A decoded image as straight (not premultiplied) ARGB pixels, 0xAARRGGBB.
struct RasterImage {
    var width: Int
    var height: Int
    var pixels: [UInt32]

    init(width: Int, height: Int, pixels: [UInt32]) {
        self.width = width
        self.height = height
        self.pixels = pixels
    }

    /// Decodes a PNG through Cairo.
    init(_ file: URL) throws {
        guard FileManager.default.fileExists(atPath: file.path) else { throw ReviewError(file.path, "no such image") }
        guard let surface = cairo_image_surface_create_from_png(file.path) else { throw ReviewError(file.path, "cannot read the image") }
        defer { cairo_surface_destroy(surface) }
        let status = cairo_surface_status(surface)
        guard status == CAIRO_STATUS_SUCCESS else {
            throw ReviewError(file.path, "not a readable PNG (\(String(cString: cairo_status_to_string(status))))")
        }
        let format = cairo_image_surface_get_format(surface)
        width = Int(cairo_image_surface_get_width(surface))
        height = Int(cairo_image_surface_get_height(surface))
        let stride = Int(cairo_image_surface_get_stride(surface))
        guard let data = cairo_image_surface_get_data(surface) else { throw ReviewError(file.path, "an image without pixels") }
        var pixels = [UInt32](repeating: 0, count: width * height)
        for y in 0..<height {
            let row = UnsafeRawPointer(data + y * stride).assumingMemoryBound(to: UInt32.self)
            for x in 0..<width {
                let p = row[x]
                pixels[y * width + x] = format == CAIRO_FORMAT_RGB24 ? p | 0xFF00_0000 : Self.unpremultiply(p)
            }
        }
        self.pixels = pixels
    }

    func pixel(_ x: Int, _ y: Int) -> UInt32? {
        x < width && y < height ? pixels[y * width + x] : nil
    }

    /// The largest channel difference; a pixel present in one image only differs by 255.
    static func channelDistance(_ a: UInt32?, _ b: UInt32?) -> Int {
        guard let a, let b else { return 255 }
        var largest = 0
        for shift in stride(from: 0, through: 24, by: 8) {
            largest = max(largest, abs(Int((a >> UInt32(shift)) & 0xFF) - Int((b >> UInt32(shift)) & 0xFF)))
        }
        return largest
    }

    /// `p` over an opaque `background`, mixed so that `keep` of it remains.
    static func fade(_ p: UInt32, towards background: UInt32, keep: Double) -> UInt32 {
        let alpha = Double(p >> 24) / 255 * keep
        var out: UInt32 = 0xFF00_0000
        for shift in [16, 8, 0] as [UInt32] {
            let c = Double((p >> shift) & 0xFF), g = Double((background >> shift) & 0xFF)
            out |= UInt32((c * alpha + g * (1 - alpha)).rounded()) << shift
        }
        return out
    }

    static func unpremultiply(_ p: UInt32) -> UInt32 {
        let a = p >> 24
        guard a != 0 else { return 0 }
        guard a != 255 else { return p }
        var out = a << 24
        for shift in [16, 8, 0] as [UInt32] {
            out |= min(255, (((p >> shift) & 0xFF) * 255 + a / 2) / a) << shift
        }
        return out
    }

    /// Writes the image as an opaque PNG through Cairo.
    func writePNG(to file: URL) throws {
        guard let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(width), Int32(height)) else {
            throw ReviewError(file.path, "cannot allocate a \(width) x \(height) image")
        }
        defer { cairo_surface_destroy(surface) }
        cairo_surface_flush(surface)
        let stride = Int(cairo_image_surface_get_stride(surface))
        guard let data = cairo_image_surface_get_data(surface) else { throw ReviewError(file.path, "cannot draw the image") }
        for y in 0..<height {
            let row = UnsafeMutableRawPointer(data + y * stride).assumingMemoryBound(to: UInt32.self)
            for x in 0..<width { row[x] = pixels[y * width + x] }
        }
        cairo_surface_mark_dirty(surface)
        let status = cairo_surface_write_to_png(surface, file.path)
        guard status == CAIRO_STATUS_SUCCESS else {
            throw ReviewError(file.path, "cannot write the image (\(String(cString: cairo_status_to_string(status))))")
        }
    }
}
