/* cmd_eval.c - the commands that report on one model: eval (dense
 * perplexity on one or both paths), run detail (the full dual-module report
 * of a run) and info (architecture, bytes, vocabulary, data, card). These
 * are what `dualmod eval` and `dualmod info` print: the classic subcommands
 * are rewritten into them (ui/main.c). */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <jansson.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "dualfile.h"
#include "cmd_int.h"
#include "bench.h"
#include "rnnlm.h"
#include "corpus.h"
#include "lm_dual.h"
#include "eval.h"
#include "kernels.h"
#include "lm.h"
#include "metric.h"
#include "models.h"
#include "vocab.h"

static void describe_arch(const dm_lm *m, char *out, size_t n)
{
    snprintf(out, n, "%s, %d layer%s x %d hidden, embedding %d, vocab %d, decoder %s", dm_cell_name(m->cell),
             m->nlayers, m->nlayers > 1 ? "s" : "", m->nhid, m->emsize, m->ntoken, m->tied ? "tied" : "untied");
}

/* The split's data file must be readable (the message names the file). */
static int data_readable(dm_cmd_ctx *c)
{
    const dm_settings *s = dm_session_settings(c->s);
    if (!dm_cmd_split_name(s) && access(s->split, R_OK) != 0) {
        int e = errno;
        char p[DM_PATH_MAX];
        dm_err e2;
        if (!strchr(s->split, '/') && dm_data_resolve(s->split, "test", p, sizeof p, &e2) == 0)
            return 0; /* a data set's name: its test split (the session resolves it) */
        if (dm_check_input_file(s->split, "data", &c->err)) /* names a loop, a FIFO, ... as what it is */
            return -1;
        return fail(c, "%s: cannot open data file: %s", s->split, strerror(e));
    }
    return 0;
}

/* ---- eval: dense perplexity ---- */

void dm_cmd_eval_progress(const dm_eval_result *r, long total, void *ud)
{
    dm_eval_prog *p = ud;
    FILE *f = p->c->io->msg;
    if (!p->c->io->progress || p->c->io->quiet || !f)
        return;
    double frac = total > 0 ? (double)r->predictions / (double)total : 0;
    int w = 24, fill = (int)(frac * w);
    char bar[32];
    for (int i = 0; i < w; i++)
        bar[i] = i < fill ? '#' : '.';
    bar[w] = '\0';
    double rate = r->seconds > 0 ? (double)r->predictions / r->seconds : 0;
    double left = rate > 0 ? (double)(total - r->predictions) / rate : 0;
    const dm_metric_def *md = dm_metric_get(r->metric); /* units and key of the metric */
    fprintf(f, "\r\033[K%s [%s] %5.1f%% %ld/%ld %s %6.0f %s %4.0fs left  %s %.2f", p->label, bar, 100 * frac,
            r->predictions, total, md ? md->abbr : "items", rate, md ? md->rate : "items/s", left,
            md ? md->key : "value", r->value);
    fflush(f);
    p->drawn = 1;
}

void dm_cmd_note_ignored(dm_cmd_ctx *c)
{
    const dm_settings *s = dm_session_settings(c->s);
    const dm_net *n = dm_session_net(c->s);
    if (!n)
        return;
    const char *name = dm_session_ref(c->s)->name, *fam = n->fam->name;
    if (n->fam != &dm_family_seq2seq) {
        if (s->beam > 1)
            info(c, "note: beam %d is for translators; %s (a %s model) ignores it", s->beam, name, fam);
        if (s->save_hyp[0])
            info(c, "note: save-hyp is for translators; %s (a %s model) writes no hypotheses, %s is not written",
                 name, fam, s->save_hyp);
    }
    if (n->fam != &dm_family_rnnlm) {
        if (s->path == DM_PATH_SEQ)
            info(c, "note: path seq is for language models; %s (a %s model) has one path", name, fam);
        if (s->streams > 1)
            info(c, "note: streams %d is for language models; %s (a %s model) ignores it", s->streams, name, fam);
    }
}

