#!/usr/bin/env bash
# Starts a one-node Slurm cluster from Debian's packages (munged, slurmctld and slurmd, as root, from a slurm.conf
# this script writes: no cgroups, no systemd), submits a sharded build of Tests/Fixtures/sweep through
# `specbook slurm --shards 2`, waits for it, and checks that the assembled site's values, checks and figures are
# byte-identical to a local single-process build. Stops the daemons by PID. Ends with `N passed, M failed`.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
specbook=$root/.build/release/specbook
[ -x "$specbook" ] || swift build -c release

work=$(mktemp -d /tmp/specbook-slurm.XXXXXX)
passed=0; failed=0
check() { if eval "$2"; then echo "ok   $1"; passed=$((passed + 1)); else echo "FAIL $1"; failed=$((failed + 1)); fi; }
trap 'scripts/slurm-cluster.sh stop "$work/cluster-state"' EXIT
export SLURM_CONF=$work/cluster-state/slurm.conf
scripts/slurm-cluster.sh start "$work/cluster-state" && state=$(sinfo -h -o %t) || state=""
check "one-node cluster is up (sinfo: ${state:-none})" '[ "$state" = idle ]'

# The same fixture twice: built locally in one process, and through the cluster in two shards.
cp -r Tests/Fixtures/sweep "$work/local"
cp -r Tests/Fixtures/sweep "$work/cluster"
(cd "$work/local" && "$specbook" build --jobs 1 -q --strict) >"$work/local.log" 2>&1
check "local build" '[ -f "$work/local/site/manifest.json" ]'

(cd "$work/cluster" && "$specbook" slurm --shards 2) >"$work/submit.log" 2>&1 || true
cat "$work/submit.log"
site_job=$(sed -n 's/.*the site builds in job \([0-9]*\).*/\1/p' "$work/submit.log")
array_job=$(sed -n 's/.*as job \([0-9]*\) .*/\1/p' "$work/submit.log")
check "specbook slurm submitted the shard array and the site job" '[ -n "$site_job" ] && [ -n "$array_job" ]'
for _ in $(seq 1 300); do
  [ -z "$(squeue -h 2>/dev/null)" ] && break
  sleep 1
done
check "every job finished" '[ -z "$(squeue -h 2>/dev/null)" ]'
logs=$work/cluster/.specbook-cache/slurm
for log in "$logs"/shard-0.log "$logs"/shard-1.log "$logs"/site.log; do echo "--- $(basename "$log")"; cat "$log" 2>/dev/null || true; done
check "each shard computed its share" 'grep -q "shard 0/2: " "$logs/shard-0.log" && grep -q "shard 1/2: " "$logs/shard-1.log"'
computed=$(ls "$work/cluster/computed" 2>/dev/null | wc -l)
check "the site was assembled, each of the 6 sweep points computed once on the cluster ($computed)" \
  '[ -f "$work/cluster/site/manifest.json" ] && [ "$computed" -eq 6 ]'

python3 - "$work/local/site" "$work/cluster/site" > "$work/compare.txt" <<'PY' || true
import json, sys, pathlib
local, cluster = (pathlib.Path(p) for p in sys.argv[1:3])
def facts(site):
    manifest = json.loads((site / "manifest.json").read_text())
    return {n["name"]: (n["values"], [(c["name"], c["verdict"], c["measured"]) for c in n["checks"]]) for n in manifest["notebooks"]}
problems = []
if facts(local) != facts(cluster):
    problems.append("values or checks differ")
figures = sorted(p.relative_to(local) for p in (local / "assets").rglob("*") if p.suffix in (".png", ".svg"))
for figure in figures:
    if not (cluster / figure).exists() or (local / figure).read_bytes() != (cluster / figure).read_bytes():
        problems.append(f"figure {figure} differs")
print(f"{len(figures)} figures compared; " + ("; ".join(problems) if problems else "identical"))
PY
cat "$work/compare.txt"
check "values, checks and figures identical to the local build" 'grep -q "identical" "$work/compare.txt" && ! grep -q "^0 figures" "$work/compare.txt"'

scripts/slurm-cluster.sh stop "$work/cluster-state"
trap - EXIT
rm -rf "$work"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
