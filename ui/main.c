/* main.c - the dualmod program: a thin front end over the core library.
 *
 *   dualmod eval MODEL [--split S | --data FILE] [--vocab FILE] [--limit N]
 *                      [--path stream|seq|both] [--threads N] [--format table|json|csv]
 *   dualmod info MODEL [--format ...]
 *   dualmod bench --dense MODEL | --dense --arch lstm|gru --hidden H [--layers L]
 *   dualmod --help | --version
 *
 * Anything else (no arguments, -c, -f, a pipe, shell, tui) goes to the
 * command-language front ends in shell.c. Results go to stdout, progress
 * and errors to stderr; the exit status is non-zero on error. */
#define _POSIX_C_SOURCE 200809L
#include "config.h"
#include "gitrev.h"

#include <errno.h>
#include <getopt.h>
#include <jansson.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bench.h"
#include "corpus.h"
#include "dual.h"
#include "eval.h"
#include "lm.h"
#include "models.h"
#include "session.h"
#include "shell.h"
#include "store.h"
#include "vocab.h"

typedef enum { FMT_TABLE, FMT_JSON, FMT_CSV } out_format;

#define DEFAULT_FIT_TOKENS 60000
#define DEFAULT_CALIB_TOKENS 4000

static const char *prog = "dualmod";

static int die(const char *msg)
{
    char inert[4 * DM_ERR_MAX]; /* messages quote data (paths, tokens): control characters escaped */
    fprintf(stderr, "%s: %s\n", prog, dm_escape(msg, strlen(msg), inert, sizeof inert));
    return 1;
}

static void print_json_prec(json_t *j, int prec);

static int usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static int usage_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "%s: ", prog);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\nTry '%s --help'.\n", prog);
    return 2;
}

static void print_help(FILE *f)
{
    fprintf(f,
            "Usage: dualmod [COMMAND] [OPTIONS]\n"
            "Explore dual-module inference (Liu et al., ICML 2020) on trained networks.\n"
            "\n"
            "Commands:\n"
            "  eval MODEL          perplexity of MODEL on a data split or a text file\n"
            "  info MODEL          architecture, parameters, bytes, vocabulary, data, card metrics\n"
            "  bench MODEL         dense vs dual-module step speed, interleaved pairs, per ratio\n"
            "  bench --dense MODEL dense-path speed: per-token latency, sequence throughput,\n"
            "                      memory-bandwidth floor, and PyTorch's figures beside ours\n"
            "  little MODEL        build and fit the little modules; report size and fit MSE\n"
            "  study noise|sweep|dim|bits MODEL\n"
            "                      the paper's Tables 1, 2/3, 5 and 6 on MODEL (test split)\n"
            "  (none)              the TUI on the bundled kjv-lstm model (on a terminal)\n"
            "  shell               the command language in a readline shell\n"
            "  tui [MODEL]         the TUI\n"
            "  -c 'CMD; ...'       run commands of the command language and exit ('dualmod -c help')\n"
            "  -f FILE             run a script of commands; commands also come from a pipe\n"
            "                      (front-end options: --db, --no-store, --format, -q, --man; see dualmod.1)\n"
            "\n"
            "MODEL is a name (kjv-lstm, kjv-gru), a directory with model.safetensors, or a\n"
            ".safetensors file. Names are looked up in $DUALMOD_MODELS (colon-separated),\n"
            "the source tree's models/, then %s/models.\n"
            "\n"
            "eval options:\n"
            "  --split NAME        valid, test or train of the model's data set (default valid)\n"
            "  --data FILE         evaluate any text file: whitespace-separated tokens, <eos> at\n"
            "                      each line end, unknown words -> <unk>; one stream, N-1 predictions\n"
            "  --vocab FILE        vocabulary, one token per line (default: beside the model)\n"
            "  --limit N           use only the first N tokens\n"
            "  --path P            stream (batch-1 steps, default), seq (whole-sequence GEMM) or both\n"
            "  --chunk N           time steps per chunk on the seq path (default 128)\n"
            "dual-module options (any of them makes eval run dense and dual side by side):\n"
            "  --ratio R           insensitive ratio, 0..1 (default 0.5)\n"
            "  --bits B            little weights: 1..16 bits or fp32 (default 8)\n"
            "  --k K | --eps E     little dimension per input stream, or from the JL bound (default eps 0.5)\n"
            "  --mode M            threshold (calibrated on training text, default) or topk (exact per step)\n"
            "  --policy P          paper (unipolar sigmoid, default), symmetric, or error (rank rows by the\n"
            "                      expected output error given the little module's per-row fit error)\n"
            "  --proj P            srp (sparse random, the paper's) or pca (data-aware, dense)\n"
            "  --seed N            projection seed (default 1)\n"
            "  --audit             also run the big module fully: mask recall, false-insensitive rate, cosines\n"
            "  --fit-tokens N      training tokens for fitting (default %d); --calib-tokens N (default %d)\n"
            "  --fit-data FILE     training text when the model has no data set\n"
            "  --ratios LIST, --ks LIST (k, or eps when < 1), --bits-list LIST (0 = fp32), --noise BETA\n"
            "                      the values a study runs through\n"
            "bench options:\n"
            "  --dense             benchmark the dense path only\n"
            "  --ratios LIST --k LIST   dual configurations (default ratios 0,0.1,0.3,0.5,0.7,0.9; top-k)\n"
            "  --kernels K         ref, avx2, avx512 or auto (default: the best this CPU has)\n"
            "  --arch lstm|gru --hidden H [--layers L] [--vocab-size V]\n"
            "                      a model of that shape with random weights instead of MODEL\n"
            "  --steps N           timed streaming steps (default 300)\n"
            "  --cold              flush the caches between timed steps\n"
            "  --no-torch          do not run PyTorch for comparison\n"
            "run store (every dual-module evaluation is saved):\n"
            "  --db PATH           SQLite file (default $XDG_DATA_HOME/dualmod/runs.db)\n"
            "  --no-store          do not save\n"
            "common options:\n"
            "  --threads N         OpenBLAS threads (default 1: the batch-1 latency regime)\n"
            "  --format F          table (default), json or csv\n"
            "  -q, --quiet         no progress on stderr\n"
            "  -h, --help          this help\n"
            "  -V, --version       version\n"
            "\n"
            "Environment: DUALMOD_MODELS, DUALMOD_DATA (extra model / data directories),\n"
            "DUALMOD_PYTHON (python3 used for the PyTorch comparison, default /usr/bin/python3),\n"
            "XDG_CACHE_HOME (little-module fitting data is cached in $XDG_CACHE_HOME/dualmod).\n",
            DM_PKGDATADIR, DEFAULT_FIT_TOKENS, DEFAULT_CALIB_TOKENS);
}

/* ---- options shared by the commands ---- */

typedef struct opts {
    const char *model;
    const char *split;
    const char *data;
    const char *vocab;
    long limit;
    int path_both;
    dm_lm_path path;
    int chunk;
    int threads;
    out_format fmt;
    int quiet;
    int dense;
    const char *arch;
    int hidden, layers, vocab_size, steps, cold, no_torch;
    /* dual-module knobs */
    int dual;            /* any dual knob given */
    int ratio_given;
    dm_dual_cfg cfg;
    int audit;
    long fit_tokens;
    int calib_tokens;
    const char *fit_data;
    const char *ratios;  /* study sweep: comma-separated */
    const char *ks;      /* study dim: comma-separated k or e<eps> */
    const char *bitlist; /* study bits */
    double noise;        /* study noise: noise norm relative to the gate's norm */
    const char *kernels; /* ref, avx2, avx512, auto */
    const char *db;      /* run store path (default: XDG data dir) */
    int no_store;
    const char *klist;   /* --k as given (bench takes a list) */
    int mode_given;
} opts;

static int parse_long(const char *opt, const char *s, long lo, long hi, long *out)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno || end == s || *end || v < lo || v > hi) {
        fprintf(stderr, "%s: %s '%s': expected an integer from %ld to %ld\n", prog, opt, s, lo, hi);
        return -1;
    }
    *out = v;
    return 0;
}

static int parse_double(const char *opt, const char *s, double lo, double hi, double *out)
{
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    if (errno || end == s || *end || !(v >= lo && v <= hi)) {
        fprintf(stderr, "%s: %s '%s': expected a number from %g to %g\n", prog, opt, s, lo, hi);
        return -1;
    }
    *out = v;
    return 0;
}

enum {
    O_SPLIT = 256, O_DATA, O_VOCAB, O_LIMIT, O_PATH, O_CHUNK, O_THREADS, O_FORMAT, O_DENSE, O_ARCH,
    O_HIDDEN, O_LAYERS, O_VOCAB_SIZE, O_STEPS, O_COLD, O_NO_TORCH,
    O_RATIO, O_BITS, O_K, O_EPS, O_MODE, O_POLICY, O_PROJ, O_SEED, O_AUDIT, O_LAMBDA, O_FIT_TOKENS,
    O_CALIB_TOKENS, O_FIT_DATA, O_RATIOS, O_KS, O_BITLIST, O_NOISE, O_KERNELS, O_DB, O_NO_STORE
};

