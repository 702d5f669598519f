/* test_lm.c - the LM forward pass against PyTorch golden fixtures, the two
 * evaluation paths against each other, and architecture errors. */
#define _POSIX_C_SOURCE 200809L
#include <criterion/criterion.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "kernels.h"
#include "lm.h"
#include "safetensors.h"
#include "testutil.h"

typedef struct expect {
    int T, V, H, L;
    int tokens[64];
    float *logprobs; /* T x V */
    float *h[4];     /* T x H per layer */
} expect;

static void load_expect(const char *name, expect *e)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/tests/fixtures/%s_expect.safetensors", test_srcdir(), name);
    dm_st_file f;
    dm_err err;
    cr_assert_eq(dm_st_open(&f, path, &err), 0, "%s", err.msg);
    const dm_st_tensor *tok = dm_st_find(&f, "tokens"), *lp = dm_st_find(&f, "logprobs");
    cr_assert(tok && lp);
    e->T = (int)tok->shape[0];
    e->V = (int)lp->shape[1];
    cr_assert(e->T <= 64);
    float tk[64];
    cr_assert_eq(dm_st_to_f32(tok, tk, &err), 0);
    for (int t = 0; t < e->T; t++)
        e->tokens[t] = (int)tk[t];
    e->logprobs = malloc((size_t)e->T * e->V * sizeof(float));
    cr_assert_eq(dm_st_to_f32(lp, e->logprobs, &err), 0);
    for (e->L = 0; e->L < 4; e->L++) {
        char n[16];
        snprintf(n, sizeof n, "h_l%d", e->L);
        const dm_st_tensor *h = dm_st_find(&f, n);
        if (!h)
            break;
        e->H = (int)h->shape[1];
        e->h[e->L] = malloc((size_t)e->T * e->H * sizeof(float));
        cr_assert_eq(dm_st_to_f32(h, e->h[e->L], &err), 0);
    }
    dm_st_close(&f);
}

static void free_expect(expect *e)
{
    free(e->logprobs);
    for (int l = 0; l < e->L; l++)
        free(e->h[l]);
}

/* Tolerances: FP32 math on both sides, values of order 1. */
#define TOL_H 2e-6
#define TOL_LP 1e-5

static void check_golden(const char *name, dm_cell cell, int tied)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/tests/fixtures/%s_model.safetensors", test_srcdir(), name);
    dm_lm m;
    dm_err err;
    cr_assert_eq(dm_lm_load(&m, path, &err), 0, "%s", err.msg);
    expect e;
    load_expect(name, &e);
    cr_assert_eq(m.cell, cell);
    cr_assert_eq(m.inferred, 1, "fixture has no metadata: architecture must be inferred");
    cr_assert_eq(m.tied, tied);
    cr_assert_eq(m.nlayers, e.L);
    cr_assert_eq(m.nhid, e.H);
    cr_assert_eq(m.ntoken, e.V);

    /* streaming path */
    dm_lm_state s;
    cr_assert_eq(dm_lm_state_init(&s, &m, &err), 0);
    dm_lm_state_reset(&s, &m);
    for (int t = 0; t < e.T; t++) {
        dm_lm_step(&m, &s, e.tokens[t]);
        for (int l = 0; l < e.L; l++) {
            const float *h = dm_lm_state_h(&s, &m, l);
            for (int j = 0; j < e.H; j++)
                cr_assert_float_eq(h[j], e.h[l][t * e.H + j], TOL_H, "%s stream t=%d layer %d h[%d]: %g vs torch %g",
                                   name, t, l, j, h[j], e.h[l][t * e.H + j]);
        }
        for (int v = 0; v < e.V; v++) {
            double lp = dm_log_softmax_at(s.logits, m.ntoken, v);
            cr_assert_float_eq(lp, e.logprobs[t * e.V + v], TOL_LP, "%s stream t=%d logprob[%d]: %g vs torch %g", name,
                               t, v, lp, e.logprobs[t * e.V + v]);
        }
    }
    dm_lm_state_free(&s);

    /* whole-sequence path, chunks of 4 so the state crosses chunk borders */
    dm_lm_seq q;
    cr_assert_eq(dm_lm_seq_init(&q, &m, 4, &err), 0);
    dm_lm_seq_reset(&q, &m);
    for (int t0 = 0; t0 < e.T; t0 += 4) {
        int n = e.T - t0 < 4 ? e.T - t0 : 4;
        dm_lm_seq_run(&m, &q, e.tokens + t0, n);
        for (int t = 0; t < n; t++)
            for (int v = 0; v < e.V; v++) {
                double lp = dm_log_softmax_at(q.logits + (size_t)t * m.ntoken, m.ntoken, v);
                cr_assert_float_eq(lp, e.logprobs[(t0 + t) * e.V + v], TOL_LP, "%s seq t=%d logprob[%d]", name, t0 + t,
                                   v);
            }
    }
    for (int l = 0; l < e.L; l++)
        for (int j = 0; j < e.H; j++)
            cr_assert_float_eq(dm_lm_state_h(&q.st, &m, l)[j], e.h[l][(e.T - 1) * e.H + j], TOL_H);
    dm_lm_seq_free(&q);
    free_expect(&e);
    dm_lm_free(&m);
}

