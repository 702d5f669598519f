/* test_cmd.c - the command language without a model: settings, parser,
 * errors, completion, help, the man page, result tables, and the store
 * commands on an empty or hand-filled run store. (tests/test_cmd.sh runs
 * the scripted sessions against the shipped models.) */
#define _DEFAULT_SOURCE
#include <criterion/criterion.h>

#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cmd.h"
#include "session.h"
#include "store.h"
#include "table.h"
#include "util.h"

static char tmpdir[256];
static dm_session *S;
static char *outbuf, *msgbuf;
static size_t outlen, msglen;
static FILE *outf, *msgf;

static void setup(void)
{
    snprintf(tmpdir, sizeof tmpdir, "/tmp/dm-cmd-XXXXXX");
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
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf %s", tmpdir);
    if (system(cmd) != 0)
        fprintf(stderr, "cannot remove %s\n", tmpdir);
}

TestSuite(cmd, .init = setup, .fini = teardown, .timeout = 60);

/* Run a line; out and msg are captured into outbuf / msgbuf. */
static int exec(const char *line)
{
    outf = open_memstream(&outbuf, &outlen);
    msgf = open_memstream(&msgbuf, &msglen);
    dm_cmd_io io = {.out = outf, .msg = msgf, .where = "t"};
    int rc = dm_cmd_exec(S, line, &io);
    fclose(outf);
    fclose(msgf);
    return rc;
}

static void done(void)
{
    free(outbuf);
    free(msgbuf);
    outbuf = msgbuf = NULL;
}

static void setting(const char *name, char *out, size_t n)
{
    const dm_setting_def *d = dm_setting_find(name);
    cr_assert_not_null(d, "no setting %s", name);
    dm_settings_get(dm_session_settings(S), d->id, out, n);
}

Test(cmd, defaults_come_from_the_table)
{
    dm_settings s;
    dm_settings_default(&s);
    for (int i = 0; i < DM_S_COUNT; i++) {
        char v[1100];
        dm_settings_get(&s, (dm_setting_id)i, v, sizeof v);
        cr_expect_str_eq(v, dm_settings_table[i].def, "%s", dm_settings_table[i].name);
        /* what get prints, set takes back */
        dm_settings t = s;
        dm_err e;
        cr_expect_eq(dm_settings_set(&t, dm_settings_table[i].name, v, &e), 0, "%s", e.msg);
    }
    cr_expect_eq(s.ratio, 0.5);
    cr_expect_eq(s.bits, 8);
}

Test(cmd, settings_range_and_errors)
{
    dm_settings s;
    dm_settings_default(&s);
    dm_err e;
    cr_expect_eq(dm_settings_set(&s, "ratio", "0.25", &e), 0);
    cr_expect_eq(s.ratio, 0.25);
    cr_expect_eq(dm_settings_set(&s, "ratio", "30%", &e), 0);
    cr_expect(fabs(s.ratio - 0.3) < 1e-12);
    cr_expect_eq(dm_settings_set(&s, "bits", "fp32", &e), 0);
    cr_expect_eq(s.bits, 0);
    cr_expect_eq(dm_settings_set(&s, "bits", "4", &e), 0);
    cr_expect_eq(s.bits, 4);
    cr_expect_eq(dm_settings_set(&s, "bits", "0", &e), 0, "bits 0 is fp32, as the store writes it: %s", e.msg);
    cr_expect_eq(s.bits, 0);
    char bv[16];
    dm_settings_get(&s, DM_S_BITS, bv, sizeof bv);
    cr_expect_str_eq(bv, "fp32");
    cr_expect_eq(dm_settings_set(&s, "bits.l1", "0", &e), 0, "a site's bits 0: %s", e.msg);
    cr_expect_eq(s.nknobs, 1);
    cr_expect_eq(s.knobs[0].value, 0);
    s.nknobs = 0;
    cr_expect_eq(dm_settings_set(&s, "bits", "4", &e), 0);
    cr_expect_eq(dm_settings_set(&s, "mode", "TOPK", &e), 0);
    cr_expect_eq(s.mode, 1);
    cr_expect_eq(dm_settings_set(&s, "audit", "yes", &e), 0);
    cr_expect_eq(s.audit, 1);
    dm_settings before = s;
    struct {
        const char *name, *value, *want;
    } bad[] = {
        {"ratio", "1.5", "ratio '1.5': expected a number from 0 to 1"},
        {"ratio", "half", "expected a number from 0 to 1"},
        {"ratio", "", "ratio: a value is needed"},
        {"bits", "17", "bits '17': expected fp32 or an integer from 1 to 16"},
        {"bits", "4.5", "expected fp32 or an integer"},
        {"bits", "-1", "bits '-1': expected fp32 or an integer from 1 to 16 (0 = fp32)"},
        {"k", "-1", "k '-1': expected an integer from 0 to 65536"},
        {"eps", "1", "eps '1': expected a number from 0.01 to 0.99"},
        {"mode", "top", "mode 'top': expected one of threshold,topk (did you mean 'topk'?)"},
        {"kernels", "sse", "expected one of auto,ref,avx2,avx512"},
        {"ratoi", "0.5", "unknown setting 'ratoi' (did you mean 'ratio'?)"},
        {"frobnicate", "1", "unknown setting 'frobnicate' ('help settings' lists them)"},
        {"threads", "0", "threads '0': expected an integer from 1 to 64"},
        {"audit", "maybe", "audit 'maybe': expected one of on,off"},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        e.msg[0] = '\0';
        cr_expect_eq(dm_settings_set(&s, bad[i].name, bad[i].value, &e), -1, "%s %s accepted", bad[i].name,
                     bad[i].value);
        cr_expect(strstr(e.msg, bad[i].want) != NULL, "'%s' lacks '%s'", e.msg, bad[i].want);
        cr_expect_eq(memcmp(&s, &before, sizeof s), 0, "%s %s changed the settings", bad[i].name, bad[i].value);
    }
}

Test(cmd, close_match)
{
    const char *c[] = {"sweep", "set", "show", "sql", "stop"};
    cr_expect_str_eq(dm_close_match("swep", c, 5), "sweep");
    cr_expect_str_eq(dm_close_match("shwo", c, 5), "show");
    cr_expect_str_eq(dm_close_match("sw", c, 5), "sweep"); /* unique prefix */
    cr_expect_null(dm_close_match("frobnicate", c, 5));
}

