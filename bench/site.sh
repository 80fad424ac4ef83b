#!/usr/bin/env bash
# Site build speed: Specbook vs Jupyter Book 1.x on 10 trivial notebooks (prose, three blocks, one figure each).
# Prints RESULT lines: cold, warm (nothing changed) and one-code-edit build times, and their ratios
# (Specbook time / Jupyter Book time; lower is better). Medians of interleaved rounds.
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

sb=(); jb=()
for r in $(seq 1 "$rounds"); do
  sb+=("$(specbook_round)"); jb+=("$(jb_round)")
  echo "round $r: specbook ${sb[-1]} ms, jupyter-book ${jb[-1]} ms (cold warm edit)" >&2
done
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
