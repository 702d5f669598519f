/* test_data.c - the prepared KJV splits: token counts, vocabulary, the
 * corpus reader's rules, and that the recipe rebuilds the files exactly. */
#define _POSIX_C_SOURCE 200809L
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "corpus.h"
#include "testutil.h"
#include "vocab.h"

static dm_vocab vocab;

static void load_vocab(void)
{
    char p[4096];
    dm_err err;
    test_path(p, sizeof p, "data/kjv/vocab.txt");
    cr_assert_eq(dm_vocab_load(&vocab, p, &err), 0, "%s", err.msg);
}

static void free_vocab(void) { dm_vocab_free(&vocab); }

TestSuite(kjv, .init = load_vocab, .fini = free_vocab);

Test(kjv, vocabulary)
{
    cr_assert_eq(vocab.n, 10000);
    cr_assert_eq(vocab.unk, 0);
    cr_assert_geq(vocab.eos, 0);
    cr_assert_eq(dm_vocab_find(&vocab, ",", 1), 1, "',' is the most frequent token of train");
    cr_assert_eq(dm_vocab_find(&vocab, "the", 3), 2);
    cr_assert_eq(vocab.eos, 5);
    cr_assert_eq(dm_vocab_find(&vocab, "zzzz", 4), -1);
}

static void check_split(const char *split, long words, long verses)
{
    char p[4096];
    dm_err err;
    dm_corpus c;
    snprintf(p, sizeof p, "%s/data/kjv/%s.txt", test_srcdir(), split);
    cr_assert_eq(dm_corpus_load(&c, p, &vocab, 0, &err), 0, "%s", err.msg);
    cr_assert_eq(c.lines, verses, "%s: %ld verses", split, c.lines);
    cr_assert_eq(c.n, words + verses, "%s: %ld tokens", split, c.n);
    cr_assert_eq(c.ids[c.n - 1], vocab.eos);
    /* OOV rate against the 10k train vocabulary (DATA.md: about 0.6-0.7%) */
    double oov = (double)c.unk / (double)words;
    cr_assert(oov > 0.004 && oov < 0.009, "%s: OOV %.4f", split, oov);
    dm_corpus_free(&c);
}

/* DATA.md section 1: valid = Jeremiah 49,361 words, test = Matthew + Mark 45,581. */
Test(kjv, valid_counts) { check_split("valid", 49361, 1364); }
Test(kjv, test_counts) { check_split("test", 45581, 1749); }

Test(kjv, limit_cuts_the_stream)
{
    char p[4096];
    dm_err err;
    dm_corpus c;
    test_path(p, sizeof p, "data/kjv/valid.txt");
    cr_assert_eq(dm_corpus_load(&c, p, &vocab, 5000, &err), 0, "%s", err.msg);
    cr_assert_eq(c.n, 5000);
    dm_corpus_free(&c);
}

Test(kjv, recipe_rebuilds_identical_files)
{
    if (access("/usr/bin/bible", X_OK) != 0 || access("/usr/bin/python3", X_OK) != 0)
        cr_skip_test("bible (apt-get install bible-kjv) or /usr/bin/python3 missing");
    char dir[] = "/tmp/dm_test_data_XXXXXX";
    cr_assert_not_null(mkdtemp(dir));
    char cmd[8192];
    snprintf(cmd, sizeof cmd,
             "/usr/bin/python3 '%s/data/kjv/prepare.py' --out '%s' >/dev/null && cd '%s' && "
             "sha256sum --quiet -c '%s/data/kjv/SHA256SUMS'",
             test_srcdir(), dir, dir, test_srcdir());
    int rc = system(cmd);
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    cr_assert_eq(system(cmd), 0);
    cr_assert_eq(rc, 0, "data/kjv/prepare.py did not rebuild files matching data/kjv/SHA256SUMS");
}

/* ---- reader rules on small files ---- */

static char tmpdir[64];

static void mk(const char *name, const char *text, char *path, size_t n)
{
    snprintf(path, n, "%s/%s", tmpdir, name);
    FILE *f = fopen(path, "w");
    cr_assert_not_null(f);
    fputs(text, f);
    fclose(f);
}

