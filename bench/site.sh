#!/usr/bin/env bash
# Site build speed: Specbook vs Jupyter Book 1.x on 10 trivial notebooks (prose, three blocks, one figure each).
# Prints RESULT lines: cold, warm (nothing changed) and one-code-edit build times, and their ratios
# (Specbook time / Jupyter Book time; lower is better). Medians of interleaved rounds.
# Also edit_late_ms: the report's frequency-principle notebook (quick profile) rebuilt after an edit to its last
# block, its training kept by `cached` (target: at most 2000 ms).
# Usage (from the project root): bench/site.sh [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/.."
rounds=${1:-3}
peers=${PEERS:-../shared/peers}
venv=bench/.venv-jb
scripts/install-deps.sh
swift build -c release >/dev/null
if [ ! -x "$venv/bin/jupyter-book" ]; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q "jupyter-book<2" numpy matplotlib ipykernel
fi

# Swift twins of the peer notebooks; each prints its own number, so no two share a cache entry.
twins=$(mktemp -d)
mkdir -p "$twins/notebooks"
for i in $(seq 1 10); do
  cat > "$twins/notebooks/nb$i.md" <<MD
---
title: Notebook $i
---

# Notebook $i

Some prose with **bold** and a list:

- one
- two

\`\`\`swift
let x = (0..<1000).map { -Double.pi + 2 * Double.pi * Double(\$0) / 999 }
let y = x.map { sin(\$0) + sin(3 * \$0) + sin(5 * \$0) }
print("notebook $i:", y.reduce(0, +))
\`\`\`

\`\`\`swift
let fig = Figure(width: 432, height: 288)
try fig.axes.line(x: x, y: y, label: "target")
try show(fig)
\`\`\`

\`\`\`swift
let s = try RealFFTPlan(count: y.count).forward(y).magnitudes
print(s.indices.max { s[\$0] < s[\$1] }!)
\`\`\`
MD
done

ms() { local s=$(date +%s%N); "$@" >/dev/null 2>&1; echo $(( ($(date +%s%N) - s) / 1000000 )); }
specbook_round() {
  local work; work=$(mktemp -d); cp -r "$twins/notebooks" "$work/"
  local bin=$PWD/.build/release/specbook
  local cold warm edit
  cold=$(cd "$work" && ms "$bin" build -q)
  warm=$(cd "$work" && ms "$bin" build -q)
  sed -i 's/print(s.indices.max { s\[\$0\] < s\[\$1\] }!)/print(s.indices.max { s[$0] < s[$1] }! + 0)/' "$work/notebooks/nb3.md"
  edit=$(cd "$work" && ms "$bin" build -q)
  grep -q 'failed' "$work/site/index.html" && { echo "specbook build failed" >&2; exit 1; }
  rm -rf "$work"
  echo "$cold $warm $edit"
}
jb_round() {
  local out; out=$(bash "$peers/jupyter-book-trivial.sh" "$venv")
  echo "$(echo "$out" | awk '/^cold/ {print $2}') $(echo "$out" | awk '/^warm/ {print $2}') $(echo "$out" | awk '/^one-code-edit/ {print $2}')"
}

# A real notebook of the report: fill the cache once, then time rebuilds after an edit to the last block.
late=$(mktemp -d)
mkdir -p "$late/notebooks"
cp notebooks/frequency-principle.md "$late/notebooks/"
cp references.bib "$late/" 2>/dev/null || true
bin_abs=$PWD/.build/release/specbook
(cd "$late" && "$bin_abs" build -q -P profile=quick >/dev/null 2>&1)
late_round() {
  python3 - "$late/notebooks/frequency-principle.md" "$1" <<'PY'
import sys
path, tag = sys.argv[1], sys.argv[2]
text = open(path).read()
start = text.rfind("```swift")
end = text.find("\n```", start + 8)
open(path, "w").write(text[:end] + f"\n// edit {tag}" + text[end:])
PY
  (cd "$late" && ms "$bin_abs" build -q -P profile=quick)
}

sb=(); jb=(); lt=()
for r in $(seq 1 "$rounds"); do
  sb+=("$(specbook_round)"); jb+=("$(jb_round)"); lt+=("$(late_round "$r")")
  echo "round $r: specbook ${sb[-1]} ms, jupyter-book ${jb[-1]} ms (cold warm edit), late edit ${lt[-1]} ms" >&2
done
echo "RESULT edit_late_ms=$(printf '%s\n' "${lt[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')"
rm -rf "$late"
python3 - "${sb[@]}" -- "${jb[@]}" <<'PY'
import statistics, sys
args = sys.argv[1:]; cut = args.index("--")
sb = [list(map(float, a.split())) for a in args[:cut]]
jb = [list(map(float, a.split())) for a in args[cut + 1:]]
for i, key in enumerate(["cold", "warm", "edit"]):
    s = statistics.median(r[i] for r in sb); j = statistics.median(r[i] for r in jb)
    print(f"RESULT specbook_{key}_ms={s:.0f}")
    print(f"RESULT jupyterbook_{key}_ms={j:.0f}")
for i, key in enumerate(["cold", "warm", "edit"]):
    s = statistics.median(r[i] for r in sb); j = statistics.median(r[i] for r in jb)
    print(f"RESULT {key}_ratio={s / j:.3f}")
PY
rm -rf "$twins"
