import Foundation
import SpecbookNotebook
import SpecbookSite

/// Formats the site's citations and bibliography entries with pandoc's citeproc, once per change.
///
/// ```swift
/// let formatter = CitationFormatter(cache: layout.root.appendingPathComponent("citations"), root: projectRoot)
/// let table = try formatter.format(groups, bibliography: bibliography, style: .numeric)
/// ```
/// The result is stored under a hash of the bibliography files, the style and the citations in reading order, so
/// a build whose citations did not change starts no process. Numeric styles number the entries in order of first
/// citation across the whole site, so a page's numbers are the same on every page and in every build.
/// **Edge cases:** no citation formats nothing and starts no process; pandoc missing, or pandoc rejecting a .bib
/// file, is an error naming the file; a stored result that cannot be read is formatted again.
public struct CitationFormatter: Sendable {
    /// How citations look: `[1]` (IEEE, from Debian's CSL styles), author-year (pandoc's Chicago), or a CSL file.
    public enum Style: Sendable, Equatable {
        case numeric, authorYear
        case file(String)

        public init(_ name: String?) {
            switch name {
            case nil, "numeric": self = .numeric
            case "author-year": self = .authorYear
            case let path?: self = .file(path)
            }
        }
    }

    /// Debian's citation-style-language-styles package puts the styles here.
    public static let numericStyle = "/usr/share/citation-style-language/styles/ieee.csl"

    public var cache: URL
    public var root: URL
    /// The pandoc to run: the first on the PATH.
    public var pandoc: String? = ChildProcess.executable(named: ["pandoc"])

    public init(cache: URL, root: URL) {
        self.cache = cache
        self.root = root
    }

