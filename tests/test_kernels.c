/* test_kernels.c - Criterion tests for src/kernels/kernels.c: every variant
 * this CPU has (dm_kernels_get non-NULL; the others are not run) against the
 * scalar references and against the library's own reference code
 * (dm_proj_apply, dm_little_forward), on odd sizes, block-boundary sizes,
 * unaligned pointers and extreme values; plus packing, byte counts and
 * argument errors.
 *
 * Tolerances (the FP32 kernels; everything integer must be bit-identical):
 *   rows_gemv  |y - y_ref| <= 1e-5 * sum_c |w_c x_c| + 1e-6
 *              (and y_ref within 1e-7 * sum |w x| of the exact sum);
 *   proj       |out - dm_proj_apply| <= 1e-5 * scale * sum of |x_c| over
 *              the row's non-zero columns + 1e-30 (ref: bit-identical);
 *              quantized input (the integer kernels): + nnz * max|x| / 32767 / 2
 *              * scale, and avx2 and avx512 bit-identical to each other;
 *   qgemv ref  vs the dequantized float math of dm_little_forward:
 *              |y - out| <= 1e-4 * (sum_j |wq_j v_j| + |bias|) + 1e-6;
 *   lstm_cell, gru_cell  |h - h_ref|, |c - c_ref| <= 1e-6 * (1 + |ref|)
 *              + 5e-7 * a, a = |c_prev| (lstm: f c cancelling i g) or |n_h|
 *              (gru: n_x cancelling r n_h): the few-ulp error of a gate
 *              amplified by the operand it multiplies
 *              (ref: bit-identical to dm_lm_cell_update).
 * All data comes from fixed seeds; the whole file runs in well under 5 s. */
#define _POSIX_C_SOURCE 200809L
#include <cblas.h>
#include <criterion/criterion.h>

#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "kernels.h"
#include "lm.h"
#include "little.h"
#include "pgemm.h"
#include "testutil.h"
#include "tune.h"
#include "util.h"

/* ---- helpers ------------------------------------------------------------ */

static void trng_seed(uint64_t s) { trng_seed_salted(s, 0x9876543ULL); }

/* Uniform integer in [lo, hi]. */
static int irand(int lo, int hi)
{
    return lo + (int)((trng_next() >> 33) % (uint64_t)(hi - lo + 1));
}

static float frand(void) { return (float)(2.0 * uniform() - 1.0); }


/* The variants this CPU has, ref first. */
static int variants(const dm_kernels **ks)
{
    int n = 0;
    for (int v = 0; v < DM_KV_COUNT; v++) {
        const dm_kernels *k = dm_kernels_get((dm_kvariant)v);
        if (k)
            ks[n++] = k;
    }
    return n;
}

static uint32_t fbits(float f)
{
    uint32_t u;
    memcpy(&u, &f, sizeof u);
    return u;
}

/* The same float operations as the kernels' final step, never fused. */
static float finish(int64_t acc, float ws, float xs, float b)
{
    volatile float p = (float)acc * (ws * xs);
    return p + b;
}

static const int odd_rows[] = { 1, 3, 7, 61, 1003 };
static const int odd_cols[] = { 1, 5, 17, 63, 65, 834, 1501 };
#define NELEM(a) ((int)(sizeof(a) / sizeof(a)[0]))

/* ---- variants and names ------------------------------------------------- */

Test(kernels, variants_and_parse)
{
    const dm_kernels *ks[DM_KV_COUNT];
    int n = variants(ks);
    cr_assert(n >= 1 && ks[0] == dm_kernels_get(DM_KV_REF));
    cr_assert_str_eq(dm_kernels_get(DM_KV_REF)->name, "ref");
    const dm_kernels *best = dm_kernels_best();
    cr_assert_not_null(best);
    cr_assert_eq(best, ks[n - 1], "best is the last available variant (%s)", best->name);
    const char *names[] = { "ref", "avx2", "avx512" };
    for (int v = 0; v < DM_KV_COUNT; v++) {
        dm_kvariant got = DM_KV_COUNT;
        cr_assert_eq(dm_kernels_parse(names[v], &got), 0);
        cr_assert_eq(got, (dm_kvariant)v);
        const dm_kernels *k = dm_kernels_get(got);
        if (k) {
            cr_assert_str_eq(k->name, names[v]);
            cr_assert(k->rows_gemv && k->proj && k->qgemv && k->quant_in);
        }
    }
    dm_kvariant a = DM_KV_COUNT;
    cr_assert_eq(dm_kernels_parse("auto", &a), 0);
    cr_assert_eq(dm_kernels_get(a), best);
    const char *bad[] = { "", "AVX2", "avx", "avx-512", "auto ", "neon", "refx" };
    for (int i = 0; i < NELEM(bad); i++) {
        dm_kvariant v = DM_KV_COUNT;
        cr_assert_eq(dm_kernels_parse(bad[i], &v), -1, "parse(\"%s\") should fail", bad[i]);
        cr_assert_eq(v, DM_KV_COUNT, "parse(\"%s\") wrote its output on failure", bad[i]);
    }
    cr_assert_eq(dm_kernels_parse(NULL, &a), -1);
    cr_assert_eq(dm_kernels_parse("ref", NULL), -1);
    cr_assert_null(dm_kernels_get(DM_KV_COUNT));
    cr_assert_null(dm_kernels_get((dm_kvariant)-1));
}

/* ---- rows_gemv ---------------------------------------------------------- */

/* Checks every variant on the row list; returns the number of failures. */
static int check_rows(const float *W, size_t ld, int cols, const int *rows, int nrows,
                      const float *x, const char *what)
{
    const dm_kernels *ks[DM_KV_COUNT];
    int nk = variants(ks), bad = 0;
    float *yr = malloc(sizeof(float) * ((size_t)nrows + 1));
    float *y = malloc(sizeof(float) * ((size_t)nrows + 1));
    cr_assert(yr && y);
    ks[0]->rows_gemv(W, ld, cols, rows, nrows, x, yr);
    for (int i = 0; i < nrows; i++) {
        const float *w = W + (size_t)rows[i] * ld;
        double s = 0.0, sa = 0.0;
        for (int c = 0; c < cols; c++) {
            s += (double)w[c] * x[c];
            sa += fabs((double)w[c] * x[c]);
        }
        if (!(fabs(yr[i] - s) <= 1e-7 * sa + 1e-30) && bad++ < 3)
            cr_log_error("rows_gemv ref %s cols %d: y[%d] %.9g, exact %.9g", what, cols, i, yr[i], s);
    }
    for (int v = 1; v < nk; v++) {
        y[nrows] = -12345.0f; /* sentinel: nothing written past nrows */
        ks[v]->rows_gemv(W, ld, cols, rows, nrows, x, y);
        if (y[nrows] != -12345.0f && bad++ < 3)
            cr_log_error("rows_gemv %s %s: wrote past nrows", ks[v]->name, what);
        for (int i = 0; i < nrows; i++) {
            const float *w = W + (size_t)rows[i] * ld;
            double sa = 0.0;
            for (int c = 0; c < cols; c++)
                sa += fabs((double)w[c] * x[c]);
            if (!(fabs((double)y[i] - yr[i]) <= 1e-5 * sa + 1e-6) && bad++ < 3)
                cr_log_error("rows_gemv %s %s cols %d: y[%d] %.9g, ref %.9g (sum|wx| %g)", ks[v]->name,
                             what, cols, i, y[i], yr[i], sa);
        }
    }
    free(yr);
    free(y);
    return bad;
}

Test(kernels, rows_gemv_odd_sizes_and_subsets)
{
    trng_seed(11);
    int bad = 0;
    for (int a = 0; a < NELEM(odd_rows); a++)
        for (int b = 0; b < NELEM(odd_cols); b++) {
            int M = odd_rows[a], cols = odd_cols[b];
            size_t ld = (size_t)cols + 3; /* odd stride: rows start unaligned */
            float *wbuf = malloc(sizeof(float) * ((size_t)M * ld + 1));
            float *xbuf = malloc(sizeof(float) * ((size_t)cols + 1));
            int *rows = malloc(sizeof(int) * (2 * (size_t)M + 8));
            cr_assert(wbuf && xbuf && rows);
            float *W = wbuf + 1, *x = xbuf + 1; /* not 32- or 64-byte aligned */
            for (size_t i = 0; i < (size_t)M * ld; i++)
                W[i] = frand();
            for (int c = 0; c < cols; c++)
                x[c] = frand();
            char what[64];
            /* empty list */
            bad += check_rows(W, ld, cols, rows, 0, x, "empty");
            /* all rows, in order */
            for (int i = 0; i < M; i++)
                rows[i] = i;
            snprintf(what, sizeof what, "all %d rows", M);
            bad += check_rows(W, ld, cols, rows, M, x, what);
            /* all rows reversed */
            for (int i = 0; i < M; i++)
                rows[i] = M - 1 - i;
            bad += check_rows(W, ld, cols, rows, M, x, "reversed");
            /* random subsets with duplicates, of several lengths */
            const int lens[] = { 1, 2, 3, 4, 5, 9, M / 2 + 1, 2 * M + 3 };
            for (int l = 0; l < NELEM(lens); l++) {
                for (int i = 0; i < lens[l]; i++)
                    rows[i] = irand(0, M - 1);
                snprintf(what, sizeof what, "random %d of %d", lens[l], M);
                bad += check_rows(W, ld, cols, rows, lens[l], x, what);
            }
            free(wbuf);
            free(xbuf);
            free(rows);
        }
    cr_assert_eq(bad, 0, "%d rows_gemv mismatches (see the log)", bad);
}

Test(kernels, rows_gemv_large_values_and_prefetch_span)
{
    /* cols past the prefetch distance, a row list longer than one block,
     * magnitudes far from 1 */
    trng_seed(12);
    const int M = 40, cols = 3001;
    const size_t ld = 3001;
    float *W = malloc(sizeof(float) * (size_t)M * ld), *x = malloc(sizeof(float) * cols);
    int rows[23];
    cr_assert(W && x);
    for (size_t i = 0; i < (size_t)M * ld; i++)
        W[i] = (float)(gauss() * 1e3);
    for (int c = 0; c < cols; c++)
        x[c] = (float)(gauss() * 1e-3);
    for (int i = 0; i < 23; i++)
        rows[i] = irand(0, M - 1);
    cr_assert_eq(check_rows(W, ld, cols, rows, 23, x, "large"), 0);
    free(W);
    free(x);
}

/* ---- qgemv -------------------------------------------------------------- */

static int qmax_of(int bits) { return bits == 1 ? 1 : (1 << (bits - 1)) - 1; }

/* Packs q and checks every variant bit-identical to ref, and ref equal to
 * the exact integer formula. Returns the number of failures. */
