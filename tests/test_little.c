/* test_little.c - Criterion tests for src/little/little.c: the JL bound, the
 * SRP projection's statistics and determinism, moments and the ridge fit
 * against a direct solve written here (Gaussian elimination on the explicit
 * projected design matrix), the exact MSE from the moments against a pass
 * over the samples, quantization error bounds, the moments file format, the
 * PCA projection, byte counts and argument checking. All data is small and
 * generated from fixed seeds; file tests work in their own mkdtemp
 * directory, removed afterwards. */
#define _POSIX_C_SOURCE 200809L
#include <criterion/criterion.h>

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "little.h"
#include "testutil.h"
#include "util.h"

/* ---- helpers ------------------------------------------------------------ */

static void trng_seed(uint64_t s) { trng_seed_salted(s, 0x1234567ULL); }


/* A synthetic layer: y = W [x; h] + b + noise * N(0, 1). */
typedef struct layer {
    int in, hid, rows, T;
    float *X, *H, *Y;
} layer;

static void layer_make(layer *ly, int in, int hid, int rows, int T, uint64_t seed, double noise)
{
    trng_seed(seed);
    ly->in = in;
    ly->hid = hid;
    ly->rows = rows;
    ly->T = T;
    ly->X = calloc((size_t)T * in, sizeof(float));
    ly->H = calloc((size_t)T * hid, sizeof(float));
    ly->Y = calloc((size_t)T * rows, sizeof(float));
    int D = in + hid;
    double *W = calloc((size_t)rows * D, sizeof(double)), *b = calloc(rows, sizeof(double));
    cr_assert(ly->X && ly->H && ly->Y && W && b);
    for (int i = 0; i < rows * D; i++)
        W[i] = gauss() / sqrt(D);
    for (int r = 0; r < rows; r++)
        b[r] = gauss();
    for (int t = 0; t < T; t++) {
        for (int j = 0; j < in; j++)
            ly->X[(size_t)t * in + j] = (float)(0.5 + gauss());
        for (int j = 0; j < hid; j++)
            ly->H[(size_t)t * hid + j] = (float)tanh(gauss());
        for (int r = 0; r < rows; r++) {
            double s = b[r] + noise * gauss();
            for (int j = 0; j < in; j++)
                s += W[(size_t)r * D + j] * ly->X[(size_t)t * in + j];
            for (int j = 0; j < hid; j++)
                s += W[(size_t)r * D + in + j] * ly->H[(size_t)t * hid + j];
            ly->Y[(size_t)t * rows + r] = (float)s;
        }
    }
    free(W);
    free(b);
}

/* Two-stream call sites (x, h) over the N-stream API: u = [x ; h]. */
static int moments_init2(dm_moments *m, int in, int hid, int rows, dm_err *err)
{
    int dims[2] = {in, hid};
    return dm_moments_init(m, 2, dims, rows, err);
}

static int moments_add2(dm_moments *m, const float *X, const float *H, const float *Y, int T, dm_err *err)
{
    int in = m->dim[0], hid = m->dim[1];
    float *U = malloc(sizeof(float) * (size_t)(T > 0 ? T : 1) * (size_t)(in + hid));
    for (int t = 0; t < T; t++) {
        memcpy(U + (size_t)t * (in + hid), X + (size_t)t * in, sizeof(float) * (size_t)in);
        memcpy(U + (size_t)t * (in + hid) + in, H + (size_t)t * hid, sizeof(float) * (size_t)hid);
    }
    int rc = dm_moments_add(m, U, (size_t)(in + hid), Y, T, err);
    free(U);
    return rc;
}

static void little_forward2(const dm_little *L, const float *x, const float *h, float *scratch, float *out)
{
    float *u = malloc(sizeof(float) * (size_t)(L->dim[0] + L->dim[1]));
    memcpy(u, x, sizeof(float) * (size_t)L->dim[0]);
    memcpy(u + L->dim[0], h, sizeof(float) * (size_t)L->dim[1]);
    dm_little_forward(L, u, scratch, out);
    free(u);
}

static void layer_free(layer *ly)
{
    free(ly->X);
    free(ly->H);
    free(ly->Y);
}

/* Moments of samples [t0, t1) added in calls of the given sizes (cycled). */
static void moments_of(dm_moments *m, const layer *ly, int t0, int t1, const int *sizes,
                       int nsizes)
{
    dm_err err = {{0}};
    cr_assert_eq(moments_init2(m, ly->in, ly->hid, ly->rows, &err), 0, "%s", err.msg);
    int t = t0, i = 0;
    while (t < t1) {
        int n = sizes[i++ % nsizes];
        if (n > t1 - t)
            n = t1 - t;
        cr_assert_eq(moments_add2(m, ly->X + (size_t)t * ly->in, ly->H + (size_t)t * ly->hid,
                                    ly->Y + (size_t)t * ly->rows, n, &err),
                     0, "%s", err.msg);
        t += n;
    }
}

/* Projected input uq = [Px x; Ph h; 1] in double from dense copies. */
static void project_u(const double *Px, const double *Ph, int k, const layer *ly, int t,
                      double *uq)
{
    for (int j = 0; j < k; j++) {
        double s = 0.0, z = 0.0;
        for (int c = 0; c < ly->in; c++)
            s += Px[(size_t)j * ly->in + c] * ly->X[(size_t)t * ly->in + c];
        for (int c = 0; c < ly->hid; c++)
            z += Ph[(size_t)j * ly->hid + c] * ly->H[(size_t)t * ly->hid + c];
        uq[j] = s;
        uq[k + j] = z;
    }
    uq[2 * k] = 1.0;
}

/* MSE of the module's wq and bias over samples [t0, t1), in double. */
static double mse_direct(const dm_little *L, const layer *ly, int t0, int t1)
{
    int k = L->k, K = 2 * k + 1;
    double *Px = dm_proj_to_dense(&L->proj[0]), *Ph = dm_proj_to_dense(&L->proj[1]);
    double *uq = malloc(sizeof(double) * K);
    cr_assert(Px && Ph && uq);
    double sse = 0.0;
    for (int t = t0; t < t1; t++) {
        project_u(Px, Ph, k, ly, t, uq);
        for (int r = 0; r < L->rows; r++) {
            double p = L->bias[r];
            for (int j = 0; j < 2 * k; j++)
                p += (double)L->wq[(size_t)r * 2 * k + j] * uq[j];
            double e = ly->Y[(size_t)t * ly->rows + r] - p;
            sse += e * e;
        }
    }
    free(Px);
    free(Ph);
    free(uq);
    return sse / ((double)(t1 - t0) * L->rows);
}

/* Solve A x = b (n x n, row-major, destroyed) by Gaussian elimination with
 * partial pivoting; b is overwritten with x. */
static void gauss_solve(int n, double *A, double *b)
{
    for (int c = 0; c < n; c++) {
        int p = c;
        for (int i = c + 1; i < n; i++)
            if (fabs(A[(size_t)i * n + c]) > fabs(A[(size_t)p * n + c]))
                p = i;
        cr_assert(fabs(A[(size_t)p * n + c]) > 0.0, "singular reference system");
        if (p != c) {
            for (int j = 0; j < n; j++) {
                double t = A[(size_t)c * n + j];
                A[(size_t)c * n + j] = A[(size_t)p * n + j];
                A[(size_t)p * n + j] = t;
            }
            double t = b[c];
            b[c] = b[p];
            b[p] = t;
        }
        for (int i = c + 1; i < n; i++) {
            double f = A[(size_t)i * n + c] / A[(size_t)c * n + c];
            for (int j = c; j < n; j++)
                A[(size_t)i * n + j] -= f * A[(size_t)c * n + j];
            b[i] -= f * b[c];
        }
    }
    for (int i = n - 1; i >= 0; i--) {
        double s = b[i];
        for (int j = i + 1; j < n; j++)
            s -= A[(size_t)i * n + j] * b[j];
        b[i] = s / A[(size_t)i * n + i];
    }
}

