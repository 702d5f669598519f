/* safetensors.c - read and write safetensors files (see safetensors.h).
 *
 * The reader maps the file read-only, parses the JSON header with jansson
 * and validates every field before anything else looks at it: the header
 * length, the JSON itself, each tensor's dtype, shape and data_offsets, the
 * byte count implied by shape x dtype, the bounds of each range inside the
 * data section, and pairwise overlap. Invariant: after a successful
 * dm_st_open every t->data[0 .. t->nbytes) lies inside the mapping and no
 * two non-empty tensors share a byte; on failure nothing is left allocated
 * or mapped and err holds one line naming the file (and tensor) at fault.
 *
 * The writer builds the header with jansson too, pads it with spaces so the
 * data section starts 8-byte aligned, and writes PATH.tmp before renaming it
 * over PATH, so a failed write never leaves a partial file behind.
 *
 * Data is stored little-endian; this module assumes a little-endian host. */
#define _POSIX_C_SOURCE 200809L
#include "safetensors.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <jansson.h>

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ != __ORDER_LITTLE_ENDIAN__
#error "safetensors.c assumes a little-endian host"
#endif

/* Tensor order is header order only because jansson (>= 2.8) iterates
 * objects in insertion order. */
#if JANSSON_VERSION_HEX < 0x020800
#error "jansson >= 2.8 is required (objects must keep insertion order)"
#endif

#define ST_MAX_HEADER 100000000ULL /* same limit as the reference library */

static const struct {
    const char *name;
    size_t size;
} dtypes[DM_DT_COUNT] = {
    [DM_DT_F32] = {"F32", 4},   [DM_DT_F16] = {"F16", 2},
    [DM_DT_BF16] = {"BF16", 2}, [DM_DT_F64] = {"F64", 8},
    [DM_DT_I8] = {"I8", 1},     [DM_DT_U8] = {"U8", 1},
    [DM_DT_I16] = {"I16", 2},   [DM_DT_I32] = {"I32", 4},
    [DM_DT_I64] = {"I64", 8},   [DM_DT_BOOL] = {"BOOL", 1},
};

#define DTYPE_LIST "F32, F16, BF16, F64, I8, U8, I16, I32, I64, BOOL"

const char *dm_dtype_name(dm_dtype dt)
{
    if ((int)dt < 0 || dt >= DM_DT_COUNT)
        return "?";
    return dtypes[dt].name;
}

size_t dm_dtype_size(dm_dtype dt)
{
    if ((int)dt < 0 || dt >= DM_DT_COUNT)
        return 0;
    return dtypes[dt].size;
}

int dm_dtype_parse(const char *name, dm_dtype *out)
{
    if (!name)
        return -1;
    for (int i = 0; i < DM_DT_COUNT; i++) {
        if (strcmp(name, dtypes[i].name) == 0) {
            if (out)
                *out = (dm_dtype)i;
            return 0;
        }
    }
    return -1;
}

/* ---- message helpers ---------------------------------------------------- */

/* A tensor name or JSON string as it appears inside a one-line message:
 * control bytes escaped as \xNN, long names cut (on a UTF-8 character
 * boundary) with "...". */
typedef struct {
    char s[96];
} shown;

static shown show(const char *name)
{
    shown r;
    size_t n = 0, cap = sizeof r.s;
    if (!name)
        name = "(null)";
    for (const unsigned char *p = (const unsigned char *)name; *p; p++) {
        if (n + 8 >= cap) { /* room for one escape, "..." and NUL */
            while (n > 0 && ((unsigned char)r.s[n - 1] & 0xc0) == 0x80)
                n--;
            if (n > 0 && ((unsigned char)r.s[n - 1] & 0xc0) == 0xc0)
                n--;
            memcpy(r.s + n, "...", 4);
            return r;
        }
        if (*p < 0x20 || *p == 0x7f) {
            snprintf(r.s + n, cap - n, "\\x%02x", *p);
            n += 4;
        } else {
            r.s[n++] = (char)*p;
        }
    }
    r.s[n] = '\0';
    return r;
}

typedef struct {
    char s[8 * 24 + 4];
} shape_str;

