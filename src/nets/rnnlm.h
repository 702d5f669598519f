/* rnnlm.h - the recurrent language model family's types (see rnnlm.c).
 * Front ends reach a network through family.h; these are for the family's
 * own code and for tests that look inside. */
#ifndef DM_RNNLM_H
#define DM_RNNLM_H

#include "corpus.h"
#include "family.h"
#include "lm.h"
#include "lm_dual.h"
#include "vocab.h"

typedef struct dm_rnnlm {
    dm_net base; /* first */
    dm_lm lm;
    dm_vocab vocab;
} dm_rnnlm;

typedef struct dm_rnnlm_data {
    dm_data base; /* first */
    dm_corpus c;
    dm_lm_memo *memo; /* the quality path's dense side, kept between runs on these tokens (NULL: none) */
} dm_rnnlm_data;

/* Fill the common head (arch, sites, ...) from r->lm. */
void dm_rnnlm_describe(dm_rnnlm *r);
/* The data of tokens [from, from + n) of d (n <= 0: to the end), opened
 * from a text by r's family: the scored part of a text whose head is held
 * out to fit the little module (session.c). Close it with the family's
 * close. */
int dm_rnnlm_data_slice(const dm_rnnlm *r, const dm_data *d, long from, long n, dm_data **out, dm_err *err);
/* A dm_dual that views the engine e on r's model (shares e's buffers:
 * never dm_dual_free it). */
void dm_rnnlm_dual_view(const dm_rnnlm *r, const dm_engine *e, dm_dual *d);

#endif
