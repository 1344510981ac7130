/*
 * test_frames.c - the whole grammar, data-driven from cases/grammar.tsv:
 *   published <TAB> text <TAB> events
 * events: "ACTOR CODE COUNTERPART DATE" joined by " | " in sorted order,
 * or "-" for none. Plus the code families of intention, threat, refusal.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "frames.h"
#include "testutil.h"

static void one_case(char **f, int nf, int line, void *arg)
{
    const char *file = arg ? arg : "grammar.tsv";
    ck_assert_msg(nf == 3, "%s:%d: expected 3 fields", file, line);
    char *got = tu_code(f[1], ne_parse_date(f[0]));
    const char *want = strcmp(f[2], "-") ? f[2] : "";
    if (strcmp(got, want)) {
        fprintf(stderr, "%s:%d: %s\n   got:      %s\n   expected: %s\n", file, line, f[1], got, want);
        tu_failures++;
    }
    free(got);
}

START_TEST(cases)
{
    tu_check_cases("grammar.tsv", 30, one_case);
}
END_TEST

/* Verb patterns over lemmas, noun classes and event nouns. */
static void pattern_case(char **f, int nf, int line, void *arg)
{
    (void)arg;
    one_case(f, nf, line, "patterns.tsv");
}

START_TEST(pattern_cases)
{
    tu_check_cases("patterns.tsv", 3, pattern_case);
}
END_TEST

START_TEST(code_mappings)
{
    static const struct { int family; const char *code, *want; } maps[] = {
        {NE_CF_INTENT, "042", "036"},   {NE_CF_INTENT, "0841", "0353"},
        {NE_CF_INTENT, "163", "1312"},  {NE_CF_INTENT, "195", "1384"},
        {NE_CF_INTENT, "1723", "1323"}, {NE_CF_INTENT, "111", "111"},
        {NE_CF_APPEAL, "0841", "0253"}, {NE_CF_DEMAND, "046", "106"},
        {NE_CF_AGREE, "163", "163"},    {NE_CF_THREAT, "1723", "1323"},
        {NE_CF_THREAT, "173", "137"},   {NE_CF_THREAT, "1312", "1312"},
        {NE_CF_THREAT, "042", "130"},   {NE_CF_REFUSE, "0841", "1243"},
        {NE_CF_REFUSE, "043", "125"},
        /* acceding to reform (0831 resign) mirrors the intent to reform
         * (0341), its refusal (1231) and a demand for it (1041) */
        {NE_CF_INTENT, "0831", "0341"}, {NE_CF_REFUSE, "0831", "1231"},
        {NE_CF_DEMAND, "0831", "1041"}};
    char out[5];
    for (size_t k = 0; k < sizeof(maps) / sizeof(maps[0]); k++) {
        ne_lex_code_family(tu_lex(), maps[k].family, maps[k].code, out);
        ck_assert_msg(!strcmp(out, maps[k].want), "family %d of %s: %s, not %s", maps[k].family,
                      maps[k].code, out, maps[k].want);
    }
    ck_assert_int_eq(ne_lex_code_family(tu_lex(), NE_CF_FAIL, "0841", out), 0);
}
END_TEST

/* An article is coded the same whatever was coded before it: nothing of
 * the memory (names, mentions, events) leaks into the next article. Every
 * dev-set article is coded once after the one before it, in the same
 * events buffer, and once in a fresh buffer. */
static char *events_of(ne_events_t *ev, const ne_article_t *a)
{
    size_t cap = 1 << 16, n = 0;
    char *out = calloc(1, cap);
    for (size_t i = 0; i < ne_events_count(ev); i++) {
        char *js = ne_event_to_json(ne_events_get(ev, i), a, NULL);
        size_t len = strlen(js);
        if (n + len + 2 > cap) out = realloc(out, cap = (n + len + 2) * 2);
        memcpy(out + n, js, len);
        n += len;
        out[n++] = '\n';
        out[n] = '\0';
        free(js);
    }
    return out;
}

START_TEST(no_state_across_articles)
{
    FILE *fp = fopen(NE_TEST_CASES "/../data/dev-gold.jsonl", "r");
    ck_assert_ptr_nonnull(fp);
    ne_events_t *stream = ne_events_new(), *fresh = ne_events_new();
    char line[65536], err[256];
    int articles = 0, with_events = 0;
    while (fgets(line, sizeof(line), fp)) {
        ne_article_t a;
        if (ne_article_decode(line, strlen(line), NULL, &a, err, sizeof(err)) != NE_OK) continue;
        ck_assert_int_eq(ne_coder_code(tu_coder(), &a, stream, err, sizeof(err)), 0);
        char *s1 = events_of(stream, &a);
        ne_events_destroy(fresh);
        fresh = ne_events_new();
        ck_assert_int_eq(ne_coder_code(tu_coder(), &a, fresh, err, sizeof(err)), 0);
        char *s2 = events_of(fresh, &a);
        ck_assert_msg(strcmp(s1, s2) == 0, "article %s coded differently after another one:\n%s\nalone:\n%s",
                      a.id, s1, s2);
        with_events += s1[0] != '\0';
        articles++;
        free(s1);
        free(s2);
        ne_article_clear(&a);
    }
    fclose(fp);
    ck_assert_int_ge(articles, 100);
    ck_assert_int_ge(with_events, 80);
    /* what an event noun refers to stays in its article: "the attack" of a
     * second article has no agent from the first */
    const char *first = "{\"id\":\"a1\",\"published\":\"2024-03-05\",\"text\":"
                        "\"Rebels attacked an army base in Mali on Monday.\"}";
    const char *second = "{\"id\":\"a2\",\"published\":\"2024-03-06\",\"text\":"
                         "\"Senegal condemned the attack on Tuesday.\"}";
    ne_article_t a1, a2;
    ck_assert_int_eq(ne_article_decode(first, strlen(first), NULL, &a1, err, sizeof(err)), NE_OK);
    ck_assert_int_eq(ne_article_decode(second, strlen(second), NULL, &a2, err, sizeof(err)), NE_OK);
    ck_assert_int_eq(ne_coder_code(tu_coder(), &a1, stream, err, sizeof(err)), 0);
    ck_assert_int_ge((int)ne_events_count(stream), 1);
    ck_assert_int_eq(ne_coder_code(tu_coder(), &a2, stream, err, sizeof(err)), 0);
    ck_assert_int_eq((int)ne_events_count(stream), 0);
    ne_article_clear(&a1);
    ne_article_clear(&a2);
    ne_events_destroy(stream);
    ne_events_destroy(fresh);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("frames");
    TCase *core = tcase_create("core");
    tcase_add_test(core, cases);
    tcase_add_test(core, pattern_cases);
    tcase_add_test(core, code_mappings);
    tcase_add_test(core, no_state_across_articles);
    tcase_set_timeout(core, 120);
    suite_add_tcase(s, core);
    return tu_run(s);
}
