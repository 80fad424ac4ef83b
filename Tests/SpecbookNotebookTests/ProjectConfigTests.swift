import Foundation
import SpecbookNotebook
import XCTest

/// `specbook.yml`: `lib:` and `packages:` as written, errors at their line, and the project root found from below.
final class ProjectConfigTests: XCTestCase {
    var root: URL!

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("specbook-config-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    }

    override func tearDown() {
        try? FileManager.default.removeItem(at: root)
    }

    func load(_ yaml: String) throws -> ProjectConfig {
        try yaml.write(to: root.appendingPathComponent("specbook.yml"), atomically: true, encoding: .utf8)
        return try ProjectConfig.load(root: root)
    }

    func error(_ yaml: String, file: StaticString = #filePath, line: UInt = #line) -> String {
        do {
            _ = try load(yaml)
            XCTFail("no error", file: file, line: line)
            return ""
        } catch {
            return "\(error)"
        }
    }

    func testPackagesAsWrittenWithTheirLines() throws {
        let config = try load("""
            title: T
            packages:
              - url: https://github.com/apple/swift-numerics
                version: 1.1.1
                products: [ComplexModule, RealModule]
              - url: https://github.com/apple/swift-collections.git
                from: 1.6.0
                products: Collections
            """)
        XCTAssertEqual(config.packages, [
            SwiftPackageRequirement(url: "https://github.com/apple/swift-numerics", version: .exact("1.1.1"),
                                    products: ["ComplexModule", "RealModule"], line: 3),
            SwiftPackageRequirement(url: "https://github.com/apple/swift-collections.git", version: .from("1.6.0"),
                                    products: ["Collections"], line: 6),
        ])
        XCTAssertEqual(config.packages.map(\.identity), ["swift-numerics", "swift-collections"])
        XCTAssertEqual(config.packages[1].summary, "https://github.com/apple/swift-collections.git from 1.6.0")
    }

    func testPackageErrorsNameTheFileAndTheEntryLine() {
        XCTAssertEqual(error("packages:\n  - url: https://x/a\n    products: [A]\n"),
                       "specbook.yml:2: error: package https://x/a needs one of version: (exact) or from: (up to the next major)")
        XCTAssertEqual(error("packages:\n  - url: https://x/a\n    version: 1.1\n    products: [A]\n"),
                       "specbook.yml:2: error: package https://x/a: version '1.1' is not MAJOR.MINOR.PATCH")
        XCTAssertEqual(error("title: T\npackages:\n  - url: https://x/a\n    version: 1.0.0\n    product: [A]\n"),
                       "specbook.yml:3: error: unknown package key 'product' (known: from, products, url, version)")
        XCTAssertEqual(error("packages:\n  - url: https://x/a\n    version: 1.0.0\n"),
                       "specbook.yml:2: error: package https://x/a needs products: (the products notebooks import)")
        XCTAssertEqual(error("packages: https://x/a\n"),
                       "specbook.yml:1: error: packages: must be a list of {url, version or from, products}")
        XCTAssertEqual(error("packages:\n  - {url: https://x/a, version: 1.0.0, products: [A]}\n  - {url: https://y/A.git, from: 2.0.0, products: [B]}\n"),
                       "specbook.yml:3: error: package https://y/A.git is listed twice (also on line 2)")
    }

    func testLibSourcesDefaultToTheLibFolder() throws {
        XCTAssertEqual(try load("title: T\n").librarySources(root: root), [], "no lib/ folder: no sources")
        let lib = root.appendingPathComponent("lib/more")
        try FileManager.default.createDirectory(at: lib, withIntermediateDirectories: true)
        for name in ["lib/b.swift", "lib/a.swift", "lib/more/c.swift", "lib/notes.md", "lib/.hidden.swift"] {
            try "".write(to: root.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        XCTAssertEqual(try load("title: T\n").librarySources(root: root), ["lib/a.swift", "lib/b.swift", "lib/more/c.swift"])
        XCTAssertEqual(try load("lib: lib/more\n").librarySources(root: root), ["lib/more/c.swift"])
        XCTAssertThrowsError(try load("lib: code\n").librarySources(root: root)) { error in
            XCTAssertEqual("\(error)", "specbook.yml: error: lib: no such folder 'code'")
        }
    }

    func testTheRootIsTheNearestFolderWithSpecbookYml() throws {
        let deep = root.appendingPathComponent("notebooks/drafts")
        try FileManager.default.createDirectory(at: deep, withIntermediateDirectories: true)
        XCTAssertEqual(ProjectConfig.findRoot(from: deep).path, deep.path, "no specbook.yml above: the folder itself")
        try "title: T\n".write(to: root.appendingPathComponent("specbook.yml"), atomically: true, encoding: .utf8)
        XCTAssertEqual(ProjectConfig.findRoot(from: deep).path, root.path)
        XCTAssertEqual(ProjectConfig.findRoot(from: root).path, root.path)
    }
}

extension ProjectConfigTests {
    /// The package build's key joins every notebook's cache key: it follows the list, its versions and products.
    func testThePackageKeyFollowsTheListVersionsAndProducts() throws {
        let layout = CacheLayout(projectRoot: root)
        func key(_ packages: [SwiftPackageRequirement], salt: String = "lib1") -> String {
            PackageBuild(requirements: packages, layout: layout, swiftc: "/usr/bin/swiftc", salt: salt).key
        }
        let numerics = SwiftPackageRequirement(url: "https://github.com/apple/swift-numerics", version: .exact("1.1.1"),
                                               products: ["ComplexModule"], line: 3)
        var other = numerics
        other.version = .exact("1.1.0")
        var more = numerics
        more.products.append("RealModule")
        let collections = SwiftPackageRequirement(url: "https://github.com/apple/swift-collections", version: .from("1.6.0"),
                                                  products: ["Collections"], line: 6)
        XCTAssertEqual(key([numerics]), key([numerics]), "the same list, the same key")
        let keys = [key([numerics]), key([other]), key([more]), key([numerics, collections]), key([numerics], salt: "lib2")]
        XCTAssertEqual(Set(keys).count, keys.count, "a version, a product, a package or the library build each change it: \(keys)")
    }
}
