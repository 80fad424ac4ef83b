import Foundation
import Specbook
import SpecbookWire
import XCTest

/// The notebook runtime in this process: what `show`, `report` and the generated block calls write, read
/// back through the wire protocol.
final class RuntimeTests: XCTestCase {
    /// The folder the runtime writes to; set once, before the runtime first reads its environment.
    static let folder: URL = {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("specbook-runtime-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: folder.appendingPathComponent("output"), withIntermediateDirectories: true)
        setenv(RunEnvironment.output, folder.appendingPathComponent("output").path, 1)
        setenv(RunEnvironment.records, folder.appendingPathComponent("records.jsonl").path, 1)
        setenv(RunEnvironment.progress, folder.appendingPathComponent("progress.json").path, 1)
        setenv(RunEnvironment.seed, "77", 1)
        setenv(RunEnvironment.parameters, #"{"epochs":"500","rate":"0.25","quick":"true"}"#, 1)
        return folder
    }()

    func records() throws -> [Record] {
        let data = try Data(contentsOf: Self.folder.appendingPathComponent("records.jsonl"))
        return try data.split(separator: 0x0A).map { try Record(jsonLine: Data($0)) }
    }

    func testBlocksAndOutputsBecomeRecords() throws {
        let folder = Self.folder
        let before = (try? records().count) ?? 0
        NotebookRuntime.beginBlock(3, ordinal: 1, total: 2, label: "fig-line")
        let figure = Figure(width: 120, height: 80)
        try figure.axes.line(x: [0, 1, 2], y: [0, 1, 4])
        try show(figure, caption: "A line.")
        show(table: [["a", "b"], ["1", "2"]], caption: "Numbers")
        report("steps", 42)
        show(text: "converged")
        NotebookRuntime.progress("epoch 7 of 10")
        let progress = try Record(jsonLine: Data(contentsOf: folder.appendingPathComponent("progress.json")))
        XCTAssertEqual(progress, .progress(ProgressRecord(block: 3, ordinal: 1, total: 2, message: "epoch 7 of 10")))
        NotebookRuntime.finish()

        let written = Array(try records().dropFirst(before))
        guard written.count == 6 else { return XCTFail("\(written)") }
        guard case .blockBegan(let began) = written[0] else { return XCTFail("\(written[0])") }
        XCTAssertEqual([began.block, began.ordinal, began.total], [3, 1, 2])
        XCTAssertEqual(began.label, "fig-line")
        guard case .figure(let shown) = written[1] else { return XCTFail("\(written[1])") }
        XCTAssertEqual(shown.files, FigureFiles(stem: "fig-line"), "the block's label names its first figure")
        XCTAssertEqual(shown.caption, "A line.")
        XCTAssertEqual([shown.width, shown.height], [120, 80])
        for name in shown.files.all {
            XCTAssertTrue(FileManager.default.fileExists(atPath: folder.appendingPathComponent("output/\(name)").path), name)
        }
        XCTAssertEqual(written[2], .table(TableRecord(block: 3, rows: [["a", "b"], ["1", "2"]], caption: "Numbers")))
        XCTAssertEqual(written[3], .value(ValueRecord(block: 3, name: "steps", value: "42")))
        XCTAssertEqual(written[4], .text(TextRecord(block: 3, text: "converged")))
        guard case .end(let end) = written[5] else { return XCTFail("\(written[5])") }
        XCTAssertEqual(end.block, 3)
        XCTAssertGreaterThanOrEqual(end.time, began.time)
    }

    func testSeedAndParametersComeFromTheEnvironment() {
        _ = Self.folder
        XCTAssertEqual(notebookSeed, 77)
        XCTAssertEqual(param("epochs", default: 1), 500)
        XCTAssertEqual(param("rate", default: 1.0), 0.25)
        XCTAssertEqual(param("quick", default: false), true)
        XCTAssertEqual(param("missing", default: "x"), "x")
        XCTAssertEqual(param("rate", default: 3), 3, "a value that is not an integer falls back")
    }

    func testChecksRecordVerdictsAndTheirLine() throws {
        _ = Self.folder
        let before = (try? records().count) ?? 0
        NotebookRuntime.beginBlock(9, ordinal: 1, total: 1)
        let line = #line
        XCTAssertTrue(check("holds", true))
        XCTAssertFalse(check("below", 0.3, lessThan: 0.25))
        XCTAssertTrue(check("above", 2, greaterThan: 1))
        XCTAssertTrue(check("bracket", 0.5...1.5, contains: 1))
        XCTAssertFalse(check("in range", .nan, in: 0...1), "NaN fails every comparison")
        XCTAssertTrue(check("closed form", 1.000_000_001, approximately: 1, relativeTolerance: 1e-8))
        XCTAssertFalse(check("exact", 1.1, approximately: 1))
        note("time scale", "outside the kernel regime")
        let written = try records().dropFirst(before + 1).compactMap { record -> CheckRecord? in
            if case .check(let c) = record { return c }
            return nil
        }
        XCTAssertEqual(written.map(\.name), ["holds", "below", "above", "bracket", "in range", "closed form", "exact", "time scale"])
        XCTAssertEqual(written.map(\.verdict), [.holds, .fails, .holds, .holds, .fails, .holds, .fails, .note])
        XCTAssertEqual(written.map(\.line), Array((line + 1)...(line + 8)), "each check names the line that made it")
        XCTAssertTrue(written.allSatisfy { $0.file == #file && $0.block == 9 })
        XCTAssertEqual(written[1].measured, "0.3")
        XCTAssertEqual(written[1].expected, "< 0.25")
        XCTAssertEqual(written[3].measured, "[0.5, 1.5]")
        XCTAssertEqual(written[5].expected, "≈ 1 (within rel 1e-08)")
        XCTAssertEqual(written[7].measured, "outside the kernel regime")
    }
}

/// The number formats prose cites, against strings worked out by hand.
final class FormattingTests: XCTestCase {
    func testFormats() {
        XCTAssertEqual(significant(0.012345), "0.0123")
        XCTAssertEqual(significant(123456, 2), "1.2e+05")
        XCTAssertEqual(significant(2, 0), "2")
        XCTAssertEqual(significant(.nan), "nan")
        XCTAssertEqual(signed(0.25), "+0.250")
        XCTAssertEqual(signed(-1.0134, decimals: 2), "-1.01")
        XCTAssertEqual(percent(0.0345), "3.5%")
        XCTAssertEqual(percent(1, decimals: 0), "100%")
        XCTAssertEqual(plusMinus(2.3141, 0.0712), "2.31 ± 0.07")
        XCTAssertEqual(plusMinus(2.3141, 0.0712, digits: 2), "2.314 ± 0.071")
        XCTAssertEqual(plusMinus(1234, 56), "1234 ± 56")
        XCTAssertEqual(plusMinus(1.5, 0), "1.5 ± 0")
    }
}
