/* fit.c - building the dual-module engine: settings, fitting data (and their
 * cache), the little modules, calibration and thresholds (see dual.h). */
#define _DEFAULT_SOURCE
#define _POSIX_C_SOURCE 200809L
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
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

const char *dm_predictor_name(dm_predictor p) { return p == DM_PRED_SIGN ? "sign" : "little"; }

int dm_predictor_parse(const char *s, dm_predictor *out)
{
    if (strcmp(s, "little") == 0)
        *out = DM_PRED_LITTLE;
    else if (strcmp(s, "sign") == 0)
        *out = DM_PRED_SIGN;
    else
        return -1;
    return 0;
}

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

int dm_dual_cfg_check_sites(const dm_dual_cfg *c, const dm_site *sites, int nsites, int *k_out, dm_err *err)
{
    if (!(c->ratio >= 0.0 && c->ratio <= 1.0))
        return dm_errf(err, "ratio %g is outside [0, 1] (the fraction of outputs taken from the little module)",
                       c->ratio);
    if (c->bits < 0 || c->bits > 16)
        return dm_errf(err, "bits %d: expected 1..16, or 0 for FP32", c->bits);
    if (!(c->lambda >= 0.0))
        return dm_errf(err, "ridge lambda %g must be >= 0", c->lambda);
    if (nsites < 1)
        return dm_errf(err, "the network has no dual-module site");
    if (nsites > DM_DUAL_MAX_SITES)
        return dm_errf(err, "the network has %d dual-module sites (at most %d)", nsites, DM_DUAL_MAX_SITES);
    int maxk = dm_site_min_dim(&sites[0]), rows = sites[0].orows;
    for (int i = 1; i < nsites; i++) {
        int d = dm_site_min_dim(&sites[i]);
        maxk = d < maxk ? d : maxk;
        rows = sites[i].orows > rows ? sites[i].orows : rows;
    }
    int k = c->k, blocked = 0;
    for (int i = 0; i < nsites; i++)
        blocked |= sites[i].blocks > 1;
    if (k == 0 && blocked) {
        /* convolutions: k counts projected channels per pixel (site.h); the JL bound on the rows does not
         * apply to a projection shared by the kernel taps: a quarter of the narrowest input */
        k = maxk / 4 > 0 ? maxk / 4 : 1;
    } else if (k == 0) {
        if (dm_jl_k(rows, c->eps, &k, err))
            return -1;
        /* a JL bound above the narrowest input cannot be met by a projection (the little module would
         * read as much as the big one): half that input instead (narrow models, e.g. the translator's
         * 256-wide decoder); k gives any other value */
        if (k > maxk)
            k = maxk / 2 > 0 ? maxk / 2 : 1;
    } else if (k < 1 || k > maxk) {
        return dm_errf(err, "k %d is outside 1..%d (the smallest input of the model's layers)", k, maxk);
    }
    for (int i = 0; i < nsites; i++) {
        unsigned f = c->site_set[i];
        if ((f & DM_SITE_SET_RATIO) && !(c->site_ratio[i] >= 0.0 && c->site_ratio[i] <= 1.0))
            return dm_errf(err, "ratio %g of site %s is outside [0, 1]", c->site_ratio[i], sites[i].name);
        if ((f & DM_SITE_SET_BITS) && (c->site_bits[i] < 0 || c->site_bits[i] > 16))
            return dm_errf(err, "bits %d of site %s: expected 1..16, or 0 for FP32", c->site_bits[i],
                           sites[i].name);
        int d = dm_site_min_dim(&sites[i]);
        if ((f & DM_SITE_SET_K) && (c->site_k[i] < 1 || c->site_k[i] > d))
            return dm_errf(err, "k %d of site %s is outside 1..%d (its smallest input)", c->site_k[i],
                           sites[i].name, d);
    }
    for (int i = 0; i < DM_DUAL_MAX_SITES; i++)
        for (int g = 0; g < DM_SITE_MAX_GROUPS; g++) {
            if (!c->group_set[i][g])
                continue;
            if (i >= nsites || g >= sites[i].ngroups)
                return dm_errf(err, "a ratio is set for group %d of site %d, but the network has no such group", g,
                               i);
            if (!(c->group_ratio[i][g] >= 0.0 && c->group_ratio[i][g] <= 1.0))
                return dm_errf(err, "ratio %g of group %s.%s is outside [0, 1]", c->group_ratio[i][g],
                               sites[i].name, sites[i].group[g].name);
        }
    for (int i = nsites; i < DM_DUAL_MAX_SITES; i++)
        if (c->site_set[i])
            return dm_errf(err, "a per-site knob is set for site %d, but the network has %d sites", i, nsites);
    *k_out = k;
    return 0;
}

