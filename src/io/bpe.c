/* bpe.c - BPE tokenization (see bpe.h). */
#define _POSIX_C_SOURCE 200809L
#include "bpe.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MARK "\xe2\x96\x81" /* U+2581 */
#define MARK_LEN 3

static uint64_t hash_bytes(const char *s, size_t n)
{
    return dm_fnv1a(DM_FNV_INIT, s, n);
}

static size_t cap_for(int n)
{
    size_t c = 16;
    while (c < (size_t)n * 2 + 16)
        c <<= 1;
    return c;
}

int dm_bpe_id(const dm_bpe *b, const char *sym, size_t len)
{
    if (!b->vtab)
        return -1;
    for (size_t i = hash_bytes(sym, len) & (b->vcap - 1);; i = (i + 1) & (b->vcap - 1)) {
        int v = b->vtab[i];
        if (!v)
            return -1;
        const char *s = b->sym[v - 1];
        if (strlen(s) == len && memcmp(s, sym, len) == 0)
            return v - 1;
    }
}

/* rank of the pair (a, b) or -1 */
static int merge_rank(const dm_bpe *b, const char *a, size_t la, const char *c, size_t lc, char *key)
{
    if (!b->mtab)
        return -1;
    memcpy(key, a, la);
    key[la] = ' ';
    memcpy(key + la + 1, c, lc);
    size_t n = la + 1 + lc;
    for (size_t i = hash_bytes(key, n) & (b->mcap - 1);; i = (i + 1) & (b->mcap - 1)) {
        int v = b->mtab[i];
        if (!v)
            return -1;
        const char *s = b->mkey[v - 1];
        if (strlen(s) == n && memcmp(s, key, n) == 0)
            return v - 1;
    }
}

static char *slurp(const char *path, const char *what, size_t *len, dm_err *err)
{
    if (dm_check_input_file(path, what, err))
        return NULL;
    FILE *f = fopen(path, "rb");
    if (!f) {
        dm_errf(err, "%s: cannot open: %s", path, strerror(errno));
        return NULL;
    }
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    while (buf) {
        size_t r = fread(buf + n, 1, cap - n - 1, f);
        n += r;
        if (n + 1 < cap)
            break;
        if (cap > ((size_t)64 << 20)) {
            free(buf);
            fclose(f);
            dm_errf(err, "%s: larger than 64 MB; not a vocabulary or merges file", path);
            return NULL;
        }
        char *nb = realloc(buf, cap * 2);
        if (!nb) {
            free(buf);
            buf = NULL;
            break;
        }
        buf = nb, cap *= 2;
    }
    int bad = ferror(f);
    fclose(f);
    if (!buf) {
        dm_errf(err, "%s: out of memory", path);
        return NULL;
    }
    if (bad) {
        free(buf);
        dm_errf(err, "%s: read error", path);
        return NULL;
    }
    buf[n] = 0;
    *len = n;
    return buf;
}

void dm_bpe_free(dm_bpe *b)
{
    if (b->sym)
        for (int i = 0; i < b->n; i++)
            free(b->sym[i]);
    if (b->mkey)
        for (int i = 0; i < b->nmerges; i++)
            free(b->mkey[i]);
    free(b->sym), free(b->mkey), free(b->vtab), free(b->mtab);
    memset(b, 0, sizeof *b);
}

