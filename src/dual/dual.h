/* dual.h - the dual-module engine over sites (see site.h).
 *
 * An engine pairs each site (one layer of some network) with a little
 * module (src/little) and a region policy. Each step of a site:
 *   1. the little module predicts the site's pre-activations y~ from the
 *      projected streams (cheap: lrows x ns*k weights at low bit width);
 *   2. every output row gets an insensitivity score from y~ and its group's
 *      activation; rows whose score reaches the threshold (calibrated mode)
 *      or the ratio-r top rows of their activation (top-k mode) are
 *      *insensitive* and keep the little value;
 *   3. only the remaining *sensitive* rows are computed exactly from the big
 *      weights (touching just those rows); late groups (GRU n) follow with
 *      the final values of the others; the site kind's epilogue runs.
 *
 * Scores (higher = more insensitive):
 *   sigmoid, paper policy (unipolar, Eq. 5): -y~   (output near 0)
 *   sigmoid, symmetric policy:               |y~|  (near 0 or 1)
 *   tanh (both policies):                    |y~|  (near -1 or +1)
 *   relu:                                    -y~   (output 0)
 *   any, error policy (our extension):       minus the expected output error,
 *       (|phi(y~+s) - phi(y~)| + |phi(y~-s) - phi(y~)|) / 2, s = the little
 *       module's RMS error on that row (from its fitting moments).
 *
 * Ratio control: thresholds are quantiles of the little outputs' scores on
 * calibration inputs (from the *training* data, so validation and test
 * figures are not tuned on themselves), per site and activation; top-k picks
 * exactly round(r * rows) rows per step, per site and activation.
 *
 * Fitting data (moments of each site's inputs and targets, and calibration
 * inputs) are gathered by the network family (it knows how to run its
 * network over its data) and cached on disk by dm_fitdata_cached.
 *
 * Invariants (tested): ratio 0 reproduces the dense outputs up to rounding;
 * ratio 1 uses exactly the little outputs. */
#ifndef DM_DUAL_H
#define DM_DUAL_H

#include <math.h>
#include <stdint.h>

#include "kernels.h"
#include "little.h"
#include "site.h"
#include "util.h"

typedef enum dm_policy { DM_POLICY_PAPER = 0, DM_POLICY_SYMMETRIC, DM_POLICY_ERROR } dm_policy;
typedef enum dm_mode { DM_MODE_THRESHOLD = 0, DM_MODE_TOPK } dm_mode;
/* What an insensitive output takes: the little module's value (the paper),
 * or the activation's saturation value whatever the little value
 * (SeerNet-style sign prediction: ReLU 0, sigmoid 0 (paper policy) or 0/1,
 * tanh -1/+1); late groups (GRU n) always take the little value. */
typedef enum dm_predictor { DM_PRED_LITTLE = 0, DM_PRED_SIGN } dm_predictor;
const char *dm_predictor_name(dm_predictor p);
int dm_predictor_parse(const char *s, dm_predictor *out);

const char *dm_policy_name(dm_policy p);
const char *dm_mode_name(dm_mode m);
int dm_policy_parse(const char *s, dm_policy *out);
int dm_mode_parse(const char *s, dm_mode *out);
int dm_proj_parse(const char *s, dm_proj_kind *out);

/* An activation, and a pre-activation's insensitivity score under a policy
 * (sig: the little module's RMS error on the row, for the error policy). */
static inline float dm_act_apply(dm_act a, float x)
{
    if (a == DM_ACT_SIGMOID)
        return 1.0f / (1.0f + expf(-x));
    if (a == DM_ACT_TANH)
        return tanhf(x);
    return x > 0 ? x : 0;
}

/* Insensitivity score (higher = safer to take the little value). sig is the
 * little module's RMS error on this row (used by the error policy only). */
static inline float dm_score_of(dm_act a, dm_policy p, float pre, float sig)
{
    if (p == DM_POLICY_ERROR) {
        /* minus the expected output error if the true value were pre +- sig */
        float f0 = dm_act_apply(a, pre);
        return -0.5f * (fabsf(dm_act_apply(a, pre + sig) - f0) + fabsf(dm_act_apply(a, pre - sig) - f0));
    }
    if (a == DM_ACT_TANH || (a == DM_ACT_SIGMOID && p == DM_POLICY_SYMMETRIC))
        return fabsf(pre);
    return -pre; /* unipolar sigmoid, relu */
}

