/* cmd.c - the command language: tables, parser, commands, completion, help
 * and the man page. The commands that evaluate, build or time a model live
 * beside it (cmd_eval.c, cmd_little.c, cmd_study.c, cmd_bench.c), and so does
 * bleu, which scores translation files (cmd_bleu.c); see cmd_int.h. */
#define _POSIX_C_SOURCE 200809L
#include "cmd.h"
#include "cmd_int.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fnmatch.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bench.h"
#include "dual.h"
#include "kernels.h"
#include "models.h"
#include "session.h"
#include "metric.h"
#include "store.h"
#include "tune.h"

/* ---- settings table ---- */

const dm_setting_def dm_settings_table[DM_S_COUNT] = {
#define DM_X_(id, name, type, lo, hi, choices, def, step, big, help) \
    {DM_S_##id, name, type, lo, hi, choices, def, step, big, help},
    DM_SETTINGS(DM_X_)
#undef DM_X_
};

const dm_setting_def *dm_setting_find(const char *name)
{
    for (int i = 0; i < DM_S_COUNT; i++)
        if (strcmp(dm_settings_table[i].name, name) == 0)
            return &dm_settings_table[i];
    return NULL;
}

static int edit_distance(const char *a, const char *b)
{
    int la = (int)strlen(a), lb = (int)strlen(b);
    if (la > 40 || lb > 40)
        return 99;
    int d[41][41];
    for (int i = 0; i <= la; i++)
        d[i][0] = i;
    for (int j = 0; j <= lb; j++)
        d[0][j] = j;
    for (int i = 1; i <= la; i++)
        for (int j = 1; j <= lb; j++) {
            int c = d[i - 1][j - 1] + (tolower((unsigned char)a[i - 1]) != tolower((unsigned char)b[j - 1]));
            if (d[i - 1][j] + 1 < c)
                c = d[i - 1][j] + 1;
            if (d[i][j - 1] + 1 < c)
                c = d[i][j - 1] + 1;
            /* transposition */
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] && d[i - 2][j - 2] + 1 < c)
                c = d[i - 2][j - 2] + 1;
            d[i][j] = c;
        }
    return d[la][lb];
}

const char *dm_close_match(const char *word, const char *const *cands, int n)
{
    const char *best = NULL;
    int bd = 99, prefix_hits = 0;
    const char *prefix = NULL;
    size_t wl = strlen(word);
    for (int i = 0; i < n; i++) {
        if (wl && strncmp(cands[i], word, wl) == 0) {
            prefix_hits++;
            prefix = cands[i];
        }
        int e = edit_distance(word, cands[i]);
        if (e < bd) {
            bd = e;
            best = cands[i];
        }
    }
    if (prefix_hits == 1)
        return prefix;
    int lim = wl <= 3 ? 1 : 2;
    return bd <= lim ? best : NULL;
}

/* Choices of a setting as an array (for matching). */
static int split_choices(const char *choices, char out[][16], int max)
{
    int n = 0;
    const char *p = choices;
    while (p && *p && n < max) {
        size_t l = strcspn(p, "|");
        snprintf(out[n++], 16, "%.*s", (int)(l < 15 ? l : 15), p);
        p += l;
        if (*p == '|')
            p++;
    }
    return n;
}

void dm_settings_default(dm_settings *s)
{
    memset(s, 0, sizeof *s);
    for (int i = 0; i < DM_S_COUNT; i++) {
        dm_err e;
        if (dm_settings_set(s, dm_settings_table[i].name, dm_settings_table[i].def, &e)) {
            fprintf(stderr, "dualmod: internal error: default of %s: %s\n", dm_settings_table[i].name, e.msg);
            abort();
        }
    }
}

static int parse_num(const char *v, double *out)
{
    char *end;
    errno = 0;
    double x = strtod(v, &end);
    if (errno || end == v || *end || !isfinite(x))
        return -1;
    *out = x;
    return 0;
}

/* "ratio.l1" -> DM_S_RATIO and "l1"; -1 when name is not a per-site knob. */
static int knob_split(const char *name, const char **site)
{
    static const struct {
        const char *p;
        int id;
    } kn[] = {{"ratio.", DM_S_RATIO}, {"bits.", DM_S_BITS}, {"k.", DM_S_K}};
    for (size_t i = 0; i < sizeof kn / sizeof kn[0]; i++) {
        size_t l = strlen(kn[i].p);
        if (strncmp(name, kn[i].p, l) == 0) {
            *site = name + l;
            return kn[i].id;
        }
    }
    return -1;
}

static int set_site_knob(dm_settings *s, const char *name, int id, const char *site, const char *value, dm_err *err)
{
    if (!*site)
        return dm_errf(err, "%s: a site is needed after the dot (e.g. %s.l1; 'info' lists the model's sites)", name,
                       dm_settings_table[id].name);
    if (strlen(site) >= sizeof s->knobs[0].site)
        return dm_errf(err, "%s: the site name or pattern is longer than %zu bytes", name,
                       sizeof s->knobs[0].site - 1);
    for (const char *p = site; *p; p++)
        if ((unsigned char)*p <= ' ' || *p == ';' || *p == ',' || *p == ':' || *p == '=')
            return dm_errf(err, "%s: a site name cannot hold spaces or any of ; , : =", name);
    if (!value || !*value)
        return dm_errf(err, "%s: a value is needed", name);
    if (strcasecmp(value, "default") == 0 || strcmp(value, "-") == 0) {
        /* drop the entry (KNOB.* drops every entry of the knob) */
        int w = 0, all = strcmp(site, "*") == 0;
        for (int i = 0; i < s->nknobs; i++)
            if (!(s->knobs[i].knob == id && (all || strcmp(s->knobs[i].site, site) == 0)))
                s->knobs[w++] = s->knobs[i];
        s->nknobs = w;
        return 0;
    }
    dm_settings tmp = *s; /* the global knob's parser and range */
    if (dm_settings_set(&tmp, dm_settings_table[id].name, value, err))
        return dm_err_prefix(err, "%s", name);
    double v = id == DM_S_RATIO ? tmp.ratio : id == DM_S_BITS ? tmp.bits : tmp.k;
    if (id == DM_S_K && v == 0)
        return dm_errf(err, "%s 0: a site's k is a number from 1 up ('default' returns the site to the global k)",
                       name);
    /* the same entry again moves to the end with its new value (later entries win) */
    int w = 0;
    for (int i = 0; i < s->nknobs; i++)
        if (!(s->knobs[i].knob == id && strcmp(s->knobs[i].site, site) == 0))
            s->knobs[w++] = s->knobs[i];
    s->nknobs = w;
    if (s->nknobs == DM_SITE_KNOBS_MAX)
        return dm_errf(err, "%s: at most %d per-site knobs (drop some with KNOB.SITE default)", name,
                       DM_SITE_KNOBS_MAX);
    dm_site_knob *k = &s->knobs[s->nknobs++];
    snprintf(k->site, sizeof k->site, "%s", site);
    k->knob = id;
    k->value = v;
    return 0;
}

void dm_settings_knob_text(const dm_settings *s, int i, char *name, size_t nn, char *value, size_t nv)
{
    const dm_site_knob *k = &s->knobs[i];
    snprintf(name, nn, "%s.%s", dm_settings_table[k->knob].name, k->site);
    if (k->knob == DM_S_BITS && k->value == 0)
        snprintf(value, nv, "fp32");
    else
        snprintf(value, nv, "%.15g", k->value);
}

int dm_settings_apply_sites(const dm_settings *s, const dm_site *sites, int nsites, dm_dual_cfg *cfg, dm_err *err)
{
    memset(cfg->site_set, 0, sizeof cfg->site_set);
    memset(cfg->group_set, 0, sizeof cfg->group_set);
    for (int i = 0; i < s->nknobs; i++) {
        const dm_site_knob *k = &s->knobs[i];
        int hits = 0, ghits = 0;
        for (int j = 0; j < nsites && j < DM_DUAL_MAX_SITES; j++) {
            if (fnmatch(k->site, sites[j].name, 0) != 0) {
                /* a gate group, SITE.GROUP (l1.f): only the ratio is per group, and a site of one group
                 * takes it as its own */
                for (int g = 0; g < sites[j].ngroups && g < DM_SITE_MAX_GROUPS; g++) {
                    char gname[160];
                    snprintf(gname, sizeof gname, "%s.%s", sites[j].name, sites[j].group[g].name);
                    if (fnmatch(k->site, gname, 0) != 0)
                        continue;
                    ghits++;
                    if (k->knob != DM_S_RATIO)
                        continue;
                    if (sites[j].ngroups == 1) {
                        cfg->site_set[j] |= DM_SITE_SET_RATIO;
                        cfg->site_ratio[j] = k->value;
                    } else {
                        cfg->group_set[j][g] = 1;
                        cfg->group_ratio[j][g] = k->value;
                    }
                }
                continue;
            }
            hits++;
            if (k->knob == DM_S_RATIO) {
                cfg->site_set[j] |= DM_SITE_SET_RATIO;
                cfg->site_ratio[j] = k->value;
            } else if (k->knob == DM_S_BITS) {
                cfg->site_set[j] |= DM_SITE_SET_BITS;
                cfg->site_bits[j] = (int)k->value;
            } else {
                cfg->site_set[j] |= DM_SITE_SET_K;
                cfg->site_k[j] = (int)k->value;
            }
        }
        if (!hits && ghits && k->knob != DM_S_RATIO)
            return dm_errf(err, "%s.%s: %s is set per site, not per gate group (one little module serves all of a "
                                "site's groups); only the ratio can be set per group",
                           dm_settings_table[k->knob].name, k->site, dm_settings_table[k->knob].name);
        if (!hits && !ghits) {
            char names[256];
            size_t l = 0;
            names[0] = 0;
            for (int j = 0; j < nsites && l < sizeof names - 8; j++) {
                int w = snprintf(names + l, sizeof names - l, "%s%s", j ? ", " : "", sites[j].name);
                l += w > 0 ? (size_t)w : 0;
            }
            if (l >= sizeof names - 8)
                snprintf(names + sizeof names - 8, 8, ", ...");
            char hint[128] = "";
            if (nsites > 0 && sites[0].ngroups > 1 && k->knob == DM_S_RATIO)
                snprintf(hint, sizeof hint, "; a gate group's ratio: ratio.%s.%s", sites[0].name,
                         sites[0].group[0].name);
            return dm_errf(err, "%s.%s: no site of the model is named '%s' (its sites: %s%s)",
                           dm_settings_table[k->knob].name, k->site, k->site, names, hint);
        }
    }
    return 0;
}

/* "I/N", 1 <= I <= N <= 1000000: the shard setting. */
static int parse_shard(const char *value, int *i, int *n, dm_err *err)
{
    const char *p = value;
    long v[2];
    for (int k = 0; k < 2; k++) {
        if (!isdigit((unsigned char)*p))
            return dm_errf(err, "shard '%s': expected I/N, two integers with 1 <= I <= N (e.g. 3/16: the third of "
                                "16 slices; 1/1 = the whole grid)",
                           value);
        char *end;
        errno = 0;
        v[k] = strtol(p, &end, 10);
        if (errno || v[k] > 1000000)
            return dm_errf(err, "shard '%s': at most 1000000 shards", value);
        p = end;
        if (k == 0 && *p++ != '/')
            return dm_errf(err, "shard '%s': expected I/N, two integers with 1 <= I <= N (e.g. 3/16: the third of "
                                "16 slices; 1/1 = the whole grid)",
                           value);
    }
    if (*p)
        return dm_errf(err, "shard '%s': expected I/N, two integers with 1 <= I <= N (e.g. 3/16: the third of 16 "
                            "slices; 1/1 = the whole grid)",
                       value);
    if (v[1] < 1)
        return dm_errf(err, "shard '%s': N, the number of shards, must be at least 1", value);
    if (v[0] < 1 || v[0] > v[1])
        return dm_errf(err, "shard '%s': I must be from 1 to N = %ld (shards are numbered from 1; Slurm: --array=1-%ld)",
                       value, v[1], v[1]);
    *i = (int)v[0];
    *n = (int)v[1];
    return 0;
}

int dm_shard_mine(const dm_settings *s, long index)
{
    return s->shard_n <= 1 || index % s->shard_n == s->shard_i - 1;
}

long dm_shard_count(const dm_settings *s, long total)
{
    if (s->shard_n <= 1)
        return total;
    return total >= s->shard_i ? (total - s->shard_i) / s->shard_n + 1 : 0;
}

int dm_settings_set(dm_settings *s, const char *name, const char *value, dm_err *err)
{
    const dm_setting_def *d = dm_setting_find(name);
    const char *site;
    int kid;
    if (!d && (kid = knob_split(name, &site)) >= 0)
        return set_site_knob(s, name, kid, site, value, err);
    if (!d) {
        const char *names[DM_S_COUNT];
        for (int i = 0; i < DM_S_COUNT; i++)
            names[i] = dm_settings_table[i].name;
        const char *m = dm_close_match(name, names, DM_S_COUNT);
        if (m)
            return dm_errf(err, "unknown setting '%s' (did you mean '%s'?)", name, m);
        return dm_errf(err, "unknown setting '%s' ('help settings' lists them)", name);
    }
    if (!value || !*value)
        return dm_errf(err, "%s: a value is needed", name);
    double x = 0;
    int idx = -1;
    switch (d->type) {
    case DM_ST_STRING:
        if (strlen(value) >= sizeof s->model)
            return dm_errf(err, "%s: value is %zu bytes; at most %zu allowed", name, strlen(value), sizeof s->model - 1);
        break;
    case DM_ST_INT:
        if (parse_num(value, &x) || x != floor(x) || x < d->lo || x > d->hi)
            return dm_errf(err, "%s '%s': expected an integer from %.0f to %.0f", name, value, d->lo, d->hi);
        break;
    case DM_ST_REAL:
        if (parse_num(value, &x) || x < d->lo || x > d->hi) {
            /* ratio also takes a percentage */
            size_t l = strlen(value);
            if (d->id == DM_S_RATIO && l > 1 && value[l - 1] == '%') {
                char buf[64];
                snprintf(buf, sizeof buf, "%.*s", (int)(l - 1), value);
                if (parse_num(buf, &x) == 0 && x >= 0 && x <= 100) {
                    x /= 100;
                    break;
                }
            }
            return dm_errf(err, "%s '%s': expected a number from %g to %g%s", name, value, d->lo, d->hi,
                           d->id == DM_S_RATIO ? " (or a percentage such as 50%)" : "");
        }
        break;
    case DM_ST_ENUM:
    case DM_ST_BOOL: {
        char ch[16][16];
        int n = split_choices(d->choices, ch, 16);
        for (int i = 0; i < n; i++)
            if (strcasecmp(value, ch[i]) == 0)
                idx = i;
        if (d->type == DM_ST_BOOL && idx < 0) {
            if (!strcasecmp(value, "true") || !strcasecmp(value, "yes") || !strcmp(value, "1"))
                idx = 0;
            else if (!strcasecmp(value, "false") || !strcasecmp(value, "no") || !strcmp(value, "0"))
                idx = 1;
        }
        if (idx < 0) {
            const char *cands[16];
            for (int i = 0; i < n; i++)
                cands[i] = ch[i];
            const char *m = dm_close_match(value, cands, n);
            char allowed[128];
            snprintf(allowed, sizeof allowed, "%s", d->choices);
            for (char *p = allowed; *p; p++)
                if (*p == '|')
                    *p = ',';
            if (m)
                return dm_errf(err, "%s '%s': expected one of %s (did you mean '%s'?)", name, value, allowed, m);
            return dm_errf(err, "%s '%s': expected one of %s", name, value, allowed);
        }
        break;
    }
    case DM_ST_BITS:
        if (strcasecmp(value, "fp32") == 0 || strcasecmp(value, "f32") == 0) {
            x = 0;
            break;
        }
        /* 0 is fp32 too, as the store's and JSON's bits column write it */
        if (parse_num(value, &x) || x != floor(x) || x < 0 || x > 16)
            return dm_errf(err, "%s '%s': expected fp32 or an integer from 1 to 16 (0 = fp32)", name, value);
        break;
    }
    switch (d->id) {
    case DM_S_MODEL: snprintf(s->model, sizeof s->model, "%s", value); break;
    case DM_S_SPLIT: snprintf(s->split, sizeof s->split, "%s", value); break;
    case DM_S_LIMIT: s->limit = (long)x; break;
    case DM_S_RATIO: s->ratio = x; break;
    case DM_S_MODE: s->mode = idx; break;
    case DM_S_BITS: s->bits = (int)x; break;
    case DM_S_K: s->k = (int)x; break;
    case DM_S_EPS: s->eps = x; break;
    case DM_S_SEED: s->seed = (long)x; break;
    case DM_S_POLICY: s->policy = idx; break;
    case DM_S_PREDICTOR: s->predictor = idx; break;
    case DM_S_PROJ: s->proj = idx; break;
    case DM_S_PATH: s->path = idx; break;
    case DM_S_STREAMS: s->streams = (int)x; break;
    case DM_S_BEAM: s->beam = (int)x; break;
    case DM_S_SAVE_HYP: snprintf(s->save_hyp, sizeof s->save_hyp, "%s", strcmp(value, "-") ? value : ""); break;
    case DM_S_THREADS: s->threads = (int)x; break;
    case DM_S_KERNELS: s->kernels = idx; break;
    case DM_S_AUDIT: s->audit = idx == 0; break;
    case DM_S_SPEED: s->speed = (long)x; break;
    case DM_S_STORE: s->store = idx == 0; break;
    case DM_S_ON_ERROR: s->on_error = idx; break;
    case DM_S_SQL_TIMEOUT: s->sql_timeout = x; break;
    case DM_S_FORMAT: s->format = idx; break;
    case DM_S_FIT_DATA: snprintf(s->fit_data, sizeof s->fit_data, "%s", strcmp(value, "-") ? value : ""); break;
    case DM_S_FIT_TOKENS: s->fit_tokens = (long)x; break;
    case DM_S_CALIB_TOKENS: s->calib_tokens = (int)x; break;
    case DM_S_CHUNK: s->chunk = (int)x; break;
    case DM_S_LAMBDA: s->lambda = x; break;
    case DM_S_EXPERIMENT:
        if (strlen(value) >= sizeof s->experiment)
            return dm_errf(err, "experiment: at most %zu bytes", sizeof s->experiment - 1);
        snprintf(s->experiment, sizeof s->experiment, "%s", strcmp(value, "-") ? value : "");
        break;
    case DM_S_SHARD: {
        int si = 1, sn = 1;
        if (parse_shard(value, &si, &sn, err))
            return -1;
        s->shard_i = si, s->shard_n = sn;
        break;
    }
    case DM_S_DUAL: snprintf(s->dual, sizeof s->dual, "%s", strcmp(value, "-") ? value : ""); break;
    case DM_S_COUNT: break;
    }
    return 0;
}

