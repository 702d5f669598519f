/* lm.c - see lm.h.
 *
 * Accepted tensors (PyTorch word_language_model names):
 *   encoder.weight            [ntoken, emsize]
 *   rnn.weight_ih_l{k}        [gates*nhid, k ? nhid : emsize]
 *   rnn.weight_hh_l{k}        [gates*nhid, nhid]
 *   rnn.bias_ih_l{k}, rnn.bias_hh_l{k}   [gates*nhid]
 *   decoder.weight            [ntoken, nhid]   (absent or equal to encoder.weight: tied)
 *   decoder.bias              [ntoken]
 * The architecture comes from these shapes; __metadata__ keys rnn_type,
 * ntoken, emsize, nhid, nlayers and tied, when present, must agree. */
#define _POSIX_C_SOURCE 200809L
#include "lm.h"
#include "cell.h"

#include <cblas.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "safetensors.h"
#include "kernels.h" /* dm_dense_gemv: the tuned dense GEMV (OpenBLAS unless the tuner chose ours) */

const char *dm_cell_name(dm_cell c) { return c == DM_CELL_LSTM ? "LSTM" : "GRU"; }


void dm_lm_free(dm_lm *m)
{
    if (m->dec_w != m->emb)
        dm_free(m->dec_w);
    dm_free(m->emb);
    dm_free(m->dec_b);
    for (int l = 0; l < m->nlayers && l < DM_LM_MAX_LAYERS; l++) {
        dm_free(m->layer[l].w);
        dm_free(m->layer[l].b_ih);
        dm_free(m->layer[l].b_hh);
        dm_free(m->layer[l].b_sum);
    }
    free(m->path);
    memset(m, 0, sizeof *m);
}

static int alloc_layers(dm_lm *m, dm_err *err)
{
    for (int l = 0; l < m->nlayers; l++) {
        dm_rnn_layer *L = &m->layer[l];
        L->in = l ? m->nhid : m->emsize;
        L->hid = m->nhid;
        L->rows = m->gates * m->nhid;
        L->ld = L->in + L->hid;
        L->w = dm_alloc((size_t)L->rows * (size_t)L->ld * sizeof(float));
        L->b_ih = dm_alloc((size_t)L->rows * sizeof(float));
        L->b_hh = dm_alloc((size_t)L->rows * sizeof(float));
        L->b_sum = dm_alloc((size_t)L->rows * sizeof(float));
        if (!L->w || !L->b_ih || !L->b_hh || !L->b_sum)
            return dm_errf(err, "out of memory for layer %d (%d x %d floats)", l, L->rows, L->ld);
    }
    m->emb = dm_alloc((size_t)m->ntoken * (size_t)m->emsize * sizeof(float));
    m->dec_b = dm_alloc((size_t)m->ntoken * sizeof(float));
    if (!m->emb || !m->dec_b)
        return dm_errf(err, "out of memory for the %d x %d embedding", m->ntoken, m->emsize);
    if (m->tied) {
        m->dec_w = m->emb;
    } else if (!(m->dec_w = dm_alloc((size_t)m->ntoken * (size_t)m->nhid * sizeof(float)))) {
        return dm_errf(err, "out of memory for the %d x %d decoder", m->ntoken, m->nhid);
    }
    return 0;
}

static void finish_layers(dm_lm *m)
{
    long long n = (long long)m->ntoken * m->emsize + m->ntoken;
    if (!m->tied)
        n += (long long)m->ntoken * m->nhid;
    for (int l = 0; l < m->nlayers; l++) {
        dm_rnn_layer *L = &m->layer[l];
        for (int r = 0; r < L->rows; r++)
            L->b_sum[r] = L->b_ih[r] + L->b_hh[r];
        n += (long long)L->rows * L->ld + 2LL * L->rows;
    }
    m->nparams = n;
}

/* ---- loading ---- */

typedef struct loader {
    const char *path;
    dm_st_file *f;
    unsigned char *used; /* per tensor */
} loader;

