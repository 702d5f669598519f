/* seq2seq.c - the translator as a network family (see seq2seq.h).
 *
 * Quality path: every sentence of the split is translated at batch 1 (the
 * paper's latency regime), dense and with the dual-module decoder, from the
 * same encoder states; BLEU (sacreBLEU's defaults, 13a) of both against the
 * references, and the fraction of sentences the dual decoder translates
 * exactly as the dense one. Fitting: teacher forcing over the first training
 * pairs, the decoder layers' step inputs [x ; h_prev] into the moments.
 * Timing: the decoder's LSTM step, dense and dual interleaved (dm_bench_dual
 * on the decoder's layers, stepping through target-language tokens). */
#define _POSIX_C_SOURCE 200809L
#include "seq2seq.h"

#include <errno.h>
#include <math.h>
#include <pthread.h>
#include <time.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bench.h"
#include "bleu.h"
#include "kernels.h"
#include "safetensors.h"

#define MAX_SRC 1024 /* source tokens per sentence (longer input is cut, and the cut is counted) */
#define LP_ALPHA 0.6

/* ---- loading ---- */

static int want(const dm_st_file *f, const char *path, const char *name, int64_t r, int64_t c, float *dst,
                int ld, dm_err *err)
{
    const dm_st_tensor *t = dm_st_find(f, name);
    if (!t)
        return dm_errf(err, "%s: missing tensor '%s' (a seq2seq model; see src/nets/seq2seq.h)", path, name);
    int ok = c ? t->ndim == 2 && t->shape[0] == r && t->shape[1] == c : t->ndim == 1 && t->shape[0] == r;
    if (!ok) {
        if (c)
            return dm_errf(err, "%s: tensor '%s' has %d dimension(s) [%lld%s...], expected [%lld, %lld]", path, name,
                           t->ndim, t->ndim ? (long long)t->shape[0] : 0LL, t->ndim > 1 ? ", " : "", (long long)r,
                           (long long)c);
        return dm_errf(err, "%s: tensor '%s' has %d dimension(s) [%lld...], expected [%lld]", path, name, t->ndim,
                       t->ndim ? (long long)t->shape[0] : 0LL, (long long)r);
    }
    if (t->dtype != DM_DT_F32 && t->dtype != DM_DT_F16 && t->dtype != DM_DT_BF16 && t->dtype != DM_DT_F64)
        return dm_errf(err, "%s: tensor '%s' has dtype %s; weights must be F32, F16, BF16 or F64", path, name,
                       dm_dtype_name(t->dtype));
    size_t n = (size_t)t->numel;
    float *tmp = (c && ld != c) ? malloc(n * sizeof(float)) : dst;
    if (!tmp)
        return dm_errf(err, "out of memory");
    int rc = dm_st_to_f32(t, tmp, err);
    for (size_t i = 0; !rc && i < n; i++)
        if (!isfinite(tmp[i]))
            rc = dm_errf(err, "%s: tensor '%s' holds a non-finite value at element %zu", path, name, i);
    if (!rc && tmp != dst)
        for (int64_t i = 0; i < r; i++)
            memcpy(dst + (size_t)i * ld, tmp + (size_t)i * c, (size_t)c * sizeof(float));
    if (tmp != dst)
        free(tmp);
    return rc;
}

/* one LSTM layer of the file into layer 0 of m (allocated for in -> hid) */
static int load_lstm(const dm_st_file *f, const char *path, const char *pre, dm_lm *m, int l, dm_err *err)
{
    dm_rnn_layer *L = &m->layer[l];
    char n[64];
    snprintf(n, sizeof n, "%s.weight_ih", pre);
    if (want(f, path, n, L->rows, L->in, L->w, L->ld, err))
        return -1;
    snprintf(n, sizeof n, "%s.weight_hh", pre);
    if (want(f, path, n, L->rows, L->hid, L->w + L->in, L->ld, err))
        return -1;
    snprintf(n, sizeof n, "%s.bias_ih", pre);
    if (want(f, path, n, L->rows, 0, L->b_ih, 0, err))
        return -1;
    snprintf(n, sizeof n, "%s.bias_hh", pre);
    if (want(f, path, n, L->rows, 0, L->b_hh, 0, err))
        return -1;
    for (int r = 0; r < L->rows; r++)
        L->b_sum[r] = L->b_ih[r] + L->b_hh[r];
    return 0;
}

static int seq2seq_probe(const char *path)
{
    dm_st_file f;
    dm_err e;
    if (dm_st_open(&f, path, &e))
        return 0;
    const char *fam = dm_st_meta(&f, "family");
    int yes = fam ? strcmp(fam, "seq2seq") == 0 : dm_st_find(&f, "dec0.weight_ih") != NULL;
    dm_st_close(&f);
    return yes;
}

static void seq2seq_free(dm_net *n)
{
    if (!n)
        return;
    dm_s2s *m = (dm_s2s *)n;
    dm_lm_free(&m->encf), dm_lm_free(&m->encb), dm_lm_free(&m->enc1), dm_lm_free(&m->dec);
    dm_free(m->W_a), dm_free(m->W_c);
    dm_bpe_free(&m->src), dm_bpe_free(&m->tgt);
    free(m);
}

static int dim_of(const dm_st_file *f, const char *name, int i)
{
    const dm_st_tensor *t = dm_st_find(f, name);
    return t && t->ndim > i && t->shape[i] > 0 && t->shape[i] < (1 << 24) ? (int)t->shape[i] : -1;
}

