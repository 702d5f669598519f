/* bench.h - dense-path speed measurement of a language model.
 *
 * Timings are medians over many repetitions after a warm-up, measured in
 * this process; the memory-bandwidth floor is the bytes of weights a step
 * reads divided by the read bandwidth measured here in the same run. */
#ifndef DM_BENCH_H
#define DM_BENCH_H

#include <stddef.h>

#include "lm_dual.h"
#include "kernels.h"
#include "lm.h"
#include "util.h"

/* What a cold step finds in the caches. A read of twice the last-level cache
 * (at most 128 MB) evicts the step's state and scratch, but not reliably its
 * weights: a large L3 with adaptive replacement keeps lines that every step
 * reuses. On Intel family 6 model 167 (480 MB of L3 reported) the dense step
 * read its 72 MB at up to 22 GB/s after that flush, where the memory gives
 * 17-19, and its time depended on which ratio's dual steps ran between its
 * own (3.26 ms beside ratio 0, 4.14 ms beside ratio 0.9). So the weights a
 * step reads (its ranges, and the little modules of an engine) are also
 * evicted line by line (dm_evict, clflushopt: 3 ms for 72 MB there), dense
 * and dual alike. */
typedef struct dm_cold_range {
    const void *p;
    size_t bytes;
} dm_cold_range;
typedef struct dm_cold {
    float *buf; /* the read flush; NULL: warm (nothing is evicted) */
    size_t n;
    dm_cold_range *r;
    int nr, cap;
    const dm_engine *e; /* its sites' packed little weights and projections, or NULL */
} dm_cold;
/* cold: the read flush allocated (0: a warm set, every call a no-op); -1 when out of memory. */
int dm_cold_init(dm_cold *c, int cold);
void dm_cold_free(dm_cold *c);
/* A range of weights to evict before every cold step (a no-op on a warm set); -1 when out of memory. */
int dm_cold_add(dm_cold *c, const void *p, size_t bytes);
/* A cold step's preparation: the read flush, the ranges and c->e's little modules evicted, then the kernel
 * threads woken (the flush takes milliseconds, long enough for them to fall asleep; in a stream of steps they
 * are awake). Warm: nothing. */
void dm_cold_flush(const dm_cold *c);

typedef struct dm_dense_bench {
    int steps;              /* timed streaming steps */
    int cold;               /* before every step: caches flushed by a read, the weights evicted line by line */
    double step_ms[3];      /* full step (RNN + decoder): p10, median, p90 */
    double rnn_ms[3];       /* recurrent layers only: p10, median, p90 */
    double seq_tok_s;       /* whole-sequence path throughput */
    size_t step_bytes;      /* weight bytes a full step reads */
    size_t rnn_bytes;       /* weight bytes of the recurrent layers */
    double bw_gbs;          /* measured read bandwidth, GB/s (1e9) */
    double floor_ms;        /* step_bytes / bandwidth */
    double rnn_floor_ms;
    double rnn_read_ms;     /* median of plain-load reads of the recurrent weights, interleaved with the steps
                             * (cold as they are): the floor as this run's own medians measure it */
    double step_read_ms;    /* the same for a full step's weights (the recurrent layers' and the output layer's):
                             * robust where floor_ms, from a best-of probe run apart, is not */
    size_t llc_bytes;       /* last-level cache size (0 if unknown) */
} dm_dense_bench;

/* Read bandwidth over a buffer of the given size (larger than the caches
 * for a DRAM figure), best of reps passes, GB/s. */
double dm_read_bandwidth(size_t bytes, int reps);
/* The same read split over `threads` threads of the kernels' pool (the
 * bandwidth the threaded kernels can reach; threads < 2: the above). */
double dm_read_bandwidth_threads(size_t bytes, int reps, int threads);
/* Do `bytes` of weights stream from memory on this machine? Measured: the
 * read bandwidth over a buffer of that size (*bw, GB/s) against one of 256 MB
 * (*dram: beyond any cache); returns bw / dram (0 if unmeasured). About 1:
 * from memory; well above: from cache (the machine's reported cache size is
 * not trusted: a VM may report a socket's 508 MB to a core that sees 32). */
double dm_cache_probe(size_t bytes, double *bw, double *dram);
/* Token ids dm_bench_dual steps through (the first 4096, wrapping; NULL or
 * n = 0: pseudo-random tokens). The caller keeps ids alive while timing. */
void dm_bench_use_tokens(const int *ids, long n);
/* Should dm_bench_dual also replay every pair's reads (the read-pattern
 * limit, dm_dual_bench.read_limit)? Off by default: the replays take about
 * as long as the steps, which the live speed figures of run and the TUI do
 * not need; the bench commands turn it on. */
void dm_bench_read_replay(int on);
/* Bytes a cold step's cache flush reads (twice the last-level cache, at most 128 MB); PyTorch's cold steps in
 * `bench` get the same. */
size_t dm_bench_flush_bytes(void);
#define DM_MEM_BOUND_RATIO 1.4 /* dm_cache_probe below this: memory-bound */
/* Sort v (n >= 1) and give its minimum, median and maximum; the median alone. */
void dm_minmedmax(double *v, int n, double out[3]);
double dm_median(double *v, int n);
size_t dm_llc_bytes(void);

int dm_bench_dense(const dm_lm *m, int steps, int cold, dm_dense_bench *out, dm_err *err);


/* ---- dual-module benchmark ---- */

/* dm_dual_bench: see family.h */

/* The dense baseline, checked on this model now: dm_lm_step_rnn with
 * OpenBLAS sgemv and with k's gemv (k: avx2 / avx512), interleaved, cold
 * when asked, reps pairs; the faster median becomes current (dm_dense_use)
 * so dual is never compared against a slower dense step than we have.
 * Medians in *blas_ms / *own_ms. -1 on out of memory. */
int dm_bench_pick_dense(const dm_lm *m, const dm_kernels *k, int reps, int cold, double *blas_ms, double *own_ms,
                        dm_err *err);

/* A bench whose pair-speedup spread exceeds this is flagged as too noisy. */
#define DM_BENCH_NOISY 0.15

/* Dense and dual steps on the same token stream, interleaved A B A B in this
 * process after a warm-up; per-pair speedups. cold: flush the caches before
 * every timed step. */
int dm_bench_dual(const dm_dual *d, int steps, int cold, dm_dual_bench *o, dm_err *err);

#endif
