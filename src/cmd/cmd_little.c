/* cmd_little.c - little: build and fit the little modules of the current
 * settings on the fit data, and report their size and fit error per layer
 * (a language model) or per dual-module site (the other families): what
 * `dualmod little MODEL` prints. */
#define _POSIX_C_SOURCE 200809L
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "cmd_int.h"
#include "family.h"
#include "lm_dual.h"
#include "lm.h"

/* The FP32 weight bytes of a site's big layer (the rows its little module stands in for). */
static size_t site_dense_bytes(const dm_site *st)
{
    return sizeof(float) * (size_t)st->orows * (size_t)st->in;
}

/* little for the families other than the language model (classifier, translator): the engine on the
 * network's sites, reported per site. */
static int little_family(dm_cmd_ctx *c, const dm_net *n)
{
    const dm_settings *s = dm_session_settings(c->s);
    const dm_model_ref *ref = dm_session_ref(c->s);
    dm_dual_cfg cfg;
    if (dm_cmd_dual_cfg_sites(c, &cfg))
        return -1;
    int k;
    if (dm_dual_cfg_check_sites(&cfg, n->site, n->nsites, &k, &c->err)) /* before the fit data is collected */
        return -1;
    const dm_fitdata *fd;
    if (dm_cmd_fitdata(c, &fd))
        return -1;
    dm_engine e;
    if (dm_engine_build(&e, n->site, n->nsites, fd, &cfg, &c->err))
        return -1;
    if (dm_engine_use_kernels(&e, dm_cmd_kernels(s), &c->err)) {
        dm_engine_free(&e);
        return -1;
    }
    size_t dense = 0;
    for (int i = 0; i < e.nsites; i++)
        dense += site_dense_bytes(&e.s[i].site);
    const size_t little = dm_engine_little_bytes(&e);
    const char *fit_item = n->fam->fit_item ? n->fam->fit_item : n->fam->item;
    FILE *out = c->io->out;
    if (c->fmt == DM_FMT_JSON || c->fmt == DM_FMT_JSONL) {
        json_t *j =
            json_pack("{s:s, s:s, s:i, s:i, s:i, s:s, s:I, s:I, s:I, s:s, s:b, s:f, s:f}", "model", ref->name, "family",
                      n->fam->name, "k", e.k, "bits", e.cfg.bits, "container_bits", dm_bits_container(e.cfg.bits),
                      "proj", dm_proj_name(e.cfg.proj), "little_bytes", (json_int_t)little, "dense_site_bytes",
                      (json_int_t)dense, "fit_items", (json_int_t)fd->fit_items, "fit_item", fit_item, "moments_cached",
                      fd->from_cache, "collect_seconds", fd->seconds, "build_seconds", e.fit_seconds);
        json_t *sites = json_array();
        for (int i = 0; i < e.nsites; i++) {
            const dm_engine_site *es = &e.s[i];
            json_array_append_new(sites, json_pack("{s:s, s:i, s:i, s:i, s:i, s:f, s:f, s:f, s:I, s:I}", "site",
                                                   es->site.name, "rows", es->site.lrows, "in", es->site.in, "k", es->k,
                                                   "bits", es->bits, "mse", es->little.mse, "mse_fp32",
                                                   es->little.mse_fp32, "rel_mse", dm_little_rel_mse(&es->little), "bytes",
                                                   (json_int_t)dm_engine_site_little_bytes(&e, i), "dense_bytes",
                                                   (json_int_t)site_dense_bytes(&es->site)));
        }
        json_object_set_new(j, "sites", sites);
        dm_json_print(j, c->fmt, out);
        json_decref(j);
    } else if (c->fmt == DM_FMT_CSV || c->fmt == DM_FMT_MD) {
        dm_table t;
        dm_table_init(&t, NULL);
        const char *cols[] = {
            "model",     "site",          "rows",    "in",    "k",           "bits",         "proj",
            "mse",       "mse_fp32",      "rel_mse", "bytes", "dense_bytes", "little_bytes", "dense_site_bytes",
            "fit_items", "container_bits"};
        enum { NCOL = sizeof cols / sizeof cols[0] };
        for (int i = 0; i < NCOL; i++)
            dm_table_col(&t, cols[i], i != 0 && i != 1 && i != 6);
        for (int i = 0; i < e.nsites; i++) {
            const dm_engine_site *es = &e.s[i];
            dm_table_row(&t);
            dm_table_set(&t, 0, ref->name);
            dm_table_set(&t, 1, es->site.name);
            dm_table_setf(&t, 2, "%d", es->site.lrows);
            dm_table_setf(&t, 3, "%d", es->site.in);
            dm_table_setf(&t, 4, "%d", es->k);
            dm_table_setf(&t, 5, "%d", es->bits);
            dm_table_set(&t, 6, dm_proj_name(e.cfg.proj));
            dm_table_setf(&t, 7, "%.6g", es->little.mse);
            dm_table_setf(&t, 8, "%.6g", es->little.mse_fp32);
            dm_table_setf(&t, 9, "%.6g", dm_little_rel_mse(&es->little));
            dm_table_setf(&t, 10, "%zu", dm_engine_site_little_bytes(&e, i));
            dm_table_setf(&t, 11, "%zu", site_dense_bytes(&es->site));
            dm_table_setf(&t, 12, "%zu", little);
            dm_table_setf(&t, 13, "%zu", dense);
            dm_table_setf(&t, 14, "%ld", fd->fit_items);
            dm_table_setf(&t, 15, "%d", dm_bits_container(es->bits));
        }
        emit(c, &t);
        dm_table_free(&t);
    } else {
        char lb[32], db[32], kb[48], bb[48];
        dm_cmd_human_bytes((double)little, lb, sizeof lb);
        dm_cmd_human_bytes((double)dense, db, sizeof db);
        if (e.cfg.k)
            snprintf(kb, sizeof kb, "k %d", e.k);
        else
            snprintf(kb, sizeof kb, "k %d (eps %g)", e.k, e.cfg.eps);
        dm_cmd_bits_text(e.cfg.bits, bb, sizeof bb);
        fprintf(out, "model       %s (%s)\n", ref->name, n->arch);
        fprintf(out, "little      %s, %s, %s projection (seed %llu), %s little vs %s dense in %d sites\n", kb, bb,
                dm_proj_name(e.cfg.proj), (unsigned long long)e.cfg.seed, lb, db, e.nsites);
        fprintf(out, "data        %ld %ss, %d calibration inputs a site; moments %s\n", fd->fit_items, fit_item,
                fd->ncal, fd->from_cache ? "loaded from the cache" : "collected now and cached");
        if (!fd->from_cache)
            fprintf(out, "collect     %.2f s (one pass of the big model over the training slice)\n", fd->seconds);
        fprintf(out, "build       %.2f s (projection, ridge solve, quantization, calibration)\n", e.fit_seconds);
        fprintf(out, "%-22s %6s %6s %5s %12s %12s %10s %12s\n", "site", "rows", "in", "k", "MSE", "MSE FP32", "rel MSE",
                "bytes");
        for (int i = 0; i < e.nsites; i++) {
            const dm_engine_site *es = &e.s[i];
            fprintf(out, "%-22s %6d %6d %5d %12.5g %12.5g %10.4f %12zu\n", es->site.name, es->site.lrows, es->site.in,
                    es->k, es->little.mse, es->little.mse_fp32, dm_little_rel_mse(&es->little),
                    dm_engine_site_little_bytes(&e, i));
        }
    }
    fflush(out);
    dm_engine_free(&e);
    return 0;
}

