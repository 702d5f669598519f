/* test_seq2seq.c - the translator family: BPE against the recipe's Python
 * tokenizer, greedy translation against PyTorch's (the shipped model's
 * reference translations), the dual-module decoder's invariants (ratio 0 =
 * dense), beam search, and bad input. */
#define _DEFAULT_SOURCE
#include <criterion/criterion.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bpe.h"
#include "dual.h"
#include "family.h"
#include "seq2seq.h"
#include "testutil.h"

#define MODEL "models/bible-es-en"
#define NCHECK 100 /* reference sentences checked (the whole valid split: the note's figure) */

static char **lines_of(const char *rel, int max, int *n)
{
    char p[4096];
    test_path(p, sizeof p, rel);
    FILE *f = fopen(p, "r");
    cr_assert(f, "cannot open %s", p);
    char **v = calloc((size_t)max, sizeof *v), *line = NULL;
    size_t cap = 0;
    ssize_t len;
    int k = 0;
    while (k < max && (len = getline(&line, &cap, f)) >= 0) {
        while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
            line[--len] = 0;
        v[k++] = strdup(line);
    }
    free(line);
    fclose(f);
    *n = k;
    return v;
}

static void free_lines(char **v, int n)
{
    for (int i = 0; i < n; i++)
        free(v[i]);
    free(v);
}

static dm_s2s *load_model(void)
{
    char p[4096];
    test_path(p, sizeof p, MODEL "/model.safetensors");
    dm_net *n;
    dm_err err;
    cr_assert_eq(dm_net_load(p, NULL, &n, &err), 0, "%s", err.msg);
    cr_assert_eq(n->fam, &dm_family_seq2seq);
    return (dm_s2s *)n;
}

Test(bpe, matches_the_recipe_tokenizer_on_valid)
{
    char v[4096], m[4096];
    test_path(v, sizeof v, "data/bible/vocab.es");
    test_path(m, sizeof m, "data/bible/bpe.es");
    dm_bpe b;
    dm_err err;
    cr_assert_eq(dm_bpe_load(&b, v, m, &err), 0, "%s", err.msg);
    int n, ni;
    char **src = lines_of("data/bible/valid.es", 400, &n);
    char **ids = lines_of("tests/fixtures/bible/valid400.es.ids", 400, &ni);
    cr_assert_eq(n, 400);
    cr_assert_eq(ni, 400);
    int buf[2048];
    char text[8192];
    for (int i = 0; i < n; i++) {
        int k = dm_bpe_encode(&b, src[i], buf, 2048, NULL);
        char got[16384] = "";
        size_t a = 0;
        for (int j = 0; j < k; j++)
            a += (size_t)snprintf(got + a, sizeof got - a, "%s%d", j ? " " : "", buf[j]);
        cr_assert_str_eq(got, ids[i], "line %d: %s", i + 1, src[i]);
        /* decoding gives the text back (its whitespace is single spaces) */
        dm_bpe_decode(&b, buf, k, text, sizeof text);
        cr_assert_str_eq(text, src[i], "line %d round trip", i + 1);
    }
    /* unknown characters are <unk>; whitespace of any kind separates */
    long unk = 0;
    int k = dm_bpe_encode(&b, "  Dios\tdijo \xe2\x98\x83 ", buf, 2048, &unk);
    cr_assert_gt(k, 2);
    cr_assert_eq(unk, 1, "the snowman is unknown (%ld)", unk);
    /* a truncated UTF-8 sequence does not read past the end */
    k = dm_bpe_encode(&b, "a\xc3", buf, 2048, &unk);
    cr_assert_gt(k, 0);
    free_lines(src, n);
    free_lines(ids, ni);
    dm_bpe_free(&b);
}

Test(bpe, bad_files_are_refused_clearly)
{
    char v[4096], m[4096];
    dm_bpe b;
    dm_err err;
    test_path(v, sizeof v, "data/bible/bpe.es"); /* merges given as a vocabulary */
    test_path(m, sizeof m, "data/bible/bpe.es");
    cr_assert_eq(dm_bpe_load(&b, v, m, &err), -1);
    cr_assert(strstr(err.msg, "bpe.es:1") && strstr(err.msg, "a symbol with a space"), "%s", err.msg);
    test_path(v, sizeof v, "data/bible/vocab.es");
    test_path(m, sizeof m, "data/bible/vocab.en"); /* a vocabulary given as merges */
    cr_assert_eq(dm_bpe_load(&b, v, m, &err), -1);
    cr_assert(strstr(err.msg, "not a merges file"), "%s", err.msg);
    cr_assert_eq(dm_bpe_load(&b, "/nonexistent/vocab", m, &err), -1);
    cr_assert(strstr(err.msg, "/nonexistent/vocab: cannot open"), "%s", err.msg);
}

