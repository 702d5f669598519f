/* lm_dual.c - see lm_dual.h. */
#define _DEFAULT_SOURCE
#define _POSIX_C_SOURCE 200809L
#include "lm_dual.h"

#include <cblas.h>
#include <math.h>
#include <pthread.h>
#include <time.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- sites ---- */

void dm_lm_sites(const dm_lm *m, dm_site *sites)
{
    for (int l = 0; l < m->nlayers; l++) {
        const dm_rnn_layer *L = &m->layer[l];
        char name[16];
        snprintf(name, sizeof name, "l%d", l);
        if (m->cell == DM_CELL_LSTM)
            dm_site_lstm(&sites[l], name, L->in, L->hid, L->w, L->ld, L->b_sum);
        else
            dm_site_gru(&sites[l], name, L->in, L->hid, L->w, L->ld, L->b_sum, L->b_ih, L->b_hh);
    }
}

int dm_dual_cfg_check(const dm_dual_cfg *c, const dm_lm *m, int *k_out, dm_err *err)
{
    dm_site sites[DM_LM_MAX_LAYERS];
    dm_lm_sites(m, sites);
    return dm_dual_cfg_check_sites(c, sites, m->nlayers, k_out, err);
}

int dm_dual_gates(const dm_lm *m) { return m->gates; }

const char *dm_gate_name(const dm_lm *m, int g)
{
    static const char *const lstm[] = {"i", "f", "g", "o"}, *const gru[] = {"r", "z", "n"};
    return m->cell == DM_CELL_LSTM ? lstm[g] : gru[g];
}

dm_act dm_gate_act(const dm_lm *m, int g)
{
    (void)m;
    return g == 2 ? DM_ACT_TANH : DM_ACT_SIGMOID;
}

/* ---- fitting data ---- */

typedef struct collect_job {
    const dm_lm *m;
    const int *ids;
    long n_fit;
} collect_job;

/* Streams the fitting slice is cut into (fewer for a short slice: at least
 * 16 tokens each). Part of the fit cache's key (dm_fitdata_cached_lm). */
#define COLLECT_STREAMS 32
/* Samples gathered per dm_moments_add call. */
#define COLLECT_ROWS 1024

/* The pre-activations of layer l are W u + b exactly, so their moments follow
 * from the inputs': C = [W | b] G. The map, including the GRU's split n-gate
 * rows, is read off the layer itself: its pre-activations of the unit inputs
 * e_j and of 0. */
int dm_lm_moments_linear(dm_moments *mom, const dm_lm *m, int l, dm_err *err)
{
    const dm_rnn_layer *Ly = &m->layer[l];
    int R = dm_lm_pre_rows(m), D = mom->D, nin = D - 1; /* = Ly->in + H */
    float *E = dm_alloc((size_t)D * Ly->ld * sizeof(float)), *P = dm_alloc((size_t)D * R * sizeof(float));
    if (!E || !P) {
        dm_free(E), dm_free(P);
        return dm_errf(err, "out of memory for the layer's map (%d x %d)", D, R);
    }
    memset(E, 0, (size_t)D * Ly->ld * sizeof(float));
    for (int i = 0; i < nin; i++)
        E[(size_t)i * Ly->ld + i] = 1.0f;
    dm_lm_pre_batch(m, l, E, D, P);
    int rc = dm_moments_set_linear(mom, P, (size_t)R, err);
    dm_free(E), dm_free(P);
    return rc;
}

/* The dense model over the fitting tokens as COLLECT_STREAMS contiguous
 * streams (each from a zero state, as the quality path's streams), so every
 * step is one GEMM per layer over the streams instead of a batch-1 GEMV: at
 * 1500 hidden this is what makes a first fit take a minute rather than ten.
 * Per layer, the step inputs u = [x ; h_prev] go into the moments, and the
 * pre-activations' moments follow from them (dm_moments_set_linear); the
 * calibration inputs are every (samples / ncal)-th u, spread over the slice. */
static int collect_lm(dm_fitdata *fd, void *ud, dm_err *err)
{
    const collect_job *j = ud;
    const dm_lm *m = j->m;
    int R = dm_lm_pre_rows(m), H = m->nhid, NL = m->nlayers, n_cal = fd->ncal;
    int N = COLLECT_STREAMS;
    if (j->n_fit / N < 16)
        N = j->n_fit / 16 > 0 ? (int)(j->n_fit / 16) : 1;
    long L = j->n_fit / N, total = (long)N * L;
    long stride = n_cal > 0 && total / n_cal > 1 ? total / n_cal : 1;
    int cap = COLLECT_ROWS / N * N;
    if (cap < N)
        cap = N;
    float *U[DM_LM_MAX_LAYERS] = {0}, *C[DM_LM_MAX_LAYERS] = {0}, *UB[DM_LM_MAX_LAYERS] = {0},
          *PB[DM_LM_MAX_LAYERS] = {0}; /* PB: a step's pre-activations (the cells' input) */
    float *g = dm_alloc((size_t)R * sizeof(float));
    int ok = g != NULL;
    for (int l = 0; l < NL && ok; l++) {
        size_t ld = (size_t)m->layer[l].ld;
        U[l] = dm_alloc((size_t)N * ld * sizeof(float));
        C[l] = dm_alloc((size_t)N * H * sizeof(float));
        UB[l] = dm_alloc((size_t)cap * ld * sizeof(float));
        PB[l] = dm_alloc((size_t)N * R * sizeof(float));
        ok = U[l] && C[l] && UB[l] && PB[l];
        if (ok) {
            memset(U[l], 0, (size_t)N * ld * sizeof(float));
            memset(C[l], 0, (size_t)N * H * sizeof(float));
        }
    }
    int rc = ok ? 0 : dm_errf(err, "out of memory for fitting (%d streams)", N);
    long sample = 0;
    int fill = 0;
    for (long t = 0; t < L && !rc; t++) {
        int ld0 = m->layer[0].ld;
        for (int s = 0; s < N; s++)
            memcpy(U[0] + (size_t)s * ld0, m->emb + (size_t)j->ids[(long)s * L + t] * m->emsize,
                   (size_t)m->emsize * sizeof(float));
        for (int l = 0; l < NL; l++) {
            const dm_rnn_layer *Ly = &m->layer[l];
            float *P = PB[l], *Ub = UB[l] + (size_t)fill * Ly->ld;
            memcpy(Ub, U[l], (size_t)N * Ly->ld * sizeof(float)); /* u before the step updates h */
            dm_lm_pre_batch(m, l, U[l], N, P);
            for (int s = 0; s < N; s++) {
                long ci = (sample + s) / stride;
                if ((sample + s) % stride == 0 && ci < n_cal)
                    memcpy(fd->cal_u[l] + (size_t)ci * Ly->ld, Ub + (size_t)s * Ly->ld, (size_t)Ly->ld * sizeof(float));
                float *p = P + (size_t)s * R, *h = U[l] + (size_t)s * Ly->ld + Ly->in;
                memcpy(g, p, (size_t)R * sizeof(float));
                dm_lm_cell_update(m, g, p + 3 * H, h, C[l] + (size_t)s * H);
                if (l + 1 < NL)
                    memcpy(U[l + 1] + (size_t)s * m->layer[l + 1].ld, h, (size_t)H * sizeof(float));
            }
        }
        sample += N;
        fill += N;
        if (fill + N > cap || t + 1 == L) {
            for (int l = 0; l < NL && !rc; l++)
                rc = dm_moments_add_inputs(&fd->mom[l], UB[l], (size_t)m->layer[l].ld, fill, err);
            fill = 0;
        }
        if (!rc)
            rc = dm_fit_tick(fd, sample, total, err);
    }
    for (int l = 0; l < NL && !rc; l++)
        rc = dm_lm_moments_linear(&fd->mom[l], m, l, err);
    if (!rc && total < n_cal) /* the caller keeps ncal <= n_fit; a remainder of n_fit / N is not sampled */
        fd->ncal = (int)total;
    for (int l = 0; l < NL; l++)
        dm_free(U[l]), dm_free(C[l]), dm_free(UB[l]), dm_free(PB[l]);
    dm_free(g);
    return rc;
}

