/* fuzz_safetensors.c - libFuzzer target: the safetensors reader and the
 * model loader on arbitrary bytes. Every tensor of a file that opens is
 * converted to float; a file that opens is also loaded as a language model
 * and as a ResNet classifier.
 * Nothing may crash, leak, or read outside the mapping. */
#include "fuzz_util.h"
#include "family.h"
#include "lm.h"
#include "safetensors.h"

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
        dm_st_close(&f);
        dm_lm m;
        if (dm_lm_load(&m, p, &err) == 0)
            dm_lm_free(&m);
        dm_net *net; /* the classifier's loader too (torchvision ResNet names) */
        if (dm_family_resnet.load(p, NULL, &net, &err) == 0)
            dm_family_resnet.free(net);
    }
    return 0;
}
