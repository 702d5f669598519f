#!/bin/sh
# test_cli.sh - the dualmod program as a user runs it: help, version, eval
# and info output (table and JSON), bleu on two text files, and clear errors
# with the right exit status for bad input. TAP output.
top_builddir=${DM_TEST_BUILDDIR:-.}
top_srcdir=${DM_TEST_SRCDIR:-.}
dm="$top_builddir/dualmod"
tmp=$(mktemp -d /tmp/dm_test_cli_XXXXXX) || exit 1
trap 'rm -rf "$tmp"' EXIT

# keep the user's cache and run store out of it
XDG_CACHE_HOME="$tmp/cache"
XDG_DATA_HOME="$tmp/data"
export XDG_CACHE_HOME XDG_DATA_HOME

. "$top_srcdir/tests/tap.sh"

run "--help" 0 "$dm" --help
has "help lists eval" "$tmp/out" "eval MODEL"
run "--version" 0 "$dm" --version
has "version string" "$tmp/out" "^dualmod [0-9]+\.[0-9]+"

run "eval with limit" 0 "$dm" eval kjv-gru --split test --limit 3000 --format json -q
has "json has ppl" "$tmp/out" '"ppl": [0-9]+\.[0-9]+'
has "json counts predictions" "$tmp/out" '"predictions": 2999'
has "json names split" "$tmp/out" '"split": "test"'

run "eval table, both paths" 0 "$dm" eval kjv-lstm --split valid --limit 2000 --path both
has "table has stream" "$tmp/out" "^stream +perplexity [0-9.]+ ± [0-9.]+"
has "table has seq" "$tmp/out" "^seq +perplexity [0-9.]+"

printf 'and god said , let there be light\nzyzzyva the lord\n' >"$tmp/text.txt"
run "eval a text file by path" 0 "$dm" eval "$top_srcdir/models/kjv-lstm/model.safetensors" \
    --vocab "$top_srcdir/models/kjv-lstm/vocab.txt" --data "$tmp/text.txt" --format csv
has "csv header" "$tmp/out" "^model,split,data,path,ppl"
has "csv row: 13 tokens, 12 predictions, 1 unk" "$tmp/out" "^kjv-lstm,,[^,]*text.txt,stream,[0-9.]+,[0-9.]+,[0-9.]+,13,12,1,"

run "info" 0 "$dm" info kjv-lstm
has "info architecture" "$tmp/out" "^architecture +LSTM, 2 layers x [0-9]+ hidden"
has "info card metrics" "$tmp/out" "^valid PPL +[0-9]+\.[0-9]+"
run "info json" 0 "$dm" info kjv-gru --format json
has "info json parameters" "$tmp/out" '"parameters": [0-9]+'

DUALMOD_MODELS="$tmp/models" run "model found through DUALMOD_MODELS first" 0 sh -c \
    "mkdir -p '$tmp/models/mine' && cp '$top_srcdir/tests/fixtures/gru_model.safetensors' '$tmp/models/mine/model.safetensors' && '$dm' info mine"
has "DUALMOD_MODELS model inferred" "$tmp/out" "inferred from tensor shapes"

run "unknown model" 1 "$dm" eval no-such-model
has "unknown model message" "$tmp/err" "model 'no-such-model' not found \(looked in"
run "unknown option" 2 "$dm" eval kjv-lstm --bogus
has "unknown option message" "$tmp/err" "unknown option '--bogus'"
run "bad limit" 2 "$dm" eval kjv-lstm --limit ten
has "bad limit message" "$tmp/err" "--limit 'ten': expected an integer"
run "bad split" 2 "$dm" eval kjv-lstm --split dev
has "bad split message" "$tmp/err" "--split 'dev': expected valid, test or train"
run "missing data file" 1 "$dm" eval kjv-lstm --data "$tmp/nope.txt"
has "missing data message" "$tmp/err" "nope.txt: cannot open data file"
run "unknown command" 2 "$dm" frobnicate
has "unknown command message" "$tmp/err" "unknown command 'frobnicate'"
printf 'garbage' >"$tmp/bad.safetensors"
run "malformed model file" 1 "$dm" info "$tmp/bad.safetensors"
has "malformed model message" "$tmp/err" "bad.safetensors: file is 7 bytes"
run "vocabulary size mismatch" 1 "$dm" eval kjv-lstm --vocab "$top_srcdir/tests/fixtures/make_fixtures.py"
has "vocab mismatch message" "$tmp/err" "(tokens but the model|contains whitespace|empty line)"

