/* metric.c - see metric.h. */
#define _POSIX_C_SOURCE 200809L
#include "metric.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util.h"

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

static int key_cmp(const void *x, const void *y)
{
    const dm_ngram_key *a = x, *b = y;
    if (a->hi != b->hi)
        return a->hi < b->hi ? -1 : 1;
    return a->lo < b->lo ? -1 : a->lo > b->lo;
}

double dm_ngram_matches(dm_ngram_key *h, size_t nh, dm_ngram_key *r, size_t nr)
{
    if (!nh || !nr)
        return 0;
    qsort(h, nh, sizeof *h, key_cmp);
    qsort(r, nr, sizeof *r, key_cmp);
    double m = 0;
    size_t i = 0, j = 0;
    while (i < nh && j < nr) {
        int c = key_cmp(&h[i], &r[j]);
        if (c < 0) {
            i++;
        } else if (c > 0) {
            j++;
        } else { /* one distinct n-gram: min(count in h, count in r) */
            size_t ci = 0, cj = 0;
            dm_ngram_key k = h[i];
            while (i < nh && key_cmp(&h[i], &k) == 0)
                i++, ci++;
            while (j < nr && key_cmp(&r[j], &k) == 0)
                j++, cj++;
            m += (double)(ci < cj ? ci : cj);
        }
    }
    return m;
}

/* The n-gram of ids at s (n <= 4): two ids per 64-bit half. */
static dm_ngram_key id_key(const int *s, int n)
{
    unsigned long long w[4] = {0, 0, 0, 0};
    for (int k = 0; k < n; k++)
        w[k] = (unsigned)s[k];
    return (dm_ngram_key){w[0] << 32 | w[1], w[2] << 32 | w[3]};
}

int dm_bleu_add_ids(dm_bleu_acc *a, const int *hyp, int nhyp, const int *ref, int nref)
{
    if (nhyp < 0)
        nhyp = 0;
    if (nref < 0)
        nref = 0;
    dm_ngram_key *kh = malloc(((size_t)nhyp + 1) * sizeof *kh), *kr = malloc(((size_t)nref + 1) * sizeof *kr);
    if (!kh || !kr) {
        free(kh), free(kr);
        return -1;
    }
    for (int n = 1; n <= DM_BLEU_ORDER; n++) {
        int th = nhyp - n + 1 > 0 ? nhyp - n + 1 : 0, tr = nref - n + 1 > 0 ? nref - n + 1 : 0;
        for (int i = 0; i < th; i++)
            kh[i] = id_key(hyp + i, n);
        for (int i = 0; i < tr; i++)
            kr[i] = id_key(ref + i, n);
        a->matches[n - 1] += dm_ngram_matches(kh, (size_t)th, kr, (size_t)tr);
        a->totals[n - 1] += th;
    }
    free(kh), free(kr);
    a->hyp_len += nhyp;
    a->ref_len += nref;
    a->sentences++;
    return 0;
}

/* One token of text: where it starts, its length, its place in the pair. */
typedef struct tok {
    const char *s;
    size_t len;
    int at;
} tok;

/* Split s at whitespace (Python's str.split()) into t[*n...]; with t NULL
 * only count. */
static void split_ws(const char *s, tok *t, int *n)
{
    size_t left = strlen(s);
    const char *start = NULL;
    while (left) {
        unsigned cp;
        int l = dm_u8_decode(s, left, &cp);
        if (dm_u8_is_space(cp)) {
            if (start) {
                if (t)
                    t[*n] = (tok){start, (size_t)(s - start), *n};
                (*n)++;
                start = NULL;
            }
        } else if (!start) {
            start = s;
        }
        s += l;
        left -= (size_t)l;
    }
    if (start) {
        if (t)
            t[*n] = (tok){start, (size_t)(s - start), *n};
        (*n)++;
    }
}

static int tok_cmp(const void *x, const void *y)
{
    const tok *a = x, *b = y;
    int c = memcmp(a->s, b->s, a->len < b->len ? a->len : b->len);
    if (c)
        return c;
    return a->len < b->len ? -1 : a->len > b->len;
}

int dm_bleu_add_text(dm_bleu_acc *a, const char *hyp, const char *ref)
{
    int nh = 0, nr = 0;
    split_ws(hyp, NULL, &nh);
    split_ws(ref, NULL, &nr);
    int nt = nh + nr, n = 0;
    tok *t = malloc(((size_t)nt + 1) * sizeof *t);
    int *id = malloc(((size_t)nt + 1) * sizeof *id);
    if (!t || !id) {
        free(t), free(id);
        return -1;
    }
    split_ws(hyp, t, &n);
    split_ws(ref, t, &n);
    /* equal tokens get equal ids: sorted, each run of equal tokens one id */
    qsort(t, (size_t)nt, sizeof *t, tok_cmp);
    for (int i = 0, next = 0; i < nt; i++) {
        if (i && tok_cmp(&t[i - 1], &t[i]) != 0)
            next++;
        id[t[i].at] = next;
    }
    int rc = dm_bleu_add_ids(a, id, nh, id + nh, nr);
    free(t), free(id);
    return rc;
}

void dm_bleu_details(const dm_bleu_acc *a, dm_bleu_smooth smooth, dm_bleu_detail *out)
{
    memset(out, 0, sizeof *out);
    out->hyp_len = a->hyp_len;
    out->ref_len = a->ref_len;
    out->ratio = a->ref_len ? a->hyp_len / a->ref_len : 0;
    out->bp = 1;
    if (a->hyp_len < a->ref_len)
        out->bp = a->hyp_len > 0 ? exp(1 - a->ref_len / a->hyp_len) : 0;
    int any = 0;
    for (int n = 0; n < DM_BLEU_ORDER; n++)
        any |= a->matches[n] != 0;
    if (!any) /* sacreBLEU's early stop (its issue #141): 0, precisions 0 */
        return;
    double smooth_mteval = 1;
    for (int n = 0; n < DM_BLEU_ORDER; n++) {
        if (a->totals[n] == 0)
            break;
        if (a->matches[n] == 0) {
            if (smooth == DM_BLEU_SMOOTH_EXP) {
                smooth_mteval *= 2;
                out->prec[n] = 100.0 / (smooth_mteval * a->totals[n]);
            }
        } else {
            out->prec[n] = 100.0 * a->matches[n] / a->totals[n];
        }
    }
    /* sacreBLEU's my_log: log(0) is -9999999999, so any zero precision gives 0 */
    double s = 0;
    for (int n = 0; n < DM_BLEU_ORDER; n++) {
        if (out->prec[n] == 0)
            return;
        s += log(out->prec[n]);
    }
    out->score = out->bp * exp(s / DM_BLEU_ORDER);
}

void dm_bleu_result_smooth(const dm_bleu_acc *a, dm_bleu_smooth smooth, double *value, double *se)
{
    dm_bleu_detail d;
    dm_bleu_details(a, smooth, &d);
    *value = d.score;
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
