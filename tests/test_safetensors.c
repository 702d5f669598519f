/* test_safetensors.c - Criterion tests for src/io/safetensors.c: writer ->
 * reader round trips, half-precision conversions, one test per malformed
 * input asserting its specific message, writer input validation, and a
 * deterministic random-mutation loop that must never crash. Every test works
 * in its own mkdtemp directory under /tmp, removed afterwards. */
#define _XOPEN_SOURCE 700
#include <criterion/criterion.h>

#include <errno.h>
#include <ftw.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "safetensors.h"
#include "util.h"

/* ---- fixture and helpers ------------------------------------------------ */

static char tmpdir[64];

static void setup(void)
{
    strcpy(tmpdir, "/tmp/dm_st_test_XXXXXX");
    cr_assert_not_null(mkdtemp(tmpdir), "mkdtemp: %s", strerror(errno));
}

static int rm_entry(const char *p, const struct stat *sb, int flag,
                    struct FTW *ftw)
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

TestSuite(safetensors, .init = setup, .fini = teardown);

/* Path of NAME inside the test directory (a few rotating buffers). */
static const char *tp(const char *name)
{
    static char buf[4][256];
    static int k;
    char *b = buf[k++ & 3];
    snprintf(b, sizeof buf[0], "%s/%s", tmpdir, name);
    return b;
}

static void write_bytes(const char *path, const void *buf, size_t n)
{
    FILE *fp = fopen(path, "wb");
    cr_assert_not_null(fp, "fopen %s: %s", path, strerror(errno));
    if (n)
        cr_assert_eq(fwrite(buf, 1, n, fp), n);
    cr_assert_eq(fclose(fp), 0);
}

/* <u64 little-endian hlen><json><data>; hlen is strlen(json). */
static void write_st_len(const char *path, uint64_t hlen, const char *json,
                         const void *data, size_t ndata)
{
    size_t nj = strlen(json);
    unsigned char *buf = malloc(8 + nj + ndata + 1);
    cr_assert_not_null(buf);
    for (int i = 0; i < 8; i++)
        buf[i] = (unsigned char)(hlen >> (8 * i));
    memcpy(buf + 8, json, nj);
    if (ndata)
        memcpy(buf + 8 + nj, data, ndata);
    write_bytes(path, buf, 8 + nj + ndata);
    free(buf);
}

static void write_st(const char *path, const char *json, const void *data,
                     size_t ndata)
{
    write_st_len(path, strlen(json), json, data, ndata);
}

static unsigned char *read_all(const char *path, size_t *n)
{
    FILE *fp = fopen(path, "rb");
    cr_assert_not_null(fp, "fopen %s: %s", path, strerror(errno));
    fseek(fp, 0, SEEK_END);
    long sz = ftell(fp);
    fseek(fp, 0, SEEK_SET);
    unsigned char *buf = malloc((size_t)sz + 1);
    cr_assert_not_null(buf);
    cr_assert_eq(fread(buf, 1, (size_t)sz, fp), (size_t)sz);
    fclose(fp);
    *n = (size_t)sz;
    return buf;
}

static int is_zeroed(const dm_st_file *f)
{
    static const dm_st_file z;
    return memcmp(f, &z, sizeof z) == 0;
}

/* Open PATH expecting failure with PHRASE in the message. */
static void expect_fail(const char *path, const char *phrase)
{
    dm_st_file f;
    dm_err err = {{0}};
    int rc = dm_st_open(&f, path, &err);
    cr_assert_eq(rc, -1, "expected failure (%s) but open succeeded", phrase);
    cr_assert_not_null(strstr(err.msg, phrase),
                       "message \"%s\" lacks \"%s\"", err.msg, phrase);
    cr_assert_not_null(strstr(err.msg, path), "message \"%s\" lacks the path",
                       err.msg);
    cr_assert_null(strchr(err.msg, '\n'), "message has a newline: %s",
                   err.msg);
    cr_assert(is_zeroed(&f), "f not zeroed after a failed open");
    dm_st_close(&f);
}

/* Write raw header JSON + data, expect failure with PHRASE. */
static void expect_fail_json(const char *json, const void *data,
                             size_t ndata, const char *phrase)
{
    const char *p = tp("bad.safetensors");
    write_st(p, json, data, ndata);
    expect_fail(p, phrase);
}

static void open_ok(dm_st_file *f, const char *path)
{
    dm_err err = {{0}};
    int rc = dm_st_open(f, path, &err);
    cr_assert_eq(rc, 0, "open failed: %s", err.msg);
}

static uint32_t f2u(float f)
{
    uint32_t u;
    memcpy(&u, &f, 4);
    return u;
}

/* ---- round trip --------------------------------------------------------- */

