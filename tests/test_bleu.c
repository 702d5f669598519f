/* test_bleu.c - Criterion tests for src/task/bleu.c (sacreBLEU 2.3.1-compatible
 * 13a, BLEU, chrF, signatures) and the UTF-8 helpers it reads text with.
 *
 * Hand-computed cases: 13a's edge cases (each expectation worked out from
 * the regexes, and the same strings checked once against sacreBLEU 2.3.1's
 * own Tokenizer13a), BLEU through 13a with a brevity penalty, 'exp'
 * smoothing with one and with three zero-match orders and sacreBLEU's early
 * stop when nothing matches, chrF on tiny pairs (its effective order, its
 * rule that a sentence without reference n-grams of an order counts no
 * hypothesis n-grams, code points not bytes, corpus statistics summed before
 * the score), the signatures and score lines.
 *
 * Real text: tests/fixtures/bleu/{hyp,ref}.txt (212 lines: 200 KJV verses and
 * a perturbed copy, 12 written lines; make_bleu_fixtures.py) against the
 * figures tools/bleu_reference.py printed for them (a Python port of 13a and
 * chrF, BLEU cross-checked with NLTK's corpus_bleu, chrF's counts with NLTK's
 * chrF counter), and its 13a tokens of every line (hyp.tok13a, ref.tok13a),
 * byte for byte. */
#define _POSIX_C_SOURCE 200809L
#include <criterion/criterion.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bleu.h"
#include "metric.h"
#include "testutil.h"
#include "util.h"

TestSuite(bleu, .timeout = 60);

static void expect_tok(const char *in, const char *want)
{
    char *got = dm_tok13a(in);
    cr_assert_not_null(got);
    cr_expect_str_eq(got, want, "13a of \"%s\"", dm_esc(in));
    free(got);
}

Test(bleu, tok13a_punctuation_and_symbols)
{
    expect_tok("Hello, world!", "Hello , world !");
    /* every character of the first class is split off; ' - . , and letters are not */
    expect_tok("(a) [b] {c} a/b a+b 50% $5 #1 @x a;b a:b a?b a!b a=b <x> a|b a~b a^b a_b a`b a\\b a*b it's",
               "( a ) [ b ] { c } a / b a + b 50 % $ 5 # 1 @ x a ; b a : b a ? b a ! b a = b < x > a | b a ~ b "
               "a ^ b a _ b a ` b a \\ b a * b it's");
    expect_tok("e.g. U.S.A.", "e . g . U . S . A .");
    expect_tok("", "");
    expect_tok("   \t ", "");
}

Test(bleu, tok13a_numbers_and_hyphens)
{
    /* . and , stay inside numbers; split after a non-digit or before one */
    expect_tok("3.14 1,000 1,000.50 .5 5. a.b 3,b a,3", "3.14 1,000 1,000.50 . 5 5 . a . b 3 , b a , 3");
    /* ".5" at the start: the space 13a puts around the line is the non-digit before the '.' */
    expect_tok(".5", ". 5");
    /* a dash is split only after a digit */
    expect_tok("well-known 10-year 2-3 a-1 -5 5-", "well-known 10 - year 2 - 3 a-1 -5 5 -");
    expect_tok("1.000,5-2", "1.000,5 - 2");
    /* [0-9] is ASCII: Arabic-Indic digits are not digits to 13a */
    expect_tok("\xd9\xa3.\xd9\xa5 and \xd9\xa3-\xd9\xa5", "\xd9\xa3 . \xd9\xa5 and \xd9\xa3-\xd9\xa5");
}

Test(bleu, tok13a_utf8_passes_through)
{
    /* á ñ ¿ curly quotes and the em dash are not in the ASCII classes */
    expect_tok("¿Dónde está? “Sí,” dijo—ñ.", "¿Dónde está ? “Sí , ” dijo—ñ .");
    expect_tok("Naïve café, crème brûlée.", "Naïve café , crème brûlée .");
    expect_tok("Emoji 😀 and CJK 漢字，標點。", "Emoji 😀 and CJK 漢字，標點。");
    /* Python's str.split() whitespace separates tokens: NBSP, U+3000, U+2028, \x1c, tab */
    expect_tok("a\xc2\xa0" "b\xe3\x80\x80" "c\td\xe2\x80\xa8" "e\x1c" "f", "a b c d e f");
    /* U+200B (zero width space) is not whitespace to Python */
    expect_tok("a\xe2\x80\x8b" "b", "a\xe2\x80\x8b" "b");
    /* invalid UTF-8 is kept byte for byte */
    expect_tok("\xff\xfe. \xc3", "\xff\xfe . \xc3");
}

