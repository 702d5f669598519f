/* test_hostile.c - hostile input and faults at the library level (issue 15):
 * the SQL guard of the run store (allow-list, limits, cancel, timeout), store
 * refusal without side effects, multi-id changes all-or-nothing, concurrent
 * identical sweeps, bounded readers. tests/test_hostile_cli.sh has the program-
 * level checks. */
#define _DEFAULT_SOURCE
#include <criterion/criterion.h>

#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "store.h"
#include "util.h"

static char tmpdir[256];

static void setup(void)
{
    snprintf(tmpdir, sizeof tmpdir, "/tmp/dm-hostile-XXXXXX");
    cr_assert_not_null(mkdtemp(tmpdir));
}

static void teardown(void)
{
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
    if (system(cmd) != 0)
        fprintf(stderr, "cannot remove %s\n", tmpdir);
}

static void tpath(char *out, size_t n, const char *name) { snprintf(out, n, "%s/%s", tmpdir, name); }

static dm_store *open_store(const char *name)
{
    char p[512];
    dm_err err = {{0}};
    dm_store *st = NULL;
    tpath(p, sizeof p, name);
    cr_assert_eq(dm_store_open(&st, p, &err), 0, "open %s: %s", p, err.msg);
    return st;
}

static void fill_run(dm_run *r, double ratio)
{
    memset(r, 0, sizeof *r);
    snprintf(r->model, sizeof r->model, "kjv-lstm");
    snprintf(r->model_hash, sizeof r->model_hash, "0123456789abcdef");
    snprintf(r->split, sizeof r->split, "valid");
    snprintf(r->split_hash, sizeof r->split_hash, "fedcba9876543210");
    snprintf(r->status, sizeof r->status, "done");
    snprintf(r->metric, sizeof r->metric, "perplexity");
    r->ratio = ratio;
    r->bits = 8;
    r->eps = NAN;
    r->value = 100;
}

static int first_long(void *ud, int nc, const char *const *nm, const char *const *vals)
{
    (void)nc, (void)nm;
    *(long *)ud = vals[0] ? atol(vals[0]) : -1;
    return 0;
}

static long count(dm_store *st, const char *sql)
{
    long v = -1;
    dm_err err;
    cr_assert_eq(dm_store_query(st, sql, first_long, &v, &err), 0, "%s", err.msg);
    return v;
}

static int count_rows(void *ud, int ncol, const char *const *names, const char *const *vals)
{
    (void)ncol;
    (void)names;
    (void)vals;
    ++*(long *)ud;
    return 0;
}

/* err.msg of a query that must fail */
static const char *refused(dm_store *st, const char *sql)
{
    static dm_err err;
    long n = 0;
    err.msg[0] = '\0';
    cr_expect_eq(dm_store_query(st, sql, count_rows, &n, &err), -1, "'%s' was allowed", sql);
    return err.msg;
}

TestSuite(sql_guard, .init = setup, .fini = teardown, .timeout = 60);

/* fts3_tokenizer takes a pointer (crash, pointer leak); load_extension,
 * randomblob/zeroblob are refused by the function allow-list */
Test(sql_guard, functions_are_an_allow_list)
{
    dm_store *st = open_store("runs.db");
    const char *bad[] = {"select fts3_tokenizer('simple', x'4141414141414141')", "select fts3_tokenizer('simple')",
                         "select count(*) from runs where fts3_tokenizer('simple') is not null",
                         "select load_extension('/tmp/x.so')", "select randomblob(1000000000)",
                         "select length(zeroblob(1000000000))", "select sqlite_compileoption_get(0), 1"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        const char *m = refused(st, bad[i]);
        cr_expect(strstr(m, "is not allowed") != NULL, "'%s': %s", bad[i], m);
    }
    long n = 0;
    dm_err err;
    cr_expect_eq(dm_store_query(st,
                                "select abs(-1), round(2.5), lower('A'), coalesce(null, 1), printf('%d', 3), "
                                "count(*), avg(ratio), max(id), datetime('now'), typeof(1), substr('abc', 2) "
                                "from run_summary",
                                count_rows, &n, &err),
                 0, "%s", err.msg);
    cr_expect_eq(n, 1);
    dm_store_close(st);
}

