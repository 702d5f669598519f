/* dual.c - see dual.h. */
#define _DEFAULT_SOURCE
#define _POSIX_C_SOURCE 200809L
#include "dual.h"

#include <cblas.h>
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "safetensors.h"

const char *dm_act_name(dm_act a)
{
    static const char *const n[] = {"sigmoid", "tanh", "relu"};
    return n[a];
}

const char *dm_policy_name(dm_policy p)
{
    static const char *const n[] = {"paper", "symmetric", "error"};
    return n[p];
}
const char *dm_mode_name(dm_mode m) { return m == DM_MODE_THRESHOLD ? "threshold" : "topk"; }

int dm_policy_parse(const char *s, dm_policy *out)
{
    if (strcmp(s, "paper") == 0)
        *out = DM_POLICY_PAPER;
    else if (strcmp(s, "symmetric") == 0)
        *out = DM_POLICY_SYMMETRIC;
    else if (strcmp(s, "error") == 0)
        *out = DM_POLICY_ERROR;
    else
        return -1;
    return 0;
}

int dm_mode_parse(const char *s, dm_mode *out)
{
    if (strcmp(s, "threshold") == 0 || strcmp(s, "calibrated") == 0)
        *out = DM_MODE_THRESHOLD;
    else if (strcmp(s, "topk") == 0 || strcmp(s, "top-k") == 0)
        *out = DM_MODE_TOPK;
    else
        return -1;
    return 0;
}

int dm_proj_parse(const char *s, dm_proj_kind *out)
{
    if (strcmp(s, "srp") == 0)
        *out = DM_PROJ_SRP;
    else if (strcmp(s, "pca") == 0)
        *out = DM_PROJ_PCA;
    else
        return -1;
    return 0;
}

void dm_dual_cfg_default(dm_dual_cfg *c)
{
    memset(c, 0, sizeof *c);
    c->ratio = 0.5;
    c->bits = 8;
    c->k = 0;
    c->eps = 0.5;
    c->seed = 1;
    c->proj = DM_PROJ_SRP;
    c->policy = DM_POLICY_PAPER;
    c->mode = DM_MODE_THRESHOLD;
    c->lambda = 1e-4;
}

int dm_dual_cfg_check(const dm_dual_cfg *c, const dm_lm *m, int *k_out, dm_err *err)
{
    if (!(c->ratio >= 0.0 && c->ratio <= 1.0))
        return dm_errf(err, "ratio %g is outside [0, 1] (the fraction of outputs taken from the little module)",
                       c->ratio);
    if (c->bits < 0 || c->bits > 16)
        return dm_errf(err, "bits %d: expected 1..16, or 0 for FP32", c->bits);
    if (!(c->lambda >= 0.0))
        return dm_errf(err, "ridge lambda %g must be >= 0", c->lambda);
    int maxk = m->emsize < m->nhid ? m->emsize : m->nhid;
    for (int l = 1; l < m->nlayers; l++)
        maxk = m->layer[l].in < maxk ? m->layer[l].in : maxk;
    int k = c->k;
    if (k == 0) {
        if (dm_jl_k(m->gates * m->nhid, c->eps, &k, err))
            return -1;
        if (k > maxk)
            return dm_errf(err,
                           "eps %g gives k %d (JL bound for %d gate rows), larger than the input size %d; "
                           "use a larger eps or give k",
                           c->eps, k, m->gates * m->nhid, maxk);
    } else if (k < 1 || k > maxk) {
        return dm_errf(err, "k %d is outside 1..%d (the smallest input of the model's layers)", k, maxk);
    }
    *k_out = k;
    return 0;
}

/* ---- gates ---- */

int dm_dual_gates(const dm_lm *m) { return m->gates; }

const char *dm_gate_name(const dm_lm *m, int g)
{
    static const char *const lstm[] = {"i", "f", "g", "o"}, *const gru[] = {"r", "z", "n"};
    return m->cell == DM_CELL_LSTM ? lstm[g] : gru[g];
}

dm_act dm_gate_act(const dm_lm *m, int g) { return g == 2 ? DM_ACT_TANH : DM_ACT_SIGMOID; }

static inline float act_apply(dm_act a, float x)
{
    if (a == DM_ACT_SIGMOID)
        return 1.0f / (1.0f + expf(-x));
    if (a == DM_ACT_TANH)
        return tanhf(x);
    return x > 0 ? x : 0;
}

/* Insensitivity score (higher = safer to take the little value). sig is the
 * little module's RMS error on this row (used by the error policy only). */
static inline float score_of(dm_act a, dm_policy p, float pre, float sig)
{
    if (p == DM_POLICY_ERROR) {
        /* minus the expected output error if the true value were pre +- sig */
        float f0 = act_apply(a, pre);
        return -0.5f * (fabsf(act_apply(a, pre + sig) - f0) + fabsf(act_apply(a, pre - sig) - f0));
    }
    if (a == DM_ACT_TANH || (a == DM_ACT_SIGMOID && p == DM_POLICY_SYMMETRIC))
        return fabsf(pre);
    return -pre; /* unipolar sigmoid, relu */
}

/* RMS error of the n gate's pre-activation nx + r * nh (GRU). */
static inline float n_sigma(const float *sig, int H, int j, float r)
{
    float a = sig[2 * H + j], b = r * sig[3 * H + j];
    return sqrtf(a * a + b * b);
}

/* ---- fitting data ---- */

void dm_fitdata_free(dm_fitdata *fd)
{
    for (int l = 0; l < DM_LM_MAX_LAYERS; l++) {
        if (l < fd->nlayers)
            dm_moments_free(&fd->mom[l]);
        dm_free(fd->cal_xh[l]);
    }
    memset(fd, 0, sizeof *fd);
}

int dm_fitdata_collect(dm_fitdata *fd, const dm_lm *m, const int *ids, long n_fit, int n_cal, dm_err *err)
{
    memset(fd, 0, sizeof *fd);
    if (n_fit < 16)
        return dm_errf(err, "fitting needs at least 16 tokens (got %ld)", n_fit);
    if (n_cal > n_fit)
        n_cal = (int)n_fit;
    double t0 = dm_now();
    fd->nlayers = m->nlayers;
    fd->fit_tokens = n_fit;
    fd->ncal = n_cal;
    fd->model_hash = m->file_hash;
    int chunk = 256, R = dm_lm_pre_rows(m);
    dm_lm_seq q;
    float *pre = dm_alloc((size_t)chunk * R * sizeof(float));
    float *X = dm_alloc((size_t)chunk * (m->emsize > m->nhid ? m->emsize : m->nhid) * sizeof(float));
    float *Hb = dm_alloc((size_t)chunk * m->nhid * sizeof(float));
    if (!pre || !X || !Hb) {
        dm_free(pre), dm_free(X), dm_free(Hb);
        return dm_errf(err, "out of memory for fitting");
    }
    if (dm_lm_seq_init(&q, m, chunk, err) || dm_lm_seq_capture(&q, m, err))
        goto fail;
    for (int l = 0; l < m->nlayers; l++) {
        const dm_rnn_layer *L = &m->layer[l];
        if (dm_moments_init(&fd->mom[l], L->in, L->hid, R, err))
            goto fail;
        if (n_cal > 0 && !(fd->cal_xh[l] = dm_alloc((size_t)n_cal * L->ld * sizeof(float)))) {
            dm_errf(err, "out of memory for calibration inputs");
            goto fail;
        }
    }
    dm_lm_seq_reset(&q, m);
    for (long i = 0; i < n_fit; i += chunk) {
        int n = (int)(n_fit - i < chunk ? n_fit - i : chunk);
        dm_lm_seq_run(m, &q, ids + i, n);
        for (int l = 0; l < m->nlayers; l++) {
            const dm_rnn_layer *L = &m->layer[l];
            dm_lm_pre_batch(m, l, q.cap[l], n, pre);
            for (int t = 0; t < n; t++) {
                memcpy(X + (size_t)t * L->in, q.cap[l] + (size_t)t * L->ld, (size_t)L->in * sizeof(float));
                memcpy(Hb + (size_t)t * L->hid, q.cap[l] + (size_t)t * L->ld + L->in, (size_t)L->hid * sizeof(float));
            }
            if (dm_moments_add(&fd->mom[l], X, Hb, pre, n, err))
                goto fail;
            for (int t = 0; t < n && i + t < n_cal; t++)
                memcpy(fd->cal_xh[l] + (size_t)(i + t) * L->ld, q.cap[l] + (size_t)t * L->ld,
                       (size_t)L->ld * sizeof(float));
        }
    }
    dm_lm_seq_free(&q);
    dm_free(pre), dm_free(X), dm_free(Hb);
    fd->seconds = dm_now() - t0;
    return 0;
fail:
    dm_lm_seq_free(&q);
    dm_free(pre), dm_free(X), dm_free(Hb);
    dm_fitdata_free(fd);
    return -1;
}

