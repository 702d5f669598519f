#!/bin/sh
# test_cli.sh - the dualmod program as a user runs it: help, version, eval
# and info output (table and JSON), and clear errors with the right exit
# status for bad input. TAP output.
top_builddir=${DM_TEST_BUILDDIR:-.}
top_srcdir=${DM_TEST_SRCDIR:-.}
dm="$top_builddir/dualmod"
tmp=$(mktemp -d /tmp/dm_test_cli_XXXXXX) || exit 1
trap 'rm -rf "$tmp"' EXIT

n=0
fail=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
notok() { n=$((n + 1)); fail=1; echo "not ok $n - $1"; sed 's/^/# /' "$tmp/out" "$tmp/err" | head -20; }
# run NAME WANT_STATUS CMD... : runs CMD, checks the exit status
run() {
    name=$1; want=$2; shift 2
    "$@" >"$tmp/out" 2>"$tmp/err"
    got=$?
    if [ "$got" -eq "$want" ]; then ok "$name (exit $got)"; else
        echo "# expected exit $want, got $got" >>"$tmp/err"; notok "$name"; fi
}
# has NAME FILE PATTERN : grep -E PATTERN in FILE
has() { if grep -Eq -- "$3" "$2"; then ok "$1"; else echo "# missing /$3/" >>"$tmp/err"; notok "$1"; fi; }

run "--help" 0 "$dm" --help
has "help lists eval" "$tmp/out" "eval MODEL"
run "--version" 0 "$dm" --version
has "version string" "$tmp/out" "^dualmod [0-9]+\.[0-9]+"

run "eval with limit" 0 "$dm" eval kjv-gru --split test --limit 3000 --format json -q
has "json has ppl" "$tmp/out" '"ppl": [0-9]+\.[0-9]+'
has "json counts predictions" "$tmp/out" '"predictions": 2999'
has "json names split" "$tmp/out" '"split": "test"'

run "eval table, both paths" 0 "$dm" eval kjv-lstm --split valid --limit 2000 --path both
has "table has stream" "$tmp/out" "^stream +perplexity [0-9.]+ ± [0-9.]+"
has "table has seq" "$tmp/out" "^seq +perplexity [0-9.]+"

printf 'and god said , let there be light\nzyzzyva the lord\n' >"$tmp/text.txt"
run "eval a text file by path" 0 "$dm" eval "$top_srcdir/models/kjv-lstm/model.safetensors" \
    --vocab "$top_srcdir/models/kjv-lstm/vocab.txt" --data "$tmp/text.txt" --format csv
has "csv header" "$tmp/out" "^model,split,data,path,ppl"
has "csv row: 14 tokens, 13 predictions, 1 unk" "$tmp/out" "text.txt,stream,[0-9.]+,[0-9.]+,[0-9.]+,14,13,1,"

run "info" 0 "$dm" info kjv-lstm
has "info architecture" "$tmp/out" "^architecture +LSTM, 2 layers x [0-9]+ hidden"
has "info card metrics" "$tmp/out" "^valid PPL +[0-9]+\.[0-9]+"
run "info json" 0 "$dm" info kjv-gru --format json
has "info json parameters" "$tmp/out" '"parameters": [0-9]+'

DUALMOD_MODELS="$tmp/models" run "model found through DUALMOD_MODELS first" 0 sh -c \
    "mkdir -p '$tmp/models/mine' && cp '$top_srcdir/tests/fixtures/gru_model.safetensors' '$tmp/models/mine/model.safetensors' && '$dm' info mine"
has "DUALMOD_MODELS model inferred" "$tmp/out" "inferred from tensor shapes"

run "unknown model" 1 "$dm" eval no-such-model
has "unknown model message" "$tmp/err" "model 'no-such-model' not found \(looked in"
run "unknown option" 2 "$dm" eval kjv-lstm --bogus
has "unknown option message" "$tmp/err" "unknown option '--bogus'"
run "bad limit" 2 "$dm" eval kjv-lstm --limit ten
has "bad limit message" "$tmp/err" "--limit 'ten': expected an integer"
run "bad split" 2 "$dm" eval kjv-lstm --split dev
has "bad split message" "$tmp/err" "--split 'dev': expected valid, test or train"
run "missing data file" 1 "$dm" eval kjv-lstm --data "$tmp/nope.txt"
has "missing data message" "$tmp/err" "nope.txt: cannot open data file"
run "unknown command" 2 "$dm" frobnicate
has "unknown command message" "$tmp/err" "unknown command 'frobnicate'"
printf 'garbage' >"$tmp/bad.safetensors"
run "malformed model file" 1 "$dm" info "$tmp/bad.safetensors"
has "malformed model message" "$tmp/err" "bad.safetensors: file is 7 bytes"
run "vocabulary size mismatch" 1 "$dm" eval kjv-lstm --vocab "$top_srcdir/tests/fixtures/make_fixtures.py"
has "vocab mismatch message" "$tmp/err" "(tokens but the model|contains whitespace|empty line)"

echo "1..$n"
exit $fail