static const struct option long_opts[] = {
    {"split", required_argument, 0, O_SPLIT},   {"data", required_argument, 0, O_DATA},
    {"vocab", required_argument, 0, O_VOCAB},   {"limit", required_argument, 0, O_LIMIT},
    {"path", required_argument, 0, O_PATH},     {"chunk", required_argument, 0, O_CHUNK},
    {"threads", required_argument, 0, O_THREADS}, {"format", required_argument, 0, O_FORMAT},
    {"dense", no_argument, 0, O_DENSE},         {"arch", required_argument, 0, O_ARCH},
    {"hidden", required_argument, 0, O_HIDDEN}, {"layers", required_argument, 0, O_LAYERS},
    {"vocab-size", required_argument, 0, O_VOCAB_SIZE}, {"steps", required_argument, 0, O_STEPS},
    {"cold", no_argument, 0, O_COLD},           {"no-torch", no_argument, 0, O_NO_TORCH},
    {"ratio", required_argument, 0, O_RATIO},   {"bits", required_argument, 0, O_BITS},
    {"k", required_argument, 0, O_K},           {"eps", required_argument, 0, O_EPS},
    {"mode", required_argument, 0, O_MODE},     {"policy", required_argument, 0, O_POLICY},
    {"proj", required_argument, 0, O_PROJ},     {"seed", required_argument, 0, O_SEED},
    {"audit", no_argument, 0, O_AUDIT},         {"lambda", required_argument, 0, O_LAMBDA},
    {"fit-tokens", required_argument, 0, O_FIT_TOKENS}, {"calib-tokens", required_argument, 0, O_CALIB_TOKENS},
    {"fit-data", required_argument, 0, O_FIT_DATA}, {"ratios", required_argument, 0, O_RATIOS},
    {"ks", required_argument, 0, O_KS},         {"bits-list", required_argument, 0, O_BITLIST},
    {"noise", required_argument, 0, O_NOISE},   {"kernels", required_argument, 0, O_KERNELS},
    {"db", required_argument, 0, O_DB},         {"no-store", no_argument, 0, O_NO_STORE},
    {"quiet", no_argument, 0, 'q'},             {"help", no_argument, 0, 'h'},
    {"version", no_argument, 0, 'V'},           {0, 0, 0, 0}};

/* Returns 0 to go on, 1 when help/version was printed, 2 on a usage error. */
static int parse_opts(int argc, char **argv, opts *o)
{
    long v;
    int c;
    opterr = 0;
    optind = 1;
    while ((c = getopt_long(argc, argv, ":qhV", long_opts, NULL)) != -1) {
        switch (c) {
        case O_SPLIT: o->split = optarg; break;
        case O_DATA: o->data = optarg; break;
        case O_VOCAB: o->vocab = optarg; break;
        case O_LIMIT:
            if (parse_long("--limit", optarg, 2, LONG_MAX, &v)) return 2;
            o->limit = v;
            break;
        case O_PATH:
            if (strcmp(optarg, "both") == 0)
                o->path_both = 1;
            else if (dm_path_parse(optarg, &o->path))
                return usage_error("--path '%s': expected stream, seq or both", optarg);
            break;
        case O_CHUNK:
            if (parse_long("--chunk", optarg, 1, 4096, &v)) return 2;
            o->chunk = (int)v;
            break;
        case O_THREADS:
            if (parse_long("--threads", optarg, 1, 256, &v)) return 2;
            o->threads = (int)v;
            break;
        case O_FORMAT:
            if (strcmp(optarg, "table") == 0) o->fmt = FMT_TABLE;
            else if (strcmp(optarg, "json") == 0) o->fmt = FMT_JSON;
            else if (strcmp(optarg, "csv") == 0) o->fmt = FMT_CSV;
            else return usage_error("--format '%s': expected table, json or csv", optarg);
            break;
        case O_DENSE: o->dense = 1; break;
        case O_ARCH:
            if (strcmp(optarg, "lstm") && strcmp(optarg, "gru"))
                return usage_error("--arch '%s': expected lstm or gru", optarg);
            o->arch = optarg;
            break;
        case O_HIDDEN:
            if (parse_long("--hidden", optarg, 1, 16384, &v)) return 2;
            o->hidden = (int)v;
            break;
        case O_LAYERS:
            if (parse_long("--layers", optarg, 1, DM_LM_MAX_LAYERS, &v)) return 2;
            o->layers = (int)v;
            break;
        case O_VOCAB_SIZE:
            if (parse_long("--vocab-size", optarg, 2, 1000000, &v)) return 2;
            o->vocab_size = (int)v;
            break;
        case O_STEPS:
            if (parse_long("--steps", optarg, 10, 1000000, &v)) return 2;
            o->steps = (int)v;
            break;
        case O_COLD: o->cold = 1; break;
        case O_NO_TORCH: o->no_torch = 1; break;
        case O_RATIO:
            if (parse_double("--ratio", optarg, 0.0, 1.0, &o->cfg.ratio)) return 2;
            o->dual = 1;
            o->ratio_given = 1;
            break;
        case O_BITS:
            if (strcmp(optarg, "fp32") == 0 || strcmp(optarg, "FP32") == 0) {
                o->cfg.bits = 0;
            } else {
                if (parse_long("--bits", optarg, 1, 16, &v)) {
                    fprintf(stderr, "%s: (or fp32)\n", prog);
                    return 2;
                }
                o->cfg.bits = (int)v;
            }
            o->dual = 1;
            break;
        case O_K: {
            char first[32];
            size_t fl = strcspn(optarg, ",");
            snprintf(first, sizeof first, "%.*s", (int)(fl < 31 ? fl : 31), optarg);
            if (parse_long("--k", first, 1, 65536, &v)) return 2;
            o->cfg.k = (int)v;
            o->klist = optarg;
            o->dual = 1;
            break;
        }
        case O_KERNELS: {
            dm_kvariant kv;
            if (dm_kernels_parse(optarg, &kv))
                return usage_error("--kernels '%s': expected ref, avx2, avx512 or auto", optarg);
            if (strcmp(optarg, "auto") && !dm_kernels_get(kv)) {
                fprintf(stderr, "%s: --kernels %s: this CPU lacks the instructions (best here: %s)\n", prog, optarg,
                        dm_kernels_best()->name);
                return 2;
            }
            o->kernels = optarg;
            break;
        }
        case O_EPS:
            if (parse_double("--eps", optarg, 1e-9, 1.0 - 1e-9, &o->cfg.eps)) return 2;
            o->cfg.k = 0;
            o->dual = 1;
            break;
        case O_MODE:
            if (dm_mode_parse(optarg, &o->cfg.mode))
                return usage_error("--mode '%s': expected threshold or topk", optarg);
            o->dual = 1;
            o->mode_given = 1;
            break;
        case O_POLICY:
            if (dm_policy_parse(optarg, &o->cfg.policy))
                return usage_error("--policy '%s': expected paper, symmetric or error", optarg);
            o->dual = 1;
            break;
        case O_PROJ:
            if (dm_proj_parse(optarg, &o->cfg.proj))
                return usage_error("--proj '%s': expected srp or pca", optarg);
            o->dual = 1;
            break;
        case O_SEED:
            if (parse_long("--seed", optarg, 0, LONG_MAX, &v)) return 2;
            o->cfg.seed = (uint64_t)v;
            o->dual = 1;
            break;
        case O_AUDIT: o->audit = 1; o->dual = 1; break;
        case O_LAMBDA:
            if (parse_double("--lambda", optarg, 0.0, 1e6, &o->cfg.lambda)) return 2;
            break;
        case O_FIT_TOKENS:
            if (parse_long("--fit-tokens", optarg, 100, 100000000, &v)) return 2;
            o->fit_tokens = v;
            break;
        case O_CALIB_TOKENS:
            if (parse_long("--calib-tokens", optarg, 10, 1000000, &v)) return 2;
            o->calib_tokens = (int)v;
            break;
        case O_FIT_DATA: o->fit_data = optarg; break;
        case O_DB: o->db = optarg; break;
        case O_NO_STORE: o->no_store = 1; break;
        case O_RATIOS: o->ratios = optarg; break;
        case O_KS: o->ks = optarg; break;
        case O_BITLIST: o->bitlist = optarg; break;
        case O_NOISE:
            if (parse_double("--noise", optarg, 0.0, 100.0, &o->noise)) return 2;
            break;
        case 'q': o->quiet = 1; break;
        case 'h': print_help(stdout); return 1;
        case 'V': printf("%s %s\n", PACKAGE_NAME, PACKAGE_VERSION); return 1;
        case ':': return usage_error("option '%s' needs an argument", argv[optind - 1]);
        default: return usage_error("unknown option '%s'", argv[optind - 1]);
        }
    }
    if (optind < argc) {
        if (o->model)
            return usage_error("unexpected argument '%s'", argv[optind]);
        o->model = argv[optind++];
    }
    if (optind < argc)
        return usage_error("unexpected argument '%s'", argv[optind]);
    return 0;
}

/* ---- loading a model with its vocabulary and data ---- */

typedef struct loaded {
    dm_model_ref ref;
    dm_lm lm;
    dm_vocab vocab;
    int have_vocab;
} loaded;

static void loaded_free(loaded *L)
{
    dm_lm_free(&L->lm);
    if (L->have_vocab)
        dm_vocab_free(&L->vocab);
}

static int load_model(const opts *o, loaded *L, int need_vocab, dm_err *err)
{
    memset(L, 0, sizeof *L);
    if (dm_model_resolve(o->model, o->vocab, &L->ref, err))
        return -1;
    if (dm_lm_load(&L->lm, L->ref.file, err))
        return -1;
    if (!need_vocab && access(L->ref.vocab, R_OK) != 0)
        return 0;
    if (dm_vocab_load(&L->vocab, L->ref.vocab, err)) {
        dm_lm_free(&L->lm);
        return -1;
    }
    L->have_vocab = 1;
    if (L->vocab.n != L->lm.ntoken) {
        dm_errf(err, "%s has %d tokens but the model %s has a %d-token vocabulary", L->ref.vocab,
                L->vocab.n, L->ref.file, L->lm.ntoken);
        loaded_free(L);
        return -1;
    }
    return 0;
}

static void human_bytes(double b, char *out, size_t n)
{
    if (b >= 1e9) snprintf(out, n, "%.2f GB", b / 1e9);
    else if (b >= 1e6) snprintf(out, n, "%.2f MB", b / 1e6);
    else if (b >= 1e3) snprintf(out, n, "%.1f kB", b / 1e3);
    else snprintf(out, n, "%.0f B", b);
}

