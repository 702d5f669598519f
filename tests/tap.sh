# tap.sh - TAP helpers for the shell tests, sourced once $tmp (the test's
# scratch directory) is set:
#   ok NAME / notok NAME      count and print a result (notok shows the last
#                             command's $tmp/out and $tmp/err)
#   run NAME STATUS CMD...    run CMD, output to $tmp/out and $tmp/err, and
#                             check its exit status
#   has NAME FILE PATTERN     grep -E PATTERN in FILE
#   status_is NAME WANT GOT   check an exit status (a test that needs another
#                             run, with a time limit or no stdin, defines
#                             its own with it after sourcing this)
# The test ends with: echo "1..$n"; exit $fail
n=0
fail=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
notok() { n=$((n + 1)); fail=1; echo "not ok $n - $1"; sed 's/^/# /' "$tmp/out" "$tmp/err" | head -20; }
# status_is NAME WANT GOT : the exit status GOT of the command just run
status_is() {
    if [ "$3" -eq "$2" ]; then ok "$1 (exit $3)"; else
        echo "# expected exit $2, got $3" >>"$tmp/err"; notok "$1"; fi
}
run() {
    name=$1; want=$2; shift 2
    "$@" >"$tmp/out" 2>"$tmp/err"
    status_is "$name" "$want" $?
}
has() { if grep -Eq -- "$3" "$2"; then ok "$1"; else echo "# missing /$3/" >>"$tmp/err"; notok "$1"; fi; }
