/* kernels.c - the hot loops of dual-module inference (see kernels.h): scalar
 * references (_ref) and AVX2 / AVX-512 variants, compiled with function-level
 * target attributes (no -march needed) and chosen at run time with
 * __builtin_cpu_supports.
 *
 * Variants: "avx2" needs AVX2 + FMA; "avx512" needs AVX-512 F, BW, VL and
 * VNNI (and AVX2 + FMA). dm_kernels_get returns NULL for a variant the CPU
 * lacks.
 *
 * rows_gemv (FP32). ref: each y[i] accumulated in double in column order,
 * rounded once to float. SIMD: blocks of 4 or 8 rows (dm_kparams.rows_block)
 * share each x load; float FMA into per-row accumulators (avx2: 2 x 8 lanes
 * per row, avx512: 16 lanes), horizontal sums at the end (avx2: per group of
 * 4 rows, so a row reduces the same way in blocks of 4 and 8), tails by
 * masked loads (never a read past cols). Software prefetch (dm_kparams:
 * rows_pf floats ahead, into L1 or L2, or none; default DM_ROWS_PF, T0) runs
 * ahead of the loads and, near the end of a block, into the next block's
 * rows, so each row's start is in flight before it is needed. gemv is the
 * same code over contiguous rows, adding into y. Any row list works: empty, unsorted,
 * duplicates (each y[i] is computed independently).
 *
 * proj: dm_kproj.data is a dense 2-bit sign matrix: k rows of
 * ng = ceil(d / 16) uint32 words; word g of row j has bit t (0..15) set if
 * P[j][16g + t] = +scale and bit 16 + t set if it is -scale (bits past d are
 * 0). bytes = 4 k ng + 4 (the scale): about d k / 4 bytes, against 5 bytes
 * per non-zero (d k 5 / 3) for the CSR of dm_proj. ref: double accumulation in
 * column order, then (float)(s * scale): bit-identical to dm_proj_apply for a
 * CSR with ascending columns (as dm_proj_srp makes). SIMD float fallback
 * (inputs the integer kernels below cannot quantize): float sums of
 * the plus and minus columns (avx512: masked adds with the 16-bit words as
 * masks; avx2: FMA with a 256 x 8 table of 0/1 floats indexed by each
 * byte), 4 rows per x load; out = (sum+ - sum-) * scale. The float error is
 * bounded by about (d / 16 + 8) ulp of the L1 norm of the contributing x
 * entries. Measured at 417 x 1500 (Zen 5): uint16 plus/minus column lists
 * (2.7x the bytes) took 61 us with AVX-512 gathers, 76 us with AVX2 gathers
 * and 42 us with scalar loads, against 16 us (avx512) and 29 us (avx2) for
 * the bitmap.
 * avx2 and avx512 work in integers, on a second layout of the same signs
 * (dm_kproj.codes): rows in panels of 4, each panel ceil(d / 32) blocks of
 * 32 bytes, byte c of block b holding the codes of column 32b + c for the
 * panel's rows 0..3 in bits 2i, 2i + 1 (0: zero, 1: +1, 2: -1; rows and
 * columns past k and d are 0), and rowsum[j] = sum of row j's signs.
 * proj_in quantizes x once per step (sx = max|x| / 32767, x16 =
 * clamp(rint(x / sx), +-32767)) into two byte planes of u = x16 + 32768
 * (hi = u >> 8, lo = u & 255); per 32 columns and row the kernel looks the
 * signs up (pshufb on a nibble of the codes) and multiplies them into both
 * planes (maddubs), summing exactly in int16/int32:
 * out = (256 sum(s hi) + sum(s lo) - 32768 rowsum) * sx * scale. Its only
 * error is x's rounding, |out - P x| <= nnz_j * sx / 2 * scale (a 2^-16 part
 * of max|x| per non-zero), far below the 8-bit quantization of the little
 * input that follows. Zen 3, 417 x 1500: 17 us against 67 us for the float
 * bitmap kernel (the FMA table lookups are 2 loads and 2 FMA per 8 entries,
 * the integer kernel 2 maddubs per 32). avx512 runs the same integer
 * arithmetic (bit-identical results) on 64 columns and the 4 rows of a panel
 * per load, summing with VNNI vpdpbusd: Sapphire Rapids (Intel family 6
 * model 167), 2 x 417 x 1500 warm: 17.5 us against 27 us for avx2's integer
 * kernel and 52 us for the masked-add bitmap kernel. Its rows end in one int32 sum of 256 hi + lo per lane and a
 * four-row reduction (exact: every partial sum is within 65535 d), 12.5 us against 14.4 us for two int64 sums
 * a row (2 x 417 x 1500 with proj_in, warm; cold 23.5 against 25.5 us, same run). Both prefetch the codes
 * dm_kparams.proj_dist bytes ahead (cold, same run: 68 -> 42 us for avx2 at 2 KB). Inputs with a NaN
 * or infinity, or d > DM_PROJ_QD_MAX, take the float kernel (no quantized
 * copy).
 *
 * qgemv: every packed row is made of 64-byte blocks (row_bytes = 64 nb,
 * blocks 64-byte aligned, vector loads never leave a block); a block holds
 * 512 / container columns. Rows go in panels of 4 (q_off): block b of rows
 * 4g..4g+3 are four consecutive blocks, so the 4-row kernels read one
 * sequential stream instead of four streams a row apart (the tuner's probe,
 * 6000 x 834 INT8, cold, Zen 5: 0.25 ms = 21.6 GB/s row-major, 0.165 ms =
 * 32.8 GB/s in panels; INT4 0.14 -> 0.085 ms); the last rows % 4 rows are
 * plain rows. Blocks:
 *   8 bits (bits 5..8): byte i = q[64b + i] (int8).
 *   16 bits (9..16): int16 little endian, q[32b + i] at bytes 2i, 2i + 1.
 *   4 bits (3..4): offset binary u = q + 8 in 0..15; byte i holds column
 *       128b + i in its low nibble and 128b + 64 + i in its high nibble.
 *   2 bits (2): u = q + 2 in 0..3; byte i holds column 256b + 64s + i in
 *       bits 2s, 2s + 1 (s = 0..3).
 *   1 bit (1): bit (j mod 8) of byte j / 8 is 1 iff q[j] = +1 (else -1).
 * Padding columns hold q = 0 (u = 8 / u = 2; bit 0 for 1 bit) and meet
 * x = 0, so they never count. acc_r = sum_j q[r][j] xq[j] is exact in every
 * variant: ref sums in int64; SIMD sums in int32 lanes that provably cannot
 * overflow (8-bit containers and below: cols <= DM_QCOLS_MAX enforced by
 * dm_qmat_pack; the 16-bit container flushes its int32 lanes into int64
 * every QFLUSH16 blocks), then y = (float)acc * (wscale * xscale) + bias,
 * the product stored through a volatile so no compiler can fuse it into an
 * FMA: the same float operations in every variant, hence bit-identical y.
 *   8-bit SIMD: the sign trick - |x| as u8 times w with x's sign moved onto
 *   it (avx2 _mm256_sign_epi8 + _mm256_maddubs_epi16: each pair sum is at
 *   most 2 * 128 * 127 = 32512 < 32767, so the int16 saturation never
 *   triggers, even for xq = -128; avx512 _mm512_dpbusd_epi32). 4/2-bit: the
 *   unsigned u times x (maddubs / dpbusd), minus offset * sum(x) per row.
 *   1-bit: acc = 2 sum(x over +1 bits) - sum(x) (avx2: bits expanded to
 *   bytes 0 / 1 by shuffle/and/min, then maddubs with x; avx512: the bits
 *   are the k-mask of a masked move, then dpbusd with ones), and
 *   chunks of the last block that hold only padding are skipped.
 *   16-bit: x widened to int16, _mm256_madd_epi16 / _mm512_dpwssd_epi32.
 * SIMD rows go 4 at a time (one x load / transform for 4 rows), prefetching
 * block by block the group of 4 rows at least dm_kparams.q_pf bytes ahead
 * (default DM_Q_PF_BYTES, 4 KB; 0: none; hint T0 or T1). Both read the
 * groups as dm_kparams.q_streams (INT8; q4_streams: sub-byte) interleaved streams (the groups split into
 * that many equal ranges, one group of each in turn): a single core of the
 * Zen 3 VM read a cold 5 MB buffer at 15 GB/s as one stream and 18-21 GB/s
 * as 2-8, and the tuner keeps what its cold INT8 + INT4 probes favour
 * (Sapphire Rapids VM, cold 6000 x 834, same run: INT8 at 80-82% of an
 * 8-stream read with 1, 2 or 4 streams, INT4 75% with 1 and 79% with 2).
 * avx2's 8 bits goes further: it reads two streams' groups in lockstep (8
 * rows per x load), so both streams advance block by block (cold 6000 x
 * 834: 390-415 us against 480-540 us for one stream, same run).
 * ref decodes one block at a time.
 * xq may hold any int8 (including -128; quant_in never makes it).
 *
 * quant_in: max |v| ignoring NaN, s = max / 127 (float division), xq =
 * roundf(v / s) (float division, ties away from zero) clamped to +-127,
 * exactly as dm_little_forward; a NaN v[j] gives xq 0 (the forward pass
 * keeps the NaN); when s would be 0 (n = 0, v all zero or NaN, or max |v| so
 * small that max / 127 underflows) it returns s = 1 and xq = 0. SIMD: the
 * same IEEE division, then
 * round half away as trunc(a) + (|a - trunc(a)| >= 0.5 ? sign(a) : 0), which
 * is exact (a - trunc(a) is exact), so the bytes match roundf's.
 *
 * Invariant: integer results (qgemv, quant_in) are bit-identical across
 * variants; FP32 results agree with _ref within the bounds above; no kernel
 * reads outside its arguments' extents (x tails go through masked loads or a
 * zero-padded stack copy). */
#define _POSIX_C_SOURCE 200809L
#include "kernels.h"

#include <assert.h>
#include <cblas.h>
#include <cpuid.h>
#include <immintrin.h>
#include <pthread.h>
#include <stdatomic.h>
#include <time.h>
#include <limits.h>
#include <math.h>
#include <stdalign.h>
#include <stdio.h>
#include <string.h>

#define T_AVX2 __attribute__((target("avx2,fma")))
#define T_AVX512 __attribute__((target("avx2,fma,avx512f,avx512bw,avx512vl,avx512vnni")))
#define ALWAYS_INLINE inline __attribute__((always_inline))

/* Prefetch distance of rows_gemv, in floats (a multiple of 16). */
#ifndef DM_ROWS_PF
#define DM_ROWS_PF 512
#endif
static_assert(DM_ROWS_PF % 16 == 0 && DM_ROWS_PF > 0 && DM_ROWS_PF <= 8192, "prefetch distance: whole cache lines");

/* qgemv prefetches the group of 4 rows at least DM_Q_PF_BYTES ahead. */
#ifndef DM_Q_PF_BYTES
#define DM_Q_PF_BYTES 4096
#endif
static_assert(DM_Q_PF_BYTES >= 64 && DM_Q_PF_BYTES <= (1 << 20), "prefetch at least one line ahead");

/* Bytes of the little weights the projection prefetches before tuning (dm_kparams.proj_pf): what helped the
 * float projection of the Zen 3 development machine; the tuner measures 0 to 2 MB. */
#define DM_PROJ_PF_BYTES (768 * 1024)

/* Packed qmat block: one 64-byte zmm, two 32-byte ymm halves. */
#define QBLK 64
static_assert(QBLK == 64, "the avx512 qgemv loads one block per zmm");
static_assert(QBLK % 32 == 0, "the avx2 qgemv loads a block in 32-byte halves");
/* Largest cols for containers 1..8: |acc| <= 127 * 128 * cols fits in int32
 * (so do all int32 partial sums in every lane). */
#define DM_QCOLS_MAX 131072
static_assert((long long)127 * 128 * DM_QCOLS_MAX <= INT32_MAX, "8-bit accumulator bound");
/* 16-bit container: int32 lanes flushed to int64 every QFLUSH16 blocks. Per
 * block a lane gains at most two pair sums (avx2) of 2 * 32767 * 128. */
#define QFLUSH16 64
static_assert((long long)QFLUSH16 * 2 * (2 * 32767 * 128) <= INT32_MAX, "16-bit lane bound");

/* Projection: 16 columns per uint32 word (16 plus bits, 16 minus bits). */
#define PGRP 16
static_assert(2 * PGRP == 32, "one uint32 word per group of 16 columns");
/* The integer projection: int16 lanes gain at most 2 * 255 per block and are
 * flushed every PQFLUSH blocks; a row's sum of u (< 65536) over d columns
 * stays within int32. */
#define PQFLUSH 64
#define DM_PROJ_QD_MAX 32767
static_assert(PQFLUSH * 2 * 255 <= INT16_MAX, "int16 projection lanes");
static_assert((long long)65535 * DM_PROJ_QD_MAX <= INT32_MAX, "int32 projection sums");
/* 32-column blocks of the integer projection's codes and input planes for input size d. */
static size_t pq_blocks(int d) { return ((size_t)d + 31) / 32; }
/* Prefetch distance of the integer projections' codes before tuning (dm_kparams.proj_dist), in bytes. Cold, 2 x
 * 417 x 1500 codes on Intel family 6 model 167 (avx512, one run): 2 KB 33-35 us, 4 KB 28-30, 8 KB 26-27, 16 KB
 * 29-33 (warm: 17): the distance that covers the memory's latency at the kernel's pace is the machine's own. */
#define DM_PROJ_DIST 2048

static int q_container(int bits)
{
    if (bits == 1)
        return 1;
    if (bits == 2)
        return 2;
    if (bits <= 4)
        return 4;
    if (bits <= 8)
        return 8;
    return 16;
}

/* Columns per 64-byte block. */
static int q_cpb(int container) { return QBLK * 8 / container; }

/* y = (float)acc * (ws * xs) + b, never fused: identical in all variants. */
static ALWAYS_INLINE float q_finish(int64_t acc, float ws, float xs, float b)
{
    volatile float p = (float)acc * (ws * xs);
    return p + b;
}

/* ---- packing ------------------------------------------------------------ */

/* Byte offset of block b of row r in a packed matrix of `rows` rows of rb
 * bytes (see the layout note at the top): rows 4g..4g+3 form a panel of
 * 4 rb bytes at 4g rb holding block b of row 4g + i at (4b + i) QBLK, so the
 * 4-row kernels read one sequential stream; the last rows % 4 rows are
 * plain rows at r rb. A view of rows [lo, hi) with lo a multiple of 4 (and
 * hi too unless hi = rows) is again such a matrix at data + lo rb. */
static ALWAYS_INLINE size_t q_off(int rows, size_t rb, int r, int b)
{
    if (r < (rows & ~3))
        return (size_t)(r & ~3) * rb + ((size_t)b * 4 + (size_t)(r & 3)) * QBLK;
    return (size_t)r * rb + (size_t)b * QBLK;
}

static void q_set(uint8_t *row, int container, int j, int v)
{
    switch (container) {
    case 8:
        row[j] = (uint8_t)(int8_t)v;
        break;
    case 16: {
        int16_t s = (int16_t)v;
        memcpy(row + 2 * (size_t)j, &s, sizeof s);
        break;
    }
    case 4: {
        int b = j / 128, i = j % 128;
        uint8_t *p = row + (size_t)b * QBLK + (i & 63);
        int sh = i < 64 ? 0 : 4;
        *p = (uint8_t)((*p & ~(15 << sh)) | ((v + 8) << sh));
        break;
    }
    case 2: {
        int b = j / 256, i = j % 256;
        uint8_t *p = row + (size_t)b * QBLK + (i & 63);
        int sh = 2 * (i >> 6);
        *p = (uint8_t)((*p & ~(3 << sh)) | ((v + 2) << sh));
        break;
    }
    default:
        if (v > 0)
            row[j >> 3] |= (uint8_t)(1u << (j & 7));
        else
            row[j >> 3] &= (uint8_t)~(1u << (j & 7));
        break;
    }
}

