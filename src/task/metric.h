/* metric.h - the quality metrics: one table says, for each metric, its name,
 * short key, unit, what one item is (and its rate label), which way is
 * better, whether a standard error is defined, and how it is accumulated.
 *
 * Invariant: this table is the only place that decides whether higher or
 * lower is better. The run store copies it into its `metrics` table (the
 * views join it), and the commands, the progress line and the TUI's labels
 * and colours look the metric up here by name; nothing else tests a metric's
 * name to decide a direction.
 *
 * Accumulators are plain sums, so partial results (progress, a cancelled
 * run) and merges (batches evaluated apart) cost nothing:
 *   perplexity: sums of per-prediction negative log-likelihoods (nats);
 *   accuracy:   correct / total, binomial standard error sqrt(p(1-p)/n);
 *   BLEU:       corpus-level sufficient statistics (clipped n-gram matches
 *               and totals for n = 1..4, hypothesis and reference lengths),
 *               scored as sacreBLEU's corpus_bleu does. This module compares
 *               token ids or whitespace-separated tokens; bleu.h adds the 13a
 *               tokenizer, chrF and sacreBLEU's signatures. */
#ifndef DM_METRIC_H
#define DM_METRIC_H

#include <stddef.h>

typedef enum dm_metric { DM_METRIC_PPL = 0, DM_METRIC_BLEU, DM_METRIC_ACC, DM_METRIC_COUNT } dm_metric;

#define DM_BLEU_ORDER 4

/* ---- accumulators -------------------------------------------------------- */

/* Perplexity: running sums of per-prediction negative log-likelihoods (nats). */
typedef struct dm_ppl_acc {
    double sum, sumsq;
    long n;
} dm_ppl_acc;
void dm_ppl_add(dm_ppl_acc *a, double nll);
/* exp(mean nll); se by the delta method with predictions treated as
 * independent (an underestimate for text); *nll the mean. n == 0: value 1,
 * se 0, nll 0. */
void dm_ppl_result(const dm_ppl_acc *a, double *value, double *se, double *nll);

/* Accuracy in percent: correct / total. */
typedef struct dm_accuracy_acc {
    long correct, total;
} dm_accuracy_acc;
void dm_accuracy_add(dm_accuracy_acc *a, int correct);
/* value = 100 p, se = 100 sqrt(p (1 - p) / n); NaN for both when n == 0. */
void dm_accuracy_result(const dm_accuracy_acc *a, double *value, double *se);

/* BLEU: corpus sufficient statistics. */
typedef struct dm_bleu_acc {
    double matches[DM_BLEU_ORDER]; /* clipped n-gram matches, n = 1..4 */
    double totals[DM_BLEU_ORDER];  /* hypothesis n-grams, n = 1..4 */
    double hyp_len, ref_len;       /* tokens */
    long sentences;
} dm_bleu_acc;
typedef enum dm_bleu_smooth { DM_BLEU_SMOOTH_NONE = 0, DM_BLEU_SMOOTH_EXP } dm_bleu_smooth;
/* One sentence pair given as token ids (any int values that compare equal
 * for equal tokens). Single reference. O(n log n) in the sentence length.
 * 0, or -1 when out of memory (nothing added). */
int dm_bleu_add_ids(dm_bleu_acc *a, const int *hyp, int nhyp, const int *ref, int nref);
/* One sentence pair of already tokenized text: tokens are separated by
 * whitespace as Python's str.split() sees it (ASCII blanks, \x1c-\x1f and the
 * Unicode spaces of dm_u8_is_space) and compared byte for byte (sacreBLEU's
 * tokenize='none'). 0, or -1 when out of memory (nothing added). */
