#!/usr/bin/python3
"""Train the Spanish->English Bible translator (seq2seq with attention) and export it.

Model (tensor names in OUT/card.md and src/nets/seq2seq.h):
  * source and target embeddings (E), BPE vocabularies of data/bible;
  * encoder: layer 0 a bidirectional LSTM (H/2 each way, outputs
    concatenated: H), layer 1 an LSTM (H); the source ends with </s>;
  * decoder: 2 LSTM layers (H) over the target embeddings, no input feeding;
    layer l starts from the encoder's final state of layer l (layer 0: the
    forward and backward final states concatenated);
  * attention: Luong "general": q = W_a h_t, score_s = q . s_s over the
    encoder's top-layer outputs s_s, a = softmax(score), c = sum_s a_s s_s,
    h~ = tanh(W_c [c; h_t]), logits = W_out h~ + b_out (W_out tied to the
    target embedding when E == H).
Training: Adam, label smoothing 0.1, dropout, batches of pairs with the same
source length (so no source padding), learning rate halved when the
validation loss does not improve, a wall-clock budget; the best checkpoint
(validation loss) is exported as F16 safetensors. Then the exported weights
(cast back to F32) translate valid and test greedily at batch 1 (maximum
length 2 * source + 10): the token ids and detokenized text are written to
OUT/reference/ for dualmod's tests.

usage: /usr/bin/python3 models/train_s2s.py --out models/bible-es-en
"""
import argparse
import importlib.util
import json
import math
import os
import random
import shutil
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
from train_lm import LSTMFn, export_safetensors  # noqa: E402

spec = importlib.util.spec_from_file_location("prepare", os.path.join(ROOT, "data", "bible", "prepare.py"))
prep = importlib.util.module_from_spec(spec)
spec.loader.exec_module(prep)

PAD, UNK, BOS, EOS = 0, 1, 2, 3


def lstm_params(m):
    return [getattr(m, n) for n in ("weight_ih_l0", "weight_hh_l0", "bias_ih_l0", "bias_hh_l0")]


def run_lstm(m, x, h0, c0, fast):
    if fast:
        return LSTMFn.apply(x, h0, c0, *lstm_params(m))
    out, (h, c) = m(x, (h0.unsqueeze(0), c0.unsqueeze(0)))
    return out, h[0], c[0]


