import Foundation
import SpecbookNotebook

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

    public init(siteTitle: String = "Specbook") {
        self.siteTitle = siteTitle
    }

    /// Renders `pages` (in reading order) into `output`, replacing what was there; returns the build warnings
    /// (`notebooks/x.md:12: warning: unknown cross reference @fig-missing`).
    @discardableResult
    public func write(_ pages: [SitePage], to output: URL, manifest: Data) throws -> [String] {
        let fm = FileManager.default
        let parent = output.deletingLastPathComponent()
        guard fm.isWritableFile(atPath: parent.path) else {
            throw NotebookError(file: output.path, "cannot write the site: \(parent.path) is not writable")
        }
        if fm.fileExists(atPath: output.path) && !fm.isWritableFile(atPath: output.path) {
            throw NotebookError(file: output.path, "cannot write the site: the folder is not writable")
        }
        let staging = parent.appendingPathComponent(".\(output.lastPathComponent).staging-\(getpid())")
        try? fm.removeItem(at: staging)
        var warnings: [String] = []
        do {
            try fm.createDirectory(at: staging.appendingPathComponent("assets"), withIntermediateDirectories: true)
            try Stylesheet.css.write(to: staging.appendingPathComponent("assets/specbook.css"), atomically: false, encoding: .utf8)
            try SearchIndex.javascript.write(to: staging.appendingPathComponent("assets/search.js"), atomically: false, encoding: .utf8)
            let renderer = PageRenderer(siteTitle: siteTitle, references: SitePage.crossReferences(pages))
            var search: [SearchIndex.Entry] = []
            for (i, page) in pages.enumerated() {
                let rendered = renderer.render(page, previous: i > 0 ? pages[i - 1] : nil, next: i + 1 < pages.count ? pages[i + 1] : nil)
                warnings += rendered.warnings
                search.append(SearchIndex.Entry(name: page.notebook.name, title: page.title, description: page.notebook.frontMatter.description,
                                                headings: rendered.headings, text: rendered.text))
                try rendered.html.write(to: staging.appendingPathComponent(page.fileName), atomically: false, encoding: .utf8)
                try copyFigures(of: page, into: staging.appendingPathComponent("assets/\(page.notebook.name)"))
            }
            try IndexRenderer(siteTitle: siteTitle, siteDescription: siteDescription).render(pages, search: search)
                .write(to: staging.appendingPathComponent("index.html"), atomically: false, encoding: .utf8)
            try manifest.write(to: staging.appendingPathComponent("manifest.json"))
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
            for name in [figure.png, figure.svg, figure.pngDark, figure.svgDark].compactMap({ $0 }) {
                let from = source.appendingPathComponent(name)
                guard fm.fileExists(atPath: from.path) else { continue }
                let to = folder.appendingPathComponent(name)
                if link(from.path, to.path) != 0 { try fm.copyItem(at: from, to: to) }
            }
        }
    }

    /// Exchanges the staging folder with the live one in one rename (renameat2 RENAME_EXCHANGE).
    private func swapIntoPlace(_ staging: URL, _ output: URL) throws {
        let fm = FileManager.default
        if !fm.fileExists(atPath: output.path) {
            guard rename(staging.path, output.path) == 0 else {
                throw NotebookError(file: output.path, "cannot move the new site into place: \(String(cString: strerror(errno)))")
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
            throw NotebookError(file: output.path, "cannot move the new site into place: \(String(cString: strerror(errno)))")
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