Test(cmd, set_is_all_or_nothing)
{
    cr_expect_eq(exec("set ratio 0.3 bits 4"), 0);
    done();
    char v[64];
    setting("ratio", v, sizeof v);
    cr_expect_str_eq(v, "0.3");
    cr_expect_eq(exec("set ratio 0.7 bits 99"), 1);
    cr_expect(strstr(msgbuf, "dualmod: t: set: bits '99'") != NULL, "%s", msgbuf);
    done();
    setting("ratio", v, sizeof v);
    cr_expect_str_eq(v, "0.3", "a failed set changed ratio");
    setting("bits", v, sizeof v);
    cr_expect_str_eq(v, "4");
    cr_expect_eq(exec("set mode=topk eps=0.3"), 0);
    done();
    setting("mode", v, sizeof v);
    cr_expect_str_eq(v, "topk");
    setting("eps", v, sizeof v);
    cr_expect_str_eq(v, "0.3");
    cr_expect_eq(exec("set ratio"), 1);
    cr_expect(strstr(msgbuf, "a value is needed") != NULL, "%s", msgbuf);
    done();
}

Test(cmd, statements_comments_quotes)
{
    cr_expect_eq(exec("set ratio 0.1; set bits 2 # set bits 3; garbage"), 0);
    done();
    char v[64];
    setting("bits", v, sizeof v);
    cr_expect_str_eq(v, "2");
    cr_expect_eq(exec("  ;; # only a comment"), 0);
    done();
    /* a quoted ';' and '#' are part of the word */
    cr_expect_eq(exec("set split 'a;b #c'"), 0);
    done();
    setting("split", v, sizeof v);
    cr_expect_str_eq(v, "a;b #c");
    cr_expect_eq(exec("set split \"unterminated"), 1);
    cr_expect(strstr(msgbuf, "unterminated \" quote") != NULL, "%s", msgbuf);
    done();
}

Test(cmd, unknown_commands_and_arity)
{
    cr_expect_eq(exec("swep ratio 0.1:0.9:0.2"), 1);
    cr_expect(strstr(msgbuf, "unknown command 'swep' (did you mean 'sweep'?)") != NULL, "%s", msgbuf);
    done();
    cr_expect_eq(exec("ratio 0.5"), 1);
    cr_expect(strstr(msgbuf, "to change the setting: set ratio VALUE") != NULL, "%s", msgbuf);
    done();
    cr_expect_eq(exec("show"), 1);
    cr_expect(strstr(msgbuf, "show: too few arguments (usage: show ID [ID ...])") != NULL, "%s", msgbuf);
    done();
    cr_expect_eq(exec("diff 1 2 3"), 1);
    cr_expect(strstr(msgbuf, "too many arguments") != NULL, "%s", msgbuf);
    done();
    cr_expect_eq(exec("dump-screen /tmp/x"), 1);
    cr_expect(strstr(msgbuf, "only inside the TUI") != NULL, "%s", msgbuf);
    done();
    cr_expect_eq(exec("run"), 1);
    cr_expect(strstr(msgbuf, "no model loaded") != NULL, "%s", msgbuf);
    done();
    cr_expect_eq(exec("load no-such-model-anywhere"), 1);
    cr_expect(strstr(msgbuf, "no-such-model-anywhere") != NULL, "%s", msgbuf);
    done();
    cr_expect_eq(exec("load-dual x.dual.safetensors"), 1); /* a dual file fits one model: load it first */
    cr_expect(strstr(msgbuf, "dual x.dual.safetensors: no model loaded") != NULL, "%s", msgbuf);
    done();
    cr_expect_eq(exec("save-dual"), 1);
    cr_expect(strstr(msgbuf, "usage: save-dual [RUN] FILE [full]") != NULL, "%s", msgbuf);
    done();
    cr_expect_eq(exec("save-dual x y z w"), 1);
    cr_expect(strstr(msgbuf, "too many arguments") != NULL, "%s", msgbuf);
    done();
    cr_expect_eq(exec("save-dual 12x f.safetensors"), 1);
    cr_expect(strstr(msgbuf, "save-dual '12x': expected a run id") != NULL, "%s", msgbuf);
    done();
    cr_expect_eq(exec("quit"), DM_CMD_QUIT);
    done();
    cr_expect_eq(exec("exit"), DM_CMD_QUIT);
    done();
}

Test(cmd, on_error_stop_or_continue)
{
    cr_expect_eq(exec("set ratio 0.2; bogus; set ratio 0.4"), 1);
    done();
    char v[64];
    setting("ratio", v, sizeof v);
    cr_expect_str_eq(v, "0.2", "the statement after the error ran");
    cr_expect_eq(exec("set on-error continue; bogus; set ratio 0.4"), 1);
    done();
    setting("ratio", v, sizeof v);
    cr_expect_str_eq(v, "0.4");
}

typedef struct { char all[2048]; int n; } got;
static void collect(void *ud, const char *c)
{
    got *g = ud;
    strcat(g->all, c);
    strcat(g->all, " ");
    g->n++;
}

static const char *complete(const char *line, dm_complete *kind)
{
    static got g;
    memset(&g, 0, sizeof g);
    dm_complete k = dm_cmd_complete(S, line, collect, &g);
    if (kind)
        *kind = k;
    return g.all;
}