static shape_str show_shape(const int64_t *shape, int ndim)
{
    shape_str r;
    size_t n = 0;
    r.s[n++] = '[';
    for (int i = 0; i < ndim && i < DM_ST_MAX_DIMS; i++)
        n += (size_t)snprintf(r.s + n, sizeof r.s - n, "%s%" PRId64,
                              i ? ", " : "", shape[i]);
    snprintf(r.s + n, sizeof r.s - n, "]");
    return r;
}

static const char *json_type_name(const json_t *j)
{
    switch (json_typeof(j)) {
    case JSON_OBJECT: return "an object";
    case JSON_ARRAY: return "an array";
    case JSON_STRING: return "a string";
    case JSON_INTEGER: return "an integer";
    case JSON_REAL: return "a real number";
    case JSON_TRUE:
    case JSON_FALSE: return "a boolean";
    case JSON_NULL: return "null";
    }
    return "unknown";
}

/* numel and numel * elem with overflow checks (limit: INT64_MAX bytes). */
static int shape_bytes(const int64_t *shape, int ndim, size_t elem,
                       int64_t *numel, size_t *nbytes)
{
    int64_t n = 1;
    for (int i = 0; i < ndim; i++)
        if (shape[i] == 0)
            n = 0;
    if (n != 0) {
        for (int i = 0; i < ndim; i++) {
            if (shape[i] < 0 || n > INT64_MAX / shape[i])
                return -1;
            n *= shape[i];
        }
    }
    if (elem == 0 || (uint64_t)n > (uint64_t)INT64_MAX / elem ||
        (uint64_t)n > SIZE_MAX / elem)
        return -1;
    *numel = n;
    *nbytes = (size_t)n * elem;
    return 0;
}

/* ---- reader ------------------------------------------------------------- */

void dm_st_close(dm_st_file *f)
{
    if (!f)
        return;
    if (f->tensors)
        for (int i = 0; i < f->ntensors; i++)
            free(f->tensors[i].name);
    free(f->tensors);
    if (f->meta_keys)
        for (int i = 0; i < f->nmeta; i++)
            free(f->meta_keys[i]);
    if (f->meta_vals)
        for (int i = 0; i < f->nmeta; i++)
            free(f->meta_vals[i]);
    free(f->meta_keys);
    free(f->meta_vals);
    if (f->map)
        munmap(f->map, f->map_size);
    free(f->path);
    memset(f, 0, sizeof *f);
}

static int parse_metadata(dm_st_file *f, const char *path, json_t *m,
                          dm_err *err)
{
    if (!json_is_object(m))
        return dm_errf(err,
                       "%s: __metadata__ must be an object of string values, "
                       "got %s", path, json_type_name(m));
    size_t n = json_object_size(m);
    if (n > INT_MAX)
        return dm_errf(err, "%s: __metadata__ has too many entries (%zu)",
                       path, n);
    if (n == 0)
        return 0;
    f->meta_keys = calloc(n, sizeof *f->meta_keys);
    f->meta_vals = calloc(n, sizeof *f->meta_vals);
    if (!f->meta_keys || !f->meta_vals)
        return dm_errf(err, "%s: out of memory reading __metadata__", path);
    const char *key;
    json_t *val;
    json_object_foreach(m, key, val) {
        if (!json_is_string(val))
            return dm_errf(err,
                           "%s: __metadata__ must be an object of string "
                           "values, but key '%s' is %s", path, show(key).s,
                           json_type_name(val));
        int i = f->nmeta;
        f->meta_keys[i] = strdup(key);
        f->meta_vals[i] = strdup(json_string_value(val));
        f->nmeta++; /* counted before the check so close frees a half pair */
        if (!f->meta_keys[i] || !f->meta_vals[i])
            return dm_errf(err, "%s: out of memory reading __metadata__",
                           path);
    }
    return 0;
}

/* Validate one tensor entry and fill t (name excluded). data_size is the
 * size of the data section; on success t->data is still unset and the
 * range is returned in *begin / *end. */
