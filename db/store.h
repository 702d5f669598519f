/* store.h - the SQLite run store: every configuration a user evaluates is
 * kept, with its knobs, metrics, speed figures and provenance.
 *
 * File: $XDG_DATA_HOME/dualmod/runs.db (else ~/.local/share/dualmod/runs.db)
 * unless a path is given. WAL journal, busy_timeout, foreign keys on, schema
 * version in PRAGMA user_version, migrated forward on open (never backward:
 * a newer file is refused). A file that is not a dualmod database (other
 * tables, no dualmod application_id) or is damaged is reported and never
 * written. Every run is stored in one transaction with its per-site and
 * per-group rows (a site is one dual-moduled layer, a group one of its
 * output groups, e.g. an LSTM gate; the schema has no cap on either, a
 * dm_run holds at most DM_RUN_MAX_SITES / DM_RUN_MAX_GROUPS). Which way a
 * metric is better is the metric table's (src/task/metric.h), copied into
 * the file's `metrics` table that the views join.
 * dm_store_query runs read-only SQL on a separate read-only connection. */
#ifndef DM_STORE_H
#define DM_STORE_H

#include <stdint.h>

#include "util.h"

#define DM_STORE_SCHEMA_VERSION 8
#define DM_RUN_MAX_SITES 128  /* in memory only: the schema has no cap */
#define DM_RUN_MAX_GROUPS 512

typedef struct dm_store dm_store; /* opaque */

/* One dual-moduled site of a run (row of run_sites); its index in
 * dm_run.site is its site_index. */
typedef struct dm_run_site {
    char name[48];                    /* unique in the run, e.g. "l0" */
    char kind[16];                    /* lstm, gru, conv, linear, ... */
    double ratio_achieved;
    double fit_mse, fit_rel_mse;
    double recall, false_insensitive; /* NaN unless audited */
    double ratio;                     /* requested (its override, else the run's; schema 7; NaN unknown) */
    int bits, k;                      /* its little module (schema 7; -1 / 0 unknown) */
} dm_run_site;

/* One output group of a site (row of run_groups), e.g. an LSTM gate; the
 * groups of a site are stored in their order in dm_run.group. */
typedef struct dm_run_group {
    int site;                         /* index into dm_run.site */
    char name[16];                    /* unique in its site, e.g. "i" */
    double ratio_achieved;
    double recall, false_insensitive; /* NaN unless audited */
} dm_run_group;

typedef struct dm_run {
    int64_t id;              /* set by dm_store_add */
    /* model */
    char model[128];         /* name, e.g. kjv-lstm */
    char model_path[1024];
    char model_hash[32];     /* hex of the file hash */
    char arch[16];           /* LSTM, GRU, ... */
    char family[16];         /* network family, e.g. rnnlm */
    int layers, hidden;
    /* data */
    char split[64];          /* valid/test/train or a file path */
    char split_hash[32];
    long tokens;             /* items evaluated */
    /* knobs */
    double ratio;            /* requested */
    int bits;                /* 0 = FP32 */
    int k;
    double eps;              /* NaN when k was given */
    uint64_t seed;
    char mode[16];           /* threshold | topk */
    char policy[16];         /* paper | symmetric | error */
    char predictor[8];       /* little | sign (schema 4) */
    char proj[8];            /* srp | pca */
    char path[8];            /* stream | seq */
    int streams;             /* quality figures over N contiguous streams (1: batch 1; 0 stored as 1; schema 5) */
    int beam;                /* translators: beam width of the search (1: greedy; 0 stored as 1; schema 6) */
    int threads;
    char kernels[16];        /* ref | avx2 | avx512 */
    int audit;
    char site_knobs[512];    /* per-site overrides that differ from the global knobs, canonical
                              * ("l1:ratio=0.8,bits=4;l0:k=64"; "" uniform; schema 7) */
    /* results */
    char metric[16];         /* perplexity | BLEU | accuracy */
    double value, value_se;  /* dual-module metric */
    double dense_value;      /* dense metric, same data */
    double delta, delta_pct; /* value - dense_value, and in % of dense */
    double delta_se;         /* paired standard error of delta (NaN: unknown; schema 8) */
    double kld, top1_agree;
    double ratio_achieved;
    double bytes_ratio;      /* dual / dense weight bytes per step (recurrent layers) */
    double mac_ratio;        /* dual / dense multiply-adds of the dual-moduled layers (big + little; schema 4) */
    double little_bytes;
    double fit_rel_mse;      /* mean over layers */
    double speedup, speedup_min, speedup_max, speedup_e2e; /* NaN when not measured */
    double seconds;          /* wall time of the evaluation */
    char status[16];         /* done | cancelled */
    int partial;             /* figures cover part of the data (cancelled) */
    char note[512];
    char tag[64];            /* groups runs: "sensitivity", "tune:<id>" ("" none; schema 7) */
    char experiment[64];     /* the experiment setting's name ("" none; schema 7) */
    /* provenance */
    char git_rev[48], build_flags[256], cpu[128], version[32];
    char created[32];        /* ISO 8601 UTC, set by dm_store_add when empty */
    int nsites;
    dm_run_site site[DM_RUN_MAX_SITES];
    int ngroups;
    dm_run_group group[DM_RUN_MAX_GROUPS];
} dm_run;

