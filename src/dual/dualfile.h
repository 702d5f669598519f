/* dualfile.h - deployable dual modules: a built engine (dual.h) saved to a
 * safetensors file and loaded back onto the same model's sites, without the
 * fitting data and without refitting.
 *
 * Format "dualmod-dual", version 1 (README.md, "Deployable dual modules"):
 * a safetensors file whose __metadata__ holds
 *   format = dualmod-dual, format_version = 1,
 *   model_hash (the 16-hex FNV-1a hash of the big model's file, as runs
 *   store it), model, family, sites (the site names in order, comma
 *   separated), nsites,
 *   the global knobs ratio, mode, policy, predictor, proj, seed, k (0: from
 *   eps), eps, bits, lambda, and k_resolved (the engine's global k),
 *   per site (site.NAME.): override (which of ratio,bits,k the site
 *   overrides), ratio, bits, k (the values it runs with), cal_steps (the
 *   calibration inputs its scores come from) and per activation ACT
 *   (sigmoid, tanh, relu) cal.ACT.n (how many scores calibration gave);
 *   provenance: source ("run 42", "session"), created, dualmod_version,
 *   cal ("full" or "quantiles"), and data_fnv1a (16 hex: FNV-1a 64 of
 *   every tensor's bytes in file order, so damage is caught),
 * and per site the tensors (prefix site.NAME.)
 *   little.bias F32 [rows]; little.w F32 [rows, kk] (bits 0) or little.q
 *   (I8 for bits <= 8, else I16) [rows, kk] with little.qscale F32 [rows]
 *   (the weights used are q * qscale, per row); little.fit F64 [3] (fit
 *   MSE, target variance, FP32 MSE: the figures runs report);
 *   proj.S.rowptr I32 [kb+1], proj.S.cols I32 [nnz], proj.S.sign I8 [nnz],
 *   proj.S.scale F32 [1] (SRP, stream S) or proj.S.dense F32 [kb, db]
 *   (PCA): the projection of one run of the stream (block sites,
 *   convolutions: every kernel tap shares it, so the full projection is
 *   rebuilt by repeating it as dm_proj_srp_blocks / dm_proj_pca_blocks do;
 *   other sites: kb = k, db = the stream's size);
 *   sigma F32 [lrows] (per-row RMS fit error, the error policy's input);
 *   cal.ACT F32 [m] (sorted calibration scores) with cal.ACT.index I32 [m]
 *   (their ranks among the n scores) unless m = n (every score); theta F32
 *   [3] (the thresholds of the saved ratio, per activation, checked on load).
 *   A site with gate groups of their own ratio (cfg.group_set) also has
 *   groups_own (their names, comma-separated), group.G.ratio per such group,
 *   and for every group G of the site gcal.G.n with gcal.G F32 [n] (all its
 *   sorted calibration scores: the other groups' shared threshold comes from
 *   their merged scores, which kept ranks cannot reproduce) and gtheta F32
 *   [ngroups] (each group's threshold, checked on load).
 *
 * Calibration scores: by default (full = 0) a file keeps the scores at the
 * ranks dm_engine_set_ratio picks for every ratio j / DM_DUAL_FILE_QUANTILES
 * and for each site's saved ratio, so thresholds at those ratios are the
 * built engine's exactly (a few hundred kB instead of tens of MB for
 * kjv-lstm); a ratio in between takes the next kept score above its rank
 * (within 1 / DM_DUAL_FILE_QUANTILES of the requested ratio). full = 1
 * keeps every score (exact at any ratio).
 *
 * Invariant: dm_engine_load either fails with one line naming the file and
 * the field (what was wrong, what was expected), leaving e zeroed, or
 * returns an engine whose little outputs, thresholds and selections are
 * bit-identical to the saved engine's (after dm_engine_use_kernels, like a
 * built one). A file made for another model (hash) or whose sites differ
 * from the model's is refused. */
#ifndef DM_DUALFILE_H
#define DM_DUALFILE_H

#include <stdint.h>

#include "dual.h"

#define DM_DUAL_FILE_FORMAT "dualmod-dual"
#define DM_DUAL_FILE_VERSION 1
#define DM_DUAL_FILE_QUANTILES 10000

typedef struct dm_dual_file_info {
    uint64_t model_hash; /* the big model's file hash */
    char model[128];     /* its name */
    char family[16];     /* its family's name */
    char source[128];    /* provenance: "run 42", "session" */
    char created[32];    /* ISO 8601 UTC (load: as saved; save: now when empty) */
    char version[32];    /* dualmod version that wrote it */
    int full_cal;        /* every calibration score (1) or the quantile ranks (0) */
} dm_dual_file_info;

/* Write e (built by dm_engine_build, or loaded) to path (written whole or
 * not at all). info names the model and provenance. */
int dm_engine_save(const dm_engine *e, const char *path, const dm_dual_file_info *info, dm_err *err);

/* Load path onto the model's sites (their big weights stay the model's);
 * model_hash must be the hash the file was made for. info (may be NULL)
 * receives the file's metadata. The engine runs on the reference path until
 * dm_engine_use_kernels; its ratio, mode and predictor are the saved ones
 * (dm_engine_set_ratios and cfg.mode / cfg.predictor change them). */
int dm_engine_load(dm_engine *e, const dm_site *sites, int nsites, const char *path, uint64_t model_hash,
                   dm_dual_file_info *info, dm_err *err);

#endif