static void default_cache_dir(char *out, size_t n)
{
    const char *x = getenv("XDG_CACHE_HOME"), *home = getenv("HOME");
    if (x && *x)
        snprintf(out, n, "%s/dualmod", x);
    else
        snprintf(out, n, "%s/.cache/dualmod", home && *home ? home : "/tmp");
}

int dm_fitdata_cached(dm_fitdata *fd, const dm_lm *m, const dm_corpus *train, long n_fit, int n_cal,
                      const char *cache_dir, dm_err *err)
{
    char base[2048], dir[2304], p[2560];
    if (n_fit > train->n)
        n_fit = train->n;
    if (cache_dir)
        snprintf(base, sizeof base, "%s", cache_dir);
    else
        default_cache_dir(base, sizeof base);
    /* the key: model file, training text, slice sizes, format version */
    uint64_t dh = dm_fnv1a(DM_FNV_INIT, train->ids, (size_t)n_fit * sizeof(int));
    snprintf(dir, sizeof dir, "%s/fit-v1-%016llx-%016llx-%ld-%d", base, (unsigned long long)m->file_hash,
             (unsigned long long)dh, n_fit, n_cal);
    /* try the cache */
    memset(fd, 0, sizeof *fd);
    snprintf(p, sizeof p, "%s/cal.safetensors", dir);
    dm_st_file f;
    dm_err e2;
    if (dm_st_open(&f, p, &e2) == 0) {
        int ok = 1;
        fd->nlayers = m->nlayers;
        for (int l = 0; ok && l < m->nlayers; l++) {
            char mp[2560], name[32];
            snprintf(mp, sizeof mp, "%s/moments-l%d.bin", dir, l);
            if (dm_moments_load(&fd->mom[l], mp, &e2)) {
                ok = 0;
                for (int j = 0; j < l; j++)
                    dm_moments_free(&fd->mom[j]);
                fd->nlayers = 0;
                break;
            }
            snprintf(name, sizeof name, "cal_xh_l%d", l);
            const dm_st_tensor *t = dm_st_find(&f, name);
            const dm_rnn_layer *L = &m->layer[l];
            if (!t || t->dtype != DM_DT_F32 || t->ndim != 2 || t->shape[0] != n_cal || t->shape[1] != L->ld ||
                fd->mom[l].in != L->in || fd->mom[l].hid != L->hid || fd->mom[l].rows != dm_lm_pre_rows(m) ||
                !(fd->cal_xh[l] = dm_alloc(t->nbytes ? t->nbytes : 1))) {
                ok = 0;
            } else {
                memcpy(fd->cal_xh[l], t->data, t->nbytes);
            }
        }
        dm_st_close(&f);
        if (ok) {
            fd->fit_tokens = n_fit;
            fd->ncal = n_cal;
            fd->model_hash = m->file_hash;
            fd->data_hash = dh;
            fd->from_cache = 1;
            return 0;
        }
        dm_fitdata_free(fd);
    }
    if (dm_fitdata_collect(fd, m, train->ids, n_fit, n_cal, err))
        return -1;
    fd->data_hash = dh;
    /* save; a failure to cache is not an error for the caller */
    if (dm_mkdir_p(dir) == 0) {
        dm_st_wtensor w[DM_LM_MAX_LAYERS];
        char names[DM_LM_MAX_LAYERS][32];
        int okw = 1;
        for (int l = 0; l < m->nlayers; l++) {
            char mp[2560];
            snprintf(mp, sizeof mp, "%s/moments-l%d.bin", dir, l);
            if (dm_moments_save(&fd->mom[l], mp, &e2))
                okw = 0;
            snprintf(names[l], sizeof names[l], "cal_xh_l%d", l);
            w[l] = (dm_st_wtensor){.name = names[l], .dtype = DM_DT_F32, .ndim = 2,
                                   .shape = {fd->ncal, m->layer[l].ld}, .data = fd->cal_xh[l]};
        }
        if (okw)
            dm_st_write(p, w, m->nlayers, NULL, 0, &e2);
    }
    return 0;
}

/* ---- building ---- */

static int cmp_float(const void *a, const void *b)
{
    float x = *(const float *)a, y = *(const float *)b;
    return x < y ? -1 : x > y;
}

void dm_dual_free(dm_dual *d)
{
    if (d->big)
        for (int l = 0; l < d->big->nlayers; l++) {
            dm_qmat_free(&d->qm[l]);
            dm_kproj_free(&d->kpx[l]);
            dm_kproj_free(&d->kph[l]);
            dm_little_free(&d->little[l]);
            dm_free(d->sigma[l]);
            for (int a = 0; a < DM_ACT_COUNT; a++)
                free(d->cal[l][a]);
        }
    memset(d, 0, sizeof *d);
}

int dm_dual_set_ratio(dm_dual *d, double ratio, dm_err *err)
{
    if (!(ratio >= 0.0 && ratio <= 1.0))
        return dm_errf(err, "ratio %g is outside [0, 1]", ratio);
    d->cfg.ratio = ratio;
    for (int l = 0; l < d->big->nlayers; l++)
        for (int a = 0; a < DM_ACT_COUNT; a++) {
            long n = d->ncal[l][a];
            if (n == 0 || ratio <= 0.0) {
                d->theta[l][a] = INFINITY;
            } else if (ratio >= 1.0) {
                d->theta[l][a] = -INFINITY;
            } else {
                /* insensitive iff score >= theta: the top round(ratio * n) calibration scores */
                long want = (long)llround(ratio * (double)n);
                d->theta[l][a] = want <= 0 ? INFINITY : d->cal[l][a][n - want];
            }
        }
    return 0;
}

/* Calibration steps scored per GEMM block. */
#define CAL_BLOCK 512

int dm_dual_build(dm_dual *d, const dm_lm *m, const dm_fitdata *fd, const dm_dual_cfg *cfg, dm_err *err)
{
    memset(d, 0, sizeof *d);
    int k;
    if (dm_dual_cfg_check(cfg, m, &k, err))
        return -1;
    if (fd->nlayers != m->nlayers)
        return dm_errf(err, "fitting data has %d layers, the model %d", fd->nlayers, m->nlayers);
    d->big = m;
    d->cfg = *cfg;
    d->k = k;
    double t0 = dm_now();
    int H = m->nhid, R = dm_lm_pre_rows(m);
    float *y = malloc((size_t)R * sizeof(float));
    float *yb = malloc((size_t)CAL_BLOCK * R * sizeof(float));
    if (!y || !yb) {
        free(y), free(yb);
        return dm_errf(err, "out of memory");
    }
    for (int l = 0; l < m->nlayers; l++) {
        if (dm_little_fit(&d->little[l], &fd->mom[l], k, cfg->proj, cfg->seed + (uint64_t)l * 7919, cfg->lambda,
                          err) ||
            dm_little_quantize(&d->little[l], cfg->bits, &fd->mom[l], err)) {
            dm_err_prefix(err, "layer %d", l);
            goto fail;
        }
        /* per-row RMS error of the little module on its fitting data */
        double *rm = malloc((size_t)R * sizeof(double));
        d->sigma[l] = dm_alloc((size_t)R * sizeof(float));
        if (!rm || !d->sigma[l]) {
            free(rm);
            dm_errf(err, "out of memory");
            goto fail;
        }
        if (dm_little_row_mse(&d->little[l], &fd->mom[l], rm, err)) {
            free(rm);
            goto fail;
        }
        for (int r = 0; r < R; r++)
            d->sigma[l][r] = (float)sqrt(rm[r]);
        free(rm);
        const float *sg = d->sigma[l];
        /* calibration scores of the little outputs, per activation type */
        long cnt[DM_ACT_COUNT] = {0};
        for (int a = 0; a < DM_ACT_COUNT; a++) {
            long per = a == DM_ACT_SIGMOID ? (long)(m->gates - 1) * H : a == DM_ACT_TANH ? H : 0;
            if (per && !(d->cal[l][a] = malloc((size_t)fd->ncal * per * sizeof(float)))) {
                dm_errf(err, "out of memory for calibration");
                goto fail;
            }
        }
        /* the little outputs of the calibration steps, a block at a time by one GEMM */
        for (int t = 0; t < fd->ncal; t++) {
            int tb = t % CAL_BLOCK;
            if (tb == 0) {
                int nb = fd->ncal - t < CAL_BLOCK ? fd->ncal - t : CAL_BLOCK;
                if (dm_little_forward_batch(&d->little[l], fd->cal_xh[l] + (size_t)t * m->layer[l].ld,
                                            m->layer[l].ld, nb, yb, err))
                    goto fail;
            }
            memcpy(y, yb + (size_t)tb * R, (size_t)R * sizeof(float));
            for (int g = 0; g < m->gates; g++) {
                dm_act a = dm_gate_act(m, g);
                for (int j = 0; j < H; j++) {
                    float pre = y[g * H + j], sig = sg[g * H + j];
                    if (m->cell == DM_CELL_GRU && g == 2) { /* n = nx + r * nh, r from the little module */
                        float r = act_apply(DM_ACT_SIGMOID, y[j]);
                        pre = y[2 * H + j] + r * y[3 * H + j];
                        sig = n_sigma(sg, H, j, r);
                    }
                    d->cal[l][a][cnt[a]++] = score_of(a, cfg->policy, pre, sig);
                }
            }
        }
        for (int a = 0; a < DM_ACT_COUNT; a++) {
            d->ncal[l][a] = cnt[a];
            if (cnt[a])
                qsort(d->cal[l][a], (size_t)cnt[a], sizeof(float), cmp_float);
        }
    }
    free(y), free(yb);
    if (dm_dual_set_ratio(d, cfg->ratio, err))
        goto fail2;
    d->fit_seconds = dm_now() - t0;
    return 0;
fail:
    free(y), free(yb);
fail2:
    dm_dual_free(d);
    return -1;
}

