#!/usr/bin/python3
"""Build the KJV word-level language-model data (DATA.md section 1).

Dumps the King James Bible with `bible -f` (package bible-kjv), splits it by
book (valid = Jeremiah, test = Matthew + Mark, train = the other 63 books),
tokenizes PTB-style (lowercase; `, . : ; ? ! ( )` and `--` split off; `'s`
split), writes one verse per line (the reader appends <eos> at each line
end, as PyTorch's word_language_model example does) and builds a 10k
vocabulary from train (most frequent first, ties broken alphabetically,
`<unk>` and `<eos>` included).

Deterministic: the same input gives byte-identical files. Prints token counts
(words, <eos>, their sum) and SHA-256 checksums, also written to SHA256SUMS
(check a rebuild with: cd data/kjv && sha256sum -c SHA256SUMS).

usage: data/kjv/prepare.py [--out DIR] [--kjv FILE]
"""
import argparse
import collections
import hashlib
import os
import re
import subprocess
import sys

REF = re.compile(r"^([1-3]?[A-Za-z]+)([0-9]+):([0-9]+) (.*)$")
VALID_BOOKS = {"Jer"}
TEST_BOOKS = {"Mat", "Mark"}
VOCAB_SIZE = 10000  # including <unk> and <eos>


def tokenize(text):
    t = text.lower()
    t = t.replace("--", " -- ")
    t = re.sub(r"([,.:;?!()])", r" \1 ", t)
    t = re.sub(r"'s\b", " 's", t)
    return t.split()


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=os.path.dirname(os.path.abspath(__file__)))
    ap.add_argument("--kjv", help="use this dump instead of running bible -f")
    args = ap.parse_args()

    if args.kjv:
        with open(args.kjv, encoding="ascii") as f:
            lines = f.read().splitlines()
    else:
        try:
            out = subprocess.run(["bible", "-f", "Gen1:1-Rev22:21"],
                                 stdin=subprocess.DEVNULL, capture_output=True,
                                 check=True)
        except FileNotFoundError:
            sys.exit("prepare.py: `bible` not found; install it: apt-get install bible-kjv")
        lines = out.stdout.decode("ascii").splitlines()
    if len(lines) != 31102:
        sys.exit(f"prepare.py: expected 31102 verses from bible -f, got {len(lines)}")

    splits = {"train": [], "valid": [], "test": []}
    for n, line in enumerate(lines, 1):
        m = REF.match(line)
        if not m:
            sys.exit(f"prepare.py: line {n}: not '<Book><chap>:<verse> <text>': {line[:60]!r}")
        book = m.group(1)
        toks = tokenize(m.group(4))
        if not toks:
            continue
        split = "valid" if book in VALID_BOOKS else "test" if book in TEST_BOOKS else "train"
        splits[split].append(" ".join(toks))

    counts = collections.Counter()
    for verse in splits["train"]:
        counts.update(verse.split())
    counts["<eos>"] += len(splits["train"])
    words = [w for w, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]
    vocab = ["<unk>"] + [w for w in words if w != "<unk>"][: VOCAB_SIZE - 1]

    os.makedirs(args.out, exist_ok=True)
    files = {}
    for name in ("train", "valid", "test"):
        files[name + ".txt"] = "".join(v + "\n" for v in splits[name])
    files["vocab.txt"] = "".join(w + "\n" for w in vocab)
    vset = set(vocab)
    sums = []
    for name, data in files.items():
        path = os.path.join(args.out, name)
        with open(path, "w", encoding="ascii", newline="\n") as f:
            f.write(data)
        digest = hashlib.sha256(data.encode("ascii")).hexdigest()
        sums.append(f"{digest}  {name}\n")
        if name == "vocab.txt":
            print(f"{name:10s} {len(vocab):8d} types{' ' * 44}sha256 {digest}")
        else:
            toks = data.split()
            nlines = data.count("\n")
            oov = sum(1 for t in toks if t not in vset)
            print(f"{name:10s} {len(toks):8d} words + {nlines:6d} <eos> = "
                  f"{len(toks) + nlines:8d} tokens  oov {100.0 * oov / len(toks):.2f}%  "
                  f"sha256 {digest}")
    with open(os.path.join(args.out, "SHA256SUMS"), "w", encoding="ascii", newline="\n") as f:
        f.write("".join(sums))


if __name__ == "__main__":
    main()
