import Foundation
import SpecbookWire

/// What a notebook's run produced, block by block.
public struct NotebookResult: Codable, Sendable, Equatable {
    public enum Status: String, Codable, Sendable {
        case ok, compileError = "compile-error", runtimeError = "runtime-error", timedOut = "timed-out"
    }

    /// The notebook ↔ runner protocol the result was read under (``Record/protocolVersion``).
    public var protocolVersion = Record.protocolVersion
    public var status: Status
    /// Keyed by ``NotebookBlock/index``.
    public var blocks: [Int: BlockResult]
    /// For a compile error: the compiler's messages; for a crash: what happened.
    public var failure: Failure?
    public var values: [String: String]
    /// The values that are durations measured in the run (`report(_:_:timing: true)`), left out of comparisons.
    public var timings: [String]?
    public var seconds: Double
    /// The BLAS kernels the program ran (OpenBLAS's core name), nil for a program that did not finish.
    public var blasKernel: String?

    public init(status: Status, blocks: [Int: BlockResult] = [:], failure: Failure? = nil, values: [String: String] = [:], seconds: Double = 0) {
        self.status = status
        self.blocks = blocks
        self.failure = failure
        self.values = values
        self.seconds = seconds
    }

    public struct Failure: Codable, Sendable, Equatable {
        /// One line, as printed during the build: `notebooks/x.md:12:5: error: ...`.
        public var summary: String
        public var details: String
        /// The block that was running (runtime errors), or whose line the compiler named.
        public var block: Int?

        public init(summary: String, details: String, block: Int?) {
            self.summary = summary
            self.details = details
            self.block = block
        }
    }
}

/// The outputs of one block.
public struct BlockResult: Codable, Sendable, Equatable {
    public var stdout = ""
    public var stderr = ""
    public var stdoutTruncated = false
    public var figures: [FigureOutput] = []
    public var tables: [TableOutput] = []
    /// Text shown with `show(text:)`, in order.
    public var texts: [String] = []
    /// Claims checked in the block, in order.
    public var checks: [CheckRecord] = []
    public var error: String?
    public var seconds: Double = 0

    public init() {}
}

public struct FigureOutput: Codable, Sendable, Equatable {
    /// File names inside the notebook's output folder.
    public var png: String
    public var svg: String
    public var pngDark: String?
    public var svgDark: String?
    public var width: Double
    public var height: Double
    public var caption: String?
    public var label: String?

    public init(_ record: FigureRecord) {
        png = record.files.png
        svg = record.files.svg
        pngDark = record.files.pngDark
        svgDark = record.files.svgDark
        width = record.width
        height = record.height
        caption = record.caption
        label = record.label
    }

    /// Every file of the figure.
    public var files: [String] { [png, svg, pngDark, svgDark].compactMap { $0 } }
}

public struct TableOutput: Codable, Sendable, Equatable {
    public var rows: [[String]]
    public var caption: String?
    public var label: String?
}
