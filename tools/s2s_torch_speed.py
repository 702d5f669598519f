#!/usr/bin/python3
"""PyTorch's greedy batch-1 translation speed of a dualmod translator, for
comparison with `dualmod eval MODEL --split valid --threads N` (dense).

Loads MODEL/model.safetensors into models/train_s2s.py's network (F16 weights
widened to F32, as dualmod does), translates the first N sentences of a split
greedily one at a time (maximum length 2 * (source + 1) + 10) with T threads,
and prints sentences/s and the BLEU-free agreement with the reference greedy
translations in MODEL/reference/. Exit 0 with a note when torch is missing.

usage: /usr/bin/python3 tools/s2s_torch_speed.py [MODEL_DIR] [--split valid] [--n 200] [--threads 1]
"""
import argparse
import json
import os
import struct
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("model", nargs="?", default=os.path.join(ROOT, "models", "bible-es-en"))
    ap.add_argument("--split", default="valid")
    ap.add_argument("--n", type=int, default=200)
    ap.add_argument("--threads", type=int, default=1)
    args = ap.parse_args()
    try:
        import torch
    except ImportError:
        print("torch not installed: no PyTorch figure (apt-get install python3-torch)")
        return 0
    sys.path.insert(0, os.path.join(ROOT, "models"))
    import train_s2s as T
    torch.set_num_threads(args.threads)
    with open(os.path.join(args.model, "model.safetensors"), "rb") as f:
        n = struct.unpack("<Q", f.read(8))[0]
        hdr = json.loads(f.read(n))
        blob = f.read()
    meta = hdr.pop("__metadata__", {})
    tens = {}
    for k, v in hdr.items():
        a, b = v["data_offsets"]
        dt = {"F16": torch.float16, "F32": torch.float32}[v["dtype"]]
        tens[k] = torch.frombuffer(bytearray(blob[a:b]), dtype=dt).view(v["shape"]).float()
    E, H = int(meta["emsize"]), int(meta["nhid"])
    vs, vt = tens["src_emb.weight"].shape[0], tens["tgt_emb.weight"].shape[0]
    m = T.S2S(vs, vt, E, H, 0.0)
    sd = m.state_dict()
    sd["src_emb.weight"] = tens["src_emb.weight"]
    sd["tgt_emb.weight"] = tens["tgt_emb.weight"]
    for mod in ("enc0f", "enc0b", "enc1", "dec0", "dec1"):
        for nm in ("weight_ih", "weight_hh", "bias_ih", "bias_hh"):
            sd[f"{mod}.{nm}_l0"] = tens[f"{mod}.{nm}"]
    sd["att_in.weight"] = tens["att.W_a"]
    sd["att_out.weight"] = tens["att.W_c"]
    sd["out.weight"] = tens.get("out.weight", tens["tgt_emb.weight"])
    sd["out.bias"] = tens["out.bias"]
    m.load_state_dict(sd)
    m.eval()
    voc = {}
    enc = {}
    for lang in ("es", "en"):
        with open(os.path.join(args.model, f"vocab.{lang}"), encoding="utf-8") as f:
            voc[lang] = f.read().split("\n")[:-1]
        enc[lang] = T.prep.encoder(T.prep.read_merges(os.path.join(args.model, f"bpe.{lang}")), voc[lang])
    with open(os.path.join(ROOT, "data", "bible", f"{args.split}.es"), encoding="utf-8") as f:
        src = f.read().split("\n")[:args.n]
    ids = [enc["es"](s) for s in src]
    refp = os.path.join(args.model, "reference", f"{args.split}.greedy.en")
    ref = open(refp, encoding="utf-8").read().split("\n")[:args.n] if os.path.exists(refp) else None
    m.greedy(ids[0], 5)  # warm up
    t0 = time.perf_counter()
    outs = [m.greedy(s, 2 * (len(s) + 1) + 10) for s in ids]
    el = time.perf_counter() - t0
    same = ""
    if ref:
        txt = [T.prep.decode([voc["en"][i] for i in o]) for o in outs]
        same = f", {sum(a == b for a, b in zip(txt, ref))}/{len(txt)} identical to the reference greedy file"
    print(f"PyTorch {torch.__version__}: {len(ids)} {args.split} sentences greedy batch 1 in {el:.2f} s = "
          f"{len(ids) / el:.1f} sentences/s, {args.threads} thread(s){same}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
