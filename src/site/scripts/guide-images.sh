#!/usr/bin/env bash
# Makes every image of the README and the guide from the current code, so that none can go stale: each is the chart
# a documented command writes, copied into src/site/images/ under the name the pages link.
#
#  - concurrence-reset-paper.png: the README's first set-up command's run (`qtm run scenarios/reset-paper.yaml`);
#  - count-variance-reset-paper.png: `qtm run scenarios/reset-paper.yaml --trajectories 100000
#    --set engines=[trajectories]` (counting-and-waiting-times.md);
#  - fig2a.png: `qtm sweep scenarios/paper/fig2a.yaml` (paper-figures.md);
#  - local-global-flux.png: `qtm sweep scenarios/paper/local-global-flux.yaml` (collision-picture.md);
#  - dimension.png: `qtm sweep scenarios/studies/dimension-{qubits,qutrit-unit,qutrit-harmonic}.yaml --out DIR
#    --overlay dimension` (machines.md, "Does a higher dimension help?");
#  - dimension-chain.png: `qtm sweep scenarios/studies/dimension-chain.yaml` (the same section);
#  - mc-sweep-reset.png: `qtm sweep scenarios/studies/mc-sweep-reset.yaml`, its sweep-transient.png (paper-figures.md,
#    "Monte Carlo sweeps");
#  - counts-bookkeeping-qutrit.png and thermo-collision-qutrit.png: `qtm run scenarios/studies/bookkeeping-qutrit.yaml`,
#    its counts.png and thermo-collision.png (machines.md, "Counts and collision bookkeeping on a machine");
#  - detected-counts-qutrit.png: `qtm run scenarios/studies/detection-qutrit.yaml`, its detected-counts.png
#    (counting-and-waiting-times.md, "What a detector sees, on a machine");
#  - unravellings-machine.png: `qtm run scenarios/studies/diffusive-machine.yaml`, its unravellings.png (diffusive.md,
#    "Jumps or homodyne: one machine");
#  - homodyne-spectrum.png: `qtm run scenarios/studies/homodyne-spectrum.yaml`, its homodyne.png (diffusive.md,
#    "The charts").
#
# Usage: bash src/site/scripts/guide-images.sh   (from anywhere; a few minutes on two cores)
set -euo pipefail
cd "$(dirname "$0")/../../.."
images=src/site/images
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

mvn -B -q package -DskipTests -Dasciidoctor.skip >/dev/null
qtm() { java -jar target/qtm.jar "$@" > "$work/last.log" 2>&1 || { cat "$work/last.log"; exit 1; }; }

qtm run scenarios/reset-paper.yaml --out "$work/reset-paper"
cp "$work/reset-paper/concurrence.png" "$images/concurrence-reset-paper.png"
qtm run scenarios/reset-paper.yaml --trajectories 100000 --set 'engines=[trajectories]' --out "$work/counts"
cp "$work/counts/count-variance.png" "$images/count-variance-reset-paper.png"
qtm sweep scenarios/paper/fig2a.yaml --out "$work/fig2a"
cp "$work/fig2a/fig2a.png" "$images/fig2a.png"
qtm sweep scenarios/paper/local-global-flux.yaml --out "$work/local-global-flux"
cp "$work/local-global-flux/local-global-flux.png" "$images/local-global-flux.png"
qtm sweep scenarios/studies/dimension-{qubits,qutrit-unit,qutrit-harmonic}.yaml --out "$work/dimension" \
  --overlay dimension
cp "$work/dimension/dimension/dimension.png" "$images/dimension.png"
qtm sweep scenarios/studies/dimension-chain.yaml --out "$work/dimension-chain"
cp "$work/dimension-chain/sweep.png" "$images/dimension-chain.png"
qtm sweep scenarios/studies/mc-sweep-reset.yaml --out "$work/mc-sweep-reset"
cp "$work/mc-sweep-reset/sweep-transient.png" "$images/mc-sweep-reset.png"
qtm run scenarios/studies/bookkeeping-qutrit.yaml --out "$work/bookkeeping"
cp "$work/bookkeeping/counts.png" "$images/counts-bookkeeping-qutrit.png"
cp "$work/bookkeeping/thermo-collision.png" "$images/thermo-collision-qutrit.png"
qtm run scenarios/studies/detection-qutrit.yaml --out "$work/detection"
cp "$work/detection/detected-counts.png" "$images/detected-counts-qutrit.png"
qtm run scenarios/studies/diffusive-machine.yaml --out "$work/diffusive"
cp "$work/diffusive/unravellings.png" "$images/unravellings-machine.png"
qtm run scenarios/studies/homodyne-spectrum.yaml --out "$work/homodyne"
cp "$work/homodyne/homodyne.png" "$images/homodyne-spectrum.png"
echo "wrote $(ls "$images" | tr '\n' ' ')at commit $(git rev-parse --short HEAD)"
