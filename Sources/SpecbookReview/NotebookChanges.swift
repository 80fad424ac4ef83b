import Foundation

/// What changed in one notebook's page between two builds.
public struct NotebookChanges: Codable, Equatable, Sendable {
    public enum Status: String, Codable, Sendable { case added, removed, changed }

    public var name: String
    public var title: String
    /// The page, relative to the site root.
    public var page: String
    /// The notebook file (`notebooks/x.md`).
    public var source: String
    public var status: Status
    /// Seed, parameters, BLAS kernels or library build that changed.
    public var settings: [SettingChange] = []
    public var values: [ValueChange] = []
    public var checks: [CheckChange] = []
    public var figures: [FigureChange] = []
    public var tables: [TableChange] = []
    public var code: [CodeChange] = []

    public var isEmpty: Bool {
        status == .changed && settings.isEmpty && values.isEmpty && checks.isEmpty && figures.isEmpty && tables.isEmpty && code.isEmpty
    }

    init(removed old: SiteManifest.Notebook) {
        (name, title, page, source, status) = (old.name, old.title, old.page, old.source, .removed)
    }

    init(old: SiteManifest.Notebook?, new: SiteManifest.Notebook, oldLibrary: String, newLibrary: String,
         oldSite: SiteSnapshot, newSite: SiteSnapshot) throws {
        (name, title, page, source) = (new.name, new.title, new.page, new.source)
        guard let old else {
            status = .added
            return
        }
        status = .changed
        settings = Self.settings(old, new, oldLibrary: oldLibrary, newLibrary: newLibrary)
        values = Set(old.values.keys).union(new.values.keys).sorted().compactMap { key in
            old.values[key] == new.values[key] ? nil : ValueChange(name: key, old: old.values[key], new: new.values[key])
        }
        checks = Self.checks(old.checks, new.checks)
        figures = try FigureChange.compare(old.figures, new.figures, oldSite: oldSite, newSite: newSite)
        tables = Self.tables(old.tables, new.tables)
        code = Self.code(old.blocks, new.blocks)
    }

    private static func settings(_ a: SiteManifest.Notebook, _ b: SiteManifest.Notebook, oldLibrary: String, newLibrary: String) -> [SettingChange] {
        var out: [SettingChange] = []
        if a.seed != b.seed { out.append(SettingChange(name: "seed", old: String(a.seed), new: String(b.seed))) }
        for key in Set(a.parameters.keys).union(b.parameters.keys).sorted() where a.parameters[key] != b.parameters[key] {
            out.append(SettingChange(name: "parameter \(key)", old: a.parameters[key] ?? "(unset)", new: b.parameters[key] ?? "(unset)"))
        }
        if a.blasKernel != b.blasKernel {
            out.append(SettingChange(name: "BLAS kernels", old: a.blasKernel ?? "(none)", new: b.blasKernel ?? "(none)"))
        }
        if oldLibrary != newLibrary { out.append(SettingChange(name: "library build", old: oldLibrary, new: newLibrary)) }
        if a.status != b.status { out.append(SettingChange(name: "run", old: a.status, new: b.status)) }
        return out
    }

    /// Checks matched by name (the n-th of a repeated name with the n-th), then those left by their notebook line
    /// and order there (a check whose name quotes its measurement keeps its identity); verdict or measurement changed.
    private static func checks(_ a: [SiteManifest.Check], _ b: [SiteManifest.Check]) -> [CheckChange] {
        func keyed(_ checks: [SiteManifest.Check]) -> [(key: String, check: SiteManifest.Check)] {
            var seen: [String: Int] = [:]
            return checks.map { check in
                seen[check.name, default: 0] += 1
                return ("\(check.name)\u{0}\(seen[check.name]!)", check)
            }
        }
        let oldKeyed = keyed(a), newKeyed = keyed(b)
        let newKeys = Set(newKeyed.map(\.key))
        var pairs: [(old: SiteManifest.Check?, new: SiteManifest.Check?)] = []
        var oldByKey = Dictionary(oldKeyed.map { ($0.key, $0.check) }, uniquingKeysWith: { x, _ in x })
        var unmatchedOld = oldKeyed.filter { !newKeys.contains($0.key) }.map(\.check)
        for (key, check) in newKeyed {
            if let before = oldByKey.removeValue(forKey: key) {
                pairs.append((before, check))
            } else if let i = unmatchedOld.firstIndex(where: { $0.line == check.line }) {
                pairs.append((unmatchedOld.remove(at: i), check))
            } else {
                pairs.append((nil, check))
            }
        }
        pairs += unmatchedOld.map { ($0, nil) }
        return pairs.compactMap { before, after in
            guard before?.verdict != after?.verdict || before?.measured != after?.measured || before?.name != after?.name else { return nil }
            let check = (after ?? before)!
            return CheckChange(name: check.name, oldName: before.flatMap { $0.name == after?.name ? nil : $0.name }, line: check.line,
                               oldVerdict: before?.verdict, newVerdict: after?.verdict, oldMeasured: before?.measured,
                               newMeasured: after?.measured, expected: check.expected)
        }
    }

