extension Stylesheet {
    /// `changes.html` and the banner of a changed page: summary counts, side-by-side figures, the blink and swipe
    /// views, value tables and code diffs.
    static let changes = #"""
main.changes { max-width: var(--frame); margin: 0 auto; padding: 1.5rem 1.25rem 3rem; }
.changes-banner { background: var(--note-bg); border-left: 4px solid var(--note); border-radius: 6px; padding: 0.5rem 0.9rem; margin: 0.5rem 0 1rem; }
.changes-link { margin: 0.4rem 0 0; }
.changes-summary { display: flex; flex-wrap: wrap; gap: 0.75rem; margin: 1rem 0; padding: 0; }
.changes-summary div { border: 1px solid var(--border); border-radius: 8px; padding: 0.45rem 0.9rem; min-width: 8rem; }
.changes-summary dt { font-size: 0.85rem; color: var(--muted); }
.changes-summary dd { margin: 0; font-size: 1.5rem; font-weight: 600; font-variant-numeric: tabular-nums; }
.changes-summary .failing { border-color: var(--caution); background: var(--caution-bg); }
.changes-none { font-size: 1.1rem; }
.notebook-changes { border-top: 1px solid var(--border); margin-top: 2rem; padding-top: 0.5rem; }
.notebook-changes .source { color: var(--muted); margin-top: 0; }
.changes .table-scroll { max-width: 100%; overflow-x: auto; }
.changes-table { border-collapse: collapse; margin: 0.4rem 0 1rem; }
.changes-table th, .changes-table td { border-bottom: 1px solid var(--border); padding: 0.25rem 0.7rem; text-align: left; vertical-align: top; }
.changes-table .numeric { text-align: right; font-variant-numeric: tabular-nums; }
.changes-table td.changed, .changes-table th.changed { background: var(--mark-bg); }
.changes-table tr.now-failing { background: var(--caution-bg); }
.changes-table td:first-child { min-width: min(14rem, 60vw); }
.changes-table .was { color: var(--muted); font-size: 0.9em; }
.verdict-holds { color: var(--ok); font-weight: 600; }
.verdict-fails { color: var(--caution); font-weight: 600; }
.verdict-note { color: var(--note); font-weight: 600; }
.figure-change { margin: 1.5rem 0; }
.figure-change figure { margin: 0; }
.figure-change figcaption, .table-change .side { font-size: 0.9rem; color: var(--muted); margin: 0 0 0.2rem; }
.compare-pair, .compare-views { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 20rem), 1fr)); gap: 1rem; margin: 0.6rem 0; }
.figure-change img { display: block; max-width: 100%; height: auto; border: 1px solid var(--border); border-radius: 4px; }
.figure-change .stack { position: relative; }
.figure-change .stack .over { position: absolute; inset: 0; }
.compare-blink .over { animation: specbook-blink 2s steps(1, end) infinite; }
@keyframes specbook-blink { 0% { opacity: 0; } 50% { opacity: 1; } }
@media (prefers-reduced-motion: reduce) { .compare-blink .over { animation: none; } .compare-blink .stack:hover .over { opacity: 0; } }
.compare-swipe .over { clip-path: inset(0 0 0 var(--swipe)); }
.compare-swipe input { display: block; width: 100%; margin: 0.4rem 0 0; }
.code-change h3, .table-change h3, .figure-change h3 { font-size: 1.05rem; }
pre.diff { background: var(--code-bg); border-radius: 6px; padding: 0.5rem 0; overflow-x: auto; }
pre.diff .line { display: block; padding: 0 0.75rem; white-space: pre; }
pre.diff .line.added { background: var(--tip-bg); }
pre.diff .line.removed { background: var(--caution-bg); }
pre.diff .ln { display: inline-block; width: 3.2em; color: var(--muted); text-align: right; padding-right: 0.6em; user-select: none; }
pre.diff .mark { display: inline-block; width: 1.2em; color: var(--muted); }
@media print { .compare-blink, .compare-swipe { display: none; } }
"""#
}
