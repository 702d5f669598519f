/* main.c - the dualmod program: option parsing and dispatch only.
 *
 *   dualmod eval MODEL [--split S | --data FILE] [--limit N] [--path stream|seq|both] [dual knobs]
 *   dualmod info MODEL
 *   dualmod bench MODEL [--ratios LIST] [--k LIST] | --dense MODEL | --arch lstm|gru --hidden H [--input N]
 *   dualmod translate MODEL ['TEXT'] (stdin: one sentence a line)
 *   dualmod little MODEL [knobs]
 *   dualmod study noise|sweep|dim|bits MODEL [--ratios|--ks|--bits-list|--noise ...]
 *   dualmod bleu HYP REF
 *   dualmod sweep MODEL NAME VALUES [NAME VALUES ...] [--force] [--shard I/N]
 *   dualmod import FILE [FILE ...]
 *   dualmod --help | --version
 *
 * These classic subcommands are thin rewrites into the command language
 * (src/cmd): `eval M --ratio .5` runs `load M; set ratio 0.5; run detail`,
 * `bleu HYP REF` runs `bleu HYP REF`,
 * `--explain` prints the statements instead of running them. Anything else
 * (no arguments, -c, -f, a pipe, shell, tui) goes to the command-language
 * front ends in shell.c. Options may come before or after the subcommand.
 * Results go to stdout, progress and errors to stderr; the exit status is 0,
 * 1 when a statement failed, 2 on a usage error. */
#define _POSIX_C_SOURCE 200809L
#include "config.h"
#include "gitrev.h"

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"
#include "lm_dual.h"
#include "eval.h"
#include "kernels.h"
#include "lm.h"
#include "session.h"
#include "shell.h"

#define DEFAULT_FIT_TOKENS 60000
#define DEFAULT_CALIB_TOKENS 4000

