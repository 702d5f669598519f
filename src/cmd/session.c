/* session.c - the current model, settings, caches and the worker thread. */
#define _POSIX_C_SOURCE 200809L
#include "session.h"
#include "seq2seq.h"

#include "bench.h"

#include <errno.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "dualfile.h"
#include "eval.h"
#include "family.h"
#include "rnnlm.h"
#include "kernels.h"
#include "tune.h"
#include "models.h"

#define FIT_TOKENS 60000
#define CALIB_TOKENS 4000

struct dm_session {
    dm_settings set;
    double probe_bytes, probe_ratio; /* dm_session_info's cache probe: for these bytes, this ratio */
    char db_path[DM_PATH_MAX];
    int have_db_path, no_store;
    char vocab_override[DM_PATH_MAX];
    char git_rev[48], build_flags[256], version[32], cpu[128];
    /* the model */
    int loaded;
    dm_model_ref ref;
    dm_net *net;         /* of its family (family.h) */
    /* the data being evaluated (keyed by path and limit) */
    int have_corpus;
    char corpus_path[DM_PATH_MAX];
    long corpus_limit;
    dm_data *data;
    /* a language model with no training split and no fit-data (heldout_applies): data is the rest of the
     * text after its first hold_n tokens, which fit the little module; hold_src holds the text's head (at
     * least hold_n tokens); corpus_held and corpus_fit_tokens are part of data's key then */
    int corpus_held;
    long corpus_fit_tokens;
    dm_data *hold_src;
    long hold_n;
    char hold_note[DM_PATH_MAX + 160]; /* what was held out: the run's note */
    char hold_said[DM_PATH_MAX + 192]; /* the held-out slice last announced (once, not every run) */
    /* little-module fit data (per model) */
    int have_fd;
    dm_fitdata fd;
    /* the dual-module engine on the network's sites (keyed by its build knobs) */
    int have_dual;
    dm_engine eng;
    dm_dual dual_view;   /* the LM family's view of eng (dm_session_dual), refreshed by prepare */
    int dual_kernels;
    /* a dual file (dm_session_load_dual): eng came from it (eng_from_file), and runs use it while
     * the settings' build knobs stay the file's (dual_loaded); notice: why it was let go */
    int eng_from_file, dual_loaded;
    dm_dual_file_info dual_info;
    char notice[DM_PATH_MAX + 256];
    /* the store */
    dm_store *store;
    pthread_mutex_t store_mu;
    const volatile int *query_cancel;
    int store_unique; /* runs stored with dm_store_add_unique (a sweep) */
    char tag[64];     /* stored with every run (dm_session_set_tag) */
    /* the worker: one persistent thread taking the latest request; mu guards
     * the request slot, the flags and the snapshot */
    pthread_t th;
    int th_running;     /* the thread exists */
    int req_pending;    /* a run was requested and not yet taken */
    int working;        /* the thread is running a request */
    int quit;
    volatile int cancel;
    volatile int stop_fit; /* also stop a fit's collection (dm_session_stop), not only the run */
    pthread_mutex_t mu;
    pthread_cond_t wake, idle;
    dm_snapshot snap;
    uint64_t seq, run_seq;
    dm_settings req_cfg; /* settings of the requested run */
    long corpus_n;       /* tokens of the current data (for dm_session_info) */
    long corpus_n_limit; /* the limit setting corpus_n was read with (under mu: dm_group_rows) */
    long corpus_hold_n;  /* tokens held out ahead of them to fit on (hold_n, under mu), or 0 */
    char fd_key[DM_PATH_MAX + 96]; /* what dm_session_fitdata fitted fd on ("" = prepare()'s defaults) */
};

const char *dm_run_state_name(dm_run_state s)
{
    static const char *n[] = {"idle", "preparing", "timing", "evaluating", "done", "cancelled", "failed"};
    return (unsigned)s < sizeof n / sizeof n[0] ? n[s] : "?";
}

static void setstr(char *dst, size_t n, const char *src)
{
    size_t l = strlen(src);
    if (l >= n)
        l = n - 1;
    memcpy(dst, src, l);
    dst[l] = '\0';
}

static void snap_reset(dm_snapshot *sn)
{
    memset(sn, 0, sizeof *sn);
    sn->value = sn->value_se = sn->dense_value = sn->delta = sn->delta_pct = NAN;
    sn->kld = sn->top1_agree = sn->ratio_achieved = NAN;
    sn->speedup = sn->speedup_min = sn->speedup_max = sn->speedup_e2e = sn->speed_limit = NAN;
    sn->bytes_ratio = sn->little_bytes = sn->mac_ratio = NAN;
    sn->items_per_s = sn->eta_s = NAN;
    for (int l = 0; l < DM_SNAP_LAYERS; l++) {
        sn->layer_ratio[l] = sn->recall[l] = NAN;
        for (int g = 0; g < DM_SNAP_GATES; g++)
            sn->gate_ratio[l][g] = NAN;
    }
}

int dm_session_new(dm_session **out, const dm_session_opts *o, dm_err *err)
{
    dm_session *s = calloc(1, sizeof *s);
    if (!s)
        return dm_errf(err, "out of memory");
    dm_settings_default(&s->set);
    if (o && o->db_path) {
        setstr(s->db_path, sizeof s->db_path, o->db_path);
        s->have_db_path = 1;
    }
    if (o && o->no_store) {
        s->no_store = 1;
        s->set.store = 0;
    }
    if (o && o->vocab)
        setstr(s->vocab_override, sizeof s->vocab_override, o->vocab);
    setstr(s->git_rev, sizeof s->git_rev, "unknown");
    setstr(s->version, sizeof s->version, "unknown");
    dm_cpu_model(s->cpu, sizeof s->cpu);
    pthread_mutex_init(&s->mu, NULL);
    pthread_mutex_init(&s->store_mu, NULL);
    pthread_cond_init(&s->wake, NULL);
    pthread_cond_init(&s->idle, NULL);
    snap_reset(&s->snap);
    *out = s;
    return 0;
}

void dm_session_set_build(dm_session *s, const char *git_rev, const char *build_flags, const char *version)
{
    if (git_rev)
        setstr(s->git_rev, sizeof s->git_rev, git_rev);
    if (build_flags)
        setstr(s->build_flags, sizeof s->build_flags, build_flags);
    if (version)
        setstr(s->version, sizeof s->version, version);
}

static void drop_dual(dm_session *s)
{
    if (s->have_dual)
        dm_engine_free(&s->eng);
    s->have_dual = 0;
}

static void drop_model(dm_session *s)
{
    drop_dual(s);
    s->eng_from_file = s->dual_loaded = 0;
    s->set.dual[0] = '\0';
    if (s->have_fd)
        dm_fitdata_free(&s->fd);
    s->have_fd = 0;
    if (s->have_corpus)
        s->net->fam->close(s->data);
    s->data = NULL;
    s->have_corpus = 0;
    if (s->hold_src)
        s->net->fam->close(s->hold_src);
    s->hold_src = NULL;
    s->hold_n = 0;
    s->hold_note[0] = '\0';
    pthread_mutex_lock(&s->mu);
    s->corpus_hold_n = 0;
    pthread_mutex_unlock(&s->mu);
    if (s->loaded)
        dm_net_free(s->net);
    s->net = NULL;
    s->loaded = 0;
}

/* Cancel the running and the requested run and wait until the worker is
 * idle: after this only the calling thread touches the caches. A fit in
 * progress completes (the caller will want it) unless stop_fit. */
static void join_worker(dm_session *s, int stop_fit)
{
    pthread_mutex_lock(&s->mu);
    s->req_pending = 0;
    s->cancel = 1;
    if (stop_fit)
        s->stop_fit = 1;
    while (s->working)
        pthread_cond_wait(&s->idle, &s->mu);
    pthread_mutex_unlock(&s->mu);
}

void dm_session_free(dm_session *s)
{
    if (!s)
        return;
    join_worker(s, 1);
    if (s->th_running) {
        pthread_mutex_lock(&s->mu);
        s->quit = 1;
        pthread_cond_signal(&s->wake);
        pthread_mutex_unlock(&s->mu);
        pthread_join(s->th, NULL);
    }
    drop_model(s);
    if (s->store)
        dm_store_close(s->store);
    pthread_mutex_destroy(&s->mu);
    pthread_mutex_destroy(&s->store_mu);
    pthread_cond_destroy(&s->wake);
    pthread_cond_destroy(&s->idle);
    free(s);
}

const dm_settings *dm_session_settings(const dm_session *s) { return &s->set; }
int dm_session_loaded(const dm_session *s) { return s->loaded; }

int dm_session_busy(dm_session *s)
{
    pthread_mutex_lock(&s->mu);
    int b = s->working || s->req_pending;
    pthread_mutex_unlock(&s->mu);
    return b;
}

void dm_session_cancel(dm_session *s)
{
    pthread_mutex_lock(&s->mu);
    s->req_pending = 0;
    s->cancel = 1;
    pthread_mutex_unlock(&s->mu);
}

void dm_session_stop(dm_session *s)
{
    pthread_mutex_lock(&s->mu);
    s->req_pending = 0;
    s->cancel = 1;
    s->stop_fit = 1;
    pthread_mutex_unlock(&s->mu);
}

dm_run_state dm_session_wait(dm_session *s)
{
    pthread_mutex_lock(&s->mu);
    while (s->working || s->req_pending)
        pthread_cond_wait(&s->idle, &s->mu);
    dm_run_state st = s->snap.state;
    pthread_mutex_unlock(&s->mu);
    return st;
}

void dm_session_snapshot(dm_session *s, dm_snapshot *out)
{
    pthread_mutex_lock(&s->mu);
    *out = s->snap;
    pthread_mutex_unlock(&s->mu);
}

int dm_session_load(dm_session *s, const char *spec, dm_err *err)
{
    join_worker(s, 1); /* the fit in progress is the old model's */
    dm_model_ref ref;
    dm_net *net;
    if (dm_model_resolve(spec, s->vocab_override[0] ? s->vocab_override : NULL, &ref, err))
        return -1;
    if (dm_net_load(ref.file, ref.vocab, &net, err))
        return -1;
    if (s->vocab_override[0] && net->fam != &dm_family_rnnlm) {
        /* only a language model reads a vocabulary file: an ignored --vocab would hide a mistake */
        dm_errf(err, "%s: --vocab %s: a %s model has no vocabulary file to replace (%s)", spec, s->vocab_override,
                net->fam->name,
                net->fam == &dm_family_seq2seq ? "a translator reads vocab.SRC and vocab.TGT beside its model"
                                               : "a classifier's classes are in its model file");
        dm_net_free(net);
        return -1;
    }
    /* the new model replaces the old one only now that it loaded */
    drop_model(s);
    s->ref = ref;
    s->net = net;
    s->loaded = 1;
    setstr(s->set.model, sizeof s->set.model, spec);
    pthread_mutex_lock(&s->mu);
    snap_reset(&s->snap);
    s->snap.seq = ++s->seq;
    s->snap.run_seq = s->run_seq;
    s->snap.cfg = s->set;
    pthread_mutex_unlock(&s->mu);
    return 0;
}

static int dual_file_fits(dm_session *s, const dm_settings *c);

/* The engine configuration of settings c for the loaded network: the knobs, the per-site knobs (their sites
 * and ranges checked) and k resolved (may be NULL). Runs fit with the default ridge strength (the lambda
 * setting is for little, study and bench). */
static int settings_cfg(const dm_session *s, const dm_settings *c, dm_dual_cfg *cfg, int *k, dm_err *err)
{
    dm_dual_cfg_default(cfg);
    cfg->ratio = c->ratio, cfg->bits = c->bits, cfg->k = c->k, cfg->eps = c->eps, cfg->seed = (uint64_t)c->seed;
    cfg->proj = (dm_proj_kind)c->proj, cfg->policy = (dm_policy)c->policy, cfg->mode = (dm_mode)c->mode;
    cfg->predictor = (dm_predictor)c->predictor;
    int kk;
    if (dm_settings_apply_sites(c, s->net->site, s->net->nsites, cfg, err) ||
        dm_dual_cfg_check_sites(cfg, s->net->site, s->net->nsites, k ? k : &kk, err))
        return -1;
    return 0;
}

