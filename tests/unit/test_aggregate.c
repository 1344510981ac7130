/*
 * test_aggregate.c - the aggregation stage without Kafka: keys under each
 * option, counts (an event id once, distinct articles and sources), samples
 * that do not depend on arrival order, a store rebuilt from its changelog
 * that counts exactly as before, retention (late events, purges) and final
 * records; bad records are values, not crashes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <jansson.h>

#include "aggregate.h"
#include "testutil.h"

static const ne_cameo_t *cameo(void)
{
    static ne_cameo_t *t;
    char err[256];
    if (!t) t = ne_cameo_load(NE_TEST_DICT, err, sizeof(err));
    ck_assert_msg(t != NULL, "%s", err);
    return t;
}

/* An event record: id, article, source (NULL: none), actor, code, counterpart (NULL: none), date. */
static char *event(const char *id, const char *art, const char *src, const char *actor, const char *code,
                   const char *cp, const char *date)
{
    json_t *e = json_pack("{s:s, s:s, s:s, s:{s:s, s:s?}, s:{s:s, s:s, s:s, s:i, s:f}, s:o, s:{s:s?, s:s}}",
                          "schema_version", "1.3.0", "event_id", id, "article_id", art, "actor", "code", actor,
                          "country", strlen(actor) >= 3 ? "XXX" : NULL, "action", "code", code, "root", "00",
                          "label", "x", "quad_class", 1, "goldstein", 0.0, "counterpart",
                          cp ? json_pack("{s:s, s:n}", "code", cp, "country") : json_null(), "date", "value", date,
                          "source", "text");
    ck_assert_ptr_nonnull(e);
    /* the actor's country is its first three letters */
    char c[4];
    snprintf(c, sizeof(c), "%s", actor);
    json_object_set_new(json_object_get(e, "actor"), "country", json_string(c));
    if (src) json_object_set_new(e, "source", json_string(src));
    char *s = json_dumps(e, JSON_COMPACT);
    json_decref(e);
    return s;
}

/* A changelog and an output, captured. */
typedef struct cap_s {
    json_t *changelog; /* array of [key, value|null] */
    json_t *output;    /* object: key -> latest value */
    int outputs;
} cap_t;

static int capture(void *arg, int where, int32_t part, const char *key, size_t klen, const char *val, size_t vlen)
{
    cap_t *c = arg;
    (void)part;
    if (where == NE_AGG_CHANGELOG) {
        json_t *r = json_array();
        json_array_append_new(r, json_stringn(key, klen));
        json_array_append_new(r, val ? json_stringn(val, vlen) : json_null());
        json_array_append_new(c->changelog, r);
    } else {
        char k[256];
        snprintf(k, sizeof(k), "%.*s", (int)klen, key);
        json_object_set_new(c->output, k, json_loadb(val, vlen, 0, NULL));
        c->outputs++;
    }
    return 0;
}

static char g_dir[64];

static ne_agg_store_t *fresh_store(void)
{
    char err[256];
    snprintf(g_dir, sizeof(g_dir), "/tmp/ne_agg_test_XXXXXX");
    ck_assert_ptr_nonnull(mkdtemp(g_dir));
    ne_agg_store_t *s = ne_agg_store_open(g_dir, (size_t)64 << 20, err, sizeof(err));
    ck_assert_msg(s != NULL, "%s", err);
    return s;
}

static void drop_store(ne_agg_store_t *s)
{
    char p[128];
    ne_agg_store_close(s);
    snprintf(p, sizeof(p), "%s/data.mdb", g_dir);
    unlink(p);
    snprintf(p, sizeof(p), "%s/lock.mdb", g_dir);
    unlink(p);
    rmdir(g_dir);
}

/* Apply events (a NULL-terminated list) in one transaction; returns the results in order. */
static void apply_all(ne_agg_store_t *s, const ne_agg_opts_t *o, cap_t *c, char **evs, int *res)
{
    char err[256];
    ne_agg_txn_t *t = ne_agg_begin(s, o, cameo(), capture, c, err, sizeof(err));
    ck_assert_msg(t != NULL, "%s", err);
    for (int i = 0; evs[i]; i++) res[i] = ne_agg_apply(t, 0, evs[i], strlen(evs[i]), 1700000000000LL + i, err, sizeof(err));
    ck_assert_int_ge(ne_agg_advance(t, 0, 0, err, sizeof(err)), 0);
    ck_assert_int_eq(ne_agg_commit(t, err, sizeof(err)), 0);
}

