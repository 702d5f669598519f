/* cmd.h - the one command language: a const table of commands and
 * settings (name, arguments, type, range, default, help) from which the
 * parser, `help`, readline completion, error messages, the man page and
 * the TUI sliders' bounds all come.
 *
 * A line holds statements separated by ';' (outside quotes); '#' starts a
 * comment (at the start of a word, outside quotes). Words are separated by
 * blanks; '...' and "..." quote. Commands that take an SQL-like tail
 * (runs, sql, best, pareto, note, export) also receive the raw text after
 * their fixed words, so quotes inside `where model = 'kjv-lstm'` survive.
 *
 * Errors are one line: what, where (the word), what is allowed, and a close
 * match when one exists; a statement that fails changes nothing. */
#ifndef DM_CMD_H
#define DM_CMD_H

#include <stdio.h>

#include "table.h"
#include "util.h"

/* ---- settings ---- */

typedef enum dm_stype {
    DM_ST_STRING = 0, /* free text (model spec, split name or file) */
    DM_ST_INT,        /* integer within [lo, hi] */
    DM_ST_REAL,       /* real within [lo, hi] */
    DM_ST_ENUM,       /* one of choices ("a|b|c") */
    DM_ST_BOOL,       /* on|off (also true/false, 1/0, yes/no) */
    DM_ST_BITS        /* fp32 (0) or an integer 1..16 */
} dm_stype;

/* X(id, name, type, lo, hi, choices, default, step, big_step, help)
 * step/big_step: slider steps (TUI, <- -> and shift/page). */