static const dm_st_tensor *need(loader *ld, const char *name, int ndim, const int64_t *shape,
                                dm_err *err)
{
    const dm_st_tensor *t = dm_st_find(ld->f, name);
    if (!t) {
        dm_errf(err, "%s: missing tensor '%s'", ld->path, name);
        return NULL;
    }
    ld->used[t - ld->f->tensors] = 1;
    int ok = t->ndim == ndim;
    for (int i = 0; ok && i < ndim; i++)
        ok = t->shape[i] == shape[i];
    if (!ok) {
        char got[128] = "", want[128] = "";
        size_t a = 0, b = 0;
        for (int i = 0; i < t->ndim && a < sizeof got - 24; i++)
            a += (size_t)snprintf(got + a, sizeof got - a, "%s%lld", i ? ", " : "", (long long)t->shape[i]);
        for (int i = 0; i < ndim && b < sizeof want - 24; i++)
            b += (size_t)snprintf(want + b, sizeof want - b, "%s%lld", i ? ", " : "", (long long)shape[i]);
        dm_errf(err, "%s: tensor '%s' has shape [%s], expected [%s] for this architecture", ld->path,
                name, got, want);
        return NULL;
    }
    if (t->dtype != DM_DT_F32 && t->dtype != DM_DT_F16 && t->dtype != DM_DT_BF16 &&
        t->dtype != DM_DT_F64) {
        dm_errf(err, "%s: tensor '%s' has dtype %s; model weights must be F32, F16, BF16 or F64",
                ld->path, name, dm_dtype_name(t->dtype));
        return NULL;
    }
    return t;
}

static int load_into(loader *ld, const char *name, int ndim, const int64_t *shape, float *dst,
                     dm_err *err)
{
    const dm_st_tensor *t = need(ld, name, ndim, shape, err);
    if (!t)
        return -1;
    if (dm_st_to_f32(t, dst, err))
        return dm_err_prefix(err, "%s", ld->path);
    /* a NaN or Inf weight (or a shifted header that reads other bytes as
     * floats) would make every figure non-finite: refuse it here, naming it */
    for (int64_t i = 0; i < t->numel; i++)
        if (!isfinite(dst[i]))
            return dm_errf(err, "%s: tensor '%s' element %lld is %s; model weights must be finite numbers",
                           ld->path, name, (long long)i, isnan(dst[i]) ? "NaN" : "infinite");
    return 0;
}

static int parse_meta_int(const char *path, const char *key, const char *val, long *out, dm_err *err)
{
    char *end;
    errno = 0;
    long v = strtol(val, &end, 10);
    if (errno || end == val || *end || v < 0 || v > (1L << 30))
        return dm_errf(err, "%s: metadata '%s' = '%s' is not a non-negative integer", path, key, val);
    *out = v;
    return 0;
}

static int check_meta(const char *path, const dm_st_file *f, const dm_lm *m, dm_err *err)
{
    const char *v;
    if ((v = dm_st_meta(f, "rnn_type"))) {
        int lstm = strcmp(v, "LSTM") == 0, gru = strcmp(v, "GRU") == 0;
        if (!lstm && !gru)
            return dm_errf(err, "%s: metadata rnn_type = '%s' (expected LSTM or GRU)", path, v);
        if ((lstm ? DM_CELL_LSTM : DM_CELL_GRU) != m->cell)
            return dm_errf(err,
                           "%s: metadata says rnn_type %s but the weights have %d gate blocks "
                           "(%s)",
                           path, v, m->gates, dm_cell_name(m->cell));
    }
    static const char *const keys[] = {"ntoken", "emsize", "nhid", "nlayers"};
    const long have[] = {m->ntoken, m->emsize, m->nhid, m->nlayers};
    for (int i = 0; i < 4; i++) {
        if (!(v = dm_st_meta(f, keys[i])))
            continue;
        long x = -1;
        if (parse_meta_int(path, keys[i], v, &x, err))
            return -1;
        if (x != have[i])
            return dm_errf(err, "%s: metadata says %s = %ld but the tensor shapes give %ld", path,
                           keys[i], x, have[i]);
    }
    if ((v = dm_st_meta(f, "tied"))) {
        int t = strcmp(v, "true") == 0 ? 1 : strcmp(v, "false") == 0 ? 0 : -1;
        if (t < 0)
            return dm_errf(err, "%s: metadata tied = '%s' (expected true or false)", path, v);
        if (t != m->tied)
            return dm_errf(err, "%s: metadata says tied = %s but decoder.weight %s", path, v,
                           m->tied ? "is absent or equal to encoder.weight" : "differs from encoder.weight");
    }
    return 0;
}

