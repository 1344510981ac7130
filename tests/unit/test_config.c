/*
 * test_config.c - file, environment and flags apply through one setter;
 * librdkafka properties pass through; secrets can come from files.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "config.h"
#include "testutil.h"

static char err[512];

/* Write body to a new temporary file; its name goes to path (unlink it after). */
static void temp_file(char path[32], const char *body)
{
    strcpy(path, "/tmp/ne_conf_XXXXXX");
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    ck_assert_int_eq((int)write(fd, body, strlen(body)), (int)strlen(body));
    close(fd);
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

int main(void)
{
    Suite *s = suite_create("config");
    TCase *core = tcase_create("core");
    tcase_add_test(core, file_then_env);
    tcase_add_test(core, errors_name_the_line);
    tcase_add_test(core, secret_from_file);
    suite_add_tcase(s, core);
    return tu_run(s);
}
