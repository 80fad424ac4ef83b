#!/usr/bin/env bash
# Builds the fixture site (Tests/Fixtures/site) and drives headless Chromium over it with Playwright:
# console errors, links and images, figures, MathML, dark scheme, keyboard, phone width, search, and axe-core's
# WCAG 2.1 AA rules (contrast included) in both colour schemes; then the changes page of a rebuild after an edit.
# With a folder argument (scripts/test.sh passes .build/site-quick, the quick-profile report) it also checks that
# report at 1280 and 390 px, light and dark: no sideways page scroll, nothing clipped without a way to see it, figure
# text of 10 CSS px or more, dark-figure marks at 3:1 against their background, one H1, MathML in captions and tables.
# Screenshots go to test-artifacts/. Ends with `N passed, M failed`; exits non-zero on any failure.
#   scripts/browser-test.sh [REPORT_SITE]
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null 2>&1; then
  echo "installing chromium" >&2
  DEBIAN_FRONTEND=noninteractive apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null
fi

venv=.build/browser-venv
if ! "$venv/bin/python" -c "import playwright, axe_playwright_python" >/dev/null 2>&1; then
  echo "installing playwright and axe-core into $venv (no browser download: the system chromium is used)" >&2
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q "playwright>=1.40,<2" "axe-playwright-python==0.1.8"
fi

if [ ! -x .build/release/specbook ]; then swift build -c release; fi
rm -rf .build/browser-site
mkdir -p test-artifacts
.build/release/specbook build Tests/Fixtures/site --out .build/browser-site 2> test-artifacts/browser-build.log || {
  cat test-artifacts/browser-build.log >&2
  echo "0 passed, 1 failed"
  exit 1
}
status=0
report=()
if [ $# -gt 0 ]; then report=(--report "$1"); fi
CHROMIUM="$(command -v chromium)" "$venv/bin/python" tests/browser/site_test.py "${report[@]}" \
  .build/browser-site test-artifacts test-artifacts/browser-build.log || status=1

# The changes page: the fixture built, one notebook edited (fewer samples), built again.
changes=.build/browser-changes
rm -rf "$changes" && mkdir -p "$changes/notebooks"
cp Tests/Fixtures/site/*.md "$changes/notebooks/" && cp references.bib "$changes/"
printf 'title: Changes fixture\n' > "$changes/specbook.yml"   # its own project, not the checkout's report
specbook="$PWD/.build/release/specbook"
(cd "$changes" && "$specbook" build --quiet && sed -i 's/^let n = 128$/let n = 120/' notebooks/01-waves.md \
  && "$specbook" build --quiet) 2> test-artifacts/browser-changes-build.log || {
  cat test-artifacts/browser-changes-build.log >&2
  echo "0 passed, 1 failed"
  exit 1
}
CHROMIUM="$(command -v chromium)" "$venv/bin/python" tests/browser/changes_test.py "$changes/site" test-artifacts || status=1
exit $status