int dm_session_set(dm_session *s, const char *name, const char *value, int cancel_running, dm_err *err)
{
    const dm_setting_def *def = dm_setting_find(name);
    dm_settings tmp = s->set;
    if (dm_settings_set(&tmp, name, value, err))
        return -1;
    int passive = def && (def->id == DM_S_ON_ERROR || def->id == DM_S_FORMAT || def->id == DM_S_STORE ||
                          def->id == DM_S_SPEED || def->id == DM_S_EXPERIMENT || def->id == DM_S_SHARD);
    if (!passive && dm_session_busy(s)) {
        if (!cancel_running)
            return dm_errf(err, "a run is in progress: 'stop' it before changing %s", name);
        /* the worker runs on its own copy of the settings: stop it without waiting
         * (a model change waits, in dm_session_load) */
        dm_session_cancel(s);
    }
    if (!def && s->loaded && s->net) { /* a per-site knob: its site must be one of the model's, its value fit it */
        dm_dual_cfg cfg;
        if (settings_cfg(s, &tmp, &cfg, NULL, err))
            return dm_err_prefix(err, "%s", name);
    }
    if (def && def->id == DM_S_STORE && tmp.store && s->no_store)
        return dm_errf(err, "the run store is disabled (--no-store)");
    if (def && def->id == DM_S_MODEL) {
        if (strcmp(tmp.model, "-") == 0)
            return dm_errf(err, "model: '-' is no model; give one to load (a name such as kjv-lstm, a directory or "
                                "a .safetensors file)");
        if (dm_session_load(s, tmp.model, err))
            return -1;
        return 0;
    }
    if (def && def->id == DM_S_DUAL)
        return dm_session_load_dual(s, tmp.dual, err);
    if (def && def->id == DM_S_KERNELS && tmp.kernels) {
        static const dm_kvariant kv[] = {DM_KV_REF, DM_KV_REF, DM_KV_AVX2, DM_KV_AVX512};
        if (!dm_kernels_get(kv[tmp.kernels]))
            return dm_errf(err, "kernels %s: this CPU lacks the instructions (best here: %s)", value,
                           dm_kernels_best()->name);
    }
    s->set = tmp;
    if (s->dual_loaded && !dual_file_fits(s, &s->set)) {
        /* the engine stays until the next run rebuilds it (the worker may be using it) */
        pthread_mutex_lock(&s->mu);
        snprintf(s->notice, sizeof s->notice,
                 "%s changes the little modules: the dual file %.1000s no longer applies; runs fit them again", name,
                 s->set.dual);
        pthread_mutex_unlock(&s->mu);
        s->dual_loaded = 0;
        s->set.dual[0] = '\0';
    }
    return 0;
}

int dm_session_notice(dm_session *s, char *out, size_t n)
{
    pthread_mutex_lock(&s->mu); /* the worker sets one too (prepare_data) */
    int have = s->notice[0] != '\0';
    if (have)
        setstr(out, n, s->notice);
    s->notice[0] = '\0';
    pthread_mutex_unlock(&s->mu);
    return have;
}

/* ---- model information ---- */

static const dm_kernels *kernels_of(const dm_settings *c)
{
    static const dm_kvariant kv[] = {DM_KV_REF, DM_KV_REF, DM_KV_AVX2, DM_KV_AVX512};
    if (c->kernels > 0 && c->kernels < 4 && dm_kernels_get(kv[c->kernels]))
        return dm_kernels_get(kv[c->kernels]);
    return dm_kernels_best();
}

static void session_info(dm_session *s, dm_model_info *o, int probe)
{
    memset(o, 0, sizeof *o);
    setstr(o->kernels, sizeof o->kernels, kernels_of(&s->set)->name);
    o->threads = s->set.threads;
    if (!s->loaded)
        return;
    setstr(o->name, sizeof o->name, s->ref.name);
    setstr(o->file, sizeof o->file, s->ref.file);
    const dm_net *net = s->net;
    setstr(o->arch, sizeof o->arch, net->arch);
    setstr(o->metric, sizeof o->metric, net->fam->metric);
    o->params = (long)net->params;
    o->bytes = net->file_bytes;
    o->nlayers = net->nsites;
    o->ngates = net->site[0].ngroups;
    for (int g = 0; g < o->ngates && g < DM_SNAP_GATES; g++)
        setstr(o->gate_name[g], sizeof o->gate_name[g], net->site[0].group[g].name);
    o->hidden = net->hidden;
    for (int l = 0; l < net->nsites && l < DM_SNAP_LAYERS; l++)
        setstr(o->site_name[l], sizeof o->site_name[l], net->site[l].name);
    setstr(o->item, sizeof o->item, net->fam->item);
    for (int l = 0; l < net->nsites; l++)
        o->dense_bytes += (double)net->site[l].orows * net->site[l].in * sizeof(float);
    o->llc_bytes = (double)dm_llc_bytes();
    /* Do the dense weights stream from memory? Measured, not looked up (bench.h). Once per model size
     * (about half a second: a 256 MB read). */
    if (probe && s->probe_bytes != o->dense_bytes) {
        s->probe_bytes = o->dense_bytes;
        s->probe_ratio = dm_cache_probe((size_t)o->dense_bytes, NULL, NULL);
    }
    o->cache_ratio = s->probe_bytes == o->dense_bytes ? s->probe_ratio : 0;
    pthread_mutex_lock(&s->mu);
    long cn = s->corpus_n, hn = s->corpus_hold_n;
    pthread_mutex_unlock(&s->mu);
    if (cn && hn)
        snprintf(o->data, sizeof o->data, "%.200s, %ld %ss (%ld held out to fit)", s->set.split, cn,
                 net->fam->item, hn);
    else if (cn)
        snprintf(o->data, sizeof o->data, "%.200s, %ld %ss", s->set.split, cn, net->fam->item);
    else
        snprintf(o->data, sizeof o->data, "%.200s%s", s->set.split, s->set.limit ? " (limited)" : "");
}

void dm_session_info(dm_session *s, dm_model_info *o) { session_info(s, o, 1); }

void dm_session_info_brief(dm_session *s, dm_model_info *o) { session_info(s, o, 0); }

/* Threads for bulk GEMM work (fitting, the many-stream quality pass): every
 * online core, at most 8. */
static int quality_threads(void)
{
    long ncpu = sysconf(_SC_NPROCESSORS_ONLN);
    return ncpu > 1 ? (int)(ncpu < 8 ? ncpu : 8) : 1;
}

/* The language-model family's own objects, for its commands (little, study). */
static const dm_rnnlm *rnnlm_of(const dm_session *s)
{
    return s->loaded && s->net->fam == &dm_family_rnnlm ? (const dm_rnnlm *)s->net : NULL;
}

/* ---- preparing a run ---- */

static int resolve_split(dm_session *s, const dm_settings *c, char *path, size_t n, dm_err *err)
{
    const char *sp = c->split;
    if (strcmp(sp, "valid") == 0 || strcmp(sp, "test") == 0 || strcmp(sp, "train") == 0) {
        if (!s->net->dataset[0])
            return dm_errf(err, "model %s names no dataset in its metadata, so split '%s' is unknown: set split to a text file",
                           s->ref.name, sp);
        return dm_data_resolve(s->net->dataset, sp, path, n, err);
    }
    if (access(sp, R_OK) != 0) {
        dm_err e2;
        if (!strchr(sp, '/') && dm_data_resolve(sp, "test", path, n, &e2) == 0)
            return 0; /* a data set's name: its test split */
        return dm_errf(err, "split '%s': not valid, test or train, a data set's name, or a readable file", sp);
    }
    setstr(path, n, sp);
    return 0;
}

/* ---- a text held out to fit on ----
 *
 * A language model whose metadata names no dataset (a PyTorch state_dict
 * brought by the user) has no training split to fit its little module on.
 * With no fit-data either, the text being evaluated provides it: its head
 * fits the little module (and calibrates the thresholds, whose inputs are
 * sampled from the same fitting pass), only the rest is scored, by dense
 * and dual alike, so the figures never see a token the fit saw. The head is
 * a tenth of the text, at most the fit-tokens default's 60,000 tokens and at
 * least HOLD_MIN (a text of fewer than HOLD_MIN x HOLD_SHARE tokens is
 * refused): the figures keep nine tenths of a short text, and a long text
 * gives the fit what a training split would. An explicit fit-tokens N holds
 * out exactly N tokens (at most half the text). */
#define HOLD_SHARE 10
#define HOLD_MIN 1000

static int heldout_applies(dm_session *s, const dm_settings *c)
{
    return s->loaded && rnnlm_of(s) && s->ref.file[0] && !s->net->dataset[0] && !c->fit_data[0] &&
           !dual_file_fits(s, c);
}

/* Tokens to read of a held-out text: all of it, or under a limit enough for the slice and the limit (then the
 * text's head decides the slice as the whole text would). */
static long hold_read(const dm_settings *c)
{
    if (c->limit <= 0)
        return 0;
    long a = c->fit_tokens == FIT_TOKENS ? (long)FIT_TOKENS * HOLD_SHARE : 2 * c->fit_tokens;
    long b = (c->fit_tokens == FIT_TOKENS ? FIT_TOKENS : c->fit_tokens) + c->limit;
    return a > b ? a : b;
}

/* The held-out head of a text of T tokens read from path (at least what hold_read asks). */
static int heldout_size(const dm_session *s, const dm_settings *c, const char *path, long T, long *n,
                        dm_err *err)
{
    if (c->fit_tokens == FIT_TOKENS) {
        *n = T / HOLD_SHARE < FIT_TOKENS ? T / HOLD_SHARE : FIT_TOKENS;
        if (*n < HOLD_MIN)
            return dm_errf(err, "%s: %ld tokens are too few to hold out a slice to fit the little module on and "
                                "score the rest (model %s names no dataset, so no training split; the slice is the "
                                "first tenth of the text and at least %d tokens, so the text needs %d): give "
                                "fit-data FILE (--fit-data FILE), a longer text, or set fit-tokens N to hold out "
                                "N tokens (at most half of the text)",
                           path, T, s->ref.name, HOLD_MIN, HOLD_MIN * HOLD_SHARE);
    } else {
        *n = c->fit_tokens;
        if (T < 2 * *n)
            return dm_errf(err, "%s: %ld tokens are too few to hold out fit-tokens %ld to fit the little module on "
                                "and score at least as many (model %s names no dataset, so no training split): set "
                                "fit-tokens to at most %ld, or give fit-data FILE (--fit-data FILE)",
                           path, T, *n, s->ref.name, T / 2);
    }
    return 0;
}

/* The data split of settings c (cached by path and limit, and whether and how its head is held out); whole: no
 * held-out head even where heldout_applies (a dense evaluation fits nothing). */
