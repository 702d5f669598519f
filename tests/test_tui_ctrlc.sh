#!/bin/sh
# test_tui_ctrlc.sh - Ctrl-C in the TUI on a real terminal (tmux), as htop
# and tig users expect it: it cancels the running evaluation (stored as
# cancelled with its partial figures, which the recent-runs panel says at
# 80x24) and the TUI stays up; with nothing to cancel it says that q quits;
# q quits with status 0, two Ctrl-C in a row with 130, and the terminal is
# restored either way. Also --no-start: h and PgUp/PgDn move the ratio
# slider (PgUp up) without starting a run. TAP output; skipped without tmux.
#
# A tiny fit (fit-tokens 100) and the reference kernels (no kernel probe)
# keep the set-up short; the run is the whole validation split, long
# enough to be cancelled in the middle.
top_builddir=${DM_TEST_BUILDDIR:-.}
dm="$top_builddir/dualmod"
case $dm in /*) ;; *) dm="$(pwd)/$dm" ;; esac
if ! command -v tmux >/dev/null 2>&1; then
    echo "1..0 # SKIP tmux not installed"
    exit 0
fi
tmp=$(mktemp -d /tmp/dm_test_ctrlc_XXXXXX) || exit 1
sock="dm_test_ctrlc_$$"
cleanup() {
    tmux -L "$sock" kill-server 2>/dev/null
    rm -rf "$tmp"
}
trap cleanup EXIT
XDG_CACHE_HOME="$tmp/cache"
XDG_DATA_HOME="$tmp/data"
XDG_STATE_HOME="$tmp/state"
HOME="$tmp"
LC_ALL=C.UTF-8
export XDG_CACHE_HOME XDG_DATA_HOME XDG_STATE_HOME HOME LC_ALL
unset DUALMOD_MODELS NO_COLOR

n=0
fail=0
ok() { n=$((n + 1)); echo "ok $n - $1"; }
notok() { n=$((n + 1)); fail=1; echo "not ok $n - $1"; [ -f "$tmp/err" ] && sed 's/^/# /' "$tmp/err" | head -40; }
tm() { tmux -L "$sock" "$@"; }
capture() { tm capture-pane -p -t dmtui >"$tmp/pane.txt" 2>"$tmp/capture.err" || echo "(capture-pane failed: $(cat "$tmp/capture.err"))" >"$tmp/pane.txt"; }
# wait_for SECONDS PATTERN : until the pane shows PATTERN (grep -E)
# (DM_TEST_TIME_FACTOR multiplies every limit: the sanitizer builds run several times slower)
wait_for() {
    i=0
    while [ "$i" -lt $(($1 * 10 * ${DM_TEST_TIME_FACTOR:-1})) ]; do
        capture
        grep -Eq -- "$2" "$tmp/pane.txt" && return 0
        sleep 0.1
        i=$((i + 1))
    done
    return 1
}
# check NAME SECONDS PATTERN : ok when the pane shows PATTERN within SECONDS
check() {
    if wait_for "$2" "$3"; then ok "$1"; else
        { echo "# no /$3/ on the screen:"; cat "$tmp/pane.txt"; } >"$tmp/err"; notok "$1"; fi
}
# exited SECONDS : the wrapper wrote the exit status within SECONDS
exited() {
    i=0
    while [ ! -s "$tmp/tui.exit" ] && [ "$i" -lt $(($1 * 10 * ${DM_TEST_TIME_FACTOR:-1})) ]; do sleep 0.1; i=$((i + 1)); done
    [ -s "$tmp/tui.exit" ]
}
sql() { "$dm" --db "$tmp/runs.db" --format csv -c "sql $1" 2>/dev/null | sed -n 2p; }

# the wrapper records the exit status and the terminal modes afterwards (it ignores SIGINT itself)
cat >"$tmp/tui.sh" <<EOS
#!/bin/sh
trap : INT
cd "$tmp"
"$dm" --db "$tmp/runs.db" --no-start tui -c 'set kernels ref fit-tokens 100 calib-tokens 10 speed 0 limit 0'
echo \$? >"$tmp/tui.exit"
stty -a >"$tmp/tui.stty" 2>&1
sleep 30
EOS
# A session that holds the tmux server up: killing the only session makes the server exit, and a
# new-session sent while it is exiting can be lost (CI saw a second session's pane stay empty for
# 480 s). With this one alive, start() kills and creates the TUI's session on a server that stays.
tm -f /dev/null new-session -d -s hold "sleep 100000" || { echo "1..0 # SKIP tmux cannot start a server"; exit 0; }
start() {
    rm -f "$tmp/tui.exit" "$tmp/tui.stty"
    tm kill-session -t dmtui 2>/dev/null
    for try in 1 2 3; do
        tm new-session -d -s dmtui -x 80 -y 24 "sh '$tmp/tui.sh'" 2>"$tmp/tmux.err" && tm has-session -t dmtui 2>>"$tmp/tmux.err" && return 0
        echo "# tmux could not open the TUI's session (try $try): $(cat "$tmp/tmux.err")"
        sleep 1
    done
}

start
check "--no-start: the TUI opens idle at 80x24" 120 "idle – press Enter to run \(--no-start"
# h (a new user's guess at help) and PgUp/PgDn move the ratio slider, and nothing starts
tm send-keys -t dmtui h
check "h moves the ratio slider to 49%" 5 "^▸ ratio .* 49%"
tm send-keys -t dmtui PPage
check "PgUp raises it by a big step (54%)" 5 "^▸ ratio .* 54%"
tm send-keys -t dmtui NPage
check "PgDn lowers it again (49%)" 5 "^▸ ratio .* 49%"
sleep 0.5
capture
if grep -q "idle – press Enter" "$tmp/pane.txt" && ! grep -Eq "preparing|evaluating" "$tmp/pane.txt"; then
    ok "--no-start: the slider moves did not start a run"
else
    cp "$tmp/pane.txt" "$tmp/err"
    notok "--no-start: the slider moves did not start a run"
fi

# Enter starts the whole validation split; Ctrl-C in the middle of its evaluation
tm send-keys -t dmtui Enter
check "Enter starts the run, the evaluation goes on" 60 "\] [1-9][0-9,]*/[0-9,]+ "
tm send-keys -t dmtui C-c
check "Ctrl-C cancels the run: the live panel says so" 30 "● cancelled \(partial figures\) +saved as run #1"
check "the message names the run and its partial figures" 5 "run #1 cancelled after [0-9,]+ of [0-9,]+: stored as cancelled"
check "the recent-runs panel shows the status at 80 columns" 5 "^.? +1 .* cancelled *$"
if [ -s "$tmp/tui.exit" ]; then echo "# exit $(cat "$tmp/tui.exit")" >"$tmp/err"; notok "the TUI is still up after Ctrl-C"; else
    capture
    if grep -q "kjv-lstm" "$tmp/pane.txt"; then ok "the TUI is still up after Ctrl-C"; else
        cp "$tmp/pane.txt" "$tmp/err"; notok "the TUI is still up after Ctrl-C"; fi
