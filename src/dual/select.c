/* select.c - ratio control of the dual-module engine: which rows of a
 * site's step are insensitive (see dual.h and internal.h). */
#define _DEFAULT_SOURCE
#include <float.h>
#include <immintrin.h>
#include <math.h>
#include <stdalign.h>
#include <stdint.h>
#include <string.h>

#include "internal.h"

/* ---- ratio control ----
 *
 * A group's rule: calibrated threshold (insensitive iff score >= th), or
 * top-k: the want = round(r n) highest scores, i.e. every score above the
 * want-th largest th, then the first rows (in row order) whose score equals
 * th until want is reached. The want-th largest comes from a radix select
 * on order-preserving integer keys of the scores (three histogram passes of
 * 11, 11 and 10 bits over a group that is at most a few thousand rows, no
 * sorting, no data-dependent swaps); a group may be made of several segments
 * (the LSTM sigmoid group i, f, o: rows [0, 2H) and [3H, 4H)), ranked as one
 * list in row order. NaN scores rank below everything and never equal th, so
 * a NaN row stays sensitive (computed exactly). */



/* Keys up to this many go to a quickselect (small_kth) rather than the
 * histograms, whose clearing alone (8-16 KB a pass) costs more than the
 * whole select of a convolution position's 16..512 channels. */
#define SEL_SMALL 512
/* ... and from 8 up to this many, with AVX2, to a rank count (n^2 comparisons). */
#define SEL_RANK 64

/* The keys above and equal to keys[i] (bias: keys with the top bit flipped,
 * for signed compares). */
__attribute__((target("avx2"))) static void rank_avx2(const uint32_t *keys, const int32_t *bias, int n, int i,
                                                      int *gt, int *eq)
{
    const __m256i ki = _mm256_set1_epi32(bias[i]);
    __m256i g = _mm256_setzero_si256(), e = _mm256_setzero_si256();
    int j = 0;
    for (; j + 8 <= n; j += 8) {
        __m256i v = _mm256_loadu_si256((const __m256i *)(bias + j));
        g = _mm256_sub_epi32(g, _mm256_cmpgt_epi32(v, ki)); /* true lanes are -1 */
        e = _mm256_sub_epi32(e, _mm256_cmpeq_epi32(v, ki));
    }
    __m128i g4 = _mm_add_epi32(_mm256_castsi256_si128(g), _mm256_extracti128_si256(g, 1));
    __m128i e4 = _mm_add_epi32(_mm256_castsi256_si128(e), _mm256_extracti128_si256(e, 1));
    g4 = _mm_add_epi32(g4, _mm_shuffle_epi32(g4, 0x4E)), g4 = _mm_add_epi32(g4, _mm_shuffle_epi32(g4, 0xB1));
    e4 = _mm_add_epi32(e4, _mm_shuffle_epi32(e4, 0x4E)), e4 = _mm_add_epi32(e4, _mm_shuffle_epi32(e4, 0xB1));
    int a = _mm_cvtsi128_si32(g4), b = _mm_cvtsi128_si32(e4);
    for (; j < n; j++)
        a += keys[j] > keys[i], b += keys[j] == keys[i];
    *gt = a, *eq = b;
}

/* The kth largest (0-based) of keys[0..n) by quickselect (reorders keys):
 * Hoare partitions around a median of three, descending, then one counting
 * pass (at most SEL_RANK keys: a rank count). The same answer and counts as
 * the radix select. */