    /// Tables matched by label, else by number.
    private static func tables(_ a: [SiteManifest.Table], _ b: [SiteManifest.Table]) -> [TableChange] {
        func key(_ t: SiteManifest.Table) -> String { t.label ?? "#\(t.number)" }
        let oldTables = Dictionary(a.map { (key($0), $0) }, uniquingKeysWith: { x, _ in x })
        let newKeys = Set(b.map(key))
        var out: [TableChange] = []
        for table in b {
            let before = oldTables[key(table)]
            guard before?.rows != table.rows else { continue }
            out.append(TableChange(number: table.number, label: table.label, caption: table.caption, oldRows: before?.rows,
                                   newRows: table.rows, changedCells: cellsDiffering(before?.rows ?? [], table.rows)))
        }
        for table in a where !newKeys.contains(key(table)) {
            out.append(TableChange(number: table.number, label: table.label, caption: table.caption, oldRows: table.rows,
                                   newRows: nil, changedCells: cellsDiffering(table.rows, [])))
        }
        return out
    }

    static func cellsDiffering(_ a: [[String]], _ b: [[String]]) -> Int {
        var count = 0
        for row in 0..<max(a.count, b.count) {
            let x = row < a.count ? a[row] : [], y = row < b.count ? b[row] : []
            for column in 0..<max(x.count, y.count) where (column < x.count ? x[column] : nil) != (column < y.count ? y[column] : nil) {
                count += 1
            }
        }
        return count
    }

    /// Blocks paired in order; a block only one side has diffs against nothing.
    private static func code(_ a: [SiteManifest.Block], _ b: [SiteManifest.Block]) -> [CodeChange] {
        var out: [CodeChange] = []
        for position in 0..<max(a.count, b.count) {
            let before = position < a.count ? a[position] : nil, after = position < b.count ? b[position] : nil
            guard before?.code != after?.code else { continue }
            out.append(CodeChange(index: position, line: (after ?? before)!.line, oldCodeLine: before?.codeLine,
                                  newCodeLine: after?.codeLine, hunks: LineDiff.hunks(old: before?.code ?? "", new: after?.code ?? "")))
        }
        return out
    }
}

/// A figure that changed: its files, and how many pixels moved in each theme.
public struct FigureChange: Codable, Equatable, Sendable {
    public enum Status: String, Codable, Sendable { case added, removed, changed }

    public var status: Status
    public var number: Int
    public var label: String?
    public var caption: String?
    /// The figure's files in the new build (the old one for a removed figure), relative to the site root.
    public var png: String
    public var pngDark: String?
    public var light: PixelDifference?
    public var dark: PixelDifference?
    /// Why a side could not be compared (an image that cannot be read), when one could not.
    public var problem: String?

    /// A short name: the label, else the file's stem.
    public var name: String { label ?? (png as NSString).lastPathComponent.replacingOccurrences(of: ".png", with: "") }

    /// The largest changed share of the two themes.
    public var changedShare: Double { max(light?.changedShare ?? 1, dark?.changedShare ?? (pngDark == nil ? 0 : 1)) }

    /// Figures matched by their PNG path; a pair whose files are bit-identical is not a change.
    static func compare(_ a: [SiteManifest.Figure], _ b: [SiteManifest.Figure], oldSite: SiteSnapshot, newSite: SiteSnapshot) throws -> [FigureChange] {
        let oldFigures = Dictionary(a.map { ($0.png, $0) }, uniquingKeysWith: { x, _ in x })
        let newPaths = Set(b.map(\.png))
        var out: [FigureChange] = []
        for figure in b {
            var change = FigureChange(status: .changed, number: figure.number, label: figure.label, caption: figure.caption,
                                      png: figure.png, pngDark: figure.pngDark)
            guard let before = oldFigures[figure.png] else {
                change.status = .added
                out.append(change)
                continue
            }
            do {
                change.light = try PixelDifference(old: oldSite.file(before.png), new: newSite.file(figure.png))
                if let darkOld = before.pngDark, let darkNew = figure.pngDark {
                    change.dark = try PixelDifference(old: oldSite.file(darkOld), new: newSite.file(darkNew))
                }
            } catch let error as ReviewError {
                change.problem = error.description
            }
            if change.problem != nil || change.light?.isChange == true || change.dark?.isChange == true { out.append(change) }
        }
        for figure in a where !newPaths.contains(figure.png) {
            out.append(FigureChange(status: .removed, number: figure.number, label: figure.label, caption: figure.caption,
                                    png: figure.png, pngDark: figure.pngDark))
        }
        return out
    }
}
