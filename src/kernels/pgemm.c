/* pgemm.c - C += A . W^T with W packed once (see pgemm.h). */
#include "pgemm.h"

#include <cblas.h>
#include <immintrin.h>
#include <string.h>

#define T_AVX512F __attribute__((target("avx2,fma,avx512f")))
#define T_AVX2 __attribute__((target("avx2,fma")))
#define ALWAYS_INLINE inline __attribute__((always_inline))
#define PG_MR 12 /* rows of C per tile: 12 x 2 accumulators + 2 weight vectors of the 32 zmm */
#define PG_MR2 6 /* AVX2: 6 x 2 accumulators + 2 weight vectors + 1 broadcast of the 16 ymm */

static int pack(dm_pgemm *P, const float *W, int ldw, int N, int K, int trans, int simd, dm_err *err)
{
    memset(P, 0, sizeof *P);
    P->N = N, P->K = K, P->w = W, P->ldw = ldw, P->trans = trans;
    int isa = dm_cpu_fma_width();
    if (!simd || !isa || N < 1 || K < 1)
        return 0;
    P->isa = isa;
    size_t np = ((size_t)N + 15) / 16;
    if (!(P->p = dm_alloc(np * (size_t)K * 16 * sizeof(float))))
        return dm_errf(err, "out of memory packing a %d x %d weight matrix", N, K);
    for (size_t pb = 0; pb < np; pb++) {
        float *dst = P->p + pb * (size_t)K * 16;
        int nj = N - (int)(pb * 16) < 16 ? N - (int)(pb * 16) : 16; /* dm_alloc zeroed the padding */
        if (trans) /* W^T's rows hold 16 consecutive rows of W: read them in order */
            for (int k = 0; k < K; k++)
                memcpy(dst + (size_t)k * 16, W + (size_t)k * ldw + pb * 16, (size_t)nj * sizeof(float));
        else
            for (int j = 0; j < nj; j++) {
                const float *src = W + (pb * 16 + (size_t)j) * (size_t)ldw;
                for (int k = 0; k < K; k++)
                    dst[(size_t)k * 16 + j] = src[k];
            }
    }
    return 0;
}

int dm_pgemm_pack(dm_pgemm *P, const float *W, int ldw, int N, int K, int simd, dm_err *err)
{
    return pack(P, W, ldw, N, K, 0, simd, err);
}

int dm_pgemm_pack_t(dm_pgemm *P, const float *Wt, int ldwt, int N, int K, int simd, dm_err *err)
{
    return pack(P, Wt, ldwt, N, K, 1, simd, err);
}

void dm_pgemm_free(dm_pgemm *P)
{
    dm_free(P->p);
    memset(P, 0, sizeof *P);
}

const char *dm_pgemm_impl(const dm_pgemm *P)
{
    return !P->p ? "OpenBLAS sgemm" : P->isa == 2 ? "avx512 packed" : "avx2 packed";
}

/* MR rows of C times NB panels of 16 columns (mask m0, m1 for the columns
 * that exist), accumulated over all of K in registers. */
static T_AVX512F ALWAYS_INLINE void pg_tile(const float *A, int lda, const float *p0, const float *p1, int K,
                                            const float *bias, float *C, int ldc, __mmask16 m0, __mmask16 m1,
                                            const int MR, const int NB)
{
    __m512 acc[2][PG_MR];
    /* C is only written when a bias starts the sums: no read of C lines that are not cached */
    const __m512 b0 = bias ? _mm512_maskz_loadu_ps(m0, bias) : _mm512_setzero_ps();
    const __m512 b1 = bias && NB == 2 ? _mm512_maskz_loadu_ps(m1, bias + 16) : _mm512_setzero_ps();
#pragma GCC unroll 12
    for (int i = 0; i < MR; i++) {
        acc[0][i] = bias ? b0 : _mm512_maskz_loadu_ps(m0, C + (size_t)i * ldc);
        if (NB == 2)
            acc[1][i] = bias ? b1 : _mm512_maskz_loadu_ps(m1, C + (size_t)i * ldc + 16);
    }
    for (int k = 0; k < K; k++) {
        __m512 wa = _mm512_load_ps(p0 + (size_t)k * 16);
        __m512 wb = NB == 2 ? _mm512_load_ps(p1 + (size_t)k * 16) : wa;
#pragma GCC unroll 12
        for (int i = 0; i < MR; i++) {
            __m512 x = _mm512_set1_ps(A[(size_t)i * lda + k]);
            acc[0][i] = _mm512_fmadd_ps(x, wa, acc[0][i]);
            if (NB == 2)
                acc[1][i] = _mm512_fmadd_ps(x, wb, acc[1][i]);
        }
    }
#pragma GCC unroll 12
    for (int i = 0; i < MR; i++) {
        _mm512_mask_storeu_ps(C + (size_t)i * ldc, m0, acc[0][i]);
        if (NB == 2)
            _mm512_mask_storeu_ps(C + (size_t)i * ldc + 16, m1, acc[1][i]);
    }
}