int dm_fitdata_collect(dm_fitdata *fd, const dm_lm *m, const int *ids, long n_fit, int n_cal, dm_err *err)
{
    memset(fd, 0, sizeof *fd);
    if (n_fit < 16)
        return dm_errf(err, "fitting needs at least 16 tokens (got %ld)", n_fit);
    if (n_cal > n_fit)
        n_cal = (int)n_fit;
    double t0 = dm_now();
    dm_site sites[DM_LM_MAX_LAYERS];
    dm_lm_sites(m, sites);
    if (dm_fitdata_init(fd, sites, m->nlayers, n_cal, err))
        return -1;
    collect_job j = {m, ids, n_fit};
    if (collect_lm(fd, &j, err)) {
        dm_fitdata_free(fd);
        return -1;
    }
    fd->fit_items = n_fit;
    fd->model_hash = m->file_hash;
    fd->seconds = dm_now() - t0;
    return 0;
}

int dm_fitdata_cached_lm(dm_fitdata *fd, const dm_lm *m, const dm_corpus *train, long n_fit, int n_cal,
                         const dm_fit_progress *prog, const char *cache_dir, dm_err *err)
{
    memset(fd, 0, sizeof *fd);
    if (n_fit > train->n)
        n_fit = train->n;
    if (n_fit < 16)
        return dm_errf(err, "fitting needs at least 16 tokens (got %ld)", n_fit);
    if (n_cal > n_fit)
        n_cal = (int)n_fit;
    dm_site sites[DM_LM_MAX_LAYERS];
    dm_lm_sites(m, sites);
    /* the key covers how the moments are collected: COLLECT_STREAMS streams, C from G (version 2) */
    uint64_t dh = dm_fnv1a(DM_FNV_INIT ^ (0x73747265616d0000ULL + 0x100 * 2 + COLLECT_STREAMS), train->ids,
                           (size_t)n_fit * sizeof(int));
    collect_job j = {m, train->ids, n_fit};
    return dm_fitdata_cached(fd, sites, m->nlayers, m->file_hash, dh, n_fit, n_cal, collect_lm, &j, prog, cache_dir, err);
}

/* ---- building ---- */

void dm_dual_view(dm_dual *d, const dm_lm *big, const dm_site *sites, const dm_engine *e)
{
    memset(d, 0, sizeof *d);
    d->big = big;
    d->cfg = e->cfg;
    d->k = e->k;
    d->fit_seconds = e->fit_seconds;
    memcpy(d->site, sites, sizeof(dm_site) * (size_t)e->nsites);
    d->eng = *e;
}

int dm_dual_build(dm_dual *d, const dm_lm *m, const dm_fitdata *fd, const dm_dual_cfg *cfg, dm_err *err)
{
    memset(d, 0, sizeof *d);
    dm_lm_sites(m, d->site);
    if (dm_engine_build(&d->eng, d->site, m->nlayers, fd, cfg, err))
        return -1;
    d->big = m;
    d->cfg = *cfg;
    d->k = d->eng.k;
    d->fit_seconds = d->eng.fit_seconds;
    return 0;
}

void dm_dual_free(dm_dual *d)
{
    dm_engine_free(&d->eng);
    memset(d, 0, sizeof *d);
}

int dm_dual_use_kernels(dm_dual *d, const dm_kernels *k, dm_err *err) { return dm_engine_use_kernels(&d->eng, k, err); }

int dm_dual_set_ratio(dm_dual *d, double ratio, dm_err *err)
{
    if (dm_engine_set_ratio(&d->eng, ratio, err))
        return -1;
    d->cfg.ratio = ratio;
    return 0;
}

void dm_dual_set_mode(dm_dual *d, dm_mode mode) { d->cfg.mode = d->eng.cfg.mode = mode; }

const dm_little *dm_dual_little(const dm_dual *d, int l) { return &d->eng.s[l].little; }

size_t dm_dual_layer_little_bytes(const dm_dual *d, int l) { return dm_engine_site_little_bytes(&d->eng, l); }

size_t dm_dual_little_bytes(const dm_dual *d) { return dm_engine_little_bytes(&d->eng); }

/* ---- running ---- */

int dm_dual_state_init(dm_dual_state *s, const dm_dual *d, dm_err *err)
{
    memset(s, 0, sizeof *s);
    if (dm_lm_state_init(&s->st, d->big, err))
        return -1;
    if (dm_engine_state_init(&s->es, &d->eng, err)) {
        dm_lm_state_free(&s->st);
        return -1;
    }
    return 0;
}

