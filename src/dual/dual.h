/* dual.h - dual-module inference for the recurrent language model.
 *
 * A dual-module LM pairs the big model (dm_lm, FP32) with one little module
 * per recurrent layer (src/little) and a region policy. Each step of a layer:
 *   1. the little module predicts the layer's pre-activations y~ from
 *      [Px x ; Ph h] (cheap: rows x 2k weights at low bit width);
 *   2. every gate row gets an insensitivity score from y~ and its activation
 *      type; rows whose score reaches the threshold (calibrated mode) or the
 *      ratio-r top rows of their group (top-k mode) are *insensitive* and keep
 *      the little value;
 *   3. only the remaining *sensitive* rows are computed exactly from the big
 *      weights (touching just those rows), and the cell update runs as usual.
 *
 * Activation groups: LSTM i,f,g,o = sigmoid, sigmoid, tanh, sigmoid; GRU
 * r,z,n = sigmoid, sigmoid, tanh. Scores (higher = more insensitive):
 *   sigmoid, paper policy (unipolar, Eq. 5): -y~   (output near 0)
 *   sigmoid, symmetric policy:               |y~|  (near 0 or 1)
 *   tanh (both policies):                    |y~|  (near -1 or +1)
 *   relu (for CNNs):                         -y~   (output 0)
 *   any, error policy (our extension):       minus the expected output error,
 *       (|phi(y~+s) - phi(y~)| + |phi(y~-s) - phi(y~)|) / 2, s = the little
 *       module's RMS error on that row (from its fitting moments): it ranks rows
 *       by how much taking the little value is expected to cost.
 * GRU n gate: its pre-activation is W_in x + b_in + r * (W_hn h + b_hn). The
 * little module predicts the two parts separately (its rows are r, z, n_x,
 * n_h: 4H), the n pre-activation is formed with the *final* r (exact where r
 * was sensitive), and a sensitive n row computes both parts exactly.
 *
 * Ratio control: thresholds are quantiles of the little outputs' scores on a
 * calibration slice of the *training* split, per layer and activation type
 * (so validation and test figures are not tuned on themselves); top-k picks
 * exactly round(r * group size) rows per step, per layer and activation type.
 *
 * Invariants (tested): ratio 0 reproduces the dense outputs up to rounding;
 * ratio 1 uses exactly the little outputs. */
#ifndef DM_DUAL_H
#define DM_DUAL_H

#include <stdint.h>

#include "corpus.h"
#include "eval.h"
#include "kernels.h"
#include "little.h"
#include "lm.h"
#include "util.h"

typedef enum dm_act { DM_ACT_SIGMOID = 0, DM_ACT_TANH, DM_ACT_RELU, DM_ACT_COUNT } dm_act;
typedef enum dm_policy { DM_POLICY_PAPER = 0, DM_POLICY_SYMMETRIC, DM_POLICY_ERROR } dm_policy;
typedef enum dm_mode { DM_MODE_THRESHOLD = 0, DM_MODE_TOPK } dm_mode;

const char *dm_act_name(dm_act a);
const char *dm_policy_name(dm_policy p);
const char *dm_mode_name(dm_mode m);
int dm_policy_parse(const char *s, dm_policy *out);
int dm_mode_parse(const char *s, dm_mode *out);
int dm_proj_parse(const char *s, dm_proj_kind *out);

typedef struct dm_dual_cfg {
    double ratio;        /* requested insensitive ratio, [0, 1] */
    int bits;            /* little weights: 0 = FP32, 1..16 */
    int k;               /* little dimension per stream; 0 = from eps */
    double eps;          /* JL epsilon when k == 0, (0, 1) */
    uint64_t seed;       /* projection seed */
    dm_proj_kind proj;   /* srp (paper) or pca */
    dm_policy policy;
    dm_mode mode;
    double lambda;       /* relative ridge strength */
} dm_dual_cfg;

void dm_dual_cfg_default(dm_dual_cfg *c);
/* Range checks, with k resolved from eps against the model (k_out). */
int dm_dual_cfg_check(const dm_dual_cfg *c, const dm_lm *m, int *k_out, dm_err *err);

