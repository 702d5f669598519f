/* test_dualfile.c - deployable dual modules (src/dual/dualfile.h): a saved
 * engine loads back bit-identical (little weights and outputs, projections,
 * thresholds at the saved and at grid ratios, evaluation figures), with a
 * per-site configuration and a PCA projection too; a file made for another
 * model, for other sites, truncated, damaged or of another format is refused
 * with a message naming the file and what was wrong, never a crash. */
#define _POSIX_C_SOURCE 200809L
#include <criterion/criterion.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "dualfile.h"
#include "kernels.h"
#include "lm.h"
#include "lm_dual.h"
#include "safetensors.h"

#define V 60
#define T 3000
#define HASH 0x1234abcd5678ef90ULL

static int ids[T];
static char dir[64];

static void make_ids(void)
{
    uint64_t s = 42;
    int prev = 0;
    for (int i = 0; i < T; i++) {
        s ^= s << 13, s ^= s >> 7, s ^= s << 17;
        prev = (int)((prev * 7 + (s % 5) + (s >> 32) % 3) % V);
        ids[i] = prev;
    }
}

static void mkdir_tmp(void)
{
    snprintf(dir, sizeof dir, "/tmp/dm_test_dualfile_XXXXXX");
    cr_assert_not_null(mkdtemp(dir));
}

static void rm_tmp(void)
{
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    cr_expect_eq(system(cmd), 0);
}

TestSuite(dualfile, .init = mkdir_tmp, .fini = rm_tmp);

typedef struct fixture {
    dm_lm m;
    dm_fitdata fd;
    dm_dual built;
} fixture;

static void setup(fixture *x, dm_cell cell, int layers, const dm_dual_cfg *cfg)
{
    dm_err err;
    make_ids();
    cr_assert_eq(dm_lm_init_random(&x->m, cell, V, 24, 24, layers, 1, 0.35f, 3, &err), 0, "%s", err.msg);
    cr_assert_eq(dm_fitdata_collect(&x->fd, &x->m, ids, T, 800, &err), 0, "%s", err.msg);
    cr_assert_eq(dm_dual_build(&x->built, &x->m, &x->fd, cfg, &err), 0, "%s", err.msg);
}

static void teardown(fixture *x)
{
    dm_dual_free(&x->built);
    dm_fitdata_free(&x->fd);
    dm_lm_free(&x->m);
}

static dm_dual_cfg cfg_of(double ratio, int bits, int k)
{
    dm_dual_cfg c;
    dm_dual_cfg_default(&c);
    c.ratio = ratio;
    c.bits = bits;
    c.k = k;
    return c;
}

static void save(const dm_engine *e, const char *path, int full)
{
    dm_dual_file_info info;
    memset(&info, 0, sizeof info);
    info.model_hash = HASH;
    snprintf(info.model, sizeof info.model, "random-lm");
    snprintf(info.family, sizeof info.family, "rnnlm");
    snprintf(info.source, sizeof info.source, "test");
    info.full_cal = full;
    dm_err err;
    cr_assert_eq(dm_engine_save(e, path, &info, &err), 0, "%s", err.msg);
}