static const char *choice(const char *choices, int idx)
{
    static __thread char ch[16][16];
    int n = split_choices(choices, ch, 16);
    return idx >= 0 && idx < n ? ch[idx] : "?";
}

void dm_settings_get(const dm_settings *s, dm_setting_id id, char *out, size_t n)
{
    const dm_setting_def *d = &dm_settings_table[id];
    switch (id) {
    case DM_S_MODEL: snprintf(out, n, "%s", s->model); break;
    case DM_S_SPLIT: snprintf(out, n, "%s", s->split); break;
    case DM_S_LIMIT: snprintf(out, n, "%ld", s->limit); break;
    case DM_S_RATIO: snprintf(out, n, "%g", s->ratio); break;
    case DM_S_MODE: snprintf(out, n, "%s", choice(d->choices, s->mode)); break;
    case DM_S_BITS:
        if (s->bits)
            snprintf(out, n, "%d", s->bits);
        else
            snprintf(out, n, "fp32");
        break;
    case DM_S_K: snprintf(out, n, "%d", s->k); break;
    case DM_S_EPS: snprintf(out, n, "%g", s->eps); break;
    case DM_S_SEED: snprintf(out, n, "%ld", s->seed); break;
    case DM_S_POLICY: snprintf(out, n, "%s", choice(d->choices, s->policy)); break;
    case DM_S_PREDICTOR: snprintf(out, n, "%s", choice(d->choices, s->predictor)); break;
    case DM_S_PROJ: snprintf(out, n, "%s", choice(d->choices, s->proj)); break;
    case DM_S_PATH: snprintf(out, n, "%s", choice(d->choices, s->path)); break;
    case DM_S_STREAMS: snprintf(out, n, "%d", s->streams); break;
    case DM_S_BEAM: snprintf(out, n, "%d", s->beam); break;
    case DM_S_SAVE_HYP: snprintf(out, n, "%s", s->save_hyp[0] ? s->save_hyp : "-"); break;
    case DM_S_THREADS: snprintf(out, n, "%d", s->threads); break;
    case DM_S_KERNELS: snprintf(out, n, "%s", choice(d->choices, s->kernels)); break;
    case DM_S_AUDIT: snprintf(out, n, "%s", s->audit ? "on" : "off"); break;
    case DM_S_SPEED: snprintf(out, n, "%ld", s->speed); break;
    case DM_S_STORE: snprintf(out, n, "%s", s->store ? "on" : "off"); break;
    case DM_S_ON_ERROR: snprintf(out, n, "%s", choice(d->choices, s->on_error)); break;
    case DM_S_SQL_TIMEOUT: snprintf(out, n, "%g", s->sql_timeout); break;
    case DM_S_FORMAT: snprintf(out, n, "%s", choice(d->choices, s->format)); break;
    case DM_S_FIT_DATA: snprintf(out, n, "%s", s->fit_data[0] ? s->fit_data : "-"); break;
    case DM_S_FIT_TOKENS: snprintf(out, n, "%ld", s->fit_tokens); break;
    case DM_S_CALIB_TOKENS: snprintf(out, n, "%d", s->calib_tokens); break;
    case DM_S_CHUNK: snprintf(out, n, "%d", s->chunk); break;
    case DM_S_LAMBDA: snprintf(out, n, "%g", s->lambda); break;
    case DM_S_EXPERIMENT: snprintf(out, n, "%s", s->experiment[0] ? s->experiment : "-"); break;
    case DM_S_SHARD: snprintf(out, n, "%d/%d", s->shard_n ? s->shard_i : 1, s->shard_n ? s->shard_n : 1); break;
    case DM_S_DUAL: snprintf(out, n, "%s", s->dual[0] ? s->dual : "-"); break;
    default: snprintf(out, n, "?"); break;
    }
}

double dm_settings_num(const dm_settings *s, dm_setting_id id)
{
    switch (id) {
    case DM_S_LIMIT: return (double)s->limit;
    case DM_S_RATIO: return s->ratio;
    case DM_S_MODE: return s->mode;
    case DM_S_BITS: return s->bits;
    case DM_S_K: return s->k;
    case DM_S_EPS: return s->eps;
    case DM_S_SEED: return (double)s->seed;
    case DM_S_POLICY: return s->policy;
    case DM_S_PREDICTOR: return s->predictor;
    case DM_S_PROJ: return s->proj;
    case DM_S_PATH: return s->path;
    case DM_S_STREAMS: return s->streams;
    case DM_S_BEAM: return s->beam;
    case DM_S_SAVE_HYP: return 0;
    case DM_S_THREADS: return s->threads;
    case DM_S_KERNELS: return s->kernels;
    case DM_S_AUDIT: return s->audit;
    case DM_S_SPEED: return (double)s->speed;
    case DM_S_STORE: return s->store;
    case DM_S_ON_ERROR: return s->on_error;
    case DM_S_SQL_TIMEOUT: return s->sql_timeout;
    case DM_S_FORMAT: return s->format;
    case DM_S_FIT_TOKENS: return (double)s->fit_tokens;
    case DM_S_CALIB_TOKENS: return s->calib_tokens;
    case DM_S_CHUNK: return s->chunk;
    case DM_S_LAMBDA: return s->lambda;
    default: return NAN;
    }
}

/* ---- command context ---- */

/* ---- helpers the command files share (cmd_int.h) ---- */

int dm_cmd_check_lambda(dm_cmd_ctx *c, const char *cmd)
{
    double l = dm_session_settings(c->s)->lambda;
    if (fabs(l - DM_CMD_LAMBDA_DEFAULT) > 1e-12)
        return fail(c, "lambda %g: %s builds through the session, which fits with the default ridge strength %g "
                       "(little, study and bench take lambda); set lambda %g",
                    l, cmd, DM_CMD_LAMBDA_DEFAULT, DM_CMD_LAMBDA_DEFAULT);
    return 0;
}

void dm_cmd_dual_cfg(const dm_settings *s, dm_dual_cfg *cfg)
{
    dm_dual_cfg_default(cfg);
    cfg->ratio = s->ratio;
    cfg->bits = s->bits;
    cfg->k = s->k;
    cfg->eps = s->eps;
    cfg->seed = (uint64_t)s->seed;
    cfg->proj = (dm_proj_kind)s->proj;
    cfg->policy = (dm_policy)s->policy;
    cfg->predictor = (dm_predictor)s->predictor;
    cfg->mode = (dm_mode)s->mode;
    cfg->lambda = s->lambda;
}

int dm_cmd_dual_cfg_sites(dm_cmd_ctx *c, dm_dual_cfg *cfg)
{
    const dm_settings *s = dm_session_settings(c->s);
    dm_cmd_dual_cfg(s, cfg);
    const dm_net *n = dm_session_net(c->s);
    if (!n || !s->nknobs)
        return 0;
    return dm_settings_apply_sites(s, n->site, n->nsites, cfg, &c->err);
}

const dm_kernels *dm_cmd_kernels(const dm_settings *s)
{
    static const dm_kvariant kv[] = {DM_KV_REF, DM_KV_REF, DM_KV_AVX2, DM_KV_AVX512};
    if (s->kernels > 0 && s->kernels < 4 && dm_kernels_get(kv[s->kernels]))
        return dm_kernels_get(kv[s->kernels]);
    return dm_kernels_best();
}

const char *dm_cmd_split_name(const dm_settings *s)
{
    static const char *const names[] = {"valid", "test", "train"};
    for (int i = 0; i < 3; i++)
        if (strcmp(s->split, names[i]) == 0)
            return names[i];
    return NULL;
}

void dm_cmd_human_bytes(double b, char *out, size_t n)
{
    if (b >= 1e9)
        snprintf(out, n, "%.2f GB", b / 1e9);
    else if (b >= 1e6)
        snprintf(out, n, "%.2f MB", b / 1e6);
    else if (b >= 1e3)
        snprintf(out, n, "%.1f kB", b / 1e3);
    else
        snprintf(out, n, "%.0f B", b);
}

void dm_cmd_bits_text(int bits, char *out, size_t n)
{
    if (!bits)
        snprintf(out, n, "FP32");
    else if (dm_bits_container(bits) != bits)
        snprintf(out, n, "INT%d (stored in %d-bit containers)", bits, dm_bits_container(bits));
    else
        snprintf(out, n, "INT%d", bits);
}

int dm_cmd_parse_list(dm_cmd_ctx *c, const char *s, double *out, int max, const char *what)
{
    int n = 0;
    const char *p = s;
    while (*p) {
        size_t l = strcspn(p, ",");
        char buf[64];
        snprintf(buf, sizeof buf, "%.*s", (int)(l < 63 ? l : 63), p);
        char *end;
        errno = 0;
        double v = strtod(buf, &end);
        if (l == 0 || errno || end == buf || *end || !isfinite(v))
            return fail(c, "%s: bad list '%s' (expected comma-separated numbers)", what, s);
        if (n >= max)
            return fail(c, "%s: at most %d values", what, max);
        out[n++] = v;
        p += l;
        if (*p == ',')
            p++;
    }
    if (n == 0)
        return fail(c, "%s: an empty list", what);
    return n;
}

static int parse_id(dm_cmd_ctx *c, const char *w, int64_t *id)
{
    char *end;
    errno = 0;
    long long v = strtoll(w, &end, 10);
    if (errno || *end || end == w || v <= 0)
        return fail(c, "'%s': expected a run id (a positive integer; 'runs' lists them)", w);
    *id = v;
    return 0;
}

static dm_store *store(dm_cmd_ctx *c)
{
    dm_store *st = dm_session_store(c->s, &c->err);
    return st;
}

/* ---- load / set / get / info ---- */

/* load random lstm|gru HIDDEN [LAYERS [VOCAB [INPUT]]]: a model of that shape with random weights (INPUT:
 * the first layer's input size, default HIDDEN; e.g. GNMT's decoder, 1024 hidden over 2048 inputs) */
static int load_random(dm_cmd_ctx *c, int argc, char **argv)
{
    if (argc < 3)
        return fail(c, "load random: expected 'load random lstm|gru HIDDEN [LAYERS [VOCAB [INPUT]]]' (./random "
                       "loads a directory of that name)");
    if (strcmp(argv[1], "lstm") && strcmp(argv[1], "gru"))
        return fail(c, "load random '%s': expected lstm or gru", argv[1]);
    if (argc > 6)
        return fail(c, "load random: too many arguments (HIDDEN [LAYERS [VOCAB [INPUT]]])");
    double v[4] = {0, 1, 10000, 0}, lo[4] = {1, 1, 2, 1}, hi[4] = {16384, DM_LM_MAX_LAYERS, 1000000, 16384};
    static const char *const what[4] = {"HIDDEN", "LAYERS", "VOCAB", "INPUT"};
    for (int i = 0; i < 4 && 2 + i < argc; i++)
        if (parse_num(argv[2 + i], &v[i]) || v[i] != floor(v[i]) || v[i] < lo[i] || v[i] > hi[i])
            return fail(c, "load random %s '%s': expected an integer from %.0f to %.0f", what[i], argv[2 + i], lo[i],
                        hi[i]);
    if (dm_session_load_random(c->s, strcmp(argv[1], "lstm") == 0 ? DM_CELL_LSTM : DM_CELL_GRU, (int)v[2], (int)v[0],
                               (int)v[1], (int)v[3], &c->err))
        return -1;
    info(c, "loaded %s: timing only (no data, no quality figures)", dm_session_ref(c->s)->name);
    return 0;
}

static int c_load(dm_cmd_ctx *c, int argc, char **argv, const char *const *raw)
{
    (void)raw;
    if (strcmp(argv[0], "random") == 0)
        return load_random(c, argc, argv);
    if (argc > 1)
        return fail(c, "too many arguments (usage: load MODEL, or load random lstm|gru HIDDEN [LAYERS [VOCAB [INPUT]]])");
    if (dm_session_load(c->s, argv[0], &c->err))
        return -1;
    dm_model_info mi;
    dm_session_info_brief(c->s, &mi);
    info(c, "loaded %s: %s, %.1f M parameters (%s)", mi.name, mi.arch, (double)mi.params / 1e6, mi.file);
    return 0;
}

static int c_set(dm_cmd_ctx *c, int argc, char **argv, const char *const *raw)
{
    (void)raw;
    /* set NAME VALUE [NAME VALUE ...] or NAME=VALUE ...; all checked before any is applied */
    char *names[32], *vals[32];
    int n = 0;
    for (int i = 0; i < argc && n < 32;) {
        char *eq = strchr(argv[i], '=');
        if (eq) {
            *eq = '\0';
            names[n] = argv[i];
            vals[n++] = eq + 1;
            i++;
        } else {
            if (i + 1 >= argc)
                return fail(c, "set %s: a value is needed (set NAME VALUE)", argv[i]);
            names[n] = argv[i];
            vals[n++] = argv[i + 1];
            i += 2;
        }
    }
    dm_settings tmp = *dm_session_settings(c->s);
    for (int i = 0; i < n; i++)
        if (dm_settings_set(&tmp, names[i], vals[i], &c->err))
            return -1;
    for (int i = 0; i < n; i++) {
        if (dm_session_set(c->s, names[i], vals[i], c->io->tui_cmd != NULL, &c->err))
            return -1;
        char note[1400];
        if (dm_session_notice(c->s, note, sizeof note))
            info(c, "%s", note);
    }
    return 0;
}

static int c_get(dm_cmd_ctx *c, int argc, char **argv, const char *const *raw)
{
    (void)raw;
    const dm_settings *s = dm_session_settings(c->s);
    dm_table t;
    dm_table_init(&t, NULL);
    dm_table_col(&t, "setting", 0);
    dm_table_col(&t, "value", 0);
    if (argc == 0)
        dm_table_col(&t, "help", 0);
    for (int i = 0; i < DM_S_COUNT; i++) {
        if (argc) {
            int want = 0;
            for (int j = 0; j < argc; j++)
                if (strcmp(argv[j], dm_settings_table[i].name) == 0)
                    want = 1;
            if (!want)
                continue;
        }
        char v[1100];
        dm_settings_get(s, (dm_setting_id)i, v, sizeof v);
        dm_table_row(&t);
        dm_table_set(&t, 0, dm_settings_table[i].name);
        dm_table_set(&t, 1, v);
        if (argc == 0)
            dm_table_set(&t, 2, dm_settings_table[i].help);
    }
    /* per-site knobs: every entry (get), or the ones asked for (default: the global value) */
    for (int i = 0; i < s->nknobs; i++) {
        char nm[80], v[64];
        dm_settings_knob_text(s, i, nm, sizeof nm, v, sizeof v);
        int want = argc == 0;
        for (int j = 0; j < argc; j++)
            want |= strcmp(argv[j], nm) == 0;
        if (!want)
            continue;
        dm_table_row(&t);
        dm_table_set(&t, 0, nm);
        dm_table_set(&t, 1, v);
        if (argc == 0)
            dm_table_set(&t, 2, "per-site knob (KNOB.SITE default drops it)");
    }
    for (int j = 0; j < argc; j++) {
        const char *site;
        int kid = knob_split(argv[j], &site);
        if (kid < 0 || !*site)
            continue;
        int have = 0;
        for (int i = 0; i < s->nknobs; i++) {
            char nm[80], v[64];
            dm_settings_knob_text(s, i, nm, sizeof nm, v, sizeof v);
            have |= strcmp(argv[j], nm) == 0;
        }
        if (!have) {
            char v[64];
            dm_settings_get(s, (dm_setting_id)kid, v, sizeof v);
            dm_table_row(&t);
            dm_table_set(&t, 0, argv[j]);
            dm_table_setf(&t, 1, "default (%s %s)", dm_settings_table[kid].name, v);
        }
    }
    for (int j = 0; j < argc; j++)
        if (!dm_setting_find(argv[j])) {
            const char *site;
            if (knob_split(argv[j], &site) >= 0 && *site)
                continue;
            dm_settings tmp = *s;
            dm_settings_set(&tmp, argv[j], "x", &c->err); /* for the message with a close match */
            dm_table_free(&t);
            return -1;
        }
    emit(c, &t);
    dm_table_free(&t);
    return 0;
}

/* ---- run / stop / sweep ---- */

void dm_cmd_progress_end(dm_prog_ctx *p)
{
    if (p->drawn && p->c->io->msg) {
        fprintf(p->c->io->msg, "\r\033[K");
        fflush(p->c->io->msg);
    }
    p->drawn = 0;
}

/* The fit's progress: label, bar, percent, items, rate and time left (elapsed * left / done). */
static void fit_line(char *line, size_t n, const char *label, long done, long total, double elapsed_s, const char *item)
{
    double frac = total > 0 ? (double)done / (double)total : 0;
    int w = 24, fill = (int)(frac * w);
    char bar[32], eta[32];
    for (int i = 0; i < w; i++)
        bar[i] = i < fill ? '#' : '.';
    bar[w] = '\0';
    if (done > 0 && done < total && elapsed_s >= 1.0) /* the first steps' rate says little */
        snprintf(eta, sizeof eta, "ETA %.0fs", elapsed_s * (double)(total - done) / (double)done);
    else if (done < total)
        snprintf(eta, sizeof eta, "ETA ?");
    else
        snprintf(eta, sizeof eta, "%.0fs", elapsed_s);
    snprintf(line, n, "%sfitting the little module [%s] %3.0f%% %ld/%ld %ss %.0f/s %s", label, bar, 100 * frac, done,
             total, item, elapsed_s > 0 ? (double)done / elapsed_s : 0.0, eta);
}

typedef struct fit_prog {
    dm_cmd_ctx *c;
    const char *item;
    int drawn;
} fit_prog;