Test(safetensors, roundtrip)
{
    float a[6] = {1.0f, -2.5f, 3.25f, 0.0f, -0.0f, 1e-3f};
    float hsrc[5] = {1.0f, -2.0f, 0.333333f, 65504.0f, 1e-7f};
    uint16_t h[5], b[4];
    float bsrc[4] = {1.0f, 3.14159265f, -1e30f, 0.1f};
    for (int i = 0; i < 5; i++)
        h[i] = dm_f32_to_f16(hsrc[i]);
    for (int i = 0; i < 4; i++)
        b[i] = dm_f32_to_bf16(bsrc[i]);
    int8_t q[5] = {-128, -1, 0, 1, 127};
    float scalar = 42.0f;

    dm_st_wtensor w[] = {
        {"z.weight", DM_DT_F32, 2, {2, 3}, a},
        {"half", DM_DT_F16, 1, {5}, h},
        {"brain", DM_DT_BF16, 2, {2, 2}, b},
        {"a.q", DM_DT_I8, 1, {5}, q},
        {"scalar", DM_DT_F32, 0, {0}, &scalar},
        {"empty", DM_DT_F32, 2, {0, 3}, NULL},
    };
    const char *meta[] = {"format", "pt", "note", "h\xc3\xa9llo \"quoted\""};
    const char *p = tp("rt.safetensors");
    dm_err err = {{0}};
    cr_assert_eq(dm_st_write(p, w, 6, meta, 2, &err), 0, "%s", err.msg);
    cr_assert_neq(access(tp("rt.safetensors.tmp"), F_OK), 0,
                  "tmp file left behind");

    /* raw layout: __metadata__ first, header padded with spaces */
    size_t n;
    unsigned char *raw = read_all(p, &n);
    uint64_t hlen = 0;
    for (int i = 7; i >= 0; i--)
        hlen = (hlen << 8) | raw[i];
    cr_assert_eq(hlen % 8, 0);
    cr_assert_eq(memcmp(raw + 8, "{\"__metadata__\":", 16), 0);
    cr_assert_eq(raw[8 + hlen - 1] == ' ' || raw[8 + hlen - 1] == '}', 1);
    free(raw);

    dm_st_file f;
    open_ok(&f, p);
    cr_assert_eq(f.data_start % 8, 0);
    cr_assert_eq(f.ntensors, 6);
    const char *order[] = {"z.weight", "half", "brain", "a.q", "scalar",
                           "empty"};
    for (int i = 0; i < 6; i++) {
        cr_assert_str_eq(f.tensors[i].name, order[i]);
        cr_assert_eq(f.tensors[i].dtype, w[i].dtype);
        cr_assert_eq(f.tensors[i].ndim, w[i].ndim);
        for (int d = 0; d < w[i].ndim; d++)
            cr_assert_eq(f.tensors[i].shape[d], w[i].shape[d]);
    }

    const dm_st_tensor *t = dm_st_find(&f, "z.weight");
    cr_assert_not_null(t);
    cr_assert_eq(t->numel, 6);
    cr_assert_eq(t->nbytes, 24);
    cr_assert_eq(memcmp(t->data, a, sizeof a), 0);
    float out[6];
    cr_assert_eq(dm_st_to_f32(t, out, &err), 0, "%s", err.msg);
    for (int i = 0; i < 6; i++)
        cr_assert_eq(f2u(out[i]), f2u(a[i]));

    t = dm_st_find(&f, "half");
    cr_assert_eq(t->nbytes, 10);
    cr_assert_eq(dm_st_to_f32(t, out, &err), 0, "%s", err.msg);
    cr_assert_eq(out[0], 1.0f);
    cr_assert_eq(out[1], -2.0f);
    cr_assert_eq(out[2], dm_f16_to_f32(dm_f32_to_f16(0.333333f)));
    cr_assert_eq(out[3], 65504.0f);
    cr_assert_eq(out[4], dm_f16_to_f32(dm_f32_to_f16(1e-7f)));

    t = dm_st_find(&f, "brain");
    cr_assert_eq(t->numel, 4);
    cr_assert_eq(dm_st_to_f32(t, out, &err), 0, "%s", err.msg);
    cr_assert_eq(out[0], 1.0f);
    cr_assert_eq(f2u(out[1]), 0x40490000u);
    for (int i = 0; i < 4; i++)
        cr_assert_eq(f2u(out[i]), (uint32_t)b[i] << 16);

    t = dm_st_find(&f, "a.q");
    cr_assert_eq(dm_st_to_f32(t, out, &err), 0, "%s", err.msg);
    for (int i = 0; i < 5; i++)
        cr_assert_eq(out[i], (float)q[i]);

    t = dm_st_find(&f, "scalar");
    cr_assert_eq(t->ndim, 0);
    cr_assert_eq(t->numel, 1);
    cr_assert_eq(dm_st_to_f32(t, out, &err), 0, "%s", err.msg);
    cr_assert_eq(out[0], 42.0f);

    t = dm_st_find(&f, "empty");
    cr_assert_eq(t->numel, 0);
    cr_assert_eq(t->nbytes, 0);
    cr_assert_eq(dm_st_to_f32(t, out, &err), 0, "%s", err.msg);

    cr_assert_null(dm_st_find(&f, "nope"));
    cr_assert_eq(f.nmeta, 2);
    cr_assert_str_eq(f.meta_keys[0], "format");
    cr_assert_str_eq(f.meta_keys[1], "note");
    cr_assert_str_eq(dm_st_meta(&f, "format"), "pt");
    cr_assert_str_eq(dm_st_meta(&f, "note"), "h\xc3\xa9llo \"quoted\"");
    cr_assert_null(dm_st_meta(&f, "missing"));
    cr_assert_str_eq(f.path, p);
    dm_st_close(&f);
    cr_assert(is_zeroed(&f));
}

Test(safetensors, roundtrip_no_meta_no_tensors)
{
    const char *p = tp("empty.safetensors");
    dm_err err = {{0}};
    cr_assert_eq(dm_st_write(p, NULL, 0, NULL, 0, &err), 0, "%s", err.msg);
    size_t n;
    unsigned char *raw = read_all(p, &n);
    cr_assert_eq(n, 16); /* "{}" padded to 8 */
    cr_assert_eq(memcmp(raw + 8, "{}      ", 8), 0);
    free(raw);
    dm_st_file f;
    open_ok(&f, p);
    cr_assert_eq(f.ntensors, 0);
    cr_assert_eq(f.nmeta, 0);
    dm_st_close(&f);
}

Test(safetensors, overwrite_existing)
{
    const char *p = tp("ow.safetensors");
    float x = 1.0f, y[2] = {2.0f, 3.0f};
    dm_st_wtensor w1 = {"x", DM_DT_F32, 1, {1}, &x};
    dm_st_wtensor w2 = {"y", DM_DT_F32, 1, {2}, y};
    dm_err err = {{0}};
    cr_assert_eq(dm_st_write(p, &w1, 1, NULL, 0, &err), 0, "%s", err.msg);
    cr_assert_eq(dm_st_write(p, &w2, 1, NULL, 0, &err), 0, "%s", err.msg);
    dm_st_file f;
    open_ok(&f, p);
    cr_assert_eq(f.ntensors, 1);
    cr_assert_str_eq(f.tensors[0].name, "y");
    dm_st_close(&f);
}