/* Everything the engine runs with is the same, bit for bit. */
static void same_engine(const dm_engine *a, const dm_engine *b, int full)
{
    cr_assert_eq(a->nsites, b->nsites);
    cr_assert_eq(a->k, b->k);
    cr_assert_eq(a->max_kk, b->max_kk);
    cr_assert_eq(a->cfg.ratio, b->cfg.ratio);
    cr_assert_eq(a->cfg.mode, b->cfg.mode);
    cr_assert_eq(a->cfg.policy, b->cfg.policy);
    cr_assert(dm_dual_cfg_same_build(&a->cfg, &b->cfg), "the build knobs round-trip");
    for (int i = 0; i < a->nsites; i++) {
        const dm_engine_site *x = &a->s[i], *y = &b->s[i];
        const dm_little *L = &x->little, *M = &y->little;
        cr_assert_eq(x->k, y->k, "site %d k", i);
        cr_assert_eq(x->bits, y->bits, "site %d bits", i);
        cr_assert_eq(x->ratio, y->ratio, "site %d ratio", i);
        cr_assert_eq(a->cfg.site_set[i], b->cfg.site_set[i], "site %d overrides", i);
        cr_assert_eq(L->rows, M->rows);
        cr_assert_eq(L->kk, M->kk);
        cr_assert_eq(L->bits, M->bits);
        size_t n = (size_t)L->rows * L->kk;
        cr_assert_eq(memcmp(L->wq, M->wq, n * sizeof(float)), 0, "site %d weights used", i);
        cr_assert_eq(memcmp(L->bias, M->bias, (size_t)L->rows * sizeof(float)), 0, "site %d bias", i);
        if (L->bits) {
            cr_assert_eq(memcmp(L->q, M->q, n * sizeof(int16_t)), 0, "site %d codes", i);
            cr_assert_eq(memcmp(L->qscale, M->qscale, (size_t)L->rows * sizeof(float)), 0, "site %d scales", i);
        }
        cr_assert_eq(L->mse, M->mse);
        cr_assert_eq(L->var, M->var);
        cr_assert_eq(memcmp(x->sigma, y->sigma, (size_t)L->rows * sizeof(float)), 0, "site %d sigma", i);
        for (int q = 0; q < L->ns; q++) {
            const dm_proj *p = &L->proj[q], *r = &M->proj[q];
            cr_assert_eq(p->kind, r->kind);
            cr_assert_eq(p->k, r->k);
            cr_assert_eq(p->d, r->d);
            cr_assert_eq(p->seed, r->seed);
            cr_assert_eq(p->scale, r->scale);
            if (p->kind == DM_PROJ_SRP) {
                cr_assert_eq(memcmp(p->rowptr, r->rowptr, ((size_t)p->k + 1) * sizeof(int)), 0);
                cr_assert_eq(memcmp(p->cols, r->cols, (size_t)p->rowptr[p->k] * sizeof(int)), 0);
                cr_assert_eq(memcmp(p->sign, r->sign, (size_t)p->rowptr[p->k]), 0);
            } else {
                cr_assert_eq(memcmp(p->dense, r->dense, (size_t)p->k * p->d * sizeof(float)), 0);
            }
        }
        for (int act = 0; act < DM_ACT_COUNT; act++) {
            cr_assert_eq(x->ncal[act], y->ncal[act]);
            cr_assert_eq(memcmp(&x->theta[act], &y->theta[act], sizeof(float)), 0, "site %d act %d theta %g vs %g", i,
                         act, (double)x->theta[act], (double)y->theta[act]);
            if (full && x->ncal[act])
                cr_assert_eq(memcmp(x->cal[act], y->cal[act], (size_t)x->ncal[act] * sizeof(float)), 0);
        }
    }
}

/* The run's figures: the same perplexity, ratio and statistics. */
static void same_figures(const dm_lm *m, const dm_dual *a, const dm_engine *e)
{
    dm_dual b;
    dm_dual_view(&b, m, a->site, e);
    dm_corpus c = {.ids = ids + 1200, .n = 700};
    dm_dual_result ra, rb;
    dm_err err;
    cr_assert_eq(dm_eval_lm_dual(a, &c, NULL, 0, &ra, &err), 0, "%s", err.msg);
    cr_assert_eq(dm_eval_lm_dual(&b, &c, NULL, 0, &rb, &err), 0, "%s", err.msg);
    cr_assert_eq(ra.dual.value, rb.dual.value, "perplexity %.9g vs %.9g", ra.dual.value, rb.dual.value);
    cr_assert_eq(ra.dense.value, rb.dense.value);
    cr_assert_eq(dm_stats_ratio(&ra.stats, -1, -1), dm_stats_ratio(&rb.stats, -1, -1));
    cr_assert_eq(ra.kld, rb.kld);
    cr_assert_eq(memcmp(ra.stats.gate, rb.stats.gate, sizeof ra.stats.gate), 0, "per-gate statistics");
}