static int prepare_data(dm_session *s, const dm_settings *c, int whole, dm_err *err)
{
    if (!s->loaded)
        return dm_errf(err, "no model loaded: 'load MODEL' first (e.g. load kjv-lstm)");
    int held = !whole && heldout_applies(s, c);
    if (held && (!strcmp(c->split, "valid") || !strcmp(c->split, "test") || !strcmp(c->split, "train")))
        return dm_errf(err, "model %s names no dataset in its metadata, so split '%s' is unknown and there is no "
                            "training split to fit the little module on: set split to a text file (its first tenth "
                            "fits the little module, the rest is scored) or fit-data FILE (--fit-data FILE)",
                       s->ref.name, c->split);
    char path[DM_PATH_MAX];
    if (resolve_split(s, c, path, sizeof path, err))
        return -1;
    if (s->have_corpus && strcmp(path, s->corpus_path) == 0 && s->corpus_limit == c->limit &&
        s->corpus_held == held && (!held || s->corpus_fit_tokens == c->fit_tokens))
        return 0;
    dm_data *nd, *src = NULL;
    long hold = 0;
    if (held) {
        if (s->net->fam->open(s->net, path, hold_read(c), &src, err))
            return -1;
        if (heldout_size(s, c, path, src->items, &hold, err) ||
            dm_rnnlm_data_slice(rnnlm_of(s), src, hold, c->limit, &nd, err)) {
            s->net->fam->close(src);
            return -1;
        }
    } else if (s->net->fam->open(s->net, path, c->limit, &nd, err)) {
        return -1;
    }
    if (s->have_corpus)
        s->net->fam->close(s->data);
    if (s->hold_src)
        s->net->fam->close(s->hold_src);
    s->data = nd;
    s->hold_src = src;
    s->hold_n = hold;
    s->have_corpus = 1;
    pthread_mutex_lock(&s->mu);
    s->corpus_n = nd->items;
    s->corpus_n_limit = c->limit;
    s->corpus_hold_n = hold;
    pthread_mutex_unlock(&s->mu);
    setstr(s->corpus_path, sizeof s->corpus_path, path);
    s->corpus_limit = c->limit;
    s->corpus_held = held;
    s->corpus_fit_tokens = c->fit_tokens;
    s->hold_note[0] = '\0';
    if (held) {
        snprintf(s->hold_note, sizeof s->hold_note,
                 "held out: tokens 0..%ld of %.300s fitted the little module; tokens %ld..%ld scored", hold - 1, path,
                 hold, hold + nd->items - 1);
        char said[sizeof s->hold_said];
        snprintf(said, sizeof said, "%016llx|%s", (unsigned long long)s->net->file_hash, s->hold_note);
        if (strcmp(said, s->hold_said)) { /* said once, not at every run */
            setstr(s->hold_said, sizeof s->hold_said, said);
            pthread_mutex_lock(&s->mu);
            snprintf(s->notice, sizeof s->notice,
                     "no training split in the model and no fit-data: fitting on tokens 0..%ld of %.1000s, "
                     "scoring tokens %ld..%ld",
                     hold - 1, path, hold, hold + nd->items - 1);
            pthread_mutex_unlock(&s->mu);
        }
    }
    return 0;
}

#define CANCELLED(cancel) ((cancel) && *(cancel))

/* Fitting items and calibration inputs: the settings, or the family's
 * defaults while the settings are at theirs (a token is not an image). */
static long fit_items(const dm_session *s, const dm_settings *c)
{
    return c->fit_tokens == FIT_TOKENS && s->net->fam->fit_items ? s->net->fam->fit_items : c->fit_tokens;
}

static int cal_items(const dm_session *s, const dm_settings *c)
{
    return c->calib_tokens == CALIB_TOKENS && s->net->fam->cal_items ? s->net->fam->cal_items : c->calib_tokens;
}

/* Do settings c build what the loaded dual file holds (bits, k, eps, seed,
 * projection, policy and the per-site bits and k)? Then runs use it as it
 * is: no fitting data, no fit. */
static int dual_file_fits(dm_session *s, const dm_settings *c)
{
    if (!s->dual_loaded || !s->eng_from_file || !s->have_dual || !s->loaded)
        return 0;
    dm_dual_cfg cfg;
    dm_err e2;
    if (settings_cfg(s, c, &cfg, NULL, &e2))
        return 0;
    cfg.lambda = s->eng.cfg.lambda; /* runs fit with the default; a file keeps its own */
    return dm_dual_cfg_same_build(&s->eng.cfg, &cfg);
}

/* The fitting data of settings c in s->fd, fitted unless current (fd_key): on the fit-data file, on the held-out
 * head of the text being evaluated (heldout_applies), on the training split of the model's dataset, or, random
 * weights, on random tokens (timing only). A new fit drops the built dual module (not a loaded dual file's).
 * 0 done, -1 error, 1 cancelled through prog. */
static int fit_for(dm_session *s, const dm_settings *c, const dm_fit_progress *prog, dm_err *err)
{
    char key[sizeof s->fd_key];
    int random = !s->ref.file[0];
    int held = !random && heldout_applies(s, c);
    if (held) { /* the data first: its head is what is fitted on */
        if (prepare_data(s, c, 0, err))
            return -1;
        snprintf(key, sizeof key, "%016llx|held-out|%016llx|%ld|%d", (unsigned long long)s->net->file_hash,
                 (unsigned long long)s->hold_src->hash, s->hold_n, cal_items(s, c));
    } else if (!random && !c->fit_data[0] && c->fit_tokens == FIT_TOKENS && c->calib_tokens == CALIB_TOKENS) {
        key[0] = '\0'; /* the defaults: the training split */
    } else {
        snprintf(key, sizeof key, "%016llx|%s|%ld|%d", (unsigned long long)s->net->file_hash, c->fit_data,
                 c->fit_tokens, c->calib_tokens);
    }
    if (s->have_fd && strcmp(key, s->fd_key) == 0)
        return 0;
    dm_fitdata fd;
    if (random) {
        /* random weights: the model's own states over random tokens (timing only) */
        const dm_lm *lm = dm_session_lm(s);
        if (!lm)
            return dm_errf(err, "random weights: not a language model");
        int n = 4000, *ids = malloc((size_t)n * sizeof(int));
        if (!ids)
            return dm_errf(err, "out of memory");
        uint64_t x = 7;
        for (int i = 0; i < n; i++) {
            x ^= x << 13, x ^= x >> 7, x ^= x << 17;
            ids[i] = (int)(x % (uint64_t)lm->ntoken);
        }
        int rc = dm_fitdata_collect(&fd, lm, ids, n, 1000, err);
        free(ids);
        if (rc)
            return -1;
    } else {
        char path[DM_PATH_MAX];
        dm_data *train = NULL;
        long nfit = fit_items(s, c);
        if (held) {
            nfit = s->hold_n;
        } else if (c->fit_data[0]) {
            setstr(path, sizeof path, c->fit_data);
        } else if (!s->net->dataset[0]) {
            return dm_errf(err, "model %s names no dataset in its metadata, so the training data to fit its little "
                                "module on are unknown: set fit-data to them (--fit-data FILE: a file such as the "
                                "split setting takes, or a data set's name)",
                           s->ref.name);
        } else if (dm_data_resolve(s->net->dataset, "train", path, sizeof path, err)) {
            return dm_err_prefix(err, "the little module is fitted on the training split");
        }
        if (!held && s->net->fam->open(s->net, path, nfit, &train, err))
            return -1;
        /* a one-time cost per model and data (then cached on disk): use every core */
        dm_blas_set_threads(quality_threads());
        int rc = s->net->fam->fit(s->net, held ? s->hold_src : train, nfit, cal_items(s, c), &fd, prog, err);
        dm_blas_set_threads(c->threads);
        if (train)
            s->net->fam->close(train);
        if (rc)
            return rc > 0 ? 1 : -1;
    }
    /* a new fit invalidates the built dual module (not a loaded dual file's) */
    if (!s->dual_loaded) {
        drop_dual(s);
        s->eng_from_file = 0;
    }
    if (s->have_fd)
        dm_fitdata_free(&s->fd);
    s->fd = fd;
    s->have_fd = 1;
    setstr(s->fd_key, sizeof s->fd_key, key);
    return 0;
}

/* Data, fit data and the dual module of settings c (or the loaded dual
 * file's, when c builds what it holds). Returns 1 when *cancel was raised
 * between the steps, or the fit's collection was cancelled through fit
 * (its progress and cancel flag; may be NULL). */
static int prepare(dm_session *s, const dm_settings *c, const volatile int *cancel, const dm_fit_progress *fit,
                   dm_err *err)
{
    if (prepare_data(s, c, 0, err))
        return -1;
    if (CANCELLED(cancel))
        return 1;
    int use_file = dual_file_fits(s, c);
    if (!use_file) {
        int rc = fit_for(s, c, fit, err);
        if (rc)
            return rc > 0 ? 1 : -1;
    }
    dm_dual_cfg cfg;
    if (settings_cfg(s, c, &cfg, NULL, err))
        return -1;
    if (use_file)
        cfg.lambda = s->eng.cfg.lambda;
    /* an engine from a file that no longer applies is rebuilt from fitting data */
    int rebuild = !use_file && (!s->have_dual || s->eng_from_file || !dm_dual_cfg_same_build(&s->eng.cfg, &cfg));
    if (CANCELLED(cancel))
        return 1;
    if (rebuild) {
        drop_dual(s);
        s->eng_from_file = s->dual_loaded = 0;
        if (dm_engine_build(&s->eng, s->net->site, s->net->nsites, &s->fd, &cfg, err)) {
            return -1;
        }
        s->have_dual = 1;
        s->dual_kernels = -1;
    }
    if (CANCELLED(cancel))
        return 1;
    if (s->dual_kernels != c->kernels) {
        if (dm_engine_use_kernels(&s->eng, kernels_of(c), err))
            return -1;
        s->dual_kernels = c->kernels;
    }
    s->eng.cfg.mode = (dm_mode)c->mode;
    s->eng.cfg.predictor = (dm_predictor)c->predictor;
    if (dm_engine_set_ratios(&s->eng, &cfg, err))
        return -1;
    if (rnnlm_of(s))
        dm_rnnlm_dual_view(rnnlm_of(s), &s->eng, &s->dual_view);
    dm_blas_set_threads(c->threads);
    return 0;
}

int dm_run_streams(const dm_settings *c) { return c->streams > 0 ? c->streams : DM_STREAMS_AUTO; }


/* ---- the run record ---- */

void dm_run_describe(dm_run *r, const dm_run_source *src)
{
    const dm_engine *e = src->eng;
    const dm_net *m = src->net;
    setstr(r->model, sizeof r->model, src->model_name);
    setstr(r->model_path, sizeof r->model_path, src->model_file);
    snprintf(r->model_hash, sizeof r->model_hash, "%016llx", (unsigned long long)m->file_hash);
    setstr(r->arch, sizeof r->arch, m->kind);
    setstr(r->family, sizeof r->family, m->fam->name);
    r->layers = m->layers;
    r->hidden = m->hidden;
    setstr(r->split, sizeof r->split, src->split);
    /* the data actually evaluated: file bytes read, and the item count (a limit changes it) */
    long items = src->data->items;
    uint64_t sh = dm_fnv1a(src->data->hash, &items, sizeof items);
    snprintf(r->split_hash, sizeof r->split_hash, "%016llx", (unsigned long long)sh);
    r->tokens = items;
    r->ratio = e->cfg.ratio;
    r->bits = e->cfg.bits;
    r->k = e->k;
    r->eps = e->cfg.k ? NAN : e->cfg.eps;
    r->seed = e->cfg.seed;
    setstr(r->mode, sizeof r->mode, dm_mode_name(e->cfg.mode));
    setstr(r->policy, sizeof r->policy, dm_policy_name(e->cfg.policy));
    setstr(r->predictor, sizeof r->predictor, dm_predictor_name(e->cfg.predictor));
    setstr(r->proj, sizeof r->proj, dm_proj_name(e->cfg.proj));
    setstr(r->path, sizeof r->path, dm_path_name(src->path));
    r->threads = src->threads;
    r->streams = src->streams > 0 ? src->streams : 1;
    r->beam = src->beam > 0 ? src->beam : 1;
    setstr(r->kernels, sizeof r->kernels, e->kern ? e->kern->name : "none");
    r->audit = src->audit;
    dm_dual_cfg_site_text(&e->cfg, m->site, m->nsites, e->k, r->site_knobs, sizeof r->site_knobs);
    setstr(r->git_rev, sizeof r->git_rev, src->git_rev ? src->git_rev : "");
    setstr(r->build_flags, sizeof r->build_flags, src->build_flags ? src->build_flags : "");
    if (e->kern) { /* the tuned kernel parameters and CPU id (tune.h) ride along with the build */
        size_t l = strlen(r->build_flags);
        snprintf(r->build_flags + l, sizeof r->build_flags - l, "%skernels: %s", l ? " | " : "", dm_tune_provenance());
    }
    setstr(r->version, sizeof r->version, src->version ? src->version : "");
    dm_cpu_model(r->cpu, sizeof r->cpu);
}