Test(bleu, tok13a_entities_skipped_and_newlines)
{
    expect_tok("&quot;Hi&quot; &amp;amp; &lt;b&gt;", "\" Hi \" & amp ; < b >");
    /* each entity is replaced once over the text, in the order quot, amp, lt, gt */
    expect_tok("&amp;quot;", "& quot ;");
    expect_tok("&amp;lt;", "<");
    expect_tok("a<skipped>b lin-\ne x\ny", "ab line x y");
    /* '<skipped>' is removed once: what its removal joins stays */
    expect_tok("<skip<skipped>ped>", "< skipped >");
    expect_tok("x-\n", "x");
}

/* hyp "Hello, world!" -> Hello , world ! (4 tokens); ref "Hello world!" ->
 * Hello world ! (3): 1-grams 3/4, 2-grams 1/3 ("world !"), 3-grams 0/2,
 * 4-grams 0/1. 'exp': p3 = 100 / (2 * 2) = 25, p4 = 100 / (4 * 1) = 25;
 * BLEU = (75 * 100/3 * 25 * 25)^(1/4) = 1562500^(1/4) = 25 sqrt(2). */
Test(bleu, bleu_13a_with_exp_smoothing)
{
    dm_bleu_acc a = {0};
    cr_assert_eq(dm_bleu_add_13a(&a, "Hello, world!", "Hello world!"), 0);
    const double m[4] = {3, 1, 0, 0}, t[4] = {4, 3, 2, 1};
    for (int n = 0; n < 4; n++) {
        cr_expect_eq(a.matches[n], m[n], "order %d: %g matches", n + 1, a.matches[n]);
        cr_expect_eq(a.totals[n], t[n], "order %d: %g n-grams", n + 1, a.totals[n]);
    }
    cr_expect(a.hyp_len == 4 && a.ref_len == 3 && a.sentences == 1);
    dm_bleu_detail d;
    dm_bleu_details(&a, DM_BLEU_SMOOTH_EXP, &d);
    cr_expect(fabs(d.score - 25 * sqrt(2.0)) < 1e-9, "BLEU %.12g, want %.12g", d.score, 25 * sqrt(2.0));
    cr_expect(fabs(d.prec[0] - 75) < 1e-12 && fabs(d.prec[1] - 100.0 / 3) < 1e-12);
    cr_expect(d.prec[2] == 25 && d.prec[3] == 25, "smoothed p3 %g p4 %g", d.prec[2], d.prec[3]);
    cr_expect(d.bp == 1 && fabs(d.ratio - 4.0 / 3) < 1e-15);
    char line[256];
    dm_bleu_line(&d, NULL, line, sizeof line);
    cr_expect_str_eq(line, "BLEU = 35.36 75.0/33.3/25.0/25.0 (BP = 1.000 ratio = 1.333 hyp_len = 4 ref_len = 3)");
    /* unsmoothed: a zero precision gives 0 */
    dm_bleu_details(&a, DM_BLEU_SMOOTH_NONE, &d);
    cr_expect(d.score == 0 && d.prec[2] == 0 && d.prec[3] == 0);

    /* three zero orders: hyp "a x b y c", ref "a b c": 3/5, then 0/4 0/3 0/2;
     * p2 = 100/(2*4), p3 = 100/(4*3), p4 = 100/(8*2) */
    dm_bleu_acc b = {0};
    cr_assert_eq(dm_bleu_add_13a(&b, "a x b y c", "a b c"), 0);
    dm_bleu_details(&b, DM_BLEU_SMOOTH_EXP, &d);
    double want = pow(60.0 * 12.5 * (100.0 / 12) * 6.25, 0.25);
    cr_expect(fabs(d.score - want) < 1e-9, "BLEU %.12g, want %.12g", d.score, want);
    cr_expect(d.prec[1] == 12.5 && fabs(d.prec[2] - 100.0 / 12) < 1e-12 && d.prec[3] == 6.25);

    /* nothing matches: sacreBLEU stops early with 0 and precisions 0, smoothing or not */
    dm_bleu_acc z = {0};
    cr_assert_eq(dm_bleu_add_13a(&z, "a b c d", "e f g h"), 0);
    dm_bleu_details(&z, DM_BLEU_SMOOTH_EXP, &d);
    cr_expect(d.score == 0, "no match at all: BLEU %g", d.score);
    for (int n = 0; n < 4; n++)
        cr_expect(d.prec[n] == 0, "p%d %g", n + 1, d.prec[n]);
    double v, se;
    dm_bleu_result_smooth(&z, DM_BLEU_SMOOTH_EXP, &v, &se);
    cr_expect(v == 0 && isnan(se));
}