/* Reference ridge fit over all samples of ly with the module's projections:
 * ref is rows x (2k+1), [Wl | bl]. */
static void reference_fit(const dm_little *L, const layer *ly, double lambda, double *ref)
{
    int k = L->k, K = 2 * k + 1;
    double *Px = dm_proj_to_dense(&L->proj[0]), *Ph = dm_proj_to_dense(&L->proj[1]);
    double *A = calloc((size_t)K * K, sizeof(double)), *A2 = malloc(sizeof(double) * K * K);
    double *Bm = calloc((size_t)ly->rows * K, sizeof(double)), *uq = malloc(sizeof(double) * K);
    cr_assert(Px && Ph && A && A2 && Bm && uq);
    for (int t = 0; t < ly->T; t++) {
        project_u(Px, Ph, k, ly, t, uq);
        for (int i = 0; i < K; i++)
            for (int j = 0; j < K; j++)
                A[(size_t)i * K + j] += uq[i] * uq[j];
        for (int r = 0; r < ly->rows; r++)
            for (int j = 0; j < K; j++)
                Bm[(size_t)r * K + j] += (double)ly->Y[(size_t)t * ly->rows + r] * uq[j];
    }
    double tr = 0.0;
    for (int i = 0; i < 2 * k; i++)
        tr += A[(size_t)i * K + i];
    for (int i = 0; i < 2 * k; i++)
        A[(size_t)i * K + i] += lambda * tr / (2 * k);
    for (int r = 0; r < ly->rows; r++) {
        memcpy(A2, A, sizeof(double) * K * K);
        memcpy(ref + (size_t)r * K, Bm + (size_t)r * K, sizeof(double) * K);
        gauss_solve(K, A2, ref + (size_t)r * K);
    }
    free(Px);
    free(Ph);
    free(A);
    free(A2);
    free(Bm);
    free(uq);
}

static double rel_diff(double a, double b) { return fabs(a - b) / fmax(fabs(b), 1e-300); }

/* ---- JL bound ----------------------------------------------------------- */

Test(little, jl_bound)
{
    dm_err err = {{0}};
    int k = 0;
    cr_assert_eq(dm_jl_k(6000, 0.5, &k, &err), 0, "%s", err.msg);
    cr_expect_eq(k, 417);
    cr_assert_eq(dm_jl_k(6000, 0.3, &k, &err), 0, "%s", err.msg);
    cr_expect_eq(k, 966);
    cr_assert_eq(dm_jl_k(6000, 0.7, &k, &err), 0, "%s", err.msg);
    cr_expect_eq(k, 266);

    const double bad[] = {0.0, 1.0, 1.2, -0.1, NAN};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        k = -7;
        cr_expect_eq(dm_jl_k(6000, bad[i], &k, &err), -1, "eps %g accepted", bad[i]);
        cr_expect(strstr(err.msg, "is outside (0, 1)"), "message: %s", err.msg);
        cr_expect_eq(k, -7, "k written on failure");
    }
    dm_jl_k(6000, 1.2, &k, &err);
    cr_expect(strstr(err.msg, "eps 1.2 is outside (0, 1)"), "message: %s", err.msg);
    cr_expect_eq(dm_jl_k(1, 0.5, &k, &err), -1);
    cr_expect(strstr(err.msg, "n 1"), "message: %s", err.msg);
}

/* ---- SRP ---------------------------------------------------------------- */

Test(little, srp_structure_and_density)
{
    dm_err err = {{0}};
    dm_proj p;
    cr_assert_eq(dm_proj_srp(&p, 400, 800, 42, &err), 0, "%s", err.msg);
    cr_expect_eq(p.kind, DM_PROJ_SRP);
    cr_expect_eq(p.k, 400);
    cr_expect_eq(p.d, 800);
    cr_expect_float_eq(p.scale, (float)sqrt(3.0 / 400), 1e-7);
    int nnz = p.rowptr[400];
    double density = nnz / (400.0 * 800.0);
    cr_expect(fabs(density - 1.0 / 3.0) < 0.02, "density %g", density);
    int plus = 0;
    for (int j = 0; j < 400; j++) {
        cr_assert(p.rowptr[j] <= p.rowptr[j + 1]);
        for (int i = p.rowptr[j]; i < p.rowptr[j + 1]; i++) {
            cr_assert(p.cols[i] >= 0 && p.cols[i] < 800);
            if (i > p.rowptr[j])
                cr_assert(p.cols[i] > p.cols[i - 1], "columns not increasing in row %d", j);
            cr_assert(p.sign[i] == 1 || p.sign[i] == -1);
            plus += p.sign[i] == 1;
        }
    }
    cr_expect(fabs((double)plus / nnz - 0.5) < 0.02, "fraction of +1: %g", (double)plus / nnz);
    /* bytes: 5 per non-zero + row offsets + scale */
    cr_expect_eq(dm_proj_bytes(&p), (size_t)nnz * 5 + 401 * 4 + 4);
    cr_expect_str_eq(dm_proj_name(DM_PROJ_SRP), "srp");
    cr_expect_str_eq(dm_proj_name(DM_PROJ_PCA), "pca");
    dm_proj_free(&p);
    cr_expect_null(p.rowptr);
}

Test(little, srp_norm_preservation)
{
    dm_err err = {{0}};
    dm_proj p;
    const int d = 800, k = 417;
    cr_assert_eq(dm_proj_srp(&p, k, d, 7, &err), 0, "%s", err.msg);
    float *v = malloc(sizeof(float) * d), *out = malloc(sizeof(float) * k);
    cr_assert(v && out);
    trng_seed(99);
    double sum = 0.0, lo = 1e9, hi = -1e9;
    for (int it = 0; it < 200; it++) {
        double n2 = 0.0, p2 = 0.0;
        for (int i = 0; i < d; i++) {
            v[i] = (float)gauss();
            n2 += (double)v[i] * v[i];
        }
        dm_proj_apply(&p, v, out);
        for (int j = 0; j < k; j++)
            p2 += (double)out[j] * out[j];
        double ratio = p2 / n2;
        sum += ratio;
        lo = fmin(lo, ratio);
        hi = fmax(hi, ratio);
    }
    cr_expect(lo > 0.5 && hi < 1.5, "ratio range [%g, %g]", lo, hi);
    cr_expect(fabs(sum / 200 - 1.0) < 0.05, "mean ratio %g", sum / 200);
    free(v);
    free(out);
    dm_proj_free(&p);
}

