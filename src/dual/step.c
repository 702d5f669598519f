/* step.c - one step of a dual-module site: the little module, the region
 * test, the exact sensitive rows, audit and statistics (see dual.h). */
#define _DEFAULT_SOURCE
#define _POSIX_C_SOURCE 200809L
#include <cblas.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

void dm_engine_state_free(dm_engine_state *s)
{
    dm_free(s->ylit);
    dm_free(s->exact);
    dm_free(s->pre);
    dm_free(s->score);
    dm_free(s->sel);
    dm_free(s->sens);
    dm_free(s->oracle);
    dm_free(s->scratch);
    dm_free(s->ca);
    dm_free(s->cb);
    dm_free(s->idx);
    dm_free(s->rowbuf);
    dm_free(s->xq);
    dm_free(s->pbuf);
    free(s->sel_est);
    free(s->sel_w);
    memset(s, 0, sizeof *s);
}

int dm_engine_state_init(dm_engine_state *s, const dm_engine *e, dm_err *err)
{
    memset(s, 0, sizeof *s);
    size_t R = (size_t)(e->max_lrows > e->max_orows ? e->max_lrows : e->max_orows);
    s->ylit = dm_alloc(R * sizeof(float));
    s->exact = dm_alloc(R * sizeof(float));
    s->pre = dm_alloc(R * sizeof(float));
    s->score = dm_alloc(R * sizeof(float));
    s->sel = dm_alloc((R + 16) * sizeof(float)); /* + the window pass's packed stores past its last key */
    s->sens = dm_alloc(R);
    s->oracle = dm_alloc(R);
    s->scratch = dm_alloc((size_t)e->max_kk * sizeof(float) + 64);
    s->ca = dm_alloc(R * sizeof(float));
    s->cb = dm_alloc(R * sizeof(float));
    s->idx = dm_alloc(R * sizeof(int));
    s->rowbuf = dm_alloc(R * sizeof(float));
    s->xq = dm_alloc((size_t)e->max_kk + 64);
    size_t pb = 64;
    for (int i = 0; i < e->nsites; i++) {
        size_t b = 0;
        for (int q = 0; q < e->s[i].little.ns; q++)
            b += dm_kproj_in_bytes(e->s[i].little.dim[q]);
        pb = b > pb ? b : pb;
    }
    s->pbuf = dm_alloc(pb);
    s->nsites = e->nsites;
    s->sel_est = calloc((size_t)(e->nsites > 0 ? e->nsites : 1), sizeof *s->sel_est);
    s->sel_w = calloc((size_t)(e->nsites > 0 ? e->nsites : 1), sizeof *s->sel_w);
    if (!s->idx || !s->rowbuf || !s->xq || !s->pbuf || !s->ca || !s->cb || !s->ylit || !s->exact || !s->pre ||
        !s->score || !s->sel || !s->sens || !s->oracle || !s->scratch || !s->sel_est || !s->sel_w) {
        dm_engine_state_free(s);
        return dm_errf(err, "out of memory for the dual-module state");
    }
    return 0;
}

/* Record a byte range the step reads (when s->rec is set). */
static void rec_bytes(dm_engine_state *s, const void *p, size_t bytes)
{
    dm_read_rec *r = s->rec;
    if (!r || !bytes)
        return;
    if (r->nops >= DM_REC_OPS) {
        r->overflow = 1;
        return;
    }
    r->op[r->nops++] = (dm_read_op){.p = p, .bytes = bytes, .n = -1};
}

static void rec_rows(dm_engine_state *s, const float *W, int ld, int cols, const int *rows, int n)
{
    dm_read_rec *r = s->rec;
    if (r->nops >= DM_REC_OPS || r->used + n > r->cap) {
        r->overflow = 1;
        return;
    }
    memcpy(r->rows + r->used, rows, (size_t)n * sizeof(int));
    r->op[r->nops++] = (dm_read_op){.w = W, .ld = (size_t)ld, .cols = cols, .off = r->used, .n = n};
    r->used += n;
}