static uint32_t small_kth_rest(uint32_t *keys, int n, int kth, int *ngt, int *neq)
{
    if (n <= SEL_RANK && n >= 8 && __builtin_cpu_supports("avx2")) {
        /* count, for each key, the keys above and equal to it: no branch on the data */
        int32_t bias[SEL_RANK];
        for (int i = 0; i < n; i++)
            bias[i] = (int32_t)(keys[i] ^ 0x80000000u);
        for (int i = 0; i < n; i++) {
            int gt, eq;
            rank_avx2(keys, bias, n, i, &gt, &eq);
            if (gt <= kth && kth < gt + eq) {
                *ngt = gt;
                *neq = eq;
                return keys[i];
            }
        }
    }
    int lo = 0, hi = n - 1, found = 0;
    uint32_t ans = 0;
    while (!found && hi - lo > 16) {
        int mid = lo + (hi - lo) / 2;
        uint32_t a = keys[lo], b = keys[mid], c = keys[hi];
        uint32_t piv = a < b ? (b < c ? b : a < c ? c : a) : (a < c ? a : b < c ? c : b);
        int i = lo, j = hi;
        while (i <= j) { /* descending: [lo, j] >= piv >= [i, hi] */
            while (keys[i] > piv)
                i++;
            while (keys[j] < piv)
                j--;
            if (i <= j) {
                uint32_t t = keys[i];
                keys[i++] = keys[j];
                keys[j--] = t;
            }
        }
        if (kth <= j)
            hi = j;
        else if (kth >= i)
            lo = i;
        else /* j < kth < i: keys[kth] == piv */
            found = 1, ans = piv;
    }
    if (!found) {
        for (int i = lo + 1; i <= hi; i++) { /* a short range: insertion sort, descending */
            uint32_t k = keys[i];
            int j = i;
            for (; j > lo && keys[j - 1] < k; j--)
                keys[j] = keys[j - 1];
            keys[j] = k;
        }
        ans = keys[kth];
    }
    int gt = 0, eq = 0;
    for (int i = 0; i < n; i++) {
        gt += keys[i] > ans;
        eq += keys[i] == ans;
    }
    *ngt = gt;
    *neq = eq;
    return ans;
}

/* The kth largest (0-based) of keys[0..n), n <= SEL_SMALL (reorders keys). Above SEL_RANK keys, first
 * narrowed to the bucket of the answer, 64 buckets over the keys' own range a level (the window's keys share
 * most of their high bits, so a fixed digit would find them all in one bucket), with no branch on a key, where
 * quickselect's partitions mispredicted about every other compare (7,900 cycles for the window's 160 keys on
 * an Intel Xeon, family 6 model 167); then small_kth_rest. */
static uint32_t small_kth(uint32_t *keys, int n, int kth, int *ngt, int *neq)
{
    int above = 0;
    while (n > SEL_RANK) {
        uint32_t mn = UINT32_MAX, mx = 0;
        for (int j = 0; j < n; j++) {
            mn = keys[j] < mn ? keys[j] : mn;
            mx = keys[j] > mx ? keys[j] : mx;
        }
        if (mn == mx) {
            *ngt = above;
            *neq = n;
            return mn;
        }
        const uint32_t r = mx - mn;
        const int sh = 32 - __builtin_clz(r) > 6 ? 32 - __builtin_clz(r) - 6 : 0;
        int hist[64] = {0}, bk = (int)(r >> sh), acc = 0;
        for (int j = 0; j < n; j++)
            hist[(keys[j] - mn) >> sh]++;
        for (; bk > 0; bk--) { /* from the highest bucket down */
            if (above + acc + hist[bk] > kth)
                break;
            acc += hist[bk];
        }
        above += acc;
        int m = 0;
        for (int j = 0; j < n; j++) {
            uint32_t key = keys[j];
            keys[m] = key;
            m += ((key - mn) >> sh) == (uint32_t)bk;
        }
        n = m; /* fewer keys, or a range 64 times narrower: the loop ends */
    }
    kth -= above;
    uint32_t ans = small_kth_rest(keys, n, kth, ngt, neq);
    *ngt += above;
    return ans;
}

/* The kth largest (0-based) of keys[0..n) by radix select (reorders keys);
 * *ngt: how many are strictly greater, *neq: how many equal it. */
static uint32_t radix_kth(uint32_t *keys, int n, int kth, int *ngt, int *neq)
{
    static const int shift[3] = {21, 10, 0};
    static const uint32_t mask[3] = {0x7FFu, 0x7FFu, 0x3FFu};
    if (n <= SEL_SMALL)
        return small_kth(keys, n, kth, ngt, neq);
    uint32_t hist[2048];
    int above = 0; /* keys known to be greater than the answer */
    uint32_t prefix = 0;
    for (int lv = 0; lv < 3; lv++) {
        int sh = shift[lv];
        uint32_t mk = mask[lv], top = 0;
        memset(hist, 0, (mk + 1) * sizeof *hist);
        for (int j = 0; j < n; j++) {
            uint32_t b = (keys[j] >> sh) & mk;
            hist[b]++;
            top = b > top ? b : top;
        }
        int bk = (int)top, acc = 0; /* from the highest non-empty bucket down */
        for (; bk > 0; bk--) {
            if (above + acc + (int)hist[bk] > kth)
                break;
            acc += (int)hist[bk];
        }
        above += acc;
        prefix |= (uint32_t)bk << sh;
        if (lv == 2) {
            *neq = (int)hist[bk];
            break;
        }
        int m = 0; /* keep the keys of the chosen bucket */
        for (int j = 0; j < n; j++)
            if (((keys[j] >> sh) & mk) == (uint32_t)bk)
                keys[m++] = keys[j];
        n = m;
    }
    *ngt = above;
    return prefix;
}

