/* test_idx.c - Criterion tests for src/io/idx.c: small IDX files written at
 * run time with zlib (gzip) or plainly, read back whole and in slices, one
 * test per bad-file class asserting that the message names the file and the
 * expectation, and (when Debian's dataset-fashion-mnist is installed) the
 * real Fashion-MNIST test and training files. Every test works in its own
 * mkdtemp directory under /tmp, removed afterwards. */
#define _XOPEN_SOURCE 700
#include <criterion/criterion.h>

#include <errno.h>
#include <ftw.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include "idx.h"
#include "testutil.h"
#include "util.h"

#define FMNIST_DIR "/usr/share/datasets/fashion-mnist"

/* ---- fixture and helpers ------------------------------------------------ */

static char tmpdir[64];

static void setup(void)
{
    strcpy(tmpdir, "/tmp/dm_idx_test_XXXXXX");
    cr_assert_not_null(mkdtemp(tmpdir), "mkdtemp: %s", strerror(errno));
    trng_seed_salted(20261130, 11);
}

static int rm_entry(const char *p, const struct stat *sb, int flag, struct FTW *ftw)
{
    (void)sb;
    (void)flag;
    (void)ftw;
    return remove(p);
}

static void teardown(void)
{
    if (tmpdir[0])
        nftw(tmpdir, rm_entry, 16, FTW_DEPTH | FTW_PHYS);
}

TestSuite(idx, .init = setup, .fini = teardown);

/* Path of NAME inside the test directory (a few rotating buffers). */
static const char *tp(const char *name)
{
    static char buf[4][256];
    static int k;
    char *b = buf[k++ & 3];
    snprintf(b, sizeof buf[0], "%s/%s", tmpdir, name);
    return b;
}

static void put_be32(unsigned char *p, uint32_t v)
{
    p[0] = (unsigned char)(v >> 24);
    p[1] = (unsigned char)(v >> 16);
    p[2] = (unsigned char)(v >> 8);
    p[3] = (unsigned char)v;
}

/* Write header words (big-endian u32) then `nbytes` of data, gzip-compressed
 * when gz, plain otherwise. */
static void write_idx(const char *path, int gz, const uint32_t *hdr, int nhdr, const unsigned char *data, size_t nbytes)
{
    unsigned char h[16];
    for (int i = 0; i < nhdr; i++)
        put_be32(h + 4 * i, hdr[i]);
    if (gz) {
        gzFile f = gzopen(path, "wb");
        cr_assert_not_null(f, "gzopen %s", path);
        cr_assert_eq(gzwrite(f, h, (unsigned)(4 * nhdr)), 4 * nhdr);
        if (nbytes)
            cr_assert_eq(gzwrite(f, data, (unsigned)nbytes), (int)nbytes);
        cr_assert_eq(gzclose(f), Z_OK);
    } else {
        FILE *f = fopen(path, "wb");
        cr_assert_not_null(f, "fopen %s", path);
        cr_assert_eq(fwrite(h, 1, (size_t)(4 * nhdr), f), (size_t)(4 * nhdr));
        if (nbytes)
            cr_assert_eq(fwrite(data, 1, nbytes, f), nbytes);
        cr_assert_eq(fclose(f), 0);
    }
}

static void write_images(const char *path, uint32_t magic, uint32_t n, uint32_t rows, uint32_t cols,
                         const unsigned char *pix, size_t nbytes)
{
    uint32_t h[4] = {magic, n, rows, cols};
    write_idx(path, 1, h, 4, pix, nbytes);
}

static void write_labels(const char *path, uint32_t magic, uint32_t n, const unsigned char *lab, size_t nbytes)
{
    uint32_t h[2] = {magic, n};
    write_idx(path, 1, h, 2, lab, nbytes);
}

/* The reference data of a good file pair: N images of R x C. */
enum { N = 7, R = 5, C = 3 };
static unsigned char ref_pix[N * R * C], ref_lab[N];