static int seq2seq_load(const char *path, const char *vocab, dm_net **out, dm_err *err)
{
    (void)vocab;
    *out = NULL;
    dm_st_file f;
    if (dm_st_open(&f, path, err))
        return -1;
    dm_s2s *m = calloc(1, sizeof *m);
    if (!m) {
        dm_st_close(&f);
        return dm_errf(err, "out of memory");
    }
    int rc = 0;
    m->Vs = dim_of(&f, "src_emb.weight", 0), m->E = dim_of(&f, "src_emb.weight", 1);
    m->Vt = dim_of(&f, "tgt_emb.weight", 0), m->H = dim_of(&f, "dec0.weight_hh", 1);
    if (m->Vs < 5 || m->E < 1 || m->Vt < 5 || m->H < 2 || m->H % 2)
        rc = dm_errf(err, "%s: cannot read the sizes of a seq2seq model from src_emb.weight, tgt_emb.weight and "
                     "dec0.weight_hh (got Vs %d, E %d, Vt %d, H %d; H must be even)", path, m->Vs, m->E, m->Vt, m->H);
    int tied = !dm_st_find(&f, "out.weight");
    if (!rc && tied && m->E != m->H)
        rc = dm_errf(err, "%s: no 'out.weight' (tied output) but the embedding size %d differs from the hidden size %d",
                     path, m->E, m->H);
    /* encf holds the source embedding; encb and enc1 a 1-row dummy one */
    if (!rc)
        rc = dm_lm_init_random(&m->encf, DM_CELL_LSTM, m->Vs, m->E, m->H / 2, 1, 0, 0, 1, err);
    if (!rc)
        rc = dm_lm_init_random(&m->encb, DM_CELL_LSTM, 1, m->E, m->H / 2, 1, 0, 0, 1, err);
    if (!rc)
        rc = dm_lm_init_random(&m->enc1, DM_CELL_LSTM, 1, m->H, m->H, 1, 0, 0, 1, err);
    if (!rc)
        rc = dm_lm_init_random(&m->dec, DM_CELL_LSTM, m->Vt, m->E, m->H, 2, tied, 0, 1, err);
    if (!rc) {
        m->W_a = dm_alloc((size_t)m->H * m->H * sizeof(float));
        m->W_c = dm_alloc((size_t)m->H * 2 * m->H * sizeof(float));
        if (!m->W_a || !m->W_c)
            rc = dm_errf(err, "out of memory");
    }
    if (!rc)
        rc = want(&f, path, "src_emb.weight", m->Vs, m->E, m->encf.emb, m->E, err);
    if (!rc)
        rc = want(&f, path, "tgt_emb.weight", m->Vt, m->E, m->dec.emb, m->E, err);
    if (!rc)
        rc = load_lstm(&f, path, "enc0f", &m->encf, 0, err);
    if (!rc)
        rc = load_lstm(&f, path, "enc0b", &m->encb, 0, err);
    if (!rc)
        rc = load_lstm(&f, path, "enc1", &m->enc1, 0, err);
    if (!rc)
        rc = load_lstm(&f, path, "dec0", &m->dec, 0, err);
    if (!rc)
        rc = load_lstm(&f, path, "dec1", &m->dec, 1, err);
    if (!rc)
        rc = want(&f, path, "att.W_a", m->H, m->H, m->W_a, m->H, err);
    if (!rc)
        rc = want(&f, path, "att.W_c", m->H, 2 * m->H, m->W_c, 2 * m->H, err);
    if (!rc && !tied)
        rc = want(&f, path, "out.weight", m->Vt, m->H, m->dec.dec_w, m->H, err);
    if (!rc)
        rc = want(&f, path, "out.bias", m->Vt, 0, m->dec.dec_b, 0, err);
    const char *sl = dm_st_meta(&f, "src_lang"), *tl = dm_st_meta(&f, "tgt_lang");
    snprintf(m->src_lang, sizeof m->src_lang, "%s", sl ? sl : "es");
    snprintf(m->tgt_lang, sizeof m->tgt_lang, "%s", tl ? tl : "en");
    /* the BPE files beside the model */
    char dir[4096], vp[4200], mp[4200];
    snprintf(dir, sizeof dir, "%s", path);
    char *slash = strrchr(dir, '/');
    if (slash)
        *slash = 0;
    else
        snprintf(dir, sizeof dir, ".");
    for (int side = 0; !rc && side < 2; side++) {
        const char *lang = side ? m->tgt_lang : m->src_lang;
        dm_bpe *b = side ? &m->tgt : &m->src;
        snprintf(vp, sizeof vp, "%s/vocab.%s", dir, lang);
        snprintf(mp, sizeof mp, "%s/bpe.%s", dir, lang);
        rc = dm_bpe_load(b, vp, mp, err);
        int want_n = side ? m->Vt : m->Vs;
        if (!rc && b->n != want_n)
            rc = dm_errf(err, "%s has %d symbols but the model's %s embedding has %d rows", vp, b->n,
                         side ? "target" : "source", want_n);
    }
    if (!rc) {
        dm_net *n = &m->base;
        n->fam = &dm_family_seq2seq;
        snprintf(n->arch, sizeof n->arch, "seq2seq %s->%s, enc bi-LSTM+LSTM, dec 2x%d LSTM, attention, E %d", m->src_lang,
                 m->tgt_lang, m->H, m->E);
        snprintf(n->kind, sizeof n->kind, "LSTM");
        long long p = (long long)m->Vs * m->E + (long long)m->Vt * m->E + m->Vt + 3LL * m->H * m->H;
        const dm_lm *ls[4] = {&m->encf, &m->encb, &m->enc1, &m->dec};
        for (int i = 0; i < 4; i++)
            for (int l = 0; l < ls[i]->nlayers; l++)
                p += (long long)ls[i]->layer[l].rows * (ls[i]->layer[l].ld + 2);
        if (!tied)
            p += (long long)m->Vt * m->H;
        n->params = p;
        n->file_bytes = (double)f.map_size;
        n->file_hash = dm_fnv1a(DM_FNV_INIT, f.map, f.map_size);
        const char *ds = dm_st_meta(&f, "dataset");
        snprintf(n->dataset, sizeof n->dataset, "%s", ds ? ds : "");
        n->layers = 2;
        n->hidden = m->H;
        n->nsites = 2;
        dm_lm_sites(&m->dec, n->site);
        snprintf(n->site[0].name, sizeof n->site[0].name, "dec.l0");
        snprintf(n->site[1].name, sizeof n->site[1].name, "dec.l1");
        m->dec.file_hash = n->file_hash;
        snprintf(m->dec.dataset, sizeof m->dec.dataset, "%s", n->dataset);
    }
    dm_st_close(&f);
    if (rc) {
        seq2seq_free(&m->base);
        return -1;
    }
    *out = &m->base;
    return 0;
}

/* ---- running ---- */

/* A decoder run: the encoder's outputs and finals of one sentence, and the
 * decoder's state (dense, or the dual-module decoder's). */
typedef struct s2s_run {
    const dm_s2s *m;
    dm_dual d;            /* view of the engine on the decoder (used when dual) */
    int dual, audit;
    dm_dual_state ds;     /* dual state (its st) */
    dm_lm_state st;       /* dense state */
    dm_lm_state encst[3]; /* encf, encb, enc1 */
    dm_dual_stats *stats;
    int T;                /* source positions (with </s>) */
    float *S;             /* MAX_SRC+1 x H: encoder layer-0 outputs [fwd; bwd] */
    float *O;             /* MAX_SRC+1 x H: encoder top outputs */
    float *h0[2], *c0[2]; /* the decoder's initial state per layer */
    float *q, *sc, *hc, *ht, *logits;
    /* beam: K saved states (h and c of both layers) */
    int K;
    float *bst, *bst2;
} s2s_run;

