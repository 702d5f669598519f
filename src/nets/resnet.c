/* resnet.c - the image classifier family (see resnet.h).
 *
 * One forward pass serves four uses: dense logits, fitting (moments of
 * every site's patches and pre-activations, calibration patches with their
 * shortcuts), the quality path (every site by dm_engine_merge over all
 * positions of a batch: exact rows and little outputs by GEMM) and the
 * timing path (batch 1, every position by dm_engine_step: the little
 * module, then only the sensitive output channels from the big weights). */
#define _POSIX_C_SOURCE 200809L
#include "resnet.h"

#include <cblas.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "bench.h"
#include "models.h"
#include "pgemm.h"
#include "safetensors.h"

/* ---- loading ---- */

typedef struct loader {
    const char *path;
    dm_st_file f;
    unsigned char *used; /* per tensor */
} loader;

static const dm_st_tensor *need(loader *ld, const char *name, int ndim, const int64_t *shape, dm_err *err)
{
    const dm_st_tensor *t = dm_st_find(&ld->f, name);
    if (!t)
        return dm_errf(err, "%s: tensor '%s' is missing (a torchvision ResNet state_dict has it)", ld->path, name),
               NULL;
    ld->used[t - ld->f.tensors] = 1;
    int ok = t->ndim == ndim;
    for (int i = 0; ok && i < ndim; i++)
        ok = shape[i] < 0 || t->shape[i] == shape[i];
    if (!ok) {
        char got[160] = "", want[160] = "";
        size_t a = 0, b = 0;
        for (int i = 0; i < t->ndim && a < sizeof got - 24; i++)
            a += (size_t)snprintf(got + a, sizeof got - a, "%s%lld", i ? ", " : "", (long long)t->shape[i]);
        for (int i = 0; i < ndim && b < sizeof want - 24; i++) {
            if (shape[i] < 0)
                b += (size_t)snprintf(want + b, sizeof want - b, "%sany", i ? ", " : "");
            else
                b += (size_t)snprintf(want + b, sizeof want - b, "%s%lld", i ? ", " : "", (long long)shape[i]);
        }
        return dm_errf(err, "%s: tensor '%s' has shape [%s], expected [%s]", ld->path, name, got, want), NULL;
    }
    if (t->dtype != DM_DT_F32 && t->dtype != DM_DT_F16 && t->dtype != DM_DT_BF16 && t->dtype != DM_DT_F64)
        return dm_errf(err, "%s: tensor '%s' has dtype %s; weights must be F32, F16, BF16 or F64", ld->path, name,
                       dm_dtype_name(t->dtype)),
               NULL;
    return t;
}

/* A tensor as finite floats (malloc'ed). */
static float *read_floats(loader *ld, const char *name, int ndim, const int64_t *shape, dm_err *err)
{
    const dm_st_tensor *t = need(ld, name, ndim, shape, err);
    if (!t)
        return NULL;
    float *v = malloc((size_t)(t->numel > 0 ? t->numel : 1) * sizeof(float));
    if (!v)
        return dm_errf(err, "out of memory reading '%s'", name), NULL;
    if (dm_st_to_f32(t, v, err)) {
        free(v);
        dm_err_prefix(err, "%s", ld->path);
        return NULL;
    }
    for (int64_t i = 0; i < t->numel; i++)
        if (!isfinite(v[i])) {
            dm_errf(err, "%s: tensor '%s' element %lld is %s; weights must be finite numbers", ld->path, name,
                    (long long)i, isnan(v[i]) ? "NaN" : "infinite");
            free(v);
            return NULL;
        }
    return v;
}

/* A batch norm's running statistics folded into conv c (prefix "bn1" or "layer1.0.downsample.1"). */
static int fold_bn(loader *ld, dm_conv *c, const char *prefix, dm_err *err)
{
    char nm[96];
    int64_t sh[1] = {c->cout};
    float *p[4] = {0};
    static const char *const part[4] = {"weight", "bias", "running_mean", "running_var"};
    int rc = 0;
    for (int i = 0; i < 4 && !rc; i++) {
        snprintf(nm, sizeof nm, "%s.%s", prefix, part[i]);
        if (!(p[i] = read_floats(ld, nm, 1, sh, err)))
            rc = -1;
    }
    if (!rc) {
        for (int o = 0; o < c->cout && !rc; o++)
            if (p[3][o] < 0)
                rc = dm_errf(err, "%s: %s.running_var[%d] is %g; a variance must be >= 0", ld->path, prefix, o,
                             (double)p[3][o]);
    }
    if (!rc) {
        snprintf(nm, sizeof nm, "%s.num_batches_tracked", prefix);
        const dm_st_tensor *t = dm_st_find(&ld->f, nm);
        if (t)
            ld->used[t - ld->f.tensors] = 1; /* state_dict() writes it; inference does not need it */
        dm_conv_fold_bn(c, p[0], p[1], p[2], p[3], 1e-5f);
    }
    for (int i = 0; i < 4; i++)
        free(p[i]);
    return rc;
}

/* conv weight [cout, cin, k, k] (cout < 0: any) into c, then its batch norm. */
static int load_conv(loader *ld, dm_conv *c, const char *wname, const char *bn, int cin, int cout, int k, int stride,
                     int pad, dm_err *err)
{
    int64_t sh[4] = {cout, cin, k, k};
    const dm_st_tensor *t = need(ld, wname, 4, sh, err);
    if (!t)
        return -1;
    if (t->shape[2] != t->shape[3])
        return dm_errf(err, "%s: tensor '%s' has a %lldx%lld kernel; square kernels expected", ld->path, wname,
                       (long long)t->shape[2], (long long)t->shape[3]);
    if (t->shape[0] < 1 || t->shape[0] > 65536 || t->shape[1] < 1 || t->shape[1] > 65536)
        return dm_errf(err, "%s: tensor '%s' has %lld x %lld channels (expected 1..65536)", ld->path, wname,
                       (long long)t->shape[0], (long long)t->shape[1]);
    if (dm_conv_init(c, (int)t->shape[1], (int)t->shape[0], k, k, stride, pad, err))
        return dm_err_prefix(err, "%s: %s", ld->path, wname);
    float *w = read_floats(ld, wname, 4, sh, err);
    if (!w)
        return -1;
    dm_conv_from_torch(c, w);
    free(w);
    if (fold_bn(ld, c, bn, err))
        return -1;
    return dm_conv_prepare(c, err); /* the weights are final: pack them for the direct kernel */
}

static int has(const loader *ld, const char *name) { return dm_st_find(&ld->f, name) != NULL; }

static float meta_float(const loader *ld, const char *key, float def, int *bad)
{
    const char *v = dm_st_meta(&ld->f, key);
    if (!v)
        return def;
    char *end;
    errno = 0;
    double x = strtod(v, &end);
    if (errno || end == v || *end || !isfinite(x))
        *bad = 1;
    return (float)x;
}

static void resnet_free(dm_net *n)
{
    if (!n)
        return;
    dm_resnet *m = (dm_resnet *)n;
    dm_conv_free(&m->stem);
    for (int b = 0; b < DM_RESNET_MAX_BLOCKS; b++) { /* a load that failed mid-block leaves its convs set */
        dm_conv_free(&m->blk[b].c1);
        dm_conv_free(&m->blk[b].c2);
        dm_conv_free(&m->blk[b].down);
    }
    free(m->fc_w);
    free(m->fc_b);
    free(m);
}

static void describe(dm_resnet *m, const char *stem, const loader *ld)
{
    dm_net *n = &m->base;
    n->fam = &dm_family_resnet;
    char st[64] = "";
    size_t a = 0;
    for (int i = 0; i < m->nstage && a < sizeof st - 8; i++)
        a += (size_t)snprintf(st + a, sizeof st - a, "%s%d", i ? "," : "", m->stage_blocks[i]);
    snprintf(n->arch, sizeof n->arch, "ResNet [%s] %d-%d, %s stem, %dx%dx%d -> %d", st, m->stem.cout, m->feat, stem,
             m->H, m->W, m->in_ch, m->classes);
    snprintf(n->kind, sizeof n->kind, "ResNet");
    long long p = (long long)m->stem.cout * m->stem.K + (long long)m->classes * (m->feat + 1);
    for (int b = 0; b < m->nblocks; b++) {
        const dm_rblock *B = &m->blk[b];
        p += (long long)B->c1.cout * B->c1.K + (long long)B->c2.cout * B->c2.K;
        if (B->has_down)
            p += (long long)B->down.cout * B->down.K;
    }
    n->params = p;
    n->file_bytes = (double)ld->f.map_size;
    n->file_hash = dm_fnv1a(DM_FNV_INIT, ld->f.map, ld->f.map_size);
    const char *ds = dm_st_meta(&ld->f, "dataset");
    snprintf(n->dataset, sizeof n->dataset, "%s", ds ? ds : "");
    n->layers = n->nsites;
    n->hidden = m->stem.cout;
}