/* What fitting and calibration need, gathered once per (model, data slice):
 * second moments per layer, and the inputs [x ; h_prev] of the first
 * calibration steps. Cached on disk (see dm_fitdata_cached). */
typedef struct dm_fitdata {
    int nlayers;
    long fit_tokens;
    int ncal;
    dm_moments mom[DM_LM_MAX_LAYERS];
    float *cal_xh[DM_LM_MAX_LAYERS]; /* ncal x ld */
    uint64_t model_hash, data_hash;
    double seconds;                  /* time taken to collect */
    int from_cache;
} dm_fitdata;

/* Run the dense model over ids[0..n_fit) (zero state, one stream) and
 * accumulate the moments; keep the first n_cal steps' inputs. */
int dm_fitdata_collect(dm_fitdata *fd, const dm_lm *m, const int *ids, long n_fit, int n_cal, dm_err *err);
/* Load from the cache directory if present, else collect and save.
 * cache_dir NULL: $XDG_CACHE_HOME/dualmod or ~/.cache/dualmod. */
int dm_fitdata_cached(dm_fitdata *fd, const dm_lm *m, const dm_corpus *train, long n_fit, int n_cal,
                      const char *cache_dir, dm_err *err);
void dm_fitdata_free(dm_fitdata *fd);

#define DM_GATES_MAX 4

typedef struct dm_dual {
    const dm_lm *big;
    dm_dual_cfg cfg;
    int k;
    dm_little little[DM_LM_MAX_LAYERS];
    float *sigma[DM_LM_MAX_LAYERS]; /* per little row: RMS fit error (4H) */
    /* sorted calibration scores per layer and activation type (ascending) */
    float *cal[DM_LM_MAX_LAYERS][DM_ACT_COUNT];
    long ncal[DM_LM_MAX_LAYERS][DM_ACT_COUNT];
    float theta[DM_LM_MAX_LAYERS][DM_ACT_COUNT]; /* insensitive iff score >= theta */
    double fit_seconds;
    /* fast path (dm_dual_use_kernels): NULL = reference path */
    const dm_kernels *kern;
    dm_qmat qm[DM_LM_MAX_LAYERS];
    dm_kproj kpx[DM_LM_MAX_LAYERS], kph[DM_LM_MAX_LAYERS];
} dm_dual;

int dm_dual_build(dm_dual *d, const dm_lm *m, const dm_fitdata *fd, const dm_dual_cfg *cfg, dm_err *err);
void dm_dual_free(dm_dual *d);
/* Run through these kernels (packs the little weights and projections);
 * NULL returns to the reference path (dm_little_forward, one dot per row). */
int dm_dual_use_kernels(dm_dual *d, const dm_kernels *k, dm_err *err);
/* Change the target ratio: new thresholds from the calibration quantiles. */
int dm_dual_set_ratio(dm_dual *d, double ratio, dm_err *err);
/* Gate index of gate row i (LSTM 0..3 = i,f,g,o; GRU 0..2 = r,z,n) and its activation. */
int dm_dual_gates(const dm_lm *m);
const char *dm_gate_name(const dm_lm *m, int g);
dm_act dm_gate_act(const dm_lm *m, int g);
/* Little-module bytes read per step (layer l / summed over layers): as the
 * chosen kernels store them (packed weights, packed projection), or as
 * dm_little_bytes counts them on the reference path. */
size_t dm_dual_layer_little_bytes(const dm_dual *d, int l);
size_t dm_dual_little_bytes(const dm_dual *d);

typedef struct dm_gate_stats {
    long total, insens;             /* gate outputs and those taken from the little module */
    long oracle_insens, both_insens; /* audit: truly insensitive; and predicted so */
    double dot_pre, nd_pre, nb_pre;  /* audit: cosine terms, pre-activation (dual vs big) */
    double dot_post, nd_post, nb_post;
} dm_gate_stats;