static void run_free(s2s_run *r)
{
    dm_lm_state_free(&r->st);
    if (r->dual)
        dm_dual_state_free(&r->ds);
    for (int i = 0; i < 3; i++)
        dm_lm_state_free(&r->encst[i]);
    dm_free(r->S), dm_free(r->O), dm_free(r->q), dm_free(r->sc), dm_free(r->hc), dm_free(r->ht), dm_free(r->logits);
    for (int l = 0; l < 2; l++)
        dm_free(r->h0[l]), dm_free(r->c0[l]);
    dm_free(r->bst), dm_free(r->bst2);
}

static int run_init(s2s_run *r, const dm_s2s *m, const dm_engine *e, int K, dm_err *err)
{
    memset(r, 0, sizeof *r);
    r->m = m;
    int H = m->H;
    if (dm_lm_state_init(&r->st, &m->dec, err))
        return -1;
    if (e) {
        r->dual = 1;
        dm_dual_view(&r->d, &m->dec, m->base.site, e);
        if (dm_dual_state_init(&r->ds, &r->d, err)) {
            r->dual = 0;
            run_free(r);
            return -1;
        }
    }
    const dm_lm *enc[3] = {&m->encf, &m->encb, &m->enc1};
    for (int i = 0; i < 3; i++)
        if (dm_lm_state_init(&r->encst[i], enc[i], err)) {
            run_free(r);
            return -1;
        }
    r->K = K < 1 ? 1 : K;
    size_t sz = (size_t)(MAX_SRC + 1) * H * sizeof(float);
    r->S = dm_alloc(sz), r->O = dm_alloc(sz);
    r->q = dm_alloc((size_t)H * sizeof(float));
    r->sc = dm_alloc((size_t)(MAX_SRC + 1) * sizeof(float));
    r->hc = dm_alloc((size_t)2 * H * sizeof(float));
    r->ht = dm_alloc((size_t)H * sizeof(float));
    r->logits = dm_alloc((size_t)m->Vt * sizeof(float));
    int ok = r->S && r->O && r->q && r->sc && r->hc && r->ht && r->logits;
    for (int l = 0; l < 2; l++) {
        r->h0[l] = dm_alloc((size_t)H * sizeof(float)), r->c0[l] = dm_alloc((size_t)H * sizeof(float));
        ok = ok && r->h0[l] && r->c0[l];
    }
    r->bst = dm_alloc((size_t)r->K * 4 * H * sizeof(float));
    r->bst2 = dm_alloc((size_t)r->K * 4 * H * sizeof(float));
    if (!ok || !r->bst || !r->bst2) {
        run_free(r);
        return dm_errf(err, "out of memory for a translation");
    }
    return 0;
}

/* The encoder over ids (n <= MAX_SRC) and </s>. */
static void encode(s2s_run *r, const int *ids, int n)
{
    const dm_s2s *m = r->m;
    int H = m->H, h2 = H / 2, T = n + 1;
    r->T = T;
    const dm_lm *enc[3] = {&m->encf, &m->encb, &m->enc1};
    for (int i = 0; i < 3; i++)
        dm_lm_state_reset(&r->encst[i], enc[i]);
    for (int t = 0; t < T; t++) {
        int tok = t < n ? ids[t] : DM_BPE_EOS;
        dm_lm_layer_step(&m->encf, &r->encst[0], 0, m->encf.emb + (size_t)tok * m->E);
        memcpy(r->S + (size_t)t * H, dm_lm_state_h(&r->encst[0], &m->encf, 0), (size_t)h2 * sizeof(float));
    }
    for (int t = T - 1; t >= 0; t--) {
        int tok = t < n ? ids[t] : DM_BPE_EOS;
        dm_lm_layer_step(&m->encb, &r->encst[1], 0, m->encf.emb + (size_t)tok * m->E);
        memcpy(r->S + (size_t)t * H + h2, dm_lm_state_h(&r->encst[1], &m->encb, 0), (size_t)h2 * sizeof(float));
    }
    for (int t = 0; t < T; t++) {
        dm_lm_layer_step(&m->enc1, &r->encst[2], 0, r->S + (size_t)t * H);
        memcpy(r->O + (size_t)t * H, dm_lm_state_h(&r->encst[2], &m->enc1, 0), (size_t)H * sizeof(float));
    }
    memcpy(r->h0[0], dm_lm_state_h(&r->encst[0], &m->encf, 0), (size_t)h2 * sizeof(float));
    memcpy(r->h0[0] + h2, dm_lm_state_h(&r->encst[1], &m->encb, 0), (size_t)h2 * sizeof(float));
    memcpy(r->c0[0], r->encst[0].c[0], (size_t)h2 * sizeof(float));
    memcpy(r->c0[0] + h2, r->encst[1].c[0], (size_t)h2 * sizeof(float));
    memcpy(r->h0[1], dm_lm_state_h(&r->encst[2], &m->enc1, 0), (size_t)H * sizeof(float));
    memcpy(r->c0[1], r->encst[2].c[0], (size_t)H * sizeof(float));
}

static dm_lm_state *cur(s2s_run *r) { return r->dual ? &r->ds.st : &r->st; }

/* save / load the decoder state (h, c of both layers) to slot b of buf */
static void state_save(s2s_run *r, float *buf, int b)
{
    const dm_s2s *m = r->m;
    int H = m->H;
    dm_lm_state *s = cur(r);
    float *p = buf + (size_t)b * 4 * H;
    for (int l = 0; l < 2; l++) {
        memcpy(p + (size_t)(2 * l) * H, s->xh[l] + m->dec.layer[l].in, (size_t)H * sizeof(float));
        memcpy(p + (size_t)(2 * l + 1) * H, s->c[l], (size_t)H * sizeof(float));
    }
}

static void state_load(s2s_run *r, const float *buf, int b)
{
    const dm_s2s *m = r->m;
    int H = m->H;
    dm_lm_state *s = cur(r);
    const float *p = buf + (size_t)b * 4 * H;
    for (int l = 0; l < 2; l++) {
        memcpy(s->xh[l] + m->dec.layer[l].in, p + (size_t)(2 * l) * H, (size_t)H * sizeof(float));
        memcpy(s->c[l], p + (size_t)(2 * l + 1) * H, (size_t)H * sizeof(float));
    }
}