# dual-module commands (small slices so the suite stays quick; cache and store in the temp dir)
fit="--fit-tokens 3000 --calib-tokens 500"
run "dual eval json" 0 "$dm" eval kjv-gru --split test --limit 1500 --ratio 0.5 --k 64 --bits 4 $fit --format json -q
for key in ppl dense_value dppl dppl_pct kld top1_agree ratio ratio_achieved bits k bytes_ratio speedup; do
    has "dual json has $key" "$tmp/out" "\"$key\": "
done
has "dual json per-gate ratios" "$tmp/out" '"gates": \{'
has "dual json run id" "$tmp/out" '"run_id": [0-9]+'
run "run saved in the store" 0 sh -c "sqlite3 '$tmp/data/dualmod/runs.db' 'select count(*) from runs' | grep -qx 1"
run "fitting data cached" 0 sh -c "ls '$tmp/cache/dualmod/' | grep -q '^fit-v1-'"
run "--db chooses the store" 0 "$dm" eval kjv-gru --split test --limit 300 --ratio 0.3 --k 32 $fit --db "$tmp/other.db" -q
run "other store has the run" 0 sh -c "sqlite3 '$tmp/other.db' 'select model, split from run_summary' | grep -qx 'kjv-gru|test'"
printf 'this is not a database, and it must stay as it is\n' >"$tmp/bad.db"
cp "$tmp/bad.db" "$tmp/bad.db.orig"
run "a damaged store is reported" 1 "$dm" eval kjv-gru --split test --limit 300 --ratio 0.3 --k 32 $fit --db "$tmp/bad.db" -q
has "damaged store message" "$tmp/err" "run not saved: .*bad.db"
has "results still printed" "$tmp/out" "^perplexity +dual"
run "damaged store left unchanged" 0 cmp "$tmp/bad.db" "$tmp/bad.db.orig"
run "dual eval table with audit, top-k" 0 "$dm" eval kjv-lstm --split valid --limit 800 --ratio 0.7 --k 48 --mode topk --audit $fit
has "audit recall line" "$tmp/out" "recall +i [0-9.]+ f [0-9.]+ g [0-9.]+ o [0-9.]+"
has "top-k achieves the ratio" "$tmp/out" "requested 0.700, achieved 0.70"
has "delta perplexity line" "$tmp/out" "ΔPPL [+-][0-9.]+ \([+-][0-9.]+%\)"
run "little" 0 "$dm" little kjv-lstm --k 32 --bits 2 $fit
has "little reports fit MSE" "$tmp/out" "^0 +[0-9.]+ +[0-9.]+ +[0-9.]+ +[0-9]+"
# 6 bits are stored in 8-bit containers: little says so, and the size is the INT8 module's
run "little --bits 8" 0 "$dm" little kjv-lstm --k 32 --bits 8 $fit
sz8=$(sed -n 's/.*, \([0-9.]* [kM]B\) little per step.*/\1/p' "$tmp/out")
run "little --bits 6" 0 "$dm" little kjv-lstm --k 32 --bits 6 $fit
has "little says INT6 is stored in 8-bit containers" "$tmp/out" "k 32, INT6 \(stored in 8-bit containers\), srp"
has "INT6 costs the bytes of INT8 ($sz8)" "$tmp/out" ", $sz8 little per step"
run "study sweep csv" 0 "$dm" study sweep kjv-gru --limit 600 --k 32 --ratios 0.3,0.7 $fit --format csv -q
has "sweep rows" "$tmp/out" "^sweep,kjv-gru,test,70%,0.700,"
run "study noise" 0 "$dm" study noise kjv-lstm --limit 400 -q
has "noise table" "$tmp/out" "^insensitive region +[0-9.]+ +[0-9.]+ +[0-9.]+ +[0-9.]+ +[0-9.]+"
run "bad ratio" 2 "$dm" eval kjv-lstm --ratio 1.5
has "bad ratio message" "$tmp/err" "--ratio '1.5': expected a number from 0 to 1"
run "bad bits" 2 "$dm" eval kjv-lstm --bits 17
has "bad bits message" "$tmp/err" "--bits '17': expected an integer from 1 to 16"
run "k larger than the input" 1 "$dm" eval kjv-lstm --limit 100 --k 5000 $fit
has "k message" "$tmp/err" "k 5000 is outside 1\.\.[0-9]+"
run "eps too small for the model: k capped at half the input" 0 "$dm" eval kjv-lstm --limit 100 --eps 0.2 $fit
has "eps capped" "$tmp/out" "k 200"
run "bad mode" 2 "$dm" eval kjv-lstm --mode sometimes
has "bad mode message" "$tmp/err" "--mode 'sometimes': expected threshold or topk"
run "unknown study" 2 "$dm" study frobs kjv-lstm
has "unknown study message" "$tmp/err" "study 'frobs': expected noise, sweep, dim or bits"