static int check_qgemv(const int16_t *q, int rows, int cols, int bits, const float *ws,
                       const float *bias, const int8_t *xq, float xs, const char *what)
{
    dm_qmat m;
    dm_err err;
    int bad = 0;
    cr_assert_eq(dm_qmat_pack(&m, q, rows, cols, bits, ws, bias, &err), 0, "%s", err.msg);
    float *yr = malloc(sizeof(float) * ((size_t)rows + 1)), *y = malloc(sizeof(float) * ((size_t)rows + 1));
    cr_assert(yr && y);
    const dm_kernels *ks[DM_KV_COUNT];
    int nk = variants(ks);
    ks[0]->qgemv(&m, xq, xs, yr);
    for (int r = 0; r < rows; r++) {
        int64_t acc = 0;
        for (int j = 0; j < cols; j++)
            acc += (int64_t)q[(size_t)r * cols + j] * xq[j];
        float e = finish(acc, ws[r], xs, bias[r]);
        if (fbits(e) != fbits(yr[r]) && bad++ < 3)
            cr_log_error("qgemv ref %s bits %d %dx%d: y[%d] %.9g, exact %.9g", what, bits, rows,
                         cols, r, yr[r], e);
    }
    for (int v = 1; v < nk; v++) {
        y[rows] = -777.0f;
        ks[v]->qgemv(&m, xq, xs, y);
        if (memcmp(y, yr, sizeof(float) * (size_t)rows) != 0 && bad++ < 3) {
            int r = 0;
            while (fbits(y[r]) == fbits(yr[r]))
                r++;
            cr_log_error("qgemv %s %s bits %d %dx%d: y[%d] %.9g, ref %.9g", ks[v]->name, what, bits,
                         rows, cols, r, y[r], yr[r]);
        }
        if (y[rows] != -777.0f && bad++ < 3)
            cr_log_error("qgemv %s: wrote past rows", ks[v]->name);
    }
    free(yr);
    free(y);
    dm_qmat_free(&m);
    return bad;
}

Test(kernels, qgemv_all_bits_bit_identical)
{
    trng_seed(21);
    static const int cols_list[] = { 1, 5, 17, 63, 65, 127, 128, 129, 255, 257, 511, 512, 513, 834, 1501 };
    static const int rows_list[] = { 1, 3, 6, 7, 61, 1003 };
    int bad = 0;
    for (int bits = 1; bits <= 16; bits++) {
        int qm = qmax_of(bits);
        for (int a = 0; a < NELEM(rows_list); a++)
            for (int b = 0; b < NELEM(cols_list); b++) {
                int rows = rows_list[a], cols = cols_list[b];
                if (rows > 100 && cols != 65 && cols != 834)
                    continue; /* 1003 rows: two sizes are enough */
                int16_t *q = malloc(sizeof(int16_t) * (size_t)rows * cols);
                float *ws = malloc(sizeof(float) * rows), *bias = malloc(sizeof(float) * rows);
                int8_t *xbuf = malloc((size_t)cols + 1), *xq = xbuf + 1; /* odd address */
                cr_assert(q && ws && bias && xbuf);
                for (size_t i = 0; i < (size_t)rows * cols; i++)
                    q[i] = (int16_t)(bits == 1 ? (trng_next() >> 63 ? 1 : -1) : irand(-qm, qm));
                for (int r = 0; r < rows; r++) {
                    ws[r] = (float)(uniform() * 0.1);
                    bias[r] = frand();
                }
                for (int j = 0; j < cols; j++)
                    xq[j] = (int8_t)irand(-127, 127);
                bad += check_qgemv(q, rows, cols, bits, ws, bias, xq, (float)uniform(), "random");
                free(q);
                free(ws);
                free(bias);
                free(xbuf);
            }
    }
    cr_assert_eq(bad, 0, "%d qgemv mismatches (see the log)", bad);
}

/* Every q at +-qmax and x at +-127 (or -128): the largest accumulators, with
 * the signs aligned (|acc| maximal) or mixed. The 16-bit container with 9000
 * columns needs more than int32. */
Test(kernels, qgemv_extreme_values)
{
    trng_seed(22);
    static const int cols_list[] = { 1, 64, 65, 834, 4097, 9000 };
    int bad = 0;
    for (int bits = 1; bits <= 16; bits++) {
        int qm = qmax_of(bits);
        for (int b = 0; b < NELEM(cols_list); b++) {
            const int rows = 9, cols = cols_list[b];
            if (bits <= 8 && cols > 834 && bits != 8 && bits != 1)
                continue; /* keep the run short; 1 and 8 cover the int32 paths */
            int16_t *q = malloc(sizeof(int16_t) * (size_t)rows * cols);
            int8_t *xq = malloc((size_t)cols);
            float ws[9], bias[9];
            cr_assert(q && xq);
            for (int pattern = 0; pattern < 4; pattern++) {
                for (int j = 0; j < cols; j++)
                    xq[j] = pattern == 0 ? 127 : pattern == 1 ? -127 : pattern == 2 ? -128
                                                              : (j & 1 ? 127 : -128);
                for (int r = 0; r < rows; r++) {
                    ws[r] = 1.0f / (float)(r + 1);
                    bias[r] = r & 1 ? -0.5f : 0.25f;
                    for (int j = 0; j < cols; j++) {
                        int v;
                        switch (r % 3) {
                        case 0: v = qm; break;                            /* all +qmax */
                        case 1: v = xq[j] < 0 ? -qm : qm; break;          /* aligned: max |acc| */
                        default: v = trng_next() >> 63 ? qm : -qm; break; /* random signs */
                        }
                        q[(size_t)r * cols + j] = (int16_t)v;
                    }
                }
                char what[48];
                snprintf(what, sizeof what, "extreme pattern %d", pattern);
                bad += check_qgemv(q, rows, cols, bits, ws, bias, xq, 0.0078125f, what);
            }
            free(q);
            free(xq);
        }
    }
    cr_assert_eq(bad, 0, "%d qgemv mismatches (see the log)", bad);
}

Test(kernels, qmat_pack_layout_bytes_and_errors)
{
    dm_err err;
    dm_qmat m;
    int16_t q[3 * 130];
    float ws[3] = { 1, 2, 3 }, bias[3] = { 0, 0, 0 };
    static const int cont[17] = { 0, 1, 2, 4, 4, 8, 8, 8, 8, 16, 16, 16, 16, 16, 16, 16, 16 };
    for (int bits = 1; bits <= 16; bits++) {
        for (int i = 0; i < 3 * 130; i++)
            q[i] = (int16_t)(bits == 1 ? (i & 1 ? 1 : -1) : (i % (2 * qmax_of(bits) + 1)) - qmax_of(bits));
        cr_assert_eq(dm_qmat_pack(&m, q, 3, 130, bits, ws, bias, &err), 0, "%s", err.msg);
        cr_assert_eq(m.container, cont[bits], "bits %d: container %d", bits, m.container);
        cr_assert_eq(m.row_bytes % 64, 0);
        cr_assert_geq(m.row_bytes, (130 * (size_t)cont[bits] + 7) / 8);
        cr_assert_lt(m.row_bytes, (130 * (size_t)cont[bits] + 7) / 8 + 64);
        cr_assert_eq((uintptr_t)m.data % 64, 0);
        cr_assert_eq(dm_qmat_bytes(&m), 3 * m.row_bytes + 3 * 8);
        cr_assert_eq(m.wscale[2], 3.0f);
        dm_qmat_free(&m);
        dm_qmat_free(&m); /* idempotent */
        cr_assert_eq(dm_qmat_bytes(&m), 0);
    }
    /* errors leave m zeroed */
    struct {
        int rows, cols, bits;
        int16_t bad;
    } cases[] = { { 3, 130, 0, 0 }, { 3, 130, 17, 0 }, { 0, 130, 8, 0 }, { 3, 0, 8, 0 },
                  { 3, 130, 4, 8 }, { 3, 130, 4, -8 }, { 3, 130, 1, 0 }, { 3, 130, 2, 2 },
                  { 3, 130, 8, -128 }, { 3, 130, 16, INT16_MIN } };
    for (int c = 0; c < NELEM(cases); c++) {
        for (int i = 0; i < 3 * 130; i++)
            q[i] = 1;
        q[200] = cases[c].bad;
        memset(&m, 0xAB, sizeof m);
        err.msg[0] = '\0';
        cr_assert_eq(dm_qmat_pack(&m, q, cases[c].rows, cases[c].cols, cases[c].bits, ws, bias, &err),
                     -1, "case %d should fail", c);
        cr_assert_neq(err.msg[0], '\0');
        cr_assert_null(m.data);
        cr_assert_eq(m.rows, 0);
    }
    /* a zeroed (or freed) matrix is an empty GEMV in every variant */
    const dm_kernels *ks[DM_KV_COUNT];
    int nk = variants(ks);
    dm_qmat z;
    memset(&z, 0, sizeof z);
    float yz = 42.0f;
    int8_t xz = 1;
    for (int k = 0; k < nk; k++) {
        ks[k]->qgemv(&z, &xz, 1.0f, &yz);
        cr_assert_eq(yz, 42.0f);
    }
    cr_assert_eq(dm_qmat_pack(&m, NULL, 3, 130, 8, ws, bias, &err), -1);
    cr_assert_eq(dm_qmat_pack(&m, q, 3, 130, 8, NULL, bias, &err), -1);
    cr_assert_eq(dm_qmat_pack(NULL, q, 3, 130, 8, ws, bias, &err), -1);
    /* too many columns for the exact int32 accumulators of 8-bit containers */
    int16_t *big = calloc(131073, sizeof *big);
    cr_assert_not_null(big);
    cr_assert_eq(dm_qmat_pack(&m, big, 1, 131073, 8, ws, bias, &err), -1);
    cr_assert_eq(dm_qmat_pack(&m, big, 1, 131073, 12, ws, bias, &err), 0, "%s", err.msg);
    dm_qmat_free(&m);
    free(big);
}

/* ---- quant_in ----------------------------------------------------------- */

/* dm_little_forward's input quantization, written out here. */
static float quant_expect(const float *v, int n, int8_t *xq)
{
    float mx = 0.0f;
    for (int j = 0; j < n; j++)
        if (fabsf(v[j]) > mx)
            mx = fabsf(v[j]);
    float s = mx / 127.0f;
    if (!(s > 0.0f)) {
        memset(xq, 0, (size_t)n);
        return 1.0f;
    }
    for (int j = 0; j < n; j++) {
        float qv = roundf(v[j] / s);
        if (qv > 127.0f)
            qv = 127.0f;
        if (qv < -127.0f)
            qv = -127.0f;
        xq[j] = isnan(qv) ? 0 : (int8_t)qv;
    }
    return s;
}

static int check_quant(const float *v, int n, const char *what)
{
    const dm_kernels *ks[DM_KV_COUNT];
    int nk = variants(ks), bad = 0;
    int8_t *e = malloc((size_t)n + 1), *xq = malloc((size_t)n + 1);
    cr_assert(e && xq);
    float se = quant_expect(v, n, e);
    for (int k = 0; k < nk; k++) {
        memset(xq, 0x5A, (size_t)n + 1);
        float s = ks[k]->quant_in(v, n, xq);
        if (fbits(s) != fbits(se) && bad++ < 3)
            cr_log_error("quant_in %s %s n %d: scale %.9g, expected %.9g", ks[k]->name, what, n, s, se);
        if (n > 0 && memcmp(xq, e, (size_t)n) != 0 && bad++ < 3) {
            int j = 0;
            while (xq[j] == e[j])
                j++;
            cr_log_error("quant_in %s %s n %d: xq[%d] = %d, expected %d (v %.9g, s %.9g)", ks[k]->name,
                         what, n, j, xq[j], e[j], v[j], se);
        }
        if (xq[n] != 0x5A && bad++ < 3)
            cr_log_error("quant_in %s %s n %d: wrote past n", ks[k]->name, what, n);
    }
    free(e);
    free(xq);
    return bad;
}

