/* little.c - the little module of dual-module inference (see little.h).
 *
 * Three parts:
 *   - projections: the sparse random projection (SRP, Achlioptas), generated
 *     deterministically from a seed by a private xoshiro256** stream (never
 *     rand()), stored as CSR rows of signs; and the data-aware PCA projection
 *     (top-k eigenvectors of a stream's centred covariance, LAPACK dsyevr),
 *     stored dense;
 *   - moments: G = sum u u^T and C = sum y u^T with u = [s_0; s_1; ...; 1], gathered
 *     in double with BLAS (dsyrk, dgemm) over chunks of samples, saved to and
 *     loaded from a small little-endian binary file;
 *   - the module: closed-form ridge least squares in the projected space
 *     (A = Q G Q^T, B = C Q^T, A X^T = B^T by Cholesky, dposv), per-row
 *     symmetric weight quantization, the exact MSE from the moments, the byte
 *     count and a plain reference forward pass.
 *
 * Invariants: a dm_moments always holds G full symmetric (both triangles);
 * a fitted dm_little owns every buffer it points to, wq holds exactly the
 * weights used at run time, and pm_A / pm_B hold the projected moments of the
 * data the module was fitted on (so dm_little_mse needs no refit). Functions
 * that fail return -1 with one line in err and leave their output zeroed (or,
 * for dm_moments_load into an initialised m, untouched). The constructors
 * (dm_proj_srp, dm_proj_pca, dm_moments_init, dm_little_fit) overwrite their
 * output without freeing it: free a previous value first.
 *
 * Seeds: an SRP fit with seed s draws stream i's projection from
 * s + i * 0x9e3779b97f4a7c15 (recorded in proj[i].seed), so two streams
 * never share a projection even when their sizes agree (for a cell: x from
 * s, h from s + 0x9e3779b97f4a7c15, as before N-stream modules). */
#define _POSIX_C_SOURCE 200809L
#include "little.h"

#include <cblas.h>
#include <errno.h>
#include <immintrin.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

/* LAPACK (Fortran ABI, shipped inside OpenBLAS); the trailing size_t
 * arguments are the hidden lengths of the character arguments. */
extern void dsyevr_(const char *jobz, const char *range, const char *uplo, const int *n,
                    double *a, const int *lda, const double *vl, const double *vu,
                    const int *il, const int *iu, const double *abstol, int *m, double *w,
                    double *z, const int *ldz, int *isuppz, double *work, const int *lwork,
                    int *iwork, const int *liwork, int *info, size_t ljobz, size_t lrange,
                    size_t luplo);
extern void dposv_(const char *uplo, const int *n, const int *nrhs, double *a, const int *lda,
                   double *b, const int *ldb, int *info, size_t luplo);

/* Samples converted to double per BLAS call in dm_moments_add. */
#define ADD_CHUNK 256
/* Rows per block when evaluating the MSE. */
#define MSE_CHUNK 512

#define MOMENTS_MAGIC "DMMOMNT\n"
#define MOMENTS_VERSION 2u
#define MOMENTS_HEADER 48 /* v2: magic 8, version 4, ns/rows/D 3 x 4, n 8, dims 4 x 4 (v1: in/hid/rows/D, n, pad) */
#define SEED_STEP 0x9e3779b97f4a7c15ULL

/* ---- PRNG: splitmix64 seeds xoshiro256** -------------------------------- */

typedef struct rng {
    uint64_t s[4];
} rng;

