import XCTest
final class PlaceholderSiteTests: XCTestCase { func testNothingYet() {} }
