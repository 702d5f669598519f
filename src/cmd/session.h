/* session.h - the current model, its settings and a run in progress.
 *
 * A session owns: the loaded model (weights, vocabulary), the data split
 * being evaluated, the little-module fit data (moments, cached on disk), the
 * built dual module (rebuilt only when bits, k, eps, seed, policy or proj
 * change; a ratio or mode change is instant), the run store (opened on
 * first use) and at most one evaluation running in a worker thread.
 *
 * A run = build what is needed, time a few interleaved dense/dual step
 * pairs for a first speedup estimate, evaluate dense and dual side by side
 * over the split, time the full count of pairs (setting `speed`), store the
 * run. The fit's pass over the training data reports its progress in the
 * snapshot (fitting) and stops inside only for dm_session_stop (or the
 * cancel flag of dm_session_run); the build step cannot be interrupted; the
 * cancel flag is checked between the steps. Progress is published as immutable snapshots:
 * dm_session_snapshot copies the latest one under a lock held only for the
 * copy, so a UI never waits on the engine. Cancelling stops the run at the
 * next step; a run the user cancels (dm_session_cancel, the cancel flag of
 * dm_session_run) is stored with status 'cancelled' and partial = 1 (its
 * figures cover the part evaluated), so a sweep never mistakes it for a
 * completed configuration; a run stopped because dm_session_start asked for
 * a newer one (a slider moved) is not stored. A run cancelled before its
 * evaluation began is not stored either.
 *
 * The worker is one persistent thread: dm_session_start posts a request
 * (the latest wins) and returns at once; dm_session_set(..., 1) only flags
 * the running evaluation to stop, so a UI never waits. Calls that need the
 * caches themselves (dm_session_run, _bench, _find_same, _load) first stop
 * the worker and wait for it. */
#ifndef DM_SESSION_H
#define DM_SESSION_H

#include <stdint.h>

#include "family.h"
#include "lm_dual.h"
#include "eval.h"
#include "cmd.h"
#include "models.h"
#include "store.h"
#include "util.h"

/* as many sites as a stored run holds, and the groups of one site */
#define DM_SNAP_LAYERS DM_RUN_MAX_SITES
#define DM_SNAP_GATES (DM_RUN_MAX_GROUPS / DM_RUN_MAX_SITES)

typedef enum dm_run_state {
    DM_RUN_IDLE = 0,   /* nothing run yet */
    DM_RUN_PREPARING,  /* loading data, fitting the little module */
    DM_RUN_SPEED,      /* timing dense/dual pairs */
    DM_RUN_EVAL,       /* evaluating */
    DM_RUN_DONE,
    DM_RUN_CANCELLED,
    DM_RUN_FAILED
} dm_run_state;
const char *dm_run_state_name(dm_run_state s);

typedef struct dm_snapshot {
    uint64_t seq;            /* increases with every publication */
    uint64_t run_seq;        /* which run (increases with every start) */
    dm_run_state state;
    char phase[96];          /* human text of what is happening */
    dm_settings cfg;         /* the settings this run uses */
    int k;                   /* resolved little dimension */
    char metric[16];         /* "perplexity", ... */
    long done, total;        /* items (tokens); while fitting, fitting items (fit_item) */
    double items_per_s, eta_s, elapsed_s;
    int fitting;             /* PREPARING: the fit's pass over the training data is running; done, total, rate,
                              * elapsed and ETA are its */
    char fit_item[16];       /* what the fit counts: "token", "image", "target token" */
    /* quality so far (NaN before the first figures) */
    double value, value_se, dense_value, delta, delta_pct, kld, top1_agree;
    /* achieved ratios */
    double ratio_achieved;
    int nlayers, ngates;
    char gate_name[DM_SNAP_GATES][4];
    double layer_ratio[DM_SNAP_LAYERS];
    double gate_ratio[DM_SNAP_LAYERS][DM_SNAP_GATES];
    double recall[DM_SNAP_LAYERS];     /* NaN unless audit */
    /* speed: medians of interleaved pairs (NaN until measured) */
    double speedup, speedup_min, speedup_max, speedup_e2e;
    double speed_limit;      /* bandwidth-limit speedup of this configuration */
    int pairs;
    double bytes_ratio;      /* dual / dense bytes per step, recurrent layers */
    double mac_ratio;        /* dual / dense multiply-adds of the dual-moduled layers (classifiers show it) */
    double little_bytes;
    int64_t run_id;          /* stored run (0 = not stored) */
    char error[512];         /* DM_RUN_FAILED: why */
} dm_snapshot;