/* Sites an engine holds at most. */
#define DM_DUAL_MAX_SITES 64

/* Per-site overrides of the global knobs (dm_dual_cfg.site_set flags). */
enum { DM_SITE_SET_RATIO = 1, DM_SITE_SET_BITS = 2, DM_SITE_SET_K = 4 };

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
    dm_predictor predictor;
    /* per-site knobs: site i takes site_ratio[i] / site_bits[i] / site_k[i]
     * where site_set[i] has the flag, else the global value (all zero: a
     * uniform configuration) */
    unsigned char site_set[DM_DUAL_MAX_SITES];
    double site_ratio[DM_DUAL_MAX_SITES];
    int site_bits[DM_DUAL_MAX_SITES];
    int site_k[DM_DUAL_MAX_SITES];
    /* per gate group (sites of several groups: an LSTM's i f g o): group g of site i takes
     * group_ratio[i][g] where group_set[i][g], else its site's ratio. Only the ratio: one little module
     * (its bits and k) serves all of a site's groups. */
    unsigned char group_set[DM_DUAL_MAX_SITES][DM_SITE_MAX_GROUPS];
    double group_ratio[DM_DUAL_MAX_SITES][DM_SITE_MAX_GROUPS];
} dm_dual_cfg;

void dm_dual_cfg_default(dm_dual_cfg *c);
/* Range checks, with k resolved from eps against the sites (k_out): the JL
 * bound for the largest site's rows, at most the smallest stream. Per-site
 * overrides are checked against their site (k at most its smallest stream). */
int dm_dual_cfg_check_sites(const dm_dual_cfg *c, const dm_site *sites, int nsites, int *k_out, dm_err *err);

/* ---- fitting data ---- */

/* Progress of a fit's collection (the one slow step of a first run: a pass
 * of the big model over the fitting data): fn(done, total, elapsed seconds,
 * ud) in the family's items (tokens, images, target tokens), at most every
 * DM_FIT_PROGRESS_S and once at the end; a non-zero *cancel stops the
 * collection at its next unit (nothing is cached; the fit returns 1). Both
 * may be NULL. */
typedef struct dm_fit_progress {
    void (*fn)(long done, long total, double elapsed_s, void *ud);
    void *ud;
    const volatile int *cancel;
} dm_fit_progress;
#define DM_FIT_PROGRESS_S 0.2

/* Per site: the second moments of its inputs and targets (little layout)
 * over the fitting data, and the inputs u of the first calibration steps. */
typedef struct dm_fitdata {
    int nsites;
    long fit_items;      /* items (tokens, images, ...) the moments cover */
    int ncal;            /* calibration inputs per site */
    dm_moments *mom;     /* nsites */
    float **cal_u;       /* nsites, each ncal x site.in */
    float **cal_add;     /* nsites: residual sites ncal x site.orows (io->add of those inputs), else NULL */
    uint64_t model_hash, data_hash;
    double seconds;      /* time taken to collect */
    int from_cache;
    /* while collecting (dm_fitdata_cached): the caller's progress, and when it last heard */
    const dm_fit_progress *prog;
    double prog_t0, prog_last;
} dm_fitdata;

/* Allocate moments and calibration buffers for the sites (zeroed). */
int dm_fitdata_init(dm_fitdata *fd, const dm_site *sites, int nsites, int ncal, dm_err *err);
void dm_fitdata_free(dm_fitdata *fd);

/* Collector: fill fd (initialised for the sites) from the family's data;
 * 0 done, -1 error, 1 cancelled (dm_fit_tick said so). */
typedef int (*dm_fit_collect_fn)(dm_fitdata *fd, void *ud, dm_err *err);
/* Collectors call this after each unit of work (done of total items):
 * reports to fd->prog when DM_FIT_PROGRESS_S has passed or done == total;
 * returns 1 (err set to "cancelled") when the fit is to stop, else 0. */
