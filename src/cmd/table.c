/* table.c - result tables rendered as a human table, CSV or JSON. */
#define _POSIX_C_SOURCE 200809L
#include "table.h"
#include "util.h"

#include <jansson.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int dm_format_parse(const char *s, dm_format *out)
{
    static const char *names[] = {"table", "csv", "json", "jsonl", "md"};
    for (int i = 0; i < 5; i++)
        if (strcmp(s, names[i]) == 0) {
            *out = (dm_format)i;
            return 0;
        }
    return -1;
}

const char *dm_format_name(dm_format f)
{
    return f == DM_FMT_CSV ? "csv" : f == DM_FMT_JSON ? "json" : f == DM_FMT_JSONL ? "jsonl" : f == DM_FMT_MD ? "md" : "table";
}

static char *xstrdup(const char *s)
{
    char *d = strdup(s);
    if (!d) {
        fputs("dualmod: out of memory\n", stderr);
        abort();
    }
    return d;
}

static void *xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (!q) {
        fputs("dualmod: out of memory\n", stderr);
        abort();
    }
    return q;
}

void dm_table_init(dm_table *t, const char *title)
{
    memset(t, 0, sizeof *t);
    if (title)
        t->title = xstrdup(title);
}

void dm_table_free(dm_table *t)
{
    for (int i = 0; i < t->ncol; i++)
        free(t->cols[i]);
    for (long i = 0; i < (long)t->nrow * t->ncol; i++)
        free(t->cells[i]);
    if (t->shown)
        for (long i = 0; i < (long)t->nrow * t->ncol; i++)
            free(t->shown[i]);
    if (t->heads)
        for (int i = 0; i < t->ncol; i++)
            free(t->heads[i]);
    free(t->cols);
    free(t->numeric);
    free(t->cells);
    free(t->shown);
    free(t->heads);
    free(t->title);
    memset(t, 0, sizeof *t);
}

int dm_table_col(dm_table *t, const char *name, int numeric)
{
    /* columns are fixed once rows exist */
    if (t->nrow)
        abort();
    t->cols = xrealloc(t->cols, sizeof *t->cols * (size_t)(t->ncol + 1));
    t->numeric = xrealloc(t->numeric, (size_t)(t->ncol + 1));
    t->cols[t->ncol] = xstrdup(name);
    if (t->heads) {
        t->heads = xrealloc(t->heads, sizeof *t->heads * (size_t)(t->ncol + 1));
        t->heads[t->ncol] = NULL;
    }
    t->numeric[t->ncol] = (unsigned char)(numeric == DM_COL_BOOL ? DM_COL_BOOL : numeric != 0);
    return t->ncol++;
}

int dm_table_row(dm_table *t)
{
    if (t->nrow == t->cap) {
        t->cap = t->cap ? 2 * t->cap : 16;
        t->cells = xrealloc(t->cells, sizeof *t->cells * (size_t)t->cap * (size_t)t->ncol);
        if (t->shown)
            t->shown = xrealloc(t->shown, sizeof *t->shown * (size_t)t->cap * (size_t)t->ncol);
    }
    memset(t->cells + (size_t)t->nrow * (size_t)t->ncol, 0, sizeof *t->cells * (size_t)t->ncol);
    if (t->shown)
        memset(t->shown + (size_t)t->nrow * (size_t)t->ncol, 0, sizeof *t->shown * (size_t)t->ncol);
    return t->nrow++;
}

void dm_table_set(dm_table *t, int col, const char *val)
{
    if (t->nrow == 0 || col < 0 || col >= t->ncol)
        return;
    char **c = &t->cells[(size_t)(t->nrow - 1) * (size_t)t->ncol + (size_t)col];
    free(*c);
    *c = val ? xstrdup(val) : NULL;
}

void dm_table_set2(dm_table *t, int col, const char *val, const char *shown)
{
    dm_table_set(t, col, val);
    if (t->nrow == 0 || col < 0 || col >= t->ncol)
        return;
    if (!t->shown) {
        size_t n = (size_t)(t->cap ? t->cap : 1) * (size_t)t->ncol;
        t->shown = xrealloc(NULL, sizeof *t->shown * n);
        memset(t->shown, 0, sizeof *t->shown * n);
    }
    char **c = &t->shown[(size_t)(t->nrow - 1) * (size_t)t->ncol + (size_t)col];
    free(*c);
    *c = shown ? xstrdup(shown) : NULL;
}

