/* lm_dual.h - the recurrent language model with dual-module layers.
 *
 * The language model's side of the dual-module engine (src/dual): each
 * recurrent layer l is one site ("l0", "l1", ...: an LSTM or GRU cell with
 * the streams x and h), the model runs its own embedding, layer order and
 * decoder around the engine's site steps, gathers the fitting data (one
 * pass of the dense model over training tokens), and evaluates perplexity
 * dense and dual side by side.
 *
 * Paths: the batch-1 streaming step (dm_dual_step) and the whole-sequence
 * path (dm_dual_seq_run: the input projections W_ih x of every row batched
 * by GEMM, the recurrent parts of insensitive rows skipped). */
#ifndef DM_LM_DUAL_H
#define DM_LM_DUAL_H

#include <stdint.h>

#include "corpus.h"
#include "dual.h"
#include "eval.h"
#include "family.h"
#include "lm.h"
#include "util.h"

/* The sites of the model's recurrent layers (nlayers of them). */
void dm_lm_sites(const dm_lm *m, dm_site *sites);
/* Range checks, with k resolved from eps against the model (k_out). */
int dm_dual_cfg_check(const dm_dual_cfg *c, const dm_lm *m, int *k_out, dm_err *err);

/* Run the dense model over ids[0..n_fit) (zero state, one stream) and
 * accumulate the moments of every layer; keep the first n_cal steps'
 * inputs [x ; h_prev]. */
int dm_fitdata_collect(dm_fitdata *fd, const dm_lm *m, const int *ids, long n_fit, int n_cal, dm_err *err);
/* After a collector has added layer l's step inputs to mom (dm_moments_add_inputs): the
 * pre-activations' moments from them, C = [W | b] G (the pre-activations are linear in u). */
int dm_lm_moments_linear(dm_moments *mom, const dm_lm *m, int l, dm_err *err);
/* The same through the cache (dm_fitdata_cached), keyed by the model file
 * and the first n_fit tokens of train; progress in tokens to prog (may be
 * NULL; 1 when it cancelled). */
int dm_fitdata_cached_lm(dm_fitdata *fd, const dm_lm *m, const dm_corpus *train, long n_fit, int n_cal,
                         const dm_fit_progress *prog, const char *cache_dir, dm_err *err);

typedef struct dm_dual {
    const dm_lm *big;
    dm_dual_cfg cfg;     /* as built (ratio and mode follow dm_dual_set_ratio and the engine) */
    int k;
    double fit_seconds;
    dm_site site[DM_LM_MAX_LAYERS];
    dm_engine eng;
} dm_dual;

int dm_dual_build(dm_dual *d, const dm_lm *m, const dm_fitdata *fd, const dm_dual_cfg *cfg, dm_err *err);
/* A view of engine e, built on the sites of big's layers (e->nsites of them): the engine's
 * buffers stay its own, so never dm_dual_free a view. */
void dm_dual_view(dm_dual *d, const dm_lm *big, const dm_site *sites, const dm_engine *e);
void dm_dual_free(dm_dual *d);
/* Kernels for the little modules and exact rows (NULL: the reference path). */
int dm_dual_use_kernels(dm_dual *d, const dm_kernels *k, dm_err *err);
int dm_dual_set_ratio(dm_dual *d, double ratio, dm_err *err);
/* Set the threshold mode of a built module (instant). */
void dm_dual_set_mode(dm_dual *d, dm_mode mode);
/* The little module of layer l. */
const dm_little *dm_dual_little(const dm_dual *d, int l);
/* Gates of a layer: count, names (LSTM i,f,g,o; GRU r,z,n) and activations. */
int dm_dual_gates(const dm_lm *m);
const char *dm_gate_name(const dm_lm *m, int g);
dm_act dm_gate_act(const dm_lm *m, int g);
/* Little-module bytes read per step (layer l / summed over layers). */
size_t dm_dual_layer_little_bytes(const dm_dual *d, int l);
size_t dm_dual_little_bytes(const dm_dual *d);

typedef struct dm_dual_state {
    dm_lm_state st;      /* the model's state; logits in st.logits */
    dm_engine_state es;  /* the engine's scratch (and phase profile: es.prof, es.prof_s) */
} dm_dual_state;