typedef struct dm_dual_stats {
    dm_gate_stats gate[DM_LM_MAX_LAYERS][DM_GATES_MAX];
    double big_bytes;    /* weight bytes of the big recurrent rows read */
    double little_bytes; /* little weights + projections read */
    double dense_bytes;  /* what the dense recurrent layers read */
    double dec_bytes;    /* decoder (not dual-moduled) */
    long steps;
} dm_dual_stats;

typedef struct dm_dual_state {
    dm_lm_state st;
    float *ylit;   /* 4H little outputs */
    float *exact;  /* 4H exact pre-activations (audit) */
    float *pre;    /* gate pre-activations used */
    float *score;  /* 4H */
    float *sel;    /* top-k scratch */
    unsigned char *sens; /* gate rows: 1 = sensitive */
    unsigned char *oracle;
    float *scratch;
    float *cat, *ca, *cb; /* scratch: joint top-k scores, audit cosine operands */
    unsigned char *cs;
    int *idx;             /* sensitive row list */
    float *rowbuf;        /* exact outputs of those rows */
    int8_t *xq;           /* quantized little input */
    int prof;             /* accumulate phase times into prof_s */
    double prof_s[4];     /* seconds: little module (projection included), masks + big rows,
                             epilogue (cell update, stats), projection alone */
    /* top-k: a window around the last step's threshold per layer and group
     * (w <= 0: none yet), where the next threshold is looked for first */
    float sel_est[DM_LM_MAX_LAYERS][2], sel_w[DM_LM_MAX_LAYERS][2];
} dm_dual_state;

int dm_dual_state_init(dm_dual_state *s, const dm_dual *d, dm_err *err);
void dm_dual_state_free(dm_dual_state *s);
void dm_dual_state_reset(dm_dual_state *s, const dm_dual *d);
/* Recurrent layers only (no decoder). */
void dm_dual_step_rnn(const dm_dual *d, dm_dual_state *s, int token, int audit, dm_dual_stats *stats);
/* One token through the dual-module LM; logits in s->st.logits. stats may be NULL. */
void dm_dual_step(const dm_dual *d, dm_dual_state *s, int token, int audit, dm_dual_stats *stats);

/* Whole-sequence path: n <= q->chunk tokens; the input projections W_ih x
 * of every row are batched by GEMM (not skipped), the recurrent parts of
 * insensitive rows are skipped; logits in q->logits. The state is s->st. */
void dm_dual_seq_run(const dm_dual *d, dm_dual_state *s, dm_lm_seq *q, const int *tokens, int n, int audit,
                     dm_dual_stats *stats);

/* Evaluate dense and dual side by side over the corpus: o->path selects the
 * dual side's path (stream: dm_dual_step; seq: dm_dual_seq_run). */
typedef struct dm_dual_result {
    dm_eval_result dense, dual;
    double kld;          /* mean KL(dense || dual) per prediction, nats */
    double top1_agree;   /* fraction of predictions with the same argmax */
    dm_dual_stats stats;
} dm_dual_result;

int dm_eval_lm_dual(const dm_dual *d, const dm_corpus *c, const dm_eval_opts *o, int audit, dm_dual_result *r,
                    dm_err *err);

/* PAPER.md Table 1 on the dense model: at every step, Gaussian noise whose
 * norm is beta times the gate's pre-activation norm is added to half of
 * each gate's outputs: the sensitive half (half = 0) or the insensitive half
 * (half = 1), the halves split by the policy's score on the exact values.
 * Reports the perplexity and, in st, the cosine similarity of each gate's
 * pre- and post-activation outputs with the clean ones. */
int dm_eval_lm_noise(const dm_lm *m, const dm_corpus *c, int half, double beta, dm_policy policy, uint64_t seed,
                     const dm_eval_opts *o, dm_eval_result *r, dm_dual_stats *st, dm_err *err);

/* Summaries of stats. */
double dm_stats_ratio(const dm_dual_stats *s, int layer, int gate); /* layer/gate -1 = all */
double dm_stats_recall(const dm_dual_stats *s, int layer, int gate);
double dm_stats_false_insens(const dm_dual_stats *s, int layer, int gate);
double dm_stats_cos(const dm_dual_stats *s, int layer, int gate, int post);

#endif
