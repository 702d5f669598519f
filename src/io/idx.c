/* idx.c - see idx.h.
 *
 * Both files are read through zlib's gz* interface, which decompresses a
 * gzip file and passes any other file through unchanged. The two headers are
 * read and checked against each other before any data; then the images
 * before `first` are skipped and the slice is read in chunks of at most
 * CHUNK bytes into a buffer that doubles as data arrives (so its size is at
 * most twice what the file really held). */
#define _POSIX_C_SOURCE 200809L
#include "idx.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#define CHUNK (1u << 20) /* bytes per gzread and first buffer size */

/* One open input file and how many decompressed bytes were read from it. */
typedef struct idx_src {
    gzFile f;
    const char *path;
    const char *what; /* "images" or "labels" */
    uint64_t pos;     /* decompressed bytes read so far, header included */
    int cut;          /* the gzip stream itself ended early (Z_BUF_ERROR) */
} idx_src;

static uint32_t be32(const unsigned char *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | (uint32_t)p[3];
}

static int src_open(idx_src *s, const char *path, const char *what, dm_err *err)
{
    memset(s, 0, sizeof *s);
    s->path = path;
    s->what = what;
    if (dm_check_input_file(path, what, err))
        return -1;
    errno = 0;
    s->f = gzopen(path, "rb");
    if (!s->f)
        return dm_errf(err, "%s: cannot open %s file: %s", path, what, errno ? strerror(errno) : "out of memory");
    gzbuffer(s->f, 128u * 1024u);
    return 0;
}

static void src_close(idx_src *s)
{
    if (s->f)
        gzclose(s->f);
    s->f = NULL;
}

/* Read up to n bytes into buf (NULL: read and discard, for skipping). The
 * count read: less than n only at the end of the data (s->cut tells whether
 * the gzip stream was cut short); -1 with err set on corrupt gzip data or a
 * read error. */
static long long src_read(idx_src *s, unsigned char *buf, uint64_t n, dm_err *err)
{
    unsigned char scratch[65536];
    uint64_t got = 0;
    while (got < n) {
        uint64_t left = n - got;
        unsigned want = left > CHUNK ? CHUNK : (unsigned)left;
        unsigned char *dst = buf ? buf + got : scratch;
        if (!buf && want > sizeof scratch)
            want = sizeof scratch;
        int r = gzread(s->f, dst, want);
        if (r < 0) {
            int zerr = Z_OK;
            const char *msg = gzerror(s->f, &zerr);
            if (zerr == Z_ERRNO)
                return dm_errf(err, "%s: read error in %s file after %llu bytes: %s", s->path, s->what,
                               (unsigned long long)s->pos, strerror(errno));
            return dm_errf(err,
                           "%s: corrupt gzip data in %s file after %llu decompressed bytes (zlib: %s); "
                           "expected an intact gzip file or an uncompressed IDX file",
                           s->path, s->what, (unsigned long long)s->pos, msg);
        }
        if (r == 0)
            break;
        got += (unsigned)r;
        s->pos += (unsigned)r;
    }
    if (got < n) {
        int zerr = Z_OK;
        gzerror(s->f, &zerr);
        s->cut = zerr == Z_BUF_ERROR;
    }
    return (long long)got;
}

/* The words that end a truncation message when the gzip stream is cut too. */
static const char *cut_note(const idx_src *s)
{
    return s->cut ? "; the gzip stream itself ends early (an incomplete download or copy?)" : "";
}

/* Read exactly `need` bytes into a new buffer that grows with the data; on
 * a short read *buf holds what was read (*got < need) and 0 is returned.
 * -1 with err set on a read error or out of memory. */
