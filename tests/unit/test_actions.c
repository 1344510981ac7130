/*
 * test_actions.c - verb groups, data-driven from cases/verbgroups.tsv:
 *   text <TAB> verb <TAB> flags
 * flags: a space-separated list of passive, negated, future, modal,
 * infinitive, participle, reduced, say, threat, refuse, noun, controlled, agree, fail, deontic; "active" for
 * none of them. Each listed flag must be set on the group of that verb, and
 * no other of these flags.
 */
#include <stdio.h>
#include <string.h>

#include "actions.h"
#include "actors.h"
#include "dates.h"
#include "testutil.h"

static const struct { const char *name; uint32_t bit; } FLAGS[] = {
    {"passive", NE_VG_PASSIVE}, {"negated", NE_VG_NEGATED}, {"future", NE_VG_FUTURE},
    {"modal", NE_VG_MODAL}, {"infinitive", NE_VG_INFINITIVE}, {"participle", NE_VG_PARTICIPLE},
    {"reduced", NE_VG_REDUCED}, {"say", NE_VG_SAY}, {"threat", NE_VG_THREAT},
    {"refuse", NE_VG_REFUSE}, {"noun", NE_VG_NOUN}, {"controlled", NE_VG_CONTROLLED},
    {"agree", NE_VG_AGREE}, {"fail", NE_VG_FAIL}, {"deontic", NE_VG_DEONTIC}, {NULL, 0}};

static void one_case(char **f, int nf, int line, void *arg)
{
    (void)arg;
    TU_SOFT(nf == 3, "verbgroups.tsv:%d: expected 3 fields", line);
    ne_doc_t d;
    tu_doc(&d, f[0], 20240101);
    ne_memory_t mem;
    ne_memory_reset(&mem);
    uint32_t tb = d.sent.v[0].tb, te = d.sent.v[0].te;
    ck_assert_int_eq(ne_actors_sentence(tu_lex(), &d, tb, te, &mem), 0);
    ck_assert_int_eq(ne_dates_sentence(tu_lex(), &d, tb, te, 0), 0);
    ck_assert_int_eq(ne_actions_sentence(tu_lex(), &d, tb, te), 0);
    uint32_t want = 0, mask = 0;
    for (int k = 0; FLAGS[k].name; k++) {
        mask |= FLAGS[k].bit;
        char pad[64];
        snprintf(pad, sizeof(pad), " %s ", FLAGS[k].name);
        char list[256];
        snprintf(list, sizeof(list), " %s ", f[2]);
        if (strstr(list, pad)) want |= FLAGS[k].bit;
    }
    for (size_t k = 0; k < d.vg.n; k++) {
        const ne_token_t *h = &d.tok.v[d.vg.v[k].head];
        if ((size_t)(h->end - h->start) == strlen(f[1]) && !memcmp(d.text + h->start, f[1], strlen(f[1]))) {
            TU_SOFT((d.vg.v[k].flags & mask) == want,
                          "verbgroups.tsv:%d: '%s' has flags %x, expected %x (%s)", line, f[1],
                          d.vg.v[k].flags & mask, want, f[2]);
            ne_doc_free(&d);
            return;
        }
    }
    TU_SOFT(0, "verbgroups.tsv:%d: no verb group '%s'", line, f[1]);
}

START_TEST(cases)
{
    tu_check_cases("verbgroups.tsv", 20, one_case);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("actions");
    TCase *core = tcase_create("core");
    tcase_add_test(core, cases);
    tcase_set_timeout(core, 60);
    suite_add_tcase(s, core);
    return tu_run(s);
}
