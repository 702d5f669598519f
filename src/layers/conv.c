/* conv.c - convolution, pooling and batch-norm folding (see conv.h). */
#include "conv.h"

#include <cblas.h>
#include <immintrin.h>
#include <math.h>
#include <stdint.h>
#include <string.h>

/* Eight lanes at a time with GCC/clang vector extensions (a comparison mask
 * ANDed with the values: branch-free, so the compiler emits SIMD at -O2,
 * which it does not for the scalar ternary), then the tail. */
typedef float dm_v8f __attribute__((vector_size(32), aligned(4)));
typedef int32_t dm_v8i __attribute__((vector_size(32), aligned(4)));
/* The element-wise passes are cloned per ISA: on the x86-64 baseline GCC
 * lowers the 8-lane compare to scalar code through the stack (store-forwarding
 * stalls: 38% of a ResNet evaluation went to dm_conv_epilogue); with AVX2 or
 * AVX-512 it is one instruction. (Static clones behind the public names:
 * clang refuses to multiversion a function already declared and used.) */
#define DM_CONV_CLONES __attribute__((target_clones("avx512f", "avx2", "default")))

int dm_conv_init(dm_conv *c, int cin, int cout, int kh, int kw, int stride, int pad, dm_err *err)
{
    memset(c, 0, sizeof *c);
    if (cin < 1 || cout < 1 || kh < 1 || kw < 1 || stride < 1 || pad < 0 || kh > 15 || kw > 15 || pad > 15 ||
        cin > 65536 || cout > 65536)
        return dm_errf(err, "convolution %dx%d, %d -> %d channels, stride %d, padding %d: out of range", kh, kw, cin,
                       cout, stride, pad);
    c->cin = cin, c->cout = cout, c->kh = kh, c->kw = kw, c->stride = stride, c->pad = pad;
    c->K = kh * kw * cin;
    c->w = dm_alloc((size_t)cout * c->K * sizeof(float));
    c->b = dm_alloc((size_t)cout * sizeof(float));
    if (!c->w || !c->b) {
        dm_conv_free(c);
        return dm_errf(err, "out of memory for a %d x %d convolution", cout, cin * kh * kw);
    }
    memset(c->w, 0, (size_t)cout * c->K * sizeof(float));
    memset(c->b, 0, (size_t)cout * sizeof(float));
    return 0;
}

void dm_conv_free(dm_conv *c)
{
    dm_free(c->w);
    dm_free(c->b);
    dm_free(c->wp);
    memset(c, 0, sizeof *c);
}

void dm_conv_from_torch(dm_conv *c, const float *w)
{
    for (int o = 0; o < c->cout; o++)
        for (int i = 0; i < c->cin; i++)
            for (int y = 0; y < c->kh; y++)
                for (int x = 0; x < c->kw; x++)
                    c->w[(size_t)o * c->K + ((size_t)y * c->kw + x) * c->cin + i] =
                        w[(((size_t)o * c->cin + i) * c->kh + y) * c->kw + x];
}

void dm_conv_fold_bn(dm_conv *c, const float *gamma, const float *beta, const float *mean, const float *var,
                     float eps)
{
    for (int o = 0; o < c->cout; o++) {
        double sc = (double)gamma[o] / sqrt((double)var[o] + eps);
        float *row = c->w + (size_t)o * c->K;
        for (int j = 0; j < c->K; j++)
            row[j] = (float)(row[j] * sc);
        c->b[o] = (float)((double)beta[o] + ((double)c->b[o] - mean[o]) * sc);
    }
}

