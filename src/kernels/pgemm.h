/* pgemm.h - C += A . W^T with W packed once: the quality path's GEMMs.
 *
 * The many-stream quality pass (lm_dual.c) multiplies a few rows (2 x 10
 * streams) by the same weight matrices at every time step. OpenBLAS packs
 * the weight operand on every call, which at 20 rows costs as much as a
 * third of the arithmetic; here the weights are packed once per evaluation
 * into panels of 16 of W's rows (C's columns), k-major, and a register tile
 * of up to 12 rows x 32 columns of C is accumulated in AVX-512 registers
 * (AVX2 + FMA CPUs: 6 rows x 16 columns in ymm registers) over the whole of
 * K. Each element of C is C + sum over k of A[i][k] W[j][k] in k order, one
 * fused multiply-add per term, in float: the result does not depend on the
 * thread count, on how the rows are grouped into tiles, or on which of the
 * two kernels runs.
 *
 * Without AVX2 + FMA (or when packing is not asked for) dm_pgemm_run calls
 * cblas_sgemm on W itself: the same figures to rounding. dm_pgemm_ref is the reference
 * (double sums) the tests compare both against. */
#ifndef DM_PGEMM_H
#define DM_PGEMM_H

#include "util.h"

typedef struct dm_pgemm {
    int N, K;       /* W is N x K (row-major, row pitch ldw) */
    const float *w; /* W itself (the fallback; not owned) */
    int ldw;
    float *p;  /* ceil(N / 16) panels of K x 16, zero-padded; NULL: OpenBLAS on w */
    int trans; /* w holds W^T (K x N, pitch ldw) */
    int isa;   /* the kernel that runs p: 2 AVX-512F, 1 AVX2 + FMA */
} dm_pgemm;

/* Pack W (N x K, pitch ldw; W stays the caller's and must outlive P) for
 * the kernel dm_cpu_fma_width names. With simd = 0 (or a CPU without AVX2 +
 * FMA) nothing is packed and runs go to OpenBLAS. */
int dm_pgemm_pack(dm_pgemm *P, const float *W, int ldw, int N, int K, int simd, dm_err *err);
/* The same from W^T (K x N, pitch ldwt): for C += A . Wt. */
int dm_pgemm_pack_t(dm_pgemm *P, const float *Wt, int ldwt, int N, int K, int simd, dm_err *err);
void dm_pgemm_free(dm_pgemm *P);
/* C (M x N, row pitch ldc) += A (M x K, row pitch lda) . W^T. Single-threaded. */
void dm_pgemm_run(const dm_pgemm *P, int M, const float *A, int lda, float *C, int ldc);
/* C = bias + A . W^T (bias: N values, every row; NULL: as dm_pgemm_run).
 * C's old contents are not read: cheaper for a large C not in cache. */
void dm_pgemm_bias(const dm_pgemm *P, int M, const float *A, int lda, const float *bias, float *C, int ldc);
/* Reference: C[i][j] = (float)(C[i][j] + sum_k (double)A[i][k] W[j][k]). */
void dm_pgemm_ref(int M, int N, int K, const float *A, int lda, const float *W, int ldw, float *C, int ldc);
/* "avx512 packed", "avx2 packed" or "OpenBLAS sgemm". */
const char *dm_pgemm_impl(const dm_pgemm *P);

#endif