void dm_exact_rows(const dm_engine *e, dm_engine_state *s, const float *W, int ld, int cols, const int *rows, int n,
                   const float *v, float *y)
{
    if (s && s->rec && n > 0)
        rec_rows(s, W, ld, cols, rows, n);
    if (e->kern) {
        dm_par_rows_gemv(e->kern, dm_kernel_threads(), W, (size_t)ld, cols, rows, n, v, y);
        return;
    }
    for (int i = 0; i < n; i++)
        y[i] = cblas_sdot(cols, W + (size_t)rows[i] * ld, 1, v, 1);
}

/* The rows of the run of adjacent active groups that starts at group *g: the
 * little GEMV reads them in one call; *g moves to the run's last group. */
static int active_run(const dm_engine_site *es, int *g)
{
    const dm_site *st = &es->site;
    const dm_site_group *gr = &st->group[*g];
    int n = gr->n;
    while (*g + 1 < st->ngroups && es->gactive[*g + 1] && st->group[*g + 1].off == gr->off + n)
        n += st->group[++*g].n;
    return n;
}

/* The little GEMV over the rows of the groups above ratio 0 (kernels; the others are set to 0: every row of
 * theirs is sensitive and computed exactly), v projected (FP32 weights) or xq, xs quantized. */
static void little_gemv_active(const dm_engine *e, int si, int nt, const float *v, const int8_t *xq, float xs,
                               float *y)
{
    const dm_engine_site *es = &e->s[si];
    const dm_little *L = &es->little;
    const dm_site *st = &es->site;
    for (int g = 0; g < st->ngroups; g++) {
        const dm_site_group *gr = &st->group[g];
        if (!es->gactive[g]) {
            memset(y + gr->off, 0, (size_t)gr->n * sizeof(float));
            continue;
        }
        int n = active_run(es, &g);
        if (L->bits == 0) {
            memcpy(y + gr->off, L->bias + gr->off, (size_t)n * sizeof(float));
            cblas_sgemv(CblasRowMajor, CblasNoTrans, n, L->kk, 1.0f, L->wq + (size_t)gr->off * L->kk, L->kk, v, 1,
                        1.0f, y + gr->off, 1);
        } else {
            dm_qmat sub = dm_qmat_rows(&es->qm, gr->off, n);
            dm_par_qgemv(e->kern, nt, &sub, xq, xs, y + gr->off);
        }
    }
}

/* Record the little weights the kernels read: every row, or the runs of
 * active groups as little_gemv_active reads them; packed rows with their
 * scales and biases, or FP32 rows and biases. */
static void rec_weights(const dm_engine *e, dm_engine_state *s, int si)
{
    const dm_engine_site *es = &e->s[si];
    const dm_little *L = &es->little;
    const dm_site *st = &es->site;
    const int all = es->lactive >= L->rows; /* every row (a GRU's little rows go beyond its groups') */
    for (int g = 0; g < (all ? 1 : st->ngroups); g++) {
        if (!all && !es->gactive[g])
            continue;
        int off = all ? 0 : st->group[g].off, n = all ? L->rows : active_run(es, &g);
        if (!L->bits) {
            rec_bytes(s, L->wq + (size_t)off * L->kk, (size_t)n * (size_t)L->kk * sizeof(float));
            rec_bytes(s, L->bias + off, (size_t)n * sizeof(float));
        } else {
            dm_qmat sub = dm_qmat_rows(&es->qm, off, n);
            rec_bytes(s, sub.data, (size_t)n * sub.row_bytes);
            rec_bytes(s, sub.wscale, (size_t)n * sizeof(float));
            rec_bytes(s, sub.bias, (size_t)n * sizeof(float));
        }
    }
}

/* Record what the little module reads: its projections (packed SRP, or the
 * dense matrix), then its weights. */
static void rec_little(const dm_engine *e, dm_engine_state *s, int si)
{
    const dm_engine_site *es = &e->s[si];
    const dm_little *L = &es->little;
    for (int q = 0; q < L->ns; q++) {
        const dm_proj *p = &L->proj[q];
        if (p->kind == DM_PROJ_SRP) { /* as many bytes as the layout read (its bitmaps: bytes less the scale) */
            if (es->kp[q].data && es->kp[q].bytes > sizeof(float))
                rec_bytes(s, es->kp[q].data, es->kp[q].bytes - sizeof(float));
        } else {
            rec_bytes(s, p->dense, dm_proj_bytes(p));
        }
    }
    rec_weights(e, s, si);
}