int dm_cmd_little(dm_cmd_ctx *c, int argc, char **argv, const char *const *raw)
{
    (void)argc, (void)argv, (void)raw;
    if (!dm_session_loaded(c->s))
        return fail(c, "no model loaded: 'load MODEL' first (e.g. load kjv-lstm)");
    const dm_settings *s = dm_session_settings(c->s);
    const dm_lm *m = dm_session_lm(c->s);
    if (!m) {
        const dm_net *n = dm_session_net(c->s);
        if (!n)
            return fail(c, "little: the loaded model has no dual-module sites");
        return little_family(c, n);
    }
    const dm_model_ref *ref = dm_session_ref(c->s);
    dm_dual_cfg cfg;
    if (dm_cmd_dual_cfg_sites(c, &cfg))
        return -1;
    int k;
    if (dm_dual_cfg_check(&cfg, m, &k, &c->err)) /* before the fit data is collected */
        return -1;
    const dm_fitdata *fd;
    if (dm_cmd_fitdata(c, &fd))
        return -1;
    dm_dual d;
    if (dm_dual_build(&d, m, fd, &cfg, &c->err) || dm_dual_use_kernels(&d, dm_cmd_kernels(s), &c->err)) {
        dm_dual_free(&d);
        return -1;
    }
    FILE *out = c->io->out;
    if (c->fmt == DM_FMT_JSON || c->fmt == DM_FMT_JSONL) {
        json_t *j = json_pack("{s:s, s:i, s:i, s:i, s:s, s:I, s:I, s:I, s:b, s:f, s:f}", "model", ref->name, "k", d.k,
                              "bits", d.cfg.bits, "container_bits", dm_bits_container(d.cfg.bits), "proj",
                              dm_proj_name(d.cfg.proj), "little_bytes",
                              (json_int_t)dm_dual_little_bytes(&d), "dense_rnn_bytes", (json_int_t)dm_lm_rnn_bytes(m),
                              "fit_tokens", (json_int_t)fd->fit_items, "moments_cached", fd->from_cache,
                              "collect_seconds", fd->seconds, "build_seconds", d.fit_seconds);
        json_t *layers = json_array();
        for (int l = 0; l < m->nlayers; l++)
            json_array_append_new(layers, json_pack("{s:i, s:f, s:f, s:f, s:I}", "layer", l, "mse", dm_dual_little(&d, l)->mse,
                                                    "mse_fp32", dm_dual_little(&d, l)->mse_fp32, "rel_mse",
                                                    dm_little_rel_mse(dm_dual_little(&d, l)),
                                                    "bytes", (json_int_t)dm_dual_layer_little_bytes(&d, l)));
        json_object_set_new(j, "layers", layers);
        dm_json_print(j, c->fmt, out);
        json_decref(j);
    } else if (c->fmt == DM_FMT_CSV || c->fmt == DM_FMT_MD) {
        /* one row per layer, the module's figures repeated */
        dm_table t;
        dm_table_init(&t, NULL);
        const char *cols[] = {"model", "k", "bits", "proj", "layer", "mse", "mse_fp32", "rel_mse", "bytes",
                              "little_bytes", "dense_rnn_bytes", "fit_tokens", "container_bits"};
        for (int i = 0; i < 13; i++)
            dm_table_col(&t, cols[i], i != 0 && i != 3);
        for (int l = 0; l < m->nlayers; l++) {
            dm_table_row(&t);
            dm_table_set(&t, 0, ref->name);
            dm_table_setf(&t, 1, "%d", d.k);
            dm_table_setf(&t, 2, "%d", d.cfg.bits);
            dm_table_set(&t, 3, dm_proj_name(d.cfg.proj));
            dm_table_setf(&t, 4, "%d", l);
            dm_table_setf(&t, 5, "%.6g", dm_dual_little(&d, l)->mse);
            dm_table_setf(&t, 6, "%.6g", dm_dual_little(&d, l)->mse_fp32);
            dm_table_setf(&t, 7, "%.6g", dm_little_rel_mse(dm_dual_little(&d, l)));
            dm_table_setf(&t, 8, "%zu", dm_dual_layer_little_bytes(&d, l));
            dm_table_setf(&t, 9, "%zu", dm_dual_little_bytes(&d));
            dm_table_setf(&t, 10, "%zu", dm_lm_rnn_bytes(m));
            dm_table_setf(&t, 11, "%ld", fd->fit_items);
            dm_table_setf(&t, 12, "%d", dm_bits_container(d.cfg.bits));
        }
        emit(c, &t);
        dm_table_free(&t);
    } else {
        char lb[32], db[32], kb[48], bb[48];
        dm_cmd_human_bytes((double)dm_dual_little_bytes(&d), lb, sizeof lb);
        dm_cmd_human_bytes((double)dm_lm_rnn_bytes(m), db, sizeof db);
        if (d.cfg.k)
            snprintf(kb, sizeof kb, "k %d", d.k);
        else
            snprintf(kb, sizeof kb, "k %d (eps %g)", d.k, d.cfg.eps);
        dm_cmd_bits_text(d.cfg.bits, bb, sizeof bb);
        fprintf(out, "model       %s\n", ref->name);
        fprintf(out, "little      %s, %s, %s projection (seed %llu), %s little per step vs %s dense recurrent\n", kb, bb,
                dm_proj_name(d.cfg.proj), (unsigned long long)d.cfg.seed, lb, db);
        fprintf(out, "data        %ld training tokens, %d calibration steps; moments %s\n", fd->fit_items, fd->ncal,
                fd->from_cache ? "loaded from the cache" : "collected now and cached");
        if (!fd->from_cache)
            fprintf(out, "collect     %.2f s (one pass of the big model over the training slice)\n", fd->seconds);
        fprintf(out, "build       %.2f s (projection, ridge solve, quantization, calibration)\n", d.fit_seconds);
        fprintf(out, "%-8s %12s %12s %10s %12s\n", "layer", "MSE", "MSE FP32", "rel MSE", "bytes");
        for (int l = 0; l < m->nlayers; l++)
            fprintf(out, "%-8d %12.5f %12.5f %10.4f %12zu\n", l, dm_dual_little(&d, l)->mse, dm_dual_little(&d, l)->mse_fp32,
                    dm_little_rel_mse(dm_dual_little(&d, l)), dm_dual_layer_little_bytes(&d, l));
    }
    fflush(out);
    dm_dual_free(&d);
    return 0;
}
