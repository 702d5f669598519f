/* cmd_study.c - study noise|sweep|dim|bits: the paper's Tables 1, 2/3, 5
 * and 6 on the loaded model and split (what `dualmod study` prints). Each
 * configuration of sweep, dim and bits builds its own little module on the
 * session's fit data, is evaluated dense and dual side by side, and is
 * stored as a run. */
#define _POSIX_C_SOURCE 200809L
#include <jansson.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cmd_int.h"
#include "corpus.h"
#include "lm_dual.h"
#include "eval.h"
#include "lm.h"

typedef struct study_row {
    char label[32];
    dm_dual_cfg cfg;
    int k;
    dm_dual_result r;
    double rel_mse;
    size_t little_bytes;
} study_row;

typedef struct study_progress {
    dm_cmd_ctx *c;
    const char *label;
    int drawn;
} study_progress;

static void on_progress(const dm_eval_result *r, long total, void *ud)
{
    study_progress *p = ud;
    FILE *f = p->c->io->msg;
    if (!p->c->io->progress || p->c->io->quiet || !f)
        return;
    double frac = total > 0 ? (double)r->predictions / (double)total : 0;
    int w = 24, fill = (int)(frac * w);
    char bar[32];
    for (int i = 0; i < w; i++)
        bar[i] = i < fill ? '#' : '.';
    bar[w] = '\0';
    fprintf(f, "\r\033[K%s [%s] %5.1f%% %ld/%ld tok  ppl %.2f", p->label, bar, 100 * frac, r->predictions, total,
            r->value);
    fflush(f);
    p->drawn = 1;
}

static void progress_end(study_progress *p)
{
    if (p->drawn) {
        fprintf(p->c->io->msg, "\r\033[K");
        fflush(p->c->io->msg);
    }
    p->drawn = 0;
}