/* The little module's outputs: dm_little_forward on the reference path; with
 * kernels, the packed projection, 8-bit input and packed quantized GEMV (or
 * BLAS on the FP32 weights when the module is FP32 or its projection dense). */
static void little_run(const dm_engine *e, dm_engine_state *s, int si, const float *u, const float *pv, float *y)
{
    const dm_little *L = &e->s[si].little;
    const int part = e->kern && e->s[si].lactive < L->rows; /* some groups' rows are skipped */
    if (pv) { /* projected by the caller */
        if (!e->kern || L->bits == 0) {
            dm_little_forward_proj(L, pv, s->scratch, y);
            return;
        }
        if (s->rec)
            rec_weights(e, s, si);
        float xs = e->kern->quant_in(pv, L->kk, s->xq);
        if (part)
            little_gemv_active(e, si, dm_kernel_threads(), pv, s->xq, xs, y);
        else
            dm_par_qgemv(e->kern, dm_kernel_threads(), &e->s[si].qm, s->xq, xs, y);
        return;
    }
    if (!e->kern) {
        dm_little_forward(L, u, s->scratch, y);
        return;
    }
    int k = L->k, nt = dm_kernel_threads();
    float *v = s->scratch;
    if (s->rec)
        rec_little(e, s, si);
    double t0 = s->prof ? dm_now() : 0;
    if (L->proj[0].kind == DM_PROJ_SRP) {
        dm_kproj_in in[DM_MAX_STREAMS];
        uint8_t *buf = s->pbuf;
        for (int q = 0, off = 0; q < L->ns; off += L->dim[q], q++) {
            in[q].buf = buf;
            buf += dm_kproj_in_bytes(L->dim[q]);
            e->kern->proj_in(&in[q], u + off, L->dim[q]);
        }
        /* while it computes, the head of the little weights streams in */
        if (L->bits)
            dm_par_proj(e->kern, nt, e->s[si].kp, in, L->ns, k, v, &e->s[si].qm, NULL, 0);
        else
            dm_par_proj(e->kern, nt, e->s[si].kp, in, L->ns, k, v, NULL, L->wq,
                        (size_t)L->rows * L->kk * sizeof(float));
    } else {
        for (int q = 0, off = 0; q < L->ns; off += L->dim[q], q++)
            dm_proj_apply(&L->proj[q], u + off, v + (size_t)q * k);
    }
    if (s->prof)
        s->prof_s[3] += dm_now() - t0; /* projection share, inside the little module's time */
    if (part) {
        float xs = L->bits ? e->kern->quant_in(v, L->kk, s->xq) : 0.0f;
        little_gemv_active(e, si, nt, v, s->xq, xs, y);
        return;
    }
    if (L->bits == 0) {
        memcpy(y, L->bias, (size_t)L->rows * sizeof(float));
        cblas_sgemv(CblasRowMajor, CblasNoTrans, L->rows, L->kk, 1.0f, L->wq, L->kk, v, 1, 1.0f, y, 1);
        return;
    }
    float xs = e->kern->quant_in(v, L->kk, s->xq);
    dm_par_qgemv(e->kern, nt, &e->s[si].qm, s->xq, xs, y);
}

