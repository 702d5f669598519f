/* util.h - small shared helpers of the dualmod core: error values, aligned
 * memory, timing, hashing.
 *
 * Errors are values: a library function that can fail returns 0 on success
 * and -1 on failure, after writing one human-readable line (file, place,
 * what was wrong, what was expected) into a dm_err the caller owns. Nothing
 * in the core prints, exits or aborts on bad input. */
#ifndef DM_UTIL_H
#define DM_UTIL_H

#include <stddef.h>
#include <stdio.h>
#include <stdint.h>
#include <string.h>

#define DM_ERR_MAX 1024

typedef struct dm_err {
    char msg[DM_ERR_MAX];
} dm_err;

/* Format into err->msg (err may be NULL); always returns -1. */
int dm_errf(dm_err *err, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Prefix an existing message: "prefix: old message"; returns -1. */
int dm_err_prefix(dm_err *err, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* 64-byte aligned allocation (zeroed); free with dm_free. NULL on failure. */
void *dm_alloc(size_t bytes);
void dm_free(void *p);

/* Monotonic clock in seconds. */
double dm_now(void);
/* The widest FP32 fused multiply-add vectors this CPU runs: 2 AVX-512F,
 * 1 AVX2 + FMA, 0 neither (the packed GEMM's and the direct convolution's
 * kernels), at most the cap. */
int dm_cpu_fma_width(void);
/* max |v[j]| over n floats, NaN ignored (0 when none): the scale of an 8-bit
 * quantization (AVX2 when the CPU has it; exact either way). */
float dm_absmax(const float *v, int n);
/* Cap dm_cpu_fma_width at w from now on (2: no cap): for tests that compare
 * the AVX2 kernels with the AVX-512 ones on a CPU that has both. Packed
 * GEMMs and convolutions keep the kernel they were prepared for. */
void dm_cpu_fma_cap(int w);

/* Order-preserving key: a > b (floats, not NaN) iff key(a) > key(b); -0 and
 * +0 share a key; NaN maps to 0, below every number. */
static inline uint32_t dm_float_key(float f)
{
    uint32_t u;
    memcpy(&u, &f, sizeof u);
    if ((u & 0x7FFFFFFFu) > 0x7F800000u)
        return 0;
    if (u == 0x80000000u)
        u = 0;
    return u & 0x80000000u ? ~u : u | 0x80000000u;
}

static inline float dm_key_float(uint32_t k)
{
    uint32_t u = k & 0x80000000u ? k & 0x7FFFFFFFu : ~k;
    float f;
    memcpy(&f, &u, sizeof f);
    return f;
}

/* Sort n floats ascending (no NaN) in O(n): a three-pass LSD radix sort on
 * their dm_float_key. 0 on success, -1 when the scratch buffer (4 n bytes)
 * cannot be had. A comparison sort's order; -0 comes back as +0 (they share
 * a key). */
int dm_sort_floats(float *v, size_t n);

/* The index of the largest of v[0..n) (n >= 1; the first of equal ones). */
int dm_argmax(const float *v, int n);

/* FNV-1a 64-bit hash, streaming: start with DM_FNV_INIT. */
#define DM_FNV_INIT 0xcbf29ce484222325ULL
uint64_t dm_fnv1a(uint64_t h, const void *data, size_t n);

/* mkdir -p: create dir and its missing parents (mode 0755). 0, or -1 with errno. */
int dm_mkdir_p(const char *dir);
/* What kind of file a st_mode is, for messages: "a FIFO", "a character
 * device", "a directory", ... */
const char *dm_file_kind(unsigned mode);
/* An input file (what: "data", "vocabulary", "model", ...) must be a regular
 * file: a FIFO (which would block), a device (/dev/zero never ends), a
 * directory or a symbolic link loop is named in err. 0 when it is one. */
int dm_check_input_file(const char *path, const char *what, dm_err *err);

/* Read one line (with its '\n', if any) into *buf (grown as needed, like
 * getline) but never more than max bytes: a longer line is not read whole.
 * Returns the length, or -1 with *why set: DM_LINE_EOF, DM_LINE_TOO_LONG,
 * DM_LINE_NOMEM, DM_LINE_ERROR (errno kept). */
enum { DM_LINE_EOF, DM_LINE_TOO_LONG, DM_LINE_NOMEM, DM_LINE_ERROR };
#define DM_MAX_LINE (16L << 20) /* longest line of a text, vocabulary or script: 16 MiB */
long dm_read_line(FILE *f, char **buf, size_t *cap, long max, int *why);

/* Text from data made inert for a terminal: control characters (C0, DEL)
 * become \xNN (and '\\' stays as it is); at most len bytes of in, out always
 * NUL-terminated (cut short to fit n). Returns out. */
char *dm_escape(const char *in, size_t len, char *out, size_t n);
/* As dm_escape into a static per-thread buffer of 1024 bytes (for messages). */
const char *dm_esc(const char *in);

/* Display columns of UTF-8 text, counting code points (the program's glyphs
 * are all one column wide). */
int dm_u8width(const char *s);

/* One character of UTF-8 text at s (n bytes left, n >= 1): its code point in
 * *cp and its length in bytes. A byte that does not start a well-formed
 * sequence (stray continuation, overlong form, surrogate, above U+10FFFF,
 * cut short) is one character of length 1 with *cp = DM_U8_INVALID + the
 * byte, so invalid text is read byte by byte and never matches a real
 * character. */
#define DM_U8_INVALID 0x110000u
int dm_u8_decode(const char *s, size_t n, unsigned *cp);
/* Whitespace as Python's str.split() and str.isspace() see it (what
 * sacreBLEU splits on): \t \n \v \f \r, \x1c-\x1f, space, U+0085, U+00A0,
 * U+1680, U+2000-U+200A, U+2028, U+2029, U+202F, U+205F, U+3000. */
int dm_u8_is_space(unsigned cp);

/* s as an SQL string literal ('...' with quotes doubled) into out; cut to fit n. */
void dm_sql_quote(char *out, size_t n, const char *s);

/* Half-precision conversions (IEEE binary16 and bfloat16), exact. */
float dm_f16_to_f32(uint16_t h);
uint16_t dm_f32_to_f16(float f); /* round to nearest even */
float dm_bf16_to_f32(uint16_t h);
uint16_t dm_f32_to_bf16(float f); /* round to nearest even */

/* The CPU model name from /proc/cpuinfo ("unknown" elsewhere). */
void dm_cpu_model(char *out, size_t n);

#endif
