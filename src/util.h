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
#include <stdint.h>

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

/* FNV-1a 64-bit hash, streaming: start with DM_FNV_INIT. */
#define DM_FNV_INIT 0xcbf29ce484222325ULL
uint64_t dm_fnv1a(uint64_t h, const void *data, size_t n);

/* mkdir -p: create dir and its missing parents (mode 0755). 0, or -1 with errno. */
int dm_mkdir_p(const char *dir);

/* Display columns of UTF-8 text, counting code points (the program's glyphs
 * are all one column wide). */
int dm_u8width(const char *s);

/* s as an SQL string literal ('...' with quotes doubled) into out; cut to fit n. */
void dm_sql_quote(char *out, size_t n, const char *s);

/* Half-precision conversions (IEEE binary16 and bfloat16), exact. */
float dm_f16_to_f32(uint16_t h);
uint16_t dm_f32_to_f16(float f); /* round to nearest even */
float dm_bf16_to_f32(uint16_t h);
uint16_t dm_f32_to_bf16(float f); /* round to nearest even */

#endif
