import SpecbookReview
import XCTest

final class LineDiffTests: XCTestCase {
    func testEqualTextsHaveNoHunks() {
        XCTAssertTrue(LineDiff.hunks(old: "a\nb", new: "a\nb").isEmpty)
    }

    func testAChangedLineIsRemovedThenAddedWithContextAndLineNumbers() {
        let hunks = LineDiff.hunks(old: "a\nb\nc\nd\ne\nf", new: "a\nb\nc\nD\ne\nf", context: 1)
        XCTAssertEqual(hunks.count, 1)
        XCTAssertEqual(hunks[0].lines.map(\.kind), [.same, .removed, .added, .same])
        XCTAssertEqual(hunks[0].lines.map(\.text), ["c", "d", "D", "e"])
        XCTAssertEqual(hunks[0].lines[1].old, 4)
        XCTAssertNil(hunks[0].lines[1].new)
        XCTAssertEqual(hunks[0].lines[2].new, 4)
        XCTAssertEqual(hunks[0].lines[3].old, 5)
        XCTAssertEqual(hunks[0].lines[3].new, 5)
    }

    func testDistantChangesMakeSeparateHunksAndCloseOnesShareOne() {
        let old = (1...20).map(String.init).joined(separator: "\n")
        var lines = (1...20).map(String.init)
        lines[1] = "two"; lines[17] = "eighteen"
        XCTAssertEqual(LineDiff.hunks(old: old, new: lines.joined(separator: "\n"), context: 2).count, 2)
        lines[17] = "18"; lines[4] = "five"
        XCTAssertEqual(LineDiff.hunks(old: old, new: lines.joined(separator: "\n"), context: 2).count, 1)
    }

    func testAnEmptySideIsAllAddedOrAllRemoved() {
        XCTAssertEqual(LineDiff.hunks(old: "", new: "x\ny").flatMap(\.lines).map(\.kind), [.added, .added])
        XCTAssertEqual(LineDiff.hunks(old: "x", new: "").flatMap(\.lines).map(\.kind), [.removed])
    }

    func testInsertedLinesKeepTheOthersPaired() {
        let lines = LineDiff.hunks(old: "a\nb\nc", new: "a\nnew\nb\nc", context: 5).flatMap(\.lines)
        XCTAssertEqual(lines.map(\.kind), [.same, .added, .same, .same])
        XCTAssertEqual(lines.map(\.old), [1, nil, 2, 3])
        XCTAssertEqual(lines.map(\.new), [1, 2, 3, 4])
    }
}
