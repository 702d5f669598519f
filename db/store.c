/* store.c - the SQLite run store (see store.h and db/README.md).
 *
 * Invariant: a file is written only after it has been recognised as a
 * dualmod database (our application_id, a schema version this build knows,
 * PRAGMA quick_check clean) or as an empty database; anything else (another
 * program's tables, a newer schema, damage) is reported and the file is left
 * byte-identical. Every write is one BEGIN IMMEDIATE transaction that either
 * commits completely or is rolled back, and values only ever reach SQL as
 * bound parameters. Queries from dm_store_query run on a second connection
 * opened SQLITE_OPEN_READONLY, behind an authorizer and sqlite3_stmt_readonly. */
#define _POSIX_C_SOURCE 200809L
#include "store.h"

#include "metric.h"

#include <errno.h>
#include <math.h>
#include <sqlite3.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define APP_ID 0x646D6F64 /* 'dmod' */
#define BUSY_MS 5000
#define PATH_MAX_LEN 4096

struct dm_store {
    sqlite3 *db;    /* read-write connection */
    sqlite3 *ro;    /* read-only connection for dm_store_query, opened lazily */
    int readonly;   /* the file is not writable: db is a read-only connection */
    char deny[256]; /* why the authorizer refused the statement being prepared */
    char path[PATH_MAX_LEN];
    /* the query guard (dm_store_query_guard) and the state of the running query */
    const volatile int *cancel;
    double timeout_s;
    double q_start;
    int q_stop; /* 1 cancelled, 2 timed out */
};

/* ---- schema ------------------------------------------------------------- */

/* Version 1. Keep in step with the column table below and db/README.md. */
static const char schema_v1[] =
    "CREATE TABLE models (\n"
    "    id      INTEGER PRIMARY KEY,\n"
    "    name    TEXT NOT NULL,\n"
    "    path    TEXT NOT NULL DEFAULT '',\n"
    "    hash    TEXT NOT NULL UNIQUE,\n"
    "    arch    TEXT NOT NULL DEFAULT '',\n"
    "    layers  INTEGER NOT NULL DEFAULT 0,\n"
    "    hidden  INTEGER NOT NULL DEFAULT 0\n"
    ");\n"
    "CREATE TABLE runs (\n"
    "    id             INTEGER PRIMARY KEY AUTOINCREMENT,\n"
    "    model_id       INTEGER NOT NULL REFERENCES models(id),\n"
    "    split          TEXT NOT NULL,\n"
    "    split_hash     TEXT NOT NULL DEFAULT '',\n"
    "    tokens         INTEGER NOT NULL DEFAULT 0,\n"
    "    ratio          REAL,\n"
    "    bits           INTEGER NOT NULL DEFAULT 0,\n"
    "    k              INTEGER NOT NULL DEFAULT 0,\n"
    "    eps            REAL,\n"
    "    seed           INTEGER NOT NULL DEFAULT 0,\n"
    "    mode           TEXT NOT NULL DEFAULT '',\n"
    "    policy         TEXT NOT NULL DEFAULT '',\n"
    "    proj           TEXT NOT NULL DEFAULT '',\n"
    "    path           TEXT NOT NULL DEFAULT '',\n"
    "    threads        INTEGER NOT NULL DEFAULT 0,\n"
    "    kernels        TEXT NOT NULL DEFAULT '',\n"
    "    audit          INTEGER NOT NULL DEFAULT 0,\n"
    "    metric         TEXT NOT NULL DEFAULT '',\n"
    "    value          REAL,\n"
    "    value_se       REAL,\n"
    "    dense_value    REAL,\n"
    "    delta          REAL,\n"
    "    delta_pct      REAL,\n"
    "    kld            REAL,\n"
    "    top1_agree     REAL,\n"
    "    ratio_achieved REAL,\n"
    "    bytes_ratio    REAL,\n"
    "    little_bytes   REAL,\n"
    "    fit_rel_mse    REAL,\n"
    "    speedup        REAL,\n"
    "    speedup_min    REAL,\n"
    "    speedup_max    REAL,\n"
    "    speedup_e2e    REAL,\n"
    "    seconds        REAL,\n"
    "    status         TEXT NOT NULL DEFAULT 'done' CHECK (status IN ('done', 'cancelled')),\n"
    "    partial        INTEGER NOT NULL DEFAULT 0 CHECK (partial IN (0, 1)),\n"
    "    note           TEXT NOT NULL DEFAULT '',\n"
    "    git_rev        TEXT NOT NULL DEFAULT '',\n"
    "    build_flags    TEXT NOT NULL DEFAULT '',\n"
    "    cpu            TEXT NOT NULL DEFAULT '',\n"
    "    version        TEXT NOT NULL DEFAULT '',\n"
    "    created        TEXT NOT NULL\n"
    ");\n"
    "CREATE INDEX runs_model ON runs(model_id);\n"
    "CREATE INDEX runs_created ON runs(created);\n"
    "CREATE TABLE run_layers (\n"
    "    run_id            INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,\n"
    "    layer             INTEGER NOT NULL,\n"
    "    ratio_achieved    REAL,\n"
    "    gate0             REAL,\n"
    "    gate1             REAL,\n"
    "    gate2             REAL,\n"
    "    gate3             REAL,\n"
    "    fit_mse           REAL,\n"
    "    fit_rel_mse       REAL,\n"
    "    recall            REAL,\n"
    "    false_insensitive REAL,\n"
    "    PRIMARY KEY (run_id, layer)\n"
    ");\n"
    "CREATE VIEW run_summary AS\n"
    "SELECT r.id, r.created, m.name AS model, r.split, r.ratio, r.ratio_achieved,\n"
    "       r.bits, r.k, r.mode, r.policy, r.proj, r.metric, r.value, r.dense_value,\n"
    "       r.delta_pct, r.kld, r.top1_agree, r.speedup, r.bytes_ratio, r.status, r.note\n"
    "FROM runs r JOIN models m ON m.id = r.model_id;\n"
    /* Quality loss is delta_pct for lower-is-better metrics (perplexity and
     * anything unknown) and -delta_pct for BLEU and accuracy. */
    "CREATE VIEW pareto_candidates AS\n"
    "SELECT s.* FROM run_summary s JOIN runs r ON r.id = s.id\n"
    "WHERE r.status = 'done' AND r.speedup IS NOT NULL AND r.delta_pct IS NOT NULL\n"
    "  AND NOT EXISTS (\n"
    "    SELECT 1 FROM runs o\n"
    "    WHERE o.id <> r.id AND o.model_id = r.model_id\n"
    "      AND o.split = r.split AND o.split_hash = r.split_hash AND o.metric = r.metric\n"
    "      AND o.status = 'done' AND o.speedup IS NOT NULL AND o.delta_pct IS NOT NULL\n"
    "      AND o.speedup >= r.speedup\n"
    "      AND (CASE WHEN lower(r.metric) IN ('bleu', 'accuracy') THEN -o.delta_pct ELSE o.delta_pct END)\n"
    "          <= (CASE WHEN lower(r.metric) IN ('bleu', 'accuracy') THEN -r.delta_pct ELSE r.delta_pct END)\n"
    "      AND (o.speedup > r.speedup OR o.delta_pct <> r.delta_pct));\n";

/* Version 2: run_summary gains the figures people filter and sort by
 * (dppl_pct for language models, loss_pct for any metric, the speed spread,
 * data size, threads, kernels); pareto_candidates is rebuilt on it. */
static const char schema_v2[] =
    "DROP VIEW pareto_candidates;\n"
    "DROP VIEW run_summary;\n"
    "CREATE VIEW run_summary AS\n"
    "SELECT r.id, r.created, m.name AS model, m.arch, r.split, r.tokens, r.ratio, r.ratio_achieved,\n"
    "       r.bits, r.k, r.eps, r.seed, r.mode, r.policy, r.proj, r.path, r.threads, r.kernels,\n"
    "       r.metric, r.value, r.value_se, r.dense_value, r.delta, r.delta_pct,\n"
    "       CASE WHEN lower(r.metric) = 'perplexity' THEN r.delta_pct END AS dppl_pct,\n"
    "       CASE WHEN lower(r.metric) IN ('bleu', 'accuracy') THEN -r.delta_pct ELSE r.delta_pct END AS loss_pct,\n"
    "       r.kld, r.top1_agree, r.speedup, r.speedup_min, r.speedup_max, r.speedup_e2e,\n"
    "       r.bytes_ratio, r.little_bytes, r.fit_rel_mse, r.seconds, r.status, r.partial, r.note, r.git_rev\n"
    "FROM runs r JOIN models m ON m.id = r.model_id;\n"
    "CREATE VIEW pareto_candidates AS\n"
    "SELECT s.* FROM run_summary s JOIN runs r ON r.id = s.id\n"
    "WHERE r.status = 'done' AND r.speedup IS NOT NULL AND r.delta_pct IS NOT NULL\n"
    "  AND NOT EXISTS (\n"
    "    SELECT 1 FROM runs o\n"
    "    WHERE o.id <> r.id AND o.model_id = r.model_id\n"
    "      AND o.split = r.split AND o.split_hash = r.split_hash AND o.metric = r.metric\n"
    "      AND o.status = 'done' AND o.speedup IS NOT NULL AND o.delta_pct IS NOT NULL\n"
    "      AND o.speedup >= r.speedup\n"
    "      AND (CASE WHEN lower(r.metric) IN ('bleu', 'accuracy') THEN -o.delta_pct ELSE o.delta_pct END)\n"
    "          <= (CASE WHEN lower(r.metric) IN ('bleu', 'accuracy') THEN -r.delta_pct ELSE r.delta_pct END)\n"
    "      AND (o.speedup > r.speedup OR o.delta_pct <> r.delta_pct));\n";

/* Version 3: direction lives in the file (a metrics table filled from the
 * C metric table, see fill_metrics); runs gain the network family; the fixed
 * per-gate columns of run_layers become rows without a cap: run_sites (one
 * per dual-moduled site) and run_groups (one per output group of a site, in
 * order). Old layers become sites 'l<N>' of kind lstm/gru (from the model's
 * arch) with groups i,f,g,o (LSTM) or r,z,n (GRU); every older run was a
 * language model (family rnnlm). run_layers stays readable as a view. */
