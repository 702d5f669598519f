/* test_tune.c - per-site knobs, sensitivity and the configuration tuner
 * (issue 16) through the command language, on kjv-gru with short slices of
 * its validation split. */
#define _DEFAULT_SOURCE
#include <criterion/criterion.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"
#include "dual.h"
#include "session.h"
#include "store.h"
#include "util.h"

static char tmpdir[256];
static dm_session *S;
static char *outbuf, *msgbuf;
static size_t outlen, msglen;

static void setup(void)
{
    snprintf(tmpdir, sizeof tmpdir, "/tmp/dm-tune-XXXXXX");
    cr_assert_not_null(mkdtemp(tmpdir));
    char db[320];
    snprintf(db, sizeof db, "%s/runs.db", tmpdir);
    dm_session_opts o = {.db_path = db};
    dm_err err;
    cr_assert_eq(dm_session_new(&S, &o, &err), 0, "%s", err.msg);
}

static void teardown(void)
{
    dm_session_free(S);
    free(outbuf);
    free(msgbuf);
    outbuf = msgbuf = NULL;
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf %s", tmpdir);
    if (system(cmd) != 0)
        fprintf(stderr, "cannot remove %s\n", tmpdir);
}

TestSuite(tune, .init = setup, .fini = teardown, .timeout = 600);

/* Run a line; out and msg are captured into outbuf / msgbuf (kept until the next exec). */
static int exec(const char *line)
{
    free(outbuf);
    free(msgbuf);
    FILE *outf = open_memstream(&outbuf, &outlen);
    FILE *msgf = open_memstream(&msgbuf, &msglen);
    dm_cmd_io io = {.out = outf, .msg = msgf, .where = "t"};
    int rc = dm_cmd_exec(S, line, &io);
    fclose(outf);
    fclose(msgf);
    return rc;
}

/* One value of a query on the session's store, as text. */
static void q1(const char *sql, char *out, size_t n)
{
    dm_table t;
    dm_err err;
    dm_table_init(&t, NULL);
    cr_assert_eq(dm_session_query(S, sql, &t, &err), 0, "%s: %s", sql, err.msg);
    const char *v = t.nrow > 0 && t.ncol > 0 ? dm_table_get(&t, 0, 0) : NULL;
    snprintf(out, n, "%s", v ? v : "(null)");
    dm_table_free(&t);
}

static long q1l(const char *sql)
{
    char b[256];
    q1(sql, b, sizeof b);
    return atol(b);
}

static void load_small(void)
{
    cr_assert_eq(exec("load kjv-gru; set split valid; set limit 600; set speed 10; set streams 4"), 0, "%s",
                 msgbuf);
}

Test(tune, site_knobs_are_checked_set_listed_and_dropped)
{
    dm_settings s;
    dm_settings_default(&s);
    dm_err err;
    /* without a model: syntax and values only */
    cr_expect_eq(dm_settings_set(&s, "ratio.l1", "0.8", &err), 0, "%s", err.msg);
    cr_expect_eq(dm_settings_set(&s, "bits.l*", "4", &err), 0, "%s", err.msg);
    cr_expect_eq(dm_settings_set(&s, "k.l0", "32", &err), 0, "%s", err.msg);
    cr_expect_eq(s.nknobs, 3);
    cr_expect_eq(dm_settings_set(&s, "ratio.l1", "2", &err), -1);
    cr_expect(strstr(err.msg, "ratio.l1") && strstr(err.msg, "0 to 1"), "%s", err.msg);
    cr_expect_eq(dm_settings_set(&s, "bits.l1", "x", &err), -1);
    cr_expect(strstr(err.msg, "fp32"), "%s", err.msg);
    cr_expect_eq(dm_settings_set(&s, "k.l1", "0", &err), -1);
    cr_expect(strstr(err.msg, "default"), "%s", err.msg);
    cr_expect_eq(dm_settings_set(&s, "ratio.", "0.5", &err), -1);
    cr_expect(strstr(err.msg, "site"), "%s", err.msg);
    cr_expect_eq(dm_settings_set(&s, "ratio.a b", "0.5", &err), -1);
    /* the same entry again replaces it (and moves it last) */
    cr_expect_eq(dm_settings_set(&s, "ratio.l1", "50%", &err), 0, "%s", err.msg);
    cr_expect_eq(s.nknobs, 3);
    char nm[96], v[64];
    dm_settings_knob_text(&s, 2, nm, sizeof nm, v, sizeof v);
    cr_expect_str_eq(nm, "ratio.l1");
    cr_expect_str_eq(v, "0.5");
    /* default drops one entry, KNOB.* default every entry of the knob */
    cr_expect_eq(dm_settings_set(&s, "bits.l*", "default", &err), 0);
    cr_expect_eq(s.nknobs, 2);
    cr_expect_eq(dm_settings_set(&s, "ratio.*", "default", &err), 0);
    cr_expect_eq(s.nknobs, 1);
    cr_expect_eq(s.knobs[0].knob, DM_S_K);

    /* with a model: the site must exist; the error names the sites there are */
    load_small();
    cr_expect_eq(exec("set ratio.l7 0.5"), 1);
    cr_expect(strstr(msgbuf, "l7") && strstr(msgbuf, "l0, l1"), "%s", msgbuf);
    cr_expect_eq(exec("set ratio.l1 0.8 bits.l0 4"), 0, "%s", msgbuf);
    cr_expect_eq(exec("get ratio.l1 bits.l0 ratio.l0"), 0, "%s", msgbuf);
    cr_expect(strstr(outbuf, "ratio.l1") && strstr(outbuf, "0.8") && strstr(outbuf, "default (ratio"), "%s", outbuf);
    /* k above the site's smallest input is refused before any work */
    cr_expect_eq(exec("set k.l0 100000"), 1);
    cr_expect_eq(exec("set k.l0 100000; run"), 1);
}