/* Scores of n rows of one activation type (sig: the rows' RMS fit errors). */
static void score_rows(dm_act a, dm_policy p, const float *restrict y, const float *restrict sig, float *restrict sc,
                       int n)
{
    if (p == DM_POLICY_ERROR) {
        for (int j = 0; j < n; j++)
            sc[j] = dm_score_of(a, p, y[j], sig[j]);
        return;
    }
    /* 16 at a time in a loop of fixed count, which -O2's vectorizer takes (one of unknown count it leaves
     * scalar: 4.6 us for an LSTM-1500's 6,000 rows, Intel family 6 model 167) */
    const int mag = a == DM_ACT_TANH || (a == DM_ACT_SIGMOID && p == DM_POLICY_SYMMETRIC);
    int j = 0;
    if (mag) {
        for (; j + 16 <= n; j += 16)
            for (int i = 0; i < 16; i++)
                sc[j + i] = fabsf(y[j + i]);
        for (; j < n; j++)
            sc[j] = fabsf(y[j]);
    } else {
        for (; j + 16 <= n; j += 16)
            for (int i = 0; i < 16; i++)
                sc[j + i] = -y[j + i];
        for (; j < n; j++)
            sc[j] = -y[j];
    }
}

/* The segments of the early (not late) groups of activation a that take
 * their site's ratio (not one of their own), in row order, adjacent ones
 * merged. */
static void early_segs(const dm_engine_site *es, dm_act a, const float *sc, dm_segs *sg)
{
    const dm_site *st = &es->site;
    sg->n = 0;
    int end = -1;
    for (int g = 0; g < st->ngroups; g++) {
        const dm_site_group *gr = &st->group[g];
        if (gr->late || gr->act != a || es->gown[g])
            continue;
        if (sg->n > 0 && gr->off == end) {
            sg->len[sg->n - 1] += gr->n;
        } else {
            sg->p[sg->n] = sc + gr->off;
            sg->len[sg->n++] = gr->n;
        }
        end = gr->off + gr->n;
    }
}

/* The rules of the early groups: one per activation over the groups that
 * take their site's ratio (rules, pooled: top-k ranks them as one list), one
 * per group with a ratio of its own (own); rp[g] points at group g's (win:
 * see dm_group_rule). */
typedef struct early_set {
    dm_rule rules[DM_ACT_COUNT];
    dm_rule own[DM_SITE_MAX_GROUPS];
    dm_rule *rp[DM_SITE_MAX_GROUPS];
} early_set;

static void early_rules(const dm_engine *e, dm_engine_state *s, int si, const float *sc, early_set *r, int win)
{
    const dm_engine_site *es = &e->s[si];
    const dm_site *st = &es->site;
    for (int a = 0; a < DM_ACT_COUNT; a++) {
        dm_segs sg;
        early_segs(es, (dm_act)a, sc, &sg);
        if (sg.n)
            r->rules[a] = dm_group_rule(e, s, si, (dm_act)a, &sg, win);
    }
    for (int g = 0; g < st->ngroups; g++) {
        const dm_site_group *gr = &st->group[g];
        r->rp[g] = NULL;
        if (gr->late)
            continue;
        if (es->gown[g]) {
            dm_segs one = {1, {sc + gr->off}, {gr->n}};
            r->own[g] = dm_own_rule(e, s, si, g, &one);
            r->rp[g] = &r->own[g];
        } else {
            r->rp[g] = &r->rules[gr->act];
        }
    }
}

dm_rule dm_late_rule(const dm_engine *e, dm_engine_state *s, int si, int g, const dm_segs *sg, int win)
{
    return e->s[si].gown[g] ? dm_own_rule(e, s, si, g, sg)
                            : dm_group_rule(e, s, si, e->s[si].site.group[g].act, sg, win);
}

void dm_stats_add_cos(dm_gate_stats *g, const float *a, const float *b, int n, int post, dm_act act)
{
    double dot = 0, na = 0, nb = 0;
    for (int j = 0; j < n; j++) {
        double x = post ? dm_act_apply(act, a[j]) : a[j], y = post ? dm_act_apply(act, b[j]) : b[j];
        dot += x * y, na += x * x, nb += y * y;
    }
    if (post)
        g->dot_post += dot, g->nd_post += na, g->nb_post += nb;
    else
        g->dot_pre += dot, g->nd_pre += na, g->nb_pre += nb;
}

/* Audit: the same rules applied to the exact pre-activations (the oracle
 * mask), its agreement with the step's, and the cosine similarity of the
 * pre-activations used with the exact ones. */
