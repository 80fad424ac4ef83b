/// The site's one stylesheet: system fonts, a reading measure, light and dark schemes.
enum Stylesheet {
    static let css = #"""
:root {
  --bg: #ffffff; --fg: #1f2328; --muted: #57606a; --accent: #0a58ca; --border: #d0d7de;
  --code-bg: #f6f8fa; --out-bg: #fbfbf8; --err-bg: #fff1f0; --err-fg: #a40e26; --ok: #1a7f37;
  --kw: #a626a4; --str: #50a14f; --num: #986801; --com: #6a737d; --type: #0550ae;
  color-scheme: light dark;
}
@media (prefers-color-scheme: dark) {
  :root {
    --bg: #0d1117; --fg: #e6edf3; --muted: #9da7b3; --accent: #6cb6ff; --border: #30363d;
    --code-bg: #161b22; --out-bg: #11161d; --err-bg: #2d1214; --err-fg: #ff9492; --ok: #56d364;
    --kw: #ff7b72; --str: #a5d6ff; --num: #f2cc60; --com: #8b949e; --type: #79c0ff;
  }
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body {
  margin: 0; background: var(--bg); color: var(--fg);
  font: 17px/1.6 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif;
}
a { color: var(--accent); }
a:focus-visible, summary:focus-visible, input:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
code, pre, kbd { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "DejaVu Sans Mono", monospace; font-size: 0.86em; }
.site-nav {
  display: flex; flex-wrap: wrap; gap: 0.5rem 1.5rem; justify-content: space-between; align-items: center;
  padding: 0.6rem 1.25rem; border-bottom: 1px solid var(--border); font-size: 0.95rem;
}
.site-nav .home { font-weight: 600; text-decoration: none; color: var(--fg); }
.site-nav .prev-next { display: flex; gap: 1.25rem; flex-wrap: wrap; }
main { max-width: 50rem; margin: 0 auto; padding: 1.5rem 1.25rem 3rem; }
.page-header h1 { margin-bottom: 0.25rem; line-height: 1.2; }
.description { color: var(--muted); margin-top: 0; font-size: 1.05rem; }
h1, h2, h3, h4 { line-height: 1.25; }
p, li { max-width: 72ch; }
pre { overflow-x: auto; padding: 0.75rem 1rem; border-radius: 6px; line-height: 1.45; }
pre.code { background: var(--code-bg); border: 1px solid var(--border); margin: 0; }
:not(pre) > code { background: var(--code-bg); padding: 0.1em 0.3em; border-radius: 4px; }
.cell { margin: 1.25rem 0; }
.cell-output { border-left: 3px solid var(--accent); background: var(--out-bg); margin-top: 0.4rem; padding: 0.1rem 0 0.1rem 0.9rem; }
.cell-output pre { margin: 0.4rem 0; padding: 0.4rem 0; background: transparent; }
.cell-output .stderr { color: var(--muted); }
.cell-note { color: var(--muted); font-size: 0.9rem; }
.cell-error, .build-error { background: var(--err-bg); color: var(--err-fg); border-radius: 6px; padding: 0.6rem 0.9rem; margin: 0.5rem 0; }
.cell-error pre { margin: 0.3rem 0 0; padding: 0; white-space: pre-wrap; }
.cell-error.expected { opacity: 0.9; }
details.code-fold > summary { cursor: pointer; color: var(--muted); }
figure.figure { margin: 1rem 0; }
figure img { max-width: 100%; height: auto; display: block; border-radius: 4px; }
figcaption { color: var(--muted); font-size: 0.92rem; margin-top: 0.35rem; }
.figure-number { font-weight: 600; color: var(--fg); }
.svg-link { font-size: 0.8rem; margin-left: 0.4rem; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; margin: 0.75rem 0; font-variant-numeric: tabular-nums; }
th, td { border: 1px solid var(--border); padding: 0.3rem 0.7rem; text-align: left; }
thead th { background: var(--code-bg); }
caption { caption-side: top; text-align: left; color: var(--muted); font-size: 0.92rem; padding-bottom: 0.3rem; }
.value { font-variant-numeric: tabular-nums; }
.value.missing { color: var(--err-fg); background: var(--err-bg); }
blockquote { margin: 1rem 0; padding: 0.2rem 1rem; border-left: 4px solid var(--border); color: var(--muted); }
footer.provenance { max-width: 50rem; margin: 0 auto; padding: 1rem 1.25rem 2rem; border-top: 1px solid var(--border); color: var(--muted); font-size: 0.85rem; }
footer.provenance dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 1rem; margin: 0; }
footer.provenance dt { font-weight: 600; }
footer.provenance dd { margin: 0; overflow-wrap: anywhere; }
main.index { max-width: 72rem; }
.cards { list-style: none; padding: 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr)); gap: 1.25rem; }
.card { border: 1px solid var(--border); border-radius: 8px; padding: 0.9rem; }
.card a { text-decoration: none; }
.card h2 { font-size: 1.15rem; margin: 0.5rem 0 0.25rem; }
.card p { margin: 0.25rem 0; font-size: 0.93rem; }
.card .thumb { width: 100%; height: auto; border-radius: 4px; border: 1px solid var(--border); }
.card .meta { color: var(--muted); font-size: 0.85rem; }
.status.ok { color: var(--ok); }
.status.failed, .card.failed h2 { color: var(--err-fg); }
@media (max-width: 40rem) {
  body { font-size: 16px; }
  main { padding: 1rem 0.9rem 2rem; }
}
"""#
}
