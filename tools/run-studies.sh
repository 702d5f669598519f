#!/bin/sh
# run-studies.sh - the paper's experiments on a shipped model, all tables into one directory.
#   tools/run-studies.sh MODEL OUTDIR [extra dualmod options, e.g. --k 128]
# Runs: study noise; study sweep (10-90%) with the paper's policy and projection, and
# 30-90% for the other policy x projection combinations; study dim; study bits
# (test split, INT8 unless the study varies bits).
set -eu
model=$1
out=$2
shift 2
dm=${DUALMOD:-./dualmod}
mkdir -p "$out"
"$dm" study noise "$model" -q "$@" >"$out/$model-noise.txt"
"$dm" study sweep "$model" -q --format csv "$@" >"$out/$model-sweep-paper-srp.csv"
for combo in "paper pca" "symmetric srp" "symmetric pca" "error srp" "error pca"; do
    policy=${combo% *}
    proj=${combo#* }
    "$dm" study sweep "$model" --policy "$policy" --proj "$proj" --ratios 0.3,0.5,0.7,0.9 -q --format csv "$@" \
        >"$out/$model-sweep-$policy-$proj.csv"
done
"$dm" study dim "$model" -q --format csv "$@" >"$out/$model-dim.csv"
"$dm" study bits "$model" -q --format csv "$@" >"$out/$model-bits.csv"
echo "done: $out" >&2
