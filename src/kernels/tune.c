/* tune.c - see tune.h. */
#define _POSIX_C_SOURCE 200809L
#include "tune.h"

#include <cblas.h>
#include <cpuid.h>
#include <errno.h>
#include <jansson.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "bench.h" /* dm_llc_bytes */

/* ---- CPU id, cache file ------------------------------------------------ */

void dm_cpu_id(char *out, size_t n)
{
    unsigned a, b, c, d;
    char vendor[13] = "unknown";
    if (__get_cpuid(0, &a, &b, &c, &d)) {
        memcpy(vendor, &b, 4);
        memcpy(vendor + 4, &d, 4);
        memcpy(vendor + 8, &c, 4);
        vendor[12] = '\0';
    }
    unsigned fam = 0, model = 0, step = 0;
    if (__get_cpuid(1, &a, &b, &c, &d)) {
        fam = (a >> 8) & 0xF;
        model = (a >> 4) & 0xF;
        step = a & 0xF;
        if (fam == 0xF)
            fam += (a >> 20) & 0xFF;
        if (fam >= 6)
            model |= ((a >> 16) & 0xF) << 4;
    }
    snprintf(out, n, "%s-%u-%u-%u", vendor, fam, model, step);
}

int dm_tune_cache_path(char *out, size_t n, dm_err *err)
{
    const char *xdg = getenv("XDG_CACHE_HOME"), *home = getenv("HOME");
    char id[64];
    dm_cpu_id(id, sizeof id);
    int w;
    if (xdg && *xdg)
        w = snprintf(out, n, "%s/dualmod/kernels-%s.json", xdg, id);
    else if (home && *home)
        w = snprintf(out, n, "%s/.cache/dualmod/kernels-%s.json", home, id);
    else
        return dm_errf(err, "kernel tuning cache: neither XDG_CACHE_HOME nor HOME is set");
    if (w < 0 || (size_t)w >= n)
        return dm_errf(err, "kernel tuning cache: path too long");
    return 0;
}

/* ---- measurement -------------------------------------------------------- */

static volatile float tune_sink;

typedef struct tune_ws {
    float *W, *x, *y;  /* big matrix rows x cols */
    int rows, cols;
    int *idx, nidx;    /* the gathered rows (half, sorted) */
    dm_qmat q8, q4;
    int8_t *xq;
    /* the little module of an LSTM-1500 site: two SRP projections (k = 417 of 1500 inputs each), then q8 */
    dm_kproj kp[2];
    dm_kproj_in kin[2];
    uint8_t *kbuf;
    float *v;
    int8_t *vq;
    float *flush;
    size_t flush_n;
} tune_ws;

enum { WL_ROWS, WL_DENSE_OWN, WL_DENSE_BLAS, WL_Q8, WL_Q4, WL_LITTLE, WL_PROJ };

static void flush_caches(tune_ws *w)
{
    float s = 0;
    for (size_t i = 0; i < w->flush_n; i += 16) /* one load per line is enough to evict */
        s += w->flush[i];
    tune_sink = s;
}

/* A flush by reading leaves often-reused bytes in a last-level cache larger than the flush: on Intel family 6
 * model 167 (480 MB of L3 reported, a 128 MB flush) the INT8 GEMV "cold" read at 23-25 GB/s where the memory gives
 * 17-18, and the dense GEMV its 72 MB at 22-23 GB/s. The stages then compared L3 reads. So every workload's weights
 * are evicted line by line too: the little ones always, the big ones (36-72 MB) where the CPU has clflushopt
 * (3 ms for 72 MB; clflush takes 43 ms, longer than their runs). */
static void evict_weights(tune_ws *w, int wl)
{
    if (wl == WL_Q8 || wl == WL_LITTLE)
        dm_qmat_evict(&w->q8);
    if (wl == WL_Q4)
        dm_qmat_evict(&w->q4);
    if (wl == WL_LITTLE || wl == WL_PROJ)
        for (int q = 0; q < 2; q++)
            dm_kproj_evict(&w->kp[q]);
    if ((wl == WL_ROWS || wl == WL_DENSE_OWN || wl == WL_DENSE_BLAS) && dm_evict_fast())
        dm_evict(w->W, (size_t)w->rows * (size_t)w->cols * sizeof(float));
}

enum { TW_K = 417, TW_D = 1500 }; /* the little module's k and each stream's inputs (qcols = 2 k) */

