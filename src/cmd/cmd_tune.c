/* cmd_tune.c - from exploring to deciding: per-site sensitivity and the
 * budgeted configuration tuner (issue 16).
 *
 * sensitivity [ratio VALUES] [bits VALUES] [sites PATTERN] [--force]
 *   dual-modules one site at a time (every other site at ratio 0, which runs
 *   it dense) over the grid and reports each site's quality loss. Every
 *   configuration is a stored run (tag "sensitivity"); stored ones are
 *   reused, so an interrupted analysis resumes.
 *
 * tune CONSTRAINT maximize OBJECTIVE [trials N] [time SECONDS] [ratios VALUES]
 *      [bits VALUES] [report SPLIT|none] [margin Z] [sens-limit N|all]
 *      [pairs N]
 *   CONSTRAINT is a quality delta of the run against dense, `COLUMN <= X` or
 *   `COLUMN >= X` with COLUMN one of loss_pct, delta_pct, delta, dppl_pct
 *   (perplexity), dbleu (BLEU), dacc (accuracy); OBJECTIVE is speedup (the
 *   measured layer speedup), bytes (the bytes ratio, smaller is better) or
 *   macs (the MAC reduction). Strategy:
 *     1. the sensitivity table over the ratio (and bits) grid, coarsened so
 *        that it takes at most half of the trials;
 *     2. per-site allocations by a multiple-choice knapsack: the least cost
 *        (bytes a step reads, or MACs) whose summed per-site losses from the
 *        table stay within a planning budget alpha * X (losses clamped at 0 and
 *        made monotone in the ratio);
 *     3. each proposal is evaluated on the split (a trial = a stored run with
 *        its interleaved speed measurement) and alpha is bisected on the
 *        measured constraint: the table's losses do not add exactly;
 *     4. the best uniform-ratio configuration under the same constraint, by
 *        bisection on the global ratio, as the baseline (at one bit width
 *        the highest feasible ratio);
 *     4b. with the measured speedup as the objective, the per-site and the
 *        uniform winners timed side by side (rounds alternating the two, each
 *        a run of interleaved dense/dual pairs); the per-round ratio decides
 *        which is the tuned configuration;
 *     5. the best of each (by the objective, among the feasible trials) is
 *        run again on the report split (test by default) for the report.
 *   pairs N: the interleaved dense/dual pairs of each trial's timing and of
 *   each side-by-side round (default: the speed setting, at least 2000 when
 *   the objective is the measured speedup).
 *   With margin Z (> 0) a trial meets the constraint only with Z paired
 *   standard errors to spare (runs.delta_se, in the column's units): the
 *   search cannot ride the sampling noise of the split to the constraint's
 *   edge. A trial without that s.e. (BLEU; runs stored before schema 8) then
 *   does not count as meeting it.
 *   Every trial is a stored run tagged tune:<id> (id: a hash of the model and
 *   the command); the search is deterministic given the stored figures, so
 *   running the same command again resumes an interrupted tuning where it
 *   stopped (stored trials are reused, not rerun). */
#define _POSIX_C_SOURCE 200809L
#include <fnmatch.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "cmd_int.h"
#include "dual.h"
#include "metric.h"
#include "store.h"
#include "util.h"

#define GRID_MAX 16
#define BITS_MAX 4

/* ---- configurations ---- */

/* One configuration of the per-site knobs on top of the session's other
 * settings: a global ratio and, per site, a ratio and bits (bits -1: the
 * global bits). */
typedef struct tconf {
    double gratio;
    int nsites;
    double ratio[DM_DUAL_MAX_SITES];
    int bits[DM_DUAL_MAX_SITES];
} tconf;

/* The outcome of one trial. */
typedef struct trial {
    int ok;           /* done (figures valid) */
    int stored;       /* found in the store, not run now */
    int64_t id;
    double q;         /* the constraint's column */
    double se;        /* its paired standard error (NaN: unknown) */
    double loss;      /* q oriented so that smaller is better (<=: q, >=: -q) */
    double loss_pct;  /* quality loss in % of dense (positive = worse, whatever the metric's direction) */
    double speedup, bytes_ratio, mac_reduction, ratio_achieved, value, dense;
    char knobs[512];
} trial;

/* Drop every per-site ratio and bits knob of the session. */
static int drop_knobs(dm_cmd_ctx *c)
{
    return dm_session_set(c->s, "ratio.*", "default", 0, &c->err) ||
           dm_session_set(c->s, "bits.*", "default", 0, &c->err);
}

static int set_conf(dm_cmd_ctx *c, const dm_net *net, const tconf *t, int gbits)
{
    char v[64], name[96];
    if (drop_knobs(c))
        return -1;
    snprintf(v, sizeof v, "%.10g", t->gratio);
    if (dm_session_set(c->s, "ratio", v, 0, &c->err))
        return -1;
    for (int i = 0; i < t->nsites; i++) {
        if (t->ratio[i] != t->gratio) {
            snprintf(name, sizeof name, "ratio.%s", net->site[i].name);
            snprintf(v, sizeof v, "%.10g", t->ratio[i]);
            if (dm_session_set(c->s, name, v, 0, &c->err))
                return -1;
        }
        if (t->bits[i] >= 0 && t->bits[i] != gbits) {
            snprintf(name, sizeof name, "bits.%s", net->site[i].name);
            snprintf(v, sizeof v, "%d", t->bits[i]);
            if (dm_session_set(c->s, name, t->bits[i] ? v : "fp32", 0, &c->err))
                return -1;
        }
    }
    return 0;
}

/* The constraint: COLUMN OP X. */
typedef struct constraint {
    char col[16];
    int ge;        /* 1: >=, 0: <= */
    double x;
    double margin; /* paired standard errors a feasible trial must keep from x (0: none) */
} constraint;

static double metric_sign(const dm_run *r)
{
    const dm_metric_def *md = dm_metric_find(r->metric);
    return md && md->higher_is_better ? -1.0 : 1.0;
}

/* The constraint's column of a run (NaN when it does not apply). */
static double con_value(const constraint *k, const dm_run *r)
{
    if (!strcmp(k->col, "loss_pct"))
        return metric_sign(r) * r->delta_pct;
    if (!strcmp(k->col, "delta_pct"))
        return r->delta_pct;
    if (!strcmp(k->col, "delta"))
        return r->delta;
    if (!strcmp(k->col, "dppl_pct"))
        return strcasecmp(r->metric, "perplexity") == 0 ? r->delta_pct : NAN;
    if (!strcmp(k->col, "dbleu"))
        return strcasecmp(r->metric, "BLEU") == 0 ? r->delta : NAN;
    if (!strcmp(k->col, "dacc"))
        return strcasecmp(r->metric, "accuracy") == 0 ? r->delta : NAN;
    return NAN;
}

/* The paired standard error of the constraint's column (NaN when unknown). */
static double con_se(const constraint *k, const dm_run *r)
{
    if (!strcmp(k->col, "delta") || !strcmp(k->col, "dbleu") || !strcmp(k->col, "dacc"))
        return r->delta_se;
    return r->dense_value != 0 ? fabs(100.0 * r->delta_se / r->dense_value) : NAN; /* the _pct columns */
}

/* Run the session's current settings, or take the stored run of the same
 * configuration; fills *t. 0 done, 1 cancelled, -1 error. */
