/* shell.c - the command-language front ends.
 *
 *   dualmod -c 'load kjv-lstm; set ratio 0.5; run'
 *   dualmod -f sweep.dm            (a script; '-' = standard input)
 *   printf 'load kjv-gru\nrun\n' | dualmod --format csv
 *   dualmod shell                  (readline REPL: completion, history)
 *   dualmod tui [MODEL]            (also: dualmod with no arguments on a terminal)
 *
 * Non-interactive modes stop at the first failing statement unless
 * `set on-error continue`, and exit 1 naming FILE:LINE. Ctrl-C cancels the
 * running evaluation (stored as cancelled) and, outside the shell, stops
 * with status 130; in the shell it returns to the prompt. */
#define _POSIX_C_SOURCE 200809L
#include "config.h"
#include "gitrev.h"

#include "shell.h"

#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <readline/history.h>
#include <readline/readline.h>

#include "cmd.h"
#include "session.h"
#include "tui.h"
#include "util.h"

static volatile sig_atomic_t g_cancel;
static volatile sig_atomic_t g_at_prompt;
static int g_interrupts;

static volatile sig_atomic_t g_prompt_int;
static volatile sig_atomic_t g_term; /* SIGTERM or SIGHUP received: cancel, store, then leave */

static void on_sigint(int sig)
{
    (void)sig;
    if (g_at_prompt) { /* at the prompt: drop the line (see on_rl_signal) */
        g_prompt_int = 1;
        return;
    }
    g_cancel = 1;
    if (++g_interrupts >= 3) {
        /* a third Ctrl-C while something refuses to stop: leave now */
        signal(SIGINT, SIG_DFL);
        raise(SIGINT);
    }
}

/* SIGTERM / SIGHUP (a batch scheduler's stop, a closed terminal): cancel the
 * running command as Ctrl-C does, so that its configuration is stored as
 * cancelled with what it had done, then leave with 128 + the signal; a
 * second one leaves at once. */
static void on_sigterm(int sig)
{
    if (g_term) {
        signal(sig, SIG_DFL);
        raise(sig);
        return;
    }
    g_term = sig;
    g_cancel = 1;
    g_prompt_int = 1;
}

static void install_sigint(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_sigint;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    sa.sa_handler = on_sigterm;
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);
}

