import Foundation
import SpecbookBuild
import SpecbookNotebook
import SpecbookSite
import XCTest

/// The bibliography checks and pandoc's citeproc, run for real.
final class CitationFormatterTests: XCTestCase {
    var root: URL!

    let bib = """
    @article{zhang2021,
      title = {Linear Frequency Principle Model to Understand the Absence of Overfitting in Neural Networks},
      author = {Zhang, Yaoyu and Luo, Tao and Ma, Zheng and Xu, Zhi-Qin John},
      journal = {Chinese Physics Letters}, volume = {38}, number = {3}, pages = {038701}, year = {2021},
      doi = {10.1088/0256-307X/38/3/038701}
    }

    Text between entries is a comment.

    @misc{luo2020,
      title = {On the exact computation of linear frequency principle dynamics and its generalization},
      author = {Luo, Tao and Ma, Zheng and Xu, Zhi-Qin John and Zhang, Yaoyu},
      year = {2020}, url = {https://arxiv.org/abs/2010.08153}
    }
    """

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("specbook-cite-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try bib.write(to: root.appendingPathComponent("references.bib"), atomically: true, encoding: .utf8)
    }

    override func tearDown() {
        try? FileManager.default.removeItem(at: root)
    }

    func testKeysWithTheirLines() throws {
        let bibliography = try Bibliography.load(["references.bib"], root: root)
        XCTAssertEqual(bibliography.keys["zhang2021"], .init(file: "references.bib", line: 1))
        XCTAssertEqual(bibliography.keys["luo2020"], .init(file: "references.bib", line: 10))
        XCTAssertEqual(bibliography.keys.count, 2)
    }

    func assertError(_ text: String, _ expected: String, file: StaticString = #filePath, line: UInt = #line) throws {
        try text.write(to: root.appendingPathComponent("bad.bib"), atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try Bibliography.load(["references.bib", "bad.bib"], root: root), file: file, line: line) { error in
            XCTAssertEqual("\(error)", expected, file: file, line: line)
        }
    }

    func testMalformedAndDuplicateEntriesNameFileAndLine() throws {
        try assertError("@article{a,\n  title = {x}\n\n@book{b, title = {y}}\n",
                        "bad.bib:1: error: malformed entry: '@article' starting here is never closed (unbalanced braces)")
        try assertError("\n\n@article a, title = {x}}\n", "bad.bib:3: error: malformed entry: '@article' is not followed by '{'")
        try assertError("A comment naming me@example.org\n", "bad.bib:1: error: malformed entry: '@example' is not followed by '{'")
        try assertError("@article{title = {x}}\n", "bad.bib:1: error: malformed entry: '@article' has no key followed by ','")
        try assertError("@string{ab = {x}}\n\n@misc{luo2020, title = {again}}\n",
                        "bad.bib:3: error: duplicate citation key 'luo2020' (first defined at references.bib:10)")
        XCTAssertThrowsError(try Bibliography.load(["missing.bib"], root: root)) { error in
            XCTAssertEqual("\(error)", "missing.bib: error: bibliography file not found")
        }
    }

    func testNumericCitationsAreNumberedInReadingOrderAndCached() throws {
        let bibliography = try Bibliography.load(["references.bib"], root: root)
        let groups = [Citations.Group(written: "[@luo2020]", keys: ["luo2020"]),
                      Citations.Group(written: "[@zhang2021, p. 3]", keys: ["zhang2021"]),
                      Citations.Group(written: "[@nobody]", keys: ["nobody"])]
        var formatter = CitationFormatter(cache: root.appendingPathComponent("cache"), root: root)
        let table = try formatter.format(groups, bibliography: bibliography, style: .numeric)
        XCTAssertEqual(table.rendered["[@luo2020]"], "<a href=\"#ref-luo2020\" role=\"doc-biblioref\">[1]</a>")
        XCTAssertEqual(table.rendered["[@zhang2021, p. 3]"], "<a href=\"#ref-zhang2021\" role=\"doc-biblioref\">[2, p. 3]</a>")
        XCTAssertNil(table.rendered["[@nobody]"], "an unknown key is not formatted")
        XCTAssertEqual(table.entries.map(\.key), ["luo2020", "zhang2021"])
        let zhang = try XCTUnwrap(table.entries.last?.html)
        XCTAssertTrue(zhang.hasPrefix("<div id=\"ref-zhang2021\" class=\"csl-entry\""), zhang)
        XCTAssertTrue(zhang.contains("<a href=\"https://doi.org/10.1088/0256-307X/38/3/038701\">"), "the DOI is a link: \(zhang)")
        XCTAssertTrue(zhang.hasSuffix("</div>") && zhang.components(separatedBy: "<div").count == zhang.components(separatedBy: "</div>").count,
                      "one whole entry: \(zhang)")
        XCTAssertEqual(table.plain["luo2020"],
                       "[1] T. Luo, Z. Ma, Z.-Q. J. Xu, and Y. Zhang, “On the exact computation of linear frequency principle dynamics and its generalization.” 2020. Available: https://arxiv.org/abs/2010.08153")

        // The same inputs again: read from the cache, no pandoc needed.
        formatter.pandoc = "/nonexistent/pandoc"
        XCTAssertEqual(try formatter.format(groups, bibliography: bibliography, style: .numeric), table)
        // A changed citation needs pandoc again: here, a clear error.
        XCTAssertThrowsError(try formatter.format(Array(groups.reversed()), bibliography: bibliography, style: .numeric)) { error in
            XCTAssertEqual("\(error)", "references.bib: error: citations need pandoc on the PATH (apt-get install pandoc)")
        }
    }

    func testAuthorYearStyle() throws {
        let bibliography = try Bibliography.load(["references.bib"], root: root)
        let groups = [Citations.Group(written: "@zhang2021", keys: ["zhang2021"]),
                      Citations.Group(written: "[-@luo2020]", keys: ["luo2020"])]
        let table = try CitationFormatter(cache: root.appendingPathComponent("cache"), root: root)
            .format(groups, bibliography: bibliography, style: .authorYear)
        XCTAssertEqual(table.rendered["@zhang2021"], "Zhang et al. (<a href=\"#ref-zhang2021\" role=\"doc-biblioref\">2021</a>)")
        XCTAssertEqual(table.rendered["[-@luo2020]"], "(<a href=\"#ref-luo2020\" role=\"doc-biblioref\">2020</a>)", "author suppressed")
        XCTAssertEqual(table.entries.map(\.key), ["luo2020", "zhang2021"], "author-year lists alphabetically")
    }
}