static const char schema_v3[] =
    "DROP VIEW pareto_candidates;\n"
    "DROP VIEW run_summary;\n"
    "CREATE TABLE metrics (\n"
    "    name             TEXT NOT NULL PRIMARY KEY COLLATE NOCASE,\n"
    "    key              TEXT NOT NULL DEFAULT '',\n"
    "    unit             TEXT NOT NULL DEFAULT '',\n"
    "    item             TEXT NOT NULL DEFAULT '',\n"
    "    rate             TEXT NOT NULL DEFAULT '',\n"
    "    higher_is_better INTEGER NOT NULL CHECK (higher_is_better IN (0, 1)),\n"
    "    has_se           INTEGER NOT NULL DEFAULT 0 CHECK (has_se IN (0, 1))\n"
    ");\n"
    "ALTER TABLE runs ADD COLUMN family TEXT NOT NULL DEFAULT '';\n"
    "UPDATE runs SET family = 'rnnlm';\n"
    "CREATE TABLE run_sites (\n"
    "    run_id            INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,\n"
    "    site_index        INTEGER NOT NULL,\n"
    "    site              TEXT NOT NULL,\n"
    "    kind              TEXT NOT NULL DEFAULT '',\n"
    "    ratio_achieved    REAL,\n"
    "    fit_mse           REAL,\n"
    "    fit_rel_mse       REAL,\n"
    "    recall            REAL,\n"
    "    false_insensitive REAL,\n"
    "    PRIMARY KEY (run_id, site_index),\n"
    "    UNIQUE (run_id, site)\n"
    ");\n"
    "CREATE TABLE run_groups (\n"
    "    run_id            INTEGER NOT NULL,\n"
    "    site_index        INTEGER NOT NULL,\n"
    "    grp_index         INTEGER NOT NULL,\n"
    "    grp               TEXT NOT NULL,\n"
    "    ratio_achieved    REAL,\n"
    "    recall            REAL,\n"
    "    false_insensitive REAL,\n"
    "    PRIMARY KEY (run_id, site_index, grp_index),\n"
    "    UNIQUE (run_id, site_index, grp),\n"
    "    FOREIGN KEY (run_id, site_index) REFERENCES run_sites(run_id, site_index) ON DELETE CASCADE\n"
    ");\n"
    "INSERT INTO run_sites (run_id, site_index, site, kind, ratio_achieved, fit_mse, fit_rel_mse, recall,\n"
    "                       false_insensitive)\n"
    "SELECT l.run_id, l.layer, 'l' || l.layer,\n"
    "       CASE upper(m.arch) WHEN 'LSTM' THEN 'lstm' WHEN 'GRU' THEN 'gru' ELSE lower(m.arch) END,\n"
    "       l.ratio_achieved, l.fit_mse, l.fit_rel_mse, l.recall, l.false_insensitive\n"
    "FROM run_layers l JOIN runs r ON r.id = l.run_id JOIN models m ON m.id = r.model_id;\n"
    "INSERT INTO run_groups (run_id, site_index, grp_index, grp, ratio_achieved)\n"
    "SELECT l.run_id, l.layer, k.k,\n"
    "       CASE upper(m.arch) WHEN 'LSTM' THEN substr('ifgo', k.k + 1, 1)\n"
    "                          WHEN 'GRU' THEN substr('rzn', k.k + 1, 1) ELSE 'gate' || k.k END,\n"
    "       CASE k.k WHEN 0 THEN l.gate0 WHEN 1 THEN l.gate1 WHEN 2 THEN l.gate2 ELSE l.gate3 END\n"
    "FROM run_layers l JOIN runs r ON r.id = l.run_id JOIN models m ON m.id = r.model_id\n"
    "     JOIN (SELECT 0 AS k UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3) k\n"
    "WHERE CASE upper(m.arch) WHEN 'LSTM' THEN k.k < 4 WHEN 'GRU' THEN k.k < 3\n"
    "      ELSE (CASE k.k WHEN 0 THEN l.gate0 WHEN 1 THEN l.gate1 WHEN 2 THEN l.gate2 ELSE l.gate3 END)\n"
    "           IS NOT NULL END;\n"
    "DROP TABLE run_layers;\n"
    /* the version-2 table, read-only, for queries written against it */
    "CREATE VIEW run_layers AS\n"
    "SELECT s.run_id, s.site_index AS layer, s.ratio_achieved,\n"
    "       (SELECT g.ratio_achieved FROM run_groups g\n"
    "        WHERE g.run_id = s.run_id AND g.site_index = s.site_index AND g.grp_index = 0) AS gate0,\n"
    "       (SELECT g.ratio_achieved FROM run_groups g\n"
    "        WHERE g.run_id = s.run_id AND g.site_index = s.site_index AND g.grp_index = 1) AS gate1,\n"
    "       (SELECT g.ratio_achieved FROM run_groups g\n"
    "        WHERE g.run_id = s.run_id AND g.site_index = s.site_index AND g.grp_index = 2) AS gate2,\n"
    "       (SELECT g.ratio_achieved FROM run_groups g\n"
    "        WHERE g.run_id = s.run_id AND g.site_index = s.site_index AND g.grp_index = 3) AS gate3,\n"
    "       s.fit_mse, s.fit_rel_mse, s.recall, s.false_insensitive\n"
    "FROM run_sites s;\n"
    /* loss_pct: positive = worse than dense, whichever way the metric goes
     * (unknown metrics count as lower-is-better) */
    "CREATE VIEW run_summary AS\n"
    "SELECT r.id, r.created, m.name AS model, m.arch, r.split, r.tokens, r.ratio, r.ratio_achieved,\n"
    "       r.bits, r.k, r.eps, r.seed, r.mode, r.policy, r.proj, r.path, r.threads, r.kernels,\n"
    "       r.metric, r.value, r.value_se, r.dense_value, r.delta, r.delta_pct,\n"
    "       CASE WHEN lower(r.metric) = 'perplexity' THEN r.delta_pct END AS dppl_pct,\n"
    "       CASE WHEN mt.higher_is_better THEN -r.delta_pct ELSE r.delta_pct END AS loss_pct,\n"
    "       r.kld, r.top1_agree, r.speedup, r.speedup_min, r.speedup_max, r.speedup_e2e,\n"
    "       r.bytes_ratio, r.little_bytes, r.fit_rel_mse, r.seconds, r.status, r.partial, r.note, r.git_rev,\n"
    "       r.family\n"
    "FROM runs r JOIN models m ON m.id = r.model_id LEFT JOIN metrics mt ON mt.name = r.metric COLLATE NOCASE;\n"
    "CREATE VIEW pareto_candidates AS\n"
    "SELECT s.* FROM run_summary s JOIN runs r ON r.id = s.id\n"
    "WHERE r.status = 'done' AND r.speedup IS NOT NULL AND r.delta_pct IS NOT NULL\n"
    "  AND NOT EXISTS (\n"
    "    SELECT 1 FROM runs o JOIN run_summary os ON os.id = o.id\n"
    "    WHERE o.id <> r.id AND o.model_id = r.model_id\n"
    "      AND o.split = r.split AND o.split_hash = r.split_hash AND o.metric = r.metric\n"
    "      AND o.status = 'done' AND o.speedup IS NOT NULL AND o.delta_pct IS NOT NULL\n"
    "      AND o.speedup >= r.speedup AND os.loss_pct <= s.loss_pct\n"
    "      AND (o.speedup > r.speedup OR os.loss_pct <> s.loss_pct));\n";

/* Version 4: the predictor knob (little | sign) and the multiply-add ratio
 * (classifiers report operations, the paper's measure for convolutions). */
static const char schema_v4[] =
    "ALTER TABLE runs ADD COLUMN predictor TEXT NOT NULL DEFAULT 'little';\n"
    "ALTER TABLE runs ADD COLUMN mac_ratio REAL;\n"
    "DROP VIEW pareto_candidates;\n"
    "DROP VIEW run_summary;\n"
    /* v3's summary, then the new columns and each metric's own delta: dacc and dbleu in points (a loss is
     * negative: higher is better), mac_reduction = dense / dual multiply-adds */
    "CREATE VIEW run_summary AS\n"
    "SELECT r.id, r.created, m.name AS model, m.arch, r.split, r.tokens, r.ratio, r.ratio_achieved,\n"
    "       r.bits, r.k, r.eps, r.seed, r.mode, r.policy, r.proj, r.path, r.threads, r.kernels,\n"
    "       r.metric, r.value, r.value_se, r.dense_value, r.delta, r.delta_pct,\n"
    "       CASE WHEN lower(r.metric) = 'perplexity' THEN r.delta_pct END AS dppl_pct,\n"
    "       CASE WHEN mt.higher_is_better THEN -r.delta_pct ELSE r.delta_pct END AS loss_pct,\n"
    "       r.kld, r.top1_agree, r.speedup, r.speedup_min, r.speedup_max, r.speedup_e2e,\n"
    "       r.bytes_ratio, r.little_bytes, r.fit_rel_mse, r.seconds, r.status, r.partial, r.note, r.git_rev,\n"
    "       r.family, r.predictor, r.mac_ratio,\n"
    "       CASE WHEN r.mac_ratio > 0 THEN 1.0 / r.mac_ratio END AS mac_reduction,\n"
    "       CASE WHEN lower(r.metric) = 'accuracy' THEN r.delta END AS dacc,\n"
    "       CASE WHEN lower(r.metric) = 'bleu' THEN r.delta END AS dbleu\n"
    "FROM runs r JOIN models m ON m.id = r.model_id LEFT JOIN metrics mt ON mt.name = r.metric COLLATE NOCASE;\n"
    "CREATE VIEW pareto_candidates AS\n"
    "SELECT s.* FROM run_summary s JOIN runs r ON r.id = s.id\n"
    "WHERE r.status = 'done' AND r.speedup IS NOT NULL AND r.delta_pct IS NOT NULL\n"
    "  AND NOT EXISTS (\n"
    "    SELECT 1 FROM runs o JOIN run_summary os ON os.id = o.id\n"
    "    WHERE o.id <> r.id AND o.model_id = r.model_id\n"
    "      AND o.split = r.split AND o.split_hash = r.split_hash AND o.metric = r.metric\n"
    "      AND o.status = 'done' AND o.speedup IS NOT NULL AND o.delta_pct IS NOT NULL\n"
    "      AND o.speedup >= r.speedup AND os.loss_pct <= s.loss_pct\n"
    "      AND (o.speedup > r.speedup OR os.loss_pct <> s.loss_pct));\n";

/* Version 5: streams, the number of contiguous streams the quality figures
 * were evaluated over (1: one stream, batch 1; N: PyTorch's batchify). Runs
 * of different streams differ in their figures, so the Pareto candidates
 * compare only runs of equal streams. */
static const char schema_v5[] =
    "ALTER TABLE runs ADD COLUMN streams INTEGER NOT NULL DEFAULT 1;\n"
"DROP VIEW pareto_candidates;\n"
    "DROP VIEW run_summary;\n"
    "CREATE VIEW run_summary AS\n"
    "SELECT r.id, r.created, m.name AS model, m.arch, r.split, r.tokens, r.ratio, r.ratio_achieved,\n"
    "       r.bits, r.k, r.eps, r.seed, r.mode, r.policy, r.proj, r.path, r.threads, r.kernels,\n"
    "       r.metric, r.value, r.value_se, r.dense_value, r.delta, r.delta_pct,\n"
    "       CASE WHEN lower(r.metric) = 'perplexity' THEN r.delta_pct END AS dppl_pct,\n"
    "       CASE WHEN mt.higher_is_better THEN -r.delta_pct ELSE r.delta_pct END AS loss_pct,\n"
    "       r.kld, r.top1_agree, r.speedup, r.speedup_min, r.speedup_max, r.speedup_e2e,\n"
    "       r.bytes_ratio, r.little_bytes, r.fit_rel_mse, r.seconds, r.status, r.partial, r.note, r.git_rev,\n"
    "       r.family, r.predictor, r.mac_ratio,\n"
    "       CASE WHEN r.mac_ratio > 0 THEN 1.0 / r.mac_ratio END AS mac_reduction,\n"
    "       CASE WHEN lower(r.metric) = 'accuracy' THEN r.delta END AS dacc,\n"
    "       CASE WHEN lower(r.metric) = 'bleu' THEN r.delta END AS dbleu,\n"
    "       r.streams\n"
    "FROM runs r JOIN models m ON m.id = r.model_id LEFT JOIN metrics mt ON mt.name = r.metric COLLATE NOCASE;\n"
    "CREATE VIEW pareto_candidates AS\n"
    "SELECT s.* FROM run_summary s JOIN runs r ON r.id = s.id\n"
    "WHERE r.status = 'done' AND r.speedup IS NOT NULL AND r.delta_pct IS NOT NULL\n"
    "  AND NOT EXISTS (\n"
    "    SELECT 1 FROM runs o JOIN run_summary os ON os.id = o.id\n"
    "    WHERE o.id <> r.id AND o.model_id = r.model_id\n"
    "      AND o.split = r.split AND o.split_hash = r.split_hash AND o.metric = r.metric AND o.streams = r.streams\n"
    "      AND o.status = 'done' AND o.speedup IS NOT NULL AND o.delta_pct IS NOT NULL\n"
    "      AND o.speedup >= r.speedup AND os.loss_pct <= s.loss_pct\n"
    "      AND (o.speedup > r.speedup OR os.loss_pct <> s.loss_pct));\n";

/* Version 6: beam, the translator's search width (1: greedy; every other
 * family 1). Translations of different beams differ in their figures, so the
 * Pareto candidates compare only runs of equal beam. */
static const char schema_v6[] =
    "ALTER TABLE runs ADD COLUMN beam INTEGER NOT NULL DEFAULT 1;\n"
"DROP VIEW pareto_candidates;\n"
    "DROP VIEW run_summary;\n"
    "CREATE VIEW run_summary AS\n"
    "SELECT r.id, r.created, m.name AS model, m.arch, r.split, r.tokens, r.ratio, r.ratio_achieved,\n"
    "       r.bits, r.k, r.eps, r.seed, r.mode, r.policy, r.proj, r.path, r.threads, r.kernels,\n"
    "       r.metric, r.value, r.value_se, r.dense_value, r.delta, r.delta_pct,\n"
    "       CASE WHEN lower(r.metric) = 'perplexity' THEN r.delta_pct END AS dppl_pct,\n"
    "       CASE WHEN mt.higher_is_better THEN -r.delta_pct ELSE r.delta_pct END AS loss_pct,\n"
    "       r.kld, r.top1_agree, r.speedup, r.speedup_min, r.speedup_max, r.speedup_e2e,\n"
    "       r.bytes_ratio, r.little_bytes, r.fit_rel_mse, r.seconds, r.status, r.partial, r.note, r.git_rev,\n"
    "       r.family, r.predictor, r.mac_ratio,\n"
    "       CASE WHEN r.mac_ratio > 0 THEN 1.0 / r.mac_ratio END AS mac_reduction,\n"
    "       CASE WHEN lower(r.metric) = 'accuracy' THEN r.delta END AS dacc,\n"
    "       CASE WHEN lower(r.metric) = 'bleu' THEN r.delta END AS dbleu,\n"
    "       r.streams, r.beam\n"
    "FROM runs r JOIN models m ON m.id = r.model_id LEFT JOIN metrics mt ON mt.name = r.metric COLLATE NOCASE;\n"
    "CREATE VIEW pareto_candidates AS\n"
    "SELECT s.* FROM run_summary s JOIN runs r ON r.id = s.id\n"
    "WHERE r.status = 'done' AND r.speedup IS NOT NULL AND r.delta_pct IS NOT NULL\n"
    "  AND NOT EXISTS (\n"
    "    SELECT 1 FROM runs o JOIN run_summary os ON os.id = o.id\n"
    "    WHERE o.id <> r.id AND o.model_id = r.model_id\n"
    "      AND o.split = r.split AND o.split_hash = r.split_hash AND o.metric = r.metric AND o.streams = r.streams\n"
    "      AND o.beam = r.beam\n"
    "      AND o.status = 'done' AND o.speedup IS NOT NULL AND o.delta_pct IS NOT NULL\n"
    "      AND o.speedup >= r.speedup AND os.loss_pct <= s.loss_pct\n"
    "      AND (o.speedup > r.speedup OR os.loss_pct <> s.loss_pct));\n";

