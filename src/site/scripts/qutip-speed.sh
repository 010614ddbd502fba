#!/usr/bin/env bash
# Trajectories per second on one core of qtm's general jump engine against QuTiP 5.3's mcsolve, on the three-qubit
# chain c-m-h (d = 8) from |000> with 21 points on [0, 2000] (issue 24's speed clause: at least 500x, goal 1000x),
# and writes src/site/markdown/generated/qutip-speed.md.
#
#  - qtm: the JMH benchmark qtm.engine.MachineEngineBenchmark with -p target=chain-general (one thread, 3 x 1 s
#    warm-up, 5 x 1 s measurement, a fresh JVM per run; every grid state goes to a Blackhole).
#  - QuTiP: src/site/scripts/qutip_speed.py, mcsolve on the same machine built from the issue's words, default
#    tolerances and method, the serial map, e_ops = the three site populations; K trajectories per run after an
#    untimed warm-up of 20, timed by the wall clock.
#  - The two alternate, run by run, in one sitting and pinned to the same core (taskset, and OMP/OpenBLAS/MKL
#    threads = 1), so that a load that comes and goes on a shared machine falls on both; the medians are compared.
#  - Before timing: QuTiP's model is checked against qtm's H and jump operators (printed by the test class
#    qtm.engine.ChainReference) and mesolve against qtm's exact transient (qtm.exact.MachineExact, to 1e-8); after:
#    the mean site populations at t = 2000 of all timed QuTiP trajectories against the same exact values.
#
# QuTiP is installed with pip into a virtual environment OUTSIDE the repository ($QTM_QUTIP_VENV, default
# ~/.cache/qtm-qutip-venv; made on first use, it needs PyPI then). It is never part of the Maven build or the tests.
# Usage: bash src/site/scripts/qutip-speed.sh [RUNS] [K]   (default 5 runs of K = 1200 QuTiP trajectories, each some
# 15-35 s on one core; a few minutes in all; run it on an idle machine). QTM_CPU picks the core (default the last).
set -euo pipefail
cd "$(dirname "$0")/../../.."
runs=${1:-5}
k=${2:-1200}
venv=${QTM_QUTIP_VENV:-$HOME/.cache/qtm-qutip-venv}
out=src/site/markdown/generated/qutip-speed.md
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
case "$(realpath -m "$venv")/" in
  "$(pwd)"/*) echo "qutip-speed.sh: the virtual environment $venv must lie outside the repository" >&2; exit 2 ;;
esac
if [ ! -x "$venv/bin/python" ] || ! "$venv/bin/python" -c 'import qutip, sys; sys.exit(qutip.__version__ != "5.3.1")' 2>/dev/null; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q qutip==5.3.1
fi
# Before the exports: GNU nproc obeys OMP_NUM_THREADS.
cores=$(nproc)
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1 PYTHONWARNINGS=ignore
cpu=${QTM_CPU:-$((cores - 1))}
pin=()
if command -v taskset > /dev/null; then
  pin=(taskset -c "$cpu")
fi

mvn -B -q -o test-compile
# The plugin version is pinned: the default one (2.8) is not in an offline repository.
mvn -B -q -o org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$work/cp.txt" > /dev/null
cp="target/test-classes:target/classes:$(cat "$work/cp.txt")"
commit=$(git rev-parse --short HEAD)
dirty=$(git status --porcelain --untracked-files=no | grep -q . && echo " (with uncommitted changes)" || true)

cut -d' ' -f1-3 /proc/loadavg > "$work/load-before" 2>/dev/null || echo unknown > "$work/load-before"
java -cp "$cp" qtm.engine.ChainReference > "$work/reference.json"
"$venv/bin/python" src/site/scripts/qutip_speed.py check --reference "$work/reference.json" --out "$work/check.json"
for i in $(seq 1 "$runs"); do
  # Another JMH on this machine holds /tmp/jmh.lock: wait for it (up to 10 min) rather than measure beside it.
  for wait in $(seq 1 20); do
    if "${pin[@]}" java -cp "$cp" org.openjdk.jmh.Main 'qtm.engine.MachineEngineBenchmark' -p target=chain-general \
      -rf json -rff "$work/qtm$i.json" > "$work/qtm$i.log" 2>&1; then
      break
    fi
    grep -q 'Unable to acquire the JMH lock' "$work/qtm$i.log" && [ "$wait" -lt 20 ] || { tail -30 "$work/qtm$i.log"; exit 1; }
    echo "another JMH is running; waiting 30 s" >&2
    sleep 30
  done
  python3 -c 'import json,sys; s = json.load(open(sys.argv[1]))[0]["primaryMetric"]["score"]; print(f"qtm run {sys.argv[2]}: {s:.0f} traj/s")' \
    "$work/qtm$i.json" "$i"
  "${pin[@]}" "$venv/bin/python" src/site/scripts/qutip_speed.py run --trajectories "$k" --seed "$i" \
    --out "$work/qutip$i.json"
done
files=()
for i in $(seq 1 "$runs"); do files+=("$work/qutip$i.json"); done
"$venv/bin/python" src/site/scripts/qutip_speed.py pool --reference "$work/reference.json" --out "$work/pool.json" \
  "${files[@]}"

cut -d' ' -f1-3 /proc/loadavg > "$work/load-after" 2>/dev/null || echo unknown > "$work/load-after"
java_version=$(java -version 2>&1 | head -1)
python3 - "$work" "$runs" "$commit$dirty" "$cores" "${pin[*]:-not pinned}" "$java_version" "$(uname -m)" \
  "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')" "$k" > "$out" <<'PY'
import datetime, json, statistics, sys
work, runs, commit, nproc, pin, java, arch, cpu, k = sys.argv[1:]
runs = int(runs)
check = json.load(open(f"{work}/check.json"))
pool = json.load(open(f"{work}/pool.json"))
qtm = [json.load(open(f"{work}/qtm{i}.json"))[0]["primaryMetric"] for i in range(1, runs + 1)]
qutip = [json.load(open(f"{work}/qutip{i}.json")) for i in range(1, runs + 1)]
mq = statistics.median(r["score"] for r in qtm)
mp = statistics.median(r["rate"] for r in qutip)
ratio = mq / mp
load = [open(f"{work}/load-{w}").read().strip() for w in ("before", "after")]
yes = lambda b: "yes" if b else "**no**"
p = print
p("# Measured: speed against QuTiP's mcsolve")
p()
p(f"Written by `src/site/scripts/qutip-speed.sh` at commit `{commit}` on {datetime.date.today()} "
  f"(UTC {datetime.datetime.utcnow():%H:%M}), on a machine with {nproc} cores ({cpu}, {arch}); {runs} runs of each "
  "side, alternating, in one sitting. The machine is shared: other jobs may have run at the same time and lowered "
  f"either side's figures (load averages over 1, 5 and 15 min: {load[0]} before, {load[1]} after, against {nproc} "
  "cores). Run the script again, on an idle machine, to refresh every number on this page. "
  "What is compared and why it is fair: [Machines, Speed against QuTiP](../machines.md#speed-against-qutip).")
p()
p("The case (issue 24's speed clause): the three-qubit chain c–m–h (d = 8, `TestMachines.benchChain()`: all gaps 1, "
  "exchange g = 1.6e-3 on c–m and m–h, a cold bosonic bath on c at T = 0 with γ = 1e-2, a hot one on h at T = 100 "
  "with γ = 1e-5, local approach) from |000⟩, 21 points on [0, 2000]; trajectories per second on one core, both "
  f"single-threaded, both pinned to the same core (`{pin}`).")
p()
p("| | qtm | QuTiP |")
p("|---|---|---|")
p(f"| what runs | JMH `qtm.engine.MachineEngineBenchmark -p target=chain-general` (one thread, 3 × 1 s warm-up, "
  f"5 × 1 s measurement, a fresh JVM per run; each grid state to a Blackhole) | `mcsolve` of QuTiP {check['qutip']} "
  f"(Python {check['python']}, NumPy {check['numpy']}, SciPy {check['scipy']}): default tolerances and method, "
  f"`options={{\"map\": \"serial\", \"progress_bar\": False}}`, e_ops = the three site populations, {k} trajectories "
  "per run after an untimed warm-up of 20, wall clock; OMP/OpenBLAS/MKL threads = 1 |")
p(f"| runtime | {java} | a virtual environment outside the repository |")
for i in range(runs):
    p(f"| run {i + 1}, trajectories/s | {qtm[i]['score']:,.0f} (± {qtm[i]['scoreError']:,.0f}, JMH's 99.9 % interval) "
      f"| {qutip[i]['rate']:.2f} ({qutip[i]['trajectories']} in {qutip[i]['seconds']:.1f} s; "
      f"ratio in this run {qtm[i]['score'] / qutip[i]['rate']:,.0f}×) |")
p(f"| **median, trajectories/s** | **{mq:,.0f}** | **{mp:.2f}** |")
p()
p(f"**Ratio of the medians, qtm / QuTiP: {ratio:,.0f}×.** At least 500× (the issue's floor): {yes(ratio >= 500)}. "
  f"At least 1,000× (its goal): {yes(ratio >= 1000)}.")
p()
p("Both simulate the same machine, checked in the same sitting before and after the timing:")
p()
p(f"- QuTiP's H and jump operators, built by `src/site/scripts/qutip_speed.py` from the issue's words, against qtm's "
  f"(printed by `qtm.engine.ChainReference`): largest |difference| {check['model_max_diff']:.1e} (qtm also lists the "
  "cold bath's raising channel, whose rate is 0 at T = 0; QuTiP is not given it).")
p(f"- QuTiP's `mesolve` (atol 1e-14, rtol 1e-12) against qtm's exact transient (`qtm.exact.MachineExact`) on the 21 "
  f"grid points: largest |difference| of the 8 populations {check['mesolve_max_diff']:.1e} (the check asks ≤ 1e-8).")
z = ", ".join(f"{s} {m:.4f} ± {e:.4f} (exact {x:.4f}, z = {zz:+.2f})"
              for s, m, e, x, zz in zip("cmh", pool["mean"], pool["se"], pool["exact"], pool["z"]))
p(f"- The mean site populations at t = 2000 of all {pool['trajectories']} timed QuTiP trajectories against qtm's "
  f"exact values (the check asks |z| ≤ 5): {z}.")
PY
echo "wrote $out"