Test(cmd, completion_from_the_table)
{
    dm_complete k;
    cr_expect_str_eq(complete("se", NULL), "set sensitivity ");
    cr_expect_str_eq(complete("set", NULL), "set ");
    /* study: issue 10; save-dual, sensitivity: issue 16 */
    cr_expect_str_eq(complete("s", NULL), "set stop sweep study show save-dual sql sensitivity ");
    cr_expect_str_eq(complete("load-", NULL), "load-dual ");
    cr_expect_str_eq(complete("set ra", NULL), "ratio ");
    cr_expect_str_eq(complete("set mode ", NULL), "threshold topk ");
    cr_expect_str_eq(complete("set bits ", NULL), "fp32 16 8 6 4 3 2 1 ");
    cr_expect_str_eq(complete("set ratio 0.5 b", NULL), "bits beam ");
    cr_expect_str_eq(complete("set ratio 0.5; get th", NULL), "threads ");
    cr_expect_str_eq(complete("sweep ratio 0.1:0.9:0.2 --f", NULL), "--force ");
    cr_expect_str_eq(complete("export ", NULL), "csv json ");
    complete("export csv ", &k);
    cr_expect_eq(k, DM_C_FILE);
    complete("import ", &k);
    cr_expect_eq(k, DM_C_FILE);
    complete("import a.db ", &k);
    cr_expect_eq(k, DM_C_FILE);
    /* export csv FILE where COLUMN ... (issue 17) */
    cr_expect_str_eq(complete("export csv out.csv w", NULL), "where ");
    cr_expect_str_eq(complete("export csv out.csv where dppl", NULL), "dppl_pct ");
    /* load: model names, and the front end adds file names */
    cr_expect(strstr(complete("load kjv-", &k), "kjv-lstm") != NULL);
    cr_expect_eq(k, DM_C_FILE);
    cr_expect(strstr(complete("help ", NULL), "ratio") != NULL);
    cr_expect(strstr(complete("help ", NULL), "sweep") != NULL);
    cr_expect_str_eq(complete("best spe", NULL), "speedup speedup_min speedup_max speedup_e2e ");
    /* pareto/best ... across DIM,...|all (issue 17) */
    cr_expect_str_eq(complete("best speedup acr", NULL), "across ");
    cr_expect_str_eq(complete("pareto dppl_pct speedup ac", NULL), "across ");
    cr_expect_str_eq(complete("pareto across ", NULL), "all model split limit path streams beam predictor ");
    cr_expect_str_eq(complete("best speedup across s", NULL), "split streams ");
    cr_expect_str_eq(complete("best speedup across model,s", NULL), "model,split model,streams ");
    cr_expect_str_eq(complete("pareto across limit w", NULL), "where ");
    cr_expect_str_eq(complete("runs acr", NULL), "");
    cr_expect_str_eq(complete("runs where dppl", NULL), "dppl_pct ");
    cr_expect_str_eq(complete("set split t", NULL), "test train ");
    /* every command completes from its first letters */
    for (int i = 0; i < dm_ncmds; i++) {
        char line[64];
        snprintf(line, sizeof line, "%s", dm_cmd_table[i].name);
        cr_expect(strstr(complete(line, NULL), dm_cmd_table[i].name) != NULL, "%s", line);
    }
}

Test(cmd, help_and_man_cover_the_table)
{
    char *buf;
    size_t n;
    FILE *f = open_memstream(&buf, &n);
    dm_err e;
    cr_assert_eq(dm_cmd_help(f, NULL, &e), 0);
    fclose(f);
    for (int i = 0; i < dm_ncmds; i++)
        cr_expect(strstr(buf, dm_cmd_table[i].help) != NULL, "help lacks %s", dm_cmd_table[i].name);
    for (int i = 0; i < DM_S_COUNT; i++)
        cr_expect(strstr(buf, dm_settings_table[i].help) != NULL, "help lacks %s", dm_settings_table[i].name);
    free(buf);
    f = open_memstream(&buf, &n);
    cr_expect_eq(dm_cmd_help(f, "sweep", &e), 0);
    cr_expect_eq(dm_cmd_help(f, "ratio", &e), 0);
    cr_expect_eq(dm_cmd_help(f, "swep", &e), -1);
    cr_expect(strstr(e.msg, "did you mean 'sweep'") != NULL, "%s", e.msg);
    fclose(f);
    cr_expect(strstr(buf, "sweep NAME VALUES") != NULL);
    cr_expect(strstr(buf, "setting ratio (0..1; default 0.5)") != NULL, "%s", buf);
    free(buf);
    f = open_memstream(&buf, &n);
    static const dm_key_help keys[] = {{"Enter s", "run again"}, {"-x", ".starts with a dot"}};
    dm_cmd_man(f, "9.9", keys, 2);
    fclose(f);
    cr_expect(strncmp(buf, ".\\\" dualmod.1", 13) == 0);
    /* the TUI's keys: a section of their own, before FILES, escaped like the rest */
    const char *tk = strstr(buf, ".SH TUI KEYS\n");
    cr_expect(tk != NULL && strstr(buf, ".SH FILES\n") > tk, "no TUI KEYS section before FILES");
    cr_expect(strstr(buf, ".TP\n.B Enter s\nrun again.\n") != NULL);
    cr_expect(strstr(buf, ".B \\-x\n\\&.starts with a dot.\n") != NULL);
    /* ranges in full: no 1e+08 */
    cr_expect(strstr(buf, "integer 0..100000000") != NULL);
    cr_expect(strstr(buf, "e+0") == NULL, "a range in exponent form");
    for (int i = 0; i < dm_ncmds; i++) {
        char want[64];
        snprintf(want, sizeof want, ".B %s", dm_cmd_table[i].name);
        /* names with '-' are escaped */
        char esc[64];
        size_t j = 0;
        for (const char *p = want; *p && j + 3 < sizeof esc; p++) {
            if (*p == '-')
                esc[j++] = '\\';
            esc[j++] = *p;
        }
        esc[j] = '\0';
        cr_expect(strstr(buf, esc) != NULL, "man page lacks %s", esc);
    }
    for (int i = 0; i < DM_S_COUNT; i++) {
        char want[64], esc[64];
        snprintf(want, sizeof want, ".B %s", dm_settings_table[i].name);
        size_t j = 0;
        for (const char *p = want; *p && j + 3 < sizeof esc; p++) {
            if (*p == '-')
                esc[j++] = '\\';
            esc[j++] = *p;
        }
        esc[j] = '\0';
        cr_expect(strstr(buf, esc) != NULL, "man page lacks %s", esc);
    }
    free(buf);
}

/* t rendered in format f at width (0: unlimited), as a malloc'ed string. */
static char *table_text(const dm_table *t, dm_format f, int width)
{
    char *buf;
    size_t n;
    FILE *out = open_memstream(&buf, &n);
    cr_assert_not_null(out);
    dm_table_print(t, f, out, width);
    fclose(out);
    return buf;
}

