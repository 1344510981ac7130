/*
 * test_places.c - event locations: data-driven cases from cases/places.tsv
 * (clause places, datelines, "the capital", ambiguous names), the look-up of
 * ambiguous names, and that a location never changes an event's codes.
 */
#include <stdlib.h>
#include <string.h>

#include "events.h"
#include "places.h"
#include "testutil.h"

static const char *how_name(ne_loc_how_t h)
{
    return h == NE_LOC_TEXT      ? "text"
           : h == NE_LOC_ARTICLE ? "article"
           : h == NE_LOC_COUNTRY ? "country"
                                 : "-";
}

/* The event a case names: its actor code, and counterpart when given ("-": the first event). */
static const ne_event_t *find_event(ne_events_t *ev, const char *which)
{
    char actor[32] = "", cp[32] = "";
    sscanf(which, "%31s %31s", actor, cp);
    for (size_t i = 0; i < ne_events_count(ev); i++) {
        const ne_event_t *e = ne_events_get(ev, i);
        if (strcmp(actor, "-") && strcmp(e->actor.code, actor)) continue;
        if (cp[0] && (!e->has_counterpart || strcmp(e->counterpart.code, cp))) continue;
        return e;
    }
    return NULL;
}

static void one_case(char **f, int nf, int line, void *arg)
{
    (void)arg;
    TU_SOFT(nf >= 5, "places.tsv:%d: expected 5 fields", line);
    ne_article_t a = {0};
    a.id = "case";
    a.text = f[0];
    a.text_len = strlen(f[0]);
    a.published_ymd = 20240115;
    ne_events_t *ev = ne_events_new();
    char err[256];
    ck_assert_int_eq(ne_coder_code(tu_coder(), &a, ev, err, sizeof(err)), 0);
    const ne_event_t *e = find_event(ev, f[1]);
    if (!e) {
        ne_events_destroy(ev);
        TU_SOFT(0, "places.tsv:%d: no event %s coded", line, f[1]);
    }
    const ne_location_t *l = &e->location;
    char got[256];
    snprintf(got, sizeof(got), "%.*s %d %s", (int)(l->end - l->start), f[0] + l->start,
             l->how ? l->geonameid : 0, how_name(l->how));
    int ok;
    if (!strcmp(f[2], "-")) {
        ok = l->how == NE_LOC_NONE;
    } else {
        ok = l->how != NE_LOC_NONE && l->geonameid == atoi(f[3]) &&
             !strcmp(how_name(l->how), f[4]) && l->end - l->start == strlen(f[2]) && !memcmp(f[0] + l->start, f[2], strlen(f[2]));
    }
    ne_events_destroy(ev);
    TU_SOFT(ok, "places.tsv:%d: expected %s %s %s, got %s", line, f[2], f[3], f[4], got);
}

START_TEST(cases)
{
    tu_check_cases("places.tsv", 20, one_case);
}
END_TEST

/* The resolution of a name alone: GeoNames ids, by the actors' states. */
START_TEST(ambiguous_names)
{
    char err[256];
    const char *dirs[] = {NE_TEST_DICT};
    ne_places_t *pl = ne_places_load(dirs, 1, tu_lex(), err, sizeof(err));
    ck_assert_msg(pl != NULL, "%s", err);
    ck_assert_uint_gt(ne_places_count(pl), 30000);
    /* Georgia: the state, unless American actors make it the US state */
    ck_assert_int_eq(ne_places_resolve_name(pl, "Georgia", "", ""), 614540);
    ck_assert_int_eq(ne_places_resolve_name(pl, "Georgia", "RUS", "GEO"), 614540);
    ck_assert_int_eq(ne_places_resolve_name(pl, "Georgia", "USA", ""), 4197000);
    /* Tripoli: Libya's capital, unless a side is Lebanese */
    ck_assert_int_eq(ne_places_resolve_name(pl, "Tripoli", "", ""), 2210247);
    ck_assert_int_eq(ne_places_resolve_name(pl, "Tripoli", "LBN", ""), 266826);
    ck_assert_int_eq(ne_places_resolve_name(pl, "Tripoli", "ISR", "LBN"), 266826);
    /* context does not outweigh a hundredfold population: Paris is in France */
    ck_assert_int_eq(ne_places_resolve_name(pl, "Paris", "USA", ""), 2988507);
    /* spellings fold as the text does; unknown names are 0 */
    ck_assert_int_eq(ne_places_resolve_name(pl, "SANAA", "", ""), 71137);
    ck_assert_int_eq(ne_places_resolve_name(pl, "Port-au-Prince", "", ""), 3718426);
    ck_assert_int_eq(ne_places_resolve_name(pl, "Nowhereville", "", ""), 0);
    ne_places_destroy(pl);
}
END_TEST