static void state_start(s2s_run *r)
{
    const dm_s2s *m = r->m;
    dm_lm_state *s = cur(r);
    for (int l = 0; l < 2; l++) {
        memcpy(s->xh[l] + m->dec.layer[l].in, r->h0[l], (size_t)m->H * sizeof(float));
        memcpy(s->c[l], r->c0[l], (size_t)m->H * sizeof(float));
    }
}

/* One decoder step from the current state: token in, r->logits out. */
static void dec_step(s2s_run *r, int tok)
{
    const dm_s2s *m = r->m;
    int H = m->H, T = r->T;
    if (r->dual)
        dm_dual_step_rnn(&r->d, &r->ds, tok, r->audit, r->stats);
    else
        dm_lm_step_rnn(&m->dec, &r->st, tok);
    const float *h = dm_lm_state_h(cur(r), &m->dec, 1);
    memset(r->q, 0, (size_t)H * sizeof(float));
    dm_dense_gemv(H, H, m->W_a, H, h, r->q);
    memset(r->sc, 0, (size_t)T * sizeof(float));
    dm_dense_gemv(T, H, r->O, H, r->q, r->sc);
    float mx = r->sc[0];
    for (int t = 1; t < T; t++)
        mx = r->sc[t] > mx ? r->sc[t] : mx;
    double z = 0;
    for (int t = 0; t < T; t++)
        z += (r->sc[t] = expf(r->sc[t] - mx));
    float *c = r->hc;
    memset(c, 0, (size_t)H * sizeof(float));
    for (int t = 0; t < T; t++) {
        float a = (float)(r->sc[t] / z);
        const float *o = r->O + (size_t)t * H;
        for (int j = 0; j < H; j++)
            c[j] += a * o[j];
    }
    memcpy(r->hc + H, h, (size_t)H * sizeof(float));
    memset(r->ht, 0, (size_t)H * sizeof(float));
    dm_dense_gemv(H, 2 * H, m->W_c, 2 * H, r->hc, r->ht);
    for (int j = 0; j < H; j++)
        r->ht[j] = tanhf(r->ht[j]);
    memcpy(r->logits, m->dec.dec_b, (size_t)m->Vt * sizeof(float));
    dm_dense_gemv(m->Vt, H, m->dec.dec_w, H, r->ht, r->logits);
}

static int max_len(int n) { return 2 * (n + 1) + 10; }

static int greedy(s2s_run *r, int n, int *out)
{
    int L = max_len(n), k = 0, tok = DM_BPE_BOS;
    state_start(r);
    for (int i = 0; i < L; i++) {
        dec_step(r, tok);
        tok = dm_argmax(r->logits, r->m->Vt);
        if (tok == DM_BPE_EOS)
            break;
        out[k++] = tok;
    }
    return k;
}

typedef struct bhyp {
    double score;   /* sum of log-probabilities */
    int len;        /* tokens (without </s>) */
    int slot;       /* saved state */
    int *toks;
} bhyp;

static double lp(int len) { return pow((5.0 + len) / 6.0, LP_ALPHA); }

/* beam search of width K; out gets the best finished hypothesis */
static int beam(s2s_run *r, int n, int *out)
{
    const dm_s2s *m = r->m;
    int K = r->K, L = max_len(n), V = m->Vt;
    bhyp *live = calloc((size_t)K, sizeof *live), *next = calloc((size_t)K, sizeof *next);
    int *tokbuf = malloc((size_t)4 * K * (L + 1) * sizeof(int));
    double *cand_s = malloc((size_t)K * K * sizeof(double));
    int *cand_b = malloc((size_t)K * K * sizeof(int)), *cand_t = malloc((size_t)K * K * sizeof(int));
    float *lsm = malloc((size_t)V * sizeof(float));
    int *best_toks = malloc((size_t)(L + 1) * sizeof(int));
    if (!live || !next || !tokbuf || !cand_s || !cand_b || !cand_t || !lsm || !best_toks) {
        free(live), free(next), free(tokbuf), free(cand_s), free(cand_b), free(cand_t), free(lsm), free(best_toks);
        return -1;
    }
    for (int b = 0; b < K; b++) {
        live[b].toks = tokbuf + (size_t)b * (L + 1);
        next[b].toks = tokbuf + (size_t)(K + b) * (L + 1);
    }
    state_start(r);
    state_save(r, r->bst, 0);
    int nlive = 1, nfin = 0, best_len = 0;
    double best = -INFINITY;
    live[0] = (bhyp){0, 0, 0, live[0].toks};
    float *saved = r->bst, *saved2 = r->bst2;
    for (int step = 0; step < L && nlive > 0 && nfin < K; step++) {
        int nc = 0;
        for (int b = 0; b < nlive; b++) {
            state_load(r, saved, live[b].slot);
            dec_step(r, live[b].len ? live[b].toks[live[b].len - 1] : DM_BPE_BOS);
            state_save(r, saved2, b);
            /* log-softmax */
            float mx = r->logits[0];
            for (int v = 1; v < V; v++)
                mx = r->logits[v] > mx ? r->logits[v] : mx;
            double z = 0;
            for (int v = 0; v < V; v++)
                z += exp((double)r->logits[v] - mx);
            double lz = mx + log(z);
            /* the K best tokens of this beam */
            for (int k = 0; k < K; k++) {
                int bi = -1;
                for (int v = 0; v < V; v++) {
                    int taken = 0;
                    for (int j = nc - k; j < nc && !taken; j++)
                        taken = cand_t[j] == v;
                    if (!taken && (bi < 0 || r->logits[v] > r->logits[bi]))
                        bi = v;
                }
                cand_s[nc] = live[b].score + (double)r->logits[bi] - lz;
                cand_b[nc] = b;
                cand_t[nc] = bi;
                nc++;
            }
        }
        /* the K best candidates overall (selection by repeated max; K is small) */
        int nn = 0;
        for (int k = 0; k < K && nn < K; k++) {
            int bi = -1;
            for (int j = 0; j < nc; j++)
                if (cand_b[j] >= 0 && (bi < 0 || cand_s[j] > cand_s[bi]))
                    bi = j;
            if (bi < 0)
                break;
            const bhyp *p = &live[cand_b[bi]];
            if (cand_t[bi] == DM_BPE_EOS) {
                double s = cand_s[bi] / lp(p->len + 1);
                if (s > best) {
                    best = s;
                    best_len = p->len;
                    memcpy(best_toks, p->toks, (size_t)p->len * sizeof(int));
                }
                nfin++;
            } else {
                bhyp *h = &next[nn];
                memcpy(h->toks, p->toks, (size_t)p->len * sizeof(int));
                h->toks[p->len] = cand_t[bi];
                h->len = p->len + 1;
                h->score = cand_s[bi];
                h->slot = cand_b[bi];
                nn++;
            }
            cand_b[bi] = -1;
        }
        /* next's states are in saved2 at their parents' slots: make them the current saved ones */
        for (int b = 0; b < nn; b++) {
            bhyp t = live[b];
            live[b] = next[b];
            next[b] = t;
        }
        nlive = nn;
        float *sw = saved;
        saved = saved2;
        saved2 = sw;
    }
    if (nfin == 0) /* length limit: the best live hypothesis */
        for (int b = 0; b < nlive; b++) {
            double s = live[b].score / lp(live[b].len + 1);
            if (s > best) {
                best = s;
                best_len = live[b].len;
                memcpy(best_toks, live[b].toks, (size_t)live[b].len * sizeof(int));
            }
        }
    memcpy(out, best_toks, (size_t)best_len * sizeof(int));
    free(live), free(next), free(tokbuf), free(cand_s), free(cand_b), free(cand_t), free(lsm), free(best_toks);
    return best_len;
}