uint32_t dm_kth_key(uint32_t *keys, int n, int kth, int *ngt, int *neq)
{
    return radix_kth(keys, n, kth, ngt, neq);
}

/* Linear buckets of the score range for the first cut (scores spread over a
 * few binades, which the float bits' top digits would lump together). */
#define SEL_NB 4096

static inline int sel_bucket(float v, float mn, float sc)
{
    if (v != v)
        return 0; /* NaN ranks lowest */
    float t = (v - mn) * sc; /* monotone in v: so is the bucket */
    return t >= (float)(SEL_NB - 1) ? SEL_NB - 1 : (int)t;
}

/* The kth largest (0-based) of the concatenated segments sg; *ngt: how
 * many scores are strictly greater, *neq: how many equal it (by key: -0 =
 * +0, NaN below everything); tmp: as many keys as scores. One pass for the
 * range, one histogram of linear buckets over it, then a radix select among
 * the few keys of the bucket that holds the answer; at most SEL_SMALL
 * scores go straight to the select. */
static float select_kth(const dm_segs *sg, int kth, uint32_t *tmp, int *ngt, int *neq)
{
    int n = 0, above = 0, total = 0;
    for (int q = 0; q < sg->n; q++)
        total += sg->len[q];
    float mn = INFINITY, mx = -INFINITY;
    for (int q = 0; q < sg->n && total > SEL_SMALL; q++) {
        const float *p = sg->p[q];
        for (int j = 0; j < sg->len[q]; j++) {
            mn = p[j] < mn ? p[j] : mn;
            mx = p[j] > mx ? p[j] : mx;
        }
    }
    float sc = (float)(SEL_NB - 1) / (mx - mn);
    if (total > SEL_SMALL && mx > mn && isfinite(mx - mn) && isfinite(sc) && sc > 0) {
        uint32_t hist[SEL_NB];
        memset(hist, 0, sizeof hist);
        for (int q = 0; q < sg->n; q++)
            for (int j = 0; j < sg->len[q]; j++)
                hist[sel_bucket(sg->p[q][j], mn, sc)]++;
        int bk = SEL_NB - 1;
        for (; bk > 0; bk--) {
            if (above + (int)hist[bk] > kth)
                break;
            above += (int)hist[bk];
        }
        for (int q = 0; q < sg->n; q++)
            for (int j = 0; j < sg->len[q]; j++)
                if (sel_bucket(sg->p[q][j], mn, sc) == bk)
                    tmp[n++] = dm_float_key(sg->p[q][j]);
    } else { /* a few scores, or no finite spread: rank all the keys */
        for (int q = 0; q < sg->n; q++)
            for (int j = 0; j < sg->len[q]; j++)
                tmp[n++] = dm_float_key(sg->p[q][j]);
    }
    int g;
    uint32_t key = radix_kth(tmp, n, kth - above, &g, neq);
    *ngt = above + g;
    return dm_key_float(key);
}

/* The same as select_kth, looked for first in the window [est - w, est + w]
 * (the last step's threshold: the little outputs' distribution moves
 * slowly): one pass counts the scores above and inside it and collects the
 * keys inside; radix select on those keys only.
 * Exact either way: when the counts show the answer is outside, the full
 * select runs. The window then adapts to hold a few dozen scores. */
#define SEL_WANT 160

/* The window's pass over one segment p[0..n): how many scores are > hi and >= lo (NaN: neither), and the keys of
 * those in [lo, hi] appended to tmp[m..] in row order (the new m returned). One pass: the window holds the
 * answer on nearly every step, so the keys it collects are nearly always used. */
