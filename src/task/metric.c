/* metric.c - see metric.h. */
#define _POSIX_C_SOURCE 200809L
#include "metric.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ---- perplexity ---------------------------------------------------------- */

void dm_ppl_add(dm_ppl_acc *a, double nll)
{
    a->sum += nll;
    a->sumsq += nll * nll;
    a->n++;
}

void dm_ppl_result(const dm_ppl_acc *a, double *value, double *se, double *nll)
{
    if (a->n == 0) {
        *nll = 0;
        *value = 1;
        *se = 0;
        return;
    }
    *nll = a->sum / (double)a->n;
    *value = exp(*nll);
    double var = a->n > 1 ? (a->sumsq - a->sum * a->sum / (double)a->n) / (double)(a->n - 1) : 0;
    /* delta method, predictions treated as independent (an underestimate for text) */
    *se = *value * sqrt(var > 0 ? var : 0) / sqrt((double)a->n);
}

/* ---- accuracy ------------------------------------------------------------ */

void dm_accuracy_add(dm_accuracy_acc *a, int correct)
{
    a->correct += correct != 0;
    a->total++;
}

void dm_accuracy_result(const dm_accuracy_acc *a, double *value, double *se)
{
    if (a->total <= 0) {
        *value = *se = NAN;
        return;
    }
    double p = (double)a->correct / (double)a->total;
    *value = 100.0 * p;
    *se = 100.0 * sqrt(p * (1 - p) / (double)a->total);
}

/* ---- BLEU ---------------------------------------------------------------- */

static int same_gram(const int *x, const int *y, int n)
{
    for (int k = 0; k < n; k++)
        if (x[k] != y[k])
            return 0;
    return 1;
}

/* Occurrences of the n-gram g in s[0..ns). */
static long count_gram(const int *g, int n, const int *s, int ns)
{
    long c = 0;
    for (int i = 0; i + n <= ns; i++)
        c += same_gram(g, s + i, n);
    return c;
}

void dm_bleu_add_ids(dm_bleu_acc *a, const int *hyp, int nhyp, const int *ref, int nref)
{
    if (nhyp < 0)
        nhyp = 0;
    if (nref < 0)
        nref = 0;
    for (int n = 1; n <= DM_BLEU_ORDER; n++) {
        double match = 0;
        for (int i = 0; i + n <= nhyp; i++) {
            /* each distinct n-gram once, at its first occurrence: min(count in hyp, count in ref) */
            int seen = 0;
            for (int j = 0; j < i && !seen; j++)
                seen = same_gram(hyp + j, hyp + i, n);
            if (seen)
                continue;
            long ch = count_gram(hyp + i, n, hyp, nhyp), cr = count_gram(hyp + i, n, ref, nref);
            match += (double)(ch < cr ? ch : cr);
        }
        a->matches[n - 1] += match;
        a->totals[n - 1] += nhyp - n + 1 > 0 ? nhyp - n + 1 : 0;
    }
    a->hyp_len += nhyp;
    a->ref_len += nref;
    a->sentences++;
}