int dm_qmat_pack(dm_qmat *m, const int16_t *q, int rows, int cols, int bits, const float *wscale,
                 const float *bias, dm_err *err)
{
    if (!m)
        return dm_errf(err, "qmat pack: no output matrix");
    memset(m, 0, sizeof *m);
    if (bits < 1 || bits > 16)
        return dm_errf(err, "qmat pack: bits %d (expected 1..16)", bits);
    if (rows < 1 || cols < 1)
        return dm_errf(err, "qmat pack: %d x %d matrix (expected at least 1 x 1)", rows, cols);
    if (!q || !wscale || !bias)
        return dm_errf(err, "qmat pack: missing %s", !q ? "weights q" : !wscale ? "wscale" : "bias");
    int c = q_container(bits);
    if (c <= 8 && cols > DM_QCOLS_MAX)
        return dm_errf(err, "qmat pack: cols %d with %d bits (expected at most %d so the int32 "
                       "accumulators are exact)", cols, bits, DM_QCOLS_MAX);
    int qmax = bits == 1 ? 1 : (1 << (bits - 1)) - 1;
    for (int r = 0; r < rows; r++)
        for (int j = 0; j < cols; j++) {
            int v = q[(size_t)r * cols + j];
            if (bits == 1 ? (v != 1 && v != -1) : (v < -qmax || v > qmax))
                return bits == 1 ? dm_errf(err, "qmat pack: q[%d][%d] = %d (expected -1 or +1 for 1 bit)",
                                           r, j, v)
                                 : dm_errf(err, "qmat pack: q[%d][%d] = %d is outside [-%d, %d] for %d bits",
                                           r, j, v, qmax, qmax, bits);
        }
    size_t cpb = (size_t)q_cpb(c), nb = ((size_t)cols + cpb - 1) / cpb;
    size_t rb = nb * QBLK;
    if ((size_t)rows > SIZE_MAX / rb)
        return dm_errf(err, "qmat pack: %d rows of %zu bytes overflow size_t", rows, rb);
    m->data = dm_alloc((size_t)rows * rb);
    m->wscale = dm_alloc(sizeof(float) * (size_t)rows);
    m->bias = dm_alloc(sizeof(float) * (size_t)rows);
    if (!m->data || !m->wscale || !m->bias) {
        dm_qmat_free(m);
        return dm_errf(err, "qmat pack: out of memory (%d rows of %zu bytes)", rows, rb);
    }
    m->rows = rows;
    m->cols = cols;
    m->bits = bits;
    m->container = c;
    m->row_bytes = rb;
    memcpy(m->wscale, wscale, sizeof(float) * (size_t)rows);
    memcpy(m->bias, bias, sizeof(float) * (size_t)rows);
    uint8_t *row = dm_alloc(rb); /* one plain row, then its blocks to their places */
    if (!row) {
        dm_qmat_free(m);
        return dm_errf(err, "qmat pack: out of memory");
    }
    for (int r = 0; r < rows; r++) {
        /* zero padding is q = 0 (8, 16) or bit 0 (1); u = 8 / u = 2 is q = 0 */
        memset(row, c == 4 ? 0x88 : c == 2 ? 0xAA : 0, rb);
        for (int j = 0; j < cols; j++)
            q_set(row, c, j, q[(size_t)r * cols + j]);
        for (size_t b = 0; b < nb; b++)
            memcpy(m->data + q_off(rows, rb, r, (int)b), row + b * QBLK, QBLK);
    }
    dm_free(row);
    return 0;
}

void dm_qmat_free(dm_qmat *m)
{
    if (!m)
        return;
    dm_free(m->data);
    dm_free(m->wscale);
    dm_free(m->bias);
    memset(m, 0, sizeof *m);
}

size_t dm_qmat_bytes(const dm_qmat *m)
{
    if (!m || !m->data)
        return 0;
    return (size_t)m->rows * m->row_bytes + 2 * sizeof(float) * (size_t)m->rows;
}

int dm_kproj_pack(dm_kproj *p, const dm_proj *src, dm_err *err)
{
    if (!p)
        return dm_errf(err, "kproj pack: no output projection");
    memset(p, 0, sizeof *p);
    if (!src || src->kind != DM_PROJ_SRP || !src->rowptr)
        return dm_errf(err, "kproj pack: expected a sparse random (SRP) projection");
    int k = src->k, d = src->d;
    if (k < 1 || d < 1)
        return dm_errf(err, "kproj pack: k %d, d %d (expected at least 1)", k, d);
    size_t ng = ((size_t)d + PGRP - 1) / PGRP;
    uint32_t *w = dm_alloc(sizeof(uint32_t) * ng * (size_t)k);
    if (!w)
        return dm_errf(err, "kproj pack: out of memory (k %d, d %d)", k, d);
    for (int j = 0; j < k; j++) {
        uint32_t *row = w + (size_t)j * ng;
        for (int i = src->rowptr[j]; i < src->rowptr[j + 1]; i++) {
            int c = src->cols[i], s = src->sign[i];
            if (c < 0 || c >= d || (s != 1 && s != -1)) {
                dm_free(w);
                return dm_errf(err, "kproj pack: row %d entry %d: column %d, sign %d (expected "
                               "0..%d and +-1)", j, i, c, s, d - 1);
            }
            uint32_t bit = 1u << (c % PGRP);
            if (row[c / PGRP] & (bit | bit << 16)) {
                dm_free(w);
                return dm_errf(err, "kproj pack: row %d: column %d appears twice", j, c);
            }
            row[c / PGRP] |= s > 0 ? bit : bit << 16;
        }
    }
    size_t nb = pq_blocks(d), np = ((size_t)k + 3) / 4;
    uint8_t *codes = dm_alloc(np * nb * 32);
    int32_t *rowsum = dm_alloc(sizeof(int32_t) * (size_t)k);
    if (!codes || !rowsum) {
        dm_free(w);
        dm_free(codes);
        dm_free(rowsum);
        return dm_errf(err, "kproj pack: out of memory (k %d, d %d)", k, d);
    }
    memset(codes, 0, np * nb * 32);
    for (int j = 0; j < k; j++) {
        uint8_t *panel = codes + (size_t)(j / 4) * nb * 32;
        int sum = 0;
        for (int i = src->rowptr[j]; i < src->rowptr[j + 1]; i++) {
            int c = src->cols[i], sg = src->sign[i];
            panel[c] |= (uint8_t)((sg > 0 ? 1 : 2) << (2 * (j % 4))); /* block c / 32, byte c % 32 */
            sum += sg;
        }
        rowsum[j] = sum;
    }
    p->k = k;
    p->d = d;
    p->scale = src->scale;
    p->data = w;
    p->codes = codes;
    p->rowsum = rowsum;
    p->bytes = sizeof(uint32_t) * ng * (size_t)k + sizeof(float);
    return 0;
}

size_t dm_kproj_in_bytes(int d)
{
    return d < 1 ? 64 : 2 * 32 * pq_blocks(d);
}

/* proj_in of the kernels that read x as it is. */
static void proj_in_float(dm_kproj_in *in, const float *x, int d)
{
    (void)d;
    in->x = x;
    in->sx = 0.0f;
}

void dm_kproj_free(dm_kproj *p)
{
    if (!p)
        return;
    dm_free(p->data);
    dm_free(p->codes);
    dm_free(p->rowsum);
    memset(p, 0, sizeof *p);
}

/* Evicting bytes from every cache level: clflushopt (CPUID leaf 7, EBX bit 23) where the CPU has it, unordered
 * among themselves, so 72 MB take 3 ms instead of clflush's 43 (Intel family 6 model 167); else clflush (SSE2,
 * every x86-64). The callers fence after them. */
static int has_clflushopt(void)
{
    static int has = -1;
    if (has < 0) {
        unsigned a, b = 0, c, d;
        has = __get_cpuid_count(7, 0, &a, &b, &c, &d) && (b >> 23 & 1u);
    }
    return has;
}

__attribute__((target("clflushopt"))) static void evict_lines_opt(const char *line, const char *end)
{
    for (; line < end; line += 64)
        _mm_clflushopt((void *)(uintptr_t)line); /* (it takes a non-const pointer) */
}

static void evict_range(const void *p, size_t bytes)
{
    const char *c = p;
    if (!c || !bytes)
        return;
    const char *end = c + bytes, *line = (const char *)((uintptr_t)c & ~(uintptr_t)63);
    if (has_clflushopt()) {
        evict_lines_opt(line, end);
        return;
    }
    for (; line < end; line += 64)
        _mm_clflush(line);
}

int dm_evict_fast(void) { return has_clflushopt(); }

void dm_evict(const void *p, size_t bytes)
{
    evict_range(p, bytes);
    _mm_mfence();
}

void dm_kproj_evict(const dm_kproj *p)
{
    const size_t ng = ((size_t)p->d + PGRP - 1) / PGRP, np = ((size_t)p->k + 3) / 4;
    evict_range(p->data, sizeof(uint32_t) * ng * (size_t)p->k);
    evict_range(p->codes, np * pq_blocks(p->d) * 32);
    evict_range(p->rowsum, sizeof(int32_t) * (size_t)p->k);
    _mm_mfence();
}

void dm_qmat_evict(const dm_qmat *m)
{
    evict_range(m->data, (size_t)m->rows * m->row_bytes);
    evict_range(m->wscale, sizeof(float) * (size_t)m->rows);
    evict_range(m->bias, sizeof(float) * (size_t)m->rows);
    _mm_mfence();
}

dm_kproj dm_kproj_rows(const dm_kproj *p, int j0, int n)
{
    dm_kproj v = *p;
    size_t ng = ((size_t)p->d + PGRP - 1) / PGRP, nb = pq_blocks(p->d);
    v.k = n;
    v.data = (uint32_t *)p->data + (size_t)j0 * ng;
    v.codes = j0 % 4 ? NULL : (uint8_t *)p->codes + (size_t)(j0 / 4) * nb * 32; /* NULL: the float kernel */
    v.rowsum = p->rowsum + j0;
    v.bytes = sizeof(uint32_t) * ng * (size_t)n + sizeof(float);
    return v;
}

/* ---- reference kernels -------------------------------------------------- */

static void rows_gemv_ref(const float *W, size_t ld, int cols, const int *rows, int nrows,
                          const float *x, float *y)
{
    for (int i = 0; i < nrows; i++) {
        const float *w = W + (size_t)rows[i] * ld;
        double s = 0.0;
        for (int c = 0; c < cols; c++)
            s += (double)w[c] * x[c];
        y[i] = (float)s;
    }
}

static void gemv_ref(const float *W, size_t ld, int rows, int cols, const float *x, float *y)
{
    for (int i = 0; i < rows; i++) {
        const float *w = W + (size_t)i * ld;
        double s = 0.0;
        for (int c = 0; c < cols; c++)
            s += (double)w[c] * x[c];
        y[i] += (float)s;
    }
}

static void proj_ref(const dm_kproj *p, const dm_kproj_in *in, float *out)
{
    const float *x = in->x;
    const uint32_t *data = p->data;
    size_t ng = ((size_t)p->d + PGRP - 1) / PGRP;
    for (int j = 0; j < p->k; j++) {
        const uint32_t *row = data + (size_t)j * ng;
        double s = 0.0;
        for (size_t g = 0; g < ng; g++) {
            uint32_t w = row[g], nz = (w | w >> 16) & 0xFFFFu;
            const float *xg = x + g * PGRP;
            while (nz) { /* non-zero columns in ascending order */
                int t = __builtin_ctz(nz);
                nz &= nz - 1;
                s += (double)((int)(w >> t & 1) * 2 - 1) * xg[t]; /* +-x, exact, branch-free */
            }
        }
        out[j] = (float)(s * p->scale);
    }
}

/* A packed block as int16 values (q_cpb(c) of them). */
static void q_block(const uint8_t *p, int c, int16_t *out)
{
    switch (c) {
    case 8:
        for (int i = 0; i < QBLK; i++)
            out[i] = (int8_t)p[i];
        break;
    case 16:
        memcpy(out, p, QBLK);
        break;
    case 4:
        for (int i = 0; i < QBLK; i++) {
            out[i] = (int16_t)((p[i] & 15) - 8);
            out[64 + i] = (int16_t)((p[i] >> 4) - 8);
        }
        break;
    case 2:
        for (int i = 0; i < QBLK; i++)
            for (int s = 0; s < 4; s++)
                out[64 * s + i] = (int16_t)(((p[i] >> (2 * s)) & 3) - 2);
        break;
    default:
        for (int i = 0; i < QBLK * 8; i++)
            out[i] = (int16_t)(((p[i >> 3] >> (i & 7)) & 1) * 2 - 1);
        break;
    }
}

static void qgemv_ref(const dm_qmat *m, const int8_t *xq, float xscale, float *y)
{
    if (m->rows < 1 || m->cols < 1)
        return;
    const int c = m->container, cols = m->cols, cpb = q_cpb(c);
    int16_t blk[QBLK * 8];
    for (int r = 0; r < m->rows; r++) {
        int64_t acc = 0;
        for (int b = 0, j0 = 0; j0 < cols; b++, j0 += cpb) {
            int n = cols - j0 < cpb ? cols - j0 : cpb;
            q_block(m->data + q_off(m->rows, m->row_bytes, r, b), c, blk);
            for (int i = 0; i < n; i++)
                acc += (int64_t)blk[i] * xq[j0 + i];
        }
        y[r] = q_finish(acc, m->wscale[r], xscale, m->bias[r]);
    }
}

/* One element of quant_in given s (shared by ref and the SIMD tails). */
static ALWAYS_INLINE int8_t quant_one(float v, float s)
{
    float q = roundf(v / s);
    if (q > 127.0f)
        q = 127.0f;
    if (q < -127.0f)
        q = -127.0f;
    if (q != q)
        q = 0.0f;
    return (int8_t)q;
}

/* Returns s, or 0 when v is all zero / NaN (then xq is zeroed by the caller). */
static float quant_scale(float mx) { return mx > 0.0f ? mx / 127.0f : 0.0f; }

static float quant_in_ref(const float *v, int n, int8_t *xq)
{
    if (n < 1)
        return 1.0f;
    float mx = 0.0f;
    for (int j = 0; j < n; j++)
        if (fabsf(v[j]) > mx)
            mx = fabsf(v[j]);
    float s = quant_scale(mx);
    if (s == 0.0f) {
        memset(xq, 0, (size_t)n);
        return 1.0f;
    }
    for (int j = 0; j < n; j++)
        xq[j] = quant_one(v[j], s);
    return s;
}

static float sigmoid_ref(float x) { return 1.0f / (1.0f + expf(-x)); }

static void lstm_cell_ref(const float *g, int H, float *h, float *c)
{
    for (int j = 0; j < H; j++) {
        float i = sigmoid_ref(g[j]), f = sigmoid_ref(g[H + j]);
        float gg = tanhf(g[2 * H + j]), o = sigmoid_ref(g[3 * H + j]);
        float cn = f * c[j] + i * gg;
        c[j] = cn;
        h[j] = o * tanhf(cn);
    }
}

static void gru_cell_ref(const float *g, const float *ghn, int H, float *h)
{
    for (int j = 0; j < H; j++) {
        float r = sigmoid_ref(g[j]), z = sigmoid_ref(g[H + j]);
        float n = tanhf(g[2 * H + j] + r * ghn[j]);
        h[j] = (1.0f - z) * n + z * h[j];
    }
}

static int mark_ge_ref(const float *sc, const float *y, float th, int off, int n, unsigned char *sens, float *g,
                       int *idx)
{
    int ns = 0;
    for (int j = 0; j < n; j++) {
        int in = sc[j] >= th;
        sens[j] = (unsigned char)!in;
        g[j] = y[j];
        if (!in)
            idx[ns++] = off + j;
    }
    return ns;
}

/* ---- AVX2 + FMA --------------------------------------------------------- */

/* bit_table[b][i] = bit i of b, as 0.0f / 1.0f (8 KB; proj_avx2). */
#define BT1(n, i) ((float)(((n) >> (i)) & 1))
#define BT(n) { BT1(n, 0), BT1(n, 1), BT1(n, 2), BT1(n, 3), BT1(n, 4), BT1(n, 5), BT1(n, 6), BT1(n, 7) }
#define BT4(n) BT(n), BT((n) + 1), BT((n) + 2), BT((n) + 3)
#define BT16(n) BT4(n), BT4((n) + 4), BT4((n) + 8), BT4((n) + 12)
#define BT64(n) BT16(n), BT16((n) + 16), BT16((n) + 32), BT16((n) + 48)
static alignas(32) const float bit_table[256][8] = { BT64(0), BT64(64), BT64(128), BT64(192) };

static T_AVX2 ALWAYS_INLINE float hsum_ps_avx2(__m256 v)
{
    __m128 s = _mm_add_ps(_mm256_castps256_ps128(v), _mm256_extractf128_ps(v, 1));
    s = _mm_add_ps(s, _mm_movehl_ps(s, s));
    s = _mm_add_ss(s, _mm_shuffle_ps(s, s, 1));
    return _mm_cvtss_f32(s);
}

/* [hsum s0, hsum s1, hsum s2, hsum s3] */
static T_AVX2 ALWAYS_INLINE __m128 hsum4_ps_avx2(__m256 s0, __m256 s1, __m256 s2, __m256 s3)
{
    __m256 t = _mm256_hadd_ps(_mm256_hadd_ps(s0, s1), _mm256_hadd_ps(s2, s3));
    return _mm_add_ps(_mm256_castps256_ps128(t), _mm256_extractf128_ps(t, 1));
}

static T_AVX2 ALWAYS_INLINE int32_t hsum_epi32_avx2(__m256i v)
{
    __m128i s = _mm_add_epi32(_mm256_castsi256_si128(v), _mm256_extracti128_si256(v, 1));
    s = _mm_add_epi32(s, _mm_shuffle_epi32(s, 0x4E));
    s = _mm_add_epi32(s, _mm_shuffle_epi32(s, 0xB1));
    return _mm_cvtsi128_si32(s);
}

static T_AVX2 ALWAYS_INLINE int64_t hsum_epi32_wide_avx2(__m256i v)
{
    __m256i s = _mm256_add_epi64(_mm256_cvtepi32_epi64(_mm256_castsi256_si128(v)),
                                 _mm256_cvtepi32_epi64(_mm256_extracti128_si256(v, 1)));
    __m128i t = _mm_add_epi64(_mm256_castsi256_si128(s), _mm256_extracti128_si256(s, 1));
    return _mm_extract_epi64(t, 0) + _mm_extract_epi64(t, 1);
}

/* Software prefetch with a mode m (a constant after inlining): 0 none, 1 into
 * L1 (T0), 2 into L2 (T1). The modes are dm_kparams' (tuned per CPU).
 *
 * The kernels issue each prefetch beside the load of the same row, and these
 * are asm statements with a memory clobber so that the compiler keeps them
 * there: GCC gathers _mm_prefetch calls into a run ahead of the loads, and a
 * run of prefetches then loads reads memory some 20% slower, cold, than the
 * same lines prefetched and loaded in turn (Intel Xeon, family 6 model 167:
 * 5.4 MB in 350 against 285 us). The clobber also orders the loads around
 * it, which is the point. */