static double bytes_ratio(const dm_dual_stats *st)
{
    return st->dense_bytes > 0 ? (st->big_bytes + st->little_bytes) / st->dense_bytes : NAN;
}

/* The run's sites and their groups, as the engine has them (site i: its
 * name and kind; its groups: the output groups, e.g. an LSTM cell's gates). */
static void fill_sites(dm_run *r, const dm_engine *e, const dm_dual_stats *st, int audit)
{
    r->nsites = r->ngroups = 0;
    for (int l = 0; l < e->nsites && l < DM_RUN_MAX_SITES; l++) {
        const dm_site *ss = &e->s[l].site;
        const dm_little *L = &e->s[l].little;
        dm_run_site *si = &r->site[r->nsites++];
        setstr(si->name, sizeof si->name, ss->name);
        setstr(si->kind, sizeof si->kind, ss->ops->kind);
        si->ratio_achieved = dm_stats_ratio(st, l, -1);
        si->fit_mse = L->mse;
        si->fit_rel_mse = L->var > 0 ? L->mse / L->var : NAN;
        si->recall = audit ? dm_stats_recall(st, l, -1) : NAN;
        si->false_insensitive = audit ? dm_stats_false_insens(st, l, -1) : NAN;
        si->ratio = e->s[l].ratio;
        si->bits = e->s[l].bits;
        si->k = e->s[l].k;
        for (int g = 0; g < ss->ngroups && r->ngroups < DM_RUN_MAX_GROUPS; g++) {
            dm_run_group *gr = &r->group[r->ngroups++];
            gr->site = l;
            setstr(gr->name, sizeof gr->name, ss->group[g].name);
            gr->ratio_achieved = dm_stats_ratio(st, l, g);
            gr->recall = audit ? dm_stats_recall(st, l, g) : NAN;
            gr->false_insensitive = audit ? dm_stats_false_insens(st, l, g) : NAN;
        }
    }
}

void dm_run_results(dm_run *r, const dm_net *net, const dm_engine *e, const dm_dual_result *res, int audit,
                    const dm_dual_bench *b)
{
    setstr(r->metric, sizeof r->metric, net->fam->metric);
    r->value = res->dual.value;
    r->value_se = res->dual.se;
    r->dense_value = res->dense.value;
    r->delta = res->dual.value - res->dense.value;
    r->delta_pct = 100.0 * r->delta / res->dense.value;
    r->delta_se = res->delta_se;
    r->kld = res->kld;
    r->top1_agree = res->top1_agree;
    r->ratio_achieved = dm_stats_ratio(&res->stats, -1, -1);
    r->bytes_ratio = bytes_ratio(&res->stats);
    r->mac_ratio = res->stats.dense_macs > 0 ? (res->stats.big_macs + res->stats.little_macs) / res->stats.dense_macs
                                             : NAN;
    r->little_bytes = (double)dm_engine_little_bytes(e);
    double mse = 0;
    for (int l = 0; l < e->nsites; l++)
        mse += dm_little_rel_mse(&e->s[l].little);
    r->fit_rel_mse = mse / e->nsites;
    if (b) {
        r->speedup_min = b->sp[0];
        r->speedup = b->sp[1];
        r->speedup_max = b->sp[2];
        r->speedup_e2e = b->sp_e2e[1];
    } else {
        r->speedup = r->speedup_min = r->speedup_max = r->speedup_e2e = NAN;
    }
    r->seconds = res->dual.seconds;
    setstr(r->status, sizeof r->status, res->dual.cancelled ? "cancelled" : "done");
    r->partial = res->dual.cancelled;
    if (res->dual.cancelled)
        r->tokens = res->dual.items;
    fill_sites(r, e, &res->stats, audit);
}

/* Knobs and provenance of a run of settings c on the prepared dual module. */
static void run_knobs(dm_session *s, const dm_settings *c, dm_run *r)
{
    dm_run_source src = {.model_name = s->ref.name, .model_file = s->ref.file, .net = s->net, .eng = &s->eng,
                         .data = s->data, .split = c->split, .path = (dm_lm_path)c->path,
                         .streams = rnnlm_of(s) ? dm_run_streams(c) : 1,
                         .beam = s->net && s->net->fam == &dm_family_seq2seq ? c->beam : 1,
                         .threads = c->threads, .audit = c->audit, .git_rev = s->git_rev,
                         .build_flags = s->build_flags, .version = s->version};
    dm_run_describe(r, &src);
    setstr(r->tag, sizeof r->tag, s->tag);
    setstr(r->experiment, sizeof r->experiment, c->experiment);
}

int dm_session_set_knobs(dm_session *s, const dm_settings *from, int cancel_running, dm_err *err)
{
    static const char *const all[] = {"ratio.*", "bits.*", "k.*"};
    for (int i = 0; i < 3; i++)
        if (dm_session_set(s, all[i], "default", cancel_running, err))
            return -1;
    for (int i = 0; i < from->nknobs; i++) {
        char name[96], v[64];
        dm_settings_knob_text(from, i, name, sizeof name, v, sizeof v);
        if (dm_session_set(s, name, v, cancel_running, err))
            return -1;
    }
    return 0;
}

void dm_session_set_tag(dm_session *s, const char *tag) { setstr(s->tag, sizeof s->tag, tag ? tag : ""); }

/* The same knobs from the settings alone (k resolved without building):
 * what dm_run_describe gives once the module is built, for find_same. */
static int settings_knobs(dm_session *s, const dm_settings *c, dm_run *r, dm_err *err)
{
    dm_dual_cfg cfg;
    int k;
    if (settings_cfg(s, c, &cfg, &k, err))
        return -1;
    dm_engine shell; /* only the fields dm_run_describe reads */
    memset(&shell, 0, sizeof shell);
    shell.cfg = cfg;
    shell.k = k;
    shell.kern = kernels_of(c);
    dm_run_source src = {.model_name = s->ref.name, .model_file = s->ref.file, .net = s->net, .eng = &shell,
                         .data = s->data, .split = c->split, .path = (dm_lm_path)c->path,
                         .streams = rnnlm_of(s) ? dm_run_streams(c) : 1,
                         .beam = s->net && s->net->fam == &dm_family_seq2seq ? c->beam : 1,
                         .threads = c->threads, .audit = c->audit, .git_rev = s->git_rev,
                         .build_flags = s->build_flags, .version = s->version};
    dm_run_describe(r, &src);
    return 0;
}

/* ---- the store ---- */

dm_store *dm_session_store(dm_session *s, dm_err *err)
{
    if (s->no_store) {
        dm_errf(err, "the run store is disabled (--no-store)");
        return NULL;
    }
    pthread_mutex_lock(&s->store_mu);
    if (!s->store && dm_store_open(&s->store, s->have_db_path ? s->db_path : NULL, err))
        s->store = NULL;
    dm_store *st = s->store;
    pthread_mutex_unlock(&s->store_mu);
    return st;
}

int dm_session_check_output(dm_session *s, const char *file, const char *what, dm_err *err)
{
    char def[DM_PATH_MAX];
    const char *store = s->have_db_path ? s->db_path : NULL;
    dm_err ignore = {{0}};
    if (!store && dm_store_default_path(def, sizeof def, &ignore) == 0)
        store = def;
    if (store && dm_store_is_store_file(store, file))
        return dm_errf(err, "%s%s%s: that file is the run store (%s); nothing written, choose another file",
                       what ? what : "", what ? " " : "", file, store);
    return 0;
}

void dm_session_store_lock(dm_session *s) { pthread_mutex_lock(&s->store_mu); }
void dm_session_store_unlock(dm_session *s) { pthread_mutex_unlock(&s->store_mu); }

int dm_session_find_same(dm_session *s, int64_t *id, dm_err *err)
{
    const dm_settings *c = &s->set;
    join_worker(s, 0);
    if (s->dual_loaded) /* the store cannot tell a dual file's run from a fitted one: never the same */
        return 0;
    if (prepare_data(s, c, 0, err)) /* the data hash; nothing is fitted or built */
        return -1;
    dm_store *st = dm_session_store(s, err);
    if (!st)
        return -1;
    dm_run *r = calloc(1, sizeof *r);
    if (!r)
        return dm_errf(err, "out of memory");
    if (settings_knobs(s, c, r, err)) {
        free(r);
        return -1;
    }
    pthread_mutex_lock(&s->store_mu);
    int rc = dm_store_find_same(st, r, id, err);
    pthread_mutex_unlock(&s->store_mu);
    free(r);
    return rc;
}

int dm_session_bench(dm_session *s, int steps, int cold, dm_dual_bench *b, dm_err *err)
{
    join_worker(s, 0);
    if (prepare(s, &s->set, NULL, NULL, err))
        return -1;
    return s->net->fam->bench(s->net, &s->eng, steps, cold, b, err);
}

int dm_session_k(const dm_session *s) { return s->have_dual ? s->eng.k : 0; }

int dm_session_translate(dm_session *s, const char *text, char *out, size_t cap, int *dual, dm_err *err)
{
    join_worker(s, 0);
    if (!s->loaded)
        return dm_errf(err, "no model loaded: 'load MODEL' first (e.g. load bible-es-en)");
    if (s->net->fam != &dm_family_seq2seq)
        return dm_errf(err, "translate needs a translator (a seq2seq model); %s is a %s model", s->ref.name,
                       s->net->fam->name);
    const dm_engine *e = NULL;
    if (s->set.ratio > 0) {
        if (prepare(s, &s->set, NULL, NULL, err))
            return -1;
        e = &s->eng;
    }
    *dual = e != NULL;
    dm_blas_set_threads(s->set.threads);
    return dm_s2s_translate((const dm_s2s *)s->net, e, text, s->set.beam, out, cap, err) < 0 ? -1 : 0;
}

/* ---- running ---- */

typedef struct run_ctx {
    dm_session *s;
    const dm_settings *c;
    dm_dual_result *res;
    dm_snap_fn user;
    void *ud;
} run_ctx;

/* A run superseded by a newer request (a slider moved) no longer publishes:
 * the snapshot already announces the next run. */
static int superseded(dm_session *s)
{
    pthread_mutex_lock(&s->mu);
    int r = s->req_pending;
    pthread_mutex_unlock(&s->mu);
    return r;
}

static void publish(dm_session *s, const dm_snapshot *sn)
{
    pthread_mutex_lock(&s->mu);
    if (!s->req_pending) {
        s->snap = *sn;
        s->snap.seq = ++s->seq;
    }
    pthread_mutex_unlock(&s->mu);
}

static void snap_stats(dm_session *s, dm_snapshot *sn, const dm_dual_stats *st, int audit)
{
    sn->ratio_achieved = dm_stats_ratio(st, -1, -1);
    sn->bytes_ratio = bytes_ratio(st);
    sn->mac_ratio = st->dense_macs > 0 ? (st->big_macs + st->little_macs) / st->dense_macs : NAN;
    for (int l = 0; l < sn->nlayers; l++) {
        sn->layer_ratio[l] = dm_stats_ratio(st, l, -1);
        for (int g = 0; g < sn->ngates && g < s->net->site[l].ngroups; g++)
            sn->gate_ratio[l][g] = dm_stats_ratio(st, l, g);
        sn->recall[l] = audit ? dm_stats_recall(st, l, -1) : NAN;
    }
}