void dm_dual_state_free(dm_dual_state *s)
{
    dm_lm_state_free(&s->st);
    dm_engine_state_free(&s->es);
}

void dm_dual_state_reset(dm_dual_state *s, const dm_dual *d) { dm_lm_state_reset(&s->st, d->big); }

/* Layer l of the step: x is its input (may be the state's own buffer); gin
 * NULL on the streaming path, else the batched input projections. */
static void layer_step(const dm_dual *d, dm_dual_state *s, int l, const float *x, const float *gin, int audit,
                       dm_dual_stats *stats)
{
    const dm_rnn_layer *L = &d->big->layer[l];
    float *xh = s->st.xh[l];
    if (x != xh)
        memcpy(xh, x, (size_t)L->in * sizeof(float));
    dm_site_io io = {.u = xh, .gin = gin, .g = s->st.gates, .aux = s->st.ghn, .h = xh + L->in, .c = s->st.c[l]};
    dm_engine_step(&d->eng, &s->es, l, &io, audit, stats);
}

void dm_dual_step_rnn(const dm_dual *d, dm_dual_state *s, int token, int audit, dm_dual_stats *stats)
{
    const dm_lm *m = d->big;
    const float *x = m->emb + (size_t)token * m->emsize;
    for (int l = 0; l < m->nlayers; l++) {
        layer_step(d, s, l, x, NULL, audit, stats);
        x = s->st.xh[l] + m->layer[l].in;
    }
}

void dm_dual_step(const dm_dual *d, dm_dual_state *s, int token, int audit, dm_dual_stats *stats)
{
    const dm_lm *m = d->big;
    dm_dual_step_rnn(d, s, token, audit, stats);
    const float *h = dm_lm_state_h(&s->st, m, m->nlayers - 1);
    memcpy(s->st.logits, m->dec_b, (size_t)m->ntoken * sizeof(float));
    dm_dense_gemv(m->ntoken, m->nhid, m->dec_w, m->nhid, h, s->st.logits);
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
            layer_step(d, s, l, q->x + (size_t)t * L->in, q->gin + (size_t)t * R, audit, stats);
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

/* Paired standard error of exp(mean q) - exp(mean d) from the sums of the
 * per-prediction NLLs d, q and of their differences q - d (delta method:
 * var = (Pq^2 vq + Pd^2 vd - 2 Pq Pd cov) / n, written without the
 * cancellation of its large terms as ((Pq - Pd)(Pq vq - Pd vd) + Pq Pd vdiff)
 * / n, where cov = (vq + vd - vdiff) / 2). */
double dm_ppl_delta_se(const dm_nll_acc *ad, const dm_nll_acc *aq, const dm_nll_acc *adiff)
{
    long n = ad->n;
    if (n < 2 || aq->n != n || adiff->n != n)
        return NAN;
    double md = ad->sum / (double)n, mq = aq->sum / (double)n, mx = adiff->sum / (double)n;
    double vd = ad->sumsq / (double)n - md * md, vq = aq->sumsq / (double)n - mq * mq;
    double vx = adiff->sumsq / (double)n - mx * mx;
    vd = vd > 0 ? vd : 0, vq = vq > 0 ? vq : 0, vx = vx > 0 ? vx : 0;
    double pd = exp(md), pq = exp(mq);
    double v = ((pq - pd) * (pq * vq - pd * vd) + pq * pd * vx) / (double)n;
    return v > 0 ? sqrt(v) : 0;
}

/* The figures of n scored predictions so far into r (dense and dual
 * perplexity, their paired s.e., KL and top-1 agreement); items and seconds
 * as given. */
static void put_figures(dm_dual_result *r, const dm_nll_acc *ad, const dm_nll_acc *aq, const dm_nll_acc *adiff,
                        long n, double kl, long agree, long items, double secs)
{
    dm_nll_result(ad, &r->dense);
    dm_nll_result(aq, &r->dual);
    r->delta_se = dm_ppl_delta_se(ad, aq, adiff);
    r->dense.items = r->dual.items = items;
    r->dense.seconds = r->dual.seconds = secs;
    r->kld = n && kl > 0 ? kl / (double)n : 0; /* a divergence: below 0 only by rounding */
    r->top1_agree = n ? (double)agree / (double)n : 0;
}

int dm_eval_lm_dual(const dm_dual *d, const dm_corpus *c, const dm_eval_opts *o, int audit, dm_dual_result *r,
                    dm_err *err)
{
    const dm_lm *m = d->big;
    dm_eval_opts def = {0};
    if (!o)
        o = &def;
    if (o->streams > 1)
        return dm_eval_lm_dual_streams(d, c, o, audit, r, err);
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
    dm_nll_acc ad = {0}, aq = {0}, ax = {0};
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
            dm_nll_add(&ax, lpd[tgt] - lpq[tgt]);
        }
        if (o->cancel && *o->cancel) {
            r->dual.cancelled = r->dense.cancelled = 1;
            stop = 1;
        }
        double now = dm_now();
        if (o->progress && now >= next) {
            /* partial figures in *r too (the callback's owner may read them) */
            put_figures(r, &ad, &aq, &ax, i, kl, agree, i, now - t0);
            o->progress(&r->dual, npred, o->progress_ud);
            next = now + every;
        }
    }
    double secs = dm_now() - t0;
    put_figures(r, &ad, &aq, &ax, i, kl, agree, r->dual.cancelled ? i : c->n, secs);
    r->dense.items_per_s = r->dual.items_per_s = secs > 0 ? (double)i / secs : 0;
    dm_dual_state_free(&qs);
    dm_lm_seq_free(&dq);
    dm_lm_seq_free(&qq);
    free(lpd), free(lpq), free(pd);
    return 0;
}

/* ---- the quality path: N streams ---- */

/* exp(x) for x <= 0 (a softmax's shifted logits), in float, written so the
 * compiler vectorises it: x = n ln2 + r, |r| <= ln2/2, 2^n by the exponent
 * bits, e^r by its degree-6 Taylor polynomial (relative error < 3e-7, a few
 * float ulps: the perplexity moves by less than 1e-6 relative). Below -87
 * the result is 0, as expf's underflow. */
