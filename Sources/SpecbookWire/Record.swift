/// One thing a notebook program tells the runner: a versioned record, written as one JSON line.
///
/// ```swift
/// let line = try Record.value(ValueRecord(block: 2, name: "loss", value: "3.1e-4")).jsonLine()
/// let back = try Record(jsonLine: line)          // .value(...), or a RecordError
/// ```
/// Every line carries the protocol version (`"v"`) and the record's kind; a reader refuses a line of
/// another version or an unknown kind with a ``RecordError`` rather than guessing.
public enum Record: Equatable, Sendable {
    case blockBegan(BlockBegan)
    case text(TextRecord)
    case figure(FigureRecord)
    case table(TableRecord)
    case value(ValueRecord)
    case check(CheckRecord)
    case progress(ProgressRecord)
    case expectedError(ExpectedErrorRecord)
    case end(EndRecord)

    /// The version of the notebook ↔ runner protocol; cache entries written under another are re-run.
    public static let protocolVersion = 1

    /// The names that stand in a line's `"kind"` field.
    public enum Kind: String, Codable, CaseIterable, Sendable {
        case blockBegan = "block", text, figure, table, value, check, progress
        case expectedError = "expected-error", end
    }

    public var kind: Kind {
        switch self {
        case .blockBegan: .blockBegan
        case .text: .text
        case .figure: .figure
        case .table: .table
        case .value: .value
        case .check: .check
        case .progress: .progress
        case .expectedError: .expectedError
        case .end: .end
        }
    }

    /// The block the record belongs to (-1 before the first block).
    public var block: Int {
        switch self {
        case .blockBegan(let r): r.block
        case .text(let r): r.block
        case .figure(let r): r.block
        case .table(let r): r.block
        case .value(let r): r.block
        case .check(let r): r.block
        case .progress(let r): r.block
        case .expectedError(let r): r.block
        case .end(let r): r.block
        }
    }
}

/// Why a record line could not be read.
public enum RecordError: Error, Equatable, CustomStringConvertible {
    case malformed(String)
    case unknownKind(String)
    case unsupportedVersion(Int)

    public var description: String {
        switch self {
        case .malformed(let reason): "malformed record (\(reason))"
        case .unknownKind(let kind): "unknown record kind '\(kind)'"
        case .unsupportedVersion(let version):
            "record of protocol version \(version); this runner reads version \(Record.protocolVersion)"
        }
    }
}

/// Block `block` (the `ordinal`-th of `total` that run) started at `time` (seconds since 1970).
public struct BlockBegan: Codable, Equatable, Sendable {
    public var block: Int
    public var ordinal: Int
    public var total: Int
    public var label: String?
    public var time: Double

    public init(block: Int, ordinal: Int, total: Int, label: String? = nil, time: Double) {
        self.block = block
        self.ordinal = ordinal
        self.total = total
        self.label = label
        self.time = time
    }
}

/// Text a block shows as output, apart from what it prints.
public struct TextRecord: Codable, Equatable, Sendable {
    public var block: Int
    public var text: String

    public init(block: Int, text: String) {
        self.block = block
        self.text = text
    }
}

/// The four files of one figure, named inside the notebook's output folder.
public struct FigureFiles: Codable, Equatable, Sendable {
    public var png: String
    public var svg: String
    public var pngDark: String
    public var svgDark: String

    /// The files of a figure named `stem`: `stem.png`, `stem.svg`, `stem-dark.png`, `stem-dark.svg`.
    public init(stem: String) {
        png = "\(stem).png"
        svg = "\(stem).svg"
        pngDark = "\(stem)-dark.png"
        svgDark = "\(stem)-dark.svg"
    }

    public init(png: String, svg: String, pngDark: String, svgDark: String) {
        self.png = png
        self.svg = svg
        self.pngDark = pngDark
        self.svgDark = svgDark
    }

    /// One file: light or dark theme, PNG or SVG.
    public enum Variant: CaseIterable, Sendable {
        case png, svg, pngDark, svgDark
        public var isDark: Bool { self == .pngDark || self == .svgDark }
        public var isPNG: Bool { self == .png || self == .pngDark }
    }

    public subscript(variant: Variant) -> String {
        switch variant {
        case .png: png
        case .svg: svg
        case .pngDark: pngDark
        case .svgDark: svgDark
        }
    }

    public var all: [String] { Variant.allCases.map { self[$0] } }
}

/// A figure written by `show(_:)`: its files and size in points.
public struct FigureRecord: Codable, Equatable, Sendable {
    public var block: Int
    public var files: FigureFiles
    public var width: Double
    public var height: Double
    public var caption: String?
    public var label: String?

    public init(block: Int, files: FigureFiles, width: Double, height: Double, caption: String? = nil, label: String? = nil) {
        self.block = block
        self.files = files
        self.width = width
        self.height = height
        self.caption = caption
        self.label = label
    }
}

/// A table: a header row, then rows of cells.
public struct TableRecord: Codable, Equatable, Sendable {
    public var block: Int
    public var rows: [[String]]
    public var caption: String?
    public var label: String?

    public init(block: Int, rows: [[String]], caption: String? = nil, label: String? = nil) {
        self.block = block
        self.rows = rows
        self.caption = caption
        self.label = label
    }
}

/// A named value the prose cites as `{{name}}`.
public struct ValueRecord: Codable, Equatable, Sendable {
    public var block: Int
    public var name: String
    public var value: String
    /// A duration measured on the machine that ran the notebook: shown, but left out when two builds are compared.
    public var timing: Bool?

    public init(block: Int, name: String, value: String, timing: Bool = false) {
        self.block = block
        self.name = name
        self.value = value
        self.timing = timing ? true : nil
    }
}

/// A claim the notebook checked: what was measured, what was expected, and whether it holds.
public struct CheckRecord: Codable, Equatable, Sendable {
    public enum Verdict: String, Codable, Sendable, CaseIterable {
        /// The claim holds.
        case holds
        /// The claim fails.
        case fails
        /// A documented disagreement, shown with its reason.
        case note
    }

    public var block: Int
    public var name: String
    public var measured: String
    public var expected: String
    public var verdict: Verdict
    /// The notebook file and line that made the check.
    public var file: String
    public var line: Int

    public init(block: Int, name: String, measured: String, expected: String, verdict: Verdict, file: String, line: Int) {
        self.block = block
        self.name = name
        self.measured = measured
        self.expected = expected
        self.verdict = verdict
        self.file = file
        self.line = line
    }
}

/// Where a running program is: block `ordinal` of `total`, and what the block last said (e.g. "epoch 200 of 5000").
public struct ProgressRecord: Codable, Equatable, Sendable {
    public var block: Int
    public var ordinal: Int
    public var total: Int
    public var message: String?

    public init(block: Int, ordinal: Int, total: Int, message: String? = nil) {
        self.block = block
        self.ordinal = ordinal
        self.total = total
        self.message = message
    }
}

/// A block marked `//| error: true` threw, as expected.
public struct ExpectedErrorRecord: Codable, Equatable, Sendable {
    public var block: Int
    public var message: String

    public init(block: Int, message: String) {
        self.block = block
        self.message = message
    }
}

/// The program finished its last block at `time`.
public struct EndRecord: Codable, Equatable, Sendable {
    public var block: Int
    public var time: Double
    /// The BLAS kernels the program ran (OpenBLAS's `openblas_get_corename()`), for the page's provenance.
    public var blasKernel: String?

    public init(block: Int, time: Double, blasKernel: String? = nil) {
        self.block = block
        self.time = time
        self.blasKernel = blasKernel
    }
}