/* Open (creating file and parent directories when absent) and migrate.
 * path NULL: the default location. */
int dm_store_open(dm_store **st, const char *path, dm_err *err);
void dm_store_close(dm_store *st);
const char *dm_store_path(const dm_store *st);
/* The default path ($XDG_DATA_HOME/dualmod/runs.db or ~/.local/share/...). */
int dm_store_default_path(char *out, size_t n, dm_err *err);
/* 1 when file is the run store at store_path or one of its -wal, -shm and
 * -journal files (the same file, whatever the name), else 0. An output file
 * (export, save-hyp, dual save, a screen dump) must never be one of them. */
int dm_store_is_store_file(const char *store_path, const char *file);

/* Store one run with its sites and groups in one transaction; sets r->id. */
int dm_store_add(dm_store *st, dm_run *r, dm_err *err);
/* Load run id (with its sites and groups). */
int dm_store_get(dm_store *st, int64_t id, dm_run *r, dm_err *err);
int dm_store_delete(dm_store *st, int64_t id, dm_err *err);
/* Delete runs ids[0..n) all or nothing: one missing id deletes none. */
int dm_store_delete_many(dm_store *st, const int64_t *ids, int n, dm_err *err);
/* As dm_store_add, but a completed run whose configuration is already stored
 * as done (dm_store_find_same, checked under the same write lock) is not
 * stored again: returns 1 with r->id set to the stored one (concurrent
 * identical sweeps store each configuration once). */
int dm_store_add_unique(dm_store *st, dm_run *r, dm_err *err);
int dm_store_set_note(dm_store *st, int64_t id, const char *note, dm_err *err);
/* Is a run with the same model hash, split hash, knobs and build already stored? (for sweep resume) */
int dm_store_find_same(dm_store *st, const dm_run *r, int64_t *id_out, dm_err *err); /* 1 found, 0 not, -1 error */

/* Read-only SQL (a separate SQLITE_OPEN_READONLY connection, and statements
 * that are not read-only are refused: no insert/update/delete/drop/attach/
 * pragma writes). The callback gets each row as strings (NULL for SQL NULL);
 * return non-zero from it to stop. */
typedef int (*dm_row_fn)(void *ud, int ncol, const char *const *names, const char *const *vals);
int dm_store_query(dm_store *st, const char *sql, dm_row_fn fn, void *ud, dm_err *err);
/* Queries are an allow-list (SELECT over the store's tables and views, core
 * scalar/aggregate/window/date/math/json functions, reporting pragmas), no
 * value longer than DM_STORE_SQL_MAX_LENGTH bytes, at most
 * DM_STORE_SQL_MAX_ROWS rows per call. The guard stops a query when *cancel
 * becomes non-zero ("sql: query cancelled") or after timeout_s seconds
 * (0 = no limit); cancel may be NULL. */
#define DM_STORE_SQL_MAX_LENGTH 16000000
#define DM_STORE_SQL_MAX_ROWS 1000000
void dm_store_query_guard(dm_store *st, const volatile int *cancel, double timeout_s);

/* Merge another dualmod database's runs (skipping ones already present,
 * identified by model hash + split hash + knobs + created time). Returns the
 * number imported in *n. */
int dm_store_import(dm_store *st, const char *other_path, int *n, dm_err *err);

#endif