static void cmd_fit_progress(long done, long total, double elapsed_s, void *ud)
{
    fit_prog *p = ud;
    FILE *f = p->c->io->msg;
    if (!p->c->io->progress || p->c->io->quiet || !f)
        return;
    char line[256];
    fit_line(line, sizeof line, "", done, total, elapsed_s, p->item);
    fprintf(f, "\r\033[K%s", line);
    fflush(f);
    p->drawn = 1;
}

int dm_cmd_fitdata(dm_cmd_ctx *c, const dm_fitdata **fd)
{
    if (dm_session_fit_prepare(c->s, &c->err)) /* a held-out head of the text: a short text refused */
        return -1;
    char note[1400];
    if (dm_session_notice(c->s, note, sizeof note)) /* and what is held out said, before the fit */
        info(c, "%s", note);
    const dm_net *n = dm_session_net(c->s);
    fit_prog p = {c, n ? (n->fam->fit_item ? n->fam->fit_item : n->fam->item) : "item", 0};
    dm_fit_progress fp = {cmd_fit_progress, &p, c->io->cancel};
    int rc = dm_session_fitdata_progress(c->s, fd, &fp, &c->err);
    if (p.drawn) {
        fprintf(c->io->msg, "\r\033[K");
        fflush(c->io->msg);
    }
    return rc ? -1 : 0;
}

void dm_cmd_progress(const dm_snapshot *sn, void *ud)
{
    dm_prog_ctx *p = ud;
    FILE *f = p->c->io->msg;
    if (!p->c->io->progress || p->c->io->quiet || !f)
        return;
    char line[256];
    if (sn->state == DM_RUN_PREPARING && sn->fitting && sn->total > 0) {
        fit_line(line, sizeof line, p->label, sn->done, sn->total, sn->elapsed_s, sn->fit_item);
    } else if (sn->state == DM_RUN_EVAL && sn->total > 0) {
        int w = 24, fill = (int)((double)w * (double)sn->done / (double)sn->total);
        char bar[32];
        for (int i = 0; i < w; i++)
            bar[i] = i < fill ? '#' : '.';
        bar[w] = '\0';
        const dm_metric_def *md = dm_metric_find(sn->metric); /* units and key of the run's metric */
        snprintf(line, sizeof line, "%s[%s] %3.0f%% %ld/%ld %s %.0f %s ETA %.0fs  %s %.2f (%+.2f%%)", p->label,
                 bar, 100.0 * (double)sn->done / (double)sn->total, sn->done, sn->total, md ? md->abbr : "items",
                 isnan(sn->items_per_s) ? 0.0 : sn->items_per_s, md ? md->rate : "items/s",
                 isnan(sn->eta_s) ? 0.0 : sn->eta_s, md ? md->key : sn->metric, sn->value, sn->delta_pct);
    } else if (sn->state == DM_RUN_PREPARING || sn->state == DM_RUN_SPEED) {
        snprintf(line, sizeof line, "%s%s...", p->label, sn->phase);
    } else {
        if (p->drawn)
            fprintf(f, "\r\033[K");
        fflush(f);
        p->drawn = 0;
        return;
    }
    fprintf(f, "\r\033[K%s", line);
    fflush(f);
    p->drawn = 1;
}

enum { RC_ID, RC_MODEL, RC_SPLIT, RC_TOKENS, RC_RATIO, RC_ACH, RC_BITS, RC_K, RC_MODE, RC_METRIC, RC_VALUE,
       RC_SE, RC_DENSE, RC_DELTA, RC_DPCT, RC_KLD, RC_TOP1, RC_SPEEDUP, RC_SPMIN, RC_SPMAX, RC_SPE2E, RC_BYTES,
       RC_SECONDS, RC_STATUS, RC_SITES, RC_N };

static void run_table(dm_table *t)
{
    static const char *names[RC_N] = {"id", "model", "split", "tokens", "ratio", "ratio_achieved", "bits", "k",
                                      "mode", "metric", "value", "value_se", "dense_value", "delta", "delta_pct",
                                      "kld", "top1_agree", "speedup", "speedup_min", "speedup_max",
                                      "speedup_e2e", "bytes_ratio", "seconds", "status", "site_knobs"};
    for (int i = 0; i < RC_N; i++)
        dm_table_col(t, names[i], !(i == RC_MODEL || i == RC_SPLIT || i == RC_MODE || i == RC_METRIC ||
                                    i == RC_STATUS || i == RC_SITES));
    dm_table_head(t, RC_DENSE, "dense");
    dm_table_head(t, RC_ACH, "achieved");
}

/* Full precision for programs; for humans prec digits after the point (a negative prec also prints the sign). */
static void fmt_real(dm_table *t, int col, double v, int prec)
{
    dm_table_setnum(t, col, v, prec);
}

static void run_row(dm_table *t, const dm_run *r, const char *status)
{
    dm_table_row(t);
    if (r->id > 0)
        dm_table_setf(t, RC_ID, "%lld", (long long)r->id);
    dm_table_set(t, RC_MODEL, r->model);
    dm_table_set(t, RC_SPLIT, r->split);
    dm_table_setf(t, RC_TOKENS, "%ld", r->tokens);
    dm_table_setf(t, RC_RATIO, "%g", r->ratio);
    fmt_real(t, RC_ACH, r->ratio_achieved, 4);
    dm_table_setf(t, RC_BITS, "%d", r->bits); /* 0: FP32 little weights (shown so) */
    if (!r->bits)
        dm_table_set2(t, RC_BITS, "0", "fp32");
    dm_table_setf(t, RC_K, "%d", r->k);
    dm_table_set(t, RC_MODE, r->mode);
    dm_table_set(t, RC_METRIC, r->metric[0] ? r->metric : NULL);
    if (r->metric[0]) {
        fmt_real(t, RC_VALUE, r->value, 4);
        fmt_real(t, RC_SE, r->value_se, 4);
        fmt_real(t, RC_DENSE, r->dense_value, 4);
        fmt_real(t, RC_DELTA, r->delta, -4);
        fmt_real(t, RC_DPCT, r->delta_pct, -3);
        fmt_real(t, RC_KLD, r->kld, 6);
        fmt_real(t, RC_TOP1, r->top1_agree, 5);
        fmt_real(t, RC_SPEEDUP, r->speedup, 3);
        fmt_real(t, RC_SPMIN, r->speedup_min, 3);
        fmt_real(t, RC_SPMAX, r->speedup_max, 3);
        fmt_real(t, RC_SPE2E, r->speedup_e2e, 3);
        fmt_real(t, RC_BYTES, r->bytes_ratio, 4);
        fmt_real(t, RC_SECONDS, r->seconds, 2);
    }
    dm_table_set(t, RC_STATUS, status ? status : r->status);
    dm_table_set(t, RC_SITES, r->site_knobs[0] ? r->site_knobs : NULL);
}

/* Run the current settings synchronously; fills *r. 0 done, 1 cancelled, -1 error. */
static int run_once(dm_cmd_ctx *c, dm_run *r, const char *label)
{
    dm_prog_ctx p = {c, label, 0};
    int rc = dm_session_run(c->s, dm_cmd_progress, &p, c->io->cancel, r, &c->err);
    dm_cmd_progress_end(&p);
    return rc;
}

/* The fit-data settings before a run: fit the little module on what they
 * name (a no-op when the fit is current). Inside the TUI only when they
 * differ from the defaults (the worker fits those by itself, in the
 * background). */
static int fit_first(dm_cmd_ctx *c)
{
    const dm_settings *s = dm_session_settings(c->s);
    if (dm_cmd_check_lambda(c, "run"))
        return -1;
    if (dm_session_dual_file(c->s)[0]) /* a dual file: nothing to fit */
        return 0;
    dm_settings def;
    dm_settings_default(&def);
    if (c->io->tui_cmd && !s->fit_data[0] && s->fit_tokens == def.fit_tokens && s->calib_tokens == def.calib_tokens)
        return 0;
    const dm_fitdata *fd;
    return dm_cmd_fitdata(c, &fd);
}

int dm_cmd_run_once(dm_cmd_ctx *c, dm_run *r, const char *label) { return run_once(c, r, label); }
int dm_cmd_fit_first(dm_cmd_ctx *c) { return fit_first(c); }
void dm_cmd_run_table(dm_table *t) { run_table(t); }
void dm_cmd_run_row(dm_table *t, const dm_run *r, const char *status) { run_row(t, r, status); }
dm_store *dm_cmd_store(dm_cmd_ctx *c) { return store(c); }

int dm_cmd_values(dm_cmd_ctx *c, const char *what, const char *spec, double *out, int max)
{
    int n = 0;
    if (strchr(spec, ':')) {
        double a, b, st;
        char extra;
        if (sscanf(spec, "%lf:%lf:%lf%c", &a, &b, &st, &extra) != 3 || !isfinite(a) || !isfinite(b) ||
            !isfinite(st) || !(st > 0) || b < a)
            return fail(c, "%s '%s': expected FROM:TO:STEP, finite numbers with STEP > 0 and FROM <= TO "
                           "(e.g. 0.1:0.9:0.2)", what, spec);
        for (int i = 0;; i++) {
            double v = a + i * st;
            if (v > b + 1e-9 * (fabs(b) + 1))
                break;
            if (n == max)
                return fail(c, "%s: more than %d values", what, max);
            out[n++] = fabs(v) < 1e-12 ? 0.0 : v;
        }
        return n;
    }
    return dm_cmd_parse_list(c, spec, out, max, what);
}

int dm_cmd_ensure_tuned(dm_cmd_ctx *c);

static int c_run(dm_cmd_ctx *c, int argc, char **argv, const char *const *raw)
{
    (void)raw;
    if (!dm_session_loaded(c->s))
        return fail(c, "no model loaded: 'load MODEL' first (e.g. load kjv-lstm)");
    int detail = 0;
    if (argc) {
        if (strcmp(argv[0], "detail"))
            return fail(c, "'%s': expected nothing or 'detail' (the full report: per-layer and per-gate ratios, "
                           "audit figures, fit error, bytes)", argv[0]);
        detail = 1;
    }
    /* a store that cannot be used is said before the fit and the kernel tuning, not after them (as the
     * session's run does before its evaluation); 'run detail' (and the classic eval) still evaluates and
     * prints its figures, then says the run was not saved */
    if (!detail && dm_session_settings(c->s)->store && !dm_session_store(c->s, &c->err)) {
        dm_err_prefix(&c->err, "run not saved");
        return -1;
    }
    dm_cmd_note_ignored(c);
    if (fit_first(c) || dm_cmd_ensure_tuned(c))
        return -1;
    if (c->io->tui_cmd && !detail) { /* inside the TUI: the worker runs it, the live panel shows it */
        return dm_session_start(c->s, &c->err);
    }
    if (detail)
        return dm_cmd_run_detail(c);
    dm_run *r = calloc(1, sizeof *r);
    if (!r)
        return fail(c, "out of memory");
    int rc = run_once(c, r, "");
    if (rc < 0) {
        free(r);
        return -1;
    }
    dm_table t;
    dm_table_init(&t, NULL);
    t.vertical = 1;
    t.record = 1; /* one run: a JSON object */
    run_table(&t);
    run_row(&t, r, NULL);
    emit(c, &t);
    dm_table_free(&t);
    if (rc == 1)
        if (r->id > 0)
            info(c, "run %lld cancelled: stored with status 'cancelled', partial figures", (long long)r->id);
        else
            info(c, "run cancelled before the evaluation started: not stored");
    else if (r->id > 0 && c->fmt == DM_FMT_TABLE)
        info(c, "saved as run %lld", (long long)r->id);
    free(r);
    return rc == 1 ? fail(c, "interrupted") : 0;
}

static int c_translate(dm_cmd_ctx *c, int argc, char **argv, const char *const *raw)
{
    (void)raw;
    size_t len = 1;
    for (int i = 0; i < argc; i++)
        len += strlen(argv[i]) + 1;
    char *text = malloc(len), *out = malloc(1 << 16);
    if (!text || !out) {
        free(text), free(out);
        return fail(c, "out of memory");
    }
    text[0] = 0;
    for (int i = 0; i < argc; i++) {
        if (i)
            strcat(text, " ");
        strcat(text, argv[i]);
    }
    int dual = 0, rc = 0;
    if (argc == 1 && strcmp(argv[0], "-") == 0) { /* one sentence a line from stdin */
        if (c->io->tui_cmd) {
            free(text), free(out);
            return fail(c, "translate -: reading stdin is for scripts; give the sentence");
        }
        char *line = NULL;
        size_t lcap = 0;
        ssize_t ll;
        while (!rc && !cancelled(c) && (ll = getline(&line, &lcap, stdin)) >= 0) {
            while (ll > 0 && (line[ll - 1] == '\n' || line[ll - 1] == '\r'))
                line[--ll] = 0;
            rc = dm_session_translate(c->s, line, out, 1 << 16, &dual, &c->err);
            if (!rc)
                fprintf(c->io->out, "%s\n", out);
        }
        free(line), free(text), free(out);
        fflush(c->io->out);
        return rc;
    }
    rc = dm_session_translate(c->s, text, out, 1 << 16, &dual, &c->err);
    if (!rc) {
        if (c->fmt == DM_FMT_JSON || c->fmt == DM_FMT_JSONL) {
            const dm_settings *s = dm_session_settings(c->s);
            json_t *j = json_pack("{s:s, s:s, s:b, s:i, s:f}", "source", text, "translation", out, "dual", dual,
                                  "beam", s->beam, "ratio", dual ? s->ratio : 0.0);
            dm_json_print(j, c->fmt, c->io->out);
            json_decref(j);
        } else {
            fprintf(c->io->out, "%s\n", out);
        }
        fflush(c->io->out);
    }
    free(text), free(out);
    return rc;
}

static int c_stop(dm_cmd_ctx *c, int argc, char **argv, const char *const *raw)
{
    (void)argc, (void)argv, (void)raw;
    if (!dm_session_busy(c->s)) {
        info(c, "nothing is running");
        return 0;
    }
    dm_session_stop(c->s); /* the user's stop: a first fit in progress too */
    dm_session_wait(c->s);
    info(c, "stopped");
    return 0;
}

#define SWEEP_MAX_DIMS 8
#define SWEEP_MAX_VALS 256

typedef struct sweep_dim {
    const dm_setting_def *def;
    char name[96];              /* def->name, or a per-site knob such as ratio.l1 */
    int n;
    char vals[SWEEP_MAX_VALS][48];
} sweep_dim;

/* "a:b:step" (inclusive), "x,y,z" or one value. */
static int sweep_values(dm_cmd_ctx *c, sweep_dim *d, const char *spec)
{
    d->n = 0;
    if (strchr(spec, ':')) {
        double a, b, st;
        char extra;
        if (sscanf(spec, "%lf:%lf:%lf%c", &a, &b, &st, &extra) != 3 || !isfinite(a) || !isfinite(b) ||
            !isfinite(st) || !(st > 0) || b < a)
            return fail(c, "sweep %s '%s': expected FROM:TO:STEP, finite numbers with STEP > 0 and FROM <= TO "
                           "(e.g. 0.1:0.9:0.2)",
                        d->name, spec);
        for (int i = 0;; i++) {
            double v = a + i * st;
            if (v > b + 1e-9 * (fabs(b) + 1))
                break;
            if (d->n == SWEEP_MAX_VALS)
                return fail(c, "sweep %s: more than %d values", d->name, SWEEP_MAX_VALS);
            snprintf(d->vals[d->n++], 48, "%.10g", fabs(v) < 1e-12 ? 0.0 : v);
        }
        return 0;
    }
    const char *p = spec;
    while (*p) {
        size_t l = strcspn(p, ",");
        if (l == 0 || l >= 48)
            return fail(c, "sweep %s '%s': empty or overlong value in the list", d->name, spec);
        if (d->n == SWEEP_MAX_VALS)
            return fail(c, "sweep %s: more than %d values", d->name, SWEEP_MAX_VALS);
        snprintf(d->vals[d->n++], 48, "%.*s", (int)l, p);
        p += l;
        if (*p == ',')
            p++;
    }
    return 0;
}

static const char *ordinal(int n)
{
    return n % 100 >= 11 && n % 100 <= 13 ? "th" : n % 10 == 1 ? "st" : n % 10 == 2 ? "nd" : n % 10 == 3 ? "rd" : "th";
}

