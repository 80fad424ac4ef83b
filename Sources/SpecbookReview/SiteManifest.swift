import Foundation

/// `manifest.json`: what a built site holds, notebook by notebook — the values, checks, figures, tables and code
/// of each page and what they were computed with. Two builds of the same inputs write the same bytes; what
/// varies from run to run (the date, run times, cache hits, values reported as timings) goes to `timings.json`.
///
/// ```swift
/// let manifest = try SiteManifest.read(from: URL(fileURLWithPath: "site"))
/// manifest.notebooks.first?.values["loss"]   // "3.1e-4"
/// ```
/// **Edge cases:** a folder without `manifest.json`, a manifest that does not decode and one written in another
/// ``format`` are each a ``ReviewError`` naming the file.
public struct SiteManifest: Codable, Equatable, Sendable {
    /// The version of this layout; a manifest of another one is refused, never half-read.
    public static let currentFormat = 3
    public static let fileName = "manifest.json"

    public var format = SiteManifest.currentFormat
    public var generator = "specbook"
    public var swiftVersion: String
    /// The `specbook` that built the site.
    public var specbookVersion: String
    public var gitCommit: String
    public var gitDirty: Bool
    /// Identifies the notebook library the programs linked (its build id).
    public var libraryBuild: String
    /// The Swift packages notebooks link, as resolved (`name version`).
    public var packages: [String]
    public var notebooks: [Notebook]

    public init(swiftVersion: String, specbookVersion: String = "", gitCommit: String, gitDirty: Bool, libraryBuild: String,
                packages: [String] = [], notebooks: [Notebook]) {
        self.swiftVersion = swiftVersion
        self.specbookVersion = specbookVersion
        self.gitCommit = gitCommit
        self.gitDirty = gitDirty
        self.libraryBuild = libraryBuild
        self.packages = packages
        self.notebooks = notebooks
    }

    public struct Notebook: Codable, Equatable, Sendable {
        public var name: String
        public var source: String
        public var page: String
        public var title: String
        public var status: String
        /// The latest run failed and the page shows the last successful one.
        public var showsLastGood: Bool
        public var seed: UInt64
        public var parameters: [String: String]
        /// The BLAS kernels the run used (OpenBLAS's core name).
        public var blasKernel: String?
        public var blocks: [Block]
        public var figures: [Figure]
        public var tables: [Table]
        /// Reported values, without those reported as timings.
        public var values: [String: String]
        /// Every claim the run checked, in page order.
        public var checks: [Check]

        public init(name: String, source: String, page: String, title: String, status: String, showsLastGood: Bool,
                    seed: UInt64, parameters: [String: String], blasKernel: String?, blocks: [Block], figures: [Figure],
                    tables: [Table], values: [String: String], checks: [Check]) {
            self.name = name
            self.source = source
            self.page = page
            self.title = title
            self.status = status
            self.showsLastGood = showsLastGood
            self.seed = seed
            self.parameters = parameters
            self.blasKernel = blasKernel
            self.blocks = blocks
            self.figures = figures
            self.tables = tables
            self.values = values
            self.checks = checks
        }
    }

    /// A Swift block: where it starts in the notebook, its code, and how its run ended.
    public struct Block: Codable, Equatable, Sendable {
        public var index: Int
        /// The notebook line of the opening fence.
        public var line: Int
        /// The notebook line of the code's first line.
        public var codeLine: Int
        public var status: String
        public var code: String

        public init(index: Int, line: Int, codeLine: Int, status: String, code: String) {
            self.index = index
            self.line = line
            self.codeLine = codeLine
            self.status = status
            self.code = code
        }
    }

    /// A figure the page shows: its files relative to the site root, and its number on the page.
    public struct Figure: Codable, Equatable, Sendable {
        public var number: Int
        public var label: String?
        public var caption: String?
        public var png: String
        public var pngDark: String?
        public var svg: String
        public var svgDark: String?

