/* testutil.h - shared helpers for the Criterion tests. */
#ifndef DM_TESTUTIL_H
#define DM_TESTUTIL_H

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Source tree root: $DM_TEST_SRCDIR (set by make check) or the configured one. */
static inline const char *test_srcdir(void)
{
    const char *s = getenv("DM_TEST_SRCDIR");
    return s && *s ? s : DM_SRCDIR;
}

static inline void test_path(char *out, size_t n, const char *rel)
{
    snprintf(out, n, "%s/%s", test_srcdir(), rel);
}

/* Test data generator: xorshift64*, deliberately not the library's own
 * generator. Each test file seeds it with its own salt (trng_seed). */
static inline uint64_t *trng_state_ptr(void)
{
    static uint64_t state;
    return &state;
}

static inline uint64_t trng_next(void)
{
    uint64_t *st = trng_state_ptr();
    *st ^= *st >> 12;
    *st ^= *st << 25;
    *st ^= *st >> 27;
    return *st * 0x2545f4914f6cdd1dULL;
}

static inline void trng_seed_salted(uint64_t s, uint64_t salt) { *trng_state_ptr() = s * 2 + salt; }

/* Uniform in (0, 1). */
static inline double uniform(void) { return ((trng_next() >> 11) + 0.5) * 0x1.0p-53; }

/* Standard normal (Box-Muller). */
static inline double gauss(void) { return sqrt(-2.0 * log(uniform())) * cos(6.283185307179586 * uniform()); }

#endif