int dm_dual_cfg_per_site(const dm_dual_cfg *c)
{
    for (int i = 0; i < DM_DUAL_MAX_SITES; i++) {
        if (c->site_set[i])
            return 1;
        for (int g = 0; g < DM_SITE_MAX_GROUPS; g++)
            if (c->group_set[i][g])
                return 1;
    }
    return 0;
}

void dm_dual_cfg_site_text(const dm_dual_cfg *c, const dm_site *sites, int nsites, int k_global, char *out,
                           size_t n)
{
    size_t len = 0;
    if (n)
        out[0] = 0;
    for (int i = 0; i < nsites && i < DM_DUAL_MAX_SITES; i++) {
        unsigned f = c->site_set[i];
        char part[160];
        int pl = 0;
        if ((f & DM_SITE_SET_RATIO) && c->site_ratio[i] != c->ratio)
            pl += snprintf(part + pl, sizeof part - (size_t)pl, "%sratio=%.15g", pl ? "," : "", c->site_ratio[i]);
        if ((f & DM_SITE_SET_BITS) && c->site_bits[i] != c->bits)
            pl += snprintf(part + pl, sizeof part - (size_t)pl, "%sbits=%d", pl ? "," : "", c->site_bits[i]);
        /* a block site's global k is scaled per site: any override of it is one */
        if ((f & DM_SITE_SET_K) && (sites[i].blocks > 1 || c->site_k[i] != k_global))
            pl += snprintf(part + pl, sizeof part - (size_t)pl, "%sk=%d", pl ? "," : "", c->site_k[i]);
        if (pl > 0) {
            int w = snprintf(out + len, len < n ? n - len : 0, "%s%s:%s", len ? ";" : "", sites[i].name, part);
            if (w > 0)
                len += (size_t)w;
        }
        /* gate groups with a ratio of their own (other than their site's) */
        double sr = (f & DM_SITE_SET_RATIO) ? c->site_ratio[i] : c->ratio;
        for (int g = 0; g < sites[i].ngroups && g < DM_SITE_MAX_GROUPS; g++) {
            if (!c->group_set[i][g] || c->group_ratio[i][g] == sr)
                continue;
            int w = snprintf(out + len, len < n ? n - len : 0, "%s%s.%s:ratio=%.15g", len ? ";" : "", sites[i].name,
                             sites[i].group[g].name, c->group_ratio[i][g]);
            if (w > 0)
                len += (size_t)w;
        }
    }
    if (len >= n && n) /* truncated: keep it a prefix that cannot be mistaken for a whole one */
        out[n - 1] = 0;
}

int dm_dual_cfg_same_build(const dm_dual_cfg *a, const dm_dual_cfg *b)
{
    if (a->bits != b->bits || a->k != b->k || (a->k == 0 && a->eps != b->eps) || a->seed != b->seed ||
        a->proj != b->proj || a->policy != b->policy || a->lambda != b->lambda)
        return 0;
    for (int i = 0; i < DM_DUAL_MAX_SITES; i++) {
        unsigned fa = a->site_set[i] & (DM_SITE_SET_BITS | DM_SITE_SET_K);
        unsigned fb = b->site_set[i] & (DM_SITE_SET_BITS | DM_SITE_SET_K);
        if (fa != fb || ((fa & DM_SITE_SET_BITS) && a->site_bits[i] != b->site_bits[i]) ||
            ((fa & DM_SITE_SET_K) && a->site_k[i] != b->site_k[i]))
            return 0;
    }
    return 1;
}

/* ---- fitting data ---- */

void dm_fitdata_free(dm_fitdata *fd)
{
    for (int i = 0; i < fd->nsites; i++) {
        if (fd->mom)
            dm_moments_free(&fd->mom[i]);
        if (fd->cal_u)
            dm_free(fd->cal_u[i]);
        if (fd->cal_add)
            dm_free(fd->cal_add[i]);
    }
    free(fd->mom);
    free(fd->cal_u);
    free(fd->cal_add);
    memset(fd, 0, sizeof *fd);
}