void dm_table_setnum(dm_table *t, int col, double v, int prec)
{
    if (v != v) {
        dm_table_set(t, col, NULL);
        return;
    }
    char val[64], shown[64];
    snprintf(val, sizeof val, "%.15g", v);
    if (!strpbrk(val, ".eEn") && fabs(v) < 1e15) /* a real stays a real in JSON: 1 -> 1.0 */
        strcat(val, ".0");
    if (prec < 0)
        snprintf(shown, sizeof shown, "%+.*f", -prec, v);
    else
        snprintf(shown, sizeof shown, "%.*f", prec, v);
    dm_table_set2(t, col, val, shown);
}

void dm_table_head(dm_table *t, int col, const char *head)
{
    if (col < 0 || col >= t->ncol)
        return;
    if (!t->heads) {
        t->heads = xrealloc(NULL, sizeof *t->heads * (size_t)t->ncol);
        memset(t->heads, 0, sizeof *t->heads * (size_t)t->ncol);
    }
    free(t->heads[col]);
    t->heads[col] = head ? xstrdup(head) : NULL;
}

/* What a human sees of a cell (row -1: the header). */
static const char *shown_cell(const dm_table *t, int r, int c)
{
    if (r < 0)
        return t->heads && t->heads[c] ? t->heads[c] : t->cols[c];
    const char *s = t->shown && r < t->nrow ? t->shown[(size_t)r * (size_t)t->ncol + (size_t)c] : NULL;
    return s ? s : dm_table_get(t, r, c);
}

/* "-0", "-0.00", "-0.000e+00": a negative figure that rounded to zero (its sign is noise) */
static int negative_zero(const char *s)
{
    if (s[0] != '-' || s[1] != '0')
        return 0;
    const char *p = s + 2;
    if (*p == '.')
        for (p++; *p == '0'; p++)
            ;
    if (*p == 'e' || *p == 'E') {
        p++;
        if (*p == '+' || *p == '-')
            p++;
        while (*p >= '0' && *p <= '9')
            p++;
    }
    return *p == '\0';
}

