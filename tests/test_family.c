/* test_family.c - a third network family, added without touching src/dual,
 * the store or the TUI: a two-hidden-layer MLP classifier on generated
 * data (Gaussian clusters), its hidden layers dual-module sites of the
 * "linear" kind with ReLU (one input stream each), registered here through
 * dm_family_register and driven only through the family interface and the
 * engine: fitting moments, the quality path (accuracy dense and dual side
 * by side) and the timing path.
 *
 * What it checks: the registry finds it; ratio 0 reproduces the dense
 * logits; ratio 1 takes every hidden unit from the little module; top-k
 * takes exactly round(r n) units per step; calibrated thresholds hit the
 * requested ratio on the calibration inputs; and at a moderate ratio the
 * dual classifier still agrees with the dense one on most inputs. */
#define _POSIX_C_SOURCE 200809L
#include <criterion/criterion.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "family.h"

#define NIN 16
#define NH1 48
#define NH2 32
#define NCLS 4
#define NTRAIN 3000
#define NTEST 600

typedef struct mlp {
    dm_net base; /* first */
    float w1[NH1 * NIN], b1[NH1];
    float w2[NH2 * NH1], b2[NH2];
    float w3[NCLS * NH2], b3[NCLS];
} mlp;

typedef struct mlp_data {
    dm_data base; /* first */
    int n;
    float *x;  /* n x NIN */
    int *y;    /* n */
} mlp_data;

static uint64_t rng_next(uint64_t *s)
{
    *s ^= *s << 13, *s ^= *s >> 7, *s ^= *s << 17;
    return *s;
}

static float urand(uint64_t *s) { return (float)((rng_next(s) >> 11) * (1.0 / 9007199254740992.0)) * 2.0f - 1.0f; }

static float grand(uint64_t *s)
{
    double u1 = ((rng_next(s) >> 11) + 0.5) / 9007199254740992.0, u2 = (rng_next(s) >> 11) / 9007199254740992.0;
    return (float)(sqrt(-2.0 * log(u1)) * cos(6.283185307179586 * u2));
}

/* Class c's cluster centre (fixed) and n samples drawn around them. */
static void centre(int c, float *mu)
{
    uint64_t s = 1000 + (uint64_t)c * 77;
    for (int j = 0; j < NIN; j++)
        mu[j] = 1.5f * urand(&s);
}

static void make_data(mlp_data *d, int n, uint64_t seed)
{
    memset(d, 0, sizeof *d);
    d->n = n;
    d->x = malloc(sizeof(float) * (size_t)n * NIN);
    d->y = malloc(sizeof(int) * (size_t)n);
    uint64_t s = seed;
    for (int i = 0; i < n; i++) {
        float mu[NIN];
        int c = (int)(rng_next(&s) % NCLS);
        centre(c, mu);
        d->y[i] = c;
        for (int j = 0; j < NIN; j++)
            d->x[(size_t)i * NIN + j] = mu[j] + 0.7f * grand(&s);
    }
    d->base.items = n;
    d->base.scored = n;
    d->base.hash = seed;
}

static void hidden(const mlp *m, const float *x, float *h1, float *h2)
{
    for (int r = 0; r < NH1; r++) {
        float a = m->b1[r];
        for (int j = 0; j < NIN; j++)
            a += m->w1[r * NIN + j] * x[j];
        h1[r] = a > 0 ? a : 0;
    }
    for (int r = 0; r < NH2; r++) {
        float a = m->b2[r];
        for (int j = 0; j < NH1; j++)
            a += m->w2[r * NH1 + j] * h1[j];
        h2[r] = a > 0 ? a : 0;
    }
}

static int classify(const mlp *m, const float *h2, float *logits)
{
    int best = 0;
    for (int c = 0; c < NCLS; c++) {
        float a = m->b3[c];
        for (int j = 0; j < NH2; j++)
            a += m->w3[c * NH2 + j] * h2[j];
        logits[c] = a;
        if (a > logits[best])
            best = c;
    }
    return best;
}

/* Random hidden layers; the output layer is the nearest-class-mean rule in
 * h2 space, from training data (logit_c = h2 . m_c - |m_c|^2 / 2). */