Test(lm, lstm_matches_pytorch_golden) { check_golden("lstm", DM_CELL_LSTM, 0); }
Test(lm, gru_matches_pytorch_golden) { check_golden("gru", DM_CELL_GRU, 1); }

/* The tuned dense GEMV (ours where the tuner chose it over OpenBLAS) runs the
 * recurrent layers and the output layer of both paths: the same goldens. */
Test(lm, goldens_hold_with_own_dense_gemv)
{
    const dm_kernels *k = dm_kernels_best();
    dm_dense_use(k);
    check_golden("lstm", DM_CELL_LSTM, 0);
    check_golden("gru", DM_CELL_GRU, 1);
    dm_dense_use(NULL);
}

static void paths_agree(dm_cell cell)
{
    dm_lm m;
    dm_err err;
    cr_assert_eq(dm_lm_init_random(&m, cell, 97, 24, 24, 3, 1, 0.4f, 5, &err), 0, "%s", err.msg);
    int tokens[50];
    for (int i = 0; i < 50; i++)
        tokens[i] = (i * 37 + 11) % 97;
    dm_lm_state s;
    dm_lm_seq q;
    cr_assert_eq(dm_lm_state_init(&s, &m, &err), 0);
    cr_assert_eq(dm_lm_seq_init(&q, &m, 16, &err), 0);
    dm_lm_state_reset(&s, &m);
    dm_lm_seq_reset(&q, &m);
    for (int t0 = 0; t0 < 50; t0 += 16) {
        int n = 50 - t0 < 16 ? 50 - t0 : 16;
        dm_lm_seq_run(&m, &q, tokens + t0, n);
        for (int t = 0; t < n; t++) {
            dm_lm_step(&m, &s, tokens[t0 + t]);
            for (int v = 0; v < m.ntoken; v++)
                cr_assert_float_eq(s.logits[v], q.logits[(size_t)t * m.ntoken + v], 1e-5, "t=%d v=%d", t0 + t, v);
        }
    }
    dm_lm_seq_free(&q);
    dm_lm_state_free(&s);
    dm_lm_free(&m);
}

Test(lm, stream_and_seq_paths_agree_lstm) { paths_agree(DM_CELL_LSTM); }
Test(lm, stream_and_seq_paths_agree_gru) { paths_agree(DM_CELL_GRU); }

Test(lm, log_softmax_matches_double_reference)
{
    float logits[300];
    for (int i = 0; i < 300; i++)
        logits[i] = (float)sin(i * 0.37) * 12.0f + (i == 17 ? 30.0f : 0.0f);
    double mx = -1e300, sum = 0;
    for (int i = 0; i < 300; i++)
        mx = logits[i] > mx ? logits[i] : mx;
    for (int i = 0; i < 300; i++)
        sum += exp((double)logits[i] - mx);
    for (int t = 0; t < 300; t += 13)
        cr_assert_float_eq(dm_log_softmax_at(logits, 300, t), (double)logits[t] - mx - log(sum), 1e-6);
}

