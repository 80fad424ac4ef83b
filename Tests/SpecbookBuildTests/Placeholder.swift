import XCTest
final class PlaceholderBuildTests: XCTestCase { func testNothingYet() {} }