static inline float exp_neg(float x)
{
    x = x < -87.0f ? -87.0f : x;
    /* round to nearest by the 1.5 * 2^23 trick (vectorises, unlike roundf) */
    float n = (x * 1.44269504088896341f + 12582912.0f) - 12582912.0f;
    float r = x - n * 0.693145751953125f - n * 1.42860682030941723212e-6f;
    float p = 1.0f / 720;
    p = p * r + 1.0f / 120;
    p = p * r + 1.0f / 24;
    p = p * r + 1.0f / 6;
    p = p * r + 0.5f;
    p = p * r + 1.0f;
    p = p * r + 1.0f;
    union {
        float f;
        int32_t i;
    } u = {.i = ((int32_t)n + 127) << 23};
    return p * u.f;
}

/* One prediction's figures from the dense and dual logits (V entries):
 * the targets' negative log-likelihoods, KL(dense || dual), and whether the
 * two argmaxes agree. */
typedef struct ms_fig {
    double nlld, nllq, kl;
    int agree;
} ms_fig;

static int argmax_f(const float *v, int n, float *mx)
{
    int am = 0;
    float m = v[0];
    for (int i = 1; i < n; i++)
        if (v[i] > m)
            m = v[i], am = i;
    *mx = m;
    return am;
}

typedef float ms_v8f __attribute__((vector_size(32), aligned(4)));
typedef int32_t ms_v8i __attribute__((vector_size(32), aligned(4)));

/* exp_neg on 8 lanes (the compiler maps the vector type onto what the
 * target has: two SSE registers on the x86-64 baseline). */
static inline void exp_neg8(ms_v8f *px)
{
    ms_v8f x = *px;
    const ms_v8f lo = {-87, -87, -87, -87, -87, -87, -87, -87};
    ms_v8i under = x < lo;
    x = (ms_v8f)(((ms_v8i)x & ~under) | ((ms_v8i)lo & under));
    ms_v8f n = (x * 1.44269504088896341f + 12582912.0f) - 12582912.0f;
    ms_v8f r = x - n * 0.693145751953125f - n * 1.42860682030941723212e-6f;
    ms_v8f p = r * (1.0f / 720) + 1.0f / 120;
    p = p * r + 1.0f / 24;
    p = p * r + 1.0f / 6;
    p = p * r + 0.5f;
    p = p * r + 1.0f;
    p = p * r + 1.0f;
    ms_v8i e = (__builtin_convertvector(n, ms_v8i) + 127) << 23;
    *px = p * (ms_v8f)e;
}

static float hsum8(const ms_v8f *v)
{
    return (((*v)[0] + (*v)[1]) + ((*v)[2] + (*v)[3])) + (((*v)[4] + (*v)[5]) + ((*v)[6] + (*v)[7]));
}

/* sum over i of exp(l[i] - m) (m: the row's max), in blocks of float
 * partial sums summed in double; with p, the terms into p[0..V). Inlined
 * into each caller, so it takes the caller's target (clones below). */
static inline __attribute__((always_inline)) double ms_expsum(const float *l, int V, float m, float *p)
{
    double S = 0;
    enum { B = 256 };
    int i = 0;
    for (; i + 8 <= V;) {
        ms_v8f s = {0};
        int end = i + B <= V ? i + B : V;
        for (; i + 8 <= end; i += 8) {
            ms_v8f a;
            memcpy(&a, l + i, sizeof a);
            a -= m;
            exp_neg8(&a);
            if (p)
                memcpy(p + i, &a, sizeof a);
            s += a;
        }
        S += hsum8(&s);
    }
    for (; i < V; i++) {
        float a = exp_neg(l[i] - m);
        if (p)
            p[i] = a;
        S += a;
    }
    return S;
}

#define MS_CLONES __attribute__((target_clones("avx512f", "avx2", "default")))

MS_CLONES static void ms_figures(const float *ld, const float *lq, int V, int tgt, ms_fig *f)
{
    float md, mq;
    int ad = argmax_f(ld, V, &md), aq = argmax_f(lq, V, &mq);
    double Sd = 0, Sq = 0, Sk = 0;
    enum { B = 256 }; /* blocks of float partial sums, summed in double */
    int i = 0;
    for (; i + 8 <= V;) {
        ms_v8f sd = {0}, sq = {0}, sk = {0};
        int end = i + B <= V ? i + B : V;
        for (; i + 8 <= end; i += 8) {
            ms_v8f xd, xq;
            memcpy(&xd, ld + i, sizeof xd);
            memcpy(&xq, lq + i, sizeof xq);
            xd -= md;
            xq -= mq;
            ms_v8f a = xd, b = xq;
            exp_neg8(&a);
            exp_neg8(&b);
            sd += a;
            sq += b;
            sk += a * (xd - xq);
        }
        Sd += hsum8(&sd), Sq += hsum8(&sq), Sk += hsum8(&sk);
    }
    for (; i < V; i++) {
        float xd = ld[i] - md, xq = lq[i] - mq, a = exp_neg(xd);
        Sd += a, Sq += exp_neg(xq), Sk += a * (xd - xq);
    }
    double lsd = log(Sd), lsq = log(Sq);
    /* KL = sum p_d (lp_d - lp_q), lp = (l - m) - log S: the log S terms factor out of the sum of p_d = 1 */
    f->kl = Sk / Sd - lsd + lsq;
    if (f->kl < 0)
        f->kl = 0; /* rounding of two equal distributions */
    f->nlld = lsd - ((double)ld[tgt] - md);
    f->nllq = lsq - ((double)lq[tgt] - mq);
    f->agree = ad == aq;
}

/* ---- the dense side kept between evaluations (lm_dual.h) ---- */

typedef struct ms_memo {
    double nlld, lse, sd; /* dense NLL of the target; log-sum-exp of the dense logits; e . h_dense */
    int argmax;
} ms_memo;

struct dm_lm_memo {
    uint64_t key;
    int state;   /* 0 unused, 1 key seen, 2 complete */
    long slots;  /* (L - 1) N */
    ms_memo *ent; /* slots */
    float *e;     /* slots x H: W_dec^T p */
    /* the model's packed decoder and layer weights (they depend on the model only: packed once) */
    const dm_lm *pk_m;
    uint64_t pk_hash;
    dm_pgemm pk_dec;
    dm_site_packed pk_site[DM_LM_MAX_LAYERS];
};

dm_lm_memo *dm_lm_memo_new(void) { return calloc(1, sizeof(dm_lm_memo)); }