Test(cmd, tables_render_csv_json_and_text)
{
    dm_table t;
    dm_table_init(&t, NULL);
    dm_table_col(&t, "name", 0);
    dm_table_col(&t, "value", 1);
    dm_table_row(&t);
    dm_table_set(&t, 0, "a,b \"c\"");
    dm_table_set(&t, 1, "1.5");
    dm_table_row(&t);
    dm_table_set(&t, 0, "plain");
    dm_table_set(&t, 1, NULL);
    char *buf = table_text(&t, DM_FMT_CSV, 0);
    cr_expect_str_eq(buf, "name,value\n\"a,b \"\"c\"\"\",1.5\nplain,\n");
    free(buf);
    buf = table_text(&t, DM_FMT_JSON, 0);
    json_error_t je;
    json_t *j = json_loads(buf, 0, &je);
    cr_assert_not_null(j, "%s: %s", je.text, buf);
    cr_expect_eq(json_array_size(j), 2);
    cr_expect_str_eq(json_string_value(json_object_get(json_array_get(j, 0), "name")), "a,b \"c\"");
    cr_expect_eq(json_real_value(json_object_get(json_array_get(j, 0), "value")), 1.5);
    cr_expect(json_is_null(json_object_get(json_array_get(j, 1), "value")));
    json_decref(j);
    free(buf);
    buf = table_text(&t, DM_FMT_TABLE, 0);
    cr_expect_str_eq(buf, "name     value\na,b \"c\"    1.5\nplain         \n");
    free(buf);
    /* a narrow terminal drops columns and says so */
    buf = table_text(&t, DM_FMT_TABLE, 12);
    cr_expect(strstr(buf, "(1 more column not shown at this width: value") != NULL, "%s", buf);
    free(buf);
    dm_table_free(&t);
}

/* A DM_COL_BOOL column: true/false in JSON (null when empty or not a number), 0/1 as set in CSV. */
Test(cmd, boolean_columns)
{
    dm_table t;
    dm_table_init(&t, NULL);
    dm_table_col(&t, "cold", DM_COL_BOOL);
    static const char *const cells[] = {"1", "0", NULL, "x"};
    for (int i = 0; i < 4; i++) {
        dm_table_row(&t);
        dm_table_set(&t, 0, cells[i]);
    }
    char *buf = table_text(&t, DM_FMT_JSON, 0);
    json_error_t je;
    json_t *j = json_loads(buf, 0, &je);
    cr_assert_not_null(j, "%s: %s", je.text, buf);
    cr_expect(json_is_true(json_object_get(json_array_get(j, 0), "cold")), "%s", buf);
    cr_expect(json_is_false(json_object_get(json_array_get(j, 1), "cold")), "%s", buf);
    cr_expect(json_is_null(json_object_get(json_array_get(j, 2), "cold")), "%s", buf);
    cr_expect(json_is_null(json_object_get(json_array_get(j, 3), "cold")), "%s", buf);
    json_decref(j);
    free(buf);
    buf = table_text(&t, DM_FMT_CSV, 0);
    cr_expect_str_eq(buf, "cold\n1\n0\n\nx\n");
    free(buf);
    dm_table_free(&t);
}

/* A figure that rounds to zero carries no minus sign (its sign is noise); others keep theirs. */
Test(cmd, no_negative_zero)
{
    dm_table t;
    dm_table_init(&t, NULL);
    dm_table_col(&t, "v", 1);
    static const char *const want[] = {"0.00", "+0.00", "-0.01", "0", "0.000e+00", "-1e-10", "0.0", "-1e-13", "-0x"};
    dm_table_row(&t);
    dm_table_setf(&t, 0, "%.2f", -0.001);
    dm_table_row(&t);
    dm_table_setf(&t, 0, "%+.2f", 0.001);
    dm_table_row(&t);
    dm_table_setf(&t, 0, "%.2f", -0.01);
    dm_table_row(&t);
    dm_table_setf(&t, 0, "%.0f", -0.2);
    dm_table_row(&t);
    dm_table_setf(&t, 0, "%.3e", -0.0);
    dm_table_row(&t);
    dm_table_setf(&t, 0, "%g", -1e-10);
    dm_table_row(&t);
    dm_table_set(&t, 0, "-0.0"); /* as SQL gives it */
    dm_table_row(&t);
    dm_table_set(&t, 0, "-0.0000000000001"); /* a long real from SQL: 6 significant digits */
    dm_table_row(&t);
    dm_table_set(&t, 0, "-0x");
    char *buf = table_text(&t, DM_FMT_TABLE, 0);
    char *line = strtok(buf, "\n"); /* the header */
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        line = strtok(NULL, "\n");
        cr_assert_not_null(line);
        while (*line == ' ')
            line++;
        cr_expect_str_eq(line, want[i], "row %zu", i);
    }
    free(buf);
    dm_table_free(&t);
}

/* `get model` is the loaded model: none ("-") until one is loaded; run says so too */
Test(cmd, model_setting_is_the_loaded_model)
{
    char v[1100];
    setting("model", v, sizeof v);
    cr_expect_str_eq(v, "-");
    cr_expect_neq(exec("set limit 200; run"), 0);
    cr_expect(strstr(msgbuf, "no model loaded") != NULL, "%s", msgbuf);
    done();
    cr_expect_neq(exec("set model -"), 0);
    cr_expect(strstr(msgbuf, "'-' is no model") != NULL, "%s", msgbuf);
    done();
    cr_expect_eq(exec("load kjv-gru"), 0, "%s", msgbuf);
    done();
    setting("model", v, sizeof v);
    cr_expect_str_eq(v, "kjv-gru");
    cr_expect_neq(exec("set model no-such-model"), 0);
    done();
    setting("model", v, sizeof v);
    cr_expect_str_eq(v, "kjv-gru", "a failed load keeps the model");
}

