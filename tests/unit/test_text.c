/*
 * test_text.c - tokens keep exact byte offsets; folding; sentences.
 */
#include <stdlib.h>
#include <string.h>

#include "testutil.h"
#include "text.h"

static ne_doc_t d;

static void tok_is(size_t i, const char *fold, const char *orig)
{
    ck_assert_msg(i < d.tok.n, "token %zu missing", i);
    const ne_token_t *t = &d.tok.v[i];
    ck_assert_str_eq(ne_tok_fold(&d, t), fold);
    ck_assert_int_eq((int)(t->end - t->start), (int)strlen(orig));
    ck_assert(memcmp(d.text + t->start, orig, strlen(orig)) == 0);
}

START_TEST(possessive_and_negation)
{
    tu_doc(&d, "Russia's army didn't attack Kyiv\xe2\x80\x99s suburbs.", 0);
    tok_is(0, "russia", "Russia");
    tok_is(1, "'s", "'s");
    tok_is(2, "army", "army");
    tok_is(3, "did", "did");
    tok_is(4, "n't", "n't");
    tok_is(5, "attack", "attack");
    tok_is(6, "kyiv", "Kyiv");
    tok_is(7, "'s", "\xe2\x80\x99s");
    tok_is(8, "suburbs", "suburbs");
    tok_is(9, ".", ".");
    ck_assert_int_eq((int)d.tok.n, 10);
    ne_doc_free(&d);
}
END_TEST

START_TEST(abbreviations_numbers_hyphens)
{
    tu_doc(&d, "The U.S. sent $3.5 billion and 1,000 S-400 missiles to Cote d'Ivoire.", 0);
    tok_is(1, "u.s.", "U.S.");
    ck_assert(d.tok.v[1].flags & NE_TF_DOTTED);
    tok_is(3, "$", "$");
    tok_is(4, "3.5", "3.5");
    tok_is(7, "1,000", "1,000");
    tok_is(8, "s", "S");
    tok_is(9, "-", "-");
    tok_is(10, "400", "400");
    tok_is(13, "cote", "Cote");
    tok_is(14, "d'ivoire", "d'Ivoire");
    ne_doc_free(&d);
}
END_TEST

/* a compound whose closed form is a word is one token, folded closed; a
 * capital after the hyphen (a name) or an unknown closed form stays apart */
START_TEST(closed_compounds)
{
    tu_doc(&d, "Kenya re-opened talks on a cease-fire in Al-Ain, a well-known case.", 0);
    tok_is(1, "reopened", "re-opened");
    tok_is(5, "ceasefire", "cease-fire");
    ck_assert(d.tok.v[5].word >= 0);
    tok_is(7, "al", "Al");
    tok_is(8, "-", "-");
    tok_is(9, "ain", "Ain");
    tok_is(12, "well", "well");
    tok_is(13, "-", "-");
    tok_is(14, "known", "known");
    ne_doc_free(&d);
}
END_TEST

START_TEST(diacritics_fold)
{
    tu_doc(&d, "Erdo\xc4\x9f" "an met Pe\xc3\xb1" "a in S\xc3\xa3o Paulo.", 0);
    tok_is(0, "erdogan", "Erdo\xc4\x9f" "an");
    tok_is(2, "pena", "Pe\xc3\xb1" "a");
    tok_is(4, "sao", "S\xc3\xa3o");
    ck_assert(d.tok.v[0].flags & NE_TF_CAP);
    ne_doc_free(&d);
}
END_TEST

START_TEST(urls_are_one_token)
{
    tu_doc(&d, "signed an agreement https://asbarez.com/putin-aliyev-sign/ last year.", 0);
    ck_assert_int_eq(d.tok.v[3].kind, NE_TK_URL);
    tok_is(4, "last", "last");
    ne_doc_free(&d);
}
END_TEST

