#!/bin/sh
# test_formats.sh - every output format of every command parses: each
# command's --format json is one JSON document (read with jansson by
# tests/json_check, which refuses concatenated documents), --format jsonl
# one object per line, --format csv a CSV table (Python's csv module, every
# row as wide as the header), --format md a Markdown table; the keys the
# README documents are there, with their types; a figure not measured is
# empty in CSV and null in JSON, never 0. Also the classic subcommands as
# rewrites (--explain) and global options before the subcommand, and
# tools/bench-compare.sh on two bench CSVs of different versions. Small
# slices (200 tokens, k 16, 20 timed pairs) keep it quick. TAP output.
top_builddir=${DM_TEST_BUILDDIR:-.}
top_srcdir=${DM_TEST_SRCDIR:-.}
dm="$top_builddir/dualmod"
jc="$top_builddir/tests/json_check"
tmp=$(mktemp -d /tmp/dm_test_formats_XXXXXX) || exit 1
trap 'rm -rf "$tmp"' EXIT
XDG_CACHE_HOME="$tmp/cache"
XDG_DATA_HOME="$tmp/data"
XDG_STATE_HOME="$tmp/state"
export XDG_CACHE_HOME XDG_DATA_HOME XDG_STATE_HOME
db="$tmp/runs.db"

n=0
fail=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
notok() { n=$((n + 1)); fail=1; echo "not ok $n - $1"; sed 's/^/# /' "$tmp/out" "$tmp/err" | head -20; }
has() { if grep -Eq -- "$3" "$2"; then ok "$1"; else echo "# missing /$3/ in $2" >>"$tmp/err"; notok "$1"; fi; }

# the same small settings for every command (fit data cached after the first)
small='set limit 200 k 16 bits 4 speed 20 fit-tokens 2000 calib-tokens 200'
M=kjv-gru

# out NAME FMT COMMANDS: run "load M; small; set format FMT; COMMANDS", status 0 expected
out() {
    name=$1; fmt=$2; shift 2
    "$dm" --db "$db" -q -c "load $M; $small; set format $fmt; $*" >"$tmp/out" 2>"$tmp/err" </dev/null
    st=$?
    if [ $st -ne 0 ]; then echo "# exit $st" >>"$tmp/err"; notok "$name --format $fmt runs"; return 1; fi
    return 0
}
# json NAME COMMANDS -- KEYS: one document with the keys
json() {
    name=$1; cmds=$2; shift 2
    out "$name" json "$cmds" || return
    if "$jc" "$tmp/out" "$@" 2>>"$tmp/err"; then ok "$name: one JSON document with its keys"; else notok "$name: JSON"; fi
}
jsonl() {
    name=$1; cmds=$2; shift 2
    out "$name" jsonl "$cmds" || return
    if "$jc" --lines "$tmp/out" "$@" 2>>"$tmp/err"; then ok "$name: JSON lines"; else notok "$name: JSON lines"; fi
}
# csv NAME COMMANDS [PYTHON CHECK on rows]
csv() {
    name=$1; cmds=$2; check=${3:-True}
    out "$name" csv "$cmds" || return
    if /usr/bin/python3 -c "
import csv, sys
rows = list(csv.reader(open('$tmp/out', newline=''), strict=True))
assert len(rows) >= 2, 'no data rows: %r' % rows
head = rows[0]
assert len(set(head)) == len(head), 'duplicate columns %r' % head
for r in rows[1:]:
    assert len(r) == len(head), 'row of %d cells under %d columns: %r' % (len(r), len(head), r)
rows = [dict(zip(head, r)) for r in rows[1:]]
assert $check, rows
" 2>>"$tmp/err"; then ok "$name: CSV parses"; else notok "$name: CSV"; fi
}
# pyjson NAME COMMANDS CHECK: the JSON document is d (python), CHECK holds
pyjson() {
    name=$1; cmds=$2; check=$3
    out "$name" json "$cmds" || return
    if /usr/bin/python3 -c "
import json
d = json.load(open('$tmp/out'))
num = lambda v: isinstance(v, (int, float)) and not isinstance(v, bool)
assert $check, d
" 2>>"$tmp/err"; then ok "$name: JSON types"; else notok "$name: JSON types"; fi
}
md() {
    name=$1; cmds=$2
    out "$name" md "$cmds" || return
    if /usr/bin/python3 -c "
lines = [l.rstrip('\n') for l in open('$tmp/out')]
assert len(lines) >= 3 and all(l.startswith('|') and l.endswith('|') for l in lines), lines
w = lines[0].count('|')
assert all(l.replace('\\\\|', '').count('|') == w for l in lines), lines
assert set(lines[1].replace('|', '').replace(' ', '')) <= set('-:'), lines[1]
" 2>>"$tmp/err"; then ok "$name: Markdown table"; else notok "$name: Markdown"; fi
}

