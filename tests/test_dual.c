/* test_dual.c - the dual-module layer: ratio 0 reproduces the dense model,
 * ratio 1 uses exactly the little outputs, calibrated thresholds hit the
 * requested ratio on the calibration data, top-k is exact, results are
 * deterministic for a seed, and bad knobs are rejected clearly. */
#define _POSIX_C_SOURCE 200809L
#include <criterion/criterion.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "lm_dual.h"
#include "lm.h"

#define V 60
#define T 3000

static int ids[T];

static void make_ids(void)
{
    uint64_t s = 42;
    int prev = 0;
    for (int i = 0; i < T; i++) {
        s ^= s << 13, s ^= s >> 7, s ^= s << 17;
        /* a little structure so the model's states vary smoothly */
        prev = (int)((prev * 7 + (s % 5) + (s >> 32) % 3) % V);
        ids[i] = prev;
    }
}

static void setup(dm_lm *m, dm_fitdata *fd, dm_cell cell)
{
    dm_err err;
    make_ids();
    cr_assert_eq(dm_lm_init_random(m, cell, V, 24, 24, 2, 1, 0.35f, 3, &err), 0, "%s", err.msg);
    cr_assert_eq(dm_fitdata_collect(fd, m, ids, T, 800, &err), 0, "%s", err.msg);
}

static dm_dual_cfg cfg_of(double ratio, int bits, int k, dm_mode mode)
{
    dm_dual_cfg c;
    dm_dual_cfg_default(&c);
    c.ratio = ratio;
    c.bits = bits;
    c.k = k;
    c.mode = mode;
    return c;
}

static void ratio_zero_is_dense(dm_cell cell, dm_mode mode)
{
    dm_lm m;
    dm_fitdata fd;
    dm_err err;
    setup(&m, &fd, cell);
    dm_dual d;
    dm_dual_cfg c = cfg_of(0.0, 8, 8, mode);
    cr_assert_eq(dm_dual_build(&d, &m, &fd, &c, &err), 0, "%s", err.msg);
    dm_lm_state s;
    dm_dual_state q;
    cr_assert_eq(dm_lm_state_init(&s, &m, &err), 0);
    cr_assert_eq(dm_dual_state_init(&q, &d, &err), 0);
    dm_lm_state_reset(&s, &m);
    dm_dual_state_reset(&q, &d);
    dm_dual_stats st = {0};
    for (int t = 0; t < 300; t++) {
        dm_lm_step(&m, &s, ids[t]);
        dm_dual_step(&d, &q, ids[t], 0, &st);
        for (int v = 0; v < V; v++)
            cr_assert_float_eq(q.st.logits[v], s.logits[v], 1e-5, "t %d v %d: dual %g dense %g", t, v, q.st.logits[v],
                               s.logits[v]);
    }
    cr_assert_eq(dm_stats_ratio(&st, -1, -1), 0.0);
    cr_assert_float_eq(st.big_bytes, st.dense_bytes, 0.5, "ratio 0 reads every big row");
    dm_dual_state_free(&q);
    dm_lm_state_free(&s);
    dm_dual_free(&d);
    dm_fitdata_free(&fd);
    dm_lm_free(&m);
}

Test(dual, ratio0_lstm_threshold) { ratio_zero_is_dense(DM_CELL_LSTM, DM_MODE_THRESHOLD); }
Test(dual, ratio0_lstm_topk) { ratio_zero_is_dense(DM_CELL_LSTM, DM_MODE_TOPK); }
Test(dual, ratio0_gru_threshold) { ratio_zero_is_dense(DM_CELL_GRU, DM_MODE_THRESHOLD); }
Test(dual, ratio0_gru_topk) { ratio_zero_is_dense(DM_CELL_GRU, DM_MODE_TOPK); }

/* Ratio 1: every gate takes the little value; replay that by hand. */
static void ratio_one_is_little(dm_cell cell, dm_mode mode)
{
    dm_lm m;
    dm_fitdata fd;
    dm_err err;
    setup(&m, &fd, cell);
    dm_dual d;
    dm_dual_cfg c = cfg_of(1.0, 4, 8, mode);
    cr_assert_eq(dm_dual_build(&d, &m, &fd, &c, &err), 0, "%s", err.msg);
    dm_dual_state q;
    dm_lm_state s; /* the hand replay */
    cr_assert_eq(dm_dual_state_init(&q, &d, &err), 0);
    cr_assert_eq(dm_lm_state_init(&s, &m, &err), 0);
    dm_dual_state_reset(&q, &d);
    dm_lm_state_reset(&s, &m);
    int H = m.nhid;
    float *y = malloc(4 * H * sizeof(float)), *scr = malloc(64 * sizeof(float));
    dm_dual_stats st = {0};
    for (int t = 0; t < 200; t++) {
        dm_dual_step(&d, &q, ids[t], 0, &st);
        const float *x = m.emb + (size_t)ids[t] * m.emsize;
        for (int l = 0; l < m.nlayers; l++) {
            float *xh = s.xh[l];
            memcpy(xh, x, (size_t)m.layer[l].in * sizeof(float));
            dm_little_forward(dm_dual_little(&d, l), xh, scr, y);
            memcpy(s.gates, y, (size_t)m.gates * H * sizeof(float));
            if (cell == DM_CELL_GRU)
                memcpy(s.ghn, y + 3 * H, (size_t)H * sizeof(float));
            dm_lm_cell_update(&m, s.gates, s.ghn, xh + m.layer[l].in, s.c[l]);
            x = xh + m.layer[l].in;
            for (int j = 0; j < H; j++)
                cr_assert_eq(dm_lm_state_h(&q.st, &m, l)[j], dm_lm_state_h(&s, &m, l)[j], "t %d layer %d h[%d]", t, l, j);
        }
    }
    cr_assert_eq(dm_stats_ratio(&st, -1, -1), 1.0);
    cr_assert_eq(st.big_bytes, 0.0, "ratio 1 reads no big row");
    free(y);
    free(scr);
    dm_lm_state_free(&s);
    dm_dual_state_free(&q);
    dm_dual_free(&d);
    dm_fitdata_free(&fd);
    dm_lm_free(&m);
}

Test(dual, ratio1_lstm) { ratio_one_is_little(DM_CELL_LSTM, DM_MODE_THRESHOLD); }
Test(dual, ratio1_gru_topk) { ratio_one_is_little(DM_CELL_GRU, DM_MODE_TOPK); }

/* Thresholds are quantiles of the calibration scores: on the calibration
 * slice itself the achieved ratio is within 1 point of the request. */
