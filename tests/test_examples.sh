#!/bin/sh
# test_examples.sh - the scripts of examples/ that the README points to:
# every one is named by the README, parses (dualmod --check -f) and loads
# models that exist; sweep.dm runs to the end in a cut-down form (its limit
# and timed pairs made small, the little module fitted on little data), and
# with DM_TEST_EXAMPLES=all every script does (about 2 min more: the
# classifier's and translator's fitting), so a renamed command, setting or
# model breaks this test rather than a reader. TAP output.
top_builddir=${DM_TEST_BUILDDIR:-.}
top_srcdir=${DM_TEST_SRCDIR:-.}
dm="$top_builddir/dualmod"
tmp=$(mktemp -d /tmp/dm_test_examples_XXXXXX) || exit 1
trap 'rm -rf "$tmp"' EXIT
XDG_CACHE_HOME="$tmp/cache"
XDG_DATA_HOME="$tmp/data"
XDG_STATE_HOME="$tmp/state"
export XDG_CACHE_HOME XDG_DATA_HOME XDG_STATE_HOME

. "$top_srcdir/tests/tap.sh"

set -- "$top_srcdir"/examples/*.dm
if [ ! -f "$1" ]; then : >"$tmp/out"; echo "# no examples/*.dm under $top_srcdir" >"$tmp/err"; notok "examples exist"; echo "1..$n"; exit 1; fi
ok "examples exist ($# scripts)"
for f in "$@"; do
    b=$(basename "$f")
    # the README names each one
    if grep -q "examples/$b" "$top_srcdir/README.md"; then ok "README uses $b"; else
        : >"$tmp/out"; echo "# README.md does not mention examples/$b" >"$tmp/err"; notok "README uses $b"; fi
    run "$b parses" 0 "$dm" --check -f "$f"
    has "$b: all statements parse" "$tmp/err" "all parse"
    # cut down: few tokens/images/sentences, few timed pairs and trials, little fitting data
    sed -e 's/\(limit\) [0-9][0-9]*/\1 400/g' -e 's/\(speed\) [0-9][0-9]*/\1 5/g' \
        -e 's/^\(load [^ #]*\).*/\1; set fit-tokens 500 calib-tokens 50/' "$f" >"$tmp/$b"
    for m in $(sed -n 's/^load \([^ #;]*\).*/\1/p' "$f"); do
        run "$b: model $m exists" 0 "$dm" info "$m" --format json
    done
    if [ "$b" = sweep.dm ] || [ "${DM_TEST_EXAMPLES:-}" = all ]; then
        t0=$(date +%s)
        run "$b runs (cut down)" 0 "$dm" -q -f "$tmp/$b"
        echo "# $b: $(($(date +%s) - t0)) s"
        cp "$tmp/out" "$tmp/$b.out"
    fi
done
if [ -f "$tmp/sweep.dm.out" ]; then
    has "sweep.dm stored its grid" "$tmp/sweep.dm.out" "^ *6 +kjv-lstm +valid +400 "
fi
if [ -f "$tmp/translate.dm.out" ]; then
    has "translate.dm translated" "$tmp/translate.dm.out" "[Ll]ight"
fi

echo "1..$n"
exit $fail