#ifdef DM_ROWS_NOPF /* experiments only */
#define PFM_(m, p) ((void)(m), (void)(p))
#else
#define PFM_(m, p)                                                                                \
    do {                                                                                          \
        if ((m) == 1)                                                                             \
            __asm__ volatile("prefetcht0 %0" : : "m"(*(const char *)(p)) : "memory");             \
        else if ((m) == 2)                                                                        \
            __asm__ volatile("prefetcht1 %0" : : "m"(*(const char *)(p)) : "memory");             \
    } while (0)
#endif
#ifdef DM_Q_NOPF /* experiments only */
#define QPF(m, p) ((void)(m), (void)(p))
#else
#define QPF(m, p) PFM_(m, p)
#endif

/* The current tuned parameters (dm_kparams_set). */
static dm_kparams kp_cur = {.rows_block = 4, .rows_pf = DM_ROWS_PF, .rows_hint = 0, .q_pf = DM_Q_PF_BYTES,
                            .q_hint = 0, .dense = DM_DENSE_BLAS, .parts = 1, .q_streams = 1, .q4_streams = 1,
                            .rows_streams = 1, .dense_streams = 1, .proj_pf = DM_PROJ_PF_BYTES,
                            .proj_dist = DM_PROJ_DIST};

/* qgemv's read order over ng 4-row groups: S interleaved streams (equal ranges of per groups, the last one
 * shorter), S the stream count of m's container (q_streams for INT8 and 16-bit, q4_streams for the packed
 * sub-byte ones; 1 when there are fewer groups). Step gi = 0 .. S * per - 1 takes a group of each stream in turn. */
typedef struct q_order {
    int ng, S, per;
} q_order;

static q_order q_order_of(const dm_qmat *m, int ng)
{
    const int qs = m->container >= 8 ? kp_cur.q_streams : kp_cur.q4_streams, S = ng < qs ? 1 : qs;
    return (q_order){ng, S, (ng + S - 1) / S};
}

/* The group read at step gi, and the end of its stream in *gend; -1 when that stream is already done. */
static inline int q_order_group(const q_order *o, int gi, int *gend)
{
    const int st = gi % o->S, g = st * o->per + gi / o->S;
    *gend = (st + 1) * o->per < o->ng ? (st + 1) * o->per : o->ng;
    return g < *gend ? g : -1;
}

/* Where part i's little GEMV reads: its share of qm's rows as 4-row groups in qgemv's order. */
typedef struct pf_walk {
    const unsigned char *base; /* the share's first row */
    size_t gbytes;             /* bytes a group (4 rows) */
    q_order o;
    int gi;                    /* the next step of o */
    size_t off;                /* bytes of its group already handed out */
} pf_walk;

/* The next contiguous range of the walk, at most max bytes (a multiple of 64), in [*p, *end); 0 once it is done. */
static int pf_walk_next(pf_walk *w, size_t max, const unsigned char **p, const unsigned char **end)
{
    while (w->gi < w->o.per * w->o.S) {
        int gend, g = q_order_group(&w->o, w->gi, &gend);
        if (g < 0) { /* the last stream may be shorter */
            w->gi++;
            continue;
        }
        size_t n = w->gbytes - w->off < max ? w->gbytes - w->off : max;
        *p = w->base + (size_t)g * w->gbytes + w->off;
        *end = *p + n;
        w->off += n;
        if (w->off >= w->gbytes)
            w->gi++, w->off = 0;
        return 1;
    }
    return 0;
}

/* The little weights the integer projection prefetches (T1) while it computes: the first `left` bytes of the
 * little GEMV's reads, one line per block of codes, so that the memory works during the projection's arithmetic.
 * dm_par_proj's parts set it for their thread; a kernel takes ranges [p, end) from the walk as it goes. */
typedef struct side_pf {
    const unsigned char *p, *end;
    pf_walk *w; /* NULL: nothing to prefetch */
    size_t left;
} side_pf;
static _Thread_local side_pf side_cur;

/* A kernel's range *sp, *se, refilled from the walk once it is used up (empty when the budget or the walk is
 * spent). */
static void side_take(side_pf *s, const unsigned char **sp, const unsigned char **se)
{
    if (*sp < *se || !s->left)
        return;
    if (!s->w || s->left < 64 || !pf_walk_next(s->w, s->left & ~(size_t)63, sp, se)) {
        s->left = 0;
        *sp = *se = NULL;
        return;
    }
    s->left -= (size_t)(*se - *sp);
}

/* One line of the side range, beside the kernel's own loads. The builtin is enough here: one a loop iteration, the
 * compiler has no run of them to gather (PFM_'s asm clobber measured 10% slower on the projection). */
#define SIDE_PF(sp, se)                                                                            \
    do {                                                                                           \
        if ((sp) < (se)) {                                                                         \
            _mm_prefetch((const char *)(sp), _MM_HINT_T1);                                         \
            (sp) = (se) - (sp) > 64 ? (sp) + 64 : (se);                                            \
        }                                                                                          \
    } while (0)

/* The rows of a block: listed (rows) or contiguous (rows == NULL). */
static ALWAYS_INLINE const float *rowp(const float *W, size_t ld, const int *rows, int i)
{
    return W + (size_t)(rows ? rows[i] : i) * ld;
}

/* R rows (1, 4 or 8) a[] against x, prefetching (mode PFM) pf floats ahead
 * and, in the last pf floats, the start of the next block's rows nx[]; 2 x 8
 * lanes per row. out[i] = the dot of row i: four-row groups reduce with
 * hsum4 (the same per-row order whatever R), single rows with hsum. */
static T_AVX2 ALWAYS_INLINE void rg2_rows(const float *const *a, const float *const *nx, const int R, const int PFM,
                                          int c16, int split, int pf, int rem, __m256i tm, const float *x, __m256 xt,
                                          float *out)
{
    __m256 sa[8], sb[8];
    /* the row pointers in registers: the prefetches' memory clobber (PFM_) would reload them from the caller's
     * array at every one */
    const float *ar[8], *nr[8];
#pragma GCC unroll 8
    for (int i = 0; i < R; i++)
        ar[i] = a[i], nr[i] = nx[i];
#pragma GCC unroll 8
    for (int i = 0; i < R; i++)
        sa[i] = sb[i] = _mm256_setzero_ps();
    int c = 0;
    if (PFM) {
        for (; c < split; c += 16) {
            __m256 x0 = _mm256_loadu_ps(x + c), x1 = _mm256_loadu_ps(x + c + 8);
#pragma GCC unroll 8
            for (int i = 0; i < R; i++) {
                PFM_(PFM, ar[i] + c + pf);
                sa[i] = _mm256_fmadd_ps(_mm256_loadu_ps(ar[i] + c), x0, sa[i]);
                sb[i] = _mm256_fmadd_ps(_mm256_loadu_ps(ar[i] + c + 8), x1, sb[i]);
            }
        }
        for (; c < c16; c += 16) {
            __m256 x0 = _mm256_loadu_ps(x + c), x1 = _mm256_loadu_ps(x + c + 8);
#pragma GCC unroll 8
            for (int i = 0; i < R; i++) {
                PFM_(PFM, nr[i] + (c - split));
                sa[i] = _mm256_fmadd_ps(_mm256_loadu_ps(ar[i] + c), x0, sa[i]);
                sb[i] = _mm256_fmadd_ps(_mm256_loadu_ps(ar[i] + c + 8), x1, sb[i]);
            }
        }
    } else {
        for (; c < c16; c += 16) {
            __m256 x0 = _mm256_loadu_ps(x + c), x1 = _mm256_loadu_ps(x + c + 8);
#pragma GCC unroll 8
            for (int i = 0; i < R; i++) {
                sa[i] = _mm256_fmadd_ps(_mm256_loadu_ps(ar[i] + c), x0, sa[i]);
                sb[i] = _mm256_fmadd_ps(_mm256_loadu_ps(ar[i] + c + 8), x1, sb[i]);
            }
        }
    }
    if (rem & 8) {
        __m256 x0 = _mm256_loadu_ps(x + c16);
#pragma GCC unroll 8
        for (int i = 0; i < R; i++)
            sa[i] = _mm256_fmadd_ps(_mm256_loadu_ps(ar[i] + c16), x0, sa[i]);
    }
    if (rem & 7) {
        const int c8 = c16 + (rem & 8);
#pragma GCC unroll 8
        for (int i = 0; i < R; i++)
            sb[i] = _mm256_fmadd_ps(_mm256_maskload_ps(ar[i] + c8, tm), xt, sb[i]);
    }
    if (R == 1) {
        out[0] = hsum_ps_avx2(_mm256_add_ps(sa[0], sb[0]));
    } else {
#pragma GCC unroll 2
        for (int g = 0; g < R; g += 4)
            _mm_storeu_ps(out + g, hsum4_ps_avx2(_mm256_add_ps(sa[g], sb[g]), _mm256_add_ps(sa[g + 1], sb[g + 1]),
                                                 _mm256_add_ps(sa[g + 2], sb[g + 2]),
                                                 _mm256_add_ps(sa[g + 3], sb[g + 3])));
    }
}

/* Blocks of R rows, then (R = 8) one block of 4, then single rows: row i is
 * reduced the same way for R = 4 and R = 8. ACC: y += instead of y =. The
 * full blocks read dm_kparams.rows_streams interleaved streams: the rows
 * [0, nbk R) cut into S equal ranges, each block R / S consecutive rows of
 * each range (S = 1: R consecutive rows). A block of R consecutive rows reads
 * R streams of one row each (12 KB for an LSTM-1500 layer) before it moves
 * on; S = R rows from R ranges make R long sequential streams. On a core of
 * the Zen 3 VM a bare read loop of 8 rows at a time ran 10-15% faster that
 * way (cold 6000 x 3000 floats, same run), this kernel 2-6% (all rows; the
 * gathered rows of the dual path gained nothing there); on a Sapphire Rapids
 * VM 8 streams read half of the rows, gathered, 10% faster than 2, and all
 * rows 6% slower: so a gathered list (rows_streams) and contiguous or
 * near-contiguous rows (dense_streams) have a count each, and the tuner
 * decides both. Which rows go in blocks does not change, so neither do the
 * results. */
static inline int rg_streams(const int *rows, int nrows)
{
    if (!rows || nrows < 2)
        return kp_cur.dense_streams;
    long long span = (long long)rows[nrows - 1] - rows[0];
    if (span < 0)
        span = -span;
    return 4 * (long long)nrows >= 3 * (span + 1) ? kp_cur.dense_streams : kp_cur.rows_streams;
}
#define RG_DRIVE_BODY(ROWS_FN)                                                                    \
    const float *a[8], *nx[8];                                                                    \
    float o[8];                                                                                   \
    int pos[8];                                                                                   \
    const int nbk = nrows / R; /* full blocks: rows [0, nbk R) */                                 \
    const int rs_ = rg_streams(rows, nrows);                                                      \
    const int S_ = nbk < 2 ? 1 : rs_ < R ? rs_ : R;                                               \
    const int t_ = R / S_, P_ = nbk * t_; /* rows per stream per block, rows per stream */        \
    for (int b = 0; b < nbk; b++) {                                                               \
        _Pragma("GCC unroll 8") for (int j = 0; j < R; j++)                                       \
        {                                                                                         \
            pos[j] = (j / t_) * P_ + b * t_ + j % t_;                                             \
            a[j] = rowp(W, ld, rows, pos[j]);                                                     \
            int q_ = b + 1 < nbk ? pos[j] + t_ : nbk * R + j < nrows ? nbk * R + j : nrows - 1;   \
            nx[j] = rowp(W, ld, rows, q_);                                                        \
        }                                                                                         \
        ROWS_FN(a, nx, R);                                                                        \
        _Pragma("GCC unroll 8") for (int j = 0; j < R; j++) y[pos[j]] = ACC ? y[pos[j]] + o[j] : o[j]; \
    }                                                                                             \
    int i = nbk * R;                                                                              \
    if (R == 8 && i + 4 <= nrows) {                                                               \
        _Pragma("GCC unroll 4") for (int j = 0; j < 4; j++)                                       \
        {                                                                                         \
            a[j] = rowp(W, ld, rows, i + j);                                                      \
            nx[j] = rowp(W, ld, rows, i + 4 + j < nrows ? i + 4 + j : nrows - 1);                 \
        }                                                                                         \
        ROWS_FN(a, nx, 4);                                                                        \
        _Pragma("GCC unroll 4") for (int j = 0; j < 4; j++) y[i + j] = ACC ? y[i + j] + o[j] : o[j]; \
        i += 4;                                                                                   \
    }                                                                                             \
    for (; i < nrows; i++) {                                                                      \
        a[0] = rowp(W, ld, rows, i);                                                              \
        nx[0] = rowp(W, ld, rows, i + 1 < nrows ? i + 1 : nrows - 1);                             \
        ROWS_FN(a, nx, 1);                                                                        \
        y[i] = ACC ? y[i] + o[0] : o[0];                                                          \
    }

static T_AVX2 ALWAYS_INLINE void rg2_drive(const float *W, size_t ld, int cols, const int *rows, int nrows,
                                           const float *x, float *y, const int ACC, const int R, const int PFM,
                                           int pf)
{
    const int c16 = cols & ~15, rem = cols - c16;
    const int split = !PFM ? c16 : c16 > pf ? c16 - pf : 0;
    const int c8 = c16 + (rem & 8), rem8 = rem & 7;
    const __m256i tm = _mm256_cmpgt_epi32(_mm256_set1_epi32(rem8), _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7));
    const __m256 xt = _mm256_maskload_ps(x + c8, tm);
#define RG2_ROWS(a, nx, RR) rg2_rows(a, nx, RR, PFM, c16, split, pf, rem, tm, x, xt, o)
    RG_DRIVE_BODY(RG2_ROWS)
#undef RG2_ROWS
}

/* The tuned-parameter dispatch of a drive function (R, prefetch mode). */
#define RG_DISPATCH(DRIVE, rows, ACC)                                                             \
    do {                                                                                          \
        const int pf_ = kp_cur.rows_pf, m_ = pf_ ? 1 + kp_cur.rows_hint : 0;                      \
        if (kp_cur.rows_block == 8) {                                                             \
            if (m_ == 0) DRIVE(W, ld, cols, rows, nrows, x, y, ACC, 8, 0, 0);                     \
            else if (m_ == 1) DRIVE(W, ld, cols, rows, nrows, x, y, ACC, 8, 1, pf_);              \
            else DRIVE(W, ld, cols, rows, nrows, x, y, ACC, 8, 2, pf_);                           \
        } else {                                                                                  \
            if (m_ == 0) DRIVE(W, ld, cols, rows, nrows, x, y, ACC, 4, 0, 0);                     \
            else if (m_ == 1) DRIVE(W, ld, cols, rows, nrows, x, y, ACC, 4, 1, pf_);              \
            else DRIVE(W, ld, cols, rows, nrows, x, y, ACC, 4, 2, pf_);                           \
        }                                                                                         \
    } while (0)

T_AVX2 static void rows_gemv_avx2(const float *W, size_t ld, int cols, const int *rows, int nrows,
                                  const float *x, float *y)
{
    if (nrows < 1)
        return;
    RG_DISPATCH(rg2_drive, rows, 0);
}

T_AVX2 static void gemv_avx2(const float *W, size_t ld, int nrows, int cols, const float *x, float *y)
{
    if (nrows < 1)
        return;
    RG_DISPATCH(rg2_drive, NULL, 1);
}

/* R (1 or 4) rows of the packed projection starting at w (stride ng words). */
static T_AVX2 ALWAYS_INLINE void proj_rows_avx2(const uint32_t *w, size_t ng, int R, size_t nfull,
                                                const float *x, const float *xt, float scale,
                                                float *out)
{
    __m256 ap[4], am[4];
#pragma GCC unroll 4
    for (int i = 0; i < R; i++)
        ap[i] = am[i] = _mm256_setzero_ps();
    for (size_t g = 0; g < ng; g++) {
        const float *xb = g < nfull ? x + g * PGRP : xt;
        __m256 x0 = _mm256_loadu_ps(xb), x1 = _mm256_loadu_ps(xb + 8);
#pragma GCC unroll 4
        for (int i = 0; i < R; i++) {
            uint32_t b = w[(size_t)i * ng + g];
            ap[i] = _mm256_fmadd_ps(_mm256_load_ps(bit_table[b & 255]), x0, ap[i]);
            am[i] = _mm256_fmadd_ps(_mm256_load_ps(bit_table[(b >> 16) & 255]), x0, am[i]);
            ap[i] = _mm256_fmadd_ps(_mm256_load_ps(bit_table[(b >> 8) & 255]), x1, ap[i]);
            am[i] = _mm256_fmadd_ps(_mm256_load_ps(bit_table[b >> 24]), x1, am[i]);
        }
    }
#pragma GCC unroll 4
    for (int i = 0; i < R; i++)
        out[i] = hsum_ps_avx2(_mm256_sub_ps(ap[i], am[i])) * scale;
}