static int c_sweep(dm_cmd_ctx *c, int argc, char **argv, const char *const *raw)
{
    (void)raw;
    if (!dm_session_loaded(c->s))
        return fail(c, "no model loaded: 'load MODEL' first (e.g. load kjv-lstm)");
    static sweep_dim dims[SWEEP_MAX_DIMS];
    int nd = 0, force = 0;
    for (int i = 0; i < argc; i++) {
        if (strcmp(argv[i], "--force") == 0 || strcmp(argv[i], "force") == 0) {
            force = 1;
            continue;
        }
        const dm_setting_def *d = dm_setting_find(argv[i]);
        const char *site;
        int kid = d ? -1 : knob_split(argv[i], &site);
        if (kid >= 0 && *site && strlen(argv[i]) < sizeof dims[0].name) {
            d = &dm_settings_table[kid]; /* a per-site knob: ratio.l1, bits.layer4.*, k.dec.l0 */
        } else if (!d) {
            dm_settings tmp = *dm_session_settings(c->s);
            dm_settings_set(&tmp, argv[i], "x", &c->err);
            return -1;
        }
        const char *dname = kid >= 0 ? argv[i] : d->name;
        if (d->id == DM_S_MODEL || d->id == DM_S_ON_ERROR || d->id == DM_S_FORMAT || d->id == DM_S_STORE ||
            d->id == DM_S_SHARD)
            return fail(c, "sweep: '%s' cannot be swept (sweep knobs such as ratio, bits, k, eps, mode)", d->name);
        if (i + 1 >= argc)
            return fail(c, "sweep %s: values are needed (e.g. %s 0.1:0.9:0.2 or %s 8,4)", dname, dname, dname);
        if (nd == SWEEP_MAX_DIMS)
            return fail(c, "sweep: at most %d settings", SWEEP_MAX_DIMS);
        for (int j = 0; j < nd; j++)
            if (strcmp(dims[j].name, dname) == 0)
                return fail(c, "sweep: '%s' given twice", dname);
        dims[nd].def = d;
        snprintf(dims[nd].name, sizeof dims[nd].name, "%s", dname);
        if (sweep_values(c, &dims[nd], argv[i + 1]))
            return -1;
        /* every value must be valid before anything runs (a per-site knob: for this model's sites) */
        for (int v = 0; v < dims[nd].n; v++) {
            dm_settings tmp = *dm_session_settings(c->s);
            if (dm_settings_set(&tmp, dname, dims[nd].vals[v], &c->err))
                return -1;
            if (kid >= 0 && dm_session_net(c->s)) {
                dm_dual_cfg cfg;
                dm_dual_cfg_default(&cfg);
                if (dm_settings_apply_sites(&tmp, dm_session_net(c->s)->site, dm_session_net(c->s)->nsites, &cfg,
                                            &c->err))
                    return -1;
            }
        }
        nd++;
        i++;
    }
    if (nd == 0)
        return fail(c, "sweep: nothing to sweep (e.g. sweep ratio 0.1:0.9:0.2 bits 8,4)");
    /* instant knobs innermost (a ratio or mode change needs no refit) */
    for (int i = 0, j = 0; i < nd; i++)
        if (dims[i].def->id != DM_S_RATIO && dims[i].def->id != DM_S_MODE) {
            sweep_dim t = dims[i];
            memmove(&dims[j + 1], &dims[j], sizeof dims[0] * (size_t)(i - j));
            dims[j++] = t;
        }
    long total = 1;
    for (int i = 0; i < nd; i++)
        total *= dims[i].n;
    if (total > 100000)
        return fail(c, "sweep: %ld configurations is too many (at most 100000)", total);
    dm_settings saved = *dm_session_settings(c->s);
    /* --shard I/N: only this shard's configurations (dm_shard_mine) */
    long mine = dm_shard_count(&saved, total);
    dm_table t;
    dm_table_init(&t, NULL);
    run_table(&t);
    int idx[SWEEP_MAX_DIMS] = {0};
    int rc = 0;
    long done = 0, skipped = 0, ran = 0;
    dm_run *r = calloc(1, sizeof *r);
    if (!r)
        return fail(c, "out of memory");
    int stream = c->fmt == DM_FMT_CSV; /* CSV rows are printed as they come */
    if (stream)
        dm_table_csv_row(&t, -1, c->io->out);
    dm_session_store_unique(c->s, !force); /* a concurrent identical sweep stores each configuration once */
    for (long n = 0; n < total && rc == 0; n++) {
        if (!dm_shard_mine(&saved, n))
            continue;
        for (long i = nd - 1, q = n; i >= 0; i--) { /* configuration n: the last setting varies fastest */
            idx[i] = (int)(q % dims[i].n);
            q /= dims[i].n;
        }
        for (int i = 0; i < nd; i++)
            if (dm_session_set(c->s, dims[i].name, dims[i].vals[idx[i]], 0, &c->err)) {
                rc = -1;
                break;
            }
        if (rc || fit_first(c)) { /* the fit settings may be swept too */
            rc = -1;
            break;
        }
        char label[96];
        snprintf(label, sizeof label, "[%ld/%ld] ", done + 1, mine);
        int64_t same = 0;
        int found = force ? 0 : dm_session_find_same(c->s, &same, &c->err);
        if (found < 0) {
            rc = -1;
            break;
        }
        memset(r, 0, sizeof *r);
        if (found == 1) {
            /* already stored: show the stored row */
            if (dm_store_get(store(c), same, r, &c->err)) {
                rc = -1;
                break;
            }
            run_row(&t, r, "stored");
            skipped++;
        } else {
            int x = run_once(c, r, label);
            if (x < 0) {
                rc = -1;
                break;
            }
            run_row(&t, r, NULL);
            ran++;
            if (x == 1) {
                rc = fail(c, "sweep interrupted after %ld of %ld configurations (run it again to resume: the "
                             "completed ones are skipped)",
                          done, mine);
            }
        }
        done++;
        if (stream) {
            dm_table_csv_row(&t, t.nrow - 1, c->io->out);
        } else if (c->io->progress && !c->io->quiet && c->io->msg) {
            const char *v = dm_table_get(&t, t.nrow - 1, RC_DPCT), *sp = dm_table_get(&t, t.nrow - 1, RC_SPEEDUP);
            fprintf(c->io->msg, "%s", label);
            for (int i = 0; i < nd; i++)
                fprintf(c->io->msg, "%s %s  ", dims[i].name, dims[i].vals[idx[i]]);
            fprintf(c->io->msg, "-> %s%% %sx %s\n", v ? v : "-", sp ? sp : "-", found == 1 ? "(stored)" : "");
        }
    }
    free(r);
    dm_session_store_unique(c->s, 0);
    /* back to the settings before the sweep */
    dm_err e2;
    int knob_dims = 0;
    for (int i = 0; i < nd; i++) {
        if (strcmp(dims[i].name, dims[i].def->name) != 0) {
            knob_dims = 1; /* a per-site knob: the saved list is put back whole below */
            continue;
        }
        char v[1100];
        dm_settings_get(&saved, dims[i].def->id, v, sizeof v);
        dm_session_set(c->s, dims[i].name, v, 0, &e2);
    }
    if (knob_dims)
        dm_session_set_knobs(c->s, &saved, 0, &e2);
    if (!stream)
        emit(c, &t);
    dm_table_free(&t);
    if (saved.shard_n > 1)
        info(c, "sweep: shard %d/%d: %ld of %ld configurations (every %d%s from the %d%s); %ld run, %ld already "
                "stored (skipped%s)",
             saved.shard_i, saved.shard_n, mine, total, saved.shard_n, ordinal(saved.shard_n), saved.shard_i,
             ordinal(saved.shard_i), ran, skipped, force ? "" : "; --force runs them again");
    else
        info(c, "sweep: %ld configuration%s run, %ld already stored (skipped%s)", ran, ran == 1 ? "" : "s", skipped,
             force ? "" : "; --force runs them again");
    return rc;
}

/* ---- kernel tuning (tune.h) ---- */

static const dm_kernels *settings_kernels(const dm_settings *st)
{
    static const dm_kvariant kv[] = {DM_KV_REF, DM_KV_REF, DM_KV_AVX2, DM_KV_AVX512};
    if (st->kernels > 0 && st->kernels < 4 && dm_kernels_get(kv[st->kernels]))
        return dm_kernels_get(kv[st->kernels]);
    return dm_kernels_best();
}

static void tune_progress(void *ud, const char *stage, int done, int total)
{
    dm_cmd_ctx *c = ud;
    FILE *f = c->io->msg;
    if (!f || c->io->quiet)
        return;
    if (c->io->progress)
        fprintf(f, "\r\033[Ktuning the kernels for this CPU: %s %d/%d", stage, done, total);
    if (done >= total)
        fprintf(f, c->io->progress ? "\r\033[K" : "tuning the kernels for this CPU: done\n");
    fflush(f);
}

/* The cached tuned parameters of this CPU for the current kernels and
 * threads, or (first use) measured now with a progress line. */
int dm_cmd_ensure_tuned(dm_cmd_ctx *c)
{
    const dm_settings *st = dm_session_settings(c->s);
    int tuned = 0;
    dm_tune_result r;
    if (dm_tune_ensure(settings_kernels(st), st->threads, tune_progress, c, &r, &tuned, &c->err))
        return -1;
    if (tuned)
        info(c, "kernels tuned for this CPU (%s) in %.1f s: %s; cached", r.cpu, r.seconds, dm_tune_provenance());
    return 0;
}

static int c_tune(dm_cmd_ctx *c, int argc, char **argv, const char *const *raw)
{
    (void)raw;
    /* tune CONSTRAINT maximize OBJECTIVE: the configuration tuner (cmd_tune.c); tune [kernels]: the kernels */
    if (argc > 1 || (argc == 1 && strcmp(argv[0], "kernels") != 0))
        return dm_cmd_tune(c, argc, argv);
    const dm_settings *st = dm_session_settings(c->s);
    const dm_kernels *k = settings_kernels(st);
    if (strcmp(k->name, "ref") == 0)
        return fail(c, "tune: the ref kernels have no parameters ('set kernels auto', avx2 or avx512)");
    dm_tune_result *r = malloc(sizeof *r);
    if (!r)
        return fail(c, "out of memory");
    char path[4096];
    int rc = -1;
    if (dm_tune_cache_path(path, sizeof path, &c->err) ||
        dm_tune_run(k, st->threads, tune_progress, c, r, &c->err) || dm_tune_save(path, r, &c->err))
        goto out;
    dm_table t;
    dm_table_init(&t, NULL);
    const char *cols[] = {"stage", "candidate", "ms", "GB/s"};
    for (int i = 0; i < 4; i++)
        dm_table_col(&t, cols[i], i >= 2);
    for (int i = 0; i < r->ncand; i++) {
        dm_table_row(&t);
        dm_table_set(&t, 0, r->cand[i].stage);
        dm_table_set(&t, 1, r->cand[i].value);
        dm_table_setf(&t, 2, "%.4f", r->cand[i].ms);
        dm_table_setf(&t, 3, "%.2f", r->cand[i].gbs);
    }
    emit(c, &t);
    dm_table_free(&t);
    info(c, "cpu %s (%s), %s kernels, %d thread%s: %s", r->cpu, r->model, r->kernels, r->threads,
         r->threads > 1 ? "s" : "", dm_tune_provenance());
    info(c, "dense baseline: %s (OpenBLAS %.4f ms, own %.4f ms for %.0f MB); measured in %.1f s; cached in %s",
         dm_dense_name(), r->blas_ms, r->own_ms, r->dense_bytes / 1e6, r->seconds, path);
    rc = 0;
out:
    free(r);
    return rc;
}

/* ---- the store: runs, show, diff, pareto, best, export, import, sql, note, delete ---- */

static int c_runs(dm_cmd_ctx *c, int argc, char **argv, const char *const *raw)
{
    (void)argv;
    dm_table t;
    if (dm_session_runs(c->s, argc ? raw[0] : "", &t, &c->err)) {
        dm_table_free(&t);
        return -1;
    }
    emit(c, &t);
    dm_table_free(&t);
    return 0;
}

/* run_record's per-site fields: pass 0 adds the column, pass 1 its value. */
/* A bits cell of a stored run: the integer for programs (0 = FP32); to humans "fp32", and bits that cost a
 * larger container's bytes say so, as little and run detail do: "6 (stored in 8-bit containers)". */
static void set_bits_cell(dm_table *t, int col, const char *v)
{
    char *end;
    long b = v ? strtol(v, &end, 10) : -1;
    if (!v || end == v || *end || b < 0 || b > 16) {
        dm_table_set(t, col, v);
    } else if (b == 0) {
        dm_table_set2(t, col, v, "fp32");
    } else if (dm_bits_container((int)b) != (int)b) {
        char text[64];
        snprintf(text, sizeof text, "%ld (stored in %d-bit containers)", b, dm_bits_container((int)b));
        dm_table_set2(t, col, v, text);
    } else {
        dm_table_set(t, col, v);
    }
}

static void site_field(dm_table *u, int pass, int *col, const char *name, const char *val)
{
    if (pass)
        dm_table_set(u, (*col)++, val);
    else
        dm_table_col(u, name, 1);
}

static int run_record(dm_cmd_ctx *c, int64_t id, dm_table *t)
{
    char sql[2048];
    snprintf(sql, sizeof sql,
             "SELECT r.id, m.name AS model, m.arch, m.layers, m.hidden, m.hash AS model_hash, m.path AS model_path, "
             "r.split, r.split_hash, r.tokens, r.ratio, r.ratio_achieved, r.bits, r.k, r.eps, r.seed, r.mode, "
             "r.policy, r.proj, r.path, r.threads, r.kernels, r.audit, r.metric, r.value, r.value_se, "
             "r.dense_value, r.delta, r.delta_pct, r.kld, r.top1_agree, r.bytes_ratio, r.little_bytes, "
             "r.fit_rel_mse, r.speedup, r.speedup_min, r.speedup_max, r.speedup_e2e, r.seconds, r.status, "
             "r.partial, r.note, r.site_knobs, r.tag, r.git_rev, r.build_flags, r.cpu, r.version, r.created "
             "FROM runs r JOIN models m ON m.id = r.model_id WHERE r.id = %lld",
             (long long)id);
    dm_table_init(t, NULL);
    if (dm_session_query(c->s, sql, t, &c->err))
        return -1;
    if (t->nrow == 0)
        return fail(c, "no run %lld in %s ('runs' lists them)", (long long)id,
                    dm_store_path(dm_session_store(c->s, &c->err)));
    /* text whatever it looks like (a hash of digits, a note "12"): the query guessed from one row */
    static const char *const text_cols[] = {"model", "arch", "model_hash", "model_path", "split", "split_hash",
                                            "mode", "policy", "proj", "path", "kernels", "metric", "status", "note",
                                            "site_knobs", "tag", "git_rev", "build_flags", "cpu", "version", "created"};
    for (size_t i = 0; i < sizeof text_cols / sizeof text_cols[0]; i++) {
        int col = dm_table_find_col(t, text_cols[i]);
        if (col >= 0)
            t->numeric[col] = 0;
    }
    /* per-site figures (and each site's groups) as more fields */
    snprintf(sql, sizeof sql,
             "SELECT site_index, ratio_achieved, fit_rel_mse, recall, site, ratio, bits, k FROM run_sites "
             "WHERE run_id = %lld "
             "ORDER BY site_index",
             (long long)id);
    dm_table L, G;
    dm_table_init(&L, NULL);
    dm_table_init(&G, NULL);
    if (dm_session_query(c->s, sql, &L, &c->err)) {
        dm_table_free(&L);
        return -1;
    }
    snprintf(sql, sizeof sql,
             "SELECT site_index, grp, ratio_achieved FROM run_groups WHERE run_id = %lld "
             "ORDER BY site_index, grp_index",
             (long long)id);
    if (dm_session_query(c->s, sql, &G, &c->err)) {
        dm_table_free(&L);
        dm_table_free(&G);
        return -1;
    }
    /* rebuild t with the site columns appended: layerN.ratio, layerN.<group>..., fit_rel_mse, recall */
    dm_table u;
    dm_table_init(&u, NULL);
    for (int i = 0; i < t->ncol; i++)
        dm_table_col(&u, t->cols[i], t->numeric[i]);
    int bits_col = dm_table_find_col(t, "bits");
    char name[96];
    for (int pass = 0; pass < 2; pass++) {
        int col = t->ncol;
        if (pass) {
            dm_table_row(&u);
            for (int i = 0; i < t->ncol; i++)
                dm_table_set(&u, i, dm_table_get(t, 0, i));
            if (bits_col >= 0)
                set_bits_cell(&u, bits_col, dm_table_get(t, 0, bits_col)); /* 0: FP32 little weights */
        }
        for (int l = 0; l < L.nrow; l++) {
            const char *si = dm_table_get(&L, l, 0);
            snprintf(name, sizeof name, "layer%d.site", l);
            site_field(&u, pass, &col, name, dm_table_get(&L, l, 4));
            snprintf(name, sizeof name, "layer%d.requested", l);
            site_field(&u, pass, &col, name, dm_table_get(&L, l, 5));
            snprintf(name, sizeof name, "layer%d.ratio", l);
            site_field(&u, pass, &col, name, dm_table_get(&L, l, 1));
            snprintf(name, sizeof name, "layer%d.bits", l);
            site_field(&u, pass, &col, name, dm_table_get(&L, l, 6));
            if (pass)
                set_bits_cell(&u, col - 1, dm_table_get(&L, l, 6));
            snprintf(name, sizeof name, "layer%d.k", l);
            site_field(&u, pass, &col, name, dm_table_get(&L, l, 7));
            for (int g = 0; g < G.nrow; g++) {
                const char *gs = dm_table_get(&G, g, 0), *gn = dm_table_get(&G, g, 1);
                if (!si || !gs || strcmp(si, gs) != 0)
                    continue;
                snprintf(name, sizeof name, "layer%d.%.40s", l, gn ? gn : "?");
                site_field(&u, pass, &col, name, dm_table_get(&G, g, 2));
            }
            snprintf(name, sizeof name, "layer%d.fit_rel_mse", l);
            site_field(&u, pass, &col, name, dm_table_get(&L, l, 2));
            snprintf(name, sizeof name, "layer%d.recall", l);
            site_field(&u, pass, &col, name, dm_table_get(&L, l, 3));
        }
    }
    dm_table_free(&G);
    dm_table_free(&L);
    dm_table_free(t);
    *t = u;
    t->vertical = 1;
    t->record = 1;
    return 0;
}

/* show ID [ID ...]: one record is an object in JSON, several an array (each
 * with its own fields: runs of different models have different sites); the
 * other formats list the records under the union of their fields. */
static int c_show(dm_cmd_ctx *c, int argc, char **argv, const char *const *raw)
{
    (void)raw;
    int64_t id;
    if (argc == 1) {
        if (parse_id(c, argv[0], &id))
            return -1;
        dm_table t;
        if (run_record(c, id, &t)) {
            dm_table_free(&t);
            return -1;
        }
        emit(c, &t);
        dm_table_free(&t);
        return 0;
    }
    dm_table *rec = calloc((size_t)argc, sizeof *rec);
    if (!rec)
        return fail(c, "out of memory");
    int n = 0, rc = 0;
    for (; n < argc; n++)
        if (parse_id(c, argv[n], &id) || run_record(c, id, &rec[n])) {
            dm_table_free(&rec[n]);
            rc = -1;
            break;
        }
    if (rc == 0 && (c->fmt == DM_FMT_JSON || c->fmt == DM_FMT_JSONL)) {
        json_t *arr = json_array();
        for (int i = 0; i < n; i++)
            json_array_append_new(arr, dm_table_row_json(&rec[i], 0));
        dm_json_print(arr, c->fmt, c->io->out);
        json_decref(arr);
    } else if (rc == 0) {
        dm_table u;
        dm_table_init(&u, NULL);
        for (int i = 0; i < n; i++)
            for (int k = 0; k < rec[i].ncol; k++)
                if (dm_table_find_col(&u, rec[i].cols[k]) < 0)
                    dm_table_col(&u, rec[i].cols[k], rec[i].numeric[k]);
        for (int i = 0; i < n; i++) {
            dm_table_row(&u);
            for (int k = 0; k < rec[i].ncol; k++) {
                const char *v = dm_table_get(&rec[i], 0, k);
                int col = dm_table_find_col(&u, rec[i].cols[k]);
                size_t cl = strlen(rec[i].cols[k]);
                if (v && (strcmp(rec[i].cols[k], "bits") == 0 ||
                          (cl > 5 && strcmp(rec[i].cols[k] + cl - 5, ".bits") == 0))) /* layerN.bits */
                    set_bits_cell(&u, col, v);
                else
                    dm_table_set(&u, col, v);
            }
        }
        u.vertical = 1;
        emit(c, &u);
        dm_table_free(&u);
    }
    for (int i = 0; i < n; i++)
        dm_table_free(&rec[i]);
    free(rec);
    return rc;
}

