"""Drives headless Chromium over a built Specbook site and checks what a reader would meet.

Usage: site_test.py [--report REPORT_SITE] [--only-report] SITE_FOLDER ARTIFACTS_FOLDER [BUILD_LOG]
With --report, the built report (scripts/test.sh builds the quick profile into .build/site-quick) is checked too, at
1280 and 390 px in both schemes (report_checks.py); --only-report skips the fixture site's checks.
Prints one line per check and closes with `N passed, M failed`; exits 1 when any check failed.
"""
import os
import pathlib
import re
import sys
from urllib.parse import unquote, urlparse

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import sync_playwright

from report_checks import check_report

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
arguments = sys.argv[1:]
report = None
only_report = "--only-report" in arguments
if only_report:
    arguments.remove("--only-report")
if "--report" in arguments:
    at = arguments.index("--report")
    report = pathlib.Path(arguments[at + 1]).resolve()
    del arguments[at:at + 2]
site = pathlib.Path(arguments[0]).resolve()
artifacts = pathlib.Path(arguments[1]).resolve()
build_log = pathlib.Path(arguments[2]) if len(arguments) > 2 else None
artifacts.mkdir(parents=True, exist_ok=True)
results = []


def check(name, ok, detail=""):
    results.append(ok)
    print(("ok   " if ok else "FAIL ") + name + ("" if ok or not detail else f": {detail}"), flush=True)


def local_path(url):
    """The file a file:// URL names, or None for other schemes."""
    parsed = urlparse(url)
    return pathlib.Path(unquote(parsed.path)) if parsed.scheme == "file" else None


def load(context, path):
    """Opens a page, records console errors and failed requests, scrolls so lazy images load."""
    page = context.new_page()
    problems = []
    page.on("console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    page.on("requestfailed", lambda r: problems.append(f"request failed: {r.url} ({r.failure})"))
    page.goto(path.as_uri(), wait_until="load")
    height = page.evaluate("document.documentElement.scrollHeight")
    for y in range(0, height + 800, 600):
        page.evaluate(f"window.scrollTo(0, {y})")
        page.wait_for_timeout(20)
    page.wait_for_function("Array.from(document.images).every(i => i.complete)", timeout=10000)
    page.evaluate("window.scrollTo(0, 0)")
    return page, problems


def ids_in(path, cache={}):
    if path not in cache:
        cache[path] = set(re.findall(r'\bid="([^"]+)"', path.read_text(encoding="utf-8")))
    return cache[path]


def check_page(context, path):
    name = path.name
    page, problems = load(context, path)
    check(f"{name}: loads without console errors or failed requests", not problems, "; ".join(problems[:5]))
    check(f"{name}: html lang and one main landmark",
          page.evaluate("document.documentElement.lang") == "en" and page.locator("main").count() == 1)

    broken = []
    # Bibliography entries link to their DOI or arXiv page by design; every other link stays inside the site.
    hrefs = page.evaluate("Array.from(document.querySelectorAll('a[href]')).filter(a => !a.closest('.csl-entry')).map(a => a.href)")
    for href in hrefs:
        target = local_path(href)
        if target is None:
            if not href.startswith("mailto:"):
                broken.append(f"non-local link {href}")
            continue
        if not target.exists():
            broken.append(f"{href} (no such file)")
            continue
        fragment = urlparse(href).fragment
        if fragment and target.suffix == ".html" and unquote(fragment) not in ids_in(target):
            broken.append(f"{href} (no element with that id)")
    check(f"{name}: all {len(hrefs)} links resolve, anchors included", not broken, "; ".join(broken[:5]))

    sources = page.evaluate("""Array.from(document.querySelectorAll('img[src], source[srcset]'))
        .map(e => e.tagName === 'IMG' ? e.src : new URL(e.getAttribute('srcset'), document.baseURI).href)""")
    missing = [s for s in sources if not (local_path(s) and local_path(s).exists())]
    check(f"{name}: all {len(sources)} image files exist", not missing, "; ".join(missing[:5]))
    unloaded = page.evaluate("Array.from(document.images).filter(i => !(i.naturalWidth > 0)).map(i => i.src)")
    check(f"{name}: every image decoded (naturalWidth > 0)", not unloaded, "; ".join(unloaded[:5]))

    ids = page.evaluate("Array.from(document.querySelectorAll('[id]')).map(e => e.id)")
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    check(f"{name}: element ids are unique", not duplicates, ", ".join(duplicates))

    # Keyboard: the first Tab reaches the skip link, which is then visible and moves focus to the content.
    page.keyboard.press("Tab")
    focused = page.evaluate("""(() => { const e = document.activeElement; const r = e.getBoundingClientRect();
        return {skip: e.classList.contains('skip-link'), visible: r.top >= 0 && r.height > 0}; })()""")
    check(f"{name}: first Tab focuses a visible skip link", focused["skip"] and focused["visible"], str(focused))
    page.keyboard.press("Enter")
    page.wait_for_timeout(50)
    check(f"{name}: the skip link moves focus to main", page.evaluate("document.activeElement.id") == "content")
    page.close()
    return hrefs


def check_notebook_page(browser, path):
    light = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme="light")
    page, _ = load(light, path)
    name = path.name
    figures = page.evaluate("""Array.from(document.querySelectorAll('figure.figure img')).map(i => {
        const r = i.getBoundingClientRect(); return {w: r.width, h: r.height, src: i.currentSrc}; })""")
    check(f"{name}: figures shown with non-zero size", figures and all(f["w"] > 50 and f["h"] > 50 for f in figures), str(figures))
    captions = page.locator("figure.figure figcaption .figure-number").all_inner_texts()
    check(f"{name}: figures numbered in order", captions == [f"Figure {i + 1}" for i in range(len(captions))], str(captions))
    alts = page.evaluate("Array.from(document.querySelectorAll('figure.figure img')).map(i => i.alt)")
    check(f"{name}: figure alt text comes from the caption", all(a.startswith("Figure ") and len(a) > 12 for a in alts), str(alts))
    light_bg = page.evaluate("getComputedStyle(document.body).backgroundColor")
    headings = page.evaluate("Array.from(document.querySelectorAll('article h2, article h3')).map(h => h.id)")
    check(f"{name}: every heading has an anchor", headings and all(headings), str(headings))
    page.close()
    light.close()

    dark = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme="dark")
    page, _ = load(dark, path)
    dark_bg = page.evaluate("getComputedStyle(document.body).backgroundColor")
    check(f"{name}: dark scheme changes the background", dark_bg != light_bg, f"{light_bg} vs {dark_bg}")
    sources = page.evaluate("Array.from(document.querySelectorAll('figure.figure img')).map(i => i.currentSrc)")
    decoded = page.evaluate("Array.from(document.querySelectorAll('figure.figure img')).every(i => i.naturalWidth > 0)")
    check(f"{name}: dark scheme loads the dark figure variants",
          sources and all(s.endswith("-dark.png") for s in sources) and decoded, f"{sources} decoded: {decoded}")
    page.close()
    dark.close()