    public func format(_ groups: [Citations.Group], bibliography: Bibliography, style: Style) throws -> CitationTable {
        var table = CitationTable(known: Set(bibliography.keys.keys))
        let formattable = groups.filter { $0.keys.allSatisfy(table.known.contains) }
        guard !formattable.isEmpty else { return table }
        let input = formattable.enumerated().map { "::: {#specbook-cite-\($0.offset)}\n\($0.element.written)\n:::\n" }
            .joined(separator: "\n")
        let styleFile = try styleURL(style)
        var hash = ContentHash()
        hash.update("citations 2\u{0}\(bibliography.contentHash)\u{0}")
        if let styleFile { hash.update(FileManager.default.contents(atPath: styleFile.path) ?? Data()) }
        hash.update("\u{0}\(input)")
        let stored = cache.appendingPathComponent("\(hash.hexDigest()).json")
        if let data = FileManager.default.contents(atPath: stored.path), let saved = try? JSONDecoder().decode(Stored.self, from: data) {
            saved.fill(&table)
            return table
        }
        let html = try runPandoc(input: input, bibliography: bibliography, style: styleFile)
        let saved = Stored(parse: html, groups: formattable)
        try FileManager.default.createDirectory(at: cache, withIntermediateDirectories: true)
        let temporary = cache.appendingPathComponent(".\(stored.lastPathComponent).\(getpid())")
        try JSONEncoder().encode(saved).write(to: temporary)
        // One rename: a concurrent build reads the old file or the new one, never half of one.
        guard rename(temporary.path, stored.path) == 0 else { throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: stored.path]) }
        saved.fill(&table)
        return table
    }

    func styleURL(_ style: Style) throws -> URL? {
        switch style {
        case .authorYear: return nil
        case .numeric:
            guard FileManager.default.fileExists(atPath: Self.numericStyle) else {
                throw NotebookError(file: "specbook.yml", "the numeric citation style needs \(Self.numericStyle) "
                                    + "(apt-get install citation-style-language-styles), or set citation-style: author-year")
            }
            return URL(fileURLWithPath: Self.numericStyle)
        case .file(let path):
            let url = path.hasPrefix("/") ? URL(fileURLWithPath: path) : root.appendingPathComponent(path)
            guard FileManager.default.fileExists(atPath: url.path) else {
                throw NotebookError(file: "specbook.yml", "citation style file \(path) not found")
            }
            return url
        }
    }

    func runPandoc(input: String, bibliography: Bibliography, style: URL?) throws -> String {
        guard let pandoc, FileManager.default.isExecutableFile(atPath: pandoc) else {
            throw NotebookError(file: bibliography.files.first ?? "references.bib",
                                "citations need pandoc on the PATH (apt-get install pandoc)")
        }
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("specbook-citations-\(getpid())-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        let source = work.appendingPathComponent("citations.md"), output = work.appendingPathComponent("out.html")
        let errors = work.appendingPathComponent("err.txt")
        try input.write(to: source, atomically: false, encoding: .utf8)
        var arguments = ["--citeproc", "-f", "markdown", "-t", "html", "--wrap=none",
                         "-M", "link-citations=true", "-M", "link-bibliography=true", "-o", output.path]
        for url in bibliography.urls { arguments += ["--bibliography", url.path] }
        if let style { arguments += ["--csl", style.path] }
        arguments.append(source.path)
        let result = try ChildProcess.run(executable: pandoc, arguments: arguments, workingDirectory: root,
                                          stdoutFile: work.appendingPathComponent("stdout.txt"), stderrFile: errors, timeout: 120)
        let message = (try? String(contentsOf: errors, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        guard result.status == .exited(0), let html = try? String(contentsOf: output, encoding: .utf8) else {
            throw NotebookError(file: bibliography.files.joined(separator: ", "), "pandoc could not format the citations: \(message)")
        }
        return html
    }

    /// What pandoc produced, as stored in the cache.
    struct Stored: Codable {
        var rendered: [String: String]
        var keys: [String]
        var entries: [String]
        var plain: [String]

        func fill(_ table: inout CitationTable) {
            table.rendered = rendered
            table.entries = Array(zip(keys, entries).map { (key: $0.0, html: $0.1) })
            table.plain = Dictionary(zip(keys, plain), uniquingKeysWith: { a, _ in a })
        }

        /// Reads pandoc's HTML: one `<div id="specbook-cite-N">` per group, then the `refs` division.
        init(parse html: String, groups: [Citations.Group]) {
            // The stored form changes with this parser: see the "citations N" tag in the cache key.
            rendered = [:]
            for (i, group) in groups.enumerated() {
                guard let div = html.range(of: "<div id=\"specbook-cite-\(i)\">"),
                      let span = html.range(of: "<span class=\"citation\"", range: div.upperBound..<html.endIndex),
                      let open = html.range(of: ">", range: span.upperBound..<html.endIndex),
                      let end = html.range(of: "</p>", range: open.upperBound..<html.endIndex),
                      let close = html.range(of: "</span>", options: .backwards, range: open.upperBound..<end.lowerBound) else { continue }
                rendered[group.written] = String(html[open.upperBound..<close.lowerBound])
            }
            keys = []
            entries = []
            plain = []
            guard let refs = html.range(of: "<div id=\"refs\"") else { return }
            let chunks = html[refs.upperBound...].components(separatedBy: "<div id=\"ref-").dropFirst()
            for (n, chunk) in chunks.enumerated() {
                guard let quote = chunk.firstIndex(of: "\"") else { continue }
                var body = "<div id=\"ref-" + chunk.trimmingCharacters(in: .whitespacesAndNewlines)
                if n == chunks.count - 1, body.hasSuffix("</div>") {
                    body = String(body.dropLast("</div>".count)).trimmingCharacters(in: .whitespacesAndNewlines)
                }
                keys.append(String(chunk[..<quote]))
                // ARIA deprecated doc-biblioentry; the entries are plain blocks in a section named References.
                entries.append(body.replacingOccurrences(of: " role=\"doc-biblioentry\"", with: ""))
                plain.append(Self.text(of: body))
            }
        }

        /// The text of an HTML fragment: tags dropped, entities decoded, spaces collapsed.
        static func text(of html: String) -> String {
            var out = "", inTag = false
            for c in html {
                if c == "<" { inTag = true } else if c == ">" { inTag = false } else if !inTag { out.append(c) }
            }
            for (entity, char) in [("&amp;", "&"), ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'")] {
                out = out.replacingOccurrences(of: entity, with: char)
            }
            return out.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }
    }
}
