/* kernels.h - the hot loops of dual-module inference, each with a scalar
 * reference (_ref) and SIMD variants chosen at run time by CPU features
 * through a traits table (ggml style), overridable by name.
 *
 * Kernels:
 *   rows_gemv  y[i] = W[rows[i], 0:cols] . x   (FP32, arbitrary row subset;
 *              W row-major with stride ld floats). The sensitive rows of the
 *              big module: only those rows' bytes are touched.
 *   proj       out = P x for a sparse random projection (entries +-scale)
 *              in the packed layout dm_kproj (built from dm_proj).
 *   qgemv      little-module GEMV with quantized weights and 8-bit input:
 *              y[r] = (float)acc_r * (wscale[r] * xscale) + bias[r],
 *              acc_r = sum_j q[r][j] * xq[j] computed exactly (in int32;
 *              int64 for the 16-bit container, whose sums can exceed int32).
 *              Weight containers: 8 bits (bits 5..8), 4 bits packed (3..4),
 *              2 bits packed, 1 bit packed (q in {-1,+1}), 16 bits (9..16).
 *   quant_in   xq = round-half-away(v / s), s = max|v| / 127 (s = 1 if v == 0);
 *              returns s. Must match dm_little_forward's input quantization.
 *   lstm_cell, gru_cell
 *              the gate epilogue: activations and the cell update, each
 *              output touched once (below).
 *
 * Invariants: integer kernels (qgemv accumulations, quant_in) give results
 * bit-identical to their _ref; FP32 kernels agree with _ref within the
 * tolerance stated in tests/test_kernels.c. Every variant handles any size
 * (odd, unaligned tails) and unaligned pointers unless documented. */
#ifndef DM_KERNELS_H
#define DM_KERNELS_H

#include <stddef.h>
#include <stdint.h>

#include "little.h"
#include "util.h"

typedef enum dm_kvariant { DM_KV_REF = 0, DM_KV_AVX2, DM_KV_AVX512, DM_KV_COUNT } dm_kvariant;

/* Packed quantized matrix (rows x cols) in the container for its bit width. */
typedef struct dm_qmat {
    int rows, cols, bits;  /* bits 1..16 */
    int container;         /* 1, 2, 4, 8 or 16 */
    size_t row_bytes;      /* bytes per packed row (padded as the kernels need) */
    uint8_t *data;         /* rows * row_bytes, 64-byte aligned */
    float *wscale;         /* rows */
    float *bias;           /* rows */
} dm_qmat;

/* Pack from int16 q (rows x cols, values within the bit width's range; for
 * bits == 1 values are -1 or +1), per-row scales and bias (copied). */
int dm_qmat_pack(dm_qmat *m, const int16_t *q, int rows, int cols, int bits, const float *wscale,
                 const float *bias, dm_err *err);
void dm_qmat_free(dm_qmat *m);
size_t dm_qmat_bytes(const dm_qmat *m); /* bytes read per GEMV (data + scales + bias) */
/* Rows [lo, lo + n) of m as a matrix of their own (no copy). Rows come in panels of 4: lo must be a multiple
 * of 4, and lo + n a multiple of 4 or m->rows. */
dm_qmat dm_qmat_rows(const dm_qmat *m, int lo, int n);

/* Sparse projection packed for the kernels (built from dm_proj, SRP only). */
typedef struct dm_kproj {
    int k, d;
    float scale;
    /* layouts chosen by kernels.c; documented there */
    void *data;      /* sign bitmaps (ref, avx512, and avx2 on inputs it cannot quantize) */
    void *codes;     /* 2-bit codes in panels of 4 rows (avx2) */
    int32_t *rowsum; /* per row: plus entries minus minus entries (avx2) */
    size_t bytes;    /* bytes one projection reads (either layout: about d k / 4) */
} dm_kproj;

int dm_kproj_pack(dm_kproj *p, const dm_proj *src, dm_err *err);
void dm_kproj_free(dm_kproj *p);
/* A view of rows [j0, j0 + n) of p sharing its data (for running the
 * projection in chunks); never pass it to dm_kproj_free. j0 must be a
 * multiple of 4 (the codes come in panels of 4 rows). */
dm_kproj dm_kproj_rows(const dm_kproj *p, int j0, int n);
/* Evict a projection's or a qmat's bytes from every cache level (clflushopt where the CPU has it, else clflush), so
 * that the next use reads them from memory: a flush by reading a buffer leaves small, often reused data in a large
 * last-level cache. Unpacked (zeroed) ones: nothing to evict. */
void dm_kproj_evict(const dm_kproj *p);
void dm_qmat_evict(const dm_qmat *m);
/* The same for any byte range (whole lines, clflushopt where the CPU has it), fenced. */
void dm_evict(const void *p, size_t bytes);
/* 1 when dm_evict runs clflushopt (about 1 ms for 25 MB), 0 when it falls back to clflush (some 15 times slower). */
int dm_evict_fast(void);

/* An input of proj, prepared once by the kernels' proj_in and then shared by
 * every row chunk and thread that projects it. */