/* ---- architecture errors: files built from the LSTM fixture, edited ---- */

typedef struct edit {
    const char *drop;       /* tensor to leave out */
    const char *rename_from, *rename_to;
    const char *reshape;    /* tensor whose first dim is cut by one row */
    const char *as_i8;      /* tensor stored as I8 */
    const char *meta_k, *meta_v;
    const char *extra;      /* an extra tensor of this name is appended */
    const char *poison;     /* tensor whose element 3 is set to poison_v */
    float poison_v;
} edit;

static char tmpdir[256];

static void setup_tmp(void)
{
    snprintf(tmpdir, sizeof tmpdir, "/tmp/dm_test_lm_XXXXXX");
    cr_assert_not_null(mkdtemp(tmpdir));
}

static void teardown_tmp(void)
{
    char cmd[512];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
    cr_assert_eq(system(cmd), 0);
}

static int load_edited(const edit *ed, char *msg, size_t msgsz)
{
    char src[4096], dst[512];
    snprintf(src, sizeof src, "%s/tests/fixtures/lstm_model.safetensors", test_srcdir());
    snprintf(dst, sizeof dst, "%s/edited.safetensors", tmpdir);
    dm_st_file f;
    dm_err err;
    cr_assert_eq(dm_st_open(&f, src, &err), 0, "%s", err.msg);
    dm_st_wtensor w[32];
    float *bufs[32];
    int8_t *ibufs[32] = {0};
    int n = 0;
    for (int i = 0; i < f.ntensors; i++) {
        const dm_st_tensor *t = &f.tensors[i];
        if (ed->drop && strcmp(t->name, ed->drop) == 0)
            continue;
        bufs[n] = malloc(t->nbytes + 4);
        cr_assert_eq(dm_st_to_f32(t, bufs[n], &err), 0);
        w[n].name = ed->rename_from && strcmp(t->name, ed->rename_from) == 0 ? ed->rename_to : t->name;
        w[n].dtype = DM_DT_F32;
        w[n].ndim = t->ndim;
        memcpy(w[n].shape, t->shape, sizeof t->shape);
        w[n].data = bufs[n];
        if (ed->reshape && strcmp(t->name, ed->reshape) == 0)
            w[n].shape[0]--;
        if (ed->poison && strcmp(t->name, ed->poison) == 0)
            bufs[n][3] = ed->poison_v;
        if (ed->as_i8 && strcmp(t->name, ed->as_i8) == 0) {
            ibufs[n] = calloc((size_t)t->numel, 1);
            w[n].dtype = DM_DT_I8;
            w[n].data = ibufs[n];
        }
        n++;
    }
    float extra[3] = {1, 2, 3};
    if (ed->extra) {
        bufs[n] = NULL;
        w[n] = (dm_st_wtensor){.name = ed->extra, .dtype = DM_DT_F32, .ndim = 1, .shape = {3}, .data = extra};
        n++;
    }
    const char *meta[2] = {ed->meta_k, ed->meta_v};
    cr_assert_eq(dm_st_write(dst, w, n, meta, ed->meta_k ? 1 : 0, &err), 0, "%s", err.msg);
    for (int i = 0; i < n; i++) {
        free(bufs[i]);
        free(ibufs[i]);
    }
    dm_st_close(&f);
    dm_lm m;
    int rc = dm_lm_load(&m, dst, &err);
    if (rc == 0)
        dm_lm_free(&m);
    snprintf(msg, msgsz, "%s", rc ? err.msg : "");
    return rc;
}

#define EXPECT_LOAD_ERROR(ed, phrase)                                                              \
    do {                                                                                           \
        char msg_[DM_ERR_MAX];                                                                     \
        cr_assert_eq(load_edited(&(ed), msg_, sizeof msg_), -1, "expected a load error");         \
        cr_assert(strstr(msg_, phrase), "error '%s' lacks '%s'", msg_, phrase);                    \
        cr_assert(strstr(msg_, "edited.safetensors"), "error '%s' does not name the file", msg_); \
    } while (0)

