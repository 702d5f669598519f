/* bpe.h - subword (BPE) tokenization of the translator's languages.
 *
 * The rules are data/bible/prepare.py's (the recipe that learned the
 * merges), so that the C side splits a sentence exactly as training did:
 *   - pre-tokens: the text is split at ASCII whitespace into chunks; a chunk
 *     is split into maximal runs of word characters (ASCII letters and
 *     digits, and any non-ASCII code point not in the punctuation set
 *     ¿ ¡ “ ” ‘ ’ « » — – … · ¶ § and U+00A0) and single other characters;
 *     the first pre-token of a chunk starts with the space marker U+2581
 *     as a symbol of its own;
 *   - symbols are code points (a byte that is not valid UTF-8 is a symbol
 *     of its own, which no vocabulary holds: <unk>);
 *   - the lowest-ranked adjacent pair of the merges list is merged
 *     everywhere in the pre-token, until no ranked pair is left;
 *   - each symbol maps to its vocabulary id, <unk> (1) when absent.
 * Decoding concatenates the pieces, turns U+2581 into spaces and strips
 * the ends.
 *
 * Files: the vocabulary (one symbol a line; id = line number - 1; the first
 * four are <pad> <unk> <s> </s>) and the merges ("#bpe v1 ..." header, then
 * "left right" a line, in rank order). */
#ifndef DM_BPE_H
#define DM_BPE_H

#include <stddef.h>

#include "util.h"

enum { DM_BPE_PAD = 0, DM_BPE_UNK = 1, DM_BPE_BOS = 2, DM_BPE_EOS = 3 };

typedef struct dm_bpe {
    int n;             /* vocabulary size */
    char **sym;        /* n symbols */
    int nmerges;
    /* open-addressing tables: symbol -> id, "left right" -> rank */
    size_t vcap, mcap;
    int *vtab;         /* ids + 1 (0: empty) */
    int *mtab;         /* ranks + 1 */
    char **mkey;       /* nmerges keys "left right" */
} dm_bpe;

int dm_bpe_load(dm_bpe *b, const char *vocab_path, const char *merges_path, dm_err *err);
void dm_bpe_free(dm_bpe *b);
/* Token ids of text (no specials added) into ids (capacity max); returns
 * the count, which may exceed max (then only max were written), or -1 out
 * of memory. *unk (may be NULL) += the <unk> ids produced. */
int dm_bpe_encode(const dm_bpe *b, const char *text, int *ids, int max, long *unk);
/* Detokenized text of ids (specials skipped) into out (size cap, always
 * terminated); returns the length it needs (like snprintf). */
size_t dm_bpe_decode(const dm_bpe *b, const int *ids, int n, char *out, size_t cap);
/* The id of a symbol, or -1. */
int dm_bpe_id(const dm_bpe *b, const char *sym, size_t len);

#endif
