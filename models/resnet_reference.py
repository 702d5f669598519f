#!/usr/bin/python3
"""PyTorch's reference figures of an exported fmnist-resnet model (independent of dualmod).

Loads DIR/model.safetensors (torchvision state_dict names, F16 or F32) into the
recipe's ResNet (models/train_resnet.py), evaluates it in F32, eval mode, and
writes DIR/reference.json: correct counts on the valid and test splits, and
on the first 1000 test images the count and every prediction (the subset the
test suite reproduces), with the torch version. Batch-1 latency and batched
throughput with N threads are measured too when --time is given.

usage: /usr/bin/python3 models/resnet_reference.py models/fmnist-resnet [--time --threads 1]
"""
import argparse
import json
import os
import struct
import sys
import time

import numpy as np
import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import train_resnet as T  # noqa: E402


def load_safetensors(path):
    with open(path, "rb") as f:
        n = struct.unpack("<Q", f.read(8))[0]
        header = json.loads(f.read(n))
        data = f.read()
    meta = header.pop("__metadata__", {})
    dt = {"F16": np.float16, "F32": np.float32, "I64": np.int64}
    sd = {}
    for name, h in header.items():
        a, b = h["data_offsets"]
        arr = np.frombuffer(data[a:b], dtype=dt[h["dtype"]]).reshape(h["shape"])
        t = torch.from_numpy(arr.copy())
        sd[name] = t.float() if t.dtype == torch.float16 else t
    return sd, meta


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dir")
    ap.add_argument("--time", action="store_true")
    ap.add_argument("--threads", type=int, default=1)
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    sd, meta = load_safetensors(os.path.join(args.dir, "model.safetensors"))
    width = sd["conv1.weight"].shape[0]
    blocks = []
    s = 1
    while f"layer{s}.0.conv1.weight" in sd:
        b = 0
        while f"layer{s}.{b}.conv1.weight" in sd:
            b += 1
        blocks.append(b)
        s += 1
    m = T.ResNet(blocks, width)
    m.load_state_dict(sd)
    m.eval()
    xva, yva = T.load_split("valid")
    xte, yte = T.load_split("test")
    with torch.no_grad():
        pred = torch.cat([m(xte[i:i + 500]).argmax(1) for i in range(0, len(yte), 500)])
        pva = torch.cat([m(xva[i:i + 500]).argmax(1) for i in range(0, len(yva), 500)])
    ref = {
        "valid_correct": int((pva == yva).sum()), "valid_n": len(yva),
        "test_correct": int((pred == yte).sum()), "test_n": len(yte),
        "test_first1000_correct": int((pred[:1000] == yte[:1000]).sum()),
        "test_first1000_pred": pred[:1000].tolist(),
        "torch": torch.__version__,
    }
    if args.time:
        x1 = xte[:1]
        with torch.no_grad():
            for _ in range(10):
                m(x1)
            ts = []
            for i in range(200):
                t = time.perf_counter()
                m(xte[i:i + 1])
                ts.append(time.perf_counter() - t)
            t = time.perf_counter()
            for i in range(0, 2000, 100):
                m(xte[i:i + 100])
            thr = 2000 / (time.perf_counter() - t)
        ref["torch_batch1_ms_median"] = float(np.median(ts) * 1e3)
        ref["torch_batch100_img_s"] = thr
        ref["torch_threads"] = args.threads
        print(f"PyTorch {args.threads} thread(s): batch-1 median {np.median(ts) * 1e3:.3f} ms, "
              f"batch-100 {thr:.0f} img/s")
    out = os.path.join(args.dir, "reference.json")
    old = {}
    if os.path.exists(out):
        with open(out) as f:
            old = json.load(f)
    old.update(ref)
    with open(out, "w") as f:
        json.dump(old, f, indent=1)
    print(f"valid {ref['valid_correct']}/{ref['valid_n']}, test {ref['test_correct']}/{ref['test_n']}, "
          f"first 1000 test {ref['test_first1000_correct']}; wrote {out}")


if __name__ == "__main__":
    main()