dual_keys='ppl=number dppl=number dppl_pct=number kld=number top1_agree=number ratio=number
ratio_achieved=number bits=integer k=integer bytes_ratio=number metric=string value=number dense_value=number
delta=number delta_pct=number'
bench_keys='ratio=number ratio_achieved=number bits=integer k=integer speedup=number speedup_e2e=number
speedup_limit=number bytes_ratio=number dense_ms=number dual_ms=number read_limit=number pct_read_limit=number cold=bool'

# ---- each command, JSON and CSV ----
# shellcheck disable=SC2086
json "run detail" "run detail" $dual_keys speedup=number run_id=integer layers=array
pyjson "run detail: one object, no other names of the same figures" "run detail" \
    "(isinstance(d, dict) and not {'dense_ppl', 'speedup_layer', 'dense', 'achieved', 'ppl_se'} & set(d)
      and {'ratio_achieved', 'value_se'} <= set(d))"
csv "run detail" "run detail" "all(r['metric'] == 'perplexity' and float(r['ppl']) > 1 for r in rows)"
jsonl "run detail" "run detail" ppl value
md "run detail" "run detail"
json "run" "run" value=number dense_value=number delta_pct=number speedup=number bits=integer
pyjson "run: one object at full precision" "run" \
    "isinstance(d, dict) and d['bits'] == 4 and d['value'] != round(d['value'], 4) and d['delta'] != round(d['delta'], 4)"
csv "run" "run" "all(not r['delta'].startswith('+') and not r['delta_pct'].startswith('+') and r['bits'] == '4'
                  and len(r['value']) > 8 and r['site_knobs'] == '' for r in rows)"
json "eval" "eval" ppl=number metric=string value=number value_se=number predictions=integer
# one name for one figure across commands (issue 17): ratio_achieved, value_se (the run store's columns)
pyjson "run: ratio_achieved and value_se, no other names" "run" \
    "{'ratio_achieved', 'value_se'} <= set(d) and not {'achieved', 'ppl_se'} & set(d)"
pyjson "runs: ratio_achieved, no other name" "runs" \
    "all('ratio_achieved' in r and 'achieved' not in r for r in d)"
pyjson "sweep: ratio_achieved, no other name" "sweep ratio 0.2" \
    "all('ratio_achieved' in r and 'achieved' not in r for r in d)"
pyjson "eval: value_se, no other name" "eval" "'value_se' in d and 'ppl_se' not in d"
json "eval both: two rows, one array" "eval both" ppl=number path=string
csv "eval both" "eval both" "[r['path'] for r in rows] == ['stream', 'seq']"
jsonl "eval both" "eval both" ppl path
md "eval" "eval"
json "info" "info" parameters=integer arch=string splits=object
csv "info" "info" "rows[0]['model'] == '$M' and int(rows[0]['parameters']) > 0"
json "info MODEL" "info kjv-lstm" parameters=integer
json "little" "little" k=integer bits=integer container_bits=integer little_bytes=integer layers=array
csv "little" "little" "len(rows) == 2 and [r['layer'] for r in rows] == ['0', '1']"
csv "little: 6 bits in 8-bit containers" "set bits 6; little" "all(r['bits'] == '6' and r['container_bits'] == '8' for r in rows)"
json "study noise" "study noise" base_ppl=number sensitive=object insensitive=object
csv "study noise" "study noise" "{r['noise_in'] for r in rows} == {'sensitive', 'insensitive'}"
json "study sweep: one array of two" "study sweep 0.3,0.7" $dual_keys study=string
csv "study sweep" "study sweep 0.3,0.7" "[r['label'] for r in rows] == ['30%', '70%']"
json "study dim" "study dim 16,24" $dual_keys
csv "study dim" "study dim 16,24" "[r['k'] for r in rows] == ['16', '24']"
json "study bits" "study bits 0,4" $dual_keys
csv "study bits" "study bits 0,4" "[r['bits'] for r in rows] == ['0', '4']"
json "bench: two ratios, one array" "bench 0.3,0.7 steps 20 no-torch" $bench_keys torch_rnn_ms=null
csv "bench: no PyTorch, torch_rnn_ms empty" "bench 0.3,0.7 steps 20 no-torch" \
    "len(rows) == 2 and all(r['torch_rnn_ms'] == '' and float(r['speedup']) > 0 for r in rows)"
