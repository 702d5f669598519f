/* corpus.h - a text file as a stream of token ids, read the way PyTorch's
 * word_language_model example reads one: whitespace-separated tokens,
 * <eos> appended at each line end, out-of-vocabulary tokens mapped to
 * <unk> (an error when the vocabulary has no <unk> and one is needed).
 *
 * Invariant: ids[0..n) are valid indices into the vocabulary used. */
#ifndef DM_CORPUS_H
#define DM_CORPUS_H

#include <stdint.h>

#include "util.h"
#include "vocab.h"

typedef struct dm_corpus {
    int *ids;
    long n;       /* tokens including <eos> */
    long lines;
    long unk;     /* tokens mapped to <unk> */
    uint64_t hash; /* FNV-1a of the file bytes read */
} dm_corpus;

/* limit > 0: stop after that many tokens (the stream is cut there). */
int dm_corpus_load(dm_corpus *c, const char *path, const dm_vocab *v, long limit, dm_err *err);
void dm_corpus_free(dm_corpus *c);
/* out = tokens [from, from + n) of c (n <= 0: to the end), a copy: at least
 * 2 tokens. Its lines and unk count the <eos> and <unk> ids of v in it; its
 * hash is c's combined with from and n (a slice is other data than c). */
int dm_corpus_slice(dm_corpus *out, const dm_corpus *c, const dm_vocab *v, long from, long n, dm_err *err);

#endif
