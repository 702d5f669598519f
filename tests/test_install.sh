#!/bin/sh
# test_install.sh - an installed dualmod depends on its installation, not on
# the tree it was built in: `make install DESTDIR=...`, the staged
# installation moved elsewhere, then run from outside the source tree. It
# must find the bundled models and data splits of its own installation, and
# a model missing there must stay missing although the build tree has it.
# The man page is installed with the TUI's keys. TAP output.
top_builddir=${DM_TEST_BUILDDIR:-.}
top_srcdir=${DM_TEST_SRCDIR:-.}
make=${DM_TEST_MAKE:-make}
tmp=$(mktemp -d /tmp/dm_test_install_XXXXXX) || exit 1
trap 'chmod -R u+w "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT

. "$top_srcdir/tests/tap.sh"
lacks() { if grep -Fq -- "$3" "$2"; then echo "# unexpected '$3'" >>"$tmp/err"; notok "$1"; else ok "$1"; fi; }

# the install (a make of its own: not the jobserver of the make running the tests)
run "make install DESTDIR" 0 env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL \
    $make -C "$top_builddir" install DESTDIR="$tmp/stage"
bin=$(find "$tmp/stage" -type f -path '*/bin/dualmod' | head -1)
if [ -z "$bin" ]; then echo "# no bin/dualmod under $tmp/stage" >"$tmp/err"; notok "dualmod installed"; echo "1..$n"; exit 1; fi
ok "dualmod installed"
# the installation root (PREFIX with DESTDIR before it), moved away: no path of the build remains valid
root=$(dirname "$(dirname "$bin")")
mv "$root" "$tmp/moved" || exit 1
dm="$tmp/moved/bin/dualmod"
for f in share/dualmod/models/kjv-lstm/model.safetensors share/dualmod/models/kjv-lstm/vocab.txt \
    share/dualmod/data/kjv/valid.txt share/dualmod/data/kjv/test.txt share/man/man1/dualmod.1 \
    share/dualmod/examples/sweep.dm; do
    if [ -f "$tmp/moved/$f" ]; then ok "installed $f"; else : >"$tmp/out"; echo "# missing $f" >"$tmp/err"; notok "installed $f"; fi
done
has "installed man page has the TUI keys" "$tmp/moved/share/man/man1/dualmod.1" '^\.SH TUI KEYS'

# run it from elsewhere, with nothing in the environment pointing at the trees
mkdir -p "$tmp/home" "$tmp/cwd"
cd "$tmp/cwd" || exit 1
idm() {
    env -u DUALMOD_MODELS -u DUALMOD_DATA -u DM_TEST_SRCDIR -u DM_TEST_BUILDDIR HOME="$tmp/home" \
        XDG_DATA_HOME="$tmp/home/data" XDG_CACHE_HOME="$tmp/home/cache" XDG_STATE_HOME="$tmp/home/state" \
        "$dm" "$@"
}
run "installed info kjv-lstm" 0 idm info kjv-lstm
has "model read from the moved installation" "$tmp/out" "^file +$tmp/moved/share/dualmod/models/kjv-lstm/model\.safetensors"
run "installed dense eval on the valid split" 0 idm eval kjv-lstm --limit 300 -q --format json
has "eval read the installation's split" "$tmp/out" "\"data\": \"$tmp/moved/share/dualmod/data/kjv/valid\.txt\""
has "eval has a perplexity" "$tmp/out" '"ppl": [0-9]+\.[0-9]+'
run "installed example parses" 0 idm --check -f "$tmp/moved/share/dualmod/examples/sweep.dm"
run "installed --help" 0 idm --help
has "help names the installation's models" "$tmp/out" "then in $tmp/moved/share/dualmod/models"

# a model and a split gone from the installation stay gone, though the build tree has them
rm -rf "$tmp/moved/share/dualmod/models/kjv-gru" "$tmp/moved/share/dualmod/data/kjv/test.txt"
run "kjv-gru removed from the installation" 1 idm info kjv-gru
has "not found, looked in the installation" "$tmp/err" "model 'kjv-gru' not found \(looked in $tmp/moved/share/dualmod/models;"
lacks "the build tree is not consulted" "$tmp/err" "$top_srcdir/models"
run "test split removed from the installation" 1 idm eval kjv-lstm --split test --limit 300 -q
has "split not found" "$tmp/err" "split 'test' of data set 'kjv' not found"
lacks "the build tree's data are not consulted" "$tmp/err" "$top_srcdir/data"

# the uninstalled program still reads its build tree
cd "$top_builddir" || exit 1
run "uninstalled info kjv-gru" 0 env -u DUALMOD_MODELS ./dualmod info kjv-gru
lacks "uninstalled reads the tree, not the installation" "$tmp/out" "$tmp/moved"

echo "1..$n"
exit $fail