typedef struct dm_session_opts {
    const char *db_path;     /* NULL: the default location */
    int no_store;            /* never open the store (store setting off) */
    const char *vocab;       /* vocabulary override for `load` */
} dm_session_opts;

int dm_session_new(dm_session **s, const dm_session_opts *o, dm_err *err);
void dm_session_free(dm_session *s); /* cancels and joins a running worker */
/* Provenance recorded with every run (the program's git revision, build
 * flags and version; the library cannot know them). */
void dm_session_set_build(dm_session *s, const char *git_rev, const char *build_flags, const char *version);

/* Settings: read them; change one with dm_session_set (loading the model
 * when `model` changes; refused with an error while a run is in progress
 * unless the caller cancelled it first -- dm_session_set cancels and waits
 * by itself when cancel_running is non-zero). */
const dm_settings *dm_session_settings(const dm_session *s);
int dm_session_set(dm_session *s, const char *name, const char *value, int cancel_running, dm_err *err);
int dm_session_load(dm_session *s, const char *spec, dm_err *err);
int dm_session_loaded(const dm_session *s);

/* The loaded model, for headers: name, architecture text ("2x400 LSTM, tied"),
 * parameters, weight bytes, data split description ("valid, 50,725 tokens"),
 * kernel variant, threads. Empty strings when nothing is loaded. */
typedef struct dm_model_info {
    char name[256], file[1024], arch[128], data[256], kernels[16];
    char metric[16];   /* the quality metric of its family: "perplexity", ... */
    long params;
    double bytes;
    int threads;
    int nlayers, ngates, hidden;
    char gate_name[DM_SNAP_GATES][4]; /* i f g o (LSTM), r z n (GRU) */
    char site_name[DM_SNAP_LAYERS][32]; /* "l0" (LSTM), "layer1.0.conv1" (ResNet) */
    char item[16];     /* what the data counts: "token", "image" */
    double dense_bytes; /* FP32 weights of the dual-moduled layers: what a dense step reads */
    double llc_bytes;   /* the last-level cache this machine reports (0: unknown; a VM may report a socket's) */
    double cache_ratio; /* dm_cache_probe(dense_bytes): read bandwidth over them / from DRAM, measured
                         * here: below DM_MEM_BOUND_RATIO they stream from memory */
} dm_model_info;
void dm_session_info(dm_session *s, dm_model_info *out);
/* The same without the cache probe (cache_ratio 0 unless measured before):
 * for callers that only need names and sizes. */
void dm_session_info_brief(dm_session *s, dm_model_info *out);

/* Start a run of the current settings in the worker thread (cancelling and
 * joining a running one first). */
int dm_session_start(dm_session *s, dm_err *err);
/* Ask the running evaluation to stop (returns at once). A fit of the little
 * module in progress completes first (a slider that moved during the first
 * fit does not throw it away); dm_session_stop stops that too (the user's
 * stop: the fit's work is lost, the next run fits again). */
void dm_session_cancel(dm_session *s);
void dm_session_stop(dm_session *s);
/* Wait for the worker to finish; returns its final snapshot's state. */
dm_run_state dm_session_wait(dm_session *s);
int dm_session_busy(dm_session *s);
/* Copy the latest snapshot. */
void dm_session_snapshot(dm_session *s, dm_snapshot *out);
/* Run synchronously in the calling thread (batch mode): progress(snapshot)
 * is called several times a second; *cancel (may be NULL) stops it. The
 * stored run is copied to *run when non-NULL. Returns 0 done, 1 cancelled,
 * -1 failed (err set). */
typedef void (*dm_snap_fn)(const dm_snapshot *snap, void *ud);
int dm_session_run(dm_session *s, dm_snap_fn progress, void *ud, const volatile int *cancel, dm_run *run,
                   dm_err *err);