void dm_im2col(const dm_conv *c, const float *x, int H, int W, float *cols)
{
    int Ho = dm_conv_out(H, c->kh, c->stride, c->pad), Wo = dm_conv_out(W, c->kw, c->stride, c->pad);
    size_t run = (size_t)c->cin * sizeof(float);
    for (int oy = 0; oy < Ho; oy++)
        for (int ox = 0; ox < Wo; ox++) {
            float *p = cols + ((size_t)oy * Wo + ox) * c->K;
            for (int ky = 0; ky < c->kh; ky++) {
                int iy = oy * c->stride - c->pad + ky, ix0 = ox * c->stride - c->pad;
                if (iy >= 0 && iy < H && ix0 >= 0 && ix0 + c->kw <= W) { /* the row's taps are adjacent pixels */
                    memcpy(p, x + ((size_t)iy * W + ix0) * c->cin, run * (size_t)c->kw);
                    p += (size_t)c->kw * c->cin;
                    continue;
                }
                for (int kx = 0; kx < c->kw; kx++, p += c->cin) {
                    int ix = ox * c->stride - c->pad + kx;
                    if (iy < 0 || iy >= H || ix < 0 || ix >= W)
                        memset(p, 0, run);
                    else
                        memcpy(p, x + ((size_t)iy * W + ix) * c->cin, run);
                }
            }
        }
}


/* ---- the direct kernel (AVX-512F, or AVX2 + FMA; see conv.h) --------------- */

#define T_AVX512F __attribute__((target("avx2,fma,avx512f")))
#define T_AVX2 __attribute__((target("avx2,fma")))
#define ALWAYS_INLINE inline __attribute__((always_inline))
#define DCONV_T1 14 /* positions per tile with one block of 16 channels */
#define DCONV_T2 12 /* with two blocks (2 x 12 accumulators + 2 weight vectors of 32 zmm) */
#define DCONV_A2 6  /* AVX2: positions per tile of 16 channels (6 x 2 accumulators of 16 ymm) */

static int direct_ok(const dm_conv *c)
{
    return dm_cpu_fma_width() && c->cout % 16 == 0 && (c->stride == 1 || c->stride == 2) && !(c->kh == 1 && c->kw == 1);
}

int dm_conv_prepare(dm_conv *c, dm_err *err)
{
    dm_free(c->wp);
    c->wp = NULL;
    c->isa = 0;
    if (!direct_ok(c))
        return 0;
    c->isa = dm_cpu_fma_width();
    if (!(c->wp = dm_alloc((size_t)c->cout * c->K * sizeof(float))))
        return dm_errf(err, "out of memory for a %d x %d convolution's packed weights", c->cout, c->K);
    for (int cb = 0; cb < c->cout / 16; cb++)
        for (int k = 0; k < c->K; k++)
            for (int j = 0; j < 16; j++)
                c->wp[((size_t)cb * c->K + k) * 16 + j] = c->w[(size_t)(cb * 16 + j) * c->K + k];
    return 0;
}

const char *dm_conv_impl(const dm_conv *c)
{
    return !c->wp ? "im2col+sgemm" : c->isa == 2 ? "direct avx512" : "direct avx2";
}

/* T output positions (stride S apart in the padded map xp of row pitch Wp)
 * times NB blocks of 16 channels: out[t][16 NB] = sum over (ky, kx, ci) of
 * xp[ky][t S + kx][ci] * w[ci][16] (no bias: the epilogue adds it). */
