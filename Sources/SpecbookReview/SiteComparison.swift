import Foundation

/// What changed between two builds of a report, notebook by notebook: pages added or removed, values, checks,
/// figures (decoded and compared pixel by pixel), tables, code blocks, and the seed, parameters, kernels and
/// library the runs used.
///
/// ```swift
/// let old = try SiteSnapshot(folder: URL(fileURLWithPath: "site-main"))
/// let new = try SiteSnapshot(folder: URL(fileURLWithPath: "site"))
/// let changes = try SiteComparison(old: old, new: new)
/// changes.summary.figures            // 2
/// changes.lines()                    // one line per change, as `specbook diff` prints them
/// ```
/// **Edge cases:** two builds of the same inputs compare as empty (timings are not compared: see
/// ``SiteTimings``); a figure whose old or new PNG cannot be read is reported as changed with the reason,
/// never skipped; a page whose run failed and shows its last good run compares that run.
public struct SiteComparison: Codable, Equatable, Sendable {
    /// What the new build was compared with (a folder, or "the previous build").
    public var baseline: String
    /// The toolchain, when it changed: old and new `swift --version`.
    public var toolchain: SettingChange?
    /// The Swift packages notebooks link, when they changed.
    public var packages: SettingChange?
    /// Notebooks with at least one change, in the new site's order, then removed ones.
    public var notebooks: [NotebookChanges]

    public var summary: Summary { Summary(notebooks) }
    public var isEmpty: Bool { toolchain == nil && packages == nil && notebooks.isEmpty }
    /// Checks that held in the baseline and fail now.
    public var nowFailing: [(notebook: NotebookChanges, check: CheckChange)] {
        notebooks.flatMap { n in n.checks.filter(\.nowFails).map { (n, $0) } }
    }

    public init(baseline: String = "", toolchain: SettingChange? = nil, notebooks: [NotebookChanges]) {
        self.baseline = baseline
        self.toolchain = toolchain
        self.notebooks = notebooks
    }

    public init(old: SiteSnapshot, new: SiteSnapshot, baseline: String? = nil) throws {
        self.baseline = baseline ?? old.description
        let a = old.manifest, b = new.manifest
        toolchain = a.swiftVersion == b.swiftVersion ? nil : SettingChange(name: "toolchain", old: a.swiftVersion, new: b.swiftVersion)
        packages = a.packages == b.packages ? nil
            : SettingChange(name: "packages", old: a.packages.joined(separator: ", "), new: b.packages.joined(separator: ", "))
        let oldByName = Dictionary(a.notebooks.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        let newNames = Set(b.notebooks.map(\.name))
        var changes: [NotebookChanges] = []
        for notebook in b.notebooks {
            let change = try NotebookChanges(old: oldByName[notebook.name], new: notebook,
                                             oldLibrary: a.libraryBuild, newLibrary: b.libraryBuild, oldSite: old, newSite: new)
            if !change.isEmpty { changes.append(change) }
        }
        for notebook in a.notebooks where !newNames.contains(notebook.name) {
            changes.append(NotebookChanges(removed: notebook))
        }
        notebooks = changes
    }

    /// Counts over the whole comparison, as the summary line shows them.
    public struct Summary: Codable, Equatable, Sendable {
        public var pagesAdded = 0, pagesRemoved = 0, figures = 0, values = 0, checksFlipped = 0, checksNowFailing = 0
        public var checksMoved = 0, tables = 0, codeBlocks = 0, settings = 0

        init(_ notebooks: [NotebookChanges]) {
            for n in notebooks {
                if n.status == .added { pagesAdded += 1 }
                if n.status == .removed { pagesRemoved += 1 }
                guard n.status == .changed else { continue }
                figures += n.figures.count
                values += n.values.count
                checksFlipped += n.checks.filter(\.flipped).count
                checksNowFailing += n.checks.filter(\.nowFails).count
                checksMoved += n.checks.filter { !$0.flipped }.count
                tables += n.tables.count
                codeBlocks += n.code.count
                settings += n.settings.count
            }
        }

        /// "2 figures, 3 values, 1 check flipped", or "no changes".
        public var phrase: String {
            func count(_ n: Int, _ one: String, _ many: String) -> String? { n == 0 ? nil : "\(n) \(n == 1 ? one : many)" }
            let parts = [
                count(pagesAdded, "page added", "pages added"), count(pagesRemoved, "page removed", "pages removed"),
                count(figures, "figure", "figures"), count(values, "value", "values"),
                count(checksFlipped, "check flipped", "checks flipped"),
                count(checksMoved, "check measured differently", "checks measured differently"),
                count(tables, "table", "tables"), count(codeBlocks, "code block", "code blocks"),
                count(settings, "setting", "settings"),
            ].compactMap { $0 }
            return parts.isEmpty ? "no changes" : parts.joined(separator: ", ")
        }
    }
}

/// A built site to compare: its manifest and where its files are.
public struct SiteSnapshot: CustomStringConvertible, Sendable {
    public var manifest: SiteManifest
    /// The file at a site-relative path (`assets/x/fig-a.png`).
    public var file: @Sendable (String) -> URL
    public var description: String