jsonl "bench" "bench 0.3,0.7 steps 20 no-torch" speedup ratio
md "bench" "bench 0.3,0.7 steps 20 no-torch"
json "bench with a k list" "bench 0.5 k 16,24 steps 20 no-torch" $bench_keys
json "bench dense" "bench dense steps 20 no-torch" step_ms=number rnn_ms=number seq_tok_s=number cold=bool \
    torch_step_ms=null rnn_read_ms=number rnn_read_ratio=number step_read_ms=number step_read_ratio=number
csv "bench dense" "bench dense steps 20 no-torch" "rows[0]['torch_step_ms'] == '' and float(rows[0]['step_ms']) > 0"
# cold: a read flush and the weights (big rows, little weights, projections) evicted line by line before each step
pyjson "bench cold" "bench 0.5 steps 10 cold no-torch" \
    "d['cold'] is True and d['speedup'] > 0 and d['dual_ms'] > 0 and d['dense_ms'] > 0"
pyjson "bench dense cold" "bench dense steps 10 cold no-torch" \
    "d['cold'] is True and d['rnn_ms'] > 0 and d['rnn_read_ms'] > 0 and d['step_read_ms'] > 0"
# the classifier's cold images: the same capped read flush and evicted weights (a 1 GB read an image before)
pyjson "bench cold, ResNet" "load fmnist-resnet; bench 0.5 steps 10 cold" \
    "d[0]['cold'] is True and d[0]['speedup'] > 0 and d[0]['dense_ms'] > 0 and d[0]['dual_kernel'] in ('per-channel', 'per-position')"
# little on the other families: one row a dual-module site (it crashed on a model with no LM before)
pyjson "little, ResNet: one row a site" "load fmnist-resnet; little" \
    "(d['family'] == 'resnet' and len(d['sites']) == 16 and d['sites'][0]['site'] == 'layer1.0.conv1'
      and all(s['mse'] >= 0 and s['bytes'] > 0 and s['dense_bytes'] > 0 for s in d['sites'])
      and d['little_bytes'] == sum(s['bytes'] for s in d['sites']))"
# per-site knobs reach little as they reach a run (little, bench and study ignored them before)
pyjson "little, ResNet: per-site k and bits" "load fmnist-resnet; set k.layer1.* 2 bits.layer4.* 2; little" \
    "([s['k'] for s in d['sites'] if s['site'].startswith('layer1.')] == [2] * 4
      and [s['bits'] for s in d['sites'] if s['site'].startswith('layer4.')] == [2] * 4
      and all(s['bits'] == d['bits'] != 2 for s in d['sites'] if not s['site'].startswith('layer4.')))"
csv "little, translator" "load bible-es-en; set fit-tokens 2000 calib-tokens 500; little" \
    "[r['site'] for r in rows] == ['dec.l0', 'dec.l1'] and all(float(r['rel_mse']) > 0 for r in rows)"
json "sweep" "sweep ratio 0.2,0.4" value=number speedup=number status=string bits=integer dense_value=number
pyjson "sweep: an array, full precision" "sweep ratio 0.2,0.4 bits fp32" \
    "isinstance(d, list) and len(d) == 2 and all(r['bits'] == 0 and r['value'] != round(r['value'], 4) for r in d)"
csv "sweep" "sweep ratio 0.2,0.4" "len(rows) == 2"
json "get" "get" setting=string value=string
csv "get" "get ratio" "rows == [{'setting': 'ratio', 'value': '0.5'}]"
json "runs" "runs" id=integer value=number bits=integer tokens=integer dense_value=number
csv "runs" "runs"
md "runs" "runs"
json "show" "show 1" id=integer bits=integer dense_value=number speedup=number
pyjson "show ID: one object" "show 1" "isinstance(d, dict) and d['id'] == 1 and d['bits'] == 4"
pyjson "show ID ID: an array" "show 1 2" "isinstance(d, list) and [r['id'] for r in d] == [1, 2]"
csv "show" "show 1"
json "diff" "diff 1 2" field=string
pyjson "diff: values typed as their fields" "diff 1 2" \
    "(all(num(r['run 1']) and num(r['run 2']) for r in d if r['field'] in ('value', 'seconds', 'ratio', 'tokens'))
      and all(isinstance(r['run 1'], str) for r in d if r['field'] == 'created'))"
