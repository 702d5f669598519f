/* family.h - network families: one module and one registry entry each.
 *
 * A family (the recurrent language model "rnnlm"; the classifier and the
 * translator to come) knows how to load its networks, which of their layers
 * are dual-module sites (src/dual/site.h), how to read its data, how to run
 * the dense network over training data to gather the sites' fitting
 * moments, how to evaluate its quality metric dense and dual side by side
 * (the *quality path*, which may batch), and how to time one batch-1 step
 * dense and dual (the *timing path*: interleaved pairs, the figure the
 * paper's speedups are about). The session, the store and the front ends
 * see only this interface and the metric's name; the engine sees only
 * sites. Adding a family = one module + dm_family_register (the built-in
 * ones are listed in family.c).
 *
 * Every family's network and data start with the common heads dm_net and
 * dm_data (the family's own structs embed them first). */
#ifndef DM_FAMILY_H
#define DM_FAMILY_H

#include <stddef.h>
#include <stdint.h>

#include "dual.h"
#include "eval.h"
#include "util.h"

typedef struct dm_family dm_family;

#define DM_NET_MAX_SITES DM_DUAL_MAX_SITES
#define DM_CONF_MAX 32

/* What every loaded network says of itself. */
typedef struct dm_net {
    const dm_family *fam;
    char arch[128];          /* "2x400 LSTM, tied" */
    char kind[16];           /* the sites' kind, for records: "LSTM", "GRU", "ResNet" */
    long long params;        /* distinct parameters */
    double file_bytes;
    uint64_t file_hash;      /* FNV-1a of the file */
    char dataset[64];        /* metadata 'dataset' (its splits), or empty */
    int layers, hidden;      /* for records: sites' count and width */
    int nsites;
    dm_site site[DM_NET_MAX_SITES];
} dm_net;

/* Data opened by a family: a split or a user's file. */
typedef struct dm_data {
    const dm_family *fam;
    long items;              /* tokens / images / sentences held */
    long scored;             /* predictions scored over them (a language model: items - 1) */
    uint64_t hash;           /* of what was read */
} dm_data;

/* Quality of one evaluation: dense and dual metrics over the same data,
 * their agreement, and the engine's statistics. */
typedef struct dm_dual_result {
    dm_eval_result dense, dual;
    double kld;              /* mean KL(dense || dual) per prediction, nats (NaN where undefined) */
    double delta_se;         /* paired standard error of dual.value - dense.value, from the per-prediction
                              * (per-image) differences of the same items, treated as independent
                              * (language models, by the delta method; classifiers); NaN where undefined
                              * (translators: corpus BLEU has no per-sentence decomposition) */
    double top1_agree;       /* fraction of predictions with the same argmax (translators: of
                              * sentences translated exactly as the dense model does) */
    double chrf[2];          /* translators: chrF2 of the dense and the dual translations */
    double len_ratio[2];     /* translators: hypothesis / reference length (13a tokens), dense and dual */
    dm_dual_stats stats;
    int nclass;              /* classifiers with at most DM_CONF_MAX classes: the confusion matrices' size (else 0) */
    long confusion[2][DM_CONF_MAX][DM_CONF_MAX]; /* [dense, dual][true class][predicted class] */
} dm_dual_result;

/* Timing of interleaved batch-1 dense/dual steps. */
typedef struct dm_dual_bench {
    double ratio;            /* requested */
    double achieved;         /* measured over the timed steps */
    int steps, cold;
    double dense_ms, dual_ms;     /* dual-moduled layers: medians of the step times */
    double sp[3];                 /* per-pair speedup dense/dual: min, median, max */
    double dense_e2e_ms, dual_e2e_ms; /* the whole step */
    double sp_e2e[3];
    double dense_bytes, dual_bytes;   /* weight bytes per step of the dual-moduled layers (dual: big rows + little) */
    double little_bytes;
    double bytes_ratio;      /* dual_bytes / dense_bytes */
    double limit;            /* dense_bytes / dual_bytes: the memory-bound speedup limit */
    double read_limit;       /* the read-pattern limit: median per-pair ratio of the dense step's reads over
                              * the dual step's, each replayed as plain loads in its order and pattern, cold
                              * as the steps (0: not measured) */
    double read_dense_ms, read_dual_ms; /* medians of those replays */
    double read_share[2];    /* the dual replay's phases as share[] has them: median time of its byte ranges (the
                              * little modules: projections and weights) and of its rows / median dense step */
    double share[5];         /* median dual phase time / median dense step: projection, little GEMV, big rows
                              * (+ masks), epilogue; then the masks alone (a part of the big rows' share) */
    double spread;           /* (p75 - p25) / median of the per-pair speedups (dual-moduled layers): the noise */
    char path[16];           /* families with several dual kernels: the one timed (the faster), e.g. "per-channel" */
    char alt_path[16];       /* and the other, with its median time and speedup */
    double alt_ms, alt_sp;
} dm_dual_bench;

struct dm_family {
    const char *name;        /* "rnnlm" */
    const char *metric;      /* the quality metric's name ("perplexity") */
    const char *item;        /* what one item is ("token") */
    const char *fit_item;    /* what fitting counts, when not items (the translator: "target token"); NULL: item */
    long fit_items;          /* default fitting items (fit-tokens left at its default) */
    int cal_items;           /* default calibration inputs (calib-tokens left at its default) */
    /* Is the file this family's? 1 yes, 0 no (reads metadata / tensor names). */
    int (*probe)(const char *path);
    /* Load (vocab: a family's side file, may be NULL for its default). */
    int (*load)(const char *path, const char *vocab, dm_net **out, dm_err *err);
    void (*free)(dm_net *n);
    /* Open a data file with at most limit items (0: all). */
    int (*open)(const dm_net *n, const char *path, long limit, dm_data **out, dm_err *err);
    void (*close)(dm_data *d);
    /* Fitting data of the sites from the first n_fit items of train, ncal
     * calibration inputs (through dm_fitdata_cached, reporting to prog, may
     * be NULL): 0 done, -1 error, 1 cancelled by prog. */
    int (*fit)(const dm_net *n, const dm_data *train, long n_fit, int ncal, dm_fitdata *fd,
               const dm_fit_progress *prog, dm_err *err);
    /* Quality path: dense and dual (the engine e, built on n's sites) over d. */
    int (*eval)(const dm_net *n, const dm_engine *e, const dm_data *d, const dm_eval_opts *o, int audit,
                dm_dual_result *r, dm_err *err);
    /* Timing path: steps interleaved dense/dual pairs (cold: caches flushed). */
    int (*bench)(const dm_net *n, const dm_engine *e, int steps, int cold, dm_dual_bench *b, dm_err *err);
};

/* The family of name (NULL if none), the family a file belongs to (NULL
 * with err set if none), and registration of another (tests, plug-ins). */
const dm_family *dm_family_find(const char *name);
const dm_family *dm_family_probe(const char *path, dm_err *err);
int dm_family_register(const dm_family *f);
/* Load through the file's family. */
int dm_net_load(const char *path, const char *vocab, dm_net **out, dm_err *err);
void dm_net_free(dm_net *n);

extern const dm_family dm_family_rnnlm, dm_family_resnet, dm_family_seq2seq;

#endif