static int mlp_load(const char *path, const char *vocab, dm_net **out, dm_err *err)
{
    (void)path, (void)vocab, (void)err;
    mlp *m = calloc(1, sizeof *m);
    uint64_t s = 99;
    for (int i = 0; i < NH1 * NIN; i++)
        m->w1[i] = urand(&s) * 0.5f;
    for (int i = 0; i < NH1; i++)
        m->b1[i] = urand(&s) * 0.5f;
    for (int i = 0; i < NH2 * NH1; i++)
        m->w2[i] = urand(&s) * 0.25f;
    for (int i = 0; i < NH2; i++)
        m->b2[i] = urand(&s) * 0.25f;
    mlp_data tr;
    make_data(&tr, NTRAIN, 5);
    double mean[NCLS][NH2] = {{0}};
    int cnt[NCLS] = {0};
    for (int i = 0; i < tr.n; i++) {
        float h1[NH1], h2[NH2];
        hidden(m, tr.x + (size_t)i * NIN, h1, h2);
        cnt[tr.y[i]]++;
        for (int j = 0; j < NH2; j++)
            mean[tr.y[i]][j] += h2[j];
    }
    for (int c = 0; c < NCLS; c++) {
        double sq = 0;
        for (int j = 0; j < NH2; j++) {
            double v = mean[c][j] / (cnt[c] ? cnt[c] : 1);
            m->w3[c * NH2 + j] = (float)v;
            sq += v * v;
        }
        m->b3[c] = (float)(-0.5 * sq);
    }
    free(tr.x), free(tr.y);
    dm_net *n = &m->base;
    snprintf(n->arch, sizeof n->arch, "MLP %d-%d-%d-%d", NIN, NH1, NH2, NCLS);
    snprintf(n->kind, sizeof n->kind, "MLP");
    n->params = NH1 * (NIN + 1) + NH2 * (NH1 + 1) + NCLS * (NH2 + 1);
    n->layers = 2;
    n->hidden = NH1;
    n->nsites = 2;
    dm_site_linear(&n->site[0], "fc1", NIN, NH1, m->w1, NIN, m->b1, DM_ACT_RELU, "relu");
    dm_site_linear(&n->site[1], "fc2", NH1, NH2, m->w2, NH1, m->b2, DM_ACT_RELU, "relu");
    *out = n;
    return 0;
}

static void mlp_free(dm_net *n) { free(n); }
static int mlp_probe(const char *path) { return strncmp(path, "mlp:", 4) == 0; }

static int mlp_open(const dm_net *n, const char *path, long limit, dm_data **out, dm_err *err)
{
    (void)n, (void)err;
    mlp_data *d = malloc(sizeof *d);
    int count = strcmp(path, "train") == 0 ? NTRAIN : NTEST;
    if (limit > 0 && limit < count)
        count = (int)limit;
    make_data(d, count, strcmp(path, "train") == 0 ? 5 : 11);
    *out = &d->base;
    return 0;
}

static void mlp_close(dm_data *d)
{
    mlp_data *m = (mlp_data *)d;
    free(m->x), free(m->y), free(m);
}

static int mlp_fit(const dm_net *n, const dm_data *train, long n_fit, int ncal, dm_fitdata *fd,
                   const dm_fit_progress *prog, dm_err *err)
{
    (void)prog;
    const mlp *m = (const mlp *)n;
    const mlp_data *d = (const mlp_data *)train;
    if (dm_fitdata_init(fd, n->site, n->nsites, ncal, err))
        return -1;
    for (long i = 0; i < n_fit && i < d->n; i++) {
        const float *x = d->x + (size_t)i * NIN;
        float h1[NH1], h2[NH2], p1[NH1], p2[NH2];
        hidden(m, x, h1, h2);
        for (int r = 0; r < NH1; r++) { /* pre-activations: the little module's targets */
            p1[r] = m->b1[r];
            for (int j = 0; j < NIN; j++)
                p1[r] += m->w1[r * NIN + j] * x[j];
        }
        for (int r = 0; r < NH2; r++) {
            p2[r] = m->b2[r];
            for (int j = 0; j < NH1; j++)
                p2[r] += m->w2[r * NH1 + j] * h1[j];
        }
        if (dm_moments_add(&fd->mom[0], x, NIN, p1, 1, err) || dm_moments_add(&fd->mom[1], h1, NH1, p2, 1, err))
            return -1;
        if (i < ncal) {
            memcpy(fd->cal_u[0] + (size_t)i * NIN, x, sizeof(float) * NIN);
            memcpy(fd->cal_u[1] + (size_t)i * NH1, h1, sizeof(float) * NH1);
        }
    }
    fd->fit_items = n_fit;
    return 0;
}

