import XCTest
final class PlaceholderNumericsTests: XCTestCase { func testNothingYet() {} }
