/* tui.c - the terminal user interface: sliders, live validation figures,
 * saved runs, the Pareto view and an embedded readline prompt.
 *
 * Presentation only. The UI thread never waits on the engine: every tick
 * (100 ms, or at once on input) it copies the latest immutable snapshot
 * with dm_session_snapshot and redraws; evaluation runs in the session's
 * worker thread. A slider move changes a private copy of the settings
 * (`want`), asks the running evaluation to stop (dm_session_cancel, which
 * returns at once) and, as soon as the worker is idle, applies the changed
 * settings with dm_session_set and starts the new configuration with
 * dm_session_start. Commands typed at the `:` prompt go through
 * dm_cmd_exec; their results and messages land in the message log
 * (captured with open_memstream), shown at the bottom and in a scrollable
 * pager. Runs and Pareto points are read with dm_session_runs /
 * dm_session_pareto; no SQL and no model math here.
 *
 * Views: main (header, sliders, live panel, per-layer/gate bars, recent
 * runs, messages), runs (sortable, filterable table of this model's saved
 * runs), Pareto (quality loss vs measured speedup), help overlay, messages.
 *
 * Keys (main view)
 *   Left/Right        move the focused slider (Shift+arrow, PgUp up/PgDn down: big step; Home/End: ends)
 *   Up/Down, Tab      move the focus           e   little dimension: switch between k and eps
 *   Enter, s          (re)start the run        c, Ctrl-C   cancel the run or command
 *   : or /            command prompt           r   runs view     p  Pareto view
 *   m                 messages                 ?   help          q  quit (asks if a run is busy)
 * Ctrl-C closes the prompt, or cancels what runs; with nothing running it
 * says that q quits, and a second Ctrl-C within 2 s quits (status 130).
 * --no-start: until the first run (Enter) slider changes do not start one.
 *   g                 sliders per site / global   S  sensitivity view (any view)
 * Per-site mode (g): one row per dual-module site with its requested ratio
 * (a bar; "(global 50%)" when the site takes the global value), the
 * achieved ratio beside it, bits and k; Up/Down select a site (the list
 * scrolls), Tab/Shift-Tab the knob, Left/Right change it (a `set
 * ratio.SITE`, `bits.SITE` or `k.SITE` through dm_session_set, restarting
 * the run like the global sliders), d returns the knob to the global value
 * (`default`), D the whole site.
 * Sensitivity view (S): quality loss per site x ratio from this model's
 * stored runs tagged 'sensitivity' (one site dual-moduled at a time, the
 * newest run per cell); arrows move the cell, Enter shows its run, n opens
 * the prompt with a `sensitivity` command. `:sensitivity` runs like any
 * command (its own thread, the live panel and the status row show it) and
 * opens this view when it ends.
 * Mouse: click or drag on a slider; wheel scrolls lists.
 *
 * The prompt is GNU readline embedded the tig way: rl_getc_function reads
 * from a queue the UI fills with the keys it receives, rl_redisplay_function
 * draws the line in the bottom row, readline never touches the terminal
 * (no prep/deprep, no signal handlers, output to /dev/null), completion
 * comes from dm_cmd_complete, history from dm_tui_opts.history.
 *
 * Headless mode (tests): the screen is an ncurses SCREEN made with newterm
 * on /dev/null at --size COLSxROWS (default 80x24); no terminal is needed
 * and nothing is evaluated until the script starts it. The script (a file
 * or stdin) has one directive per line; blank lines and lines starting
 * with '#' are ignored:
 *   key NAME [N]         press a key N times. NAME: a character (a, :, ?),
 *                        SPACE, ENTER, TAB, BTAB, ESC, BACKSPACE, DEL, UP,
 *                        DOWN, LEFT, RIGHT, S-LEFT, S-RIGHT, HOME, END, PGUP,
 *                        PGDN, F1..F12, C-x (control)
 *   type TEXT            type the characters of TEXT (escapes \n \t \e \\)
 *   cmd LINE             run a command-language line as the prompt would
 *   wait [SECONDS]       until the engine is idle and no change is pending
 *                        (default at most 600 s; failing after that)
 *   wait-for TEXT        until the screen shows TEXT (failing after 120 s)
 *   sleep MS             let the UI run for MS milliseconds
 *   mouse press|drag|release X Y   a mouse event at column X, row Y (0-based)
 *   resize COLSxROWS     resize the off-screen terminal
 *   expect TEXT          fail unless the screen shows TEXT
 *   dump-screen FILE     write the screen as text (UTF-8, trailing blanks cut)
 *   quit                 leave (also at the end of the script)
 * After each directive the UI runs one tick (snapshot, redraw). A failing
 * directive stops the script with exit status 1 and a message on stderr.
 * `dump-screen FILE` is also a command of the command language (tui_only),
 * so `:dump-screen FILE` works in an interactive session too. */
#ifndef _DEFAULT_SOURCE
#define _DEFAULT_SOURCE
#endif
#ifndef _XOPEN_SOURCE
#define _XOPEN_SOURCE 700
#endif
#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#include "shell.h"
#include "tui.h"

#include <ctype.h>
#include <errno.h>
#include <fnmatch.h>
#include <langinfo.h>
#include <limits.h>
#include <locale.h>
#include <math.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>
#include <wchar.h>

#include <curses.h>
#include <readline/history.h>
#include <readline/readline.h>

#include "bench.h"
#include "cmd.h"
#include "metric.h"
#include "session.h"
#include "table.h"
#include "util.h"

#define TICK_MS 100
#define LOG_MAX 4000
#define RUNS_LIMIT 1000

/* ---- glyphs: Unicode, or ASCII when the locale is not UTF-8 ---- */

typedef struct glyphs {
    const char *full, *empty, *knob, *hline, *vline, *corner, *ytick, *times, *pm, *delta, *dash, *focus, *mark,
        *current, *front, *point, *bullet, *up, *down, *ellipsis, *eps, *arrow;
    const char *eighths[8]; /* partial bar cells, 1/8 .. 7/8 (ASCII: none) */
} glyphs;

static const glyphs glyphs_utf8 = {
    "█", "░", "█", "─", "│", "└", "┤", "×", "±", "Δ", "–", "▸", "+", "◉", "◆", "·", "●", "▲", "▼", "…", "ε", "→",
    {"▏", "▎", "▍", "▌", "▋", "▊", "▉", NULL},
};
static const glyphs glyphs_ascii = {
    "#", ".", "|", "-", "|", "+", "+", "x", "+-", "d", "-", ">", "+", "@", "o", ".", "*", "^", "v", "...", "eps", "->",
    {NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL},
};

/* ---- colours: one row per role; the mono attributes apply with NO_COLOR ---- */

enum role { R_NORMAL, R_HEADER, R_TITLE, R_FOCUS, R_GOOD, R_BAD, R_DIM, R_BAR, R_FRONT, R_CURRENT, R_CMD, R_SEL, R_COUNT };

static const struct role_def {
    short fg, bg;
    attr_t color_attr, mono_attr;
} roles[R_COUNT] = {
    [R_NORMAL] = {-1, -1, A_NORMAL, A_NORMAL},
    [R_HEADER] = {COLOR_BLACK, COLOR_CYAN, A_NORMAL, A_REVERSE},
    [R_TITLE] = {COLOR_CYAN, -1, A_BOLD, A_BOLD},
    [R_FOCUS] = {COLOR_YELLOW, -1, A_BOLD, A_REVERSE},
    [R_GOOD] = {COLOR_GREEN, -1, A_NORMAL, A_NORMAL},
    [R_BAD] = {COLOR_RED, -1, A_BOLD, A_BOLD},
    [R_DIM] = {COLOR_BLUE, -1, A_BOLD, A_DIM},
    [R_BAR] = {COLOR_CYAN, -1, A_NORMAL, A_NORMAL},
    [R_FRONT] = {COLOR_GREEN, -1, A_BOLD, A_BOLD},
    [R_CURRENT] = {COLOR_MAGENTA, -1, A_BOLD, A_BOLD | A_UNDERLINE},
    [R_CMD] = {COLOR_YELLOW, -1, A_NORMAL, A_BOLD},
    [R_SEL] = {COLOR_BLACK, COLOR_YELLOW, A_NORMAL, A_REVERSE},
};

/* ---- sliders: which settings they move (bounds and steps from the table) ---- */

enum { SL_RATIO, SL_BITS, SL_DIM, SL_MODE, SL_COUNT };

static const struct slider_def {
    const char *label;
    dm_setting_id id; /* SL_DIM: K, or EPS while k = 0 */
    int percent;      /* show the value as a percentage */
} sliders[SL_COUNT] = {
    [SL_RATIO] = {"ratio", DM_S_RATIO, 1},
    [SL_BITS] = {"bits", DM_S_BITS, 0},
    [SL_DIM] = {"k / eps", DM_S_K, 0},
    [SL_MODE] = {"mode", DM_S_MODE, 0},
};

#define MAX_CHOICES 24

typedef struct slider_geom {
    int y, x0, w;                       /* bar (numeric) */
    int nch, chx[MAX_CHOICES], chw[MAX_CHOICES]; /* choices */
} slider_geom;

/* ---- views ---- */

typedef enum view { V_MAIN, V_RUNS, V_PARETO, V_HELP, V_LOG, V_SENS } view;

typedef enum prompt_kind { P_NONE, P_CMD, P_FILTER } prompt_kind;

typedef struct log_line {
    char kind; /* 'c' command echo, 'o' output, 'm' message, 'e' error, 'i' info */
    char *text;
} log_line;

/* A row of the sensitivity matrix: one site at one bit width; loss in %
 * of dense (positive = worse) per ratio column, NaN where not measured. */
#define SENS_MAX_R 32
typedef struct sens_row {
    char site[32];
    int site_index, bits;
    double loss[SENS_MAX_R];
    int64_t id[SENS_MAX_R];
} sens_row;

/* A key event: a Unicode code point (> 0) or a curses key code (negated). */
typedef int key_ev;
#define KEV(k) (-(k))

typedef struct tui {
    dm_session *s;
    const dm_tui_opts *o;
    SCREEN *scr;
    FILE *scr_out, *scr_in, *devnull;
    int headless, color, utf8, mouse;
    const glyphs *g;
    view view, prev_view;
    int focus;
    dm_snapshot snap;
    uint64_t seen_run_seq;
    dm_run_state seen_state;
    dm_model_info info;
    /* settings the sliders show; applied to the session when pending */
    dm_settings want;
    unsigned pending;  /* bit per dm_setting_id */
    int knobs_pending; /* the per-site knobs of `want` differ from the session's */
    slider_geom geom[SL_COUNT];
    /* per-site sliders (g) */
    int per_site, site_sel, site_top, site_col;
    int site_groups; /* the per-site list has a row per gate group (G) */
    int site_y0, site_rows, site_bx, site_bw; /* geometry of the drawn rows (mouse) */
    int site_k[DM_SNAP_LAYERS];               /* each site's k in run site_k_run (a block site scales the global k) */
    int64_t site_k_run;
    int drag; /* slider being dragged, -1 none */
    int start_after_cmd; /* tui -c CMDS: the first evaluation starts when they end (they run first) */
    /* message log */
    log_line *log;
    int nlog, log_top, log_follow, log_max_top; /* log_top, log_max_top: message indices (the pager) */
    /* prompt */
    prompt_kind prompt;
    unsigned char rlq[256];
    int rlq_head, rlq_n;
    int rl_done;
    char *rl_line;
    int rl_ready;
    char **match; /* the completion list shown above the prompt until the next key */
    int nmatch;
    /* runs panel */
    dm_table runs;
    int runs_ok;
    dm_table run_knobs; /* id, site_knobs of this model's runs that have per-site knobs */
    int run_knobs_ok;
    char runs_err[DM_ERR_MAX];
    int runs_sel, runs_top, runs_hcol;
    int sort_col, sort_desc;
    char filter[512];
    int64_t marked[2];
    /* pareto */
    dm_pareto_pt *pts;
    int npts, pareto_ok, pareto_sel;
    char pareto_err[DM_ERR_MAX];
    char pareto_what[256]; /* the comparison group shown (dm_session_pareto) */
    /* sensitivity: rows (site, bits) x ratio columns */
    struct sens_row *sens;
    int nsens, sens_nr, sens_ok, sens_row, sens_col, sens_top, sens_left, sens_nbits;
    double sens_r[SENS_MAX_R];
    char sens_err[DM_ERR_MAX];
    /* help */
    char **help, **hwrap;
    int nhelp, help_top, nhwrap, hwrap_w;
    /* quitting */
    int quit, confirm_quit, status;
    /* Ctrl-C: presses within 2 s of each other, the time of the last; a one-line note in the status row */
    int int_n, int_idle; /* presses while something ran; the last press found nothing to cancel */
    double int_at;
    char note[160];
    double note_until;
    int hold_once;   /* apply the pending slider changes without starting them (after Ctrl-C) */
    int user_cancel; /* the running evaluation was cancelled with c or Ctrl-C: say how it ended */
    int dumping; /* rendering for dump-screen: no transient status */
    char script_err[512];
} tui;

static tui *g_tui; /* readline callbacks and signal handlers */

static volatile int g_cmd_cancel; /* io.cancel of the running command (c, Ctrl-C) */

typedef struct cmd_job {
    pthread_t th;
    int running;          /* UI thread: a job was started and not yet collected */
    atomic_int done;      /* command thread: finished */
    char *line;
    dm_settings before, want;
    unsigned pending;     /* slider changes to apply before the command */
    int knobs_pending;    /* per-site knob changes, likewise */
    FILE *out, *msg;
    char *obuf, *mbuf;
    size_t olen, mlen;
    int rc, first_log;
    dm_cmd_io io;
    /* screen requests from the command thread */
    pthread_mutex_t mu;
    pthread_cond_t cv;
    int req;              /* 1: dump the screen to req_path */
    const char *req_path;
    int req_rc;
    dm_err req_err;
} cmd_job;

static cmd_job g_job = {.mu = PTHREAD_MUTEX_INITIALIZER, .cv = PTHREAD_COND_INITIALIZER};

/* Lines typed while a command runs wait here, in order. */
#define CMD_QUEUE 16
static char *g_queue[CMD_QUEUE];
static int g_nqueue;

static int command_running(void) { return g_job.running; }
static void run_command(tui *t, const char *line);
static void set_view(tui *t, view v);
static void interrupt(tui *t);
static void render_completions(tui *t);
static volatile sig_atomic_t g_sigint, g_sigterm;

/* ---- small helpers ---- */

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

static void sleep_ms(int ms)
{
    struct timespec ts = {ms / 1000, (long)(ms % 1000) * 1000000L};
    nanosleep(&ts, NULL);
}

static attr_t attr(const tui *t, enum role r)
{
    if (t->color)
        return COLOR_PAIR(r) | roles[r].color_attr;
    return roles[r].mono_attr;
}


/* Draw s at (y, x) with at most w columns. Returns the columns drawn. */
static int put_w(const tui *t, int y, int x, int w, enum role r, const char *s)
{
    if (y < 0 || y >= LINES || x >= COLS || w <= 0)
        return 0;
    if (x + w > COLS)
        w = COLS - x;
    const char *p = s;
    int cols = 0;
    while (*p && cols < w) {
        p++;
        while (((unsigned char)*p & 0xC0) == 0x80)
            p++;
        cols++;
    }
    attrset(attr(t, r));
    mvaddnstr(y, x, s, (int)(p - s));
    attrset(A_NORMAL);
    return cols;
}

static int putf(const tui *t, int y, int x, int w, enum role r, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));
static int putf(const tui *t, int y, int x, int w, enum role r, const char *fmt, ...)
{
    char buf[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    return put_w(t, y, x, w, r, buf);
}

static void fill_row(const tui *t, int y, enum role r)
{
    attrset(attr(t, r));
    mvhline(y, 0, ' ', COLS);
    attrset(A_NORMAL);
}

/* "── title ─────" across the screen. */
static void section(const tui *t, int y, const char *title)
{
    if (y < 0 || y >= LINES)
        return;
    int x = 0;
    x += put_w(t, y, x, COLS, R_DIM, t->g->hline);
    x += put_w(t, y, x, COLS, R_DIM, t->g->hline);
    x += putf(t, y, x, COLS - x, R_TITLE, " %s ", title);
    while (x < COLS)
        x += put_w(t, y, x, 1, R_DIM, t->g->hline);
}

static void fmt_count(char *out, size_t n, long v)
{
    char tmp[32];
    snprintf(tmp, sizeof tmp, "%ld", v < 0 ? -v : v);
    int len = (int)strlen(tmp), j = 0;
    char buf[48];
    if (v < 0)
        buf[j++] = '-';
    for (int i = 0; i < len; i++) {
        if (i && (len - i) % 3 == 0)
            buf[j++] = ',';
        buf[j++] = tmp[i];
    }
    buf[j] = '\0';
    snprintf(out, n, "%s", buf);
}

static void fmt_bytes(char *out, size_t n, double b)
{
    if (!(b >= 0))
        snprintf(out, n, "?");
    else if (b >= 1e9)
        snprintf(out, n, "%.2f GB", b / 1e9);
    else if (b >= 1e6)
        snprintf(out, n, "%.1f MB", b / 1e6);
    else if (b >= 1e3)
        snprintf(out, n, "%.1f kB", b / 1e3);
    else
        snprintf(out, n, "%.0f B", b);
}

static void fmt_secs(char *out, size_t n, double s)
{
    if (!isfinite(s) || s < 0)
        snprintf(out, n, "?");
    else if (s < 60)
        snprintf(out, n, "%.0fs", ceil(s));
    else if (s < 3600)
        snprintf(out, n, "%dm%02ds", (int)s / 60, (int)s % 60);
    else
        snprintf(out, n, "%dh%02dm", (int)s / 3600, ((int)s % 3600) / 60);
}

/* ---- message log ---- */

static void log_add(tui *t, char kind, const char *text)
{
    if (t->nlog == LOG_MAX) {
        free(t->log[0].text);
        memmove(t->log, t->log + 1, (LOG_MAX - 1) * sizeof *t->log);
        t->nlog--;
        if (t->log_top > 0)
            t->log_top--;
    }
    if (!t->log)
        t->log = calloc(LOG_MAX, sizeof *t->log);
    if (!t->log)
        return;
    size_t n = strlen(text);
    char *c = malloc(n + 1);
    if (!c)
        return;
    /* tabs to spaces, other control characters dropped */
    size_t j = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)text[i];
        if (ch == '\t')
            c[j++] = ' ';
        else if (ch >= 32 || ch >= 0x80)
            c[j++] = (char)ch;
    }
    c[j] = '\0';
    t->log[t->nlog].kind = kind;
    t->log[t->nlog].text = c;
    t->nlog++;
}

/* Add every line of buf (may be NULL). Returns the number of lines. */
static int log_lines(tui *t, char kind, const char *buf)
{
    int n = 0;
    if (!buf)
        return 0;
    const char *p = buf;
    while (*p) {
        const char *e = strchr(p, '\n');
        size_t len = e ? (size_t)(e - p) : strlen(p);
        char *line = strndup(p, len);
        if (line) {
            log_add(t, kind, line);
            free(line);
        }
        n++;
        p += len;
        if (*p == '\n')
            p++;
    }
    return n;
}