/* hyp "the cat sat on the" ref "the cat sat on the mat": 5/5 4/4 3/3 2/2,
 * BP = exp(1 - 6/5), BLEU = 100 exp(-0.2) = 81.8731. Then "The cat sat."
 * against "The cat sat on the mat.": The cat sat . (4) / 7 tokens: 4/4, 2/3,
 * 1/2, 0/1: p4 = 100/2 with 'exp', BP = exp(1 - 7/4). */
Test(bleu, bleu_brevity_penalty)
{
    dm_bleu_acc a = {0};
    cr_assert_eq(dm_bleu_add_13a(&a, "the cat sat on the", "the cat sat on the mat"), 0);
    dm_bleu_detail d;
    dm_bleu_details(&a, DM_BLEU_SMOOTH_EXP, &d);
    cr_expect(fabs(d.bp - exp(-0.2)) < 1e-15, "BP %.17g", d.bp);
    cr_expect(fabs(d.score - 100 * exp(-0.2)) < 1e-9, "BLEU %.12g", d.score);
    cr_expect(fabs(d.score - 81.8731) < 1e-4);
    char line[256];
    dm_bleu_line(&d, NULL, line, sizeof line);
    cr_expect_str_eq(line, "BLEU = 81.87 100.0/100.0/100.0/100.0 (BP = 0.819 ratio = 0.833 hyp_len = 5 ref_len = 6)");

    dm_bleu_acc b = {0};
    cr_assert_eq(dm_bleu_add_13a(&b, "The cat sat.", "The cat sat on the mat."), 0);
    dm_bleu_details(&b, DM_BLEU_SMOOTH_EXP, &d);
    double want = exp(1 - 7.0 / 4) * pow(100.0 * (200.0 / 3) * 50 * 50, 0.25);
    cr_expect(fabs(d.score - want) < 1e-9, "BLEU %.12g, want %.12g", d.score, want);
    /* an empty hypothesis: BP 0 */
    dm_bleu_acc e = {0};
    cr_assert_eq(dm_bleu_add_13a(&e, "", "a b"), 0);
    dm_bleu_details(&e, DM_BLEU_SMOOTH_EXP, &d);
    cr_expect(d.bp == 0 && d.score == 0 && d.hyp_len == 0 && d.ref_len == 2);
}

/* dm_bleu_add_13a strips trailing whitespace first (sacreBLEU's rstrip), so
 * "x-\n" is the token "x-" there, while 13a alone joins "-\n". */
Test(bleu, bleu_13a_strips_trailing_whitespace)
{
    dm_bleu_acc a = {0}, b = {0};
    cr_assert_eq(dm_bleu_add_13a(&a, "x-\n", "x-"), 0);
    cr_expect(a.matches[0] == 1 && a.totals[0] == 1, "x- matches x-");
    cr_assert_eq(dm_bleu_add_13a(&b, "x- \xc2\xa0\r", "x"), 0);
    cr_expect(b.matches[0] == 0 && b.hyp_len == 1);
}