/* Version 7: per-site knobs (issue 16). runs.site_knobs is the canonical
 * text of the per-site overrides that differ from the global knobs
 * ("l1:ratio=0.8,bits=4;l0:k=64"; '' = a uniform configuration), compared by
 * find_same; runs.tag groups the runs of one sensitivity analysis or tuning
 * ("sensitivity", "tune:<id>"); runs.experiment is the experiment setting's
 * name (a user's grouping, like MLflow's experiments); run_sites carries each site's requested ratio,
 * bits and k. */
static const char schema_v7[] =
    "ALTER TABLE runs ADD COLUMN site_knobs TEXT NOT NULL DEFAULT '';\n"
    "ALTER TABLE runs ADD COLUMN tag TEXT NOT NULL DEFAULT '';\n"
    "ALTER TABLE runs ADD COLUMN experiment TEXT NOT NULL DEFAULT '';\n"
    "ALTER TABLE run_sites ADD COLUMN ratio REAL;\n"
    "ALTER TABLE run_sites ADD COLUMN bits INTEGER;\n"
    "ALTER TABLE run_sites ADD COLUMN k INTEGER;\n"
    "UPDATE run_sites SET ratio = (SELECT r.ratio FROM runs r WHERE r.id = run_sites.run_id),\n"
    "                     bits = (SELECT r.bits FROM runs r WHERE r.id = run_sites.run_id);\n"
"DROP VIEW pareto_candidates;\n"
    "DROP VIEW run_summary;\n"
    "CREATE VIEW run_summary AS\n"
    "SELECT r.id, r.created, m.name AS model, m.arch, r.split, r.tokens, r.ratio, r.ratio_achieved,\n"
    "       r.bits, r.k, r.eps, r.seed, r.mode, r.policy, r.proj, r.path, r.threads, r.kernels,\n"
    "       r.metric, r.value, r.value_se, r.dense_value, r.delta, r.delta_pct,\n"
    "       CASE WHEN lower(r.metric) = 'perplexity' THEN r.delta_pct END AS dppl_pct,\n"
    "       CASE WHEN mt.higher_is_better THEN -r.delta_pct ELSE r.delta_pct END AS loss_pct,\n"
    "       r.kld, r.top1_agree, r.speedup, r.speedup_min, r.speedup_max, r.speedup_e2e,\n"
    "       r.bytes_ratio, r.little_bytes, r.fit_rel_mse, r.seconds, r.status, r.partial, r.note, r.git_rev,\n"
    "       r.family, r.predictor, r.mac_ratio,\n"
    "       CASE WHEN r.mac_ratio > 0 THEN 1.0 / r.mac_ratio END AS mac_reduction,\n"
    "       CASE WHEN lower(r.metric) = 'accuracy' THEN r.delta END AS dacc,\n"
    "       CASE WHEN lower(r.metric) = 'bleu' THEN r.delta END AS dbleu,\n"
    "       r.streams, r.beam, r.site_knobs, r.tag, r.experiment\n"
    "FROM runs r JOIN models m ON m.id = r.model_id LEFT JOIN metrics mt ON mt.name = r.metric COLLATE NOCASE;\n"
    "CREATE VIEW pareto_candidates AS\n"
    "SELECT s.* FROM run_summary s JOIN runs r ON r.id = s.id\n"
    "WHERE r.status = 'done' AND r.speedup IS NOT NULL AND r.delta_pct IS NOT NULL\n"
    "  AND NOT EXISTS (\n"
    "    SELECT 1 FROM runs o JOIN run_summary os ON os.id = o.id\n"
    "    WHERE o.id <> r.id AND o.model_id = r.model_id\n"
    "      AND o.split = r.split AND o.split_hash = r.split_hash AND o.metric = r.metric AND o.streams = r.streams\n"
    "      AND o.beam = r.beam\n"
    "      AND o.status = 'done' AND o.speedup IS NOT NULL AND o.delta_pct IS NOT NULL\n"
    "      AND o.speedup >= r.speedup AND os.loss_pct <= s.loss_pct\n"
    "      AND (o.speedup > r.speedup OR os.loss_pct <> s.loss_pct));\n";

/* Version 8: delta_se, the paired standard error of delta (dual minus
 * dense on the same items: per prediction for perplexity, per image for
 * accuracy; NULL for BLEU and for runs stored before), which the tuner's
 * `margin` uses. */
static const char schema_v8[] =
    "ALTER TABLE runs ADD COLUMN delta_se REAL;\n"
"DROP VIEW pareto_candidates;\n"
    "DROP VIEW run_summary;\n"
    "CREATE VIEW run_summary AS\n"
    "SELECT r.id, r.created, m.name AS model, m.arch, r.split, r.tokens, r.ratio, r.ratio_achieved,\n"
    "       r.bits, r.k, r.eps, r.seed, r.mode, r.policy, r.proj, r.path, r.threads, r.kernels,\n"
    "       r.metric, r.value, r.value_se, r.dense_value, r.delta, r.delta_pct,\n"
    "       CASE WHEN lower(r.metric) = 'perplexity' THEN r.delta_pct END AS dppl_pct,\n"
    "       CASE WHEN mt.higher_is_better THEN -r.delta_pct ELSE r.delta_pct END AS loss_pct,\n"
    "       r.kld, r.top1_agree, r.speedup, r.speedup_min, r.speedup_max, r.speedup_e2e,\n"
    "       r.bytes_ratio, r.little_bytes, r.fit_rel_mse, r.seconds, r.status, r.partial, r.note, r.git_rev,\n"
    "       r.family, r.predictor, r.mac_ratio,\n"
    "       CASE WHEN r.mac_ratio > 0 THEN 1.0 / r.mac_ratio END AS mac_reduction,\n"
    "       CASE WHEN lower(r.metric) = 'accuracy' THEN r.delta END AS dacc,\n"
    "       CASE WHEN lower(r.metric) = 'bleu' THEN r.delta END AS dbleu,\n"
    "       r.streams, r.beam, r.site_knobs, r.tag, r.experiment, r.delta_se\n"
    "FROM runs r JOIN models m ON m.id = r.model_id LEFT JOIN metrics mt ON mt.name = r.metric COLLATE NOCASE;\n"
    "CREATE VIEW pareto_candidates AS\n"
    "SELECT s.* FROM run_summary s JOIN runs r ON r.id = s.id\n"
    "WHERE r.status = 'done' AND r.speedup IS NOT NULL AND r.delta_pct IS NOT NULL\n"
    "  AND NOT EXISTS (\n"
    "    SELECT 1 FROM runs o JOIN run_summary os ON os.id = o.id\n"
    "    WHERE o.id <> r.id AND o.model_id = r.model_id\n"
    "      AND o.split = r.split AND o.split_hash = r.split_hash AND o.metric = r.metric AND o.streams = r.streams\n"
    "      AND o.beam = r.beam\n"
    "      AND o.status = 'done' AND o.speedup IS NOT NULL AND o.delta_pct IS NOT NULL\n"
    "      AND o.speedup >= r.speedup AND os.loss_pct <= s.loss_pct\n"
    "      AND (o.speedup > r.speedup OR os.loss_pct <> s.loss_pct));\n";

/* Schema steps: migrating from version v applies every step with to > v, in
 * order, in one transaction, then sets user_version. Version 0 is the empty
 * database. A step for version 2 would be e.g.
 *   {2, "ALTER TABLE runs ADD COLUMN ...; DROP VIEW run_summary; CREATE VIEW ..."}
 * and DM_STORE_SCHEMA_VERSION becomes 2. Never edit a released step. */
static const struct migration {
    int to;
    const char *sql;
} migrations[] = {
    {1, schema_v1},
    {2, schema_v2},
    {3, schema_v3},
    {4, schema_v4},
    {5, schema_v5},
    {6, schema_v6},
    {7, schema_v7},
    {8, schema_v8},
};
#define NMIGRATIONS ((int)(sizeof migrations / sizeof migrations[0]))

_Static_assert(sizeof migrations / sizeof migrations[0] == DM_STORE_SCHEMA_VERSION,
               "one migration step per schema version");

/* ---- the runs columns, mapped onto dm_run ------------------------------- */

enum { C_TEXT, C_INT, C_LONG, C_U64, C_REAL };

typedef struct col {
    const char *name;
    int kind;
    size_t off, size;
} col;

/* clang-format off */
#define FIELD_SIZE(f) sizeof(((dm_run *)0)->f)
#define T_(f) {#f, C_TEXT, offsetof(dm_run, f), FIELD_SIZE(f)}
#define I_(f) {#f, C_INT, offsetof(dm_run, f), FIELD_SIZE(f)}
#define L_(f) {#f, C_LONG, offsetof(dm_run, f), FIELD_SIZE(f)}
#define U_(f) {#f, C_U64, offsetof(dm_run, f), FIELD_SIZE(f)}
#define R_(f) {#f, C_REAL, offsetof(dm_run, f), FIELD_SIZE(f)}

/* Every column of runs except id and model_id, named as in dm_run. */
static const col run_cols[] = {
    /* data */
    T_(split), T_(split_hash), L_(tokens),
    /* knobs */
    R_(ratio), I_(bits), I_(k), R_(eps), U_(seed), T_(mode), T_(policy), T_(predictor), T_(proj), T_(path),
    I_(streams), I_(beam), I_(threads), T_(kernels), I_(audit), T_(site_knobs),
    /* results */
    T_(family), T_(metric), R_(value), R_(value_se), R_(dense_value), R_(delta), R_(delta_pct), R_(delta_se), R_(kld),
    R_(top1_agree), R_(ratio_achieved), R_(bytes_ratio), R_(mac_ratio), R_(little_bytes), R_(fit_rel_mse),
    R_(speedup), R_(speedup_min), R_(speedup_max), R_(speedup_e2e), R_(seconds),
    /* state */
    T_(status), I_(partial), T_(note), T_(tag), T_(experiment),
    /* provenance */
    T_(git_rev), T_(build_flags), T_(cpu), T_(version), T_(created),
};
/* clang-format on */
#define NRUNCOLS ((int)(sizeof run_cols / sizeof run_cols[0]))

/* dm_store_find_same: these must match (plus model hash and status 'done'). */
static const char *const same_keys[] = {"split_hash", "ratio", "bits", "k",       "eps",     "seed",   "mode",
                                        "policy",     "proj",  "path", "kernels", "threads", "git_rev", "predictor",
                                        "streams",    "beam",  "site_knobs"};
/* dm_store_import: a run is already present when these match (plus model hash). */
static const char *const import_keys[] = {"split", "split_hash", "created", "ratio",   "bits",
                                          "k",     "eps",        "seed",    "mode",    "policy",
                                          "proj",  "path",       "threads", "kernels", "audit", "predictor",
                                          "streams", "beam", "site_knobs"};

static const col *find_col(const char *name)
{
    for (int i = 0; i < NRUNCOLS; i++)
        if (strcmp(run_cols[i].name, name) == 0)
            return &run_cols[i];
    return NULL;
}

static int bind_real(sqlite3_stmt *s, int i, double v)
{
    return isnan(v) ? sqlite3_bind_null(s, i) : sqlite3_bind_double(s, i, v);
}

static int bind_text(sqlite3_stmt *s, int i, const char *v, size_t size)
{
    return sqlite3_bind_text(s, i, v, (int)strnlen(v, size), SQLITE_TRANSIENT);
}

static int bind_col(sqlite3_stmt *s, int i, const col *c, const dm_run *r)
{
    const char *p = (const char *)r + c->off;
    switch (c->kind) {
    case C_TEXT: return bind_text(s, i, p, c->size);
    case C_INT: return sqlite3_bind_int(s, i, *(const int *)(const void *)p);
    case C_LONG: return sqlite3_bind_int64(s, i, *(const long *)(const void *)p);
    case C_U64: return sqlite3_bind_int64(s, i, (sqlite3_int64) * (const uint64_t *)(const void *)p);
    default: return bind_real(s, i, *(const double *)(const void *)p);
    }
}

static double col_real(sqlite3_stmt *s, int i)
{
    return sqlite3_column_type(s, i) == SQLITE_NULL ? NAN : sqlite3_column_double(s, i);
}

/* Copy a text column into a fixed buffer, truncating to fit. */
static void col_text(sqlite3_stmt *s, int i, char *out, size_t size)
{
    const unsigned char *t = sqlite3_column_text(s, i);
    size_t n = t ? (size_t)sqlite3_column_bytes(s, i) : 0;
    if (n > size - 1)
        n = size - 1;
    if (n)
        memcpy(out, t, n);
    out[n] = '\0';
}

