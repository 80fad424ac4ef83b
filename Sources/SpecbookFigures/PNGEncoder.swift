import CCairo
import Foundation
// Implementation-only so that notebook programs importing the library need no -I for this shim.
@_implementationOnly import CZlib

/// Writes a Cairo ARGB32 image surface as PNG with zlib at a fast level.
///
/// `cairo_surface_write_to_png` goes through libpng at zlib's default level, which spends almost all
/// of a figure's time compressing. Plots are mostly flat colour, so the `Up` filter (flat areas
/// become runs of zeros) with zlib level 1 is nearly as small and several times faster. Rows are
/// filtered a block at a time straight into zlib, so no whole-image copy is made. Opaque images
/// become 8-bit RGB, others 8-bit RGBA with Cairo's premultiplied alpha undone.
///
/// ```swift
/// let bytes = try PNGEncoder.encode(surface)   // a complete PNG file
/// ```
/// **Edge cases:** a surface that is not ARGB32 or RGB24, or has no pixels, throws ``FigureError/cairo(_:)``.
enum PNGEncoder {
    static let compressionLevel: Int32 = 1

    static func encode(_ surface: OpaquePointer) throws -> [UInt8] {
        cairo_surface_flush(surface)
        let format = cairo_image_surface_get_format(surface)
        let width = Int(cairo_image_surface_get_width(surface)), height = Int(cairo_image_surface_get_height(surface))
        let stride = Int(cairo_image_surface_get_stride(surface))
        guard format == CAIRO_FORMAT_ARGB32 || format == CAIRO_FORMAT_RGB24, width > 0, height > 0,
              let data = cairo_image_surface_get_data(surface)
        else { throw FigureError.cairo("cannot encode a \(width) x \(height) surface of format \(format.rawValue) as PNG") }
        let pixels = UnsafeRawPointer(data)
        func row(_ y: Int) -> UnsafePointer<UInt32> { (pixels + y * stride).assumingMemoryBound(to: UInt32.self) }
        var opaque = format == CAIRO_FORMAT_RGB24
        if !opaque {
            opaque = true
            for y in 0..<height where opaque {
                let line = row(y)
                for x in 0..<width where line[x] >> 24 != 0xFF { opaque = false; break }
            }
        }
        let channels = opaque ? 3 : 4
        let rowBytes = 1 + width * channels
        let rowsPerBlock = max(1, (256 * 1024) / rowBytes)
        var block = [UInt8](repeating: 0, count: rowBytes * rowsPerBlock)
        let zeros = [UInt32](repeating: 0, count: width)
        let compressor = try Compressor()
        var y = 0
        while y < height {
            let count = min(rowsPerBlock, height - y)
            block.withUnsafeMutableBufferPointer { out in
                zeros.withUnsafeBufferPointer { zeroRow in
                    for i in 0..<count {
                        filterRow(row(y + i), above: y + i == 0 ? zeroRow.baseAddress! : row(y + i - 1), width: width,
                                  opaque: opaque, into: out.baseAddress! + i * rowBytes)
                    }
                }
            }
            try compressor.add(block, count: count * rowBytes, finish: y + count == height)
            y += count
        }
        var png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        var header: [UInt8] = []
        header.appendBigEndian(UInt32(width))
        header.appendBigEndian(UInt32(height))
        header += [8, opaque ? 2 : 6, 0, 0, 0]
        appendChunk(&png, "IHDR", header)
        appendChunk(&png, "IDAT", compressor.output)
        appendChunk(&png, "IEND", [])
        return png
    }

    /// Writes filter type 2 (Up) and the row's bytes minus the bytes above: flat areas become zeros.
    @inline(__always)
    private static func filterRow(_ line: UnsafePointer<UInt32>, above: UnsafePointer<UInt32>, width: Int, opaque: Bool,
                                  into start: UnsafeMutablePointer<UInt8>) {
        start.pointee = 2
        var o = start + 1
        if opaque {
            for x in 0..<width {
                let d = bytewiseDifference(line[x], above[x])
                o[0] = UInt8(truncatingIfNeeded: d >> 16)
                o[1] = UInt8(truncatingIfNeeded: d >> 8)
                o[2] = UInt8(truncatingIfNeeded: d)
                o += 3
            }
        } else {
            for x in 0..<width {
                let d = bytewiseDifference(unpremultiplied(line[x]), unpremultiplied(above[x]))
                o[0] = UInt8(truncatingIfNeeded: d >> 16)
                o[1] = UInt8(truncatingIfNeeded: d >> 8)
                o[2] = UInt8(truncatingIfNeeded: d)
                o[3] = UInt8(truncatingIfNeeded: d >> 24)
                o += 4
            }
        }
    }

    /// Each byte of `a` minus the same byte of `b`, modulo 256, without borrows between bytes.
    @inline(__always)
    static func bytewiseDifference(_ a: UInt32, _ b: UInt32) -> UInt32 {
        ((a | 0x8080_8080) &- (b & 0x7F7F_7F7F)) ^ ((a ^ ~b) & 0x8080_8080)
    }

    /// Cairo's premultiplied ARGB as straight ARGB, which PNG stores.
    @inline(__always)
    static func unpremultiplied(_ p: UInt32) -> UInt32 {
        let a = p >> 24
        guard a != 0, a != 255 else { return a == 0 ? 0 : p }
        func channel(_ shift: UInt32) -> UInt32 { min(255, (((p >> shift) & 0xFF) * 255 + a / 2) / a) << shift }
        return a << 24 | channel(16) | channel(8) | channel(0)
    }

    /// A zlib stream fed in blocks, collecting its output. The stream lives at a fixed heap
    /// address because zlib checks that its state still points back at it.
    private final class Compressor {
        let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        var open = false

        init() throws {
            stream.initialize(to: z_stream())
            let status = deflateInit2_(stream, PNGEncoder.compressionLevel, Z_DEFLATED, 15, 8, Z_DEFAULT_STRATEGY,
                                       zlibVersion(), Int32(MemoryLayout<z_stream>.size))
            guard status == Z_OK else { throw FigureError.cairo("zlib deflateInit2 failed with status \(status)") }
            open = true
        }

        deinit {
            if open { deflateEnd(stream) }
            stream.deallocate()
        }

        /// Compresses the first `count` bytes of `input`; `finish` ends the stream.
        func add(_ input: [UInt8], count: Int, finish: Bool) throws {
            var status = Z_OK
            input.withUnsafeBufferPointer { source in
                stream.pointee.next_in = UnsafeMutablePointer(mutating: source.baseAddress)
                stream.pointee.avail_in = uInt(count)
                // zlib's own loop: call again while it filled the whole output chunk.
                repeat {
                    chunk.withUnsafeMutableBufferPointer { target in
                        stream.pointee.next_out = target.baseAddress
                        stream.pointee.avail_out = uInt(target.count)
                        status = deflate(stream, finish ? Z_FINISH : Z_NO_FLUSH)
                        output.append(contentsOf: target[0..<(target.count - Int(stream.pointee.avail_out))])
                    }
                } while stream.pointee.avail_out == 0 && status == Z_OK
            }
            let expected = finish ? Z_STREAM_END : Z_OK
            guard status == expected || (!finish && status == Z_BUF_ERROR) else {
                throw FigureError.cairo("zlib deflate failed with status \(status)")
            }
        }
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