static void memo_drop(dm_lm_memo *mo)
{
    free(mo->ent);
    dm_free(mo->e);
    mo->ent = NULL, mo->e = NULL, mo->slots = 0;
}

static void memo_unpack(dm_lm_memo *mo)
{
    dm_pgemm_free(&mo->pk_dec);
    for (int l = 0; l < DM_LM_MAX_LAYERS; l++)
        dm_site_packed_free(&mo->pk_site[l]);
    mo->pk_m = NULL, mo->pk_hash = 0;
}

void dm_lm_memo_free(dm_lm_memo *mo)
{
    if (!mo)
        return;
    memo_drop(mo);
    memo_unpack(mo);
    free(mo);
}

int dm_lm_memo_state(const dm_lm_memo *mo) { return mo ? mo->state : 0; }

/* Fill: the dense distribution of one prediction into p (V floats) and its
 * memo entry (the live figures still come from ms_figures). */
MS_CLONES static void ms_dense_fill(const float *ld, int V, int tgt, ms_memo *me, float *p)
{
    float md;
    int ad = argmax_f(ld, V, &md);
    double Sd = ms_expsum(ld, V, md, p);
    float inv = (float)(1.0 / Sd);
    for (int i = 0; i < V; i++)
        p[i] *= inv;
    double lsd = log(Sd);
    me->lse = (double)md + lsd;
    me->nlld = lsd - ((double)ld[tgt] - md);
    me->argmax = ad;
}

/* Use: one prediction's figures from the dual logits lq, its top state hq
 * (H values) and the dense side's memo entry and e vector. With dense and
 * dual logits W h + b, KL = sum p (ld - lq) - LSE(ld) + LSE(lq) =
 * e . (hd - hq) - LSE(ld) + LSE(lq), the bias cancelling; e . hd is kept
 * (sd) computed from the same float e as e . hq here, so e's rounding only
 * multiplies the small hd - hq (at ratio 0: KL exactly 0). */
MS_CLONES static void ms_figures_memo(const float *lq, int V, int tgt, const ms_memo *me, const float *e,
                                     const float *hq, int H, ms_fig *f)
{
    float mq;
    int aq = argmax_f(lq, V, &mq);
    double Sq = ms_expsum(lq, V, mq, NULL);
    double eh = 0;
    for (int j = 0; j < H; j++)
        eh += (double)e[j] * hq[j];
    double lsq = log(Sq), lse = (double)mq + lsq;
    f->kl = (me->sd - eh) - me->lse + lse;
    if (f->kl < 0)
        f->kl = 0;
    f->nlld = me->nlld;
    /* the dual NLL as ms_figures rounds it: the same value with or without the memo */
    f->nllq = lsq - ((double)lq[tgt] - mq);
    f->agree = me->argmax == aq;
}

/* The N streams are cut into groups of at most LS_GROUP contiguous streams,
 * dealt out to the workers (one per thread, each with OpenBLAS
 * single-threaded: the workers are the parallelism); each worker steps its
 * groups in lockstep. A group's dense and dual sides are stacked, dense rows
 * 0..n-1, dual rows n..2n-1, so each layer's pre-activations and the decoder
 * are one GEMM over 2n rows (the weights packed once for both); the decoder
 * runs once per block of DEC_BLOCK time steps (one GEMM packs its weights
 * once where a GEMM per step would pack them every step). The GEMMs' shapes
 * depend on the groups only, never on the thread count, and every
 * prediction's figures go to its (step, stream) slot and are summed in
 * (step, stream) order: the same figures on every machine. */
enum { DEC_BLOCK = 16, DEC_FIRST = 2, LS_GROUP = 10 };

typedef struct ls_shared {
    const dm_dual *d;
    const dm_corpus *c;
    const dm_eval_opts *o;
    int audit, N;
    long L;
    ms_fig *fig;          /* (L - 1) x N */
    volatile int stop;    /* a worker failed */
    /* the weights every worker multiplies by at every step, packed once (kernels/pgemm.h) */
    dm_pgemm dec;
    dm_site_packed site[DM_LM_MAX_LAYERS];
    dm_little_batch little[DM_LM_MAX_LAYERS];
    /* the dense side: computed (memo NULL), computed and kept (fill), or taken from the memo */
    dm_lm_memo *memo;
    int fill;
    dm_pgemm dect;        /* fill: W_dec^T packed, for e = W^T p */
    int borrowed;         /* dec and site are the memo's (packed by an earlier evaluation): not freed here */
} ls_shared;

typedef struct ls_group {
    int j0, n;            /* streams j0 .. j0 + n - 1 */
    float *U[DM_LM_MAX_LAYERS], *C[DM_LM_MAX_LAYERS];
    float *Htop;          /* DEC_BLOCK x 2n x H */
    int *tgt;             /* DEC_BLOCK x n */
} ls_group;

typedef struct ls_worker {
    ls_shared *sh;
    int g0, ng, gstep;    /* its groups: g0, g0 + gstep, ... (ng of them) */
    volatile long tdone;  /* steps whose figures are in sh->fig */
    dm_dual_stats stats;
    int rc;
    dm_err err;
} ls_worker;