Test(safetensors, header_order_kept_when_offsets_unsorted)
{
    unsigned char data[12] = {0};
    const char *p = tp("order.safetensors");
    write_st(p,
             "{\"b\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[4,12]},"
             "\"a\":{\"dtype\":\"U8\",\"shape\":[4],\"data_offsets\":[0,4]}}",
             data, sizeof data);
    dm_st_file f;
    open_ok(&f, p);
    cr_assert_eq(f.ntensors, 2);
    cr_assert_str_eq(f.tensors[0].name, "b");
    cr_assert_str_eq(f.tensors[1].name, "a");
    cr_assert_eq((const char *)f.tensors[0].data - (const char *)f.map,
                 (long)f.data_start + 4);
    dm_st_close(&f);
}

Test(safetensors, unaligned_f32_f64)
{
    /* header of odd length -> data section unaligned */
    unsigned char data[4 * 3 + 8];
    float v[3] = {1.5f, -7.0f, 1e20f};
    double d = -0.125;
    memcpy(data, v, 12);
    memcpy(data + 12, &d, 8);
    char json[256] =
        "{\"v\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[0,12]},"
        "\"d\":{\"dtype\":\"F64\",\"shape\":[1,1],\"data_offsets\":[12,20]}}";
    while ((8 + strlen(json)) % 4 != 1) /* pad: data starts at 4k + 1 */
        strcat(json, " ");
    const char *p = tp("unal.safetensors");
    write_st(p, json, data, sizeof data);
    dm_st_file f;
    open_ok(&f, p);
    cr_assert_neq(f.data_start % 4, 0, "test wants an unaligned data section");
    dm_err err = {{0}};
    float out[3];
    cr_assert_eq(dm_st_to_f32(dm_st_find(&f, "v"), out, &err), 0);
    cr_assert_eq(out[0], 1.5f);
    cr_assert_eq(out[1], -7.0f);
    cr_assert_eq(out[2], 1e20f);
    cr_assert_eq(dm_st_to_f32(dm_st_find(&f, "d"), out, &err), 0);
    cr_assert_eq(out[0], -0.125f);
    dm_st_close(&f);
}

/* The format indexes the data section entirely: trailing bytes or a hole
 * are refused, which is what a header length off by one byte looks like
 * (every tensor would otherwise be read shifted, silently). */
Test(safetensors, data_section_must_be_covered_exactly)
{
    float v[4] = {1, 2, 3, 4};
    unsigned char data[17] = {0};
    memcpy(data, v, 16);
    expect_fail_json("{\"v\":{\"dtype\":\"F32\",\"shape\":[4],\"data_offsets\":[0,16]}}", data, 17,
                     "the data section is 17 bytes but the tensors cover 16");
    expect_fail_json("{\"v\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[0,8]},"
                     "\"w\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[12,16]}}",
                     data, 16, "4 unindexed byte(s) in the data section before tensor 'w'");
    /* the header length one byte short: the last padding space becomes data */
    char json[256] = "{\"v\":{\"dtype\":\"F32\",\"shape\":[4],\"data_offsets\":[0,16]}}";
    while ((8 + strlen(json)) % 8 != 0)
        strcat(json, " ");
    const char *p = tp("short.safetensors");
    size_t nj = strlen(json);
    unsigned char *buf = malloc(8 + nj + 16);
    cr_assert_not_null(buf);
    uint64_t hlen = nj - 1;
    for (int i = 0; i < 8; i++)
        buf[i] = (unsigned char)(hlen >> (8 * i));
    memcpy(buf + 8, json, nj);
    memcpy(buf + 8 + nj, v, 16);
    FILE *fp = fopen(p, "wb");
    cr_assert_not_null(fp);
    cr_assert_eq(fwrite(buf, 1, 8 + nj + 16, fp), 8 + nj + 16);
    fclose(fp);
    free(buf);
    expect_fail(p, "the data section is 17 bytes but the tensors cover 16");
}

Test(safetensors, empty_tensors_do_not_overlap)
{
    unsigned char data[16] = {0};
    const char *p = tp("emp.safetensors");
    write_st(p,
             "{\"a\":{\"dtype\":\"F32\",\"shape\":[4],\"data_offsets\":[0,16]},"
             "\"e\":{\"dtype\":\"F32\",\"shape\":[0,5],\"data_offsets\":[8,8]},"
             "\"e2\":{\"dtype\":\"I64\",\"shape\":[0],\"data_offsets\":[16,16]}"
             "}",
             data, sizeof data);
    dm_st_file f;
    open_ok(&f, p);
    cr_assert_eq(f.ntensors, 3);
    cr_assert_eq(dm_st_find(&f, "e")->numel, 0);
    dm_st_close(&f);
}

Test(safetensors, zero_dim_with_huge_dims_is_empty)
{
    const char *p = tp("z.safetensors");
    write_st(p,
             "{\"e\":{\"dtype\":\"F64\",\"shape\":[9223372036854775807,0,"
             "9223372036854775807],\"data_offsets\":[0,0]}}",
             NULL, 0);
    dm_st_file f;
    open_ok(&f, p);
    cr_assert_eq(f.tensors[0].numel, 0);
    dm_st_close(&f);
}

Test(safetensors, close_zeroed_and_twice)
{
    dm_st_file f;
    memset(&f, 0, sizeof f);
    dm_st_close(&f);
    dm_st_close(&f);
    dm_st_close(NULL);
    float x = 1.0f;
    dm_st_wtensor w = {"x", DM_DT_F32, 1, {1}, &x};
    dm_err err = {{0}};
    cr_assert_eq(dm_st_write(tp("c.safetensors"), &w, 1, NULL, 0, &err), 0);
    open_ok(&f, tp("c.safetensors"));
    dm_st_close(&f);
    dm_st_close(&f);
    cr_assert(is_zeroed(&f));
}