static void snap_quality(dm_snapshot *sn, const dm_dual_result *r)
{
    sn->value = r->dual.value;
    sn->value_se = r->dual.se;
    sn->dense_value = r->dense.value;
    sn->delta = r->dual.value - r->dense.value;
    sn->delta_pct = r->dense.value > 0 ? 100.0 * sn->delta / r->dense.value : NAN;
    sn->kld = r->kld;
    sn->top1_agree = r->top1_agree;
}

#define QUICK_PAIRS 40

static void snap_speed(dm_snapshot *sn, const dm_dual_bench *b)
{
    sn->speedup_min = b->sp[0];
    sn->speedup = b->sp[1];
    sn->speedup_max = b->sp[2];
    sn->speedup_e2e = b->sp_e2e[1];
    sn->speed_limit = b->limit;
    sn->pairs = b->steps;
}

static __thread dm_dual_result *keep_res; /* dm_session_run_result: where the result goes */
static __thread dm_snapshot *cur_snap; /* the run's snapshot under construction (worker or caller thread) */

static void on_progress(const dm_eval_result *partial, long total, void *ud)
{
    run_ctx *x = ud;
    dm_snapshot *sn = cur_snap;
    sn->done = partial->items;
    sn->total = total;
    sn->elapsed_s = partial->seconds;
    sn->items_per_s = partial->seconds > 0 ? (double)partial->items / partial->seconds : NAN;
    sn->eta_s = sn->items_per_s > 0 ? (double)(total - partial->items) / sn->items_per_s : NAN;
    snap_quality(sn, x->res);
    snap_stats(x->s, sn, &x->res->stats, x->c->audit);
    publish(x->s, sn);
    if (x->user)
        x->user(sn, x->ud);
}

static void phase(dm_session *s, dm_snapshot *sn, dm_run_state st, const char *text, dm_snap_fn user, void *ud)
{
    sn->state = st;
    setstr(sn->phase, sizeof sn->phase, text);
    publish(s, sn);
    if (user)
        user(sn, ud);
}

/* The fit's collection, in the run's snapshot: done of total fitting items, elapsed, ETA. */
static void on_fit_progress(long done, long total, double elapsed_s, void *ud)
{
    run_ctx *x = ud;
    dm_snapshot *sn = cur_snap;
    if (!sn->fitting) {
        const dm_family *f = x->s->net->fam;
        sn->fitting = 1;
        setstr(sn->fit_item, sizeof sn->fit_item, f->fit_item ? f->fit_item : f->item);
        char ph[160];
        snprintf(ph, sizeof ph, "fitting the little module: %ld training %ss (cached after the first time)", total,
                 sn->fit_item);
        setstr(sn->phase, sizeof sn->phase, ph);
    }
    sn->done = done;
    sn->total = total;
    sn->elapsed_s = elapsed_s;
    sn->items_per_s = elapsed_s > 0 ? (double)done / elapsed_s : NAN;
    /* the first steps' rate says little: no ETA in the first second */
    sn->eta_s = done > 0 && elapsed_s >= 1.0 ? elapsed_s * (double)(total - done) / (double)done : NAN;
    /* a newer request (a slider moved) waits for this fit and will use it: its snapshot shows the fit */
    dm_session *s = x->s;
    pthread_mutex_lock(&s->mu);
    if (s->req_pending) {
        dm_snapshot *p = &s->snap;
        p->fitting = 1;
        setstr(p->fit_item, sizeof p->fit_item, sn->fit_item);
        setstr(p->phase, sizeof p->phase, sn->phase);
        p->done = done, p->total = total, p->elapsed_s = elapsed_s;
        p->items_per_s = sn->items_per_s, p->eta_s = sn->eta_s;
        p->seq = ++s->seq;
    }
    pthread_mutex_unlock(&s->mu);
    publish(s, sn);
    if (x->user)
        x->user(sn, x->ud);
}

/* The run itself; c is a private copy of the settings. cancel stops it between steps and during the
 * evaluation; fit_cancel also stops a fit's collection (its work is lost). */
static int run_impl(dm_session *s, const dm_settings *c, dm_snap_fn user, void *ud, const volatile int *cancel,
                    const volatile int *fit_cancel, dm_run *out, dm_err *err)
{
    dm_snapshot sn;
    snap_reset(&sn);
    pthread_mutex_lock(&s->mu);
    sn.run_seq = ++s->run_seq;
    pthread_mutex_unlock(&s->mu);
    sn.cfg = *c;
    setstr(sn.metric, sizeof sn.metric, s->net ? s->net->fam->metric : dm_metric_name(DM_METRIC_PPL));
    cur_snap = &sn;
    phase(s, &sn, DM_RUN_PREPARING, "loading data, fitting the little module", user, ud);
    int rc = -1;
    dm_dual_result *res = calloc(1, sizeof *res);
    dm_run *run = calloc(1, sizeof *run);
    if (!res || !run) {
        dm_errf(err, "out of memory");
        goto fail;
    }
    /* a store that cannot be used is said before the evaluation, not after it */
    if (c->store && !s->no_store && !dm_session_store(s, err)) {
        dm_err_prefix(err, "run not saved");
        goto fail;
    }
    /* and a hypotheses file that is the store, before the fit */
    if (c->save_hyp[0] && dm_session_check_output(s, c->save_hyp, "save-hyp", err))
        goto fail;
    run_ctx fx = {s, c, res, user, ud};
    dm_fit_progress fp = {on_fit_progress, &fx, fit_cancel};
    int pr = prepare(s, c, cancel, &fp, err);
    if (sn.fitting) { /* the fit's figures are not the evaluation's */
        sn.fitting = 0;
        sn.done = sn.total = 0;
        sn.items_per_s = sn.eta_s = NAN;
        sn.elapsed_s = 0;
    }
    if (pr < 0)
        goto fail;
    if (pr > 0)
        goto cancelled_early;
    int from_file = s->dual_loaded && s->eng_from_file; /* the engine of a dual file (c->dual) */
    const dm_net *m = s->net;
    sn.k = s->eng.k;
    sn.nlayers = m->nsites < DM_SNAP_LAYERS ? m->nsites : DM_SNAP_LAYERS;
    sn.ngates = m->site[0].ngroups < DM_SNAP_GATES ? m->site[0].ngroups : DM_SNAP_GATES;
    for (int g = 0; g < sn.ngates; g++)
        setstr(sn.gate_name[g], sizeof sn.gate_name[g], m->site[0].group[g].name);
    sn.little_bytes = (double)dm_engine_little_bytes(&s->eng);
    int nstreams = rnnlm_of(s) ? dm_run_streams(c) : 1;
    sn.total = nstreams > 1 ? nstreams * (s->data->items / nstreams - 1) : s->data->scored;
    run_knobs(s, c, run);
    if (cancel && *cancel)
        goto cancelled_early;
    dm_dual_bench b;
    memset(&b, 0, sizeof b);
    int measured = 0;
    /* a first estimate from a few pairs (the quality figures should not wait
     * for the timing); the full count of pairs is timed after the evaluation */
    int quick = c->speed > QUICK_PAIRS ? QUICK_PAIRS : (int)c->speed;
    /* a language model is timed on the text it is evaluated on, where its calibrated ratio holds */
    if (rnnlm_of(s))
        dm_bench_use_tokens(((const dm_rnnlm_data *)s->data)->c.ids, ((const dm_rnnlm_data *)s->data)->c.n);
    else
        dm_bench_use_tokens(NULL, 0);
    if (quick > 0) {
        phase(s, &sn, DM_RUN_SPEED, "timing interleaved dense/dual steps", user, ud);
        if (m->fam->bench(m, &s->eng, quick, 0, &b, err))
            goto fail;
        measured = 1;
        snap_speed(&sn, &b);
    }
    if (cancel && *cancel)
        goto cancelled_early;
    phase(s, &sn, DM_RUN_EVAL, "evaluating dense and dual side by side", user, ud);
    run_ctx x = {s, c, res, user, ud};
    dm_eval_opts eo = {.path = (dm_lm_path)c->path, .progress = on_progress, .progress_ud = &x,
                       .progress_every_s = 0.2, .cancel = cancel, .streams = nstreams, .beam = c->beam,
                       .threads = quality_threads()};
    /* only a translator writes hypotheses: no empty file for the other families */
    if (c->save_hyp[0] && m->fam == &dm_family_seq2seq && !(eo.hyp_out = fopen(c->save_hyp, "w"))) {
        dm_errf(err, "save-hyp %s: cannot open for writing: %s", c->save_hyp, strerror(errno));
        goto fail;
    }
    /* the quality pass over many streams is GEMM work: every core (the timing keeps c->threads; set after the
     * last early exit, so that a failure leaves the thread count as it was) */
    if (nstreams > 1)
        dm_blas_set_threads(quality_threads());
    int erc = m->fam->eval(m, &s->eng, s->data, &eo, c->audit, res, err);
    if (eo.hyp_out && fclose(eo.hyp_out) && !erc)
        erc = dm_errf(err, "save-hyp %s: write error: %s", c->save_hyp, strerror(errno));
    dm_blas_set_threads(c->threads);
    if (erc)
        goto fail;
    if (!res->dual.cancelled && c->speed > quick) {
        phase(s, &sn, DM_RUN_SPEED, "timing interleaved dense/dual steps (all pairs)", user, ud);
        if (m->fam->bench(m, &s->eng, (int)c->speed, 0, &b, err))
            goto fail;
        snap_speed(&sn, &b);
    }
    sn.done = res->dual.cancelled ? res->dual.items : sn.total;
    sn.elapsed_s = res->dual.seconds;
    sn.items_per_s = res->dual.items_per_s;
    sn.eta_s = 0;
    snap_quality(&sn, res);
    snap_stats(s, &sn, &res->stats, c->audit);
    dm_run_results(run, m, &s->eng, res, c->audit, measured ? &b : NULL);
    if (from_file) /* the store has no column for it: the note says where the little modules came from */
        snprintf(run->note, sizeof run->note, "dual file %.300s (%.120s)", c->dual, s->dual_info.source);
    else if (s->hold_src) /* nor for a held-out fitting slice: the note says which tokens fitted, which scored */
        setstr(run->note, sizeof run->note, s->hold_note);
    /* stored: every completed run, and a run cancelled by the user (status
     * cancelled, partial); not one cancelled because a newer request replaced it */
    if (c->store && !s->no_store && !(res->dual.cancelled && superseded(s))) {
        dm_store *st = dm_session_store(s, err);
        if (!st) {
            dm_err_prefix(err, "run not saved");
            goto fail;
        }
        pthread_mutex_lock(&s->store_mu);
        int src = s->store_unique ? dm_store_add_unique(st, run, err) : dm_store_add(st, run, err);
        if (src == 1) /* stored meanwhile by another process: that row stands */
            src = 0;
        pthread_mutex_unlock(&s->store_mu);
        if (src) {
            dm_err_prefix(err, "run not saved");
            goto fail;
        }
        sn.run_id = run->id;
    }
    if (out)
        *out = *run;
    if (keep_res) /* dm_session_run_result */
        *keep_res = *res;
    rc = res->dual.cancelled ? 1 : 0;
    phase(s, &sn, rc ? DM_RUN_CANCELLED : DM_RUN_DONE,
          rc ? "cancelled (partial figures)" : "done", user, ud);
    free(res);
    free(run);
    cur_snap = NULL;
    dm_bench_use_tokens(NULL, 0);
    return rc;
cancelled_early:
    if (out) {
        *out = *run;
        setstr(out->status, sizeof out->status, "cancelled");
        out->id = 0;
    }
    phase(s, &sn, DM_RUN_CANCELLED, "cancelled before the evaluation started (not stored)", user, ud);
    free(res);
    free(run);
    cur_snap = NULL;
    dm_bench_use_tokens(NULL, 0);
    return 1;
fail:
    setstr(sn.error, sizeof sn.error, err->msg);
    phase(s, &sn, DM_RUN_FAILED, "failed", user, ud);
    free(res);
    free(run);
    cur_snap = NULL;
    dm_bench_use_tokens(NULL, 0);
    return -1;
}

