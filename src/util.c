/* util.c - see util.h. */
#define _DEFAULT_SOURCE /* madvise, MADV_HUGEPAGE */
#define _POSIX_C_SOURCE 200809L
#include "util.h"

#include <sys/mman.h>

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <errno.h>
#include <immintrin.h>
#include <math.h>
#include <sys/stat.h>

int dm_errf(dm_err *err, const char *fmt, ...)
{
    if (err) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(err->msg, sizeof err->msg, fmt, ap);
        va_end(ap);
    }
    return -1;
}

int dm_err_prefix(dm_err *err, const char *fmt, ...)
{
    if (err) {
        char pre[DM_ERR_MAX], old[DM_ERR_MAX];
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(pre, sizeof pre, fmt, ap);
        va_end(ap);
        memcpy(old, err->msg, sizeof old);
        old[sizeof old - 1] = '\0';
        size_t lp = strlen(pre), lo = strlen(old), cap = sizeof err->msg - 1;
        if (lp > cap)
            lp = cap;
        memcpy(err->msg, pre, lp);
        size_t n = lp;
        for (const char *s = ": "; *s && n < cap; s++)
            err->msg[n++] = *s;
        if (lo > cap - n)
            lo = cap - n;
        memcpy(err->msg + n, old, lo);
        err->msg[n + lo] = '\0';
    }
    return -1;
}

/* Blocks of at least this many bytes go on transparent huge pages where the
 * kernel offers them (THP "madvise" mode, Debian's default): one page fault
 * per 2 MB instead of per 4 KB (the faults of zeroing the fitting and
 * calibration buffers were a third of a run's set-up on a VM), and fewer TLB
 * misses when the kernels stream a model's weights. */
#define DM_HUGE_MIN ((size_t)4 << 20)
#define DM_HUGE_PAGE ((size_t)2 << 20)

static int fma_cap = 2;

int dm_cpu_fma_width(void)
{
    static int v = -1;
    if (v < 0)
        v = __builtin_cpu_supports("avx512f")                                        ? 2
            : __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma") ? 1
                                                                              : 0;
    return v < fma_cap ? v : fma_cap;
}

__attribute__((target("avx2"))) static float absmax_avx2(const float *v, int n)
{
    const __m256 sign = _mm256_set1_ps(-0.0f);
    __m256 m8 = _mm256_setzero_ps();
    int j = 0;
    /* max(|v|, acc) returns acc when v is NaN: NaN never enters the max */
    for (; j + 8 <= n; j += 8)
        m8 = _mm256_max_ps(_mm256_andnot_ps(sign, _mm256_loadu_ps(v + j)), m8);
    __m128 m4 = _mm_max_ps(_mm256_castps256_ps128(m8), _mm256_extractf128_ps(m8, 1));
    m4 = _mm_max_ps(m4, _mm_movehl_ps(m4, m4));
    m4 = _mm_max_ss(m4, _mm_shuffle_ps(m4, m4, 1));
    float mx = _mm_cvtss_f32(m4);
    for (; j < n; j++)
        if (fabsf(v[j]) > mx)
            mx = fabsf(v[j]);
    return mx;
}

float dm_absmax(const float *v, int n)
{
    if (__builtin_cpu_supports("avx2"))
        return absmax_avx2(v, n);
    float mx = 0.0f;
    for (int j = 0; j < n; j++)
        if (fabsf(v[j]) > mx)
            mx = fabsf(v[j]);
    return mx;
}

void dm_cpu_fma_cap(int w) { fma_cap = w < 0 ? 0 : w > 2 ? 2 : w; }

void *dm_alloc(size_t bytes)
{
    void *p = NULL;
    size_t n = (bytes + 63) & ~(size_t)63;
    if (n == 0)
        n = 64;
    int huge = n >= DM_HUGE_MIN;
    if (huge)
        n = (n + DM_HUGE_PAGE - 1) & ~(DM_HUGE_PAGE - 1);
    if (posix_memalign(&p, huge ? DM_HUGE_PAGE : 64, n) != 0)
        return NULL;
#ifdef MADV_HUGEPAGE
    if (huge)
        (void)madvise(p, n, MADV_HUGEPAGE); /* advice only: without THP the pages stay 4 KB */
#endif
    memset(p, 0, n);
    return p;
}

void dm_free(void *p) { free(p); }

double dm_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

uint64_t dm_fnv1a(uint64_t h, const void *data, size_t n)
{
    const unsigned char *p = data;
    for (size_t i = 0; i < n; i++) {
        h ^= p[i];
        h *= 0x100000001b3ULL;
    }
    return h;
}

static uint32_t f2u(float f)
{
    uint32_t u;
    memcpy(&u, &f, 4);
    return u;
}

static float u2f(uint32_t u)
{
    float f;
    memcpy(&f, &u, 4);
    return f;
}