static void *ls_work(void *arg)
{
    ls_worker *w = arg;
    ls_shared *sh = w->sh;
    const dm_dual *d = sh->d;
    const dm_corpus *c = sh->c;
    const dm_lm *m = d->big;
    const dm_engine *e = &d->eng;
    int N = sh->N, H = m->nhid, V = m->ntoken, R = dm_lm_pre_rows(m), NL = m->nlayers, G = LS_GROUP;
    long L = sh->L;
    ls_group *gr = calloc((size_t)(w->ng > 0 ? w->ng : 1), sizeof *gr);
    int ok = gr != NULL;
    for (int q = 0; ok && q < w->ng; q++) {
        ls_group *p = &gr[q];
        p->j0 = (w->g0 + q * w->gstep) * G;
        p->n = N - p->j0 < G ? N - p->j0 : G;
        for (int l = 0; l < NL; l++) {
            size_t ul = (size_t)2 * p->n * m->layer[l].ld, cl = (size_t)2 * p->n * H;
            p->U[l] = dm_alloc(ul * sizeof(float));
            p->C[l] = dm_alloc(cl * sizeof(float));
            ok = ok && p->U[l] && p->C[l];
            if (ok) {
                memset(p->U[l], 0, ul * sizeof(float));
                memset(p->C[l], 0, cl * sizeof(float));
            }
        }
        p->Htop = dm_alloc((size_t)DEC_BLOCK * 2 * p->n * H * sizeof(float));
        p->tgt = malloc((size_t)DEC_BLOCK * p->n * sizeof *p->tgt);
        ok = ok && p->Htop && p->tgt;
    }
    float *logits = dm_alloc((size_t)DEC_BLOCK * 2 * G * V * sizeof(float));
    float *Y = dm_alloc((size_t)G * R * sizeof(float)), *EX = dm_alloc((size_t)2 * G * R * sizeof(float));
    float *g = dm_alloc((size_t)R * sizeof(float)), *aux = dm_alloc((size_t)H * sizeof(float));
    /* fill: the block's dense distributions and their W^T p, per group */
    float *P = sh->fill ? dm_alloc((size_t)DEC_BLOCK * G * V * sizeof(float)) : NULL;
    float *E = sh->fill ? dm_alloc((size_t)DEC_BLOCK * G * H * sizeof(float)) : NULL;
    dm_engine_state es;
    dm_little_work lw = {0};
    int have_es = 0;
    if (ok && logits && Y && EX && g && aux && (!sh->fill || (P && E)) && dm_engine_state_init(&es, e, &w->err) == 0)
        have_es = 1;
    /* rows per group: the dense side's n (none when the memo has it), then the dual side's n */
    const int use = sh->memo && !sh->fill;
    w->rc = 0;
    if (!have_es) {
        w->rc = dm_errf(&w->err, "out of memory for %d streams", N);
        sh->stop = 1;
        goto out;
    }
    /* the first block is short, so the first figures come at once (a slider move in the TUI) */
    long blk0 = 0;
    int blen = DEC_FIRST;
    for (long t = 0; t + 1 < L; t++) {
        int bt = (int)(t - blk0);
        for (int q = 0; q < w->ng; q++) {
            ls_group *p = &gr[q];
            int n = p->n, dn = use ? 0 : n;
            /* inputs: the embeddings of token t of every stream, on both sides */
            int ld0 = m->layer[0].ld;
            for (int j = 0; j < n; j++) {
                const float *x = m->emb + (size_t)c->ids[(long)(p->j0 + j) * L + t] * m->emsize;
                if (dn)
                    memcpy(p->U[0] + (size_t)j * ld0, x, (size_t)m->emsize * sizeof(float));
                memcpy(p->U[0] + (size_t)(dn + j) * ld0, x, (size_t)m->emsize * sizeof(float));
            }
            for (int l = 0; l < NL; l++) {
                const dm_rnn_layer *Ly = &m->layer[l];
                const dm_site *st = &d->site[l];
                int ld = Ly->ld, lastl = l + 1 == NL;
                float *Ud = p->U[l], *Uq = p->U[l] + (size_t)dn * ld;
                /* the exact pre-activations of every row, both sides; the little outputs, dual side */
                st->ops->exact_pre(st, &sh->site[l], Ud, ld, dn + n, EX);
                if (dm_little_batch_forward(&sh->little[l], &lw, Uq, ld, n, Y, &w->err)) {
                    w->rc = -1;
                    sh->stop = 1;
                    goto out;
                }
                /* dense: the cells' update by the same epilogue as the dual side's (at ratio 0 the two
                 * sides agree bit for bit; the kernels' vectorised cell once the engine has them) */
                for (int j = 0; j < dn; j++) {
                    float *pre = EX + (size_t)j * R, *h = Ud + (size_t)j * ld + Ly->in;
                    memcpy(g, pre, (size_t)R * sizeof(float));
                    dm_site_io dio = {.u = Ud + (size_t)j * ld, .g = g, .aux = pre + 3 * H, .h = h,
                                      .c = p->C[l] + (size_t)j * H};
                    st->ops->epilogue(st, e->kern, &dio);
                    if (!lastl)
                        memcpy(p->U[l + 1] + (size_t)j * m->layer[l + 1].ld, h, (size_t)H * sizeof(float));
                }
                /* dual: little and exact rows merged by the region test */
                for (int j = 0; j < n; j++) {
                    float *u = Uq + (size_t)j * ld;
                    dm_site_io io = {.u = u, .g = g, .aux = aux, .h = u + Ly->in, .c = p->C[l] + (size_t)(n + j) * H};
                    dm_engine_merge(e, &es, l, Y + (size_t)j * R, EX + (size_t)(dn + j) * R, &io, sh->audit,
                                    &w->stats);
                    if (!lastl)
                        memcpy(p->U[l + 1] + (size_t)(dn + j) * m->layer[l + 1].ld, u + Ly->in,
                               (size_t)H * sizeof(float));
                }
            }
            int lt = NL - 1, ldt = m->layer[lt].ld, off = m->layer[lt].in;
            for (int j = 0; j < dn + n; j++)
                memcpy(p->Htop + ((size_t)bt * (dn + n) + j) * H, p->U[lt] + (size_t)j * ldt + off,
                       (size_t)H * sizeof(float));
            for (int j = 0; j < n; j++)
                p->tgt[bt * n + j] = c->ids[(long)(p->j0 + j) * L + t + 1];
        }
        int stop_now = sh->stop || (sh->o->cancel && *sh->o->cancel);
        if (bt + 1 < blen && t + 2 < L && !stop_now)
            continue;
        /* the block's steps: one decoder GEMM per group, then each prediction's figures into its slot */
        int nb = bt + 1;
        long tb0 = blk0;
        blk0 = t + 1, blen = DEC_BLOCK;
        for (int q = 0; q < w->ng; q++) {
            ls_group *p = &gr[q];
            int n = p->n, dn = use ? 0 : n, rows = dn + n;
            dm_pgemm_bias(&sh->dec, nb * rows, p->Htop, H, m->dec_b, logits, V);
            for (int b = 0; b < nb; b++) {
                const float *lg = logits + (size_t)b * rows * V;
                for (int j = 0; j < n; j++) {
                    size_t slot = (size_t)(tb0 + b) * N + p->j0 + j;
                    if (use)
                        ms_figures_memo(lg + (size_t)j * V, V, p->tgt[b * n + j], &sh->memo->ent[slot],
                                        sh->memo->e + slot * H, p->Htop + ((size_t)b * rows + j) * H, H,
                                        &sh->fig[slot]);
                    else
                        ms_figures(lg + (size_t)j * V, lg + (size_t)(n + j) * V, V, p->tgt[b * n + j],
                                   &sh->fig[slot]);
                    if (sh->fill)
                        ms_dense_fill(lg + (size_t)j * V, V, p->tgt[b * n + j], &sh->memo->ent[slot],
                                      P + ((size_t)b * n + j) * V);
                }
            }
            if (sh->fill) { /* e = W^T p for the block's predictions, one GEMM, then into their slots */
                memset(E, 0, (size_t)nb * n * H * sizeof(float));
                dm_pgemm_run(&sh->dect, nb * n, P, V, E, H);
                for (int b = 0; b < nb; b++)
                    for (int j = 0; j < n; j++) {
                        size_t slot = (size_t)(tb0 + b) * N + p->j0 + j;
                        const float *ej = E + ((size_t)b * n + j) * H, *hd = p->Htop + ((size_t)b * rows + j) * H;
                        double sd = 0;
                        for (int i = 0; i < H; i++)
                            sd += (double)ej[i] * hd[i];
                        sh->memo->ent[slot].sd = sd;
                        memcpy(sh->memo->e + slot * H, ej, (size_t)H * sizeof(float));
                    }
            }
            w->stats.dec_bytes += (double)((size_t)V * H + V) * sizeof(float) * n * nb;
            w->stats.steps += (long)n * nb;
        }
        __atomic_store_n(&w->tdone, t + 1, __ATOMIC_RELEASE);
        if (stop_now)
            break;
    }
out:
    if (have_es)
        dm_engine_state_free(&es);
    dm_little_work_free(&lw);
    for (int q = 0; gr && q < w->ng; q++) {
        for (int l = 0; l < NL; l++)
            dm_free(gr[q].U[l]), dm_free(gr[q].C[l]);
        dm_free(gr[q].Htop);
        free(gr[q].tgt);
    }
    free(gr);
    dm_free(logits), dm_free(Y), dm_free(EX), dm_free(g), dm_free(aux), dm_free(P), dm_free(E);
    return NULL;
}