static const char *prog = "dualmod";

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
    /* where names are looked up by this very program: its build tree, or its installation */
    char dirs[4][DM_PATH_MAX], where[2 * DM_PATH_MAX + 16] = "";
    int nd = dm_search_dirs(NULL, "models", dirs, 4);
    for (int i = 0, off = 0; i < nd && off < (int)sizeof where; i++)
        off += snprintf(where + off, sizeof where - (size_t)off, "%s%.4000s", i ? " and " : "", dirs[i]);
    fprintf(f,
            "Usage: dualmod [OPTIONS] [COMMAND] [OPTIONS]\n"
            "Explore dual-module inference (Liu et al., ICML 2020) on trained networks.\n"
            "\n"
            "Commands:\n"
            "  eval MODEL          quality of MODEL (perplexity, accuracy, BLEU) on a data split or a file\n"
            "  info MODEL          architecture, parameters, bytes, vocabulary, data, card metrics\n"
            "  bench MODEL         dense vs dual-module step speed, interleaved pairs, per ratio\n"
            "  bench --dense MODEL dense-path speed: per-token latency, sequence throughput,\n"
            "                      memory-bandwidth floor, and PyTorch's figures beside ours\n"
            "  little MODEL        build and fit the little modules; report size and fit MSE\n"
            "  study noise|sweep|dim|bits MODEL\n"
            "                      the paper's Tables 1, 2/3, 5 and 6 on MODEL (test split)\n"
            "  translate MODEL ['TEXT']\n"
            "                      translate a sentence (stdin: one a line); dense, or with --ratio etc.\n"
            "                      the dual-module decoder\n"
            "  bleu HYP REF        corpus BLEU and chrF of a translation file against its reference\n"
            "                      file, one sentence a line, as sacreBLEU 2.3.1 scores them (13a, exp\n"
            "                      smoothing; chrF2), with the breakdown and signatures; no model needed\n"
            "  sweep MODEL NAME VALUES [NAME VALUES ...]\n"
            "                      run a grid of settings (e.g. ratio 0.1:0.9:0.2 bits 8,4), store every\n"
            "                      configuration, skip stored ones (resume); --force runs them again\n"
            "  import FILE...      merge other run stores (e.g. the shards of a sweep) into --db, no duplicates\n"
            "  (none)              the TUI on the bundled kjv-lstm model (on a terminal)\n"
            "  shell               the command language in a readline shell\n"
            "  tui [MODEL]         the TUI\n"
            "  -c 'CMD; ...'       run commands of the command language and exit ('dualmod -c help')\n"
            "  -f FILE             run a script of commands; commands also come from a pipe\n"
            "  --check             with -c or -f: parse the commands (errors as FILE:LINE), run nothing\n"
            "The commands above are rewritten into the command language: 'eval M --ratio 0.5' runs\n"
            "'load M; set ratio 0.5; run detail' (--explain prints the statements instead).\n"
            "\n"
            "MODEL is a name (kjv-lstm, kjv-gru), a directory with model.safetensors, or a\n"
            ".safetensors file. Names are looked up in $DUALMOD_MODELS (colon-separated),\n"
            "then in %s (run from its build tree, dualmod\n"
            "uses the tree's models/ and data/; installed, those of its installation).\n"
            "\n"
            "eval options:\n"
            "  --split NAME        valid, test or train of the model's data set (default valid)\n"
            "  --data FILE         evaluate any text file: whitespace-separated tokens, <eos> at\n"
            "                      each line end, unknown words -> <unk>; one stream, N-1 predictions\n"
            "  --vocab FILE        vocabulary, one token per line (default: beside the model)\n"
            "  --limit N           use only the first N tokens\n"
            "  --path P            stream (batch-1 steps, default), seq (whole-sequence GEMM) or both\n"
            "  --chunk N           time steps per chunk on the seq path (default 128)\n"
            "  --streams N         evaluate N contiguous streams together by GEMM, each from a zero state\n"
            "                      (PyTorch's batched evaluate); 1 = one stream, batch 1 (the exact figure);\n"
            "                      default 0 = auto: 20 for a dual-module eval, 1 for a dense one\n"
            "dual-module options (any of them makes eval run dense and dual side by side):\n"
            "  --ratio R           insensitive ratio, 0..1 (default 0.5)\n"
            "  --bits B            little weights: 1..16 bits or fp32 (or 0; default 8)\n"
            "  --k K | --eps E     little dimension per input stream, or from the JL bound (default eps 0.5)\n"
            "  --mode M            threshold (calibrated on training text, default) or topk (exact per step)\n"
            "  --predictor P       little (insensitive outputs take the little value, default) or sign\n"
            "                      (they take the activation's saturation: ReLU 0, the SeerNet-style baseline)\n"
            "  --policy P          paper (unipolar sigmoid, default), symmetric, or error (rank rows by the\n"
            "                      expected output error given the little module's per-row fit error)\n"
            "  --proj P            srp (sparse random, the paper's) or pca (data-aware, dense)\n"
            "  --seed N            projection seed (default 1)\n"
            "  --dual FILE         use a saved dual-module file (save-dual) instead of fitting: its knobs,\n"
            "                      which --ratio, --mode and --predictor may change (eval, bench, translate)\n"
            "  --audit             also run the big module fully: mask recall, false-insensitive rate, cosines;\n"
            "                      for ReLU networks each layer's exact zeros and a perfect predictor's MACs\n"
            "  --fit-tokens N      training tokens for fitting (default %d); --calib-tokens N (default %d)\n"
            "  --fit-data FILE     training text when the model has no data set\n"
            "  --lambda L          relative ridge strength of the fit (little, study, bench; default 1e-4)\n"
            "translator options (eval, translate):\n"
            "  --beam K            beam search of width K (default 1: greedy)\n"
            "  --save-hyp FILE     write the translations, one a line in data order (dual ones with --ratio)\n"
            "  --ratios LIST, --ks LIST (k, or eps when < 1), --bits-list LIST (0 = fp32), --noise BETA\n"
            "                      the values a study runs through\n"
            "bench options:\n"
            "  --dense             benchmark the dense path only\n"
            "  --ratios LIST --k LIST   dual configurations (default ratios 0,0.1,0.3,0.5,0.7,0.9; top-k)\n"
            "  --kernels K         ref, avx2, avx512 or auto (default: the best this CPU has)\n"
            "  --arch lstm|gru --hidden H [--layers L] [--vocab-size V] [--input N]\n"
            "                      a model of that shape with random weights instead of MODEL (--input:\n"
            "                      the first layer's input size, e.g. GNMT's decoder: --hidden 1024 --input 2048)\n"
            "  --steps N           timed steps / interleaved pairs (default 300)\n"
            "  --cold              before every timed step, flush the caches and evict the weights (clflushopt)\n"
            "  --no-torch          do not run PyTorch for comparison\n"
            "  --no-tune           the compiled-in kernel parameters and OpenBLAS for dense (no per-CPU\n"
            "                      tuning; by default the first bench on a CPU measures them: see 'tune')\n"
            "sweep options:\n"
            "  --shard I/N         run only slice I of N of the grid (round-robin: configuration i, from 0,\n"
            "                      when i mod N = I-1), each shard with its own --db; merge with import.\n"
            "                      Scripts (-c, -f) take it too, e.g. with GNU parallel:\n"
            "                      parallel dualmod --db s{}.db -f grid.dm --shard {}/2 ::: 1 2\n"
            "  --steps N           timed dense/dual pairs per configuration (the speed setting, default 300)\n"
            "  --force             run configurations already stored again\n"
            "run store (every dual-module evaluation is saved):\n"
            "  --db PATH           SQLite file (default $XDG_DATA_HOME/dualmod/runs.db)\n"
            "  --no-store          do not save\n"
            "TUI options:\n"
            "  --headless --size COLSxROWS --script FILE   render off-screen, driven by a script (tests)\n"
            "  --no-color, --ascii no colours (also NO_COLOR); ASCII drawing\n"
            "  --no-start          do not start evaluating at once\n"
            "common options (before or after the command):\n"
            "  --threads N         OpenBLAS threads (default 1: the batch-1 latency regime)\n"
            "  --format F          table (default), csv, json (one document), jsonl (one object per\n"
            "                      line) or md (Markdown table)\n"
            "  --explain           print the command-language statements a command runs, and exit\n"
            "  -q, --quiet         no progress on stderr\n"
            "  --man               the manual page (troff)\n"
            "  -h, --help          this help\n"
            "  -V, --version       version (and the git revision runs are stored with)\n"
            "\n"
            "Environment: DUALMOD_MODELS, DUALMOD_DATA (extra model / data directories),\n"
            "DUALMOD_PYTHON (python3 used for the PyTorch comparison, default /usr/bin/python3),\n"
            "XDG_CACHE_HOME (little-module fitting data is cached in $XDG_CACHE_HOME/dualmod),\n"
            "XDG_DATA_HOME (the run store), XDG_STATE_HOME (history), NO_COLOR.\n",
            where, DEFAULT_FIT_TOKENS, DEFAULT_CALIB_TOKENS);
}