int dm_bpe_load(dm_bpe *b, const char *vocab_path, const char *merges_path, dm_err *err)
{
    memset(b, 0, sizeof *b);
    size_t len;
    char *v = slurp(vocab_path, "vocabulary", &len, err);
    if (!v)
        return -1;
    if (memchr(v, 0, len)) {
        free(v);
        return dm_errf(err, "%s: contains a NUL byte; expected one symbol a line", vocab_path);
    }
    int lines = 0;
    for (size_t i = 0; i < len; i++)
        lines += v[i] == '\n';
    if (len && v[len - 1] != '\n')
        lines++;
    b->sym = calloc((size_t)lines + 1, sizeof *b->sym);
    if (!b->sym) {
        free(v);
        return dm_errf(err, "%s: out of memory", vocab_path);
    }
    int rc = 0;
    char *p = v;
    while (*p && !rc) {
        char *e = strchr(p, '\n');
        size_t l = e ? (size_t)(e - p) : strlen(p);
        if (l == 0 || memchr(p, ' ', l)) {
            rc = dm_errf(err, "%s:%d: %s; expected one symbol a line", vocab_path, b->n + 1,
                         l ? "a symbol with a space" : "an empty line");
            break;
        }
        if (!(b->sym[b->n] = strndup(p, l)))
            rc = dm_errf(err, "out of memory");
        else
            b->n++;
        p = e ? e + 1 : p + l;
    }
    free(v);
    static const char *const spec[4] = {"<pad>", "<unk>", "<s>", "</s>"};
    for (int i = 0; !rc && i < 4; i++)
        if (b->n <= i || strcmp(b->sym[i], spec[i]))
            rc = dm_errf(err, "%s:%d: expected '%s' (the first four symbols are <pad> <unk> <s> </s>)", vocab_path,
                         i + 1, spec[i]);
    if (!rc) {
        b->vcap = cap_for(b->n);
        if (!(b->vtab = calloc(b->vcap, sizeof *b->vtab)))
            rc = dm_errf(err, "out of memory");
    }
    for (int i = 0; !rc && i < b->n; i++) {
        size_t l = strlen(b->sym[i]);
        if (dm_bpe_id(b, b->sym[i], l) >= 0) {
            rc = dm_errf(err, "%s:%d: symbol '%s' appears twice", vocab_path, i + 1, b->sym[i]);
            break;
        }
        size_t h = hash_bytes(b->sym[i], l) & (b->vcap - 1);
        while (b->vtab[h])
            h = (h + 1) & (b->vcap - 1);
        b->vtab[h] = i + 1;
    }
    char *m = rc ? NULL : slurp(merges_path, "BPE merges", &len, err);
    if (!rc && !m)
        rc = -1;
    if (!rc && (strncmp(m, "#bpe v1", 7) || memchr(m, 0, len)))
        rc = dm_errf(err, "%s: not a merges file (expected a first line '#bpe v1 ...')", merges_path);
    if (!rc) {
        int nl = 0;
        for (size_t i = 0; i < len; i++)
            nl += m[i] == '\n';
        b->mkey = calloc((size_t)nl + 1, sizeof *b->mkey);
        b->mcap = cap_for(nl);
        b->mtab = calloc(b->mcap, sizeof *b->mtab);
        if (!b->mkey || !b->mtab)
            rc = dm_errf(err, "out of memory");
    }
    p = m ? strchr(m, '\n') : NULL;
    for (int line = 2; !rc && p && p[1]; line++) {
        p++;
        char *e = strchr(p, '\n');
        size_t l = e ? (size_t)(e - p) : strlen(p);
        char *sp = memchr(p, ' ', l);
        if (!sp || sp == p || sp == p + l - 1 || memchr(sp + 1, ' ', l - (size_t)(sp - p) - 1)) {
            rc = dm_errf(err, "%s:%d: expected 'left right' (two symbols and one space)", merges_path, line);
            break;
        }
        if (!(b->mkey[b->nmerges] = strndup(p, l))) {
            rc = dm_errf(err, "out of memory");
            break;
        }
        size_t h = hash_bytes(p, l) & (b->mcap - 1);
        int dup = 0;
        while (b->mtab[h] && !dup) {
            const char *s = b->mkey[b->mtab[h] - 1];
            dup = strlen(s) == l && memcmp(s, p, l) == 0;
            h = (h + 1) & (b->mcap - 1);
        }
        if (!dup) /* a repeated pair keeps its first (lower) rank */
            b->mtab[h] = b->nmerges + 1;
        b->nmerges++;
        p = e ? e : p + l - 1;
        if (!e)
            break;
    }
    free(m);
    if (rc)
        dm_bpe_free(b);
    return rc;
}

static int is_word(unsigned cp)
{
    if (cp >= DM_U8_INVALID) /* a byte that is not UTF-8: a symbol of its own */
        return 0;
    if (cp < 0x80)
        return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
    static const unsigned punct[] = {0xbf, 0xa1, 0x201c, 0x201d, 0x2018, 0x2019, 0xab, 0xbb,
                                     0x2014, 0x2013, 0x2026, 0xb7, 0xb6, 0xa7, 0xa0};
    for (size_t i = 0; i < sizeof punct / sizeof *punct; i++)
        if (cp == punct[i])
            return 0;
    return 1;
}

typedef struct sym {
    const char *s;
    int len;
} sym;