/* x quantized to 16 bits for proj_q_avx2 (the layout at the top of the file). */
T_AVX2 static void proj_in_avx2(dm_kproj_in *in, const float *x, int d)
{
    in->x = x;
    in->sx = 0.0f;
    if (!in->buf || d < 1 || d > DM_PROJ_QD_MAX)
        return;
    const float m = dm_absmax(x, d); /* NaN never enters the max: the conversion below looks for it */
    if (!isfinite(m))
        return; /* the float kernel keeps infinity (and NaN) as they are */
    float sx = m > 0.0f ? m / 32767.0f : 1.0f, inv = 1.0f / sx;
    size_t nb = pq_blocks(d);
    uint8_t *hi = in->buf, *lo = in->buf + 32 * nb;
    const __m256 vinv = _mm256_set1_ps(inv);
    __m256 nan = _mm256_setzero_ps();
    const __m256i lim = _mm256_set1_epi32(32767), off = _mm256_set1_epi32(32768), m8 = _mm256_set1_epi32(255);
    const __m256i order = _mm256_setr_epi32(0, 4, 1, 5, 2, 6, 3, 7);
    alignas(32) float xt[32];
    for (size_t b = 0; b < nb; b++) {
        const float *xb = x + 32 * b;
        if (32 * (b + 1) > (size_t)d) { /* the tail, padded with 0 (the codes there are 0) */
            memset(xt, 0, sizeof xt);
            memcpy(xt, xb, sizeof(float) * ((size_t)d - 32 * b));
            xb = xt;
        }
        __m256i u[4], h[4], l[4];
#pragma GCC unroll 4
        for (int q = 0; q < 4; q++) {
            __m256 xv = _mm256_loadu_ps(xb + 8 * q);
            nan = _mm256_or_ps(nan, _mm256_cmp_ps(xv, xv, _CMP_UNORD_Q));
            __m256i v = _mm256_cvtps_epi32(_mm256_mul_ps(xv, vinv)); /* rint */
            v = _mm256_max_epi32(_mm256_min_epi32(v, lim), _mm256_sub_epi32(_mm256_setzero_si256(), lim));
            u[q] = _mm256_add_epi32(v, off);
            h[q] = _mm256_srli_epi32(u[q], 8);
            l[q] = _mm256_and_si256(u[q], m8);
        }
        __m256i hp = _mm256_packus_epi16(_mm256_packus_epi32(h[0], h[1]), _mm256_packus_epi32(h[2], h[3]));
        __m256i lp = _mm256_packus_epi16(_mm256_packus_epi32(l[0], l[1]), _mm256_packus_epi32(l[2], l[3]));
        _mm256_store_si256((__m256i *)(hi + 32 * b), _mm256_permutevar8x32_epi32(hp, order));
        _mm256_store_si256((__m256i *)(lo + 32 * b), _mm256_permutevar8x32_epi32(lp, order));
    }
    if (!_mm256_movemask_ps(nan)) /* else the copy is unused: the float kernel keeps the NaN */
        in->sx = sx;
}

/* The integer projection's sums over u of rows 2h, 2h + 1 of the panel at cp (nb blocks), as int32 lanes. */
static T_AVX2 ALWAYS_INLINE void proj_q_pair_avx2(const uint8_t *cp, size_t nb, int h, const uint8_t *hi,
                                                  const uint8_t *lo, size_t pd, const unsigned char **spp,
                                                  const unsigned char *se, __m256i *s0, __m256i *s1)
{
    const __m256i m4 = _mm256_set1_epi8(15), ones = _mm256_set1_epi16(1), c256 = _mm256_set1_epi16(256);
    /* sign of code (0: 0, 1: +1, 2: -1) in bits 0-1 (T0) or 2-3 (T1) of a nibble */
    const __m256i T0 = _mm256_setr_epi8(0, 1, -1, 0, 0, 1, -1, 0, 0, 1, -1, 0, 0, 1, -1, 0, 0, 1, -1, 0, 0, 1,
                                        -1, 0, 0, 1, -1, 0, 0, 1, -1, 0);
    const __m256i T1 = _mm256_setr_epi8(0, 0, 0, 0, 1, 1, 1, 1, -1, -1, -1, -1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1,
                                        1, 1, -1, -1, -1, -1, 0, 0, 0, 0);
    __m256i a0 = _mm256_setzero_si256(), a1 = a0;
    const unsigned char *sp = *spp;
    for (size_t b0 = 0; b0 < nb; b0 += PQFLUSH) {
        size_t b1 = b0 + PQFLUSH < nb ? b0 + PQFLUSH : nb;
        __m256i h0 = _mm256_setzero_si256(), h1 = h0, l0 = h0, l1 = h0;
        for (size_t b = b0; b < b1; b++) {
            if (!h && pd) /* the panel's first pass: its codes come from memory, a stream the L2 prefetcher
                           * restarts at every 4 KB page (cold: 68 -> 42 us for 2 x 417 x 1500, Sapphire Rapids) */
                _mm_prefetch((const char *)(cp + 32 * b) + pd, _MM_HINT_T0);
            if (!h)
                SIDE_PF(sp, se);
            __m256i v = _mm256_load_si256((const __m256i *)(cp + 32 * b));
            __m256i xh = _mm256_load_si256((const __m256i *)(hi + 32 * b));
            __m256i xl = _mm256_load_si256((const __m256i *)(lo + 32 * b));
            __m256i n = _mm256_and_si256(h ? _mm256_srli_epi16(v, 4) : v, m4);
            __m256i g0 = _mm256_shuffle_epi8(T0, n), g1 = _mm256_shuffle_epi8(T1, n);
            h0 = _mm256_add_epi16(h0, _mm256_maddubs_epi16(xh, g0));
            l0 = _mm256_add_epi16(l0, _mm256_maddubs_epi16(xl, g0));
            h1 = _mm256_add_epi16(h1, _mm256_maddubs_epi16(xh, g1));
            l1 = _mm256_add_epi16(l1, _mm256_maddubs_epi16(xl, g1));
        }
        a0 = _mm256_add_epi32(a0, _mm256_add_epi32(_mm256_madd_epi16(h0, c256), _mm256_madd_epi16(l0, ones)));
        a1 = _mm256_add_epi32(a1, _mm256_add_epi32(_mm256_madd_epi16(h1, c256), _mm256_madd_epi16(l1, ones)));
    }
    *s0 = a0;
    *s1 = a1;
    *spp = sp;
}

T_AVX2 static void proj_q_avx2(const dm_kproj *p, const dm_kproj_in *in, float *out)
{
    const size_t nb = pq_blocks(p->d);
    const uint8_t *hi = in->buf, *lo = in->buf + 32 * nb, *codes = p->codes;
    const double sc = (double)in->sx * p->scale;
    const size_t pd = (size_t)kp_cur.proj_dist;
    side_pf *sd = &side_cur;
    const unsigned char *sp = sd->p, *se = sd->end;
    for (int j = 0; j < p->k; j += 2) {
        __m256i s0, s1;
        side_take(sd, &sp, &se);
        proj_q_pair_avx2(codes + (size_t)(j / 4) * nb * 32, nb, (j / 2) & 1, hi, lo, pd, &sp, se, &s0, &s1);
        out[j] = (float)(((double)hsum_epi32_avx2(s0) - 32768.0 * p->rowsum[j]) * sc);
        if (j + 1 < p->k)
            out[j + 1] = (float)(((double)hsum_epi32_avx2(s1) - 32768.0 * p->rowsum[j + 1]) * sc);
    }
    sd->p = sp, sd->end = se;
}

T_AVX2 static void proj_avx2(const dm_kproj *p, const dm_kproj_in *in, float *out)
{
    if (in->sx > 0.0f && p->codes) {
        proj_q_avx2(p, in, out);
        return;
    }
    const float *x = in->x;
    const size_t ng = ((size_t)p->d + PGRP - 1) / PGRP, nfull = (size_t)p->d / PGRP;
    alignas(32) float xt[PGRP] = { 0 };
    memcpy(xt, x + nfull * PGRP, sizeof(float) * ((size_t)p->d - nfull * PGRP));
    const uint32_t *w = p->data;
    int j = 0;
    for (; j + 4 <= p->k; j += 4)
        proj_rows_avx2(w + (size_t)j * ng, ng, 4, nfull, x, xt, p->scale, out + j);
    for (; j < p->k; j++)
        proj_rows_avx2(w + (size_t)j * ng, ng, 1, nfull, x, xt, p->scale, out + j);
}

/* The qgemv row kernels: R rows at w (R = 4: a panel, block b of row i at (R b + i) QBLK; R = 1: one row), nb blocks,
 * the first nfull reading x directly and the last one the zero-padded xt;
 * out[i] = the exact acc of row i. */
static T_AVX2 ALWAYS_INLINE void q8_rows_avx2(const uint8_t *w, const uint8_t *pf, const int PFM, int R,
                                              int nb, int nfull, const int8_t *x, const int8_t *xt,
                                              int64_t *out, const uint8_t *w2, const uint8_t *pf2)
{
    /* R = 8: two 4-row groups in lockstep, rows 4..7 the group at w2 (prefetching at pf2); with q_streams >= 2
     * they come from two streams, which are then read block by block together */
    const int G = R == 8 ? 4 : R;
    const __m256i ones = _mm256_set1_epi16(1);
    __m256i acc[8];
#pragma GCC unroll 8
    for (int i = 0; i < R; i++)
        acc[i] = _mm256_setzero_si256();
    for (int b = 0; b < nb; b++) {
        const int8_t *xb = b < nfull ? x + (size_t)b * QBLK : xt;
        const uint8_t *wb = w + (size_t)b * QBLK * G; /* panel: block b of the G rows */
        const uint8_t *wb2 = R == 8 ? w2 + (size_t)b * QBLK * G : wb;
#pragma GCC unroll 2
        for (int h = 0; h < 2; h++) {
            __m256i xv = _mm256_loadu_si256((const __m256i *)(xb + 32 * h));
            __m256i ax = _mm256_sign_epi8(xv, xv);
#pragma GCC unroll 8
            for (int i = 0; i < R; i++) {
                if (h == 0) /* beside the row's first load: see PFM_ */
                    QPF(PFM, (i < G ? pf : pf2) + ((size_t)b * G + i % 4) * QBLK);
                const uint8_t *wr = i < G ? wb + i * QBLK : wb2 + (i - G) * QBLK;
                __m256i wv = _mm256_load_si256((const __m256i *)(wr + 32 * h));
                __m256i pr = _mm256_maddubs_epi16(ax, _mm256_sign_epi8(wv, xv));
                acc[i] = _mm256_add_epi32(acc[i], _mm256_madd_epi16(pr, ones));
            }
        }
    }
#pragma GCC unroll 8
    for (int i = 0; i < R; i++)
        out[i] = hsum_epi32_avx2(acc[i]);
}

static T_AVX2 ALWAYS_INLINE void q4_rows_avx2(const uint8_t *w, const uint8_t *pf, const int PFM, int R,
                                              int nb, int nfull, const int8_t *x, const int8_t *xt,
                                              int32_t sumx, int64_t *out)
{
    const __m256i ones = _mm256_set1_epi16(1), m4 = _mm256_set1_epi8(15);
    __m256i acc[4];
#pragma GCC unroll 4
    for (int i = 0; i < R; i++)
        acc[i] = _mm256_setzero_si256();
    for (int b = 0; b < nb; b++) {
        const int8_t *xb = b < nfull ? x + (size_t)b * 128 : xt;
        const uint8_t *wb = w + (size_t)b * QBLK * R; /* panel: block b of the R rows */
#pragma GCC unroll 2
        for (int h = 0; h < 2; h++) {
            __m256i xl = _mm256_loadu_si256((const __m256i *)(xb + 32 * h));
            __m256i xh = _mm256_loadu_si256((const __m256i *)(xb + 64 + 32 * h));
#pragma GCC unroll 4
            for (int i = 0; i < R; i++) {
                if (h == 0)
                    QPF(PFM, pf + ((size_t)b * R + i) * QBLK);
                __m256i wv = _mm256_load_si256((const __m256i *)(wb + i * QBLK + 32 * h));
                __m256i lo = _mm256_and_si256(wv, m4);
                __m256i hi = _mm256_and_si256(_mm256_srli_epi16(wv, 4), m4);
                /* |each| <= 2 * 15 * 128 = 3840: the int16 sum is exact */
                __m256i pr = _mm256_add_epi16(_mm256_maddubs_epi16(lo, xl), _mm256_maddubs_epi16(hi, xh));
                acc[i] = _mm256_add_epi32(acc[i], _mm256_madd_epi16(pr, ones));
            }
        }
    }
#pragma GCC unroll 4
    for (int i = 0; i < R; i++)
        out[i] = (int64_t)hsum_epi32_avx2(acc[i]) - 8 * (int64_t)sumx;
}

static T_AVX2 ALWAYS_INLINE void q2_rows_avx2(const uint8_t *w, const uint8_t *pf, const int PFM, int R,
                                              int nb, int nfull, const int8_t *x, const int8_t *xt,
                                              int32_t sumx, int64_t *out)
{
    const __m256i ones = _mm256_set1_epi16(1), m2 = _mm256_set1_epi8(3);
    __m256i acc[4];
#pragma GCC unroll 4
    for (int i = 0; i < R; i++)
        acc[i] = _mm256_setzero_si256();
    for (int b = 0; b < nb; b++) {
        const int8_t *xb = b < nfull ? x + (size_t)b * 256 : xt;
        const uint8_t *wb = w + (size_t)b * QBLK * R; /* panel: block b of the R rows */
#pragma GCC unroll 2
        for (int h = 0; h < 2; h++) {
            __m256i x0 = _mm256_loadu_si256((const __m256i *)(xb + 32 * h));
            __m256i x1 = _mm256_loadu_si256((const __m256i *)(xb + 64 + 32 * h));
            __m256i x2 = _mm256_loadu_si256((const __m256i *)(xb + 128 + 32 * h));
            __m256i x3 = _mm256_loadu_si256((const __m256i *)(xb + 192 + 32 * h));
#pragma GCC unroll 4
            for (int i = 0; i < R; i++) {
                if (h == 0)
                    QPF(PFM, pf + ((size_t)b * R + i) * QBLK);
                __m256i wv = _mm256_load_si256((const __m256i *)(wb + i * QBLK + 32 * h));
                __m256i u0 = _mm256_and_si256(wv, m2);
                __m256i u1 = _mm256_and_si256(_mm256_srli_epi16(wv, 2), m2);
                __m256i u2 = _mm256_and_si256(_mm256_srli_epi16(wv, 4), m2);
                __m256i u3 = _mm256_and_si256(_mm256_srli_epi16(wv, 6), m2);
                /* |each| <= 2 * 3 * 128 = 768: the int16 sum of four is exact */
                __m256i pr = _mm256_add_epi16(
                    _mm256_add_epi16(_mm256_maddubs_epi16(u0, x0), _mm256_maddubs_epi16(u1, x1)),
                    _mm256_add_epi16(_mm256_maddubs_epi16(u2, x2), _mm256_maddubs_epi16(u3, x3)));
                acc[i] = _mm256_add_epi32(acc[i], _mm256_madd_epi16(pr, ones));
            }
        }
    }
#pragma GCC unroll 4
    for (int i = 0; i < R; i++)
        out[i] = (int64_t)hsum_epi32_avx2(acc[i]) - 2 * (int64_t)sumx;
}

static T_AVX2 ALWAYS_INLINE void q1_rows_avx2(const uint8_t *w, const uint8_t *pf, const int PFM, int R,
                                              int nb, int nfull, const int8_t *x, const int8_t *xt,
                                              int32_t sumx, int tail, int64_t *out)
{
    const __m256i ones8 = _mm256_set1_epi8(1), ones16 = _mm256_set1_epi16(1);
    /* byte i of a broadcast 32-bit word <- its byte i / 8 (per 128-bit lane) */
    const __m256i shuf = _mm256_setr_epi8(0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1,
                                          2, 2, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3);
    const __m256i bitsel = _mm256_set1_epi64x((long long)0x8040201008040201ULL);
    __m256i acc[4];
#pragma GCC unroll 4
    for (int i = 0; i < R; i++)
        acc[i] = _mm256_setzero_si256();
    for (int b = 0; b < nb; b++) {
        const int8_t *xb = b < nfull ? x + (size_t)b * 512 : xt;
        const uint8_t *wb = w + (size_t)b * QBLK * R; /* panel: block b of the R rows */
        __m256i ps[4];
#pragma GCC unroll 4
        for (int i = 0; i < R; i++)
            ps[i] = _mm256_setzero_si256();
        const int nt = b < nfull ? 16 : (tail + 31) / 32; /* skip all-padding chunks */
        for (int t = 0; t < nt; t++) {
            __m256i xv = _mm256_loadu_si256((const __m256i *)(xb + 32 * t));
#pragma GCC unroll 4
            for (int i = 0; i < R; i++) {
                if (t == 0)
                    QPF(PFM, pf + ((size_t)b * R + i) * QBLK);
                uint32_t bits;
                memcpy(&bits, wb + i * QBLK + 4 * t, sizeof bits);
                __m256i v = _mm256_shuffle_epi8(_mm256_set1_epi32((int)bits), shuf);
                v = _mm256_min_epu8(_mm256_and_si256(v, bitsel), ones8); /* bit as 0 / 1 */
                /* |pair| <= 256, 16 chunks: |ps| <= 4096, exact in int16 */
                ps[i] = _mm256_add_epi16(ps[i], _mm256_maddubs_epi16(v, xv));
            }
        }
#pragma GCC unroll 4
        for (int i = 0; i < R; i++)
            acc[i] = _mm256_add_epi32(acc[i], _mm256_madd_epi16(ps[i], ones16));
    }
#pragma GCC unroll 4
    for (int i = 0; i < R; i++)
        out[i] = 2 * (int64_t)hsum_epi32_avx2(acc[i]) - sumx;
}

