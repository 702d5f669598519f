/* cmd_int.h - what the files of the command language share (not an API):
 * the context a command runs in, its error and message helpers, the
 * progress bar of a run, and the commands defined outside cmd.c.
 *
 *   cmd.c        settings, the command table, parser, completion, help, man page,
 *                and the run-store commands
 *   cmd_eval.c   eval (dense perplexity), run detail (the full dual-module report), info
 *   cmd_family.c the same three for families other than the language model
 *   cmd_little.c little (build and fit the little modules, sizes and fit error)
 *   cmd_study.c  study noise|sweep|dim|bits (the paper's tables)
 *   cmd_bench.c  bench (interleaved dense/dual steps; dense with PyTorch beside)
 *   cmd_bleu.c   bleu HYP REF (sacreBLEU-compatible BLEU and chrF of two text files)
 *   cmd_dual.c   save-dual and load-dual (deployable dual modules) */
#ifndef DM_CMD_INT_H
#define DM_CMD_INT_H

#include <jansson.h>
#include <stdarg.h>
#include <stdio.h>

#include "cmd.h"
#include "session.h"
#include "table.h"

struct dm_cmd_ctx {
    dm_session *s;
    const dm_cmd_io *io;
    dm_format fmt;
    dm_err err;
    int quit;
};