size_t dm_dual_layer_little_bytes(const dm_dual *d, int l)
{
    const dm_little *L = &d->little[l];
    if (!d->kern)
        return dm_little_bytes(L);
    /* what the kernels read: packed weights (+ scales, bias) or FP32 weights, and the projections */
    size_t b = L->bits ? dm_qmat_bytes(&d->qm[l]) : (size_t)L->rows * (2 * (size_t)L->k + 1) * sizeof(float);
    if (L->px.kind == DM_PROJ_SRP)
        b += d->kpx[l].bytes + d->kph[l].bytes;
    else
        b += dm_proj_bytes(&L->px) + dm_proj_bytes(&L->ph);
    return b;
}

size_t dm_dual_little_bytes(const dm_dual *d)
{
    size_t b = 0;
    for (int l = 0; l < d->big->nlayers; l++)
        b += dm_dual_layer_little_bytes(d, l);
    return b;
}

/* ---- running ---- */

void dm_dual_state_free(dm_dual_state *s)
{
    dm_lm_state_free(&s->st);
    dm_free(s->ylit);
    dm_free(s->exact);
    dm_free(s->pre);
    dm_free(s->score);
    dm_free(s->sel);
    dm_free(s->sens);
    dm_free(s->oracle);
    dm_free(s->scratch);
    dm_free(s->cat);
    dm_free(s->cs);
    dm_free(s->ca);
    dm_free(s->cb);
    dm_free(s->idx);
    dm_free(s->rowbuf);
    dm_free(s->xq);
    memset(s, 0, sizeof *s);
}

int dm_dual_state_init(dm_dual_state *s, const dm_dual *d, dm_err *err)
{
    memset(s, 0, sizeof *s);
    const dm_lm *m = d->big;
    size_t R = (size_t)dm_lm_pre_rows(m);
    if (dm_lm_state_init(&s->st, m, err))
        return -1;
    s->ylit = dm_alloc(R * sizeof(float));
    s->exact = dm_alloc(R * sizeof(float));
    s->pre = dm_alloc(R * sizeof(float));
    s->score = dm_alloc(R * sizeof(float));
    s->sel = dm_alloc(R * sizeof(float));
    s->sens = dm_alloc(R);
    s->oracle = dm_alloc(R);
    s->scratch = dm_alloc((size_t)2 * d->k * sizeof(float) + 64);
    s->cat = dm_alloc(R * sizeof(float));
    s->cs = dm_alloc(R);
    s->ca = dm_alloc(R * sizeof(float));
    s->cb = dm_alloc(R * sizeof(float));
    s->idx = dm_alloc(R * sizeof(int));
    s->rowbuf = dm_alloc(R * sizeof(float));
    s->xq = dm_alloc((size_t)2 * d->k + 64);
    if (!s->idx || !s->rowbuf || !s->xq || !s->cat || !s->cs || !s->ca || !s->cb || !s->ylit || !s->exact || !s->pre || !s->score || !s->sel || !s->sens || !s->oracle || !s->scratch) {
        dm_dual_state_free(s);
        return dm_errf(err, "out of memory for the dual-module state");
    }
    return 0;
}

void dm_dual_state_reset(dm_dual_state *s, const dm_dual *d) { dm_lm_state_reset(&s->st, d->big); }

/* k-th largest (0-based) of v[0..n) without reordering v: copies into tmp. */
static float kth_largest(const float *v, int n, int kth, float *tmp)
{
    memcpy(tmp, v, (size_t)n * sizeof(float));
    int lo = 0, hi = n - 1, want = kth;
    while (lo < hi) {
        float piv = tmp[(lo + hi) / 2];
        int i = lo, j = hi;
        while (i <= j) {
            while (tmp[i] > piv)
                i++;
            while (tmp[j] < piv)
                j--;
            if (i <= j) {
                float t = tmp[i];
                tmp[i] = tmp[j];
                tmp[j] = t;
                i++, j--;
            }
        }
        if (want <= j)
            hi = j;
        else if (want >= i)
            lo = i;
        else
            break;
    }
    return tmp[want];
}

/* ---- ratio control ----
 *
 * A group's rule: calibrated threshold (insensitive iff score >= th), or
 * top-k: the want = round(r n) highest scores, i.e. every score above the
 * want-th largest th, then the first rows (in row order) whose score equals
 * th until want is reached. The want-th largest comes from a radix select
 * on order-preserving integer keys of the scores (three histogram passes of
 * 11, 11 and 10 bits over a group that is at most a few thousand rows, no
 * sorting, no data-dependent swaps); a group may be made of two segments
 * (the LSTM sigmoid group i, f, o: rows [0, 2H) and [3H, 4H)), ranked as one
 * list in row order. NaN scores rank below everything and never equal th, so
 * a NaN row stays sensitive (computed exactly). */

enum { RULE_THRESHOLD, RULE_TOPK, RULE_ALL_SENS, RULE_ALL_INS };
typedef struct grp_rule {
    int kind;
    float th;
    int ties; /* top-k: rows equal to th still to take */
} grp_rule;

/* Order-preserving key: a > b (floats, not NaN) iff key(a) > key(b); -0 and
 * +0 share a key; NaN maps to 0, below every number. */
static inline uint32_t score_key(float f)
{
    uint32_t u;
    memcpy(&u, &f, sizeof u);
    if ((u & 0x7FFFFFFFu) > 0x7F800000u)
        return 0;
    if (u == 0x80000000u)
        u = 0;
    return u & 0x80000000u ? ~u : u | 0x80000000u;
}

static inline float key_score(uint32_t k)
{
    uint32_t u = k & 0x80000000u ? k & 0x7FFFFFFFu : ~k;
    float f;
    memcpy(&f, &u, sizeof f);
    return f;
}

/* The kth largest (0-based) of keys[0..n) by radix select (reorders keys);
 * *ngt: how many are strictly greater, *neq: how many equal it. */
static uint32_t radix_kth(uint32_t *keys, int n, int kth, int *ngt, int *neq)
{
    static const int shift[3] = {21, 10, 0};
    static const uint32_t mask[3] = {0x7FFu, 0x7FFu, 0x3FFu};
    if (n <= 32) { /* a few keys: insertion sort, descending */
        for (int i = 1; i < n; i++) {
            uint32_t k = keys[i];
            int j = i;
            for (; j > 0 && keys[j - 1] < k; j--)
                keys[j] = keys[j - 1];
            keys[j] = k;
        }
        uint32_t ans = keys[kth];
        int lo = kth, hi = kth;
        while (lo > 0 && keys[lo - 1] == ans)
            lo--;
        while (hi + 1 < n && keys[hi + 1] == ans)
            hi++;
        *ngt = lo;
        *neq = hi - lo + 1;
        return ans;
    }
    uint32_t hist[2048];
    int above = 0; /* keys known to be greater than the answer */
    uint32_t prefix = 0;
    for (int lv = 0; lv < 3; lv++) {
        int sh = shift[lv];
        uint32_t mk = mask[lv], top = 0;
        memset(hist, 0, (mk + 1) * sizeof *hist);
        for (int j = 0; j < n; j++) {
            uint32_t b = (keys[j] >> sh) & mk;
            hist[b]++;
            top = b > top ? b : top;
        }
        int bk = (int)top, acc = 0; /* from the highest non-empty bucket down */
        for (; bk > 0; bk--) {
            if (above + acc + (int)hist[bk] > kth)
                break;
            acc += (int)hist[bk];
        }
        above += acc;
        prefix |= (uint32_t)bk << sh;
        if (lv == 2) {
            *neq = (int)hist[bk];
            break;
        }
        int m = 0; /* keep the keys of the chosen bucket */
        for (int j = 0; j < n; j++)
            if (((keys[j] >> sh) & mk) == (uint32_t)bk)
                keys[m++] = keys[j];
        n = m;
    }
    *ngt = above;
    return prefix;
}

