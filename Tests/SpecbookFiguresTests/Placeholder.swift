import XCTest
final class PlaceholderFiguresTests: XCTestCase { func testNothingYet() {} }