static int decode(s2s_run *r, int n, int *out)
{
    return r->K > 1 ? beam(r, n, out) : greedy(r, n, out);
}

int dm_s2s_translate(const dm_s2s *m, const dm_engine *e, const char *text, int K, char *out, size_t cap,
                     dm_err *err)
{
    s2s_run r;
    if (run_init(&r, m, e, K, err))
        return -1;
    int *src = malloc(MAX_SRC * sizeof(int)), *hyp = malloc((size_t)(max_len(MAX_SRC) + 1) * sizeof(int));
    int rc = src && hyp ? 0 : dm_errf(err, "out of memory");
    int n = rc ? 0 : dm_bpe_encode(&m->src, text, src, MAX_SRC, NULL);
    if (n < 0)
        rc = dm_errf(err, "out of memory");
    if (n > MAX_SRC)
        n = MAX_SRC;
    int k = 0;
    if (!rc) {
        encode(&r, src, n);
        k = decode(&r, n, hyp);
        if (k < 0)
            rc = dm_errf(err, "out of memory");
        else
            dm_bpe_decode(&m->tgt, hyp, k, out, cap);
    }
    free(src), free(hyp);
    run_free(&r);
    return rc ? -1 : k;
}

/* ---- data ---- */

static void data_free(dm_s2s_data *d)
{
    for (int i = 0; i < d->n; i++) {
        free(d->src[i]);
        free(d->srctext[i]);
        if (d->ref)
            free(d->ref[i]);
    }
    free(d->src), free(d->srclen), free(d->srctext), free(d->ref);
    free(d);
}

static void seq2seq_close(dm_data *d)
{
    if (d)
        data_free((dm_s2s_data *)d);
}

/* lines of a file (at most limit; 0: all), without their newlines; a line is at most DM_MAX_LINE bytes */
static int read_lines(const char *path, long limit, char ***out, int *n, dm_err *err)
{
    if (dm_check_input_file(path, "data", err))
        return -1;
    FILE *f = fopen(path, "r");
    if (!f)
        return dm_errf(err, "%s: cannot open: %s", path, strerror(errno));
    char **v = NULL, *line = NULL;
    size_t cap = 0, lcap = 0;
    int k = 0, rc = 0, why = DM_LINE_EOF;
    long len;
    while ((limit <= 0 || k < limit) && (len = dm_read_line(f, &line, &lcap, DM_MAX_LINE, &why)) >= 0) {
        while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
            line[--len] = 0;
        if (memchr(line, 0, (size_t)len)) {
            rc = dm_errf(err, "%s:%d: a NUL byte; expected text", path, k + 1);
            break;
        }
        if ((size_t)k == cap) {
            size_t nc = cap ? 2 * cap : 1024;
            char **nv = realloc(v, nc * sizeof *nv);
            if (!nv) {
                rc = dm_errf(err, "out of memory");
                break;
            }
            v = nv, cap = nc;
        }
        if (!(v[k] = strdup(line))) {
            rc = dm_errf(err, "out of memory");
            break;
        }
        k++;
    }
    if (!rc && why == DM_LINE_TOO_LONG)
        rc = dm_errf(err, "%s:%d: a line longer than %ld bytes; expected one sentence a line", path, k + 1,
                     DM_MAX_LINE);
    else if (!rc && why == DM_LINE_NOMEM)
        rc = dm_errf(err, "%s:%d: out of memory", path, k + 1);
    else if (!rc && why == DM_LINE_ERROR)
        rc = dm_errf(err, "%s: read error: %s", path, strerror(errno));
    free(line);
    fclose(f);
    if (rc) {
        for (int i = 0; i < k; i++)
            free(v[i]);
        free(v);
        return -1;
    }
    *out = v;
    *n = k;
    return 0;
}

/* A split file ("# dualmod parallel split" + "source FILE" / "target FILE",
 * relative to its folder), or a source text file whose reference is the same
 * name with the target language's extension. */
static int split_paths(const char *path, const char *tgt_lang, char *src, char *ref, size_t cap, dm_err *err)
{
    if (dm_check_input_file(path, "data", err))
        return -1;
    FILE *f = fopen(path, "r");
    if (!f)
        return dm_errf(err, "%s: cannot open: %s", path, strerror(errno));
    char line[4200];
    int is_split = fgets(line, sizeof line, f) && strncmp(line, "# dualmod parallel split", 24) == 0;
    char dir[4096];
    snprintf(dir, sizeof dir, "%s", path);
    char *sl = strrchr(dir, '/');
    if (sl)
        *sl = 0;
    else
        snprintf(dir, sizeof dir, ".");
    src[0] = ref[0] = 0;
    if (is_split) {
        while (fgets(line, sizeof line, f)) {
            line[strcspn(line, "\r\n")] = 0;
            char *v = strchr(line, ' ');
            if (line[0] == '#' || !v)
                continue;
            *v++ = 0;
            char *dst = strcmp(line, "source") == 0 ? src : strcmp(line, "target") == 0 ? ref : NULL;
            if (dst)
                snprintf(dst, cap, "%s%s%s", v[0] == '/' ? "" : dir, v[0] == '/' ? "" : "/", v);
        }
        fclose(f);
        if (!src[0])
            return dm_errf(err, "%s: a parallel split without a 'source FILE' line", path);
        return 0;
    }
    fclose(f);
    snprintf(src, cap, "%s", path);
    snprintf(ref, cap, "%s", path);
    char *dot = strrchr(ref, '.'), *slash = strrchr(ref, '/');
    if (dot && (!slash || dot > slash))
        *dot = 0;
    size_t l = strlen(ref);
    snprintf(ref + l, cap - l, ".%s", tgt_lang);
    if (strcmp(ref, src) == 0 || access(ref, R_OK) != 0)
        return dm_errf(err, "%s: no reference translation beside it (looked for %s); give a parallel split file "
                       "('# dualmod parallel split', 'source FILE', 'target FILE')", path, ref);
    return 0;
}