/* hyp "ab c", ref "abd": without whitespace abc / abd. Order 1: 3, 3, 2
 * matches; order 2: {ab, bc} / {ab, bd}: 1; order 3: {abc} / {abd}: 0;
 * orders 4-6: none. Effective orders 1-3: P = R = (2/3 + 1/2 + 0)/3 = 7/18,
 * and F2 = 5 P R / (4 P + R) = 7/18. */
Test(bleu, chrf_by_hand)
{
    dm_chrf_acc a = {0};
    cr_assert_eq(dm_chrf_add(&a, "ab c", "abd"), 0);
    const double h[6] = {3, 2, 1, 0, 0, 0}, m[6] = {2, 1, 0, 0, 0, 0};
    for (int n = 0; n < 6; n++)
        cr_expect(a.hyp[n] == h[n] && a.ref[n] == h[n] && a.match[n] == m[n], "order %d: %g %g %g", n + 1, a.hyp[n],
                  a.ref[n], a.match[n]);
    cr_expect(fabs(dm_chrf_result(&a) - 100.0 * 7 / 18) < 1e-12, "chrF %.12g", dm_chrf_result(&a));
    char line[128];
    dm_chrf_line(dm_chrf_result(&a), NULL, line, sizeof line);
    cr_expect_str_eq(line, "chrF2 = 38.89");

    /* hyp "aab", ref "ab": order 1: 3, 2, 2; order 2: {aa, ab} / {ab}: 2, 1, 1;
     * order 3: the reference has no 3-gram, so the hypothesis' one is not
     * counted (sacreBLEU) and the order is not effective. P = (2/3 + 1/2)/2
     * = 7/12, R = 1, F2 = 5 (7/12) / (4 (7/12) + 1) = 35/40. */
    dm_chrf_acc b = {0};
    cr_assert_eq(dm_chrf_add(&b, "aab", "ab"), 0);
    cr_expect(b.hyp[2] == 0 && b.ref[2] == 0 && b.match[2] == 0, "order 3: %g %g %g", b.hyp[2], b.ref[2], b.match[2]);
    cr_expect(fabs(dm_chrf_result(&b) - 87.5) < 1e-12, "chrF %.12g", dm_chrf_result(&b));

    /* the corpus: statistics summed, then one score (not the mean of 38.9 and 87.5):
     * order 1: 6, 5, 4; order 2: 4, 3, 2; order 3: 1, 1, 0.
     * P = (4/6 + 2/4 + 0)/3 = 7/18, R = (4/5 + 2/3 + 0)/3 = 22/45 */
    dm_chrf_acc c = a;
    dm_chrf_merge(&c, &b);
    cr_expect_eq(c.sentences, 2);
    double P = 7.0 / 18, R = 22.0 / 45, want = 100 * 5 * P * R / (4 * P + R);
    cr_expect(fabs(dm_chrf_result(&c) - want) < 1e-12, "corpus chrF %.12g, want %.12g", dm_chrf_result(&c), want);
    cr_expect(fabs(dm_chrf_result(&c) - 46.4976) < 1e-4);
    dm_chrf_acc d = {0};
    cr_assert_eq(dm_chrf_add(&d, "ab c", "abd"), 0);
    cr_assert_eq(dm_chrf_add(&d, "aab", "ab"), 0);
    cr_expect(memcmp(&c, &d, sizeof c) == 0, "merged and added in one differ");
}

