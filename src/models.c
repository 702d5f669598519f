/* models.c - see models.h. */
#define _DEFAULT_SOURCE
#define _POSIX_C_SOURCE 200809L
#include "models.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef DM_SRCDIR
#define DM_SRCDIR ""
#endif
#ifndef DM_BUILDDIR
#define DM_BUILDDIR ""
#endif
#ifndef DM_PKGDATADIR
#define DM_PKGDATADIR "/usr/local/share/dualmod"
#endif
#ifndef DM_BINDIR
#define DM_BINDIR ""
#endif

static int is_file(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISREG(st.st_mode);
}

static int is_dir(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

static int fill_from_file(const char *file_in, const char *vocab_override, dm_model_ref *out, dm_err *err)
{
    char canon[PATH_MAX];
    const char *file = realpath(file_in, canon) ? canon : file_in;
    if (strlen(file) >= sizeof out->file)
        return dm_errf(err, "model path too long: %.80s...", file);
    snprintf(out->file, sizeof out->file, "%s", file);
    snprintf(out->dir, sizeof out->dir, "%s", file);
    char *slash = strrchr(out->dir, '/');
    if (slash)
        *slash = '\0';
    else
        snprintf(out->dir, sizeof out->dir, ".");
    if (vocab_override)
        snprintf(out->vocab, sizeof out->vocab, "%s", vocab_override);
    else if ((size_t)snprintf(out->vocab, sizeof out->vocab, "%s/vocab.txt", out->dir) >= sizeof out->vocab)
        return dm_errf(err, "model path too long: %.80s...", file);
    return 0;
}

/* This program's own directory (/proc/self/exe), or "" when unknown. */
static void exe_dir(char *out, size_t n)
{
    out[0] = '\0';
    char buf[PATH_MAX];
    ssize_t len = readlink("/proc/self/exe", buf, sizeof buf - 1);
    if (len <= 0)
        return;
    buf[len] = '\0';
    char *slash = strrchr(buf, '/');
    if (!slash || slash == buf)
        return;
    *slash = '\0';
    snprintf(out, n, "%s", buf);
}

/* a == b as directories (both resolved) */
static int same_dir(const char *a, const char *b)
{
    char ra[PATH_MAX], rb[PATH_MAX];
    return *a && *b && realpath(a, ra) && realpath(b, rb) && strcmp(ra, rb) == 0;
}

int dm_in_build_tree(void)
{
    static int cached = -1;
    if (cached >= 0)
        return cached;
    cached = 0;
    char dir[PATH_MAX], sub[PATH_MAX + 16];
    exe_dir(dir, sizeof dir);
    if (!*dir || !*DM_BUILDDIR)
        return cached;
    if (same_dir(dir, DM_BUILDDIR))
        return cached = 1;
    /* the test programs (tests/) and the fuzzers (fuzz/) are built beside it */
    static const char *const subs[] = {"tests", "fuzz"};
    for (size_t i = 0; i < sizeof subs / sizeof subs[0]; i++) {
        snprintf(sub, sizeof sub, "%s/%s", DM_BUILDDIR, subs[i]);
        if (same_dir(dir, sub))
            return cached = 1;
    }
    return cached;
}

/* The path components of p (pointers into it, and their lengths); returns how many. */
static int path_parts(const char *p, const char *parts[], size_t lens[], int max)
{
    int n = 0;
    while (*p && n < max) {
        while (*p == '/')
            p++;
        if (!*p)
            break;
        size_t l = strcspn(p, "/");
        parts[n] = p;
        lens[n++] = l;
        p += l;
    }
    return n;
}

const char *dm_pkgdatadir(void)
{
    static char dir[DM_PATH_MAX];
    static int done;
    if (done)
        return dir;
    done = 1;
    snprintf(dir, sizeof dir, "%s", DM_PKGDATADIR);
    /* An installation that was moved (or staged with make install DESTDIR=...): the binary sits in
     * ROOT/bin-part and its data in ROOT/data-part, where bin-part and data-part are what $(bindir) and
     * $(pkgdatadir) have after their common leading directories (default: bin and share/dualmod). */
    char ed[PATH_MAX];
    exe_dir(ed, sizeof ed);
    if (!*ed || !*DM_BINDIR)
        return dir;
    const char *bp[64], *dp[64], *ep[64];
    size_t bl[64], dl[64], el[64];
    int nb = path_parts(DM_BINDIR, bp, bl, 64), nd = path_parts(DM_PKGDATADIR, dp, dl, 64);
    int ne = path_parts(ed, ep, el, 64);
    int c = 0;
    while (c < nb && c < nd && bl[c] == dl[c] && memcmp(bp[c], dp[c], bl[c]) == 0)
        c++;
    int tail = nb - c; /* bin-part: bp[c..nb) */
    if (tail < 1 || ne < tail)
        return dir;
    for (int i = 0; i < tail; i++)
        if (el[ne - tail + i] != bl[c + i] || memcmp(ep[ne - tail + i], bp[c + i], bl[c + i]) != 0)
            return dir;
    char cand[DM_PATH_MAX];
    size_t off = 0;
    for (int i = 0; i < ne - tail && off < sizeof cand; i++)
        off += (size_t)snprintf(cand + off, sizeof cand - off, "/%.*s", (int)el[i], ep[i]);
    for (int i = c; i < nd && off < sizeof cand; i++)
        off += (size_t)snprintf(cand + off, sizeof cand - off, "/%.*s", (int)dl[i], dp[i]);
    if (off < sizeof cand && is_dir(cand))
        snprintf(dir, sizeof dir, "%s", cand);
    return dir;
}

/* Candidate directories for names, in search order; returns the count. */
int dm_search_dirs(const char *envvar, const char *sub, char dirs[][DM_PATH_MAX], int max)
{
    int n = 0;
    const char *env = envvar ? getenv(envvar) : NULL;
    if (env && *env) {
        const char *p = env;
        while (*p && n < max - 3) {
            const char *e = strchr(p, ':');
            size_t len = e ? (size_t)(e - p) : strlen(p);
            if (len > 0 && len < DM_PATH_MAX) {
                memcpy(dirs[n], p, len);
                dirs[n++][len] = '\0';
            }
            if (!e)
                break;
            p = e + 1;
        }
    }
    if (dm_in_build_tree()) { /* the uninstalled program: its source and build trees, nothing installed */
        if (*DM_SRCDIR)
            snprintf(dirs[n++], DM_PATH_MAX, "%s/%s", DM_SRCDIR, sub);
        if (*DM_BUILDDIR && strcmp(DM_BUILDDIR, DM_SRCDIR) != 0)
            snprintf(dirs[n++], DM_PATH_MAX, "%s/%s", DM_BUILDDIR, sub);
    } else if ((size_t)snprintf(dirs[n], DM_PATH_MAX, "%.3900s/%s", dm_pkgdatadir(), sub) < DM_PATH_MAX) {
        n++;
    }
    return n;
}

int dm_model_resolve(const char *spec, const char *vocab_override, dm_model_ref *out, dm_err *err)
{
    memset(out, 0, sizeof *out);
    char buf[DM_PATH_MAX];
    if (!spec || !*spec)
        return dm_errf(err, "no model given (a name such as kjv-lstm, or a .safetensors path)");
    /* display name: the last path component, or its directory for .../NAME/model.safetensors */
    char tmp[DM_PATH_MAX];
    snprintf(tmp, sizeof tmp, "%s", spec);
    size_t tl = strlen(tmp);
    while (tl > 1 && tmp[tl - 1] == '/')
        tmp[--tl] = '\0';
    char *base = strrchr(tmp, '/');
    if (base && strcmp(base + 1, "model.safetensors") == 0 && base != tmp) {
        *base = '\0';
        base = strrchr(tmp, '/');
    }
    const char *nm = base ? base + 1 : tmp;
    size_t nl = strlen(nm) < sizeof out->name - 1 ? strlen(nm) : sizeof out->name - 1;
    memcpy(out->name, nm, nl);
    out->name[nl] = '\0';
    if (is_file(spec))
        return fill_from_file(spec, vocab_override, out, err);
    if (is_dir(spec)) {
        snprintf(buf, sizeof buf, "%s/model.safetensors", spec);
        if (!is_file(buf))
            return dm_errf(err, "%s: directory has no model.safetensors", spec);
        return fill_from_file(buf, vocab_override, out, err);
    }
    if (strchr(spec, '/') || strstr(spec, ".safetensors")) {
        struct stat sb;
        if (lstat(spec, &sb) == 0 || errno != ENOENT) /* there, but a FIFO, device, link loop, ... */
            return dm_check_input_file(spec, "model", err) ? -1 : dm_errf(err, "%s: cannot use as a model", spec);
        return dm_errf(err, "%s: no such model file", spec);
    }
    char dirs[16][DM_PATH_MAX];
    int n = dm_search_dirs("DUALMOD_MODELS", "models", dirs, 16);
    char looked[1024] = "";
    size_t lk = 0;
    for (int i = 0; i < n; i++) {
        if ((size_t)snprintf(buf, sizeof buf, "%s/%s/model.safetensors", dirs[i], spec) >= sizeof buf)
            continue;
        if (is_file(buf))
            return fill_from_file(buf, vocab_override, out, err);
        if (lk < sizeof looked - 2)
            lk += (size_t)snprintf(looked + lk, sizeof looked - lk, "%s%s", i ? ", " : "", dirs[i]);
    }
    return dm_errf(err, "model '%s' not found (looked in %s; set DUALMOD_MODELS or give a path)", spec,
                   looked);
}

int dm_data_resolve(const char *dataset, const char *split, char *out, size_t outsz, dm_err *err)
{
    char dirs[16][DM_PATH_MAX], buf[DM_PATH_MAX];
    int n = dm_search_dirs("DUALMOD_DATA", "data", dirs, 16);
    for (int i = 0; i < n; i++) {
        if ((size_t)snprintf(buf, sizeof buf, "%s/%s/%s.txt", dirs[i], dataset, split) >= sizeof buf)
            continue;
        if (is_file(buf)) {
            char canon[PATH_MAX];
            if (realpath(buf, canon) && strlen(canon) < sizeof buf)
                memcpy(buf, canon, strlen(canon) + 1);
            if (strlen(buf) >= outsz)
                return dm_errf(err, "data path too long: %.80s", buf);
            memcpy(out, buf, strlen(buf) + 1);
            return 0;
        }
    }
    if (strcmp(split, "train") == 0)
        return dm_errf(err,
                       "split 'train' of data set '%s' is not prepared (it is derived, not shipped): "
                       "run 'make' with bible-kjv installed, or data/%s/prepare.py, or set DUALMOD_DATA",
                       dataset, dataset);
    char looked[1024] = "";
    size_t lk = 0;
    for (int i = 0; i < n && lk < sizeof looked - 2; i++)
        lk += (size_t)snprintf(looked + lk, sizeof looked - lk, "%s%s", i ? ", " : "", dirs[i]);
    return dm_errf(err, "split '%s' of data set '%s' not found (looked for %s/%s.txt in %s; set DUALMOD_DATA)", split,
                   dataset, dataset, split, looked);
}

static char *trim(char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    size_t n = strlen(s);
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\n' || s[n - 1] == '\r'))
        s[--n] = '\0';
    return s;
}

int dm_card_value(const char *dir, const char *key, char *out, size_t outsz)
{
    char path[DM_PATH_MAX];
    if ((size_t)snprintf(path, sizeof path, "%s/card.md", dir) >= sizeof path)
        return -1;
    FILE *f = fopen(path, "r");
    if (!f)
        return -1;
    char line[2048];
    int rc = -1;
    while (fgets(line, sizeof line, f)) {
        if (line[0] != '|')
            continue;
        char *k = line + 1, *bar = strchr(k, '|');
        if (!bar)
            continue;
        *bar = '\0';
        char *v = bar + 1, *end = strchr(v, '|');
        if (end)
            *end = '\0';
        if (strcasecmp(trim(k), key) == 0) {
            snprintf(out, outsz, "%s", trim(v));
            rc = 0;
            break;
        }
    }
    fclose(f);
    return rc;
}