static void calibration_hits(dm_cell cell)
{
    dm_lm m;
    dm_fitdata fd;
    dm_err err;
    setup(&m, &fd, cell);
    dm_corpus cal = {.ids = ids, .n = fd.ncal};
    for (double r = 0.1; r < 0.95; r += 0.2) {
        dm_dual d;
        dm_dual_cfg c = cfg_of(r, 8, 12, DM_MODE_THRESHOLD);
        cr_assert_eq(dm_dual_build(&d, &m, &fd, &c, &err), 0, "%s", err.msg);
        /* the scores the thresholds came from: count those at or above theta */
        for (int l = 0; l < m.nlayers; l++)
            for (int a = 0; a < DM_ACT_COUNT; a++) {
                long n = d.eng.s[l].ncal[a], ins = 0;
                for (long i = 0; i < n; i++)
                    ins += d.eng.s[l].cal[a][i] >= d.eng.s[l].theta[a];
                if (n)
                    cr_assert_float_eq((double)ins / n, r, 0.01, "layer %d act %d: %.4f vs %.2f", l, a, (double)ins / n, r);
            }
        /* and when actually running over the calibration text */
        dm_dual_result res;
        cr_assert_eq(dm_eval_lm_dual(&d, &cal, NULL, 0, &res, &err), 0, "%s", err.msg);
        double got = dm_stats_ratio(&res.stats, -1, -1);
        cr_assert_float_eq(got, r, 0.01, "ratio %.2f achieved %.4f on the calibration slice", r, got);
        dm_dual_free(&d);
    }
    dm_fitdata_free(&fd);
    dm_lm_free(&m);
}

Test(dual, calibration_lstm) { calibration_hits(DM_CELL_LSTM); }
Test(dual, calibration_gru) { calibration_hits(DM_CELL_GRU); }

static int cmp_desc_u32(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return x < y ? 1 : x > y ? -1 : 0;
}

/* The top-k select (quickselect up to 512 keys, radix select above) against
 * a sort: the kth largest and the counts above and equal to it, with many
 * ties, all equal, and the full key range, on both sides of the switch. */
Test(dual, kth_key_select_matches_a_sort)
{
    const int ns[] = {1, 2, 3, 16, 17, 18, 33, 100, 511, 512, 513, 700, 3000};
    uint64_t st = 88172645463325252ULL;
    for (size_t a = 0; a < sizeof ns / sizeof *ns; a++)
        for (int alph = 0; alph < 3; alph++) { /* 1 distinct key, 7 distinct keys, any key */
            int n = ns[a];
            uint32_t *k = malloc((size_t)n * sizeof *k), *srt = malloc((size_t)n * sizeof *k);
            uint32_t *w = malloc((size_t)n * sizeof *k);
            cr_assert(k && srt && w);
            for (int i = 0; i < n; i++) {
                st ^= st << 13, st ^= st >> 7, st ^= st << 17;
                k[i] = alph == 0 ? 5u : alph == 1 ? (uint32_t)(st % 7) * 0x10000001u : (uint32_t)(st >> 32);
            }
            memcpy(srt, k, (size_t)n * sizeof *k);
            qsort(srt, (size_t)n, sizeof *srt, cmp_desc_u32);
            for (int kth = 0; kth < n; kth += n > 1000 ? n / 13 + 1 : 1) {
                memcpy(w, k, (size_t)n * sizeof *k);
                int gt = -1, eq = -1;
                uint32_t v = dm_kth_key(w, n, kth, &gt, &eq);
                int rgt = 0, req = 0;
                for (int i = 0; i < n; i++)
                    rgt += srt[i] > srt[kth], req += srt[i] == srt[kth];
                cr_assert_eq(v, srt[kth], "n %d alphabet %d kth %d: %u, expected %u", n, alph, kth, v, srt[kth]);
                cr_assert_eq(gt, rgt, "n %d alphabet %d kth %d: %d greater, expected %d", n, alph, kth, gt, rgt);
                cr_assert_eq(eq, req, "n %d alphabet %d kth %d: %d equal, expected %d", n, alph, kth, eq, req);
            }
            free(k), free(srt), free(w);
        }
}

/* The top-k window's pass in every variant this CPU has against the reference: the same counts above and inside
 * the window, the same keys in the same order, on lengths around the vector widths, with NaN, infinities, -0 and +0
 * and scores exactly at the window's edges. A variant that dropped or repeated a lane, or keyed -0 apart from +0,
 * would differ. */
Test(dual, window_pass_variants_match_the_reference)
{
    const int ns[] = {0, 1, 7, 8, 9, 15, 16, 17, 31, 33, 100, 1500, 4500};
    uint64_t st = 0x9e3779b97f4a7c15ULL;
    int tried = 0;
    for (size_t a = 0; a < sizeof ns / sizeof *ns; a++) {
        int n = ns[a];
        float *p = malloc(sizeof(float) * (size_t)(n + 1));
        uint32_t *k0 = malloc(sizeof(uint32_t) * (size_t)(n + 32)), *k1 = malloc(sizeof(uint32_t) * (size_t)(n + 32));
        cr_assert(p && k0 && k1);
        const float lo = -0.25f, hi = 0.5f;
        for (int i = 0; i < n; i++) {
            st ^= st << 13, st ^= st >> 7, st ^= st << 17;
            int c = (int)(st % 16);
            p[i] = c == 0 ? NAN : c == 1 ? INFINITY : c == 2 ? -INFINITY : c == 3 ? -0.0f : c == 4 ? 0.0f
                 : c == 5 ? lo : c == 6 ? hi : (float)((double)(st >> 11) / 9007199254740992.0 * 4.0 - 2.0);
        }
        int m0 = 3, g0 = 1, e0 = 2; /* appended after m keys, counts added to what is there */
        memset(k0, 0xab, sizeof(uint32_t) * (size_t)(n + 32));
        m0 = dm_win_pass(0, p, n, lo, hi, &g0, &e0, k0, m0);
        for (int v = 1; v <= 2; v++) {
            int g1 = 1, e1 = 2;
            memset(k1, 0xab, sizeof(uint32_t) * (size_t)(n + 32));
            int m1 = dm_win_pass(v, p, n, lo, hi, &g1, &e1, k1, 3);
            if (m1 < 0)
                continue; /* not on this CPU */
            tried++;
            cr_expect_eq(m1, m0, "variant %d, n %d: %d keys, reference %d", v, n, m1 - 3, m0 - 3);
            cr_expect_eq(g1, g0, "variant %d, n %d: %d above, reference %d", v, n, g1, g0);
            cr_expect_eq(e1, e0, "variant %d, n %d: %d at or above lo, reference %d", v, n, e1, e0);
            cr_expect_eq(memcmp(k1, k0, sizeof(uint32_t) * (size_t)(m0 > m1 ? m1 : m0)), 0,
                         "variant %d, n %d: other keys", v, n);
        }
        free(p), free(k0), free(k1);
    }
    cr_log_info("window pass: %d variant runs compared", tried);
}