static void workload(const dm_kernels *k, int nt, tune_ws *w, int wl)
{
    switch (wl) {
    case WL_ROWS:
        dm_par_rows_gemv(k, nt, w->W, (size_t)w->cols, w->cols, w->idx, w->nidx, w->x, w->y);
        break;
    case WL_DENSE_OWN:
        dm_par_gemv(k, nt, w->W, (size_t)w->cols, w->rows, w->cols, w->x, w->y);
        break;
    case WL_DENSE_BLAS:
        cblas_sgemv(CblasRowMajor, CblasNoTrans, w->rows, w->cols, 1.0f, w->W, w->cols, w->x, 1, 1.0f, w->y, 1);
        break;
    case WL_Q8:
        dm_par_qgemv(k, nt, &w->q8, w->xq, 0.01f, w->y);
        break;
    case WL_PROJ: /* the projections alone, prefetching none of the little weights */
        for (int q = 0; q < 2; q++)
            k->proj_in(&w->kin[q], w->x + q * TW_D, TW_D);
        dm_par_proj(k, nt, w->kp, w->kin, 2, TW_K, w->v, NULL, NULL, 0);
        break;
    case WL_LITTLE: /* as the engine's little_run: inputs prepared, projected, quantized, the GEMV */
        for (int q = 0; q < 2; q++)
            k->proj_in(&w->kin[q], w->x + q * TW_D, TW_D);
        dm_par_proj(k, nt, w->kp, w->kin, 2, TW_K, w->v, &w->q8, NULL, 0);
        dm_par_qgemv(k, nt, &w->q8, w->vq, k->quant_in(w->v, 2 * TW_K, w->vq), w->y);
        break;
    default:
        dm_par_qgemv(k, nt, &w->q4, w->xq, 0.01f, w->y);
        break;
    }
}

static double wl_bytes(const tune_ws *w, int wl)
{
    switch (wl) {
    case WL_ROWS:
        return (double)w->nidx * w->cols * sizeof(float);
    case WL_DENSE_OWN:
    case WL_DENSE_BLAS:
        return (double)w->rows * w->cols * sizeof(float);
    case WL_Q8:
        return (double)dm_qmat_bytes(&w->q8);
    case WL_LITTLE:
        return (double)dm_qmat_bytes(&w->q8) + (double)(w->kp[0].bytes + w->kp[1].bytes);
    case WL_PROJ:
        return (double)(w->kp[0].bytes + w->kp[1].bytes);
    default:
        return (double)dm_qmat_bytes(&w->q4);
    }
}

