/* seq2seq.h - the translator family: an LSTM encoder-decoder with attention.
 *
 * Network (models/train_s2s.py trains it; tensor names as stored):
 *   src_emb.weight [Vs, E], tgt_emb.weight [Vt, E]
 *   enc0f.*, enc0b.* : encoder layer 0, a bidirectional LSTM (H/2 each way;
 *                      its outputs concatenated [forward; backward]: H)
 *   enc1.*           : encoder layer 1, an LSTM H -> H (its outputs s_1..s_T
 *                      are what the decoder attends to)
 *   dec0.*, dec1.*   : decoder LSTM layers E -> H, H -> H; no input feeding;
 *                      layer l starts from the encoder's final state of layer
 *                      l (layer 0: forward and backward finals concatenated)
 *   (each LSTM: weight_ih [4h, in], weight_hh [4h, h], bias_ih, bias_hh [4h])
 *   att.W_a [H, H], att.W_c [H, 2H]: Luong "general" attention:
 *       q = W_a h_t, a = softmax_s(q . s_s), c = sum_s a_s s_s,
 *       h~ = tanh(W_c [c; h_t])
 *   out.weight [Vt, H] (absent: tied to tgt_emb, E == H), out.bias [Vt]:
 *       logits = W_out h~ + b_out
 * The source is its BPE ids followed by </s>; decoding starts from <s> and
 * stops at </s> or after 2 * (source length + 1) + 10 tokens.
 *
 * The model directory also holds vocab.es / vocab.en and bpe.es / bpe.en
 * (io/bpe.h). Only the decoder's LSTM layers are dual-module sites ("dec.l0",
 * "dec.l1"); the encoder, the attention and the output layer stay dense.
 *
 * Search: greedy, or beam search of width K with GNMT's length penalty
 * lp(Y) = ((5 + |Y|) / 6)^0.6 (|Y| counts </s>): the finished hypothesis
 * with the highest log P(Y) / lp(Y) wins; the search stops when K
 * hypotheses have finished or the length limit is reached. */
#ifndef DM_SEQ2SEQ_H
#define DM_SEQ2SEQ_H

#include "bpe.h"
#include "family.h"
#include "lm.h"
#include "lm_dual.h"
#include "metric.h"

typedef struct dm_s2s {
    dm_net base;
    int E, H, Vs, Vt;
    dm_lm encf, encb, enc1; /* one layer each; encf.emb is the source embedding */
    dm_lm dec;              /* the decoder's 2 layers; emb = tgt_emb, dec_w/dec_b = the output layer */
    float *W_a, *W_c;       /* H x H, H x 2H */
    dm_bpe src, tgt;
    char src_lang[8], tgt_lang[8];
} dm_s2s;

/* A parallel split: source sentences (as BPE ids) and reference texts. */
typedef struct dm_s2s_data {
    dm_data base;
    int n;
    int **src;      /* ids, without </s> */
    int *srclen;
    char **srctext;
    char **ref;     /* reference (target) texts; NULL entries when there is no reference */
    long src_tokens, src_unk;
} dm_s2s_data;

/* Translate one source text (greedy when beam <= 1) with the dense model or,
 * with e != NULL, its dual-module decoder; out gets the detokenized text.
 * Returns the number of target tokens, -1 on error. */
int dm_s2s_translate(const dm_s2s *m, const dm_engine *e, const char *text, int beam, char *out, size_t cap,
                     dm_err *err);

extern const dm_family dm_family_seq2seq;

#endif
