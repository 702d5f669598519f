/* fuzz_bpe.c - libFuzzer target: the translator's subword reader (io/bpe.h)
 * on arbitrary bytes: its vocabulary and merges files, then encoding and
 * decoding text with what loaded. The input is cut into three parts at the
 * first two "\n%%\n" separators: vocabulary, merges, text (a missing part is
 * empty). Checks: every id encoded is in the vocabulary; the count returned
 * holds whatever the capacity; decoding writes within its buffer, always
 * terminates it, and returns the length it needs (a second call with that
 * capacity gives the same text); every vocabulary symbol finds its id. */
#include "bpe.h"
#include "fuzz_util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The first "\n%%\n" in [d, d + n) or NULL. */
static const uint8_t *sep(const uint8_t *d, size_t n)
{
    for (size_t i = 0; i + 4 <= n; i++)
        if (!memcmp(d + i, "\n%%\n", 4))
            return d + i;
    return NULL;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > (1 << 18))
        return 0;
    const uint8_t *end = data + size, *s1 = sep(data, size);
    const uint8_t *m0 = s1 ? s1 + 4 : end, *s2 = s1 ? sep(m0, (size_t)(end - m0)) : NULL;
    const uint8_t *t0 = s2 ? s2 + 4 : end;
    const char *p_voc = fuzz_file_slot(0, "voc", data, (size_t)((s1 ? s1 : end) - data));
    const char *p_mrg = fuzz_file_slot(1, "mrg", m0, (size_t)((s2 ? s2 : end) - m0));
    dm_bpe b;
    dm_err err;
    if (dm_bpe_load(&b, p_voc, p_mrg, &err) != 0)
        return 0;
    for (int i = 0; i < b.n; i++) {
        int id = dm_bpe_id(&b, b.sym[i], strlen(b.sym[i]));
        if (id < 0 || strcmp(b.sym[id], b.sym[i]))
            abort(); /* a symbol finds itself (or its first copy) */
    }
    char *text = fuzz_str(t0, (size_t)(end - t0));
    int cap = 64, ids[64];
    long unk = 0;
    int n = dm_bpe_encode(&b, text, ids, cap, &unk);
    if (n < 0)
        abort(); /* only out of memory, which the fuzzer's limits do not reach */
    int *all = malloc(sizeof(int) * (size_t)(n ? n : 1));
    if (!all)
        abort();
    long unk2 = 0;
    if (dm_bpe_encode(&b, text, all, n, &unk2) != n || unk2 != unk)
        abort(); /* the count does not depend on the capacity */
    for (int i = 0; i < n; i++)
        if (all[i] < 0 || all[i] >= b.n || (i < cap && all[i] != ids[i]))
            abort();
    char small[16];
    memset(small, 'x', sizeof small);
    size_t need = dm_bpe_decode(&b, all, n, small, sizeof small);
    if (!memchr(small, 0, sizeof small))
        abort(); /* terminated */
    char *out = malloc(need + 1);
    if (!out)
        abort();
    if (dm_bpe_decode(&b, all, n, out, need + 1) != need || strlen(out) != need)
        abort();
    if (need >= sizeof small ? strncmp(out, small, sizeof small - 1) : strcmp(out, small))
        abort(); /* the truncated text is a prefix */
    free(out);
    free(all);
    free(text);
    dm_bpe_free(&b);
    return 0;
}