static int hash_file(const dm_st_file *f, dm_lm *m)
{
    m->file_hash = dm_fnv1a(DM_FNV_INIT, f->map, f->map_size);
    m->file_bytes = f->map_size;
    return 0;
}

int dm_lm_load(dm_lm *m, const char *path, dm_err *err)
{
    memset(m, 0, sizeof *m);
    dm_st_file f;
    if (dm_st_open(&f, path, err))
        return -1;
    loader ld = {path, &f, calloc((size_t)f.ntensors + 1, 1)};
    int rc = -1;
    char name[96];
    if (!ld.used) {
        dm_errf(err, "%s: out of memory", path);
        goto out;
    }
    const dm_st_tensor *enc = dm_st_find(&f, "encoder.weight");
    if (!enc || enc->ndim != 2) {
        dm_errf(err,
                "%s: %s; this does not look like a word_language_model LM "
                "(expected encoder.weight [ntoken, emsize], rnn.weight_ih_l0, ..., decoder.bias)",
                path, enc ? "encoder.weight is not 2-D" : "no tensor 'encoder.weight'");
        goto out;
    }
    m->ntoken = (int)enc->shape[0];
    m->emsize = (int)enc->shape[1];
    if (enc->shape[0] < 1 || enc->shape[0] > (1 << 26) || enc->shape[1] < 1 || enc->shape[1] > (1 << 16)) {
        dm_errf(err, "%s: encoder.weight shape [%lld, %lld] is out of range", path,
                (long long)enc->shape[0], (long long)enc->shape[1]);
        goto out;
    }
    while (m->nlayers < DM_LM_MAX_LAYERS + 1) {
        snprintf(name, sizeof name, "rnn.weight_ih_l%d", m->nlayers);
        if (!dm_st_find(&f, name))
            break;
        m->nlayers++;
    }
    if (m->nlayers == 0) {
        dm_errf(err, "%s: no recurrent layer (missing tensor 'rnn.weight_ih_l0')", path);
        goto out;
    }
    if (m->nlayers > DM_LM_MAX_LAYERS) {
        dm_errf(err, "%s: more than %d recurrent layers", path, DM_LM_MAX_LAYERS);
        goto out;
    }
    const dm_st_tensor *hh0 = dm_st_find(&f, "rnn.weight_hh_l0");
    if (!hh0 || hh0->ndim != 2 || hh0->shape[1] < 1 || hh0->shape[1] > (1 << 16)) {
        dm_errf(err, "%s: %s (expected [gates*nhid, nhid])", path,
                hh0 ? "rnn.weight_hh_l0 is not a 2-D [gates*nhid, nhid] tensor"
                    : "missing tensor 'rnn.weight_hh_l0'");
        goto out;
    }
    m->nhid = (int)hh0->shape[1];
    if (hh0->shape[0] == 4LL * m->nhid) {
        m->cell = DM_CELL_LSTM;
        m->gates = 4;
    } else if (hh0->shape[0] == 3LL * m->nhid) {
        m->cell = DM_CELL_GRU;
        m->gates = 3;
    } else {
        dm_errf(err,
                "%s: rnn.weight_hh_l0 has %lld rows for hidden size %d: not 4x (LSTM) or 3x "
                "(GRU) the hidden size",
                path, (long long)hh0->shape[0], m->nhid);
        goto out;
    }
    const dm_st_tensor *dec = dm_st_find(&f, "decoder.weight");
    if (!dec) {
        m->tied = 1;
        if (m->nhid != m->emsize) {
            dm_errf(err,
                    "%s: no decoder.weight, so the decoder must be tied to encoder.weight, "
                    "but nhid %d != emsize %d",
                    path, m->nhid, m->emsize);
            goto out;
        }
    } else if (dec->ndim == 2 && dec->shape[0] == enc->shape[0] && dec->shape[1] == enc->shape[1] &&
               dec->dtype == enc->dtype && memcmp(dec->data, enc->data, enc->nbytes) == 0) {
        m->tied = 1; /* a plain state_dict of a tied model carries the weight twice */
        ld.used[dec - f.tensors] = 1;
    }
    m->inferred = dm_st_meta(&f, "rnn_type") == NULL && dm_st_meta(&f, "nhid") == NULL;
    if (check_meta(path, &f, m, err))
        goto out;
    if (alloc_layers(m, err))
        goto out;

    int64_t shp[2] = {m->ntoken, m->emsize};
    if (load_into(&ld, "encoder.weight", 2, shp, m->emb, err))
        goto out;
    if (!m->tied) {
        shp[1] = m->nhid;
        if (load_into(&ld, "decoder.weight", 2, shp, m->dec_w, err))
            goto out;
    }
    shp[0] = m->ntoken;
    if (load_into(&ld, "decoder.bias", 1, shp, m->dec_b, err))
        goto out;
    for (int l = 0; l < m->nlayers; l++) {
        dm_rnn_layer *L = &m->layer[l];
        float *tmp = malloc((size_t)L->rows * (size_t)(L->in > L->hid ? L->in : L->hid) * sizeof(float));
        if (!tmp) {
            dm_errf(err, "%s: out of memory", path);
            goto out;
        }
        int bad = 0;
        shp[0] = L->rows;
        shp[1] = L->in;
        snprintf(name, sizeof name, "rnn.weight_ih_l%d", l);
        if (!bad && !(bad = load_into(&ld, name, 2, shp, tmp, err)))
            for (int r = 0; r < L->rows; r++)
                memcpy(L->w + (size_t)r * L->ld, tmp + (size_t)r * L->in, (size_t)L->in * sizeof(float));
        shp[1] = L->hid;
        snprintf(name, sizeof name, "rnn.weight_hh_l%d", l);
        if (!bad && !(bad = load_into(&ld, name, 2, shp, tmp, err)))
            for (int r = 0; r < L->rows; r++)
                memcpy(L->w + (size_t)r * L->ld + L->in, tmp + (size_t)r * L->hid,
                       (size_t)L->hid * sizeof(float));
        free(tmp);
        snprintf(name, sizeof name, "rnn.bias_ih_l%d", l);
        if (!bad)
            bad = load_into(&ld, name, 1, shp, L->b_ih, err);
        snprintf(name, sizeof name, "rnn.bias_hh_l%d", l);
        if (!bad)
            bad = load_into(&ld, name, 1, shp, L->b_hh, err);
        if (bad)
            goto out;
    }
    for (int i = 0; i < f.ntensors; i++)
        if (!ld.used[i]) {
            dm_errf(err,
                    "%s: unexpected tensor '%s' (a word_language_model LSTM/GRU has encoder.weight, "
                    "rnn.{weight,bias}_{ih,hh}_l0..l%d, decoder.weight, decoder.bias; "
                    "bidirectional, projected or extra layers are not supported)",
                    path, f.tensors[i].name, m->nlayers - 1);
            goto out;
        }
    snprintf(m->file_dtype, sizeof m->file_dtype, "%s", dm_dtype_name(hh0->dtype));
    const char *ds = dm_st_meta(&f, "dataset");
    if (ds) {
        size_t n = strlen(ds);
        int ok = n > 0 && n < sizeof m->dataset;
        for (size_t i = 0; ok && i < n; i++)
            ok = (ds[i] >= 'a' && ds[i] <= 'z') || (ds[i] >= '0' && ds[i] <= '9') || ds[i] == '-' ||
                 ds[i] == '_';
        if (!ok) {
            dm_errf(err, "%s: metadata dataset = '%.40s' (expected a short name of [a-z0-9_-])", path, ds);
            goto out;
        }
        memcpy(m->dataset, ds, n + 1);
    }
    finish_layers(m);
    hash_file(&f, m);
    if (!(m->path = strdup(path))) {
        dm_errf(err, "%s: out of memory", path);
        goto out;
    }
    rc = 0;
out:
    free(ld.used);
    dm_st_close(&f);
    if (rc)
        dm_lm_free(m);
    return rc;
}