static void make_ref(void)
{
    for (int i = 0; i < N * R * C; i++)
        ref_pix[i] = (unsigned char)(trng_next() >> 56);
    for (int i = 0; i < N; i++)
        ref_lab[i] = (unsigned char)(trng_next() >> 56);
    ref_lab[1] = 255; /* no label value is special */
    ref_lab[2] = 254;
    ref_lab[3] = 0;
}

static void write_good(const char *img, const char *lab)
{
    make_ref();
    write_images(tp(img), DM_IDX_IMAGES_MAGIC, N, R, C, ref_pix, sizeof ref_pix);
    write_labels(tp(lab), DM_IDX_LABELS_MAGIC, N, ref_lab, sizeof ref_lab);
}

/* FNV-1a 64, written again here (not the library's dm_fnv1a). */
static uint64_t fnv(uint64_t h, const unsigned char *p, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        h ^= p[i];
        h *= 0x100000001b3ULL;
    }
    return h;
}

static uint64_t expect_hash(long first, long n)
{
    return fnv(fnv(0xcbf29ce484222325ULL, ref_pix + first * R * C, (size_t)(n * R * C)), ref_lab + first, (size_t)n);
}

/* Load must fail, nothing held, and the message must contain every one of
 * the NULL-terminated strings after `first`/`count`. */
static void expect_fail(const char *img, const char *lab, long first, long count, ...)
{
    dm_images im;
    dm_err err = {{0}};
    int rc = dm_images_load(&im, img, lab, first, count, &err);
    cr_assert_eq(rc, -1, "load of %s / %s [%ld, +%ld) succeeded, expected an error", img, lab, first, count);
    cr_assert_null(im.pix);
    cr_assert_null(im.label);
    cr_assert_eq(im.n, 0);
    va_list ap;
    va_start(ap, count);
    for (const char *want; (want = va_arg(ap, const char *));)
        cr_expect_not_null(strstr(err.msg, want), "message \"%s\" lacks \"%s\"", err.msg, want);
    va_end(ap);
}

/* ---- good files ---------------------------------------------------------- */

Test(idx, round_trip)
{
    write_good("i.gz", "l.gz");
    dm_images im;
    dm_err err = {{0}};
    cr_assert_eq(dm_images_load(&im, tp("i.gz"), tp("l.gz"), 0, 0, &err), 0, "%s", err.msg);
    cr_assert_eq(im.n, N);
    cr_assert_eq(im.rows, R);
    cr_assert_eq(im.cols, C);
    cr_assert_arr_eq(im.pix, ref_pix, sizeof ref_pix);
    cr_assert_arr_eq(im.label, ref_lab, sizeof ref_lab);
    cr_assert_eq(im.hash, expect_hash(0, N), "hash %016llx, expected FNV-1a of pixels then labels %016llx",
                 (unsigned long long)im.hash, (unsigned long long)expect_hash(0, N));
    uint64_t h = im.hash;
    dm_images_free(&im);
    cr_assert_null(im.pix);

    /* stable: the same files give the same hash */
    cr_assert_eq(dm_images_load(&im, tp("i.gz"), tp("l.gz"), 0, 0, &err), 0, "%s", err.msg);
    cr_assert_eq(im.hash, h);
    dm_images_free(&im);

    /* one pixel or one label changed: another hash */
    ref_pix[40] ^= 1;
    write_images(tp("i2.gz"), DM_IDX_IMAGES_MAGIC, N, R, C, ref_pix, sizeof ref_pix);
    cr_assert_eq(dm_images_load(&im, tp("i2.gz"), tp("l.gz"), 0, 0, &err), 0, "%s", err.msg);
    cr_assert_neq(im.hash, h);
    dm_images_free(&im);
    ref_pix[40] ^= 1;
    ref_lab[6] ^= 0x80;
    write_labels(tp("l2.gz"), DM_IDX_LABELS_MAGIC, N, ref_lab, sizeof ref_lab);
    cr_assert_eq(dm_images_load(&im, tp("i.gz"), tp("l2.gz"), 0, 0, &err), 0, "%s", err.msg);
    cr_assert_neq(im.hash, h);
    cr_assert_eq(im.hash, expect_hash(0, N));
    dm_images_free(&im);
}

