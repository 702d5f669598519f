/* cmd_bench.c - bench: the one speed benchmark of every front end.
 *
 *   bench [RATIOS] [k LIST] [steps N] [cold] [no-torch]
 *       dense and dual steps of the loaded model interleaved in this
 *       process (dm_bench_dual), one little module per k, one row per
 *       (k, ratio); the ratio control is the mode setting
 *   bench dense [steps N] [cold] [no-torch]
 *       the dense path alone (dm_bench_dense): per-token latency,
 *       sequence throughput, the memory-bandwidth floor, PyTorch beside
 *
 * `dualmod bench MODEL ...` is `load MODEL; set mode topk; bench ...`;
 * `--arch lstm|gru --hidden H` loads a model of that shape with random
 * weights (timing only). The number of timed pairs defaults to the speed
 * setting, which is also what `run` times. */
#define _POSIX_C_SOURCE 200809L
#include <jansson.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bench.h"
#include "cmd_int.h"
#include "models.h"
#include "lm_dual.h"
#include "kernels.h"
#include "lm.h"
#include "tune.h"

/* What --cold does, as both bench headers say it. */
#define COLD_WORDS "cold (caches flushed, weights evicted, before every step)"

/* ---- PyTorch beside (tools/torch_bench.py; never a dependency) ---- */

typedef struct torch_fig {
    int ok, evicted; /* evicted: its cold steps had the weights evicted line by line too, as ours */
    double step_ms, rnn_ms, seq_tok_s;
    char version[32];
} torch_fig;

/* cold: PyTorch's timed steps follow the same cache flush as ours, a read and the weights evicted line by line
 * (else they run back to back, warm). */
static void run_torch(const dm_lm *m, const char *model_file, int threads, int steps, int cold, torch_fig *tf)
{
    memset(tf, 0, sizeof *tf);
    const char *py = getenv("DUALMOD_PYTHON");
    if (!py || !*py)
        py = "/usr/bin/python3";
    if (access(py, X_OK) != 0)
        return;
    char script[DM_PATH_MAX];
    char dirs[4][DM_PATH_MAX];
    int nd = dm_search_dirs(NULL, "tools", dirs, 4), found = 0;
    for (int i = 0; i < nd && !found; i++)
        found = (size_t)snprintf(script, sizeof script, "%s/torch_bench.py", dirs[i]) < sizeof script &&
                access(script, R_OK) == 0;
    if (!found)
        return;
    if (strchr(py, '\'') || strchr(script, '\'') || (model_file && strchr(model_file, '\'')))
        return; /* not quotable for the shell */
    char cmd[3 * DM_PATH_MAX + 256];
    const int flush_mb = cold ? (int)(dm_bench_flush_bytes() >> 20) : 0;
    if (!model_file || !model_file[0])
        snprintf(cmd, sizeof cmd,
                 "'%s' '%s' --arch %s --hidden %d --layers %d --vocab-size %d --threads %d --steps %d --flush-mb %d "
                 "2>/dev/null",
                 py, script, m->cell == DM_CELL_LSTM ? "lstm" : "gru", m->nhid, m->nlayers, m->ntoken, threads, steps,
                 flush_mb);
    else
        snprintf(cmd, sizeof cmd, "'%s' '%s' --model '%s' --threads %d --steps %d --flush-mb %d 2>/dev/null", py,
                 script, model_file, threads, steps, flush_mb);
    fflush(NULL);
    FILE *p = popen(cmd, "r");
    if (!p)
        return;
    char buf[4096];
    size_t n = fread(buf, 1, sizeof buf - 1, p);
    buf[n] = '\0';
    if (pclose(p) != 0)
        return;
    json_error_t je;
    json_t *j = json_loads(buf, 0, &je);
    if (!j)
        return;
    const char *ver = NULL;
    if (json_unpack(j, "{s:F, s:F, s:F, s:s}", "step_ms", &tf->step_ms, "rnn_ms", &tf->rnn_ms, "seq_tok_s",
                    &tf->seq_tok_s, "torch", &ver) == 0) {
        tf->ok = 1;
        snprintf(tf->version, sizeof tf->version, "%s", ver);
        tf->evicted = json_is_true(json_object_get(j, "evicted"));
    }
    json_decref(j);
}

