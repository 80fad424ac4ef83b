import SpecbookSite
import XCTest

final class HTMLTests: XCTestCase {
    func testEscapesMarkupCharacters() {
        XCTAssertEqual(HTML.escape("<a href=\"x\">&'"), "&lt;a href=&quot;x&quot;&gt;&amp;&#39;")
    }
}
