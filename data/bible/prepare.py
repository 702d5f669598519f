#!/usr/bin/python3
"""Build the Spanish->English parallel Bible (DATA.md section 2) and its BPE.

Source: the SWORD modules spaRV1909eb (Reina-Valera 1909), engWEB2015eb
(World English Bible) and engKJV2006eb (KJV with Strong's numbers, used only
to align), dumped whole with diatheke (packages diatheke, sword-text-sparv,
sword-text-web, sword-text-kjv).

Steps (each pitfall of DATA.md section 2 handled):
  * parse every dump line as [pre-verse block] REF: TEXT; a pre-verse block
    (psalm title) is real only when it is new (its markup, with its sID
    numbers, differs from the previous one: diatheke repeats the last title
    on later verses); a real title is put in front of verse 1 of its psalm
    (SpaRV carries titles inline in verse 1);
  * WEB is dumped with footnotes on (-o f) and every <note>..</note> becomes
    a space (with notes off words are glued); the glossary appended to
    Rev 22:21 is cut; the deuterocanon is dropped (66 books: the references
    present in all three modules);
  * markup removed (<w>, <transChange>, <divineName>, <q>, <l>, <lg>, <lb>,
    <div>, <chapter>, <title>, <note>, <seg>, <milestone>, any other tag),
    the pilcrow removed, whitespace collapsed;
  * a pair is dropped when a side is empty or the Jaccard overlap of the
    Strong's-number sets of the KJV verse and the Spanish verse is below 0.3
    (SpaRV shifts verses in some chapters);
  * held out by whole chapters: global chapter index (canonical order,
    0-based) mod 20 == 18 -> valid, == 19 -> test, else train.

Tokenization (the C side, src/io/bpe.c, implements the same rules):
  * pre-tokens: the text is split at spaces into chunks; a chunk is split into
    maximal runs of word characters (ASCII letters and digits, and any
    non-ASCII code point that is not in PUNCT below) and single other
    characters; the first pre-token of a chunk gets the space marker U+2581
    as its own first symbol;
  * BPE (Sennrich et al.): symbols are code points; learned on train, one
    model per language, MERGES merges; most frequent pair first, ties broken
    by the smaller (left, right) pair in code-point order; applying it to a
    pre-token merges the lowest-ranked adjacent pair everywhere in it, until
    no ranked pair is left;
  * vocabulary: <pad> <unk> <s> </s>, then every base symbol seen in train
    (code-point order), then the merge results in merge order; a symbol not
    in it is <unk>;
  * detokenization: concatenate the pieces, U+2581 -> space, strip.

Writes into the output folder: {train,valid,test}.{es,en} (one verse a line,
detokenized clean text), {train,valid,test}.ref (the verse references),
bpe.es / bpe.en (merges: one "left right" pair a line, rank order; header
line "#bpe v1 <n>"), vocab.es / vocab.en (one symbol a line, id = line - 1), and prints counts and SHA-256 checksums (also written
to SHA256SUMS). Deterministic.

usage: data/bible/prepare.py [--out DIR] [--dumps DIR] [--merges N]
"""
import argparse
import collections
import hashlib
import heapq
import os
import re
import subprocess
import sys
import unicodedata

MODULES = {"es": "spaRV1909eb", "en": "engWEB2015eb", "kjv": "engKJV2006eb"}
DUMP_OPT = {"es": "n", "en": "f", "kjv": "n"}
MERGES = 4000
MARK = "\u2581"
PUNCT = set("¿¡“”‘’«»—–…·¶§\u00a0")


def dump(mod, opt, dumps):
    if dumps:
        with open(os.path.join(dumps, mod + ".txt"), encoding="utf-8") as f:
            return f.read()
    try:
        out = subprocess.run(["diatheke", "-b", mod, "-o", opt, "-k", "Gen 1:1-Rev 22:21"],
                             stdin=subprocess.DEVNULL, capture_output=True, check=True)
    except FileNotFoundError:
        sys.exit("prepare.py: `diatheke` not found; install it: "
                 "apt-get install diatheke sword-text-sparv sword-text-web sword-text-kjv")
    text = out.stdout.decode("utf-8")
    if len(text) < 1000000:
        sys.exit(f"prepare.py: diatheke gave {len(text)} bytes for module {mod}; is its package installed?")
    return text


def parse(text, books):
    """[(ref, book, chapter, verse, title_or_None, body)] in file order."""
    ref_re = re.compile(r"(?:^|>\s*)((?:I|II|III|IV)? ?[A-Z][A-Za-z ]*[a-z](?: \(\w+\))?) (\d+):(\d+): ")
    out = []
    last_pre = ""
    for line in text.split("\n"):
        if not line.strip() or re.fullmatch(r"\(\w+\)", line.strip()):
            continue
        m = ref_re.search(line)
        if not m:
            sys.exit(f"prepare.py: no verse reference in dump line: {line[:80]!r}")
        pre, body = line[:m.start(1)], line[m.end():]
        if m.group(1) not in books:  # WEB's deuterocanon
            last_pre = pre if pre.strip() else last_pre
            continue
        title = None
        if pre.strip() and pre != last_pre:
            title = pre
        if pre.strip():
            last_pre = pre
        out.append((f"{m.group(1)} {m.group(2)}:{m.group(3)}", m.group(1), int(m.group(2)),
                    int(m.group(3)), title, body))
    return out