Test(little, srp_seed_determinism)
{
    dm_err err = {{0}};
    dm_proj a, b, c;
    cr_assert_eq(dm_proj_srp(&a, 50, 120, 1234, &err), 0, "%s", err.msg);
    cr_assert_eq(dm_proj_srp(&b, 50, 120, 1234, &err), 0, "%s", err.msg);
    cr_assert_eq(dm_proj_srp(&c, 50, 120, 1235, &err), 0, "%s", err.msg);
    cr_assert_eq(a.rowptr[50], b.rowptr[50]);
    cr_expect_eq(memcmp(a.rowptr, b.rowptr, sizeof(int) * 51), 0);
    cr_expect_eq(memcmp(a.cols, b.cols, sizeof(int) * a.rowptr[50]), 0);
    cr_expect_eq(memcmp(a.sign, b.sign, (size_t)a.rowptr[50]), 0);
    double *da = dm_proj_to_dense(&a), *dc = dm_proj_to_dense(&c);
    cr_assert(da && dc);
    int differ = 0;
    for (int i = 0; i < 50 * 120; i++)
        differ += da[i] != dc[i];
    cr_expect(differ > 1000, "only %d entries differ between seeds", differ);
    /* dense copy agrees with apply */
    float x[120], y[50];
    trng_seed(5);
    for (int i = 0; i < 120; i++)
        x[i] = (float)gauss();
    dm_proj_apply(&a, x, y);
    for (int j = 0; j < 50; j++) {
        double s = 0.0;
        for (int i = 0; i < 120; i++)
            s += da[j * 120 + i] * x[i];
        cr_expect(fabs(s - y[j]) < 1e-5, "row %d: %g vs %g", j, s, (double)y[j]);
    }
    free(da);
    free(dc);
    dm_proj_free(&a);
    dm_proj_free(&b);
    dm_proj_free(&c);
}

/* ---- moments and fit ---------------------------------------------------- */

Test(little, moments_match_direct_sums)
{
    layer ly;
    layer_make(&ly, 7, 5, 6, 300, 11, 0.1);
    const int sizes[] = {1, 37, 200, 262};
    dm_moments m;
    moments_of(&m, &ly, 0, ly.T, sizes, 4);
    cr_expect_eq(m.n, 300);
    cr_expect_eq(m.D, 13);
    double maxerr = 0.0;
    for (int i = 0; i < m.D; i++)
        for (int j = 0; j < m.D; j++) {
            double s = 0.0;
            for (int t = 0; t < ly.T; t++) {
                double ui = i < 7 ? ly.X[t * 7 + i] : i < 12 ? ly.H[t * 5 + i - 7] : 1.0;
                double uj = j < 7 ? ly.X[t * 7 + j] : j < 12 ? ly.H[t * 5 + j - 7] : 1.0;
                s += ui * uj;
            }
            cr_expect_eq(m.G[i * m.D + j], m.G[j * m.D + i], "G not symmetric at %d,%d", i, j);
            maxerr = fmax(maxerr, fabs(s - m.G[i * m.D + j]) / fmax(1.0, fabs(s)));
        }
    cr_expect(maxerr < 1e-12, "G error %g", maxerr);
    for (int r = 0; r < 6; r++) {
        double s = 0.0, c = 0.0;
        for (int t = 0; t < ly.T; t++) {
            s += (double)ly.Y[t * 6 + r] * ly.Y[t * 6 + r];
            c += ly.Y[t * 6 + r];
        }
        cr_expect(rel_diff(m.ysq[r], s) < 1e-12);
        cr_expect(rel_diff(m.C[r * m.D + m.D - 1], c) < 1e-12);
    }
    dm_moments_free(&m);
    layer_free(&ly);
}

static void check_fit_vs_direct(dm_proj_kind kind, uint64_t seed, double lambda)
{
    dm_err err = {{0}};
    layer ly;
    layer_make(&ly, 7, 5, 6, 500, 21, 0.3);
    const int sizes[] = {1, 37, 200, 262, 3};
    dm_moments m;
    moments_of(&m, &ly, 0, ly.T, sizes, 5);
    cr_assert_eq(m.n, 500);
    dm_little L;
    cr_assert_eq(dm_little_fit(&L, &m, 3, kind, seed, lambda, &err), 0, "%s", err.msg);
    cr_expect_eq(L.bits, 0);
    cr_expect_null(L.q);
    cr_expect(L.lambda == lambda);
    const int K = 7;
    double ref[6 * 7], maxref = 0.0;
    reference_fit(&L, &ly, lambda, ref);
    for (int i = 0; i < 6 * K; i++)
        maxref = fmax(maxref, fabs(ref[i]));
    for (int r = 0; r < 6; r++) {
        for (int j = 0; j < 6; j++) {
            double want = ref[r * K + j], got = L.w[r * 6 + j];
            cr_expect(fabs(got - want) <= 1e-6 * fabs(want) + 1e-9 * maxref,
                      "%s lambda %g: w[%d][%d] = %.9g, reference %.9g", dm_proj_name(kind), lambda,
                      r, j, got, want);
            cr_expect_eq(L.wq[r * 6 + j], L.w[r * 6 + j]);
        }
        double want = ref[r * K + 6];
        cr_expect(fabs(L.bias[r] - want) <= 1e-6 * fabs(want) + 1e-9 * maxref,
                  "bias[%d] = %.9g, reference %.9g", r, (double)L.bias[r], want);
    }
    /* exact MSE from the moments vs a pass over the samples */
    double md = mse_direct(&L, &ly, 0, ly.T);
    cr_expect(rel_diff(L.mse, md) < 1e-6, "mse %.12g vs direct %.12g", L.mse, md);
    cr_expect_eq(L.mse, L.mse_fp32);
    cr_expect(L.mse > 0.0 && L.mse < L.var, "mse %g var %g", L.mse, L.var);
    /* the same through dm_little_forward (float outputs: looser) */
    float scratch[6], out[6];
    double sse = 0.0, ysum[6] = {0}, ysq[6] = {0};
    for (int t = 0; t < ly.T; t++) {
        little_forward2(&L, ly.X + t * 7, ly.H + t * 5, scratch, out);
        for (int r = 0; r < 6; r++) {
            double y = ly.Y[t * 6 + r];
            sse += (y - out[r]) * (y - out[r]);
            ysum[r] += y;
            ysq[r] += y * y;
        }
    }
    cr_expect(rel_diff(L.mse, sse / (500.0 * 6)) < 1e-4, "mse %g, forward %g", L.mse,
              sse / 3000.0);
    double var = 0.0;
    for (int r = 0; r < 6; r++)
        var += ysq[r] / 500 - (ysum[r] / 500) * (ysum[r] / 500);
    cr_expect(rel_diff(L.var, var / 6) < 1e-9, "var %g vs %g", L.var, var / 6);
    /* moments other than the fitting ones: MSE recomputed, not cached */
    dm_moments m2;
    moments_of(&m2, &ly, 100, 400, sizes, 5);
    double m2mse = dm_little_mse(&L, &m2), m2d = mse_direct(&L, &ly, 100, 400);
    cr_expect(rel_diff(m2mse, m2d) < 1e-6, "mse on other data %.12g vs direct %.12g", m2mse,
              m2d);
    cr_expect(rel_diff(dm_little_mse(&L, &m), L.mse) < 1e-15);
    cr_expect(rel_diff(dm_little_mse(&L, NULL), L.mse) < 1e-15);
    dm_moments_free(&m2);
    dm_little_free(&L);
    dm_moments_free(&m);
    layer_free(&ly);
}

Test(little, fit_matches_direct_solve_srp)
{
    /* seed 77 leaves row 0 of the 5-wide h projection empty (probability
     * (2/3)^5 per row): the ridge keeps the system definite, that weight 0 */
    check_fit_vs_direct(DM_PROJ_SRP, 77, 0.1);
    check_fit_vs_direct(DM_PROJ_SRP, 78, 0.0);
}