#define PG_CASE(R, NB)                                                                                                 \
    case R:                                                                                                            \
        pg_tile(a, lda, p0, p1, K, bb, c, ldc, m0, m1, R, NB);                                                         \
        break;
#define PG_SWITCH(NB)                                                                                                  \
    switch (mr) {                                                                                                      \
        PG_CASE(12, NB)                                                                                                \
        PG_CASE(10, NB) PG_CASE(8, NB) PG_CASE(6, NB) PG_CASE(4, NB) PG_CASE(2, NB) default                            \
            : pg_tile(a, lda, p0, p1, K, bb, c, ldc, m0, m1, 1, NB);                                                   \
        break;                                                                                                         \
    }

static __mmask16 pg_mask(int N, int col0)
{
    int n = N - col0;
    return n >= 16 ? (__mmask16)0xffff : n <= 0 ? (__mmask16)0 : (__mmask16)((1u << n) - 1u);
}

/* Column panels outermost: a pair of panels (K x 32 floats) stays in L1/L2
 * while every row tile of A passes over it, so W is read once per call. */
static T_AVX512F void pg_run(const dm_pgemm *P, int M, const float *A, int lda, const float *bias, float *C, int ldc)
{
    const int K = P->K, np = (P->N + 15) / 16;
    const size_t pstride = (size_t)K * 16;
    for (int pb = 0; pb < np;) {
        const int nb = pb + 2 <= np ? 2 : 1;
        const float *p0 = P->p + (size_t)pb * pstride, *p1 = nb == 2 ? p0 + pstride : p0;
        const __mmask16 m0 = pg_mask(P->N, pb * 16), m1 = nb == 2 ? pg_mask(P->N, pb * 16 + 16) : 0;
        const float *bb = bias ? bias + (size_t)pb * 16 : NULL;
        for (int i0 = 0; i0 < M;) {
            int rem = M - i0;
            int mr = rem >= 12 ? 12 : rem >= 10 ? 10 : rem >= 8 ? 8 : rem >= 6 ? 6 : rem >= 4 ? 4 : rem >= 2 ? 2 : 1;
            const float *a = A + (size_t)i0 * lda;
            float *c = C + (size_t)i0 * ldc + (size_t)pb * 16;
            if (nb == 2) {
                PG_SWITCH(2)
            } else {
                PG_SWITCH(1)
            }
            i0 += mr;
        }
        pb += nb;
    }
}

/* The AVX2 tile: MR rows of C times one panel of 16 columns (two ymm; lane
 * masks lo, hi for the columns that exist). The same fused multiply-adds in
 * the same k order as pg_tile: bit-identical results. */
static T_AVX2 ALWAYS_INLINE void pg2_tile(const float *A, int lda, const float *p0, int K, const float *bias,
                                          float *C, int ldc, __m256i lo, __m256i hi, const int MR)
{
    __m256 acc[PG_MR2][2];
    const __m256 b0 = bias ? _mm256_maskload_ps(bias, lo) : _mm256_setzero_ps();
    const __m256 b1 = bias ? _mm256_maskload_ps(bias + 8, hi) : _mm256_setzero_ps();
#pragma GCC unroll 6
    for (int i = 0; i < MR; i++) {
        acc[i][0] = bias ? b0 : _mm256_maskload_ps(C + (size_t)i * ldc, lo);
        acc[i][1] = bias ? b1 : _mm256_maskload_ps(C + (size_t)i * ldc + 8, hi);
    }
    for (int k = 0; k < K; k++) {
        const __m256 wa = _mm256_load_ps(p0 + (size_t)k * 16), wb = _mm256_load_ps(p0 + (size_t)k * 16 + 8);
#pragma GCC unroll 6
        for (int i = 0; i < MR; i++) {
            const __m256 x = _mm256_broadcast_ss(A + (size_t)i * lda + k);
            acc[i][0] = _mm256_fmadd_ps(x, wa, acc[i][0]);
            acc[i][1] = _mm256_fmadd_ps(x, wb, acc[i][1]);
        }
    }
#pragma GCC unroll 6
    for (int i = 0; i < MR; i++) {
        _mm256_maskstore_ps(C + (size_t)i * ldc, lo, acc[i][0]);
        _mm256_maskstore_ps(C + (size_t)i * ldc + 8, hi, acc[i][1]);
    }
}

