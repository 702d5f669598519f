/* fuzz_text.c - libFuzzer target: the vocabulary and text (corpus) readers.
 * The input is read as a vocabulary; when it is one, the same bytes are read
 * as text against it (with and without a token limit). */
#include "corpus.h"
#include "fuzz_util.h"
#include "vocab.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > (1 << 20))
        return 0;
    const char *p = fuzz_file("text", data, size);
    dm_vocab v;
    dm_err err;
    if (dm_vocab_load(&v, p, &err) == 0) {
        for (int i = 0; i < v.n; i++)
            if (dm_vocab_find(&v, v.words[i], (int)strlen(v.words[i])) != i)
                abort(); /* every word finds itself */
        dm_corpus c;
        if (dm_corpus_load(&c, p, &v, 0, &err) == 0)
            dm_corpus_free(&c);
        if (dm_corpus_load(&c, p, &v, 5, &err) == 0) {
            if (c.n > 5)
                abort(); /* the limit holds */
            dm_corpus_free(&c);
        }
        dm_vocab_free(&v);
    }
    return 0;
}