Test(safetensors, dtype_table)
{
    const char *names[] = {"F32", "F16", "BF16", "F64", "I8",
                           "U8",  "I16", "I32",  "I64", "BOOL"};
    size_t sizes[] = {4, 2, 2, 8, 1, 1, 2, 4, 8, 1};
    for (int i = 0; i < DM_DT_COUNT; i++) {
        dm_dtype dt;
        cr_assert_str_eq(dm_dtype_name((dm_dtype)i), names[i]);
        cr_assert_eq(dm_dtype_size((dm_dtype)i), sizes[i]);
        cr_assert_eq(dm_dtype_parse(names[i], &dt), 0);
        cr_assert_eq(dt, (dm_dtype)i);
    }
    dm_dtype dt;
    cr_assert_eq(dm_dtype_parse("f32", &dt), -1);
    cr_assert_eq(dm_dtype_parse("F8_E4M3", &dt), -1);
    cr_assert_eq(dm_dtype_parse(NULL, &dt), -1);
    cr_assert_eq(dm_dtype_size(DM_DT_COUNT), 0);
}

/* ---- half precision ----------------------------------------------------- */

Test(safetensors, f16_known_values)
{
    cr_assert_eq(dm_f32_to_f16(1.0f), 0x3c00);
    cr_assert_eq(dm_f32_to_f16(-2.0f), 0xc000);
    cr_assert_eq(dm_f32_to_f16(0.0f), 0x0000);
    cr_assert_eq(dm_f32_to_f16(-0.0f), 0x8000);
    cr_assert_eq(dm_f32_to_f16(65504.0f), 0x7bff);
    cr_assert_eq(dm_f32_to_f16(65519.0f), 0x7bff);
    cr_assert_eq(dm_f32_to_f16(65520.0f), 0x7c00); /* ties away to inf */
    cr_assert_eq(dm_f32_to_f16(INFINITY), 0x7c00);
    cr_assert_eq(dm_f32_to_f16(-INFINITY), 0xfc00);
    uint16_t hn = dm_f32_to_f16(NAN);
    cr_assert_eq(hn & 0x7c00, 0x7c00);
    cr_assert_neq(hn & 0x03ff, 0);
    cr_assert_eq(dm_f32_to_f16(0x1p-14f), 0x0400); /* smallest normal */
    cr_assert_eq(dm_f32_to_f16(0x1p-24f), 0x0001); /* smallest subnormal */
    cr_assert_eq(dm_f32_to_f16(0.333251953125f), 0x3555);

    /* round to nearest even, normal range: ulp(1) = 2^-10 */
    cr_assert_eq(dm_f32_to_f16(1.0f + 0x1p-11f), 0x3c00);           /* tie, even down */
    cr_assert_eq(dm_f32_to_f16(1.0f + 3 * 0x1p-11f), 0x3c02);       /* tie, even up */
    cr_assert_eq(dm_f32_to_f16(1.0f + 0x1p-11f + 0x1p-20f), 0x3c01); /* above tie */
    cr_assert_eq(dm_f32_to_f16(1.0f + 0x1p-11f - 0x1p-20f), 0x3c00); /* below tie */
    /* subnormal range: ulp = 2^-24 */
    cr_assert_eq(dm_f32_to_f16(0x1p-25f), 0x0000);      /* tie, even down */
    cr_assert_eq(dm_f32_to_f16(3 * 0x1p-25f), 0x0002);  /* tie, even up */
    cr_assert_eq(dm_f32_to_f16(0x1.1p-25f), 0x0001);    /* above tie */
    cr_assert_eq(dm_f32_to_f16(-3 * 0x1p-25f), 0x8002);
    /* largest subnormal rounding up into the smallest normal */
    cr_assert_eq(dm_f32_to_f16(0x1p-14f - 0x1p-26f), 0x0400);

    cr_assert_eq(dm_f16_to_f32(0x3c00), 1.0f);
    cr_assert_eq(dm_f16_to_f32(0x0001), 0x1p-24f);
    cr_assert_eq(dm_f16_to_f32(0x03ff), 1023 * 0x1p-24f);
    cr_assert_eq(dm_f16_to_f32(0x7bff), 65504.0f);
    cr_assert_eq(dm_f16_to_f32(0x3555), 0.333251953125f);
    cr_assert_eq(f2u(dm_f16_to_f32(0x8000)), 0x80000000u);
    cr_assert(isinf(dm_f16_to_f32(0xfc00)) && dm_f16_to_f32(0xfc00) < 0);
    cr_assert(isnan(dm_f16_to_f32(0x7e00)));

    /* every non-NaN half survives half -> float -> half */
    for (uint32_t h = 0; h < 0x10000; h++) {
        if ((h & 0x7c00) == 0x7c00 && (h & 0x3ff))
            continue;
        cr_assert_eq(dm_f32_to_f16(dm_f16_to_f32((uint16_t)h)), h,
                     "half 0x%04x", h);
    }
}

Test(safetensors, bf16_known_values)
{
    cr_assert_eq(dm_f32_to_bf16(1.0f), 0x3f80);
    cr_assert_eq(dm_f32_to_bf16(-2.0f), 0xc000);
    cr_assert_eq(dm_f32_to_bf16(3.14159265f), 0x4049);
    cr_assert_eq(dm_f32_to_bf16(1.0f + 0x1p-8f), 0x3f80);           /* tie, even down */
    cr_assert_eq(dm_f32_to_bf16(1.0f + 3 * 0x1p-8f), 0x3f82);       /* tie, even up */
    cr_assert_eq(dm_f32_to_bf16(1.0f + 0x1p-8f + 0x1p-20f), 0x3f81); /* above tie */
    cr_assert_eq(dm_f32_to_bf16(INFINITY), 0x7f80);
    cr_assert_eq(dm_f32_to_bf16(0x1.fffffep127f), 0x7f80); /* overflows to inf */
    uint16_t bn = dm_f32_to_bf16(NAN);
    cr_assert_eq(bn & 0x7f80, 0x7f80);
    cr_assert_neq(bn & 0x7f, 0);
    cr_assert_eq(dm_bf16_to_f32(0x3f80), 1.0f);
    cr_assert_eq(dm_bf16_to_f32(0x4049), 3.140625f);
    for (uint32_t h = 0; h < 0x10000; h++) {
        if ((h & 0x7f80) == 0x7f80 && (h & 0x7f))
            continue;
        cr_assert_eq(dm_f32_to_bf16(dm_bf16_to_f32((uint16_t)h)), h,
                     "bf16 0x%04x", h);
    }
}

