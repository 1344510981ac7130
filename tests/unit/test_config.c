/*
 * test_config.c - file, environment and flags apply through one setter, a
 * later source's list replacing an earlier one's; any librdkafka property
 * passes through (with or without a dot), checked by librdkafka at once;
 * secrets can come from files, read whole; mistakes name their place and
 * the nearest known name.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config.h"
#include "testutil.h"

static char err[512];

/* Write n bytes of body to a new temporary file; its name goes to path
 * (unlink it after). */
static void temp_file_n(char path[32], const char *body, size_t n)
{
    strcpy(path, "/tmp/ne_conf_XXXXXX");
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    ck_assert_int_eq((int)write(fd, body, n), (int)n);
    close(fd);
}

static void temp_file(char path[32], const char *body)
{
    temp_file_n(path, body, strlen(body));
}

START_TEST(file_then_env)
{
    char path[32];
    temp_file(path, "# comment\nbrokers = 127.0.0.1:9092\ninput = a,b\noutput=events\n"
                    "consumer.fetch.max.bytes = 1048576\nsecurity.protocol=PLAINTEXT\n"
                    "max-record-bytes = 2M\n");
    ne_conf_t c;
    ne_conf_init(&c);
    ck_assert_int_eq(ne_conf_load_file(&c, path, err, sizeof(err)), 0);
    ck_assert_str_eq(c.brokers, "127.0.0.1:9092");
    ck_assert_int_eq((int)c.ntopics, 2);
    ck_assert_str_eq(c.topics[1], "b");
    ck_assert_int_eq((int)c.max_record_bytes, 2 << 20);
    ck_assert_int_eq((int)c.nprops, 2);
    ck_assert_str_eq(c.props[0].key, "fetch.max.bytes");
    ck_assert_int_eq(c.props[0].scope, NE_SCOPE_CONSUMER);
    char *env[] = {"NEWSEVENTS_OUTPUT=other", "NEWSEVENTS_DEAD_LETTER=dl",
                   "NEWSEVENTS_X_SASL_PASSWORD=s3cret", "PATH=/bin", NULL};
    ck_assert_int_eq(ne_conf_load_env(&c, env, err, sizeof(err)), 0);
    ck_assert_str_eq(c.out_topic, "other");
    ck_assert_str_eq(c.dlq_topic, "dl");
    ck_assert_str_eq(c.props[2].key, "sasl.password");
    ck_assert(ne_conf_is_secret(c.props[2].key));
    ck_assert(!ne_conf_is_secret("security.protocol"));
    ne_conf_free(&c);
    unlink(path);
}
END_TEST

START_TEST(errors_name_the_line)
{
    char path[32];
    temp_file(path, "brokers=x\nno equals sign here\n");
    ne_conf_t c;
    ne_conf_init(&c);
    ck_assert_int_eq(ne_conf_load_file(&c, path, err, sizeof(err)), -1);
    ck_assert_msg(strstr(err, ":2:") != NULL, "%s", err);
    ck_assert_int_eq(ne_conf_set(&c, "bogus", "1", err, sizeof(err)), -1);
    ck_assert_int_eq(ne_conf_set(&c, "log-level", "loud", err, sizeof(err)), -1);
    ck_assert_int_eq(ne_conf_set(&c, "max-record-bytes", "lots", err, sizeof(err)), -1);
    ne_conf_free(&c);
    unlink(path);
}
END_TEST

START_TEST(secret_from_file)
{
    char path[32];
    temp_file(path, "hunter2\n");
    ne_conf_t c;
    ne_conf_init(&c);
    char val[64];
    snprintf(val, sizeof(val), "@%s", path);
    ck_assert_int_eq(ne_conf_set(&c, "sasl.password", val, err, sizeof(err)), 0);
    ck_assert_str_eq(c.props[0].val, "hunter2");
    ck_assert_int_eq(ne_conf_set(&c, "sasl.password", "@/nonexistent/file", err, sizeof(err)), -1);
    ne_conf_free(&c);
    unlink(path);
}
END_TEST


START_TEST(later_source_replaces_lists)
{
    char path[32];
    temp_file(path, "input = a,b\ninput = c\ndict = d1\ndict = d2\nmap = text=body\n");
    ne_conf_t c;
    ne_conf_init(&c);
    ck_assert_int_eq(ne_conf_load_file(&c, path, err, sizeof(err)), 0);
    /* repeats within one source add up */
    ck_assert_int_eq((int)c.ntopics, 3);
    ck_assert_str_eq(c.topics[2], "c");
    ck_assert_int_eq((int)c.ndicts, 2);
    char *env[] = {"NEWSEVENTS_INPUT=e", "NEWSEVENTS_MAP=title=headline", NULL};
    ck_assert_int_eq(ne_conf_load_env(&c, env, err, sizeof(err)), 0);
    ck_assert_int_eq((int)c.ntopics, 1);
    ck_assert_str_eq(c.topics[0], "e");
    ck_assert_int_eq((int)c.nmap, 2);
    ck_assert_str_eq(c.map[0], "title");
    ck_assert_str_eq(c.map[1], "headline");
    ne_conf_source(&c, NE_SRC_FLAGS);
    ck_assert_int_eq(ne_conf_set(&c, "input", "x", err, sizeof(err)), 0);
    ck_assert_int_eq(ne_conf_set(&c, "input", "y", err, sizeof(err)), 0);
    ck_assert_int_eq(ne_conf_set(&c, "dict", "d3", err, sizeof(err)), 0);
    ck_assert_int_eq((int)c.ntopics, 2);
    ck_assert_str_eq(c.topics[0], "x");
    ck_assert_str_eq(c.topics[1], "y");
    ck_assert_int_eq((int)c.ndicts, 1);
    ck_assert_str_eq(c.dicts[0], "d3");
    /* the map came from the environment and stays */
    ck_assert_int_eq((int)c.nmap, 2);
    ne_conf_free(&c);
    unlink(path);
}
END_TEST

