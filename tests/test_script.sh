#!/bin/sh
# test_script.sh - the command language end to end on the shipped models:
# -c, -f, standard input, --format csv|json parsed back, script errors with
# FILE:LINE, sweep resume after an interrupt, two writers at once, damaged
# and foreign databases, the man page. TAP output.
top_builddir=${DM_TEST_BUILDDIR:-.}
top_srcdir=${DM_TEST_SRCDIR:-.}
dm="$top_builddir/dualmod"
tmp=$(mktemp -d /tmp/dm_test_script_XXXXXX) || exit 1
trap 'rm -rf "$tmp"' EXIT
XDG_CACHE_HOME="$tmp/cache"
XDG_DATA_HOME="$tmp/data"
XDG_STATE_HOME="$tmp/state"
export XDG_CACHE_HOME XDG_DATA_HOME XDG_STATE_HOME
db="$tmp/runs.db"

n=0
fail=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
notok() { n=$((n + 1)); fail=1; echo "not ok $n - $1"; sed 's/^/# /' "$tmp/out" "$tmp/err" | head -30; }
run() {
    name=$1; want=$2; shift 2
    "$@" >"$tmp/out" 2>"$tmp/err" </dev/null
    got=$?
    if [ "$got" -eq "$want" ]; then ok "$name (exit $got)"; else
        echo "# expected exit $want, got $got" >>"$tmp/err"; notok "$name"; fi
}
has() { if grep -Eq -- "$3" "$2"; then ok "$1"; else echo "# missing /$3/ in $2" >>"$tmp/err"; notok "$1"; fi; }
hasnt() { if grep -Eq -- "$3" "$2"; then echo "# unexpected /$3/" >>"$tmp/err"; notok "$1"; else ok "$1"; fi; }
py() { /usr/bin/python3 -c "$@"; }

# small and quick: 800 tokens, k 32, 50 timed pairs
quick='set limit 800 k 32 speed 50'

# --- the one-shot example (with a limit to keep the test short) ---
run "-c load, set, run" 0 "$dm" --db "$db" -c "load kjv-lstm; $quick; set ratio 0.5; set bits 4; run"
has "run prints the figures" "$tmp/out" '^delta_pct +[+-][0-9]'
has "run prints the speedup" "$tmp/out" '^speedup +[0-9]+\.[0-9]+'
has "run reports the saved id" "$tmp/err" 'saved as run 1'
run "the run is in the store" 0 sqlite3 "$db" "select bits, k, tokens, status, model_id from runs where id = 1"
has "stored knobs" "$tmp/out" '^4\|32\|800\|done\|1$'
run "layers stored with the run" 0 sqlite3 "$db" "select count(*) from run_layers where run_id = 1"
has "two layers" "$tmp/out" '^2$'

# --- standard input, a sweep, CSV parsed back ---
printf 'load kjv-gru\n%s\nsweep ratio 0.1:0.9:0.4 bits 8,4\n' "$quick" >"$tmp/sweep.dm"
run "sweep from standard input, --format csv" 0 sh -c "'$dm' --db '$db' --format csv < '$tmp/sweep.dm'"
if py "
import csv, sys
rows = list(csv.DictReader(open('$tmp/out')))
assert len(rows) == 6, len(rows)
assert {(r['ratio'], r['bits']) for r in rows} == {(a, b) for a in ('0.1', '0.5', '0.9') for b in ('8', '4')}
for r in rows:
    assert r['status'] == 'done' and r['model'] == 'kjv-gru', r
    assert float(r['value']) > 1 and abs(float(r['ratio_achieved']) - float(r['ratio'])) < 0.1, r
    assert float(r['speedup']) > 0, r
" 2>"$tmp/err"; then ok "sweep CSV parses: 6 configurations"; else notok "sweep CSV parses"; fi

run "the same sweep again skips every stored configuration" 0 sh -c "'$dm' --db '$db' --format csv < '$tmp/sweep.dm'"
if py "
import csv
rows = list(csv.DictReader(open('$tmp/out')))
assert len(rows) == 6 and all(r['status'] == 'stored' for r in rows), rows
" 2>>"$tmp/err"; then ok "resume: all 6 stored"; else notok "resume: all 6 stored"; fi
has "the sweep says so" "$tmp/err" '0 configurations run, 6 already stored'
run "seven runs so far" 0 sqlite3 "$db" "select count(*) from runs"
has "count 7" "$tmp/out" '^7$'

# --- JSON parsed back ---
run "--format json" 0 "$dm" --db "$db" --format json -c 'runs where model = "kjv-gru" order by speedup desc limit 3'
if py "
import json
j = json.load(open('$tmp/out'))
assert len(j) == 3 and all(r['model'] == 'kjv-gru' for r in j), j
assert isinstance(j[0]['speedup'], float) and j[0]['speedup'] >= j[1]['speedup'] >= j[2]['speedup'], j
assert isinstance(j[0]['id'], int)
" 2>"$tmp/err"; then ok "runs JSON parses, ordered by speedup"; else notok "runs JSON parses"; fi

