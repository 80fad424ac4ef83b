/// The site's one stylesheet: system fonts, a reading measure, light and dark schemes from ``Palette``.
///
/// ```swift
/// try Stylesheet.css.write(to: site.appendingPathComponent("assets/specbook.css"), atomically: true, encoding: .utf8)
/// ```
enum Stylesheet {
    static var css: String {
        """
        :root { \(Palette.light.declarations) color-scheme: light dark; }
        @media (prefers-color-scheme: dark) {
          :root { \(Palette.dark.declarations) }
        }
        \(layout)
        \(Stylesheet.components)
        \(Stylesheet.changes)
        """
    }

    static let layout = #"""
* { box-sizing: border-box; }
[hidden] { display: none !important; }
html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
body {
  --frame: 74rem;
  margin: 0; background: var(--bg); color: var(--fg);
  font: 1.0625rem/1.65 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", "Helvetica Neue", Arial, sans-serif;
}
body.notebook { --frame: 67rem; }
a { color: var(--accent); text-underline-offset: 0.15em; }
a:hover { text-decoration-thickness: 2px; }
:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; border-radius: 2px; }
main:focus { outline: none; }
code, pre, kbd, samp { font-family: ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, "DejaVu Sans Mono", "Liberation Mono", monospace; font-size: 0.875em; }
.skip-link { position: absolute; left: 0.5rem; top: -3rem; z-index: 10; background: var(--bg); color: var(--accent); padding: 0.5rem 0.9rem; border: 2px solid var(--accent); border-radius: 6px; }
.skip-link:focus { top: 0.5rem; }
.site-header {
  display: flex; flex-wrap: wrap; gap: 0.4rem 1.5rem; justify-content: space-between; align-items: baseline;
  padding: 0.7rem max(1.25rem, calc((100% - var(--frame)) / 2 + 1.25rem)); border-bottom: 1px solid var(--border); font-size: 0.95rem;
}
.site-header .home { font-weight: 650; text-decoration: none; color: var(--fg); font-size: 1.05rem; }
.site-header .home:hover { color: var(--accent); }
.prev-next { display: flex; gap: 0.4rem 1.25rem; flex-wrap: wrap; }
.prev-next a { text-decoration: none; }
.prev-next a:hover { text-decoration: underline; }
main { max-width: var(--frame); margin: 0 auto; padding: 1.75rem 1.25rem 3rem; }
main.page { display: grid; grid-template-columns: minmax(0, 1fr); grid-template-areas: "head" "toc" "body"; }
.page-header { grid-area: head; }
main.page > .toc { grid-area: toc; }
main.page > article { grid-area: body; min-width: 0; }
@media (min-width: 68rem) {
  main.page { grid-template-columns: minmax(0, 46rem) 15rem; grid-template-areas: "head toc" "body toc"; column-gap: 3.5rem; justify-content: center; }
  main.page > .toc { grid-column: 2; grid-row: 1 / 3; z-index: 1; align-self: start; position: sticky; top: 1rem; max-height: calc(100vh - 2rem); overflow-y: auto; margin-top: 0.5rem; border-left: 1px solid var(--border); padding-left: 1rem; background: var(--bg); }
  /* The article spans the contents' margin too (Quarto's page column): its blocks keep the reading column unless
     they are wide (a cell's column: option or wide outputs, a wide table), and then lie over the contents. */
  main.page > article { grid-column: 1 / -1; grid-row: 2; }
  :where(main.page > article > *) { max-width: 46rem; }
  main.page > article > .column-body-outset { max-width: 50rem; }
  main.page > article > table { position: relative; z-index: 2; background: var(--bg); }
  main.page > article > .column-page { max-width: none; }
  /* Only a wide cell's outputs lie over the contents list, so the list shows beside its code. */
  .column-page > .cell-output, .column-page > .cell-error { position: relative; z-index: 2; }
  main.page > article > table { width: max-content; max-width: 100%; }
  .column-page > pre.code, .column-page > details.code-fold, .column-page > .cell-note { max-width: 46rem; }
}
.page-header h1 { margin: 0 0 0.35rem; line-height: 1.15; font-size: clamp(1.8rem, 1.4rem + 1.6vw, 2.5rem); letter-spacing: -0.01em; }
.description { color: var(--muted); margin: 0 0 1rem; font-size: 1.1rem; max-width: 70ch; }
.toc { font-size: 0.9rem; margin-bottom: 1rem; }
.toc h2 { font-size: 0.8rem; text-transform: uppercase; letter-spacing: 0.06em; color: var(--muted); margin: 0 0 0.4rem; }
.toc ol { list-style: none; margin: 0; padding: 0; }
.toc li { margin: 0.15rem 0; line-height: 1.4; }
.toc li.toc-level-2 { padding-left: 0.9rem; font-size: 0.86rem; }
.toc a { color: var(--muted); text-decoration: none; }
.toc a:hover { color: var(--accent); text-decoration: underline; }
@media (max-width: 67.99rem) {
  main.page > .toc { border: 1px solid var(--border); border-radius: 8px; padding: 0.6rem 0.9rem; background: var(--code-bg); }
}
article h2, article h3, article h4 { line-height: 1.25; margin: 2rem 0 0.6rem; scroll-margin-top: 1rem; }
article h2 { font-size: 1.5rem; padding-bottom: 0.25rem; border-bottom: 1px solid var(--border); }
article h3 { font-size: 1.2rem; }
.anchor { margin-left: 0.4rem; color: var(--muted); text-decoration: none; font-weight: 400; opacity: 0; }
h1:hover .anchor, h2:hover .anchor, h3:hover .anchor, h4:hover .anchor, h5:hover .anchor, h6:hover .anchor, .anchor:focus-visible { opacity: 1; }
article p, article li, article dd { max-width: 70ch; }
article p { margin: 0.8rem 0; hyphens: auto; overflow-wrap: break-word; }
article img { max-width: 100%; height: auto; }
mark { background: var(--mark-bg); color: var(--fg); }
hr { border: 0; border-top: 1px solid var(--border); margin: 2rem 0; }
.pager { display: flex; justify-content: space-between; gap: 1rem; flex-wrap: wrap; margin-top: 3rem; padding-top: 1rem; border-top: 1px solid var(--border); }
.pager a { display: block; max-width: 48%; text-decoration: none; padding: 0.5rem 0.8rem; border: 1px solid var(--border); border-radius: 8px; }
.pager a:hover { border-color: var(--accent); }
.pager .label { display: block; font-size: 0.8rem; color: var(--muted); }
.pager a[rel="next"] { margin-left: auto; text-align: right; }
footer.provenance { max-width: var(--frame); margin: 0 auto; padding: 1rem 1.25rem 2rem; border-top: 1px solid var(--border); color: var(--muted); font-size: 0.85rem; }
footer.provenance h2 { font-size: 0.85rem; margin: 0 0 0.4rem; }
footer.provenance dl { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: 0.2rem 1rem; margin: 0; }
footer.provenance dt { font-weight: 600; }
footer.provenance dd, footer.provenance dd code { margin: 0; overflow-wrap: anywhere; }
@media (max-width: 40rem) {
  body { font-size: 1rem; }
  main { padding: 1.1rem 1rem 2rem; }
  .site-header { padding: 0.6rem 1rem; }
  footer.provenance { padding: 1rem 1rem 2rem; }
  .pager a { max-width: 100%; flex: 1 1 100%; }
}
@media print {
  :root { color-scheme: light; }
  .site-header, .toc, .pager, .anchor, .svg-link, .skip-link, .search, .cite-tip { display: none !important; }
  main.page { display: block; max-width: none; }
  body { font-size: 10.5pt; }
  pre, pre code { white-space: pre-wrap; overflow-wrap: anywhere; overflow: visible; }
  .table-wrap, article > table, .math-display { overflow: visible; }
  main.page > article > * { max-width: none; }
  figure, .table-figure, .check, .checks-summary, .csl-entry { break-inside: avoid; }
  h1, h2, h3 { break-after: avoid; }
  a.xref, .citation a { color: inherit; }
}
"""#
}