static int parse_tensor(const char *path, const char *name, json_t *e,
                        size_t data_size, dm_st_tensor *t, uint64_t *begin,
                        uint64_t *end, dm_err *err)
{
    shown sn = show(name);
    const char *nm = sn.s;
    if (!json_is_object(e))
        return dm_errf(err, "%s: tensor '%s': entry must be an object with "
                       "dtype, shape and data_offsets, got %s", path, nm,
                       json_type_name(e));

    json_t *jd = json_object_get(e, "dtype");
    if (!jd)
        return dm_errf(err, "%s: tensor '%s': missing \"dtype\"", path, nm);
    if (!json_is_string(jd))
        return dm_errf(err, "%s: tensor '%s': dtype must be a string, got %s",
                       path, nm, json_type_name(jd));
    if (dm_dtype_parse(json_string_value(jd), &t->dtype) != 0)
        return dm_errf(err, "%s: tensor '%s': unknown dtype '%s' (expected "
                       "one of " DTYPE_LIST ")", path, nm,
                       show(json_string_value(jd)).s);

    json_t *js = json_object_get(e, "shape");
    if (!js)
        return dm_errf(err, "%s: tensor '%s': missing \"shape\"", path, nm);
    if (!json_is_array(js))
        return dm_errf(err, "%s: tensor '%s': shape must be an array of "
                       "non-negative integers, got %s", path, nm,
                       json_type_name(js));
    size_t nd = json_array_size(js);
    if (nd > DM_ST_MAX_DIMS)
        return dm_errf(err, "%s: tensor '%s': shape has %zu dimensions, at "
                       "most %d supported", path, nm, nd, DM_ST_MAX_DIMS);
    t->ndim = (int)nd;
    for (size_t i = 0; i < nd; i++) {
        json_t *d = json_array_get(js, i);
        if (!json_is_integer(d) || json_integer_value(d) < 0)
            return dm_errf(err, "%s: tensor '%s': shape must be an array of "
                           "non-negative integers, but element %zu is %s",
                           path, nm, i,
                           json_is_integer(d) ? "negative" :
                           json_type_name(d));
        t->shape[i] = (int64_t)json_integer_value(d);
    }

    json_t *jo = json_object_get(e, "data_offsets");
    if (!jo)
        return dm_errf(err, "%s: tensor '%s': missing \"data_offsets\"",
                       path, nm);
    json_t *jb = json_array_get(jo, 0), *je = json_array_get(jo, 1);
    if (!json_is_array(jo) || json_array_size(jo) != 2 ||
        !json_is_integer(jb) || !json_is_integer(je) ||
        json_integer_value(jb) < 0 || json_integer_value(je) < 0)
        return dm_errf(err, "%s: tensor '%s': data_offsets must be two "
                       "non-negative integers [begin, end]", path, nm);
    uint64_t b = (uint64_t)json_integer_value(jb);
    uint64_t en = (uint64_t)json_integer_value(je);
    if (b > en)
        return dm_errf(err, "%s: tensor '%s': data_offsets [%" PRIu64
                       ", %" PRIu64 "] has begin > end", path, nm, b, en);

    size_t esz = dm_dtype_size(t->dtype);
    if (shape_bytes(t->shape, t->ndim, esz, &t->numel, &t->nbytes) != 0)
        return dm_errf(err, "%s: tensor '%s': shape %s x %s overflows a "
                       "64-bit byte count", path, nm,
                       show_shape(t->shape, t->ndim).s,
                       dm_dtype_name(t->dtype));
    if ((uint64_t)t->nbytes != en - b)
        return dm_errf(err, "%s: tensor '%s': shape %s x %s (%zu bytes) = "
                       "%zu bytes but data_offsets [%" PRIu64 ", %" PRIu64
                       "] span %" PRIu64 " bytes", path, nm,
                       show_shape(t->shape, t->ndim).s,
                       dm_dtype_name(t->dtype), esz, t->nbytes, b, en,
                       en - b);
    if (en > (uint64_t)data_size)
        return dm_errf(err, "%s: tensor '%s': data_offsets [%" PRIu64
                       ", %" PRIu64 "] outside the data section (%zu bytes)",
                       path, nm, b, en, data_size);
    *begin = b;
    *end = en;
    return 0;
}

typedef struct {
    uint64_t begin, end;
    int idx;
} range;

static int range_cmp(const void *a, const void *b)
{
    const range *x = a, *y = b;
    if (x->begin != y->begin)
        return x->begin < y->begin ? -1 : 1;
    if (x->end != y->end)
        return x->end < y->end ? -1 : 1;
    return x->idx - y->idx;
}