# bleu: sacreBLEU-compatible BLEU and chrF of two text files (no model). The
# figures are sacreBLEU 2.3.1's for these files (tools/bleu_reference.py
# prints the same lines).
fx="$top_srcdir/tests/fixtures/bleu"
run "bleu" 0 "$dm" bleu "$fx/hyp.txt" "$fx/ref.txt"
has "bleu line as sacreBLEU prints it" "$tmp/out" \
    '^BLEU = 70\.46 95\.1/79\.0/68\.5/60\.5 \(BP = 0\.943 ratio = 0\.945 hyp_len = 5104 ref_len = 5403\)$'
has "chrF line" "$tmp/out" '^chrF2 = 81\.86$'
has "BLEU signature" "$tmp/out" '^BLEU signature +nrefs:1\|case:mixed\|eff:no\|tok:13a\|smooth:exp\|version:2\.3\.1$'
has "chrF signature" "$tmp/out" '^chrF2 signature +nrefs:1\|case:mixed\|eff:yes\|nc:6\|nw:0\|space:no\|version:2\.3\.1$'
has "bleu counts the sentences" "$tmp/out" '^sentences +212 '
run "bleu --explain" 0 "$dm" bleu "$fx/hyp.txt" "$fx/ref.txt" --explain
has "bleu HYP REF is the command bleu HYP REF" "$tmp/out" "^bleu [^;]*hyp\.txt [^;]*ref\.txt$"
run "bleu as a command of the language" 0 "$dm" -c "bleu '$fx/hyp.txt' '$fx/ref.txt'"
has "the same figures from -c" "$tmp/out" '^BLEU = 70\.46 95\.1/79\.0/68\.5/60\.5 '
run "bleu of a file against itself" 0 "$dm" bleu "$fx/ref.txt" "$fx/ref.txt"
has "identical: BLEU 100" "$tmp/out" '^BLEU = 100\.00 100\.0/100\.0/100\.0/100\.0 \(BP = 1\.000 ratio = 1\.000 '
has "identical: chrF 100" "$tmp/out" '^chrF2 = 100\.00$'
head -n 211 "$fx/hyp.txt" >"$tmp/short.txt"
run "bleu: line counts differ" 1 "$dm" bleu "$tmp/short.txt" "$fx/ref.txt"
has "line count message names both files and counts" "$tmp/err" "short\.txt has 211 lines but [^ ]*ref\.txt has 212"
run "bleu: missing hypothesis file" 1 "$dm" bleu "$tmp/nope.txt" "$fx/ref.txt"
has "missing file message" "$tmp/err" "nope\.txt: cannot open hypothesis file: No such file"
run "bleu: a directory as the reference" 1 "$dm" bleu "$fx/hyp.txt" "$tmp"
has "directory message" "$tmp/err" "reference file is a directory"
: >"$tmp/empty.txt"
run "bleu: empty files" 1 "$dm" bleu "$tmp/empty.txt" "$tmp/empty.txt"
has "empty message" "$tmp/err" "are empty: no sentences to score"
printf 'caf\351 au lait.\n\377\n' >"$tmp/latin1.txt"
printf 'café au lait.\nx\n' >"$tmp/utf8.txt"
run "bleu: invalid UTF-8 is scored, not refused" 0 "$dm" bleu "$tmp/latin1.txt" "$tmp/utf8.txt"
has "invalid UTF-8 warning names the line" "$tmp/err" "latin1\.txt:1: not valid UTF-8"
has "invalid UTF-8 still scored" "$tmp/out" '^BLEU = [0-9]+\.[0-9]{2} '
run "bleu needs two files" 2 "$dm" bleu "$fx/hyp.txt"
has "bleu usage message" "$tmp/err" "bleu needs HYP and REF"
run "bleu takes no model options" 2 "$dm" bleu "$fx/hyp.txt" "$fx/ref.txt" --ratio 0.5
has "bleu option message" "$tmp/err" "bleu takes no --ratio option"

