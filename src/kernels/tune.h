/* tune.h - measured kernel parameters per CPU (FFTW / ATLAS style).
 *
 * dm_tune_run times candidate dm_kparams on this machine, on the shapes of
 * the target layer (an LSTM-1500 step: a 6000 x 3000 FP32 matrix,
 * half its rows gathered, and 6000 x 834 INT8 / INT4 little weights), every
 * timed call after a cache flush, the candidates interleaved round-robin so
 * the load of a shared machine hits them alike; the winner of each stage has
 * the lowest first quartile of its times (load only adds time). A bounded
 * coordinate search (about 40 candidates, a few seconds on an idle machine;
 * a 40 s budget cuts the repetitions on a busy one):
 *   1. rows_block x rows_pf x rows_hint on the gathered rows and on all rows
 *      (the sum of the two medians);
 *   2. dense: OpenBLAS sgemv against our gemv with those parameters; the
 *      faster one is the dense baseline (dm_dense_use);
 *   3. q_pf x q_hint on INT8 + INT4 qgemv;
 *   4. with 2 or more threads: parts per thread.
 * Results are cached in $XDG_CACHE_HOME/dualmod/kernels-<cpu id>.json
 * (~/.cache when XDG_CACHE_HOME is unset), one entry per kernels variant and
 * thread count; dm_tune_ensure loads the entry or measures and stores it. */
#ifndef DM_TUNE_H
#define DM_TUNE_H

#include <stddef.h>

#include "kernels.h"
#include "util.h"

#define DM_TUNE_MAXCAND 96 /* every stage's candidates: at most 36 + 8 + 2 + 14 + 6 + 6 + 4 + 8 */

typedef struct dm_tune_cand {
    char stage[12];  /* rows, rstreams, dense, qgemv, qstreams, parts */
    char value[64];  /* the candidate, e.g. "block=4 pf=512 t0" or "OpenBLAS sgemv" */
    double ms;       /* first quartile of the timed calls (the stage's workload) */
    double gbs;      /* bytes read / ms */
} dm_tune_cand;

typedef struct dm_tune_result {
    dm_kparams p;
    char cpu[64];      /* dm_cpu_id */
    char model[96];    /* the model name of /proc/cpuinfo */
    char kernels[16];  /* variant tuned */
    int threads;
    double blas_ms, own_ms; /* dense step of the probe matrix: first quartiles */
    double dense_bytes;     /* its bytes */
    double seconds;         /* tuning time */
    char created[32];       /* ISO 8601 UTC */
    int ncand;
    dm_tune_cand cand[DM_TUNE_MAXCAND];
} dm_tune_result;

/* "AuthenticAMD-26-2-1": vendor, family, model, stepping (cpuid). */
void dm_cpu_id(char *out, size_t n);
/* The cache file of this CPU. */
int dm_tune_cache_path(char *out, size_t n, dm_err *err);

typedef void (*dm_tune_progress)(void *ctx, const char *stage, int done, int total);

/* Measure (k: avx2 or avx512; ref has nothing to tune: an error). Leaves the
 * process-wide parameters at the winners (and the dense choice). */
int dm_tune_run(const dm_kernels *k, int threads, dm_tune_progress cb, void *ctx, dm_tune_result *out,
                dm_err *err);
/* 1: found (out filled), 0: no entry for kernels / threads, -1: unreadable
 * or malformed file (err names the file and the field). */
int dm_tune_load(const char *path, const char *kernels, int threads, dm_tune_result *out, dm_err *err);
/* Add or replace the entry of r in the file (written whole, atomically). */
int dm_tune_save(const char *path, const dm_tune_result *r, dm_err *err);
/* Make r's parameters and dense choice current (k: r's kernels). */
int dm_tune_apply(const dm_kernels *k, const dm_tune_result *r, dm_err *err);
/* The kernels' parameters for this CPU: ref (or the environment variable
 * DUALMOD_TUNE=off, as the test suite sets) -> the compiled-in defaults and
 * OpenBLAS; else the cached entry, or (none) measured now, cached, applied. *tuned
 * (may be NULL) is set to 1 when it measured. out may be NULL. */
int dm_tune_ensure(const dm_kernels *k, int threads, dm_tune_progress cb, void *ctx, dm_tune_result *out,
                   int *tuned, dm_err *err);
/* What the kernels run with now, for run records: "cpu=<id> avx512 t1
 * block=4 pf=512 ... dense=own" ("defaults" when nothing was tuned). */
const char *dm_tune_provenance(void);

#endif
