import Foundation
import Yams

/// One entry of `packages:` in `specbook.yml`: a Swift package by URL and version, and the products notebooks import.
///
/// ```yaml
/// packages:
///   - url: https://github.com/apple/swift-numerics
///     version: 1.1.1              # exactly 1.1.1
///     products: [ComplexModule]
///   - url: https://github.com/apple/swift-collections
///     from: 1.1.0                 # 1.1.0 up to, not including, 2.0.0
///     products: [Collections]
/// ```
/// **Edge cases:** an entry needs `url`, `products` (at least one) and exactly one of `version` and `from`; an
/// unknown key, a missing one or a version that is not `MAJOR.MINOR.PATCH` is an error naming `specbook.yml` and
/// the entry's line.
public struct SwiftPackageRequirement: Sendable, Equatable {
    /// How the version is pinned, in SwiftPM's terms.
    public enum Version: Sendable, Equatable {
        case exact(String)
        case from(String)
    }

    public var url: String
    public var version: Version
    public var products: [String]
    /// The line of the entry in `specbook.yml`.
    public var line: Int

    public init(url: String, version: Version, products: [String], line: Int = 0) {
        self.url = url
        self.version = version
        self.products = products
        self.line = line
    }

    /// The package's identity as SwiftPM names it: the URL's last component without `.git`, lowercased.
    public var identity: String {
        var name = url.split(separator: "/").last.map(String.init) ?? url
        if name.hasSuffix(".git") { name.removeLast(4) }
        return name.lowercased()
    }

    /// The entry as written for a reader: `https://github.com/apple/swift-numerics 1.1.1` (or `from 1.1.0`).
    public var summary: String {
        switch version {
        case .exact(let v): return "\(url) \(v)"
        case .from(let v): return "\(url) from \(v)"
        }
    }

    static let knownKeys = ["from", "products", "url", "version"]

    /// The `packages:` list of a `specbook.yml` text, with each entry's line.
    static func parse(yaml text: String) throws -> [SwiftPackageRequirement] {
        func fail(_ line: Int?, _ message: String) -> NotebookError {
            NotebookError(file: ProjectConfig.fileName, line: line ?? 0, message)
        }
        guard let root = try? Yams.compose(yaml: text), let list = root["packages"] else { return [] }
        guard let entries = list.sequence else {
            throw fail(list.mark?.line, "packages: must be a list of {url, version or from, products}")
        }
        var packages: [SwiftPackageRequirement] = []
        for entry in entries {
            let line = entry.mark?.line
            guard let map = entry.mapping else { throw fail(line, "a package must be a mapping with url, version and products") }
            for key in map.keys.compactMap(\.string) where !knownKeys.contains(key) {
                throw fail(line, "unknown package key '\(key)' (known: \(knownKeys.joined(separator: ", ")))")
            }
            guard let url = map["url"]?.string, !url.isEmpty else { throw fail(line, "a package needs url:") }
            let version: Version
            switch (map["version"]?.string, map["from"]?.string) {
            case let (exact?, nil): version = .exact(exact)
            case let (nil, from?): version = .from(from)
            default: throw fail(line, "package \(url) needs one of version: (exact) or from: (up to the next major)")
            }
            switch version {
            case .exact(let v), .from(let v):
                let parts = v.split(separator: ".", omittingEmptySubsequences: false)
                guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) }) else {
                    throw fail(line, "package \(url): version '\(v)' is not MAJOR.MINOR.PATCH")
                }
            }
            let products = map["products"].flatMap { node in node.sequence?.compactMap(\.string) ?? node.string.map { [$0] } } ?? []
            guard !products.isEmpty else { throw fail(line, "package \(url) needs products: (the products notebooks import)") }
            if let other = packages.first(where: { $0.identity == SwiftPackageRequirement(url: url, version: version, products: []).identity }) {
                throw fail(line, "package \(url) is listed twice (also on line \(other.line))")
            }
            packages.append(SwiftPackageRequirement(url: url, version: version, products: products, line: line ?? 0))
        }
        return packages
    }
}
