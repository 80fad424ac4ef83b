import Foundation

/// The index page's search data: per notebook its title, description, headings and prose, as inline JSON.
///
/// ```swift
/// let entry = SearchIndex.Entry(name: "spectrum", title: "The spectrum", description: nil,
///                               headings: [], text: "The DFT of the samples has three peaks.")
/// let script = SearchIndex.script([entry])  // <script type="application/json" id="search-data">[...]</script>
/// ```
/// The JSON is inlined rather than fetched: Chromium refuses `fetch()` of a local file, and the site must
/// work from `file://`. **Edge cases:** `<` is written as `\u003c`, so prose holding `</script>` cannot end
/// the element early; prose longer than ``maxTextLength`` characters is cut.
public enum SearchIndex {
    public static let maxTextLength = 20_000

    public struct Entry: Codable, Sendable, Equatable {
        public struct Heading: Codable, Sendable, Equatable {
            public var text: String
            public var id: String
        }
        /// Page name (`spectrum` for `spectrum.html`).
        public var name: String
        public var title: String
        public var url: String
        public var description: String
        public var headings: [Heading]
        public var text: String

        public init(name: String, title: String, description: String?, headings: [TableOfContents.Heading], text: String) {
            self.name = name
            self.title = title
            self.url = "\(name).html"
            self.description = description ?? ""
            self.headings = headings.map { Heading(text: $0.text, id: $0.id) }
            self.text = String(text.prefix(SearchIndex.maxTextLength))
        }
    }

    /// The entries as JSON that is safe inside a `<script>` element.
    public static func json(_ entries: [Entry]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(entries)) ?? Data("[]".utf8)
        return String(decoding: data, as: UTF8.self)
            .replacingOccurrences(of: "<", with: "\\u003c")
            .replacingOccurrences(of: "\u{2028}", with: "\\u2028")
            .replacingOccurrences(of: "\u{2029}", with: "\\u2029")
    }

    /// The `<script type="application/json">` element the search script reads.
    public static func script(_ entries: [Entry]) -> String {
        "<script type=\"application/json\" id=\"search-data\">\(json(entries))</script>\n"
    }

    /// `assets/search.js`: filters the cards and lists matching sections as the reader types.
    static let javascript = #"""
(function () {
  "use strict";
  var data = document.getElementById("search-data");
  var form = document.getElementById("search");
  if (!data || !form) return;
  var pages = JSON.parse(data.textContent);
  var input = document.getElementById("search-input");
  var status = document.getElementById("search-status");
  var results = document.getElementById("search-results");
  var cards = Array.prototype.slice.call(document.querySelectorAll(".card[data-page]"));
  function fold(s) { return s.toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, ""); }
  pages.forEach(function (p) {
    p.all = fold([p.title, p.description, p.headings.map(function (h) { return h.text; }).join(" "), p.text].join(" "));
  });
  function snippet(text, term) {
    var at = fold(text).indexOf(term);
    if (at < 0) return null;
    var start = Math.max(0, at - 60), end = Math.min(text.length, at + term.length + 90);
    var span = document.createElement("span");
    span.className = "snippet";
    var exact = text.toLowerCase().indexOf(term, start) === at;
    span.appendChild(document.createTextNode((start > 0 ? "…" : "") + text.slice(start, exact ? at : end)));
    if (exact) {
      var mark = document.createElement("mark");
      mark.textContent = text.slice(at, at + term.length);
      span.appendChild(mark);
      span.appendChild(document.createTextNode(text.slice(at + term.length, end)));
    }
    if (end < text.length) span.appendChild(document.createTextNode("…"));
    return span;
  }
  function link(href, text) {
    var a = document.createElement("a");
    a.href = href;
    a.textContent = text;
    return a;
  }
  function update() {
    var query = input.value.trim();
    var terms = fold(query).split(/\s+/).filter(Boolean);
    results.textContent = "";
    if (!terms.length) {
      cards.forEach(function (c) { c.hidden = false; });
      status.textContent = "";
      return;
    }
    var matches = pages.filter(function (p) { return terms.every(function (t) { return p.all.indexOf(t) >= 0; }); });
    var names = matches.map(function (p) { return p.name; });
    cards.forEach(function (c) { c.hidden = names.indexOf(c.getAttribute("data-page")) < 0; });
    status.textContent = matches.length === 0 ? "No notebook mentions “" + query + "”."
      : matches.length === 1 ? "1 notebook matches." : matches.length + " notebooks match.";
    matches.forEach(function (p) {
      var li = document.createElement("li");
      li.appendChild(link(p.url, p.title));
      p.headings.filter(function (h) {
        return terms.some(function (t) { return fold(h.text).indexOf(t) >= 0; });
      }).slice(0, 4).forEach(function (h) {
        li.appendChild(document.createTextNode(" · "));
        li.appendChild(link(p.url + "#" + h.id, h.text));
      });
      var text = snippet(p.text, terms[0]) || snippet(p.description, terms[0]);
      if (text) li.appendChild(text);
      results.appendChild(li);
    });
  }
  form.hidden = false;
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var first = results.querySelector("a");
    if (first) first.focus();
  });
  input.addEventListener("input", update);
  var q = new URLSearchParams(window.location.search).get("q");
  if (q) { input.value = q; update(); }
})();
"""#
}
