/* test_metric.c - Criterion tests for src/task/metric.c: the table (names,
 * keys, lookups by enum and case-insensitive name, directions, labels), the
 * perplexity accumulator against the closed form (and bit-identical to the
 * eval module's dm_nll_* wrappers), accuracy with its binomial standard
 * error, and BLEU against hand-computed corpus statistics and scores
 * (sacreBLEU's formula: clipped matches, brevity penalty, 'exp' smoothing). */
#define _POSIX_C_SOURCE 200809L
#include <criterion/criterion.h>

#include <math.h>
#include <string.h>

#include "eval.h"
#include "metric.h"

TestSuite(metric, .timeout = 30);

Test(metric, table_entries_and_lookups)
{
    for (int i = 0; i < DM_METRIC_COUNT; i++) {
        const dm_metric_def *d = dm_metric_get((dm_metric)i);
        cr_assert_not_null(d);
        cr_expect_eq((int)d->id, i, "entry %d has id %d", i, (int)d->id);
        cr_expect_eq(dm_metric_find(d->name), d, "%s", d->name);
        cr_expect_eq(dm_metric_find(d->key), d, "%s", d->key);
        cr_expect_str_eq(dm_metric_name((dm_metric)i), d->name);
        cr_expect(d->acc_init && d->acc_merge && d->acc_result);
    }
    cr_expect_str_eq(dm_metric_name(DM_METRIC_PPL), "perplexity");
    cr_expect_str_eq(dm_metric_name(DM_METRIC_BLEU), "BLEU");
    cr_expect_str_eq(dm_metric_name(DM_METRIC_ACC), "accuracy");
    cr_expect_str_eq(dm_metric_name((dm_metric)99), "?");
    cr_expect_null(dm_metric_get((dm_metric)-1));
    cr_expect_null(dm_metric_get(DM_METRIC_COUNT));
    /* case-insensitive, by name and by key */
    cr_expect_eq(dm_metric_find("bleu"), &dm_metric_table[DM_METRIC_BLEU]);
    cr_expect_eq(dm_metric_find("Perplexity"), &dm_metric_table[DM_METRIC_PPL]);
    cr_expect_eq(dm_metric_find("PPL"), &dm_metric_table[DM_METRIC_PPL]);
    cr_expect_eq(dm_metric_find("ACC"), &dm_metric_table[DM_METRIC_ACC]);
    cr_expect_null(dm_metric_find("wer"));
    cr_expect_null(dm_metric_find(""));
    cr_expect_null(dm_metric_find(NULL));
    /* labels */
    cr_expect_str_eq(dm_metric_table[DM_METRIC_PPL].item, "token");
    cr_expect_str_eq(dm_metric_table[DM_METRIC_PPL].rate, "tok/s");
    cr_expect_str_eq(dm_metric_table[DM_METRIC_BLEU].item, "sentence");
    cr_expect_str_eq(dm_metric_table[DM_METRIC_BLEU].rate, "sent/s");
    cr_expect_str_eq(dm_metric_table[DM_METRIC_ACC].item, "image");
    cr_expect_str_eq(dm_metric_table[DM_METRIC_ACC].rate, "img/s");
    cr_expect(dm_metric_table[DM_METRIC_PPL].has_se && dm_metric_table[DM_METRIC_ACC].has_se);
    cr_expect(!dm_metric_table[DM_METRIC_BLEU].has_se);
}

Test(metric, directions)
{
    cr_expect(!dm_metric_table[DM_METRIC_PPL].higher_is_better);
    cr_expect(dm_metric_table[DM_METRIC_BLEU].higher_is_better);
    cr_expect(dm_metric_table[DM_METRIC_ACC].higher_is_better);
    cr_expect_eq(dm_metric_direction("perplexity"), -1);
    cr_expect_eq(dm_metric_direction("bleu"), 1);
    cr_expect_eq(dm_metric_direction("Accuracy"), 1);
    cr_expect_eq(dm_metric_direction("something else"), -1, "unknown metrics count as lower-is-better");
    cr_expect_eq(dm_metric_direction(NULL), -1);
    /* loss: positive = worse than dense */
    cr_expect_eq(dm_metric_loss_pct("perplexity", 2.5), 2.5);
    cr_expect_eq(dm_metric_loss_pct("BLEU", -3.0), 3.0);
    cr_expect_eq(dm_metric_loss_pct("accuracy", 1.0), -1.0);
}