/* One input through the dual classifier (engine sites fc1, fc2). */
static int dual_forward(const mlp *m, const dm_engine *e, dm_engine_state *es, const float *x, float *logits,
                        dm_dual_stats *st)
{
    float g1[NH1], h1[NH1], g2[NH2], h2[NH2];
    dm_site_io io1 = {.u = x, .g = g1, .h = h1};
    dm_engine_step(e, es, 0, &io1, 0, st);
    dm_site_io io2 = {.u = h1, .g = g2, .h = h2};
    dm_engine_step(e, es, 1, &io2, 0, st);
    return classify(m, h2, logits);
}

static int mlp_eval(const dm_net *n, const dm_engine *e, const dm_data *data, const dm_eval_opts *o, int audit,
                    dm_dual_result *r, dm_err *err)
{
    (void)o, (void)audit;
    const mlp *m = (const mlp *)n;
    const mlp_data *d = (const mlp_data *)data;
    dm_engine_state es;
    if (dm_engine_state_init(&es, e, err))
        return -1;
    memset(r, 0, sizeof *r);
    long okd = 0, okq = 0, agree = 0;
    for (int i = 0; i < d->n; i++) {
        const float *x = d->x + (size_t)i * NIN;
        float h1[NH1], h2[NH2], ld[NCLS], lq[NCLS];
        hidden(m, x, h1, h2);
        int pd = classify(m, h2, ld);
        int pq = dual_forward(m, e, &es, x, lq, &r->stats);
        okd += pd == d->y[i], okq += pq == d->y[i], agree += pd == pq;
    }
    dm_engine_state_free(&es);
    r->dense.value = (double)okd / d->n;
    r->dual.value = (double)okq / d->n;
    r->dense.items = r->dual.items = d->n;
    r->top1_agree = (double)agree / d->n;
    r->kld = NAN;
    return 0;
}

static int mlp_bench(const dm_net *n, const dm_engine *e, int steps, int cold, dm_dual_bench *b, dm_err *err)
{
    (void)cold;
    const mlp *m = (const mlp *)n;
    memset(b, 0, sizeof *b);
    dm_engine_state es;
    if (dm_engine_state_init(&es, e, err))
        return -1;
    float x[NIN] = {0}, lq[NCLS];
    dm_dual_stats st = {0};
    for (int i = 0; i < steps; i++)
        dual_forward(m, e, &es, x, lq, &st);
    dm_engine_state_free(&es);
    b->steps = steps;
    b->achieved = dm_stats_ratio(&st, -1, -1);
    return 0;
}

static const dm_family mlp_family = {
    .name = "mlp-test", .metric = "accuracy", .item = "image",
    .probe = mlp_probe, .load = mlp_load, .free = mlp_free, .open = mlp_open, .close = mlp_close,
    .fit = mlp_fit, .eval = mlp_eval, .bench = mlp_bench,
};

typedef struct fixture {
    dm_net *net;
    const dm_family *f;
    dm_fitdata fd;
    dm_data *test;
} fixture;

static void setup(fixture *x)
{
    dm_err err;
    cr_assert_eq(dm_family_register(&mlp_family), 0);
    x->f = dm_family_probe("mlp:demo", &err);
    cr_assert(x->f == &mlp_family, "the registry finds the family by its probe");
    cr_assert(dm_family_find("mlp-test") == &mlp_family && dm_family_find("rnnlm") == &dm_family_rnnlm);
    cr_assert_eq(dm_net_load("mlp:demo", NULL, &x->net, &err), 0, "%s", err.msg);
    dm_data *train;
    cr_assert_eq(x->f->open(x->net, "train", 0, &train, &err), 0);
    cr_assert_eq(x->f->fit(x->net, train, NTRAIN, 1000, &x->fd, NULL, &err), 0, "%s", err.msg);
    x->f->close(train);
    cr_assert_eq(x->f->open(x->net, "test", 0, &x->test, &err), 0);
}

static void teardown(fixture *x)
{
    x->f->close(x->test);
    dm_fitdata_free(&x->fd);
    dm_net_free(x->net);
}

static void build(fixture *x, dm_engine *e, double ratio, int bits, int k, dm_mode mode)
{
    dm_err err;
    dm_dual_cfg c;
    dm_dual_cfg_default(&c);
    c.ratio = ratio, c.bits = bits, c.k = k, c.mode = mode;
    cr_assert_eq(dm_engine_build(e, x->net->site, x->net->nsites, &x->fd, &c, &err), 0, "%s", err.msg);
}