/* BPE of one pre-token (bytes p[0..n), marked: U+2581 first); appends ids */
static int encode_token(const dm_bpe *b, const char *p, int n, int marked, int *ids, int max, int count, long *unk,
                        sym *w, char *key, char *tmp)
{
    int ns = 0;
    /* the token's bytes, with the marker in front, live in tmp so that merged symbols are contiguous */
    int off = 0;
    if (marked) {
        memcpy(tmp, MARK, MARK_LEN);
        off = MARK_LEN;
        w[ns++] = (sym){tmp, MARK_LEN};
    }
    memcpy(tmp + off, p, (size_t)n);
    for (int i = 0; i < n;) {
        unsigned cp;
        int l = dm_u8_decode(p + i, (size_t)(n - i), &cp);
        w[ns++] = (sym){tmp + off + i, l};
        i += l;
    }
    while (ns > 1) {
        int best = -1, at = -1;
        for (int i = 0; i + 1 < ns; i++) {
            int r = merge_rank(b, w[i].s, (size_t)w[i].len, w[i + 1].s, (size_t)w[i + 1].len, key);
            if (r >= 0 && (best < 0 || r < best))
                best = r, at = i;
        }
        if (best < 0)
            break;
        /* merge every occurrence of that pair, left to right */
        sym a = w[at], c = w[at + 1];
        int o = 0;
        for (int i = 0; i < ns;) {
            if (i + 1 < ns && w[i].len == a.len && w[i + 1].len == c.len && memcmp(w[i].s, a.s, (size_t)a.len) == 0 &&
                memcmp(w[i + 1].s, c.s, (size_t)c.len) == 0) {
                w[o++] = (sym){w[i].s, w[i].len + w[i + 1].len};
                i += 2;
            } else {
                w[o++] = w[i++];
            }
        }
        ns = o;
    }
    for (int i = 0; i < ns; i++) {
        int id = dm_bpe_id(b, w[i].s, (size_t)w[i].len);
        if (id < 0) {
            id = DM_BPE_UNK;
            if (unk)
                (*unk)++;
        }
        if (count < max)
            ids[count] = id;
        count++;
    }
    return count;
}

static int is_space(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

int dm_bpe_encode(const dm_bpe *b, const char *text, int *ids, int max, long *unk)
{
    size_t L = strlen(text);
    /* scratch sized by the longest chunk */
    size_t longest = 0, cur = 0;
    for (size_t i = 0; i <= L; i++) {
        if (i == L || is_space((unsigned char)text[i])) {
            longest = cur > longest ? cur : longest;
            cur = 0;
        } else {
            cur++;
        }
    }
    sym *w = malloc((longest + 2) * sizeof *w);
    char *key = malloc(2 * longest + MARK_LEN + 8), *tmp = malloc(longest + MARK_LEN + 8);
    if (!w || !key || !tmp) {
        free(w), free(key), free(tmp);
        return -1;
    }
    int count = 0;
    size_t i = 0;
    while (i < L) {
        while (i < L && is_space((unsigned char)text[i]))
            i++;
        size_t e = i;
        while (e < L && !is_space((unsigned char)text[e]))
            e++;
        int first = 1;
        for (size_t j = i; j < e;) {
            unsigned cp;
            size_t k = j + (size_t)dm_u8_decode(text + j, e - j, &cp);
            if (is_word(cp)) {
                while (k < e) {
                    unsigned c2;
                    int l2 = dm_u8_decode(text + k, e - k, &c2);
                    if (!is_word(c2))
                        break;
                    k += (size_t)l2;
                }
            }
            count = encode_token(b, text + j, (int)(k - j), first, ids, max, count, unk, w, key, tmp);
            first = 0;
            j = k;
        }
        i = e;
    }
    free(w), free(key), free(tmp);
    return count;
}

size_t dm_bpe_decode(const dm_bpe *b, const int *ids, int n, char *out, size_t cap)
{
    size_t need = 0;
    int lead = 1; /* strip leading spaces */
    size_t pending = 0; /* spaces not yet written (trailing ones are dropped) */
    for (int i = 0; i < n; i++) {
        if (ids[i] < 4 || ids[i] >= b->n)
            continue;
        const char *s = b->sym[ids[i]];
        for (const char *q = s; *q;) {
            if (strncmp(q, MARK, MARK_LEN) == 0) {
                if (!lead)
                    pending++;
                q += MARK_LEN;
                continue;
            }
            for (; pending; pending--) {
                if (need + 1 < cap)
                    out[need] = ' ';
                need++;
            }
            if (need + 1 < cap)
                out[need] = *q;
            need++;
            q++;
            lead = 0;
        }
    }
    if (cap)
        out[need < cap ? need : cap - 1] = 0;
    return need;
}
