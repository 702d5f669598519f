/* main.c - the dualmod program: a thin front end over the core library.
 *
 *   dualmod eval MODEL [--split S | --data FILE] [--vocab FILE] [--limit N]
 *                      [--path stream|seq|both] [--threads N] [--format table|json|csv]
 *   dualmod info MODEL [--format ...]
 *   dualmod bench --dense MODEL | --dense --arch lstm|gru --hidden H [--layers L]
 *   dualmod --help | --version
 *
 * With no arguments it evaluates the bundled kjv-lstm model on its
 * validation split (the TUI will take this place). Results go to stdout,
 * progress and errors to stderr; the exit status is non-zero on error. */
#define _POSIX_C_SOURCE 200809L
#include "config.h"

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
#include "eval.h"
#include "lm.h"
#include "models.h"
#include "vocab.h"

typedef enum { FMT_TABLE, FMT_JSON, FMT_CSV } out_format;

static const char *prog = "dualmod";

static int die(const char *msg)
{
    fprintf(stderr, "%s: %s\n", prog, msg);
    return 1;
}

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
            "  bench --dense MODEL dense-path speed: per-token latency, sequence throughput,\n"
            "                      memory-bandwidth floor, and PyTorch's figures beside ours\n"
            "  (none)              evaluate the bundled kjv-lstm model on its validation split\n"
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
            "bench options:\n"
            "  --dense             benchmark the dense path (required for now)\n"
            "  --arch lstm|gru --hidden H [--layers L] [--vocab-size V]\n"
            "                      a model of that shape with random weights instead of MODEL\n"
            "  --steps N           timed streaming steps (default 300)\n"
            "  --cold              flush the caches between timed steps\n"
            "  --no-torch          do not run PyTorch for comparison\n"
            "common options:\n"
            "  --threads N         OpenBLAS threads (default 1: the batch-1 latency regime)\n"
            "  --format F          table (default), json or csv\n"
            "  -q, --quiet         no progress on stderr\n"
            "  -h, --help          this help\n"
            "  -V, --version       version\n"
            "\n"
            "Environment: DUALMOD_MODELS, DUALMOD_DATA (extra model / data directories),\n"
            "DUALMOD_PYTHON (python3 used for the PyTorch comparison, default /usr/bin/python3).\n",
            DM_PKGDATADIR);
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

enum {
    O_SPLIT = 256, O_DATA, O_VOCAB, O_LIMIT, O_PATH, O_CHUNK, O_THREADS, O_FORMAT, O_DENSE, O_ARCH,
    O_HIDDEN, O_LAYERS, O_VOCAB_SIZE, O_STEPS, O_COLD, O_NO_TORCH
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

static int cmd_eval(opts *o)
{
    dm_err err;
    loaded L;
    if (!o->model)
        o->model = "kjv-lstm";
    if (o->data && o->split)
        return usage_error("%s", "give either --split or --data, not both");
    if (load_model(o, &L, 1, &err))
        return die(err.msg);
    char datapath[DM_PATH_MAX];
    const char *split = o->data ? NULL : (o->split ? o->split : "valid");
    if (split) {
        if (!L.lm.dataset[0]) {
            loaded_free(&L);
            fprintf(stderr, "%s: %s has no 'dataset' in its metadata, so --split cannot find its data; use --data FILE\n",
                    prog, L.ref.file);
            return 1;
        }
        if (strcmp(split, "valid") && strcmp(split, "test") && strcmp(split, "train")) {
            loaded_free(&L);
            return usage_error("--split '%s': expected valid, test or train", split);
        }
        if (dm_data_resolve(L.lm.dataset, split, datapath, sizeof datapath, &err)) {
            loaded_free(&L);
            return die(err.msg);
        }
    } else {
        snprintf(datapath, sizeof datapath, "%s", o->data);
    }
    dm_corpus c;
    if (dm_corpus_load(&c, datapath, &L.vocab, o->limit, &err)) {
        loaded_free(&L);
        return die(err.msg);
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
        char *s = json_dumps(out, JSON_INDENT(2) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(10));
        printf("%s\n", s);
        free(s);
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
    if (o->arch)
        snprintf(cmd, sizeof cmd, "'%s' '%s' --arch %s --hidden %d --layers %d --vocab-size %d --threads %d --steps %d 2>/dev/null",
                 py, script, o->arch, m->nhid, m->nlayers, m->ntoken, o->threads, o->steps);
    else
        snprintf(cmd, sizeof cmd, "'%s' '%s' --model '%s' --threads %d --steps %d 2>/dev/null", py, script,
                 L->ref.file, o->threads, o->steps);
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

static int cmd_bench(opts *o)
{
    dm_err err;
    loaded L;
    memset(&L, 0, sizeof L);
    if (!o->dense)
        return usage_error("%s", "bench: only the dense benchmark exists so far; add --dense");
    if (o->arch) {
        int h = o->hidden ? o->hidden : 1500, layers = o->layers ? o->layers : 1;
        int V = o->vocab_size ? o->vocab_size : 10000;
        if (dm_lm_init_random(&L.lm, strcmp(o->arch, "lstm") == 0 ? DM_CELL_LSTM : DM_CELL_GRU, V, h, h, layers, 1,
                              0.05f, 1, &err))
            return die(err.msg);
        snprintf(L.ref.name, sizeof L.ref.name, "%s-%d (random weights)", o->arch, h);
    } else {
        if (!o->model)
            return usage_error("%s", "bench --dense needs a MODEL or --arch lstm|gru --hidden H");
        if (load_model(o, &L, 0, &err))
            return die(err.msg);
    }
    dm_blas_set_threads(o->threads);
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

int main(int argc, char **argv)
{
    opts o = {.threads = 1, .path = DM_PATH_STREAM};
    const char *cmd = "eval";
    int shift = 0;
    if (argc > 1 && argv[1][0] != '-') {
        cmd = argv[1];
        shift = 1;
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
    return usage_error("unknown command '%s' (expected eval, info or bench)", cmd);
}