Test(tune, a_per_site_run_stores_each_sites_knobs)
{
    load_small();
    cr_assert_eq(exec("set experiment per-site; set ratio 0; set ratio.l1 0.8; set bits.l1 4; run"), 0, "%s", msgbuf);
    char b[256];
    q1("select experiment from run_summary order by id desc limit 1", b, sizeof b);
    cr_expect_str_eq(b, "per-site");
    q1("select site_knobs from runs order by id desc limit 1", b, sizeof b);
    cr_expect_str_eq(b, "l1:ratio=0.8,bits=4");
    q1("select group_concat(site || '=' || ratio || '/' || bits, ' ') from (select * from run_sites "
       "where run_id = (select max(id) from runs) order by site_index)",
       b, sizeof b);
    cr_expect_str_eq(b, "l0=0.0/8 l1=0.8/4");
    /* l0 at ratio 0 runs dense: nothing taken from a little module there; l1 near its request */
    double a0 = atof((q1("select ratio_achieved from run_sites where run_id = (select max(id) from runs) and "
                         "site_index = 0", b, sizeof b), b));
    double a1 = atof((q1("select ratio_achieved from run_sites where run_id = (select max(id) from runs) and "
                         "site_index = 1", b, sizeof b), b));
    cr_expect_eq(a0, 0.0);
    cr_expect(fabs(a1 - 0.8) < 0.1, "l1 achieved %g", a1);
    /* the engine: l0 keeps the global bits, l1 its own */
    const dm_engine *e = dm_session_engine(S);
    cr_assert_not_null(e);
    cr_expect_eq(e->s[0].bits, 8);
    cr_expect_eq(e->s[1].bits, 4);
    cr_expect_eq(e->s[1].ratio, 0.8);
    /* an override equal to the global value is the uniform configuration: found stored */
    cr_assert_eq(exec("set ratio.* default; set bits.* default; set ratio 0.5; run"), 0, "%s", msgbuf);
    long n0 = q1l("select count(*) from runs");
    int64_t id;
    dm_err err;
    cr_assert_eq(exec("set ratio.l0 0.5"), 0, "%s", msgbuf);
    cr_expect_eq(dm_session_find_same(S, &id, &err), 1, "ratio.l0 = the global ratio is the same configuration");
    cr_assert_eq(exec("set ratio.l0 0.6"), 0, "%s", msgbuf);
    cr_expect_eq(dm_session_find_same(S, &id, &err), 0);
    cr_expect_eq(q1l("select count(*) from runs"), n0);
    /* a per-site knob can be swept; the sweep restores it */
    cr_assert_eq(exec("set ratio.l0 default; sweep ratio.l1 0.2,0.4"), 0, "%s", msgbuf);
    char b2[256];
    q1("select group_concat(site_knobs, ' ') from (select site_knobs from runs order by id desc limit 2)", b2,
       sizeof b2);
    cr_expect_str_eq(b2, "l1:ratio=0.4 l1:ratio=0.2");
    cr_expect_eq(dm_session_settings(S)->nknobs, 0, "ratio.l1 was not set before the sweep");
    cr_expect_eq(exec("sweep ratio.l9 0.2,0.4"), 1);
    cr_expect(strstr(msgbuf, "l9"), "%s", msgbuf);
    /* show lists the per-site knobs */
    cr_assert_eq(exec("show 1"), 0, "%s", msgbuf);
    cr_expect(strstr(outbuf, "layer1.requested") && strstr(outbuf, "l1:ratio=0.8,bits=4"), "%s", outbuf);
}