int dm_session_run(dm_session *s, dm_snap_fn progress, void *ud, const volatile int *cancel, dm_run *run,
                   dm_err *err)
{
    join_worker(s, 0);
    dm_settings c = s->set;
    return run_impl(s, &c, progress, ud, cancel, cancel, run, err);
}

static void *worker(void *arg)
{
    dm_session *s = arg;
    pthread_mutex_lock(&s->mu);
    for (;;) {
        while (!s->req_pending && !s->quit)
            pthread_cond_wait(&s->wake, &s->mu);
        if (s->quit)
            break;
        dm_settings c = s->req_cfg;
        s->req_pending = 0;
        s->working = 1;
        s->cancel = 0;
        s->stop_fit = 0;
        pthread_mutex_unlock(&s->mu);
        dm_err err = {{0}};
        run_impl(s, &c, NULL, NULL, &s->cancel, &s->stop_fit, NULL, &err);
        pthread_mutex_lock(&s->mu);
        s->working = 0;
        if (!s->req_pending)
            pthread_cond_broadcast(&s->idle);
    }
    pthread_mutex_unlock(&s->mu);
    return NULL;
}

int dm_session_start(dm_session *s, dm_err *err)
{
    if (!s->loaded)
        return dm_errf(err, "no model loaded: 'load MODEL' first (e.g. load kjv-lstm)");
    pthread_mutex_lock(&s->mu);
    if (!s->th_running) {
        if (pthread_create(&s->th, NULL, worker, s) != 0) {
            pthread_mutex_unlock(&s->mu);
            return dm_errf(err, "cannot start the evaluation thread");
        }
        s->th_running = 1;
    }
    /* the running evaluation stops at its next step; the worker then takes this request */
    s->cancel = 1;
    s->req_cfg = s->set;
    s->req_pending = 1;
    /* the snapshot says at once that a new run is starting */
    snap_reset(&s->snap);
    s->snap.state = DM_RUN_PREPARING;
    s->snap.cfg = s->set;
    s->snap.run_seq = s->run_seq + 1;
    s->snap.seq = ++s->seq;
    setstr(s->snap.phase, sizeof s->snap.phase, "starting");
    pthread_cond_signal(&s->wake);
    pthread_mutex_unlock(&s->mu);
    return 0;
}

/* ---- queries ---- */

typedef struct table_fill {
    dm_table *t;
} table_fill;

static int fill_row(void *ud, int ncol, const char *const *names, const char *const *vals)
{
    table_fill *f = ud;
    if (f->t->ncol == 0)
        for (int i = 0; i < ncol; i++)
            dm_table_col(f->t, names[i], 0);
    dm_table_row(f->t);
    for (int i = 0; i < ncol; i++)
        dm_table_set(f->t, i, vals[i]);
    return 0;
}

void dm_session_query_cancel(dm_session *s, const volatile int *cancel) { s->query_cancel = cancel; }

void dm_session_store_unique(dm_session *s, int on) { s->store_unique = on; }

int dm_session_query(dm_session *s, const char *sql, dm_table *out, dm_err *err)
{
    dm_store *st = dm_session_store(s, err);
    if (!st)
        return -1;
    table_fill f = {out};
    /* the UI thread, a command thread and the worker share the store */
    pthread_mutex_lock(&s->store_mu);
    dm_store_query_guard(st, s->query_cancel, s->set.sql_timeout);
    int rc = dm_store_query(st, sql, fill_row, &f, err);
    pthread_mutex_unlock(&s->store_mu);
    if (rc)
        return -1;
    dm_table_guess_numeric(out);
    return 0;
}

/* Case-insensitive search for a keyword outside quotes. */
static const char *find_kw(const char *s, const char *kw)
{
    size_t n = strlen(kw);
    char q = 0;
    for (const char *p = s; *p; p++) {
        if (q) {
            if (*p == q)
                q = 0;
            continue;
        }
        if (*p == '\'' || *p == '"') {
            q = *p;
            continue;
        }
        if ((p == s || p[-1] == ' ' || p[-1] == '\t') && strncasecmp(p, kw, n) == 0 &&
            (p[n] == ' ' || p[n] == '\t' || p[n] == '\0'))
            return p;
    }
    return NULL;
}

#define RUNS_COLS                                                                                          \
    "id, created, model, split, tokens, ratio, ratio_achieved, bits, k, mode, value, dense_value, " \
    "delta_pct, kld, top1_agree, speedup, bytes_ratio, status, note"

int dm_session_runs(dm_session *s, const char *filter, dm_table *out, dm_err *err)
{
    dm_table_init(out, NULL);
    while (filter && (*filter == ' ' || *filter == '\t'))
        filter++;
    if (!filter)
        filter = "";
    if (*filter && strncasecmp(filter, "where", 5) && strncasecmp(filter, "order", 5) &&
        strncasecmp(filter, "limit", 5))
        return dm_errf(err, "runs: expected 'where ...', 'order by ...' or 'limit N' after 'runs', not '%.40s'",
                       filter);
    char *sql = malloc(strlen(filter) + 256);
    if (!sql)
        return dm_errf(err, "out of memory");
    const char *order = find_kw(filter, "order");
    const char *limit = find_kw(filter, "limit");
    if (order || !limit)
        sprintf(sql, "SELECT " RUNS_COLS " FROM run_summary %s%s", filter, order ? "" : " ORDER BY id DESC");
    else /* a limit without an order: newest first, the order goes before the limit */
        sprintf(sql, "SELECT " RUNS_COLS " FROM run_summary %.*s ORDER BY id DESC %s", (int)(limit - filter), filter,
                limit);
    int rc = dm_session_query(s, sql, out, err);
    if (rc == 0 && out->ncol == 0) {
        /* no rows: still give the columns */
        const char *cols[] = {"id",    "created", "model",       "split",     "tokens", "ratio", "ratio_achieved",
                              "bits",  "k",       "mode",        "value",     "dense_value", "delta_pct", "kld",
                              "top1_agree", "speedup", "bytes_ratio", "status", "note"};
        for (size_t i = 0; i < sizeof cols / sizeof cols[0]; i++)
            dm_table_col(out, cols[i], 0);
    }
    dm_table_head(out, dm_table_find_col(out, "dense_value"), "dense"); /* the human headers */
    dm_table_head(out, dm_table_find_col(out, "ratio_achieved"), "achieved");
    free(sql);
    return rc;
}

/* ---- comparison groups ---- */

const char *const dm_group_dims[DM_G_N] = {"model", "split", "limit", "path", "streams", "beam", "predictor"};

int dm_group_parse(const char *spec, unsigned *mask, dm_err *err)
{
    *mask = DM_GROUP_ALL;
    if (strcasecmp(spec, "all") == 0) {
        *mask = 0;
        return 0;
    }
    const char *p = spec;
    for (;;) {
        size_t l = strcspn(p, ",");
        int d = -1;
        for (int i = 0; i < DM_G_N; i++)
            if (strlen(dm_group_dims[i]) == l && strncasecmp(p, dm_group_dims[i], l) == 0)
                d = i;
        if (d < 0) {
            char word[64];
            snprintf(word, sizeof word, "%.*s", (int)(l < 40 ? l : 40), p);
            const char *m = dm_close_match(word, dm_group_dims, DM_G_N);
            return dm_errf(err, "across '%s': not a dimension%s%s%s; expected all, or one or more of model, split, "
                                "limit, path, streams, beam, predictor separated by commas (e.g. across limit,streams)",
                           word, m ? " (did you mean '" : "", m ? m : "", m ? "'?)" : "");
        }
        *mask &= ~(1u << d);
        if (!p[l])
            return 0;
        p += l + 1;
    }
}

void dm_group_mask_text(unsigned mask, char *out, size_t n)
{
    size_t l = 0;
    out[0] = '\0';
    for (int i = 0; i < DM_G_N; i++)
        if (mask & (1u << i) && l < n)
            l += (size_t)snprintf(out + l, n - l, "%s%s", l ? ", " : "", dm_group_dims[i]);
    if (!mask)
        snprintf(out, n, "nothing");
}

static const char *gcell(const dm_table *t, int row, int col)
{
    const char *v = dm_table_get(t, row, col);
    return v ? v : "";
}

/* Order of two rows' groups (their grouped dimensions; numbers as numbers). */
static int group_cmp(const dm_table *t, int a, int b, int g0, unsigned mask)
{
    for (int i = 0; i < DM_G_N; i++) {
        if (!(mask & (1u << i)))
            continue;
        const char *x = gcell(t, a, g0 + i), *y = gcell(t, b, g0 + i);
        int c;
        if (i == DM_G_LIMIT || i == DM_G_STREAMS || i == DM_G_BEAM) {
            double u = atof(x), v = atof(y);
            c = u < v ? -1 : u > v;
        } else {
            c = strcmp(x, y);
        }
        if (c)
            return c;
    }
    return 0;
}

/* The current settings' value of each dimension; 1 when the data slice is
 * exact (the items of the data loaded with this limit, or the limit itself),
 * 0 when it is the whole split of unknown size (limit 0, not loaded yet). */
static int current_group(dm_session *s, char val[DM_G_N][1100])
{
    const dm_settings *c = &s->set;
    snprintf(val[DM_G_MODEL], sizeof val[0], "%s", s->ref.name);
    snprintf(val[DM_G_SPLIT], sizeof val[0], "%s", c->split);
    snprintf(val[DM_G_PATH], sizeof val[0], "%s", dm_path_name((dm_lm_path)c->path));
    snprintf(val[DM_G_STREAMS], sizeof val[0], "%d", rnnlm_of(s) ? dm_run_streams(c) : 1);
    snprintf(val[DM_G_BEAM], sizeof val[0], "%d", s->net && s->net->fam == &dm_family_seq2seq ? c->beam : 1);
    snprintf(val[DM_G_PREDICTOR], sizeof val[0], "%s", dm_predictor_name((dm_predictor)c->predictor));
    pthread_mutex_lock(&s->mu);
    long n = s->corpus_n, nl = s->corpus_n_limit;
    pthread_mutex_unlock(&s->mu);
    long tok = n > 0 && nl == c->limit ? n : c->limit;
    snprintf(val[DM_G_LIMIT], sizeof val[0], "%ld", tok);
    return tok > 0;
}

int dm_group_rows(const dm_table *t, int g0, unsigned mask, dm_session *s, int *grp, int *cur)
{
    int n = t->nrow, ng = 0;
    if (cur)
        *cur = 0;
    int *rep = malloc(sizeof(int) * (size_t)(n ? n : 1)); /* a row of each group */
    if (!rep)
        return -1;
    for (int i = 0; i < n; i++) {
        int g = 0;
        while (g < ng && group_cmp(t, rep[g], i, g0, mask) != 0)
            g++;
        if (g == ng)
            rep[ng++] = i;
        grp[i] = g;
    }
    /* the current settings' group: every grouped dimension equal; the data slice the current one (the
     * whole split of a size not known yet: the largest slice stored) */
    int cg = -1;
    if (s && s->loaded) {
        char(*val)[1100] = malloc(sizeof(char[DM_G_N][1100]));
        if (!val) {
            free(rep);
            return -1;
        }
        int exact = current_group(s, val);
        long want = atol(val[DM_G_LIMIT]), best = -1;
        for (int g = 0; g < ng; g++) {
            int same = 1;
            for (int i = 0; i < DM_G_N && same; i++)
                if (i != DM_G_LIMIT && mask & (1u << i))
                    same = strcmp(gcell(t, rep[g], g0 + i), val[i]) == 0;
            long tok = atol(gcell(t, rep[g], g0 + DM_G_LIMIT));
            if (!same)
                continue;
            if (!(mask & (1u << DM_G_LIMIT)) || (exact && tok == want)) {
                cg = g;
                break;
            }
            if (!exact && tok > best)
                best = tok, cg = g;
        }
        free(val);
    }
    /* display order: the current group, then the others sorted */
    int *order = malloc(sizeof(int) * (size_t)(ng ? ng : 1)), *rank = malloc(sizeof(int) * (size_t)(ng ? ng : 1));
    if (!order || !rank) {
        free(rep), free(order), free(rank);
        return -1;
    }
    int no = 0;
    if (cg >= 0)
        order[no++] = cg;
    for (int g = 0; g < ng; g++) {
        if (g == cg)
            continue;
        int j = no;
        while (j > (cg >= 0) && group_cmp(t, rep[order[j - 1]], rep[g], g0, mask) > 0) {
            order[j] = order[j - 1];
            j--;
        }
        order[j] = g;
        no++;
    }
    for (int k = 0; k < ng; k++)
        rank[order[k]] = k;
    for (int i = 0; i < n; i++)
        grp[i] = rank[grp[i]];
    if (cur)
        *cur = cg >= 0;
    free(rep), free(order), free(rank);
    return ng;
}