static int seq2seq_open(const dm_net *n, const char *path, long limit, dm_data **out, dm_err *err)
{
    const dm_s2s *m = (const dm_s2s *)n;
    *out = NULL;
    char src[4200], ref[4200];
    if (split_paths(path, m->tgt_lang, src, ref, sizeof src, err))
        return -1;
    dm_s2s_data *d = calloc(1, sizeof *d);
    if (!d)
        return dm_errf(err, "out of memory");
    int nr = 0;
    if (read_lines(src, limit, &d->srctext, &d->n, err)) {
        free(d);
        return -1;
    }
    int rc = 0;
    if (ref[0]) {
        if (read_lines(ref, limit, &d->ref, &nr, err))
            rc = -1;
        else if (nr != d->n)
            rc = dm_errf(err, "%s has %d line(s) but its reference %s has %d%s", src, d->n, ref, nr,
                         limit > 0 ? " (within the limit)" : "");
    }
    if (!rc && d->n == 0)
        rc = dm_errf(err, "%s: no sentences to translate", src);
    if (!rc) {
        d->src = calloc((size_t)d->n, sizeof *d->src);
        d->srclen = calloc((size_t)d->n, sizeof *d->srclen);
        if (!d->src || !d->srclen)
            rc = dm_errf(err, "out of memory");
    }
    uint64_t h = DM_FNV_INIT;
    int *buf = malloc(MAX_SRC * sizeof(int));
    if (!rc && !buf)
        rc = dm_errf(err, "out of memory");
    for (int i = 0; !rc && i < d->n; i++) {
        int k = dm_bpe_encode(&m->src, d->srctext[i], buf, MAX_SRC, &d->src_unk);
        if (k < 0) {
            rc = dm_errf(err, "out of memory");
            break;
        }
        if (k > MAX_SRC)
            k = MAX_SRC;
        d->srclen[i] = k;
        d->src_tokens += k;
        if (!(d->src[i] = malloc((size_t)(k ? k : 1) * sizeof(int)))) {
            rc = dm_errf(err, "out of memory");
            break;
        }
        memcpy(d->src[i], buf, (size_t)k * sizeof(int));
        h = dm_fnv1a(h, d->srctext[i], strlen(d->srctext[i]) + 1);
        if (d->ref)
            h = dm_fnv1a(h, d->ref[i], strlen(d->ref[i]) + 1);
    }
    free(buf);
    if (rc) {
        for (int i = 0; i < d->n; i++) {
            free(d->srctext[i]);
            if (d->src)
                free(d->src[i]);
        }
        for (int i = 0; d->ref && i < nr; i++)
            free(d->ref[i]);
        free(d->srctext), free(d->ref), free(d->src), free(d->srclen), free(d);
        return -1;
    }
    d->base.fam = &dm_family_seq2seq;
    d->base.items = d->base.scored = d->n;
    d->base.hash = h;
    *out = &d->base;
    return 0;
}

/* ---- fitting: teacher forcing over the first training pairs ---- */

typedef struct fit_job {
    const dm_s2s *m;
    const dm_s2s_data *d;
    long n_fit; /* target tokens */
} fit_job;

#define FIT_ROWS 1024

static int fit_collect(dm_fitdata *fd, void *ud, dm_err *err)
{
    fit_job *j = ud;
    const dm_s2s *m = j->m;
    const dm_lm *dec = &m->dec;
    int H = m->H;
    s2s_run r;
    if (run_init(&r, m, NULL, 1, err))
        return -1;
    float *UB[2] = {dm_alloc((size_t)FIT_ROWS * dec->layer[0].ld * sizeof(float)),
                    dm_alloc((size_t)FIT_ROWS * dec->layer[1].ld * sizeof(float))};
    int *tgt = malloc((size_t)(MAX_SRC + 2) * sizeof(int));
    int rc = UB[0] && UB[1] && tgt ? 0 : dm_errf(err, "out of memory for fitting");
    long total = 0;
    /* count the steps first, so the calibration inputs are spread over all of them */
    for (int i = 0; !rc && i < j->d->n && total < j->n_fit; i++)
        total += dm_bpe_encode(&m->tgt, j->d->ref[i], tgt, 0, NULL) + 1;
    long stride = fd->ncal > 0 && total / fd->ncal > 1 ? total / fd->ncal : 1;
    long sample = 0, ncal = 0;
    int fill = 0;
    for (int i = 0; !rc && i < j->d->n && sample < total; i++) {
        int k = dm_bpe_encode(&m->tgt, j->d->ref[i], tgt + 1, MAX_SRC, NULL);
        if (k < 0) {
            rc = dm_errf(err, "out of memory");
            break;
        }
        if (k > MAX_SRC)
            k = MAX_SRC;
        tgt[0] = DM_BPE_BOS;
        encode(&r, j->d->src[i], j->d->srclen[i]);
        state_start(&r);
        for (int t = 0; t <= k && !rc; t++) { /* inputs <s> y_1 .. y_k */
            const float *x = dec->emb + (size_t)tgt[t] * m->E;
            for (int l = 0; l < 2; l++) {
                const dm_rnn_layer *L = &dec->layer[l];
                float *u = UB[l] + (size_t)fill * L->ld;
                memcpy(u, x, (size_t)L->in * sizeof(float));
                memcpy(u + L->in, r.st.xh[l] + L->in, (size_t)H * sizeof(float));
                if (sample % stride == 0 && ncal < fd->ncal)
                    memcpy(fd->cal_u[l] + (size_t)ncal * L->ld, u, (size_t)L->ld * sizeof(float));
                dm_lm_layer_step(dec, &r.st, l, x);
                x = r.st.xh[l] + L->in;
            }
            if (sample % stride == 0 && ncal < fd->ncal)
                ncal++;
            sample++;
            if (++fill == FIT_ROWS) {
                for (int l = 0; l < 2 && !rc; l++)
                    rc = dm_moments_add_inputs(&fd->mom[l], UB[l], (size_t)dec->layer[l].ld, fill, err);
                fill = 0;
            }
        }
        if (!rc)
            rc = dm_fit_tick(fd, sample < total ? sample : total, total, err);
    }
    for (int l = 0; l < 2 && !rc && fill; l++)
        rc = dm_moments_add_inputs(&fd->mom[l], UB[l], (size_t)dec->layer[l].ld, fill, err);
    for (int l = 0; l < 2 && !rc; l++)
        rc = dm_lm_moments_linear(&fd->mom[l], dec, l, err);
    if (!rc && ncal < fd->ncal)
        fd->ncal = (int)ncal;
    dm_free(UB[0]), dm_free(UB[1]);
    free(tgt);
    run_free(&r);
    return rc;
}

