/*
 * test_actors.c - actor mentions, data-driven from cases/actors.tsv:
 *   published <TAB> text <TAB> mention text <TAB> codes (space-separated)
 * The mention is looked up in the last sentence of the text (earlier
 * sentences give pronouns and short names their referents). Codes "-"
 * means the text must have no mention with that text.
 */
#include <stdio.h>
#include <string.h>

#include "actors.h"
#include "testutil.h"

static void one_case(char **f, int nf, int line, void *arg)
{
    (void)arg;
    TU_SOFT(nf == 4, "actors.tsv:%d: expected 4 fields", line);
    ne_doc_t d;
    tu_doc(&d, f[1], ne_parse_date(f[0]));
    ne_memory_t mem;
    ne_memory_reset(&mem);
    char seen[1024] = "";
    int found = 0;
    for (size_t s = 0; s < d.sent.n; s++) {
        ck_assert_int_eq(ne_actors_sentence(tu_lex(), &d, d.sent.v[s].tb, d.sent.v[s].te, &mem), 0);
        if (s + 1 < d.sent.n) continue;
        for (size_t k = 0; k < d.ment.n; k++) {
            const ne_mention_t *m = &d.ment.v[k];
            char text[256], codes[256] = "";
            snprintf(text, sizeof(text), "%.*s", (int)(d.tok.v[m->te - 1].end - d.tok.v[m->tb].start),
                     d.text + d.tok.v[m->tb].start);
            for (int i = 0; i < m->n; i++)
                snprintf(codes + strlen(codes), sizeof(codes) - strlen(codes), "%s%s", i ? " " : "",
                         m->m[i].code);
            snprintf(seen + strlen(seen), sizeof(seen) - strlen(seen), "[%s: %s] ", text, codes);
            if (!strcmp(text, f[2])) {
                found = 1;
                TU_SOFT(strcmp(f[3], "-") && !strcmp(codes, f[3]),
                         "actors.tsv:%d: '%s' coded '%s', expected '%s'", line, text, codes, f[3]);
            }
        }
    }
    if (strcmp(f[3], "-"))
        TU_SOFT(found, "actors.tsv:%d: no mention '%s'; mentions: %s", line, f[2], seen);
    ne_doc_free(&d);
}

START_TEST(cases)
{
    tu_check_cases("actors.tsv", 30, one_case);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("actors");
    TCase *core = tcase_create("core");
    tcase_add_test(core, cases);
    tcase_set_timeout(core, 60);
    suite_add_tcase(s, core);
    return tu_run(s);
}
