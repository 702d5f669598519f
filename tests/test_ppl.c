/* test_ppl.c - dualmod reproduces PyTorch's perplexities of the shipped
 * models (models/<name>/reference.json, written by models/train_lm.py) on
 * both KJV splits, with both evaluation paths, within 0.1% relative; and
 * PyTorch's batched evaluate over N streams (reference.json "batched",
 * written by models/lm_batched_reference.py) within 0.01%. */
#define _POSIX_C_SOURCE 200809L
#include <criterion/criterion.h>
#include <jansson.h>
#include <math.h>
#include <stdio.h>

#include "corpus.h"
#include "eval.h"
#include "lm.h"
#include "testutil.h"
#include "vocab.h"

#define REL_TOL 1e-3

/* A shipped model, its vocabulary and the first limit tokens (0: all) of a KJV split. */
static void load(const char *model, const char *split, long limit, dm_lm *m, dm_vocab *v, dm_corpus *c)
{
    char p[4096];
    dm_err err;
    snprintf(p, sizeof p, "%s/models/%s/model.safetensors", test_srcdir(), model);
    cr_assert_eq(dm_lm_load(m, p, &err), 0, "%s", err.msg);
    snprintf(p, sizeof p, "%s/models/%s/vocab.txt", test_srcdir(), model);
    cr_assert_eq(dm_vocab_load(v, p, &err), 0, "%s", err.msg);
    snprintf(p, sizeof p, "%s/data/kjv/%s.txt", test_srcdir(), split);
    cr_assert_eq(dm_corpus_load(c, p, v, limit, &err), 0, "%s", err.msg);
}

static void check(const char *model, const char *split, dm_lm_path path)
{
    char p[4096];
    dm_err err;
    snprintf(p, sizeof p, "%s/models/%s/reference.json", test_srcdir(), model);
    json_error_t je;
    json_t *ref = json_load_file(p, 0, &je);
    cr_assert_not_null(ref, "%s: %s", p, je.text);
    double want = 0;
    json_int_t npred = 0;
    cr_assert_eq(json_unpack(ref, "{s:{s:F, s:I}}", split, "ppl", &want, "predictions", &npred), 0,
                 "%s lacks %s.ppl", p, split);
    json_decref(ref);

    dm_lm m;
    dm_vocab v;
    dm_corpus c;
    load(model, split, 0, &m, &v, &c);
    dm_blas_set_threads(1);
    dm_eval_opts o = {.path = path};
    dm_eval_result r;
    cr_assert_eq(dm_eval_lm(&m, &c, &o, &r, &err), 0, "%s", err.msg);
    cr_assert_eq(r.predictions, (long)npred);
    double rel = fabs(r.value - want) / want;
    cr_log_info("%s %s %s: dualmod %.4f, PyTorch %.4f, rel diff %.2e", model, split, dm_path_name(path), r.value,
                want, rel);
    cr_assert_lt(rel, REL_TOL, "%s %s %s: dualmod ppl %.4f vs PyTorch %.4f (rel %.2e > %.0e)", model, split,
                 dm_path_name(path), r.value, want, rel, REL_TOL);
    dm_corpus_free(&c);
    dm_vocab_free(&v);
    dm_lm_free(&m);
}

Test(ppl, lstm_valid_stream, .timeout = 900) { check("kjv-lstm", "valid", DM_PATH_STREAM); }
Test(ppl, lstm_valid_seq, .timeout = 900) { check("kjv-lstm", "valid", DM_PATH_SEQ); }
Test(ppl, lstm_test_stream, .timeout = 900) { check("kjv-lstm", "test", DM_PATH_STREAM); }
Test(ppl, lstm_test_seq, .timeout = 900) { check("kjv-lstm", "test", DM_PATH_SEQ); }
Test(ppl, gru_valid_stream, .timeout = 900) { check("kjv-gru", "valid", DM_PATH_STREAM); }
Test(ppl, gru_valid_seq, .timeout = 900) { check("kjv-gru", "valid", DM_PATH_SEQ); }
Test(ppl, gru_test_stream, .timeout = 900) { check("kjv-gru", "test", DM_PATH_STREAM); }
Test(ppl, gru_test_seq, .timeout = 900) { check("kjv-gru", "test", DM_PATH_SEQ); }

/* A PyTorch figure of models/MODEL/reference.json (models/lm_batched_reference.py
 * writes them): section.key.ppl and section.key.<count>. */