static int win_pass_ref(const float *p, int n, float lo, float hi, int *cgt, int *cge, uint32_t *tmp, int m)
{
    for (int j = 0; j < n; j++) {
        *cgt += p[j] > hi;
        *cge += p[j] >= lo;
        if (p[j] >= lo && p[j] <= hi)
            tmp[m++] = dm_float_key(p[j]);
    }
    return m;
}

/* For each 4-lane mask, the bytes of its set lanes packed to the front (-1: zero). */
static const int8_t pack4_lut[16][16] = {
    {-1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1},
    {0, 1, 2, 3, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1},
    {4, 5, 6, 7, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1},
    {0, 1, 2, 3, 4, 5, 6, 7, -1, -1, -1, -1, -1, -1, -1, -1},
    {8, 9, 10, 11, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1},
    {0, 1, 2, 3, 8, 9, 10, 11, -1, -1, -1, -1, -1, -1, -1, -1},
    {4, 5, 6, 7, 8, 9, 10, 11, -1, -1, -1, -1, -1, -1, -1, -1},
    {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, -1, -1, -1, -1},
    {12, 13, 14, 15, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1},
    {0, 1, 2, 3, 12, 13, 14, 15, -1, -1, -1, -1, -1, -1, -1, -1},
    {4, 5, 6, 7, 12, 13, 14, 15, -1, -1, -1, -1, -1, -1, -1, -1},
    {0, 1, 2, 3, 4, 5, 6, 7, 12, 13, 14, 15, -1, -1, -1, -1},
    {8, 9, 10, 11, 12, 13, 14, 15, -1, -1, -1, -1, -1, -1, -1, -1},
    {0, 1, 2, 3, 8, 9, 10, 11, 12, 13, 14, 15, -1, -1, -1, -1},
    {4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, -1, -1, -1, -1},
    {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15},
};

/* win_pass_ref with 8 compares a step and no branch on the data: every step stores its keys in the window packed to
 * tmp[m..] (four lanes at a time, by pack4_lut) and advances m by their count (tmp: room for 4 keys past the last).
 * Branching to an append only when a vector had a key in the window mispredicted on about one vector in five (the
 * window's 160 keys among 4,500 scores): 8,400 cycles a pass on an Intel Xeon, family 6 model 167. */
__attribute__((target("avx2,popcnt"))) static int win_pass_avx2(const float *p, int n, float lo, float hi, int *cgt,
                                                         int *cge, uint32_t *tmp, int m)
{
    const __m256 vl = _mm256_set1_ps(lo), vh = _mm256_set1_ps(hi), zero = _mm256_setzero_ps();
    const __m256i top = _mm256_set1_epi32((int)0x80000000u);
    __m256i g = _mm256_setzero_si256(), e = g;
    int j = 0;
    for (; j + 8 <= n; j += 8) {
        __m256 v = _mm256_loadu_ps(p + j);
        __m256 gt = _mm256_cmp_ps(v, vh, _CMP_GT_OQ), ge = _mm256_cmp_ps(v, vl, _CMP_GE_OQ);
        g = _mm256_sub_epi32(g, _mm256_castps_si256(gt)); /* true lanes: -1 */
        e = _mm256_sub_epi32(e, _mm256_castps_si256(ge));
        int mask = _mm256_movemask_ps(_mm256_andnot_ps(gt, ge)); /* lo <= v <= hi */
        /* dm_float_key of the lanes in the window (no NaN there; -0 + 0 = +0) */
        __m256i u = _mm256_castps_si256(_mm256_add_ps(v, zero));
        __m256i key = _mm256_xor_si256(u, _mm256_or_si256(_mm256_srai_epi32(u, 31), top));
        int m0 = mask & 15, m1 = mask >> 4;
        _mm_storeu_si128((__m128i *)(tmp + m),
                         _mm_shuffle_epi8(_mm256_castsi256_si128(key), _mm_loadu_si128((const __m128i *)pack4_lut[m0])));
        m += __builtin_popcount((unsigned)m0);
        _mm_storeu_si128((__m128i *)(tmp + m), _mm_shuffle_epi8(_mm256_extracti128_si256(key, 1),
                                                                _mm_loadu_si128((const __m128i *)pack4_lut[m1])));
        m += __builtin_popcount((unsigned)m1);
    }
    alignas(32) int32_t gl[8], el[8];
    _mm256_store_si256((__m256i *)gl, g);
    _mm256_store_si256((__m256i *)el, e);
    for (int i = 0; i < 8; i++)
        *cgt += gl[i], *cge += el[i];
    return win_pass_ref(p + j, n - j, lo, hi, cgt, cge, tmp, m);
}