int dm_fit_tick(dm_fitdata *fd, long done, long total, dm_err *err);
/* Load from the cache directory when an entry for (model_hash, data_hash,
 * n_fit, ncal) matches the sites' shapes, else collect (reporting to prog,
 * may be NULL) and save (a failure to save is not an error). cache_dir
 * NULL: $XDG_CACHE_HOME/dualmod or ~/.cache/dualmod. 0 done, -1 error, 1
 * cancelled through prog (fd left empty). */
int dm_fitdata_cached(dm_fitdata *fd, const dm_site *sites, int nsites, uint64_t model_hash, uint64_t data_hash,
                      long n_fit, int ncal, dm_fit_collect_fn collect, void *ud, const dm_fit_progress *prog,
                      const char *cache_dir, dm_err *err);

/* ---- the engine ---- */

typedef struct dm_engine_site {
    dm_site site;
    int k;                        /* this site's k: its override, else the engine's, or for block sites
                                   * (convolutions) scaled by its input channels over the narrowest's
                                   * (per run) */
    int bits;                     /* this site's little bits (its override, else the engine's) */
    double ratio;                 /* this site's requested ratio (its override, else the engine's) */
    dm_little little;
    float *sigma;                 /* per little row: RMS fit error */
    float *cal[DM_ACT_COUNT];     /* sorted calibration scores per activation (ascending) */
    long ncal[DM_ACT_COUNT];
    float theta[DM_ACT_COUNT];    /* insensitive iff score >= theta */
    /* groups with a ratio of their own (cfg.group_set): their sorted calibration scores (kept for sites
     * of several groups), ratio and threshold; the other groups share the pooled theta of their activation */
    float *gcal[DM_SITE_MAX_GROUPS];  /* dm_alloc */
    long gncal[DM_SITE_MAX_GROUPS];
    unsigned char gown[DM_SITE_MAX_GROUPS];
    double gratio[DM_SITE_MAX_GROUPS];
    float gtheta[DM_SITE_MAX_GROUPS];
    int off;                      /* every group at ratio 0: the site runs dense, its little module is skipped */
    int lactive;                  /* little rows the step computes: a group at ratio 0 takes nothing from the
                                   * little module, so its rows are skipped (sites whose little rows are
                                   * their output rows, with no late group; else every row) */
    unsigned char gactive[DM_SITE_MAX_GROUPS];
    dm_qmat qm;                   /* packed little weights (kernels) */
    dm_kproj kp[DM_MAX_STREAMS];  /* packed projections (kernels, SRP) */
} dm_engine_site;

typedef struct dm_engine {
    dm_dual_cfg cfg;
    int k;
    int nsites;
    dm_engine_site *s;            /* nsites */
    int max_lrows, max_orows, max_kk;
    double fit_seconds;
    const dm_kernels *kern;       /* NULL: the reference path */
} dm_engine;

int dm_engine_build(dm_engine *e, const dm_site *sites, int nsites, const dm_fitdata *fd, const dm_dual_cfg *cfg,
                    dm_err *err);
void dm_engine_free(dm_engine *e);
/* Run through these kernels (packs the little weights and projections);
 * NULL returns to the reference path (dm_little_forward, one dot per row). */
int dm_engine_use_kernels(dm_engine *e, const dm_kernels *k, dm_err *err);
/* Change the target ratio: new thresholds from the calibration quantiles
 * (sites with a ratio override keep theirs). */
int dm_engine_set_ratio(dm_engine *e, double ratio, dm_err *err);
/* Change the per-site ratio overrides (flags DM_SITE_SET_RATIO of cfg's
 * site_set and its site_ratio; the other fields of cfg are ignored) and
 * the global ratio, as dm_engine_set_ratio. */
int dm_engine_set_ratios(dm_engine *e, const dm_dual_cfg *cfg, dm_err *err);
/* Do two configurations build the same little modules (bits, k, eps, seed,
 * projection, policy, lambda and the per-site bits and k)? Ratio, mode and
 * predictor changes need no rebuild. */
int dm_dual_cfg_same_build(const dm_dual_cfg *a, const dm_dual_cfg *b);
/* Does the configuration override any knob of any site? */
int dm_dual_cfg_per_site(const dm_dual_cfg *c);
/* The canonical text of the overrides that differ from the global knobs,
 * in site order: "l1:ratio=0.8,bits=4;l0:k=64" ("" for a uniform
 * configuration; k_global: the resolved global k). Two configurations that
 * run the same have the same text (the store's find_same compares it). */