static double ref_ppl(const char *model, const char *section, const char *key, const char *count, json_int_t *n)
{
    char p[4096];
    snprintf(p, sizeof p, "%s/models/%s/reference.json", test_srcdir(), model);
    json_error_t je;
    json_t *ref = json_load_file(p, 0, &je);
    cr_assert_not_null(ref, "%s: %s", p, je.text);
    double want = 0;
    cr_assert_eq(json_unpack(ref, "{s:{s:{s:F, s:I}}}", section, key, "ppl", &want, count, n), 0,
                 "%s lacks %s.%s (models/lm_batched_reference.py writes it)", p, section, key);
    json_decref(ref);
    return want;
}

/* dualmod eval --streams N against PyTorch's evaluate() with batch size N. */
static void check_streams(const char *model, const char *split, int N)
{
    char key[64];
    dm_err err;
    snprintf(key, sizeof key, "%s_%d", split, N);
    json_int_t npred = 0;
    double want = ref_ppl(model, "batched", key, "predictions", &npred);
    dm_lm m;
    dm_vocab v;
    dm_corpus c;
    load(model, split, 0, &m, &v, &c);
    dm_blas_set_threads(2);
    dm_eval_opts o = {.streams = N};
    dm_eval_result r;
    cr_assert_eq(dm_eval_lm(&m, &c, &o, &r, &err), 0, "%s", err.msg);
    dm_blas_set_threads(1);
    cr_assert_eq(r.predictions, (long)npred);
    double rel = fabs(r.value - want) / want;
    cr_log_info("%s %s %d streams: dualmod %.4f, PyTorch %.4f, rel diff %.2e", model, split, N, r.value, want, rel);
    cr_assert_lt(rel, 1e-4, "%s %s %d streams: dualmod ppl %.5f vs PyTorch %.5f (rel %.2e)", model, split, N, r.value,
                 want, rel);
    dm_corpus_free(&c);
    dm_vocab_free(&v);
    dm_lm_free(&m);
}

Test(ppl, lstm_streams, .timeout = 900)
{
    check_streams("kjv-lstm", "valid", 10);
    check_streams("kjv-lstm", "test", 20);
}
Test(ppl, gru_streams, .timeout = 900)
{
    check_streams("kjv-gru", "valid", 20);
    check_streams("kjv-gru", "test", 10);
}

/* The batch-1 stream path on a split's first 2000 tokens against PyTorch
 * (reference.json "prefix"): quick enough for the paper-scale model. */
static void check_prefix(const char *model, const char *split)
{
    char key[64];
    dm_err err;
    snprintf(key, sizeof key, "%s_2000", split);
    json_int_t ntok = 0;
    double want = ref_ppl(model, "prefix", key, "tokens", &ntok);
    dm_lm m;
    dm_vocab v;
    dm_corpus c;
    load(model, split, (long)ntok, &m, &v, &c);
    cr_assert_eq(c.n, (long)ntok);
    dm_blas_set_threads(1);
    for (int path = 0; path < 2; path++) {
        dm_eval_opts o = {.path = (dm_lm_path)path};
        dm_eval_result r;
        cr_assert_eq(dm_eval_lm(&m, &c, &o, &r, &err), 0, "%s", err.msg);
        double rel = fabs(r.value - want) / want;
        cr_log_info("%s %s first %ld tokens, %s: dualmod %.4f, PyTorch %.4f, rel diff %.2e", model, split, c.n,
                    dm_path_name((dm_lm_path)path), r.value, want, rel);
        cr_expect_lt(rel, 1e-4, "%s %s first %ld tokens, %s: dualmod %.5f vs PyTorch %.5f", model, split, c.n,
                     dm_path_name((dm_lm_path)path), r.value, want);
    }
    dm_corpus_free(&c);
    dm_vocab_free(&v);
    dm_lm_free(&m);
}

Test(ppl, prefix_stream, .timeout = 900)
{
    const char *models[] = {"kjv-lstm", "kjv-gru", "kjv-lstm-1500"};
    for (int i = 0; i < 3; i++) {
        check_prefix(models[i], "valid");
        check_prefix(models[i], "test");
    }
}

/* The paper-scale model over PyTorch's batched evaluate. */
Test(ppl, lstm1500_streams, .timeout = 900) { check_streams("kjv-lstm-1500", "valid", 20); }
