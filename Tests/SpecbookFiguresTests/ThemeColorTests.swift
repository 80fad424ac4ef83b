import Foundation
import SpecbookFigures
import XCTest

/// Theme colours and the 3:1 contrast bound, read back from real PNG and SVG output.
final class ThemeColorTests: XCTestCase {
    private let darkBackground = Color(hex: 0x16181d)

    /// A figure whose middle is one thick horizontal line of `color`.
    private func bar(_ color: Color) throws -> Figure {
        let fig = Figure(width: 200, height: 120)
        try fig.axes.line(x: [0, 1], y: [0.5, 0.5], color: color, width: 12)
        fig.axes.axisVisible = false
        return fig
    }

    private func middle(_ color: Color, _ theme: FigureTheme) throws -> Color {
        let png = try renderPNG(try bar(color), theme: theme, scale: 1)
        let p = png.rgba(png.width / 2, png.height / 2)
        return Color(red: Double(p.r) / 255, green: Double(p.g) / 255, blue: Double(p.b) / 255)
    }

    func testInkIsDarkOnLightAndLightOnDark() throws {
        let light = try middle(.ink, .light), dark = try middle(.ink, .dark)
        XCTAssertLessThan(light.luminance, 0.05)
        XCTAssertGreaterThan(dark.luminance, 0.7)
        XCTAssertGreaterThanOrEqual(dark.contrast(with: darkBackground), 10)
        XCTAssertEqual(try middle(.measured, .dark), dark)
        XCTAssertEqual(try middle(.black, .dark), dark, "an explicit black is drawn in ink")
    }

    func testEveryThemeColourHasThreeToOneInBothThemes() throws {
        for color in [Color.ink, .muted, .measured, .predicted] {
            XCTAssertGreaterThanOrEqual(try middle(color, .light).contrast(with: .white), 3, "\(color) light")
            XCTAssertGreaterThanOrEqual(try middle(color, .dark).contrast(with: darkBackground), 3, "\(color) dark")
        }
    }

    func testLowContrastColoursAreAdjustedToThreeToOne() throws {
        let navy = Color(hex: 0x101040), paleYellow = Color(hex: 0xf4f0a0)
        XCTAssertLessThan(navy.contrast(with: darkBackground), 1.5)
        XCTAssertLessThan(paleYellow.contrast(with: .white), 1.5)
        let drawnNavy = try middle(navy, .dark), drawnYellow = try middle(paleYellow, .light)
        // Within PNG rounding of the 3:1 bound, and not pushed all the way to the ink colour.
        XCTAssertGreaterThanOrEqual(drawnNavy.contrast(with: darkBackground), 2.95)
        XCTAssertLessThan(drawnNavy.contrast(with: darkBackground), 4)
        XCTAssertGreaterThan(drawnNavy.blue, drawnNavy.red, "the hue is kept")
        XCTAssertGreaterThanOrEqual(drawnYellow.contrast(with: .white), 2.95)
        XCTAssertEqual(try middle(.blue, .light), Color(hex: 0x1f77b4), "a colour with enough contrast is drawn as given")
    }

    func testATranslucentStrokeIsHeldToThreeToOneAsDrawn() throws {
        for opacity in [0.6, 0.3, 0.05] {
            let faint = Color(hex: 0x1f77b4).opacity(opacity)
            XCTAssertGreaterThanOrEqual(try middle(faint, .dark).contrast(with: darkBackground), 2.95, "dark, \(opacity)")
            XCTAssertGreaterThanOrEqual(try middle(faint, .light).contrast(with: .white), 2.95, "light, \(opacity)")
        }
        XCTAssertGreaterThan(try middle(Color(hex: 0x1f77b4).opacity(0.6), .dark).blue,
                             try middle(Color(hex: 0x1f77b4).opacity(0.6), .dark).red, "a half-transparent blue stays blue")
    }

    func testContrastRatioMatchesWCAG() {
        XCTAssertEqual(Color.white.contrast(with: .black), 21, accuracy: 1e-9)
        XCTAssertEqual(Color(hex: 0x767676).contrast(with: .white), 4.54, accuracy: 0.01)
    }

    func testSVGTextLayerGivesEveryLabelWithItsSize() throws {
        let fig = Figure(width: 400, height: 300)
        try fig.axes.line(x: [0, 1], y: [0, 1], label: "a & b")
        fig.axes.xLabel = "time"
        let svg = String(decoding: try fig.svgData(), as: UTF8.self)
        XCTAssertTrue(svg.contains("<g class=\"specbook-text\" fill-opacity=\"0\""))
        XCTAssertTrue(svg.contains("font-size=\"13.00\">time</text>"), "axis label at the base size")
        XCTAssertTrue(svg.contains("font-size=\"11.70\">a &amp; b</text>"), "legend at 90%")
        XCTAssertTrue(svg.hasSuffix("</svg>\n") || svg.hasSuffix("</svg>"))
        XCTAssertNotNil(svg.range(of: "</g>\n</svg>"))
    }

    func testPointsOverAHeatMapGetAHaloInTheBackgroundColour() throws {
        let fig = Figure(width: 200, height: 200)
        try fig.axes.heatmap([[1, 1], [1, 1]], x: 0...1, y: 0...1, colorMap: .grays, limits: 0...1, colorBar: false)
        try fig.axes.scatter(x: [0.5], y: [0.5], color: .measured, size: 12)
        fig.axes.axisVisible = false
        let dark = try renderPNG(fig, theme: .dark, scale: 2)
        let (cx, cy) = (dark.width / 2, dark.height / 2)
        XCTAssertTrue(dark.isClose(cx, cy, to: (0xe6, 0xe6, 0xe6), tolerance: 6), "the point in ink: \(dark.rgba(cx, cy))")
        XCTAssertTrue(dark.isClose(cx + 13, cy, to: (0x16, 0x18, 0x1d), tolerance: 12), "a dark halo: \(dark.rgba(cx + 13, cy))")
        XCTAssertTrue(dark.isClose(cx + 30, cy, to: (255, 255, 255), tolerance: 6), "the white heat map around it")
    }
}
