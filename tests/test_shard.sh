#!/bin/sh
# test_shard.sh - sweeps across machines (issue 16, part 5): --shard I/N
# slices a sweep's grid round-robin, each shard into its own SQLite file,
# and import merges them. A 2-shard sweep of 6 configurations runs under
# GNU parallel (-j 2) into two databases; each must hold exactly its slice,
# their merge exactly the configurations of the same sweep run unsharded,
# once each; running a shard again or importing again adds nothing; bad
# shard specs fail with a message. Then the classic `dualmod sweep` and
# `dualmod import FILE...` forms, import's per-file failures, and
# tools/slurm-sweep.sh (bash -n, dry runs, task 1 of 2 run here). Without
# parallel the shards run as two background jobs and the parallel check is
# skipped. Small slices (200 tokens, k 16, 20 timed pairs). TAP output.
top_builddir=${DM_TEST_BUILDDIR:-.}
top_srcdir=${DM_TEST_SRCDIR:-.}
dm="$top_builddir/dualmod"
slurm="$top_srcdir/tools/slurm-sweep.sh"
tmp=$(mktemp -d /tmp/dm_test_shard_XXXXXX) || exit 1
trap 'rm -rf "$tmp"' EXIT
XDG_CACHE_HOME="$tmp/cache"
XDG_DATA_HOME="$tmp/data"
XDG_STATE_HOME="$tmp/state"
export XDG_CACHE_HOME XDG_DATA_HOME XDG_STATE_HOME
# not inside a real job array's task, whatever runs the suite
unset SLURM_ARRAY_TASK_ID SLURM_ARRAY_TASK_COUNT SLURM_ARRAY_TASK_MIN SLURM_ARRAY_TASK_MAX SLURM_ARRAY_JOB_ID \
    SLURM_TMPDIR DRY_RUN DUALMOD DUALMOD_ARGS SCRATCH_DIR

n=0
fail=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
skip() { n=$((n + 1)); echo "ok $n # SKIP $1"; }
notok() { n=$((n + 1)); fail=1; echo "not ok $n - $1"; sed 's/^/# /' "$tmp/out" "$tmp/err" | head -30; }
run() {
    name=$1; want=$2; shift 2
    "$@" >"$tmp/out" 2>"$tmp/err" </dev/null
    got=$?
    if [ "$got" -eq "$want" ]; then ok "$name (exit $got)"; else
        echo "# expected exit $want, got $got" >>"$tmp/err"; notok "$name"; fi
}
has() { if grep -Eq -- "$3" "$2"; then ok "$1"; else echo "# missing /$3/ in $2" >>"$tmp/err"; notok "$1"; fi; }
hasnt() { if grep -Eq -- "$3" "$2"; then echo "# unexpected /$3/ in $2" >>"$tmp/err"; notok "$1"; else ok "$1"; fi; }

# The configurations of a store, one line each, sorted: the knobs that make
# a configuration (not the measured figures), via dualmod's own sql.
configs() { # DB OUTFILE
    "$dm" --db "$1" -q --format csv -c "sql select m.name, r.split, r.tokens, r.ratio, r.bits, r.k, r.eps, r.seed,
        r.mode, r.policy, r.proj, r.path, r.predictor, r.streams, r.status
        from runs r join models m on m.id = r.model_id" >"$2.raw" 2>>"$tmp/err" || return 1
    tail -n +2 "$2.raw" | sort >"$2"
}
# ratio,bits of a store's runs, sorted, on one line: "0.3/4 0.6/8 ..."
knobs() {
    "$dm" --db "$1" -q --format csv -c "sql select ratio || '/' || bits from runs order by ratio, bits" 2>>"$tmp/err" |
        tail -n +2 | sort | tr '\n' ' ' | sed 's/ $//'
}
count() { "$dm" --db "$1" -q --format csv -c "sql select count(*) from runs" 2>>"$tmp/err" | tail -n 1; }

# The grid: bits varies slowest, ratio fastest (sweep's order), so the 6
# configurations are 0 8/0.3, 1 8/0.6, 2 8/0.9, 3 4/0.3, 4 4/0.6, 5 4/0.9;
# round-robin over 2 shards: shard 1 gets 0 2 4, shard 2 gets 1 3 5.
cat >"$tmp/grid.dm" <<'EOF'
load kjv-gru
set limit 200 k 16 speed 20 fit-tokens 2000 calib-tokens 200
sweep ratio 0.3,0.6,0.9 bits 8,4
EOF
slice1="0.3/8 0.6/4 0.9/8"
slice2="0.3/4 0.6/8 0.9/4"
all="0.3/4 0.3/8 0.6/4 0.6/8 0.9/4 0.9/8"