Test(kernels, quant_in_identical)
{
    trng_seed(31);
    static const int ns[] = { 0, 1, 2, 5, 7, 8, 9, 15, 16, 17, 31, 33, 100, 834, 1501 };
    int bad = 0;
    float *buf = malloc(sizeof(float) * 1600), *v = buf + 1; /* unaligned */
    cr_assert_not_null(buf);
    for (int a = 0; a < NELEM(ns); a++) {
        int n = ns[a];
        for (int rep = 0; rep < 4; rep++) {
            double sc = rep == 0 ? 1.0 : rep == 1 ? 1e-30 : rep == 2 ? 1e30 : 3.7;
            for (int j = 0; j < n; j++)
                v[j] = (float)(gauss() * sc);
            bad += check_quant(v, n, "gauss");
        }
        /* exact ties: max 127 gives s = 1, so k + 0.5 is a tie */
        for (int j = 0; j < n; j++)
            v[j] = (float)irand(-127, 126) + 0.5f;
        if (n > 0)
            v[irand(0, n - 1)] = trng_next() >> 63 ? 127.0f : -127.0f;
        bad += check_quant(v, n, "ties s=1");
        /* s = 0.5: ties at (k + 0.5) / 2, and their float neighbours */
        for (int j = 0; j < n; j++) {
            float t = ((float)irand(-127, 126) + 0.5f) * 0.5f;
            int w = irand(0, 2);
            v[j] = w == 0 ? t : w == 1 ? nextafterf(t, INFINITY) : nextafterf(t, -INFINITY);
        }
        if (n > 0)
            v[0] = 63.5f;
        bad += check_quant(v, n, "ties s=0.5");
        /* an awkward scale: near-ties of an inexact s */
        for (int j = 0; j < n; j++)
            v[j] = ((float)irand(-127, 126) + 0.5f) * (0.3f / 127.0f);
        if (n > 0)
            v[n - 1] = -0.3f;
        bad += check_quant(v, n, "near ties");
        /* zeros, -0, NaN, infinities, denormals */
        for (int j = 0; j < n; j++)
            v[j] = j % 3 == 0 ? -0.0f : 0.0f;
        bad += check_quant(v, n, "zeros");
        for (int j = 0; j < n; j++)
            v[j] = j % 4 == 1 ? NAN : (float)gauss();
        bad += check_quant(v, n, "nan");
        for (int j = 0; j < n; j++)
            v[j] = NAN;
        bad += check_quant(v, n, "all nan");
        for (int j = 0; j < n; j++)
            v[j] = (float)gauss();
        if (n > 2)
            v[n / 2] = -INFINITY;
        bad += check_quant(v, n, "inf");
        for (int j = 0; j < n; j++)
            v[j] = (float)irand(-20, 20) * 1e-45f; /* denormals: s underflows */
        bad += check_quant(v, n, "denormal");
        for (int j = 0; j < n; j++)
            v[j] = (float)irand(-200, 200) * 1e-40f; /* denormals, s > 0 */
        bad += check_quant(v, n, "denormal2");
    }
    free(buf);
    cr_assert_eq(bad, 0, "%d quant_in mismatches (see the log)", bad);
}

/* ---- proj --------------------------------------------------------------- */

Test(kernels, proj_against_dm_proj_apply)
{
    trng_seed(41);
    const dm_kernels *ks[DM_KV_COUNT];
    int nk = variants(ks), bad = 0;
    dm_err err;
    for (int b = 0; b < NELEM(odd_cols); b++) {
        int d = odd_cols[b];
        const int klist[] = { 1, d < 3 ? d : 3, d < 6 ? d : 6, d < 61 ? d : 61, d < 417 ? d : 417 };
        for (int a = 0; a < NELEM(klist); a++) {
            int k = klist[a];
            dm_proj P;
            dm_kproj K;
            cr_assert_eq(dm_proj_srp(&P, k, d, 1000u + (uint64_t)(d * 7 + k), &err), 0, "%s", err.msg);
            cr_assert_eq(dm_kproj_pack(&K, &P, &err), 0, "%s", err.msg);
            cr_assert_eq(K.bytes, (size_t)k * ((d + 15) / 16) * 4 + 4);
            cr_assert_eq(K.k, k);
            cr_assert_eq(K.d, d);
            float *xbuf = malloc(sizeof(float) * ((size_t)d + 1)), *x = xbuf + 1;
            float *oe = malloc(sizeof(float) * k), *o = malloc(sizeof(float) * ((size_t)k + 1));
            cr_assert(xbuf && oe && o);
            for (int c = 0; c < d; c++)
                x[c] = (float)(gauss() * (c % 5 == 0 ? 100.0 : 1.0));
            dm_proj_apply(&P, x, oe);
            double mx = 0.0;
            for (int c = 0; c < d; c++)
                mx = fmax(mx, fabs((double)x[c]));
            uint8_t *qbuf = dm_alloc(dm_kproj_in_bytes(d));
            float *oq = malloc(sizeof(float) * (size_t)k);
            int oq_set = 0; /* the variant whose integer result oq holds */
            cr_assert(qbuf && oq);
            for (int v = 0; v < nk; v++) {
                /* with and without the buffer for a quantized copy (avx2: the integer and the float kernel),
                 * whole and as row views from a multiple of 4 (the engine's chunks) or not */
                for (int mode = 0; mode < 4; mode++) {
                    dm_kproj_in in = { .buf = mode == 1 ? NULL : qbuf };
                    ks[v]->proj_in(&in, x, d);
                    if (mode != 1 && v != 0 && !(in.sx > 0.0f) && bad++ < 3)
                        cr_log_error("proj_in %s d %d: no quantized copy", ks[v]->name, d);
                    o[k] = -1.5f;
                    if (mode < 2)
                        ks[v]->proj(&K, &in, o);
                    else /* mode 3: views of 3 rows, most not starting at a panel (avx2: the float kernel) */
                        for (int j0 = 0, c = mode == 2 ? 8 : 3; j0 < k; j0 += c) {
                            dm_kproj part = dm_kproj_rows(&K, j0, k - j0 < c ? k - j0 : c);
                            ks[v]->proj(&part, &in, o + j0);
                        }
                    if (o[k] != -1.5f && bad++ < 3)
                        cr_log_error("proj %s: wrote past k", ks[v]->name);
                    /* the integer kernels (avx2, avx512) agree bit for bit: the same exact integer sums */
                    if (in.sx > 0.0f && mode == 0) {
                        if (!oq_set) {
                            memcpy(oq, o, sizeof(float) * (size_t)k);
                            oq_set = v;
                        } else if (memcmp(oq, o, sizeof(float) * (size_t)k) != 0 && bad++ < 3) {
                            cr_log_error("proj k %d d %d: %s and %s integer kernels differ", k, d, ks[oq_set]->name,
                                         ks[v]->name);
                        }
                    }
                    for (int j = 0; j < k; j++) {
                        double l1 = 0.0;
                        int nnz = P.rowptr[j + 1] - P.rowptr[j];
                        for (int i = P.rowptr[j]; i < P.rowptr[j + 1]; i++)
                            l1 += fabs((double)x[P.cols[i]]);
                        /* float kernels: summation error; quantized input: + half a step per non-zero */
                        double tol = v == 0 ? 0.0 : 1e-5 * P.scale * l1 + 1e-30;
                        if (in.sx > 0.0f)
                            tol += nnz * (mx / 32767.0) * 0.5 * P.scale * (1.0 + 1e-6);
                        if (!(fabs((double)o[j] - oe[j]) <= tol) && bad++ < 3)
                            cr_log_error("proj %s mode %d k %d d %d: out[%d] %.9g, dm_proj_apply %.9g (tol %g)",
                                         ks[v]->name, mode, k, d, j, o[j], oe[j], tol);
                    }
                }
            }
            dm_free(qbuf);
            free(oq);
            free(xbuf);
            free(oe);
            free(o);
            dm_kproj_free(&K);
            dm_kproj_free(&K);
            dm_proj_free(&P);
        }
    }
    cr_assert_eq(bad, 0, "%d proj mismatches (see the log)", bad);
}

/* dm_par_proj, the engine's projection: two streams of different sizes, chunked over 1-3 threads, with the
 * little weights it prefetches as a qmat (every stream count), as FP32 bytes or none, and any prefetch budget:
 * the outputs are those of one proj call per stream, bit for bit, and nothing is written past them. Every other
 * call runs on projections and weights evicted from the caches (dm_kproj_evict, dm_qmat_evict: odd sizes, whose
 * ranges the sanitizers and valgrind check). */
Test(kernels, par_proj_is_the_projection_whatever_it_prefetches)
{
    const dm_kernels *ks[DM_KV_COUNT];
    int nk = variants(ks), bad = 0;
    dm_err err;
    const int k = 70, dims[2] = {300, 173}, R = 90, C = 2 * k;
    dm_proj P[2];
    dm_kproj K[2];
    float *x[2], ref[2 * 70], out[2 * 70 + 1];
    uint8_t *buf[2];
    for (int s = 0; s < 2; s++) {
        cr_assert_eq(dm_proj_srp(&P[s], k, dims[s], 500u + (uint64_t)s, &err), 0, "%s", err.msg);
        cr_assert_eq(dm_kproj_pack(&K[s], &P[s], &err), 0, "%s", err.msg);
        x[s] = malloc(sizeof(float) * (size_t)dims[s]);
        buf[s] = dm_alloc(dm_kproj_in_bytes(dims[s]));
        cr_assert(x[s] && buf[s]);
        for (int c = 0; c < dims[s]; c++)
            x[s][c] = (float)gauss();
    }
    int16_t *q = malloc(sizeof(int16_t) * R * C);
    float ws[90], bias[90], *f32 = malloc(sizeof(float) * R * C);
    cr_assert(q && f32);
    for (int i = 0; i < R * C; i++)
        q[i] = (int16_t)(i % 255 - 127), f32[i] = (float)i;
    for (int r = 0; r < R; r++)
        ws[r] = 0.01f, bias[r] = 0.0f;
    dm_qmat m;
    cr_assert_eq(dm_qmat_pack(&m, q, R, C, 8, ws, bias, &err), 0, "%s", err.msg);
    const dm_kparams def = *dm_kparams_get();
    const int pfs[] = {0, 4096, 256 << 10, 4 << 20}, pds[] = {0, 64, 4096, 64 << 10}; /* proj_dist with each */
    for (int v = 0; v < nk; v++) {
        dm_kproj_in in[2];
        for (int s = 0; s < 2; s++) {
            in[s].buf = buf[s];
            ks[v]->proj_in(&in[s], x[s], dims[s]);
            ks[v]->proj(&K[s], &in[s], ref + s * k);
        }
        for (int pi = 0; pi < 4; pi++)
            for (int qs = 1; qs <= 4; qs *= 2)
                for (int nt = 1; nt <= 3; nt++)
                    for (int what = 0; what < 3; what++) { /* qmat, FP32 bytes, nothing */
                        dm_kparams p = def;
                        p.proj_pf = pfs[pi], p.proj_dist = pds[pi], p.q_streams = qs;
                        cr_assert_eq(dm_kparams_set(&p, &err), 0, "%s", err.msg);
                        if ((pi + qs + nt + what) % 2) {
                            dm_kproj_evict(&K[0]), dm_kproj_evict(&K[1]);
                            dm_qmat_evict(&m);
                        }
                        memset(out, 0xff, sizeof out); /* NaNs: a row it skips cannot pass */
                        out[2 * k] = -2.5f;
                        dm_par_proj(ks[v], nt, K, in, 2, k, out, what == 0 ? &m : NULL, what == 1 ? f32 : NULL,
                                    what == 1 ? sizeof(float) * R * C : 0);
                        if ((memcmp(out, ref, sizeof ref) || out[2 * k] != -2.5f) && bad++ < 3)
                            cr_log_error("%s dm_par_proj: prefetch %d, distance %d, streams %d, %d threads, target "
                                         "%d: differs", ks[v]->name, pfs[pi], pds[pi], qs, nt, what);
                    }
    }
    cr_assert_eq(dm_kparams_set(&def, &err), 0);
    cr_expect_eq(bad, 0, "%d dm_par_proj results differ", bad);
    dm_qmat_free(&m);
    free(q), free(f32);
    for (int s = 0; s < 2; s++) {
        dm_kproj_free(&K[s]);
        dm_proj_free(&P[s]);
        free(x[s]);
        dm_free(buf[s]);
    }
}