# --- the store commands of the issue ---
run "runs where ... order by ... limit" 0 "$dm" --db "$db" -c "runs where model = 'kjv-gru' and dppl_pct < 100 order by speedup desc limit 5"
has "runs table header" "$tmp/out" '^id +created +model'
run "show" 0 "$dm" --db "$db" -c 'show 2'
has "show has provenance" "$tmp/out" '^git_rev +'
has "show has per-layer gates" "$tmp/out" '^layer1\.z +'
run "diff" 0 "$dm" --db "$db" -c 'diff 2 7'
has "diff lists the ratio" "$tmp/out" '^ratio +0\.1 +0\.9'
has "diff lists the bits" "$tmp/out" '^bits +8 +4'
hasnt "diff omits equal fields" "$tmp/out" '^model +'
run "pareto" 0 "$dm" --db "$db" -c 'load kjv-gru; pareto dppl_pct speedup'
has "pareto title: the group" "$tmp/out" 'Pareto front: lower dppl_pct, higher speedup: kjv-gru, [a-z]+, [0-9]+ tokens, path stream, 20 streams \([0-9]+ of 6 runs; the current settings\)'
has "pareto says what it grouped by" "$tmp/err" '^pareto: grouped by model, split, limit, path, streams, beam, predictor'
run "best inside a budget" 0 "$dm" --db "$db" -c 'best speedup where dppl_pct <= 100'
has "best prints one record" "$tmp/out" '^speedup +[0-9]'
run "export csv" 0 "$dm" --db "$db" -c "export csv $tmp/runs.csv"
has "export says how many" "$tmp/err" 'exported 7 runs'
if py "import csv; r = list(csv.DictReader(open('$tmp/runs.csv'))); assert len(r) == 7 and 'dppl_pct' in r[0]" 2>"$tmp/err"
then ok "exported CSV parses"; else notok "exported CSV parses"; fi
run "note" 0 "$dm" --db "$db" -c "note 3 'looks good'; sql select note from runs where id = 3"
has "note stored" "$tmp/out" 'looks good'
run "sql aggregate" 0 "$dm" --db "$db" -c 'sql select ratio, avg(speedup) as s from runs group by ratio'
has "sql columns" "$tmp/out" '^ratio +s'
run "sql refuses drop" 1 "$dm" --db "$db" -c 'sql drop table runs'
has "drop refused" "$tmp/err" 'only read-only queries are allowed'
run "sql refuses attach" 1 "$dm" --db "$db" -c "sql attach '$tmp/x.db' as x"
run "runs survive" 0 sqlite3 "$db" "select count(*) from runs"
has "still 7" "$tmp/out" '^7$'
run "import into a new store" 0 "$dm" --db "$tmp/other.db" -c "import $db; import $db"
has "first import takes all" "$tmp/err" 'imported 7 runs'
has "second import takes none" "$tmp/err" 'imported 0 runs'
run "delete" 0 "$dm" --db "$tmp/other.db" -c 'delete 7; sql select count(*) as n from runs'
has "six left" "$tmp/out" '^6$'

# --- scripts: errors stop with FILE:LINE and status 1 ---
printf '# a script\nset ratio 0.5\n\nset bits 99\nset ratio 0.1\n' >"$tmp/bad.dm"
run "script error stops" 1 "$dm" --db "$db" -f "$tmp/bad.dm"
has "error names file and line" "$tmp/err" "bad.dm:4: set: bits '99': expected fp32 or an integer from 1 to 16"
printf 'set on-error continue\nbogus\nget ratio\n' >"$tmp/cont.dm"
run "on-error continue goes on, still fails" 1 "$dm" --db "$db" -f "$tmp/cont.dm"
has "the statement after the error ran" "$tmp/out" '^ratio +0\.5'
run "-c error" 1 "$dm" --db "$db" -c 'swep ratio 0.1'
has "-c error with a close match" "$tmp/err" "dualmod: -c: unknown command 'swep' \(did you mean 'sweep'\?\)"
run "missing script" 1 "$dm" -f "$tmp/none.dm"
has "missing script message" "$tmp/err" 'cannot open script .*none.dm'
run "-c and -f together" 2 "$dm" -c help -f "$tmp/bad.dm"
run "unknown front-end command" 2 "$dm" frobnicate
run "help" 0 "$dm" -c help
has "help lists sweep" "$tmp/out" '^  sweep NAME VALUES'
has "help lists settings" "$tmp/out" '^  on-error'

