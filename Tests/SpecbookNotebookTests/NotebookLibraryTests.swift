import Foundation
import SpecbookNotebook
import XCTest

/// When a checkout's notebook library counts as out of date: the dates of real files in a checkout's layout
/// (`Sources/<Target>/`, `.build/release/libSpecbook.so`, `.build/release/<Target>.build/`).
final class NotebookLibraryTests: XCTestCase {
    var root: URL!
    let fm = FileManager.default

    override func setUpWithError() throws {
        root = fm.temporaryDirectory.appendingPathComponent("specbook-library-\(UUID().uuidString)")
        for folder in ["Sources/Specbook", "Sources/SpecbookNumerics", ".build/release/SpecbookNumerics.build"] {
            try fm.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        try touch("Package.swift", at: 0)
        try touch("Sources/Specbook/Exports.swift", at: 0)
        try touch("Sources/SpecbookNumerics/Matrix.swift", at: 0)
    }

    override func tearDown() {
        try? fm.removeItem(at: root)
    }

    /// Writes `path` (if missing) and sets its modification date to `seconds` after a fixed time.
    func touch(_ path: String, at seconds: TimeInterval) throws {
        let file = root.appendingPathComponent(path)
        if !fm.fileExists(atPath: file.path) { try Data("x".utf8).write(to: file) }
        try fm.setAttributes([.modificationDate: Date(timeIntervalSince1970: 1_700_000_000 + seconds)], ofItemAtPath: file.path)
    }

    var library: NotebookLibrary {
        get throws { try XCTUnwrap(NotebookLibrary.locate(binPath: root.appendingPathComponent(".build/release"))) }
    }

    func testAMissingLibraryNeedsABuild() throws {
        XCTAssertTrue(try library.needsBuild())
    }

    func testALibraryNewerThanEverySourceIsCurrent() throws {
        try touch(".build/release/libSpecbook.so", at: 10)
        XCTAssertFalse(try library.needsBuild())
        try touch("Sources/SpecbookNumerics/Matrix.swift", at: 20)
        XCTAssertTrue(try library.needsBuild(), "a source edited after the build")
    }

    /// A comment edit is compiled (new object files) but not linked again: the library keeps its older date.
    func testObjectFilesCompiledAfterAnEditCountAsTheBuild() throws {
        try touch(".build/release/libSpecbook.so", at: 10)
        try touch("Sources/SpecbookNumerics/Matrix.swift", at: 20)
        try touch(".build/release/SpecbookNumerics.build/Matrix.swift.o", at: 30)
        XCTAssertFalse(try library.needsBuild())
        try touch("Sources/Specbook/Exports.swift", at: 40)
        XCTAssertTrue(try library.needsBuild(), "an edit after the last compile")
    }

    /// Object files do not stand in for a library that is not there.
    func testObjectFilesWithoutTheLibraryStillNeedABuild() throws {
        try touch(".build/release/SpecbookNumerics.build/Matrix.swift.o", at: 30)
        XCTAssertTrue(try library.needsBuild())
    }
}
