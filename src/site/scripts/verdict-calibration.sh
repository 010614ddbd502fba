#!/usr/bin/env bash
# Measures how often the verdict cries wolf, and writes the guide's page of those numbers,
# src/site/markdown/generated/verdict-calibration.md, so that no number of it is typed by hand.
#
#  1. The new user's experiment of issue 22: `qtm run scenarios/reset-paper.yaml --trajectories 40000 --seed S`
#     for S = 1..16, both engines (before the fix 2 of these 32 engine runs said `not converged`).
#  2. VerdictCalibrationTest's own tallies over 300 seeds of small ensembles (its printed lines).
#
# Usage: bash src/site/scripts/verdict-calibration.sh   (from anywhere; about four minutes on two cores)
set -euo pipefail
cd "$(dirname "$0")/../../.."
out=src/site/markdown/generated/verdict-calibration.md
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

mvn -B -q package -DskipTests -Dasciidoctor.skip >/dev/null
runs=0
alarms=0
rows=""
for s in $(seq 1 16); do
  target/qtm run scenarios/reset-paper.yaml --trajectories 40000 --seed "$s" --threads 2 --out "$work/s$s" \
    > "$work/s$s.log"
  while IFS= read -r line; do
    engine=${line%%:*}
    z=$(sed -n 's/.*max|z|=\([0-9.]*\).*/\1/p' <<<"$line")
    p=$(sed -n 's/.*, p=\([^,]*\),.*/\1/p' <<<"$line")
    verdict=$(sed 's/.*, p=[^,]*, //' <<<"$line")
    runs=$((runs + 1))
    case "$verdict" in not*) alarms=$((alarms + 1)) ;; esac
    rows+="| $s | $engine | $z | $p | $verdict |"$'\n'
  done < <(grep -E '^(trajectories|collision): N=' "$work/s$s.log")
done

mvn -B test -Dtest=VerdictCalibrationTest -Dsurefire.failIfNoSpecifiedTests=false > "$work/calibration.log"
calibration=$(grep -E 'calibration: ' "$work/calibration.log" | sed 's/^/- /')

{
  echo "# Measured: how often the verdict cries wolf"
  echo
  echo "Written by \`src/site/scripts/verdict-calibration.sh\` at commit \`$(git rev-parse --short HEAD)\`;"
  echo "run it again to refresh every number on this page. What the numbers mean:"
  echo "[How the verdict judges](../engines-and-error-bars.md#how-the-verdict-judges)."
  echo
  echo "## The reset-paper scenario, 40,000 trajectories, seeds 1 to 16"
  echo
  echo "$alarms of $runs engine runs said \`not converged\`; both engines are right, so each of those would be a false"
  echo "alarm (the verdict's level allows about 2 × 0.001 per engine run)."
  echo
  echo "| seed | engine | max abs z | χ² p | verdict |"
  echo "|---|---|---|---|---|"
  printf '%s' "$rows"
  echo
  echo "## VerdictCalibrationTest: 300 seeds of ensembles of 100 to 2,000 trajectories"
  echo
  echo "Fractions of p-values below 0.01 and 0.05 (a uniform p-value gives 3 and 15 of 300), and the runs that said"
  echo "\`not converged\`:"
  echo
  echo "$calibration"
} > "$out"
echo "wrote $out"