static uint64_t splitmix64(uint64_t *x)
{
    uint64_t z = (*x += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

static void rng_seed(rng *r, uint64_t seed)
{
    uint64_t x = seed;
    for (int i = 0; i < 4; i++)
        r->s[i] = splitmix64(&x);
}

static uint64_t rotl(uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

static uint64_t rng_next(rng *r)
{
    uint64_t *s = r->s;
    uint64_t out = rotl(s[1] * 5, 7) * 9;
    uint64_t t = s[1] << 17;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 45);
    return out;
}

/* Uniform in [0, 6) from the top 32 bits (bias below 2^-32). */
static int rng_six(rng *r) { return (int)(((rng_next(r) >> 32) * 6u) >> 32); }

/* ---- projections -------------------------------------------------------- */

const char *dm_proj_name(dm_proj_kind k)
{
    switch (k) {
    case DM_PROJ_SRP:
        return "srp";
    case DM_PROJ_PCA:
        return "pca";
    }
    return "unknown";
}

int dm_jl_k(int n, double eps, int *k, dm_err *err)
{
    if (!(eps > 0.0 && eps < 1.0))
        return dm_errf(err, "jl bound: eps %g is outside (0, 1)", eps);
    if (n < 2)
        return dm_errf(err, "jl bound: n %d is too small (expected at least 2 rows)", n);
    double v = floor(4.0 * log((double)n) / (eps * eps / 2.0 - eps * eps * eps / 3.0));
    if (v < 1.0)
        return dm_errf(err, "jl bound: n %d, eps %g give k %g (expected at least 1)", n, eps, v);
    if (v > INT_MAX)
        return dm_errf(err, "jl bound: n %d, eps %g give k %g, too large", n, eps, v);
    *k = (int)v;
    return 0;
}

void dm_proj_free(dm_proj *p)
{
    if (!p)
        return;
    dm_free(p->rowptr);
    dm_free(p->cols);
    dm_free(p->sign);
    dm_free(p->dense);
    memset(p, 0, sizeof *p);
}

/* Entry (j, c) is drawn in row-major order from one stream: 0 -> +1,
 * 1 -> -1, 2..5 -> 0, so each sign has probability 1/6. Generated twice
 * (count, then fill) to size the arrays exactly without a k x d buffer. */
int dm_proj_srp(dm_proj *p, int k, int d, uint64_t seed, dm_err *err)
{
    memset(p, 0, sizeof *p);
    if (d < 1)
        return dm_errf(err, "srp projection: input size %d (expected at least 1)", d);
    if (k < 1)
        return dm_errf(err, "srp projection: k %d (expected at least 1)", k);
    if (k > d)
        return dm_errf(err, "srp projection: k %d is larger than the input size %d", k, d);
    if ((long long)k * d > INT_MAX)
        return dm_errf(err, "srp projection: k %d x input size %d is too large", k, d);

    rng r;
    rng_seed(&r, seed);
    long long nnz = 0;
    for (long long i = 0; i < (long long)k * d; i++)
        nnz += rng_six(&r) < 2;

    p->kind = DM_PROJ_SRP;
    p->k = k;
    p->d = d;
    p->seed = seed;
    p->scale = (float)sqrt(3.0 / k);
    p->rowptr = dm_alloc(sizeof(int) * ((size_t)k + 1));
    p->cols = dm_alloc(sizeof(int) * (size_t)nnz);
    p->sign = dm_alloc((size_t)nnz);
    if (!p->rowptr || !p->cols || !p->sign) {
        dm_proj_free(p);
        return dm_errf(err, "srp projection: out of memory (k %d, input size %d)", k, d);
    }
    rng_seed(&r, seed);
    int n = 0;
    for (int j = 0; j < k; j++) {
        p->rowptr[j] = n;
        for (int c = 0; c < d; c++) {
            int v = rng_six(&r);
            if (v < 2) {
                p->cols[n] = c;
                p->sign[n] = v == 0 ? 1 : -1;
                n++;
            }
        }
    }
    p->rowptr[k] = n;
    return 0;
}

/* Reference: accumulates in double, rounds each output once to float. */
void dm_proj_apply(const dm_proj *p, const float *x, float *out)
{
    if (p->kind == DM_PROJ_SRP) {
        for (int j = 0; j < p->k; j++) {
            double s = 0.0;
            for (int i = p->rowptr[j]; i < p->rowptr[j + 1]; i++)
                s += p->sign[i] * (double)x[p->cols[i]];
            out[j] = (float)(s * p->scale);
        }
    } else {
        /* a block projection (dm_proj_pca_blocks) is block diagonal: row j of
         * block b reads only run b of x (the same sum: the rest is zeros) */
        int nb = p->blocks > 1 ? p->blocks : 1, kb = p->k / nb, db = p->d / nb;
        for (int j = 0; j < p->k; j++) {
            int c0 = (j / kb) * db, c1 = c0 + db; /* one block: 0 and d */
            const float *row = p->dense + (size_t)j * p->d;
            double s = 0.0;
            for (int c = c0; c < c1; c++)
                s += (double)row[c] * x[c];
            out[j] = (float)s;
        }
    }
}

double *dm_proj_to_dense(const dm_proj *p)
{
    double *q = calloc((size_t)p->k * (size_t)p->d, sizeof *q);
    if (!q)
        return NULL;
    if (p->kind == DM_PROJ_SRP) {
        for (int j = 0; j < p->k; j++)
            for (int i = p->rowptr[j]; i < p->rowptr[j + 1]; i++)
                q[(size_t)j * p->d + p->cols[i]] = p->sign[i] * (double)p->scale;
    } else {
        for (size_t i = 0; i < (size_t)p->k * (size_t)p->d; i++)
            q[i] = p->dense[i];
    }
    return q;
}

/* SRP: each non-zero reads a 4-byte column index and a 1-byte sign, plus the
 * (k + 1) 4-byte row offsets and the 4-byte scale. PCA: k x d floats. */
size_t dm_proj_bytes(const dm_proj *p)
{
    if (p->kind == DM_PROJ_SRP) {
        if (!p->rowptr)
            return 0;
        size_t nnz = (size_t)p->rowptr[p->k];
        return nnz * (sizeof(int) + 1) + ((size_t)p->k + 1) * sizeof(int) + sizeof(float);
    }
    /* a block projection reads its diagonal blocks only */
    return (size_t)p->k * (size_t)(p->blocks > 1 ? p->d / p->blocks : p->d) * sizeof(float);
}

/* ---- moments ------------------------------------------------------------ */

int dm_moments_init(dm_moments *m, int ns, const int *dims, int rows, dm_err *err)
{
    memset(m, 0, sizeof *m);
    if (ns < 1 || ns > DM_MAX_STREAMS)
        return dm_errf(err, "moments: %d input streams (expected 1..%d)", ns, DM_MAX_STREAMS);
    long long D = 1;
    for (int s = 0; s < ns; s++) {
        if (dims[s] < 1 || rows < 1)
            return dm_errf(err, "moments: stream %d has size %d, rows %d (expected all at least 1)", s,
                           dims[s], rows);
        m->off[s] = (int)(D - 1);
        m->dim[s] = dims[s];
        D += dims[s];
        if (D > 46340)
            return dm_errf(err, "moments: inputs of %lld values are too many for a D x D matrix", D - 1);
    }
    m->ns = ns;
    m->rows = rows;
    m->D = (int)D;
    m->G = dm_alloc(sizeof(double) * (size_t)D * (size_t)D);
    m->C = dm_alloc(sizeof(double) * (size_t)rows * (size_t)D);
    m->ysq = dm_alloc(sizeof(double) * (size_t)rows);
    if (!m->G || !m->C || !m->ysq) {
        dm_moments_free(m);
        return dm_errf(err, "moments: out of memory (D %lld, rows %d)", D, rows);
    }
    return 0;
}

void dm_moments_free(dm_moments *m)
{
    if (!m)
        return;
    dm_free(m->G);
    dm_free(m->C);
    dm_free(m->ysq);
    memset(m, 0, sizeof *m);
}

static int check_finite(const float *a, int T, int cols, const char *name, dm_err *err)
{
    for (int t = 0; t < T; t++)
        for (int j = 0; j < cols; j++)
            if (!isfinite(a[(size_t)t * cols + j]))
                return dm_errf(err, "moments add: %s[%d][%d] is %g (expected a finite value)",
                               name, t, j, (double)a[(size_t)t * cols + j]);
    return 0;
}

static int moments_add(dm_moments *m, const float *U, size_t ldu, const float *Y, int T, dm_err *err);

int dm_moments_add(dm_moments *m, const float *U, size_t ldu, const float *Y, int T, dm_err *err)
{
    if (T > 0 && !Y)
        return dm_errf(err, "moments add: NULL Y");
    return moments_add(m, U, ldu, Y, T, err);
}

int dm_moments_add_inputs(dm_moments *m, const float *U, size_t ldu, int T, dm_err *err)
{
    return moments_add(m, U, ldu, NULL, T, err);
}

int dm_moments_set_linear(dm_moments *m, const float *P, size_t ldp, dm_err *err)
{
    if (!m || !m->G)
        return dm_errf(err, "moments linear: moments not initialised");
    const int D = m->D, rows = m->rows;
    double *Wt = dm_alloc(sizeof(double) * (size_t)D * (size_t)rows);
    if (!Wt)
        return dm_errf(err, "moments linear: out of memory (%d x %d)", D, rows);
    /* Wt = [A^T ; b^T]: row j < D - 1 is the map of e_j less the bias, row D - 1 the bias */
    const float *b = P + (size_t)(D - 1) * ldp;
    for (int j = 0; j < D; j++) {
        const float *pj = P + (size_t)j * ldp;
        double *w = Wt + (size_t)j * rows;
        for (int r = 0; r < rows; r++) {
            double v = j == D - 1 ? (double)b[r] : (double)pj[r] - (double)b[r];
            if (!isfinite(v)) {
                dm_free(Wt);
                return dm_errf(err, "moments linear: the map's row %d, input %d is not finite", r, j);
            }
            w[r] = v;
        }
    }
    /* C = W G (rows x D); ysq[r] = w_r^T G w_r = C[r] . w_r */
    cblas_dgemm(CblasRowMajor, CblasTrans, CblasNoTrans, rows, D, D, 1.0, Wt, rows, m->G, D, 0.0, m->C, D);
    for (int r = 0; r < rows; r++) {
        double q = 0;
        const double *c = m->C + (size_t)r * D;
        for (int j = 0; j < D; j++)
            q += c[j] * Wt[(size_t)j * rows + r];
        m->ysq[r] = q > 0 ? q : 0;
    }
    dm_free(Wt);
    return 0;
}

static int moments_add(dm_moments *m, const float *U, size_t ldu, const float *Y, int T, dm_err *err)
{
    if (!m || !m->G)
        return dm_errf(err, "moments add: moments not initialised");
    if (T < 0)
        return dm_errf(err, "moments add: T %d (expected at least 0)", T);
    if (T == 0)
        return 0;
    if (!U)
        return dm_errf(err, "moments add: NULL U");
    const int D = m->D, rows = m->rows;
    for (int t = 0; t < T; t++)
        for (int j = 0; j < D - 1; j++)
            if (!isfinite(U[(size_t)t * ldu + j])) {
                int st = m->ns - 1;
                while (st > 0 && j < m->off[st])
                    st--;
                return dm_errf(err, "moments add: sample %d, stream %d, value %d is %g (expected a finite value)",
                               t, st, j - m->off[st], (double)U[(size_t)t * ldu + j]);
            }
    if (Y && check_finite(Y, T, m->rows, "Y", err))
        return -1;

    int tb = T < ADD_CHUNK ? T : ADD_CHUNK;
    double *Ud = dm_alloc(sizeof(double) * (size_t)tb * (size_t)D);
    double *Yd = Y ? dm_alloc(sizeof(double) * (size_t)tb * (size_t)rows) : NULL;
    if (!Ud || (Y && !Yd)) {
        dm_free(Ud);
        dm_free(Yd);
        return dm_errf(err, "moments add: out of memory (chunk %d x %d)", tb, D);
    }
    for (int t0 = 0; t0 < T; t0 += tb) {
        int nt = T - t0 < tb ? T - t0 : tb;
        for (int t = 0; t < nt; t++) {
            const float *x = U + (size_t)(t0 + t) * ldu;
            double *u = Ud + (size_t)t * D;
            for (int j = 0; j < D - 1; j++)
                u[j] = x[j];
            u[D - 1] = 1.0;
            if (!Y)
                continue;
            const float *y = Y + (size_t)(t0 + t) * rows;
            double *yd = Yd + (size_t)t * rows;
            for (int r = 0; r < rows; r++) {
                yd[r] = y[r];
                m->ysq[r] += (double)y[r] * y[r];
            }
        }
        /* upper triangle of G += U^T U; C += Yd^T U */
        cblas_dsyrk(CblasRowMajor, CblasUpper, CblasTrans, D, nt, 1.0, Ud, D, 1.0, m->G, D);
        if (Y)
            cblas_dgemm(CblasRowMajor, CblasTrans, CblasNoTrans, rows, D, nt, 1.0, Yd, rows, Ud, D, 1.0, m->C, D);
    }
    for (int i = 0; i < D; i++)
        for (int j = 0; j < i; j++)
            m->G[(size_t)i * D + j] = m->G[(size_t)j * D + i];
    m->n += T;
    dm_free(Ud);
    dm_free(Yd);
    return 0;
}

/* File: magic "DMMOMNT\n", u32 version 2, u32 ns, rows, D, u64 n, u32
 * dims[4] (zero past ns) (header of 48 bytes), then G (D x D), C (rows x D),
 * ysq (rows) as little-endian IEEE doubles. Written to PATH.tmp, then
 * renamed. Version 1 (read only): u32 in, hid, rows, D, u64 n, 12 zero
 * bytes: two streams. */

static void put_u32(unsigned char *b, uint32_t v)
{
    for (int i = 0; i < 4; i++)
        b[i] = (unsigned char)(v >> (8 * i));
}

static void put_u64(unsigned char *b, uint64_t v)
{
    for (int i = 0; i < 8; i++)
        b[i] = (unsigned char)(v >> (8 * i));
}

static uint32_t get_u32(const unsigned char *b)
{
    uint32_t v = 0;
    for (int i = 0; i < 4; i++)
        v |= (uint32_t)b[i] << (8 * i);
    return v;
}

static uint64_t get_u64(const unsigned char *b)
{
    uint64_t v = 0;
    for (int i = 0; i < 8; i++)
        v |= (uint64_t)b[i] << (8 * i);
    return v;
}

static int write_doubles(FILE *fp, const double *a, size_t n)
{
    unsigned char buf[8 * 512];
    while (n > 0) {
        size_t c = n < 512 ? n : 512;
        for (size_t i = 0; i < c; i++) {
            uint64_t u;
            memcpy(&u, &a[i], 8);
            put_u64(buf + 8 * i, u);
        }
        if (fwrite(buf, 8, c, fp) != c)
            return -1;
        a += c;
        n -= c;
    }
    return 0;
}

static int read_doubles(FILE *fp, double *a, size_t n)
{
    unsigned char buf[8 * 512];
    while (n > 0) {
        size_t c = n < 512 ? n : 512;
        if (fread(buf, 8, c, fp) != c)
            return -1;
        for (size_t i = 0; i < c; i++) {
            uint64_t u = get_u64(buf + 8 * i);
            memcpy(&a[i], &u, 8);
        }
        a += c;
        n -= c;
    }
    return 0;
}

int dm_moments_save(const dm_moments *m, const char *path, dm_err *err)
{
    if (!m || !m->G)
        return dm_errf(err, "%s: moments not initialised", path);
    size_t lp = strlen(path);
    char *tmp = malloc(lp + 5);
    if (!tmp)
        return dm_errf(err, "%s: out of memory", path);
    memcpy(tmp, path, lp);
    memcpy(tmp + lp, ".tmp", 5);
    FILE *fp = fopen(tmp, "wb");
    if (!fp) {
        dm_errf(err, "%s: cannot create: %s", tmp, strerror(errno));
        free(tmp);
        return -1;
    }
    unsigned char h[MOMENTS_HEADER] = {0};
    memcpy(h, MOMENTS_MAGIC, 8);
    put_u32(h + 8, MOMENTS_VERSION);
    put_u32(h + 12, (uint32_t)m->ns);
    put_u32(h + 16, (uint32_t)m->rows);
    put_u32(h + 20, (uint32_t)m->D);
    put_u64(h + 24, (uint64_t)m->n);
    for (int s = 0; s < m->ns; s++)
        put_u32(h + 32 + 4 * s, (uint32_t)m->dim[s]);
    size_t D = (size_t)m->D, rows = (size_t)m->rows;
    int bad = fwrite(h, 1, sizeof h, fp) != sizeof h || write_doubles(fp, m->G, D * D) ||
              write_doubles(fp, m->C, rows * D) || write_doubles(fp, m->ysq, rows);
    int saved_errno = errno;
    if (fclose(fp) != 0 && !bad) {
        bad = 1;
        saved_errno = errno;
    }
    if (bad) {
        remove(tmp);
        dm_errf(err, "%s: write failed: %s", tmp, strerror(saved_errno));
        free(tmp);
        return -1;
    }
    if (rename(tmp, path) != 0) {
        saved_errno = errno;
        remove(tmp);
        dm_errf(err, "%s: cannot rename %s over it: %s", path, tmp, strerror(saved_errno));
        free(tmp);
        return -1;
    }
    free(tmp);
    return 0;
}

int dm_moments_load(dm_moments *m, const char *path, dm_err *err)
{
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return dm_errf(err, "%s: cannot open: %s", path, strerror(errno));
    unsigned char h[MOMENTS_HEADER];
    dm_moments t = {0};
    long long flen = -1;
    if (fseek(fp, 0, SEEK_END) == 0)
        flen = ftell(fp);
    if (flen < 0 || fseek(fp, 0, SEEK_SET) != 0) {
        dm_errf(err, "%s: cannot determine the file size: %s", path, strerror(errno));
        goto fail;
    }
    if (flen < MOMENTS_HEADER || fread(h, 1, sizeof h, fp) != sizeof h) {
        dm_errf(err, "%s: truncated: %lld bytes, shorter than the %d-byte header", path, flen,
                MOMENTS_HEADER);
        goto fail;
    }
    if (memcmp(h, MOMENTS_MAGIC, 8) != 0) {
        dm_errf(err, "%s: not a dualmod moments file (bad magic)", path);
        goto fail;
    }
    uint32_t ver = get_u32(h + 8), ns, rows, D, dims[DM_MAX_STREAMS] = {0};
    uint64_t n;
    if (ver == 1) {
        ns = 2;
        dims[0] = get_u32(h + 12), dims[1] = get_u32(h + 16);
        rows = get_u32(h + 20), D = get_u32(h + 24), n = get_u64(h + 28);
    } else if (ver == MOMENTS_VERSION) {
        ns = get_u32(h + 12), rows = get_u32(h + 16), D = get_u32(h + 20), n = get_u64(h + 24);
        for (uint32_t s = 0; s < ns && s < DM_MAX_STREAMS; s++)
            dims[s] = get_u32(h + 32 + 4 * s);
    } else {
        dm_errf(err, "%s: moments file version %u (expected 1 or %u)", path, ver, MOMENTS_VERSION);
        goto fail;
    }
    uint64_t dsum = 1;
    int bad = ns < 1 || ns > DM_MAX_STREAMS || rows < 1 || rows > (1u << 28);
    for (uint32_t s = 0; !bad && s < ns; s++) {
        bad = dims[s] < 1 || dims[s] > 46340;
        dsum += dims[s];
    }
    if (bad || D != dsum || D > 46340) {
        dm_errf(err, "%s: bad sizes: %u stream(s), rows %u, D %u (expected 1..%d streams and D = 1 + their sizes)",
                path, ns, rows, D, DM_MAX_STREAMS);
        goto fail;
    }
    if (n > (uint64_t)LONG_MAX) {
        dm_errf(err, "%s: bad sample count %llu", path, (unsigned long long)n);
        goto fail;
    }
    if (m->G) {
        int same = m->ns == (int)ns && m->rows == (int)rows;
        for (uint32_t s = 0; same && s < ns; s++)
            same = m->dim[s] == (int)dims[s];
        if (!same) {
            char got[64] = "", want[64] = "";
            for (uint32_t s = 0; s < ns; s++)
                snprintf(got + strlen(got), sizeof got - strlen(got), "%s%u", s ? "+" : "", dims[s]);
            for (int s = 0; s < m->ns; s++)
                snprintf(want + strlen(want), sizeof want - strlen(want), "%s%d", s ? "+" : "", m->dim[s]);
            dm_errf(err, "%s: sizes %s, rows %u (expected sizes %s, rows %d)", path, got, rows, want, m->rows);
            goto fail;
        }
    }
    long long want = MOMENTS_HEADER + 8LL * ((long long)D * D + (long long)rows * D + rows);
    if (flen != want) {
        dm_errf(err, "%s: %s: %lld bytes (expected %lld for D %u, rows %u)", path,
                flen < want ? "truncated" : "trailing data", flen, want, D, rows);
        goto fail;
    }
    int idims[DM_MAX_STREAMS];
    for (uint32_t s = 0; s < ns; s++)
        idims[s] = (int)dims[s];
    if (dm_moments_init(&t, (int)ns, idims, (int)rows, err) != 0) {
        dm_err_prefix(err, "%s", path);
        goto fail;
    }
    if (read_doubles(fp, t.G, (size_t)D * D) || read_doubles(fp, t.C, (size_t)rows * D) ||
        read_doubles(fp, t.ysq, rows)) {
        dm_errf(err, "%s: read failed", path);
        goto fail;
    }
    t.n = (long)n;
    fclose(fp);
    dm_moments_free(m);
    *m = t;
    return 0;
fail:
    fclose(fp);
    dm_moments_free(&t);
    return -1;
}

/* ---- PCA projection ----------------------------------------------------- */

/* The k leading eigenvectors of the symmetric N x N matrix a (destroyed) as
 * the rows of p->dense (k x N), each with its largest-magnitude entry positive. */
static int pca_from_cov(dm_proj *p, double *a, int N, int k, const char *sname, dm_err *err)
{
    double *w = malloc(sizeof(double) * (size_t)N);
    double *z = malloc(sizeof(double) * (size_t)N * k);
    int *isuppz = malloc(sizeof(int) * 2 * (size_t)k);
    double *work = NULL;
    int *iwork = NULL;
    int rc = -1;
    if (!w || !z || !isuppz) {
        dm_errf(err, "pca projection: out of memory (size %d)", N);
        goto out;
    }
    int il = N - k + 1, iu = N, found = 0, info = 0, lwork = -1, liwork = -1, iq;
    double vl = 0.0, vu = 0.0, abstol = 0.0, wq;
    dsyevr_("V", "I", "U", &N, a, &N, &vl, &vu, &il, &iu, &abstol, &found, w, z, &N, isuppz,
            &wq, &lwork, &iq, &liwork, &info, 1, 1, 1);
    if (info != 0) {
        dm_errf(err, "pca projection: dsyevr workspace query failed (info %d)", info);
        goto out;
    }
    lwork = (int)wq;
    liwork = iq;
    work = malloc(sizeof(double) * (size_t)lwork);
    iwork = malloc(sizeof(int) * (size_t)liwork);
    if (!work || !iwork) {
        dm_errf(err, "pca projection: out of memory (dsyevr workspace)");
        goto out;
    }
    dsyevr_("V", "I", "U", &N, a, &N, &vl, &vu, &il, &iu, &abstol, &found, w, z, &N, isuppz,
            work, &lwork, iwork, &liwork, &info, 1, 1, 1);
    if (info != 0 || found != k) {
        dm_errf(err, "pca projection: eigensolver failed on stream %s (info %d, %d of %d "
                "eigenvectors)", sname, info, found, k);
        goto out;
    }
    p->dense = dm_alloc(sizeof(float) * (size_t)k * N);
    if (!p->dense) {
        dm_errf(err, "pca projection: out of memory (%d x %d)", k, N);
        goto out;
    }
    /* z is column-major (N x k), eigenvalues ascending: row j of P is
     * column k-1-j, with its largest-magnitude entry made positive. */
    for (int j = 0; j < k; j++) {
        const double *col = z + (size_t)(k - 1 - j) * N;
        int imax = 0;
        for (int i = 1; i < N; i++)
            if (fabs(col[i]) > fabs(col[imax]))
                imax = i;
        double sg = col[imax] < 0 ? -1.0 : 1.0;
        for (int i = 0; i < N; i++)
            p->dense[(size_t)j * N + i] = (float)(sg * col[i]);
    }
    p->kind = DM_PROJ_PCA;
    p->k = k;
    p->d = N;
    p->seed = 0;
    p->scale = 1.0f;
    rc = 0;
out:
    free(w);
    free(z);
    free(isuppz);
    free(work);
    free(iwork);
    return rc;
}

int dm_proj_pca(dm_proj *p, const dm_moments *m, int stream, int k, dm_err *err)
{
    memset(p, 0, sizeof *p);
    if (!m || !m->G)
        return dm_errf(err, "pca projection: moments not initialised");
    if (stream < 0 || stream >= m->ns)
        return dm_errf(err, "pca projection: stream %d (expected 0..%d)", stream, m->ns - 1);
    char sname[16];
    snprintf(sname, sizeof sname, "%d", stream);
    int ds = m->dim[stream], off = m->off[stream], D = m->D;
    if (k < 1)
        return dm_errf(err, "pca projection: k %d (expected at least 1)", k);
    if (k > ds)
        return dm_errf(err, "pca projection: k %d is larger than the input size %d of stream %s", k, ds,
                       sname);
    if (m->n < 1)
        return dm_errf(err, "pca projection: the moments hold no samples");
    double n = (double)m->n;
    double *a = malloc(sizeof(double) * (size_t)ds * ds);
    double *mu = malloc(sizeof(double) * (size_t)ds);
    if (!a || !mu) {
        free(a), free(mu);
        return dm_errf(err, "pca projection: out of memory (size %d)", ds);
    }
    for (int i = 0; i < ds; i++)
        mu[i] = m->G[(size_t)(off + i) * D + (D - 1)] / n;
    for (int i = 0; i < ds; i++)
        for (int j = 0; j < ds; j++)
            a[(size_t)i * ds + j] = m->G[(size_t)(off + i) * D + off + j] / n - mu[i] * mu[j];
    int rc = pca_from_cov(p, a, ds, k, sname, err);
    free(a), free(mu);
    return rc;
}

int dm_proj_pca_blocks(dm_proj *p, const dm_moments *m, int kb, int nb, dm_err *err)
{
    memset(p, 0, sizeof *p);
    if (!m || !m->G || m->ns != 1)
        return dm_errf(err, "block pca projection: moments of one stream needed");
    int ds = m->dim[0], D = m->D;
    if (nb < 1 || ds % nb)
        return dm_errf(err, "block pca projection: input size %d is not %d runs of equal size", ds, nb);
    int db = ds / nb;
    if (kb < 1 || kb > db)
        return dm_errf(err, "block pca projection: k %d outside 1..%d (the run size)", kb, db);
    if (m->n < 1)
        return dm_errf(err, "pca projection: the moments hold no samples");
    double n = (double)m->n;
    double *a = calloc((size_t)db * db, sizeof(double));
    if (!a)
        return dm_errf(err, "pca projection: out of memory (size %d)", db);
    /* the covariance of one run (a pixel's channels), averaged over the runs (the kernel taps) */
    for (int b = 0; b < nb; b++) {
        int o = b * db;
        for (int i = 0; i < db; i++) {
            double mi = m->G[(size_t)(o + i) * D + (D - 1)] / n;
            for (int j = 0; j < db; j++) {
                double mj = m->G[(size_t)(o + j) * D + (D - 1)] / n;
                a[(size_t)i * db + j] += (m->G[(size_t)(o + i) * D + o + j] / n - mi * mj) / nb;
            }
        }
    }
    dm_proj blk;
    memset(&blk, 0, sizeof blk);
    int rc = pca_from_cov(&blk, a, db, kb, "0", err);
    free(a);
    if (rc)
        return -1;
    p->dense = dm_alloc(sizeof(float) * (size_t)kb * nb * ds);
    if (!p->dense) {
        dm_proj_free(&blk);
        return dm_errf(err, "pca projection: out of memory (%d x %d)", kb * nb, ds);
    }
    memset(p->dense, 0, sizeof(float) * (size_t)kb * nb * ds);
    for (int b = 0; b < nb; b++)
        for (int j = 0; j < kb; j++)
            memcpy(p->dense + (size_t)(b * kb + j) * ds + (size_t)b * db, blk.dense + (size_t)j * db,
                   sizeof(float) * (size_t)db);
    dm_proj_free(&blk);
    p->kind = DM_PROJ_PCA;
    p->k = kb * nb;
    p->d = ds;
    p->scale = 1.0f;
    p->blocks = nb;
    return 0;
}

/* ---- the little module -------------------------------------------------- */

void dm_little_free(dm_little *L)
{
    if (!L)
        return;
    for (int s = 0; s < DM_MAX_STREAMS; s++)
        dm_proj_free(&L->proj[s]);
    dm_free(L->w);
    dm_free(L->bias);
    dm_free(L->q);
    dm_free(L->qscale);
    dm_free(L->wq);
    dm_free(L->pm_A);
    dm_free(L->pm_B);
    memset(L, 0, sizeof *L);
}

static void fingerprint(const dm_moments *m, double fp[3])
{
    double g = 0.0, c = 0.0, y = 0.0;
    for (size_t i = 0; i < (size_t)m->D * m->D; i++)
        g += m->G[i];
    for (size_t i = 0; i < (size_t)m->rows * m->D; i++)
        c += m->C[i];
    for (int r = 0; r < m->rows; r++)
        y += m->ysq[r];
    fp[0] = g;
    fp[1] = c;
    fp[2] = y;
}

/* A = Q G Q^T ((kk+1)^2) and B = C Q^T (rows x (kk+1)) for Q = diag(P_0,
 * ..., P_(ns-1), 1), using the block structure: only the stream blocks are
 * multiplied (one GEMM per block, so a two-stream module gets exactly the
 * products it got before N streams). */
static int project_moments(const dm_proj *P, const dm_moments *m, double **Aout, double **Bout, dm_err *err)
{
    const int ns = m->ns, k = P[0].k, kk = ns * k, K = kk + 1, D = m->D, rows = m->rows;
    double *Pd[DM_MAX_STREAMS] = {0};
    double *QG = dm_alloc(sizeof(double) * (size_t)K * D);
    double *A = dm_alloc(sizeof(double) * (size_t)K * K);
    double *B = dm_alloc(sizeof(double) * (size_t)rows * K);
    int oom = !QG || !A || !B;
    for (int s = 0; s < ns; s++)
        oom |= !(Pd[s] = dm_proj_to_dense(&P[s]));
    if (oom) {
        for (int s = 0; s < ns; s++)
            free(Pd[s]);
        dm_free(QG);
        dm_free(A);
        dm_free(B);
        return dm_errf(err, "out of memory projecting the moments (k %d, D %d, rows %d)", k, D, rows);
    }
    /* QG rows s k .. (s+1) k - 1 = P_s G[stream s, :], row kk = G[D-1, :] */
    for (int s = 0; s < ns; s++)
        cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, k, D, m->dim[s], 1.0, Pd[s], m->dim[s],
                    m->G + (size_t)m->off[s] * D, D, 0.0, QG + (size_t)s * k * D, D);
    memcpy(QG + (size_t)kk * D, m->G + (size_t)(D - 1) * D, sizeof(double) * D);
    /* A = QG Q^T, column blocks likewise */
    for (int s = 0; s < ns; s++)
        cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasTrans, K, k, m->dim[s], 1.0, QG + m->off[s], D, Pd[s],
                    m->dim[s], 0.0, A + (size_t)s * k, K);
    for (int i = 0; i < K; i++)
        A[(size_t)i * K + kk] = QG[(size_t)i * D + D - 1];
    for (int i = 0; i < K; i++) /* exact symmetry */
        for (int j = 0; j < i; j++) {
            double v = 0.5 * (A[(size_t)i * K + j] + A[(size_t)j * K + i]);
            A[(size_t)i * K + j] = A[(size_t)j * K + i] = v;
        }
    /* B = C Q^T */
    for (int s = 0; s < ns; s++)
        cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasTrans, rows, k, m->dim[s], 1.0, m->C + m->off[s], D, Pd[s],
                    m->dim[s], 0.0, B + (size_t)s * k, K);
    for (int r = 0; r < rows; r++)
        B[(size_t)r * K + kk] = m->C[(size_t)r * D + D - 1];
    for (int s = 0; s < ns; s++)
        free(Pd[s]);
    dm_free(QG);
    *Aout = A;
    *Bout = B;
    return 0;
}

