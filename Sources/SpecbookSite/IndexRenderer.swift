import Foundation
import SpecbookNotebook

/// Renders `index.html`: a card per notebook with title, description, thumbnail, run time and status.
public struct IndexRenderer {
    public var siteTitle: String

    public init(siteTitle: String) {
        self.siteTitle = siteTitle
    }

    public func render(_ pages: [SitePage]) -> String {
        var html = PageRenderer(siteTitle: siteTitle).header(title: "Contents", description: nil)
        html += "<nav class=\"site-nav\" aria-label=\"Site\"><a class=\"home\" href=\"index.html\">\(HTML.escape(siteTitle))</a></nav>\n"
        html += "<main class=\"index\">\n<h1>\(HTML.escape(siteTitle))</h1>\n<ul class=\"cards\">\n"
        for page in pages {
            html += "<li class=\"card\(page.failed ? " failed" : "")\">\n"
            html += "<a href=\"\(HTML.escape(page.fileName))\">"
            if let first = page.numberedFigures.first {
                let src = "assets/\(page.notebook.name)/\(first.figure.png)"
                html += "<img class=\"thumb\" src=\"\(HTML.escape(src))\" alt=\"\" width=\"\(Int(first.figure.width))\" height=\"\(Int(first.figure.height))\" loading=\"lazy\">"
            }
            html += "<h2>\(HTML.escape(page.title))</h2></a>\n"
            if let description = page.notebook.frontMatter.description {
                html += "<p>\(HTML.escape(description))</p>\n"
            }
            let status = page.result == nil ? "prose" : (page.failed ? "failed" : "ok")
            html += "<p class=\"meta\"><span class=\"status \(status)\">\(status)</span> · \(String(format: "%.1f", page.provenance.seconds)) s</p>\n"
            html += "</li>\n"
        }
        html += "</ul>\n</main>\n</body>\n</html>\n"
        return html
    }
}
