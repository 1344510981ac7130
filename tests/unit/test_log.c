/*
 * test_log.c - log lines: the threshold, text lines, and JSON lines that
 * are valid JSON and carry a record's fields (topic, partition, offset,
 * line, id, reason) only when they are set.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <jansson.h>

#include "log.h"
#include "testutil.h"

/* Run fn with stderr going to a temporary file; returns what it wrote. */
static char *capture(void (*fn)(void))
{
    char path[] = "/tmp/ne_log_XXXXXX";
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    fflush(stderr);
    int saved = dup(2);
    dup2(fd, 2);
    fn();
    fflush(stderr);
    dup2(saved, 2);
    close(saved);
    FILE *fp = fdopen(fd, "r");
    rewind(fp);
    static char buf[8192];
    size_t n = fread(buf, 1, sizeof(buf) - 1, fp);
    buf[n] = '\0';
    fclose(fp);
    unlink(path);
    return buf;
}

static void json_lines(void)
{
    ne_log_setup(NE_LOG_INFO, 1);
    ne_log_rec(NE_LOG_WARN,
               &(ne_log_rec_t){.topic = "articles", .partition = 2, .offset = 4711,
                               .id = "a\"1\n", .reason = "invalid_json"},
               "dead letter %s", "x");
    ne_log_rec(NE_LOG_INFO, &(ne_log_rec_t){.line = 7, .reason = "language"}, "skipped");
    ne_info("plain \"quoted\"\ttab");
    ne_debug("below the threshold");
}

START_TEST(json_fields)
{
    char *out = capture(json_lines);
    json_t *line[3];
    char *s = out;
    for (int i = 0; i < 3; i++) {
        char *nl = strchr(s, '\n');
        ck_assert_ptr_nonnull(nl);
        json_error_t je;
        line[i] = json_loadb(s, (size_t)(nl - s), 0, &je);
        ck_assert_msg(line[i] != NULL, "not JSON: %.*s (%s)", (int)(nl - s), s, je.text);
        s = nl + 1;
    }
    ck_assert_str_eq(s, ""); /* the debug line was not written */
    ck_assert_str_eq(json_string_value(json_object_get(line[0], "level")), "warn");
    ck_assert_str_eq(json_string_value(json_object_get(line[0], "msg")), "dead letter x");
    ck_assert_str_eq(json_string_value(json_object_get(line[0], "topic")), "articles");
    ck_assert_int_eq(json_integer_value(json_object_get(line[0], "partition")), 2);
    ck_assert_int_eq(json_integer_value(json_object_get(line[0], "offset")), 4711);
    ck_assert_str_eq(json_string_value(json_object_get(line[0], "id")), "a\"1\n");
    ck_assert_str_eq(json_string_value(json_object_get(line[0], "reason")), "invalid_json");
    ck_assert_ptr_null(json_object_get(line[0], "line"));
    ck_assert_int_eq(json_integer_value(json_object_get(line[1], "line")), 7);
    ck_assert_ptr_null(json_object_get(line[1], "topic"));
    ck_assert_ptr_null(json_object_get(line[1], "partition"));
    ck_assert_ptr_null(json_object_get(line[1], "id"));
    ck_assert_str_eq(json_string_value(json_object_get(line[2], "msg")), "plain \"quoted\"\ttab");
    ck_assert_int_eq((int)json_object_size(line[2]), 3);
    ck_assert_ptr_nonnull(json_object_get(line[2], "time"));
    for (int i = 0; i < 3; i++) json_decref(line[i]);
}
END_TEST

static void text_lines(void)
{
    ne_log_setup(NE_LOG_WARN, 0);
    ne_log_rec(NE_LOG_WARN, &(ne_log_rec_t){.topic = "t", .reason = "r"}, "the message");
    ne_info("below the threshold");
}

START_TEST(text_is_the_message)
{
    char *out = capture(text_lines);
    ck_assert_msg(strstr(out, " warn  the message\n") != NULL, "%s", out);
    ck_assert_msg(strchr(out, '\n') == out + strlen(out) - 1, "more than one line: %s", out);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("log");
    TCase *core = tcase_create("core");
    tcase_add_test(core, json_fields);
    tcase_add_test(core, text_is_the_message);
    suite_add_tcase(s, core);
    return tu_run(s);
}
