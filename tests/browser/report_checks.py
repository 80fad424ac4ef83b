"""What a reader of the built report meets, checked page by page at 1280 and 390 px, light and dark.

Used by site_test.py with `--report SITE` (scripts/test.sh passes the quick-profile report, .build/site-quick).
Each check names the page, width and scheme, and on failure the elements at fault.
"""
import pathlib
import re
import xml.etree.ElementTree as ET
from urllib.parse import unquote, urlparse

MIN_FIGURE_TEXT_PX = 10.0
MIN_MARK_CONTRAST = 3.0
SVG = "{http://www.w3.org/2000/svg}"

# Every element a reader must be able to read whole: it fits, or its box scrolls (overflow-x auto or scroll).
CLIPPED = """(() => {
  const out = [];
  for (const e of document.querySelectorAll('article pre, article table, .table-wrap, .math-display, .checks, figure, .cell-output')) {
    const style = getComputedStyle(e), r = e.getBoundingClientRect();
    const scrolls = style.overflowX === 'auto' || style.overflowX === 'scroll';
    const name = e.tagName.toLowerCase() + (e.className ? '.' + String(e.className).split(' ').join('.') : '');
    if (e.scrollWidth > e.clientWidth + 1 && !scrolls) out.push(`${name} clips ${e.scrollWidth - e.clientWidth}px`);
    if (r.right > window.innerWidth + 0.5 && !e.closest('.math-display, .table-wrap, pre')) out.push(`${name} ends at ${Math.round(r.right)}px`);
  }
  return out;
})()"""

# On a desktop, outputs and tables need no scrolling at all (they wrap, or their cell takes the page width).
SCROLLING = """(() => Array.from(document.querySelectorAll('.cell-output pre, .table-wrap, article > table'))
  .filter(e => e.scrollWidth > e.clientWidth + 1)
  .map(e => (e.closest('[id]') || e).id + ': ' + e.tagName.toLowerCase() + ' scrolls ' + (e.scrollWidth - e.clientWidth) + 'px'))()"""

# Content in the reading column stays clear of the contents list; page-wide blocks lie over it.
UNDER_TOC = """(() => {
  const toc = document.querySelector('main.page > .toc');
  if (!toc || getComputedStyle(toc).position !== 'sticky') return [];
  const left = toc.getBoundingClientRect().left;
  return Array.from(document.querySelectorAll('main.page > article > *'))
    .filter(e => !e.matches('.column-page, table') && e.getBoundingClientRect().right > left + 0.5)
    .map(e => (e.id || e.tagName.toLowerCase()) + ' reaches ' + Math.round(e.getBoundingClientRect().right) + 'px');
})()"""

FIGURES = """Array.from(document.querySelectorAll('figure.figure')).map(f => ({
  id: f.id, svg: f.querySelector('a.figure-image').href, width: f.querySelector('img').getBoundingClientRect().width,
  src: f.querySelector('img').currentSrc }))"""

# TeX left as text: `$...$`, a command, a braced script, or a bare script such as h_K, k^-2, alpha_c.
TEX_LEFT = """Array.from(document.querySelectorAll('figcaption, th, td, .card p, .description'))
  .map(e => e.cloneNode(true)).map(c => { c.querySelectorAll('math, code').forEach(m => m.remove()); return c.textContent; })
  .filter(t => /\\$[^$\\s][^$]*\\$|\\\\[a-zA-Z]{2,}|[_^]\\{|[\\p{L})]_[\\p{L}0-9(]|[\\p{L}0-9)]\\^[-−0-9\\p{L}(]/u.test(t))"""


def local(url):
    parsed = urlparse(url)
    return pathlib.Path(unquote(parsed.path))


def svg_text_sizes(path):
    """Width of the SVG in CSS px and the font sizes of its text layer (written by the figures layer)."""
    root = ET.parse(path).getroot()
    width = float(re.match(r"[\d.]+", root.get("width")).group(0))
    sizes = [float(t.get("font-size")) for g in root.iter(SVG + "g") if g.get("class") == "specbook-text"
             for t in g.iter(SVG + "text")]
    return width, sizes