/* Which way the dense side goes (lm_dual.h): the memo's key is the model,
 * the tokens, the streams and the cell kernels the dense side's update
 * uses. The first evaluation with a key only notes it; the second fills the
 * memo (when its e vectors take at most 1 GB); later ones use it. */
static void memo_choose(ls_shared *sh, dm_lm_memo *mo)
{
    sh->memo = NULL, sh->fill = 0;
    if (!mo)
        return;
    const dm_lm *m = sh->d->big;
    uint64_t parts[6] = {(uint64_t)(uintptr_t)m, (uint64_t)(uintptr_t)sh->c->ids, (uint64_t)sh->c->n,
                         (uint64_t)sh->N, (uint64_t)(uintptr_t)sh->d->eng.kern, m->file_hash};
    uint64_t key = dm_fnv1a(DM_FNV_INIT, parts, sizeof parts);
    long slots = (sh->L - 1) * (long)sh->N;
    if (mo->key == key && mo->state == 2 && mo->slots == slots) {
        sh->memo = mo;
        return;
    }
    if (mo->key != key || mo->state == 0) {
        memo_drop(mo);
        mo->key = key, mo->state = 1;
        return;
    }
    /* seen once: fill */
    memo_drop(mo);
    mo->state = 1;
    if ((double)slots * m->nhid * sizeof(float) > 1e9)
        return;
    mo->ent = calloc((size_t)slots, sizeof *mo->ent);
    mo->e = dm_alloc((size_t)slots * m->nhid * sizeof(float));
    if (!mo->ent || !mo->e) {
        memo_drop(mo);
        return;
    }
    mo->slots = slots;
    sh->memo = mo, sh->fill = 1;
}

static void ls_unpack(ls_shared *sh)
{
    if (!sh->borrowed) {
        dm_pgemm_free(&sh->dec);
        for (int l = 0; l < DM_LM_MAX_LAYERS; l++)
            dm_site_packed_free(&sh->site[l]);
    }
    dm_pgemm_free(&sh->dect);
    for (int l = 0; l < DM_LM_MAX_LAYERS; l++)
        dm_little_batch_free(&sh->little[l]);
}

/* Pack the decoder, every layer's weights and little weights (a few ms; the
 * pass then reads each once per step group instead of OpenBLAS repacking
 * them on every call). */
static int ls_pack(ls_shared *sh, dm_lm_memo *mo, dm_err *err)
{
    const dm_dual *d = sh->d;
    const dm_lm *m = d->big;
    memset(&sh->dec, 0, sizeof sh->dec);
    memset(&sh->dect, 0, sizeof sh->dect);
    memset(sh->site, 0, sizeof sh->site);
    memset(sh->little, 0, sizeof sh->little);
    sh->borrowed = 0;
    int rc = 0;
    if (mo && mo->pk_m == m && mo->pk_hash == m->file_hash) {
        sh->dec = mo->pk_dec;
        memcpy(sh->site, mo->pk_site, sizeof sh->site);
        sh->borrowed = 1;
    } else {
        rc = dm_pgemm_pack(&sh->dec, m->dec_w, m->nhid, m->ntoken, m->nhid, 1, err);
        for (int l = 0; !rc && l < m->nlayers; l++)
            rc = dm_site_pack(&d->site[l], &sh->site[l], err);
        /* kept for the next evaluation when self-contained (packed; the OpenBLAS fallback points at the
         * model's weights) */
        if (!rc && mo && sh->dec.p) {
            memo_unpack(mo);
            mo->pk_dec = sh->dec;
            memcpy(mo->pk_site, sh->site, sizeof sh->site);
            mo->pk_m = m, mo->pk_hash = m->file_hash;
            sh->borrowed = 1;
        }
    }
    if (!rc && sh->fill) /* e = p . W_dec: W_dec (V x H) is the transposed operand of a V-deep product */
        rc = dm_pgemm_pack_t(&sh->dect, m->dec_w, m->nhid, m->nhid, m->ntoken, 1, err);
    for (int l = 0; !rc && l < m->nlayers; l++)
        rc = dm_little_batch_init(&sh->little[l], &d->eng.s[l].little, 1, err);
    if (rc) {
        ls_unpack(sh);
        return -1;
    }
    return 0;
}