#define DM_SETTINGS(X) \
    X(MODEL,    "model",    DM_ST_STRING, 0, 0, NULL, "-", 0, 0, \
      "the loaded model: a name (kjv-lstm, kjv-gru), a directory or a .safetensors file (set = load; - = none yet)") \
    X(SPLIT,    "split",    DM_ST_STRING, 0, 0, NULL, "valid", 0, 0, \
      "data to evaluate: valid, test, train (of the model's dataset) or a text file") \
    X(LIMIT,    "limit",    DM_ST_INT, 0, 100000000, NULL, "0", 1000, 10000, \
      "evaluate only the first N tokens of the split (0 = all)") \
    X(RATIO,    "ratio",    DM_ST_REAL, 0, 1, NULL, "0.5", 0.01, 0.05, \
      "target insensitive ratio: fraction of gate outputs taken from the little module") \
    X(MODE,     "mode",     DM_ST_ENUM, 0, 0, "threshold|topk", "threshold", 0, 0, \
      "ratio control: thresholds calibrated on training text, or exact top-k per step") \
    X(BITS,     "bits",     DM_ST_BITS, 0, 16, "fp32|16|8|6|4|3|2|1", "8", 0, 0, \
      "little-module weight bits: fp32 (or 0, as the store writes it) or 1..16 (stored in 1-, 2-, 4-, 8- or 16-bit containers: 3 bits cost the bytes of 4, 5..7 of 8, 9..15 of 16)") \
    X(K,        "k",        DM_ST_INT, 0, 65536, NULL, "0", 8, 64, \
      "little dimension per stream (0 = from eps by the Johnson-Lindenstrauss bound)") \
    X(EPS,      "eps",      DM_ST_REAL, 0.01, 0.99, NULL, "0.5", 0.01, 0.05, \
      "JL epsilon that sets k when k is 0 (a bound above the narrowest input gives half that input)") \
    X(SEED,     "seed",     DM_ST_INT, 0, 2147483647, NULL, "1", 1, 1, \
      "random projection seed") \
    X(POLICY,   "policy",   DM_ST_ENUM, 0, 0, "paper|symmetric|error", "paper", 0, 0, \
      "insensitive regions: the paper's one-sided saturation, symmetric, or error-aware") \
    X(PREDICTOR, "predictor", DM_ST_ENUM, 0, 0, "little|sign", "little", 0, 0, \
      "insensitive outputs: the little module's value (the paper) or the activation's saturation (sign: ReLU 0)") \
    X(PROJ,     "proj",     DM_ST_ENUM, 0, 0, "srp|pca", "srp", 0, 0, \
      "projection: sparse random (the paper) or PCA") \
    X(PATH,     "path",     DM_ST_ENUM, 0, 0, "stream|seq", "stream", 0, 0, \
      "dual-module path: streaming batch-1 steps, or whole sequences (W_ih x batched)") \
    X(STREAMS,  "streams",  DM_ST_INT, 0, 1024, NULL, "0", 1, 8, \
      "quality figures over N contiguous streams evaluated together by GEMM (PyTorch's batched evaluate); 1 = one stream, batch 1 (exact); 0 = auto: 20 for runs, 1 for dense eval. Speed is always timed batch 1") \
    X(BEAM,     "beam",     DM_ST_INT, 1, 64, NULL, "1", 1, 1, \
      "translators: beam width of the search (1 = greedy)") \
    X(SAVE_HYP, "save-hyp", DM_ST_STRING, 0, 0, NULL, "-", 0, 0, \
      "translators: write each evaluation's translations to this file, one a line, in data order (- = none)") \
    X(THREADS,  "threads",  DM_ST_INT, 1, 64, NULL, "1", 1, 1, \
      "threads for OpenBLAS and the kernels") \
    X(KERNELS,  "kernels",  DM_ST_ENUM, 0, 0, "auto|ref|avx2|avx512", "auto", 0, 0, \
      "kernel variant (auto = the best this CPU supports)") \
    X(AUDIT,    "audit",    DM_ST_BOOL, 0, 1, "on|off", "off", 0, 0, \
      "also compute the exact outputs to report mask recall (slower)") \
    X(SPEED,    "speed",    DM_ST_INT, 0, 100000, NULL, "300", 100, 1000, \
      "interleaved dense/dual step pairs timed per run for the speedup (0 = do not measure)") \
    X(STORE,    "store",    DM_ST_BOOL, 0, 1, "on|off", "on", 0, 0, \
      "save every completed run in the run store") \
    X(ON_ERROR, "on-error", DM_ST_ENUM, 0, 0, "stop|continue", "stop", 0, 0, \
      "what a script does after a failing statement") \
    X(SQL_TIMEOUT, "sql-timeout", DM_ST_REAL, 0, 86400, NULL, "30", 1, 10, \
      "seconds a query of the run store (sql, runs, best, ...) may take (0 = no limit); Ctrl-C stops one sooner") \
    X(SHARD,    "shard",    DM_ST_STRING, 0, 0, NULL, "1/1", 0, 0, \
      "I/N: run only slice I of N of a sweep's grid (configuration i, counted from 0 in the grid's order, when i mod N = I-1; 1/1 = all); one shard per machine or process, each with its own --db, merged by import") \
    X(FORMAT,   "format",   DM_ST_ENUM, 0, 0, "table|csv|json|jsonl|md", "table", 0, 0, \
      "output format of results (json: one document; jsonl: one object per line; md: Markdown table)") \
    X(FIT_DATA, "fit-data", DM_ST_STRING, 0, 0, NULL, "-", 0, 0, \
      "data the little module is fitted on (- = the training split of the model's dataset; a language model without one fits on the first tenth of the evaluated text, held out: only the rest is scored)") \
    X(FIT_TOKENS, "fit-tokens", DM_ST_INT, 100, 100000000, NULL, "60000", 1000, 10000, \
      "training tokens the little module is fitted on") \
    X(CALIB_TOKENS, "calib-tokens", DM_ST_INT, 10, 1000000, NULL, "4000", 100, 1000, \
      "training steps the thresholds are calibrated on") \
    X(CHUNK,    "chunk",    DM_ST_INT, 1, 4096, NULL, "128", 16, 128, \
      "time steps per chunk on the seq path") \
    X(LAMBDA,   "lambda",   DM_ST_REAL, 0, 1e6, NULL, "0.0001", 0.0001, 0.001, \
      "relative ridge strength of the little module's fit (little, study, bench)") \
    X(EXPERIMENT, "experiment", DM_ST_STRING, 0, 0, NULL, "-", 0, 0, \
      "a name stored with every run (runs where experiment = 'NAME'; - = none)") \
    X(DUAL,     "dual",     DM_ST_STRING, 0, 0, NULL, "-", 0, 0, \
      "a dual-module file (save-dual) runs use instead of fitting; its knobs become the settings (- = fit; set = load-dual)")

typedef enum dm_setting_id {
#define DM_X_(id, ...) DM_S_##id,
    DM_SETTINGS(DM_X_)
#undef DM_X_
    DM_S_COUNT
} dm_setting_id;

typedef struct dm_setting_def {
    dm_setting_id id;
    const char *name;
    dm_stype type;
    double lo, hi;
    const char *choices; /* "a|b|c" for enums, bools and bits; NULL otherwise */
    const char *def;     /* default, as text */
    double step, big_step;
    const char *help;
} dm_setting_def;