int dm_cmd_eval(dm_cmd_ctx *c, int argc, char **argv, const char *const *raw)
{
    (void)raw;
    if (!dm_session_loaded(c->s))
        return fail(c, "no model loaded: 'load MODEL' first (e.g. load kjv-lstm)");
    int both = 0;
    if (argc) {
        if (strcmp(argv[0], "both"))
            return fail(c, "'%s': expected nothing or 'both' (the stream and the seq path)", argv[0]);
        both = 1;
    }
    dm_cmd_note_ignored(c);
    if (!dm_session_lm(c->s)) { /* another family: its metric, dense */
        if (both)
            return fail(c, "'eval both' compares the language model's two paths; this model has one");
        if (data_readable(c))
            return -1;
        return dm_cmd_eval_family(c);
    }
    const dm_settings *s = dm_session_settings(c->s);
    const dm_lm *m = dm_session_lm(c->s);
    const dm_model_ref *ref = dm_session_ref(c->s);
    if (!dm_session_vocab(c->s))
        return fail(c, "model %s has no vocabulary, so it cannot read text", ref->name);
    if (data_readable(c))
        return -1;
    const dm_corpus *corpus;
    char datapath[DM_PATH_MAX];
    if (dm_session_data_whole(c->s, &corpus, datapath, sizeof datapath, &c->err)) /* dense: nothing held out */
        return -1;
    dm_blas_set_threads(s->threads);
    int streams = s->streams > 1 ? s->streams : 1; /* dense eval's auto (0): one stream, batch 1 */
    if (both && streams > 1)
        return fail(c, "'eval both' compares the two batch-1 paths; it takes streams 1 (or 0), not %d", streams);
    int npaths = both ? 2 : 1;
    dm_eval_result res[2];
    dm_lm_path paths[2] = {both ? DM_PATH_STREAM : (dm_lm_path)s->path, DM_PATH_SEQ};
    dm_eval_prog pc = {c, "", 0};
    for (int i = 0; i < npaths; i++) {
        dm_eval_opts eo = {.path = paths[i], .chunk = s->chunk, .progress = dm_cmd_eval_progress, .progress_ud = &pc,
                           .cancel = c->io->cancel, .streams = streams};
        pc.label = streams > 1 ? "streams" : dm_path_name(paths[i]);
        int rc = dm_eval_lm(m, corpus, &eo, &res[i], &c->err);
        if (pc.drawn) {
            fprintf(c->io->msg, "\r\033[K");
            fflush(c->io->msg);
            pc.drawn = 0;
        }
        if (rc)
            return -1;
        if (cancelled(c))
            return fail(c, "interrupted");
    }
    const char *split = dm_cmd_split_name(s);
    FILE *out = c->io->out;
    if (c->fmt == DM_FMT_JSON || c->fmt == DM_FMT_JSONL) {
        json_t *arr = json_array();
        for (int i = 0; i < npaths; i++) {
            json_t *j = json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:f, s:f, s:f, s:I, s:I, s:I, s:I, s:f, s:f, s:i}",
                                  "model", ref->name, "model_file", ref->file, "arch", dm_cell_name(m->cell), "data",
                                  datapath, "split", split ? split : "", "path", dm_path_name(paths[i]), "ppl",
                                  res[i].value, "value_se", res[i].se, "nll", res[i].nll, "tokens", (json_int_t)corpus->n,
                                  "predictions", (json_int_t)res[i].predictions, "unk", (json_int_t)corpus->unk,
                                  "lines", (json_int_t)corpus->lines, "seconds", res[i].seconds, "tokens_per_s",
                                  res[i].items_per_s, "threads", s->threads);
            json_object_set_new(j, "streams", json_integer(streams));
            json_object_set_new(j, "metric", json_string(dm_metric_name(res[i].metric)));
            json_object_set_new(j, "value", json_real(res[i].value));
            json_array_append_new(arr, j);
        }
        dm_json_print(npaths == 1 ? json_array_get(arr, 0) : arr, c->fmt, out);
        json_decref(arr);
    } else if (c->fmt == DM_FMT_CSV || c->fmt == DM_FMT_MD) {
        dm_table t;
        dm_table_init(&t, NULL);
        const char *cols[] = {"model", "split", "data", "path", "ppl", "value_se", "nll", "tokens", "predictions",
                              "unk", "seconds", "tokens_per_s", "threads", "metric", "value", "streams"};
        for (int i = 0; i < 16; i++)
            dm_table_col(&t, cols[i], (i >= 4 && i <= 12) || i >= 14);
        for (int i = 0; i < npaths; i++) {
            dm_table_row(&t);
            dm_table_set(&t, 0, ref->name);
            dm_table_set(&t, 1, split ? split : "");
            dm_table_set(&t, 2, datapath);
            dm_table_set(&t, 3, dm_path_name(paths[i]));
            dm_table_setf(&t, 4, "%.6f", res[i].value);
            dm_table_setf(&t, 5, "%.6f", res[i].se);
            dm_table_setf(&t, 6, "%.8f", res[i].nll);
            dm_table_setf(&t, 7, "%ld", corpus->n);
            dm_table_setf(&t, 8, "%ld", res[i].predictions);
            dm_table_setf(&t, 9, "%ld", corpus->unk);
            dm_table_setf(&t, 10, "%.4f", res[i].seconds);
            dm_table_setf(&t, 11, "%.1f", res[i].items_per_s);
            dm_table_setf(&t, 12, "%d", s->threads);
            dm_table_set(&t, 13, dm_metric_name(res[i].metric));
            dm_table_setf(&t, 14, "%.6f", res[i].value);
            dm_table_setf(&t, 15, "%d", streams);
        }
        emit(c, &t);
        dm_table_free(&t);
    } else {
        char arch[256], fb[32];
        describe_arch(m, arch, sizeof arch);
        dm_cmd_human_bytes((double)m->file_bytes, fb, sizeof fb);
        fprintf(out, "model       %s  (%s; %s %s file)\n", ref->name, arch, fb, m->file_dtype);
        fprintf(out, "data        %s  (%s: %ld tokens, %ld lines, %.2f%% <unk>)\n", split ? split : datapath, datapath,
                corpus->n, corpus->lines, 100.0 * (double)corpus->unk / (double)corpus->n);
        char lab[32];
        for (int i = 0; i < npaths; i++) {
            if (streams > 1)
                snprintf(lab, sizeof lab, "%d streams", streams);
            else
                snprintf(lab, sizeof lab, "%s", paths[i] == DM_PATH_STREAM ? "stream" : "seq");
            fprintf(out, "%-11s perplexity %.3f ± %.3f   %ld predictions   %.2f s   %.0f tokens/s\n", lab,
                    res[i].value, res[i].se, res[i].predictions, res[i].seconds, res[i].items_per_s);
        }
        if (streams > 1)
            fprintf(out, "            (%d contiguous streams from a zero state each, as PyTorch's batched evaluate; "
                         "streams 1 is the one-stream figure)\n", streams);
        fprintf(out, "threads     %d (%s)\n", s->threads, dm_blas_config());
    }
    fflush(out);
    return 0;
}