static T_AVX2 __m256i pg2_mask(int n)
{
    const __m256i lane = _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7);
    return _mm256_cmpgt_epi32(_mm256_set1_epi32(n), lane);
}

#define PG2_CASE(R)                                                                                                    \
    case R:                                                                                                            \
        pg2_tile(a, lda, p0, K, bb, c, ldc, lo, hi, R);                                                                \
        break;

/* As pg_run, one panel at a time (K x 16 floats stay in L1/L2 while the
 * row tiles pass over it). */
static T_AVX2 void pg2_run(const dm_pgemm *P, int M, const float *A, int lda, const float *bias, float *C, int ldc)
{
    const int K = P->K, np = (P->N + 15) / 16;
    const size_t pstride = (size_t)K * 16;
    for (int pb = 0; pb < np; pb++) {
        const float *p0 = P->p + (size_t)pb * pstride;
        const int n = P->N - pb * 16;
        const __m256i lo = pg2_mask(n), hi = pg2_mask(n - 8);
        const float *bb = bias ? bias + (size_t)pb * 16 : NULL;
        /* tiles of equal height: a short last tile (20 = 6 + 6 + 6 + 2) would run 4 chains of
         * fused multiply-adds, too few to cover their latency */
        const int ntile = (M + PG_MR2 - 1) / PG_MR2;
        for (int i0 = 0, t = 0; i0 < M; t++) {
            const int mr = (M - i0 + (ntile - t) - 1) / (ntile - t);
            const float *a = A + (size_t)i0 * lda;
            float *c = C + (size_t)i0 * ldc + (size_t)pb * 16;
            switch (mr) {
                PG2_CASE(6) PG2_CASE(5) PG2_CASE(4) PG2_CASE(3) PG2_CASE(2) default : pg2_tile(a, lda, p0, K, bb, c, ldc,
                                                                                             lo, hi, 1);
                break;
            }
            i0 += mr;
        }
    }
}

void dm_pgemm_run(const dm_pgemm *P, int M, const float *A, int lda, float *C, int ldc)
{
    dm_pgemm_bias(P, M, A, lda, NULL, C, ldc);
}

void dm_pgemm_bias(const dm_pgemm *P, int M, const float *A, int lda, const float *bias, float *C, int ldc)
{
    if (M < 1 || P->N < 1)
        return;
    if (P->p) {
        if (P->isa == 2)
            pg_run(P, M, A, lda, bias, C, ldc);
        else
            pg2_run(P, M, A, lda, bias, C, ldc);
        return;
    }
    if (bias)
        for (int i = 0; i < M; i++)
            memcpy(C + (size_t)i * ldc, bias, (size_t)P->N * sizeof(float));
    cblas_sgemm(CblasRowMajor, CblasNoTrans, P->trans ? CblasNoTrans : CblasTrans, M, P->N, P->K, 1.0f, A, lda, P->w,
                P->ldw, 1.0f, C, ldc);
}

void dm_pgemm_ref(int M, int N, int K, const float *A, int lda, const float *W, int ldw, float *C, int ldc)
{
    for (int i = 0; i < M; i++)
        for (int j = 0; j < N; j++) {
            double s = C[(size_t)i * ldc + j];
            for (int k = 0; k < K; k++)
                s += (double)A[(size_t)i * lda + k] * W[(size_t)j * ldw + k];
            C[(size_t)i * ldc + j] = (float)s;
        }
}
