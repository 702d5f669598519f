#!/usr/bin/python3
"""Reference figures for dualmod's sacreBLEU-compatible BLEU and chrF (src/task/bleu.c),
computed independently of the C code: a Python port of the 13a tokenizer, corpus
BLEU counted here and checked against NLTK's corpus_bleu, chrF ported here with
its n-gram counts checked against NLTK's chrF counter. tests/test_bleu.c holds
the figures it printed for tests/fixtures/bleu/{hyp,ref}.txt.

  /usr/bin/python3 tools/bleu_reference.py HYP REF [--tok DIR] [--c]

Reads the files as sacreBLEU 2.3.1's command line does (UTF-8, lines split at
'\\n' only, each line rstrip()ped) and prints:
  - the corpus BLEU statistics (hypothesis and reference lengths, clipped
    matches and totals for n = 1..4) and BLEU with sacreBLEU's formula, with
    'exp' smoothing (its default) and without smoothing;
  - NLTK's corpus_bleu (unsmoothed) on the 13a tokens, beside this script's
    unsmoothed BLEU of the same pairs. NLTK counts a denominator of 1 for an
    n-gram order a hypothesis has no n-grams of (modified_precision's
    max(1, ...)) where sacreBLEU counts 0, so the comparison takes the pairs
    whose hypothesis has at least 4 tokens (and says how many); its summed
    numerators and denominators must equal this script's counts exactly;
  - chrF2 (sacreBLEU's defaults: character 6-grams, word order 0, beta 2,
    whitespace removed, precision and recall averaged over the effective
    orders, then F-beta), with its per-order statistics, which must equal
    the sums of NLTK's per-sentence chrF counts (with sacreBLEU's rule that a
    sentence whose reference has no n-gram of an order counts no hypothesis
    n-grams of it);
  - sacreBLEU's score lines and signatures.
--tok DIR writes the 13a tokens of every line to DIR/hyp.tok13a and DIR/ref.tok13a
(the C test compares dm_tok13a with them line by line); --c also prints the
figures as C initializers. Needs python3-nltk (Debian); nothing else.
"""
import argparse
import math
import os
import re
import sys
from collections import Counter

from nltk.translate.bleu_score import corpus_bleu, modified_precision
from nltk.translate.chrf_score import chrf_precision_recall_fscore_support

VERSION = "2.3.1"  # the sacreBLEU version whose behaviour this reproduces


def read_lines(path):
    """As sacreBLEU's CLI: open(encoding='utf-8', newline='\\n'), line.rstrip()."""
    with open(path, encoding="utf-8", newline="\n") as f:
        return [line.rstrip() for line in f]


# ---- 13a (mteval-v13a.pl's tokenization, as sacreBLEU's Tokenizer13a) ----

# the language-dependent part, in mteval-v13a's order
MTEVAL_13A = [
    (re.compile(r"([\{-\~\[-\` -\&\(-\+\:-\@\/])"), r" \1 "),  # punctuation and symbols
    (re.compile(r"([^0-9])([\.,])"), r"\1 \2 "),  # period and comma unless preceded by a digit
    (re.compile(r"([\.,])([^0-9])"), r" \1 \2"),  # period and comma unless followed by a digit
    (re.compile(r"([0-9])(-)"), r"\1 \2 "),  # dash when preceded by a digit
]


def tok13a(line):
    line = line.replace("<skipped>", "")
    line = line.replace("-\n", "")
    line = line.replace("\n", " ")
    for esc, ch in (("&quot;", '"'), ("&amp;", "&"), ("&lt;", "<"), ("&gt;", ">")):
        line = line.replace(esc, ch)
    line = " " + line + " "
    for pattern, repl in MTEVAL_13A:
        line = pattern.sub(repl, line)
    return " ".join(line.split())


# ---- BLEU ----

def ngrams(tokens, n):
    return Counter(tuple(tokens[i:i + n]) for i in range(len(tokens) - n + 1))


def bleu_stats(hyps_tok, refs_tok):
    """[hyp_len, ref_len, matches 1..4, totals 1..4], summed."""
    st = [0] * 10
    for h, r in zip(hyps_tok, refs_tok):
        ht, rt = h.split(), r.split()
        st[0] += len(ht)
        st[1] += len(rt)
        for n in range(1, 5):
            hc, rc = ngrams(ht, n), ngrams(rt, n)
            st[1 + n] += sum(min(c, rc[g]) for g, c in hc.items())
            st[5 + n] += sum(hc.values())
    return st