/* Linear buckets of the score range for the first cut (scores spread over a
 * few binades, which the float bits' top digits would lump together). */
#define SEL_NB 4096

static inline int sel_bucket(float v, float mn, float sc)
{
    if (v != v)
        return 0; /* NaN ranks lowest */
    float t = (v - mn) * sc; /* monotone in v: so is the bucket */
    return t >= (float)(SEL_NB - 1) ? SEL_NB - 1 : (int)t;
}

/* The kth largest (0-based) of the concatenation p0[0..n0) p1[0..n1);
 * *ngt: how many scores are strictly greater, *neq: how many equal it (by
 * key: -0 = +0, NaN below everything); tmp: n0 + n1 keys. One pass for the
 * range, one histogram of linear buckets over it, then a radix select among
 * the few keys of the bucket that holds the answer. */
static float select_kth(const float *p0, int n0, const float *p1, int n1, int kth, uint32_t *tmp, int *ngt,
                        int *neq)
{
    float mn = INFINITY, mx = -INFINITY;
    for (int j = 0; j < n0; j++) {
        mn = p0[j] < mn ? p0[j] : mn;
        mx = p0[j] > mx ? p0[j] : mx;
    }
    for (int j = 0; j < n1; j++) {
        mn = p1[j] < mn ? p1[j] : mn;
        mx = p1[j] > mx ? p1[j] : mx;
    }
    float sc = (float)(SEL_NB - 1) / (mx - mn);
    int n = 0, above = 0;
    if (mx > mn && isfinite(mx - mn) && isfinite(sc) && sc > 0) {
        uint32_t hist[SEL_NB];
        memset(hist, 0, sizeof hist);
        for (int j = 0; j < n0; j++)
            hist[sel_bucket(p0[j], mn, sc)]++;
        for (int j = 0; j < n1; j++)
            hist[sel_bucket(p1[j], mn, sc)]++;
        int bk = SEL_NB - 1;
        for (; bk > 0; bk--) {
            if (above + (int)hist[bk] > kth)
                break;
            above += (int)hist[bk];
        }
        for (int j = 0; j < n0; j++)
            if (sel_bucket(p0[j], mn, sc) == bk)
                tmp[n++] = score_key(p0[j]);
        for (int j = 0; j < n1; j++)
            if (sel_bucket(p1[j], mn, sc) == bk)
                tmp[n++] = score_key(p1[j]);
    } else { /* no finite spread: rank all the keys */
        for (int j = 0; j < n0; j++)
            tmp[n++] = score_key(p0[j]);
        for (int j = 0; j < n1; j++)
            tmp[n++] = score_key(p1[j]);
    }
    int g;
    uint32_t key = radix_kth(tmp, n, kth - above, &g, neq);
    *ngt = above + g;
    return key_score(key);
}

/* The same as select_kth, looked for first in the window [est - w, est + w]
 * (the last step's threshold: the little outputs' distribution moves
 * slowly): two counts (vectorisable), then the keys inside the window only.
 * Exact either way: when the counts show the answer is outside, the full
 * select runs. The window then adapts to hold a few dozen scores. */
#define SEL_WANT 160
static float select_kth_win(const float *p0, int n0, const float *p1, int n1, int kth, uint32_t *tmp, int *ngt,
                            int *neq, float *est, float *w)
{
    if (est && *w > 0) {
        float lo = *est - *w, hi = *est + *w;
        int cgt = 0, cge = 0;
        for (int j = 0; j < n0; j++) {
            cgt += p0[j] > hi;
            cge += p0[j] >= lo;
        }
        for (int j = 0; j < n1; j++) {
            cgt += p1[j] > hi;
            cge += p1[j] >= lo;
        }
        if (cgt <= kth && kth < cge) {
            int m = 0;
            for (int j = 0; j < n0; j++)
                if (p0[j] >= lo && p0[j] <= hi)
                    tmp[m++] = score_key(p0[j]);
            for (int j = 0; j < n1; j++)
                if (p1[j] >= lo && p1[j] <= hi)
                    tmp[m++] = score_key(p1[j]);
            int g;
            uint32_t key = radix_kth(tmp, m, kth - cgt, &g, neq);
            *ngt = cgt + g;
            float th = key_score(key), f = (float)SEL_WANT / (float)(m > 1 ? m : 1);
            *est = th;
            *w *= f < 0.5f ? 0.5f : f > 2.0f ? 2.0f : f;
            return th;
        }
    }
    float th = select_kth(p0, n0, p1, n1, kth, tmp, ngt, neq);
    if (est) {
        /* (re)start: a window a few times wider than the last one */
        float w0 = est && *w > 0 ? *w * 4.0f : fabsf(th) * 0.01f + 1e-3f;
        *est = th;
        *w = isfinite(th) && isfinite(w0) ? w0 : 0.0f;
    }
    return th;
}

/* The rule of a group of n rows (scores p0 then p1) of layer l, activation a. */
static grp_rule group_rule(const dm_dual *d, dm_dual_state *s, int l, dm_act a, const float *p0, int n0,
                           const float *p1, int n1, int win)
{
    grp_rule r = {RULE_THRESHOLD, 0.0f, 0};
    if (d->cfg.mode == DM_MODE_THRESHOLD) {
        r.th = d->theta[l][a];
        return r;
    }
    int n = n0 + n1, want = (int)llround(d->cfg.ratio * n);
    if (want <= 0) {
        r.kind = RULE_ALL_SENS;
        return r;
    }
    if (want >= n) {
        r.kind = RULE_ALL_INS;
        return r;
    }
    int ngt, neq;
    int wg = win - 1; /* window slot: 1 and 2 = the step's groups, 0 = none (audit) */
    r.th = select_kth_win(p0, n0, p1, n1, want - 1, (uint32_t *)s->sel, &ngt, &neq, wg >= 0 ? &s->sel_est[l][wg] : NULL,
                          wg >= 0 ? &s->sel_w[l][wg] : NULL);
    r.ties = want - ngt;
    /* every row equal to th is taken (the usual case: th is one row's score):
     * then it is a plain threshold, th itself included */
    r.kind = r.ties == neq && r.th == r.th ? RULE_THRESHOLD : RULE_TOPK;
    return r;
}

static inline int rule_insens(grp_rule *r, float v)
{
    switch (r->kind) {
    case RULE_THRESHOLD:
        return v >= r->th;
    case RULE_TOPK:
        if (v > r->th)
            return 1;
        if (v == r->th && r->ties > 0) {
            r->ties--;
            return 1;
        }
        return 0;
    case RULE_ALL_SENS:
        return 0;
    default:
        return 1;
    }
}

/* sens[j] = !insensitive for n rows; returns the number made insensitive. */
static int rule_mark(grp_rule *r, const float *sc, int n, unsigned char *sens)
{
    int ins = 0;
    if (r->kind == RULE_THRESHOLD) {
        float th = r->th;
        for (int j = 0; j < n; j++) {
            int in = sc[j] >= th;
            sens[j] = (unsigned char)!in;
            ins += in;
        }
        return ins;
    }
    for (int j = 0; j < n; j++) {
        int in = rule_insens(r, sc[j]);
        sens[j] = (unsigned char)!in;
        ins += in;
    }
    return ins;
}

/* The step's one pass over rows [off, off + n): mark, append the sensitive
 * rows to idx (returns the new count), and take the little value y into g
 * for every row (the exact rows are overwritten afterwards). A threshold
 * rule goes through the kernels' mark_ge when there are kernels. */
