/* bleu.c - see bleu.h. */
#define _POSIX_C_SOURCE 200809L
#include "bleu.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

/* ---- 13a ------------------------------------------------------------------ */

/* Python's str.replace(pat, rep) in place, for rep no longer than pat:
 * left to right, non-overlapping, never rescanning what was replaced.
 * Returns the new length. */
static size_t replace_in_place(char *s, size_t n, const char *pat, const char *rep)
{
    size_t lp = strlen(pat), lr = strlen(rep), r = 0, w = 0;
    while (r < n) {
        if (n - r >= lp && memcmp(s + r, pat, lp) == 0) {
            memcpy(s + w, rep, lr);
            w += lr;
            r += lp;
        } else {
            s[w++] = s[r++];
        }
    }
    s[w] = '\0';
    return w;
}

static int is_digit(char c) { return c >= '0' && c <= '9'; }

/* The class of the first regex, [\{-\~\[-\` -\&\(-\+\:-\@\/]: { | } ~,
 * [ \ ] ^ _ `, space ! " # $ % &, ( ) * +, : ; < = > ? @ and /. Not ' , - .
 * digits or letters. */
static int is_symbol(unsigned char c)
{
    return (c >= 0x7B && c <= 0x7E) || (c >= 0x5B && c <= 0x60) || (c >= 0x20 && c <= 0x26) ||
           (c >= 0x28 && c <= 0x2B) || (c >= 0x3A && c <= 0x40) || c == 0x2F;
}

/* The three two-character regexes as re.sub applies them: a match is tried
 * at each position from the left; a match consumes both characters and the
 * next try starts after them. Working on UTF-8 bytes instead of code points
 * changes nothing: every character the patterns name is ASCII, a multi-byte
 * character's bytes are all >= 0x80 (so [^0-9] matches each of them, and a
 * continuation byte never starts a match of ([\.,])...), and spaces go only
 * next to an ASCII character, never inside a multi-byte one. out holds 2n+1. */
enum { RE_DOT_AFTER, RE_DOT_BEFORE, RE_DASH };
static size_t sub_pairs(const char *in, size_t n, char *out, int which)
{
    size_t w = 0, i = 0;
    while (i < n) {
        char a = in[i], b = i + 1 < n ? in[i + 1] : '\0';
        int m = 0;
        if (i + 1 < n) {
            if (which == RE_DOT_AFTER) /* ([^0-9])([\.,]) -> \1 \2 (space after) */
                m = !is_digit(a) && (b == '.' || b == ',');
            else if (which == RE_DOT_BEFORE) /* ([\.,])([^0-9]) -> space \1 space \2 */
                m = (a == '.' || a == ',') && !is_digit(b);
            else /* ([0-9])(-) -> \1 \2 (space after) */
                m = is_digit(a) && b == '-';
        }
        if (!m) {
            out[w++] = in[i++];
            continue;
        }
        if (which == RE_DOT_BEFORE) {
            out[w++] = ' ';
            out[w++] = a;
            out[w++] = ' ';
            out[w++] = b;
        } else {
            out[w++] = a;
            out[w++] = ' ';
            out[w++] = b;
            out[w++] = ' ';
        }
        i += 2;
    }
    out[w] = '\0';
    return w;
}

/* ' '.join(s.split()) in place (Python's whitespace). Returns the length. */
static size_t squeeze_in_place(char *s, size_t n)
{
    size_t r = 0, w = 0;
    int gap = 0;
    while (r < n) {
        unsigned cp;
        int l = dm_u8_decode(s + r, n - r, &cp);
        if (dm_u8_is_space(cp)) {
            gap = 1;
        } else {
            if (gap && w)
                s[w++] = ' ';
            gap = 0;
            memmove(s + w, s + r, (size_t)l);
            w += (size_t)l;
        }
        r += (size_t)l;
    }
    s[w] = '\0';
    return w;
}

