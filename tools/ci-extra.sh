#!/bin/sh
# ci-extra.sh - the slow CI tier (issue 15), run by `make ci-extra` after
# `make check` in the configured tree (.ci/run does both):
#   1. an ASan+UBSan build (--enable-asan --enable-werror, in a copy of the
#      tracked sources) running the whole suite;
#   2. Valgrind memcheck on the unit tests (the plain build);
#   3. the libFuzzer targets, FUZZ_SECONDS (default 30) each;
#   4. the crash-safety test (SIGKILL during a sweep, resume, concurrent sweeps);
#   5. `make distcheck` (--enable-werror) with clang running the whole suite
#      from the tarball, then with gcc running DISTCHECK_GCC_TESTS (the
#      gcc build of the whole suite is `make check` itself: this one checks
#      the tarball builds and installs with gcc too).
# Each step prints its wall time. CI_EXTRA_SKIP="asan valgrind fuzz crash
# distcheck" leaves steps out (e.g. locally).
# CI_EXTRA_BUDGET (seconds, default 3900: CI allows 90 minutes for the whole
# of .ci/run, and `make check` before this takes about 15) bounds the tier:
# when what is left would not fit the clang distcheck's whole suite, that
# distcheck runs the gcc subset instead, and says so.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
skip=" ${CI_EXTRA_SKIP:-} "
fuzz_seconds=${FUZZ_SECONDS:-30}
work=${CI_EXTRA_DIR:-$top/ci-extra}
mkdir -p "$work"
budget=${CI_EXTRA_BUDGET:-3900}
status=0
t_all=$(date +%s)
left() { echo $(( budget - ($(date +%s) - t_all) )); }
step() { echo "ci-extra: == $1 =="; t0=$(date +%s); }
done_step() { echo "ci-extra: $1: $2 in $(( $(date +%s) - t0 )) s"; }
# What failed, repeated in a short block at the very end: CI shows only the
# tail of the output, and a step's own report scrolls away under the next
# steps. fail_note STEP LINES... appends to it.
summary="$work/summary"
: >"$summary"
fail_note() { s=$1; shift; for l in "$@"; do printf 'ci-extra: [%s] %s\n' "$s" "$l" >>"$summary"; done; }
# The failing tests of an automake tree's test-suite.log and, per failing
# test, its first sanitizer report or failed assertion (at most 12 lines).
failed_tests() {
    # "FAIL: tests/test_x.sh 18 - ..." and "ERROR: tests/test_x": the test's log is tests/test_x.log
    for f in $(grep -E "^(FAIL|ERROR):" "$1/test-suite.log" 2>/dev/null | sed -E 's/^[A-Z]+: ([^ ]+).*/\1/; s/\.sh$//' |
        sort -u | head -8); do
        echo "$f"
        grep -m 4 -E "ERROR: AddressSanitizer|runtime error|LeakSanitizer|^not ok|Timed out|CRASH|SUMMARY:|Assertion Failed|\] +[^ ].* is false" \
            "$1/$f.log" 2>/dev/null | cut -c1-300 | sed 's/^/    /' || true
    done | head -40
}

case $skip in *" asan "*) ;; *)
    step "ASan+UBSan build and suite"
    rm -rf "$work/asan" && mkdir -p "$work/asan"
    git ls-files -z | xargs -0 cp --parents -t "$work/asan"
    if (cd "$work/asan" && ./autogen.sh >/dev/null && ./configure -q --enable-asan --enable-werror CC="${CC:-gcc}" &&
        make -j2 >/dev/null && ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
        DM_TEST_TIME_FACTOR=4 LSAN_OPTIONS=suppressions="$top/tests/lsan.supp" \
        make -j2 check >"$work/asan-check.log" 2>&1); then
        done_step asan passed
    else
        grep -E "^(FAIL|ERROR)" "$work/asan/test-suite.log" "$work/asan-check.log" 2>/dev/null | head -20
        tail -60 "$work/asan/test-suite.log" 2>/dev/null || tail -40 "$work/asan-check.log"
        if [ -f "$work/asan/test-suite.log" ]; then
            failed_tests "$work/asan" | while IFS= read -r l; do fail_note asan "$l"; done
        else # the build or configure failed before any test ran
            tail -12 "$work/asan-check.log" 2>/dev/null | while IFS= read -r l; do fail_note asan "$l"; done
            [ -f "$work/asan-check.log" ] || fail_note asan "configure or build failed (no log)"
        fi
        done_step asan FAILED
        status=1
    fi
    ;;
esac