Test(cmd, store_commands_on_an_empty_store)
{
    cr_expect_eq(exec("runs"), 0);
    cr_expect(strstr(outbuf, "(no rows)") != NULL, "%s", outbuf);
    done();
    cr_expect_eq(exec("set format csv; runs"), 0);
    cr_expect(strncmp(outbuf, "id,created,model,split,tokens,ratio", 35) == 0, "%s", outbuf);
    done();
    cr_expect_eq(exec("set format table; show 3"), 1);
    cr_expect(strstr(msgbuf, "show: no run 3 in") != NULL, "%s", msgbuf);
    done();
    cr_expect_eq(exec("show x"), 1);
    cr_expect(strstr(msgbuf, "'x': expected a run id") != NULL, "%s", msgbuf);
    done();
    cr_expect_eq(exec("runs frobnicate"), 1);
    cr_expect(strstr(msgbuf, "expected 'where ...', 'order by ...' or 'limit N'") != NULL, "%s", msgbuf);
    done();
    cr_expect_eq(exec("best speed"), 1);
    cr_expect(strstr(msgbuf, "'speed' is not a figure to optimise (did you mean 'speedup'?)") != NULL, "%s", msgbuf);
    done();
    cr_expect_eq(exec("best value"), 1);
    cr_expect(strstr(msgbuf, "+value (higher) or -value (lower)") != NULL, "%s", msgbuf);
    done();
    cr_expect_eq(exec("best speedup"), 1);
    cr_expect(strstr(msgbuf, "no completed run") != NULL, "%s", msgbuf);
    done();
    cr_expect_eq(exec("pareto dppl_pct"), 1);
    done();
    cr_expect_eq(exec("export xml /tmp/x"), 1);
    cr_expect(strstr(msgbuf, "expected csv or json") != NULL, "%s", msgbuf);
    done();
    cr_expect_eq(exec("note 5 hello"), 1);
    done();
    cr_expect_eq(exec("delete 5"), 1);
    done();
    const char *refused[] = {"sql drop table runs", "sql insert into runs(split) values('x')",
                             "sql attach '/tmp/dm-x.db' as x", "sql pragma user_version = 7",
                             "sql delete from models"};
    for (size_t i = 0; i < sizeof refused / sizeof refused[0]; i++) {
        cr_expect_eq(exec(refused[i]), 1, "%s", refused[i]);
        cr_expect(strstr(msgbuf, "only read-only queries are allowed") != NULL, "%s: %s", refused[i], msgbuf);
        done();
    }
    cr_expect_eq(exec("sql select count(*) as n from runs"), 0);
    cr_expect_str_eq(outbuf, "n\n0\n");
    done();
}

/* A run written through the store API, then read back through the commands. */
/* A run of model name with metric, delta_pct and speedup (no sites). */
static int64_t add_metric_run(const char *name, const char *metric, double delta_pct, double speedup)
{
    dm_err err;
    dm_store *st = dm_session_store(S, &err);
    cr_assert_not_null(st, "%s", err.msg);
    dm_run *r = calloc(1, sizeof *r);
    cr_assert_not_null(r);
    snprintf(r->model, sizeof r->model, "%s", name);
    snprintf(r->model_hash, sizeof r->model_hash, "%s-hash", name);
    snprintf(r->split, sizeof r->split, "valid");
    snprintf(r->metric, sizeof r->metric, "%s", metric);
    snprintf(r->status, sizeof r->status, "done");
    r->eps = NAN;
    r->value = 30 * (1 + delta_pct / 100);
    r->dense_value = 30;
    r->delta = r->value - r->dense_value;
    r->delta_pct = delta_pct;
    r->speedup = speedup;
    r->speedup_min = r->speedup_max = r->speedup_e2e = NAN;
    cr_assert_eq(dm_store_add(st, r, &err), 0, "%s", err.msg);
    int64_t id = r->id;
    free(r);
    return id;
}

/* best and pareto take the direction of delta and delta_pct from each run's metric */
Test(cmd, best_and_pareto_follow_the_metric_direction)
{
    int64_t bleu_good = add_metric_run("mt", "BLEU", -1.0, 1.2);
    add_metric_run("mt", "BLEU", -6.0, 1.5);
    add_metric_run("lm", "perplexity", 6.0, 1.3);
    int64_t ppl_good = add_metric_run("lm", "perplexity", 1.0, 1.1);
    char want[64];
    cr_expect_eq(exec("set format csv; best delta_pct where model = 'mt'"), 0);
    snprintf(want, sizeof want, "\n%lld,", (long long)bleu_good);
    cr_expect(strstr(outbuf, want) != NULL, "BLEU: the smallest loss is the highest delta_pct: %s", outbuf);
    done();
    cr_expect_eq(exec("set format csv; best delta where model = 'lm'"), 0);
    snprintf(want, sizeof want, "\n%lld,", (long long)ppl_good);
    cr_expect(strstr(outbuf, want) != NULL, "perplexity: the lowest delta: %s", outbuf);
    done();
    /* an explicit sign still wins: the worst BLEU run */
    cr_expect_eq(exec("set format csv; best -delta_pct where model = 'mt'"), 0);
    snprintf(want, sizeof want, "\n%lld,", (long long)bleu_good);
    cr_expect(strstr(outbuf, want) == NULL, "%s", outbuf);
    done();
    /* BLEU: both runs are on the front (better quality vs more speed) */
    cr_expect_eq(exec("set format csv; pareto delta_pct speedup where model = 'mt'"), 0);
    int rows = 0;
    for (char *p = outbuf; *p; p++)
        rows += *p == '\n';
    cr_expect_eq(rows, 3, "header + 2 front rows: %s", outbuf);
    done();
    cr_expect_eq(exec("set format table; pareto delta_pct speedup where model = 'mt'"), 0);
    cr_expect(strstr(outbuf, "better delta_pct, higher speedup") != NULL, "%s", outbuf);
    done();
}

/* A perplexity run of model name over tokens items and streams streams. */
static int64_t add_slice_run(const char *name, long tokens, int streams, double dppl_pct, double speedup)
{
    dm_err err;
    dm_store *st = dm_session_store(S, &err);
    cr_assert_not_null(st, "%s", err.msg);
    dm_run *r = calloc(1, sizeof *r);
    cr_assert_not_null(r);
    snprintf(r->model, sizeof r->model, "%s", name);
    snprintf(r->model_hash, sizeof r->model_hash, "%s-hash", name);
    snprintf(r->split, sizeof r->split, "valid");
    snprintf(r->metric, sizeof r->metric, "perplexity");
    snprintf(r->status, sizeof r->status, "done");
    snprintf(r->path, sizeof r->path, "stream");
    snprintf(r->predictor, sizeof r->predictor, "little");
    r->tokens = tokens;
    r->streams = streams;
    r->beam = 1;
    r->ratio = 0.5;
    r->bits = tokens == 200 ? 0 : tokens == 300 ? 6 : 8;
    r->eps = NAN;
    r->value = 30 * (1 + dppl_pct / 100);
    r->dense_value = 30;
    r->delta = r->value - r->dense_value;
    r->delta_pct = dppl_pct;
    r->speedup = speedup;
    r->speedup_min = r->speedup_max = r->speedup_e2e = NAN;
    cr_assert_eq(dm_store_add(st, r, &err), 0, "%s", err.msg);
    int64_t id = r->id;
    free(r);
    return id;
}

static int count_lines(const char *s)
{
    int n = 0;
    for (; *s; s++)
        n += *s == '\n';
    return n;
}