Test(bleu, chrf_code_points_whitespace_and_edges)
{
    /* "ñé" / "ñe" in code points: order 1: 1 of 2 both ways, order 2: 0 of 1:
     * P = R = (1/2 + 0)/2 = 1/4 -> 25. (In bytes it would not be.) */
    dm_chrf_acc a = {0};
    cr_assert_eq(dm_chrf_add(&a, "ñé", "ñe"), 0);
    cr_expect(a.hyp[0] == 2 && a.ref[0] == 2 && a.match[0] == 1 && a.hyp[2] == 0);
    cr_expect(fabs(dm_chrf_result(&a) - 25) < 1e-12, "chrF %.12g", dm_chrf_result(&a));
    /* every Python whitespace character is removed, NBSP and U+3000 too */
    dm_chrf_acc b = {0};
    cr_assert_eq(dm_chrf_add(&b, " ñ\xc2\xa0\té\xe3\x80\x80\r\n", "ñe"), 0);
    cr_expect(memcmp(&a, &b, sizeof a) == 0);
    /* identical: 100; empty hypothesis or reference: 0 */
    dm_chrf_acc c = {0};
    cr_assert_eq(dm_chrf_add(&c, "the same", "thesame"), 0);
    cr_expect(dm_chrf_result(&c) == 100, "%.17g", dm_chrf_result(&c));
    dm_chrf_acc e = {0};
    cr_expect(dm_chrf_result(&e) == 0, "nothing added");
    cr_assert_eq(dm_chrf_add(&e, "", "abc"), 0);
    cr_expect(dm_chrf_result(&e) == 0 && e.ref[0] == 3);
    dm_chrf_acc f = {0};
    cr_assert_eq(dm_chrf_add(&f, "abc", ""), 0);
    cr_expect(dm_chrf_result(&f) == 0 && f.hyp[0] == 0, "no reference n-grams: hypothesis n-grams not counted");
    /* invalid UTF-8: bytes are characters of their own, equal to themselves only */
    dm_chrf_acc g = {0};
    cr_assert_eq(dm_chrf_add(&g, "\xff\xfe", "\xff\xfe"), 0);
    cr_expect(dm_chrf_result(&g) == 100);
    dm_chrf_acc h = {0};
    cr_assert_eq(dm_chrf_add(&h, "\xc3\xa9", "\xc3"), 0);
    cr_expect(h.match[0] == 0 && dm_chrf_result(&h) == 0, "é is not its lone lead byte");
}

Test(bleu, utf8_decode)
{
    unsigned cp;
    cr_expect(dm_u8_decode("A", 1, &cp) == 1 && cp == 'A');
    cr_expect(dm_u8_decode("\xc3\xa9", 2, &cp) == 2 && cp == 0xE9);
    cr_expect(dm_u8_decode("\xe2\x80\x9c", 3, &cp) == 3 && cp == 0x201C);
    cr_expect(dm_u8_decode("\xf0\x9f\x98\x80", 4, &cp) == 4 && cp == 0x1F600);
    /* overlong, surrogate, above U+10FFFF, cut short, stray continuation: one invalid byte */
    const char *bad[] = {"\xc0\xaf", "\xe0\x80\xaf", "\xed\xa0\x80", "\xf4\x90\x80\x80", "\xf5\x80\x80\x80", "\x80"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        int l = dm_u8_decode(bad[i], strlen(bad[i]), &cp);
        cr_expect(l == 1 && cp == DM_U8_INVALID + (unsigned char)bad[i][0], "case %zu: %d bytes, %#x", i, l, cp);
    }
    cr_expect(dm_u8_decode("\xc3\xa9", 1, &cp) == 1 && cp == DM_U8_INVALID + 0xC3, "cut short by n");
    const unsigned space[] = {9, 10, 11, 12, 13, 0x1C, 0x1F, 0x20, 0x85, 0xA0, 0x1680, 0x2000, 0x200A, 0x2028, 0x2029,
                              0x202F, 0x205F, 0x3000};
    for (size_t i = 0; i < sizeof space / sizeof space[0]; i++)
        cr_expect(dm_u8_is_space(space[i]), "%#x is whitespace", space[i]);
    const unsigned not_space[] = {0, 8, 0x1B, 0x21, 0x200B, 0x180E, 0xFEFF, DM_U8_INVALID + 0xA0};
    for (size_t i = 0; i < sizeof not_space / sizeof not_space[0]; i++)
        cr_expect(!dm_u8_is_space(not_space[i]), "%#x is not whitespace", not_space[i]);
}