static T_AVX512F ALWAYS_INLINE void dconv_tile(const float *xp, int Wp, int cin, int kh, int kw, const float *wp,
                                               size_t wblk, float *out, int cout, const int T, const int NB,
                                               const int S)
{
    __m512 acc[2][DCONV_T1];
#pragma GCC unroll 14
    for (int t = 0; t < T; t++) {
        acc[0][t] = _mm512_setzero_ps();
        if (NB == 2)
            acc[1][t] = _mm512_setzero_ps();
    }
    for (int ky = 0; ky < kh; ky++)
        for (int kx = 0; kx < kw; kx++) {
            const float *xr = xp + ((size_t)ky * Wp + kx) * cin;
            const float *w0 = wp + ((size_t)ky * kw + kx) * cin * 16;
            for (int ci = 0; ci < cin; ci++) {
                __m512 wa = _mm512_loadu_ps(w0 + (size_t)ci * 16);
                __m512 wb = NB == 2 ? _mm512_loadu_ps(w0 + wblk + (size_t)ci * 16) : wa;
#pragma GCC unroll 14
                for (int t = 0; t < T; t++) {
                    __m512 xv = _mm512_set1_ps(xr[(size_t)t * S * cin + ci]);
                    acc[0][t] = _mm512_fmadd_ps(xv, wa, acc[0][t]);
                    if (NB == 2)
                        acc[1][t] = _mm512_fmadd_ps(xv, wb, acc[1][t]);
                }
            }
        }
#pragma GCC unroll 14
    for (int t = 0; t < T; t++) {
        _mm512_storeu_ps(out + (size_t)t * cout, acc[0][t]);
        if (NB == 2)
            _mm512_storeu_ps(out + (size_t)t * cout + 16, acc[1][t]);
    }
}

/* The tile widths instantiated: T is a constant in each (its loops unroll). */
#define DCONV_CASE(TT, NB, S)                                                                                   \
    case TT:                                                                                                    \
        dconv_tile(a, Wp, c->cin, c->kh, c->kw, w, wblk, o, c->cout, TT, NB, S);                                \
        break;
#define DCONV_SWITCH(NB, S)                                                                                     \
    switch (T) {                                                                                                \
        DCONV_CASE(14, NB, S) DCONV_CASE(12, NB, S) DCONV_CASE(8, NB, S) DCONV_CASE(7, NB, S)                   \
        DCONV_CASE(4, NB, S) DCONV_CASE(2, NB, S) default : dconv_tile(a, Wp, c->cin, c->kh, c->kw, w, wblk, o, \
                                                                       c->cout, 1, NB, S);                      \
        break;                                                                                                  \
    }

/* One map: xp is the padded map (Hp x Wp x cin), out Ho x Wo x cout. Output
 * channels go two blocks of 16 at a time, the last one alone when their
 * number is odd. */
static T_AVX512F void dconv_map(const dm_conv *c, const float *xp, int Wp, float *out, int Ho, int Wo)
{
    const size_t wblk = (size_t)c->K * 16;
    const int nblk = c->cout / 16;
    for (int oy = 0; oy < Ho; oy++)
        for (int cb = 0; cb < nblk;) {
            const int nb = cb + 2 <= nblk ? 2 : 1, tmax = nb == 2 ? DCONV_T2 : DCONV_T1;
            for (int ox = 0; ox < Wo;) {
                int rem = Wo - ox;
                int T = rem >= tmax ? tmax : rem >= 8 ? 8 : rem >= 7 ? 7 : rem >= 4 ? 4 : rem >= 2 ? 2 : 1;
                const float *a = xp + ((size_t)oy * c->stride * Wp + (size_t)ox * c->stride) * c->cin;
                const float *w = c->wp + (size_t)cb * wblk;
                float *o = out + ((size_t)oy * Wo + ox) * c->cout + cb * 16;
                if (nb == 2) {
                    if (c->stride == 1) {
                        DCONV_SWITCH(2, 1)
                    } else {
                        DCONV_SWITCH(2, 2)
                    }
                } else {
                    if (c->stride == 1) {
                        DCONV_SWITCH(1, 1)
                    } else {
                        DCONV_SWITCH(1, 2)
                    }
                }
                ox += T;
            }
            cb += nb;
        }
}

/* The AVX2 tile: T positions times one block of 16 channels (two ymm), the
 * same fused multiply-adds in the same order as dconv_tile (bit-identical). */
