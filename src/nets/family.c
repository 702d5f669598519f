/* family.c - the registry of network families (see family.h). */
#include "family.h"

#include <stdio.h>
#include <string.h>

#define MAX_FAMILIES 16

static const dm_family *registry[MAX_FAMILIES] = {&dm_family_rnnlm, &dm_family_resnet, &dm_family_seq2seq};
static int nregistered = 3;

const dm_family *dm_family_find(const char *name)
{
    for (int i = 0; i < nregistered; i++)
        if (strcmp(registry[i]->name, name) == 0)
            return registry[i];
    return NULL;
}

int dm_family_register(const dm_family *f)
{
    if (dm_family_find(f->name))
        return 0;
    if (nregistered >= MAX_FAMILIES)
        return -1;
    registry[nregistered++] = f;
    return 0;
}

const dm_family *dm_family_probe(const char *path, dm_err *err)
{
    for (int i = 0; i < nregistered; i++)
        if (registry[i]->probe(path))
            return registry[i];
    char names[256] = "";
    for (int i = 0; i < nregistered; i++) {
        size_t l = strlen(names);
        snprintf(names + l, sizeof names - l, "%s%s", i ? ", " : "", registry[i]->name);
    }
    dm_errf(err, "%s: not a model of a known family (%s)", path, names);
    return NULL;
}

int dm_net_load(const char *path, const char *vocab, dm_net **out, dm_err *err)
{
    *out = NULL;
    const dm_family *f = dm_family_probe(path, err);
    if (!f) {
        /* let the language model's loader say what is wrong with the file */
        return dm_family_rnnlm.load(path, vocab, out, err);
    }
    if (f->load(path, vocab, out, err))
        return -1;
    (*out)->fam = f;
    return 0;
}

void dm_net_free(dm_net *n)
{
    if (n)
        n->fam->free(n);
}
