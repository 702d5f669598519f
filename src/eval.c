/* eval.c - see eval.h. */
#define _POSIX_C_SOURCE 200809L
#include "eval.h"

#include <cblas.h>
#include <math.h>
#include <string.h>

const char *dm_path_name(dm_lm_path p) { return p == DM_PATH_STREAM ? "stream" : "seq"; }

int dm_path_parse(const char *s, dm_lm_path *out)
{
    if (strcmp(s, "stream") == 0)
        *out = DM_PATH_STREAM;
    else if (strcmp(s, "seq") == 0 || strcmp(s, "sequence") == 0)
        *out = DM_PATH_SEQ;
    else
        return -1;
    return 0;
}

void dm_blas_set_threads(int n) { openblas_set_num_threads(n < 1 ? 1 : n); }
int dm_blas_threads(void) { return openblas_get_num_threads(); }
const char *dm_blas_config(void) { return openblas_get_config(); }

void dm_nll_add(dm_nll_acc *a, double nll) { dm_ppl_add(a, nll); }

void dm_nll_result(const dm_nll_acc *a, dm_eval_result *r)
{
    r->metric = DM_METRIC_PPL;
    r->predictions = a->n;
    dm_ppl_result(a, &r->value, &r->se, &r->nll);
}

/* N contiguous streams, as PyTorch's word_language_model evaluates (batchify:
 * the first N * (n / N) tokens, stream j = tokens [j L, (j + 1) L), each from
 * a zero state): every step is one GEMM over the N streams per layer and
 * one for the decoder. N (L - 1) predictions. */
static int eval_streams(const dm_lm *m, const dm_corpus *c, const dm_eval_opts *o, dm_eval_result *r, dm_err *err)
{
    int N = o->streams, H = m->nhid, V = m->ntoken, R = dm_lm_pre_rows(m), NL = m->nlayers;
    long L = c->n / N;
    if (L < 2)
        return dm_errf(err, "%ld token(s) cut into %d streams leave fewer than 2 per stream; use fewer streams", c->n,
                       N);
    float *U[DM_LM_MAX_LAYERS] = {0}, *C[DM_LM_MAX_LAYERS] = {0};
    int ok = 1;
    for (int l = 0; l < NL; l++) {
        size_t nu = (size_t)N * m->layer[l].ld, nc = (size_t)N * H;
        ok = ok && (U[l] = dm_alloc(nu * sizeof(float))) && (C[l] = dm_alloc(nc * sizeof(float)));
        if (ok) {
            memset(U[l], 0, nu * sizeof(float));
            memset(C[l], 0, nc * sizeof(float));
        }
    }
    float *pre = dm_alloc((size_t)N * R * sizeof(float)), *g = dm_alloc((size_t)R * sizeof(float));
    float *logits = dm_alloc((size_t)N * V * sizeof(float));
    int rc = 0;
    if (!ok || !pre || !g || !logits) {
        rc = dm_errf(err, "out of memory for %d streams", N);
        goto out;
    }
    double every = o->progress_every_s > 0 ? o->progress_every_s : 0.2;
    dm_nll_acc acc = {0};
    double t0 = dm_now(), next = t0 + every;
    long npred = (long)N * (L - 1);
    for (long t = 0; t + 1 < L; t++) {
        int ld0 = m->layer[0].ld;
        for (int j = 0; j < N; j++)
            memcpy(U[0] + (size_t)j * ld0, m->emb + (size_t)c->ids[(long)j * L + t] * m->emsize,
                   (size_t)m->emsize * sizeof(float));
        for (int l = 0; l < NL; l++) {
            const dm_rnn_layer *Ly = &m->layer[l];
            dm_lm_pre_batch(m, l, U[l], N, pre);
            for (int j = 0; j < N; j++) {
                float *p = pre + (size_t)j * R, *h = U[l] + (size_t)j * Ly->ld + Ly->in;
                memcpy(g, p, (size_t)R * sizeof(float));
                dm_lm_cell_update(m, g, p + 3 * H, h, C[l] + (size_t)j * H);
                if (l + 1 < NL)
                    memcpy(U[l + 1] + (size_t)j * m->layer[l + 1].ld, h, (size_t)H * sizeof(float));
            }
        }
        const dm_rnn_layer *Lt = &m->layer[NL - 1];
        for (int j = 0; j < N; j++)
            memcpy(logits + (size_t)j * V, m->dec_b, (size_t)V * sizeof(float));
        cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, N, V, H, 1.0f, U[NL - 1] + Lt->in, Lt->ld, m->dec_w, H,
                    1.0f, logits, V);
        for (int j = 0; j < N; j++)
            dm_nll_add(&acc, -dm_log_softmax_at(logits + (size_t)j * V, V, c->ids[(long)j * L + t + 1]));
        if (o->cancel && *o->cancel) {
            r->cancelled = 1;
            break;
        }
        double now = dm_now();
        if (o->progress && now >= next) {
            dm_nll_result(&acc, r);
            r->items = acc.n;
            r->seconds = now - t0;
            o->progress(r, npred, o->progress_ud);
            next = now + every;
        }
    }
    dm_nll_result(&acc, r);
    r->items = r->cancelled ? acc.n : (long)N * L;
    r->seconds = dm_now() - t0;
    r->items_per_s = r->seconds > 0 ? (double)acc.n / r->seconds : 0;