def bleu_score(st, smooth):
    """sacreBLEU 2.3.1's BLEU.compute_bleu (max order 4, no effective order)."""
    sys_len, ref_len, correct, total = st[0], st[1], st[2:6], st[6:10]
    bp = 1.0
    if sys_len < ref_len:
        bp = math.exp(1 - ref_len / sys_len) if sys_len > 0 else 0.0
    prec = [0.0] * 4
    if not any(correct):
        return 0.0, prec, bp
    smooth_mteval = 1.0
    for n in range(4):
        if total[n] == 0:
            break
        if correct[n] == 0:
            if smooth == "exp":
                smooth_mteval *= 2
                prec[n] = 100.0 / (smooth_mteval * total[n])
        else:
            prec[n] = 100.0 * correct[n] / total[n]
    logs = [math.log(p) if p > 0 else -9999999999 for p in prec]
    return bp * math.exp(sum(logs) / 4), prec, bp


# ---- chrF ----

def chrf_stats(hyps, refs, order=6):
    """Per order [hyp, ref, match], summed; whitespace removed."""
    st = [[0, 0, 0] for _ in range(order)]
    for h, r in zip(hyps, refs):
        hc, rc = "".join(h.split()), "".join(r.split())
        for n in range(1, order + 1):
            hg = Counter(hc[i:i + n] for i in range(len(hc) - n + 1))
            rg = Counter(rc[i:i + n] for i in range(len(rc) - n + 1))
            match = sum(min(c, rg[g]) for g, c in hg.items())
            st[n - 1][0] += sum(hg.values()) if rg else 0  # sacreBLEU: no reference n-grams, no hits
            st[n - 1][1] += sum(rg.values())
            st[n - 1][2] += match
    return st


def chrf_stats_nltk(hyps, refs, order=6):
    """The same sums from NLTK's per-sentence chrF counts (tp, tp+fp, tp+fn)."""
    st = [[0, 0, 0] for _ in range(order)]
    for h, r in zip(hyps, refs):
        hc, rc = "".join(h.split()), "".join(r.split())
        for n in range(1, order + 1):
            ref_n = max(len(rc) - n + 1, 0)
            hyp_n = max(len(hc) - n + 1, 0)
            _, _, _, tp = chrf_precision_recall_fscore_support(rc, hc, n, beta=2.0)
            st[n - 1][0] += hyp_n if ref_n else 0
            st[n - 1][1] += ref_n
            st[n - 1][2] += tp
    return st


