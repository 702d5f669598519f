/* little.h - the little module of dual-module inference (PAPER.md, DESIGN.md 5).
 *
 * For a layer whose big module computes pre-activations y = W u + b from
 * S input streams u = [s_0; s_1; ...; s_(S-1)] (1 <= S <= DM_MAX_STREAMS:
 * an LSTM/GRU cell has two, x and h; a convolution or a linear layer one),
 * the little module approximates y as
 *     y~ = Wl [P_0 s_0 ; ... ; P_(S-1) s_(S-1)] + bl      (Wl: rows x S k)
 * where P_s (k x dim_s) projects stream s to the same k: the paper's sparse random projection (SRP,
 * Achlioptas: entries sqrt(3/k) * {+1 w.p. 1/6, 0 w.p. 2/3, -1 w.p. 1/6},
 * so E||P v||^2 = ||v||^2) or a data-aware PCA projection (the top-k
 * eigenvectors of each stream's centred covariance; dense).
 *
 * Fitting is closed-form ridge least squares from second moments gathered
 * once over data: with u = [s_0; ...; 1] (D = sum dim_s + 1), G = sum u u^T and
 * C = sum y u^T, and Q = diag(P_0, ..., 1), the optimum of the paper's MSE loss
 * is  [Wl | bl] = (C Q^T)(Q G Q^T + lambda I)^-1  (bias not regularised).
 * Changing k, the seed or the projection needs no new pass over data.
 *
 * Then Wl is quantized per row, symmetric, to 1..16 bits (or kept FP32);
 * at run time the projected input is quantized to 8 bits per vector
 * (symmetric, scale max|v|/127) unless the module is FP32.
 *
 * Invariant: a fitted dm_little owns all its buffers; wq always holds the
 * weights actually used at run time (dequantized), so the reference
 * forward pass and every fast kernel must agree with wq. */
#ifndef DM_LITTLE_H
#define DM_LITTLE_H

#include <stddef.h>
#include <stdint.h>

#include "util.h"
#include "pgemm.h"

typedef enum dm_proj_kind { DM_PROJ_SRP = 0, DM_PROJ_PCA = 1 } dm_proj_kind;

const char *dm_proj_name(dm_proj_kind k); /* "srp", "pca" */

#define DM_MAX_STREAMS 4

/* k from the Johnson-Lindenstrauss bound, k = floor(4 ln n / (eps^2/2 - eps^3/3)),
 * n = total gate rows; eps in (0, 1). n = 6000: eps 0.5 -> 417, 0.3 -> 966, 0.7 -> 266. */
int dm_jl_k(int n, double eps, int *k, dm_err *err);

typedef struct dm_proj {
    dm_proj_kind kind;
    int k, d;
    uint64_t seed;
    /* SRP: row j's non-zeros are at cols[rowptr[j] .. rowptr[j+1]), value sign[i] * scale */
    int *rowptr;   /* k + 1 */
    int *cols;
    int8_t *sign;
    float scale;   /* sqrt(3 / k) (block-shared: sqrt(3 / k_block)) */
    int blocks;    /* block-shared (dm_proj_srp_blocks, dm_proj_pca_blocks): the input is `blocks` runs of
                    * d / blocks values, each projected by the same k / blocks rows; 0 or 1 otherwise */
    /* PCA: dense k x d, row-major, orthonormal rows */
    float *dense;
} dm_proj;

int dm_proj_srp(dm_proj *p, int k, int d, uint64_t seed, dm_err *err);
/* Block-shared SRP: u is nb runs of d / nb values (a convolution's patch:
 * one run per kernel tap, the input channels of one pixel); every run is
 * projected by the same kb x (d / nb) SRP (rows b * kb + j act on run b), so
 * projecting every pixel of a map once and gathering the projected patch
 * gives the same vector. k = nb * kb rows in all. */
int dm_proj_srp_blocks(dm_proj *p, int kb, int d, int nb, uint64_t seed, dm_err *err);
void dm_proj_free(dm_proj *p);
/* out[0..k) = P x (reference implementation). */
void dm_proj_apply(const dm_proj *p, const float *x, float *out);
/* Dense k x d copy of P (double), for fitting. Caller frees with free(). */
double *dm_proj_to_dense(const dm_proj *p);
size_t dm_proj_bytes(const dm_proj *p); /* bytes read per application */

