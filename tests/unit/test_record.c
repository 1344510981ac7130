/*
 * test_record.c - the decoder gives every class of bad input its reason,
 * and good records decode exactly; event JSON has code-point offsets.
 */
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "testutil.h"

static ne_reason_t dec(const char *buf, size_t len, ne_article_t *a)
{
    char err[512];
    ne_limits_t lim = {1 << 20};
    ne_reason_t r = ne_article_decode(buf, len, &lim, a, err, sizeof(err));
    if (r != NE_OK) ck_assert_msg(err[0] != '\0', "reason %s without a message", ne_reason_name(r));
    return r;
}

static void reason_is(const char *buf, size_t len, const char *reason)
{
    ne_article_t a;
    ne_reason_t r = dec(buf, len, &a);
    ck_assert_msg(strcmp(ne_reason_name(r), reason) == 0, "'%.60s': got %s, expected %s", buf,
                  ne_reason_name(r), reason);
    ck_assert_ptr_null(a.text);
}

#define REASON(lit, reason) reason_is(lit, sizeof(lit) - 1, reason)

START_TEST(bad_input_classes)
{
    REASON("{\"text\": \"a\"", "truncated_json");
    REASON("{\"text\": oops}", "invalid_json");
    REASON("", "invalid_json");
    REASON("[1, 2]", "not_object");
    REASON("42", "not_object");
    REASON("\"text\"", "not_object");
    REASON("{\"title\": \"t\"}", "missing_text");
    REASON("{\"text\": 5}", "wrong_type");
    REASON("{\"text\": \"a\", \"id\": [1]}", "wrong_type");
    REASON("{\"text\": \"a\", \"published\": 20230217}", "wrong_type");
    REASON("{\"text\": \"   \\n \"}", "empty_text");
    REASON("{\"text\": \"\"}", "empty_text");
    REASON("{\"text\": \"a\xff\"}", "invalid_utf8");
    REASON("{\"text\": \"a\xc0\xaf\"}", "invalid_utf8");   /* overlong */
    REASON("{\"text\": \"a\xed\xa0\x80\"}", "invalid_utf8"); /* surrogate */
    REASON("{\"text\": \"a\\u0000b\"}", "nul_byte");
    reason_is("{\"text\": \"a\0b\"}", 13, "nul_byte");
    REASON("{\"text\": \"a\x01\"}", "invalid_json"); /* raw control character */
    REASON("{\"text\": \"a\", \"text\": \"b\"}", "duplicate_key");
    REASON("{\"text\": \"a\", \"n\": 1e400}", "number_out_of_range");
    REASON("{\"text\": \"a\", \"n\": 123456789012345678901234567890}", "number_out_of_range");
    REASON("{\"text\": \"a\", \"published\": \"2023-02-30\"}", "invalid_date");
    REASON("{\"text\": \"a\", \"published\": \"last Friday\"}", "invalid_date");
    REASON("{\"text\": \"a\", \"published\": \"2023-02-17T25:00:00Z\"}", "invalid_date");
}
END_TEST

START_TEST(deep_nesting)
{
    size_t depth = 200000;
    char *s = malloc(depth * 2 + 32);
    size_t n = 0;
    n += (size_t)sprintf(s, "{\"text\":\"a\",\"x\":");
    for (size_t i = 0; i < depth; i++) s[n++] = '[';
    for (size_t i = 0; i < depth; i++) s[n++] = ']';
    s[n++] = '}';
    ne_article_t a;
    char err[256];
    ne_limits_t lim = {64 << 20};
    ck_assert_str_eq(ne_reason_name(ne_article_decode(s, n, &lim, &a, err, sizeof(err))), "too_deep");
    free(s);
}
END_TEST

START_TEST(too_large_is_not_parsed)
{
    /* invalid JSON beyond the limit: the size check answers first */
    size_t n = 3u << 20;
    char *s = malloc(n);
    memset(s, '{', n);
    ne_article_t a;
    char err[256];
    ne_limits_t lim = {1 << 20};
    ck_assert_int_eq(ne_article_decode(s, n, &lim, &a, err, sizeof(err)), NE_R_TOO_LARGE);
    free(s);
}
END_TEST