class S2S(nn.Module):
    def __init__(self, vs, vt, E, H, dropout):
        super().__init__()
        self.E, self.H = E, H
        self.src_emb = nn.Embedding(vs, E)
        self.tgt_emb = nn.Embedding(vt, E)
        self.enc0f = nn.LSTM(E, H // 2)
        self.enc0b = nn.LSTM(E, H // 2)
        self.enc1 = nn.LSTM(H, H)
        self.dec0 = nn.LSTM(E, H)
        self.dec1 = nn.LSTM(H, H)
        self.att_in = nn.Linear(H, H, bias=False)      # W_a
        self.att_out = nn.Linear(2 * H, H, bias=False)  # W_c over [c; h]
        self.out = nn.Linear(H, vt)
        self.tied = E == H
        if self.tied:
            self.out.weight = self.tgt_emb.weight
        self.drop = nn.Dropout(dropout)
        for emb in (self.src_emb, self.tgt_emb):
            nn.init.uniform_(emb.weight, -0.1, 0.1)
        nn.init.zeros_(self.out.bias)

    def encode(self, src, fast):
        """src (T, B) -> states (T, B, H), [(h, c) per layer]"""
        T, B = src.shape
        x = self.drop(self.src_emb(src))
        z = x.new_zeros(B, self.H // 2)
        of, hf, cf = run_lstm(self.enc0f, x, z, z, fast)
        ob, hb, cb = run_lstm(self.enc0b, x.flip(0), z, z, fast)
        l0 = torch.cat([of, ob.flip(0)], dim=2)
        z1 = x.new_zeros(B, self.H)
        s, h1, c1 = run_lstm(self.enc1, self.drop(l0), z1, z1, fast)
        return s, [(torch.cat([hf, hb], 1), torch.cat([cf, cb], 1)), (h1, c1)]

    def attend(self, hd, s):
        """hd (U, B, H) decoder top outputs, s (T, B, H) -> logits (U, B, V)"""
        q = self.att_in(hd)                                   # (U, B, H)
        scores = torch.einsum("ubh,tbh->but", q, s)
        a = torch.softmax(scores, dim=2)
        ctx = torch.einsum("but,tbh->ubh", a, s)
        ht = torch.tanh(self.att_out(torch.cat([ctx, hd], dim=2)))
        return self.out(self.drop(ht))

    def forward(self, src, tgt_in, fast=True):
        s, st = self.encode(src, fast)
        y = self.drop(self.tgt_emb(tgt_in))
        d0, _, _ = run_lstm(self.dec0, y, st[0][0], st[0][1], fast)
        d1, _, _ = run_lstm(self.dec1, self.drop(d0), st[1][0], st[1][1], fast)
        return self.attend(d1, s)

    @torch.no_grad()
    def greedy(self, src_ids, max_len):
        src = torch.tensor(src_ids + [EOS]).view(-1, 1)
        s, st = self.encode(src, False)
        h = [st[0][0], st[1][0]]
        c = [st[0][1], st[1][1]]
        out = []
        tok = BOS
        for _ in range(max_len):
            x = self.tgt_emb(torch.tensor([[tok]]))
            o0, (h0, c0) = self.dec0(x, (h[0].unsqueeze(0), c[0].unsqueeze(0)))
            o1, (h1, c1) = self.dec1(o0, (h[1].unsqueeze(0), c[1].unsqueeze(0)))
            h = [h0[0], h1[0]]
            c = [c0[0], c1[0]]
            logits = self.attend(o1, s)
            tok = int(logits.view(-1).argmax())
            if tok == EOS:
                break
            out.append(tok)
        return out


def load_split(data, name, enc_es, enc_en):
    with open(os.path.join(data, f"{name}.es"), encoding="utf-8") as f:
        es = f.read().split("\n")[:-1]
    with open(os.path.join(data, f"{name}.en"), encoding="utf-8") as f:
        en = f.read().split("\n")[:-1]
    assert len(es) == len(en)
    return [(enc_es(a), enc_en(b)) for a, b in zip(es, en)], es, en


def batches(pairs, bsz, max_len, rng):
    by_len = {}
    for i, (s, t) in enumerate(pairs):
        if len(s) + 1 <= max_len and len(t) + 1 <= max_len:
            by_len.setdefault(len(s), []).append(i)
    out = []
    for L, idx in by_len.items():
        rng.shuffle(idx)
        for k in range(0, len(idx), bsz):
            out.append(idx[k:k + bsz])
    rng.shuffle(out)
    return out


def tensors(pairs, idx):
    src = torch.tensor([pairs[i][0] + [EOS] for i in idx]).t()
    U = max(len(pairs[i][1]) for i in idx) + 1
    tin = torch.full((U, len(idx)), PAD, dtype=torch.long)
    tout = torch.full((U, len(idx)), PAD, dtype=torch.long)
    for j, i in enumerate(idx):
        t = pairs[i][1]
        tin[:len(t) + 1, j] = torch.tensor([BOS] + t)
        tout[:len(t) + 1, j] = torch.tensor(t + [EOS])
    return src, tin, tout


def valid_loss(model, pairs, bsz):
    model.eval()
    tot, n = 0.0, 0
    with torch.no_grad():
        for idx in batches(pairs, bsz, 10 ** 9, random.Random(0)):
            src, tin, tout = tensors(pairs, idx)
            logits = model(src, tin, fast=False)
            loss = F.cross_entropy(logits.view(-1, logits.size(-1)), tout.view(-1), ignore_index=PAD,
                                   reduction="sum")
            tot += loss.item()
            n += int((tout != PAD).sum())
    model.train()
    return tot / n


def export(model, path, meta):
    sd = model.state_dict()
    names = [("src_emb.weight", "src_emb.weight"), ("tgt_emb.weight", "tgt_emb.weight")]
    for mod in ("enc0f", "enc0b", "enc1", "dec0", "dec1"):
        for n in ("weight_ih", "weight_hh", "bias_ih", "bias_hh"):
            names.append((f"{mod}.{n}", f"{mod}.{n}_l0"))
    names += [("att.W_a", "att_in.weight"), ("att.W_c", "att_out.weight")]
    if not model.tied:
        names.append(("out.weight", "out.weight"))
    names.append(("out.bias", "out.bias"))
    export_safetensors(path, [(a, sd[b].half()) for a, b in names], meta)


def main():
    ap = argparse.ArgumentParser(description="train the Bible es->en translator and export it")
    ap.add_argument("--out", required=True)
    ap.add_argument("--data", default=os.path.join(ROOT, "data", "bible"))
    ap.add_argument("--emsize", type=int, default=512)
    ap.add_argument("--nhid", type=int, default=512)
    ap.add_argument("--dropout", type=float, default=0.3)
    ap.add_argument("--lr", type=float, default=2e-3)
    ap.add_argument("--batch-size", type=int, default=64)
    ap.add_argument("--max-len", type=int, default=100, help="training pairs longer than this (BPE) are skipped")
    ap.add_argument("--clip", type=float, default=1.0)
    ap.add_argument("--smoothing", type=float, default=0.1)
    ap.add_argument("--seed", type=int, default=1111)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--max-minutes", type=float, default=75.0)
    ap.add_argument("--epochs", type=int, default=100)
    ap.add_argument("--max-batches", type=int, default=0, help="stop after this many batches (speed checks)")
    ap.add_argument("--ref-limit", type=int, default=0, help="translate only this many sentences per split (0: all)")
    args = ap.parse_args()

    torch.manual_seed(args.seed)
    torch.set_num_threads(args.threads)
    rng = random.Random(args.seed)
    t_start = time.time()
    voc, enc = {}, {}
    for lang in ("es", "en"):
        with open(os.path.join(args.data, f"vocab.{lang}"), encoding="utf-8") as f:
            voc[lang] = f.read().split("\n")[:-1]
        enc[lang] = prep.encoder(prep.read_merges(os.path.join(args.data, f"bpe.{lang}")), voc[lang])
    train, _, _ = load_split(args.data, "train", enc["es"], enc["en"])
    valid, valid_es, valid_en = load_split(args.data, "valid", enc["es"], enc["en"])
    print(f"data: {len(train)} train, {len(valid)} valid pairs; vocab es {len(voc['es'])} en {len(voc['en'])}; "
          f"{time.time() - t_start:.0f} s", flush=True)

    model = S2S(len(voc["es"]), len(voc["en"]), args.emsize, args.nhid, args.dropout)
    nparams = sum(p.numel() for p in model.parameters())
    print(f"model: {nparams} parameters", flush=True)
    opt = torch.optim.Adam(model.parameters(), lr=args.lr)
    os.makedirs(args.out, exist_ok=True)
    ckpt = os.path.join(args.out, "best.pt")
    best, lr, epochs_done, nb = float("inf"), args.lr, 0.0, 0
    budget = args.max_minutes * 60
    stop = False
    for epoch in range(1, args.epochs + 1):
        bl = batches(train, args.batch_size, args.max_len, rng)
        t0, tot, ntok = time.time(), 0.0, 0
        for bi, idx in enumerate(bl):
            src, tin, tout = tensors(train, idx)
            logits = model(src, tin)
            loss = F.cross_entropy(logits.view(-1, logits.size(-1)), tout.view(-1), ignore_index=PAD,
                                   label_smoothing=args.smoothing)
            opt.zero_grad()
            loss.backward()
            nn.utils.clip_grad_norm_(model.parameters(), args.clip)
            opt.step()
            n = int((tout != PAD).sum())
            tot += loss.item() * n
            ntok += n
            nb += 1
            if bi % 100 == 0 or args.max_batches:
                el = time.time() - t0
                print(f"  epoch {epoch} batch {bi}/{len(bl)} loss {tot / max(ntok, 1):.3f} "
                      f"{ntok / max(el, 1e-9):.0f} tok/s", flush=True)
            if (args.max_batches and nb >= args.max_batches) or time.time() - t_start > budget:
                stop = True
                epochs_done += (bi + 1) / len(bl)
                break
        else:
            epochs_done += 1
        vl = valid_loss(model, valid, 64)
        print(f"epoch {epoch}: train {tot / max(ntok, 1):.3f} valid loss {vl:.3f} ppl {math.exp(vl):.2f} "
              f"lr {lr:g} {time.time() - t0:.0f} s, {(time.time() - t_start) / 60:.1f} min", flush=True)
        if vl < best:
            best = vl
            torch.save(model.state_dict(), ckpt)
        else:
            lr /= 2
            for g in opt.param_groups:
                g["lr"] = lr
        if stop:
            break
    minutes = (time.time() - t_start) / 60
    model.load_state_dict(torch.load(ckpt))
    meta = {"family": "seq2seq", "dataset": "bible", "src_lang": "es", "tgt_lang": "en",
            "emsize": str(args.emsize), "nhid": str(args.nhid), "encoder": "bi-lstm+lstm",
            "attention": "luong-general", "input_feeding": "no", "epochs": f"{epochs_done:.2f}",
            "minutes": f"{minutes:.1f}", "valid_loss": f"{best:.4f}"}
    export(model, os.path.join(args.out, "model.safetensors"), meta)
    for lang in ("es", "en"):
        shutil.copy(os.path.join(args.data, f"vocab.{lang}"), os.path.join(args.out, f"vocab.{lang}"))
        shutil.copy(os.path.join(args.data, f"bpe.{lang}"), os.path.join(args.out, f"bpe.{lang}"))
    # the exported F16 weights, back in F32, translate valid and test greedily
    sd = model.state_dict()
    for k in sd:
        sd[k] = sd[k].half().float()
    model.load_state_dict(sd)
    model.eval()
    refdir = os.path.join(args.out, "reference")
    os.makedirs(refdir, exist_ok=True)
    for name in ("valid", "test"):
        pairs, _, _ = load_split(args.data, name, enc["es"], enc["en"])
        if args.ref_limit:
            pairs = pairs[:args.ref_limit]
        t0 = time.time()
        with open(os.path.join(refdir, f"{name}.greedy.ids"), "w") as fi, \
                open(os.path.join(refdir, f"{name}.greedy.en"), "w", encoding="utf-8") as ft:
            for s, _ in pairs:
                out = model.greedy(s, 2 * (len(s) + 1) + 10)
                fi.write(" ".join(map(str, out)) + "\n")
                ft.write(prep.decode([voc["en"][i] for i in out]) + "\n")
        el = time.time() - t0
        print(f"{name}: greedy batch-1 {len(pairs)} sentences in {el:.1f} s "
              f"({len(pairs) / el:.1f} sentences/s, {args.threads} threads)", flush=True)
    with open(os.path.join(args.out, "train.json"), "w") as f:
        json.dump({"args": vars(args), "epochs": epochs_done, "minutes": minutes, "valid_loss": best,
                   "params": nparams}, f, indent=1)
    print(f"done: {epochs_done:.2f} epochs in {minutes:.1f} min, best valid loss {best:.4f}")


if __name__ == "__main__":
    main()