Test(idx, uncompressed_files_read_too)
{
    make_ref();
    uint32_t hi[4] = {DM_IDX_IMAGES_MAGIC, N, R, C}, hl[2] = {DM_IDX_LABELS_MAGIC, N};
    write_idx(tp("i.raw"), 0, hi, 4, ref_pix, sizeof ref_pix);
    write_idx(tp("l.raw"), 0, hl, 2, ref_lab, sizeof ref_lab);
    dm_images im;
    dm_err err = {{0}};
    cr_assert_eq(dm_images_load(&im, tp("i.raw"), tp("l.raw"), 0, 0, &err), 0, "%s", err.msg);
    cr_assert_eq(im.n, N);
    cr_assert_arr_eq(im.pix, ref_pix, sizeof ref_pix);
    cr_assert_arr_eq(im.label, ref_lab, sizeof ref_lab);
    cr_assert_eq(im.hash, expect_hash(0, N));
    dm_images_free(&im);
}

Test(idx, slices)
{
    write_good("i.gz", "l.gz");
    static const long cases[][3] = {/* first, count, expected n */
                                    {0, 1, 1}, {2, 3, 3}, {4, 0, 3}, {6, 1, 1}, {6, 0, 1}, {0, N, N}};
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        long first = cases[c][0], count = cases[c][1], n = cases[c][2];
        dm_images im;
        dm_err err = {{0}};
        cr_assert_eq(dm_images_load(&im, tp("i.gz"), tp("l.gz"), first, count, &err), 0, "[%ld, +%ld): %s", first,
                     count, err.msg);
        cr_assert_eq(im.n, n, "[%ld, +%ld): %ld images", first, count, im.n);
        cr_assert_arr_eq(im.pix, ref_pix + first * R * C, (size_t)(n * R * C));
        cr_assert_arr_eq(im.label, ref_lab + first, (size_t)n);
        cr_assert_eq(im.hash, expect_hash(first, n), "[%ld, +%ld)", first, count);
        dm_images_free(&im);
    }
}

Test(idx, labels_path)
{
    char out[256];
    cr_assert_eq(dm_images_labels_path(FMNIST_DIR "/t10k-images-idx3-ubyte.gz", out, sizeof out), 0);
    cr_assert_str_eq(out, FMNIST_DIR "/t10k-labels-idx1-ubyte.gz");
    /* the last occurrence (the file name), not a directory's */
    cr_assert_eq(dm_images_labels_path("d/images-idx3/train-images-idx3-ubyte", out, sizeof out), 0);
    cr_assert_str_eq(out, "d/images-idx3/train-labels-idx1-ubyte");
    cr_assert_eq(dm_images_labels_path("data/t10k-images.gz", out, sizeof out), -1);
    char small[12];
    cr_assert_eq(dm_images_labels_path("images-idx3", small, sizeof small), 0);
    cr_assert_str_eq(small, "labels-idx1");
    cr_assert_eq(dm_images_labels_path("images-idx3.gz", small, sizeof small), -1);
}

/* ---- bad files: each names the file and what was expected --------------- */

