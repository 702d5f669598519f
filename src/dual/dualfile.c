/* dualfile.c - deployable dual modules: save a built engine to a safetensors
 * file and load it back onto the model's sites (format: dualfile.h).
 *
 * Loading trusts nothing: every metadata field is parsed strictly, every
 * tensor's dtype and shape is checked against the model's sites, every
 * value against its range (finite floats, quantized codes within the bit
 * width, projection indices inside the stream, sorted calibration scores),
 * and the thresholds the scores give against the saved ones; a tensor the
 * format does not name is an error too. */
#define _POSIX_C_SOURCE 200809L
#include "dualfile.h"

#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "safetensors.h"

_Static_assert(sizeof(int) == 4, "projection indices are stored as I32");

#define SEED_STEP 0x9e3779b97f4a7c15ULL /* little.c: stream s of an SRP fit draws from seed + s * SEED_STEP */

/* ---- saving ---- */

static size_t tensor_bytes(const dm_st_wtensor *t)
{
    size_t n = dm_dtype_size(t->dtype);
    for (int i = 0; i < t->ndim; i++)
        n *= (size_t)t->shape[i];
    return n;
}

typedef struct saver {
    dm_st_wtensor *t;
    int nt, capt;
    void **own; /* names, values and buffers freed at the end */
    int nown, capown;
    const char **meta; /* key, value, key, value, ... */
    int nmeta, capm;   /* pairs */
    int oom;
} saver;

static void *sv_keep(saver *s, void *p)
{
    if (!p) {
        s->oom = 1;
        return NULL;
    }
    if (s->nown == s->capown) {
        int nc = s->capown ? 2 * s->capown : 64;
        void **n = realloc(s->own, (size_t)nc * sizeof *n);
        if (!n) {
            free(p);
            s->oom = 1;
            return NULL;
        }
        s->own = n, s->capown = nc;
    }
    s->own[s->nown++] = p;
    return p;
}

static char *sv_vstrf(saver *s, const char *fmt, va_list ap) __attribute__((format(printf, 2, 0)));
static char *sv_vstrf(saver *s, const char *fmt, va_list ap)
{
    va_list aq;
    va_copy(aq, ap);
    int n = vsnprintf(NULL, 0, fmt, aq);
    va_end(aq);
    char *p = n >= 0 ? malloc((size_t)n + 1) : NULL;
    if (p)
        vsnprintf(p, (size_t)n + 1, fmt, ap);
    return sv_keep(s, p);
}

