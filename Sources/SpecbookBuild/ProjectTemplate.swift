import Foundation
import SpecbookNotebook

/// The minimal project `specbook create DIR` writes: it builds at once, and shows each part of a notebook once.
///
/// ```swift
/// let written = try ProjectTemplate(title: "Heat flow").write(to: URL(fileURLWithPath: "heat-flow"))
/// // ["specbook.yml", "notebooks/index.md", "lib/Quadrature.swift", ".gitignore", "README.md"]
/// ```
/// **Edge cases:** a folder that exists and is not empty is an error naming it (nothing is overwritten); a missing
/// folder is created with its parents; a title with quotes or a colon is written as a quoted YAML string.
public struct ProjectTemplate: Sendable {
    public var title: String

    public init(title: String) {
        self.title = title
    }

    /// The files, by path relative to the project folder, in the order written.
    public var files: [(path: String, text: String)] {
        [(ProjectConfig.fileName, config), ("notebooks/index.md", notebook), ("lib/Quadrature.swift", library),
         (".gitignore", gitignore), ("README.md", readme)]
    }

    /// Writes ``files`` into `folder` and returns their paths.
    public func write(to folder: URL) throws -> [String] {
        let fm = FileManager.default
        var isFolder: ObjCBool = false
        if fm.fileExists(atPath: folder.path, isDirectory: &isFolder) {
            guard isFolder.boolValue else { throw NotebookError(file: folder.path, "exists and is not a folder") }
            let entries = try fm.contentsOfDirectory(atPath: folder.path)
            guard entries.isEmpty else {
                throw NotebookError(file: folder.path, "the folder is not empty (it holds \(entries.sorted().prefix(3).joined(separator: ", "))); "
                                    + "create the project in a new folder")
            }
        }
        for file in files {
            let url = folder.appendingPathComponent(file.path)
            try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try file.text.write(to: url, atomically: true, encoding: .utf8)
        }
        return files.map(\.path)
    }

    /// `title` as a YAML double-quoted scalar.
    var quotedTitle: String {
        "\"" + title.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    var config: String {
        """
        title: \(quotedTitle)
        description: Notebooks whose numbers, figures and claims come from the code that runs with them.
        # lib: lib                       # Swift sources every notebook imports (lib/*.swift, the default)
        # packages:                      # Swift packages whose products notebooks may import
        #   - url: https://github.com/apple/swift-numerics
        #     version: 1.1.1
        #     products: [ComplexModule]
        # bibliography: references.bib   # citations as [@key]

        """
    }

    var notebook: String {
        """
        ---
        title: \(quotedTitle)
        description: A first notebook - a figure, a number cited in prose and a checked claim.
        order: 1           # the home page comes first: its "next" link leads through the other notebooks
        seed: 1
        params:
          points: 101
        ---

        This page is a notebook: Markdown prose with Swift blocks that run, in order, when the site is built.
        Edit it, run `specbook build` again, and open `site/index.html`.

        ```swift
        //| label: fig-wave
        //| caption: One period of $\\sin 2\\pi x$ at the notebook's sample points.
        let n = param("points", default: 101)
        let xs = (0..<n).map { Double($0) / Double(n - 1) }
        let ys = xs.map { sin(2 * .pi * $0) }
        let figure = Figure(width: 640, height: 360)
        try figure.axes.line(x: xs, y: ys, label: "sin 2πx")
        (figure.axes.xLabel, figure.axes.yLabel) = ("x", "y")
        try show(figure)
        ```

        @fig-wave shows the samples. The mean of $\\sin^2 2\\pi x$ over a period is $1/2$; the trapezoid rule on
        these {{points}} samples gives {{mean}}.

        ```swift
        let mean = trapezoidMean(ys.map { $0 * $0 })      // from lib/Quadrature.swift
        report("points", n)
        report("mean", significant(mean, 6))
        check("the trapezoid rule gives the mean of sin² to 1e-9",
              mean, approximately: 0.5, relativeTolerance: 1e-9)
        ```

        """
    }

    var library: String {
        """
        import Specbook

        // Code here is compiled once per change into a module every notebook imports (no `public` needed).

        /// The mean over [a, b] of a function sampled at n equally spaced points including both ends, by the
        /// trapezoid rule: (f_0 / 2 + f_1 + ... + f_{n-2} + f_{n-1} / 2) / (n - 1).
        ///
        /// **Edge cases:** one sample is its own mean; no samples give nan.
        func trapezoidMean(_ samples: [Double]) -> Double {
            guard let first = samples.first, let last = samples.last else { return .nan }
            guard samples.count > 1 else { return first }
            return (samples.reduce(0, +) - (first + last) / 2) / Double(samples.count - 1)
        }

        """
    }

    var gitignore: String {
        """
        # What specbook build writes: the site and the cache of runs.
        /site/
        /\(CacheLayout.folderName)/

        """
    }

    var readme: String {
        """
        # \(title)

        A report built with Specbook: Markdown notebooks whose Swift blocks
        run when the site is built.

        ```sh
        specbook build      # run what changed and write site/ (open site/index.html)
        specbook preview    # serve the site at http://127.0.0.1:8000/ and rebuild it on every save
        ```

        Notebooks are `notebooks/*.md`; Swift code they share goes into `lib/*.swift` (every notebook imports it);
        Swift packages they use are listed under `packages:` in `specbook.yml`.

        """
    }
}