static int rule_pass(const dm_kernels *kern, grp_rule *r, const float *sc, const float *y, float *g, int off, int n,
                     unsigned char *sens, int *idx, int ns, int *nins)
{
    int ins = 0;
    if (r->kind == RULE_THRESHOLD && kern) {
        int got = kern->mark_ge(sc + off, y + off, r->th, off, n, sens + off, g + off, idx + ns);
        ns += got;
        ins = n - got;
    } else if (r->kind == RULE_THRESHOLD) {
        float th = r->th;
        for (int j = 0; j < n; j++) {
            int in = sc[off + j] >= th;
            sens[off + j] = (unsigned char)!in;
            idx[ns] = off + j;
            ns += !in;
            ins += in;
            g[off + j] = y[off + j];
        }
    } else if (r->kind == RULE_TOPK) {
        float th = r->th;
        int ties = r->ties;
        for (int j = 0; j < n; j++) { /* branch-free: the marks are unpredictable */
            float v = sc[off + j];
            int eq = (v == th) & (ties > 0);
            int in = (v > th) | eq;
            ties -= eq;
            sens[off + j] = (unsigned char)!in;
            idx[ns] = off + j;
            ns += !in;
            ins += in;
            g[off + j] = y[off + j];
        }
        r->ties = ties;
    } else {
        int in = r->kind == RULE_ALL_INS;
        memset(sens + off, !in, (size_t)n);
        memcpy(g + off, y + off, (size_t)n * sizeof(float));
        if (!in)
            for (int j = 0; j < n; j++)
                idx[ns++] = off + j;
        ins = in ? n : 0;
    }
    *nins += ins;
    return ns;
}

/* Mark rows [off, off+n) insensitive (sens = 0) by the configured rule; the
 * scores are already in score[off..]. Returns the number made insensitive. */
static int mark_group(const dm_dual *d, dm_dual_state *s, int l, dm_act a, int off, int n, unsigned char *sens,
                      const float *score)
{
    grp_rule r = group_rule(d, s, l, a, score + off, n, NULL, 0, 0);
    return rule_mark(&r, score + off, n, sens + off);
}

/* The rules of the groups that do not depend on other gates: LSTM sigmoid
 * (i, f, o ranked jointly in top-k mode), tanh (g); GRU sigmoid (r, z).
 * rule_of[gate] points into rules. */
static void independent_rules(const dm_dual *d, dm_dual_state *s, int l, const float *sc, grp_rule rules[2],
                              grp_rule *rule_of[DM_GATES_MAX], int win)
{
    const dm_lm *m = d->big;
    int H = m->nhid;
    if (m->cell == DM_CELL_GRU) {
        rules[0] = group_rule(d, s, l, DM_ACT_SIGMOID, sc, 2 * H, NULL, 0, win);
        rule_of[0] = rule_of[1] = &rules[0];
        rule_of[2] = rule_of[3] = NULL;
        return;
    }
    rules[0] = group_rule(d, s, l, DM_ACT_SIGMOID, sc, 2 * H, sc + 3 * H, H, win);
    rules[1] = group_rule(d, s, l, DM_ACT_TANH, sc + 2 * H, H, NULL, 0, win ? 2 : 0);
    rule_of[0] = rule_of[1] = rule_of[3] = &rules[0];
    rule_of[2] = &rules[1];
}

/* Marks of the independent groups into sens (audit oracle). */
static void mark_independent(const dm_dual *d, dm_dual_state *s, int l, unsigned char *sens, const float *sc)
{
    const dm_lm *m = d->big;
    int H = m->nhid, ng = m->cell == DM_CELL_LSTM ? 4 : 2;
    grp_rule rules[2], *rule_of[DM_GATES_MAX];
    independent_rules(d, s, l, sc, rules, rule_of, 0);
    for (int gi = 0; gi < ng; gi++) /* row order: ties are taken in the order of the joint list */
        rule_mark(rule_of[gi], sc + gi * H, H, sens + gi * H);
}

/* Scores of n rows of one activation type (sig: the rows' RMS fit errors). */
static void score_rows(dm_act a, dm_policy p, const float *y, const float *sig, float *sc, int n)
{
    if (p == DM_POLICY_ERROR) {
        for (int j = 0; j < n; j++)
            sc[j] = score_of(a, p, y[j], sig[j]);
    } else if (a == DM_ACT_TANH || (a == DM_ACT_SIGMOID && p == DM_POLICY_SYMMETRIC)) {
        for (int j = 0; j < n; j++)
            sc[j] = fabsf(y[j]);
    } else {
        for (int j = 0; j < n; j++)
            sc[j] = -y[j];
    }
}

static void add_cos(dm_gate_stats *g, const float *a, const float *b, int n, int post, dm_act act)
{
    double dot = 0, na = 0, nb = 0;
    for (int j = 0; j < n; j++) {
        double x = post ? act_apply(act, a[j]) : a[j], y = post ? act_apply(act, b[j]) : b[j];
        dot += x * y, na += x * x, nb += y * y;
    }
    if (post)
        g->dot_post += dot, g->nd_post += na, g->nb_post += nb;
    else
        g->dot_pre += dot, g->nd_pre += na, g->nb_pre += nb;
}

/* Threads for the kernels' row blocks: as many as OpenBLAS has been given
 * (dm_blas_set_threads, --threads), so dense and dual steps run with the
 * same thread count. */
static int kernel_threads(void)
{
    int n = openblas_get_num_threads();
    return n < 1 ? 1 : n;
}

/* y[i] = W[rows[i], 0:cols] . v: the chosen kernels, or one BLAS dot per row
 * (the paper's way) on the reference path. */
static void exact_rows(const dm_dual *d, const float *W, int ld, int cols, const int *rows, int n, const float *v,
                       float *y)
{
    if (d->kern) {
        dm_par_rows_gemv(d->kern, kernel_threads(), W, (size_t)ld, cols, rows, n, v, y);
        return;
    }
    for (int i = 0; i < n; i++)
        y[i] = cblas_sdot(cols, W + (size_t)rows[i] * ld, 1, v, 1);
}

/* Projection rows per chunk, and how many bytes of the little weights the
 * chunked projection prefetches (in all, split over the threads: at most
 * PROJ_PF_BYTES, at most PROJ_PF_RATIO times the projection's bytes). */
#define PROJ_CHUNK 32
#define PROJ_PF_BYTES (768 * 1024)
#define PROJ_PF_RATIO 3

typedef struct proj_job {
    const dm_dual *d;
    int l;
    const float *x, *h;
    float *v;
} proj_job;

/* Part i of n of the packed SRP projection: a share of the 2k output rows
 * (x stream then h stream), computed in chunks; the projection is
 * compute-bound, so after each chunk the part prefetches the next slice of
 * the head of the little weights *it* will read in the GEMV (the same row
 * split as dm_par_qgemv), and the memory streams while the projection
 * computes. */
static void proj_part(void *arg, int i, int n)
{
    const proj_job *j = arg;
    const dm_dual *d = j->d;
    const dm_little *L = &d->little[j->l];
    int k = L->k, lo, hi;
    dm_par_range(2 * k, PROJ_CHUNK, i, n, &lo, &hi);
    const unsigned char *pf = NULL;
    size_t pf_end = 0, pos = 0;
    if (L->bits) {
        const dm_qmat *q = &d->qm[j->l];
        int r0, r1;
        dm_par_range(q->rows, 4, i, n, &r0, &r1);
        pf = q->data + (size_t)r0 * q->row_bytes;
        pf_end = (size_t)(r1 - r0) * q->row_bytes;
    } else if (i == 0) {
        pf = (const unsigned char *)L->wq;
        pf_end = (size_t)L->rows * 2 * k * sizeof(float);
    }
    /* no more than the projection's compute time can cover (measured: a
     * few times its packed bytes; more only stretches the projection) */
    size_t cap = PROJ_PF_RATIO * (d->kpx[j->l].bytes + d->kph[j->l].bytes);
    if (cap > PROJ_PF_BYTES)
        cap = PROJ_PF_BYTES;
    if (pf_end > cap / (size_t)n)
        pf_end = cap / (size_t)n;
    int nch = (hi - lo + PROJ_CHUNK - 1) / PROJ_CHUNK;
    size_t per = nch ? (pf_end / (size_t)nch + 63) & ~(size_t)63 : 0;
    for (int r = lo; r < hi;) {
        int st = r >= k, j0 = r - st * k, cnt = hi - r < PROJ_CHUNK ? hi - r : PROJ_CHUNK;
        if (j0 + cnt > k) /* a chunk never straddles the two streams */
            cnt = k - j0;
        dm_kproj part = dm_kproj_rows(st ? &d->kph[j->l] : &d->kpx[j->l], j0, cnt);
        d->kern->proj(&part, st ? j->h : j->x, j->v + r);
        r += cnt;
        for (size_t e = pos + per; pos < e && pos < pf_end; pos += 64)
            __builtin_prefetch(pf + pos, 0, 2);
    }
}

/* The little module's outputs: dm_little_forward on the reference path; with
 * kernels, the packed projection, 8-bit input and packed quantized GEMV (or
 * BLAS on the FP32 weights when the module is FP32 or its projection dense). */
