/* sites.c - the site kinds: what differs between an LSTM cell, a GRU cell
 * and a linear layer with an activation (see site.h).
 *
 * LSTM: groups i, f, g, o (sigmoid, sigmoid, tanh, sigmoid), little layout
 * = gate layout (4H); epilogue c' = f c + i g, h' = o tanh(c').
 * GRU: groups r, z (sigmoid) and n (tanh, late). n = tanh(n_x + r * n_h)
 * with n_x = W_in x + b_in and n_h = W_hn h + b_hn: the little module
 * predicts the two parts apart (little rows r, z, n_x, n_h = 4H), the n
 * pre-activation is formed with the *final* r (exact where r was
 * sensitive), and a sensitive n row computes both parts exactly.
 * Linear: one group; the epilogue applies the activation into io->h. */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <string.h>

#include "cell.h"
#include "conv.h"
#include "internal.h"

int dm_site_group_of(const dm_site *s, int r)
{
    for (int g = 0; g < s->ngroups; g++)
        if (r >= s->group[g].off && r < s->group[g].off + s->group[g].n)
            return g;
    return -1;
}

int dm_site_min_dim(const dm_site *s)
{
    int m = s->dim[0];
    for (int i = 1; i < s->ns; i++)
        m = s->dim[i] < m ? s->dim[i] : m;
    return s->blocks > 1 ? m / s->blocks : m;
}

static void add_group(dm_site *s, const char *name, dm_act act, int off, int n, int late)
{
    dm_site_group *g = &s->group[s->ngroups++];
    snprintf(g->name, sizeof g->name, "%s", name);
    g->act = act;
    g->off = off;
    g->n = n;
    g->late = late;
}

static void cell_common(dm_site *s, const char *name, int in, int H, const float *w, int ld, const float *b_sum)
{
    memset(s, 0, sizeof *s);
    snprintf(s->name, sizeof s->name, "%s", name);
    s->ns = 2;
    s->dim[0] = in;
    s->dim[1] = H;
    s->in = in + H;
    s->lrows = 4 * H;
    s->hid = H;
    s->w = w;
    s->ld = ld;
    s->bias = b_sum;
}

/* ---- LSTM ---- */

/* pre (T x N, pitch ldp) = bias + u (T x K, pitch ld) . W^T: part i of pk,
 * or W (N x K, pitch s->ld) unpacked (pgemm's OpenBLAS path) when pk is NULL. */
static void site_mm(const dm_site *s, const dm_site_packed *pk, int i, const float *u, int ld, int T, const float *w,
                    int N, int K, const float *bias, float *pre, int ldp)
{
    dm_pgemm unpacked;
    if (!pk)
        (void)dm_pgemm_pack(&unpacked, w, s->ld, N, K, 0, NULL); /* packs nothing: cannot fail */
    dm_pgemm_bias(pk ? &pk->part[i] : &unpacked, T, u, ld, bias, pre, ldp);
}

static void lstm_exact_pre(const dm_site *s, const dm_site_packed *pk, const float *u, int ld, int T, float *pre)
{
    int R = 4 * s->hid;
    site_mm(s, pk, 0, u, ld, T, s->w, R, s->in, s->bias, pre, R);
}

static void lstm_epilogue(const dm_site *s, const dm_kernels *k, dm_site_io *io)
{
    if (k)
        k->lstm_cell(io->g, s->hid, io->h, io->c);
    else
        dm_lstm_cell_ref(io->g, s->hid, io->h, io->c);
}

const dm_site_ops dm_site_lstm_ops = {
    .kind = "lstm", .exact_pre = lstm_exact_pre, .epilogue = lstm_epilogue,
};

void dm_site_lstm(dm_site *s, const char *name, int in, int H, const float *w, int ld, const float *b_sum)
{
    cell_common(s, name, in, H, w, ld, b_sum);
    s->ops = &dm_site_lstm_ops;
    s->orows = 4 * H;
    add_group(s, "i", DM_ACT_SIGMOID, 0, H, 0);
    add_group(s, "f", DM_ACT_SIGMOID, H, H, 0);
    add_group(s, "g", DM_ACT_TANH, 2 * H, H, 0);
    add_group(s, "o", DM_ACT_SIGMOID, 3 * H, H, 0);
}