Test(little, fit_matches_direct_solve_pca) { check_fit_vs_direct(DM_PROJ_PCA, 0, 0.05); }

Test(little, full_k_pca_is_exact)
{
    dm_err err = {{0}};
    layer ly;
    layer_make(&ly, 6, 6, 4, 200, 31, 0.0);
    const int sizes[] = {64};
    dm_moments m;
    moments_of(&m, &ly, 0, ly.T, sizes, 1);
    dm_little L;
    cr_assert_eq(dm_little_fit(&L, &m, 6, DM_PROJ_PCA, 0, 0.0, &err), 0, "%s", err.msg);
    cr_expect(L.mse < 1e-9, "mse %g (var %g)", L.mse, L.var);
    double md = mse_direct(&L, &ly, 0, ly.T);
    cr_expect(md < 1e-9, "direct mse %g", md);
    dm_little_free(&L);
    dm_moments_free(&m);
    layer_free(&ly);
}

/* Inputs without variance, as behind the dead channels or dead layers of a sparse ReLU network: the fit gives
 * those directions no weight and still fits the rest (it failed with "not positive definite" before). */
Test(little, fit_with_dead_inputs)
{
    dm_err err = {{0}};
    const int D = 6, rows = 3, T = 400;
    float *U = calloc((size_t)T * D, sizeof(float)), *Y = calloc((size_t)T * rows, sizeof(float));
    float y[3], sc[64];
    for (int dead_all = 0; dead_all < 2; dead_all++)
        for (int li = 0; li < 2; li++) {
            double lambda = li ? 1e-4 : 0.0;
            /* dead_all: every input is 0 and the targets are constants; else only input 2 lives */
            for (int t = 0; t < T; t++) {
                float a = dead_all ? 0.0f : (float)((t * 37) % 11) / 5.0f - 1.0f;
                U[(size_t)t * D + 2] = a;
                for (int r = 0; r < rows; r++)
                    Y[(size_t)t * rows + r] = 0.5f * (float)(r + 1) + (float)(r - 1) * a;
            }
            dm_moments m;
            int dims[1] = {D};
            cr_assert_eq(dm_moments_init(&m, 1, dims, rows, &err), 0, "%s", err.msg);
            cr_assert_eq(dm_moments_add(&m, U, (size_t)D, Y, T, &err), 0, "%s", err.msg);
            for (int kind = 0; kind < 2; kind++) {
                dm_proj_kind pk = kind ? DM_PROJ_PCA : DM_PROJ_SRP;
                dm_little L;
                cr_assert_eq(dm_little_fit(&L, &m, 3, pk, 7, lambda, &err), 0,
                             "dead_all %d lambda %g %s: %s", dead_all, lambda, kind ? "pca" : "srp", err.msg);
                for (int t = 0; t < 20; t++) {
                    dm_little_forward(&L, U + (size_t)t * D, sc, y);
                    for (int r = 0; r < rows; r++) {
                        /* SRP may miss input 2 entirely: then only the mean is fitted */
                        double tol = (kind || dead_all) ? 1e-3 : 2.0;
                        cr_expect(isfinite(y[r]) && fabs(y[r] - Y[(size_t)t * rows + r]) < tol,
                                  "dead_all %d %s row %d: %g vs %g", dead_all, kind ? "pca" : "srp", r, y[r],
                                  Y[(size_t)t * rows + r]);
                    }
                }
                dm_little_free(&L);
            }
            dm_moments_free(&m);
        }
    free(U);
    free(Y);
}

/* ---- quantization ------------------------------------------------------- */

Test(little, quantize_bounds_and_mse)
{
    dm_err err = {{0}};
    layer ly;
    layer_make(&ly, 10, 8, 5, 300, 41, 0.2);
    const int sizes[] = {100};
    dm_moments m;
    moments_of(&m, &ly, 0, ly.T, sizes, 1);
    dm_little L;
    cr_assert_eq(dm_little_fit(&L, &m, 4, DM_PROJ_SRP, 3, 0.01, &err), 0, "%s", err.msg);
    const int n2 = 8, rows = 5;
    double fp32 = L.mse, prev = INFINITY;
    for (int bits = 1; bits <= 16; bits++) {
        cr_assert_eq(dm_little_quantize(&L, bits, &m, &err), 0, "bits %d: %s", bits, err.msg);
        cr_expect_eq(L.bits, bits);
        cr_expect_eq(L.mse_fp32, fp32);
        cr_assert_not_null(L.q);
        for (int r = 0; r < rows; r++) {
            const float *w = L.w + r * n2, *wq = L.wq + r * n2;
            const int16_t *q = L.q + r * n2;
            float s = L.qscale[r];
            if (bits == 1) {
                double mean = 0.0;
                for (int j = 0; j < n2; j++)
                    mean += fabs(w[j]);
                mean /= n2;
                cr_expect(rel_diff(s, mean) < 1e-6, "row %d scale %g, mean|w| %g", r, s, mean);
                for (int j = 0; j < n2; j++) {
                    cr_expect_eq(q[j], w[j] < 0 ? -1 : 1);
                    cr_expect_eq(wq[j], (w[j] < 0 ? -1.0f : 1.0f) * s);
                }
            } else {
                int qmax = (1 << (bits - 1)) - 1;
                double mx = 0.0;
                for (int j = 0; j < n2; j++)
                    mx = fmax(mx, fabs(w[j]));
                double smax = mx / qmax;
                if (bits > 2) {
                    cr_expect(rel_diff(s, smax) < 1e-6, "bits %d row %d scale %g", bits, r, s);
                } else {
                    /* clipped range: a scale in [20%, 100%] of max|w|/qmax whose error is no larger */
                    cr_expect(s <= smax * (1 + 1e-6) && s >= 0.2 * smax * (1 - 1e-6), "bits %d row %d scale %g", bits,
                              r, s);
                    double e_clip = 0, e_max = 0;
                    for (int j = 0; j < n2; j++) {
                        double v = fmin(fmax(round(w[j] / smax), -qmax), qmax);
                        e_max += (w[j] - v * smax) * (w[j] - v * smax);
                        e_clip += ((double)w[j] - wq[j]) * ((double)w[j] - wq[j]);
                    }
                    cr_expect(e_clip <= e_max * (1 + 1e-6), "bits %d row %d: clipped error %g > %g", bits, r, e_clip,
                              e_max);
                }
                for (int j = 0; j < n2; j++) {
                    cr_expect(q[j] >= -qmax && q[j] <= qmax);
                    cr_expect_eq(wq[j], (float)q[j] * s);
                    /* within half a step, except weights beyond the (clipped) range */
                    double lim = fabs(w[j]) > qmax * s ? fabs(w[j]) - qmax * s + 1e-6 : s / 2.0;
                    cr_expect(fabs((double)w[j] - wq[j]) <= lim + 1e-6 * fabs(w[j]),
                              "bits %d: |w - wq| = %g > %g", bits, fabs((double)w[j] - wq[j]), lim);
                }
            }
        }
        double md = mse_direct(&L, &ly, 0, ly.T);
        cr_expect(rel_diff(L.mse, md) < 1e-6, "bits %d: mse %.12g, direct %.12g", bits, L.mse,
                  md);
        if (bits == 2 || bits == 4 || bits == 8 || bits == 16) {
            cr_expect(L.mse <= prev * (1 + 1e-9), "bits %d: mse %g > %g at fewer bits", bits,
                      L.mse, prev);
            prev = L.mse;
        }
        if (bits == 16)
            cr_expect(rel_diff(L.mse, fp32) < 1e-5, "16-bit mse %g vs fp32 %g", L.mse, fp32);
    }
    /* no moments: the fitting data's cached projection is used */
    cr_assert_eq(dm_little_quantize(&L, 3, NULL, &err), 0, "%s", err.msg);
    cr_expect(rel_diff(L.mse, mse_direct(&L, &ly, 0, ly.T)) < 1e-6);
    /* back to FP32 */
    cr_assert_eq(dm_little_quantize(&L, 0, &m, &err), 0, "%s", err.msg);
    cr_expect_null(L.q);
    cr_expect_null(L.qscale);
    cr_expect_eq(memcmp(L.wq, L.w, sizeof(float) * rows * n2), 0);
    cr_expect_eq(L.mse, fp32);
    dm_little_free(&L);
    dm_moments_free(&m);
    layer_free(&ly);
}