static int do_trial(dm_cmd_ctx *c, const constraint *k, int force, const char *label, dm_run *r, trial *t)
{
    memset(t, 0, sizeof *t);
    if (dm_cmd_fit_first(c))
        return -1;
    int64_t same = 0;
    int found = force ? 0 : dm_session_find_same(c->s, &same, &c->err);
    if (found < 0)
        return -1;
    memset(r, 0, sizeof *r);
    if (found == 1) {
        dm_store *st = dm_cmd_store(c);
        if (!st || dm_store_get(st, same, r, &c->err))
            return -1;
        t->stored = 1;
    } else {
        int x = dm_cmd_run_once(c, r, label);
        if (x)
            return x;
    }
    t->ok = strcmp(r->status, "done") == 0;
    t->id = r->id;
    t->q = k ? con_value(k, r) : NAN;
    t->se = k ? con_se(k, r) : NAN;
    t->loss = k ? (k->ge ? -t->q : t->q) : NAN;
    t->loss_pct = metric_sign(r) * r->delta_pct;
    t->speedup = r->speedup;
    t->bytes_ratio = r->bytes_ratio;
    t->mac_reduction = r->mac_ratio > 0 ? 1.0 / r->mac_ratio : NAN;
    t->ratio_achieved = r->ratio_achieved;
    t->value = r->value;
    t->dense = r->dense_value;
    snprintf(t->knobs, sizeof t->knobs, "%s", r->site_knobs);
    return 0;
}

/* The settings to restore after the command. */
typedef struct saved {
    dm_settings set;
} saved;

static void restore(dm_cmd_ctx *c, const saved *sv)
{
    dm_err e;
    char v[1100];
    dm_settings_get(&sv->set, DM_S_RATIO, v, sizeof v);
    dm_session_set(c->s, "ratio", v, 0, &e);
    dm_settings_get(&sv->set, DM_S_SPLIT, v, sizeof v);
    dm_session_set(c->s, "split", v, 0, &e);
    dm_settings_get(&sv->set, DM_S_LIMIT, v, sizeof v);
    dm_session_set(c->s, "limit", v, 0, &e);
    dm_settings_get(&sv->set, DM_S_SPEED, v, sizeof v);
    dm_session_set(c->s, "speed", v, 0, &e);
    dm_session_set_knobs(c->s, &sv->set, 0, &e);
    dm_session_set_tag(c->s, NULL);
}

/* ---- sensitivity ---- */

typedef struct sens {
    int nsites, nr, nb;
    double r[GRID_MAX];
    int b[BITS_MAX];
    unsigned char on[DM_DUAL_MAX_SITES]; /* sites analysed */
    trial t[DM_DUAL_MAX_SITES][BITS_MAX][GRID_MAX];
} sens;

/* Every site at ratio 0 (dense) with the global bits, site i with bits b: a sensitivity configuration before
 * its site (or one of its groups) gets the ratio. */
static tconf alone(const sens *S, int i, int b)
{
    tconf tc = {.gratio = 0.0, .nsites = S->nsites};
    for (int j = 0; j < S->nsites; j++)
        tc.ratio[j] = 0.0, tc.bits[j] = -1;
    tc.bits[i] = b;
    return tc;
}

/* One configuration of a sensitivity table (the n-th of total), run or taken from the store, counted in *ran or
 * *reused. 0 done, -1 failed or interrupted (err set). */
static int sens_trial(dm_cmd_ctx *c, const constraint *k, int force, const char *label, dm_run *r, trial *t, long n,
                      long total, long *ran, long *reused)
{
    int x = do_trial(c, k, force, label, r, t);
    if (x < 0)
        return -1;
    if (x == 1)
        return fail(c, "interrupted after %ld of %ld configurations (run the same command again to resume: the "
                       "completed ones are stored and reused)",
                    n - 1, total);
    *(t->stored ? reused : ran) += 1;
    return 0;
}

/* Run (or find) every configuration of the table; out rows when t is not NULL. */
static int sens_run(dm_cmd_ctx *c, const dm_net *net, sens *S, const constraint *k, int force, int gbits,
                    const dm_settings *shard, dm_table *out, long *ran, long *reused)
{
    dm_run *r = calloc(1, sizeof *r);
    if (!r)
        return fail(c, "out of memory");
    long all = 0, n = 0, idx = -1;
    for (int i = 0; i < S->nsites; i++)
        all += S->on[i] ? (long)S->nr * S->nb : 0;
    long total = shard ? dm_shard_count(shard, all) : all; /* --shard I/N: configurations idx % N == I - 1 */
    int rc = 0;
    for (int i = 0; i < S->nsites && !rc; i++) {
        if (!S->on[i])
            continue;
        for (int bi = 0; bi < S->nb && !rc; bi++)
            for (int ri = 0; ri < S->nr && !rc; ri++) {
                if (shard && !dm_shard_mine(shard, ++idx))
                    continue;
                tconf tc = alone(S, i, S->b[bi]);
                tc.ratio[i] = S->r[ri];
                char label[128];
                snprintf(label, sizeof label, "[%ld/%ld] %s ratio %g %s ", ++n, total, net->site[i].name, S->r[ri],
                         S->b[bi] ? "" : "fp32");
                if (set_conf(c, net, &tc, gbits)) {
                    rc = -1;
                    break;
                }
                trial *t = &S->t[i][bi][ri];
                if ((rc = sens_trial(c, k, force, label, r, t, n, total, ran, reused)) != 0)
                    break;
                if (out) {
                    dm_table_row(out);
                    dm_table_set(out, 0, net->site[i].name);
                    dm_table_setf(out, 1, "%d", S->b[bi]); /* 0: FP32, shown so */
                    if (!S->b[bi])
                        dm_table_set2(out, 1, "0", "fp32");
                    dm_table_setf(out, 2, "%g", S->r[ri]);
                    dm_table_setnum(out, 3, i < r->nsites ? r->site[i].ratio_achieved : NAN, 4);
                    dm_table_setnum(out, 4, r->value, 4);
                    dm_table_setnum(out, 5, r->dense_value, 4);
                    dm_table_setnum(out, 6, r->delta, -4);
                    dm_table_setnum(out, 7, metric_sign(r) * r->delta_pct, -3);
                    dm_table_setnum(out, 8, r->speedup, 3);
                    dm_table_setf(out, 9, "%lld", (long long)t->id);
                    dm_table_set(out, 10, t->stored ? "stored" : r->status);
                }
            }
    }
    free(r);
    return rc;
}

static int parse_bits(dm_cmd_ctx *c, const char *spec, int *out, int max)
{
    int n = 0;
    const char *p = spec;
    while (*p) {
        size_t l = strcspn(p, ",");
        char w[16];
        if (l == 0 || l >= sizeof w)
            return fail(c, "bits '%s': expected a list such as 8,4 (fp32 or 1..16)", spec);
        snprintf(w, sizeof w, "%.*s", (int)l, p);
        if (n == max)
            return fail(c, "bits '%s': at most %d values", spec, max);
        dm_settings tmp;
        dm_settings_default(&tmp);
        if (dm_settings_set(&tmp, "bits", w, &c->err))
            return -1;
        out[n++] = tmp.bits;
        p += l;
        if (*p == ',')
            p++;
    }
    return n;
}

static int grid_ratios(dm_cmd_ctx *c, const char *spec, double *out)
{
    int n = dm_cmd_values(c, "ratio", spec, out, GRID_MAX);
    if (n < 0)
        return -1;
    for (int i = 0; i < n; i++)
        if (!(out[i] > 0 && out[i] <= 1))
            return fail(c, "ratio %g: the grid takes ratios in (0, 1] (0 is every site's dense state)", out[i]);
    return n;
}

