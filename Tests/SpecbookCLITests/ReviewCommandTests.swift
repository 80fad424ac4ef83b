import Foundation
import XCTest

/// Review between builds as a user meets it: `changes.html` after a rebuild, `specbook build --compare` and
/// `specbook diff`, on real runs with real figures.
final class ReviewCommandTests: XCTestCase {
    var fixture: Fixture!

    override func setUpWithError() throws {
        fixture = try Fixture()
        // One parameter moves a value, a figure, a table and a check's measurement; the rest must not move.
        try fixture.write("notebooks/fit.md", """
            ---
            title: A fit
            seed: 3
            params:
              slope: 2
            ---

            The slope is {{slope}}; the network's loss is {{loss}}; it trained in {{train_seconds}} s.

            ```swift
            //| label: fig-line
            //| caption: A line of the chosen slope.
            let slope = param("slope", default: 2.0)
            report("slope", slope)
            let xs = (0...20).map { Double($0) / 10 }
            let line = Figure()
            try line.axes.line(x: xs, y: xs.map { slope * $0 }, label: "line")
            try show(line)
            show(table: [["x", "y"], ["1", String(slope)], ["2", String(2 * slope)]], label: "tbl-values")
            check("slope positive", slope, greaterThan: 0)
            ```

            ```swift
            //| label: fig-fixed
            //| caption: A figure that does not depend on the slope.
            let fixed = Figure()
            try fixed.axes.line(x: [0, 1, 2], y: [1, 0, 1], label: "fixed")
            try show(fixed)
            report("fixed", 42)
            ```

            ```swift
            let started = Date()
            let x = Matrix(column: (0..<64).map { Float($0) / 32 - 1 })
            let y = Matrix(column: (0..<64).map { sin(3 * Float($0) / 32) })
            let net = try MLP<Float>(widths: [1, 64, 64, 1], activation: .tanh, seed: notebookSeed)
            var trainer = try Trainer(network: net, inputs: x, targets: y, optimizer: Adam<Float>(learningRate: 1e-3))
            var loss: Float = 0
            for _ in 0..<200 { loss = try trainer.trainEpoch() }
            report("loss", String(format: "%.9e", loss))
            report("train_seconds", String(format: "%.6f", Date().timeIntervalSince(started)), timing: true)
            ```
            """)
        try fixture.write("notebooks/other.md", """
            ---
            title: Other
            ---

            ```swift
            //| label: fig-other
            let f = Figure()
            try f.axes.line(x: [0, 1], y: [0, 1], label: "other")
            try show(f)
            ```
            """)
    }

    override func tearDown() { fixture?.remove() }

    func copySite(to name: String) throws {
        try? FileManager.default.removeItem(at: fixture.root.appendingPathComponent(name))
        try FileManager.default.copyItem(at: fixture.root.appendingPathComponent("site"), to: fixture.root.appendingPathComponent(name))
    }

    func testAChangedParameterShowsExactlyTheChangedValuesAndFigures() throws {
        let first = try fixture.specbook(["build", "--strict"])
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertTrue(try fixture.read("site/changes.html").contains("This is the first build"))
        try copySite(to: "site-before")

        let second = try fixture.specbook(["build", "--strict", "-P", "slope=3"])
        XCTAssertEqual(second.status, 0, second.stderr)
        XCTAssertTrue(second.stderr.contains("changes against the previous build: 1 figure, 1 value, 1 check measured differently, 1 table, 1 setting (site/changes.html)"),
                      second.stderr)

        // The terminal: one line per change, and nothing else.
        let diff = try fixture.specbook(["diff", "site-before", "site"])
        XCTAssertEqual(diff.status, 0, diff.stderr)
        let lines = diff.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 6, diff.stdout)
        XCTAssertTrue(lines.contains("notebooks/fit.md: parameter slope: 2 -> 3"), diff.stdout)
        XCTAssertTrue(lines.contains("notebooks/fit.md: value slope: 2.0 -> 3.0 (+50%)"), diff.stdout)
        XCTAssertTrue(lines.contains("notebooks/fit.md:25: check \"slope positive\": holds, measured 2.0 -> 3.0")
                      || lines.contains { $0.hasPrefix("notebooks/fit.md:") && $0.contains("check \"slope positive\": holds, measured 2") }, diff.stdout)
        XCTAssertTrue(lines.contains { $0.hasPrefix("notebooks/fit.md: figure 1 (fig-line): ") && $0.contains("% of pixels changed (light)")
                      && $0.contains("(dark)") }, diff.stdout)
        XCTAssertTrue(lines.contains("notebooks/fit.md: table 1 (tbl-values): 2 cells changed"), diff.stdout)
        XCTAssertEqual(lines.last, "1 figure, 1 value, 1 check measured differently, 1 table, 1 setting")
        XCTAssertFalse(diff.stdout.contains("other.md"), "an unchanged page is not listed")
        XCTAssertFalse(diff.stdout.contains("fig-fixed"), "an unchanged figure is not listed")
        XCTAssertFalse(diff.stdout.contains("loss"), "training is deterministic: the loss did not move")
        XCTAssertFalse(diff.stdout.contains("train_seconds"), "timings are not compared")

