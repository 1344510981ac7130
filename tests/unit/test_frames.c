/*
 * test_frames.c - the whole grammar, data-driven from cases/grammar.tsv:
 *   published <TAB> text <TAB> events
 * events: "ACTOR CODE COUNTERPART DATE" joined by " | " in sorted order,
 * or "-" for none. Plus the code mappings of intention, threat, refusal.
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
    char out[5];
    ne_frames_intent_code("042", out);
    ck_assert_str_eq(out, "036");
    ne_frames_intent_code("0841", out);
    ck_assert_str_eq(out, "0353");
    ne_frames_intent_code("163", out);
    ck_assert_str_eq(out, "1312");
    ne_frames_intent_code("195", out);
    ck_assert_str_eq(out, "138");
    ne_frames_threat_code("1723", out);
    ck_assert_str_eq(out, "137");
    ne_frames_refuse_code("0841", out);
    ck_assert_str_eq(out, "1243");
    ne_frames_refuse_code("043", out);
    ck_assert_str_eq(out, "125");
    ne_frames_intent_code("0831", out);
    ck_assert_str_eq(out, "0341");
    ne_frames_refuse_code("0831", out);
    ck_assert_str_eq(out, "1231");
    ck_assert(ne_frames_modal_code(NE_MOD_DEMAND, "0831", out));
    ck_assert_str_eq(out, "1041");
    ck_assert(ne_frames_modal_code(NE_MOD_APPEAL, "0841", out));
    ck_assert_str_eq(out, "0253");
    ck_assert(!ne_frames_modal_code(NE_MOD_DEMAND, "163", out));
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