static int resnet_load(const char *path, const char *vocab, dm_net **out, dm_err *err)
{
    (void)vocab;
    *out = NULL;
    dm_resnet *m = calloc(1, sizeof *m);
    loader ld = {.path = path};
    if (!m)
        return dm_errf(err, "out of memory");
    if (dm_st_open(&ld.f, path, err)) {
        free(m);
        return -1;
    }
    int rc = -1;
    ld.used = calloc((size_t)(ld.f.ntensors > 0 ? ld.f.ntensors : 1), 1);
    if (!ld.used) {
        dm_errf(err, "out of memory");
        goto out;
    }
    if (has(&ld, "layer1.0.conv3.weight")) {
        dm_errf(err, "%s: tensor 'layer1.0.conv3.weight': a Bottleneck ResNet (ResNet-50 and deeper); only "
                     "BasicBlock ResNets (the ResNet-18/34 layout) are supported",
                path);
        goto out;
    }
    /* the stem */
    const dm_st_tensor *c1 = dm_st_find(&ld.f, "conv1.weight");
    if (!c1 || c1->ndim != 4) {
        dm_errf(err, "%s: no 4-d tensor 'conv1.weight': not a torchvision ResNet state_dict", path);
        goto out;
    }
    int k0 = (int)c1->shape[2];
    const char *stem = dm_st_meta(&ld.f, "stem");
    int tv;
    if (stem && strcmp(stem, "cifar") == 0)
        tv = 0;
    else if (stem && strcmp(stem, "torchvision") == 0)
        tv = 1;
    else if (stem) {
        dm_errf(err, "%s: metadata stem = '%s'; expected 'cifar' or 'torchvision'", path, stem);
        goto out;
    } else if (k0 == 7)
        tv = 1;
    else if (k0 == 3)
        tv = 0;
    else {
        dm_errf(err, "%s: conv1.weight has a %dx%d kernel; expected 7x7 (torchvision stem) or 3x3 (CIFAR-style "
                     "stem), or metadata 'stem'",
                path, k0, k0);
        goto out;
    }
    m->in_ch = (int)c1->shape[1];
    if (m->in_ch != 1 && m->in_ch != 3) {
        dm_errf(err, "%s: conv1.weight has %d input channels; expected 1 (gray) or 3 (RGB, the gray image replicated)",
                path, m->in_ch);
        goto out;
    }
    int bad = 0;
    m->mean = meta_float(&ld, "mean", 0.2860f, &bad);
    m->std = meta_float(&ld, "std", 0.3530f, &bad);
    float size = meta_float(&ld, "size", 28, &bad);
    if (bad || !(m->std > 0) || size < 8 || size > 1024 || size != (int)size) {
        dm_errf(err, "%s: metadata mean/std/size must be numbers (std > 0, size an integer 8..1024)", path);
        goto out;
    }
    m->H = m->W = (int)size;
    m->stem_pool = tv;
    if (load_conv(&ld, &m->stem, "conv1.weight", "bn1", m->in_ch, -1, k0, tv ? 2 : 1, k0 / 2, err))
        goto out;
    int H = dm_conv_out(m->H, k0, m->stem.stride, m->stem.pad), W = dm_conv_out(m->W, k0, m->stem.stride, m->stem.pad);
    m->max_map = (size_t)H * W * m->stem.cout;
    m->max_cols = (size_t)H * W * m->stem.K;
    if (tv)
        H = dm_conv_out(H, 3, 2, 1), W = dm_conv_out(W, 3, 2, 1);
    m->Hs = H, m->Ws = W;
    int cin = m->stem.cout;
    /* the stages */
    for (int s = 1; s <= 8; s++) {
        char nm[96];
        snprintf(nm, sizeof nm, "layer%d.0.conv1.weight", s);
        if (!has(&ld, nm))
            break;
        int nb = 0;
        for (int b = 0;; b++) {
            snprintf(nm, sizeof nm, "layer%d.%d.conv1.weight", s, b);
            if (!has(&ld, nm))
                break;
            if (m->nblocks >= DM_RESNET_MAX_BLOCKS) {
                dm_errf(err, "%s: more than %d blocks", path, DM_RESNET_MAX_BLOCKS);
                goto out;
            }
            dm_rblock *B = &m->blk[m->nblocks];
            int stride = (b == 0 && s > 1) ? 2 : 1;
            char bn[96];
            snprintf(bn, sizeof bn, "layer%d.%d.bn1", s, b);
            if (load_conv(&ld, &B->c1, nm, bn, cin, -1, 3, stride, 1, err))
                goto out;
            int cout = B->c1.cout;
            snprintf(nm, sizeof nm, "layer%d.%d.conv2.weight", s, b);
            snprintf(bn, sizeof bn, "layer%d.%d.bn2", s, b);
            if (load_conv(&ld, &B->c2, nm, bn, cout, cout, 3, 1, 1, err))
                goto out;
            snprintf(nm, sizeof nm, "layer%d.%d.downsample.0.weight", s, b);
            B->has_down = has(&ld, nm);
            if (B->has_down) {
                snprintf(bn, sizeof bn, "layer%d.%d.downsample.1", s, b);
                if (load_conv(&ld, &B->down, nm, bn, cin, cout, 1, stride, 0, err))
                    goto out;
            } else if (stride != 1 || cin != cout) {
                dm_errf(err, "%s: tensor 'layer%d.%d.downsample.0.weight' is missing: block layer%d.%d changes the "
                             "map (%d -> %d channels, stride %d) and needs a projection shortcut",
                        path, s, b, s, b, cin, cout, stride);
                goto out;
            }
            B->H = H, B->W = W;
            B->Ho = dm_conv_out(H, 3, stride, 1), B->Wo = dm_conv_out(W, 3, stride, 1);
            if (B->Ho < 1 || B->Wo < 1) {
                dm_errf(err, "%s: layer%d.%d: a %dx%d input is too small for this many stages", path, s, b, m->H,
                        m->W);
                goto out;
            }
            size_t mp = (size_t)B->Ho * B->Wo;
            m->max_map = mp * cout > m->max_map ? mp * cout : m->max_map;
            size_t cc = mp * (size_t)(B->c1.K > B->c2.K ? B->c1.K : B->c2.K);
            m->max_cols = cc > m->max_cols ? cc : m->max_cols;
            m->max_out = mp * cout > m->max_out ? mp * cout : m->max_out;
            H = B->Ho, W = B->Wo, cin = cout;
            m->nblocks++;
            nb++;
        }
        if (m->nstage >= 8)
            break;
        m->stage_blocks[m->nstage++] = nb;
    }
    if (m->nblocks == 0) {
        dm_errf(err, "%s: no tensor 'layer1.0.conv1.weight': not a torchvision ResNet state_dict", path);
        goto out;
    }
    m->feat = cin;
    int64_t fsh[2] = {-1, cin};
    const dm_st_tensor *fc = need(&ld, "fc.weight", 2, fsh, err);
    if (!fc)
        goto out;
    if (fc->shape[0] < 2 || fc->shape[0] > DM_RESNET_MAX_CLASSES) {
        dm_errf(err, "%s: fc.weight has %lld classes; expected 2..%d", path, (long long)fc->shape[0],
                DM_RESNET_MAX_CLASSES);
        goto out;
    }
    m->classes = (int)fc->shape[0];
    int64_t bsh[1] = {m->classes};
    if (!(m->fc_w = read_floats(&ld, "fc.weight", 2, fsh, err)) || !(m->fc_b = read_floats(&ld, "fc.bias", 1, bsh, err)))
        goto out;
    for (int i = 0; i < ld.f.ntensors; i++)
        if (!ld.used[i]) {
            dm_errf(err, "%s: unexpected tensor '%s' (not part of a BasicBlock ResNet with this layout)", path,
                    ld.f.tensors[i].name);
            goto out;
        }
    const char *cn = dm_st_meta(&ld.f, "classes");
    if (cn) {
        const char *p = cn;
        while (*p && m->nnames < 64) {
            const char *e = strchr(p, ',');
            size_t l = e ? (size_t)(e - p) : strlen(p);
            snprintf(m->class_names[m->nnames++], sizeof m->class_names[0], "%.*s", (int)l, p);
            p = e ? e + 1 : p + l;
        }
    }
    /* sites: both convolutions of every block */
    dm_net *n = &m->base;
    for (int b = 0; b < m->nblocks; b++) {
        dm_rblock *B = &m->blk[b];
        if (n->nsites + 2 > DM_NET_MAX_SITES) {
            dm_errf(err, "%s: %d blocks give more than %d dual-module sites", path, m->nblocks, DM_NET_MAX_SITES);
            goto out;
        }
        int s = 0, bi = b;
        while (s < m->nstage - 1 && bi >= m->stage_blocks[s])
            bi -= m->stage_blocks[s++];
        char nm[32];
        B->site1 = n->nsites;
        snprintf(nm, sizeof nm, "layer%d.%d.conv1", s + 1, bi);
        dm_site_linear(&n->site[n->nsites++], nm, B->c1.K, B->c1.cout, B->c1.w, B->c1.K, B->c1.b, DM_ACT_RELU,
                       "relu");
        B->site2 = n->nsites;
        snprintf(nm, sizeof nm, "layer%d.%d.conv2", s + 1, bi);
        dm_site_linear(&n->site[n->nsites], nm, B->c2.K, B->c2.cout, B->c2.w, B->c2.K, B->c2.b, DM_ACT_RELU,
                       "relu");
        n->site[n->nsites].residual = 1;
        n->site[n->nsites - 1].ops = n->site[n->nsites].ops = &dm_site_conv_ops;
        n->site[n->nsites - 1].blocks = B->c1.kh * B->c1.kw; /* a projection per pixel, shared by the taps */
        n->site[n->nsites].blocks = B->c2.kh * B->c2.kw;
        n->nsites++;
    }
    describe(m, tv ? "torchvision" : "cifar", &ld);
    rc = 0;
out:
    free(ld.used);
    dm_st_close(&ld.f);
    if (rc)
        resnet_free(&m->base);
    else
        *out = &m->base;
    return rc;
}

