/* cmd_family.c - eval, run detail and info for a network of any family
 * other than the language model (whose reports, with perplexity paths,
 * vocabulary and gates, stay in cmd_eval.c): the classifier today. Every
 * figure comes from the family's ops (family.h) and the engine's sites and
 * statistics, so a new family gets these reports without code here. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <jansson.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "bleu.h"
#include "dualfile.h"
#include "cmd_int.h"
#include "metric.h"
#include "resnet.h"
#include "seq2seq.h"

static const char *class_name(const dm_net *n, int i, char *buf, size_t sz)
{
    if (n->fam == &dm_family_resnet) {
        const dm_resnet *m = (const dm_resnet *)n;
        if (i < m->nnames)
            return m->class_names[i];
    }
    snprintf(buf, sz, "class %d", i);
    return buf;
}

/* Per-class accuracy and the confusion matrix (side 0 dense, 1 dual). */
static void print_classes(FILE *out, const dm_net *n, const dm_dual_result *r, int side)
{
    if (!r->nclass)
        return;
    char buf[32];
    fprintf(out, "per class  ");
    for (int i = 0; i < r->nclass; i++) {
        long tot = 0;
        for (int j = 0; j < r->nclass; j++)
            tot += r->confusion[side][i][j];
        fprintf(out, "%s%s %.1f%%", i ? ", " : " ", class_name(n, i, buf, sizeof buf),
                tot ? 100.0 * (double)r->confusion[side][i][i] / (double)tot : 0.0);
    }
    fprintf(out, "\nconfusion   rows: true class, columns: predicted (%s)\n", side ? "dual" : "dense");
    for (int i = 0; i < r->nclass; i++) {
        fprintf(out, "  %-12.12s", class_name(n, i, buf, sizeof buf));
        for (int j = 0; j < r->nclass; j++)
            fprintf(out, " %5ld", r->confusion[side][i][j]);
        fprintf(out, "\n");
    }
}

static json_t *confusion_json(const dm_dual_result *r, int side)
{
    json_t *a = json_array();
    for (int i = 0; i < r->nclass; i++) {
        json_t *row = json_array();
        for (int j = 0; j < r->nclass; j++)
            json_array_append_new(row, json_integer(r->confusion[side][i][j]));
        json_array_append_new(a, row);
    }
    return a;
}

/* a translator's figures beside BLEU: chrF2, length ratio, search, signatures */
static void print_bleu(FILE *out, const dm_dual_result *r, int side, int beam)
{
    char sb[128], sc[128];
    dm_bleu_signature(DM_BLEU_SMOOTH_EXP, sb, sizeof sb);
    dm_chrf_signature(sc, sizeof sc);
    fprintf(out, "chrF2       %.2f   length ratio %.3f (hypothesis / reference, 13a tokens)\n", r->chrf[side],
            r->len_ratio[side]);
    if (beam > 1)
        fprintf(out, "search      beam %d, length penalty ((5 + |Y|) / 6)^0.6 (GNMT)\n", beam);
    else
        fprintf(out, "search      greedy\n");
    fprintf(out, "signature   BLEU %s\n            chrF2 %s\n", sb, sc);
}