float dm_f16_to_f32(uint16_t h)
{
    uint32_t sign = (uint32_t)(h & 0x8000) << 16;
    uint32_t exp = (h >> 10) & 0x1f;
    uint32_t man = h & 0x3ff;
    if (exp == 0) {
        /* zero or subnormal: man * 2^-24 */
        float v = (float)man * 5.9604644775390625e-8f;
        return sign ? -v : v;
    }
    if (exp == 31)
        return u2f(sign | 0x7f800000u | (man << 13));
    return u2f(sign | ((exp + 112) << 23) | (man << 13));
}

uint16_t dm_f32_to_f16(float f)
{
    uint32_t u = f2u(f);
    uint16_t sign = (uint16_t)((u >> 16) & 0x8000);
    uint32_t a = u & 0x7fffffffu;
    if (a >= 0x7f800000u) /* inf or nan */
        return sign | 0x7c00 | (a > 0x7f800000u ? 0x200 : 0);
    if (a >= 0x477ff000u) /* rounds to >= 65520: overflow to inf */
        return sign | 0x7c00;
    if (a < 0x38800000u) { /* below the smallest normal half: subnormal */
        float v = u2f(a) * 16777216.0f; /* exact scaling by 2^24 */
        /* round half to even */
        uint32_t q = (uint32_t)v;
        float rem = v - (float)q;
        if (rem > 0.5f || (rem == 0.5f && (q & 1)))
            q++;
        return sign | (uint16_t)q;
    }
    uint32_t mant = a & 0x7fffff;
    uint32_t exp = (a >> 23) - 112;
    uint32_t r = (exp << 10) | (mant >> 13);
    uint32_t rest = mant & 0x1fff;
    if (rest > 0x1000 || (rest == 0x1000 && (r & 1)))
        r++;
    return sign | (uint16_t)r;
}

float dm_bf16_to_f32(uint16_t h) { return u2f((uint32_t)h << 16); }

uint16_t dm_f32_to_bf16(float f)
{
    uint32_t u = f2u(f);
    if ((u & 0x7fffffffu) > 0x7f800000u)
        return (uint16_t)((u >> 16) | 0x40);
    u += 0x7fff + ((u >> 16) & 1);
    return (uint16_t)(u >> 16);
}

int dm_mkdir_p(const char *dir)
{
    char buf[4096];
    if (snprintf(buf, sizeof buf, "%s", dir) >= (int)sizeof buf) {
        errno = ENAMETOOLONG;
        return -1;
    }
    for (char *p = buf + 1; *p; p++)
        if (*p == '/') {
            *p = '\0';
            if (mkdir(buf, 0755) && errno != EEXIST)
                return -1;
            *p = '/';
        }
    return mkdir(buf, 0755) && errno != EEXIST ? -1 : 0;
}

int dm_u8width(const char *s)
{
    int w = 0;
    for (; *s; s++)
        w += ((unsigned char)*s & 0xC0) != 0x80;
    return w;
}

int dm_u8_decode(const char *s, size_t n, unsigned *cp)
{
    const unsigned char *u = (const unsigned char *)s;
    unsigned c = u[0];
    int len;
    unsigned min;
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    if (c >= 0xC2 && c <= 0xDF)
        len = 2, min = 0x80, c &= 0x1F;
    else if (c >= 0xE0 && c <= 0xEF)
        len = 3, min = 0x800, c &= 0x0F;
    else if (c >= 0xF0 && c <= 0xF4)
        len = 4, min = 0x10000, c &= 0x07;
    else
        goto bad;
    if ((size_t)len > n)
        goto bad;
    for (int i = 1; i < len; i++) {
        if ((u[i] & 0xC0) != 0x80)
            goto bad;
        c = c << 6 | (u[i] & 0x3F);
    }
    if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
        goto bad;
    *cp = c;
    return len;
bad:
    *cp = DM_U8_INVALID + u[0];
    return 1;
}