/* diff A B: one row per field that differs; JSON types each value as its field (numbers as numbers), a field
 * one run lacks is null (CSV: empty, the table: "(none)"). */
static int c_diff(dm_cmd_ctx *c, int argc, char **argv, const char *const *raw)
{
    (void)argc, (void)raw;
    int64_t a, b;
    if (parse_id(c, argv[0], &a) || parse_id(c, argv[1], &b))
        return -1;
    dm_table ta, tb;
    dm_table_init(&tb, NULL);
    if (run_record(c, a, &ta) || run_record(c, b, &tb)) {
        dm_table_free(&ta);
        dm_table_free(&tb);
        return -1;
    }
    int machine = c->fmt == DM_FMT_JSON || c->fmt == DM_FMT_JSONL || c->fmt == DM_FMT_CSV;
    const char *none = machine ? NULL : "(none)";
    dm_table t;
    dm_table_init(&t, NULL);
    char ha[32], hb[32];
    snprintf(ha, sizeof ha, "run %lld", (long long)a);
    snprintf(hb, sizeof hb, "run %lld", (long long)b);
    dm_table_col(&t, "field", 0);
    dm_table_col(&t, ha, 0);
    dm_table_col(&t, hb, 0);
    /* per row: is each side's field numeric */
    unsigned char *na = calloc((size_t)(ta.ncol + tb.ncol + 1), 1), *nb = calloc((size_t)(ta.ncol + tb.ncol + 1), 1);
    if (!na || !nb) {
        free(na), free(nb);
        dm_table_free(&t), dm_table_free(&ta), dm_table_free(&tb);
        return fail(c, "out of memory");
    }
    int same = 0;
    for (int i = 0; i < ta.ncol; i++) {
        if (strcmp(ta.cols[i], "id") == 0)
            continue;
        int j = dm_table_find_col(&tb, ta.cols[i]);
        const char *va = dm_table_get(&ta, 0, i), *vb = j >= 0 ? dm_table_get(&tb, 0, j) : NULL;
        if ((va == NULL) == (vb == NULL) && (!va || strcmp(va, vb) == 0)) {
            same++;
            continue;
        }
        dm_table_row(&t);
        na[t.nrow - 1] = ta.numeric[i];
        nb[t.nrow - 1] = j >= 0 ? tb.numeric[j] : 0;
        dm_table_set(&t, 0, ta.cols[i]);
        dm_table_set(&t, 1, va ? va : none);
        dm_table_set(&t, 2, vb ? vb : none);
    }
    for (int j = 0; j < tb.ncol; j++)
        if (dm_table_find_col(&ta, tb.cols[j]) < 0) {
            dm_table_row(&t);
            nb[t.nrow - 1] = tb.numeric[j];
            dm_table_set(&t, 0, tb.cols[j]);
            dm_table_set(&t, 1, none);
            dm_table_set(&t, 2, dm_table_get(&tb, 0, j));
        }
    if (c->fmt == DM_FMT_JSON || c->fmt == DM_FMT_JSONL) {
        json_t *arr = json_array();
        for (int r = 0; r < t.nrow; r++) {
            json_t *o = json_object();
            json_object_set_new(o, "field", json_string(dm_table_get(&t, r, 0)));
            json_object_set_new(o, ha, dm_json_cell(dm_table_get(&t, r, 1), na[r]));
            json_object_set_new(o, hb, dm_json_cell(dm_table_get(&t, r, 2), nb[r]));
            json_array_append_new(arr, o);
        }
        dm_json_print(arr, c->fmt, c->io->out);
        json_decref(arr);
    } else {
        emit(c, &t);
    }
    if (c->fmt == DM_FMT_TABLE)
        info(c, "(%d field%s equal)", same, same == 1 ? "" : "s");
    free(na), free(nb);
    dm_table_free(&t);
    dm_table_free(&ta);
    dm_table_free(&tb);
    return 0;
}

/* Columns of run_summary with the direction that is better: -1 lower, +1 higher, 0 say which;
 * BY_METRIC: the direction of each run's metric (the store's metrics table, filled from the metric table). */
#define BY_METRIC 2
#define METRIC_SIGN                                                                                                \
    "(CASE WHEN (SELECT mt.higher_is_better FROM metrics mt WHERE mt.name = run_summary.metric COLLATE NOCASE) " \
    "THEN 1 ELSE -1 END)"
static const struct {
    const char *name;
    int dir;
} objectives[] = {
    {"loss_pct", -1}, {"dppl_pct", -1}, {"delta_pct", BY_METRIC}, {"delta", BY_METRIC}, {"value", 0}, {"kld", -1},
    {"top1_agree", 1}, {"speedup", 1}, {"speedup_e2e", 1}, {"speedup_min", 1}, {"bytes_ratio", -1},
    {"little_bytes", -1}, {"ratio", 1}, {"ratio_achieved", 1}, {"seconds", -1}, {"bits", -1}, {"k", -1},
    {"dacc", 1}, {"dbleu", 1}, {"mac_reduction", 1}, {"mac_ratio", -1},
};

/* name and dir of figure w ([+|-]column); *sql_sign is SQL that multiplies the
 * column so that dir applies to every run ("1", or the run's metric sign). */
static int objective(dm_cmd_ctx *c, const char *w, const char **name, int *dir, const char **sql_sign)
{
    *sql_sign = "1";
    int sign = 0;
    if (*w == '-' || *w == '+') {
        sign = *w == '-' ? -1 : 1;
        w++;
    }
    const char *cands[32];
    int n = (int)(sizeof objectives / sizeof objectives[0]);
    for (int i = 0; i < n; i++) {
        cands[i] = objectives[i].name;
        if (strcmp(w, objectives[i].name) == 0) {
            *name = objectives[i].name;
            *dir = sign ? sign : objectives[i].dir;
            if (*dir == BY_METRIC) {
                *dir = 1;
                *sql_sign = METRIC_SIGN;
            }
            if (*dir == 0)
                return fail(c, "'%s': say which way is better: +%s (higher) or -%s (lower)", w, w, w);
            return 0;
        }
    }
    const char *m = dm_close_match(w, cands, n);
    char list[512] = "";
    for (int i = 0; i < n; i++) {
        strcat(list, i ? ", " : "");
        strcat(list, objectives[i].name);
    }
    if (m)
        return fail(c, "'%s' is not a figure to optimise (did you mean '%s'?); allowed: %s", w, m, list);
    return fail(c, "'%s' is not a figure to optimise; allowed: %s", w, list);
}

/* The where clause in raw text, or NULL; any other word is an error. */
static int tail_where(dm_cmd_ctx *c, const char *raw, const char **where)
{
    *where = NULL;
    if (!raw)
        return 0;
    while (*raw == ' ' || *raw == '\t')
        raw++;
    if (!*raw)
        return 0;
    if (strncasecmp(raw, "where", 5) || !(raw[5] == ' ' || raw[5] == '\t'))
        return fail(c, "'%.30s': expected 'where CONDITION' here", raw);
    *where = raw + 6;
    return 0;
}

/* The words after a command's figures: [across DIM,...|all] [where COND]. */
static int tail_across_where(dm_cmd_ctx *c, int argc, char **argv, const char *const *raw, int i, unsigned *mask,
                             const char **where)
{
    *mask = DM_GROUP_ALL;
    if (i < argc && strcasecmp(argv[i], "across") == 0) {
        if (i + 1 >= argc || strcasecmp(argv[i + 1], "where") == 0)
            return fail(c, "across: say what to compare across: all, or one or more of model, split, limit, path, "
                           "streams, beam, predictor separated by commas (e.g. across limit)");
        if (dm_group_parse(argv[i + 1], mask, &c->err))
            return -1;
        i += 2;
    }
    return tail_where(c, i < argc ? raw[i] : NULL, where);
}

/* Without a where clause and with a model loaded (and runs grouped by model): that model's runs. */
static void group_scope(dm_cmd_ctx *c, unsigned mask, const char *where, char *scope, size_t n)
{
    snprintf(scope, n, "1");
    if (!where && dm_session_loaded(c->s) && mask & (1u << DM_G_MODEL)) {
        dm_model_info mi;
        dm_session_info_brief(c->s, &mi);
        char mn[600];
        dm_sql_quote(mn, sizeof mn, mi.name);
        snprintf(scope, n, "model = %s", mn);
    }
}

/* Say what the runs were grouped by, and how to widen it. */
static void group_note(dm_cmd_ctx *c, const char *cmd, unsigned mask, int ngroups, int scoped)
{
    char by[160];
    dm_group_mask_text(mask, by, sizeof by);
    if (!mask)
        info(c, "%s: every run compared with every other (across all)%s", cmd,
             scoped ? "; the loaded model's runs" : "");
    else
        info(c, "%s: grouped by %s%s, %d group%s%s; runs of different groups are not compared (widen with 'across "
                "DIM,...' or 'across all')",
             cmd, by, scoped ? " among the loaded model's runs" : "", ngroups, ngroups == 1 ? "" : "s",
             scoped && ngroups > 1 ? ", the current settings' first" : "");
}

static int c_pareto(dm_cmd_ctx *c, int argc, char **argv, const char *const *raw)
{
    const char *xn = "loss_pct", *yn = "speedup", *xs = "1", *ys = "1";
    int xd = -1, yd = 1, nfix = 0;
    if (argc >= 1 && strcasecmp(argv[0], "where") && strcasecmp(argv[0], "across")) {
        if (argc == 1 || !strcasecmp(argv[1], "where") || !strcasecmp(argv[1], "across"))
            return fail(c, "pareto: give two figures (e.g. pareto dppl_pct speedup) or none");
        if (objective(c, argv[0], &xn, &xd, &xs) || objective(c, argv[1], &yn, &yd, &ys))
            return -1;
        nfix = 2;
    }
    const char *where;
    unsigned mask;
    if (tail_across_where(c, argc, argv, raw, nfix, &mask, &where))
        return -1;
    char scope[700];
    group_scope(c, mask, where, scope, sizeof scope);
    size_t ql = 1024 + 2 * strlen(METRIC_SIGN) + strlen(scope) + (where ? strlen(where) : 0);
    char *sql = malloc(ql);
    if (!sql)
        return fail(c, "out of memory");
    /* columns: 0 id, 1-7 the group, 8 ratio, 9 bits, 10 k, 11 mode, 12 value, 13 x, 14 y, 15 xs, 16 ys */
    enum { P_G0 = 1, P_RATIO = 8, P_VALUE = 12, P_X = 13, P_Y, P_XS, P_YS };
    snprintf(sql, ql,
             "SELECT id, " DM_GROUP_COLS ", ratio, bits, k, mode, value, %s AS x, %s AS y, %s AS xs, %s AS ys "
             "FROM run_summary WHERE status = 'done' AND %s IS NOT NULL AND %s IS NOT NULL AND (%s) AND (%s) "
             "ORDER BY id",
             xn, yn, xs, ys, xn, yn, scope, where ? where : "1");
    dm_table t;
    dm_table_init(&t, NULL);
    int rc = dm_session_query(c->s, sql, &t, &c->err);
    free(sql);
    if (rc) {
        dm_table_free(&t);
        return -1;
    }
    int n = t.nrow, cur = 0;
    int *front = calloc((size_t)(n ? n : 1), sizeof *front), *grp = calloc((size_t)(n ? n : 1), sizeof *grp);
    double *x = calloc((size_t)(n ? n : 1), sizeof *x), *y = calloc((size_t)(n ? n : 1), sizeof *y);
    int ng = front && grp ? dm_group_rows(&t, P_G0, mask, c->s, grp, &cur) : -1;
    if (!front || !x || !y || ng < 0) {
        free(front), free(x), free(y), free(grp);
        dm_table_free(&t);
        return fail(c, "out of memory");
    }
    for (int i = 0; i < n; i++) {
        x[i] = xd * atof(dm_table_get(&t, i, P_X)) * atof(dm_table_get(&t, i, P_XS));
        y[i] = yd * atof(dm_table_get(&t, i, P_Y)) * atof(dm_table_get(&t, i, P_YS));
    }
    /* non-dominated in (x, y), both "higher is better" after the sign flips, inside each group */
    for (int i = 0; i < n; i++) {
        int dom = 0;
        for (int j = 0; j < n && !dom; j++)
            if (j != i && grp[j] == grp[i] && x[j] >= x[i] && y[j] >= y[i] && (x[j] > x[i] || y[j] > y[i]))
                dom = 1;
        front[i] = !dom;
    }
    /* one table: the group's columns, then the knobs and the figures; group: its number (1 = first) */
    dm_table o;
    dm_table_init(&o, NULL);
    int human = c->fmt == DM_FMT_TABLE || c->fmt == DM_FMT_MD;
    dm_table_col(&o, "group", 1);
    dm_table_col(&o, "id", 1);
    static const char *const gnames[DM_G_N] = {"model", "split", "tokens", "path", "streams", "beam", "predictor"};
    for (int i = 0; i < DM_G_N; i++)
        dm_table_col(&o, gnames[i], i == DM_G_LIMIT || i == DM_G_STREAMS || i == DM_G_BEAM);
    const char *kcols[] = {"ratio", "bits", "k", "mode", "value"};
    for (int i = 0; i < 5; i++)
        dm_table_col(&o, kcols[i], i != 3);
    int xc = dm_table_col(&o, xn, 1), yc = dm_table_col(&o, yn, 1);
    int *cnt = calloc((size_t)(ng ? ng : 1), sizeof *cnt), *nfront = calloc((size_t)(ng ? ng : 1), sizeof *nfront);
    for (int i = 0; cnt && nfront && i < n; i++) {
        cnt[grp[i]]++;
        nfront[grp[i]] += front[i];
    }
    /* rows: group by group, best x first */
    for (int g = 0; g < ng; g++)
        for (;;) {
            int bi = -1;
            for (int i = 0; i < n; i++)
                if (grp[i] == g && front[i] == 1 && (bi < 0 || x[i] > x[bi]))
                    bi = i;
            if (bi < 0)
                break;
            front[bi] = 2;
            dm_table_row(&o);
            dm_table_setf(&o, 0, "%d", g + 1);
            dm_table_set(&o, 1, dm_table_get(&t, bi, 0));
            for (int k = 0; k < DM_G_N; k++)
                dm_table_set(&o, 2 + k, dm_table_get(&t, bi, P_G0 + k));
            for (int k = 0; k < 5; k++)
                dm_table_set(&o, 2 + DM_G_N + k, dm_table_get(&t, bi, P_RATIO + k));
            dm_table_set(&o, xc, dm_table_get(&t, bi, P_X));
            dm_table_set(&o, yc, dm_table_get(&t, bi, P_Y));
        }
    char what[600], head[200];
    snprintf(head, sizeof head, "Pareto front: %s %s, %s %s", strcmp(xs, "1") ? "better" : xd < 0 ? "lower" : "higher",
             xn, strcmp(ys, "1") ? "better" : yd < 0 ? "lower" : "higher", yn);
    if (human && ng > 0) {
        /* a table per group, titled with the group; its columns those that differ inside it */
        for (int g = 0; g < ng; g++) {
            dm_table p;
            dm_table_init(&p, NULL);
            int r0 = -1;
            for (int r = 0; r < o.nrow && r0 < 0; r++)
                if (atoi(dm_table_get(&o, r, 0)) == g + 1)
                    r0 = r;
            int keep[32], nk = 0;
            for (int col = 1; col < o.ncol; col++) {
                int gd = col - 2;
                if (gd >= 0 && gd < DM_G_N && mask & (1u << gd))
                    continue; /* the same in every row: in the title */
                if (gd == DM_G_BEAM || gd == DM_G_PREDICTOR || gd == DM_G_PATH) {
                    int differs = 0; /* a widened dimension: shown when it differs inside the group */
                    for (int r = 0; r < o.nrow; r++)
                        if (atoi(dm_table_get(&o, r, 0)) == g + 1 && r0 >= 0 &&
                            strcmp(dm_table_get(&o, r, col) ? dm_table_get(&o, r, col) : "",
                                   dm_table_get(&o, r0, col) ? dm_table_get(&o, r0, col) : ""))
                            differs = 1;
                    if (!differs)
                        continue;
                }
                keep[nk++] = col;
                dm_table_col(&p, o.cols[col], o.numeric[col]);
            }
            for (int r = 0; r < o.nrow; r++) {
                if (atoi(dm_table_get(&o, r, 0)) != g + 1)
                    continue;
                dm_table_row(&p);
                for (int k = 0; k < nk; k++)
                    dm_table_set(&p, k, dm_table_get(&o, r, keep[k]));
            }
            dm_group_row_text(&o, r0, 2, mask, what, sizeof what);
            char title[900];
            snprintf(title, sizeof title, "%s: %s (%d of %d run%s%s)", head, what, nfront ? nfront[g] : 0,
                     cnt ? cnt[g] : 0, cnt && cnt[g] == 1 ? "" : "s", g == 0 && cur ? "; the current settings" : "");
            if (g)
                fputc('\n', c->io->out);
            if (c->fmt == DM_FMT_MD) /* a Markdown table has no title: a paragraph above it */
                fprintf(c->io->out, "%s\n\n", title);
            else
                p.title = strdup(title);
            emit(c, &p);
            dm_table_free(&p);
        }
    } else if (human) {
        snprintf(what, sizeof what, "%s (no completed run has both figures%s)", head, where ? " and matches" : "");
        o.title = strdup(what);
        emit(c, &o);
    } else {
        emit(c, &o);
    }
    group_note(c, "pareto", mask, ng, !where && dm_session_loaded(c->s) && (mask & (1u << DM_G_MODEL)));
    dm_table_free(&o);
    dm_table_free(&t);
    free(front), free(x), free(y), free(grp), free(cnt), free(nfront);
    return 0;
}