int dm_cmd_eval_family(dm_cmd_ctx *c)
{
    const dm_settings *s = dm_session_settings(c->s);
    const dm_net *n = dm_session_net(c->s);
    const dm_model_ref *ref = dm_session_ref(c->s);
    const dm_data *d;
    char datapath[DM_PATH_MAX];
    if (dm_session_gdata(c->s, &d, datapath, sizeof datapath, &c->err))
        return -1;
    dm_blas_set_threads(s->threads);
    dm_dual_result *r = calloc(1, sizeof *r);
    if (!r)
        return fail(c, "out of memory");
    dm_eval_prog p = {c, "dense", 0};
    dm_eval_opts eo = {.progress = dm_cmd_eval_progress, .progress_ud = &p, .cancel = c->io->cancel, .beam = s->beam,
                       .threads = s->threads};
    if (s->save_hyp[0] && dm_session_check_output(c->s, s->save_hyp, "save-hyp", &c->err)) {
        free(r);
        return -1;
    }
    if (s->save_hyp[0] && n->fam == &dm_family_seq2seq && !(eo.hyp_out = fopen(s->save_hyp, "w"))) {
        free(r);
        return fail(c, "save-hyp %s: cannot open for writing: %s", s->save_hyp, strerror(errno));
    }
    int rc = n->fam->eval(n, NULL, d, &eo, 0, r, &c->err);
    if (eo.hyp_out && fclose(eo.hyp_out) && !rc)
        rc = fail(c, "save-hyp %s: write error: %s", s->save_hyp, strerror(errno));
    if (p.drawn) {
        fprintf(c->io->msg, "\r\033[K");
        fflush(c->io->msg);
    }
    if (rc) {
        free(r);
        return -1;
    }
    if (cancelled(c)) {
        free(r);
        return fail(c, "interrupted");
    }
    const char *split = dm_cmd_split_name(s);
    const dm_eval_result *e = &r->dense;
    const dm_metric_def *md = dm_metric_get(e->metric);
    FILE *out = c->io->out;
    if (c->fmt == DM_FMT_JSON || c->fmt == DM_FMT_JSONL) {
        json_t *j = json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:f, s:f, s:I, s:f, s:f, s:i}", "model", ref->name,
                              "model_file", ref->file, "family", n->fam->name, "arch", n->arch, "data", datapath,
                              "split", split ? split : "", "value", e->value, "se", e->se, "items",
                              (json_int_t)e->items, "seconds", e->seconds, "items_per_s", e->items_per_s, "threads",
                              s->threads);
        json_object_set_new(j, "metric", json_string(dm_metric_name(e->metric)));
        if (r->nclass)
            json_object_set_new(j, "confusion", confusion_json(r, 0));
        dm_json_print(j, c->fmt, out);
        json_decref(j);
    } else if (c->fmt == DM_FMT_CSV || c->fmt == DM_FMT_MD) {
        dm_table t;
        dm_table_init(&t, NULL);
        const char *cols[] = {"model", "family", "split", "data", "metric", "value", "se", "items", "seconds",
                              "items_per_s", "threads"};
        for (int i = 0; i < 11; i++)
            dm_table_col(&t, cols[i], i >= 5);
        dm_table_row(&t);
        dm_table_set(&t, 0, ref->name);
        dm_table_set(&t, 1, n->fam->name);
        dm_table_set(&t, 2, split ? split : "");
        dm_table_set(&t, 3, datapath);
        dm_table_set(&t, 4, dm_metric_name(e->metric));
        dm_table_setf(&t, 5, "%.4f", e->value);
        dm_table_setf(&t, 6, "%.4f", e->se);
        dm_table_setf(&t, 7, "%ld", e->items);
        dm_table_setf(&t, 8, "%.3f", e->seconds);
        dm_table_setf(&t, 9, "%.1f", e->items_per_s);
        dm_table_setf(&t, 10, "%d", s->threads);
        emit(c, &t);
        dm_table_free(&t);
    } else {
        fprintf(out, "model       %s  (%s)\n", ref->name, n->arch);
        fprintf(out, "data        %s  (%s: %ld %ss)\n", split ? split : datapath, datapath, d->items, n->fam->item);
        char se[32] = "";
        if (!md || md->has_se)
            snprintf(se, sizeof se, " ± %.2f", e->se);
        fprintf(out, "%-11s %.2f%s%s   %ld %ss   %.2f s   %.0f %ss/s\n", md ? md->name : "value", e->value,
                md ? md->unit : "", se, e->items, n->fam->item, e->seconds, e->items_per_s, n->fam->item);
        print_classes(out, n, r, 0);
        if (e->metric == DM_METRIC_BLEU)
            print_bleu(out, r, 0, s->beam);
        fprintf(out, "threads     %d (%s)\n", s->threads, dm_blas_config());
    }
    fflush(out);
    free(r);
    return 0;
}