/* win_pass_avx2 with 16 lanes, the compares into masks and the keys packed by vpcompressd (its register form: the
 * memory form is slow on Zen 4); tmp: room for 16 keys past the last. 1,400 cycles against avx2's 3,000 for 4,500
 * warm scores with 183 in the window (Intel family 6 model 167). */
__attribute__((target("avx512f,popcnt"))) static int win_pass_avx512(const float *p, int n, float lo, float hi,
                                                                 int *cgt, int *cge, uint32_t *tmp, int m)
{
    const __m512 vl = _mm512_set1_ps(lo), vh = _mm512_set1_ps(hi), zero = _mm512_setzero_ps();
    const __m512i top = _mm512_set1_epi32((int)0x80000000u);
    int g = 0, e = 0, j = 0;
    for (; j + 16 <= n; j += 16) {
        __m512 v = _mm512_loadu_ps(p + j);
        unsigned gt = _mm512_cmp_ps_mask(v, vh, _CMP_GT_OQ), ge = _mm512_cmp_ps_mask(v, vl, _CMP_GE_OQ);
        unsigned in = ~gt & ge; /* lo <= v <= hi */
        g += __builtin_popcount(gt), e += __builtin_popcount(ge);
        __m512i u = _mm512_castps_si512(_mm512_add_ps(v, zero)); /* dm_float_key, as win_pass_avx2 */
        __m512i key = _mm512_xor_si512(u, _mm512_or_si512(_mm512_srai_epi32(u, 31), top));
        _mm512_storeu_si512((void *)(tmp + m), _mm512_maskz_compress_epi32((__mmask16)in, key));
        m += __builtin_popcount(in);
    }
    *cgt += g, *cge += e;
    return win_pass_ref(p + j, n - j, lo, hi, cgt, cge, tmp, m);
}

typedef int (*win_pass_fn)(const float *, int, float, float, int *, int *, uint32_t *, int);

static win_pass_fn win_pass_best(void)
{
    return __builtin_cpu_supports("avx512f") ? win_pass_avx512
           : __builtin_cpu_supports("avx2")  ? win_pass_avx2
                                             : win_pass_ref;
}

int dm_win_pass(int variant, const float *p, int n, float lo, float hi, int *cgt, int *cge, uint32_t *tmp, int m)
{
    win_pass_fn f = variant == 0                                           ? win_pass_ref
                    : variant == 1 && __builtin_cpu_supports("avx2")       ? win_pass_avx2
                    : variant == 2 && __builtin_cpu_supports("avx512f")    ? win_pass_avx512
                                                                           : NULL;
    return f ? f(p, n, lo, hi, cgt, cge, tmp, m) : -1;
}

static float select_kth_win(const dm_segs *sg, int kth, uint32_t *tmp, int *ngt, int *neq, float *est, float *w)
{
    if (est && *w > 0) {
        float lo = *est - *w, hi = *est + *w;
        int cgt = 0, cge = 0, m = 0;
        const win_pass_fn pass = win_pass_best();
        for (int q = 0; q < sg->n; q++)
            m = pass(sg->p[q], sg->len[q], lo, hi, &cgt, &cge, tmp, m);
        if (cgt <= kth && kth < cge) {
            int g;
            uint32_t key = radix_kth(tmp, m, kth - cgt, &g, neq);
            *ngt = cgt + g;
            float th = dm_key_float(key), f = (float)SEL_WANT / (float)(m > 1 ? m : 1);
            *est = th;
            *w *= f < 0.5f ? 0.5f : f > 2.0f ? 2.0f : f;
            return th;
        }
    }
    float th = select_kth(sg, kth, tmp, ngt, neq);
    if (est) {
        /* (re)start: a window a few times wider than the last one */
        float w0 = est && *w > 0 ? *w * 4.0f : fabsf(th) * 0.01f + 1e-3f;
        *est = th;
        *w = isfinite(th) && isfinite(w0) ? w0 : 0.0f;
    }
    return th;
}

