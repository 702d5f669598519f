/* fuzz_safetensors.c - libFuzzer target: the safetensors reader and the
 * model loader on arbitrary bytes. Every tensor of a file that opens is
 * converted to float; a file that opens is also loaded as a language model
 * and as a ResNet classifier, and as a dual file (dualfile.h) onto a tiny
 * random LSTM (seed lstm1.dual.safetensors was saved for it), once as it is
 * and once rewritten with its checksum made right, so the mutations reach
 * the field checks behind the checksum.
 * Nothing may crash, leak, or read outside the mapping. */
#include "fuzz_util.h"
#include "dualfile.h"
#include "family.h"
#include "lm.h"
#include "lm_dual.h"
#include "safetensors.h"

#define SEED_HASH 0x0123456789abcdefULL

/* the model the seed dual file was made for (tools: see the seed's metadata) */
static dm_lm fz_lm;
static dm_site fz_sites[1];
static int fz_ready;

static void dual_load(const char *p)
{
    dm_err err;
    if (!fz_ready) {
        if (dm_lm_init_random(&fz_lm, DM_CELL_LSTM, 20, 8, 8, 1, 1, 0.35f, 3, &err))
            abort();
        dm_lm_sites(&fz_lm, fz_sites);
        fz_ready = 1;
    }
    dm_engine e;
    if (dm_engine_load(&e, fz_sites, 1, p, SEED_HASH, NULL, &err) == 0)
        dm_engine_free(&e);
}

/* f rewritten to q with data_fnv1a recomputed (other metadata kept). */
static int fix_checksum(const dm_st_file *f, const char *q)
{
    int nt = f->ntensors, nm = f->nmeta, ok = 0;
    dm_st_wtensor *w = calloc((size_t)nt + 1, sizeof *w);
    const char **meta = calloc(2 * (size_t)nm + 2, sizeof *meta);
    char sum[32];
    uint64_t h = DM_FNV_INIT;
    if (!w || !meta)
        goto out;
    for (int i = 0; i < nt; i++) {
        const dm_st_tensor *t = &f->tensors[i];
        if (t->ndim > DM_ST_MAX_DIMS)
            goto out;
        w[i] = (dm_st_wtensor){.name = t->name, .dtype = t->dtype, .ndim = t->ndim, .data = t->data ? t->data : ""};
        for (int d = 0; d < t->ndim; d++)
            w[i].shape[d] = t->shape[d];
        h = dm_fnv1a(h, t->data, t->nbytes);
    }
    snprintf(sum, sizeof sum, "%016llx", (unsigned long long)h);
    for (int i = 0; i < nm; i++) {
        meta[2 * i] = f->meta_keys[i];
        meta[2 * i + 1] = strcmp(f->meta_keys[i], "data_fnv1a") ? f->meta_vals[i] : sum;
    }
    dm_err err;
    ok = dm_st_write(q, w, nt, meta, nm, &err) == 0;
out:
    free(w);
    free(meta);
    return ok;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > (1 << 20))
        return 0;
    const char *p = fuzz_file("st", data, size);
    dm_st_file f;
    dm_err err;
    if (dm_st_open(&f, p, &err) == 0) {
        for (int i = 0; i < f.ntensors; i++) {
            const dm_st_tensor *t = &f.tensors[i];
            if (t->numel > (1 << 20))
                continue;
            float *out = malloc(((size_t)t->numel + 1) * sizeof *out);
            if (out)
                (void)dm_st_to_f32(t, out, &err);
            free(out);
        }
        (void)dm_st_meta(&f, "rnn_type");
        int dual = dm_st_meta(&f, "data_fnv1a") != NULL;
        char q[600];
        snprintf(q, sizeof q, "%s.fixed", p);
        dual = dual && fix_checksum(&f, q);
        dm_st_close(&f);
        dual_load(p);
        if (dual) {
            dual_load(q);
            unlink(q);
        }
        dm_lm m;
        if (dm_lm_load(&m, p, &err) == 0)
            dm_lm_free(&m);
        dm_net *net; /* the classifier's loader too (torchvision ResNet names) */
        if (dm_family_resnet.load(p, NULL, &net, &err) == 0)
            dm_family_resnet.free(net);
    }
    return 0;
}