static int c_best(dm_cmd_ctx *c, int argc, char **argv, const char *const *raw)
{
    const char *name, *sign;
    int dir;
    if (objective(c, argv[0], &name, &dir, &sign))
        return -1;
    const char *where;
    unsigned mask;
    if (tail_across_where(c, argc, argv, raw, 1, &mask, &where))
        return -1;
    char scope[700];
    group_scope(c, mask, where, scope, sizeof scope);
    size_t ql = 512 + strlen(METRIC_SIGN) + strlen(scope) + (where ? strlen(where) : 0);
    char *sql = malloc(ql);
    if (!sql)
        return fail(c, "out of memory");
    /* the group's columns first (for dm_group_rows), then every column; best first */
    snprintf(sql, ql,
             "SELECT " DM_GROUP_COLS ", * FROM run_summary WHERE status = 'done' AND %s IS NOT NULL AND (%s) AND (%s) "
             "ORDER BY %s * %s %s, id DESC",
             name, scope, where ? where : "1", name, sign, dir > 0 ? "DESC" : "ASC");
    dm_table t;
    dm_table_init(&t, NULL);
    int rc = dm_session_query(c->s, sql, &t, &c->err);
    free(sql);
    if (rc) {
        dm_table_free(&t);
        return -1;
    }
    if (t.nrow == 0) {
        dm_table_free(&t);
        return fail(c, "best %s: no completed run with a %s%s%s", name, name,
                    where ? " matches the condition" : "",
                    strcmp(scope, "1") ? " among the loaded model's runs ('across model' looks at every model)" : "");
    }
    int *grp = calloc((size_t)t.nrow, sizeof *grp), cur = 0;
    int ng = grp ? dm_group_rows(&t, 0, mask, c->s, grp, &cur) : -1;
    if (ng < 0) {
        free(grp);
        dm_table_free(&t);
        return fail(c, "out of memory");
    }
    /* the best run of each group (the rows come best first), groups in their order */
    dm_table o;
    dm_table_init(&o, NULL);
    for (int i = DM_G_N; i < t.ncol; i++)
        dm_table_col(&o, t.cols[i], t.numeric[i]);
    o.vertical = 1;
    o.record = 1;
    for (int g = 0; g < ng; g++)
        for (int i = 0; i < t.nrow; i++)
            if (grp[i] == g) {
                dm_table_row(&o);
                for (int k = DM_G_N; k < t.ncol; k++)
                    dm_table_set(&o, k - DM_G_N, dm_table_get(&t, i, k));
                if (c->fmt == DM_FMT_TABLE && ng > 1) { /* one record per group, titled */
                    char what[600], title[700];
                    dm_group_row_text(&t, i, 0, mask, what, sizeof what);
                    snprintf(title, sizeof title, "best %s: %s%s", name, what,
                             g == 0 && cur ? " (the current settings)" : "");
                    if (g)
                        fputc('\n', c->io->out);
                    dm_table one;
                    dm_table_init(&one, title);
                    for (int k = 0; k < o.ncol; k++)
                        dm_table_col(&one, o.cols[k], o.numeric[k]);
                    dm_table_row(&one);
                    for (int k = 0; k < o.ncol; k++)
                        dm_table_set(&one, k, dm_table_get(&o, o.nrow - 1, k));
                    one.vertical = 1;
                    emit(c, &one);
                    dm_table_free(&one);
                }
                break;
            }
    if (!(c->fmt == DM_FMT_TABLE && ng > 1))
        emit(c, &o);
    group_note(c, "best", mask, ng, !where && dm_session_loaded(c->s) && (mask & (1u << DM_G_MODEL)));
    dm_table_free(&o);
    dm_table_free(&t);
    free(grp);
    return 0;
}

static int c_export(dm_cmd_ctx *c, int argc, char **argv, const char *const *raw)
{
    dm_format f;
    if (dm_format_parse(argv[0], &f) || f == DM_FMT_TABLE)
        return fail(c, "export '%s': expected csv or json (export csv FILE [where ...])", argv[0]);
    const char *where;
    if (tail_where(c, argc > 2 ? raw[2] : NULL, &where))
        return -1;
    if (dm_session_check_output(c->s, argv[1], NULL, &c->err))
        return -1;
    size_t ql = 256 + (where ? strlen(where) : 0);
    char *sql = malloc(ql);
    if (!sql)
        return fail(c, "out of memory");
    snprintf(sql, ql, "SELECT * FROM run_summary WHERE (%s) ORDER BY id", where ? where : "1");
    dm_table t;
    dm_table_init(&t, NULL);
    int rc = dm_session_query(c->s, sql, &t, &c->err);
    free(sql);
    if (rc) {
        dm_table_free(&t);
        return -1;
    }
    /* written to a temporary file and renamed: a failed export leaves no half file */
    char tmp[4200];
    snprintf(tmp, sizeof tmp, "%s.tmp%ld", argv[1], (long)getpid());
    FILE *o = fopen(tmp, "w");
    if (!o) {
        dm_table_free(&t);
        return fail(c, "export: cannot write %s: %s", argv[1], strerror(errno));
    }
    dm_table_print(&t, f, o, 0);
    int werr = ferror(o);
    if (fclose(o) || werr || rename(tmp, argv[1])) {
        int e = errno;
        unlink(tmp);
        dm_table_free(&t);
        return fail(c, "export: cannot write %s: %s", argv[1], strerror(e));
    }
    info(c, "exported %d run%s to %s", t.nrow, t.nrow == 1 ? "" : "s", argv[1]);
    dm_table_free(&t);
    return 0;
}

/* import FILE [FILE ...]: each file in its own transaction (dm_store_import),
 * so a bad one costs only itself; every file is tried (re-importing is
 * harmless: no duplicates), the failures are reported together. */
static int c_import(dm_cmd_ctx *c, int argc, char **argv, const char *const *raw)
{
    (void)raw;
    dm_store *st = store(c);
    if (!st)
        return -1;
    struct stat self;
    int have_self = dm_store_path(st) && stat(dm_store_path(st), &self) == 0;
    long total = 0;
    int nfail = 0, nok = 0;
    char failed[sizeof c->err.msg] = "";
    for (int i = 0; i < argc; i++) {
        struct stat sb;
        if (have_self && stat(argv[i], &sb) == 0 && sb.st_dev == self.st_dev && sb.st_ino == self.st_ino) {
            info(c, "%s is this store itself (--db): skipped", argv[i]);
            continue;
        }
        int n = 0;
        dm_err e;
        dm_session_store_lock(c->s);
        int rc = dm_store_import(st, argv[i], &n, &e);
        dm_session_store_unlock(c->s);
        if (rc) {
            if (argc == 1)
                snprintf(failed, sizeof failed, "%s", e.msg);
            else {
                /* each failure in full now, by name in the summary */
                if (c->io->msg)
                    fprintf(c->io->msg, "import: %s\n", e.msg);
                size_t l = strlen(failed);
                if (l + strlen(argv[i]) + 8 < sizeof failed)
                    snprintf(failed + l, sizeof failed - l, "%s%s", l ? ", " : "", argv[i]);
            }
            nfail++;
            continue;
        }
        nok++;
        total += n;
        info(c, "imported %d run%s from %s", n, n == 1 ? "" : "s", argv[i]);
    }
    if (argc > 1)
        info(c, "import: %ld run%s from %d file%s%s", total, total == 1 ? "" : "s", nok, nok == 1 ? "" : "s",
             nfail ? "" : " (runs already present are not copied again)");
    if (nfail) {
        if (argc == 1)
            return fail(c, "%s", failed);
        return fail(c, "import: %d of %d files failed, nothing imported from %s (%s)", nfail, argc,
                    nfail == 1 ? "it" : "them", failed);
    }
    return 0;
}

static int c_sql(dm_cmd_ctx *c, int argc, char **argv, const char *const *raw)
{
    (void)argc, (void)argv;
    dm_table t;
    dm_table_init(&t, NULL);
    /* one quoted word is the query without its quotes (so that
     * sql 'select 1; select 2' reaches the store's statement handling) */
    const char *q = argc == 1 && (raw[0][0] == '\'' || raw[0][0] == '"') ? argv[0] : raw[0];
    if (dm_session_query(c->s, q, &t, &c->err)) {
        dm_table_free(&t);
        return -1;
    }
    emit(c, &t);
    dm_table_free(&t);
    return 0;
}

static int c_note(dm_cmd_ctx *c, int argc, char **argv, const char *const *raw)
{
    (void)argc;
    int64_t id;
    if (parse_id(c, argv[0], &id))
        return -1;
    dm_store *st = store(c);
    if (!st)
        return -1;
    /* the note is the rest of the line; one quoted word loses its quotes */
    const char *text = argc == 2 ? argv[1] : raw[1];
    dm_session_store_lock(c->s);
    int rc = dm_store_set_note(st, id, text, &c->err);
    dm_session_store_unlock(c->s);
    return rc;
}

static int c_delete(dm_cmd_ctx *c, int argc, char **argv, const char *const *raw)
{
    (void)raw;
    int64_t ids[256];
    if (argc > 256)
        return fail(c, "delete: at most 256 runs at once");
    for (int i = 0; i < argc; i++)
        if (parse_id(c, argv[i], &ids[i]))
            return -1;
    dm_store *st = store(c);
    if (!st)
        return -1;
    /* all or nothing: `delete 1 999` deletes neither */
    dm_session_store_lock(c->s);
    int rc = dm_store_delete_many(st, ids, argc, &c->err);
    dm_session_store_unlock(c->s);
    if (rc)
        return -1;
    for (int i = 0; i < argc; i++) {
        int dup = 0;
        for (int j = 0; j < i; j++)
            dup |= ids[j] == ids[i];
        if (!dup)
            info(c, "deleted run %lld", (long long)ids[i]);
    }
    return 0;
}


static int c_help(dm_cmd_ctx *c, int argc, char **argv, const char *const *raw)
{
    (void)raw;
    const char *topic = argc ? argv[0] : NULL;
    if (c->fmt == DM_FMT_TABLE)
        return dm_cmd_help(c->io->out, topic, &c->err);
    /* for programs: one table of the commands and settings (or the one asked for) */
    int all = !topic, cmds = all || strcmp(topic, "commands") == 0, sets = all || strcmp(topic, "settings") == 0;
    if (topic && !cmds && !sets && !dm_cmd_find(topic) && !dm_setting_find(topic)) {
        FILE *null = fopen("/dev/null", "w");
        int rc = dm_cmd_help(null ? null : c->io->out, topic, &c->err); /* the message with a close match */
        if (null)
            fclose(null);
        return rc;
    }
    dm_table t;
    dm_table_init(&t, NULL);
    const char *cols[] = {"kind", "name", "usage", "help", "range", "default"};
    for (int i = 0; i < 6; i++)
        dm_table_col(&t, cols[i], 0);
    for (int i = 0; i < dm_ncmds; i++) {
        const dm_cmd_def *d = &dm_cmd_table[i];
        if (!cmds && strcmp(topic, d->name))
            continue;
        dm_table_row(&t);
        dm_table_set(&t, 0, "command");
        dm_table_set(&t, 1, d->name);
        dm_table_set(&t, 2, d->usage);
        dm_table_set(&t, 3, d->help);
    }
    for (int i = 0; i < DM_S_COUNT; i++) {
        const dm_setting_def *d = &dm_settings_table[i];
        if (!sets && strcmp(topic, d->name))
            continue;
        char r[128];
        dm_setting_range(d, r, sizeof r);
        dm_table_row(&t);
        dm_table_set(&t, 0, "setting");
        dm_table_set(&t, 1, d->name);
        dm_table_set(&t, 3, d->help);
        dm_table_set(&t, 4, r);
        dm_table_set(&t, 5, d->def);
    }
    emit(c, &t);
    dm_table_free(&t);
    return 0;
}

static int c_quit(dm_cmd_ctx *c, int argc, char **argv, const char *const *raw)
{
    (void)argc, (void)argv, (void)raw;
    c->quit = 1;
    return 0;
}

static int c_tui(dm_cmd_ctx *c, int argc, char **argv, const char *const *raw)
{
    (void)raw;
    /* the caller forwards tui-only commands; reaching here means no TUI */
    (void)argc, (void)argv;
    return fail(c, "this command works only inside the TUI");
}

/* ---- the command table ---- */