def clean(s):
    # SpaRV glues an added word to the next name ("entrado</w><transChange>Jesús"
    # and "lo</transChange><w ...>Jesús"): a capital after the seam starts a word
    s = re.sub(r"(</transChange>|</w>)(<(?:w|transChange)\b[^>]*>)(?=[A-ZÁÉÍÓÚÑ])", r"\1 \2", s)
    s = re.sub(r"<note\b[^>]*/>", " ", s)
    s = re.sub(r"<note\b[^>]*>.*?</note>", " ", s, flags=re.S)
    s = re.sub(r"<[^>]*>", "", s)
    s = s.replace("¶", " ")
    s = s.replace("&quot;", '"').replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    return " ".join(s.split())


def strongs(s):
    return {(m.group(1), int(m.group(2))) for m in re.finditer(r"strong:([HG])(\d+)", s)}


def verses(text, books, lang):
    res = collections.OrderedDict()
    for ref, book, ch, v, title, body in parse(text, books):
        g = re.search(r"<div\b[^>]*type=\"glossary\"", body)
        if g:
            body = body[:g.start()]
        raw = body
        if title is not None and book == "Psalms" and v == 1:
            raw = title + " " + body
        res[ref] = (book, ch, v, raw)
    return res


def is_word(c):
    return (c.isascii() and c.isalnum()) or (not c.isascii() and c not in PUNCT)


def pretokens(text):
    toks = []
    for chunk in text.split(" "):
        if not chunk:
            continue
        first = True
        i = 0
        while i < len(chunk):
            j = i + 1
            if is_word(chunk[i]):
                while j < len(chunk) and is_word(chunk[j]):
                    j += 1
            piece = chunk[i:j]
            toks.append((MARK if first else "") + piece)
            first = False
            i = j
    return toks


def learn_bpe(lines, n):
    freq = collections.Counter()
    for line in lines:
        freq.update(pretokens(line))
    words = [list(w) for w in freq]
    counts = list(freq.values())
    pairs = collections.Counter()
    where = collections.defaultdict(set)
    for wi, w in enumerate(words):
        for a, b in zip(w, w[1:]):
            pairs[(a, b)] += counts[wi]
            where[(a, b)].add(wi)
    heap = [(-c, p) for p, c in pairs.items()]
    heapq.heapify(heap)
    merges = []
    while len(merges) < n and heap:
        c, p = heapq.heappop(heap)
        if pairs.get(p, 0) != -c or c == 0:
            continue
        if -c < 2:
            break
        merges.append(p)
        a, b = p
        ab = a + b
        changed = collections.Counter()
        for wi in list(where[p]):
            w = words[wi]
            cnt = counts[wi]
            for x, y in zip(w, w[1:]):
                changed[(x, y)] -= cnt
            nw = []
            i = 0
            while i < len(w):
                if i + 1 < len(w) and w[i] == a and w[i + 1] == b:
                    nw.append(ab)
                    i += 2
                else:
                    nw.append(w[i])
                    i += 1
            words[wi] = nw
            for x, y in zip(nw, nw[1:]):
                changed[(x, y)] += cnt
                where[(x, y)].add(wi)
        for q, d in changed.items():
            if d:
                pairs[q] += d
                heapq.heappush(heap, (-pairs[q], q))
        pairs[p] = 0
        del where[p]
    base = sorted({s for w in freq for s in w})
    return merges, base


def apply_bpe(tok, ranks, cache):
    r = cache.get(tok)
    if r is not None:
        return r
    w = list(tok)
    while len(w) > 1:
        best = None
        for x, y in zip(w, w[1:]):
            k = ranks.get((x, y))
            if k is not None and (best is None or k < best):
                best = k
        if best is None:
            break
        a, b = None, None
        for x, y in zip(w, w[1:]):
            if ranks.get((x, y)) == best:
                a, b = x, y
                break
        nw = []
        i = 0
        while i < len(w):
            if i + 1 < len(w) and w[i] == a and w[i + 1] == b:
                nw.append(a + b)
                i += 2
            else:
                nw.append(w[i])
                i += 1
        w = nw
    cache[tok] = w
    return w


SPECIALS = ["<pad>", "<unk>", "<s>", "</s>"]


def vocabulary(base, merges):
    """The specials, the base symbols, then each merge result once (two merges
    may give the same string: it keeps the first one's place)."""
    vocab = list(SPECIALS) + list(base)
    seen = set(vocab)
    for a, b in merges:
        if a + b not in seen:
            seen.add(a + b)
            vocab.append(a + b)
    return vocab


def read_merges(path):
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    if not lines[0].startswith("#bpe v1"):
        raise ValueError(f"{path}: not a merges file")
    return [tuple(l.split(" ")) for l in lines[1:] if l]