extern const dm_setting_def dm_settings_table[DM_S_COUNT];
const dm_setting_def *dm_setting_find(const char *name); /* NULL if unknown */
/* The range of a setting as help, the man page and the TUI print it: "integer 0..100000000", "0..1",
 * "fp32 or 1..16", "a,b,c" (choices) or "text". */
void dm_setting_range(const dm_setting_def *d, char *out, size_t n);

/* Setting values. Enums hold the index of the choice. */
/* A per-site knob (issue 16): `set ratio.l1 0.8`, `set bits.layer1.* 4`,
 * `set k.dec.l0 64`. The site part is a site name or an fnmatch pattern;
 * entries apply in order (a later one wins for a site both match), and a
 * site no entry matches takes the global value. The ratio can be set per
 * gate group too, SITE.GROUP (`set ratio.l1.f 0.3`, `ratio.*.o 0.9`): a
 * pattern that matches no site name is matched against those; a group's
 * own ratio wins over its site's, and the groups without one share the
 * site's ratio among themselves. Bits and k are per site only (one little
 * module serves all of a site's groups). */
#define DM_SITE_KNOBS_MAX 64
typedef struct dm_site_knob {
    char site[48];
    int knob;     /* DM_S_RATIO, DM_S_BITS or DM_S_K (dm_setting_id) */
    double value;
} dm_site_knob;

typedef struct dm_settings {
    char model[1024];
    char split[1024];
    long limit;
    double ratio;
    int mode;     /* 0 threshold, 1 topk (= dm_mode) */
    int bits;     /* 0 = fp32 */
    int k;
    double eps;
    long seed;
    int policy;   /* dm_policy */
    int predictor; /* dm_predictor */
    int proj;     /* dm_proj_kind */
    int path;     /* dm_lm_path */
    int streams;  /* quality path: streams evaluated together (1: batch 1) */
    int beam;     /* translators: beam width (1: greedy) */
    char save_hyp[1024]; /* translators: "" or where each evaluation's translations go */
    int threads;
    int kernels;  /* 0 auto, 1 ref, 2 avx2, 3 avx512 */
    int audit;
    long speed;
    int store;
    int shard_i, shard_n; /* slice I of N of a sweep's grid (1/1: all of it) */
    int on_error; /* 0 stop, 1 continue */
    int format;   /* dm_format */
    char fit_data[1024]; /* "" = the model's training split */
    long fit_tokens;
    int calib_tokens;
    int chunk;
    double lambda;
    double sql_timeout; /* seconds, 0 = no limit */
    char experiment[64]; /* "" = none */
    char dual[1024];    /* "" or the dual file in use (dm_session_load_dual) */
    int nknobs;   /* per-site knobs, in the order set */
    dm_site_knob knobs[DM_SITE_KNOBS_MAX];
} dm_settings;

void dm_settings_default(dm_settings *s);
/* Parse and range-check value for setting name; on error s is unchanged
 * and err says what was wrong (unknown name with a close match, bad value
 * with the allowed range or choices). */
int dm_settings_set(dm_settings *s, const char *name, const char *value, dm_err *err);
/* The value as text (as `set` accepts it). */
void dm_settings_get(const dm_settings *s, dm_setting_id id, char *out, size_t n);
/* Per-site knobs: dm_settings_set takes "KNOB.SITE" names (KNOB ratio, bits
 * or k; SITE a name or pattern) with the knob's values, or `default` to
 * drop the entry (`KNOB.*` default drops every entry of that knob). The
 * name and value of entry i as `set` takes them: */
void dm_settings_knob_text(const dm_settings *s, int i, char *name, size_t nn, char *value, size_t nv);
/* Apply the per-site knobs to cfg for a network's sites (cfg's site_set,
 * site_ratio, site_bits, site_k); an entry no site matches is an error
 * naming the sites there are. */
struct dm_dual_cfg;
struct dm_site;
int dm_settings_apply_sites(const dm_settings *s, const struct dm_site *sites, int nsites, struct dm_dual_cfg *cfg,
                            dm_err *err);
/* Numeric view of a setting (slider position): enums give the choice
 * index, bits give 0 for fp32. */
