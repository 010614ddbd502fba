#!/usr/bin/env bash
# Times the test suite and writes the guide's page of those numbers, src/site/markdown/generated/suite-times.md,
# so that no time or test count in the README or the guide is typed by hand.
#
# On a clean clone of HEAD (nothing of this checkout's target/ is reused), offline:
#  1. `mvn -B -o verify`, the README's test command, RUNS times from an empty target/ (the whole build each time);
#  2. `mvn -B -o test -DexcludedGroups=slow`, the fast loop, RUNS times on the compiled tree (the edit–test loop).
# It reports each run, the median, and what the last verify ran and skipped (from surefire's and failsafe's
# reports). Run it on an idle machine: a second build on two cores doubles every figure.
#
# Usage: bash src/site/scripts/suite-times.sh [RUNS]   (default 3; about 25 minutes on two cores)
set -euo pipefail
cd "$(dirname "$0")/../../.."
runs=${1:-3}
out=$PWD/src/site/markdown/generated/suite-times.md
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
git clone -q "$PWD" "$work/tree"
commit=$(git -C "$work/tree" rev-parse --short HEAD)

# Prints the seconds a command took; fails the script if it fails.
timed() {
  local start end
  start=$(date +%s.%N)
  "$@" > "$work/last.log" 2>&1 || { tail -40 "$work/last.log"; echo "failed: $*" >&2; exit 1; }
  end=$(date +%s.%N)
  echo "$end - $start" | bc
}

median() {
  sort -n | awk '{a[NR] = $1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'
}

minutes() {
  awk -v s="$1" 'BEGIN {printf "%d:%02d", s / 60, s % 60}'
}

cd "$work/tree"
verify=()
for i in $(seq 1 "$runs"); do
  rm -rf target
  verify+=("$(timed mvn -B -o verify)")
done
# What the last verify ran: every suite's tests and skips, surefire's (test phase) and failsafe's (after package).
count() {
  { grep -h -o "<testsuite [^>]*" "$@" 2>/dev/null || true; } | { grep -o " $attr=\"[0-9]*\"" || true; } \
    | tr -dc '0-9\n' | awk '{t += $1} END {print t + 0}'
}
reports=(target/surefire-reports/TEST-*.xml target/failsafe-reports/TEST-*.xml)
tests=$(attr=tests count "${reports[@]}")
skipped=$(attr=skipped count "${reports[@]}")
# A skip's reason is the first line of its TestAbortedException (JUnit's Assumptions), cut to one line.
skips=$({ grep -h -o 'TestAbortedException: .*' target/surefire-reports/TEST-*.xml \
  target/failsafe-reports/TEST-*.xml 2>/dev/null || true; } | sed 's/^TestAbortedException: //; s/]]>.*//' | cut -c1-160 \
  | sort | uniq -c | sed 's/^ *//')
fast=()
for i in $(seq 1 "$runs"); do
  fast+=("$(timed mvn -B -o test -DexcludedGroups=slow)")
done
fastTests=$(attr=tests count target/surefire-reports/TEST-*.xml)
vMedian=$(printf '%s\n' "${verify[@]}" | median)
fMedian=$(printf '%s\n' "${fast[@]}" | median)

{
  echo "# Measured: how long the suite takes"
  echo
  echo "Written by \`src/site/scripts/suite-times.sh\` at commit \`$commit\` on $(date -u +%Y-%m-%d), $(nproc) cores;"
  echo "run it again, on an idle machine, to refresh every number on this page. What the two commands are:"
  echo "[Testing](../testing.md)."
  echo
  echo "| command | runs (m:ss) | median |"
  echo "|---|---|---|"
  echo "| \`mvn -B verify\` (from an empty \`target/\`) | $(for s in "${verify[@]}"; do printf '%s ' "$(minutes "$s")"; done)| **$(minutes "$vMedian")** |"
  echo "| \`mvn -B test -DexcludedGroups=slow\` (compiled tree) | $(for s in "${fast[@]}"; do printf '%s ' "$(minutes "$s")"; done)| **$(minutes "$fMedian")** |"
  echo
  echo "The last \`verify\` ran $tests tests, $skipped of them skipped; the fast loop ran $fastTests."
  if [ -n "$skips" ]; then
    echo "Skipped, with the reason each gives (count, reason):"
    echo
    echo "$skips" | sed 's/^/- /'
  fi
} > "$out"
echo "wrote $out"
