import Foundation

extension SiteComparison {
    /// One line per change, as `specbook diff` and the build print them:
    /// `notebooks/fit.md: value loss: 0.25 -> 0.5 (+100%)`, `notebooks/fit.md:11: check "fit": holds -> fails`.
    public func lines() -> [String] {
        var out: [String] = []
        for setting in [toolchain, packages].compactMap({ $0 }) { out.append("\(setting.name): \(setting.old) -> \(setting.new)") }
        for n in notebooks {
            switch n.status {
            case .added: out.append("\(n.source): page added (\(n.page))"); continue
            case .removed: out.append("\(n.source): page removed (\(n.page))"); continue
            case .changed: break
            }
            for s in n.settings { out.append("\(n.source): \(s.name): \(s.old) -> \(s.new)") }
            for v in n.values {
                let relative = v.relative.map { " (\(Self.percent($0)))" } ?? ""
                out.append("\(n.source): value \(v.name): \(v.old ?? "(none)") -> \(v.new ?? "(none)")\(relative)")
            }
            for c in n.checks {
                let verdicts = c.flipped ? "\(c.oldVerdict ?? "(none)") -> \(c.newVerdict ?? "(removed)")" : (c.newVerdict ?? "")
                let measured = c.oldMeasured == c.newMeasured ? "" : ", measured \(c.oldMeasured ?? "(none)") -> \(c.newMeasured ?? "(none)")"
                let renamed = c.oldName.map { " (was \"\($0)\")" } ?? ""
                out.append("\(n.source):\(c.line): check \"\(c.name)\"\(renamed): \(verdicts)\(measured)")
            }
            for f in n.figures {
                switch f.status {
                case .added: out.append("\(n.source): figure \(f.number) (\(f.name)) added")
                case .removed: out.append("\(n.source): figure \(f.number) (\(f.name)) removed")
                case .changed:
                    if let problem = f.problem { out.append("\(n.source): figure \(f.number) (\(f.name)) cannot be compared: \(problem)"); continue }
                    var parts: [String] = []
                    if let d = f.light, d.isChange { parts.append(Self.pixels(d, theme: "light")) }
                    if let d = f.dark, d.isChange { parts.append(Self.pixels(d, theme: "dark")) }
                    out.append("\(n.source): figure \(f.number) (\(f.name)): \(parts.joined(separator: "; "))")
                }
            }
            for t in n.tables {
                let what = t.oldRows == nil ? "added" : t.newRows == nil ? "removed" : "\(t.changedCells) cell\(t.changedCells == 1 ? "" : "s") changed"
                out.append("\(n.source): table \(t.number)\(t.label.map { " (\($0))" } ?? ""): \(what)")
            }
            for c in n.code { out.append("\(n.source):\(c.line): code block changed (+\(c.added) -\(c.removed) lines)") }
        }
        return out
    }

    /// The comparison as JSON for tools: the summary, then every change.
    public func json() throws -> Data {
        struct Document: Encodable {
            var baseline: String
            var summary: SiteComparison.Summary
            var toolchain: SettingChange?
            var packages: SettingChange?
            var notebooks: [NotebookChanges]
        }
        return try ReviewJSON.encode(Document(baseline: baseline, summary: summary, toolchain: toolchain, packages: packages,
                                               notebooks: notebooks))
    }

    /// "+12%", "-0.5%", "+1.2e+03%".
    public static func percent(_ relative: Double) -> String {
        let p = relative * 100
        let magnitude = abs(p)
        let text = magnitude >= 1e4 ? String(format: "%.1e", magnitude) : magnitude >= 10 ? String(format: "%.0f", magnitude)
            : magnitude >= 0.1 ? String(format: "%.1f", magnitude) : String(format: "%.2g", magnitude)
        return (p < 0 ? "-" : "+") + text + "%"
    }

    /// "1.2% of pixels changed (light), largest difference 255".
    public static func pixels(_ d: PixelDifference, theme: String) -> String {
        let share = d.changedShare * 100
        let text = share >= 1 ? String(format: "%.1f", share) : String(format: "%.2g", share)
        return "\(text)% of pixels changed (\(theme))\(d.sizeChanged ? ", size changed" : ""), largest difference \(d.largest)"
    }
}
