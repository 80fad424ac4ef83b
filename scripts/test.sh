#!/usr/bin/env bash
# Runs the whole test suite: system packages (chromium for the browser test), release build, swift test, the
# numerics tests again under other OpenBLAS kernels, the quick profile of every notebook with --strict, and the
# browser test over the built site.
set -euo pipefail
cd "$(dirname "$0")/.."
WITH_BROWSER=1 scripts/install-deps.sh
swift build -c release
swift test -c release --disable-testable-imports 2>&1 | tee .build/swift-test.log

# A numeric bound must hold on every BLAS kernel, not only the one this CPU picks: run the numerics tests under
# OpenBLAS's generic SSE3 kernels (what it falls back to on a CPU it does not know) and under the best other
# kernel this CPU supports.
other=Haswell
if grep -qw avx512f /proc/cpuinfo; then other=SkylakeX; fi
for core in Prescott "$other"; do
  if [ "${OPENBLAS_CORETYPE:-}" = "$core" ]; then continue; fi
  echo "numerics tests with OPENBLAS_CORETYPE=$core" >&2
  OPENBLAS_CORETYPE=$core swift test -c release --disable-testable-imports --skip-build --filter SpecbookNumericsTests 2>&1 \
    | tee ".build/swift-test-$core.log" | grep -E "Executed [0-9]+ tests" | tail -n 1
done

# Every notebook of the report at reduced size; any failure fails the suite.
.build/release/specbook build -P profile=quick --strict --out .build/site-quick
if [ -x scripts/browser-test.sh ]; then scripts/browser-test.sh; fi