static void little_run(const dm_dual *d, dm_dual_state *s, int l, const float *x, const float *h, float *y)
{
    const dm_little *L = &d->little[l];
    if (!d->kern) {
        dm_little_forward(L, x, h, s->scratch, y);
        return;
    }
    int k = L->k, nt = kernel_threads();
    float *v = s->scratch;
    double t0 = s->prof ? dm_now() : 0;
    if (L->px.kind == DM_PROJ_SRP) {
        proj_job j = {d, l, x, h, v};
        dm_par_run(nt, proj_part, &j);
    } else {
        dm_proj_apply(&L->px, x, v);
        dm_proj_apply(&L->ph, h, v + k);
    }
    if (s->prof)
        s->prof_s[3] += dm_now() - t0; /* projection share, inside the little module's time */
    if (L->bits == 0) {
        memcpy(y, L->bias, (size_t)L->rows * sizeof(float));
        cblas_sgemv(CblasRowMajor, CblasNoTrans, L->rows, 2 * k, 1.0f, L->wq, 2 * k, v, 1, 1.0f, y, 1);
        return;
    }
    float xs = d->kern->quant_in(v, 2 * k, s->xq);
    dm_par_qgemv(d->kern, nt, &d->qm[l], s->xq, xs, y);
}

int dm_dual_use_kernels(dm_dual *d, const dm_kernels *k, dm_err *err)
{
    const dm_lm *m = d->big;
    for (int l = 0; l < m->nlayers; l++) {
        dm_qmat_free(&d->qm[l]);
        dm_kproj_free(&d->kpx[l]);
        dm_kproj_free(&d->kph[l]);
    }
    d->kern = NULL;
    if (!k)
        return 0;
    for (int l = 0; l < m->nlayers; l++) {
        const dm_little *L = &d->little[l];
        if (L->bits && dm_qmat_pack(&d->qm[l], L->q, L->rows, 2 * L->k, L->bits, L->qscale, L->bias, err))
            return dm_err_prefix(err, "layer %d little weights", l);
        if (L->px.kind == DM_PROJ_SRP &&
            (dm_kproj_pack(&d->kpx[l], &L->px, err) || dm_kproj_pack(&d->kph[l], &L->ph, err)))
            return dm_err_prefix(err, "layer %d projection", l);
    }
    d->kern = k;
    return 0;
}

/* gin: NULL on the streaming path; on the whole-sequence path the batched
 * input projections of this step (W_ih x + biases, in the layout of
 * dm_lm_seq's gin: LSTM b_ih + b_hh, GRU r,z both biases, n b_in only), so a
 * sensitive row only adds its recurrent part W_hh[r] h. */
static void dual_layer_step(const dm_dual *d, dm_dual_state *s, int l, const float *x, const float *gin, int audit,
                            dm_dual_stats *stats)
{
    const dm_lm *m = d->big;
    const dm_rnn_layer *L = &m->layer[l];
    int H = L->hid, in = L->in, G = m->gates;
    float *xh = s->st.xh[l], *h = xh + in, *g = s->st.gates, *ghn = s->st.ghn;
    if (x != xh)
        memcpy(xh, x, (size_t)in * sizeof(float));
    /* 1. the little module */
    double tp0 = s->prof ? dm_now() : 0;
    little_run(d, s, l, xh, h, s->ylit);
    double tp1 = s->prof ? dm_now() : 0;
    if (audit)
        dm_lm_pre_batch(m, l, xh, 1, s->exact);
    float *y = s->ylit, *sc = s->score;
    unsigned char *sens = s->sens;
    int nins[DM_GATES_MAX] = {0};
    /* 2-3. sigmoid/tanh groups that do not depend on other gates (all but GRU n):
     * scores, the groups' rules, then one pass that marks the rows, lists the
     * sensitive ones and takes the little values (exact rows overwrite them) */
    int first_groups = m->cell == DM_CELL_LSTM ? 4 : 2;
    for (int gi = 0; gi < first_groups; gi++)
        score_rows(dm_gate_act(m, gi), d->cfg.policy, y + gi * H, d->sigma[l] + gi * H, sc + gi * H, H);
    grp_rule rules[2], *rule_of[DM_GATES_MAX];
    independent_rules(d, s, l, sc, rules, rule_of, 1);
    int *idx = s->idx, ns = 0;
    for (int gi = 0; gi < first_groups; gi++)
        ns = rule_pass(d->kern, rule_of[gi], sc, y, g, gi * H, H, sens, idx, ns, &nins[gi]);
    float *rb = s->rowbuf;
    if (gin) {
        exact_rows(d, L->w + in, L->ld, H, idx, ns, h, rb);
        for (int i = 0; i < ns; i++)
            g[idx[i]] = gin[idx[i]] + rb[i];
    } else {
        exact_rows(d, L->w, L->ld, L->ld, idx, ns, xh, rb);
        for (int i = 0; i < ns; i++)
            g[idx[i]] = rb[i] + L->b_sum[idx[i]];
    }
    if (m->cell == DM_CELL_GRU) {
        /* n: approximate pre-activation with the final r, then its own group */
        for (int j = 0; j < H; j++) {
            float r = act_apply(DM_ACT_SIGMOID, g[j]);
            sc[2 * H + j] = score_of(DM_ACT_TANH, d->cfg.policy, y[2 * H + j] + r * y[3 * H + j],
                                     n_sigma(d->sigma[l], H, j, r));
        }
        grp_rule rn = group_rule(d, s, l, DM_ACT_TANH, sc + 2 * H, H, NULL, 0, 2);
        ns = rule_pass(d->kern, &rn, sc, y, g, 2 * H, H, sens, idx, 0, &nins[2]);
        for (int j = 0; j < H; j++)
            ghn[j] = y[3 * H + j];
        /* sensitive n rows: both parts exactly (the input part batched already on the sequence path) */
        if (gin) {
            for (int i = 0; i < ns; i++)
                g[idx[i]] = gin[idx[i]];
        } else {
            exact_rows(d, L->w, L->ld, in, idx, ns, xh, rb);
            for (int i = 0; i < ns; i++)
                g[idx[i]] = rb[i] + L->b_ih[idx[i]];
        }
        exact_rows(d, L->w + in, L->ld, H, idx, ns, h, rb);
        for (int i = 0; i < ns; i++)
            ghn[idx[i] - 2 * H] = rb[i] + L->b_hh[idx[i]];
    }
    double tp2 = s->prof ? dm_now() : 0;
    if (stats) {
        long nsens = 0;
        for (int gi = 0; gi < G; gi++) {
            stats->gate[l][gi].total += H;
            stats->gate[l][gi].insens += nins[gi];
            nsens += H - nins[gi];
        }
        /* the sequence path reads W_ih in its batched GEMM either way: count the recurrent part */
        int cols = gin ? H : L->ld;
        stats->big_bytes += (double)nsens * cols * sizeof(float);
        stats->dense_bytes += (double)L->rows * cols * sizeof(float);
        stats->little_bytes += (double)dm_dual_layer_little_bytes(d, l);
    }
    if (audit && stats) {
        /* oracle: the same rule applied to the exact pre-activations */
        float *ex = s->exact, *xsc = s->pre;
        unsigned char *om = s->oracle;
        for (int r = 0; r < G * H; r++) {
            float pre = ex[r], sig = d->sigma[l][r];
            if (m->cell == DM_CELL_GRU && r >= 2 * H) {
                float rr = act_apply(DM_ACT_SIGMOID, ex[r - 2 * H]);
                pre = ex[r] + rr * ex[r + H];
                sig = n_sigma(d->sigma[l], H, r - 2 * H, rr);
            }
            xsc[r] = score_of(dm_gate_act(m, r / H), d->cfg.policy, pre, sig);
        }
        mark_independent(d, s, l, om, xsc);
        if (m->cell == DM_CELL_GRU)
            mark_group(d, s, l, DM_ACT_TANH, 2 * H, H, om, xsc);
        for (int gi = 0; gi < G; gi++) {
            dm_gate_stats *gs = &stats->gate[l][gi];
            for (int j = 0; j < H; j++) {
                int r = gi * H + j;
                gs->oracle_insens += !om[r];
                gs->both_insens += !om[r] && !sens[r];
            }
            /* cosine similarity of the gate pre-activations (GRU n: the full n pre-activation) */
            float *a = s->ca, *b = s->cb;
            {
                for (int j = 0; j < H; j++) {
                    int r = gi * H + j;
                    if (m->cell == DM_CELL_GRU && gi == 2) {
                        a[j] = g[r] + act_apply(DM_ACT_SIGMOID, g[j]) * ghn[j];
                        b[j] = ex[r] + act_apply(DM_ACT_SIGMOID, ex[j]) * ex[r + H];
                    } else {
                        a[j] = g[r];
                        b[j] = ex[r];
                    }
                }
                add_cos(gs, a, b, H, 0, dm_gate_act(m, gi));
                add_cos(gs, a, b, H, 1, dm_gate_act(m, gi));
            }
        }
    }
    if (!d->kern)
        dm_lm_cell_update(m, g, ghn, h, s->st.c[l]);
    else if (m->cell == DM_CELL_LSTM)
        d->kern->lstm_cell(g, H, h, s->st.c[l]);
    else
        d->kern->gru_cell(g, ghn, H, h);
    if (s->prof) {
        double tp3 = dm_now();
        s->prof_s[0] += tp1 - tp0; /* little module: projection + little GEMV (projection also in [3]) */
        s->prof_s[1] += tp2 - tp1; /* masks + sensitive big rows */
        s->prof_s[2] += tp3 - tp2; /* statistics, audit, cell update */
    }
}