/* Inputs the integer projection cannot quantize (NaN, infinity) take the float kernel: every row the reference
 * makes non-finite stays non-finite (never a quietly finite number); an all-zero input projects to zeros. */
/* The integer projections at their bound: d = 32767 columns (the most they take, DM_PROJ_QD_MAX in kernels.c) and
 * every input at +-max|x|, so that a row of all +1 (or all -1) signs sums 65535 d = 2,147,385,345 in the
 * kernels' int32 lanes (256 hi + lo per column) and their four-row reduction, just under INT32_MAX. The result
 * is d * scale (or its negative) for those rows; every variant agrees with dm_proj_apply, the integer ones bit
 * for bit. */
Test(kernels, proj_integer_sums_at_the_bound)
{
    const dm_kernels *ks[DM_KV_COUNT];
    int nk = variants(ks);
    enum { K = 6, D = 32767 };
    dm_proj P = {.kind = DM_PROJ_SRP, .k = K, .d = D, .scale = 0.25f};
    P.rowptr = malloc(sizeof(int) * (K + 1));
    P.cols = malloc(sizeof(int) * (size_t)K * D);
    P.sign = malloc((size_t)K * D);
    cr_assert(P.rowptr && P.cols && P.sign);
    int nz = 0;
    for (int j = 0; j < K; j++) {
        P.rowptr[j] = nz;
        for (int c = 0; c < D; c++) {
            /* rows: all +1, all -1, alternating, every third +1, one column, all +1 again (a second panel) */
            int s = j == 0 || j == 5 ? 1 : j == 1 ? -1 : j == 2 ? (c & 1 ? -1 : 1) : j == 3 ? (c % 3 ? 0 : 1)
                                                                                      : (c == D - 1 ? -1 : 0);
            if (s) {
                P.cols[nz] = c;
                P.sign[nz++] = (int8_t)s;
            }
        }
    }
    P.rowptr[K] = nz;
    dm_err err;
    dm_kproj Kp;
    cr_assert_eq(dm_kproj_pack(&Kp, &P, &err), 0, "%s", err.msg);
    float *x = malloc(sizeof(float) * D);
    uint8_t *qbuf = dm_alloc(dm_kproj_in_bytes(D));
    cr_assert(x && qbuf);
    for (int t = 0; t < 2; t++) {
        for (int c = 0; c < D; c++)
            x[c] = t == 0 ? 3.0f : -3.0f; /* u = 65535 (hi = lo = 255), then u = 1 */
        float oe[K], o[K], oq[K];
        dm_proj_apply(&P, x, oe);
        int oq_set = 0;
        for (int v = 0; v < nk; v++) {
            dm_kproj_in in = {.buf = qbuf};
            ks[v]->proj_in(&in, x, D);
            ks[v]->proj(&Kp, &in, o);
            for (int j = 0; j < K; j++)
                cr_expect(fabsf(o[j] - oe[j]) <= 1e-5f * (1.0f + fabsf(oe[j])), "%s t %d out[%d] %.9g, expected %.9g",
                          ks[v]->name, t, j, o[j], oe[j]);
            cr_expect(fabsf(o[0] - (t ? -1 : 1) * 3.0f * D * 0.25f) <= 1e-5f * 3.0f * D * 0.25f, "%s t %d: row 0 %g",
                      ks[v]->name, t, o[0]);
            if (in.sx > 0.0f) {
                if (!oq_set) {
                    memcpy(oq, o, sizeof o);
                    oq_set = 1;
                } else {
                    cr_expect(memcmp(oq, o, sizeof o) == 0, "%s t %d: the integer kernels differ", ks[v]->name, t);
                }
            }
        }
    }
    dm_free(qbuf);
    free(x);
    dm_kproj_free(&Kp);
    dm_proj_free(&P);
}

Test(kernels, proj_non_finite_and_zero_inputs)
{
    const dm_kernels *ks[DM_KV_COUNT];
    int nk = variants(ks);
    dm_err err;
    const int k = 9, d = 70;
    dm_proj P;
    dm_kproj K;
    cr_assert_eq(dm_proj_srp(&P, k, d, 77, &err), 0, "%s", err.msg);
    cr_assert_eq(dm_kproj_pack(&K, &P, &err), 0, "%s", err.msg);
    float x[70], oe[9], o[9];
    uint8_t *qbuf = dm_alloc(dm_kproj_in_bytes(d));
    cr_assert(qbuf);
    for (int t = 0; t < 3; t++) {
        for (int c = 0; c < d; c++)
            x[c] = t == 2 ? 0.0f : (float)(c % 7) - 3.0f;
        if (t == 0)
            x[40] = NAN;
        if (t == 1)
            x[65] = -INFINITY;
        dm_proj_apply(&P, x, oe);
        for (int v = 0; v < nk; v++) {
            dm_kproj_in in = { .buf = qbuf };
            ks[v]->proj_in(&in, x, d);
            if (t < 2)
                cr_expect_eq(in.sx, 0.0f, "%s: a non-finite input must not be quantized", ks[v]->name);
            ks[v]->proj(&K, &in, o);
            for (int j = 0; j < k; j++) {
                if (isfinite(oe[j])) /* avx2's float kernel multiplies 0 into the rows that skip the NaN */
                    cr_expect((t < 2 && isnan(o[j])) || fabsf(o[j] - oe[j]) <= 1e-4f * (1.0f + fabsf(oe[j])),
                              "%s t %d out[%d] %g vs %g", ks[v]->name, t, j, o[j], oe[j]);
                else
                    cr_expect(!isfinite(o[j]), "%s t %d out[%d] %g vs %g",
                              ks[v]->name, t, j, o[j], oe[j]);
                if (t == 2)
                    cr_expect_eq(o[j], 0.0f, "%s: zero input, out[%d] %g", ks[v]->name, j, o[j]);
            }
        }
    }
    dm_free(qbuf);
    dm_kproj_free(&K);
    dm_proj_free(&P);
}

Test(kernels, kproj_pack_errors)
{
    dm_err err;
    dm_kproj K;
    dm_proj P;
    cr_assert_eq(dm_kproj_pack(&K, NULL, &err), -1);
    cr_assert_eq(dm_proj_srp(&P, 4, 20, 5, &err), 0, "%s", err.msg);
    cr_assert_eq(dm_kproj_pack(NULL, &P, &err), -1);
    P.kind = DM_PROJ_PCA;
    cr_assert_eq(dm_kproj_pack(&K, &P, &err), -1);
    cr_assert_null(K.data);
    P.kind = DM_PROJ_SRP;
    /* a column repeated within a row */
    int j = 0;
    while (P.rowptr[j + 1] - P.rowptr[j] < 2)
        j++;
    int i = P.rowptr[j], saved = P.cols[i + 1];
    P.cols[i + 1] = P.cols[i];
    cr_assert_eq(dm_kproj_pack(&K, &P, &err), -1);
    cr_assert(strstr(err.msg, "twice"), "%s", err.msg);
    P.cols[i + 1] = 20; /* out of range */
    cr_assert_eq(dm_kproj_pack(&K, &P, &err), -1);
    P.cols[i + 1] = saved;
    cr_assert_eq(dm_kproj_pack(&K, &P, &err), 0, "%s", err.msg);
    dm_kproj_free(&K);
    dm_proj_free(&P);
}

/* ---- the little module end to end --------------------------------------- */

/* A dm_little built by hand (random quantized weights, SRP projections), run
 * through dm_little_forward and through proj (ref: bit-identical to
 * dm_proj_apply) + quant_in + qgemv of every variant. */
Test(kernels, qgemv_matches_little_forward)
{
    trng_seed(51);
    const dm_kernels *ks[DM_KV_COUNT];
    int nk = variants(ks), bad = 0;
    dm_err err;
    static const int bits_list[] = { 1, 2, 3, 4, 5, 8, 9, 12, 16 };
    const int in = 57, hid = 83, k = 19, rows = 37, n2 = 2 * k;
    for (int bi = 0; bi < NELEM(bits_list); bi++) {
        int bits = bits_list[bi], qm = qmax_of(bits);
        dm_little L;
        memset(&L, 0, sizeof L);
        L.ns = 2;
        L.dim[0] = in;
        L.dim[1] = hid;
        L.in = in + hid;
        L.rows = rows;
        L.k = k;
        L.kk = n2;
        L.bits = bits;
        cr_assert_eq(dm_proj_srp(&L.proj[0], k, in, 77 + (uint64_t)bits, &err), 0, "%s", err.msg);
        cr_assert_eq(dm_proj_srp(&L.proj[1], k, hid, 99 + (uint64_t)bits, &err), 0, "%s", err.msg);
        int16_t *q = malloc(sizeof(int16_t) * (size_t)rows * n2);
        L.qscale = malloc(sizeof(float) * rows);
        L.wq = malloc(sizeof(float) * (size_t)rows * n2);
        L.bias = malloc(sizeof(float) * rows);
        float *x = malloc(sizeof(float) * in), *h = malloc(sizeof(float) * hid);
        float *scratch = malloc(sizeof(float) * n2), *out = malloc(sizeof(float) * rows);
        float *v = malloc(sizeof(float) * n2), *y = malloc(sizeof(float) * rows);
        int8_t *xq = malloc((size_t)n2);
        cr_assert(q && L.qscale && L.wq && L.bias && x && h && scratch && out && v && y && xq);
        for (int r = 0; r < rows; r++) {
            L.qscale[r] = (float)(uniform() * 0.05 + 1e-3);
            L.bias[r] = frand();
            for (int j = 0; j < n2; j++) {
                int qv = bits == 1 ? (trng_next() >> 63 ? 1 : -1) : irand(-qm, qm);
                q[(size_t)r * n2 + j] = (int16_t)qv;
                L.wq[(size_t)r * n2 + j] = (float)qv * L.qscale[r];
            }
        }
        for (int c = 0; c < in; c++)
            x[c] = frand();
        for (int c = 0; c < hid; c++)
            h[c] = frand();
        float *u = malloc(sizeof(float) * (size_t)(in + hid));
        cr_assert(u);
        memcpy(u, x, sizeof(float) * in);
        memcpy(u + in, h, sizeof(float) * hid);
        dm_little_forward(&L, u, scratch, out);
        free(u);

        dm_kproj kx, kh;
        dm_qmat m;
        cr_assert_eq(dm_kproj_pack(&kx, &L.proj[0], &err), 0, "%s", err.msg);
        cr_assert_eq(dm_kproj_pack(&kh, &L.proj[1], &err), 0, "%s", err.msg);
        cr_assert_eq(dm_qmat_pack(&m, q, rows, n2, bits, L.qscale, L.bias, &err), 0, "%s", err.msg);
        dm_kproj_in ix = { 0 }, ih = { 0 };
        ks[0]->proj_in(&ix, x, in);
        ks[0]->proj_in(&ih, h, hid);
        ks[0]->proj(&kx, &ix, v);
        ks[0]->proj(&kh, &ih, v + k);
        for (int t = 0; t < nk; t++) {
            float s = ks[t]->quant_in(v, n2, xq);
            ks[t]->qgemv(&m, xq, s, y);
            for (int r = 0; r < rows; r++) {
                double den = fabs((double)L.bias[r]);
                for (int j = 0; j < n2; j++)
                    den += fabs((double)L.wq[(size_t)r * n2 + j] * ((float)xq[j] * s));
                if (!(fabs((double)y[r] - out[r]) <= 1e-4 * den + 1e-6) && bad++ < 3)
                    cr_log_error("little forward %s bits %d: y[%d] %.9g, forward %.9g (scale %g)",
                                 ks[t]->name, bits, r, y[r], out[r], den);
            }
        }
        dm_kproj_free(&kx);
        dm_kproj_free(&kh);
        dm_qmat_free(&m);
        dm_proj_free(&L.proj[0]);
        dm_proj_free(&L.proj[1]);
        free(q);
        free(L.qscale);
        free(L.wq);
        free(L.bias);
        free(x);
        free(h);
        free(scratch);
        free(out);
        free(v);
        free(y);
        free(xq);
    }
    cr_assert_eq(bad, 0, "%d mismatches against dm_little_forward (see the log)", bad);
}

