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
    (void)arg;
    ck_assert_msg(nf == 3, "grammar.tsv:%d: expected 3 fields", line);
    char *got = tu_code(f[1], ne_parse_date(f[0]));
    const char *want = strcmp(f[2], "-") ? f[2] : "";
    if (strcmp(got, want)) {
        fprintf(stderr, "grammar.tsv:%d: %s\n   got:      %s\n   expected: %s\n", line, f[1], got, want);
        tu_failures++;
    }
    free(got);
}

START_TEST(cases)
{
    tu_check_cases("grammar.tsv", 30, one_case);
}
END_TEST

static const char *family(int f, const char *code)
{
    static char out[5];
    ne_lex_code_family(tu_lex(), f, code, out);
    return out;
}

START_TEST(code_mappings)
{
    ck_assert_str_eq(family(NE_CF_INTENT, "042"), "036");
    ck_assert_str_eq(family(NE_CF_INTENT, "0841"), "0353");
    ck_assert_str_eq(family(NE_CF_INTENT, "163"), "1312");
    ck_assert_str_eq(family(NE_CF_INTENT, "195"), "1384");
    ck_assert_str_eq(family(NE_CF_INTENT, "1723"), "1323");
    ck_assert_str_eq(family(NE_CF_APPEAL, "0841"), "0253");
    ck_assert_str_eq(family(NE_CF_DEMAND, "046"), "106");
    ck_assert_str_eq(family(NE_CF_AGREE, "163"), "163");
    ck_assert_int_eq(ne_lex_code_family(tu_lex(), NE_CF_FAIL, "0841", (char[5]){0}), 0);
    ck_assert_str_eq(family(NE_CF_INTENT, "111"), "111");
    ck_assert_str_eq(family(NE_CF_THREAT, "1723"), "1323");
    ck_assert_str_eq(family(NE_CF_THREAT, "173"), "137");
    ck_assert_str_eq(family(NE_CF_THREAT, "1312"), "1312");
    ck_assert_str_eq(family(NE_CF_THREAT, "042"), "130");
    ck_assert_str_eq(family(NE_CF_REFUSE, "0841"), "1243");
    ck_assert_str_eq(family(NE_CF_REFUSE, "043"), "125");
}
END_TEST

int main(void)
{
    Suite *s = suite_create("frames");
    TCase *core = tcase_create("core");
    tcase_add_test(core, cases);
    tcase_add_test(core, code_mappings);
    tcase_set_timeout(core, 120);
    suite_add_tcase(s, core);
    return tu_run(s);
}