def luminance(rgb):
    def linear(c):
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (linear(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a, b):
    la, lb = luminance(a), luminance(b)
    return (max(la, lb) + 0.05) / (min(la, lb) + 0.05)


def parse_rgb(value):
    m = re.match(r"rgb\(\s*([\d.]+)(%?)\s*,\s*([\d.]+)%?\s*,\s*([\d.]+)%?\s*\)", value or "")
    if not m:
        return None
    scale = 100.0 if m.group(2) == "%" else 255.0
    return tuple(float(m.group(i)) / scale for i in (1, 3, 4))


def svg_marks(path):
    """(colour as seen over the background, what) of every fill or stroke Cairo drew as a mark, axis or text (strokes
    from half opacity, fills from 0.9; grids, bands, the invisible text layer and heat-map images are left out), and
    the background colour."""
    root = ET.parse(path).getroot()
    skip = set()
    for g in root.iter(SVG + "g"):
        if g.get("class") == "specbook-text":
            skip.update(id(e) for e in g.iter())
    marks, background = [], None
    for e in root.iter():
        if id(e) in skip or e.tag in (SVG + "image", SVG + "symbol"):
            continue
        style = dict(p.split(":", 1) for p in (e.get("style") or "").split(";") if ":" in p)
        for kind in ("fill", "stroke"):
            rgb = parse_rgb(e.get(kind) or style.get(kind))
            if rgb is None:
                continue
            opacity = float(e.get(kind + "-opacity") or style.get(kind + "-opacity") or 1) * float(e.get("opacity") or 1)
            if background is None and kind == "fill" and e.tag == SVG + "rect":
                background = rgb
                continue
            # A halo in the background colour (round points over a heat map) is a knock-out, not a mark; a
            # translucent fill is a band behind the data and a stroke under half opacity a grid line.
            if rgb == background or opacity < (0.9 if kind == "fill" else 0.5):
                continue
            seen = tuple(b + opacity * (c - b) for c, b in zip(rgb, background))
            marks.append((seen, f"{e.tag.replace(SVG, '')} {kind} rgb{tuple(round(c * 255) for c in rgb)} at {opacity:g}"))
    return background, marks


def check_report(browser, site, artifacts, check, load):
    pages = sorted(site.glob("*.html"))
    check(f"report: {len(pages)} pages built", len(pages) >= 2, str(site))
    checked_svgs = set()
    for width in (1280, 390):
        for scheme in ("light", "dark"):
            context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme,
                                          device_scale_factor=1)
            for html in pages:
                tag = f"report {html.name} at {width}px ({scheme})"
                page, _ = load(context, html)
                overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
                check(f"{tag}: the page never scrolls sideways", overflow <= 0, f"{overflow}px too wide")
                h1 = page.locator("h1").count()
                check(f"{tag}: one H1", h1 == 1, f"{h1} H1 elements")
                clipped = page.evaluate(CLIPPED)
                check(f"{tag}: no output, table, equation or figure clipped without a way to see it", not clipped,
                      "; ".join(clipped[:6]))
                if width == 1280:
                    scrolling = page.evaluate(SCROLLING)
                    check(f"{tag}: outputs and tables need no sideways scrolling", not scrolling, "; ".join(scrolling[:6]))
                    under = page.evaluate(UNDER_TOC)
                    check(f"{tag}: the reading column stays clear of the contents list", not under, "; ".join(under[:6]))
                if scheme == "light":
                    left = page.evaluate(TEX_LEFT)
                    check(f"{tag}: math in captions, tables and descriptions is MathML", not left, "; ".join(left[:4]))
                figures = page.evaluate(FIGURES)
                if width == 1280 and scheme == "light":
                    small = []
                    for f in figures:
                        svg_width, sizes = svg_text_sizes(local(f["svg"]))
                        if not sizes:
                            small.append(f"{f['id']}: no text layer")
                            continue
                        shown = min(sizes) * f["width"] / svg_width
                        if shown < MIN_FIGURE_TEXT_PX:
                            small.append(f"{f['id']}: {shown:.1f}px ({min(sizes)} at {f['width']:.0f}/{svg_width:.0f}px)")
                    check(f"{tag}: no figure text below {MIN_FIGURE_TEXT_PX:g} CSS px", figures is not None and not small,
                          "; ".join(small[:6]))
                if scheme == "dark":
                    wrong = [f["id"] for f in figures if not f["src"].endswith("-dark.png")]
                    check(f"{tag}: figures shown in their dark variant", not wrong, ", ".join(wrong))
                    bad = []
                    for f in figures:
                        dark = local(f["svg"]).with_name(local(f["svg"]).stem + "-dark.svg")
                        if dark in checked_svgs:
                            continue
                        checked_svgs.add(dark)
                        background, marks = svg_marks(dark)
                        for rgb, what in marks:
                            if luminance(rgb) < luminance(background) or contrast(rgb, background) < MIN_MARK_CONTRAST:
                                bad.append(f"{f['id']}: {what} ({contrast(rgb, background):.2f}:1)")
                    check(f"{tag}: every mark of a dark figure is lighter than its background, 3:1 or more", not bad,
                          "; ".join(sorted(set(bad))[:6]))
                page.screenshot(path=str(artifacts / f"report-{html.stem}-{width}-{scheme}.png"), full_page=True)
                page.close()
            context.close()
