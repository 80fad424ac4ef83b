#!/usr/bin/env bash
# The reference MLP training workload, Specbook (Swift) against its numpy, PyTorch and JAX peers:
# a 1-200-200-100-1 tanh MLP, full batch of 1000 points of sin(x)+sin(3x)+sin(5x) on [-pi, pi],
# Adam lr 1e-3, float32 (../shared/peers/mlp_numpy_torch.py and mlp_jax.py). JAX runs in two modes: `step` (one
# jitted Adam step per Python call) and `loop` (the whole loop in one jitted fori_loop); ratio_vs_jax is against
# the faster. Rounds are interleaved and the RESULT lines are medians over rounds, since timings here vary by up
# to 25% run to run.
#
# Usage, from the project root:  bench/mlp.sh [ROUNDS] [STEPS]     (defaults: 7 rounds, 400 steps)
set -euo pipefail
cd "$(dirname "$0")/.."

rounds=${1:-7}
steps=${2:-400}
peer=../shared/peers/mlp_numpy_torch.py
jax_peer=../shared/peers/mlp_jax.py
venv=bench/.venv

for file in "$peer" "$jax_peer"; do
    [ -f "$file" ] || { echo "bench/mlp.sh: peer workload $file not found" >&2; exit 1; }
done

echo "== building specbook-bench (release)"
swift build -c release --product specbook-bench 2>&1 | tail -n 1
bench_bin=$(swift build -c release --show-bin-path)/specbook-bench

# The peers' Python environment: created once under bench/.venv (ignored by git), then reused.
if [ ! -x "$venv/bin/python" ]; then
    echo "== creating $venv"
    if ! python3 -m venv "$venv"; then
        # Debian's python3 lacks venv until python3-venv is installed.
        rm -rf "$venv"
        if command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
            apt-get update -qq && apt-get install -y -qq python3-venv >/dev/null
            python3 -m venv "$venv"
        else
            echo "bench/mlp.sh: cannot create a virtual environment (install python3-venv)" >&2; exit 1
        fi
    fi
    "$venv/bin/pip" install -q --upgrade pip
fi
"$venv/bin/python" -c 'import numpy' 2>/dev/null || "$venv/bin/pip" install -q numpy
have_torch=1
if ! "$venv/bin/python" -c 'import torch' 2>/dev/null; then
    # PyPI's torch is the CUDA build (about 3 GB with its dependencies); it runs on the CPU too.
    echo "== installing torch into $venv (once; about 3 GB)"
    "$venv/bin/pip" install -q torch || have_torch=0
fi
[ "$have_torch" = 1 ] || echo "NOTE: torch could not be installed into $venv: torch_steps_per_s and ratio_vs_torch are not measured"
have_jax=1
if ! "$venv/bin/python" -c 'import jax' 2>/dev/null; then
    # PyPI's jax with its CPU jaxlib (about 100 MB).
    echo "== installing jax into $venv (once)"
    "$venv/bin/pip" install -q jax || have_jax=0
fi
[ "$have_jax" = 1 ] || echo "NOTE: jax could not be installed into $venv: jax_*_steps_per_s and ratio_vs_jax are not measured"

# The environment may pin OPENBLAS_CORETYPE for the system OpenBLAS that Specbook links; the
# peers bring their own BLAS, so it is unset for the peer commands only.
echo "# $(date -u +%Y-%m-%dT%H:%MZ) load average $(cut -d' ' -f1-3 /proc/loadavg), OPENBLAS_NUM_THREADS=${OPENBLAS_NUM_THREADS:-default}"
echo "# OPENBLAS_CORETYPE for Swift: ${OPENBLAS_CORETYPE:-<unset>}; $(nproc) cores; $rounds rounds of $steps steps"
peer_run() { env -u OPENBLAS_CORETYPE "$venv/bin/python" "$peer" "$1" "$steps"; }
jax_run() { env -u OPENBLAS_CORETYPE "$venv/bin/python" "$jax_peer" "$1" "$steps"; }

