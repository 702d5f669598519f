/* safetensors.h - read (mmap, validated) and write safetensors files.
 *
 * Format: 8-byte little-endian header length N, N bytes of JSON header, then
 * the data section. The header maps tensor names to
 * {"dtype", "shape", "data_offsets": [begin, end]} (offsets relative to the
 * data section) plus an optional "__metadata__" map of string -> string.
 *
 * Invariant: dm_st_open either fails with a specific message (file, tensor,
 * what was wrong, what was expected) or returns a file in which every
 * tensor's byte range is inside the data section, matches shape x dtype
 * size exactly, and overlaps no other tensor. Callers may then read
 * t->data[0 .. t->nbytes) without further checks. */
#ifndef DM_SAFETENSORS_H
#define DM_SAFETENSORS_H

#include <stddef.h>
#include <stdint.h>

#include "util.h"

typedef enum dm_dtype {
    DM_DT_F32,
    DM_DT_F16,
    DM_DT_BF16,
    DM_DT_F64,
    DM_DT_I8,
    DM_DT_U8,
    DM_DT_I16,
    DM_DT_I32,
    DM_DT_I64,
    DM_DT_BOOL,
    DM_DT_COUNT
} dm_dtype;

#define DM_ST_MAX_DIMS 8

typedef struct dm_st_tensor {
    char *name;
    dm_dtype dtype;
    int ndim;
    int64_t shape[DM_ST_MAX_DIMS];
    int64_t numel;
    size_t nbytes;
    const void *data; /* points into the mapping; not aligned in general */
} dm_st_tensor;

typedef struct dm_st_file {
    char *path;
    void *map;
    size_t map_size;
    size_t data_start; /* 8 + header length */
    int ntensors;
    dm_st_tensor *tensors; /* in header order */
    int nmeta;
    char **meta_keys;
    char **meta_vals;
} dm_st_file;

/* Name ("F32", "F16", ...) and element size in bytes of a dtype. */
const char *dm_dtype_name(dm_dtype dt);
size_t dm_dtype_size(dm_dtype dt);
/* Parse a dtype name; returns -1 if unknown. */
int dm_dtype_parse(const char *name, dm_dtype *out);

/* Open and validate; 0 on success, -1 with err filled. f is zeroed first. */
int dm_st_open(dm_st_file *f, const char *path, dm_err *err);
void dm_st_close(dm_st_file *f);

/* NULL when absent. */
const dm_st_tensor *dm_st_find(const dm_st_file *f, const char *name);
const char *dm_st_meta(const dm_st_file *f, const char *key);

/* Convert a floating tensor (F32, F16, BF16, F64) or I8 (as its integer
 * values) to float, numel elements into out. -1 for other dtypes. */
int dm_st_to_f32(const dm_st_tensor *t, float *out, dm_err *err);

/* Writer. Tensors are written in the given order, data 8-byte aligned
 * (header padded with spaces). meta is an array of nmeta key/value pairs:
 * meta[2*i] is a key, meta[2*i+1] its value (may be NULL when nmeta == 0).
 * Writes PATH.tmp then renames, so a failure never leaves a half file. */
typedef struct dm_st_wtensor {
    const char *name;
    dm_dtype dtype;
    int ndim;
    int64_t shape[DM_ST_MAX_DIMS];
    const void *data; /* numel * dtype size bytes */
} dm_st_wtensor;

int dm_st_write(const char *path, const dm_st_wtensor *tensors, int ntensors,
                const char *const *meta, int nmeta, dm_err *err);

#endif
