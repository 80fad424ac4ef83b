import Foundation
import SpecbookWire
import XCTest

/// Every record survives a trip through its JSON line; a line the runner cannot read is an error, never a guess.
final class RecordTests: XCTestCase {
    /// One record of every kind, with optional fields set and with them left out.
    static let examples: [Record] = [
        .blockBegan(BlockBegan(block: 0, ordinal: 1, total: 3, label: "fig-a", time: 1_700_000_000.25)),
        .blockBegan(BlockBegan(block: 4, ordinal: 2, total: 3, time: 0)),
        .text(TextRecord(block: 2, text: "line one\nline \"two\" <b>&")),
        .figure(FigureRecord(block: 1, files: FigureFiles(stem: "fig-a"), width: 640, height: 400, caption: "The fit.", label: "fig-a")),
        .figure(FigureRecord(block: 1, files: FigureFiles(stem: "figure-2"), width: 1.5, height: 2)),
        .table(TableRecord(block: 3, rows: [["alpha", "verdict"], ["0.5", "trivial"]], caption: "Verdicts", label: "tbl-v")),
        .table(TableRecord(block: 3, rows: [])),
        .value(ValueRecord(block: 5, name: "loss", value: "3.1e-4")),
        .check(CheckRecord(block: 6, name: "bracket contains d", measured: "[0.9, 1.1]", expected: "contains 1",
                           verdict: .holds, file: "notebooks/a.md", line: 42)),
        .check(CheckRecord(block: 6, name: "time scale", measured: "3.4", expected: "1", verdict: .note, file: "n.md", line: 1)),
        .check(CheckRecord(block: 6, name: "slope", measured: "-0.1", expected: "< -0.15", verdict: .fails, file: "n.md", line: 9)),
        .progress(ProgressRecord(block: 2, ordinal: 1, total: 4, message: "epoch 200 of 5000")),
        .progress(ProgressRecord(block: -1, ordinal: 0, total: 0)),
        .expectedError(ExpectedErrorRecord(block: 7, message: "invalidShape(\"3x2\")")),
        .end(EndRecord(block: 7, time: 1_700_000_010)),
    ]

    func testEveryRecordRoundTrips() throws {
        XCTAssertEqual(Set(Self.examples.map(\.kind)), Set(Record.Kind.allCases), "an example of every kind")
        for record in Self.examples {
            let line = try record.jsonLine()
            XCTAssertEqual(line.last, 0x0A, "one line, newline-terminated")
            XCTAssertEqual(line.filter { $0 == 0x0A }.count, 1, "no newline inside the line: \(record)")
            XCTAssertEqual(try Record(jsonLine: line), record)
            XCTAssertEqual(try Record(jsonLine: line.dropLast()), record, "the newline is optional")
        }
    }

    func testLineCarriesVersionAndKind() throws {
        let line = try Record.value(ValueRecord(block: 1, name: "n", value: "3")).jsonLine()
        let object = try XCTUnwrap(JSONSerialization.jsonObject(with: line) as? [String: Any])
        XCTAssertEqual(object["v"] as? Int, Record.protocolVersion)
        XCTAssertEqual(object["kind"] as? String, "value")
        XCTAssertEqual(object["block"] as? Int, 1)
        XCTAssertEqual(String(decoding: line, as: UTF8.self), "{\"block\":1,\"kind\":\"value\",\"name\":\"n\",\"v\":1,\"value\":\"3\"}\n",
                       "keys sorted, so identical runs write identical files")
    }

    func testUnreadableLinesAreErrors() {
        func error(_ text: String) -> RecordError? {
            do {
                _ = try Record(jsonLine: Data(text.utf8))
                return nil
            } catch let error as RecordError {
                return error
            } catch {
                XCTFail("\(error)")
                return nil
            }
        }
        XCTAssertEqual(error(#"{"v":1,"kind":"hologram","block":0}"#), .unknownKind("hologram"))
        XCTAssertEqual(error(#"{"v":2,"kind":"value","block":0,"name":"a","value":"b"}"#), .unsupportedVersion(2))
        XCTAssertEqual(error(#"{"kind":"value","block":0,"name":"a","value":"b"}"#), .malformed("no protocol version"))
        XCTAssertEqual(error(#"{"v":1,"kind":"value","block":0,"name":"a"}"#), .malformed("missing field 'value'"))
        XCTAssertEqual(error(#"{"v":1,"kind":"figure","block":"zero"}"#), .malformed("wrong type for 'block'"))
        XCTAssertEqual(error(#"{"v":1,"kind":"check","block":0,"name":"a","measured":"1","expected":"2","verdict":"maybe","file":"f","line":1}"#)?.description.hasPrefix("malformed"), true)
        XCTAssertEqual(error("{\"v\":1,\"kind\":\"end\",\"blo"), .malformed("not JSON"))
        XCTAssertEqual(error(""), .malformed("not JSON"))
        XCTAssertTrue(RecordError.unsupportedVersion(2).description.contains("version 2"))
    }

    func testFigureFilesNamesAndVariants() {
        let files = FigureFiles(stem: "fig-spectrum")
        XCTAssertEqual(files.all, ["fig-spectrum.png", "fig-spectrum.svg", "fig-spectrum-dark.png", "fig-spectrum-dark.svg"])
        XCTAssertEqual(FigureFiles.Variant.allCases.filter(\.isDark).map { files[$0] }, ["fig-spectrum-dark.png", "fig-spectrum-dark.svg"])
        XCTAssertEqual(FigureFiles.Variant.allCases.filter(\.isPNG).map { files[$0] }, ["fig-spectrum.png", "fig-spectrum-dark.png"])
    }

    func testBlockMarker() {
        let line = BlockMarker.line(block: 12)
        XCTAssertEqual(line, "\u{1E}specbook-block:12\n")
        XCTAssertLessThan(line.utf8.count, BlockMarker.maximumLength)
        XCTAssertEqual(BlockMarker.block(in: Array(line.utf8.dropLast())), 12)
        XCTAssertNil(BlockMarker.block(in: Array("\u{1E}specbook-block:x".utf8)))
        XCTAssertNil(BlockMarker.block(in: Array("specbook-block:3".utf8)))
        XCTAssertEqual(BlockMarker.prefixBytes.first, BlockMarker.lead)
    }

    func testEnvironmentNamesAreDistinct() {
        let names = [RunEnvironment.output, RunEnvironment.seed, RunEnvironment.parameters, RunEnvironment.records, RunEnvironment.progress]
        XCTAssertEqual(Set(names).count, names.count)
        XCTAssertTrue(names.allSatisfy { $0.hasPrefix("SPECBOOK_") })
    }
}
