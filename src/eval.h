/* eval.h - run a model over a data set and measure its quality metric.
 *
 * One result type for every task: a metric (perplexity for language
 * models; BLEU and accuracy for the translator and the classifier to come),
 * its standard error where one is defined, counts and timing. Evaluation
 * reports progress through a callback and stops early when *cancel becomes
 * non-zero (the TUI's worker thread uses both). */
#ifndef DM_EVAL_H
#define DM_EVAL_H

#include <stdio.h>

#include "corpus.h"
#include "lm.h"
#include "metric.h"
#include "util.h"

typedef enum dm_lm_path { DM_PATH_STREAM = 0, DM_PATH_SEQ } dm_lm_path;

const char *dm_path_name(dm_lm_path p);    /* "stream", "seq" */
int dm_path_parse(const char *s, dm_lm_path *out);

typedef struct dm_eval_result {
    dm_metric metric;
    double value;        /* the metric: perplexity, BLEU, accuracy */
    double se;           /* standard error of value (0 if undefined) */
    double nll;          /* LM: mean negative log-likelihood, nats */
    long items;          /* tokens / sentences / images read */
    long predictions;    /* scored predictions (LM: tokens - 1) */
    double seconds;      /* wall time of the evaluation */
    double items_per_s;
    int cancelled;       /* stopped early: figures cover what was done */
} dm_eval_result;

/* Running sums of per-prediction negative log-likelihoods (nats): the
 * perplexity accumulator of the metric table. */
typedef dm_ppl_acc dm_nll_acc;

void dm_nll_add(dm_nll_acc *a, double nll);
/* Fill metric, value (perplexity), se (delta method, predictions treated as
 * independent: an underestimate for text), nll and predictions. */
void dm_nll_result(const dm_nll_acc *a, dm_eval_result *r);

typedef void (*dm_progress_fn)(const dm_eval_result *partial, long total, void *ud);

typedef struct dm_eval_opts {
    dm_lm_path path;
    int chunk;                   /* sequence path: steps per chunk (default 128) */
    dm_progress_fn progress;     /* may be NULL */
    void *progress_ud;
    double progress_every_s;     /* default 0.2 s */
    const volatile int *cancel;  /* may be NULL */
    int streams;                 /* quality path: N > 1 contiguous streams evaluated together
                                    (PyTorch's batchify); 0 or 1: one stream, batch 1 */
    int beam;                    /* translators: beam width (0 or 1: greedy) */
    int threads;                 /* translators: sentences translated in parallel (0 or 1: one at a time) */
    FILE *hyp_out;               /* translators: where the hypotheses go, one a line (NULL: nowhere) */
    struct dm_lm_memo *memo;     /* language models, quality path: the dense side kept between runs
                                    (lm_dual.h; NULL: computed every time) */
} dm_eval_opts;

/* Perplexity of the token stream from a zero state: token 0 is context
 * only, tokens 1..n-1 are predicted (n-1 predictions). */
int dm_eval_lm(const dm_lm *m, const dm_corpus *c, const dm_eval_opts *o, dm_eval_result *r,
               dm_err *err);

/* OpenBLAS threads (set explicitly; 1 is the batch-1 latency regime). */
void dm_blas_set_threads(int n);
int dm_blas_threads(void);
const char *dm_blas_config(void);

#endif