/* Do the moments m have the module's streams and rows? */
static int same_shape(const dm_little *L, const dm_moments *m)
{
    if (!m->G || m->ns != L->ns || m->rows != L->rows)
        return 0;
    for (int s = 0; s < m->ns; s++)
        if (m->dim[s] != L->dim[s])
            return 0;
    return 1;
}

/* Sum over rows and samples of (y - a.Qu)^2 with a_r = [wq_r, bias_r]:
 * ysq_r - 2 a_r.B_r + a_r^T A a_r, summed; NAN when out of memory. */
/* Sum of squared errors over rows and samples (without the targets' own
 * sum of squares when row_sse is given: then row_sse[r] gets each row's
 * a^T A a - 2 a.B_r part, and the caller adds ysq_r). */
static double sse_rows(const dm_little *L, const double *A, const double *B, double ysq_sum, double *row_sse);

static double sse_from(const dm_little *L, const double *A, const double *B, double ysq_sum)
{
    return sse_rows(L, A, B, ysq_sum, NULL);
}

static double sse_rows(const dm_little *L, const double *A, const double *B, double ysq_sum, double *row_sse)
{
    const int kk = L->kk, K = kk + 1, rows = L->rows;
    int rb = rows < MSE_CHUNK ? rows : MSE_CHUNK;
    double *Wa = dm_alloc(sizeof(double) * (size_t)rb * K);
    double *M = dm_alloc(sizeof(double) * (size_t)rb * K);
    if (!Wa || !M) {
        dm_free(Wa);
        dm_free(M);
        return NAN;
    }
    double sse = ysq_sum;
    for (int r0 = 0; r0 < rows; r0 += rb) {
        int nr = rows - r0 < rb ? rows - r0 : rb;
        for (int r = 0; r < nr; r++) {
            const float *wr = L->wq + (size_t)(r0 + r) * kk;
            double *a = Wa + (size_t)r * K;
            for (int j = 0; j < kk; j++)
                a[j] = wr[j];
            a[kk] = L->bias[r0 + r];
        }
        cblas_dsymm(CblasRowMajor, CblasRight, CblasUpper, nr, K, 1.0, A, K, Wa, K, 0.0, M, K);
        for (int r = 0; r < nr; r++) {
            const double *a = Wa + (size_t)r * K, *mr = M + (size_t)r * K;
            const double *br = B + (size_t)(r0 + r) * K;
            double s = 0.0;
            for (int j = 0; j < K; j++)
                s += a[j] * (mr[j] - 2.0 * br[j]);
            sse += s;
            if (row_sse)
                row_sse[r0 + r] = s;
        }
    }
    dm_free(Wa);
    dm_free(M);
    return sse;
}