static void read_col(sqlite3_stmt *s, int i, const col *c, dm_run *r)
{
    char *p = (char *)r + c->off;
    switch (c->kind) {
    case C_TEXT: col_text(s, i, p, c->size); break;
    case C_INT: *(int *)(void *)p = sqlite3_column_int(s, i); break;
    case C_LONG: *(long *)(void *)p = (long)sqlite3_column_int64(s, i); break;
    case C_U64: *(uint64_t *)(void *)p = (uint64_t)sqlite3_column_int64(s, i); break;
    default: *(double *)(void *)p = col_real(s, i); break;
    }
}

/* ---- small helpers ------------------------------------------------------ */

static void sleep_ms(int ms)
{
    struct timespec ts = {ms / 1000, (long)(ms % 1000) * 1000000L};
    nanosleep(&ts, NULL);
}

/* One line for a failed SQLite call on db. */
static int sql_fail(dm_err *err, sqlite3 *db, const char *path, const char *what)
{
    int rc = db ? sqlite3_errcode(db) & 0xff : SQLITE_NOMEM;
    if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
        return dm_errf(err, "%s: %s: the database is locked by another process (waited %d ms); try again", path, what,
                       BUSY_MS);
    return dm_errf(err, "%s: %s: %s", path, what, db ? sqlite3_errmsg(db) : "out of memory");
}

/* Execute constant SQL, retrying while the database is busy, for at most
 * BUSY_MS in all (the busy handler is not consulted for every lock, e.g.
 * when another connection is changing the journal mode). */
static int exec_retry(sqlite3 *db, const char *sql)
{
    double until = dm_now() + BUSY_MS / 1000.0;
    for (;;) {
        int rc = sqlite3_exec(db, sql, NULL, NULL, NULL);
        if ((rc != SQLITE_BUSY && rc != SQLITE_LOCKED) || dm_now() >= until)
            return rc;
        sleep_ms(10);
    }
}

static void rollback(sqlite3 *db)
{
    if (!sqlite3_get_autocommit(db))
        sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
}

static void now_iso(char *out, size_t n)
{
    struct timespec ts;
    struct tm tm;
    char s[24];
    clock_gettime(CLOCK_REALTIME, &ts);
    gmtime_r(&ts.tv_sec, &tm);
    strftime(s, sizeof s, "%Y-%m-%dT%H:%M:%S", &tm);
    snprintf(out, n, "%s.%03dZ", s, (int)(ts.tv_nsec / 1000000));
}

/* mkdir -p of the directory part of path (created 0700, as XDG asks). */
static int mkdir_parents(const char *path, dm_err *err)
{
    char buf[PATH_MAX_LEN];
    size_t n = strlen(path);
    if (n >= sizeof buf)
        return dm_errf(err, "%s: path too long (at most %zu bytes)", path, sizeof buf - 1);
    memcpy(buf, path, n + 1);
    char *slash = strrchr(buf, '/');
    if (!slash || slash == buf)
        return 0;
    *slash = '\0';
    for (char *p = buf + 1;; p++) {
        if (*p != '/' && *p != '\0')
            continue;
        char c = *p;
        *p = '\0';
        if (mkdir(buf, 0700) != 0 && errno != EEXIST)
            return dm_errf(err, "%s: cannot create directory %s: %s", path, buf, strerror(errno));
        *p = c;
        if (c == '\0')
            break;
    }
    struct stat sb;
    if (stat(buf, &sb) != 0 || !S_ISDIR(sb.st_mode))
        return dm_errf(err, "%s: %s is not a directory; expected a directory for the run store", path, buf);
    return 0;
}

/* ---- recognising a file ------------------------------------------------- */

enum { DB_EMPTY, DB_OURS, DB_FOREIGN, DB_NEWER, DB_DAMAGED };

typedef struct db_info {
    int kind;
    uint32_t app_id;
    int version;
    int nobjects;      /* schema objects not named sqlite_* */
    char tables[256];  /* the tables among them, for messages */
    char problem[256]; /* why DB_DAMAGED */
} db_info;

/* The first min(n, size) bytes of db's main file and its size, read through
 * SQLite's own descriptor: the number of bytes read, -1 on error. The file is
 * never opened and closed beside SQLite. On POSIX, closing any descriptor of a
 * file drops every lock this process holds on it, SQLite's too; another
 * process could then take the file as unused, checkpoint and delete the WAL
 * that this connection is still writing, and a committed run would be lost
 * (https://www.sqlite.org/howtocorrupt.html, 2.2). */
static int file_head(sqlite3 *db, unsigned char *h, int n, sqlite3_int64 *size)
{
    sqlite3_file *f = NULL;
    *size = 0;
    if (sqlite3_file_control(db, "main", SQLITE_FCNTL_FILE_POINTER, &f) != SQLITE_OK || !f || !f->pMethods ||
        f->pMethods->xFileSize(f, size) != SQLITE_OK)
        return -1;
    int want = *size < n ? (int)*size : n;
    if (want <= 0)
        return 0;
    return f->pMethods->xRead(f, h, want, 0) == SQLITE_OK ? want : -1;
}

/* A file SQLite reads as an empty database must really be one: empty, or a
 * whole number of pages that agrees with the page count in its header. This
 * catches a real database cut short inside its first page (SQLite would read
 * the missing bytes as zeros and see no tables). */
static int header_consistent(sqlite3 *db, char *why, size_t n)
{
    unsigned char h[100];
    sqlite3_int64 size;
    int got = file_head(db, h, (int)sizeof h, &size);
    if (got < 0 || size == 0)
        return 1;
    if (got < (int)sizeof h || memcmp(h, "SQLite format 3", 16) != 0) {
        snprintf(why, n, "%lld bytes with no complete SQLite header", (long long)size);
        return 0;
    }
    long page = (long)h[16] << 8 | h[17];
    if (page == 1)
        page = 65536;
    uint32_t count = (uint32_t)h[28] << 24 | (uint32_t)h[29] << 16 | (uint32_t)h[30] << 8 | h[31];
    int count_valid = count != 0 && memcmp(h + 24, h + 92, 4) == 0;
    if (page < 512 || (page & (page - 1)) != 0 || size % page != 0 ||
        (count_valid && (long long)count * page != (long long)size)) {
        snprintf(why, n, "file is %lld bytes but its header says %u x %ld bytes", (long long)size, count, page);
        return 0;
    }
    return 1;
}

static int is_damage(int rc)
{
    rc &= 0xff;
    return rc == SQLITE_NOTADB || rc == SQLITE_CORRUPT;
}

/* Read-only look at db: integrity (when check), application_id,
 * user_version and schema objects, classified into info->kind. Damage is a
 * classification, not an error; -1 only when the file cannot be read at all
 * (locked, I/O error, permissions). */
static int inspect(sqlite3 *db, const char *path, int check, db_info *info, dm_err *err)
{
    memset(info, 0, sizeof *info);
    sqlite3_stmt *s = NULL;
    int rc = SQLITE_OK;
    const char *what = "";

    if (check) {
        what = "quick_check";
        rc = sqlite3_prepare_v2(db, "PRAGMA quick_check(3)", -1, &s, NULL);
        if (rc == SQLITE_OK && (rc = sqlite3_step(s)) == SQLITE_ROW) {
            const char *t = (const char *)sqlite3_column_text(s, 0);
            if (!t || strcmp(t, "ok") != 0) {
                const char *pre = "*** in database main ***\n";
                if (t && strncmp(t, pre, strlen(pre)) == 0)
                    t += strlen(pre);
                info->kind = DB_DAMAGED;
                snprintf(info->problem, sizeof info->problem, "quick_check: %s", t ? t : "(null)");
                for (char *c = info->problem; *c; c++)
                    if (*c == '\n')
                        *c = ' ';
                sqlite3_finalize(s);
                return 0;
            }
            rc = SQLITE_OK;
        } else if (rc == SQLITE_DONE) {
            rc = SQLITE_OK;
        }
        sqlite3_finalize(s);
        s = NULL;
    }
    if (rc == SQLITE_OK) {
        what = "application_id";
        rc = sqlite3_prepare_v2(db, "PRAGMA application_id", -1, &s, NULL);
        if (rc == SQLITE_OK && (rc = sqlite3_step(s)) == SQLITE_ROW) {
            info->app_id = (uint32_t)sqlite3_column_int(s, 0);
            rc = SQLITE_OK;
        }
        sqlite3_finalize(s);
        s = NULL;
    }
    if (rc == SQLITE_OK) {
        what = "user_version";
        rc = sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &s, NULL);
        if (rc == SQLITE_OK && (rc = sqlite3_step(s)) == SQLITE_ROW) {
            info->version = sqlite3_column_int(s, 0);
            rc = SQLITE_OK;
        }
        sqlite3_finalize(s);
        s = NULL;
    }
    if (rc == SQLITE_OK) {
        what = "schema";
        rc = sqlite3_prepare_v2(db,
                                "SELECT type = 'table', name FROM sqlite_master "
                                "WHERE name NOT LIKE 'sqlite!_%' ESCAPE '!' ORDER BY name",
                                -1, &s, NULL);
        size_t len = 0;
        int full = 0;
        while (rc == SQLITE_OK && (rc = sqlite3_step(s)) == SQLITE_ROW) {
            int table = sqlite3_column_int(s, 0);
            const char *name = (const char *)sqlite3_column_text(s, 1);
            size_t cap = sizeof info->tables;
            info->nobjects++;
            rc = SQLITE_OK;
            if (full || !table)
                continue;
            if (!name)
                name = "?";
            if (len + strlen(name) + 2 + 5 < cap) {
                len += (size_t)snprintf(info->tables + len, cap - len, "%s%s", len ? ", " : "", name);
            } else {
                snprintf(info->tables + len, cap - len, "%s...", len ? ", " : "");
                full = 1;
            }
        }
        if (rc == SQLITE_DONE)
            rc = SQLITE_OK;
        sqlite3_finalize(s);
        s = NULL;
    }
    if (rc != SQLITE_OK) {
        if (is_damage(sqlite3_extended_errcode(db)) || is_damage(rc)) {
            info->kind = DB_DAMAGED;
            snprintf(info->problem, sizeof info->problem, "%s", sqlite3_errmsg(db));
            return 0;
        }
        char what2[64];
        snprintf(what2, sizeof what2, "cannot read the database (%s)", what);
        return sql_fail(err, db, path, what2);
    }

    if (info->nobjects == 0 && info->version == 0 && (info->app_id == 0 || info->app_id == APP_ID)) {
        info->kind = DB_EMPTY;
        if (!header_consistent(db, info->problem, sizeof info->problem))
            info->kind = DB_DAMAGED;
    } else if (info->app_id != APP_ID) {
        info->kind = DB_FOREIGN;
    } else if (info->version > DM_STORE_SCHEMA_VERSION) {
        info->kind = DB_NEWER;
    } else if (info->version <= 0) {
        info->kind = DB_DAMAGED;
        snprintf(info->problem, sizeof info->problem, "dualmod application_id but schema version %d", info->version);
    } else {
        info->kind = DB_OURS;
        /* a store without one of its tables would be accepted until the first save */
        /* the tables of its schema version: per-layer rows until 2, per-site and per-group rows from 3 */
        rc = sqlite3_prepare_v2(db,
                                info->version < 3
                                    ? "SELECT group_concat(t.n, ', ') FROM (SELECT 'models' AS n UNION ALL SELECT "
                                      "'runs' UNION ALL SELECT 'run_layers') t WHERE t.n NOT IN (SELECT name FROM "
                                      "sqlite_master WHERE type = 'table')"
                                    : "SELECT group_concat(t.n, ', ') FROM (SELECT 'models' AS n UNION ALL SELECT "
                                      "'runs' UNION ALL SELECT 'run_sites' UNION ALL SELECT 'run_groups') t WHERE t.n "
                                      "NOT IN (SELECT name FROM sqlite_master WHERE type = 'table')",
                                -1, &s, NULL);
        if (rc == SQLITE_OK && sqlite3_step(s) == SQLITE_ROW && sqlite3_column_text(s, 0)) {
            info->kind = DB_DAMAGED;
            snprintf(info->problem, sizeof info->problem, "a dualmod store without its table(s) %s",
                     (const char *)sqlite3_column_text(s, 0));
        }
        sqlite3_finalize(s);
    }
    return 0;
}

/* The message for a file that is not usable as it is. */
static int refuse(const db_info *info, const char *path, const char *advice, dm_err *err)
{
    switch (info->kind) {
    case DB_FOREIGN:
        if (info->tables[0])
            return dm_errf(err, "%s: not a dualmod database (application_id 0x%08X, tables: %s); %s", path,
                           info->app_id, info->tables, advice);
        return dm_errf(err,
                       "%s: not a dualmod database (application_id 0x%08X, schema version %d, no tables, "
                       "%d other schema objects); %s",
                       path, info->app_id, info->version, info->nobjects, advice);
    case DB_NEWER:
        return dm_errf(err,
                       "%s: written by a newer dualmod (schema %d, this build knows %d); use a newer dualmod or %s",
                       path, info->version, DM_STORE_SCHEMA_VERSION, advice);
    case DB_DAMAGED:
        return dm_errf(err, "%s: damaged or not an SQLite database (%s); the file was left untouched; %s", path,
                       info->problem, advice);
    default: return dm_errf(err, "%s: not a dualmod database (no tables); %s", path, advice);
    }
}

