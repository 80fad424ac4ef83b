import Foundation
import SpecbookNotebook
import SpecbookReview

#if canImport(Glibc)
import Glibc
#endif

/// Writes the whole site into a temporary folder beside `--out`, then swaps it into place.
///
/// ```swift
/// let warnings = try SiteWriter(siteTitle: "Specbook").write(pages, to: URL(fileURLWithPath: "site"), manifest: manifest)
/// for warning in warnings { print(warning) }   // notebooks/x.md:12: warning: unknown cross reference @fig-y
/// ```
/// A failed build leaves the previous site untouched; readers never see a half-written one.
public struct SiteWriter {
    public var siteTitle: String
    /// One line under the title on the index page.
    public var siteDescription: String?
    /// Where the replaced site goes, to be deleted later off the critical path; nil deletes it at once.
    public var trash: URL?
    /// The site's formatted citations (see ``CitationTable``); nil for a project without a bibliography.
    public var citations: CitationTable?
    /// `changes.html`: this build against its baseline; nil writes no such page and no banners.
    public var changes: ChangesPage?
    /// Writes the images `changes.html` shows (old figures, difference images) into the staging folder.
    public var writeChangeAssets: ((URL) throws -> Void)?
    /// `timings.json`: what varies from build to build (see ``SiteTimings``).
    public var timings: Data?

    public init(siteTitle: String = "Specbook") {
        self.siteTitle = siteTitle
    }

    /// Renders `pages` (in reading order) into `output`, replacing what was there; returns the build warnings
    /// (`notebooks/x.md:12: warning: unknown cross reference @fig-missing`).
    @discardableResult
    public func write(_ pages: [SitePage], to output: URL, manifest: Data) throws -> [String] {
        let fm = FileManager.default
        try Self.checkWritable(output)
        let parent = output.deletingLastPathComponent()
        let staging = parent.appendingPathComponent(".\(output.lastPathComponent).staging-\(getpid())")
        try? fm.removeItem(at: staging)
        var warnings: [String] = []
        do {
            try fm.createDirectory(at: staging.appendingPathComponent(SiteLayout.assets), withIntermediateDirectories: true)
            try Stylesheet.css.write(to: staging.appendingPathComponent(SiteLayout.stylesheet), atomically: false, encoding: .utf8)
            try SearchIndex.javascript.write(to: staging.appendingPathComponent(SiteLayout.searchScript), atomically: false, encoding: .utf8)
            var renderer = PageRenderer(siteTitle: siteTitle, references: SitePage.crossReferences(pages))
            renderer.siteValues = Self.checkTotals(pages)
            renderer.citations = citations
            renderer.changes = changes?.comparison
            if pages.contains(where: { $0.fileName == SiteLayout.index }) { renderer.listing = SiteLayout.contents }
            // Pages render and write on every core; warnings and the search index keep the pages' order.
            let done = ConcurrentSlots<Result<RenderedPage, any Error>>(count: pages.count)
            DispatchQueue.concurrentPerform(iterations: pages.count) { i in
                let page = pages[i]
                let rendered = renderer.render(page, previous: i > 0 ? pages[i - 1] : nil, next: i + 1 < pages.count ? pages[i + 1] : nil)
                do {
                    try rendered.html.write(to: staging.appendingPathComponent(page.fileName), atomically: false, encoding: .utf8)
                    try copyFigures(of: page, into: staging.appendingPathComponent(SiteLayout.assetFolder(of: page.notebook.name)))
                    done[i] = .success(rendered)
                } catch {
                    done[i] = .failure(error)
                }
            }
            var search: [SearchIndex.Entry] = []
            var cited: [String: Set<String>] = [:]
            for (page, outcome) in zip(pages, done.all) {
                let rendered = try outcome.get()
                cited[page.notebook.name] = rendered.citedValues
                warnings += rendered.warnings
                search.append(SearchIndex.Entry(name: page.notebook.name, title: page.title, description: page.notebook.frontMatter.description,
                                                headings: rendered.headings, text: rendered.text))
            }
            // A notebook named `index` is the site's home page (as in Quarto); the listing of pages then moves aside.
            let listing = pages.contains { $0.fileName == SiteLayout.index } ? SiteLayout.contents : SiteLayout.index
            var index = IndexRenderer(siteTitle: siteTitle, siteDescription: siteDescription)
            index.changes = changes?.comparison
            try index.render(pages, search: search)
                .write(to: staging.appendingPathComponent(listing), atomically: false, encoding: .utf8)
            try manifest.write(to: staging.appendingPathComponent(SiteLayout.manifest))
            if let timings { try timings.write(to: staging.appendingPathComponent(SiteTimings.fileName)) }
            if var changes {
                if listing != SiteLayout.index { changes.listing = listing }
                try changes.render(cited: cited)
                    .write(to: staging.appendingPathComponent(ChangeAssets.page), atomically: false, encoding: .utf8)
                try writeChangeAssets?(staging)
            }
            let readme = output.appendingPathComponent("README.md")
            if fm.fileExists(atPath: readme.path) {
                try fm.copyItem(at: readme, to: staging.appendingPathComponent("README.md"))
            }
            try swapIntoPlace(staging, output)
        } catch {
            try? fm.removeItem(at: staging)
            throw error
        }
        return warnings
    }

