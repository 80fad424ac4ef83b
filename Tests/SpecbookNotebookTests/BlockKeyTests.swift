import Foundation
import SpecbookNotebook
import XCTest

/// What `cached(...)` values are stored under: each block's code up to its own, and everything else a value may
/// depend on.
final class BlockKeyTests: XCTestCase {
    let root = FileManager.default.temporaryDirectory

    func keys(_ blocks: [String], prose: String = "Text.", seed: Int = 1, parameters: [String: String] = ["n": "1"],
              library: String = "lib-1") throws -> [String] {
        let body = blocks.map { "```swift\n\($0)\n```" }.joined(separator: "\n\n\(prose)\n\n")
        let notebook = try NotebookParser.parse(source: "---\nseed: \(seed)\n---\n\n\(body)\n", path: "notebooks/k.md", name: "k")
        let keys = NotebookCache.blockKeys(for: notebook, parameters: parameters, libraryFingerprint: library, projectRoot: root)
        return notebook.executableBlocks.map { keys[$0.index]! }
    }

    func testALaterEditKeepsEarlierKeysAndAnEarlierEditChangesLaterOnes() throws {
        let base = try keys(["let a = 1", "let b = a + 1", "print(b)"])
        XCTAssertEqual(Set(base).count, 3, "each block has its own key")
        let lastEdited = try keys(["let a = 1", "let b = a + 1", "print(b) // a comment"])
        XCTAssertEqual(Array(lastEdited.prefix(2)), Array(base.prefix(2)), "blocks before the edit keep their keys")
        XCTAssertNotEqual(lastEdited[2], base[2])
        let firstEdited = try keys(["let a = 2", "let b = a + 1", "print(b)"])
        for i in 0..<3 { XCTAssertNotEqual(firstEdited[i], base[i], "an edit changes its block's key and every later one") }
        XCTAssertEqual(try keys(["let a = 1", "let b = a + 1", "print(b)"], prose: "Other prose, longer\n\nand more."), base,
                       "prose never changes a key")
    }

    func testParametersSeedAndLibraryChangeEveryKey() throws {
        let base = try keys(["let a = 1", "print(a)"])
        for other in [try keys(["let a = 1", "print(a)"], seed: 2),
                      try keys(["let a = 1", "print(a)"], parameters: ["n": "2"]),
                      try keys(["let a = 1", "print(a)"], library: "lib-2")] {
            XCTAssertNotEqual(other[0], base[0])
            XCTAssertNotEqual(other[1], base[1])
        }
    }
}
