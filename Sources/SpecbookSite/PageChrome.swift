import Foundation

/// What every page shares: the document head, the skip link and site header, the pager and the provenance footer.
///
/// ```swift
/// var html = PageChrome.head(title: "Contents · Specbook", description: nil, kind: "index")
/// html += PageChrome.siteHeader(siteTitle: "Specbook", previous: nil, next: nil)
/// ```
enum PageChrome {
    /// `kind` names the page type on `<body class>` (`notebook`, `index`).
    static func head(title: String, description: String?, kind: String) -> String {
        var html = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        html += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        html += "<meta name=\"color-scheme\" content=\"light dark\">\n"
        html += "<title>\(HTML.escape(title))</title>\n"
        if let description { html += "<meta name=\"description\" content=\"\(HTML.escape(description))\">\n" }
        html += "<link rel=\"stylesheet\" href=\"\(SiteLayout.stylesheet)\">\n</head>\n<body class=\"\(kind)\">\n"
        html += "<a class=\"skip-link\" href=\"#content\">Skip to content</a>\n"
        return html
    }

    /// The report's title (home) and links to the previous and next notebooks.
    /// `listing` names the page listing every notebook when it is not the home page (a notebook named `index` is).
    static func siteHeader(siteTitle: String, previous: SitePage?, next: SitePage?, listing: String? = nil) -> String {
        var html = "<header class=\"site-header\">\n<a class=\"home\" href=\"index.html\">\(HTML.escape(siteTitle))</a>\n"
        if let listing { html += "<a class=\"listing\" href=\"\(HTML.escape(listing))\">Contents</a>\n" }
        if previous != nil || next != nil {
            html += "<nav class=\"prev-next\" aria-label=\"Notebooks\">"
            if let previous {
                html += "<a rel=\"prev\" href=\"\(HTML.escape(previous.fileName))\"><span aria-hidden=\"true\">← </span>\(HTML.escape(previous.title))</a>"
            }
            if let next {
                html += "<a rel=\"next\" href=\"\(HTML.escape(next.fileName))\">\(HTML.escape(next.title))<span aria-hidden=\"true\"> →</span></a>"
            }
            html += "</nav>\n"
        }
        return html + "</header>\n"
    }

    /// Previous / next at the end of the article, where a reader finishes.
    static func pager(previous: SitePage?, next: SitePage?) -> String {
        guard previous != nil || next != nil else { return "" }
        var html = "<nav class=\"pager\" aria-label=\"Previous and next notebook\">"
        if let previous {
            html += "<a rel=\"prev\" href=\"\(HTML.escape(previous.fileName))\"><span class=\"label\">Previous</span>\(HTML.escape(previous.title))</a>"
        }
        if let next {
            html += "<a rel=\"next\" href=\"\(HTML.escape(next.fileName))\"><span class=\"label\">Next</span>\(HTML.escape(next.title))</a>"
        }
        return html + "</nav>\n"
    }

    static func footer(_ page: SitePage) -> String {
        let p = page.provenance
        var html = "<footer class=\"provenance\">\n<h2>How this page was made</h2>\n<dl>\n"
        html += "<dt>Seed</dt><dd>\(p.seed)</dd>\n"
        if !p.parameters.isEmpty {
            let params = p.parameters.keys.sorted().map { "\($0)=\(p.parameters[$0] ?? "")" }.joined(separator: ", ")
            html += "<dt>Parameters</dt><dd><code>\(HTML.escape(params))</code></dd>\n"
        }
        html += "<dt>Toolchain</dt><dd>\(HTML.escape(p.swiftVersion))</dd>\n"
        if let specbook = p.specbook {
            html += "<dt>Specbook</dt><dd>\(HTML.escape(specbook.version)), library build <code>\(HTML.escape(specbook.libraryBuild))</code></dd>\n"
        }
        if !p.packages.isEmpty {
            html += "<dt>Swift packages</dt><dd>\(HTML.escape(p.packages.joined(separator: ", ")))</dd>\n"
        }
        if let kernel = p.blasKernel { html += "<dt>BLAS kernels</dt><dd>OpenBLAS \(HTML.escape(kernel))</dd>\n" }
        html += "<dt>Commit</dt><dd><code>\(HTML.escape(p.gitCommit))\(p.gitDirty ? " (dirty)" : "")</code></dd>\n"
        html += "<dt>Built</dt><dd>\(HTML.escape(p.buildDate))\(p.cacheHit ? " (from cache)" : "")</dd>\n"
        html += "<dt>Run time</dt><dd>\(String(format: "%.2f", p.seconds)) s</dd>\n"
        if let blocks = page.result?.blocks, !blocks.isEmpty {
            let timings = page.notebook.executableBlocks.compactMap { block in
                blocks[block.index].map { "line \(block.fenceLine): \(String(format: "%.3f", $0.seconds)) s" }
            }.joined(separator: "; ")
            html += "<dt>Blocks</dt><dd>\(HTML.escape(timings))</dd>\n"
        }
        return html + "</dl>\n</footer>\n"
    }
}