# --- bad shard specs: a usage error (exit 2) naming the value, anywhere on the line ---
for spec in 0/2 3/2 x 1/0 2 1/2/3 -1/2 ' 1/2' 1/2x 1/; do
    "$dm" --db "$tmp/bad.db" -c 'get shard' --shard "$spec" >"$tmp/out" 2>"$tmp/err" </dev/null
    st=$?
    if [ $st -eq 2 ] && grep -Fq "shard '$spec'" "$tmp/err"; then ok "--shard '$spec' refused (exit 2, names the value)"
    else echo "# exit $st" >>"$tmp/err"; notok "--shard '$spec' refused"; fi
done
"$dm" --db "$tmp/bad.db" -c 'get shard' --shard 0/2 >"$tmp/out" 2>"$tmp/err" </dev/null
has "0/2 says shards are numbered from 1" "$tmp/err" 'I must be from 1 to N = 2 \(shards are numbered from 1'
run "set shard 3/2 in a script fails" 1 "$dm" --db "$tmp/bad.db" -c 'set shard 3/2'
has "set shard 3/2 says why" "$tmp/err" "shard '3/2': I must be from 1 to N = 2"
run "sweep cannot sweep the shard" 1 "$dm" --db "$tmp/bad.db" -c 'load kjv-gru; sweep shard 1/2,2/2'
has "sweep shard: the message" "$tmp/err" "'shard' cannot be swept"
run "--shard on a command without a grid is a usage error" 2 "$dm" eval kjv-gru --shard 1/2
has "eval --shard: the message" "$tmp/err" 'slices a sweep'
run "--shard before the options, get shows it" 0 "$dm" --shard 2/5 --db "$tmp/bad.db" --format csv -c 'get shard'
has "get shard 2/5" "$tmp/out" '^shard,2/5'
run "--shard after -c works too" 0 "$dm" --db "$tmp/bad.db" --format csv -c 'get shard' --shard 3/7
has "get shard 3/7" "$tmp/out" '^shard,3/7'
run "the default is 1/1" 0 "$dm" --db "$tmp/bad.db" --format csv -c 'get shard'
has "get shard 1/1" "$tmp/out" '^shard,1/1'
run "--check parses the grid without running it" 0 "$dm" --check -f "$tmp/grid.dm"
has "--check counts the statements" "$tmp/err" '3 statements, all parse'
printf 'load kjv-gru\nsweep ratio\n' >"$tmp/badgrid.dm"
run "--check finds a bad line" 1 "$dm" --check -f "$tmp/badgrid.dm"
has "--check names FILE:LINE" "$tmp/err" 'badgrid.dm:2: sweep: wrong number of arguments'

# --- two shards under GNU parallel, the unsharded sweep, the merge ---
if command -v parallel >/dev/null 2>&1; then
    # the issue's example: parallel -j 2 dualmod --db shard{}.db -f grid.dm --shard {}/2 ::: 1 2
    run "parallel -j 2: two shards" 0 parallel --will-cite -j 2 "$dm" --db "$tmp/shard{}.db" -f "$tmp/grid.dm" --shard '{}/2' ::: 1 2
else
    skip "parallel is not installed (tools/install-deps.sh installs it): the shards run as two background jobs"
    "$dm" --db "$tmp/shard1.db" -f "$tmp/grid.dm" --shard 1/2 >"$tmp/out1" 2>"$tmp/err1" </dev/null &
    p1=$!
    "$dm" --db "$tmp/shard2.db" -f "$tmp/grid.dm" --shard 2/2 >"$tmp/out" 2>"$tmp/err" </dev/null
    s2=$?
    wait $p1
    s1=$?
    cat "$tmp/out1" >>"$tmp/out"
    cat "$tmp/err1" >>"$tmp/err"
    if [ $s1 -eq 0 ] && [ $s2 -eq 0 ]; then ok "two shards at once"; else notok "two shards at once ($s1 $s2)"; fi
fi
has "shard 1 says what it ran" "$tmp/err" 'sweep: shard 1/2: 3 of 6 configurations \(every 2nd from the 1st\); 3 run, 0 already stored'
has "shard 2 says what it ran" "$tmp/err" 'sweep: shard 2/2: 3 of 6 configurations \(every 2nd from the 2nd\); 3 run, 0 already stored'
got=$(knobs "$tmp/shard1.db")
[ "$got" = "$slice1" ] && ok "shard 1 holds its slice: $got" || notok "shard 1 holds its slice (got '$got', want '$slice1')"
got=$(knobs "$tmp/shard2.db")
[ "$got" = "$slice2" ] && ok "shard 2 holds its slice: $got" || notok "shard 2 holds its slice (got '$got', want '$slice2')"

run "the same sweep unsharded" 0 "$dm" --db "$tmp/full.db" -f "$tmp/grid.dm"
has "unsharded: 6 run" "$tmp/err" 'sweep: 6 configurations run, 0 already stored'