/* Uses the projected moments cached by the fit when m is NULL or holds the
 * same data (same sizes, n and fingerprint); otherwise projects m afresh.
 * Returns NAN when the module is not fitted, m does not match its sizes or
 * memory runs out. Negative round-off results are clamped to 0. */
int dm_little_row_mse(const dm_little *L, const dm_moments *m, double *out, dm_err *err)
{
    if (!L || !L->wq || !L->pm_A)
        return dm_errf(err, "little module not fitted");
    if (!m || m->rows != L->rows || m->n != L->pm_n || !m->ysq)
        return dm_errf(err, "per-row MSE needs the moments the module was fitted on");
    if (isnan(sse_rows(L, L->pm_A, L->pm_B, 0.0, out)))
        return dm_errf(err, "out of memory");
    for (int r = 0; r < L->rows; r++) {
        double v = (out[r] + m->ysq[r]) / (double)m->n;
        out[r] = v < 0.0 ? 0.0 : v;
    }
    return 0;
}

double dm_little_mse(const dm_little *L, const dm_moments *m)
{
    if (!L || !L->wq || !L->pm_A)
        return NAN;
    double sse;
    long n;
    int cached = 1;
    if (m) {
        if (!same_shape(L, m))
            return NAN;
        double fp[3];
        fingerprint(m, fp);
        cached = m->n == L->pm_n && memcmp(fp, L->pm_fp, sizeof fp) == 0;
    }
    if (cached) {
        sse = sse_from(L, L->pm_A, L->pm_B, L->pm_ysq);
        n = L->pm_n;
    } else {
        double *A, *B, ysq = 0.0;
        if (project_moments(L->proj, m, &A, &B, NULL) != 0)
            return NAN;
        for (int r = 0; r < m->rows; r++)
            ysq += m->ysq[r];
        sse = sse_from(L, A, B, ysq);
        dm_free(A);
        dm_free(B);
        n = m->n;
    }
    if (n < 1)
        return NAN;
    double mse = sse / ((double)n * L->rows);
    return mse < 0.0 ? 0.0 : mse;
}