typedef struct dm_kproj_in {
    const float *x; /* the d inputs */
    float sx;       /* > 0: buf holds x quantized to 16 bits with step sx (avx2); 0: the kernel reads x */
    uint8_t *buf;   /* the caller's, dm_kproj_in_bytes(d), 32-byte aligned; NULL: no quantized copy */
} dm_kproj_in;
size_t dm_kproj_in_bytes(int d);

typedef struct dm_kernels {
    const char *name; /* "ref", "avx2", "avx512" */
    void (*rows_gemv)(const float *W, size_t ld, int cols, const int *rows, int nrows, const float *x, float *y);
    /* proj_in: in->x = x and (avx2, when in->buf is set and x finite) the
     * quantized copy; then proj(p, in, out) for any row view of a projection
     * of input size d. */
    void (*proj_in)(dm_kproj_in *in, const float *x, int d);
    void (*proj)(const dm_kproj *p, const dm_kproj_in *in, float *out);
    void (*qgemv)(const dm_qmat *m, const int8_t *xq, float xscale, float *y);
    float (*quant_in)(const float *v, int n, int8_t *xq);
    /* Fused gate epilogues (the cell update on merged pre-activations).
     * lstm_cell: g = 4H pre-activations i, f, g, o; c = f c + i tanh(g),
     * h = o tanh(c). gru_cell: g = r, z, n_x (3H), ghn = n_h (H);
     * n = tanh(n_x + r n_h), h = (1 - z) n + z h. ref: the formulas of
     * dm_lm_cell_update with libm expf / tanhf (bit-identical to it); SIMD:
     * polynomial exp, |error| of h and c within the bound in kernels.c. */
    void (*lstm_cell)(const float *g, int H, float *h, float *c);
    void (*gru_cell)(const float *g, const float *ghn, int H, float *h);
    /* The marking pass of a threshold rule over n rows: row j is insensitive
     * iff sc[j] >= th (NaN: sensitive); sens[j] = !insensitive, g[j] = y[j]
     * (the exact rows are written later; y may be g itself), and the sensitive rows' numbers
     * off + j are appended to idx in order; returns how many. Exact (the
     * same comparisons) in every variant. */
    int (*mark_ge)(const float *sc, const float *y, float th, int off, int n, unsigned char *sens, float *g,
                   int *idx);
    /* Dense FP32 GEMV over contiguous rows, accumulating: y[i] += W[i, 0:cols]
     * . x for i < rows (W row-major, stride ld). ref: the dot in double,
     * then y[i] += (float)dot; SIMD: the rows_gemv arithmetic (bit-identical
     * to rows_gemv over rows 0..rows-1, then the one float add). */
    void (*gemv)(const float *W, size_t ld, int rows, int cols, const float *x, float *y);
} dm_kernels;

/* ---- tuned parameters (measured per CPU by dm_tune, src/kernels/tune.h) ----
 * The knobs that decide how close the SIMD kernels come to the memory
 * bandwidth. They never change results: every setting gives bit-identical
 * output (the same arithmetic in the same order; only the prefetches, the
 * rows per block and the work split differ). The reference kernels ignore
 * them. */
typedef enum dm_dense_impl { DM_DENSE_BLAS = 0, DM_DENSE_OWN = 1 } dm_dense_impl;
typedef struct dm_kparams {
    int rows_block; /* rows_gemv / gemv: rows per block sharing each x load, 4 or 8 */
    int rows_pf;    /* their prefetch distance in floats (multiple of 16, <= 8192); 0: no software prefetch */
    int rows_hint;  /* 0: prefetch into L1 (T0), 1: into L2 (T1) */
    int q_pf;       /* qgemv prefetch distance in bytes (<= 1 MB); 0: none */
    int q_hint;     /* 0: T0, 1: T1 */
    int dense;      /* dm_dense_impl: what dm_dense_gemv runs */
    int parts;      /* row-block parts per thread in the dm_par_ kernels, 1..4 */
    int q_streams;  /* qgemv on INT8 (and 16-bit) weights: its 4-row groups read as 1, 2 or 4 interleaved
                     * streams (equal ranges, one group of each in turn); some memory systems give more
                     * bandwidth to several */
    int q4_streams; /* the same for the packed 4-, 2- and 1-bit weights: fewer bytes a row for the same work,
                     * and another best count (Intel family 6 model 167: INT8 one stream, INT4 two or four) */
    int rows_streams; /* rows_gemv on a gathered row list: each block's rows from 1, 2, 4 or 8 (at most
                       * rows_block) equal ranges of the rows, read as that many interleaved sequential streams */
    int dense_streams; /* the same for gemv and for a row list at least 3/4 dense (rows_gemv at low ratios):
                        * the memory system may favour another number of streams for near-contiguous rows */
    int proj_pf;       /* dm_par_proj: bytes of the little weights prefetched during the projection, 0..4 MB
                        * (compute-bound projections hide them; one bound by its own reads only slows) */
    int proj_dist;     /* how far ahead the integer projections prefetch their codes, in bytes (a multiple of
                        * 64, <= 64 KB; 0: no software prefetch) */
} dm_kparams;

