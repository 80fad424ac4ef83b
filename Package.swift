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

        // Numerics: matrices, RNG, FFT, MLP, LFP.
        .target(
            name: "SpecbookNumerics", dependencies: ["COpenBLAS"],
            swiftSettings: [.unsafeFlags(["-Ounchecked"], .when(configuration: .release))]),
        // Figures: Cairo plots to PNG and SVG.
        .target(name: "SpecbookFigures", dependencies: ["CCairo", "CZlib"], exclude: ["README.md"]),
        // What a notebook imports.
        .target(name: "Specbook", dependencies: ["SpecbookNumerics", "SpecbookFigures"]),
        // Notebook parsing, program generation, compile, execute, cache.
        .target(
            name: "SpecbookNotebook",
            dependencies: ["CCmark", .product(name: "Yams", package: "Yams")]),
        // HTML site.
        .target(
            name: "SpecbookSite",
            dependencies: ["SpecbookNotebook", "CCmark", .product(name: "FlyingFox", package: "FlyingFox")],
            exclude: ["README.md"]),
        // Orchestration: plan, cache, run in parallel, render, provenance.
        .target(name: "SpecbookBuild", dependencies: ["SpecbookNotebook", "SpecbookSite"]),
        // Command-line interface.
        .executableTarget(
            name: "specbook",
            dependencies: [
                "SpecbookBuild",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        // Benchmarks behind bench/*.sh: `specbook-bench mlp`, one file per benchmark.
        .executableTarget(name: "specbook-bench", dependencies: ["SpecbookNumerics", "SpecbookFigures"], path: "Sources/specbook-bench"),

        .testTarget(name: "SpecbookNumericsTests", dependencies: ["SpecbookNumerics"]),
        .testTarget(name: "SpecbookFiguresTests", dependencies: ["SpecbookFigures", "CCairo"]),
        .testTarget(name: "SpecbookNotebookTests", dependencies: ["SpecbookNotebook"]),
        .testTarget(name: "SpecbookSiteTests", dependencies: ["SpecbookSite", "SpecbookNotebook"]),
        .testTarget(name: "SpecbookBuildTests", dependencies: ["SpecbookBuild", "SpecbookNotebook", "SpecbookSite"]),
    ],
    swiftLanguageModes: [.v5]
)
