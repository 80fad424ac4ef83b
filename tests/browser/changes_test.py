"""Drives headless Chromium over the changes page of a rebuilt site, at desktop and phone width, light and dark.

Usage: changes_test.py SITE_FOLDER ARTIFACTS_FOLDER
The site was built, one notebook edited, and built again, so changes.html compares the two builds.
Prints one line per check and closes with `N passed, M failed`; exits 1 when any check failed.
"""
import os
import pathlib
import re
import sys

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import sync_playwright

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
site = pathlib.Path(sys.argv[1]).resolve()
artifacts = pathlib.Path(sys.argv[2]).resolve()
artifacts.mkdir(parents=True, exist_ok=True)
results = []


def check(name, ok, detail=""):
    results.append(bool(ok))
    print(("ok   " if ok else "FAIL ") + name + ("" if ok or not detail else f": {detail}"), flush=True)


def open_changes(browser, width, scheme, reduced_motion="no-preference"):
    context = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme,
                                  reduced_motion=reduced_motion)
    page = context.new_page()
    problems = []
    page.on("console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    page.on("requestfailed", lambda r: problems.append(f"request failed: {r.url}"))
    page.goto((site / "changes.html").as_uri(), wait_until="load")
    page.wait_for_function("Array.from(document.images).every(i => i.complete)", timeout=10000)
    return context, page, problems


def check_view(browser, width, scheme):
    label = f"changes.html at {width} px, {scheme}"
    context, page, problems = open_changes(browser, width, scheme)
    check(f"{label}: loads without console errors or failed requests", not problems, "; ".join(problems[:5]))
    broken = page.evaluate("Array.from(document.images).filter(i => i.naturalWidth === 0).map(i => i.currentSrc || i.src)")
    count = page.evaluate("document.images.length")
    check(f"{label}: all {count} images resolve", count >= 6 and not broken, f"{count} images, broken: {broken[:5]}")
    wide = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    check(f"{label}: the page does not scroll sideways", wide <= 0, f"{wide} px too wide")
    suffix = "-dark.png" if scheme == "dark" else ".png"
    sources = page.evaluate("Array.from(document.querySelectorAll('.compare-diff img')).map(i => i.currentSrc)")
    check(f"{label}: difference images in the {scheme} theme", sources and all(
        s.endswith("-diff" + suffix) for s in sources), str(sources))
    images = page.evaluate("""Array.from(document.querySelectorAll('.compare-pair img'))
        .map(i => i.getBoundingClientRect()).map(r => [Math.round(r.left), Math.round(r.width)])""")
    if width >= 1000:
        check(f"{label}: before and after side by side", len(images) >= 2 and images[0][0] < images[1][0]
              and images[0][1] > 300, str(images))
    else:
        check(f"{label}: before and after stacked, each the column's width", len(images) >= 2
              and images[0][0] == images[1][0] and images[0][1] >= width * 0.8, str(images))
    # Swipe: the script shows it, and the slider moves the divide.
    swipe = page.locator(".compare-swipe").first
    check(f"{label}: the swipe view is shown", swipe.is_visible())
    slider = swipe.locator("input[type=range]")
    slider.fill("20")
    clip20 = swipe.locator(".over").evaluate("e => getComputedStyle(e).clipPath")
    slider.fill("80")
    clip80 = swipe.locator(".over").evaluate("e => getComputedStyle(e).clipPath")
    check(f"{label}: the swipe slider moves the divide", "20%" in clip20 and "80%" in clip80, f"{clip20} / {clip80}")
    # Blink: the after image fades in and out in turn.
    over = page.locator(".compare-blink .over").first
    seen = set()
    for _ in range(6):
        seen.add(over.evaluate("e => getComputedStyle(e).opacity"))
        page.wait_for_timeout(450)
    check(f"{label}: the blink view alternates before and after", seen == {"0", "1"}, str(seen))
    page.screenshot(path=str(artifacts / f"changes-{width}-{scheme}.png"), full_page=True)
    if width >= 1000:
        axe = Axe().run(page)
        violations = [f"{v['id']} ({len(v['nodes'])})" for v in axe.response["violations"]]
        check(f"{label}: no WCAG 2.1 AA violations (axe-core)", not violations, ", ".join(violations))
    context.close()


def check_content(browser):
    context, page, _ = open_changes(browser, 1280, "light")
    html = (site / "changes.html").read_text(encoding="utf-8")
    check("changes.html: the summary counts the changed figures",
          re.search(r"<dt>figures changed</dt><dd>([1-9][0-9]*)</dd>", html) is not None)
    check("changes.html: only the edited notebook has a section",
          'id="changes-01-waves"' in html and 'id="changes-02-fit"' not in html)
    links = page.evaluate("Array.from(document.querySelectorAll('.changes-table a')).map(a => a.getAttribute('href'))")
    missing = []
    for href in links:
        target, _, anchor = href.partition("#")
        text = (site / target).read_text(encoding="utf-8")
        if anchor and f'id="{anchor}"' not in text:
            missing.append(href)
    check("changes.html: value links reach their citation on the page", links and not missing, f"{links} missing {missing}")
    banner = (site / "01-waves.html").read_text(encoding="utf-8")
    check("01-waves.html: a banner links to its changes", 'href="changes.html#changes-01-waves"' in banner)
    check("02-fit.html: an unchanged page has no banner", "changes-banner" not in (site / "02-fit.html").read_text(encoding="utf-8"))
    check("index.html: links to the changes", 'href="changes.html"' in (site / "index.html").read_text(encoding="utf-8"))
    context.close()
    # With reduced motion the blink view stands still.
    context, page, _ = open_changes(browser, 1280, "light", reduced_motion="reduce")
    animation = page.locator(".compare-blink .over").first.evaluate("e => getComputedStyle(e).animationName")
    check("changes.html: no blinking when the reader asks for reduced motion", animation == "none", animation)
    context.close()


with sync_playwright() as p:
    browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--allow-file-access-from-files"])
    for width in (1280, 390):
        for scheme in ("light", "dark"):
            check_view(browser, width, scheme)
    check_content(browser)
    browser.close()

failed = results.count(False)
print(f"{len(results) - failed} passed, {failed} failed")
sys.exit(1 if failed else 0)