static uint64_t xorshift(uint64_t *s)
{
    uint64_t x = *s;
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    return *s = x;
}

static void fill_uniform(float *p, size_t n, float scale, uint64_t *s)
{
    for (size_t i = 0; i < n; i++)
        p[i] = scale * (2.0f * (float)((xorshift(s) >> 40) * (1.0 / 16777216.0)) - 1.0f);
}

int dm_lm_init_random(dm_lm *m, dm_cell cell, int ntoken, int emsize, int nhid, int nlayers,
                      int tied, float scale, uint64_t seed, dm_err *err)
{
    memset(m, 0, sizeof *m);
    if (ntoken < 1 || emsize < 1 || nhid < 1 || nlayers < 1 || nlayers > DM_LM_MAX_LAYERS)
        return dm_errf(err, "bad random model sizes (ntoken %d, emsize %d, nhid %d, layers %d)",
                       ntoken, emsize, nhid, nlayers);
    if (tied && emsize != nhid)
        return dm_errf(err, "a tied decoder needs emsize == nhid (%d != %d)", emsize, nhid);
    m->cell = cell;
    m->gates = cell == DM_CELL_LSTM ? 4 : 3;
    m->ntoken = ntoken;
    m->emsize = emsize;
    m->nhid = nhid;
    m->nlayers = nlayers;
    m->tied = tied;
    if (alloc_layers(m, err)) {
        dm_lm_free(m);
        return -1;
    }
    uint64_t s = seed * 0x9e3779b97f4a7c15ULL + 1;
    fill_uniform(m->emb, (size_t)ntoken * emsize, 0.1f, &s);
    if (!tied)
        fill_uniform(m->dec_w, (size_t)ntoken * nhid, 0.1f, &s);
    fill_uniform(m->dec_b, (size_t)ntoken, 0.1f, &s);
    for (int l = 0; l < nlayers; l++) {
        dm_rnn_layer *L = &m->layer[l];
        fill_uniform(L->w, (size_t)L->rows * L->ld, scale, &s);
        fill_uniform(L->b_ih, (size_t)L->rows, scale, &s);
        fill_uniform(L->b_hh, (size_t)L->rows, scale, &s);
    }
    finish_layers(m);
    m->path = strdup("(random weights)");
    snprintf(m->file_dtype, sizeof m->file_dtype, "F32");
    return 0;
}