        let failOnChange = try fixture.specbook(["diff", "site-before", "site", "--fail-on-change"])
        XCTAssertEqual(failOnChange.status, 1)
        let json = try fixture.specbook(["diff", "site-before", "site", "--json"])
        XCTAssertEqual(json.status, 0, json.stderr)
        let document = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let summary = try XCTUnwrap(document["summary"] as? [String: Int])
        XCTAssertEqual(summary["figures"], 1)
        XCTAssertEqual(summary["values"], 1)
        XCTAssertEqual(summary["tables"], 1)
        XCTAssertEqual(summary["checksFlipped"], 0)
        let notebooks = try XCTUnwrap(document["notebooks"] as? [[String: Any]])
        XCTAssertEqual(notebooks.map { $0["name"] as? String }, ["fit"])
        let figure = try XCTUnwrap((notebooks[0]["figures"] as? [[String: Any]])?.first)
        let light = try XCTUnwrap(figure["light"] as? [String: Any])
        let changed = try XCTUnwrap(light["changedPixels"] as? Int)
        XCTAssertGreaterThan(changed, 0)
        XCTAssertLessThan(changed, 1280 * 800 / 4, "only the line moved, not the whole figure")

        // The browser: the same changes on changes.html, with the images it shows on disk.
        let page = try fixture.read("site/changes.html")
        XCTAssertTrue(page.contains("<div><dt>figures changed</dt><dd>1</dd></div><div><dt>values changed</dt><dd>1</dd></div>"), page)
        XCTAssertTrue(page.contains("id=\"changes-fit\""))
        XCTAssertFalse(page.contains("id=\"changes-other\""))
        XCTAssertTrue(page.contains("<a href=\"fit.html#value-slope\"><code>slope</code></a>"), "values link to where the page cites them")
        XCTAssertTrue(page.contains("<td class=\"numeric\"><code>2.0</code></td><td class=\"numeric\"><code>3.0</code></td><td class=\"numeric\">+50%</td>"), page)
        XCTAssertFalse(page.contains("fig-fixed"))
        for image in ["changes/fit/fig-line-old.png", "changes/fit/fig-line-old-dark.png", "changes/fit/fig-line-diff.png",
                      "changes/fit/fig-line-diff-dark.png"] {
            XCTAssertTrue(fixture.exists("site/\(image)"), image)
            XCTAssertTrue(page.contains("\"\(image)\""), image)
        }
        XCTAssertTrue(try fixture.read("site/fit.html").contains("<p class=\"changes-banner\"><a href=\"changes.html#changes-fit\">"))
        XCTAssertFalse(try fixture.read("site/other.html").contains("changes-banner"))
        XCTAssertTrue(try fixture.read("site/index.html").contains("<a href=\"changes.html\">Since the previous build: 1 figure, 1 value"))
        XCTAssertTrue(try fixture.read("site/fit.html").contains("<span class=\"value\" data-name=\"slope\" id=\"value-slope\">3.0</span>"))