/* Top-k at ratio on an LSTM: every step of every layer marks exactly round(ratio 3H) sigmoid and round(ratio H)
 * tanh rows insensitive. */
static void topk_exact(const dm_lm *m, const dm_fitdata *fd, double ratio, int k, int steps)
{
    dm_err err;
    dm_dual d;
    dm_dual_cfg c = cfg_of(ratio, 8, k, DM_MODE_TOPK);
    cr_assert_eq(dm_dual_build(&d, m, fd, &c, &err), 0, "%s", err.msg);
    dm_dual_state q;
    cr_assert_eq(dm_dual_state_init(&q, &d, &err), 0);
    dm_dual_state_reset(&q, &d);
    const int H = m->nhid;
    for (int t = 0; t < steps; t++) {
        dm_dual_stats st = {0};
        dm_dual_step(&d, &q, ids[t], 0, &st);
        for (int l = 0; l < m->nlayers; l++) {
            long sig = st.gate[l][0].insens + st.gate[l][1].insens + st.gate[l][3].insens;
            cr_assert_eq(sig, lround(ratio * 3 * H), "ratio %g step %d layer %d: %ld sigmoid rows insensitive", ratio,
                         t, l, sig);
            cr_assert_eq(st.gate[l][2].insens, lround(ratio * H), "ratio %g step %d layer %d: tanh rows", ratio, t, l);
        }
    }
    dm_dual_state_free(&q);
    dm_dual_free(&d);
}

Test(dual, topk_is_exact_per_step)
{
    dm_lm m;
    dm_fitdata fd;
    setup(&m, &fd, DM_CELL_LSTM);
    topk_exact(&m, &fd, 0.3, 8, 50);
    dm_fitdata_free(&fd);
    dm_lm_free(&m);
}

/* Groups above the select's small-size cut (512 scores) take the windowed top-k select from the second step on:
 * exact counts at every step with it too (LSTM H = 200: the sigmoid group has 600 rows). */
Test(dual, topk_is_exact_per_step_on_wide_groups)
{
    dm_lm m;
    dm_fitdata fd;
    dm_err err;
    make_ids();
    const int H = 200;
    cr_assert_eq(dm_lm_init_random(&m, DM_CELL_LSTM, V, H, H, 1, 1, 0.35f, 3, &err), 0, "%s", err.msg);
    cr_assert_eq(dm_fitdata_collect(&fd, &m, ids, T, 400, &err), 0, "%s", err.msg);
    topk_exact(&m, &fd, 0.3, 16, 40);
    topk_exact(&m, &fd, 0.9, 16, 40);
    dm_fitdata_free(&fd);
    dm_lm_free(&m);
}

Test(dual, deterministic_for_a_seed)
{
    dm_lm m;
    dm_fitdata fd;
    dm_err err;
    setup(&m, &fd, DM_CELL_GRU);
    dm_corpus c = {.ids = ids + 1000, .n = 600};
    double ppl[3];
    for (int i = 0; i < 3; i++) {
        dm_dual d;
        dm_dual_cfg cf = cfg_of(0.5, 8, 10, DM_MODE_THRESHOLD);
        cf.seed = i == 2 ? 99 : 7;
        cr_assert_eq(dm_dual_build(&d, &m, &fd, &cf, &err), 0, "%s", err.msg);
        dm_dual_result r;
        cr_assert_eq(dm_eval_lm_dual(&d, &c, NULL, 0, &r, &err), 0, "%s", err.msg);
        ppl[i] = r.dual.value;
        dm_dual_free(&d);
    }
    cr_assert_eq(ppl[0], ppl[1], "same seed, same result");
    cr_assert_neq(ppl[0], ppl[2], "another seed, another projection");
    dm_fitdata_free(&fd);
    dm_lm_free(&m);
}

Test(dual, audit_reports_sane_figures)
{
    dm_lm m;
    dm_fitdata fd;
    dm_err err;
    setup(&m, &fd, DM_CELL_LSTM);
    dm_corpus c = {.ids = ids + 500, .n = 400};
    dm_dual d;
    dm_dual_cfg cf = cfg_of(0.5, 0, 24, DM_MODE_TOPK);
    cr_assert_eq(dm_dual_build(&d, &m, &fd, &cf, &err), 0, "%s", err.msg);
    dm_dual_result r;
    cr_assert_eq(dm_eval_lm_dual(&d, &c, NULL, 1, &r, &err), 0, "%s", err.msg);
    double rec = dm_stats_recall(&r.stats, -1, -1), fi = dm_stats_false_insens(&r.stats, -1, -1);
    cr_assert(rec > 0.5 && rec <= 1.0, "recall %g", rec);
    /* top-k: predicted and oracle masks have the same size, so recall = 1 - false-insensitive rate */
    cr_assert_float_eq(rec, 1.0 - fi, 1e-9);
    /* sigmoid and tanh have no exact zeros: no ReLU figures, no perfect-predictor bound */
    cr_expect(isnan(dm_stats_relu_zero(&r.stats, -1, -1)) && isnan(dm_stats_oracle_mac_reduction(&r.stats, 0)));
    for (int g = 0; g < 4; g++) {
        double cpre = dm_stats_cos(&r.stats, -1, g, 0), cpost = dm_stats_cos(&r.stats, -1, g, 1);
        cr_assert(cpre > 0.5 && cpre <= 1.0 + 1e-9, "gate %d cos pre %g", g, cpre);
        cr_assert(cpost > 0.5 && cpost <= 1.0 + 1e-9, "gate %d cos post %g", g, cpost);
    }
    /* a full-k FP32 little module of a linear layer is exact: ratio 0.5 then loses nothing */
    cr_assert_float_eq(r.dual.value, r.dense.value, 1e-3 * r.dense.value, "dual %g dense %g", r.dual.value,
                       r.dense.value);
    dm_dual_free(&d);
    dm_fitdata_free(&fd);
    dm_lm_free(&m);
}