/* ---- gate epilogues ------------------------------------------------------ */

static float cell_input(int kind)
{
    switch (kind) {
    case 0: return (float)(gauss() * 0.1);
    case 1: return (float)gauss();
    case 2: return (float)(gauss() * 6.0);
    case 3: return (float)(gauss() * 40.0);
    default: { /* specials */
        static const float sp[] = { 0.0f, -0.0f, 1e-30f, -1e-30f, 88.0f, -88.0f, 100.0f, -100.0f, 1e6f, -1e6f, 9.5f, -9.5f };
        return sp[irand(0, NELEM(sp) - 1)];
    }
    }
}

static int cell_close(float a, float ref, float amp)
{
    return fabsf(a - ref) <= 1e-6f * (1.0f + fabsf(ref)) + 5e-7f * fabsf(amp);
}

Test(kernels, cell_epilogues_against_ref)
{
    trng_seed(61);
    const dm_kernels *ks[DM_KV_COUNT];
    int nk = variants(ks), bad = 0;
    static const int hs[] = { 1, 3, 7, 8, 9, 15, 16, 17, 31, 33, 100, 1003 };
    for (int a = 0; a < NELEM(hs); a++) {
        int H = hs[a];
        for (int kind = 0; kind < 5; kind++) {
            /* unaligned buffers (+1 float) */
            float *gb = malloc(sizeof(float) * (4 * (size_t)H + 1)), *g = gb + 1;
            float *hb = malloc(sizeof(float) * ((size_t)H + 1)), *h0 = hb + 1;
            float *cb = malloc(sizeof(float) * ((size_t)H + 1)), *c0 = cb + 1;
            float *hr = malloc(sizeof(float) * H), *cr = malloc(sizeof(float) * H);
            float *hv = malloc(sizeof(float) * ((size_t)H + 1)), *cv = malloc(sizeof(float) * ((size_t)H + 1));
            float *hl = malloc(sizeof(float) * H), *cl = malloc(sizeof(float) * H);
            cr_assert(gb && hb && cb && hr && cr && hv && cv && hl && cl);
            for (int j = 0; j < 4 * H; j++)
                g[j] = cell_input(kind);
            for (int j = 0; j < H; j++) {
                h0[j] = (float)(2.0 * uniform() - 1.0);
                c0[j] = kind == 4 ? cell_input(4) : (float)(gauss() * 3.0);
            }
            for (int cell = 0; cell < 2; cell++) {
                /* the library's own update: the reference kernel must equal it bit for bit */
                dm_lm m;
                memset(&m, 0, sizeof m);
                m.cell = cell ? DM_CELL_GRU : DM_CELL_LSTM;
                m.nhid = H;
                memcpy(hl, h0, sizeof(float) * H);
                memcpy(cl, c0, sizeof(float) * H);
                float *gl = malloc(sizeof(float) * 4 * (size_t)H);
                cr_assert_not_null(gl);
                memcpy(gl, g, sizeof(float) * 4 * (size_t)H);
                dm_lm_cell_update(&m, gl, g + 3 * H, hl, cl);
                free(gl);
                memcpy(hr, h0, sizeof(float) * H);
                memcpy(cr, c0, sizeof(float) * H);
                if (cell)
                    ks[0]->gru_cell(g, g + 3 * H, H, hr);
                else
                    ks[0]->lstm_cell(g, H, hr, cr);
                if ((memcmp(hr, hl, sizeof(float) * H) || memcmp(cr, cl, sizeof(float) * H)) && bad++ < 3)
                    cr_log_error("%s cell ref H %d kind %d: differs from dm_lm_cell_update", cell ? "gru" : "lstm",
                                 H, kind);
                for (int t = 1; t < nk; t++) {
                    float *hh = hv + 1, *cc = cv + 1; /* unaligned outputs */
                    memcpy(hh, h0, sizeof(float) * H);
                    memcpy(cc, c0, sizeof(float) * H);
                    hh[-1] = cc[-1] = 12345.0f;
                    if (cell)
                        ks[t]->gru_cell(g, g + 3 * H, H, hh);
                    else
                        ks[t]->lstm_cell(g, H, hh, cc);
                    if ((hh[-1] != 12345.0f || cc[-1] != 12345.0f) && bad++ < 3)
                        cr_log_error("%s cell %s H %d: wrote before the output", cell ? "gru" : "lstm",
                                     ks[t]->name, H);
                    for (int j = 0; j < H; j++) {
                        float amp = cell ? g[3 * H + j] : c0[j];
                        int ok = cell_close(hh[j], hr[j], amp) && (cell || cell_close(cc[j], cr[j], amp));
                        if (cell && cc[j] != c0[j])
                            ok = 0; /* gru leaves c alone */
                        if (!ok && bad++ < 6)
                            cr_log_error("%s cell %s H %d kind %d j %d: h %.9g (ref %.9g), c %.9g (ref %.9g)",
                                         cell ? "gru" : "lstm", ks[t]->name, H, kind, j, hh[j], hr[j], cc[j],
                                         cr[j]);
                    }
                }
            }
            free(gb);
            free(hb);
            free(cb);
            free(hr);
            free(cr);
            free(hv);
            free(cv);
            free(hl);
            free(cl);
        }
    }
    cr_assert_eq(bad, 0, "%d cell epilogue mismatches (see the log)", bad);
}

/* ---- threading over row blocks ------------------------------------------ */

static void count_parts(void *arg, int i, int n)
{
    int *hits = arg;
    __atomic_fetch_add(&hits[i], 1, __ATOMIC_RELAXED);
    __atomic_fetch_add(&hits[DM_PAR_MAX + n], 1, __ATOMIC_RELAXED);
}

Test(kernels, par_run_and_ranges)
{
    for (int n = 1; n <= 5; n++) {
        for (int rep = 0; rep < 50; rep++) { /* back-to-back jobs: spinning and sleeping workers */
            int hits[2 * DM_PAR_MAX + 1] = {0};
            dm_par_run(n, count_parts, hits);
            for (int i = 0; i < n; i++)
                cr_assert_eq(hits[i], 1, "n %d part %d ran %d times", n, i, hits[i]);
            cr_assert_eq(hits[DM_PAR_MAX + n], n, "n %d: parts saw another n", n);
            if (rep % 10 == 9) {
                dm_par_wake(n); /* returns (at most 2 ms), and the next job runs every part once */
                if (rep == 49) /* past the spin time: the workers sleep */
                    nanosleep(&(struct timespec){ .tv_sec = 0, .tv_nsec = 400000000L }, NULL);
            }
        }
    }
    /* ranges tile [0, total) in order, cut on multiples of align */
    static const int totals[] = { 0, 1, 3, 4, 5, 17, 100, 6001 };
    for (int t = 0; t < NELEM(totals); t++)
        for (int n = 1; n <= 7; n++) {
            int prev = 0;
            for (int i = 0; i < n; i++) {
                int lo, hi;
                dm_par_range(totals[t], 4, i, n, &lo, &hi);
                cr_assert_eq(lo, prev, "total %d n %d part %d", totals[t], n, i);
                cr_assert(hi >= lo && (hi % 4 == 0 || hi == totals[t]));
                prev = hi;
            }
            cr_assert_eq(prev, totals[t]);
        }
}

/* The threaded kernels compute every row with the same code: bit-identical. */
Test(kernels, par_kernels_bit_identical)
{
    trng_seed(71);
    const dm_kernels *ks[DM_KV_COUNT];
    int nk = variants(ks), bad = 0;
    dm_err err;
    const int R = 203, C = 131;
    float *W = malloc(sizeof(float) * R * C), *x = malloc(sizeof(float) * C);
    float *y1 = malloc(sizeof(float) * R), *y2 = malloc(sizeof(float) * R);
    int *rows = malloc(sizeof(int) * R);
    int16_t *q = malloc(sizeof(int16_t) * R * C);
    float *ws = malloc(sizeof(float) * R), *b = malloc(sizeof(float) * R);
    int8_t *xq = malloc((size_t)C);
    cr_assert(W && x && y1 && y2 && rows && q && ws && b && xq);
    for (int i = 0; i < R * C; i++) {
        W[i] = frand();
        q[i] = (int16_t)irand(-7, 7);
    }
    for (int c = 0; c < C; c++) {
        x[c] = frand();
        xq[c] = (int8_t)irand(-127, 127);
    }
    for (int r = 0; r < R; r++) {
        rows[r] = irand(0, R - 1);
        ws[r] = (float)uniform();
        b[r] = frand();
    }
    dm_qmat m;
    cr_assert_eq(dm_qmat_pack(&m, q, R, C, 4, ws, b, &err), 0, "%s", err.msg);
    for (int t = 0; t < nk; t++)
        for (int n = 1; n <= 4; n++)
            for (int nr = 0; nr <= R; nr += nr < 40 ? 13 : 81) {
                ks[t]->rows_gemv(W, C, C, rows, nr, x, y1);
                dm_par_rows_gemv(ks[t], n, W, C, C, rows, nr, x, y2);
                if (nr && memcmp(y1, y2, sizeof(float) * nr) && bad++ < 3)
                    cr_log_error("rows_gemv %s %d threads, %d rows: differs", ks[t]->name, n, nr);
                ks[t]->qgemv(&m, xq, 0.01f, y1);
                dm_par_qgemv(ks[t], n, &m, xq, 0.01f, y2);
                if (memcmp(y1, y2, sizeof(float) * R) && bad++ < 3)
                    cr_log_error("qgemv %s %d threads: differs", ks[t]->name, n);
            }
    dm_qmat_free(&m);
    free(W);
    free(x);
    free(y1);
    free(y2);
    free(rows);
    free(q);
    free(ws);
    free(b);
    free(xq);
    cr_assert_eq(bad, 0, "%d threaded mismatches (see the log)", bad);
}

/* ---- marking pass ------------------------------------------------------- */