static T_AVX2 ALWAYS_INLINE void q16_rows_avx2(const uint8_t *w, const uint8_t *pf, const int PFM,
                                               int R, int nb, int nfull, const int8_t *x,
                                               const int8_t *xt, int64_t *out)
{
    __m256i acc[4];
    int64_t tot[4];
#pragma GCC unroll 4
    for (int i = 0; i < R; i++) {
        acc[i] = _mm256_setzero_si256();
        tot[i] = 0;
    }
    for (int b = 0; b < nb; b++) {
        const int8_t *xb = b < nfull ? x + (size_t)b * 32 : xt;
        const uint8_t *wb = w + (size_t)b * QBLK * R; /* panel: block b of the R rows */
#pragma GCC unroll 2
        for (int h = 0; h < 2; h++) {
            __m256i xv = _mm256_cvtepi8_epi16(_mm_loadu_si128((const __m128i *)(xb + 16 * h)));
#pragma GCC unroll 4
            for (int i = 0; i < R; i++) {
                if (h == 0)
                    QPF(PFM, pf + ((size_t)b * R + i) * QBLK);
                __m256i wv = _mm256_load_si256((const __m256i *)(wb + i * QBLK + 32 * h));
                acc[i] = _mm256_add_epi32(acc[i], _mm256_madd_epi16(wv, xv));
            }
        }
        if ((b + 1) % QFLUSH16 == 0) {
#pragma GCC unroll 4
            for (int i = 0; i < R; i++) {
                tot[i] += hsum_epi32_wide_avx2(acc[i]);
                acc[i] = _mm256_setzero_si256();
            }
        }
    }
#pragma GCC unroll 4
    for (int i = 0; i < R; i++)
        out[i] = tot[i] + hsum_epi32_wide_avx2(acc[i]);
}

/* Shared qgemv driver pieces: the zero-padded last block of x and sum(x). */
static int q_prepare(const dm_qmat *m, const int8_t *xq, int8_t *xt, int *nb, int *nfull)
{
    const int cpb = q_cpb(m->container);
    *nb = (m->cols + cpb - 1) / cpb;
    *nfull = m->cols / cpb;
    int tail = m->cols - *nfull * cpb;
    if (tail) {
        memset(xt, 0, (size_t)cpb);
        memcpy(xt, xq + (size_t)*nfull * cpb, (size_t)tail);
    }
    int32_t s = 0;
    if (m->container <= 4)
        for (int j = 0; j < m->cols; j++)
            s += xq[j];
    return s;
}

static T_AVX2 ALWAYS_INLINE void qgemv_body_avx2(const dm_qmat *m, const int8_t *xq, float xscale, float *y,
                                                const int PFM, int pfb)
{
    if (m->rows < 1 || m->cols < 1)
        return;
    alignas(64) int8_t xt[QBLK * 8];
    int nb, nfull;
    const int32_t sumx = q_prepare(m, xq, xt, &nb, &nfull);
    const int tail = m->cols - nfull * q_cpb(m->container); /* columns in a partial last block */
    const size_t rb = m->row_bytes;
    const int pfg = (int)((pfb + 4 * rb - 1) / (4 * rb)); /* groups ahead */
    int64_t acc[8];
    /* the 4-row groups in S interleaved streams: group i of each of S equal ranges in turn (8 bits: two
     * streams' groups in lockstep) */
    const int ng = m->rows / 4;
    const q_order qo = q_order_of(m, ng);
    const int S = qo.S, per = qo.per;
    for (int i = 0; i < per; i++)
        for (int st = 0; st < S; st++) {
            int gend, g = q_order_group(&qo, i * S + st, &gend);
            if (g < 0)
                continue;
            int g1end = 0, g1 = st + 1 < S ? q_order_group(&qo, i * S + st + 1, &g1end) : -1;
            if (m->container == 8 && g1 >= 0) {
                const uint8_t *w0 = m->data + (size_t)4 * g * rb, *w1 = m->data + (size_t)4 * g1 * rb;
                const uint8_t *pf0 = g + 1 + pfg <= gend ? w0 + 4 * pfg * rb : w0;
                const uint8_t *pf1 = g1 + 1 + pfg <= g1end ? w1 + 4 * pfg * rb : w1;
                q8_rows_avx2(w0, pf0, PFM, 8, nb, nfull, xq, xt, acc, w1, pf1);
                for (int q = 0; q < 4; q++) {
                    y[4 * g + q] = q_finish(acc[q], m->wscale[4 * g + q], xscale, m->bias[4 * g + q]);
                    y[4 * g1 + q] = q_finish(acc[4 + q], m->wscale[4 * g1 + q], xscale, m->bias[4 * g1 + q]);
                }
                st++; /* stream st + 1 done too */
                continue;
            }
            int r = 4 * g;
            const uint8_t *w = m->data + (size_t)r * rb;
            const uint8_t *pf = g + 1 + pfg <= gend ? w + 4 * pfg * rb : w; /* a later group of this stream */
            switch (m->container) {
            case 8: q8_rows_avx2(w, pf, PFM, 4, nb, nfull, xq, xt, acc, NULL, NULL); break;
            case 4: q4_rows_avx2(w, pf, PFM, 4, nb, nfull, xq, xt, sumx, acc); break;
            case 2: q2_rows_avx2(w, pf, PFM, 4, nb, nfull, xq, xt, sumx, acc); break;
            case 1: q1_rows_avx2(w, pf, PFM, 4, nb, nfull, xq, xt, sumx, tail, acc); break;
            default: q16_rows_avx2(w, pf, PFM, 4, nb, nfull, xq, xt, acc); break;
            }
            for (int q = 0; q < 4; q++)
                y[r + q] = q_finish(acc[q], m->wscale[r + q], xscale, m->bias[r + q]);
        }
    int r = 4 * ng;
    for (; r < m->rows; r++) {
        const uint8_t *w = m->data + (size_t)r * rb;
        const uint8_t *pf = r + 1 < m->rows ? w + rb : w;
        switch (m->container) {
        case 8: q8_rows_avx2(w, pf, PFM, 1, nb, nfull, xq, xt, acc, NULL, NULL); break;
        case 4: q4_rows_avx2(w, pf, PFM, 1, nb, nfull, xq, xt, sumx, acc); break;
        case 2: q2_rows_avx2(w, pf, PFM, 1, nb, nfull, xq, xt, sumx, acc); break;
        case 1: q1_rows_avx2(w, pf, PFM, 1, nb, nfull, xq, xt, sumx, tail, acc); break;
        default: q16_rows_avx2(w, pf, PFM, 1, nb, nfull, xq, xt, acc); break;
        }
        y[r] = q_finish(acc[0], m->wscale[r], xscale, m->bias[r]);
    }
}

T_AVX2 static void qgemv_avx2(const dm_qmat *m, const int8_t *xq, float xscale, float *y)
{
    const int pfb = kp_cur.q_pf;
    if (!pfb)
        qgemv_body_avx2(m, xq, xscale, y, 0, 0);
    else if (kp_cur.q_hint)
        qgemv_body_avx2(m, xq, xscale, y, 2, pfb);
    else
        qgemv_body_avx2(m, xq, xscale, y, 1, pfb);
}

T_AVX2 static float quant_in_avx2(const float *v, int n, int8_t *xq)
{
    if (n < 1)
        return 1.0f;
    const __m256 signbit = _mm256_set1_ps(-0.0f);
    const float s = quant_scale(dm_absmax(v, n)); /* NaN never enters the max */
    int j;
    if (s == 0.0f) {
        memset(xq, 0, (size_t)n);
        return 1.0f;
    }
    const __m256 sv = _mm256_set1_ps(s), half = _mm256_set1_ps(0.5f), one = _mm256_set1_ps(1.0f);
    const __m256 lo = _mm256_set1_ps(-127.0f), hi = _mm256_set1_ps(127.0f);
    for (j = 0; j + 8 <= n; j += 8) {
        __m256 a = _mm256_div_ps(_mm256_loadu_ps(v + j), sv);
        __m256 t = _mm256_round_ps(a, _MM_FROUND_TO_ZERO | _MM_FROUND_NO_EXC);
        __m256 fr = _mm256_andnot_ps(signbit, _mm256_sub_ps(a, t));
        __m256 inc = _mm256_and_ps(_mm256_cmp_ps(fr, half, _CMP_GE_OQ),
                                   _mm256_or_ps(_mm256_and_ps(a, signbit), one));
        __m256 r = _mm256_min_ps(_mm256_max_ps(_mm256_add_ps(t, inc), lo), hi);
        r = _mm256_and_ps(r, _mm256_cmp_ps(a, a, _CMP_ORD_Q));
        __m256i q = _mm256_cvtps_epi32(r);
        __m128i q16 = _mm_packs_epi32(_mm256_castsi256_si128(q), _mm256_extracti128_si256(q, 1));
        _mm_storel_epi64((__m128i *)(xq + j), _mm_packs_epi16(q16, q16));
    }
    for (; j < n; j++)
        xq[j] = quant_one(v[j], s);
    return s;
}

/* exp(x) for x clamped to [-87.3, 88.3] (the result stays normal): Cephes
 * expf, n = round(x log2 e), r = x - n ln 2 in two parts, degree-6
 * polynomial, times 2^n by the exponent bits; about 1 ulp. NaN in, NaN out. */
#define EXP_LO -87.3f
#define EXP_HI 88.3f
static T_AVX2 ALWAYS_INLINE __m256 exp_avx2(__m256 x)
{
    x = _mm256_max_ps(_mm256_set1_ps(EXP_LO), _mm256_min_ps(_mm256_set1_ps(EXP_HI), x)); /* NaN kept */
    __m256 n = _mm256_round_ps(_mm256_mul_ps(x, _mm256_set1_ps(1.44269504088896341f)),
                               _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
    __m256 r = _mm256_fnmadd_ps(n, _mm256_set1_ps(0.693359375f), x);
    r = _mm256_fnmadd_ps(n, _mm256_set1_ps(-2.12194440e-4f), r);
    __m256 p = _mm256_set1_ps(1.9875691500e-4f);
    p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(1.3981999507e-3f));
    p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(8.3334519073e-3f));
    p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(4.1665795894e-2f));
    p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(1.6666665459e-1f));
    p = _mm256_fmadd_ps(p, r, _mm256_set1_ps(5.0000001201e-1f));
    p = _mm256_fmadd_ps(p, _mm256_mul_ps(r, r), _mm256_add_ps(r, _mm256_set1_ps(1.0f)));
    __m256i e = _mm256_slli_epi32(_mm256_add_epi32(_mm256_cvtps_epi32(n), _mm256_set1_epi32(127)), 23);
    return _mm256_mul_ps(p, _mm256_castsi256_ps(e));
}

static T_AVX2 ALWAYS_INLINE __m256 sigmoid_avx2(__m256 x)
{
    const __m256 one = _mm256_set1_ps(1.0f);
    return _mm256_div_ps(one, _mm256_add_ps(one, exp_avx2(_mm256_sub_ps(_mm256_setzero_ps(), x))));
}

/* tanh(x) = sign(x) (1 - 2 / (exp(2 |x|) + 1)), |x| clamped to 9 (tanh = 1
 * in float beyond); absolute error about 2 ulp of 1. */
static T_AVX2 ALWAYS_INLINE __m256 tanh_avx2(__m256 x)
{
    const __m256 one = _mm256_set1_ps(1.0f), sgn = _mm256_set1_ps(-0.0f);
    __m256 a = _mm256_min_ps(_mm256_set1_ps(9.0f), _mm256_andnot_ps(sgn, x));
    __m256 e = exp_avx2(_mm256_add_ps(a, a));
    __m256 t = _mm256_sub_ps(one, _mm256_div_ps(_mm256_set1_ps(2.0f), _mm256_add_ps(e, one)));
    return _mm256_or_ps(t, _mm256_and_ps(sgn, x));
}

/* Lanes j0..j0+n (n < 8) through a zero-padded stack copy. */
#define CELL_TAIL_LOAD(dst, src, n) do { memset(dst, 0, sizeof dst); memcpy(dst, src, (size_t)(n) * sizeof(float)); } while (0)

T_AVX2 static void lstm_cell_avx2(const float *g, int H, float *h, float *c)
{
    int j = 0;
    for (; j + 8 <= H; j += 8) {
        __m256 i = sigmoid_avx2(_mm256_loadu_ps(g + j)), f = sigmoid_avx2(_mm256_loadu_ps(g + H + j));
        __m256 gg = tanh_avx2(_mm256_loadu_ps(g + 2 * H + j)), o = sigmoid_avx2(_mm256_loadu_ps(g + 3 * H + j));
        __m256 cn = _mm256_fmadd_ps(f, _mm256_loadu_ps(c + j), _mm256_mul_ps(i, gg));
        _mm256_storeu_ps(c + j, cn);
        _mm256_storeu_ps(h + j, _mm256_mul_ps(o, tanh_avx2(cn)));
    }
    if (j < H) {
        int n = H - j;
        alignas(32) float a0[8], a1[8], a2[8], a3[8], cc[8], hh[8];
        CELL_TAIL_LOAD(a0, g + j, n); CELL_TAIL_LOAD(a1, g + H + j, n);
        CELL_TAIL_LOAD(a2, g + 2 * H + j, n); CELL_TAIL_LOAD(a3, g + 3 * H + j, n);
        CELL_TAIL_LOAD(cc, c + j, n);
        __m256 i = sigmoid_avx2(_mm256_load_ps(a0)), f = sigmoid_avx2(_mm256_load_ps(a1));
        __m256 gg = tanh_avx2(_mm256_load_ps(a2)), o = sigmoid_avx2(_mm256_load_ps(a3));
        __m256 cn = _mm256_fmadd_ps(f, _mm256_load_ps(cc), _mm256_mul_ps(i, gg));
        _mm256_store_ps(cc, cn);
        _mm256_store_ps(hh, _mm256_mul_ps(o, tanh_avx2(cn)));
        memcpy(c + j, cc, (size_t)n * sizeof(float));
        memcpy(h + j, hh, (size_t)n * sizeof(float));
    }
}

T_AVX2 static void gru_cell_avx2(const float *g, const float *ghn, int H, float *h)
{
    const __m256 one = _mm256_set1_ps(1.0f);
    int j = 0;
    for (; j + 8 <= H; j += 8) {
        __m256 r = sigmoid_avx2(_mm256_loadu_ps(g + j)), z = sigmoid_avx2(_mm256_loadu_ps(g + H + j));
        __m256 n = tanh_avx2(_mm256_fmadd_ps(r, _mm256_loadu_ps(ghn + j), _mm256_loadu_ps(g + 2 * H + j)));
        _mm256_storeu_ps(h + j, _mm256_fmadd_ps(_mm256_sub_ps(one, z), n, _mm256_mul_ps(z, _mm256_loadu_ps(h + j))));
    }
    if (j < H) {
        int n0 = H - j;
        alignas(32) float a0[8], a1[8], a2[8], hn[8], hh[8];
        CELL_TAIL_LOAD(a0, g + j, n0); CELL_TAIL_LOAD(a1, g + H + j, n0);
        CELL_TAIL_LOAD(a2, g + 2 * H + j, n0); CELL_TAIL_LOAD(hn, ghn + j, n0);
        CELL_TAIL_LOAD(hh, h + j, n0);
        __m256 r = sigmoid_avx2(_mm256_load_ps(a0)), z = sigmoid_avx2(_mm256_load_ps(a1));
        __m256 n = tanh_avx2(_mm256_fmadd_ps(r, _mm256_load_ps(hn), _mm256_load_ps(a2)));
        _mm256_store_ps(hh, _mm256_fmadd_ps(_mm256_sub_ps(one, z), n, _mm256_mul_ps(z, _mm256_load_ps(hh))));
        memcpy(h + j, hh, (size_t)n0 * sizeof(float));
    }
}

T_AVX2 static int mark_ge_avx2(const float *sc, const float *y, float th, int off, int n, unsigned char *sens,
                                float *g, int *idx)
{
    const __m256 t = _mm256_set1_ps(th);
    int ns = 0, j = 0;
    for (; j + 8 <= n; j += 8) {
        /* _CMP_NGE_UQ: not (sc >= th), true for NaN: the sensitive rows */
        unsigned m = (unsigned)_mm256_movemask_ps(_mm256_cmp_ps(_mm256_loadu_ps(sc + j), t, _CMP_NGE_UQ));
        _mm256_storeu_ps(g + j, _mm256_loadu_ps(y + j));
        for (int i = 0; i < 8; i++)
            sens[j + i] = (unsigned char)(m >> i & 1);
        while (m) {
            idx[ns++] = off + j + __builtin_ctz(m);
            m &= m - 1;
        }
    }
    return ns + mark_ge_ref(sc + j, y + j, th, off + j, n - j, sens + j, g + j, idx + ns);
}

/* ---- AVX-512 F/BW/VL/VNNI ----------------------------------------------- */