/* ---- the options of the classic subcommands ---- */

#define MAX_SETS 64
/* positional words: sweep's NAME VALUES pairs and import's files are the most */
#define MAX_WORDS 256
#define MAX_IMPORT 200

typedef struct opts {
    const char *words[MAX_WORDS]; /* positional: command, [study kind], model; sweep's pairs; import's files */
    int nwords;
    const char *split, *data, *vocab, *db, *fit_data, *save_hyp, *dual_file;
    int path_both, dense, cold, no_torch, quiet, no_store, explain, dual, mode_given, ratio_given, force;
    const char *shard; /* --shard I/N (sweep) */
    const char *arch;
    long hidden, layers, vocab_size, steps, input;
    const char *ratio, *ratios, *klist, *ks, *bitlist, *noise;
    /* settings in the order given (the last of a name wins) */
    int nset;
    const char *set_name[MAX_SETS];
    char set_val[MAX_SETS][64];
} opts;

static void put(opts *o, const char *name, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void put(opts *o, const char *name, const char *fmt, ...)
{
    if (o->nset == MAX_SETS)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(o->set_val[o->nset], sizeof o->set_val[0], fmt, ap);
    va_end(ap);
    o->set_name[o->nset++] = name;
}

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
    O_RATIO, O_BITS, O_K, O_EPS, O_MODE, O_POLICY, O_PREDICTOR, O_PROJ, O_SEED, O_AUDIT, O_LAMBDA, O_FIT_TOKENS,
    O_CALIB_TOKENS, O_FIT_DATA, O_RATIOS, O_KS, O_BITLIST, O_NOISE, O_KERNELS, O_NO_TUNE, O_DB, O_NO_STORE, O_EXPLAIN,
    O_STREAMS, O_BEAM, O_SAVE_HYP, O_INPUT, O_SHARD, O_FORCE, O_DUAL
};

static const struct option long_opts[] = {
    {"split", required_argument, 0, O_SPLIT},   {"data", required_argument, 0, O_DATA},
    {"vocab", required_argument, 0, O_VOCAB},   {"limit", required_argument, 0, O_LIMIT},
    {"path", required_argument, 0, O_PATH},     {"chunk", required_argument, 0, O_CHUNK},
    {"streams", required_argument, 0, O_STREAMS},
    {"beam", required_argument, 0, O_BEAM},     {"input", required_argument, 0, O_INPUT},     {"save-hyp", required_argument, 0, O_SAVE_HYP},
    {"threads", required_argument, 0, O_THREADS}, {"format", required_argument, 0, O_FORMAT},
    {"dense", no_argument, 0, O_DENSE},         {"arch", required_argument, 0, O_ARCH},
    {"hidden", required_argument, 0, O_HIDDEN}, {"layers", required_argument, 0, O_LAYERS},
    {"vocab-size", required_argument, 0, O_VOCAB_SIZE}, {"steps", required_argument, 0, O_STEPS},
    {"cold", no_argument, 0, O_COLD},           {"no-torch", no_argument, 0, O_NO_TORCH},
    {"ratio", required_argument, 0, O_RATIO},   {"bits", required_argument, 0, O_BITS},
    {"k", required_argument, 0, O_K},           {"eps", required_argument, 0, O_EPS},
    {"mode", required_argument, 0, O_MODE},     {"policy", required_argument, 0, O_POLICY},
    {"predictor", required_argument, 0, O_PREDICTOR},
    {"proj", required_argument, 0, O_PROJ},     {"seed", required_argument, 0, O_SEED},
    {"audit", no_argument, 0, O_AUDIT},         {"lambda", required_argument, 0, O_LAMBDA},
    {"fit-tokens", required_argument, 0, O_FIT_TOKENS}, {"calib-tokens", required_argument, 0, O_CALIB_TOKENS},
    {"fit-data", required_argument, 0, O_FIT_DATA}, {"ratios", required_argument, 0, O_RATIOS},
    {"ks", required_argument, 0, O_KS},         {"bits-list", required_argument, 0, O_BITLIST},
    {"noise", required_argument, 0, O_NOISE},   {"kernels", required_argument, 0, O_KERNELS},
    {"no-tune", no_argument, 0, O_NO_TUNE},     {"dual", required_argument, 0, O_DUAL},
    {"db", required_argument, 0, O_DB},         {"no-store", no_argument, 0, O_NO_STORE},
    {"explain", no_argument, 0, O_EXPLAIN},     {"quiet", no_argument, 0, 'q'},
    {"shard", required_argument, 0, O_SHARD},   {"force", no_argument, 0, O_FORCE},
    {"help", no_argument, 0, 'h'},              {"version", no_argument, 0, 'V'},
    {0, 0, 0, 0}};

/* A comma-separated list of numbers (checked here: a usage error, exit 2). */
static int check_list(const char *opt, const char *s)
{
    const char *p = s;
    if (!*p)
        return usage_error("%s: an empty list", opt);
    while (*p) {
        size_t l = strcspn(p, ",");
        char buf[64], *end;
        snprintf(buf, sizeof buf, "%.*s", (int)(l < 63 ? l : 63), p);
        errno = 0;
        strtod(buf, &end);
        if (l == 0 || errno || end == buf || *end)
            return usage_error("%s: bad list '%s' (expected comma-separated numbers)", opt, s);
        p += l;
        if (*p == ',')
            p++;
    }
    return 0;
}