static int src_read_grow(idx_src *s, uint64_t need, unsigned char **buf, uint64_t *got, dm_err *err)
{
    unsigned char *b = NULL;
    uint64_t cap = 0, have = 0;
    *buf = NULL;
    *got = 0;
    while (have < need) {
        if (have == cap) {
            uint64_t nc = cap ? 2 * cap : CHUNK;
            if (nc > need)
                nc = need;
            unsigned char *p = (uint64_t)(size_t)nc == nc ? realloc(b, (size_t)nc) : NULL;
            if (!p) {
                free(b);
                return dm_errf(err, "%s: out of memory reading %llu bytes of %s (after %llu)", s->path,
                               (unsigned long long)need, s->what, (unsigned long long)have);
            }
            b = p;
            cap = nc;
        }
        uint64_t want = cap - have;
        long long r = src_read(s, b + have, want, err);
        if (r < 0) {
            free(b);
            return -1;
        }
        have += (uint64_t)r;
        if ((uint64_t)r < want)
            break; /* short read: the end of the data */
    }
    *buf = b;
    *got = have;
    return 0;
}

void dm_images_free(dm_images *im)
{
    free(im->pix);
    free(im->label);
    memset(im, 0, sizeof *im);
}

int dm_images_load(dm_images *im, const char *images_path, const char *labels_path, long first, long count, dm_err *err)
{
    memset(im, 0, sizeof *im);
    idx_src si = {0}, sl = {0};
    unsigned char *pix = NULL, *lab = NULL;
    int rc = -1;

    if (first < 0 || count < 0)
        return dm_errf(err,
                       "%s: images from %ld, count %ld requested; expected first >= 0 and count >= 0 "
                       "(0: to the end)",
                       images_path, first, count);
    if (src_open(&si, images_path, "images", err) || src_open(&sl, labels_path, "labels", err))
        goto out;

    /* ---- both headers, checked against each other before any data ---- */
    unsigned char hi[16], hl[8];
    long long r = src_read(&si, hi, sizeof hi, err);
    if (r < 0)
        goto out;
    uint32_t magic = r >= 4 ? be32(hi) : 0; /* a wrong magic is named even in a short file */
    if (r >= 4 && magic != DM_IDX_IMAGES_MAGIC) {
        dm_errf(err,
                "%s: magic 0x%08x%s; expected an images IDX file (magic 0x%08x: unsigned bytes, "
                "3 dimensions)",
                images_path, magic, magic == DM_IDX_LABELS_MAGIC ? " is that of a labels IDX file" : "",
                DM_IDX_IMAGES_MAGIC);
        goto out;
    }
    if (r < (long long)sizeof hi) {
        dm_errf(err,
                "%s: truncated header: %lld bytes%s; expected the 16-byte header of an images IDX file "
                "(magic 0x%08x, count, rows, cols)",
                images_path, r, cut_note(&si), DM_IDX_IMAGES_MAGIC);
        goto out;
    }
    uint32_t n = be32(hi + 4), rows = be32(hi + 8), cols = be32(hi + 12);
    if (rows == 0 || cols == 0 || rows > DM_IDX_MAX_DIM || cols > DM_IDX_MAX_DIM) {
        dm_errf(err, "%s: images of %u x %u pixels; expected rows and cols from 1 to %d", images_path, rows, cols,
                DM_IDX_MAX_DIM);
        goto out;
    }
    r = src_read(&sl, hl, sizeof hl, err);
    if (r < 0)
        goto out;
    uint32_t lmagic = r >= 4 ? be32(hl) : 0;
    if (r >= 4 && lmagic != DM_IDX_LABELS_MAGIC) {
        dm_errf(err,
                "%s: magic 0x%08x%s; expected a labels IDX file (magic 0x%08x: unsigned bytes, "
                "1 dimension)",
                labels_path, lmagic, lmagic == DM_IDX_IMAGES_MAGIC ? " is that of an images IDX file" : "",
                DM_IDX_LABELS_MAGIC);
        goto out;
    }
    if (r < (long long)sizeof hl) {
        dm_errf(err,
                "%s: truncated header: %lld bytes%s; expected the 8-byte header of a labels IDX file "
                "(magic 0x%08x, count)",
                labels_path, r, cut_note(&sl), DM_IDX_LABELS_MAGIC);
        goto out;
    }
    uint32_t ln = be32(hl + 4);
    if (ln != n) {
        dm_errf(err, "%s: %u labels, but the images file %s holds %u images; expected one label per image", labels_path,
                ln, images_path, n);
        goto out;
    }
    if (n == 0) {
        dm_errf(err, "%s: the header announces 0 images; expected at least one", images_path);
        goto out;
    }
    if ((uint64_t)first >= n || (uint64_t)count > n - (uint64_t)first) {
        char what[64];
        if (count)
            snprintf(what, sizeof what, "[%ld, %llu)", first, (unsigned long long)first + (unsigned long long)count);
        else
            snprintf(what, sizeof what, "from %ld to the end", first);
        dm_errf(err,
                "%s: images %s requested, but the file holds %u; expected first < %u and "
                "first + count <= %u",
                images_path, what, n, n, n);
        goto out;
    }
    long held = count ? count : (long)(n - (uint64_t)first);
    uint64_t img_bytes = (uint64_t)rows * cols;

    /* ---- the pixels of images [first, first + held) ---- */
    uint64_t skip = (uint64_t)first * img_bytes, need = (uint64_t)held * img_bytes, got = 0;
    r = src_read(&si, NULL, skip, err);
    if (r < 0)
        goto out;
    if ((uint64_t)r == skip && src_read_grow(&si, need, &pix, &got, err))
        goto out;
    if ((uint64_t)r < skip || got < need) {
        uint64_t data = si.pos - sizeof hi;
        dm_errf(err,
                "%s: truncated: the header announces %u images of %u x %u (%llu bytes after the 16-byte "
                "header), the data ends after %llu bytes (%llu whole images)%s; expected images [%ld, %ld)",
                images_path, n, rows, cols, (unsigned long long)((uint64_t)n * img_bytes), (unsigned long long)data,
                (unsigned long long)(data / img_bytes), cut_note(&si), first, first + held);
        goto out;
    }

    /* ---- their labels ---- */
    r = src_read(&sl, NULL, (uint64_t)first, err);
    if (r < 0)
        goto out;
    got = 0;
    if (r == first && src_read_grow(&sl, (uint64_t)held, &lab, &got, err))
        goto out;
    if (r < first || got < (uint64_t)held) {
        dm_errf(err,
                "%s: truncated: the header announces %u labels, the data ends after %llu labels%s; expected "
                "labels [%ld, %ld)",
                labels_path, n, (unsigned long long)(sl.pos - sizeof hl), cut_note(&sl), first, first + held);
        goto out;
    }

    /* ---- read to the end: the files must end where the headers say ---- */
    if (first + held == (long)n) {
        unsigned char extra;
        idx_src *s[2] = {&si, &sl};
        for (int k = 0; k < 2; k++) {
            r = src_read(s[k], &extra, 1, err);
            if (r < 0)
                goto out;
            if (r > 0) {
                dm_errf(err,
                        "%s: data continues after the %u %s the header announces; expected the file to "
                        "end there (a wrong count in the header?)",
                        s[k]->path, n, k ? "labels" : "images");
                goto out;
            }
        }
    }

    im->n = held;
    im->rows = (int)rows;
    im->cols = (int)cols;
    im->pix = pix;
    im->label = lab;
    im->hash = dm_fnv1a(dm_fnv1a(DM_FNV_INIT, pix, (size_t)need), lab, (size_t)held);
    pix = lab = NULL;
    rc = 0;
out:
    free(pix);
    free(lab);
    src_close(&si);
    src_close(&sl);
    return rc;
}

int dm_images_labels_path(const char *images_path, char *out, size_t outsz)
{
    static const char from[] = "images-idx3", to[] = "labels-idx1";
    const char *last = NULL;
    for (const char *p = strstr(images_path, from); p; p = strstr(p + 1, from))
        last = p;
    size_t len = strlen(images_path);
    if (!last || len + 1 > outsz)
        return -1;
    memcpy(out, images_path, len + 1);
    memcpy(out + (last - images_path), to, sizeof to - 1);
    return 0;
}
