#!/bin/sh
# bench-compare.sh OLD.csv NEW.csv - compare two `make bench` CSV files row by
# row (arch, bits, threads, ratio): layer speedups, % of the bandwidth limit
# and of the read-pattern limit (files written before it: -), the
# pair-speedup spread, and which dense GEMV each used. Rows present in
# only one file are listed as such. POSIX sh + awk only.
set -eu
if [ $# -ne 2 ] || [ ! -r "$1" ] || [ ! -r "$2" ]; then
    echo "usage: $0 OLD.csv NEW.csv (two files written by make bench)" >&2
    exit 2
fi
awk -F, '
FNR == 1 {
    file++
    for (i = 1; i <= NF; i++) col[file, $i] = i
    need = "arch bits threads ratio pct_limit spread dense_gemv"
    n = split(need, w, " ")
    for (i = 1; i <= n; i++)
        if (!((file, w[i]) in col)) {
            printf "%s: no column %s (expected a CSV of make bench)\n", FILENAME, w[i] > "/dev/stderr"
            bad = 1
            exit 2
        }
    # the layer speedup: speedup (speedup_layer in files written before the names were unified)
    spc[file] = (file, "speedup") in col ? col[file, "speedup"] : (file, "speedup_layer") in col ? col[file, "speedup_layer"] : 0
    if (!spc[file]) {
        printf "%s: no column speedup (expected a CSV of make bench)\n", FILENAME > "/dev/stderr"
        bad = 1
        exit 2
    }
    next
}
{
    k = $col[file, "arch"] " " $col[file, "bits"] "b t" $col[file, "threads"] " r" $col[file, "ratio"]
    sp[file, k] = $spc[file]
    pl[file, k] = $col[file, "pct_limit"]
    pr[file, k] = (file, "pct_read_limit") in col && $col[file, "pct_read_limit"] != "" ? sprintf("%.0f%%", $col[file, "pct_read_limit"]) : "-"
    sd[file, k] = $col[file, "spread"]
    dn[file, k] = $col[file, "dense_gemv"]
    if (!(k in seen)) { seen[k] = 1; order[++nk] = k }
}
END {
    if (bad) exit 2
    printf "%-22s %9s %9s %7s %8s %8s %9s %9s %7s %7s  %s\n", "row", "old sp", "new sp", "new/old", "old %lim", "new %lim", "old %rlim", "new %rlim", "old spr", "new spr", "dense old -> new"
    for (i = 1; i <= nk; i++) {
        k = order[i]
        if (!((1, k) in sp)) { printf "%-22s only in the new file\n", k; continue }
        if (!((2, k) in sp)) { printf "%-22s only in the old file\n", k; continue }
        printf "%-22s %8.2fx %8.2fx %7.2f %7.0f%% %7.0f%% %9s %9s %6.0f%% %6.0f%%  %s -> %s\n", k, sp[1, k], sp[2, k],
               (sp[1, k] > 0 ? sp[2, k] / sp[1, k] : 0), pl[1, k], pl[2, k], pr[1, k], pr[2, k], 100 * sd[1, k], 100 * sd[2, k],
               dn[1, k], dn[2, k]
    }
}' "$1" "$2"