static T_AVX2 ALWAYS_INLINE void dconv2_tile(const float *xp, int Wp, int cin, int kh, int kw, const float *wp,
                                             float *out, int cout, const int T, const int S)
{
    __m256 acc[DCONV_A2][2];
#pragma GCC unroll 6
    for (int t = 0; t < T; t++)
        acc[t][0] = acc[t][1] = _mm256_setzero_ps();
    for (int ky = 0; ky < kh; ky++)
        for (int kx = 0; kx < kw; kx++) {
            const float *xr = xp + ((size_t)ky * Wp + kx) * cin;
            const float *w0 = wp + ((size_t)ky * kw + kx) * cin * 16;
            for (int ci = 0; ci < cin; ci++) {
                const __m256 wa = _mm256_loadu_ps(w0 + (size_t)ci * 16), wb = _mm256_loadu_ps(w0 + (size_t)ci * 16 + 8);
#pragma GCC unroll 6
                for (int t = 0; t < T; t++) {
                    const __m256 xv = _mm256_broadcast_ss(xr + (size_t)t * S * cin + ci);
                    acc[t][0] = _mm256_fmadd_ps(xv, wa, acc[t][0]);
                    acc[t][1] = _mm256_fmadd_ps(xv, wb, acc[t][1]);
                }
            }
        }
#pragma GCC unroll 6
    for (int t = 0; t < T; t++) {
        _mm256_storeu_ps(out + (size_t)t * cout, acc[t][0]);
        _mm256_storeu_ps(out + (size_t)t * cout + 8, acc[t][1]);
    }
}

#define DCONV2_CASE(TT, S)                                                                                      \
    case TT:                                                                                                    \
        dconv2_tile(a, Wp, c->cin, c->kh, c->kw, w, o, c->cout, TT, S);                                         \
        break;
#define DCONV2_SWITCH(S)                                                                                        \
    switch (T) {                                                                                                \
        DCONV2_CASE(6, S) DCONV2_CASE(5, S) DCONV2_CASE(4, S) DCONV2_CASE(3, S) DCONV2_CASE(2, S) default      \
            : dconv2_tile(a, Wp, c->cin, c->kh, c->kw, w, o, c->cout, 1, S);                                    \
        break;                                                                                                  \
    }

/* dconv_map with the AVX2 tile: one block of 16 channels at a time. */
static T_AVX2 void dconv2_map(const dm_conv *c, const float *xp, int Wp, float *out, int Ho, int Wo)
{
    const size_t wblk = (size_t)c->K * 16;
    const int nblk = c->cout / 16;
    for (int oy = 0; oy < Ho; oy++)
        for (int cb = 0; cb < nblk; cb++)
            for (int ox = 0; ox < Wo;) {
                const int T = Wo - ox >= DCONV_A2 ? DCONV_A2 : Wo - ox;
                const float *a = xp + ((size_t)oy * c->stride * Wp + (size_t)ox * c->stride) * c->cin;
                const float *w = c->wp + (size_t)cb * wblk;
                float *o = out + ((size_t)oy * Wo + ox) * c->cout + cb * 16;
                if (c->stride == 1) {
                    DCONV2_SWITCH(1)
                } else {
                    DCONV2_SWITCH(2)
                }
                ox += T;
            }
}

/* The direct path for n maps, padding each into scratch (its capacity in
 * floats); returns 0 when it ran, -1 when the padded map does not fit. */
static int dconv_forward(const dm_conv *c, const float *x, int n, int H, int W, float *out, float *scratch,
                         size_t cap)
{
    int Ho = dm_conv_out(H, c->kh, c->stride, c->pad), Wo = dm_conv_out(W, c->kw, c->stride, c->pad);
    int Hp = H + 2 * c->pad, Wp = W + 2 * c->pad;
    size_t psz = (size_t)Hp * Wp * c->cin, in_sz = (size_t)H * W * c->cin, osz = (size_t)Ho * Wo * c->cout;
    if (psz > cap || Ho < 1 || Wo < 1)
        return -1;
    memset(scratch, 0, psz * sizeof(float));
    for (int i = 0; i < n; i++) {
        const float *xi = x + i * in_sz;
        for (int y = 0; y < H; y++)
            memcpy(scratch + ((size_t)(y + c->pad) * Wp + c->pad) * c->cin, xi + (size_t)y * W * c->cin,
                   (size_t)W * c->cin * sizeof(float)); /* the border stays zero */
        if (c->isa == 2)
            dconv_map(c, scratch, Wp, out + i * osz, Ho, Wo);
        else
            dconv2_map(c, scratch, Wp, out + i * osz, Ho, Wo);
    }
    return 0;
}

