import CCairo
import Foundation
import SpecbookReview
import XCTest

/// Two small sites on disk (manifests and Cairo-drawn figures) compared through the library.
final class SiteComparisonTests: XCTestCase {
    var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("comparison-\(UUID().uuidString)")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    func notebook(_ name: String, seed: UInt64 = 1, values: [String: String] = [:], checks: [SiteManifest.Check] = [],
                  tables: [SiteManifest.Table] = [], code: [String] = ["print(1)"], figures: [String] = []) -> SiteManifest.Notebook {
        SiteManifest.Notebook(
            name: name, source: "notebooks/\(name).md", page: "\(name).html", title: name.capitalized, status: "ok",
            showsLastGood: false, seed: seed, parameters: [:], blasKernel: "Haswell",
            blocks: code.enumerated().map { SiteManifest.Block(index: $0.offset, line: 10 * $0.offset + 5, codeLine: 10 * $0.offset + 6,
                                                                status: "ok", code: $0.element) },
            figures: figures.enumerated().map { SiteManifest.Figure(number: $0.offset + 1, label: $0.element, caption: nil,
                                                                    png: "assets/\(name)/\($0.element).png", pngDark: nil,
                                                                    svg: "assets/\(name)/\($0.element).svg", svgDark: nil) },
            tables: tables, values: values, checks: checks)
    }

