#!/bin/bash
# slurm-sweep.sh - a dualmod sweep as a Slurm job array: array task I of N
# runs the grid script with --shard I/N into its own SQLite file; when all
# tasks have finished, `dualmod import` merges the shards (no duplicates).
#
#   sbatch --array=1-16 tools/slurm-sweep.sh grid.dm results/
#   # after every task has finished (or: sbatch --dependency=afterany:JOBID ...):
#   dualmod --db results/merged.db import results/shard-*.db
#
# grid.dm is a dualmod script holding the sweep, e.g.
#   load kjv-lstm
#   set limit 20000 speed 300
#   sweep ratio 0.1:0.9:0.1 bits 8,4,2
# Every task runs the whole script; the shard setting makes the sweep run
# only its configurations: i (counted from 0 in the sweep's order: ratio and
# mode fastest) when i mod N = I-1. Round-robin, so the shards get similar
# mixes of cheap and expensive configurations; each shard still fits the
# little modules of every bit width / k it meets. Other statements of the
# script (a lone `run`, `study`) are not sharded: every task would repeat
# them, so keep the script to load, set and sweep.
#
# SQLite and network filesystems: a task writes its database on node-local
# disk (SCRATCH_DIR) and copies it into OUTDIR when dualmod ends (also after
# a failure or a signal), so no SQLite file is written over NFS/Lustre/GPFS
# and no two tasks share one. A task that runs again (requeue, the same
# array submitted again) starts from its copy in OUTDIR and skips the
# configurations already stored (resume).
#
# Time limit: --signal=B:USR1@300 below has Slurm warn this script 5 minutes
# before the limit; it passes the warning to dualmod as the Ctrl-C it
# understands (the running configuration is stored as cancelled, the
# completed ones stay, each is its own transaction), then copies the
# database. Give the array a --time that fits a few configurations at
# least; a SIGKILL loses only the configuration that was running.
#
# Array tasks are numbered by Slurm; shard I is the task's position in the
# array: SLURM_ARRAY_TASK_ID - SLURM_ARRAY_TASK_MIN + 1 (so --array=1-N gives
# --shard $SLURM_ARRAY_TASK_ID/$SLURM_ARRAY_TASK_COUNT, and 0-(N-1) works
# too), N = SLURM_ARRAY_TASK_COUNT. The array must be contiguous (a step
# such as 1-16:2 is refused); a throttle (1-16%4) is fine.
#
# Without Slurm:
#   tools/slurm-sweep.sh --dry-run grid.dm results/ 16
#       checks that grid.dm parses (dualmod --check) and holds a sweep, and
#       prints the command each of the 16 tasks would run; runs nothing
#   DRY_RUN=1 SLURM_ARRAY_TASK_ID=3 SLURM_ARRAY_TASK_COUNT=16 tools/slurm-sweep.sh grid.dm results/
#       the same for one task
#   SLURM_ARRAY_TASK_ID=1 SLURM_ARRAY_TASK_COUNT=2 tools/slurm-sweep.sh grid.dm results/
#       runs task 1 of 2 here (a test on a workstation)
#
# Environment: DUALMOD (the program; default dualmod on PATH), DUALMOD_ARGS
# (more options for every task, split on blanks, e.g. "--threads 1 -q"),
# SCRATCH_DIR (node-local directory; default $SLURM_TMPDIR, $TMPDIR, /tmp),
# DRY_RUN=1 (as --dry-run). Exit status: dualmod's; 2 on a usage error.
#
#SBATCH --job-name=dualmod-sweep
#SBATCH --array=1-16
#SBATCH --ntasks=1
#SBATCH --cpus-per-task=1
#SBATCH --time=04:00:00
#SBATCH --output=dualmod-sweep-%A_%a.out
#SBATCH --signal=B:USR1@300
set -u

prog=slurm-sweep.sh
usage() {
    echo "usage: $prog [--dry-run] GRID.dm OUTDIR [N]   (sbatch --array=1-N $prog GRID.dm OUTDIR)" >&2
    exit 2
}
die() { echo "$prog: $*" >&2; exit 2; }

dry=${DRY_RUN:-0}
[ "$dry" = 0 ] || [ "$dry" = 1 ] || die "DRY_RUN='$dry': expected 0 or 1"
if [ "${1:-}" = "--dry-run" ] || [ "${1:-}" = "-n" ]; then
    dry=1
    shift