int dm_proj_srp_blocks(dm_proj *p, int kb, int d, int nb, uint64_t seed, dm_err *err)
{
    memset(p, 0, sizeof *p);
    if (nb < 1 || d % nb)
        return dm_errf(err, "block srp projection: input size %d is not %d runs of equal size", d, nb);
    dm_proj b;
    if (dm_proj_srp(&b, kb, d / nb, seed, err))
        return -1;
    int db = d / nb, nzb = b.rowptr[kb];
    p->kind = DM_PROJ_SRP;
    p->k = kb * nb;
    p->d = d;
    p->seed = seed;
    p->scale = b.scale;
    p->blocks = nb;
    p->rowptr = dm_alloc(sizeof(int) * ((size_t)p->k + 1));
    p->cols = dm_alloc(sizeof(int) * (size_t)(nzb > 0 ? nzb : 1) * nb);
    p->sign = dm_alloc((size_t)(nzb > 0 ? nzb : 1) * nb);
    if (!p->rowptr || !p->cols || !p->sign) {
        dm_proj_free(&b);
        dm_proj_free(p);
        return dm_errf(err, "block srp projection: out of memory (k %d, input size %d)", p->k, d);
    }
    int n = 0;
    for (int r = 0; r < nb; r++)
        for (int j = 0; j < kb; j++) {
            p->rowptr[r * kb + j] = n;
            for (int i = b.rowptr[j]; i < b.rowptr[j + 1]; i++, n++) {
                p->cols[n] = r * db + b.cols[i];
                p->sign[n] = b.sign[i];
            }
        }
    p->rowptr[p->k] = n;
    dm_proj_free(&b);
    return 0;
}

