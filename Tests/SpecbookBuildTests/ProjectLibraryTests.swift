import Foundation
import SpecbookBuild
import SpecbookNotebook
import XCTest

/// The project's `lib/` module compiled by the real swiftc against this build's notebook library, used by a real
/// notebook run; compile errors at `lib/FILE.swift:LINE`; the module in every key; an installed library checked
/// against the toolchain.
final class ProjectLibraryTests: XCTestCase {
    var root: URL!

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("specbook-lib-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("lib"), withIntermediateDirectories: true)
    }

    override func tearDown() {
        try? FileManager.default.removeItem(at: root)
    }

    var library: NotebookLibrary {
        get throws {
            let me = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
            return try XCTUnwrap(NotebookLibrary.locate(binPath: URL(fileURLWithPath: me).deletingLastPathComponent()))
        }
    }

    func write(_ text: String, to path: String) throws {
        try text.write(to: root.appendingPathComponent(path), atomically: true, encoding: .utf8)
    }

    func notebook(_ code: String) throws -> Notebook {
        try NotebookParser.parse(source: "---\ntitle: A\n---\n\n```swift\n\(code)\n```\n", path: "notebooks/a.md", name: "a")
    }

    func testNotebooksUseTheLibModuleAndItJoinsTheKey() throws {
        // Internal declarations: notebooks see them without `public`.
        try write("import Specbook\n\nfunc doubled(_ x: Int) -> Int { 2 * x }\n\nstruct Grid { var n = 4 }\n", to: "lib/Helpers.swift")
        let runner = try NotebookRunner(projectRoot: root, library: library)
        let nb = try notebook("report(\"n\", doubled(Grid().n))")
        let outcome = runner.run(nb)
        XCTAssertEqual(outcome.result?.status, .ok, "\(String(describing: outcome.result?.failure))")
        XCTAssertEqual(outcome.result?.values, ["n": "8"])
        XCTAssertTrue(outcome.job.program.source.contains("@testable import ProjectLibrary"))
        let compiled = try FileManager.default.contentsOfDirectory(atPath: CacheLayout(projectRoot: root).lib.path)
        XCTAssertEqual(compiled.count, 1, "one compiled module: \(compiled)")

        var steps: [String] = []
        let same = try NotebookRunner(projectRoot: root, library: library) { steps.append($0) }
        XCTAssertEqual(same.resolve(nb).key, outcome.job.key, "an unchanged lib/ keeps every key")
        XCTAssertEqual(steps, [], "and is not compiled again")

        try write("import Specbook\n\nfunc doubled(_ x: Int) -> Int { x + x }\n\nstruct Grid { var n = 4 }\n", to: "lib/Helpers.swift")
        let edited = try NotebookRunner(projectRoot: root, library: library) { steps.append($0) }
        XCTAssertEqual(steps, ["compiling the project's lib module (1 file)…"])
        XCTAssertNotEqual(edited.resolve(nb).key, outcome.job.key, "an edit to lib/ changes every key")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: CacheLayout(projectRoot: root).lib.path).count, 1,
                       "the replaced module is removed")
    }

    func testACompileErrorPointsIntoLib() throws {
        try write("import Specbook\n\nfunc fine() -> Int { 1 }\n", to: "lib/A.swift")
        try write("import Specbook\n\nfunc broken() -> Int {\n    return missingName\n}\n", to: "lib/B.swift")
        XCTAssertThrowsError(try NotebookRunner(projectRoot: root, library: library)) { error in
            let text = "\(error)"
            XCTAssertTrue(text.hasPrefix("lib/B.swift:4: error: cannot find 'missingName' in scope"), text)
            XCTAssertTrue(text.contains("return missingName"), "swiftc's quote of the line: \(text)")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: CacheLayout(projectRoot: root).lib.appendingPathComponent("x").path))
        let stored = (try? FileManager.default.contentsOfDirectory(atPath: CacheLayout(projectRoot: root).lib.path)) ?? []
        XCTAssertEqual(stored, [], "nothing is stored for a failed compile")
    }

    func testAStoredModuleThatCannotBeReadIsCompiledAgain() throws {
        try write("import Specbook\n\nfunc three() -> Int { 3 }\n", to: "lib/Three.swift")
        let compiler = NotebookCompiler(library: try library)
        let build = ProjectLibraryBuild(sources: ["lib/Three.swift"], root: root, layout: CacheLayout(projectRoot: root),
                                        compiler: compiler)
        try FileManager.default.createDirectory(at: build.folder, withIntermediateDirectories: true)
        try "{\"written by\": \"another version\"}".write(to: build.folder.appendingPathComponent("linked.json"),
                                                        atomically: true, encoding: .utf8)
        var compiled = false
        let module = try XCTUnwrap(try build.prepare { compiled = true })
        XCTAssertTrue(compiled)
        XCTAssertEqual(module.imports, ["@testable import ProjectLibrary"])
        XCTAssertTrue(FileManager.default.fileExists(atPath: build.folder.appendingPathComponent("libProjectLibrary.so").path))
    }

    func testAnInstalledLibraryOfAnotherToolchainIsAnErrorNamingBoth() throws {
        let built = try library
        let manifest = InstalledLibrary(version: SpecbookVersion.current, toolchain: "Swift version 5.9.2 (swift-5.9.2-RELEASE)",
                                        build: "0123456789ab")
        let installed = NotebookLibrary(installedAt: built.binPath, manifest: manifest)
        XCTAssertFalse(installed.needsBuild(), "an installed library is never rebuilt")
        XCTAssertEqual(installed.buildID(), "0123456789ab")
        XCTAssertThrowsError(try NotebookRunner(projectRoot: root, library: installed)) { error in
            let text = "\(error)"
            XCTAssertTrue(text.contains("built by Swift version 5.9.2 (swift-5.9.2-RELEASE), but "), text)
            XCTAssertTrue(text.range(of: #"swiftc is Swift version \d+\.\d+"#, options: .regularExpression) != nil, text)
        }
        XCTAssertThrowsError(try installed.checkToolchain(swiftc: "/nonexistent/swiftc", swiftVersion: "unknown")) { error in
            XCTAssertTrue("\(error)".contains("no swiftc at /nonexistent/swiftc: notebooks compile with the toolchain that built "
                                              + "the library, Swift version 5.9.2 (swift-5.9.2-RELEASE)"), "\(error)")
        }
        let same = InstalledLibrary(version: SpecbookVersion.current, toolchain: "Swift version 6.3.1 (x)", build: "0123456789ab")
        XCTAssertNoThrow(try NotebookLibrary(installedAt: built.binPath, manifest: same)
            .checkToolchain(swiftc: "/usr/bin/swiftc", swiftVersion: "Swift version 6.3.1 (x)"))
    }
}