int dm_bleu_add_text(dm_bleu_acc *a, const char *hyp, const char *ref);
/* BLEU in [0, 100] with the figures sacreBLEU prints beside it. */
typedef struct dm_bleu_detail {
    double score;                /* BLEU, 0..100 */
    double prec[DM_BLEU_ORDER];  /* n-gram precisions in percent, smoothed as the score uses them */
    double bp;                   /* brevity penalty */
    double ratio;                /* hyp_len / ref_len; 0 when ref_len is 0 */
    double hyp_len, ref_len;
} dm_bleu_detail;
/* sacreBLEU's compute_bleu (max order 4): no matching n-gram of any order
 * gives BLEU 0 with every precision 0, smoothed or not (its early stop);
 * otherwise p_n = 100 matches_n / totals_n, and a zero match count gives
 * p_n = 0 and so BLEU 0 without smoothing, or with 'exp' smoothing
 * p_n = 100 / (2^k totals_n) for the k-th such order; an order with no
 * hypothesis n-grams leaves p_n and every later one 0 (BLEU 0). Brevity
 * penalty exp(1 - ref/hyp) when hyp < ref (0 when hyp is 0). The same
 * operations in the same order as sacreBLEU's Python, so the same bits
 * (under Python 3.12+, whose sum() compensates, up to the last bit). */
void dm_bleu_details(const dm_bleu_acc *a, dm_bleu_smooth smooth, dm_bleu_detail *out);
/* The score of dm_bleu_details. No standard error: *se is NaN. */
void dm_bleu_result_smooth(const dm_bleu_acc *a, dm_bleu_smooth smooth, double *value, double *se);
void dm_bleu_result(const dm_bleu_acc *a, double *value, double *se); /* smoothing off */

/* Clipped matches of two multisets of n-grams, each n-gram packed into a
 * fixed-width key (equal n-grams, equal keys; the caller packs one order at
 * a time): the sum over distinct keys of min(count in h, count in r).
 * Sorts both arrays in place; O(n log n). Shared by BLEU and chrF. */
typedef struct dm_ngram_key {
    unsigned long long hi, lo;
} dm_ngram_key;
double dm_ngram_matches(dm_ngram_key *h, size_t nh, dm_ngram_key *r, size_t nr);

/* Any metric's accumulator. */
typedef struct dm_metric_acc {
    dm_metric metric;
    union {
        dm_ppl_acc ppl;
        dm_accuracy_acc acc;
        dm_bleu_acc bleu;
    } u;
} dm_metric_acc;

/* ---- the table ----------------------------------------------------------- */

typedef struct dm_metric_def {
    dm_metric id;
    const char *name;     /* "perplexity", "BLEU", "accuracy" (runs.metric) */
    const char *key;      /* "ppl", "bleu", "acc" (JSON keys, short labels) */
    const char *unit;     /* text after a value: "" or "%" */
    const char *item;     /* what one item is: "token", "sentence", "image" */
    const char *items;    /* its plural */
    const char *abbr;     /* short item word for counts: "tok", "sent", "img" */
    const char *rate;     /* "tok/s", "sent/s", "img/s" */
    int higher_is_better; /* 1: higher values are better; 0: lower */
    int has_se;           /* a standard error is defined */
    /* the accumulator: clear, merge another into it, and its figures */
    void (*acc_init)(dm_metric_acc *a);
    void (*acc_merge)(dm_metric_acc *into, const dm_metric_acc *from);
    void (*acc_result)(const dm_metric_acc *a, double *value, double *se);
} dm_metric_def;

extern const dm_metric_def dm_metric_table[DM_METRIC_COUNT];

/* By enum (NULL when out of range); by name or key, case-insensitive (NULL
 * when unknown). */
const dm_metric_def *dm_metric_get(dm_metric m);
const dm_metric_def *dm_metric_find(const char *name);
/* "perplexity", ...; "?" when out of range. */
const char *dm_metric_name(dm_metric m);
/* +1 when higher is better, -1 when lower is; unknown metrics (and NULL)
 * count as lower-is-better, as the store's views treat them. */
int dm_metric_direction(const char *name);
/* Quality loss in percent, positive = worse: delta_pct for lower-is-better
 * metrics, -delta_pct for higher-is-better ones (the store's loss_pct). */
double dm_metric_loss_pct(const char *name, double delta_pct);

void dm_metric_acc_init(dm_metric_acc *a, dm_metric m);
void dm_metric_acc_merge(dm_metric_acc *into, const dm_metric_acc *from); /* same metric */
void dm_metric_acc_result(const dm_metric_acc *a, double *value, double *se);

#endif
