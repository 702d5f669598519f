#!/bin/sh
# run-fuzzers.sh - run each libFuzzer target of OUTDIR (built by `make fuzz`)
# on a copy of its seed corpus for SECONDS seconds (or RUNS executions when
# given), one after the other. Exits non-zero on the first finding; the
# crashing input is kept as OUTDIR/crash-*.
#   run-fuzzers.sh SRCDIR OUTDIR SECONDS [RUNS]
set -eu
srcdir=$(cd "$1" && pwd)
out=$(cd "$2" && pwd)
secs=$3
runs=${4:-}
status=0
for f in "$out"/fuzz_*; do
    [ -x "$f" ] || continue
    name=$(basename "$f")
    corpus="$out/corpus-$name"
    mkdir -p "$corpus"
    [ -d "$srcdir/tests/fuzz/seeds/$name" ] && cp -n "$srcdir/tests/fuzz/seeds/$name"/* "$corpus"/ 2>/dev/null || true
    if [ -n "$runs" ]; then limit="-runs=$runs"; else limit="-max_total_time=$secs"; fi
    echo "run-fuzzers: $name ($limit)"
    if ! (cd "$out" && ./"$name" $limit -timeout=20 -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1 \
        "$corpus" >"$out/$name.log" 2>&1); then
        echo "run-fuzzers: $name FAILED; see $out/$name.log" >&2
        tail -40 "$out/$name.log" >&2
        status=1
    fi
    grep -E "stat::number_of_executed_units|Done [0-9]+ runs" "$out/$name.log" | tail -2
done
exit $status
