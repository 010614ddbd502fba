#!/usr/bin/env bash
# Measures the speed figures of the guide's "Speed" section and writes src/site/markdown/generated/speed.md, so that
# no rate or ratio in the guide is typed by hand. Each figure is `qtm bench` (medians over its runs, in one process),
# taken ROUNDS times in one sitting; only ratios within a sitting mean much on a shared machine.
#
#  - engine / hand-written baseline, reset-paper and flux-optimum (`bench --baseline`);
#  - collision engine (Δt = 1) / quantum jumps on reset-paper (two `bench` calls in turn);
#  - parallel efficiency on 2 threads (`bench --scaling`).
#
# Usage: bash src/site/scripts/speed.sh [ROUNDS]   (default 3; a few minutes on two cores; run it on an idle machine)
set -euo pipefail
cd "$(dirname "$0")/../../.."
rounds=${1:-3}
out=src/site/markdown/generated/speed.md
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mvn -B -q package -DskipTests -Dasciidoctor.skip >/dev/null
commit=$(git rev-parse --short HEAD)

# Prints one field of a JSON document (numbers only, the first occurrence).
field() {
  python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); k=sys.argv[2].split("."); 
for p in k: d = d[int(p)] if p.isdigit() else d[p]
print(d)' "$1" "$2"
}
bench() {
  java -jar target/qtm.jar bench --json "$@"
}
fmt() {
  python3 -c 'import sys; x=float(sys.argv[1]); print(f"{x:.2f}" if x < 100 else f"{x:,.0f}")' "$1"
}

declare -a resetRatio fluxRatio collRatio eff resetRate baseRate fluxRate collRate
for r in $(seq 1 "$rounds"); do
  bench --baseline --runs 11 --trajectories 10000 > "$work/reset.json"
  bench --baseline --model flux --runs 11 --trajectories 10000 > "$work/flux.json"
  bench --engine collision --runs 5 --trajectories 5000 > "$work/coll.json"
  bench --runs 5 --trajectories 5000 > "$work/jumps.json"
  bench --scaling --threads 2 --runs 3 --trajectories 20000 > "$work/scaling.json"
  resetRatio+=("$(fmt "$(field "$work/reset.json" ratio)")")
  fluxRatio+=("$(fmt "$(field "$work/flux.json" ratio)")")
  collRatio+=("$(fmt "$(python3 -c 'import sys; print(float(sys.argv[1]) / float(sys.argv[2]))' \
    "$(field "$work/coll.json" trajectories_per_second_per_core)" \
    "$(field "$work/jumps.json" trajectories_per_second_per_core)")")")
  eff+=("$(fmt "$(field "$work/scaling.json" threads.1.efficiency)")")
  resetRate+=("$(fmt "$(field "$work/reset.json" trajectories_per_second_per_core)")")
  baseRate+=("$(fmt "$(field "$work/reset.json" baseline_trajectories_per_second_per_core)")")
  fluxRate+=("$(fmt "$(field "$work/flux.json" trajectories_per_second_per_core)")")
  collRate+=("$(fmt "$(field "$work/coll.json" trajectories_per_second_per_core)")")
done
row() {
  local label=$1
  shift
  printf '| %s |' "$label"
  for v in "$@"; do printf ' %s |' "$v"; done
  echo
}
{
  echo "# Measured: speed"
  echo
  echo "Written by \`src/site/scripts/speed.sh\` at commit \`$commit\` on $(date -u +%Y-%m-%d), $(nproc) cores, $rounds"
  echo "rounds in one sitting; run it again, on an idle machine, to refresh every number on this page. What the"
  echo "figures mean: [Engines and error bars, Speed](../engines-and-error-bars.md#speed)."
  echo
  printf '| what (medians of each round) |'
  for r in $(seq 1 "$rounds"); do printf ' round %s |' "$r"; done
  echo
  printf '|---|'
  for r in $(seq 1 "$rounds"); do printf -- '---|'; done
  echo
  row "reset-paper: engine / baseline (\`bench --baseline --runs 11 --trajectories 10000\`)" "${resetRatio[@]}"
  row "flux-optimum: engine / baseline (same, \`--model flux\`)" "${fluxRatio[@]}"
  row "reset-paper, Δt = 1: collision / quantum jumps (\`bench [--engine collision] --runs 5 --trajectories 5000\`)" "${collRatio[@]}"
  row "parallel efficiency on 2 threads (\`bench --scaling --threads 2 --runs 3 --trajectories 20000\`)" "${eff[@]}"
  row "jump engine, reset-paper, trajectories/s per core" "${resetRate[@]}"
  row "hand-written baseline, reset-paper, trajectories/s per core" "${baseRate[@]}"
  row "jump engine, flux-optimum, trajectories/s per core" "${fluxRate[@]}"
  row "collision engine, reset-paper, Δt = 1, trajectories/s per core" "${collRate[@]}"
} > "$out"
echo "wrote $out"