int dm_cmd_run_detail_family(dm_cmd_ctx *c, const dm_run *r, const dm_dual_result *res, int64_t run_id)
{
    const dm_settings *s = dm_session_settings(c->s);
    const dm_net *n = dm_session_net(c->s);
    const dm_engine *e = dm_session_engine(c->s);
    const dm_model_ref *ref = dm_session_ref(c->s);
    if (!e)
        return fail(c, "no dual module was built");
    const dm_fitdata *fd = NULL;
    dm_err e2;
    const char *dfile = dm_session_dual_file(c->s); /* a dual file: no fitting data */
    if (!dfile[0])
        dm_session_fitdata(c->s, &fd, &e2);
    const char *split = dm_cmd_split_name(s);
    const dm_dual_stats *st = &res->stats;
    const dm_metric_def *md = dm_metric_get(res->dual.metric);
    double delta = res->dual.value - res->dense.value;
    double macs = st->big_macs + st->little_macs;
    double mac_red = macs > 0 ? st->dense_macs / macs : NAN;
    FILE *out = c->io->out;
    if (c->fmt == DM_FMT_JSON || c->fmt == DM_FMT_JSONL) {
        /* figures that may be NaN (not measured: a translator's KL divergence) go in as null, not through
         * json_pack, which refuses a NaN real */
        json_t *j = json_pack("{s:s, s:s, s:s, s:s, s:f, s:f, s:f, s:f, s:f, s:i, s:i, s:s, s:s, s:s}",
                              "model", ref->name, "family", n->fam->name, "split", split ? split : "", "metric",
                              dm_metric_name(res->dual.metric), "value", res->dual.value, "dense_value",
                              res->dense.value, "delta", delta, "ratio", e->cfg.ratio, "ratio_achieved",
                              dm_stats_ratio(st, -1, -1), "bits", e->cfg.bits, "k", e->k, "mode",
                              dm_mode_name(e->cfg.mode), "policy", dm_policy_name(e->cfg.policy), "proj",
                              dm_proj_name(e->cfg.proj));
        json_object_set_new(j, "value_se", isnan(res->dual.se) ? json_null() : json_real(res->dual.se));
        json_object_set_new(j, "delta_se", isfinite(res->delta_se) ? json_real(res->delta_se) : json_null());
        json_object_set_new(j, "top1_agree", isnan(res->top1_agree) ? json_null() : json_real(res->top1_agree));
        json_object_set_new(j, "kld", isnan(res->kld) ? json_null() : json_real(res->kld));
        json_object_set_new(j, "macs_dense", json_real(st->dense_macs));
        json_object_set_new(j, "macs_big", json_real(st->big_macs));
        json_object_set_new(j, "macs_little", json_real(st->little_macs));
        json_object_set_new(j, "mac_reduction", isnan(mac_red) ? json_null() : json_real(mac_red));
        double ob = dm_stats_oracle_mac_reduction(st, 1);
        if (s->audit && !isnan(ob)) {
            json_object_set_new(j, "oracle_mac_reduction", json_real(ob));
            json_object_set_new(j, "oracle_mac_reduction_free", json_real(dm_stats_oracle_mac_reduction(st, 0)));
        }
        json_object_set_new(j, "speedup", isnan(r->speedup) ? json_null() : json_real(r->speedup));
        json_object_set_new(j, "speedup_e2e", isnan(r->speedup_e2e) ? json_null() : json_real(r->speedup_e2e));
        json_object_set_new(j, "run_id", run_id > 0 ? json_integer(run_id) : json_null());
        json_object_set_new(j, "items", json_integer(res->dual.items));
        json_t *sites = json_array();
        for (int i = 0; i < e->nsites; i++) {
            json_t *sj = json_pack("{s:s, s:f, s:f}", "site", e->s[i].site.name, "ratio_achieved",
                                   dm_stats_ratio(st, i, -1), "fit_rel_mse",
                                   dm_little_rel_mse(&e->s[i].little));
            if (s->audit)
                json_object_set_new(sj, "recall", json_real(dm_stats_recall(st, i, -1)));
            double rz = dm_stats_relu_zero(st, i, -1);
            if (s->audit && !isnan(rz))
                json_object_set_new(sj, "relu_zero", json_real(rz));
            json_array_append_new(sites, sj);
        }
        json_object_set_new(j, "sites", sites);
        if (res->nclass)
            json_object_set_new(j, "confusion", confusion_json(res, 1));
        dm_json_print(j, c->fmt, out);
        json_decref(j);
    } else if (c->fmt == DM_FMT_CSV || c->fmt == DM_FMT_MD) {
        dm_table t;
        dm_table_init(&t, NULL);
        const char *cols[] = {"model", "split", "ratio", "ratio_achieved", "bits", "k", "proj", "metric", "value",
                              "dense_value", "delta", "top1_agree", "mac_reduction", "speedup", "speedup_e2e",
                              "run_id"};
        for (int i = 0; i < 16; i++)
            dm_table_col(&t, cols[i], i >= 2 && i != 6 && i != 7);
        dm_table_row(&t);
        dm_table_set(&t, 0, ref->name);
        dm_table_set(&t, 1, split ? split : s->split);
        dm_table_setnum(&t, 2, e->cfg.ratio, 4);
        dm_table_setnum(&t, 3, dm_stats_ratio(st, -1, -1), 4);
        dm_table_setf(&t, 4, "%d", e->cfg.bits);
        dm_table_setf(&t, 5, "%d", e->k);
        dm_table_set(&t, 6, dm_proj_name(e->cfg.proj));
        dm_table_set(&t, 7, dm_metric_name(res->dual.metric));
        dm_table_setnum(&t, 8, res->dual.value, 4);
        dm_table_setnum(&t, 9, res->dense.value, 4);
        dm_table_setnum(&t, 10, delta, 4);
        dm_table_setnum(&t, 11, res->top1_agree, 5);
        dm_table_setnum(&t, 12, mac_red, 4);
        dm_table_setnum(&t, 13, r->speedup, 4);
        dm_table_setnum(&t, 14, r->speedup_e2e, 4);
        if (run_id > 0)
            dm_table_setf(&t, 15, "%lld", (long long)run_id);
        emit(c, &t);
        dm_table_free(&t);
    } else {
        char lb[32], kb[48], bb[48];
        dm_cmd_human_bytes((double)dm_engine_little_bytes(e), lb, sizeof lb);
        if (e->cfg.k)
            snprintf(kb, sizeof kb, "k %d", e->k);
        else
            snprintf(kb, sizeof kb, "k %d (eps %g)", e->k, e->cfg.eps);
        dm_cmd_bits_text(e->cfg.bits, bb, sizeof bb);
        fprintf(out, "model       %s  (%s)\n", ref->name, n->arch);
        fprintf(out, "data        %s  (%ld %ss)\n", split ? split : s->split, res->dual.items, n->fam->item);
        fprintf(out, "little      %s, %s, %s projection (seed %llu), %s of little weights and projections\n", kb, bb,
                dm_proj_name(e->cfg.proj), (unsigned long long)e->cfg.seed, lb);
        if (dfile[0])
            fprintf(out, "fit         none: dual file %s (%s)\n", dfile, dm_session_dual_info(c->s)->source);
        else
            fprintf(out, "fit         %ld training %ss%s; built in %.2f s\n", fd ? fd->fit_items : 0L,
                    n->fam->fit_item ? n->fam->fit_item : n->fam->item,
                    fd && fd->from_cache ? " (moments from cache)" : "", e->fit_seconds);
        fprintf(out, "policy      %s regions, %s ratio control%s\n", dm_policy_name(e->cfg.policy),
                dm_mode_name(e->cfg.mode),
                e->cfg.mode == DM_MODE_THRESHOLD ? " (thresholds from training-split quantiles)"
                                                 : " (exact top-k per step)");
        fprintf(out, "ratio       requested %.3f, achieved %.3f\n", e->cfg.ratio, dm_stats_ratio(st, -1, -1));
        for (int i = 0; i < e->nsites; i++) {
            const dm_little *L = &e->s[i].little;
            fprintf(out, "  %-16s %.3f   little rel. MSE %.3f", e->s[i].site.name, dm_stats_ratio(st, i, -1),
                    dm_little_rel_mse(L));
            if (s->audit)
                fprintf(out, "   recall %.3f  false-insensitive %.3f", dm_stats_recall(st, i, -1),
                        dm_stats_false_insens(st, i, -1));
            double rz = dm_stats_relu_zero(st, i, -1);
            if (s->audit && !isnan(rz))
                fprintf(out, "  exact zeros %.3f", rz);
            fprintf(out, "\n");
        }
        char se[32] = "";
        if (!md || md->has_se)
            snprintf(se, sizeof se, " ± %.2f", res->dual.se);
        char dse[40] = "";
        if (isfinite(res->delta_se))
            snprintf(dse, sizeof dse, " ± %.2f paired", res->delta_se);
        fprintf(out, "%-11s dual %.2f%s%s   dense %.2f%s   Δ %+.2f points%s\n", md ? md->name : "value",
                res->dual.value, md ? md->unit : "", se, res->dense.value, md ? md->unit : "", delta, dse);
        if (res->dual.metric == DM_METRIC_BLEU) {
            fprintf(out, "chrF2       dual %.2f   dense %.2f   length ratio dual %.3f, dense %.3f\n", res->chrf[1],
                    res->chrf[0], res->len_ratio[1], res->len_ratio[0]);
            fprintf(out, "vs dense    %.2f%% of the sentences translated exactly as the dense model does (%s)\n",
                    100 * res->top1_agree, s->beam > 1 ? "beam search" : "greedy");
            fprintf(out, "dense parts the encoder, the attention and the output layer (only the decoder's LSTM "
                         "layers are dual-moduled)\n");
        } else {
            fprintf(out, "vs dense    top-1 agreement %.2f%%   KL %.5f nats/%s\n", 100 * res->top1_agree, res->kld,
                    n->fam->item);
        }
        double per = st->steps > 0 ? (double)st->steps : 1;
        if (st->dense_macs > 0)
            fprintf(out,
                    "MACs        dual-moduled layers %.3fx fewer: big %.2f M + little %.2f M vs dense %.2f M per %s\n",
                    mac_red, st->big_macs / per / 1e6, st->little_macs / per / 1e6, st->dense_macs / per / 1e6,
                    n->fam->item);
        double ob = dm_stats_oracle_mac_reduction(st, 1), of = dm_stats_oracle_mac_reduction(st, 0);
        if (s->audit && !isnan(ob))
            fprintf(out,
                    "MAC bound   a perfect predictor computes only the outputs ReLU keeps (%.1f%% of them are "
                    "zeros): %.3fx fewer with these little modules, %.3fx with free ones\n",
                    100 * st->zero_macs / st->audit_macs, ob, of);
        if (!isnan(r->speedup))
            fprintf(out,
                    "speed       %.2fx dual-moduled layers (%.2f-%.2f), %.2fx end to end: medians of interleaved "
                    "dense/dual batch-1 pairs (setting speed)\n",
                    r->speedup, r->speedup_min, r->speedup_max, r->speedup_e2e);
        fprintf(out, "time        %.1f s (%.0f %ss/s, dense and dual together; %s kernels)\n", res->dual.seconds,
                res->dual.items_per_s, n->fam->item, e->kern ? e->kern->name : "reference");
        print_classes(out, n, res, 1);
        if (run_id > 0) {
            dm_err e3;
            fprintf(out, "saved       run %lld in %s\n", (long long)run_id, dm_store_path(dm_session_store(c->s, &e3)));
        }
    }
    fflush(out);
    return 0;
}