static int resnet_probe(const char *path)
{
    dm_st_file f;
    dm_err e;
    if (dm_st_open(&f, path, &e))
        return 0;
    const char *fam = dm_st_meta(&f, "family");
    int yes = fam ? strcmp(fam, "resnet") == 0
                  : dm_st_find(&f, "conv1.weight") != NULL && dm_st_find(&f, "fc.weight") != NULL;
    dm_st_close(&f);
    return yes;
}

double dm_resnet_site_macs(const dm_resnet *m)
{
    double s = 0;
    for (int b = 0; b < m->nblocks; b++) {
        const dm_rblock *B = &m->blk[b];
        double P = (double)B->Ho * B->Wo;
        s += P * B->c1.cout * B->c1.K + P * B->c2.cout * B->c2.K;
    }
    return s;
}

double dm_resnet_macs(const dm_resnet *m)
{
    double s = dm_resnet_site_macs(m);
    int H = dm_conv_out(m->H, m->stem.kh, m->stem.stride, m->stem.pad);
    int W = dm_conv_out(m->W, m->stem.kw, m->stem.stride, m->stem.pad);
    s += (double)H * W * m->stem.cout * m->stem.K + (double)m->classes * m->feat;
    for (int b = 0; b < m->nblocks; b++)
        if (m->blk[b].has_down)
            s += (double)m->blk[b].Ho * m->blk[b].Wo * m->blk[b].down.cout * m->blk[b].down.K;
    return s;
}

/* ---- the forward pass ---- */

/* RUN_STEP: every position is one engine step (the little GEMV, the region test, a GEMV over the
 * sensitive channels' filter rows); RUN_GATHER: the little outputs of all positions by one GEMM, the
 * region test per position (dm_engine_select), then per output channel one GEMV over the gathered
 * patches of the positions where it is sensitive. Both are batch-1 timing paths. */
typedef enum { RUN_DENSE = 0, RUN_MERGE, RUN_STEP, RUN_GATHER } run_mode;

typedef struct rn_ctx {
    const dm_resnet *m;
    int cap;                          /* images per batch */
    float *x0, *A, *B, *T, *S, *cols; /* maps (cap * max_map), patches (cap * max_cols) */
    float *ex, *yl, *g, *feat;
    float *pm, *vcols; /* timing path: the projected map and its patches */
    float *p0[DM_NET_MAX_SITES]; /* timing path: block 0 of a block-shared SRP as a dense kb x cin matrix */
    dm_pgemm lw[DM_NET_MAX_SITES]; /* RUN_GATHER: each site's little weights wq, packed */
    int *plist, *pcnt; /* RUN_GATHER: per output channel, the positions where it is sensitive */
    int *pbase, *prow; /* RUN_GATHER: each position's top-left pixel in the padded map; a channel's rows */
    float *tmp;
    run_mode mode;
    const dm_engine *e;
    dm_engine_state st;
    int have_st;
    dm_dual_stats *stats;
    int audit;
    /* fitting */
    dm_fitdata *fd;
    long img0, nfit;
    int *ncal_done;
    /* timing: seconds spent in the dual-moduled convolutions */
    int timed;
    double site_s;
    dm_err *err;
    int failed;
} rn_ctx;

static void ctx_free(rn_ctx *c)
{
    dm_free(c->x0), dm_free(c->A), dm_free(c->B), dm_free(c->T), dm_free(c->S), dm_free(c->cols);
    dm_free(c->ex), dm_free(c->yl), dm_free(c->g), dm_free(c->feat);
    dm_free(c->pm), dm_free(c->vcols), dm_free(c->tmp);
    for (int i = 0; i < DM_NET_MAX_SITES; i++)
        dm_free(c->p0[i]), dm_pgemm_free(&c->lw[i]);
    free(c->plist), free(c->pcnt), free(c->pbase), free(c->prow);
    free(c->ncal_done);
    if (c->have_st)
        dm_engine_state_free(&c->st);
    memset(c, 0, sizeof *c);
}

