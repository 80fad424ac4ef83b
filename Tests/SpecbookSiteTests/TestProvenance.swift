import SpecbookSite

/// The facts a page shows about its run, as a test supplies them (the build's own type lives in SpecbookBuild).
struct TestProvenance: PageProvenance {
    var swiftVersion = "6"
    var gitCommit = "abc"
    var gitDirty = false
    var seed: UInt64 = 1
    var parameters: [String: String] = [:]
    var buildDate = "today"
    var cacheHit = false
    var seconds = 0.1
    var blasKernel: String? = "Haswell"
}