/* values are bounded in length; results in rows */
Test(sql_guard, length_and_rows_are_bounded, .timeout = 600)
{
    dm_store *st = open_store("runs.db");
    const char *m = refused(st, "with recursive c(s, n) as (select 'x', 0 union all select s || s, n + 1 from c "
                                "where n < 30) select length(s) from c");
    cr_expect(strstr(m, "too big") != NULL, "%s", m);
    m = refused(st, "with recursive c(x) as (select 1 union all select x + 1 from c) select x from c");
    cr_expect(strstr(m, "more than 1000000 rows") != NULL, "%s", m);
    dm_store_close(st);
}

static volatile int g_cancel;

/* wall-clock limits stretch under sanitizers and Valgrind (ci-extra sets the factor) */
static double time_factor(void)
{
    const char *f = getenv("DM_TEST_TIME_FACTOR");
    double v = f ? atof(f) : 1.0;
    return v >= 1.0 ? v : 1.0;
}

static void *cancel_later(void *ud)
{
    (void)ud;
    struct timespec ts = {0, 300 * 1000000L};
    nanosleep(&ts, NULL);
    g_cancel = 1;
    return NULL;
}

/* a runaway query stops on the cancel flag (Ctrl-C, the TUI's c) and on the timeout */
Test(sql_guard, runaway_query_is_cancellable_and_timed_out)
{
    dm_store *st = open_store("runs.db");
    const char *runaway = "with recursive c(x) as (select 1 union all select x + 1 from c) select count(*) from c";
    g_cancel = 0;
    dm_store_query_guard(st, &g_cancel, 0);
    pthread_t th;
    cr_assert_eq(pthread_create(&th, NULL, cancel_later, NULL), 0);
    double t0 = dm_now();
    const char *m = refused(st, runaway);
    pthread_join(th, NULL);
    cr_expect_str_eq(m, "sql: query cancelled");
    cr_expect_lt(dm_now() - t0, 10.0 * time_factor());

    g_cancel = 0;
    dm_store_query_guard(st, &g_cancel, 0.5);
    t0 = dm_now();
    m = refused(st, runaway);
    cr_expect(strstr(m, "sql: query stopped after 0.5 s") != NULL, "%s", m);
    cr_expect_lt(dm_now() - t0, 10.0 * time_factor());
    /* and the connection is usable afterwards */
    long n = 0;
    dm_err err;
    cr_expect_eq(dm_store_query(st, "select count(*) from runs", count_rows, &n, &err), 0, "%s", err.msg);
    dm_store_close(st);
}

/* ---- the store keeps its promise ------------------------------------------ */

TestSuite(store_refusal, .init = setup, .fini = teardown, .timeout = 60);

static unsigned char *slurp(const char *path, size_t *n)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        *n = 0;
        return NULL;
    }
    unsigned char *buf = malloc(1 << 22);
    cr_assert_not_null(buf);
    *n = fread(buf, 1, 1 << 22, f);
    fclose(f);
    return buf;
}

static int exists(const char *p)
{
    struct stat sb;
    return stat(p, &sb) == 0;
}

/* A foreign database whose content is still in its -wal: refused, and the
 * file, its -wal and its -shm are left exactly as they were (SQLite must not
 * checkpoint it on close). */