def encoder(merges, vocab):
    """text -> ids (no specials added)"""
    ranks = {m: i for i, m in enumerate(merges)}
    index = {s: i for i, s in enumerate(vocab)}
    cache = {}

    def encode(text):
        return [index.get(s, 1) for t in pretokens(text) for s in apply_bpe(t, ranks, cache)]
    return encode


def decode(pieces):
    return "".join(pieces).replace(MARK, " ").strip()


def sha(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=os.path.dirname(os.path.abspath(__file__)))
    ap.add_argument("--dumps", help="read MODULE.txt dumps from this folder instead of running diatheke")
    ap.add_argument("--merges", type=int, default=MERGES)
    args = ap.parse_args()

    raw = {lang: dump(mod, DUMP_OPT[lang], args.dumps) for lang, mod in MODULES.items()}
    # the 66 books: the book names of the KJV dump, in order
    kbooks = []
    for line in raw["kjv"].split("\n"):
        m = re.search(r"(?:^|>\s*)((?:I|II|III|IV)? ?[A-Z][A-Za-z ]*[a-z]) \d+:\d+: ", line)
        if m and m.group(1) not in kbooks:
            kbooks.append(m.group(1))
    if len(kbooks) != 66:
        sys.exit(f"prepare.py: expected 66 books in the KJV dump, found {len(kbooks)}")
    V = {lang: verses(raw[lang], kbooks, lang) for lang in MODULES}

    chapters = []
    seen = set()
    for ref, (book, ch, v, _) in V["kjv"].items():
        if (book, ch) not in seen:
            seen.add((book, ch))
            chapters.append((book, ch))
    chap_index = {bc: i for i, bc in enumerate(chapters)}

    stats = collections.Counter()
    splits = {"train": [], "valid": [], "test": []}
    for ref, (book, ch, v, kraw) in V["kjv"].items():
        stats["kjv verses"] += 1
        if ref not in V["es"] or ref not in V["en"]:
            stats["missing in es or en"] += 1
            continue
        es_raw, en_raw = V["es"][ref][3], V["en"][ref][3]
        es, en = clean(es_raw), clean(en_raw)
        if not es or not en:
            stats["dropped: empty side"] += 1
            continue
        ks, ss = strongs(kraw), strongs(es_raw)
        if not ks or not ss:
            stats["dropped: no Strong's numbers"] += 1
            continue
        jac = len(ks & ss) / len(ks | ss)
        if jac < 0.3:
            stats["dropped: Strong's overlap < 0.3"] += 1
            continue
        ci = chap_index[(book, ch)]
        split = "valid" if ci % 20 == 18 else "test" if ci % 20 == 19 else "train"
        splits[split].append((ref, es, en))
    stats["pairs"] = sum(len(s) for s in splits.values())

    os.makedirs(args.out, exist_ok=True)
    files = []
    for name, rows in splits.items():
        for ext, col in (("ref", 0), ("es", 1), ("en", 2)):
            p = os.path.join(args.out, f"{name}.{ext}")
            with open(p, "w", encoding="utf-8", newline="\n") as f:
                for r in rows:
                    f.write(r[col] + "\n")
            files.append(p)
    for lang, col in (("es", 1), ("en", 2)):
        merges, base = learn_bpe([r[col] for r in splits["train"]], args.merges)
        p = os.path.join(args.out, f"bpe.{lang}")
        with open(p, "w", encoding="utf-8", newline="\n") as f:
            f.write(f"#bpe v1 {len(merges)} merges, {len(base)} base symbols\n")
            for a, b in merges:
                f.write(f"{a} {b}\n")
        files.append(p)
        vocab = vocabulary(base, merges)
        p = os.path.join(args.out, f"vocab.{lang}")
        with open(p, "w", encoding="utf-8", newline="\n") as f:
            for sym in vocab:
                f.write(sym + "\n")
        files.append(p)
        ranks = {m: i for i, m in enumerate(merges)}
        cache = {}
        for name, rows in splits.items():
            ntok = sum(len(apply_bpe(t, ranks, cache)) for r in rows for t in pretokens(r[col]))
            stats[f"{name}.{lang} BPE tokens"] = ntok
        stats[f"{lang} vocabulary"] = len(vocab)

    for k in ("kjv verses", "missing in es or en", "dropped: empty side", "dropped: no Strong's numbers",
              "dropped: Strong's overlap < 0.3", "pairs"):
        print(f"{k:34s} {stats[k]:8d}")
    for name, rows in splits.items():
        print(f"{name:34s} {len(rows):8d} pairs")
    for k in sorted(k for k in stats if "BPE" in k or "vocabulary" in k):
        print(f"{k:34s} {stats[k]:8d}")
    with open(os.path.join(args.out, "SHA256SUMS"), "w") as f:
        for p in files:
            line = f"{sha(p)}  {os.path.basename(p)}"
            print(line)
            f.write(line + "\n")


if __name__ == "__main__":
    main()