fi
[ $# -ge 2 ] && [ $# -le 3 ] || usage
grid=$1 out=$2 count_arg=${3:-}
dm=${DUALMOD:-dualmod}
# shellcheck disable=SC2206 # split on blanks on purpose
extra=(${DUALMOD_ARGS:-})

[ -f "$grid" ] && [ -r "$grid" ] || die "grid script '$grid': not a readable file"
command -v "$dm" >/dev/null 2>&1 || die "dualmod program '$dm' not found (set DUALMOD=/path/to/dualmod)"

# shard I of N from the array task
id=${SLURM_ARRAY_TASK_ID:-}
count=${SLURM_ARRAY_TASK_COUNT:-}
[ -n "$id" ] || [ "$dry" = 1 ] ||
    die "SLURM_ARRAY_TASK_ID is not set: submit with sbatch --array=1-N, or --dry-run GRID OUTDIR N"
if [ -n "$count_arg" ]; then
    [ "$dry" = 1 ] || die "N on the command line is for --dry-run; under Slurm N is SLURM_ARRAY_TASK_COUNT"
    [ -z "$id" ] || die "give N or SLURM_ARRAY_TASK_ID, not both"
    count=$count_arg
fi
case $count in '' | *[!0-9]*) die "the number of shards '$count' is not a positive integer (sbatch --array=1-N sets SLURM_ARRAY_TASK_COUNT; a dry run takes N)" ;; esac
[ "$count" -ge 1 ] || die "the number of shards must be at least 1"
min=${SLURM_ARRAY_TASK_MIN:-1}
if [ -n "$id" ]; then
    case $id$min in *[!0-9]*) die "SLURM_ARRAY_TASK_ID '$id' / SLURM_ARRAY_TASK_MIN '$min': expected integers" ;; esac
    if [ -n "${SLURM_ARRAY_TASK_MAX:-}" ] && [ $((SLURM_ARRAY_TASK_MAX - min + 1)) -ne "$count" ]; then
        die "array $min-$SLURM_ARRAY_TASK_MAX holds $count tasks: not contiguous (use --array=1-N, optionally %K)"
    fi
    first=$((id - min + 1))
    last=$first
    [ "$first" -ge 1 ] && [ "$first" -le "$count" ] ||
        die "task $id is not in the array $min..$((min + count - 1))"
else
    first=1
    last=$count
fi

# one shard: the command it runs
cmd_of() { # I
    local c
    c=$(printf '%q ' "$dm" --db "$scratch/shard-$1.db" -f "$grid" --shard "$1/$count" ${extra[@]+"${extra[@]}"})
    echo "${c% }"
}

scratch=${SCRATCH_DIR:-${SLURM_TMPDIR:-${TMPDIR:-/tmp}}}/dualmod-sweep-${SLURM_ARRAY_JOB_ID:-$$}
if [ "$dry" = 1 ]; then
    "$dm" --check -q -f "$grid" || die "grid script '$grid' does not parse (see above)"
    grep -Eq '(^|;)[[:space:]]*sweep([[:space:]]|$)' "$grid" ||
        echo "$prog: warning: '$grid' has no sweep statement: every shard would run all of it" >&2
    [ -d "$out" ] || echo "$prog: note: OUTDIR '$out' does not exist yet (it is created)" >&2
    for i in $(seq "$first" "$last"); do
        echo "task $i/$count: $(cmd_of "$i")"
        echo "task $i/$count:   then copies $scratch/shard-$i.db to $out/shard-$i.db"
    done
    echo "merge, after every task: $dm --db $out/merged.db import $out/shard-*.db"
    exit 0
fi

i=$first
mkdir -p "$out" "$scratch" || die "cannot create '$out' or '$scratch'"
db="$scratch/shard-$i.db"
dest="$out/shard-$i.db"
rm -f "$db" "$db-wal" "$db-shm"
if [ -f "$dest" ]; then # resume from the earlier attempt's copy
    cp "$dest" "$db" || die "cannot copy '$dest' to '$db'"
    if [ -f "$dest-wal" ]; then
        cp "$dest-wal" "$db-wal" || die "cannot copy '$dest-wal' to '$db-wal'"
    fi
fi

# Copy the finished (or interrupted) database into OUTDIR: first dualmod
# opens it once more, which folds a write-ahead log left by a killed run
# into the file, then a copy under a temporary name is renamed over the
# old one, so OUTDIR never holds half a file.
copy_back() {
    [ -f "$db" ] || return 0
    "$dm" --db "$db" -q -c 'sql select count(*) from runs' >/dev/null 2>&1
    rm -f "$dest-wal"
    if [ -s "$db-wal" ]; then
        echo "$prog: warning: $db still has a write-ahead log; copying it beside the database" >&2
        cp "$db-wal" "$dest.tmp-$$-wal" && mv -f "$dest.tmp-$$-wal" "$dest-wal"
    fi
    if cp "$db" "$dest.tmp-$$" && mv -f "$dest.tmp-$$" "$dest"; then
        echo "$prog: shard $i/$count: $dest" >&2
        rm -f "$db" "$db-wal" "$db-shm"
        rmdir "$scratch" 2>/dev/null
    else
        rm -f "$dest.tmp-$$"
        echo "$prog: cannot copy $db to $dest; it is left on ${HOSTNAME:-$(uname -n)}" >&2
        return 1
    fi
}

# The warning before the time limit (USR1, see --signal above), scancel's
# TERM, a Ctrl-C: passed on to dualmod as the Ctrl-C it understands; the
# database is copied when it has stopped.
child=
on_signal() {
    [ -n "$child" ] && kill -INT "$child" 2>/dev/null
}
trap on_signal USR1 TERM INT
echo "$prog: shard $i/$count on ${HOSTNAME:-$(uname -n)}: $(cmd_of "$i")" >&2
"$dm" --db "$db" -f "$grid" --shard "$i/$count" ${extra[@]+"${extra[@]}"} &
child=$!
wait "$child"
rc=$?
if kill -0 "$child" 2>/dev/null; then # the wait was cut short by the signal
    wait "$child"
    rc=$?
fi
trap - USR1 TERM INT
copy_back || [ "$rc" -ne 0 ] || rc=1
exit "$rc"
