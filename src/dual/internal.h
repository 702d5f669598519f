/* internal.h - what the engine's files (select.c, fit.c, step.c) and the
 * site kinds (sites.c) share; not for use outside src/dual. */
#ifndef DM_DUAL_INTERNAL_H
#define DM_DUAL_INTERNAL_H

#include "dual.h"

/* ---- ratio control (select.c) ---- */

enum { DM_RULE_THRESHOLD, DM_RULE_TOPK, DM_RULE_ALL_SENS, DM_RULE_ALL_INS };
typedef struct dm_rule {
    int kind;
    float th;
    int ties; /* top-k: rows equal to th still to take */
} dm_rule;

/* A list of row segments ranked as one list in row order. */
typedef struct dm_segs {
    int n;
    const float *p[DM_SITE_MAX_GROUPS];
    int len[DM_SITE_MAX_GROUPS];
} dm_segs;

/* The rule of activation a of site si over the scores in sg. win: look for
 * the top-k threshold first around the last step's (the step's own
 * selections; 0 for audit oracles, which must not move the window). */
dm_rule dm_group_rule(const dm_engine *e, dm_engine_state *s, int si, dm_act a, const dm_segs *sg, int win);
/* The rule of group g of site si alone, at its own ratio (es->gown[g]: cfg.group_set); no window. */
dm_rule dm_own_rule(const dm_engine *e, dm_engine_state *s, int si, int g, const dm_segs *sg);
/* The rule of late group g of site si (its own ratio's, else its activation's at the site's ratio). */
dm_rule dm_late_rule(const dm_engine *e, dm_engine_state *s, int si, int g, const dm_segs *sg, int win);
/* The kth largest (0-based) of keys[0..n) (reordered), *ngt how many are
 * strictly greater, *neq how many equal it: the select under the top-k rule
 * (a quickselect up to 512 keys, a radix select above). For tests. */
uint32_t dm_kth_key(uint32_t *keys, int n, int kth, int *ngt, int *neq);
/* The top-k window's pass over p[0..n) in variant 0 (reference), 1 (AVX2) or 2 (AVX-512): *cgt += the scores
 * above hi, *cge += those at or above lo, the keys of those in [lo, hi] appended to tmp[m..] in row order (tmp:
 * room for 16 more); the new m, or -1 when this CPU lacks the variant. For tests. */
int dm_win_pass(int variant, const float *p, int n, float lo, float hi, int *cgt, int *cge, uint32_t *tmp, int m);
/* The statistics of `steps` steps of site si that made nins[g] rows of each
 * group insensitive in all (cols: the big rows' width read per sensitive
 * row; off: the little module did not run). */
void dm_count_steps(const dm_engine *e, int si, long steps, const long *nins, int cols, int off, dm_dual_stats *stats);
/* sens[j] = !insensitive for n rows; returns the number made insensitive. */
int dm_rule_mark(dm_rule *r, const float *sc, int n, unsigned char *sens);
/* The step's one pass over rows [off, off + n): mark, append the sensitive
 * rows to idx (returns the new count), take the little value y into g for
 * every row (the exact rows are overwritten afterwards); *nins += rows made
 * insensitive. */
int dm_rule_pass(const dm_kernels *kern, dm_rule *r, const float *sc, const float *y, float *g, int off, int n,
                 unsigned char *sens, int *idx, int ns, int *nins);

/* ---- exact rows (step.c) ---- */

/* y[i] = W[rows[i], 0:cols] . v: the chosen kernels, or one BLAS dot per row
 * (recorded in s->rec when set). */
void dm_exact_rows(const dm_engine *e, dm_engine_state *s, const float *W, int ld, int cols, const int *rows, int n,
                   const float *v, float *y);

#endif
