#!/usr/bin/env bash
# Figures benchmark: the same 3-panel figure (2000-point lines with a legend, a 1000-point log-log
# spectrum, a 200x200 heat map with a colour bar), written as PNG at 2x and SVG, by Specbook
# (Cairo) and by matplotlib (Agg), in interleaved rounds. Prints RESULT lines; the ratio is
# matplotlib time / Specbook time, medians over rounds.
#
#   bench/figures.sh [ROUNDS] [ITERATIONS]     (defaults 5 and 10)
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${1:-5}
ITERATIONS=${2:-10}
VENV=bench/.venv
WORK=bench/.work/figures
mkdir -p "$WORK"

if ! "$VENV/bin/python" -c "import matplotlib, numpy" 2>/dev/null; then
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install --quiet matplotlib numpy
fi
swift build -c release --product specbook-bench >/dev/null
BENCH=.build/release/specbook-bench

cat > "$WORK/figures_matplotlib.py" <<'PY'
import sys, time
import numpy as np
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt

def build():
    fig, (lines, spectrum, heat) = plt.subplots(1, 3, figsize=(15, 4.5), layout="constrained")
    fig.suptitle("Figures benchmark")
    x = np.linspace(0, 10, 2000)
    lines.plot(x, np.sin(2 * np.pi * 0.5 * x) + 0.3 * np.sin(2 * np.pi * 3 * x), label="target")
    lines.plot(x, np.sin(2 * np.pi * 0.5 * x), "--", label="network")
    lines.legend()
    lines.set(title="Fit", xlabel="x", ylabel="h(x)")
    k = np.arange(1, 1001, dtype=float)
    spectrum.loglog(k, (1 + 0.5 * np.sin(k)) / k**2, label="|r̂(k)|")
    spectrum.legend()
    spectrum.set(title="Spectrum", xlabel="frequency k", ylabel="amplitude")
    f, e = np.meshgrid(np.arange(200), np.arange(200), indexing="ij")
    image = heat.imshow(np.exp(-e / (1 + f / 4)), origin="lower", cmap="viridis", aspect="auto")
    fig.colorbar(image, ax=heat, label="relative error")
    heat.set(title="Error by epoch and frequency", xlabel="epoch", ylabel="frequency")
    return fig

out, iterations = sys.argv[1], int(sys.argv[2])
times = []
for _ in range(iterations):
    start = time.perf_counter()
    fig = build()
    fig.savefig(f"{out}/figures.png", dpi=200)   # 15 x 4.5 in at 200 dpi = 3000 x 900 px, as Swift's 1500 x 450 pt at 2x
    fig.savefig(f"{out}/figures.svg")
    plt.close(fig)
    times.append((time.perf_counter() - start) * 1000)
print(f"matplotlib_ms={sorted(times)[len(times) // 2]:.2f}")
PY

swift_times=()
mpl_times=()
for round in $(seq "$ROUNDS"); do
    s=$("$BENCH" figures --iterations "$ITERATIONS" --out "$WORK" | sed -n 's/^swift_ms=\([0-9.]*\).*/\1/p')
    m=$("$VENV/bin/python" "$WORK/figures_matplotlib.py" "$WORK" "$ITERATIONS" | sed -n 's/^matplotlib_ms=//p')
    echo "round $round: swift ${s} ms, matplotlib ${m} ms" >&2
    swift_times+=("$s")
    mpl_times+=("$m")
done

median() { printf '%s\n' "$@" | sort -g | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2}'; }
swift_ms=$(median "${swift_times[@]}")
mpl_ms=$(median "${mpl_times[@]}")
echo "RESULT swift_ms=$swift_ms"
echo "RESULT matplotlib_ms=$mpl_ms"
echo "RESULT ratio_vs_matplotlib=$(awk -v m="$mpl_ms" -v s="$swift_ms" 'BEGIN {printf "%.1f", m / s}')"