static void tmp_setup(void)
{
    snprintf(tmpdir, sizeof tmpdir, "/tmp/dm_test_corpus_XXXXXX");
    cr_assert_not_null(mkdtemp(tmpdir));
}

static void tmp_teardown(void)
{
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
    cr_assert_eq(system(cmd), 0);
}

TestSuite(reader, .init = tmp_setup, .fini = tmp_teardown);

Test(reader, eos_per_line_and_unk)
{
    char vp[256], dp[256];
    dm_vocab v;
    dm_corpus c;
    dm_err err;
    mk("v.txt", "<unk>\n<eos>\na\nb\n", vp, sizeof vp);
    mk("d.txt", "a b\n\n  b   zz\ta\n", dp, sizeof dp);
    cr_assert_eq(dm_vocab_load(&v, vp, &err), 0, "%s", err.msg);
    cr_assert_eq(dm_corpus_load(&c, dp, &v, 0, &err), 0, "%s", err.msg);
    int want[] = {2, 3, 1, 1, 3, 0, 2, 1};
    cr_assert_eq(c.n, 8);
    for (int i = 0; i < 8; i++)
        cr_assert_eq(c.ids[i], want[i], "token %d", i);
    cr_assert_eq(c.unk, 1);
    cr_assert_eq(c.lines, 3);
    dm_corpus_free(&c);
    dm_vocab_free(&v);
}

Test(reader, unknown_word_without_unk_is_an_error)
{
    char vp[256], dp[256];
    dm_vocab v;
    dm_corpus c;
    dm_err err;
    mk("v.txt", "<eos>\na\n", vp, sizeof vp);
    mk("d.txt", "a a\na zebra\n", dp, sizeof dp);
    cr_assert_eq(dm_vocab_load(&v, vp, &err), 0, "%s", err.msg);
    cr_assert_eq(dm_corpus_load(&c, dp, &v, 0, &err), -1);
    cr_assert(strstr(err.msg, "d.txt:2: token 'zebra' is not in the vocabulary, which has no <unk>"), "%s", err.msg);
    dm_vocab_free(&v);
}

Test(reader, vocabulary_errors)
{
    char vp[256];
    dm_vocab v;
    dm_err err;
    mk("dup.txt", "<unk>\na\nb\na\n", vp, sizeof vp);
    cr_assert_eq(dm_vocab_load(&v, vp, &err), -1);
    cr_assert(strstr(err.msg, "dup.txt:4: token 'a' repeats line 2"), "%s", err.msg);
    mk("empty_line.txt", "<unk>\n\nb\n", vp, sizeof vp);
    cr_assert_eq(dm_vocab_load(&v, vp, &err), -1);
    cr_assert(strstr(err.msg, "empty_line.txt:2: empty line"), "%s", err.msg);
    mk("space.txt", "<unk>\na b\n", vp, sizeof vp);
    cr_assert_eq(dm_vocab_load(&v, vp, &err), -1);
    cr_assert(strstr(err.msg, "space.txt:2: token 'a b' contains whitespace"), "%s", err.msg);
    cr_assert_eq(dm_vocab_load(&v, "/nonexistent/vocab.txt", &err), -1);
    cr_assert(strstr(err.msg, "No such file"), "%s", err.msg);
}

Test(reader, too_short_and_missing)
{
    char vp[256], dp[256];
    dm_vocab v;
    dm_corpus c;
    dm_err err;
    mk("v.txt", "<unk>\n<eos>\n", vp, sizeof vp);
    mk("d.txt", "", dp, sizeof dp);
    cr_assert_eq(dm_vocab_load(&v, vp, &err), 0, "%s", err.msg);
    cr_assert_eq(dm_corpus_load(&c, dp, &v, 0, &err), -1);
    cr_assert(strstr(err.msg, "at least 2 are needed"), "%s", err.msg);
    cr_assert_eq(dm_corpus_load(&c, "/nonexistent/d.txt", &v, 0, &err), -1);
    cr_assert(strstr(err.msg, "cannot open data file"), "%s", err.msg);
    dm_vocab_free(&v);
}