int dm_dual_state_init(dm_dual_state *s, const dm_dual *d, dm_err *err);
void dm_dual_state_free(dm_dual_state *s);
void dm_dual_state_reset(dm_dual_state *s, const dm_dual *d);
/* Recurrent layers only (no decoder). */
void dm_dual_step_rnn(const dm_dual *d, dm_dual_state *s, int token, int audit, dm_dual_stats *stats);
/* One token through the dual-module LM; logits in s->st.logits. stats may be NULL. */
void dm_dual_step(const dm_dual *d, dm_dual_state *s, int token, int audit, dm_dual_stats *stats);
/* Whole-sequence path: n <= q->chunk tokens; logits in q->logits. The state is s->st. */
void dm_dual_seq_run(const dm_dual *d, dm_dual_state *s, dm_lm_seq *q, const int *tokens, int n, int audit,
                     dm_dual_stats *stats);

/* Evaluate dense and dual side by side over the corpus: o->path selects the
 * dual side's path (stream: dm_dual_step; seq: dm_dual_seq_run). */
int dm_eval_lm_dual(const dm_dual *d, const dm_corpus *c, const dm_eval_opts *o, int audit, dm_dual_result *r,
                    dm_err *err);

/* The quality path over N = o->streams > 1 streams (dm_eval_lm_dual calls
 * it): the tokens are cut as PyTorch's word_language_model batchify does
 * for evaluation (trimmed to a multiple of N, stream j the j-th contiguous
 * part, each from a zero state), N (L - 1) predictions. Per time step the
 * N streams' dense and exact pre-activations and the little outputs are
 * GEMMs, the region test and merge are the engine's (dm_engine_merge): the
 * dual figures are the row-skipping step's up to summation order; speed
 * is not measured here (that is the interleaved batch-1 timing path). */
/* The paired standard error of a perplexity difference exp(mean q) -
 * exp(mean d), from the running sums of per-prediction NLLs d and q of the
 * same predictions and of their differences q - d (the delta method,
 * predictions treated as independent); NaN for fewer than 2 predictions. */
double dm_ppl_delta_se(const dm_nll_acc *ad, const dm_nll_acc *aq, const dm_nll_acc *adiff);
int dm_eval_lm_dual_streams(const dm_dual *d, const dm_corpus *c, const dm_eval_opts *o, int audit,
                            dm_dual_result *r, dm_err *err);

/* The dense side of that pass kept between evaluations of the same model,
 * tokens, streams and cell kernels (o->memo; its owner is the data object
 * the tokens belong to): per prediction the dense NLL, argmax, log-sum-exp
 * of the logits, the H-vector e = W_dec^T p of the dense distribution p and
 * e . h_dense. KL(dense || dual) = e . (h_dense - h_dual) - LSE(dense) +
 * LSE(dual) then needs only the dual side's top state and logits, so an
 * evaluation that finds a complete memo computes the dual side alone (about
 * half the work). The second evaluation with a key fills it (one more GEMM
 * of the decoder's size); a cancelled one leaves it incomplete. Figures
 * with the memo: value, dense, top-1 identical (with the packed AVX-512
 * GEMM; OpenBLAS's fallback sums a call of fewer rows in another order:
 * equal to ~1e-9); KL equal up to the float rounding of the logits, which
 * the live path sums in another way. */
typedef struct dm_lm_memo dm_lm_memo;
dm_lm_memo *dm_lm_memo_new(void);
void dm_lm_memo_free(dm_lm_memo *mo);
/* 0: not used yet; 1: key seen once; 2: complete (for tests and the note in a run). */
int dm_lm_memo_state(const dm_lm_memo *mo);

/* PAPER.md Table 1 on the dense model: at every step, Gaussian noise whose
 * norm is beta times the gate's pre-activation norm is added to half of
 * each gate's outputs: the sensitive half (half = 0) or the insensitive half
 * (half = 1), the halves split by the policy's score on the exact values.
 * Reports the perplexity and, in st, the cosine similarity of each gate's
 * pre- and post-activation outputs with the clean ones. */
int dm_eval_lm_noise(const dm_lm *m, const dm_corpus *c, int half, double beta, dm_policy policy, uint64_t seed,
                     const dm_eval_opts *o, dm_eval_result *r, dm_dual_stats *st, dm_err *err);

#endif