        // A check that flips from holding to failing fails `specbook diff` and is named.
        XCTAssertEqual(try fixture.specbook(["build", "-P", "slope=-1"]).status, 0)
        let flipped = try fixture.specbook(["diff", "site-before", "site"])
        XCTAssertEqual(flipped.status, 1, flipped.stdout)
        XCTAssertTrue(flipped.stdout.contains("check \"slope positive\": holds -> fails"), flipped.stdout)
        XCTAssertTrue(flipped.stderr.contains("check now fails: slope positive"), flipped.stderr)
        XCTAssertTrue(try fixture.read("site/changes.html").contains("<tr class=\"now-failing\">"))
    }

    func testTwoBuildsOfTheSameInputsAreIdenticalAndReportNoChange() throws {
        XCTAssertEqual(try fixture.specbook(["build", "--no-cache", "--out", "site-a"]).status, 0)
        let second = try fixture.specbook(["build", "--no-cache", "--out", "site-b", "--compare", "site-a"])
        XCTAssertEqual(second.status, 0, second.stderr)
        XCTAssertTrue(second.stderr.contains("no changes against \(fixture.root.path)/site-a"), second.stderr)
        // Byte for byte: the manifest (values, checks, tables, code) and every figure file.
        let fm = FileManager.default
        XCTAssertEqual(try Data(contentsOf: fixture.root.appendingPathComponent("site-a/manifest.json")),
                       try Data(contentsOf: fixture.root.appendingPathComponent("site-b/manifest.json")))
        var figures = 0
        for notebook in ["fit", "other"] {
            for file in try fm.contentsOfDirectory(atPath: fixture.root.appendingPathComponent("site-a/assets/\(notebook)").path) {
                figures += 1
                XCTAssertEqual(try Data(contentsOf: fixture.root.appendingPathComponent("site-a/assets/\(notebook)/\(file)")),
                               try Data(contentsOf: fixture.root.appendingPathComponent("site-b/assets/\(notebook)/\(file)")), file)
            }
        }
        XCTAssertEqual(figures, 12, "three figures, each PNG and SVG in two themes")
        // What varies is kept apart: the run times differ, and are in timings.json.
        let timings = try fixture.read("site-b/timings.json")
        XCTAssertTrue(timings.contains("\"train_seconds\""), timings)
        let manifest = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: fixture.root.appendingPathComponent("site-b/manifest.json")))
                                     as? [String: Any])
        let fit = try XCTUnwrap((manifest["notebooks"] as? [[String: Any]])?.first { $0["name"] as? String == "fit" })
        XCTAssertEqual((fit["values"] as? [String: String])?.keys.sorted(), ["fixed", "loss", "slope"], "timing values stay out of the manifest")
        let diff = try fixture.specbook(["diff", "site-a", "site-b", "--fail-on-change"])
        XCTAssertEqual(diff.status, 0, diff.stdout)
        XCTAssertEqual(diff.stdout, "no changes\n")
        XCTAssertTrue(try fixture.read("site-b/changes.html").contains("No changes: every page, figure, value, check, table and code block is as it was."))
    }

    func testSitesThatCannotBeReadAreErrorsNamingThem() throws {
        let missing = try fixture.specbook(["diff", "nowhere", "also-nowhere"])
        XCTAssertEqual(missing.status, 2)
        XCTAssertTrue(missing.stderr.contains("nowhere/manifest.json: error: no manifest.json: not a site Specbook built"), missing.stderr)

        XCTAssertEqual(try fixture.specbook(["build"]).status, 0)
        try fixture.write("site/manifest.json", "{\"format\": 3, \"notebooks\": 3}")
        let damaged = try fixture.specbook(["diff", "site", "site"])
        XCTAssertEqual(damaged.status, 2)
        XCTAssertTrue(damaged.stderr.contains("site/manifest.json: error: cannot read the manifest"), damaged.stderr)
        // A rebuild over the damaged site still builds, says why it could not compare, and a named baseline that
        // is not a site stops the build before anything is written.
        let rebuilt = try fixture.specbook(["build"])
        XCTAssertEqual(rebuilt.status, 0, rebuilt.stderr)
        XCTAssertTrue(rebuilt.stderr.contains("site/manifest.json: warning: cannot compare with the previous build: cannot read the manifest"),
                      rebuilt.stderr)
        let named = try fixture.specbook(["build", "--compare", "nowhere"])
        XCTAssertEqual(named.status, 1)
        XCTAssertTrue(named.stderr.contains("nowhere/manifest.json: error: no manifest.json"), named.stderr)

        // A figure the baseline lost is reported as not comparable, not skipped.
        try FileManager.default.copyItem(at: fixture.root.appendingPathComponent("site"), to: fixture.root.appendingPathComponent("site-old"))
        try Data("broken".utf8).write(to: fixture.root.appendingPathComponent("site-old/assets/other/fig-other.png"))
        let broken = try fixture.specbook(["diff", "site-old", "site"])
        XCTAssertTrue(broken.stdout.contains("notebooks/other.md: figure 1 (fig-other) cannot be compared: "), broken.stdout)
        XCTAssertTrue(broken.stdout.contains("site-old/assets/other/fig-other.png: error: not a readable PNG"), broken.stdout)
    }
}
