#!/bin/sh
# crash_sweep.sh - crash safety of the run store (issue 15): a sweep is
# killed with SIGKILL at random points, ROUNDS times; after each kill the
# store must pass PRAGMA integrity_check, hold no half-written run (every
# run has its layers, status done or cancelled), and resuming the sweep must
# not duplicate a configuration. Then three identical sweeps run at once and
# must store each configuration once. TAP output. Run by tools/ci-extra.sh
# (slow tier); DM_CRASH_ROUNDS sets the number of kills (default 8).
top_builddir=${DM_TEST_BUILDDIR:-.}
dm="$(cd "$top_builddir" && pwd)/dualmod"
tmp=$(mktemp -d /tmp/dm_crash_XXXXXX) || exit 1
trap 'rm -rf "$tmp"' EXIT
XDG_CACHE_HOME="$tmp/cache"
XDG_DATA_HOME="$tmp/data"
export XDG_CACHE_HOME XDG_DATA_HOME
rounds=${DM_CRASH_ROUNDS:-8}
db="$tmp/runs.db"
sweep="load kjv-lstm; set limit 400 k 16 speed 20; sweep ratio 0.1:0.9:0.2"
n=0
fail=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
notok() { n=$((n + 1)); fail=1; echo "not ok $n - $1"; }
q() { /usr/bin/sqlite3 "$1" "$2" 2>&1; }

check_store() { # check_store DB LABEL
    ic=$(q "$1" "pragma integrity_check")
    [ "$ic" = ok ] && ok "$2: integrity_check ok" || { echo "# $ic"; notok "$2: integrity_check ok"; }
    half=$(q "$1" "select count(*) from runs r where not exists (select 1 from run_layers l where l.run_id = r.id) or status not in ('done', 'cancelled')")
    [ "$half" = 0 ] && ok "$2: no half-written run" || { echo "# $half"; notok "$2: no half-written run"; }
    dup=$(q "$1" "select count(*) from (select ratio from runs where status = 'done' group by ratio having count(*) > 1)")
    [ "$dup" = 0 ] && ok "$2: no configuration stored twice" || { echo "# $dup"; notok "$2: no configuration stored twice"; }
}

# the little module's fit is cached once (not part of what is killed)
"$dm" --db "$tmp/warm.db" -c "load kjv-lstm; set limit 400 k 16 speed 20 ratio 0.1; run" >/dev/null 2>&1 ||
    { echo "Bail out! cannot run the warm-up evaluation"; exit 1; }

"$dm" --db "$db" -c runs >/dev/null 2>&1 # the schema exists before the first kill
seed=$$
i=0
while [ $i -lt "$rounds" ]; do
    i=$((i + 1))
    seed=$(( (seed * 1103515245 + 12345) % 2147483648 ))
    ms=$(( 300 + seed % 5000 ))
    "$dm" --db "$db" -c "$sweep" >/dev/null 2>&1 &
    pid=$!
    sleep "$(printf '%d.%03d' $((ms / 1000)) $((ms % 1000)))"
    kill -KILL $pid 2>/dev/null
    wait $pid 2>/dev/null
    echo "# round $i: SIGKILL after $ms ms"
    check_store "$db" "kill $i"
done
"$dm" --db "$db" -c "$sweep" >"$tmp/out" 2>&1 && ok "the sweep resumes and completes" || { sed 's/^/# /' "$tmp/out"; notok "the sweep resumes and completes"; }
check_store "$db" "after resume"
done_n=$(q "$db" "select count(distinct ratio) || '/' || count(*) from runs where status = 'done'")
[ "$done_n" = "5/5" ] && ok "each of the 5 configurations stored once ($done_n)" || notok "each of the 5 configurations stored once (got $done_n)"

# SIGTERM (a scheduler's stop) during a sweep: the running configuration is
# stored as cancelled, the exit status is 128 + 15, the sweep resumes
dbt="$tmp/term.db"
"$dm" --db "$dbt" -c runs >/dev/null 2>&1 # the schema exists before the poll
"$dm" --db "$dbt" -c "$sweep" >"$tmp/term.out" 2>&1 &
pid=$!
w=0
while [ $w -lt 600 ]; do # until the first configuration is stored (at most 60 s)
    c=$(q "$dbt" "select count(*) from runs")
    case $c in '' | *[!0-9]*) c=0 ;; esac
    [ "$c" -ge 1 ] && break
    sleep 0.1
    w=$((w + 1))
done
kill -TERM $pid 2>/dev/null
wait $pid
rc=$?
[ $rc -eq 143 ] && ok "SIGTERM during a sweep: exit status 143" || { sed 's/^/# /' "$tmp/term.out"; notok "SIGTERM during a sweep: exit status 143 (got $rc)"; }
check_store "$dbt" "after SIGTERM"
st=$(q "$dbt" "select group_concat(status, ' ') from (select status from runs order by id)")
case "$st" in
*"done cancelled") ok "the configuration running at SIGTERM is stored as cancelled ($st)" ;;
*cancelled*) notok "only the configuration running at SIGTERM is cancelled (got: $st)" ;;
"done done done done done") notok "SIGTERM stopped the sweep (it ran to the end: $st)" ;;
*) ok "SIGTERM arrived between configurations: nothing to cancel ($st)" ;;
esac
"$dm" --db "$dbt" -c "$sweep" >/dev/null 2>&1 && ok "the sweep resumes after SIGTERM" || notok "the sweep resumes after SIGTERM"
got=$(q "$dbt" "select count(distinct ratio) || '/' || count(*) from runs where status = 'done'")
[ "$got" = "5/5" ] && ok "after SIGTERM and resume each configuration is stored once ($got)" || notok "after SIGTERM and resume each configuration is stored once (got $got)"

# three identical sweeps at once
db3="$tmp/three.db"
"$dm" --db "$db3" -c "$sweep" >/dev/null 2>&1 &
p1=$!
"$dm" --db "$db3" -c "$sweep" >/dev/null 2>&1 &
p2=$!
"$dm" --db "$db3" -c "$sweep" >/dev/null 2>&1 &
p3=$!
wait $p1; s1=$?
wait $p2; s2=$?
wait $p3; s3=$?
[ $s1 -eq 0 ] && [ $s2 -eq 0 ] && [ $s3 -eq 0 ] && ok "three identical sweeps at once succeed" || notok "three identical sweeps at once succeed ($s1 $s2 $s3)"
check_store "$db3" "three sweeps"
got=$(q "$db3" "select count(*) from runs where status = 'done'")
[ "$got" = 5 ] && ok "three identical sweeps store 5 rows, not 15" || notok "three identical sweeps store 5 rows (got $got)"

echo "1..$n"
exit $fail
