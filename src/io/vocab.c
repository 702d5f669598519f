/* vocab.c - see vocab.h. */
#define _POSIX_C_SOURCE 200809L
#include "vocab.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint32_t hash_word(const char *w, int len)
{
    return (uint32_t)dm_fnv1a(DM_FNV_INIT, w, (size_t)len);
}

int dm_vocab_find(const dm_vocab *v, const char *word, int len)
{
    if (!v->slots)
        return -1;
    uint32_t mask = (uint32_t)v->nslots - 1;
    for (uint32_t i = hash_word(word, len) & mask;; i = (i + 1) & mask) {
        int id = v->slots[i];
        if (id < 0)
            return -1;
        if ((int)strlen(v->words[id]) == len && memcmp(v->words[id], word, (size_t)len) == 0)
            return id;
    }
}

void dm_vocab_free(dm_vocab *v)
{
    if (v->words)
        for (int i = 0; i < v->n; i++)
            free(v->words[i]);
    free(v->words);
    free(v->slots);
    memset(v, 0, sizeof *v);
}

int dm_vocab_load(dm_vocab *v, const char *path, dm_err *err)
{
    memset(v, 0, sizeof *v);
    v->unk = v->eos = -1;
    if (dm_check_input_file(path, "vocabulary", err))
        return -1;
    FILE *f = fopen(path, "rb");
    if (!f)
        return dm_errf(err, "%s: cannot open vocabulary: %s", path, strerror(errno));
    char *line = NULL;
    size_t cap = 0, nalloc = 0;
    long len;
    long lineno = 0;
    uint64_t h = DM_FNV_INIT;
    int rc = -1, why = DM_LINE_EOF;
    char tok[256];
    while ((len = dm_read_line(f, &line, &cap, DM_VOCAB_MAX_TOKEN + 2, &why)) >= 0) {
        lineno++;
        h = dm_fnv1a(h, line, (size_t)len);
        if (len > 0 && line[len - 1] == '\n')
            line[--len] = '\0';
        if (len > 0 && line[len - 1] == '\r')
            line[--len] = '\0';
        if (len == 0) {
            dm_errf(err, "%s:%ld: empty line (expected one token per line)", path, lineno);
            goto out;
        }
        for (long i = 0; i < len; i++)
            if (line[i] == ' ' || line[i] == '\t' || line[i] == '\0') {
                dm_errf(err, "%s:%ld: token '%s' contains whitespace or NUL (expected one token per line)",
                        path, lineno, dm_escape(line, (size_t)len > 60 ? 60 : (size_t)len, tok, sizeof tok));
                goto out;
            }
        if ((size_t)v->n == nalloc) {
            nalloc = nalloc ? 2 * nalloc : 1024;
            char **w = realloc(v->words, nalloc * sizeof *w);
            if (!w) {
                dm_errf(err, "%s: out of memory while reading the vocabulary", path);
                goto out;
            }
            v->words = w;
        }
        if (!(v->words[v->n] = strdup(line))) {
            dm_errf(err, "%s: out of memory while reading the vocabulary", path);
            goto out;
        }
        v->n++;
        if (v->n > (1 << 28)) {
            dm_errf(err, "%s: more than 2^28 tokens", path);
            goto out;
        }
    }
    if (why == DM_LINE_TOO_LONG) {
        dm_errf(err, "%s:%ld: token longer than %d bytes (expected one token per line)", path, lineno + 1,
                DM_VOCAB_MAX_TOKEN);
        goto out;
    }
    if (why == DM_LINE_NOMEM) {
        dm_errf(err, "%s:%ld: out of memory while reading the vocabulary", path, lineno + 1);
        goto out;
    }
    if (why == DM_LINE_ERROR || ferror(f)) {
        dm_errf(err, "%s: read error: %s", path, strerror(errno));
        goto out;
    }
    if (v->n == 0) {
        dm_errf(err, "%s: vocabulary is empty", path);
        goto out;
    }
    v->nslots = 16;
    while (v->nslots < 2 * v->n)
        v->nslots *= 2;
    v->slots = malloc((size_t)v->nslots * sizeof *v->slots);
    if (!v->slots) {
        dm_errf(err, "%s: out of memory", path);
        goto out;
    }
    memset(v->slots, 0xff, (size_t)v->nslots * sizeof *v->slots);
    uint32_t mask = (uint32_t)v->nslots - 1;
    for (int id = 0; id < v->n; id++) {
        int wl = (int)strlen(v->words[id]);
        int dup = dm_vocab_find(v, v->words[id], wl);
        if (dup >= 0) {
            dm_errf(err, "%s:%d: token '%s' repeats line %d (tokens must be unique)", path, id + 1,
                    dm_escape(v->words[id], 60, tok, sizeof tok), dup + 1);
            goto out;
        }
        uint32_t i = hash_word(v->words[id], wl) & mask;
        while (v->slots[i] >= 0)
            i = (i + 1) & mask;
        v->slots[i] = id;
    }
    v->unk = dm_vocab_find(v, "<unk>", 5);
    v->eos = dm_vocab_find(v, "<eos>", 5);
    v->hash = h;
    rc = 0;
out:
    free(line);
    fclose(f);
    if (rc)
        dm_vocab_free(v);
    return rc;
}
