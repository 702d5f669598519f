/* idx.h - image classification data in the IDX format (MNIST, Fashion-MNIST),
 * gzip-compressed or not, read with zlib.
 *
 * An images file holds a big-endian u32 header (magic 0x00000803 = unsigned
 * bytes in 3 dimensions, n, rows, cols) and then n * rows * cols pixels,
 * row-major; its labels file holds (magic 0x00000801, n) and n label bytes.
 * dm_images_load reads a slice [first, first + count) of both, checking the
 * two headers against each other and the data against the headers.
 *
 * Invariant: after a successful load, pix holds n * rows * cols bytes and
 * label n bytes, exactly as in the files; nothing is held after a failure.
 * Memory grows with the data actually decompressed, never with the count a
 * header claims, so a lying header fails cleanly instead of allocating
 * gigabytes. */
#ifndef DM_IDX_H
#define DM_IDX_H

#include <stddef.h>
#include <stdint.h>

#include "util.h"

#define DM_IDX_IMAGES_MAGIC 0x00000803u
#define DM_IDX_LABELS_MAGIC 0x00000801u
#define DM_IDX_MAX_DIM 4096 /* largest rows or cols accepted */

typedef struct dm_images {
    long n;               /* images held */
    int rows, cols;       /* 28 x 28 for Fashion-MNIST */
    unsigned char *pix;   /* n * rows * cols, row-major, uint8 */
    unsigned char *label; /* n; any byte value, none special */
    uint64_t hash;        /* FNV-1a 64 over what is held: pixels, then labels */
} dm_images;

/* Read images [first, first + count) (count 0: to the end of the file) of an
 * IDX images file and the same slice of its labels file. Either file may be
 * gzip-compressed or plain. Errors name the file and what was expected: a
 * missing file or one that is not a regular file (FIFO, device, directory),
 * a wrong magic, rows or cols 0 or above DM_IDX_MAX_DIM, different image and
 * label counts, truncated data (bytes and images expected and found),
 * corrupt gzip data, first/count outside the file, or (when reading to the
 * end) data beyond the count the header announces. 0 or -1. */
int dm_images_load(dm_images *im, const char *images_path, const char *labels_path, long first, long count,
                   dm_err *err);
void dm_images_free(dm_images *im);

/* The labels file beside an images file: the same path with the last
 * "images-idx3" replaced by "labels-idx1" (Fashion-MNIST's naming). 0, or -1
 * if the path has no "images-idx3" or the result does not fit outsz bytes. */
int dm_images_labels_path(const char *images_path, char *out, size_t outsz);

#endif
