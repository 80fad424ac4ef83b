#!/usr/bin/env bash
# Runs the whole test suite: system packages (chromium for the browser test), release build, swift test, the
# numerics tests again under other OpenBLAS kernels, the quick profile of every notebook with --strict, the
# browser test over the built site, the install test (scripts/install-test.sh) and the Slurm test.
set -euo pipefail
cd "$(dirname "$0")/.."
WITH_BROWSER=1 scripts/install-deps.sh
swift build -c release

# Every process that computes runs the best OpenBLAS kernels this CPU supports unless the user chose (Debian's
# OpenBLAS falls back to generic ones on CPUs it does not know); notebook programs get the same from the runner,
# whose choice `specbook --version` names.
best=$(env -u OPENBLAS_CORETYPE .build/release/specbook --version | sed -n 's/^blas kernels: \([A-Za-z0-9]*\) (chosen.*/\1/p')
flags=" $(grep -m1 '^flags' /proc/cpuinfo) "
has() { for f in "$@"; do [[ "$flags" == *" $f "* ]] || return 1; done; }
if [ -z "${OPENBLAS_CORETYPE+set}" ] && [ -n "$best" ]; then export OPENBLAS_CORETYPE=$best; fi
echo "tests run with OPENBLAS_CORETYPE=${OPENBLAS_CORETYPE:-<unset>}" >&2
swift test -c release --disable-testable-imports 2>&1 | tee .build/swift-test.log

# A numeric bound must hold on every BLAS kernel, not only the one this CPU picks: run the numerics tests under
# OpenBLAS's generic SSE3 kernels (what it falls back to on a CPU it does not know) and under the other vector
# family this CPU supports.
other=""
if [ "$best" = SkylakeX ] || [ "$best" = Cooperlake ]; then other=Haswell
elif has avx512f avx512bw avx512vl avx512dq; then other=SkylakeX; fi
for core in Prescott $other; do
  if [ "${OPENBLAS_CORETYPE:-}" = "$core" ]; then continue; fi
  echo "numerics tests with OPENBLAS_CORETYPE=$core" >&2
  OPENBLAS_CORETYPE=$core swift test -c release --disable-testable-imports --skip-build --filter SpecbookNumericsTests 2>&1 \
    | tee ".build/swift-test-$core.log" | grep -E "Executed [0-9]+ tests" | tail -n 1
done

# The library's vector loops (FFT, tanh, Adam) run on the CPU's widest instructions; run the numerics tests again on
# the baseline x86-64 (SSE2) code a CPU without AVX runs.
if [ -z "${SPECBOOK_VECTOR_INSTRUCTIONS:-}" ]; then
  echo "numerics tests with SPECBOOK_VECTOR_INSTRUCTIONS=baseline" >&2
  SPECBOOK_VECTOR_INSTRUCTIONS=baseline swift test -c release --disable-testable-imports --skip-build \
    --filter SpecbookNumericsTests 2>&1 | tee .build/swift-test-baseline.log | grep -E "Executed [0-9]+ tests" | tail -n 1
fi

# The notebooks read like papers: no helper defined in two notebooks, no over-wide code line, no hand-built
# verdict, the Swift line budget kept.
python3 scripts/notebook-style.py notebooks

# Every notebook of the report at reduced size; any failure fails the suite. Then the same report as one PDF
# (the runs come from the cache), read back with poppler.
.build/release/specbook build -P profile=quick --strict --out .build/site-quick
.build/release/specbook pdf -P profile=quick --out .build/report-quick.pdf
pages=$(pdfinfo .build/report-quick.pdf | awk '/^Pages:/ {print $2}')
echo "quick-profile report: $pages PDF pages" >&2
if [ -x scripts/browser-test.sh ]; then scripts/browser-test.sh .build/site-quick; fi
# Specbook as a user installs it: into a temporary prefix, used with this checkout hidden, on a new project with lib/
# and two Swift packages.
scripts/install-test.sh
# A sharded build of a fixture with sweeps through a real one-node Slurm cluster (started and stopped by the script).
scripts/slurm-test.sh
