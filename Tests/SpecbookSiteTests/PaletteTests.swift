import SpecbookSite
import XCTest

/// Every text colour reaches WCAG AA (4.5:1) on every background it is drawn on, in both colour schemes.
final class PaletteTests: XCTestCase {
    func testContrastFormula() {
        XCTAssertEqual(Palette.contrast("#000000", "#ffffff"), 21, accuracy: 1e-9)
        XCTAssertEqual(Palette.contrast("#777777", "#777777"), 1, accuracy: 1e-9)
        XCTAssertEqual(Palette.contrast("#767676", "#ffffff"), 4.54, accuracy: 0.01)
    }

    func testTextContrastPassesAAInBothSchemes() {
        for (scheme, palette) in [("light", Palette.light), ("dark", Palette.dark)] {
            for pair in palette.textPairs {
                let ratio = Palette.contrast(palette[pair.foreground], palette[pair.background])
                XCTAssertGreaterThanOrEqual(ratio, 4.5, "\(scheme): --\(pair.foreground) on --\(pair.background) is \(ratio):1")
            }
            for pair in palette.nonTextPairs {
                let ratio = Palette.contrast(palette[pair.foreground], palette[pair.background])
                XCTAssertGreaterThanOrEqual(ratio, 3, "\(scheme): --\(pair.foreground) on --\(pair.background) is \(ratio):1")
            }
        }
    }

    func testBothSchemesDeclareTheSameColours() {
        XCTAssertEqual(Palette.light.colors.map(\.name), Palette.dark.colors.map(\.name))
    }
}