START_TEST(good_records)
{
    ne_article_t a;
    const char *s = "{\"id\": 17, \"text\": \"Caf\xc3\xa9 \\u00e9 \\n text\", \"published\": "
                    "\"2023-02-17T23:30:00-05:00\", \"title\": null, \"extra\": {\"x\": [1]}}";
    ck_assert_int_eq(dec(s, strlen(s), &a), NE_OK);
    ck_assert_str_eq(a.id, "17");
    ck_assert_str_eq(a.text, "Caf\xc3\xa9 \xc3\xa9 \n text");
    ck_assert_int_eq(a.published_ymd, 20230217);
    ck_assert_ptr_null(a.title);
    ne_article_clear(&a);
    ck_assert_int_eq(ne_parse_date("2024-02-29"), 20240229);
    ck_assert_int_eq(ne_parse_date("2023-02-29"), 0);
    ck_assert_int_eq(ne_parse_date("2023-02-17T10:00:00.123Z"), 20230217);
    ck_assert_int_eq(ne_parse_date("2023-02-17 10:00:00"), 20230217);
}
END_TEST

/* What the one-pass decoder (record.c's fast path) decodes itself, and
 * the records it leaves to jansson, which must decode or reject them alike. */
START_TEST(fast_path_agrees_with_jansson)
{
    ne_article_t a;
    /* every escape, a surrogate pair, "-0" as an id, reals and nesting skipped */
    const char *s = "{\"id\": -0, \"text\": \"q\\\"b\\\\s\\/\\b\\f\\n\\r\\t \\u00e9 \\ud83d\\ude00\", "
                    "\"x\": [1.5e10, -2E-400, {\"y\": [true, false, null]}], \"z\": {}}";
    ck_assert_int_eq(dec(s, strlen(s), &a), NE_OK);
    ck_assert_str_eq(a.id, "0");
    ck_assert_str_eq(a.text, "q\"b\\s/\b\f\n\r\t \xc3\xa9 \xf0\x9f\x98\x80");
    ck_assert_uint_eq(a.text_len, strlen(a.text));
    ne_article_clear(&a);
    /* a key written with an escape, more keys than the fast path keeps, deep
     * nesting: decoded by jansson, the same way */
    s = "{\"te\\u0078t\": \"a\", \"id\": \"e\"}";
    ck_assert_int_eq(dec(s, strlen(s), &a), NE_OK);
    ck_assert_str_eq(a.text, "a");
    ne_article_clear(&a);
    char many[2048];
    size_t n = (size_t)snprintf(many, sizeof(many), "{");
    for (int k = 0; k < 40; k++) n += (size_t)snprintf(many + n, sizeof(many) - n, "\"k%d\": %d, ", k, k);
    snprintf(many + n, sizeof(many) - n, "\"text\": \"many\"}");
    ck_assert_int_eq(dec(many, strlen(many), &a), NE_OK);
    ck_assert_str_eq(a.text, "many");
    ne_article_clear(&a);
    s = "{\"text\": \"deep\", \"x\": [[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]}";
    ck_assert_int_eq(dec(s, strlen(s), &a), NE_OK);
    ne_article_clear(&a);
    /* what the fast path must not accept */
    REASON("{\"text\": \"a\", \"x\": {\"k\": 1, \"k\": 2}}", "duplicate_key");
    REASON("{\"text\": \"a\", \"x\": [1, {\"n\": 1e309}]}", "number_out_of_range");
    REASON("{\"text\": \"a\", \"id\": 12345678901234567890123}", "number_out_of_range");
    REASON("{\"text\": \"a \\ud800\"}", "invalid_json");
    REASON("{\"text\": \"a \\udc00\"}", "invalid_json");
    REASON("{\"text\": \"a\", \"x\": \"\\u0000\"}", "nul_byte");
    REASON("{\"text\": \"a\", \"x\": 01}", "invalid_json");
    REASON("{\"text\": \"a\", \"x\": 1.}", "invalid_json");
    REASON("{\"text\": \"a\",}", "invalid_json");
    REASON("{\"text\": \"a\"} x", "invalid_json");
    REASON("{\"text\": \"a\", \"id\": 1.5}", "wrong_type");
    REASON("{\"text\": \"a\", \"id\": true}", "wrong_type");
}
END_TEST