TestSuite(lm_errors, .init = setup_tmp, .fini = teardown_tmp);

Test(lm_errors, unedited_copy_loads)
{
    edit ed = {0};
    char msg[DM_ERR_MAX];
    cr_assert_eq(load_edited(&ed, msg, sizeof msg), 0, "%s", msg);
}

Test(lm_errors, missing_tensor)
{
    edit ed = {.drop = "decoder.bias"};
    EXPECT_LOAD_ERROR(ed, "missing tensor 'decoder.bias'");
}

Test(lm_errors, missing_layer_bias)
{
    edit ed = {.drop = "rnn.bias_hh_l1"};
    EXPECT_LOAD_ERROR(ed, "missing tensor 'rnn.bias_hh_l1'");
}

Test(lm_errors, wrong_shape_for_architecture)
{
    edit ed = {.reshape = "rnn.weight_ih_l1"};
    EXPECT_LOAD_ERROR(ed, "tensor 'rnn.weight_ih_l1' has shape [19, 5], expected [20, 5]");
}

Test(lm_errors, gate_rows_not_lstm_or_gru)
{
    edit ed = {.reshape = "rnn.weight_hh_l0"};
    EXPECT_LOAD_ERROR(ed, "not 4x (LSTM) or 3x (GRU)");
}

Test(lm_errors, untied_without_decoder_needs_equal_sizes)
{
    edit ed = {.drop = "decoder.weight"};
    EXPECT_LOAD_ERROR(ed, "nhid 5 != emsize 6");
}

Test(lm_errors, unexpected_tensor)
{
    edit ed = {.extra = "rnn.weight_hr_l0"};
    EXPECT_LOAD_ERROR(ed, "unexpected tensor 'rnn.weight_hr_l0'");
    edit ed2 = {.rename_from = "rnn.bias_hh_l1", .rename_to = "rnn.bias_hh_l1_reverse"};
    EXPECT_LOAD_ERROR(ed2, "missing tensor 'rnn.bias_hh_l1'");
}

Test(lm_errors, integer_weights_rejected)
{
    edit ed = {.as_i8 = "rnn.weight_hh_l0"};
    EXPECT_LOAD_ERROR(ed, "dtype I8");
}

/* A NaN or Inf weight would make every figure non-finite (and eval printed
 * nan with exit 0, or crashed in JSON): refused at load, naming the tensor. */
Test(lm_errors, non_finite_weights_rejected)
{
    edit ed = {.poison = "rnn.weight_hh_l1", .poison_v = NAN};
    EXPECT_LOAD_ERROR(ed, "tensor 'rnn.weight_hh_l1' element 3 is NaN");
    edit ed2 = {.poison = "decoder.bias", .poison_v = -INFINITY};
    EXPECT_LOAD_ERROR(ed2, "tensor 'decoder.bias' element 3 is infinite");
    edit ed3 = {.poison = "encoder.weight", .poison_v = INFINITY};
    EXPECT_LOAD_ERROR(ed3, "tensor 'encoder.weight' element 3 is infinite");
}

Test(lm_errors, metadata_disagrees_with_shapes)
{
    edit ed = {.meta_k = "nhid", .meta_v = "6"};
    EXPECT_LOAD_ERROR(ed, "metadata says nhid = 6 but the tensor shapes give 5");
    edit ed2 = {.meta_k = "rnn_type", .meta_v = "GRU"};
    EXPECT_LOAD_ERROR(ed2, "metadata says rnn_type GRU");
    edit ed3 = {.meta_k = "tied", .meta_v = "maybe"};
    EXPECT_LOAD_ERROR(ed3, "expected true or false");
}

Test(lm_errors, not_an_lm)
{
    edit ed = {.drop = "encoder.weight"};
    EXPECT_LOAD_ERROR(ed, "no tensor 'encoder.weight'");
}