fi
got=$(sql "select status || ' ' || (ratio = 0.49) from runs")
if [ "$got" = "cancelled 1" ]; then ok "the store holds the run as cancelled, at ratio 0.49"; else
    echo "# expected 'cancelled 1', got '$got'" >"$tmp/err"; notok "the store holds the run as cancelled, at ratio 0.49"; fi
sleep 2.2 # past the 2 s in which further Ctrl-Cs count
tm send-keys -t dmtui C-c
check "Ctrl-C with nothing to cancel says that q quits" 5 "nothing to cancel: press q to quit"
sleep 2.2
tm send-keys -t dmtui q
if exited 10 && [ "$(cat "$tmp/tui.exit")" = 0 ]; then ok "q quits with status 0"; else
    { echo "# exit '$(cat "$tmp/tui.exit" 2>/dev/null)'"; capture; cat "$tmp/pane.txt"; } >"$tmp/err"; notok "q quits with status 0"; fi
sleep 0.3
if grep -Eq "(^| )icanon" "$tmp/tui.stty" && grep -Eq "(^| )echo( |$)" "$tmp/tui.stty"; then
    ok "the terminal is restored after q (canonical mode, echo)"; else
    cp "$tmp/tui.stty" "$tmp/err" 2>/dev/null; notok "the terminal is restored after q (canonical mode, echo)"; fi

# two Ctrl-C in a row with nothing running: quit with status 130. This session has no -c commands
# (the first one's 'set ...' may still be running when the idle line shows, and a Ctrl-C then cancels
# it); with --no-start nothing runs, so nothing fits or tunes either
sed "s/ tui -c '[^']*'/ tui/" "$tmp/tui.sh" >"$tmp/tui2.sh"
mv "$tmp/tui2.sh" "$tmp/tui.sh"
start
check "a second session opens idle" 120 "idle – press Enter" # generous: a loaded machine (make distcheck) starts slowly
tm send-keys -t dmtui C-c
check "a first Ctrl-C only says that q quits" 15 "nothing to cancel: press q to quit"
tm send-keys -t dmtui C-c
if exited 10 && [ "$(cat "$tmp/tui.exit")" = 130 ]; then ok "a second Ctrl-C within 2 s quits with status 130"; else
    { echo "# exit '$(cat "$tmp/tui.exit" 2>/dev/null)'"; capture; cat "$tmp/pane.txt"; } >"$tmp/err"
    notok "a second Ctrl-C within 2 s quits with status 130"; fi
sleep 0.3
if grep -Eq "(^| )icanon" "$tmp/tui.stty" && grep -Eq "(^| )echo( |$)" "$tmp/tui.stty"; then
    ok "the terminal is restored after Ctrl-C"; else
    cp "$tmp/tui.stty" "$tmp/err" 2>/dev/null; notok "the terminal is restored after Ctrl-C"; fi

echo "1..$n"
exit $fail