static cap_t cap_new(void)
{
    return (cap_t){json_array(), json_object(), 0};
}

static void cap_free(cap_t *c)
{
    json_decref(c->changelog);
    json_decref(c->output);
}

static long num(json_t *agg, const char *k)
{
    return (long)json_integer_value(json_object_get(agg, k));
}

START_TEST(keys_follow_the_options)
{
    ne_agg_opts_t o;
    char key[256], err[256];
    char *e = event("e1", "a1", NULL, "USAGOV", "112", "RUSMIL", "2025-10-13");
    ne_agg_opts_init(&o);
    ck_assert_int_eq(ne_agg_key(&o, e, strlen(e), key, sizeof(key), err, sizeof(err)), NE_AGG_COUNTED);
    ck_assert_str_eq(key, "2025-10-13|USAGOV|112|RUSMIL");
    o.code_root = 1;
    ck_assert_int_eq(ne_agg_key(&o, e, strlen(e), key, sizeof(key), err, sizeof(err)), NE_AGG_COUNTED);
    ck_assert_str_eq(key, "2025-10-13|USAGOV|11|RUSMIL");
    o.actor_country = 1;
    o.precision = NE_AGG_MONTH;
    ck_assert_int_eq(ne_agg_key(&o, e, strlen(e), key, sizeof(key), err, sizeof(err)), NE_AGG_COUNTED);
    /* the counterpart has no country: its code */
    ck_assert_str_eq(key, "2025-10|USA|11|RUSMIL");
    o.precision = NE_AGG_YEAR;
    ck_assert_int_eq(ne_agg_key(&o, e, strlen(e), key, sizeof(key), err, sizeof(err)), NE_AGG_COUNTED);
    ck_assert_str_eq(key, "2025|USA|11|RUSMIL");
    free(e);
    /* an event dated to a month aggregates at the month, even with day precision */
    ne_agg_opts_init(&o);
    e = event("e2", "a1", NULL, "FRA", "042", NULL, "2025-10");
    ck_assert_int_eq(ne_agg_key(&o, e, strlen(e), key, sizeof(key), err, sizeof(err)), NE_AGG_COUNTED);
    ck_assert_str_eq(key, "2025-10|FRA|042|-");
    free(e);
    e = event("e3", "a1", NULL, "FRA", "042", NULL, "2024");
    ck_assert_int_eq(ne_agg_key(&o, e, strlen(e), key, sizeof(key), err, sizeof(err)), NE_AGG_COUNTED);
    ck_assert_str_eq(key, "2024|FRA|042|-");
    free(e);
}
END_TEST

START_TEST(counts_and_duplicates)
{
    ne_agg_store_t *s = fresh_store();
    ne_agg_opts_t o;
    ne_agg_opts_init(&o);
    o.retention_days = 0;
    cap_t c = cap_new();
    char *evs[] = {
        event("e1", "a1", "reuters.com", "USA", "112", "RUS", "2025-10-13"),
        event("e2", "a1", "reuters.com", "USA", "112", "RUS", "2025-10-13"), /* same article */
        event("e3", "a2", "bbc.co.uk", "USA", "112", "RUS", "2025-10-13"),
        event("e1", "a1", "reuters.com", "USA", "112", "RUS", "2025-10-13"), /* a repeat of e1 */
        event("e4", "a3", NULL, "USA", "112", "RUS", "2025-10-13"),          /* no source */
        event("e5", "a3", NULL, "USA", "112", "RUS", "2025-10-14"),          /* another day */
        NULL};
    int res[8];
    apply_all(s, &o, &c, evs, res);
    ck_assert_int_eq(res[0], NE_AGG_COUNTED);
    ck_assert_int_eq(res[3], NE_AGG_DUPLICATE);
    json_t *a = json_object_get(c.output, "2025-10-13|USA|112|RUS");
    ck_assert_ptr_nonnull(a);
    ck_assert_int_eq(num(a, "num_events"), 4);
    ck_assert_int_eq(num(a, "num_articles"), 3);
    ck_assert_int_eq(num(a, "num_sources"), 2);
    ck_assert_str_eq(json_string_value(json_object_get(a, "label")), "Accuse, not specified below");
    ck_assert_int_eq(num(a, "quad_class"), 3);
    ck_assert_ptr_nonnull(json_object_get(c.output, "2025-10-14|USA|112|RUS"));
    /* one output per counted event; the repeat emits nothing */
    ck_assert_int_eq(c.outputs, 5);
    /* a repeat in a later transaction is still a duplicate */
    char *again[] = {evs[2], NULL};
    apply_all(s, &o, &c, again, res);
    ck_assert_int_eq(res[0], NE_AGG_DUPLICATE);
    for (int i = 0; evs[i]; i++) free(evs[i]);
    cap_free(&c);
    drop_store(s);
}
END_TEST