const dm_cmd_def dm_cmd_table[] = {
    {"load", "MODEL", "load a model (name, directory or .safetensors file)",
     "Names are looked up in $DUALMOD_MODELS, then the build tree's models/ (dualmod run from its build tree) or "
     "the installed ones. 'load random "
     "lstm|gru HIDDEN [LAYERS [VOCAB [INPUT]]]' makes a model of that shape with random weights (bench: timing "
     "only; INPUT: the first layer's input size, default HIDDEN).",
     1, 6,
     DM_C_MODEL, 0, c_load},
    {"set", "NAME VALUE [NAME VALUE ...]", "change settings (also NAME=VALUE)",
     "All pairs are checked first; a bad one changes nothing. 'help settings' lists the settings.", 1, -1,
     DM_C_SETTING, 0, c_set},
    {"get", "[NAME ...]", "show settings", NULL, 0, -1, DM_C_SETTING, 0, c_get},
    {"info", "[MODEL]", "the loaded model (or MODEL): architecture, parameters, bytes, vocabulary, data, card",
     "info MODEL describes a model file without loading it (no vocabulary needed).", 0, 1, DM_C_MODEL, 0,
     dm_cmd_info},
    {"run", "[detail]", "evaluate the current settings (dense and dual side by side) and store the run",
     "Times interleaved dense/dual step pairs for the speedup (setting speed), evaluates the split, stores the "
     "run in one transaction and prints it. Ctrl-C cancels: the run is stored with status cancelled and its "
     "figures marked partial. 'run detail' prints the full report: per-layer and per-gate ratios, audit figures "
     "(setting audit), fit error and bytes; `dualmod eval MODEL --ratio R` is 'load MODEL; set ratio R; run detail'.",
     0, 1, DM_C_NONE, 0, c_run},
    {"stop", "", "cancel the evaluation running in the background (TUI)", NULL, 0, 0, DM_C_NONE, 0, c_stop},
    {"sweep", "NAME VALUES [NAME VALUES ...] [--force]", "run a grid of settings, skipping stored ones",
     "VALUES is FROM:TO:STEP (inclusive), a list a,b,c or one value. Configurations already stored for the same "
     "model, data, knobs and build are skipped unless --force, so an interrupted sweep resumes where it stopped. "
     "ratio and mode vary fastest (they need no refit). The settings are restored afterwards. With the shard "
     "setting I/N (--shard I/N) only every Nth configuration from the Ith runs (round-robin: configuration i, "
     "counted from 0 in this order, when i mod N = I-1), so N processes or machines, each with its own --db, "
     "together run the grid once; 'import' merges their stores without duplicates.",
     2, -1, DM_C_SWEEP, 0, c_sweep},
    {"bench", "[dense] [RATIOS] [k LIST] [steps N] [cold] [no-torch]", "time interleaved dense/dual steps of the loaded model",
     "RATIOS is a list such as 0.1,0.5,0.9 (default: the ratio setting); k LIST builds one little module per k; "
     "steps N timed pairs (default: the speed setting); cold flushes the caches (a read of twice the last-level "
     "cache) and evicts the weights line by line before every step, as a stream of steps too large for the cache "
     "finds them. The ratio "
     "control is the mode setting (`dualmod bench` sets topk: exact ratios make exact timings). 'bench dense' "
     "times the dense path alone: per-token latency, sequence throughput, the memory-bandwidth floor and "
     "PyTorch's figures beside ours (no-torch skips PyTorch).",
     0, 12, DM_C_NONE, 0, dm_cmd_bench},
    {"eval", "[both]", "dense quality of the loaded model on the split (perplexity, accuracy or BLEU; no little module)",
     "On the path setting (stream: batch-1 steps; seq: whole-sequence GEMM, chunk setting), or on both.", 0, 1,
     DM_C_NONE, 0, dm_cmd_eval},
    {"little", "",
     "build and fit the little modules of the settings; report size and fit error per layer (a language model) or "
     "per dual-module site",
     "Fitted on the fit-data setting (default: the model's training split), fit-tokens and calib-tokens.", 0, 0,
     DM_C_NONE, 0, dm_cmd_little},
    {"study", "noise|sweep|dim|bits [VALUES]", "the paper's Tables 1, 2/3, 5 and 6 on the split",
     "noise [BETA]: Gaussian noise of BETA x the gate's norm into the sensitive vs the insensitive half (default "
     "0.5); sweep [RATIOS] (default 0.1,0.3,0.5,0.7,0.9); dim [KS] (k values; below 1 an eps; default "
     "32,64,128,256,0.5); bits [BITS] (0 = fp32; default 0,16,8,4,2,1). Every configuration is stored.",
     1, 2, DM_C_NONE, 0, dm_cmd_study},
    {"translate", "TEXT...", "translate one sentence with the loaded translator",
     "Dense at ratio 0; at a ratio above 0 with the dual-module decoder of the current settings (fitted and "
     "built as for a run). The beam setting chooses greedy (1) or beam search. Quote the sentence when it holds "
     "a ';' or '#'. 'translate -' translates stdin, one sentence a line (scripts).",
     1, -1, DM_C_NONE, 0, c_translate},
    {"bleu", "HYP REF", "corpus BLEU and chrF of a translation file against its reference file (sacreBLEU 2.3.1)",
     "One sentence a line, the same number of lines in both, UTF-8. Scored as sacreBLEU 2.3.1 does with its "
     "defaults: BLEU on 13a tokens with 'exp' smoothing, printed with its n-gram precisions, brevity penalty, "
     "length ratio and lengths; chrF2 (character 6-grams, beta 2, whitespace removed); and the signatures of "
     "both. No model is needed.",
     2, 2, DM_C_FILE, 0, dm_cmd_bleu},
    {"runs", "[where COND] [order by COL [desc]] [limit N]", "list stored runs (newest first)",
     "COND is SQL over the run_summary columns, e.g. where model = 'kjv-lstm' and dppl_pct < 1.", 0, -1,
     DM_C_COLUMN, 0, c_runs},
    {"show", "ID [ID ...]", "every field of stored runs, with their layers",
     "--format json gives one object for one ID, an array for several.", 1, -1, DM_C_NONE, 0, c_show},
    {"diff", "ID ID", "the fields in which two runs differ", NULL, 2, 2, DM_C_NONE, 0, c_diff},
    {"pareto", "[X Y] [across DIM,...|all] [where COND]",
     "the non-dominated runs, one front per comparison group (default: lower loss_pct, higher speedup)",
     "X and Y are figures such as dppl_pct, dacc, dbleu, loss_pct, kld, speedup, mac_reduction, bytes_ratio; a "
     "leading - or + says lower or higher is better. Runs are compared only with runs measured the same way: "
     "the same model, split, data slice (limit), path, streams, beam and predictor; each such group has its own "
     "front, the current settings' group first. 'across DIM,...' (any of model, split, limit, path, streams, "
     "beam, predictor) or 'across all' widens the comparison, e.g. pareto dppl_pct speedup across limit. Without "
     "a where clause and with a model loaded: that model's runs. Machine formats give every front in one table "
     "with a group column.",
     0, -1, DM_C_COLUMN, 0, c_pareto},
    {"best", "FIGURE [across DIM,...|all] [where COND]",
     "the best completed run by one figure, per comparison group, inside a condition",
     "e.g. best speedup where dppl_pct <= 1. Groups and 'across' as for pareto: the best run of each group, the "
     "current settings' group first. --format json gives one object when there is one group, else an array.",
     1, -1, DM_C_COLUMN, 0, c_best},
    {"export", "csv|json FILE [where COND]", "write stored runs to a file", NULL, 2, -1, DM_C_FILE, 0, c_export},
    {"import", "FILE [FILE ...]", "merge the runs of other dualmod databases (no duplicates)",
     "Each file is imported in one transaction (all of its runs or none); a run already present (same model, "
     "data, knobs and creation time) is not copied again, so importing the stores of a sharded sweep (--shard) "
     "twice, or a shard again after it resumed, adds nothing twice. A file that fails is reported and the others "
     "are still imported; the command fails if any did.",
     1, -1, DM_C_FILE, 0, c_import},
    {"save-dual", "[RUN] FILE [full]", "save the dual modules of a stored run (or of the settings) to a file",
     "Writes what the run used (per site: the projection, the quantized little weights and scales, the fit "
     "errors, the calibration scores behind the thresholds, and the knobs) as a safetensors file naming the "
     "model's hash; load-dual or `dualmod eval MODEL --dual FILE` use it without fitting. RUN: rebuilt on its "
     "model (loaded by its name when none is) from the cached fitting data and checked against the run's k, "
     "site knobs and fit errors; without RUN: the current settings. The file keeps the calibration scores at "
     "every ratio step of 0.0001 and at the run's ratios (exact thresholds there); full keeps every score.",
     1, 3, DM_C_FILE, 0, dm_cmd_save_dual},
    {"load-dual", "FILE", "use a saved dual-module file instead of fitting (set dual FILE; - goes back to fitting)",
     "Refused when the file was made for another model (hash) or its sites differ. The settings take the file's "
     "knobs; ratio, mode and predictor still move, and changing bits, k, eps, seed, proj or policy lets the file "
     "go (the next run fits). Runs made with it say so in their note.",
     1, 1, DM_C_FILE, 0, dm_cmd_load_dual},
    {"sql", "SELECT ...", "read-only SQL over the run store (tables runs, models, run_layers; views)",
     "Runs on a read-only connection: statements that would change the database are refused.", 1, -1,
     DM_C_NONE, 0, c_sql},
    {"note", "ID TEXT", "attach a note to a run", NULL, 2, -1, DM_C_NONE, 0, c_note},
    {"delete", "ID [ID ...]", "delete runs", NULL, 1, -1, DM_C_NONE, 0, c_delete},
    {"sensitivity", "[ratio VALUES] [bits VALUES] [sites PATTERN] [groups] [--force]",
     "quality loss per site (or gate group) when only it is dual-moduled",
     "Dual-modules one site at a time (every other site at ratio 0, which runs it dense) over a grid of ratios "
     "(default 0.3:0.9:0.2) and bits (default the bits setting) on the split, and prints each site's achieved "
     "ratio, metric, delta and loss_pct (the quality loss in % of dense, positive = worse). Every configuration is a "
     "stored run tagged 'sensitivity' (see runs where tag = 'sensitivity'); stored ones are reused unless --force, "
     "so an interrupted analysis resumes. sites takes a name or a pattern (layer1.*). groups does the same per gate "
     "group of the sites of several groups (an LSTM's i f g o, a GRU's r z n): each group alone at the ratio "
     "(ratio.l1.f), everything else dense. The settings are restored afterwards.",
     0, -1, DM_C_NONE, 0, dm_cmd_sensitivity},
    {"tune", "[kernels] | CONSTRAINT maximize speedup|bytes|macs [trials N] [time S] [ratios VALUES] [bits VALUES] "
             "[report SPLIT|none] [sens-limit N|all] [margin Z] [pairs N]",
     "tune the kernels on this CPU, or search per-site ratios and bits within a quality budget",
     "tune (or tune kernels) times candidate kernel parameters (rows per block and the streams they come from, "
     "prefetch distance and hint, the little GEMV's prefetch and streams, the projection's prefetch distance and how "
     "much of the little weights it prefetches, the split between threads) and OpenBLAS "
     "sgemv against our own dense "
     "GEMV, for the kernels and threads settings, in a bounded search (seconds), and caches the winners in "
     "$XDG_CACHE_HOME/dualmod/kernels-<cpu id>.json; bench and run do it by themselves on a CPU's first use. "
     "tune CONSTRAINT maximize OBJECTIVE searches the per-site knobs: CONSTRAINT is COLUMN <= X or COLUMN >= X on a "
     "quality delta against dense (dppl_pct, dbleu, dacc, loss_pct, delta_pct, delta; e.g. dppl_pct <= 1, "
     "dbleu >= -0.5), OBJECTIVE the measured layer speedup, the bytes a step reads, or the MAC reduction. It runs "
     "the sensitivity table (on the first quarter of the split, sens-limit N|all; ratios default "
     "0.3,0.5,0.7,0.8,0.9,0.95,1, coarsened to at most half the trials), proposes per-site ratios and bits by a knapsack "
     "on cost saved per unit of quality lost, evaluates each proposal on the split (every trial a stored run with "
     "its interleaved speed, tagged tune:ID) and refines the planning budget by bisection on the measured "
     "constraint, refines the best by raising one site at a time, then finds the best uniform ratio under the same "
     "constraint (the highest within it); with maximize speedup it times the two winners side by side (7 rounds "
     "alternating them, each of interleaved dense/dual pairs; pairs N, default the speed setting and at least "
     "2000) and the median per-round ratio picks the tuned one; it reports both, on the split and "
     "again on the report split (default test). trials (default 40) and time bound the search; the same command "
     "again resumes an interrupted tuning (stored trials are reused). margin Z counts a trial as within the "
     "constraint only with Z paired standard errors of its delta to spare (runs.delta_se: per prediction for "
     "perplexity, per image for accuracy; BLEU has none), so the search does not ride the split's sampling noise "
     "to the constraint's edge.",
     0, -1, DM_C_NONE, 0, c_tune},
    {"help", "[COMMAND|SETTING|settings|commands]", "this help", NULL, 0, 1, DM_C_COMMAND, 0, c_help},
    {"quit", "", "leave (also exit)", NULL, 0, 0, DM_C_NONE, 0, c_quit},
    {"dump-screen", "FILE", "write the TUI screen as text to FILE", NULL, 1, 1, DM_C_FILE, 1, c_tui},
};
const int dm_ncmds = (int)(sizeof dm_cmd_table / sizeof dm_cmd_table[0]);

const dm_cmd_def *dm_cmd_find(const char *name)
{
    if (strcmp(name, "exit") == 0)
        name = "quit";
    for (int i = 0; i < dm_ncmds; i++)
        if (strcmp(dm_cmd_table[i].name, name) == 0)
            return &dm_cmd_table[i];
    return NULL;
}

/* ---- the parser ---- */

#define MAX_WORDS 256

typedef struct words {
    int n;
    char *w[MAX_WORDS];
    const char *raw[MAX_WORDS]; /* into the statement text */
    char buf[8192];
} words;