/* A location adds to an event and changes nothing else: the same events,
 * with or without locations. */
START_TEST(codes_unchanged)
{
    static const char *text =
        "Libyan forces clashed with militias in Tripoli on Friday. Lebanese police arrested "
        "protesters in the capital. Russian forces shelled a residential block in Kharkiv, "
        "and Ukraine's prosecutor general opened a war crimes investigation.";
    char err[256];
    const char *dirs[] = {NE_TEST_DICT};
    ne_coder_conf_t on = {dirs, 1, 0}, off = {dirs, 1, 1};
    ne_coder_t *c1 = ne_coder_new(&on, err, sizeof(err));
    ne_coder_t *c0 = ne_coder_new(&off, err, sizeof(err));
    ck_assert(c1 && c0);
    ne_article_t a = {0};
    a.id = "x";
    a.text = (char *)text;
    a.text_len = strlen(text);
    a.published_ymd = 20240115;
    ne_events_t *e1 = ne_events_new(), *e0 = ne_events_new();
    ck_assert_int_eq(ne_coder_code(c1, &a, e1, err, sizeof(err)), 0);
    ck_assert_int_eq(ne_coder_code(c0, &a, e0, err, sizeof(err)), 0);
    ck_assert_uint_ge(ne_events_count(e1), 3);
    ck_assert_uint_eq(ne_events_count(e1), ne_events_count(e0));
    size_t located = 0;
    for (size_t i = 0; i < ne_events_count(e1); i++) {
        const ne_event_t *x = ne_events_get(e1, i), *y = ne_events_get(e0, i);
        ck_assert_str_eq(x->event_id, y->event_id);
        ck_assert_str_eq(x->actor.code, y->actor.code);
        ck_assert_str_eq(x->counterpart.code, y->counterpart.code);
        ck_assert_str_eq(x->code, y->code);
        ck_assert_int_eq(x->date_ymd, y->date_ymd);
        ck_assert_int_eq(y->location.how, NE_LOC_NONE);
        located += x->location.how != NE_LOC_NONE;
        /* the JSON carries the location only when there is one */
        char *j1 = ne_event_to_json(x, &a, NULL), *j0 = ne_event_to_json(y, &a, NULL);
        ck_assert(j1 && j0);
        ck_assert_int_eq(strstr(j1, "\"location\":{") != NULL, x->location.how != NE_LOC_NONE);
        ck_assert_ptr_null(strstr(j0, "\"location\""));
        free(j1);
        free(j0);
    }
    ck_assert_uint_eq(located, ne_events_count(e1));
    ne_events_destroy(e1);
    ne_events_destroy(e0);
    ne_coder_destroy(c1);
    ne_coder_destroy(c0);
}
END_TEST

/* A dictionary folder without a gazetteer is an error that says how to go without. */
START_TEST(limits_no_gazetteer)
{
    char err[256] = "";
    const char *dirs[] = {"/nonexistent-dir"};
    ck_assert_ptr_null(ne_places_load(dirs, 1, tu_lex(), err, sizeof(err)));
    ck_assert_ptr_nonnull(strstr(err, "--no-locations"));
}
END_TEST

int main(void)
{
    Suite *s = suite_create("places");
    TCase *core = tcase_create("core");
    tcase_set_timeout(core, 60);
    tcase_add_test(core, cases);
    tcase_add_test(core, ambiguous_names);
    tcase_add_test(core, codes_unchanged);
    suite_add_tcase(s, core);
    TCase *limits = tcase_create("limits");
    tcase_add_test(limits, limits_no_gazetteer);
    suite_add_tcase(s, limits);
    return tu_run(s);
}