# the translator
run "translate one sentence" 0 "$dm" translate bible-es-en 'Y dijo Dios: Sea la luz: y fué la luz.'
has "translate: God, light" "$tmp/out" "God.*light"
printf 'Y dijo Dios: Sea la luz: y fué la luz.\nEN el principio crió Dios los cielos y la tierra.\n' >"$tmp/es.txt"
run "translate stdin, one sentence a line" 0 sh -c "\"$dm\" translate bible-es-en --beam 2 < \"$tmp/es.txt\""
has "translate stdin: two lines" "$tmp/out" "heaven"
[ "$(wc -l <"$tmp/out")" -eq 2 ] && ok "translate stdin: exactly two lines out" || notok "translate stdin: exactly two lines out"
run "translate --explain" 0 "$dm" translate bible-es-en 'Hola; mundo' --explain
has "translate is load; set ratio 0; translate" "$tmp/out" "^load bible-es-en; ?set ratio 0; ?translate 'Hola; mundo'$"
run "translate with a language model" 1 "$dm" translate kjv-lstm 'Hola'
has "translate on an LM: clear message" "$tmp/err" "translate needs a translator \\(a seq2seq model\\); kjv-lstm is a rnnlm model"
# the random-weights shape options are bench's: eval used to ignore them and evaluate kjv-lstm instead
run "eval --arch: a bench option" 2 "$dm" eval --arch gru --hidden 200
has "eval --arch: clear message" "$tmp/err" "--arch shapes a random-weights model for bench \\(timing only\\); eval needs a trained MODEL"
run "little MODEL --hidden: a bench option" 2 "$dm" little kjv-gru --hidden 20
# only a language model reads --vocab: a classifier or translator refuses it instead of ignoring it
run "--vocab on a classifier" 1 "$dm" eval fmnist-resnet --vocab "$top_srcdir/models/kjv-lstm/vocab.txt" --limit 5
has "--vocab on a classifier: message" "$tmp/err" "a resnet model has no vocabulary file to replace"
# a translator's settings on a classifier: said, and no empty hypotheses file left behind
run "save-hyp and beam on a classifier" 0 "$dm" eval fmnist-resnet --beam 4 --save-hyp "$tmp/none.hyp" --limit 5
has "beam on a classifier: noted" "$tmp/err" "^note: beam 4 is for translators; fmnist-resnet \\(a resnet model\\) ignores it"
has "save-hyp on a classifier: noted" "$tmp/err" "^note: save-hyp is for translators"
if [ -e "$tmp/none.hyp" ]; then notok "save-hyp on a classifier: no file"; else ok "save-hyp on a classifier: no file"; fi
run "translate: too many arguments" 2 "$dm" translate bible-es-en Hola mundo
has "translate usage message" "$tmp/err" "quote the sentence"
run "eval a translator: BLEU, chrF, signature" 0 "$dm" eval bible-es-en --split valid --limit 20 --save-hyp "$tmp/hyp.en"
has "BLEU line" "$tmp/out" "^BLEU +[0-9]+\\.[0-9]{2} +20 sentences"
has "signature line" "$tmp/out" "signature +BLEU nrefs:1\\|case:mixed\\|eff:no\\|tok:13a\\|smooth:exp\\|version:2\\.3\\.1"
[ "$(wc -l <"$tmp/hyp.en")" -eq 20 ] && ok "save-hyp: 20 lines" || notok "save-hyp: 20 lines"
b1=$(sed -n 's/^BLEU  *\([0-9.]*\) .*/\1/p' "$tmp/out")
head -n 20 "$top_srcdir/data/bible/valid.en" >"$tmp/ref20.en"
run "bleu of the saved hypotheses" 0 "$dm" bleu "$tmp/hyp.en" "$tmp/ref20.en"
b2=$(sed -n 's/^BLEU = \([0-9.]*\) .*/\1/p' "$tmp/out")
[ -n "$b1" ] && [ "$b1" = "$b2" ] && ok "eval's BLEU = bleu of its saved translations ($b1)" ||
    { echo "# eval $b1, bleu $b2" >"$tmp/err"; notok "eval's BLEU = bleu of its saved translations"; }