Test(idx, wrong_magic)
{
    write_good("i.gz", "l.gz");
    /* labels and images swapped */
    expect_fail(tp("l.gz"), tp("i.gz"), 0, 0, tp("l.gz"), "magic 0x00000801 is that of a labels IDX file",
                "expected an images IDX file (magic 0x00000803", NULL);
    write_images(tp("bad.gz"), 0x12345678u, N, R, C, ref_pix, sizeof ref_pix);
    expect_fail(tp("bad.gz"), tp("l.gz"), 0, 0, tp("bad.gz"), "magic 0x12345678;",
                "expected an images IDX file (magic 0x00000803", NULL);
    write_labels(tp("badl.gz"), DM_IDX_IMAGES_MAGIC, N, ref_lab, sizeof ref_lab);
    expect_fail(tp("i.gz"), tp("badl.gz"), 0, 0, tp("badl.gz"), "magic 0x00000803 is that of an images IDX file",
                "expected a labels IDX file (magic 0x00000801", NULL);
    /* a text file is not silently taken for one */
    FILE *f = fopen(tp("text"), "w");
    cr_assert_not_null(f);
    fputs("hello, this is not an IDX file\n", f);
    fclose(f);
    expect_fail(tp("text"), tp("l.gz"), 0, 0, tp("text"), "magic 0x68656c6c", "expected an images IDX file", NULL);
}

Test(idx, truncated_header)
{
    write_good("i.gz", "l.gz");
    uint32_t h[4] = {DM_IDX_IMAGES_MAGIC, N, R, C};
    write_idx(tp("short.gz"), 1, h, 2, NULL, 0); /* 8 of the 16 header bytes */
    expect_fail(tp("short.gz"), tp("l.gz"), 0, 0, tp("short.gz"), "truncated header: 8 bytes",
                "expected the 16-byte header of an images IDX file", NULL);
    write_idx(tp("empty.gz"), 1, h, 0, NULL, 0);
    expect_fail(tp("i.gz"), tp("empty.gz"), 0, 0, tp("empty.gz"), "truncated header: 0 bytes",
                "expected the 8-byte header of a labels IDX file", NULL);
}

Test(idx, truncated_images)
{
    make_ref();
    /* 7 announced, 5 and a half present */
    write_images(tp("i.gz"), DM_IDX_IMAGES_MAGIC, N, R, C, ref_pix, 5 * R * C + 8);
    write_labels(tp("l.gz"), DM_IDX_LABELS_MAGIC, N, ref_lab, sizeof ref_lab);
    expect_fail(tp("i.gz"), tp("l.gz"), 0, 0, tp("i.gz"), "truncated", "7 images of 5 x 3 (105 bytes",
                "ends after 83 bytes (5 whole images)", "expected images [0, 7)", NULL);
    expect_fail(tp("i.gz"), tp("l.gz"), 3, 3, tp("i.gz"), "(5 whole images)", "expected images [3, 6)", NULL);
    /* the images that are there can be read: reading is bounded by the slice */
    dm_images im;
    dm_err err = {{0}};
    cr_assert_eq(dm_images_load(&im, tp("i.gz"), tp("l.gz"), 1, 4, &err), 0, "%s", err.msg);
    cr_assert_eq(im.n, 4);
    cr_assert_arr_eq(im.pix, ref_pix + R * C, 4 * R * C);
    dm_images_free(&im);
}

Test(idx, lying_header_does_not_allocate_its_count)
{
    /* 4 billion images of 4096 x 4096 announced (2^56 bytes), 3 KiB present:
     * a clean truncation error, not an attempt to allocate the count */
    enum { HUGE_DIM = DM_IDX_MAX_DIM };
    static unsigned char pix[3072];
    static unsigned char lab[4];
    write_images(tp("i.gz"), DM_IDX_IMAGES_MAGIC, 0xffffffffu, HUGE_DIM, HUGE_DIM, pix, sizeof pix);
    uint32_t h[2] = {DM_IDX_LABELS_MAGIC, 0xffffffffu};
    write_idx(tp("l.gz"), 1, h, 2, lab, sizeof lab);
    expect_fail(tp("i.gz"), tp("l.gz"), 0, 0, tp("i.gz"), "truncated", "4294967295 images of 4096 x 4096",
                "ends after 3072 bytes (0 whole images)", NULL);
}