Test(bleu, signatures_and_lines)
{
    char s[128], line[256];
    dm_bleu_signature(DM_BLEU_SMOOTH_EXP, s, sizeof s);
    cr_expect_str_eq(s, "nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp|version:2.3.1");
    dm_bleu_signature(DM_BLEU_SMOOTH_NONE, s, sizeof s);
    cr_expect_str_eq(s, "nrefs:1|case:mixed|eff:no|tok:13a|smooth:none|version:2.3.1");
    dm_chrf_signature(s, sizeof s);
    cr_expect_str_eq(s, "nrefs:1|case:mixed|eff:yes|nc:6|nw:0|space:no|version:2.3.1");
    dm_chrf_line(81.8631334037141, s, line, sizeof line);
    cr_expect_str_eq(line, "chrF2|nrefs:1|case:mixed|eff:yes|nc:6|nw:0|space:no|version:2.3.1 = 81.86");
    dm_bleu_detail d = {.score = 34.125, .prec = {65.05, 40.25, 27.3, 19.0}, .bp = 0.9865, .ratio = 0.98712,
                        .hyp_len = 1234, .ref_len = 1250};
    dm_bleu_signature(DM_BLEU_SMOOTH_EXP, s, sizeof s);
    dm_bleu_line(&d, s, line, sizeof line);
    /* Python's f"{x:.Nf}" and printf round the double the same way: 34.125 and 40.25 are exact ties (to
     * even: 34.12, 40.2), 65.05 is 65.0499... (65.0), 0.9865 is 0.98650000000000004 (0.987) */
    cr_expect_str_eq(line, "BLEU|nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp|version:2.3.1 = 34.12 "
                           "65.0/40.2/27.3/19.0 (BP = 0.987 ratio = 0.987 hyp_len = 1234 ref_len = 1250)");
}

/* A long line scores in O(n log n): 200000 tokens each side. */
Test(bleu, long_lines_are_fast)
{
    size_t n = 200000, cap = n * 8 + 1, w = 0;
    char *s = malloc(cap);
    cr_assert_not_null(s);
    for (size_t i = 0; i < n; i++)
        w += (size_t)snprintf(s + w, cap - w, "%s%zu", i ? " " : "", i % 5000);
    dm_bleu_acc a = {0};
    dm_chrf_acc c = {0};
    double t0 = dm_now();
    cr_assert_eq(dm_bleu_add_13a(&a, s, s), 0);
    cr_assert_eq(dm_chrf_add(&c, s, s), 0);
    double dt = dm_now() - t0;
    cr_expect(a.matches[3] == a.totals[3] && a.totals[3] == (double)n - 3);
    double v, se;
    dm_bleu_result_smooth(&a, DM_BLEU_SMOOTH_EXP, &v, &se);
    cr_expect(fabs(v - 100) < 1e-9 && fabs(dm_chrf_result(&c) - 100) < 1e-9);
    cr_expect(dt < 20, "%.1f s for a 200000-token pair", dt);
    free(s);
}

/* ---- real text against tools/bleu_reference.py ---------------------------- */

/* The lines of a fixture file, split at '\n' only (as sacreBLEU's command line). */
static char **read_fixture(const char *rel, int *n)
{
    char path[1024];
    test_path(path, sizeof path, rel);
    FILE *f = fopen(path, "rb");
    cr_assert_not_null(f, "%s", path);
    char **lines = NULL, *buf = NULL;
    size_t cap = 0;
    ssize_t len;
    *n = 0;
    while ((len = getline(&buf, &cap, f)) >= 0) {
        if (len && buf[len - 1] == '\n')
            buf[--len] = '\0';
        lines = realloc(lines, (size_t)(*n + 1) * sizeof *lines);
        cr_assert_not_null(lines);
        lines[(*n)++] = strdup(buf);
    }
    free(buf);
    fclose(f);
    return lines;
}

static void free_lines(char **l, int n)
{
    for (int i = 0; i < n; i++)
        free(l[i]);
    free(l);
}