Test(store_refusal, foreign_wal_left_untouched)
{
    char p[512], wal[520], shm[520];
    tpath(p, sizeof p, "foreign.db");
    snprintf(wal, sizeof wal, "%s-wal", p);
    snprintf(shm, sizeof shm, "%s-shm", p);
    /* a writer that dies without checkpointing: the copy of file + wal taken while it is open */
    char cmd[4096];
    snprintf(cmd, sizeof cmd,
             "/usr/bin/python3 -c \"import sqlite3, shutil\n"
             "c = sqlite3.connect('%s.live'); c.execute('pragma journal_mode=wal'); "
             "c.execute('pragma wal_autocheckpoint=0'); c.execute('create table notes (x)'); "
             "c.execute(\\\"insert into notes values ('precious')\\\"); c.commit()\n"
             "shutil.copy('%s.live', '%s'); shutil.copy('%s.live-wal', '%s-wal')\"",
             p, p, p, p, p);
    cr_assert_eq(system(cmd), 0, "%s", cmd);
    cr_assert(exists(wal), "the test wants a -wal");
    size_t n0, w0;
    unsigned char *b0 = slurp(p, &n0), *wb0 = slurp(wal, &w0);
    int shm0 = exists(shm);
    dm_store *st = NULL;
    dm_err err = {{0}};
    cr_assert_neq(dm_store_open(&st, p, &err), 0, "a foreign database was opened");
    cr_expect(strstr(err.msg, "not a dualmod database") != NULL, "%s", err.msg);
    cr_expect(strstr(err.msg, "notes") != NULL, "%s", err.msg);
    size_t n1, w1;
    unsigned char *b1 = slurp(p, &n1), *wb1 = slurp(wal, &w1);
    cr_expect(n1 == n0 && memcmp(b0, b1, n0) == 0, "the file changed (%zu -> %zu bytes)", n0, n1);
    cr_expect(wb1 && w1 == w0 && memcmp(wb0, wb1, w0) == 0, "the -wal changed or vanished");
    if (!shm0)
        cr_expect(!exists(shm), "a -shm was left beside the refused file");
    free(b0), free(b1), free(wb0), free(wb1);
}

/* A foreign -wal beside a real store must not replace the store's content. */
Test(store_refusal, foreign_wal_beside_a_store)
{
    char p[512], cmd[4096];
    tpath(p, sizeof p, "runs.db");
    dm_store *st = open_store("runs.db");
    dm_store_close(st);
    size_t n0;
    unsigned char *b0 = slurp(p, &n0);
    snprintf(cmd, sizeof cmd,
             "/usr/bin/python3 -c \"import sqlite3, shutil\n"
             "c = sqlite3.connect('%s.other'); c.execute('pragma journal_mode=wal'); "
             "c.execute('pragma wal_autocheckpoint=0'); c.execute('create table evil (x)'); c.commit()\n"
             "shutil.copy('%s.other-wal', '%s-wal')\"",
             p, p, p);
    cr_assert_eq(system(cmd), 0, "%s", cmd);
    dm_err err = {{0}};
    st = NULL;
    int rc = dm_store_open(&st, p, &err);
    if (rc == 0)
        dm_store_close(st);
    size_t n1;
    unsigned char *b1 = slurp(p, &n1);
    if (rc != 0) /* refused: byte-identical */
        cr_expect(n1 == n0 && memcmp(b0, b1, n0) == 0, "refused, but the store changed: %s", err.msg);
    else { /* or accepted (SQLite ignored a -wal that does not match the file): still a store */
        cr_expect_eq(dm_store_open(&st, p, &err), 0, "%s", err.msg);
        dm_store_close(st);
    }
    free(b0), free(b1);
}