Test(idx, truncated_labels)
{
    make_ref();
    write_images(tp("i.gz"), DM_IDX_IMAGES_MAGIC, N, R, C, ref_pix, sizeof ref_pix);
    write_labels(tp("l.gz"), DM_IDX_LABELS_MAGIC, N, ref_lab, 4);
    expect_fail(tp("i.gz"), tp("l.gz"), 0, 0, tp("l.gz"), "truncated", "announces 7 labels", "ends after 4 labels",
                "expected labels [0, 7)", NULL);
    expect_fail(tp("i.gz"), tp("l.gz"), 5, 1, tp("l.gz"), "ends after 4 labels", "expected labels [5, 6)", NULL);
}

Test(idx, truncated_gzip_stream)
{
    /* a .gz file cut short (an interrupted download): the data ends early
     * and the message says the gzip stream is incomplete */
    make_ref();
    static unsigned char pix[N * 64 * 64];
    for (size_t i = 0; i < sizeof pix; i++)
        pix[i] = (unsigned char)(trng_next() >> 56); /* incompressible: the cut lands in the pixels */
    write_images(tp("i.gz"), DM_IDX_IMAGES_MAGIC, N, 64, 64, pix, sizeof pix);
    write_labels(tp("l.gz"), DM_IDX_LABELS_MAGIC, N, ref_lab, sizeof ref_lab);
    struct stat sb;
    cr_assert_eq(stat(tp("i.gz"), &sb), 0);
    cr_assert_eq(truncate(tp("i.gz"), sb.st_size / 2), 0);
    expect_fail(tp("i.gz"), tp("l.gz"), 0, 0, tp("i.gz"), "truncated", "7 images of 64 x 64",
                "the gzip stream itself ends early", NULL);
}

Test(idx, corrupt_gzip_data)
{
    /* one byte of a stored (incompressible) block flipped: only the gzip
     * CRC can tell, when the stream is read to its end */
    make_ref();
    static unsigned char pix[N * 64 * 64];
    for (size_t i = 0; i < sizeof pix; i++)
        pix[i] = (unsigned char)(trng_next() >> 56);
    write_images(tp("i.gz"), DM_IDX_IMAGES_MAGIC, N, 64, 64, pix, sizeof pix);
    write_labels(tp("l.gz"), DM_IDX_LABELS_MAGIC, N, ref_lab, sizeof ref_lab);
    FILE *f = fopen(tp("i.gz"), "r+b");
    cr_assert_not_null(f);
    cr_assert_eq(fseek(f, 5000, SEEK_SET), 0);
    int ch = fgetc(f);
    cr_assert_eq(fseek(f, 5000, SEEK_SET), 0);
    fputc(ch ^ 0x10, f);
    fclose(f);
    expect_fail(tp("i.gz"), tp("l.gz"), 0, 0, tp("i.gz"), "corrupt gzip data in images file",
                "expected an intact gzip file", NULL);
}

Test(idx, count_mismatch)
{
    make_ref();
    write_images(tp("i.gz"), DM_IDX_IMAGES_MAGIC, N, R, C, ref_pix, sizeof ref_pix);
    write_labels(tp("l.gz"), DM_IDX_LABELS_MAGIC, N - 1, ref_lab, N - 1);
    expect_fail(tp("i.gz"), tp("l.gz"), 0, 0, tp("l.gz"), "6 labels", tp("i.gz"), "holds 7 images",
                "expected one label per image", NULL);
}

Test(idx, bad_dims)
{
    write_good("i.gz", "l.gz");
    write_images(tp("r0.gz"), DM_IDX_IMAGES_MAGIC, N, 0, C, ref_pix, sizeof ref_pix);
    expect_fail(tp("r0.gz"), tp("l.gz"), 0, 0, tp("r0.gz"), "images of 0 x 3 pixels",
                "expected rows and cols from 1 to 4096", NULL);
    write_images(tp("c0.gz"), DM_IDX_IMAGES_MAGIC, N, R, 0, ref_pix, sizeof ref_pix);
    expect_fail(tp("c0.gz"), tp("l.gz"), 0, 0, tp("c0.gz"), "images of 5 x 0 pixels", NULL);
    write_images(tp("big.gz"), DM_IDX_IMAGES_MAGIC, N, 4097, C, ref_pix, sizeof ref_pix);
    expect_fail(tp("big.gz"), tp("l.gz"), 0, 0, tp("big.gz"), "images of 4097 x 3 pixels",
                "expected rows and cols from 1 to 4096", NULL);
    write_images(tp("n0.gz"), DM_IDX_IMAGES_MAGIC, 0, R, C, NULL, 0);
    write_labels(tp("ln0.gz"), DM_IDX_LABELS_MAGIC, 0, NULL, 0);
    expect_fail(tp("n0.gz"), tp("ln0.gz"), 0, 0, tp("n0.gz"), "announces 0 images; expected at least one", NULL);
}