START_TEST(event_json_offsets_in_code_points)
{
    ne_article_t a;
    const char *s = "{\"id\": \"x\", \"published\": \"2023-02-17\", \"text\": \"\xc3\x89t\xc3\xa9. "
                    "Russia on Friday accused the West of derailing talks.\"}";
    ck_assert_int_eq(dec(s, strlen(s), &a), NE_OK);
    ne_events_t *ev = ne_events_new();
    char err[256];
    ck_assert_int_eq(ne_coder_code(tu_coder(), &a, ev, err, sizeof(err)), 0);
    ck_assert_int_eq((int)ne_events_count(ev), 1);
    char *js = ne_event_to_json(ne_events_get(ev, 0), &a, NULL);
    json_error_t je;
    json_t *o = json_loads(js, 0, &je);
    ck_assert_ptr_nonnull(o);
    json_t *evd = json_object_get(o, "evidence");
    /* "Été. " is 5 code points (7 bytes) */
    ck_assert_int_eq((int)json_integer_value(json_object_get(evd, "start")), 5);
    ck_assert_str_eq(json_string_value(json_object_get(evd, "sentence")),
                     "Russia on Friday accused the West of derailing talks.");
    json_t *tr = json_object_get(evd, "trigger");
    ck_assert_int_eq((int)json_integer_value(json_object_get(tr, "start")), 5 + 17);
    ck_assert_str_eq(json_string_value(json_object_get(json_object_get(o, "actor"), "code")), "RUS");
    /* where the codes came from: "Russia" at 5, "West" at 5 + 29 (code points) */
    ck_assert_int_eq((int)json_integer_value(json_object_get(json_object_get(o, "actor"), "start")), 5);
    ck_assert_int_eq((int)json_integer_value(json_object_get(json_object_get(o, "actor"), "end")), 11);
    ck_assert_int_eq((int)json_integer_value(json_object_get(json_object_get(o, "counterpart"), "start")), 34);
    ck_assert_str_eq(json_string_value(json_object_get(json_object_get(o, "counterpart"), "code")), "WST");
    json_t *act = json_object_get(o, "action");
    ck_assert_str_eq(json_string_value(json_object_get(act, "code")), "112");
    ck_assert_str_eq(json_string_value(json_object_get(act, "root")), "11");
    ck_assert_int_eq((int)json_integer_value(json_object_get(act, "quad_class")), 3);
    json_t *date = json_object_get(o, "date");
    ck_assert_str_eq(json_string_value(json_object_get(date, "value")), "2023-02-17");
    ck_assert_str_eq(json_string_value(json_object_get(date, "text")), "on Friday");
    ck_assert_str_eq(json_string_value(json_object_get(o, "event_id")), ne_events_get(ev, 0)->event_id);
    json_decref(o);
    free(js);
    ne_events_destroy(ev);
    ne_article_clear(&a);
}
END_TEST

START_TEST(event_ids_are_deterministic)
{
    ne_article_t a;
    memset(&a, 0, sizeof(a));
    a.id = "same";
    a.text = "Japan and South Korea signed a trade agreement on Thursday.";
    a.text_len = strlen(a.text);
    a.published_ymd = 20230630;
    ne_events_t *e1 = ne_events_new(), *e2 = ne_events_new();
    char err[128];
    ck_assert_int_eq(ne_coder_code(tu_coder(), &a, e1, err, sizeof(err)), 0);
    ck_assert_int_eq(ne_coder_code(tu_coder(), &a, e2, err, sizeof(err)), 0);
    ck_assert_int_eq((int)ne_events_count(e1), 2);
    ck_assert_int_eq((int)ne_events_count(e2), 2);
    for (size_t i = 0; i < 2; i++)
        ck_assert_str_eq(ne_events_get(e1, i)->event_id, ne_events_get(e2, i)->event_id);
    ck_assert_str_ne(ne_events_get(e1, 0)->event_id, ne_events_get(e1, 1)->event_id);
    a.id = "other";
    ck_assert_int_eq(ne_coder_code(tu_coder(), &a, e2, err, sizeof(err)), 0);
    ck_assert_str_ne(ne_events_get(e1, 0)->event_id, ne_events_get(e2, 0)->event_id);
    ne_events_destroy(e1);
    ne_events_destroy(e2);
}
END_TEST