/* A read-only store can be read (runs, sql) and is not written: no -wal or -shm. */
Test(store_refusal, read_only_store_usable_for_reading)
{
    if (geteuid() == 0)
        cr_skip_test("root ignores file permissions");
    char p[512], wal[520], shm[520];
    tpath(p, sizeof p, "runs.db");
    snprintf(wal, sizeof wal, "%s-wal", p);
    snprintf(shm, sizeof shm, "%s-shm", p);
    dm_store *st = open_store("runs.db");
    dm_run r;
    dm_err err;
    fill_run(&r, 0.5);
    cr_assert_eq(dm_store_add(st, &r, &err), 0, "%s", err.msg);
    dm_store_close(st);
    cr_assert_eq(chmod(p, 0444), 0);
    st = NULL;
    cr_assert_eq(dm_store_open(&st, p, &err), 0, "a read-only store was refused: %s", err.msg);
    cr_expect_eq(count(st, "select count(*) from run_summary"), 1);
    dm_run got;
    cr_expect_eq(dm_store_get(st, r.id, &got, &err), 0, "%s", err.msg);
    cr_expect_neq(dm_store_add(st, &r, &err), 0, "a read-only store was written");
    cr_expect(strstr(err.msg, "readonly") != NULL || strstr(err.msg, "read-only") != NULL, "%s", err.msg);
    dm_store_close(st);
    cr_expect(!exists(wal) && !exists(shm), "-wal or -shm left beside a read-only store");
}

Test(store_refusal, store_without_run_groups_refused)
{
    char p[512];
    tpath(p, sizeof p, "runs.db");
    dm_store *st = open_store("runs.db");
    dm_store_close(st);
    char cmd[1024];
    snprintf(cmd, sizeof cmd, "/usr/bin/sqlite3 '%s' 'drop table run_groups'", p);
    cr_assert_eq(system(cmd), 0, "%s", cmd);
    dm_err err = {{0}};
    st = NULL;
    cr_assert_neq(dm_store_open(&st, p, &err), 0, "a store without run_groups was opened");
    cr_expect(strstr(err.msg, "without its table(s) run_groups") != NULL, "%s", err.msg);
}

Test(store_refusal, special_files_named)
{
    char p[512];
    tpath(p, sizeof p, "fifo.db");
    cr_assert_eq(mkfifo(p, 0600), 0);
    dm_store *st = NULL;
    dm_err err = {{0}};
    cr_assert_neq(dm_store_open(&st, p, &err), 0);
    cr_expect(strstr(err.msg, "a FIFO") != NULL, "%s", err.msg);
    cr_assert_neq(dm_store_open(&st, "/dev/zero", &err), 0);
    cr_expect(strstr(err.msg, "a character device") != NULL, "%s", err.msg);
}

/* ---- changes are all or nothing; identical sweeps store once --------------- */

Test(store_refusal, delete_many_is_all_or_nothing)
{
    dm_store *st = open_store("runs.db");
    dm_err err;
    dm_run r;
    int64_t ids[3];
    for (int i = 0; i < 3; i++) {
        fill_run(&r, 0.1 * (i + 1));
        cr_assert_eq(dm_store_add(st, &r, &err), 0, "%s", err.msg);
        ids[i] = r.id;
    }
    int64_t bad[2] = {ids[0], 999};
    cr_expect_neq(dm_store_delete_many(st, bad, 2, &err), 0);
    cr_expect(strstr(err.msg, "no run 999; nothing deleted") != NULL, "%s", err.msg);
    cr_expect_eq(count(st, "select count(*) from runs"), 3, "a run was deleted");
    int64_t good[3] = {ids[0], ids[2], ids[0]};
    cr_expect_eq(dm_store_delete_many(st, good, 3, &err), 0, "%s", err.msg);
    cr_expect_eq(count(st, "select count(*) from runs"), 1);
    dm_store_close(st);
}

Test(store_refusal, add_unique_stores_a_configuration_once)
{
    dm_store *a = open_store("runs.db"), *b = open_store("runs.db");
    dm_err err;
    dm_run r;
    fill_run(&r, 0.5);
    cr_expect_eq(dm_store_add_unique(a, &r, &err), 0, "%s", err.msg);
    int64_t first = r.id;
    fill_run(&r, 0.5);
    cr_expect_eq(dm_store_add_unique(b, &r, &err), 1, "%s", err.msg);
    cr_expect_eq(r.id, first);
    fill_run(&r, 0.6);
    cr_expect_eq(dm_store_add_unique(b, &r, &err), 0, "%s", err.msg);
    cr_expect_eq(count(a, "select count(*) from runs"), 2);
    dm_store_close(a);
    dm_store_close(b);
}