/* Split one statement (no ';', no comment) into words. */
static int tokenize(const char *stmt, words *W, dm_err *err)
{
    W->n = 0;
    size_t bl = 0;
    const char *p = stmt;
    for (;;) {
        while (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n')
            p++;
        if (!*p)
            break;
        if (W->n == MAX_WORDS)
            return dm_errf(err, "more than %d words in one statement", MAX_WORDS);
        W->raw[W->n] = p;
        W->w[W->n] = W->buf + bl;
        char q = 0;
        while (*p && (q || (*p != ' ' && *p != '\t' && *p != '\r' && *p != '\n'))) {
            if (q) {
                if (*p == q) {
                    q = 0;
                    p++;
                    continue;
                }
            } else if (*p == '\'' || *p == '"') {
                q = *p++;
                continue;
            }
            if (bl + 2 >= sizeof W->buf)
                return dm_errf(err, "statement too long (at most %zu bytes)", sizeof W->buf - 2);
            W->buf[bl++] = *p++;
        }
        if (q)
            return dm_errf(err, "unterminated %c quote", q);
        W->buf[bl++] = '\0';
        W->n++;
    }
    return 0;
}

/* The statements of a line: split at ';' outside quotes, cut at '#' at a word start outside quotes. */
static int split_statements(const char *line, char ***out, int *n)
{
    size_t len = strlen(line);
    char *copy = malloc(len + 1);
    /* one statement per ';' plus the last: at most len + 1 */
    char **st = malloc(sizeof *st * (len + 2));
    if (!copy || !st) {
        free(copy);
        free(st);
        return -1;
    }
    memcpy(copy, line, len + 1);
    int k = 0;
    char q = 0;
    char *start = copy;
    for (char *p = copy;; p++) {
        if (*p == '\0') {
            st[k++] = start;
            break;
        }
        if (q) {
            if (*p == q)
                q = 0;
            continue;
        }
        if (*p == '\'' || *p == '"') {
            q = *p;
        } else if (*p == ';') {
            *p = '\0';
            st[k++] = start;
            start = p + 1;
        } else if (*p == '#' && (p == copy || p[-1] == ' ' || p[-1] == '\t' || p[-1] == ';' || p[-1] == '\0')) {
            *p = '\0';
            st[k++] = start;
            break;
        }
    }
    /* st[0] is copy itself: the caller frees both */
    *out = st;
    *n = k;
    return 0;
}

static void print_err(const dm_cmd_io *io, const char *cmd, const char *msg)
{
    FILE *f = io->msg ? io->msg : stderr;
    size_t cl = cmd ? strlen(cmd) : 0;
    if (cmd && strncmp(msg, cmd, cl) == 0 && msg[cl] == ':' && msg[cl + 1] == ' ')
        msg += cl + 2; /* "sql: sql: ..." */
    char inert[4 * DM_ERR_MAX], where[1024]; /* messages quote data: control characters are escaped */
    fprintf(f, "dualmod: %s%s%s%s%s\n", io->where ? dm_escape(io->where, strlen(io->where), where, sizeof where) : "",
            io->where ? ": " : "", cmd ? cmd : "", cmd ? ": " : "", dm_escape(msg, strlen(msg), inert, sizeof inert));
    fflush(f);
}

int dm_cmd_exec(dm_session *s, const char *line, const dm_cmd_io *io)
{
    char **st;
    int n;
    dm_session_query_cancel(s, io->cancel); /* queries of the store stop on it too */
    if (split_statements(line, &st, &n)) {
        print_err(io, NULL, "out of memory");
        return 1;
    }
    char *copy = n ? st[0] : NULL;
    int status = 0;
    words *W = malloc(sizeof *W);
    if (!W) {
        free(copy);
        free(st);
        print_err(io, NULL, "out of memory");
        return 1;
    }
    for (int i = 0; i < n; i++) {
        dm_cmd_ctx c = {.s = s, .io = io, .fmt = (dm_format)dm_session_settings(s)->format};
        if (tokenize(st[i], W, &c.err)) {
            print_err(io, NULL, c.err.msg);
            status = 1;
        } else if (W->n == 0) {
            continue;
        } else {
            const dm_cmd_def *d = dm_cmd_find(W->w[0]);
            if (!d) {
                const char *cands[64];
                for (int j = 0; j < dm_ncmds; j++)
                    cands[j] = dm_cmd_table[j].name;
                const char *m = dm_close_match(W->w[0], cands, dm_ncmds);
                char msg[512];
                if (dm_setting_find(W->w[0]))
                    snprintf(msg, sizeof msg, "unknown command '%s' (to change the setting: set %s VALUE)", W->w[0],
                             W->w[0]);
                else if (m)
                    snprintf(msg, sizeof msg, "unknown command '%s' (did you mean '%s'?)", W->w[0], m);
                else
                    snprintf(msg, sizeof msg, "unknown command '%s' ('help' lists the commands)", W->w[0]);
                print_err(io, NULL, msg);
                status = 1;
            } else {
                int argc = W->n - 1;
                if (argc < d->min_args || (d->max_args >= 0 && argc > d->max_args)) {
                    char msg[512];
                    snprintf(msg, sizeof msg, "%s arguments (usage: %s %s)", argc < d->min_args ? "too few" : "too many",
                             d->name, d->usage);
                    print_err(io, d->name, msg);
                    status = 1;
                } else if (d->tui_only) {
                    if (!io->tui_cmd) {
                        print_err(io, d->name, "this command works only inside the TUI");
                        status = 1;
                    } else if (io->tui_cmd(io->tui_ud, d->name, argc, W->w + 1, &c.err)) {
                        print_err(io, d->name, c.err.msg);
                        status = 1;
                    }
                } else {
                    c.err.msg[0] = '\0';
                    if (d->fn(&c, argc, W->w + 1, W->raw + 1)) {
                        print_err(io, d->name, c.err.msg[0] ? c.err.msg : "failed");
                        status = 1;
                    } else if (c.quit) {
                        status = DM_CMD_QUIT;
                        break;
                    }
                }
            }
        }
        if (status == 1 && dm_session_settings(s)->on_error == 0)
            break;
    }
    free(W);
    free(copy);
    free(st);
    return status;
}

int dm_cmd_check(const char *line, dm_err *err)
{
    char **st;
    int n, count = 0, rc = 0;
    if (split_statements(line, &st, &n))
        return dm_errf(err, "out of memory");
    words *W = malloc(sizeof *W);
    dm_settings *set = malloc(sizeof *set);
    if (!W || !set)
        rc = dm_errf(err, "out of memory");
    else
        dm_settings_default(set);
    for (int i = 0; rc == 0 && i < n; i++) {
        if (tokenize(st[i], W, err)) {
            rc = -1;
            break;
        }
        if (W->n == 0)
            continue;
        const dm_cmd_def *d = dm_cmd_find(W->w[0]);
        if (!d) {
            rc = dm_errf(err, "unknown command '%s'", W->w[0]);
            break;
        }
        int argc = W->n - 1;
        if (argc < d->min_args || (d->max_args >= 0 && argc > d->max_args)) {
            rc = dm_errf(err, "%s: wrong number of arguments (usage: %s %s)", d->name, d->name, d->usage);
            break;
        }
        if (strcmp(d->name, "set") == 0)
            for (int a = 1; rc == 0 && a + 1 < W->n; a += 2)
                if (dm_settings_set(set, W->w[a], W->w[a + 1], err))
                    rc = -1;
        count++;
    }
    free(W);
    free(set);
    free(n ? st[0] : NULL);
    free(st);
    return rc ? -1 : count;
}

/* ---- completion ---- */

static const char *const summary_cols[] = {
    "id", "created", "model", "split", "tokens", "ratio", "ratio_achieved", "bits", "k", "eps", "mode", "policy",
    "proj", "path", "threads", "kernels", "metric", "value", "value_se", "dense_value", "delta", "delta_pct",
    "dppl_pct", "loss_pct", "kld", "top1_agree", "speedup", "speedup_min", "speedup_max", "speedup_e2e",
    "bytes_ratio", "little_bytes", "seconds", "status", "partial", "note", "git_rev", "family", "predictor",
    "mac_ratio", "mac_reduction", "dacc", "dbleu", "streams", "where", "order", "by",
    "limit", "and", "or", "desc", "asc"};

static void each_model(void (*fn)(void *ud, const char *cand), void *ud, const char *prefix)
{
    char dirs[16][DM_PATH_MAX];
    int nd = dm_search_dirs("DUALMOD_MODELS", "models", dirs, 16);
    char seen[32][256];
    int ns = 0;
    for (int i = 0; i < nd; i++) {
        DIR *d = opendir(dirs[i]);
        if (!d)
            continue;
        struct dirent *e;
        while ((e = readdir(d)) != NULL) {
            if (e->d_name[0] == '.' || strncmp(e->d_name, prefix, strlen(prefix)))
                continue;
            char f[DM_PATH_MAX + 300];
            snprintf(f, sizeof f, "%.4096s/%.255s/model.safetensors", dirs[i], e->d_name);
            if (access(f, R_OK))
                continue;
            int dup = 0;
            for (int j = 0; j < ns; j++)
                if (strcmp(seen[j], e->d_name) == 0)
                    dup = 1;
            if (dup || ns == 32)
                continue;
            snprintf(seen[ns++], 256, "%s", e->d_name);
            fn(ud, e->d_name);
        }
        closedir(d);
    }
}

dm_complete dm_cmd_complete(dm_session *s, const char *line, void (*fn)(void *ud, const char *cand), void *ud)
{
    (void)s;
    /* the current statement */
    const char *st = line;
    char q = 0;
    for (const char *p = line; *p; p++) {
        if (q) {
            if (*p == q)
                q = 0;
        } else if (*p == '\'' || *p == '"') {
            q = *p;
        } else if (*p == ';') {
            st = p + 1;
        }
    }
    /* words before the cursor, and the partial word */
    char buf[2048];
    snprintf(buf, sizeof buf, "%s", st);
    char *w[64];
    int nw = 0;
    int trailing_space = 0;
    size_t bl = strlen(buf);
    trailing_space = bl == 0 || buf[bl - 1] == ' ' || buf[bl - 1] == '\t';
    for (char *t = strtok(buf, " \t"); t && nw < 64; t = strtok(NULL, " \t"))
        w[nw++] = t;
    const char *partial = "";
    int idx = nw; /* index of the word being typed */
    if (!trailing_space && nw > 0) {
        partial = w[nw - 1];
        idx = nw - 1;
    }
    size_t pl = strlen(partial);
    if (idx == 0) {
        for (int i = 0; i < dm_ncmds; i++)
            if (strncmp(dm_cmd_table[i].name, partial, pl) == 0)
                fn(ud, dm_cmd_table[i].name);
        return DM_C_COMMAND;
    }
    const dm_cmd_def *d = dm_cmd_find(w[0]);
    if (!d)
        return DM_C_NONE;
    switch (d->complete) {
    case DM_C_SETTING:
    case DM_C_SWEEP: {
        /* set NAME VALUE NAME VALUE ...: even positions are names (get: all names) */
        int name_pos = strcmp(d->name, "get") == 0 || (idx % 2) == 1;
        if (name_pos) {
            for (int i = 0; i < DM_S_COUNT; i++)
                if (strncmp(dm_settings_table[i].name, partial, pl) == 0)
                    fn(ud, dm_settings_table[i].name);
            if (d->complete == DM_C_SWEEP && strncmp("--force", partial, pl) == 0)
                fn(ud, "--force");
            return DM_C_SETTING;
        }
        const dm_setting_def *sd = dm_setting_find(w[idx - 1]);
        if (!sd)
            return DM_C_NONE;
        if (sd->id == DM_S_MODEL) {
            each_model(fn, ud, partial);
            return DM_C_MODEL;
        }
        if (sd->id == DM_S_SPLIT) {
            const char *sp[] = {"valid", "test", "train"};
            for (int i = 0; i < 3; i++)
                if (strncmp(sp[i], partial, pl) == 0)
                    fn(ud, sp[i]);
            return DM_C_FILE;
        }
        if (sd->choices) {
            char ch[16][16];
            int n = split_choices(sd->choices, ch, 16);
            for (int i = 0; i < n; i++)
                if (strncmp(ch[i], partial, pl) == 0)
                    fn(ud, ch[i]);
        }
        return DM_C_NONE;
    }
    case DM_C_MODEL:
        if (idx == 1)
            each_model(fn, ud, partial);
        return DM_C_FILE;
    case DM_C_FILE:
        if (strcmp(d->name, "export") == 0 && idx != 2) { /* export csv|json FILE [where COND] */
            if (idx == 1) {
                const char *f[] = {"csv", "json"};
                for (int i = 0; i < 2; i++)
                    if (strncmp(f[i], partial, pl) == 0)
                        fn(ud, f[i]);
                return DM_C_NONE;
            }
            if (idx == 3) {
                if (strncmp("where", partial, pl) == 0)
                    fn(ud, "where");
                return DM_C_NONE;
            }
            for (size_t i = 0; i < sizeof summary_cols / sizeof summary_cols[0]; i++)
                if (strncmp(summary_cols[i], partial, pl) == 0)
                    fn(ud, summary_cols[i]);
            return DM_C_COLUMN;
        }
        return DM_C_FILE;
    case DM_C_COMMAND:
        for (int i = 0; i < dm_ncmds; i++)
            if (strncmp(dm_cmd_table[i].name, partial, pl) == 0)
                fn(ud, dm_cmd_table[i].name);
        for (int i = 0; i < DM_S_COUNT; i++)
            if (strncmp(dm_settings_table[i].name, partial, pl) == 0)
                fn(ud, dm_settings_table[i].name);
        if (strncmp("settings", partial, pl) == 0)
            fn(ud, "settings");
        return DM_C_COMMAND;
    case DM_C_COLUMN:
        if (strcmp(d->name, "pareto") == 0 || strcmp(d->name, "best") == 0) { /* ... [across DIM,...|all] */
            if (idx >= 2 && strcasecmp(w[idx - 1], "across") == 0) {
                const char *last = strrchr(partial, ','); /* a list: complete its last dimension */
                int head = last ? (int)(last + 1 - partial) : 0;
                char cand[300];
                if (!last && strncmp("all", partial, pl) == 0)
                    fn(ud, "all");
                for (int i = 0; i < DM_G_N; i++)
                    if (strncmp(dm_group_dims[i], partial + head, pl - (size_t)head) == 0) {
                        snprintf(cand, sizeof cand, "%.*s%s", head, partial, dm_group_dims[i]);
                        fn(ud, cand);
                    }
                return DM_C_NONE;
            }
            if (strncmp("across", partial, pl) == 0)
                fn(ud, "across");
        }
        for (size_t i = 0; i < sizeof summary_cols / sizeof summary_cols[0]; i++)
            if (strncmp(summary_cols[i], partial, pl) == 0)
                fn(ud, summary_cols[i]);
        return DM_C_COLUMN;
    default:
        return DM_C_NONE;
    }
}

/* ---- help and the man page ---- */

/* a bound as written: whole numbers in full (100000000, not 1e+08) */
static void range_num(char *out, size_t n, double x)
{
    if (x == floor(x) && fabs(x) < 1e15)
        snprintf(out, n, "%.0f", x);
    else
        snprintf(out, n, "%g", x);
}

void dm_setting_range(const dm_setting_def *d, char *out, size_t n)
{
    char lo[32], hi[32];
    range_num(lo, sizeof lo, d->lo);
    range_num(hi, sizeof hi, d->hi);
    switch (d->type) {
    case DM_ST_STRING: snprintf(out, n, "text"); break;
    case DM_ST_INT: snprintf(out, n, "integer %s..%s", lo, hi); break;
    case DM_ST_REAL: snprintf(out, n, "%s..%s", lo, hi); break;
    case DM_ST_BITS: snprintf(out, n, "fp32 (0) or 1..16"); break;
    default: {
        snprintf(out, n, "%s", d->choices);
        for (char *p = out; *p; p++)
            if (*p == '|')
                *p = ',';
    }
    }
}

int dm_cmd_help(FILE *out, const char *topic, dm_err *err)
{
    if (topic && strcmp(topic, "commands") && strcmp(topic, "settings")) {
        const dm_cmd_def *d = dm_cmd_find(topic);
        if (d) {
            fprintf(out, "%s %s\n    %s\n", d->name, d->usage, d->help);
            if (d->details)
                fprintf(out, "    %s\n", d->details);
            return 0;
        }
        const dm_setting_def *s = dm_setting_find(topic);
        if (s) {
            char r[128];
            dm_setting_range(s, r, sizeof r);
            fprintf(out, "setting %s (%s; default %s)\n    %s\n", s->name, r, s->def, s->help);
            return 0;
        }
        const char *cands[96];
        int n = 0;
        for (int i = 0; i < dm_ncmds; i++)
            cands[n++] = dm_cmd_table[i].name;
        for (int i = 0; i < DM_S_COUNT; i++)
            cands[n++] = dm_settings_table[i].name;
        const char *m = dm_close_match(topic, cands, n);
        if (m)
            return dm_errf(err, "no command or setting '%s' (did you mean '%s'?)", topic, m);
        return dm_errf(err, "no command or setting '%s'", topic);
    }
    if (!topic || strcmp(topic, "commands") == 0) {
        fprintf(out, "Commands (separate several with ';', '#' starts a comment):\n");
        for (int i = 0; i < dm_ncmds; i++) {
            char u[96];
            snprintf(u, sizeof u, "%s %s", dm_cmd_table[i].name, dm_cmd_table[i].usage);
            fprintf(out, "  %-44s %s%s\n", u, dm_cmd_table[i].help, dm_cmd_table[i].tui_only ? " (TUI)" : "");
        }
    }
    if (!topic || strcmp(topic, "settings") == 0) {
        fprintf(out, "%sSettings (set NAME VALUE; get NAME):\n", topic ? "" : "\n");
        for (int i = 0; i < DM_S_COUNT; i++) {
            const dm_setting_def *s = &dm_settings_table[i];
            char r[128];
            dm_setting_range(s, r, sizeof r);
            fprintf(out, "  %-12s %-24s default %-9s %s\n", s->name, r, s->def, s->help);
        }
    }
    if (!topic)
        fprintf(out, "\n'help NAME' explains one command or setting.\n");
    return 0;
}

/* troff-escape a string (backslashes, leading dots and quotes, hyphens) */
static void man_text(FILE *out, const char *s)
{
    if (*s == '.' || *s == '\'')
        fputs("\\&", out);
    for (; *s; s++) {
        if (*s == '\\')
            fputs("\\e", out);
        else if (*s == '-')
            fputs("\\-", out);
        else
            fputc(*s, out);
    }
}

void dm_cmd_man(FILE *out, const char *version, const dm_key_help *keys, int nkeys)
{
    fprintf(out, ".\\\" dualmod.1 - generated by 'dualmod --man' from the command table (src/cmd/cmd.c)\n");
    fprintf(out, ".TH DUALMOD 1 \"\" \"dualmod %s\" \"User Commands\"\n", version);
    fputs(".SH NAME\ndualmod \\- explore dual\\-module inference on trained networks\n", out);
    fputs(".SH SYNOPSIS\n"
          ".B dualmod\n[\\fIOPTIONS\\fR]\n.br\n"
          ".B dualmod\n[\\fIOPTIONS\\fR] \\fB\\-c\\fR \\fICOMMANDS\\fR | \\fB\\-f\\fR \\fIFILE\\fR\n.br\n"
          ".B dualmod shell\n[\\fIOPTIONS\\fR]\n.br\n"
          ".B dualmod tui\n[\\fIMODEL\\fR]\n.br\n"
          ".B dualmod\n\\fBeval\\fR|\\fBinfo\\fR|\\fBbench\\fR|\\fBlittle\\fR|\\fBstudy\\fR [\\fIMODEL\\fR] [\\fIOPTIONS\\fR]\n"
          ".br\n.B dualmod bleu\n\\fIHYP\\fR \\fIREF\\fR [\\fIOPTIONS\\fR]\n"
          ".br\n.B dualmod translate\n\\fIMODEL\\fR [\\fITEXT\\fR] [\\fIOPTIONS\\fR]\n",
          out);
    fputs(".SH DESCRIPTION\n"
          "dualmod builds a little module (a sparse random projection plus low\\-bit weights fitted to the big "
          "layer's pre\\-activations) for each recurrent layer of a trained language model and, at inference, uses "
          "the little output wherever the activation is insensitive, computing only the sensitive rows with the "
          "big weights. It measures the quality change against the dense model and the speedup of interleaved "
          "dense/dual steps, and stores every configuration tried in an SQLite run store.\n"
          ".PP\n"
          "With no arguments on a terminal it opens the TUI on the bundled model. The same command language "
          "drives the TUI prompt, \\fB\\-c\\fR, \\fB\\-f\\fR, standard input when it is not a terminal, and "
          "\\fBdualmod shell\\fR (GNU readline, completion, history). Statements are separated by \\fB;\\fR or "
          "new lines; \\fB#\\fR starts a comment. Non\\-interactive modes stop at the first failing statement "
          "(unless \\fBset on\\-error continue\\fR) and exit with status 1, naming the file and line.\n",
          out);
    fputs(".SH OPTIONS\n", out);
    static const char *opts[][2] = {
        {"-c COMMANDS", "run the commands and exit"},
        {"-f FILE", "run a script file and exit ('-' = standard input)"},
        {"--db PATH", "the run store (default $XDG_DATA_HOME/dualmod/runs.db)"},
        {"--no-store", "do not store runs"},
        {"--headless, --size COLSxROWS, --script FILE", "TUI: render off-screen, driven by a script (tests)"},
        {"--no-color, --ascii", "TUI: no colours (also NO_COLOR); ASCII drawing"},
        {"--no-start", "TUI: do not start evaluating at once; the sliders wait for Enter until the first run"},
        {"--format table|csv|json|jsonl|md",
         "output format of results: json is one document per command (an array for several rows), jsonl one "
         "object per line, md a Markdown table"},
        {"--explain", "eval, info, bench, little, study, bleu: print the statements of the command language they run"},
        {"-q, --quiet", "no progress and no informational messages"},
        {"--man", "print this manual page (troff)"},
        {"-h, --help", "usage of the program and its subcommands"},
        {"-V, --version", "print the version"},
    };
    for (size_t i = 0; i < sizeof opts / sizeof opts[0]; i++) {
        fputs(".TP\n.B ", out);
        man_text(out, opts[i][0]);
        fputc('\n', out);
        man_text(out, opts[i][1]);
        fputc('\n', out);
    }
    fputs(".PP\nThe subcommands eval, info, bench, little, study and translate take the options listed by "
          "\\fBdualmod \\-\\-help\\fR and are rewritten into the command language: "
          "\\fBdualmod eval M \\-\\-ratio 0.5\\fR runs \\fBload M; set ratio 0.5; run detail\\fR; "
          "\\fBdualmod translate M 'TEXT'\\fR runs \\fBload M; set ratio 0; translate 'TEXT'\\fR "
          "(without TEXT, \\fBtranslate \\-\\fR: one sentence a line from stdin; with \\fB\\-\\-ratio R\\fR the "
          "dual\\-module decoder, with the other dual\\-module options); "
          "\\fBdualmod bleu HYP REF\\fR runs \\fBbleu HYP REF\\fR (it takes \\fB\\-\\-format\\fR, "
          "\\fB\\-q\\fR and \\fB\\-\\-explain\\fR).\n",
          out);
    fputs(".PP\nIn the TUI, \\fB?\\fR lists the keys. \\fBc\\fR or Ctrl\\-C cancels the running evaluation or "
          "command (a cancelled run is stored with status cancelled and its partial figures); with nothing to "
          "cancel, Ctrl\\-C says that \\fBq\\fR quits, and a second Ctrl\\-C within 2 seconds quits with status "
          "130. \\fBq\\fR quits (it asks while a run is busy).\n",
          out);
    fputs(".SH COMMANDS\n", out);
    for (int i = 0; i < dm_ncmds; i++) {
        const dm_cmd_def *d = &dm_cmd_table[i];
        fputs(".TP\n.B ", out);
        man_text(out, d->name);
        if (d->usage[0]) {
            fputs(" \\fI", out);
            man_text(out, d->usage);
            fputs("\\fR", out);
        }
        fputc('\n', out);
        man_text(out, d->help);
        fputs(d->tui_only ? " (TUI only).\n" : ".\n", out);
        if (d->details) {
            man_text(out, d->details);
            fputc('\n', out);
        }
    }
    fputs(".SH SETTINGS\n", out);
    for (int i = 0; i < DM_S_COUNT; i++) {
        const dm_setting_def *s = &dm_settings_table[i];
        char r[128];
        dm_setting_range(s, r, sizeof r);
        fputs(".TP\n.B ", out);
        man_text(out, s->name);
        fputs(" \\fI", out);
        man_text(out, r);
        fputs("\\fR (default ", out);
        man_text(out, s->def);
        fputs(")\n", out);
        man_text(out, s->help);
        fputs(".\n", out);
    }
    if (keys && nkeys > 0) {
        fputs(".SH TUI KEYS\n"
              "In the TUI (\\fBdualmod\\fR on a terminal, or \\fBdualmod tui\\fR; \\fB?\\fR shows them there too):\n",
              out);
        for (int i = 0; i < nkeys; i++) {
            fputs(".TP\n.B ", out);
            man_text(out, keys[i].keys);
            fputc('\n', out);
            man_text(out, keys[i].what);
            fputs(".\n", out);
        }
    }
    fputs(".SH FILES\n"
          ".TP\n.I $XDG_DATA_HOME/dualmod/runs.db\n"
          "The run store (else \\fI~/.local/share/dualmod/runs.db\\fR): SQLite, schema in db/README.md; query it "
          "with \\fBsqlite3\\fR, e.g. \\fBselect * from run_summary\\fR.\n"
          ".TP\n.I $XDG_STATE_HOME/dualmod/history\n"
          "Command history of the shell and the TUI prompt (else \\fI~/.local/state/dualmod/history\\fR).\n"
          ".TP\n.I $XDG_CACHE_HOME/dualmod/\n"
          "Cached little\\-module fit data (moments of the training split), keyed by model and data hash.\n"
          ".TP\n.I PREFIX/share/dualmod/models, PREFIX/share/dualmod/data, PREFIX/share/dualmod/examples\n"
          "The bundled models, data splits and example scripts (\\fBdualmod \\-f\\fR \\fIFILE\\fR) of an "
          "installation. An installed dualmod reads those of its own "
          "installation, found beside the program (\\fIROOT/bin/dualmod\\fR reads \\fIROOT/share/dualmod\\fR, so "
          "a moved installation or one staged with \\fBmake install DESTDIR=...\\fR works), never the tree it "
          "was built in; dualmod run from its build tree reads the tree's \\fImodels/\\fR and \\fIdata/\\fR. "
          "\\fBdualmod \\-\\-help\\fR names the directory in use.\n",
          out);
    fputs(".SH ENVIRONMENT\n"
          ".TP\n.B DUALMOD_MODELS\nColon\\-separated directories searched for model names before the bundled "
          "models.\n"
          ".TP\n.B DUALMOD_DATA\nDirectory searched for data splits (dataset/split.txt).\n"
          ".TP\n.B XDG_DATA_HOME, XDG_STATE_HOME, XDG_CACHE_HOME\nLocations of the run store, the history and the "
          "cache.\n"
          ".TP\n.B NO_COLOR\nWhen set, the TUI uses no colours.\n"
          ".TP\n.B OPENBLAS_NUM_THREADS\nIgnored for dualmod's own work: the \\fBthreads\\fR setting sets "
          "OpenBLAS's threads explicitly.\n",
          out);
    fputs(".SH EXIT STATUS\n0 on success; 1 when a statement or command failed; 2 on a usage error; 130 after an "
          "interrupt.\n",
          out);
    fputs(".SH EXAMPLES\n.nf\n"
          "dualmod \\-c 'load kjv\\-lstm; set ratio 0.5; set bits 4; run'\n"
          "dualmod \\-f examples/sweep.dm    # a quick grid (set limit 5000: ~1.5 min on 2 cores)\n"
          "printf 'load kjv\\-gru\\\\nset limit 5000\\\\nsweep ratio 0.1:0.9:0.4\\\\n' | dualmod \\-\\-format csv\n"
          "dualmod \\-c \"runs where model = 'kjv\\-lstm' and dppl_pct < 1 order by speedup desc limit 5\"\n"
          "dualmod \\-c 'pareto dppl_pct speedup; best speedup where dppl_pct <= 1'\n"
          "sqlite3 ~/.local/share/dualmod/runs.db 'select * from run_summary'\n"
          ".fi\n",
          out);
}