/* Prepare the current settings (load data, fit, build) and time dense and
 * dual steps (dm_bench_dual). */
int dm_session_bench(dm_session *s, int steps, int cold, dm_dual_bench *b, dm_err *err);
/* Translate one sentence with the loaded translator (the beam setting):
 * dense at ratio 0, else with the dual-module decoder of the settings
 * (prepared as for a run); *dual says which. */
int dm_session_translate(dm_session *s, const char *text, char *out, size_t cap, int *dual, dm_err *err);
/* The resolved little dimension of the built dual module (0 before one is built). */
int dm_session_k(const dm_session *s);

/* Would the current settings repeat a stored done run (same model, data,
 * knobs and build)? 1 yes (*id set), 0 no, -1 error. */
int dm_session_find_same(dm_session *s, int64_t *id, dm_err *err);

/* The run store (opened on first use); NULL with err set when disabled or
 * unavailable. */
dm_store *dm_session_store(dm_session *s, dm_err *err);
/* 0 when file may be written as an output; -1 with a message (starting with
 * what, when not NULL: "save-hyp") when it is the run store or one of its WAL
 * files: the store, --db or the default, is never overwritten by an output. */
int dm_session_check_output(dm_session *s, const char *file, const char *what, dm_err *err);
/* Hold the store lock around writes made outside dm_session_run (note,
 * delete, import): the worker thread writes through the same connection. */
void dm_session_store_lock(dm_session *s);
void dm_session_store_unlock(dm_session *s);
/* Read-only SQL into a table (columns named as the query names them;
 * columns whose cells are all numbers are marked numeric). */
int dm_session_query(dm_session *s, const char *sql, dm_table *out, dm_err *err);
/* The flag that stops a running query (with the sql-timeout setting; see
 * dm_store_query_guard); NULL for none. */
void dm_session_query_cancel(dm_session *s, const volatile int *cancel);
/* on: completed runs are stored only when their configuration is not stored
 * yet (dm_store_add_unique; the sweep's resume under the write lock). */
void dm_session_store_unique(dm_session *s, int on);

/* Make the per-site knobs those of from, in its order (each through
 * dm_session_set, so each is checked against the model). */
int dm_session_set_knobs(dm_session *s, const dm_settings *from, int cancel_running, dm_err *err);

/* Tag stored with every run from now on (a sensitivity analysis, a tuning;
 * "" or NULL: none). Not part of a run's configuration (find_same). */
void dm_session_set_tag(dm_session *s, const char *tag);

/* Saved runs of a query, for the runs panel and the `runs` command:
 * filter is the text after `runs` (`where ... order by ... limit N`, all
 * optional; default newest first). The table has the run_summary columns. */
int dm_session_runs(dm_session *s, const char *filter, dm_table *out, dm_err *err);

/* Comparison groups: runs whose figures were measured the same way. Two runs
 * compare (on one Pareto front, as candidates of one `best`) only when they
 * agree on every grouped dimension: the model, the split, the data slice
 * (the limit setting; stored as the tokens evaluated), the evaluation path,
 * the streams, the beam and the predictor. A mask (bit i: dimension i is
 * grouped) widens the comparison; DM_GROUP_ALL groups by all of them. */
enum { DM_G_MODEL, DM_G_SPLIT, DM_G_LIMIT, DM_G_PATH, DM_G_STREAMS, DM_G_BEAM, DM_G_PREDICTOR, DM_G_N };
#define DM_GROUP_ALL ((1u << DM_G_N) - 1)
/* The run_summary columns of the dimensions, in order (a query selects them
 * side by side for dm_group_rows). */
#define DM_GROUP_COLS "model, split, tokens, path, streams, beam, predictor"
extern const char *const dm_group_dims[DM_G_N]; /* the names users widen by: model, split, limit, ... */
/* spec: "all" (mask 0) or dimension names separated by commas; *mask is
 * DM_GROUP_ALL without those. */