static const char *const sens_cols[] = {"site",     "bits",     "ratio",   "ratio_achieved", "value", "dense_value",
                                        "delta",    "loss_pct", "speedup", "run",            "status"};

/* sensitivity ... groups: each gate group of the matching sites of several groups dual-moduled alone (its
 * own ratio, every other group and site dense), a row per group and grid point; *hi / *lo name the most and
 * least sensitive group at the top of the grid. 0 done, -1 failed or interrupted. */
static int sens_groups_run(dm_cmd_ctx *c, const dm_net *net, const sens *S, int force, int gbits,
                           const dm_settings *shard, dm_table *out, long *ran, long *reused, char *hi, char *lo,
                           size_t nn)
{
    dm_run *r = calloc(1, sizeof *r);
    if (!r)
        return fail(c, "out of memory");
    long all = 0, n = 0, idx = -1;
    for (int i = 0; i < S->nsites; i++)
        all += S->on[i] && net->site[i].ngroups > 1 ? (long)net->site[i].ngroups * S->nr * S->nb : 0;
    long total = shard ? dm_shard_count(shard, all) : all;
    double lh = NAN, ll = NAN;
    int rc = 0;
    for (int i = 0; i < S->nsites && !rc; i++) {
        if (!S->on[i] || net->site[i].ngroups < 2)
            continue;
        for (int g = 0; g < net->site[i].ngroups && !rc; g++)
            for (int bi = 0; bi < S->nb && !rc; bi++)
                for (int ri = 0; ri < S->nr && !rc; ri++) {
                    if (shard && !dm_shard_mine(shard, ++idx))
                        continue;
                    tconf tc = alone(S, i, S->b[bi]);
                    char name[160], v[32], label[256];
                    snprintf(name, sizeof name, "ratio.%s.%s", net->site[i].name, net->site[i].group[g].name);
                    snprintf(v, sizeof v, "%.10g", S->r[ri]);
                    if (set_conf(c, net, &tc, gbits) || dm_session_set(c->s, name, v, 0, &c->err)) {
                        rc = -1;
                        break;
                    }
                    snprintf(label, sizeof label, "[%ld/%ld] %s ratio %g %s ", ++n, total, name + 6, S->r[ri],
                             S->b[bi] ? "" : "fp32");
                    trial t;
                    if ((rc = sens_trial(c, NULL, force, label, r, &t, n, total, ran, reused)) != 0)
                        break;
                    double ach = NAN;
                    for (int q = 0; q < r->ngroups; q++)
                        if (r->group[q].site == i && !strcmp(r->group[q].name, net->site[i].group[g].name))
                            ach = r->group[q].ratio_achieved;
                    if (ri == S->nr - 1 && bi == 0 && !isnan(t.loss_pct)) {
                        if (isnan(lh) || t.loss_pct > lh)
                            lh = t.loss_pct, snprintf(hi, nn, "%s (loss %+.3f%%)", name + 6, lh);
                        if (isnan(ll) || t.loss_pct < ll)
                            ll = t.loss_pct, snprintf(lo, nn, "%s (%+.3f%%)", name + 6, ll);
                    }
                    dm_table_row(out);
                    dm_table_set(out, 0, name + 6);
                    dm_table_setf(out, 1, "%d", S->b[bi]);
                    if (!S->b[bi])
                        dm_table_set2(out, 1, "0", "fp32");
                    dm_table_setf(out, 2, "%g", S->r[ri]);
                    dm_table_setnum(out, 3, ach, 4);
                    dm_table_setnum(out, 4, r->value, 4);
                    dm_table_setnum(out, 5, r->dense_value, 4);
                    dm_table_setnum(out, 6, r->delta, -4);
                    dm_table_setnum(out, 7, t.loss_pct, -3);
                    dm_table_setnum(out, 8, r->speedup, 3);
                    dm_table_setf(out, 9, "%lld", (long long)t.id);
                    dm_table_set(out, 10, t.stored ? "stored" : r->status);
                }
    }
    free(r);
    return rc;
}

int dm_cmd_sensitivity(dm_cmd_ctx *c, int argc, char **argv, const char *const *raw)
{
    (void)raw;
    if (!dm_session_loaded(c->s))
        return fail(c, "no model loaded: 'load MODEL' first (e.g. load kjv-lstm)");
    const dm_net *net = dm_session_net(c->s);
    if (!net || net->nsites > DM_DUAL_MAX_SITES)
        return fail(c, "sensitivity: the model has no dual-module sites this build can hold");
    const dm_settings *cur = dm_session_settings(c->s);
    sens *S = calloc(1, sizeof *S);
    if (!S)
        return fail(c, "out of memory");
    S->nsites = net->nsites;
    S->nr = grid_ratios(c, "0.3:0.9:0.2", S->r);
    S->nb = 1;
    S->b[0] = cur->bits;
    const char *pattern = "*";
    int force = 0, groups = 0, rc = -1;
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--force") || !strcmp(a, "force")) {
            force = 1;
            continue;
        }
        if (!strcmp(a, "groups") || !strcmp(a, "gates")) {
            groups = 1;
            continue;
        }
        if (i + 1 >= argc) {
            fail(c, "sensitivity %s: a value is needed (ratio VALUES, bits VALUES, sites PATTERN; flags groups, "
                    "--force)", a);
            goto out;
        }
        const char *v = argv[++i];
        if (!strcmp(a, "ratio") || !strcmp(a, "ratios")) {
            if ((S->nr = grid_ratios(c, v, S->r)) < 0)
                goto out;
        } else if (!strcmp(a, "bits")) {
            if ((S->nb = parse_bits(c, v, S->b, BITS_MAX)) < 0)
                goto out;
        } else if (!strcmp(a, "sites") || !strcmp(a, "site")) {
            pattern = v;
        } else {
            fail(c, "sensitivity '%s': expected ratio VALUES, bits VALUES, sites PATTERN, groups or --force", a);
            goto out;
        }
    }
    int nsel = 0;
    for (int i = 0; i < S->nsites; i++)
        nsel += S->on[i] = fnmatch(pattern, net->site[i].name, 0) == 0;
    if (!nsel) {
        fail(c, "sensitivity sites '%s': no site of the model matches ('info' lists them)", pattern);
        goto out;
    }
    if (groups) {
        int ng = 0;
        for (int i = 0; i < S->nsites; i++)
            ng += S->on[i] && net->site[i].ngroups > 1;
        if (!ng) {
            fail(c, "sensitivity groups: no matching site has several gate groups (a %s site has one output group; "
                    "its site is its group)", net->fam->name);
            goto out;
        }
    }
    saved sv = {*cur};
    dm_session_set_tag(c->s, "sensitivity");
    dm_table t;
    dm_table_init(&t, NULL);
    for (size_t i = 0; i < sizeof sens_cols / sizeof sens_cols[0]; i++)
        dm_table_col(&t, sens_cols[i], i >= 1 && i != 10);
    dm_table_head(&t, 3, "achieved");
    dm_table_head(&t, 5, "dense");
    long ran = 0, reused = 0;
    char ghi[200] = "", glo[200] = "";
    if (groups)
        rc = sens_groups_run(c, net, S, force, cur->bits, &sv.set, &t, &ran, &reused, ghi, glo, sizeof ghi);
    else
        rc = sens_run(c, net, S, NULL, force, cur->bits, &sv.set, &t, &ran, &reused);
    restore(c, &sv);
    if (t.nrow)
        emit(c, &t);
    dm_table_free(&t);
    if (rc == 0 && groups && ghi[0] && strcmp(ghi, glo) != 0)
        info(c, "sensitivity: at ratio %g the most sensitive gate group is %s, the least %s", S->r[S->nr - 1], ghi,
             glo);
    if (rc == 0) {
        /* the most and least sensitive site at the top of the grid */
        int hi = -1, lo = -1;
        double lh = 0, ll = 0;
        for (int i = 0; i < S->nsites; i++) {
            if (!S->on[i])
                continue;
            double loss = S->t[i][0][S->nr - 1].loss_pct;
            if (isnan(loss))
                continue;
            if (hi < 0 || loss > lh)
                hi = i, lh = loss;
            if (lo < 0 || loss < ll)
                lo = i, ll = loss;
        }
        if (!groups && hi >= 0 && nsel > 1)
            info(c, "sensitivity: at ratio %g the most sensitive site is %s (loss %+.3f%%), the least %s (%+.3f%%)",
                 S->r[S->nr - 1], net->site[hi].name, lh, net->site[lo].name, ll);
        if (sv.set.shard_n > 1)
            info(c, "sensitivity: shard %d/%d: %ld of the grid's configurations (those whose index i has i mod %d "
                    "= %d; import the shards' stores into one to see the whole table)",
                 sv.set.shard_i, sv.set.shard_n, ran + reused, sv.set.shard_n, sv.set.shard_i - 1);
        info(c, "sensitivity: %ld configuration%s run, %ld already stored (reused%s)", ran, ran == 1 ? "" : "s",
             reused, force ? "" : "; --force runs them again");
    }