Test(tune, sensitivity_runs_one_site_at_a_time_and_resumes)
{
    load_small();
    cr_assert_eq(exec("sensitivity ratio 0.5,0.9"), 0, "%s", msgbuf);
    cr_expect_eq(q1l("select count(*) from runs where tag = 'sensitivity'"), 4);
    char b[512];
    q1("select group_concat(site_knobs, ' ') from (select site_knobs from runs order by id)", b, sizeof b);
    cr_expect_str_eq(b, "l0:ratio=0.5 l0:ratio=0.9 l1:ratio=0.5 l1:ratio=0.9");
    cr_expect_eq(q1l("select count(*) from runs where ratio = 0"), 4, "the other sites run dense");
    cr_expect(strstr(outbuf, "loss_pct") && strstr(outbuf, "l1"), "%s", outbuf);
    cr_expect(strstr(msgbuf, "4 configurations run"), "%s", msgbuf);
    /* the settings are restored */
    char v[64];
    dm_settings_get(dm_session_settings(S), DM_S_RATIO, v, sizeof v);
    cr_expect_str_eq(v, "0.5");
    cr_expect_eq(dm_session_settings(S)->nknobs, 0);
    /* again: every configuration is reused */
    cr_assert_eq(exec("sensitivity ratio 0.5,0.9 sites l1"), 0, "%s", msgbuf);
    cr_expect(strstr(msgbuf, "0 configurations run, 2 already stored"), "%s", msgbuf);
    cr_expect_eq(q1l("select count(*) from runs"), 4);
    /* a shard runs its slice of the grid: configurations 0 and 2 of l0's and l1's four */
    cr_assert_eq(exec("set shard 1/2; sensitivity ratio 0.5,0.7 --force"), 0, "%s", msgbuf);
    cr_expect(strstr(msgbuf, "shard 1/2: 2 of"), "%s", msgbuf);
    cr_expect(strstr(outbuf, "l0") && strstr(outbuf, "l1"), "%s", outbuf);
    /* no row at ratio 0.7 (the ratio column: a timing such as a speedup of 0.772 may hold "0.7") */
    int rows07 = 0, rows = 0;
    for (const char *line = outbuf; line && *line; line = strchr(line, '\n') ? strchr(line, '\n') + 1 : NULL) {
        char site[64];
        int bits;
        double ratio;
        if (sscanf(line, "%63s %d %lf", site, &bits, &ratio) == 3) {
            rows++;
            rows07 += fabs(ratio - 0.7) < 1e-9;
        }
    }
    cr_expect(rows == 2 && rows07 == 0, "%d rows, %d at ratio 0.7: %s", rows, rows07, outbuf);
    cr_assert_eq(exec("set shard 1/1"), 0);
    cr_expect_eq(exec("sensitivity sites x*"), 1);
    cr_expect(strstr(msgbuf, "x*"), "%s", msgbuf);
    cr_expect_eq(exec("sensitivity ratio 0"), 1);
}