static int ctx_init(rn_ctx *c, const dm_resnet *m, int cap, run_mode mode, const dm_engine *e, dm_err *err)
{
    memset(c, 0, sizeof *c);
    c->m = m, c->cap = cap, c->mode = mode, c->e = e, c->err = err;
    size_t mp = (size_t)cap * m->max_map;
    size_t in = (size_t)cap * m->H * m->W * m->in_ch;
    c->x0 = dm_alloc(in * sizeof(float));
    c->A = dm_alloc(mp * sizeof(float));
    c->B = dm_alloc(mp * sizeof(float));
    c->T = dm_alloc(mp * sizeof(float));
    c->S = dm_alloc(mp * sizeof(float));
    c->cols = dm_alloc((size_t)cap * m->max_cols * sizeof(float));
    c->feat = dm_alloc((size_t)cap * m->feat * sizeof(float));
    int ok = c->x0 && c->A && c->B && c->T && c->S && c->cols && c->feat;
    if (ok && (mode == RUN_MERGE || mode == RUN_GATHER)) {
        c->ex = dm_alloc((size_t)cap * m->max_out * sizeof(float));
        c->yl = dm_alloc((size_t)cap * m->max_out * sizeof(float));
        ok = c->ex && c->yl;
    }
    if (ok && mode != RUN_DENSE) {
        c->pm = dm_alloc((size_t)cap * m->max_map * sizeof(float));
        c->vcols = dm_alloc((size_t)cap * m->max_cols * sizeof(float));
        ok = c->pm && c->vcols;
    }
    for (int si = 0; ok && mode != RUN_DENSE && si < e->nsites; si++) {
        const dm_proj *p = &e->s[si].little.proj[0];
        if (p->kind != DM_PROJ_SRP || p->blocks <= 1)
            continue;
        int kb = p->k / p->blocks, cin = p->d / p->blocks;
        if (!(c->p0[si] = dm_alloc((size_t)kb * cin * sizeof(float)))) {
            ok = 0;
            break;
        }
        for (int j = 0; j < kb; j++)
            for (int q = p->rowptr[j]; q < p->rowptr[j + 1]; q++)
                c->p0[si][(size_t)j * cin + p->cols[q]] = p->sign[q] > 0 ? p->scale : -p->scale;
    }
    /* the packed little weights: the per-channel path, and the quality path's block-projection sites */
    for (int si = 0; ok && (mode == RUN_GATHER || mode == RUN_MERGE) && si < e->nsites; si++) {
        const dm_little *L = &e->s[si].little;
        if ((mode == RUN_GATHER || L->proj[0].blocks > 1) &&
            dm_pgemm_pack(&c->lw[si], L->wq, L->kk, L->rows, L->kk, 1, err)) {
            ctx_free(c);
            return -1;
        }
    }
    if (ok && mode == RUN_GATHER) {
        c->plist = malloc((size_t)cap * m->max_out * sizeof(int));
        c->pcnt = malloc((size_t)(e->max_orows > 0 ? e->max_orows : 1) * sizeof(int));
        c->tmp = dm_alloc((size_t)cap * m->max_out * sizeof(float));
        c->pbase = malloc((size_t)cap * m->max_out * sizeof(int));
        c->prow = malloc((size_t)cap * m->max_out * sizeof(int));
        ok = c->plist && c->pcnt && c->tmp && c->pbase && c->prow;
    }
    if (ok && mode != RUN_DENSE) {
        c->g = dm_alloc((size_t)(e->max_orows > 0 ? e->max_orows : 1) * sizeof(float));
        ok = c->g != NULL;
        if (ok) {
            if (dm_engine_state_init(&c->st, e, err)) {
                ctx_free(c);
                return -1;
            }
            c->have_st = 1;
        }
    }
    if (!ok) {
        ctx_free(c);
        return dm_errf(err, "out of memory for a batch of %d images", cap);
    }
    return 0;
}

/* Gray pixels to normalised HWC input (replicated over the channels). */
static void normalise(const dm_resnet *m, const unsigned char *pix, int n, float *x)
{
    size_t P = (size_t)m->H * m->W;
    for (size_t i = 0; i < (size_t)n * P; i++) {
        float v = ((float)pix[i] / 255.0f - m->mean) / m->std;
        for (int c = 0; c < m->in_ch; c++)
            x[i * m->in_ch + c] = v;
    }
}

/* Fitting: the moments of site si over this batch, and calibration patches. */
static void collect(rn_ctx *c, int si, const dm_conv *cv, int n, int P, const float *pre, const float *add)
{
    dm_fitdata *fd = c->fd;
    if (c->failed || dm_moments_add(&fd->mom[si], c->cols, (size_t)cv->K, pre, n * P, c->err)) {
        c->failed = 1;
        return;
    }
    /* calibration: ceil(ncal / nfit) positions of every image, spread over the map */
    int q = (int)((fd->ncal + c->nfit - 1) / c->nfit);
    q = q < 1 ? 1 : q > P ? P : q;
    for (int i = 0; i < n; i++) {
        long img = c->img0 + i;
        for (int j = 0; j < q && c->ncal_done[si] < fd->ncal; j++) {
            int p = (int)((img * 131 + (long)j * P / q) % P);
            size_t r = (size_t)i * P + p;
            int t = c->ncal_done[si]++;
            memcpy(fd->cal_u[si] + (size_t)t * cv->K, c->cols + r * cv->K, (size_t)cv->K * sizeof(float));
            if (add && fd->cal_add[si])
                memcpy(fd->cal_add[si] + (size_t)t * cv->cout, add + r * cv->cout, (size_t)cv->cout * sizeof(float));
        }
    }
}

/* The little module's block-shared projection of every pixel of n maps
 * (H x W x cin) into pm (H x W x kb); returns kb and adds its multiply-adds.
 * Block 0 of the projection (PCA: its dense rows; SRP: made dense once in
 * ctx_init) times every pixel by one SGEMM: pm (npix x kb) = x (npix x cin) P0^T.
 * (The SRP's sums per pixel in CSR order, the reference, are the loop below:
 * the same values within float rounding.) */
static int project_map(rn_ctx *c, int si, const float *x, int n, int H, int W, int cin, float *pm)
{
    const dm_proj *p = &c->e->s[si].little.proj[0];
    int kb = p->k / (p->blocks > 1 ? p->blocks : 1);
    size_t npix = (size_t)n * H * W;
    const float *P0 = p->kind == DM_PROJ_PCA ? p->dense : c->p0[si];
    if (P0) {
        cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, (int)npix, kb, cin, 1.0f, x, cin, P0,
                    p->kind == DM_PROJ_PCA ? p->d : cin, 0.0f, pm, kb);
        return kb;
    }
    for (size_t i = 0; i < npix; i++) {
        const float *xi = x + i * cin;
        float *o = pm + i * kb;
        for (int j = 0; j < kb; j++) {
            float a = 0;
            for (int q = p->rowptr[j]; q < p->rowptr[j + 1]; q++)
                a += p->sign[q] > 0 ? xi[p->cols[q]] : -xi[p->cols[q]];
            o[j] = a * p->scale;
        }
    }
    return kb;
}

static double proj_macs(const rn_ctx *c, int si, int n, int H, int W)
{
    const dm_proj *p = &c->e->s[si].little.proj[0];
    int nb = p->blocks > 1 ? p->blocks : 1, kb = p->k / nb;
    if (p->kind == DM_PROJ_SRP)
        return (double)n * H * W * p->rowptr[kb]; /* block 0's non-zeros, once per pixel */
    return (double)n * H * W * kb * (p->d / nb);  /* PCA: dense kb x C_in per pixel */
}

/* The timing paths' inputs of site si over n maps: the patches (c->cols;
 * with a block projection only if need_cols) and, for a block projection,
 * the projected patches (c->vcols: every pixel projected once, then
 * gathered). all_proj: project the patches one by one when the projection
 * is not per pixel. Returns whether c->vcols is set. */
static int patches(rn_ctx *c, int si, const dm_conv *cv, const float *x, int n, int H, int W, int all_proj,
                   int need_cols)
{
    const dm_little *L = &c->e->s[si].little;
    int P = dm_conv_out(H, cv->kh, cv->stride, cv->pad) * dm_conv_out(W, cv->kw, cv->stride, cv->pad);
    if (need_cols || L->proj[0].blocks <= 1)
        for (int i = 0; i < n; i++)
            dm_im2col(cv, x + (size_t)i * H * W * cv->cin, H, W, c->cols + (size_t)i * P * cv->K);
    if (L->proj[0].blocks > 1) {
        int kb = project_map(c, si, x, n, H, W, cv->cin, c->pm);
        dm_conv g = *cv;
        g.cin = kb, g.K = cv->kh * cv->kw * kb;
        for (int i = 0; i < n; i++)
            dm_im2col(&g, c->pm + (size_t)i * H * W * kb, H, W, c->vcols + (size_t)i * P * g.K);
        return 1;
    }
    if (!all_proj)
        return 0;
    for (size_t r = 0; r < (size_t)n * P; r++)
        dm_proj_apply(&L->proj[0], c->cols + r * cv->K, c->vcols + r * L->kk);
    return 1;
}

/* The little outputs of M positions (c->yl) from their projected patches
 * (c->vcols, quantized in place): one GEMM by the packed little weights. */
static void little_outputs(rn_ctx *c, int si, size_t M)
{
    const dm_little *L = &c->e->s[si].little;
    dm_little_quantize_proj(L, c->vcols, (int)M);
    dm_pgemm_bias(&c->lw[si], (int)M, c->vcols, L->kk, L->bias, c->yl, L->rows);
}

/* A channel's GEMV over its sensitive positions is split over the threads
 * only with at least this many multiply-adds: below, waking a second thread
 * costs more than it saves (measured at 2 threads: 2.35 ms an image against
 * 1.68 ms on one at ratio 0.5, most lists being a few dozen patches). */
#define PAR_MIN_MACS 32768