START_TEST(properties_without_a_dot)
{
    ne_conf_t c;
    ne_conf_init(&c);
    ck_assert_int_eq(ne_conf_set_prop(&c, "debug", "generic", err, sizeof(err)), 0);
    ck_assert_int_eq(ne_conf_set_prop(&c, "producer.acks", "all", err, sizeof(err)), 0);
    ck_assert_int_eq(c.props[1].scope, NE_SCOPE_PRODUCER);
    ck_assert_str_eq(c.props[1].key, "acks");
    char *env[] = {"NEWSEVENTS_X_DEBUG=broker", NULL};
    ck_assert_int_eq(ne_conf_load_env(&c, env, err, sizeof(err)), 0);
    ck_assert_str_eq(c.props[2].key, "debug");
    ck_assert_str_eq(c.props[2].val, "broker");
    /* a config file's key may be a property without a dot too */
    ck_assert_int_eq(ne_conf_set(&c, "linger.ms", "5", err, sizeof(err)), 0);
    ck_assert_int_eq(ne_conf_set(&c, "acks", "1", err, sizeof(err)), 0);
    ck_assert_int_eq((int)c.nprops, 5);
    /* librdkafka decides: unknown names and bad values are refused now */
    ck_assert_int_eq(ne_conf_set_prop(&c, "nosuch", "1", err, sizeof(err)), -1);
    ck_assert_msg(strstr(err, "unknown librdkafka property 'nosuch'"), "%s", err);
    ck_assert_int_eq(ne_conf_set_prop(&c, "bootstrap.server", "x", err, sizeof(err)), -1);
    ck_assert_msg(strstr(err, "did you mean 'bootstrap.servers'"), "%s", err);
    ck_assert_int_eq(ne_conf_set_prop(&c, "acks", "most", err, sizeof(err)), -1);
    ck_assert_msg(strstr(err, "acks"), "%s", err);
    /* -X takes properties only, not the program's settings */
    ck_assert_int_eq(ne_conf_set_prop(&c, "brokers", "x", err, sizeof(err)), -1);
    ck_assert_int_eq((int)c.nprops, 5);
    /* a bare property goes to the client librdkafka lists it for: the
     * producer would warn that it ignores a consumer one */
    ck_assert_int_eq(c.props[0].scope, NE_SCOPE_BOTH);     /* debug: both */
    ck_assert_int_eq(c.props[3].scope, NE_SCOPE_PRODUCER); /* linger.ms */
    ck_assert_int_eq(ne_conf_set_prop(&c, "fetch.max.bytes", "1048576", err, sizeof(err)), 0);
    ck_assert_int_eq(c.props[5].scope, NE_SCOPE_CONSUMER);
    ck_assert_int_eq(ne_conf_set_prop(&c, "isolation.level", "read_committed", err, sizeof(err)), 0);
    ck_assert_int_eq(c.props[6].scope, NE_SCOPE_CONSUMER);
    ck_assert_int_eq(ne_conf_set_prop(&c, "consumer.debug", "cgrp", err, sizeof(err)), 0);
    ck_assert_int_eq(c.props[7].scope, NE_SCOPE_CONSUMER); /* a prefix still decides */
    ne_conf_free(&c);
}
END_TEST

START_TEST(file_comments_and_places)
{
    char path[32];
    /* a byte order mark, inline comments, "\#", a line longer than 4 KiB */
    char body[6000];
    char id[5001];
    memset(id, 'a', 5000);
    id[5000] = '\0';
    snprintf(body, sizeof(body),
             "\xEF\xBB\xBF# settings\nbrokers = k1:9092   # the broker\ngroup = g\\#1 #c\n"
             "input = a#b\nclient-id = %s\n",
             id);
    temp_file(path, body);
    ne_conf_t c;
    ne_conf_init(&c);
    ck_assert_msg(ne_conf_load_file(&c, path, err, sizeof(err)) == 0, "%s", err);
    ck_assert_str_eq(c.brokers, "k1:9092");
    ck_assert_str_eq(c.group, "g#1");
    ck_assert_str_eq(c.topics[0], "a#b");
    ck_assert_int_eq((int)strlen(c.client_id), 5000);
    unlink(path);
    /* a property librdkafka refuses is reported at its line */
    temp_file(path, "brokers = x\n\nsecurity.protocol = bogus\n");
    ck_assert_int_eq(ne_conf_load_file(&c, path, err, sizeof(err)), -1);
    ck_assert_msg(strstr(err, ":3: librdkafka property security.protocol"), "%s", err);
    unlink(path);
    temp_file(path, "brokrs = x\n");
    ck_assert_int_eq(ne_conf_load_file(&c, path, err, sizeof(err)), -1);
    ck_assert_msg(strstr(err, ":1: unknown setting 'brokrs' (did you mean 'brokers'?)"), "%s", err);
    ne_conf_free(&c);
    unlink(path);
}
END_TEST

