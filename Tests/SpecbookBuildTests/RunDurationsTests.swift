import Foundation
import SpecbookBuild
import XCTest

/// The order a build starts its notebooks in, and the record it is taken from.
final class RunDurationsTests: XCTestCase {
    func testLongestFirstWithUntimedBeforeTimedAndTiesInPageOrder() {
        XCTAssertEqual(RunDurations.longestFirst([1, 5, nil, 5, 0, nil]), [2, 5, 1, 3, 0, 4])
        XCTAssertEqual(RunDurations.longestFirst([]), [])
        XCTAssertEqual(RunDurations.longestFirst([nil, nil]), [0, 1], "nothing timed: page order")
    }

    func testTimesArePerNameAndParametersAndSurviveAFile() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("durations-\(UUID().uuidString)/durations.json")
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        var durations = RunDurations.load(file)
        XCTAssertEqual(durations, RunDurations(), "no file: nothing known")
        durations.record(297, of: "frequency-principle", parameters: [:])
        durations.record(12, of: "frequency-principle", parameters: ["profile": "quick", "a": "1"])
        durations.save(to: file)
        let again = RunDurations.load(file)
        XCTAssertEqual(again.seconds(of: "frequency-principle", parameters: [:]), 297)
        XCTAssertEqual(again.seconds(of: "frequency-principle", parameters: ["a": "1", "profile": "quick"]), 12)
        XCTAssertNil(again.seconds(of: "frequency-principle", parameters: ["profile": "full"]))
        XCTAssertEqual(RunDurations.key("x", parameters: ["profile": "quick", "a": "1"]), "x a=1 profile=quick")

        try Data("[1, 2".utf8).write(to: file)
        XCTAssertEqual(RunDurations.load(file), RunDurations(), "an unreadable record is an empty one")
    }
}