/* One dual-module site convolution: out = relu(conv(x) + add) over n maps. */
static void site_conv(rn_ctx *c, int si, const dm_conv *cv, const float *x, int n, int H, int W, float *out,
                      const float *add)
{
    int Ho = dm_conv_out(H, cv->kh, cv->stride, cv->pad), Wo = dm_conv_out(W, cv->kw, cv->stride, cv->pad);
    int P = Ho * Wo;
    size_t M = (size_t)n * P, R = (size_t)cv->cout;
    double t0 = c->timed ? dm_now() : 0;
    if (c->mode != RUN_DENSE && c->e->s[si].off && !c->audit) {
        /* a site at ratio 0 takes nothing from its little module: it runs dense (dual.h) */
        dm_conv_forward_act(cv, x, n, H, W, out, c->cols, add, 1);
        if (c->stats)
            dm_engine_count_dense(c->e, si, (long)M, c->stats);
        if (c->timed)
            c->site_s += dm_now() - t0;
        return;
    }
    if (c->mode == RUN_DENSE && !c->fd) {
        dm_conv_forward_act(cv, x, n, H, W, out, c->cols, add, 1);
    } else if (c->mode == RUN_DENSE) { /* fitting: the pre-activations first */
        dm_conv_forward_patches(cv, x, n, H, W, out, c->cols); /* collect reads the patches */
        collect(c, si, cv, n, P, out, add);
        if (add)
            dm_add_relu(out, add, M * R);
        else
            dm_relu(out, M * R);
    } else if (c->mode == RUN_MERGE) {
        dm_conv_forward_patches(cv, x, n, H, W, c->ex, c->cols); /* every exact row; the patches stay for the little module */
        const dm_little *L = &c->e->s[si].little;
        if (L->proj[0].blocks > 1) {
            /* every pixel projected once (not each of its 9 patches: a PCA block reads all its input),
             * then one GEMM of the quantized projections by the packed weights, as the timing path */
            patches(c, si, cv, x, n, H, W, 0, 0);
            little_outputs(c, si, M);
        } else if (dm_little_forward_batch(L, c->cols, cv->K, (int)M, c->yl, c->err)) {
            c->failed = 1;
            return;
        }
        for (size_t r = 0; r < M; r++) {
            dm_site_io io = {.u = c->cols + r * cv->K, .g = c->g, .h = out + r * R, .add = add ? add + r * R : NULL};
            dm_engine_merge(c->e, &c->st, si, c->yl + r * R, c->ex + r * R, &io, c->audit, c->stats);
        }
    } else if (c->mode == RUN_GATHER) {
        const dm_little *L = &c->e->s[si].little;
        const dm_engine *e = c->e;
        /* with a block projection the big rows read the padded maps, not patches (below), when they fit
         * the patch buffer (sized for the net's largest patch matrix: they always have so far) */
        const int Hp = H + 2 * cv->pad, Wp = W + 2 * cv->pad;
        const size_t msz = (size_t)Hp * Wp * cv->cin;
        const int padded = L->proj[0].blocks > 1 && !c->audit && (size_t)n * msz <= (size_t)c->cap * c->m->max_cols;
        patches(c, si, cv, x, n, H, W, 1, !padded);
        /* the little outputs: one GEMM of the quantized projections by the packed weights (the same
         * products as dm_little_forward_proj_batch, summed in another order) */
        little_outputs(c, si, M);
        float *G = c->ex;
        memset(c->pcnt, 0, R * sizeof(int));
        /* the region test over every position at once (the engine's, without a call per position);
         * other configurations (an audit, the sign predictor, the error policy) step by step */
        if (c->audit || dm_engine_select_many(e, si, M, c->yl, add, G, c->plist, c->pcnt, c->stats) < 0) {
            for (size_t r = 0; r < M; r++) {
                dm_site_io io = {.u = c->cols + r * cv->K, .g = G + r * R, .add = add ? add + r * R : NULL};
                int ns = dm_engine_select(e, &c->st, si, c->yl + r * R, &io, c->stats);
                for (int i = 0; i < ns; i++) {
                    int ch = c->st.idx[i];
                    c->plist[(size_t)ch * M + (size_t)c->pcnt[ch]++] = (int)r;
                }
            }
        }
        int nt = dm_kernel_threads();
        /* the big rows: per output channel, a GEMV over the patches of its sensitive positions */
        const float *src = c->cols; /* the patches: nky = 1 run of K floats a position */
        size_t ld = (size_t)cv->K, run = (size_t)cv->K, rowstep = 0;
        int nky = 1;
        if (padded) {
            /* the maps zero-padded (into c->cols, unused otherwise here): a patch is kh runs of kw * cin
             * adjacent floats, one map row apart, so a sensitive output is kh dot products over runs of
             * the padded map itself, and no patch is ever copied (im2col of x was half the kernel's
             * time) */
            float *xp = c->cols;
            memset(xp, 0, (size_t)n * msz * sizeof(float));
            for (int i = 0; i < n; i++)
                for (int yy = 0; yy < H; yy++)
                    memcpy(xp + i * msz + ((size_t)(yy + cv->pad) * Wp + cv->pad) * cv->cin,
                           x + ((size_t)i * H * W + (size_t)yy * W) * cv->cin, (size_t)W * cv->cin * sizeof(float));
            for (size_t r = 0; r < M; r++) { /* position r -> its top-left pixel of the padded maps */
                size_t i = r / (size_t)P, p = r % (size_t)P;
                int oy = (int)(p / (size_t)Wo), ox = (int)(p % (size_t)Wo);
                c->pbase[r] = (int)(i * (size_t)Hp * Wp + (size_t)oy * cv->stride * Wp + (size_t)ox * cv->stride);
            }
            ld = (size_t)cv->cin, run = (size_t)cv->kw * cv->cin, rowstep = (size_t)Wp * cv->cin, nky = cv->kh;
        }
        float *acc = c->tmp + M; /* c->tmp holds cap * max_out >= 2 M floats */
        for (size_t ch = 0; ch < R; ch++) {
            int cnt = c->pcnt[ch];
            if (!cnt)
                continue;
            const int *pl = c->plist + ch * M, *rows = pl;
            if (padded) {
                for (int i = 0; i < cnt; i++)
                    c->prow[i] = c->pbase[pl[i]];
                rows = c->prow;
            }
            const float *wr = cv->w + ch * (size_t)cv->K;
            for (int ky = 0; ky < nky; ky++) {
                const float *base = src + (size_t)ky * rowstep, *wk = wr + (size_t)ky * run;
                float *dst = ky ? acc : c->tmp;
                if (e->kern)
                    dm_par_rows_gemv(e->kern, (size_t)cnt * run >= PAR_MIN_MACS ? nt : 1, base, ld, (int)run, rows,
                                     cnt, wk, dst);
                else
                    for (int i = 0; i < cnt; i++)
                        dst[i] = cblas_sdot((int)run, base + (size_t)rows[i] * ld, 1, wk, 1);
                if (ky)
                    for (int i = 0; i < cnt; i++)
                        c->tmp[i] += acc[i];
            }
            for (int i = 0; i < cnt; i++) {
                size_t o = (size_t)pl[i] * R + ch;
                G[o] = c->tmp[i] + cv->b[ch] + (add ? add[o] : 0.0f);
            }
        }
        memcpy(out, G, M * R * sizeof(float));
        dm_relu(out, M * R); /* vector code: a branch on the sign cost more than the copy */
    } else {
        const dm_little *L = &c->e->s[si].little;
        int blocked = patches(c, si, cv, x, n, H, W, 0, 1);
        for (size_t r = 0; r < M; r++) {
            dm_site_io io = {.u = c->cols + r * cv->K, .g = c->g, .h = out + r * R, .add = add ? add + r * R : NULL,
                             .v = blocked ? c->vcols + r * L->kk : NULL};
            dm_engine_step(c->e, &c->st, si, &io, c->audit, c->stats);
        }
    }
    /* the dual paths: the per-pixel projection, counted once per pixel (the engine leaves it out) */
    if (c->mode != RUN_DENSE && c->stats && c->e->s[si].site.blocks > 1)
        c->stats->little_macs += proj_macs(c, si, n, H, W);
    if (c->timed)
        c->site_s += dm_now() - t0;
}