case $skip in *" valgrind "*) ;; *)
    step "Valgrind memcheck on the unit tests"
    vg_ok=1
    for t in test_safetensors test_lm test_data test_store test_hostile test_idx; do
        [ -x "tests/$t" ] || make -j2 "tests/$t" >/dev/null
        # Criterion runs each test in a child process: follow them. Fair
        # scheduling: Valgrind runs one thread at a time and by default lets a
        # busy thread starve a waking one for seconds (a cancel thread, say).
        if DM_TEST_TIME_FACTOR=4 valgrind -q --fair-sched=yes --trace-children=yes --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite \
            --suppressions="$top/tests/valgrind.supp" "tests/$t" --jobs=1 >"$work/valgrind-$t.log" 2>&1; then
            echo "ci-extra: valgrind $t: clean"
        else
            echo "ci-extra: valgrind $t: FAILED"
            tail -40 "$work/valgrind-$t.log"
            fail_note valgrind "$t:"
            # the first error record (not the "possibly lost" ones, which do not
            # fail the step) and Criterion's failed tests and assertions
            awk '/^==[0-9]+== [^ ]/ { rec = ($0 ~ /Invalid|Conditional|Use of|Syscall|Mismatched|definitely lost|uninitialised/) }
                 rec && /^==[0-9]+== / { print; next }
                 /^\[FAIL\]|^\[----\].*(Assertion|Timed out|CRASH|signal)|^not ok|unhandled/ { print }' \
                "$work/valgrind-$t.log" | head -12 | cut -c1-300 | while IFS= read -r l; do fail_note valgrind "    $l"; done
            vg_ok=0
        fi
    done
    [ $vg_ok = 1 ] && done_step valgrind passed || { done_step valgrind FAILED; status=1; }
    ;;
esac

case $skip in *" fuzz "*) ;; *)
    step "libFuzzer targets, $fuzz_seconds s each"
    if make fuzz FUZZ_DIR="$work/fuzz" >/dev/null && make fuzz-run FUZZ_DIR="$work/fuzz" FUZZ_SECONDS="$fuzz_seconds"; then
        done_step fuzz passed
    else
        fail_note fuzz "make fuzz or fuzz-run failed (its output is above the crash step)"
        done_step fuzz FAILED
        status=1
    fi
    ;;
esac

case $skip in *" crash "*) ;; *)
    step "crash safety: SIGKILL during sweeps"
    if DM_TEST_BUILDDIR="$top" sh tests/crash_sweep.sh >"$work/crash.log" 2>&1; then
        grep -c "^ok" "$work/crash.log" | sed 's/^/ci-extra: crash checks passed: /'
        done_step crash passed
    else
        grep -E "^not ok|^#" "$work/crash.log" | head -30
        grep -m 10 -E "^not ok" "$work/crash.log" | while IFS= read -r l; do fail_note crash "$l"; done
        done_step crash FAILED
        status=1
    fi
    ;;
esac
case $skip in *" distcheck "*) ;; *)
    step "make distcheck: clang (whole suite), gcc (a subset)"
    dc_ok=1
    gcc_tests=${DISTCHECK_GCC_TESTS:-"tests/test_safetensors tests/test_store tests/test_cli.sh"}
    # the whole suite from the tarball takes about 17 minutes here
    clang_tests=
    if [ "$(left)" -lt 1300 ]; then
        clang_tests=$gcc_tests
        echo "ci-extra: distcheck clang: $(left) s of the budget left, too few for the whole suite: running $clang_tests"
    fi
    set -- # the clang distcheck's extra make arguments
    if [ -n "$clang_tests" ]; then set -- TESTS="$clang_tests"; fi
    if command -v clang >/dev/null 2>&1; then
        if make -j2 distcheck DISTCHECK_CONFIGURE_FLAGS="--enable-werror CC=clang" "$@" >"$work/distcheck-clang.log" 2>&1; then
            echo "ci-extra: distcheck clang: passed ($(grep -c '^PASS' "$work/distcheck-clang.log") tests passed)"
        else
            echo "ci-extra: distcheck clang: FAILED"
            grep -E "^(FAIL|ERROR)|error:" "$work/distcheck-clang.log" | head -20
            tail -30 "$work/distcheck-clang.log"
            grep -m 10 -E "^(FAIL|ERROR)|error:" "$work/distcheck-clang.log" | cut -c1-300 |
                while IFS= read -r l; do fail_note "distcheck clang" "$l"; done
            # the failed assertions: distcheck leaves its build tree when a test fails
            for d in "$top"/dualmod-*/_build/sub; do
                [ -f "$d/test-suite.log" ] && failed_tests "$d" | while IFS= read -r l; do fail_note "distcheck clang" "$l"; done
            done
            dc_ok=0
        fi
    else
        echo "ci-extra: distcheck clang: FAILED (clang not found; tools/install-deps.sh installs it)"
        dc_ok=0
    fi
    if make -j2 distcheck DISTCHECK_CONFIGURE_FLAGS="--enable-werror CC=gcc" TESTS="$gcc_tests" \
        >"$work/distcheck-gcc.log" 2>&1; then
        echo "ci-extra: distcheck gcc: passed ($gcc_tests)"
    else
        echo "ci-extra: distcheck gcc: FAILED"
        grep -E "^(FAIL|ERROR)|error:" "$work/distcheck-gcc.log" | head -20
        tail -30 "$work/distcheck-gcc.log"
        grep -m 10 -E "^(FAIL|ERROR)|error:" "$work/distcheck-gcc.log" | cut -c1-300 |
            while IFS= read -r l; do fail_note "distcheck gcc" "$l"; done
        dc_ok=0
    fi
    [ $dc_ok = 1 ] && done_step distcheck passed || { done_step distcheck FAILED; status=1; }
    ;;
esac

if [ -s "$summary" ]; then
    echo "ci-extra: == what failed (details above, logs in $work) =="
    head -60 "$summary"
fi
echo "ci-extra: total $(( $(date +%s) - t_all )) s, status $status"
exit $status
