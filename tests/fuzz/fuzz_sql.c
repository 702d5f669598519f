/* fuzz_sql.c - libFuzzer target: the run store's query guard. Arbitrary SQL
 * goes through dm_store_query on a store holding a few runs; afterwards the
 * store must be unchanged (same runs, same schema, integrity ok), whatever
 * the statement tried. Each query is bounded by a 50 ms guard timeout. */
#include "fuzz_util.h"
#include "store.h"

#include <math.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

static dm_store *g_st;
static char g_dir[256];

static int first(void *ud, int ncol, const char *const *names, const char *const *vals)
{
    (void)ncol, (void)names;
    snprintf(ud, 256, "%s", vals[0] ? vals[0] : "NULL");
    return 0;
}

static int ignore(void *ud, int ncol, const char *const *names, const char *const *vals)
{
    (void)ud, (void)ncol, (void)names, (void)vals;
    return 0;
}

static void fingerprint(char *out)
{
    dm_err err;
    out[0] = '\0';
    if (dm_store_query(g_st,
                       "select count(*) || '|' || total(ratio) || '|' || group_concat(note) || '|' || "
                       "(select group_concat(name) from sqlite_master) || '|' || "
                       "(select count(*) from run_layers) from runs",
                       first, out, &err))
        abort();
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    const char *dir = getenv("TMPDIR");
    snprintf(g_dir, sizeof g_dir, "%s/dm-fuzz-sql-%ld", dir && *dir ? dir : "/tmp", (long)getpid());
    mkdir(g_dir, 0700);
    char path[300];
    snprintf(path, sizeof path, "%s/runs.db", g_dir);
    unlink(path);
    dm_err err;
    if (dm_store_open(&g_st, path, &err)) {
        fprintf(stderr, "%s\n", err.msg);
        abort();
    }
    for (int i = 0; i < 3; i++) {
        dm_run r;
        memset(&r, 0, sizeof r);
        snprintf(r.model, sizeof r.model, "kjv-lstm");
        snprintf(r.model_hash, sizeof r.model_hash, "0123456789abcdef");
        snprintf(r.split, sizeof r.split, "valid");
        snprintf(r.status, sizeof r.status, "done");
        snprintf(r.note, sizeof r.note, "note %d", i);
        r.ratio = 0.1 * (i + 1);
        r.eps = NAN;
        r.nsites = 1;
        snprintf(r.site[0].name, sizeof r.site[0].name, "l0");
        snprintf(r.site[0].kind, sizeof r.site[0].kind, "lstm");
        if (dm_store_add(g_st, &r, &err)) {
            fprintf(stderr, "%s\n", err.msg);
            abort();
        }
    }
    dm_store_query_guard(g_st, NULL, 0.05); /* short: a runaway query costs the fuzzer its whole timeout */
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static char before[256];
    if (size > 4096)
        return 0;
    if (!before[0])
        fingerprint(before);
    char *sql = fuzz_str(data, size);
    dm_err err;
    (void)dm_store_query(g_st, sql, ignore, NULL, &err);
    free(sql);
    char after[256];
    fingerprint(after);
    if (strcmp(before, after) != 0) {
        fprintf(stderr, "the store changed: %s -> %s\n", before, after);
        abort();
    }
    return 0;
}
