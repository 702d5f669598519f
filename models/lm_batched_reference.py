#!/usr/bin/python3
"""PyTorch's batched evaluation of a shipped language model, as a reference.

PyTorch's word_language_model evaluates a split as N contiguous streams
(batchify: the first N * (n // N) tokens, stream j = tokens [j L, (j+1) L),
each from a zero state, state carried across bptt chunks). `dualmod eval
MODEL --streams N` must reproduce it. This script loads MODEL/model.safetensors
(F16, cast to F32 as dualmod does), evaluates the valid and test splits of
data/kjv at the given stream counts and stores the figures under "batched"
in MODEL/reference.json (the batch-1 figures written by train_lm.py stay),
and under "prefix" the batch-1 figures of each split's first 2000 tokens
(for a quick test of the stream path on a large model).

usage: /usr/bin/python3 models/lm_batched_reference.py models/kjv-lstm [--streams 10 20]
"""
import argparse
import json
import math
import os
import sys

import torch

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
import train_lm as T  # noqa: E402
from resnet_reference import load_safetensors  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dir")
    ap.add_argument("--streams", type=int, nargs="*", default=[10, 20])
    ap.add_argument("--data", default=os.path.join(ROOT, "data", "kjv"))
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--prefix", type=int, default=2000,
                    help="also the batch-1 figure of each split's first N tokens (a quick check of the stream path)")
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    sd, meta = load_safetensors(os.path.join(args.dir, "model.safetensors"))
    vocab, w2i = T.read_vocab(os.path.join(args.dir, "vocab.txt"))
    model = T.RNNModel(meta["rnn_type"], int(meta["ntoken"]), int(meta["emsize"]), int(meta["nhid"]),
                       int(meta["nlayers"]), 0.0, meta.get("tied", "true") == "true")
    sd = dict(sd)
    if "decoder.weight" not in sd:
        sd["decoder.weight"] = sd["encoder.weight"]
    model.load_state_dict(sd)
    model.eval()
    refp = os.path.join(args.dir, "reference.json")
    with open(refp) as f:
        ref = json.load(f)
    batched = ref.get("batched", {})
    for split in ("valid", "test"):
        ids = T.read_tokens(os.path.join(args.data, split + ".txt"), w2i)
        for n in args.streams:
            data = T.batchify(ids, n)
            nll = T.evaluate_batched(model, data, 35, n)
            key = f"{split}_{n}"
            batched[key] = {"split": split, "streams": n, "ppl": math.exp(nll), "nll": nll,
                            "predictions": n * (data.size(0) - 1)}
            print(f"{args.dir} {split} streams {n}: ppl {math.exp(nll):.4f} over {n * (data.size(0) - 1)} predictions",
                  flush=True)
    ref["batched"] = batched
    prefix = ref.get("prefix", {})
    for split in ("valid", "test"):
        ids = T.read_tokens(os.path.join(args.data, split + ".txt"), w2i)[: args.prefix]
        nll = T.evaluate_stream(model, ids)
        prefix[f"{split}_{args.prefix}"] = {"split": split, "tokens": ids.numel(), "ppl": math.exp(nll), "nll": nll,
                                            "predictions": ids.numel() - 1}
        print(f"{args.dir} {split} first {ids.numel()} tokens, batch 1: ppl {math.exp(nll):.4f}", flush=True)
    ref["prefix"] = prefix
    with open(refp, "w") as f:
        json.dump(ref, f, indent=2)
        f.write("\n")


if __name__ == "__main__":
    main()
