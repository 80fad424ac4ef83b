import CCairo
import Foundation
// Implementation-only so that notebook programs importing the library need no -I for this shim.
@_implementationOnly import CZlib

/// Writes a Cairo ARGB32 image surface as PNG with zlib at a fast level.
///
/// `cairo_surface_write_to_png` goes through libpng at zlib's default level, which spends almost all
/// of a figure's time compressing. Plots are mostly flat colour, so the `Up` filter plus level 2 is
/// about as small and several times faster. Opaque images become 8-bit RGB, others 8-bit RGBA with
/// Cairo's premultiplied alpha undone.
///
/// ```swift
/// let bytes = try PNGEncoder.encode(surface)   // a complete PNG file
/// ```
/// **Edge cases:** a surface that is not ARGB32 or RGB24, or has no pixels, throws ``FigureError/cairo(_:)``.
enum PNGEncoder {
    static let compressionLevel: Int32 = 2

    static func encode(_ surface: OpaquePointer) throws -> [UInt8] {
        cairo_surface_flush(surface)
        let format = cairo_image_surface_get_format(surface)
        let width = Int(cairo_image_surface_get_width(surface)), height = Int(cairo_image_surface_get_height(surface))
        let stride = Int(cairo_image_surface_get_stride(surface))
        guard format == CAIRO_FORMAT_ARGB32 || format == CAIRO_FORMAT_RGB24, width > 0, height > 0,
              let data = cairo_image_surface_get_data(surface)
        else { throw FigureError.cairo("cannot encode a \(width) x \(height) surface of format \(format.rawValue) as PNG") }
        let pixels = UnsafeRawPointer(data)
        var opaque = format == CAIRO_FORMAT_RGB24
        if !opaque {
            opaque = true
            for row in 0..<height where opaque {
                let line = (pixels + row * stride).assumingMemoryBound(to: UInt32.self)
                for x in 0..<width where line[x] >> 24 != 0xFF { opaque = false; break }
            }
        }
        let channels = opaque ? 3 : 4
        let rowBytes = 1 + width * channels
        var raw = [UInt8](repeating: 0, count: rowBytes * height)
        raw.withUnsafeMutableBufferPointer { out in
            var previous = [UInt8](repeating: 0, count: width * channels)
            var current = [UInt8](repeating: 0, count: width * channels)
            for row in 0..<height {
                let line = (pixels + row * stride).assumingMemoryBound(to: UInt32.self)
                current.withUnsafeMutableBufferPointer { c in
                    for x in 0..<width {
                        let p = line[x]
                        var r = UInt32((p >> 16) & 0xFF), g = UInt32((p >> 8) & 0xFF), b = UInt32(p & 0xFF)
                        let o = x * channels
                        if channels == 4 {
                            let a = p >> 24
                            if a != 0 && a != 255 { r = (r * 255 + a / 2) / a; g = (g * 255 + a / 2) / a; b = (b * 255 + a / 2) / a }
                            c[o + 3] = UInt8(a)
                        }
                        c[o] = UInt8(r); c[o + 1] = UInt8(g); c[o + 2] = UInt8(b)
                    }
                }
                // Filter type 2 (Up): each byte minus the byte above; flat backgrounds become zeros.
                let base = row * rowBytes
                out[base] = 2
                for i in 0..<(width * channels) { out[base + 1 + i] = current[i] &- previous[i] }
                swap(&previous, &current)
            }
        }
        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        var header: [UInt8] = []
        header.appendBigEndian(UInt32(width))
        header.appendBigEndian(UInt32(height))
        header += [8, opaque ? 2 : 6, 0, 0, 0]
        appendChunk(&png, "IHDR", header)
        appendChunk(&png, "IDAT", try deflate(raw))
        appendChunk(&png, "IEND", [])
        return png
    }

    /// The zlib stream of `input` at ``compressionLevel``.
    static func deflate(_ input: [UInt8]) throws -> [UInt8] {
        var output = [UInt8](repeating: 0, count: Int(compressBound(uLong(input.count))))
        var length = uLongf(output.count)
        let status = input.withUnsafeBufferPointer { source in
            output.withUnsafeMutableBufferPointer { target in
                compress2(target.baseAddress, &length, source.baseAddress, uLong(source.count), compressionLevel)
            }
        }
        guard status == Z_OK else { throw FigureError.cairo("zlib compress2 failed with status \(status)") }
        output.removeSubrange(Int(length)...)
        return output
    }

    private static func appendChunk(_ png: inout [UInt8], _ type: String, _ body: [UInt8]) {
        png.appendBigEndian(UInt32(body.count))
        let typeBytes = Array(type.utf8)
        png += typeBytes
        png += body
        var crc = crc32(0, typeBytes, 4)
        crc = body.withUnsafeBufferPointer { crc32(crc, $0.baseAddress, uInt($0.count)) }
        png.appendBigEndian(UInt32(crc))
    }
}

extension Array where Element == UInt8 {
    mutating func appendBigEndian(_ value: UInt32) {
        append(contentsOf: [UInt8(value >> 24), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF)])
    }
}
