/* models.h - find models and data splits by name.
 *
 * A model spec is a path to a .safetensors file, a directory holding
 * model.safetensors, or a name such as "kjv-lstm" looked up in
 *   1. each directory of $DUALMOD_MODELS (colon-separated),
 *   2. the uninstalled program (run from its build tree): the source and
 *      build trees' models/; the installed program: $(pkgdatadir)/models
 *      of its own installation, never the tree it was built in.
 * Data splits (dataset "kjv", split "valid") are looked up the same way
 * under $DUALMOD_DATA, then data/ of the trees or of $(pkgdatadir).
 *
 * Which one the program is: the directory of /proc/self/exe is the build
 * directory (or its tests/ or fuzz/) -> uninstalled; anything else is an
 * installation. Its $(pkgdatadir) is found relative to the binary when the
 * installation was moved or staged (make install DESTDIR=...): a binary in
 * ROOT/bin finds ROOT/share/dualmod (the configured bindir and pkgdatadir
 * below their common directories), else the configured $(pkgdatadir). */
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

/* 1 when this program runs from its build tree (see above). */
int dm_in_build_tree(void);
/* The installed data directory of this installation (see above). */
const char *dm_pkgdatadir(void);
/* The directories a name is looked up in: those of $envvar (colon-separated; NULL: none), then the
 * trees' or the installation's SUB (models, data, tools); returns the count (max >= 4). */
int dm_search_dirs(const char *envvar, const char *sub, char dirs[][DM_PATH_MAX], int max);

/* Lines of a model card's table: "| key | value |". Returns the value of
 * the first row whose key matches (case-insensitive), copied into out;
 * -1 when there is no card or no such row. */
int dm_card_value(const char *dir, const char *key, char *out, size_t outsz);

#endif