char *dm_tok13a(const char *line)
{
    size_t n = strlen(line);
    if (n > SIZE_MAX / 32) /* each pass below at most triples or doubles the text */
        return NULL;
    /* the language-independent part, in place, with room for ' ' + line + ' ' */
    char *a = malloc(n + 3);
    if (!a)
        return NULL;
    a[0] = ' ';
    memcpy(a + 1, line, n + 1);
    n = replace_in_place(a + 1, n, "<skipped>", "");
    n = replace_in_place(a + 1, n, "-\n", "");
    n = replace_in_place(a + 1, n, "\n", " ");
    if (memchr(a + 1, '&', n)) {
        n = replace_in_place(a + 1, n, "&quot;", "\"");
        n = replace_in_place(a + 1, n, "&amp;", "&");
        n = replace_in_place(a + 1, n, "&lt;", "<");
        n = replace_in_place(a + 1, n, "&gt;", ">");
    }
    a[n + 1] = ' ';
    a[n + 2] = '\0';
    n += 2;
    /* ([\{-\~\[-\` -\&\(-\+\:-\@\/]) -> ' \1 ' */
    char *b = malloc(3 * n + 1);
    if (!b) {
        free(a);
        return NULL;
    }
    size_t w = 0;
    for (size_t i = 0; i < n; i++) {
        if (is_symbol((unsigned char)a[i])) {
            b[w++] = ' ';
            b[w++] = a[i];
            b[w++] = ' ';
        } else {
            b[w++] = a[i];
        }
    }
    b[w] = '\0';
    free(a);
    n = w;
    static const int order[3] = {RE_DOT_AFTER, RE_DOT_BEFORE, RE_DASH};
    for (int k = 0; k < 3; k++) {
        char *c = malloc(2 * n + 1);
        if (!c) {
            free(b);
            return NULL;
        }
        n = sub_pairs(b, n, c, order[k]);
        free(b);
        b = c;
    }
    n = squeeze_in_place(b, n);
    char *fit = realloc(b, n + 1);
    return fit ? fit : b;
}

/* The length of s without its trailing whitespace (Python's rstrip()). */
static size_t rstrip_len(const char *s)
{
    size_t n = strlen(s), i = 0, keep = 0;
    while (i < n) {
        unsigned cp;
        int l = dm_u8_decode(s + i, n - i, &cp);
        i += (size_t)l;
        if (!dm_u8_is_space(cp))
            keep = i;
    }
    return keep;
}

/* sacreBLEU's BLEU._preprocess_segment: tokenizer(sent.rstrip()). */
static char *preprocess(const char *s)
{
    size_t n = rstrip_len(s);
    char *t = malloc(n + 1);
    if (!t)
        return NULL;
    memcpy(t, s, n);
    t[n] = '\0';
    char *tok = dm_tok13a(t);
    free(t);
    return tok;
}

int dm_bleu_add_13a(dm_bleu_acc *a, const char *hyp, const char *ref)
{
    char *h = preprocess(hyp), *r = preprocess(ref);
    int rc = h && r ? dm_bleu_add_text(a, h, r) : -1;
    free(h);
    free(r);
    return rc;
}

/* ---- chrF ----------------------------------------------------------------- */

/* The characters of s without whitespace (''.join(s.split())): a malloc'd
 * array of code points (invalid bytes as DM_U8_INVALID + byte), its length
 * in *len; NULL when out of memory. */
static unsigned *chars_no_space(const char *s, size_t *len)
{
    size_t n = strlen(s), i = 0, k = 0;
    unsigned *c = malloc((n + 1) * sizeof *c);
    if (!c)
        return NULL;
    while (i < n) {
        unsigned cp;
        i += (size_t)dm_u8_decode(s + i, n - i, &cp);
        if (!dm_u8_is_space(cp))
            c[k++] = cp;
    }
    *len = k;
    return c;
}

/* The n-gram of characters at c (n <= 6): three 21-bit characters per 64-bit
 * half (code points and DM_U8_INVALID + byte are below 2^21). */
static dm_ngram_key char_key(const unsigned *c, int n)
{
    unsigned long long w[6] = {0, 0, 0, 0, 0, 0};
    for (int k = 0; k < n; k++)
        w[k] = c[k];
    return (dm_ngram_key){w[0] << 42 | w[1] << 21 | w[2], w[3] << 42 | w[4] << 21 | w[5]};
}

