import Foundation
import XCTest

/// Builds small fixture projects with the real `specbook` executable: real swiftc, real child processes, real Cairo.
final class EndToEndTests: XCTestCase {
    var fixture: Fixture!

    override func setUpWithError() throws {
        fixture = try Fixture()
    }

    override func tearDown() {
        fixture?.remove()
    }

    let plot = """
        ---
        title: Plot <&> page
        description: A sine and a table.
        seed: 3
        ---

        # A sine

        ```swift
        //| label: fig-sine
        //| caption: One period of sin.
        let xs = (0...100).map { Double($0) / 100 }
        let fig = Figure(width: 320, height: 200)
        try fig.axes.line(x: xs, y: xs.map { sin(2 * Double.pi * $0) }, label: "sin")
        try show(fig)
        print("<script>alert(1)</script>")
        show(table: [["k", "value"], ["1", "<b>bold?</b>"]])
        report("answer", 42)
        ```

        The answer is {{answer}}.
        """

    func testBuildWritesPagesFiguresAndEscapesOutput() throws {
        try fixture.write("notebooks/plot.md", plot)
        try fixture.write("notebooks/prose.md", "---\ntitle: Only prose\n---\n\nNo code here, see [plot](plot.html).\n")
        let run = try fixture.specbook(["build"])
        XCTAssertEqual(run.status, 0, run.stderr)

        let page = try fixture.read("site/plot.html")
        XCTAssertTrue(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "block output is escaped")
        XCTAssertFalse(page.contains("<script>alert(1)</script>"))
        XCTAssertTrue(page.contains("<td class=\"nowrap\">&lt;b&gt;bold?&lt;/b&gt;</td>"), "table cells are escaped")
        XCTAssertTrue(page.contains("<title>Plot &lt;&amp;&gt; page"), "titles are escaped")
        XCTAssertTrue(page.contains("The answer is <span class=\"value\" data-name=\"answer\" id=\"value-answer\">42</span>."))
        XCTAssertTrue(page.contains("id=\"fig-sine\""))
        XCTAssertTrue(page.contains("Figure 1</span>: One period of sin."))
        XCTAssertTrue(page.contains("href=\"assets/plot/fig-sine.svg\""))
        XCTAssertTrue(page.contains("media=\"(prefers-color-scheme: dark)\""))
        XCTAssertFalse(page.contains("href=\"/"), "links are relative")
        XCTAssertFalse(page.contains("http://") || page.contains("https://"), "no network resources")

        let size = try XCTUnwrap(pngSize(fixture.root.appendingPathComponent("site/assets/plot/fig-sine.png")), "a valid PNG")
        XCTAssertEqual(size.width, 640)
        XCTAssertEqual(size.height, 400)
        XCTAssertTrue(try fixture.read("site/assets/plot/fig-sine.svg").contains("<svg"))

        let index = try fixture.read("site/index.html")
        XCTAssertTrue(index.contains("href=\"plot.html\""))
        XCTAssertTrue(index.contains("href=\"prose.html\""))
        XCTAssertTrue(index.contains("src=\"assets/plot/fig-sine.png\""), "first figure as thumbnail")
        XCTAssertTrue(index.contains("A sine and a table."))
        XCTAssertTrue(fixture.exists("site/prose.html"))
        XCTAssertTrue(fixture.exists("site/assets/specbook.css"))

        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: fixture.root.appendingPathComponent("site/manifest.json"))) as? [String: Any]
        let notebooks = try XCTUnwrap(manifest?["notebooks"] as? [[String: Any]])
        XCTAssertEqual(notebooks.count, 2)
        XCTAssertNotNil(manifest?["swiftVersion"])
        // The kernels the program ran, as OpenBLAS names them, in the manifest and the page's footer.
        let kernel = try XCTUnwrap(notebooks.first { $0["name"] as? String == "plot" }?["blasKernel"] as? String)
        XCTAssertTrue(page.contains("<dt>BLAS kernels</dt><dd>OpenBLAS \(kernel)</dd>"), kernel)
    }

    func testCompileErrorPointsIntoTheNotebook() throws {
        try fixture.write("notebooks/typo.md", "# Typo\n\nSome text.\n\n```swift\nlet a = 1\nlet b: String = a\n```\n")
        let run = try fixture.specbook(["build", "--strict"])
        XCTAssertNotEqual(run.status, 0)
        XCTAssertTrue(run.stderr.contains("notebooks/typo.md:7:"), run.stderr)
        XCTAssertTrue(run.stderr.contains("error: cannot convert value of type 'Int'"), run.stderr)
        XCTAssertEqual(run.stderr.components(separatedBy: "error: cannot convert value of type 'Int'").count - 1, 1,
                       "the build reports the error once: \(run.stderr)")
        let page = try fixture.read("site/typo.html")
        XCTAssertTrue(page.contains("notebooks/typo.md:7:"), "the error is shown in place on the page")
        XCTAssertTrue(page.contains("<span class=\"line failing\"><span class=\"ln\" aria-hidden=\"true\">7</span>"),
                      "the failing line is marked at its notebook line number: \(page)")
        XCTAssertTrue(page.contains("<span class=\"ln\" aria-hidden=\"true\">6</span>"))
        XCTAssertFalse(page.contains("error-details\">notebooks/typo.md:7"), "the diagnostics do not repeat the error line")

        let single = try fixture.specbook(["run", "notebooks/typo.md"])
        XCTAssertEqual(single.status, 1)
        XCTAssertEqual(single.stderr.components(separatedBy: "error: cannot convert value of type 'Int'").count - 1, 1,
                       "specbook run reports the error once: \(single.stderr)")
        XCTAssertTrue(single.stderr.contains("let b: String = a"), "with the failing line quoted")
        XCTAssertFalse(single.stderr.contains(" 2 | "), "and no line numbers of the generated program: \(single.stderr)")
    }

    func testCrashAndTimeoutAreIsolatedToTheirNotebook() throws {
        try fixture.write("notebooks/a-good.md", "# Good\n\n```swift\nprint(\"still built\")\n```\n")
        try fixture.write("notebooks/b-crash.md", "# Crash\n\n```swift\nprint(\"before\")\n```\n\n```swift\nlet xs = [1]\nprint(xs[5])\n```\n")
        try fixture.write("notebooks/c-hang.md", "---\ntimeout: 2\n---\n\n```swift\nprint(\"first\")\n```\n\n```swift\nwhile true { usleep(1000) }\n```\n")
        let run = try fixture.specbook(["build", "--jobs", "2"])
        XCTAssertEqual(run.status, 1, "a failed notebook fails the build: \(run.stderr)")
        XCTAssertTrue(run.stderr.contains("(3 run, 0 cached, 2 failed)"), run.stderr)
        XCTAssertTrue(run.stderr.contains("notebooks/b-crash.md:7: error: block crashed"), run.stderr)
        XCTAssertTrue(run.stderr.contains("notebooks/c-hang.md:9: error: timed out after 2 s"), run.stderr)
        XCTAssertTrue(try fixture.read("site/a-good.html").contains("still built"))
        let crash = try fixture.read("site/b-crash.html")
        XCTAssertTrue(crash.contains("before"), "output before the crash is kept")
        XCTAssertTrue(crash.contains("block crashed"))
        XCTAssertTrue(try fixture.read("site/c-hang.html").contains("timed out"))
    }

    func testChecksAreRecordedShownCountedAndEnforcedByStrict() throws {
        try fixture.write("notebooks/a-claims.md", """
            ---
            params:
              limit: 1
            ---
            # Claims

            {{checks.held}} of {{checks.total}} checks hold across the site.

            ```swift
            let slope = 0.5
            check("slope below the limit", slope, lessThan: param("limit", default: 1.0))
            check("positive", slope > 0)
            note("regime B", "outside the kernel regime")
            ```
            """)
        try fixture.write("notebooks/b-other.md", "# Other\n\n```swift\ncheck(\"trivially\", true)\n```\n")
        let first = try fixture.specbook(["build", "--strict"])
        XCTAssertEqual(first.status, 0, first.stderr)
        XCTAssertTrue(first.stderr.contains("3 of 3 checks hold, 1 note"), first.stderr)
        let page = try fixture.read("site/a-claims.html")
        XCTAssertTrue(page.contains("<span class=\"value\" data-name=\"checks.held\" id=\"value-checks.held\">3</span> of <span class=\"value\" data-name=\"checks.total\" id=\"value-checks.total\">3</span>"), page)
        XCTAssertTrue(page.contains("<summary><strong>Checks:</strong> 2 hold, 0 fail, 1 note</summary>"), page)
        XCTAssertTrue(page.contains("id=\"check-0-0\" data-line=\"11\"><span class=\"verdict\">holds</span> <span class=\"check-name\">slope below the limit</span>: measured <code>0.5</code>, expected <code>&lt; 1</code>"), page)
        XCTAssertTrue(page.contains("<a href=\"#check-0-2\"><span class=\"verdict\">note</span> regime B</a>"))
        XCTAssertTrue(try fixture.read("site/index.html").contains("2 of 2 checks hold"))
        let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: fixture.root.appendingPathComponent("site/manifest.json"))) as? [String: Any]
        let entry = try XCTUnwrap((manifest?["notebooks"] as? [[String: Any]])?.first { $0["name"] as? String == "a-claims" })
        XCTAssertEqual((entry["checks"] as? [[String: Any]])?.map { $0["verdict"] as? String }, ["holds", "holds", "note"])

        // A failing check: shown, named with its line, fatal only with --strict, and called out as newly failing.
        let plain = try fixture.specbook(["build", "-P", "limit=0.1"])
        XCTAssertEqual(plain.status, 0, plain.stderr)
        XCTAssertTrue(plain.stderr.contains("notebooks/a-claims.md:11: check failed: slope below the limit: measured 0.5, expected < 0.1"), plain.stderr)
        XCTAssertTrue(plain.stderr.contains("now fails, held in the previous build: notebooks/a-claims.md:11"), plain.stderr)
        XCTAssertTrue(try fixture.read("site/a-claims.html").contains("<summary><strong>Checks:</strong> 1 holds, 1 fails, 1 note</summary>"))
        XCTAssertTrue(try fixture.read("site/index.html").contains("1 of 2 checks hold"))
        let strict = try fixture.specbook(["build", "--strict", "-P", "limit=0.1"])
        XCTAssertEqual(strict.status, 1, strict.stderr)
        XCTAssertTrue(strict.stderr.contains("(0 run, 2 cached, 0 failed)"), "cached results keep their checks: \(strict.stderr)")
        XCTAssertTrue(strict.stderr.contains("notebooks/a-claims.md:11: check failed: slope below the limit"), strict.stderr)
        XCTAssertTrue(strict.stderr.contains("1 failed check and 0 warnings fail the build (--strict)"), strict.stderr)
    }

    func testFailedNotebookKeepsItsLastGoodPage() throws {
        try fixture.write("notebooks/other.md", "# Other\n\n```swift\nprint(\"other page\")\n```\n")
        try fixture.write("notebooks/fit.md", "# Fit\n\nThe loss is {{loss}}.\n\n```swift\nreport(\"loss\", \"0.25\")\nprint(\"good run\")\n```\n")
        XCTAssertEqual(try fixture.specbook(["build"]).status, 0)

        // A compile error, a trap and a hang: each fails the build, and the page keeps the last good run.
        let breakages = ["let x: String = 1", "let xs = [1]\nprint(xs[3])", "while true { usleep(1000) }"]
        for broken in breakages {
            try fixture.write("notebooks/fit.md", "---\ntimeout: 2\n---\n# Fit\n\nThe loss is {{loss}}.\n\n```swift\nreport(\"loss\", \"0.5\")\n\(broken)\n```\n")
            let run = try fixture.specbook(["build"])
            XCTAssertEqual(run.status, 1, run.stderr)
            XCTAssertTrue(run.stderr.contains("notebooks/fit.md:"), run.stderr)
            let page = try fixture.read("site/fit.html")
            XCTAssertTrue(page.contains("good run"), "the last good output is kept for: \(broken)")
            XCTAssertTrue(page.contains("The loss is <span class=\"value\" data-name=\"loss\" id=\"value-loss\">0.25</span>."), "values from the last good run")
            XCTAssertTrue(page.contains("The latest run of this notebook failed"), "a banner says so")
            XCTAssertTrue(try fixture.read("site/other.html").contains("other page"))
            let manifest = try JSONSerialization.jsonObject(with: Data(contentsOf: fixture.root.appendingPathComponent("site/manifest.json"))) as? [String: Any]
            let fit = try XCTUnwrap((manifest?["notebooks"] as? [[String: Any]])?.first { $0["name"] as? String == "fit" })
            XCTAssertEqual(fit["showsLastGood"] as? Bool, true)
        }

        // A notebook that never succeeded shows its error.
        try fixture.write("notebooks/new.md", "# New\n\n```swift\nlet y: Int = \"no\"\n```\n")
        let run = try fixture.specbook(["build"])
        XCTAssertEqual(run.status, 1)
        XCTAssertTrue(try fixture.read("site/new.html").contains("notebooks/new.md:4:"))
    }

    func testBadInputLeavesThePreviousSiteUntouched() throws {
        try fixture.write("notebooks/ok.md", "# Fine\n\n```swift\nprint(1)\n```\n")
        XCTAssertEqual(try fixture.specbook(["build"]).status, 0)
        let before = try fixture.read("site/ok.html")

        try fixture.write("notebooks/broken.md", "# Broken\n\n```swift\nprint(1)\n")
        let broken = try fixture.specbook(["build"])
        XCTAssertNotEqual(broken.status, 0)
        XCTAssertTrue(broken.stderr.contains("notebooks/broken.md:3: error: code fence opened here is never closed"), broken.stderr)
        XCTAssertEqual(try fixture.read("site/ok.html"), before)
        XCTAssertFalse(fixture.exists("site/broken.html"))

        let missing = try fixture.specbook(["build", "nowhere"])
        XCTAssertNotEqual(missing.status, 0)
        XCTAssertTrue(missing.stderr.contains("nowhere: error: no such file or folder"), missing.stderr)

        let unwritable = try fixture.specbook(["build", "notebooks/ok.md", "--out", "/proc/specbook-site"])
        XCTAssertNotEqual(unwritable.status, 0)
        XCTAssertTrue(unwritable.stderr.contains("/proc/specbook-site"), unwritable.stderr)
        XCTAssertEqual(try fixture.read("site/ok.html"), before)
    }

    func testRunPrintsOutputsToTheTerminal() throws {
        try fixture.write("notebooks/p.md", "---\nparams:\n  n: 3\n---\n\n```swift\nprint(param(\"n\", default: 0) * 2)\n```\n")
        let run = try fixture.specbook(["run", "notebooks/p.md", "-P", "n=21"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stdout.contains("42"), run.stdout)
    }

    func testProjectTitleFromSpecbookYml() throws {
        try fixture.write("notebooks/a.md", "# A\n\nProse.\n")
        try fixture.write("specbook.yml", "title: My <report>\ndescription: What it is about.\n")
        XCTAssertEqual(try fixture.specbook(["build"]).status, 0)
        let index = try fixture.read("site/index.html")
        XCTAssertTrue(index.contains("<h1>My &lt;report&gt;</h1>"), index)
        XCTAssertTrue(index.contains("What it is about."))
        XCTAssertTrue(try fixture.read("site/a.html").contains("My &lt;report&gt;"))

        try fixture.write("specbook.yml", "title: x\ncolour: red\n")
        let bad = try fixture.specbook(["build"])
        XCTAssertNotEqual(bad.status, 0)
        XCTAssertTrue(bad.stderr.contains("specbook.yml: error: unknown key 'colour'"), bad.stderr)
    }
}