/* n images (already in c->x0) to logits (n x classes). */
static int forward(rn_ctx *c, int n, float *logits)
{
    const dm_resnet *m = c->m;
    float *cur = c->A, *nxt = c->B;
    int H = m->H, W = m->W;
    dm_conv_forward_act(&m->stem, c->x0, n, H, W, cur, c->cols, NULL, 1);
    H = dm_conv_out(H, m->stem.kh, m->stem.stride, m->stem.pad);
    W = dm_conv_out(W, m->stem.kw, m->stem.stride, m->stem.pad);
    if (m->stem_pool) {
        int Hp = dm_conv_out(H, 3, 2, 1), Wp = dm_conv_out(W, 3, 2, 1);
        for (int i = 0; i < n; i++)
            dm_maxpool(cur + (size_t)i * H * W * m->stem.cout, H, W, m->stem.cout, 3, 2, 1,
                       nxt + (size_t)i * Hp * Wp * m->stem.cout);
        float *t = cur;
        cur = nxt, nxt = t;
        H = Hp, W = Wp;
    }
    for (int b = 0; b < m->nblocks && !c->failed; b++) {
        const dm_rblock *B = &m->blk[b];
        const float *sc = cur;
        if (B->has_down) {
            dm_conv_forward(&B->down, cur, n, H, W, c->S, c->cols);
            sc = c->S;
        }
        site_conv(c, B->site1, &B->c1, cur, n, H, W, c->T, NULL);
        site_conv(c, B->site2, &B->c2, c->T, n, B->Ho, B->Wo, nxt, sc);
        float *t = cur;
        cur = nxt, nxt = t;
        H = B->Ho, W = B->Wo;
    }
    if (c->failed)
        return -1;
    for (int i = 0; i < n; i++)
        dm_avgpool(cur + (size_t)i * H * W * m->feat, H, W, m->feat, c->feat + (size_t)i * m->feat);
    for (int i = 0; i < n; i++)
        memcpy(logits + (size_t)i * m->classes, m->fc_b, (size_t)m->classes * sizeof(float));
    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasTrans, n, m->classes, m->feat, 1.0f, c->feat, m->feat, m->fc_w,
                m->feat, 1.0f, logits, m->classes);
    if (c->stats)
        c->stats->steps += n;
    return 0;
}

enum { BATCH = 16 };

int dm_resnet_logits(const dm_resnet *m, const unsigned char *pix, int n, float *logits, dm_err *err)
{
    rn_ctx c;
    if (ctx_init(&c, m, n < BATCH ? (n > 0 ? n : 1) : BATCH, RUN_DENSE, NULL, err))
        return -1;
    int rc = 0;
    size_t isz = (size_t)m->H * m->W;
    for (int i = 0; i < n && !rc; i += c.cap) {
        int nb = n - i < c.cap ? n - i : c.cap;
        normalise(m, pix + i * isz, nb, c.x0);
        rc = forward(&c, nb, logits + (size_t)i * m->classes);
    }
    ctx_free(&c);
    return rc;
}

int dm_resnet_dual_logits(const dm_resnet *m, const dm_engine *e, const unsigned char *pix, int n, float *logits,
                          dm_dual_stats *st, dm_err *err)
{
    return dm_resnet_path_logits(m, e, DM_RESNET_QUALITY, pix, n, logits, st, err);
}

int dm_resnet_path_logits(const dm_resnet *m, const dm_engine *e, dm_resnet_path path, const unsigned char *pix,
                          int n, float *logits, dm_dual_stats *st, dm_err *err)
{
    rn_ctx c;
    static const run_mode modes[] = {RUN_MERGE, RUN_STEP, RUN_GATHER};
    if (path < DM_RESNET_QUALITY || path > DM_RESNET_PER_CHANNEL)
        return dm_errf(err, "resnet: dual path %d (expected 0 quality, 1 per position, 2 per channel)", (int)path);
    int cap = path != DM_RESNET_QUALITY ? 1 : n < BATCH ? (n > 0 ? n : 1) : BATCH; /* the timing paths: batch 1 */
    if (ctx_init(&c, m, cap, modes[path], e, err))
        return -1;
    c.stats = st;
    int rc = 0;
    size_t isz = (size_t)m->H * m->W;
    for (int i = 0; i < n && !rc; i += c.cap) {
        int nb = n - i < c.cap ? n - i : c.cap;
        normalise(m, pix + i * isz, nb, c.x0);
        rc = forward(&c, nb, logits + (size_t)i * m->classes);
    }
    ctx_free(&c);
    return rc;
}

/* ---- data ---- */

static void resnet_close(dm_data *d)
{
    if (!d)
        return;
    dm_resnet_data *r = (dm_resnet_data *)d;
    dm_images_free(&r->im);
    free(r);
}

static char *trim(char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    size_t n = strlen(s);
    while (n && (s[n - 1] == '\n' || s[n - 1] == '\r' || s[n - 1] == ' ' || s[n - 1] == '\t'))
        s[--n] = '\0';
    return s;
}

/* A split file: "images PATH", "labels PATH", "first N", "count N" (relative paths: to the file's directory). */
static int read_split(const char *path, char *images, char *labels, size_t sz, long *first, long *count,
                      dm_err *err)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return dm_errf(err, "%s: %s", path, strerror(errno));
    char line[4096], dir[4096];
    snprintf(dir, sizeof dir, "%s", path);
    char *sl = strrchr(dir, '/');
    if (sl)
        sl[1] = '\0';
    else
        dir[0] = '\0';
    images[0] = labels[0] = '\0';
    *first = 0, *count = 0;
    int ln = 0, rc = 0;
    while (!rc && fgets(line, sizeof line, f)) {
        ln++;
        char *s = trim(line);
        if (!*s || *s == '#')
            continue;
        char *v = s;
        while (*v && *v != ' ' && *v != '\t')
            v++;
        if (*v)
            *v++ = '\0';
        v = trim(v);
        if (strcmp(s, "images") == 0 || strcmp(s, "labels") == 0) {
            char *dst = s[0] == 'i' ? images : labels;
            if ((size_t)snprintf(dst, sz, "%s%s", v[0] == '/' ? "" : dir, v) >= sz)
                rc = dm_errf(err, "%s:%d: path too long", path, ln);
        } else if (strcmp(s, "first") == 0 || strcmp(s, "count") == 0) {
            char *end;
            errno = 0;
            long x = strtol(v, &end, 10);
            if (errno || end == v || *end || x < 0)
                rc = dm_errf(err, "%s:%d: %s '%s' is not a non-negative integer", path, ln, s, v);
            else
                *(s[0] == 'f' ? first : count) = x;
        } else {
            rc = dm_errf(err, "%s:%d: unknown key '%s' (an image split file has images, labels, first, count)",
                         path, ln, s);
        }
    }
    fclose(f);
    if (!rc && (!images[0] || !labels[0]))
        rc = dm_errf(err, "%s: an image split file needs 'images PATH' and 'labels PATH' lines", path);
    return rc;
}

static int is_gz_or_idx(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return 0;
    unsigned char b[4] = {0};
    size_t n = fread(b, 1, 4, f);
    fclose(f);
    return n == 4 && ((b[0] == 0x1f && b[1] == 0x8b) || (b[0] == 0 && b[1] == 0 && b[2] == 8 && b[3] == 3));
}

static int resnet_open(const dm_net *n, const char *path, long limit, dm_data **out, dm_err *err)
{
    const dm_resnet *m = (const dm_resnet *)n;
    *out = NULL;
    char images[4096], labels[4096], resolved[4096];
    long first = 0, count = 0;
    struct stat sb;
    if (stat(path, &sb) != 0 && strchr(path, '/') == NULL) {
        /* a data set name: its test split */
        if (dm_data_resolve(path, "test", resolved, sizeof resolved, err))
            return -1;
        path = resolved;
    }
    if (is_gz_or_idx(path)) {
        snprintf(images, sizeof images, "%s", path);
        if (dm_images_labels_path(path, labels, sizeof labels))
            return dm_errf(err, "%s: an IDX images file, but its labels file is not found by name (expected "
                                "'images-idx3' in the name, as Fashion-MNIST's files have)",
                           path);
    } else if (read_split(path, images, labels, sizeof images, &first, &count, err)) {
        return -1;
    }
    if (limit > 0 && (count == 0 || limit < count))
        count = limit;
    dm_resnet_data *d = calloc(1, sizeof *d);
    if (!d)
        return dm_errf(err, "out of memory");
    if (dm_images_load(&d->im, images, labels, first, count, err)) {
        free(d);
        return -1;
    }
    if (d->im.rows != m->H || d->im.cols != m->W) {
        dm_errf(err, "%s: %dx%d images; the model takes %dx%d", images, d->im.rows, d->im.cols, m->H, m->W);
        resnet_close(&d->base);
        return -1;
    }
    for (long i = 0; i < d->im.n; i++)
        if (d->im.label[i] >= m->classes) {
            dm_errf(err, "%s: image %ld has label %d; the model has %d classes", labels, first + i, d->im.label[i],
                    m->classes);
            resnet_close(&d->base);
            return -1;
        }
    if (d->im.n < 1) {
        resnet_close(&d->base);
        return dm_errf(err, "%s: no images to evaluate", path);
    }
    d->base.fam = &dm_family_resnet;
    d->base.items = d->base.scored = d->im.n;
    d->base.hash = d->im.hash;
    *out = &d->base;
    return 0;
}

