import Foundation
import SpecbookReview

extension ChangesPage {
    /// A changed figure: the pixel counts, old and new side by side, blink and swipe views, and the difference.
    func figure(_ f: FigureChange, of n: NotebookChanges) -> String {
        let title = "Figure \(f.number)\(f.label.map { " (\($0))" } ?? "")"
        var html = "<figure class=\"figure-change\" id=\"\(HTML.escape(Self.anchor(n)))-\(HTML.escape(f.name))\">\n"
        html += "<h3>\(HTML.escape(title))</h3>\n"
        if let caption = f.caption { html += "<p class=\"caption\">\(MathText.html(caption))</p>\n" }
        switch f.status {
        case .added:
            html += "<p>A new figure.</p>\n" + picture(light: f.png, dark: f.pngDark, alt: "\(title), new")
            return html + "</figure>\n"
        case .removed:
            return html + "<p>Removed: the baseline showed this figure.</p>\n</figure>\n"
        case .changed:
            break
        }
        if let problem = f.problem {
            html += "<p class=\"build-error\">This figure could not be compared: <code>\(HTML.escape(problem))</code></p>\n"
            html += picture(light: f.png, dark: f.pngDark, alt: "\(title), new")
            return html + "</figure>\n"
        }
        var counts: [String] = []
        if let d = f.light { counts.append(HTML.escape(SiteComparison.pixels(d, theme: "light"))) }
        if let d = f.dark { counts.append(HTML.escape(SiteComparison.pixels(d, theme: "dark"))) }
        html += "<p class=\"pixel-counts\">\(counts.joined(separator: "; ")).</p>\n"
        let paths = ChangeAssets.paths(of: f, in: n.name)
        let dark = f.pngDark != nil
        let old = picture(light: paths.old, dark: dark ? paths.oldDark : nil, alt: "\(title), before")
        let new = picture(light: f.png, dark: f.pngDark, alt: "\(title), after")
        html += "<div class=\"compare-pair\">"
        html += "<figure><figcaption>Before</figcaption>\(old)</figure>"
        html += "<figure><figcaption>After</figcaption>\(new)</figure></div>\n"
        html += "<div class=\"compare-views\">"
        html += "<figure class=\"compare-diff\"><figcaption>Difference: changed pixels highlighted</figcaption>"
        html += picture(light: paths.diff, dark: dark ? paths.diffDark : nil, alt: "\(title), changed pixels highlighted") + "</figure>"
        html += "<figure class=\"compare-blink\"><figcaption>Blink: before and after in turn</figcaption>"
        html += "<div class=\"stack\"><div class=\"under\">\(old)</div><div class=\"over\">\(new)</div></div></figure>"
        html += "<figure class=\"compare-swipe\" hidden><figcaption>Swipe: before on the left, after on the right</figcaption>"
        html += "<div class=\"stack\" style=\"--swipe: 50%\"><div class=\"under\">\(old)</div><div class=\"over\">\(new)</div></div>"
        html += "<input type=\"range\" min=\"0\" max=\"100\" value=\"50\" aria-label=\"Swipe between before and after\"></figure>"
        return html + "</div>\n</figure>\n"
    }

    /// A changed table: old and new, changed cells marked.
    func tableChange(_ t: TableChange) -> String {
        var html = "<div class=\"table-change\">\n<h3>Table \(t.number)\(t.label.map { " (\(HTML.escape($0)))" } ?? "")</h3>\n"
        if let caption = t.caption { html += "<p class=\"caption\">\(MathText.html(caption))</p>\n" }
        let old = t.oldRows ?? [], new = t.newRows ?? []
        html += "<p>\(t.oldRows == nil ? "A new table." : t.newRows == nil ? "Removed." : "\(t.changedCells) cell\(t.changedCells == 1 ? "" : "s") changed.")</p>\n"
        html += "<div class=\"compare-pair\">"
        if !old.isEmpty { html += "<div><p class=\"side\">Before</p>\(grid(old, against: new))</div>" }
        if !new.isEmpty { html += "<div><p class=\"side\">After</p>\(grid(new, against: old))</div>" }
        return html + "</div>\n</div>\n"
    }

    private func grid(_ rows: [[String]], against other: [[String]]) -> String {
        var html = "<div class=\"table-scroll\"><table class=\"changes-table\">"
        for (r, row) in rows.enumerated() {
            html += "<tr>"
            for (c, cell) in row.enumerated() {
                let tag = r == 0 ? "th" : "td"
                let same = r < other.count && c < other[r].count && other[r][c] == cell
                html += "<\(tag)\(same ? "" : " class=\"changed\"")>\(MathText.html(cell))</\(tag)>"
            }
            html += "</tr>"
        }
        return html + "</table></div>"
    }

    /// A changed code block as a unified diff with notebook line numbers.
    func codeChange(_ c: CodeChange, source: String) -> String {
        var html = "<div class=\"code-change\">\n<h3>Code at <code>\(HTML.escape(source)):\(c.line)</code></h3>\n"
        html += "<p>\(c.added) line\(c.added == 1 ? "" : "s") added, \(c.removed) removed.</p>\n"
        for hunk in c.hunks {
            html += "<pre class=\"diff\"><code>"
            for line in hunk.lines {
                let old = line.old.map { String($0 + (c.oldCodeLine ?? 1) - 1) } ?? ""
                let new = line.new.map { String($0 + (c.newCodeLine ?? 1) - 1) } ?? ""
                let mark = line.kind == .added ? "+" : line.kind == .removed ? "-" : " "
                html += "<span class=\"line \(line.kind.rawValue)\"><span class=\"ln\" aria-hidden=\"true\">\(old)</span>"
                html += "<span class=\"ln\" aria-hidden=\"true\">\(new)</span><span class=\"mark\">\(mark)</span>\(HTML.escape(line.text))</span>"
            }
            html += "</code></pre>\n"
        }
        return html + "</div>\n"
    }

    /// Shows the swipe views and moves their divide with the slider.
    static let swipeScript = """
        document.querySelectorAll('.compare-swipe').forEach(function (view) {
          view.hidden = false;
          var stack = view.querySelector('.stack'), slider = view.querySelector('input');
          slider.addEventListener('input', function () { stack.style.setProperty('--swipe', slider.value + '%'); });
        });
        """
}