/* ---- open, migrate, close ----------------------------------------------- */

int dm_store_default_path(char *out, size_t n, dm_err *err)
{
    const char *xdg = getenv("XDG_DATA_HOME");
    const char *home = getenv("HOME");
    int w;
    if (xdg && xdg[0] == '/') /* the XDG spec: relative values are ignored */
        w = snprintf(out, n, "%s/dualmod/runs.db", xdg);
    else if (home && home[0])
        w = snprintf(out, n, "%s/.local/share/dualmod/runs.db", home);
    else
        return dm_errf(err, "run store: neither XDG_DATA_HOME nor HOME is set; give a file with --db");
    if (w < 0 || (size_t)w >= n)
        return dm_errf(err, "run store: the default path is longer than %zu bytes; give a file with --db", n - 1);
    return 0;
}

/* Insert or refresh one metric of the C table in the file's metrics table. */
static int put_metric(sqlite3 *db, const dm_metric_def *d)
{
    sqlite3_stmt *s = NULL;
    int rc = sqlite3_prepare_v2(db,
                                "INSERT INTO metrics (name, key, unit, item, rate, higher_is_better, has_se) "
                                "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT (name) DO UPDATE SET "
                                "name = excluded.name, key = excluded.key, unit = excluded.unit, "
                                "item = excluded.item, rate = excluded.rate, "
                                "higher_is_better = excluded.higher_is_better, has_se = excluded.has_se",
                                -1, &s, NULL);
    if (rc == SQLITE_OK) {
        sqlite3_bind_text(s, 1, d->name, -1, SQLITE_STATIC);
        sqlite3_bind_text(s, 2, d->key, -1, SQLITE_STATIC);
        sqlite3_bind_text(s, 3, d->unit, -1, SQLITE_STATIC);
        sqlite3_bind_text(s, 4, d->item, -1, SQLITE_STATIC);
        sqlite3_bind_text(s, 5, d->rate, -1, SQLITE_STATIC);
        sqlite3_bind_int(s, 6, d->higher_is_better != 0);
        sqlite3_bind_int(s, 7, d->has_se != 0);
        rc = sqlite3_step(s) == SQLITE_DONE ? SQLITE_OK : SQLITE_ERROR;
    }
    sqlite3_finalize(s);
    return rc == SQLITE_OK ? 0 : -1;
}

/* The metrics table from the C metric table (every entry). */
static int fill_metrics(sqlite3 *db)
{
    for (int i = 0; i < DM_METRIC_COUNT; i++)
        if (put_metric(db, &dm_metric_table[i]) != 0)
            return -1;
    return 0;
}

/* Apply the schema steps after version `from` to db (inside the caller's
 * transaction), then fill the metrics table. */
static int apply_steps(sqlite3 *db, const char *path, int from, dm_err *err)
{
    for (int i = 0; i < NMIGRATIONS; i++) {
        if (migrations[i].to <= from)
            continue;
        char pragmas[96];
        snprintf(pragmas, sizeof pragmas, "PRAGMA application_id = %d; PRAGMA user_version = %d;", APP_ID,
                 migrations[i].to);
        if (sqlite3_exec(db, migrations[i].sql, NULL, NULL, NULL) != SQLITE_OK ||
            sqlite3_exec(db, pragmas, NULL, NULL, NULL) != SQLITE_OK) {
            char what[96];
            snprintf(what, sizeof what, "cannot migrate the schema from version %d to %d", from, migrations[i].to);
            return sql_fail(err, db, path, what);
        }
    }
    if (fill_metrics(db) != 0)
        return sql_fail(err, db, path, "cannot fill the metrics table");
    return 0;
}

/* Bring db (already inspected as empty or ours at an older version) to the
 * current schema in one transaction. Another process may have done it in the
 * meantime, so the state is read again under the write lock. */
static int migrate(dm_store *st, dm_err *err)
{
    sqlite3 *db = st->db;
    if (exec_retry(db, "BEGIN IMMEDIATE") != SQLITE_OK)
        return sql_fail(err, db, st->path, "cannot start the schema transaction");
    db_info info;
    if (inspect(db, st->path, 0, &info, err) != 0) {
        rollback(db);
        return -1;
    }
    int from;
    if (info.kind == DB_EMPTY)
        from = 0;
    else if (info.kind == DB_OURS)
        from = info.version;
    else {
        rollback(db);
        return refuse(&info, st->path, "choose another file with --db", err);
    }
    if (apply_steps(db, st->path, from, err) != 0) {
        rollback(db);
        return -1;
    }
    if (sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
        sql_fail(err, db, st->path, "cannot commit the schema");
        rollback(db);
        return -1;
    }
    return 0;
}

/* Plain-file checks before SQLite sees the file: a special file (FIFO,
 * device, directory) is named, a file that does not start with the SQLite
 * header (or whose header carries another application's id and that has no
 * write-ahead log that could say otherwise) is refused without opening it. */