int dm_cmd_info_family(dm_cmd_ctx *c, const dm_net *n, const dm_model_ref *ref)
{
    FILE *out = c->io->out;
    char fb[32];
    dm_cmd_human_bytes(n->file_bytes, fb, sizeof fb);
    if (c->fmt == DM_FMT_JSON || c->fmt == DM_FMT_JSONL) {
        json_t *j = json_pack("{s:s, s:s, s:s, s:s, s:I, s:f, s:s, s:i}", "model", ref->name, "file", ref->file,
                              "family", n->fam->name, "arch", n->arch, "parameters", (json_int_t)n->params,
                              "file_bytes", n->file_bytes, "dataset", n->dataset, "sites", n->nsites);
        json_t *sites = json_array();
        for (int i = 0; i < n->nsites; i++)
            json_array_append_new(sites, json_pack("{s:s, s:s, s:i, s:i}", "name", n->site[i].name, "kind",
                                                   n->site[i].ops->kind, "in", n->site[i].in, "rows",
                                                   n->site[i].orows));
        json_object_set_new(j, "site_list", sites);
        dm_json_print(j, c->fmt, out);
        json_decref(j);
    } else if (c->fmt == DM_FMT_CSV || c->fmt == DM_FMT_MD) {
        dm_table t;
        dm_table_init(&t, NULL);
        const char *cols[] = {"site", "kind", "in", "rows", "residual"};
        for (int i = 0; i < 5; i++)
            dm_table_col(&t, cols[i], i >= 2);
        for (int i = 0; i < n->nsites; i++) {
            dm_table_row(&t);
            dm_table_set(&t, 0, n->site[i].name);
            dm_table_set(&t, 1, n->site[i].ops->kind);
            dm_table_setf(&t, 2, "%d", n->site[i].in);
            dm_table_setf(&t, 3, "%d", n->site[i].orows);
            dm_table_setf(&t, 4, "%d", n->site[i].residual);
        }
        emit(c, &t);
        dm_table_free(&t);
    } else {
        fprintf(out, "model         %s\n", ref->name);
        if (ref->file[0])
            fprintf(out, "file          %s (%s, hash %016llx)\n", ref->file, fb, (unsigned long long)n->file_hash);
        fprintf(out, "family        %s (metric: %s per %s)\n", n->fam->name, n->fam->metric, n->fam->item);
        fprintf(out, "architecture  %s\n", n->arch);
        fprintf(out, "parameters    %lld%s\n", n->params,
                n->fam == &dm_family_resnet ? " (batch norms folded into the convolutions)" : "");
        if (n->fam == &dm_family_seq2seq) {
            const dm_s2s *m = (const dm_s2s *)n;
            fprintf(out, "vocabulary    %s %d, %s %d BPE symbols (bpe.%s, bpe.%s: %d and %d merges)\n", m->src_lang,
                    m->src.n, m->tgt_lang, m->tgt.n, m->src_lang, m->tgt_lang, m->src.nmerges, m->tgt.nmerges);
            fprintf(out, "decoder step  %.2f M multiply-adds: LSTM layers %.2f M (dual-moduled), attention %.2f M + "
                         "%d per source token, output layer %.2f M (dense)\n",
                    (4.0 * m->H * (m->E + m->H) + 4.0 * m->H * 2 * m->H + 3.0 * m->H * m->H + (double)m->Vt * m->H) / 1e6,
                    (4.0 * m->H * (m->E + m->H) + 4.0 * m->H * 2 * m->H) / 1e6, 3.0 * m->H * m->H / 1e6, 2 * m->H,
                    (double)m->Vt * m->H / 1e6);
        }
        if (n->fam == &dm_family_resnet) {
            const dm_resnet *m = (const dm_resnet *)n;
            fprintf(out, "operations    %.1f M multiply-adds per image, %.1f M of them in the %d dual-module sites\n",
                    dm_resnet_macs(m) / 1e6, dm_resnet_site_macs(m) / 1e6, n->nsites);
            fprintf(out, "input         %dx%d, %d channel%s, normalised (x/255 - %.4f) / %.4f\n", m->H, m->W, m->in_ch,
                    m->in_ch > 1 ? "s (gray replicated)" : "", (double)m->mean, (double)m->std);
        }
        fprintf(out, "sites         %d dual-module layers (%s):\n", n->nsites,
                n->fam == &dm_family_resnet ? "patch length x output channels" : "[x ; h] inputs x gate rows");
        for (int i = 0; i < n->nsites; i++)
            fprintf(out, "  %-16s %s %d x %d%s\n", n->site[i].name, n->site[i].ops->kind, n->site[i].in,
                    n->site[i].orows, n->site[i].residual ? ", ReLU after the residual add" : "");
        if (n->dataset[0])
            fprintf(out, "data set      %s\n", n->dataset);
    }
    fflush(out);
    return 0;
}