/* /usr/bin/python3 tools/bleu_reference.py tests/fixtures/bleu/hyp.txt tests/fixtures/bleu/ref.txt --c
 * (Python 3.11.2, NLTK 3.8): its output, as printed.
 *   NLTK pairs 211 (hypothesis >= 4 tokens)  hyp_len 5104 ref_len 5370
 *   NLTK subset matches 4853 3867 3208 2706  totals 5104 4893 4682 4471  (NLTK's numerators/denominators equal)
 *   NLTK corpus_bleu 70.920612528333365  this script, unsmoothed, same pairs 70.920612528333379  (diff -1.42e-14)
 *   chrF stats from NLTK's counts: equal
 *   BLEU|nrefs:1|case:mixed|eff:no|tok:13a|smooth:exp|version:2.3.1 = 70.46 95.1/79.0/68.5/60.5 (BP = 0.943 ratio = 0.945 hyp_len = 5104 ref_len = 5403)
 *   chrF2|nrefs:1|case:mixed|eff:yes|nc:6|nw:0|space:no|version:2.3.1 = 81.86
 * (sacreBLEU 2.3.1 itself prints the same two lines for these files.) */
static const double ref_bleu_stats[10] = {5104, 5403, 4853, 3867, 3208, 2706, 5104, 4893, 4682, 4471};
static const double ref_bleu_exp = 70.463553239817088, ref_bleu_none = 70.463553239817088;
static const int ref_nltk_pairs = 211;
static const double ref_nltk_stats[10] = {5104, 5370, 4853, 3867, 3208, 2706, 5104, 4893, 4682, 4471};
static const double ref_nltk_bleu = 70.920612528333365;
static const double ref_chrf_stats[6][3] = {{18741, 19797, 18163}, {18530, 19585, 16995}, {18319, 19373, 15953},
                                            {18108, 19161, 15019}, {17897, 18949, 14187}, {17686, 18737, 13433}};
static const double ref_chrf = 81.863133403714102;

#define STAT_RTOL 1e-9  /* the statistics are counts: any difference is a bug */
#define SCORE_ATOL 1e-6 /* scores in [0, 100] */

static void expect_stats(const dm_bleu_acc *a, const double *want, const char *what)
{
    const double got[10] = {a->hyp_len,    a->ref_len,    a->matches[0], a->matches[1], a->matches[2],
                            a->matches[3], a->totals[0],  a->totals[1],  a->totals[2],  a->totals[3]};
    static const char *const name[10] = {"hyp_len", "ref_len", "matches1", "matches2", "matches3",
                                         "matches4", "totals1", "totals2", "totals3", "totals4"};
    for (int i = 0; i < 10; i++)
        cr_expect(fabs(got[i] - want[i]) <= STAT_RTOL * fabs(want[i]), "%s %s: %.17g, reference %.17g", what, name[i],
                  got[i], want[i]);
}

Test(bleu, fixture_13a_tokens_match_the_python_port)
{
    const char *const files[2][2] = {{"tests/fixtures/bleu/hyp.txt", "tests/fixtures/bleu/hyp.tok13a"},
                                     {"tests/fixtures/bleu/ref.txt", "tests/fixtures/bleu/ref.tok13a"}};
    for (int f = 0; f < 2; f++) {
        int n, nt;
        char **lines = read_fixture(files[f][0], &n), **tok = read_fixture(files[f][1], &nt);
        cr_assert_eq(n, 212, "%s: %d lines", files[f][0], n);
        cr_assert_eq(nt, n, "%s: %d lines", files[f][1], nt);
        int bad = 0;
        for (int i = 0; i < n; i++) {
            char *t = dm_tok13a(lines[i]); /* the script tokenized line.rstrip(): the same for these lines */
            cr_assert_not_null(t);
            if (strcmp(t, tok[i]) != 0 && bad++ < 5)
                cr_expect_fail("%s:%d: 13a \"%s\", the Python port \"%s\"", files[f][0], i + 1, dm_esc(t), tok[i]);
            free(t);
        }
        cr_expect_eq(bad, 0, "%s: %d lines tokenized differently", files[f][0], bad);
        free_lines(lines, n);
        free_lines(tok, nt);
    }
}