Test(family, ratio_zero_is_dense_and_accuracy_is_real)
{
    fixture x;
    setup(&x);
    dm_engine e;
    dm_err err;
    build(&x, &e, 0.0, 8, 8, DM_MODE_TOPK);
    dm_dual_result r;
    cr_assert_eq(x.f->eval(x.net, &e, x.test, NULL, 0, &r, &err), 0, "%s", err.msg);
    cr_expect(r.dense.value > 0.8, "the dense classifier works: accuracy %.3f", r.dense.value);
    cr_expect_eq(r.dual.value, r.dense.value, "ratio 0: dual accuracy %.4f, dense %.4f", r.dual.value,
                 r.dense.value);
    cr_expect_eq(r.top1_agree, 1.0);
    cr_expect_eq(dm_stats_ratio(&r.stats, -1, -1), 0.0);
    cr_expect_float_eq(r.stats.big_bytes, r.stats.dense_bytes, 0.5, "every big row read");
    dm_engine_free(&e);
    teardown(&x);
}

Test(family, ratio_one_takes_the_little_outputs)
{
    fixture x;
    setup(&x);
    dm_engine e;
    dm_err err;
    build(&x, &e, 1.0, 0, 8, DM_MODE_TOPK);
    dm_engine_state es;
    cr_assert_eq(dm_engine_state_init(&es, &e, &err), 0);
    const mlp_data *d = (const mlp_data *)x.test;
    dm_dual_stats st = {0};
    float scr[64], y[NH1], g[NH1], h[NH1];
    for (int i = 0; i < 50; i++) {
        const float *in = d->x + (size_t)i * NIN;
        dm_little_forward(&e.s[0].little, in, scr, y);
        dm_site_io io = {.u = in, .g = g, .h = h};
        dm_engine_step(&e, &es, 0, &io, 0, &st);
        for (int r = 0; r < NH1; r++) {
            cr_assert_eq(g[r], y[r], "input %d unit %d: %g vs little %g", i, r, g[r], y[r]);
            cr_assert_eq(h[r], y[r] > 0 ? y[r] : 0.0f, "the ReLU epilogue");
        }
    }
    cr_expect_eq(dm_stats_ratio(&st, 0, -1), 1.0);
    cr_expect_eq(st.big_bytes, 0.0);
    dm_engine_state_free(&es);
    dm_engine_free(&e);
    teardown(&x);
}

Test(family, topk_exact_and_thresholds_calibrated)
{
    fixture x;
    setup(&x);
    dm_err err;
    for (double ratio = 0.3; ratio < 0.8; ratio += 0.4) {
        dm_engine e;
        build(&x, &e, ratio, 8, 8, DM_MODE_TOPK);
        dm_dual_result r;
        cr_assert_eq(x.f->eval(x.net, &e, x.test, NULL, 0, &r, &err), 0, "%s", err.msg);
        for (int si = 0; si < 2; si++) {
            const dm_gate_stats *gs = &r.stats.gate[si][0];
            int n = x.net->site[si].orows;
            cr_expect_eq(gs->insens, lround(ratio * n) * (long)NTEST, "site %d: exactly round(r n) per step", si);
        }
        cr_expect(r.top1_agree > 0.75, "ratio %.1f: agreement with dense %.3f", ratio, r.top1_agree);
        /* the calibrated thresholds on their own calibration scores */
        for (int si = 0; si < 2; si++) {
            const dm_engine_site *es = &e.s[si];
            long n = es->ncal[DM_ACT_RELU], ins = 0;
            cr_assert(n > 0);
            for (long i = 0; i < n; i++)
                ins += es->cal[DM_ACT_RELU][i] >= es->theta[DM_ACT_RELU];
            cr_expect_float_eq((double)ins / n, ratio, 0.01, "site %d: %.4f vs %.2f", si, (double)ins / n, ratio);
        }
        dm_dual_bench b;
        cr_assert_eq(x.f->bench(x.net, &e, 20, 0, &b, &err), 0);
        cr_expect_float_eq(b.achieved, (lround(ratio * NH1) + lround(ratio * NH2)) / (double)(NH1 + NH2), 1e-9);
        dm_engine_free(&e);
    }
    teardown(&x);
}