/* Returns 0 to go on, 2 on a usage error. Options may come anywhere. */
static int parse_opts(int argc, char **argv, opts *o)
{
    long v;
    double x;
    int c;
    opterr = 0;
    optind = 1;
    while ((c = getopt_long(argc, argv, ":qhV", long_opts, NULL)) != -1) {
        switch (c) {
        case O_SPLIT:
            if (strcmp(optarg, "valid") && strcmp(optarg, "test") && strcmp(optarg, "train"))
                return usage_error("--split '%s': expected valid, test or train", optarg);
            o->split = optarg;
            break;
        case O_DATA: o->data = optarg; break;
        case O_VOCAB: o->vocab = optarg; break;
        case O_LIMIT:
            if (parse_long("--limit", optarg, 2, 100000000, &v)) return 2;
            put(o, "limit", "%ld", v);
            break;
        case O_PATH:
            if (strcmp(optarg, "both") == 0) {
                o->path_both = 1;
            } else {
                dm_lm_path p;
                if (dm_path_parse(optarg, &p))
                    return usage_error("--path '%s': expected stream, seq or both", optarg);
                o->path_both = 0;
                put(o, "path", "%s", optarg);
            }
            break;
        case O_CHUNK:
            if (parse_long("--chunk", optarg, 1, 4096, &v)) return 2;
            put(o, "chunk", "%ld", v);
            break;
        case O_STREAMS:
            if (parse_long("--streams", optarg, 0, 1024, &v)) return 2;
            put(o, "streams", "%ld", v);
            break;
        case O_INPUT:
            if (parse_long("--input", optarg, 1, 16384, &o->input)) return 2;
            break;
        case O_BEAM:
            if (parse_long("--beam", optarg, 1, 64, &v)) return 2;
            put(o, "beam", "%ld", v);
            break;
        case O_SAVE_HYP:
            o->save_hyp = optarg;
            break;
        case O_THREADS:
            if (parse_long("--threads", optarg, 1, 64, &v)) return 2;
            put(o, "threads", "%ld", v);
            break;
        case O_FORMAT: {
            dm_format f;
            if (dm_format_parse(optarg, &f))
                return usage_error("--format '%s': expected table, csv, json, jsonl or md", optarg);
            put(o, "format", "%s", optarg);
            break;
        }
        case O_DENSE: o->dense = 1; break;
        case O_ARCH:
            if (strcmp(optarg, "lstm") && strcmp(optarg, "gru"))
                return usage_error("--arch '%s': expected lstm or gru", optarg);
            o->arch = optarg;
            break;
        case O_HIDDEN:
            if (parse_long("--hidden", optarg, 1, 16384, &o->hidden)) return 2;
            break;
        case O_LAYERS:
            if (parse_long("--layers", optarg, 1, DM_LM_MAX_LAYERS, &o->layers)) return 2;
            break;
        case O_VOCAB_SIZE:
            if (parse_long("--vocab-size", optarg, 2, 1000000, &o->vocab_size)) return 2;
            break;
        case O_STEPS:
            if (parse_long("--steps", optarg, 10, 1000000, &o->steps)) return 2;
            break;
        case O_COLD: o->cold = 1; break;
        case O_NO_TORCH: o->no_torch = 1; break;
        case O_RATIO:
            if (parse_double("--ratio", optarg, 0.0, 1.0, &x)) return 2;
            put(o, "ratio", "%.15g", x); /* 15 digits: 0.6, not 0.59999999999999998 */
            o->ratio = o->set_val[o->nset - 1];
            o->dual = o->ratio_given = 1;
            break;
        case O_BITS:
            if (strcmp(optarg, "fp32") == 0 || strcmp(optarg, "FP32") == 0 || strcmp(optarg, "0") == 0) {
                put(o, "bits", "fp32");
            } else {
                if (parse_long("--bits", optarg, 1, 16, &v)) {
                    fprintf(stderr, "%s: (or fp32, or 0 for fp32)\n", prog);
                    return 2;
                }
                put(o, "bits", "%ld", v);
            }
            o->dual = 1;
            break;
        case O_K: {
            char first[32];
            size_t fl = strcspn(optarg, ",");
            snprintf(first, sizeof first, "%.*s", (int)(fl < 31 ? fl : 31), optarg);
            if (parse_long("--k", first, 1, 65536, &v)) return 2;
            if (optarg[fl] && check_list("--k", optarg)) return 2;
            put(o, "k", "%ld", v);
            o->klist = optarg;
            o->dual = 1;
            break;
        }
        case O_EPS:
            if (parse_double("--eps", optarg, 0.01, 0.99, &x)) return 2;
            put(o, "eps", "%.15g", x);
            put(o, "k", "0");
            o->klist = NULL;
            o->dual = 1;
            break;
        case O_MODE: {
            dm_mode m;
            if (dm_mode_parse(optarg, &m))
                return usage_error("--mode '%s': expected threshold or topk", optarg);
            put(o, "mode", "%s", optarg);
            o->dual = o->mode_given = 1;
            break;
        }
        case O_PREDICTOR: {
            dm_predictor p;
            if (dm_predictor_parse(optarg, &p))
                return usage_error("--predictor '%s': expected little or sign", optarg);
            put(o, "predictor", "%s", optarg);
            o->dual = 1;
            break;
        }
        case O_POLICY: {
            dm_policy p;
            if (dm_policy_parse(optarg, &p))
                return usage_error("--policy '%s': expected paper, symmetric or error", optarg);
            put(o, "policy", "%s", optarg);
            o->dual = 1;
            break;
        }
        case O_PROJ: {
            dm_proj_kind p;
            if (dm_proj_parse(optarg, &p))
                return usage_error("--proj '%s': expected srp or pca", optarg);
            put(o, "proj", "%s", optarg);
            o->dual = 1;
            break;
        }
        case O_SEED:
            if (parse_long("--seed", optarg, 0, 2147483647, &v)) return 2;
            put(o, "seed", "%ld", v);
            o->dual = 1;
            break;
        case O_AUDIT:
            put(o, "audit", "on");
            o->dual = 1;
            break;
        case O_LAMBDA:
            if (parse_double("--lambda", optarg, 0.0, 1e6, &x)) return 2;
            put(o, "lambda", "%.15g", x);
            break;
        case O_FIT_TOKENS:
            if (parse_long("--fit-tokens", optarg, 100, 100000000, &v)) return 2;
            put(o, "fit-tokens", "%ld", v);
            break;
        case O_CALIB_TOKENS:
            if (parse_long("--calib-tokens", optarg, 10, 1000000, &v)) return 2;
            put(o, "calib-tokens", "%ld", v);
            break;
        case O_FIT_DATA: o->fit_data = optarg; break;
        case O_DUAL:
            o->dual_file = optarg;
            o->dual = 1;
            break;
        case O_DB: o->db = optarg; break;
        case O_NO_STORE: o->no_store = 1; break;
        case O_NO_TUNE: setenv("DUALMOD_TUNE", "off", 1); break; /* the defaults, untuned */
        case O_EXPLAIN: o->explain = 1; break;
        case O_SHARD: {
            dm_settings tmp;
            dm_err e;
            dm_settings_default(&tmp);
            if (dm_settings_set(&tmp, "shard", optarg, &e))
                return usage_error("--%s", e.msg);
            o->shard = optarg;
            break;
        }
        case O_FORCE: o->force = 1; break;
        case O_RATIOS:
            if (check_list("--ratios", optarg)) return 2;
            o->ratios = optarg;
            break;
        case O_KS:
            if (check_list("--ks", optarg)) return 2;
            o->ks = optarg;
            break;
        case O_BITLIST:
            if (check_list("--bits-list", optarg)) return 2;
            o->bitlist = optarg;
            break;
        case O_NOISE:
            if (parse_double("--noise", optarg, 0.0, 100.0, &x)) return 2;
            o->noise = optarg;
            break;
        case O_KERNELS: {
            dm_kvariant kv;
            if (dm_kernels_parse(optarg, &kv))
                return usage_error("--kernels '%s': expected ref, avx2, avx512 or auto", optarg);
            if (strcmp(optarg, "auto") && !dm_kernels_get(kv)) {
                fprintf(stderr, "%s: --kernels %s: this CPU lacks the instructions (best here: %s)\n", prog, optarg,
                        dm_kernels_best()->name);
                return 2;
            }
            put(o, "kernels", "%s", optarg);
            break;
        }
        case 'q': o->quiet = 1; break;
        case 'h': case 'V': break; /* handled before */
        case ':': return usage_error("option '%s' needs an argument", argv[optind - 1]);
        default: return usage_error("unknown option '%s'", argv[optind - 1]);
        }
    }
    while (optind < argc) {
        /* sweep and import take many words; the others at most three */
        const char *cmd = o->nwords ? o->words[0] : argv[optind];
        int many = strcmp(cmd, "sweep") == 0 || strcmp(cmd, "import") == 0;
        if (many && o->nwords == MAX_WORDS)
            return usage_error("%s: more than %d arguments", cmd, MAX_WORDS - 1);
        if (!many && o->nwords == 3)
            return usage_error("unexpected argument '%s'%s", argv[optind],
                               strcmp(o->words[0], "translate") ? "" : " (quote the sentence: translate MODEL 'TEXT')");
        o->words[o->nwords++] = argv[optind++];
    }
    return 0;
}

