import SpecbookNotebook
import SpecbookSite

/// Where a page's numbers came from, as the build knows it: recorded in the page's footer and in `manifest.json`.
public struct Provenance: PageProvenance, Codable, Equatable {
    public var swiftVersion: String
    public var gitCommit: String
    public var gitDirty: Bool
    public var seed: UInt64
    public var parameters: [String: String]
    public var buildDate: String
    public var cacheHit: Bool
    public var seconds: Double
    public var blasKernel: String?
    /// The Specbook release that built the page.
    public var specbookVersion: String?
    /// The notebook library's build id (the first 12 hex digits of the SHA-256 of `libSpecbook.so`).
    public var libraryBuild: String?
    /// The Swift packages of `specbook.yml` as resolved: `swift-numerics 1.1.1`.
    public var packages: [String]

    public var specbook: (version: String, libraryBuild: String)? {
        guard let specbookVersion, let libraryBuild else { return nil }
        return (specbookVersion, libraryBuild)
    }

    public init(swiftVersion: String, gitCommit: String, gitDirty: Bool, seed: UInt64, parameters: [String: String],
                buildDate: String, cacheHit: Bool, seconds: Double, blasKernel: String? = nil,
                specbookVersion: String? = nil, libraryBuild: String? = nil, packages: [String] = []) {
        self.swiftVersion = swiftVersion
        self.gitCommit = gitCommit
        self.gitDirty = gitDirty
        self.seed = seed
        self.parameters = parameters
        self.buildDate = buildDate
        self.cacheHit = cacheHit
        self.seconds = seconds
        self.blasKernel = blasKernel
        self.specbookVersion = specbookVersion
        self.libraryBuild = libraryBuild
        self.packages = packages
    }
}