Test(dual, bad_knobs_rejected)
{
    dm_lm m;
    dm_fitdata fd;
    dm_err err;
    setup(&m, &fd, DM_CELL_LSTM);
    dm_dual d;
    struct {
        dm_dual_cfg c;
        const char *msg;
    } bad[5];
    bad[0].c = cfg_of(1.5, 8, 8, DM_MODE_THRESHOLD), bad[0].msg = "ratio 1.5 is outside [0, 1]";
    bad[1].c = cfg_of(0.5, 17, 8, DM_MODE_THRESHOLD), bad[1].msg = "bits 17: expected 1..16, or 0 for FP32";
    bad[2].c = cfg_of(0.5, 8, 25, DM_MODE_THRESHOLD), bad[2].msg = "k 25 is outside 1..24";
    bad[3].c = cfg_of(0.5, 8, 0, DM_MODE_THRESHOLD), bad[3].c.eps = 0.0, bad[3].msg = "outside (0, 1)";
    bad[4].c = cfg_of(0.5, 8, 0, DM_MODE_THRESHOLD), bad[4].c.eps = 1.0, bad[4].msg = "outside (0, 1)";
    for (int i = 0; i < 5; i++) {
        cr_assert_eq(dm_dual_build(&d, &m, &fd, &bad[i].c, &err), -1, "case %d accepted", i);
        cr_assert(strstr(err.msg, bad[i].msg), "case %d: '%s' lacks '%s'", i, err.msg, bad[i].msg);
    }
    /* eps 0.5 over 96 gate rows gives k 219 > 24: capped at half the narrowest input */
    dm_dual_cfg c = cfg_of(0.5, 8, 0, DM_MODE_THRESHOLD);
    int k = 0;
    cr_assert_eq(dm_dual_cfg_check_sites(&c, d.site, 0, &k, &err), -1, "no sites accepted");
    dm_site sites[DM_LM_MAX_LAYERS];
    dm_lm_sites(&m, sites);
    cr_assert_eq(dm_dual_cfg_check_sites(&c, sites, m.nlayers, &k, &err), 0, "%s", err.msg);
    cr_assert_eq(k, 12, "k %d, expected 24 / 2", k);
    dm_fitdata_free(&fd);
    dm_lm_free(&m);
}

Test(dual, sequence_path_matches_streaming)
{
    dm_lm m;
    dm_fitdata fd;
    dm_err err;
    setup(&m, &fd, DM_CELL_GRU);
    dm_corpus c = {.ids = ids + 1200, .n = 700};
    for (int z = 0; z < 2; z++) {
        dm_dual d;
        dm_dual_cfg cf = cfg_of(z ? 0.5 : 0.0, 8, 12, DM_MODE_TOPK);
        cr_assert_eq(dm_dual_build(&d, &m, &fd, &cf, &err), 0, "%s", err.msg);
        dm_dual_result rs, rq;
        dm_eval_opts os = {.path = DM_PATH_STREAM}, oq = {.path = DM_PATH_SEQ};
        cr_assert_eq(dm_eval_lm_dual(&d, &c, &os, 0, &rs, &err), 0, "%s", err.msg);
        cr_assert_eq(dm_eval_lm_dual(&d, &c, &oq, 0, &rq, &err), 0, "%s", err.msg);
        cr_assert_float_eq(rq.dual.value, rs.dual.value, 1e-4 * rs.dual.value, "ratio %.1f: seq %g stream %g",
                           cf.ratio, rq.dual.value, rs.dual.value);
        if (z == 0)
            cr_assert_float_eq(rq.dual.value, rq.dense.value, 1e-5 * rq.dense.value);
        cr_assert_float_eq(dm_stats_ratio(&rq.stats, -1, -1), cf.ratio, 0.02);
        dm_dual_free(&d);
    }
    dm_fitdata_free(&fd);
    dm_lm_free(&m);
}

/* The kernel path (every variant this CPU has) against the reference path:
 * at ratio 0 the logits equal the dense ones; at ratio 0.5 (top-k and
 * thresholds) the perplexity and the achieved ratio agree closely (the
 * integer little GEMV and the FP32 kernels round differently from the
 * reference path, so a near-tied row may flip). */
static void kernels_match_reference(dm_cell cell)
{
    dm_lm m;
    dm_fitdata fd;
    dm_err err;
    setup(&m, &fd, cell);
    dm_corpus c = {.ids = ids + 1500, .n = 600};
    for (int v = 0; v < DM_KV_COUNT; v++) {
        const dm_kernels *K = dm_kernels_get((dm_kvariant)v);
        if (!K)
            continue;
        for (int z = 0; z < 3; z++) {
            dm_dual d, dk;
            dm_dual_cfg cf = cfg_of(z ? 0.5 : 0.0, 8, 10, z == 2 ? DM_MODE_THRESHOLD : DM_MODE_TOPK);
            cr_assert_eq(dm_dual_build(&d, &m, &fd, &cf, &err), 0, "%s", err.msg);
            cr_assert_eq(dm_dual_build(&dk, &m, &fd, &cf, &err), 0, "%s", err.msg);
            cr_assert_eq(dm_dual_use_kernels(&dk, K, &err), 0, "%s", err.msg);
            dm_dual_result r, rk;
            cr_assert_eq(dm_eval_lm_dual(&d, &c, NULL, 0, &r, &err), 0, "%s", err.msg);
            cr_assert_eq(dm_eval_lm_dual(&dk, &c, NULL, 0, &rk, &err), 0, "%s", err.msg);
            if (z == 0)
                cr_assert_float_eq(rk.dual.value, rk.dense.value, 1e-5 * rk.dense.value, "%s: ratio 0 %g, dense %g",
                                   K->name, rk.dual.value, rk.dense.value);
            cr_assert_float_eq(rk.dual.value, r.dual.value, 2e-3 * r.dual.value, "%s %s ratio %.1f: kernels %g, ref %g",
                               K->name, dm_mode_name(cf.mode), cf.ratio, rk.dual.value, r.dual.value);
            cr_assert_float_eq(dm_stats_ratio(&rk.stats, -1, -1), dm_stats_ratio(&r.stats, -1, -1), 0.01, "%s", K->name);
            dm_dual_free(&d);
            dm_dual_free(&dk);
        }
    }
    dm_fitdata_free(&fd);
    dm_lm_free(&m);
}

/* A gate group with a ratio of its own (layer 1's f at 1, everything else at 0), on the kernel path: the
 * little GEMV skips the rows of the groups at ratio 0 (fewer little bytes), and the outputs are those of the
 * same configuration with every little row computed (the other groups at a ratio that makes no row
 * insensitive). */
