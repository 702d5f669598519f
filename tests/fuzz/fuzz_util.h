/* fuzz_util.h - shared by the libFuzzer targets: the input as a file. */
#ifndef DM_FUZZ_UTIL_H
#define DM_FUZZ_UTIL_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char fuzz_path[512];

static inline void fuzz_unlink(void) { unlink(fuzz_path); }

/* One file per process in $TMPDIR (or /tmp), rewritten for each input,
 * removed at exit. */
static inline const char *fuzz_file(const char *tag, const uint8_t *data, size_t size)
{
    char *path = fuzz_path;
    const char *dir = getenv("TMPDIR");
    if (!path[0])
        atexit(fuzz_unlink);
    snprintf(path, sizeof fuzz_path, "%s/dm-fuzz-%s-%ld", dir && *dir ? dir : "/tmp", tag, (long)getpid());
    FILE *f = fopen(path, "wb");
    if (!f)
        abort();
    if (size && fwrite(data, 1, size, f) != size)
        abort();
    fclose(f);
    return path;
}

/* The input as a NUL-terminated string (malloc'd). */
static inline char *fuzz_str(const uint8_t *data, size_t size)
{
    char *s = malloc(size + 1);
    if (!s)
        abort();
    memcpy(s, data, size);
    s[size] = '\0';
    return s;
}

#endif