Test(idx, missing_file)
{
    write_good("i.gz", "l.gz");
    expect_fail(tp("nope.gz"), tp("l.gz"), 0, 0, tp("nope.gz"), "cannot open images file", "No such file or directory",
                NULL);
    expect_fail(tp("i.gz"), tp("nope.gz"), 0, 0, tp("nope.gz"), "cannot open labels file", "No such file or directory",
                NULL);
}

Test(idx, not_a_regular_file)
{
    write_good("i.gz", "l.gz");
    cr_assert_eq(mkdir(tp("dir"), 0755), 0);
    expect_fail(tp("dir"), tp("l.gz"), 0, 0, tp("dir"), "images file is a directory; expected a regular file", NULL);
    expect_fail(tp("i.gz"), tp("dir"), 0, 0, tp("dir"), "labels file is a directory; expected a regular file", NULL);
    /* a FIFO would block a reader forever; a character device never ends */
    cr_assert_eq(mkfifo(tp("fifo"), 0600), 0);
    expect_fail(tp("fifo"), tp("l.gz"), 0, 0, tp("fifo"), "images file is a FIFO", "expected a regular file", NULL);
    expect_fail("/dev/zero", tp("l.gz"), 0, 0, "/dev/zero", "images file is a character device",
                "expected a regular file", NULL);
}

Test(idx, out_of_range)
{
    write_good("i.gz", "l.gz");
    expect_fail(tp("i.gz"), tp("l.gz"), N, 0, tp("i.gz"), "images from 7 to the end requested, but the file holds 7",
                "expected first < 7 and first + count <= 7", NULL);
    expect_fail(tp("i.gz"), tp("l.gz"), 100, 1, tp("i.gz"), "images [100, 101) requested", NULL);
    expect_fail(tp("i.gz"), tp("l.gz"), 5, 3, tp("i.gz"), "images [5, 8) requested", NULL);
    expect_fail(tp("i.gz"), tp("l.gz"), -1, 0, tp("i.gz"), "expected first >= 0 and count >= 0", NULL);
    expect_fail(tp("i.gz"), tp("l.gz"), 0, -2, tp("i.gz"), "expected first >= 0 and count >= 0", NULL);
    expect_fail(tp("i.gz"), tp("l.gz"), 1, 0x7fffffffffffffffL, tp("i.gz"),
                "images [1, 9223372036854775808) requested, but the file holds 7", NULL);
    expect_fail(tp("i.gz"), tp("l.gz"), 0x7fffffffffffffffL, 0x7fffffffffffffffL, tp("i.gz"),
                "images [9223372036854775807, 18446744073709551614) requested", NULL);
}

Test(idx, trailing_data)
{
    /* more data than the header announces: an error when reading to the
     * end (a wrong count?), not when reading a slice before it */
    make_ref();
    write_images(tp("i.gz"), DM_IDX_IMAGES_MAGIC, N - 1, R, C, ref_pix, sizeof ref_pix);
    write_labels(tp("l.gz"), DM_IDX_LABELS_MAGIC, N - 1, ref_lab, N - 1);
    write_labels(tp("l7.gz"), DM_IDX_LABELS_MAGIC, N - 1, ref_lab, N);
    write_images(tp("i6.gz"), DM_IDX_IMAGES_MAGIC, N - 1, R, C, ref_pix, (N - 1) * R * C);
    expect_fail(tp("i.gz"), tp("l.gz"), 0, 0, tp("i.gz"), "data continues after the 6 images",
                "expected the file to end there", NULL);
    expect_fail(tp("i6.gz"), tp("l7.gz"), 2, 0, tp("l7.gz"), "data continues after the 6 labels", NULL);
    dm_images im;
    dm_err err = {{0}};
    cr_assert_eq(dm_images_load(&im, tp("i.gz"), tp("l.gz"), 0, 3, &err), 0, "%s", err.msg);
    dm_images_free(&im);
}