/* Rows of a machine format: one JSON document (an object for one row, an
 * array for several), JSON lines, CSV or Markdown. */
static void emit_rows(dm_cmd_ctx *c, const dm_table *t)
{
    if (c->fmt == DM_FMT_JSON && t->nrow == 1) {
        json_t *o = dm_table_row_json(t, 0);
        dm_json_print(o, c->fmt, c->io->out);
        json_decref(o);
    } else {
        emit(c, t);
    }
}

/* The dense baseline of both benches: the tuner's choice, checked on this
 * model now (the faster of OpenBLAS and K's GEMV becomes current; medians in
 * *blas_ms, *own_ms), unless DUALMOD_TUNE=off keeps OpenBLAS (both 0). */
static int check_dense(dm_cmd_ctx *c, const dm_lm *m, const dm_kernels *K, int cold, double *blas_ms, double *own_ms)
{
    *blas_ms = *own_ms = 0;
    const char *tune_env = getenv("DUALMOD_TUNE");
    if (tune_env && strcmp(tune_env, "off") == 0)
        return 0;
    return dm_bench_pick_dense(m, K, 25, cold, blas_ms, own_ms, &c->err) ? -1 : 0;
}

/* ---- bench dense ---- */

static int bench_dense(dm_cmd_ctx *c, int steps, int cold, int torch)
{
    const dm_settings *s = dm_session_settings(c->s);
    const dm_lm *m = dm_session_lm(c->s);
    const dm_model_ref *ref = dm_session_ref(c->s);
    dm_blas_set_threads(s->threads);
    /* the dense GEMV the dual bench compares against: the tuner's choice, checked on this model now (the
     * faster of OpenBLAS and ours), not OpenBLAS by default */
    const dm_kernels *K = dm_cmd_kernels(s);
    if (dm_cmd_ensure_tuned(c))
        return -1;
    double blas_ms, own_ms;
    if (check_dense(c, m, K, cold, &blas_ms, &own_ms))
        return -1;
    if (c->io->progress && !c->io->quiet)
        info(c, "measuring dualmod (%d steps)...", steps);
    dm_dense_bench b;
    if (dm_bench_dense(m, steps, cold, &b, &c->err))
        return -1;
    torch_fig tf = {0};
    if (torch) {
        if (c->io->progress && !c->io->quiet)
            info(c, "measuring PyTorch...");
        run_torch(m, ref->file, s->threads, steps, cold, &tf);
    }
    int fits = b.llc_bytes && b.step_bytes < b.llc_bytes;
    FILE *out = c->io->out;
    if (c->fmt == DM_FMT_TABLE) {
        char sb[32], rb[32], cb[32];
        dm_cmd_human_bytes((double)b.step_bytes, sb, sizeof sb);
        dm_cmd_human_bytes((double)b.rnn_bytes, rb, sizeof rb);
        dm_cmd_human_bytes((double)b.llc_bytes, cb, sizeof cb);
        fprintf(out, "model        %s  (%s %d x %d, vocab %d)\n", ref->name, dm_cell_name(m->cell), m->nlayers, m->nhid,
                m->ntoken);
        fprintf(out, "threads      %d   %s cache   weights per step %s (recurrent %s) %s the %s last-level cache\n",
                s->threads, cold ? COLD_WORDS : "warm", sb, rb,
                fits ? "fit in" : "exceed", cb);
        if (blas_ms > 0)
            fprintf(out,
                    "dense GEMV   %s (checked on this model now: OpenBLAS sgemv %.4f ms, own %s gemv %.4f ms, "
                    "medians of 25 interleaved steps)\n",
                    dm_dense_name(), blas_ms, K->name, own_ms);
        else
            fprintf(out, "dense GEMV   %s\n", dm_dense_name());
        fprintf(out, "                       %12s %12s %12s\n", "dualmod", "PyTorch", "ratio");
        fprintf(out, "step ms (median)       %12.4f", b.step_ms[1]);
        if (tf.ok)
            fprintf(out, " %12.4f %11.2fx", tf.step_ms, tf.step_ms / b.step_ms[1]);
        fprintf(out, "\n");
        fprintf(out, "  p10 / p90            %12.4f / %.4f\n", b.step_ms[0], b.step_ms[2]);
        fprintf(out, "RNN layers ms (median) %12.4f", b.rnn_ms[1]);
        if (tf.ok)
            fprintf(out, " %12.4f %11.2fx", tf.rnn_ms, tf.rnn_ms / b.rnn_ms[1]);
        fprintf(out, "\n");
        fprintf(out, "sequence tokens/s      %12.0f", b.seq_tok_s);
        if (tf.ok)
            fprintf(out, " %12.0f %11.2fx", tf.seq_tok_s, b.seq_tok_s / tf.seq_tok_s);
        fprintf(out, "\n");
        fprintf(out, "read bandwidth         %12.2f GB/s (measured now: best streaming read of a buffer > cache, %d "
                     "thread%s)\n",
                b.bw_gbs, s->threads, s->threads == 1 ? "" : "s");
        fprintf(out, "bandwidth floor ms     %12.4f   step / floor = %.2fx%s\n", b.floor_ms,
                b.floor_ms > 0 ? b.step_ms[1] / b.floor_ms : 0, fits ? " (weights fit in cache: floor is DRAM's)" : "");
        fprintf(out, "RNN weights read ms    %12.4f   RNN layers / read = %.2fx (plain loads of the same weights, "
                     "%s, interleaved with the steps: medians of the same run)\n",
                b.rnn_read_ms, b.rnn_read_ms > 0 ? b.rnn_ms[1] / b.rnn_read_ms : 0, cold ? "cold" : "warm");
        fprintf(out, "step weights read ms   %12.4f   step / read = %.2fx (the same for the whole step's weights, the "
                     "output layer's included)\n",
                b.step_read_ms, b.step_read_ms > 0 ? b.step_ms[1] / b.step_read_ms : 0);
        if (!tf.ok && torch)
            fprintf(out,
                    "PyTorch      not measured (no /usr/bin/python3 with torch, or tools/torch_bench.py failed)\n");
        else if (tf.ok)
            fprintf(out, "PyTorch      %s, nn.%s token by token, torch.set_num_threads(%d)%s\n", tf.version,
                    dm_cell_name(m->cell), s->threads,
                    !cold        ? ", steps back to back (warm)"
                    : tf.evicted ? ", the same cache flush before every timed step (a read, the weights evicted)"
                                 : ", a read flush before every timed step (its weights not evicted: it may find "
                                   "some in cache)");
        fflush(out);
        return 0;
    }
    dm_table t;
    dm_table_init(&t, NULL);
    const char *cols[] = {"model", "arch", "hidden", "layers", "threads", "cold", "steps", "step_ms", "step_ms_p10",
                          "step_ms_p90", "rnn_ms", "rnn_ms_p10", "rnn_ms_p90", "seq_tok_s", "step_bytes", "rnn_bytes",
                          "llc_bytes", "read_gbs", "floor_ms", "floor_ratio", "torch", "torch_step_ms", "torch_rnn_ms",
                          "torch_seq_tok_s", "speedup_vs_torch", "rnn_read_ms", "rnn_read_ratio", "dense_gemv",
                          "step_read_ms", "step_read_ratio"};
    for (int i = 0; i < 30; i++)
        dm_table_col(&t, cols[i], i >= 2 && i != 5 && i != 20 && i != 27);
    dm_table_row(&t);
    dm_table_set(&t, 0, ref->name);
    dm_table_set(&t, 1, dm_cell_name(m->cell));
    dm_table_setf(&t, 2, "%d", m->nhid);
    dm_table_setf(&t, 3, "%d", m->nlayers);
    dm_table_setf(&t, 4, "%d", s->threads);
    dm_table_set(&t, 5, cold ? "true" : "false");
    dm_table_setf(&t, 6, "%d", b.steps);
    double v[] = {b.step_ms[1], b.step_ms[0], b.step_ms[2], b.rnn_ms[1], b.rnn_ms[0], b.rnn_ms[2], b.seq_tok_s};
    for (int i = 0; i < 7; i++)
        dm_table_setf(&t, 7 + i, "%.6g", v[i]);
    dm_table_setf(&t, 14, "%zu", b.step_bytes);
    dm_table_setf(&t, 15, "%zu", b.rnn_bytes);
    dm_table_setf(&t, 16, "%zu", b.llc_bytes);
    dm_table_setf(&t, 17, "%.6g", b.bw_gbs);
    dm_table_setf(&t, 18, "%.6g", b.floor_ms);
    dm_table_setf(&t, 19, "%.6g", b.floor_ms > 0 ? b.step_ms[1] / b.floor_ms : 0);
    if (tf.ok) {
        dm_table_set(&t, 20, tf.version);
        dm_table_setf(&t, 21, "%.6g", tf.step_ms);
        dm_table_setf(&t, 22, "%.6g", tf.rnn_ms);
        dm_table_setf(&t, 23, "%.6g", tf.seq_tok_s);
        dm_table_setf(&t, 24, "%.6g", tf.step_ms / b.step_ms[1]);
    }
    dm_table_setf(&t, 25, "%.6g", b.rnn_read_ms);
    dm_table_setf(&t, 26, "%.6g", b.rnn_read_ms > 0 ? b.rnn_ms[1] / b.rnn_read_ms : 0);
    dm_table_set(&t, 27, dm_dense_name());
    dm_table_setf(&t, 28, "%.6g", b.step_read_ms);
    dm_table_setf(&t, 29, "%.6g", b.step_read_ms > 0 ? b.step_ms[1] / b.step_read_ms : 0);
    if (c->fmt == DM_FMT_JSON || c->fmt == DM_FMT_JSONL) {
        json_t *o = dm_table_row_json(&t, 0);
        json_object_set_new(o, "cold", json_boolean(cold)); /* a boolean, as before */
        dm_json_print(o, c->fmt, out);
        json_decref(o);
    } else {
        emit(c, &t);
    }
    dm_table_free(&t);
    return 0;
}