void dm_dual_cfg_site_text(const dm_dual_cfg *c, const dm_site *sites, int nsites, int k_global, char *out,
                           size_t n);
/* Little-module bytes read per step of site si (as the chosen kernels
 * store them, or as dm_little_bytes counts them on the reference path). */
size_t dm_engine_site_little_bytes(const dm_engine *e, int si);
size_t dm_engine_little_bytes(const dm_engine *e);
/* The bits one little weight of `bits` bits occupies as the kernels store it
 * (dm_qmat's containers: 1, 2, 4, 8 or 16 bits; 0 = FP32: 32). Widths between
 * containers (3, 5..7, 9..15) cost the bytes of the next container up: INT6
 * reads as many bytes as INT8 (tests/test_dual.c checks this against
 * dm_qmat_pack). */
int dm_bits_container(int bits);
/* Multiply-adds of one step of site si's little module: the projection
 * (SRP: its non-zeros; PCA: k x d) and the little weights (rows x ns*k). */
double dm_engine_site_little_macs(const dm_engine *e, int si);

/* ---- statistics ---- */

typedef struct dm_gate_stats {
    long total, insens;              /* outputs and those taken from the little module */
    long oracle_insens, both_insens; /* audit: truly insensitive; and predicted so */
    long relu_zero, relu_audited;    /* audit, ReLU groups: outputs whose exact pre-activation is <= 0 (ReLU's
                                      * zeros: the most a perfect predictor can skip exactly); outputs audited */
    double dot_pre, nd_pre, nb_pre;  /* audit: cosine terms, pre-activation (dual vs big) */
    double dot_post, nd_post, nb_post;
} dm_gate_stats;

typedef struct dm_dual_stats {
    dm_gate_stats gate[DM_DUAL_MAX_SITES][DM_SITE_MAX_GROUPS]; /* [site][group] */
    double big_bytes;    /* weight bytes of the big rows read */
    double little_bytes; /* little weights + projections read */
    double dense_bytes;  /* what the dense layers read */
    double dec_bytes;    /* layers that are not dual-moduled (e.g. an LM's decoder) */
    double dense_macs;   /* multiply-adds of the dual-moduled layers, dense */
    double big_macs;     /* of the sensitive rows computed exactly */
    double little_macs;  /* of the little modules (projection + little weights) */
    double zero_macs;    /* audit: of the ReLU outputs whose exact pre-activation is <= 0 */
    double audit_macs;   /* audit: of all the ReLU outputs audited (dense) */
    long steps;
} dm_dual_stats;

/* Audit: add the cosine terms of a (used) against b (exact), pre- or post-activation. */
void dm_stats_add_cos(dm_gate_stats *g, const float *a, const float *b, int n, int post, dm_act act);
/* Count steps of site si computed dense by its caller (a site at ratio 0:
 * every row exact, no little module), as the step counts them. */
void dm_engine_count_dense(const dm_engine *e, int si, long steps, dm_dual_stats *stats);
/* a += b (the statistics of several workers). */
void dm_stats_merge(dm_dual_stats *a, const dm_dual_stats *b);
/* Summaries; site / group -1 = all. */
double dm_stats_ratio(const dm_dual_stats *s, int site, int group);
double dm_stats_recall(const dm_dual_stats *s, int site, int group);
double dm_stats_false_insens(const dm_dual_stats *s, int site, int group);
/* Audit, ReLU groups: the share of exact pre-activations <= 0 (NaN: none audited). */
double dm_stats_relu_zero(const dm_dual_stats *s, int site, int group);
/* Audit, a network whose sites are all ReLU: the MAC reduction of a perfect
 * predictor, which computes exactly the outputs with a positive exact
 * pre-activation; with_little: plus the little modules' MACs (as run),
 * else free ones. NaN when not audited or a site is not ReLU. */
double dm_stats_oracle_mac_reduction(const dm_dual_stats *s, int with_little);
double dm_stats_cos(const dm_dual_stats *s, int site, int group, int post);

/* ---- running ---- */

/* What steps read, in order, for a benchmark that replays it as plain loads
 * (the read-pattern limit): the little modules' weights and projections as
 * byte ranges, the big rows as row lists. Set dm_engine_state.rec to record
 * (reset nops and used between steps); nothing is recorded otherwise. */