run "dualmod import shard*.db" 0 "$dm" --db "$tmp/merged.db" import "$tmp"/shard*.db
has "import: each file" "$tmp/err" 'imported 3 runs from .*shard2\.db'
has "import: the summary" "$tmp/err" 'import: 6 runs from 2 files'
got=$(knobs "$tmp/merged.db")
[ "$got" = "$all" ] && ok "the merge holds the whole grid: $got" || notok "the merge holds the whole grid (got '$got')"
if configs "$tmp/merged.db" "$tmp/merged.cfg" && configs "$tmp/full.db" "$tmp/full.cfg" &&
    [ "$(wc -l <"$tmp/full.cfg")" -eq 6 ] && cmp -s "$tmp/merged.cfg" "$tmp/full.cfg"; then
    ok "merged configurations = unsharded configurations (all knobs, 6 rows)"
else
    diff "$tmp/merged.cfg" "$tmp/full.cfg" | sed 's/^/# /'
    notok "merged configurations = unsharded configurations"
fi
dups=$(sort "$tmp/merged.cfg" | uniq -d | wc -l)
[ "$dups" -eq 0 ] && ok "no configuration twice in the merge" || notok "no configuration twice in the merge ($dups)"
got=$("$dm" --db "$tmp/merged.db" -q --format csv -c "sql select count(*) from run_layers" | tail -n 1)
[ "$got" -eq 12 ] && ok "each run's layers came along (6 runs x 2 layers)" || notok "run_layers in the merge: $got, want 12"

run "importing the shards again" 0 "$dm" --db "$tmp/merged.db" import "$tmp/shard1.db" "$tmp/shard2.db"
has "import again: nothing new" "$tmp/err" 'import: 0 runs from 2 files'
got=$(count "$tmp/merged.db")
[ "$got" = 6 ] && ok "still 6 runs after importing again" || notok "runs after importing again: $got, want 6"

run "shard 1 again resumes: nothing to run" 0 "$dm" --db "$tmp/shard1.db" -f "$tmp/grid.dm" --shard 1/2
has "shard 1 again: all stored" "$tmp/err" 'sweep: shard 1/2: 3 of 6 configurations .*; 0 run, 3 already stored'
got=$(count "$tmp/shard1.db")
[ "$got" = 3 ] && ok "shard 1 still holds 3 runs" || notok "shard 1 holds $got runs, want 3"

run "a shard past the grid's end has nothing to do" 0 "$dm" --db "$tmp/empty.db" -f "$tmp/grid.dm" --shard 7/8
has "7/8 of 6: 0 configurations" "$tmp/err" 'sweep: shard 7/8: 0 of 6 configurations'

# --- import: per-file failures, all or nothing per file ---
printf 'not a database\n' >"$tmp/junk.db"
run "import with a missing and a foreign file fails" 1 "$dm" --db "$tmp/part.db" import "$tmp/shard2.db" "$tmp/missing.db" "$tmp/junk.db"
has "the missing file is named" "$tmp/err" 'missing\.db: cannot import'
has "the summary names both failures" "$tmp/err" "import: 2 of 3 files failed, nothing imported from them \(.*missing\.db, .*junk\.db\)"
got=$(knobs "$tmp/part.db")
[ "$got" = "$slice2" ] && ok "the good file was imported whole" || notok "the good file was imported whole (got '$got')"
run "the store itself among the files is skipped" 0 "$dm" --db "$tmp/shard2.db" import "$tmp"/shard*.db
has "skipped, said" "$tmp/err" 'shard2\.db is this store itself'
got=$(knobs "$tmp/shard2.db")
[ "$got" = "$all" ] && ok "shard 2 + shard 1 = the grid" || notok "shard 2 + shard 1 = the grid (got '$got')"

# --- the classic form: dualmod sweep MODEL ... --shard I/N ---
cl="--limit 200 --k 16 --steps 20 --fit-tokens 2000 --calib-tokens 200"
# shellcheck disable=SC2086
run "dualmod sweep --explain" 0 "$dm" sweep kjv-gru ratio 0.3,0.6,0.9 bits 8,4 --shard 2/2 $cl --force --explain
has "the statements" "$tmp/out" '^load kjv-gru; set speed 20; set shard 2/2; set limit 200 k 16 fit-tokens 2000 calib-tokens 200; sweep ratio 0.3,0.6,0.9 bits 8,4 --force$'
# shellcheck disable=SC2086
run "dualmod sweep MODEL ... --shard 2/2 --db" 0 "$dm" sweep kjv-gru ratio 0.3,0.6,0.9 bits 8,4 --shard 2/2 --db "$tmp/classic.db" $cl
got=$(knobs "$tmp/classic.db")
[ "$got" = "$slice2" ] && ok "the classic sweep holds shard 2's slice" || notok "the classic sweep's slice (got '$got')"
run "dualmod sweep without pairs is a usage error" 2 "$dm" sweep kjv-gru
has "it says what is needed" "$tmp/err" 'sweep needs a MODEL and NAME VALUES pairs'
run "dualmod sweep with a setting first" 2 "$dm" sweep ratio 0.3,0.6
has "MODEL comes first" "$tmp/err" 'the MODEL comes first'
run "dualmod import without files" 2 "$dm" import
run "dualmod import --explain" 0 "$dm" import a.db 'b c.db' --explain
has "one import statement" "$tmp/out" "^import a.db 'b c.db'$"

