/* cmd_bleu.c - bleu HYP REF: corpus BLEU and chrF of a translation file
 * against a reference file, as sacreBLEU 2.3.1 computes them with its
 * defaults (bleu.h), with its breakdown and signatures (what `dualmod bleu
 * HYP REF` prints). No model is needed.
 *
 * The files are read as sacreBLEU's command line reads them: one sentence a
 * line, lines split at '\n' only (a last line without one counts; "\r\n"
 * works: the '\r' is trailing whitespace), trailing whitespace stripped
 * before 13a. Both files must have the same number of lines. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bleu.h"
#include "cmd_int.h"

typedef struct text_lines {
    char **line;
    long n, cap;
    long bad_utf8; /* the first line (1-based) that is not valid UTF-8, 0 if none */
} text_lines;

static void lines_free(text_lines *t)
{
    for (long i = 0; i < t->n; i++)
        free(t->line[i]);
    free(t->line);
    memset(t, 0, sizeof *t);
}

static int valid_utf8(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        unsigned cp;
        i += (size_t)dm_u8_decode(s + i, n - i, &cp);
        if (cp >= DM_U8_INVALID)
            return 0;
    }
    return 1;
}

/* The lines of path (what: "hypothesis", "reference"), without their '\n'. */
static int read_lines(dm_cmd_ctx *c, const char *path, const char *what, text_lines *t)
{
    memset(t, 0, sizeof *t);
    if (dm_check_input_file(path, what, &c->err))
        return -1;
    FILE *f = fopen(path, "rb");
    if (!f)
        return fail(c, "%s: cannot open %s file: %s", path, what, strerror(errno));
    char *buf = NULL;
    size_t cap = 0;
    int rc = 0;
    for (;;) {
        int why = 0;
        long len = dm_read_line(f, &buf, &cap, DM_MAX_LINE, &why);
        if (len < 0) {
            if (why == DM_LINE_TOO_LONG)
                rc = fail(c, "%s:%ld: a line longer than %ld MiB; expected text, one sentence a line", path, t->n + 1,
                          DM_MAX_LINE >> 20);
            else if (why == DM_LINE_NOMEM)
                rc = fail(c, "%s:%ld: out of memory", path, t->n + 1);
            else if (why == DM_LINE_ERROR)
                rc = fail(c, "%s: cannot read %s file: %s", path, what, strerror(errno));
            break;
        }
        if (len > 0 && buf[len - 1] == '\n')
            buf[--len] = '\0';
        if (strlen(buf) != (size_t)len) {
            rc = fail(c, "%s:%ld: a NUL byte; expected text, one sentence a line", path, t->n + 1);
            break;
        }
        if (t->n == t->cap) {
            long nc = t->cap ? 2 * t->cap : 256;
            char **p = realloc(t->line, (size_t)nc * sizeof *p);
            if (!p) {
                rc = fail(c, "%s:%ld: out of memory", path, t->n + 1);
                break;
            }
            t->line = p;
            t->cap = nc;
        }
        if (!(t->line[t->n] = strdup(buf))) {
            rc = fail(c, "%s:%ld: out of memory", path, t->n + 1);
            break;
        }
        t->n++;
        if (!t->bad_utf8 && !valid_utf8(buf, (size_t)len))
            t->bad_utf8 = t->n;
    }
    free(buf);
    fclose(f);
    if (rc)
        lines_free(t);
    return rc;
}

