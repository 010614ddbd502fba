#!/usr/bin/env bash
# Writes the numbers of the guide's "Does a higher dimension help?" (machines.md) into
# src/site/markdown/generated/dimension.md, so that none of them is typed by hand: the exact sweeps
# scenarios/studies/dimension-*.yaml, each run by `qtm sweep`, and from their sweep.csv each curve's best value and
# the g where it lies (on the sweep's grid); the sites' dimensions come from `qtm steady --json`.
#
# Usage: bash src/site/scripts/dimension.sh   (from anywhere; well under a minute on two cores)
set -euo pipefail
cd "$(dirname "$0")/../../.."
out=src/site/markdown/generated/dimension.md
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

mvn -B -q package -DskipTests -Dasciidoctor.skip >/dev/null
qtm() { java -jar target/qtm.jar "$@" > "$work/last.log" 2>&1 || { cat "$work/last.log"; exit 1; }; }

machines="qubits qutrit-unit qutrit-harmonic two-qutrits"
for m in $machines; do
  qtm sweep "scenarios/studies/dimension-$m.yaml" --out "$work/$m"
  java -jar target/qtm.jar steady "scenarios/studies/dimension-$m.yaml" --json > "$work/$m.json"
done
qtm sweep scenarios/studies/dimension-chain.yaml --out "$work/chain"

python3 - "$work" "$out" "$(git rev-parse --short HEAD)" $machines <<'PY'
import csv, json, math, sys
work, out, commit, machines = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]

def rows(d):
    with open(f"{work}/{d}/sweep.csv") as f:
        return list(csv.DictReader(f))

def best(rs, col):
    r = max(rs, key=lambda r: float(r[col]))
    return float(r[col]), r

g = "model.couplings[0].g"
lines = [
    "# Measured: does a higher dimension help?", "",
    f"Written by `src/site/scripts/dimension.sh` at commit `{commit}`; run it again to refresh every number on",
    "this page. What they mean: [Does a higher dimension help?](../machines.md#does-a-higher-dimension-help).", "",
    "## Qubit and qutrit machines over g", "",
    "The exact steady log-negativity E_N = log2(2N + 1) of c|h, at its largest over the 41 values of g of",
    "`scenarios/studies/dimension-*.yaml`; its bound is log2 of the smaller side's dimension d_min, so the last",
    "column, E_N / log2 d_min, compares machines of different d_min.", "",
    "| machine | dims (c, h) | best E_N | at g | best N | E_N / log2 d_min |",
    "|---|---|---|---|---|---|",
]
for m in machines:
    pops = json.load(open(f"{work}/{m}.json"))["site_populations"]
    dc, dh = len(pops["c"]), len(pops["h"])
    e, r = best(rows(m), "log_negativity_c_vs_h")
    lines.append(f"| `dimension-{m}` | {dc}, {dh} | {e:.4g} | {float(r[g]):.3g} | "
                 f"{float(r['negativity_c_vs_h']):.4g} | {e / math.log2(min(dc, dh)):.4g} |")
ch = rows("chain")
gm = "model.couplings[1].g"
lines += ["", "## The three-qubit chain c-m-h over the m-h exchange (c-m at 1.6e-3)", "",
          "| pair | best concurrence | at g_mh | g_mh where it is > 0 |", "|---|---|---|---|"]
for pair in ["c_m", "m_h", "c_h"]:
    col = "pair_concurrence_" + pair
    c, r = best(ch, col)
    pos = [float(x[gm]) for x in ch if float(x[col]) > 0]
    where = f"{min(pos):.3g} to {max(pos):.3g}" if pos else "nowhere on the grid"
    at = f"{float(r[gm]):.3g}" if c > 0 else "-"
    lines.append(f"| {pair.replace('_', ',')} | {c:.4g} | {at} | {where} |")
for lab in ["c_vs_m_h", "m_vs_c_h", "h_vs_c_m"]:
    e, r = best(ch, "log_negativity_" + lab)
    lines.append("")
    lines.append(f"Best log-negativity of {lab.replace('_vs_', '|').replace('_', ',')}: {e:.4g} at g_mh = "
                 f"{float(r[gm]):.3g}.")
lines += ["", "---", "", "[Guide contents](../index.md) · [Machines](../machines.md)", ""]
open(out, "w").write("\n".join(lines))
PY
echo "wrote $out"