void dm_conv_forward_act(const dm_conv *c, const float *x, int n, int H, int W, float *out, float *cols,
                         const float *add, int relu)
{
    int Ho = dm_conv_out(H, c->kh, c->stride, c->pad), Wo = dm_conv_out(W, c->kw, c->stride, c->pad);
    size_t P = (size_t)Ho * Wo, in_sz = (size_t)H * W * c->cin;
    if (c->wp && dconv_forward(c, x, n, H, W, out, cols, (size_t)n * P * c->K) == 0) {
        dm_conv_epilogue(out, (size_t)n * P, c->cout, c->b, add, relu);
        return;
    }
    const float *src = cols;
    if (c->kh == 1 && c->kw == 1 && c->stride == 1 && c->pad == 0) {
        src = x; /* the map is its own patch matrix */
    } else {
        for (int i = 0; i < n; i++)
            dm_im2col(c, x + i * in_sz, H, W, cols + i * P * c->K);
    }
    size_t M = (size_t)n * P;
    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, (int)M, c->cout, c->K, 1.0f, src, c->K, c->w, c->K, 0.0f,
                out, c->cout);
    dm_conv_epilogue(out, M, c->cout, c->b, add, relu);
}

void dm_conv_forward_patches(const dm_conv *c, const float *x, int n, int H, int W, float *out, float *cols)
{
    dm_conv_forward_act(c, x, n, H, W, out, cols, NULL, 0);
    /* the SGEMM path left the patches in cols, except a 1x1/1 map that is its own patch matrix; the
     * direct path used cols as the padded map */
    int Ho = dm_conv_out(H, c->kh, c->stride, c->pad), Wo = dm_conv_out(W, c->kw, c->stride, c->pad);
    size_t P = (size_t)Ho * Wo, in_sz = (size_t)H * W * c->cin;
    if (c->kh == 1 && c->kw == 1 && c->stride == 1 && c->pad == 0)
        memcpy(cols, x, (size_t)n * in_sz * sizeof(float));
    else if (c->wp)
        for (int i = 0; i < n; i++)
            dm_im2col(c, x + i * in_sz, H, W, cols + i * P * c->K);
}

void dm_conv_forward(const dm_conv *c, const float *x, int n, int H, int W, float *out, float *cols)
{
    dm_conv_forward_act(c, x, n, H, W, out, cols, NULL, 0);
}

void dm_conv_ref(const dm_conv *c, const float *x, int H, int W, float *out)
{
    int Ho = dm_conv_out(H, c->kh, c->stride, c->pad), Wo = dm_conv_out(W, c->kw, c->stride, c->pad);
    for (int oy = 0; oy < Ho; oy++)
        for (int ox = 0; ox < Wo; ox++)
            for (int o = 0; o < c->cout; o++) {
                double acc = c->b[o];
                for (int ky = 0; ky < c->kh; ky++)
                    for (int kx = 0; kx < c->kw; kx++) {
                        int iy = oy * c->stride - c->pad + ky, ix = ox * c->stride - c->pad + kx;
                        if (iy < 0 || iy >= H || ix < 0 || ix >= W)
                            continue;
                        for (int i = 0; i < c->cin; i++)
                            acc += (double)c->w[(size_t)o * c->K + ((size_t)ky * c->kw + kx) * c->cin + i] *
                                   x[((size_t)iy * W + ix) * c->cin + i];
                    }
                out[((size_t)oy * Wo + ox) * c->cout + o] = (float)acc;
            }
}