/* Solve the normal equations with `ridge` on the diagonal of the kk weight
 * terms: Ar = A + ridge I, X = B, then Ar X^T = B^T in place (Ar symmetric,
 * so row- and column-major agree; B row-major, rows x K, is B^T column-major
 * with ld K). dposv's info. */
static int solve_ridged(const double *A, const double *B, int K, int kk, int rows, double ridge, double *Ar,
                        double *X)
{
    memcpy(Ar, A, sizeof(double) * (size_t)K * K);
    for (int i = 0; i < kk; i++)
        Ar[(size_t)i * K + i] += ridge;
    memcpy(X, B, sizeof(double) * (size_t)rows * K);
    int info = 0;
    dposv_("U", &K, &rows, Ar, &K, X, &K, &info, 1);
    return info;
}

int dm_little_fit(dm_little *L, const dm_moments *m, int k, dm_proj_kind kind, uint64_t seed,
                  double lambda, dm_err *err)
{
    return dm_little_fit_blocks(L, m, k, 1, kind, seed, lambda, err);
}

int dm_little_fit_blocks(dm_little *L, const dm_moments *m, int k, int nb, dm_proj_kind kind, uint64_t seed,
                         double lambda, dm_err *err)
{
    memset(L, 0, sizeof *L);
    if (nb > 1 && m && m->ns != 1)
        return dm_errf(err, "little fit: a block-shared projection needs one input stream (got %d)", m->ns);
    if (nb > 1 && k >= 1)
        k *= nb;
    if (!m || !m->G)
        return dm_errf(err, "little fit: moments not initialised");
    if (kind != DM_PROJ_SRP && kind != DM_PROJ_PCA)
        return dm_errf(err, "little fit: projection kind %d (expected srp or pca)", (int)kind);
    if (!(lambda >= 0.0) || !isfinite(lambda))
        return dm_errf(err, "little fit: lambda %g (expected a finite value >= 0)", lambda);
    if (k < 1)
        return dm_errf(err, "little fit: k %d (expected at least 1)", k);
    if (m->n < 1)
        return dm_errf(err, "little fit: the moments hold no samples");

    const int ns = m->ns, rows = m->rows, kk = ns * k, K = kk + 1;
    double *A = NULL, *B = NULL, *Ar = NULL, *X = NULL;
    L->ns = ns;
    L->in = m->D - 1;
    for (int s = 0; s < ns; s++)
        L->dim[s] = m->dim[s];
    L->rows = rows;
    L->k = k;
    L->kk = kk;
    L->bits = 0;
    L->lambda = lambda;
    for (int s = 0; s < ns; s++) {
        /* each stream its own stream of the generator: seed + s * golden ratio */
        if (kind == DM_PROJ_SRP
                ? (nb > 1 ? dm_proj_srp_blocks(&L->proj[s], k / nb, m->dim[s], nb, seed, err)
                          : dm_proj_srp(&L->proj[s], k, m->dim[s], seed + (uint64_t)s * SEED_STEP, err))
                : (nb > 1 ? dm_proj_pca_blocks(&L->proj[s], m, k / nb, nb, err) : dm_proj_pca(&L->proj[s], m, s, k, err))) {
            dm_err_prefix(err, "little fit (stream %d)", s);
            goto fail;
        }
    }
    if (project_moments(L->proj, m, &A, &B, err) != 0) {
        dm_err_prefix(err, "little fit");
        goto fail;
    }
    Ar = dm_alloc(sizeof(double) * (size_t)K * K);
    X = dm_alloc(sizeof(double) * (size_t)rows * K);
    L->w = dm_alloc(sizeof(float) * (size_t)rows * kk);
    L->wq = dm_alloc(sizeof(float) * (size_t)rows * kk);
    L->bias = dm_alloc(sizeof(float) * (size_t)rows);
    if (!Ar || !X || !L->w || !L->wq || !L->bias) {
        dm_errf(err, "little fit: out of memory (rows %d, k %d)", rows, k);
        goto fail;
    }
    double tr = 0.0;
    for (int i = 0; i < kk; i++)
        tr += A[(size_t)i * K + i];
    int info = solve_ridged(A, B, K, kk, rows, lambda * tr / (double)kk, Ar, X);
    if (info > 0 && (tr <= 0.0 || lambda == 0.0))
        /* inputs without variance in a projected direction carry nothing to fit: an empty SRP row, PCA past
         * the inputs' rank, or (tr = 0) inputs that are all zero, as behind a dead layer of a sparse ReLU
         * network. A ridge of 1e-9 of the mean variance (1 when there is none) gives those directions weight
         * ~0 and leaves the rest (and the bias) as they were. */
        info = solve_ridged(A, B, K, kk, rows, tr > 0.0 ? 1e-9 * tr / (double)kk : 1.0, Ar, X);
    if (info > 0) {
        dm_errf(err, "little fit: normal equations not positive definite (layer too small a sample? n = %ld)",
                m->n);
        goto fail;
    } else if (info < 0) {
        dm_errf(err, "little fit: dposv argument %d invalid", -info);
        goto fail;
    }
    for (int r = 0; r < rows; r++) {
        for (int j = 0; j < kk; j++)
            L->w[(size_t)r * kk + j] = (float)X[(size_t)r * K + j];
        L->bias[r] = (float)X[(size_t)r * K + kk];
    }
    dm_free(X);
    dm_free(Ar);
    X = Ar = NULL;
    memcpy(L->wq, L->w, sizeof(float) * (size_t)rows * kk);

    L->pm_A = A;
    L->pm_B = B;
    A = B = NULL;
    L->pm_n = m->n;
    fingerprint(m, L->pm_fp);
    L->pm_ysq = L->pm_fp[2];

    double n = (double)m->n, var = 0.0;
    for (int r = 0; r < rows; r++) {
        double mean = m->C[(size_t)r * m->D + m->D - 1] / n;
        var += m->ysq[r] / n - mean * mean;
    }
    L->var = var / rows;
    L->mse = L->mse_fp32 = dm_little_mse(L, NULL);
    if (isnan(L->mse)) {
        dm_errf(err, "little fit: out of memory computing the MSE");
        goto fail;
    }
    return 0;
fail:
    dm_free(A);
    dm_free(B);
    dm_free(Ar);
    dm_free(X);
    dm_little_free(L);
    return -1;
}

/* Rounding is to nearest, ties away from zero (round()). A row of zeros gets
 * scale 0 and q = 0 (b >= 2) or q = +1 (b = 1). */
/* Squared error of quantizing w with this scale (values clamped to +-qmax). */
static double quant_sse(const float *w, int n, int qmax, double scale)
{
    double e = 0.0;
    for (int j = 0; j < n; j++) {
        double v = round((double)w[j] / scale);
        v = v > qmax ? qmax : v < -qmax ? -qmax : v;
        double d = (double)w[j] - v * scale;
        e += d * d;
    }
    return e;
}

