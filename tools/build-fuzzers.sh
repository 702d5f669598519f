#!/bin/sh
# build-fuzzers.sh - build the libFuzzer targets of tests/fuzz with clang
# (-fsanitize=fuzzer,address,undefined). Called by `make fuzz`, which passes
# the library's sources and the flags configure found:
#   build-fuzzers.sh SRCDIR OUTDIR SOURCES...
# Environment: FUZZ_CC (default clang), DEP_CFLAGS, DEP_LIBS.
set -eu
srcdir=$1
out=$2
shift 2
cc=${FUZZ_CC:-clang}
if ! command -v "$cc" >/dev/null 2>&1; then
    echo "build-fuzzers: $cc not found (tools/install-deps.sh installs clang and libclang-rt-14-dev)" >&2
    exit 1
fi
san="-fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer"
nosan="-std=c11 -g -O1 -Wall -Wextra"
cflags="$nosan $san"
inc="-I$srcdir/src -I$srcdir/src/io -I$srcdir/src/nets -I$srcdir/src/little -I$srcdir/src/layers -I$srcdir/src/task -I$srcdir/src/dual \
-I$srcdir/src/kernels -I$srcdir/src/cmd -I$srcdir/db -I$srcdir/tests/fuzz"
mkdir -p "$out/obj"
objs=""
stale="$out/obj/stale.list"
: >"$stale"
for s in "$@"; do
    case $s in *.c) ;; *) continue ;; esac
    o="$out/obj/$(echo "$s" | tr / _ | sed 's/\.c$/.o/')"
    if [ ! -f "$o" ] || [ "$srcdir/$s" -nt "$o" ] || [ -n "$(find "$srcdir/src" "$srcdir/db" -name '*.h' -newer "$o" 2>/dev/null | head -1)" ]; then
        printf '%s %s\n' "$s" "$o" >>"$stale"
    fi
    objs="$objs $o"
done
# the sanitized compiles are slow (about 12 minutes one at a time here):
# FUZZ_JOBS of them at once (default: the number of cores)
jobs=${FUZZ_JOBS:-$(getconf _NPROCESSORS_ONLN 2>/dev/null || echo 2)}
# pgemm.c's always-inlined SIMD tiles (a dozen shapes per instruction set)
# take clang over 5 minutes to instrument: it is built without sanitizers
# (no fuzz target reaches it; the ASan+UBSan suite covers it)
export cc cflags nosan inc srcdir
# shellcheck disable=SC2016
xargs -r -P "$jobs" -L 1 sh -c 'echo "  FUZZCC   $1"; f=$cflags; case $1 in */pgemm.c) f=$nosan ;; esac
    "$cc" $f -fsanitize=fuzzer-no-link $inc ${DEP_CFLAGS:-} -pthread -c "$srcdir/$1" -o "$2.tmp" && mv "$2.tmp" "$2"' sh <"$stale"
rm -f "$stale"
for t in "$srcdir"/tests/fuzz/fuzz_*.c; do
    name=$(basename "$t" .c)
    echo "  FUZZLD   $out/$name"
    # shellcheck disable=SC2086
    "$cc" $cflags -fsanitize=fuzzer $inc ${DEP_CFLAGS:-} -pthread "$t" $objs ${DEP_LIBS:-} -lm -o "$out/$name"
done