/* Second moments of one layer's inputs and targets. */
typedef struct dm_moments {
    int ns;                   /* input streams */
    int dim[DM_MAX_STREAMS];  /* their sizes */
    int off[DM_MAX_STREAMS];  /* offset of stream s in u */
    int rows, D;              /* D = sum of dims + 1 */
    long n;               /* samples */
    double *G;            /* D x D, full symmetric, sum u u^T */
    double *C;            /* rows x D, sum y u^T */
    double *ysq;          /* rows: sum y^2 */
} dm_moments;

/* Block-shared PCA: the kb leading principal directions of one run's
 * covariance averaged over the nb runs (a pixel's channels over the kernel
 * taps), applied to every run (dense rows b * kb + j act on run b only). */
int dm_proj_pca_blocks(dm_proj *p, const dm_moments *m, int kb, int nb, dm_err *err);
int dm_moments_init(dm_moments *m, int ns, const int *dims, int rows, dm_err *err);
void dm_moments_free(dm_moments *m);
/* Add T samples: row t of U (stride ldu floats) holds the streams one after
 * another (D - 1 values), Y is T x rows (row-major). */
int dm_moments_add(dm_moments *m, const float *U, size_t ldu, const float *Y, int T, dm_err *err);
/* The inputs alone (G and n): for targets that are a known affine map of
 * u, whose C and ysq dm_moments_set_linear then derives from G. */
int dm_moments_add_inputs(dm_moments *m, const float *U, size_t ldu, int T, dm_err *err);
/* Targets y = A u + b exactly: C = [A | b] G and ysq from it, replacing any
 * accumulated C and ysq (rows x D products instead of rows x D per sample).
 * P is D x rows (stride ldp): row j < D - 1 the targets of the input e_j,
 * row D - 1 those of the zero input (= b), so A[r][j] = P[j][r] - P[D-1][r]. */
int dm_moments_set_linear(dm_moments *m, const float *P, size_t ldp, dm_err *err);
/* Save to / load from a file (for the cache); load checks the sizes.
 * Load into a dm_moments that is either zeroed (it is then allocated with the
 * file's sizes) or initialised by dm_moments_init (the file's streams and
 * rows must then match; m is left untouched on failure). Version-1 files
 * (two streams, written before N-stream modules) load as two streams. */
int dm_moments_save(const dm_moments *m, const char *path, dm_err *err);
int dm_moments_load(dm_moments *m, const char *path, dm_err *err);

/* PCA projection of stream s (0 .. ns-1; for a cell 0 = x, 1 = h) from the
 * moments: top-k eigenvectors of the centred covariance of that stream. */
int dm_proj_pca(dm_proj *p, const dm_moments *m, int stream, int k, dm_err *err);

typedef struct dm_little {
    int ns;                   /* input streams */
    int dim[DM_MAX_STREAMS];  /* their sizes */
    int in;                   /* sum of dims: the length of u */
    int rows, k;
    int kk;                   /* ns * k: the projected length */
    int bits;            /* 0 = FP32, else 1..16 */
    dm_proj proj[DM_MAX_STREAMS];
    double lambda;       /* ridge strength used (relative, see dm_little_fit) */
    float *w;            /* rows x kk fitted FP32 weights */
    float *bias;         /* rows */
    int16_t *q;          /* rows x kk quantized integers (NULL when FP32) */
    float *qscale;       /* rows: w ~ q * qscale */
    float *wq;           /* rows x kk weights used at run time (== w when FP32) */
    double mse;          /* mean squared error per output on the fitting data (with wq) */
    double var;          /* mean variance of the targets (so rel = mse / var) */
    double mse_fp32;     /* the same with the unquantized w */
    /* Private, owned (set by dm_little_fit; read by dm_little_mse and
     * dm_little_quantize): the projected moments of the fitting data, so
     * the MSE of new weights needs no refit. */
    double *pm_A;        /* (kk+1)^2: Q G Q^T, no ridge */
    double *pm_B;        /* rows x (kk+1): C Q^T */
    double pm_ysq;       /* sum over rows of ysq */
    long pm_n;           /* samples */
    double pm_fp[3];     /* fingerprint of those moments: sums of G, C, ysq */
} dm_little;

/* Fit from moments. lambda is relative: the ridge term is
 * lambda * trace(Q G Q^T restricted to the kk projected dims) / kk * I.
 * kind SRP draws stream s's projection from seed + s * 0x9e3779b97f4a7c15
 * (so streams never share one); kind PCA derives each from m. The module
 * is left FP32 (bits 0); call dm_little_quantize to change that. */
/* As dm_little_fit with a block-shared projection of a one-stream input of
 * nb runs (srp: dm_proj_srp_blocks with k per run, nb * k in all; pca: a
 * dense projection to nb * k). nb <= 1 is dm_little_fit. */
