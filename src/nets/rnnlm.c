/* rnnlm.c - the recurrent language model as a network family (family.h).
 *
 * Network: dm_lm (lm.h) and its vocabulary; sites: its recurrent layers
 * (lm_dual.c); data: a text file read as word ids (corpus.h); fitting: one
 * dense pass over the first training tokens (dm_fitdata_cached_lm); quality:
 * perplexity dense and dual side by side (dm_eval_lm_dual); timing:
 * interleaved recurrent steps (dm_bench_dual). */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench.h"
#include "corpus.h"
#include "family.h"
#include "lm_dual.h"
#include "rnnlm.h"
#include "safetensors.h"
#include "vocab.h"

static int rnnlm_probe(const char *path)
{
    dm_st_file f;
    dm_err e;
    if (dm_st_open(&f, path, &e))
        return 0;
    const char *arch = dm_st_meta(&f, "arch");
    int yes = arch ? strcmp(arch, "rnnlm") == 0 : dm_st_find(&f, "rnn.weight_ih_l0") != NULL;
    dm_st_close(&f);
    return yes;
}

static void rnnlm_free(dm_net *n)
{
    if (!n)
        return;
    dm_rnnlm *r = (dm_rnnlm *)n;
    dm_lm_free(&r->lm);
    dm_vocab_free(&r->vocab);
    free(r);
}

static int rnnlm_load(const char *path, const char *vocab, dm_net **out, dm_err *err)
{
    *out = NULL;
    dm_rnnlm *r = calloc(1, sizeof *r);
    if (!r)
        return dm_errf(err, "out of memory");
    if (dm_lm_load(&r->lm, path, err)) {
        free(r);
        return -1;
    }
    if (vocab && dm_vocab_load(&r->vocab, vocab, err)) {
        dm_lm_free(&r->lm);
        free(r);
        return -1;
    }
    if (vocab && r->vocab.n != r->lm.ntoken) {
        dm_errf(err, "%s has %d tokens but the model %s has a %d-token vocabulary", vocab, r->vocab.n, path,
                r->lm.ntoken);
        rnnlm_free(&r->base);
        return -1;
    }
    dm_rnnlm_describe(r);
    *out = &r->base;
    return 0;
}

void dm_rnnlm_describe(dm_rnnlm *r)
{
    dm_net *n = &r->base;
    const dm_lm *m = &r->lm;
    n->fam = &dm_family_rnnlm;
    snprintf(n->arch, sizeof n->arch, "%dx%d %s%s", m->nlayers, m->nhid, dm_cell_name(m->cell),
             m->tied ? ", tied" : "");
    snprintf(n->kind, sizeof n->kind, "%s", dm_cell_name(m->cell));
    n->params = m->nparams;
    n->file_bytes = (double)m->file_bytes;
    n->file_hash = m->file_hash;
    snprintf(n->dataset, sizeof n->dataset, "%s", m->dataset);
    n->layers = m->nlayers;
    n->hidden = m->nhid;
    n->nsites = m->nlayers;
    dm_lm_sites(m, n->site);
}

/* The common head of a data object whose tokens are loaded, and its memo of
 * the quality path's dense side. */
static dm_data *data_done(dm_rnnlm_data *d)
{
    d->memo = dm_lm_memo_new(); /* NULL (out of memory) only costs speed */
    d->base.fam = &dm_family_rnnlm;
    d->base.items = d->c.n;
    d->base.scored = d->c.n - 1;
    d->base.hash = d->c.hash;
    return &d->base;
}

static int rnnlm_open(const dm_net *n, const char *path, long limit, dm_data **out, dm_err *err)
{
    const dm_rnnlm *r = (const dm_rnnlm *)n;
    *out = NULL;
    dm_rnnlm_data *d = calloc(1, sizeof *d);
    if (!d)
        return dm_errf(err, "out of memory");
    if (dm_corpus_load(&d->c, path, &r->vocab, limit, err)) {
        free(d);
        return -1;
    }
    if (d->c.n < 2) {
        dm_corpus_free(&d->c);
        free(d);
        return dm_errf(err, "%s: fewer than 2 tokens to evaluate", path);
    }
    *out = data_done(d);
    return 0;
}

int dm_rnnlm_data_slice(const dm_rnnlm *r, const dm_data *d, long from, long n, dm_data **out, dm_err *err)
{
    *out = NULL;
    dm_rnnlm_data *s = calloc(1, sizeof *s);
    if (!s)
        return dm_errf(err, "out of memory");
    if (dm_corpus_slice(&s->c, &((const dm_rnnlm_data *)d)->c, &r->vocab, from, n, err)) {
        free(s);
        return -1;
    }
    *out = data_done(s);
    return 0;
}

static void rnnlm_close(dm_data *d)
{
    if (!d)
        return;
    dm_corpus_free(&((dm_rnnlm_data *)d)->c);
    dm_lm_memo_free(((dm_rnnlm_data *)d)->memo);
    free(d);
}

static int rnnlm_fit(const dm_net *n, const dm_data *train, long n_fit, int ncal, dm_fitdata *fd,
                     const dm_fit_progress *prog, dm_err *err)
{
    const dm_rnnlm *r = (const dm_rnnlm *)n;
    return dm_fitdata_cached_lm(fd, &r->lm, &((const dm_rnnlm_data *)train)->c, n_fit, ncal, prog, NULL, err);
}

void dm_rnnlm_dual_view(const dm_rnnlm *r, const dm_engine *e, dm_dual *d)
{
    dm_dual_view(d, &r->lm, r->base.site, e);
}

static int rnnlm_eval(const dm_net *n, const dm_engine *e, const dm_data *data, const dm_eval_opts *o, int audit,
                      dm_dual_result *res, dm_err *err)
{
    const dm_rnnlm *r = (const dm_rnnlm *)n;
    dm_dual d;
    dm_rnnlm_dual_view(r, e, &d);
    const dm_rnnlm_data *rd = (const dm_rnnlm_data *)data;
    dm_eval_opts oo = o ? *o : (dm_eval_opts){0};
    oo.memo = rd->memo;
    return dm_eval_lm_dual(&d, &rd->c, &oo, audit, res, err);
}

static int rnnlm_bench(const dm_net *n, const dm_engine *e, int steps, int cold, dm_dual_bench *b, dm_err *err)
{
    const dm_rnnlm *r = (const dm_rnnlm *)n;
    dm_dual d;
    dm_rnnlm_dual_view(r, e, &d);
    return dm_bench_dual(&d, steps, cold, b, err);
}

const dm_family dm_family_rnnlm = {
    .name = "rnnlm",
    .metric = "perplexity",
    .item = "token",
    .fit_items = 60000,
    .cal_items = 4000,
    .probe = rnnlm_probe,
    .load = rnnlm_load,
    .free = rnnlm_free,
    .open = rnnlm_open,
    .close = rnnlm_close,
    .fit = rnnlm_fit,
    .eval = rnnlm_eval,
    .bench = rnnlm_bench,
};