Test(safetensors, to_f32_unsupported_dtype)
{
    unsigned char data[4] = {1, 2, 3, 4};
    const char *p = tp("u8.safetensors");
    write_st(p,
             "{\"mask\":{\"dtype\":\"U8\",\"shape\":[4],\"data_offsets\":[0,4]}}",
             data, 4);
    dm_st_file f;
    open_ok(&f, p);
    float out[4];
    dm_err err = {{0}};
    cr_assert_eq(dm_st_to_f32(&f.tensors[0], out, &err), -1);
    cr_assert_not_null(strstr(err.msg, "tensor 'mask'"), "%s", err.msg);
    cr_assert_not_null(strstr(err.msg, "U8"), "%s", err.msg);
    dm_st_close(&f);
}

/* ---- malformed files ---------------------------------------------------- */

Test(safetensors, missing_file)
{
    const char *p = tp("does-not-exist.safetensors");
    expect_fail(p, strerror(ENOENT));
    expect_fail(p, "cannot open");
}

Test(safetensors, not_a_regular_file)
{
    expect_fail(tmpdir, "not a regular file");
}

Test(safetensors, truncated_below_header_length)
{
    const char *p = tp("short.safetensors");
    write_bytes(p, "\x10\0\0\0\0", 5);
    expect_fail(p, "file is 5 bytes, too short for the 8-byte header length");
    write_bytes(p, "", 0);
    expect_fail(p, "file is 0 bytes, too short");
}

Test(safetensors, data_section_cut_short)
{
    unsigned char data[8] = {0};
    expect_fail_json(
        "{\"x\":{\"dtype\":\"F32\",\"shape\":[3],\"data_offsets\":[0,12]}}",
        data, sizeof data,
        "tensor 'x': data_offsets [0, 12] outside the data section (8 bytes)");
}

Test(safetensors, header_length_past_end)
{
    const char *p = tp("past.safetensors");
    char json[113];
    memset(json, ' ', 112);
    json[0] = '{';
    json[1] = '}';
    json[112] = '\0';
    write_st_len(p, 9999, json, NULL, 0);
    expect_fail(p, "header length 9999 runs past the end of the file "
                   "(file is 120 bytes)");
    /* off by one: header claims one byte more than there is */
    write_st_len(p, 113, json, NULL, 0);
    expect_fail(p, "header length 113 runs past the end");
    /* a length near 2^64 must not wrap around */
    write_st_len(p, UINT64_MAX, json, NULL, 0);
    expect_fail(p, "header length");
}

Test(safetensors, header_length_zero_or_huge)
{
    const char *p = tp("len.safetensors");
    write_st_len(p, 0, "{}", NULL, 0);
    expect_fail(p, "header length is 0");
    write_st_len(p, 200000000, "{}", NULL, 0);
    expect_fail(p, "header length 200000000 exceeds the limit");
}

Test(safetensors, bad_json)
{
    expect_fail_json("{\"x\": {\"dtype\": ", NULL, 0,
                     "header is not valid JSON: ");
    expect_fail_json("{\"x\": {\"dtype\": ", NULL, 0, "at line 1 column");
    expect_fail_json("{\"a\":1}  x", NULL, 0, "header is not valid JSON");
    expect_fail_json("{\"a\xff\":1}", NULL, 0, "header is not valid JSON");
    /* raw NUL inside the header */
    const char *p = tp("nul.safetensors");
    unsigned char raw[8 + 6] = {6, 0, 0, 0, 0, 0, 0, 0,
                                '{', '"', 'a', 0, '"', '}'};
    write_bytes(p, raw, sizeof raw);
    expect_fail(p, "header is not valid JSON");
}

Test(safetensors, duplicate_keys)
{
    expect_fail_json(
        "{\"x\":{\"dtype\":\"U8\",\"shape\":[1],\"data_offsets\":[0,1]},"
        "\"x\":{\"dtype\":\"U8\",\"shape\":[1],\"data_offsets\":[1,2]}}",
        "ab", 2, "duplicate object key");
}

Test(safetensors, header_not_object)
{
    expect_fail_json("[1, 2]", NULL, 0,
                     "header must be a JSON object, got an array");
    expect_fail_json("5       ", NULL, 0, "header must be a JSON object");
    expect_fail_json("\"str\"", NULL, 0, "header must be a JSON object");
}

Test(safetensors, unknown_dtype)
{
    expect_fail_json(
        "{\"x\":{\"dtype\":\"Q7\",\"shape\":[1],\"data_offsets\":[0,1]}}",
        "a", 1,
        "tensor 'x': unknown dtype 'Q7' (expected one of F32, F16, BF16, "
        "F64, I8, U8, I16, I32, I64, BOOL)");
}

Test(safetensors, shape_byte_mismatch)
{
    unsigned char data[48] = {0};
    expect_fail_json(
        "{\"x\":{\"dtype\":\"F32\",\"shape\":[3,4],\"data_offsets\":[0,40]}}",
        data, sizeof data,
        "tensor 'x': shape [3, 4] x F32 (4 bytes) = 48 bytes but "
        "data_offsets [0, 40] span 40 bytes");
    /* empty tensor with a non-empty range */
    expect_fail_json(
        "{\"e\":{\"dtype\":\"F32\",\"shape\":[0],\"data_offsets\":[0,4]}}",
        data, sizeof data, "= 0 bytes but data_offsets [0, 4] span 4 bytes");
}