/* ---- run detail: the full report of a dual-module run ---- */

static void describe_little(const dm_dual *d, char *out, size_t n)
{
    char lb[32], db[32], kb[48], bb[48];
    dm_cmd_human_bytes((double)dm_dual_little_bytes(d), lb, sizeof lb);
    dm_cmd_human_bytes((double)dm_lm_rnn_bytes(d->big), db, sizeof db);
    if (d->cfg.k)
        snprintf(kb, sizeof kb, "k %d", d->k);
    else
        snprintf(kb, sizeof kb, "k %d (eps %g)", d->k, d->cfg.eps);
    dm_cmd_bits_text(d->cfg.bits, bb, sizeof bb);
    snprintf(out, n, "%s, %s, %s projection (seed %llu), %s little per step vs %s dense recurrent", kb, bb,
             dm_proj_name(d->cfg.proj), (unsigned long long)d->cfg.seed, lb, db);
}

static double bytes_ratio(const dm_dual_stats *st, int e2e)
{
    double dual = st->big_bytes + st->little_bytes, dense = st->dense_bytes;
    if (e2e)
        dual += st->dec_bytes, dense += st->dec_bytes;
    return dense > 0 ? dual / dense : 0;
}

static json_t *num_or_null(double v) { return isnan(v) ? json_null() : json_real(v); }

json_t *dm_cmd_dual_json(const dm_dual *d, const dm_dual_result *r, const char *model, const char *split,
                         const char *datapath, int audit)
{
    const dm_lm *m = d->big;
    double dppl = r->dual.value - r->dense.value;
    json_t *j = json_pack("{s:s, s:s, s:s, s:f, s:f, s:f, s:f, s:f, s:f, s:f, s:f, s:f, s:i, s:i, s:f, s:s, s:s, s:s, s:I}",
                          "model", model, "split", split ? split : "", "data", datapath, "ppl", r->dual.value,
                          "value_se", r->dual.se, "dppl", dppl, "dppl_pct",
                          100.0 * dppl / r->dense.value, "kld", r->kld, "top1_agree", r->top1_agree, "ratio",
                          d->cfg.ratio, "ratio_achieved", dm_stats_ratio(&r->stats, -1, -1), "bytes_ratio",
                          bytes_ratio(&r->stats, 0), "bits", d->cfg.bits, "k", d->k, "bytes_ratio_e2e",
                          bytes_ratio(&r->stats, 1), "mode", dm_mode_name(d->cfg.mode), "policy",
                          dm_policy_name(d->cfg.policy), "proj", dm_proj_name(d->cfg.proj), "predictions",
                          (json_int_t)r->dual.predictions);
    json_object_set_new(j, "metric", json_string(dm_metric_name(r->dual.metric)));
    json_object_set_new(j, "value", json_real(r->dual.value));
    json_object_set_new(j, "dense_value", json_real(r->dense.value));
    json_object_set_new(j, "delta", json_real(dppl));
    json_object_set_new(j, "delta_pct", json_real(100.0 * dppl / r->dense.value));
    json_object_set_new(j, "delta_se", isfinite(r->delta_se) ? json_real(r->delta_se) : json_null());
    json_object_set_new(j, "eps", d->cfg.k ? json_null() : json_real(d->cfg.eps));
    json_object_set_new(j, "seed", json_integer((json_int_t)d->cfg.seed));
    json_object_set_new(j, "little_bytes", json_integer((json_int_t)dm_dual_little_bytes(d)));
    json_object_set_new(j, "container_bits", json_integer(dm_bits_container(d->cfg.bits)));
    json_object_set_new(j, "dense_rnn_bytes", json_integer((json_int_t)dm_lm_rnn_bytes(m)));
    json_object_set_new(j, "path", json_string("stream"));
    json_t *layers = json_array();
    for (int l = 0; l < m->nlayers; l++) {
        json_t *lj = json_pack("{s:i, s:f, s:f, s:f}", "layer", l, "ratio_achieved", dm_stats_ratio(&r->stats, l, -1),
                               "fit_mse", dm_dual_little(d, l)->mse, "fit_rel_mse",
                               dm_little_rel_mse(dm_dual_little(d, l)));
        json_t *gates = json_object();
        for (int g = 0; g < m->gates; g++) {
            json_t *gj = json_pack("{s:f, s:f}", "ratio_achieved", dm_stats_ratio(&r->stats, l, g), "theta",
                                   (double)d->eng.s[l].gtheta[g]);
            if (audit) {
                json_object_set_new(gj, "recall", json_real(dm_stats_recall(&r->stats, l, g)));
                json_object_set_new(gj, "false_insensitive", json_real(dm_stats_false_insens(&r->stats, l, g)));
                json_object_set_new(gj, "cos_pre", json_real(dm_stats_cos(&r->stats, l, g, 0)));
                json_object_set_new(gj, "cos_post", json_real(dm_stats_cos(&r->stats, l, g, 1)));
            }
            json_object_set_new(gates, dm_gate_name(m, g), gj);
        }
        json_object_set_new(lj, "gates", gates);
        json_array_append_new(layers, lj);
    }
    json_object_set_new(j, "layers", layers);
    if (audit) {
        json_object_set_new(j, "recall", json_real(dm_stats_recall(&r->stats, -1, -1)));
        json_object_set_new(j, "false_insensitive", json_real(dm_stats_false_insens(&r->stats, -1, -1)));
    }
    return j;
}