#define DM_REC_OPS 512 /* at least what a 16-layer LM lists per step */
typedef struct dm_read_op {
    const void *p;   /* a byte range (n < 0): p, bytes; */
    size_t bytes;
    const float *w;  /* or rows (n >= 0): rows[off .. off + n) of w, cols floats each, stride ld */
    size_t ld;
    int cols, off, n;
} dm_read_op;
typedef struct dm_read_rec {
    int nops, overflow;   /* overflow: an op did not fit (the record is incomplete) */
    dm_read_op op[DM_REC_OPS];
    int *rows, cap, used; /* row lists of the ops (the caller allocates rows, cap) */
} dm_read_rec;

typedef struct dm_engine_state {
    float *ylit;   /* little outputs (max lrows) */
    float *exact;  /* exact little-layout pre-activations (audit) */
    float *pre;    /* oracle scores (audit) */
    float *score;  /* max lrows */
    float *sel;    /* top-k scratch */
    unsigned char *sens; /* rows of g: 1 = sensitive */
    unsigned char *oracle;
    float *scratch;      /* projected input */
    float *ca, *cb;      /* audit cosine operands */
    int *idx;            /* sensitive row list */
    float *rowbuf;       /* exact outputs of those rows */
    int8_t *xq;          /* quantized little input */
    uint8_t *pbuf;       /* the projection inputs quantized by the kernels (dm_kproj_in) */
    dm_read_rec *rec;    /* record what the steps read (NULL: no) */
    int prof;            /* accumulate phase times into prof_s */
    double prof_s[5];    /* seconds: little module (projection included), masks + big rows,
                            epilogue (state update, stats), projection alone, masks alone */
    /* top-k: a window around the last step's threshold per site and
     * activation (w <= 0: none yet), where the next one is looked for first */
    float (*sel_est)[DM_ACT_COUNT], (*sel_w)[DM_ACT_COUNT];
    int nsites;
} dm_engine_state;

int dm_engine_state_init(dm_engine_state *s, const dm_engine *e, dm_err *err);
void dm_engine_state_free(dm_engine_state *s);
/* One step of site si: io->u in, io->g (and the state) out. stats may be NULL. */
void dm_engine_step(const dm_engine *e, dm_engine_state *s, int si, dm_site_io *io, int audit,
                    dm_dual_stats *stats);
/* The quality path's step: the same region test and merge, with the little
 * outputs y and the exact little-layout pre-activations ex of every row
 * given by the caller (computed for many inputs at once by GEMM): what the
 * row-skipping step computes, up to the summation order of the exact rows
 * and of the little outputs. Statistics count as the step does. */
void dm_engine_merge(const dm_engine *e, dm_engine_state *s, int si, const float *y, const float *ex, dm_site_io *io,
                     int audit, dm_dual_stats *stats);
/* The region test alone, for a caller that computes the exact rows in bulk
 * (a convolution: per output channel over the positions that need it):
 * from the little outputs y (+ io->add), marks s->sens, puts the little
 * values of the insensitive rows into io->g and lists the sensitive rows in
 * s->idx; returns their count. Sites without late groups only; no epilogue
 * (the caller completes io->g and applies it). Statistics as the step. */
int dm_engine_select(const dm_engine *e, dm_engine_state *s, int si, const float *y, dm_site_io *io,
                     dm_dual_stats *stats);
/* dm_engine_select for M steps of site si at once (a convolution's output
 * positions), for a single-group ReLU site with the little predictor and a
 * rank-based policy (paper or symmetric): y and add (NULL: none) are M x
 * orows; g gets y + add for every row (the caller overwrites the sensitive
 * ones); per row j, list[j * M ...] gets the steps where it is sensitive, in
 * step order, and cnt[j] their number. The same decisions, lists and
 * statistics as M calls of dm_engine_select, without a call per step.
 * Returns the number of sensitive outputs, or -1 (nothing done) when the
 * site or the configuration is not of that kind. */
long dm_engine_select_many(const dm_engine *e, int si, size_t M, const float *y, const float *add, float *g,
                           int *list, int *cnt, dm_dual_stats *stats);

#endif