static int precheck(const char *path, const char *sqlname, int *writable, dm_err *err)
{
    struct stat sb;
    *writable = 1;
    if (stat(path, &sb) != 0) {
        if (errno == ENOENT)
            return 0; /* created by SQLite */
        return dm_errf(err, "%s: cannot use as the run store: %s", path, strerror(errno));
    }
    if (!S_ISREG(sb.st_mode))
        return dm_errf(err, "%s: not a regular file (%s); expected a dualmod runs.db (choose another file with --db)",
                       path, dm_file_kind(sb.st_mode));
    *writable = access(path, W_OK) == 0;
    if (sb.st_size == 0)
        return 0;
    /* read through a read-only SQLite connection, which opens no -wal or
     * -shm by itself: this process may already hold locks on the file (see
     * file_head) */
    unsigned char h[100];
    sqlite3 *t = NULL;
    sqlite3_int64 size;
    int got = sqlite3_open_v2(sqlname, &t, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK
                  ? file_head(t, h, (int)sizeof h, &size)
                  : -1;
    if (got < 0) {
        dm_errf(err, "%s: cannot read: %s", path, t ? sqlite3_errmsg(t) : "out of memory");
        sqlite3_close(t);
        return -1;
    }
    sqlite3_close(t);
    if (got < 16 || memcmp(h, "SQLite format 3", 16) != 0)
        return dm_errf(err, "%s: damaged or not an SQLite database (%lld bytes with no SQLite header); the file "
                       "was left untouched; choose another file with --db", path, (long long)sb.st_size);
    if (got == (int)sizeof h) {
        uint32_t app = (uint32_t)h[68] << 24 | (uint32_t)h[69] << 16 | (uint32_t)h[70] << 8 | h[71];
        char wal[PATH_MAX_LEN + 8];
        snprintf(wal, sizeof wal, "%s-wal", path);
        if (app != 0 && app != APP_ID && access(wal, F_OK) != 0)
            return dm_errf(err, "%s: not a dualmod database (application_id 0x%08X); choose another file with --db",
                           path, app);
    }
    return 0;
}

/* Percent-encode path into a file: URI (for the immutable read-only open). */
static void path_uri(char *out, size_t n, const char *path, const char *query)
{
    size_t k = (size_t)snprintf(out, n, "file:");
    for (const unsigned char *p = (const unsigned char *)path; *p && k + 4 < n; p++) {
        if (*p == '%' || *p == '?' || *p == '#' || *p < 0x20 || *p >= 0x7f)
            k += (size_t)snprintf(out + k, n - k, "%%%02X", *p);
        else
            out[k++] = (char)*p;
    }
    snprintf(out + k, n - k, "%s", query);
}

/* A read-only connection to name. A read-only file without a write-ahead log
 * is opened immutable: no lock, no -shm or -wal created beside it. */
static int open_readonly(const char *name, int file_readonly, sqlite3 **db, const char *path, dm_err *err)
{
    char wal[PATH_MAX_LEN + 8];
    snprintf(wal, sizeof wal, "%s-wal", name);
    int rc;
    if (file_readonly && access(wal, F_OK) != 0) {
        char uri[3 * PATH_MAX_LEN + 32];
        path_uri(uri, sizeof uri, name, "?immutable=1");
        rc = sqlite3_open_v2(uri, db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
    } else {
        rc = sqlite3_open_v2(name, db, SQLITE_OPEN_READONLY, NULL);
    }
    if (rc != SQLITE_OK) {
        sql_fail(err, *db, path, "cannot open");
        sqlite3_close(*db);
        *db = NULL;
        return -1;
    }
    sqlite3_extended_result_codes(*db, 1);
    sqlite3_busy_timeout(*db, BUSY_MS);
    return 0;
}

int dm_store_open(dm_store **out, const char *path, dm_err *err)
{
    *out = NULL;
    char def[PATH_MAX_LEN];
    if (!path) {
        if (dm_store_default_path(def, sizeof def, err) != 0)
            return -1;
        path = def;
    }
    if (!path[0])
        return dm_errf(err, "run store: empty path; expected a file name");
    if (strlen(path) >= PATH_MAX_LEN)
        return dm_errf(err, "%.64s...: path too long (at most %d bytes)", path, PATH_MAX_LEN - 1);
    if (mkdir_parents(path, err) != 0)
        return -1;

    /* SQLite (as Debian builds it) reads "file:..." as a URI: keep it a plain name */
    char sqlname[PATH_MAX_LEN + 2];
    snprintf(sqlname, sizeof sqlname, "%s%s", strncmp(path, "file:", 5) == 0 ? "./" : "", path);
    int writable = 1;
    if (precheck(path, sqlname, &writable, err) != 0)
        return -1;

    dm_store *st = calloc(1, sizeof *st);
    if (!st)
        return dm_errf(err, "%s: out of memory", path);
    snprintf(st->path, sizeof st->path, "%s", path);

    /* Recognise the file on a read-only connection first: closing it never
     * checkpoints a WAL into the file, so a refused file (or a foreign -wal
     * beside it) is left as it was. */
    db_info info;
    int existed = access(path, F_OK) == 0;
    char shm[PATH_MAX_LEN + 8];
    snprintf(shm, sizeof shm, "%s-shm", sqlname);
    int shm_existed = access(shm, F_OK) == 0;
    if (existed) {
        if (open_readonly(sqlname, !writable, &st->db, path, err) != 0) {
            dm_store_close(st);
            return -1;
        }
        if (inspect(st->db, path, 1, &info, err) != 0) {
            dm_store_close(st);
            return -1;
        }
        if (info.kind != DB_EMPTY && info.kind != DB_OURS) {
            refuse(&info, path, "choose another file with --db", err);
            dm_store_close(st);
            /* reading a WAL file creates its -shm (the index): not ours to leave */
            if (!shm_existed)
                unlink(shm);
            return -1;
        }
        if (!writable) {
            if (info.kind != DB_OURS || info.version != DM_STORE_SCHEMA_VERSION) {
                dm_errf(err, "%s: the file is read-only and %s; the run store needs write access to %s (or choose "
                        "another file with --db)", path, info.kind == DB_EMPTY ? "empty" : "at an older schema",
                        info.kind == DB_EMPTY ? "create it" : "migrate it");
                dm_store_close(st);
                return -1;
            }
            st->readonly = 1; /* usable for reading: runs, show, sql, export */
            *out = st;
            return 0;
        }
        sqlite3_close(st->db);
        st->db = NULL;
    }

    if (sqlite3_open_v2(sqlname, &st->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK) {
        sql_fail(err, st->db, path, "cannot open");
        dm_store_close(st);
        return -1;
    }
    sqlite3_extended_result_codes(st->db, 1);
    sqlite3_busy_timeout(st->db, BUSY_MS);

    /* Nothing is written before this point (the file may have changed since
     * the read-only look: look again). */
    if (inspect(st->db, path, !existed, &info, err) != 0) {
        dm_store_close(st);
        return -1;
    }
    if (info.kind != DB_EMPTY && info.kind != DB_OURS) {
        refuse(&info, path, "choose another file with --db", err);
        dm_store_close(st);
        return -1;
    }
    if (sqlite3_db_readonly(st->db, "main") == 1) {
        dm_errf(err, "%s: the file is read-only; the run store needs write access (or choose another file with --db)",
                path);
        dm_store_close(st);
        return -1;
    }

    if (exec_retry(st->db, "PRAGMA journal_mode = WAL") != SQLITE_OK) {
        sql_fail(err, st->db, path, "cannot switch to WAL mode");
        dm_store_close(st);
        return -1;
    }
    if (sqlite3_exec(st->db, "PRAGMA foreign_keys = ON", NULL, NULL, NULL) != SQLITE_OK) {
        sql_fail(err, st->db, path, "cannot enable foreign keys");
        dm_store_close(st);
        return -1;
    }
    if ((info.kind == DB_EMPTY || info.version < DM_STORE_SCHEMA_VERSION) && migrate(st, err) != 0) {
        dm_store_close(st);
        return -1;
    }
    *out = st;
    return 0;
}

void dm_store_close(dm_store *st)
{
    if (!st)
        return;
    /* the read-write connection last, so that it checkpoints the WAL */
    sqlite3_close(st->ro);
    sqlite3_close(st->db);
    free(st);
}

int dm_store_is_store_file(const char *store_path, const char *file)
{
    struct stat f, sb;
    if (!store_path || !file || stat(file, &f) != 0)
        return 0;
    static const char *const suffix[] = {"", "-wal", "-shm", "-journal"};
    for (size_t i = 0; i < sizeof suffix / sizeof suffix[0]; i++) {
        char name[PATH_MAX_LEN + 16];
        snprintf(name, sizeof name, "%s%s", store_path, suffix[i]);
        if (stat(name, &sb) == 0 && sb.st_dev == f.st_dev && sb.st_ino == f.st_ino)
            return 1;
    }
    return 0;
}

const char *dm_store_path(const dm_store *st)
{
    return st ? st->path : "";
}

/* ---- writing runs ------------------------------------------------------- */

static int check_run(const dm_run *r, const char *path, dm_err *err)
{
    if (r->nsites < 0 || r->nsites > DM_RUN_MAX_SITES)
        return dm_errf(err, "%s: run has %d sites (dual-moduled layers); expected 0 to %d", path, r->nsites,
                       DM_RUN_MAX_SITES);
    if (r->ngroups < 0 || r->ngroups > DM_RUN_MAX_GROUPS)
        return dm_errf(err, "%s: run has %d site groups; expected 0 to %d", path, r->ngroups, DM_RUN_MAX_GROUPS);
    for (int i = 0; i < r->nsites; i++) {
        const dm_run_site *si = &r->site[i];
        if (!si->name[0] || strnlen(si->name, sizeof si->name) == sizeof si->name ||
            strnlen(si->kind, sizeof si->kind) == sizeof si->kind)
            return dm_errf(err, "%s: run site %d: expected a name of 1 to %zu bytes and a kind of at most %zu", path,
                           i, sizeof si->name - 1, sizeof si->kind - 1);
    }
    for (int i = 0; i < r->ngroups; i++) {
        const dm_run_group *g = &r->group[i];
        if (g->site < 0 || g->site >= r->nsites)
            return dm_errf(err, "%s: run group %d belongs to site %d; expected a site from 0 to %d", path, i, g->site,
                           r->nsites - 1);
        if (!g->name[0] || strnlen(g->name, sizeof g->name) == sizeof g->name)
            return dm_errf(err, "%s: run group %d: expected a name of 1 to %zu bytes", path, i, sizeof g->name - 1);
    }
    if (!r->model_hash[0] || strnlen(r->model_hash, sizeof r->model_hash) == sizeof r->model_hash)
        return dm_errf(err, "%s: run has no model hash; expected the hex hash of the model file", path);
    if (!r->model[0])
        return dm_errf(err, "%s: run has no model name", path);
    struct {
        const char *name;
        const char *p;
        size_t size;
    } texts[] = {{"model", r->model, sizeof r->model},
                 {"model_path", r->model_path, sizeof r->model_path},
                 {"arch", r->arch, sizeof r->arch}};
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++)
        if (strnlen(texts[i].p, texts[i].size) == texts[i].size)
            return dm_errf(err, "%s: run field %s is not NUL-terminated (at most %zu bytes)", path, texts[i].name,
                           texts[i].size - 1);
    for (int i = 0; i < NRUNCOLS; i++) {
        const col *c = &run_cols[i];
        if (c->kind == C_TEXT && strnlen((const char *)r + c->off, c->size) == c->size)
            return dm_errf(err, "%s: run field %s is not NUL-terminated (at most %zu bytes)", path, c->name,
                           c->size - 1);
    }
    if (strcmp(r->status, "done") != 0 && strcmp(r->status, "cancelled") != 0)
        return dm_errf(err, "%s: run status '%s'; expected done or cancelled", path, r->status);
    return 0;
}

/* Insert r (model row, run row, layer rows) inside the caller's transaction.
 * update_model: refresh the model's name/path/arch/shape from r (a new run);
 * otherwise an existing model row is kept as it is (an imported run). */
static int insert_run(sqlite3 *db, const char *path, dm_run *r, int update_model, int64_t *id, dm_err *err)
{
    sqlite3_stmt *s = NULL;
    const char *what = "cannot store the model";
    const char *msql = update_model ? "INSERT INTO models (name, path, hash, arch, layers, hidden) "
                                      "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (hash) DO UPDATE SET "
                                      "name = excluded.name, path = excluded.path, arch = excluded.arch, "
                                      "layers = excluded.layers, hidden = excluded.hidden"
                                    : "INSERT INTO models (name, path, hash, arch, layers, hidden) "
                                      "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (hash) DO NOTHING";
    int64_t model_id = 0;
    if (sqlite3_prepare_v2(db, msql, -1, &s, NULL) != SQLITE_OK)
        goto fail;
    bind_text(s, 1, r->model, sizeof r->model);
    bind_text(s, 2, r->model_path, sizeof r->model_path);
    bind_text(s, 3, r->model_hash, sizeof r->model_hash);
    bind_text(s, 4, r->arch, sizeof r->arch);
    sqlite3_bind_int(s, 5, r->layers);
    sqlite3_bind_int(s, 6, r->hidden);
    if (sqlite3_step(s) != SQLITE_DONE)
        goto fail;
    sqlite3_finalize(s);
    if (sqlite3_prepare_v2(db, "SELECT id FROM models WHERE hash = ?1", -1, &s, NULL) != SQLITE_OK)
        goto fail;
    bind_text(s, 1, r->model_hash, sizeof r->model_hash);
    if (sqlite3_step(s) != SQLITE_ROW)
        goto fail;
    model_id = sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);

    what = "cannot store the run";
    char sql[2048];
    size_t n = (size_t)snprintf(sql, sizeof sql, "INSERT INTO runs (model_id");
    for (int i = 0; i < NRUNCOLS; i++)
        n += (size_t)snprintf(sql + n, sizeof sql - n, ", %s", run_cols[i].name);
    n += (size_t)snprintf(sql + n, sizeof sql - n, ") VALUES (?1");
    for (int i = 0; i < NRUNCOLS; i++)
        n += (size_t)snprintf(sql + n, sizeof sql - n, ", ?%d", i + 2);
    snprintf(sql + n, sizeof sql - n, ")");
    if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) != SQLITE_OK)
        goto fail;
    sqlite3_bind_int64(s, 1, model_id);
    for (int i = 0; i < NRUNCOLS; i++)
        bind_col(s, i + 2, &run_cols[i], r);
    if (sqlite3_step(s) != SQLITE_DONE)
        goto fail;
    sqlite3_finalize(s);
    *id = sqlite3_last_insert_rowid(db);

    what = "cannot store the run's sites";
    if (sqlite3_prepare_v2(db,
                           "INSERT INTO run_sites (run_id, site_index, site, kind, ratio_achieved, fit_mse, "
                           "fit_rel_mse, recall, false_insensitive, ratio, bits, k) "
                           "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
                           -1, &s, NULL) != SQLITE_OK)
        goto fail;
    for (int i = 0; i < r->nsites; i++) {
        const dm_run_site *si = &r->site[i];
        sqlite3_reset(s);
        sqlite3_bind_int64(s, 1, *id);
        sqlite3_bind_int(s, 2, i);
        bind_text(s, 3, si->name, sizeof si->name);
        bind_text(s, 4, si->kind, sizeof si->kind);
        bind_real(s, 5, si->ratio_achieved);
        bind_real(s, 6, si->fit_mse);
        bind_real(s, 7, si->fit_rel_mse);
        bind_real(s, 8, si->recall);
        bind_real(s, 9, si->false_insensitive);
        bind_real(s, 10, si->ratio);
        if (si->bits >= 0)
            sqlite3_bind_int(s, 11, si->bits);
        else
            sqlite3_bind_null(s, 11);
        if (si->k > 0)
            sqlite3_bind_int(s, 12, si->k);
        else
            sqlite3_bind_null(s, 12);
        if (sqlite3_step(s) != SQLITE_DONE)
            goto fail;
    }
    sqlite3_finalize(s);
    what = "cannot store the run's site groups";
    if (sqlite3_prepare_v2(db,
                           "INSERT INTO run_groups (run_id, site_index, grp_index, grp, ratio_achieved, recall, "
                           "false_insensitive) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                           -1, &s, NULL) != SQLITE_OK)
        goto fail;
    for (int i = 0; i < r->ngroups; i++) {
        const dm_run_group *g = &r->group[i];
        int gi = 0; /* its position among its site's groups */
        for (int j = 0; j < i; j++)
            gi += r->group[j].site == g->site;
        sqlite3_reset(s);
        sqlite3_bind_int64(s, 1, *id);
        sqlite3_bind_int(s, 2, g->site);
        sqlite3_bind_int(s, 3, gi);
        bind_text(s, 4, g->name, sizeof g->name);
        bind_real(s, 5, g->ratio_achieved);
        bind_real(s, 6, g->recall);
        bind_real(s, 7, g->false_insensitive);
        if (sqlite3_step(s) != SQLITE_DONE)
            goto fail;
    }
    sqlite3_finalize(s);
    s = NULL;
    /* a metric this build knows reaches the file's metrics table (a file
     * migrated by an older build of the same schema may lack a newer one) */
    what = "cannot store the run's metric";
    const dm_metric_def *md = dm_metric_find(r->metric);
    if (md && put_metric(db, md) != 0)
        goto fail;
    return 0;
fail:
    sql_fail(err, db, path, what);
    sqlite3_finalize(s);
    return -1;
}

static int match_run(sqlite3 *db, const char *path, const dm_run *r, const char *const *keys, int nkeys,
                     const char *extra, int64_t *id_out, dm_err *err);

/* unique: a completed run with the same configuration already stored (by a
 * concurrent identical sweep) is not stored again; checked and inserted
 * under one write lock. 0 stored, 1 already there (r->id set to it), -1. */
static int add_run(dm_store *st, dm_run *r, int unique, dm_err *err)
{
    if (!r->created[0])
        now_iso(r->created, sizeof r->created);
    if (!r->status[0])
        snprintf(r->status, sizeof r->status, "done");
    if (!r->predictor[0])
        snprintf(r->predictor, sizeof r->predictor, "little");
    if (r->streams <= 0)
        r->streams = 1;
    if (r->beam <= 0)
        r->beam = 1;
    if (check_run(r, st->path, err) != 0)
        return -1;
    if (exec_retry(st->db, "BEGIN IMMEDIATE") != SQLITE_OK)
        return sql_fail(err, st->db, st->path, "cannot start a transaction to store the run");
    int64_t id = 0;
    if (unique && strcmp(r->status, "done") == 0) {
        int same = match_run(st->db, st->path, r, same_keys, (int)(sizeof same_keys / sizeof same_keys[0]),
                             " AND r.status = 'done'", &id, err);
        if (same != 0) {
            rollback(st->db);
            if (same == 1)
                r->id = id;
            return same;
        }
    }
    if (insert_run(st->db, st->path, r, 1, &id, err) != 0) {
        rollback(st->db);
        return -1;
    }
    if (sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
        sql_fail(err, st->db, st->path, "cannot commit the run");
        rollback(st->db);
        return -1;
    }
    r->id = id;
    return 0;
}

int dm_store_add(dm_store *st, dm_run *r, dm_err *err) { return add_run(st, r, 0, err); }

int dm_store_add_unique(dm_store *st, dm_run *r, dm_err *err) { return add_run(st, r, 1, err); }

/* ---- reading runs ------------------------------------------------------- */

/* Load run id from db (any connection with the current schema). 1 loaded,
 * 0 no such run, -1 error. */
static int load_run(sqlite3 *db, const char *path, int64_t id, dm_run *r, dm_err *err)
{
    char sql[2048];
    size_t n = (size_t)snprintf(sql, sizeof sql, "SELECT m.name, m.path, m.hash, m.arch, m.layers, m.hidden");
    for (int i = 0; i < NRUNCOLS; i++)
        n += (size_t)snprintf(sql + n, sizeof sql - n, ", r.%s", run_cols[i].name);
    snprintf(sql + n, sizeof sql - n, " FROM runs r JOIN models m ON m.id = r.model_id WHERE r.id = ?1");

    sqlite3_stmt *s = NULL;
    int rc;
    memset(r, 0, sizeof *r);
    if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) != SQLITE_OK)
        goto fail;
    sqlite3_bind_int64(s, 1, id);
    rc = sqlite3_step(s);
    if (rc == SQLITE_DONE) {
        sqlite3_finalize(s);
        return 0;
    }
    if (rc != SQLITE_ROW)
        goto fail;
    r->id = id;
    col_text(s, 0, r->model, sizeof r->model);
    col_text(s, 1, r->model_path, sizeof r->model_path);
    col_text(s, 2, r->model_hash, sizeof r->model_hash);
    col_text(s, 3, r->arch, sizeof r->arch);
    r->layers = sqlite3_column_int(s, 4);
    r->hidden = sqlite3_column_int(s, 5);
    for (int i = 0; i < NRUNCOLS; i++)
        read_col(s, i + 6, &run_cols[i], r);
    sqlite3_finalize(s);

    if (sqlite3_prepare_v2(db,
                           "SELECT site_index, site, kind, ratio_achieved, fit_mse, fit_rel_mse, recall, "
                           "false_insensitive, ratio, bits, k FROM run_sites WHERE run_id = ?1 ORDER BY site_index",
                           -1, &s, NULL) != SQLITE_OK)
        goto fail;
    sqlite3_bind_int64(s, 1, id);
    int site_index[DM_RUN_MAX_SITES]; /* the stored index of each site read */
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        if (r->nsites == DM_RUN_MAX_SITES) {
            sqlite3_finalize(s);
            return dm_errf(err, "%s: run %lld has more than %d sites; this build holds at most %d", path,
                           (long long)id, DM_RUN_MAX_SITES, DM_RUN_MAX_SITES);
        }
        site_index[r->nsites] = sqlite3_column_int(s, 0);
        dm_run_site *si = &r->site[r->nsites++];
        col_text(s, 1, si->name, sizeof si->name);
        col_text(s, 2, si->kind, sizeof si->kind);
        si->ratio_achieved = col_real(s, 3);
        si->fit_mse = col_real(s, 4);
        si->fit_rel_mse = col_real(s, 5);
        si->recall = col_real(s, 6);
        si->false_insensitive = col_real(s, 7);
        si->ratio = col_real(s, 8);
        si->bits = sqlite3_column_type(s, 9) == SQLITE_NULL ? -1 : sqlite3_column_int(s, 9);
        si->k = sqlite3_column_type(s, 10) == SQLITE_NULL ? 0 : sqlite3_column_int(s, 10);
    }
    if (rc != SQLITE_DONE)
        goto fail;
    sqlite3_finalize(s);
    if (sqlite3_prepare_v2(db,
                           "SELECT site_index, grp, ratio_achieved, recall, false_insensitive FROM run_groups "
                           "WHERE run_id = ?1 ORDER BY site_index, grp_index",
                           -1, &s, NULL) != SQLITE_OK)
        goto fail;
    sqlite3_bind_int64(s, 1, id);
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        if (r->ngroups == DM_RUN_MAX_GROUPS) {
            sqlite3_finalize(s);
            return dm_errf(err, "%s: run %lld has more than %d site groups; this build holds at most %d", path,
                           (long long)id, DM_RUN_MAX_GROUPS, DM_RUN_MAX_GROUPS);
        }
        int si = sqlite3_column_int(s, 0), at = -1;
        for (int i = 0; i < r->nsites && at < 0; i++)
            if (site_index[i] == si)
                at = i;
        if (at < 0)
            continue; /* no such site (cannot happen with foreign keys on) */
        dm_run_group *g = &r->group[r->ngroups++];
        g->site = at;
        col_text(s, 1, g->name, sizeof g->name);
        g->ratio_achieved = col_real(s, 2);
        g->recall = col_real(s, 3);
        g->false_insensitive = col_real(s, 4);
    }
    if (rc != SQLITE_DONE)
        goto fail;
    sqlite3_finalize(s);
    return 1;