static inline int fail(dm_cmd_ctx *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static inline int fail(dm_cmd_ctx *c, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(c->err.msg, sizeof c->err.msg, fmt, ap);
    va_end(ap);
    return -1;
}

static inline void info(dm_cmd_ctx *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static inline void info(dm_cmd_ctx *c, const char *fmt, ...)
{
    if (c->io->quiet || !c->io->msg)
        return;
    va_list ap;
    va_start(ap, fmt);
    vfprintf(c->io->msg, fmt, ap);
    va_end(ap);
    fputc('\n', c->io->msg);
    fflush(c->io->msg);
}

static inline void emit(dm_cmd_ctx *c, const dm_table *t)
{
    dm_table_print(t, c->fmt, c->io->out, c->io->out_tty ? c->io->width : 0);
}

static inline int cancelled(dm_cmd_ctx *c) { return c->io->cancel && *c->io->cancel; }

/* The progress bar of a run on io->msg (dm_snap_fn; ud is a dm_prog_ctx). */
typedef struct dm_prog_ctx {
    dm_cmd_ctx *c;
    const char *label;
    int drawn;
} dm_prog_ctx;
void dm_cmd_progress(const dm_snapshot *sn, void *ud);
/* dm_session_fitdata with the fit's progress bar on io->msg (a terminal:
 * io->progress) and io->cancel stopping it (then -1, err says so). */
int dm_cmd_fitdata(dm_cmd_ctx *c, const dm_fitdata **fd);
void dm_cmd_progress_end(dm_prog_ctx *p);

/* The progress bar of an evaluation (dm_progress_fn; ud is a dm_eval_prog):
 * label, bar, items done, rate, time left and the metric so far. */
typedef struct dm_eval_prog {
    dm_cmd_ctx *c;
    const char *label;
    int drawn;
} dm_eval_prog;
void dm_cmd_eval_progress(const dm_eval_result *r, long total, void *ud);
/* The default ridge strength (the lambda setting's default). */
#define DM_CMD_LAMBDA_DEFAULT 1e-4
/* run and sweep build through the session, which fits with the default ridge strength. */
int dm_cmd_check_lambda(dm_cmd_ctx *c, const char *cmd);
/* Notes (on io->msg) for settings the loaded model's family ignores: beam and save-hyp off a translator,
 * path seq and streams off a language model. */
void dm_cmd_note_ignored(dm_cmd_ctx *c);
/* The dual-module knobs of the settings. */
void dm_cmd_dual_cfg(const dm_settings *s, dm_dual_cfg *cfg);
/* The same with the per-site knobs (ratio.SITE, bits.SITE, k.SITE) applied to the loaded network's sites, as a
 * run applies them (little, bench and study build with it); -1 with c->err set when a knob fits no site. */
int dm_cmd_dual_cfg_sites(dm_cmd_ctx *c, dm_dual_cfg *cfg);
/* The cached tuned kernel parameters of this CPU (measured now, with a
 * progress line, on first use; DUALMOD_TUNE=off skips it). */
int dm_cmd_ensure_tuned(dm_cmd_ctx *c);
/* The kernels of the kernels setting (auto: the best this CPU has). */
const dm_kernels *dm_cmd_kernels(const dm_settings *s);
/* The split setting's name when it names a split of the model's dataset, else NULL (a file). */
const char *dm_cmd_split_name(const dm_settings *s);
/* Human byte counts: 1.23 MB. */
void dm_cmd_human_bytes(double b, char *out, size_t n);
/* A little module's weight width: "FP32", "INT8", or for a width the kernels store in a
 * larger container (dm_bits_container) "INT6 (stored in 8-bit containers)": its bytes are the
 * container's. */
void dm_cmd_bits_text(int bits, char *out, size_t n);
/* Comma-separated numbers; -1 with an error naming what. */
int dm_cmd_parse_list(dm_cmd_ctx *c, const char *s, double *out, int max, const char *what);

/* One JSON vocabulary for a dual-module evaluation (run detail, study):
 * the keys the README documents plus the generic metric ones (cmd_eval.c). */
json_t *dm_cmd_dual_json(const dm_dual *d, const dm_dual_result *r, const char *model, const char *split,
                         const char *datapath, int audit);
/* A dual-module evaluation made outside dm_session_run (study): stored as a
 * run; the run id, 0 when the store setting is off, -1 (err set) on failure. */
int64_t dm_cmd_store_dual(dm_cmd_ctx *c, const dm_dual *d, const dm_dual_result *r, const dm_corpus *corpus);

/* The full dual-module report of `run detail` (cmd_eval.c). */
int dm_cmd_run_detail(dm_cmd_ctx *c);

/* What cmd.c's run, sweep and store commands use, for cmd_tune.c: one run of
 * the current settings with a progress bar (0 done, 1 cancelled, -1 error),
 * the fit before it, the run table's columns and a row of it, the store. */
int dm_cmd_run_once(dm_cmd_ctx *c, dm_run *r, const char *label);
int dm_cmd_fit_first(dm_cmd_ctx *c);
void dm_cmd_run_table(dm_table *t);
void dm_cmd_run_row(dm_table *t, const dm_run *r, const char *status);
dm_store *dm_cmd_store(dm_cmd_ctx *c);
/* Numbers of FROM:TO:STEP or a comma-separated list; their count, or -1. */
int dm_cmd_values(dm_cmd_ctx *c, const char *what, const char *spec, double *out, int max);

/* save-dual [RUN] FILE [full] and load-dual FILE (cmd_dual.c) */
int dm_cmd_save_dual(dm_cmd_ctx *c, int argc, char **argv, const char *const *raw);
int dm_cmd_load_dual(dm_cmd_ctx *c, int argc, char **argv, const char *const *raw);

/* sensitivity and tune CONSTRAINT maximize OBJECTIVE (cmd_tune.c) */
int dm_cmd_sensitivity(dm_cmd_ctx *c, int argc, char **argv, const char *const *raw);
int dm_cmd_tune(dm_cmd_ctx *c, int argc, char **argv);

int dm_cmd_eval(dm_cmd_ctx *c, int argc, char **argv, const char *const *raw);
/* Families other than the language model (cmd_family.c): dense eval, the
 * report of a dual-module run, info of a loaded network. */
int dm_cmd_eval_family(dm_cmd_ctx *c);
int dm_cmd_run_detail_family(dm_cmd_ctx *c, const dm_run *r, const dm_dual_result *res, int64_t run_id);
int dm_cmd_info_family(dm_cmd_ctx *c, const dm_net *n, const dm_model_ref *ref);
int dm_cmd_bench_family(dm_cmd_ctx *c, const double *ratios, int nr, const double *ks, int nk, long steps, int cold);
int dm_cmd_info(dm_cmd_ctx *c, int argc, char **argv, const char *const *raw);
int dm_cmd_little(dm_cmd_ctx *c, int argc, char **argv, const char *const *raw);
int dm_cmd_study(dm_cmd_ctx *c, int argc, char **argv, const char *const *raw);
int dm_cmd_bench(dm_cmd_ctx *c, int argc, char **argv, const char *const *raw);
int dm_cmd_bleu(dm_cmd_ctx *c, int argc, char **argv, const char *const *raw);

#endif
