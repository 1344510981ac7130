/*
 * test_dates.c - time expressions, data-driven from cases/dates.tsv:
 *   published <TAB> sentence <TAB> expression <TAB> value
 * where value is YYYY, YYYY-MM or YYYY-MM-DD, and an optional fifth column
 * "future" or "relative" names a flag the expression must carry. An
 * expression "-" means the sentence has no time expression.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "actors.h"
#include "dates.h"
#include "testutil.h"

static void one_case(char **f, int nf, int line, void *arg)
{
    (void)arg;
    TU_SOFT(nf >= 4, "dates.tsv:%d: expected 4 fields", line);
    int pub = ne_parse_date(f[0]);
    TU_SOFT(pub, "dates.tsv:%d: bad published date", line);
    ne_doc_t d;
    tu_doc(&d, f[1], pub);
    ne_memory_t mem;
    ne_memory_reset(&mem);
    int anchor = 0, found = 0;
    char got[256] = "";
    for (size_t s = 0; s < d.sent.n && !found; s++) {
        uint32_t tb = d.sent.v[s].tb, te = d.sent.v[s].te;
        ck_assert_int_eq(ne_dates_sentence(tu_lex(), &d, tb, te, anchor), 0);
        for (size_t k = 0; k < d.tx.n; k++) {
            ne_timex_t *x = &d.tx.v[k];
            char val[16];
            ne_format_date(x->ymd, (ne_precision_t)x->prec, val);
            size_t len = d.tok.v[x->te - 1].end - d.tok.v[x->tb].start;
            char text[128];
            snprintf(text, sizeof(text), "%.*s", (int)len, d.text + d.tok.v[x->tb].start);
            snprintf(got + strlen(got), sizeof(got) - strlen(got), "[%s=%s] ", text, val);
            if (!strcmp(text, f[2])) {
                found = 1;
                TU_SOFT(!strcmp(val, f[3]), "dates.tsv:%d: '%s' resolved to %s, expected %s",
                              line, text, val, f[3]);
                if (nf >= 5 && !strcmp(f[4], "future"))
                    TU_SOFT(x->flags & NE_TX_FUTURE, "dates.tsv:%d: not marked future", line);
                if (nf >= 5 && !strcmp(f[4], "relative"))
                    TU_SOFT(x->flags & NE_TX_RELATIVE, "dates.tsv:%d: not marked relative", line);
            }
            if (x->prec == NE_PREC_DAY) anchor = x->ymd;
        }
    }
    if (!strcmp(f[2], "-"))
        TU_SOFT(got[0] == '\0', "dates.tsv:%d: expected no expression, got %s", line, got);
    else
        TU_SOFT(found, "dates.tsv:%d: expression '%s' not found; found: %s", line, f[2], got);
    ne_doc_free(&d);
}

START_TEST(cases)
{
    tu_check_cases("dates.tsv", 30, one_case);
}
END_TEST

/* ne_dates_sentence tries the rules of match_at only at a number or at a
 * word with NE_W_TIMESTART (lexicon.c), so a rule whose first word lacks
 * the flag would never fire. One phrase for each word a rule can begin
 * with; each phrase must also be found from its first word, which keeps
 * the list that of the rules (a new rule needs its phrase here). "an"
 * begins only "an hour ago", which no rule dates. */
static const char *const rule_starts[] = {
    "the same day", "that day", "hours later", "minutes later", "a day later",
    "one day earlier", "later that day", "yesterday", "today", "tonight", "overnight",
    "tomorrow", "last night", "this morning", "the weekend", "earlier this week",
    "past week", "next month", "coming year", "two days ago", "three days ago",
    "four days ago", "five days ago", "six days ago", "seven days ago", "eight days ago",
    "nine days ago", "ten days ago", "eleven days ago", "twelve days ago", "recently",
    "recent", "on Monday", "early Monday", "late Monday", "Monday", "in March",
    "since March", "by March", "until March", "from March", "during March",
    "of March 2022", "mid-March", "March 3", "3 March", "in 2019", NULL};

START_TEST(rule_first_words)
{
    const ne_lexicon_t *lx = tu_lex();
    for (int k = 0; rule_starts[k]; k++) {
        ne_doc_t d;
        tu_doc(&d, rule_starts[k], 20230217);
        ck_assert_uint_ge(d.sent.n, 1);
        uint32_t tb = d.sent.v[0].tb, te = d.sent.v[0].te;
        const ne_token_t *t = &d.tok.v[tb];
        uint32_t f = ne_lex_word_flags(lx, t->word);
        ck_assert_msg(t->kind == NE_TK_NUM || (f & NE_W_TIMESTART),
                      "'%s' begins a time expression but lacks NE_W_TIMESTART",
                      rule_starts[k]);
        ck_assert_int_eq(ne_dates_sentence(lx, &d, tb, te, 0), 0);
        ck_assert_msg(d.tx.n >= 1 && d.tx.v[0].tb == tb,
                      "no rule dates '%s' from its first word", rule_starts[k]);
        ne_doc_free(&d);
    }
    /* every weekday and month name, and the month abbreviations */
    static const char *const names[] = {
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "january", "february", "march", "april", "may", "june", "july", "august",
        "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun",
        "jul", "aug", "sept", "oct", "nov", "dec", NULL};
    for (int k = 0; names[k]; k++) {
        int32_t w = ne_lex_word_find(lx, names[k], strlen(names[k]));
        uint32_t f = ne_lex_word_flags(lx, w);
        ck_assert_msg((f & (NE_W_WEEKDAY | NE_W_MONTH)) && (f & NE_W_TIMESTART),
                      "'%s' lacks NE_W_TIMESTART", names[k]);
    }
}
END_TEST

START_TEST(calendar)
{
    ck_assert_int_eq(ne_weekday(20230217), 4); /* a Friday */
    ck_assert_int_eq(ne_weekday(20000101), 5); /* a Saturday */
    int dates[] = {19700101, 20000229, 20231231, 20240101, 21001231, 19000301};
    for (size_t i = 0; i < sizeof(dates) / sizeof(dates[0]); i++)
        ck_assert_int_eq(ne_ymd_from_days(ne_days_from_ymd(dates[i])), dates[i]);
    ck_assert_int_eq(ne_ymd_from_days(ne_days_from_ymd(20240228) + 1), 20240229);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("dates");
    TCase *core = tcase_create("core");
    tcase_add_test(core, cases);
    tcase_add_test(core, calendar);
    tcase_add_test(core, rule_first_words);
    suite_add_tcase(s, core);
    return tu_run(s);
}