def check_fixture_content(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page, _ = load(context, site / "01-waves.html")
    math = page.evaluate("""Array.from(document.querySelectorAll('math')).map(m => {
        const r = m.getBoundingClientRect(); return {ml: m instanceof MathMLElement, h: r.height, w: r.width}; })""")
    check("01-waves.html: MathML present and laid out", len(math) >= 5 and all(m["ml"] and m["h"] > 5 and m["w"] > 5 for m in math), str(math[:3]))
    check("01-waves.html: display math is a block", page.locator('math[display="block"]').count() == 1)
    check("01-waves.html: no unknown TeX commands", page.locator("merror").count() == 0)
    check("01-waves.html: currency and code dollars stay text",
          "$5 and $10" in page.inner_text("article") and page.locator("code", has_text="$HOME").count() == 1)
    xrefs = page.locator("a.xref").all_inner_texts()
    check("01-waves.html: cross references read Figure N / Table N",
          xrefs[:2] == ["Figure\u00a01", "Figure\u00a02"] and "Table\u00a01" in xrefs and "Figure\u00a01 of A fit" in xrefs, str(xrefs))
    check("01-waves.html: callouts styled", page.locator(".callout.note").count() == 1 and page.locator(".callout.warning").count() == 1
          and page.evaluate("getComputedStyle(document.querySelector('.callout.note')).borderLeftStyle") == "solid")
    check("01-waves.html: GFM table and output table", page.locator("article > table, .table-wrap table").count() >= 2)
    check("01-waves.html: code highlighted", page.locator("pre.code .kw").count() > 5 and page.locator("pre.code .str").count() > 0)
    check("01-waves.html: code-fold collapses code", page.locator("details.code-fold:not([open]) pre.code").count() == 1)
    summary = page.locator("details.long-output > summary").all_inner_texts()
    check("01-waves.html: long output collapsed with its line count", summary == ["Output: 60 lines"], str(summary))
    check("01-waves.html: table of contents", page.locator("nav.toc a").count() == 2)
    check("01-waves.html: values substituted", page.locator(".value[data-name=peaks]").inner_text() == "1, 3, 5")
    page.close()
    page, _ = load(context, site / "02-fit.html")
    broken = page.locator(".xref.broken").all_inner_texts()
    check("02-fit.html: a broken reference is visible", broken == ["@fig-missing?"], str(broken))
    check("02-fit.html: duplicate headings get distinct anchors",
          page.evaluate("Array.from(document.querySelectorAll('article > h2')).map(h => h.id)") == ["data", "data-1"])
    check("02-fit.html: previous link in the header", page.locator(".site-header a[rel=prev]").get_attribute("href") == "01-waves.html")
    cites = page.locator(".citation a[role=doc-biblioref]")
    targets = [cites.nth(i).get_attribute("href") for i in range(cites.count())]
    check("02-fit.html: citations link to entries of the page's References",
          len(targets) == 2 and all(t.startswith("#ref-") and page.locator(f"section.references {t}.csl-entry").count() == 1 for t in targets),
          str(targets))
    entries = page.locator("section.references .csl-entry")
    check("02-fit.html: the References list its two entries with their links",
          entries.count() == 2 and page.locator("section.references .csl-entry a[href^='https://']").count() == 2,
          page.locator("section.references").inner_text() if page.locator("section.references").count() else "no References")
    tip = page.locator(".citation .cite-tip").first
    hidden_before = not tip.is_visible()
    page.locator(".citation a").first.hover()
    shown_on_hover = tip.is_visible()
    page.mouse.move(0, 0)
    page.locator(".citation a").first.focus()
    shown_on_focus = tip.is_visible()
    check("02-fit.html: a citation shows its entry on hover and on focus", hidden_before and shown_on_hover and shown_on_focus,
          f"{hidden_before} {shown_on_hover} {shown_on_focus}")
    equation = page.locator("#eq-lsq")
    check("02-fit.html: the numbered equation has its anchor and number",
          equation.count() == 1 and equation.locator(".eq-number").inner_text() == "(1)" and equation.locator("math").count() == 1)
    eq_links = page.locator("a.xref[href='#eq-lsq']").all_inner_texts()
    check("02-fit.html: the equation reference reads Equation (1)", eq_links == ["Equation\u00a0(1)"], str(eq_links))
    page.close()
    context.close()


def check_search(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page, _ = load(context, site / "index.html")
    notebook_pages = [p for p in site.glob("*.html") if p.name not in ("index.html", "changes.html")]
    check("index.html: a card per notebook", page.locator(".card").count() == len(notebook_pages))
    check("index.html: search box shown when JavaScript runs", page.locator("#search").is_visible())
    page.fill("#search-input", "sampling")
    page.wait_for_timeout(100)
    visible = page.locator(".card:visible h2").all_inner_texts()
    links = page.locator("#search-results a").all_inner_texts()
    check("index.html: search by heading filters the cards", visible == ["Waves and their spectrum"] and "Sampling" in links, f"{visible} {links}")
    page.fill("#search-input", "straight line")
    page.wait_for_timeout(100)
    check("index.html: search by prose", page.locator(".card:visible h2").all_inner_texts() == ["A fit"])
    page.fill("#search-input", "zzzzqq")
    page.wait_for_timeout(100)
    check("index.html: no match says so", "No notebook" in page.inner_text("#search-status") and page.locator(".card:visible").count() == 0)
    page.close()
    context.close()
    nojs = browser.new_context(viewport={"width": 1280, "height": 900}, java_script_enabled=False)
    page = nojs.new_page()
    page.goto((site / "index.html").as_uri())
    check("index.html: without JavaScript the cards show and the search box hides",
          page.locator(".card:visible").count() >= 2 and not page.locator("#search").is_visible())
    nojs.close()


def check_responsive_and_screenshots(browser):
    for width, label in [(1280, "desktop"), (375, "phone")]:
        for scheme in ["light", "dark"]:
            context = browser.new_context(viewport={"width": width, "height": 800}, color_scheme=scheme,
                                          device_scale_factor=1 if width > 1000 else 2)
            for page_name in ["index.html", "01-waves.html", "02-fit.html"]:
                page, _ = load(context, site / page_name)
                overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
                check(f"{page_name} at {width}px ({scheme}): no horizontal scrolling", overflow <= 0, f"{overflow}px too wide")
                if page_name != "02-fit.html":
                    stem = page_name.removesuffix(".html")
                    page.screenshot(path=str(artifacts / f"{stem}-{label}-{scheme}.png"), full_page=True)
                page.close()
            context.close()


def check_accessibility(browser):
    """axe-core's WCAG 2.1 A/AA rules and best practices, contrast included, in both colour schemes."""
    axe = Axe()
    rules = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]}}
    for scheme in ["light", "dark"]:
        context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
        for html in sorted(site.glob("*.html")):
            page, _ = load(context, html)
            violations = axe.run(page, options=rules).response["violations"]
            detail = "; ".join(f"{v['id']}: {[n['target'] for n in v['nodes']][:3]}" for v in violations)
            check(f"{html.name} ({scheme}): no axe-core accessibility violations", not violations, detail)
            page.close()
        context.close()


def check_build_log():
    if build_log is None:
        return
    text = build_log.read_text(encoding="utf-8")
    check("build: a broken reference is a warning naming file and line",
          re.search(r"02-fit\.md:9: warning: unknown cross reference @fig-missing", text) is not None, text[-500:])


with sync_playwright() as p:
    browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--allow-file-access-from-files"])
    if not only_report:
        base = browser.new_context(viewport={"width": 1280, "height": 900})
        for html in sorted(site.glob("*.html")):
            check_page(base, html)
        base.close()
        for html in sorted(site.glob("*.html")):
            if html.name not in ("index.html", "changes.html"):
                check_notebook_page(browser, html)
        check_fixture_content(browser)
        check_search(browser)
        check_responsive_and_screenshots(browser)
        check_accessibility(browser)
        check_build_log()
    if report is not None:
        if not report.is_dir():
            check(f"report: {report} exists (build it with specbook build -P profile=quick)", False)
        else:
            check_report(browser, report, artifacts, check, load)
    browser.close()

failed = results.count(False)
print(f"{len(results) - failed} passed, {failed} failed")
sys.exit(1 if failed else 0)
