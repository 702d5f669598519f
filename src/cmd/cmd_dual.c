/* cmd_dual.c - save-dual and load-dual: deployable dual modules
 * (src/dual/dualfile.h) from the command language. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cmd_int.h"
#include "dualfile.h"

/* What a dual file holds, one line. */
static void describe(dm_cmd_ctx *c, const char *verb, const char *path, const dm_engine *e)
{
    struct stat sb;
    char size[32] = "?";
    if (stat(path, &sb) == 0)
        dm_cmd_human_bytes((double)sb.st_size, size, sizeof size);
    char knobs[512];
    knobs[0] = '\0';
    if (e) {
        char bits[16];
        if (e->cfg.bits)
            snprintf(bits, sizeof bits, "%d", e->cfg.bits);
        else
            snprintf(bits, sizeof bits, "fp32");
        snprintf(knobs, sizeof knobs, ": %d site%s, ratio %g, %s bits, k %d, %s, %s policy", e->nsites,
                 e->nsites == 1 ? "" : "s", e->cfg.ratio, bits, e->k, dm_proj_name(e->cfg.proj),
                 dm_policy_name(e->cfg.policy));
    }
    info(c, "%s %s (%s)%s", verb, path, size, knobs);
}

int dm_cmd_save_dual(dm_cmd_ctx *c, int argc, char **argv, const char *const *raw)
{
    (void)raw;
    /* save-dual [RUN] FILE [full] */
    int full = argc >= 2 && strcmp(argv[argc - 1], "full") == 0;
    int n = argc - full;
    if (n < 1 || n > 2)
        return fail(c, "usage: save-dual [RUN] FILE [full]");
    const char *path = argv[n - 1];
    int rc;
    if (n == 2) {
        char *end;
        errno = 0;
        long long id = strtoll(argv[0], &end, 10);
        if (errno || *end || end == argv[0] || id <= 0)
            return fail(c, "save-dual '%s': expected a run id (a positive integer; 'runs' lists them)", argv[0]);
        dm_store *st = dm_session_store(c->s, &c->err);
        if (!st)
            return -1;
        dm_run *r = calloc(1, sizeof *r);
        if (!r)
            return fail(c, "out of memory");
        dm_session_store_lock(c->s);
        rc = dm_store_get(st, id, r, &c->err);
        dm_session_store_unlock(c->s);
        if (!rc && strcmp(r->status, "done"))
            rc = fail(c, "run %lld is %s, not done: save-dual takes a completed run", id, r->status);
        if (!rc && !c->io->quiet && c->io->progress && c->io->msg) {
            fprintf(c->io->msg, "building the dual modules of run %lld (fitting data from the cache)...", id);
            fflush(c->io->msg);
        }
        if (!rc)
            rc = dm_session_save_dual_run(c->s, r, path, full, &c->err);
        if (!c->io->quiet && c->io->progress && c->io->msg) {
            fprintf(c->io->msg, "\r\033[K");
            fflush(c->io->msg);
        }
        free(r);
        if (rc)
            return -1;
        char verb[64];
        snprintf(verb, sizeof verb, "saved the dual modules of run %lld to", id);
        describe(c, verb, path, dm_session_engine(c->s));
        return 0;
    }
    if (!dm_session_loaded(c->s))
        return fail(c, "no model loaded: 'load MODEL' first, or save-dual RUN FILE");
    if (!dm_session_dual_file(c->s)[0] && (dm_cmd_fit_first(c) || dm_cmd_check_lambda(c, "save-dual")))
        return -1;
    if (dm_session_save_dual(c->s, path, full, &c->err))
        return -1;
    describe(c, "saved the dual modules of the settings to", path, dm_session_engine(c->s));
    return 0;
}

int dm_cmd_load_dual(dm_cmd_ctx *c, int argc, char **argv, const char *const *raw)
{
    (void)argc, (void)raw;
    if (dm_session_set(c->s, "dual", argv[0], c->io->tui_cmd != NULL, &c->err))
        return -1;
    if (strcmp(argv[0], "-") == 0) {
        info(c, "dual file dropped: runs fit the little modules");
        return 0;
    }
    const dm_dual_file_info *fi = dm_session_dual_info(c->s);
    char verb[400];
    snprintf(verb, sizeof verb, "loaded the dual modules of %s (%.100s, %.32s) from", fi ? fi->model : "?",
             fi ? fi->source : "?", fi ? fi->created : "?");
    describe(c, verb, argv[0], dm_session_engine(c->s));
    info(c, "runs use them without fitting; changing bits, k, eps, seed, proj or policy goes back to fitting");
    return 0;
}