/* ---- the rewrite into the command language ---- */

typedef struct script {
    char text[16384];
    size_t n;
    int bad; /* a word that cannot be quoted, or too long */
} script;

static void add(script *S, const char *s)
{
    size_t l = strlen(s);
    if (S->n + l + 1 >= sizeof S->text) {
        S->bad = 1;
        return;
    }
    memcpy(S->text + S->n, s, l + 1);
    S->n += l;
}

/* One word, quoted when it needs to be. */
static void word(script *S, const char *w)
{
    int plain = *w != '\0';
    for (const char *p = w; *p; p++)
        if (!(strchr("._/:,+=@%-", *p) || (*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'z') ||
              (*p >= 'A' && *p <= 'Z')))
            plain = 0;
    if (S->n && S->text[S->n - 1] != ' ')
        add(S, " ");
    if (plain) {
        add(S, w);
        return;
    }
    const char *q = strchr(w, '\'') ? "\"" : "'";
    if (strchr(w, *q)) {
        S->bad = 1;
        return;
    }
    add(S, q);
    add(S, w);
    add(S, q);
}

static void stmt_end(script *S) { add(S, ";"); }

static void sets(script *S, const opts *o)
{
    if (!o->nset)
        return;
    word(S, "set");
    for (int i = 0; i < o->nset; i++) {
        word(S, o->set_name[i]);
        word(S, o->set_val[i]);
    }
    stmt_end(S);
}