Test(tune, tune_meets_its_constraint_and_resumes)
{
    load_small();
    cr_expect_eq(exec("tune dbleu >= -1 maximize speedup"), 1);
    cr_expect(strstr(msgbuf, "perplexity"), "%s", msgbuf);
    cr_expect_eq(exec("tune dppl_pct = 1 maximize speedup"), 1);
    cr_expect_eq(exec("tune dppl_pct <= 1 maximize beauty"), 1);
    cr_expect_eq(exec("tune dppl_pct <= 1"), 1);
    const char *cmd = "tune loss_pct <= 1 maximize bytes trials 16 ratios 0.5,0.9 report none sens-limit all";
    cr_assert_eq(exec(cmd), 0, "%s", msgbuf);
    long n = q1l("select count(*) from runs");
    cr_expect(n >= 5 && n <= 16, "%ld trials", n);
    cr_expect_eq(q1l("select count(*) from runs where tag like 'tune:%'"), n, "every trial is tagged");
    /* the reported tuned configuration meets the constraint on the split */
    cr_expect(strstr(outbuf, "tuned") && strstr(outbuf, "uniform"), "%s", outbuf);
    char b[256];
    q1("select max(loss_pct) from run_summary where id in (select id from runs where tag like 'tune:%') and "
       "loss_pct <= 1",
       b, sizeof b);
    cr_expect(atof(b) <= 1.0, "%s", b);
    /* the same command again: nothing new is run */
    cr_assert_eq(exec(cmd), 0, "%s", msgbuf);
    cr_expect_eq(q1l("select count(*) from runs"), n, "resumed: the stored trials are reused");
    cr_expect(strstr(msgbuf, "(stored)"), "%s", msgbuf);
    /* the settings are restored */
    cr_expect_eq(dm_session_settings(S)->nknobs, 0);
    cr_expect_eq(dm_session_settings(S)->limit, 600);
    cr_expect_eq(dm_session_settings(S)->speed, 10);
    /* every trial stores the paired s.e. of its delta */
    cr_expect_eq(q1l("select count(*) from runs where delta_se is null or delta_se < 0"), 0);
    /* margin: a number of standard errors (a tuning of its own, reusing the stored trials) */
    cr_expect_eq(exec("tune loss_pct <= 1 maximize bytes margin -1"), 1);
    cr_expect(strstr(msgbuf, "margin"), "%s", msgbuf);
    char mcmd[256];
    snprintf(mcmd, sizeof mcmd, "%s margin 2", cmd);
    cr_assert_eq(exec(mcmd), 0, "%s", msgbuf);
    cr_expect(strstr(msgbuf, "with 2 paired s.e. to spare"), "%s", msgbuf);
}

Test(tune, speed_objective_times_the_two_winners_side_by_side)
{
    load_small();
    const char *cmd = "tune loss_pct <= 1 maximize speedup trials 16 ratios 0.5,1 report none sens-limit all pairs 50";
    cr_assert_eq(exec(cmd), 0, "%s", msgbuf);
    /* on this slice l0 alone at ratio 1 is within 1% and the best uniform ratio is lower: both winners exist and
     * differ, so they are timed side by side, and that timing names the tuned configuration */
    const char *ab = strstr(msgbuf, "side by side, 7 rounds of 50 interleaved dense/dual pairs");
    cr_assert(ab, "%s", msgbuf);
    const char *q = strstr(ab, "per-site / uniform ");
    cr_assert(q, "%s", msgbuf);
    double ratio = atof(q + strlen("per-site / uniform "));
    cr_expect(ratio > 0.2 && ratio < 20, "%s", msgbuf);
    const char *tuned = strstr(outbuf, "\ntuned ");
    cr_assert(tuned, "%s", outbuf);
    int per_site = strstr(tuned, ":ratio=") != NULL;
    cr_expect_eq(per_site, ratio > 1.0, "the side-by-side ratio %g decides: %s", ratio, outbuf);
    /* the settings are restored, the timing's pairs too */
    cr_expect_eq(dm_session_settings(S)->speed, 10);
    cr_expect_eq(exec("tune loss_pct <= 1 maximize speedup pairs 0"), 1);
    cr_expect(strstr(msgbuf, "pairs '0'"), "%s", msgbuf);
    cr_expect_eq(dm_session_settings(S)->nknobs, 0);
}

static double group_achieved(const char *site, const char *grp)
{
    char sql[400], b[64];
    snprintf(sql, sizeof sql,
             "select g.ratio_achieved from run_groups g join run_sites s on s.run_id = g.run_id and "
             "s.site_index = g.site_index where g.run_id = (select max(id) from runs) and s.site = '%s' and "
             "g.grp = '%s'",
             site, grp);
    q1(sql, b, sizeof b);
    return atof(b);
}