static void sentences_are(const char *text, int n, const char *const *firsts)
{
    tu_doc(&d, text, 0);
    ck_assert_int_eq((int)d.sent.n, n);
    for (int i = 0; i < n; i++) {
        const ne_token_t *t = &d.tok.v[d.sent.v[i].tb];
        ck_assert_msg(strncmp(d.text + t->start, firsts[i], strlen(firsts[i])) == 0,
                      "sentence %d starts with '%.20s', expected '%s'", i, d.text + t->start, firsts[i]);
    }
    ne_doc_free(&d);
}

START_TEST(sentence_split)
{
    const char *a[] = {"Mr. Smith", "He left"};
    sentences_are("Mr. Smith met Gen. Ali on Jan. 5 in Washington. He left.", 2, a);
    const char *b[] = {"\"We will", "The minister"};
    sentences_are("\"We will win.\" The minister said so.", 2, b);
    const char *c[] = {"Sanctions", "The move"};
    sentences_are("Sanctions were imposed by the U.S. The move angered Moscow.", 2, c);
    const char *e[] = {"Talks with the U.S. Senate"};
    sentences_are("Talks with the U.S. Senate stalled.", 1, e);
    const char *f[] = {"Headline", "Body text"};
    sentences_are("Headline\nBody text follows", 2, f);
    const char *g[] = {"Donald J. Trump"};
    sentences_are("Donald J. Trump met them.", 1, g);
}
END_TEST

START_TEST(long_token_and_long_sentence)
{
    /* a 2 MB token with no spaces: one token, not looked up, linear time */
    size_t n = 2u << 20;
    char *s = malloc(n + 1);
    memset(s, 'a', n);
    s[n] = '\0';
    tu_doc(&d, s, 0);
    ck_assert_int_eq((int)d.tok.n, 1);
    ck_assert_int_eq(d.tok.v[0].fold_len, 0);
    ck_assert_int_eq((int)d.tok.v[0].end, (int)n);
    ne_doc_free(&d);
    /* a sentence longer than the limit is cut into bounded pieces */
    size_t words = NE_MAX_SENTENCE_TOKENS * 3 + 7;
    char *t = malloc(words * 2 + 1);
    for (size_t i = 0; i < words; i++) t[2 * i] = 'w', t[2 * i + 1] = ' ';
    t[words * 2] = '\0';
    tu_doc(&d, t, 0);
    ck_assert_int_eq((int)d.tok.n, (int)words);
    ck_assert_int_eq((int)d.sent.n, 4);
    for (size_t i = 0; i < d.sent.n; i++)
        ck_assert_int_le((int)(d.sent.v[i].te - d.sent.v[i].tb), NE_MAX_SENTENCE_TOKENS);
    ne_doc_free(&d);
    free(s);
    free(t);
}
END_TEST

START_TEST(invalid_utf8_progresses)
{
    const char bad[] = "ab\xff\xfe cd \xe2\x82 ef \xf0\x9f\x98\x80!";
    tu_doc(&d, bad, 0);
    ck_assert_int_gt((int)d.tok.n, 3);
    for (size_t i = 1; i < d.tok.n; i++) ck_assert_int_ge((int)d.tok.v[i].start, (int)d.tok.v[i - 1].end);
    ck_assert_int_eq((int)d.tok.v[d.tok.n - 1].end, (int)strlen(bad));
    ne_doc_free(&d);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("text");
    TCase *core = tcase_create("core"), *limits = tcase_create("limits");
    tcase_add_test(core, possessive_and_negation);
    tcase_add_test(core, abbreviations_numbers_hyphens);
    tcase_add_test(core, closed_compounds);
    tcase_add_test(core, diacritics_fold);
    tcase_add_test(core, urls_are_one_token);
    tcase_add_test(core, sentence_split);
    tcase_add_test(limits, long_token_and_long_sentence);
    tcase_add_test(limits, invalid_utf8_progresses);
    tcase_set_timeout(limits, 60);
    suite_add_tcase(s, core);
    suite_add_tcase(s, limits);
    return tu_run(s);
}
