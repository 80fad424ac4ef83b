import Foundation

/// The whole report as one HTML document for printing: a title page, a table of contents, then each notebook's
/// article as a chapter, with ids and links made unique per chapter so references between pages still work.
///
/// ```swift
/// var document = PrintDocument(title: "The report", description: nil, date: "2026-12-05")
/// let html = document.render([.init(name: "lfp", title: "The LFP model", article: article)], pageNumbers: nil)
/// ```
/// **Edge cases:** a page without an `<article>` contributes an empty chapter; links to pages that are not
/// chapters keep their target; `pageNumbers` shorter than the chapters leaves the rest unnumbered.
public struct PrintDocument: Sendable {
    public struct Chapter: Sendable {
        public var name: String
        public var title: String
        /// The page's `<article>` content as the site rendered it.
        public var article: String

        public init(name: String, title: String, article: String) {
            self.name = name
            self.title = title
            self.article = article
        }
    }

    public var title: String
    public var description: String?
    public var date: String
    /// False hides every code block; folded code stays folded either way.
    public var includeCode = true

    public init(title: String, description: String?, date: String) {
        self.title = title
        self.description = description
        self.date = date
    }

    /// The content of the `<article>` of a rendered page.
    public static func article(of page: String) -> String {
        guard let open = page.range(of: "<article>"), let close = page.range(of: "</article>", options: .backwards),
              open.upperBound <= close.lowerBound else { return "" }
        return String(page[open.upperBound..<close.lowerBound])
    }

    /// The titles the contents lists, in order: the chapters', then "References" when any chapter cites.
    public static func contents(_ chapters: [Chapter]) -> [String] {
        chapters.map(\.title) + (references(chapters).isEmpty ? [] : ["References"])
    }