static void round_trip(dm_cell cell, dm_dual_cfg cfg, int full)
{
    fixture x;
    setup(&x, cell, 2, &cfg);
    char path[128];
    snprintf(path, sizeof path, "%s/a.dual.safetensors", dir);
    save(&x.built.eng, path, full);
    dm_engine e;
    dm_dual_file_info info;
    dm_err err;
    cr_assert_eq(dm_engine_load(&e, x.built.site, x.m.nlayers, path, HASH, &info, &err), 0, "%s", err.msg);
    cr_expect_str_eq(info.model, "random-lm");
    cr_expect_str_eq(info.source, "test");
    cr_expect_eq(info.full_cal, full);
    same_engine(&x.built.eng, &e, full);
    same_figures(&x.m, &x.built, &e);
    /* other ratios: exact at every step of 1 / DM_DUAL_FILE_QUANTILES (and anywhere with full) */
    const double rs[] = {0.1, 0.25, 0.3333, 0.7, 0.95, 0.9999, 0.0001};
    for (size_t i = 0; i < sizeof rs / sizeof rs[0]; i++) {
        dm_dual_cfg rc = x.built.eng.cfg;
        rc.ratio = rs[i];
        cr_assert_eq(dm_engine_set_ratios(&x.built.eng, &rc, &err), 0, "%s", err.msg);
        cr_assert_eq(dm_engine_set_ratios(&e, &rc, &err), 0, "%s", err.msg);
        for (int s = 0; s < e.nsites; s++)
            cr_assert_eq(memcmp(x.built.eng.s[s].theta, e.s[s].theta, sizeof e.s[s].theta), 0,
                         "ratio %g site %d thresholds", rs[i], s);
    }
    /* through the kernels too: the same steps */
    const dm_kernels *kern = dm_kernels_best();
    cr_assert_eq(dm_dual_use_kernels(&x.built, kern, &err), 0, "%s", err.msg);
    cr_assert_eq(dm_engine_use_kernels(&e, kern, &err), 0, "%s", err.msg);
    dm_dual_cfg rc = x.built.eng.cfg;
    rc.ratio = cfg.ratio;
    cr_assert_eq(dm_engine_set_ratios(&x.built.eng, &rc, &err), 0);
    cr_assert_eq(dm_engine_set_ratios(&e, &rc, &err), 0);
    same_figures(&x.m, &x.built, &e);
    dm_engine_free(&e);
    teardown(&x);
}

Test(dualfile, lstm_int4_round_trip_quantile_table) { round_trip(DM_CELL_LSTM, cfg_of(0.5, 4, 8), 0); }
Test(dualfile, gru_int8_round_trip_every_score) { round_trip(DM_CELL_GRU, cfg_of(0.37, 8, 10), 1); }
Test(dualfile, fp32_and_error_policy_round_trip)
{
    dm_dual_cfg c = cfg_of(0.6, 0, 9);
    c.policy = DM_POLICY_ERROR;
    round_trip(DM_CELL_LSTM, c, 0);
}
Test(dualfile, pca_twelve_bits_round_trip)
{
    dm_dual_cfg c = cfg_of(0.45, 12, 7);
    c.proj = DM_PROJ_PCA;
    round_trip(DM_CELL_GRU, c, 0);
}
Test(dualfile, per_site_knobs_round_trip)
{
    dm_dual_cfg c = cfg_of(0.5, 8, 8);
    c.site_set[1] = DM_SITE_SET_RATIO | DM_SITE_SET_BITS | DM_SITE_SET_K;
    c.site_ratio[1] = 0.812345678; /* off the quantile grid: the saved ratio's rank is kept too */
    c.site_bits[1] = 2;
    c.site_k[1] = 6;
    c.site_set[0] = DM_SITE_SET_BITS;
    c.site_bits[0] = 0;
    round_trip(DM_CELL_LSTM, c, 0);
}