/* ---- GRU ---- */

/* RMS error of the n gate's pre-activation n_x + r * n_h. */
static inline float n_sigma(const float *sig, int H, int j, float r)
{
    float a = sig[2 * H + j], b = r * sig[3 * H + j];
    return sqrtf(a * a + b * b);
}

static void gru_late_pre(const dm_site *s, int gi, int j, const float *rsrc, const float *src, const float *sigma,
                         float *pre, float *sig)
{
    (void)gi;
    int H = s->hid;
    float r = dm_act_apply(DM_ACT_SIGMOID, rsrc[j]);
    *pre = src[2 * H + j] + r * src[3 * H + j];
    *sig = n_sigma(sigma, H, j, r);
}

static float gru_late_final(const dm_site *s, int gi, int j, const float *g, const float *aux)
{
    (void)gi;
    int H = s->hid;
    return g[2 * H + j] + dm_act_apply(DM_ACT_SIGMOID, g[j]) * aux[j];
}

static void gru_late_step(const dm_engine *e, dm_engine_state *st, int si, dm_site_io *io, const float *y,
                          const float *ex, int *nins)
{
    const dm_engine_site *es = &e->s[si];
    const dm_site *s = &es->site;
    int H = s->hid, in = s->dim[0];
    float *g = io->g, *ghn = io->aux, *sc = st->score, *rb = st->rowbuf;
    int *idx = st->idx;
    /* n: approximate pre-activation with the final r, then its own group */
    for (int j = 0; j < H; j++) {
        float r = dm_act_apply(DM_ACT_SIGMOID, g[j]);
        sc[2 * H + j] = dm_score_of(DM_ACT_TANH, e->cfg.policy, y[2 * H + j] + r * y[3 * H + j],
                                    n_sigma(es->sigma, H, j, r));
    }
    dm_segs sg = {1, {sc + 2 * H}, {H}};
    dm_rule rn = dm_late_rule(e, st, si, 2, &sg, 1);
    int ns = dm_rule_pass(e->kern, &rn, sc, y, g, 2 * H, H, st->sens, idx, 0, &nins[2]);
    for (int j = 0; j < H; j++)
        ghn[j] = y[3 * H + j];
    /* sensitive n rows: both parts exactly (the input part batched already with gin) */
    if (ex) {
        for (int i = 0; i < ns; i++) {
            g[idx[i]] = ex[idx[i]];
            ghn[idx[i] - 2 * H] = ex[idx[i] + H];
        }
        return;
    }
    if (io->gin) {
        for (int i = 0; i < ns; i++)
            g[idx[i]] = io->gin[idx[i]];
    } else {
        dm_exact_rows(e, st, s->w, s->ld, in, idx, ns, io->u, rb);
        for (int i = 0; i < ns; i++)
            g[idx[i]] = rb[i] + s->b_in[idx[i]];
    }
    dm_exact_rows(e, st, s->w + in, s->ld, H, idx, ns, io->u + in, rb);
    for (int i = 0; i < ns; i++)
        ghn[idx[i] - 2 * H] = rb[i] + s->b_rec[idx[i]];
}

static void gru_exact_pre(const dm_site *s, const dm_site_packed *pk, const float *u, int ld, int T, float *pre)
{
    int H = s->hid, R = 4 * H, in = s->dim[0];
    const float *wn = s->w + (size_t)2 * H * s->ld;
    site_mm(s, pk, 0, u, ld, T, s->w, 2 * H, s->in, s->bias, pre, R);
    site_mm(s, pk, 1, u, ld, T, wn, H, in, s->b_in + 2 * H, pre + 2 * H, R);
    site_mm(s, pk, 2, u + in, ld, T, wn + in, H, H, s->b_rec + 2 * H, pre + 3 * H, R);
}

static void gru_epilogue(const dm_site *s, const dm_kernels *k, dm_site_io *io)
{
    if (k)
        k->gru_cell(io->g, io->aux, s->hid, io->h);
    else
        dm_gru_cell_ref(io->g, io->aux, s->hid, io->h);
}

