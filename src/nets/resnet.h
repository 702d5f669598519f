/* resnet.h - the image classifier family: torchvision-layout ResNets (BasicBlock).
 *
 * A model is a torchvision ResNet state_dict saved as safetensors, loaded
 * unchanged: conv1 / bn1 (the stem), layerS.B.conv1 / bn1 / conv2 / bn2
 * (/ downsample.0 / downsample.1) per BasicBlock, fc. The stem is inferred
 * from conv1's kernel: 7x7 is torchvision's (stride 2, padding 3, then a
 * 3x3 stride-2 max-pool), 3x3 the CIFAR-style one (stride 1, no pool);
 * metadata "stem" = "cifar" | "torchvision" overrides. Input channels come
 * from conv1 (a gray image is replicated to 3 channels), classes from fc.
 * Batch norms are folded into the convolutions at load. Metadata "mean",
 * "std" (default Fashion-MNIST's 0.2860 / 0.3530), "size" (input height =
 * width, default 28), "classes" (comma-separated names), "dataset".
 *
 * Dual-module sites: both 3x3 convolutions of every block (conv + BN +
 * ReLU), one output position = one step whose input u is the position's
 * patch (kh * kw * cin values, conv.h's layout) and whose rows are the
 * output channels. A block's second convolution is a *residual* site: its
 * ReLU acts on conv2 + shortcut, so the region test uses the little
 * conv2 plus the exact shortcut (site.h). The stem, the 1x1 downsample
 * shortcuts and fc stay dense.
 *
 * Data: a split file (data/fashion-mnist/valid.txt: "images PATH", "labels
 * PATH", "first N", "count N" lines), a gzip IDX images file (the labels
 * file beside it), or a data set name ("fashion-mnist": its test split). */
#ifndef DM_RESNET_H
#define DM_RESNET_H

#include "conv.h"
#include "family.h"
#include "idx.h"

#define DM_RESNET_MAX_BLOCKS 32
#define DM_RESNET_MAX_CLASSES 1000

typedef struct dm_rblock {
    dm_conv c1, c2, down;
    int has_down;
    int H, W, Ho, Wo;  /* input and output map size */
    int site1, site2;  /* site indices of c1, c2 */
} dm_rblock;

typedef struct dm_resnet {
    dm_net base;
    int in_ch, H, W;         /* input image */
    int stem_pool;           /* torchvision stem: 3x3/2 max-pool after conv1 */
    dm_conv stem;
    int Hs, Ws;              /* map size after the stem (and pool) */
    int nblocks;
    int stage_blocks[8], nstage;
    dm_rblock blk[DM_RESNET_MAX_BLOCKS];
    int classes, feat;
    float *fc_w, *fc_b;      /* classes x feat, classes */
    float mean, std;
    size_t max_map, max_cols, max_out; /* floats per image */
    char class_names[64][24]; /* from metadata "classes" (nnames of them) */
    int nnames;
} dm_resnet;

typedef struct dm_resnet_data {
    dm_data base;
    dm_images im;
    char what[256];          /* "fashion-mnist test (10000 images)" */
} dm_resnet_data;

extern const dm_family dm_family_resnet;

/* Dense logits of n images (pixels: n * H * W bytes) into logits (n x classes). */
int dm_resnet_logits(const dm_resnet *m, const unsigned char *pix, int n, float *logits, dm_err *err);
/* Dual logits of n images through the engine's quality path (batched). */
int dm_resnet_dual_logits(const dm_resnet *m, const dm_engine *e, const unsigned char *pix, int n, float *logits,
                          dm_dual_stats *st, dm_err *err);
/* The same through one of the three dual paths: the batched quality path
 * (the above), or one of the two batch-1 timing kernels that bench times:
 * per position (an engine step each) or per channel (the little outputs by
 * one GEMM, then a GEMV per output channel over its sensitive positions).
 * They take the same decisions up to float rounding. */
typedef enum { DM_RESNET_QUALITY = 0, DM_RESNET_PER_POSITION, DM_RESNET_PER_CHANNEL } dm_resnet_path;
int dm_resnet_path_logits(const dm_resnet *m, const dm_engine *e, dm_resnet_path path, const unsigned char *pix,
                          int n, float *logits, dm_dual_stats *st, dm_err *err);
/* Multiply-adds of one image: the dual-moduled convolutions and the whole net, dense. */
double dm_resnet_site_macs(const dm_resnet *m);
double dm_resnet_macs(const dm_resnet *m);

#endif