/* ---- fitting ---- */

typedef struct fit_job {
    const dm_resnet *m;
    const dm_images *im;
    long nfit;
} fit_job;

static int fit_collect(dm_fitdata *fd, void *ud, dm_err *err)
{
    fit_job *j = ud;
    rn_ctx c;
    if (ctx_init(&c, j->m, BATCH, RUN_DENSE, NULL, err))
        return -1;
    c.fd = fd;
    c.nfit = j->nfit;
    c.ncal_done = calloc((size_t)fd->nsites, sizeof(int));
    float *lg = malloc((size_t)BATCH * j->m->classes * sizeof(float));
    int rc = c.ncal_done && lg ? 0 : dm_errf(err, "out of memory");
    size_t isz = (size_t)j->m->H * j->m->W;
    for (long i = 0; !rc && i < j->nfit; i += BATCH) {
        int nb = j->nfit - i < BATCH ? (int)(j->nfit - i) : BATCH;
        normalise(j->m, j->im->pix + i * isz, nb, c.x0);
        c.img0 = i;
        rc = forward(&c, nb, lg);
        if (!rc)
            rc = dm_fit_tick(fd, i + nb, j->nfit, err);
    }
    /* fewer positions than asked (tiny data): repeat the ones taken */
    for (int s = 0; !rc && s < fd->nsites; s++) {
        const dm_site *st = &j->m->base.site[s];
        for (int t = c.ncal_done[s]; t < fd->ncal && c.ncal_done[s] > 0; t++) {
            int src = t % c.ncal_done[s];
            memcpy(fd->cal_u[s] + (size_t)t * st->in, fd->cal_u[s] + (size_t)src * st->in, st->in * sizeof(float));
            if (fd->cal_add[s])
                memcpy(fd->cal_add[s] + (size_t)t * st->orows, fd->cal_add[s] + (size_t)src * st->orows,
                       st->orows * sizeof(float));
        }
    }
    free(lg);
    ctx_free(&c);
    return rc;
}

static int resnet_fit(const dm_net *n, const dm_data *train, long n_fit, int ncal, dm_fitdata *fd,
                      const dm_fit_progress *prog, dm_err *err)
{
    const dm_resnet *m = (const dm_resnet *)n;
    const dm_resnet_data *d = (const dm_resnet_data *)train;
    if (n_fit > d->im.n)
        n_fit = d->im.n;
    if (n_fit < 1)
        return dm_errf(err, "fitting needs at least 1 training image");
    size_t isz = (size_t)m->H * m->W;
    uint64_t dh = dm_fnv1a(DM_FNV_INIT, d->im.pix, (size_t)n_fit * isz);
    fit_job j = {m, &d->im, n_fit};
    return dm_fitdata_cached(fd, n->site, n->nsites, n->file_hash, dh, n_fit, ncal, fit_collect, &j, prog, NULL, err);
}

/* ---- quality ---- */

/* KL(p || q) of the softmaxes of logits a (p) and b (q). */
static double kl_logits(const float *a, const float *b, int n)
{
    double ma = a[0], mb = b[0];
    for (int i = 1; i < n; i++)
        ma = a[i] > ma ? a[i] : ma, mb = b[i] > mb ? b[i] : mb;
    double za = 0, zb = 0;
    for (int i = 0; i < n; i++)
        za += exp(a[i] - ma), zb += exp(b[i] - mb);
    double lza = log(za), lzb = log(zb), kl = 0;
    for (int i = 0; i < n; i++) {
        double la = a[i] - ma - lza, lb = b[i] - mb - lzb;
        kl += exp(la) * (la - lb);
    }
    return kl;
}

/* Paired standard error of the accuracy difference dual - dense in points,
 * from the per-image differences (+1: only the dual side right, -1: only
 * the dense side, 0: both or neither; their sum is okq - okd, their squares
 * sum to the disc images where exactly one side is right): sd / sqrt(n),
 * images independent. NaN below 2 images. */
static double acc_delta_se(long okd, long okq, long disc, long n)
{
    if (n < 2)
        return NAN;
    double m = (double)(okq - okd) / (double)n, v = (double)disc / (double)n - m * m;
    return v > 0 ? 100.0 * sqrt(v / (double)n) : 0;
}

static void put_acc(dm_eval_result *r, long ok, long n, double secs)
{
    dm_accuracy_acc a = {.correct = ok, .total = n};
    r->metric = DM_METRIC_ACC;
    dm_accuracy_result(&a, &r->value, &r->se);
    r->items = r->predictions = n;
    r->seconds = secs;
    r->items_per_s = secs > 0 ? (double)n / secs : 0;
}

static int resnet_eval(const dm_net *n, const dm_engine *e, const dm_data *data, const dm_eval_opts *o, int audit,
                       dm_dual_result *r, dm_err *err)
{
    const dm_resnet *m = (const dm_resnet *)n;
    const dm_resnet_data *d = (const dm_resnet_data *)data;
    dm_eval_opts def = {0};
    if (!o)
        o = &def;
    memset(r, 0, sizeof *r);
    rn_ctx cd, cq;
    if (ctx_init(&cd, m, BATCH, RUN_DENSE, NULL, err))
        return -1;
    if (e && ctx_init(&cq, m, BATCH, RUN_MERGE, e, err)) {
        ctx_free(&cd);
        return -1;
    }
    if (e) {
        cq.stats = &r->stats;
        cq.audit = audit;
    }
    float *ld = malloc((size_t)BATCH * m->classes * sizeof(float)), *lq = malloc((size_t)BATCH * m->classes * sizeof(float));
    int rc = ld && lq ? 0 : dm_errf(err, "out of memory");
    long okd = 0, okq = 0, agree = 0, i = 0, disc = 0; /* disc: images exactly one side gets right */
    r->nclass = m->classes <= DM_CONF_MAX ? m->classes : 0;
    double kl = 0, t0 = dm_now(), every = o->progress_every_s > 0 ? o->progress_every_s : 0.2, next = t0 + every;
    size_t isz = (size_t)m->H * m->W;
    for (; !rc && i < d->im.n; i += BATCH) {
        if (o->cancel && *o->cancel) {
            r->dual.cancelled = r->dense.cancelled = 1;
            break;
        }
        int nb = d->im.n - i < BATCH ? (int)(d->im.n - i) : BATCH;
        normalise(m, d->im.pix + i * isz, nb, cd.x0);
        if ((rc = forward(&cd, nb, ld)))
            break;
        if (e) {
            memcpy(cq.x0, cd.x0, (size_t)nb * isz * m->in_ch * sizeof(float));
            if ((rc = forward(&cq, nb, lq)))
                break;
        } else {
            memcpy(lq, ld, (size_t)nb * m->classes * sizeof(float));
        }
        for (int b = 0; b < nb; b++) {
            int y = d->im.label[i + b];
            int pd = dm_argmax(ld + (size_t)b * m->classes, m->classes);
            int pq = dm_argmax(lq + (size_t)b * m->classes, m->classes);
            okd += pd == y, okq += pq == y, agree += pd == pq;
            disc += (pd == y) != (pq == y);
            if (r->nclass) {
                r->confusion[0][y][pd]++;
                r->confusion[1][y][pq]++;
            }
            kl += kl_logits(ld + (size_t)b * m->classes, lq + (size_t)b * m->classes, m->classes);
        }
        double now = dm_now();
        if (o->progress && now >= next) {
            long done = i + nb;
            put_acc(&r->dense, okd, done, now - t0);
            put_acc(&r->dual, okq, done, now - t0);
            r->top1_agree = (double)agree / (double)done;
            r->kld = kl > 0 ? kl / (double)done : 0; /* a divergence: below 0 only by rounding */
            r->delta_se = acc_delta_se(okd, okq, disc, done);
            o->progress(&r->dual, d->im.n, o->progress_ud);
            next = now + every;
        }
    }
    long done = i < d->im.n ? i : d->im.n;
    if (!rc) {
        double secs = dm_now() - t0;
        put_acc(&r->dense, okd, done, secs);
        put_acc(&r->dual, okq, done, secs);
        r->top1_agree = done ? (double)agree / (double)done : 0;
        r->kld = done && kl > 0 ? kl / (double)done : 0;
        r->delta_se = acc_delta_se(okd, okq, disc, done);
    }
    free(ld), free(lq);
    ctx_free(&cd);
    if (e)
        ctx_free(&cq);
    return rc;
}