const dm_site_ops dm_site_gru_ops = {
    .kind = "gru",
    .late_pre = gru_late_pre,
    .late_final = gru_late_final,
    .late_step = gru_late_step,
    .exact_pre = gru_exact_pre,
    .epilogue = gru_epilogue,
};

void dm_site_gru(dm_site *s, const char *name, int in, int H, const float *w, int ld, const float *b_sum,
                 const float *b_ih, const float *b_hh)
{
    cell_common(s, name, in, H, w, ld, b_sum);
    s->ops = &dm_site_gru_ops;
    s->orows = 3 * H;
    s->b_in = b_ih;
    s->b_rec = b_hh;
    add_group(s, "r", DM_ACT_SIGMOID, 0, H, 0);
    add_group(s, "z", DM_ACT_SIGMOID, H, H, 0);
    add_group(s, "n", DM_ACT_TANH, 2 * H, H, 1);
}

/* ---- linear + activation ---- */

static void linear_exact_pre(const dm_site *s, const dm_site_packed *pk, const float *u, int ld, int T, float *pre)
{
    site_mm(s, pk, 0, u, ld, T, s->w, s->orows, s->in, s->bias, pre, s->orows);
}

int dm_site_pack(const dm_site *s, dm_site_packed *p, dm_err *err)
{
    memset(p, 0, sizeof *p);
    int rc = 0;
    if (s->ops == &dm_site_gru_ops) {
        int H = s->hid, in = s->dim[0];
        const float *wn = s->w + (size_t)2 * H * s->ld;
        p->n = 3;
        rc = dm_pgemm_pack(&p->part[0], s->w, s->ld, 2 * H, s->in, 1, err) ||
             dm_pgemm_pack(&p->part[1], wn, s->ld, H, in, 1, err) ||
             dm_pgemm_pack(&p->part[2], wn + in, s->ld, H, H, 1, err);
    } else {
        int R = s->ops == &dm_site_lstm_ops ? 4 * s->hid : s->orows;
        p->n = 1;
        rc = dm_pgemm_pack(&p->part[0], s->w, s->ld, R, s->in, 1, err);
    }
    if (rc) {
        dm_site_packed_free(p);
        return dm_err_prefix(err, "site %s", s->name);
    }
    return 0;
}

void dm_site_packed_free(dm_site_packed *p)
{
    for (int i = 0; i < 3; i++)
        dm_pgemm_free(&p->part[i]);
    p->n = 0;
}

static void linear_epilogue(const dm_site *s, const dm_kernels *k, dm_site_io *io)
{
    (void)k;
    if (!io->h)
        return;
    dm_act a = s->group[0].act;
    if (a == DM_ACT_RELU) { /* vector code, no branch on the sign (layers/conv.h) */
        memcpy(io->h, io->g, (size_t)s->orows * sizeof(float));
        dm_relu(io->h, (size_t)s->orows);
        return;
    }
    for (int j = 0; j < s->orows; j++)
        io->h[j] = dm_act_apply(a, io->g[j]);
}

const dm_site_ops dm_site_linear_ops = {
    .kind = "linear", .exact_pre = linear_exact_pre, .epilogue = linear_epilogue,
};

/* A convolution + (folded BN) + activation: one output position per step,
 * its patch as the input; the same rules as a linear layer. */
const dm_site_ops dm_site_conv_ops = {
    .kind = "conv", .exact_pre = linear_exact_pre, .epilogue = linear_epilogue,
};

void dm_site_linear(dm_site *s, const char *name, int in, int rows, const float *w, int ld, const float *b,
                    dm_act act, const char *gname)
{
    memset(s, 0, sizeof *s);
    snprintf(s->name, sizeof s->name, "%s", name);
    s->ops = &dm_site_linear_ops;
    s->ns = 1;
    s->dim[0] = in;
    s->in = in;
    s->lrows = rows;
    s->orows = rows;
    s->w = w;
    s->ld = ld;
    s->bias = b;
    add_group(s, gname, act, 0, rows, 0);
}