int dm_chrf_add(dm_chrf_acc *a, const char *hyp, const char *ref)
{
    size_t lh = 0, lr = 0;
    unsigned *ch = chars_no_space(hyp, &lh), *cr = chars_no_space(ref, &lr);
    dm_ngram_key *kh = malloc((lh + 1) * sizeof *kh), *kr = malloc((lr + 1) * sizeof *kr);
    int rc = -1;
    if (ch && cr && kh && kr) {
        double hs[DM_CHRF_ORDER], rs[DM_CHRF_ORDER], ms[DM_CHRF_ORDER];
        for (int n = 1; n <= DM_CHRF_ORDER; n++) {
            size_t th = lh >= (size_t)n ? lh - (size_t)n + 1 : 0, tr = lr >= (size_t)n ? lr - (size_t)n + 1 : 0;
            for (size_t i = 0; i < th; i++)
                kh[i] = char_key(ch + i, n);
            for (size_t i = 0; i < tr; i++)
                kr[i] = char_key(cr + i, n);
            ms[n - 1] = dm_ngram_matches(kh, th, kr, tr);
            /* sacreBLEU: "don't count hits if no reference exists for that n-gram" */
            hs[n - 1] = tr ? (double)th : 0;
            rs[n - 1] = (double)tr;
        }
        for (int n = 0; n < DM_CHRF_ORDER; n++) {
            a->hyp[n] += hs[n];
            a->ref[n] += rs[n];
            a->match[n] += ms[n];
        }
        a->sentences++;
        rc = 0;
    }
    free(ch), free(cr), free(kh), free(kr);
    return rc;
}

void dm_chrf_merge(dm_chrf_acc *into, const dm_chrf_acc *from)
{
    for (int n = 0; n < DM_CHRF_ORDER; n++) {
        into->hyp[n] += from->hyp[n];
        into->ref[n] += from->ref[n];
        into->match[n] += from->match[n];
    }
    into->sentences += from->sentences;
}

double dm_chrf_result(const dm_chrf_acc *a)
{
    /* sacreBLEU's _compute_f_score, eps_smoothing off, operation for operation */
    const double factor = DM_CHRF_BETA * DM_CHRF_BETA;
    double avg_prec = 0, avg_rec = 0;
    int effective_order = 0;
    for (int i = 0; i < DM_CHRF_ORDER; i++) {
        double n_hyp = a->hyp[i], n_ref = a->ref[i], n_match = a->match[i];
        if (n_hyp > 0 && n_ref > 0) {
            avg_prec += n_match / n_hyp;
            avg_rec += n_match / n_ref;
            effective_order++;
        }
    }
    if (effective_order == 0) {
        avg_prec = avg_rec = 0;
    } else {
        avg_prec /= effective_order;
        avg_rec /= effective_order;
    }
    if (avg_prec + avg_rec == 0)
        return 0;
    double score = (1 + factor) * avg_prec * avg_rec;
    score /= factor * avg_prec + avg_rec;
    return 100 * score;
}

/* ---- signatures and score lines ------------------------------------------- */

void dm_bleu_signature(dm_bleu_smooth smooth, char *out, size_t n)
{
    snprintf(out, n, "nrefs:1|case:mixed|eff:no|tok:13a|smooth:%s|version:%s",
             smooth == DM_BLEU_SMOOTH_EXP ? "exp" : "none", DM_SACREBLEU_VERSION);
}

void dm_chrf_signature(char *out, size_t n)
{
    snprintf(out, n, "nrefs:1|case:mixed|eff:yes|nc:%d|nw:0|space:no|version:%s", DM_CHRF_ORDER,
             DM_SACREBLEU_VERSION);
}

void dm_bleu_line(const dm_bleu_detail *d, const char *signature, char *out, size_t n)
{
    snprintf(out, n, "BLEU%s%s = %.2f %.1f/%.1f/%.1f/%.1f (BP = %.3f ratio = %.3f hyp_len = %.0f ref_len = %.0f)",
             signature ? "|" : "", signature ? signature : "", d->score, d->prec[0], d->prec[1], d->prec[2],
             d->prec[3], d->bp, d->ratio, d->hyp_len, d->ref_len);
}

void dm_chrf_line(double score, const char *signature, char *out, size_t n)
{
    snprintf(out, n, "chrF%d%s%s = %.2f", DM_CHRF_BETA, signature ? "|" : "", signature ? signature : "", score);
}