def chrf_score(st, beta=2):
    """sacreBLEU 2.3.1's CHRF._compute_f_score with eps_smoothing off."""
    factor = beta ** 2
    avg_prec = avg_rec = 0.0
    eff = 0
    for n_hyp, n_ref, n_match in st:
        if n_hyp > 0 and n_ref > 0:
            avg_prec += n_match / n_hyp
            avg_rec += n_match / n_ref
            eff += 1
    if eff == 0:
        avg_prec = avg_rec = 0.0
    else:
        avg_prec /= eff
        avg_rec /= eff
    if avg_prec + avg_rec:
        score = (1 + factor) * avg_prec * avg_rec
        score /= (factor * avg_prec) + avg_rec
        return 100 * score
    return 0.0


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("hyp")
    ap.add_argument("ref")
    ap.add_argument("--tok", metavar="DIR", help="write DIR/hyp.tok13a and DIR/ref.tok13a")
    ap.add_argument("--c", action="store_true", help="also print the figures as C initializers")
    args = ap.parse_args()
    hyps, refs = read_lines(args.hyp), read_lines(args.ref)
    if len(hyps) != len(refs):
        sys.exit(f"{args.hyp} has {len(hyps)} lines but {args.ref} has {len(refs)}")
    ht, rt = [tok13a(h) for h in hyps], [tok13a(r) for r in refs]
    if args.tok:
        for name, lines in (("hyp.tok13a", ht), ("ref.tok13a", rt)):
            with open(os.path.join(args.tok, name), "w", encoding="utf-8", newline="\n") as f:
                f.writelines(t + "\n" for t in lines)
    ok = True

    st = bleu_stats(ht, rt)
    bleu_exp, prec, bp = bleu_score(st, "exp")
    bleu_none, _, _ = bleu_score(st, "none")
    print(f"sentences {len(hyps)}")
    print(f"BLEU hyp_len {st[0]} ref_len {st[1]}")
    print("BLEU matches " + " ".join(map(str, st[2:6])) + "  totals " + " ".join(map(str, st[6:10])))
    print(f"BLEU exp  {bleu_exp:.17g}")
    print(f"BLEU none {bleu_none:.17g}")
    print("BLEU precisions " + " ".join(f"{p:.17g}" for p in prec) + f"  BP {bp:.17g}")

    # NLTK on the pairs whose hypothesis has >= 4 tokens
    keep = [i for i in range(len(ht)) if len(ht[i].split()) >= 4]
    nh = [ht[i].split() for i in keep]
    nr = [[rt[i].split()] for i in keep]
    nltk_bleu = 100 * corpus_bleu(nr, nh)
    sub = bleu_stats([ht[i] for i in keep], [rt[i] for i in keep])
    own_sub, _, _ = bleu_score(sub, "none")
    num, den = [0] * 4, [0] * 4
    for refs_i, hyp_i in zip(nr, nh):
        for n in range(1, 5):
            p = modified_precision(refs_i, hyp_i, n)  # an unnormalized Fraction
            num[n - 1] += p.numerator
            den[n - 1] += p.denominator
    same_counts = num == sub[2:6] and den == sub[6:10]
    ok &= same_counts and abs(nltk_bleu - own_sub) < 1e-9
    print(f"NLTK pairs {len(keep)} (hypothesis >= 4 tokens)  hyp_len {sub[0]} ref_len {sub[1]}")
    print("NLTK subset matches " + " ".join(map(str, sub[2:6])) + "  totals " + " ".join(map(str, sub[6:10])) +
          f"  (NLTK's numerators/denominators {'equal' if same_counts else 'DIFFER: %r %r' % (num, den)})")
    print(f"NLTK corpus_bleu {nltk_bleu:.17g}  this script, unsmoothed, same pairs {own_sub:.17g}"
          f"  (diff {nltk_bleu - own_sub:.3g})")

    cs = chrf_stats(hyps, refs)
    cs_nltk = chrf_stats_nltk(hyps, refs)
    chrf = chrf_score(cs)
    ok &= cs == cs_nltk
    for n, (a, b, m) in enumerate(cs, 1):
        print(f"chrF order {n}: hyp {a} ref {b} match {m}")
    print(f"chrF stats from NLTK's counts: {'equal' if cs == cs_nltk else 'DIFFER: %r' % cs_nltk}")
    print(f"chrF2 {chrf:.17g}")

    bsig = f"nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp|version:{VERSION}"
    csig = f"nrefs:1|case:mixed|eff:yes|nc:6|nw:0|space:no|version:{VERSION}"
    ratio = st[0] / st[1] if st[1] else 0
    print(f"BLEU|{bsig} = {bleu_exp:.2f} " + "/".join(f"{p:.1f}" for p in prec) +
          f" (BP = {bp:.3f} ratio = {ratio:.3f} hyp_len = {st[0]:d} ref_len = {st[1]:d})")
    print(f"chrF2|{csig} = {chrf:.2f}")

    if args.c:
        print("/* tools/bleu_reference.py --c */")
        print(f"static const double ref_bleu_stats[10] = {{{', '.join(map(str, st))}}};")
        print(f"static const double ref_bleu_exp = {bleu_exp:.17g}, ref_bleu_none = {bleu_none:.17g};")
        print(f"static const int ref_nltk_pairs = {len(keep)};")
        print(f"static const double ref_nltk_stats[10] = {{{', '.join(map(str, sub))}}};")
        print(f"static const double ref_nltk_bleu = {nltk_bleu:.17g};")
        print("static const double ref_chrf_stats[6][3] = {" + ", ".join("{%d, %d, %d}" % tuple(x) for x in cs) + "};")
        print(f"static const double ref_chrf = {chrf:.17g};")
    if not ok:
        sys.exit("bleu_reference.py: the NLTK cross-checks FAILED")


if __name__ == "__main__":
    main()