/* At 2 bits (levels -1, 0, +1) max|w| as the step sends nearly every weight
 * to 0, so pick the clipping of the range (100%, 95%, ..., 20% of max|w|)
 * that minimises the row's squared quantization error. Not used at 3-4 bits:
 * measured on the KJV models it lowered the fit MSE but raised the
 * perplexity (it trades the large outputs the region test relies on). */
static float clipped_scale(const float *w, int n, int qmax, double mx)
{
    double best = mx / qmax, best_e = quant_sse(w, n, qmax, best);
    for (int c = 95; c >= 20; c -= 5) {
        double sc = mx * c / 100.0 / qmax, e = quant_sse(w, n, qmax, sc);
        if (e < best_e)
            best = sc, best_e = e;
    }
    return (float)best;
}

int dm_little_quantize(dm_little *L, int bits, const dm_moments *m, dm_err *err)
{
    if (bits < 0 || bits > 16)
        return dm_errf(err, "little quantize: bits %d: expected 1..16, or 0 for FP32", bits);
    if (!L || !L->w)
        return dm_errf(err, "little quantize: module not fitted");
    if (m && !same_shape(L, m))
        return dm_errf(err, "little quantize: moments of %d stream(s), D %d, rows %d do not match "
                       "the module (%d stream(s), D %d, rows %d)", m->ns, m->D, m->rows, L->ns,
                       L->in + 1, L->rows);
    const int rows = L->rows, n2 = L->kk;
    if (bits == 0) {
        dm_free(L->q);
        dm_free(L->qscale);
        L->q = NULL;
        L->qscale = NULL;
        memcpy(L->wq, L->w, sizeof(float) * (size_t)rows * n2);
    } else {
        if (!L->q)
            L->q = dm_alloc(sizeof(int16_t) * (size_t)rows * n2);
        if (!L->qscale)
            L->qscale = dm_alloc(sizeof(float) * (size_t)rows);
        if (!L->q || !L->qscale) {
            if (L->bits == 0) { /* keep q and qscale NULL for an FP32 module */
                dm_free(L->q);
                dm_free(L->qscale);
                L->q = NULL;
                L->qscale = NULL;
            }
            return dm_errf(err, "little quantize: out of memory (rows %d, kk %d)", rows, n2);
        }
        int qmax = (1 << (bits - 1)) - 1;
        for (int r = 0; r < rows; r++) {
            const float *w = L->w + (size_t)r * n2;
            int16_t *q = L->q + (size_t)r * n2;
            float *wq = L->wq + (size_t)r * n2;
            float scale;
            if (bits == 1) {
                double s = 0.0;
                for (int j = 0; j < n2; j++)
                    s += fabs((double)w[j]);
                scale = (float)(s / n2);
                for (int j = 0; j < n2; j++)
                    q[j] = w[j] < 0.0f ? -1 : 1;
            } else {
                double mx = 0.0;
                for (int j = 0; j < n2; j++)
                    if (fabs((double)w[j]) > mx)
                        mx = fabs((double)w[j]);
                scale = (float)(mx / qmax);
                if (bits <= 2 && mx > 0.0)
                    scale = clipped_scale(w, n2, qmax, mx);
                for (int j = 0; j < n2; j++) {
                    double v = scale > 0.0f ? round((double)w[j] / scale) : 0.0;
                    if (v > qmax)
                        v = qmax;
                    if (v < -qmax)
                        v = -qmax;
                    q[j] = (int16_t)v;
                }
            }
            L->qscale[r] = scale;
            for (int j = 0; j < n2; j++)
                wq[j] = (float)q[j] * scale;
        }
    }
    L->bits = bits;
    L->mse = dm_little_mse(L, m);
    if (isnan(L->mse))
        return dm_errf(err, "little quantize: out of memory computing the MSE (mse left NAN)");
    return 0;
}

/* Weight rows are byte-aligned: rows * ceil(kk * bits / 8). */
size_t dm_little_bytes(const dm_little *L)
{
    size_t rows = (size_t)L->rows, n2 = (size_t)L->kk, b;
    if (L->bits == 0)
        b = rows * n2 * sizeof(float);
    else
        b = rows * ((n2 * (size_t)L->bits + 7) / 8) + rows * sizeof(float);
    b += rows * sizeof(float);
    for (int s = 0; s < L->ns; s++)
        b += dm_proj_bytes(&L->proj[s]);
    return b;
}

/* v = [P_0 s_0; P_1 s_1; ...] (float); unless FP32, v is quantized with one
 * symmetric scale s = max|v| / 127 over all kk entries and dequantized back
 * (round(v / s) * s). */
static void quantize_input(const dm_little *L, float *v);

static void project_input(const dm_little *L, const float *u, float *v)
{
    const int k = L->k;
    for (int s = 0, off = 0; s < L->ns; off += L->dim[s], s++)
        dm_proj_apply(&L->proj[s], u + off, v + (size_t)s * k);
    quantize_input(L, v);
}

/* roundf (half away from zero) without the libm call, which the compiler
 * cannot inline without SSE4.1: the same value for every float (exact for
 * |q| < 2^31, where the truncation and q - t are exact; beyond, q itself). */
static inline float round_half_away(float q)
{
    if (!(fabsf(q) < 2147483648.0f))
        return q; /* NaN, infinities and floats too large to have a fraction */
    float t = copysignf((float)(int32_t)q, q), d = q - t; /* -0.3 -> -0, as roundf */
    /* no branch on the fraction: it is a coin toss for quantized data (a branch mispredicted
     * every other value cost more than the division); t + -0 keeps t's sign when t is 0 */
    return t + copysignf((float)(fabsf(d) >= 0.5f), q);
}

/* quantize_input with AVX2, the same value for every input: max|v| (NaN
 * ignored, dm_absmax), the same
 * division, round half away as truncation plus the fraction's carry, and
 * the clamp (min_ps(127, q) keeps a NaN q, as the scalar ternaries do). */
__attribute__((target("avx2"))) static void quantize_avx2(float *v, int n)
{
    const __m256 sign = _mm256_set1_ps(-0.0f);
    const float mx = dm_absmax(v, n);
    int j;
    if (!(mx > 0.0f))
        return;
    const float sc = mx / 127.0f;
    const __m256 s8 = _mm256_set1_ps(sc), half = _mm256_set1_ps(0.5f), one = _mm256_set1_ps(1.0f);
    const __m256 hi = _mm256_set1_ps(127.0f), lo = _mm256_set1_ps(-127.0f);
    for (j = 0; j + 8 <= n; j += 8) {
        __m256 q = _mm256_div_ps(_mm256_loadu_ps(v + j), s8);
        __m256 t = _mm256_round_ps(q, _MM_FROUND_TO_ZERO | _MM_FROUND_NO_EXC);
        __m256 up = _mm256_and_ps(_mm256_cmp_ps(_mm256_andnot_ps(sign, _mm256_sub_ps(q, t)), half, _CMP_GE_OQ), one);
        __m256 r = _mm256_add_ps(t, _mm256_or_ps(up, _mm256_and_ps(q, sign)));
        r = _mm256_max_ps(lo, _mm256_min_ps(hi, r));
        _mm256_storeu_ps(v + j, _mm256_mul_ps(r, s8));
    }
    for (; j < n; j++) {
        float qv = round_half_away(v[j] / sc);
        qv = qv > 127.0f ? 127.0f : qv < -127.0f ? -127.0f : qv;
        v[j] = qv * sc;
    }
}

/* With low-bit weights the projected input is quantized to INT8 (one scale), as the kernels do. */
static void quantize_input(const dm_little *L, float *v)
{
    const int n2 = L->kk;
    if (L->bits == 0)
        return;
    if (__builtin_cpu_supports("avx2")) {
        quantize_avx2(v, n2);
        return;
    }
    float mx = 0.0f;
    for (int j = 0; j < n2; j++)
        if (fabsf(v[j]) > mx)
            mx = fabsf(v[j]);
    if (mx > 0.0f) {
        float sc = mx / 127.0f;
        for (int j = 0; j < n2; j++) {
            float qv = round_half_away(v[j] / sc);
            qv = qv > 127.0f ? 127.0f : qv < -127.0f ? -127.0f : qv;
            v[j] = qv * sc;
        }
    }
}