Test(tune, a_gate_group_takes_a_ratio_of_its_own)
{
    load_small();
    /* z (an early sigmoid group) at 0.9, n (the GRU's late tanh group) at 0.1: each near its own ratio, r keeps
     * the site's 0.5 (the pooled sigmoid threshold is then r's alone) */
    cr_assert_eq(exec("set ratio 0.5 ratio.l1.z 0.9 ratio.l1.n 0.1; run"), 0, "%s", msgbuf);
    char b[256];
    q1("select site_knobs from runs where id = (select max(id) from runs)", b, sizeof b);
    cr_expect_str_eq(b, "l1.z:ratio=0.9;l1.n:ratio=0.1");
    double z = group_achieved("l1", "z"), n = group_achieved("l1", "n"), r = group_achieved("l1", "r");
    cr_expect(fabs(z - 0.9) < 0.1, "l1.z achieved %g", z);
    cr_expect(fabs(n - 0.1) < 0.1, "l1.n achieved %g", n);
    cr_expect(fabs(r - 0.5) < 0.15, "l1.r achieved %g", r);
    /* the other site is untouched */
    double z0 = group_achieved("l0", "z");
    cr_expect(fabs(z0 - 0.9) > 0.1, "l0.z achieved %g", z0);
    /* a site at ratio 0 still runs its little module for a group of its own */
    cr_assert_eq(exec("set ratio.l1 0 ratio.l1.n default ratio.l1.z 0.8; run"), 0, "%s", msgbuf);
    z = group_achieved("l1", "z"), r = group_achieved("l1", "r");
    cr_expect(fabs(z - 0.8) < 0.1, "l1.z achieved %g", z);
    cr_expect(r == 0.0, "l1.r achieved %g", r);
    /* a dual file keeps the group ratios (and every score of the site's groups): loaded back, the same figures */
    char cmd[400], v0[64], v1[64];
    long id0 = q1l("select max(id) from runs");
    snprintf(cmd, sizeof cmd, "save-dual %ld %s/g.dual.safetensors", id0, tmpdir);
    cr_assert_eq(exec(cmd), 0, "%s", msgbuf);
    snprintf(cmd, sizeof cmd, "set ratio.* default; set dual %s/g.dual.safetensors; run", tmpdir);
    cr_assert_eq(exec(cmd), 0, "%s", msgbuf);
    long id1 = q1l("select max(id) from runs");
    cr_expect_neq(id1, id0);
    snprintf(cmd, sizeof cmd, "select printf('%%.17g', value) || ' ' || site_knobs from runs where id = %ld", id0);
    q1(cmd, v0, sizeof v0);
    snprintf(cmd, sizeof cmd, "select printf('%%.17g', value) || ' ' || site_knobs from runs where id = %ld", id1);
    q1(cmd, v1, sizeof v1);
    cr_expect_str_eq(v1, v0);
    cr_expect(fabs(group_achieved("l1", "z") - z) < 1e-12, "l1.z achieved %g, saved run %g", group_achieved("l1", "z"),
              z);
    cr_assert_eq(exec("set dual -"), 0, "%s", msgbuf);
    /* only the ratio is per group; an unknown group is named with the sites there are */
    cr_expect_eq(exec("set ratio.* default; set bits.l1.z 4; run"), 1);
    cr_expect(strstr(msgbuf, "per site, not per gate group"), "%s", msgbuf);
    cr_expect_eq(exec("set bits.* default; set ratio.l1.q 0.5; run"), 1);
    cr_expect(strstr(msgbuf, "no site of the model is named 'l1.q'") && strstr(msgbuf, "ratio.l0.r"), "%s",
              msgbuf);
    cr_assert_eq(exec("set ratio.* default"), 0, "%s", msgbuf);
    /* sensitivity per gate group: each group alone, the rest dense */
    cr_assert_eq(exec("sensitivity ratio 0.9 sites l1 groups"), 0, "%s", msgbuf);
    cr_expect(strstr(outbuf, "l1.r") && strstr(outbuf, "l1.z") && strstr(outbuf, "l1.n") && !strstr(outbuf, "l0."),
              "%s", outbuf);
    cr_expect(strstr(msgbuf, "the most sensitive gate group is l1."), "%s", msgbuf);
    cr_expect_eq(q1l("select count(*) from runs where tag = 'sensitivity' and site_knobs like 'l1.%:ratio=0.9'"), 3);
    cr_expect_eq(dm_session_settings(S)->nknobs, 0);
}