static void audit_site(const dm_engine *e, dm_engine_state *s, int si, const dm_site_io *io, dm_dual_stats *stats)
{
    const dm_engine_site *es = &e->s[si];
    const dm_site *st = &es->site;
    const float *ex = s->exact, *g = io->g;
    float *xsc = s->pre;
    unsigned char *om = s->oracle;
    for (int gi = 0; gi < st->ngroups; gi++) {
        const dm_site_group *gr = &st->group[gi];
        for (int j = 0; j < gr->n; j++) {
            int r = gr->off + j;
            float pre = ex[r], sig = es->sigma[r];
            if (gr->late)
                st->ops->late_pre(st, gi, j, ex, ex, es->sigma, &pre, &sig);
            xsc[r] = dm_score_of(gr->act, e->cfg.policy, pre, sig);
        }
    }
    early_set rs;
    early_rules(e, s, si, xsc, &rs, 0);
    for (int gi = 0; gi < st->ngroups; gi++) { /* row order: ties are taken in the order of the joint list */
        const dm_site_group *gr = &st->group[gi];
        if (!gr->late)
            dm_rule_mark(rs.rp[gi], xsc + gr->off, gr->n, om + gr->off);
    }
    for (int gi = 0; gi < st->ngroups; gi++) {
        const dm_site_group *gr = &st->group[gi];
        if (!gr->late)
            continue;
        dm_segs sg = {1, {xsc + gr->off}, {gr->n}};
        dm_rule r = dm_late_rule(e, s, si, gi, &sg, 0);
        dm_rule_mark(&r, xsc + gr->off, gr->n, om + gr->off);
    }
    for (int gi = 0; gi < st->ngroups; gi++) {
        const dm_site_group *gr = &st->group[gi];
        dm_gate_stats *gs = &stats->gate[si][gi];
        for (int j = 0; j < gr->n; j++) {
            int r = gr->off + j;
            gs->oracle_insens += !om[r];
            gs->both_insens += !om[r] && !s->sens[r];
        }
        if (gr->act == DM_ACT_RELU && !gr->late) {
            long z = 0;
            for (int j = 0; j < gr->n; j++)
                z += ex[gr->off + j] <= 0.0f;
            gs->relu_zero += z;
            gs->relu_audited += gr->n;
            stats->zero_macs += (double)z * st->in;
            stats->audit_macs += (double)gr->n * st->in;
        }
        /* cosine similarity of the pre-activations (a late group: its full pre-activation) */
        float *a = s->ca, *b = s->cb;
        for (int j = 0; j < gr->n; j++) {
            int r = gr->off + j;
            if (gr->late) {
                float sig;
                a[j] = st->ops->late_final(st, gi, j, g, io->aux);
                st->ops->late_pre(st, gi, j, ex, ex, es->sigma, &b[j], &sig);
            } else {
                a[j] = g[r];
                b[j] = ex[r];
            }
        }
        dm_stats_add_cos(gs, a, b, gr->n, 0, gr->act);
        dm_stats_add_cos(gs, a, b, gr->n, 1, gr->act);
    }
}

/* Statistics of one step of site si: rows taken from the little module per
 * group (nins), and the bytes and multiply-adds of the big rows computed
 * over cols columns, of the dense layer, and of the little module. */
void dm_count_steps(const dm_engine *e, int si, long steps, const long *nins, int cols, int off, dm_dual_stats *stats)
{
    const dm_site *st = &e->s[si].site;
    long nsens = 0;
    for (int gi = 0; gi < st->ngroups; gi++) {
        stats->gate[si][gi].total += steps * st->group[gi].n;
        stats->gate[si][gi].insens += nins[gi];
        nsens += steps * st->group[gi].n - nins[gi];
    }
    /* integer counts: exact in double, whether added step by step or steps at once */
    stats->big_bytes += (double)nsens * cols * sizeof(float);
    stats->dense_bytes += (double)steps * st->orows * cols * sizeof(float);
    if (!off) { /* a site at ratio 0 runs dense: its little module is not run */
        stats->little_bytes += (double)steps * (double)dm_engine_site_little_bytes(e, si);
        stats->little_macs += (double)steps * dm_engine_site_little_macs(e, si);
    }
    stats->big_macs += (double)nsens * cols;
    stats->dense_macs += (double)steps * st->orows * cols;
}

