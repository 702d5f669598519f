/* models.h - find models and data splits by name.
 *
 * A model spec is a path to a .safetensors file, a directory holding
 * model.safetensors, or a name such as "kjv-lstm" looked up in
 *   1. each directory of $DUALMOD_MODELS (colon-separated),
 *   2. the source tree's models/ (when run from a build),
 *   3. the installed data directory ($(pkgdatadir)/models).
 * Data splits (dataset "kjv", split "valid") are looked up the same way
 * under $DUALMOD_DATA, the source tree's data/ and $(pkgdatadir)/data. */
#ifndef DM_MODELS_H
#define DM_MODELS_H

#include "util.h"

#define DM_PATH_MAX 4096

typedef struct dm_model_ref {
    char name[256];          /* display name: the spec's last component */
    char dir[DM_PATH_MAX];   /* directory of the model file */
    char file[DM_PATH_MAX];  /* the .safetensors file */
    char vocab[DM_PATH_MAX]; /* vocabulary (dir/vocab.txt unless overridden) */
} dm_model_ref;

int dm_model_resolve(const char *spec, const char *vocab_override, dm_model_ref *out, dm_err *err);
int dm_data_resolve(const char *dataset, const char *split, char *out, size_t outsz, dm_err *err);

/* Lines of a model card's table: "| key | value |". Returns the value of
 * the first row whose key matches (case-insensitive), copied into out;
 * -1 when there is no card or no such row. */
int dm_card_value(const char *dir, const char *key, char *out, size_t outsz);

#endif