Test(safetensors, overlapping_ranges)
{
    unsigned char data[88] = {0};
    expect_fail_json(
        "{\"a\":{\"dtype\":\"F32\",\"shape\":[12],\"data_offsets\":[0,48]},"
        "\"b\":{\"dtype\":\"F32\",\"shape\":[12],\"data_offsets\":[40,88]}}",
        data, sizeof data, "tensors 'a' [0, 48] and 'b' [40, 88] overlap");
    /* b fully inside a, with c after b but still inside a */
    expect_fail_json(
        "{\"a\":{\"dtype\":\"U8\",\"shape\":[48],\"data_offsets\":[0,48]},"
        "\"b\":{\"dtype\":\"U8\",\"shape\":[8],\"data_offsets\":[8,16]},"
        "\"c\":{\"dtype\":\"U8\",\"shape\":[8],\"data_offsets\":[16,24]}}",
        data, sizeof data, "tensors 'a' [0, 48] and 'b' [8, 16] overlap");
    /* identical ranges */
    expect_fail_json(
        "{\"a\":{\"dtype\":\"U8\",\"shape\":[8],\"data_offsets\":[0,8]},"
        "\"b\":{\"dtype\":\"I8\",\"shape\":[8],\"data_offsets\":[0,8]}}",
        data, sizeof data, "overlap");
    /* listed out of offset order */
    expect_fail_json(
        "{\"late\":{\"dtype\":\"U8\",\"shape\":[10],\"data_offsets\":[30,40]},"
        "\"x\":{\"dtype\":\"U8\",\"shape\":[8],\"data_offsets\":[0,8]},"
        "\"early\":{\"dtype\":\"U8\",\"shape\":[8],\"data_offsets\":[25,33]}}",
        data, sizeof data, "tensors 'early' [25, 33] and 'late' [30, 40] overlap");
}

Test(safetensors, offsets_begin_after_end)
{
    unsigned char data[16] = {0};
    expect_fail_json(
        "{\"x\":{\"dtype\":\"F32\",\"shape\":[1],\"data_offsets\":[8,4]}}",
        data, sizeof data, "tensor 'x': data_offsets [8, 4] has begin > end");
}

Test(safetensors, bad_data_offsets)
{
    unsigned char data[16] = {0};
    const char *phrase = "tensor 'x': data_offsets must be two non-negative "
                         "integers [begin, end]";
    expect_fail_json("{\"x\":{\"dtype\":\"U8\",\"shape\":[1],"
                     "\"data_offsets\":[0]}}", data, 16, phrase);
    expect_fail_json("{\"x\":{\"dtype\":\"U8\",\"shape\":[1],"
                     "\"data_offsets\":[0,1,2]}}", data, 16, phrase);
    expect_fail_json("{\"x\":{\"dtype\":\"U8\",\"shape\":[1],"
                     "\"data_offsets\":[-1,0]}}", data, 16, phrase);
    expect_fail_json("{\"x\":{\"dtype\":\"U8\",\"shape\":[1],"
                     "\"data_offsets\":[0.0,1]}}", data, 16, phrase);
    expect_fail_json("{\"x\":{\"dtype\":\"U8\",\"shape\":[1],"
                     "\"data_offsets\":\"0,1\"}}", data, 16, phrase);
    expect_fail_json("{\"x\":{\"dtype\":\"U8\",\"shape\":[1]}}", data, 16,
                     "tensor 'x': missing \"data_offsets\"");
    expect_fail_json("{\"x\":{\"dtype\":\"U8\",\"shape\":[1],\"data_offsets\":"
                     "[9223372036854775807,9223372036854775807]}}", data, 16,
                     "tensor 'x': shape [1] x U8 (1 bytes) = 1 bytes");
    expect_fail_json("{\"x\":{\"dtype\":\"U8\",\"shape\":[1],\"data_offsets\":"
                     "[9223372036854775806,9223372036854775807]}}", data, 16,
                     "outside the data section (16 bytes)");
}

Test(safetensors, bad_fields)
{
    unsigned char data[16] = {0};
    expect_fail_json("{\"x\":[1,2]}", data, 16,
                     "tensor 'x': entry must be an object");
    expect_fail_json("{\"x\":{\"shape\":[1],\"data_offsets\":[0,1]}}",
                     data, 16, "tensor 'x': missing \"dtype\"");
    expect_fail_json("{\"x\":{\"dtype\":4,\"shape\":[1],"
                     "\"data_offsets\":[0,1]}}", data, 16,
                     "tensor 'x': dtype must be a string, got an integer");
    expect_fail_json("{\"x\":{\"dtype\":\"U8\",\"data_offsets\":[0,1]}}",
                     data, 16, "tensor 'x': missing \"shape\"");
    expect_fail_json("{\"x\":{\"dtype\":\"U8\",\"shape\":{},"
                     "\"data_offsets\":[0,1]}}", data, 16,
                     "tensor 'x': shape must be an array of non-negative "
                     "integers, got an object");
    expect_fail_json("{\"x\":{\"dtype\":\"U8\",\"shape\":[1,-2],"
                     "\"data_offsets\":[0,1]}}", data, 16,
                     "shape must be an array of non-negative integers, but "
                     "element 1 is negative");
    expect_fail_json("{\"x\":{\"dtype\":\"U8\",\"shape\":[1.5],"
                     "\"data_offsets\":[0,1]}}", data, 16,
                     "element 0 is a real number");
    expect_fail_json("{\"x\":{\"dtype\":\"U8\",\"shape\":[1,1,1,1,1,1,1,1,1],"
                     "\"data_offsets\":[0,1]}}", data, 16,
                     "tensor 'x': shape has 9 dimensions, at most 8 "
                     "supported");
}

