import SpecbookSite
import XCTest

final class CitationTests: XCTestCase {
    func testPandocForms() {
        XCTAssertEqual(Citations.groups(in: "x [@a] y").map(\.written), ["[@a]"])
        XCTAssertEqual(Citations.groups(in: "[@a; @b:2020, p. 3]").first?.keys, ["a", "b:2020"])
        XCTAssertEqual(Citations.groups(in: "[see @a, ch. 2; also -@b]").first?.keys, ["a", "b"])
        XCTAssertEqual(Citations.groups(in: "[-@zhang2021]").first?.keys, ["zhang2021"])
        XCTAssertEqual(Citations.groups(in: "[@a;\n@b, p. 3]").first?.keys, ["a", "b"], "a group wrapped over two lines")
        XCTAssertEqual(Citations.groups(in: "As @luo2020 show.").map(\.written), ["@luo2020"], "a trailing . ends the key")
        XCTAssertEqual(Citations.groups(in: "As @luo2020: more").first?.keys, ["luo2020"])
    }

    func testWhatIsNoCitation() {
        XCTAssertEqual(Citations.groups(in: "@fig-a, @tbl-b and @eq-c and [@fig-a]"), [], "cross references")
        XCTAssertEqual(Citations.groups(in: "see @other#fig-a and @lfp#eq-flow."), [], "cross references to other pages")
        XCTAssertEqual(Citations.groups(in: "me@example.org and a\\@b"), [], "e-mail and escaped @")
        XCTAssertEqual(Citations.groups(in: "[no key here] and [x@y]"), [])
        XCTAssertEqual(Citations.groups(in: "@ alone, @-dash"), [])
        XCTAssertEqual(Citations.split("a [@k] b"), [.text("a "), .citation(.init(written: "[@k]", keys: ["k"])), .text(" b")])
    }

    func testTableMarksUnknownKeysAndListsThePagesEntries() {
        var table = CitationTable(known: ["a", "b"])
        table.rendered["[@a]"] = "<a href=\"#ref-a\">[1]</a>"
        table.entries = [(key: "a", html: "<div id=\"ref-a\">A</div>"), (key: "b", html: "<div id=\"ref-b\">B</div>")]
        table.plain = ["a": "[1] A & co"]
        let known = table.html(.init(written: "[@a]", keys: ["a"]))
        XCTAssertEqual(known.unknown, [])
        XCTAssertTrue(known.html.contains("<a href=\"#ref-a\">[1]</a><span class=\"cite-tip\" role=\"tooltip\"><span class=\"cite-entry\">[1] A &amp; co</span>"))
        let unknown = table.html(.init(written: "[@a; @zz, p. 2]", keys: ["a", "zz"]))
        XCTAssertEqual(unknown.unknown, ["zz"])
        XCTAssertTrue(unknown.html.contains("class=\"citation broken\""))
        XCTAssertTrue(unknown.html.contains("[@a; @zz?, p. 2]"), unknown.html)
        let section = table.section(citing: ["b"])
        XCTAssertTrue(section.contains("<h2 id=\"references\">References</h2>"))
        XCTAssertTrue(section.contains("ref-b") && !section.contains("ref-a"), "only the page's own entries")
        XCTAssertEqual(table.section(citing: []), "")
    }
}