int dm_u8_is_space(unsigned cp)
{
    if (cp < 0x80)
        return (cp >= 0x09 && cp <= 0x0D) || (cp >= 0x1C && cp <= 0x20);
    return cp == 0x85 || cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 ||
           cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

void dm_sql_quote(char *out, size_t n, const char *s)
{
    if (n < 3) {
        if (n)
            out[0] = '\0';
        return;
    }
    size_t j = 0;
    out[j++] = '\'';
    for (; *s && j + 3 < n; s++) {
        if (*s == '\'') {
            if (j + 4 >= n)
                break;
            out[j++] = '\'';
        }
        out[j++] = *s;
    }
    out[j++] = '\'';
    out[j] = '\0';
}

const char *dm_file_kind(unsigned mode)
{
    if (S_ISREG(mode))
        return "a regular file";
    if (S_ISDIR(mode))
        return "a directory";
    if (S_ISFIFO(mode))
        return "a FIFO (named pipe)";
    if (S_ISCHR(mode))
        return "a character device";
    if (S_ISBLK(mode))
        return "a block device";
    if (S_ISSOCK(mode))
        return "a socket";
    if (S_ISLNK(mode))
        return "a symbolic link";
    return "a special file";
}

int dm_check_input_file(const char *path, const char *what, dm_err *err)
{
    struct stat sb;
    if (stat(path, &sb) != 0) {
        if (errno == ELOOP)
            return dm_errf(err, "%s: %s file is a symbolic link loop (too many levels of symbolic links)", path, what);
        return dm_errf(err, "%s: cannot open %s file: %s", path, what, strerror(errno));
    }
    if (!S_ISREG(sb.st_mode))
        return dm_errf(err, "%s: %s file is %s; expected a regular file", path, what, dm_file_kind(sb.st_mode));
    return 0;
}

long dm_read_line(FILE *f, char **buf, size_t *cap, long max, int *why)
{
    size_t len = 0;
    int ch = 0;
    flockfile(f);
    for (;;) {
        if (len + 2 > *cap) {
            if ((long)len >= max) {
                *why = DM_LINE_TOO_LONG;
                funlockfile(f);
                return -1;
            }
            size_t nc = *cap ? 2 * *cap : 256;
            if (nc > (size_t)max + 2)
                nc = (size_t)max + 2;
            char *p = realloc(*buf, nc);
            if (!p) {
                *why = DM_LINE_NOMEM;
                funlockfile(f);
                return -1;
            }
            *buf = p;
            *cap = nc;
        }
        ch = getc_unlocked(f);
        if (ch == EOF)
            break;
        (*buf)[len++] = (char)ch;
        if (ch == '\n')
            break;
    }
    funlockfile(f);
    (*buf)[len] = '\0';
    if (ch == EOF && ferror(f)) {
        *why = DM_LINE_ERROR;
        return -1;
    }
    if (ch == EOF && len == 0) {
        *why = DM_LINE_EOF;
        return -1;
    }
    return (long)len;
}

char *dm_escape(const char *in, size_t len, char *out, size_t n)
{
    size_t k = 0;
    if (!n)
        return out;
    for (size_t i = 0; i < len && in[i]; i++) {
        unsigned char c = (unsigned char)in[i];
        if (c < 0x20 || c == 0x7f) {
            if (k + 5 > n)
                break;
            snprintf(out + k, n - k, "\\x%02x", c);
            k += 4;
        } else {
            if (k + 2 > n)
                break;
            out[k++] = (char)c;
        }
    }
    out[k] = '\0';
    return out;
}

const char *dm_esc(const char *in)
{
    static __thread char buf[1024];
    return in ? dm_escape(in, strlen(in), buf, sizeof buf) : "";
}

/* The CPU model name from /proc/cpuinfo ("unknown" elsewhere). */
void dm_cpu_model(char *out, size_t n)
{
    snprintf(out, n, "unknown");
    FILE *f = fopen("/proc/cpuinfo", "r");
    if (!f)
        return;
    char line[512];
    while (fgets(line, sizeof line, f))
        if (strncmp(line, "model name", 10) == 0) {
            char *c = strchr(line, ':');
            if (c) {
                c++;
                while (*c == ' ')
                    c++;
                c[strcspn(c, "\n")] = '\0';
                snprintf(out, n, "%s", c);
            }
            break;
        }
    fclose(f);
}

int dm_sort_floats(float *v, size_t n)
{
    if (n < 2)
        return 0;
    uint32_t *a = malloc(n * sizeof *a), *b = malloc(n * sizeof *b);
    if (!a || !b) {
        free(a), free(b);
        return -1;
    }
    for (size_t i = 0; i < n; i++)
        a[i] = dm_float_key(v[i]);
    enum { BITS = 11, NB = 1 << BITS };
    size_t *cnt = calloc(NB, sizeof *cnt);
    if (!cnt) {
        free(a), free(b);
        return -1;
    }
    for (int pass = 0; pass < 3; pass++) {
        int sh = pass * BITS;
        memset(cnt, 0, NB * sizeof *cnt);
        for (size_t i = 0; i < n; i++)
            cnt[(a[i] >> sh) & (NB - 1)]++;
        size_t sum = 0;
        for (int d = 0; d < NB; d++) {
            size_t c = cnt[d];
            cnt[d] = sum;
            sum += c;
        }
        for (size_t i = 0; i < n; i++)
            b[cnt[(a[i] >> sh) & (NB - 1)]++] = a[i];
        uint32_t *t = a;
        a = b, b = t;
    }
    for (size_t i = 0; i < n; i++)
        v[i] = dm_key_float(a[i]);
    free(a), free(b), free(cnt);
    return 0;
}

int dm_argmax(const float *v, int n)
{
    int b = 0;
    for (int i = 1; i < n; i++)
        if (v[i] > v[b])
            b = i;
    return b;
}
