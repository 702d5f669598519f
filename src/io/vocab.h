/* vocab.h - word vocabulary: one token per line, line number = index, as
 * PyTorch's word_language_model example writes idx2word.
 *
 * Invariant: after dm_vocab_load succeeds, every index 0..n-1 has a
 * non-empty, whitespace-free, unique word, and lookup is O(1). */
#ifndef DM_VOCAB_H
#define DM_VOCAB_H

#define DM_VOCAB_MAX_TOKEN 4096 /* bytes of one vocabulary token, at most */

#include <stdint.h>

#include "util.h"

typedef struct dm_vocab {
    int n;
    char **words;   /* n strings */
    int *slots;     /* open-addressing table of indices, -1 = empty */
    int nslots;     /* power of two */
    int unk;        /* index of <unk> or -1 */
    int eos;        /* index of <eos> or -1 */
    uint64_t hash;  /* FNV-1a of the file bytes */
} dm_vocab;

int dm_vocab_load(dm_vocab *v, const char *path, dm_err *err);
void dm_vocab_free(dm_vocab *v);
/* -1 when absent. */
int dm_vocab_find(const dm_vocab *v, const char *word, int len);

#endif