DM_CONV_CLONES static void conv_epilogue_clones(float *out, size_t M, int cout, const float *b, const float *add,
                                                int relu)
{
    const dm_v8f z = {0};
    for (size_t r = 0; r < M; r++) {
        float *o = out + r * (size_t)cout;
        const float *a = add ? add + r * (size_t)cout : NULL;
        int j = 0;
        for (; j + 8 <= cout; j += 8) {
            dm_v8f v, w;
            memcpy(&v, o + j, sizeof v);
            memcpy(&w, b + j, sizeof w);
            v += w;
            if (a) {
                memcpy(&w, a + j, sizeof w);
                v += w;
            }
            if (relu)
                v = (dm_v8f)((dm_v8i)v & (dm_v8i)(v > z));
            memcpy(o + j, &v, sizeof v);
        }
        for (; j < cout; j++) {
            float v = o[j] + b[j] + (a ? a[j] : 0.0f);
            o[j] = relu && !(v > 0) ? 0.0f : v;
        }
    }
}

void dm_conv_epilogue(float *out, size_t M, int cout, const float *b, const float *add, int relu)
{
    conv_epilogue_clones(out, M, cout, b, add, relu);
}

DM_CONV_CLONES static void relu_clones(float *x, size_t n)
{
    size_t i = 0;
    const dm_v8f z = {0};
    for (; i + 8 <= n; i += 8) {
        dm_v8f v;
        memcpy(&v, x + i, sizeof v);
        v = (dm_v8f)((dm_v8i)v & (dm_v8i)(v > z));
        memcpy(x + i, &v, sizeof v);
    }
    for (; i < n; i++)
        x[i] = x[i] > 0 ? x[i] : 0;
}

void dm_relu(float *x, size_t n)
{
    relu_clones(x, n);
}

DM_CONV_CLONES static void add_relu_clones(float *x, const float *r, size_t n)
{
    size_t i = 0;
    const dm_v8f z = {0};
    for (; i + 8 <= n; i += 8) {
        dm_v8f v, w;
        memcpy(&v, x + i, sizeof v);
        memcpy(&w, r + i, sizeof w);
        v += w;
        v = (dm_v8f)((dm_v8i)v & (dm_v8i)(v > z));
        memcpy(x + i, &v, sizeof v);
    }
    for (; i < n; i++) {
        float v = x[i] + r[i];
        x[i] = v > 0 ? v : 0;
    }
}

void dm_add_relu(float *x, const float *r, size_t n)
{
    add_relu_clones(x, r, n);
}

void dm_maxpool(const float *x, int H, int W, int C, int k, int s, int p, float *out)
{
    int Ho = dm_conv_out(H, k, s, p), Wo = dm_conv_out(W, k, s, p);
    for (int oy = 0; oy < Ho; oy++)
        for (int ox = 0; ox < Wo; ox++) {
            float *o = out + ((size_t)oy * Wo + ox) * C;
            for (int c = 0; c < C; c++)
                o[c] = -INFINITY;
            for (int ky = 0; ky < k; ky++)
                for (int kx = 0; kx < k; kx++) {
                    int iy = oy * s - p + ky, ix = ox * s - p + kx;
                    if (iy < 0 || iy >= H || ix < 0 || ix >= W)
                        continue;
                    const float *v = x + ((size_t)iy * W + ix) * C;
                    for (int c = 0; c < C; c++)
                        o[c] = v[c] > o[c] ? v[c] : o[c];
                }
        }
}

void dm_avgpool(const float *x, int H, int W, int C, float *out)
{
    size_t P = (size_t)H * W;
    for (int c = 0; c < C; c++)
        out[c] = 0;
    for (size_t i = 0; i < P; i++)
        for (int c = 0; c < C; c++)
            out[c] += x[i * C + c];
    for (int c = 0; c < C; c++)
        out[c] /= (float)P;
}