    /// Writes a site: its manifest, and for each figure a PNG with a bar of `height` pixels.
    func site(_ name: String, _ notebooks: [SiteManifest.Notebook], bars: [String: Double] = [:]) throws -> SiteSnapshot {
        let root = folder.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let manifest = SiteManifest(swiftVersion: "Swift 6", gitCommit: "abc", gitDirty: false, libraryBuild: "lib1", notebooks: notebooks)
        try manifest.encoded().write(to: root.appendingPathComponent(SiteManifest.fileName))
        for n in notebooks {
            for figure in n.figures {
                let url = root.appendingPathComponent(figure.png)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                let surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 50, 40)!
                let cr = cairo_create(surface)!
                cairo_set_source_rgb(cr, 1, 1, 1)
                cairo_paint(cr)
                cairo_set_source_rgb(cr, 0, 0, 0)
                cairo_rectangle(cr, 10, 0, 10, bars[figure.label ?? ""] ?? 20)
                cairo_fill(cr)
                XCTAssertEqual(cairo_surface_write_to_png(surface, url.path), CAIRO_STATUS_SUCCESS)
                cairo_destroy(cr)
                cairo_surface_destroy(surface)
            }
        }
        return try SiteSnapshot(folder: root)
    }

    func testEqualSitesCompareEmpty() throws {
        let pages = [notebook("a", values: ["x": "1"], figures: ["fig-a"])]
        let comparison = try SiteComparison(old: site("old", pages), new: site("new", pages))
        XCTAssertTrue(comparison.isEmpty)
        XCTAssertEqual(comparison.summary.phrase, "no changes")
        XCTAssertEqual(comparison.lines(), [])
    }

    func testEachKindOfChangeIsFoundAndNothingElse() throws {
        let holds = SiteManifest.Check(name: "small", verdict: "holds", measured: "0.1", expected: "< 1", line: 12)
        let fails = SiteManifest.Check(name: "small", verdict: "fails", measured: "2", expected: "< 1", line: 12)
        let table = SiteManifest.Table(number: 1, label: "tbl-t", caption: nil, rows: [["k", "v"], ["1", "0.5"], ["2", "0.25"]])
        var changedTable = table
        changedTable.rows[2][1] = "0.3"
        let old = try site("old", [
            notebook("a", values: ["x": "2", "same": "s", "gone": "g"], checks: [holds], tables: [table],
                     code: ["let a = 1\nprint(a)"], figures: ["fig-moves", "fig-stays"]),
            notebook("b"), notebook("removed"),
        ], bars: ["fig-moves": 20, "fig-stays": 20])
        let new = try site("new", [
            notebook("a", values: ["x": "3", "same": "s", "new": "n"], checks: [fails], tables: [changedTable],
                     code: ["let a = 2\nprint(a)"], figures: ["fig-moves", "fig-stays"]),
            notebook("b"), notebook("added"),
        ], bars: ["fig-moves": 30, "fig-stays": 20])
        let comparison = try SiteComparison(old: old, new: new, baseline: "main")
        XCTAssertEqual(comparison.notebooks.map(\.name), ["a", "added", "removed"])
        let a = comparison.notebooks[0]
        XCTAssertEqual(a.values.map(\.name), ["gone", "new", "x"])
        XCTAssertEqual(a.values[2].relative ?? 0, 0.5, accuracy: 1e-12, "2 -> 3 is +50%")
        XCTAssertNil(a.values[0].new)
        XCTAssertEqual(a.checks.count, 1)
        XCTAssertTrue(a.checks[0].nowFails)
        XCTAssertEqual(a.figures.map(\.name), ["fig-moves"], "the bit-identical figure is not a change")
        // The bar grew from 20 to 30 rows of a 10-pixel-wide column: exactly 100 of 2000 pixels.
        XCTAssertEqual(a.figures[0].light?.changedPixels, 100)
        XCTAssertEqual(a.figures[0].light?.changedShare ?? 0, 0.05, accuracy: 1e-12)
        XCTAssertEqual(a.tables.map(\.changedCells), [1])
        XCTAssertEqual(a.code.count, 1)
        XCTAssertEqual(a.code[0].added, 1)
        XCTAssertEqual(a.code[0].removed, 1)
        let s = comparison.summary
        XCTAssertEqual([s.pagesAdded, s.pagesRemoved, s.figures, s.values, s.checksFlipped, s.checksNowFailing, s.tables, s.codeBlocks],
                       [1, 1, 1, 3, 1, 1, 1, 1])
        XCTAssertEqual(comparison.nowFailing.map(\.check.name), ["small"])
        XCTAssertTrue(comparison.lines().contains("notebooks/a.md:12: check \"small\": holds -> fails, measured 0.1 -> 2"))
        XCTAssertTrue(comparison.lines().contains("notebooks/a.md: figure 1 (fig-moves): 5.0% of pixels changed (light), largest difference 255"))
        XCTAssertTrue(comparison.lines().contains("notebooks/a.md: value x: 2 -> 3 (+50%)"))
        XCTAssertTrue(comparison.lines().contains("notebooks/added.md: page added (added.html)"))
        XCTAssertTrue(comparison.lines().contains("notebooks/removed.md: page removed (removed.html)"))
    }

    func testChangeAssetsDrawTheOldFigureAndTheDifference() throws {
        let old = try site("old", [notebook("a", figures: ["fig-moves"])], bars: ["fig-moves": 10])
        let new = try site("new", [notebook("a", figures: ["fig-moves"])], bars: ["fig-moves": 25])
        let comparison = try SiteComparison(old: old, new: new)
        let out = folder.appendingPathComponent("out")
        try ChangeAssets.write(comparison, old: old, new: new, into: out)
        let paths = ChangeAssets.paths(of: comparison.notebooks[0].figures[0], in: "a")
        XCTAssertEqual(try Data(contentsOf: out.appendingPathComponent(paths.old)),
                       try Data(contentsOf: folder.appendingPathComponent("old/assets/a/fig-moves.png")))
        // The difference image differs from the new figure exactly where the bars differ (highlight), and is faded elsewhere.
        let difference = try PixelDifference(old: out.appendingPathComponent(paths.diff), new: folder.appendingPathComponent("new/assets/a/fig-moves.png"))
        XCTAssertGreaterThanOrEqual(difference.changedPixels, 150, "the 150 changed pixels are highlighted")
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.appendingPathComponent(paths.diffDark).path), "no dark variant, no dark difference")
    }

    func testAManifestOfAnotherFormatIsRefusedByName() throws {
        let root = folder.appendingPathComponent("old-format")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try Data("{\"generator\": \"specbook\", \"notebooks\": []}".utf8).write(to: root.appendingPathComponent("manifest.json"))
        XCTAssertThrowsError(try SiteSnapshot(folder: root)) { error in
            XCTAssertEqual("\(error)", "\(root.path)/manifest.json: error: manifest format 1, this specbook reads format 3; rebuild that site")
        }
    }
}

extension SiteComparisonTests {
    func testAChecksNameThatQuotesItsMeasurementKeepsItsIdentityByLine() throws {
        let old = [SiteManifest.Check(name: "learns in order, at epochs 7 / 112", verdict: "holds", measured: "true", expected: "true", line: 40),
                   SiteManifest.Check(name: "other", verdict: "holds", measured: "1", expected: "1", line: 50)]
        let new = [SiteManifest.Check(name: "learns in order, at epochs 7 / 121", verdict: "holds", measured: "true", expected: "true", line: 40),
                   SiteManifest.Check(name: "other", verdict: "holds", measured: "1", expected: "1", line: 50)]
        let comparison = try SiteComparison(old: site("old", [notebook("a", checks: old)]), new: site("new", [notebook("a", checks: new)]))
        let checks = try XCTUnwrap(comparison.notebooks.first).checks
        XCTAssertEqual(checks.count, 1, "one check renamed, not one removed and one added")
        XCTAssertEqual(checks[0].oldName, "learns in order, at epochs 7 / 112")
        XCTAssertFalse(checks[0].flipped)
        XCTAssertEqual(comparison.summary.checksFlipped, 0)
    }
}