Test(safetensors, shape_overflow)
{
    expect_fail_json("{\"x\":{\"dtype\":\"F32\",\"shape\":[4294967296,"
                     "4294967296,4],\"data_offsets\":[0,0]}}", NULL, 0,
                     "tensor 'x': shape [4294967296, 4294967296, 4] x F32 "
                     "overflows");
    /* numel fits in int64 but numel * 8 bytes does not */
    expect_fail_json("{\"x\":{\"dtype\":\"F64\",\"shape\":"
                     "[2305843009213693952],\"data_offsets\":[0,0]}}", NULL, 0,
                     "overflows");
}

Test(safetensors, bad_metadata)
{
    expect_fail_json("{\"__metadata__\":{\"k\":1}}", NULL, 0,
                     "__metadata__ must be an object of string values, but "
                     "key 'k' is an integer");
    expect_fail_json("{\"__metadata__\":{\"ok\":\"v\",\"k\":{}}}", NULL, 0,
                     "key 'k' is an object");
    expect_fail_json("{\"__metadata__\":[\"a\"]}", NULL, 0,
                     "__metadata__ must be an object of string values, got "
                     "an array");
    expect_fail_json("{\"__metadata__\":null}", NULL, 0,
                     "__metadata__ must be an object of string values");
}

Test(safetensors, names_with_control_chars_stay_one_line)
{
    expect_fail_json("{\"a\\nb\":{\"dtype\":\"Q\",\"shape\":[1],"
                     "\"data_offsets\":[0,1]}}", "a", 1,
                     "tensor 'a\\x0ab': unknown dtype 'Q'");
}

/* ---- writer validation -------------------------------------------------- */

static void expect_write_fail(const dm_st_wtensor *w, int n,
                              const char *const *meta, int nmeta,
                              const char *phrase)
{
    const char *p = tp("w.safetensors");
    dm_err err = {{0}};
    cr_assert_eq(dm_st_write(p, w, n, meta, nmeta, &err), -1,
                 "expected write failure (%s)", phrase);
    cr_assert_not_null(strstr(err.msg, phrase), "message \"%s\" lacks \"%s\"",
                       err.msg, phrase);
    cr_assert_neq(access(p, F_OK), 0, "file written despite the error");
    cr_assert_neq(access(tp("w.safetensors.tmp"), F_OK), 0,
                  "tmp file left behind");
}

Test(safetensors, writer_validation)
{
    float x[4] = {0};
    dm_st_wtensor bad_dtype = {"x", (dm_dtype)DM_DT_COUNT, 1, {1}, x};
    expect_write_fail(&bad_dtype, 1, NULL, 0, "tensor 'x': unknown dtype");
    dm_st_wtensor neg_dtype = {"x", (dm_dtype)-1, 1, {1}, x};
    expect_write_fail(&neg_dtype, 1, NULL, 0, "unknown dtype -1");
    dm_st_wtensor many = {"x", DM_DT_F32, 9, {1}, x};
    expect_write_fail(&many, 1, NULL, 0, "tensor 'x': ndim 9, expected 0..8");
    dm_st_wtensor negnd = {"x", DM_DT_F32, -1, {1}, x};
    expect_write_fail(&negnd, 1, NULL, 0, "ndim -1");
    dm_st_wtensor negdim = {"x", DM_DT_F32, 2, {2, -1}, x};
    expect_write_fail(&negdim, 1, NULL, 0,
                      "tensor 'x': shape [2, -1] has a negative dimension");
    dm_st_wtensor nodata = {"x", DM_DT_F32, 1, {4}, NULL};
    expect_write_fail(&nodata, 1, NULL, 0,
                      "tensor 'x': data is NULL but shape [4] has 4 elements");
    dm_st_wtensor dup[2] = {{"x", DM_DT_F32, 1, {1}, x},
                            {"x", DM_DT_F32, 1, {1}, x}};
    expect_write_fail(dup, 2, NULL, 0, "duplicate tensor name 'x'");
    dm_st_wtensor reserved = {"__metadata__", DM_DT_F32, 1, {1}, x};
    expect_write_fail(&reserved, 1, NULL, 0, "'__metadata__' is reserved");
    dm_st_wtensor noname = {NULL, DM_DT_F32, 1, {1}, x};
    expect_write_fail(&noname, 1, NULL, 0, "tensor #0 has a NULL name");
    dm_st_wtensor badutf = {"x\xff", DM_DT_F32, 1, {1}, x};
    expect_write_fail(&badutf, 1, NULL, 0, "not valid UTF-8");
    dm_st_wtensor huge = {"x", DM_DT_F32, 3, {1LL << 40, 1LL << 40, 8}, x};
    expect_write_fail(&huge, 1, NULL, 0, "overflows");

    dm_st_wtensor ok = {"x", DM_DT_F32, 1, {1}, x};
    const char *dupmeta[] = {"k", "1", "k", "2"};
    expect_write_fail(&ok, 1, dupmeta, 2, "duplicate metadata key 'k'");
    const char *nullval[] = {"k", NULL};
    expect_write_fail(&ok, 1, nullval, 1, "metadata entry 0 has a NULL value");
    expect_write_fail(&ok, 1, NULL, 1, "bad metadata list");
    expect_write_fail(NULL, 1, NULL, 0, "bad tensor list");
    expect_write_fail(&ok, -1, NULL, 0, "bad tensor list");
}

Test(safetensors, writer_io_errors)
{
    float x = 1.0f;
    dm_st_wtensor w = {"x", DM_DT_F32, 1, {1}, &x};
    dm_err err = {{0}};
    /* directory missing: the tmp file cannot be created */
    const char *p = tp("no/such/dir/m.safetensors");
    cr_assert_eq(dm_st_write(p, &w, 1, NULL, 0, &err), -1);
    cr_assert_not_null(strstr(err.msg, "cannot create"), "%s", err.msg);
    cr_assert_not_null(strstr(err.msg, strerror(ENOENT)), "%s", err.msg);

    /* target is a directory: rename fails, tmp removed */
    const char *d = tp("adir");
    cr_assert_eq(mkdir(d, 0755), 0);
    cr_assert_eq(dm_st_write(d, &w, 1, NULL, 0, &err), -1);
    cr_assert_not_null(strstr(err.msg, "cannot rename"), "%s", err.msg);
    cr_assert_neq(access(tp("adir.tmp"), F_OK), 0, "tmp file left behind");
}