Test(metric, perplexity_accumulator)
{
    const double nll[] = {2.0, 3.5, 1.25, 4.0, 0.5};
    int n = 5;
    dm_ppl_acc a = {0};
    dm_nll_acc b = {0};
    dm_metric_acc g, h1, h2;
    dm_metric_acc_init(&g, DM_METRIC_PPL);
    dm_metric_acc_init(&h1, DM_METRIC_PPL);
    dm_metric_acc_init(&h2, DM_METRIC_PPL);
    for (int i = 0; i < n; i++) {
        dm_ppl_add(&a, nll[i]);
        dm_nll_add(&b, nll[i]);
        dm_ppl_add(&g.u.ppl, nll[i]);
        dm_ppl_add(i < 2 ? &h1.u.ppl : &h2.u.ppl, nll[i]);
    }
    double mean = 11.25 / 5, var = 0;
    for (int i = 0; i < n; i++)
        var += (nll[i] - mean) * (nll[i] - mean);
    var /= n - 1;
    double value, se, m;
    dm_ppl_result(&a, &value, &se, &m);
    cr_expect(fabs(m - mean) < 1e-15);
    cr_expect(fabs(value - exp(mean)) < 1e-12 * exp(mean), "ppl %.17g", value);
    cr_expect(fabs(se - exp(mean) * sqrt(var / n)) < 1e-12 * se, "se %.17g", se);
    /* the eval module's wrappers give the same bits */
    dm_eval_result r;
    memset(&r, 0, sizeof r);
    dm_nll_result(&b, &r);
    cr_expect_eq(r.metric, DM_METRIC_PPL);
    cr_expect_eq(r.predictions, n);
    cr_expect(memcmp(&r.value, &value, sizeof value) == 0 && memcmp(&r.se, &se, sizeof se) == 0 &&
              memcmp(&r.nll, &m, sizeof m) == 0);
    /* through the table, and merged from two parts */
    double v2, s2, v3, s3;
    dm_metric_acc_result(&g, &v2, &s2);
    dm_metric_acc_merge(&h1, &h2);
    dm_metric_acc_result(&h1, &v3, &s3);
    cr_expect(v2 == value && s2 == se);
    cr_expect(fabs(v3 - value) < 1e-12 * value && fabs(s3 - se) < 1e-12 * se);
    /* nothing accumulated: perplexity 1, as before */
    dm_ppl_acc z = {0};
    dm_ppl_result(&z, &value, &se, &m);
    cr_expect(value == 1 && se == 0 && m == 0);
}

Test(metric, accuracy_accumulator)
{
    dm_metric_acc a, b;
    dm_metric_acc_init(&a, DM_METRIC_ACC);
    dm_metric_acc_init(&b, DM_METRIC_ACC);
    double v, se;
    dm_metric_acc_result(&a, &v, &se);
    cr_expect(isnan(v) && isnan(se), "no items: undefined");
    /* 3 of 4 correct, then 5 of 6 more: 8 of 10 */
    for (int i = 0; i < 4; i++)
        dm_accuracy_add(&a.u.acc, i != 2);
    for (int i = 0; i < 6; i++)
        dm_accuracy_add(&b.u.acc, i != 0 ? 7 : 0); /* any non-zero is correct */
    dm_metric_acc_result(&a, &v, &se);
    cr_expect(fabs(v - 75.0) < 1e-12, "%g", v);
    cr_expect(fabs(se - 100 * sqrt(0.75 * 0.25 / 4)) < 1e-12, "%g", se);
    dm_metric_acc_merge(&a, &b);
    cr_expect_eq(a.u.acc.correct, 8);
    cr_expect_eq(a.u.acc.total, 10);
    dm_metric_acc_result(&a, &v, &se);
    cr_expect(fabs(v - 80.0) < 1e-12, "%g", v);
    cr_expect(fabs(se - 100 * sqrt(0.8 * 0.2 / 10)) < 1e-12, "%g", se);
    /* all right: s.e. 0 */
    dm_accuracy_acc c = {0};
    dm_accuracy_add(&c, 1);
    dm_accuracy_add(&c, 1);
    dm_accuracy_result(&c, &v, &se);
    cr_expect(v == 100 && se == 0);
}

/* Hand-computed example (counts worked out on paper):
 *   hyp "the cat sat on the mat"  ref "the cat is on the mat"
 *     1-grams: the x2, cat, on, mat match (sat does not): 5 of 6
 *     2-grams: "the cat", "on the", "the mat": 3 of 5
 *     3-grams: "on the mat": 1 of 4
 *     4-grams: none of 3
 *   hyp "a b c d e"  ref "a b c d e f g": 5/5, 4/4, 3/3, 2/2
 * Corpus: matches 10 7 4 2, totals 11 9 7 5, hyp 11 tokens, ref 13.
 * BLEU = 100 exp(1 - 13/11) (10/11 * 7/9 * 4/7 * 2/5)^(1/4)
 *      = 100 * 0.8337529 * (560/3465)^(1/4) = 52.8636... */