# deployable dual modules: a run saved with save-dual reproduces its figures when loaded back
ddb="$tmp/dual.db"
dset="set fit-tokens 3000 calib-tokens 500 split test limit 1200 speed 0"
run "a per-site run to save" 0 "$dm" --db "$ddb" -q -c "load kjv-gru; $dset k 48 bits 4 ratio 0.5 ratio.l1 0.7 bits.l1 fp32 k.l0 32; run"
run "save-dual RUN FILE (the run's model loaded by name)" 0 "$dm" --db "$ddb" -c "set fit-tokens 3000 calib-tokens 500; save-dual 1 '$tmp/g.dual.safetensors'"
has "save-dual says what it saved" "$tmp/err" "saved the dual modules of run 1 to .*g.dual.safetensors .*2 sites, ratio 0.5, 4 bits, k 48"
run "load-dual and run: no fitting" 0 env XDG_CACHE_HOME="$tmp/cache2" "$dm" --db "$ddb" -q -c "load kjv-gru; $dset; load-dual '$tmp/g.dual.safetensors'; get ratio bits k ratio.l1 bits.l1 k.l0; run"
has "load-dual sets the file's knobs" "$tmp/out" "^bits\.l1 +fp32"
ls -d "$tmp/cache"/dualmod/fit-v1-* >/dev/null 2>&1 && ! ls -d "$tmp/cache2"/dualmod/fit-v1-* >/dev/null 2>&1 &&
    ok "the file's run gathered no fitting data (an empty cache stays empty)" || notok "the file's run gathered no fitting data"
run "the two runs' figures" 0 "$dm" --db "$ddb" --format csv -c "sql select value, dense_value, delta, ratio_achieved, kld, site_knobs from runs order by id"
[ "$(sed -n 2p "$tmp/out")" = "$(sed -n 3p "$tmp/out")" ] && ok "the dual file's run has the run's figures exactly" ||
    { cp "$tmp/out" "$tmp/err"; notok "the dual file's run has the run's figures exactly"; }
run "the file's run says so" 0 "$dm" --db "$ddb" --format csv -c "sql select note from runs where id = 2"
has "note names the dual file" "$tmp/out" "dual file .*g.dual.safetensors \\(run 1\\)"
run "eval --dual --explain" 0 "$dm" eval kjv-gru --dual "$tmp/g.dual.safetensors" --split test --explain
has "eval --dual is load; set dual; run detail" "$tmp/out" "^load kjv-gru; ?set split test; ?set dual .*g.dual.safetensors; ?run detail$"
run "--dual with a build knob" 2 "$dm" eval kjv-gru --dual "$tmp/g.dual.safetensors" --k 32
has "--dual with a build knob: message" "$tmp/err" "--dual FILE fixes the little modules; --k would refit them"
run "a build knob lets the file go" 0 "$dm" --db "$ddb" -c "load kjv-gru; load-dual '$tmp/g.dual.safetensors'; set seed 2; get dual"
has "a build knob lets the file go: message" "$tmp/err" "seed changes the little modules: the dual file .* no longer applies"
has "a build knob lets the file go: setting" "$tmp/out" "^dual +-$"
run "another model's dual file" 1 "$dm" --db "$ddb" -c "load kjv-lstm; load-dual '$tmp/g.dual.safetensors'"
has "another model's dual file: message" "$tmp/err" "made for model kjv-gru \\(hash 57d31d13d70d12b3\\), not for the loaded one \\(hash 9e3f3e444be5c63b\\)"
head -c 3000 "$tmp/g.dual.safetensors" >"$tmp/cut.safetensors"
run "a truncated dual file" 1 "$dm" --db "$ddb" -c "load kjv-gru; load-dual '$tmp/cut.safetensors'"
has "a truncated dual file: message" "$tmp/err" "cut.safetensors: "
run "save-dual of another model's run" 1 "$dm" --db "$ddb" -c "load kjv-lstm; save-dual 1 '$tmp/x.safetensors'"
has "save-dual of another model's run: message" "$tmp/err" "run 1 was made with model kjv-gru .*load kjv-gru"
run "save-dual on other fitting data" 1 "$dm" --db "$ddb" -c "set fit-tokens 2000 calib-tokens 500; save-dual 1 '$tmp/x.safetensors'"
has "save-dual on other fitting data: message" "$tmp/err" "rebuilt little module fits with MSE"