void dm_group_row_text(const dm_table *t, int row, int g0, unsigned mask, char *out, size_t n)
{
    size_t l = 0;
    out[0] = '\0';
    for (int i = 0; i < DM_G_N && l < n; i++) {
        if (!(mask & (1u << i)))
            continue;
        const char *v = gcell(t, row, g0 + i);
        if ((i == DM_G_BEAM && strcmp(v, "1") == 0) || (i == DM_G_PREDICTOR && strcmp(v, "little") == 0))
            continue;
        const char *sep = l ? ", " : "";
        if (i == DM_G_LIMIT)
            l += (size_t)snprintf(out + l, n - l, "%s%s tokens", sep, v);
        else if (i == DM_G_PATH || i == DM_G_PREDICTOR || i == DM_G_BEAM)
            l += (size_t)snprintf(out + l, n - l, "%s%s %s", sep, dm_group_dims[i], v);
        else if (i == DM_G_STREAMS)
            l += (size_t)snprintf(out + l, n - l, "%s%s stream%s", sep, v, strcmp(v, "1") ? "s" : "");
        else
            l += (size_t)snprintf(out + l, n - l, "%s%s", sep, v);
    }
    if (!out[0])
        snprintf(out, n, "all runs");
}

int dm_session_pareto(dm_session *s, dm_pareto_pt **pts, int *n, char *what, size_t nwhat, dm_err *err)
{
    *pts = NULL;
    *n = 0;
    if (what && nwhat)
        what[0] = '\0';
    if (!s->loaded)
        return dm_errf(err, "no model loaded");
    char split[2100], sql[4096];
    dm_sql_quote(split, sizeof split, s->set.split);
    snprintf(sql, sizeof sql,
             "SELECT r.id, s.loss_pct, " /* the metric's direction is the store's metrics table */
             "r.speedup, r.ratio, r.bits, r.k, r.mode, s.model, s.split, s.tokens, s.path, s.streams, s.beam, "
             "s.predictor FROM runs r JOIN models m ON m.id = r.model_id "
             "JOIN run_summary s ON s.id = r.id "
             "WHERE m.hash = '%016llx' AND r.split = %s AND r.status = 'done' AND r.speedup IS NOT NULL "
             "AND r.delta_pct IS NOT NULL ORDER BY r.id",
             (unsigned long long)s->net->file_hash, split);
    dm_table t;
    dm_table_init(&t, NULL);
    if (dm_session_query(s, sql, &t, err)) {
        dm_table_free(&t);
        return -1;
    }
    /* the current settings' comparison group only (the model: this one, whatever the name it was stored under) */
    const int g0 = 7;
    int *grp = malloc(sizeof(int) * (size_t)(t.nrow ? t.nrow : 1));
    dm_pareto_pt *p = calloc((size_t)(t.nrow ? t.nrow : 1), sizeof *p);
    int cur = 0;
    if (!grp || !p || dm_group_rows(&t, g0, DM_GROUP_ALL & ~(1u << DM_G_MODEL), s, grp, &cur) < 0) {
        free(grp), free(p);
        dm_table_free(&t);
        return dm_errf(err, "out of memory");
    }
    if (what && nwhat) {
        int r0 = -1;
        for (int i = 0; i < t.nrow && r0 < 0 && cur; i++)
            if (grp[i] == 0)
                r0 = i;
        if (r0 >= 0) {
            dm_group_row_text(&t, r0, g0, DM_GROUP_ALL & ~(1u << DM_G_MODEL), what, nwhat);
        } else {
            char(*val)[1100] = malloc(sizeof(char[DM_G_N][1100]));
            if (val) {
                int exact = current_group(s, val);
                snprintf(what, nwhat, "%.200s, %s%s, path %s, %s stream%s", val[DM_G_SPLIT],
                         exact ? val[DM_G_LIMIT] : "the whole split", exact ? " tokens" : "", val[DM_G_PATH],
                         val[DM_G_STREAMS], strcmp(val[DM_G_STREAMS], "1") ? "s" : "");
            }
            free(val);
        }
    }
    dm_dual_cfg cfg;
    dm_dual_cfg_default(&cfg);
    cfg.k = s->set.k;
    cfg.eps = s->set.eps;
    int kcur = 0;
    dm_dual_cfg_check_sites(&cfg, s->net->site, s->net->nsites, &kcur, err);
    int m = 0;
    for (int i = 0; i < t.nrow; i++) {
        if (!cur || grp[i] != 0)
            continue;
        p[m].id = atoll(dm_table_get(&t, i, 0));
        p[m].loss_pct = atof(dm_table_get(&t, i, 1));
        p[m].speedup = atof(dm_table_get(&t, i, 2));
        const char *mode = dm_table_get(&t, i, 6);
        p[m].current = fabs(atof(dm_table_get(&t, i, 3)) - s->set.ratio) < 1e-9 &&
                       atoi(dm_table_get(&t, i, 4)) == s->set.bits && atoi(dm_table_get(&t, i, 5)) == kcur && mode &&
                       strcmp(mode, dm_mode_name((dm_mode)s->set.mode)) == 0;
        m++;
    }
    for (int i = 0; i < m; i++) {
        int dom = 0;
        for (int j = 0; j < m && !dom; j++)
            if (j != i && p[j].loss_pct <= p[i].loss_pct && p[j].speedup >= p[i].speedup &&
                (p[j].loss_pct < p[i].loss_pct || p[j].speedup > p[i].speedup))
                dom = 1;
        p[i].front = !dom;
    }
    *pts = p;
    *n = m;
    free(grp);
    dm_table_free(&t);
    return 0;
}

/* ---- for the commands of src/cmd (eval, little, study, bench): the model,
 * its data and fit data as the settings say, and a run's full result ---- */

const dm_lm *dm_session_lm(const dm_session *s) { return rnnlm_of(s) ? &rnnlm_of(s)->lm : NULL; }
const dm_model_ref *dm_session_ref(const dm_session *s) { return s->loaded ? &s->ref : NULL; }
const dm_vocab *dm_session_vocab(const dm_session *s)
{
    return rnnlm_of(s) && rnnlm_of(s)->vocab.n ? &rnnlm_of(s)->vocab : NULL;
}
const dm_dual *dm_session_dual(const dm_session *s) { return s->have_dual && rnnlm_of(s) ? &s->dual_view : NULL; }

void dm_session_build_info(const dm_session *s, const char **git_rev, const char **build_flags, const char **version)
{
    *git_rev = s->git_rev;
    *build_flags = s->build_flags;
    *version = s->version;
}

const dm_net *dm_session_net(const dm_session *s) { return s->loaded ? s->net : NULL; }

const dm_engine *dm_session_engine(const dm_session *s) { return s->have_dual ? &s->eng : NULL; }

int dm_session_gdata(dm_session *s, const dm_data **d, char *path, size_t n, dm_err *err)
{
    join_worker(s, 0);
    if (prepare_data(s, &s->set, 0, err))
        return -1;
    if (path)
        setstr(path, n, s->corpus_path);
    *d = s->data;
    return 0;
}

static int session_data(dm_session *s, int whole, const dm_corpus **c, char *path, size_t n, dm_err *err)
{
    join_worker(s, 0);
    if (prepare_data(s, &s->set, whole, err))
        return -1;
    if (!rnnlm_of(s))
        return dm_errf(err, "model %s is not a language model", s->ref.name);
    if (path)
        setstr(path, n, s->corpus_path);
    *c = &((const dm_rnnlm_data *)s->data)->c;
    return 0;
}

int dm_session_data(dm_session *s, const dm_corpus **c, char *path, size_t n, dm_err *err)
{
    return session_data(s, 0, c, path, n, err);
}

int dm_session_data_whole(dm_session *s, const dm_corpus **c, char *path, size_t n, dm_err *err)
{
    return session_data(s, 1, c, path, n, err);
}

int dm_session_fitdata(dm_session *s, const dm_fitdata **out, dm_err *err)
{
    return dm_session_fitdata_progress(s, out, NULL, err);
}

int dm_session_fitdata_progress(dm_session *s, const dm_fitdata **out, const dm_fit_progress *prog, dm_err *err)
{
    join_worker(s, 0);
    if (!s->loaded)
        return dm_errf(err, "no model loaded: 'load MODEL' first (e.g. load kjv-lstm)");
    int rc = fit_for(s, &s->set, prog, err);
    if (rc)
        return rc;
    *out = &s->fd;
    return 0;
}

int dm_session_fit_prepare(dm_session *s, dm_err *err)
{
    join_worker(s, 0);
    if (!s->loaded || !heldout_applies(s, &s->set))
        return 0;
    return prepare_data(s, &s->set, 0, err);
}
long dm_session_held_tokens(const dm_session *s) { return s->have_corpus && s->hold_src ? s->hold_n : 0; }
const char *dm_session_held_note(const dm_session *s) { return s->have_corpus && s->hold_src ? s->hold_note : ""; }

int dm_session_load_random(dm_session *s, dm_cell cell, int ntoken, int hidden, int layers, int input, dm_err *err)
{
    join_worker(s, 0);
    dm_rnnlm *r = calloc(1, sizeof *r);
    if (!r)
        return dm_errf(err, "out of memory");
    if (input <= 0)
        input = hidden;
    if (dm_lm_init_random(&r->lm, cell, ntoken, input, hidden, layers, input == hidden, 0.05f, 1, err)) {
        free(r);
        return -1;
    }
    dm_rnnlm_describe(r);
    drop_model(s);
    memset(&s->ref, 0, sizeof s->ref);
    if (input == hidden)
        snprintf(s->ref.name, sizeof s->ref.name, "%s-%d (random weights)", cell == DM_CELL_LSTM ? "lstm" : "gru",
                 hidden);
    else
        snprintf(s->ref.name, sizeof s->ref.name, "%s-%dx%d (random weights)", cell == DM_CELL_LSTM ? "lstm" : "gru",
                 input, hidden);
    s->net = &r->base;
    s->loaded = 1;
    snprintf(s->set.model, sizeof s->set.model, "%s", s->ref.name);
    pthread_mutex_lock(&s->mu);
    snap_reset(&s->snap);
    s->snap.seq = ++s->seq;
    s->snap.cfg = s->set;
    pthread_mutex_unlock(&s->mu);
    return 0;
}

int dm_session_run_result(dm_session *s, dm_snap_fn progress, void *ud, const volatile int *cancel, dm_run *run,
                          dm_dual_result *res, dm_err *err)
{
    join_worker(s, 0);
    dm_settings c = s->set;
    c.store = 0;
    memset(res, 0, sizeof *res);
    keep_res = res;
    int rc = run_impl(s, &c, progress, ud, cancel, cancel, run, err);
    keep_res = NULL;
    return rc;
}

