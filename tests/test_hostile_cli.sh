#!/bin/sh
# test_hostile_cli.sh - hostile input and faults (issue 15): each check here
# reproduces a defect found by trying the program as a hostile user would;
# none may crash, hang, corrupt or lose anything. TAP output.
top_builddir=${DM_TEST_BUILDDIR:-.}
top_srcdir=${DM_TEST_SRCDIR:-.}
dm="$(cd "$top_builddir" && pwd)/dualmod"
top_srcdir=$(cd "$top_srcdir" && pwd)
tmp=$(mktemp -d /tmp/dm_test_hostile_XXXXXX) || exit 1
trap 'rm -rf "$tmp"' EXIT
XDG_CACHE_HOME="$tmp/cache"
XDG_DATA_HOME="$tmp/data"
export XDG_CACHE_HOME XDG_DATA_HOME
py() { /usr/bin/python3 -c "$@"; }

. "$top_srcdir/tests/tap.sh"
# (DM_TEST_TIME_FACTOR stretches the time limits: the sanitizer builds run several times slower)
tf=${DM_TEST_TIME_FACTOR:-1}
# run NAME WANT_STATUS CMD... : as tap.sh's, at most 60 s and without stdin
run() {
    name=$1; want=$2; shift 2
    timeout -k 5 $((60 * tf)) "$@" >"$tmp/out" 2>"$tmp/err" </dev/null
    status_is "$name" "$want" $?
}
hasnt() { if grep -Eq -- "$3" "$2"; then echo "# unexpected /$3/" >>"$tmp/err"; notok "$1"; else ok "$1"; fi; }

model="$top_srcdir/models/kjv-lstm/model.safetensors"
vocab="$top_srcdir/models/kjv-lstm/vocab.txt"
db="$tmp/runs.db"

# ---- 1. the statement splitter ------------------------------------------
run "';;;' is three empty statements, no heap overflow" 0 "$dm" --db "$db" -c ';;;'
run "8,190 ';' in one line" 0 "$dm" --db "$db" -c "$(py 'print(";" * 8190)')"
py 'print(";" * 5000)' >"$tmp/semis.dm"
run "a script line of 5,000 ';'" 0 "$dm" --db "$db" -f "$tmp/semis.dm"

# ---- 2. non-finite weights, JSON output -----------------------------------
# copy the model with one weight set to VALUE (struct format f)
poison() { # poison OUT TENSOR VALUE
    py "
import json, struct, sys
b = bytearray(open('$model', 'rb').read())
n = struct.unpack('<Q', b[:8])[0]
h = json.loads(b[8:8 + n])
t = h['$2']
fmt, size = {'F32': ('<f', 4), 'F16': ('<e', 2)}[t['dtype']]
off = 8 + n + t['data_offsets'][0] + size * 3
b[off:off + size] = struct.pack(fmt, float('$3'))
open('$1', 'wb').write(b)
"
}
poison "$tmp/nan.safetensors" decoder.bias nan
poison "$tmp/inf.safetensors" rnn.weight_hh_l0 inf
for f in nan inf; do
    for fmt in json csv table; do
        run "eval --format $fmt of a model with a $f weight fails cleanly" 1 \
            "$dm" eval "$tmp/$f.safetensors" --vocab "$vocab" --split valid --limit 200 --format $fmt -q
        has "  ... naming the tensor and the element" "$tmp/err" "tensor '(decoder.bias|rnn.weight_hh_l0)' element 3 is (NaN|infinite)"
    done
done
# the header length one byte short: every tensor would be read shifted
py "
import struct
b = open('$model', 'rb').read()
n = struct.unpack('<Q', b[:8])[0]
assert b[8 + n - 1:8 + n] == b' ', 'header not padded'
open('$tmp/short.safetensors', 'wb').write(struct.pack('<Q', n - 1) + b[8:])
" && run "a header length one byte short is refused" 1 \
    "$dm" eval "$tmp/short.safetensors" --vocab "$vocab" --split valid --limit 200 --format json -q
