/* conv.h - 2-D convolution, pooling and batch-norm folding for the classifier.
 *
 * Feature maps are stored position-major (HWC: map[(y * W + x) * C + c]),
 * so the receptive field of one output position is kh * kw runs of C
 * contiguous floats. Weights are kept in the matching order
 * [cout][kh][kw][cin] (PyTorch stores [cout][cin][kh][kw]; dm_conv_from_torch
 * permutes), so one output position is a dot product of a weight row with
 * that position's patch (im2col row, K = kh * kw * cin values): the patch is
 * the dual-module site's input u, the weight rows its rows.
 *
 * dm_conv_forward is a direct kernel when dm_conv_prepare packed the
 * weights for it (cout a multiple of 16, stride 1 or 2, not 1x1, a CPU
 * with AVX-512F or AVX2 + FMA), else im2col + one SGEMM (OpenBLAS; a 1x1 convolution is
 * a plain GEMM); dm_conv_ref is the direct
 * seven-loop convolution the tests compare both with.
 *
 * The direct kernel: the map is copied into a zero-padded one, then for
 * each output row, block of 16 (or 2 x 16) output channels and tile of up
 * to 14 (12) positions, the tile's outputs stay in zmm registers while the
 * loop over (ky, kx, cin) broadcasts one input value per position and
 * multiply-adds it with the 16 channels' weights (packed [cout/16][kh][kw]
 * [cin][16]). Without AVX-512F the AVX2 tile is 6 positions x 16 channels
 * in ymm registers, with the same multiply-adds in the same order: both
 * kernels give the same bits. At these widths (16..128 channels) OpenBLAS's SGEMM runs its
 * N = cout side far below peak; measured on the 2-core Zen 5 VM, batch 16,
 * 1 thread: 1.7x (4x4x128) to 3.1x (14x14x32, 7x7x64) faster than im2col +
 * SGEMM. Sums are in another order than SGEMM's: the results agree within
 * float rounding (tests: 1e-5 relative to the reference). */
#ifndef DM_CONV_H
#define DM_CONV_H

#include <stddef.h>

#include "util.h"

typedef struct dm_conv {
    int cin, cout, kh, kw, stride, pad;
    int K;          /* kh * kw * cin: the patch length */
    float *w;       /* cout x K, [cout][kh][kw][cin] */
    float *b;       /* cout (the folded batch norm's shift; zeros without one) */
    float *wp;      /* the direct kernel's packed weights, or NULL (dm_conv_prepare) */
    int isa;        /* the direct kernel for wp: 2 AVX-512F, 1 AVX2 + FMA */
} dm_conv;

/* Output size of a dimension of n inputs (0 if the kernel does not fit). */
static inline int dm_conv_out(int n, int k, int stride, int pad)
{
    int o = (n + 2 * pad - k) / stride + 1;
    return n + 2 * pad < k ? 0 : o;
}

/* Allocate a convolution; w and b zeroed. */
int dm_conv_init(dm_conv *c, int cin, int cout, int kh, int kw, int stride, int pad, dm_err *err);
void dm_conv_free(dm_conv *c);
/* Set the weights from PyTorch's [cout][cin][kh][kw] layout (F32). */
void dm_conv_from_torch(dm_conv *c, const float *w);
/* Fold an inference batch norm y = (x - mean) / sqrt(var + eps) * gamma + beta
 * into the weights and bias: w *= gamma / sqrt(var + eps), b = beta - mean * that. */
void dm_conv_fold_bn(dm_conv *c, const float *gamma, const float *beta, const float *mean, const float *var,
                     float eps);

/* Call once the weights are final (after folding): packs them for the
 * direct kernel when this CPU and the shape allow it (else leaves the
 * SGEMM path). 0, or -1 out of memory. */
int dm_conv_prepare(dm_conv *c, dm_err *err);
/* "direct avx512", "direct avx2" or "im2col+sgemm": what dm_conv_forward
 * runs for c (the kernel dm_cpu_fma_width gave when c was prepared). */
const char *dm_conv_impl(const dm_conv *c);

/* Patches of one H x W x cin map: cols is (Ho * Wo) x K, zero padding. */
void dm_im2col(const dm_conv *c, const float *x, int H, int W, float *cols);
/* out (Ho * Wo) x cout = cols W^T + b, for n maps one after another (x:
 * n * H * W * cin; out: n * Ho * Wo * cout); cols: scratch of
 * n * Ho * Wo * K floats (the direct kernel uses it for one padded map
 * when that fits, else the SGEMM path runs). */
void dm_conv_forward(const dm_conv *c, const float *x, int n, int H, int W, float *out, float *cols);
/* cols is scratch for both: its content afterwards is unspecified. This one
 * leaves the n maps' patches in cols ((n * Ho * Wo) x K, as dm_im2col) for
 * a caller that needs them too (the little module's inputs, the fit's
 * moments). */
void dm_conv_forward_patches(const dm_conv *c, const float *x, int n, int H, int W, float *out, float *cols);
/* The same with the epilogue fused: out = conv + b (+ add) (then max(., 0) if relu). */
void dm_conv_forward_act(const dm_conv *c, const float *x, int n, int H, int W, float *out, float *cols,
                         const float *add, int relu);
/* M rows of cout: out += b (+ add), then max(out, 0) if relu. */
void dm_conv_epilogue(float *out, size_t M, int cout, const float *b, const float *add, int relu);
/* The reference: direct convolution of one map (out (Ho * Wo) x cout). */
void dm_conv_ref(const dm_conv *c, const float *x, int H, int W, float *out);

/* In place: x = max(x, 0) (n values); x = max(x + r, 0). */
void dm_relu(float *x, size_t n);
void dm_add_relu(float *x, const float *r, size_t n);
/* k x k max pool, stride s, padding p (padding never wins) of one H x W x C map. */
void dm_maxpool(const float *x, int H, int W, int C, int k, int s, int p, float *out);
/* Mean over the H * W positions of one map: out C. */
void dm_avgpool(const float *x, int H, int W, int C, float *out);

#endif
