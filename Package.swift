// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Specbook",
    products: [
        // The library notebooks import; built once, linked by every notebook program.
        .library(name: "Specbook", type: .dynamic, targets: ["Specbook"]),
        .executable(name: "specbook", targets: ["specbook"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        // SHA-256 for cache keys and checksums.
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        // The `specbook preview` server.
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
    ],
    targets: [
        // C shims over system libraries.
        .systemLibrary(
            name: "CCairo", path: "Sources/CCairo", pkgConfig: "cairo",
            providers: [.apt(["libcairo2-dev"])]),
        .systemLibrary(
            name: "COpenBLAS", path: "Sources/COpenBLAS", pkgConfig: "openblas",
            providers: [.apt(["libopenblas-dev", "liblapacke-dev"])]),
        .systemLibrary(name: "CZlib", path: "Sources/CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(
            name: "CCmark", path: "Sources/CCmark", pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]),

        // The notebook <-> runner contract: environment names, the block marker, versioned records. No dependencies.
        .target(name: "SpecbookWire"),
        // The FFT's butterfly passes, compiled for SSE2, AVX2 and AVX-512 and chosen at run time.
        .target(name: "CVectorKernels"),
        // Numerics: matrices, RNG, FFT, MLP, LFP.
        .target(
            name: "SpecbookNumerics", dependencies: ["COpenBLAS", "CVectorKernels"],
            swiftSettings: [.unsafeFlags(["-Ounchecked"], .when(configuration: .release))]),
        // Figures: Cairo plots to PNG and SVG.
        .target(name: "SpecbookFigures", dependencies: ["CCairo", "CZlib"], exclude: ["README.md"]),
        // What a notebook imports.
        .target(name: "Specbook", dependencies: ["SpecbookWire", "SpecbookNumerics", "SpecbookFigures", "CVectorKernels"]),
        // Markdown as a tree of values over cmark-gfm's parse, and its HTML.
        .target(name: "SpecbookMarkdown", dependencies: ["CCmark"]),
        // Notebook parsing, program generation, compile, execute, cache.
        .target(
            name: "SpecbookNotebook",
            dependencies: [
                "SpecbookWire", "SpecbookMarkdown", .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]),
        // What a built site holds (its manifest) and how two builds differ: values, checks, figures pixel by pixel.
        .target(name: "SpecbookReview", dependencies: ["CCairo"]),
        // HTML site.
        .target(
            name: "SpecbookSite", dependencies: ["SpecbookNotebook", "SpecbookMarkdown", "SpecbookWire", "SpecbookReview"],
            exclude: ["README.md"]),
        // Orchestration: the runner stage (resolve, key, reuse or run), plan, render, provenance, manifest.
        .target(name: "SpecbookBuild", dependencies: ["SpecbookNotebook", "SpecbookSite", "SpecbookWire", "SpecbookReview"]),
        // `specbook preview`'s loopback server and reload channel.
        .target(
            name: "SpecbookPreview",
            dependencies: [.product(name: "FlyingFox", package: "FlyingFox"), .product(name: "FlyingSocks", package: "FlyingFox")],
            exclude: ["README.md"]),
        // Command-line interface.
        .executableTarget(
            name: "specbook",
            dependencies: [
                "SpecbookBuild", "SpecbookNotebook", "SpecbookWire", "SpecbookReview",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        // The server `specbook preview` starts: its own program, because FlyingFox links FoundationNetworking and
        // with it libcurl's chain of some thirty libraries, whose loading would slow every `specbook build`.
        .executableTarget(name: "specbook-serve", dependencies: ["SpecbookPreview"]),
        // Benchmarks behind bench/*.sh: `specbook-bench mlp`, one file per benchmark.
        .executableTarget(
            name: "specbook-bench", dependencies: ["Specbook", "SpecbookWire", "SpecbookNumerics", "SpecbookFigures"], path: "Sources/specbook-bench"),

        .testTarget(name: "SpecbookWireTests", dependencies: ["SpecbookWire"]),
        .testTarget(name: "SpecbookTests", dependencies: ["Specbook", "SpecbookWire"]),
        .testTarget(name: "SpecbookNumericsTests", dependencies: ["SpecbookNumerics", "CVectorKernels"]),
        .testTarget(name: "SpecbookFiguresTests", dependencies: ["SpecbookFigures", "CCairo"]),
        .testTarget(name: "SpecbookMarkdownTests", dependencies: ["SpecbookMarkdown"]),
        .testTarget(name: "SpecbookNotebookTests", dependencies: ["SpecbookNotebook", "SpecbookMarkdown", "SpecbookWire"]),
        .testTarget(name: "SpecbookSiteTests", dependencies: ["SpecbookSite", "SpecbookNotebook", "SpecbookMarkdown", "SpecbookWire"]),
        .testTarget(name: "SpecbookReviewTests", dependencies: ["SpecbookReview", "CCairo"]),
        .testTarget(name: "SpecbookBuildTests", dependencies: ["SpecbookBuild", "SpecbookNotebook", "SpecbookSite"]),
        .testTarget(name: "SpecbookPreviewTests", dependencies: ["SpecbookPreview", "SpecbookTestSupport"]),
        // The `specbook` executable of the current build, run as a user runs it.
        .testTarget(name: "SpecbookCLITests", dependencies: ["SpecbookTestSupport"]),
        // Helpers several test targets share: a raw HTTP client.
        .target(name: "SpecbookTestSupport", path: "Tests/SpecbookTestSupport"),
    ],
    swiftLanguageModes: [.v5]
)