    private func copyFigures(of page: SitePage, into folder: URL) throws {
        guard let source = page.outputFolder, let result = page.result else { return }
        let figures = result.blocks.values.flatMap(\.figures)
        guard !figures.isEmpty else { return }
        let fm = FileManager.default
        try fm.createDirectory(at: folder, withIntermediateDirectories: true)
        for figure in figures {
            for name in figure.files {
                let from = source.appendingPathComponent(name)
                guard fm.fileExists(atPath: from.path) else { continue }
                let to = folder.appendingPathComponent(name)
                if link(from.path, to.path) != 0 { try fm.copyItem(at: from, to: to) }
            }
        }
    }

    /// The site's check totals as values every page can cite: `checks.held`, `checks.failed`, `checks.notes`, `checks.total`.
    public static func checkTotals(_ pages: [SitePage]) -> [String: String] {
        let counts = pages.map(\.checkCounts)
        let held = counts.map(\.held).reduce(0, +), failed = counts.map(\.failed).reduce(0, +), notes = counts.map(\.notes).reduce(0, +)
        return ["checks.held": String(held), "checks.failed": String(failed), "checks.notes": String(notes),
                "checks.total": String(held + failed)]
    }

    /// Fails unless a site can be written at `output`: its parent exists and takes a new folder, and `output`, when
    /// it exists, can be replaced.
    ///
    /// A real probe (mkdir in the parent) rather than access(2): root passes access checks on read-only file systems.
    public static func checkWritable(_ output: URL) throws {
        let fm = FileManager.default
        let parent = output.deletingLastPathComponent()
        var isFolder: ObjCBool = false
        guard fm.fileExists(atPath: parent.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw SiteError(output, "the folder \(parent.path) does not exist")
        }
        let probe = parent.appendingPathComponent(".specbook-probe-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        guard mkdir(probe.path, 0o755) == 0 else {
            throw SiteError(output, "cannot write the site there (\(String(cString: strerror(errno))))")
        }
        defer { rmdir(probe.path) }
        // Replacing `output` renames it, which needs write access to the folder itself when it is a folder.
        if fm.fileExists(atPath: output.path, isDirectory: &isFolder), isFolder.boolValue {
            let inner = output.appendingPathComponent(".specbook-probe-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
            guard mkdir(inner.path, 0o755) == 0 else {
                throw SiteError(output, "cannot write the site there (\(String(cString: strerror(errno))))")
            }
            rmdir(inner.path)
        }
    }

    /// Exchanges the staging folder with the live one in one rename (renameat2 RENAME_EXCHANGE).
    private func swapIntoPlace(_ staging: URL, _ output: URL) throws {
        let fm = FileManager.default
        if !fm.fileExists(atPath: output.path) {
            guard rename(staging.path, output.path) == 0 else {
                throw SiteError(output, "cannot move the new site into place: \(String(cString: strerror(errno)))")
            }
            return
        }
        let exchange: UInt32 = 2  // RENAME_EXCHANGE
        if exchangePaths(AT_FDCWD, staging.path, AT_FDCWD, output.path, exchange) == 0 {
            discard(staging)
            return
        }
        let old = output.deletingLastPathComponent().appendingPathComponent(".\(output.lastPathComponent).old-\(getpid())")
        guard rename(output.path, old.path) == 0, rename(staging.path, output.path) == 0 else {
            throw SiteError(output, "cannot move the new site into place: \(String(cString: strerror(errno)))")
        }
        discard(old)
    }

    /// Moves a replaced site into the trash folder, or deletes it when there is none or the move fails.
    private func discard(_ folder: URL) {
        let fm = FileManager.default
        if let trash, (try? fm.createDirectory(at: trash, withIntermediateDirectories: true)) != nil,
           rename(folder.path, trash.appendingPathComponent("site-\(getpid())-\(UInt32.random(in: 0...UInt32.max))").path) == 0 {
            return
        }
        try? fm.removeItem(at: folder)
    }
}

/// glibc's renameat2 (2.28+), which its headers hide from Swift.
@_silgen_name("renameat2")
private func exchangePaths(_ olddirfd: Int32, _ oldpath: UnsafePointer<CChar>, _ newdirfd: Int32, _ newpath: UnsafePointer<CChar>, _ flags: UInt32) -> Int32

/// Results filled in by concurrent workers, one slot each (rendered pages here, notebook runs in the build).
///
/// ```swift
/// let slots = ConcurrentSlots<Int>(count: 4)
/// DispatchQueue.concurrentPerform(iterations: 4) { slots[$0] = $0 * $0 }
/// slots.all   // [0, 1, 4, 9]
/// ```
public final class ConcurrentSlots<T>: @unchecked Sendable {
    private var slots: [T?]
    private let lock = NSLock()

    public init(count: Int) { slots = Array(repeating: nil, count: count) }

    public subscript(index: Int) -> T? {
        get { lock.withLock { slots[index] } }
        set { lock.withLock { slots[index] = newValue } }
    }

    /// The filled slots, in order.
    public var all: [T] { lock.withLock { slots.compactMap { $0 } } }
}

/// Why the site could not be written; names the site folder.
public struct SiteError: Error, CustomStringConvertible, Equatable {
    public var path: String
    public var message: String

    public init(_ output: URL, _ message: String) {
        path = output.path
        self.message = message
    }

    public var description: String { "\(path): error: \(message)" }
}