/* ---- the real thing ------------------------------------------------------ */

static int have_fmnist(void)
{
    struct stat sb;
    return stat(FMNIST_DIR "/t10k-images-idx3-ubyte.gz", &sb) == 0 &&
           stat(FMNIST_DIR "/train-images-idx3-ubyte.gz", &sb) == 0;
}

Test(idx, fashion_mnist_t10k)
{
    if (!have_fmnist())
        cr_skip_test("%s not installed (apt-get install dataset-fashion-mnist)", FMNIST_DIR);
    char lab[256];
    cr_assert_eq(dm_images_labels_path(FMNIST_DIR "/t10k-images-idx3-ubyte.gz", lab, sizeof lab), 0);
    dm_images im;
    dm_err err = {{0}};
    cr_assert_eq(dm_images_load(&im, FMNIST_DIR "/t10k-images-idx3-ubyte.gz", lab, 0, 0, &err), 0, "%s", err.msg);
    cr_assert_eq(im.n, 10000);
    cr_assert_eq(im.rows, 28);
    cr_assert_eq(im.cols, 28);
    cr_assert_eq(im.label[0], 9, "first test image is an ankle boot (9), got %d", im.label[0]);
    long hist[256] = {0};
    for (long i = 0; i < im.n; i++)
        hist[im.label[i]]++;
    for (int c = 0; c < 10; c++)
        cr_expect_eq(hist[c], 1000, "class %d: %ld images, expected 1000", c, hist[c]);
    /* the pixels: mean intensity near the dataset's 0.2860 (training set) */
    double sum = 0;
    for (long i = 0; i < im.n * 28 * 28; i++)
        sum += im.pix[i];
    double mean = sum / (im.n * 28.0 * 28.0) / 255.0;
    cr_expect(mean > 0.280 && mean < 0.292, "t10k pixel mean %.4f, expected about 0.286", mean);
    dm_images_free(&im);
}

Test(idx, fashion_mnist_train_split)
{
    if (!have_fmnist())
        cr_skip_test("%s not installed (apt-get install dataset-fashion-mnist)", FMNIST_DIR);
    const char *img = FMNIST_DIR "/train-images-idx3-ubyte.gz", *lab = FMNIST_DIR "/train-labels-idx1-ubyte.gz";
    dm_images all, valid;
    dm_err err = {{0}};
    cr_assert_eq(dm_images_load(&all, img, lab, 0, 0, &err), 0, "%s", err.msg);
    cr_assert_eq(all.n, 60000);
    long hist[256] = {0};
    for (long i = 0; i < all.n; i++)
        hist[all.label[i]]++;
    for (int c = 0; c < 10; c++)
        cr_expect_eq(hist[c], 6000, "class %d: %ld images, expected 6000", c, hist[c]);
    /* the held-out split (the last 5,000) is the tail of the whole */
    cr_assert_eq(dm_images_load(&valid, img, lab, 55000, 0, &err), 0, "%s", err.msg);
    cr_assert_eq(valid.n, 5000);
    cr_assert_arr_eq(valid.pix, all.pix + 55000L * 784, 5000L * 784);
    cr_assert_arr_eq(valid.label, all.label + 55000, 5000);
    cr_assert_eq(valid.hash, fnv(fnv(0xcbf29ce484222325ULL, valid.pix, 5000L * 784), valid.label, 5000));
    dm_images_free(&valid);
    dm_images_free(&all);
}