static int seq2seq_fit(const dm_net *n, const dm_data *train, long n_fit, int ncal, dm_fitdata *fd,
                       const dm_fit_progress *prog, dm_err *err)
{
    const dm_s2s *m = (const dm_s2s *)n;
    const dm_s2s_data *d = (const dm_s2s_data *)train;
    memset(fd, 0, sizeof *fd);
    if (!d->ref)
        return dm_errf(err, "fitting needs the training split's target side");
    if (n_fit < 16)
        return dm_errf(err, "fitting needs at least 16 target tokens (got %ld)", n_fit);
    fit_job j = {m, d, n_fit};
    uint64_t dh = dm_fnv1a(d->base.hash, "teacher-forcing v1", 18);
    return dm_fitdata_cached(fd, n->site, n->nsites, n->file_hash, dh, n_fit, ncal, fit_collect, &j, prog, NULL, err);
}

/* ---- quality ---- */

static void put_bleu(dm_eval_result *r, const dm_bleu_acc *a, long n, long toks, double secs)
{
    r->metric = DM_METRIC_BLEU;
    double se;
    dm_bleu_result_smooth(a, DM_BLEU_SMOOTH_EXP, &r->value, &se);
    r->se = 0;
    r->items = n;
    r->predictions = toks;
    r->seconds = secs;
    r->items_per_s = secs > 0 ? (double)n / secs : 0;
}

/* One sentence's results: the hypotheses' texts and counts, kept so that the
 * corpus figures and the hypothesis file come out in data order whatever
 * worker translated it. */
typedef struct sent_res {
    char *hd, *hq;      /* detokenized dense / dual translations */
    int kd, kq, same;
    int done;           /* set under the shared lock once the rest is written */
} sent_res;

typedef struct ev_shared {
    const dm_s2s *m;
    const dm_engine *e;
    const dm_s2s_data *d;
    const dm_eval_opts *o;
    int K, audit;
    sent_res *res;
    pthread_mutex_t mu;
    int next;           /* the next sentence to take */
    int failed;
    dm_err err;
} ev_shared;

typedef struct ev_worker {
    ev_shared *sh;
    dm_dual_stats stats;
    int rc;
} ev_worker;

static void *ev_work(void *arg)
{
    ev_worker *w = arg;
    ev_shared *sh = w->sh;
    const dm_s2s *m = sh->m;
    s2s_run rd, rq;
    dm_err err;
    if (run_init(&rd, m, NULL, sh->K, &err)) {
        w->rc = -1;
    } else if (sh->e && run_init(&rq, m, sh->e, sh->K, &err)) {
        run_free(&rd);
        w->rc = -1;
    }
    if (w->rc) {
        pthread_mutex_lock(&sh->mu);
        if (!sh->failed)
            sh->err = err;
        sh->failed = 1;
        pthread_mutex_unlock(&sh->mu);
        return NULL;
    }
    if (sh->e) {
        rq.stats = &w->stats;
        rq.audit = sh->audit;
    }
    int L = max_len(MAX_SRC) + 1;
    int *hd = malloc((size_t)L * sizeof(int)), *hq = malloc((size_t)L * sizeof(int));
    size_t cap = 1 << 16;
    char *td = malloc(cap), *tq = malloc(cap);
    int rc = hd && hq && td && tq ? 0 : -1;
    while (!rc) {
        pthread_mutex_lock(&sh->mu);
        int i = sh->failed || (sh->o->cancel && *sh->o->cancel) ? sh->d->n : sh->next++;
        pthread_mutex_unlock(&sh->mu);
        if (i >= sh->d->n)
            break;
        const dm_s2s_data *d = sh->d;
        encode(&rd, d->src[i], d->srclen[i]);
        int kd = decode(&rd, d->srclen[i], hd), kq = kd;
        if (kd < 0) {
            rc = -1;
            break;
        }
        if (sh->e) {
            encode(&rq, d->src[i], d->srclen[i]);
            if ((kq = decode(&rq, d->srclen[i], hq)) < 0) {
                rc = -1;
                break;
            }
        } else {
            memcpy(hq, hd, (size_t)kd * sizeof(int));
        }
        sent_res *r = &sh->res[i];
        r->kd = kd, r->kq = kq;
        r->same = kd == kq && memcmp(hd, hq, (size_t)kd * sizeof(int)) == 0;
        size_t ld = dm_bpe_decode(&m->tgt, hd, kd, td, cap), lq = dm_bpe_decode(&m->tgt, hq, kq, tq, cap);
        (void)ld, (void)lq;
        r->hd = strdup(td);
        r->hq = strdup(tq);
        if (!r->hd || !r->hq) {
            rc = -1;
            break;
        }
        pthread_mutex_lock(&sh->mu);
        r->done = 1;
        pthread_mutex_unlock(&sh->mu);
    }
    if (rc) {
        pthread_mutex_lock(&sh->mu);
        if (!sh->failed)
            dm_errf(&sh->err, "out of memory translating");
        sh->failed = 1;
        pthread_mutex_unlock(&sh->mu);
    }
    free(hd), free(hq), free(td), free(tq);
    run_free(&rd);
    if (sh->e)
        run_free(&rq);
    w->rc = rc;
    return NULL;
}