static int study_noise(dm_cmd_ctx *c, const char *arg, const dm_corpus *corpus, const char *where)
{
    const dm_settings *s = dm_session_settings(c->s);
    const dm_lm *m = dm_session_lm(c->s);
    const dm_model_ref *ref = dm_session_ref(c->s);
    double beta = 0.5;
    if (arg) {
        double v[1];
        if (dm_cmd_parse_list(c, arg, v, 1, "study noise BETA") < 0)
            return -1;
        if (!(v[0] >= 0 && v[0] <= 100))
            return fail(c, "study noise '%s': expected a noise norm from 0 to 100 (x the gate's norm)", arg);
        beta = v[0] > 0 ? v[0] : 0.5;
    }
    study_progress pc = {c, "noise", 0};
    dm_eval_opts eo = {.path = DM_PATH_STREAM, .progress = on_progress, .progress_ud = &pc, .cancel = c->io->cancel};
    dm_eval_result base, rr[2];
    dm_dual_stats st[2];
    int rc = dm_eval_lm(m, corpus, &eo, &base, &c->err);
    for (int half = 0; half < 2 && rc == 0; half++)
        rc = dm_eval_lm_noise(m, corpus, half, beta, (dm_policy)s->policy, (uint64_t)s->seed, &eo, &rr[half],
                              &st[half], &c->err);
    progress_end(&pc);
    if (rc)
        return -1;
    if (cancelled(c))
        return fail(c, "interrupted");
    FILE *out = c->io->out;
    if (c->fmt == DM_FMT_JSON || c->fmt == DM_FMT_JSONL) {
        json_t *j = json_pack("{s:s, s:s, s:s, s:f, s:f, s:s}", "study", "noise", "model", ref->name, "split", where,
                              "beta", beta, "base_ppl", base.value, "policy", dm_policy_name((dm_policy)s->policy));
        for (int half = 0; half < 2; half++) {
            json_t *hj = json_pack("{s:f}", "ppl", rr[half].value);
            json_t *gj = json_object();
            for (int g = 0; g < m->gates; g++)
                json_object_set_new(gj, dm_gate_name(m, g),
                                    json_pack("{s:f, s:f}", "cos_pre", dm_stats_cos(&st[half], -1, g, 0), "cos_post",
                                              dm_stats_cos(&st[half], -1, g, 1)));
            json_object_set_new(hj, "gates", gj);
            json_object_set_new(j, half ? "insensitive" : "sensitive", hj);
        }
        dm_json_print(j, c->fmt, out);
        json_decref(j);
    } else if (c->fmt == DM_FMT_CSV || c->fmt == DM_FMT_MD) {
        dm_table t;
        dm_table_init(&t, NULL);
        const char *cols[] = {"noise_in", "layer", "gate", "cos_pre", "cos_post", "ppl", "base_ppl", "beta"};
        for (int i = 0; i < 8; i++)
            dm_table_col(&t, cols[i], i >= 3);
        for (int half = 0; half < 2; half++)
            for (int l = -1; l < m->nlayers; l++)
                for (int g = 0; g < m->gates; g++) {
                    dm_table_row(&t);
                    dm_table_set(&t, 0, half ? "insensitive" : "sensitive");
                    if (l < 0)
                        dm_table_set(&t, 1, "all");
                    else
                        dm_table_setf(&t, 1, "%d", l);
                    dm_table_set(&t, 2, dm_gate_name(m, g));
                    dm_table_setf(&t, 3, "%.5f", dm_stats_cos(&st[half], l, g, 0));
                    dm_table_setf(&t, 4, "%.5f", dm_stats_cos(&st[half], l, g, 1));
                    dm_table_setf(&t, 5, "%.4f", rr[half].value);
                    dm_table_setf(&t, 6, "%.4f", base.value);
                    dm_table_setf(&t, 7, "%.3f", beta);
                }
        emit(c, &t);
        dm_table_free(&t);
    } else {
        fprintf(out,
                "study noise: %s on %s (%ld tokens); Gaussian noise of norm %.2f x the gate's pre-activation norm added\n"
                "to half of every gate's outputs at every step (halves split by the %s policy on the exact values)\n\n",
                ref->name, where, corpus->n, beta, dm_policy_name((dm_policy)s->policy));
        fprintf(out, "%-20s", "noise in");
        for (int g = 0; g < m->gates; g++)
            fprintf(out, "  cos after %s", dm_gate_name(m, g));
        fprintf(out, "  %10s\n", "PPL");
        fprintf(out, "%-20s", "(none)");
        for (int g = 0; g < m->gates; g++)
            fprintf(out, "  %11s", "1");
        fprintf(out, "  %10.2f\n", base.value);
        for (int half = 0; half < 2; half++) {
            fprintf(out, "%-20s", half ? "insensitive region" : "sensitive region");
            for (int g = 0; g < m->gates; g++)
                fprintf(out, "  %11.4f", dm_stats_cos(&st[half], -1, g, 1));
            fprintf(out, "  %10.2f\n", rr[half].value);
        }
        fprintf(out, "\npaper (PTB LSTM, baseline 80.64): sensitive 0.934 0.946 0.882 0.940 -> 85.70; insensitive 0.968 "
                     "0.987 0.969 0.977 -> 81.79\n");
    }
    fflush(out);
    return 0;
}