/* ---- bench: interleaved dense/dual steps ---- */

enum { B_MODEL, B_ARCH, B_HIDDEN, B_LAYERS, B_RATIO, B_ACH, B_BITS, B_K, B_MODE, B_THREADS, B_KERNELS, B_COLD,
       B_STEPS, B_DENSE_MS, B_DUAL_MS, B_SP, B_SPMIN, B_SPMAX, B_DE2E, B_DUE2E, B_SPE2E, B_LIMIT, B_BYTES, B_SH0,
       B_SH1, B_SH2, B_SH3, B_TORCH, B_VS_TORCH, B_PCT, B_BW, B_DFLOOR, B_QFLOOR, B_SPREAD, B_GEMV, B_KPARAMS,
       B_RLIM, B_PCT_RLIM, B_RD_DENSE, B_RD_DUAL, B_RSH0, B_RSH1, B_SHM, B_N };

int dm_cmd_bench(dm_cmd_ctx *c, int argc, char **argv, const char *const *raw)
{
    (void)raw;
    if (!dm_session_loaded(c->s))
        return fail(c, "no model loaded: 'load MODEL' first (e.g. load kjv-lstm)");
    const dm_settings *s = dm_session_settings(c->s);
    double ratios[64], ks[16];
    int nr = 0, nk = 0, cold = 0, dense = 0, torch = 1, steps_given = 0;
    long steps = s->speed >= 10 ? s->speed : 300;
    for (int i = 0; i < argc; i++) {
        if (strcmp(argv[i], "cold") == 0) {
            cold = 1;
        } else if (strcmp(argv[i], "dense") == 0) {
            dense = 1;
        } else if (strcmp(argv[i], "no-torch") == 0) {
            torch = 0;
        } else if (strcmp(argv[i], "steps") == 0) {
            double v[1];
            if (i + 1 >= argc)
                return fail(c, "bench steps: a number is needed (e.g. steps 300)");
            if (dm_cmd_parse_list(c, argv[++i], v, 1, "bench steps") < 0)
                return -1;
            if (v[0] < 10 || v[0] > 1e6 || v[0] != floor(v[0]))
                return fail(c, "bench steps '%s': expected an integer from 10 to 1000000", argv[i]);
            steps = (long)v[0];
            steps_given = 1;
        } else if (strcmp(argv[i], "k") == 0) {
            if (i + 1 >= argc)
                return fail(c, "bench k: a list is needed (e.g. k 966,417,266)");
            if ((nk = dm_cmd_parse_list(c, argv[++i], ks, 16, "bench k")) < 0)
                return -1;
            for (int j = 0; j < nk; j++)
                if (ks[j] < 1 || ks[j] > 65536 || ks[j] != floor(ks[j]))
                    return fail(c, "bench k %g: expected an integer from 1 to 65536", ks[j]);
        } else {
            if (nr)
                return fail(c, "bench '%s': ratios given twice", argv[i]);
            if ((nr = dm_cmd_parse_list(c, argv[i], ratios, 64,
                                        "bench (expected ratios such as 0.1,0.5,0.9, dense, k LIST, steps N, cold or "
                                        "no-torch)")) < 0)
                return -1;
            for (int j = 0; j < nr; j++)
                if (!(ratios[j] >= 0 && ratios[j] <= 1))
                    return fail(c, "bench '%s': expected ratios from 0 to 1 (e.g. 0.1,0.5,0.9)", argv[i]);
        }
    }
    if (dense && !dm_session_lm(c->s))
        return fail(c, "bench dense times a language model's dense step; for this model give ratios (the dense "
                       "side is timed beside every dual one)");
    if (dense) {
        if (nr || nk)
            return fail(c, "bench dense times the dense path alone: no ratios or k");
        return bench_dense(c, (int)steps, cold, torch);
    }
    if (nr == 0)
        ratios[nr++] = s->ratio;
    if (!dm_session_lm(c->s)) /* another family: its own batch-1 step (an image: fewer, longer steps) */
        return dm_cmd_bench_family(c, ratios, nr, ks, nk, steps_given ? steps : (s->speed >= 10 ? s->speed : 30), cold);
    const dm_lm *m = dm_session_lm(c->s);
    const dm_model_ref *ref = dm_session_ref(c->s);
    dm_dual_cfg cfg;
    if (dm_cmd_dual_cfg_sites(c, &cfg))
        return -1;
    if (nk == 0)
        ks[nk++] = cfg.k; /* 0: from eps */
    for (int i = 0; i < nk; i++) { /* every configuration checked before the work starts */
        dm_dual_cfg t = cfg;
        int k;
        t.k = (int)ks[i];
        if (dm_dual_cfg_check(&t, m, &k, &c->err))
            return -1;
    }
    const dm_fitdata *fd;
    if (dm_cmd_fitdata(c, &fd))
        return -1;
    dm_blas_set_threads(s->threads);
    const dm_kernels *K = dm_cmd_kernels(s);
    if (dm_cmd_ensure_tuned(c))
        return -1;
    torch_fig tf = {0};
    if (torch)
        run_torch(m, ref->file, s->threads, (int)steps, cold, &tf);
    /* the read bandwidth of this machine now: the floors of both sides */
    size_t llc = dm_llc_bytes(), bwbytes = 4 * (llc ? llc : (64u << 20));
    if (bwbytes < (256u << 20))
        bwbytes = 256u << 20;
    double bw = dm_read_bandwidth_threads(bwbytes, 5, s->threads);
    /* the dense baseline: the tuner's choice, checked on this model now (the faster one is the baseline) */
    double blas_ms, own_ms;
    if (check_dense(c, m, K, cold, &blas_ms, &own_ms))
        return -1;
    int noisy = 0;
    dm_table t;
    dm_table_init(&t, NULL);
    static const char *const cols[B_N] = {
        "model", "arch", "hidden", "layers", "ratio", "ratio_achieved", "bits", "k", "mode", "threads", "kernels",
        "cold", "steps", "dense_ms", "dual_ms", "speedup", "speedup_min", "speedup_max", "dense_e2e_ms",
        "dual_e2e_ms", "speedup_e2e", "speedup_limit", "bytes_ratio", "share_proj", "share_little", "share_big",
        "share_epilogue", "torch_rnn_ms", "speedup_vs_torch", "pct_limit", "read_gbs", "dense_floor_ms",
        "dual_floor_ms", "spread", "dense_gemv", "kernel_params", "read_limit", "pct_read_limit",
        "read_dense_ms", "read_dual_ms", "read_share_little", "read_share_rows", "share_masks"};
    for (int i = 0; i < B_N; i++)
        dm_table_col(&t, cols[i],
                     i == B_COLD ? DM_COL_BOOL
                                 : !(i == B_MODEL || i == B_ARCH || i == B_MODE || i == B_KERNELS || i == B_GEMV ||
                                     i == B_KPARAMS));
    int rc = 0;
    for (int ki = 0; ki < nk && rc == 0; ki++) {
        dm_dual_cfg kc = cfg;
        kc.k = (int)ks[ki];
        dm_dual d;
        if (dm_dual_build(&d, m, fd, &kc, &c->err) || dm_dual_use_kernels(&d, K, &c->err)) {
            dm_dual_free(&d);
            rc = -1;
            break;
        }
        for (int ri = 0; ri < nr && rc == 0; ri++) {
            dm_dual_bench b;
            dm_bench_read_replay(1);
            int brc = dm_dual_set_ratio(&d, ratios[ri], &c->err) || dm_bench_dual(&d, (int)steps, cold, &b, &c->err);
            dm_bench_read_replay(0);
            if (brc) {
                rc = -1;
                break;
            }
            dm_table_row(&t);
            dm_table_set(&t, B_MODEL, ref->name);
            dm_table_set(&t, B_ARCH, m->cell == DM_CELL_LSTM ? "lstm" : "gru");
            dm_table_setf(&t, B_HIDDEN, "%d", m->nhid);
            dm_table_setf(&t, B_LAYERS, "%d", m->nlayers);
            dm_table_setf(&t, B_RATIO, "%.3f", b.ratio);
            dm_table_setf(&t, B_ACH, "%.4f", b.achieved);
            dm_table_setf(&t, B_BITS, "%d", kc.bits);
            dm_table_setf(&t, B_K, "%d", d.k);
            dm_table_set(&t, B_MODE, dm_mode_name(kc.mode));
            dm_table_setf(&t, B_THREADS, "%d", s->threads);
            dm_table_set(&t, B_KERNELS, K->name);
            dm_table_setf(&t, B_COLD, "%d", cold);
            dm_table_setf(&t, B_STEPS, "%d", b.steps);
            dm_table_setf(&t, B_DENSE_MS, "%.5f", b.dense_ms);
            dm_table_setf(&t, B_DUAL_MS, "%.5f", b.dual_ms);
            dm_table_setf(&t, B_SP, "%.4f", b.sp[1]);
            dm_table_setf(&t, B_SPMIN, "%.4f", b.sp[0]);
            dm_table_setf(&t, B_SPMAX, "%.4f", b.sp[2]);
            dm_table_setf(&t, B_DE2E, "%.5f", b.dense_e2e_ms);
            dm_table_setf(&t, B_DUE2E, "%.5f", b.dual_e2e_ms);
            dm_table_setf(&t, B_SPE2E, "%.4f", b.sp_e2e[1]);
            dm_table_setf(&t, B_LIMIT, "%.4f", b.limit);
            dm_table_setf(&t, B_BYTES, "%.4f", b.bytes_ratio);
            for (int i = 0; i < 4; i++)
                dm_table_setf(&t, B_SH0 + i, "%.4f", b.share[i]);
            dm_table_setf(&t, B_SHM, "%.4f", b.share[4]);
            if (tf.ok) {
                dm_table_setf(&t, B_TORCH, "%.5f", tf.rnn_ms);
                dm_table_setf(&t, B_VS_TORCH, "%.4f", tf.rnn_ms / b.dual_ms);
            }
            dm_table_setf(&t, B_PCT, "%.2f", b.limit > 0 ? 100 * b.sp[1] / b.limit : 0);
            dm_table_setf(&t, B_BW, "%.3f", bw);
            dm_table_setf(&t, B_DFLOOR, "%.5f", bw > 0 ? b.dense_bytes / (bw * 1e9) * 1e3 : 0);
            dm_table_setf(&t, B_QFLOOR, "%.5f", bw > 0 ? b.dual_bytes / (bw * 1e9) * 1e3 : 0);
            dm_table_setf(&t, B_SPREAD, "%.4f", b.spread);
            dm_table_set(&t, B_GEMV, dm_dense_name());
            dm_table_set(&t, B_KPARAMS, dm_tune_provenance());
            if (b.read_limit > 0) {
                dm_table_setf(&t, B_RLIM, "%.4f", b.read_limit);
                dm_table_setf(&t, B_PCT_RLIM, "%.2f", 100 * b.sp[1] / b.read_limit);
                dm_table_setf(&t, B_RD_DENSE, "%.5f", b.read_dense_ms);
                dm_table_setf(&t, B_RD_DUAL, "%.5f", b.read_dual_ms);
                dm_table_setf(&t, B_RSH0, "%.4f", b.read_share[0]);
                dm_table_setf(&t, B_RSH1, "%.4f", b.read_share[1]);
            }
            noisy += b.spread > DM_BENCH_NOISY;
            if (cancelled(c))
                rc = fail(c, "interrupted");
        }
        dm_dual_free(&d);
    }
    if (rc) {
        dm_table_free(&t);
        return -1;
    }
    FILE *out = c->io->out;
    if (c->fmt != DM_FMT_TABLE) {
        emit_rows(c, &t);
        dm_table_free(&t);
        if (noisy && !c->io->quiet)
            info(c, "warning: %d row%s had a pair-speedup spread above %.0f%% (a busy machine)", noisy,
                 noisy > 1 ? "s" : "", 100 * DM_BENCH_NOISY);
        return 0;
    }
    fprintf(out, "bench: %s (%s %d x %d, vocab %d), %d thread%s, %s kernels, %s cache, %s ratio control, %ld pairs\n",
            ref->name, dm_cell_name(m->cell), m->nlayers, m->nhid, m->ntoken, s->threads, s->threads > 1 ? "s" : "",
            K->name, cold ? COLD_WORDS : "warm",
            dm_mode_name(cfg.mode), steps);
    fprintf(out,
            "speedups are medians of per-pair ratios dense/dual (min-max), dense = %s step (the faster of "
            "OpenBLAS and ours here); limit = dense bytes / dual bytes\n",
            dm_dense_name());
    if (blas_ms > 0)
        fprintf(out, "dense checked on this model now: OpenBLAS sgemv %.4f ms, own %s gemv %.4f ms (medians of 25 "
                     "interleaved steps)\n", blas_ms, K->name, own_ms);
    fprintf(out, "read bandwidth %.2f GB/s (measured now, %d thread%s); floors = bytes / bandwidth; kernel parameters: %s\n\n",
            bw, s->threads, s->threads == 1 ? "" : "s", dm_tune_provenance());
    fprintf(out, "%5s %6s %5s %4s %9s %9s %9s %9s %17s %8s %7s %6s %7s %6s %6s %6s  %5s %5s %5s %5s%s\n", "ratio",
            "achvd", "k", "bits", "dense ms", "floor", "dual ms", "floor", "layer speedup", "e2e", "limit", "%lim",
            "rlim", "%rlim", "spread", "bytes", "proj", "ltl", "big", "epi", tf.ok ? "  vs torch" : "");
    for (int r = 0; r < t.nrow; r++) {
#define V(col) atof(dm_table_get(&t, r, col))
        char sp[40], bb[8];
        snprintf(sp, sizeof sp, "%.2fx (%.2f-%.2f)", V(B_SP), V(B_SPMIN), V(B_SPMAX));
        int bits = atoi(dm_table_get(&t, r, B_BITS));
        snprintf(bb, sizeof bb, bits ? "%d" : "fp32", bits);
        double pct = V(B_LIMIT) > 0 ? 100 * V(B_SP) / V(B_LIMIT) : 0;
        char rl[16] = "-", prl[16] = "-";
        if (V(B_RLIM) > 0) {
            snprintf(rl, sizeof rl, "%.2fx", V(B_RLIM));
            snprintf(prl, sizeof prl, "%.0f%%", V(B_PCT_RLIM));
        }
        fprintf(out,
                "%5.2f %6.3f %5d %4s %9.4f %9.4f %9.4f %9.4f %17s %7.2fx %6.2fx %5.0f%% %7s %6s %5.0f%%%s %6.3f  "
                "%4.0f%% %4.0f%% %4.0f%% %4.0f%%",
                V(B_RATIO), V(B_ACH), atoi(dm_table_get(&t, r, B_K)), bb, V(B_DENSE_MS), V(B_DFLOOR), V(B_DUAL_MS),
                V(B_QFLOOR), sp, V(B_SPE2E), V(B_LIMIT), pct, rl, prl, 100 * V(B_SPREAD),
                V(B_SPREAD) > DM_BENCH_NOISY ? "!" : " ", V(B_BYTES), 100 * V(B_SH0), 100 * V(B_SH1),
                100 * V(B_SH2), 100 * V(B_SH3));
        if (tf.ok)
            fprintf(out, "  %7.2fx", V(B_VS_TORCH));
        fprintf(out, "\n");
#undef V
    }
    fprintf(out, "\nshares: median time of each dual phase / median dense step (proj = projection, ltl = little GEMV,"
                 " big = masks + sensitive rows, epi = cell update)\n");
    fprintf(out, "spread: (p75 - p25) / median of the pair speedups; %%lim: layer speedup / limit\n");
    fprintf(out, "rlim: the read-pattern limit, the median pair ratio of the dense step's weight reads over the dual "
                 "step's, each replayed by plain loads in its order (the little modules' projections and weights, then "
                 "the sensitive rows, a cache line of 8 rows at a time), %s; %%rlim: layer speedup / rlim\n", cold ? "cold as the steps" : "warm");
    int nr_read = 0;
    for (int r = 0; r < t.nrow; r++)
        nr_read += atof(dm_table_get(&t, r, B_RLIM)) > 0;
    if (nr_read) {
        fprintf(out, "\nthe dual step's phases beside the same reads by plain loads (shares of the median dense step; "
                     "then the same in microseconds, the projection and the little GEMV apart, and the masks' part "
                     "of the big rows' time):"
                     "\n%5s  %14s %10s  %14s %10s   %8s %8s %9s %8s %9s %9s\n", "ratio", "proj + ltl", "its reads", "big",
                "its reads", "proj us", "ltl us", "reads us", "big us", "reads us", "masks us");
        for (int r = 0; r < t.nrow; r++) {
#define V(col) atof(dm_table_get(&t, r, col))
            const double us = 1e3 * V(B_DENSE_MS); /* shares are of the median dense step */
            if (V(B_RLIM) > 0)
                fprintf(out, "%5.2f  %13.1f%% %9.1f%%  %13.1f%% %9.1f%%   %8.1f %8.1f %9.1f %8.1f %9.1f %9.1f\n",
                        V(B_RATIO), 100 * (V(B_SH0) + V(B_SH1)), 100 * V(B_RSH0), 100 * V(B_SH2), 100 * V(B_RSH1),
                        us * V(B_SH0), us * V(B_SH1), us * V(B_RSH0), us * V(B_SH2), us * V(B_RSH1), us * V(B_SHM));
#undef V
        }
        fprintf(out, "\n");
    }
    if (tf.ok)
        fprintf(out, "vs torch: PyTorch %s nn.%s token by token (%.4f ms per step, recurrent layers) / dual ms\n",
                tf.version, dm_cell_name(m->cell), tf.rnn_ms);
    if (noisy)
        fprintf(out, "warning: %d row%s marked ! had a pair-speedup spread above %.0f%%: the machine is too busy for "
                     "these figures to be trusted; run again when it is idle\n",
                noisy, noisy > 1 ? "s" : "", 100 * DM_BENCH_NOISY);
    if (!ref->file[0])
        fprintf(out, "weights: random (uniform), fitted little modules on the model's own states: timing only, no "
                     "quality\n");
    fflush(out);
    dm_table_free(&t);
    return 0;
}