START_TEST(variables_that_are_not_settings)
{
    ne_conf_t c;
    ne_conf_init(&c);
    char *ours[] = {"NEWSEVENTS_CACHE=/var/cache/kafka", "NEWSEVENTS_TRACE=1",
                    "NEWSEVENTS_TEST_FAIL_ID=x", "NEWSEVENTS_BROKERS=b:1", NULL};
    ck_assert_msg(ne_conf_load_env(&c, ours, err, sizeof(err)) == 0, "%s", err);
    ck_assert_str_eq(c.brokers, "b:1");
    char *typo[] = {"NEWSEVENTS_BROKER=b:2", NULL};
    ck_assert_int_eq(ne_conf_load_env(&c, typo, err, sizeof(err)), -1);
    ck_assert_msg(strstr(err, "NEWSEVENTS_BROKER: not a setting (did you mean NEWSEVENTS_BROKERS?)"), "%s", err);
    /* a property name without X_ is not taken as a property */
    char *noprefix[] = {"NEWSEVENTS_DEBUG=all", NULL};
    ck_assert_int_eq(ne_conf_load_env(&c, noprefix, err, sizeof(err)), -1);
    ck_assert_msg(strstr(err, "NEWSEVENTS_X_"), "%s", err);
    ne_conf_free(&c);
}
END_TEST

START_TEST(value_files_whole_or_refused)
{
    char path[32], val[64];
    ne_conf_t c;
    ne_conf_init(&c);
    size_t big = 10000;
    char *body = malloc((1 << 20) + 2);
    memset(body, 'p', (1 << 20) + 1);
    body[big] = '\n';
    temp_file_n(path, body, big + 1);
    snprintf(val, sizeof(val), "@%s", path);
    ck_assert_int_eq(ne_conf_set_prop(&c, "sasl.password", val, err, sizeof(err)), 0);
    ck_assert_int_eq((int)strlen(c.props[0].val), (int)big);
    unlink(path);
    body[big] = 'p';
    temp_file_n(path, body, (1 << 20) + 1);
    snprintf(val, sizeof(val), "@%s", path);
    ck_assert_int_eq(ne_conf_set_prop(&c, "sasl.password", val, err, sizeof(err)), -1);
    ck_assert_msg(strstr(err, "larger than 1024 KiB"), "%s", err);
    unlink(path);
    temp_file_n(path, "ab\0cd", 5);
    snprintf(val, sizeof(val), "@%s", path);
    ck_assert_int_eq(ne_conf_set_prop(&c, "sasl.password", val, err, sizeof(err)), -1);
    ck_assert_msg(strstr(err, "NUL"), "%s", err);
    ck_assert_int_eq((int)c.nprops, 1);
    unlink(path);
    free(body);
    ne_conf_free(&c);
}
END_TEST

START_TEST(nearest_names)
{
    const char *names[] = {"input", "output", "brokers", "metrics-port"};
    ck_assert_str_eq(ne_nearest("inptu", names, 4), "input");
    ck_assert_str_eq(ne_nearest("broker", names, 4), "brokers");
    ck_assert_str_eq(ne_nearest("metrics-prot", names, 4), "metrics-port");
    ck_assert_ptr_null(ne_nearest("zzz", names, 4));
    ck_assert_ptr_null(ne_nearest("put", names, 4));
    /* every setting name is a setting */
    const char *all[64];
    size_t n = ne_conf_setting_names(all, 64);
    ck_assert_int_ge((int)n, 25);
    for (size_t i = 0; i < n; i++) {
        ne_conf_t c;
        ne_conf_init(&c);
        err[0] = '\0';
        ne_conf_set(&c, all[i], "1", err, sizeof(err));
        ck_assert_msg(!strstr(err, "unknown"), "%s: %s", all[i], err);
        ne_conf_free(&c);
    }
}
END_TEST

int main(void)
{
    Suite *s = suite_create("config");
    TCase *core = tcase_create("core");
    tcase_add_test(core, file_then_env);
    tcase_add_test(core, errors_name_the_line);
    tcase_add_test(core, secret_from_file);
    tcase_add_test(core, later_source_replaces_lists);
    tcase_add_test(core, properties_without_a_dot);
    tcase_add_test(core, file_comments_and_places);
    tcase_add_test(core, variables_that_are_not_settings);
    tcase_add_test(core, nearest_names);
    suite_add_tcase(s, core);
    TCase *limits = tcase_create("limits");
    tcase_add_test(limits, value_files_whole_or_refused);
    suite_add_tcase(s, limits);
    return tu_run(s);
}