/* ---- timing ---- */

static int cold_add_conv(dm_cold *c, const dm_conv *cv)
{
    size_t w = (size_t)cv->cout * (size_t)cv->K * sizeof(float);
    return dm_cold_add(c, cv->w, w) || dm_cold_add(c, cv->b, (size_t)cv->cout * sizeof(float)) ||
           dm_cold_add(c, cv->wp, w);
}

/* What a cold image's sides evict besides the read flush (see dm_cold), dense and dual alike as the language
 * models' cold steps: the convolutions (and their packed copies), the fc, and the engine's little modules. */
static int cold_add_resnet(dm_cold *c, const dm_resnet *m, const dm_engine *e)
{
    int rc = cold_add_conv(c, &m->stem);
    for (int i = 0; i < m->nblocks && !rc; i++)
        rc = cold_add_conv(c, &m->blk[i].c1) || cold_add_conv(c, &m->blk[i].c2) ||
             (m->blk[i].has_down && cold_add_conv(c, &m->blk[i].down));
    rc = rc || dm_cold_add(c, m->fc_w, (size_t)m->classes * (size_t)m->feat * sizeof(float)) ||
         dm_cold_add(c, m->fc_b, (size_t)m->classes * sizeof(float));
    c->e = e;
    return rc ? -1 : 0;
}

static int resnet_bench(const dm_net *n, const dm_engine *e, int steps, int cold, dm_dual_bench *b, dm_err *err)
{
    const dm_resnet *m = (const dm_resnet *)n;
    memset(b, 0, sizeof *b);
    if (steps < 10)
        steps = 10;
    b->steps = steps, b->cold = cold, b->ratio = e->cfg.ratio;
    /* dense, then the two dual kernels (per position, per channel), interleaved image by image */
    enum { NP = 3 };
    static const run_mode modes[NP] = {RUN_DENSE, RUN_STEP, RUN_GATHER};
    static const char *const names[NP] = {"dense", "per-position", "per-channel"};
    rn_ctx cx[NP];
    int ninit = 0, rc = 0;
    for (; ninit < NP && !rc; ninit++)
        rc = ctx_init(&cx[ninit], m, 1, modes[ninit], modes[ninit] == RUN_DENSE ? NULL : e, err);
    if (rc) {
        for (int i = 0; i < ninit - 1; i++)
            ctx_free(&cx[i]);
        return -1;
    }
    dm_dual_stats st[NP];
    memset(st, 0, sizeof st);
    for (int i = 0; i < NP; i++) {
        cx[i].timed = 1;
        if (modes[i] != RUN_DENSE)
            cx[i].stats = &st[i];
    }
    dm_cold cs;
    int cerr = dm_cold_init(&cs, cold) || cold_add_resnet(&cs, m, e);
    double *ts[NP], *te[NP];
    int okm = 1;
    for (int i = 0; i < NP; i++) {
        ts[i] = malloc((size_t)steps * sizeof(double));
        te[i] = malloc((size_t)steps * sizeof(double));
        okm = okm && ts[i] && te[i];
    }
    double *pr = malloc((size_t)steps * sizeof(double));
    unsigned char *pix = malloc((size_t)m->H * m->W);
    float lg[DM_RESNET_MAX_CLASSES];
    rc = okm && pr && pix && !cerr ? 0 : dm_errf(err, "out of memory for the benchmark");
    /* inputs: pseudo-random images (the dual side's sensitive outputs depend on the content; the same
     * image for all three sides of a step) */
    uint64_t x = 0x2545f4914f6cdd1dULL;
    for (int it = -3; !rc && it < steps; it++) {
        for (int p = 0; p < m->H * m->W; p++) {
            x ^= x << 13, x ^= x >> 7, x ^= x << 17;
            pix[p] = (unsigned char)(x >> 56);
        }
        if (it == 0)
            memset(st, 0, sizeof st);
        for (int i = 0; i < NP && !rc; i++) {
            normalise(m, pix, 1, cx[i].x0);
            dm_cold_flush(&cs);
            cx[i].site_s = 0;
            double t = dm_now();
            rc = forward(&cx[i], 1, lg);
            double e2e = dm_now() - t;
            if (it >= 0) {
                ts[i][it] = cx[i].site_s * 1e3;
                te[i][it] = e2e * 1e3;
            }
        }
    }
    if (!rc) {
        /* the faster dual kernel (by median per-image speedup) is the figure; the other is reported beside */
        double med[NP] = {0};
        for (int i = 1; i < NP; i++) {
            for (int it = 0; it < steps; it++)
                pr[it] = ts[0][it] / ts[i][it];
            med[i] = dm_median(pr, steps);
        }
        int best = med[2] > med[1] ? 2 : 1, other = 3 - best;
        snprintf(b->path, sizeof b->path, "%s", names[best]);
        snprintf(b->alt_path, sizeof b->alt_path, "%s", names[other]);
        b->alt_sp = med[other];
        for (int it = 0; it < steps; it++)
            pr[it] = ts[0][it] / ts[best][it];
        dm_minmedmax(pr, steps, b->sp);
        b->spread = b->sp[1] > 0 ? (pr[(3 * (steps - 1)) / 4] - pr[(steps - 1) / 4]) / b->sp[1] : 0;
        for (int it = 0; it < steps; it++)
            pr[it] = te[0][it] / te[best][it];
        dm_minmedmax(pr, steps, b->sp_e2e);
        b->dense_ms = dm_median(ts[0], steps);
        b->dual_ms = dm_median(ts[best], steps);
        b->alt_ms = dm_median(ts[other], steps);
        b->dense_e2e_ms = dm_median(te[0], steps);
        b->dual_e2e_ms = dm_median(te[best], steps);
        const dm_dual_stats *sb = &st[best];
        b->achieved = dm_stats_ratio(sb, -1, -1);
        b->dense_bytes = sb->dense_bytes / steps;
        b->little_bytes = sb->little_bytes / steps;
        b->dual_bytes = (sb->big_bytes + sb->little_bytes) / steps;
        /* a convolution's weights are re-read from cache at every position: its limit is the ratio of
         * multiply-adds (dense / (big + little)), not of bytes */
        b->bytes_ratio = sb->dense_macs > 0 ? (sb->big_macs + sb->little_macs) / sb->dense_macs : 0;
        b->limit = sb->big_macs + sb->little_macs > 0 ? sb->dense_macs / (sb->big_macs + sb->little_macs) : 0;
    }
    for (int i = 0; i < NP; i++) {
        free(ts[i]), free(te[i]);
        ctx_free(&cx[i]);
    }
    free(pr), free(pix);
    dm_cold_free(&cs);
    return rc;
}

const dm_family dm_family_resnet = {
    .name = "resnet",
    .metric = "accuracy",
    .item = "image",
    .fit_items = 1000, /* images: their moments cost ~1 GFLOP each (every position of every site) */
    .cal_items = 8000, /* positions per site */
    .probe = resnet_probe,
    .load = resnet_load,
    .free = resnet_free,
    .open = resnet_open,
    .close = resnet_close,
    .fit = resnet_fit,
    .eval = resnet_eval,
    .bench = resnet_bench,
};