int dm_cmd_study(dm_cmd_ctx *c, int argc, char **argv, const char *const *raw)
{
    (void)raw;
    const char *which = argv[0];
    int kind = strcmp(which, "noise") == 0 ? 0 : strcmp(which, "sweep") == 0 ? 1 : strcmp(which, "dim") == 0 ? 2
             : strcmp(which, "bits") == 0 ? 3 : -1;
    if (kind < 0)
        return fail(c, "study '%s': expected noise, sweep, dim or bits", which);
    if (!dm_session_loaded(c->s))
        return fail(c, "no model loaded: 'load MODEL' first (e.g. load kjv-lstm)");
    const dm_settings *s = dm_session_settings(c->s);
    const dm_lm *m = dm_session_lm(c->s);
    const dm_model_ref *ref = dm_session_ref(c->s);
    const dm_corpus *corpus;
    char datapath[DM_PATH_MAX];
    if (dm_session_data(c->s, &corpus, datapath, sizeof datapath, &c->err))
        return -1;
    const char *split = dm_cmd_split_name(s);
    const char *where = split ? split : datapath;
    dm_blas_set_threads(s->threads);
    if (kind == 0)
        return study_noise(c, argc > 1 ? argv[1] : NULL, corpus, where);

    /* the configurations */
    static study_row rows[32];
    double vals[32];
    int nrows = 0, nv;
    dm_dual_cfg base;
    if (dm_cmd_dual_cfg_sites(c, &base))
        return -1;
    if (kind == 1) {
        nv = dm_cmd_parse_list(c, argc > 1 ? argv[1] : "0.1,0.3,0.5,0.7,0.9", vals, 32, "study sweep RATIOS");
        for (int i = 0; i < nv; i++) {
            if (!(vals[i] >= 0 && vals[i] <= 1))
                return fail(c, "study sweep: ratio %g is outside 0..1", vals[i]);
            rows[nrows].cfg = base;
            rows[nrows].cfg.ratio = vals[i];
            snprintf(rows[nrows].label, sizeof rows[nrows].label, "%.0f%%", 100 * vals[i]);
            nrows++;
        }
    } else if (kind == 2) {
        nv = dm_cmd_parse_list(c, argc > 1 ? argv[1] : "32,64,128,256,0.5", vals, 32, "study dim KS");
        for (int i = 0; i < nv; i++) {
            rows[nrows].cfg = base;
            if (vals[i] <= 0)
                return fail(c, "study dim: %g is neither a k (>= 1) nor an eps (0..1)", vals[i]);
            if (vals[i] < 1) {
                rows[nrows].cfg.k = 0;
                rows[nrows].cfg.eps = vals[i];
                snprintf(rows[nrows].label, sizeof rows[nrows].label, "eps %.2f", vals[i]);
            } else {
                rows[nrows].cfg.k = (int)vals[i];
                snprintf(rows[nrows].label, sizeof rows[nrows].label, "k %d", (int)vals[i]);
            }
            nrows++;
        }
    } else {
        nv = dm_cmd_parse_list(c, argc > 1 ? argv[1] : "0,16,8,4,2,1", vals, 32, "study bits BITS");
        for (int i = 0; i < nv; i++) {
            if (!(vals[i] >= 0 && vals[i] <= 16) || vals[i] != floor(vals[i]))
                return fail(c, "study bits: %g is not 0 (fp32) or 1..16", vals[i]);
            rows[nrows].cfg = base;
            rows[nrows].cfg.bits = (int)vals[i];
            snprintf(rows[nrows].label, sizeof rows[nrows].label, vals[i] == 0 ? "FP32" : "INT%d", (int)vals[i]);
            nrows++;
        }
    }
    if (nv < 0)
        return -1;
    for (int i = 0; i < nrows; i++) { /* every configuration checked before the work starts */
        int k;
        if (dm_dual_cfg_check(&rows[i].cfg, m, &k, &c->err))
            return dm_err_prefix(&c->err, "%s: ", rows[i].label);
    }
    const dm_fitdata *fd;
    if (dm_cmd_fitdata(c, &fd))
        return -1;
    study_progress pc = {c, "", 0};
    dm_eval_opts eo = {.path = DM_PATH_STREAM, .progress = on_progress, .progress_ud = &pc, .cancel = c->io->cancel};
    json_t *arr = json_array();
    int store_failed = 0;
    char store_err[sizeof c->err.msg + 32] = "";
    for (int i = 0; i < nrows; i++) {
        dm_dual d;
        if (dm_dual_build(&d, m, fd, &rows[i].cfg, &c->err) || dm_dual_use_kernels(&d, dm_cmd_kernels(s), &c->err)) {
            dm_dual_free(&d);
            json_decref(arr);
            return -1;
        }
        pc.label = rows[i].label;
        int rc = dm_eval_lm_dual(&d, corpus, &eo, s->audit, &rows[i].r, &c->err);
        progress_end(&pc);
        rows[i].k = d.k;
        double mse = 0, var = 0;
        for (int l = 0; l < m->nlayers; l++)
            mse += dm_dual_little(&d, l)->mse, var += dm_dual_little(&d, l)->var;
        rows[i].rel_mse = var > 0 ? mse / var : 0;
        rows[i].little_bytes = dm_dual_little_bytes(&d);
        int64_t id = 0;
        if (rc == 0 && !rows[i].r.dual.cancelled) {
            id = dm_cmd_store_dual(c, &d, &rows[i].r, corpus);
            if (id < 0) {
                store_failed = 1;
                snprintf(store_err, sizeof store_err, "%s", c->err.msg);
            }
        }
        if (rc == 0) {
            json_t *j = dm_cmd_dual_json(&d, &rows[i].r, ref->name, split, datapath, s->audit);
            json_object_set_new(j, "study", json_string(which));
            json_object_set_new(j, "label", json_string(rows[i].label));
            json_object_set_new(j, "rel_mse", json_real(rows[i].rel_mse));
            json_object_set_new(j, "run_id", id > 0 ? json_integer(id) : json_null());
            json_array_append_new(arr, j);
        }
        dm_dual_free(&d);
        if (rc) {
            json_decref(arr);
            return -1;
        }
        if (rows[i].r.dual.cancelled || cancelled(c)) {
            json_decref(arr);
            return fail(c, "interrupted after %d of %d configurations", i, nrows);
        }
    }
    FILE *out = c->io->out;
    if (c->fmt == DM_FMT_JSON || c->fmt == DM_FMT_JSONL) {
        dm_json_print(arr, c->fmt, out);
    } else if (c->fmt == DM_FMT_CSV || c->fmt == DM_FMT_MD) {
        dm_table t;
        dm_table_init(&t, NULL);
        const char *cols[] = {"study", "model", "split", "label", "ratio", "ratio_achieved", "bits", "k", "proj",
                              "policy", "mode", "ppl", "dense_value", "dppl_pct", "kld", "top1_agree", "rel_mse",
                              "little_bytes", "bytes_ratio", "container_bits"};
        for (int i = 0; i < 20; i++)
            dm_table_col(&t, cols[i], i >= 4 && i != 8 && i != 9 && i != 10);
        for (int i = 0; i < nrows; i++) {
            const study_row *w = &rows[i];
            const dm_dual_stats *st = &w->r.stats;
            dm_table_row(&t);
            dm_table_set(&t, 0, which);
            dm_table_set(&t, 1, ref->name);
            dm_table_set(&t, 2, where);
            dm_table_set(&t, 3, w->label);
            dm_table_setf(&t, 4, "%.3f", w->cfg.ratio);
            dm_table_setf(&t, 5, "%.4f", dm_stats_ratio(st, -1, -1));
            dm_table_setf(&t, 6, "%d", w->cfg.bits);
            dm_table_setf(&t, 7, "%d", w->k);
            dm_table_set(&t, 8, dm_proj_name(w->cfg.proj));
            dm_table_set(&t, 9, dm_policy_name(w->cfg.policy));
            dm_table_set(&t, 10, dm_mode_name(w->cfg.mode));
            dm_table_setf(&t, 11, "%.4f", w->r.dual.value);
            dm_table_setf(&t, 12, "%.4f", w->r.dense.value);
            dm_table_setf(&t, 13, "%.4f", 100 * (w->r.dual.value - w->r.dense.value) / w->r.dense.value);
            dm_table_setf(&t, 14, "%.6f", w->r.kld);
            dm_table_setf(&t, 15, "%.5f", w->r.top1_agree);
            dm_table_setf(&t, 16, "%.5f", w->rel_mse);
            dm_table_setf(&t, 17, "%zu", w->little_bytes);
            double dense = st->dense_bytes;
            dm_table_setf(&t, 18, "%.4f", dense > 0 ? (st->big_bytes + st->little_bytes) / dense : 0.0);
            dm_table_setf(&t, 19, "%d", dm_bits_container(w->cfg.bits));
        }
        emit(c, &t);
        dm_table_free(&t);
    } else {
        fprintf(out, "study %s: %s on %s (%ld tokens), %s projection, %s policy, %s ratio control\n", which, ref->name,
                where, corpus->n, dm_proj_name(base.proj), dm_policy_name(base.policy), dm_mode_name(base.mode));
        fprintf(out, "dense perplexity %.3f\n\n", nrows ? rows[0].r.dense.value : 0.0);
        fprintf(out, "%-10s %6s %8s %5s %5s %9s %8s %9s %7s %8s %10s %8s\n", "config", "ratio", "achieved", "bits", "k",
                "PPL", "dPPL%", "KL", "top-1", "rel MSE", "little MB", "bytes");
        for (int i = 0; i < nrows; i++) {
            const study_row *w = &rows[i];
            const dm_dual_stats *st = &w->r.stats;
            char bb[8];
            snprintf(bb, sizeof bb, w->cfg.bits ? "%d" : "fp32", w->cfg.bits);
            double dense = st->dense_bytes;
            fprintf(out, "%-10s %6.2f %8.3f %5s %5d %9.3f %+8.2f %9.5f %6.2f%% %8.4f %10.3f %7.3fx\n", w->label,
                    w->cfg.ratio, dm_stats_ratio(st, -1, -1), bb, w->k, w->r.dual.value,
                    100 * (w->r.dual.value - w->r.dense.value) / w->r.dense.value, w->r.kld, 100 * w->r.top1_agree,
                    w->rel_mse, (double)w->little_bytes / 1e6,
                    dense > 0 ? (st->big_bytes + st->little_bytes) / dense : 0.0);
        }
        /* the kernels have no 3-, 5..7- or 9..15-bit layouts: say so where those sizes show */
        for (int i = 0, said = 0; i < nrows; i++) {
            int b = rows[i].cfg.bits, cb = dm_bits_container(b), dup = 0;
            for (int j = 0; j < i; j++)
                dup |= rows[j].cfg.bits == b;
            if (b && cb != b && !dup)
                fprintf(out, "%sINT%d is stored in %d-bit containers: its little MB and bytes are those of INT%d\n",
                        said++ ? "" : "\n", b, cb, cb);
        }
        if (kind == 1)
            fprintf(out, "\npaper Table 2 (PTB LSTM-1500, dPPL%% at 10/30/50/70/90%%): +0.10 -0.10 +0.89 +8.48 +35.6;"
                         " GRU-1500 (Table 3): +0.16 +0.62 +3.80 +14.8 +43.6\n");
        else if (kind == 2)
            fprintf(out, "\npaper Table 5 (LSTM-1500, INT8, 50%%): k 966 -> 80.40, 417 -> 81.36, 266 -> 83.51 (dense 80.64)\n");
        else
            fprintf(out, "\npaper Table 6 (LSTM-1500, k 417, 50%%): FP32 81.28, INT16 81.18, INT8 81.25, INT4 81.28, INT2 82.14,"
                         " INT1 94.75 (dense 80.64); little MSE 0.408 0.425 0.444 0.465 0.573 3.337\n");
    }
    fflush(out);
    json_decref(arr);
    if (store_failed)
        return fail(c, "%s", store_err);
    return 0;
}