int64_t dm_cmd_store_dual(dm_cmd_ctx *c, const dm_dual *d, const dm_dual_result *r, const dm_corpus *corpus)
{
    const dm_settings *s = dm_session_settings(c->s);
    if (!s->store)
        return 0;
    dm_store *st = dm_session_store(c->s, &c->err);
    if (!st) {
        dm_err_prefix(&c->err, "run not saved: ");
        return -1;
    }
    dm_run *run = calloc(1, sizeof *run);
    if (!run)
        return fail(c, "run not saved: out of memory");
    const dm_model_ref *ref = dm_session_ref(c->s);
    const char *git_rev, *flags, *version;
    dm_session_build_info(c->s, &git_rev, &flags, &version);
    /* the record's view of the model and data (as the session holds them) */
    dm_rnnlm *net = calloc(1, sizeof *net);
    if (!net) {
        free(run);
        return fail(c, "run not saved: out of memory");
    }
    net->lm = *d->big;
    dm_rnnlm_describe(net);
    dm_data data = {.fam = net->base.fam, .items = corpus->n, .scored = corpus->n - 1, .hash = corpus->hash};
    dm_run_source src = {.model_name = ref->name, .model_file = ref->file, .net = &net->base, .eng = &d->eng,
                         .data = &data, .split = s->split, .path = DM_PATH_STREAM, .threads = s->threads,
                         .audit = s->audit, .git_rev = git_rev, .build_flags = flags, .version = version};
    dm_run_describe(run, &src);
    snprintf(run->experiment, sizeof run->experiment, "%s", s->experiment);
    dm_run_results(run, &net->base, &d->eng, r, s->audit, NULL);
    snprintf(run->note, sizeof run->note, "%s", dm_session_held_note(c->s)); /* the data's head fitted on */
    free(net);
    dm_session_store_lock(c->s);
    int rc = dm_store_add(st, run, &c->err);
    dm_session_store_unlock(c->s);
    int64_t id = run->id;
    free(run);
    if (rc) {
        dm_err_prefix(&c->err, "run not saved: ");
        return -1;
    }
    return id;
}