static int cmp_d(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

#define TUNE_REPS 15
#define TUNE_MAXC 24 /* candidates in one stage */
#define TUNE_MIN_REPS 3
/* A candidate displaces the best so far only when faster by more than this share: within it the difference is the
 * machine's noise (2-4% between interleaved runs on the shared VMs measured), and each stage lists its candidates
 * from the plainest (no prefetch, one stream, none of the little weights ahead) up. On Intel family 6 model 167 at
 * 2 threads, taking the minimum chose a 768 KB projection prefetch 1.7% ahead of none in the tuner, which then
 * stretched the step's projection from 27 to 67 us in the bench and saved its GEMV nothing. */
#define TUNE_TIE 0.02
/* The search's time budget in seconds (stages end early past their share). */
#define TUNE_BUDGET 40.0

/* The first quartile of the ms of each candidate on workload wl[cand],
 * interleaved round-robin, every call cold: on a shared machine the load
 * only ever adds time, so the low quantile estimates what the kernel can do
 * (FFTW and ATLAS take the minimum; the quartile keeps one lucky call from
 * deciding). */

static void measure(const dm_kernels *k, int nt, tune_ws *w, int ncand, const dm_kparams *cand, const int *wl,
                    int reps, double deadline, double *med, dm_tune_progress cb, void *ctx, const char *stage,
                    int *done, int total)
{
    double *t = malloc(sizeof(double) * (size_t)ncand * (size_t)reps);
    if (!t) {
        for (int i = 0; i < ncand; i++)
            med[i] = 1e30;
        return;
    }
    for (int i = 0; i < ncand; i++) { /* warm-up: page in, start the pool */
        dm_kparams_set(&cand[i], NULL);
        workload(k, nt, w, wl[i]);
    }
    int r = 0;
    for (; r < reps; r++) {
        if (r >= TUNE_MIN_REPS && dm_now() > deadline)
            break; /* a slow (busy) machine: fewer repetitions, the time stays bounded */
        for (int j = 0; j < ncand; j++) {
            int i = (j + r) % ncand; /* rotate the order too */
            dm_kparams_set(&cand[i], NULL);
            if (wl_bytes(w, wl[i]) < 2.0 * (double)w->flush_n * sizeof(float))
                flush_caches(w); /* (a workload twice the flush size is cold by itself) */
            evict_weights(w, wl[i]);
            dm_par_wake(nt); /* the flush outlasts the workers' spin: wake them as a stream of steps would */
            double t0 = dm_now();
            workload(k, nt, w, wl[i]);
            t[(size_t)i * reps + r] = (dm_now() - t0) * 1e3;
        }
        if (cb)
            cb(ctx, stage, *done + (r + 1) * ncand, total);
    }
    *done += reps * ncand;
    if (cb && r < reps)
        cb(ctx, stage, *done, total);
    for (int i = 0; i < ncand; i++) {
        qsort(t + (size_t)i * reps, (size_t)r, sizeof(double), cmp_d);
        med[i] = t[(size_t)i * reps + r / 4];
    }
    free(t);
}

static void add_cand(dm_tune_result *o, const char *stage, const char *value, double ms, double bytes)
{
    if (o->ncand >= DM_TUNE_MAXCAND)
        return;
    dm_tune_cand *c = &o->cand[o->ncand++];
    snprintf(c->stage, sizeof c->stage, "%s", stage);
    snprintf(c->value, sizeof c->value, "%s", value);
    c->ms = ms;
    c->gbs = ms > 0 ? bytes / (ms * 1e6) : 0;
}

static void ws_free(tune_ws *w)
{
    dm_free(w->W);
    dm_free(w->x);
    dm_free(w->y);
    free(w->idx);
    dm_qmat_free(&w->q8);
    dm_qmat_free(&w->q4);
    free(w->xq);
    for (int q = 0; q < 2; q++)
        dm_kproj_free(&w->kp[q]);
    dm_free(w->kbuf);
    dm_free(w->v);
    free(w->vq);
    dm_free(w->flush);
    memset(w, 0, sizeof *w);
}

static int ws_init(tune_ws *w, dm_err *err)
{
    memset(w, 0, sizeof *w);
    /* a core sees one L3 (32-96 MB on current x86); virtual machines report
     * the host's figure (508 MB here): the flush reads at most 128 MB, as the
     * bench's */
    size_t llc = dm_llc_bytes();
    if (!llc)
        llc = 64u << 20;
    if (llc > (64u << 20))
        llc = 64u << 20;
    w->rows = 4 * TW_D; /* an LSTM-1500 layer: 4H x (in + H) */
    w->cols = 2 * TW_D;
    int qcols = 2 * TW_K;
    w->flush_n = 2 * llc / sizeof(float);
    w->W = dm_alloc(sizeof(float) * (size_t)w->rows * w->cols);
    w->x = dm_alloc(sizeof(float) * (size_t)w->cols);
    w->y = dm_alloc(sizeof(float) * (size_t)w->rows);
    w->idx = malloc(sizeof(int) * (size_t)w->rows);
    w->xq = malloc((size_t)qcols);
    w->flush = dm_alloc(sizeof(float) * w->flush_n);
    int16_t *q = malloc(sizeof(int16_t) * (size_t)w->rows * qcols);
    float *ws = malloc(sizeof(float) * (size_t)w->rows), *bias = malloc(sizeof(float) * (size_t)w->rows);
    if (!w->W || !w->x || !w->y || !w->idx || !w->xq || !w->flush || !q || !ws || !bias) {
        free(q), free(ws), free(bias);
        ws_free(w);
        return dm_errf(err, "kernel tuning: out of memory");
    }
    uint64_t s = 0x9E3779B97F4A7C15ULL;
    for (size_t i = 0; i < (size_t)w->rows * w->cols; i++) {
        s ^= s << 13, s ^= s >> 7, s ^= s << 17;
        w->W[i] = (float)((int)(s & 255) - 128) / 1024.0f;
    }
    for (int i = 0; i < w->cols; i++)
        w->x[i] = (float)(i % 17) / 17.0f - 0.5f;
    for (size_t i = 0; i < w->flush_n; i++)
        w->flush[i] = 1.0f;
    /* half the rows, chosen at random, in order (as the dual path lists them) */
    for (int i = 0; i < w->rows; i++) {
        s ^= s << 13, s ^= s >> 7, s ^= s << 17;
        if (s & 1)
            w->idx[w->nidx++] = i;
    }
    for (int bits = 8; bits >= 4; bits -= 4) {
        int qm = (1 << (bits - 1)) - 1;
        for (size_t i = 0; i < (size_t)w->rows * qcols; i++) {
            s ^= s << 13, s ^= s >> 7, s ^= s << 17;
            q[i] = (int16_t)((int)(s % (uint64_t)(2 * qm + 1)) - qm);
        }
        for (int i = 0; i < w->rows; i++)
            ws[i] = 0.01f, bias[i] = 0.0f;
        if (dm_qmat_pack(bits == 8 ? &w->q8 : &w->q4, q, w->rows, qcols, bits, ws, bias, err)) {
            free(q), free(ws), free(bias);
            ws_free(w);
            return -1;
        }
    }
    for (int i = 0; i < qcols; i++)
        w->xq[i] = (int8_t)(i % 255 - 127);
    free(q), free(ws), free(bias);
    size_t inb = (dm_kproj_in_bytes(TW_D) + 63) & ~(size_t)63;
    w->kbuf = dm_alloc(2 * inb);
    w->v = dm_alloc(sizeof(float) * 2 * TW_K);
    w->vq = malloc(2 * TW_K);
    if (!w->kbuf || !w->v || !w->vq) {
        ws_free(w);
        return dm_errf(err, "kernel tuning: out of memory");
    }
    for (int st = 0; st < 2; st++) {
        dm_proj p;
        if (dm_proj_srp(&p, TW_K, TW_D, 0x5eed + (uint64_t)st, err))
            return ws_free(w), -1;
        int rc = dm_kproj_pack(&w->kp[st], &p, err);
        dm_proj_free(&p);
        if (rc)
            return ws_free(w), -1;
        w->kin[st].buf = w->kbuf + st * inb;
    }
    return 0;
}

/* The context of one tuning run's stages. */
typedef struct tune_run {
    const dm_kernels *k;
    int threads;
    tune_ws *w;
    dm_tune_progress cb;
    void *ctx;
    int done, total;
    dm_tune_result *o;
} tune_run;

typedef void (*cand_label)(const dm_kparams *p, char *buf, size_t n);

/* A stage that times nc candidates on nw (1 or 2) workloads wls[] (each candidate's figure is the sum, and the
 * result lists them as "<label> (<names[w]>)" under stage name cs); the best one's index. */
static int stage(tune_run *t, const dm_kparams *cand, int nc, int nw, const int *wls, const char *const *names,
                 double deadline, const char *progress, const char *cs, cand_label lab)
{
    dm_kparams c2[2 * TUNE_MAXC] = {{0}};
    int wl[2 * TUNE_MAXC] = {0};
    double med[2 * TUNE_MAXC], best_ms = 0;
    char v[64], buf[96];
    if (nc > TUNE_MAXC)
        nc = TUNE_MAXC;
    for (int w = 0; w < nw; w++)
        for (int i = 0; i < nc; i++)
            c2[w * nc + i] = cand[i], wl[w * nc + i] = wls[w];
    measure(t->k, t->threads, t->w, nw * nc, c2, wl, TUNE_REPS, deadline, med, t->cb, t->ctx, progress, &t->done,
            t->total);
    int best = 0;
    for (int i = 0; i < nc; i++) {
        lab(&cand[i], v, sizeof v);
        double ms = 0;
        for (int w = 0; w < nw; w++) {
            snprintf(buf, sizeof buf, "%s (%s)", v, names[w]);
            add_cand(t->o, cs, buf, med[w * nc + i], wl_bytes(t->w, wls[w]));
            ms += med[w * nc + i];
        }
        if (i == 0 || ms < best_ms * (1.0 - TUNE_TIE))
            best = i, best_ms = ms;
    }
    return best;
}

/* stage on two workloads, and on one. */
static int pair_stage(tune_run *t, const dm_kparams *cand, int nc, int wa, const char *sa, int wb, const char *sb,
                      double deadline, const char *progress, const char *cs, cand_label lab)
{
    const int wls[2] = {wa, wb};
    const char *const names[2] = {sa, sb};
    return stage(t, cand, nc, 2, wls, names, deadline, progress, cs, lab);
}
static int one_stage(tune_run *t, const dm_kparams *cand, int nc, int wa, const char *sa, double deadline,
                     const char *progress, const char *cs, cand_label lab)
{
    return stage(t, cand, nc, 1, &wa, &sa, deadline, progress, cs, lab);
}

static void lab_rows(const dm_kparams *p, char *b, size_t n)
{
    snprintf(b, n, "block=%d pf=%d %s", p->rows_block, p->rows_pf, p->rows_pf ? (p->rows_hint ? "t1" : "t0") : "-");
}
static void lab_rs(const dm_kparams *p, char *b, size_t n) { snprintf(b, n, "rs=%d", p->rows_streams); }
static void lab_ds(const dm_kparams *p, char *b, size_t n) { snprintf(b, n, "ds=%d", p->dense_streams); }
static void lab_q(const dm_kparams *p, char *b, size_t n)
{
    snprintf(b, n, "qpf=%d %s", p->q_pf, p->q_pf ? (p->q_hint ? "t1" : "t0") : "-");
}
static void lab_qs(const dm_kparams *p, char *b, size_t n) { snprintf(b, n, "qs=%d", p->q_streams); }
static void lab_q4s(const dm_kparams *p, char *b, size_t n) { snprintf(b, n, "q4s=%d", p->q4_streams); }
static void lab_ppf(const dm_kparams *p, char *b, size_t n) { snprintf(b, n, "ppf=%dK", p->proj_pf / 1024); }
static void lab_pd(const dm_kparams *p, char *b, size_t n) { snprintf(b, n, "pd=%d", p->proj_dist); }
static void lab_parts(const dm_kparams *p, char *b, size_t n) { snprintf(b, n, "parts=%d", p->parts); }

/* Candidates for one int field of dm_kparams (at byte offset off): base with the field at 1, 2, 4, ... max; how
 * many. */
static int pow2_cands(dm_kparams *cand, const dm_kparams *base, size_t off, int max)
{
    int nc = 0;
    for (int v = 1; v <= max; v *= 2, nc++) {
        cand[nc] = *base;
        memcpy((char *)&cand[nc] + off, &v, sizeof v);
    }
    return nc;
}

/* Candidates for one int field of dm_kparams (at byte offset off): base with the field at each of vals[0..n), in
 * that order (plainest first: see TUNE_TIE); how many. */
static int list_cands(dm_kparams *cand, const dm_kparams *base, size_t off, const int *vals, int n)
{
    for (int i = 0; i < n; i++) {
        cand[i] = *base;
        memcpy((char *)&cand[i] + off, &vals[i], sizeof vals[i]);
    }
    return n;
}

static const int rows_pf_c[] = {0, 256, 512, 1024, 2048};
static const int q_pf_c[] = {0, 1024, 4096, 16384};
static const int proj_pf_c[] = {0, 256 << 10, 768 << 10, 2048 << 10};
static const int proj_dist_c[] = {0, 1024, 2048, 4096, 8192, 16384};

int dm_tune_run(const dm_kernels *k, int threads, dm_tune_progress cb, void *ctx, dm_tune_result *o, dm_err *err)
{
    memset(o, 0, sizeof *o);
    if (!k || strcmp(k->name, "ref") == 0)
        return dm_errf(err, "kernel tuning: the %s kernels have no parameters (expected avx2 or avx512)",
                       k ? k->name : "missing");
    if (threads < 1 || threads > DM_PAR_MAX)
        return dm_errf(err, "kernel tuning: %d threads (expected 1..%d)", threads, DM_PAR_MAX);
    double t_start = dm_now();
    tune_ws w;
    if (ws_init(&w, err))
        return -1;
    int blas_nt = openblas_get_num_threads();
    openblas_set_num_threads(threads);
    dm_dense_use(NULL);
    dm_kparams base;
    dm_kparams_default(&base);
    dm_kparams cand[TUNE_MAXC];
    int wl[2];      /* the dense stage's (the others: pair_stage's) */
    double med[2];
    char buf[96];
    const int n_rows_c = 2 * (1 + 2 * 4), n_qs_c = 3; /* qgemv streams: 1, 2, 4 */
    tune_run tr = {k, threads, &w, cb, ctx, 0,
                   TUNE_REPS * (2 * n_rows_c + 2 * 4 + 2 * 7 + 2 * n_qs_c + 6 + 4 + (threads > 1 ? 8 : 0)) +
                       2 * (2 * TUNE_REPS + 1),
                   o};

    /* 1. rows: block x prefetch distance x hint, on gathered and on all rows */
    int nc = 0;
    for (int b = 4; b <= 8; b += 4)
        for (size_t pi = 0; pi < sizeof rows_pf_c / sizeof rows_pf_c[0]; pi++)
            for (int h = 0; h < (rows_pf_c[pi] ? 2 : 1); h++) {
                cand[nc] = base;
                cand[nc].rows_block = b;
                cand[nc].rows_pf = rows_pf_c[pi];
                cand[nc].rows_hint = h;
                nc++;
            }
    base = cand[pair_stage(&tr, cand, nc, WL_ROWS, "gathered half", WL_DENSE_OWN, "all rows",
                           t_start + 0.5 * TUNE_BUDGET, "rows", "rows", lab_rows)];

    /* 1b. rows streams: each block's rows from 1, 2, 4 or 8 ranges (at most the block's rows), on the gathered
     * rows (rows_streams), then on all rows (dense_streams: gemv and near-contiguous row lists) */
    nc = pow2_cands(cand, &base, offsetof(dm_kparams, rows_streams), base.rows_block);
    base = cand[one_stage(&tr, cand, nc, WL_ROWS, "gathered half", t_start + 0.53 * TUNE_BUDGET, "rows streams",
                          "rstreams", lab_rs)];
    nc = pow2_cands(cand, &base, offsetof(dm_kparams, dense_streams), base.rows_block);
    base = cand[one_stage(&tr, cand, nc, WL_DENSE_OWN, "all rows", t_start + 0.56 * TUNE_BUDGET, "dense streams",
                          "dstreams", lab_ds)];
    if (nc < 4) /* block 4: the progress counted 4 candidates a stage */
        tr.done += TUNE_REPS * 2 * (4 - nc);

    /* 2. dense: OpenBLAS against ours */
    cand[0] = base, cand[1] = base;
    wl[0] = WL_DENSE_BLAS, wl[1] = WL_DENSE_OWN;
    measure(k, threads, &w, 2, cand, wl, 2 * TUNE_REPS + 1, t_start + 0.65 * TUNE_BUDGET, med, cb, ctx, "dense",
            &tr.done, tr.total);
    o->blas_ms = med[0];
    o->own_ms = med[1];
    o->dense_bytes = wl_bytes(&w, WL_DENSE_BLAS);
    add_cand(o, "dense", "OpenBLAS sgemv", med[0], o->dense_bytes);
    snprintf(buf, sizeof buf, "own %s gemv", k->name);
    add_cand(o, "dense", buf, med[1], o->dense_bytes);
    base.dense = med[1] < med[0] ? DM_DENSE_OWN : DM_DENSE_BLAS;

    /* 3. qgemv prefetch on INT8 and INT4 */
    nc = 0;
    for (size_t pi = 0; pi < sizeof q_pf_c / sizeof q_pf_c[0]; pi++)
        for (int h = 0; h < (q_pf_c[pi] ? 2 : 1); h++) {
            cand[nc] = base;
            cand[nc].q_pf = q_pf_c[pi];
            cand[nc].q_hint = h;
            nc++;
        }
    base = cand[pair_stage(&tr, cand, nc, WL_Q8, "INT8", WL_Q4, "INT4", t_start + 0.85 * TUNE_BUDGET, "qgemv",
                           "qgemv", lab_q)];

    /* 3b. qgemv streams: one sequential stream of 4-row groups, or 2 or 4 interleaved ones, on INT8
     * (q_streams) and on INT4 (q4_streams) apart: one count for both suited neither on Intel family 6 model 167
     * (INT8 read fastest as one stream, INT4 as two or four) */
    nc = pow2_cands(cand, &base, offsetof(dm_kparams, q_streams), 4);
    base = cand[one_stage(&tr, cand, nc, WL_Q8, "INT8", t_start + 0.875 * TUNE_BUDGET, "qgemv streams", "qstreams",
                          lab_qs)];
    nc = pow2_cands(cand, &base, offsetof(dm_kparams, q4_streams), 4);
    base = cand[one_stage(&tr, cand, nc, WL_Q4, "INT4", t_start + 0.9 * TUNE_BUDGET, "qgemv streams", "q4streams",
                          lab_q4s)];

    /* 3c. how far ahead the integer projection prefetches its codes, on the projections alone (cold, 2 x 417 x
     * 1500 on Intel family 6 model 167: 2 KB 33-35 us, 8 KB 26-27) */
    nc = list_cands(cand, &base, offsetof(dm_kparams, proj_dist), proj_dist_c,
                    (int)(sizeof proj_dist_c / sizeof proj_dist_c[0]));
    base = cand[one_stage(&tr, cand, nc, WL_PROJ, "projection", t_start + 0.92 * TUNE_BUDGET,
                          "projection distance", "projdist", lab_pd)];

    /* 3d. how much of the little weights the projection prefetches, on the whole little module (projection,
     * then INT8 GEMV): a compute-bound projection hides the bytes, one bound by its own reads only slows */
    nc = list_cands(cand, &base, offsetof(dm_kparams, proj_pf), proj_pf_c,
                    (int)(sizeof proj_pf_c / sizeof proj_pf_c[0]));
    base = cand[one_stage(&tr, cand, nc, WL_LITTLE, "projection + INT8", t_start + 0.96 * TUNE_BUDGET,
                          "projection prefetch", "projpf", lab_ppf)];

    /* 4. parts per thread */
    if (threads > 1) {
        nc = pow2_cands(cand, &base, offsetof(dm_kparams, parts), 4);
        cand[nc] = base, cand[nc].parts = 3, nc++;
        base = cand[pair_stage(&tr, cand, nc, WL_ROWS, "gathered half", WL_DENSE_OWN, "all rows",
                               t_start + TUNE_BUDGET, "parts", "parts", lab_parts)];
    }
    o->p = base;
    dm_cpu_id(o->cpu, sizeof o->cpu);
    dm_cpu_model(o->model, sizeof o->model);
    snprintf(o->kernels, sizeof o->kernels, "%s", k->name);
    o->threads = threads;
    o->seconds = dm_now() - t_start;
    time_t now = time(NULL);
    struct tm tm;
    gmtime_r(&now, &tm);
    strftime(o->created, sizeof o->created, "%Y-%m-%dT%H:%M:%SZ", &tm);
    ws_free(&w);
    openblas_set_num_threads(blas_nt);
    return dm_tune_apply(k, o, err);
}

/* ---- cache file -------------------------------------------------------- */

/* The kernels' generation: bumped when a change to the kernels or their
 * data layout can move the best parameters, so that entries measured on an
 * older build are measured again (they stay in the file, unused). 2: the
 * qgemv panel layout; 3: dense_streams apart from rows_streams, the avx512
 * integer projection; 4: q4_streams apart from q_streams, proj_pf measured; 5: proj_dist measured; 6: the big
 * workloads evicted line by line (clflushopt) before each timed call; 7: each prefetch beside its row's load
 * (no runs of prefetches), INT8/INT4 groups reduced and finished four rows at once, the projection's prefetch of
 * the little weights spread over its blocks of codes. */
#define DM_TUNE_GEN 7

static void entry_key(char *out, size_t n, const char *kernels, int threads)
{
    if (DM_TUNE_GEN > 1)
        snprintf(out, n, "%s-t%d-g%d", kernels, threads, DM_TUNE_GEN);
    else
        snprintf(out, n, "%s-t%d", kernels, threads);
}

static int get_int(json_t *e, const char *name, int *v, const char *path, const char *key, dm_err *err)
{
    json_t *j = json_object_get(e, name);
    if (!json_is_integer(j))
        return dm_errf(err, "%s: entry %s: field '%s' missing or not an integer", path, key, name);
    *v = (int)json_integer_value(j);
    return 0;
}

int dm_tune_load(const char *path, const char *kernels, int threads, dm_tune_result *o, dm_err *err)
{
    memset(o, 0, sizeof *o);
    FILE *f = fopen(path, "r");
    if (!f) {
        if (errno == ENOENT)
            return 0;
        return dm_errf(err, "%s: %s", path, strerror(errno));
    }
    json_error_t je;
    json_t *root = json_loadf(f, 0, &je);
    fclose(f);
    if (!root)
        return dm_errf(err, "%s:%d: not valid JSON (%s); delete it or run 'dualmod -c tune' to rewrite it", path,
                       je.line, je.text);
    int rc = -1;
    char key[48];
    entry_key(key, sizeof key, kernels, threads);
    json_t *ents = json_object_get(root, "entries");
    if (!json_is_object(ents)) {
        dm_errf(err, "%s: no \"entries\" object (expected {\"cpu\": ..., \"entries\": {\"%s\": {...}}})", path, key);
        goto out;
    }
    json_t *e = json_object_get(ents, key);
    if (!e) {
        rc = 0;
        goto out;
    }
    if (!json_is_object(e)) {
        dm_errf(err, "%s: entry %s is not an object", path, key);
        goto out;
    }
    dm_kparams p;
    const char *dense = json_string_value(json_object_get(e, "dense"));
    if (get_int(e, "rows_block", &p.rows_block, path, key, err) || get_int(e, "rows_pf", &p.rows_pf, path, key, err) ||
        get_int(e, "rows_hint", &p.rows_hint, path, key, err) || get_int(e, "q_pf", &p.q_pf, path, key, err) ||
        get_int(e, "q_hint", &p.q_hint, path, key, err) || get_int(e, "parts", &p.parts, path, key, err))
        goto out;
    if (!dense || (strcmp(dense, "blas") && strcmp(dense, "own"))) {
        dm_errf(err, "%s: entry %s: field 'dense' missing or not \"blas\" / \"own\"", path, key);
        goto out;
    }
    if (!json_object_get(e, "q_streams") || !json_object_get(e, "q4_streams") || !json_object_get(e, "rows_streams") ||
        !json_object_get(e, "dense_streams") || !json_object_get(e, "proj_pf") || !json_object_get(e, "proj_dist")) {
        rc = 0; /* written before these fields existed: tune again */
        goto out;
    }
    if (get_int(e, "q_streams", &p.q_streams, path, key, err) ||
        get_int(e, "q4_streams", &p.q4_streams, path, key, err) || get_int(e, "proj_pf", &p.proj_pf, path, key, err) ||
        get_int(e, "proj_dist", &p.proj_dist, path, key, err) ||
        get_int(e, "rows_streams", &p.rows_streams, path, key, err) ||
        get_int(e, "dense_streams", &p.dense_streams, path, key, err))
        goto out;
    p.dense = strcmp(dense, "own") == 0 ? DM_DENSE_OWN : DM_DENSE_BLAS;
    if (dm_kparams_check(&p, err)) {
        dm_err_prefix(err, "%s: entry %s", path, key);
        goto out;
    }
    o->p = p;
    snprintf(o->kernels, sizeof o->kernels, "%s", kernels);
    o->threads = threads;
    const char *s;
    if ((s = json_string_value(json_object_get(root, "cpu"))))
        snprintf(o->cpu, sizeof o->cpu, "%s", s);
    if ((s = json_string_value(json_object_get(root, "model"))))
        snprintf(o->model, sizeof o->model, "%s", s);
    if ((s = json_string_value(json_object_get(e, "created"))))
        snprintf(o->created, sizeof o->created, "%s", s);
    json_t *j;
    if (json_is_number(j = json_object_get(e, "blas_ms")))
        o->blas_ms = json_number_value(j);
    if (json_is_number(j = json_object_get(e, "own_ms")))
        o->own_ms = json_number_value(j);
    if (json_is_number(j = json_object_get(e, "seconds")))
        o->seconds = json_number_value(j);
    rc = 1;
out:
    json_decref(root);
    return rc;
}

int dm_tune_save(const char *path, const dm_tune_result *r, dm_err *err)
{
    char dir[4096];
    snprintf(dir, sizeof dir, "%s", path);
    char *sl = strrchr(dir, '/');
    if (sl) {
        *sl = '\0';
        if (*dir && dm_mkdir_p(dir))
            return dm_errf(err, "%s: cannot create the directory: %s", dir, strerror(errno));
    }
    json_t *root = NULL;
    FILE *f = fopen(path, "r");
    if (f) {
        json_error_t je;
        root = json_loadf(f, 0, &je);
        fclose(f);
        if (root && !json_is_object(json_object_get(root, "entries"))) {
            json_decref(root);
            root = NULL;
        }
    }
    if (!root) /* absent or unreadable: start over (a malformed cache is only a cache) */
        root = json_pack("{s:s, s:s, s:{}}", "cpu", r->cpu, "model", r->model, "entries");
    char key[48];
    entry_key(key, sizeof key, r->kernels, r->threads);
    json_t *e =
        json_pack("{s:i, s:i, s:i, s:i, s:i, s:i, s:i, s:s, s:i, s:i, s:i, s:i, s:i, s:f, s:f, s:f, s:f, s:s}", "rows_block",
                  r->p.rows_block, "rows_streams", r->p.rows_streams, "dense_streams", r->p.dense_streams, "rows_pf",
                  r->p.rows_pf, "rows_hint", r->p.rows_hint, "q_pf", r->p.q_pf, "q_hint", r->p.q_hint, "dense",
                  r->p.dense == DM_DENSE_OWN ? "own" : "blas", "parts", r->p.parts, "q_streams", r->p.q_streams,
                  "q4_streams", r->p.q4_streams, "proj_pf", r->p.proj_pf, "proj_dist", r->p.proj_dist, "blas_ms",
                  r->blas_ms, "own_ms", r->own_ms,
                  "dense_bytes", r->dense_bytes, "seconds", r->seconds, "created", r->created);
    json_t *cands = json_array();
    for (int i = 0; i < r->ncand; i++)
        json_array_append_new(cands, json_pack("{s:s, s:s, s:f, s:f}", "stage", r->cand[i].stage, "value",
                                               r->cand[i].value, "ms", r->cand[i].ms, "gbs", r->cand[i].gbs));
    json_object_set_new(e, "candidates", cands);
    json_object_set_new(json_object_get(root, "entries"), key, e);
    char tmp[4200];
    snprintf(tmp, sizeof tmp, "%s.%ld.tmp", path, (long)getpid());
    int rc = json_dump_file(root, tmp, JSON_INDENT(1) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(6));
    json_decref(root);
    if (rc || rename(tmp, path)) {
        int e2 = errno;
        remove(tmp);
        return dm_errf(err, "%s: cannot write the kernel tuning cache: %s", path, strerror(e2));
    }
    return 0;
}

static char prov[256] = "defaults";

int dm_tune_apply(const dm_kernels *k, const dm_tune_result *r, dm_err *err)
{
    if (dm_kparams_set(&r->p, err))
        return -1;
    dm_dense_use(r->p.dense == DM_DENSE_OWN ? k : NULL);
    char ps[160];
    dm_kparams_format(&r->p, ps, sizeof ps);
    snprintf(prov, sizeof prov, "cpu=%s %s t%d %s", r->cpu, r->kernels, r->threads, ps);
    return 0;
}

const char *dm_tune_provenance(void) { return prov; }

int dm_tune_ensure(const dm_kernels *k, int threads, dm_tune_progress cb, void *ctx, dm_tune_result *out,
                   int *tuned, dm_err *err)
{
    dm_tune_result local, *r = out ? out : &local;
    if (tuned)
        *tuned = 0;
    const char *env = getenv("DUALMOD_TUNE");
    int off = env && strcmp(env, "off") == 0;
    if (!k || strcmp(k->name, "ref") == 0 || off) {
        memset(r, 0, sizeof *r);
        dm_kparams_default(&r->p);
        dm_kparams_set(&r->p, NULL);
        dm_dense_use(NULL);
        snprintf(prov, sizeof prov, off ? "defaults (DUALMOD_TUNE=off)" : "defaults");
        return 0;
    }
    if (threads < 1)
        threads = 1;
    if (threads > DM_PAR_MAX)
        threads = DM_PAR_MAX;
    char path[4096];
    if (dm_tune_cache_path(path, sizeof path, err))
        return -1;
    dm_err lerr;
    int got = dm_tune_load(path, k->name, threads, r, &lerr);
    if (got == 1) {
        dm_cpu_id(r->cpu, sizeof r->cpu);
        return dm_tune_apply(k, r, err);
    }
    /* absent or malformed: measure now and (re)write it */
    if (dm_tune_run(k, threads, cb, ctx, r, err))
        return -1;
    if (tuned)
        *tuned = 1;
    if (dm_tune_save(path, r, err))
        return -1;
    return 0;
}