/* The rule at ratio (top-k) or threshold th over the scores in sg; west, ww: the top-k window's state (NULL:
 * none). */
static dm_rule rule_at(const dm_engine *e, dm_engine_state *s, double ratio, float th, const dm_segs *sg,
                       float *west, float *ww)
{
    dm_rule r = {DM_RULE_THRESHOLD, 0.0f, 0};
    if (e->cfg.mode == DM_MODE_THRESHOLD) {
        r.th = th;
        return r;
    }
    int n = 0;
    for (int q = 0; q < sg->n; q++)
        n += sg->len[q];
    int want = (int)llround(ratio * n);
    if (want <= 0) {
        r.kind = DM_RULE_ALL_SENS;
        return r;
    }
    if (want >= n) {
        r.kind = DM_RULE_ALL_INS;
        return r;
    }
    int ngt, neq;
    /* a few scores (a convolution position's channels): straight to the small select, which costs less
     * than the window's two counting passes */
    int use_win = west && n > SEL_SMALL;
    r.th = select_kth_win(sg, want - 1, (uint32_t *)s->sel, &ngt, &neq, use_win ? west : NULL, use_win ? ww : NULL);
    r.ties = want - ngt;
    /* every row equal to th is taken (the usual case: th is one row's score):
     * then it is a plain threshold, th itself included */
    r.kind = r.ties == neq && r.th == r.th ? DM_RULE_THRESHOLD : DM_RULE_TOPK;
    return r;
}

dm_rule dm_group_rule(const dm_engine *e, dm_engine_state *s, int si, dm_act a, const dm_segs *sg, int win)
{
    const dm_engine_site *es = &e->s[si];
    return rule_at(e, s, es->ratio, es->theta[a], sg, win ? &s->sel_est[si][a] : NULL, win ? &s->sel_w[si][a] : NULL);
}

dm_rule dm_own_rule(const dm_engine *e, dm_engine_state *s, int si, int g, const dm_segs *sg)
{
    const dm_engine_site *es = &e->s[si];
    return rule_at(e, s, es->gratio[g], es->gtheta[g], sg, NULL, NULL);
}

static inline int rule_insens(dm_rule *r, float v)
{
    switch (r->kind) {
    case DM_RULE_THRESHOLD:
        return v >= r->th;
    case DM_RULE_TOPK:
        if (v > r->th)
            return 1;
        if (v == r->th && r->ties > 0) {
            r->ties--;
            return 1;
        }
        return 0;
    case DM_RULE_ALL_SENS:
        return 0;
    default:
        return 1;
    }
}

int dm_rule_mark(dm_rule *r, const float *sc, int n, unsigned char *sens)
{
    int ins = 0;
    if (r->kind == DM_RULE_THRESHOLD) {
        float th = r->th;
        for (int j = 0; j < n; j++) {
            int in = sc[j] >= th;
            sens[j] = (unsigned char)!in;
            ins += in;
        }
        return ins;
    }
    for (int j = 0; j < n; j++) {
        int in = rule_insens(r, sc[j]);
        sens[j] = (unsigned char)!in;
        ins += in;
    }
    return ins;
}

/* The step's one pass over rows [off, off + n): mark, append the sensitive
 * rows to idx (returns the new count), and take the little value y into g
 * for every row (the exact rows are overwritten afterwards). A threshold
 * rule goes through the kernels' mark_ge when there are kernels. */
