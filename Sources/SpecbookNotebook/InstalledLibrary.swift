import Foundation

/// What `scripts/install.sh` records beside an installed notebook library (`PREFIX/lib/specbook/library.json`):
/// the Specbook version, the compiler that built the library, and the library's build id.
///
/// ```json
/// {"version": "0.6.0", "toolchain": "Swift version 6.0.3 (swift-6.0.3-RELEASE)", "build": "3f2a9c01d4e7"}
/// ```
public struct InstalledLibrary: Codable, Sendable, Equatable {
    /// The manifest's file name inside `PREFIX/lib/specbook`.
    public static let manifestName = "library.json"

    /// The Specbook version the library was installed from.
    public var version: String
    /// The first `Swift version` line of `swiftc --version` of the compiler that built the library.
    public var toolchain: String
    /// The first 12 hex digits of the SHA-256 of `libSpecbook.so`.
    public var build: String

    public init(version: String, toolchain: String, build: String) {
        self.version = version
        self.toolchain = toolchain
        self.build = build
    }

    /// The manifest in `folder`, or nil when it is missing or does not decode.
    public static func read(from folder: URL) -> InstalledLibrary? {
        guard let data = try? Data(contentsOf: folder.appendingPathComponent(manifestName)) else { return nil }
        return try? JSONDecoder().decode(InstalledLibrary.self, from: data)
    }
}

/// This Specbook's release, printed by `specbook --version` and named in every page's footer.
public enum SpecbookVersion {
    public static let current = "0.6.0"
}