START_TEST(samples_do_not_depend_on_order)
{
    ne_agg_opts_t o;
    ne_agg_opts_init(&o);
    o.retention_days = 0;
    o.samples = 2;
    const char *ids[] = {"e7", "e3", "e9", "e1", "e5"};
    json_t *seen[2];
    for (int round = 0; round < 2; round++) {
        ne_agg_store_t *s = fresh_store();
        cap_t c = cap_new();
        char *evs[6];
        for (int i = 0; i < 5; i++) {
            const char *id = ids[round ? 4 - i : i];
            char art[8];
            snprintf(art, sizeof(art), "a%s", id + 1);
            evs[i] = event(id, art, NULL, "CHN", "036", "JPN", "2025-01-02");
        }
        evs[5] = NULL;
        int res[6];
        apply_all(s, &o, &c, evs, res);
        json_t *a = json_object_get(c.output, "2025-01-02|CHN|036|JPN");
        seen[round] = json_deep_copy(json_object_get(a, "sample_event_ids"));
        ck_assert_int_eq((int)json_array_size(seen[round]), 2);
        ck_assert_str_eq(json_string_value(json_array_get(seen[round], 0)), "e1");
        ck_assert_str_eq(json_string_value(json_array_get(seen[round], 1)), "e3");
        ck_assert_str_eq(json_string_value(json_array_get(json_object_get(a, "sample_article_ids"), 0)), "a1");
        for (int i = 0; i < 5; i++) free(evs[i]);
        cap_free(&c);
        drop_store(s);
    }
    ck_assert(json_equal(seen[0], seen[1]));
    json_decref(seen[0]);
    json_decref(seen[1]);
}
END_TEST

/* Rebuild a store from a captured changelog. */
static void restore_into(ne_agg_store_t *s, const ne_agg_opts_t *o, json_t *changelog)
{
    char err[256];
    ne_agg_txn_t *t = ne_agg_begin(s, o, cameo(), NULL, NULL, err, sizeof(err));
    ck_assert_int_eq(ne_agg_restore_clear(t, 0, err, sizeof(err)), 0);
    size_t i;
    json_t *r;
    json_array_foreach(changelog, i, r) {
        const char *k = json_string_value(json_array_get(r, 0));
        json_t *v = json_array_get(r, 1);
        ck_assert_int_eq(ne_agg_restore_put(t, 0, k, strlen(k), json_is_null(v) ? NULL : json_string_value(v),
                                            json_is_null(v) ? 0 : strlen(json_string_value(v)), err, sizeof(err)),
                         0);
    }
    ck_assert_int_eq(ne_agg_commit(t, err, sizeof(err)), 0);
}