/* Pairwise overlap of non-empty ranges, by sorting on begin. */
static int check_overlap(const dm_st_file *f, const char *path,
                         range *r, int n, dm_err *err)
{
    int m = 0;
    for (int i = 0; i < n; i++)
        if (r[i].end > r[i].begin)
            r[m++] = r[i];
    qsort(r, (size_t)m, sizeof *r, range_cmp);
    int far = -1; /* the range reaching furthest so far */
    for (int i = 0; i < m; i++) {
        if (far >= 0 && r[i].begin < r[far].end) {
            shown a = show(f->tensors[r[far].idx].name);
            shown b = show(f->tensors[r[i].idx].name);
            return dm_errf(err, "%s: tensors '%s' [%" PRIu64 ", %" PRIu64
                           "] and '%s' [%" PRIu64 ", %" PRIu64 "] overlap",
                           path, a.s, r[far].begin, r[far].end, b.s,
                           r[i].begin, r[i].end);
        }
        if (far < 0 || r[i].end > r[far].end)
            far = i;
    }
    /* the format asks for a data section indexed entirely, without holes: a
     * header length that is off by a byte shows up here rather than as
     * every tensor silently read shifted */
    uint64_t at = 0;
    for (int i = 0; i < m; i++) {
        if (r[i].begin != at) {
            shown a = show(f->tensors[r[i].idx].name);
            return dm_errf(err, "%s: %" PRIu64 " unindexed byte(s) in the data section before tensor '%s' "
                           "(at offset %" PRIu64 "); expected tensors to cover the data section without holes "
                           "(is the header length right?)", path, r[i].begin - at, a.s, at);
        }
        at = r[i].end;
    }
    size_t data_size = f->map_size - f->data_start;
    if (at != data_size)
        return dm_errf(err, "%s: the data section is %zu bytes but the tensors cover %" PRIu64 "; expected "
                       "them to cover it exactly (is the header length right?)", path, data_size, at);
    return 0;
}

static int parse_header(dm_st_file *f, const char *path, json_t *root,
                        dm_err *err)
{
    size_t data_size = f->map_size - f->data_start;
    size_t n = json_object_size(root);
    json_t *meta = json_object_get(root, "__metadata__");
    if (meta) {
        if (parse_metadata(f, path, meta, err) != 0)
            return -1;
        n--;
    }
    if (n > INT_MAX)
        return dm_errf(err, "%s: too many tensors (%zu)", path, n);
    if (n == 0)
        return 0;
    f->tensors = calloc(n, sizeof *f->tensors);
    range *r = calloc(n, sizeof *r);
    if (!f->tensors || !r) {
        free(r);
        return dm_errf(err, "%s: out of memory for %zu tensors", path, n);
    }
    const char *key;
    json_t *val;
    json_object_foreach(root, key, val) {
        if (strcmp(key, "__metadata__") == 0)
            continue;
        int i = f->ntensors;
        dm_st_tensor *t = &f->tensors[i];
        if (parse_tensor(path, key, val, data_size, t, &r[i].begin,
                         &r[i].end, err) != 0) {
            free(r);
            return -1;
        }
        t->name = strdup(key);
        f->ntensors++;
        if (!t->name) {
            free(r);
            return dm_errf(err, "%s: out of memory", path);
        }
        t->data = (const char *)f->map + f->data_start + r[i].begin;
        r[i].idx = i;
    }
    int rc = check_overlap(f, path, r, f->ntensors, err);
    free(r);
    return rc;
}

static int open_mapped(dm_st_file *f, const char *path, dm_err *err)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return dm_errf(err, "%s: cannot open: %s", path, strerror(errno));
    struct stat st;
    if (fstat(fd, &st) != 0) {
        int e = errno;
        close(fd);
        return dm_errf(err, "%s: cannot stat: %s", path, strerror(e));
    }
    if (!S_ISREG(st.st_mode)) {
        close(fd);
        return dm_errf(err, "%s: not a regular file", path);
    }
    if (st.st_size < 8) {
        close(fd);
        return dm_errf(err, "%s: file is %lld bytes, too short for the "
                       "8-byte header length", path, (long long)st.st_size);
    }
    if ((uintmax_t)st.st_size > SIZE_MAX) {
        close(fd);
        return dm_errf(err, "%s: file is %lld bytes, too large to map", path,
                       (long long)st.st_size);
    }
    size_t size = (size_t)st.st_size;
    void *map = mmap(NULL, size, PROT_READ, MAP_PRIVATE, fd, 0);
    int e = errno;
    close(fd);
    if (map == MAP_FAILED)
        return dm_errf(err, "%s: cannot mmap %zu bytes: %s", path, size,
                       strerror(e));
    f->map = map;
    f->map_size = size;
    return 0;
}