Test(metric, bleu_matches_a_hand_computed_example)
{
    dm_bleu_acc a = {0}, t = {0};
    const int h1[] = {1, 2, 3, 4, 1, 5}, r1[] = {1, 2, 6, 4, 1, 5};
    const int h2[] = {10, 11, 12, 13, 14}, r2[] = {10, 11, 12, 13, 14, 15, 16};
    dm_bleu_add_ids(&a, h1, 6, r1, 6);
    const double m1[4] = {5, 3, 1, 0}, t1[4] = {6, 5, 4, 3};
    for (int n = 0; n < 4; n++) {
        cr_expect_eq(a.matches[n], m1[n], "sentence 1, order %d: %g matches", n + 1, a.matches[n]);
        cr_expect_eq(a.totals[n], t1[n], "sentence 1, order %d: %g n-grams", n + 1, a.totals[n]);
    }
    double v, se;
    dm_bleu_result(&a, &v, &se);
    cr_expect_eq(v, 0.0, "no 4-gram matches and no smoothing: BLEU 0 (got %g)", v);
    cr_expect(isnan(se));
    /* 'exp' smoothing: p4 = 100 / (2 * 3) */
    dm_bleu_result_smooth(&a, DM_BLEU_SMOOTH_EXP, &v, &se);
    double want = pow(100.0 * 5 / 6 * 100.0 * 3 / 5 * 100.0 * 1 / 4 * 100.0 / 6, 0.25);
    cr_expect(fabs(v - want) < 1e-9, "exp-smoothed BLEU %.10g, want %.10g", v, want);
    cr_expect(fabs(v - 37.9918) < 1e-3, "exp-smoothed BLEU %.6g", v);

    dm_bleu_add_ids(&a, h2, 5, r2, 7);
    const double mc[4] = {10, 7, 4, 2}, tc[4] = {11, 9, 7, 5};
    for (int n = 0; n < 4; n++) {
        cr_expect_eq(a.matches[n], mc[n], "corpus, order %d", n + 1);
        cr_expect_eq(a.totals[n], tc[n], "corpus, order %d", n + 1);
    }
    cr_expect_eq(a.hyp_len, 11);
    cr_expect_eq(a.ref_len, 13);
    cr_expect_eq(a.sentences, 2);
    dm_bleu_result(&a, &v, &se);
    want = 100 * exp(1 - 13.0 / 11) * pow(560.0 / 3465.0, 0.25);
    cr_expect(fabs(v - want) < 1e-9, "BLEU %.10g, want %.10g", v, want);
    cr_expect(fabs(v - 52.8636) < 1e-3, "BLEU %.6g", v);
    /* smoothing changes nothing when every order has a match */
    double vs;
    dm_bleu_result_smooth(&a, DM_BLEU_SMOOTH_EXP, &vs, &se);
    cr_expect_eq(vs, v);

    /* the same corpus as whitespace-tokenized text */
    cr_assert_eq(dm_bleu_add_text(&t, "the cat sat  on the mat\n", " the cat is on the\tmat"), 0);
    cr_assert_eq(dm_bleu_add_text(&t, "a b c d e", "a b c d e f g"), 0);
    cr_expect(memcmp(&t, &a, sizeof t) == 0, "text and ids disagree");
}

