import Foundation
import SpecbookWire

/// Reads the records (`records.jsonl`) a notebook program wrote through the notebook API into block results.
///
/// ```swift
/// let records = try RecordReader.read(folder.appendingPathComponent("records.jsonl"))
/// records.blocks[2]?.figures     // the figures block 2 showed
/// ```
/// A line that does not decode is an error naming its line, never skipped.
public enum RecordReader {
    public struct Records: Equatable, Sendable {
        public var blocks: [Int: BlockResult] = [:]
        public var values: [String: String] = [:]
        /// The values reported with `timing: true`, sorted.
        public var timings: [String] = []
        /// The block running when the program stopped.
        public var lastBlock: Int?
        /// True when the program reached its end.
        public var finished = false
        /// The BLAS kernels the program reported at its end.
        public var blasKernel: String?

        public init() {}
    }

    /// A record line that could not be read.
    public struct Failure: Error, CustomStringConvertible, Equatable {
        public var line: Int
        public var reason: RecordError
        public var description: String { "display record \(line): \(reason)" }
    }

    /// The records of `file`; a missing file means a program that wrote none.
    public static func read(_ file: URL) throws -> Records {
        guard let data = try? Data(contentsOf: file) else { return Records() }
        var decoded: [Record] = []
        for (number, line) in data.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() where !line.isEmpty {
            do {
                decoded.append(try Record(jsonLine: Data(line)))
            } catch let error as RecordError {
                throw Failure(line: number + 1, reason: error)
            }
        }
        return collect(decoded)
    }

    /// Gathers records into per-block results; a block's time runs from its start to the next block's (or the end).
    public static func collect(_ records: [Record]) -> Records {
        var out = Records()
        var begun: [(block: Int, time: Double)] = []
        var endTime: Double?
        for record in records {
            let block = record.block
            switch record {
            case .blockBegan(let r):
                out.lastBlock = block
                begun.append((block, r.time))
                out.blocks[block] = out.blocks[block] ?? BlockResult()
            case .end(let r):
                out.finished = true
                out.blasKernel = r.blasKernel
                endTime = r.time
            case .text(let r):
                out.blocks[block, default: BlockResult()].texts.append(r.text)
            case .figure(let r):
                out.blocks[block, default: BlockResult()].figures.append(FigureOutput(r))
            case .table(let r):
                out.blocks[block, default: BlockResult()].tables.append(
                    TableOutput(rows: r.rows, caption: r.caption, label: r.label))
            case .value(let r):
                out.values[r.name] = r.value
                if r.timing == true, !out.timings.contains(r.name) { out.timings.append(r.name) }
            case .check(let r):
                out.blocks[block, default: BlockResult()].checks.append(r)
            case .expectedError(let r):
                out.blocks[block, default: BlockResult()].error = r.message
            case .progress:
                // Progress travels in its own file; a stray one in the record file carries nothing to keep.
                break
            }
        }
        out.timings.sort()
        for (i, entry) in begun.enumerated() {
            let next = i + 1 < begun.count ? begun[i + 1].time : endTime
            if let next { out.blocks[entry.block]?.seconds = max(next - entry.time, 0) }
        }
        return out
    }
}