int dm_st_open(dm_st_file *f, const char *path, dm_err *err)
{
    if (!f)
        return dm_errf(err, "dm_st_open: file struct is NULL");
    memset(f, 0, sizeof *f);
    if (!path)
        return dm_errf(err, "dm_st_open: path is NULL");
    if (open_mapped(f, path, err) != 0)
        return -1;

    const unsigned char *p = f->map;
    uint64_t hlen = 0;
    for (int i = 7; i >= 0; i--)
        hlen = (hlen << 8) | p[i];
    if (hlen == 0) {
        dm_errf(err, "%s: header length is 0, expected a JSON object", path);
        goto fail;
    }
    if (hlen > ST_MAX_HEADER) {
        dm_errf(err, "%s: header length %" PRIu64 " exceeds the limit of "
                "%llu bytes", path, hlen, ST_MAX_HEADER);
        goto fail;
    }
    if (hlen > f->map_size - 8) {
        dm_errf(err, "%s: header length %" PRIu64 " runs past the end of the "
                "file (file is %zu bytes)", path, hlen, f->map_size);
        goto fail;
    }
    f->data_start = 8 + (size_t)hlen;

    json_error_t jerr;
    json_t *root = json_loadb((const char *)p + 8, (size_t)hlen,
                              JSON_REJECT_DUPLICATES | JSON_DECODE_ANY, &jerr);
    if (!root) {
        for (char *c = jerr.text; *c; c++) /* keep the message one line */
            if ((unsigned char)*c < 0x20 || *c == 0x7f)
                *c = '?';
        dm_errf(err, "%s: header is not valid JSON: %s at line %d column %d",
                path, jerr.text, jerr.line, jerr.column);
        goto fail;
    }
    if (!json_is_object(root)) {
        dm_errf(err, "%s: header must be a JSON object, got %s", path,
                json_type_name(root));
        json_decref(root);
        goto fail;
    }
    int rc = parse_header(f, path, root, err);
    json_decref(root);
    if (rc != 0)
        goto fail;

    f->path = strdup(path);
    if (!f->path) {
        dm_errf(err, "%s: out of memory", path);
        goto fail;
    }
    return 0;

fail:
    dm_st_close(f);
    return -1;
}

const dm_st_tensor *dm_st_find(const dm_st_file *f, const char *name)
{
    if (!f || !name)
        return NULL;
    for (int i = 0; i < f->ntensors; i++)
        if (strcmp(f->tensors[i].name, name) == 0)
            return &f->tensors[i];
    return NULL;
}

const char *dm_st_meta(const dm_st_file *f, const char *key)
{
    if (!f || !key)
        return NULL;
    for (int i = 0; i < f->nmeta; i++)
        if (strcmp(f->meta_keys[i], key) == 0)
            return f->meta_vals[i];
    return NULL;
}

int dm_st_to_f32(const dm_st_tensor *t, float *out, dm_err *err)
{
    if (!t)
        return dm_errf(err, "dm_st_to_f32: tensor is NULL");
    const unsigned char *p = t->data;
    int64_t n = t->numel;
    if (n > 0 && (!p || !out))
        return dm_errf(err, "tensor '%s': NULL data or output buffer",
                       show(t->name).s);
    switch (t->dtype) {
    case DM_DT_F32:
        if (n > 0)
            memcpy(out, p, (size_t)n * 4);
        return 0;
    case DM_DT_F16:
        for (int64_t i = 0; i < n; i++) {
            uint16_t h;
            memcpy(&h, p + 2 * i, 2);
            out[i] = dm_f16_to_f32(h);
        }
        return 0;
    case DM_DT_BF16:
        for (int64_t i = 0; i < n; i++) {
            uint16_t h;
            memcpy(&h, p + 2 * i, 2);
            out[i] = dm_bf16_to_f32(h);
        }
        return 0;
    case DM_DT_F64:
        for (int64_t i = 0; i < n; i++) {
            double d;
            memcpy(&d, p + 8 * i, 8);
            out[i] = (float)d;
        }
        return 0;
    case DM_DT_I8:
        for (int64_t i = 0; i < n; i++)
            out[i] = (float)(int8_t)p[i];
        return 0;
    default:
        return dm_errf(err, "tensor '%s': cannot convert dtype %s to float "
                       "(supported: F32, F16, BF16, F64, I8)",
                       show(t->name).s, dm_dtype_name(t->dtype));
    }
}

