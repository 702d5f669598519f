#!/usr/bin/python3
"""PyTorch's dense speed on the same LM, for `dualmod bench --dense`.

Loads a word_language_model safetensors file (our own tiny reader: no
safetensors package needed) or builds random weights of a given shape,
then measures, with torch.set_num_threads(THREADS) and no autograd:
  step_ms   - median time of one token through nn.LSTM/nn.GRU (batch 1,
              state carried) plus the decoder and log-softmax; with
              --flush-mb N each timed step follows a read of N MB and the
              eviction of every weight line by line (cold caches, as
              dualmod's bench --cold), else they run back to back
  rnn_ms    - the same without the decoder
  seq_tok_s - whole-sequence throughput (2048 tokens, chunks of 128)
Prints one JSON object on stdout.
"""
import argparse
import ctypes
import json
import mmap
import platform
import statistics
import struct
import sys
import time

import numpy as np
import torch
import torch.nn as nn

DT = {"F32": np.float32, "F16": np.float16, "F64": np.float64}


def read_st(path):
    with open(path, "rb") as f:
        n = struct.unpack("<Q", f.read(8))[0]
        hdr = json.loads(f.read(n))
        data = f.read()
    out = {}
    for k, v in hdr.items():
        if k == "__metadata__":
            continue
        a, b = v["data_offsets"]
        if v["dtype"] == "BF16":
            raw = np.frombuffer(data[a:b], dtype=np.uint16).astype(np.uint32) << 16
            arr = raw.view(np.float32)
        else:
            arr = np.frombuffer(data[a:b], dtype=DT[v["dtype"]])
        out[k] = torch.from_numpy(arr.astype(np.float32).reshape(v["shape"]))
    return out


def make_evict():
    """evict(lo, hi): clflushopt (clflush without it) on every 64-byte line of [lo, hi), then mfence: what
    dualmod's cold bench does to the weights after its read flush (a read flush leaves often-reused lines in a
    large L3, so the weights would be partly cached). Python cannot flush a line, so this is 20 bytes of x86-64
    code in an executable page, called through ctypes. None off x86-64."""
    if platform.machine() not in ("x86_64", "AMD64"):
        return None
    with open("/proc/cpuinfo") as f:
        opt = " clflushopt" in f.read()
    loop = (b"\x66" if opt else b"") + b"\x0f\xae\x3f"  # clflushopt / clflush [rdi]
    loop += b"\x48\x83\xc7\x40"  # add rdi, 64
    loop += b"\x48\x39\xf7"  # cmp rdi, rsi
    code = loop + b"\x72" + bytes([(-(len(loop) + 2)) & 0xFF])  # jb loop
    code += b"\x0f\xae\xf0\xc3"  # mfence; ret
    page = mmap.mmap(-1, mmap.PAGESIZE, prot=mmap.PROT_READ | mmap.PROT_WRITE | mmap.PROT_EXEC)
    page.write(code)
    fn = ctypes.CFUNCTYPE(None, ctypes.c_void_p, ctypes.c_void_p)(
        ctypes.addressof(ctypes.c_char.from_buffer(page)))

    def evict(lo, hi):
        fn(lo & ~63, hi)
    evict.page = page  # keeps the code mapped
    return evict


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--model")
    ap.add_argument("--arch", choices=["lstm", "gru"])
    ap.add_argument("--hidden", type=int, default=1500)
    ap.add_argument("--layers", type=int, default=1)
    ap.add_argument("--vocab-size", type=int, default=10000)
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--steps", type=int, default=300)
    ap.add_argument("--flush-mb", type=int, default=0,
                    help="read a buffer of this many MB before every timed step (dualmod's --cold flush)")
    a = ap.parse_args()
    flush = np.ones((a.flush_mb << 20) // 4, dtype=np.float32) if a.flush_mb > 0 else None
    torch.set_num_threads(a.threads)
    if a.model:
        sd = read_st(a.model)
        V, E = sd["encoder.weight"].shape
        H = sd["rnn.weight_hh_l0"].shape[1]
        G = sd["rnn.weight_hh_l0"].shape[0] // H
        L = sum(1 for k in sd if k.startswith("rnn.weight_ih_l"))
        kind = "LSTM" if G == 4 else "GRU"
    else:
        kind = a.arch.upper()
        V, E, H, L = a.vocab_size, a.hidden, a.hidden, a.layers
        sd = None
    enc = nn.Embedding(V, E)
    rnn = getattr(nn, kind)(E, H, L)
    dec = nn.Linear(H, V)
    if sd is not None:
        with torch.no_grad():
            enc.weight.copy_(sd["encoder.weight"])
            for k, v in sd.items():
                if k.startswith("rnn."):
                    getattr(rnn, k[4:]).copy_(v)
            dec.weight.copy_(sd.get("decoder.weight", sd["encoder.weight"]))
            dec.bias.copy_(sd["decoder.bias"])
    toks = torch.randint(0, V, (2048,), generator=torch.Generator().manual_seed(1))
    with torch.no_grad():
        evict = make_evict() if flush is not None else None
        weights = [(t.data_ptr(), t.data_ptr() + t.numel() * t.element_size())
                   for t in list(rnn.parameters()) + list(dec.parameters())]

        def run(n, with_dec):
            h = None
            times = []
            for i in range(n):
                if flush is not None:
                    flush.sum()
                    if evict is not None:
                        for lo, hi in weights:
                            evict(lo, hi)
                t = time.perf_counter()
                out, h = rnn(enc(toks[i % 2048].view(1, 1)), h)
                if with_dec:
                    torch.log_softmax(dec(out.view(1, H)), dim=-1)
                times.append((time.perf_counter() - t) * 1e3)
            return statistics.median(times)
        run(20, True)
        step = run(a.steps, True)
        rnn_ms = run(a.steps, False)
        best = 1e30
        for _ in range(3):
            t = time.perf_counter()
            h = None
            for i in range(0, 2048, 128):
                out, h = rnn(enc(toks[i:i + 128].view(128, 1)), h)
                torch.log_softmax(dec(out.view(128, H)), dim=-1)
            best = min(best, time.perf_counter() - t)
    json.dump({"torch": torch.__version__, "arch": kind, "hidden": H, "layers": L, "threads": a.threads,
               "step_ms": step, "rnn_ms": rnn_ms, "evicted": bool(flush is not None and evict is not None), "seq_tok_s": 2048 / best}, sys.stdout)
    print()


if __name__ == "__main__":
    main()