    /// The bibliography entries the chapters list, each once: numbered ones by number, others as first listed.
    static func references(_ chapters: [Chapter]) -> [(key: String, html: String)] {
        var entries: [(key: String, html: String)] = []
        var seen = Set<String>()
        for chapter in chapters {
            guard let section = chapter.article.range(of: #"<section class="references"[\s\S]*?</section>"#, options: .regularExpression)
            else { continue }
            var body = String(chapter.article[section])
            if let list = body.range(of: "<div class=\"csl-bib-body\">") { body = String(body[list.upperBound...]) }
            for chunk in body.components(separatedBy: "<div id=\"ref-").dropFirst() {
                guard let quote = chunk.firstIndex(of: "\""), seen.insert(String(chunk[..<quote])).inserted else { continue }
                var entry = "<div id=\"ref-" + chunk
                for tail in ["</section>", "</div>"] {
                    entry = entry.trimmingCharacters(in: .whitespacesAndNewlines)
                    if entry.hasSuffix(tail), entry.components(separatedBy: "</div>").count > entry.components(separatedBy: "<div").count {
                        entry = String(entry.dropLast(tail.count))
                    }
                }
                entries.append((String(chunk[..<quote]), entry.trimmingCharacters(in: .whitespacesAndNewlines)))
            }
        }
        let numbers = entries.map { entry -> Int? in
            guard let open = entry.html.range(of: "csl-left-margin\">["), let close = entry.html[open.upperBound...].firstIndex(of: "]")
            else { return nil }
            return Int(entry.html[open.upperBound..<close])
        }
        if numbers.allSatisfy({ $0 != nil }) {
            return zip(entries, numbers).sorted { $0.1! < $1.1! }.map(\.0)
        }
        return entries
    }

    /// The document; `pageNumbers[i]` is the PDF page the i-th entry of ``contents(_:)`` starts on, once known.
    public func render(_ chapters: [Chapter], pageNumbers: [Int]?) -> String {
        let names = Set(chapters.map(\.name))
        let references = Self.references(chapters)
        var html = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        html += "<title>\(HTML.escape(title))</title>\n<link rel=\"stylesheet\" href=\"\(SiteLayout.stylesheet)\">\n"
        html += "<style>\n\(printCSS)\n</style>\n</head>\n<body class=\"print\">\n"
        html += "<section class=\"title-page\"><h1>\(HTML.escape(title))</h1>"
        if let description { html += "<p class=\"description\">\(HTML.escape(description))</p>" }
        html += "<p class=\"date\">\(HTML.escape(date))</p></section>\n"
        html += "<nav class=\"print-toc\" aria-labelledby=\"print-toc-title\"><h2 id=\"print-toc-title\">Contents</h2><ol>\n"
        let targets = chapters.map { "chapter-\($0.name)" } + (references.isEmpty ? [] : ["chapter-references"])
        for (i, title) in Self.contents(chapters).enumerated() {
            let number = pageNumbers.flatMap { i < $0.count ? String($0[i]) : nil } ?? ""
            html += "<li><a href=\"#\(HTML.escape(targets[i]))\"><span class=\"toc-title\">\(HTML.escape(title))</span>"
            html += "<span class=\"toc-page\">\(number)</span></a></li>\n"
        }
        html += "</ol></nav>\n"
        for chapter in chapters {
            let article = chapter.article.replacingOccurrences(of: #"<section class="references"[\s\S]*?</section>"#, with: "",
                                                              options: .regularExpression)
            html += "<section class=\"chapter\" id=\"chapter-\(HTML.escape(chapter.name))\">\n<h1 class=\"chapter-title\">"
            html += "\(HTML.escape(chapter.title))</h1>\n\(Self.localised(article, in: chapter.name, chapters: names))\n</section>\n"
        }
        if !references.isEmpty {
            html += "<section class=\"chapter references\" id=\"chapter-references\">\n<h1 class=\"chapter-title\">References</h1>\n"
            html += "<div class=\"csl-bib-body\">\n" + references.map(\.html).joined(separator: "\n") + "\n</div>\n</section>\n"
        }
        return html + "</body>\n</html>\n"
    }

    /// Ids prefixed by the chapter, links to chapters turned into links inside the document, figures printed
    /// light (no dark source) and loaded at once.
    static func localised(_ article: String, in chapter: String, chapters: Set<String>) -> String {
        var html = article
        // Bibliography entries live in the one References chapter: their ids and the links to them stay as they are.
        html = replace(#"(id|aria-labelledby|aria-describedby)="([^"]+)""#, in: html) {
            $0[2].hasPrefix("ref-") ? $0[0] : "\($0[1])=\"\(chapter)--\($0[2])\""
        }
        html = replace(##"href="#([^"]*)""##, in: html) { $0[1].hasPrefix("ref-") ? $0[0] : "href=\"#\(chapter)--\($0[1])\"" }
        html = replace(##"href="([A-Za-z0-9_.-]+)\.html(#[^"]*)?""##, in: html) { match in
            guard chapters.contains(match[1]) else { return match[0] }
            let fragment = match[2].dropFirst()
            return fragment.isEmpty ? "href=\"#chapter-\(match[1])\"" : "href=\"#\(match[1])--\(fragment)\""
        }
        html = replace(#"<source [^>]*media="\(prefers-color-scheme: dark\)">"#, in: html) { _ in "" }
        return html.replacingOccurrences(of: " loading=\"lazy\"", with: "")
    }

    /// `text` with every match of `pattern` replaced by `transform` of its groups (group 0 the whole match).
    public static func replace(_ pattern: String, in text: String, with transform: ([String]) -> String) -> String {
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return text }
        let ns = text as NSString
        var out = "", last = 0
        for match in regex.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
            out += ns.substring(with: NSRange(location: last, length: match.range.location - last))
            let groups = (0..<match.numberOfRanges).map { i -> String in
                let r = match.range(at: i)
                return r.location == NSNotFound ? "" : ns.substring(with: r)
            }
            out += transform(groups)
            last = match.range.location + match.range.length
        }
        return out + ns.substring(from: last)
    }

    var printCSS: String {
        """
        @page { size: A4; margin: 18mm 16mm 20mm;
          @top-center { content: "\(title.replacingOccurrences(of: "\"", with: "'"))"; font: 8.5pt "DejaVu Sans", sans-serif; color: #555; }
          @bottom-center { content: counter(page) " / " counter(pages); font: 8.5pt "DejaVu Sans", sans-serif; color: #555; } }
        @page :first { @top-center { content: none; } @bottom-center { content: none; } }
        :root { color-scheme: light; }
        body.print { font-size: 10.5pt; line-height: 1.45; max-width: none; margin: 0; }
        .title-page { min-height: 230mm; display: flex; flex-direction: column; justify-content: center; }
        .title-page h1 { font-size: 26pt; margin: 0 0 0.6em; }
        .title-page .description { font-size: 13pt; color: #444; max-width: 38em; }
        .print-toc { break-before: page; }
        .print-toc ol { list-style: none; padding: 0; }
        .print-toc li a { display: flex; gap: 0.5em; color: inherit; text-decoration: none; padding: 0.25em 0; }
        .print-toc .toc-title { flex: 1; border-bottom: 1px dotted #999; }
        .print-toc .toc-page { min-width: 2em; text-align: right; }
        .chapter { break-before: page; }
        .chapter-title { font-size: 20pt; }
        .chapter h1:not(.chapter-title) { font-size: 15pt; }
        nav.pager, .toc, .skip-link, .svg-link, a.anchor { display: none !important; }
        pre, pre code { white-space: pre-wrap; overflow-wrap: anywhere; overflow: visible; }
        .math-display { overflow: visible; }
        figure, .table-figure, .check, .checks-summary { break-inside: avoid; }
        h2, h3 { break-after: avoid; }
        img { max-width: 100%; height: auto; }
        .cite-tip { display: none !important; }
        \(includeCode ? "" : "pre.code, details.code-fold { display: none !important; }")
        """
    }
}
