import CCairo
import Foundation
import SpecbookReview
import XCTest

/// Real PNGs drawn with Cairo and compared pixel by pixel.
final class PixelDifferenceTests: XCTestCase {
    var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("review-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    /// A `width` x `height` PNG, white with a black square of side `side` at (x, y), drawn by Cairo.
    func png(_ name: String, width: Int32 = 100, height: Int32 = 80, square: (x: Double, y: Double, side: Double)? = nil,
             grey: Double = 0) -> URL {
        let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, width, height)!
        let cr = cairo_create(surface)!
        cairo_set_source_rgb(cr, 1, 1, 1)
        cairo_paint(cr)
        if let square {
            cairo_set_source_rgb(cr, grey, grey, grey)
            cairo_rectangle(cr, square.x, square.y, square.side, square.side)
            cairo_fill(cr)
        }
        let url = folder.appendingPathComponent(name)
        XCTAssertEqual(cairo_surface_write_to_png(surface, url.path), CAIRO_STATUS_SUCCESS)
        cairo_destroy(cr)
        cairo_surface_destroy(surface)
        return url
    }

    func testIdenticalImagesDoNotDiffer() throws {
        let a = png("a.png", square: (10, 10, 20)), b = png("b.png", square: (10, 10, 20))
        let d = try PixelDifference(old: a, new: b)
        XCTAssertFalse(d.isChange)
        XCTAssertEqual(d.changedPixels, 0)
        XCTAssertEqual(d.largest, 0)
        XCTAssertEqual(d.width, 100)
        XCTAssertEqual(d.height, 80)
    }

    func testAMovedSquareChangesExactlyTheSymmetricDifference() throws {
        // A 20x20 square moved right by 5 pixels: 2 strips of 5x20 change; 200 of 8000 pixels.
        let a = png("a.png", square: (10, 10, 20)), b = png("b.png", square: (15, 10, 20))
        let d = try PixelDifference(old: a, new: b)
        XCTAssertEqual(d.changedPixels, 200)
        XCTAssertEqual(d.changedShare, 200.0 / 8000, accuracy: 1e-12)
        XCTAssertEqual(d.largest, 255)
    }

    func testDifferencesWithinTheToleranceAreNoise() throws {
        // Grey 0.05 against white differs by 242 per channel; grey 0.95 by 13, under the tolerance of 24.
        let white = png("w.png"), faint = png("f.png", square: (0, 0, 100), grey: 0.95), dark = png("d.png", square: (0, 0, 10), grey: 0.05)
        XCTAssertFalse(try PixelDifference(old: white, new: faint).isChange)
        XCTAssertTrue((12...13).contains(try PixelDifference(old: white, new: faint).largest), "255 * 0.05, rounded either way")
        XCTAssertEqual(try PixelDifference(old: white, new: dark).changedPixels, 100)
    }

    func testImagesOfDifferentSizesCompareOverTheLargerCanvas() throws {
        let a = png("a.png", width: 100, height: 80), b = png("b.png", width: 110, height: 80)
        let d = try PixelDifference(old: a, new: b)
        XCTAssertTrue(d.sizeChanged)
        XCTAssertEqual(d.width, 110)
        XCTAssertEqual(d.changedPixels, 10 * 80, "only the strip the old image does not cover")
    }

    func testAFileThatIsNotAPNGIsAnErrorNamingIt() throws {
        let a = png("a.png"), bad = folder.appendingPathComponent("bad.png")
        try Data("not a png".utf8).write(to: bad)
        XCTAssertThrowsError(try PixelDifference(old: a, new: bad)) { error in
            XCTAssertTrue("\(error)".hasPrefix(bad.path + ": error:"), "\(error)")
        }
        XCTAssertThrowsError(try PixelDifference(old: folder.appendingPathComponent("missing.png"), new: a)) { error in
            XCTAssertTrue("\(error)".contains("missing.png: error: no such image"), "\(error)")
        }
    }

    func testTheDifferenceImageHighlightsChangedPixelsAndFadesTheRest() throws {
        let a = png("a.png", square: (10, 10, 20)), b = png("b.png", square: (15, 10, 20))
        let out = folder.appendingPathComponent("diff.png")
        try PixelDifference.drawDifference(old: a, new: b, to: out, highlight: 0xFFC8_0078)
        let (width, pixels) = try decode(out)
        func pixel(_ x: Int, _ y: Int) -> UInt32 { pixels[y * width + x] }
        XCTAssertEqual(width, 100)
        XCTAssertEqual(pixel(12, 15), 0xFFC8_0078, "left strip: black before, white after")
        XCTAssertEqual(pixel(32, 15), 0xFFC8_0078, "right strip: white before, black after")
        XCTAssertEqual(pixel(60, 60), 0xFFFF_FFFF, "unchanged background stays the background")
        // Unchanged black inside the square keeps 22% of its ink over white: 255 * 0.78 = 198.9 -> 199.
        XCTAssertEqual(pixel(20, 15), 0xFFC7_C7C7)
        // Counting the highlighted pixels of the drawn image gives the comparison's count.
        XCTAssertEqual(pixels.filter { $0 == 0xFFC8_0078 }.count, try PixelDifference(old: a, new: b).changedPixels)
    }

    /// The opaque pixels of a PNG, read back through Cairo, as 0xFFRRGGBB.
    func decode(_ file: URL) throws -> (width: Int, pixels: [UInt32]) {
        let surface = try XCTUnwrap(cairo_image_surface_create_from_png(file.path))
        defer { cairo_surface_destroy(surface) }
        XCTAssertEqual(cairo_surface_status(surface), CAIRO_STATUS_SUCCESS)
        let width = Int(cairo_image_surface_get_width(surface)), height = Int(cairo_image_surface_get_height(surface))
        let stride = Int(cairo_image_surface_get_stride(surface))
        let data = try XCTUnwrap(cairo_image_surface_get_data(surface))
        var pixels: [UInt32] = []
        for y in 0..<height {
            let row = UnsafeRawPointer(data + y * stride).assumingMemoryBound(to: UInt32.self)
            for x in 0..<width { pixels.append(row[x] | 0xFF00_0000) }
        }
        return (width, pixels)
    }
}

extension PixelDifferenceTests {
    func testEqualFilesTakeTheirSizeFromTheHeader() throws {
        let a = png("a.png", width: 123, height: 45, square: (1, 1, 5)), b = png("b.png", width: 123, height: 45, square: (1, 1, 5))
        let d = try PixelDifference(old: a, new: b)
        XCTAssertEqual([d.width, d.height, d.changedPixels], [123, 45, 0])
    }
}