double dm_settings_num(const dm_settings *s, dm_setting_id id);
/* The shard setting: the configurations of a grid (sweep; also sensitivity
 * and tune trials) are dealt round-robin, so that slow and fast ones mix
 * and every shard gets a share of each row of the grid: index i (0-based,
 * in the grid's own order) is shard I/N's when i % N == I - 1. Deterministic:
 * N processes with --shard 1/N .. N/N together run every index once. */
int dm_shard_mine(const dm_settings *s, long index);
/* How many of the indices 0 .. total-1 are the shard's. */
long dm_shard_count(const dm_settings *s, long total);

/* ---- commands ---- */

typedef struct dm_session dm_session;

/* Completion kinds of a command's words. */
typedef enum dm_complete {
    DM_C_NONE = 0,
    DM_C_SETTING,       /* a setting name, then its value */
    DM_C_MODEL,         /* a model name or file */
    DM_C_FILE,          /* a file name */
    DM_C_COMMAND,       /* a command name (help) */
    DM_C_COLUMN,        /* a run_summary column (pareto, best, runs ... order by) */
    DM_C_SWEEP          /* setting name / values pairs */
} dm_complete;

typedef struct dm_cmd_ctx dm_cmd_ctx;

typedef struct dm_cmd_def {
    const char *name;
    const char *usage;   /* arguments, e.g. "NAME VALUE" */
    const char *help;    /* one line */
    const char *details; /* longer help (man page, `help CMD`); may be NULL */
    int min_args, max_args; /* words after the name (-1 = unlimited) */
    dm_complete complete;
    int tui_only;        /* only meaningful inside the TUI */
    /* argv: the words after the name (quotes removed); raw[i]: the statement
     * text from word i on, quotes intact (for SQL tails). */
    int (*fn)(dm_cmd_ctx *c, int argc, char **argv, const char *const *raw);
} dm_cmd_def;

extern const dm_cmd_def dm_cmd_table[];
extern const int dm_ncmds;
const dm_cmd_def *dm_cmd_find(const char *name);

/* Closest name among candidates (edit distance <= 2 or unique prefix), or NULL. */
const char *dm_close_match(const char *word, const char *const *cands, int n);

/* Where a command's output and messages go. */
typedef struct dm_cmd_io {
    FILE *out;           /* results (tables) */
    FILE *msg;           /* messages, progress (stderr in batch; the TUI's message area) */
    int out_tty;         /* out is a terminal: human tables sized to width */
    int width;           /* terminal width for tables (0 = unlimited) */
    int progress;        /* draw a progress bar on msg */
    int quiet;           /* no progress, no informational messages */
    const char *where;   /* "file:line" prefix of error messages, or NULL */
    const volatile int *cancel; /* set (e.g. by SIGINT) to stop a run or sweep; may be NULL */
    /* TUI hook for tui_only commands (dump-screen); NULL elsewhere */
    int (*tui_cmd)(void *ud, const char *name, int argc, char **argv, dm_err *err);
    void *tui_ud;
} dm_cmd_io;

/* Execute one line (several statements). Returns 0 when every statement
 * succeeded, 1 when one failed (the error was printed to io->msg with the
 * where prefix; with on-error stop the rest of the line is skipped), and
 * DM_CMD_QUIT when `quit` was executed. */
#define DM_CMD_QUIT 100
int dm_cmd_exec(dm_session *s, const char *line, const dm_cmd_io *io);
/* Parse line as dm_cmd_exec would (statements, words, quotes, the command
 * and its number of arguments; `set` values checked against a copy of the
 * defaults) without executing anything. Returns the number of statements
 * with a command, or -1 with err set at the first error. */
int dm_cmd_check(const char *line, dm_err *err);

/* Completion candidates for the word being typed: line is the text before
 * the cursor. Calls fn for each candidate (full word). Returns the kind of
 * word expected: DM_C_FILE asks the front end to complete file names. */
dm_complete dm_cmd_complete(dm_session *s, const char *line, void (*fn)(void *ud, const char *cand), void *ud);

/* The man page (troff), generated from the tables. */
/* keys of a front end and what they do ("Enter s", "run the current settings again") */
typedef struct dm_key_help {
    const char *keys, *what;
} dm_key_help;
/* The manual page; keys: the TUI's (section TUI KEYS; NULL = none). */
void dm_cmd_man(FILE *out, const char *version, const dm_key_help *keys, int nkeys);
/* `help` text: all commands and settings, or one. */
int dm_cmd_help(FILE *out, const char *topic, dm_err *err);

#endif
