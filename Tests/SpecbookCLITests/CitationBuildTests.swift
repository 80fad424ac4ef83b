import Foundation
import XCTest

/// Citations through `specbook build`: pandoc's citeproc for real, warnings and errors at their lines.
final class CitationBuildTests: XCTestCase {
    var fixture: Fixture!

    override func setUpWithError() throws {
        try Fixture.requireFreshBuild()
        fixture = try Fixture()
        try fixture.write("references.bib", """
            @article{zhang2021,
              title = {Linear Frequency Principle Model to Understand the Absence of Overfitting in Neural Networks},
              author = {Zhang, Yaoyu and Luo, Tao and Ma, Zheng and Xu, Zhi-Qin John},
              journal = {Chinese Physics Letters}, year = {2021}, doi = {10.1088/0256-307X/38/3/038701}
            }
            @misc{xu2019,
              title = {Frequency Principle: Fourier Analysis Sheds Light on Deep Neural Networks},
              author = {Xu, Zhi-Qin John and Zhang, Yaoyu and Luo, Tao and Xiao, Yanyang and Ma, Zheng},
              year = {2019}, url = {https://arxiv.org/abs/1901.06523}
            }
            """)
        try fixture.write("notebooks/a.md", "---\ntitle: First\norder: 1\n---\n\nSpectral bias [@xu2019] and the LFP model [@zhang2021].\n"
                          + "Both, wrapped over two lines [@xu2019;\n@zhang2021, p. 2].\n")
        try fixture.write("notebooks/b.md", "---\ntitle: Second\norder: 2\n---\n\nAgain @zhang2021.\n\nA key nobody has: [@nobody].\n")
    }

    override func tearDown() { fixture?.remove() }

    func testPagesCiteWithSiteWideNumbersAndEndWithReferences() throws {
        let run = try fixture.specbook(["build"])
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertTrue(run.stderr.contains("notebooks/b.md:8: warning: unknown citation key @nobody (not in the bibliography)"), run.stderr)
        let first = try fixture.read("site/a.html"), second = try fixture.read("site/b.html")
        XCTAssertTrue(first.contains("<a href=\"#ref-xu2019\" role=\"doc-biblioref\">[1]</a>"), first)
        XCTAssertTrue(first.contains("<a href=\"#ref-zhang2021\" role=\"doc-biblioref\">[2]</a>"))
        XCTAssertTrue(first.contains("<a href=\"#ref-zhang2021\" role=\"doc-biblioref\">[2, p. 2]</a>"), "a wrapped group: \(first)")
        XCTAssertTrue(second.contains("<a href=\"#ref-zhang2021\" role=\"doc-biblioref\">[2]</a>"), "numbers are site-wide")
        XCTAssertTrue(second.contains("<span class=\"citation broken\""))
        XCTAssertTrue(second.contains("[@nobody?]"))
        XCTAssertTrue(first.contains("<h2 id=\"references\">References</h2>"))
        XCTAssertTrue(second.contains("id=\"ref-zhang2021\"") && !second.contains("id=\"ref-xu2019\""), "a page lists what it cites")
        XCTAssertTrue(first.contains("<a href=\"https://doi.org/10.1088/0256-307X/38/3/038701\">"))
        XCTAssertTrue(first.contains("<span class=\"cite-tip\" role=\"tooltip\">"))
        XCTAssertFalse(try fixture.specbook(["build", "--strict"]).status == 0, "an unknown key fails --strict")
    }

    func testMalformedOrDuplicateEntriesStopTheBuildAndKeepTheSite() throws {
        try fixture.write("notebooks/b.md", "---\ntitle: Second\n---\n\nAgain @zhang2021.\n")
        XCTAssertEqual(try fixture.specbook(["build"]).status, 0)
        let before = try fixture.read("site/a.html")
        try fixture.write("references.bib", "@misc{a, title = {x}}\n\n@article{broken,\n  title = {never closed}\n")
        let broken = try fixture.specbook(["build"])
        XCTAssertNotEqual(broken.status, 0)
        XCTAssertTrue(broken.stderr.contains("references.bib:3: error: malformed entry: '@article' starting here is never closed"), broken.stderr)
        try fixture.write("references.bib", "@misc{a, title = {x}}\n@misc{a, title = {y}}\n")
        let duplicate = try fixture.specbook(["build"])
        XCTAssertTrue(duplicate.stderr.contains("references.bib:2: error: duplicate citation key 'a' (first defined at references.bib:1)"),
                      duplicate.stderr)
        XCTAssertEqual(try fixture.read("site/a.html"), before, "the previous site is untouched")
    }
}