/* The corpus figures over the sentences done (all when upto == n) */
static int ev_score(const ev_shared *sh, int upto, int only_done, dm_dual_result *res, double secs, int final)
{
    const dm_s2s_data *d = sh->d;
    dm_bleu_acc bd = {0}, bq = {0};
    dm_chrf_acc cd = {0}, cq = {0};
    long same = 0, td = 0, tq = 0, n = 0;
    for (int i = 0; i < upto; i++) {
        const sent_res *r = &sh->res[i];
        if (!r->done) {
            if (only_done)
                continue;
            break;
        }
        if (dm_bleu_add_13a(&bd, r->hd, d->ref[i]) || dm_bleu_add_13a(&bq, r->hq, d->ref[i]))
            return -1;
        if (final && (dm_chrf_add(&cd, r->hd, d->ref[i]) || dm_chrf_add(&cq, r->hq, d->ref[i])))
            return -1;
        same += r->same, td += r->kd + 1, tq += r->kq + 1, n++;
    }
    put_bleu(&res->dense, &bd, n, td, secs);
    put_bleu(&res->dual, &bq, n, tq, secs);
    res->top1_agree = n ? (double)same / n : 0;
    res->kld = NAN;
    res->delta_se = NAN; /* corpus BLEU: no per-sentence differences to pair */
    if (final) {
        res->chrf[0] = dm_chrf_result(&cd);
        res->chrf[1] = dm_chrf_result(&cq);
        res->len_ratio[0] = bd.ref_len > 0 ? bd.hyp_len / bd.ref_len : 0;
        res->len_ratio[1] = bq.ref_len > 0 ? bq.hyp_len / bq.ref_len : 0;
    }
    return 0;
}

/* Every sentence translated at batch 1, dense and dual from the same source,
 * by o->threads workers (sentences taken in turn; each worker owns its
 * states), scored in data order. */
static int seq2seq_eval(const dm_net *n, const dm_engine *e, const dm_data *data, const dm_eval_opts *o, int audit,
                        dm_dual_result *res, dm_err *err)
{
    const dm_s2s *m = (const dm_s2s *)n;
    const dm_s2s_data *d = (const dm_s2s_data *)data;
    dm_eval_opts def = {0};
    if (!o)
        o = &def;
    memset(res, 0, sizeof *res);
    if (!d->ref)
        return dm_errf(err, "BLEU needs reference translations");
    ev_shared sh = {.m = m, .e = e, .d = d, .o = o, .K = o->beam > 1 ? o->beam : 1, .audit = audit};
    sh.res = calloc((size_t)d->n, sizeof *sh.res);
    int nw = o->threads > 1 ? (o->threads < 16 ? o->threads : 16) : 1;
    if (nw > d->n)
        nw = d->n;
    ev_worker *w = calloc((size_t)nw, sizeof *w);
    pthread_t *tid = calloc((size_t)nw, sizeof *tid);
    if (!sh.res || !w || !tid) {
        free(sh.res), free(w), free(tid);
        return dm_errf(err, "out of memory");
    }
    pthread_mutex_init(&sh.mu, NULL);
    /* the workers are the parallelism: OpenBLAS called from several threads at once runs single-threaded
     * (its own threads would oversubscribe the cores, and its parallel path is not made for concurrent
     * callers) */
    int blas_threads = dm_blas_threads();
    if (nw > 1)
        dm_blas_set_threads(1);
    int started = 0;
    for (int i = 0; i < nw; i++) {
        w[i].sh = &sh;
        if (pthread_create(&tid[i], NULL, ev_work, &w[i]))
            break;
        started++;
    }
    double t0 = dm_now(), every = o->progress_every_s > 0 ? o->progress_every_s : 0.2;
    int rc = started ? 0 : dm_errf(err, "cannot start a worker thread");
    if (started && o->progress) {
        for (;;) {
            struct timespec ts = {0, 20 * 1000 * 1000};
            double next = dm_now() + every;
            while (dm_now() < next) {
                nanosleep(&ts, NULL);
                pthread_mutex_lock(&sh.mu);
                int busy = sh.next < d->n && !sh.failed && !(o->cancel && *o->cancel);
                pthread_mutex_unlock(&sh.mu);
                if (!busy)
                    break;
            }
            pthread_mutex_lock(&sh.mu);
            int busy = sh.next < d->n && !sh.failed && !(o->cancel && *o->cancel);
            int upto = sh.next;
            pthread_mutex_unlock(&sh.mu);
            if (!busy)
                break;
            dm_dual_result *part = calloc(1, sizeof *part);
            pthread_mutex_lock(&sh.mu); /* the workers publish a sentence under the lock */
            int ok = part && ev_score(&sh, upto, 1, part, dm_now() - t0, 0) == 0;
            pthread_mutex_unlock(&sh.mu);
            if (ok)
                o->progress(&part->dual, d->n, o->progress_ud);
            free(part);
        }
    }
    for (int i = 0; i < started; i++) {
        pthread_join(tid[i], NULL);
        dm_stats_merge(&res->stats, &w[i].stats);
    }
    if (nw > 1)
        dm_blas_set_threads(blas_threads);
    if (!rc && sh.failed)
        rc = dm_errf(err, "%s", sh.err.msg);
    int cancelled = o->cancel && *o->cancel;
    /* the figures cover the sentences done in a row from the first */
    int upto = 0;
    while (upto < d->n && sh.res[upto].done)
        upto++;
    if (!rc && ev_score(&sh, upto, 0, res, dm_now() - t0, 1))
        rc = dm_errf(err, "out of memory scoring");
    if (!rc && (cancelled || upto < d->n))
        res->dense.cancelled = res->dual.cancelled = 1;
    if (!rc && o->hyp_out)
        for (int i = 0; i < upto; i++) {
            fputs(e ? sh.res[i].hq : sh.res[i].hd, o->hyp_out);
            fputc('\n', o->hyp_out);
        }
    for (int i = 0; i < d->n; i++)
        free(sh.res[i].hd), free(sh.res[i].hq);
    pthread_mutex_destroy(&sh.mu);
    free(sh.res), free(w), free(tid);
    return rc;
}

/* ---- timing ---- */

static int seq2seq_bench(const dm_net *n, const dm_engine *e, int steps, int cold, dm_dual_bench *b, dm_err *err)
{
    const dm_s2s *m = (const dm_s2s *)n;
    dm_dual d;
    dm_dual_view(&d, &m->dec, n->site, e);
    return dm_bench_dual(&d, steps, cold, b, err);
}

const dm_family dm_family_seq2seq = {
    .name = "seq2seq",
    .metric = "BLEU",
    .item = "sentence",
    .fit_item = "target token",
    .fit_items = 60000, /* target tokens */
    .cal_items = 4000,
    .probe = seq2seq_probe,
    .load = seq2seq_load,
    .free = seq2seq_free,
    .open = seq2seq_open,
    .close = seq2seq_close,
    .fit = seq2seq_fit,
    .eval = seq2seq_eval,
    .bench = seq2seq_bench,
};