Test(dual, groups_at_ratio_zero_skip_their_little_rows)
{
    dm_lm m;
    dm_fitdata fd;
    dm_err err;
    setup(&m, &fd, DM_CELL_LSTM);
    const dm_kernels *K = dm_kernels_best();
    cr_assert_not_null(K);
    dm_dual_cfg ca = cfg_of(0.0, 8, 8, DM_MODE_THRESHOLD);
    ca.group_set[1][1] = 1;
    ca.group_ratio[1][1] = 1.0;
    dm_dual_cfg cb = ca;
    cb.ratio = 1e-9;
    dm_dual da, db;
    cr_assert_eq(dm_dual_build(&da, &m, &fd, &ca, &err), 0, "%s", err.msg);
    cr_assert_eq(dm_dual_build(&db, &m, &fd, &cb, &err), 0, "%s", err.msg);
    cr_assert_eq(dm_dual_use_kernels(&da, K, &err), 0, "%s", err.msg);
    cr_assert_eq(dm_dual_use_kernels(&db, K, &err), 0, "%s", err.msg);
    int H = m.nhid;
    cr_expect_eq(da.eng.s[1].lactive, H, "layer 1 computes only f's little rows");
    cr_expect(da.eng.s[0].off, "layer 0 runs dense");
    cr_expect_eq(db.eng.s[1].lactive, 4 * H);
    dm_dual_state qa, qb;
    cr_assert_eq(dm_dual_state_init(&qa, &da, &err), 0);
    cr_assert_eq(dm_dual_state_init(&qb, &db, &err), 0);
    dm_dual_state_reset(&qa, &da);
    dm_dual_state_reset(&qb, &db);
    dm_dual_stats sa = {0}, sb = {0};
    for (int t = 0; t < 300; t++) {
        dm_dual_step(&da, &qa, ids[t], 0, &sa);
        dm_dual_step(&db, &qb, ids[t], 0, &sb);
        for (int l = 0; l < m.nlayers; l++)
            for (int j = 0; j < H; j++)
                cr_assert_float_eq(dm_lm_state_h(&qa.st, &m, l)[j], dm_lm_state_h(&qb.st, &m, l)[j], 1e-5,
                                   "t %d layer %d h[%d]", t, l, j);
    }
    cr_expect_eq(dm_stats_ratio(&sa, 1, 1), 1.0, "f of layer 1: %g", dm_stats_ratio(&sa, 1, 1));
    cr_expect_eq(dm_stats_ratio(&sa, 1, 0), 0.0);
    cr_expect_eq(dm_stats_ratio(&sa, 0, -1), 0.0);
    cr_expect(sa.little_bytes > 0 && sa.little_bytes < sb.little_bytes, "little bytes %g, all rows %g",
              sa.little_bytes, sb.little_bytes);
    dm_dual_state_free(&qa);
    dm_dual_state_free(&qb);
    dm_dual_free(&da);
    dm_dual_free(&db);
    dm_fitdata_free(&fd);
    dm_lm_free(&m);
}

/* The bench's read-pattern limit replays what dm_engine_state.rec lists: per
 * step the row lists must hold exactly the big rows the statistics count
 * (their bytes), each a row of its site's weights, and the byte ranges the
 * little bytes (less the projections' 4-byte scales, which are not read as a
 * range); a group at ratio 0 skips its little rows in both. */
static void record_matches_stats(dm_cell cell, int zero_group, dm_proj_kind proj, int bits)
{
    dm_lm m;
    dm_fitdata fd;
    dm_err err;
    setup(&m, &fd, cell);
    const dm_kernels *K = dm_kernels_best();
    cr_assert_not_null(K);
    dm_dual_cfg c = cfg_of(0.5, bits, 8, DM_MODE_TOPK);
    c.proj = proj;
    if (zero_group) {
        c.group_set[1][0] = 1;
        c.group_ratio[1][0] = 0.0;
    }
    dm_dual d;
    cr_assert_eq(dm_dual_build(&d, &m, &fd, &c, &err), 0, "%s", err.msg);
    cr_assert_eq(dm_dual_use_kernels(&d, K, &err), 0, "%s", err.msg);
    if (zero_group)
        cr_assert(d.eng.s[1].lactive < d.eng.s[1].little.rows, "layer 1 skips a group's little rows");
    dm_dual_state q;
    cr_assert_eq(dm_dual_state_init(&q, &d, &err), 0);
    dm_dual_state_reset(&q, &d);
    dm_read_rec rec = {0};
    rec.cap = 2 * d.eng.nsites * d.eng.max_orows;
    rec.rows = malloc((size_t)rec.cap * sizeof(int));
    cr_assert_not_null(rec.rows);
    dm_dual_stats st = {0};
    for (int t = 0; t < 50; t++) {
        double big0 = st.big_bytes, lit0 = st.little_bytes;
        rec.nops = rec.used = 0;
        q.es.rec = &rec;
        dm_dual_step_rnn(&d, &q, ids[t], 0, &st);
        q.es.rec = NULL;
        cr_assert(!rec.overflow);
        double rows_b = 0, range_b = 0;
        for (int i = 0; i < rec.nops; i++) {
            const dm_read_op *o = &rec.op[i];
            if (o->n < 0) {
                range_b += (double)o->bytes;
                continue;
            }
            rows_b += (double)o->n * o->cols * sizeof(float);
            int si = -1;
            for (int k = 0; k < d.eng.nsites; k++) { /* the site whose weights these rows are */
                const dm_site *s = &d.eng.s[k].site;
                if (o->w >= s->w && o->w < s->w + s->ld)
                    si = k;
            }
            cr_assert(si >= 0, "t %d op %d: rows of no site's weights", t, i);
            for (int j = 0; j < o->n; j++)
                cr_assert(rec.rows[o->off + j] >= 0 && rec.rows[o->off + j] < d.eng.s[si].site.orows,
                          "t %d op %d: row %d of %d", t, i, rec.rows[o->off + j], d.eng.s[si].site.orows);
        }
        double scales = 0;
        for (int k = 0; k < d.eng.nsites; k++)
            if (!d.eng.s[k].off && proj == DM_PROJ_SRP)
                scales += d.eng.s[k].little.ns * sizeof(float);
        cr_assert_float_eq(rows_b, st.big_bytes - big0, 0.5, "t %d: rows %g, counted %g", t, rows_b,
                           st.big_bytes - big0);
        cr_assert_float_eq(range_b + scales, st.little_bytes - lit0, 0.5, "t %d: ranges %g + %g, counted %g", t,
                           range_b, scales, st.little_bytes - lit0);
        cr_assert(rows_b > 0 && range_b > 0);
    }
    free(rec.rows);
    dm_dual_state_free(&q);
    dm_dual_free(&d);
    dm_fitdata_free(&fd);
    dm_lm_free(&m);
}