fail:
    sql_fail(err, db, path, "cannot read the run");
    sqlite3_finalize(s);
    return -1;
}

int dm_store_get(dm_store *st, int64_t id, dm_run *r, dm_err *err)
{
    int rc = load_run(st->db, st->path, id, r, err);
    if (rc == 0)
        return dm_errf(err, "%s: no run %lld", st->path, (long long)id);
    return rc < 0 ? -1 : 0;
}

/* Run one statement that changes rows of run id; "no run" when none changed. */
static int change_run(dm_store *st, const char *sql, int64_t id, const char *text, const char *what, dm_err *err)
{
    sqlite3_stmt *s = NULL;
    if (exec_retry(st->db, "BEGIN IMMEDIATE") != SQLITE_OK)
        return sql_fail(err, st->db, st->path, what);
    if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) != SQLITE_OK)
        goto fail;
    sqlite3_bind_int64(s, 1, id);
    if (text)
        sqlite3_bind_text(s, 2, text, -1, SQLITE_TRANSIENT);
    if (sqlite3_step(s) != SQLITE_DONE)
        goto fail;
    sqlite3_finalize(s);
    s = NULL;
    if (sqlite3_changes(st->db) == 0) {
        rollback(st->db);
        return dm_errf(err, "%s: no run %lld", st->path, (long long)id);
    }
    if (sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
        goto fail;
    return 0;
fail:
    sql_fail(err, st->db, st->path, what);
    sqlite3_finalize(s);
    rollback(st->db);
    return -1;
}

int dm_store_delete_many(dm_store *st, const int64_t *ids, int n, dm_err *err)
{
    sqlite3_stmt *s = NULL;
    const char *what = "cannot delete the runs";
    if (exec_retry(st->db, "BEGIN IMMEDIATE") != SQLITE_OK)
        return sql_fail(err, st->db, st->path, what);
    if (sqlite3_prepare_v2(st->db, "DELETE FROM runs WHERE id = ?1", -1, &s, NULL) != SQLITE_OK)
        goto fail;
    for (int i = 0; i < n; i++) {
        int dup = 0;
        for (int j = 0; j < i; j++)
            dup |= ids[j] == ids[i];
        if (dup)
            continue;
        sqlite3_reset(s);
        sqlite3_bind_int64(s, 1, ids[i]);
        if (sqlite3_step(s) != SQLITE_DONE)
            goto fail;
        if (sqlite3_changes(st->db) == 0) {
            sqlite3_finalize(s);
            rollback(st->db);
            return dm_errf(err, "%s: no run %lld; nothing deleted", st->path, (long long)ids[i]);
        }
    }
    sqlite3_finalize(s);
    s = NULL;
    if (sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
        goto fail;
    return 0;
fail:
    sql_fail(err, st->db, st->path, what);
    sqlite3_finalize(s);
    rollback(st->db);
    return -1;
}

int dm_store_delete(dm_store *st, int64_t id, dm_err *err)
{
    /* its run_sites and run_groups go with it (ON DELETE CASCADE); the model row stays */
    return change_run(st, "DELETE FROM runs WHERE id = ?1", id, NULL, "cannot delete the run", err);
}

int dm_store_set_note(dm_store *st, int64_t id, const char *note, dm_err *err)
{
    if (!note)
        note = "";
    size_t len = strlen(note);
    if (len >= FIELD_SIZE(note))
        return dm_errf(err, "%s: note is %zu bytes; at most %zu allowed", st->path, len, FIELD_SIZE(note) - 1);
    return change_run(st, "UPDATE runs SET note = ?2 WHERE id = ?1", id, note, "cannot set the note", err);
}

/* SELECT the newest run r2 with m.hash = r's model hash and each key column
 * IS r's value (so NULL/NaN matches NULL/NaN), plus extra SQL. */
static int match_run(sqlite3 *db, const char *path, const dm_run *r, const char *const *keys, int nkeys,
                     const char *extra, int64_t *id_out, dm_err *err)
{
    char sql[2048];
    size_t n = (size_t)snprintf(sql, sizeof sql,
                                "SELECT r.id FROM runs r JOIN models m ON m.id = r.model_id WHERE m.hash = ?1");
    for (int i = 0; i < nkeys; i++)
        n += (size_t)snprintf(sql + n, sizeof sql - n, " AND r.%s IS ?%d", keys[i], i + 2);
    snprintf(sql + n, sizeof sql - n, "%s ORDER BY r.id DESC LIMIT 1", extra);

    sqlite3_stmt *s = NULL;
    if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) != SQLITE_OK)
        goto fail;
    bind_text(s, 1, r->model_hash, sizeof r->model_hash);
    for (int i = 0; i < nkeys; i++) {
        const col *c = find_col(keys[i]);
        if (!c) {
            sqlite3_finalize(s);
            return dm_errf(err, "%s: internal: no run column %s", path, keys[i]);
        }
        bind_col(s, i + 2, c, r);
    }
    int rc = sqlite3_step(s);
    if (rc == SQLITE_ROW) {
        if (id_out)
            *id_out = sqlite3_column_int64(s, 0);
        sqlite3_finalize(s);
        return 1;
    }
    if (rc != SQLITE_DONE)
        goto fail;
    sqlite3_finalize(s);
    return 0;
fail:
    sql_fail(err, db, path, "cannot look for a matching run");
    sqlite3_finalize(s);
    return -1;
}

int dm_store_find_same(dm_store *st, const dm_run *r, int64_t *id_out, dm_err *err)
{
    if (!r->predictor[0] || r->streams <= 0) { /* as dm_store_add stores it */
        dm_run *q = malloc(sizeof *q);
        if (!q)
            return dm_errf(err, "out of memory");
        *q = *r;
        if (!q->predictor[0])
            snprintf(q->predictor, sizeof q->predictor, "little");
        if (q->streams <= 0)
            q->streams = 1;
        if (q->beam <= 0)
            q->beam = 1;
        int rc = match_run(st->db, st->path, q, same_keys, (int)(sizeof same_keys / sizeof same_keys[0]),
                           " AND r.status = 'done'", id_out, err);
        free(q);
        return rc;
    }
    return match_run(st->db, st->path, r, same_keys, (int)(sizeof same_keys / sizeof same_keys[0]),
                     " AND r.status = 'done'", id_out, err);
}

/* ---- read-only queries -------------------------------------------------- */

/* Pragmas that only report; those in the second list only without a value
 * (with one they would change a setting). */
static const char *const pragma_any_arg[] = {"table_info",      "table_xinfo", "table_list",       "index_info",
                                             "index_xinfo",     "index_list",  "foreign_key_list", "foreign_key_check",
                                             "integrity_check", "quick_check"};
static const char *const pragma_no_arg[] = {
    "application_id", "user_version",    "schema_version", "data_version",   "page_count",        "page_size",
    "freelist_count", "encoding",        "database_list",  "collation_list", "function_list",     "module_list",
    "pragma_list",    "compile_options", "foreign_keys",   "auto_vacuum",    "journal_size_limit"};

static int in_list(const char *name, const char *const *list, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (name && sqlite3_stricmp(name, list[i]) == 0)
            return 1;
    return 0;
}

/* The functions a query may call: SQLite's core scalar, aggregate, window,
 * date and math functions that only compute on their arguments. Not
 * fts3_tokenizer (takes a pointer), load_extension, randomblob/zeroblob
 * (memory), or anything registered by an extension. */
static const char *const sql_functions[] = {
    "abs", "char", "coalesce", "concat", "concat_ws", "format", "glob", "hex", "ifnull", "iif", "instr", "length",
    "like", "likelihood", "likely", "lower", "ltrim", "max", "min", "nullif", "octet_length", "printf", "quote",
    "random", "replace", "round", "rtrim", "sign", "soundex", "substr", "substring", "trim", "typeof", "unhex",
    "unicode", "unlikely", "upper", "sqlite_version",
    "avg", "count", "group_concat", "string_agg", "sum", "total",
    "row_number", "rank", "dense_rank", "percent_rank", "cume_dist", "ntile", "lag", "lead", "first_value",
    "last_value", "nth_value",
    "date", "time", "datetime", "julianday", "unixepoch", "strftime", "timediff",
    "acos", "acosh", "asin", "asinh", "atan", "atan2", "atanh", "ceil", "ceiling", "cos", "cosh", "degrees", "exp",
    "floor", "ln", "log", "log10", "log2", "mod", "pi", "pow", "power", "radians", "sin", "sinh", "sqrt", "tan",
    "tanh", "trunc",
    "json", "json_array", "json_array_length", "json_extract", "json_object", "json_quote", "json_type", "json_valid"};

/* An allow-list: SELECT, reads of the store's tables and views (the only
 * database: ATTACH is refused), the functions above and reporting pragmas; everything else is
 * denied. Writes are also caught by sqlite3_stmt_readonly (and the read-only
 * connection). SQLite reports reads of table-valued pragmas such as
 * pragma_table_info() as updates of sqlite_master: that one is let through,
 * the statement is still read-only. */