out:
    free(S);
    return rc;
}

/* ---- the tuner ---- */

/* Per-site cost of a step at ratio r with the little module of bits b:
 * (1 - r) big + (r > 0) little(b). */
typedef struct costm {
    double big[DM_DUAL_MAX_SITES];
    double little_w[DM_DUAL_MAX_SITES]; /* little weights as elements (rows x kk) */
    double little_fix[DM_DUAL_MAX_SITES]; /* projection (bytes or MACs) */
    int macs;
} costm;

static double site_cost(const costm *m, int i, double r, int bits)
{
    if (r <= 0)
        return m->big[i];
    double lw = m->macs ? m->little_w[i] : m->little_w[i] * (bits ? bits / 8.0 : 4.0);
    return (1.0 - r) * m->big[i] + lw + m->little_fix[i];
}

static void cost_model(const dm_engine *e, int macs, costm *m)
{
    memset(m, 0, sizeof *m);
    m->macs = macs;
    for (int i = 0; i < e->nsites && i < DM_DUAL_MAX_SITES; i++) {
        const dm_engine_site *es = &e->s[i];
        const dm_little *L = &es->little;
        m->big[i] = (double)es->site.orows * es->site.in * (macs ? 1.0 : sizeof(float));
        m->little_w[i] = (double)L->rows * L->kk;
        if (macs) {
            m->little_fix[i] = dm_engine_site_little_macs(e, i) - m->little_w[i];
        } else {
            double wbytes = L->bits ? (double)L->rows * L->kk * L->bits / 8.0 : (double)L->rows * L->kk * 4.0;
            double tot = (double)dm_engine_site_little_bytes(e, i);
            m->little_fix[i] = tot > wbytes ? tot - wbytes : 0;
        }
    }
}

/* The multiple-choice knapsack: per site one option (dense, or a grid ratio
 * with bits), least total cost with the summed planning losses <= budget. */
#define PLAN_BINS 400
static int plan(const sens *S, const double loss[][BITS_MAX][GRID_MAX], const costm *m, double budget, tconf *out)
{
    int n = S->nsites;
    static double dp[DM_DUAL_MAX_SITES + 1][PLAN_BINS + 1];
    static short choice[DM_DUAL_MAX_SITES][PLAN_BINS + 1]; /* -1 dense, else bi * GRID_MAX + ri */
    static short from[DM_DUAL_MAX_SITES][PLAN_BINS + 1];
    double bin = budget > 0 ? budget / PLAN_BINS : 0;
    for (int q = 0; q <= PLAN_BINS; q++)
        dp[0][q] = 0;
    for (int i = 0; i < n; i++) {
        for (int q = 0; q <= PLAN_BINS; q++) {
            dp[i + 1][q] = INFINITY;
            choice[i][q] = -1;
            from[i][q] = (short)q;
        }
        for (int q = 0; q <= PLAN_BINS; q++) {
            if (!isfinite(dp[i][q]))
                continue;
            /* dense: no loss */
            double c0 = dp[i][q] + site_cost(m, i, 0, 0);
            if (c0 < dp[i + 1][q]) {
                dp[i + 1][q] = c0;
                choice[i][q] = -1;
                from[i][q] = (short)q;
            }
            if (!S->on[i])
                continue;
            for (int bi = 0; bi < S->nb; bi++)
                for (int ri = 0; ri < S->nr; ri++) {
                    double l = loss[i][bi][ri];
                    if (isnan(l))
                        continue;
                    int need = bin > 0 ? (int)ceil(l / bin - 1e-9) : (l > 0 ? PLAN_BINS + 1 : 0);
                    int q2 = q + need;
                    if (q2 > PLAN_BINS)
                        continue;
                    double cc = dp[i][q] + site_cost(m, i, S->r[ri], S->b[bi]);
                    if (cc < dp[i + 1][q2]) {
                        dp[i + 1][q2] = cc;
                        choice[i][q2] = (short)(bi * GRID_MAX + ri);
                        from[i][q2] = (short)q;
                    }
                }
        }
    }
    int best = -1;
    for (int q = 0; q <= PLAN_BINS; q++)
        if (isfinite(dp[n][q]) && (best < 0 || dp[n][q] < dp[n][best]))
            best = q;
    if (best < 0)
        return -1;
    out->nsites = n;
    for (int i = n - 1, q = best; i >= 0; i--) {
        int ch = choice[i][q];
        if (ch < 0) {
            out->ratio[i] = 0.0;
            out->bits[i] = -1;
        } else {
            out->ratio[i] = S->r[ch % GRID_MAX];
            out->bits[i] = S->b[ch / GRID_MAX];
        }
        q = from[i][q];
    }
    /* the global ratio: the most common site ratio (fewer overrides to read) */
    int bc = 0;
    out->gratio = out->ratio[0];
    for (int i = 0; i < n; i++) {
        int cnt = 0;
        for (int j = 0; j < n; j++)
            cnt += out->ratio[j] == out->ratio[i];
        if (cnt > bc)
            bc = cnt, out->gratio = out->ratio[i];
    }
    return 0;
}

static int conf_same(const tconf *a, const tconf *b)
{
    if (a->nsites != b->nsites)
        return 0;
    for (int i = 0; i < a->nsites; i++)
        if (a->ratio[i] != b->ratio[i] || (a->ratio[i] > 0 && a->bits[i] != b->bits[i]))
            return 0;
    return 1;
}

typedef struct tune_spec {
    constraint k;
    int obj;       /* 0 speedup, 1 bytes, 2 macs */
    long trials;
    double time_s;
    const char *ratios, *bits, *report;
    long sens_limit; /* items of the split the sensitivity table is measured on (0: a quarter; -1: all) */
    long pairs;      /* interleaved dense/dual pairs a trial's timing takes (0: the speed setting, at least 2000) */
} tune_spec;

static const char *const obj_names[] = {"speedup", "bytes", "macs"};