/* The compiled-in values (the hand-tuned ones of the development machine;
 * dense = BLAS). */
void dm_kparams_default(dm_kparams *p);
/* 0, or -1 with a message naming the bad field and the expected range. */
int dm_kparams_check(const dm_kparams *p, dm_err *err);
/* Process-wide current parameters (start: the defaults). Set them only
 * while no kernel runs (between steps). set returns -1 on invalid ones. */
int dm_kparams_set(const dm_kparams *p, dm_err *err);
const dm_kparams *dm_kparams_get(void);
/* "block=4 rs=1 ds=1 pf=512 hint=t0 qpf=4096 qhint=t0 dense=blas parts=1 qs=1 q4s=1 ppf=768K pd=2048". */
void dm_kparams_format(const dm_kparams *p, char *out, size_t n);

/* The dense FP32 step GEMV, y += W x (rows x cols, stride ld), as the dense
 * model (dm_lm_layer_step) computes it: OpenBLAS sgemv unless
 * dm_dense_use chose our own kernels' gemv (split over the OpenBLAS thread
 * count with the persistent pool). */
void dm_dense_gemv(int rows, int cols, const float *W, int ld, const float *x, float *y);
/* k = NULL (or the ref kernels): OpenBLAS from now on; else k's gemv. */
void dm_dense_use(const dm_kernels *k);
/* "OpenBLAS sgemv" or "own avx512 gemv". */
const char *dm_dense_name(void);
void dm_par_gemv(const dm_kernels *k, int n, const float *W, size_t ld, int rows, int cols, const float *x,
                 float *y);

/* Threading over row blocks. A small pool of persistent workers (created on
 * first use, at most DM_PAR_MAX - 1); dm_par_run(n, fn, arg) calls
 * fn(arg, i, n) for i = 0..n-1, part 0 on the calling thread, and returns
 * when all are done. Workers spin briefly after a job (the next one in a
 * step comes within microseconds), then sleep. Not reentrant: one caller
 * thread at a time. n <= 1 (or a pool that failed to start) runs fn(arg, 0,
 * 1) inline. */
#define DM_PAR_MAX 16
typedef void (*dm_par_fn)(void *arg, int part, int nparts);
void dm_par_run(int n, dm_par_fn fn, void *arg);
/* Start or wake the pool's workers for n threads and return once they are
 * spinning (or after 2 ms, for a worker the OS does not schedule): a cold
 * benchmark step that follows a cache flush of several milliseconds then
 * finds the workers awake, as in a stream of steps, instead of doing the
 * first parallel phase alone while a worker wakes up. */
void dm_par_wake(int n);
/* The kernels' thread count: as many as OpenBLAS has been given (--threads), at least 1, so dense and dual
 * steps run with the same count. */
int dm_kernel_threads(void);

/* Part i of n of [0, total), cut on multiples of align: the split the
 * dm_par_ kernels use. */
void dm_par_range(int total, int align, int i, int n, int *lo, int *hi);

/* The kernels split over n threads (results identical to the one-thread
 * call: the same rows computed by the same code). */
void dm_par_rows_gemv(const dm_kernels *k, int n, const float *W, size_t ld, int cols, const int *rows,
                      int nrows, const float *x, float *y);
void dm_par_qgemv(const dm_kernels *k, int n, const dm_qmat *m, const int8_t *xq, float xscale, float *y);
/* The little module's projection: the packed SRP projections kp[0..ns) of the inputs in[] (prepared by
 * proj_in) into v + q * kdim, split over n threads (a share of the ns streams' 4-row panels each, cut on
 * multiples of DM_PROJ_CHUNK rows), one kernel call per stream of a share. While the integer projection
 * computes, a part prefetches (T1) what it reads first in the little GEMV that follows, one line beside each
 * block of codes (so the memory works during the arithmetic; a run of prefetches would stall it), in the order
 * the GEMV reads it: its dm_par_qgemv share of qm's rows, group by group in qm's streams; with qm NULL, part 0
 * the first f32_bytes of f32 (FP32 weights, one BLAS call). In all at most dm_kparams.proj_pf bytes and
 * DM_PROJ_PF_RATIO times the projections' bytes, and no more than a line a block of codes allows; proj_pf 0:
 * none. */
#define DM_PROJ_CHUNK 32
#define DM_PROJ_PF_RATIO 3
void dm_par_proj(const dm_kernels *k, int n, const dm_kproj *kp, const dm_kproj_in *in, int ns, int kdim, float *v,
                 const dm_qmat *qm, const void *f32, size_t f32_bytes);

/* NULL when the CPU (or the build) lacks the variant. */
const dm_kernels *dm_kernels_get(dm_kvariant v);
/* The best variant this CPU supports. */
const dm_kernels *dm_kernels_best(void);
/* "ref", "avx2", "avx512", "auto"; -1 if unknown. auto -> the best. */
int dm_kernels_parse(const char *name, dm_kvariant *out);

#endif