/* Sum the figures of steps [0, T) in (step, stream) order. */
static void ls_sum(const ls_shared *sh, long T, dm_nll_acc *ad, dm_nll_acc *aq, dm_nll_acc *ax, double *kl,
                   long *agree)
{
    memset(ad, 0, sizeof *ad);
    memset(aq, 0, sizeof *aq);
    memset(ax, 0, sizeof *ax);
    *kl = 0;
    *agree = 0;
    for (long t = 0; t < T; t++)
        for (int j = 0; j < sh->N; j++) {
            const ms_fig *f = &sh->fig[(size_t)t * sh->N + j];
            *kl += f->kl;
            *agree += f->agree;
            dm_nll_add(ad, f->nlld);
            dm_nll_add(aq, f->nllq);
            dm_nll_add(ax, f->nllq - f->nlld);
        }
}

int dm_eval_lm_dual_streams(const dm_dual *d, const dm_corpus *c, const dm_eval_opts *o, int audit,
                            dm_dual_result *r, dm_err *err)
{
    const dm_lm *m = d->big;
    int N = o->streams, V = m->ntoken;
    memset(r, 0, sizeof *r);
    long L = c->n / N; /* tokens per stream */
    if (L < 2)
        return dm_errf(err, "%ld token(s) cut into %d streams leave fewer than 2 per stream; use fewer streams", c->n,
                       N);
    for (long i = 0; i < (long)N * L; i++)
        if (c->ids[i] < 0 || c->ids[i] >= V)
            return dm_errf(err, "token %ld has id %d outside the model's vocabulary of %d", i, c->ids[i], V);
    int ngroups = (N + LS_GROUP - 1) / LS_GROUP;
    int nw = dm_blas_threads();
    nw = nw < 1 ? 1 : nw > 16 ? 16 : nw;
    nw = nw > ngroups ? ngroups : nw;
    ls_shared sh = {.d = d, .c = c, .o = o, .audit = audit, .N = N, .L = L};
    memo_choose(&sh, o->memo);
    if (ls_pack(&sh, o->memo, err))
        return -1;
    sh.fig = malloc((size_t)(L - 1) * N * sizeof *sh.fig);
    ls_worker *w = calloc((size_t)nw, sizeof *w);
    pthread_t *tid = calloc((size_t)nw, sizeof *tid);
    if (!sh.fig || !w || !tid) {
        free(sh.fig), free(w), free(tid);
        ls_unpack(&sh);
        return dm_errf(err, "out of memory for %d streams of %ld tokens", N, L);
    }
    int blas_threads = dm_blas_threads();
    if (nw > 1)
        dm_blas_set_threads(1);
    double t0 = dm_now(), every = o->progress_every_s > 0 ? o->progress_every_s : 0.2;
    int started = 0;
    for (int i = 0; i < nw; i++) {
        w[i].sh = &sh;
        w[i].g0 = i, w[i].gstep = nw, w[i].ng = (ngroups - i + nw - 1) / nw;
        if (pthread_create(&tid[i], NULL, ls_work, &w[i]))
            break;
        started++;
    }
    if (started < nw) {
        sh.stop = 1;
    } else if (o->progress) {
        int shown = 0;
        for (;;) {
            struct timespec ts = {0, 20 * 1000 * 1000};
            double next = dm_now() + every;
            long tmin = L - 1;
            int running = 1;
            while (dm_now() < next && running) {
                nanosleep(&ts, NULL);
                tmin = L - 1;
                for (int i = 0; i < nw; i++) {
                    long td = __atomic_load_n(&w[i].tdone, __ATOMIC_ACQUIRE);
                    tmin = td < tmin ? td : tmin;
                }
                running = tmin < L - 1 && !sh.stop && !(o->cancel && *o->cancel);
                if (!shown && tmin > 0)
                    break; /* the first figures as soon as there are any */
            }
            if (!running)
                break;
            if (tmin == 0)
                continue; /* no prediction yet: nothing to show (a perplexity of 1) */
            shown = 1;
            dm_nll_acc ad, aq, ax;
            double kl;
            long agree;
            ls_sum(&sh, tmin, &ad, &aq, &ax, &kl, &agree);
            put_figures(r, &ad, &aq, &ax, tmin * N, kl, agree, tmin * N, dm_now() - t0);
            o->progress(&r->dual, (long)N * (L - 1), o->progress_ud);
        }
    }
    for (int i = 0; i < started; i++)
        pthread_join(tid[i], NULL);
    if (nw > 1)
        dm_blas_set_threads(blas_threads);
    int rc = 0;
    long tmin = L - 1;
    for (int i = 0; i < started; i++) {
        if (!rc && w[i].rc) {
            dm_errf(err, "%s", w[i].err.msg);
            rc = -1;
        }
        dm_stats_merge(&r->stats, &w[i].stats);
        tmin = w[i].tdone < tmin ? w[i].tdone : tmin;
    }
    if (!rc && started < nw)
        rc = dm_errf(err, "cannot start a worker thread");
    double secs = dm_now() - t0;
    if (!rc) {
        int cancelled = tmin < L - 1;
        r->dual.cancelled = r->dense.cancelled = cancelled;
        dm_nll_acc ad, aq, ax;
        double kl;
        long agree;
        ls_sum(&sh, tmin, &ad, &aq, &ax, &kl, &agree);
        long done = tmin * N;
        put_figures(r, &ad, &aq, &ax, done, kl, agree, cancelled ? done : (long)N * L, secs);
        r->dense.items_per_s = r->dual.items_per_s = secs > 0 ? (double)done / secs : 0;
    }
    if (sh.fill) { /* complete: kept; otherwise the next evaluation fills it again */
        if (!rc && tmin >= L - 1)
            sh.memo->state = 2;
        else
            memo_drop(sh.memo);
    }
    free(sh.fig), free(w), free(tid);
    ls_unpack(&sh);
    return rc;
}

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
                        v = clean[2 * H + j] + dm_act_apply(DM_ACT_SIGMOID, clean[j]) * clean[3 * H + j];
                    a[j] = v;
                    sc[j] = dm_score_of(act, policy, v, 1.0f);
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
                dm_stats_add_cos(gs, b, a, H, 0, act);
                dm_stats_add_cos(gs, b, a, H, 1, act);
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
        dm_dense_gemv(m->ntoken, m->nhid, m->dec_w, m->nhid, h, s.logits);
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
