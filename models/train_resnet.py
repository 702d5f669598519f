#!/usr/bin/python3
"""Train a ResNet (torchvision BasicBlock layout) on Fashion-MNIST.

Recipe for models/fmnist-resnet. The network is torchvision's ResNet with the
CIFAR-style stem (3x3 conv, stride 1, no max-pool), so the feature maps are
28/14/7/4 and every convolution carries real work; the width of the first
stage is a flag (torchvision's ResNet-18 is --width 64 --blocks 2,2,2,2).
Tensor names are exactly torchvision's state_dict() names (conv1, bn1,
layer1.0.conv1, layer2.0.downsample.0/1, fc, BN running statistics and
num_batches_tracked), so `dualmod` loads the export and any torchvision
ResNet state_dict alike.

Data: Debian's dataset-fashion-mnist (gzip IDX). Splits as dualmod uses
them: train = the first 55,000 official training images, valid = the last
5,000, test = the official 10,000. Normalisation (x/255 - 0.2860) / 0.3530.
Augmentation: random crop (pad 2) and horizontal flip. SGD with Nesterov
momentum, one-cycle learning rate, label smoothing 0.1, weight decay 5e-4.

The export is F16 safetensors (BN statistics in F16 too; num_batches_tracked
I64); the card's accuracies are of the exported weights cast back to F32.
"""
import argparse
import gzip
import json
import os
import struct
import sys
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

DATA = "/usr/share/datasets/fashion-mnist"
MEAN, STD = 0.2860, 0.3530


def read_idx(path, magic, dims):
    with gzip.open(path, "rb") as f:
        raw = f.read()
    m, n = struct.unpack(">II", raw[:8])
    if m != magic:
        sys.exit(f"{path}: magic {m:#x}, expected {magic:#x}")
    shape = (n,) + tuple(struct.unpack(">" + "I" * dims, raw[8:8 + 4 * dims]))
    return np.frombuffer(raw[8 + 4 * dims:], dtype=np.uint8).reshape(shape)


def load_split(name):
    if name == "test":
        x = read_idx(f"{DATA}/t10k-images-idx3-ubyte.gz", 0x803, 2)
        y = read_idx(f"{DATA}/t10k-labels-idx1-ubyte.gz", 0x801, 0)
    else:
        x = read_idx(f"{DATA}/train-images-idx3-ubyte.gz", 0x803, 2)
        y = read_idx(f"{DATA}/train-labels-idx1-ubyte.gz", 0x801, 0)
        sl = slice(0, 55000) if name == "train" else slice(55000, 60000)
        x, y = x[sl], y[sl]
    x = (torch.from_numpy(x.astype(np.float32)) / 255.0 - MEAN) / STD
    return x.unsqueeze(1).contiguous(), torch.from_numpy(y.astype(np.int64))