/* Split s at ASCII whitespace into (start, length) pairs appended at *n. */
static int split_ws(const char *s, const char **start, int *len, int *n, int cap)
{
    const char *p = s;
    while (*p) {
        while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f' || *p == '\v')
            p++;
        if (!*p)
            break;
        const char *b = p;
        while (*p && !(*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f' || *p == '\v'))
            p++;
        if (*n >= cap)
            return -1;
        start[*n] = b;
        len[*n] = (int)(p - b);
        (*n)++;
    }
    return 0;
}

static int count_tokens(const char *s)
{
    int n = 0, in = 0;
    for (; *s; s++) {
        int ws = *s == ' ' || *s == '\t' || *s == '\n' || *s == '\r' || *s == '\f' || *s == '\v';
        if (!ws && !in)
            n++;
        in = !ws;
    }
    return n;
}

int dm_bleu_add_text(dm_bleu_acc *a, const char *hyp, const char *ref)
{
    int nh = count_tokens(hyp), nr = count_tokens(ref), nt = nh + nr, n = 0;
    size_t cap = nt > 0 ? (size_t)nt : 1;
    const char **start = malloc(cap * sizeof *start);
    int *len = malloc(cap * sizeof *len), *id = malloc(cap * sizeof *id);
    if (!start || !len || !id) {
        free(start), free(len), free(id);
        return -1;
    }
    split_ws(hyp, start, len, &n, nt);
    split_ws(ref, start, len, &n, nt);
    /* equal tokens get equal ids: the index of their first occurrence */
    for (int i = 0; i < nt; i++) {
        id[i] = i;
        for (int j = 0; j < i; j++)
            if (len[j] == len[i] && memcmp(start[j], start[i], (size_t)len[i]) == 0) {
                id[i] = id[j];
                break;
            }
    }
    dm_bleu_add_ids(a, id, nh, id + nh, nr);
    free(start), free(len), free(id);
    return 0;
}

void dm_bleu_result_smooth(const dm_bleu_acc *a, dm_bleu_smooth smooth, double *value, double *se)
{
    double prec[DM_BLEU_ORDER] = {0}, smooth_mteval = 1;
    for (int n = 0; n < DM_BLEU_ORDER; n++) {
        if (a->totals[n] == 0)
            break;
        if (a->matches[n] == 0) {
            if (smooth == DM_BLEU_SMOOTH_EXP) {
                smooth_mteval *= 2;
                prec[n] = 100.0 / (smooth_mteval * a->totals[n]);
            }
        } else {
            prec[n] = 100.0 * a->matches[n] / a->totals[n];
        }
    }
    double bp = 1;
    if (a->hyp_len < a->ref_len)
        bp = a->hyp_len > 0 ? exp(1 - a->ref_len / a->hyp_len) : 0;
    /* sacreBLEU's my_log: log(0) is -9999999999, so any zero precision gives 0 */
    double s = 0;
    int zero = 0;
    for (int n = 0; n < DM_BLEU_ORDER; n++) {
        if (prec[n] == 0)
            zero = 1;
        else
            s += log(prec[n]);
    }
    *value = zero ? 0 : bp * exp(s / DM_BLEU_ORDER);
    *se = NAN;
}

void dm_bleu_result(const dm_bleu_acc *a, double *value, double *se)
{
    dm_bleu_result_smooth(a, DM_BLEU_SMOOTH_NONE, value, se);
}

/* ---- the table ------------------------------------------------------------ */

static void ppl_init(dm_metric_acc *a) { memset(&a->u.ppl, 0, sizeof a->u.ppl); }
static void ppl_merge(dm_metric_acc *into, const dm_metric_acc *from)
{
    into->u.ppl.sum += from->u.ppl.sum;
    into->u.ppl.sumsq += from->u.ppl.sumsq;
    into->u.ppl.n += from->u.ppl.n;
}
static void ppl_res(const dm_metric_acc *a, double *value, double *se)
{
    double nll;
    dm_ppl_result(&a->u.ppl, value, se, &nll);
}

static void acc_init(dm_metric_acc *a) { memset(&a->u.acc, 0, sizeof a->u.acc); }
static void acc_merge(dm_metric_acc *into, const dm_metric_acc *from)
{
    into->u.acc.correct += from->u.acc.correct;
    into->u.acc.total += from->u.acc.total;
}
static void acc_res(const dm_metric_acc *a, double *value, double *se) { dm_accuracy_result(&a->u.acc, value, se); }

static void bleu_init(dm_metric_acc *a) { memset(&a->u.bleu, 0, sizeof a->u.bleu); }
static void bleu_merge(dm_metric_acc *into, const dm_metric_acc *from)
{
    dm_bleu_acc *x = &into->u.bleu;
    const dm_bleu_acc *y = &from->u.bleu;
    for (int n = 0; n < DM_BLEU_ORDER; n++) {
        x->matches[n] += y->matches[n];
        x->totals[n] += y->totals[n];
    }
    x->hyp_len += y->hyp_len;
    x->ref_len += y->ref_len;
    x->sentences += y->sentences;
}
static void bleu_res(const dm_metric_acc *a, double *value, double *se) { dm_bleu_result(&a->u.bleu, value, se); }

/* clang-format off */
const dm_metric_def dm_metric_table[DM_METRIC_COUNT] = {
    [DM_METRIC_PPL] = {DM_METRIC_PPL, "perplexity", "ppl", "", "token", "tokens", "tok", "tok/s", 0, 1,
                       ppl_init, ppl_merge, ppl_res},
    [DM_METRIC_BLEU] = {DM_METRIC_BLEU, "BLEU", "bleu", "", "sentence", "sentences", "sent", "sent/s", 1, 0,
                        bleu_init, bleu_merge, bleu_res},
    [DM_METRIC_ACC] = {DM_METRIC_ACC, "accuracy", "acc", "%", "image", "images", "img", "img/s", 1, 1,
                       acc_init, acc_merge, acc_res},
};
/* clang-format on */

const dm_metric_def *dm_metric_get(dm_metric m)
{
    return (int)m >= 0 && m < DM_METRIC_COUNT ? &dm_metric_table[m] : NULL;
}

const dm_metric_def *dm_metric_find(const char *name)
{
    if (!name)
        return NULL;
    for (int i = 0; i < DM_METRIC_COUNT; i++)
        if (strcasecmp(name, dm_metric_table[i].name) == 0 || strcasecmp(name, dm_metric_table[i].key) == 0)
            return &dm_metric_table[i];
    return NULL;
}

const char *dm_metric_name(dm_metric m)
{
    const dm_metric_def *d = dm_metric_get(m);
    return d ? d->name : "?";
}

int dm_metric_direction(const char *name)
{
    const dm_metric_def *d = dm_metric_find(name);
    return d && d->higher_is_better ? 1 : -1;
}

double dm_metric_loss_pct(const char *name, double delta_pct)
{
    return dm_metric_direction(name) > 0 ? -delta_pct : delta_pct;
}

void dm_metric_acc_init(dm_metric_acc *a, dm_metric m)
{
    memset(a, 0, sizeof *a);
    a->metric = m;
    const dm_metric_def *d = dm_metric_get(m);
    if (d)
        d->acc_init(a);
}

void dm_metric_acc_merge(dm_metric_acc *into, const dm_metric_acc *from)
{
    const dm_metric_def *d = dm_metric_get(into->metric);
    if (d && from->metric == into->metric)
        d->acc_merge(into, from);
}

void dm_metric_acc_result(const dm_metric_acc *a, double *value, double *se)
{
    const dm_metric_def *d = dm_metric_get(a->metric);
    if (!d) {
        *value = *se = NAN;
        return;
    }
    d->acc_result(a, value, se);
}
