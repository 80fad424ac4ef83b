#!/usr/bin/env bash
# Sweep throughput: one notebook whose `sweep` measures 64 LFP points (a 2-D critical-rate fit over five cut-offs
# each, about a second of compute), built from an empty cache with --jobs 1, with --jobs 2, and through a one-node
# Slurm cluster in 2 shards (scripts/slurm-cluster.sh). Prints RESULT lines: wall times, the tasks' own compute (each
# point times itself), the overhead per task (process start, the code before the sweep, the cache write) against
# it, and the speed-up of 2 jobs over 1. Targets: overhead under 5% of a 1-second task; 2 jobs at least 1.8x faster.
# Usage (from the project root): bench/sweep.sh
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
swift build -c release >/dev/null
bin=$PWD/.build/release/specbook
work=$(mktemp -d /tmp/specbook-sweep-bench.XXXXXX)
mkdir -p "$work/project/notebooks"
cat > "$work/project/notebooks/sweep.md" <<'MD'
---
title: Sixty-four LFP points
seed: 11
---

```swift
var rng = SeededGenerator(seed: notebookSeed)
let points = try rng.points(count: 30, dimension: 2, minimumGap: 0.05, in: 0.1...0.9)
let values = (0..<30).map { _ in rng.uniform(-1, 1) }
let grid = (0..<64).map { 0.5 + 0.05 * Double($0) }
let fits = try sweep("fits", over: grid) { alpha -> [Double] in
    let start = Date()
    let fit = try LFPCriticalRate.measure(dimension: 2, alpha: alpha, cutoffs: [32, 64, 96, 128, 160], points: points,
                                          values: values, radius: 0.02, gridSize: 2048)
    return [Date().timeIntervalSince(start), fit.l2Exponent]
}
report("compute", fits.map { $0[0] }.reduce(0, +))
report("points", fits.count)
```
MD
ms() { local s=$(date +%s%N); "$@" >/dev/null 2>&1; echo $(( ($(date +%s%N) - s) / 1000000 )); }
value() { python3 -c "import json,sys; m=json.load(open(sys.argv[1])); print(m['notebooks'][0]['values'][sys.argv[2]])" "$1" "$2"; }
echo "# CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); $(nproc) cores" >&2

run_local() {
  local jobs=$1 dir=$work/jobs$1
  cp -r "$work/project" "$dir"
  local wall; wall=$(cd "$dir" && ms "$bin" build --jobs "$jobs" -q)
  echo "$wall $(value "$dir/site/manifest.json" compute)"
}
read -r wall1 compute1 <<<"$(run_local 1)"
read -r wall2 compute2 <<<"$(run_local 2)"

# Through the cluster: 2 shards (one core each), then the site job.
export SLURM_CONF=$work/cluster/slurm.conf
trap 'scripts/slurm-cluster.sh stop "$work/cluster"' EXIT
scripts/slurm-cluster.sh start "$work/cluster"
cp -r "$work/project" "$work/slurm"
start=$(date +%s%N)
(cd "$work/slurm" && "$bin" slurm --shards 2) >/dev/null
sleep 1
while [ -n "$(squeue -h)" ]; do sleep 0.2; done
wall_slurm=$(( ($(date +%s%N) - start) / 1000000 ))
[ -f "$work/slurm/site/manifest.json" ] || { echo "the cluster build left no site" >&2; exit 1; }

python3 - "$wall1" "$compute1" "$wall2" "$compute2" "$wall_slurm" <<'PY'
import sys
wall1, compute1, wall2, compute2, wall_slurm = map(float, sys.argv[1:])
points = 64
per_task = compute1 / points
overhead = (wall1 / 1000 - compute1) / points          # everything but the tasks' own compute, per task
print(f"RESULT jobs1_wall_s={wall1 / 1000:.1f}")
print(f"RESULT jobs2_wall_s={wall2 / 1000:.1f}")
print(f"RESULT slurm2_wall_s={wall_slurm / 1000:.1f}")
print(f"RESULT task_compute_s={per_task:.3f}")
print(f"RESULT task_overhead_ms={overhead * 1000:.0f}")
print(f"RESULT overhead_share={overhead / per_task:.3f}")
print(f"RESULT speedup_jobs2={wall1 / wall2:.2f}")
PY
scripts/slurm-cluster.sh stop "$work/cluster"
trap - EXIT
rm -rf "$work"
