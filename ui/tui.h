/* tui.h - the terminal user interface (ncurses + embedded readline).
 *
 * Presentation only: it renders dm_snapshot copies from the session, sends
 * settings and commands through the command language (dm_session_set,
 * dm_session_start, dm_cmd_exec) and reads runs through dm_session_runs /
 * dm_session_pareto. No model math and no SQL here. */
#ifndef DM_TUI_H
#define DM_TUI_H

#include "session.h"

typedef struct dm_tui_opts {
    int headless;          /* render to an off-screen terminal; input from `script` */
    int cols, rows;        /* headless screen size (default 80x24) */
    const char *script;    /* headless: file of keys/commands driving the TUI (NULL = stdin) */
    int no_color;          /* NO_COLOR set or --no-color */
    const char *history;   /* readline history file (may be NULL) */
    int ascii;             /* ASCII drawing even in a UTF-8 locale */
    const char *commands;  /* command-language line run before the first evaluation (NULL = none) */
    int no_start;          /* do not start evaluating at once (headless never starts by itself) */
} dm_tui_opts;

/* Run the TUI on the session (model already loaded, or loads the `model`
 * setting, kjv-lstm when it is "-"). Returns the process exit status. */
int dm_tui_run(dm_session *s, const dm_tui_opts *o);

/* The TUI's keys as its help screen lists them (the man page prints them too). */
extern const dm_key_help dm_tui_keys[];
extern const int dm_tui_nkeys;

#endif