/* ---- writer ------------------------------------------------------------- */

static int write_all(int fd, const void *buf, size_t n)
{
    const char *p = buf;
    while (n > 0) {
        size_t chunk = n > (1u << 30) ? (1u << 30) : n;
        ssize_t w = write(fd, p, chunk);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        if (w == 0) {
            errno = EIO;
            return -1;
        }
        p += w;
        n -= (size_t)w;
    }
    return 0;
}

/* Build the compact JSON header; offsets are assigned in tensor order. */
static char *build_header(const char *path, const dm_st_wtensor *tensors,
                          int ntensors, const char *const *meta, int nmeta,
                          size_t *nbytes, dm_err *err)
{
    json_t *root = json_object();
    if (!root) {
        dm_errf(err, "%s: out of memory building the header", path);
        return NULL;
    }
    if (nmeta > 0) {
        json_t *m = json_object();
        if (!m || json_object_set_new(root, "__metadata__", m) != 0) {
            dm_errf(err, "%s: out of memory building the header", path);
            goto fail;
        }
        for (int i = 0; i < nmeta; i++) {
            const char *k = meta[2 * i], *v = meta[2 * i + 1];
            if (!k || !v) {
                dm_errf(err, "%s: metadata entry %d has a NULL %s", path, i,
                        k ? "value" : "key");
                goto fail;
            }
            if (json_object_get(m, k)) {
                dm_errf(err, "%s: duplicate metadata key '%s'", path,
                        show(k).s);
                goto fail;
            }
            json_t *jv = json_string(v);
            if (!jv) {
                dm_errf(err, "%s: metadata key '%s': value is not valid "
                        "UTF-8", path, show(k).s);
                goto fail;
            }
            if (json_object_set_new(m, k, jv) != 0) {
                dm_errf(err, "%s: metadata key '%s' is not valid UTF-8",
                        path, show(k).s);
                goto fail;
            }
        }
    }

    uint64_t off = 0;
    for (int i = 0; i < ntensors; i++) {
        const dm_st_wtensor *t = &tensors[i];
        if (!t->name) {
            dm_errf(err, "%s: tensor #%d has a NULL name", path, i);
            goto fail;
        }
        shown nm = show(t->name);
        if (strcmp(t->name, "__metadata__") == 0) {
            dm_errf(err, "%s: tensor name '__metadata__' is reserved", path);
            goto fail;
        }
        if (json_object_get(root, t->name)) {
            dm_errf(err, "%s: duplicate tensor name '%s'", path, nm.s);
            goto fail;
        }
        if ((int)t->dtype < 0 || t->dtype >= DM_DT_COUNT) {
            dm_errf(err, "%s: tensor '%s': unknown dtype %d (expected one of "
                    DTYPE_LIST ")", path, nm.s, (int)t->dtype);
            goto fail;
        }
        if (t->ndim < 0 || t->ndim > DM_ST_MAX_DIMS) {
            dm_errf(err, "%s: tensor '%s': ndim %d, expected 0..%d", path,
                    nm.s, t->ndim, DM_ST_MAX_DIMS);
            goto fail;
        }
        for (int d = 0; d < t->ndim; d++) {
            if (t->shape[d] < 0) {
                dm_errf(err, "%s: tensor '%s': shape %s has a negative "
                        "dimension", path, nm.s,
                        show_shape(t->shape, t->ndim).s);
                goto fail;
            }
        }
        int64_t numel;
        size_t nb;
        if (shape_bytes(t->shape, t->ndim, dm_dtype_size(t->dtype), &numel,
                        &nb) != 0 || (uint64_t)nb > (uint64_t)INT64_MAX - off) {
            dm_errf(err, "%s: tensor '%s': shape %s x %s overflows a 64-bit "
                    "byte count", path, nm.s,
                    show_shape(t->shape, t->ndim).s, dm_dtype_name(t->dtype));
            goto fail;
        }
        if (numel > 0 && !t->data) {
            dm_errf(err, "%s: tensor '%s': data is NULL but shape %s has %"
                    PRId64 " elements", path, nm.s,
                    show_shape(t->shape, t->ndim).s, numel);
            goto fail;
        }
        json_t *e = json_object(), *shape = json_array(),
               *offs = json_array();
        int bad = !e || !shape || !offs;
        bad = bad || json_object_set_new(e, "dtype",
                                         json_string(dm_dtype_name(t->dtype)));
        for (int d = 0; d < t->ndim && !bad; d++)
            bad = json_array_append_new(shape, json_integer(t->shape[d]));
        bad = bad || json_object_set(e, "shape", shape);
        bad = bad || json_array_append_new(offs, json_integer((json_int_t)off));
        bad = bad || json_array_append_new(
                         offs, json_integer((json_int_t)(off + nb)));
        bad = bad || json_object_set(e, "data_offsets", offs);
        json_decref(shape);
        json_decref(offs);
        if (bad || json_object_set_new(root, t->name, e) != 0) {
            if (bad)
                json_decref(e);
            dm_errf(err, "%s: tensor '%s': cannot add to header (name not "
                    "valid UTF-8, or out of memory)", path, nm.s);
            goto fail;
        }
        off += nb;
    }

    char *s = json_dumps(root, JSON_COMPACT | JSON_PRESERVE_ORDER);
    json_decref(root);
    if (!s) {
        dm_errf(err, "%s: cannot serialize the header", path);
        return NULL;
    }
    *nbytes = strlen(s);
    return s;

fail:
    json_decref(root);
    return NULL;
}

