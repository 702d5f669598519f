#!/bin/sh
# test_bible_recipe.sh - data/bible/prepare.py rebuilds the committed parallel
# Bible byte for byte from Debian's SWORD modules (diatheke): every split, both
# BPE merges files and both vocabularies match data/bible/SHA256SUMS (TAP;
# skipped when diatheke or the modules are not installed).
set -u
src=${DM_TEST_SRCDIR:-$(cd "$(dirname "$0")/.." && pwd)}
echo "1..2"
skip() { echo "ok 1 # SKIP $1"; echo "ok 2 # SKIP $1"; exit 0; }
command -v diatheke >/dev/null 2>&1 || skip "diatheke not installed"
for m in spaRV1909eb engWEB2015eb engKJV2006eb; do
    diatheke -b system -k modulelist 2>/dev/null | grep -q "^$m " || skip "SWORD module $m not installed"
done
py=/usr/bin/python3
[ -x $py ] || py=python3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
if $py "$src/data/bible/prepare.py" --out "$tmp" > "$tmp/log" 2>&1 && grep -q "^pairs  *30839$" "$tmp/log"; then
    echo "ok 1 - prepare.py: 30839 pairs"
else
    echo "not ok 1 - prepare.py: 30839 pairs"
    sed 's/^/# /' "$tmp/log" | head -30
fi
if (cd "$tmp" && sha256sum -c --quiet "$src/data/bible/SHA256SUMS") > "$tmp/sums" 2>&1; then
    echo "ok 2 - data/bible rebuilt byte for byte"
else
    echo "not ok 2 - data/bible rebuilt byte for byte"
    sed 's/^/# /' "$tmp/sums" | head -20
fi