/* As rg2_rows with 16 lanes per row, reduced by _mm512_reduce_add_ps. */
static T_AVX512 ALWAYS_INLINE void rg5_rows(const float *const *a, const float *const *nx, const int R, const int PFM,
                                            int c16, int split, int pf, int rem, __mmask16 tm, const float *x,
                                            __m512 xt, float *out)
{
    __m512 s[8];
    /* the row pointers in registers: the prefetches' memory clobber (PFM_) would reload them from the caller's
     * array at every one */
    const float *ar[8], *nr[8];
#pragma GCC unroll 8
    for (int i = 0; i < R; i++)
        ar[i] = a[i], nr[i] = nx[i];
#pragma GCC unroll 8
    for (int i = 0; i < R; i++)
        s[i] = _mm512_setzero_ps();
    int c = 0;
    if (PFM) {
        for (; c < split; c += 16) {
            __m512 xv = _mm512_loadu_ps(x + c);
#pragma GCC unroll 8
            for (int i = 0; i < R; i++) {
                PFM_(PFM, ar[i] + c + pf);
                s[i] = _mm512_fmadd_ps(_mm512_loadu_ps(ar[i] + c), xv, s[i]);
            }
        }
        for (; c < c16; c += 16) {
            __m512 xv = _mm512_loadu_ps(x + c);
#pragma GCC unroll 8
            for (int i = 0; i < R; i++) {
                PFM_(PFM, nr[i] + (c - split));
                s[i] = _mm512_fmadd_ps(_mm512_loadu_ps(ar[i] + c), xv, s[i]);
            }
        }
    } else {
        for (; c < c16; c += 16) {
            __m512 xv = _mm512_loadu_ps(x + c);
#pragma GCC unroll 8
            for (int i = 0; i < R; i++)
                s[i] = _mm512_fmadd_ps(_mm512_loadu_ps(ar[i] + c), xv, s[i]);
        }
    }
    if (rem) {
#pragma GCC unroll 8
        for (int i = 0; i < R; i++)
            s[i] = _mm512_fmadd_ps(_mm512_maskz_loadu_ps(tm, ar[i] + c16), xt, s[i]);
    }
#pragma GCC unroll 8
    for (int i = 0; i < R; i++)
        out[i] = _mm512_reduce_add_ps(s[i]);
}

static T_AVX512 ALWAYS_INLINE void rg5_drive(const float *W, size_t ld, int cols, const int *rows, int nrows,
                                             const float *x, float *y, const int ACC, const int R, const int PFM,
                                             int pf)
{
    const int c16 = cols & ~15, rem = cols - c16;
    const int split = !PFM ? c16 : c16 > pf ? c16 - pf : 0;
    const __mmask16 tm = (__mmask16)((1u << rem) - 1);
    const __m512 xt = _mm512_maskz_loadu_ps(tm, x + c16);
#define RG5_ROWS(a, nx, RR) rg5_rows(a, nx, RR, PFM, c16, split, pf, rem, tm, x, xt, o)
    RG_DRIVE_BODY(RG5_ROWS)
#undef RG5_ROWS
}

T_AVX512 static void rows_gemv_avx512(const float *W, size_t ld, int cols, const int *rows,
                                      int nrows, const float *x, float *y)
{
    if (nrows < 1)
        return;
    RG_DISPATCH(rg5_drive, rows, 0);
}

T_AVX512 static void gemv_avx512(const float *W, size_t ld, int nrows, int cols, const float *x, float *y)
{
    if (nrows < 1)
        return;
    RG_DISPATCH(rg5_drive, NULL, 1);
}

static T_AVX512 ALWAYS_INLINE void proj_rows_avx512(const uint32_t *w, size_t ng, int R,
                                                    size_t nfull, __mmask16 tm, const float *x,
                                                    float scale, float *out)
{
    __m512 ap[4], am[4];
#pragma GCC unroll 4
    for (int i = 0; i < R; i++)
        ap[i] = am[i] = _mm512_setzero_ps();
    for (size_t g = 0; g < ng; g++) {
        __m512 xv = g < nfull ? _mm512_loadu_ps(x + g * PGRP) : _mm512_maskz_loadu_ps(tm, x + g * PGRP);
#pragma GCC unroll 4
        for (int i = 0; i < R; i++) {
            uint32_t b = w[(size_t)i * ng + g];
            ap[i] = _mm512_mask_add_ps(ap[i], (__mmask16)b, ap[i], xv);
            am[i] = _mm512_mask_add_ps(am[i], (__mmask16)(b >> 16), am[i], xv);
        }
    }
#pragma GCC unroll 4
    for (int i = 0; i < R; i++)
        out[i] = _mm512_reduce_add_ps(_mm512_sub_ps(ap[i], am[i])) * scale;
}

/* The sums of four rows' accumulators, row i in lane i (int32, wrapping). */
static T_AVX512 ALWAYS_INLINE __m128i hsum4_epi32_avx512(const __m512i *a)
{
    __m512i a01 = _mm512_add_epi32(_mm512_unpacklo_epi32(a[0], a[1]), _mm512_unpackhi_epi32(a[0], a[1]));
    __m512i a23 = _mm512_add_epi32(_mm512_unpacklo_epi32(a[2], a[3]), _mm512_unpackhi_epi32(a[2], a[3]));
    __m512i s = _mm512_add_epi32(_mm512_unpacklo_epi64(a01, a23), _mm512_unpackhi_epi64(a01, a23));
    __m256i h = _mm256_add_epi32(_mm512_castsi512_si256(s), _mm512_extracti64x4_epi64(s, 1));
    return _mm_add_epi32(_mm256_castsi256_si128(h), _mm256_extracti128_si256(h, 1));
}

/* The integer projection (proj_q_avx2's arithmetic, bit-identical results) on 64 columns at a time, with VNNI:
 * the four rows of a panel share each load of codes and input planes, and vpdpbusd sums straight into int32
 * (|lane| <= 2 * 255 * 2 per 64 columns, d <= DM_PROJ_QD_MAX: far within int32). */
T_AVX512 static void proj_q_avx512(const dm_kproj *p, const dm_kproj_in *in, float *out)
{
    const size_t nb = pq_blocks(p->d), n2 = nb / 2;
    const uint8_t *hi = in->buf, *lo = in->buf + 32 * nb, *codes = p->codes;
    const double sc = (double)in->sx * p->scale;
    const __m512i m4 = _mm512_set1_epi8(15);
    const __m512i T0 = _mm512_broadcast_i32x4(_mm_setr_epi8(0, 1, -1, 0, 0, 1, -1, 0, 0, 1, -1, 0, 0, 1, -1, 0));
    const __m512i T1 = _mm512_broadcast_i32x4(_mm_setr_epi8(0, 0, 0, 0, 1, 1, 1, 1, -1, -1, -1, -1, 0, 0, 0, 0));
    const size_t pd = (size_t)kp_cur.proj_dist;
    side_pf *sd = &side_cur;
    const unsigned char *sp = sd->p, *se = sd->end;
    for (int j = 0; j < p->k; j += 4) {
        const uint8_t *cp = codes + (size_t)(j / 4) * nb * 32;
        side_take(sd, &sp, &se);
        __m512i H[4], L[4];
#pragma GCC unroll 4
        for (int i = 0; i < 4; i++)
            H[i] = L[i] = _mm512_setzero_si512();
        for (size_t b = 0; b <= n2; b++) {
            __m512i v, xh, xl;
            SIDE_PF(sp, se);
            if (b < n2) {
                if (pd)
                    _mm_prefetch((const char *)(cp + 64 * b) + pd, _MM_HINT_T0);
                v = _mm512_loadu_si512((const void *)(cp + 64 * b)); /* 32-byte aligned (odd nb) */
                xh = _mm512_loadu_si512((const void *)(hi + 64 * b));
                xl = _mm512_loadu_si512((const void *)(lo + 64 * b));
            } else if (nb & 1) { /* the last, odd block: its upper half zero */
                v = _mm512_zextsi256_si512(_mm256_load_si256((const __m256i *)(cp + 64 * b)));
                xh = _mm512_zextsi256_si512(_mm256_load_si256((const __m256i *)(hi + 64 * b)));
                xl = _mm512_zextsi256_si512(_mm256_load_si256((const __m256i *)(lo + 64 * b)));
            } else {
                break;
            }
            __m512i n0 = _mm512_and_si512(v, m4), n1 = _mm512_and_si512(_mm512_srli_epi16(v, 4), m4);
            __m512i g[4] = { _mm512_shuffle_epi8(T0, n0), _mm512_shuffle_epi8(T1, n0), _mm512_shuffle_epi8(T0, n1),
                             _mm512_shuffle_epi8(T1, n1) };
#pragma GCC unroll 4
            for (int i = 0; i < 4; i++) {
                H[i] = _mm512_dpbusd_epi32(H[i], xh, g[i]);
                L[i] = _mm512_dpbusd_epi32(L[i], xl, g[i]);
            }
        }
        /* 256 hi + lo per lane, then the four rows at once: every partial sum is bounded by 65535 d (the
         * static_assert at DM_PROJ_QD_MAX), so int32 holds 256 sum(s hi) + sum(s lo) exactly */
        __m512i T[4];
#pragma GCC unroll 4
        for (int i = 0; i < 4; i++)
            T[i] = _mm512_add_epi32(_mm512_slli_epi32(H[i], 8), L[i]);
        alignas(16) int32_t s4[4];
        _mm_store_si128((__m128i *)s4, hsum4_epi32_avx512(T));
        for (int i = 0; i < 4 && j + i < p->k; i++)
            out[j + i] = (float)(((double)s4[i] - 32768.0 * p->rowsum[j + i]) * sc);
    }
    sd->p = sp, sd->end = se;
}

T_AVX512 static void proj_avx512(const dm_kproj *p, const dm_kproj_in *in, float *out)
{
    if (in->sx > 0.0f && p->codes) {
        proj_q_avx512(p, in, out);
        return;
    }
    const float *x = in->x;
    const size_t ng = ((size_t)p->d + PGRP - 1) / PGRP, nfull = (size_t)p->d / PGRP;
    const __mmask16 tm = (__mmask16)((1u << (p->d - nfull * PGRP)) - 1);
    const uint32_t *w = p->data;
    int j = 0;
    for (; j + 4 <= p->k; j += 4)
        proj_rows_avx512(w + (size_t)j * ng, ng, 4, nfull, tm, x, p->scale, out + j);
    for (; j < p->k; j++)
        proj_rows_avx512(w + (size_t)j * ng, ng, 1, nfull, tm, x, p->scale, out + j);
}

static T_AVX512 ALWAYS_INLINE int64_t hsum_epi32_wide_avx512(__m512i v)
{
    __m512i s = _mm512_add_epi64(_mm512_cvtepi32_epi64(_mm512_castsi512_si256(v)),
                                 _mm512_cvtepi32_epi64(_mm512_extracti64x4_epi64(v, 1)));
    return _mm512_reduce_add_epi64(s);
}

/* q_finish on four rows at once: the same two roundings (no FMA: separate intrinsics, -std=c11 and clang's
 * contraction keep within one expression). */
static T_AVX512 ALWAYS_INLINE void q_finish4(__m128i acc, const float *ws, float xs, const float *b, float *y)
{
    __m128 p = _mm_mul_ps(_mm_cvtepi32_ps(acc), _mm_mul_ps(_mm_loadu_ps(ws), _mm_set1_ps(xs)));
    _mm_storeu_ps(y, _mm_add_ps(p, _mm_loadu_ps(b)));
}

/* q8/q4 with R = 4 put the four rows' sums in *o4 (q_finish4), with R = 1 in out[0]. */
static T_AVX512 ALWAYS_INLINE void q8_rows_avx512(const uint8_t *w, const uint8_t *pf, const int PFM,
                                                  int R, int nb, int nfull, const int8_t *x,
                                                  const int8_t *xt, int64_t *out, __m128i *o4)
{
    const __m512i zero = _mm512_setzero_si512();
    __m512i acc[4];
#pragma GCC unroll 4
    for (int i = 0; i < R; i++)
        acc[i] = zero;
    for (int b = 0; b < nb; b++) {
        const int8_t *xb = b < nfull ? x + (size_t)b * QBLK : xt;
        const uint8_t *wb = w + (size_t)b * QBLK * R; /* panel: block b of the R rows */
        __m512i xv = _mm512_loadu_si512(xb);
        __m512i ax = _mm512_abs_epi8(xv);          /* |x| as u8 (-128 -> 128) */
        __mmask64 neg = _mm512_movepi8_mask(xv);   /* x < 0 */
#pragma GCC unroll 4
        for (int i = 0; i < R; i++) {
            QPF(PFM, pf + ((size_t)b * R + i) * QBLK); /* beside its row's load: see QPF */
            __m512i wv = _mm512_load_si512(wb + i * QBLK);
            acc[i] = _mm512_dpbusd_epi32(acc[i], ax, _mm512_mask_sub_epi8(wv, neg, zero, wv));
        }
    }
    if (R == 4) {
        *o4 = hsum4_epi32_avx512(acc);
        return;
    }
    out[0] = _mm512_reduce_add_epi32(acc[0]);
}

static T_AVX512 ALWAYS_INLINE void q4_rows_avx512(const uint8_t *w, const uint8_t *pf, const int PFM,
                                                  int R, int nb, int nfull, const int8_t *x,
                                                  const int8_t *xt, int32_t sumx, int64_t *out, __m128i *o4)
{
    const __m512i m4 = _mm512_set1_epi8(15);
    __m512i acc[4];
#pragma GCC unroll 4
    for (int i = 0; i < R; i++)
        acc[i] = _mm512_setzero_si512();
    for (int b = 0; b < nb; b++) {
        const int8_t *xb = b < nfull ? x + (size_t)b * 128 : xt;
        const uint8_t *wb = w + (size_t)b * QBLK * R; /* panel: block b of the R rows */
        __m512i xl = _mm512_loadu_si512(xb), xh = _mm512_loadu_si512(xb + 64);
#pragma GCC unroll 4
        for (int i = 0; i < R; i++) {
            QPF(PFM, pf + ((size_t)b * R + i) * QBLK);
            __m512i wv = _mm512_load_si512(wb + i * QBLK);
            acc[i] = _mm512_dpbusd_epi32(acc[i], _mm512_and_si512(wv, m4), xl);
            acc[i] = _mm512_dpbusd_epi32(acc[i], _mm512_and_si512(_mm512_srli_epi16(wv, 4), m4), xh);
        }
    }
    if (R == 4) { /* wrapping int32 arithmetic: the result fits (the 8-bit accumulator bound) */
        *o4 = _mm_sub_epi32(hsum4_epi32_avx512(acc), _mm_set1_epi32((int32_t)((uint32_t)sumx * 8u)));
        return;
    }
    out[0] = (int64_t)_mm512_reduce_add_epi32(acc[0]) - 8 * (int64_t)sumx;
}

static T_AVX512 ALWAYS_INLINE void q2_rows_avx512(const uint8_t *w, const uint8_t *pf, const int PFM,
                                                  int R, int nb, int nfull, const int8_t *x,
                                                  const int8_t *xt, int32_t sumx, int64_t *out)
{
    const __m512i m2 = _mm512_set1_epi8(3);
    __m512i acc[4];
#pragma GCC unroll 4
    for (int i = 0; i < R; i++)
        acc[i] = _mm512_setzero_si512();
    for (int b = 0; b < nb; b++) {
        const int8_t *xb = b < nfull ? x + (size_t)b * 256 : xt;
        const uint8_t *wb = w + (size_t)b * QBLK * R; /* panel: block b of the R rows */
        __m512i x0 = _mm512_loadu_si512(xb), x1 = _mm512_loadu_si512(xb + 64);
        __m512i x2 = _mm512_loadu_si512(xb + 128), x3 = _mm512_loadu_si512(xb + 192);
#pragma GCC unroll 4
        for (int i = 0; i < R; i++) {
            QPF(PFM, pf + ((size_t)b * R + i) * QBLK);
            __m512i wv = _mm512_load_si512(wb + i * QBLK);
            __m512i a = _mm512_dpbusd_epi32(acc[i], _mm512_and_si512(wv, m2), x0);
            __m512i c = _mm512_dpbusd_epi32(_mm512_setzero_si512(),
                                            _mm512_and_si512(_mm512_srli_epi16(wv, 2), m2), x1);
            a = _mm512_dpbusd_epi32(a, _mm512_and_si512(_mm512_srli_epi16(wv, 4), m2), x2);
            c = _mm512_dpbusd_epi32(c, _mm512_and_si512(_mm512_srli_epi16(wv, 6), m2), x3);
            acc[i] = _mm512_add_epi32(a, c);
        }
    }
#pragma GCC unroll 4
    for (int i = 0; i < R; i++)
        out[i] = (int64_t)_mm512_reduce_add_epi32(acc[i]) - 2 * (int64_t)sumx;
}

static T_AVX512 ALWAYS_INLINE void q1_rows_avx512(const uint8_t *w, const uint8_t *pf, const int PFM,
                                                  int R, int nb, int nfull, const int8_t *x,
                                                  const int8_t *xt, int32_t sumx, int tail, int64_t *out)
{
    const __m512i ones = _mm512_set1_epi8(1);
    __m512i acc[4];
#pragma GCC unroll 4
    for (int i = 0; i < R; i++)
        acc[i] = _mm512_setzero_si512();
    for (int b = 0; b < nb; b++) {
        const int8_t *xb = b < nfull ? x + (size_t)b * 512 : xt;
        const uint8_t *wb = w + (size_t)b * QBLK * R; /* panel: block b of the R rows */
        const int nt = b < nfull ? 8 : (tail + 63) / 64; /* skip all-padding chunks */
#pragma GCC unroll 2
        for (int t = 0; t < nt; t++) {
            __m512i xv = _mm512_loadu_si512(xb + 64 * t);
#pragma GCC unroll 4
            for (int i = 0; i < R; i++) {
                if (t == 0)
                    QPF(PFM, pf + ((size_t)b * R + i) * QBLK);
                uint64_t bits;
                memcpy(&bits, wb + i * QBLK + 8 * t, sizeof bits);
                __m512i sel = _mm512_maskz_mov_epi8(_cvtu64_mask64(bits), xv);
                acc[i] = _mm512_dpbusd_epi32(acc[i], ones, sel);
            }
        }
    }
#pragma GCC unroll 4
    for (int i = 0; i < R; i++)
        out[i] = 2 * (int64_t)_mm512_reduce_add_epi32(acc[i]) - sumx;
}

