#!/usr/bin/env bash
# Runs the whole test suite: system packages (chromium for the browser test), release build, swift test,
# the quick profile of every notebook with --strict, and the browser test over the built site.
set -euo pipefail
cd "$(dirname "$0")/.."
WITH_BROWSER=1 scripts/install-deps.sh
swift build -c release
swift test -c release 2>&1 | tee .build/swift-test.log
# Every notebook of the report at reduced size; any failure fails the suite.
.build/release/specbook build -P profile=quick --strict --out .build/site-quick
if [ -x scripts/browser-test.sh ]; then scripts/browser-test.sh; fi