START_TEST(restored_store_counts_alike)
{
    ne_agg_opts_t o;
    ne_agg_opts_init(&o);
    o.retention_days = 0;
    cap_t c = cap_new();
    ne_agg_store_t *s = fresh_store();
    char *first[] = {event("e1", "a1", "x.com", "IRN", "173", "ISR", "2025-03-01"),
                     event("e2", "a2", "y.com", "IRN", "173", "ISR", "2025-03-01"), NULL};
    int res[4];
    apply_all(s, &o, &c, first, res);
    long entries = ne_agg_store_entries(s, 0);
    drop_store(s);
    /* another store, from the changelog alone */
    s = fresh_store();
    restore_into(s, &o, c.changelog);
    ck_assert_int_eq(ne_agg_store_entries(s, 0), entries);
    cap_t c2 = cap_new();
    char *second[] = {first[0], event("e3", "a2", "x.com", "IRN", "173", "ISR", "2025-03-01"), NULL};
    apply_all(s, &o, &c2, second, res);
    ck_assert_int_eq(res[0], NE_AGG_DUPLICATE);
    ck_assert_int_eq(res[1], NE_AGG_COUNTED);
    json_t *a = json_object_get(c2.output, "2025-03-01|IRN|173|ISR");
    ck_assert_int_eq(num(a, "num_events"), 3);
    ck_assert_int_eq(num(a, "num_articles"), 2);
    ck_assert_int_eq(num(a, "num_sources"), 2);
    free(first[0]);
    free(first[1]);
    free(second[1]);
    cap_free(&c);
    cap_free(&c2);
    drop_store(s);
}
END_TEST

START_TEST(retention_drops_late_and_purges)
{
    ne_agg_opts_t o;
    ne_agg_opts_init(&o);
    o.retention_days = 10;
    cap_t c = cap_new();
    ne_agg_store_t *s = fresh_store();
    char *evs[] = {event("e1", "a1", NULL, "USA", "010", NULL, "2025-01-01"),
                   event("e2", "a2", NULL, "USA", "010", NULL, "2025-01-20"), /* the watermark moves on */
                   NULL};
    int res[4];
    apply_all(s, &o, &c, evs, res);
    ck_assert_int_eq(res[0], NE_AGG_COUNTED);
    ck_assert_int_eq(res[1], NE_AGG_COUNTED);
    /* 2025-01-01 ended more than 10 days before 2025-01-20: purged from the store */
    ne_agg_stats_t st;
    ne_agg_stats(s, &st);
    ck_assert_int_eq(st.purged, 1);
    size_t i;
    json_t *r;
    int tombstones = 0;
    json_array_foreach(c.changelog, i, r) tombstones += json_is_null(json_array_get(r, 1)) &&
                                                        !strncmp(json_string_value(json_array_get(r, 0)), "2025-01-01|", 11);
    ck_assert_int_ge(tombstones, 2); /* the aggregate and its event id at least */
    char *late[] = {event("e3", "a3", NULL, "USA", "010", NULL, "2025-01-02"),
                    event("e4", "a3", NULL, "USA", "010", NULL, "2025-01-15"), NULL};
    apply_all(s, &o, &c, late, res);
    ck_assert_int_eq(res[0], NE_AGG_LATE);
    ck_assert_int_eq(res[1], NE_AGG_COUNTED);
    ne_agg_stats(s, &st);
    ck_assert_int_eq(st.late, 1);
    for (int k = 0; k < 2; k++) free(evs[k]), free(late[k]);
    cap_free(&c);
    drop_store(s);
}
END_TEST

START_TEST(final_records_after_grace)
{
    ne_agg_opts_t o;
    ne_agg_opts_init(&o);
    o.retention_days = 0;
    o.grace_days = 2;
    cap_t c = cap_new();
    ne_agg_store_t *s = fresh_store();
    char *evs[] = {event("e1", "a1", NULL, "DEU", "057", "FRA", "2025-05-01"),
                   event("e2", "a2", NULL, "DEU", "057", "FRA", "2025-05-03"), NULL};
    int res[4];
    apply_all(s, &o, &c, evs, res);
    /* 2025-05-03 is 2 days past 05-01: not yet closed */
    ck_assert(!json_is_true(json_object_get(json_object_get(c.output, "2025-05-01|DEU|057|FRA"), "final")));
    char *more[] = {event("e3", "a3", NULL, "DEU", "057", "FRA", "2025-05-04"),
                    event("e4", "a4", NULL, "DEU", "057", "FRA", "2025-05-01"), NULL};
    apply_all(s, &o, &c, more, res);
    json_t *a = json_object_get(c.output, "2025-05-01|DEU|057|FRA");
    ck_assert(json_is_true(json_object_get(a, "final")));
    /* e4 came in the batch that closed the day, before the close: counted in
     * the final record; an event after it is late */
    ck_assert_int_eq(res[1], NE_AGG_COUNTED);
    ck_assert_int_eq(num(a, "num_events"), 2);
    char *later[] = {event("e5", "a5", NULL, "DEU", "057", "FRA", "2025-05-01"), NULL};
    apply_all(s, &o, &c, later, res);
    ck_assert_int_eq(res[0], NE_AGG_LATE);
    for (int k = 0; k < 2; k++) free(evs[k]), free(more[k]);
    free(later[0]);
    cap_free(&c);
    drop_store(s);
}
END_TEST