int dm_cmd_run_detail(dm_cmd_ctx *c)
{
    const dm_settings *s = dm_session_settings(c->s);
    if (data_readable(c))
        return -1;
    dm_run *r = calloc(1, sizeof *r);
    dm_dual_result *res = calloc(1, sizeof *res);
    if (!r || !res) {
        free(r), free(res);
        return fail(c, "out of memory");
    }
    dm_prog_ctx p = {c, "dual ", 0};
    int rc = dm_session_run_result(c->s, dm_cmd_progress, &p, c->io->cancel, r, res, &c->err);
    dm_cmd_progress_end(&p);
    if (rc < 0 || (rc == 1 && !res->dual.cancelled)) {
        free(r), free(res);
        return rc < 0 ? -1 : fail(c, "interrupted before the evaluation started (not stored)");
    }
    /* stored as `run` stores it; a store that fails still leaves the figures printed */
    char store_err[sizeof c->err.msg + 32] = "";
    if (s->store) {
        dm_err e;
        dm_store *st = dm_session_store(c->s, &e);
        if (!st) {
            snprintf(store_err, sizeof store_err, "run not saved: %s", e.msg);
        } else {
            dm_session_store_lock(c->s);
            if (dm_store_add(st, r, &e))
                snprintf(store_err, sizeof store_err, "run not saved: %s", e.msg);
            dm_session_store_unlock(c->s);
        }
    }
    int64_t run_id = store_err[0] ? 0 : r->id;
    if (!dm_session_lm(c->s)) { /* another family: the generic report */
        int rcf = dm_cmd_run_detail_family(c, r, res, run_id);
        int cancelled_run = res->dual.cancelled;
        free(r), free(res);
        if (rcf)
            return -1;
        if (store_err[0])
            return fail(c, "%s", store_err);
        if (cancelled_run)
            return fail(c, "interrupted: stored with status 'cancelled', partial figures");
        return 0;
    }
    const dm_dual *d = dm_session_dual(c->s);
    const dm_fitdata *fd = NULL;
    dm_err e2;
    const char *dfile = dm_session_dual_file(c->s); /* a dual file: no fitting data */
    if (!dfile[0])
        dm_session_fitdata(c->s, &fd, &e2); /* current: the run built on it */
    const dm_model_ref *ref = dm_session_ref(c->s);
    const dm_lm *m = d->big;
    const dm_corpus *corpus;
    char datapath[DM_PATH_MAX] = "";
    if (dm_session_data(c->s, &corpus, datapath, sizeof datapath, &e2))
        corpus = NULL;
    const char *split = dm_cmd_split_name(s);
    FILE *out = c->io->out;
    int audit = s->audit;
    double sp = r->speedup, sp_e2e = r->speedup_e2e;
    if (c->fmt == DM_FMT_JSON || c->fmt == DM_FMT_JSONL) {
        json_t *j = dm_cmd_dual_json(d, res, ref->name, split, datapath, audit);
        json_object_set_new(j, "path", json_string(dm_path_name((dm_lm_path)s->path)));
        json_object_set_new(j, "streams", json_integer(r->streams > 0 ? r->streams : 1));
        json_object_set_new(j, "run_id", run_id > 0 ? json_integer(run_id) : json_null());
        json_object_set_new(j, "kernels", json_string(d->eng.kern ? d->eng.kern->name : "none"));
        json_object_set_new(j, "speedup", num_or_null(sp));
        json_object_set_new(j, "speedup_min", num_or_null(r->speedup_min));
        json_object_set_new(j, "speedup_max", num_or_null(r->speedup_max));
        json_object_set_new(j, "speedup_e2e", num_or_null(sp_e2e));
        json_object_set_new(j, "status", json_string(r->status));
        dm_json_print(j, c->fmt, out);
        json_decref(j);
    } else if (c->fmt == DM_FMT_CSV || c->fmt == DM_FMT_MD) {
        dm_table t;
        dm_table_init(&t, NULL);
        const char *cols[] = {"model", "split", "ratio", "ratio_achieved", "bits", "k", "mode", "policy", "proj",
                              "ppl", "dppl", "dppl_pct", "kld", "top1_agree", "bytes_ratio", "metric",
                              "value", "dense_value", "delta", "delta_pct", "speedup", "speedup_e2e", "run_id",
                              "streams"};
        for (int i = 0; i < 24; i++)
            dm_table_col(&t, cols[i], !(i <= 1 || (i >= 6 && i <= 8) || i == 15));
        double dppl = res->dual.value - res->dense.value;
        dm_table_row(&t);
        dm_table_set(&t, 0, ref->name);
        dm_table_set(&t, 1, split ? split : datapath);
        dm_table_setnum(&t, 2, d->cfg.ratio, 4);
        dm_table_setnum(&t, 3, dm_stats_ratio(&res->stats, -1, -1), 4);
        dm_table_setf(&t, 4, "%d", d->cfg.bits);
        dm_table_setf(&t, 5, "%d", d->k);
        dm_table_set(&t, 6, dm_mode_name(d->cfg.mode));
        dm_table_set(&t, 7, dm_policy_name(d->cfg.policy));
        dm_table_set(&t, 8, dm_proj_name(d->cfg.proj));
        dm_table_setnum(&t, 9, res->dual.value, 4);
        dm_table_setnum(&t, 10, dppl, 4);
        dm_table_setnum(&t, 11, 100 * dppl / res->dense.value, 4);
        dm_table_setnum(&t, 12, res->kld, 6);
        dm_table_setnum(&t, 13, res->top1_agree, 5);
        dm_table_setnum(&t, 14, bytes_ratio(&res->stats, 0), 4);
        dm_table_set(&t, 15, dm_metric_name(res->dual.metric));
        dm_table_setnum(&t, 16, res->dual.value, 4);
        dm_table_setnum(&t, 17, res->dense.value, 4);
        dm_table_setnum(&t, 18, dppl, 4);
        dm_table_setnum(&t, 19, 100 * dppl / res->dense.value, 4);
        dm_table_setnum(&t, 20, sp, 4);
        dm_table_setnum(&t, 21, sp_e2e, 4);
        if (run_id > 0)
            dm_table_setf(&t, 22, "%lld", (long long)run_id);
        dm_table_setf(&t, 23, "%d", r->streams > 0 ? r->streams : 1);
        emit(c, &t);
        dm_table_free(&t);
    } else {
        char arch[256], lit[512];
        describe_arch(m, arch, sizeof arch);
        describe_little(d, lit, sizeof lit);
        fprintf(out, "model       %s  (%s)\n", ref->name, arch);
        long held = corpus ? dm_session_held_tokens(c->s) : 0; /* the text's head fitted the little module */
        if (held)
            fprintf(out, "data        %s  (tokens %ld..%ld: %ld tokens, %ld predictions; 0..%ld held out to fit)\n",
                    split ? split : datapath, held, held + corpus->n - 1, corpus->n, res->dual.predictions,
                    held - 1);
        else
            fprintf(out, "data        %s  (%ld tokens, %ld predictions)\n", split ? split : datapath,
                    corpus ? corpus->n : 0L, res->dual.predictions);
        fprintf(out, "little      %s\n", lit);
        if (dfile[0])
            fprintf(out, "fit         none: dual file %s (%s); relative MSE", dfile,
                    dm_session_dual_info(c->s)->source);
        else
            fprintf(out, "fit         %ld %s tokens%s; relative MSE", fd ? fd->fit_items : 0L,
                    held ? "held-out" : "training", fd && fd->from_cache ? " (moments from cache)" : "");
        for (int l = 0; l < m->nlayers; l++)
            fprintf(out, " l%d %.3f", l, dm_little_rel_mse(dm_dual_little(d, l)));
        fprintf(out, "; built in %.2f s\n", d->fit_seconds);
        fprintf(out, "policy      %s regions, %s ratio control%s\n", dm_policy_name(d->cfg.policy),
                dm_mode_name(d->cfg.mode),
                d->cfg.mode != DM_MODE_THRESHOLD ? " (exact top-k per step)"
                : held ? " (thresholds from quantiles over the held-out tokens)"
                       : " (thresholds from training-split quantiles)");
        fprintf(out, "ratio       requested %.3f, achieved %.3f\n", d->cfg.ratio, dm_stats_ratio(&res->stats, -1, -1));
        for (int l = 0; l < m->nlayers; l++) {
            fprintf(out, "  layer %d   %.3f  ", l, dm_stats_ratio(&res->stats, l, -1));
            for (int g = 0; g < m->gates; g++)
                fprintf(out, " %s %.3f", dm_gate_name(m, g), dm_stats_ratio(&res->stats, l, g));
            fprintf(out, "\n");
            if (audit) {
                fprintf(out, "    recall ");
                for (int g = 0; g < m->gates; g++)
                    fprintf(out, " %s %.3f", dm_gate_name(m, g), dm_stats_recall(&res->stats, l, g));
                fprintf(out, "   false-insensitive");
                for (int g = 0; g < m->gates; g++)
                    fprintf(out, " %s %.3f", dm_gate_name(m, g), dm_stats_false_insens(&res->stats, l, g));
                fprintf(out, "\n    cos pre");
                for (int g = 0; g < m->gates; g++)
                    fprintf(out, " %s %.4f", dm_gate_name(m, g), dm_stats_cos(&res->stats, l, g, 0));
                fprintf(out, "   cos post");
                for (int g = 0; g < m->gates; g++)
                    fprintf(out, " %s %.4f", dm_gate_name(m, g), dm_stats_cos(&res->stats, l, g, 1));
                fprintf(out, "\n");
            }
        }
        double dppl = res->dual.value - res->dense.value;
        fprintf(out, "perplexity  dual %.3f ± %.3f   dense %.3f   ΔPPL %+.3f (%+.2f%%)", res->dual.value, res->dual.se,
                res->dense.value, dppl, 100 * dppl / res->dense.value);
        if (isfinite(res->delta_se))
            fprintf(out, " ± %.3f paired", res->delta_se);
        fprintf(out, "\n");
        fprintf(out, "vs dense    KL %.5f nats/token   top-1 agreement %.2f%%\n", res->kld, 100 * res->top1_agree);
        const dm_dual_stats *st = &res->stats;
        double steps = st->steps > 0 ? (double)st->steps : 1;
        fprintf(out,
                "bytes       recurrent layers %.3fx of dense per token (big rows %.2f MB + little %.2f MB vs %.2f MB); "
                "with the decoder %.3fx\n",
                bytes_ratio(st, 0), st->big_bytes / steps / 1e6, st->little_bytes / steps / 1e6,
                st->dense_bytes / steps / 1e6, bytes_ratio(st, 1));
        if (!isnan(sp))
            fprintf(out, "speed       %.2fx layer speedup (%.2f-%.2f), %.2fx end to end: medians of %ld interleaved "
                         "dense/dual step pairs (setting speed)\n",
                    sp, r->speedup_min, r->speedup_max, sp_e2e, s->speed);
        if (r->streams > 1)
            fprintf(out, "path        quality: %d contiguous streams (PyTorch's batchify, each from a zero state), dense and\n"
                         "            dual figures from one pass: all rows' pre-activations and the little outputs by GEMM,\n"
                         "            merged by the region test (what the row-skipping step computes); speed: batch-1\n"
                         "            interleaved steps, the regime the speedup is about. streams 1 for the one-stream figure\n",
                    r->streams);
        else if (s->path == DM_PATH_SEQ)
            fprintf(out, "path        whole-sequence: input projections W_ih x batched for all rows (not skipped), only the\n"
                         "            recurrent W_hh rows of insensitive outputs skipped; bytes count the recurrent part\n");
        else
            fprintf(out, "path        streaming (batch 1); the dense figures come from the whole-sequence path on the same stream\n");
        fprintf(out, "time        %.1f s (%.0f tokens/s, dense and dual together; %s kernels)\n", res->dual.seconds,
                res->dual.items_per_s, d->eng.kern ? d->eng.kern->name : "reference");
        if (run_id > 0) {
            dm_err e3;
            fprintf(out, "saved       run %lld in %s\n", (long long)run_id,
                    dm_store_path(dm_session_store(c->s, &e3)));
        }
    }
    fflush(out);
    int cancelled_run = res->dual.cancelled;
    free(r), free(res);
    if (store_err[0])
        return fail(c, "%s", store_err);
    if (cancelled_run)
        return fail(c, "interrupted: stored with status 'cancelled', partial figures");
    return 0;
}