# --- an interrupted sweep resumes where it stopped ---
printf 'load kjv-lstm\n%s\nset limit 1500\nsweep ratio 0.2,0.4,0.6,0.8\n' "$quick" >"$tmp/int.dm"
"$dm" --db "$tmp/int.db" -f "$tmp/int.dm" >"$tmp/out" 2>"$tmp/err" &
pid=$!
# wait for the first stored run, then interrupt
# (read-only polling: the sqlite3 shell would create the file if it were not there yet)
py "
import sqlite3, time
t0 = time.time()
while time.time() - t0 < 120:
    try:
        c = sqlite3.connect('file:$tmp/int.db?mode=ro', uri=True)
        n = c.execute(\"select count(*) from runs where status = 'done'\").fetchone()[0]
        c.close()
        if n >= 1:
            break
    except sqlite3.Error:
        pass
    time.sleep(0.05)
"
kill -INT $pid
wait $pid
st=$?
if [ $st -eq 130 ]; then ok "interrupted sweep exits 130"; else echo "# exit $st" >>"$tmp/err"; notok "interrupted sweep exits 130"; fi
done1=$(sqlite3 "$tmp/int.db" "select count(*) from runs where status = 'done'")
canc=$(sqlite3 "$tmp/int.db" "select count(*) from runs where status = 'cancelled' and partial = 1")
if [ "$done1" -ge 1 ] && [ "$done1" -lt 4 ]; then ok "part of the sweep done ($done1 of 4, $canc cancelled)"; else notok "part done: $done1"; fi
run "resume" 0 "$dm" --db "$tmp/int.db" -f "$tmp/int.dm"
has "resume skips the completed ones" "$tmp/err" "$((4 - done1)) configurations? run, $done1 already stored"
run "now all four are done" 0 sqlite3 "$tmp/int.db" "select count(distinct ratio) from runs where status = 'done'"
has "four ratios" "$tmp/out" '^4$'

# --- two processes write the same store at once ---
"$dm" --db "$tmp/two.db" -q -c "load kjv-gru; $quick; set ratio 0.3; run" >"$tmp/a.out" 2>"$tmp/a.err" &
pa=$!
"$dm" --db "$tmp/two.db" -q -c "load kjv-gru; $quick; set ratio 0.7; run" >"$tmp/b.out" 2>"$tmp/b.err" &
pb=$!
wait $pa; sa=$?
wait $pb; sb=$?
if [ $sa -eq 0 ] && [ $sb -eq 0 ]; then ok "two writers both succeed"; else cat "$tmp/a.err" "$tmp/b.err" >"$tmp/err"; notok "two writers"; fi
run "both runs stored" 0 sqlite3 "$tmp/two.db" "select count(*) from runs"
has "two rows" "$tmp/out" '^2$'

# --- an output file that is the run store itself is refused, the store kept ---
ln -s two.db "$tmp/link.db"
run "export onto the run store is refused" 1 "$dm" --db "$tmp/two.db" -c "export csv $tmp/two.db"
has "the refusal names the store" "$tmp/err" 'that file is the run store'
run "export through a link to it too" 1 "$dm" --db "$tmp/two.db" -c "export json $tmp/link.db"
run "save-hyp onto it is refused" 1 "$dm" --db "$tmp/two.db" -q -c "load kjv-gru; $quick; set save-hyp $tmp/two.db; run"
has "save-hyp: the refusal" "$tmp/err" 'save-hyp .*two.db: that file is the run store'
run "the store is intact" 0 sqlite3 "$tmp/two.db" "pragma integrity_check; select count(*) from runs"
has "still its two rows" "$tmp/out" '^2$'

# --- damaged and foreign databases are reported and left alone ---
head -c 4096 /dev/urandom >"$tmp/junk.db"
cp "$tmp/junk.db" "$tmp/junk.orig"
run "damaged store" 1 "$dm" --db "$tmp/junk.db" -c 'runs'
has "damaged reported" "$tmp/err" 'damaged or not an SQLite database'
if cmp -s "$tmp/junk.db" "$tmp/junk.orig"; then ok "damaged file untouched"; else notok "damaged file untouched"; fi
sqlite3 "$tmp/foreign.db" 'create table t(x); insert into t values (1)'
run "foreign store" 1 "$dm" --db "$tmp/foreign.db" -c 'runs'
has "foreign reported" "$tmp/err" 'not a dualmod database'
run "foreign data intact" 0 sqlite3 "$tmp/foreign.db" 'select x from t'
has "foreign row" "$tmp/out" '^1$'

# --- the man page: generated from the table, renders without warnings ---
run "--man" 0 "$dm" --man
cp "$tmp/out" "$tmp/dualmod.1"
if command -v groff >/dev/null 2>&1; then
    run "man page renders" 0 sh -c "groff -man -Tutf8 -ww -z '$tmp/dualmod.1'"
    if [ -s "$tmp/err" ]; then notok "groff warnings"; else ok "no groff warnings"; fi
else
    ok "# SKIP groff not installed"
fi
for c in $("$dm" -c help | sed -n 's/^  \([a-z-]*\) .*/\1/p'); do
    esc=$(printf '%s' "$c" | sed 's/-/\\\\-/g')
    if grep -q "^\.B $esc" "$tmp/dualmod.1"; then :; else echo "# man page lacks $c" >"$tmp/err"; notok "man page has $c"; fi
done
ok "man page lists every command and setting of help"
if [ -f "$top_builddir/doc/dualmod.1" ]; then
    if cmp -s "$top_builddir/doc/dualmod.1" "$tmp/dualmod.1"; then ok "built doc/dualmod.1 is current"; else notok "doc/dualmod.1 is stale"; fi
fi

echo "1..$n"
exit $fail