Test(little, bytes_and_forward_input_quantization)
{
    dm_err err = {{0}};
    layer ly;
    layer_make(&ly, 10, 8, 5, 100, 51, 0.2);
    const int sizes[] = {100};
    dm_moments m;
    moments_of(&m, &ly, 0, ly.T, sizes, 1);
    dm_little L;
    cr_assert_eq(dm_little_fit(&L, &m, 3, DM_PROJ_SRP, 9, 0.01, &err), 0, "%s", err.msg);
    size_t proj = dm_proj_bytes(&L.proj[0]) + dm_proj_bytes(&L.proj[1]);
    cr_expect_eq(dm_little_bytes(&L), 5 * 6 * 4 + 5 * 4 + proj);
    cr_assert_eq(dm_little_quantize(&L, 8, &m, &err), 0, "%s", err.msg);
    cr_expect_eq(dm_little_bytes(&L), 5 * 6 + 5 * 4 + 5 * 4 + proj);
    cr_assert_eq(dm_little_quantize(&L, 1, &m, &err), 0, "%s", err.msg);
    cr_expect_eq(dm_little_bytes(&L), 5 * 1 + 5 * 4 + 5 * 4 + proj); /* ceil(6/8) per row */
    cr_assert_eq(dm_little_quantize(&L, 4, &m, &err), 0, "%s", err.msg);

    /* forward with 8-bit input quantization, checked by hand */
    float v[6], scratch[6], out[5];
    const float *x = ly.X + 10, *h = ly.H + 8;
    dm_proj_apply(&L.proj[0], x, v);
    dm_proj_apply(&L.proj[1], h, v + 3);
    float mx = 0.0f;
    for (int j = 0; j < 6; j++)
        mx = fmaxf(mx, fabsf(v[j]));
    float s = mx / 127.0f;
    for (int j = 0; j < 6; j++)
        v[j] = roundf(v[j] / s) * s;
    little_forward2(&L, x, h, scratch, out);
    for (int r = 0; r < 5; r++) {
        double want = L.bias[r];
        for (int j = 0; j < 6; j++)
            want += (double)L.wq[r * 6 + j] * v[j];
        cr_expect(fabs(out[r] - want) <= 1e-6 * fmax(1.0, fabs(want)), "row %d: %g vs %g", r,
                  (double)out[r], want);
    }

    dm_little P;
    cr_assert_eq(dm_little_fit(&P, &m, 3, DM_PROJ_PCA, 0, 0.01, &err), 0, "%s", err.msg);
    cr_expect_eq(dm_proj_bytes(&P.proj[0]), (size_t)3 * 10 * 4);
    cr_expect_eq(dm_proj_bytes(&P.proj[1]), (size_t)3 * 8 * 4);
    dm_little_free(&P);
    dm_little_free(&L);
    dm_moments_free(&m);
    layer_free(&ly);
}

/* ---- moments file ------------------------------------------------------- */

static long file_size(const char *path)
{
    FILE *fp = fopen(path, "rb");
    cr_assert_not_null(fp);
    fseek(fp, 0, SEEK_END);
    long n = ftell(fp);
    fclose(fp);
    return n;
}

static void copy_file(const char *from, const char *to, long len, long flip_at)
{
    FILE *a = fopen(from, "rb"), *b = fopen(to, "wb");
    cr_assert(a && b);
    for (long i = 0; i < len; i++) {
        int c = fgetc(a);
        if (c == EOF)
            break;
        if (i == flip_at)
            c ^= 0xff;
        fputc(c, b);
    }
    fclose(a);
    fclose(b);
}