size_t dm_lm_rnn_bytes(const dm_lm *m)
{
    size_t b = 0;
    for (int l = 0; l < m->nlayers; l++)
        b += ((size_t)m->layer[l].rows * m->layer[l].ld + 2 * (size_t)m->layer[l].rows) * sizeof(float);
    return b;
}

size_t dm_lm_step_bytes(const dm_lm *m)
{
    return dm_lm_rnn_bytes(m) + ((size_t)m->ntoken * m->nhid + m->ntoken + m->emsize) * sizeof(float);
}

/* ---- streaming ---- */

void dm_lm_state_free(dm_lm_state *s)
{
    for (int l = 0; l < DM_LM_MAX_LAYERS; l++) {
        dm_free(s->xh[l]);
        dm_free(s->c[l]);
    }
    dm_free(s->gates);
    dm_free(s->ghn);
    dm_free(s->logits);
    memset(s, 0, sizeof *s);
}

int dm_lm_state_init(dm_lm_state *s, const dm_lm *m, dm_err *err)
{
    memset(s, 0, sizeof *s);
    int rows = 0;
    for (int l = 0; l < m->nlayers; l++) {
        const dm_rnn_layer *L = &m->layer[l];
        s->xh[l] = dm_alloc((size_t)L->ld * sizeof(float));
        s->c[l] = dm_alloc((size_t)L->hid * sizeof(float));
        if (!s->xh[l] || !s->c[l])
            goto oom;
        if (L->rows > rows)
            rows = L->rows;
    }
    s->gates = dm_alloc((size_t)rows * sizeof(float));
    s->ghn = dm_alloc((size_t)m->nhid * sizeof(float));
    s->logits = dm_alloc((size_t)m->ntoken * sizeof(float));
    if (!s->gates || !s->ghn || !s->logits)
        goto oom;
    return 0;
oom:
    dm_lm_state_free(s);
    return dm_errf(err, "out of memory for the model state");
}