int dm_fitdata_init(dm_fitdata *fd, const dm_site *sites, int nsites, int ncal, dm_err *err)
{
    memset(fd, 0, sizeof *fd);
    fd->mom = calloc((size_t)(nsites > 0 ? nsites : 1), sizeof *fd->mom);
    fd->cal_u = calloc((size_t)(nsites > 0 ? nsites : 1), sizeof *fd->cal_u);
    fd->cal_add = calloc((size_t)(nsites > 0 ? nsites : 1), sizeof *fd->cal_add);
    if (!fd->mom || !fd->cal_u || !fd->cal_add) {
        free(fd->mom), free(fd->cal_u), free(fd->cal_add);
        memset(fd, 0, sizeof *fd);
        return dm_errf(err, "out of memory for fitting data");
    }
    fd->nsites = nsites;
    fd->ncal = ncal;
    for (int i = 0; i < nsites; i++) {
        if (dm_moments_init(&fd->mom[i], sites[i].ns, sites[i].dim, sites[i].lrows, err)) {
            dm_err_prefix(err, "site %s", sites[i].name);
            goto fail;
        }
        if (ncal > 0 && ((!(fd->cal_u[i] = dm_alloc((size_t)ncal * sites[i].in * sizeof(float)))) ||
                         (sites[i].residual &&
                          !(fd->cal_add[i] = dm_alloc((size_t)ncal * sites[i].orows * sizeof(float)))))) {
            dm_errf(err, "out of memory for calibration inputs");
            goto fail;
        }
    }
    return 0;
fail:
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

/* Do the moments fit the site? */
static int moments_fit(const dm_moments *m, const dm_site *s)
{
    if (m->ns != s->ns || m->rows != s->lrows)
        return 0;
    for (int i = 0; i < s->ns; i++)
        if (m->dim[i] != s->dim[i])
            return 0;
    return 1;
}

/* Files: DIR/moments-l<i>.bin per site and DIR/cal.safetensors with one
 * tensor cal_xh_l<i> (ncal x site.in) per site (names kept from the
 * language-model-only cache, so existing caches stay valid). */
static int cache_load(dm_fitdata *fd, const char *dir, const dm_site *sites, int nsites, int ncal)
{
    char p[2560];
    snprintf(p, sizeof p, "%s/cal.safetensors", dir);
    dm_st_file f;
    dm_err e2;
    if (dm_st_open(&f, p, &e2) != 0)
        return -1;
    int ok = 1;
    memset(fd, 0, sizeof *fd);
    if (nsites < 1)
        return -1;
    fd->mom = calloc((size_t)nsites, sizeof *fd->mom);
    fd->cal_u = calloc((size_t)nsites, sizeof *fd->cal_u);
    fd->cal_add = calloc((size_t)nsites, sizeof *fd->cal_add);
    fd->nsites = nsites;
    ok = fd->mom && fd->cal_u && fd->cal_add;
    for (int i = 0; ok && i < nsites; i++) {
        char mp[2560], name[32];
        snprintf(mp, sizeof mp, "%s/moments-l%d.bin", dir, i);
        if (dm_moments_load(&fd->mom[i], mp, &e2) || !moments_fit(&fd->mom[i], &sites[i])) {
            ok = 0;
            break;
        }
        snprintf(name, sizeof name, "cal_xh_l%d", i);
        const dm_st_tensor *t = dm_st_find(&f, name);
        if (!t || t->dtype != DM_DT_F32 || t->ndim != 2 || t->shape[0] != ncal || t->shape[1] != sites[i].in ||
            !(fd->cal_u[i] = dm_alloc(t->nbytes ? t->nbytes : 1)))
            ok = 0;
        else
            memcpy(fd->cal_u[i], t->data, t->nbytes);
        if (ok && sites[i].residual) {
            snprintf(name, sizeof name, "cal_add_l%d", i);
            t = dm_st_find(&f, name);
            if (!t || t->dtype != DM_DT_F32 || t->ndim != 2 || t->shape[0] != ncal ||
                t->shape[1] != sites[i].orows || !(fd->cal_add[i] = dm_alloc(t->nbytes ? t->nbytes : 1)))
                ok = 0;
            else
                memcpy(fd->cal_add[i], t->data, t->nbytes);
        }
    }
    dm_st_close(&f);
    if (!ok) {
        if (!fd->mom || !fd->cal_u || !fd->cal_add)
            fd->nsites = 0;
        dm_fitdata_free(fd);
        return -1;
    }
    fd->ncal = ncal;
    return 0;
}

static void cache_save(const dm_fitdata *fd, const char *dir, const dm_site *sites)
{
    if (dm_mkdir_p(dir) != 0)
        return;
    dm_err e2;
    dm_st_wtensor *w = calloc((size_t)fd->nsites * 2, sizeof *w);
    char(*names)[32] = calloc((size_t)fd->nsites * 2, sizeof *names);
    int okw = w && names, nw = 0;
    for (int i = 0; okw && i < fd->nsites; i++) {
        char mp[2560];
        snprintf(mp, sizeof mp, "%s/moments-l%d.bin", dir, i);
        if (dm_moments_save(&fd->mom[i], mp, &e2))
            okw = 0;
        snprintf(names[nw], sizeof names[nw], "cal_xh_l%d", i);
        w[nw] = (dm_st_wtensor){.name = names[nw], .dtype = DM_DT_F32, .ndim = 2, .shape = {fd->ncal, sites[i].in},
                                .data = fd->cal_u[i]};
        nw++;
        if (sites[i].residual && fd->cal_add && fd->cal_add[i]) {
            snprintf(names[nw], sizeof names[nw], "cal_add_l%d", i);
            w[nw] = (dm_st_wtensor){.name = names[nw], .dtype = DM_DT_F32, .ndim = 2,
                                    .shape = {fd->ncal, sites[i].orows}, .data = fd->cal_add[i]};
            nw++;
        }
    }
    if (okw) {
        char p[2560];
        snprintf(p, sizeof p, "%s/cal.safetensors", dir);
        dm_st_write(p, w, nw, NULL, 0, &e2);
    }
    free(w);
    free(names);
}

int dm_fit_tick(dm_fitdata *fd, long done, long total, dm_err *err)
{
    const dm_fit_progress *p = fd->prog;
    if (!p)
        return 0;
    if (p->cancel && *p->cancel)
        return dm_errf(err, "fit cancelled after %ld of %ld items", done, total), 1;
    double now = dm_now();
    if (p->fn && (done >= total || fd->prog_last == fd->prog_t0 || now - fd->prog_last >= DM_FIT_PROGRESS_S)) {
        fd->prog_last = now;
        p->fn(done, total, now - fd->prog_t0, p->ud);
    }
    return 0;
}

int dm_fitdata_cached(dm_fitdata *fd, const dm_site *sites, int nsites, uint64_t model_hash, uint64_t data_hash,
                      long n_fit, int ncal, dm_fit_collect_fn collect, void *ud, const dm_fit_progress *prog,
                      const char *cache_dir, dm_err *err)
{
    char base[2048], dir[2304];
    if (cache_dir)
        snprintf(base, sizeof base, "%s", cache_dir);
    else
        default_cache_dir(base, sizeof base);
    /* the key: model file, fitting data, slice sizes, format version */
    snprintf(dir, sizeof dir, "%s/fit-v1-%016llx-%016llx-%ld-%d", base, (unsigned long long)model_hash,
             (unsigned long long)data_hash, n_fit, ncal);
    if (cache_load(fd, dir, sites, nsites, ncal) == 0) {
        fd->fit_items = n_fit;
        fd->model_hash = model_hash;
        fd->data_hash = data_hash;
        fd->from_cache = 1;
        return 0;
    }
    double t0 = dm_now();
    if (dm_fitdata_init(fd, sites, nsites, ncal, err))
        return -1;
    fd->prog = prog;
    fd->prog_t0 = fd->prog_last = t0;
    int rc = collect(fd, ud, err);
    fd->prog = NULL;
    if (rc) {
        dm_fitdata_free(fd);
        return rc > 0 ? 1 : -1;
    }
    fd->fit_items = n_fit;
    fd->model_hash = model_hash;
    fd->data_hash = data_hash;
    fd->seconds = dm_now() - t0;
    cache_save(fd, dir, sites);
    return 0;
}

/* ---- building ---- */

void dm_engine_free(dm_engine *e)
{
    for (int i = 0; e->s && i < e->nsites; i++) {
        dm_engine_site *es = &e->s[i];
        dm_qmat_free(&es->qm);
        for (int q = 0; q < DM_MAX_STREAMS; q++)
            dm_kproj_free(&es->kp[q]);
        dm_little_free(&es->little);
        dm_free(es->sigma);
        for (int a = 0; a < DM_ACT_COUNT; a++)
            free(es->cal[a]);
        for (int g = 0; g < DM_SITE_MAX_GROUPS; g++)
            dm_free(es->gcal[g]);
    }
    free(e->s);
    memset(e, 0, sizeof *e);
}

/* Insensitive iff score >= theta: the threshold that takes the top round(r * n) of n sorted calibration
 * scores (none: +inf, all: -inf). */
static float quantile_theta(const float *cal, long n, double r)
{
    if (n == 0 || r <= 0.0)
        return INFINITY;
    if (r >= 1.0)
        return -INFINITY;
    long want = (long)llround(r * (double)n);
    return want <= 0 ? INFINITY : cal[n - want];
}

/* The threshold at ratio r of the groups of activation a that take their site's ratio (not their own):
 * their sorted scores merged. 0 done, -1 out of memory. */
static int pooled_theta(const dm_engine_site *es, dm_act a, double r, float *out)
{
    long n = 0;
    for (int g = 0; g < es->site.ngroups; g++)
        if (!es->gown[g] && es->site.group[g].act == a)
            n += es->gncal[g];
    if (n == 0) {
        *out = quantile_theta(NULL, 0, r);
        return 0;
    }
    float *m = malloc((size_t)n * sizeof(float) * 2);
    if (!m)
        return -1;
    float *cur = m, *nxt = m + n;
    long have = 0;
    for (int g = 0; g < es->site.ngroups; g++) {
        if (es->gown[g] || es->site.group[g].act != a)
            continue;
        const float *b = es->gcal[g];
        long nb = es->gncal[g], x = 0, y = 0, o = 0;
        while (x < have && y < nb)
            nxt[o++] = cur[x] <= b[y] ? cur[x++] : b[y++];
        while (x < have)
            nxt[o++] = cur[x++];
        while (y < nb)
            nxt[o++] = b[y++];
        have = o;
        float *t = cur;
        cur = nxt, nxt = t;
    }
    *out = quantile_theta(cur, n, r);
    free(m);
    return 0;
}

int dm_engine_set_ratio(dm_engine *e, double ratio, dm_err *err)
{
    if (!(ratio >= 0.0 && ratio <= 1.0))
        return dm_errf(err, "ratio %g is outside [0, 1]", ratio);
    e->cfg.ratio = ratio;
    for (int i = 0; i < e->nsites; i++) {
        dm_engine_site *es = &e->s[i];
        es->ratio = (e->cfg.site_set[i] & DM_SITE_SET_RATIO) ? e->cfg.site_ratio[i] : ratio;
        if (es->site.ngroups == 1 && e->cfg.group_set[i][0]) /* the one group's ratio is its site's */
            es->ratio = e->cfg.group_ratio[i][0];
        double r = es->ratio;
        es->off = r <= 0.0;
        unsigned own_acts = 0; /* activations with a group of its own ratio */
        for (int g = 0; g < es->site.ngroups; g++) {
            if (e->cfg.group_set[i][g] && !es->gcal[g] && es->site.ngroups > 1)
                return dm_errf(err, "group %s.%s: a ratio of its own needs the group's calibration scores, which "
                                    "these little modules do not hold (a dual file keeps them for the groups "
                                    "it was saved with); set ratio.%s instead, or refit", es->site.name,
                               es->site.group[g].name, es->site.name);
            es->gown[g] = e->cfg.group_set[i][g] && es->gcal[g] && es->site.ngroups > 1;
            if (es->gown[g])
                own_acts |= 1u << es->site.group[g].act;
        }
        for (int a = 0; a < DM_ACT_COUNT; a++) {
            if (!(own_acts & (1u << a))) {
                es->theta[a] = quantile_theta(es->cal[a], es->ncal[a], r);
                continue;
            }
            /* the groups that keep the site's ratio share it among themselves: the quantile of their scores
             * alone (merged), not of the activation's whole pool */
            if (pooled_theta(es, (dm_act)a, r, &es->theta[a]))
                return dm_errf(err, "out of memory for the thresholds of site %s", es->site.name);
        }
        for (int g = 0; g < es->site.ngroups; g++) {
            es->gratio[g] = es->gown[g] ? e->cfg.group_ratio[i][g] : r;
            es->gtheta[g] = es->gown[g] ? quantile_theta(es->gcal[g], es->gncal[g], es->gratio[g])
                                        : es->theta[es->site.group[g].act];
            if (es->gratio[g] > 0.0)
                es->off = 0;
        }
        /* the little rows the step needs: those of the groups above ratio 0 */
        const dm_site *st = &es->site;
        int skip = st->lrows == st->orows;
        for (int g = 0; g < st->ngroups; g++) /* and the packed little rows (panels of 4) split at the groups */
            skip &= !st->group[g].late && st->group[g].off % 4 == 0 &&
                    (st->group[g].n % 4 == 0 || st->group[g].off + st->group[g].n == st->lrows);
        es->lactive = 0;
        for (int g = 0; g < st->ngroups; g++) {
            es->gactive[g] = !skip || es->gratio[g] > 0.0;
            es->lactive += es->gactive[g] ? st->group[g].n : 0;
        }
        if (!skip)
            es->lactive = st->lrows;
    }
    return 0;
}

int dm_engine_set_ratios(dm_engine *e, const dm_dual_cfg *cfg, dm_err *err)
{
    for (int i = 0; i < DM_DUAL_MAX_SITES; i++) {
        unsigned f = cfg->site_set[i] & DM_SITE_SET_RATIO;
        if (f && (i >= e->nsites || !(cfg->site_ratio[i] >= 0.0 && cfg->site_ratio[i] <= 1.0)))
            return dm_errf(err, "ratio override of site %d: %g is not a ratio of a site of this network", i,
                           cfg->site_ratio[i]);
    }
    for (int i = 0; i < DM_DUAL_MAX_SITES; i++)
        for (int g = 0; g < DM_SITE_MAX_GROUPS; g++)
            if (cfg->group_set[i][g] && (i >= e->nsites || g >= e->s[i].site.ngroups ||
                                         !(cfg->group_ratio[i][g] >= 0.0 && cfg->group_ratio[i][g] <= 1.0)))
                return dm_errf(err, "ratio override of group %d of site %d: %g is not a ratio of a group of this "
                                    "network", g, i, cfg->group_ratio[i][g]);
    for (int i = 0; i < DM_DUAL_MAX_SITES; i++) {
        e->cfg.site_set[i] = (unsigned char)((e->cfg.site_set[i] & ~DM_SITE_SET_RATIO) |
                                             (cfg->site_set[i] & DM_SITE_SET_RATIO));
        e->cfg.site_ratio[i] = cfg->site_ratio[i];
        memcpy(e->cfg.group_set[i], cfg->group_set[i], sizeof cfg->group_set[i]);
        memcpy(e->cfg.group_ratio[i], cfg->group_ratio[i], sizeof cfg->group_ratio[i]);
    }
    return dm_engine_set_ratio(e, cfg->ratio, err);
}

/* Calibration steps scored per GEMM block. */
#define CAL_BLOCK 512

/* Fit, quantize and calibrate the little module of one site. */
static int build_site(dm_engine *e, int i, const dm_fitdata *fd, dm_err *err)
{
    dm_engine_site *es = &e->s[i];
    const dm_site *st = &es->site;
    const dm_dual_cfg *cfg = &e->cfg;
    int R = st->lrows;
    if (dm_little_fit_blocks(&es->little, &fd->mom[i], es->k, st->blocks, cfg->proj, cfg->seed + (uint64_t)i * 7919,
                             cfg->lambda, err) ||
        dm_little_quantize(&es->little, es->bits, &fd->mom[i], err))
        return dm_err_prefix(err, "layer %d", i);
    /* per-row RMS error of the little module on its fitting data */
    double *rm = malloc((size_t)R * sizeof(double));
    es->sigma = dm_alloc((size_t)R * sizeof(float));
    if (!rm || !es->sigma) {
        free(rm);
        return dm_errf(err, "out of memory");
    }
    if (dm_little_row_mse(&es->little, &fd->mom[i], rm, err)) {
        free(rm);
        return -1;
    }
    for (int r = 0; r < R; r++)
        es->sigma[r] = (float)sqrt(rm[r]);
    free(rm);
    const float *sg = es->sigma;
    /* calibration scores of the little outputs, per activation type */
    long per[DM_ACT_COUNT] = {0}, cnt[DM_ACT_COUNT] = {0};
    for (int g = 0; g < st->ngroups; g++)
        per[st->group[g].act] += st->group[g].n;
    for (int a = 0; a < DM_ACT_COUNT; a++)
        if (per[a] && !(es->cal[a] = malloc((size_t)fd->ncal * per[a] * sizeof(float))))
            return dm_errf(err, "out of memory for calibration");
    /* a site of several groups keeps each group's scores too: a group may get a ratio of its own */
    int pergroup = st->ngroups > 1;
    for (int g = 0; pergroup && g < st->ngroups; g++)
        if (!(es->gcal[g] = dm_alloc((size_t)fd->ncal * st->group[g].n * sizeof(float))))
            return dm_errf(err, "out of memory for calibration");
    float *yb = malloc((size_t)CAL_BLOCK * R * sizeof(float));
    if (!yb)
        return dm_errf(err, "out of memory");
    /* the little outputs of the calibration steps, a block at a time by one GEMM */
    for (int t = 0; t < fd->ncal; t++) {
        int tb = t % CAL_BLOCK;
        if (tb == 0) {
            int nb = fd->ncal - t < CAL_BLOCK ? fd->ncal - t : CAL_BLOCK;
            if (dm_little_forward_batch(&es->little, fd->cal_u[i] + (size_t)t * st->in, st->in, nb, yb, err)) {
                free(yb);
                return -1;
            }
        }
        float *y = yb + (size_t)tb * R;
        if (st->residual && fd->cal_add && fd->cal_add[i]) { /* the exact shortcut of this input */
            const float *ad = fd->cal_add[i] + (size_t)t * st->orows;
            for (int r = 0; r < st->orows && r < R; r++)
                y[r] += ad[r];
        }
        for (int g = 0; g < st->ngroups; g++) {
            const dm_site_group *gr = &st->group[g];
            dm_act a = gr->act;
            for (int j = 0; j < gr->n; j++) {
                float pre = y[gr->off + j], sig = sg[gr->off + j];
                if (gr->late) /* e.g. GRU n = n_x + r * n_h, r from the little module */
                    st->ops->late_pre(st, g, j, y, y, sg, &pre, &sig);
                float scv = dm_score_of(a, cfg->policy, pre, sig);
                es->cal[a][cnt[a]++] = scv;
                if (pergroup)
                    es->gcal[g][es->gncal[g]++] = scv;
            }
        }
    }
    free(yb);
    for (int a = 0; a < DM_ACT_COUNT; a++) {
        es->ncal[a] = cnt[a];
        if (cnt[a] && dm_sort_floats(es->cal[a], (size_t)cnt[a]))
            return dm_errf(err, "out of memory sorting %ld calibration scores", cnt[a]);
    }
    for (int g = 0; pergroup && g < st->ngroups; g++)
        if (es->gncal[g] && dm_sort_floats(es->gcal[g], (size_t)es->gncal[g]))
            return dm_errf(err, "out of memory sorting %ld calibration scores", es->gncal[g]);
    return 0;
}

int dm_engine_build(dm_engine *e, const dm_site *sites, int nsites, const dm_fitdata *fd, const dm_dual_cfg *cfg,
                    dm_err *err)
{
    memset(e, 0, sizeof *e);
    int k;
    if (dm_dual_cfg_check_sites(cfg, sites, nsites, &k, err))
        return -1;
    if (fd->nsites != nsites)
        return dm_errf(err, "fitting data has %d layers, the model %d", fd->nsites, nsites);
    for (int i = 0; i < nsites; i++)
        if (!moments_fit(&fd->mom[i], &sites[i]))
            return dm_errf(err, "fitting data of site %s do not match its shape", sites[i].name);
    if (!(e->s = calloc((size_t)(nsites > 0 ? nsites : 1), sizeof *e->s)))
        return dm_errf(err, "out of memory");
    e->nsites = nsites;
    e->cfg = *cfg;
    e->k = k;
    double t0 = dm_now();
    /* block sites (convolutions): k is the projected channels of the narrowest input; a wider one
     * scales it with its input channels, so every little convolution costs the same share of its big one */
    int min_run = 0;
    for (int i = 0; i < nsites; i++)
        if (sites[i].blocks > 1 && (min_run == 0 || dm_site_min_dim(&sites[i]) < min_run))
            min_run = dm_site_min_dim(&sites[i]);
    for (int i = 0; i < nsites; i++) {
        e->s[i].site = sites[i];
        const dm_site *st = &sites[i];
        int ki = k, nb = st->blocks > 1 ? st->blocks : 1;
        if (nb > 1) {
            int run = dm_site_min_dim(st);
            ki = (int)((long long)k * run / min_run);
            ki = ki < 1 ? 1 : ki > run ? run : ki;
        }
        if (cfg->site_set[i] & DM_SITE_SET_K)
            ki = cfg->site_k[i];
        e->s[i].k = ki;
        e->s[i].bits = (cfg->site_set[i] & DM_SITE_SET_BITS) ? cfg->site_bits[i] : cfg->bits;
        e->max_lrows = st->lrows > e->max_lrows ? st->lrows : e->max_lrows;
        e->max_orows = st->orows > e->max_orows ? st->orows : e->max_orows;
        e->max_kk = st->ns * ki * nb > e->max_kk ? st->ns * ki * nb : e->max_kk;
    }
    for (int i = 0; i < nsites; i++)
        if (build_site(e, i, fd, err))
            goto fail;
    if (dm_engine_set_ratio(e, cfg->ratio, err))
        goto fail;
    e->fit_seconds = dm_now() - t0;
    return 0;
fail:
    dm_engine_free(e);
    return -1;
}

size_t dm_engine_site_little_bytes(const dm_engine *e, int si)
{
    const dm_engine_site *es = &e->s[si];
    const dm_little *L = &es->little;
    if (!e->kern)
        return dm_little_bytes(L);
    /* what the kernels read: packed weights (+ scales, bias) or FP32 weights, and the projections */
    size_t b = L->bits ? dm_qmat_bytes(&es->qm) : (size_t)L->rows * ((size_t)L->kk + 1) * sizeof(float);
    if (es->lactive > 0 && es->lactive < L->rows) /* the rows of groups at ratio 0 are not read */
        b = (size_t)((double)b * es->lactive / L->rows);
    for (int q = 0; q < L->ns; q++)
        b += L->proj[q].kind == DM_PROJ_SRP ? es->kp[q].bytes : dm_proj_bytes(&L->proj[q]);
    return b;
}

double dm_engine_site_little_macs(const dm_engine *e, int si)
{
    const dm_little *L = &e->s[si].little;
    int rows = e->s[si].lactive > 0 && e->s[si].lactive < L->rows ? e->s[si].lactive : L->rows;
    double m = (double)rows * L->kk;
    if (e->s[si].site.blocks > 1)
        return m; /* the projection is per pixel, shared by the kernel taps: the family counts it */
    for (int q = 0; q < L->ns; q++) {
        const dm_proj *p = &L->proj[q];
        m += p->kind == DM_PROJ_SRP && p->rowptr ? (double)p->rowptr[p->k] : (double)p->k * p->d;
    }
    return m;
}

int dm_bits_container(int bits)
{
    if (bits <= 0)
        return 32;
    if (bits <= 2)
        return bits;
    if (bits <= 4)
        return 4;
    return bits <= 8 ? 8 : 16;
}

size_t dm_engine_little_bytes(const dm_engine *e)
{
    size_t b = 0;
    for (int i = 0; i < e->nsites; i++)
        b += dm_engine_site_little_bytes(e, i);
    return b;
}

int dm_engine_use_kernels(dm_engine *e, const dm_kernels *k, dm_err *err)
{
    for (int i = 0; i < e->nsites; i++) {
        dm_qmat_free(&e->s[i].qm);
        for (int q = 0; q < DM_MAX_STREAMS; q++)
            dm_kproj_free(&e->s[i].kp[q]);
    }
    e->kern = NULL;
    if (!k)
        return 0;
    for (int i = 0; i < e->nsites; i++) {
        dm_engine_site *es = &e->s[i];
        const dm_little *L = &es->little;
        if (L->bits && dm_qmat_pack(&es->qm, L->q, L->rows, L->kk, L->bits, L->qscale, L->bias, err))
            return dm_err_prefix(err, "layer %d little weights", i);
        if (L->proj[0].kind == DM_PROJ_SRP)
            for (int q = 0; q < L->ns; q++)
                if (dm_kproj_pack(&es->kp[q], &L->proj[q], err))
                    return dm_err_prefix(err, "layer %d projection", i);
    }
    e->kern = k;
    return 0;
}