/* The compact table is small: a few hundred bytes per ratio step, not every score. */
Test(dualfile, quantile_table_is_smaller)
{
    fixture x;
    dm_dual_cfg c = cfg_of(0.5, 4, 8);
    setup(&x, DM_CELL_LSTM, 2, &c);
    char a[128], b[128];
    snprintf(a, sizeof a, "%s/q.safetensors", dir);
    snprintf(b, sizeof b, "%s/f.safetensors", dir);
    save(&x.built.eng, a, 0);
    save(&x.built.eng, b, 1);
    FILE *fa = fopen(a, "rb"), *fb = fopen(b, "rb");
    fseek(fa, 0, SEEK_END), fseek(fb, 0, SEEK_END);
    long la = ftell(fa), lb = ftell(fb);
    fclose(fa), fclose(fb);
    /* 800 steps x 96 sigmoid rows: 76800 scores, more than the 10001 kept ranks */
    cr_expect_lt(la, lb, "quantiles %ld bytes, full %ld bytes", la, lb);
    teardown(&x);
}

static void expect_refused(const fixture *x, const char *path, uint64_t hash, const char *want)
{
    dm_engine e;
    dm_err err;
    memset(&err, 0, sizeof err);
    cr_assert_neq(dm_engine_load(&e, x->built.site, x->m.nlayers, path, hash, NULL, &err), 0, "%s loaded", path);
    cr_expect(strstr(err.msg, path) != NULL, "the message names the file: %s", err.msg);
    cr_expect(strstr(err.msg, want) != NULL, "'%s' not in: %s", want, err.msg);
    cr_expect_null(e.s, "a refused load leaves the engine empty");
}

Test(dualfile, another_models_file_is_refused)
{
    fixture x;
    dm_dual_cfg c = cfg_of(0.5, 4, 8);
    setup(&x, DM_CELL_LSTM, 2, &c);
    char path[128];
    snprintf(path, sizeof path, "%s/a.safetensors", dir);
    save(&x.built.eng, path, 0);
    expect_refused(&x, path, HASH + 1, "made for model random-lm (hash 1234abcd5678ef90)");
    /* the same hash on a model with other sites (one layer) */
    fixture y;
    setup(&y, DM_CELL_LSTM, 1, &c);
    expect_refused(&y, path, HASH, "made for the sites l0,l1; the model has l0");
    teardown(&y);
    /* same sites, another cell kind */
    fixture z;
    setup(&z, DM_CELL_GRU, 2, &c);
    expect_refused(&z, path, HASH, "site l0 is a lstm site in the file, a gru site in the model");
    teardown(&z);
    teardown(&x);
}

static long file_size(const char *p)
{
    FILE *f = fopen(p, "rb");
    cr_assert_not_null(f);
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fclose(f);
    return n;
}

/* Write the first n bytes of buf to path, the byte at flip (if any) changed. */
static void write_part(const unsigned char *buf, const char *to, long n, long flip)
{
    FILE *g = fopen(to, "wb");
    cr_assert_not_null(g);
    if (flip >= 0 && flip < n) {
        cr_assert_eq(fwrite(buf, 1, (size_t)flip, g), (size_t)flip);
        fputc(buf[flip] ^ 0x40, g);
        cr_assert_eq(fwrite(buf + flip + 1, 1, (size_t)(n - flip - 1), g), (size_t)(n - flip - 1));
    } else {
        cr_assert_eq(fwrite(buf, 1, (size_t)n, g), (size_t)n);
    }
    fclose(g);
}

static unsigned char *read_all(const char *p, long n)
{
    unsigned char *b = malloc((size_t)n);
    FILE *f = fopen(p, "rb");
    cr_assert(b && f);
    cr_assert_eq(fread(b, 1, (size_t)n, f), (size_t)n);
    fclose(f);
    return b;
}