void dm_lm_state_reset(dm_lm_state *s, const dm_lm *m)
{
    for (int l = 0; l < m->nlayers; l++) {
        memset(s->xh[l], 0, (size_t)m->layer[l].ld * sizeof(float));
        memset(s->c[l], 0, (size_t)m->layer[l].hid * sizeof(float));
    }
}

const float *dm_lm_state_h(const dm_lm_state *s, const dm_lm *m, int l)
{
    return s->xh[l] + m->layer[l].in;
}

/* Gate nonlinearities and state update, given the gate pre-activations.
 * LSTM: g = W [x;h] + b_ih + b_hh (all 4 blocks).
 * GRU: g[0:2h] = r,z pre-activations with both biases; g[2h:3h] = W_in x + b_in;
 * ghn = W_hn h + b_hn. */
void dm_lm_cell_update(const dm_lm *m, float *g, const float *ghn, float *h, float *c)
{
    if (m->cell == DM_CELL_LSTM)
        dm_lstm_cell_ref(g, m->nhid, h, c);
    else
        dm_gru_cell_ref(g, ghn, m->nhid, h);
}

void dm_lm_layer_step(const dm_lm *m, dm_lm_state *s, int l, const float *x)
{
    const dm_rnn_layer *L = &m->layer[l];
    float *xh = s->xh[l], *h = xh + L->in, *g = s->gates;
    if (x != xh)
        memcpy(xh, x, (size_t)L->in * sizeof(float));
    if (m->cell == DM_CELL_LSTM) {
        memcpy(g, L->b_sum, (size_t)L->rows * sizeof(float));
        dm_dense_gemv(L->rows, L->ld, L->w, L->ld, xh, g);
    } else {
        int H = L->hid;
        memcpy(g, L->b_sum, (size_t)2 * H * sizeof(float));
        memcpy(g + 2 * H, L->b_ih + 2 * H, (size_t)H * sizeof(float));
        memcpy(s->ghn, L->b_hh + 2 * H, (size_t)H * sizeof(float));
        dm_dense_gemv(2 * H, L->ld, L->w, L->ld, xh, g);
        const float *wn = L->w + (size_t)2 * H * L->ld;
        dm_dense_gemv(H, L->in, wn, L->ld, xh, g + 2 * H);
        dm_dense_gemv(H, H, wn + L->in, L->ld, h, s->ghn);
    }
    dm_lm_cell_update(m, g, s->ghn, h, s->c[l]);
}