static void count_step(const dm_engine *e, int si, const int *nins, int cols, int off, dm_dual_stats *stats)
{
    long n[DM_SITE_MAX_GROUPS];
    for (int gi = 0; gi < e->s[si].site.ngroups; gi++)
        n[gi] = nins[gi];
    dm_count_steps(e, si, 1, n, cols, off, stats);
}

/* The sign predictor (dual.h): the insensitive outputs of the early groups
 * take the activation's saturation instead of the little value. */
static void sign_override(const dm_engine *e, const dm_site *st, const unsigned char *sens, float *g)
{
    for (int gi = 0; gi < st->ngroups; gi++) {
        const dm_site_group *gr = &st->group[gi];
        if (gr->late)
            continue;
        for (int r = gr->off; r < gr->off + gr->n; r++) {
            if (sens[r])
                continue;
            if (gr->act == DM_ACT_RELU)
                g[r] = 0.0f;
            else if (gr->act == DM_ACT_SIGMOID && e->cfg.policy == DM_POLICY_PAPER)
                g[r] = -30.0f; /* sigmoid 0 */
            else
                g[r] = g[r] > 0 ? 30.0f : -30.0f; /* tanh +-1, symmetric sigmoid 0 or 1 */
        }
    }
}

/* The step; with yl and ex given (the quality path), the little outputs and
 * the exact little-layout pre-activations come from the caller instead of
 * the little module and the row-subset kernels. */