csv "diff" "diff 1 2"
json "pareto" "pareto" group=integer id=integer bits=integer tokens=integer streams=integer
csv "pareto" "pareto" "all(r['group'] == '1' and r['model'] == '$M' and r['tokens'] == '200' for r in rows)"
json "best" "best speedup" id=integer speedup=number bits=integer dense_value=number
pyjson "best of one group: one object" "best speedup" "isinstance(d, dict) and d['model'] == '$M'"
csv "best" "best speedup"
json "help" "help" kind=string name=string help=string
csv "help" "help" "any(r['name'] == 'fit-data' and r['kind'] == 'setting' for r in rows)"
json "sql" "sql select id, ratio from runs" id=integer ratio=number
csv "sql" "sql select id, ratio from runs"
out "export json" table "export json $tmp/e.json" && \
    if "$jc" "$tmp/e.json" id=integer; then ok "export json: one document"; else notok "export json"; fi
out "export csv" table "export csv $tmp/e.csv" && \
    if /usr/bin/python3 -c "import csv; r = list(csv.DictReader(open('$tmp/e.csv'))); assert len(r) >= 2" 2>>"$tmp/err"
    then ok "export csv parses"; else notok "export csv"; fi

# ---- the classic subcommands: rewrites, the same formats, options anywhere ----
fit="--fit-tokens 2000 --calib-tokens 200"
"$dm" eval kjv-lstm --ratio .5 --explain >"$tmp/out" 2>"$tmp/err"
has "eval M --ratio .5 is load; set ratio; run detail" "$tmp/out" '^load kjv-lstm; set ratio 0\.5; run detail$'
"$dm" bench --arch gru --hidden 64 --k 8,16 --explain >"$tmp/out" 2>"$tmp/err"
has "bench --arch is load random; set mode topk; bench" "$tmp/out" \
    '^load random gru 64 1 10000; set mode topk; set k 8; bench 0,0.1,0.3,0.5,0.7,0.9 k 8,16$'
"$dm" study sweep $M --limit 200 --k 16 $fit --ratios 0.3,0.7 --db "$db" --format json -q >"$tmp/out" 2>"$tmp/err"
if "$jc" "$tmp/out" $dual_keys study=string 2>>"$tmp/err"; then ok "study sweep --format json: one document"
else notok "classic study sweep JSON"; fi
"$dm" --format csv -q bench --arch lstm --hidden 48 --vocab-size 100 --k 8 --ratios 0.5,0.9 --steps 20 --no-torch \
    >"$tmp/out" 2>"$tmp/err"
if /usr/bin/python3 -c "
import csv
r = list(csv.DictReader(open('$tmp/out')))
assert len(r) == 2 and r[0]['model'] == 'lstm-48 (random weights)' and r[0]['mode'] == 'topk', r
assert abs(float(r[1]['ratio_achieved']) - 0.9) < 0.05, r
assert all(float(x['read_limit']) > 0 and float(x['read_dual_ms']) > 0 for x in r), r
" 2>>"$tmp/err"; then ok "global options before the subcommand; bench --arch CSV"; else notok "bench --arch CSV"; fi
# tools/bench-compare.sh: this CSV against itself without the read-pattern columns (a file of an older
# version): both rows matched, old %rlim '-', new %rlim a percentage
cp "$tmp/out" "$tmp/new.csv"
/usr/bin/python3 -c "
import csv, sys
r = list(csv.DictReader(open('$tmp/new.csv')))
keep = [k for k in r[0] if not k.startswith('read_') and k != 'pct_read_limit']
w = csv.DictWriter(open('$tmp/old.csv', 'w', newline=''), fieldnames=keep, extrasaction='ignore')
w.writeheader(); w.writerows(r)
" 2>>"$tmp/err"
sh "$top_srcdir/tools/bench-compare.sh" "$tmp/old.csv" "$tmp/new.csv" >"$tmp/out" 2>"$tmp/err"
has "bench-compare.sh: an older file's rows show - for %rlim" "$tmp/out" '^lstm 8b t1 r0\.90* .* - +[0-9]+% '
if [ "$(grep -c '^lstm 8b t1 r0\.[59]0* ' "$tmp/out")" = 2 ] && ! grep -q 'only in' "$tmp/out"; then
    ok "bench-compare.sh: both rows matched"