int dm_cmd_bench_family(dm_cmd_ctx *c, const double *ratios, int nr, const double *ks, int nk, long steps, int cold)
{
    const dm_settings *s = dm_session_settings(c->s);
    const dm_net *n = dm_session_net(c->s);
    const dm_model_ref *ref = dm_session_ref(c->s);
    dm_dual_cfg cfg;
    if (dm_cmd_dual_cfg_sites(c, &cfg))
        return -1;
    double kl[16] = {cfg.k};
    if (nk == 0)
        ks = kl, nk = 1;
    for (int i = 0; i < nk; i++) { /* every configuration checked before the work starts */
        dm_dual_cfg t = cfg;
        int k;
        t.k = (int)ks[i];
        if (dm_dual_cfg_check_sites(&t, n->site, n->nsites, &k, &c->err))
            return -1;
    }
    const dm_fitdata *fd;
    if (dm_cmd_fitdata(c, &fd))
        return -1;
    if (dm_cmd_ensure_tuned(c))
        return -1;
    dm_blas_set_threads(s->threads);
    const dm_kernels *K = dm_cmd_kernels(s);
    enum { M, RATIO, ACH, BITS, KK, THR, KERN, COLD, STEPS, DMS, QMS, SP, SPMIN, SPMAX, DE2E, QE2E, SPE2E, LIMIT,
           PCTLIM, SPREAD, PATH, ALT, ALTSP, NC };
    static const char *const cols[NC] = {"model", "ratio", "ratio_achieved", "bits", "k", "threads", "kernels",
                                         "cold", "steps", "dense_ms", "dual_ms", "speedup", "speedup_min",
                                         "speedup_max", "dense_e2e_ms", "dual_e2e_ms", "speedup_e2e", "mac_reduction",
                                         "pct_limit", "spread", "dual_kernel", "other_kernel", "other_speedup"};
    dm_table t;
    dm_table_init(&t, NULL);
    for (int i = 0; i < NC; i++)
        dm_table_col(&t, cols[i], i == COLD ? DM_COL_BOOL : i != M && i != KERN && i != PATH && i != ALT);
    int rc = 0;
    for (int ki = 0; ki < nk && !rc; ki++) {
        dm_dual_cfg kc = cfg;
        kc.k = (int)ks[ki];
        dm_engine e;
        if (dm_engine_build(&e, n->site, n->nsites, fd, &kc, &c->err)) {
            rc = -1;
            break;
        }
        if (dm_engine_use_kernels(&e, K, &c->err)) {
            dm_engine_free(&e);
            rc = -1;
            break;
        }
        for (int ri = 0; ri < nr && !rc; ri++) {
            if (cancelled(c)) {
                rc = fail(c, "interrupted");
                break;
            }
            if (c->io->progress && !c->io->quiet)
                info(c, "timing ratio %.2f, k %d: %ld dense/dual %s pairs...", ratios[ri], e.k, steps, n->fam->item);
            dm_dual_bench b;
            if (dm_engine_set_ratio(&e, ratios[ri], &c->err) || n->fam->bench(n, &e, (int)steps, cold, &b, &c->err)) {
                rc = -1;
                break;
            }
            dm_table_row(&t);
            dm_table_set(&t, M, ref->name);
            dm_table_setf(&t, RATIO, "%.2f", ratios[ri]);
            dm_table_setf(&t, ACH, "%.3f", b.achieved);
            dm_table_setf(&t, BITS, "%d", kc.bits);
            dm_table_setf(&t, KK, "%d", e.k);
            dm_table_setf(&t, THR, "%d", s->threads);
            dm_table_set(&t, KERN, e.kern ? e.kern->name : "reference");
            dm_table_setf(&t, COLD, "%d", cold);
            dm_table_setf(&t, STEPS, "%d", b.steps);
            dm_table_setf(&t, DMS, "%.3f", b.dense_ms);
            dm_table_setf(&t, QMS, "%.3f", b.dual_ms);
            dm_table_setf(&t, SP, "%.3f", b.sp[1]);
            dm_table_setf(&t, SPMIN, "%.3f", b.sp[0]);
            dm_table_setf(&t, SPMAX, "%.3f", b.sp[2]);
            dm_table_setf(&t, DE2E, "%.3f", b.dense_e2e_ms);
            dm_table_setf(&t, QE2E, "%.3f", b.dual_e2e_ms);
            dm_table_setf(&t, SPE2E, "%.3f", b.sp_e2e[1]);
            dm_table_setf(&t, LIMIT, "%.3f", b.limit);
            if (b.limit > 0)
                dm_table_setf(&t, PCTLIM, "%.1f", 100.0 * b.sp[1] / b.limit);
            dm_table_setf(&t, SPREAD, "%.3f", b.spread);
            dm_table_set(&t, PATH, b.path[0] ? b.path : NULL);
            dm_table_set(&t, ALT, b.alt_path[0] ? b.alt_path : NULL);
            if (b.alt_path[0])
                dm_table_setf(&t, ALTSP, "%.3f", b.alt_sp);
        }
        dm_engine_free(&e);
    }
    if (!rc) {
        if (c->fmt == DM_FMT_TABLE && n->fam == &dm_family_seq2seq)
            fprintf(c->io->out,
                    "%s (%s): batch-1 decoder step, dense vs dual, interleaved pairs: dense_ms/dual_ms time the "
                    "decoder's two LSTM layers (the dual-moduled ones), e2e_ms adds the output layer (not the "
                    "attention); mac_reduction = dense / dual bytes of the LSTM layers (big rows, little weights, "
                    "projections), the bandwidth limit of a cold step; pct_limit = speedup / it. %s\n",
                    ref->name, n->arch,
                    cold ? "Cold: the caches flushed and the weights evicted before every step"
                         : "Warm: weights this small stay in cache, the step is compute-bound and the limit is not "
                           "the memory's");
        else if (c->fmt == DM_FMT_TABLE)
            fprintf(c->io->out, "%s (%s): batch-1 %s latency, dense vs dual, interleaved pairs; mac_reduction = "
                                "dense / (big + little) multiply-adds of the dual-moduled layers; dual_kernel: the faster of the two "
                                "output-sparse kernels, timed in the same loop as the other\n",
                    ref->name, n->arch, n->fam->item);
        emit(c, &t);
    }
    dm_table_free(&t);
    return rc;
}