int dm_rule_pass(const dm_kernels *kern, dm_rule *r, const float *sc, const float *y, float *g, int off, int n,
                     unsigned char *sens, int *idx, int ns, int *nins)
{
    int ins = 0;
    if (r->kind == DM_RULE_THRESHOLD && kern) {
        int got = kern->mark_ge(sc + off, y + off, r->th, off, n, sens + off, g + off, idx + ns);
        ns += got;
        ins = n - got;
    } else if (r->kind == DM_RULE_THRESHOLD) {
        float th = r->th;
        for (int j = 0; j < n; j++) {
            int in = sc[off + j] >= th;
            sens[off + j] = (unsigned char)!in;
            idx[ns] = off + j;
            ns += !in;
            ins += in;
            g[off + j] = y[off + j];
        }
    } else if (r->kind == DM_RULE_TOPK) {
        float th = r->th;
        int ties = r->ties;
        for (int j = 0; j < n; j++) { /* branch-free: the marks are unpredictable */
            float v = sc[off + j];
            int eq = (v == th) & (ties > 0);
            int in = (v > th) | eq;
            ties -= eq;
            sens[off + j] = (unsigned char)!in;
            idx[ns] = off + j;
            ns += !in;
            ins += in;
            g[off + j] = y[off + j];
        }
        r->ties = ties;
    } else {
        int in = r->kind == DM_RULE_ALL_INS;
        memset(sens + off, !in, (size_t)n);
        if (g != y) /* the little module may have written g itself */
            memcpy(g + off, y + off, (size_t)n * sizeof(float));
        if (!in)
            for (int j = 0; j < n; j++)
                idx[ns++] = off + j;
        ins = in ? n : 0;
    }
    *nins += ins;
    return ns;
}


/* ---- many steps of a ReLU site at once ---- */

long dm_engine_select_many(const dm_engine *e, int si, size_t M, const float *y, const float *add, float *g,
                           int *list, int *cnt, dm_dual_stats *stats)
{
    const dm_engine_site *es = &e->s[si];
    const dm_site *sd = &es->site;
    if (e->cfg.predictor != DM_PRED_LITTLE || e->cfg.policy == DM_POLICY_ERROR || sd->ngroups != 1 ||
        sd->group[0].act != DM_ACT_RELU || sd->group[0].late || sd->group[0].n != sd->orows || sd->orows < 1 ||
        (e->cfg.mode != DM_MODE_THRESHOLD && e->cfg.mode != DM_MODE_TOPK))
        return -1;
    const size_t R = (size_t)sd->orows;
    long nsens = 0;
    for (size_t j = 0; j < R; j++)
        cnt[j] = 0;
    /* g = y + add; the score of a ReLU row under these policies is -g (dm_score_of) */
    for (size_t o = 0; o < M * R; o++)
        g[o] = add ? y[o] + add[o] : y[o];
    if (e->cfg.mode == DM_MODE_THRESHOLD) {
        /* insensitive iff -g >= theta (a NaN stays sensitive), a row at a time: its count in a register */
        const float th = es->theta[DM_ACT_RELU];
        for (size_t j = 0; j < R; j++) {
            int *restrict pl = list + j * M, c = 0;
            for (size_t r = 0; r < M; r++) {
                pl[c] = (int)r; /* kept only when sensitive */
                c += !(-g[r * R + j] >= th);
            }
            cnt[j] = c;
            nsens += c;
        }
    } else {
        /* top-k per step, as dm_group_rule and dm_rule_pass: want = round(ratio n) rows, those scoring
         * above the want-th largest th, then the first rows (in row order) scoring th */
        const int n = (int)R, want = (int)llround(es->ratio * n);
        uint32_t keys[SEL_SMALL];
        float sc[SEL_SMALL];
        if (n > SEL_SMALL)
            return -1;
        for (size_t r = 0; r < M; r++) {
            const float *gr = g + r * R;
            int ngt = 0, neq = 0;
            float th = 0;
            if (want > 0 && want < n) {
                for (int j = 0; j < n; j++) {
                    sc[j] = -gr[j];
                    keys[j] = dm_float_key(sc[j]);
                }
                th = dm_key_float(small_kth(keys, n, want - 1, &ngt, &neq));
            }
            int ties = want - ngt;
            for (int j = 0; j < n; j++) {
                int in;
                if (want <= 0)
                    in = 0;
                else if (want >= n)
                    in = 1;
                else {
                    float v = sc[j];
                    int eq = (v == th) & (ties > 0);
                    in = (v > th) | eq;
                    ties -= eq;
                }
                list[(size_t)j * M + (size_t)cnt[j]] = (int)r;
                cnt[j] += !in;
                nsens += !in;
            }
        }
    }
    if (stats) {
        long nins = (long)(M * R) - nsens;
        dm_count_steps(e, si, (long)M, &nins, sd->in, 0, stats);
    }
    return nsens;
}