static int term_width(void)
{
    struct winsize ws;
    if (ioctl(1, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
        return ws.ws_col;
    const char *c = getenv("COLUMNS");
    return c && atoi(c) > 0 ? atoi(c) : 100;
}

void dm_history_path(char *out, size_t n)
{
    const char *xdg = getenv("XDG_STATE_HOME"), *home = getenv("HOME");
    char dir[4096];
    if (xdg && xdg[0] == '/')
        snprintf(dir, sizeof dir, "%s/dualmod", xdg);
    else if (home && home[0])
        snprintf(dir, sizeof dir, "%s/.local/state/dualmod", home);
    else {
        out[0] = '\0';
        return;
    }
    if (dm_mkdir_p(dir)) {
        out[0] = '\0';
        return;
    }
    snprintf(out, n, "%.4000s/history", dir);
}

/* ---- scripts ---- */

/* Run every line of in; name is used in error messages. Returns the exit status. */
static int run_script(dm_session *s, FILE *in, const char *name, dm_cmd_io *io)
{
    char *line = NULL;
    size_t cap = 0;
    long lineno = 0;
    int status = 0;
    char where[4200];
    ssize_t len;
    while ((len = getline(&line, &cap, in)) > 0) {
        lineno++;
        snprintf(where, sizeof where, "%s:%ld", name, lineno);
        io->where = where;
        const char *nul = memchr(line, '\0', (size_t)len);
        if (nul) { /* the rest of the line would be silently lost */
            char w[1024];
            fprintf(io->msg ? io->msg : stderr, "dualmod: %s: NUL byte at column %ld; expected text\n",
                    dm_escape(where, strlen(where), w, sizeof w), (long)(nul - line) + 1);
            status = 1;
            if (dm_session_settings(s)->on_error == 0)
                break;
            continue;
        }
        line[strcspn(line, "\r\n")] = '\0';
        int rc = dm_cmd_exec(s, line, io);
        if (rc == DM_CMD_QUIT)
            break;
        if (g_cancel) {
            status = g_term ? 128 + g_term : 130;
            break;
        }
        if (rc) {
            status = 1;
            if (dm_session_settings(s)->on_error == 0)
                break;
        }
    }
    free(line);
    io->where = NULL;
    return status;
}

/* --check: parse a script (or -c commands) without running anything, as
 * dm_cmd_exec would read it (statements, quotes, commands and their number
 * of arguments, set values); the first error as FILE:LINE. Exit 0 or 1. */
static int check_script(FILE *in, const char *cmds, const char *name, int quiet)
{
    char *line = NULL;
    size_t cap = 0;
    long lineno = 0, count = 0;
    int status = 0;
    ssize_t len;
    for (;;) {
        const char *text;
        if (cmds) {
            if (lineno)
                break;
            text = cmds;
        } else {
            if ((len = getline(&line, &cap, in)) <= 0)
                break;
            if (memchr(line, '\0', (size_t)len)) {
                fprintf(stderr, "dualmod: %s:%ld: NUL byte; expected text\n", name, lineno + 1);
                status = 1;
                break;
            }
            line[strcspn(line, "\r\n")] = '\0';
            text = line;
        }
        lineno++;
        dm_err err;
        int n = dm_cmd_check(text, &err);
        if (n < 0) {
            fprintf(stderr, "dualmod: %s:%ld: %s\n", name, lineno, err.msg);
            status = 1;
            break;
        }
        count += n;
    }
    free(line);
    if (!status && !quiet)
        fprintf(stderr, "%s: %ld statement%s, all parse (nothing was run)\n", name, count, count == 1 ? "" : "s");
    return status;
}

/* ---- the readline shell ---- */

/* Called by readline after a signal arrived while it was reading. */
static int on_rl_signal(void)
{
    if (g_term) { /* leave: readline returns, the loop sees g_term */
        rl_done = 1;
        return 0;
    }
    if (g_prompt_int) {
        g_prompt_int = 0;
        rl_free_line_state();
        rl_crlf();
        rl_replace_line("", 0);
        rl_on_new_line();
        rl_redisplay();
    }
    return 0;
}

static dm_session *g_sess;

/* Readline completion shared by the shell and the TUI's prompt: candidates
 * from the command tables (prefix-filtered, without repeats) for the line
 * up to the cursor, and file names where a command takes a file (load:
 * model names and files; import, export, bleu, save-dual, ...). */
typedef struct cands {
    char **v;
    int n, cap;
    const char *prefix;
} cands;

static void add_cand(void *ud, const char *cand)
{
    cands *C = ud;
    if (strncmp(cand, C->prefix, strlen(C->prefix)) != 0)
        return;
    for (int i = 0; i < C->n; i++)
        if (strcmp(C->v[i], cand) == 0)
            return;
    if (C->n + 2 > C->cap) {
        int nc = C->cap ? 2 * C->cap : 16;
        char **nv = realloc(C->v, sizeof *nv * (size_t)nc);
        if (!nv)
            return;
        C->v = nv;
        C->cap = nc;
    }
    C->v[C->n++] = strdup(cand);
    C->v[C->n] = NULL;
}

static cands g_cands;
static int g_cand_i;

static char *cand_gen(const char *text, int state)
{
    (void)text;
    if (state == 0)
        g_cand_i = 0;
    if (g_cand_i < g_cands.n)
        return strdup(g_cands.v[g_cand_i++]);
    return NULL;
}

char **dm_rl_completion(dm_session *s, const char *text, int end)
{
    for (int i = 0; i < g_cands.n; i++)
        free(g_cands.v[i]);
    g_cands.n = 0;
    g_cands.prefix = text;
    rl_attempted_completion_over = 1;
    char *before = strndup(rl_line_buffer, (size_t)end);
    if (!before)
        return NULL;
    dm_complete kind = dm_cmd_complete(s, before, add_cand, &g_cands);
    free(before);
    if (kind == DM_C_FILE || kind == DM_C_MODEL) {
        /* the file names beside the table's candidates (directories get a '/', files a space) */
        char *f;
        for (int state = 0; (f = rl_filename_completion_function(text, state)) != NULL; state++) {
            add_cand(&g_cands, f);
            free(f);
        }
        rl_filename_completion_desired = 1;
    }
    if (g_cands.n == 0)
        return NULL;
    return rl_completion_matches(text, cand_gen);
}

void dm_rl_completion_free(void)
{
    for (int i = 0; i < g_cands.n; i++)
        free(g_cands.v[i]);
    free(g_cands.v);
    memset(&g_cands, 0, sizeof g_cands);
}

static dm_session *g_sess;

static char **complete(const char *text, int start, int end)
{
    (void)start;
    return dm_rl_completion(g_sess, text, end);
}

static int shell_loop(dm_session *s, dm_cmd_io *io)
{
    char hist[4200];
    dm_history_path(hist, sizeof hist);
    rl_readline_name = "dualmod";
    rl_attempted_completion_function = complete;
    rl_basic_word_break_characters = " \t;";
    rl_signal_event_hook = on_rl_signal;
    g_sess = s;
    using_history();
    if (hist[0])
        read_history(hist);
    fprintf(stderr, "dualmod %s shell: 'help' lists commands, Tab completes, Ctrl-C cancels a run, Ctrl-D leaves.\n",
            PACKAGE_VERSION);
    int status = 0;
    for (;;) {
        if (g_term)
            break;
        g_cancel = 0;
        g_interrupts = 0;
        g_at_prompt = 1;
        char *line = readline("dualmod> ");
        g_at_prompt = 0;
        if (g_term) {
            free(line);
            fputc('\n', stdout);
            break;
        }
        if (!line) {
            fputc('\n', stdout);
            break;
        }
        if (line[strspn(line, " \t")] != '\0') {
            add_history(line);
            if (hist[0])
                append_history(1, hist);
        }
        io->width = term_width();
        int rc = dm_cmd_exec(s, line, io);
        free(line);
        if (rc == DM_CMD_QUIT)
            break;
        status = rc ? 1 : 0;
    }
    if (hist[0])
        history_truncate_file(hist, 2000);
    dm_rl_completion_free();
    (void)status;
    /* an interactive session's errors were shown as they happened */
    return g_term ? 128 + g_term : 0;
}

/* ---- entry ---- */

static void usage(FILE *f)
{
    fprintf(f,
            "Usage: dualmod [OPTIONS]                      the TUI on the bundled model (on a terminal)\n"
            "       dualmod [OPTIONS] -c 'CMD; CMD ...'     run commands and exit\n"
            "       dualmod [OPTIONS] -f FILE              run a script ('-' = standard input)\n"
            "       COMMANDS | dualmod [OPTIONS]           commands from standard input\n"
            "       dualmod shell [OPTIONS]                readline command shell\n"
            "       dualmod tui [MODEL] [-c CMDS] [OPTIONS] the TUI (CMDS run before the first evaluation)\n"
            "       dualmod eval|info|bench|little|study|sweep|import ... (see dualmod --help)\n"
            "Options: --db PATH, --no-store, --format table|csv|json, -q/--quiet, --vocab FILE,\n"
            "         --shard I/N (a sweep runs only slice I of N of its grid), --check (parse -c/-f, run nothing),\n"
            "         --headless [--size COLSxROWS] [--script FILE] (TUI tests), --no-color, --ascii,\n"
            "         --no-start (the TUI waits for Enter), --man\n"
            "Inside: 'help' lists commands and settings; 'help NAME' explains one.\n");
}

int dm_front_main(int argc, char **argv)
{
    enum { O_DB = 300, O_NO_STORE, O_FORMAT, O_VOCAB, O_MAN, O_HEADLESS, O_SIZE, O_SCRIPT, O_NO_COLOR, O_ASCII,
           O_NO_START, O_SHARD, O_CHECK };
    static const struct option lo[] = {
        {"db", required_argument, 0, O_DB},         {"no-store", no_argument, 0, O_NO_STORE},
        {"format", required_argument, 0, O_FORMAT}, {"vocab", required_argument, 0, O_VOCAB},
        {"man", no_argument, 0, O_MAN},             {"headless", no_argument, 0, O_HEADLESS},
        {"size", required_argument, 0, O_SIZE},     {"script", required_argument, 0, O_SCRIPT},
        {"no-color", no_argument, 0, O_NO_COLOR},   {"quiet", no_argument, 0, 'q'},
        {"ascii", no_argument, 0, O_ASCII},         {"no-start", no_argument, 0, O_NO_START},
        {"shard", required_argument, 0, O_SHARD},   {"check", no_argument, 0, O_CHECK},
        {"help", no_argument, 0, 'h'},              {"version", no_argument, 0, 'V'},
        {0, 0, 0, 0}};
    const char *cmds = NULL, *file = NULL, *db = NULL, *format = NULL, *vocab = NULL, *shard = NULL;
    int no_store = 0, quiet = 0, check = 0;
    dm_tui_opts to = {0};
    to.cols = 80, to.rows = 24;
    opterr = 0;
    optind = 1;
    int c;
    while ((c = getopt_long(argc, argv, ":c:f:qhV", lo, NULL)) != -1) {
        switch (c) {
        case 'c': cmds = optarg; break;
        case 'f': file = optarg; break;
        case 'q': quiet = 1; break;
        case O_DB: db = optarg; break;
        case O_NO_STORE: no_store = 1; break;
        case O_FORMAT: {
            dm_format f;
            if (dm_format_parse(optarg, &f)) {
                fprintf(stderr, "dualmod: --format '%s': expected table, csv or json\n", optarg);
                return 2;
            }
            format = optarg;
            break;
        }
        case O_VOCAB: vocab = optarg; break;
        case O_SHARD: { /* the shard setting, checked now: a usage error */
            dm_settings tmp;
            dm_err e;
            dm_settings_default(&tmp);
            if (dm_settings_set(&tmp, "shard", optarg, &e)) {
                fprintf(stderr, "dualmod: --%s\nTry 'dualmod --help'.\n", e.msg);
                return 2;
            }
            shard = optarg;
            break;
        }
        case O_CHECK: check = 1; break;
        case O_MAN: dm_cmd_man(stdout, PACKAGE_VERSION, dm_tui_keys, dm_tui_nkeys); return 0;
        case O_HEADLESS: to.headless = 1; break;
        case O_SIZE:
            if (sscanf(optarg, "%dx%d", &to.cols, &to.rows) != 2 || to.cols < 40 || to.rows < 12 || to.cols > 1000 ||
                to.rows > 1000) {
                fprintf(stderr, "dualmod: --size '%s': expected COLSxROWS, at least 40x12 (e.g. 80x24)\n", optarg);
                return 2;
            }
            break;
        case O_SCRIPT: to.script = optarg; break;
        case O_NO_COLOR: to.no_color = 1; break;
        case O_ASCII: to.ascii = 1; break;
        case O_NO_START: to.no_start = 1; break;
        case 'h': usage(stdout); return 0;
        case 'V': printf("%s %s\n", PACKAGE_NAME, PACKAGE_VERSION); return 0;
        case ':': fprintf(stderr, "dualmod: option '%s' needs an argument\n", argv[optind - 1]); return 2;
        default:
            fprintf(stderr, "dualmod: unknown option '%s'\nTry 'dualmod --help'.\n", argv[optind - 1]);
            return 2;
        }
    }
    const char *mode = NULL, *model = NULL;
    if (optind < argc)
        mode = argv[optind++];
    if (mode && strcmp(mode, "shell") && strcmp(mode, "tui")) {
        fprintf(stderr,
                "dualmod: unknown command '%s' (expected eval, info, bench, little, study, translate, bleu, sweep, "
                "import, shell or tui; or -c/-f)\n"
                "Try 'dualmod --help'.\n",
                mode);
        return 2;
    }
    if (mode && strcmp(mode, "tui") == 0 && optind < argc)
        model = argv[optind++];
    if (optind < argc) {
        fprintf(stderr, "dualmod: unexpected argument '%s'\nTry 'dualmod --help'.\n", argv[optind]);
        return 2;
    }
    if (cmds && file) {
        fprintf(stderr, "dualmod: give -c or -f, not both\n");
        return 2;
    }
    if (file && mode) {
        fprintf(stderr, "dualmod: -f runs a script without %s (the TUI takes --script for headless tests)\n", mode);
        return 2;
    }
    if (cmds && mode && strcmp(mode, "tui")) {
        fprintf(stderr, "dualmod: -c runs commands without %s\n", mode);
        return 2;
    }
    if (check) {
        if (mode || (!cmds && !file)) {
            fprintf(stderr, "dualmod: --check parses the commands of -c or the script of -f without running them\n");
            return 2;
        }
        if (cmds)
            return check_script(NULL, cmds, "-c", quiet);
        if (strcmp(file, "-") == 0)
            return check_script(stdin, NULL, "<stdin>", quiet);
        FILE *in = fopen(file, "r");
        if (!in) {
            fprintf(stderr, "dualmod: cannot open script %s: %s\n", file, strerror(errno));
            return 1;
        }
        int rc = check_script(in, NULL, file, quiet);
        fclose(in);
        return rc;
    }
    int tui = (mode && strcmp(mode, "tui") == 0) ||
              (!mode && !cmds && !file && isatty(0) && isatty(1));
    if (tui && !to.headless && !(isatty(0) && isatty(1))) {
        fprintf(stderr, "dualmod: the TUI needs a terminal (use -c, -f, shell, or --headless)\n");
        return 2;
    }
    if (!tui && !mode && !cmds && !file && isatty(0)) {
        fprintf(stderr, "dualmod: no terminal for the TUI; give commands with -c, -f or on standard input\n");
        return 2;
    }

    dm_err err;
    dm_session *s;
    dm_session_opts so = {.db_path = db, .no_store = no_store, .vocab = vocab};
    if (dm_session_new(&s, &so, &err)) {
        fprintf(stderr, "dualmod: %s\n", err.msg);
        return 1;
    }
    dm_session_set_build(s, DM_GIT_REV, DM_BUILD_FLAGS, PACKAGE_VERSION);
    if ((format && dm_session_set(s, "format", format, 0, &err)) ||
        (shard && dm_session_set(s, "shard", shard, 0, &err))) {
        fprintf(stderr, "dualmod: %s\n", err.msg);
        dm_session_free(s);
        return 2;
    }
    install_sigint();
    dm_cmd_io io = {.out = stdout, .msg = stderr, .out_tty = isatty(1), .width = isatty(1) ? term_width() : 0,
                    .progress = isatty(2) && !quiet, .quiet = quiet, .cancel = (const volatile int *)&g_cancel};
    int status;
    if (tui) {
        const char *spec = model ? model : "kjv-lstm"; /* the TUI's default: the bundled model */
        if (dm_session_load(s, spec, &err)) {
            fprintf(stderr, "dualmod: %s\n", err.msg);
            dm_session_free(s);
            return 1;
        }
        char hist[4200];
        dm_history_path(hist, sizeof hist);
        to.history = hist[0] ? hist : NULL;
        if (getenv("NO_COLOR") && getenv("NO_COLOR")[0])
            to.no_color = 1;
        to.commands = cmds; /* dualmod tui -c 'set ratio 0.3': run before the first evaluation */
        signal(SIGINT, SIG_DFL); /* the TUI handles its own keys and signals */
        status = dm_tui_run(s, &to);
    } else if (mode) { /* shell */
        status = shell_loop(s, &io);
    } else if (cmds) {
        io.where = "-c";
        int rc = dm_cmd_exec(s, cmds, &io);
        status = g_term ? 128 + g_term : g_cancel ? 130 : rc == 1 ? 1 : 0;
    } else if (file && strcmp(file, "-")) {
        FILE *in = fopen(file, "r");
        if (!in) {
            fprintf(stderr, "dualmod: cannot open script %s: %s\n", file, strerror(errno));
            dm_session_free(s);
            return 1;
        }
        status = run_script(s, in, file, &io);
        fclose(in);
    } else {
        status = run_script(s, stdin, "<stdin>", &io);
    }
    dm_session_free(s);
    return status;
}
