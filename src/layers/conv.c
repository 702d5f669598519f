/* conv.c - convolution, pooling and batch-norm folding (see conv.h). */
#include "conv.h"

#include <cblas.h>
#include <math.h>
#include <stdint.h>
#include <string.h>

/* Eight lanes at a time with GCC/clang vector extensions (a comparison mask
 * ANDed with the values: branch-free, so the compiler emits SIMD at -O2,
 * which it does not for the scalar ternary), then the tail. */
typedef float dm_v8f __attribute__((vector_size(32), aligned(4)));
typedef int32_t dm_v8i __attribute__((vector_size(32), aligned(4)));

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
                int iy = oy * c->stride - c->pad + ky;
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

void dm_conv_forward_act(const dm_conv *c, const float *x, int n, int H, int W, float *out, float *cols,
                         const float *add, int relu)
{
    int Ho = dm_conv_out(H, c->kh, c->stride, c->pad), Wo = dm_conv_out(W, c->kw, c->stride, c->pad);
    size_t P = (size_t)Ho * Wo, in_sz = (size_t)H * W * c->cin;
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


void dm_conv_epilogue(float *out, size_t M, int cout, const float *b, const float *add, int relu)
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

void dm_relu(float *x, size_t n)
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

void dm_add_relu(float *x, const float *r, size_t n)
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