/* ---- deployable dual modules (dualfile.h) ---- */

const char *dm_session_dual_file(const dm_session *s) { return s->dual_loaded ? s->set.dual : ""; }

const dm_dual_file_info *dm_session_dual_info(const dm_session *s) { return s->dual_loaded ? &s->dual_info : NULL; }

/* The settings that build engine configuration c on the net's sites: the
 * global knobs and one per-site entry for each site's override. */
static int settings_of_cfg(dm_settings *t, const dm_dual_cfg *c, const dm_net *net, dm_err *err)
{
    const dm_setting_def *ds = dm_setting_find("seed"), *dk = dm_setting_find("k"), *de = dm_setting_find("eps");
    if ((double)c->seed > ds->hi)
        return dm_errf(err, "seed %llu is beyond the seed setting's range (0..%.0f)", (unsigned long long)c->seed,
                       ds->hi);
    if (c->k > dk->hi)
        return dm_errf(err, "k %d is beyond the k setting's range (0..%.0f)", c->k, dk->hi);
    if (c->k == 0 && !(c->eps >= de->lo && c->eps <= de->hi))
        return dm_errf(err, "eps %g is outside the eps setting's range (%g..%g)", c->eps, de->lo, de->hi);
    t->ratio = c->ratio;
    t->mode = (int)c->mode;
    t->bits = c->bits;
    t->k = c->k;
    if (c->k == 0)
        t->eps = c->eps;
    t->seed = (long)c->seed;
    t->policy = (int)c->policy;
    t->predictor = (int)c->predictor;
    t->proj = (int)c->proj;
    t->nknobs = 0;
    for (int i = 0; i < net->nsites && i < DM_DUAL_MAX_SITES; i++) {
        static const struct {
            unsigned flag;
            int id;
        } kn[] = {{DM_SITE_SET_RATIO, DM_S_RATIO}, {DM_SITE_SET_BITS, DM_S_BITS}, {DM_SITE_SET_K, DM_S_K}};
        for (int j = 0; j < 3; j++) {
            if (!(c->site_set[i] & kn[j].flag))
                continue;
            if (t->nknobs == DM_SITE_KNOBS_MAX)
                return dm_errf(err, "more than %d per-site knobs: the settings cannot hold them", DM_SITE_KNOBS_MAX);
            dm_site_knob *k = &t->knobs[t->nknobs++];
            setstr(k->site, sizeof k->site, net->site[i].name);
            k->knob = kn[j].id;
            k->value = j == 0 ? c->site_ratio[i] : j == 1 ? c->site_bits[i] : c->site_k[i];
        }
        for (int g = 0; g < net->site[i].ngroups && g < DM_SITE_MAX_GROUPS; g++) {
            if (!c->group_set[i][g])
                continue;
            if (t->nknobs == DM_SITE_KNOBS_MAX)
                return dm_errf(err, "more than %d per-site knobs: the settings cannot hold them", DM_SITE_KNOBS_MAX);
            dm_site_knob *k = &t->knobs[t->nknobs++];
            snprintf(k->site, sizeof k->site, "%s.%s", net->site[i].name, net->site[i].group[g].name);
            k->knob = DM_S_RATIO;
            k->value = c->group_ratio[i][g];
        }
    }
    return 0;
}

int dm_session_load_dual(dm_session *s, const char *path, dm_err *err)
{
    join_worker(s, 0);
    if (!path || !*path || strcmp(path, "-") == 0) { /* back to fitting (the next run rebuilds) */
        s->dual_loaded = 0;
        s->set.dual[0] = '\0';
        return 0;
    }
    if (!s->loaded)
        return dm_errf(err, "dual %s: no model loaded: 'load MODEL' first (a dual file fits one model)", path);
    if (strlen(path) >= sizeof s->set.dual)
        return dm_errf(err, "dual: the path is longer than %zu bytes", sizeof s->set.dual - 1);
    dm_engine e;
    dm_dual_file_info info;
    if (dm_engine_load(&e, s->net->site, s->net->nsites, path, s->net->file_hash, &info, err))
        return -1;
    dm_settings t = s->set;
    if (settings_of_cfg(&t, &e.cfg, s->net, err)) {
        dm_engine_free(&e);
        return dm_err_prefix(err, "%s", path);
    }
    setstr(t.dual, sizeof t.dual, path);
    drop_dual(s);
    s->eng = e;
    s->have_dual = 1;
    s->dual_kernels = -1;
    s->eng_from_file = s->dual_loaded = 1;
    s->dual_info = info;
    s->set = t;
    return 0;
}

static int save_engine(dm_session *s, const char *path, const char *source, int full, dm_err *err)
{
    dm_dual_file_info info;
    memset(&info, 0, sizeof info);
    info.model_hash = s->net->file_hash;
    setstr(info.model, sizeof info.model, s->ref.name);
    setstr(info.family, sizeof info.family, s->net->fam->name);
    setstr(info.source, sizeof info.source, source);
    setstr(info.version, sizeof info.version, s->version);
    info.full_cal = full;
    return dm_engine_save(&s->eng, path, &info, err);
}

int dm_session_save_dual(dm_session *s, const char *path, int full, dm_err *err)
{
    join_worker(s, 0);
    if (dm_session_check_output(s, path, NULL, err)) /* before any fitting */
        return -1;
    if (!s->loaded)
        return dm_errf(err, "no model loaded: 'load MODEL' first (e.g. load kjv-lstm)");
    if (prepare(s, &s->set, NULL, NULL, err))
        return -1;
    char src[DM_PATH_MAX + 16];
    if (s->dual_loaded)
        snprintf(src, sizeof src, "dual file %.100s", s->set.dual);
    else
        snprintf(src, sizeof src, "session");
    return save_engine(s, path, src, full, err);
}

/* The settings of stored run r: its knobs over the current ones, its
 * per-site overrides (which sites and knobs from site_knobs, the values
 * from the run's sites where the store has them exactly). */
static int run_settings(const dm_run *r, dm_settings *c, dm_err *err)
{
    char v[64];
    int rc = 0;
#define SETV(name, ...) (snprintf(v, sizeof v, __VA_ARGS__), rc = rc ? rc : dm_settings_set(c, name, v, err))
    SETV("ratio", "%.17g", r->ratio);
    if (r->bits)
        SETV("bits", "%d", r->bits);
    else
        SETV("bits", "fp32");
    if (isnan(r->eps)) {
        SETV("k", "%d", r->k);
    } else {
        SETV("k", "0");
        SETV("eps", "%.17g", r->eps);
    }
    SETV("seed", "%llu", (unsigned long long)r->seed);
    SETV("mode", "%s", r->mode);
    SETV("policy", "%s", r->policy);
    SETV("predictor", "%s", r->predictor[0] ? r->predictor : "little");
    SETV("proj", "%s", r->proj);
    if (rc)
        return dm_err_prefix(err, "run %lld", (long long)r->id);
    c->nknobs = 0;
    /* "l1:ratio=0.8,bits=4;l0:k=64" */
    const char *p = r->site_knobs;
    while (*p) {
        size_t n = strcspn(p, ";");
        char part[512], *colon;
        snprintf(part, sizeof part, "%.*s", (int)(n < sizeof part ? n : sizeof part - 1), p);
        p += n;
        if (*p == ';')
            p++;
        if (!(colon = strrchr(part, ':')))
            return dm_errf(err, "run %lld: site knobs '%.100s' are not SITE:KNOB=VALUE,...", (long long)r->id, part);
        *colon = '\0';
        const dm_run_site *rs = NULL;
        for (int i = 0; i < r->nsites; i++)
            if (strcmp(r->site[i].name, part) == 0)
                rs = &r->site[i];
        char *save = NULL;
        for (char *kv = strtok_r(colon + 1, ",", &save); kv; kv = strtok_r(NULL, ",", &save)) {
            char *eq = strchr(kv, '=');
            if (!eq)
                return dm_errf(err, "run %lld: site knob '%.60s' of %s is not KNOB=VALUE", (long long)r->id, kv, part);
            *eq = '\0';
            char name[96];
            snprintf(name, sizeof name, "%.8s.%.60s", kv, part);
            const char *val = eq + 1;
            char exact[64];
            if (rs && strcmp(kv, "ratio") == 0 && !isnan(rs->ratio))
                snprintf(exact, sizeof exact, "%.17g", rs->ratio), val = exact;
            if (strcmp(kv, "bits") == 0 && strcmp(val, "0") == 0) /* the text's FP32 */
                val = "fp32";
            if (dm_settings_set(c, name, val, err))
                return dm_err_prefix(err, "run %lld", (long long)r->id);
        }
    }
#undef SETV
    return 0;
}

int dm_session_save_dual_run(dm_session *s, const dm_run *r, const char *path, int full, dm_err *err)
{
    join_worker(s, 0);
    if (dm_session_check_output(s, path, NULL, err))
        return -1;
    if (!s->loaded) { /* the run's model, by its name, else its file */
        dm_err e2;
        if (dm_session_load(s, r->model, &e2) && dm_session_load(s, r->model_path, err))
            return dm_err_prefix(err, "run %lld's model %s (%s)", (long long)r->id, r->model, e2.msg);
    }
    char hash[32];
    snprintf(hash, sizeof hash, "%016llx", (unsigned long long)s->net->file_hash);
    if (strcmp(hash, r->model_hash))
        return dm_errf(err, "run %lld was made with model %s (hash %s); the loaded model %s has hash %s: load the "
                       "run's model first ('load %s')",
                       (long long)r->id, r->model, r->model_hash, s->ref.name, hash, r->model);
    dm_settings c = s->set;
    if (run_settings(r, &c, err))
        return -1;
    c.dual[0] = '\0';
    s->dual_loaded = 0; /* the run's modules are fitted, never a file's */
    s->set.dual[0] = '\0';
    if (prepare(s, &c, NULL, NULL, err))
        return -1;
    /* the rebuilt engine is the run's: same resolved k, per-site knobs and fit */
    const dm_engine *e = &s->eng;
    if (e->k != r->k)
        return dm_errf(err, "run %lld: rebuilt with k %d, the run had %d", (long long)r->id, e->k, r->k);
    char txt[sizeof r->site_knobs];
    dm_dual_cfg_site_text(&e->cfg, s->net->site, s->net->nsites, e->k, txt, sizeof txt);
    if (strcmp(txt, r->site_knobs))
        return dm_errf(err, "run %lld: rebuilt with site knobs '%s', the run had '%s'", (long long)r->id, txt,
                       r->site_knobs);
    if (r->nsites && r->nsites != e->nsites)
        return dm_errf(err, "run %lld has %d sites, the model %d", (long long)r->id, r->nsites, e->nsites);
    for (int i = 0; i < r->nsites; i++) {
        const dm_run_site *rs = &r->site[i];
        const dm_engine_site *es = &e->s[i];
        if ((rs->bits >= 0 && rs->bits != es->bits) || (rs->k > 0 && rs->k != es->k))
            return dm_errf(err, "run %lld: site %s rebuilt with %d bits and k %d, the run had %d bits and k %d",
                           (long long)r->id, rs->name, es->bits, es->k, rs->bits, rs->k);
        double m = es->little.mse;
        if (!isnan(rs->fit_mse) && fabs(m - rs->fit_mse) > 1e-6 * fabs(rs->fit_mse))
            return dm_errf(err, "run %lld: site %s's rebuilt little module fits with MSE %.9g, the run's %.9g: the "
                           "run was fitted on other data (its fit-data, fit-tokens or calib-tokens settings?) or by "
                           "another dualmod",
                           (long long)r->id, rs->name, m, rs->fit_mse);
    }
    char src[64];
    snprintf(src, sizeof src, "run %lld", (long long)r->id);
    return save_engine(s, path, src, full, err);
}