Test(dual, read_record_matches_counted_bytes_lstm) { record_matches_stats(DM_CELL_LSTM, 0, DM_PROJ_SRP, 8); }
Test(dual, read_record_matches_counted_bytes_gru) { record_matches_stats(DM_CELL_GRU, 0, DM_PROJ_SRP, 4); }
Test(dual, read_record_matches_counted_bytes_group_at_zero) { record_matches_stats(DM_CELL_LSTM, 1, DM_PROJ_SRP, 8); }
Test(dual, read_record_matches_counted_bytes_pca_fp32) { record_matches_stats(DM_CELL_LSTM, 0, DM_PROJ_PCA, 0); }
Test(dual, read_record_matches_counted_bytes_fp32_group_at_zero) { record_matches_stats(DM_CELL_LSTM, 1, DM_PROJ_PCA, 0); }

Test(dual, kernels_match_reference_lstm) { kernels_match_reference(DM_CELL_LSTM); }
Test(dual, kernels_match_reference_gru) { kernels_match_reference(DM_CELL_GRU); }

/* The fit's progress: reports from 0 to its total, done never decreasing,
 * the last one done == total; a cancel flag raised during the collection
 * stops it (1, an error message, nothing cached: the next fit collects). */
typedef struct fit_seen {
    int calls;
    long last_done, total;
    int monotone;
    volatile int cancel;
    int cancel_after; /* raise cancel at this call (0: never) */
} fit_seen;

static void on_fit(long done, long total, double elapsed_s, void *ud)
{
    fit_seen *f = ud;
    if (done < f->last_done || elapsed_s < 0)
        f->monotone = 0;
    f->last_done = done;
    f->total = total;
    if (++f->calls == f->cancel_after)
        f->cancel = 1;
}

Test(dual, fit_progress_and_cancel)
{
    dm_lm m;
    dm_err err;
    make_ids();
    cr_assert_eq(dm_lm_init_random(&m, DM_CELL_LSTM, V, 24, 24, 2, 1, 0.35f, 3, &err), 0, "%s", err.msg);
    char dir[] = "/tmp/dm_test_fitprog_XXXXXX";
    cr_assert(mkdtemp(dir) != NULL);
    dm_corpus c = {.ids = ids, .n = T};
    fit_seen a = {.monotone = 1};
    dm_fit_progress pa = {on_fit, &a, &a.cancel};
    dm_fitdata fd;
    /* cancelled at the first report (the collection's first step): 1, said so, nothing cached */
    a.cancel_after = 1;
    cr_assert_eq(dm_fitdata_cached_lm(&fd, &m, &c, T, 400, &pa, dir, &err), 1);
    cr_assert(strstr(err.msg, "cancelled") != NULL, "%s", err.msg);
    cr_assert_eq(fd.mom, NULL, "a cancelled fit keeps nothing");
    /* collected: the reports go up to the total */
    fit_seen b = {.monotone = 1};
    dm_fit_progress pb = {on_fit, &b, &b.cancel};
    cr_assert_eq(dm_fitdata_cached_lm(&fd, &m, &c, T, 400, &pb, dir, &err), 0, "%s", err.msg);
    cr_assert_eq(fd.from_cache, 0, "the cancelled fit left no cache entry");
    cr_assert(b.calls >= 2 && b.monotone, "%d reports, monotone %d", b.calls, b.monotone);
    cr_assert(b.total > 0 && b.total <= T && b.last_done == b.total, "last report %ld of %ld", b.last_done, b.total);
    dm_fitdata_free(&fd);
    /* from the cache: no collection, no report */
    fit_seen z = {.monotone = 1};
    dm_fit_progress pz = {on_fit, &z, &z.cancel};
    cr_assert_eq(dm_fitdata_cached_lm(&fd, &m, &c, T, 400, &pz, dir, &err), 0, "%s", err.msg);
    cr_assert(fd.from_cache && z.calls == 0);
    dm_fitdata_free(&fd);
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    cr_assert_eq(system(cmd), 0);
    dm_lm_free(&m);
}

/* dm_bits_container names the container dm_qmat_pack really uses for every
 * width, and a width between containers costs exactly the bytes of the next
 * one up (what `little` and the TUI say of INT3, INT5..7, INT9..15). */
Test(dual, bits_between_containers_cost_the_next_container)
{
    dm_err err;
    int16_t q[3 * 40];
    float sc[3] = {1, 1, 1}, b[3] = {0, 0, 0};
    for (int bits = 1; bits <= 16; bits++) {
        for (int i = 0; i < 3 * 40; i++)
            q[i] = (int16_t)(bits == 1 ? (i % 2 ? 1 : -1) : i % 3 - 1);
        dm_qmat qm;
        cr_assert_eq(dm_qmat_pack(&qm, q, 3, 40, bits, sc, b, &err), 0, "bits %d: %s", bits, err.msg);
        cr_assert_eq(qm.container, dm_bits_container(bits), "bits %d: packed in %d, said %d", bits, qm.container,
                     dm_bits_container(bits));
        dm_qmat_free(&qm);
    }
    cr_assert_eq(dm_bits_container(0), 32);
    dm_lm m;
    dm_fitdata fd;
    setup(&m, &fd, DM_CELL_LSTM);
    const dm_kernels *K = dm_kernels_best();
    static const int pair[][2] = {{6, 8}, {5, 8}, {3, 4}, {12, 16}};
    for (int p = 0; p < 4; p++) {
        dm_dual a, c;
        dm_dual_cfg ca = cfg_of(0.5, pair[p][0], 10, DM_MODE_TOPK), cc = cfg_of(0.5, pair[p][1], 10, DM_MODE_TOPK);
        cr_assert_eq(dm_dual_build(&a, &m, &fd, &ca, &err), 0, "%s", err.msg);
        cr_assert_eq(dm_dual_build(&c, &m, &fd, &cc, &err), 0, "%s", err.msg);
        cr_assert_eq(dm_dual_use_kernels(&a, K, &err), 0, "%s", err.msg);
        cr_assert_eq(dm_dual_use_kernels(&c, K, &err), 0, "%s", err.msg);
        cr_assert_eq(dm_dual_little_bytes(&a), dm_dual_little_bytes(&c), "INT%d %zu bytes, INT%d %zu", pair[p][0],
                     dm_dual_little_bytes(&a), pair[p][1], dm_dual_little_bytes(&c));
        dm_dual_free(&a);
        dm_dual_free(&c);
    }
    dm_fitdata_free(&fd);
    dm_lm_free(&m);
}

/* ---- the quality path over N streams, against PyTorch's batched evaluate ---- */

#include <jansson.h>

#include "pgemm.h"
#include "testutil.h"