class BasicBlock(nn.Module):
    expansion = 1

    def __init__(self, cin, cout, stride):
        super().__init__()
        self.conv1 = nn.Conv2d(cin, cout, 3, stride, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(cout)
        self.relu = nn.ReLU(inplace=True)
        self.conv2 = nn.Conv2d(cout, cout, 3, 1, 1, bias=False)
        self.bn2 = nn.BatchNorm2d(cout)
        self.downsample = None
        if stride != 1 or cin != cout:
            self.downsample = nn.Sequential(nn.Conv2d(cin, cout, 1, stride, bias=False), nn.BatchNorm2d(cout))

    def forward(self, x):
        idt = x if self.downsample is None else self.downsample(x)
        z1 = self.bn1(self.conv1(x))
        z2 = self.bn2(self.conv2(self.relu(z1))) + idt
        if SITES is not None:  # the pre-activations of the two dual-module sites (--act-l1, sparsity)
            SITES.extend((z1, z2))
        return self.relu(z2)


# When a list, every BasicBlock appends its two convolutions' pre-ReLU maps to it.
SITES = None


class ResNet(nn.Module):
    """torchvision.models.resnet.ResNet's module names, CIFAR-style stem."""

    def __init__(self, blocks, width, in_ch=1, classes=10):
        super().__init__()
        self.conv1 = nn.Conv2d(in_ch, width, 3, 1, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(width)
        self.relu = nn.ReLU(inplace=True)
        cin = width
        for i, nb in enumerate(blocks):
            cout = width << i
            layers = []
            for b in range(nb):
                layers.append(BasicBlock(cin, cout, 2 if (b == 0 and i > 0) else 1))
                cin = cout
            setattr(self, f"layer{i + 1}", nn.Sequential(*layers))
        self.nstages = len(blocks)
        self.avgpool = nn.AdaptiveAvgPool2d(1)
        self.fc = nn.Linear(cin, classes)
        for m in self.modules():
            if isinstance(m, nn.Conv2d):
                nn.init.kaiming_normal_(m.weight, mode="fan_out", nonlinearity="relu")
        for m in self.modules():  # zero-init the last BN of each block (torchvision's zero_init_residual)
            if isinstance(m, BasicBlock):
                nn.init.constant_(m.bn2.weight, 0)

    def forward(self, x):
        x = self.relu(self.bn1(self.conv1(x)))
        for i in range(self.nstages):
            x = getattr(self, f"layer{i + 1}")(x)
        return self.fc(torch.flatten(self.avgpool(x), 1))


def augment(x):
    n = x.size(0)
    pad = F.pad(x, (2, 2, 2, 2), value=(0 - MEAN) / STD)
    ox = torch.randint(0, 5, (n,))
    oy = torch.randint(0, 5, (n,))
    idx = torch.arange(28)
    rows = (oy.view(n, 1) + idx.view(1, 28))  # n x 28
    cols = (ox.view(n, 1) + idx.view(1, 28))
    b = torch.arange(n).view(n, 1, 1)
    out = pad[:, 0][b, rows.view(n, 28, 1), cols.view(n, 1, 28)].unsqueeze(1)
    flip = torch.rand(n) < 0.5
    out[flip] = out[flip].flip(3)
    return out


def evaluate(model, x, y, bs=500):
    model.eval()
    correct = 0
    with torch.no_grad():
        for i in range(0, x.size(0), bs):
            correct += (model(x[i:i + bs]).argmax(1) == y[i:i + bs]).sum().item()
    return correct


def zero_fraction(model, x, bs=250):
    """Mean over the block convolutions of the fraction of pre-activations <= 0 (ReLU's zeros)."""
    global SITES
    model.eval()
    zs = []
    with torch.no_grad():
        for i in range(0, x.size(0), bs):
            SITES = []
            model(x[i:i + bs])
            zs.append([(z <= 0).float().mean().item() for z in SITES])
    SITES = None
    return float(np.mean(zs)) if zs and zs[0] else 0.0


def export_safetensors(path, sd, metadata):
    header = {"__metadata__": metadata}
    blobs, off = [], 0
    for name, t in sd.items():
        t = t.detach().contiguous()
        if t.dtype == torch.float32:
            t = t.half()
        dtype = {torch.float16: "F16", torch.float32: "F32", torch.int64: "I64"}[t.dtype]
        raw = t.numpy().tobytes()
        header[name] = {"dtype": dtype, "shape": list(t.shape), "data_offsets": [off, off + len(raw)]}
        blobs.append(raw)
        off += len(raw)
    hjson = json.dumps(header, separators=(",", ":")).encode()
    hjson += b" " * ((8 - len(hjson) % 8) % 8)
    tmp = path + ".tmp"
    with open(tmp, "wb") as f:
        f.write(struct.pack("<Q", len(hjson)))
        f.write(hjson)
        for b in blobs:
            f.write(b)
    os.replace(tmp, path)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", default="models/fmnist-resnet")
    ap.add_argument("--width", type=int, default=32)
    ap.add_argument("--blocks", default="2,2,2,2")
    ap.add_argument("--epochs", type=int, default=12)
    ap.add_argument("--batch", type=int, default=128)
    ap.add_argument("--lr", type=float, default=0.2)
    ap.add_argument("--wd", type=float, default=5e-4)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--seed", type=int, default=1111)
    ap.add_argument("--limit", type=int, default=0, help="train on the first N images only (smoke test)")
    ap.add_argument("--init", help="start from this model directory's weights (fine-tuning)")
    ap.add_argument("--act-l1", type=float, default=0.0,
                    help="add this times the sum over the 3x3 block convolutions of mean(relu(pre-activation)): "
                         "an L1 penalty on the activations that makes more of them zero (activation sparsity)")
    args = ap.parse_args()
    global SITES
    torch.manual_seed(args.seed)
    torch.set_num_threads(args.threads)
    blocks = [int(b) for b in args.blocks.split(",")]
    xtr, ytr = load_split("train")
    if args.limit:
        xtr, ytr = xtr[:args.limit], ytr[:args.limit]
    xva, yva = load_split("valid")
    xte, yte = load_split("test")
    model = ResNet(blocks, args.width)
    if args.init:
        sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
        import resnet_reference
        sd0, _ = resnet_reference.load_safetensors(os.path.join(args.init, "model.safetensors"))
        model.load_state_dict(sd0)
    nparam = sum(p.numel() for p in model.parameters())
    print(f"ResNet blocks {blocks} width {args.width}: {nparam:,} parameters; train {len(ytr)}", flush=True)
    opt = torch.optim.SGD(model.parameters(), lr=args.lr, momentum=0.9, nesterov=True, weight_decay=args.wd)
    steps = args.epochs * ((len(ytr) + args.batch - 1) // args.batch)
    sched = torch.optim.lr_scheduler.OneCycleLR(opt, max_lr=args.lr, total_steps=steps, pct_start=0.25)
    t0 = time.time()
    log = []
    for ep in range(args.epochs):
        model.train()
        te = time.time()
        perm = torch.randperm(len(ytr))
        tot, n = 0.0, 0
        for i in range(0, len(ytr), args.batch):
            idx = perm[i:i + args.batch]
            xb, yb = augment(xtr[idx]), ytr[idx]
            SITES = [] if args.act_l1 else None
            loss = F.cross_entropy(model(xb), yb, label_smoothing=0.1)
            if args.act_l1:
                loss = loss + args.act_l1 * sum(F.relu(z).mean() for z in SITES)
                SITES = None
            opt.zero_grad(set_to_none=True)
            loss.backward()
            opt.step()
            sched.step()
            tot += loss.item() * len(idx)
            n += len(idx)
        va = evaluate(model, xva, yva)
        zero = zero_fraction(model, xva[:1000])
        line = (f"epoch {ep + 1:3d} | {time.time() - te:6.1f}s | loss {tot / n:.4f} | "
                f"valid {100.0 * va / len(yva):.2f}% | zeros {100.0 * zero:.1f}% | {(time.time() - t0) / 60:5.1f} min")
        print(line, flush=True)
        log.append(line)
    minutes = (time.time() - t0) / 60
    os.makedirs(args.out, exist_ok=True)
    sd = model.state_dict()
    meta = {"family": "resnet", "dataset": "fashion-mnist", "stem": "cifar", "mean": str(MEAN), "std": str(STD),
            "classes": "T-shirt/top,Trouser,Pullover,Dress,Coat,Sandal,Shirt,Sneaker,Bag,Ankle boot"}
    path = os.path.join(args.out, "model.safetensors")
    export_safetensors(path, sd, meta)
    # Accuracy of the exported weights (F16 -> F32).
    ref = ResNet(blocks, args.width)
    ref.load_state_dict({k: (v.half().float() if v.dtype == torch.float32 else v) for k, v in sd.items()})
    va, te = evaluate(ref, xva, yva), evaluate(ref, xte, yte)
    with open(os.path.join(args.out, "reference.json"), "w") as f:
        json.dump({"valid_correct": va, "valid_n": len(yva), "test_correct": te, "test_n": len(yte),
                   "torch": torch.__version__, "threads": args.threads}, f, indent=1)
    cmd = "/usr/bin/python3 models/train_resnet.py " + " ".join(sys.argv[1:])
    extra = ""
    if args.init:
        extra += f", fine-tuned from `{args.init}`"
    if args.act_l1:
        extra += (f", activation L1 penalty {args.act_l1} x sum over the 16 block convolutions of mean(relu(pre-activation))"
                  f" (pre-activations <= 0 on the first 1,000 valid images: {100.0 * zero_fraction(ref, xva[:1000]):.1f}%)")
    card = f"""# {os.path.basename(os.path.normpath(args.out))}

ResNet (torchvision BasicBlock layout, CIFAR-style stem) classifier on Fashion-MNIST.

| | |
|---|---|
| architecture | conv 3x3/1 ({args.width}) + BN + ReLU, no max-pool; stages of BasicBlocks {blocks}, widths {[args.width << i for i in range(len(blocks))]}, feature maps {[28 >> i if i < 3 else 4 for i in range(len(blocks))]}; global average pool; fc {args.width << (len(blocks) - 1)} x 10 |
| parameters | {nparam:,} |
| stored as | F16 safetensors, torchvision `state_dict()` names (BN running statistics F16, `num_batches_tracked` I64) |
| data | Debian `dataset-fashion-mnist`; train = first 55,000 training images, valid = last 5,000, test = official 10,000; (x/255 - 0.2860) / 0.3530 |
| training | SGD Nesterov momentum 0.9, one-cycle lr max {args.lr}, weight decay {args.wd}, label smoothing 0.1, batch {args.batch}, random crop (pad 2) + flip, {args.epochs} epochs, seed {args.seed}, {args.threads} thread(s){extra} |
| training time | {minutes:.1f} min on a 2-core AMD EPYC, PyTorch {torch.__version__} |
| valid accuracy | {100.0 * va / len(yva):.2f}% ({va} / {len(yva)}) |
| test accuracy | {100.0 * te / len(yte):.2f}% ({te} / {len(yte)}) |

Accuracies are of the exported F16 weights evaluated in F32 (batch 500, eval mode), which is what
`dualmod eval fmnist-resnet` computes; `reference.json` holds the counts the tests check.
Width {args.width} rather than torchvision's 64: the same depth (ResNet-18's [2,2,2,2]) at {(args.width / 64) ** 2:.3g} of the
operations trains within the session budget on two cores; `--width 64` gives the full ResNet-18.

Reproduce (from the repository root):

    {cmd}

Training log:

""" + "\n".join("    " + l for l in log) + "\n"
    with open(os.path.join(args.out, "card.md"), "w") as f:
        f.write(card)
    print(f"valid {va}/{len(yva)} test {te}/{len(yte)}; wrote {path}")


if __name__ == "__main__":
    main()