static int site_step(const dm_engine *e, dm_engine_state *s, int si, dm_site_io *io, const float *yl,
                     const float *ex, int audit, dm_dual_stats *stats, int select_only)
{
    const dm_engine_site *es = &e->s[si];
    const dm_site *st = &es->site;
    const float *u = io->u;
    float *g = io->g;
    int d0 = st->dim[0];
    /* 1. the little module; a site at ratio 0 takes no output from it (every row is sensitive
     * whatever it predicts), so it runs dense and skips it unless the audit wants its figures */
    double tp0 = s->prof ? dm_now() : 0;
    int off = es->off && !audit && !select_only;
    /* where nothing but g needs the little outputs (one little row per row of g, no late group, no shortcut
     * to add, no audit), the little module writes them into g itself: the exact rows overwrite theirs, and
     * the mask pass need not copy 4 bytes a row into a g that the flush or the streamed weights evicted */
    float *yw = !audit && !select_only && st->lrows == st->orows && !st->ops->late_step && !st->residual
                    ? g
                    : s->ylit;
    if (off && !yl)
        memset(yw, 0, (size_t)st->lrows * sizeof(float));
    else if (!yl)
        little_run(e, s, si, u, io->v, yw);
    double tp1 = s->prof ? dm_now() : 0;
    if (audit && ex)
        memcpy(s->exact, ex, (size_t)st->lrows * sizeof(float));
    else if (audit)
        st->ops->exact_pre(st, NULL, u, st->in, 1, s->exact);
    const float *y = yl ? yl : yw;
    const float *add = st->residual ? io->add : NULL;
    if (add) { /* a residual site: the exact shortcut joins the little value (and the exact one) */
        if (yl)
            memcpy(s->ylit, yl, (size_t)st->lrows * sizeof(float));
        for (int r = 0; r < st->orows; r++)
            s->ylit[r] += add[r];
        y = s->ylit;
        if (audit)
            for (int r = 0; r < st->orows; r++)
                s->exact[r] += add[r];
    }
    float *sc = s->score;
    unsigned char *sens = s->sens;
    int nins[DM_SITE_MAX_GROUPS] = {0};
    /* 2-3. the early groups: scores, the rules, then one pass that marks the
     * rows, lists the sensitive ones and takes the little values (exact rows
     * overwrite them) */
    for (int gi = 0; gi < st->ngroups; gi++) {
        const dm_site_group *gr = &st->group[gi];
        if (!gr->late)
            score_rows(gr->act, e->cfg.policy, y + gr->off, es->sigma + gr->off, sc + gr->off, gr->n);
    }
    early_set rs;
    early_rules(e, s, si, sc, &rs, 1);
    int *idx = s->idx, ns = 0;
    for (int gi = 0; gi < st->ngroups; gi++) {
        const dm_site_group *gr = &st->group[gi];
        if (!gr->late)
            ns = dm_rule_pass(e->kern, rs.rp[gi], sc, y, g, gr->off, gr->n, sens, idx, ns, &nins[gi]);
    }
    float *rb = s->rowbuf;
    if (s->prof)
        s->prof_s[4] += dm_now() - tp1; /* the masks' share, inside [1] */
    if (select_only) { /* the caller computes the sensitive rows (s->idx) and the epilogue */
        if (e->cfg.predictor == DM_PRED_SIGN)
            sign_override(e, st, sens, g);
        if (stats)
            count_step(e, si, nins, st->in, 0, stats);
        return ns;
    }
    if (ex) { /* computed already (every row) */
        for (int i = 0; i < ns; i++)
            g[idx[i]] = ex[idx[i]] + (add ? add[idx[i]] : 0.0f);
    } else if (add) {
        dm_exact_rows(e, s, st->w, st->ld, st->in, idx, ns, u, rb);
        for (int i = 0; i < ns; i++)
            g[idx[i]] = rb[i] + st->bias[idx[i]] + add[idx[i]];
    } else if (io->gin) { /* the first stream's part is batched already: add the others */
        dm_exact_rows(e, s, st->w + d0, st->ld, st->in - d0, idx, ns, u + d0, rb);
        for (int i = 0; i < ns; i++)
            g[idx[i]] = io->gin[idx[i]] + rb[i];
    } else {
        dm_exact_rows(e, s, st->w, st->ld, st->in, idx, ns, u, rb);
        for (int i = 0; i < ns; i++)
            g[idx[i]] = rb[i] + st->bias[idx[i]];
    }
    /* 4. late groups, with the final values of the others */
    if (st->ops->late_step)
        st->ops->late_step(e, s, si, io, y, ex, nins);
    if (e->cfg.predictor == DM_PRED_SIGN)
        sign_override(e, st, sens, g);
    double tp2 = s->prof ? dm_now() : 0;
    if (stats) {
        /* with gin the first stream's part is read by the batched GEMM either way: count the others */
        count_step(e, si, nins, io->gin ? st->in - d0 : st->in, off, stats);
        if (audit)
            audit_site(e, s, si, io, stats);
    }
    st->ops->epilogue(st, e->kern, io);
    if (s->prof) {
        double tp3 = dm_now();
        s->prof_s[0] += tp1 - tp0; /* little module: projection + little GEMV (projection also in [3]) */
        s->prof_s[1] += tp2 - tp1; /* masks + sensitive big rows */
        s->prof_s[2] += tp3 - tp2; /* statistics, audit, epilogue */
    }
    return ns;
}

void dm_engine_step(const dm_engine *e, dm_engine_state *s, int si, dm_site_io *io, int audit, dm_dual_stats *stats)
{
    site_step(e, s, si, io, NULL, NULL, audit, stats, 0);
}

void dm_engine_merge(const dm_engine *e, dm_engine_state *s, int si, const float *y, const float *ex, dm_site_io *io,
                     int audit, dm_dual_stats *stats)
{
    site_step(e, s, si, io, y, ex, audit, stats, 0);
}

int dm_engine_select(const dm_engine *e, dm_engine_state *s, int si, const float *y, dm_site_io *io,
                     dm_dual_stats *stats)
{
    return site_step(e, s, si, io, y, NULL, 0, stats, 1);
}

/* ---- summaries ---- */

void dm_engine_count_dense(const dm_engine *e, int si, long steps, dm_dual_stats *stats)
{
    const dm_site *st = &e->s[si].site;
    for (int gi = 0; gi < st->ngroups; gi++)
        stats->gate[si][gi].total += (long)st->group[gi].n * steps;
    double rows = (double)st->orows * steps;
    stats->big_bytes += rows * st->in * sizeof(float);
    stats->dense_bytes += rows * st->in * sizeof(float);
    stats->big_macs += rows * st->in;
    stats->dense_macs += rows * st->in;
}