Test(metric, bleu_clipping_brevity_and_edges)
{
    double v, se;
    /* clipping: "the the the the" against "the cat": 1 of 4 unigrams */
    dm_bleu_acc a = {0};
    cr_assert_eq(dm_bleu_add_text(&a, "the the the the", "the cat"), 0);
    cr_expect_eq(a.matches[0], 1);
    cr_expect_eq(a.totals[0], 4);
    cr_expect_eq(a.matches[1], 0);
    cr_expect_eq(a.totals[3], 1);
    /* identical sentences: 100 */
    dm_bleu_acc b = {0};
    cr_assert_eq(dm_bleu_add_text(&b, "one two three four five", "one two three four five"), 0);
    dm_bleu_result(&b, &v, &se);
    cr_expect(fabs(v - 100) < 1e-12, "%g", v);
    /* a longer hypothesis has no brevity penalty; a shorter one does */
    dm_bleu_acc c = {0};
    cr_assert_eq(dm_bleu_add_text(&c, "one two three four five six", "one two three four five"), 0);
    dm_bleu_result(&c, &v, &se);
    double p = pow(5.0 / 6 * 4.0 / 5 * 3.0 / 4 * 2.0 / 3, 0.25);
    cr_expect(fabs(v - 100 * p) < 1e-9, "%g vs %g", v, 100 * p);
    dm_bleu_acc d = {0};
    cr_assert_eq(dm_bleu_add_text(&d, "one two three four", "one two three four five"), 0);
    dm_bleu_result(&d, &v, &se);
    cr_expect(fabs(v - 100 * exp(1 - 5.0 / 4)) < 1e-9, "%g", v);
    /* empty hypothesis, short hypothesis (no 4-grams): 0 */
    dm_bleu_acc e = {0};
    cr_assert_eq(dm_bleu_add_text(&e, "", "a b c"), 0);
    dm_bleu_result(&e, &v, &se);
    cr_expect_eq(v, 0.0);
    dm_bleu_acc f = {0};
    cr_assert_eq(dm_bleu_add_text(&f, "a b c", "a b c"), 0);
    dm_bleu_result_smooth(&f, DM_BLEU_SMOOTH_EXP, &v, &se);
    cr_expect_eq(v, 0.0, "an order with no n-grams at all scores 0, smoothed or not");
    /* merging two halves equals adding both */
    dm_metric_acc x, y, z;
    dm_metric_acc_init(&x, DM_METRIC_BLEU);
    dm_metric_acc_init(&y, DM_METRIC_BLEU);
    dm_metric_acc_init(&z, DM_METRIC_BLEU);
    cr_assert_eq(dm_bleu_add_text(&x.u.bleu, "a b c d e", "a b c d e f"), 0);
    cr_assert_eq(dm_bleu_add_text(&y.u.bleu, "x y z w", "x y q w"), 0);
    cr_assert_eq(dm_bleu_add_text(&z.u.bleu, "a b c d e", "a b c d e f"), 0);
    cr_assert_eq(dm_bleu_add_text(&z.u.bleu, "x y z w", "x y q w"), 0);
    dm_metric_acc_merge(&x, &y);
    cr_expect(memcmp(&x.u.bleu, &z.u.bleu, sizeof x.u.bleu) == 0);
    double v1, v2;
    dm_metric_acc_result(&x, &v1, &se);
    dm_bleu_result(&z.u.bleu, &v2, &se);
    cr_expect_eq(v1, v2);
}

/* sacreBLEU's details: no match at any order is BLEU 0 with precisions 0
 * even with 'exp' smoothing (its early stop, issue #141), and tokens of
 * tokenize='none' text are split at Python's whitespace (NBSP, U+3000, ...). */
Test(metric, bleu_details_early_stop_and_whitespace)
{
    dm_bleu_acc a = {0};
    cr_assert_eq(dm_bleu_add_text(&a, "a b c d e", "v w x y z"), 0);
    dm_bleu_detail d;
    dm_bleu_details(&a, DM_BLEU_SMOOTH_EXP, &d);
    cr_expect(d.score == 0, "BLEU %g", d.score);
    for (int n = 0; n < DM_BLEU_ORDER; n++)
        cr_expect(d.prec[n] == 0, "p%d %g", n + 1, d.prec[n]);
    cr_expect(d.bp == 1 && d.ratio == 1 && d.hyp_len == 5 && d.ref_len == 5);
    /* one unigram match: smoothing applies to the three empty orders */
    dm_bleu_acc b = {0};
    cr_assert_eq(dm_bleu_add_text(&b, "a b c d e", "a w x y z"), 0);
    dm_bleu_details(&b, DM_BLEU_SMOOTH_EXP, &d);
    double want = pow(20.0 * (100.0 / (2 * 4)) * (100.0 / (4 * 3)) * (100.0 / (8 * 2)), 0.25);
    cr_expect(fabs(d.score - want) < 1e-9, "BLEU %.12g, want %.12g", d.score, want);
    double v, se;
    dm_bleu_result_smooth(&b, DM_BLEU_SMOOTH_EXP, &v, &se);
    cr_expect(v == d.score && isnan(se));
    /* Python's str.split() whitespace */
    dm_bleu_acc c = {0}, e = {0};
    cr_assert_eq(dm_bleu_add_text(&c, "x\xc2\xa0y\xe3\x80\x80z\x1c" "w", "x y z w"), 0);
    cr_assert_eq(dm_bleu_add_text(&e, "x y z w", "x y z w"), 0);
    cr_expect(memcmp(&c, &e, sizeof c) == 0, "NBSP, U+3000 and \\x1c separate tokens");
    /* ids: any int values, negative ones too */
    const int h[] = {-1, 7, -1, 7}, r[] = {-1, 7, 3};
    dm_bleu_acc g = {0};
    cr_assert_eq(dm_bleu_add_ids(&g, h, 4, r, 3), 0);
    cr_expect(g.matches[0] == 2 && g.matches[1] == 1 && g.totals[1] == 3 && g.matches[2] == 0);
}