# ---- bring your own model (issue 17): a plain PyTorch state_dict, no dataset in its metadata ----
# The fixture LSTM (13-token vocabulary) and a text of 12,000 tokens (1,200 lines of 9 words and <eos>).
# Dense eval scores all of it; a dual-module run fits the little module on its first tenth (tokens
# 0..1199), says so once, scores only tokens 1200..11999 (dense and dual) and notes it with the run.
byo="$top_srcdir/tests/fixtures/lstm_model.safetensors"
printf '%s\n' '<unk>' '<eos>' the of and to in a is it he she we >"$tmp/byo.vocab"
awk 'BEGIN { split("the of and to in a is it he she we", w, " "); x = 7
    for (l = 0; l < 1200; l++) { s = ""; for (i = 0; i < 9; i++) { x = (x * 1103515245 + 12345) % 2147483648
        s = s (i ? " " : "") w[int(x / 65536) % 11 + 1] } print s } }' >"$tmp/byo.txt"
tail -n +121 "$tmp/byo.txt" >"$tmp/byo-scored.txt" # tokens 1200..11999: what the run scores
bdb="$tmp/byo.db"
run "BYO model: dense eval of the whole text" 0 "$dm" eval "$byo" --vocab "$tmp/byo.vocab" --data "$tmp/byo.txt" \
    --format json -q
has "BYO model: dense eval scores every token" "$tmp/out" '"predictions": 11999'
run "BYO model: -c load, set data, ratio 0.5, run (twice)" 0 "$dm" --db "$bdb" --vocab "$tmp/byo.vocab" --format csv \
    -c "load '$byo'; set split '$tmp/byo.txt' ratio 0.5 speed 20; run; set ratio 0.3; run"
got=$(grep -c "no training split" "$tmp/err") # before has, which adds to the file when it fails
has "BYO model: the held-out slice is said" "$tmp/err" \
    "^no training split in the model and no fit-data: fitting on tokens 0\.\.1199 of .*byo\.txt, scoring tokens 1200\.\.11999$"
if [ "$got" = 1 ]; then ok "BYO model: said once, not at every run"; else
    echo "# said $got times" >>"$tmp/err"; notok "BYO model: said once, not at every run"; fi
has "BYO model: a dual figure beside the dense one" "$tmp/out" \
    "^1,lstm_model\.safetensors,[^,]*byo\.txt,10800,0\.5,0\.[0-9]+,8,[0-9]+,threshold,perplexity,[0-9.]+,[0-9.]+,[0-9.]+,"
got=$("$dm" --db "$bdb" --format csv -c "sql select count(*), min(tokens), max(tokens), min(note), max(note) from runs" | sed -n 2p)
want="2,10800,10800,held out: tokens 0..1199 of $tmp/byo.txt fitted the little module; tokens 1200..11999 scored,held out: tokens 0..1199 of $tmp/byo.txt fitted the little module; tokens 1200..11999 scored"
if [ "$got" = "$want" ]; then ok "BYO model: the store rows record the held-out slice"; else
    echo "# expected '$want', got '$got'" >>"$tmp/err"; notok "BYO model: the store rows record the held-out slice"; fi