Test(kernels, mark_ge_identical)
{
    trng_seed(81);
    const dm_kernels *ks[DM_KV_COUNT];
    int nk = variants(ks), bad = 0;
    static const int ns[] = { 0, 1, 7, 8, 9, 15, 16, 17, 33, 1500, 4501 };
    const int N = 4502;
    float *scb = malloc(sizeof(float) * (N + 1)), *sc = scb + 1, *y = malloc(sizeof(float) * N);
    float *g0 = malloc(sizeof(float) * N), *g1 = malloc(sizeof(float) * (N + 1));
    unsigned char *s0 = malloc((size_t)N), *s1 = malloc((size_t)N + 1);
    int *i0 = malloc(sizeof(int) * N), *i1 = malloc(sizeof(int) * (N + 1));
    cr_assert(scb && y && g0 && g1 && s0 && s1 && i0 && i1);
    for (int a = 0; a < NELEM(ns); a++) {
        int n = ns[a];
        for (int kind = 0; kind < 3; kind++) {
            for (int j = 0; j < n; j++) {
                sc[j] = kind == 2 ? (float)irand(-3, 3) : frand(); /* kind 2: many ties at th */
                if (kind == 1 && j % 5 == 0)
                    sc[j] = j % 10 ? NAN : -0.0f;
                y[j] = frand();
            }
            float th = kind == 2 ? 1.0f : kind == 1 ? 0.0f : (float)(uniform() * 2 - 1);
            int off = irand(0, 1000);
            int c0 = ks[0]->mark_ge(sc, y, th, off, n, s0, g0, i0);
            for (int t = 1; t < nk; t++) {
                memset(s1, 0x77, (size_t)n + 1);
                i1[c0] = -12345;
                g1[n] = 12345.0f;
                int c1 = ks[t]->mark_ge(sc, y, th, off, n, s1, g1, i1);
                if ((c1 != c0 || memcmp(s0, s1, (size_t)n) || memcmp(g0, g1, sizeof(float) * n) ||
                     memcmp(i0, i1, sizeof(int) * c0)) && bad++ < 3)
                    cr_log_error("mark_ge %s n %d kind %d: %d sensitive, ref %d, or marks differ", ks[t]->name, n,
                                 kind, c1, c0);
                if ((s1[n] != 0x77 || g1[n] != 12345.0f || (c1 == c0 && i1[c0] != -12345)) && bad++ < 3)
                    cr_log_error("mark_ge %s n %d: wrote past the end", ks[t]->name, n);
            }
            /* the ref against the rule itself */
            int c = 0;
            for (int j = 0; j < n; j++) {
                int in = sc[j] >= th;
                if (s0[j] != !in || g0[j] != y[j] || (!in && i0[c++] != off + j)) {
                    bad++;
                    break;
                }
            }
            if (c != c0)
                bad++;
        }
    }
    free(scb);
    free(y);
    free(g0);
    free(g1);
    free(s0);
    free(s1);
    free(i0);
    free(i1);
    cr_assert_eq(bad, 0, "%d mark_ge mismatches (see the log)", bad);
}

/* ---- tuned parameters (issue 14) ---------------------------------------- */

/* Every parameter setting the tuner can choose gives bit-identical results:
 * rows_gemv, gemv, qgemv (all containers) and their dm_par_ splits against
 * the compiled-in defaults. gemv: against rows_gemv over rows 0..R-1 plus
 * the one float add (bit-identical), and against gemv_ref within the
 * rows_gemv tolerance. */
Test(kernels, tuned_params_bit_identical)
{
    trng_seed(1401);
    const dm_kernels *ks[DM_KV_COUNT];
    int nk = variants(ks), bad = 0;
    dm_err err;
    const int R = 77, C = 1100; /* C > every prefetch distance in floats up to 1024; odd tails */
    float *W = malloc(sizeof(float) * R * C), *x = malloc(sizeof(float) * C), *y0 = malloc(sizeof(float) * R);
    float *y1 = malloc(sizeof(float) * R), *y2 = malloc(sizeof(float) * R), *yr = malloc(sizeof(float) * R);
    float *g0 = malloc(sizeof(float) * R), *g1 = malloc(sizeof(float) * R);
    int *rows = malloc(sizeof(int) * R), *iota = malloc(sizeof(int) * R);
    int16_t *q = malloc(sizeof(int16_t) * R * C);
    float *ws = malloc(sizeof(float) * R), *b = malloc(sizeof(float) * R);
    int8_t *xq = malloc((size_t)C);
    cr_assert(W && x && y0 && y1 && y2 && yr && g0 && g1 && rows && iota && q && ws && b && xq);
    for (int i = 0; i < R * C; i++)
        W[i] = frand();
    for (int c = 0; c < C; c++) {
        x[c] = frand();
        xq[c] = (int8_t)irand(-127, 127);
    }
    for (int r = 0; r < R; r++) {
        rows[r] = irand(0, R - 1);
        iota[r] = r;
        ws[r] = (float)uniform();
        b[r] = frand();
        g0[r] = frand();
    }
    static const int bitl[] = {1, 2, 4, 8, 12};
    dm_qmat m[5];
    for (int i = 0; i < 5; i++) {
        int qm = bitl[i] == 1 ? 1 : (1 << (bitl[i] - 1)) - 1;
        for (int j = 0; j < R * C; j++)
            q[j] = (int16_t)(bitl[i] == 1 ? (irand(0, 1) ? 1 : -1) : irand(-qm, qm));
        cr_assert_eq(dm_qmat_pack(&m[i], q, R, C, bitl[i], ws, b, &err), 0, "%s", err.msg);
    }
    dm_kparams def, p;
    dm_kparams_default(&def);
    static const int pfs[] = {0, 256, 512, 1024, 2048};
    static const int qpfs[] = {0, 64, 1024, 16384};
    for (int t = 0; t < nk; t++) {
        const dm_kernels *k = ks[t];
        /* the defaults' results */
        cr_assert_eq(dm_kparams_set(&def, &err), 0, "%s", err.msg);
        /* (avx2 reduces four-row blocks and single rows differently: the
         * reference is per row count) */
        float ref_rows[6][77], ref_gemv[77], ref_q[5][77];
        for (int nr = 0, ni = 0; nr <= R; nr += nr < 20 ? 5 : 57, ni++)
            k->rows_gemv(W, C, C, rows, nr, x, ref_rows[ni]);
        memcpy(ref_gemv, g0, sizeof(float) * R);
        k->gemv(W, C, R, C, x, ref_gemv);
        for (int i = 0; i < 5; i++)
            k->qgemv(&m[i], xq, 0.01f, ref_q[i]);
        /* gemv = rows_gemv over 0..R-1, then one float add */
        k->rows_gemv(W, C, C, iota, R, x, y1);
        for (int r = 0; r < R; r++)
            if (ref_gemv[r] != g0[r] + y1[r] && bad++ < 3)
                cr_log_error("%s gemv row %d: %a, rows_gemv + y: %a", k->name, r, ref_gemv[r], g0[r] + y1[r]);
        /* gemv against gemv_ref, the rows_gemv tolerance (plus the add's rounding) */
        memcpy(yr, g0, sizeof(float) * R);
        dm_kernels_get(DM_KV_REF)->gemv(W, C, R, C, x, yr);
        for (int r = 0; r < R; r++) {
            double mag = 0;
            for (int c = 0; c < C; c++)
                mag += fabs((double)W[(size_t)r * C + c] * x[c]);
            double tol = 1e-5 * mag + 1e-6 + 1e-7 * fabs(g0[r]);
            if (fabs((double)ref_gemv[r] - yr[r]) > tol && bad++ < 3)
                cr_log_error("%s gemv row %d: %g vs ref %g (tol %g)", k->name, r, ref_gemv[r], yr[r], tol);
        }
        for (int blk = 4; blk <= 8; blk += 4)
            for (int pi = 0; pi < 5; pi++)
                for (int h = 0; h < 2; h++)
                    for (int qi = 0; qi < 4; qi++)
                        for (int parts = 1; parts <= 4; parts += 3) {
                            p = def;
                            p.rows_block = blk, p.rows_pf = pfs[pi], p.rows_hint = h;
                            p.q_pf = qpfs[qi], p.q_hint = h, p.parts = parts;
                            p.q_streams = 1 << ((qi + pi) % 3);
                            p.q4_streams = 1 << ((qi + pi + 1) % 3);
                            p.rows_streams = 1 << ((qi + pi + h) % 4);
                            p.dense_streams = 1 << ((qi + pi + h + 1) % 4);
                            p.dense = DM_DENSE_OWN;
                            cr_assert_eq(dm_kparams_set(&p, &err), 0, "%s", err.msg);
                            for (int nr = 0, ni = 0; nr <= R; nr += nr < 20 ? 5 : 57, ni++) {
                                k->rows_gemv(W, C, C, rows, nr, x, y1);
                                dm_par_rows_gemv(k, 2, W, C, C, rows, nr, x, y2);
                                if (nr && (memcmp(y1, ref_rows[ni], sizeof(float) * nr) ||
                                           memcmp(y2, ref_rows[ni], sizeof(float) * nr)) && bad++ < 3)
                                    cr_log_error("%s rows_gemv block %d streams %d pf %d hint %d parts %d, %d rows: "
                                                 "differs", k->name, blk, p.rows_streams, pfs[pi], h, parts, nr);
                            }
                            memcpy(g1, g0, sizeof(float) * R);
                            k->gemv(W, C, R, C, x, g1);
                            memcpy(y2, g0, sizeof(float) * R);
                            dm_par_gemv(k, 2, W, C, R, C, x, y2);
                            if ((memcmp(g1, ref_gemv, sizeof(float) * R) || memcmp(y2, ref_gemv, sizeof(float) * R)) &&
                                bad++ < 3)
                                cr_log_error("%s gemv block %d streams %d pf %d hint %d parts %d: differs", k->name,
                                             blk, p.rows_streams, pfs[pi], h, parts);
                            for (int i = 0; i < 5; i++) {
                                k->qgemv(&m[i], xq, 0.01f, y1);
                                dm_par_qgemv(k, 2, &m[i], xq, 0.01f, y2);
                                if ((memcmp(y1, ref_q[i], sizeof(float) * R) ||
                                     memcmp(y2, ref_q[i], sizeof(float) * R)) && bad++ < 3)
                                    cr_log_error("%s qgemv %d bits qpf %d hint %d streams %d/%d: differs", k->name,
                                                 bitl[i], qpfs[qi], h, p.q_streams, p.q4_streams);
                            }
                        }
    }
    cr_assert_eq(dm_kparams_set(&def, &err), 0);
    cr_expect_eq(bad, 0, "%d tuned-parameter results differ", bad);
    for (int i = 0; i < 5; i++)
        dm_qmat_free(&m[i]);
    free(W), free(x), free(y0), free(y1), free(y2), free(yr), free(g0), free(g1), free(rows), free(iota);
    free(q), free(ws), free(b), free(xq);
}

/* dm_dense_gemv: OpenBLAS by default (bit-identical to cblas_sgemv), our
 * gemv once chosen (bit-identical to k->gemv), back to OpenBLAS for ref. */
Test(kernels, dense_gemv_choice)
{
    trng_seed(1402);
    const int R = 301, C = 517, ld = 530;
    float *W = malloc(sizeof(float) * R * ld), *x = malloc(sizeof(float) * C);
    float *y0 = malloc(sizeof(float) * R), *y1 = malloc(sizeof(float) * R), *y2 = malloc(sizeof(float) * R);
    cr_assert(W && x && y0 && y1 && y2);
    for (int i = 0; i < R * ld; i++)
        W[i] = frand();
    for (int c = 0; c < C; c++)
        x[c] = frand();
    for (int r = 0; r < R; r++)
        y0[r] = frand();
    dm_dense_use(NULL);
    cr_expect_str_eq(dm_dense_name(), "OpenBLAS sgemv");
    memcpy(y1, y0, sizeof(float) * R);
    memcpy(y2, y0, sizeof(float) * R);
    dm_dense_gemv(R, C, W, ld, x, y1);
    cblas_sgemv(CblasRowMajor, CblasNoTrans, R, C, 1.0f, W, ld, x, 1, 1.0f, y2, 1);
    cr_expect_eq(memcmp(y1, y2, sizeof(float) * R), 0, "dense_gemv with OpenBLAS differs from cblas_sgemv");
    const dm_kernels *k = dm_kernels_best();
    dm_dense_use(k);
    if (strcmp(k->name, "ref") != 0) {
        char want[32];
        snprintf(want, sizeof want, "own %s gemv", k->name);
        cr_expect_str_eq(dm_dense_name(), want);
    }
    memcpy(y1, y0, sizeof(float) * R);
    memcpy(y2, y0, sizeof(float) * R);
    dm_dense_gemv(R, C, W, ld, x, y1);
    if (strcmp(k->name, "ref") != 0)
        k->gemv(W, (size_t)ld, R, C, x, y2);
    else
        cblas_sgemv(CblasRowMajor, CblasNoTrans, R, C, 1.0f, W, ld, x, 1, 1.0f, y2, 1);
    cr_expect_eq(memcmp(y1, y2, sizeof(float) * R), 0, "dense_gemv with %s differs from its gemv", k->name);
    dm_dense_use(dm_kernels_get(DM_KV_REF));
    cr_expect_str_eq(dm_dense_name(), "OpenBLAS sgemv", "ref kernels keep OpenBLAS for dense");
    dm_dense_use(NULL);
    free(W), free(x), free(y0), free(y1), free(y2);
}