static void set1(script *S, const char *name, const char *value)
{
    word(S, "set");
    word(S, name);
    word(S, value);
    stmt_end(S);
}

/* Print (--explain) or run the statements of a classic subcommand. */
static int run_script(const opts *o, const script *S)
{
    if (S->bad)
        return usage_error("%s", "an argument cannot be quoted for the command language (it holds both ' and \")");
    if (o->explain) {
        printf("%s\n", S->text);
        return 0;
    }
    dm_err err;
    dm_session *s;
    dm_session_opts so = {.db_path = o->db, .no_store = o->no_store, .vocab = o->vocab};
    if (dm_session_new(&s, &so, &err)) {
        fprintf(stderr, "%s: %s\n", prog, err.msg);
        return 1;
    }
    dm_session_set_build(s, DM_GIT_REV, DM_BUILD_FLAGS, PACKAGE_VERSION);
    dm_cmd_io io = {.out = stdout, .msg = stderr, .out_tty = isatty(1), .width = 0,
                    .progress = isatty(2) && !o->quiet, .quiet = o->quiet};
    int rc = dm_cmd_exec(s, S->text, &io);
    dm_session_free(s);
    return rc == 1 ? 1 : 0;
}

/* bleu HYP REF: scores two text files; no model, so none of the model's,
 * data's or dual-module's options (a usage error, not silently ignored). */
static int classic_bleu(const opts *o)
{
    if (o->nwords != 3)
        return usage_error("%s", "bleu needs HYP and REF: a translation file and its reference file, one sentence a line");
    const char *foreign = o->split ? "--split" : o->data ? "--data" : o->vocab ? "--vocab" : o->fit_data ? "--fit-data"
                        : o->arch ? "--arch" : o->hidden ? "--hidden" : o->layers ? "--layers"
                        : o->vocab_size ? "--vocab-size" : o->steps ? "--steps" : o->dense ? "--dense"
                        : o->cold ? "--cold" : o->no_torch ? "--no-torch" : o->path_both ? "--path"
                        : o->ratios ? "--ratios" : o->ks ? "--ks" : o->bitlist ? "--bits-list"
                        : o->noise ? "--noise" : NULL;
    for (int i = 0; !foreign && i < o->nset; i++)
        if (strcmp(o->set_name[i], "format") != 0)
            foreign = o->set_name[i];
    if (foreign)
        return usage_error("bleu takes no %s%s option (only --format, -q and --explain)",
                           foreign[0] == '-' ? "" : "--", foreign);
    script S = {{0}, 0, 0};
    sets(&S, o);
    word(&S, "bleu");
    word(&S, o->words[1]);
    word(&S, o->words[2]);
    return run_script(o, &S);
}

/* sweep MODEL NAME VALUES [NAME VALUES ...] [--force] [--shard I/N]:
 * load MODEL; set ...; sweep NAME VALUES ... (--steps N: the speed setting,
 * timed pairs per configuration). */
static int classic_sweep(const opts *o)
{
    if (o->nwords > 1 && dm_setting_find(o->words[1]))
        return usage_error("sweep: '%s' is a setting; the MODEL comes first (e.g. dualmod sweep kjv-lstm %s ...)",
                           o->words[1], o->words[1]);
    if (o->nwords < 4)
        return usage_error("%s", "sweep needs a MODEL and NAME VALUES pairs (e.g. dualmod sweep kjv-lstm ratio "
                                 "0.1:0.9:0.2 bits 8,4)");
    const char *foreign = o->arch ? "--arch" : o->hidden ? "--hidden" : o->layers ? "--layers"
                        : o->vocab_size ? "--vocab-size" : o->input ? "--input" : o->dense ? "--dense"
                        : o->cold ? "--cold" : o->no_torch ? "--no-torch" : o->path_both ? "--path both"
                        : o->ratios ? "--ratios" : o->ks ? "--ks" : o->bitlist ? "--bits-list"
                        : o->noise ? "--noise" : o->klist && strchr(o->klist, ',') ? "--k LIST" : NULL;
    if (foreign)
        return usage_error("sweep takes no %s option (sweep a setting with NAME VALUES, e.g. k 32,64)", foreign);
    if (o->data && o->split)
        return usage_error("%s", "give either --split or --data, not both");
    script S = {{0}, 0, 0};
    word(&S, "load");
    word(&S, o->words[1]);
    stmt_end(&S);
    if (o->data)
        set1(&S, "split", o->data);
    else if (o->split)
        set1(&S, "split", o->split);
    if (o->fit_data)
        set1(&S, "fit-data", o->fit_data);
    if (o->save_hyp)
        set1(&S, "save-hyp", o->save_hyp);
    if (o->steps) {
        char st[24];
        snprintf(st, sizeof st, "%ld", o->steps);
        set1(&S, "speed", st);
    }
    if (o->shard)
        set1(&S, "shard", o->shard);
    sets(&S, o);
    word(&S, "sweep");
    for (int i = 2; i < o->nwords; i++)
        word(&S, o->words[i]);
    if (o->force)
        word(&S, "--force");
    return run_script(o, &S);
}