static T_AVX512 ALWAYS_INLINE void q16_rows_avx512(const uint8_t *w, const uint8_t *pf, const int PFM,
                                                   int R, int nb, int nfull, const int8_t *x,
                                                   const int8_t *xt, int64_t *out)
{
    __m512i acc[4];
    int64_t tot[4];
#pragma GCC unroll 4
    for (int i = 0; i < R; i++) {
        acc[i] = _mm512_setzero_si512();
        tot[i] = 0;
    }
    for (int b = 0; b < nb; b++) {
        const int8_t *xb = b < nfull ? x + (size_t)b * 32 : xt;
        const uint8_t *wb = w + (size_t)b * QBLK * R; /* panel: block b of the R rows */
        __m512i xv = _mm512_cvtepi8_epi16(_mm256_loadu_si256((const __m256i *)xb));
#pragma GCC unroll 4
        for (int i = 0; i < R; i++) {
            QPF(PFM, pf + ((size_t)b * R + i) * QBLK);
            acc[i] = _mm512_dpwssd_epi32(acc[i], _mm512_load_si512(wb + i * QBLK), xv);
        }
        if ((b + 1) % QFLUSH16 == 0) {
#pragma GCC unroll 4
            for (int i = 0; i < R; i++) {
                tot[i] += hsum_epi32_wide_avx512(acc[i]);
                acc[i] = _mm512_setzero_si512();
            }
        }
    }
#pragma GCC unroll 4
    for (int i = 0; i < R; i++)
        out[i] = tot[i] + hsum_epi32_wide_avx512(acc[i]);
}

static T_AVX512 ALWAYS_INLINE void qgemv_body_avx512(const dm_qmat *m, const int8_t *xq, float xscale, float *y,
                                                const int PFM, int pfb)
{
    if (m->rows < 1 || m->cols < 1)
        return;
    alignas(64) int8_t xt[QBLK * 8];
    int nb, nfull;
    const int32_t sumx = q_prepare(m, xq, xt, &nb, &nfull);
    const int tail = m->cols - nfull * q_cpb(m->container); /* columns in a partial last block */
    const size_t rb = m->row_bytes;
    const int pfg = (int)((pfb + 4 * rb - 1) / (4 * rb)); /* groups ahead */
    int64_t acc[4];
    /* the 4-row groups in S interleaved streams, as qgemv_body_avx2 (no lockstep) */
    const int ng = m->rows / 4;
    const q_order qo = q_order_of(m, ng);
    for (int gi = 0; gi < qo.per * qo.S; gi++) {
        int gend;
        const int g = q_order_group(&qo, gi, &gend);
        if (g < 0)
            continue;
        const int r = 4 * g;
        const uint8_t *w = m->data + (size_t)r * rb;
        const uint8_t *pf = g + 1 + pfg <= gend ? w + 4 * pfg * rb : w; /* a later group of this stream */
        __m128i s4;
        switch (m->container) {
        case 8:
            q8_rows_avx512(w, pf, PFM, 4, nb, nfull, xq, xt, acc, &s4);
            q_finish4(s4, m->wscale + r, xscale, m->bias + r, y + r);
            continue;
        case 4:
            q4_rows_avx512(w, pf, PFM, 4, nb, nfull, xq, xt, sumx, acc, &s4);
            q_finish4(s4, m->wscale + r, xscale, m->bias + r, y + r);
            continue;
        case 2: q2_rows_avx512(w, pf, PFM, 4, nb, nfull, xq, xt, sumx, acc); break;
        case 1: q1_rows_avx512(w, pf, PFM, 4, nb, nfull, xq, xt, sumx, tail, acc); break;
        default: q16_rows_avx512(w, pf, PFM, 4, nb, nfull, xq, xt, acc); break;
        }
        for (int i = 0; i < 4; i++)
            y[r + i] = q_finish(acc[i], m->wscale[r + i], xscale, m->bias[r + i]);
    }
    for (int r = 4 * ng; r < m->rows; r++) {
        const uint8_t *w = m->data + (size_t)r * rb;
        const uint8_t *pf = r + 1 < m->rows ? w + rb : w;
        switch (m->container) {
        case 8: q8_rows_avx512(w, pf, PFM, 1, nb, nfull, xq, xt, acc, NULL); break;
        case 4: q4_rows_avx512(w, pf, PFM, 1, nb, nfull, xq, xt, sumx, acc, NULL); break;
        case 2: q2_rows_avx512(w, pf, PFM, 1, nb, nfull, xq, xt, sumx, acc); break;
        case 1: q1_rows_avx512(w, pf, PFM, 1, nb, nfull, xq, xt, sumx, tail, acc); break;
        default: q16_rows_avx512(w, pf, PFM, 1, nb, nfull, xq, xt, acc); break;
        }
        y[r] = q_finish(acc[0], m->wscale[r], xscale, m->bias[r]);
    }
}

T_AVX512 static void qgemv_avx512(const dm_qmat *m, const int8_t *xq, float xscale, float *y)
{
    const int pfb = kp_cur.q_pf;
    if (!pfb)
        qgemv_body_avx512(m, xq, xscale, y, 0, 0);
    else if (kp_cur.q_hint)
        qgemv_body_avx512(m, xq, xscale, y, 2, pfb);
    else
        qgemv_body_avx512(m, xq, xscale, y, 1, pfb);
}

T_AVX512 static float quant_in_avx512(const float *v, int n, int8_t *xq)
{
    if (n < 1)
        return 1.0f;
    const int n16 = n & ~15;
    const __mmask16 tm = (__mmask16)((1u << (n - n16)) - 1);
    __m512 mx16 = _mm512_setzero_ps();
    /* max(|v|, acc) returns acc when v is NaN: NaN never enters the max */
    for (int j = 0; j < n16; j += 16)
        mx16 = _mm512_max_ps(_mm512_abs_ps(_mm512_loadu_ps(v + j)), mx16);
    mx16 = _mm512_max_ps(_mm512_abs_ps(_mm512_maskz_loadu_ps(tm, v + n16)), mx16);
    const float s = quant_scale(_mm512_reduce_max_ps(mx16));
    if (s == 0.0f) {
        memset(xq, 0, (size_t)n);
        return 1.0f;
    }
    const __m512 sv = _mm512_set1_ps(s), half = _mm512_set1_ps(0.5f);
    const __m512 lo = _mm512_set1_ps(-127.0f), hi = _mm512_set1_ps(127.0f);
    const __m512i signbit = _mm512_set1_epi32(INT32_MIN), one = _mm512_castps_si512(_mm512_set1_ps(1.0f));
    for (int j = 0; j < n; j += 16) {
        __mmask16 m = j < n16 ? (__mmask16)0xFFFF : tm;
        __m512 a = _mm512_div_ps(_mm512_maskz_loadu_ps(m, v + j), sv);
        __m512 t = _mm512_roundscale_ps(a, _MM_FROUND_TO_ZERO | _MM_FROUND_NO_EXC);
        __mmask16 ge = _mm512_cmp_ps_mask(_mm512_abs_ps(_mm512_sub_ps(a, t)), half, _CMP_GE_OQ);
        __m512 sgn1 = _mm512_castsi512_ps(_mm512_or_si512(_mm512_and_si512(_mm512_castps_si512(a), signbit), one));
        __m512 r = _mm512_mask_add_ps(t, ge, t, sgn1);
        r = _mm512_min_ps(_mm512_max_ps(r, lo), hi);
        r = _mm512_maskz_mov_ps(_mm512_cmp_ps_mask(a, a, _CMP_ORD_Q), r);
        _mm512_mask_cvtsepi32_storeu_epi8(xq + j, m, _mm512_cvtps_epi32(r));
    }
    return s;
}

/* exp / sigmoid / tanh as exp_avx2 etc., 16 lanes; 2^n by scalef. */
static T_AVX512 ALWAYS_INLINE __m512 exp_avx512(__m512 x)
{
    x = _mm512_max_ps(_mm512_set1_ps(EXP_LO), _mm512_min_ps(_mm512_set1_ps(EXP_HI), x));
    __m512 n = _mm512_roundscale_ps(_mm512_mul_ps(x, _mm512_set1_ps(1.44269504088896341f)),
                                    _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
    __m512 r = _mm512_fnmadd_ps(n, _mm512_set1_ps(0.693359375f), x);
    r = _mm512_fnmadd_ps(n, _mm512_set1_ps(-2.12194440e-4f), r);
    __m512 p = _mm512_set1_ps(1.9875691500e-4f);
    p = _mm512_fmadd_ps(p, r, _mm512_set1_ps(1.3981999507e-3f));
    p = _mm512_fmadd_ps(p, r, _mm512_set1_ps(8.3334519073e-3f));
    p = _mm512_fmadd_ps(p, r, _mm512_set1_ps(4.1665795894e-2f));
    p = _mm512_fmadd_ps(p, r, _mm512_set1_ps(1.6666665459e-1f));
    p = _mm512_fmadd_ps(p, r, _mm512_set1_ps(5.0000001201e-1f));
    p = _mm512_fmadd_ps(p, _mm512_mul_ps(r, r), _mm512_add_ps(r, _mm512_set1_ps(1.0f)));
    return _mm512_scalef_ps(p, n);
}

static T_AVX512 ALWAYS_INLINE __m512 sigmoid_avx512(__m512 x)
{
    const __m512 one = _mm512_set1_ps(1.0f);
    return _mm512_div_ps(one, _mm512_add_ps(one, exp_avx512(_mm512_sub_ps(_mm512_setzero_ps(), x))));
}

static T_AVX512 ALWAYS_INLINE __m512 tanh_avx512(__m512 x)
{
    const __m512 one = _mm512_set1_ps(1.0f);
    const __m512i sgn = _mm512_set1_epi32(INT32_MIN);
    __m512 a = _mm512_min_ps(_mm512_set1_ps(9.0f), _mm512_abs_ps(x));
    __m512 e = exp_avx512(_mm512_add_ps(a, a));
    __m512 t = _mm512_sub_ps(one, _mm512_div_ps(_mm512_set1_ps(2.0f), _mm512_add_ps(e, one)));
    return _mm512_castsi512_ps(_mm512_or_si512(_mm512_castps_si512(t),
                                               _mm512_and_si512(sgn, _mm512_castps_si512(x))));
}

T_AVX512 static void lstm_cell_avx512(const float *g, int H, float *h, float *c)
{
    for (int j = 0; j < H; j += 16) {
        __mmask16 m = H - j >= 16 ? (__mmask16)0xFFFF : (__mmask16)((1u << (H - j)) - 1);
        __m512 i = sigmoid_avx512(_mm512_maskz_loadu_ps(m, g + j));
        __m512 f = sigmoid_avx512(_mm512_maskz_loadu_ps(m, g + H + j));
        __m512 gg = tanh_avx512(_mm512_maskz_loadu_ps(m, g + 2 * H + j));
        __m512 o = sigmoid_avx512(_mm512_maskz_loadu_ps(m, g + 3 * H + j));
        __m512 cn = _mm512_fmadd_ps(f, _mm512_maskz_loadu_ps(m, c + j), _mm512_mul_ps(i, gg));
        _mm512_mask_storeu_ps(c + j, m, cn);
        _mm512_mask_storeu_ps(h + j, m, _mm512_mul_ps(o, tanh_avx512(cn)));
    }
}

T_AVX512 static void gru_cell_avx512(const float *g, const float *ghn, int H, float *h)
{
    const __m512 one = _mm512_set1_ps(1.0f);
    for (int j = 0; j < H; j += 16) {
        __mmask16 m = H - j >= 16 ? (__mmask16)0xFFFF : (__mmask16)((1u << (H - j)) - 1);
        __m512 r = sigmoid_avx512(_mm512_maskz_loadu_ps(m, g + j));
        __m512 z = sigmoid_avx512(_mm512_maskz_loadu_ps(m, g + H + j));
        __m512 n = tanh_avx512(_mm512_fmadd_ps(r, _mm512_maskz_loadu_ps(m, ghn + j),
                                               _mm512_maskz_loadu_ps(m, g + 2 * H + j)));
        __m512 hv = _mm512_maskz_loadu_ps(m, h + j);
        _mm512_mask_storeu_ps(h + j, m, _mm512_fmadd_ps(_mm512_sub_ps(one, z), n, _mm512_mul_ps(z, hv)));
    }
}

T_AVX512 static int mark_ge_avx512(const float *sc, const float *y, float th, int off, int n,
                                    unsigned char *sens, float *g, int *idx)
{
    const __m512 t = _mm512_set1_ps(th);
    const __m512i iota = _mm512_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15);
    const __m128i one = _mm_set1_epi8(1);
    int ns = 0;
    for (int j = 0; j < n; j += 16) {
        __mmask16 m = n - j >= 16 ? (__mmask16)0xFFFF : (__mmask16)((1u << (n - j)) - 1);
        __mmask16 s = _mm512_mask_cmp_ps_mask(m, _mm512_maskz_loadu_ps(m, sc + j), t, _CMP_NGE_UQ);
        _mm512_mask_storeu_ps(g + j, m, _mm512_maskz_loadu_ps(m, y + j));
        _mm_mask_storeu_epi8(sens + j, m, _mm_maskz_mov_epi8(s, one));
        _mm512_mask_compressstoreu_epi32(idx + ns, s, _mm512_add_epi32(iota, _mm512_set1_epi32(off + j)));
        ns += __builtin_popcount(s);
    }
    return ns;
}

/* ---- threading over row blocks ----------------------------------------- */

/* Workers wait for a new job generation: spinning (with pause) for up to
 * PAR_SPIN_NS after the last one, then on a condition variable. Parts are
 * claimed, not assigned: claim packs (generation << 32 | next part) and
 * every thread, the caller included, takes parts by compare-and-swap until
 * none is left; the caller then waits only for parts already taken. So a
 * worker the OS does not schedule in time (a busy machine) costs nothing:
 * the caller runs its parts, and the late worker finds none left. A claim
 * succeeds only while its generation's parts remain, and the caller
 * publishes the next job (fn, arg, n, then claim with release) only after
 * every part of this one has finished and claims are closed (index
 * PAR_DONE), so a successful claim always reads its own job's fn, arg, n. */
#define PAR_SPIN_NS 300000L
#define PAR_DONE 0xFFFFFFFFu /* claim index between jobs: nothing to take */

static struct {
    pthread_mutex_t mu;
    pthread_cond_t cv;
    int started;           /* workers running */
    int failed;            /* pthread_create failed: run inline */
    atomic_uint gen;       /* job generation (wakes the workers) */
    _Atomic uint64_t claim; /* gen << 32 | next part to take */
    atomic_int finished;   /* parts of the current job done */
    atomic_int sleepers;
    atomic_int busy;       /* a caller owns the pool (others run inline) */
    unsigned gen0[DM_PAR_MAX]; /* gen when worker i was created */
    /* the job; atomic (relaxed) because a late claimer may read them while
     * the caller writes the next job's (its claim then fails) */
    _Atomic(dm_par_fn) fn;
    _Atomic(void *) arg;
    atomic_int n;
} par = { .mu = PTHREAD_MUTEX_INITIALIZER, .cv = PTHREAD_COND_INITIALIZER, .claim = PAR_DONE };

static long par_ns(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (long)t.tv_sec * 1000000000L + t.tv_nsec;
}

/* Take and run parts of the current job until none is left. */
static void par_take(void)
{
    for (;;) {
        uint64_t v = atomic_load_explicit(&par.claim, memory_order_acquire);
        int n = atomic_load_explicit(&par.n, memory_order_relaxed);
        dm_par_fn fn = atomic_load_explicit(&par.fn, memory_order_relaxed);
        void *arg = atomic_load_explicit(&par.arg, memory_order_relaxed);
        uint32_t i = (uint32_t)v;
        if (i >= (uint32_t)n)
            return;
        if (!atomic_compare_exchange_weak_explicit(&par.claim, &v, v + 1, memory_order_acq_rel,
                                                   memory_order_acquire))
            continue;
        fn(arg, (int)i, n);
        atomic_fetch_add_explicit(&par.finished, 1, memory_order_release);
    }
}

static void *par_worker(void *p)
{
    int id = (int)(intptr_t)p;
    unsigned seen = par.gen0[id];
    for (;;) {
        long t0 = par_ns();
        unsigned g;
        int spins = 0;
        while ((g = atomic_load_explicit(&par.gen, memory_order_acquire)) == seen) {
            _mm_pause();
            if (++spins % 256 == 0 && par_ns() - t0 > PAR_SPIN_NS) {
                pthread_mutex_lock(&par.mu);
                atomic_fetch_add(&par.sleepers, 1);
                while ((g = atomic_load_explicit(&par.gen, memory_order_acquire)) == seen)
                    pthread_cond_wait(&par.cv, &par.mu);
                atomic_fetch_sub(&par.sleepers, 1);
                pthread_mutex_unlock(&par.mu);
                break;
            }
        }
        seen = g;
        par_take();
    }
    return NULL;
}