/* An event bigger than the limit carries a window of its sentence that
 * holds the trigger, with offsets into the article and truncated: true;
 * one that cannot fit even so is refused with the size it needs. */
START_TEST(event_json_cut_to_a_limit)
{
    ne_article_t a;
    memset(&a, 0, sizeof(a));
    a.id = "cut";
    size_t pad = 20000;
    const char *head = "\xc3\x89t\xc3\xa9. Russia on Friday accused the West of derailing talks near ";
    char *text = malloc(strlen(head) + pad + 16);
    strcpy(text, head);
    for (size_t i = 0; i < pad; i += 2) memcpy(text + strlen(head) + i, "\xc3\xa9", 2); /* é */
    strcpy(text + strlen(head) + pad, " village.");
    a.text = text;
    a.text_len = strlen(text);
    a.published_ymd = 20230217;
    ne_events_t *ev = ne_events_new();
    char err[128];
    ck_assert_int_eq(ne_coder_code(tu_coder(), &a, ev, err, sizeof(err)), 0);
    ck_assert_int_eq((int)ne_events_count(ev), 1);
    const ne_event_t *e = ne_events_get(ev, 0);
    size_t full, len;
    char *whole = ne_event_to_json_max(e, &a, 0, &full);
    ck_assert_ptr_nonnull(whole);
    ck_assert_ptr_null(strstr(whole, "truncated"));
    char *js = ne_event_to_json_max(e, &a, 2000, &len);
    ck_assert_ptr_nonnull(js);
    ck_assert_uint_le(len, 2000);
    ck_assert_uint_eq(len, strlen(js));
    json_error_t je;
    json_t *o = json_loads(js, 0, &je), *w = json_loads(whole, 0, &je);
    ck_assert_ptr_nonnull(o);
    json_t *evd = json_object_get(o, "evidence"), *wevd = json_object_get(w, "evidence");
    ck_assert(json_is_true(json_object_get(evd, "truncated")));
    /* the window is the article's text between its offsets (code points),
     * holds the trigger, and lies inside the sentence */
    long st = (long)json_integer_value(json_object_get(evd, "start"));
    long en = (long)json_integer_value(json_object_get(evd, "end"));
    json_t *tr = json_object_get(evd, "trigger");
    ck_assert_int_le(st, json_integer_value(json_object_get(tr, "start")));
    ck_assert_int_ge(en, json_integer_value(json_object_get(tr, "end")));
    ck_assert_int_ge(st, json_integer_value(json_object_get(wevd, "start")));
    ck_assert_int_le(en, json_integer_value(json_object_get(wevd, "end")));
    const char *sent = json_string_value(json_object_get(evd, "sentence"));
    const char *p = text;
    for (long i = 0; i < st; i++) p += ((unsigned char)*p >= 0xF0) ? 4 : ((unsigned char)*p >= 0xE0) ? 3 : ((unsigned char)*p >= 0xC0) ? 2 : 1;
    ck_assert_int_eq(strncmp(p, sent, strlen(sent)), 0);
    ck_assert_int_eq(json_equal(json_object_get(tr, "start"), json_object_get(json_object_get(wevd, "trigger"), "start")), 1);
    /* too small for even the trigger: refused, with the size needed */
    ck_assert_ptr_null(ne_event_to_json_max(e, &a, 300, &len));
    ck_assert_uint_gt(len, 300);
    /* the same records appended to one buffer: byte for byte what
     * ne_event_to_json_max gives, one after the other; a refused one adds
     * nothing */
    char *buf = NULL;
    size_t blen = 0, bcap = 0;
    ck_assert_int_eq(ne_event_append_json(e, &a, 0, &buf, &blen, &bcap), 0);
    ck_assert_uint_eq(blen, full);
    ck_assert_int_eq(ne_event_append_json(e, &a, 2000, &buf, &blen, &bcap), 0);
    ck_assert_uint_eq(blen, full + strlen(js));
    ck_assert_uint_lt(blen, bcap);
    ck_assert_int_eq(ne_event_append_json(e, &a, 300, &buf, &blen, &bcap), 1);
    ck_assert_uint_eq(blen, full + strlen(js));
    ck_assert_int_eq(memcmp(buf, whole, full), 0);
    ck_assert_int_eq(memcmp(buf + full, js, strlen(js)), 0);
    free(buf);
    json_decref(o);
    json_decref(w);
    free(js);
    free(whole);
    free(text);
    ne_events_destroy(ev);
}
END_TEST