/* import FILE [FILE ...]: merge other run stores into --db (one statement). */
static int classic_import(const opts *o)
{
    if (o->nwords < 2)
        return usage_error("%s", "import needs FILE...: run stores (SQLite files written by dualmod --db) to merge");
    if (o->nwords - 1 > MAX_IMPORT)
        return usage_error("import: %d files at once is too many (at most %d): import them in batches, e.g. "
                           "printf '%%s\\n' shard*.db | xargs -n 100 dualmod import",
                           o->nwords - 1, MAX_IMPORT);
    const char *foreign = o->split ? "--split" : o->data ? "--data" : o->vocab ? "--vocab" : o->fit_data ? "--fit-data"
                        : o->arch ? "--arch" : o->dense ? "--dense" : o->shard ? "--shard" : o->force ? "--force"
                        : o->no_store ? "--no-store" : o->steps ? "--steps" : o->ratios ? "--ratios" : NULL;
    for (int i = 0; !foreign && i < o->nset; i++)
        if (strcmp(o->set_name[i], "format") != 0)
            foreign = o->set_name[i];
    if (foreign)
        return usage_error("import takes no %s%s option (only --db, --format, -q and --explain)",
                           foreign[0] == '-' ? "" : "--", foreign);
    script S = {{0}, 0, 0};
    sets(&S, o);
    word(&S, "import");
    for (int i = 1; i < o->nwords; i++)
        word(&S, o->words[i]);
    return run_script(o, &S);
}

static int classic(int argc, char **argv)
{
    opts o;
    memset(&o, 0, sizeof o);
    int rc = parse_opts(argc, argv, &o);
    if (rc)
        return rc;
    const char *cmd = o.words[0], *kind = NULL, *model = NULL;
    if (strcmp(cmd, "sweep") == 0)
        return classic_sweep(&o);
    if (strcmp(cmd, "import") == 0)
        return classic_import(&o);
    if (o.shard)
        return usage_error("--shard slices a sweep's grid: give it to sweep (dualmod sweep MODEL ... --shard I/N) "
                           "or to a script (-c, -f); %s has no grid", cmd);
    if (o.force)
        return usage_error("--force is for sweep (run stored configurations again); %s does not take it", cmd);
    if (strcmp(cmd, "bench") != 0) { /* a random-weights model times steps; it has no quality to evaluate */
        const char *shape = o.arch ? "--arch" : o.hidden ? "--hidden" : o.layers ? "--layers"
                          : o.vocab_size ? "--vocab-size" : o.input ? "--input" : NULL;
        if (shape)
            return usage_error("%s shapes a random-weights model for bench (timing only); %s needs a trained MODEL",
                               shape, cmd);
    }
    if (strcmp(cmd, "bleu") == 0)
        return classic_bleu(&o);
    if (strcmp(cmd, "study") == 0) {
        kind = o.nwords > 1 ? o.words[1] : NULL;
        if (!kind || (strcmp(kind, "noise") && strcmp(kind, "sweep") && strcmp(kind, "dim") && strcmp(kind, "bits")))
            return usage_error("study '%s': expected noise, sweep, dim or bits", kind ? kind : "");
        model = o.nwords > 2 ? o.words[2] : NULL;
    } else if (strcmp(cmd, "translate") == 0) {
        if (o.nwords > 3)
            return usage_error("unexpected argument '%s' (quote the sentence: translate MODEL 'TEXT')", o.words[3]);
        model = o.nwords > 1 ? o.words[1] : NULL;
    } else {
        if (o.nwords > 2)
            return usage_error("unexpected argument '%s'", o.words[2]);
        model = o.nwords > 1 ? o.words[1] : NULL;
    }
    if (o.data && o.split)
        return usage_error("%s", "give either --split or --data, not both");
    script S = {{0}, 0, 0};
    /* the model */
    if (strcmp(cmd, "bench") == 0 && o.arch) {
        if (model)
            return usage_error("give MODEL or --arch, not both ('%s')", model);
        char h[16], l[16], v[16], in[16];
        snprintf(in, sizeof in, "%ld", o.input ? o.input : o.hidden ? o.hidden : 1500);
        snprintf(h, sizeof h, "%ld", o.hidden ? o.hidden : 1500);
        snprintf(l, sizeof l, "%ld", o.layers ? o.layers : 1);
        snprintf(v, sizeof v, "%ld", o.vocab_size ? o.vocab_size : 10000);
        word(&S, "load");
        word(&S, "random");
        word(&S, o.arch);
        word(&S, h);
        word(&S, l);
        word(&S, v);
        if (o.input)
            word(&S, in);
        stmt_end(&S);
    } else if (strcmp(cmd, "info") == 0) {
        if (!model)
            return usage_error("%s", "info needs a MODEL (a name such as kjv-lstm, or a path)");
    } else {
        if (!model && strcmp(cmd, "eval"))
            return usage_error("%s needs a MODEL%s", strcmp(cmd, "study") ? cmd : "study",
                               strcmp(cmd, "bench") ? "" : " or --arch lstm|gru --hidden H");
        word(&S, "load");
        word(&S, model ? model : "kjv-lstm");
        stmt_end(&S);
    }
    /* settings */
    if (o.data)
        set1(&S, "split", o.data);
    else if (o.split)
        set1(&S, "split", o.split);
    else if (kind)
        set1(&S, "split", "test");
    if (o.fit_data)
        set1(&S, "fit-data", o.fit_data);
    if (o.save_hyp)
        set1(&S, "save-hyp", o.save_hyp);
    if (o.dual_file) { /* the file fixes the little modules: only the knobs that need no refit may follow */
        if (strcmp(cmd, "eval") && strcmp(cmd, "bench") && strcmp(cmd, "translate"))
            return usage_error("--dual is for eval, bench and translate, not %s", cmd);
        static const char *const build[] = {"bits", "k", "eps", "seed", "proj", "policy", "lambda"};
        for (int i = 0; i < o.nset; i++)
            for (size_t j = 0; j < sizeof build / sizeof build[0]; j++)
                if (strcmp(o.set_name[i], build[j]) == 0)
                    return usage_error("--dual FILE fixes the little modules; --%s would refit them (only --ratio, "
                                       "--mode and --predictor change a dual file's run)", build[j]);
        set1(&S, "dual", o.dual_file);
    }
    if (strcmp(cmd, "translate") == 0 && !o.ratio_given && !o.dual_file)
        set1(&S, "ratio", "0"); /* dense unless --ratio says otherwise */
    if (strcmp(cmd, "bench") == 0 && !o.dense && !o.mode_given)
        set1(&S, "mode", "topk"); /* exact ratios make exact timings */
    sets(&S, &o);
    /* the command */
    if (strcmp(cmd, "eval") == 0) {
        if (o.dual && o.path_both)
            return usage_error("%s", "--path both is for dense evaluation; a dual-module eval takes --path stream or seq");
        word(&S, o.dual ? "run" : "eval");
        if (o.dual)
            word(&S, "detail");
        else if (o.path_both)
            word(&S, "both");
    } else if (strcmp(cmd, "info") == 0) {
        word(&S, "info");
        word(&S, model);
    } else if (strcmp(cmd, "translate") == 0) {
        word(&S, "translate");
        word(&S, o.nwords > 2 ? o.words[2] : "-");
    } else if (strcmp(cmd, "little") == 0) {
        word(&S, "little");
    } else if (kind) {
        word(&S, "study");
        word(&S, kind);
        const char *vals = strcmp(kind, "sweep") == 0 ? o.ratios : strcmp(kind, "dim") == 0 ? o.ks
                         : strcmp(kind, "bits") == 0 ? o.bitlist : o.noise;
        if (vals)
            word(&S, vals);
    } else { /* bench */
        word(&S, "bench");
        if (o.dense) {
            word(&S, "dense");
        } else {
            word(&S, o.ratios ? o.ratios : o.ratio_given ? o.ratio : "0,0.1,0.3,0.5,0.7,0.9");
            if (o.klist) {
                word(&S, "k");
                word(&S, o.klist);
            }
        }
        if (o.steps) {
            char st[24];
            snprintf(st, sizeof st, "%ld", o.steps);
            word(&S, "steps");
            word(&S, st);
        }
        if (o.cold)
            word(&S, "cold");
        if (o.no_torch)
            word(&S, "no-torch");
    }
    return run_script(&o, &S);
}

