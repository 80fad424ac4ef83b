/// Styles of what goes inside a page: cells, outputs, figures, tables, callouts, math, the index and its search.
extension Stylesheet {
    static let components = #"""
pre { overflow-x: auto; padding: 0.75rem 1rem; border-radius: 6px; line-height: 1.45; margin: 0; tab-size: 4; }
pre.code, article > pre { background: var(--code-bg); border: 1px solid var(--border); }
article > pre { margin: 1rem 0; }
:not(pre) > code { background: var(--code-bg); padding: 0.1em 0.35em; border-radius: 4px; overflow-wrap: break-word; }
.kw { color: var(--kw); }
.str { color: var(--str); }
.num { color: var(--num); }
.com { color: var(--com); font-style: italic; }
.type { color: var(--type); }
.attr { color: var(--attr); }
.cell { margin: 1.5rem 0; }
.cell-output { position: relative; margin-top: 0.5rem; padding: 0.15rem 0.9rem 0.15rem 0.9rem; border-left: 3px solid var(--accent); background: var(--out-bg); border-radius: 0 6px 6px 0; }
.cell-output > pre, .long-output pre { padding: 0.45rem 0.9rem 0.45rem 0; background: transparent; border: 0; }
.cell-output .stdout, .cell-output .stderr { font-size: 0.86em; }
/* Printed lines wrap rather than hide their ends; a wide block takes the page column first (CellRenderer). */
.cell-output pre.stdout, .cell-output pre.stderr { white-space: pre-wrap; overflow-wrap: anywhere; }
.cell-output .stderr { color: var(--muted); }
.byline { color: var(--muted); font-size: 0.9rem; margin: 0.2rem 0; }
.cell-output .shown-text { white-space: pre-wrap; font-family: inherit; }
.cell-output .shown-text samp { font-family: inherit; }
.checks { list-style: none; padding: 0.3rem 0; margin: 0; }
.check { margin: 0.15rem 0; overflow-wrap: anywhere; }
.check .verdict { display: inline-block; min-width: 3.2em; text-align: center; text-transform: uppercase; font-size: 0.72em; font-weight: 700; letter-spacing: 0.05em; border: 1px solid currentColor; border-radius: 3px; padding: 0 0.3em; }
.check.fails .verdict, .checks-summary.failing summary, .check-count.failing { color: var(--err-fg); }
.check-name { font-weight: 600; }
.checks-summary { margin: 0.5rem 0 1rem; font-size: 0.92rem; }
.checks-summary ul { list-style: none; padding-left: 0.5rem; }
.cell-output .stderr::before { content: "stderr"; display: block; font-size: 0.75rem; text-transform: uppercase; letter-spacing: 0.05em; }
.cell-note { color: var(--muted); font-size: 0.9rem; margin: 0.3rem 0; }
details.code-fold, details.long-output { margin: 0.25rem 0; }
details.code-fold > summary, details.long-output > summary { cursor: pointer; color: var(--muted); font-size: 0.9rem; padding: 0.2rem 0; width: fit-content; }
details.code-fold > summary:hover, details.long-output > summary:hover { color: var(--accent); }
.cell-error, .build-error { background: var(--err-bg); color: var(--err-fg); border-radius: 6px; padding: 0.6rem 0.9rem; margin: 0.5rem 0; }
.cell-error pre { margin: 0.3rem 0 0; padding: 0; white-space: pre-wrap; color: var(--fg); }
.cell-error.expected strong::after { content: " (the block is marked error: true)"; font-weight: 400; color: var(--fg); }
figure.figure, figure.table-figure { margin: 1.25rem 0; }
figure.table-figure table { margin-top: 0.4rem; }
figure.figure a.figure-image { display: block; width: fit-content; max-width: 100%; border-radius: 6px; }
figure.figure img { max-width: 100%; height: auto; display: block; border-radius: 6px; }
/* On a phone a wide figure is small: a tap opens it full size (its SVG), as the line under it says. */
@media (max-width: 40rem) {
  figure.figure a.figure-image { cursor: zoom-in; text-decoration: none; }
  figure.figure a.figure-image::after { content: "Tap to open full size"; display: block; font-size: 0.8rem; color: var(--muted); padding-top: 0.2rem; }
}
figcaption { color: var(--muted); font-size: 0.93rem; margin-top: 0.45rem; max-width: 70ch; }
.figure-number { font-weight: 650; color: var(--fg); white-space: nowrap; }
.svg-link { font-size: 0.8rem; margin-left: 0.35rem; white-space: nowrap; }

.code.numbered .line { display: block; }
.code.numbered .ln { display: inline-block; min-width: 3ch; margin-right: 1.2ch; text-align: right; color: var(--muted); user-select: none; }
.code.numbered .line.failing { background: var(--err-bg); box-shadow: inset 3px 0 0 var(--err-fg); }
.xref.broken, .citation.broken { color: var(--err-fg); background: var(--err-bg); border-radius: 3px; padding: 0 0.2em; text-decoration: underline wavy; text-decoration-thickness: 1px; }
.citation { position: relative; }
/* A citation shows its entry while hovered or focused, without scripts. */
.cite-tip { display: none; position: absolute; left: 0; top: 1.5em; z-index: 5; width: min(26rem, 80vw); padding: 0.5rem 0.7rem; background: var(--bg); color: var(--fg); border: 1px solid var(--border); border-radius: 6px; box-shadow: 0 4px 14px rgb(0 0 0 / 0.18); font-size: 0.85rem; line-height: 1.4; white-space: normal; }
.citation:hover .cite-tip, .citation:focus-within .cite-tip { display: block; }
.cite-entry { display: block; }
.cite-entry + .cite-entry { margin-top: 0.4rem; }
.references .csl-entry { display: flex; gap: 0.4rem; margin: 0.45rem 0; line-height: 1.45; }
.references .csl-left-margin { flex: none; min-width: 2.4rem; }
.references .csl-entry:target { background: var(--mark-bg); border-radius: 4px; }
.table-wrap, article > table { display: block; max-width: 100%; overflow-x: auto; }
table { border-collapse: collapse; margin: 1rem 0; font-variant-numeric: tabular-nums; font-size: 0.95rem; }
th, td { border: 1px solid var(--border); padding: 0.35rem 0.75rem; text-align: left; vertical-align: top; }
thead th { background: var(--code-bg); font-weight: 600; }
/* On a phone a table scrolls sideways rather than stacking a short cell's words; a desktop gives it the page width. */
@media (max-width: 40rem) { th.nowrap, td.nowrap { white-space: nowrap; } }
tbody tr:nth-child(even) { background: color-mix(in srgb, var(--code-bg) 55%, transparent); }
caption { caption-side: top; text-align: left; color: var(--muted); font-size: 0.92rem; padding-bottom: 0.3rem; }
.value { font-variant-numeric: tabular-nums; }
.value.missing { color: var(--err-fg); background: var(--err-bg); }
blockquote { margin: 1rem 0; padding: 0.1rem 1rem; border-left: 4px solid var(--border); color: var(--muted); }
.callout { margin: 1.25rem 0; padding: 0.55rem 1rem; border-left: 4px solid var(--accent); border-radius: 0 6px 6px 0; }
.callout > p { margin: 0.4rem 0; }
.callout-title { font-weight: 650; display: flex; align-items: center; gap: 0.45rem; }
.callout-title::before { content: ""; width: 0.8em; height: 0.8em; border-radius: 50%; border: 2px solid currentColor; flex: none; }
.callout.note { border-color: var(--note); background: var(--note-bg); } .callout.note .callout-title { color: var(--note); }
.callout.tip { border-color: var(--tip); background: var(--tip-bg); } .callout.tip .callout-title { color: var(--tip); }
.callout.important { border-color: var(--important); background: var(--important-bg); } .callout.important .callout-title { color: var(--important); }
.callout.warning { border-color: var(--warning); background: var(--warning-bg); } .callout.warning .callout-title { color: var(--warning); }
.callout.caution { border-color: var(--caution); background: var(--caution-bg); } .callout.caution .callout-title { color: var(--caution); }
.callout.warning .callout-title::before, .callout.caution .callout-title::before { border-radius: 2px; transform: rotate(45deg) scale(0.85); }
math { font-family: "STIX Two Math", "Latin Modern Math", "Cambria Math", "DejaVu Math TeX Gyre", math; font-size: 1.08em; }
.math-inline { white-space: nowrap; }
@media (max-width: 40rem) { .math-inline.long { display: inline-block; max-width: 100%; overflow-x: auto; overflow-y: hidden; vertical-align: middle; } }
.math-display { display: block; overflow-x: auto; overflow-y: hidden; margin: 0.9rem 0; padding: 0.2rem 0; }
/* As wide as the formula and at least the column: a long formula scrolls inside its box and never loses its end. */
.math-display math { display: block math; width: max-content; min-width: 100%; margin: 0; }
.math-display.numbered { display: flex; align-items: center; gap: 1rem; }
.math-display.numbered math { flex: 1 0 auto; min-width: 0; }
.eq-number { flex: none; margin-left: auto; position: sticky; right: 0; padding-left: 0.5rem; background: var(--bg); }
merror { color: var(--err-fg); background: var(--err-bg); outline: 1px dashed var(--err-fg); }
.index-header h1 { margin: 0.25rem 0 0.5rem; font-size: clamp(1.8rem, 1.4rem + 1.6vw, 2.5rem); }
.index-header p { color: var(--muted); margin: 0 0 1.25rem; max-width: 70ch; }
.cards { list-style: none; padding: 0; margin: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(17rem, 1fr)); gap: 1.25rem; }
.card { position: relative; display: flex; flex-direction: column; border: 1px solid var(--border); border-radius: 10px; overflow: hidden; background: var(--bg); transition: border-color 0.15s, box-shadow 0.15s; }
.card:hover, .card:focus-within { border-color: var(--accent); box-shadow: 0 2px 10px rgb(0 0 0 / 0.08); }
.card .thumb-frame { aspect-ratio: 8 / 5; background: var(--code-bg); border-bottom: 1px solid var(--border); display: flex; align-items: center; justify-content: center; color: var(--muted); font-size: 0.85rem; }
.card .thumb-frame img { width: 100%; height: 100%; object-fit: contain; display: block; }
.card .card-body { padding: 0.8rem 1rem 0.9rem; display: flex; flex-direction: column; gap: 0.3rem; flex: 1; }
.card h2 { font-size: 1.12rem; margin: 0; line-height: 1.3; }
.card h2 a { color: var(--fg); text-decoration: none; }
.card h2 a::after { content: ""; position: absolute; inset: 0; }
.card h2 a:focus-visible { outline: none; }
.card:has(h2 a:focus-visible) { outline: 3px solid var(--accent); outline-offset: 2px; }
.card p { margin: 0; font-size: 0.93rem; }
.card .meta { margin-top: auto; padding-top: 0.4rem; color: var(--muted); font-size: 0.85rem; display: flex; gap: 0.6rem; align-items: center; }
.status { display: inline-flex; align-items: center; gap: 0.3rem; font-weight: 600; }
.status::before { content: ""; width: 0.55rem; height: 0.55rem; border-radius: 50%; background: currentColor; }
.status.ok { color: var(--ok); }
.status.prose { color: var(--muted); }
.status.failed, .card.failed h2 a { color: var(--err-fg); }
.card.failed { border-color: var(--err-fg); }
.search { margin: 0 0 1.5rem; max-width: 36rem; }
.search label { display: block; font-weight: 600; margin-bottom: 0.3rem; }
.search input { width: 100%; font: inherit; padding: 0.5rem 0.75rem; border: 1px solid var(--muted); border-radius: 8px; background: var(--bg); color: var(--fg); }
.search input:focus-visible { outline: 3px solid var(--accent); outline-offset: 1px; }
.search-results { margin: 0.6rem 0 0; padding: 0; list-style: none; font-size: 0.93rem; }
.search-results li { margin: 0.45rem 0; }
.search-results .snippet { display: block; color: var(--muted); font-size: 0.88rem; }
.search-status { color: var(--muted); font-size: 0.88rem; margin: 0.4rem 0 0; }
@media (max-width: 40rem) {
  .cards { grid-template-columns: 1fr; }
  .cell-output { padding: 0.1rem 0.6rem; }
  pre { padding: 0.6rem 0.75rem; }
}
"""#
}
