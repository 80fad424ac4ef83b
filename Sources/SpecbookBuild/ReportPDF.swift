import Foundation
import SpecbookNotebook
import SpecbookSite

/// The whole report as one PDF, printed by headless Chromium: title page, contents with page numbers, each
/// notebook a chapter in index order, running header and page numbers, links that work inside the PDF.
///
/// ```swift
/// var options = BuildOptions()
/// let pdf = try ReportPDF(options: options).make(to: URL(fileURLWithPath: "report.pdf"))
/// print(pdf.pages, pdf.chapterPages)   // 14, [3, 5, 9]
/// ```
/// The site is built first (the cache keeps that incremental) into a folder of its own; the document is printed
/// twice, the second time with the contents' page numbers read from the first print (`pdftotext`).
/// **Edge cases:** Chromium or `pdftotext` missing is an error saying what to install; a build with failed
/// notebooks still prints, their chapters showing what their pages show.
public struct ReportPDF {
    public var options: BuildOptions
    public var includeCode = true

    public struct Result {
        public var pages: Int
        public var chapterPages: [Int]
        public var build: SiteBuild.Summary
    }

    public init(options: BuildOptions) {
        self.options = options
    }

    public func make(to pdf: URL, events: @escaping @Sendable (SiteBuild.Event) -> Void = { _ in }) throws -> Result {
        guard let chromium = ChildProcess.executable(named: ["chromium", "chromium-browser", "google-chrome"]) else {
            throw BuildError(["specbook pdf needs Chromium (apt-get install chromium)"])
        }
        guard let pdftotext = ChildProcess.executable(named: ["pdftotext"]) else {
            throw BuildError(["specbook pdf needs pdftotext (apt-get install poppler-utils)"])
        }
        let site = options.cacheLayout.root.appendingPathComponent("pdf/site")
        try FileManager.default.createDirectory(at: site.deletingLastPathComponent(), withIntermediateDirectories: true)
        var siteOptions = options
        siteOptions.output = site.path
        let summary = try SiteBuild(options: siteOptions).run(events: events)
        let config = try ProjectConfig.load(root: options.projectRoot)
        let chapters = try Self.chapters(in: site)
        var document = PrintDocument(title: config.title, description: config.description, date: Self.today())
        document.includeCode = includeCode
        let source = site.appendingPathComponent("report.print.html")
        let draft = options.cacheLayout.root.appendingPathComponent("pdf/draft.pdf")

        try write(document.render(chapters, pageNumbers: nil), to: source, site: site)
        try print(source, to: draft, chromium: chromium)
        let pages = try Self.pageTexts(draft, pdftotext: pdftotext)
        let starts = Self.chapterStarts(PrintDocument.contents(chapters), in: pages)
        try write(document.render(chapters, pageNumbers: starts), to: source, site: site)
        try FileManager.default.createDirectory(at: pdf.deletingLastPathComponent(), withIntermediateDirectories: true)
        try print(source, to: pdf, chromium: chromium)
        return Result(pages: try Self.pageTexts(pdf, pdftotext: pdftotext).count, chapterPages: starts, build: summary)
    }

    /// The chapters in the order of the site's manifest (index order).
    static func chapters(in site: URL) throws -> [PrintDocument.Chapter] {
        let data = try Data(contentsOf: site.appendingPathComponent(SiteLayout.manifest))
        let manifest = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        let notebooks = manifest?["notebooks"] as? [[String: Any]] ?? []
        return try notebooks.compactMap { entry in
            guard let name = entry["name"] as? String, let page = entry["page"] as? String else { return nil }
            let html = try String(contentsOf: site.appendingPathComponent(page), encoding: .utf8)
            return PrintDocument.Chapter(name: name, title: entry["title"] as? String ?? name, article: PrintDocument.article(of: html))
        }
    }

    /// Writes the document, printing figures from their SVG where one was written (sharp at any resolution).
    func write(_ html: String, to file: URL, site: URL) throws {
        let sharp = PrintDocument.replace(#"src="(assets/[^"]+)\.png""#, in: html) { match in
            FileManager.default.fileExists(atPath: site.appendingPathComponent(match[1] + ".svg").path)
                ? "src=\"\(match[1]).svg\"" : match[0]
        }
        try sharp.write(to: file, atomically: true, encoding: .utf8)
    }

    func print(_ source: URL, to pdf: URL, chromium: String) throws {
        let work = options.cacheLayout.root.appendingPathComponent("pdf")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        try? FileManager.default.removeItem(at: pdf)
        let log = work.appendingPathComponent("chromium.log")
        let result = try ChildProcess.run(
            executable: chromium,
            arguments: ["--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", "--run-all-compositor-stages-before-draw",
                        "--virtual-time-budget=10000", "--user-data-dir=\(work.appendingPathComponent("profile").path)",
                        "--print-to-pdf=\(pdf.path)", source.absoluteString],
            workingDirectory: work, stdoutFile: log, stderrFile: log, timeout: 300)
        guard result.status == .exited(0), FileManager.default.fileExists(atPath: pdf.path) else {
            let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            throw BuildError(["Chromium could not print \(source.lastPathComponent) (\(result.status)): \(text.suffix(400))"])
        }
    }

    /// The text of each page of a PDF (pdftotext separates pages with form feeds).
    static func pageTexts(_ pdf: URL, pdftotext: String) throws -> [String] {
        let out = pdf.deletingPathExtension().appendingPathExtension("txt")
        let result = try ChildProcess.run(executable: pdftotext, arguments: ["-layout", pdf.path, out.path],
                                          workingDirectory: pdf.deletingLastPathComponent(), stdoutFile: out, stderrFile: out, timeout: 120)
        guard result.status == .exited(0) else { throw BuildError(["pdftotext could not read \(pdf.path)"]) }
        var pages = try String(contentsOf: out, encoding: .utf8).components(separatedBy: "\u{0C}")
        if pages.last?.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty == true { pages.removeLast() }
        try? FileManager.default.removeItem(at: out)
        return pages
    }

    /// The 1-based page each chapter starts on: the first page after the previous chapter's start whose first lines
    /// (below the running header) hold the chapter's title; the contents follow the title page.
    static func chapterStarts(_ titles: [String], in pages: [String]) -> [Int] {
        func squeeze(_ text: some StringProtocol) -> String { text.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
        var starts: [Int] = []
        var from = min(2, pages.count)
        for title in titles {
            let words = squeeze(title)
            let found = (from..<pages.count).first { i in
                let lines = pages[i].split(separator: "\n").map { squeeze($0) }.filter { !$0.isEmpty }
                return squeeze(lines.prefix(4).joined(separator: " ")).contains(words)
            }
            let page = found ?? from
            starts.append(page + 1)
            from = min(page + 1, max(pages.count - 1, 0))
        }
        return starts
    }

    static func today() -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "d MMMM yyyy"
        return formatter.string(from: Date())
    }
}