/* C's greedy translations = PyTorch's (the exported F16 weights in F32, batch 1) */
Test(seq2seq, greedy_matches_pytorch, .timeout = 600)
{
    dm_s2s *m = load_model();
    int n, nr;
    char **src = lines_of("data/bible/valid.es", NCHECK, &n);
    char **ref = lines_of(MODEL "/reference/valid.greedy.en", NCHECK, &nr);
    cr_assert_eq(n, nr);
    char out[1 << 15];
    dm_err err;
    int same = 0;
    for (int i = 0; i < n; i++) {
        cr_assert_geq(dm_s2s_translate(m, NULL, src[i], 1, out, sizeof out, &err), 0, "%s", err.msg);
        same += strcmp(out, ref[i]) == 0;
        cr_expect_str_eq(out, ref[i], "sentence %d: %s", i + 1, src[i]);
    }
    cr_assert_eq(same, n);
    free_lines(src, n);
    free_lines(ref, nr);
    dm_net_free(&m->base);
}

typedef struct fixture {
    dm_s2s *m;
    dm_data *train, *valid;
    dm_fitdata fd;
} fixture;

static void fixture_open(fixture *x, long nvalid)
{
    memset(x, 0, sizeof *x);
    x->m = load_model();
    char p[4096];
    dm_err err;
    test_path(p, sizeof p, "data/bible/train.txt");
    cr_assert_eq(x->m->base.fam->open(&x->m->base, p, 600, &x->train, &err), 0, "%s", err.msg);
    test_path(p, sizeof p, "data/bible/valid.txt");
    cr_assert_eq(x->m->base.fam->open(&x->m->base, p, nvalid, &x->valid, &err), 0, "%s", err.msg);
    cr_assert_eq(x->valid->items, nvalid);
    setenv("XDG_CACHE_HOME", "/tmp/dm_test_seq2seq_cache", 1);
    cr_assert_eq(x->m->base.fam->fit(&x->m->base, x->train, 12000, 1000, &x->fd, NULL, &err), 0, "%s", err.msg);
}

static void fixture_close(fixture *x)
{
    dm_fitdata_free(&x->fd);
    x->m->base.fam->close(x->train);
    x->m->base.fam->close(x->valid);
    dm_net_free(&x->m->base);
}

Test(seq2seq, dual_ratio0_is_dense_and_ratio_is_reached, .timeout = 900)
{
    fixture x;
    fixture_open(&x, 40);
    dm_dual_cfg cfg;
    dm_dual_cfg_default(&cfg);
    cfg.k = 64, cfg.bits = 8, cfg.mode = DM_MODE_TOPK, cfg.ratio = 0;
    dm_engine e;
    dm_err err;
    cr_assert_eq(dm_engine_build(&e, x.m->base.site, x.m->base.nsites, &x.fd, &cfg, &err), 0, "%s", err.msg);
    cr_assert_eq(dm_engine_use_kernels(&e, dm_kernels_best(), &err), 0, "%s", err.msg);
    dm_dual_result *r = calloc(1, sizeof *r);
    cr_assert_eq(x.m->base.fam->eval(&x.m->base, &e, x.valid, NULL, 0, r, &err), 0, "%s", err.msg);
    cr_assert_eq(r->dual.metric, DM_METRIC_BLEU);
    cr_assert_eq(r->top1_agree, 1.0, "ratio 0: every sentence as dense (%.3f)", r->top1_agree);
    cr_assert_float_eq(r->dual.value, r->dense.value, 1e-9);
    cr_assert_gt(r->dense.value, 5.0, "dense BLEU %.2f on 40 valid sentences", r->dense.value);
    cr_assert_float_eq(r->chrf[0], r->chrf[1], 1e-9);
    /* half insensitive: the achieved ratio, a BLEU that stays close, some sentences changed at most */
    cr_assert_eq(dm_engine_set_ratio(&e, 0.5, &err), 0, "%s", err.msg);
    memset(r, 0, sizeof *r);
    cr_assert_eq(x.m->base.fam->eval(&x.m->base, &e, x.valid, NULL, 0, r, &err), 0, "%s", err.msg);
    double ach = dm_stats_ratio(&r->stats, -1, -1);
    cr_assert_float_eq(ach, 0.5, 0.01, "achieved %.4f", ach);
    cr_assert_gt(r->dual.value, r->dense.value - 10, "dual %.2f dense %.2f", r->dual.value, r->dense.value);
    /* ratio 1: the little module alone; the translations change */
    cr_assert_eq(dm_engine_set_ratio(&e, 1.0, &err), 0, "%s", err.msg);
    memset(r, 0, sizeof *r);
    cr_assert_eq(x.m->base.fam->eval(&x.m->base, &e, x.valid, NULL, 0, r, &err), 0, "%s", err.msg);
    cr_assert_float_eq(dm_stats_ratio(&r->stats, -1, -1), 1.0, 1e-9);
    cr_assert_lt(r->top1_agree, 1.0);
    free(r);
    dm_engine_free(&e);
    fixture_close(&x);
}

