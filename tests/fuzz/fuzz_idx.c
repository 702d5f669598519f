/* fuzz_idx.c - libFuzzer target: the IDX image/label reader on arbitrary
 * bytes. The input is split into an images file and a labels file (the
 * first two bytes give the cut), and two more bytes choose the slice
 * [first, first + count). Plain and gzip IDX both reach the reader (zlib
 * reads uncompressed files transparently). Nothing may crash, leak, or
 * allocate for the count a header claims rather than the data it holds. */
#include "fuzz_util.h"
#include "idx.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 4 || size > (1 << 20))
        return 0;
    const uint8_t *d = data + 4;
    size_t n = size - 4;
    size_t cut = ((size_t)data[0] << 8 | data[1]) % (n + 1);
    long first = data[2] % 8, count = data[3] % 8;
    const char *p_img = fuzz_file_slot(0, "img", d, cut);
    const char *p_lab = fuzz_file_slot(1, "lab", d + cut, n - cut);
    dm_images im;
    dm_err err;
    if (dm_images_load(&im, p_img, p_lab, first, count, &err) == 0)
        dm_images_free(&im);
    char lp[600];
    (void)dm_images_labels_path(p_img, lp, sizeof lp);
    return 0;
}