/* Larger is better. */
static double objective(const tune_spec *ts, const trial *t)
{
    if (ts->obj == 0)
        return t->speedup;
    if (ts->obj == 1)
        return t->bytes_ratio > 0 ? 1.0 / t->bytes_ratio : NAN;
    return t->mac_reduction;
}

static int better(const tune_spec *ts, const trial *a, const trial *b)
{
    double oa = objective(ts, a), ob = objective(ts, b);
    if (isnan(ob))
        return !isnan(oa);
    return oa > ob;
}

static int parse_constraint(dm_cmd_ctx *c, const char *text, constraint *k)
{
    static const char *const cols[] = {"loss_pct", "delta_pct", "delta", "dppl_pct", "dbleu", "dacc"};
    char buf[128];
    size_t o = 0;
    for (const char *p = text; *p && o + 1 < sizeof buf; p++)
        if (*p != ' ')
            buf[o++] = *p;
    buf[o] = 0;
    char *op = strpbrk(buf, "<>");
    if (!op || op[1] != '=')
        return fail(c, "tune: the constraint '%s' is not COLUMN <= X or COLUMN >= X (e.g. dppl_pct <= 1, "
                       "dbleu >= -0.5, dacc >= -0.5, loss_pct <= 2)", text);
    k->ge = op[0] == '>';
    *op = 0;
    int known = 0;
    for (size_t i = 0; i < sizeof cols / sizeof cols[0]; i++)
        known |= strcmp(buf, cols[i]) == 0;
    if (!known)
        return fail(c, "tune: '%s' cannot be constrained (a quality delta: loss_pct, delta_pct, delta, dppl_pct, "
                       "dbleu or dacc)", buf);
    snprintf(k->col, sizeof k->col, "%.15s", buf);
    char *end;
    k->x = strtod(op + 2, &end);
    if (end == op + 2 || *end || !isfinite(k->x))
        return fail(c, "tune: '%s' after %s%s= is not a number", op + 2, buf, k->ge ? ">" : "<");
    return 0;
}

/* Does the constraint's column exist for this model's metric? */
static int constraint_fits(dm_cmd_ctx *c, const constraint *k, const char *metric)
{
    if ((!strcmp(k->col, "dppl_pct") && strcasecmp(metric, "perplexity")) ||
        (!strcmp(k->col, "dbleu") && strcasecmp(metric, "BLEU")) ||
        (!strcmp(k->col, "dacc") && strcasecmp(metric, "accuracy")))
        return fail(c, "tune: %s does not apply to this model, whose metric is %s (loss_pct, delta_pct and delta "
                       "apply to every metric)", k->col, metric);
    return 0;
}

static void conf_text(const dm_net *net, const tconf *t, int gbits, char *out, size_t n)
{
    size_t l = 0;
    out[0] = 0;
    for (int i = 0; i < t->nsites && l < n; i++) {
        int w;
        if (t->bits[i] >= 0 && t->bits[i] != gbits && t->ratio[i] > 0)
            w = snprintf(out + l, n - l, "%s%s %g/%s%d", l ? ", " : "", net->site[i].name, t->ratio[i],
                         t->bits[i] ? "INT" : "fp", t->bits[i] ? t->bits[i] : 32);
        else
            w = snprintf(out + l, n - l, "%s%s %g", l ? ", " : "", net->site[i].name, t->ratio[i]);
        l += w > 0 ? (size_t)w : 0;
    }
}

/* The configurations a tuning tried after its table (the first HIST_MAX) with their outcomes. */
#define HIST_MAX 64
typedef struct thist {
    int n;
    tconf c[HIST_MAX];
    trial t[HIST_MAX];
} thist;

static int hist_find(const thist *h, const tconf *tc)
{
    int seen = -1;
    for (int i = 0; i < h->n; i++)
        if (conf_same(&h->c[i], tc))
            seen = i;
    return seen;
}

/* Within budget B (z > 0: with z standard errors to spare). */
static int feasible(const trial *t, double B, double z)
{
    double l = z > 0 ? t->loss + z * t->se : t->loss;
    return t->ok && !isnan(l) && l <= B;
}

/* One trial of the tuning: configuration tc run (or its stored run taken), counted in *used, recorded in h, and
 * reported as "tune: WHAT -> constraint, objective". 0 done, -1 failed or interrupted (err set). */
static int tune_try(dm_cmd_ctx *c, const dm_net *net, const tune_spec *ts, int gbits, const tconf *tc,
                    const char *label, const char *what, thist *h, long *used, dm_run *r, trial *t)
{
    if (set_conf(c, net, tc, gbits))
        return -1;
    int x = do_trial(c, &ts->k, 0, label, r, t);
    if (x < 0)
        return -1;
    if (x == 1)
        return fail(c, "tune interrupted after %ld trials (run the same command again to resume: the completed "
                       "trials are stored and reused)", *used);
    ++*used;
    if (h->n < HIST_MAX) {
        h->c[h->n] = *tc;
        h->t[h->n++] = *t;
    }
    char se[40] = "";
    if (isfinite(t->se))
        snprintf(se, sizeof se, " ± %.4f", t->se);
    info(c, "tune: %s -> %s %+.4f%s, %s %.3f%s", what, ts->k.col, t->q, se, obj_names[ts->obj], objective(ts, t),
         t->stored ? " (stored)" : "");
    return 0;
}

/* Rounds of the side-by-side timing of the two winners, and what it found. */
#define AB_ROUNDS 7
typedef struct abres {
    int rounds, pairs;
    double sp_a, sp_b;   /* medians over the rounds of each configuration's speedup (dense/dual, interleaved) */
    double ratio[3];     /* per round sp_a / sp_b: min, median, max */
    int a_faster;        /* rounds in which a was faster */
} abres;

static int cmp_dbl(const void *x, const void *y)
{
    double a = *(const double *)x, b = *(const double *)y;
    return (a > b) - (a < b);
}

/* The per-site winner a and the uniform winner b timed side by side: rounds alternating a and b (their order
 * swapped every round), each round the timing path's interleaved dense/dual pairs. Each configuration's
 * speedup is against the dense steps of its own round, so a drift of the machine between rounds cancels in
 * the per-round ratio. Separate trials' speedups differ by the timing's noise (several percent here), which
 * is too much to tell two configurations a few percent apart. 0 done, -1 error. */
static int side_by_side(dm_cmd_ctx *c, const dm_net *net, const tconf *a, const tconf *b, int gbits, int pairs,
                        abres *out)
{
    double ra[AB_ROUNDS], rb[AB_ROUNDS], q[AB_ROUNDS];
    memset(out, 0, sizeof *out);
    for (int k = 0; k < AB_ROUNDS; k++) {
        for (int h = 0; h < 2; h++) {
            int first_a = (k & 1) == 0, is_a = h == 0 ? first_a : !first_a;
            dm_dual_bench bb;
            if (set_conf(c, net, is_a ? a : b, gbits) || dm_session_bench(c->s, pairs, 0, &bb, &c->err))
                return -1;
            (is_a ? ra : rb)[k] = bb.sp[1];
        }
        q[k] = ra[k] / rb[k];
        out->a_faster += q[k] > 1.0;
    }
    qsort(q, AB_ROUNDS, sizeof q[0], cmp_dbl);
    qsort(ra, AB_ROUNDS, sizeof ra[0], cmp_dbl);
    qsort(rb, AB_ROUNDS, sizeof rb[0], cmp_dbl);
    out->rounds = AB_ROUNDS;
    out->pairs = pairs;
    out->sp_a = ra[AB_ROUNDS / 2];
    out->sp_b = rb[AB_ROUNDS / 2];
    out->ratio[0] = q[0];
    out->ratio[1] = q[AB_ROUNDS / 2];
    out->ratio[2] = q[AB_ROUNDS - 1];
    return 0;
}