/* ---- mutation loop ------------------------------------------------------ */

static uint64_t rng_state;

static uint64_t rng(void)
{
    uint64_t x = rng_state;
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    return rng_state = x;
}

static void check_consistent(const dm_st_file *f)
{
    const char *base = f->map;
    cr_assert(f->data_start >= 8 && f->data_start <= f->map_size);
    for (int i = 0; i < f->ntensors; i++) {
        const dm_st_tensor *t = &f->tensors[i];
        cr_assert_not_null(t->name);
        cr_assert(t->ndim >= 0 && t->ndim <= DM_ST_MAX_DIMS);
        cr_assert((int)t->dtype >= 0 && t->dtype < DM_DT_COUNT);
        int64_t n = 1;
        for (int d = 0; d < t->ndim; d++) {
            cr_assert(t->shape[d] >= 0);
            n = t->shape[d] == 0 || n == 0 ? 0 : n * t->shape[d];
        }
        cr_assert_eq(t->numel, n);
        cr_assert_eq(t->nbytes, (size_t)n * dm_dtype_size(t->dtype));
        const char *p = t->data;
        cr_assert(p >= base + f->data_start);
        cr_assert(p + t->nbytes <= base + f->map_size);
        for (int j = 0; j < i; j++) {
            const dm_st_tensor *u = &f->tensors[j];
            const char *q = u->data;
            if (t->nbytes && u->nbytes)
                cr_assert(p + t->nbytes <= q || q + u->nbytes <= p,
                          "'%s' and '%s' overlap", t->name, u->name);
        }
        if (t->numel <= 64 && (t->dtype == DM_DT_F32 || t->dtype == DM_DT_F16 ||
                               t->dtype == DM_DT_BF16 || t->dtype == DM_DT_F64 ||
                               t->dtype == DM_DT_I8)) {
            float out[64];
            dm_err err;
            cr_assert_eq(dm_st_to_f32(t, out, &err), 0);
        }
    }
    for (int i = 0; i < f->nmeta; i++)
        cr_assert(f->meta_keys[i] && f->meta_vals[i]);
}

Test(safetensors, mutation_never_crashes)
{
    float a[6] = {1, 2, 3, 4, 5, 6};
    uint16_t h[3] = {0x3c00, 0x4000, 0x4200};
    int8_t q[4] = {-1, 0, 1, 2};
    dm_st_wtensor w[] = {
        {"a", DM_DT_F32, 2, {2, 3}, a},
        {"h", DM_DT_F16, 1, {3}, h},
        {"q", DM_DT_I8, 2, {2, 2}, q},
        {"e", DM_DT_BF16, 1, {0}, NULL},
    };
    const char *meta[] = {"k", "v"};
    const char *src = tp("valid.safetensors");
    dm_err err = {{0}};
    cr_assert_eq(dm_st_write(src, w, 4, meta, 1, &err), 0, "%s", err.msg);
    size_t n;
    unsigned char *orig = read_all(src, &n);
    unsigned char *buf = malloc(n + 16);
    cr_assert_not_null(buf);
    static const char interesting[] = "\"[]{},:0123456789-. eE\\";
    const char *p = tp("mut.safetensors");
    int nok = 0, nfail = 0;
    rng_state = 0x9e3779b97f4a7c15ULL;

    for (int iter = 0; iter < 2000; iter++) {
        memcpy(buf, orig, n);
        size_t len = n;
        int nmut = 1 + (int)(rng() % 4);
        for (int m = 0; m < nmut; m++) {
            size_t pos = (size_t)(rng() % len);
            switch (rng() % 6) {
            case 0: /* random byte anywhere */
                buf[pos] = (unsigned char)rng();
                break;
            case 1: /* JSON-ish byte inside the header */
                if (len > 8)
                    buf[8 + rng() % (len - 8)] = (unsigned char)
                        interesting[rng() % (sizeof interesting - 1)];
                break;
            case 2: /* flip one bit */
                buf[pos] ^= (unsigned char)(1u << (rng() % 8));
                break;
            case 3: /* truncate */
                len = (size_t)(rng() % (len + 1));
                if (len == 0)
                    len = 1;
                break;
            case 4: /* perturb the header length */
                if (len >= 8)
                    buf[rng() % 2] = (unsigned char)rng();
                break;
            case 5: /* digit bump inside the header (offsets, shapes) */
                for (size_t k = 0; len > 8 && k < len - 8; k++) {
                    size_t at = 8 + (pos + k) % (len - 8);
                    if (buf[at] >= '0' && buf[at] <= '9') {
                        buf[at] = (unsigned char)('0' + rng() % 10);
                        break;
                    }
                }
                break;
            }
        }
        write_bytes(p, buf, len);
        dm_st_file f;
        dm_err e;
        memset(&e, 0, sizeof e);
        if (dm_st_open(&f, p, &e) == 0) {
            nok++;
            check_consistent(&f);
            dm_st_close(&f);
        } else {
            nfail++;
            cr_assert_neq(e.msg[0], '\0', "empty message at iteration %d",
                          iter);
            cr_assert_not_null(strstr(e.msg, p), "iteration %d: %s", iter,
                               e.msg);
            cr_assert_null(strchr(e.msg, '\n'), "iteration %d: %s", iter,
                           e.msg);
            cr_assert(is_zeroed(&f));
        }
    }
    cr_log_info("mutation loop: %d opened, %d rejected", nok, nfail);
    cr_assert(nok > 0 && nfail > 0);
    free(buf);
    free(orig);
}