has "  ... with the reason" "$tmp/err" "data section is [0-9]+ bytes but the tensors cover"

# ---- 3, 4. the SQL guard, runaway queries --------------------------------
sdb="$tmp/sql.db"
"$dm" --db "$sdb" -c runs >/dev/null 2>&1
run "sql fts3_tokenizer is refused" 1 "$dm" --db "$sdb" -c "sql select fts3_tokenizer('simple', x'4141414141414141')"
has "  ... by the function allow-list" "$tmp/err" "function fts3_tokenizer\(\) is not allowed"
run "fts3_tokenizer inside runs where is refused" 1 "$dm" --db "$sdb" -c "runs where fts3_tokenizer('simple') is not null"
run "sql randomblob(1e9) is refused" 1 "$dm" --db "$sdb" -c "sql select randomblob(1000000000)"
runaway="sql with recursive c(x) as (select 1 union all select x+1 from c) select count(*) from c"
run "a runaway query stops at sql-timeout" 1 "$dm" --db "$sdb" -c "set sql-timeout 1; $runaway"
has "  ... saying so" "$tmp/err" "query stopped after 1 s"
# Ctrl-C stops it (SIGINT after 1 s, once the query runs; the default timeout is 30 s)
"$dm" --db "$sdb" -c "$runaway" >"$tmp/out" 2>"$tmp/err" &
pid=$!
sleep "$tf"
kill -INT $pid
t0=$(date +%s)
wait $pid
got=$?
t1=$(date +%s)
if [ $got -ne 0 ] && [ $((t1 - t0)) -lt $((10 * tf)) ]; then ok "SIGINT stops a runaway query (exit $got)"; else
    echo "# exit $got after $((t1 - t0)) s" >>"$tmp/err"; notok "SIGINT stops a runaway query"; fi
has "  ... as cancelled" "$tmp/err" "query cancelled"
run "a multi-statement sql line still refuses the write" 1 "$dm" --db "$sdb" -c "sql select 1; drop table runs"
run "a quoted multi-statement query reaches the statement handling" 1 "$dm" --db "$sdb" -c "sql 'select 41 + 1; drop table runs'"
has "  ... the write is refused, not a syntax error" "$tmp/err" "only read-only queries are allowed \\(this statement would write\\)"
run "runs still there" 0 "$dm" --db "$sdb" -c "sql select count(*) from runs"

# ---- 5. readers: special files, limits ----------------------------------
mkfifo "$tmp/fifo"
ln -s "$tmp/loop" "$tmp/loop"
for f in /dev/zero "$tmp/fifo" "$tmp/loop"; do
    run "--data $f is named, not read" 1 "$dm" eval kjv-lstm --data "$f" --limit 200 -q
    has "  ... as what it is" "$tmp/err" "(character device|FIFO|symbolic link loop)"
    run "--vocab $f is named, not read" 1 "$dm" eval kjv-lstm --vocab "$f" --split valid --limit 200 -q
    has "  ... as what it is" "$tmp/err" "(character device|FIFO|symbolic link loop)"
    run "model $f is named" 1 "$dm" eval "$f" --split valid --limit 200 -q
    hasnt "  ... not 'no such model file'" "$tmp/err" "no such model file"
    run "--db $f is refused" 1 "$dm" --db "$f" -c runs
done
# a text without newlines: refused at the line limit, never read whole
py "
import sys
with open('$tmp/long.txt', 'w') as f:
    for i in range(2200000):
        f.write('the lord ')
"
run "a 20 MB line is refused" 1 "$dm" eval kjv-lstm --data "$tmp/long.txt" --limit 200 -q
has "  ... saying the line is too long" "$tmp/err" "long.txt:1: line longer than 16777216 bytes"
py "
with open('$tmp/longtok.txt', 'w') as f:
    f.write('<unk>\n<eos>\n' + 'x' * 100000 + '\n')