Test(bleu, fixture_corpus_matches_the_reference_script)
{
    int nh, nr;
    char **hyp = read_fixture("tests/fixtures/bleu/hyp.txt", &nh), **ref = read_fixture("tests/fixtures/bleu/ref.txt", &nr);
    cr_assert_eq(nh, nr);
    dm_bleu_acc all = {0}, sub = {0}, half[2];
    dm_chrf_acc ch = {0}, chalf[2];
    memset(half, 0, sizeof half);
    memset(chalf, 0, sizeof chalf);
    int pairs = 0;
    for (int i = 0; i < nh; i++) {
        cr_assert_eq(dm_bleu_add_13a(&all, hyp[i], ref[i]), 0);
        cr_assert_eq(dm_bleu_add_13a(&half[i % 2], hyp[i], ref[i]), 0);
        cr_assert_eq(dm_chrf_add(&ch, hyp[i], ref[i]), 0);
        cr_assert_eq(dm_chrf_add(&chalf[i % 2], hyp[i], ref[i]), 0);
        /* NLTK's subset: hypotheses of at least 4 tokens */
        dm_bleu_acc one = {0};
        cr_assert_eq(dm_bleu_add_13a(&one, hyp[i], ref[i]), 0);
        if (one.hyp_len >= 4) {
            cr_assert_eq(dm_bleu_add_13a(&sub, hyp[i], ref[i]), 0);
            pairs++;
        }
    }
    cr_expect_eq(all.sentences, 212);
    expect_stats(&all, ref_bleu_stats, "corpus");
    dm_bleu_detail d;
    dm_bleu_details(&all, DM_BLEU_SMOOTH_EXP, &d);
    cr_expect(fabs(d.score - ref_bleu_exp) <= SCORE_ATOL, "BLEU (exp) %.17g, reference %.17g", d.score, ref_bleu_exp);
    double v, se;
    dm_bleu_result(&all, &v, &se);
    cr_expect(fabs(v - ref_bleu_none) <= SCORE_ATOL, "BLEU (none) %.17g, reference %.17g", v, ref_bleu_none);
    char line[256];
    dm_bleu_line(&d, NULL, line, sizeof line);
    cr_expect_str_eq(line, "BLEU = 70.46 95.1/79.0/68.5/60.5 (BP = 0.943 ratio = 0.945 hyp_len = 5104 ref_len = 5403)");

    /* against NLTK's corpus_bleu (unsmoothed) */
    cr_expect_eq(pairs, ref_nltk_pairs);
    expect_stats(&sub, ref_nltk_stats, "NLTK subset");
    dm_bleu_result(&sub, &v, &se);
    cr_expect(fabs(v - ref_nltk_bleu) <= SCORE_ATOL, "BLEU %.17g, NLTK %.17g", v, ref_nltk_bleu);

    /* chrF */
    for (int n = 0; n < DM_CHRF_ORDER; n++) {
        const double got[3] = {ch.hyp[n], ch.ref[n], ch.match[n]};
        for (int k = 0; k < 3; k++)
            cr_expect(fabs(got[k] - ref_chrf_stats[n][k]) <= STAT_RTOL * ref_chrf_stats[n][k],
                      "chrF order %d, %s: %.17g, reference %.17g", n + 1, k == 0 ? "hyp" : k == 1 ? "ref" : "match",
                      got[k], ref_chrf_stats[n][k]);
    }
    double chrf = dm_chrf_result(&ch);
    cr_expect(fabs(chrf - ref_chrf) <= SCORE_ATOL, "chrF %.17g, reference %.17g", chrf, ref_chrf);
    dm_chrf_line(chrf, NULL, line, sizeof line);
    cr_expect_str_eq(line, "chrF2 = 81.86");

    /* halves scored apart and merged give the same statistics */
    dm_metric_acc x, y;
    dm_metric_acc_init(&x, DM_METRIC_BLEU);
    dm_metric_acc_init(&y, DM_METRIC_BLEU);
    x.u.bleu = half[0];
    y.u.bleu = half[1];
    dm_metric_acc_merge(&x, &y);
    cr_expect(memcmp(&x.u.bleu, &all, sizeof all) == 0, "merged BLEU halves differ");
    dm_chrf_merge(&chalf[0], &chalf[1]);
    cr_expect(memcmp(&chalf[0], &ch, sizeof ch) == 0, "merged chrF halves differ");
    free_lines(hyp, nh);
    free_lines(ref, nr);
}
