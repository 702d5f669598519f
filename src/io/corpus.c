/* corpus.c - see corpus.h. */
#define _POSIX_C_SOURCE 200809L
#include "corpus.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void dm_corpus_free(dm_corpus *c)
{
    free(c->ids);
    memset(c, 0, sizeof *c);
}

static int push(dm_corpus *c, size_t *cap, int id)
{
    if ((size_t)c->n == *cap) {
        size_t nc = *cap ? 2 * *cap : 65536;
        int *p = realloc(c->ids, nc * sizeof *p);
        if (!p)
            return -1;
        c->ids = p;
        *cap = nc;
    }
    c->ids[c->n++] = id;
    return 0;
}

int dm_corpus_load(dm_corpus *c, const char *path, const dm_vocab *v, long limit, dm_err *err)
{
    memset(c, 0, sizeof *c);
    if (v->eos < 0)
        return dm_errf(err, "vocabulary has no <eos> token, needed to end each line of %s", path);
    if (dm_check_input_file(path, "data", err))
        return -1;
    FILE *f = fopen(path, "rb");
    if (!f)
        return dm_errf(err, "%s: cannot open data file: %s", path, strerror(errno));
    char *line = NULL;
    size_t cap = 0, idcap = 0;
    long len;
    int rc = -1, why = DM_LINE_EOF;
    uint64_t h = DM_FNV_INIT;
    /* stops reading at the limit; a line is read whole (for the hash) but
     * never beyond DM_MAX_LINE bytes */
    while ((limit <= 0 || c->n < limit) && (len = dm_read_line(f, &line, &cap, DM_MAX_LINE, &why)) >= 0) {
        c->lines++;
        h = dm_fnv1a(h, line, (size_t)len);
        char *p = line, *end = line + len;
        for (;;) {
            while (p < end && (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f' ||
                               *p == '\v'))
                p++;
            if (p >= end)
                break;
            char *w = p;
            while (p < end && !(*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f' ||
                                *p == '\v'))
                p++;
            int id = dm_vocab_find(v, w, (int)(p - w));
            if (id < 0) {
                if (v->unk < 0) {
                    char tok[256];
                    dm_errf(err,
                            "%s:%ld: token '%s' is not in the vocabulary, which has no <unk> "
                            "to map it to",
                            path, c->lines, dm_escape(w, (size_t)(p - w) > 60 ? 60 : (size_t)(p - w), tok, sizeof tok));
                    goto out;
                }
                id = v->unk;
                c->unk++;
            }
            if (push(c, &idcap, id))
                goto oom;
            if (limit > 0 && c->n >= limit)
                break;
        }
        if (limit <= 0 || c->n < limit)
            if (push(c, &idcap, v->eos))
                goto oom;
    }
    if (why == DM_LINE_TOO_LONG) {
        dm_errf(err, "%s:%ld: line longer than %ld bytes; expected text with one line per sentence", path,
                c->lines + 1, DM_MAX_LINE);
        goto out;
    }
    if (why == DM_LINE_NOMEM) {
        dm_errf(err, "%s:%ld: out of memory while reading the data", path, c->lines + 1);
        goto out;
    }
    if (why == DM_LINE_ERROR || ferror(f)) {
        dm_errf(err, "%s: read error: %s", path, strerror(errno));
        goto out;
    }
    if (c->n < 2) {
        dm_errf(err, "%s: %ld token(s); at least 2 are needed (one of context, one to predict)",
                path, c->n);
        goto out;
    }
    c->hash = h;
    rc = 0;
    goto out;
oom:
    dm_errf(err, "%s: out of memory while reading the data (after %ld tokens)", path, c->n);
out:
    free(line);
    fclose(f);
    if (rc)
        dm_corpus_free(c);
    return rc;
}

int dm_corpus_slice(dm_corpus *out, const dm_corpus *c, const dm_vocab *v, long from, long n, dm_err *err)
{
    memset(out, 0, sizeof *out);
    if (from < 0 || from > c->n)
        return dm_errf(err, "token %ld is outside the text's %ld tokens", from, c->n);
    if (n <= 0 || n > c->n - from)
        n = c->n - from;
    if (n < 2)
        return dm_errf(err, "tokens %ld.. of %ld: %ld token(s); at least 2 are needed (one of context, one to "
                            "predict)", from, c->n, n);
    out->ids = malloc((size_t)n * sizeof *out->ids);
    if (!out->ids)
        return dm_errf(err, "out of memory for %ld tokens", n);
    memcpy(out->ids, c->ids + from, (size_t)n * sizeof *out->ids);
    out->n = n;
    for (long i = 0; i < n; i++) {
        out->lines += out->ids[i] == v->eos;
        out->unk += out->ids[i] == v->unk;
    }
    long span[2] = {from, n};
    out->hash = dm_fnv1a(c->hash ^ 0x736c696365ULL, span, sizeof span); /* "slice" */
    return 0;
}