int dm_group_parse(const char *spec, unsigned *mask, dm_err *err);
/* "model, split, limit, ..." for the dimensions in mask ("nothing" for 0). */
void dm_group_mask_text(unsigned mask, char *out, size_t n);
/* Each row of t (whose columns g0 .. g0+DM_G_N-1 are DM_GROUP_COLS) gets its
 * group under mask in grp[row], groups numbered in display order: the group
 * of the current settings of s first (when s has a model loaded; *cur set to
 * 1 if any row is in it), then by model, split, tokens, path, streams, beam,
 * predictor. Returns the number of groups (-1: out of memory). The current
 * group's data slice: the items of the data loaded with the limit setting,
 * else the limit; with limit 0 and no data loaded yet, the largest stored. */
int dm_group_rows(const dm_table *t, int g0, unsigned mask, dm_session *s, int *grp, int *cur);
/* The values of row's grouped dimensions, for a title: "kjv-lstm, valid,
 * 300 tokens, path stream, 20 streams" (beam 1 and predictor little, the
 * usual ones, left out). */
void dm_group_row_text(const dm_table *t, int row, int g0, unsigned mask, char *out, size_t n);

/* Pareto view: every done run of the current model in the comparison group
 * of the current settings (dm_group_rows: same split, data slice, path,
 * streams, beam, predictor) with its quality loss (% worse than dense,
 * positive = worse) and measured speedup; front = 1 for the non-dominated
 * ones; what (may be NULL) receives the group's text. Caller frees *pts. */
typedef struct dm_pareto_pt {
    int64_t id;
    double loss_pct, speedup;
    int front;
    int current; /* same knobs as the current settings */
} dm_pareto_pt;
int dm_session_pareto(dm_session *s, dm_pareto_pt **pts, int *n, char *what, size_t nwhat, dm_err *err);

/* The run record of a dual-module evaluation, for every front end that
 * stores one (the session, the classic eval and study subcommands). */
typedef struct dm_run_source {
    const char *model_name, *model_file;
    const dm_net *net;
    const dm_engine *eng;       /* built, with the ratio and mode evaluated */
    const dm_data *data;        /* the data evaluated */
    const char *split;          /* its name or file */
    dm_lm_path path;
    int streams;                /* the quality path's streams (1: batch 1; other families: 1) */
    int beam;                   /* translators: the search's beam width (other families: 1) */
    int threads, audit;
    const char *git_rev, *build_flags, *version;
} dm_run_source;
/* Knobs, data and provenance (before the run: enough for find_same). */
void dm_run_describe(dm_run *r, const dm_run_source *src);
/* The streams a run (dense and dual side by side) evaluates its quality
 * figures over: the streams setting, or DM_STREAMS_AUTO when it is 0 (auto;
 * dense eval's auto is 1, the exact batch-1 figure). A constant, not a
 * figure measured here: the same settings give the same figures on every
 * machine. */
#define DM_STREAMS_AUTO 20
int dm_run_streams(const dm_settings *c);
/* Metrics, achieved ratios, speed (b NULL: not measured) and status. */
void dm_run_results(dm_run *r, const dm_net *net, const dm_engine *e, const dm_dual_result *res, int audit,
                    const dm_dual_bench *b);

/* ---- deployable dual modules (dualfile.h) ---- */

/* Use the dual file at path (the `dual` setting; "" or "-": back to
 * fitting): loaded onto the model's sites (refused when made for another
 * model), the settings take its knobs, and runs use it without fitting
 * data while the build knobs (bits, k, eps, seed, proj, policy, per-site
 * bits and k) stay its own; changing one lets it go (dm_session_notice
 * says so) and the next run fits. Ratio, mode and predictor move freely.
 * Runs made with it carry "dual file PATH (SOURCE)" in their note. */
int dm_session_load_dual(dm_session *s, const char *path, dm_err *err);
/* The dual file in use ("" none) and its metadata (NULL none). */
const char *dm_session_dual_file(const dm_session *s);
struct dm_dual_file_info;
const struct dm_dual_file_info *dm_session_dual_info(const dm_session *s);
/* Save the dual module of the current settings (built first, or the loaded
 * file's) to path; full: every calibration score (dualfile.h). */