        public init(number: Int, label: String?, caption: String?, png: String, pngDark: String?, svg: String, svgDark: String?) {
            self.number = number
            self.label = label
            self.caption = caption
            self.png = png
            self.pngDark = pngDark
            self.svg = svg
            self.svgDark = svgDark
        }
    }

    /// A table the page shows: its header row first.
    public struct Table: Codable, Equatable, Sendable {
        public var number: Int
        public var label: String?
        public var caption: String?
        public var rows: [[String]]

        public init(number: Int, label: String?, caption: String?, rows: [[String]]) {
            self.number = number
            self.label = label
            self.caption = caption
            self.rows = rows
        }
    }

    public struct Check: Codable, Equatable, Sendable {
        public var name: String
        public var verdict: String
        public var measured: String
        public var expected: String
        public var line: Int

        public init(name: String, verdict: String, measured: String, expected: String, line: Int) {
            self.name = name
            self.verdict = verdict
            self.measured = measured
            self.expected = expected
            self.line = line
        }
    }

    /// The manifest as written: sorted keys, indented, so equal manifests are equal bytes.
    public func encoded() throws -> Data { try ReviewJSON.encode(self) }

    /// The manifest of the site in `folder`.
    public static func read(from folder: URL) throws -> SiteManifest {
        let file = folder.appendingPathComponent(fileName)
        guard let data = try? Data(contentsOf: file) else {
            throw ReviewError(file.path, "no \(fileName): not a site Specbook built")
        }
        struct Header: Decodable { var format: Int? }
        let format = (try? JSONDecoder().decode(Header.self, from: data))?.format ?? 1
        guard format == currentFormat else {
            var error = ReviewError(file.path, "manifest format \(format), this specbook reads format \(currentFormat); rebuild that site")
            error.otherFormat = true
            throw error
        }
        do {
            return try JSONDecoder().decode(SiteManifest.self, from: data)
        } catch {
            throw ReviewError(file.path, "cannot read the manifest: \(ReviewError.describe(error))")
        }
    }
}

/// What varies between two builds of the same inputs, kept beside the manifest in `timings.json`.
public struct SiteTimings: Codable, Equatable, Sendable {
    public static let fileName = "timings.json"

    public var buildDate: String
    public var seconds: Double
    public var notebooks: [Notebook]

    public init(buildDate: String, seconds: Double, notebooks: [Notebook]) {
        self.buildDate = buildDate
        self.seconds = seconds
        self.notebooks = notebooks
    }

    public struct Notebook: Codable, Equatable, Sendable {
        public var name: String
        public var cacheHit: Bool
        public var seconds: Double
        /// Seconds per block, by block index.
        public var blocks: [String: Double]
        /// Values the notebook reported as timings.
        public var values: [String: String]

        public init(name: String, cacheHit: Bool, seconds: Double, blocks: [String: Double], values: [String: String]) {
            self.name = name
            self.cacheHit = cacheHit
            self.seconds = seconds
            self.blocks = blocks
            self.values = values
        }
    }

    public func encoded() throws -> Data { try ReviewJSON.encode(self) }
}

/// The JSON Specbook writes for tools: sorted keys and indented, so equal values are equal bytes.
enum ReviewJSON {
    static func encode<T: Encodable>(_ value: T) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(value)
    }
}

/// A site or file that cannot be compared; names the path.
public struct ReviewError: Error, CustomStringConvertible, Equatable {
    public var path: String
    public var message: String
    /// The site was built by a specbook that writes another manifest format.
    public var otherFormat = false

    public init(_ path: String, _ message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { "\(path): error: \(message)" }

    static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, let context):
            return "missing \(path(context.codingPath + [key]))"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            return "wrong type at \(path(context.codingPath))"
        case DecodingError.dataCorrupted(let context):
            return context.codingPath.isEmpty ? "not JSON" : "bad value at \(path(context.codingPath))"
        default:
            return "\(error)"
        }
    }

    private static func path(_ keys: [any CodingKey]) -> String {
        keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined().trimmingCharacters(in: ["."])
    }
}
