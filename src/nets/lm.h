/* lm.h - word-level recurrent language model (PyTorch word_language_model):
 * Embedding -> N LSTM or GRU layers -> Linear decoder -> log-softmax.
 *
 * Weights are held in FP32 (F16/BF16 files are widened at load). Each
 * recurrent layer stores its gate rows as one matrix whose row r is
 * [W_ih[r] | W_hh[r]] (rows = gates * hid, cols = in + hid), so one pass
 * over a row touches everything that produces that gate output; the
 * whole-sequence path reads the W_ih part as a strided sub-matrix.
 *
 * Gate order and equations are PyTorch's:
 *   LSTM  i,f,g,o:  c' = f*c + i*g,  h' = o*tanh(c')
 *   GRU   r,z,n:    n = tanh(W_in x + b_in + r*(W_hn h + b_hn)),
 *                   h' = (1-z)*n + z*h
 *
 * Two evaluation paths give the same numbers up to summation order: the
 * batch-1 streaming step (dm_lm_step; no allocation per token) and the
 * whole-sequence path (dm_lm_seq_*), which batches input projections and
 * the decoder over a chunk of time steps with GEMM. */
#ifndef DM_LM_H
#define DM_LM_H

#include <stddef.h>
#include <stdint.h>

#include "util.h"

#define DM_LM_MAX_LAYERS 16

typedef enum dm_cell { DM_CELL_LSTM = 0, DM_CELL_GRU = 1 } dm_cell;

typedef struct dm_rnn_layer {
    int in, hid;   /* input and hidden sizes */
    int rows;      /* gates * hid */
    int ld;        /* in + hid: row stride of w, in floats */
    float *w;      /* rows x ld */
    float *b_ih;   /* rows */
    float *b_hh;   /* rows */
    float *b_sum;  /* rows: b_ih + b_hh */
} dm_rnn_layer;

typedef struct dm_lm {
    dm_cell cell;
    int gates;     /* 4 (LSTM) or 3 (GRU) */
    int ntoken, emsize, nhid, nlayers;
    int tied;      /* decoder weight is the embedding */
    float *emb;    /* ntoken x emsize */
    float *dec_w;  /* ntoken x nhid (== emb when tied) */
    float *dec_b;  /* ntoken */
    dm_rnn_layer layer[DM_LM_MAX_LAYERS];
    /* where it came from */
    char *path;
    uint64_t file_hash;   /* FNV-1a of the file */
    size_t file_bytes;
    char file_dtype[8];   /* dtype of the recurrent weights in the file */
    int inferred;         /* no architecture metadata: inferred from shapes */
    char dataset[64];     /* metadata 'dataset' (e.g. kjv), or empty */
    long long nparams;    /* distinct parameters (tied counted once) */
} dm_lm;

const char *dm_cell_name(dm_cell c);

/* Load a safetensors file (see lm.c for the accepted tensor names). */
int dm_lm_load(dm_lm *m, const char *path, dm_err *err);
void dm_lm_free(dm_lm *m);

/* Build a model with random weights (uniform +-scale, seeded) for
 * benchmarks and tests; say so wherever it is reported. */
int dm_lm_init_random(dm_lm *m, dm_cell cell, int ntoken, int emsize, int nhid, int nlayers,
                      int tied, float scale, uint64_t seed, dm_err *err);

/* Bytes of FP32 weights read per streaming step: recurrent layers,
 * decoder (and one embedding row). */
size_t dm_lm_step_bytes(const dm_lm *m);
size_t dm_lm_rnn_bytes(const dm_lm *m);

/* ---- streaming (batch 1) ---- */
typedef struct dm_lm_state {
    float *xh[DM_LM_MAX_LAYERS]; /* [input ; h] of each layer */
    float *c[DM_LM_MAX_LAYERS];  /* LSTM cell state */
    float *gates;                /* rows of the widest layer */
    float *ghn;                  /* GRU: W_hn h + b_hn */
    float *logits;               /* ntoken */
} dm_lm_state;

int dm_lm_state_init(dm_lm_state *s, const dm_lm *m, dm_err *err);
void dm_lm_state_free(dm_lm_state *s);
void dm_lm_state_reset(dm_lm_state *s, const dm_lm *m);
/* Gate nonlinearities and state update from pre-activations: LSTM g holds
 * the 4 blocks i,f,g,o; GRU g holds r,z (both biases) and W_in x + b_in,
 * ghn = W_hn h + b_hn (n = tanh(g_n + r * ghn)). g is clobbered. */
void dm_lm_cell_update(const dm_lm *m, float *g, const float *ghn, float *h, float *c);

/* Hidden state of layer l after the last step. */
const float *dm_lm_state_h(const dm_lm_state *s, const dm_lm *m, int l);

/* One recurrent layer step: input x (layer.in floats; may alias nothing in
 * the state), updates the state of layer l. */
void dm_lm_layer_step(const dm_lm *m, dm_lm_state *s, int l, const float *x);
/* Recurrent layers only (no decoder): token -> hidden of the top layer. */
void dm_lm_step_rnn(const dm_lm *m, dm_lm_state *s, int token);
/* Full step: token -> s->logits. */
void dm_lm_step(const dm_lm *m, dm_lm_state *s, int token);

/* log softmax(logits)[target], accumulated in double. */
double dm_log_softmax_at(const float *logits, int n, int target);

/* ---- whole sequence (chunks of time steps, GEMM) ---- */
typedef struct dm_lm_seq {
    int chunk;                   /* time steps per chunk */
    dm_lm_state st;              /* carried state; st.xh[l] holds [x ; h] */
    float *x;                    /* chunk x max(emsize, nhid): layer input */
    float *hout;                 /* chunk x nhid: layer output */
    float *gin;                  /* chunk x max rows: input projections */
    float *logits;               /* chunk x ntoken */
    float *cap[DM_LM_MAX_LAYERS];/* optional: chunk x ld, row t = [x_t ; h_(t-1)] */
} dm_lm_seq;

int dm_lm_seq_init(dm_lm_seq *q, const dm_lm *m, int chunk, dm_err *err);
void dm_lm_seq_free(dm_lm_seq *q);
void dm_lm_seq_reset(dm_lm_seq *q, const dm_lm *m);
/* Input projections of layer l for n steps: gin (n x rows) = x (n x in) W_ih^T
 * + biases (LSTM b_ih + b_hh; GRU r,z both biases, n b_in only). */
void dm_lm_input_proj(const dm_lm *m, int l, const float *x, int n, float *gin);
/* Run n <= chunk tokens; row t of q->logits holds the logits after token t. */
void dm_lm_seq_run(const dm_lm *m, dm_lm_seq *q, const int *tokens, int n);

/* Record each layer's step inputs [x ; h_prev] in q->cap (chunk x ld). */
int dm_lm_seq_capture(dm_lm_seq *q, const dm_lm *m, dm_err *err);

/* Pre-activation "rows" in the little-module layout: 4 * nhid per step.
 * LSTM: the i,f,g,o pre-activations (both biases). GRU: r, z (both biases),
 * then n's two parts, W_in x + b_in and W_hn h + b_hn, kept apart because
 * n = tanh(W_in x + b_in + r * (W_hn h + b_hn)). */
int dm_lm_pre_rows(const dm_lm *m);
/* pre (T x 4H) for T rows of [x ; h] (T x ld) of layer l, by GEMM. */
void dm_lm_pre_batch(const dm_lm *m, int l, const float *xh, int T, float *pre);

#endif