void dm_lm_step_rnn(const dm_lm *m, dm_lm_state *s, int token)
{
    const float *x = m->emb + (size_t)token * m->emsize;
    for (int l = 0; l < m->nlayers; l++) {
        dm_lm_layer_step(m, s, l, x);
        x = s->xh[l] + m->layer[l].in;
    }
}

void dm_lm_step(const dm_lm *m, dm_lm_state *s, int token)
{
    dm_lm_step_rnn(m, s, token);
    const float *h = dm_lm_state_h(s, m, m->nlayers - 1);
    memcpy(s->logits, m->dec_b, (size_t)m->ntoken * sizeof(float));
    dm_dense_gemv(m->ntoken, m->nhid, m->dec_w, m->nhid, h, s->logits);
}

double dm_log_softmax_at(const float *logits, int n, int target)
{
    float mx = logits[0];
    for (int i = 1; i < n; i++)
        mx = logits[i] > mx ? logits[i] : mx;
    double sum = 0.0;
    for (int i = 0; i < n; i++)
        sum += (double)expf(logits[i] - mx);
    return ((double)logits[target] - (double)mx) - log(sum);
}

/* ---- whole sequence ---- */

void dm_lm_seq_free(dm_lm_seq *q)
{
    for (int l = 0; l < DM_LM_MAX_LAYERS; l++)
        dm_free(q->cap[l]);
    dm_lm_state_free(&q->st);
    dm_free(q->x);
    dm_free(q->hout);
    dm_free(q->gin);
    dm_free(q->logits);
    memset(q, 0, sizeof *q);
}

int dm_lm_seq_init(dm_lm_seq *q, const dm_lm *m, int chunk, dm_err *err)
{
    memset(q, 0, sizeof *q);
    if (chunk < 1)
        return dm_errf(err, "sequence chunk must be >= 1 (got %d)", chunk);
    q->chunk = chunk;
    if (dm_lm_state_init(&q->st, m, err))
        return -1;
    int w = m->emsize > m->nhid ? m->emsize : m->nhid;
    q->x = dm_alloc((size_t)chunk * w * sizeof(float));
    q->hout = dm_alloc((size_t)chunk * m->nhid * sizeof(float));
    q->gin = dm_alloc((size_t)chunk * m->gates * m->nhid * sizeof(float));
    q->logits = dm_alloc((size_t)chunk * m->ntoken * sizeof(float));
    if (!q->x || !q->hout || !q->gin || !q->logits) {
        dm_lm_seq_free(q);
        return dm_errf(err, "out of memory for a %d-step sequence chunk", chunk);
    }
    return 0;
}

void dm_lm_seq_reset(dm_lm_seq *q, const dm_lm *m) { dm_lm_state_reset(&q->st, m); }

int dm_lm_seq_capture(dm_lm_seq *q, const dm_lm *m, dm_err *err)
{
    for (int l = 0; l < m->nlayers; l++)
        if (!q->cap[l] && !(q->cap[l] = dm_alloc((size_t)q->chunk * m->layer[l].ld * sizeof(float))))
            return dm_errf(err, "out of memory for capturing layer inputs");
    return 0;
}

int dm_lm_pre_rows(const dm_lm *m) { return 4 * m->nhid; }

void dm_lm_pre_batch(const dm_lm *m, int l, const float *xh, int T, float *pre)
{
    const dm_rnn_layer *L = &m->layer[l];
    int H = L->hid, R = 4 * H;
    for (int t = 0; t < T; t++) {
        float *p = pre + (size_t)t * R;
        if (m->cell == DM_CELL_LSTM) {
            memcpy(p, L->b_sum, (size_t)R * sizeof(float));
        } else {
            memcpy(p, L->b_sum, (size_t)2 * H * sizeof(float));
            memcpy(p + 2 * H, L->b_ih + 2 * H, (size_t)H * sizeof(float));
            memcpy(p + 3 * H, L->b_hh + 2 * H, (size_t)H * sizeof(float));
        }
    }
    if (m->cell == DM_CELL_LSTM) {
        cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, T, R, L->ld, 1.0f, xh, L->ld, L->w, L->ld, 1.0f, pre,
                    R);
    } else {
        const float *wn = L->w + (size_t)2 * H * L->ld;
        cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, T, 2 * H, L->ld, 1.0f, xh, L->ld, L->w, L->ld, 1.0f,
                    pre, R);
        cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, T, H, L->in, 1.0f, xh, L->ld, wn, L->ld, 1.0f,
                    pre + 2 * H, R);
        cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, T, H, H, 1.0f, xh + L->in, L->ld, wn + L->in, L->ld,
                    1.0f, pre + 3 * H, R);
    }
}