START_TEST(messages_and_byte_order_mark)
{
    char err[512];
    ne_article_t a;
    /* the NUL reason says what was found, not which jansson flag refused it */
    const char nul[] = "{\"text\": \"a\\u0000b\"}";
    ck_assert_int_eq(ne_article_decode(nul, sizeof(nul) - 1, NULL, &a, err, sizeof(err)), NE_R_NUL_BYTE);
    ck_assert_msg(strstr(err, "escaped NUL (\\u0000) in a string") && !strstr(err, "JSON_"), "%s", err);
    const char nulkey[] = "{\"te\\u0000xt\": \"a\"}";
    ck_assert_int_eq(ne_article_decode(nulkey, sizeof(nulkey) - 1, NULL, &a, err, sizeof(err)), NE_R_NUL_BYTE);
    ck_assert_msg(strstr(err, "in a key") && !strstr(err, "JSON_"), "%s", err);
    /* a UTF-8 byte order mark before the record is skipped */
    const char bom[] = "\xEF\xBB\xBF{\"id\": \"b1\", \"text\": \"Russia accused the West.\"}";
    ck_assert_int_eq(ne_article_decode(bom, sizeof(bom) - 1, NULL, &a, err, sizeof(err)), NE_OK);
    ck_assert_str_eq(a.id, "b1");
    ck_assert_str_eq(a.text, "Russia accused the West.");
    ne_article_clear(&a);
    /* only before the value: a second one, or one alone, is not JSON */
    const char twice[] = "\xEF\xBB\xBF\xEF\xBB\xBF{\"text\": \"a\"}";
    ck_assert_int_eq(ne_article_decode(twice, sizeof(twice) - 1, NULL, &a, err, sizeof(err)), NE_R_INVALID_JSON);
    ck_assert_int_eq(ne_article_decode(bom, 3, NULL, &a, err, sizeof(err)), NE_R_INVALID_JSON);
}
END_TEST

START_TEST(languages_coded)
{
    const char *yes[] = {NULL, "", "en", "EN", "en-GB", "en_US", "eng", "English"};
    const char *no[] = {"fr", "fr-CA", "de", "enm", "e", "Spanish", "zh-Hans"};
    for (size_t i = 0; i < sizeof(yes) / sizeof(yes[0]); i++)
        ck_assert_msg(ne_language_coded(yes[i]), "%s", yes[i] ? yes[i] : "NULL");
    for (size_t i = 0; i < sizeof(no) / sizeof(no[0]); i++)
        ck_assert_msg(!ne_language_coded(no[i]), "%s", no[i]);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("record");
    TCase *core = tcase_create("core"), *limits = tcase_create("limits");
    tcase_add_test(core, good_records);
    tcase_add_test(core, event_json_offsets_in_code_points);
    tcase_add_test(core, event_ids_are_deterministic);
    tcase_add_test(core, languages_coded);
    tcase_add_test(limits, messages_and_byte_order_mark);
    tcase_add_test(limits, bad_input_classes);
    tcase_add_test(limits, fast_path_agrees_with_jansson);
    tcase_add_test(limits, deep_nesting);
    tcase_add_test(limits, too_large_is_not_parsed);
    tcase_add_test(limits, event_json_cut_to_a_limit);
    tcase_set_timeout(limits, 60);
    suite_add_tcase(s, core);
    suite_add_tcase(s, limits);
    return tu_run(s);
}