static void streams_vs_torch(const char *name)
{
    char path[4096];
    dm_err err;
    snprintf(path, sizeof path, "%s/tests/fixtures/batched_expect.json", test_srcdir());
    json_error_t je;
    json_t *root = json_load_file(path, 0, &je);
    cr_assert(root, "%s: %s", path, je.text);
    json_t *mine = json_object_get(root, name), *jids = json_object_get(mine, "ids");
    dm_corpus c = {0};
    c.n = (long)json_array_size(jids);
    c.ids = malloc(sizeof(int) * (size_t)c.n);
    for (long i = 0; i < c.n; i++)
        c.ids[i] = (int)json_integer_value(json_array_get(jids, (size_t)i));
    dm_lm m;
    snprintf(path, sizeof path, "%s/tests/fixtures/%s_model.safetensors", test_srcdir(), name);
    cr_assert_eq(dm_lm_load(&m, path, &err), 0, "%s", err.msg);
    dm_fitdata fd;
    cr_assert_eq(dm_fitdata_collect(&fd, &m, c.ids, c.n, 200, &err), 0, "%s", err.msg);
    const char *ns[] = {"1", "4", "7"};
    for (int i = 0; i < 3; i++) {
        int N = atoi(ns[i]);
        double want = json_real_value(json_object_get(json_object_get(mine, "ppl"), ns[i]));
        dm_dual d;
        dm_dual_cfg cf = cfg_of(0.0, 8, 4, DM_MODE_TOPK);
        cr_assert_eq(dm_dual_build(&d, &m, &fd, &cf, &err), 0, "%s", err.msg);
        dm_eval_opts o = {.streams = N};
        dm_dual_result r;
        cr_assert_eq(dm_eval_lm_dual(&d, &c, &o, 0, &r, &err), 0, "%s", err.msg);
        cr_expect(fabs(r.dense.value / want - 1) < 1e-4, "%s, %d streams: dense %.6f, PyTorch %.6f", name, N,
                  r.dense.value, want);
        /* the dense-only evaluation over the same streams (dualmod eval --streams N) */
        dm_eval_result er;
        cr_assert_eq(dm_eval_lm(&m, &c, &o, &er, &err), 0, "%s", err.msg);
        cr_expect(fabs(er.value / want - 1) < 1e-5, "%s, %d streams, dense eval: %.6f, PyTorch %.6f", name, N, er.value,
                  want);
        if (N > 1)
            cr_expect_eq(er.predictions, (long)N * (c.n / N - 1));
        /* ratio 0: the streams' quality path merges the exact rows, computed in the same GEMM as the
         * dense side's (rows N..2N-1 of it: the kernel's row tiles may order a sum differently, so
         * equal to ~1e-9, not bit for bit); one stream: the batch-1 step against the whole-sequence
         * dense path, equal up to summation order */
        if (N > 1)
            cr_expect(fabs(r.dual.value / r.dense.value - 1) < 1e-9, "%s, %d streams, ratio 0: dual %.12g dense %.12g",
                      name, N, r.dual.value, r.dense.value);
        else
            cr_expect(fabs(r.dual.value / r.dense.value - 1) < 1e-6, "%s, one stream, ratio 0: %.9g vs %.9g", name,
                      r.dual.value, r.dense.value);
        cr_expect_eq(r.top1_agree, 1.0);
        if (N > 1) {
            cr_expect_eq(r.dense.predictions, (long)N * (c.n / N - 1), "N (L - 1) predictions");
            /* top-k at 0.5: exactly round(r n) rows per activation group, every step of every stream */
            cr_assert_eq(dm_dual_set_ratio(&d, 0.5, &err), 0);
            cr_assert_eq(dm_eval_lm_dual(&d, &c, &o, 1, &r, &err), 0, "%s", err.msg);
            int H = m.nhid;
            for (int l = 0; l < m.nlayers; l++) {
                long steps = r.stats.gate[l][0].total / H;
                long sig = 0;
                for (int g = 0; g < m.gates; g++)
                    sig += dm_gate_act(&m, g) == DM_ACT_SIGMOID ? r.stats.gate[l][g].insens : 0;
                long nsig = (m.gates - 1) * H;
                cr_expect_eq(sig, lround(0.5 * nsig) * steps, "layer %d sigmoid rows", l);
                cr_expect_eq(r.stats.gate[l][2].insens, lround(0.5 * H) * steps, "layer %d tanh rows", l);
            }
            cr_expect(r.dual.value != r.dense.value && fabs(r.dual.value / r.dense.value - 1) < 0.5,
                      "ratio 0.5 moves the perplexity a little: %g vs %g", r.dual.value, r.dense.value);
            cr_expect(dm_stats_recall(&r.stats, -1, -1) > 0.5, "audit on the quality path");
        }
        dm_dual_free(&d);
    }
    /* the figures do not depend on the thread count: groups of streams, not threads, shape the GEMMs,
     * and the figures are summed in (step, stream) order */
    if (c.n / 23 >= 3) {
        dm_dual d;
        dm_dual_cfg cf = cfg_of(0.5, 8, 4, DM_MODE_THRESHOLD);
        cr_assert_eq(dm_dual_build(&d, &m, &fd, &cf, &err), 0, "%s", err.msg);
        dm_eval_opts o = {.streams = 23};
        dm_dual_result r1, r3;
        int bt = dm_blas_threads();
        dm_blas_set_threads(1);
        cr_assert_eq(dm_eval_lm_dual(&d, &c, &o, 0, &r1, &err), 0, "%s", err.msg);
        dm_blas_set_threads(3);
        cr_assert_eq(dm_eval_lm_dual(&d, &c, &o, 0, &r3, &err), 0, "%s", err.msg);
        dm_blas_set_threads(bt);
        cr_expect(r1.dual.value == r3.dual.value && r1.dense.value == r3.dense.value, "%s: %.17g %.17g vs %.17g %.17g",
                  name, r1.dual.value, r1.dense.value, r3.dual.value, r3.dense.value);
        cr_expect(r1.kld == r3.kld && r1.top1_agree == r3.top1_agree, "%s: kld %.17g vs %.17g", name, r1.kld, r3.kld);
        cr_expect_eq(dm_stats_ratio(&r1.stats, -1, -1), dm_stats_ratio(&r3.stats, -1, -1));
        cr_expect_eq(r1.dual.predictions, 23L * (c.n / 23 - 1));
        dm_dual_free(&d);
    }
    /* the dense side kept between evaluations (lm_dual.h): the first evaluation notes the key, the
     * second fills the memo (figures as without it), the third uses it: value, dense and top-1
     * identical, KL equal to rounding; at ratio 0 exactly 0; another stream count is another key */
    {
        dm_dual d;
        dm_dual_cfg cf = cfg_of(0.5, 8, 4, DM_MODE_TOPK);
        cr_assert_eq(dm_dual_build(&d, &m, &fd, &cf, &err), 0, "%s", err.msg);
        dm_lm_memo *mo = dm_lm_memo_new();
        cr_assert_not_null(mo);
        /* exactly equal with the packed GEMM, AVX-512 or AVX2 (its sums do not depend on how many rows a call
         * has); with the OpenBLAS fallback (other CPUs, Valgrind) the memo's smaller calls sum in
         * another order: equal to rounding */
        dm_pgemm probe;
        float one = 1;
        cr_assert_eq(dm_pgemm_pack(&probe, &one, 1, 1, 1, 1, &err), 0);
        const int exact = probe.p != NULL;
        dm_pgemm_free(&probe);
        const double tol = exact ? 0 : 1e-8;
        dm_eval_opts o0 = {.streams = 7}, o = {.streams = 7, .memo = mo};
        dm_dual_result r0, r[3];
        cr_assert_eq(dm_eval_lm_dual(&d, &c, &o0, 0, &r0, &err), 0, "%s", err.msg);
        /* the paired s.e. of the perplexity difference: known, and far below the unpaired s.e. of the dual
         * perplexity (both sides score the same tokens) */
        cr_expect(isfinite(r0.delta_se) && r0.delta_se > 0 && r0.delta_se < 0.5 * r0.dual.se,
                  "%s: paired s.e. %g, unpaired %g", name, r0.delta_se, r0.dual.se);
        for (int k = 0; k < 3; k++) {
            cr_assert_eq(dm_eval_lm_dual(&d, &c, &o, 0, &r[k], &err), 0, "%s", err.msg);
            cr_expect_eq(dm_lm_memo_state(mo), k == 0 ? 1 : 2, "%s: memo state after evaluation %d", name, k + 1);
            cr_expect(fabs(r[k].dual.value / r0.dual.value - 1) <= tol && r[k].dense.value == r0.dense.value &&
                          r[k].top1_agree == r0.top1_agree,
                      "%s, evaluation %d with the memo: %.17g %.17g %.17g vs %.17g %.17g %.17g", name, k + 1,
                      r[k].dual.value, r[k].dense.value, r[k].top1_agree, r0.dual.value, r0.dense.value,
                      r0.top1_agree);
            cr_expect_eq(r[k].dual.predictions, r0.dual.predictions);
            cr_expect_eq(dm_stats_ratio(&r[k].stats, -1, -1), dm_stats_ratio(&r0.stats, -1, -1));
        }
        cr_expect(r[0].kld == r0.kld && r[1].kld == r0.kld, "%s: KL without the memo's use %.17g %.17g vs %.17g",
                  name, r[0].kld, r[1].kld, r0.kld);
        cr_expect(r0.kld > 0 && fabs(r[2].kld / r0.kld - 1) < 1e-4, "%s: KL from the memo %.17g, computed %.17g", name,
                  r[2].kld, r0.kld);
        cr_assert_eq(dm_dual_set_ratio(&d, 0.0, &err), 0);
        dm_dual_result z;
        cr_assert_eq(dm_eval_lm_dual(&d, &c, &o, 0, &z, &err), 0, "%s", err.msg);
        cr_expect(z.kld <= (exact ? 0.0 : 1e-7), "%s: ratio 0 from the memo: KL %.17g", name, z.kld);
        cr_expect_eq(z.top1_agree, 1.0);
        cr_expect(fabs(z.dual.value / z.dense.value - 1) <= (exact ? 1e-12 : 1e-8), "%s: ratio 0: %.17g vs %.17g", name,
                  z.dual.value, z.dense.value);
        dm_eval_opts o4 = {.streams = 4, .memo = mo};
        cr_assert_eq(dm_eval_lm_dual(&d, &c, &o4, 0, &z, &err), 0, "%s", err.msg);
        cr_expect_eq(dm_lm_memo_state(mo), 1, "%s: another stream count starts over", name);
        dm_lm_memo_free(mo);
        dm_dual_free(&d);
    }
    dm_fitdata_free(&fd);
    dm_lm_free(&m);
    free(c.ids);
    json_decref(root);
}