int dm_st_write(const char *path, const dm_st_wtensor *tensors, int ntensors,
                const char *const *meta, int nmeta, dm_err *err)
{
    if (!path)
        return dm_errf(err, "dm_st_write: path is NULL");
    if (ntensors < 0 || (ntensors > 0 && !tensors))
        return dm_errf(err, "%s: bad tensor list (%d tensors, array %s)",
                       path, ntensors, tensors ? "set" : "NULL");
    if (nmeta < 0 || (nmeta > 0 && !meta))
        return dm_errf(err, "%s: bad metadata list (%d pairs, array %s)",
                       path, nmeta, meta ? "set" : "NULL");

    size_t hlen;
    char *hdr = build_header(path, tensors, ntensors, meta, nmeta, &hlen, err);
    if (!hdr)
        return -1;
    size_t padded = (hlen + 7) & ~(size_t)7;

    size_t plen = strlen(path);
    char *tmp = malloc(plen + 5);
    if (!tmp) {
        free(hdr);
        return dm_errf(err, "%s: out of memory", path);
    }
    memcpy(tmp, path, plen);
    memcpy(tmp + plen, ".tmp", 5);

    int fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) {
        dm_errf(err, "%s: cannot create: %s", tmp, strerror(errno));
        free(hdr);
        free(tmp);
        return -1;
    }

    unsigned char len8[8];
    for (int i = 0; i < 8; i++)
        len8[i] = (unsigned char)((uint64_t)padded >> (8 * i));
    static const char spaces[8] = "       ";
    const char *what = "write";
    int ok = write_all(fd, len8, 8) == 0 && write_all(fd, hdr, hlen) == 0 &&
             write_all(fd, spaces, padded - hlen) == 0;
    for (int i = 0; i < ntensors && ok; i++) {
        const dm_st_wtensor *t = &tensors[i];
        int64_t numel;
        size_t nb;
        shape_bytes(t->shape, t->ndim, dm_dtype_size(t->dtype), &numel, &nb);
        if (nb > 0)
            ok = write_all(fd, t->data, nb) == 0;
    }
    if (ok && fsync(fd) != 0) {
        what = "fsync";
        ok = 0;
    }
    int e = errno;
    if (close(fd) != 0 && ok) {
        e = errno;
        what = "close";
        ok = 0;
    }
    free(hdr);
    if (!ok) {
        dm_errf(err, "%s: %s failed: %s", tmp, what, strerror(e));
        unlink(tmp);
        free(tmp);
        return -1;
    }
    if (rename(tmp, path) != 0) {
        dm_errf(err, "%s: cannot rename %s over it: %s", path, tmp,
                strerror(errno));
        unlink(tmp);
        free(tmp);
        return -1;
    }
    free(tmp);
    return 0;
}