static int authorize(void *ud, int action, const char *a1, const char *a2, const char *db, const char *trigger)
{
    (void)trigger;
    dm_store *st = ud;
    switch (action) {
    case SQLITE_SELECT:
    case SQLITE_RECURSIVE: return SQLITE_OK;
    case SQLITE_READ:
        if (db && strcmp(db, "main") != 0 && strcmp(db, "temp") != 0) {
            snprintf(st->deny, sizeof st->deny, "database %s is not the run store", db);
            return SQLITE_DENY;
        }
        /* the file was recognised as a dualmod store at open: main holds
         * only the store's tables and views (temp nothing: no writes) */
        return SQLITE_OK;
    case SQLITE_FUNCTION:
        if (in_list(a2, sql_functions, sizeof sql_functions / sizeof sql_functions[0]))
            return SQLITE_OK;
        snprintf(st->deny, sizeof st->deny, "function %s() is not allowed; allowed are SQLite's core scalar, "
                 "aggregate, window, date, math and json functions", a2 ? a2 : "?");
        return SQLITE_DENY;
    case SQLITE_UPDATE:
        if (a1 && (strcmp(a1, "sqlite_master") == 0 || strcmp(a1, "sqlite_temp_master") == 0))
            return SQLITE_OK; /* the table-valued pragma quirk above */
        snprintf(st->deny, sizeof st->deny, "this statement would write");
        return SQLITE_DENY;
    case SQLITE_ATTACH:
    case SQLITE_DETACH: snprintf(st->deny, sizeof st->deny, "ATTACH and DETACH are refused"); return SQLITE_DENY;
    case SQLITE_TRANSACTION:
    case SQLITE_SAVEPOINT:
        snprintf(st->deny, sizeof st->deny, "each statement runs on its own; no transactions");
        return SQLITE_DENY;
    case SQLITE_PRAGMA:
        if (in_list(a1, pragma_any_arg, sizeof pragma_any_arg / sizeof pragma_any_arg[0]) ||
            (!a2 && in_list(a1, pragma_no_arg, sizeof pragma_no_arg / sizeof pragma_no_arg[0])))
            return SQLITE_OK;
        snprintf(st->deny, sizeof st->deny,
                 "pragma %s%s%s is refused; allowed are reporting pragmas such as table_info", a1 ? a1 : "?",
                 a2 ? "=" : "", a2 ? a2 : "");
        return SQLITE_DENY;
    default: snprintf(st->deny, sizeof st->deny, "this statement would write"); return SQLITE_DENY;
    }
}

/* Every ~1000 VM steps: stop on the caller's cancel flag or the timeout. */
static int on_progress(void *ud)
{
    dm_store *st = ud;
    if (st->cancel && *st->cancel) {
        st->q_stop = 1;
        return 1;
    }
    if (st->timeout_s > 0 && dm_now() - st->q_start > st->timeout_s) {
        st->q_stop = 2;
        return 1;
    }
    return 0;
}

void dm_store_query_guard(dm_store *st, const volatile int *cancel, double timeout_s)
{
    st->cancel = cancel;
    st->timeout_s = timeout_s;
}

static int open_ro(dm_store *st, dm_err *err)
{
    if (st->ro)
        return 0;
    /* the absolute name SQLite resolved at open: immune to a later chdir */
    const char *file = sqlite3_db_filename(st->db, "main");
    if (!file || !file[0])
        file = st->path;
    if (st->readonly) {
        if (open_readonly(file, 1, &st->ro, st->path, err) != 0)
            return -1;
    } else if (sqlite3_open_v2(file, &st->ro, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
        sql_fail(err, st->ro, st->path, "cannot open read-only");
        sqlite3_close(st->ro);
        st->ro = NULL;
        return -1;
    }
    sqlite3_busy_timeout(st->ro, BUSY_MS);
    sqlite3_limit(st->ro, SQLITE_LIMIT_ATTACHED, 0);
    /* bounded by design: no value over DM_STORE_SQL_MAX_LENGTH bytes (a
     * randomblob(1e9) is an error, not 2 GB), short statements, shallow trees */
    sqlite3_limit(st->ro, SQLITE_LIMIT_LENGTH, DM_STORE_SQL_MAX_LENGTH);
    sqlite3_limit(st->ro, SQLITE_LIMIT_SQL_LENGTH, 100000);
    sqlite3_limit(st->ro, SQLITE_LIMIT_EXPR_DEPTH, 200);
    sqlite3_limit(st->ro, SQLITE_LIMIT_COMPOUND_SELECT, 100);
    sqlite3_limit(st->ro, SQLITE_LIMIT_FUNCTION_ARG, 32);
    sqlite3_limit(st->ro, SQLITE_LIMIT_VDBE_OP, 100000);
    sqlite3_exec(st->ro, "PRAGMA cache_size = -16384", NULL, NULL, NULL); /* 16 MB of page cache at most */
    sqlite3_exec(st->ro, "PRAGMA temp_store = FILE", NULL, NULL, NULL);   /* sorts spill to disk */
    sqlite3_set_authorizer(st->ro, authorize, st);
    sqlite3_progress_handler(st->ro, 1000, on_progress, st);
    return 0;
}

int dm_store_query(dm_store *st, const char *sql, dm_row_fn fn, void *ud, dm_err *err)
{
    if (open_ro(st, err) != 0)
        return -1;
    const char *tail = sql;
    int ret = 0;
    long nrows = 0;
    st->q_start = dm_now();
    st->q_stop = 0;
    while (ret == 0 && tail && *tail) {
        sqlite3_stmt *s = NULL;
        const char *head = tail;
        st->deny[0] = '\0';
        if (sqlite3_prepare_v2(st->ro, head, -1, &s, &tail) != SQLITE_OK) {
            if (st->deny[0])
                ret = dm_errf(err, "sql: only read-only queries are allowed (%s)", st->deny);
            else
                ret = dm_errf(err, "sql: %s", sqlite3_errmsg(st->ro));
            break;
        }
        if (!s) /* whitespace or a comment */
            continue;
        if (!sqlite3_stmt_readonly(s)) {
            sqlite3_finalize(s);
            ret = dm_errf(err, "sql: only read-only queries are allowed (this statement would write)");
            break;
        }
        int ncol = sqlite3_column_count(s);
        const char **names = calloc((size_t)ncol + 1, sizeof *names);
        const char **vals = calloc((size_t)ncol + 1, sizeof *vals);
        if (!names || !vals) {
            ret = dm_errf(err, "sql: out of memory");
        } else {
            for (int i = 0; i < ncol; i++)
                names[i] = sqlite3_column_name(s, i);
            int rc;
            while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
                if (++nrows > DM_STORE_SQL_MAX_ROWS) {
                    ret = dm_errf(err, "sql: more than %d rows; add a LIMIT (or narrow the query)",
                                  DM_STORE_SQL_MAX_ROWS);
                    rc = SQLITE_DONE;
                    tail = NULL;
                    break;
                }
                for (int i = 0; i < ncol; i++)
                    vals[i] = (const char *)sqlite3_column_text(s, i);
                if (fn && fn(ud, ncol, names, vals) != 0) {
                    tail = NULL; /* the caller asked to stop */
                    rc = SQLITE_DONE;
                    break;
                }
            }
            if (rc != SQLITE_DONE && st->q_stop == 1)
                ret = dm_errf(err, "sql: query cancelled");
            else if (rc != SQLITE_DONE && st->q_stop == 2)
                ret = dm_errf(err, "sql: query stopped after %g s (the sql-timeout setting; 0 = no limit)",
                              st->timeout_s);
            else if (rc != SQLITE_DONE)
                ret = dm_errf(err, "sql: %s", sqlite3_errmsg(st->ro));
        }
        free(names);
        free(vals);
        sqlite3_finalize(s);
    }
    rollback(st->ro); /* never leave a read transaction (and its WAL snapshot) open */
    return ret;
}

/* ---- import ------------------------------------------------------------- */

/* Copy models without runs too, keeping local rows of the same hash. */
static int copy_models(sqlite3 *from, sqlite3 *to, const char *other, const char *path, dm_err *err)
{
    sqlite3_stmt *s = NULL, *ins = NULL;
    if (sqlite3_prepare_v2(from, "SELECT name, path, hash, arch, layers, hidden FROM models", -1, &s, NULL) !=
        SQLITE_OK)
        return sql_fail(err, from, other, "cannot read its models");
    if (sqlite3_prepare_v2(to,
                           "INSERT INTO models (name, path, hash, arch, layers, hidden) "
                           "VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (hash) DO NOTHING",
                           -1, &ins, NULL) != SQLITE_OK) {
        sqlite3_finalize(s);
        return sql_fail(err, to, path, "cannot store the imported models");
    }
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        sqlite3_reset(ins);
        for (int i = 0; i < 6; i++)
            sqlite3_bind_value(ins, i + 1, sqlite3_column_value(s, i));
        if (sqlite3_step(ins) != SQLITE_DONE) {
            sql_fail(err, to, path, "cannot store the imported models");
            sqlite3_finalize(s);
            sqlite3_finalize(ins);
            return -1;
        }
    }
    if (rc != SQLITE_DONE)
        sql_fail(err, from, other, "cannot read its models");
    sqlite3_finalize(s);
    sqlite3_finalize(ins);
    return rc == SQLITE_DONE ? 0 : -1;
}

/* Replace *o (a read-only file of schema `version`) by an in-memory copy
 * migrated to the current schema; the file is not written. */
static int migrated_copy(sqlite3 **o, const char *other, int version, dm_err *err)
{
    sqlite3 *mem = NULL;
    if (sqlite3_open_v2(":memory:", &mem, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) {
        sql_fail(err, mem, other, "cannot make a copy in memory to migrate");
        sqlite3_close(mem);
        return -1;
    }
    sqlite3_backup *b = sqlite3_backup_init(mem, "main", *o, "main");
    int rc = b ? sqlite3_backup_step(b, -1) : SQLITE_ERROR;
    if (b)
        sqlite3_backup_finish(b);
    if (rc != SQLITE_DONE) {
        sql_fail(err, b ? mem : *o, other, "cannot copy it into memory to migrate");
        sqlite3_close(mem);
        return -1;
    }
    if (sqlite3_exec(mem, "BEGIN", NULL, NULL, NULL) != SQLITE_OK) {
        sql_fail(err, mem, other, "cannot migrate its copy in memory");
        sqlite3_close(mem);
        return -1;
    }
    if (apply_steps(mem, other, version, err) != 0) {
        sqlite3_close(mem);
        return -1;
    }
    if (sqlite3_exec(mem, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
        sql_fail(err, mem, other, "cannot migrate its copy in memory");
        sqlite3_close(mem);
        return -1;
    }
    sqlite3_close(*o);
    *o = mem;
    return 0;
}

int dm_store_import(dm_store *st, const char *other, int *n, dm_err *err)
{
    *n = 0;
    struct stat sb;
    if (stat(other, &sb) != 0)
        return dm_errf(err, "%s: cannot import: %s", other, strerror(errno));
    if (!S_ISREG(sb.st_mode))
        return dm_errf(err, "%s: cannot import: not a regular file; expected a dualmod runs.db", other);

    sqlite3 *o = NULL;
    sqlite3_stmt *ids = NULL;
    int count = 0;
    if (sqlite3_open_v2(other, &o, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
        sql_fail(err, o, other, "cannot open for import");
        sqlite3_close(o);
        return -1;
    }
    sqlite3_extended_result_codes(o, 1);
    sqlite3_busy_timeout(o, BUSY_MS);
    db_info info;
    if (inspect(o, other, 1, &info, err) != 0)
        goto fail;
    if (info.kind != DB_OURS) {
        refuse(&info, other, "nothing imported", err);
        goto fail;
    }
    if (info.version < 1 || info.version > DM_STORE_SCHEMA_VERSION) {
        dm_errf(err,
                "%s: written by an older dualmod (schema %d, this build knows %d); open it once with this "
                "dualmod (--db) to migrate it, then import; nothing imported",
                other, info.version, DM_STORE_SCHEMA_VERSION);
        goto fail;
    }
    /* an older schema is read through a migrated copy in memory */
    if (info.version < DM_STORE_SCHEMA_VERSION && migrated_copy(&o, other, info.version, err) != 0)
        goto fail;
    /* one snapshot of the other file, one transaction here */
    if (sqlite3_exec(o, "BEGIN", NULL, NULL, NULL) != SQLITE_OK) {
        sql_fail(err, o, other, "cannot read");
        goto fail;
    }
    if (exec_retry(st->db, "BEGIN IMMEDIATE") != SQLITE_OK) {
        sql_fail(err, st->db, st->path, "cannot start the import transaction");
        goto fail;
    }
    if (copy_models(o, st->db, other, st->path, err) != 0)
        goto fail;
    if (sqlite3_prepare_v2(o, "SELECT id FROM runs ORDER BY id", -1, &ids, NULL) != SQLITE_OK) {
        sql_fail(err, o, other, "cannot read its runs");
        goto fail;
    }
    int rc;
    while ((rc = sqlite3_step(ids)) == SQLITE_ROW) {
        dm_run r;
        int64_t new_id;
        int got = load_run(o, other, sqlite3_column_int64(ids, 0), &r, err);
        if (got < 0)
            goto fail;
        if (got == 0)
            continue;
        int same = match_run(st->db, st->path, &r, import_keys, (int)(sizeof import_keys / sizeof import_keys[0]), "",
                             NULL, err);
        if (same < 0)
            goto fail;
        if (same)
            continue;
        if (insert_run(st->db, st->path, &r, 0, &new_id, err) != 0)
            goto fail;
        count++;
    }
    if (rc != SQLITE_DONE) {
        sql_fail(err, o, other, "cannot read its runs");
        goto fail;
    }
    sqlite3_finalize(ids);
    ids = NULL;
    if (sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
        sql_fail(err, st->db, st->path, "cannot commit the import");
        goto fail;
    }
    rollback(o);
    sqlite3_close(o);
    *n = count;
    return 0;
fail:
    sqlite3_finalize(ids);
    rollback(st->db);
    if (o)
        rollback(o);
    sqlite3_close(o);
    return -1;
}