Test(little, moments_save_load)
{
    dm_err err = {{0}};
    char dir[] = "/tmp/dm_little_test_XXXXXX";
    cr_assert_not_null(mkdtemp(dir), "mkdtemp: %s", strerror(errno));
    char path[128], bad[128];
    snprintf(path, sizeof path, "%s/m.bin", dir);
    snprintf(bad, sizeof bad, "%s/bad.bin", dir);

    layer ly;
    layer_make(&ly, 4, 3, 2, 50, 61, 0.1);
    const int sizes[] = {50};
    dm_moments m;
    moments_of(&m, &ly, 0, ly.T, sizes, 1);
    cr_assert_eq(dm_moments_save(&m, path, &err), 0, "%s", err.msg);
    long len = file_size(path);
    cr_expect_eq(len, 48 + 8 * (8 * 8 + 2 * 8 + 2));

    dm_moments a = {0}; /* zeroed: allocated from the file */
    cr_assert_eq(dm_moments_load(&a, path, &err), 0, "%s", err.msg);
    cr_expect(a.dim[0] == 4 && a.dim[1] == 3 && a.rows == 2 && a.D == 8 && a.n == 50);
    cr_expect_eq(memcmp(a.G, m.G, sizeof(double) * 64), 0);
    cr_expect_eq(memcmp(a.C, m.C, sizeof(double) * 16), 0);
    cr_expect_eq(memcmp(a.ysq, m.ysq, sizeof(double) * 2), 0);

    dm_moments b; /* initialised: sizes must match */
    cr_assert_eq(moments_init2(&b, 4, 3, 2, &err), 0, "%s", err.msg);
    cr_assert_eq(dm_moments_load(&b, path, &err), 0, "%s", err.msg);
    cr_expect_eq(memcmp(b.G, m.G, sizeof(double) * 64), 0);
    dm_moments c;
    cr_assert_eq(moments_init2(&c, 4, 3, 5, &err), 0, "%s", err.msg);
    cr_expect_eq(dm_moments_load(&c, path, &err), -1);
    cr_expect(strstr(err.msg, path) && strstr(err.msg, "expected sizes 4+3, rows 5"),
              "message: %s", err.msg);
    cr_expect_eq(c.rows, 5, "m changed on failure");
    dm_moments_free(&c);

    struct {
        long len, flip;
        const char *msg;
    } cases[] = {
        {len - 1, -1, "truncated"},
        {20, -1, "truncated"},
        {len, 0, "not a dualmod moments file"},
        {len, 8, "version"},
        {len, 12, "bad sizes"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        copy_file(path, bad, cases[i].len, cases[i].flip);
        dm_moments d = {0};
        cr_expect_eq(dm_moments_load(&d, bad, &err), -1, "case %zu loaded", i);
        cr_expect(strstr(err.msg, bad) && strstr(err.msg, cases[i].msg), "case %zu: %s", i,
                  err.msg);
        cr_expect_null(d.G);
    }
    /* trailing data */
    copy_file(path, bad, len, -1);
    FILE *fp = fopen(bad, "ab");
    fputc(0, fp);
    fclose(fp);
    dm_moments d = {0};
    cr_expect_eq(dm_moments_load(&d, bad, &err), -1);
    cr_expect(strstr(err.msg, "trailing data"), "message: %s", err.msg);
    remove(bad);
    cr_expect_eq(dm_moments_load(&d, bad, &err), -1);
    cr_expect(strstr(err.msg, "cannot open"), "message: %s", err.msg);

    dm_moments_free(&a);
    dm_moments_free(&b);
    dm_moments_free(&m);
    layer_free(&ly);
    remove(path);
    rmdir(dir);
}

/* ---- PCA ---------------------------------------------------------------- */

Test(little, pca_orthonormal_and_subspace)
{
    dm_err err = {{0}};
    /* x and h each lie in a 3-dim affine subspace */
    const int in = 12, hid = 10, rows = 5, T = 400;
    layer ly;
    layer_make(&ly, in, hid, rows, T, 71, 0.0);
    trng_seed(72);
    double Bx[12 * 3], Bh[10 * 3], Wx[5 * 12], Wh[5 * 10];
    for (int i = 0; i < 36; i++)
        Bx[i] = gauss();
    for (int i = 0; i < 30; i++)
        Bh[i] = gauss();
    for (int i = 0; i < 60; i++)
        Wx[i] = gauss();
    for (int i = 0; i < 50; i++)
        Wh[i] = gauss();
    for (int t = 0; t < T; t++) {
        double zx[3] = {gauss(), gauss(), gauss()}, zh[3] = {gauss(), gauss(), gauss()};
        for (int i = 0; i < in; i++)
            ly.X[t * in + i] = (float)(1.0 + Bx[i * 3] * zx[0] + Bx[i * 3 + 1] * zx[1] +
                                       Bx[i * 3 + 2] * zx[2]);
        for (int i = 0; i < hid; i++)
            ly.H[t * hid + i] = (float)(0.3 * (Bh[i * 3] * zh[0] + Bh[i * 3 + 1] * zh[1] +
                                               Bh[i * 3 + 2] * zh[2]));
        for (int r = 0; r < rows; r++) {
            double s = 0.5 * r;
            for (int i = 0; i < in; i++)
                s += Wx[r * in + i] * ly.X[t * in + i];
            for (int i = 0; i < hid; i++)
                s += Wh[r * hid + i] * ly.H[t * hid + i];
            ly.Y[t * rows + r] = (float)s;
        }
    }
    const int sizes[] = {128};
    dm_moments m;
    moments_of(&m, &ly, 0, T, sizes, 1);

    for (int s = 0; s < 2; s++) {
        dm_proj p;
        int d = s ? hid : in;
        cr_assert_eq(dm_proj_pca(&p, &m, s, 5, &err), 0, "%s", err.msg);
        cr_expect_eq(p.kind, DM_PROJ_PCA);
        cr_expect(p.k == 5 && p.d == d);
        for (int i = 0; i < 5; i++)
            for (int j = 0; j < 5; j++) {
                double dot = 0.0;
                for (int c = 0; c < d; c++)
                    dot += (double)p.dense[i * d + c] * p.dense[j * d + c];
                cr_expect(fabs(dot - (i == j)) < 1e-5, "stream %d: row %d . row %d = %g", s, i,
                          j, dot);
            }
        dm_proj_free(&p);
    }

    dm_little P, S;
    cr_assert_eq(dm_little_fit(&P, &m, 3, DM_PROJ_PCA, 0, 0.0, &err), 0, "%s", err.msg);
    cr_expect(P.mse < 1e-9 * P.var, "pca mse %g, var %g", P.mse, P.var);
    cr_assert_eq(dm_little_fit(&S, &m, 3, DM_PROJ_SRP, 5, 0.0, &err), 0, "%s", err.msg);
    cr_expect(S.mse >= P.mse - 1e-9 * P.var, "srp mse %g beats pca %g", S.mse, P.mse);
    /* a stream with only 2 projected dims misses signal: PCA k = 2 is not exact */
    dm_little P2;
    cr_assert_eq(dm_little_fit(&P2, &m, 2, DM_PROJ_PCA, 0, 0.0, &err), 0, "%s", err.msg);
    cr_expect(P2.mse > 1e-3 * P2.var, "pca k 2 mse %g", P2.mse);
    dm_little_free(&P);
    dm_little_free(&S);
    dm_little_free(&P2);
    dm_moments_free(&m);
    layer_free(&ly);
}

/* ---- argument checking -------------------------------------------------- */

Test(little, bad_arguments)
{
    dm_err err = {{0}};
    dm_proj p;
    cr_expect_eq(dm_proj_srp(&p, 900, 800, 1, &err), -1);
    cr_expect(strstr(err.msg, "k 900 is larger than the input size 800"), "message: %s",
              err.msg);
    cr_expect_eq(dm_proj_srp(&p, 0, 800, 1, &err), -1);
    cr_expect(strstr(err.msg, "k 0"), "message: %s", err.msg);

    int k;
    cr_expect_eq(dm_jl_k(6000, 0.0, &k, &err), -1);
    cr_expect(strstr(err.msg, "eps 0 is outside (0, 1)"), "message: %s", err.msg);
    cr_expect_eq(dm_jl_k(6000, 1.0, &k, &err), -1);
    cr_expect(strstr(err.msg, "eps 1 is outside (0, 1)"), "message: %s", err.msg);

    layer ly;
    layer_make(&ly, 6, 4, 3, 40, 81, 0.1);
    const int sizes[] = {40};
    dm_moments m;
    moments_of(&m, &ly, 0, ly.T, sizes, 1);
    dm_little L;
    cr_expect_eq(dm_little_fit(&L, &m, 5, DM_PROJ_SRP, 1, 0.1, &err), -1);
    cr_expect(strstr(err.msg, "stream 1") && strstr(err.msg, "k 5 is larger than the input size 4"),
              "message: %s", err.msg);
    cr_expect_null(L.w);
    cr_expect_eq(dm_little_fit(&L, &m, 5, DM_PROJ_PCA, 1, 0.1, &err), -1);
    cr_expect(strstr(err.msg, "k 5 is larger than the input size 4 of stream 1"), "message: %s", err.msg);
    cr_expect_eq(dm_little_fit(&L, &m, 2, DM_PROJ_SRP, 1, -1.0, &err), -1);
    cr_expect(strstr(err.msg, "lambda -1"), "message: %s", err.msg);
    cr_expect_eq(dm_proj_pca(&p, &m, 2, 2, &err), -1);
    cr_expect(strstr(err.msg, "stream 2"), "message: %s", err.msg);

    cr_assert_eq(dm_little_fit(&L, &m, 2, DM_PROJ_SRP, 1, 0.1, &err), 0, "%s", err.msg);
    cr_expect_eq(dm_little_quantize(&L, 17, &m, &err), -1);
    cr_expect(strstr(err.msg, "bits 17: expected 1..16, or 0 for FP32"), "message: %s", err.msg);
    cr_expect_eq(dm_little_quantize(&L, -1, &m, &err), -1);
    cr_expect(strstr(err.msg, "bits -1"), "message: %s", err.msg);
    cr_expect_eq(L.bits, 0, "bits changed by a rejected call");
    dm_little_free(&L);

    /* non-finite input */
    float x[6] = {0}, h[4] = {0}, y[3] = {0};
    h[2] = NAN;
    cr_expect_eq(moments_add2(&m, x, h, y, 1, &err), -1);
    cr_expect(strstr(err.msg, "stream 1, value 2"), "message: %s", err.msg);
    cr_expect_eq(m.n, 40);
    dm_moments_free(&m);

    /* inputs all zero: the projected normal equations are singular, and the fit is the targets' mean (the
     * inputs' weights ~0: see fit_with_dead_inputs) */
    dm_moments z;
    cr_assert_eq(moments_init2(&z, 6, 4, 3, &err), 0, "%s", err.msg);
    h[2] = 0.0f;
    y[1] = 2.5f;
    for (int t = 0; t < 5; t++)
        cr_assert_eq(moments_add2(&z, x, h, y, 1, &err), 0, "%s", err.msg);
    cr_assert_eq(dm_little_fit(&L, &z, 2, DM_PROJ_SRP, 1, 0.0, &err), 0, "%s", err.msg);
    cr_expect(fabsf(L.bias[0]) < 1e-6f && fabsf(L.bias[1] - 2.5f) < 1e-6f, "bias %g %g", L.bias[0], L.bias[1]);
    dm_little_free(&L);
    dm_moments_free(&z);
    /* an empty SRP row with lambda 0 (see fit_matches_direct_solve_srp): its weights ~0, the fit goes on */
    layer l2;
    layer_make(&l2, 7, 5, 6, 100, 21, 0.3);
    dm_moments m2;
    moments_of(&m2, &l2, 0, l2.T, sizes, 1);
    cr_assert_eq(dm_little_fit(&L, &m2, 3, DM_PROJ_SRP, 77, 0.0, &err), 0, "%s", err.msg);
    for (int r = 0; r < L.rows; r++)
        cr_expect(fabsf(L.w[(size_t)r * L.kk + 3]) < 1e-3f, "row %d: weight %g on the empty projection row", r,
                  L.w[(size_t)r * L.kk + 3]);
    dm_little_free(&L);
    dm_moments_free(&m2);
    layer_free(&l2);
    dm_moments e;
    cr_assert_eq(moments_init2(&e, 6, 4, 3, &err), 0, "%s", err.msg);
    cr_expect_eq(dm_little_fit(&L, &e, 2, DM_PROJ_SRP, 1, 0.0, &err), -1);
    cr_expect(strstr(err.msg, "no samples"), "message: %s", err.msg);
    dm_moments_free(&e);
    cr_expect_eq(moments_init2(&e, 0, 4, 3, &err), -1);
    cr_expect(strstr(err.msg, "stream 0 has size 0"), "message: %s", err.msg);
    layer_free(&ly);
}

/* Per-row MSE: each row against a direct pass, and their mean is dm_little_mse. */
Test(little, row_mse_matches_direct_pass)
{
    layer ly;
    layer_make(&ly, 9, 7, 5, 400, 31, 0.3);
    dm_moments m;
    int sizes[] = {64, 37};
    moments_of(&m, &ly, 0, ly.T, sizes, 2);
    dm_little L;
    dm_err err = {{0}};
    cr_assert_eq(dm_little_fit(&L, &m, 4, DM_PROJ_SRP, 5, 0.01, &err), 0, "%s", err.msg);
    cr_assert_eq(dm_little_quantize(&L, 4, &m, &err), 0, "%s", err.msg);
    double rows[5], mean = 0;
    cr_assert_eq(dm_little_row_mse(&L, &m, rows, &err), 0, "%s", err.msg);
    double *Px = dm_proj_to_dense(&L.proj[0]), *Ph = dm_proj_to_dense(&L.proj[1]);
    int k = L.k;
    double uq[9];
    for (int r = 0; r < 5; r++) {
        double sse = 0;
        for (int t = 0; t < ly.T; t++) {
            project_u(Px, Ph, k, &ly, t, uq);
            double y = L.bias[r];
            for (int j = 0; j < 2 * k; j++)
                y += (double)L.wq[(size_t)r * 2 * k + j] * uq[j];
            double e = y - ly.Y[(size_t)t * 5 + r];
            sse += e * e;
        }
        cr_assert(rel_diff(rows[r], sse / ly.T) < 1e-6, "row %d: %g vs direct %g", r, rows[r], sse / ly.T);
        mean += rows[r] / 5;
    }
    cr_assert(rel_diff(mean, dm_little_mse(&L, &m)) < 1e-9, "mean of rows %g vs %g", mean, dm_little_mse(&L, &m));
    free(Px);
    free(Ph);
    dm_little_free(&L);
    dm_moments_free(&m);
    layer_free(&ly);
}

/* The batched forward (calibration) equals the per-step reference within float rounding. */
Test(little, forward_batch_matches_forward)
{
    dm_err err = {{0}};
    layer ly;
    layer_make(&ly, 24, 20, 37, 300, 77, 0.3);
    const int sizes[] = {300};
    dm_moments m;
    moments_of(&m, &ly, 0, ly.T, sizes, 1);
    const int bits[] = {0, 8, 4, 2, 16};
    for (size_t b = 0; b < sizeof bits / sizeof bits[0]; b++) {
        dm_little L;
        cr_assert_eq(dm_little_fit(&L, &m, 7, DM_PROJ_SRP, 3, 0.01, &err), 0, "%s", err.msg);
        cr_assert_eq(dm_little_quantize(&L, bits[b], &m, &err), 0, "%s", err.msg);
        const int T = 300, ld = 24 + 20 + 3; /* a stride wider than the row */
        float *xh = calloc((size_t)T * ld, sizeof(float)), *yb = calloc((size_t)T * 37, sizeof(float));
        float scratch[14], y[37];
        cr_assert(xh && yb);
        for (int t = 0; t < T; t++) {
            memcpy(xh + (size_t)t * ld, ly.X + (size_t)t * 24, 24 * sizeof(float));
            memcpy(xh + (size_t)t * ld + 24, ly.H + (size_t)t * 20, 20 * sizeof(float));
        }
        cr_assert_eq(dm_little_forward_batch(&L, xh, ld, T, yb, &err), 0, "%s", err.msg);
        for (int t = 0; t < T; t++) {
            little_forward2(&L, ly.X + (size_t)t * 24, ly.H + (size_t)t * 20, scratch, y);
            for (int r = 0; r < 37; r++) {
                double mag = fabs(L.bias[r]);
                for (int j = 0; j < 14; j++)
                    mag += fabs(L.wq[r * 14 + j]) * fabs(scratch[j]);
                cr_assert(fabs(yb[(size_t)t * 37 + r] - y[r]) <= 1e-5 * fmax(mag, 1e-3), "bits %d t %d r %d: %g vs %g",
                          bits[b], t, r, (double)yb[(size_t)t * 37 + r], (double)y[r]);
            }
        }
        free(xh);
        free(yb);
        dm_little_free(&L);
    }
    dm_moments_free(&m);
    layer_free(&ly);
}

/* ---- dm_sort_floats (the calibration scores' sort) against qsort ---- */

static int cmp_float_ref(const void *a, const void *b)
{
    float x = *(const float *)a, y = *(const float *)b;
    return x < y ? -1 : x > y;
}

Test(little, sort_floats_matches_qsort)
{
    uint64_t s = 12345;
    size_t ns[] = {0, 1, 2, 3, 17, 1000, 100003};
    for (size_t t = 0; t < sizeof ns / sizeof ns[0]; t++) {
        size_t n = ns[t];
        float *a = malloc((n ? n : 1) * sizeof *a), *b = malloc((n ? n : 1) * sizeof *b);
        cr_assert(a && b);
        for (size_t i = 0; i < n; i++) {
            s = s * 6364136223846793005ULL + 1442695040888963407ULL;
            uint32_t r = (uint32_t)(s >> 33);
            /* a mix of scales and signs, repeated values, infinities, denormals */
            float x = (float)((double)r / 2147483648.0 - 0.5) * (float)(1 << (r % 20)) / 1024.0f;
            if (r % 97 == 0)
                x = r % 2 ? INFINITY : -INFINITY;
            else if (r % 89 == 0)
                x = 1e-42f * (r % 3 ? 1 : -1);
            else if (r % 7 == 0)
                x = 0.25f;
            a[i] = b[i] = x;
        }
        cr_assert_eq(dm_sort_floats(a, n), 0);
        qsort(b, n, sizeof *b, cmp_float_ref);
        for (size_t i = 0; i < n; i++)
            cr_assert(a[i] == b[i], "n %zu: element %zu is %g, qsort's %g", n, i, (double)a[i], (double)b[i]);
        free(a), free(b);
    }
}

/* Targets that are an affine map of the inputs: their moments derived from
 * the inputs' (dm_moments_set_linear) equal the accumulated ones. */
Test(little, moments_of_a_linear_map)
{
    dm_err err;
    int dims[2] = {5, 7}, D = 13, rows = 9, T = 300;
    uint64_t s = 99;
    float *U = malloc(sizeof(float) * (size_t)T * 12), *Y = malloc(sizeof(float) * (size_t)T * rows);
    float *W = malloc(sizeof(float) * (size_t)rows * 12), *b = malloc(sizeof(float) * (size_t)rows);
    float *P = malloc(sizeof(float) * (size_t)D * rows);
    cr_assert(U && Y && W && b && P);
    for (int i = 0; i < rows * 12; i++) {
        s = s * 6364136223846793005ULL + 1442695040888963407ULL;
        W[i] = (float)((double)(s >> 40) / (double)(1ULL << 24) - 0.5);
    }
    for (int r = 0; r < rows; r++)
        b[r] = 0.1f * (float)(r - 4);
    for (int i = 0; i < T * 12; i++) {
        s = s * 6364136223846793005ULL + 1442695040888963407ULL;
        U[i] = (float)((double)(s >> 40) / (double)(1ULL << 24) * 2 - 1);
    }
    /* Y = W u + b (double, rounded once), and P: the map of e_j and of 0 */
    for (int t = 0; t < T; t++)
        for (int r = 0; r < rows; r++) {
            double a = b[r];
            for (int j = 0; j < 12; j++)
                a += (double)W[r * 12 + j] * U[t * 12 + j];
            Y[t * rows + r] = (float)a;
        }
    for (int j = 0; j < D; j++)
        for (int r = 0; r < rows; r++)
            P[j * rows + r] = (j < 12 ? W[r * 12 + j] : 0.0f) + b[r];
    dm_moments a, l;
    cr_assert_eq(dm_moments_init(&a, 2, dims, rows, &err), 0, "%s", err.msg);
    cr_assert_eq(dm_moments_init(&l, 2, dims, rows, &err), 0, "%s", err.msg);
    cr_assert_eq(dm_moments_add(&a, U, 12, Y, T, &err), 0, "%s", err.msg);
    cr_assert_eq(dm_moments_add_inputs(&l, U, 12, 100, &err), 0, "%s", err.msg);
    cr_assert_eq(dm_moments_add_inputs(&l, U + 100 * 12, 12, T - 100, &err), 0, "%s", err.msg);
    cr_assert_eq(dm_moments_set_linear(&l, P, (size_t)rows, &err), 0, "%s", err.msg);
    cr_expect_eq(l.n, a.n);
    for (int i = 0; i < D * D; i++)
        cr_assert(fabs(l.G[i] - a.G[i]) <= 1e-12 * (1 + fabs(a.G[i])), "G[%d]", i);
    for (int i = 0; i < rows * D; i++)
        cr_assert(fabs(l.C[i] - a.C[i]) <= 1e-6 * (1 + fabs(a.C[i])), "C[%d]: %.9g vs %.9g", i, l.C[i], a.C[i]);
    for (int r = 0; r < rows; r++)
        cr_assert(fabs(l.ysq[r] - a.ysq[r]) <= 1e-6 * (1 + a.ysq[r]), "ysq[%d]: %.9g vs %.9g", r, l.ysq[r], a.ysq[r]);
    /* a map that is not finite is refused */
    P[3] = NAN;
    cr_expect_neq(dm_moments_set_linear(&l, P, (size_t)rows, &err), 0);
    cr_expect(strstr(err.msg, "not finite") != NULL, "%s", err.msg);
    dm_moments_free(&a), dm_moments_free(&l);
    free(U), free(Y), free(W), free(b), free(P);
}

/* The run-time input quantization (dm_little_quantize_proj; AVX2 where the
 * CPU has it) against the definition written out with libm: s = max|v| / 127
 * (NaN ignored), v = clamp(roundf(v / s), -127, 127) * s, bit for bit, on
 * every length 1..70 (vector bodies and tails), with exact halves, integers,
 * +-0, denormals, infinities and NaN; FP32 modules are left alone. */
Test(little, input_quantization_matches_its_definition)
{
    dm_little L;
    memset(&L, 0, sizeof L);
    L.bits = 8;
    uint64_t st = 2463534242ULL;
    float v[70], ref[70];
    for (int it = 0; it < 4000; it++) {
        int n = 1 + it % 70;
        for (int i = 0; i < n; i++) {
            st ^= st << 13, st ^= st >> 7, st ^= st << 17;
            uint32_t r = (uint32_t)(st >> 32);
            float f;
            switch (it % 6) {
            case 0: f = ((float)(r % 2001) - 1000.0f) / 7.0f; break; /* ties after scaling */
            case 1: memcpy(&f, &r, sizeof f); break;                  /* any bits */
            case 2: f = (float)((int)(r % 255) - 127); break;
            case 3: f = r % 3 == 0 ? -0.0f : ((float)r / 4294967296.0f - 0.5f) * 1e-38f; break;
            case 4: f = r % 17 == 0 ? INFINITY : r % 19 == 0 ? NAN : (float)r / 4294967296.0f - 0.5f; break;
            default: f = (float)r / 4294967296.0f - 0.5f;
            }
            v[i] = ref[i] = f;
        }
        float mx = 0.0f;
        for (int i = 0; i < n; i++)
            if (fabsf(ref[i]) > mx)
                mx = fabsf(ref[i]);
        if (mx > 0.0f) {
            float sc = mx / 127.0f;
            for (int i = 0; i < n; i++) {
                float q = roundf(ref[i] / sc);
                q = q > 127.0f ? 127.0f : q < -127.0f ? -127.0f : q;
                ref[i] = q * sc;
            }
        }
        L.kk = n;
        dm_little_quantize_proj(&L, v, 1);
        for (int i = 0; i < n; i++)
            cr_assert(!memcmp(&v[i], &ref[i], sizeof(float)) || (isnan(v[i]) && isnan(ref[i])),
                      "case %d n %d value %d: %a, expected %a", it, n, i, v[i], ref[i]);
    }
    L.bits = 0; /* FP32: no quantization */
    float w[3] = {0.3f, -1.7f, 2.5f}, w0[3];
    memcpy(w0, w, sizeof w);
    L.kk = 3;
    dm_little_quantize_proj(&L, w, 1);
    cr_expect(!memcmp(w, w0, sizeof w));
}