"
run "a 100 kB vocabulary token is refused" 1 "$dm" eval kjv-lstm --vocab "$tmp/longtok.txt" --split valid -q
has "  ... saying so" "$tmp/err" "token longer than 4096 bytes"
# under a memory limit: out of memory is said as such (never "0 token(s)" or "empty")
( ulimit -v 400000 2>/dev/null && "$dm" eval kjv-lstm --data "$tmp/long.txt" --limit 200 -q ) >"$tmp/out" 2>"$tmp/err"
hasnt "no 'empty'/'0 token(s)' under a memory limit" "$tmp/err" "(vocabulary is empty|0 token\(s\))"

# ---- 6. the store: refusal, file: names ----------------------------------
printf 'SQLite format 3\000' >"$tmp/fake.db"
head -c 4080 /dev/zero >>"$tmp/fake.db"
cp "$tmp/fake.db" "$tmp/fake.orig"
run "a damaged database is refused" 1 "$dm" --db "$tmp/fake.db" -c runs
if cmp -s "$tmp/fake.db" "$tmp/fake.orig" && [ ! -e "$tmp/fake.db-wal" ] && [ ! -e "$tmp/fake.db-shm" ]; then
    ok "  ... and left byte-identical, nothing beside it"; else notok "  ... and left byte-identical"; fi
(cd "$tmp" && "$dm" --db file:fruns/x.db -c runs) >"$tmp/out" 2>"$tmp/err"
if [ -f "$tmp/file:fruns/x.db" ] && [ ! -e "$tmp/fruns" ]; then ok "--db file:x is a file name, not a URI"; else
    notok "--db file:x is a file name, not a URI"; fi

# ---- 8. output is inert ----------------------------------------------------
edb="$tmp/esc.db"
"$dm" --db "$edb" -c runs >/dev/null 2>&1
/usr/bin/sqlite3 "$edb" "insert into models(name, hash) values('m', 'h');
    insert into runs(model_id, split, created, status, note) values(1, 'valid', '2026-01-01', 'done', 'x')"
esc=$(printf '\033')
run "a note with an ESC sequence" 0 "$dm" --db "$edb" -c "note 1 'a${esc}[31mred${esc}]0;pwned'"
for c in "runs" "show 1" "sql select note from runs" "sql select x'1b5b33316d' as \"${esc}[1m\"" "runs where note like 'a%'"; do
    "$dm" --db "$edb" -c "$c" >"$tmp/out" 2>"$tmp/err"
    if grep -q "$esc" "$tmp/out" "$tmp/err"; then notok "'$c' writes no raw ESC"; else ok "'$c' writes no raw ESC"; fi
    has "  ... and shows it escaped" "$tmp/out" 'x1b\[(31|1)m'
done
run "an error quoting data escapes it" 1 "$dm" --db "$edb" -c "load '${esc}[2J'"
if grep -q "$esc" "$tmp/err"; then notok "  ... no raw ESC in the message"; else ok "  ... no raw ESC in the message"; fi

# ---- 9. NUL in a script ------------------------------------------------------
printf 'set ratio 0.3\000; set ratio 0.9\nset bits 4\n' >"$tmp/nul.dm"
run "a NUL byte in a script is an error" 1 "$dm" --db "$edb" -f "$tmp/nul.dm"
has "  ... naming file:line and column" "$tmp/err" "nul.dm:1: NUL byte at column 14"

# ---- 10. smaller -------------------------------------------------------------
run "sweep ratio nan:1:0.1 is refused as not finite" 1 "$dm" --db "$edb" -c "load kjv-lstm; sweep ratio nan:1:0.1"
has "  ... saying finite" "$tmp/err" "finite numbers"
mkdir -p "$tmp/ro"
printf 'x' >"$tmp/ro/notadb"
run "run against an unusable --db refuses before evaluating" 1 "$dm" --db "$tmp/ro/notadb" -c "load kjv-lstm; set limit 300; run"
has "  ... with one colon" "$tmp/err" "run not saved: [^:]"
hasnt "  ... never a double colon" "$tmp/err" ": : "

# ---- end ------------------------------------------------------------------
echo "1..$n"
exit $fail
