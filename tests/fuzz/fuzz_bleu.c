/* fuzz_bleu.c - libFuzzer target: the 13a tokenizer, BLEU through it and
 * chrF on arbitrary bytes (invalid UTF-8 included). The input is a
 * hypothesis and a reference, split at the first tab. Checks: 13a's output
 * has single spaces between tokens, none at the ends and no other
 * whitespace; matches never exceed totals; the scores are in [0, 100]. */
#include <math.h>

#include "bleu.h"
#include "fuzz_util.h"
#include "util.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > (1 << 16))
        return 0;
    char *s = fuzz_str(data, size);
    char *tab = strchr(s, '\t');
    const char *hyp = s, *ref = "";
    if (tab) {
        *tab = '\0';
        ref = tab + 1;
    }
    char *t = dm_tok13a(hyp);
    if (!t)
        abort();
    size_t n = strlen(t);
    if (n && (t[0] == ' ' || t[n - 1] == ' ' || strstr(t, "  ")))
        abort(); /* tokens joined by single spaces */
    for (size_t i = 0; i < n;) {
        unsigned cp;
        i += (size_t)dm_u8_decode(t + i, n - i, &cp);
        if (cp != ' ' && dm_u8_is_space(cp))
            abort(); /* no other whitespace left */
    }
    free(t);
    dm_bleu_acc b;
    dm_chrf_acc c;
    memset(&b, 0, sizeof b);
    memset(&c, 0, sizeof c);
    if (dm_bleu_add_13a(&b, hyp, ref) == 0) {
        for (int k = 0; k < DM_BLEU_ORDER; k++)
            if (b.matches[k] > b.totals[k] || b.totals[k] > b.hyp_len)
                abort();
        dm_bleu_detail d;
        dm_bleu_details(&b, DM_BLEU_SMOOTH_EXP, &d);
        if (!(d.score >= 0 && d.score <= 100 + 1e-9))
            abort();
    }
    if (dm_chrf_add(&c, hyp, ref) == 0) {
        for (int k = 0; k < DM_CHRF_ORDER; k++)
            if (c.match[k] > c.ref[k] || c.match[k] > c.hyp[k])
                abort();
        double f = dm_chrf_result(&c);
        if (!(f >= 0 && f <= 100 + 1e-9))
            abort();
    }
    free(s);
    return 0;
}