static void describe_arch(const dm_lm *m, char *out, size_t n)
{
    snprintf(out, n, "%s, %d layer%s x %d hidden, embedding %d, vocab %d, decoder %s", dm_cell_name(m->cell),
             m->nlayers, m->nlayers > 1 ? "s" : "", m->nhid, m->emsize, m->ntoken,
             m->tied ? "tied" : "untied");
}

/* ---- eval ---- */

typedef struct progress_ctx {
    int tty;
    const char *label;
} progress_ctx;

static void on_progress(const dm_eval_result *r, long total, void *ud)
{
    progress_ctx *p = ud;
    if (!p->tty)
        return;
    double frac = total > 0 ? (double)r->predictions / (double)total : 0;
    int w = 24, fill = (int)(frac * w);
    char bar[32];
    for (int i = 0; i < w; i++)
        bar[i] = i < fill ? '#' : '.';
    bar[w] = '\0';
    double rate = r->seconds > 0 ? (double)r->predictions / r->seconds : 0;
    double left = rate > 0 ? (double)(total - r->predictions) / rate : 0;
    fprintf(stderr, "\r%s [%s] %5.1f%% %ld/%ld tok %6.0f tok/s %4.0fs left  ppl %.2f ", p->label, bar,
            100 * frac, r->predictions, total, rate, left, r->value);
    fflush(stderr);
}

/* The data a command evaluates: --data FILE, or --split of the model's data set. */
static int resolve_eval_data(const opts *o, const loaded *L, const char **split, char *path, size_t n)
{
    dm_err err;
    if (o->data && o->split)
        return usage_error("%s", "give either --split or --data, not both");
    *split = o->data ? NULL : (o->split ? o->split : "valid");
    if (!*split) {
        snprintf(path, n, "%s", o->data);
        return 0;
    }
    if (strcmp(*split, "valid") && strcmp(*split, "test") && strcmp(*split, "train"))
        return usage_error("--split '%s': expected valid, test or train", *split);
    if (!L->lm.dataset[0]) {
        fprintf(stderr, "%s: %s has no 'dataset' in its metadata, so --split cannot find its data; use --data FILE\n",
                prog, L->ref.file);
        return 1;
    }
    if (dm_data_resolve(L->lm.dataset, *split, path, n, &err))
        return die(err.msg);
    return 0;
}

static int cmd_eval_dual(opts *o, loaded *L, const char *split, const char *datapath, dm_corpus *c);

static int cmd_eval(opts *o)
{
    dm_err err;
    loaded L;
    if (!o->model)
        o->model = "kjv-lstm";
    if (load_model(o, &L, 1, &err))
        return die(err.msg);
    char datapath[DM_PATH_MAX];
    const char *split;
    int rc = resolve_eval_data(o, &L, &split, datapath, sizeof datapath);
    if (rc) {
        loaded_free(&L);
        return rc;
    }
    dm_corpus c;
    if (dm_corpus_load(&c, datapath, &L.vocab, o->limit, &err)) {
        loaded_free(&L);
        return die(err.msg);
    }
    if (o->dual) {
        rc = cmd_eval_dual(o, &L, split, datapath, &c);
        dm_corpus_free(&c);
        loaded_free(&L);
        return rc;
    }
    dm_blas_set_threads(o->threads);
    int npaths = o->path_both ? 2 : 1;
    dm_eval_result res[2];
    dm_lm_path paths[2] = {o->path_both ? DM_PATH_STREAM : o->path, DM_PATH_SEQ};
    progress_ctx pc = {isatty(2) && !o->quiet, ""};
    for (int i = 0; i < npaths; i++) {
        dm_eval_opts eo = {.path = paths[i], .chunk = o->chunk, .progress = on_progress, .progress_ud = &pc};
        pc.label = dm_path_name(paths[i]);
        if (dm_eval_lm(&L.lm, &c, &eo, &res[i], &err)) {
            dm_corpus_free(&c);
            loaded_free(&L);
            return die(err.msg);
        }
        if (pc.tty)
            fprintf(stderr, "\r%*s\r", 100, "");
    }
    for (int i = 0; i < npaths; i++)
        if (!isfinite(res[i].value) || !isfinite(res[i].nll)) {
            char msg[8400];
            snprintf(msg, sizeof msg, "%s on %s (%s path): perplexity is %s, not a finite number; the model's "
                     "outputs overflow", L.ref.name, split ? split : datapath, dm_path_name(paths[i]),
                     isnan(res[i].value) ? "NaN" : "infinite");
            dm_corpus_free(&c);
            loaded_free(&L);
            return die(msg);
        }
    char arch[256], fb[32];
    describe_arch(&L.lm, arch, sizeof arch);
    human_bytes((double)L.lm.file_bytes, fb, sizeof fb);
    const char *dname = split ? split : datapath;
    if (o->fmt == FMT_JSON) {
        json_t *arr = json_array();
        for (int i = 0; i < npaths; i++) {
            json_t *j = json_pack("{s:s, s:s, s:s, s:s, s:s, s:s, s:f, s:f, s:f, s:I, s:I, s:I, s:I, s:f, s:f, s:i}",
                                  "model", L.ref.name, "model_file", L.ref.file, "arch", dm_cell_name(L.lm.cell),
                                  "data", datapath, "split", split ? split : "", "path", dm_path_name(paths[i]),
                                  "ppl", res[i].value, "ppl_se", res[i].se, "nll", res[i].nll,
                                  "tokens", (json_int_t)c.n, "predictions", (json_int_t)res[i].predictions,
                                  "unk", (json_int_t)c.unk, "lines", (json_int_t)c.lines, "seconds", res[i].seconds,
                                  "tokens_per_s", res[i].items_per_s, "threads", o->threads);
            json_array_append_new(arr, j);
        }
        json_t *out = npaths == 1 ? json_incref(json_array_get(arr, 0)) : json_incref(arr);
        if (json_array_size(arr) != (size_t)npaths)
            json_decref(out), out = NULL;
        print_json_prec(out, 10);
        json_decref(out);
        json_decref(arr);
    } else if (o->fmt == FMT_CSV) {
        printf("model,split,data,path,ppl,ppl_se,nll,tokens,predictions,unk,seconds,tokens_per_s,threads\n");
        for (int i = 0; i < npaths; i++)
            printf("%s,%s,%s,%s,%.6f,%.6f,%.8f,%ld,%ld,%ld,%.4f,%.1f,%d\n", L.ref.name, split ? split : "",
                   datapath, dm_path_name(paths[i]), res[i].value, res[i].se, res[i].nll, c.n,
                   res[i].predictions, c.unk, res[i].seconds, res[i].items_per_s, o->threads);
    } else {
        printf("model       %s  (%s; %s %s file)\n", L.ref.name, arch, fb, L.lm.file_dtype);
        printf("data        %s  (%s: %ld tokens, %ld lines, %.2f%% <unk>)\n", dname, datapath, c.n, c.lines,
               100.0 * (double)c.unk / (double)c.n);
        for (int i = 0; i < npaths; i++) {
            printf("%-11s perplexity %.3f ± %.3f   %ld predictions   %.2f s   %.0f tokens/s\n",
                   paths[i] == DM_PATH_STREAM ? "stream" : "seq", res[i].value, res[i].se,
                   res[i].predictions, res[i].seconds, res[i].items_per_s);
        }
        printf("threads     %d (%s)\n", o->threads, dm_blas_config());
    }
    dm_corpus_free(&c);
    loaded_free(&L);
    return 0;
}

/* ---- info ---- */