START_TEST(bad_records_are_values)
{
    ne_agg_opts_t o;
    ne_agg_opts_init(&o);
    char key[256], err[256];
    const char *bad[] = {"", "{", "[]", "{\"event_id\":\"x\"}",
                         "{\"event_id\":\"x\",\"article_id\":\"a\",\"actor\":{\"code\":\"USA\"},\"action\":{\"code\":\"01\"},"
                         "\"counterpart\":null,\"date\":{\"value\":\"2025-13-01\"}}"};
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
        ck_assert_int_eq(ne_agg_key(&o, bad[i], strlen(bad[i]), key, sizeof(key), err, sizeof(err)), NE_AGG_INVALID);
    const char *undated = "{\"event_id\":\"x\",\"article_id\":\"a\",\"actor\":{\"code\":\"USA\"},\"action\":{\"code\":\"01\"},"
                          "\"counterpart\":null,\"date\":{\"value\":null}}";
    ck_assert_int_eq(ne_agg_key(&o, undated, strlen(undated), key, sizeof(key), err, sizeof(err)), NE_AGG_UNDATED);
}
END_TEST

START_TEST(long_ids_fit_the_store)
{
    ne_agg_opts_t o;
    ne_agg_opts_init(&o);
    o.retention_days = 0;
    char art[2000];
    memset(art, 'z', sizeof(art) - 1);
    art[sizeof(art) - 1] = '\0';
    cap_t c = cap_new();
    ne_agg_store_t *s = fresh_store();
    char *evs[] = {event("e1", art, NULL, "USA", "010", NULL, "2025-01-01"),
                   event("e2", art, NULL, "USA", "010", NULL, "2025-01-01"), NULL};
    int res[4];
    apply_all(s, &o, &c, evs, res);
    ck_assert_int_eq(res[0], NE_AGG_COUNTED);
    ck_assert_int_eq(res[1], NE_AGG_COUNTED);
    ck_assert_int_eq(num(json_object_get(c.output, "2025-01-01|USA|010|-"), "num_articles"), 1);
    free(evs[0]);
    free(evs[1]);
    cap_free(&c);
    drop_store(s);
}
END_TEST

START_TEST(day_numbers)
{
    ck_assert_int_eq(ne_agg_day("1970-01-01"), 0);
    ck_assert_int_eq(ne_agg_day("2000-03-01"), 11017);
    ck_assert_int_eq(ne_agg_day("2024-02-29") + 1, ne_agg_day("2024-03-01"));
    ck_assert_int_eq(ne_agg_day("2025-10"), INT32_MIN);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("aggregate");
    TCase *core = tcase_create("core");
    tcase_add_test(core, keys_follow_the_options);
    tcase_add_test(core, counts_and_duplicates);
    tcase_add_test(core, samples_do_not_depend_on_order);
    tcase_add_test(core, restored_store_counts_alike);
    tcase_add_test(core, retention_drops_late_and_purges);
    tcase_add_test(core, final_records_after_grace);
    suite_add_tcase(s, core);
    TCase *limits = tcase_create("limits");
    tcase_add_test(limits, bad_records_are_values);
    tcase_add_test(limits, long_ids_fit_the_store);
    tcase_add_test(limits, day_numbers);
    suite_add_tcase(s, limits);
    return tu_run(s);
}