void dm_dual_step_rnn(const dm_dual *d, dm_dual_state *s, int token, int audit, dm_dual_stats *stats)
{
    const dm_lm *m = d->big;
    const float *x = m->emb + (size_t)token * m->emsize;
    for (int l = 0; l < m->nlayers; l++) {
        dual_layer_step(d, s, l, x, NULL, audit, stats);
        x = s->st.xh[l] + m->layer[l].in;
    }
}

void dm_dual_step(const dm_dual *d, dm_dual_state *s, int token, int audit, dm_dual_stats *stats)
{
    const dm_lm *m = d->big;
    dm_dual_step_rnn(d, s, token, audit, stats);
    const float *h = dm_lm_state_h(&s->st, m, m->nlayers - 1);
    memcpy(s->st.logits, m->dec_b, (size_t)m->ntoken * sizeof(float));
    cblas_sgemv(CblasRowMajor, CblasNoTrans, m->ntoken, m->nhid, 1.0f, m->dec_w, m->nhid, h, 1, 1.0f, s->st.logits,
                1);
    if (stats) {
        stats->dec_bytes += (double)((size_t)m->ntoken * m->nhid + m->ntoken) * sizeof(float);
        stats->steps++;
    }
}

void dm_dual_seq_run(const dm_dual *d, dm_dual_state *s, dm_lm_seq *q, const int *tokens, int n, int audit,
                     dm_dual_stats *stats)
{
    const dm_lm *m = d->big;
    int E = m->emsize, H = m->nhid;
    for (int t = 0; t < n; t++)
        memcpy(q->x + (size_t)t * E, m->emb + (size_t)tokens[t] * E, (size_t)E * sizeof(float));
    for (int l = 0; l < m->nlayers; l++) {
        const dm_rnn_layer *L = &m->layer[l];
        int R = L->rows;
        dm_lm_input_proj(m, l, q->x, n, q->gin);
        for (int t = 0; t < n; t++) {
            dual_layer_step(d, s, l, q->x + (size_t)t * L->in, q->gin + (size_t)t * R, audit, stats);
            memcpy(q->hout + (size_t)t * H, dm_lm_state_h(&s->st, m, l), (size_t)H * sizeof(float));
        }
        memcpy(q->x, q->hout, (size_t)n * H * sizeof(float));
    }
    for (int t = 0; t < n; t++)
        memcpy(q->logits + (size_t)t * m->ntoken, m->dec_b, (size_t)m->ntoken * sizeof(float));
    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, n, m->ntoken, H, 1.0f, q->hout, H, m->dec_w, H, 1.0f,
                q->logits, m->ntoken);
    if (stats) {
        stats->dec_bytes += (double)((size_t)m->ntoken * m->nhid + m->ntoken) * sizeof(float) * n;
        stats->steps += n;
    }
}

/* ---- evaluation ---- */

/* log-softmax of a whole row into out (double) and, when p is not NULL, the
 * probabilities into p; returns the argmax. */
static int log_softmax_row(const float *logits, int n, double *out, double *p)
{
    float mx = logits[0];
    int am = 0;
    for (int i = 1; i < n; i++)
        if (logits[i] > mx)
            mx = logits[i], am = i;
    double sum = 0;
    for (int i = 0; i < n; i++) {
        double e = (double)expf(logits[i] - mx);
        if (p)
            p[i] = e;
        sum += e;
    }
    double ls = log(sum), inv = 1.0 / sum;
    for (int i = 0; i < n; i++)
        out[i] = ((double)logits[i] - (double)mx) - ls;
    if (p)
        for (int i = 0; i < n; i++)
            p[i] *= inv;
    return am;
}

int dm_eval_lm_dual(const dm_dual *d, const dm_corpus *c, const dm_eval_opts *o, int audit, dm_dual_result *r,
                    dm_err *err)
{
    const dm_lm *m = d->big;
    dm_eval_opts def = {0};
    if (!o)
        o = &def;
    memset(r, 0, sizeof *r);
    if (c->n < 2)
        return dm_errf(err, "data has %ld token(s); at least 2 are needed", c->n);
    for (long i = 0; i < c->n; i++)
        if (c->ids[i] < 0 || c->ids[i] >= m->ntoken)
            return dm_errf(err, "token %ld has id %d outside the model's vocabulary of %d", i, c->ids[i],
                           m->ntoken);
    /* the dense side runs the whole-sequence path chunk by chunk (same numbers, faster) */
    enum { CH = 64 };
    dm_lm_seq dq;
    dm_dual_state qs;
    double *lpd = malloc((size_t)m->ntoken * sizeof(double)), *lpq = malloc((size_t)m->ntoken * sizeof(double));
    double *pd = malloc((size_t)m->ntoken * sizeof(double));
    if (!lpd || !lpq || !pd) {
        free(lpd), free(lpq), free(pd);
        return dm_errf(err, "out of memory");
    }
    if (dm_lm_seq_init(&dq, m, CH, err)) {
        free(lpd), free(lpq), free(pd);
        return -1;
    }
    if (dm_dual_state_init(&qs, d, err)) {
        dm_lm_seq_free(&dq);
        free(lpd), free(lpq), free(pd);
        return -1;
    }
    dm_lm_seq qq = {0};
    int seq = o->path == DM_PATH_SEQ;
    if (seq && dm_lm_seq_init(&qq, m, CH, err)) {
        dm_dual_state_free(&qs);
        dm_lm_seq_free(&dq);
        free(lpd), free(lpq), free(pd);
        return -1;
    }
    dm_lm_seq_reset(&dq, m);
    dm_dual_state_reset(&qs, d);
    dm_nll_acc ad = {0}, aq = {0};
    double kl = 0;
    long agree = 0;
    double every = o->progress_every_s > 0 ? o->progress_every_s : 0.2;
    double t0 = dm_now(), next = t0 + every;
    long npred = c->n - 1, i = 0;
    int stop = 0;
    while (i < npred && !stop) {
        int n = (int)(npred - i < CH ? npred - i : CH);
        dm_lm_seq_run(m, &dq, c->ids + i, n);
        if (seq)
            dm_dual_seq_run(d, &qs, &qq, c->ids + i, n, audit, &r->stats);
        for (int t = 0; t < n; t++, i++) {
            if (!seq)
                dm_dual_step(d, &qs, c->ids[i], audit, &r->stats);
            int tgt = c->ids[i + 1];
            int amd = log_softmax_row(dq.logits + (size_t)t * m->ntoken, m->ntoken, lpd, pd);
            int amq = log_softmax_row(seq ? qq.logits + (size_t)t * m->ntoken : qs.st.logits, m->ntoken, lpq, NULL);
            double k = 0;
            for (int v = 0; v < m->ntoken; v++)
                k += pd[v] * (lpd[v] - lpq[v]);
            kl += k;
            agree += amd == amq;
            dm_nll_add(&ad, -lpd[tgt]);
            dm_nll_add(&aq, -lpq[tgt]);
        }
        if (o->cancel && *o->cancel) {
            r->dual.cancelled = r->dense.cancelled = 1;
            stop = 1;
        }
        double now = dm_now();
        if (o->progress && now >= next) {
            /* partial figures in *r too (the callback's owner may read them) */
            dm_nll_result(&aq, &r->dual);
            dm_nll_result(&ad, &r->dense);
            r->dual.items = r->dense.items = i;
            r->dual.seconds = r->dense.seconds = now - t0;
            r->kld = i ? kl / (double)i : 0;
            r->top1_agree = i ? (double)agree / (double)i : 0;
            o->progress(&r->dual, npred, o->progress_ud);
            next = now + every;
        }
    }
    dm_nll_result(&ad, &r->dense);
    dm_nll_result(&aq, &r->dual);
    double secs = dm_now() - t0;
    r->dense.items = r->dual.items = r->dual.cancelled ? i : c->n;
    r->dense.seconds = r->dual.seconds = secs;
    r->dense.items_per_s = r->dual.items_per_s = secs > 0 ? (double)i / secs : 0;
    r->kld = i ? kl / (double)i : 0;
    r->top1_agree = i ? (double)agree / (double)i : 0;
    dm_dual_state_free(&qs);
    dm_lm_seq_free(&dq);
    dm_lm_seq_free(&qq);
    free(lpd), free(lpq), free(pd);
    return 0;
}

