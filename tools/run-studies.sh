#!/bin/sh
# run-studies.sh - the paper's experiments on a shipped model, all tables into one directory.
#   tools/run-studies.sh MODEL OUTDIR [extra dualmod options, e.g. --k 128]
# Runs: study noise; study sweep for the four policy x projection combinations;
# study dim; study bits (test split, INT8 unless the study varies bits).
set -eu
model=$1
out=$2
shift 2
dm=${DUALMOD:-./dualmod}
mkdir -p "$out"
"$dm" study noise "$model" -q "$@" >"$out/$model-noise.txt"
for policy in paper symmetric; do
    for proj in srp pca; do
        "$dm" study sweep "$model" --policy $policy --proj $proj -q --format csv "$@" >"$out/$model-sweep-$policy-$proj.csv"
    done
done
"$dm" study dim "$model" -q --format csv "$@" >"$out/$model-dim.csv"
"$dm" study bits "$model" -q --format csv "$@" >"$out/$model-bits.csv"
echo "done: $out" >&2