# the run's dense figure is the dense perplexity of tokens 1200..11999 alone (20 streams, as runs evaluate)
dense=$("$dm" --db "$bdb" --format csv -c "sql select dense_value from runs where id = 1" | sed -n 2p)
# near: |A - B| < 1e-6 A (the two evaluations sum in another order)
near() { awk -v a="$1" -v b="$2" 'BEGIN { d = a - b; if (d < 0) d = -d; exit !(a > 0 && d < 1e-6 * a) }'; }
scored=$("$dm" eval "$byo" --vocab "$tmp/byo.vocab" --data "$tmp/byo-scored.txt" --streams 20 --format csv -q | sed -n 2p | cut -d, -f5)
whole=$("$dm" eval "$byo" --vocab "$tmp/byo.vocab" --data "$tmp/byo.txt" --streams 20 --format csv -q | sed -n 2p | cut -d, -f5)
if near "$dense" "$scored" && ! near "$dense" "$whole"; then
    ok "BYO model: the run's dense figure is over the scored tokens only"; else
    echo "# run's dense $dense, dense eval of tokens 1200.. $scored, of the whole text $whole" >"$tmp/err"
    notok "BYO model: the run's dense figure is over the scored tokens only"; fi
run "BYO model: classic eval --ratio" 0 "$dm" eval "$byo" --vocab "$tmp/byo.vocab" --data "$tmp/byo.txt" --ratio 0.5 \
    --limit 3000 --no-store
has "BYO model: classic eval says which tokens it scores" "$tmp/out" \
    "^data +.*byo\.txt +\(tokens 1200\.\.4199: 3000 tokens, [0-9]+ predictions; 0\.\.1199 held out to fit\)$"
has "BYO model: classic eval fits on the held-out tokens" "$tmp/out" "^fit +1200 held-out tokens"
run "BYO model: fit-data wins" 0 "$dm" eval "$byo" --vocab "$tmp/byo.vocab" --data "$tmp/byo-scored.txt" \
    --fit-data "$tmp/byo.txt" --ratio 0.5 --no-store
has "BYO model: fit-data wins: all of the text is scored" "$tmp/out" "^data +.*byo-scored\.txt +\(10800 tokens, "
if grep -q "no training split" "$tmp/err"; then notok "BYO model: fit-data wins: nothing held out"; else
    ok "BYO model: fit-data wins: nothing held out"; fi
run "BYO model: fit-tokens holds out that many" 0 "$dm" --vocab "$tmp/byo.vocab" --no-store \
    -c "load '$byo'; set split '$tmp/byo.txt' fit-tokens 3000 speed 0; little"
has "BYO model: fit-tokens holds out that many: said" "$tmp/err" "fitting on tokens 0\.\.2999 of .*, scoring tokens 3000\.\.11999$"
head -n 500 "$tmp/byo.txt" >"$tmp/byo-short.txt"
run "BYO model: a text too short to hold out a slice" 1 "$dm" --db "$bdb" --vocab "$tmp/byo.vocab" \
    -c "load '$byo'; set split '$tmp/byo-short.txt' ratio 0.5; run"
has "BYO model: a text too short: message" "$tmp/err" \
    "byo-short\.txt: 5000 tokens are too few to hold out a slice to fit the little module on .*the text needs 10000\): give fit-data FILE"
if grep -q "fitting\|tuning" "$tmp/err"; then notok "BYO model: a text too short: refused before any work"; else
    ok "BYO model: a text too short: refused before any work"; fi
run "BYO model left on the default split" 1 "$dm" --vocab "$tmp/byo.vocab" --no-store \
    -c "load '$byo'; set ratio 0.5; run"
has "BYO model left on the default split: message" "$tmp/err" \
    "split 'valid' is unknown and there is no training split to fit the little module on: set split to a text file"
run "BYO classifier without a training split" 1 "$dm" eval "$top_srcdir/tests/fixtures/resnet_cifar.safetensors" \
    --data fashion-mnist --ratio 0.5 --limit 50 --no-store
has "BYO classifier: message" "$tmp/err" "names no dataset in its metadata, so the training data to fit its little module on are unknown: set fit-data"

echo "1..$n"
exit $fail
