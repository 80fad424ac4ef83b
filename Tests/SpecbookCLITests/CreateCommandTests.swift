import Foundation
import XCTest

/// `specbook create`, a build from a subfolder of the new project, and `specbook --version`, run as a user runs them.
final class CreateCommandTests: XCTestCase {
    func testACreatedProjectBuildsAtOnceFromAnyFolderOfIt() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let created = try fixture.specbook(["create", "heat", "--title", "Heat: a \"first\" report"])
        XCTAssertEqual(created.status, 0, created.stderr)
        for file in ["specbook.yml", "notebooks/index.md", "lib/Quadrature.swift", ".gitignore", "README.md"] {
            XCTAssertTrue(fixture.exists("heat/\(file)"), file)
        }
        XCTAssertTrue(try fixture.read("heat/.gitignore").contains("/.specbook-cache/"))
        XCTAssertTrue(try fixture.read("heat/README.md").contains("specbook build"))

        try FileManager.default.createDirectory(at: fixture.root.appendingPathComponent("heat/notebooks/drafts"),
                                                withIntermediateDirectories: true)
        let build = try fixture.specbook(["build", "--strict"], in: "heat/notebooks/drafts")
        XCTAssertEqual(build.status, 0, build.stderr)
        XCTAssertTrue(build.stderr.contains("built 1 page into site/"), build.stderr)
        XCTAssertTrue(build.stderr.contains("compiling the project's lib module (1 file)"), "the index uses lib/: \(build.stderr)")
        XCTAssertTrue(build.stderr.contains("1 of 1 check hold"), build.stderr)
        let home = try fixture.read("heat/site/index.html")
        XCTAssertTrue(home.contains("Heat: a &quot;first&quot; report"), "the notebook is the home page")
        XCTAssertTrue(home.contains(#"data-name="points" id="value-points">101</span> samples gives <span class="value" data-name="mean" id="value-mean">0.5</span>"#),
                      "{{points}} and {{mean}} come from the run")
        XCTAssertTrue(home.contains("library build <code>"), "the footer names the library build")
        XCTAssertTrue(fixture.exists("heat/site/contents.html"), "the listing of pages moves aside")
        XCTAssertTrue(home.contains(#"<a class="listing" href="contents.html">Contents</a>"#), "and the header links to it")
        let png = try XCTUnwrap(try FileManager.default.contentsOfDirectory(atPath: fixture.root.appendingPathComponent("heat/site/assets/index").path)
            .first { $0.hasSuffix(".png") && !$0.contains("dark") })
        let size = try XCTUnwrap(pngSize(fixture.root.appendingPathComponent("heat/site/assets/index/\(png)")), "a real PNG")
        XCTAssertGreaterThanOrEqual(size.width, 640)
        XCTAssertFalse(fixture.exists("heat/notebooks/drafts/site"), "the site goes to the project root")

        let again = try fixture.specbook(["create", "heat"])
        XCTAssertEqual(again.status, 1)
        XCTAssertTrue(again.stderr.contains("heat: error: the folder is not empty"), again.stderr)
    }

    func testVersionNamesTheToolchainAndTheLibraryBuild() throws {
        let fixture = try Fixture()
        defer { fixture.remove() }
        let output = try fixture.specbook(["--version"])
        XCTAssertEqual(output.status, 0, output.stderr)
        let lines = output.stdout.split(separator: "\n").map(String.init)
        XCTAssertEqual(lines.count, 4, output.stdout)
        XCTAssertTrue(lines[0].hasPrefix("specbook 0."), lines[0])
        XCTAssertTrue(lines[1].hasPrefix("toolchain: Swift version "), lines[1])
        XCTAssertTrue(lines[2].range(of: #"^library: build [0-9a-f]{12}, in the checkout /"#, options: .regularExpression) != nil, lines[2])
        // The kernels notebook programs will run: the user's choice when made, else one chosen from the CPU.
        if let chosen = ProcessInfo.processInfo.environment["OPENBLAS_CORETYPE"] {
            XCTAssertTrue(lines[3].hasPrefix("blas kernels: \(chosen) (from OPENBLAS_CORETYPE; "), lines[3])
        } else {
            XCTAssertTrue(lines[3].range(of: #"^blas kernels: [A-Za-z0-9]+ \(chosen from the CPU's features; .+\)$"#,
                                         options: .regularExpression) != nil, lines[3])
        }
        let forced = try fixture.specbook(["--version"], environment: ["OPENBLAS_CORETYPE": "Haswell"])
        XCTAssertTrue(forced.stdout.contains("\nblas kernels: Haswell (from OPENBLAS_CORETYPE; "), forced.stdout)
    }
}