void dm_stats_merge(dm_dual_stats *a, const dm_dual_stats *b)
{
    for (int s = 0; s < DM_DUAL_MAX_SITES; s++)
        for (int g = 0; g < DM_SITE_MAX_GROUPS; g++) {
            dm_gate_stats *x = &a->gate[s][g];
            const dm_gate_stats *y = &b->gate[s][g];
            x->total += y->total, x->insens += y->insens;
            x->oracle_insens += y->oracle_insens, x->both_insens += y->both_insens;
            x->relu_zero += y->relu_zero, x->relu_audited += y->relu_audited;
            x->dot_pre += y->dot_pre, x->nd_pre += y->nd_pre, x->nb_pre += y->nb_pre;
            x->dot_post += y->dot_post, x->nd_post += y->nd_post, x->nb_post += y->nb_post;
        }
    a->big_bytes += b->big_bytes, a->little_bytes += b->little_bytes, a->dense_bytes += b->dense_bytes;
    a->dec_bytes += b->dec_bytes, a->dense_macs += b->dense_macs, a->big_macs += b->big_macs;
    a->little_macs += b->little_macs, a->zero_macs += b->zero_macs,
    a->audit_macs += b->audit_macs, a->steps += b->steps;
}

#define FOR_GATES(s, site, group, body)                                                                      \
    for (int l_ = 0; l_ < DM_DUAL_MAX_SITES; l_++)                                                           \
        for (int g_ = 0; g_ < DM_SITE_MAX_GROUPS; g_++)                                                      \
            if ((site < 0 || site == l_) && (group < 0 || group == g_)) {                                    \
                const dm_gate_stats *G_ = &(s)->gate[l_][g_];                                                \
                body;                                                                                        \
            }

double dm_stats_ratio(const dm_dual_stats *s, int site, int group)
{
    double a = 0, b = 0;
    FOR_GATES(s, site, group, { a += (double)G_->insens; b += (double)G_->total; });
    return b > 0 ? a / b : 0;
}

double dm_stats_recall(const dm_dual_stats *s, int site, int group)
{
    double a = 0, b = 0;
    FOR_GATES(s, site, group, { a += (double)G_->both_insens; b += (double)G_->oracle_insens; });
    return b > 0 ? a / b : NAN;
}

double dm_stats_false_insens(const dm_dual_stats *s, int site, int group)
{
    double a = 0, b = 0;
    FOR_GATES(s, site, group, { a += (double)(G_->insens - G_->both_insens); b += (double)G_->insens; });
    return b > 0 ? a / b : NAN;
}

double dm_stats_relu_zero(const dm_dual_stats *s, int site, int group)
{
    double a = 0, b = 0;
    FOR_GATES(s, site, group, { a += (double)G_->relu_zero; b += (double)G_->relu_audited; });
    return b > 0 ? a / b : NAN;
}

double dm_stats_oracle_mac_reduction(const dm_dual_stats *s, int with_little)
{
    int other = 0; /* a group that ran but was not a ReLU one audited */
    FOR_GATES(s, -1, -1, { other |= G_->total > 0 && G_->relu_audited == 0; });
    if (other || s->audit_macs <= 0 || s->dense_macs <= 0)
        return NAN;
    /* the audited outputs' share of zeros (by MACs) stands for the whole run */
    double m = s->dense_macs * (1.0 - s->zero_macs / s->audit_macs) + (with_little ? s->little_macs : 0.0);
    return m > 0 ? s->dense_macs / m : INFINITY;
}

double dm_stats_cos(const dm_dual_stats *s, int site, int group, int post)
{
    double dot = 0, na = 0, nb = 0;
    FOR_GATES(s, site, group, {
        dot += post ? G_->dot_post : G_->dot_pre;
        na += post ? G_->nd_post : G_->nd_pre;
        nb += post ? G_->nb_post : G_->nb_pre;
    });
    return na > 0 && nb > 0 ? dot / sqrt(na * nb) : NAN;
}