static char *sv_strf(saver *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static char *sv_strf(saver *s, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *p = sv_vstrf(s, fmt, ap);
    va_end(ap);
    return p;
}

/* metadata key (already formatted) = printf(fmt, ...) */
static void sv_meta(saver *s, const char *key, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void sv_meta(saver *s, const char *key, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *v = sv_vstrf(s, fmt, ap);
    va_end(ap);
    if (!key || !v)
        return;
    if (s->nmeta == s->capm) {
        int nc = s->capm ? 2 * s->capm : 64;
        const char **n = realloc(s->meta, (size_t)nc * 2 * sizeof *n);
        if (!n) {
            s->oom = 1;
            return;
        }
        s->meta = n, s->capm = nc;
    }
    s->meta[2 * s->nmeta] = key;
    s->meta[2 * s->nmeta + 1] = v;
    s->nmeta++;
}

static void sv_tensor(saver *s, const char *name, dm_dtype dt, int ndim, int64_t d0, int64_t d1, const void *data)
{
    if (!name || !data)
        return;
    if (s->nt == s->capt) {
        int nc = s->capt ? 2 * s->capt : 64;
        dm_st_wtensor *n = realloc(s->t, (size_t)nc * sizeof *n);
        if (!n) {
            s->oom = 1;
            return;
        }
        s->t = n, s->capt = nc;
    }
    s->t[s->nt++] = (dm_st_wtensor){.name = name, .dtype = dt, .ndim = ndim, .shape = {d0, d1}, .data = data};
}

static void sv_free(saver *s)
{
    for (int i = 0; i < s->nown; i++)
        free(s->own[i]);
    free(s->own);
    free(s->t);
    free(s->meta);
}

/* Save the calibration scores of one activation: all of them, or those at
 * the ranks the quantile ratios and the site's ratio pick. */
static int save_cal(saver *sv, const dm_engine_site *es, int a, int full, dm_err *err)
{
    long n = es->ncal[a];
    const char *nm = es->site.name, *an = dm_act_name((dm_act)a);
    sv_meta(sv, sv_strf(sv, "site.%s.cal.%s.n", nm, an), "%ld", n);
    if (n == 0)
        return 0;
    if (n > INT_MAX)
        return dm_errf(err, "site %s: %ld calibration scores of %s (at most %d can be saved)", nm, n, an, INT_MAX);
    if (full) {
        sv_tensor(sv, sv_strf(sv, "site.%s.cal.%s", nm, an), DM_DT_F32, 1, n, 0, es->cal[a]);
        return 0;
    }
    unsigned char *mark = calloc((size_t)n, 1);
    if (!mark)
        return dm_errf(err, "out of memory");
    mark[0] = mark[n - 1] = 1;
    /* the ranks dm_engine_set_ratio takes: n - llround(r * n) */
    for (int j = 1; j < DM_DUAL_FILE_QUANTILES; j++) {
        double r = (double)j / DM_DUAL_FILE_QUANTILES;
        long want = (long)llround(r * (double)n);
        if (want >= 1 && want <= n)
            mark[n - want] = 1;
    }
    if (es->ratio > 0.0 && es->ratio < 1.0) {
        long want = (long)llround(es->ratio * (double)n);
        if (want >= 1 && want <= n)
            mark[n - want] = 1;
    }
    long m = 0;
    for (long i = 0; i < n; i++)
        m += mark[i];
    if (m == n) { /* as many ranks as scores: keep them all */
        free(mark);
        sv_tensor(sv, sv_strf(sv, "site.%s.cal.%s", nm, an), DM_DT_F32, 1, n, 0, es->cal[a]);
        return 0;
    }
    float *val = sv_keep(sv, malloc((size_t)m * sizeof(float)));
    int32_t *idx = sv_keep(sv, malloc((size_t)m * sizeof(int32_t)));
    if (!val || !idx) {
        free(mark);
        return dm_errf(err, "out of memory");
    }
    long w = 0;
    for (long i = 0; i < n; i++)
        if (mark[i]) {
            val[w] = es->cal[a][i];
            idx[w++] = (int32_t)i;
        }
    free(mark);
    sv_tensor(sv, sv_strf(sv, "site.%s.cal.%s", nm, an), DM_DT_F32, 1, m, 0, val);
    sv_tensor(sv, sv_strf(sv, "site.%s.cal.%s.index", nm, an), DM_DT_I32, 1, m, 0, idx);
    return 0;
}

static int save_site(saver *sv, const dm_engine *e, int i, int full, dm_err *err)
{
    const dm_engine_site *es = &e->s[i];
    const dm_site *st = &es->site;
    const dm_little *L = &es->little;
    const char *nm = st->name;
    int nb = st->blocks > 1 ? st->blocks : 1;
    if (!L->wq || !L->bias || !es->sigma)
        return dm_errf(err, "site %s: the little module is not built", nm);
    unsigned f = e->cfg.site_set[i];
    sv_meta(sv, sv_strf(sv, "site.%s.kind", nm), "%s", st->ops ? st->ops->kind : "");
    sv_meta(sv, sv_strf(sv, "site.%s.override", nm), "%s%s%s%s%s", (f & DM_SITE_SET_RATIO) ? "ratio" : "",
            (f & DM_SITE_SET_RATIO) && (f & (DM_SITE_SET_BITS | DM_SITE_SET_K)) ? "," : "",
            (f & DM_SITE_SET_BITS) ? "bits" : "", (f & DM_SITE_SET_BITS) && (f & DM_SITE_SET_K) ? "," : "",
            (f & DM_SITE_SET_K) ? "k" : "");
    sv_meta(sv, sv_strf(sv, "site.%s.ratio", nm), "%.17g", es->ratio);
    sv_meta(sv, sv_strf(sv, "site.%s.bits", nm), "%d", es->bits);
    sv_meta(sv, sv_strf(sv, "site.%s.k", nm), "%d", es->k);
    long per[DM_ACT_COUNT] = {0}, steps = -1;
    for (int g = 0; g < st->ngroups; g++)
        per[st->group[g].act] += st->group[g].n;
    for (int a = 0; a < DM_ACT_COUNT; a++)
        if (per[a] && steps < 0)
            steps = es->ncal[a] / per[a];
    sv_meta(sv, sv_strf(sv, "site.%s.cal_steps", nm), "%ld", steps < 0 ? 0 : steps);

    sv_tensor(sv, sv_strf(sv, "site.%s.little.bias", nm), DM_DT_F32, 1, L->rows, 0, L->bias);
    if (L->bits == 0) {
        sv_tensor(sv, sv_strf(sv, "site.%s.little.w", nm), DM_DT_F32, 2, L->rows, L->kk, L->wq);
    } else {
        size_t n = (size_t)L->rows * L->kk;
        if (L->bits <= 8) {
            int8_t *q8 = sv_keep(sv, malloc(n ? n : 1));
            if (!q8)
                return dm_errf(err, "out of memory");
            for (size_t j = 0; j < n; j++)
                q8[j] = (int8_t)L->q[j];
            sv_tensor(sv, sv_strf(sv, "site.%s.little.q", nm), DM_DT_I8, 2, L->rows, L->kk, q8);
        } else {
            sv_tensor(sv, sv_strf(sv, "site.%s.little.q", nm), DM_DT_I16, 2, L->rows, L->kk, L->q);
        }
        sv_tensor(sv, sv_strf(sv, "site.%s.little.qscale", nm), DM_DT_F32, 1, L->rows, 0, L->qscale);
    }
    double *fit = sv_keep(sv, malloc(3 * sizeof(double)));
    if (!fit)
        return dm_errf(err, "out of memory");
    fit[0] = L->mse, fit[1] = L->var, fit[2] = L->mse_fp32;
    sv_tensor(sv, sv_strf(sv, "site.%s.little.fit", nm), DM_DT_F64, 1, 3, 0, fit);
    for (int q = 0; q < L->ns; q++) {
        const dm_proj *p = &L->proj[q];
        int kb = p->k / nb, db = p->d / nb;
        sv_meta(sv, sv_strf(sv, "site.%s.proj.%d.seed", nm, q), "%llu", (unsigned long long)p->seed);
        if (p->kind == DM_PROJ_SRP) {
            int nnz = p->rowptr[kb];
            sv_tensor(sv, sv_strf(sv, "site.%s.proj.%d.rowptr", nm, q), DM_DT_I32, 1, kb + 1, 0, p->rowptr);
            /* zero non-zeros: a one-byte placeholder buffer behind an empty tensor */
            sv_tensor(sv, sv_strf(sv, "site.%s.proj.%d.cols", nm, q), DM_DT_I32, 1, nnz, 0,
                      nnz ? (const void *)p->cols : (const void *)"");
            sv_tensor(sv, sv_strf(sv, "site.%s.proj.%d.sign", nm, q), DM_DT_I8, 1, nnz, 0,
                      nnz ? (const void *)p->sign : (const void *)"");
            sv_tensor(sv, sv_strf(sv, "site.%s.proj.%d.scale", nm, q), DM_DT_F32, 1, 1, 0, &p->scale);
        } else {
            float *d = sv_keep(sv, malloc((size_t)kb * db * sizeof(float)));
            if (!d)
                return dm_errf(err, "out of memory");
            for (int j = 0; j < kb; j++)
                memcpy(d + (size_t)j * db, p->dense + (size_t)j * p->d, (size_t)db * sizeof(float));
            sv_tensor(sv, sv_strf(sv, "site.%s.proj.%d.dense", nm, q), DM_DT_F32, 2, kb, db, d);
        }
    }
    sv_tensor(sv, sv_strf(sv, "site.%s.sigma", nm), DM_DT_F32, 1, L->rows, 0, es->sigma);
    for (int a = 0; a < DM_ACT_COUNT; a++)
        if (per[a] && save_cal(sv, es, a, full, err))
            return -1;
    sv_tensor(sv, sv_strf(sv, "site.%s.theta", nm), DM_DT_F32, 1, DM_ACT_COUNT, 0, es->theta);
    /* gate groups with a ratio of their own: the ratios, every calibration score of each of the site's groups
     * (the groups that keep the site's ratio share a threshold from their merged scores, which kept ranks
     * cannot give exactly) and the groups' thresholds */
    char own[160] = "";
    size_t ol = 0;
    for (int g = 0; g < st->ngroups; g++)
        if (es->gown[g]) {
            int w = snprintf(own + ol, sizeof own - ol, "%s%s", ol ? "," : "", st->group[g].name);
            ol += w > 0 && (size_t)w < sizeof own - ol ? (size_t)w : 0;
        }
    if (ol) {
        sv_meta(sv, sv_strf(sv, "site.%s.groups_own", nm), "%s", own);
        for (int g = 0; g < st->ngroups; g++) {
            const char *gn = st->group[g].name;
            if (es->gown[g])
                sv_meta(sv, sv_strf(sv, "site.%s.group.%s.ratio", nm, gn), "%.17g", es->gratio[g]);
            if (es->gncal[g] > INT_MAX)
                return dm_errf(err, "site %s: %ld calibration scores of group %s (at most %d can be saved)", nm,
                               es->gncal[g], gn, INT_MAX);
            sv_meta(sv, sv_strf(sv, "site.%s.gcal.%s.n", nm, gn), "%ld", es->gncal[g]);
            if (es->gncal[g])
                sv_tensor(sv, sv_strf(sv, "site.%s.gcal.%s", nm, gn), DM_DT_F32, 1, es->gncal[g], 0, es->gcal[g]);
        }
        sv_tensor(sv, sv_strf(sv, "site.%s.gtheta", nm), DM_DT_F32, 1, st->ngroups, 0, es->gtheta);
    }
    return 0;
}

int dm_engine_save(const dm_engine *e, const char *path, const dm_dual_file_info *info, dm_err *err)
{
    if (!e || !e->s || e->nsites < 1)
        return dm_errf(err, "%s: no built dual module to save", path);
    saver sv;
    memset(&sv, 0, sizeof sv);
    char created[32];
    if (info && info->created[0]) {
        snprintf(created, sizeof created, "%s", info->created);
    } else {
        time_t now = time(NULL);
        struct tm tmv;
        gmtime_r(&now, &tmv);
        strftime(created, sizeof created, "%Y-%m-%dT%H:%M:%SZ", &tmv);
    }
    const dm_dual_cfg *c = &e->cfg;
    sv_meta(&sv, "format", "%s", DM_DUAL_FILE_FORMAT);
    sv_meta(&sv, "format_version", "%d", DM_DUAL_FILE_VERSION);
    sv_meta(&sv, "model_hash", "%016llx", (unsigned long long)(info ? info->model_hash : 0));
    sv_meta(&sv, "model", "%s", info ? info->model : "");
    sv_meta(&sv, "family", "%s", info ? info->family : "");
    sv_meta(&sv, "source", "%s", info ? info->source : "");
    sv_meta(&sv, "created", "%s", created);
    sv_meta(&sv, "dualmod_version", "%s", info ? info->version : "");
    sv_meta(&sv, "cal", "%s", info && info->full_cal ? "full" : "quantiles");
    size_t nl = 1;
    for (int i = 0; i < e->nsites; i++)
        nl += strlen(e->s[i].site.name) + 1;
    char *names = sv_keep(&sv, calloc(nl, 1));
    for (int i = 0; names && i < e->nsites; i++) {
        if (i)
            strcat(names, ",");
        strcat(names, e->s[i].site.name);
    }
    sv_meta(&sv, "sites", "%s", names ? names : "");
    sv_meta(&sv, "nsites", "%d", e->nsites);
    sv_meta(&sv, "ratio", "%.17g", c->ratio);
    sv_meta(&sv, "mode", "%s", dm_mode_name(c->mode));
    sv_meta(&sv, "policy", "%s", dm_policy_name(c->policy));
    sv_meta(&sv, "predictor", "%s", dm_predictor_name(c->predictor));
    sv_meta(&sv, "proj", "%s", dm_proj_name(c->proj));
    sv_meta(&sv, "seed", "%llu", (unsigned long long)c->seed);
    sv_meta(&sv, "k", "%d", c->k);
    sv_meta(&sv, "eps", "%.17g", c->eps);
    sv_meta(&sv, "bits", "%d", c->bits);
    sv_meta(&sv, "lambda", "%.17g", c->lambda);
    sv_meta(&sv, "k_resolved", "%d", e->k);
    int rc = 0;
    for (int i = 0; i < e->nsites && !rc; i++)
        rc = save_site(&sv, e, i, info && info->full_cal, err);
    if (!rc && sv.oom)
        rc = dm_errf(err, "out of memory");
    if (!rc) { /* a checksum of every tensor's bytes, in file order: damage anywhere is caught on load */
        uint64_t h = DM_FNV_INIT;
        for (int i = 0; i < sv.nt; i++)
            h = dm_fnv1a(h, sv.t[i].data, tensor_bytes(&sv.t[i]));
        sv_meta(&sv, "data_fnv1a", "%016llx", (unsigned long long)h);
        if (sv.oom)
            rc = dm_errf(err, "out of memory");
    }
    if (rc)
        dm_err_prefix(err, "%s", path);
    else
        rc = dm_st_write(path, sv.t, sv.nt, sv.meta, sv.nmeta, err);
    sv_free(&sv);
    return rc;
}

/* ---- loading ---- */

typedef struct loader {
    const char *path;
    dm_st_file f;
    unsigned char *used; /* per tensor of f */
    dm_err *err;
} loader;

static const char *meta_str(loader *l, const char *key)
{
    const char *v = dm_st_meta(&l->f, key);
    if (!v)
        dm_errf(l->err, "%s: metadata '%s' is missing (a dualmod dual file has it)", l->path, key);
    return v;
}

static int meta_long(loader *l, const char *key, long lo, long hi, long *out)
{
    const char *v = meta_str(l, key);
    if (!v)
        return -1;
    char *end;
    errno = 0;
    long x = strtol(v, &end, 10);
    if (errno || end == v || *end || x < lo || x > hi)
        return dm_errf(l->err, "%s: metadata '%s' is '%.40s': expected an integer from %ld to %ld", l->path, key,
                       v, lo, hi);
    *out = x;
    return 0;
}

static int meta_int(loader *l, const char *key, int lo, int hi, int *out)
{
    long x;
    if (meta_long(l, key, lo, hi, &x))
        return -1;
    *out = (int)x;
    return 0;
}

static int meta_double(loader *l, const char *key, double lo, double hi, double *out)
{
    const char *v = meta_str(l, key);
    if (!v)
        return -1;
    char *end;
    errno = 0;
    double x = strtod(v, &end);
    if (errno || end == v || *end || !(x >= lo && x <= hi))
        return dm_errf(l->err, "%s: metadata '%s' is '%.40s': expected a number from %g to %g", l->path, key, v,
                       lo, hi);
    *out = x;
    return 0;
}

static int meta_u64(loader *l, const char *key, int hex, uint64_t *out)
{
    const char *v = meta_str(l, key);
    if (!v)
        return -1;
    char *end;
    errno = 0;
    unsigned long long x = strtoull(v, &end, hex ? 16 : 10);
    if (errno || end == v || *end || v[0] == '-' || v[0] == '+' || (hex && strlen(v) != 16))
        return dm_errf(l->err, "%s: metadata '%s' is '%.40s': expected %s", l->path, key, v,
                       hex ? "16 hexadecimal digits" : "an unsigned integer");
    *out = (uint64_t)x;
    return 0;
}

/* The tensor name with this dtype and shape (d1 < 0: one dimension); NULL
 * with the error set when absent or different. Marks it used. */
static const dm_st_tensor *tensor(loader *l, const char *name, dm_dtype dt, int64_t d0, int64_t d1)
{
    const dm_st_tensor *t = dm_st_find(&l->f, name);
    if (!t) {
        dm_errf(l->err, "%s: tensor '%s' is missing", l->path, name);
        return NULL;
    }
    int nd = d1 < 0 ? 1 : 2;
    if (t->dtype != dt) {
        dm_errf(l->err, "%s: tensor '%s' is %s, expected %s", l->path, name, dm_dtype_name(t->dtype),
                dm_dtype_name(dt));
        return NULL;
    }
    if (t->ndim != nd || t->shape[0] != d0 || (nd == 2 && t->shape[1] != d1)) {
        char got[96] = "", want[64];
        size_t n = 0;
        for (int i = 0; i < t->ndim && n < sizeof got - 24; i++)
            n += (size_t)snprintf(got + n, sizeof got - n, "%s%lld", i ? ", " : "", (long long)t->shape[i]);
        if (nd == 1)
            snprintf(want, sizeof want, "%lld", (long long)d0);
        else
            snprintf(want, sizeof want, "%lld, %lld", (long long)d0, (long long)d1);
        dm_errf(l->err, "%s: tensor '%s' has shape [%s], expected [%s] (the model's site)", l->path, name, got,
                want);
        return NULL;
    }
    l->used[t - l->f.tensors] = 1;
    return t;
}

/* An F32 tensor copied into a new aligned buffer, every value finite and >= lo. */
static float *tensor_f32(loader *l, const char *name, int64_t d0, int64_t d1, float lo)
{
    const dm_st_tensor *t = tensor(l, name, DM_DT_F32, d0, d1);
    if (!t)
        return NULL;
    float *p = dm_alloc(t->nbytes ? t->nbytes : 1);
    if (!p) {
        dm_errf(l->err, "%s: out of memory reading '%s'", l->path, name);
        return NULL;
    }
    memcpy(p, t->data, t->nbytes);
    for (int64_t i = 0; i < t->numel; i++)
        if (!isfinite(p[i]) || p[i] < lo) {
            dm_errf(l->err, "%s: tensor '%s' value %lld is %g (expected a finite number%s)", l->path, name,
                    (long long)i, (double)p[i], lo > -INFINITY ? " >= 0" : "");
            dm_free(p);
            return NULL;
        }
    return p;
}

static int32_t *tensor_i32(loader *l, const char *name, int64_t d0)
{
    const dm_st_tensor *t = tensor(l, name, DM_DT_I32, d0, -1);
    if (!t)
        return NULL;
    int32_t *p = dm_alloc(t->nbytes ? t->nbytes : 1);
    if (!p)
        dm_errf(l->err, "%s: out of memory reading '%s'", l->path, name);
    else
        memcpy(p, t->data, t->nbytes);
    return p;
}

/* Projection q of site si: one run (kb x db) in the file, repeated over
 * the site's nb runs (little.c's dm_proj_srp_blocks / dm_proj_pca_blocks). */
static int load_proj(loader *l, const dm_site *st, int q, dm_proj_kind kind, int kb, dm_proj *p)
{
    const char *nm = st->name;
    int nb = st->blocks > 1 ? st->blocks : 1, d = st->dim[q], db = d / nb;
    char key[128];
    memset(p, 0, sizeof *p);
    p->kind = kind;
    p->k = kb * nb;
    p->d = d;
    p->blocks = nb > 1 ? nb : 0;
    snprintf(key, sizeof key, "site.%s.proj.%d.seed", nm, q);
    if (meta_u64(l, key, 0, &p->seed))
        return -1;
    if (kind == DM_PROJ_PCA) {
        snprintf(key, sizeof key, "site.%s.proj.%d.dense", nm, q);
        float *b = tensor_f32(l, key, kb, db, -INFINITY);
        if (!b)
            return -1;
        p->scale = 1.0f;
        p->dense = dm_alloc((size_t)p->k * d * sizeof(float));
        if (!p->dense) {
            dm_free(b);
            return dm_errf(l->err, "%s: out of memory", l->path);
        }
        memset(p->dense, 0, (size_t)p->k * d * sizeof(float));
        for (int r = 0; r < nb; r++)
            for (int j = 0; j < kb; j++)
                memcpy(p->dense + (size_t)(r * kb + j) * d + (size_t)r * db, b + (size_t)j * db,
                       (size_t)db * sizeof(float));
        dm_free(b);
        return 0;
    }
    snprintf(key, sizeof key, "site.%s.proj.%d.scale", nm, q);
    float *sc = tensor_f32(l, key, 1, -1, 0.0f);
    if (!sc)
        return -1;
    p->scale = sc[0];
    dm_free(sc);
    if (!(p->scale > 0.0f))
        return dm_errf(l->err, "%s: tensor '%s' is %g (expected a positive scale)", l->path, key, (double)p->scale);
    snprintf(key, sizeof key, "site.%s.proj.%d.rowptr", nm, q);
    int32_t *rp = tensor_i32(l, key, kb + 1);
    if (!rp)
        return -1;
    int bad = rp[0] != 0;
    for (int j = 0; j < kb && !bad; j++)
        bad = rp[j + 1] < rp[j];
    if (bad || (long long)rp[kb] > (long long)kb * db) {
        dm_free(rp);
        return dm_errf(l->err, "%s: tensor '%s' is not a row index (expected 0, non-decreasing, at most %lld)",
                       l->path, key, (long long)kb * db);
    }
    int nnz = rp[kb];
    char kc[128], ks[128];
    snprintf(kc, sizeof kc, "site.%s.proj.%d.cols", nm, q);
    snprintf(ks, sizeof ks, "site.%s.proj.%d.sign", nm, q);
    int32_t *cols = tensor_i32(l, kc, nnz);
    const dm_st_tensor *sg = cols ? tensor(l, ks, DM_DT_I8, nnz, -1) : NULL;
    if (!cols || !sg) {
        dm_free(rp), dm_free(cols);
        return -1;
    }
    const int8_t *sign = sg->data;
    for (int j = 0; j < kb; j++)
        for (int i = rp[j]; i < rp[j + 1]; i++) {
            if (cols[i] < 0 || cols[i] >= db || (i > rp[j] && cols[i] <= cols[i - 1])) {
                dm_errf(l->err, "%s: tensor '%s' value %d is %d (expected increasing columns in row %d, 0..%d)",
                        l->path, kc, i, cols[i], j, db - 1);
                dm_free(rp), dm_free(cols);
                return -1;
            }
            if (sign[i] != 1 && sign[i] != -1) {
                dm_errf(l->err, "%s: tensor '%s' value %d is %d (expected +1 or -1)", l->path, ks, i, sign[i]);
                dm_free(rp), dm_free(cols);
                return -1;
            }
        }
    p->rowptr = dm_alloc(sizeof(int) * ((size_t)p->k + 1));
    p->cols = dm_alloc(sizeof(int) * (size_t)(nnz > 0 ? nnz : 1) * nb);
    p->sign = dm_alloc((size_t)(nnz > 0 ? nnz : 1) * nb);
    if (!p->rowptr || !p->cols || !p->sign) {
        dm_free(rp), dm_free(cols);
        return dm_errf(l->err, "%s: out of memory", l->path);
    }
    int n = 0;
    for (int r = 0; r < nb; r++)
        for (int j = 0; j < kb; j++) {
            p->rowptr[r * kb + j] = n;
            for (int i = rp[j]; i < rp[j + 1]; i++, n++) {
                p->cols[n] = r * db + cols[i];
                p->sign[n] = sign[i];
            }
        }
    p->rowptr[p->k] = n;
    dm_free(rp), dm_free(cols);
    return 0;
}

/* The little module of site i (streams and rows from the site; k, bits from the engine site). */
static int load_little(loader *l, const dm_engine *e, dm_engine_site *es)
{
    const dm_site *st = &es->site;
    const char *nm = st->name;
    dm_little *L = &es->little;
    int nb = st->blocks > 1 ? st->blocks : 1;
    char key[128];
    memset(L, 0, sizeof *L);
    L->ns = st->ns;
    L->in = 0;
    for (int q = 0; q < st->ns; q++)
        L->dim[q] = st->dim[q], L->in += st->dim[q];
    L->rows = st->lrows;
    L->k = es->k * nb;
    L->kk = st->ns * L->k;
    L->bits = es->bits;
    L->lambda = e->cfg.lambda;
    for (int q = 0; q < st->ns; q++)
        if (load_proj(l, st, q, e->cfg.proj, es->k, &L->proj[q]))
            return -1;
    snprintf(key, sizeof key, "site.%s.little.bias", nm);
    if (!(L->bias = tensor_f32(l, key, L->rows, -1, -INFINITY)))
        return -1;
    size_t n = (size_t)L->rows * L->kk;
    if (L->bits == 0) {
        snprintf(key, sizeof key, "site.%s.little.w", nm);
        if (!(L->w = tensor_f32(l, key, L->rows, L->kk, -INFINITY)))
            return -1;
        if (!(L->wq = dm_alloc(n * sizeof(float) + 1)))
            return dm_errf(l->err, "%s: out of memory", l->path);
        memcpy(L->wq, L->w, n * sizeof(float));
    } else {
        snprintf(key, sizeof key, "site.%s.little.qscale", nm);
        if (!(L->qscale = tensor_f32(l, key, L->rows, -1, 0.0f)))
            return -1;
        snprintf(key, sizeof key, "site.%s.little.q", nm);
        const dm_st_tensor *t = tensor(l, key, L->bits <= 8 ? DM_DT_I8 : DM_DT_I16, L->rows, L->kk);
        if (!t)
            return -1;
        L->q = dm_alloc(n * sizeof(int16_t) + 1);
        L->wq = dm_alloc(n * sizeof(float) + 1);
        if (!L->q || !L->wq)
            return dm_errf(l->err, "%s: out of memory", l->path);
        if (L->bits <= 8) {
            const int8_t *q8 = t->data;
            for (size_t j = 0; j < n; j++)
                L->q[j] = q8[j];
        } else {
            memcpy(L->q, t->data, n * sizeof(int16_t));
        }
        int qmax = (1 << (L->bits - 1)) - 1;
        for (int r = 0; r < L->rows; r++)
            for (int j = 0; j < L->kk; j++) {
                int v = L->q[(size_t)r * L->kk + j];
                if (L->bits == 1 ? (v != 1 && v != -1) : (v < -qmax || v > qmax))
                    return dm_errf(l->err, "%s: tensor '%s' [%d, %d] is %d (expected %s for %d bits)", l->path, key,
                                   r, j, v, L->bits == 1 ? "+1 or -1" : "a code within +-(2^(bits-1) - 1)", L->bits);
                /* as dm_little_quantize: the weights used are q * scale */
                L->wq[(size_t)r * L->kk + j] = (float)v * L->qscale[r];
            }
    }
    snprintf(key, sizeof key, "site.%s.little.fit", nm);
    const dm_st_tensor *ft = tensor(l, key, DM_DT_F64, 3, -1);
    if (!ft)
        return -1;
    double fit[3];
    memcpy(fit, ft->data, sizeof fit);
    for (int j = 0; j < 3; j++)
        if (!(fit[j] >= 0.0) || !isfinite(fit[j]))
            return dm_errf(l->err, "%s: tensor '%s' value %d is %g (expected a finite number >= 0)", l->path, key, j,
                           fit[j]);
    L->mse = fit[0], L->var = fit[1], L->mse_fp32 = fit[2];
    snprintf(key, sizeof key, "site.%s.sigma", nm);
    if (!(es->sigma = tensor_f32(l, key, L->rows, -1, 0.0f)))
        return -1;
    return 0;
}

/* The F32 tensor key of m scores, sorted ascending (dm_alloc'd), or NULL
 * with the error set. */
static float *sorted_f32(loader *l, const char *key, int64_t m)
{
    float *val = tensor_f32(l, key, m, -1, -INFINITY);
    if (!val)
        return NULL;
    for (int64_t i = 1; i < m; i++)
        if (val[i] < val[i - 1]) {
            dm_free(val);
            dm_errf(l->err, "%s: tensor '%s' is not sorted (value %lld below the one before)", l->path, key,
                    (long long)i);
            return NULL;
        }
    return val;
}

/* Calibration scores of activation a (per[a] rows per step): all of them,
 * or kept ranks filled upward (each rank takes the next kept score). */
static int load_cal(loader *l, dm_engine_site *es, int a, long per, long steps)
{
    const char *nm = es->site.name, *an = dm_act_name((dm_act)a);
    char key[128];
    long n;
    snprintf(key, sizeof key, "site.%s.cal.%s.n", nm, an);
    if (meta_long(l, key, 0, INT_MAX, &n))
        return -1;
    if (n != per * steps)
        return dm_errf(l->err, "%s: metadata '%s' is %ld, expected %ld (%ld calibration steps x %ld %s rows)",
                       l->path, key, n, per * steps, steps, per, an);
    es->ncal[a] = n;
    if (n == 0)
        return 0;
    snprintf(key, sizeof key, "site.%s.cal.%s", nm, an);
    const dm_st_tensor *t = dm_st_find(&l->f, key);
    if (!t)
        return dm_errf(l->err, "%s: tensor '%s' is missing", l->path, key);
    int64_t m = t->ndim == 1 ? t->shape[0] : -1;
    if (m < 1 || m > n)
        return dm_errf(l->err, "%s: tensor '%s' must be one dimension of 1..%ld scores", l->path, key, n);
    float *val = sorted_f32(l, key, m);
    if (!val)
        return -1;
    if (!(es->cal[a] = malloc((size_t)n * sizeof(float)))) {
        dm_free(val);
        return dm_errf(l->err, "%s: out of memory", l->path);
    }
    char ki[140];
    snprintf(ki, sizeof ki, "%s.index", key);
    if (m == n && !dm_st_find(&l->f, ki)) {
        memcpy(es->cal[a], val, (size_t)n * sizeof(float));
        dm_free(val);
        return 0;
    }
    int32_t *idx = tensor_i32(l, ki, m);
    if (!idx) {
        dm_free(val);
        return -1;
    }
    long i = 0;
    for (int64_t p = 0; p < m; p++) {
        if (idx[p] < 0 || idx[p] >= n || (p > 0 && idx[p] <= idx[p - 1])) {
            dm_errf(l->err, "%s: tensor '%s' value %lld is %d (expected increasing ranks 0..%ld)", l->path, ki,
                    (long long)p, idx[p], n - 1);
            dm_free(val), dm_free(idx);
            return -1;
        }
        for (; i <= idx[p]; i++)
            es->cal[a][i] = val[p];
    }
    for (; i < n; i++)
        es->cal[a][i] = val[m - 1];
    dm_free(val), dm_free(idx);
    return 0;
}

static int parse_override(loader *l, const char *key, unsigned *flags)
{
    const char *v = meta_str(l, key);
    if (!v)
        return -1;
    *flags = 0;
    const char *p = v;
    while (*p) {
        size_t n = strcspn(p, ",");
        if (n == 5 && strncmp(p, "ratio", 5) == 0)
            *flags |= DM_SITE_SET_RATIO;
        else if (n == 4 && strncmp(p, "bits", 4) == 0)
            *flags |= DM_SITE_SET_BITS;
        else if (n == 1 && p[0] == 'k')
            *flags |= DM_SITE_SET_K;
        else
            return dm_errf(l->err, "%s: metadata '%s' is '%.40s': expected knobs among ratio,bits,k", l->path, key,
                           v);
        p += n;
        if (*p == ',')
            p++;
    }
    return 0;
}

/* The global knobs and the per-site overrides. */
static int load_cfg(loader *l, const dm_site *sites, int nsites, dm_dual_cfg *c)
{
    dm_dual_cfg_default(c);
    const char *v;
    if (meta_double(l, "ratio", 0.0, 1.0, &c->ratio) || meta_int(l, "bits", 0, 16, &c->bits) ||
        meta_int(l, "k", 0, INT_MAX, &c->k) || meta_double(l, "eps", 0.0, 1.0, &c->eps) ||
        meta_u64(l, "seed", 0, &c->seed) || meta_double(l, "lambda", 0.0, 1e300, &c->lambda))
        return -1;
    if (!(v = meta_str(l, "proj")) || dm_proj_parse(v, &c->proj))
        return v ? dm_errf(l->err, "%s: metadata 'proj' is '%.40s': expected srp or pca", l->path, v) : -1;
    if (!(v = meta_str(l, "policy")) || dm_policy_parse(v, &c->policy))
        return v ? dm_errf(l->err, "%s: metadata 'policy' is '%.40s': expected paper, symmetric or error", l->path, v)
                 : -1;
    if (!(v = meta_str(l, "mode")) || dm_mode_parse(v, &c->mode))
        return v ? dm_errf(l->err, "%s: metadata 'mode' is '%.40s': expected threshold or topk", l->path, v) : -1;
    if (!(v = meta_str(l, "predictor")) || dm_predictor_parse(v, &c->predictor))
        return v ? dm_errf(l->err, "%s: metadata 'predictor' is '%.40s': expected little or sign", l->path, v) : -1;
    for (int i = 0; i < nsites; i++) {
        char key[128];
        unsigned f;
        snprintf(key, sizeof key, "site.%s.override", sites[i].name);
        if (parse_override(l, key, &f))
            return -1;
        c->site_set[i] = (unsigned char)f;
        double r;
        int b, k;
        snprintf(key, sizeof key, "site.%s.ratio", sites[i].name);
        if (meta_double(l, key, 0.0, 1.0, &r))
            return -1;
        snprintf(key, sizeof key, "site.%s.bits", sites[i].name);
        if (meta_int(l, key, 0, 16, &b))
            return -1;
        snprintf(key, sizeof key, "site.%s.k", sites[i].name);
        if (meta_int(l, key, 1, INT_MAX, &k))
            return -1;
        if (f & DM_SITE_SET_RATIO)
            c->site_ratio[i] = r;
        else if (r != c->ratio)
            return dm_errf(l->err, "%s: site %s runs at ratio %.17g but overrides no ratio (global %.17g)", l->path,
                           sites[i].name, r, c->ratio);
        if (f & DM_SITE_SET_BITS)
            c->site_bits[i] = b;
        else if (b != c->bits)
            return dm_errf(l->err, "%s: site %s has %d bits but overrides no bits (global %d)", l->path,
                           sites[i].name, b, c->bits);
        if (f & DM_SITE_SET_K)
            c->site_k[i] = k;
        /* gate groups with a ratio of their own */
        snprintf(key, sizeof key, "site.%s.groups_own", sites[i].name);
        const char *own = dm_st_meta(&l->f, key);
        for (const char *p = own; p && *p;) {
            size_t n = strcspn(p, ",");
            int g = -1;
            for (int q = 0; q < sites[i].ngroups; q++)
                if (strlen(sites[i].group[q].name) == n && strncmp(p, sites[i].group[q].name, n) == 0)
                    g = q;
            if (g < 0 || sites[i].ngroups < 2)
                return dm_errf(l->err, "%s: metadata '%s' is '%.60s': '%.*s' is not a gate group of site %s", l->path,
                               key, own, (int)n, p, sites[i].name);
            char rk[160];
            snprintf(rk, sizeof rk, "site.%s.group.%s.ratio", sites[i].name, sites[i].group[g].name);
            if (meta_double(l, rk, 0.0, 1.0, &c->group_ratio[i][g]))
                return -1;
            c->group_set[i][g] = 1;
            p += n;
            if (*p == ',')
                p++;
        }
    }
    return 0;
}

/* Every calibration score of each group of a site with a group of its own ratio (sorted, steps per group row). */
static int load_gcal(loader *l, dm_engine_site *es, long steps)
{
    const dm_site *st = &es->site;
    for (int g = 0; g < st->ngroups; g++) {
        char key[160];
        long n;
        snprintf(key, sizeof key, "site.%s.gcal.%s.n", st->name, st->group[g].name);
        if (meta_long(l, key, 0, INT_MAX, &n))
            return -1;
        if (n != (long)st->group[g].n * steps)
            return dm_errf(l->err, "%s: metadata '%s' is %ld, expected %ld (%ld calibration steps x %d rows)", l->path,
                           key, n, (long)st->group[g].n * steps, steps, st->group[g].n);
        es->gncal[g] = n;
        if (n == 0)
            continue;
        snprintf(key, sizeof key, "site.%s.gcal.%s", st->name, st->group[g].name);
        if (!(es->gcal[g] = sorted_f32(l, key, n)))
            return -1;
    }
    return 0;
}

static int load_engine(loader *l, dm_engine *e, const dm_site *sites, int nsites, uint64_t model_hash,
                       dm_dual_file_info *info)
{
    const char *v = meta_str(l, "format");
    if (!v)
        return dm_errf(l->err, "%s: not a dualmod dual file (no 'format' metadata; save-dual writes one)", l->path);
    if (strcmp(v, DM_DUAL_FILE_FORMAT))
        return dm_errf(l->err, "%s: format '%.40s', expected '%s' (a file written by save-dual)", l->path, v,
                       DM_DUAL_FILE_FORMAT);
    int ver;
    if (meta_int(l, "format_version", 1, INT_MAX, &ver))
        return -1;
    if (ver != DM_DUAL_FILE_VERSION)
        return dm_errf(l->err, "%s: format version %d; this dualmod reads version %d (written by a newer dualmod?)",
                       l->path, ver, DM_DUAL_FILE_VERSION);
    uint64_t h, sum = DM_FNV_INIT;
    if (meta_u64(l, "data_fnv1a", 1, &h))
        return -1;
    for (int i = 0; i < l->f.ntensors; i++)
        sum = dm_fnv1a(sum, l->f.tensors[i].data, l->f.tensors[i].nbytes);
    if (sum != h)
        return dm_errf(l->err, "%s: the tensors' checksum is %016llx, the file says %016llx (a damaged file)",
                       l->path, (unsigned long long)sum, (unsigned long long)h);
    if (meta_u64(l, "model_hash", 1, &h))
        return -1;
    const char *mname = dm_st_meta(&l->f, "model");
    if (h != model_hash)
        return dm_errf(l->err, "%s: made for model %.100s (hash %016llx), not for the loaded one (hash %016llx): a "
                       "dual file only fits the model file it was made from",
                       l->path, mname && *mname ? mname : "?", (unsigned long long)h, (unsigned long long)model_hash);
    int ns;
    if (meta_int(l, "nsites", 1, DM_DUAL_MAX_SITES, &ns))
        return -1;
    const char *sv = meta_str(l, "sites");
    if (!sv)
        return -1;
    /* the model's site names, in order */
    size_t nl = 1;
    for (int i = 0; i < nsites; i++)
        nl += strlen(sites[i].name) + 1;
    char *names = calloc(nl, 1);
    if (!names)
        return dm_errf(l->err, "out of memory");
    for (int i = 0; i < nsites; i++) {
        if (i)
            strcat(names, ",");
        strcat(names, sites[i].name);
    }
    int same = ns == nsites && strcmp(sv, names) == 0;
    if (!same) {
        dm_errf(l->err, "%s: made for the sites %.200s; the model has %.200s", l->path, sv, names);
        free(names);
        return -1;
    }
    free(names);
    for (int i = 0; i < nsites; i++) {
        char key[128];
        snprintf(key, sizeof key, "site.%s.kind", sites[i].name);
        const char *kd = meta_str(l, key);
        if (!kd)
            return -1;
        if (strcmp(kd, sites[i].ops ? sites[i].ops->kind : ""))
            return dm_errf(l->err, "%s: site %s is a %.20s site in the file, a %s site in the model", l->path,
                           sites[i].name, kd, sites[i].ops ? sites[i].ops->kind : "?");
    }
    dm_dual_cfg cfg;
    if (load_cfg(l, sites, nsites, &cfg))
        return -1;
    int k, kres;
    if (dm_dual_cfg_check_sites(&cfg, sites, nsites, &k, l->err))
        return dm_err_prefix(l->err, "%s", l->path);
    if (meta_int(l, "k_resolved", 1, INT_MAX, &kres))
        return -1;
    if (kres != k)
        return dm_errf(l->err, "%s: metadata 'k_resolved' is %d, but its k and eps give %d for this model", l->path,
                       kres, k);
    if (!(e->s = calloc((size_t)nsites, sizeof *e->s)))
        return dm_errf(l->err, "out of memory");
    e->nsites = nsites;
    e->cfg = cfg;
    e->k = k;
    for (int i = 0; i < nsites; i++) {
        dm_engine_site *es = &e->s[i];
        const dm_site *st = &sites[i];
        char key[128];
        es->site = *st;
        int nb = st->blocks > 1 ? st->blocks : 1;
        snprintf(key, sizeof key, "site.%s.k", st->name);
        if (meta_int(l, key, 1, dm_site_min_dim(st), &es->k))
            return -1;
        if (!(cfg.site_set[i] & DM_SITE_SET_K) && nb == 1 && es->k != k)
            return dm_errf(l->err, "%s: site %s has k %d but overrides no k (global %d)", l->path, st->name, es->k,
                           k);
        es->bits = (cfg.site_set[i] & DM_SITE_SET_BITS) ? cfg.site_bits[i] : cfg.bits;
        if (nb > 1 && (st->ns != 1 || st->dim[0] % nb))
            return dm_errf(l->err, "%s: site %s: %d runs do not divide its input", l->path, st->name, nb);
        e->max_lrows = st->lrows > e->max_lrows ? st->lrows : e->max_lrows;
        e->max_orows = st->orows > e->max_orows ? st->orows : e->max_orows;
        e->max_kk = st->ns * es->k * nb > e->max_kk ? st->ns * es->k * nb : e->max_kk;
        if (load_little(l, e, es))
            return -1;
        long per[DM_ACT_COUNT] = {0}, steps;
        for (int g = 0; g < st->ngroups; g++)
            per[st->group[g].act] += st->group[g].n;
        snprintf(key, sizeof key, "site.%s.cal_steps", st->name);
        if (meta_long(l, key, 0, INT_MAX, &steps))
            return -1;
        for (int a = 0; a < DM_ACT_COUNT; a++)
            if (per[a] && load_cal(l, es, a, per[a], steps))
                return -1;
        int anyown = 0;
        for (int g = 0; g < st->ngroups; g++)
            anyown |= cfg.group_set[i][g];
        if (anyown && load_gcal(l, es, steps))
            return -1;
    }
    if (dm_engine_set_ratio(e, cfg.ratio, l->err))
        return dm_err_prefix(l->err, "%s", l->path);
    /* the thresholds the scores give are the saved ones */
    for (int i = 0; i < nsites; i++) {
        char key[128];
        snprintf(key, sizeof key, "site.%s.theta", sites[i].name);
        const dm_st_tensor *t = tensor(l, key, DM_DT_F32, DM_ACT_COUNT, -1);
        if (!t)
            return -1;
        float th[DM_ACT_COUNT];
        memcpy(th, t->data, sizeof th);
        for (int a = 0; a < DM_ACT_COUNT; a++)
            if (memcmp(&th[a], &e->s[i].theta[a], sizeof(float)) != 0)
                return dm_errf(l->err, "%s: site %s: the calibration scores give the %s threshold %.9g, the file "
                               "saved %.9g (inconsistent file)",
                               l->path, sites[i].name, dm_act_name((dm_act)a), (double)e->s[i].theta[a],
                               (double)th[a]);
        int anyown = 0;
        for (int g = 0; g < sites[i].ngroups; g++)
            anyown |= e->s[i].gown[g];
        if (!anyown)
            continue;
        snprintf(key, sizeof key, "site.%s.gtheta", sites[i].name);
        if (!(t = tensor(l, key, DM_DT_F32, sites[i].ngroups, -1)))
            return -1;
        for (int g = 0; g < sites[i].ngroups; g++) {
            float x;
            memcpy(&x, (const char *)t->data + (size_t)g * sizeof(float), sizeof x);
            if (memcmp(&x, &e->s[i].gtheta[g], sizeof(float)) != 0)
                return dm_errf(l->err, "%s: site %s: the calibration scores give group %s the threshold %.9g, the "
                               "file saved %.9g (inconsistent file)",
                               l->path, sites[i].name, sites[i].group[g].name, (double)e->s[i].gtheta[g], (double)x);
        }
    }
    for (int i = 0; i < l->f.ntensors; i++)
        if (!l->used[i])
            return dm_errf(l->err, "%s: tensor '%s' is not part of the format (or not of this model's sites)",
                           l->path, l->f.tensors[i].name);
    if (info) {
        memset(info, 0, sizeof *info);
        info->model_hash = h;
        const char *s;
        if ((s = dm_st_meta(&l->f, "model")))
            snprintf(info->model, sizeof info->model, "%s", s);
        if ((s = dm_st_meta(&l->f, "family")))
            snprintf(info->family, sizeof info->family, "%s", s);
        if ((s = dm_st_meta(&l->f, "source")))
            snprintf(info->source, sizeof info->source, "%s", s);
        if ((s = dm_st_meta(&l->f, "created")))
            snprintf(info->created, sizeof info->created, "%s", s);
        if ((s = dm_st_meta(&l->f, "dualmod_version")))
            snprintf(info->version, sizeof info->version, "%s", s);
        s = dm_st_meta(&l->f, "cal");
        info->full_cal = s && strcmp(s, "full") == 0;
    }
    return 0;
}

int dm_engine_load(dm_engine *e, const dm_site *sites, int nsites, const char *path, uint64_t model_hash,
                   dm_dual_file_info *info, dm_err *err)
{
    memset(e, 0, sizeof *e);
    if (nsites < 1 || nsites > DM_DUAL_MAX_SITES)
        return dm_errf(err, "%s: the model has %d dual-module sites (expected 1..%d)", path, nsites,
                       DM_DUAL_MAX_SITES);
    loader l = {.path = path, .err = err};
    if (dm_st_open(&l.f, path, err))
        return -1;
    l.used = calloc((size_t)(l.f.ntensors > 0 ? l.f.ntensors : 1), 1);
    int rc = l.used ? load_engine(&l, e, sites, nsites, model_hash, info) : dm_errf(err, "out of memory");
    free(l.used);
    dm_st_close(&l.f);
    if (rc)
        dm_engine_free(e);
    return rc;
}
