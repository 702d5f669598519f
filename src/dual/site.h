/* site.h - a dual-module *site*: one layer the engine pairs with a little module.
 *
 * The engine (dual.h) never sees a network: a network family describes each
 * layer it wants dual-moduled as a site and the engine works on those.
 *
 * A site has
 *   - input streams s_0 .. s_(ns-1) (an LSTM/GRU cell: x and h; a linear or
 *     convolution layer: one), laid out one after another in u (in floats);
 *   - big weights W (orows x in, row stride ld) and the bias added to W u;
 *   - the little module's rows (lrows): the pre-activations it predicts, in
 *     the site kind's little layout (LSTM i,f,g,o = 4H; GRU r,z,n_x,n_h = 4H:
 *     the n gate's two parts apart, see below; linear: orows);
 *   - output groups: name, activation and rows [off, off + n) of the gate
 *     vector g (orows). Groups of one activation are ranked jointly (top-k)
 *     and share one calibrated threshold per site. A *late* group's
 *     pre-activation depends on other groups' final values (GRU n =
 *     n_x + r * n_h with the final r): it is selected after the others.
 *
 * What differs between kinds lives in the ops table (sites.c): the late
 * groups' pre-activations, the exact little-layout pre-activations (audit),
 * the late stage of a step and the epilogue (the cell's state update, or the
 * activation of a linear layer). Everything else (projection, fitting,
 * quantization, calibration, top-k, the region test, the row-subset exact
 * computation, audit, statistics) is the engine's, the same for every kind. */
#ifndef DM_SITE_H
#define DM_SITE_H

#include "kernels.h"
#include "little.h"
#include "pgemm.h"

typedef enum dm_act { DM_ACT_SIGMOID = 0, DM_ACT_TANH, DM_ACT_RELU, DM_ACT_COUNT } dm_act;
const char *dm_act_name(dm_act a);

#define DM_SITE_MAX_GROUPS 8

typedef struct dm_site_group {
    char name[8]; /* "i", "f", "g", "o"; "r", "z", "n"; "relu", "out" */
    dm_act act;
    int off, n;   /* rows of g (and of the little outputs) */
    int late;     /* selected after the other groups (see above) */
} dm_site_group;

struct dm_site_ops;

typedef struct dm_site {
    const struct dm_site_ops *ops;
    char name[32];               /* "l0", "layer1.0.conv1", "dec.l1" */
    int ns;                      /* input streams */
    int dim[DM_MAX_STREAMS];     /* their sizes */
    int in;                      /* sum of dims: the length of u */
    int lrows;                   /* little-module rows */
    int orows;                   /* rows of W and of g */
    int ngroups;
    dm_site_group group[DM_SITE_MAX_GROUPS];
    const float *w;              /* orows x in, row stride ld */
    int ld;
    const float *bias;           /* orows: added to W u */
    const float *b_in, *b_rec;   /* cells: input and recurrent biases (GRU n gate) */
    int hid;                     /* cells: state size H */
    int blocks;                  /* convolutions: the input is blocks runs (kernel taps) of the
                                  * input channels; the little module projects every run with the
                                  * same SRP (k per run, little.h dm_proj_srp_blocks), so the family
                                  * may project each pixel once and pass the gathered projection
                                  * (io->v); 0 or 1: one projection of the whole input */
    int residual;                /* each step adds a vector to every row's pre-activation
                                  * (io->add: a residual shortcut, exact, before the
                                  * activation); calibration inputs carry it too */
} dm_site;

/* What one step of a site reads and writes. */
typedef struct dm_site_io {
    const float *u;   /* the streams (site.in floats) */
    const float *gin; /* NULL, or for every row the first stream's part
                       * W[:, 0:dim_0] s_0 plus the input biases (cells: LSTM
                       * b_ih + b_hh, GRU r,z both biases, n b_in only),
                       * computed by the caller for many steps at once */
    float *g;         /* orows: the pre-activations used (out) */
    float *aux;       /* GRU: n_h = W_hn h + b_hn used (hid) */
    float *h, *c;     /* cells: the state the epilogue updates (h may be the h stream of u);
                       * linear: the activated output */
    const float *v;   /* NULL, or the little module's projected input (little.kk values)
                       * computed by the caller (block sites: per pixel, shared) */
    const float *add; /* residual sites: orows values added to every pre-activation
                       * (the little value and the exact row alike) before the region
                       * test and the activation; NULL otherwise */
} dm_site_io;

struct dm_engine;
struct dm_site_packed;
struct dm_engine_state;
struct dm_dual_stats;

typedef struct dm_site_ops {
    const char *kind; /* "lstm", "gru", "linear" */
    /* Late group gi, row j: its pre-activation from little-layout values
     * src, with the other groups' values from rsrc (the step: the final g;
     * calibration and audit: src itself), and its RMS little error from the
     * per-row errors sigma. NULL when the kind has no late group. */
    void (*late_pre)(const dm_site *s, int gi, int j, const float *rsrc, const float *src, const float *sigma,
                     float *pre, float *sig);
    /* The late group's final pre-activation from the step's g and aux. */
    float (*late_final)(const dm_site *s, int gi, int j, const float *g, const float *aux);
    /* The late stage of a step: select the late groups' rows from the little
     * outputs y and the final g of the others, compute the sensitive ones
     * exactly (or take them from ex, the exact little-layout pre-activations,
     * when not NULL); nins[gi] += rows taken from the little module. */
    void (*late_step)(const struct dm_engine *e, struct dm_engine_state *st, int si, dm_site_io *io, const float *y,
                      const float *ex, int *nins);
    /* Exact little-layout pre-activations of T inputs (rows of u with stride
     * ld); pk: the site's weights packed by dm_site_pack, or NULL (OpenBLAS). */
    void (*exact_pre)(const dm_site *s, const struct dm_site_packed *pk, const float *u, int ld, int T, float *pre);
    /* After g (and aux) are final: the state update or activation;
     * k NULL: the reference C. */
    void (*epilogue)(const dm_site *s, const dm_kernels *k, dm_site_io *io);
} dm_site_ops;

/* A site's weight matrices packed once for exact_pre over many calls of a
 * few rows (the quality path; kernels/pgemm.h): up to three parts (GRU: the
 * r,z rows, n's input part, n's recurrent part). */
typedef struct dm_site_packed {
    dm_pgemm part[3];
    int n;
} dm_site_packed;
int dm_site_pack(const dm_site *s, dm_site_packed *p, dm_err *err);
void dm_site_packed_free(dm_site_packed *p);

extern const dm_site_ops dm_site_lstm_ops, dm_site_gru_ops, dm_site_linear_ops, dm_site_conv_ops;

/* Describe a cell (LSTM or GRU) whose gate rows are W = [W_ih | W_hh] (rows
 * 4H or 3H, row stride ld >= in + H), with b_sum = b_ih + b_hh. */
void dm_site_lstm(dm_site *s, const char *name, int in, int H, const float *w, int ld, const float *b_sum);
void dm_site_gru(dm_site *s, const char *name, int in, int H, const float *w, int ld, const float *b_sum,
                 const float *b_ih, const float *b_hh);
/* A linear layer y = act(W x + b) (rows x in), one group named gname. */
void dm_site_linear(dm_site *s, const char *name, int in, int rows, const float *w, int ld, const float *b,
                    dm_act act, const char *gname);

/* The group holding row r of g, or -1. */
int dm_site_group_of(const dm_site *s, int r);
/* The smallest stream of the site, per run for block sites (k may not exceed it). */
int dm_site_min_dim(const dm_site *s);

#endif
