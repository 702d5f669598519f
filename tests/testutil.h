/* testutil.h - shared helpers for the Criterion tests. */
#ifndef DM_TESTUTIL_H
#define DM_TESTUTIL_H

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

#endif