Test(dual, streams_match_pytorch_batched_lstm) { streams_vs_torch("lstm"); }
Test(dual, streams_match_pytorch_batched_gru) { streams_vs_torch("gru"); }

/* dm_ppl_delta_se against the delta method written out directly (long
 * double, with the covariance), on NLLs like a model's: a dual side that
 * differs from the dense one by small per-prediction amounts. Identical
 * sides give 0; fewer than 2 predictions NaN. */
Test(dual, paired_se_of_a_perplexity_difference)
{
    enum { N = 5000 };
    static double d[N], q[N];
    uint64_t x = 99;
    for (int i = 0; i < N; i++) {
        x = x * 6364136223846793005ULL + 1442695040888963407ULL;
        d[i] = 1.0 + 6.0 * (double)(x >> 11) / 9007199254740992.0;
        x = x * 6364136223846793005ULL + 1442695040888963407ULL;
        q[i] = d[i] + 0.05 * ((double)(x >> 11) / 9007199254740992.0 - 0.3);
    }
    dm_nll_acc ad = {0}, aq = {0}, ax = {0};
    for (int i = 0; i < N; i++)
        dm_nll_add(&ad, d[i]), dm_nll_add(&aq, q[i]), dm_nll_add(&ax, q[i] - d[i]);
    long double md = 0, mq = 0;
    for (int i = 0; i < N; i++)
        md += d[i], mq += q[i];
    md /= N, mq /= N;
    long double vd = 0, vq = 0, cv = 0;
    for (int i = 0; i < N; i++)
        vd += (d[i] - md) * (d[i] - md), vq += (q[i] - mq) * (q[i] - mq), cv += (d[i] - md) * (q[i] - mq);
    vd /= N, vq /= N, cv /= N;
    long double pd = expl(md), pq = expl(mq);
    double want = (double)sqrtl((pq * pq * vq + pd * pd * vd - 2 * pq * pd * cv) / N);
    double got = dm_ppl_delta_se(&ad, &aq, &ax);
    cr_expect(fabs(got - want) <= 1e-6 * want, "paired s.e. %.12g, direct %.12g", got, want);
    /* far below the unpaired s.e. of the dual perplexity alone: the pairing removes the shared variance */
    cr_expect(got < 0.1 * (double)(pq * sqrtl(vq / N)), "paired %.6g vs unpaired %.6g", got, (double)(pq * sqrtl(vq / N)));
    dm_nll_acc z = {0};
    for (int i = 0; i < N; i++)
        dm_nll_add(&z, 0.0);
    cr_expect_eq(dm_ppl_delta_se(&ad, &ad, &z), 0.0, "identical sides");
    dm_nll_acc one = {0};
    dm_nll_add(&one, 1.0);
    cr_expect(isnan(dm_ppl_delta_se(&one, &one, &one)), "one prediction");
}