int dm_session_save_dual(dm_session *s, const char *path, int full, dm_err *err);
/* Save the dual module stored run r used: its knobs (global and per site)
 * built on its model (loaded by its name or file when none is; refused when
 * the loaded model's hash is not the run's) from the fitting data (the disk
 * cache), checked against the run's resolved k, site knobs and fit errors.
 * The settings stay; the session's engine is the run's afterwards. */
int dm_session_save_dual_run(dm_session *s, const dm_run *r, const char *path, int full, dm_err *err);
/* A message for the user from the last dm_session_set (e.g. a dual file let
 * go); 1 and copied into out when there is one (then cleared), else 0. */
int dm_session_notice(dm_session *s, char *out, size_t n);

/* ---- for the commands of src/cmd (eval, info, little, study, bench) ---- */

/* The loaded model, its reference (name, files) and vocabulary; NULL when
 * nothing (or, for the vocabulary, a random-weights model) is loaded. */
const dm_lm *dm_session_lm(const dm_session *s);
const dm_model_ref *dm_session_ref(const dm_session *s);
const dm_vocab *dm_session_vocab(const dm_session *s);
/* What dm_session_set_build recorded. */
void dm_session_build_info(const dm_session *s, const char **git_rev, const char **build_flags, const char **version);
/* The dual module built by the last run (NULL before one). */
const dm_dual *dm_session_dual(const dm_session *s);
/* The data of the split and limit settings, loaded (and cached) as for a
 * run; path (may be NULL) receives its file. A language model with no
 * training split and no fit-data (dm_session_heldout): the text after its
 * held-out head, which the little module is fitted on. */
int dm_session_data(dm_session *s, const dm_corpus **c, char *path, size_t n, dm_err *err);
/* The same, but all of the text even when its head is held out (a dense
 * evaluation fits nothing). */
int dm_session_data_whole(dm_session *s, const dm_corpus **c, char *path, size_t n, dm_err *err);
/* Any family: the loaded network, the engine built by the last run (NULL
 * before one), and the data of the split and limit settings. */
const dm_net *dm_session_net(const dm_session *s);
const dm_engine *dm_session_engine(const dm_session *s);
int dm_session_gdata(dm_session *s, const dm_data **d, char *path, size_t n, dm_err *err);
/* The little-module fit data the settings fit-data, fit-tokens and
 * calib-tokens ask for (the model's training split by default; the
 * held-out head of the text being evaluated for a language model whose
 * metadata names no dataset, with no fit-data; random tokens for a
 * random-weights model), cached per model and settings; the next run
 * builds on it. */
int dm_session_fitdata(dm_session *s, const dm_fitdata **fd, dm_err *err);
/* The same, reporting the collection's progress to prog (may be NULL);
 * 1 (err set) when prog's cancel flag stopped it, and nothing is kept. */
int dm_session_fitdata_progress(dm_session *s, const dm_fitdata **fd, const dm_fit_progress *prog, dm_err *err);
/* Before dm_session_fitdata: when the current settings fit on the head of
 * the text being evaluated and score only the rest (a language model whose
 * metadata names no dataset, no fit-data, no dual file in use), read that
 * text now, so that one too short is refused and dm_session_notice says
 * what is held out (once) before the fit's work starts; otherwise nothing.
 * Each run's note records the held-out slice too. */
int dm_session_fit_prepare(dm_session *s, dm_err *err);
/* Tokens held out at the head of the data dm_session_data last read (0:
 * none): the data are the text's tokens from there on. */
long dm_session_held_tokens(const dm_session *s);
/* And what a run's note says of it ("held out: tokens 0..N-1 of FILE
 * fitted the little module; tokens N..M scored"), or "". */
const char *dm_session_held_note(const dm_session *s);
/* Replace the model by one of this shape with random weights (benchmarks:
 * timing only, no data). */
int dm_session_load_random(dm_session *s, dm_cell cell, int ntoken, int hidden, int layers, int input, dm_err *err);
/* dm_session_run that also returns the full result (per-layer and per-gate
 * statistics) and does not store the run: the caller stores *run (so that
 * a store that fails still leaves the figures to print). */
int dm_session_run_result(dm_session *s, dm_snap_fn progress, void *ud, const volatile int *cancel, dm_run *run,
                          dm_dual_result *res, dm_err *err);

#endif