/* Each output accumulates wq . v in double, plus bias, rounded once to float. */
void dm_little_forward(const dm_little *L, const float *u, float *scratch, float *out)
{
    const int n2 = L->kk;
    float *v = scratch;
    project_input(L, u, v);
    for (int r = 0; r < L->rows; r++) {
        const float *w = L->wq + (size_t)r * n2;
        double s = L->bias[r];
        for (int j = 0; j < n2; j++)
            s += (double)w[j] * v[j];
        out[r] = (float)s;
    }
}

void dm_little_forward_proj(const dm_little *L, const float *pv, float *scratch, float *out)
{
    const int n2 = L->kk;
    float *v = scratch;
    memcpy(v, pv, sizeof(float) * (size_t)n2);
    quantize_input(L, v);
    for (int r = 0; r < L->rows; r++) {
        const float *w = L->wq + (size_t)r * n2;
        double s = L->bias[r];
        for (int j = 0; j < n2; j++)
            s += (double)w[j] * v[j];
        out[r] = (float)s;
    }
}

void dm_little_quantize_proj(const dm_little *L, float *V, int T)
{
    for (int t = 0; t < T; t++)
        quantize_input(L, V + (size_t)t * L->kk);
}

void dm_little_forward_proj_batch(const dm_little *L, float *V, int T, float *out)
{
    const int n2 = L->kk;
    for (int t = 0; t < T; t++) {
        quantize_input(L, V + (size_t)t * n2);
        memcpy(out + (size_t)t * L->rows, L->bias, sizeof(float) * (size_t)L->rows);
    }
    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, T, L->rows, n2, 1.0f, V, n2, L->wq, n2, 1.0f, out, L->rows);
}

int dm_little_batch_init(dm_little_batch *b, const dm_little *L, int pack, dm_err *err)
{
    memset(b, 0, sizeof *b);
    b->L = L;
    /* many inputs: the projections as one double GEMM per stream (the reference's
     * double sums, in another order; each output is rounded to float once as there) */
    b->gemm = L->proj[0].blocks <= 1;
    for (int q = 0; b->gemm && q < L->ns; q++)
        if (!(b->Pd[q] = dm_proj_to_dense(&L->proj[q])))
            b->gemm = 0;
    if (!b->gemm)
        for (int q = 0; q < L->ns; q++)
            free(b->Pd[q]), b->Pd[q] = NULL;
    /* packed: the projections in float too (as the kernels' step computes them), by the packed GEMM */
    for (int q = 0; pack && b->gemm && q < L->ns; q++) {
        size_t n = (size_t)L->k * (size_t)L->dim[q];
        if (!(b->Pf[q] = malloc(n * sizeof(float)))) {
            dm_little_batch_free(b);
            return dm_errf(err, "little module: out of memory for its projection");
        }
        for (size_t i = 0; i < n; i++)
            b->Pf[q][i] = (float)b->Pd[q][i];
        if (dm_pgemm_pack(&b->P[q], b->Pf[q], L->dim[q], L->k, L->dim[q], 1, err)) {
            dm_little_batch_free(b);
            return dm_err_prefix(err, "little module");
        }
        b->fproj = b->P[q].p != NULL;
    }
    for (int q = 0; b->fproj && q < L->ns; q++) /* packed in float: the double copies serve nothing */
        free(b->Pd[q]), b->Pd[q] = NULL;
    if (dm_pgemm_pack(&b->wq, L->wq, L->kk, L->rows, L->kk, pack, err)) {
        dm_little_batch_free(b);
        return dm_err_prefix(err, "little module");
    }
    return 0;
}

void dm_little_batch_free(dm_little_batch *b)
{
    for (int q = 0; q < DM_MAX_STREAMS; q++) {
        free(b->Pd[q]);
        free(b->Pf[q]);
        dm_pgemm_free(&b->P[q]);
    }
    dm_pgemm_free(&b->wq);
    memset(b, 0, sizeof *b);
}

void dm_little_work_free(dm_little_work *w)
{
    dm_free(w->V), free(w->Xd), free(w->Vd);
    memset(w, 0, sizeof *w);
}

int dm_little_batch_forward(const dm_little_batch *b, dm_little_work *w, const float *xh, int ld, int T, float *out,
                            dm_err *err)
{
    const dm_little *L = b->L;
    if (T <= 0)
        return 0;
    const int n2 = L->kk;
    enum { TB = 512 };
    int tb = T < TB ? T : TB;
    dm_little_work tmp = {0};
    if (!w)
        w = &tmp;
    int gemm = b->gemm, maxd = 0;
    for (int q = 0; q < L->ns; q++)
        maxd = L->dim[q] > maxd ? L->dim[q] : maxd;
    int dbl = gemm && !b->fproj; /* the double GEMM's buffers */
    size_t nv = (size_t)tb * (size_t)n2, nx = dbl ? (size_t)tb * (size_t)maxd : 0, nvd = dbl ? (size_t)tb * L->k : 0;
    if (w->nv < nv || w->nx < nx || w->nvd < nvd) {
        /* grown to the largest call seen: the quality path reuses it at every step */
        dm_little_work_free(w);
        w->V = dm_alloc(sizeof(float) * nv);
        w->Xd = nx ? malloc(sizeof(double) * nx) : NULL;
        w->Vd = nvd ? malloc(sizeof(double) * nvd) : NULL;
        w->nv = nv, w->nx = nx, w->nvd = nvd;
        if (!w->V || (nx && !w->Xd) || (nvd && !w->Vd)) {
            dm_little_work_free(w);
            return dm_errf(err, "little forward: out of memory (%d x %d)", tb, n2);
        }
    }
    float *V = w->V;
    double *Xd = w->Xd, *Vd = w->Vd;
    for (int t0 = 0; t0 < T; t0 += tb) {
        int nt = T - t0 < tb ? T - t0 : tb;
        if (gemm && b->fproj) {
            /* V (nt x kk) = X . P^T per stream, in float (packed) */
            memset(V, 0, sizeof(float) * (size_t)nt * (size_t)n2);
            for (int q = 0, off = 0; q < L->ns; off += L->dim[q], q++)
                dm_pgemm_run(&b->P[q], nt, xh + (size_t)t0 * (size_t)ld + off, ld, V + (size_t)q * L->k, n2);
            for (int t = 0; t < nt; t++)
                quantize_input(L, V + (size_t)t * n2);
        } else if (gemm) {
            for (int q = 0, off = 0; q < L->ns; off += L->dim[q], q++) {
                int d = L->dim[q];
                for (int t = 0; t < nt; t++) {
                    const float *x = xh + (size_t)(t0 + t) * (size_t)ld + off;
                    double *xd = Xd + (size_t)t * d;
                    for (int c = 0; c < d; c++)
                        xd[c] = x[c];
                }
                /* Vd (nt x k) = Xd (nt x d) . P^T (d x k) */
                cblas_dgemm(CblasRowMajor, CblasNoTrans, CblasTrans, nt, L->k, d, 1.0, Xd, d, b->Pd[q], d, 0.0, Vd,
                            L->k);
                for (int t = 0; t < nt; t++)
                    for (int j = 0; j < L->k; j++)
                        V[(size_t)t * n2 + (size_t)q * L->k + j] = (float)Vd[(size_t)t * L->k + j];
            }
            for (int t = 0; t < nt; t++)
                quantize_input(L, V + (size_t)t * n2);
        } else {
            for (int t = 0; t < nt; t++)
                project_input(L, xh + (size_t)(t0 + t) * (size_t)ld, V + (size_t)t * n2);
        }
        /* Y (nt x rows) = bias + V (nt x n2) . wq^T (n2 x rows) */
        dm_pgemm_bias(&b->wq, nt, V, n2, L->bias, out + (size_t)t0 * (size_t)L->rows, L->rows);
    }
    dm_little_work_free(&tmp);
    return 0;
}

int dm_little_forward_batch(const dm_little *L, const float *xh, int ld, int T, float *out, dm_err *err)
{
    dm_little_batch b;
    if (T <= 0)
        return 0;
    if (dm_little_batch_init(&b, L, 0, err))
        return -1;
    int rc = dm_little_batch_forward(&b, NULL, xh, ld, T, out, err);
    dm_little_batch_free(&b);
    return rc;
}