/* ---- summaries ---- */

#define FOR_GATES(s, layer, gate, body)                                                                    \
    for (int l_ = 0; l_ < DM_LM_MAX_LAYERS; l_++)                                                            \
        for (int g_ = 0; g_ < DM_GATES_MAX; g_++)                                                            \
            if ((layer < 0 || layer == l_) && (gate < 0 || gate == g_)) {                                    \
                const dm_gate_stats *G_ = &(s)->gate[l_][g_];                                                \
                body;                                                                                        \
            }

double dm_stats_ratio(const dm_dual_stats *s, int layer, int gate)
{
    double a = 0, b = 0;
    FOR_GATES(s, layer, gate, { a += (double)G_->insens; b += (double)G_->total; });
    return b > 0 ? a / b : 0;
}

double dm_stats_recall(const dm_dual_stats *s, int layer, int gate)
{
    double a = 0, b = 0;
    FOR_GATES(s, layer, gate, { a += (double)G_->both_insens; b += (double)G_->oracle_insens; });
    return b > 0 ? a / b : NAN;
}

double dm_stats_false_insens(const dm_dual_stats *s, int layer, int gate)
{
    double a = 0, b = 0;
    FOR_GATES(s, layer, gate, { a += (double)(G_->insens - G_->both_insens); b += (double)G_->insens; });
    return b > 0 ? a / b : NAN;
}

double dm_stats_cos(const dm_dual_stats *s, int layer, int gate, int post)
{
    double dot = 0, na = 0, nb = 0;
    FOR_GATES(s, layer, gate, {
        dot += post ? G_->dot_post : G_->dot_pre;
        na += post ? G_->nd_post : G_->nd_pre;
        nb += post ? G_->nb_post : G_->nb_pre;
    });
    return na > 0 && nb > 0 ? dot / sqrt(na * nb) : NAN;
}

/* ---- noise study (PAPER.md Table 1) ---- */

static double gauss(uint64_t *s)
{
    uint64_t a = (*s ^= *s << 13, *s ^= *s >> 7, *s ^= *s << 17);
    uint64_t b = (*s ^= *s << 13, *s ^= *s >> 7, *s ^= *s << 17);
    double u1 = ((double)(a >> 11) + 0.5) / 9007199254740992.0, u2 = (double)(b >> 11) / 9007199254740992.0;
    return sqrt(-2.0 * log(u1)) * cos(6.283185307179586 * u2);
}

int dm_eval_lm_noise(const dm_lm *m, const dm_corpus *c, int half, double beta, dm_policy policy, uint64_t seed,
                     const dm_eval_opts *o, dm_eval_result *r, dm_dual_stats *st, dm_err *err)
{
    dm_eval_opts def = {0};
    if (!o)
        o = &def;
    memset(r, 0, sizeof *r);
    memset(st, 0, sizeof *st);
    if (c->n < 2)
        return dm_errf(err, "data has %ld token(s); at least 2 are needed", c->n);
    int H = m->nhid, R = dm_lm_pre_rows(m);
    dm_lm_state s;
    if (dm_lm_state_init(&s, m, err))
        return -1;
    float *pre = dm_alloc((size_t)R * sizeof(float)), *clean = dm_alloc((size_t)R * sizeof(float));
    float *sc = dm_alloc((size_t)H * sizeof(float)), *tmp = dm_alloc((size_t)H * sizeof(float));
    float *a = dm_alloc((size_t)H * sizeof(float)), *b = dm_alloc((size_t)H * sizeof(float));
    double *nz = malloc((size_t)H * sizeof(double));
    if (!pre || !clean || !sc || !tmp || !a || !b || !nz) {
        dm_free(pre), dm_free(clean), dm_free(sc), dm_free(tmp), dm_free(a), dm_free(b), free(nz);
        dm_lm_state_free(&s);
        return dm_errf(err, "out of memory");
    }
    dm_lm_state_reset(&s, m);
    uint64_t rng = seed * 0x9e3779b97f4a7c15ULL + 12345;
    dm_nll_acc ac = {0};
    double t0 = dm_now(), next = t0 + (o->progress_every_s > 0 ? o->progress_every_s : 0.2);
    long npred = c->n - 1, i;
    for (i = 0; i < npred; i++) {
        const float *x = m->emb + (size_t)c->ids[i] * m->emsize;
        for (int l = 0; l < m->nlayers; l++) {
            const dm_rnn_layer *L = &m->layer[l];
            float *xh = s.xh[l];
            memcpy(xh, x, (size_t)L->in * sizeof(float));
            dm_lm_pre_batch(m, l, xh, 1, pre);
            memcpy(clean, pre, (size_t)R * sizeof(float));
            for (int g = 0; g < m->gates; g++) {
                dm_act act = dm_gate_act(m, g);
                float *p = pre + (size_t)g * H;
                /* the gate's own pre-activation (GRU n: nx + r * nh with the clean r) */
                for (int j = 0; j < H; j++) {
                    float v = p[j];
                    if (m->cell == DM_CELL_GRU && g == 2)
                        v = clean[2 * H + j] + act_apply(DM_ACT_SIGMOID, clean[j]) * clean[3 * H + j];
                    a[j] = v;
                    sc[j] = score_of(act, policy, v, 1.0f);
                }
                float med = kth_largest(sc, H, H / 2 - 1 < 0 ? 0 : H / 2 - 1, tmp);
                double nn = 0, pn = 0;
                int cnt = 0;
                for (int j = 0; j < H; j++) {
                    pn += (double)a[j] * a[j];
                    int insens = sc[j] >= med && cnt < H / 2;
                    if (insens)
                        cnt++;
                    nz[j] = 0;
                    if (insens == half) {
                        nz[j] = gauss(&rng);
                        nn += nz[j] * nz[j];
                    }
                }
                double scale = nn > 0 ? beta * sqrt(pn) / sqrt(nn) : 0;
                for (int j = 0; j < H; j++) {
                    p[j] += (float)(nz[j] * scale);
                    b[j] = a[j] + (float)(nz[j] * scale);
                }
                dm_gate_stats *gs = &st->gate[l][g];
                gs->total += H;
                add_cos(gs, b, a, H, 0, act);
                add_cos(gs, b, a, H, 1, act);
            }
            float *g = s.gates;
            memcpy(g, pre, (size_t)m->gates * H * sizeof(float));
            if (m->cell == DM_CELL_GRU)
                memcpy(s.ghn, pre + 3 * H, (size_t)H * sizeof(float));
            dm_lm_cell_update(m, g, s.ghn, xh + L->in, s.c[l]);
            x = xh + L->in;
        }
        const float *h = dm_lm_state_h(&s, m, m->nlayers - 1);
        memcpy(s.logits, m->dec_b, (size_t)m->ntoken * sizeof(float));
        cblas_sgemv(CblasRowMajor, CblasNoTrans, m->ntoken, m->nhid, 1.0f, m->dec_w, m->nhid, h, 1, 1.0f, s.logits, 1);
        double lp = dm_log_softmax_at(s.logits, m->ntoken, c->ids[i + 1]);
        dm_nll_add(&ac, -lp);
        if ((i & 63) == 63) {
            if (o->cancel && *o->cancel) {
                r->cancelled = 1;
                i++;
                break;
            }
            double now = dm_now();
            if (o->progress && now >= next) {
                dm_nll_result(&ac, r);
                r->items = i + 1;
                r->seconds = now - t0;
                o->progress(r, npred, o->progress_ud);
                next = now + 0.2;
            }
        }
    }
    dm_nll_result(&ac, r);
    r->items = r->cancelled ? i : c->n;
    r->seconds = dm_now() - t0;
    r->items_per_s = r->seconds > 0 ? (double)i / r->seconds : 0;
    dm_free(pre), dm_free(clean), dm_free(sc), dm_free(tmp), dm_free(a), dm_free(b), free(nz);
    dm_lm_state_free(&s);
    return 0;
}