/* pareto and best compare runs only inside a comparison group (model, split, data slice, path, streams, beam,
 * predictor); across widens it; without a model loaded, models never share a front */
Test(cmd, pareto_and_best_compare_like_with_like)
{
    /* mixed, each run would dominate the one before it */
    int64_t a = add_slice_run("lm", 200, 20, 1.0, 1.2);
    int64_t b = add_slice_run("lm", 1000, 20, 0.5, 1.5);
    int64_t c = add_slice_run("lm", 1000, 1, 0.1, 2.0);
    int64_t d = add_slice_run("other", 1000, 1, 0.0, 3.0);
    char want[64];
    cr_expect_eq(exec("set format csv; pareto dppl_pct speedup"), 0);
    cr_expect_eq(count_lines(outbuf), 5, "four groups, one front each: %s", outbuf);
    int64_t all[] = {a, b, c, d};
    for (int i = 0; i < 4; i++) {
        snprintf(want, sizeof want, ",%lld,", (long long)all[i]);
        cr_expect(strstr(outbuf, want) != NULL, "run %lld on its own front: %s", (long long)all[i], outbuf);
    }
    cr_expect(strstr(msgbuf, "grouped by model, split, limit, path, streams, beam, predictor, 4 groups") != NULL,
              "%s", msgbuf);
    done();
    /* the human form: one titled table per group */
    cr_expect_eq(exec("set format table; pareto dppl_pct speedup"), 0);
    cr_expect(strstr(outbuf, "lm, valid, 200 tokens, path stream, 20 streams (1 of 1 run)") != NULL, "%s", outbuf);
    cr_expect(strstr(outbuf, "other, valid, 1000 tokens, path stream, 1 stream (1 of 1 run)") != NULL, "%s", outbuf);
    done();
    /* widened across the slice and the streams: one front for lm, c dominates */
    cr_expect_eq(exec("set format csv; pareto dppl_pct speedup across limit,streams where model = 'lm'"), 0);
    snprintf(want, sizeof want, "\n1,%lld,", (long long)c);
    cr_expect(count_lines(outbuf) == 2 && strstr(outbuf, want) != NULL, "%s", outbuf);
    cr_expect(strstr(msgbuf, "grouped by model, split, path, beam, predictor, 1 group") != NULL, "%s", msgbuf);
    done();
    cr_expect_eq(exec("set format csv; pareto across all"), 0);
    snprintf(want, sizeof want, "\n1,%lld,", (long long)d);
    cr_expect(count_lines(outbuf) == 2 && strstr(outbuf, want) != NULL, "%s", outbuf);
    done();
    /* best: the best of each group; one group gives one JSON object, several an array */
    cr_expect_eq(exec("set format json; best speedup"), 0);
    json_error_t je;
    json_t *j = json_loads(outbuf, 0, &je);
    cr_assert_not_null(j, "%s", outbuf);
    cr_expect(json_is_array(j) && json_array_size(j) == 4, "%s", outbuf);
    json_decref(j);
    done();
    cr_expect_eq(exec("set format json; best speedup where model = 'lm' and tokens = 1000"), 0);
    j = json_loads(outbuf, 0, &je);
    cr_assert_not_null(j, "%s", outbuf);
    cr_expect(json_is_array(j) && json_array_size(j) == 2, "two streams values, two groups: %s", outbuf);
    json_decref(j);
    done();
    cr_expect_eq(exec("set format json; best speedup across streams where model = 'lm' and tokens = 1000"), 0);
    j = json_loads(outbuf, 0, &je);
    cr_assert_not_null(j, "%s", outbuf);
    cr_expect(json_is_object(j) && json_integer_value(json_object_get(j, "id")) == c, "%s", outbuf);
    cr_expect(json_is_integer(json_object_get(j, "bits")), "%s", outbuf);
    json_decref(j);
    done();
    /* the widening words are checked */
    cr_expect_eq(exec("pareto across lim"), 1);
    cr_expect(strstr(msgbuf, "across 'lim': not a dimension (did you mean 'limit'?)") != NULL, "%s", msgbuf);
    done();
    cr_expect_eq(exec("best speedup across"), 1);
    cr_expect(strstr(msgbuf, "across: say what to compare across") != NULL, "%s", msgbuf);
    done();
    cr_expect_eq(exec("pareto dppl_pct across all"), 1);
    cr_expect(strstr(msgbuf, "pareto: give two figures") != NULL, "%s", msgbuf);
    done();
}

/* One vocabulary: show of one run is an object, of several an array; bits is an integer (0 = FP32, shown
 * "fp32" to humans); diff types its values like their fields */