Test(kernels, kparams_check_names_the_field)
{
    dm_kparams d, p;
    dm_err err;
    dm_kparams_default(&d);
    cr_assert_eq(dm_kparams_check(&d, &err), 0);
    char s[160];
    dm_kparams_format(&d, s, sizeof s);
    cr_expect(strstr(s, "block=4") && strstr(s, "dense=blas"), "format: %s", s);
    struct { const char *field; int off, val; } bad[] = {
        {"rows_block", offsetof(dm_kparams, rows_block), 6}, {"rows_pf", offsetof(dm_kparams, rows_pf), 100},
        {"rows_pf", offsetof(dm_kparams, rows_pf), -16},     {"rows_hint", offsetof(dm_kparams, rows_hint), 2},
        {"q_pf", offsetof(dm_kparams, q_pf), (1 << 20) + 1}, {"q_hint", offsetof(dm_kparams, q_hint), -1},
        {"dense", offsetof(dm_kparams, dense), 2},           {"parts", offsetof(dm_kparams, parts), 0},
        {"parts", offsetof(dm_kparams, parts), 5},           {"q_streams", offsetof(dm_kparams, q_streams), 3},
        {"q_streams", offsetof(dm_kparams, q_streams), 0},   {"rows_streams", offsetof(dm_kparams, rows_streams), 3},
        {"q4_streams", offsetof(dm_kparams, q4_streams), 8}, {"q4_streams", offsetof(dm_kparams, q4_streams), 0},
        {"proj_pf", offsetof(dm_kparams, proj_pf), -1},      {"proj_pf", offsetof(dm_kparams, proj_pf), (4 << 20) + 1},
        {"proj_dist", offsetof(dm_kparams, proj_dist), -64}, {"proj_dist", offsetof(dm_kparams, proj_dist), 100},
        {"proj_dist", offsetof(dm_kparams, proj_dist), (64 << 10) + 64},
        {"rows_streams", offsetof(dm_kparams, rows_streams), 16},
        {"dense_streams", offsetof(dm_kparams, dense_streams), 0},
        {"dense_streams", offsetof(dm_kparams, dense_streams), 3},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        p = d;
        memcpy((char *)&p + bad[i].off, &bad[i].val, sizeof(int));
        cr_expect_eq(dm_kparams_set(&p, &err), -1, "%s = %d accepted", bad[i].field, bad[i].val);
        cr_expect(strstr(err.msg, bad[i].field), "message '%s' does not name %s", err.msg, bad[i].field);
    }
    cr_expect_eq(memcmp(dm_kparams_get(), &d, sizeof d), 0, "a rejected set changed the parameters");
}

/* The tuning cache: save / load round trip, entries per kernels and
 * threads, and clear errors for malformed files (no timing here: dm_tune_run
 * is exercised by the bench, never by a test). */