else notok "bench-compare.sh: both rows matched"; fi
sh "$top_srcdir/tools/bench-compare.sh" "$tmp/old.csv" >"$tmp/out" 2>"$tmp/err" && notok "bench-compare.sh: one file is a usage error" ||
    has "bench-compare.sh: one file is a usage error" "$tmp/err" '^usage: '
"$dm" -q --format json info $M >"$tmp/out" 2>"$tmp/err"
if "$jc" "$tmp/out" parameters=integer; then ok "-q --format json info MODEL"; else notok "options before info"; fi
"$dm" info $M --format csv >"$tmp/out" 2>"$tmp/err"
has "info --format csv is CSV" "$tmp/out" '^model,file,arch,'
"$dm" little $M --k 16 $fit --format jsonl >"$tmp/out" 2>"$tmp/err"
if "$jc" --lines "$tmp/out" k layers; then ok "little --format jsonl"; else notok "little jsonl"; fi
"$dm" eval $M --limit 100 --format md >"$tmp/out" 2>"$tmp/err"
has "eval --format md" "$tmp/out" '^\| model \| split \|'
"$dm" eval $M --format xml >"$tmp/out" 2>"$tmp/err"
if [ $? -eq 2 ]; then ok "bad format: usage error"; else notok "bad format"; fi
has "bad format message" "$tmp/err" "--format 'xml': expected table, csv, json, jsonl or md"
# ---- bleu (no model): one record in every format ----
fx="$top_srcdir/tests/fixtures/bleu"
bleu_keys='hyp=string ref=string sentences=integer bleu=number bleu_p1=number bleu_p2=number bleu_p3=number
bleu_p4=number bleu_bp=number bleu_ratio=number hyp_len=integer ref_len=integer chrf=number bleu_signature=string
chrf_signature=string'
"$dm" -q --format json bleu "$fx/hyp.txt" "$fx/ref.txt" >"$tmp/out" 2>"$tmp/err"
# shellcheck disable=SC2086
if "$jc" "$tmp/out" $bleu_keys 2>>"$tmp/err" && /usr/bin/python3 -c "
import json
d = json.load(open('$tmp/out'))
assert isinstance(d, dict), 'one record is an object, not an array'
assert abs(d['bleu'] - 70.463553) < 1e-6 and abs(d['chrf'] - 81.863133) < 1e-6, d
assert d['sentences'] == 212 and d['hyp_len'] == 5104 and d['ref_len'] == 5403, d
assert d['bleu_signature'] == 'nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp|version:2.3.1', d
" 2>>"$tmp/err"; then ok "bleu --format json: one object with its keys"; else notok "bleu JSON"; fi
"$dm" -q -c "set format jsonl; bleu '$fx/hyp.txt' '$fx/ref.txt'" >"$tmp/out" 2>"$tmp/err"
if "$jc" --lines "$tmp/out" bleu chrf && [ "$(wc -l <"$tmp/out")" -eq 1 ]; then ok "bleu jsonl: one line"
else notok "bleu JSON lines"; fi
"$dm" -q bleu "$fx/hyp.txt" "$fx/ref.txt" --format csv >"$tmp/out" 2>"$tmp/err"
if /usr/bin/python3 -c "
import csv
r = list(csv.DictReader(open('$tmp/out', newline='')))
assert len(r) == 1 and r[0]['bleu'] == '70.463553' and r[0]['chrf'] == '81.863133', r
assert r[0]['bleu_p1'] == '95.082288' and r[0]['bleu_bp'] == '0.943101' and r[0]['sentences'] == '212', r
" 2>>"$tmp/err"; then ok "bleu --format csv"; else notok "bleu CSV"; fi
"$dm" -q bleu "$fx/hyp.txt" "$fx/ref.txt" --format md >"$tmp/out" 2>"$tmp/err"
has "bleu --format md" "$tmp/out" '^\| hyp \| ref \| sentences \| bleu \|'
"$dm" shell --help >"$tmp/out" 2>"$tmp/err"
has "shell --help is the one usage text" "$tmp/out" '^Usage: dualmod \[OPTIONS\] \[COMMAND\]'

echo "1..$n"
exit $fail