Test(cmd, show_and_diff_types)
{
    int64_t a = add_slice_run("lm", 200, 20, 1.0, 1.2);
    int64_t b = add_slice_run("lm", 1000, 20, 0.5, 1.5);
    char line[128];
    snprintf(line, sizeof line, "set format json; show %lld", (long long)a);
    cr_expect_eq(exec(line), 0);
    json_error_t je;
    json_t *j = json_loads(outbuf, 0, &je);
    cr_assert_not_null(j, "%s", outbuf);
    cr_expect(json_is_object(j), "%s", outbuf);
    cr_expect(json_is_integer(json_object_get(j, "bits")) && json_integer_value(json_object_get(j, "bits")) == 0,
              "%s", outbuf);
    cr_expect(json_is_number(json_object_get(j, "dense_value")), "%s", outbuf);
    json_decref(j);
    done();
    snprintf(line, sizeof line, "set format table; show %lld", (long long)a);
    cr_expect_eq(exec(line), 0);
    cr_expect(strstr(outbuf, "\nbits  ") != NULL && strstr(outbuf, "  fp32\n") != NULL, "%s", outbuf);
    done();
    /* 6 bits cost an 8-bit container's bytes: show says so to humans (as little and run detail do), not to programs */
    int64_t six = add_slice_run("lm", 300, 20, 0.5, 1.5);
    snprintf(line, sizeof line, "set format table; show %lld", (long long)six);
    cr_expect_eq(exec(line), 0);
    cr_expect(strstr(outbuf, "\nbits  ") != NULL && strstr(outbuf, "  6 (stored in 8-bit containers)\n") != NULL,
              "%s", outbuf);
    done();
    snprintf(line, sizeof line, "set format table; show %lld %lld", (long long)a, (long long)six);
    cr_expect_eq(exec(line), 0);
    cr_expect(strstr(outbuf, "6 (stored in 8-bit containers)\n") != NULL, "%s", outbuf);
    done();
    snprintf(line, sizeof line, "set format csv; show %lld", (long long)six);
    cr_expect_eq(exec(line), 0);
    cr_expect(strstr(outbuf, "containers") == NULL, "%s", outbuf);
    done();
    snprintf(line, sizeof line, "set format json; show %lld %lld", (long long)a, (long long)b);
    cr_expect_eq(exec(line), 0);
    j = json_loads(outbuf, 0, &je);
    cr_assert_not_null(j, "%s", outbuf);
    cr_expect(json_is_array(j) && json_array_size(j) == 2, "%s", outbuf);
    cr_expect_eq(json_integer_value(json_object_get(json_array_get(j, 1), "id")), b);
    json_decref(j);
    done();
    snprintf(line, sizeof line, "set format json; diff %lld %lld", (long long)a, (long long)b);
    cr_expect_eq(exec(line), 0);
    j = json_loads(outbuf, 0, &je);
    cr_assert_not_null(j, "%s", outbuf);
    size_t i;
    json_t *v;
    int seen = 0;
    char ha[32], hb[32];
    snprintf(ha, sizeof ha, "run %lld", (long long)a);
    snprintf(hb, sizeof hb, "run %lld", (long long)b);
    json_array_foreach(j, i, v)
    {
        const char *f = json_string_value(json_object_get(v, "field"));
        if (f && strcmp(f, "tokens") == 0) {
            seen++;
            cr_expect(json_integer_value(json_object_get(v, ha)) == 200 &&
                          json_integer_value(json_object_get(v, hb)) == 1000, "%s", outbuf);
        }
        if (f && strcmp(f, "delta_pct") == 0) {
            seen++;
            cr_expect(json_is_real(json_object_get(v, ha)), "%s", outbuf);
        }
        if (f && strcmp(f, "created") == 0)
            cr_expect(json_is_string(json_object_get(v, ha)), "%s", outbuf);
    }
    cr_expect_eq(seen, 2, "%s", outbuf);
    json_decref(j);
    done();
}

Test(cmd, show_diff_best_pareto_export_import)
{
    dm_err err;
    dm_store *st = dm_session_store(S, &err);
    cr_assert_not_null(st, "%s", err.msg);
    double pts[][3] = {{0.1, 0.2, 1.05}, {0.5, 0.9, 1.6}, {0.9, 3.0, 3.1}, {0.7, 2.0, 1.2}};
    int64_t ids[4];
    for (int i = 0; i < 4; i++) {
        dm_run r;
        memset(&r, 0, sizeof r);
        snprintf(r.model, sizeof r.model, "m");
        snprintf(r.model_hash, sizeof r.model_hash, "00aa");
        snprintf(r.arch, sizeof r.arch, "LSTM");
        snprintf(r.split, sizeof r.split, "valid");
        snprintf(r.metric, sizeof r.metric, "perplexity");
        snprintf(r.mode, sizeof r.mode, "threshold");
        snprintf(r.status, sizeof r.status, "done");
        r.ratio = pts[i][0];
        r.bits = 8;
        r.k = 64;
        r.eps = NAN;
        r.value = 100 * (1 + pts[i][1] / 100);
        r.dense_value = 100;
        r.delta_pct = pts[i][1];
        r.speedup = pts[i][2];
        r.speedup_min = r.speedup_max = r.speedup_e2e = NAN;
        r.nsites = 1;
        snprintf(r.site[0].name, sizeof r.site[0].name, "l0");
        snprintf(r.site[0].kind, sizeof r.site[0].kind, "lstm");
        r.site[0].ratio_achieved = pts[i][0];
        r.site[0].fit_mse = r.site[0].fit_rel_mse = NAN;
        r.ngroups = 4;
        for (int g = 0; g < 4; g++) {
            r.group[g].site = 0;
            snprintf(r.group[g].name, sizeof r.group[g].name, "%c", "ifgo"[g]);
            r.group[g].ratio_achieved = pts[i][0];
            r.group[g].recall = r.group[g].false_insensitive = NAN;
        }
        r.site[0].recall = r.site[0].false_insensitive = NAN;
        cr_assert_eq(dm_store_add(st, &r, &err), 0, "%s", err.msg);
        ids[i] = r.id;
    }
    char line[1024];
    snprintf(line, sizeof line, "show %lld", (long long)ids[1]);
    cr_expect_eq(exec(line), 0);
    cr_expect(strstr(outbuf, "layer0.i") != NULL, "%s", outbuf);
    done();
    snprintf(line, sizeof line, "set format csv; diff %lld %lld", (long long)ids[0], (long long)ids[1]);
    cr_expect_eq(exec(line), 0);
    cr_expect(strstr(outbuf, "\nratio,0.1,0.5\n") != NULL, "%s", outbuf);
    cr_expect(strstr(outbuf, "\nbits,") == NULL, "equal field listed: %s", outbuf);
    done();
    cr_expect_eq(exec("best speedup where dppl_pct <= 1"), 0);
    cr_expect(strstr(outbuf, "\n2,") != NULL || strstr(outbuf, "speedup") != NULL, "%s", outbuf);
    done();
    cr_expect_eq(exec("set format json; best speedup where dppl_pct <= 1"), 0);
    json_error_t je;
    json_t *j = json_loads(outbuf, 0, &je);
    cr_assert_not_null(j, "%s", outbuf);
    cr_expect(json_is_object(j), "one group, one best run: an object: %s", outbuf);
    cr_expect_eq(json_integer_value(json_object_get(j, "id")), ids[1]);
    json_decref(j);
    done();
    /* pareto over all runs (a where clause): run 4 (loss 2.0, speed 1.2) is dominated by run 2 */
    cr_expect_eq(exec("set format csv; pareto dppl_pct speedup where model = 'm'"), 0);
    cr_expect(strncmp(outbuf, "group,id,", 9) == 0, "%s", outbuf);
    cr_expect(strstr(outbuf, "\n1,4,") == NULL && strstr(outbuf, "\n1,2,") != NULL, "%s", outbuf);
    int rows = 0;
    for (char *p = outbuf; *p; p++)
        rows += *p == '\n';
    cr_expect_eq(rows, 4, "header + 3 front rows: %s", outbuf);
    done();
    char path[400], path2[400];
    snprintf(path, sizeof path, "%s/runs.json", tmpdir);
    snprintf(line, sizeof line, "export json %s where ratio >= 0.5", path);
    cr_expect_eq(exec(line), 0);
    done();
    j = json_load_file(path, 0, &je);
    cr_assert_not_null(j, "%s", je.text);
    cr_expect_eq(json_array_size(j), 3);
    json_decref(j);
    snprintf(line, sizeof line, "note %lld 'a good one'; set format csv; sql select note from runs where id = %lld",
             (long long)ids[2], (long long)ids[2]);
    cr_expect_eq(exec(line), 0);
    cr_expect_str_eq(outbuf, "note\na good one\n");
    done();
    /* import into another store: all four, then none again */
    snprintf(path2, sizeof path2, "%s/other.db", tmpdir);
    dm_session *o;
    dm_session_opts so = {.db_path = path2};
    cr_assert_eq(dm_session_new(&o, &so, &err), 0);
    snprintf(line, sizeof line, "import %s/runs.db; import %s/runs.db; sql select count(*) as n from runs",
             tmpdir, tmpdir);
    outf = open_memstream(&outbuf, &outlen);
    msgf = open_memstream(&msgbuf, &msglen);
    dm_cmd_io io = {.out = outf, .msg = msgf};
    cr_expect_eq(dm_cmd_exec(o, line, &io), 0);
    fclose(outf);
    fclose(msgf);
    cr_expect(strstr(msgbuf, "imported 4 runs") != NULL, "%s", msgbuf);
    cr_expect(strstr(msgbuf, "imported 0 runs") != NULL, "%s", msgbuf);
    cr_expect(strstr(outbuf, "4") != NULL, "%s", outbuf);
    done();
    dm_session_free(o);
    snprintf(line, sizeof line, "delete %lld; sql select count(*) as n from runs", (long long)ids[3]);
    cr_expect_eq(exec(line), 0);
    cr_expect(strstr(outbuf, "3") != NULL, "%s", outbuf);
    done();
}