out:
    for (int l = 0; l < NL; l++)
        dm_free(U[l]), dm_free(C[l]);
    dm_free(pre), dm_free(g), dm_free(logits);
    return rc;
}

int dm_eval_lm(const dm_lm *m, const dm_corpus *c, const dm_eval_opts *o, dm_eval_result *r,
               dm_err *err)
{
    dm_eval_opts def = {0};
    if (!o)
        o = &def;
    memset(r, 0, sizeof *r);
    if (c->n < 2)
        return dm_errf(err, "data has %ld token(s); at least 2 are needed", c->n);
    for (long i = 0; i < c->n; i++)
        if (c->ids[i] < 0 || c->ids[i] >= m->ntoken)
            return dm_errf(err, "token %ld has id %d outside the model's vocabulary of %d", i, c->ids[i],
                           m->ntoken);
    if (o->streams > 1)
        return eval_streams(m, c, o, r, err);
    double every = o->progress_every_s > 0 ? o->progress_every_s : 0.2;
    dm_nll_acc acc = {0};
    double t0 = dm_now(), next = t0 + every;
    long npred = c->n - 1;
    if (o->path == DM_PATH_STREAM) {
        dm_lm_state s;
        if (dm_lm_state_init(&s, m, err))
            return -1;
        dm_lm_state_reset(&s, m);
        for (long i = 0; i < npred; i++) {
            dm_lm_step(m, &s, c->ids[i]);
            dm_nll_add(&acc, -dm_log_softmax_at(s.logits, m->ntoken, c->ids[i + 1]));
            if ((i & 63) == 63) {
                if (o->cancel && *o->cancel) {
                    r->cancelled = 1;
                    break;
                }
                double now = dm_now();
                if (o->progress && now >= next) {
                    dm_nll_result(&acc, r);
                    r->items = i + 1;
                    r->seconds = now - t0;
                    o->progress(r, npred, o->progress_ud);
                    next = now + every;
                }
            }
        }
        dm_lm_state_free(&s);
    } else {
        dm_lm_seq q;
        int chunk = o->chunk > 0 ? o->chunk : 128;
        if (dm_lm_seq_init(&q, m, chunk, err))
            return -1;
        dm_lm_seq_reset(&q, m);
        for (long i = 0; i < npred; i += chunk) {
            int n = (int)(npred - i < chunk ? npred - i : chunk);
            dm_lm_seq_run(m, &q, c->ids + i, n);
            for (int t = 0; t < n; t++)
                dm_nll_add(&acc, -dm_log_softmax_at(q.logits + (size_t)t * m->ntoken, m->ntoken,
                                                 c->ids[i + t + 1]));
            if (o->cancel && *o->cancel) {
                r->cancelled = 1;
                break;
            }
            double now = dm_now();
            if (o->progress && now >= next) {
                dm_nll_result(&acc, r);
                r->items = i + n;
                r->seconds = now - t0;
                o->progress(r, npred, o->progress_ud);
                next = now + every;
            }
        }
        dm_lm_seq_free(&q);
    }
    dm_nll_result(&acc, r);
    r->items = r->cancelled ? acc.n : c->n;
    r->seconds = dm_now() - t0;
    r->items_per_s = r->seconds > 0 ? (double)acc.n / r->seconds : 0;
    return 0;
}
