/* shell.h - the command-language front ends: -c, -f, standard input,
 * `dualmod shell` (GNU readline) and `dualmod tui`. */
#ifndef DM_SHELL_H
#define DM_SHELL_H

#include <stddef.h>

/* Entry for every invocation that is not one of the classic subcommands
 * (eval, info, bench, little, study). Returns the exit status. */
int dm_front_main(int argc, char **argv);

/* The history file ($XDG_STATE_HOME/dualmod/history, else
 * ~/.local/state/dualmod/history), its directory created; "" if unknown. */
void dm_history_path(char *out, size_t n);

/* Readline's attempted-completion function body for a command line: the
 * candidates for the word ending at end (readline's arguments), with the
 * file names that match where a command takes a file or a model. */
typedef struct dm_session dm_session;
char **dm_rl_completion(dm_session *s, const char *text, int end);
void dm_rl_completion_free(void);

#endif