void dm_lm_input_proj(const dm_lm *m, int l, const float *x, int n, float *gin)
{
    const dm_rnn_layer *L = &m->layer[l];
    int R = L->rows, H = L->hid;
    for (int t = 0; t < n; t++) {
        float *gr = gin + (size_t)t * R;
        if (m->cell == DM_CELL_LSTM) {
            memcpy(gr, L->b_sum, (size_t)R * sizeof(float));
        } else {
            memcpy(gr, L->b_sum, (size_t)2 * H * sizeof(float));
            memcpy(gr + 2 * H, L->b_ih + 2 * H, (size_t)H * sizeof(float));
        }
    }
    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, n, R, L->in, 1.0f, x, L->in, L->w, L->ld, 1.0f, gin, R);
}

void dm_lm_seq_run(const dm_lm *m, dm_lm_seq *q, const int *tokens, int n)
{
    int E = m->emsize, H = m->nhid;
    for (int t = 0; t < n; t++)
        memcpy(q->x + (size_t)t * E, m->emb + (size_t)tokens[t] * E, (size_t)E * sizeof(float));
    const float *xin = q->x;
    for (int l = 0; l < m->nlayers; l++) {
        const dm_rnn_layer *L = &m->layer[l];
        int R = L->rows;
        dm_lm_input_proj(m, l, xin, n, q->gin);
        /* recurrence: only W_hh h per step */
        float *xh = q->st.xh[l], *h = xh + L->in, *g = q->st.gates;
        for (int t = 0; t < n; t++) {
            const float *gr = q->gin + (size_t)t * R;
            if (m->cell == DM_CELL_LSTM) {
                memcpy(g, gr, (size_t)R * sizeof(float));
                dm_dense_gemv(R, H, L->w + L->in, L->ld, h, g);
            } else {
                memcpy(g, gr, (size_t)R * sizeof(float));
                memcpy(q->st.ghn, L->b_hh + 2 * H, (size_t)H * sizeof(float));
                dm_dense_gemv(2 * H, H, L->w + L->in, L->ld, h, g);
                dm_dense_gemv(H, H, L->w + (size_t)2 * H * L->ld + L->in, L->ld, h, q->st.ghn);
            }
            if (q->cap[l]) {
                float *row = q->cap[l] + (size_t)t * L->ld;
                memcpy(row, xin + (size_t)t * L->in, (size_t)L->in * sizeof(float));
                memcpy(row + L->in, h, (size_t)H * sizeof(float));
            }
            dm_lm_cell_update(m, g, q->st.ghn, h, q->st.c[l]);
            memcpy(q->hout + (size_t)t * H, h, (size_t)H * sizeof(float));
        }
        /* keep xh's input part consistent with the streaming state */
        memcpy(xh, xin + (size_t)(n - 1) * L->in, (size_t)L->in * sizeof(float));
        memcpy(q->x, q->hout, (size_t)n * H * sizeof(float));
        xin = q->x;
    }
    for (int t = 0; t < n; t++)
        memcpy(q->logits + (size_t)t * m->ntoken, m->dec_b, (size_t)m->ntoken * sizeof(float));
    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, n, m->ntoken, H, 1.0f, q->hout, H, m->dec_w, H,
                1.0f, q->logits, m->ntoken);
}