int dm_cmd_tune(dm_cmd_ctx *c, int argc, char **argv)
{
    if (!dm_session_loaded(c->s))
        return fail(c, "no model loaded: 'load MODEL' first (e.g. load kjv-lstm)");
    const dm_net *net = dm_session_net(c->s);
    if (!net || net->nsites > DM_DUAL_MAX_SITES)
        return fail(c, "tune: the model has no dual-module sites this build can hold");
    tune_spec ts = {.obj = -1, .trials = 40, .time_s = 0, .ratios = "0.3,0.5,0.7,0.8,0.9,0.95,1", .bits = NULL, .report = "test"};
    /* CONSTRAINT words up to `maximize` */
    char ctext[128] = "";
    int i = 0;
    for (; i < argc && strcmp(argv[i], "maximize") != 0; i++) {
        size_t l = strlen(ctext);
        snprintf(ctext + l, sizeof ctext - l, "%s", argv[i]);
    }
    if (i >= argc - 1)
        return fail(c, "tune: expected CONSTRAINT maximize OBJECTIVE (e.g. tune dppl_pct <= 1 maximize speedup); "
                       "'tune' alone tunes the kernels");
    if (parse_constraint(c, ctext, &ts.k) || constraint_fits(c, &ts.k, net->fam->metric))
        return -1;
    i++;
    for (int o = 0; o < 3; o++)
        if (!strcmp(argv[i], obj_names[o]))
            ts.obj = o;
    if (!strcmp(argv[i], "speed"))
        ts.obj = 0;
    if (ts.obj < 0)
        return fail(c, "tune: cannot maximize '%s' (speedup: measured layer speedup; bytes: fewer bytes a step "
                       "reads; macs: MAC reduction)", argv[i]);
    for (i++; i < argc; i++) {
        const char *a = argv[i];
        if (i + 1 >= argc)
            return fail(c, "tune %s: a value is needed (trials N, time SECONDS, ratios VALUES, bits VALUES, report "
                           "SPLIT|none, margin Z)", a);
        const char *v = argv[++i];
        char *end;
        if (!strcmp(a, "trials")) {
            ts.trials = strtol(v, &end, 10);
            if (*end || ts.trials < 4 || ts.trials > 10000)
                return fail(c, "tune trials '%s': expected an integer from 4 to 10000", v);
        } else if (!strcmp(a, "time")) {
            ts.time_s = strtod(v, &end);
            if (*end || !(ts.time_s > 0) || !isfinite(ts.time_s))
                return fail(c, "tune time '%s': expected seconds > 0", v);
        } else if (!strcmp(a, "ratios") || !strcmp(a, "ratio")) {
            ts.ratios = v;
        } else if (!strcmp(a, "bits")) {
            ts.bits = v;
        } else if (!strcmp(a, "report")) {
            ts.report = v;
        } else if (!strcmp(a, "margin")) {
            ts.k.margin = strtod(v, &end);
            if (*end || !(ts.k.margin >= 0) || ts.k.margin > 10)
                return fail(c, "tune margin '%s': expected a number of standard errors from 0 to 10", v);
        } else if (!strcmp(a, "pairs")) {
            ts.pairs = strtol(v, &end, 10);
            if (*end || ts.pairs < 1 || ts.pairs > 1000000)
                return fail(c, "tune pairs '%s': expected a number of interleaved timing pairs from 1 to 1000000", v);
        } else if (!strcmp(a, "sens-limit")) {
            ts.sens_limit = strcmp(v, "all") == 0 ? -1 : strtol(v, &end, 10);
            if (strcmp(v, "all") && (*end || ts.sens_limit < 1))
                return fail(c, "tune sens-limit '%s': expected a number of items >= 1, or all", v);
        } else {
            return fail(c, "tune '%s': expected trials N, time SECONDS, ratios VALUES, bits VALUES, report "
                           "SPLIT|none, margin Z, sens-limit N|all or pairs N", a);
        }
    }
    if (ts.k.margin > 0 && !strcasecmp(net->fam->metric, "BLEU"))
        return fail(c, "tune margin: BLEU runs have no paired standard error (corpus BLEU does not split into "
                       "per-sentence differences); leave the margin out");
    const dm_settings *cur = dm_session_settings(c->s);
    int gbits = cur->bits;
    sens *S = calloc(1, sizeof *S);
    double (*loss)[BITS_MAX][GRID_MAX] = calloc(DM_DUAL_MAX_SITES, sizeof *loss);
    thist *hist = calloc(1, sizeof *hist);
    dm_run *r = calloc(1, sizeof *r);
    if (!S || !loss || !hist || !r) {
        free(S), free(loss), free(hist), free(r);
        return fail(c, "out of memory");
    }
    S->nsites = net->nsites;
    int rc = -1;
    saved sv = {*cur};
    double t0 = dm_now();
    long used = 0;
    if ((S->nr = grid_ratios(c, ts.ratios, S->r)) < 0)
        goto out;
    S->nb = 1;
    S->b[0] = gbits;
    if (ts.bits && (S->nb = parse_bits(c, ts.bits, S->b, BITS_MAX)) < 0)
        goto out;
    /* the table takes at most half of the trials: fewer bits, then m ratios spread over the grid (its top
     * among them when m > 1, its middle when m = 1) */
    if ((long)S->nsites * S->nr * S->nb > ts.trials / 2 && S->nb > 1 &&
        (long)S->nsites * S->nb > ts.trials / 2)
        S->nb = 1;
    long m = ts.trials / 2 / ((long)S->nsites * S->nb);
    if (m < 1)
        m = 1;
    double full_r[GRID_MAX]; /* the whole grid, for the refinement */
    int full_nr = S->nr;
    memcpy(full_r, S->r, sizeof full_r);
    if (m < S->nr) {
        double keep[GRID_MAX];
        for (long j = 0; j < m; j++)
            keep[j] = S->r[m == 1 ? S->nr / 2 : (int)llround((double)j * (S->nr - 1) / (double)(m - 1))];
        for (long j = 0; j < m; j++)
            S->r[j] = keep[j];
        S->nr = (int)m;
    }
    if ((long)S->nsites * S->nr * S->nb > ts.trials - 6) {
        fail(c, "tune: %d sites x %d ratios x %d bits for the sensitivity table exceed %ld trials; give more "
                "trials", S->nsites, S->nr, S->nb, ts.trials);
        goto out;
    }
    for (int j = 0; j < S->nsites; j++)
        S->on[j] = 1;
    /* the tuning's id: model and command */
    char spec[2560];
    snprintf(spec, sizeof spec, "%016llx|%s|%d|%.10g|%d|%s|%s|%s|%s", (unsigned long long)net->file_hash, ts.k.col,
             ts.k.ge, ts.k.x, ts.obj, ts.ratios, ts.bits ? ts.bits : "", cur->split, ts.report);
    if (ts.k.margin > 0) /* another command; without a margin the id is what it was before margins */
        snprintf(spec + strlen(spec), sizeof spec - strlen(spec), "|margin %.10g", ts.k.margin);
    char tag[64];
    snprintf(tag, sizeof tag, "tune:%08llx",
             (unsigned long long)(dm_fnv1a(DM_FNV_INIT, spec, strlen(spec)) & 0xffffffffULL));
    dm_session_set_tag(c->s, tag);
    if (ts.pairs > 0) {
        char v[32];
        snprintf(v, sizeof v, "%ld", ts.pairs);
        if (dm_session_set(c->s, "speed", v, 0, &c->err))
            goto out;
    } else if (ts.obj == 0 && cur->speed < 2000 && dm_session_set(c->s, "speed", "2000", 0, &c->err)) {
        goto out; /* the objective is measured: more interleaved pairs per trial (about a second) */
    }
    char marg[64] = "";
    if (ts.k.margin > 0)
        snprintf(marg, sizeof marg, " with %g paired s.e. to spare", ts.k.margin);
    info(c, "tune %s: %s %s %g%s, maximize %s; at most %ld trials%s; sensitivity grid %d site%s x %d ratio%s x %d "
            "bits", tag + 5, ts.k.col, ts.k.ge ? ">=" : "<=", ts.k.x, marg, obj_names[ts.obj], ts.trials,
         ts.time_s > 0 ? " within the time budget" : "", S->nsites, S->nsites == 1 ? "" : "s", S->nr,
         S->nr == 1 ? "" : "s", S->nb);

    /* 1. sensitivity, on the first quarter of the split (sens-limit): it only ranks the sites and shapes
     * the proposals, which are then measured on the whole split */
    long ran = 0, reused = 0;
    {
        const dm_data *dd;
        if (dm_session_gdata(c->s, &dd, NULL, 0, &c->err))
            goto out;
        long lim = ts.sens_limit > 0 ? ts.sens_limit : ts.sens_limit < 0 ? 0 : dd->items / 4;
        if (cur->limit > 0 && (lim == 0 || lim > cur->limit))
            lim = cur->limit;
        char v[32];
        snprintf(v, sizeof v, "%ld", lim);
        if (lim && dm_session_set(c->s, "limit", v, 0, &c->err))
            goto out;
        info(c, "tune: sensitivity table on %s%ld %s of %s", lim ? "the first " : "all ",
             lim ? lim : dd->items, "items", cur->split);
        int x = sens_run(c, net, S, &ts.k, 0, gbits, sv.set.shard_n > 1 ? &sv.set : NULL, NULL, &ran, &reused);
        dm_err e2;
        snprintf(v, sizeof v, "%ld", sv.set.limit);
        if (x || dm_session_set(c->s, "limit", v, 0, x ? &e2 : &c->err))
            goto out;
    }
    used = ran + reused;
    if (sv.set.shard_n > 1) {
        /* the trials after the table depend on each other's figures: a shard runs its slice of the table */
        info(c, "tune %s: shard %d/%d ran its %ld configurations of the sensitivity table (%ld run, %ld stored); "
                "import every shard's store into one (dualmod import shard*.db) and run the same tune there, "
                "unsharded, to finish: the stored table is reused",
             tag + 5, sv.set.shard_i, sv.set.shard_n, used, ran, reused);
        rc = 0;
        goto out;
    }
    /* planning losses: measured (clamped at 0, made monotone in the ratio), and at least a small share of the
     * budget per unit of ratio, so that a smaller planning budget always drops sites (losses the table measured
     * as 0 on its slice are not free on the whole split) */
    double B0 = ts.k.ge ? -ts.k.x : ts.k.x, lfloor = B0 > 0 ? B0 / (4.0 * S->nsites) : 0;
    for (int s = 0; s < S->nsites; s++)
        for (int bi = 0; bi < S->nb; bi++) {
            double run = 0;
            for (int ri = 0; ri < S->nr; ri++) {
                const trial *t = &S->t[s][bi][ri];
                double l = t->ok && !isnan(t->loss) ? t->loss : NAN;
                if (isnan(l)) {
                    loss[s][bi][ri] = NAN;
                    continue;
                }
                l = l < lfloor * S->r[ri] ? lfloor * S->r[ri] : l;
                run = l > run ? l : run; /* monotone in the ratio */
                loss[s][bi][ri] = run;
            }
        }
    const dm_engine *e = dm_session_engine(c->s);
    if (!e) {
        fail(c, "tune: no dual module was built");
        goto out;
    }
    costm M;
    cost_model(e, ts.obj == 2, &M);
    double B = ts.k.ge ? -ts.k.x : ts.k.x;
    if (B < 0) {
        fail(c, "tune: the constraint %s %s %g asks for better quality than dense; nothing to tune", ts.k.col,
             ts.k.ge ? ">=" : "<=", ts.k.x);
        goto out;
    }

    /* 2-3. per-site allocations, alpha bisected on the measured constraint */
    trial best_t = {0}, best_u = {0};
    tconf best_c = {0}, best_uc = {0};
    int have_best = 0, have_u = 0, best_is_u = 0; /* best_is_u: the uniform baseline beat the per-site search */
    double alo = 0, ahi = INFINITY, alpha = 1.0;
    int stall = 0;
    long per_site_budget = ts.trials - used - 7; /* leave the uniform search and the report */
    if (per_site_budget < 2)
        per_site_budget = 2;
    long ps_used = 0;
    for (int it = 0; it < 40 && ps_used < per_site_budget && stall < 6; it++) {
        if (ts.time_s > 0 && dm_now() - t0 > ts.time_s)
            break;
        tconf tc = {0};
        if (plan(S, (const double(*)[BITS_MAX][GRID_MAX])loss, &M, alpha * B, &tc)) {
            ahi = alpha;
            alpha = (alo + ahi) / 2;
            stall++;
            continue;
        }
        int seen = hist_find(hist, &tc);
        trial t;
        if (seen >= 0) {
            t = hist->t[seen];
            stall++;
        } else {
            char label[160], what[280];
            snprintf(label, sizeof label, "[tune %ld] ", used + 1);
            int w = snprintf(what, sizeof what, "alpha %.3g: ", alpha);
            conf_text(net, &tc, gbits, what + w, sizeof what - (size_t)w);
            if (tune_try(c, net, &ts, gbits, &tc, label, what, hist, &used, r, &t))
                goto out;
            ps_used++;
            stall = 0;
        }
        int feas = feasible(&t, B, ts.k.margin);
        if (feas && (!have_best || better(&ts, &t, &best_t))) {
            best_t = t, best_c = tc;
            have_best = 1;
        }
        if (feas)
            alo = alpha > alo ? alpha : alo;
        else
            ahi = alpha < ahi ? alpha : ahi;
        if (isinf(ahi))
            alpha *= 2;
        else
            alpha = (alo + ahi) / 2;
        if (isfinite(ahi) && ahi - alo < 0.02 * (ahi > 0 ? ahi : 1))
            break;
    }

    /* 3b. refinement on measured figures: from the best feasible allocation, raise one site at a time to its
     * next grid ratio (the least sensitive sites first) and keep each move that stays feasible */
    if (have_best) {
        tconf curc = best_c;
        int order[DM_DUAL_MAX_SITES];
        for (int j = 0; j < S->nsites; j++)
            order[j] = j;
        for (int a = 0; a < S->nsites; a++) /* by the table's loss at the top of the grid, ascending */
            for (int b = a + 1; b < S->nsites; b++) {
                double la = loss[order[a]][0][S->nr - 1], lb = loss[order[b]][0][S->nr - 1];
                if ((isnan(la) && !isnan(lb)) || lb < la) {
                    int x = order[a];
                    order[a] = order[b];
                    order[b] = x;
                }
            }
        int moved = 1;
        while (moved && used < ts.trials - 7) {
            moved = 0;
            for (int oi = 0; oi < S->nsites && used < ts.trials - 7; oi++) {
                if (ts.time_s > 0 && dm_now() - t0 > ts.time_s)
                    break;
                int j = order[oi], nxt = -1;
                for (int ri = 0; ri < full_nr; ri++)
                    if (full_r[ri] > curc.ratio[j]) {
                        nxt = ri;
                        break;
                    }
                if (nxt < 0)
                    continue;
                tconf tc = curc;
                tc.ratio[j] = full_r[nxt];
                if (tc.bits[j] < 0)
                    tc.bits[j] = gbits;
                int seen = hist_find(hist, &tc);
                trial t;
                if (seen >= 0) {
                    t = hist->t[seen];
                } else {
                    char what[280] = "refine: ";
                    conf_text(net, &tc, gbits, what + 8, sizeof what - 8);
                    if (tune_try(c, net, &ts, gbits, &tc, "[tune refine] ", what, hist, &used, r, &t))
                        goto out;
                }
                if (feasible(&t, B, ts.k.margin)) {
                    curc = tc;
                    moved = 1;
                    if (better(&ts, &t, &best_t))
                        best_t = t, best_c = tc;
                }
            }
        }
    }

    /* 4. the uniform baseline: bisection on the global ratio (steps of 0.05), at each bits of the grid */
    for (int bi = 0; bi < S->nb; bi++) {
        int lo = 0, hi = 21; /* lo feasible (ratio 0 = dense), hi infeasible (past 1) */
        while (hi - lo > 1 && used < ts.trials - 2) {
            if (ts.time_s > 0 && dm_now() - t0 > ts.time_s)
                break;
            int mid = (lo + hi) / 2;
            tconf tc = {.gratio = mid * 0.05, .nsites = S->nsites};
            for (int j = 0; j < S->nsites; j++)
                tc.ratio[j] = tc.gratio, tc.bits[j] = S->b[bi];
            trial t;
            char what[64];
            snprintf(what, sizeof what, "uniform ratio %.2f bits %d", tc.gratio, S->b[bi]);
            if (tune_try(c, net, &ts, gbits, &tc, "[tune uniform] ", what, hist, &used, r, &t))
                goto out;
            int feas = feasible(&t, B, ts.k.margin);
            if (feas) {
                lo = mid;
                /* at one bit width the highest feasible ratio is the baseline: the bisection only moves up
                 * from a feasible ratio, and a lower ratio that measured faster did so by the timing's noise */
                if (!have_u || best_uc.bits[0] == S->b[bi] || better(&ts, &t, &best_u))
                    best_u = t, best_uc = tc, have_u = 1;
            } else {
                hi = mid;
            }
        }
    }
    /* a feasible uniform configuration is a per-site one too; when the objective is the measured speed and
     * both searches found one, the two are timed side by side and that decides (not two separate trials) */
    abres ab = {0};
    if (have_u && have_best && ts.obj == 0 && !conf_same(&best_c, &best_uc) && best_t.knobs[0]) {
        if (ts.time_s > 0 && dm_now() - t0 > ts.time_s) {
            info(c, "tune: the time budget is spent; the per-site and the uniform winners were not timed side by "
                    "side (their separate trials decide)");
        } else {
            info(c, "tune: timing the per-site and the uniform winners side by side (%d rounds)", AB_ROUNDS);
            if (side_by_side(c, net, &best_c, &best_uc, gbits, (int)dm_session_settings(c->s)->speed, &ab))
                goto out;
            info(c, "tune: side by side, %d rounds of %d interleaved dense/dual pairs each, the two alternating: "
                    "per-site speedup %.3f, uniform %.3f (medians); per-site / uniform %.3f (rounds %.3f to "
                    "%.3f), per-site faster in %d of %d rounds", ab.rounds, ab.pairs, ab.sp_a, ab.sp_b,
                 ab.ratio[1], ab.ratio[0], ab.ratio[2], ab.a_faster, ab.rounds);
        }
    }
    if (have_u && (!have_best || (ab.rounds ? ab.ratio[1] <= 1.0 : better(&ts, &best_u, &best_t))))
        best_t = best_u, best_c = best_uc, have_best = 1, best_is_u = 1;

    /* 5. the report */
    dm_table t;
    dm_table_init(&t, NULL);
    static const char *const cols[] = {"config",     "split",      "ratio",   "ratio_achieved",
                                       "site_knobs", "value",      "dense_value", "constraint",
                                       "speedup",    "bytes_ratio", "mac_reduction", "run"};
    for (size_t j = 0; j < sizeof cols / sizeof cols[0]; j++)
        dm_table_col(&t, cols[j], j >= 2 && j != 4);
    dm_table_head(&t, 3, "achieved");
    dm_table_head(&t, 6, "dense");
    const char *search_split = sv.set.split;
    for (int which = 0; which < 2; which++) {
        const trial *bt = which ? &best_t : &best_u;
        const tconf *bc = which ? &best_c : &best_uc;
        if (!(which ? have_best : have_u))
            continue;
        for (int pass = 0; pass < 2; pass++) {
            trial x = *bt;
            const char *split = search_split;
            if (pass) {
                if (!strcasecmp(ts.report, "none") || !strcmp(ts.report, search_split))
                    break;
                split = ts.report;
                if (dm_session_set(c->s, "split", split, 0, &c->err) || set_conf(c, net, bc, gbits))
                    goto report_fail;
                int xr = do_trial(c, &ts.k, 0, which ? "[tune report] " : "[uniform report] ", r, &x);
                if (xr < 0)
                    goto report_fail;
                if (xr == 1) {
                    fail(c, "tune interrupted during the report (run the same command again to resume)");
                    goto report_fail;
                }
                char v[1100];
                dm_settings_get(&sv.set, DM_S_SPLIT, v, sizeof v);
                if (dm_session_set(c->s, "split", v, 0, &c->err))
                    goto report_fail;
            }
            dm_table_row(&t);
            dm_table_set(&t, 0, which ? "tuned" : "uniform");
            dm_table_set(&t, 1, split);
            dm_table_setf(&t, 2, "%g", bc->gratio);
            dm_table_setnum(&t, 3, x.ratio_achieved, 4);
            dm_table_set(&t, 4, x.knobs[0] ? x.knobs : NULL);
            dm_table_setnum(&t, 5, x.value, 4);
            dm_table_setnum(&t, 6, x.dense, 4);
            dm_table_setnum(&t, 7, x.q, -4);
            dm_table_setnum(&t, 8, x.speedup, 3);
            dm_table_setnum(&t, 9, x.bytes_ratio, 4);
            dm_table_setnum(&t, 10, x.mac_reduction, 3);
            dm_table_setf(&t, 11, "%lld", (long long)x.id);
        }
    }
    emit(c, &t);
    dm_table_free(&t);
    if (!have_best)
        info(c, "tune: no configuration met %s %s %g in %ld trials", ts.k.col, ts.k.ge ? ">=" : "<=", ts.k.x, used);
    else
        info(c, "tune %s: %ld trials (%ld of them the sensitivity table) in %.0f s; best %s on %s: %s %.3f%s", tag + 5,
             used, S->nsites * (long)S->nr * S->nb, dm_now() - t0,
             best_is_u ? "configuration (uniform)"
             : best_t.knobs[0] ? "per-site configuration"
                               : "per-site configuration (its sites came out equal)",
             sv.set.split, obj_names[ts.obj],
             objective(&ts, &best_t), have_u ? "" : " (no uniform ratio met the constraint)");
    rc = 0;
    goto out;
report_fail:
    dm_table_free(&t);
out:
    restore(c, &sv);
    free(S), free(loss), free(hist), free(r);
    return rc;
}