static int par_start(int want)
{
    pthread_mutex_lock(&par.mu);
    while (!par.failed && par.started < want) {
        pthread_t t;
        pthread_attr_t a;
        pthread_attr_init(&a);
        pthread_attr_setdetachstate(&a, PTHREAD_CREATE_DETACHED);
        par.gen0[par.started + 1] = atomic_load(&par.gen);
        if (pthread_create(&t, &a, par_worker, (void *)(intptr_t)(par.started + 1)) != 0)
            par.failed = 1;
        else
            par.started++;
        pthread_attr_destroy(&a);
    }
    int have = par.started;
    pthread_mutex_unlock(&par.mu);
    return have;
}

/* nt threads (the caller and nt - 1 workers) take np >= nt parts. */
static void par_run_parts(int nt, int np, dm_par_fn fn, void *arg);

void dm_par_run(int n, dm_par_fn fn, void *arg)
{
    par_run_parts(n, n, fn, arg);
}

static void par_run_parts(int n, int np, dm_par_fn fn, void *arg)
{
    if (n > DM_PAR_MAX)
        n = DM_PAR_MAX;
    if (n > 1 && atomic_exchange(&par.busy, 1)) /* another thread is using the pool */
        n = 1;
    else if (n > 1) {
        int have = par_start(n - 1);
        if (have + 1 < n)
            n = have + 1;
        if (n <= 1)
            atomic_store(&par.busy, 0);
    }
    if (n <= 1) {
        fn(arg, 0, 1);
        return;
    }
    if (np > n)
        n = np; /* parts; the threads started above take them */
    /* claims are closed (PAR_DONE) between jobs: publish this one, open its
     * claims, then wake the workers */
    atomic_store_explicit(&par.fn, fn, memory_order_relaxed);
    atomic_store_explicit(&par.arg, arg, memory_order_relaxed);
    atomic_store_explicit(&par.n, n, memory_order_relaxed);
    atomic_store_explicit(&par.finished, 0, memory_order_relaxed);
    unsigned g = atomic_load_explicit(&par.gen, memory_order_relaxed) + 1;
    atomic_store_explicit(&par.claim, (uint64_t)g << 32, memory_order_release);
    atomic_store_explicit(&par.gen, g, memory_order_release);
    if (atomic_load(&par.sleepers) > 0) {
        pthread_mutex_lock(&par.mu);
        pthread_cond_broadcast(&par.cv);
        pthread_mutex_unlock(&par.mu);
    }
    par_take();
    while (atomic_load_explicit(&par.finished, memory_order_acquire) < n)
        _mm_pause();
    atomic_store_explicit(&par.claim, (uint64_t)g << 32 | PAR_DONE, memory_order_release);
    atomic_store(&par.busy, 0);
}

static atomic_int wake_count;

static void wake_part(void *arg, int i, int n)
{
    (void)arg, (void)i;
    atomic_fetch_add(&wake_count, 1);
    long t0 = par_ns();
    while (atomic_load(&wake_count) < n && par_ns() - t0 < 2000000L)
        _mm_pause();
}

void dm_par_wake(int n)
{
    if (n <= 1)
        return;
    atomic_store(&wake_count, 0);
    dm_par_run(n, wake_part, NULL);
}

/* Part i of n of [0, total), boundaries on multiples of align. */
void dm_par_range(int total, int align, int i, int n, int *lo, int *hi)
{
    int blocks = (total + align - 1) / align;
    int b0 = (int)((long)blocks * i / n), b1 = (int)((long)blocks * (i + 1) / n);
    *lo = b0 * align < total ? b0 * align : total;
    *hi = b1 * align < total ? b1 * align : total;
}

typedef struct {
    const dm_kernels *k;
    const float *W, *x;
    size_t ld;
    int cols, nrows;
    const int *rows;
    float *y;
} par_rows_job;

static void par_rows_part(void *p, int i, int n)
{
    par_rows_job *j = p;
    int lo, hi;
    dm_par_range(j->nrows, 4, i, n, &lo, &hi);
    if (hi > lo)
        j->k->rows_gemv(j->W, j->ld, j->cols, j->rows + lo, hi - lo, j->x, j->y + lo);
}

void dm_par_rows_gemv(const dm_kernels *k, int n, const float *W, size_t ld, int cols, const int *rows,
                      int nrows, const float *x, float *y)
{
    if (n <= 1 || nrows < 8 * n) {
        k->rows_gemv(W, ld, cols, rows, nrows, x, y);
        return;
    }
    par_rows_job j = { k, W, x, ld, cols, nrows, rows, y };
    int np = n * kp_cur.parts;
    while (np > n && nrows < 8 * np)
        np--;
    par_run_parts(n, np, par_rows_part, &j);
}

typedef struct {
    const dm_kernels *k;
    const float *W, *x;
    size_t ld;
    int rows, cols;
    float *y;
} par_gemv_job;

static void par_gemv_part(void *p, int i, int n)
{
    par_gemv_job *j = p;
    int lo, hi;
    dm_par_range(j->rows, 4, i, n, &lo, &hi);
    if (hi > lo)
        j->k->gemv(j->W + (size_t)lo * j->ld, j->ld, hi - lo, j->cols, j->x, j->y + lo);
}

void dm_par_gemv(const dm_kernels *k, int n, const float *W, size_t ld, int rows, int cols, const float *x,
                 float *y)
{
    if (n <= 1 || rows < 8 * n) {
        k->gemv(W, ld, rows, cols, x, y);
        return;
    }
    par_gemv_job j = { k, W, x, ld, rows, cols, y };
    int np = n * kp_cur.parts;
    while (np > n && rows < 8 * np)
        np--;
    par_run_parts(n, np, par_gemv_part, &j);
}

typedef struct {
    const dm_kernels *k;
    const dm_qmat *m;
    const int8_t *xq;
    float xscale;
    float *y;
} par_q_job;

dm_qmat dm_qmat_rows(const dm_qmat *m, int lo, int n)
{
    dm_qmat v = *m;
    v.rows = n;
    v.data = m->data + (size_t)lo * m->row_bytes;
    v.wscale = m->wscale + lo;
    v.bias = m->bias + lo;
    return v;
}

static void par_q_part(void *p, int i, int n)
{
    par_q_job *j = p;
    int lo, hi;
    dm_par_range(j->m->rows, 4, i, n, &lo, &hi);
    if (hi <= lo)
        return;
    dm_qmat v = dm_qmat_rows(j->m, lo, hi - lo);
    j->k->qgemv(&v, j->xq, j->xscale, j->y + lo);
}

void dm_par_qgemv(const dm_kernels *k, int n, const dm_qmat *m, const int8_t *xq, float xscale, float *y)
{
    if (n <= 1 || m->rows < 16 * n) {
        k->qgemv(m, xq, xscale, y);
        return;
    }
    par_q_job j = { k, m, xq, xscale, y };
    dm_par_run(n, par_q_part, &j);
}

/* The projection with the prefetch of the little GEMV's first reads (kernels.h). */
typedef struct par_proj_job {
    const dm_kernels *k;
    const dm_kproj *kp;
    const dm_kproj_in *in;
    int ns, kdim, n;
    float *v;
    const dm_qmat *qm;
    const unsigned char *f32;
    size_t f32_bytes, budget; /* budget: bytes per part */
} par_proj_job;

static void par_proj_part(void *arg, int i, int n)
{
    const par_proj_job *j = arg;
    const int k = j->kdim, np = (k + 3) / 4, cp = DM_PROJ_CHUNK / 4;
    int lo, hi;
    dm_par_range(j->ns * np, cp, i, n, &lo, &hi);
    pf_walk o = {0};
    size_t left = j->budget;
    if (j->qm) {
        int r0, r1;
        dm_par_range(j->qm->rows, 4, i, n, &r0, &r1);
        /* as qgemv_body (the rows beyond the last group come last: not here) */
        o.base = j->qm->data + (size_t)r0 * j->qm->row_bytes;
        o.gbytes = 4 * j->qm->row_bytes;
        o.o = q_order_of(j->qm, (r1 - r0) / 4);
    } else if (i == 0 && j->f32) { /* one contiguous range: a single group of its bytes */
        o.base = j->f32, o.gbytes = j->f32_bytes, o.o = (q_order){1, 1, 1};
    }
    side_cur = (side_pf){NULL, NULL, o.base && left ? &o : NULL, left};
    for (int pn = lo; pn < hi;) { /* one call per stream of the share */
        int st = pn / np, p0 = pn - st * np, cnt = hi - pn < np - p0 ? hi - pn : np - p0;
        int j0 = 4 * p0, rows = 4 * cnt < k - j0 ? 4 * cnt : k - j0;
        dm_kproj part = dm_kproj_rows(&j->kp[st], j0, rows);
        j->k->proj(&part, &j->in[st], j->v + (size_t)st * k + j0);
        pn += cnt;
    }
    side_cur = (side_pf){0};
}

void dm_par_proj(const dm_kernels *k, int n, const dm_kproj *kp, const dm_kproj_in *in, int ns, int kdim, float *v,
                 const dm_qmat *qm, const void *f32, size_t f32_bytes)
{
    if (n < 1)
        n = 1;
    size_t pbytes = 0;
    for (int q = 0; q < ns; q++)
        pbytes += kp[q].bytes;
    size_t cap = DM_PROJ_PF_RATIO * pbytes;
    if (cap > (size_t)kp_cur.proj_pf)
        cap = (size_t)kp_cur.proj_pf;
    par_proj_job j = {k, kp, in, ns, kdim, n, v, qm, f32, f32_bytes, cap / (size_t)n};
    if (n == 1)
        par_proj_part(&j, 0, 1);
    else
        dm_par_run(n, par_proj_part, &j);
}

/* ---- tuned parameters, the dense GEMV ----------------------------------- */

void dm_kparams_default(dm_kparams *p)
{
    p->rows_block = 4;
    p->rows_pf = DM_ROWS_PF;
    p->rows_hint = 0;
    p->q_pf = DM_Q_PF_BYTES;
    p->q_hint = 0;
    p->dense = DM_DENSE_BLAS;
    p->parts = 1;
    p->q_streams = 1;
    p->q4_streams = 1;
    p->rows_streams = 1;
    p->dense_streams = 1;
    p->proj_pf = DM_PROJ_PF_BYTES;
    p->proj_dist = DM_PROJ_DIST;
}

/* v is 1, 2, 4, ... or max (a power of two). */
static int pow2_upto(int v, int max) { return v >= 1 && v <= max && !(v & (v - 1)); }

int dm_kparams_check(const dm_kparams *p, dm_err *err)
{
    if (!p)
        return dm_errf(err, "kernel parameters: none given");
    if (p->rows_block != 4 && p->rows_block != 8)
        return dm_errf(err, "kernel parameters: rows_block %d (expected 4 or 8)", p->rows_block);
    if (p->rows_pf < 0 || p->rows_pf > 8192 || p->rows_pf % 16)
        return dm_errf(err, "kernel parameters: rows_pf %d (expected 0..8192 floats, a multiple of 16)",
                       p->rows_pf);
    if (p->rows_hint != 0 && p->rows_hint != 1)
        return dm_errf(err, "kernel parameters: rows_hint %d (expected 0 = T0 or 1 = T1)", p->rows_hint);
    if (p->q_pf < 0 || p->q_pf > (1 << 20))
        return dm_errf(err, "kernel parameters: q_pf %d (expected 0..1048576 bytes)", p->q_pf);
    if (p->q_hint != 0 && p->q_hint != 1)
        return dm_errf(err, "kernel parameters: q_hint %d (expected 0 = T0 or 1 = T1)", p->q_hint);
    if (p->dense != DM_DENSE_BLAS && p->dense != DM_DENSE_OWN)
        return dm_errf(err, "kernel parameters: dense %d (expected 0 = blas or 1 = own)", p->dense);
    if (p->parts < 1 || p->parts > 4)
        return dm_errf(err, "kernel parameters: parts %d (expected 1..4 per thread)", p->parts);
    if (!pow2_upto(p->q_streams, 4))
        return dm_errf(err, "kernel parameters: q_streams %d (expected 1, 2 or 4)", p->q_streams);
    if (!pow2_upto(p->q4_streams, 4))
        return dm_errf(err, "kernel parameters: q4_streams %d (expected 1, 2 or 4)", p->q4_streams);
    if (!pow2_upto(p->rows_streams, 8))
        return dm_errf(err, "kernel parameters: rows_streams %d (expected 1, 2, 4 or 8)", p->rows_streams);
    if (!pow2_upto(p->dense_streams, 8))
        return dm_errf(err, "kernel parameters: dense_streams %d (expected 1, 2, 4 or 8)", p->dense_streams);
    if (p->proj_pf < 0 || p->proj_pf > (4 << 20))
        return dm_errf(err, "kernel parameters: proj_pf %d (expected 0..4194304 bytes)", p->proj_pf);
    if (p->proj_dist < 0 || p->proj_dist > (64 << 10) || p->proj_dist % 64)
        return dm_errf(err, "kernel parameters: proj_dist %d (expected 0..65536 bytes, a multiple of 64)",
                       p->proj_dist);
    return 0;
}

int dm_kparams_set(const dm_kparams *p, dm_err *err)
{
    if (dm_kparams_check(p, err))
        return -1;
    kp_cur = *p;
    return 0;
}

const dm_kparams *dm_kparams_get(void) { return &kp_cur; }

void dm_kparams_format(const dm_kparams *p, char *out, size_t n)
{
    snprintf(out, n,
             "block=%d rs=%d ds=%d pf=%d hint=%s qpf=%d qhint=%s dense=%s parts=%d qs=%d q4s=%d ppf=%dK pd=%d",
             p->rows_block, p->rows_streams, p->dense_streams, p->rows_pf, p->rows_hint ? "t1" : "t0", p->q_pf,
             p->q_hint ? "t1" : "t0", p->dense == DM_DENSE_OWN ? "own" : "blas", p->parts, p->q_streams,
             p->q4_streams, p->proj_pf / 1024, p->proj_dist);
}

static const dm_kernels *dense_k; /* NULL: OpenBLAS */
static char dense_name[32] = "OpenBLAS sgemv";

void dm_dense_use(const dm_kernels *k)
{
    dense_k = k && k->gemv && strcmp(k->name, "ref") != 0 ? k : NULL;
    if (dense_k)
        snprintf(dense_name, sizeof dense_name, "own %s gemv", dense_k->name);
    else
        snprintf(dense_name, sizeof dense_name, "OpenBLAS sgemv");
}

const char *dm_dense_name(void) { return dense_name; }

void dm_dense_gemv(int rows, int cols, const float *W, int ld, const float *x, float *y)
{
    if (!dense_k) {
        cblas_sgemv(CblasRowMajor, CblasNoTrans, rows, cols, 1.0f, W, ld, x, 1, 1.0f, y, 1);
        return;
    }
    dm_par_gemv(dense_k, dm_kernel_threads(), W, (size_t)ld, rows, cols, x, y);
}

int dm_kernel_threads(void)
{
    int n = openblas_get_num_threads();
    return n < 1 ? 1 : n;
}

/* ---- dispatch ----------------------------------------------------------- */

static const dm_kernels k_ref = { "ref", rows_gemv_ref, proj_in_float, proj_ref, qgemv_ref, quant_in_ref,
                                  lstm_cell_ref, gru_cell_ref, mark_ge_ref, gemv_ref };
static const dm_kernels k_avx2 = { "avx2", rows_gemv_avx2, proj_in_avx2, proj_avx2, qgemv_avx2, quant_in_avx2,
                                   lstm_cell_avx2, gru_cell_avx2, mark_ge_avx2, gemv_avx2 };
static const dm_kernels k_avx512 = { "avx512", rows_gemv_avx512, proj_in_avx2, proj_avx512, qgemv_avx512,
                                     quant_in_avx512, lstm_cell_avx512, gru_cell_avx512, mark_ge_avx512,
                                     gemv_avx512 };

static int cpu_avx2(void)
{
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
}

static int cpu_avx512(void)
{
    return cpu_avx2() && __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw") &&
           __builtin_cpu_supports("avx512vl") && __builtin_cpu_supports("avx512vnni");
}

const dm_kernels *dm_kernels_get(dm_kvariant v)
{
    switch (v) {
    case DM_KV_REF:
        return &k_ref;
    case DM_KV_AVX2:
        return cpu_avx2() ? &k_avx2 : NULL;
    case DM_KV_AVX512:
        return cpu_avx512() ? &k_avx512 : NULL;
    default:
        return NULL;
    }
}

const dm_kernels *dm_kernels_best(void)
{
    if (cpu_avx512())
        return &k_avx512;
    if (cpu_avx2())
        return &k_avx2;
    return &k_ref;
}

int dm_kernels_parse(const char *name, dm_kvariant *out)
{
    if (!name || !out)
        return -1;
    if (strcmp(name, "ref") == 0)
        *out = DM_KV_REF;
    else if (strcmp(name, "avx2") == 0)
        *out = DM_KV_AVX2;
    else if (strcmp(name, "avx512") == 0)
        *out = DM_KV_AVX512;
    else if (strcmp(name, "auto") == 0)
        *out = cpu_avx512() ? DM_KV_AVX512 : cpu_avx2() ? DM_KV_AVX2 : DM_KV_REF;
    else
        return -1;
    return 0;
}