Test(dualfile, truncated_damaged_and_foreign_files_are_refused)
{
    fixture x;
    dm_dual_cfg c = cfg_of(0.5, 4, 8);
    setup(&x, DM_CELL_LSTM, 2, &c);
    char path[128], bad[128];
    snprintf(path, sizeof path, "%s/a.safetensors", dir);
    snprintf(bad, sizeof bad, "%s/bad.safetensors", dir);
    save(&x.built.eng, path, 0);
    long n = file_size(path);
    unsigned char *buf = read_all(path, n);
    /* truncated anywhere: the reader's own checks (lengths, offsets) refuse it */
    const long cuts[] = {0, 4, 8, 20, 200, n / 3, n / 2, n - 1};
    for (size_t i = 0; i < sizeof cuts / sizeof cuts[0]; i++) {
        write_part(buf, bad, cuts[i], -1);
        dm_engine e;
        dm_err err;
        cr_assert_neq(dm_engine_load(&e, x.built.site, x.m.nlayers, bad, HASH, NULL, &err), 0, "cut at %ld loaded",
                      cuts[i]);
        cr_expect(strstr(err.msg, bad) != NULL, "%s", err.msg);
    }
    /* a flipped bit in the data: the checksum */
    write_part(buf, bad, n, n - 100);
    expect_refused(&x, bad, HASH, "checksum");
    write_part(buf, bad, n, n / 2);
    expect_refused(&x, bad, HASH, "damaged file");
    /* every single byte flipped in turn through the header and the first data: never a crash, always refused */
    for (long at = 0; at < n && at < 6000; at += 5) {
        write_part(buf, bad, n, at);
        dm_engine e;
        dm_err err;
        int rc = dm_engine_load(&e, x.built.site, x.m.nlayers, bad, HASH, NULL, &err);
        if (rc == 0) /* a flip inside a JSON string or padding can leave the file meaning the same */
            dm_engine_free(&e);
    }
    free(buf);
    /* not a dual file: a plain safetensors file */
    dm_st_wtensor t = {.name = "w", .dtype = DM_DT_F32, .ndim = 1, .shape = {2}, .data = (float[]){1, 2}};
    dm_err err;
    cr_assert_eq(dm_st_write(bad, &t, 1, NULL, 0, &err), 0, "%s", err.msg);
    expect_refused(&x, bad, HASH, "not a dualmod dual file");
    /* absent */
    snprintf(bad, sizeof bad, "%s/none.safetensors", dir);
    expect_refused(&x, bad, HASH, "none.safetensors");
    teardown(&x);
}

/* A file whose fields were rewritten consistently (valid checksum) but wrong
 * for the model: a tensor of another shape, an unknown tensor, a missing
 * metadata field, a code outside the bit width. */
Test(dualfile, inconsistent_fields_are_refused)
{
    fixture x;
    dm_dual_cfg c = cfg_of(0.5, 4, 8);
    setup(&x, DM_CELL_LSTM, 2, &c);
    char path[128];
    snprintf(path, sizeof path, "%s/a.safetensors", dir);
    dm_dual_file_info info;
    memset(&info, 0, sizeof info);
    info.model_hash = HASH;
    dm_err err;
    /* bits 4 but a code of 9 */
    int16_t keep = x.built.eng.s[1].little.q[5];
    x.built.eng.s[1].little.q[5] = 9;
    cr_assert_eq(dm_engine_save(&x.built.eng, path, &info, &err), 0, "%s", err.msg);
    expect_refused(&x, path, HASH, "tensor 'site.l1.little.q' [0, 5] is 9");
    x.built.eng.s[1].little.q[5] = keep;
    /* a threshold the scores do not give */
    float th = x.built.eng.s[0].theta[DM_ACT_TANH];
    x.built.eng.s[0].theta[DM_ACT_TANH] = th + 1.0f;
    cr_assert_eq(dm_engine_save(&x.built.eng, path, &info, &err), 0, "%s", err.msg);
    expect_refused(&x, path, HASH, "inconsistent file");
    x.built.eng.s[0].theta[DM_ACT_TANH] = th;
    /* a NaN sigma */
    float sg = x.built.eng.s[0].sigma[3];
    x.built.eng.s[0].sigma[3] = NAN;
    cr_assert_eq(dm_engine_save(&x.built.eng, path, &info, &err), 0, "%s", err.msg);
    expect_refused(&x, path, HASH, "tensor 'site.l0.sigma' value 3 is nan");
    x.built.eng.s[0].sigma[3] = sg;
    /* the engine as saved loads again */
    cr_assert_eq(dm_engine_save(&x.built.eng, path, &info, &err), 0, "%s", err.msg);
    dm_engine e;
    cr_assert_eq(dm_engine_load(&e, x.built.site, x.m.nlayers, path, HASH, NULL, &err), 0, "%s", err.msg);
    dm_engine_free(&e);
    teardown(&x);
}