int dm_little_fit_blocks(dm_little *L, const dm_moments *m, int k, int nb, dm_proj_kind kind, uint64_t seed,
                         double lambda, dm_err *err);
int dm_little_fit(dm_little *L, const dm_moments *m, int k, dm_proj_kind kind, uint64_t seed,
                  double lambda, dm_err *err);
void dm_little_free(dm_little *L);
/* Per-row symmetric quantization of w to bits (1..16; 0 = FP32): for
 * b >= 2, q in [-(2^(b-1)-1), 2^(b-1)-1], scale = max|w_row| / (2^(b-1)-1)
 * (for b = 2 the range is clipped to the fraction of max|w_row|, 20..100%
 * in steps of 5%, that minimises the row's squared quantization error);
 * for b = 1, q = sign(w) (+1 for 0), scale = mean |w_row|. Updates wq and,
 * given the moments, mse. */
int dm_little_quantize(dm_little *L, int bits, const dm_moments *m, dm_err *err);
/* Exact mean squared error of weights wq (+ bias) against the targets,
 * computed from the moments (no data pass; run-time input quantization
 * not included). */
double dm_little_mse(const dm_little *L, const dm_moments *m);
/* The fit error relative to the targets' variance, mse / var (0 when the targets do not vary). */
static inline double dm_little_rel_mse(const dm_little *L) { return L->var > 0 ? L->mse / L->var : 0.0; }
/* Per-row mean squared error of wq (+ bias) on the moments the module was
 * fitted on (out: rows values). */
int dm_little_row_mse(const dm_little *L, const dm_moments *m, double *out, dm_err *err);
/* Bytes of the little module read per step: weights at their bit width
 * (+ per-row scales and bias) plus the projections. */
size_t dm_little_bytes(const dm_little *L);

/* Reference forward: out[rows] = wq Qin([P_0 s_0 ; ...]) + bias for u =
 * [s_0; s_1; ...] (L->in floats), where Qin is the run-time 8-bit input
 * quantization over all kk values (identity when FP32). scratch holds at
 * least kk floats. */
void dm_little_forward(const dm_little *L, const float *u, float *scratch, float *out);
/* The same for T inputs at once: row t of xh (stride ld floats) is u
 * (L->in values); out is T x rows. The products are summed by
 * one SGEMM in float instead of per-row doubles: equal to dm_little_forward
 * within float rounding (|diff| <= 1e-5 relative to the row's sum of
 * |w| |v|, see tests/test_little.c). For calibrating thresholds over
 * thousands of steps. Returns -1 (err) when out of memory. */
/* dm_little_forward for an input projected already (v: kk values; scratch: kk floats). */
void dm_little_forward_proj(const dm_little *L, const float *v, float *scratch, float *out);
/* dm_little_forward_proj for T projected inputs at once (V: T x kk, quantized
 * in place when the weights are low-bit; out: T x rows), one GEMM. */
void dm_little_forward_proj_batch(const dm_little *L, float *V, int T, float *out);
/* Only its input quantization (in place; nothing for an FP32 module): for a
 * caller that multiplies by wq itself (e.g. packed, kernels/pgemm.h). */
void dm_little_quantize_proj(const dm_little *L, float *V, int T);
int dm_little_forward_batch(const dm_little *L, const float *xh, int ld, int T, float *out, dm_err *err);
/* dm_little_forward_batch over many calls of a few rows (the quality path):
 * the dense projections made once and, with pack, the projections (in
 * float, as the kernels' step projects) and the weights packed for
 * kernels/pgemm.h (same figures within float rounding). L must outlive b. */
typedef struct dm_little_batch {
    const dm_little *L;
    double *Pd[DM_MAX_STREAMS]; /* dense projections (NULL: the sparse reference per row) */
    int gemm;
    float *Pf[DM_MAX_STREAMS];  /* packed: the same in float, packed in P (fproj) */
    dm_pgemm P[DM_MAX_STREAMS];
    int fproj;
    dm_pgemm wq;
} dm_little_batch;
int dm_little_batch_init(dm_little_batch *b, const dm_little *L, int pack, dm_err *err);
void dm_little_batch_free(dm_little_batch *b);
/* Scratch a caller keeps across calls (w NULL: allocated per call); zero it
 * before the first call, free with dm_little_work_free. */
typedef struct dm_little_work {
    float *V;
    double *Xd, *Vd;
    size_t nv, nx, nvd;
} dm_little_work;
void dm_little_work_free(dm_little_work *w);
int dm_little_batch_forward(const dm_little_batch *b, dm_little_work *w, const float *xh, int ld, int T, float *out,
                            dm_err *err);

#endif