    /// The site built in `folder`.
    public init(folder: URL) throws {
        manifest = try SiteManifest.read(from: folder)
        file = { folder.appendingPathComponent($0) }
        description = folder.path
    }

    /// A site being built, whose files are still elsewhere (the run results' folders).
    public init(manifest: SiteManifest, description: String, file: @escaping @Sendable (String) -> URL) {
        self.manifest = manifest
        self.file = file
        self.description = description
    }
}

public struct SettingChange: Codable, Equatable, Sendable {
    public var name: String
    public var old: String
    public var new: String
}

public struct ValueChange: Codable, Equatable, Sendable {
    public var name: String
    public var old: String?
    public var new: String?
    /// (new - old) / |old| when both read as numbers and old is not zero.
    public var relative: Double?

    init(name: String, old: String?, new: String?) {
        self.name = name
        self.old = old
        self.new = new
        if let a = old.flatMap(Self.number), let b = new.flatMap(Self.number), a != 0 { relative = (b - a) / abs(a) }
    }

    /// A value as a number: plain decimals, exponents, a leading Unicode minus, a trailing percent sign.
    static func number(_ text: String) -> Double? {
        var s = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "\u{2212}", with: "-")
        if s.hasSuffix("%") { s.removeLast() }
        return Double(s)
    }
}

public struct CheckChange: Codable, Equatable, Sendable {
    public var name: String
    /// The baseline's name of the check, when it differs (a name that quotes a measured number).
    public var oldName: String?
    /// The check's line in the new notebook (the old one for a removed check).
    public var line: Int
    public var oldVerdict: String?
    public var newVerdict: String?
    public var oldMeasured: String?
    public var newMeasured: String?
    public var expected: String

    /// The verdict changed (a check added or removed counts; a renamed check that holds on both sides does not).
    public var flipped: Bool { oldVerdict != newVerdict }
    public var nowFails: Bool { oldVerdict == "holds" && newVerdict == "fails" }
}

public struct TableChange: Codable, Equatable, Sendable {
    public var number: Int
    public var label: String?
    public var caption: String?
    public var oldRows: [[String]]?
    public var newRows: [[String]]?
    /// Cells that differ, counting every cell of a row or column only one side has.
    public var changedCells: Int
}

public struct CodeChange: Codable, Equatable, Sendable {
    /// The block's position among the notebook's Swift blocks (from 0).
    public var index: Int
    /// The notebook line of the block's opening fence, new (or old for a removed block).
    public var line: Int
    /// The notebook lines of the first code line of the old and the new block (nil on a side without it).
    public var oldCodeLine: Int?
    public var newCodeLine: Int?
    public var hunks: [LineDiff.Hunk]
    public var added: Int { hunks.flatMap(\.lines).filter { $0.kind == .added }.count }
    public var removed: Int { hunks.flatMap(\.lines).filter { $0.kind == .removed }.count }
}