swift_rates=() torch_rates=() numpy_rates=() gemm_rates=() outside_shares=() jax_step_rates=() jax_loop_rates=()
for round in $(seq 1 "$rounds"); do
    out=$("$bench_bin" mlp "$steps")
    swift_rates+=("$(awk '/^swift steps\/s/ {print $3}' <<<"$out")")
    gemm_rates+=("$(awk '/^gemm GFLOP\/s/ {print $3}' <<<"$out")")
    outside_shares+=("$(awk '/^outside GEMM/ {sub("%", "", $3); print $3}' <<<"$out")")
    line="round $round (load $(cut -d' ' -f1 /proc/loadavg)): $(head -n 1 <<<"$out")"
    if [ "$have_torch" = 1 ]; then
        t=$(peer_run torch)
        torch_rates+=("$(awk '{print $3}' <<<"$t")")
        line+=" | $t"
    fi
    n=$(peer_run numpy)
    numpy_rates+=("$(awk '{print $3}' <<<"$n")")
    line+=" | $n"
    if [ "$have_jax" = 1 ]; then
        js=$(jax_run step 2>/dev/null | tail -n 1)
        jl=$(jax_run loop 2>/dev/null | tail -n 1)
        jax_step_rates+=("$(awk '{print $3}' <<<"$js")")
        jax_loop_rates+=("$(awk '{print $3}' <<<"$jl")")
        line+=" | $js | $jl"
    fi
    echo "$line | $(sed -n 2p <<<"$out")"
done

best() { printf '%s\n' "$@" | sort -g | tail -n 1; }
median() { printf '%s\n' "$@" | sort -g | awk '{v[NR] = $1} END {if (NR % 2) print v[(NR + 1) / 2]; else printf "%.1f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2}'; }

swift=$(median "${swift_rates[@]}")
numpy=$(median "${numpy_rates[@]}")
echo "# load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
# On a machine shared with other builds, the best round approximates each side without contention.
bests="# best rounds: swift $(best "${swift_rates[@]}"), numpy $(best "${numpy_rates[@]}")"
[ "$have_torch" = 1 ] && bests+=", torch $(best "${torch_rates[@]}")"
[ "$have_jax" = 1 ] && bests+=", jax step $(best "${jax_step_rates[@]}"), jax loop $(best "${jax_loop_rates[@]}")"
echo "$bests steps/s"
echo "RESULT swift_steps_per_s=$swift"
if [ "$have_torch" = 1 ]; then
    torch=$(median "${torch_rates[@]}")
    echo "RESULT torch_steps_per_s=$torch"
fi
echo "RESULT numpy_steps_per_s=$numpy"
echo "RESULT gemm_gflops=$(median "${gemm_rates[@]}")"
echo "RESULT outside_gemm_percent=$(median "${outside_shares[@]}")"
echo "RESULT ratio_vs_numpy=$(awk -v a="$swift" -v b="$numpy" 'BEGIN {printf "%.2f", a / b}')"
if [ "$have_torch" = 1 ]; then
    echo "RESULT ratio_vs_torch=$(awk -v a="$swift" -v b="$torch" 'BEGIN {printf "%.2f", a / b}')"
fi
if [ "$have_jax" = 1 ]; then
    jax_step=$(median "${jax_step_rates[@]}")
    jax_loop=$(median "${jax_loop_rates[@]}")
    jax=$(printf '%s\n' "$jax_step" "$jax_loop" | sort -g | tail -n 1)
    echo "RESULT jax_step_steps_per_s=$jax_step"
    echo "RESULT jax_loop_steps_per_s=$jax_loop"
    echo "RESULT jax_steps_per_s=$jax"
    echo "RESULT ratio_vs_jax=$(awk -v a="$swift" -v b="$jax" 'BEGIN {printf "%.2f", a / b}')"
fi