/* The worker thread: snapshots progress, a restart supersedes the running
 * evaluation (which is then not stored), a completed run lands in the store
 * exactly like a scripted one, and a user's cancel stores a partial run. */
Test(cmd, worker_runs_restarts_and_stores, .timeout = 600)
{
    dm_err err;
    cr_assert_eq(dm_session_load(S, "kjv-gru", &err), 0, "%s", err.msg);
    cr_assert_eq(dm_session_set(S, "k", "16", 0, &err), 0);
    cr_assert_eq(dm_session_set(S, "limit", "3000", 0, &err), 0);
    cr_assert_eq(dm_session_set(S, "speed", "20", 0, &err), 0);
    cr_assert_eq(dm_session_start(S, &err), 0, "%s", err.msg);
    dm_snapshot sn;
    dm_session_snapshot(S, &sn);
    cr_expect_eq(sn.state, DM_RUN_PREPARING, "start announces the run at once");
    cr_expect(dm_session_busy(S));
    /* a slider move: flag the run, start the next without waiting */
    cr_assert_eq(dm_session_set(S, "ratio", "0.3", 1, &err), 0, "%s", err.msg);
    cr_assert_eq(dm_session_start(S, &err), 0);
    /* watch it: the state goes forward and the figures appear */
    int saw_eval = 0;
    uint64_t last = 0;
    for (int i = 0; i < 6000; i++) {
        dm_session_snapshot(S, &sn);
        cr_assert_geq(sn.seq, last, "snapshots go forward");
        last = sn.seq;
        if (sn.state == DM_RUN_EVAL && sn.done > 0) {
            saw_eval = 1;
            cr_expect(sn.cfg.ratio == 0.3, "the snapshot is of the newest request");
            /* streams auto (DM_STREAMS_AUTO): N streams of 3000 / N tokens, N (3000 / N - 1) predictions */
            cr_expect(sn.value > 1 && sn.total == DM_STREAMS_AUTO * (3000 / DM_STREAMS_AUTO - 1), "value %g total %ld",
                      sn.value, sn.total);
        }
        if (sn.state >= DM_RUN_DONE)
            break;
        usleep(10000);
    }
    cr_expect_eq(dm_session_wait(S), DM_RUN_DONE);
    dm_session_snapshot(S, &sn);
    cr_expect_eq(sn.state, DM_RUN_DONE, "%s: %s", dm_run_state_name(sn.state), sn.error);
    cr_expect(saw_eval || sn.done == DM_STREAMS_AUTO * (3000 / DM_STREAMS_AUTO - 1), "no evaluation progress seen");
    cr_expect_gt(sn.run_id, 0);
    cr_expect(!isnan(sn.speedup) && sn.speedup > 0);
    cr_expect(fabs(sn.ratio_achieved - 0.3) < 0.1, "achieved %g", sn.ratio_achieved);
    /* only the completed run was stored, with the knobs of its request */
    cr_expect_eq(exec("set format csv; sql select count(*) as n, max(ratio) as r, max(status) as s from runs"), 0);
    cr_expect_str_eq(outbuf, "n,r,s\n1,0.3,done\n");
    done();
    /* the user stops a run: stored as cancelled, partial (or not at all if it had not started evaluating) */
    cr_assert_eq(dm_session_set(S, "limit", "0", 0, &err), 0);
    cr_assert_eq(dm_session_start(S, &err), 0);
    for (int i = 0; i < 6000; i++) {
        dm_session_snapshot(S, &sn);
        if (sn.state == DM_RUN_EVAL && sn.done > 500)
            break;
        usleep(10000);
    }
    dm_session_cancel(S);
    cr_expect_eq(dm_session_wait(S), DM_RUN_CANCELLED);
    cr_expect_eq(exec("sql select status, partial, tokens < 40000 from runs order by id desc limit 1"), 0);
    cr_expect_str_eq(outbuf, "status,partial,tokens < 40000\ncancelled,1,1\n");
    done();
}

Test(cmd, sql_quote_and_width)
{
    char q[16];
    dm_sql_quote(q, sizeof q, "it's");
    cr_expect_str_eq(q, "'it''s'");
    dm_sql_quote(q, 8, "abcdefghij"); /* cut to fit, still a closed literal */
    cr_expect_str_eq(q, "'abcd'");
    dm_sql_quote(q, 7, "ab'cd");
    cr_expect_str_eq(q, "'ab'");   /* a doubled quote is never split */
    cr_expect_eq(dm_u8width("ratio █▌ 50%"), 12);
}