/* A block site (a convolution's patch: nb kernel taps of db channels share
 * one projection): the file keeps one tap's projection and the loader
 * repeats it; SRP and PCA give the built engine's modules and outputs. */
static void block_site(dm_proj_kind proj)
{
    enum { NB = 3, DB = 6, IN = NB * DB, ROWS = 10, NS = 1500, NCAL = 300 };
    static float W[ROWS * IN], B[ROWS], U[NS * IN], Y[NS * ROWS];
    uint64_t r = 7;
    for (int i = 0; i < ROWS * IN; i++)
        r ^= r << 13, r ^= r >> 7, r ^= r << 17, W[i] = (float)((double)(r % 2001) / 1000.0 - 1.0) * 0.3f;
    for (int i = 0; i < ROWS; i++)
        B[i] = 0.05f * (float)(i - 5);
    for (int i = 0; i < NS * IN; i++)
        r ^= r << 13, r ^= r >> 7, r ^= r << 17, U[i] = (float)((double)(r % 2001) / 1000.0 - 1.0);
    for (int t = 0; t < NS; t++)
        for (int o = 0; o < ROWS; o++) {
            double s = B[o];
            for (int j = 0; j < IN; j++)
                s += (double)W[o * IN + j] * U[t * IN + j];
            Y[t * ROWS + o] = (float)s;
        }
    dm_site s;
    dm_site_linear(&s, "conv1", IN, ROWS, W, IN, B, DM_ACT_RELU, "relu");
    s.blocks = NB;
    dm_fitdata fd;
    dm_err err;
    cr_assert_eq(dm_fitdata_init(&fd, &s, 1, NCAL, &err), 0, "%s", err.msg);
    cr_assert_eq(dm_moments_add(&fd.mom[0], U, IN, Y, NS, &err), 0, "%s", err.msg);
    memcpy(fd.cal_u[0], U, sizeof(float) * NCAL * IN);
    dm_dual_cfg c = cfg_of(0.4, 8, 2);
    c.proj = proj;
    dm_engine a, b;
    cr_assert_eq(dm_engine_build(&a, &s, 1, &fd, &c, &err), 0, "%s", err.msg);
    cr_assert_eq(a.s[0].little.proj[0].blocks, NB);
    char path[128];
    snprintf(path, sizeof path, "%s/conv.safetensors", dir);
    save(&a, path, 0);
    cr_assert_eq(dm_engine_load(&b, &s, 1, path, HASH, NULL, &err), 0, "%s", err.msg);
    same_engine(&a, &b, 0);
    cr_assert_eq(b.s[0].little.proj[0].blocks, NB);
    float ya[ROWS], yb[ROWS], scr[64];
    for (int t = NCAL; t < NCAL + 50; t++) {
        dm_little_forward(&a.s[0].little, U + t * IN, scr, ya);
        dm_little_forward(&b.s[0].little, U + t * IN, scr, yb);
        cr_assert_eq(memcmp(ya, yb, sizeof ya), 0, "input %d: the little outputs", t);
    }
    dm_engine_free(&a);
    dm_engine_free(&b);
    dm_fitdata_free(&fd);
}

Test(dualfile, block_site_srp_round_trip) { block_site(DM_PROJ_SRP); }
Test(dualfile, block_site_pca_round_trip) { block_site(DM_PROJ_PCA); }
