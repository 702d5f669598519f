/* bleu.h - sacreBLEU-compatible translation scores in C: the 13a tokenizer,
 * corpus BLEU on its tokens, chrF, and sacreBLEU's signatures and score lines.
 *
 * Compatibility is claimed with sacreBLEU 2.3.1 (DM_SACREBLEU_VERSION, the
 * version the signatures name): its Tokenizer13a (tokenizers/tokenizer_13a.py
 * and the regexp tokenizer of tokenizer_re.py), BLEU with its defaults
 * (tok 13a, smooth 'exp', max order 4, case kept, no effective order) and
 * CHRF with its defaults (char order 6, word order 0, beta 2, whitespace
 * removed, effective-order averaging: eps_smoothing off). The code of all of
 * these is the same in sacreBLEU 2.3.1 through 2.6.0 (checked against its
 * git history), so the figures are those versions' too. One reference per
 * hypothesis (nrefs:1).
 *
 * Text is UTF-8 and a character is a code point, as for Python's str.
 * sacreBLEU refuses a file that is not valid UTF-8; here such bytes are
 * scored as characters of their own (dm_u8_decode) instead.
 *
 * The accumulators are plain sums (dm_bleu_acc of metric.h; dm_chrf_acc), so
 * parts scored apart merge, and the corpus score is computed once from the
 * summed statistics, as sacreBLEU's corpus_score does. */
#ifndef DM_BLEU_H
#define DM_BLEU_H

#include <stddef.h>

#include "metric.h"

#define DM_SACREBLEU_VERSION "2.3.1"

/* ---- 13a ------------------------------------------------------------------ */

/* sacreBLEU's tokenizer_13a (mteval-v13a.pl's tokenization) of one line,
 * byte for byte: '<skipped>' removed, '-\n' joined, '\n' -> ' ', &quot;
 * &amp; &lt; &gt; unescaped (in that order, each once over the text), then
 * on ' ' + line + ' ' the four mteval regexes
 *   ([\{-\~\[-\` -\&\(-\+\:-\@\/])  -> ' \1 '   (ASCII punctuation and symbols)
 *   ([^0-9])([\.,])                 -> '\1 \2 ' (. and , unless after a digit)
 *   ([\.,])([^0-9])                 -> ' \1 \2' (. and , unless before a digit)
 *   ([0-9])(-)                      -> '\1 \2 ' (- after a digit)
 * and the tokens joined by single spaces (split at Python's whitespace,
 * dm_u8_is_space). The classes are ASCII: other characters (á, ¿, curly
 * quotes) stay inside their tokens. Returns a malloc'd string, NULL when out
 * of memory. */
char *dm_tok13a(const char *line);

/* One sentence pair into corpus BLEU statistics as sacreBLEU's BLEU reads it:
 * each side stripped of trailing whitespace (rstrip), 13a-tokenized, then
 * dm_bleu_add_text. 0, or -1 when out of memory (nothing added). */
int dm_bleu_add_13a(dm_bleu_acc *a, const char *hyp, const char *ref);

/* ---- chrF ----------------------------------------------------------------- */

#define DM_CHRF_ORDER 6 /* character n-gram orders 1..6 */
#define DM_CHRF_BETA 2  /* recall weighs beta^2 = 4 times precision */

/* chrF sufficient statistics, per character n-gram order n = 1..6, summed over
 * sentences (sacreBLEU's per-sentence [hyp, ref, match] triples). */
typedef struct dm_chrf_acc {
    double hyp[DM_CHRF_ORDER];   /* hypothesis n-grams (0 for a sentence whose reference has none of order n) */
    double ref[DM_CHRF_ORDER];   /* reference n-grams */
    double match[DM_CHRF_ORDER]; /* clipped matches: sum over n-grams of min(count in hyp, count in ref) */
    long sentences;
} dm_chrf_acc;

/* One sentence pair: whitespace removed from both (Python's str.split()
 * whitespace), then the character n-grams of each order compared. 0, or -1
 * when out of memory (nothing added). */
int dm_chrf_add(dm_chrf_acc *a, const char *hyp, const char *ref);
void dm_chrf_merge(dm_chrf_acc *into, const dm_chrf_acc *from);
/* chrF2 in [0, 100], sacreBLEU's CHRF._compute_f_score without eps smoothing:
 * over the orders with hyp > 0 and ref > 0 (the effective order), the mean
 * precision P = match/hyp and the mean recall R = match/ref, then
 * 100 (1 + b^2) P R / (b^2 P + R) with b = 2; 0 when P + R is 0 (or when no
 * order has n-grams on both sides). */
double dm_chrf_result(const dm_chrf_acc *a);

/* ---- sacreBLEU's signatures and score lines ------------------------------- */

/* "nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp|version:2.3.1" (smooth:none
 * without smoothing), as sacreBLEU's BLEU signature reads for these
 * settings. */
void dm_bleu_signature(dm_bleu_smooth smooth, char *out, size_t n);
/* "nrefs:1|case:mixed|eff:yes|nc:6|nw:0|space:no|version:2.3.1". */
void dm_chrf_signature(char *out, size_t n);
/* sacreBLEU's score line (its `-f text` output): with signature NULL
 *   "BLEU = 34.12 65.1/40.2/27.3/19.0 (BP = 0.987 ratio = 0.987 hyp_len = 1234 ref_len = 1250)"
 * and with one "BLEU|<signature> = ..."; score 2 decimals, precisions 1,
 * BP and ratio 3 (Python's and C's rounding of a double agree). */
void dm_bleu_line(const dm_bleu_detail *d, const char *signature, char *out, size_t n);
/* "chrF2 = 56.78", or "chrF2|<signature> = 56.78". */
void dm_chrf_line(double score, const char *signature, char *out, size_t n);

#endif
