/* fuzz_util.h - shared by the libFuzzer targets: the input as a file. */
#ifndef DM_FUZZ_UTIL_H
#define DM_FUZZ_UTIL_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Up to FUZZ_FILES files per process in $TMPDIR (or /tmp), one per slot,
 * rewritten for each input, removed at exit. */
#define FUZZ_FILES 2
static char fuzz_paths[FUZZ_FILES][512];

static inline void fuzz_unlink(void)
{
    for (int i = 0; i < FUZZ_FILES; i++)
        if (fuzz_paths[i][0])
            unlink(fuzz_paths[i]);
}

/* The bytes as the file of slot (0..FUZZ_FILES-1), named by tag; returns its path. */
static inline const char *fuzz_file_slot(int slot, const char *tag, const uint8_t *data, size_t size)
{
    static int registered;
    char *path = fuzz_paths[slot];
    const char *dir = getenv("TMPDIR");
    if (!registered) {
        atexit(fuzz_unlink);
        registered = 1;
    }
    snprintf(path, sizeof fuzz_paths[slot], "%s/dm-fuzz-%s-%ld", dir && *dir ? dir : "/tmp", tag, (long)getpid());
    FILE *f = fopen(path, "wb");
    if (!f)
        abort();
    if (size && fwrite(data, 1, size, f) != size)
        abort();
    fclose(f);
    return path;
}

static inline const char *fuzz_file(const char *tag, const uint8_t *data, size_t size)
{
    return fuzz_file_slot(0, tag, data, size);
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