static void logf_(tui *t, char kind, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void logf_(tui *t, char kind, const char *fmt, ...)
{
    char buf[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    log_lines(t, kind, buf);
}

static enum role log_role(char kind)
{
    switch (kind) {
    case 'c':
        return R_CMD;
    case 'e':
        return R_BAD;
    case 'i':
        return R_DIM;
    default:
        return R_NORMAL;
    }
}

/* ---- settings and sliders ---- */

static const dm_setting_def *slider_setting(const tui *t, int sl)
{
    if (sl == SL_DIM && t->want.k == 0)
        return &dm_settings_table[DM_S_EPS];
    return &dm_settings_table[sliders[sl].id];
}

static int is_choice(const dm_setting_def *d)
{
    return d->type == DM_ST_ENUM || d->type == DM_ST_BITS || d->type == DM_ST_BOOL;
}

/* Split d->choices into out[]; returns the count. */
static int choices_of(const dm_setting_def *d, char out[][16], int max)
{
    int n = 0;
    const char *p = d->choices ? d->choices : "";
    while (*p && n < max) {
        const char *e = strchr(p, '|');
        size_t len = e ? (size_t)(e - p) : strlen(p);
        if (len > 15)
            len = 15;
        memcpy(out[n], p, len);
        out[n][len] = '\0';
        n++;
        p += len;
        if (*p == '|')
            p++;
    }
    return n;
}

static int choice_index(const tui *t, const dm_setting_def *d, char ch[][16], int n)
{
    char cur[64];
    dm_settings_get(&t->want, d->id, cur, sizeof cur);
    for (int i = 0; i < n; i++)
        if (strcasecmp(ch[i], cur) == 0)
            return i;
    return -1;
}

/* Numeric range of a slider (k: up to the model's hidden size). */
static void slider_range(const tui *t, const dm_setting_def *d, double *lo, double *hi)
{
    *lo = d->lo;
    *hi = d->hi;
    if (d->id == DM_S_K) {
        *lo = d->step > 0 ? d->step : 1;
        double h = t->info.hidden > 0 ? t->info.hidden : 1024;
        if (*hi > h)
            *hi = h;
    }
}

static int step_decimals(double step)
{
    int d = 0;
    while (d < 6 && fabs(step * pow(10, d) - round(step * pow(10, d))) > 1e-9)
        d++;
    return d;
}

/* Change a setting in `want` and remember it for the session (applied by
 * apply_pending at once, or after a running command). */
static int want_set(tui *t, const char *name, const char *value)
{
    dm_err err = {{0}};
    if (dm_settings_set(&t->want, name, value, &err)) {
        log_add(t, 'e', err.msg);
        return -1;
    }
    const dm_setting_def *d = dm_setting_find(name);
    if (d)
        t->pending |= 1u << d->id;
    return 0;
}

static void slider_set_num(tui *t, const dm_setting_def *d, double v)
{
    double lo, hi;
    slider_range(t, d, &lo, &hi);
    double step = d->step > 0 ? d->step : 1;
    v = round(v / step) * step;
    if (v < lo)
        v = lo;
    if (v > hi)
        v = hi;
    char buf[64];
    if (d->type == DM_ST_INT)
        snprintf(buf, sizeof buf, "%ld", (long)llround(v));
    else
        snprintf(buf, sizeof buf, "%.*f", step_decimals(step), v);
    if (fabs(dm_settings_num(&t->want, d->id) - v) < 1e-12)
        return;
    want_set(t, d->name, buf);
}

static void slider_move(tui *t, int sl, int dir, int big)
{
    const dm_setting_def *d = slider_setting(t, sl);
    if (is_choice(d)) {
        char ch[MAX_CHOICES][16];
        int n = choices_of(d, ch, MAX_CHOICES);
        int i = choice_index(t, d, ch, n);
        if (i < 0) {
            /* a value set from the prompt that is not a stop (e.g. 5 bits): nearest stop */
            double v = dm_settings_num(&t->want, d->id);
            i = 0;
            for (int j = 0; j < n; j++)
                if (atof(ch[j]) >= v || strcmp(ch[j], "fp32") == 0)
                    i = j;
        } else
            i += dir * (big ? 2 : 1);
        if (i < 0)
            i = 0;
        if (i >= n)
            i = n - 1;
        if (n > 0 && choice_index(t, d, ch, n) != i)
            want_set(t, d->name, ch[i]);
        return;
    }
    double v = dm_settings_num(&t->want, d->id);
    double step = big ? d->big_step : d->step;
    if (step <= 0)
        step = 1;
    slider_set_num(t, d, v + dir * step);
}

static void slider_end(tui *t, int sl, int hi_end)
{
    const dm_setting_def *d = slider_setting(t, sl);
    if (is_choice(d)) {
        slider_move(t, sl, hi_end ? 1 : -1, 0);
        for (int i = 0; i < MAX_CHOICES; i++)
            slider_move(t, sl, hi_end ? 1 : -1, 0);
        return;
    }
    double lo, hi;
    slider_range(t, d, &lo, &hi);
    slider_set_num(t, d, hi_end ? hi : lo);
}

/* Mouse: set the slider from a column. */
static void slider_at(tui *t, int sl, int x)
{
    const dm_setting_def *d = slider_setting(t, sl);
    const slider_geom *g = &t->geom[sl];
    if (is_choice(d)) {
        char ch[MAX_CHOICES][16];
        int n = choices_of(d, ch, MAX_CHOICES);
        for (int i = 0; i < g->nch && i < n; i++)
            if (x >= g->chx[i] && x < g->chx[i] + g->chw[i]) {
                if (choice_index(t, d, ch, n) != i)
                    want_set(t, d->name, ch[i]);
                return;
            }
        return;
    }
    if (g->w < 2)
        return;
    double lo, hi;
    slider_range(t, d, &lo, &hi);
    double f = (double)(x - g->x0) / (double)(g->w - 1);
    if (f < 0)
        f = 0;
    if (f > 1)
        f = 1;
    slider_set_num(t, d, lo + f * (hi - lo));
}

/* Switch the little dimension between an explicit k and the JL eps. */
static void toggle_dim(tui *t)
{
    if (t->want.k == 0) {
        int k = t->snap.k > 0 ? t->snap.k : 64;
        char buf[32];
        snprintf(buf, sizeof buf, "%d", k);
        want_set(t, "k", buf);
    } else
        want_set(t, "k", "0");
}

/* ---- per-site sliders (issue 16): ratio.SITE, bits.SITE, k.SITE ---- */

static const dm_setting_id site_knob_ids[3] = {DM_S_RATIO, DM_S_BITS, DM_S_K};

static int n_sites(const tui *t)
{
    int n = t->info.nlayers;
    return n < 0 ? 0 : n > DM_SNAP_LAYERS ? DM_SNAP_LAYERS : n;
}

/* Rows of the per-site list: a site each, or with G a gate group each (sites of several groups). */
static int groups_on(const tui *t)
{
    return t->site_groups && t->info.ngates > 1 && t->info.ngates <= DM_SNAP_GATES;
}

static int n_rows(const tui *t)
{
    return groups_on(t) ? n_sites(t) * t->info.ngates : n_sites(t);
}

/* Row i of the list: its site's index, its group's (-1: the site's row) and its name ("l1", "l1.f"). */
static int row_of(const tui *t, int i, int *gi, char *name, size_t n)
{
    int li = groups_on(t) ? i / t->info.ngates : i;
    *gi = groups_on(t) ? i % t->info.ngates : -1;
    if (*gi >= 0)
        snprintf(name, n, "%s.%s", t->info.site_name[li], t->info.gate_name[*gi]);
    else
        snprintf(name, n, "%s", t->info.site_name[li]);
    return li;
}

/* The ratio entry of a gate group's own (matching SITE.GROUP but not the site's name, as
 * dm_settings_apply_sites takes it), or -1. */
static int group_entry(const dm_settings *s, const char *site, const char *gname)
{
    int hit = -1;
    for (int i = 0; i < s->nknobs; i++)
        if (s->knobs[i].knob == DM_S_RATIO && fnmatch(s->knobs[i].site, site, 0) != 0 &&
            fnmatch(s->knobs[i].site, gname, 0) == 0)
            hit = i;
    return hit;
}

/* The entry of knob id that applies to site (the last one whose name or
 * pattern matches wins, as dm_settings_apply_sites does), or -1. */
static int site_entry(const dm_settings *s, int id, const char *site)
{
    int hit = -1;
    for (int i = 0; i < s->nknobs; i++)
        if (s->knobs[i].knob == id && fnmatch(s->knobs[i].site, site, 0) == 0)
            hit = i;
    return hit;
}

/* The global value of a knob as site i takes it. k: the site's k in the
 * last stored run when that ran the same global k or eps (a block site
 * scales the global k; eps resolves to a k per run); else the global k,
 * or -1 for eps before a run resolved it. */
static double global_knob(const tui *t, int id, int i)
{
    if (id == DM_S_RATIO)
        return t->want.ratio;
    if (id == DM_S_BITS)
        return t->want.bits;
    const dm_settings *c = &t->snap.cfg;
    int same = c->k == t->want.k && (t->want.k > 0 || fabs(c->eps - t->want.eps) < 1e-12);
    if (same && t->site_k_run && t->site_k_run == t->snap.run_id && i >= 0 && i < DM_SNAP_LAYERS &&
        t->site_k[i] > 0 && site_entry(c, DM_S_K, t->info.site_name[i]) < 0)
        return t->site_k[i];
    if (t->want.k > 0)
        return t->want.k;
    return same && t->snap.k > 0 ? t->snap.k : -1;
}

/* Each site's k in the last stored run (run_sites), for global_knob. */
static void refresh_site_k(tui *t)
{
    if (command_running() || !t->snap.run_id || t->snap.run_id == t->site_k_run)
        return;
    char sql[160];
    snprintf(sql, sizeof sql, "select site_index, k from run_sites where run_id = %lld", (long long)t->snap.run_id);
    dm_table tb;
    dm_table_init(&tb, NULL);
    dm_err err = {{0}};
    memset(t->site_k, 0, sizeof t->site_k);
    t->site_k_run = 0;
    if (dm_session_query(t->s, sql, &tb, &err) == 0) {
        for (int r = 0; r < tb.nrow; r++) {
            const char *a = dm_table_get(&tb, r, 0), *b = dm_table_get(&tb, r, 1);
            int i = a ? atoi(a) : -1;
            if (i >= 0 && i < DM_SNAP_LAYERS && b)
                t->site_k[i] = atoi(b);
        }
        t->site_k_run = t->snap.run_id;
    }
    dm_table_free(&tb);
}

/* Change a per-site knob in `want` (applied with the other changes). */
static void site_set(tui *t, const char *name, const char *value)
{
    dm_err err = {{0}};
    if (dm_settings_set(&t->want, name, value, &err)) {
        log_add(t, 'e', err.msg);
        return;
    }
    t->knobs_pending = 1;
}

/* A site's range: the global slider's, except k of a model whose sites
 * differ in size (not a language model): up to the setting's bound (the
 * engine takes at most the site's input size). */
static void site_range(const tui *t, const dm_setting_def *d, double *lo, double *hi)
{
    slider_range(t, d, lo, hi);
    if (d->id == DM_S_K && strcmp(t->info.item, "token") != 0)
        *hi = d->hi;
}

static void site_set_num(tui *t, int id, const char *site, double v)
{
    const dm_setting_def *d = &dm_settings_table[id];
    double lo, hi;
    site_range(t, d, &lo, &hi);
    double step = d->step > 0 ? d->step : 1;
    v = round(v / step) * step;
    if (v < lo)
        v = lo;
    if (v > hi)
        v = hi;
    int e = site_entry(&t->want, id, site);
    if (e >= 0 && fabs(t->want.knobs[e].value - v) < 1e-12)
        return;
    char name[96], buf[64];
    snprintf(name, sizeof name, "%s.%s", d->name, site);
    if (d->type == DM_ST_INT)
        snprintf(buf, sizeof buf, "%ld", (long)llround(v));
    else
        snprintf(buf, sizeof buf, "%.*f", step_decimals(step), v);
    site_set(t, name, buf);
}

/* A knob's value v moved one step (big: a big step) in direction dir, or to an end of its range. */
static double site_stepped(const tui *t, const dm_setting_def *d, double v, int dir, int big, int to_end)
{
    if (to_end) {
        double lo, hi;
        site_range(t, d, &lo, &hi);
        return dir > 0 ? hi : lo;
    }
    double step = big ? d->big_step : d->step;
    return v + dir * (step > 0 ? step : 1);
}

/* Left/Right on the selected site's focused knob (hi_end: Home/End). */
static void site_move(tui *t, int dir, int big, int to_end)
{
    if (groups_on(t)) { /* a gate group's row: its ratio only */
        int gi;
        char gname[64];
        if (t->site_sel < 0 || t->site_sel >= n_rows(t))
            return;
        int li = row_of(t, t->site_sel, &gi, gname, sizeof gname);
        if (t->site_col != 0) {
            log_add(t, 'i', "bits and k are set per site (one little module serves all of a site's gate groups); "
                            "G shows the sites");
            return;
        }
        const char *site = t->info.site_name[li];
        const dm_setting_def *d = &dm_settings_table[DM_S_RATIO];
        int e = group_entry(&t->want, site, gname), es = site_entry(&t->want, DM_S_RATIO, site);
        double v = e >= 0 ? t->want.knobs[e].value : es >= 0 ? t->want.knobs[es].value : t->want.ratio;
        site_set_num(t, DM_S_RATIO, gname, site_stepped(t, d, v, dir, big, to_end));
        return;
    }
    int ns = n_sites(t);
    if (t->site_sel < 0 || t->site_sel >= ns)
        return;
    const char *site = t->info.site_name[t->site_sel];
    int id = site_knob_ids[t->site_col];
    const dm_setting_def *d = &dm_settings_table[id];
    int e = site_entry(&t->want, id, site);
    double v = e >= 0 ? t->want.knobs[e].value : global_knob(t, id, t->site_sel);
    if (id == DM_S_BITS) {
        char ch[MAX_CHOICES][16];
        int n = choices_of(d, ch, MAX_CHOICES), i = -1;
        for (int j = 0; j < n; j++) /* fp32 is 0; a value between stops takes the nearest one above */
            if ((strcmp(ch[j], "fp32") == 0 ? 0 : atof(ch[j])) == v)
                i = j;
        if (i < 0) {
            i = 0;
            for (int j = 0; j < n; j++)
                if (strcmp(ch[j], "fp32") == 0 || atof(ch[j]) >= v)
                    i = j;
        } else
            i += to_end ? dir * MAX_CHOICES : dir * (big ? 2 : 1);
        if (i < 0)
            i = 0;
        if (i >= n)
            i = n - 1;
        if (n == 0)
            return;
        double nv = strcmp(ch[i], "fp32") == 0 ? 0 : atof(ch[i]);
        if (e >= 0 && nv == v)
            return;
        char name[96];
        snprintf(name, sizeof name, "%s.%s", d->name, site);
        site_set(t, name, ch[i]);
        return;
    }
    if (id == DM_S_K && v < 0)
        v = 64; /* eps: no k resolved yet */
    site_set_num(t, id, site, site_stepped(t, d, v, dir, big, to_end));
}

/* Back to the global value: the focused knob of the selected site, or all three. */
static void site_default(tui *t, int all)
{
    if (groups_on(t)) { /* a gate group's row: its own ratio entry */
        int gi;
        char gname[64], name[96];
        if (t->site_sel < 0 || t->site_sel >= n_rows(t))
            return;
        row_of(t, t->site_sel, &gi, gname, sizeof gname);
        snprintf(name, sizeof name, "ratio.%s", gname);
        for (int i = 0; i < t->want.nknobs; i++)
            if (t->want.knobs[i].knob == DM_S_RATIO && strcmp(t->want.knobs[i].site, gname) == 0) {
                site_set(t, name, "default");
                break;
            }
        return;
    }
    int ns = n_sites(t);
    if (t->site_sel < 0 || t->site_sel >= ns)
        return;
    const char *site = t->info.site_name[t->site_sel];
    for (int c = 0; c < 3; c++) {
        if (!all && c != t->site_col)
            continue;
        int id = site_knob_ids[c];
        char name[96];
        snprintf(name, sizeof name, "%s.%s", dm_settings_table[id].name, site);
        for (int i = 0; i < t->want.nknobs; i++)
            if (t->want.knobs[i].knob == id && strcmp(t->want.knobs[i].site, site) == 0) {
                site_set(t, name, "default");
                break;
            }
        int e = site_entry(&t->want, id, site);
        if (e >= 0) /* a pattern names it: `default` on the site's own name does not drop that */
            logf_(t, 'i', "%s still comes from %s.%s ('set %s.%s default' drops that entry)", name,
                  dm_settings_table[id].name, t->want.knobs[e].site, dm_settings_table[id].name,
                  t->want.knobs[e].site);
    }
}

/* Make the session's per-site knobs those of want, in want's order. */
static int sync_knobs(dm_session *s, const dm_settings *want, dm_err *err)
{
    return dm_session_set_knobs(s, want, 1, err);
}

static void start_run(tui *t)
{
    dm_err err = {{0}};
    if (dm_session_start(t->s, &err))
        log_add(t, 'e', err.msg);
}

/* --no-start: until the first run, slider changes are applied to the
 * settings but wait for Enter (a key pressed to look around, such as h,
 * must not start an evaluation). */
static int holding(const tui *t) { return t->o->no_start && t->snap.run_seq == 0; }

/* Apply the slider changes and start the new configuration: the session
 * stops the running evaluation at its next step and takes the newest
 * request, so this never waits on the engine. While a command runs the
 * changes wait (the session is the command's until it ends). */
static void apply_pending(tui *t)
{
    if ((!t->pending && !t->knobs_pending) || command_running())
        return;
    unsigned p = t->pending;
    t->pending = 0;
    int failed = 0;
    if (t->knobs_pending) {
        t->knobs_pending = 0;
        dm_err err = {{0}};
        if (sync_knobs(t->s, &t->want, &err)) {
            log_add(t, 'e', err.msg);
            failed = 1;
        }
    }
    for (int id = 0; id < DM_S_COUNT; id++) {
        if (!(p & (1u << id)))
            continue;
        char buf[1100];
        dm_settings_get(&t->want, (dm_setting_id)id, buf, sizeof buf);
        dm_err err = {{0}};
        if (dm_session_set(t->s, dm_settings_table[id].name, buf, 1, &err)) {
            log_add(t, 'e', err.msg);
            failed = 1;
        }
    }
    t->want = *dm_session_settings(t->s);
    (void)failed; /* what was accepted runs */
    if (t->hold_once || holding(t)) {
        t->hold_once = 0;
        return;
    }
    start_run(t);
}

/* ---- data refresh ---- */

static void refresh_info(tui *t)
{
    if (!command_running())
        dm_session_info(t->s, &t->info);
}

static const char *runs_sort_name(const tui *t)
{
    if (t->runs_ok && t->sort_col >= 0 && t->sort_col < t->runs.ncol)
        return t->runs.cols[t->sort_col];
    return "id";
}

/* The runs filter as dm_session_runs takes it: this model, the user's
 * condition, the chosen order. */
static void runs_filter_text(const tui *t, const char *sort, char *out, size_t n)
{
    char q[600];
    dm_sql_quote(q, sizeof q, t->info.name);
    const char *f = t->filter;
    if (strncasecmp(f, "where ", 6) == 0)
        f += 6;
    if (*f)
        snprintf(out, n, "where model = %s and (%s) order by %s %s, id desc limit %d", q, f, sort,
                 t->sort_desc ? "desc" : "asc", RUNS_LIMIT);
    else
        snprintf(out, n, "where model = %s order by %s %s, id desc limit %d", q, sort, t->sort_desc ? "desc" : "asc",
                 RUNS_LIMIT);
}

static void refresh_runs(tui *t)
{
    if (command_running())
        return;
    char sort[64];
    snprintf(sort, sizeof sort, "%s", runs_sort_name(t));
    char filter[1400];
    runs_filter_text(t, sort, filter, sizeof filter);
    dm_table nt;
    dm_err err = {{0}};
    if (dm_session_runs(t->s, filter, &nt, &err)) {
        dm_table_free(&nt);
        snprintf(t->runs_err, sizeof t->runs_err, "%s", err.msg);
        if (t->runs_ok)
            dm_table_free(&t->runs);
        t->runs_ok = 0;
        return;
    }
    if (t->runs_ok)
        dm_table_free(&t->runs);
    t->runs = nt;
    t->runs_ok = 1;
    t->runs_err[0] = '\0';
    /* the per-site knobs of the runs (not among the runs columns), for the current-run mark */
    if (t->run_knobs_ok)
        dm_table_free(&t->run_knobs);
    char q[600], sql[800];
    dm_sql_quote(q, sizeof q, t->info.name);
    snprintf(sql, sizeof sql, "select id, site_knobs from run_summary where model = %s and site_knobs <> ''", q);
    dm_table_init(&t->run_knobs, NULL);
    t->run_knobs_ok = 1;
    if (dm_session_query(t->s, sql, &t->run_knobs, &err)) {
        dm_table_free(&t->run_knobs);
        t->run_knobs_ok = 0;
    }
    t->sort_col = dm_table_find_col(&t->runs, sort);
    if (t->sort_col < 0)
        t->sort_col = 0;
    if (t->runs_sel >= t->runs.nrow)
        t->runs_sel = t->runs.nrow ? t->runs.nrow - 1 : 0;
}

static void refresh_pareto(tui *t)
{
    if (command_running())
        return;
    free(t->pts);
    t->pts = NULL;
    t->npts = 0;
    dm_err err = {{0}};
    t->pareto_ok = dm_session_pareto(t->s, &t->pts, &t->npts, t->pareto_what, sizeof t->pareto_what, &err) == 0;
    snprintf(t->pareto_err, sizeof t->pareto_err, "%s", t->pareto_ok ? "" : err.msg);
}

/* The sensitivity matrix from the store: runs of this model and split
 * tagged 'sensitivity', each with one site dual-moduled (its run_sites
 * ratio > 0, every other site at 0); the newest run per site, bits and
 * ratio. */
static void refresh_sens(tui *t)
{
    if (command_running())
        return;
    free(t->sens);
    t->sens = NULL;
    t->nsens = t->sens_nr = t->sens_nbits = 0;
    t->sens_ok = 0;
    t->sens_err[0] = '\0';
    if (!t->info.name[0])
        return;
    char qm[600], qs[2100], sql[3400];
    dm_sql_quote(qm, sizeof qm, t->info.name);
    dm_sql_quote(qs, sizeof qs, t->want.split);
    snprintf(sql, sizeof sql,
             "select s.site_index, s.site, s.bits, s.ratio, r.loss_pct, r.id from run_summary r "
             "join run_sites s on s.run_id = r.id where r.tag = 'sensitivity' and r.model = %s and r.split = %s "
             "and r.status = 'done' and s.ratio > 0 and (select count(*) from run_sites o where o.run_id = r.id "
             "and o.ratio > 0) = 1 order by r.id",
             qm, qs);
    dm_table tb;
    dm_table_init(&tb, NULL);
    dm_err err = {{0}};
    if (dm_session_query(t->s, sql, &tb, &err)) {
        snprintf(t->sens_err, sizeof t->sens_err, "%s", err.msg);
        dm_table_free(&tb);
        return;
    }
    t->sens_ok = 1;
    int bits_seen[17] = {0};
    for (int r = 0; r < tb.nrow; r++) {
        const char *c[6];
        for (int i = 0; i < 6; i++)
            c[i] = dm_table_get(&tb, r, i);
        if (!c[0] || !c[1] || !c[3] || !c[4] || !c[5])
            continue;
        int si = atoi(c[0]), bits = c[2] ? atoi(c[2]) : 0;
        double ratio = atof(c[3]);
        /* the ratio column (sorted) */
        int ri = 0;
        while (ri < t->sens_nr && t->sens_r[ri] < ratio - 1e-9)
            ri++;
        if (ri == t->sens_nr || fabs(t->sens_r[ri] - ratio) > 1e-9) {
            if (t->sens_nr == SENS_MAX_R)
                continue;
            memmove(t->sens_r + ri + 1, t->sens_r + ri, sizeof(double) * (size_t)(t->sens_nr - ri));
            for (int j = 0; j < t->nsens; j++) {
                memmove(t->sens[j].loss + ri + 1, t->sens[j].loss + ri, sizeof(double) * (size_t)(t->sens_nr - ri));
                memmove(t->sens[j].id + ri + 1, t->sens[j].id + ri, sizeof(int64_t) * (size_t)(t->sens_nr - ri));
                t->sens[j].loss[ri] = NAN;
                t->sens[j].id[ri] = 0;
            }
            t->sens_r[ri] = ratio;
            t->sens_nr++;
        }
        /* the row (site order, then more bits first: fp32 first) */
        int j = 0, key = bits == 0 ? 99 : bits;
        while (j < t->nsens && (t->sens[j].site_index < si ||
                                (t->sens[j].site_index == si && (t->sens[j].bits == 0 ? 99 : t->sens[j].bits) > key)))
            j++;
        if (j == t->nsens || t->sens[j].site_index != si || t->sens[j].bits != bits) {
            sens_row *n = realloc(t->sens, sizeof *n * (size_t)(t->nsens + 1));
            if (!n)
                break;
            t->sens = n;
            memmove(t->sens + j + 1, t->sens + j, sizeof *n * (size_t)(t->nsens - j));
            memset(&t->sens[j], 0, sizeof *n);
            snprintf(t->sens[j].site, sizeof t->sens[j].site, "%s", c[1]);
            t->sens[j].site_index = si;
            t->sens[j].bits = bits;
            for (int k = 0; k < SENS_MAX_R; k++)
                t->sens[j].loss[k] = NAN;
            t->nsens++;
            if (bits >= 0 && bits <= 16 && !bits_seen[bits]++)
                t->sens_nbits++;
        }
        t->sens[j].loss[ri] = atof(c[4]); /* ordered by id: the newest wins */
        t->sens[j].id[ri] = atoll(c[5]);
    }
    dm_table_free(&tb);
    if (t->sens_row >= t->nsens)
        t->sens_row = t->nsens ? t->nsens - 1 : 0;
    if (t->sens_col >= t->sens_nr)
        t->sens_col = t->sens_nr ? t->sens_nr - 1 : 0;
}

static void refresh_views(tui *t)
{
    refresh_info(t);
    refresh_site_k(t);
    refresh_runs(t);
    refresh_pareto(t);
    if (t->view == V_SENS)
        refresh_sens(t);
}

/* Copy the latest snapshot; note finished runs. */
static void poll_snapshot(tui *t)
{
    char note[1400];
    if (dm_session_notice(t->s, note, sizeof note)) /* e.g. the worker held out the text's head to fit on */
        logf_(t, 'i', "%s", note);
    dm_session_snapshot(t->s, &t->snap);
    if (t->snap.run_seq != t->seen_run_seq || t->snap.state != t->seen_state) {
        int ended = t->snap.state == DM_RUN_DONE || t->snap.state == DM_RUN_CANCELLED ||
                    t->snap.state == DM_RUN_FAILED;
        if (ended && t->snap.run_seq != 0) {
            if (t->snap.state == DM_RUN_FAILED)
                logf_(t, 'e', "run failed: %s", t->snap.error);
            else if (t->snap.state == DM_RUN_CANCELLED && (t->user_cancel || t->snap.run_id)) {
                char done[32], total[32];
                fmt_count(done, sizeof done, t->snap.done);
                fmt_count(total, sizeof total, t->snap.total);
                if (t->snap.run_id)
                    logf_(t, 'i', "run #%lld cancelled after %s of %s: stored as cancelled (partial figures)",
                          (long long)t->snap.run_id, done, total);
                else
                    logf_(t, 'i', "run %s", t->snap.phase);
            } else if (t->snap.state == DM_RUN_DONE) {
                char sp[64] = "";
                if (isfinite(t->snap.speedup))
                    snprintf(sp, sizeof sp, ", speedup %.2f%s", t->snap.speedup, t->g->times);
                if (t->snap.run_id)
                    logf_(t, 'i', "run #%lld saved: %s %.2f (%+.2f%%)%s", (long long)t->snap.run_id,
                          t->snap.metric, t->snap.value, t->snap.delta_pct, sp);
                else
                    logf_(t, 'i', "run done: %s %.2f (%+.2f%%)%s (not stored)", t->snap.metric, t->snap.value,
                          t->snap.delta_pct, sp);
            }
            t->user_cancel = 0;
            refresh_views(t);
        }
        if (t->snap.state == DM_RUN_PREPARING || t->snap.state == DM_RUN_EVAL)
            refresh_info(t); /* the data size is known once the split is read */
        t->seen_run_seq = t->snap.run_seq;
        t->seen_state = t->snap.state;
    }
}

/* ---- rendering ---- */

static int busy_state(dm_run_state s) { return s == DM_RUN_PREPARING || s == DM_RUN_SPEED || s == DM_RUN_EVAL; }

static void render_header(tui *t)
{
    const dm_model_info *m = &t->info;
    char params[32], bytes[32];
    fmt_count(params, sizeof params, m->params);
    fmt_bytes(bytes, sizeof bytes, m->bytes);
    fill_row(t, 0, R_HEADER);
    int left;
    const char *prog = COLS >= 90 ? " dualmod " : "";
    /* whether a dense step's weights stream from memory (the regime the method is for) or sit in cache:
     * measured (dm_model_info.cache_ratio); the long form when the line has room */
    char cache[128] = "";
    if (m->dense_bytes > 0 && m->cache_ratio > 0) {
        char db[32];
        fmt_bytes(db, sizeof db, m->dense_bytes);
        int mem = m->cache_ratio < DM_MEM_BOUND_RATIO;
        snprintf(cache, sizeof cache, " %s dense %s FP32: %s (read at %.1fx the DRAM rate)", t->g->vline, db,
                 mem ? "memory-bound" : "in cache", m->cache_ratio);
        if (dm_u8width(m->name) + dm_u8width(m->arch) + dm_u8width(cache) + 48 > COLS)
            snprintf(cache, sizeof cache, " %s %s", t->g->vline, mem ? "memory-bound" : "in cache");
    }
    /* state at the right */
    char st[64];
    if (t->pending && busy_state(t->snap.state))
        snprintf(st, sizeof st, "%s cancelling ", t->g->bullet);
    else if (busy_state(t->snap.state))
        snprintf(st, sizeof st, "%s %s ", t->g->bullet, dm_run_state_name(t->snap.state));
    else
        snprintf(st, sizeof st, "%s ", dm_run_state_name(t->snap.state));
    int w = dm_u8width(st);
    char lt[1024];
    if (m->name[0]) {
        for (int pass = 0; pass < 2; pass++) { /* the run state matters more than the cache regime: drop that first */
            snprintf(lt, sizeof lt, "%s%s %s %s %s %s %s params %s %s%s", prog, COLS >= 90 ? t->g->vline : "", m->name,
                     t->g->vline, m->arch, t->g->vline, params, t->g->vline, bytes, cache);
            if (dm_u8width(lt) + 1 + w <= COLS || !cache[0])
                break;
            cache[0] = '\0';
        }
    } else {
        snprintf(lt, sizeof lt, " dualmod %s no model loaded (:load MODEL)", t->g->vline);
    }
    left = put_w(t, 0, 0, COLS, R_HEADER, lt);
    if (left + 1 + w <= COLS)
        put_w(t, 0, COLS - w, w, R_HEADER, st);
    char lim[48] = "";
    if (t->want.limit > 0) {
        char c[32];
        fmt_count(c, sizeof c, t->want.limit);
        snprintf(lim, sizeof lim, " %s limit %s", t->g->dash, c);
    }
    const char *data = m->data[0] ? m->data : t->want.split;
    /* the data text counts tokens with plain digits; group them */
    char dbuf[1200];
    snprintf(dbuf, sizeof dbuf, "%s", data);
    char *limited = strstr(dbuf, " (limited)");
    if (limited && lim[0])
        *limited = '\0';
    char *comma = strstr(dbuf, ", ");
    if (comma) {
        long ntok = strtol(comma + 2, NULL, 10);
        char *rest = strchr(comma + 2, ' ');
        if (ntok > 0 && rest) {
            char c[32], tail[200];
            fmt_count(c, sizeof c, ntok);
            snprintf(tail, sizeof tail, "%s", rest);
            snprintf(comma, sizeof dbuf - (size_t)(comma - dbuf), ", %s%s", c, tail);
        }
    }
    /* at 80 columns the limit is dropped when the token count already shows it */
    char line[1600], streams[48] = "";
    if (strcmp(m->item, "token") == 0) /* the quality figures' streams (language models) */
        snprintf(streams, sizeof streams, " %s streams %d", t->g->vline, dm_run_streams(&t->want));
    for (int pass = 0; pass < 2; pass++) {
        snprintf(line, sizeof line, " data %s%s%s %s kernels %s %s threads %d %s store %s", dbuf, pass ? "" : lim,
                 streams, t->g->vline, m->kernels, t->g->vline, m->threads, t->g->vline,
                 t->want.store ? "on" : "off");
        if (dm_u8width(line) <= COLS || !lim[0] || !comma)
            break;
    }
    putf(t, 1, 0, COLS, R_NORMAL, "%s", line);
}

/* A horizontal bar of w cells filled to fraction f (eighths in UTF-8). */
static void draw_bar(const tui *t, int y, int x, int w, double f, enum role fill, enum role empty)
{
    if (w <= 0)
        return;
    if (!(f >= 0))
        f = 0;
    if (f > 1)
        f = 1;
    int eighths = t->g->eighths[0] ? 8 : 1;
    int units = (int)lround(f * w * eighths);
    for (int i = 0; i < w; i++) {
        int u = units - i * eighths;
        if (u >= eighths)
            put_w(t, y, x + i, 1, fill, t->g->full);
        else if (u > 0)
            put_w(t, y, x + i, 1, fill, t->g->eighths[u - 1]);
        else
            put_w(t, y, x + i, 1, empty, t->g->empty);
    }
}

static void render_slider(tui *t, int sl, int y)
{
    const dm_setting_def *d = slider_setting(t, sl);
    slider_geom *g = &t->geom[sl];
    memset(g, 0, sizeof *g);
    g->y = y;
    int focus = t->focus == sl;
    int pend = (t->pending >> d->id) & 1;
    put_w(t, y, 0, 2, focus ? R_FOCUS : R_NORMAL, focus ? t->g->focus : " ");
    char label[32];
    snprintf(label, sizeof label, "%s", sliders[sl].label);
    if (sl == SL_DIM)
        snprintf(label, sizeof label, "%s", t->want.k == 0 ? t->g->eps : "k");
    putf(t, y, 2, 8, focus ? R_FOCUS : R_NORMAL, "%-7s", label);
    int x = 10;
    int right = COLS - 1;
    if (is_choice(d)) {
        char ch[MAX_CHOICES][16];
        int n = choices_of(d, ch, MAX_CHOICES);
        int cur = choice_index(t, d, ch, n);
        g->nch = n;
        for (int i = 0; i < n && x < right; i++) {
            char buf[24];
            if (i == cur)
                snprintf(buf, sizeof buf, "[%s]", ch[i]);
            else
                snprintf(buf, sizeof buf, " %s ", ch[i]);
            g->chx[i] = x;
            g->chw[i] = (int)strlen(buf);
            put_w(t, y, x, right - x, i == cur ? (focus ? R_SEL : R_FOCUS) : R_DIM, buf);
            x += g->chw[i] + 1;
        }
        if (cur < 0) {
            char v[32];
            dm_settings_get(&t->want, d->id, v, sizeof v);
            x += putf(t, y, x, right - x, R_FOCUS, " (%s)", v);
        }
        if (sl == SL_BITS && x + 20 < right && isfinite(t->snap.little_bytes) && t->snap.little_bytes > 0) {
            char b[32], text[96];
            fmt_bytes(b, sizeof b, t->snap.little_bytes);
            snprintf(text, sizeof text, "little module %s", b);
            /* a width between the kernels' containers costs the container's bytes: say so, as long as fits */
            int sb = t->snap.cfg.bits, cb = dm_bits_container(sb);
            if (sb && cb != sb) {
                char v[4][96];
                snprintf(v[0], sizeof v[0], "little module %s (%d bits in %d-bit containers)", b, sb, cb);
                snprintf(v[1], sizeof v[1], "little module %s (%d-bit containers)", b, cb);
                snprintf(v[2], sizeof v[2], "little %s (%d-bit containers)", b, cb);
                snprintf(v[3], sizeof v[3], "little %s, %d-bit size", b, cb);
                for (int i = 3; i >= 0; i--)
                    if (i == 3 || x + 1 + dm_u8width(v[i]) < right)
                        snprintf(text, sizeof text, "%s", v[i]);
            }
            put_w(t, y, x + 1, right - x - 1, R_DIM, text);
        }
    } else {
        double lo, hi;
        slider_range(t, d, &lo, &hi);
        double v = dm_settings_num(&t->want, d->id);
        char val[64];
        if (sliders[sl].percent)
            snprintf(val, sizeof val, "%3.0f%%", 100 * v);
        else if (d->type == DM_ST_INT)
            snprintf(val, sizeof val, "%ld", (long)llround(v));
        else
            snprintf(val, sizeof val, "%.*f", step_decimals(d->step > 0 ? d->step : 0.01), v);
        char extra[96] = "";
        if (sl == SL_DIM && t->want.k == 0) {
            int snap_same = t->snap.cfg.k == 0 && fabs(t->snap.cfg.eps - t->want.eps) < 1e-12 && t->snap.k > 0;
            if (snap_same)
                snprintf(extra, sizeof extra, " %s k %d", t->g->arrow, t->snap.k);
            else
                snprintf(extra, sizeof extra, " %s k ?", t->g->arrow);
        }
        int w = right - x - 28; /* the same width on every slider: value and extra text fit after it */
        if (w > 50)
            w = 50;
        if (w < 8)
            w = 8;
        g->x0 = x;
        g->w = w;
        double f = hi > lo ? (v - lo) / (hi - lo) : 0;
        draw_bar(t, y, x, w, f, focus ? R_FOCUS : R_BAR, R_DIM);
        x += w + 1;
        x += putf(t, y, x, right - x, focus ? R_FOCUS : R_NORMAL, "%5s", val);
        x += put_w(t, y, x, right - x, R_DIM, extra);
    }
    if (pend)
        put_w(t, y, x + 1, right - x - 1, R_DIM, "(pending)");
}

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
/* v with fmt (one double conversion), or `none` when v is not finite */
static void fmt_val(char *out, size_t n, double v, const char *fmt, const char *none)
{
    if (isfinite(v))
        snprintf(out, n, fmt, v);
    else
        snprintf(out, n, "%s", none);
}
#pragma GCC diagnostic pop

/* The live panel: 5 rows from y. */
static void render_live(tui *t, int y)
{
    const dm_snapshot *s = &t->snap;
    const glyphs *g = t->g;
    char v[48], se[48], dv[48], d1[48], d2[48];
    /* label, rate and direction are the metric's (the run's, else the loaded model's) */
    const char *metric = s->metric[0] ? s->metric : t->info.metric[0] ? t->info.metric : "metric";
    const dm_metric_def *md = dm_metric_find(metric);
    fmt_val(v, sizeof v, s->value, "%.2f", g->dash);
    fmt_val(se, sizeof se, s->value_se, "%.2f", g->dash);
    fmt_val(dv, sizeof dv, s->dense_value, "%.2f", g->dash);
    fmt_val(d1, sizeof d1, s->delta, "%+.2f", g->dash);
    fmt_val(d2, sizeof d2, s->delta_pct, "%+.2f%%", g->dash);
    int x = 1;
    x += putf(t, y, x, COLS - x, R_NORMAL, "%-10s ", metric);
    x += putf(t, y, x, COLS - x, R_TITLE, "%s", v);
    if (!md || md->has_se)
        x += putf(t, y, x, COLS - x, R_NORMAL, " %s %s", g->pm, se);
    x += putf(t, y, x, COLS - x, R_DIM, "   dense ");
    x += putf(t, y, x, COLS - x, R_NORMAL, "%s", dv);
    x += putf(t, y, x, COLS - x, R_DIM, "   %s ", g->delta);
    /* more than 5% worse than dense is bad, whichever way the metric goes */
    enum role dr = isfinite(s->delta_pct) ? (dm_metric_loss_pct(metric, s->delta_pct) > 5 ? R_BAD : R_GOOD) : R_NORMAL;
    putf(t, y, x, COLS - x, dr, "%s (%s)", d1, d2);

    char kl[32], top1[32], ach[32];
    fmt_val(kl, sizeof kl, s->kld, "%.4f", g->dash);
    fmt_val(top1, sizeof top1, 100 * s->top1_agree, "%.1f%%", g->dash);
    fmt_val(ach, sizeof ach, 100 * s->ratio_achieved, "%.1f%%", g->dash);
    if (md && strcmp(md->key, "bleu") == 0) /* a translator: sentences translated as the dense model does */
        putf(t, y + 1, 1, COLS - 1, R_NORMAL, "%-10s %-8s  of the sentences   achieved ratio %-6s (target %.0f%%)",
             "identical", top1, ach, 100 * s->cfg.ratio);
    else
        putf(t, y + 1, 1, COLS - 1, R_NORMAL, "%-10s %-8s  top-1 agree %-7s  achieved ratio %-6s (target %.0f%%)",
             "KL", kl, top1, ach, 100 * s->cfg.ratio);

    /* progress */
    char done[32], total[32], rate[48], eta[32];
    fmt_count(done, sizeof done, s->done);
    fmt_count(total, sizeof total, s->total);
    char rate_fmt[48];
    /* the first run's fit (a pass of the model over the training data) has a bar of its own: its items */
    int fitting = s->state == DM_RUN_PREPARING && s->fitting;
    if (fitting)
        snprintf(rate_fmt, sizeof rate_fmt, "%%.0f %ss/s", s->fit_item);
    else
        snprintf(rate_fmt, sizeof rate_fmt, "%%.0f %s", md ? md->rate : "items/s");
    fmt_val(rate, sizeof rate, s->items_per_s, rate_fmt, g->dash);
    if (s->state == DM_RUN_EVAL || fitting)
        fmt_secs(eta, sizeof eta, s->eta_s);
    else
        snprintf(eta, sizeof eta, "%s", g->dash);
    char tail[200];
    snprintf(tail, sizeof tail, " %s%s/%s  %s  ETA %s", fitting ? "fit " : "", done, total, rate, eta);
    int bw = COLS - 2 - dm_u8width(tail) - 2;
    if (bw > 60)
        bw = 60;
    if (bw < 10)
        bw = 10;
    double f = s->total > 0 ? (double)s->done / (double)s->total : 0;
    put_w(t, y + 2, 1, 1, R_DIM, "[");
    draw_bar(t, y + 2, 2, bw, f, s->state == DM_RUN_DONE ? R_GOOD : R_BAR, R_DIM);
    put_w(t, y + 2, 2 + bw, 1, R_DIM, "]");
    put_w(t, y + 2, 3 + bw, COLS - 3 - bw, R_NORMAL, tail);

    /* measured speed */
    char sp[160];
    if (isfinite(s->speedup))
        snprintf(sp, sizeof sp, "%.2f%s [%.2f%s%.2f] %d pairs", s->speedup, g->times, s->speedup_min, g->dash,
                 s->speedup_max, s->pairs);
    else
        snprintf(sp, sizeof sp, "%s", s->state == DM_RUN_SPEED ? "timing" : g->dash);
    char e2e[32], br[32], lim[32];
    fmt_val(e2e, sizeof e2e, s->speedup_e2e, "%.2f", g->dash);
    /* a classifier's convolutions re-read their weights from cache at every position: operations, not
     * bytes, are what dual-module inference saves there (the LM keeps its bytes figure) */
    int macs = strcmp(t->info.metric, "perplexity") != 0 && isfinite(s->mac_ratio);
    fmt_val(br, sizeof br, macs ? s->mac_ratio : s->bytes_ratio, "%.2f", g->dash);
    fmt_val(lim, sizeof lim, s->speed_limit, "%.2f", g->dash);
    x = 1;
    x += putf(t, y + 3, x, COLS - x, R_NORMAL, "%-10s ", "speedup");
    x += put_w(t, y + 3, x, COLS - x, R_TITLE, sp);
    putf(t, y + 3, x, COLS - x, R_NORMAL, "  e2e %s%s  %s %s%s  limit %s%s", e2e, isfinite(s->speedup_e2e) ? g->times : "",
         macs ? "MACs" : "bytes", br, isfinite(macs ? s->mac_ratio : s->bytes_ratio) ? g->times : "", lim,
         isfinite(s->speed_limit) ? g->times : "");

    /* state */
    x = 1;
    enum role sr = s->state == DM_RUN_FAILED ? R_BAD : busy_state(s->state) ? R_FOCUS : R_DIM;
    if (s->state == DM_RUN_FAILED) { /* the whole message is in the message area below, wrapped */
        char fl[sizeof s->error + 32];
        snprintf(fl, sizeof fl, "%s failed: %s", g->bullet, s->error);
        if (dm_u8width(fl) > COLS - x) {
            put_w(t, y + 4, x, COLS - x - 2, sr, fl);
            put_w(t, y + 4, COLS - 2, 1, sr, t->utf8 ? g->ellipsis : ">");
        } else
            put_w(t, y + 4, x, COLS - x, sr, fl);
    } else {
        char idbuf[48] = "";
        if (s->run_id)
            snprintf(idbuf, sizeof idbuf, "  saved as run #%lld", (long long)s->run_id);
        char el[32];
        fmt_secs(el, sizeof el, s->elapsed_s);
        if (s->state == DM_RUN_IDLE)
            putf(t, y + 4, x, COLS - x, sr, "%s idle %s %s", g->bullet, g->dash,
                 holding(t) ? "press Enter to run (--no-start: the sliders wait for it)"
                            : "press Enter to run, or move a slider");
        else
            putf(t, y + 4, x, COLS - x, sr, "%s %s%s%s", g->bullet, s->phase,
                 s->state == DM_RUN_DONE && s->elapsed_s > 0 ? " in " : "", s->state == DM_RUN_DONE && s->elapsed_s > 0 ? el : "");
        if (idbuf[0]) {
            int w = dm_u8width(idbuf);
            put_w(t, y + 4, COLS - w - 1, w, R_DIM, idbuf);
        }
    }
}

/* Per-layer achieved ratio and per-gate bars: one row per layer. */
static void render_layers(tui *t, int y, int rows)
{
    const dm_snapshot *s = &t->snap;
    int nl = s->nlayers > 0 ? s->nlayers : t->info.nlayers;
    int ng = s->ngates > 0 ? s->ngates : t->info.ngates;
    if (nl > DM_SNAP_LAYERS)
        nl = DM_SNAP_LAYERS;
    if (ng > DM_SNAP_GATES)
        ng = DM_SNAP_GATES;
    int audit = s->cfg.audit;
    if (s->nlayers == 0) {
        put_w(t, y, 1, COLS - 1, R_DIM, "no figures yet");
        return;
    }
    for (int l = 0; l < nl && l < rows; l++) {
        int x = 1;
        char lr[16];
        fmt_val(lr, sizeof lr, 100 * s->layer_ratio[l], "%5.1f%%", "    -");
        /* a site's own name unless it is the language model's l<i> */
        const char *sn = t->info.site_name[l];
        char lname[16];
        snprintf(lname, sizeof lname, "l%d", l);
        if (sn[0] && strcmp(sn, lname) != 0)
            x += putf(t, y + l, x, COLS - x, R_NORMAL, "%-15.15s %s ", sn, lr);
        else
            x += putf(t, y + l, x, COLS - x, R_NORMAL, "L%d %s ", l, lr);
        int tailw = audit ? 15 : 0;
        int per = ng > 0 ? (COLS - x - tailw - 1) / ng : 0;
        int bw = per - 8;
        if (bw > 16)
            bw = 16;
        if (bw < 3)
            bw = 3;
        for (int gi = 0; gi < ng; gi++) {
            const char *gn = s->gate_name[gi][0] ? s->gate_name[gi] : "?";
            x += putf(t, y + l, x, COLS - x, R_DIM, " %s ", gn);
            draw_bar(t, y + l, x, bw, s->gate_ratio[l][gi], R_BAR, R_DIM);
            x += bw;
            char gr[16];
            fmt_val(gr, sizeof gr, 100 * s->gate_ratio[l][gi], "%3.0f%%", "  -");
            x += putf(t, y + l, x, COLS - x, R_NORMAL, " %s", gr);
        }
        if (audit) {
            char rc[16];
            fmt_val(rc, sizeof rc, 100 * s->recall[l], "%.1f%%", "-");
            putf(t, y + l, x, COLS - x, R_TITLE, "  recall %s", rc);
        }
    }
}

/* Per-site mode: a header and one row per site from y, at most rows rows
 * (the list scrolls with the selection): requested ratio (bar and value,
 * or "(global 50%)"), achieved ratio of the last run, bits, k. */
static void render_sites(tui *t, int y, int rows)
{
    int ns = n_rows(t);
    t->site_y0 = y + 1;
    t->site_rows = 0;
    if (ns == 0) {
        put_w(t, y, 1, COLS - 1, R_DIM, "no model loaded: the sites are the loaded model's (:load MODEL)");
        return;
    }
    if (t->site_sel >= ns)
        t->site_sel = ns - 1;
    if (t->site_sel < 0)
        t->site_sel = 0;
    int vis = rows - 1;
    if (vis < 1)
        vis = 1;
    if (t->site_sel < t->site_top)
        t->site_top = t->site_sel;
    if (t->site_sel >= t->site_top + vis)
        t->site_top = t->site_sel - vis + 1;
    if (t->site_top > ns - vis)
        t->site_top = ns - vis;
    if (t->site_top < 0)
        t->site_top = 0;
    int nw = 4;
    for (int i = 0; i < ns; i++) {
        int gi;
        char nm[64];
        row_of(t, i, &gi, nm, sizeof nm);
        if (dm_u8width(nm) > nw)
            nw = dm_u8width(nm);
    }
    if (groups_on(t) && nw < 5) /* "group" */
        nw = 5;
    if (nw > 16)
        nw = 16;
    /* site, bar, requested (14: "(global 100%)"), achieved (9), bits (12), k (10) */
    int bx = 2 + nw + 1;
    int bw = COLS - bx - 1 - 14 - 9 - 12 - 10 - 1;
    if (bw > 30)
        bw = 30;
    if (bw < 4)
        bw = 4;
    int xr = bx + bw + 1, xa = xr + 14, xb = xa + 9, xk = xb + 12;
    t->site_bx = bx;
    t->site_bw = bw;
    fill_row(t, y, R_HEADER);
    put_w(t, y, 2, nw, R_HEADER, groups_on(t) ? "group" : "site");
    put_w(t, y, bx, COLS - bx, R_HEADER, "ratio");
    put_w(t, y, xr, COLS - xr, R_HEADER, "requested");
    put_w(t, y, xa, COLS - xa, R_HEADER, "achieved");
    put_w(t, y, xb, COLS - xb, R_HEADER, "bits");
    put_w(t, y, xk, COLS - xk, R_HEADER, "k");
    const dm_setting_def *rd = &dm_settings_table[DM_S_RATIO];
    for (int r = 0; r < vis && t->site_top + r < ns; r++) {
        int row = t->site_top + r, yy = y + 1 + r, gi;
        char rname[64];
        int i = row_of(t, row, &gi, rname, sizeof rname);
        const char *site = t->info.site_name[i];
        int sel = row == t->site_sel;
        t->site_rows = r + 1;
        put_w(t, yy, 0, 2, sel ? R_FOCUS : R_NORMAL, sel ? t->g->focus : " ");
        putf(t, yy, 2, nw, sel ? R_FOCUS : R_NORMAL, "%s", rname);
        if (gi >= 0) { /* a gate group: its own ratio, its site's, or the global one; bits and k are its site's */
            int e = group_entry(&t->want, site, rname), es = site_entry(&t->want, DM_S_RATIO, site);
            double v = e >= 0 ? t->want.knobs[e].value : es >= 0 ? t->want.knobs[es].value : t->want.ratio;
            char val[32];
            snprintf(val, sizeof val, e >= 0 ? "%.0f%%" : es >= 0 ? "(site %.0f%%)" : "(global %.0f%%)", 100 * v);
            const dm_setting_def *rd0 = &dm_settings_table[DM_S_RATIO];
            draw_bar(t, yy, bx, bw, rd0->hi > rd0->lo ? (v - rd0->lo) / (rd0->hi - rd0->lo) : 0,
                     e >= 0 ? (sel && t->site_col == 0 ? R_FOCUS : R_BAR) : R_DIM, R_DIM);
            put_w(t, yy, xr, 13, sel && t->site_col == 0 ? R_SEL : e >= 0 ? (sel ? R_FOCUS : R_NORMAL) : R_DIM, val);
            put_w(t, yy, xb, 11, R_DIM, "(site)");
            put_w(t, yy, xk, COLS - xk, R_DIM, "(site)");
            char ach[16];
            fmt_val(ach, sizeof ach,
                    t->snap.nlayers > i && t->snap.ngates > gi ? 100 * t->snap.gate_ratio[i][gi] : NAN, "%5.1f%%",
                    "    -");
            put_w(t, yy, xa, 8, R_NORMAL, ach);
            continue;
        }
        for (int c = 0; c < 3; c++) {
            int id = site_knob_ids[c];
            int e = site_entry(&t->want, id, site);
            double v = e >= 0 ? t->want.knobs[e].value : global_knob(t, id, i);
            char val[32];
            if (id == DM_S_RATIO)
                snprintf(val, sizeof val, e >= 0 ? "%.0f%%" : "(global %.0f%%)", 100 * v);
            else if (id == DM_S_BITS && v == 0)
                snprintf(val, sizeof val, e >= 0 ? "fp32" : "(fp32)");
            else if (v < 0) /* eps: k not resolved yet */
                snprintf(val, sizeof val, "(%s %s)", t->g->eps, "?");
            else
                snprintf(val, sizeof val, e >= 0 ? "%.0f" : "(%.0f)", v);
            enum role role = sel && c == t->site_col ? R_SEL : e >= 0 ? (sel ? R_FOCUS : R_NORMAL) : R_DIM;
            int x = c == 0 ? xr : c == 1 ? xb : xk;
            if (c == 0) {
                double lo = rd->lo, hi = rd->hi;
                draw_bar(t, yy, bx, bw, hi > lo ? (v - lo) / (hi - lo) : 0,
                         e >= 0 ? (sel && t->site_col == 0 ? R_FOCUS : R_BAR) : R_DIM, R_DIM);
            }
            put_w(t, yy, x, c == 2 ? COLS - x : c == 0 ? 13 : 11, role, val);
        }
        /* the achieved ratio of the last run beside the requested one */
        char ach[16];
        fmt_val(ach, sizeof ach, t->snap.nlayers > i ? 100 * t->snap.layer_ratio[i] : NAN, "%5.1f%%", "    -");
        put_w(t, yy, xa, 8, R_NORMAL, ach);
    }
}

/* ---- tables (runs) ---- */

static int is_number(const char *s, double *v)
{
    if (!s || !*s)
        return 0;
    char *e;
    *v = strtod(s, &e);
    return *e == '\0';
}

static void fmt_cell(const dm_table *tb, int col, const char *raw, char *out, size_t n)
{
    double v;
    const char *name = tb->cols[col];
    if (!raw) {
        snprintf(out, n, "%s", "");
        return;
    }
    if (strcmp(name, "created") == 0 && strlen(raw) >= 16) {
        snprintf(out, n, "%.5s %.5s", raw + 5, raw + 11);
        return;
    }
    if (strchr(raw, '.') && is_number(raw, &v)) {
        if (strcmp(name, "delta_pct") == 0)
            snprintf(out, n, "%+.2f", v);
        else if (fabs(v) >= 100)
            snprintf(out, n, "%.1f", v);
        else if (fabs(v) >= 1)
            snprintf(out, n, "%.2f", v);
        else
            snprintf(out, n, "%.3g", v);
        return;
    }
    snprintf(out, n, "%s", raw);
}

/* A column's header as a human reads it (dm_table_head), e.g. "dense" over dense_value. */
static const char *col_head(const dm_table *tb, int c) { return tb->heads && tb->heads[c] ? tb->heads[c] : tb->cols[c]; }

static int col_width(const tui *t, const dm_table *tb, int c, int r0, int r1)
{
    int w = dm_u8width(col_head(tb, c)) + 1;
    for (int r = r0; r < r1 && r < tb->nrow; r++) {
        char buf[256];
        fmt_cell(tb, c, dm_table_get(tb, r, c), buf, sizeof buf);
        int cw = dm_u8width(buf);
        if (cw > w)
            w = cw;
    }
    int cap = strcmp(tb->cols[c], "note") == 0 ? 24 : 14;
    (void)t;
    return w > cap ? cap : w;
}

static int64_t row_id(const dm_table *tb, int r)
{
    const char *v = tb->nrow > r ? dm_table_get(tb, r, 0) : NULL;
    return v ? atoll(v) : 0;
}

static const char *cell(const dm_table *tb, int r, const char *col)
{
    int c = dm_table_find_col(tb, col);
    const char *v = c >= 0 ? dm_table_get(tb, r, c) : NULL;
    return v ? v : "";
}

/* Does row r hold the knobs the sliders show (ratio, bits, k, mode, split)? */
static int row_is_current(const tui *t, int r)
{
    const dm_table *tb = &t->runs;
    const dm_settings *w = &t->want;
    int k = w->k;
    if (k == 0) /* eps: the k it resolved to in the last run with this eps */
        k = t->snap.cfg.k == 0 && t->snap.cfg.eps == w->eps ? t->snap.k : -1;
    char mode[32];
    dm_settings_get(w, DM_S_MODE, mode, sizeof mode);
    if (!(fabs(atof(cell(tb, r, "ratio")) - w->ratio) < 1e-9 && atoi(cell(tb, r, "bits")) == w->bits &&
          atoi(cell(tb, r, "k")) == k && strcmp(cell(tb, r, "mode"), mode) == 0 &&
          strcmp(cell(tb, r, "split"), w->split) == 0))
        return 0;
    /* the per-site knobs as the run store writes them (site_knobs: "l0:ratio=0.55;l1:bits=6", the sites
     * in order, only what differs from the global value) */
    char sk[1024];
    size_t len = 0;
    sk[0] = '\0';
    for (int i = 0; i < n_sites(t) && len < sizeof sk; i++) {
        const char *site = t->info.site_name[i];
        char part[160];
        int pl = 0, e;
        if ((e = site_entry(w, DM_S_RATIO, site)) >= 0 && w->knobs[e].value != w->ratio)
            pl += snprintf(part + pl, sizeof part - (size_t)pl, "ratio=%.15g", w->knobs[e].value);
        if ((e = site_entry(w, DM_S_BITS, site)) >= 0 && (int)w->knobs[e].value != w->bits)
            pl += snprintf(part + pl, sizeof part - (size_t)pl, "%sbits=%d", pl ? "," : "", (int)w->knobs[e].value);
        if ((e = site_entry(w, DM_S_K, site)) >= 0 && (int)w->knobs[e].value != k)
            pl += snprintf(part + pl, sizeof part - (size_t)pl, "%sk=%d", pl ? "," : "", (int)w->knobs[e].value);
        if (pl)
            len += (size_t)snprintf(sk + len, sizeof sk - len, "%s%s:%s", len ? ";" : "", site, part);
        /* its gate groups with a ratio of their own, other than the site's */
        double sr = (e = site_entry(w, DM_S_RATIO, site)) >= 0 ? w->knobs[e].value : w->ratio;
        for (int g = 0; t->info.ngates > 1 && g < t->info.ngates && g < DM_SNAP_GATES && len < sizeof sk; g++) {
            char gname[64];
            snprintf(gname, sizeof gname, "%s.%s", site, t->info.gate_name[g]);
            if ((e = group_entry(w, site, gname)) >= 0 && w->knobs[e].value != sr)
                len += (size_t)snprintf(sk + len, sizeof sk - len, "%s%s:ratio=%.15g", len ? ";" : "", gname,
                                        w->knobs[e].value);
        }
    }
    const char *id = cell(tb, r, "id"), *rk = "";
    if (!t->run_knobs_ok)
        return 0;
    for (int i = 0; i < t->run_knobs.nrow; i++) {
        const char *v = dm_table_get(&t->run_knobs, i, 0);
        if (v && strcmp(v, id) == 0) {
            rk = dm_table_get(&t->run_knobs, i, 1) ? dm_table_get(&t->run_knobs, i, 1) : "";
            break;
        }
    }
    return strcmp(rk, sk) == 0;
}

/* The columns of the runs table by importance (what an 80-column screen
 * keeps: the status, so that a cancelled partial run does not look
 * finished, the quality change and the speedup before the rest). */
static int col_prio(const char *name)
{
    static const char *const order[] = {"id",    "status",      "ratio", "delta_pct", "speedup", "bits",
                                        "k",     "value",       "mode",  "ratio_achieved", "kld", "top1_agree",
                                        "dense_value", "bytes_ratio", "split", "created",   "note"};
    for (size_t i = 0; i < sizeof order / sizeof order[0]; i++)
        if (strcmp(name, order[i]) == 0)
            return (int)i;
    return 100;
}

/* The columns to draw (in table order) that fit in COLS with the widths of
 * rows [r0, r1): among `only` (NULL: all but model), the most important
 * first while they fit; the id and column `keep` (the sort column, or -1)
 * always. *hidden gets the number left out. */
static int fit_cols(tui *t, int *cols, int max, int r0, int r1, int keep, const char *const *only, int nonly,
                    int *hidden)
{
    const dm_table *tb = &t->runs;
    int n = 0, w[64], prio[64], take[64];
    for (int c = 0; c < tb->ncol && n < max && n < 64; c++) {
        int in = 0;
        if (!only)
            in = strcmp(tb->cols[c], "model") != 0;
        for (int i = 0; only && i < nonly; i++)
            in |= strcmp(tb->cols[c], only[i]) == 0;
        if (in) {
            w[n] = col_width(t, tb, c, r0, r1) + 1;
            prio[n] = n == 0 || c == keep ? -1 : col_prio(tb->cols[c]);
            take[n] = 0;
            cols[n++] = c;
        }
    }
    int sum = 3;
    for (int p = -1; p <= 100; p++)
        for (int i = 0; i < n; i++)
            if (prio[i] == p && (sum + w[i] <= COLS || p < 0)) {
                take[i] = 1;
                sum += w[i];
            }
    int m = 0;
    for (int i = 0; i < n; i++)
        if (take[i])
            cols[m++] = cols[i];
    *hidden = n - m;
    return m;
}

/* Draw rows [top, top+h) of the runs table at y with the given columns
 * (NULL = all, scrolled so that column `keep` is visible). */
static void draw_table(tui *t, int y, int h, const int *cols, int ncols, int top, int sel, int keep)
{
    const dm_table *tb = &t->runs;
    int all[64];
    if (!cols) {
        ncols = 0;
        for (int c = 0; c < tb->ncol && c < 64; c++)
            if (strcmp(tb->cols[c], "model") != 0)
                all[ncols++] = c;
        cols = all;
    }
    int w[64];
    for (int i = 0; i < ncols; i++)
        w[i] = col_width(t, tb, cols[i], top, top + h - 1);
    /* horizontal scroll: the first column (id) stays; start where `keep` fits */
    int start = 1;
    if (keep >= 0) {
        int ki = -1;
        for (int i = 0; i < ncols; i++)
            if (cols[i] == keep)
                ki = i;
        while (ki > start) {
            int sum = 3 + w[0] + 1;
            for (int i = start; i <= ki; i++)
                sum += w[i] + 1;
            if (sum <= COLS)
                break;
            start++;
        }
    }
    /* header */
    int x = 3;
    fill_row(t, y, R_HEADER);
    for (int i = 0; i < ncols && x < COLS; i++) {
        if (i > 0 && i < start)
            continue;
        int c = cols[i];
        char hd[64];
        snprintf(hd, sizeof hd, "%s%s", col_head(tb, c), c == t->sort_col && keep >= 0 ? (t->sort_desc ? t->g->down : t->g->up) : "");
        int num = tb->numeric && tb->numeric[c];
        int hw = dm_u8width(hd);
        int pad = num && hw < w[i] ? w[i] - hw : 0;
        put_w(t, y, x + pad, COLS - x - pad, R_HEADER, hd);
        x += w[i] + 1;
    }
    for (int r = top; r < top + h - 1 && r < tb->nrow; r++) {
        int yy = y + 1 + r - top;
        int64_t id = row_id(tb, r);
        int is_sel = r == sel;
        if (is_sel)
            fill_row(t, yy, R_SEL);
        const char *m0 = row_is_current(t, r) ? t->g->current : " ";
        const char *m1 = (id && (id == t->marked[0] || id == t->marked[1])) ? t->g->mark : " ";
        put_w(t, yy, 0, 1, is_sel ? R_SEL : R_CURRENT, m0);
        put_w(t, yy, 1, 1, is_sel ? R_SEL : R_FOCUS, m1);
        x = 3;
        for (int i = 0; i < ncols && x < COLS; i++) {
            if (i > 0 && i < start)
                continue;
            int c = cols[i];
            char buf[256];
            fmt_cell(tb, c, dm_table_get(tb, r, c), buf, sizeof buf);
            int num = tb->numeric && tb->numeric[c];
            int cw = dm_u8width(buf);
            if (cw > w[i])
                cw = w[i];
            int pad = num ? w[i] - cw : 0;
            enum role role = is_sel ? R_SEL : R_NORMAL;
            if (!is_sel && strcmp(tb->cols[c], "status") == 0 && strcmp(buf, "done") != 0)
                role = R_DIM;
            put_w(t, yy, x + pad, w[i], role, buf);
            x += w[i] + 1;
        }
    }
}

static void render_runs_mini(tui *t, int y, int h)
{
    if (h < 2)
        return;
    if (!t->runs_ok) {
        putf(t, y, 1, COLS - 1, R_DIM, "%s", t->runs_err[0] ? t->runs_err : "no runs");
        return;
    }
    if (t->runs.nrow == 0) {
        put_w(t, y, 1, COLS - 1, R_DIM, "no saved runs of this model yet");
        return;
    }
    static const char *const mini[] = {"id",   "created", "ratio",     "ratio_achieved", "bits",   "k",
                                       "mode", "value",   "delta_pct", "speedup",  "status", "kld"};
    int cols[64], hidden;
    int nc = fit_cols(t, cols, 64, 0, h - 1, -1, mini, (int)(sizeof mini / sizeof mini[0]), &hidden);
    draw_table(t, y, h, cols, nc, 0, -1, -1);
}

static int msg_rows(void) { return LINES >= 40 ? 6 : LINES >= 30 ? 3 : 2; }

/* Where the rows of s wrapped at w columns start (byte offsets, at most
 * max kept); returns the number of rows. A row breaks after its last
 * blank, or at w columns when a word is longer than that. */
static int wrap_offsets(const char *s, int w, int *starts, int max)
{
    size_t len = strlen(s), i = 0;
    int n = 0;
    if (w < 1)
        w = 1;
    for (;;) {
        if (n < max)
            starts[n] = (int)i;
        n++;
        size_t j = i, brk = 0;
        int cols = 0;
        while (j < len && cols < w) {
            if (s[j] == ' ')
                brk = j;
            j++;
            while (j < len && ((unsigned char)s[j] & 0xC0) == 0x80)
                j++;
            cols++;
        }
        if (j >= len)
            break;
        if (s[j] != ' ' && brk > i)
            j = brk + 1;
        while (j < len && s[j] == ' ')
            j++;
        if (j >= len)
            break;
        i = j;
    }
    return n;
}

/* Row k of s wrapped at w columns (starts from wrap_offsets, n rows) at (y, x). */
static void put_row(const tui *t, int y, int x, int w, enum role r, const char *s, const int *starts, int n, int k)
{
    char buf[4096];
    size_t from = (size_t)starts[k], to = k + 1 < n ? (size_t)starts[k + 1] : strlen(s);
    if (to - from >= sizeof buf)
        to = from + sizeof buf - 1;
    memcpy(buf, s + from, to - from);
    buf[to - from] = '\0';
    put_w(t, y, x, w, r, buf);
}

#define WRAP_MAX 256 /* rows of one message drawn at most (the pager); the rest is cut with a note */

static int log_rows(const tui *t, int i, int w)
{
    int n = wrap_offsets(t->log[i].text, w, NULL, 0);
    return n > WRAP_MAX ? WRAP_MAX : n;
}

/* The newest messages, wrapped; when the newest alone does not fit, its
 * start, ending with a pointer to the pager. */
static void render_messages(tui *t, int y, int h)
{
    int w = COLS - 1, used = 0, first = t->nlog;
    /* a newest error taller than the area takes rows above it (up to a quarter of the screen) */
    if (t->nlog > 0 && t->log[t->nlog - 1].kind == 'e') {
        int need = log_rows(t, t->nlog - 1, w), cap = LINES / 4;
        int g = need < cap ? need : cap;
        if (g > h) {
            for (int r = y - (g - h); r < y; r++) {
                move(r, 0);
                clrtoeol();
            }
            y -= g - h;
            h = g;
        }
    }
    while (first > 0 && used + log_rows(t, first - 1, w) <= h) {
        first--;
        used += log_rows(t, first, w);
    }
    if (first == t->nlog && t->nlog > 0) { /* the newest is taller than the area */
        const log_line *l = &t->log[t->nlog - 1];
        int starts[WRAP_MAX];
        int n = wrap_offsets(l->text, w, starts, WRAP_MAX);
        const char *more = t->utf8 ? " … m: all" : " ... m: all";
        int mw = dm_u8width(more);
        for (int k = 0; k < h && k < n; k++)
            put_row(t, y + k, 1, k == h - 1 ? w - mw : w, log_role(l->kind), l->text, starts, n, k);
        put_w(t, y + h - 1, COLS - mw, mw, R_DIM, more);
        return;
    }
    /* an older message that does not fit in whole: its first rows, marked as cut */
    int yy = y;
    if (first > 0 && used < h) {
        const log_line *l = &t->log[first - 1];
        int starts[WRAP_MAX];
        int n = wrap_offsets(l->text, w, starts, WRAP_MAX);
        if (n > WRAP_MAX)
            n = WRAP_MAX;
        for (int k = 0; k < h - used && k < n; k++)
            put_row(t, yy++, 1, k == h - used - 1 ? w - 2 : w, log_role(l->kind), l->text, starts, n, k);
        put_w(t, yy - 1, COLS - 1, 1, R_DIM, t->utf8 ? t->g->ellipsis : ">");
    }
    for (int i = first; i < t->nlog && yy < y + h; i++) {
        const log_line *l = &t->log[i];
        int starts[WRAP_MAX];
        int n = wrap_offsets(l->text, w, starts, WRAP_MAX);
        if (n > WRAP_MAX)
            n = WRAP_MAX;
        for (int k = 0; k < n && yy < y + h; k++)
            put_row(t, yy++, 1, w, log_role(l->kind), l->text, starts, n, k);
    }
}

static void render_main(tui *t)
{
    render_header(t);
    int y = 2;
    int bottom = LINES - 1 - msg_rows(); /* first row of the messages */
    if (t->per_site) {
        /* the site list takes the room the sliders and the per-layer bars had; the live panel stays */
        int ns = n_rows(t), rows = 1 + ns;
        if (rows > bottom - y - 7) /* the title, the live title and 5 live rows */
            rows = bottom - y - 7;
        const char *what = groups_on(t) ? "per-gate-group ratios" : "per-site knobs";
        char title[128];
        snprintf(title, sizeof title, "%s (g: global sliders, Tab: knob, d/D: default)", what);
        if (ns > rows - 1 && rows > 1) { /* the list scrolls: which sites it shows */
            int top = t->site_sel < t->site_top ? t->site_sel
                      : t->site_sel >= t->site_top + rows - 1 ? t->site_sel - rows + 2 : t->site_top;
            if (top > ns - (rows - 1))
                top = ns - (rows - 1);
            snprintf(title, sizeof title, "%s %d-%d of %d (g: global sliders, Tab: knob, d/D: default)", what,
                     top + 1, top + rows - 1, ns);
        }
        section(t, y++, title);
        render_sites(t, y, rows);
        y += rows;
        section(t, y++, "live");
        render_live(t, y);
        y += 5;
        if (bottom - y >= 3) {
            section(t, y++, "recent runs (r: all)");
            render_runs_mini(t, y, bottom - y);
        }
        render_messages(t, LINES - 1 - msg_rows(), msg_rows());
        return;
    }
    t->site_rows = 0;
    section(t, y++, "settings (g: per site)");
    for (int sl = 0; sl < SL_COUNT; sl++)
        render_slider(t, sl, y++);
    section(t, y++, "live");
    render_live(t, y);
    y += 5;
    int nl = t->snap.nlayers > 0 ? t->snap.nlayers : t->info.nlayers;
    if (nl > DM_SNAP_LAYERS)
        nl = DM_SNAP_LAYERS;
    if (nl > 0 && y + 1 + nl <= bottom) {
        section(t, y++, t->snap.cfg.audit ? "achieved ratio per layer / gate, mask recall (S: sensitivity)"
                                          : "achieved ratio per layer / gate (S: sensitivity)");
        render_layers(t, y, nl);
        y += nl;
    }
    if (bottom - y >= 3) {
        section(t, y++, "recent runs (r: all)");
        render_runs_mini(t, y, bottom - y);
    }
    render_messages(t, LINES - 1 - msg_rows(), msg_rows());
}

static void render_runs(tui *t)
{
    render_header(t);
    int y = 3, h = LINES - 1 - msg_rows() - y;
    int cols[64], nc = 0, hidden = 0;
    if (t->runs_ok) {
        int rows = h - 1;
        if (t->runs_sel < t->runs_top)
            t->runs_top = t->runs_sel;
        if (t->runs_sel >= t->runs_top + rows)
            t->runs_top = t->runs_sel - rows + 1;
        if (t->runs_top < 0)
            t->runs_top = 0;
        /* what does not fit waits for Left/Right (the sort column is always shown) or Enter (the whole run) */
        nc = fit_cols(t, cols, 64, t->runs_top, t->runs_top + rows, t->sort_col, NULL, 0, &hidden);
    }
    char title[1400], more[64] = "";
    if (hidden)
        snprintf(more, sizeof more, " (%d more column%s: Left/Right, Enter)", hidden, hidden > 1 ? "s" : "");
    snprintf(title, sizeof title, "runs of %s%s%s%s", t->info.name[0] ? t->info.name : "?",
             t->filter[0] ? " where " : "", t->filter, more);
    section(t, 2, title);
    if (!t->runs_ok) {
        putf(t, y, 1, COLS - 1, R_BAD, "%s", t->runs_err);
    } else if (t->runs.nrow == 0) {
        draw_table(t, y, 1, cols, nc, 0, -1, t->sort_col);
        put_w(t, y + 1, 1, COLS - 1, R_DIM, t->filter[0] ? "no runs match the filter" : "no saved runs of this model yet");
    } else
        draw_table(t, y, h, cols, nc, t->runs_top, t->runs_sel, t->sort_col);
    render_messages(t, LINES - 1 - msg_rows(), msg_rows());
}

/* ---- sensitivity view ---- */

static void render_sens(tui *t)
{
    render_header(t);
    char title[1400];
    snprintf(title, sizeof title, "sensitivity of %s on %s: quality loss %% with one site dual-moduled",
             t->info.name[0] ? t->info.name : "?", t->want.split);
    section(t, 2, title);
    int y = 3, bottom = LINES - 1 - msg_rows();
    if (command_running() && !t->dumping) {
        /* a `sensitivity` (or any command) in its thread: what it is measuring now */
        char done[32], total[32];
        fmt_count(done, sizeof done, t->snap.done);
        fmt_count(total, sizeof total, t->snap.total);
        char knob[96] = "";
        for (int i = 0; i < t->snap.cfg.nknobs; i++)
            if (t->snap.cfg.knobs[i].knob == DM_S_RATIO && t->snap.cfg.knobs[i].value > 0)
                snprintf(knob, sizeof knob, "%s at %.0f%%, ", t->snap.cfg.knobs[i].site,
                         100 * t->snap.cfg.knobs[i].value);
        if (t->snap.state == DM_RUN_EVAL)
            putf(t, y++, 1, COLS - 1, R_FOCUS, "%s running: %s%s/%s %s c cancels; the table fills in at the end",
                 t->g->bullet, knob, done, total, t->g->dash);
        else
            putf(t, y++, 1, COLS - 1, R_FOCUS, "%s running: %s%s %s c cancels; the table fills in at the end",
                 t->g->bullet, knob, busy_state(t->snap.state) ? t->snap.phase : "", t->g->dash);
    }
    if (!t->sens_ok && t->sens_err[0]) {
        putf(t, y, 1, COLS - 1, R_BAD, "%s", t->sens_err);
        render_messages(t, bottom, msg_rows());
        return;
    }
    if (t->nsens == 0) {
        if (command_running() && !t->dumping) {
            render_messages(t, bottom, msg_rows());
            return;
        }
        put_w(t, y++, 1, COLS - 1, R_DIM, "no sensitivity runs of this model on this split yet.");
        put_w(t, y++, 1, COLS - 1, R_NORMAL, "Run :sensitivity (n opens the prompt), e.g.");
        put_w(t, y++, 3, COLS - 3, R_CMD, ":sensitivity ratio 0.3:0.9:0.2");
        put_w(t, y++, 1, COLS - 1, R_DIM, "It dual-modules each site alone over the ratios (bits VALUES and");
        put_w(t, y++, 1, COLS - 1, R_DIM, "sites PATTERN narrow it) and stores every configuration as a run.");
        render_messages(t, bottom, msg_rows());
        return;
    }
    int nw = 4;
    for (int j = 0; j < t->nsens; j++) {
        int w = dm_u8width(t->sens[j].site) + (t->sens_nbits > 1 ? 5 : 0);
        if (w > nw)
            nw = w;
    }
    if (nw > 20)
        nw = 20;
    int cw = 8, x0 = 2 + nw + 1;
    int fit = (COLS - x0) / cw;
    if (fit < 1)
        fit = 1;
    if (t->sens_col < t->sens_left)
        t->sens_left = t->sens_col;
    if (t->sens_col >= t->sens_left + fit)
        t->sens_left = t->sens_col - fit + 1;
    if (t->sens_left > t->sens_nr - fit)
        t->sens_left = t->sens_nr - fit;
    if (t->sens_left < 0)
        t->sens_left = 0;
    fill_row(t, y, R_HEADER);
    put_w(t, y, 2, nw, R_HEADER, t->sens_left > 0 ? t->g->ellipsis : "site");
    for (int c = t->sens_left; c < t->sens_nr && c < t->sens_left + fit; c++)
        putf(t, y, x0 + (c - t->sens_left) * cw, cw, R_HEADER, "%*.0f%%", cw - 2, 100 * t->sens_r[c]);
    if (t->sens_left + fit < t->sens_nr)
        put_w(t, y, COLS - 1, 1, R_HEADER, t->g->ellipsis);
    y++;
    int rows = bottom - y - 1; /* a line for the selected cell */
    if (rows < 1)
        rows = 1;
    if (t->sens_row < t->sens_top)
        t->sens_top = t->sens_row;
    if (t->sens_row >= t->sens_top + rows)
        t->sens_top = t->sens_row - rows + 1;
    if (t->sens_top > t->nsens - rows)
        t->sens_top = t->nsens - rows;
    if (t->sens_top < 0)
        t->sens_top = 0;
    for (int r = 0; r < rows && t->sens_top + r < t->nsens; r++) {
        const sens_row *sr = &t->sens[t->sens_top + r];
        int sel = t->sens_top + r == t->sens_row, yy = y + r;
        char name[64];
        if (t->sens_nbits > 1) {
            char b[8] = "fp32";
            if (sr->bits)
                snprintf(b, sizeof b, "%db", sr->bits);
            snprintf(name, sizeof name, "%s %s", sr->site, b);
        } else
            snprintf(name, sizeof name, "%s", sr->site);
        put_w(t, yy, 0, 2, sel ? R_FOCUS : R_NORMAL, sel ? t->g->focus : " ");
        put_w(t, yy, 2, nw, sel ? R_FOCUS : R_NORMAL, name);
        for (int c = t->sens_left; c < t->sens_nr && c < t->sens_left + fit; c++) {
            double v = sr->loss[c];
            char buf[32];
            fmt_val(buf, sizeof buf, v, "%+.2f", t->g->dash);
            enum role role = !isfinite(v) ? R_DIM : v > 5 ? R_BAD : v <= 1 ? R_GOOD : R_NORMAL;
            if (sel && c == t->sens_col)
                role = R_SEL;
            int bw = dm_u8width(buf);
            put_w(t, yy, x0 + (c - t->sens_left) * cw + (cw - 1 - bw), bw, role, buf);
        }
    }
    y += rows;
    /* the selected cell */
    if (t->sens_row < t->nsens && t->sens_col < t->sens_nr) {
        const sens_row *sr = &t->sens[t->sens_row];
        char bits[16] = "";
        if (t->sens_nbits > 1 && sr->bits)
            snprintf(bits, sizeof bits, " at %d bits", sr->bits);
        else if (t->sens_nbits > 1)
            snprintf(bits, sizeof bits, " at fp32");
        if (sr->id[t->sens_col])
            putf(t, y, 1, COLS - 1, R_DIM, "%s%s, ratio %.0f%%: loss %+.2f%% (run #%lld; Enter shows it)", sr->site, bits,
                 100 * t->sens_r[t->sens_col], sr->loss[t->sens_col], (long long)sr->id[t->sens_col]);
        else
            putf(t, y, 1, COLS - 1, R_DIM, "%s%s, ratio %.0f%%: not measured", sr->site, bits,
                 100 * t->sens_r[t->sens_col]);
    }
    render_messages(t, bottom, msg_rows());
}

/* ---- Pareto view ---- */

static void put_cp(const tui *t, int y, int x, enum role r, unsigned cp)
{
    if (y < 0 || y >= LINES || x < 0 || x >= COLS)
        return;
    wchar_t w[2] = {(wchar_t)cp, 0};
    cchar_t cc;
    setcchar(&cc, w, attr(t, r), 0, NULL);
    if (t->color)
        setcchar(&cc, w, roles[r].color_attr, (short)r, NULL);
    mvadd_wch(y, x, &cc);
}

/* The runs listed beside the plot: the front and the current run, by
 * speedup. Fills idx (indices into t->pts; may be NULL) and returns the count. */
static int pareto_list(const tui *t, int *idx)
{
    int n = 0;
    for (int i = 0; i < t->npts; i++) {
        if (!t->pts[i].front && !t->pts[i].current)
            continue;
        if (idx) { /* insertion by speedup, then id */
            int j = n;
            while (j > 0 && (t->pts[idx[j - 1]].speedup > t->pts[i].speedup ||
                             (t->pts[idx[j - 1]].speedup == t->pts[i].speedup && t->pts[idx[j - 1]].id > t->pts[i].id))) {
                idx[j] = idx[j - 1];
                j--;
            }
            idx[j] = i;
        }
        n++;
    }
    return n;
}

static int64_t pareto_selected_id(const tui *t)
{
    int *idx = malloc(sizeof(int) * (size_t)(t->npts + 1));
    int n = idx ? pareto_list(t, idx) : 0;
    int64_t id = t->pareto_sel >= 0 && t->pareto_sel < n ? t->pts[idx[t->pareto_sel]].id : 0;
    free(idx);
    return id;
}

static void render_pareto(tui *t)
{
    render_header(t);
    char title[400];
    if (t->pareto_what[0]) /* the comparison group shown: the current settings' */
        snprintf(title, sizeof title, "Pareto: loss vs speedup of %s", t->pareto_what);
    else
        snprintf(title, sizeof title, "Pareto: quality loss vs measured speedup (this model)");
    section(t, 2, title);
    int top = 3, bottom = LINES - 1 - msg_rows(); /* rows [top, bottom) */
    if (!t->pareto_ok) {
        putf(t, top, 1, COLS - 1, R_BAD, "%s", t->pareto_err);
        render_messages(t, bottom, msg_rows());
        return;
    }
    if (t->npts == 0) {
        put_w(t, top, 1, COLS - 1, R_DIM, "no completed runs with a measured speedup in this group yet: move a slider, or :sweep");
        render_messages(t, bottom, msg_rows());
        return;
    }
    /* list of the front at the right */
    int listw = COLS >= 100 ? 30 : 27;
    int ylab = 8;
    int px0 = ylab + 1, pw = COLS - listw - px0 - 1;
    int py0 = top, ph = bottom - top - 3; /* plot rows; then axis, labels, legend */
    if (pw < 10 || ph < 3) {
        put_w(t, top, 1, COLS - 1, R_DIM, "terminal too small for the plot");
        return;
    }
    double xmin = 1e300, xmax = -1e300, ymin = 0, ymax = -1e300;
    for (int i = 0; i < t->npts; i++) {
        const dm_pareto_pt *p = &t->pts[i];
        if (!isfinite(p->speedup) || !isfinite(p->loss_pct))
            continue;
        if (p->speedup < xmin)
            xmin = p->speedup;
        if (p->speedup > xmax)
            xmax = p->speedup;
        if (p->loss_pct < ymin)
            ymin = p->loss_pct;
        if (p->loss_pct > ymax)
            ymax = p->loss_pct;
    }
    if (xmin > 1)
        xmin = 1;
    if (xmax < xmin + 0.1)
        xmax = xmin + 0.1;
    if (ymax < ymin + 0.2)
        ymax = ymin + 0.2;
    double xr = xmax - xmin, yr = ymax - ymin;
    xmin -= 0.04 * xr;
    xmax += 0.04 * xr;
    ymax += 0.06 * yr;
    if (ymin < 0)
        ymin -= 0.06 * yr;
    int dw = pw * 2, dh = ph * 4; /* braille dots */
    unsigned char *dots = calloc((size_t)pw * (size_t)ph, 1);
    unsigned char *kind = calloc((size_t)pw * (size_t)ph, 1); /* 1 run, 2 front line */
    if (!dots || !kind) {
        free(dots);
        free(kind);
        return;
    }
    static const unsigned char bit[4][2] = {{0x01, 0x08}, {0x02, 0x10}, {0x04, 0x20}, {0x40, 0x80}};
#define DOT_X(v) ((int)lround(((v) - xmin) / (xmax - xmin) * (dw - 1)))
#define DOT_Y(v) ((dh - 1) - (int)lround(((v) - ymin) / (ymax - ymin) * (dh - 1)))
    int utf8 = t->utf8;
    /* the front as a line (sorted by speedup), then all points */
    if (utf8) {
        int nf = 0;
        int *fi = malloc(sizeof(int) * (size_t)t->npts);
        for (int i = 0; fi && i < t->npts; i++)
            if (t->pts[i].front)
                fi[nf++] = i;
        for (int a = 0; fi && a < nf; a++)
            for (int b = a + 1; b < nf; b++)
                if (t->pts[fi[b]].speedup < t->pts[fi[a]].speedup) {
                    int tmp = fi[a];
                    fi[a] = fi[b];
                    fi[b] = tmp;
                }
        for (int a = 0; fi && a + 1 < nf; a++) {
            int x0 = DOT_X(t->pts[fi[a]].speedup), y0 = DOT_Y(t->pts[fi[a]].loss_pct);
            int x1 = DOT_X(t->pts[fi[a + 1]].speedup), y1 = DOT_Y(t->pts[fi[a + 1]].loss_pct);
            int dx = abs(x1 - x0), sx = x0 < x1 ? 1 : -1, dy = -abs(y1 - y0), sy = y0 < y1 ? 1 : -1, e = dx + dy;
            for (;;) {
                if (x0 >= 0 && x0 < dw && y0 >= 0 && y0 < dh) {
                    dots[(y0 / 4) * pw + x0 / 2] |= bit[y0 % 4][x0 % 2];
                    kind[(y0 / 4) * pw + x0 / 2] = 2;
                }
                if (x0 == x1 && y0 == y1)
                    break;
                int e2 = 2 * e;
                if (e2 >= dy) {
                    e += dy;
                    x0 += sx;
                }
                if (e2 <= dx) {
                    e += dx;
                    y0 += sy;
                }
            }
        }
        free(fi);
        for (int i = 0; i < t->npts; i++) {
            int x = DOT_X(t->pts[i].speedup), y = DOT_Y(t->pts[i].loss_pct);
            if (x < 0 || x >= dw || y < 0 || y >= dh)
                continue;
            dots[(y / 4) * pw + x / 2] |= bit[y % 4][x % 2];
            if (!kind[(y / 4) * pw + x / 2])
                kind[(y / 4) * pw + x / 2] = 1;
        }
        for (int r = 0; r < ph; r++)
            for (int c = 0; c < pw; c++)
                if (dots[r * pw + c])
                    put_cp(t, py0 + r, px0 + c, kind[r * pw + c] == 2 ? R_FRONT : R_NORMAL, 0x2800u + dots[r * pw + c]);
    }
    /* markers: plain runs (ASCII), then the front, then the current run on top */
    for (int pass = 0; pass < 3; pass++)
        for (int i = 0; i < t->npts; i++) {
            const dm_pareto_pt *p = &t->pts[i];
            int want = pass == 0 ? (!p->front && !p->current) : pass == 1 ? (p->front && !p->current) : p->current;
            if (!want || (pass == 0 && utf8))
                continue;
            int x = DOT_X(p->speedup) / 2, y = DOT_Y(p->loss_pct) / 4;
            if (x < 0 || x >= pw || y < 0 || y >= ph)
                continue;
            const char *gl = pass == 0 ? t->g->point : pass == 1 ? t->g->front : t->g->current;
            put_w(t, py0 + y, px0 + x, 1, pass == 0 ? R_NORMAL : pass == 1 ? R_FRONT : R_CURRENT, gl);
        }
    free(dots);
    free(kind);
    /* axes */
    for (int r = 0; r < ph; r++)
        put_w(t, py0 + r, px0 - 1, 1, R_DIM, t->g->vline);
    put_w(t, py0 + ph, px0 - 1, 1, R_DIM, t->g->corner);
    for (int c = 0; c < pw; c++)
        put_w(t, py0 + ph, px0 + c, 1, R_DIM, t->g->hline);
    for (int k = 0; k < 3; k++) {
        int r = k == 0 ? 0 : k == 1 ? ph / 2 : ph - 1;
        double v = ymax - (ymax - ymin) * (r * 4 + 1.5) / (double)(dh - 1);
        putf(t, py0 + r, 0, ylab, R_DIM, "%+6.*f%%", ymax - ymin < 2 ? 2 : 1, v);
        put_w(t, py0 + r, px0 - 1, 1, R_DIM, t->g->ytick);
    }
    /* zero-loss line, when it is inside */
    if (ymin < 0 && ymax > 0) {
        int r = DOT_Y(0.0) / 4;
        for (int c = 0; c < pw; c += 2)
            if (r >= 0 && r < ph && (mvinch(py0 + r, px0 + c) & A_CHARTEXT) == ' ')
                put_w(t, py0 + r, px0 + c, 1, R_DIM, t->g->point);
    }
    for (int k = 0; k < 3; k++) {
        int c = k == 0 ? 0 : k == 1 ? pw / 2 : pw - 6;
        double v = xmin + (xmax - xmin) * (c * 2 + 0.5) / (double)(dw - 1);
        putf(t, py0 + ph + 1, px0 + c, 8, R_DIM, "%.2f%s", v, t->g->times);
    }
    putf(t, py0 + ph + 2, 1, COLS - listw - 2, R_DIM, "x: measured speedup   y: quality loss vs dense");
    /* legend and the front list */
    int lx = COLS - listw;
    int ly = top;
    putf(t, ly++, lx, listw, R_NORMAL, "%s run  %s front  %s current", utf8 ? "⠂" : t->g->point, t->g->front,
         t->g->current);
    int nf = 0;
    for (int i = 0; i < t->npts; i++)
        nf += t->pts[i].front;
    putf(t, ly++, lx, listw, R_DIM, "%d runs, %d on the front", t->npts, nf);
    putf(t, ly++, lx, listw, R_HEADER, "%-6s %8s %8s", "run", "loss", "speedup");
    int *idx = malloc(sizeof(int) * (size_t)(t->npts + 1));
    int nlist = idx ? pareto_list(t, idx) : 0;
    if (t->pareto_sel >= nlist)
        t->pareto_sel = nlist - 1;
    if (t->pareto_sel < 0)
        t->pareto_sel = 0;
    int first = t->pareto_sel - (bottom - ly) + 1; /* keep the selection visible */
    if (first < 0)
        first = 0;
    for (int k = first; k < nlist && ly < bottom; k++) {
        const dm_pareto_pt *p = &t->pts[idx[k]];
        char idb[64];
        snprintf(idb, sizeof idb, "%s#%lld", p->current ? t->g->current : p->front ? t->g->front : " ", (long long)p->id);
        enum role r = k == t->pareto_sel ? R_SEL : p->current ? R_CURRENT : R_FRONT;
        putf(t, ly++, lx, listw, r, "%-6s %+7.2f%% %7.2f%s", idb, p->loss_pct, p->speedup, t->g->times);
    }
    free(idx);
    render_messages(t, bottom, msg_rows());
#undef DOT_X
#undef DOT_Y
}

/* ---- help ---- */

static void help_add(tui *t, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void help_add(tui *t, const char *fmt, ...)
{
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    char **n = realloc(t->help, sizeof(char *) * (size_t)(t->nhelp + 1));
    if (!n)
        return;
    t->help = n;
    t->help[t->nhelp++] = strdup(buf);
}

/* the keys of the help screen, also the man page's TUI KEYS (dualmod --man) */
const dm_key_help dm_tui_keys[] = {
    {"Left Right", "move the focused slider; Shift+arrow or PgUp (up) / PgDn (down): big step; Home/End: the ends"},
    {"Up Down Tab", "move the focus between the sliders (mouse: click or drag on a slider)"},
    {"e", "little dimension: an explicit k, or eps (k from the Johnson-Lindenstrauss bound)"},
    {"a", "audit on/off: also run the big module fully and show the mask recall per layer"},
    {"g", "sliders per site / global: one row per dual-module site with its requested ratio (its own, or "
          "\"(global 50%)\"), the achieved ratio beside it, bits and k; Up/Down select a site, Tab the knob, "
          "Left/Right set it (set ratio.SITE, bits.SITE, k.SITE: the run restarts), d returns the knob to the "
          "global value, D the whole site"},
    {"G", "in the per-site list: a row per gate group (l1.f) with its ratio (its own, its site's or the global "
          "one) and its achieved ratio; Left/Right set ratio.SITE.GROUP, d drops it; G again shows the sites"},
    {"S", "sensitivity: quality loss per site and ratio from the runs of :sensitivity (each site "
          "dual-moduled alone); arrows move, Enter shows a cell's run, n starts an analysis"},
    {"Enter s", "run the current settings again"},
    {"c Ctrl-C", "cancel the running evaluation or command (a cancelled run is stored as cancelled with its "
                 "partial figures); with nothing to cancel Ctrl-C says that q quits, and a second one within 2 s "
                 "quits"},
    {": /", "command prompt: Tab completes (commands, settings, models, file names), Up/Down history, Esc leaves"},
    {"r", "runs of this model: Up/Down select, Left/Right sort column, o order, / filter (where words), "
          "F clear the filter, Space mark, d diff two marked runs, Enter show a run; columns that do not fit "
          "are counted in the title (the sort column is always shown)"},
    {"p", "Pareto view: quality loss against measured speedup, the front highlighted; Up/Down select a run "
          "of the list, Enter show it"},
    {"m", "messages: the output of commands"},
    {"? q", "the help screen; quit (asks while a run is busy)"},
    {"--no-start", "the sliders wait for Enter until the first run"},
};
const int dm_tui_nkeys = (int)(sizeof dm_tui_keys / sizeof dm_tui_keys[0]);

/* Help lines: "head<TAB>text"; the text wraps under itself. */
static void build_help(tui *t)
{
    help_add(t, "Keys");
    for (int i = 0; i < dm_tui_nkeys; i++)
        help_add(t, "  %-12s\t%s", dm_tui_keys[i].keys, dm_tui_keys[i].what);
    help_add(t, "%s", "");
    help_add(t, "Commands (type : first)");
    for (int i = 0; i < dm_ncmds; i++) {
        const dm_cmd_def *c = &dm_cmd_table[i];
        char head[96];
        snprintf(head, sizeof head, "%s %s", c->name, c->usage ? c->usage : "");
        if (strlen(head) > 24) {
            help_add(t, "  %s", head);
            help_add(t, "  %-24s \t%s%s", "", c->help, c->tui_only ? " (TUI)" : "");
        } else
            help_add(t, "  %-24s \t%s%s", head, c->help, c->tui_only ? " (TUI)" : "");
    }
    help_add(t, "%s", "");
    help_add(t, "Settings (set NAME VALUE)");
    for (int i = 0; i < DM_S_COUNT; i++) {
        const dm_setting_def *d = &dm_settings_table[i];
        char range[96];
        dm_setting_range(d, range, sizeof range);
        help_add(t, "  %-9s %-20s \t%s (default %s)", d->name, range, d->help, d->def);
    }
}

/* Wrap the help to w columns (redone when the width changes). */
static void wrap_help(tui *t, int w)
{
    if (t->hwrap_w == w)
        return;
    for (int i = 0; i < t->nhwrap; i++)
        free(t->hwrap[i]);
    free(t->hwrap);
    t->hwrap = NULL;
    t->nhwrap = 0;
    t->hwrap_w = w;
    for (int i = 0; i < t->nhelp; i++) {
        const char *line = t->help[i];
        const char *tab = strchr(line, '\t');
        int col = tab ? (int)(tab - line) : 0;
        const char *text = tab ? tab + 1 : line;
        if (!tab || col > w - 20) {
            col = tab && col > w - 20 ? 4 : 0;
            if (tab) { /* the head alone, the text below */
                char **n = realloc(t->hwrap, sizeof(char *) * (size_t)(t->nhwrap + 1));
                if (!n)
                    return;
                t->hwrap = n;
                t->hwrap[t->nhwrap++] = strndup(line, (size_t)(tab - line));
            } else {
                char **n = realloc(t->hwrap, sizeof(char *) * (size_t)(t->nhwrap + 1));
                if (!n)
                    return;
                t->hwrap = n;
                t->hwrap[t->nhwrap++] = strdup(line);
                continue;
            }
        }
        int first = 1;
        do {
            int avail = w - col;
            int len = (int)strlen(text);
            int cut = len;
            if (len > avail) {
                cut = avail;
                while (cut > 0 && text[cut] != ' ')
                    cut--;
                if (cut == 0)
                    cut = avail;
            }
            char *out = malloc((size_t)col + (size_t)cut + 1);
            if (!out)
                return;
            if (first && tab && col == (int)(tab - line))
                memcpy(out, line, (size_t)col);
            else
                memset(out, ' ', (size_t)col);
            memcpy(out + col, text, (size_t)cut);
            out[col + cut] = '\0';
            char **n = realloc(t->hwrap, sizeof(char *) * (size_t)(t->nhwrap + 1));
            if (!n) {
                free(out);
                return;
            }
            t->hwrap = n;
            t->hwrap[t->nhwrap++] = out;
            text += cut;
            while (*text == ' ')
                text++;
            first = 0;
        } while (*text);
    }
}

static void render_overlay_box(tui *t, int y0, int x0, int h, int w, const char *title)
{
    for (int y = y0; y < y0 + h; y++) {
        attrset(A_NORMAL);
        mvhline(y, x0, ' ', w);
    }
    attrset(attr(t, R_TITLE));
    if (t->utf8) {
        mvhline_set(y0, x0, WACS_HLINE, w);
        mvhline_set(y0 + h - 1, x0, WACS_HLINE, w);
        mvvline_set(y0, x0, WACS_VLINE, h);
        mvvline_set(y0, x0 + w - 1, WACS_VLINE, h);
        mvadd_wch(y0, x0, WACS_ULCORNER);
        mvadd_wch(y0, x0 + w - 1, WACS_URCORNER);
        mvadd_wch(y0 + h - 1, x0, WACS_LLCORNER);
        mvadd_wch(y0 + h - 1, x0 + w - 1, WACS_LRCORNER);
    } else {
        mvhline(y0, x0, '-', w);
        mvhline(y0 + h - 1, x0, '-', w);
        mvvline(y0, x0, '|', h);
        mvvline(y0, x0 + w - 1, '|', h);
        mvaddch(y0, x0, '+');
        mvaddch(y0, x0 + w - 1, '+');
        mvaddch(y0 + h - 1, x0, '+');
        mvaddch(y0 + h - 1, x0 + w - 1, '+');
    }
    attrset(A_NORMAL);
    putf(t, y0, x0 + 2, w - 4, R_TITLE, " %s ", title);
}

static void render_help(tui *t)
{
    render_main(t);
    int x0 = COLS > 100 ? (COLS - 100) / 2 : 0, w = COLS > 100 ? 100 : COLS;
    int y0 = 1, h = LINES - 2;
    render_overlay_box(t, y0, x0, h, w, "help: Up/Down PgUp/PgDn scroll, q or Esc close");
    int rows = h - 2;
    wrap_help(t, w - 4);
    if (t->help_top > t->nhwrap - rows)
        t->help_top = t->nhwrap - rows;
    if (t->help_top < 0)
        t->help_top = 0;
    for (int i = 0; i < rows && t->help_top + i < t->nhwrap; i++) {
        const char *line = t->hwrap[t->help_top + i];
        put_w(t, y0 + 1 + i, x0 + 2, w - 4, line[0] && line[0] != ' ' ? R_TITLE : R_NORMAL, line);
    }
    if (t->nhwrap > rows)
        putf(t, y0 + h - 1, x0 + w - 14, 12, R_DIM, " %d/%d ",
             t->help_top + rows < t->nhwrap ? t->help_top + rows : t->nhwrap, t->nhwrap);
}

/* The pager: messages wrapped to the width, scrolled by message. */
static void render_log(tui *t)
{
    render_header(t);
    section(t, 2, "messages: Up/Down PgUp/PgDn scroll, q or Esc back");
    int y = 3, h = LINES - 1 - y, w = COLS - 1;
    /* the first message from which the rest fits: the end of the scroll */
    int last = t->nlog, used = 0;
    while (last > 0 && used + log_rows(t, last - 1, w) <= h) {
        last--;
        used += log_rows(t, last, w);
    }
    if (last == t->nlog && t->nlog > 0)
        last = t->nlog - 1;
    t->log_max_top = last;
    if (t->log_follow || t->log_top > last)
        t->log_top = last;
    if (t->log_top < 0)
        t->log_top = 0;
    int yy = y;
    for (int i = t->log_top; i < t->nlog && yy < y + h; i++) {
        const log_line *l = &t->log[i];
        int starts[WRAP_MAX];
        int n = wrap_offsets(l->text, w, starts, WRAP_MAX);
        int shown = n > WRAP_MAX ? WRAP_MAX : n;
        for (int k = 0; k < shown && yy < y + h; k++)
            put_row(t, yy++, 1, w, log_role(l->kind), l->text, starts, shown, k);
        if (n > WRAP_MAX && yy < y + h)
            put_w(t, yy++, 1, w, R_DIM, "(the rest of this message is not shown)");
    }
}

/* The bottom row: the prompt, a question, or the key hints. */
static void render_status(tui *t)
{
    int y = LINES - 1;
    attrset(A_NORMAL);
    move(y, 0);
    clrtoeol();
    if (t->prompt != P_NONE) {
        const char *pr = t->prompt == P_CMD ? ":" : "filter: where ";
        int pw = dm_u8width(pr);
        put_w(t, y, 0, COLS, R_CMD, pr);
        const char *buf = rl_line_buffer ? rl_line_buffer : "";
        /* the cursor column = characters before rl_point */
        int cur = 0;
        for (int i = 0; i < rl_point && buf[i]; i++)
            if (((unsigned char)buf[i] & 0xC0) != 0x80)
                cur++;
        int avail = COLS - pw - 1;
        int skip = cur > avail ? cur - avail : 0;
        const char *p = buf;
        for (int i = 0; i < skip && *p;) {
            p++;
            if (((unsigned char)*p & 0xC0) != 0x80)
                i++;
        }
        put_w(t, y, pw, COLS - pw, R_NORMAL, p);
        move(y, pw + cur - skip);
        return;
    }
    if (t->confirm_quit) {
        put_w(t, y, 0, COLS, R_FOCUS, "A run is in progress. Quit anyway? (y/n)");
        return;
    }
    if (t->note[0] && now_s() < t->note_until) {
        put_w(t, y, 0, COLS, R_FOCUS, t->note);
        return;
    }
    if (command_running() && !t->dumping) {
        putf(t, y, 0, COLS, R_FOCUS, "running: %s  (c or Ctrl-C cancels)", g_job.line ? g_job.line : "");
        return;
    }
    static const char *hints[] = {
        [V_MAIN] = "<-/-> adjust  Up/Down focus  Enter run  : cmd  r runs  p Pareto  ? help  q quit",
        [V_RUNS] = "Enter show  Space mark  d diff  Left/Right sort  o order  / filter  q back",
        [V_PARETO] = "Up/Down select  Enter show  q back  r runs  m messages  : command  ? help",
        [V_HELP] = "Up/Down scroll  q close",
        [V_LOG] = "Up/Down PgUp/PgDn scroll  q back",
        [V_SENS] = "Arrows select  Enter show run  n new analysis  q back  r runs  p Pareto  ? help",
    };
    if (t->view == V_MAIN && t->per_site) {
        put_w(t, y, 0, COLS, R_DIM,
              "<-/-> set  Up/Down site  Tab knob  d default  G gates  g global  : cmd  ? help");
        return;
    }
    put_w(t, y, 0, COLS, R_DIM, hints[t->view]);
}

static void render(tui *t)
{
    erase();
    if (LINES < 12 || COLS < 40) {
        put_w(t, 0, 0, COLS, R_BAD, "terminal too small (need 40x12)");
        refresh();
        return;
    }
    switch (t->view) {
    case V_MAIN:
        render_main(t);
        break;
    case V_RUNS:
        render_runs(t);
        break;
    case V_PARETO:
        render_pareto(t);
        break;
    case V_HELP:
        render_help(t);
        break;
    case V_LOG:
        render_log(t);
        break;
    case V_SENS:
        render_sens(t);
        break;
    }
    render_completions(t);
    render_status(t);
    curs_set(t->prompt != P_NONE ? 1 : 0);
    refresh();
}

/* ---- the screen as text ---- */

static int dump_screen(tui *t, const char *path, dm_err *err)
{
    if (dm_session_check_output(t->s, path, "dump-screen", err))
        return -1;
    t->dumping = 1;
    render(t);
    t->dumping = 0;
    FILE *f = fopen(path, "w");
    if (!f)
        return dm_errf(err, "%s: cannot write: %s", path, strerror(errno));
    char *line = malloc((size_t)COLS * MB_LEN_MAX * 2 + 2);
    if (!line) {
        fclose(f);
        return dm_errf(err, "out of memory");
    }
    for (int y = 0; y < LINES; y++) {
        size_t n = 0, keep = 0;
        mbstate_t st;
        memset(&st, 0, sizeof st);
        for (int x = 0; x < COLS; x++) {
            cchar_t cc;
            wchar_t wc[CCHARW_MAX + 1];
            attr_t a;
            short pair;
            if (mvin_wch(y, x, &cc) == ERR || getcchar(&cc, wc, &a, &pair, NULL) == ERR || wc[0] == 0) {
                line[n++] = ' ';
                continue;
            }
            for (int i = 0; wc[i] && i < CCHARW_MAX; i++) {
                size_t k = wcrtomb(line + n, wc[i], &st);
                if (k == (size_t)-1) {
                    line[n++] = '?';
                    memset(&st, 0, sizeof st);
                } else
                    n += k;
            }
            if (wc[0] != L' ')
                keep = n;
        }
        line[keep] = '\0';
        fprintf(f, "%s\n", line);
    }
    free(line);
    if (fclose(f) != 0)
        return dm_errf(err, "%s: write error", path);
    return 0;
}

/* ---- commands: run in their own thread so the screen stays live ----
 *
 * dm_cmd_exec runs in a command thread (a sweep or `run` in the foreground
 * can take minutes); the UI thread keeps polling snapshots and drawing, and
 * is the only thread that touches curses: the dump-screen hook posts a
 * request that the UI thread carries out at its next tick. While a command
 * runs the UI does not call into the session except for snapshots. */


/* Hook for the command language's tui_only commands (command thread). */
static int tui_cmd_hook(void *ud, const char *name, int argc, char **argv, dm_err *err)
{
    (void)ud;
    if (strcmp(name, "dump-screen") == 0) {
        if (argc != 1)
            return dm_errf(err, "dump-screen: expected FILE");
        pthread_mutex_lock(&g_job.mu);
        g_job.req_path = argv[0];
        g_job.req = 1;
        while (g_job.req)
            pthread_cond_wait(&g_job.cv, &g_job.mu);
        int rc = g_job.req_rc;
        if (rc)
            *err = g_job.req_err;
        pthread_mutex_unlock(&g_job.mu);
        return rc;
    }
    return dm_errf(err, "%s: not available in the TUI", name);
}

/* UI thread: carry out a screen request of the command thread. */
static void serve_requests(tui *t)
{
    pthread_mutex_lock(&g_job.mu);
    if (g_job.req) {
        memset(&g_job.req_err, 0, sizeof g_job.req_err);
        g_job.req_rc = dump_screen(t, g_job.req_path, &g_job.req_err);
        g_job.req = 0;
        pthread_cond_broadcast(&g_job.cv);
    }
    pthread_mutex_unlock(&g_job.mu);
}

static int knobs_same(const dm_settings *a, const dm_settings *b)
{
    if (a->nknobs != b->nknobs)
        return 0;
    for (int i = 0; i < a->nknobs; i++)
        if (a->knobs[i].knob != b->knobs[i].knob || a->knobs[i].value != b->knobs[i].value ||
            strcmp(a->knobs[i].site, b->knobs[i].site) != 0)
            return 0;
    return 1;
}

static int knobs_differ(const dm_settings *a, const dm_settings *b)
{
    return strcmp(a->model, b->model) || strcmp(a->split, b->split) || a->limit != b->limit || a->ratio != b->ratio ||
           a->mode != b->mode || a->bits != b->bits || a->k != b->k || a->eps != b->eps || a->seed != b->seed ||
           a->policy != b->policy || a->proj != b->proj || a->path != b->path || a->threads != b->threads ||
           a->kernels != b->kernels || a->audit != b->audit || !knobs_same(a, b);
}

static void *cmd_thread(void *arg)
{
    cmd_job *j = arg;
    tui *t = g_tui;
    /* slider moves not yet applied go first, so the command sees them */
    for (int id = 0; id < DM_S_COUNT; id++) {
        if (!(j->pending & (1u << id)))
            continue;
        char buf[1100];
        dm_settings_get(&j->want, (dm_setting_id)id, buf, sizeof buf);
        dm_err err = {{0}};
        if (dm_session_set(t->s, dm_settings_table[id].name, buf, 1, &err))
            fprintf(j->msg, "%s\n", err.msg);
    }
    dm_err kerr = {{0}};
    if (j->knobs_pending && sync_knobs(t->s, &j->want, &kerr))
        fprintf(j->msg, "%s\n", kerr.msg);
    /* commands that run evaluations of their own change the settings between them, which the session
     * refuses while its worker runs: the live evaluation (the sliders' preview) makes way for them */
    static const char *const batch[] = {"sweep", "sensitivity", "tune", "bench"};
    size_t wl = strcspn(j->line, " \t;");
    for (size_t i = 0; i < sizeof batch / sizeof batch[0]; i++)
        if (wl == strlen(batch[i]) && strncmp(j->line, batch[i], wl) == 0 && dm_session_busy(t->s)) {
            dm_session_cancel(t->s);
            dm_session_wait(t->s);
            fprintf(j->msg, "the live evaluation was stopped for %s\n", batch[i]);
        }
    j->rc = dm_cmd_exec(t->s, j->line, &j->io);
    atomic_store(&j->done, 1);
    return NULL;
}

/* UI thread: collect a finished command: its output, a restart when it
 * changed the settings, fresh runs and Pareto points. */
static void finish_command(tui *t)
{
    cmd_job *j = &g_job;
    pthread_join(j->th, NULL);
    j->running = 0;
    fclose(j->out);
    fclose(j->msg);
    log_lines(t, j->rc == 1 ? 'e' : 'm', j->mbuf);
    log_lines(t, 'o', j->obuf);
    /* a sensitivity analysis that ran to its end opens its view (its table is also in the messages, m) */
    int sens_done = j->rc == 0 && j->line && strncmp(j->line, "sensitivity", 11) == 0 &&
                    (j->line[11] == '\0' || j->line[11] == ' ' || j->line[11] == '\t');
    free(j->obuf);
    free(j->mbuf);
    free(j->line);
    j->obuf = j->mbuf = j->line = NULL;
    if (j->rc == DM_CMD_QUIT)
        t->quit = 1;
    const dm_settings *after = dm_session_settings(t->s);
    /* the command's settings, with the slider moves made while it ran (still pending) on top */
    dm_settings moved = t->want;
    t->want = *after;
    for (int id = 0; id < DM_S_COUNT; id++)
        if (t->pending & (1u << id)) {
            char buf[1100];
            dm_err err = {{0}};
            dm_settings_get(&moved, (dm_setting_id)id, buf, sizeof buf);
            if (dm_settings_set(&t->want, dm_settings_table[id].name, buf, &err))
                t->pending &= ~(1u << id);
        }
    if (t->knobs_pending) {
        t->want.nknobs = moved.nknobs;
        memcpy(t->want.knobs, moved.knobs, sizeof moved.knobs);
    }
    /* a settings change restarts the evaluation (once one has run: a headless script starts idle),
     * unless the command already started these settings */
    dm_snapshot sn;
    dm_session_snapshot(t->s, &sn);
    int started = dm_session_busy(t->s) && !knobs_differ(&sn.cfg, after);
    if (t->start_after_cmd) { /* the first evaluation, after tui -c CMDS (unless they ran one) */
        t->start_after_cmd = 0;
        if (dm_session_loaded(t->s) && !dm_session_busy(t->s) && !t->quit && !g_cmd_cancel)
            start_run(t);
    } else if (dm_session_loaded(t->s) && knobs_differ(&j->before, after) && !started && !t->quit &&
               t->snap.run_seq > 0 && !g_cmd_cancel) /* a cancelled command does not start an evaluation */
        start_run(t);
    refresh_views(t);
    if (sens_done && t->view != V_HELP) {
        set_view(t, V_SENS);
        return;
    }
    /* long output: open the pager at its start */
    int added = t->nlog - j->first_log;
    if (added > msg_rows() && t->view != V_HELP) {
        if (t->view != V_LOG)
            t->prev_view = t->view;
        t->view = V_LOG;
        t->log_top = j->first_log - 1;
        t->log_follow = 0;
    }
}


/* UI thread, every tick. */
static void poll_command(tui *t)
{
    if (!g_job.running)
        return;
    serve_requests(t);
    if (atomic_load(&g_job.done)) {
        finish_command(t);
        if (g_nqueue > 0 && !t->quit) {
            char *next = g_queue[0];
            memmove(g_queue, g_queue + 1, sizeof(char *) * (size_t)(g_nqueue - 1));
            g_nqueue--;
            run_command(t, next);
            free(next);
        }
    }
}

/* Start a command-language line in the command thread; its output goes to
 * the message log (the pager opens when it does not fit). */
static void run_command(tui *t, const char *line)
{
    while (*line == ' ' || *line == '\t')
        line++;
    if (!*line || *line == '#')
        return;
    cmd_job *j = &g_job;
    if (j->running) {
        if (g_nqueue == CMD_QUEUE || !(g_queue[g_nqueue] = strdup(line)))
            log_add(t, 'e', "too many commands waiting: wait for the running one, or press c to cancel it");
        else {
            g_nqueue++;
            logf_(t, 'i', "queued after the running command: %s", line);
        }
        return;
    }
    char *echo = malloc(strlen(line) + 3);
    if (echo) {
        sprintf(echo, "> %s", line);
        log_add(t, 'c', echo);
        free(echo);
    }
    j->first_log = t->nlog;
    j->line = strdup(line);
    j->obuf = j->mbuf = NULL;
    j->out = open_memstream(&j->obuf, &j->olen);
    j->msg = open_memstream(&j->mbuf, &j->mlen);
    if (!j->line || !j->out || !j->msg) {
        if (j->out)
            fclose(j->out);
        if (j->msg)
            fclose(j->msg);
        free(j->obuf);
        free(j->mbuf);
        free(j->line);
        j->line = NULL;
        log_add(t, 'e', "out of memory");
        return;
    }
    j->before = *dm_session_settings(t->s);
    j->want = t->want;
    j->pending = t->pending;
    t->pending = 0;
    j->knobs_pending = t->knobs_pending;
    t->knobs_pending = 0;
    g_cmd_cancel = 0;
    j->io = (dm_cmd_io){.out = j->out, .msg = j->msg, .out_tty = 1, .width = COLS - 2, .progress = 0, .quiet = 0,
                        .where = NULL, .cancel = &g_cmd_cancel, .tui_cmd = tui_cmd_hook, .tui_ud = t};
    atomic_store(&j->done, 0);
    j->req = 0;
    if (pthread_create(&j->th, NULL, cmd_thread, j) != 0) {
        fclose(j->out);
        fclose(j->msg);
        free(j->obuf);
        free(j->mbuf);
        free(j->line);
        j->line = NULL;
        log_add(t, 'e', "cannot start the command thread");
        return;
    }
    j->running = 1;
}

/* Ask the running command (and its evaluation) to stop. */
static void cancel_command(tui *t)
{
    g_cmd_cancel = 1;
    dm_session_stop(t->s);
    for (int i = 0; i < g_nqueue; i++)
        free(g_queue[i]);
    if (g_nqueue)
        logf_(t, 'i', "%d queued command%s dropped", g_nqueue, g_nqueue > 1 ? "s" : "");
    g_nqueue = 0;
}

/* ---- readline, embedded ---- */

static int rl_getc_cb(FILE *f)
{
    (void)f;
    tui *t = g_tui;
    if (!t || t->rlq_n == 0)
        return EOF;
    int c = t->rlq[t->rlq_head];
    t->rlq_head = (t->rlq_head + 1) % (int)sizeof t->rlq;
    t->rlq_n--;
    return c;
}

static int rl_input_available_cb(void) { return g_tui && g_tui->rlq_n > 0; }

static void rl_redisplay_cb(void)
{
    if (g_tui && g_tui->prompt != P_NONE) {
        render_status(g_tui);
        refresh();
    }
}

static void rl_prep_cb(int meta) { (void)meta; }
static void rl_deprep_cb(void) {}

static void rl_line_cb(char *line)
{
    tui *t = g_tui;
    t->rl_done = 1;
    t->rl_line = line;
}

static char **rl_complete_cb(const char *text, int start, int end)
{
    (void)start;
    if (!g_tui || g_tui->prompt != P_CMD) {
        rl_attempted_completion_over = 1;
        return NULL;
    }
    return dm_rl_completion(g_tui->s, text, end);
}

static void matches_clear(tui *t)
{
    for (int i = 0; i < t->nmatch; i++)
        free(t->match[i]);
    free(t->match);
    t->match = NULL;
    t->nmatch = 0;
}

/* Readline lists the matches: they open above the prompt until the next key
 * (render_completions); file names show their last part, as readline does. */
static void rl_display_matches_cb(char **matches, int n, int maxlen)
{
    (void)maxlen;
    tui *t = g_tui;
    matches_clear(t);
    t->match = calloc((size_t)(n > 0 ? n : 1), sizeof *t->match);
    if (!t->match)
        return;
    for (int i = 1; i <= n; i++) {
        const char *m = matches[i];
        if (rl_filename_completion_desired) {
            const char *sl = strrchr(m, '/');
            if (sl && sl[1])
                m = sl + 1;
        }
        if ((t->match[t->nmatch] = strdup(m)) != NULL)
            t->nmatch++;
    }
    render(t);
}

/* The completion list above the prompt, in columns, as many rows as the
 * screen has below the header; what does not fit is counted. */
static void render_completions(tui *t)
{
    if (t->prompt == P_NONE || t->nmatch == 0)
        return;
    int wmax = 1;
    for (int i = 0; i < t->nmatch; i++) {
        int w = dm_u8width(t->match[i]);
        if (w > wmax)
            wmax = w;
    }
    int colw = wmax + 2;
    if (colw > COLS - 2)
        colw = COLS - 2;
    int ncols = (COLS - 2) / colw;
    if (ncols < 1)
        ncols = 1;
    int nrows = (t->nmatch + ncols - 1) / ncols, maxrows = LINES - 4;
    int rows = nrows > maxrows ? maxrows - 1 : nrows; /* the last row then counts the rest */
    int shown = rows * ncols < t->nmatch ? rows * ncols : t->nmatch;
    int y0 = LINES - 1 - (rows + (shown < t->nmatch ? 1 : 0)) - 1;
    char title[96];
    snprintf(title, sizeof title, "%d matches (type more letters)", t->nmatch);
    section(t, y0, title);
    for (int r = 0; r < rows; r++) {
        move(y0 + 1 + r, 0);
        clrtoeol();
        for (int c = 0; c < ncols; c++) {
            int i = c * rows + r; /* down the columns, as readline lists */
            if (i < shown)
                put_w(t, y0 + 1 + r, 1 + c * colw, colw - 1, R_NORMAL, t->match[i]);
        }
    }
    if (shown < t->nmatch) {
        move(y0 + 1 + rows, 0);
        clrtoeol();
        putf(t, y0 + 1 + rows, 1, COLS - 1, R_DIM, "%s %d more: type more letters", t->g->ellipsis,
             t->nmatch - shown);
    }
}

static void rl_setup(tui *t)
{
    rl_readline_name = "dualmod";
    rl_catch_signals = 0;
    rl_catch_sigwinch = 0;
    rl_change_environment = 0;
    rl_getc_function = rl_getc_cb;
    rl_input_available_hook = rl_input_available_cb;
    rl_redisplay_function = rl_redisplay_cb;
    rl_prep_term_function = rl_prep_cb;
    rl_deprep_term_function = rl_deprep_cb;
    rl_attempted_completion_function = rl_complete_cb;
    rl_completion_display_matches_hook = rl_display_matches_cb;
    rl_instream = t->devnull;
    rl_outstream = t->devnull;
    rl_variable_bind("bell-style", "none");
    rl_variable_bind("horizontal-scroll-mode", "on");
    rl_variable_bind("show-all-if-ambiguous", "on"); /* one Tab lists the matches */
    using_history();
    stifle_history(1000);
    if (t->o && t->o->history)
        read_history(t->o->history);
}

static void rl_save_line(tui *t, const char *line)
{
    if (!*line)
        return;
    HIST_ENTRY *h = history_length > 0 ? history_get(history_base + history_length - 1) : NULL;
    if (h && strcmp(h->line, line) == 0)
        return;
    add_history(line);
    if (t->o && t->o->history) {
        if (append_history(1, t->o->history) != 0)
            write_history(t->o->history);
        history_truncate_file(t->o->history, 1000);
    }
}

static void prompt_open(tui *t, prompt_kind k, const char *initial)
{
    t->prompt = k;
    t->rl_done = 0;
    t->rl_line = NULL;
    t->rlq_n = 0;
    rl_callback_handler_install("", rl_line_cb);
    set_term(t->scr); /* readline's terminal set-up must not replace curses' terminal */
    if (initial && *initial) {
        rl_insert_text(initial);
        rl_point = rl_end;
    }
    render(t);
}

static void prompt_close(tui *t)
{
    matches_clear(t);
    rl_replace_line("", 1);
    rl_callback_handler_remove();
    t->prompt = P_NONE;
}

static void prompt_accept(tui *t)
{
    prompt_kind k = t->prompt;
    char *line = t->rl_line;
    t->rl_line = NULL;
    t->rl_done = 0;
    rl_callback_handler_remove();
    t->prompt = P_NONE;
    matches_clear(t);
    if (!line)
        return; /* EOF (Ctrl-D on an empty line) */
    rl_save_line(t, line);
    if (k == P_CMD)
        run_command(t, line);
    else if (k == P_FILTER) {
        char old[sizeof t->filter];
        snprintf(old, sizeof old, "%s", t->filter);
        snprintf(t->filter, sizeof t->filter, "%s", line);
        refresh_runs(t);
        if (!t->runs_ok) {
            logf_(t, 'e', "filter: %s", t->runs_err);
            snprintf(t->filter, sizeof t->filter, "%s", old);
            refresh_runs(t);
        }
        t->runs_sel = 0;
    }
    free(line);
}

static void rlq_push(tui *t, int c)
{
    if (t->rlq_n < (int)sizeof t->rlq) {
        t->rlq[(t->rlq_head + t->rlq_n) % (int)sizeof t->rlq] = (unsigned char)c;
        t->rlq_n++;
    }
}

/* A key while the prompt is open. */
static void prompt_key(tui *t, key_ev ev)
{
    static const struct {
        int key, ch;
    } map[] = {
        {KEY_LEFT, 2},  {KEY_RIGHT, 6},      {KEY_UP, 16},    {KEY_DOWN, 14},      {KEY_HOME, 1},
        {KEY_END, 5},   {KEY_BACKSPACE, 127}, {KEY_DC, 4},     {KEY_ENTER, '\r'},
    };
    matches_clear(t);
    if (ev == 27 || ev == 7 || ev == 3) { /* Esc, C-g, C-c */
        prompt_close(t);
        return;
    }
    if (ev < 0) {
        for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
            if (-ev == map[i].key)
                rlq_push(t, map[i].ch);
    } else if (ev < 0x80)
        rlq_push(t, ev == '\n' ? '\r' : ev);
    else {
        char mb[MB_LEN_MAX];
        mbstate_t st;
        memset(&st, 0, sizeof st);
        size_t n = wcrtomb(mb, (wchar_t)ev, &st);
        for (size_t i = 0; n != (size_t)-1 && i < n; i++)
            rlq_push(t, (unsigned char)mb[i]);
    }
    while (t->rlq_n > 0 && t->prompt != P_NONE && !t->rl_done)
        rl_callback_read_char();
    t->rlq_n = 0;
    if (t->rl_done)
        prompt_accept(t);
}

/* ---- keys ---- */

static void runs_mark(tui *t)
{
    int64_t id = row_id(&t->runs, t->runs_sel);
    if (!id)
        return;
    if (t->marked[0] == id) {
        t->marked[0] = t->marked[1];
        t->marked[1] = 0;
    } else if (t->marked[1] == id)
        t->marked[1] = 0;
    else {
        if (t->marked[0] && t->marked[1])
            t->marked[0] = t->marked[1];
        if (t->marked[0])
            t->marked[1] = id;
        else
            t->marked[0] = id;
    }
}

static void runs_diff(tui *t)
{
    int64_t a = t->marked[0], b = t->marked[1];
    if (a && !b) {
        b = row_id(&t->runs, t->runs_sel);
        if (b == a)
            b = 0;
    }
    if (!a || !b) {
        log_add(t, 'e', "diff: mark two runs with Space first");
        return;
    }
    char line[96];
    snprintf(line, sizeof line, "diff %lld %lld", (long long)a, (long long)b);
    run_command(t, line);
}

static void runs_show(tui *t, int64_t id)
{
    if (!id)
        return;
    char line[64];
    snprintf(line, sizeof line, "show %lld", (long long)id);
    run_command(t, line);
}

static void runs_sort(tui *t, int dir)
{
    if (!t->runs_ok || t->runs.ncol == 0)
        return;
    int c = t->sort_col + dir;
    if (c >= 0 && c < t->runs.ncol && strcmp(t->runs.cols[c], "model") == 0)
        c += dir;
    if (c < 0 || c >= t->runs.ncol)
        return;
    t->sort_col = c;
    /* text columns read naturally ascending, figures descending */
    t->sort_desc = !(strcmp(t->runs.cols[c], "status") == 0 || strcmp(t->runs.cols[c], "mode") == 0 ||
                     strcmp(t->runs.cols[c], "split") == 0 || strcmp(t->runs.cols[c], "note") == 0);
    refresh_runs(t);
}

static void set_view(tui *t, view v)
{
    if (v == t->view)
        return;
    if (v == V_LOG || v == V_HELP)
        t->prev_view = t->view;
    if (v == V_LOG)
        t->log_follow = 1;
    t->view = v;
    if (v == V_RUNS)
        refresh_runs(t);
    if (v == V_PARETO)
        refresh_pareto(t);
    if (v == V_SENS)
        refresh_sens(t);
}

static void request_quit(tui *t)
{
    if (dm_session_busy(t->s) || t->pending || command_running())
        t->confirm_quit = 1;
    else
        t->quit = 1;
}

static int scroll_key(key_ev ev, int *top, int page)
{
    if (ev == KEV(KEY_UP) || ev == 'k')
        (*top)--;
    else if (ev == KEV(KEY_DOWN) || ev == 'j')
        (*top)++;
    else if (ev == KEV(KEY_PPAGE) || ev == KEV(KEY_BACKSPACE))
        *top -= page;
    else if (ev == KEV(KEY_NPAGE) || ev == ' ')
        *top += page;
    else if (ev == KEV(KEY_HOME) || ev == 'g')
        *top = 0;
    else if (ev == KEV(KEY_END) || ev == 'G')
        *top = 1 << 30;
    else
        return 0;
    if (*top < 0)
        *top = 0;
    return 1;
}

/* Keys every view shares. Returns 1 when handled. */
static int global_key(tui *t, key_ev ev)
{
    switch (ev) {
    case ':':
        prompt_open(t, P_CMD, NULL);
        return 1;
    case '?':
    case KEV(KEY_F(1)):
        set_view(t, t->view == V_HELP ? t->prev_view : V_HELP);
        return 1;
    case 'm':
        set_view(t, V_LOG);
        return 1;
    case 'p':
        set_view(t, V_PARETO);
        return 1;
    case 'r':
        set_view(t, V_RUNS);
        return 1;
    case 'S':
        set_view(t, V_SENS);
        return 1;
    case 'c':
        if (command_running())
            cancel_command(t);
        else {
            if (dm_session_busy(t->s))
                t->user_cancel = 1;
            dm_session_stop(t->s); /* a first fit in progress too */
        }
        return 1;
    case 12: /* C-l */
        clearok(curscr, TRUE);
        return 1;
    }
    return 0;
}

/* Keys of the per-site list; 1 when handled. */
static int site_key(tui *t, key_ev ev)
{
    int ns = n_rows(t);
    switch (ev) {
    case 'G': /* rows per gate group <-> per site (the selection follows) */
        if (t->info.ngates < 2 || t->info.ngates > DM_SNAP_GATES) {
            log_add(t, 'i', "this model's sites have one output group each: a site is its group");
            return 1;
        }
        t->site_sel = t->site_groups ? t->site_sel / t->info.ngates : t->site_sel * t->info.ngates;
        t->site_top = 0;
        t->site_groups = !t->site_groups;
        t->site_col = 0; /* a group has one knob, its ratio */
        return 1;
    case KEV(KEY_LEFT):
    case 'h':
        site_move(t, -1, 0, 0);
        return 1;
    case KEV(KEY_RIGHT):
    case 'l':
        site_move(t, 1, 0, 0);
        return 1;
    case KEV(KEY_SLEFT):
    case KEV(KEY_NPAGE): /* PgDn lowers, PgUp raises */
    case 'H':
        site_move(t, -1, 1, 0);
        return 1;
    case KEV(KEY_SRIGHT):
    case KEV(KEY_PPAGE):
    case 'L':
        site_move(t, 1, 1, 0);
        return 1;
    case KEV(KEY_HOME):
        site_move(t, -1, 0, 1);
        return 1;
    case KEV(KEY_END):
        site_move(t, 1, 0, 1);
        return 1;
    case KEV(KEY_UP):
    case 'k':
        if (t->site_sel > 0)
            t->site_sel--;
        return 1;
    case KEV(KEY_DOWN):
    case 'j':
        if (t->site_sel + 1 < ns)
            t->site_sel++;
        return 1;
    case '\t':
        t->site_col = groups_on(t) ? 0 : (t->site_col + 1) % 3;
        return 1;
    case KEV(KEY_BTAB):
        t->site_col = groups_on(t) ? 0 : (t->site_col + 2) % 3;
        return 1;
    case 'd':
        site_default(t, 0);
        return 1;
    case 'D':
        site_default(t, 1);
        return 1;
    }
    return 0;
}

static void main_key(tui *t, key_ev ev)
{
    if (ev == 'g') {
        t->per_site = !t->per_site;
        return;
    }
    if (t->per_site && site_key(t, ev))
        return;
    switch (ev) {
    case KEV(KEY_LEFT):
    case 'h':
        slider_move(t, t->focus, -1, 0);
        break;
    case KEV(KEY_RIGHT):
    case 'l':
        slider_move(t, t->focus, 1, 0);
        break;
    case KEV(KEY_SLEFT):
    case KEV(KEY_NPAGE): /* PgDn lowers, PgUp raises (as the mouse wheel does) */
    case 'H':
        slider_move(t, t->focus, -1, 1);
        break;
    case KEV(KEY_SRIGHT):
    case KEV(KEY_PPAGE):
    case 'L':
        slider_move(t, t->focus, 1, 1);
        break;
    case KEV(KEY_HOME):
        slider_end(t, t->focus, 0);
        break;
    case KEV(KEY_END):
        slider_end(t, t->focus, 1);
        break;
    case KEV(KEY_UP):
    case KEV(KEY_BTAB):
    case 'k':
        t->focus = (t->focus + SL_COUNT - 1) % SL_COUNT;
        break;
    case KEV(KEY_DOWN):
    case '\t':
    case 'j':
        t->focus = (t->focus + 1) % SL_COUNT;
        break;
    case 'e':
        toggle_dim(t);
        break;
    case 'a':
        want_set(t, "audit", t->want.audit ? "off" : "on");
        break;
    case '\n':
    case '\r':
    case KEV(KEY_ENTER):
    case 's':
        if (command_running())
            run_command(t, "run"); /* queued: the session belongs to the command until it ends */
        else { /* the slider changes, then this run (also under --no-start) */
            t->hold_once = 1;
            apply_pending(t);
            t->hold_once = 0;
            start_run(t);
        }
        break;
    case '/':
        prompt_open(t, P_CMD, NULL);
        break;
    case 'q':
        request_quit(t);
        break;
    default:
        global_key(t, ev);
    }
}

static void runs_key(tui *t, key_ev ev)
{
    int n = t->runs_ok ? t->runs.nrow : 0;
    int page = LINES - 6 - msg_rows();
    switch (ev) {
    case KEV(KEY_UP):
    case 'k':
        if (t->runs_sel > 0)
            t->runs_sel--;
        break;
    case KEV(KEY_DOWN):
    case 'j':
        if (t->runs_sel + 1 < n)
            t->runs_sel++;
        break;
    case KEV(KEY_PPAGE):
        t->runs_sel -= page;
        if (t->runs_sel < 0)
            t->runs_sel = 0;
        break;
    case KEV(KEY_NPAGE):
        t->runs_sel += page;
        if (t->runs_sel >= n)
            t->runs_sel = n ? n - 1 : 0;
        break;
    case KEV(KEY_HOME):
    case 'g':
        t->runs_sel = 0;
        break;
    case KEV(KEY_END):
    case 'G':
        t->runs_sel = n ? n - 1 : 0;
        break;
    case KEV(KEY_LEFT):
    case '<':
        runs_sort(t, -1);
        break;
    case KEV(KEY_RIGHT):
    case '>':
        runs_sort(t, 1);
        break;
    case 'o':
        t->sort_desc = !t->sort_desc;
        refresh_runs(t);
        break;
    case '/':
    case 'f':
        prompt_open(t, P_FILTER, t->filter);
        break;
    case 'F':
        t->filter[0] = '\0';
        refresh_runs(t);
        break;
    case ' ':
        runs_mark(t);
        if (t->runs_sel + 1 < n)
            t->runs_sel++;
        break;
    case 'd':
        runs_diff(t);
        break;
    case '\n':
    case '\r':
    case KEV(KEY_ENTER):
        runs_show(t, row_id(&t->runs, t->runs_sel));
        break;
    case 'q':
    case 27:
        set_view(t, V_MAIN);
        break;
    default:
        global_key(t, ev);
    }
}

static void sens_key(tui *t, key_ev ev)
{
    switch (ev) {
    case 'q':
    case 27:
        set_view(t, V_MAIN);
        break;
    case KEV(KEY_UP):
    case 'k':
        if (t->sens_row > 0)
            t->sens_row--;
        break;
    case KEV(KEY_DOWN):
    case 'j':
        if (t->sens_row + 1 < t->nsens)
            t->sens_row++;
        break;
    case KEV(KEY_LEFT):
    case 'h':
        if (t->sens_col > 0)
            t->sens_col--;
        break;
    case KEV(KEY_RIGHT):
    case 'l':
        if (t->sens_col + 1 < t->sens_nr)
            t->sens_col++;
        break;
    case '\n':
    case '\r':
    case KEV(KEY_ENTER):
        if (t->sens_row < t->nsens && t->sens_col < t->sens_nr)
            runs_show(t, t->sens[t->sens_row].id[t->sens_col]);
        break;
    case 'n':
        prompt_open(t, P_CMD, "sensitivity ratio 0.3:0.9:0.2");
        break;
    default:
        global_key(t, ev);
    }
}

static void key_event(tui *t, key_ev ev)
{
    if (ev == 3) { /* C-c read as a key (no ISIG; headless scripts) */
        interrupt(t);
        apply_pending(t);
        return;
    }
    if (t->prompt != P_NONE) {
        prompt_key(t, ev);
        return;
    }
    if (t->confirm_quit) {
        t->confirm_quit = 0;
        if (ev == 'y' || ev == 'Y')
            t->quit = 1;
        return;
    }
    if (ev == KEV(KEY_RESIZE))
        return;

    switch (t->view) {
    case V_MAIN:
        main_key(t, ev);
        break;
    case V_RUNS:
        runs_key(t, ev);
        break;
    case V_SENS:
        sens_key(t, ev);
        break;
    case V_PARETO:
        if (ev == 'q' || ev == 27)
            set_view(t, V_MAIN);
        else if (ev == KEV(KEY_UP) || ev == 'k') {
            if (t->pareto_sel > 0)
                t->pareto_sel--;
        } else if (ev == KEV(KEY_DOWN) || ev == 'j') {
            if (t->pareto_sel + 1 < pareto_list(t, NULL))
                t->pareto_sel++;
        } else if (ev == '\r' || ev == '\n' || ev == KEV(KEY_ENTER)) {
            runs_show(t, pareto_selected_id(t));
        } else
            global_key(t, ev);
        break;
    case V_HELP:
        if (ev == 'q' || ev == 27 || ev == '?' || ev == KEV(KEY_F(1)))
            t->view = t->prev_view == V_HELP ? V_MAIN : t->prev_view;
        else if (!scroll_key(ev, &t->help_top, LINES - 4))
            global_key(t, ev);
        break;
    case V_LOG:
        if (ev == 'q' || ev == 27 || ev == 'm')
            t->view = t->prev_view == V_LOG ? V_MAIN : t->prev_view;
        else {
            if (t->log_follow)
                t->log_top = t->log_max_top;
            t->log_follow = 0;
            if (!scroll_key(ev, &t->log_top, LINES - 5))
                global_key(t, ev);
            else if (t->log_top >= t->log_max_top)
                t->log_follow = 1;
        }
        break;
    }
    apply_pending(t);
}

/* ---- mouse ---- */

static void mouse_event(tui *t, int x, int y, mmask_t b)
{
    if (t->prompt != P_NONE || t->view != V_MAIN) {
        if (t->view == V_RUNS && (b & BUTTON1_PRESSED) && y > 3) {
            int r = t->runs_top + y - 4;
            if (t->runs_ok && r >= 0 && r < t->runs.nrow)
                t->runs_sel = r;
        }
        if (b & BUTTON4_PRESSED)
            key_event(t, KEV(KEY_UP));
        if (b & BUTTON5_PRESSED)
            key_event(t, KEV(KEY_DOWN));
        return;
    }
    if (t->per_site) {
        /* a click selects a site; on its bar it sets the site's ratio (a drag follows) */
        int r = y - t->site_y0;
        if ((b & (BUTTON1_PRESSED | BUTTON1_CLICKED)) && r >= 0 && r < t->site_rows) {
            t->site_sel = t->site_top + r;
            t->drag = x >= t->site_bx && x < t->site_bx + t->site_bw ? 0 : -1;
        }
        if (t->drag >= 0 && (b & (BUTTON1_PRESSED | BUTTON1_CLICKED | BUTTON1_RELEASED | REPORT_MOUSE_POSITION)) &&
            t->site_bw > 1 && t->site_sel < n_rows(t)) {
            double f = (double)(x - t->site_bx) / (double)(t->site_bw - 1);
            f = f < 0 ? 0 : f > 1 ? 1 : f;
            const dm_setting_def *rd = &dm_settings_table[DM_S_RATIO];
            t->site_col = 0;
            int gi;
            char rname[64];
            row_of(t, t->site_sel, &gi, rname, sizeof rname);
            site_set_num(t, DM_S_RATIO, rname, rd->lo + f * (rd->hi - rd->lo));
        }
        if (b & (BUTTON1_RELEASED | BUTTON1_CLICKED))
            t->drag = -1;
        if ((b & BUTTON4_PRESSED) && t->site_sel > 0)
            t->site_sel--;
        if ((b & BUTTON5_PRESSED) && t->site_sel + 1 < n_sites(t))
            t->site_sel++;
        apply_pending(t);
        return;
    }
    if (b & (BUTTON1_PRESSED | BUTTON1_CLICKED)) {
        for (int sl = 0; sl < SL_COUNT; sl++)
            if (t->geom[sl].y == y) {
                t->focus = sl;
                if (x >= 10)
                    slider_at(t, sl, x);
                t->drag = (b & BUTTON1_PRESSED) ? sl : -1;
            }
    } else if ((b & REPORT_MOUSE_POSITION) && t->drag >= 0)
        slider_at(t, t->drag, x);
    if (b & BUTTON1_RELEASED) {
        if (t->drag >= 0)
            slider_at(t, t->drag, x);
        t->drag = -1;
    }
    if (b & BUTTON4_PRESSED)
        slider_move(t, t->focus, 1, 0);
    if (b & BUTTON5_PRESSED)
        slider_move(t, t->focus, -1, 0);
    apply_pending(t);
}

/* ---- the terminal: set up, restore, signals ---- */

static struct sigaction old_sa[NSIG];
static const int quit_sigs[] = {SIGINT, SIGTERM, SIGHUP, SIGQUIT};
static const int fatal_sigs[] = {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT};
static volatile sig_atomic_t g_screen_up;

static void mouse_tracking(const tui *t, int on)
{
    if (t->mouse && !t->headless) {
        fputs(on ? "\033[?1002h" : "\033[?1002l", t->scr_out);
        fflush(t->scr_out);
    }
}

static void restore_terminal(tui *t)
{
    if (!g_screen_up)
        return;
    g_screen_up = 0;
    mouse_tracking(t, 0);
    curs_set(1);
    endwin();
}

static void on_quit_signal(int sig)
{
    if (sig == SIGINT)
        g_sigint = 1;
    else
        g_sigterm = sig;
}

static void on_fatal_signal(int sig)
{
    /* best effort: give the terminal back, then die the default way */
    if (g_screen_up && g_tui) {
        g_screen_up = 0;
        if (g_tui->mouse && !g_tui->headless) {
            static const char off[] = "\033[?1002l";
            if (write(fileno(g_tui->scr_out), off, sizeof off - 1) < 0) {
            }
        }
        endwin();
    }
    signal(sig, SIG_DFL);
    raise(sig);
}

static void install_signals(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sigemptyset(&sa.sa_mask);
    sa.sa_handler = on_quit_signal;
    for (size_t i = 0; i < sizeof quit_sigs / sizeof quit_sigs[0]; i++)
        sigaction(quit_sigs[i], &sa, &old_sa[quit_sigs[i]]);
    sa.sa_handler = on_fatal_signal;
    sa.sa_flags = SA_RESETHAND;
    for (size_t i = 0; i < sizeof fatal_sigs / sizeof fatal_sigs[0]; i++)
        sigaction(fatal_sigs[i], &sa, &old_sa[fatal_sigs[i]]);
}

static void restore_signals(void)
{
    for (size_t i = 0; i < sizeof quit_sigs / sizeof quit_sigs[0]; i++)
        sigaction(quit_sigs[i], &old_sa[quit_sigs[i]], NULL);
    for (size_t i = 0; i < sizeof fatal_sigs / sizeof fatal_sigs[0]; i++)
        sigaction(fatal_sigs[i], &old_sa[fatal_sigs[i]], NULL);
}

static int screen_open(tui *t, dm_err *err)
{
    if (t->headless) {
        int cols = t->o->cols > 0 ? t->o->cols : 80, rows = t->o->rows > 0 ? t->o->rows : 24;
        char b[16];
        snprintf(b, sizeof b, "%d", rows);
        setenv("LINES", b, 1);
        snprintf(b, sizeof b, "%d", cols);
        setenv("COLUMNS", b, 1);
        t->scr_out = fopen("/dev/null", "w");
        t->scr_in = fopen("/dev/null", "r");
        if (!t->scr_out || !t->scr_in)
            return dm_errf(err, "/dev/null: %s", strerror(errno));
        static const char *terms[] = {"xterm-256color", "xterm", "vt100", "ansi", "dumb"};
        for (size_t i = 0; i < sizeof terms / sizeof terms[0] && !t->scr; i++)
            t->scr = newterm(terms[i], t->scr_out, t->scr_in);
        if (!t->scr)
            return dm_errf(err, "cannot create an off-screen terminal (no terminfo for xterm or vt100)");
        resize_term(rows, cols);
    } else {
        if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO))
            return dm_errf(err, "the TUI needs a terminal (use --headless with --script for tests, or -c/-f for batch)");
        t->scr_out = stdout;
        t->scr_in = stdin;
        t->scr = newterm(NULL, stdout, stdin);
        if (!t->scr)
            return dm_errf(err, "cannot open the terminal (TERM=%s)", getenv("TERM") ? getenv("TERM") : "");
    }
    set_term(t->scr);
    g_screen_up = 1;
    cbreak();
    noecho();
    nonl();
    keypad(stdscr, TRUE);
    set_escdelay(25);
    timeout(TICK_MS);
    curs_set(0);
    if (!t->o->no_color && has_colors()) {
        start_color();
        use_default_colors();
        t->color = 1;
        for (int r = 1; r < R_COUNT; r++)
            init_pair((short)r, roles[r].fg, roles[r].bg);
    }
    if (!t->headless) {
        mouseinterval(0);
        t->mouse = mousemask(BUTTON1_PRESSED | BUTTON1_RELEASED | BUTTON1_CLICKED | BUTTON4_PRESSED |
                                 BUTTON5_PRESSED | REPORT_MOUSE_POSITION,
                             NULL) != 0;
        mouse_tracking(t, 1);
    }
    return 0;
}

static void screen_close(tui *t)
{
    restore_terminal(t);
    if (t->scr) {
        delscreen(t->scr);
        t->scr = NULL;
    }
    if (t->headless) {
        if (t->scr_out)
            fclose(t->scr_out);
        if (t->scr_in)
            fclose(t->scr_in);
    }
    t->scr_out = t->scr_in = NULL;
}

/* A line in the status row for a few seconds. */
static void note(tui *t, double secs, const char *text)
{
    snprintf(t->note, sizeof t->note, "%s", text);
    t->note_until = now_s() + secs;
}

/* Ctrl-C, as htop and tig users expect it: it closes the prompt, or
 * cancels what runs (a command, the live evaluation, slider changes not
 * yet applied: those are kept in the settings but not started); with
 * nothing to cancel it says that q quits, and a second Ctrl-C within 2 s
 * of that quits (status 130). A third Ctrl-C within 2 s while something
 * does not stop quits too. */
static void interrupt(tui *t)
{
    double now = now_s();
    int recent = now - t->int_at < 2.0;
    t->int_at = now;
    t->confirm_quit = 0;
    if (t->prompt != P_NONE) {
        prompt_close(t);
        t->int_n = t->int_idle = 0;
        return;
    }
    if (command_running() || dm_session_busy(t->s) || t->pending || t->knobs_pending) {
        t->int_n = recent && t->int_n > 0 ? t->int_n + 1 : 1;
        t->int_idle = 0;
        if (t->int_n >= 3) { /* it does not stop (a fit does not look at the cancel flag) */
            t->quit = 1;
            t->status = 128 + SIGINT;
            return;
        }
        if (t->pending || t->knobs_pending)
            t->hold_once = 1;
        if (command_running()) {
            logf_(t, 'i', "Ctrl-C: cancelling %s", g_job.line ? g_job.line : "the command");
            cancel_command(t);
        } else if (dm_session_busy(t->s)) {
            t->user_cancel = 1;
            dm_session_stop(t->s); /* a first fit in progress too */
        }
        note(t, 2.0, t->int_n == 1 ? "cancelling (q quits)" : "cancelling (one more Ctrl-C quits at once)");
        return;
    }
    if (recent && t->int_idle) {
        t->quit = 1;
        t->status = 128 + SIGINT;
        return;
    }
    t->int_n = 0;
    t->int_idle = 1;
    note(t, 2.0, "nothing to cancel: press q to quit (or Ctrl-C again)");
}

/* One tick: signals, the snapshot, pending changes, redraw. */
static void tick(tui *t)
{
    if (g_sigterm) {
        t->quit = 1;
        t->status = 128 + g_sigterm;
    }
    if (g_sigint) {
        g_sigint = 0;
        interrupt(t);
    }
    poll_command(t);
    poll_snapshot(t);
    apply_pending(t);
    if (!t->pending && !command_running())
        t->want = *dm_session_settings(t->s);
    render(t);
}

/* ---- interactive loop ---- */

static void interactive_loop(tui *t)
{
    while (!t->quit) {
        tick(t);
        if (t->quit)
            break;
        wint_t wc;
        int rc = get_wch(&wc);
        if (rc == ERR)
            continue;
        do {
            if (rc == KEY_CODE_YES && wc == KEY_MOUSE) {
                MEVENT me;
                while (getmouse(&me) == OK)
                    mouse_event(t, me.x, me.y, me.bstate);
            } else
                key_event(t, rc == KEY_CODE_YES ? KEV((int)wc) : (key_ev)wc);
            if (t->quit)
                break;
            /* drain what is already typed before redrawing */
            timeout(0);
            rc = get_wch(&wc);
            timeout(TICK_MS);
        } while (rc != ERR);
    }
}

/* ---- headless script ---- */

static const struct key_name {
    const char *name;
    int key; /* curses key (negated in events) or a character */
    int curses;
} key_names[] = {
    {"SPACE", ' ', 0},           {"ENTER", '\r', 0},          {"RETURN", '\r', 0},       {"TAB", '\t', 0},
    {"ESC", 27, 0},              {"BACKSPACE", KEY_BACKSPACE, 1}, {"DEL", KEY_DC, 1},     {"UP", KEY_UP, 1},
    {"DOWN", KEY_DOWN, 1},       {"LEFT", KEY_LEFT, 1},       {"RIGHT", KEY_RIGHT, 1},   {"S-LEFT", KEY_SLEFT, 1},
    {"S-RIGHT", KEY_SRIGHT, 1},  {"HOME", KEY_HOME, 1},       {"END", KEY_END, 1},       {"PGUP", KEY_PPAGE, 1},
    {"PGDN", KEY_NPAGE, 1},      {"BTAB", KEY_BTAB, 1},
};

static int parse_key(const char *name, key_ev *ev)
{
    for (size_t i = 0; i < sizeof key_names / sizeof key_names[0]; i++)
        if (strcasecmp(name, key_names[i].name) == 0) {
            *ev = key_names[i].curses ? KEV(key_names[i].key) : key_names[i].key;
            return 0;
        }
    if ((name[0] == 'F' || name[0] == 'f') && isdigit((unsigned char)name[1])) {
        int n = atoi(name + 1);
        if (n >= 1 && n <= 12) {
            *ev = KEV(KEY_F(n));
            return 0;
        }
    }
    if ((name[0] == 'C' || name[0] == 'c') && name[1] == '-' && name[2] && !name[3]) {
        *ev = toupper((unsigned char)name[2]) & 0x1f;
        return 0;
    }
    wchar_t wc;
    mbstate_t st;
    memset(&st, 0, sizeof st);
    size_t n = mbrtowc(&wc, name, strlen(name), &st);
    if (n != (size_t)-1 && n != (size_t)-2 && n > 0 && name[n] == '\0') {
        *ev = (key_ev)wc;
        return 0;
    }
    return -1;
}

static void type_text(tui *t, const char *s)
{
    mbstate_t st;
    memset(&st, 0, sizeof st);
    while (*s && !t->quit) {
        key_ev ev;
        if (*s == '\\' && s[1]) {
            char c = s[1];
            ev = c == 'n' ? '\r' : c == 't' ? '\t' : c == 'e' ? 27 : (unsigned char)c;
            s += 2;
        } else {
            wchar_t wc;
            size_t n = mbrtowc(&wc, s, strlen(s), &st);
            if (n == (size_t)-1 || n == (size_t)-2 || n == 0) {
                ev = (unsigned char)*s;
                n = 1;
                memset(&st, 0, sizeof st);
            } else
                ev = (key_ev)wc;
            s += n;
        }
        key_event(t, ev);
    }
}

/* The screen contains text? */
static int screen_has(const char *text)
{
    char *row = malloc((size_t)COLS * MB_LEN_MAX + 1);
    int found = 0;
    for (int y = 0; row && y < LINES && !found; y++) {
        size_t n = 0;
        mbstate_t st;
        memset(&st, 0, sizeof st);
        for (int x = 0; x < COLS; x++) {
            cchar_t cc;
            wchar_t wc[CCHARW_MAX + 1];
            attr_t a;
            short p;
            if (mvin_wch(y, x, &cc) == ERR || getcchar(&cc, wc, &a, &p, NULL) == ERR || !wc[0]) {
                row[n++] = ' ';
                continue;
            }
            size_t k = wcrtomb(row + n, wc[0], &st);
            n += k == (size_t)-1 ? 0 : k;
        }
        row[n] = '\0';
        found = strstr(row, text) != NULL;
    }
    free(row);
    return found;
}

static int idle(tui *t) { return !t->pending && !command_running() && !dm_session_busy(t->s); }

static int script_line(tui *t, char *line, int lineno, const char *file)
{
    size_t len = strlen(line);
    while (len && (line[len - 1] == '\n' || line[len - 1] == '\r'))
        line[--len] = '\0';
    char *p = line;
    while (*p == ' ' || *p == '\t')
        p++;
    if (!*p || *p == '#')
        return 0;
    char *arg = p;
    while (*arg && *arg != ' ' && *arg != '\t')
        arg++;
    if (*arg)
        *arg++ = '\0';
    while (*arg == ' ' || *arg == '\t')
        arg++;
#define FAIL(...)                                                                               \
    do {                                                                                        \
        int o_ = snprintf(t->script_err, sizeof t->script_err, "%s:%d: ", file, lineno);        \
        snprintf(t->script_err + o_, sizeof t->script_err - (size_t)o_, __VA_ARGS__);           \
        return -1;                                                                              \
    } while (0)
    if (strcmp(p, "key") == 0) {
        char name[64];
        int count = 1;
        if (sscanf(arg, "%63s %d", name, &count) < 1)
            FAIL("key: expected a key name");
        key_ev ev;
        if (parse_key(name, &ev))
            FAIL("key: unknown key '%s'", name);
        for (int i = 0; i < count && !t->quit; i++) {
            key_event(t, ev);
            poll_snapshot(t);
        }
    } else if (strcmp(p, "type") == 0) {
        type_text(t, arg);
    } else if (strcmp(p, "cmd") == 0) {
        run_command(t, arg);
    } else if (strcmp(p, "wait") == 0) {
        double limit = *arg ? atof(arg) : 600;
        double t0 = now_s();
        for (;;) {
            poll_command(t);
            poll_snapshot(t);
            apply_pending(t);
            if (idle(t))
                break;
            if (now_s() - t0 > limit)
                FAIL("wait: the run did not finish within %g s (state %s)", limit,
                     dm_run_state_name(t->snap.state));
            sleep_ms(20);
        }
        dm_session_wait(t->s);
        poll_snapshot(t);
    } else if (strcmp(p, "sleep") == 0) {
        double t0 = now_s(), ms = atof(arg);
        while ((now_s() - t0) * 1000 < ms) {
            tick(t);
            sleep_ms(10);
        }
    } else if (strcmp(p, "mouse") == 0) {
        char what[16];
        int x, y;
        if (sscanf(arg, "%15s %d %d", what, &x, &y) != 3)
            FAIL("mouse: expected press|drag|release X Y");
        mmask_t b = strcmp(what, "press") == 0     ? BUTTON1_PRESSED
                    : strcmp(what, "drag") == 0    ? REPORT_MOUSE_POSITION
                    : strcmp(what, "release") == 0 ? BUTTON1_RELEASED
                                                   : 0;
        if (!b)
            FAIL("mouse: expected press, drag or release, not '%s'", what);
        render(t); /* the slider positions come from the last drawing */
        mouse_event(t, x, y, b);
    } else if (strcmp(p, "resize") == 0) {
        int c, r;
        if (sscanf(arg, "%dx%d", &c, &r) != 2 || c < 20 || r < 5)
            FAIL("resize: expected COLSxROWS");
        resize_term(r, c);
    } else if (strcmp(p, "wait-for") == 0) {
        double t0 = now_s();
        for (;;) {
            tick(t);
            if (screen_has(arg))
                break;
            if (now_s() - t0 > 120)
                FAIL("wait-for: the screen did not show '%s' within 120 s", arg);
            sleep_ms(20);
        }
    } else if (strcmp(p, "expect") == 0) {
        render(t);
        if (!screen_has(arg))
            FAIL("expect: the screen does not show '%s'", arg);
    } else if (strcmp(p, "dump-screen") == 0) {
        dm_err err = {{0}};
        if (dump_screen(t, arg, &err))
            FAIL("%s", err.msg);
    } else if (strcmp(p, "quit") == 0) {
        t->quit = 1;
    } else
        FAIL("unknown directive '%s' (key, type, cmd, wait, wait-for, sleep, mouse, resize, expect, dump-screen, "
             "quit)",
             p);
#undef FAIL
    return 0;
}

static int headless_loop(tui *t)
{
    const char *file = t->o->script ? t->o->script : "-";
    FILE *f = t->o->script ? fopen(t->o->script, "r") : stdin;
    if (!f) {
        snprintf(t->script_err, sizeof t->script_err, "%s: cannot open script: %s", file, strerror(errno));
        return -1;
    }
    char *line = NULL;
    size_t cap = 0;
    int lineno = 0, rc = 0;
    tick(t);
    while (!t->quit && getline(&line, &cap, f) >= 0) {
        lineno++;
        if (script_line(t, line, lineno, file)) {
            rc = -1;
            break;
        }
        while (command_running()) { /* scripts are sequential: commands finish before the next line */
            tick(t);
            sleep_ms(5);
        }
        tick(t);
    }
    free(line);
    if (f != stdin)
        fclose(f);
    return rc;
}

/* ---- entry ---- */

int dm_tui_run(dm_session *s, const dm_tui_opts *o)
{
    static const dm_tui_opts defaults = {0};
    if (!o)
        o = &defaults;
    tui *t = calloc(1, sizeof *t);
    if (!t) {
        fprintf(stderr, "dualmod: out of memory\n");
        return 1;
    }
    t->s = s;
    t->o = o;
    t->headless = o->headless;
    t->drag = -1;
    t->sort_desc = 1;
    t->prev_view = V_MAIN;
    t->log_follow = 1;
    setlocale(LC_CTYPE, "");
    const char *cs = nl_langinfo(CODESET);
    t->utf8 = cs && (strcasecmp(cs, "UTF-8") == 0 || strcasecmp(cs, "utf8") == 0) && !o->ascii;
    t->g = t->utf8 ? &glyphs_utf8 : &glyphs_ascii;
    dm_tui_opts o2 = *o;
    const char *nc = getenv("NO_COLOR");
    if (nc && *nc)
        o2.no_color = 1;
    t->o = &o2;
    t->devnull = fopen("/dev/null", "r+");
    g_tui = t;
    dm_err err = {{0}};
    /* the model: load the `model` setting when nothing is loaded yet */
    if (!dm_session_loaded(s)) {
        const dm_settings *st = dm_session_settings(s);
        if (dm_session_load(s, strcmp(st->model, "-") ? st->model : "kjv-lstm", &err)) {
            fprintf(stderr, "dualmod: %s\n", err.msg);
            free(t);
            g_tui = NULL;
            return 1;
        }
    }
    install_signals();
    if (screen_open(t, &err)) {
        screen_close(t);
        restore_signals();
        fprintf(stderr, "dualmod: %s\n", err.msg);
        if (t->devnull)
            fclose(t->devnull);
        free(t);
        g_tui = NULL;
        return 1;
    }
    rl_setup(t);
    build_help(t);
    t->want = *dm_session_settings(s);
    refresh_views(t);
    /* CMDS run before the first evaluation: starting it at once would race them (a `set` in them
     * cancels the request, and the screen stayed at 'starting') */
    if (o2.commands && *o2.commands) {
        run_command(t, o2.commands);
        t->start_after_cmd = !t->headless && !o2.no_start;
    } else if (!t->headless && !o2.no_start && !dm_session_busy(s))
        start_run(t);
    if (t->headless) {
        if (headless_loop(t))
            t->status = 1;
    } else
        interactive_loop(t);
    if (t->prompt != P_NONE)
        prompt_close(t);
    if (command_running()) { /* stop the command; the UI thread still serves its screen requests */
        cancel_command(t);
        t->quit = 1;
        while (!atomic_load(&g_job.done)) {
            serve_requests(t);
            sleep_ms(5);
        }
        finish_command(t);
    }
    screen_close(t);
    restore_signals();
    if (t->script_err[0])
        fprintf(stderr, "dualmod: %s\n", t->script_err);
    int status = t->status;
    /* stop the engine after the terminal is back (a run cancelled during its evaluation is stored
     * as such; a fit stops too). The build and timing do not look at the cancel flag: rather than keep
     * the user waiting for them, leave after a short grace period. */
    if (dm_session_busy(s)) {
        dm_session_stop(s);
        double t0 = now_s();
        while (dm_session_busy(s) && now_s() - t0 < 2.0)
            sleep_ms(10);
        if (dm_session_busy(s)) { /* the history file is written line by line already */
            fflush(NULL);
            _exit(status);
        }
    }
    dm_session_wait(s);
    for (int i = 0; i < t->nlog; i++)
        free(t->log[i].text);
    free(t->log);
    for (int i = 0; i < t->nhelp; i++)
        free(t->help[i]);
    free(t->help);
    for (int i = 0; i < t->nhwrap; i++)
        free(t->hwrap[i]);
    free(t->hwrap);
    if (t->runs_ok)
        dm_table_free(&t->runs);
    if (t->run_knobs_ok)
        dm_table_free(&t->run_knobs);
    free(t->pts);
    free(t->sens);
    dm_rl_completion_free();
    if (t->devnull)
        fclose(t->devnull);
    g_tui = NULL;
    free(t);
    return status;
}