/* ---- info ---- */

int dm_cmd_info(dm_cmd_ctx *c, int argc, char **argv, const char *const *raw)
{
    (void)raw;
    /* info MODEL describes a model file without loading it into the session */
    dm_model_ref ref0;
    dm_lm lm0;
    const dm_lm *m;
    const dm_model_ref *ref;
    int have_vocab;
    if (argc) {
        if (dm_model_resolve(argv[0], NULL, &ref0, &c->err))
            return -1;
        dm_err pe;
        const dm_family *fam = dm_family_probe(ref0.file, &pe);
        if (fam && fam != &dm_family_rnnlm) {
            dm_net *n;
            if (dm_net_load(ref0.file, NULL, &n, &c->err))
                return -1;
            int rc = dm_cmd_info_family(c, n, &ref0);
            dm_net_free(n);
            return rc;
        }
        if (dm_lm_load(&lm0, ref0.file, &c->err))
            return -1;
        m = &lm0, ref = &ref0;
        have_vocab = access(ref0.vocab, R_OK) == 0;
    } else {
        if (!dm_session_loaded(c->s))
            return fail(c, "no model loaded: 'load MODEL' first (e.g. load kjv-lstm), or 'info MODEL'");
        if (!dm_session_lm(c->s))
            return dm_cmd_info_family(c, dm_session_net(c->s), dm_session_ref(c->s));
        m = dm_session_lm(c->s), ref = dm_session_ref(c->s);
        have_vocab = dm_session_vocab(c->s) != NULL;
    }
    char arch[256], fb[32], mb[32];
    describe_arch(m, arch, sizeof arch);
    dm_cmd_human_bytes((double)m->file_bytes, fb, sizeof fb);
    size_t f32 = (size_t)m->nparams * sizeof(float);
    dm_cmd_human_bytes((double)f32, mb, sizeof mb);
    static const char *const card_keys[] = {"valid PPL", "test PPL", "training time", "data", "training"};
    char card[5][512];
    for (int i = 0; i < 5; i++)
        if (!ref->dir[0] || dm_card_value(ref->dir, card_keys[i], card[i], sizeof card[i]))
            card[i][0] = '\0';
    char splits[3][DM_PATH_MAX];
    static const char *const split_names[] = {"valid", "test", "train"};
    for (int i = 0; i < 3; i++) {
        dm_err e;
        if (!m->dataset[0] || dm_data_resolve(m->dataset, split_names[i], splits[i], sizeof splits[i], &e))
            splits[i][0] = '\0';
    }
    FILE *out = c->io->out;
    if (c->fmt == DM_FMT_TABLE) {
        fprintf(out, "model         %s\n", ref->name);
        if (ref->file[0])
            fprintf(out, "file          %s (%s, %s weights, hash %016llx)\n", ref->file, fb, m->file_dtype,
                    (unsigned long long)m->file_hash);
        fprintf(out, "architecture  %s%s\n", arch, m->inferred ? " (inferred from tensor shapes: no metadata)" : "");
        fprintf(out, "parameters    %lld (%s as FP32 in memory)\n", m->nparams, mb);
        for (int l = 0; l < m->nlayers; l++)
            fprintf(out, "  layer %d     %d x %d gate rows x [in %d | hid %d]  %.2f MB FP32\n", l, m->gates, m->nhid,
                    m->layer[l].in, m->layer[l].hid, (double)m->layer[l].rows * m->layer[l].ld * 4 / 1e6);
        fprintf(out, "  decoder     %d x %d%s  %.2f MB FP32\n", m->ntoken, m->nhid, m->tied ? " (tied to the embedding)" : "",
                (double)m->ntoken * m->nhid * 4 / 1e6);
        fprintf(out, "step reads    %.2f MB of weights per token (%.2f MB recurrent)\n", dm_lm_step_bytes(m) / 1e6,
                dm_lm_rnn_bytes(m) / 1e6);
        {
            /* measured here: reading the recurrent weights' size against a buffer beyond any cache */
            double bw, dram, ratio = dm_cache_probe(dm_lm_rnn_bytes(m), &bw, &dram);
            if (ratio > 0)
                fprintf(out, "cache         the recurrent weights %s here: read at %.1f GB/s, %.2fx the rate from "
                             "memory (%.1f GB/s; measured)\n",
                        ratio < DM_MEM_BOUND_RATIO ? "stream from memory" : "stay in cache", bw, ratio, dram);
        }
        fprintf(out, "vocabulary    %s\n", have_vocab ? ref->vocab : "(none beside the model)");
        if (m->dataset[0]) {
            fprintf(out, "data set      %s\n", m->dataset);
            for (int i = 0; i < 3; i++)
                fprintf(out, "  %-5s       %s\n", split_names[i], splits[i][0] ? splits[i] : "(not prepared)");
        }
        if (card[3][0])
            fprintf(out, "data recipe   %s\n", card[3]);
        for (int i = 0; i < 3; i++)
            if (card[i][0])
                fprintf(out, "%-13s %s\n", card_keys[i], card[i]);
    } else if (c->fmt == DM_FMT_JSON || c->fmt == DM_FMT_JSONL) {
        json_t *j = json_pack("{s:s, s:s, s:s, s:i, s:i, s:i, s:i, s:i, s:b, s:I, s:I, s:I, s:s, s:s, s:b, s:s}",
                              "model", ref->name, "file", ref->file, "arch", dm_cell_name(m->cell), "layers", m->nlayers,
                              "hidden", m->nhid, "emsize", m->emsize, "ntoken", m->ntoken, "gates", m->gates, "tied",
                              m->tied, "parameters", (json_int_t)m->nparams, "file_bytes", (json_int_t)m->file_bytes,
                              "f32_bytes", (json_int_t)f32, "file_dtype", m->file_dtype, "vocab",
                              have_vocab ? ref->vocab : "", "inferred_from_shapes", m->inferred, "dataset", m->dataset);
        json_object_set_new(j, "step_bytes", json_integer((json_int_t)dm_lm_step_bytes(m)));
        json_object_set_new(j, "rnn_bytes", json_integer((json_int_t)dm_lm_rnn_bytes(m)));
        json_t *sp = json_object();
        for (int i = 0; i < 3; i++)
            json_object_set_new(sp, split_names[i], splits[i][0] ? json_string(splits[i]) : json_null());
        json_object_set_new(j, "splits", sp);
        json_t *cd = json_object();
        for (int i = 0; i < 3; i++)
            if (card[i][0])
                json_object_set_new(cd, card_keys[i], json_string(card[i]));
        json_object_set_new(j, "card", cd);
        dm_json_print(j, c->fmt, out);
        json_decref(j);
    } else {
        /* CSV and Markdown: one flat record */
        dm_table t;
        dm_table_init(&t, NULL);
        const char *cols[] = {"model", "file", "arch", "layers", "hidden", "emsize", "ntoken", "gates", "tied",
                              "parameters", "file_bytes", "f32_bytes", "step_bytes", "rnn_bytes", "file_dtype", "vocab",
                              "inferred_from_shapes", "dataset", "valid", "test", "train", "valid_ppl", "test_ppl"};
        for (int i = 0; i < 23; i++)
            dm_table_col(&t, cols[i], i >= 3 && i <= 13);
        dm_table_row(&t);
        dm_table_set(&t, 0, ref->name);
        dm_table_set(&t, 1, ref->file);
        dm_table_set(&t, 2, dm_cell_name(m->cell));
        dm_table_setf(&t, 3, "%d", m->nlayers);
        dm_table_setf(&t, 4, "%d", m->nhid);
        dm_table_setf(&t, 5, "%d", m->emsize);
        dm_table_setf(&t, 6, "%d", m->ntoken);
        dm_table_setf(&t, 7, "%d", m->gates);
        dm_table_setf(&t, 8, "%d", m->tied);
        dm_table_setf(&t, 9, "%lld", m->nparams);
        dm_table_setf(&t, 10, "%lld", (long long)m->file_bytes);
        dm_table_setf(&t, 11, "%zu", f32);
        dm_table_setf(&t, 12, "%zu", dm_lm_step_bytes(m));
        dm_table_setf(&t, 13, "%zu", dm_lm_rnn_bytes(m));
        dm_table_set(&t, 14, m->file_dtype);
        dm_table_set(&t, 15, have_vocab ? ref->vocab : NULL);
        dm_table_set(&t, 16, m->inferred ? "true" : "false");
        dm_table_set(&t, 17, m->dataset[0] ? m->dataset : NULL);
        for (int i = 0; i < 3; i++)
            dm_table_set(&t, 18 + i, splits[i][0] ? splits[i] : NULL);
        dm_table_set(&t, 21, card[0][0] ? card[0] : NULL);
        dm_table_set(&t, 22, card[1][0] ? card[1] : NULL);
        emit(c, &t);
        dm_table_free(&t);
    }
    fflush(out);
    if (argc)
        dm_lm_free(&lm0);
    return 0;
}
