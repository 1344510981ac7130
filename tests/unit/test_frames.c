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

int main(void)
{
    Suite *s = suite_create("frames");
    TCase *core = tcase_create("core");
    tcase_add_test(core, cases);
    tcase_add_test(core, pattern_cases);
    tcase_add_test(core, code_mappings);
    tcase_set_timeout(core, 120);
    suite_add_tcase(s, core);
    return tu_run(s);
}
