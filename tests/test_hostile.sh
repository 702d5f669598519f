#!/bin/sh
# test_hostile.sh - hostile input and faults (issue 15): each check here
# reproduces a defect found by trying the program as a hostile user would;
# none may crash, hang, corrupt or lose anything. TAP output.
top_builddir=${DM_TEST_BUILDDIR:-.}
top_srcdir=${DM_TEST_SRCDIR:-.}
dm="$top_builddir/dualmod"
tmp=$(mktemp -d /tmp/dm_test_hostile_XXXXXX) || exit 1
trap 'rm -rf "$tmp"' EXIT
XDG_CACHE_HOME="$tmp/cache"
XDG_DATA_HOME="$tmp/data"
export XDG_CACHE_HOME XDG_DATA_HOME
py() { /usr/bin/python3 -c "$@"; }

n=0
fail=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
notok() { n=$((n + 1)); fail=1; echo "not ok $n - $1"; sed 's/^/# /' "$tmp/out" "$tmp/err" | head -20; }
# run NAME WANT_STATUS CMD... : runs CMD (at most 60 s), checks the exit status
run() {
    name=$1; want=$2; shift 2
    timeout -k 5 60 "$@" >"$tmp/out" 2>"$tmp/err" </dev/null
    got=$?
    if [ "$got" -eq "$want" ]; then ok "$name (exit $got)"; else
        echo "# expected exit $want, got $got" >>"$tmp/err"; notok "$name"; fi
}
# has NAME FILE PATTERN : grep -E PATTERN in FILE
has() { if grep -Eq -- "$3" "$2"; then ok "$1"; else echo "# missing /$3/" >>"$tmp/err"; notok "$1"; fi; }
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

# ---- end ------------------------------------------------------------------
echo "1..$n"
exit $fail