static int cmd_info(opts *o)
{
    dm_err err;
    loaded L;
    if (!o->model)
        return usage_error("%s", "info needs a MODEL (a name such as kjv-lstm, or a path)");
    if (load_model(o, &L, 0, &err))
        return die(err.msg);
    char arch[256], fb[32], mb[32];
    describe_arch(&L.lm, arch, sizeof arch);
    human_bytes((double)L.lm.file_bytes, fb, sizeof fb);
    size_t f32 = (size_t)L.lm.nparams * sizeof(float);
    human_bytes((double)f32, mb, sizeof mb);
    static const char *const card_keys[] = {"valid PPL", "test PPL", "training time", "data", "training"};
    char card[5][512];
    for (int i = 0; i < 5; i++)
        if (dm_card_value(L.ref.dir, card_keys[i], card[i], sizeof card[i]))
            card[i][0] = '\0';
    char splits[3][DM_PATH_MAX];
    static const char *const split_names[] = {"valid", "test", "train"};
    for (int i = 0; i < 3; i++)
        if (!L.lm.dataset[0] || dm_data_resolve(L.lm.dataset, split_names[i], splits[i], sizeof splits[i], &err))
            splits[i][0] = '\0';
    if (o->fmt == FMT_JSON) {
        json_t *j = json_pack("{s:s, s:s, s:s, s:i, s:i, s:i, s:i, s:i, s:b, s:I, s:I, s:I, s:s, s:s, s:b, s:s}",
                              "model", L.ref.name, "file", L.ref.file, "arch", dm_cell_name(L.lm.cell), "layers",
                              L.lm.nlayers, "hidden", L.lm.nhid, "emsize", L.lm.emsize, "ntoken", L.lm.ntoken,
                              "gates", L.lm.gates, "tied", L.lm.tied, "parameters", (json_int_t)L.lm.nparams,
                              "file_bytes", (json_int_t)L.lm.file_bytes, "f32_bytes", (json_int_t)f32, "file_dtype",
                              L.lm.file_dtype, "vocab", L.have_vocab ? L.ref.vocab : "", "inferred_from_shapes",
                              L.lm.inferred, "dataset", L.lm.dataset);
        json_t *sp = json_object();
        for (int i = 0; i < 3; i++)
            json_object_set_new(sp, split_names[i], splits[i][0] ? json_string(splits[i]) : json_null());
        json_object_set_new(j, "splits", sp);
        json_t *cd = json_object();
        for (int i = 0; i < 3; i++)
            if (card[i][0])
                json_object_set_new(cd, card_keys[i], json_string(card[i]));
        json_object_set_new(j, "card", cd);
        char *s = json_dumps(j, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
        printf("%s\n", s);
        free(s);
        json_decref(j);
    } else {
        printf("model         %s\n", L.ref.name);
        printf("file          %s (%s, %s weights, hash %016llx)\n", L.ref.file, fb, L.lm.file_dtype,
               (unsigned long long)L.lm.file_hash);
        printf("architecture  %s%s\n", arch, L.lm.inferred ? " (inferred from tensor shapes: no metadata)" : "");
        printf("parameters    %lld (%s as FP32 in memory)\n", L.lm.nparams, mb);
        for (int l = 0; l < L.lm.nlayers; l++)
            printf("  layer %d     %d x %d gate rows x [in %d | hid %d]  %.2f MB FP32\n", l, L.lm.gates,
                   L.lm.nhid, L.lm.layer[l].in, L.lm.layer[l].hid,
                   (double)L.lm.layer[l].rows * L.lm.layer[l].ld * 4 / 1e6);
        printf("  decoder     %d x %d%s  %.2f MB FP32\n", L.lm.ntoken, L.lm.nhid,
               L.lm.tied ? " (tied to the embedding)" : "", (double)L.lm.ntoken * L.lm.nhid * 4 / 1e6);
        printf("step reads    %.2f MB of weights per token (%.2f MB recurrent)\n", dm_lm_step_bytes(&L.lm) / 1e6,
               dm_lm_rnn_bytes(&L.lm) / 1e6);
        printf("vocabulary    %s\n", L.have_vocab ? L.ref.vocab : "(none beside the model)");
        if (L.lm.dataset[0]) {
            printf("data set      %s\n", L.lm.dataset);
            for (int i = 0; i < 3; i++)
                printf("  %-5s       %s\n", split_names[i], splits[i][0] ? splits[i] : "(not prepared)");
        }
        if (card[3][0])
            printf("data recipe   %s\n", card[3]);
        for (int i = 0; i < 3; i++)
            if (card[i][0])
                printf("%-13s %s\n", card_keys[i], card[i]);
    }
    loaded_free(&L);
    return 0;
}

/* ---- dual-module commands: eval --ratio ..., little, study ---- */


/* Moments and calibration inputs over the model's training text (cached). */
static int prepare_fitdata(const opts *o, const loaded *L, dm_fitdata *fd)
{
    dm_err err;
    char path[DM_PATH_MAX];
    if (o->fit_data) {
        snprintf(path, sizeof path, "%s", o->fit_data);
    } else if (!L->lm.dataset[0]) {
        fprintf(stderr, "%s: %s has no 'dataset' in its metadata, so its training text is unknown: give --fit-data FILE\n",
                prog, L->ref.file);
        return 1;
    } else if (dm_data_resolve(L->lm.dataset, "train", path, sizeof path, &err)) {
        return die(err.msg);
    }
    long nfit = o->fit_tokens ? o->fit_tokens : DEFAULT_FIT_TOKENS;
    int ncal = o->calib_tokens ? o->calib_tokens : DEFAULT_CALIB_TOKENS;
    dm_corpus train;
    if (dm_corpus_load(&train, path, &L->vocab, nfit, &err))
        return die(err.msg);
    if (!o->quiet && isatty(2))
        fprintf(stderr, "little module: moments over %ld training tokens (cached after the first time)...\n", train.n);
    int rc = dm_fitdata_cached(fd, &L->lm, &train, nfit, ncal, NULL, &err);
    dm_corpus_free(&train);
    if (rc)
        return die(err.msg);
    return 0;
}

/* The kernels a command runs with: --kernels, else the best this CPU has. */
static const dm_kernels *chosen_kernels(const opts *o)
{
    dm_kvariant kv;
    if (o->kernels && strcmp(o->kernels, "auto") && dm_kernels_parse(o->kernels, &kv) == 0 && dm_kernels_get(kv))
        return dm_kernels_get(kv);
    return dm_kernels_best();
}

static void describe_little(const dm_dual *d, char *out, size_t n)
{
    char lb[32], db[32];
    human_bytes((double)dm_dual_little_bytes(d), lb, sizeof lb);
    human_bytes((double)dm_lm_rnn_bytes(d->big), db, sizeof db);
    char kb[48];
    if (d->cfg.k)
        snprintf(kb, sizeof kb, "k %d", d->k);
    else
        snprintf(kb, sizeof kb, "k %d (eps %g)", d->k, d->cfg.eps);
    char bb[16];
    if (d->cfg.bits)
        snprintf(bb, sizeof bb, "INT%d", d->cfg.bits);
    else
        snprintf(bb, sizeof bb, "FP32");
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

static json_t *dual_json(const dm_dual *d, const dm_dual_result *r, const char *model, const char *split,
                         const char *datapath, int audit)
{
    const dm_lm *m = d->big;
    double dppl = r->dual.value - r->dense.value;
    json_t *j = json_pack("{s:s, s:s, s:s, s:f, s:f, s:f, s:f, s:f, s:f, s:f, s:f, s:f, s:f, s:i, s:i, s:f, s:s, s:s, s:s, s:I}",
                          "model", model, "split", split ? split : "", "data", datapath, "ppl", r->dual.value,
                          "ppl_se", r->dual.se, "dense_ppl", r->dense.value, "dppl", dppl, "dppl_pct",
                          100.0 * dppl / r->dense.value, "kld", r->kld, "top1_agree", r->top1_agree, "ratio",
                          d->cfg.ratio, "ratio_achieved", dm_stats_ratio(&r->stats, -1, -1), "bytes_ratio",
                          bytes_ratio(&r->stats, 0), "bits", d->cfg.bits, "k", d->k, "bytes_ratio_e2e",
                          bytes_ratio(&r->stats, 1), "mode", dm_mode_name(d->cfg.mode), "policy",
                          dm_policy_name(d->cfg.policy), "proj", dm_proj_name(d->cfg.proj), "predictions",
                          (json_int_t)r->dual.predictions);
    json_object_set_new(j, "eps", d->cfg.k ? json_null() : json_real(d->cfg.eps));
    json_object_set_new(j, "seed", json_integer((json_int_t)d->cfg.seed));
    json_object_set_new(j, "little_bytes", json_integer((json_int_t)dm_dual_little_bytes(d)));
    json_object_set_new(j, "dense_rnn_bytes", json_integer((json_int_t)dm_lm_rnn_bytes(m)));
    json_object_set_new(j, "path", json_string("stream"));
    json_t *layers = json_array();
    for (int l = 0; l < m->nlayers; l++) {
        json_t *lj = json_pack("{s:i, s:f, s:f, s:f}", "layer", l, "ratio_achieved", dm_stats_ratio(&r->stats, l, -1),
                               "fit_mse", d->little[l].mse, "fit_rel_mse",
                               d->little[l].var > 0 ? d->little[l].mse / d->little[l].var : 0.0);
        json_t *gates = json_object();
        for (int g = 0; g < m->gates; g++) {
            json_t *gj = json_pack("{s:f, s:f}", "ratio_achieved", dm_stats_ratio(&r->stats, l, g), "theta",
                                   (double)d->theta[l][dm_gate_act(m, g)]);
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

/* jansson cannot represent NaN or Inf (json_pack then returns NULL): such a
 * document is an error with a non-zero exit, never a NULL dereference. */
static void print_json_prec(json_t *j, int prec)
{
    char *s = j ? json_dumps(j, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(prec)) : NULL;
    if (!s) {
        fflush(stdout);
        fprintf(stderr, "%s: cannot write the JSON result (a figure is not a finite number, or out of memory)\n",
                prog);
        exit(1); /* atexit handlers close the store */
    }
    printf("%s\n", s);
    free(s);
}

static void print_json(json_t *j) { print_json_prec(j, 8); }

/* ---- the run store ---- */

static dm_store *g_store;

static void close_store(void)
{
    if (g_store)
        dm_store_close(g_store);
    g_store = NULL;
}

/* Save a dual-module evaluation; returns the run id, 0 when not saved (--no-store), -1 on error. */
static int64_t save_dual_run(const opts *o, const loaded *L, const dm_dual *d, const dm_dual_result *r,
                             const char *split, const dm_corpus *c, dm_lm_path path)
{
    if (o->no_store)
        return 0;
    dm_err err;
    if (!g_store) {
        if (dm_store_open(&g_store, o->db, &err)) {
            fprintf(stderr, "%s: run not saved: %s\n", prog, err.msg);
            return -1;
        }
        atexit(close_store);
    }
    dm_run *run = calloc(1, sizeof *run);
    if (!run) {
        fprintf(stderr, "%s: run not saved: out of memory\n", prog);
        return -1;
    }
    dm_run_source src = {.model_name = L->ref.name, .model_file = L->ref.file, .dual = d, .corpus = c,
                         .split = split ? split : (o->data ? o->data : ""), .path = path, .threads = o->threads,
                         .audit = o->audit, .git_rev = DM_GIT_REV, .build_flags = DM_BUILD_FLAGS,
                         .version = PACKAGE_VERSION};
    dm_run_describe(run, &src);
    dm_run_results(run, d, r, o->audit, NULL);
    int64_t id = -1;
    if (dm_store_add(g_store, run, &err))
        fprintf(stderr, "%s: run not saved: %s\n", prog, err.msg);
    else
        id = run->id;
    free(run);
    return id;
}

static int cmd_eval_dual(opts *o, loaded *L, const char *split, const char *datapath, dm_corpus *c)
{
    dm_err err;
    dm_fitdata fd;
    dm_dual d;
    int rc = prepare_fitdata(o, L, &fd);
    if (rc)
        return rc;
    dm_blas_set_threads(o->threads);
    if (dm_dual_build(&d, &L->lm, &fd, &o->cfg, &err) || dm_dual_use_kernels(&d, chosen_kernels(o), &err)) {
        dm_dual_free(&d);
        dm_fitdata_free(&fd);
        return die(err.msg);
    }
    if (o->path_both) {
        dm_dual_free(&d);
        dm_fitdata_free(&fd);
        return usage_error("%s", "--path both is for dense evaluation; a dual-module eval takes --path stream or seq");
    }
    progress_ctx pc = {isatty(2) && !o->quiet, "dual"};
    dm_eval_opts eo = {.path = o->path, .progress = on_progress, .progress_ud = &pc};
    dm_dual_result r;
    rc = dm_eval_lm_dual(&d, c, &eo, o->audit, &r, &err);
    if (pc.tty)
        fprintf(stderr, "\r%*s\r", 100, "");
    if (rc) {
        dm_dual_free(&d);
        dm_fitdata_free(&fd);
        return die(err.msg);
    }
    const dm_lm *m = &L->lm;
    int64_t run_id = save_dual_run(o, L, &d, &r, split, c, o->path);
    if (o->fmt == FMT_JSON) {
        json_t *j = dual_json(&d, &r, L->ref.name, split, datapath, o->audit);
        json_object_set_new(j, "path", json_string(dm_path_name(o->path)));
        json_object_set_new(j, "run_id", run_id > 0 ? json_integer(run_id) : json_null());
        json_object_set_new(j, "kernels", json_string(d.kern ? d.kern->name : "none"));
        print_json(j);
        json_decref(j);
    } else if (o->fmt == FMT_CSV) {
        printf("model,split,ratio,ratio_achieved,bits,k,mode,policy,proj,ppl,dense_ppl,dppl,dppl_pct,kld,top1_agree,bytes_ratio\n");
        printf("%s,%s,%.4f,%.4f,%d,%d,%s,%s,%s,%.4f,%.4f,%.4f,%.4f,%.6f,%.5f,%.4f\n", L->ref.name, split ? split : datapath,
               d.cfg.ratio, dm_stats_ratio(&r.stats, -1, -1), d.cfg.bits, d.k, dm_mode_name(d.cfg.mode),
               dm_policy_name(d.cfg.policy), dm_proj_name(d.cfg.proj), r.dual.value, r.dense.value,
               r.dual.value - r.dense.value, 100 * (r.dual.value - r.dense.value) / r.dense.value, r.kld, r.top1_agree,
               bytes_ratio(&r.stats, 0));
    } else {
        char arch[256], lit[512];
        describe_arch(m, arch, sizeof arch);
        describe_little(&d, lit, sizeof lit);
        printf("model       %s  (%s)\n", L->ref.name, arch);
        printf("data        %s  (%ld tokens, %ld predictions)\n", split ? split : datapath, c->n, r.dual.predictions);
        printf("little      %s\n", lit);
        printf("fit         %ld training tokens%s; relative MSE", fd.fit_tokens, fd.from_cache ? " (moments from cache)" : "");
        for (int l = 0; l < m->nlayers; l++)
            printf(" l%d %.3f", l, d.little[l].var > 0 ? d.little[l].mse / d.little[l].var : 0.0);
        printf("; built in %.2f s\n", d.fit_seconds);
        printf("policy      %s regions, %s ratio control%s\n", dm_policy_name(d.cfg.policy), dm_mode_name(d.cfg.mode),
               d.cfg.mode == DM_MODE_THRESHOLD ? " (thresholds from training-split quantiles)" : " (exact top-k per step)");
        printf("ratio       requested %.3f, achieved %.3f\n", d.cfg.ratio, dm_stats_ratio(&r.stats, -1, -1));
        for (int l = 0; l < m->nlayers; l++) {
            printf("  layer %d   %.3f  ", l, dm_stats_ratio(&r.stats, l, -1));
            for (int g = 0; g < m->gates; g++)
                printf(" %s %.3f", dm_gate_name(m, g), dm_stats_ratio(&r.stats, l, g));
            printf("\n");
            if (o->audit) {
                printf("    recall ");
                for (int g = 0; g < m->gates; g++)
                    printf(" %s %.3f", dm_gate_name(m, g), dm_stats_recall(&r.stats, l, g));
                printf("   false-insensitive");
                for (int g = 0; g < m->gates; g++)
                    printf(" %s %.3f", dm_gate_name(m, g), dm_stats_false_insens(&r.stats, l, g));
                printf("\n    cos pre");
                for (int g = 0; g < m->gates; g++)
                    printf(" %s %.4f", dm_gate_name(m, g), dm_stats_cos(&r.stats, l, g, 0));
                printf("   cos post");
                for (int g = 0; g < m->gates; g++)
                    printf(" %s %.4f", dm_gate_name(m, g), dm_stats_cos(&r.stats, l, g, 1));
                printf("\n");
            }
        }
        double dppl = r.dual.value - r.dense.value;
        printf("perplexity  dual %.3f ± %.3f   dense %.3f   ΔPPL %+.3f (%+.2f%%)\n", r.dual.value, r.dual.se, r.dense.value,
               dppl, 100 * dppl / r.dense.value);
        printf("vs dense    KL %.5f nats/token   top-1 agreement %.2f%%\n", r.kld, 100 * r.top1_agree);
        printf("bytes       recurrent layers %.3fx of dense per token (big rows %.2f MB + little %.2f MB vs %.2f MB); "
               "with the decoder %.3fx\n",
               bytes_ratio(&r.stats, 0), r.stats.big_bytes / r.stats.steps / 1e6, r.stats.little_bytes / r.stats.steps / 1e6,
               r.stats.dense_bytes / r.stats.steps / 1e6, bytes_ratio(&r.stats, 1));
        if (o->path == DM_PATH_SEQ)
            printf("path        whole-sequence: input projections W_ih x batched for all rows (not skipped), only the\n"
                   "            recurrent W_hh rows of insensitive outputs skipped; bytes count the recurrent part\n");
        else
            printf("path        streaming (batch 1); the dense figures come from the whole-sequence path on the same stream\n");
        printf("time        %.1f s (%.0f tokens/s, dense and dual together; %s kernels)\n", r.dual.seconds,
               r.dual.items_per_s, d.kern ? d.kern->name : "reference");
        if (run_id > 0)
            printf("saved       run %lld in %s\n", (long long)run_id, dm_store_path(g_store));
    }
    dm_dual_free(&d);
    dm_fitdata_free(&fd);
    return run_id < 0 ? 1 : 0;
}

static int cmd_little(opts *o)
{
    dm_err err;
    loaded L;
    if (!o->model)
        return usage_error("%s", "little needs a MODEL");
    if (load_model(o, &L, 1, &err))
        return die(err.msg);
    dm_fitdata fd;
    int rc = prepare_fitdata(o, &L, &fd);
    if (rc) {
        loaded_free(&L);
        return rc;
    }
    dm_dual d;
    if (dm_dual_build(&d, &L.lm, &fd, &o->cfg, &err) || dm_dual_use_kernels(&d, chosen_kernels(o), &err)) {
        dm_dual_free(&d);
        dm_fitdata_free(&fd);
        loaded_free(&L);
        return die(err.msg);
    }
    if (o->fmt == FMT_JSON) {
        json_t *j = json_pack("{s:s, s:i, s:i, s:s, s:I, s:I, s:I, s:b, s:f, s:f}", "model", L.ref.name, "k", d.k, "bits",
                              d.cfg.bits, "proj", dm_proj_name(d.cfg.proj), "little_bytes",
                              (json_int_t)dm_dual_little_bytes(&d), "dense_rnn_bytes", (json_int_t)dm_lm_rnn_bytes(&L.lm),
                              "fit_tokens", (json_int_t)fd.fit_tokens, "moments_cached", fd.from_cache, "collect_seconds",
                              fd.seconds, "build_seconds", d.fit_seconds);
        json_t *layers = json_array();
        for (int l = 0; l < L.lm.nlayers; l++)
            json_array_append_new(layers, json_pack("{s:i, s:f, s:f, s:f, s:I}", "layer", l, "mse", d.little[l].mse,
                                                    "mse_fp32", d.little[l].mse_fp32, "rel_mse",
                                                    d.little[l].var > 0 ? d.little[l].mse / d.little[l].var : 0.0, "bytes",
                                                    (json_int_t)dm_dual_layer_little_bytes(&d, l)));
        json_object_set_new(j, "layers", layers);
        print_json(j);
        json_decref(j);
    } else {
        char lit[512];
        describe_little(&d, lit, sizeof lit);
        printf("model       %s\n", L.ref.name);
        printf("little      %s\n", lit);
        printf("data        %ld training tokens, %d calibration steps; moments %s\n", fd.fit_tokens, fd.ncal,
               fd.from_cache ? "loaded from the cache" : "collected now and cached");
        if (!fd.from_cache)
            printf("collect     %.2f s (one pass of the big model over the training slice)\n", fd.seconds);
        printf("build       %.2f s (projection, ridge solve, quantization, calibration)\n", d.fit_seconds);
        printf("%-8s %12s %12s %10s %12s\n", "layer", "MSE", "MSE FP32", "rel MSE", "bytes");
        for (int l = 0; l < L.lm.nlayers; l++)
            printf("%-8d %12.5f %12.5f %10.4f %12zu\n", l, d.little[l].mse, d.little[l].mse_fp32,
                   d.little[l].var > 0 ? d.little[l].mse / d.little[l].var : 0.0, dm_dual_layer_little_bytes(&d, l));
    }
    dm_dual_free(&d);
    dm_fitdata_free(&fd);
    loaded_free(&L);
    return 0;
}

/* ---- studies ---- */

typedef struct study_row {
    char label[32];
    dm_dual_cfg cfg;
    int k;
    dm_dual_result r;
    double rel_mse;
    size_t little_bytes;
} study_row;

static int parse_list(const char *s, double *out, int max, const char *what)
{
    int n = 0;
    char buf[512];
    snprintf(buf, sizeof buf, "%s", s);
    for (char *tok = strtok(buf, ","); tok; tok = strtok(NULL, ",")) {
        char *end;
        double v = strtod(tok, &end);
        if (end == tok || *end || n >= max) {
            fprintf(stderr, "%s: %s: bad list '%s' (expected comma-separated numbers)\n", prog, what, s);
            return -1;
        }
        out[n++] = v;
    }
    return n;
}

static int cmd_study(opts *o, const char *which)
{
    dm_err err;
    loaded L;
    int kind = !which ? -1 : strcmp(which, "noise") == 0 ? 0 : strcmp(which, "sweep") == 0 ? 1 : strcmp(which, "dim") == 0 ? 2
                                                        : strcmp(which, "bits") == 0 ? 3 : -1;
    if (kind < 0)
        return usage_error("study '%s': expected noise, sweep, dim or bits", which ? which : "");
    if (!o->model)
        return usage_error("study %s needs a MODEL", which);
    if (load_model(o, &L, 1, &err))
        return die(err.msg);
    char datapath[DM_PATH_MAX];
    const char *split;
    if (!o->split && !o->data)
        o->split = "test";
    int rc = resolve_eval_data(o, &L, &split, datapath, sizeof datapath);
    dm_corpus c;
    if (rc || dm_corpus_load(&c, datapath, &L.vocab, o->limit, &err)) {
        loaded_free(&L);
        return rc ? rc : die(err.msg);
    }
    dm_blas_set_threads(o->threads);
    progress_ctx pc = {isatty(2) && !o->quiet, which};
    dm_eval_opts eo = {.path = DM_PATH_STREAM, .progress = on_progress, .progress_ud = &pc};
    const dm_lm *m = &L.lm;
    if (kind == 0) {
        /* Table 1: noise of the same norm into the sensitive vs the insensitive half */
        double beta = o->noise > 0 ? o->noise : 0.5;
        dm_eval_result base, rr[2];
        dm_dual_stats st[2];
        if (dm_eval_lm(m, &c, &eo, &base, &err))
            goto fail;
        for (int half = 0; half < 2; half++)
            if (dm_eval_lm_noise(m, &c, half, beta, o->cfg.policy, o->cfg.seed, &eo, &rr[half], &st[half], &err))
                goto fail;
        if (pc.tty)
            fprintf(stderr, "\r%*s\r", 100, "");
        if (o->fmt == FMT_JSON) {
            json_t *j = json_pack("{s:s, s:s, s:s, s:f, s:f, s:s}", "study", "noise", "model", L.ref.name, "split",
                                  split ? split : datapath, "beta", beta, "base_ppl", base.value, "policy",
                                  dm_policy_name(o->cfg.policy));
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
            print_json(j);
            json_decref(j);
        } else if (o->fmt == FMT_CSV) {
            printf("noise_in,layer,gate,cos_pre,cos_post,ppl,base_ppl,beta\n");
            for (int half = 0; half < 2; half++)
                for (int l = -1; l < m->nlayers; l++)
                    for (int g = 0; g < m->gates; g++) {
                        char lb[16];
                        snprintf(lb, sizeof lb, l < 0 ? "all" : "%d", l);
                        printf("%s,%s,%s,%.5f,%.5f,%.4f,%.4f,%.3f\n", half ? "insensitive" : "sensitive", lb,
                               dm_gate_name(m, g), dm_stats_cos(&st[half], l, g, 0), dm_stats_cos(&st[half], l, g, 1),
                               rr[half].value, base.value, beta);
                    }
        } else {
            printf("study noise: %s on %s (%ld tokens); Gaussian noise of norm %.2f x the gate's pre-activation norm added\n"
                   "to half of every gate's outputs at every step (halves split by the %s policy on the exact values)\n\n",
                   L.ref.name, split ? split : datapath, c.n, beta, dm_policy_name(o->cfg.policy));
            printf("%-20s", "noise in");
            for (int g = 0; g < m->gates; g++)
                printf("  cos after %s", dm_gate_name(m, g));
            printf("  %10s\n", "PPL");
            printf("%-20s", "(none)");
            for (int g = 0; g < m->gates; g++)
                printf("  %11s", "1");
            printf("  %10.2f\n", base.value);
            for (int half = 0; half < 2; half++) {
                printf("%-20s", half ? "insensitive region" : "sensitive region");
                for (int g = 0; g < m->gates; g++)
                    printf("  %11.4f", dm_stats_cos(&st[half], -1, g, 1));
                printf("  %10.2f\n", rr[half].value);
            }
            printf("\npaper (PTB LSTM, baseline 80.64): sensitive 0.934 0.946 0.882 0.940 -> 85.70; insensitive 0.968 0.987 0.969 0.977 -> 81.79\n");
        }
        dm_corpus_free(&c);
        loaded_free(&L);
        return 0;
    }
    dm_fitdata fd;
    if ((rc = prepare_fitdata(o, &L, &fd))) {
        dm_corpus_free(&c);
        loaded_free(&L);
        return rc;
    }
    study_row rows[32];
    int nrows = 0, store_failed = 0;
    double vals[32];
    int nv;
    if (kind == 1) {
        nv = parse_list(o->ratios ? o->ratios : "0.1,0.3,0.5,0.7,0.9", vals, 32, "--ratios");
        for (int i = 0; i < nv; i++) {
            rows[nrows].cfg = o->cfg;
            rows[nrows].cfg.ratio = vals[i];
            snprintf(rows[nrows].label, sizeof rows[nrows].label, "%.0f%%", 100 * vals[i]);
            nrows++;
        }
    } else if (kind == 2) {
        if (!o->ratio_given)
            o->cfg.ratio = 0.5;
        /* k values; an entry below 1 is an eps */
        nv = parse_list(o->ks ? o->ks : "32,64,128,256,0.5", vals, 32, "--ks");
        for (int i = 0; i < nv; i++) {
            rows[nrows].cfg = o->cfg;
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
        if (!o->ratio_given)
            o->cfg.ratio = 0.5;
        nv = parse_list(o->bitlist ? o->bitlist : "0,16,8,4,2,1", vals, 32, "--bits-list");
        for (int i = 0; i < nv; i++) {
            rows[nrows].cfg = o->cfg;
            rows[nrows].cfg.bits = (int)vals[i];
            snprintf(rows[nrows].label, sizeof rows[nrows].label, vals[i] == 0 ? "FP32" : "INT%d", (int)vals[i]);
            nrows++;
        }
    }
    if (nv < 0) {
        dm_fitdata_free(&fd);
        dm_corpus_free(&c);
        loaded_free(&L);
        return 2;
    }
    for (int i = 0; i < nrows; i++) {
        dm_dual d;
        if (dm_dual_build(&d, m, &fd, &rows[i].cfg, &err) || dm_dual_use_kernels(&d, chosen_kernels(o), &err)) {
            dm_dual_free(&d);
            dm_fitdata_free(&fd);
            goto fail;
        }
        pc.label = rows[i].label;
        rc = dm_eval_lm_dual(&d, &c, &eo, o->audit, &rows[i].r, &err);
        rows[i].k = d.k;
        double mse = 0, var = 0;
        for (int l = 0; l < m->nlayers; l++)
            mse += d.little[l].mse, var += d.little[l].var;
        rows[i].rel_mse = var > 0 ? mse / var : 0;
        rows[i].little_bytes = dm_dual_little_bytes(&d);
        if (rc == 0 && save_dual_run(o, &L, &d, &rows[i].r, split, &c, DM_PATH_STREAM) < 0)
            store_failed = 1;
        if (o->fmt == FMT_JSON) {
            json_t *j = dual_json(&d, &rows[i].r, L.ref.name, split, datapath, o->audit);
            json_object_set_new(j, "study", json_string(which));
            json_object_set_new(j, "rel_mse", json_real(rows[i].rel_mse));
            print_json(j);
            json_decref(j);
        }
        dm_dual_free(&d);
        if (rc) {
            dm_fitdata_free(&fd);
            goto fail;
        }
    }
    if (pc.tty)
        fprintf(stderr, "\r%*s\r", 100, "");
    if (o->fmt == FMT_CSV) {
        printf("study,model,split,label,ratio,ratio_achieved,bits,k,proj,policy,mode,ppl,dense_ppl,dppl_pct,kld,top1_agree,rel_mse,little_bytes,bytes_ratio\n");
        for (int i = 0; i < nrows; i++)
            printf("%s,%s,%s,%s,%.3f,%.4f,%d,%d,%s,%s,%s,%.4f,%.4f,%.4f,%.6f,%.5f,%.5f,%zu,%.4f\n", which, L.ref.name,
                   split ? split : datapath, rows[i].label, rows[i].cfg.ratio, dm_stats_ratio(&rows[i].r.stats, -1, -1),
                   rows[i].cfg.bits, rows[i].k, dm_proj_name(rows[i].cfg.proj), dm_policy_name(rows[i].cfg.policy),
                   dm_mode_name(rows[i].cfg.mode), rows[i].r.dual.value, rows[i].r.dense.value,
                   100 * (rows[i].r.dual.value - rows[i].r.dense.value) / rows[i].r.dense.value, rows[i].r.kld,
                   rows[i].r.top1_agree, rows[i].rel_mse, rows[i].little_bytes, bytes_ratio(&rows[i].r.stats, 0));
    } else if (o->fmt == FMT_TABLE) {
        printf("study %s: %s on %s (%ld tokens), %s projection, %s policy, %s ratio control\n", which, L.ref.name,
               split ? split : datapath, c.n, dm_proj_name(o->cfg.proj), dm_policy_name(o->cfg.policy),
               dm_mode_name(o->cfg.mode));
        printf("dense perplexity %.3f\n\n", nrows ? rows[0].r.dense.value : 0.0);
        printf("%-10s %6s %8s %5s %5s %9s %8s %9s %7s %8s %10s %8s\n", "config", "ratio", "achieved", "bits", "k", "PPL",
               "dPPL%", "KL", "top-1", "rel MSE", "little MB", "bytes");
        for (int i = 0; i < nrows; i++) {
            char bb[8];
            snprintf(bb, sizeof bb, rows[i].cfg.bits ? "%d" : "fp32", rows[i].cfg.bits);
            printf("%-10s %6.2f %8.3f %5s %5d %9.3f %+8.2f %9.5f %6.2f%% %8.4f %10.3f %7.3fx\n", rows[i].label,
                   rows[i].cfg.ratio, dm_stats_ratio(&rows[i].r.stats, -1, -1),
                   bb, rows[i].k, rows[i].r.dual.value,
                   100 * (rows[i].r.dual.value - rows[i].r.dense.value) / rows[i].r.dense.value, rows[i].r.kld,
                   100 * rows[i].r.top1_agree, rows[i].rel_mse, rows[i].little_bytes / 1e6, bytes_ratio(&rows[i].r.stats, 0));
        }
        if (kind == 1)
            printf("\npaper Table 2 (PTB LSTM-1500, dPPL%% at 10/30/50/70/90%%): +0.10 -0.10 +0.89 +8.48 +35.6;"
                   " GRU-1500 (Table 3): +0.16 +0.62 +3.80 +14.8 +43.6\n");
        else if (kind == 2)
            printf("\npaper Table 5 (LSTM-1500, INT8, 50%%): k 966 -> 80.40, 417 -> 81.36, 266 -> 83.51 (dense 80.64)\n");
        else
            printf("\npaper Table 6 (LSTM-1500, k 417, 50%%): FP32 81.28, INT16 81.18, INT8 81.25, INT4 81.28, INT2 82.14,"
                   " INT1 94.75 (dense 80.64); little MSE 0.408 0.425 0.444 0.465 0.573 3.337\n");
    }
    dm_fitdata_free(&fd);
    dm_corpus_free(&c);
    loaded_free(&L);
    return store_failed;
fail:
    if (pc.tty)
        fprintf(stderr, "\r%*s\r", 100, "");
    dm_corpus_free(&c);
    loaded_free(&L);
    return die(err.msg);
}

/* ---- bench ---- */

typedef struct torch_fig {
    int ok;
    double step_ms, rnn_ms, seq_tok_s;
    char version[32];
} torch_fig;

static void run_torch(const opts *o, const loaded *L, torch_fig *tf)
{
    memset(tf, 0, sizeof *tf);
    const char *py = getenv("DUALMOD_PYTHON");
    if (!py || !*py)
        py = "/usr/bin/python3";
    if (access(py, X_OK) != 0)
        return;
    char script[DM_PATH_MAX];
    snprintf(script, sizeof script, "%s/tools/torch_bench.py", DM_SRCDIR);
    if (access(script, R_OK) != 0)
        snprintf(script, sizeof script, "%s/tools/torch_bench.py", DM_PKGDATADIR);
    if (access(script, R_OK) != 0)
        return;
    char cmd[3 * DM_PATH_MAX];
    const dm_lm *m = &L->lm;
    int steps = o->steps > 0 ? o->steps : 300;
    if (o->arch)
        snprintf(cmd, sizeof cmd, "'%s' '%s' --arch %s --hidden %d --layers %d --vocab-size %d --threads %d --steps %d 2>/dev/null",
                 py, script, o->arch, m->nhid, m->nlayers, m->ntoken, o->threads, steps);
    else
        snprintf(cmd, sizeof cmd, "'%s' '%s' --model '%s' --threads %d --steps %d 2>/dev/null", py, script,
                 L->ref.file, o->threads, steps);
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
    }
    json_decref(j);
}

static int cmd_bench_dual(opts *o, loaded *L);

static int cmd_bench(opts *o)
{
    dm_err err;
    loaded L;
    memset(&L, 0, sizeof L);
    if (o->arch) {
        int h = o->hidden ? o->hidden : 1500, layers = o->layers ? o->layers : 1;
        int V = o->vocab_size ? o->vocab_size : 10000;
        if (dm_lm_init_random(&L.lm, strcmp(o->arch, "lstm") == 0 ? DM_CELL_LSTM : DM_CELL_GRU, V, h, h, layers, 1,
                              0.05f, 1, &err))
            return die(err.msg);
        snprintf(L.ref.name, sizeof L.ref.name, "%s-%d (random weights)", o->arch, h);
    } else {
        if (!o->model)
            return usage_error("%s", "bench needs a MODEL or --arch lstm|gru --hidden H");
        if (load_model(o, &L, !o->dense, &err))
            return die(err.msg);
    }
    dm_blas_set_threads(o->threads);
    if (!o->dense) {
        int rc = cmd_bench_dual(o, &L);
        loaded_free(&L);
        return rc;
    }
    if (!o->steps)
        o->steps = 300;
    dm_dense_bench b;
    if (!o->quiet && isatty(2))
        fprintf(stderr, "measuring dualmod (%d steps)...\n", o->steps);
    if (dm_bench_dense(&L.lm, o->steps, o->cold, &b, &err)) {
        loaded_free(&L);
        return die(err.msg);
    }
    torch_fig tf = {0};
    if (!o->no_torch) {
        if (!o->quiet && isatty(2))
            fprintf(stderr, "measuring PyTorch...\n");
        run_torch(o, &L, &tf);
    }
    int fits = b.llc_bytes && b.step_bytes < b.llc_bytes;
    if (o->fmt == FMT_JSON) {
        json_t *j = json_pack("{s:s, s:s, s:i, s:i, s:i, s:b, s:i, s:f, s:f, s:f, s:f, s:f, s:f, s:f, s:I, s:I, s:I, s:f, s:f, s:f}",
                              "model", L.ref.name, "arch", dm_cell_name(L.lm.cell), "hidden", L.lm.nhid, "layers",
                              L.lm.nlayers, "threads", o->threads, "cold", o->cold, "steps", b.steps, "step_ms",
                              b.step_ms[1], "step_ms_p10", b.step_ms[0], "step_ms_p90", b.step_ms[2], "rnn_ms",
                              b.rnn_ms[1], "rnn_ms_p10", b.rnn_ms[0], "rnn_ms_p90", b.rnn_ms[2], "seq_tok_s",
                              b.seq_tok_s, "step_bytes", (json_int_t)b.step_bytes, "rnn_bytes",
                              (json_int_t)b.rnn_bytes, "llc_bytes", (json_int_t)b.llc_bytes, "read_gbs", b.bw_gbs,
                              "floor_ms", b.floor_ms, "floor_ratio", b.floor_ms > 0 ? b.step_ms[1] / b.floor_ms : 0);
        if (tf.ok) {
            json_object_set_new(j, "torch", json_string(tf.version));
            json_object_set_new(j, "torch_step_ms", json_real(tf.step_ms));
            json_object_set_new(j, "torch_rnn_ms", json_real(tf.rnn_ms));
            json_object_set_new(j, "torch_seq_tok_s", json_real(tf.seq_tok_s));
            json_object_set_new(j, "speedup_vs_torch", json_real(tf.step_ms / b.step_ms[1]));
        }
        char *s = json_dumps(j, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(6));
        printf("%s\n", s);
        free(s);
        json_decref(j);
    } else {
        char sb[32], rb[32], cb[32];
        human_bytes((double)b.step_bytes, sb, sizeof sb);
        human_bytes((double)b.rnn_bytes, rb, sizeof rb);
        human_bytes((double)b.llc_bytes, cb, sizeof cb);
        printf("model        %s  (%s %d x %d, vocab %d)\n", L.ref.name, dm_cell_name(L.lm.cell), L.lm.nlayers,
               L.lm.nhid, L.lm.ntoken);
        printf("threads      %d   %s cache   weights per step %s (recurrent %s) %s the %s last-level cache\n",
               o->threads, o->cold ? "cold (flushed between steps)" : "warm", sb, rb, fits ? "fit in" : "exceed", cb);
        printf("                       %12s %12s %12s\n", "dualmod", "PyTorch", "ratio");
        printf("step ms (median)       %12.4f", b.step_ms[1]);
        if (tf.ok) printf(" %12.4f %11.2fx", tf.step_ms, tf.step_ms / b.step_ms[1]);
        printf("\n");
        printf("  p10 / p90            %12.4f / %.4f\n", b.step_ms[0], b.step_ms[2]);
        printf("RNN layers ms (median) %12.4f", b.rnn_ms[1]);
        if (tf.ok) printf(" %12.4f %11.2fx", tf.rnn_ms, tf.rnn_ms / b.rnn_ms[1]);
        printf("\n");
        printf("sequence tokens/s      %12.0f", b.seq_tok_s);
        if (tf.ok) printf(" %12.0f %11.2fx", tf.seq_tok_s, b.seq_tok_s / tf.seq_tok_s);
        printf("\n");
        printf("read bandwidth         %12.2f GB/s (measured now: best streaming read of a buffer > cache)\n", b.bw_gbs);
        printf("bandwidth floor ms     %12.4f   step / floor = %.2fx%s\n", b.floor_ms,
               b.floor_ms > 0 ? b.step_ms[1] / b.floor_ms : 0, fits ? " (weights fit in cache: floor is DRAM's)" : "");
        if (!tf.ok && !o->no_torch)
            printf("PyTorch      not measured (no /usr/bin/python3 with torch, or tools/torch_bench.py failed)\n");
        else if (tf.ok)
            printf("PyTorch      %s, nn.%s token by token, torch.set_num_threads(%d)\n", tf.version,
                   dm_cell_name(L.lm.cell), o->threads);
    }
    loaded_free(&L);
    return 0;
}

static int cmd_bench_dual(opts *o, loaded *L)
{
    dm_err err;
    dm_fitdata fd;
    const dm_lm *m = &L->lm;
    if (o->arch) {
        /* random weights: fit the little module on the model's own states over random tokens */
        int n = 4000, *ids = malloc((size_t)n * sizeof(int));
        if (!ids)
            return die("out of memory");
        uint64_t x = 7;
        for (int i = 0; i < n; i++) {
            x ^= x << 13, x ^= x >> 7, x ^= x << 17;
            ids[i] = (int)(x % (uint64_t)m->ntoken);
        }
        int rc = dm_fitdata_collect(&fd, m, ids, n, 1000, &err);
        free(ids);
        if (rc)
            return die(err.msg);
    } else {
        int rc = prepare_fitdata(o, L, &fd);
        if (rc)
            return rc;
    }
    if (!o->mode_given)
        o->cfg.mode = DM_MODE_TOPK; /* exact ratios make exact timings */
    double ratios[32], ks[16];
    char rbuf[32];
    if (!o->ratios && o->ratio_given)
        snprintf(rbuf, sizeof rbuf, "%g", o->cfg.ratio);
    int nr = parse_list(o->ratios ? o->ratios : o->ratio_given ? rbuf : "0,0.1,0.3,0.5,0.7,0.9", ratios, 32, "--ratios");
    int nk = o->klist ? parse_list(o->klist, ks, 16, "--k") : 1;
    if (!o->klist)
        ks[0] = o->cfg.k;
    if (nr < 0 || nk < 0) {
        dm_fitdata_free(&fd);
        return 2;
    }
    const dm_kernels *K = chosen_kernels(o);
    torch_fig tf = {0};
    if (!o->no_torch)
        run_torch(o, L, &tf);
    if (o->fmt == FMT_CSV)
        printf("arch,hidden,layers,ratio,achieved,bits,k,threads,kernels,cold,dense_ms,dual_ms,speedup_layer,speedup_min,speedup_max,"
               "dense_e2e_ms,dual_e2e_ms,speedup_e2e,speedup_limit,bytes_ratio,share_proj,share_little,share_big,share_epilogue,torch_rnn_ms\n");
    else if (o->fmt == FMT_TABLE) {
        printf("bench: %s (%s %d x %d, vocab %d), %d thread%s, %s kernels, %s cache, %s ratio control, %d pairs\n",
               L->ref.name, dm_cell_name(m->cell), m->nlayers, m->nhid, m->ntoken, o->threads, o->threads > 1 ? "s" : "",
               K->name, o->cold ? "cold (flushed before every step)" : "warm", dm_mode_name(o->cfg.mode),
               o->steps ? o->steps : 300);
        printf("speedups are medians of per-pair ratios dense/dual (min-max), dense = OpenBLAS sgemv step; limit = dense bytes /"
               " dual bytes\n\n");
        printf("%5s %6s %5s %4s %9s %9s %17s %8s %7s %6s %6s  %5s %5s %5s %5s%s\n", "ratio", "achvd", "k", "bits", "dense ms",
               "dual ms", "layer speedup", "e2e", "limit", "%lim", "bytes", "proj", "ltl", "big", "epi",
               tf.ok ? "  vs torch" : "");
    }
    for (int ki = 0; ki < nk; ki++) {
        dm_dual_cfg cfg = o->cfg;
        cfg.k = (int)ks[ki];
        dm_dual d;
        if (dm_dual_build(&d, m, &fd, &cfg, &err) || dm_dual_use_kernels(&d, K, &err)) {
            dm_dual_free(&d);
            dm_fitdata_free(&fd);
            return die(err.msg);
        }
        for (int ri = 0; ri < nr; ri++) {
            if (dm_dual_set_ratio(&d, ratios[ri], &err)) {
                dm_dual_free(&d);
                dm_fitdata_free(&fd);
                return die(err.msg);
            }
            dm_dual_bench b;
            if (dm_bench_dual(&d, o->steps ? o->steps : 300, o->cold, &b, &err)) {
                dm_dual_free(&d);
                dm_fitdata_free(&fd);
                return die(err.msg);
            }
            double pct = b.limit > 0 ? 100 * b.sp[1] / b.limit : 0;
            if (o->fmt == FMT_JSON) {
                json_t *j = json_pack("{s:s, s:i, s:i, s:f, s:f, s:i, s:i, s:i, s:s, s:b, s:f, s:f, s:f, s:f, s:f, s:f, s:f, s:f, s:f, s:f}",
                                      "arch", m->cell == DM_CELL_LSTM ? "lstm" : "gru", "hidden", m->nhid, "layers", m->nlayers,
                                      "ratio", b.ratio, "ratio_achieved", b.achieved, "bits", cfg.bits, "k", d.k, "threads",
                                      o->threads, "kernels", K->name, "cold", o->cold, "dense_ms", b.dense_ms, "dual_ms",
                                      b.dual_ms, "speedup_layer", b.sp[1], "speedup_min", b.sp[0], "speedup_max", b.sp[2],
                                      "speedup_e2e", b.sp_e2e[1], "speedup_limit", b.limit, "bytes_ratio", b.bytes_ratio,
                                      "dense_e2e_ms", b.dense_e2e_ms, "dual_e2e_ms", b.dual_e2e_ms);
                json_object_set_new(j, "model", json_string(L->ref.name));
                json_object_set_new(j, "shares", json_pack("{s:f, s:f, s:f, s:f}", "proj", b.share[0], "little", b.share[1],
                                                           "big", b.share[2], "epilogue", b.share[3]));
                if (tf.ok)
                    json_object_set_new(j, "speedup_vs_torch", json_real(tf.rnn_ms / b.dual_ms));
                print_json(j);
                json_decref(j);
            } else if (o->fmt == FMT_CSV) {
                printf("%s,%d,%d,%.3f,%.4f,%d,%d,%d,%s,%d,%.5f,%.5f,%.4f,%.4f,%.4f,%.5f,%.5f,%.4f,%.4f,%.4f,%.4f,%.4f,%.4f,%.4f,%.5f\n",
                       m->cell == DM_CELL_LSTM ? "lstm" : "gru", m->nhid, m->nlayers, b.ratio, b.achieved, cfg.bits, d.k,
                       o->threads, K->name, o->cold, b.dense_ms, b.dual_ms, b.sp[1], b.sp[0], b.sp[2], b.dense_e2e_ms,
                       b.dual_e2e_ms, b.sp_e2e[1], b.limit, b.bytes_ratio, b.share[0], b.share[1], b.share[2], b.share[3],
                       tf.ok ? tf.rnn_ms : 0.0);
            } else {
                char sp[40], bb[8];
                snprintf(sp, sizeof sp, "%.2fx (%.2f-%.2f)", b.sp[1], b.sp[0], b.sp[2]);
                snprintf(bb, sizeof bb, cfg.bits ? "%d" : "fp32", cfg.bits);
                printf("%5.2f %6.3f %5d %4s %9.4f %9.4f %17s %7.2fx %6.2fx %5.0f%% %6.3f  %4.0f%% %4.0f%% %4.0f%% %4.0f%%", b.ratio,
                       b.achieved, d.k, bb, b.dense_ms, b.dual_ms, sp, b.sp_e2e[1], b.limit, pct, b.bytes_ratio,
                       100 * b.share[0], 100 * b.share[1], 100 * b.share[2], 100 * b.share[3]);
                if (tf.ok)
                    printf("  %7.2fx", tf.rnn_ms / b.dual_ms);
                printf("\n");
            }
        }
        dm_dual_free(&d);
    }
    if (o->fmt == FMT_TABLE) {
        printf("\nshares: time of each dual phase / dense step time (proj = projection, ltl = little GEMV, big = masks +"
               " sensitive rows, epi = cell update)\n");
        if (tf.ok)
            printf("vs torch: PyTorch %s nn.%s token by token (%.4f ms per step, recurrent layers) / dual ms\n", tf.version,
                   dm_cell_name(m->cell), tf.rnn_ms);
        if (o->arch)
            printf("weights: random (uniform), fitted little modules on the model's own states: timing only, no quality\n");
    }
    dm_fitdata_free(&fd);
    return 0;
}

/* OpenBLAS's worker threads spin for a while after each call (THREAD_TIMEOUT,
 * read from the environment once, when the library loads). With --threads 2
 * those spinning threads take the cores our own row-block threads need in the
 * next (dual) step: measured on LSTM-1500, 2 threads, 90% insensitive, 1.35x
 * with the default timeout against 4.21x with the shortest. So the program
 * runs itself again with the shortest timeout unless the user chose one. */
static void openblas_short_spin(char **argv)
{
    if (getenv("OPENBLAS_THREAD_TIMEOUT"))
        return;
    if (setenv("OPENBLAS_THREAD_TIMEOUT", "4", 1) != 0)
        return;
    execv("/proc/self/exe", argv);
    /* no /proc: go on with the default */
}

int main(int argc, char **argv)
{
    openblas_short_spin(argv);
    /* the classic subcommands keep their getopt interface; everything else
     * (no arguments, -c, -f, standard input, shell, tui) is the command language */
    static const char *const classic[] = {"eval", "info", "bench", "little", "study", "--help", "-h", "--version", "-V"};
    int is_classic = 0;
    for (size_t i = 0; argc > 1 && i < sizeof classic / sizeof classic[0]; i++)
        if (strcmp(argv[1], classic[i]) == 0)
            is_classic = 1;
    if (!is_classic)
        return dm_front_main(argc, argv);
    opts o = {.threads = 1, .path = DM_PATH_STREAM};
    dm_dual_cfg_default(&o.cfg);
    const char *cmd = "eval", *sub = NULL;
    int shift = 0;
    if (argc > 1 && argv[1][0] != '-') {
        cmd = argv[1];
        shift = 1;
        if (strcmp(cmd, "study") == 0 && argc > 2 && argv[2][0] != '-') {
            sub = argv[2];
            shift = 2;
        }
    }
    int rc = parse_opts(argc - shift, argv + shift, &o);
    if (rc == 1)
        return 0;
    if (rc)
        return rc;
    if (strcmp(cmd, "eval") == 0)
        return cmd_eval(&o);
    if (strcmp(cmd, "info") == 0)
        return cmd_info(&o);
    if (strcmp(cmd, "bench") == 0)
        return cmd_bench(&o);
    if (strcmp(cmd, "little") == 0)
        return cmd_little(&o);
    if (strcmp(cmd, "study") == 0)
        return cmd_study(&o, sub);
    return usage_error("unknown command '%s' (expected eval, info, bench, little or study)", cmd);
}
