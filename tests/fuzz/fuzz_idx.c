/* fuzz_idx.c - libFuzzer target: the IDX image/label reader on arbitrary
 * bytes. The input is split into an images file and a labels file (the
 * first two bytes give the cut), and two more bytes choose the slice
 * [first, first + count). Plain and gzip IDX both reach the reader (zlib
 * reads uncompressed files transparently). Nothing may crash, leak, or
 * allocate for the count a header claims rather than the data it holds. */
#include "fuzz_util.h"
#include "idx.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char p_img[512], p_lab[512];

static void unlink_both(void)
{
    unlink(p_img);
    unlink(p_lab);
}

static void put(char *path, const char *tag, const uint8_t *d, size_t n)
{
    const char *dir = getenv("TMPDIR");
    if (!p_img[0] && !p_lab[0])
        atexit(unlink_both);
    snprintf(path, 512, "%s/dm-fuzz-%s-%ld", dir && *dir ? dir : "/tmp", tag, (long)getpid());
    FILE *f = fopen(path, "wb");
    if (!f)
        abort();
    if (n && fwrite(d, 1, n, f) != n)
        abort();
    fclose(f);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 4 || size > (1 << 20))
        return 0;
    const uint8_t *d = data + 4;
    size_t n = size - 4;
    size_t cut = ((size_t)data[0] << 8 | data[1]) % (n + 1);
    long first = data[2] % 8, count = data[3] % 8;
    put(p_img, "img", d, cut);
    put(p_lab, "lab", d + cut, n - cut);
    dm_images im;
    dm_err err;
    if (dm_images_load(&im, p_img, p_lab, first, count, &err) == 0)
        dm_images_free(&im);
    char lp[600];
    (void)dm_images_labels_path(p_img, lp, sizeof lp);
    return 0;
}
