#!/usr/bin/env bash
# Builds the whole site from notebooks/ into site/: system packages, release build, then `specbook build`.
# Extra arguments go to `specbook build` (e.g. -P profile=quick --strict).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
swift build -c release
.build/release/specbook build "$@"