/* The figures of one scoring, in a table of one row (csv, md, json). */
static void emit_record(dm_cmd_ctx *c, const char *hyp, const char *ref, long sentences, const dm_bleu_detail *d,
                        double chrf, const char *bsig, const char *csig)
{
    dm_table t;
    dm_table_init(&t, NULL);
    static const char *const cols[] = {"hyp", "ref", "sentences", "bleu", "bleu_p1", "bleu_p2", "bleu_p3", "bleu_p4",
                                       "bleu_bp", "bleu_ratio", "hyp_len", "ref_len", "chrf", "bleu_signature",
                                       "chrf_signature"};
    int ncol = (int)(sizeof cols / sizeof cols[0]);
    for (int i = 0; i < ncol; i++)
        dm_table_col(&t, cols[i], i >= 2 && i <= 12);
    dm_table_row(&t);
    dm_table_set(&t, 0, hyp);
    dm_table_set(&t, 1, ref);
    dm_table_setf(&t, 2, "%ld", sentences);
    dm_table_setf(&t, 3, "%.6f", d->score);
    for (int n = 0; n < DM_BLEU_ORDER; n++)
        dm_table_setf(&t, 4 + n, "%.6f", d->prec[n]);
    dm_table_setf(&t, 8, "%.6f", d->bp);
    dm_table_setf(&t, 9, "%.6f", d->ratio);
    dm_table_setf(&t, 10, "%.0f", d->hyp_len);
    dm_table_setf(&t, 11, "%.0f", d->ref_len);
    dm_table_setf(&t, 12, "%.6f", chrf);
    dm_table_set(&t, 13, bsig);
    dm_table_set(&t, 14, csig);
    if (c->fmt == DM_FMT_JSON || c->fmt == DM_FMT_JSONL) { /* one record: an object, not an array */
        json_t *j = dm_table_row_json(&t, 0);
        dm_json_print(j, c->fmt, c->io->out);
        json_decref(j);
    } else {
        emit(c, &t);
    }
    dm_table_free(&t);
}

int dm_cmd_bleu(dm_cmd_ctx *c, int argc, char **argv, const char *const *raw)
{
    (void)argc, (void)raw;
    const char *hyp = argv[0], *ref = argv[1];
    text_lines H, R;
    dm_bleu_acc b;
    dm_chrf_acc ch;
    memset(&b, 0, sizeof b);
    memset(&ch, 0, sizeof ch);
    if (read_lines(c, hyp, "hypothesis", &H))
        return -1;
    if (read_lines(c, ref, "reference", &R)) {
        lines_free(&H);
        return -1;
    }
    int rc = 0;
    if (H.n != R.n) {
        rc = fail(c, "%s has %ld line%s but %s has %ld: the hypotheses and the references must be parallel, one "
                     "sentence a line",
                  hyp, H.n, H.n == 1 ? "" : "s", ref, R.n);
        goto out;
    }
    if (H.n == 0) {
        rc = fail(c, "%s and %s are empty: no sentences to score", hyp, ref);
        goto out;
    }
    if (H.bad_utf8)
        info(c, "%s:%ld: not valid UTF-8 (sacreBLEU would refuse the file); invalid bytes are scored as characters "
                "of their own", hyp, H.bad_utf8);
    if (R.bad_utf8)
        info(c, "%s:%ld: not valid UTF-8 (sacreBLEU would refuse the file); invalid bytes are scored as characters "
                "of their own", ref, R.bad_utf8);
    for (long i = 0; i < H.n; i++) {
        if ((i & 255) == 255 && cancelled(c)) {
            rc = fail(c, "interrupted after %ld of %ld sentences", i, H.n);
            goto out;
        }
        if (dm_bleu_add_13a(&b, H.line[i], R.line[i]) || dm_chrf_add(&ch, H.line[i], R.line[i])) {
            rc = fail(c, "%s:%ld: out of memory", hyp, i + 1);
            goto out;
        }
    }
    dm_bleu_detail d;
    dm_bleu_details(&b, DM_BLEU_SMOOTH_EXP, &d);
    double chrf = dm_chrf_result(&ch);
    char bsig[128], csig[128];
    dm_bleu_signature(DM_BLEU_SMOOTH_EXP, bsig, sizeof bsig);
    dm_chrf_signature(csig, sizeof csig);
    if (c->fmt == DM_FMT_TABLE) {
        char line[256];
        FILE *out = c->io->out;
        dm_bleu_line(&d, NULL, line, sizeof line);
        fprintf(out, "%s\n", line);
        dm_chrf_line(chrf, NULL, line, sizeof line);
        fprintf(out, "%s\n", line);
        fprintf(out, "BLEU signature   %s\n", bsig);
        fprintf(out, "chrF%d signature  %s\n", DM_CHRF_BETA, csig);
        fprintf(out, "sentences        %ld (%s against %s)\n", H.n, hyp, ref);
        fflush(out);
    } else {
        emit_record(c, hyp, ref, H.n, &d, chrf, bsig, csig);
    }
out:
    lines_free(&H);
    lines_free(&R);
    return rc;
}