/* The first word that is not an option or an option's argument; -h and -V
 * anywhere (options may follow the command). */
static const char *first_word(int argc, char **argv, int *help, int *version)
{
    static const char *const takes_arg[] = {"db", "format", "vocab", "size", "script"};
    const char *first = NULL;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--") == 0)
            return first ? first : i + 1 < argc ? argv[i + 1] : NULL;
        if (a[0] != '-' || !a[1]) {
            if (!first)
                first = a;
            continue;
        }
        if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0)
            *help = 1;
        else if (strcmp(a, "-V") == 0 || strcmp(a, "--version") == 0)
            *version = 1;
        if (a[1] != '-') { /* -c CMDS, -f FILE (or -cCMDS) */
            if ((a[1] == 'c' || a[1] == 'f') && !a[2])
                i++;
            continue;
        }
        if (strchr(a, '='))
            continue;
        int arg = 0;
        for (const struct option *lo = long_opts; lo->name; lo++)
            if (strcmp(a + 2, lo->name) == 0)
                arg = lo->has_arg == required_argument;
        for (size_t j = 0; j < sizeof takes_arg / sizeof takes_arg[0]; j++)
            if (strcmp(a + 2, takes_arg[j]) == 0)
                arg = 1;
        if (arg)
            i++;
    }
    return first;
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
    int help = 0, version = 0;
    const char *w = first_word(argc, argv, &help, &version);
    if (help) {
        print_help(stdout);
        return 0;
    }
    if (version) {
        printf("%s %s (git %s)\n", PACKAGE_NAME, PACKAGE_VERSION, DM_GIT_REV);
        return 0;
    }
    static const char *const classic_cmds[] = {"eval", "info", "bench", "little", "study", "bleu", "translate",
                                               "sweep", "import"};
    for (size_t i = 0; w && i < sizeof classic_cmds / sizeof classic_cmds[0]; i++)
        if (strcmp(w, classic_cmds[i]) == 0)
            return classic(argc, argv);
    /* no arguments, -c, -f, standard input, shell, tui: the command language */
    return dm_front_main(argc, argv);
}