void dm_table_setf(dm_table *t, int col, const char *fmt, ...)
{
    char buf[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    dm_table_set(t, col, negative_zero(buf) ? buf + 1 : buf);
}

const char *dm_table_get(const dm_table *t, int row, int col)
{
    if (row < 0 || row >= t->nrow || col < 0 || col >= t->ncol)
        return NULL;
    return t->cells[(size_t)row * (size_t)t->ncol + (size_t)col];
}

int dm_table_find_col(const dm_table *t, const char *name)
{
    for (int i = 0; i < t->ncol; i++)
        if (strcmp(t->cols[i], name) == 0)
            return i;
    return -1;
}

/* Columns whose every non-empty cell is a number are numeric. */
void dm_table_guess_numeric(dm_table *t)
{
    for (int c = 0; c < t->ncol; c++) {
        int num = 1, any = 0;
        for (int r = 0; r < t->nrow && num; r++) {
            const char *v = dm_table_get(t, r, c);
            if (!v || !*v)
                continue;
            char *end;
            strtod(v, &end);
            if (*end || end == v)
                num = 0;
            any = 1;
        }
        t->numeric[c] = (unsigned char)(num && any);
    }
}

static int has_ctrl(const char *s)
{
    for (; s && *s; s++)
        if ((unsigned char)*s < 0x20 || *s == 0x7f)
            return 1;
    return 0;
}

/* s with control characters as \xNN (malloc'd; NULL stays NULL). */
static char *inert(const char *s)
{
    if (!s)
        return NULL;
    size_t n = 4 * strlen(s) + 1;
    char *e = xrealloc(NULL, n);
    return dm_escape(s, strlen(s), e, n);
}

static void csv_cell(FILE *out, const char *s)
{
    if (!s)
        return;
    char *e = NULL;
    if (has_ctrl(s) && isatty(fileno(out))) /* data reaching a terminal is inert; a pipe gets it as it is */
        s = e = inert(s);
    if (strpbrk(s, ",\"\r\n") == NULL) {
        fputs(s, out);
        free(e);
        return;
    }
    if (strpbrk(s, ",\"\r\n") == NULL) {
        fputs(s, out);
        return;
    }
    fputc('"', out);
    for (; *s; s++) {
        if (*s == '"')
            fputc('"', out);
        fputc(*s, out);
    }
    fputc('"', out);
    free(e);
}

json_t *dm_json_cell(const char *s, int numeric)
{
    if (!s || !*s)
        return json_null();
    if (numeric) {
        char *end;
        double v = strtod(s, &end);
        if (numeric == DM_COL_BOOL)
            return *end == '\0' && end != s && v == v ? json_boolean(v != 0) : json_null();
        if (*end == '\0' && end != s) {
            if (strchr(s, '.') == NULL && strchr(s, 'e') == NULL && strchr(s, 'E') == NULL && v > -9e15 && v < 9e15)
                return json_integer((json_int_t)v);
            if (v == v && v - v == 0) /* finite */
                return json_real(v);
        }
        return json_null();
    }
    return json_string(s);
}

/* Reals from SQL carry 15+ digits: a human table shows 6 significant ones. */
static const char *human_cell(const dm_table *t, int r, int c, char *buf, size_t n)
{
    const char *v = shown_cell(t, r, c);
    if (r >= 0 && v && negative_zero(v))
        return v + 1;
    if (r < 0 || !v || (t->shown && t->shown[(size_t)r * (size_t)t->ncol + (size_t)c]) || strlen(v) <= 9 ||
        !strpbrk(v, ".eE") || strchr(v, ':'))
        return v;
    char *end;
    double x = strtod(v, &end);
    if (*end)
        return v;
    snprintf(buf, n, "%.6g", x);
    return negative_zero(buf) ? buf + 1 : buf;
}

static void print_human(const dm_table *t, FILE *out, int width);

/* A human table goes to a terminal: text from data (notes, SQL results and
 * column names, tokens) has its control characters escaped, so an ESC
 * sequence in a note is shown, not obeyed. */
static int print_inert(const dm_table *t, FILE *out, int width)
{
    int any = has_ctrl(t->title);
    for (int c = 0; c < t->ncol && !any; c++)
        any = has_ctrl(shown_cell(t, -1, c));
    for (int r = 0; r < t->nrow && !any; r++)
        for (int c = 0; c < t->ncol && !any; c++)
            any = has_ctrl(shown_cell(t, r, c));
    if (!any)
        return 0;
    dm_table e;
    char *x = inert(t->title);
    dm_table_init(&e, x);
    free(x);
    e.vertical = t->vertical;
    for (int c = 0; c < t->ncol; c++) {
        x = inert(shown_cell(t, -1, c));
        dm_table_col(&e, x, t->numeric[c]);
        free(x);
    }
    for (int r = 0; r < t->nrow; r++) {
        dm_table_row(&e);
        for (int c = 0; c < t->ncol; c++) {
            x = inert(shown_cell(t, r, c));
            dm_table_set(&e, c, x);
            free(x);
        }
    }
    print_human(&e, out, width);
    dm_table_free(&e);
    return 1;
}

static void print_human(const dm_table *t, FILE *out, int width)
{
    char hb[64];
    if (print_inert(t, out, width))
        return;
    if (t->title)
        fprintf(out, "%s\n", t->title);
    if (t->vertical) {
        int kw = 0;
        for (int c = 0; c < t->ncol; c++)
            if (dm_u8width(shown_cell(t, -1, c)) > kw)
                kw = dm_u8width(shown_cell(t, -1, c));
        for (int r = 0; r < t->nrow; r++) {
            if (r)
                fputc('\n', out);
            for (int c = 0; c < t->ncol; c++) {
                const char *v = human_cell(t, r, c, hb, sizeof hb);
                fprintf(out, "%-*s  %s\n", kw, shown_cell(t, -1, c), v ? v : "");
            }
        }
        return;
    }
    if (t->nrow == 0) {
        for (int c = 0; c < t->ncol; c++)
            fprintf(out, "%s%s", c ? "  " : "", shown_cell(t, -1, c));
        fprintf(out, "%s(no rows)\n", t->ncol ? "\n" : "");
        return;
    }
    int *w = calloc((size_t)t->ncol, sizeof *w);
    if (!w)
        abort();
    for (int c = 0; c < t->ncol; c++) {
        w[c] = dm_u8width(shown_cell(t, -1, c));
        for (int r = 0; r < t->nrow; r++) {
            const char *v = human_cell(t, r, c, hb, sizeof hb);
            int l = v ? dm_u8width(v) : 0;
            if (l > w[c])
                w[c] = l;
        }
        if (w[c] > 60)
            w[c] = 60; /* long cells (notes, paths) are cut */
    }
    /* columns that fit the width (the rest are dropped, and said so) */
    int shown = t->ncol, total = 0;
    if (width > 0) {
        for (int c = 0; c < t->ncol; c++) {
            total += w[c] + (c ? 2 : 0);
            if (total > width) {
                shown = c > 0 ? c : 1;
                break;
            }
        }
    }
    for (int pass = 0; pass < 2; pass++) {
        for (int r = pass ? 0 : -1; r < (pass ? t->nrow : 0); r++) {
            for (int c = 0; c < shown; c++) {
                const char *v = human_cell(t, r, c, hb, sizeof hb);
                if (!v)
                    v = "";
                int l = dm_u8width(v);
                if (c)
                    fputs("  ", out);
                if (l > w[c]) {
                    /* cut to w[c]-1 code points and mark */
                    int n = 0;
                    const char *p = v;
                    while (*p && n < w[c] - 1) {
                        p++;
                        while (((unsigned char)*p & 0xC0) == 0x80)
                            p++;
                        n++;
                    }
                    fwrite(v, 1, (size_t)(p - v), out);
                    fputs("…", out);
                } else if (t->numeric[c] && r >= 0) {
                    fprintf(out, "%*s%s", w[c] - l, "", v);
                } else if (c == shown - 1) {
                    fputs(v, out);
                } else {
                    fprintf(out, "%s%*s", v, w[c] - l, "");
                }
            }
            fputc('\n', out);
        }
    }
    if (shown < t->ncol) {
        fprintf(out, "(%d more column%s not shown at this width:", t->ncol - shown, t->ncol - shown > 1 ? "s" : "");
        for (int c = shown; c < t->ncol; c++)
            fprintf(out, " %s", t->cols[c]);
        fprintf(out, "; --format csv or json shows all)\n");
    }
    free(w);
}

void dm_table_csv_row(const dm_table *t, int row, FILE *out)
{
    for (int c = 0; c < t->ncol; c++) {
        if (c)
            fputc(',', out);
        const char *v = row < 0 ? t->cols[c] : dm_table_get(t, row, c);
        if (row >= 0 && v && t->numeric[c] && v[0] == '+')
            v++; /* a number for a program: no display sign */
        csv_cell(out, v);
    }
    fputc('\n', out);
    fflush(out);
}

json_t *dm_table_row_json(const dm_table *t, int r)
{
    json_t *o = json_object();
    for (int c = 0; c < t->ncol; c++)
        json_object_set_new(o, t->cols[c], dm_json_cell(dm_table_get(t, r, c), t->numeric[c]));
    return o;
}

void dm_json_print(json_t *j, dm_format f, FILE *out)
{
    if (f == DM_FMT_JSONL && json_is_array(j)) {
        size_t i;
        json_t *v;
        json_array_foreach(j, i, v) dm_json_print(v, f, out);
        return;
    }
    size_t flags = JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(10) | (f == DM_FMT_JSONL ? JSON_COMPACT : JSON_INDENT(2));
    char *s = json_dumps(j, flags);
    if (s) {
        fprintf(out, "%s\n", s);
        free(s);
    }
    fflush(out);
}

/* A Markdown (GitHub) table; '|' in cells escaped, numbers right-aligned. */
static void md_cell(FILE *out, const char *v)
{
    fputc(' ', out);
    for (; v && *v; v++) {
        if (*v == '|')
            fputc('\\', out);
        fputc(*v == '\n' ? ' ' : *v, out);
    }
    fputs(" |", out);
}

static void print_md(const dm_table *t, FILE *out)
{
    if (t->ncol == 0)
        return;
    fputc('|', out);
    for (int c = 0; c < t->ncol; c++)
        md_cell(out, shown_cell(t, -1, c));
    fputs("\n|", out);
    for (int c = 0; c < t->ncol; c++)
        fputs(t->numeric[c] ? " ---: |" : " --- |", out);
    fputc('\n', out);
    for (int r = 0; r < t->nrow; r++) {
        fputc('|', out);
        for (int c = 0; c < t->ncol; c++)
            md_cell(out, shown_cell(t, r, c));
        fputc('\n', out);
    }
}

void dm_table_print(const dm_table *t, dm_format f, FILE *out, int width)
{
    if (f == DM_FMT_CSV) {
        for (int r = -1; r < t->nrow; r++)
            dm_table_csv_row(t, r, out);
    } else if ((f == DM_FMT_JSON || f == DM_FMT_JSONL) && t->record && t->nrow == 1) {
        json_t *o = dm_table_row_json(t, 0);
        dm_json_print(o, f, out);
        json_decref(o);
    } else if (f == DM_FMT_JSON || f == DM_FMT_JSONL) {
        json_t *arr = json_array();
        for (int r = 0; r < t->nrow; r++)
            json_array_append_new(arr, dm_table_row_json(t, r));
        dm_json_print(arr, f, out);
        json_decref(arr);
    } else if (f == DM_FMT_MD) {
        print_md(t, out);
    } else {
        print_human(t, out, width);
    }
    fflush(out);
}