Test(kernels, tune_cache_roundtrip_and_errors)
{
    char dir[] = "/tmp/dm_tune_XXXXXX";
    cr_assert(mkdtemp(dir));
    char path[256];
    snprintf(path, sizeof path, "%s/sub/kernels-test.json", dir);
    dm_err err;
    dm_tune_result r, back;
    cr_expect_eq(dm_tune_load(path, "avx2", 1, &back, &err), 0, "absent file: no entry");
    memset(&r, 0, sizeof r);
    dm_kparams_default(&r.p);
    r.p.rows_block = 8, r.p.rows_pf = 1024, r.p.rows_hint = 1, r.p.q_pf = 0, r.p.dense = DM_DENSE_OWN, r.p.parts = 2;
    r.p.q_streams = 4, r.p.q4_streams = 2, r.p.rows_streams = 8, r.p.dense_streams = 2, r.p.proj_pf = 256 << 10;
    r.p.proj_dist = 8192;
    snprintf(r.cpu, sizeof r.cpu, "TestVendor-1-2-3");
    snprintf(r.kernels, sizeof r.kernels, "avx2");
    r.threads = 2;
    r.blas_ms = 3.5, r.own_ms = 3.0;
    r.ncand = 1;
    snprintf(r.cand[0].stage, sizeof r.cand[0].stage, "dense");
    snprintf(r.cand[0].value, sizeof r.cand[0].value, "OpenBLAS sgemv");
    cr_assert_eq(dm_tune_save(path, &r, &err), 0, "%s", err.msg);
    dm_tune_result r1 = r;
    r1.threads = 1, r1.p.dense = DM_DENSE_BLAS;
    cr_assert_eq(dm_tune_save(path, &r1, &err), 0, "%s", err.msg); /* a second entry, the first kept */
    cr_assert_eq(dm_tune_load(path, "avx2", 2, &back, &err), 1, "%s", err.msg);
    cr_expect_eq(memcmp(&back.p, &r.p, sizeof r.p), 0, "entry avx2-t2 changed in the round trip");
    cr_expect_str_eq(back.cpu, "TestVendor-1-2-3");
    cr_expect_eq(back.own_ms, 3.0);
    cr_assert_eq(dm_tune_load(path, "avx2", 1, &back, &err), 1, "%s", err.msg);
    cr_expect_eq(back.p.dense, DM_DENSE_BLAS);
    cr_expect_eq(dm_tune_load(path, "avx512", 1, &back, &err), 0, "no avx512 entry");
    /* malformed: not JSON, a bad field, an out-of-range value */
    static const char *bad[][2] = {
        {"{\"entries\": {\"avx2-t1-g7\": ", "not valid JSON"},
        {"{\"cpu\": \"x\", \"entries\": []}", "entries"},
        {"{\"entries\": {\"avx2-t1-g7\": {\"rows_block\": 4}}}", "rows_pf"},
        {"{\"entries\": {\"avx2-t1-g7\": {\"rows_block\": 4, \"rows_pf\": 512, \"rows_hint\": 0, \"q_pf\": 64, "
         "\"q_hint\": 0, \"parts\": 1, \"q_streams\": 1, \"q4_streams\": 2, \"proj_pf\": 0, \"proj_dist\": 2048, \"rows_streams\": 1, \"dense_streams\": 1, \"dense\": \"fast\"}}}", "dense"},
        {"{\"entries\": {\"avx2-t1-g7\": {\"rows_block\": 5, \"rows_pf\": 512, \"rows_hint\": 0, \"q_pf\": 64, "
         "\"q_hint\": 0, \"parts\": 1, \"q_streams\": 1, \"q4_streams\": 2, \"proj_pf\": 0, \"proj_dist\": 2048, \"rows_streams\": 1, \"dense_streams\": 1, \"dense\": \"own\"}}}", "rows_block"},
        {"{\"entries\": {\"avx2-t1-g7\": {\"rows_block\": 4, \"rows_pf\": 512, \"rows_hint\": 0, \"q_pf\": 64, "
         "\"q_hint\": 0, \"parts\": 1, \"q_streams\": 3, \"q4_streams\": 2, \"proj_pf\": 0, \"proj_dist\": 2048, \"rows_streams\": 1, \"dense_streams\": 1, \"dense\": \"own\"}}}", "q_streams"},
        {"{\"entries\": {\"avx2-t1-g7\": {\"rows_block\": 4, \"rows_pf\": 512, \"rows_hint\": 0, \"q_pf\": 64, "
         "\"q_hint\": 0, \"parts\": 1, \"q_streams\": 1, \"q4_streams\": 2, \"proj_pf\": 0, \"proj_dist\": 2048, \"rows_streams\": 5, \"dense_streams\": 1, \"dense\": \"own\"}}}", "rows_streams"},
        {"{\"entries\": {\"avx2-t1-g7\": {\"rows_block\": 4, \"rows_pf\": 512, \"rows_hint\": 0, \"q_pf\": 64, "
         "\"q_hint\": 0, \"parts\": 1, \"q_streams\": 1, \"q4_streams\": 8, \"proj_pf\": 0, \"proj_dist\": 2048, \"rows_streams\": 1, \"dense_streams\": 1, \"dense\": \"own\"}}}", "q4_streams"},
        {"{\"entries\": {\"avx2-t1-g7\": {\"rows_block\": 4, \"rows_pf\": 512, \"rows_hint\": 0, \"q_pf\": 64, "
         "\"q_hint\": 0, \"parts\": 1, \"q_streams\": 1, \"q4_streams\": 1, \"proj_pf\": -64, \"proj_dist\": 2048, \"rows_streams\": 1, \"dense_streams\": 1, \"dense\": \"own\"}}}", "proj_pf"},
        {"{\"entries\": {\"avx2-t1-g7\": {\"rows_block\": 4, \"rows_pf\": 512, \"rows_hint\": 0, \"q_pf\": 64, "
         "\"q_hint\": 0, \"parts\": 1, \"q_streams\": 1, \"q4_streams\": 1, \"proj_pf\": 0, \"proj_dist\": 100, \"rows_streams\": 1, \"dense_streams\": 1, \"dense\": \"own\"}}}", "proj_dist"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        FILE *f = fopen(path, "w");
        cr_assert(f);
        fputs(bad[i][0], f);
        fclose(f);
        cr_expect_eq(dm_tune_load(path, "avx2", 1, &back, &err), -1, "case %zu accepted", i);
        cr_expect(strstr(err.msg, path) && strstr(err.msg, bad[i][1]), "case %zu: message '%s' (expected the path "
                  "and '%s')", i, err.msg, bad[i][1]);
    }
    /* an entry written before q_streams, rows_streams, dense_streams, q4_streams, proj_pf or proj_dist existed is no
     * entry: the next use tunes again */
    static const char *old_entries[] = {
        "{\"entries\": {\"avx2-t1-g7\": {\"rows_block\": 4, \"rows_pf\": 512, \"rows_hint\": 0, \"q_pf\": 64, "
        "\"q_hint\": 0, \"parts\": 1, \"dense\": \"own\"}}}",
        "{\"entries\": {\"avx2-t1-g7\": {\"rows_block\": 4, \"rows_pf\": 512, \"rows_hint\": 0, \"q_pf\": 64, "
        "\"q_hint\": 0, \"parts\": 1, \"q_streams\": 2, \"dense\": \"own\"}}}",
        "{\"entries\": {\"avx2-t1-g7\": {\"rows_block\": 4, \"rows_pf\": 512, \"rows_hint\": 0, \"q_pf\": 64, "
        "\"q_hint\": 0, \"parts\": 1, \"q_streams\": 2, \"rows_streams\": 2, \"dense\": \"own\"}}}",
        "{\"entries\": {\"avx2-t1-g7\": {\"rows_block\": 4, \"rows_pf\": 512, \"rows_hint\": 0, \"q_pf\": 64, "
        "\"q_hint\": 0, \"parts\": 1, \"q_streams\": 2, \"rows_streams\": 2, \"dense_streams\": 1, "
        "\"dense\": \"own\"}}}",
        "{\"entries\": {\"avx2-t1-g7\": {\"rows_block\": 4, \"rows_pf\": 512, \"rows_hint\": 0, \"q_pf\": 64, "
        "\"q_hint\": 0, \"parts\": 1, \"q_streams\": 2, \"q4_streams\": 2, \"rows_streams\": 2, "
        "\"dense_streams\": 1, \"dense\": \"own\"}}}",
        "{\"entries\": {\"avx2-t1-g7\": {\"rows_block\": 4, \"rows_pf\": 512, \"rows_hint\": 0, \"q_pf\": 64, "
        "\"q_hint\": 0, \"parts\": 1, \"q_streams\": 2, \"q4_streams\": 2, \"proj_pf\": 0, \"rows_streams\": 2, "
        "\"dense_streams\": 1, \"dense\": \"own\"}}}",
    };
    for (size_t i = 0; i < sizeof old_entries / sizeof old_entries[0]; i++) {
        FILE *f = fopen(path, "w");
        cr_assert(f);
        fputs(old_entries[i], f);
        fclose(f);
        cr_expect_eq(dm_tune_load(path, "avx2", 1, &back, &err), 0, "old entry %zu was used", i);
    }
    /* a malformed cache is rewritten by the next save */
    cr_assert_eq(dm_tune_save(path, &r1, &err), 0, "%s", err.msg);
    cr_expect_eq(dm_tune_load(path, "avx2", 1, &back, &err), 1, "%s", err.msg);
    /* the ref kernels: defaults and OpenBLAS, no file touched */
    cr_expect_eq(dm_tune_ensure(dm_kernels_get(DM_KV_REF), 1, NULL, NULL, &back, NULL, &err), 0, "%s", err.msg);
    cr_expect_str_eq(dm_dense_name(), "OpenBLAS sgemv");
    cr_expect_eq(strncmp(dm_tune_provenance(), "defaults", 8), 0, "%s", dm_tune_provenance());
    /* apply: the parameters and the dense choice become current */
    const dm_kernels *k = dm_kernels_best();
    if (strcmp(k->name, "ref") != 0) {
        cr_expect_eq(dm_tune_apply(k, &r, &err), 0, "%s", err.msg);
        cr_expect_eq(memcmp(dm_kparams_get(), &r.p, sizeof r.p), 0);
        cr_expect(strstr(dm_dense_name(), "own"), "%s", dm_dense_name());
        cr_expect(strstr(dm_tune_provenance(), "cpu=TestVendor-1-2-3") && strstr(dm_tune_provenance(), "block=8"),
                  "%s", dm_tune_provenance());
    }
    char id[64];
    dm_cpu_id(id, sizeof id);
    cr_expect(strchr(id, '-') != NULL, "cpu id '%s'", id);
    remove(path);
    snprintf(path, sizeof path, "%s/sub", dir);
    rmdir(path);
    rmdir(dir);
}

/* The packed GEMM of the quality path (pgemm.h) against its double
 * reference: every row-tile height (1..25 rows), column counts that leave
 * a partial last panel or an odd number of panels, with and without a bias,
 * the OpenBLAS fallback (use 0), the best packed kernel of this CPU (use 1)
 * and the AVX2 one (use 2: packed under dm_cpu_fma_cap(1)), which must
 * agree bit for bit. Tolerance: float sums of K
 * products, 1e-5 relative to the sum of |a| |w| (each term's rounding is
 * at most 2^-24 of its size, K <= 300 terms). */
/* Pack for `use`: 0 OpenBLAS, 1 the best kernel, 2 at most the AVX2 one. */
static int pack_use(dm_pgemm *P, const float *W, int ldw, int N, int K, int use, int trans, dm_err *err)
{
    if (use == 2)
        dm_cpu_fma_cap(1);
    int rc = trans ? dm_pgemm_pack_t(P, W, ldw, N, K, use != 0, err) : dm_pgemm_pack(P, W, ldw, N, K, use != 0, err);
    dm_cpu_fma_cap(2);
    return rc;
}

Test(kernels, pgemm_against_reference)
{
    const int Ns[] = {1, 15, 16, 17, 33, 48, 100};
    const int Ks[] = {1, 7, 64, 300};
    uint64_t x = 12345;
    for (int use = 0; use < 3; use++)
        for (size_t ni = 0; ni < sizeof Ns / sizeof *Ns; ni++)
            for (size_t ki = 0; ki < sizeof Ks / sizeof *Ks; ki++) {
                int N = Ns[ni], K = Ks[ki], M = 25, lda = K + 3, ldw = K + 5, ldc = N + 2;
                float *A = malloc(sizeof(float) * (size_t)M * lda), *W = malloc(sizeof(float) * (size_t)N * ldw);
                float *b = malloc(sizeof(float) * (size_t)N), *C = malloc(sizeof(float) * (size_t)M * ldc);
                float *R = malloc(sizeof(float) * (size_t)M * ldc), *S = malloc(sizeof(float) * (size_t)M * ldc);
                cr_assert(A && W && b && C && R && S);
                for (int i = 0; i < M * lda; i++)
                    A[i] = (float)((int)((x = x * 6364136223846793005ULL + 1442695040888963407ULL) >> 41) % 2001 - 1000) / 997.0f;
                for (int i = 0; i < N * ldw; i++)
                    W[i] = (float)((int)((x = x * 6364136223846793005ULL + 1442695040888963407ULL) >> 41) % 2001 - 1000) / 331.0f;
                for (int j = 0; j < N; j++)
                    b[j] = (float)j * 0.25f - 3.0f;
                dm_pgemm P;
                dm_err err;
                cr_assert_eq(pack_use(&P, W, ldw, N, K, use, 0, &err), 0, "%s", err.msg);
                if (!use)
                    cr_expect_eq(P.p, NULL, "simd 0 packs nothing");
                if (use == 2)
                    cr_expect(P.isa <= 1, "capped at AVX2: chose kernel %d", P.isa);
                dm_pgemm Q; /* the other packed kernel, when this CPU has both: the same bits */
                cr_assert_eq(pack_use(&Q, W, ldw, N, K, use == 1 ? 2 : 1, 0, &err), 0, "%s", err.msg);
                float *D = malloc(sizeof(float) * (size_t)M * ldc);
                cr_assert(D);
                for (int m = 1; m <= M; m++)
                    for (int withb = 0; withb < 2; withb++) {
                        for (int i = 0; i < M * ldc; i++)
                            C[i] = R[i] = S[i] = (float)(i % 13) - 6.0f; /* C += ...: the old values count */
                        memcpy(D, C, sizeof(float) * (size_t)M * ldc);
                        if (withb) {
                            dm_pgemm_bias(&P, m, A, lda, b, C, ldc);
                            dm_pgemm_bias(&Q, m, A, lda, b, D, ldc);
                            for (int i = 0; i < m; i++)
                                memcpy(R + (size_t)i * ldc, b, sizeof(float) * (size_t)N);
                        } else {
                            dm_pgemm_run(&P, m, A, lda, C, ldc);
                            dm_pgemm_run(&Q, m, A, lda, D, ldc);
                        }
                        if (P.p && Q.p)
                            cr_assert(!memcmp(C, D, sizeof(float) * (size_t)M * ldc),
                                      "%s and %s differ: N %d K %d m %d bias %d", dm_pgemm_impl(&P),
                                      dm_pgemm_impl(&Q), N, K, m, withb);
                        dm_pgemm_ref(m, N, K, A, lda, W, ldw, R, ldc);
                        for (int i = 0; i < M; i++)
                            for (int j = 0; j < ldc; j++) {
                                size_t at = (size_t)i * ldc + j;
                                if (i >= m || j >= N) {
                                    cr_assert_eq(C[at], S[at], "%s: N %d K %d m %d: element (%d,%d) outside C written",
                                                 dm_pgemm_impl(&P), N, K, m, i, j);
                                    continue;
                                }
                                double mag = fabs(C[at] - R[at]), scale = 1;
                                for (int k = 0; k < K; k++)
                                    scale += fabs((double)A[(size_t)i * lda + k] * W[(size_t)j * ldw + k]);
                                cr_assert(mag <= 1e-5 * scale, "%s: N %d K %d m %d bias %d: C(%d,%d) %.9g, reference %.9g",
                                          dm_pgemm_impl(&P), N, K, m, withb, i, j, C[at], R[at]);
                            }
                    }
                dm_pgemm_free(&P);
                dm_pgemm_free(&Q);
                free(A), free(W), free(b), free(C), free(R), free(S), free(D);
            }
}

/* dm_pgemm_pack_t (from W^T) packs the same panels as dm_pgemm_pack: the
 * same results bit for bit, packed or on the OpenBLAS fallback (to its
 * rounding). */
Test(kernels, pgemm_pack_transposed_equals_pack)
{
    const int M = 13, N = 37, K = 50;
    float *A = malloc(sizeof(float) * M * K), *W = malloc(sizeof(float) * N * K), *Wt = malloc(sizeof(float) * K * N);
    float *C1 = calloc((size_t)M * N, sizeof(float)), *C2 = calloc((size_t)M * N, sizeof(float));
    cr_assert(A && W && Wt && C1 && C2);
    for (int i = 0; i < M * K; i++)
        A[i] = (float)((i * 37) % 101) / 50.0f - 1.0f;
    for (int r = 0; r < N; r++)
        for (int k = 0; k < K; k++)
            Wt[k * N + r] = W[r * K + k] = (float)((r * 13 + k * 7) % 97) / 48.0f - 1.0f;
    for (int use = 0; use < 3; use++) {
        dm_pgemm P1, P2;
        dm_err err;
        cr_assert_eq(pack_use(&P1, W, K, N, K, use, 0, &err), 0, "%s", err.msg);
        cr_assert_eq(pack_use(&P2, Wt, N, N, K, use, 1, &err), 0, "%s", err.msg);
        memset(C1, 0, sizeof(float) * M * N);
        memset(C2, 0, sizeof(float) * M * N);
        dm_pgemm_run(&P1, M, A, K, C1, N);
        dm_pgemm_run(&P2, M, A, K, C2, N);
        for (int i = 0; i < M * N; i++) {
            if (P1.p)
                cr_assert_eq(C1[i], C2[i], "packed: element %d: %.9g vs %.9g", i, C1[i], C2[i]);
            else
                cr_assert(fabsf(C1[i] - C2[i]) <= 1e-5f * (1.0f + fabsf(C1[i])), "fallback: element %d", i);
        }
        dm_pgemm_free(&P1);
        dm_pgemm_free(&P2);
    }
    free(A), free(W), free(Wt), free(C1), free(C2);
}

/* dm_evict (the cold bench's line eviction): any range, aligned or not, of any length, and NULL or 0 bytes, leaves
 * the data as it was: dirty lines are written back, never dropped (an eviction that invalidated without writing
 * back would lose the store made just before it). */
Test(kernels, evict_keeps_the_data)
{
    enum { N = 5000 };
    unsigned char *b = malloc(N);
    cr_assert_not_null(b);
    for (int i = 0; i < N; i++)
        b[i] = (unsigned char)(i * 37 + 11);
    const size_t offs[] = {0, 1, 63, 64, 65, 1000}, lens[] = {0, 1, 63, 64, 65, 129, 3000};
    for (size_t o = 0; o < sizeof offs / sizeof *offs; o++)
        for (size_t l = 0; l < sizeof lens / sizeof *lens; l++) {
            b[offs[o]] ^= 0x5a; /* a dirty line first */
            dm_evict(b + offs[o], lens[l]);
            b[offs[o]] ^= 0x5a;
        }
    dm_evict(NULL, 100);
    dm_evict(b, 0);
    for (int i = 0; i < N; i++)
        cr_assert_eq(b[i], (unsigned char)(i * 37 + 11), "byte %d changed", i);
    free(b);
}
