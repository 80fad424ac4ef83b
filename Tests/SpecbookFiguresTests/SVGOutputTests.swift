import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import SpecbookFigures
import XCTest

final class SVGOutputTests: XCTestCase {
    /// Counts elements by name while checking the document is well-formed XML. Elements inside
    /// `<defs>` (glyph outlines, the clip paths Cairo makes per stroke) count as "defs/name".
    private final class ElementCounter: NSObject, XMLParserDelegate {
        var counts: [String: Int] = [:]
        private var defsDepth = 0
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            counts[defsDepth > 0 ? "defs/" + name : name, default: 0] += 1
            if name == "defs" { defsDepth += 1 }
        }
        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if name == "defs" { defsDepth -= 1 }
        }
    }

    private func parse(_ bytes: [UInt8], file: StaticString = #filePath, line: UInt = #line) -> [String: Int] {
        let parser = XMLParser(data: Data(bytes))
        let counter = ElementCounter()
        parser.delegate = counter
        XCTAssertTrue(parser.parse(), "SVG is not well-formed: \(String(describing: parser.parserError))", file: file, line: line)
        return counter.counts
    }

    private func figure(series: Int) throws -> Figure {
        let fig = Figure(width: 300, height: 200)
        fig.axes.xLimits = 0...1
        fig.axes.yLimits = 0...10
        for i in 0..<series {
            try fig.axes.line(x: [0, 0.5, 1], y: [Double(i), Double(i) + 1, Double(i)])
        }
        return fig
    }

    func testSVGParsesAsXMLWithTheFigureSize() throws {
        let fig = try figure(series: 2)
        fig.axes.title = "Two lines"
        fig.axes.xLabel = "x"
        let bytes = try fig.svgData()
        let counts = parse(bytes)
        XCTAssertEqual(counts["svg"], 1)
        let text = String(decoding: bytes, as: UTF8.self)
        XCTAssertTrue(text.contains("width=\"300px\""), String(text.prefix(300)))
        XCTAssertTrue(text.contains("height=\"200px\""))
    }

    /// Drawn paths, outside `<defs>`: one per stroke or fill.
    func testEachSeriesAddsOnePath() throws {
        let base = parse(try figure(series: 0).svgData())["path", default: 0]
        for n in [1, 3, 7] {
            let paths = parse(try figure(series: n).svgData())["path", default: 0]
            XCTAssertEqual(paths, base + n, "\(n) series")
        }
    }

    func testScatterDrawsAllMarkersAsOnePath() throws {
        let fig = try figure(series: 0)
        let base = parse(try fig.svgData())["path", default: 0]
        try fig.axes.scatter(x: (0..<50).map { Double($0) / 50 }, y: (0..<50).map { Double($0) / 5 })
        XCTAssertEqual(parse(try fig.svgData())["path", default: 0], base + 1)
    }

    func testGridOfPanelsAndHeatmapParse() throws {
        let fig = try Figure(rows: 2, columns: 2, sharex: true)
        try fig[0, 0].line(x: [1, 2, 3], y: [3, 1, 2], label: "a")
        try fig[0, 1].heatmap([[1, 2], [3, 4]], colorBarLabel: "value")
        try fig[1, 0].stem(x: [1, 2, 3], y: [1, 0.1, 0.01])
        fig[1, 0].yScale = .log
        try fig[1, 1].fillBetween(x: [0, 1, 2], lower: [0, 0, 0], upper: [1, 2, 1])
        fig.suptitle = "Grid"
        let counts = parse(try fig.svgData(theme: .dark))
        XCTAssertGreaterThanOrEqual(counts["image", default: 0] + counts["defs/image", default: 0], 2, "heat map and colour bar embedded as images")
        let text = String(decoding: try fig.svgData(), as: UTF8.self)
        XCTAssertTrue(text.contains("<image image-rendering=\"optimizeSpeed\" style=\"image-rendering:pixelated\""),
                      "heat map cells must not be smoothed")
    }
}
