import Foundation

/// Reads the display records (`records.jsonl`) a notebook program wrote through the notebook API.
enum RecordReader {
    struct Records {
        var blocks: [Int: BlockResult] = [:]
        var values: [String: String] = [:]
        var lastBlock: Int?
        var finished = false
    }

    static func read(_ file: URL) -> Records {
        var records = Records()
        guard let data = try? Data(contentsOf: file) else { return records }
        var begun: [(block: Int, time: Double)] = []
        var endTime: Double?
        for line in data.split(separator: 0x0A) {
            guard let object = try? JSONSerialization.jsonObject(with: line) as? [String: Any],
                  let kind = object["kind"] as? String else { continue }
            let block = object["block"] as? Int ?? -1
            switch kind {
            case "block":
                records.lastBlock = block
                begun.append((block, object["time"] as? Double ?? 0))
                records.blocks[block, default: BlockResult()] = records.blocks[block] ?? BlockResult()
            case "end":
                records.finished = true
                endTime = object["time"] as? Double
            case "figure":
                guard let files = object["files"] as? [String: String], let png = files["png"], let svg = files["svg"] else { continue }
                records.blocks[block, default: BlockResult()].figures.append(FigureOutput(
                    png: png, svg: svg, pngDark: files["pngDark"], svgDark: files["svgDark"],
                    width: object["width"] as? Double ?? 0, height: object["height"] as? Double ?? 0,
                    caption: object["caption"] as? String, label: object["label"] as? String))
            case "table":
                guard let rows = object["rows"] as? [[String]] else { continue }
                records.blocks[block, default: BlockResult()].tables.append(TableOutput(
                    rows: rows, caption: object["caption"] as? String, label: object["label"] as? String))
            case "value":
                if let name = object["name"] as? String, let value = object["value"] as? String { records.values[name] = value }
            case "expected-error":
                records.blocks[block, default: BlockResult()].error = object["message"] as? String
            default:
                continue
            }
        }
        for (i, entry) in begun.enumerated() {
            let next = i + 1 < begun.count ? begun[i + 1].time : endTime
            if let next { records.blocks[entry.block]?.seconds = max(next - entry.time, 0) }
        }
        return records
    }
}