Test(seq2seq, beam_search, .timeout = 600)
{
    dm_s2s *m = load_model();
    dm_err err;
    char g[4096], b1[4096], b4[4096], b4b[4096];
    const char *s = "Y dijo Dios: Sea la luz: y fué la luz.";
    cr_assert_geq(dm_s2s_translate(m, NULL, s, 1, g, sizeof g, &err), 0, "%s", err.msg);
    cr_assert_geq(dm_s2s_translate(m, NULL, s, 1, b1, sizeof b1, &err), 0, "%s", err.msg);
    cr_assert_str_eq(g, b1);
    cr_assert_geq(dm_s2s_translate(m, NULL, s, 4, b4, sizeof b4, &err), 0, "%s", err.msg);
    cr_assert_geq(dm_s2s_translate(m, NULL, s, 4, b4b, sizeof b4b, &err), 0, "%s", err.msg);
    cr_assert_str_eq(b4, b4b, "beam search is deterministic");
    cr_assert_gt(strlen(b4), 10, "'%s'", b4);
    cr_assert(strstr(b4, "light") && strstr(g, "light"), "greedy '%s', beam '%s'", g, b4);
    /* empty and odd input translate without harm */
    cr_assert_geq(dm_s2s_translate(m, NULL, "", 4, b4, sizeof b4, &err), 0, "%s", err.msg);
    cr_assert_geq(dm_s2s_translate(m, NULL, "\xff\xfe ¿¡ 123", 1, b4, sizeof b4, &err), 0, "%s", err.msg);
    dm_net_free(&m->base);
}

Test(seq2seq, data_errors_name_the_file)
{
    dm_s2s *m = load_model();
    dm_err err;
    dm_data *d;
    char dir[] = "/tmp/dm_s2s_XXXXXX";
    cr_assert(mkdtemp(dir));
    char a[4200], b[4200];
    snprintf(a, sizeof a, "%s/x.es", dir);
    snprintf(b, sizeof b, "%s/x.en", dir);
    FILE *f = fopen(a, "w");
    fputs("uno\ndos\n", f);
    fclose(f);
    cr_assert_eq(m->base.fam->open(&m->base, a, 0, &d, &err), -1);
    cr_assert(strstr(err.msg, "no reference translation") && strstr(err.msg, b), "%s", err.msg);
    f = fopen(b, "w");
    fputs("one\n", f);
    fclose(f);
    cr_assert_eq(m->base.fam->open(&m->base, a, 0, &d, &err), -1);
    cr_assert(strstr(err.msg, "has 2 line(s) but its reference") && strstr(err.msg, "has 1"), "%s", err.msg);
    f = fopen(b, "w");
    fputs("one\ntwo\n", f);
    fclose(f);
    cr_assert_eq(m->base.fam->open(&m->base, a, 0, &d, &err), 0, "%s", err.msg);
    cr_assert_eq(d->items, 2);
    m->base.fam->close(d);
    unlink(a), unlink(b), rmdir(dir);
    dm_net_free(&m->base);
}