# --- tools/slurm-sweep.sh ---
run "slurm-sweep.sh: bash -n" 0 bash -n "$slurm"
has "it is a job array with SBATCH directives" "$slurm" '^#SBATCH --array=1-'
run "slurm-sweep.sh --dry-run GRID OUT 4" 0 env DUALMOD="$dm" bash "$slurm" --dry-run "$tmp/grid.dm" "$tmp/slurm" 4
has "task 3 of 4 runs shard 3/4" "$tmp/out" '^task 3/4: .*dualmod --db .*/shard-3\.db -f .*grid\.dm --shard 3/4$'
has "the merge step" "$tmp/out" '^merge, after every task: .* import .*/shard-\*\.db'
[ ! -e "$tmp/slurm" ] && ok "a dry run writes nothing" || notok "a dry run writes nothing"
run "DRY_RUN=1 with the Slurm variables: one task" 0 env DUALMOD="$dm" DRY_RUN=1 SLURM_ARRAY_TASK_ID=2 SLURM_ARRAY_TASK_COUNT=16 SLURM_ARRAY_TASK_MIN=1 SLURM_ARRAY_TASK_MAX=16 bash "$slurm" "$tmp/grid.dm" "$tmp/slurm"
has "task 2/16 only" "$tmp/out" '^task 2/16: .*--shard 2/16$'
hasnt "no other task" "$tmp/out" '^task (1|3)/16'
run "an array from 0: task 0 is shard 1" 0 env DUALMOD="$dm" DRY_RUN=1 SLURM_ARRAY_TASK_ID=0 SLURM_ARRAY_TASK_COUNT=4 SLURM_ARRAY_TASK_MIN=0 SLURM_ARRAY_TASK_MAX=3 bash "$slurm" "$tmp/grid.dm" "$tmp/slurm"
has "shard 1/4" "$tmp/out" '^task 1/4: .*--shard 1/4$'
run "a stepped array is refused" 2 env DUALMOD="$dm" DRY_RUN=1 SLURM_ARRAY_TASK_ID=3 SLURM_ARRAY_TASK_COUNT=8 SLURM_ARRAY_TASK_MIN=1 SLURM_ARRAY_TASK_MAX=15 bash "$slurm" "$tmp/grid.dm" "$tmp/slurm"
has "not contiguous" "$tmp/err" 'not contiguous'
run "a missing grid is refused" 2 env DUALMOD="$dm" bash "$slurm" --dry-run "$tmp/nogrid.dm" "$tmp/slurm" 2
has "the grid is named" "$tmp/err" "grid script '.*nogrid\.dm': not a readable file"
run "a grid that does not parse is refused" 2 env DUALMOD="$dm" bash "$slurm" --dry-run "$tmp/badgrid.dm" "$tmp/slurm" 2
has "FILE:LINE of the grid" "$tmp/err" 'badgrid\.dm:2:'
run "no Slurm variables and no dry run is refused" 2 env DUALMOD="$dm" bash "$slurm" "$tmp/grid.dm" "$tmp/slurm"
has "it says how to submit" "$tmp/err" 'sbatch --array=1-N'
run "task 1 of 2 run here" 0 env DUALMOD="$dm" DUALMOD_ARGS=-q SCRATCH_DIR="$tmp/scratch" SLURM_ARRAY_TASK_ID=1 SLURM_ARRAY_TASK_COUNT=2 bash "$slurm" "$tmp/grid.dm" "$tmp/slurm"
got=$(knobs "$tmp/slurm/shard-1.db")
[ "$got" = "$slice1" ] && ok "the task's database in OUTDIR holds shard 1's slice" || notok "slurm task 1's slice (got '$got')"
[ -z "$(ls -A "$tmp/scratch" 2>/dev/null)" ] && ok "the node-local copy is cleaned up" || notok "scratch left: $(ls -A "$tmp/scratch")"
run "task 1 again resumes from OUTDIR" 0 env DUALMOD="$dm" SCRATCH_DIR="$tmp/scratch" SLURM_ARRAY_TASK_ID=1 SLURM_ARRAY_TASK_COUNT=2 bash "$slurm" "$tmp/grid.dm" "$tmp/slurm"
has "nothing run again" "$tmp/err" '0 run, 3 already stored'

echo "1..$n"
exit $fail
