#!/usr/bin/env bash
# Trajectories per second on one thread of the general jump engine (qtm.engine.MachineTrajectories, issue 24) against
# today's two-qubit engine (qtm.engine.JumpTrajectories) on the reset, flux and dqd presets (t in [0, 5000], 201
# points, from |00>; goal: the general path within 2x), and of the general engine on the three-qubit chain c-m-h
# (d = 8) from |000> with 21 points on [0, 2000], and there the collision engine at dt = 1 against it (issue 25: at
# least 0.5x). It runs the JMH benchmark qtm.engine.MachineEngineBenchmark with FORKS fresh JVMs per case (3 x 1 s
# warm-up and 3 x 1 s measurement each): on this shared machine one JVM's compiled code can run a case up to twice as
# fast as another's, so a case's figure is the median over its forks of each fork's mean, and each ratio is the ratio
# of two such medians. The forks are interleaved (round r runs fork r of every case in turn), so that a burst of load
# from another process lowers every case of a round alike instead of the cases that happen to run during it. It
# prints every fork's mean and, when it ran every case, writes them to
# src/site/markdown/generated/machine-engine-speed.md, so that no number of it is typed by hand.
#
# Offline; run it on an idle machine (another build on the same cores lowers every figure).
# Usage: bash src/site/scripts/machine-engine-speed.sh [FORKS [CASES]]
#   FORKS default 5 (about 6 s per case and fork); CASES a comma-separated subset of the benchmark's targets, such as
#   chain-general,chain-collision for issue 25's ratio alone (then the page is not written).
set -euo pipefail
cd "$(dirname "$0")/../../.."
forks=${1:-5}
subset=${2:-}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mvn -B -q -o test-compile
# The plugin version is pinned: the default one (2.8) is not in an offline repository.
mvn -B -q -o org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$work/cp.txt" > /dev/null
cp="target/test-classes:target/classes:$(cat "$work/cp.txt")"
bench() { java -cp "$cp" org.openjdk.jmh.Main 'qtm.engine.MachineEngineBenchmark' "$@"; }
# Every target, in the benchmark's order, from its parameter listing.
all=$(bench -lp | sed -n 's/.*"target" = {\(.*\)}.*/\1/p' | tr -d ' ')
cases=${subset:-$all}
for ((r = 1; r <= forks; r++)); do
  for c in ${cases//,/ }; do
    bench -p target="$c" -f 1 -wi 3 -w 1 -i 3 -r 1 -rf json -rff "$work/$c-$r.json" > "$work/run.log" 2>&1 \
      || { tail -30 "$work/run.log"; exit 1; }
  done
done
commit=$(git rev-parse --short HEAD)
python3 - "$work" "$forks" "$commit" "$(nproc)" "$(cat /proc/loadavg | cut -d' ' -f1-3)" "$cases" "$all" <<'PY'
import datetime, json, statistics, sys
work, forks, commit, cores, load = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4], sys.argv[5]
cases, every = sys.argv[6].split(","), sys.argv[7].split(",")
scores = {c: [statistics.mean(json.load(open(f"{work}/{c}-{r}.json"))[0]["primaryMetric"]["rawData"][0])
              for r in range(1, forks + 1)] for c in cases}
med = {case: statistics.median(s) for case, s in scores.items()}
lines = ["# Measured: the general jump engine against the two-qubit one", "",
         f"Written by `src/site/scripts/machine-engine-speed.sh` at commit `{commit}` on "
         f"{datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d}, {cores} cores, in one sitting: JMH "
         f"`qtm.engine.MachineEngineBenchmark`, one thread, {forks} fresh JVMs per case, interleaved across the cases, "
         "each 3 x 1 s warm-up and "
         "3 x 1 s measurement; a case's figure is the median over its JVMs of each one's mean (one JVM's compiled "
         "code can run a case up to twice as fast as another's here); load "
         f"average {load} at the end (the machine is shared). Run it again, on an idle machine, to refresh every number "
         "on this page. What it measures: [Machines, Monte Carlo on a machine](../machines.md#monte-carlo-on-a-machine-qtm-run).",
         "", "| case | median trajectories/s | each JVM's mean |", "|---|---|---|"]
for case, s in scores.items():
    lines.append(f"| {case} | {med[case]:,.0f} | " + ", ".join(f"{x:,.0f}" for x in s) + " |")
presets = []
for model in ("reset", "flux", "dqd"):
    t, g = med.get(model + "-today"), med.get(model + "-general")
    if t and g:
        presets.append(f"| {model} | {t / g:.2f} | {'yes' if t / g <= 2 else 'no'} |")
if presets:
    lines += ["", "| preset | today / general (ratio of the medians) | within 2x |", "|---|---|---|"] + presets
c, j = med.get("chain-collision"), med.get("chain-general")
if c and j:
    # Issue 25: the collision engine at dt = 1 on the three-qubit chain at least half the jump engine's rate.
    lines += ["", "| three-qubit chain | collision (dt = 1) / jump engine | at least 0.5 |", "|---|---|---|",
              f"| c-m-h | {c / j:.2f} | {'yes' if c / j >= 0.5 else 'no'} |"]
lines += ["", "---", "", "[Guide contents](../index.md) · [Machines](../machines.md)", ""]
if cases == every:
    open("src/site/markdown/generated/machine-engine-speed.md", "w").write("\n".join(lines))
print("\n".join(lines))
PY
