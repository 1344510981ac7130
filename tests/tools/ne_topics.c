/*
 * ne_topics - a small admin client for the integration tests, so they do
 * not pay a JVM start for every topic (librdkafka's admin API).
 *
 *   ne_topics -b BROKERS create TOPIC PARTITIONS [TOPIC PARTITIONS ...]
 *   ne_topics -b BROKERS create-config TOPIC PARTITIONS KEY=VALUE...   one topic, with configs
 *   ne_topics -b BROKERS end TOPIC             sum of the partitions' end offsets
 *   ne_topics -b BROKERS committed GROUP TOPIC sum of the group's committed offsets
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <librdkafka/rdkafka.h>

static rd_kafka_t *client(const char *brokers, rd_kafka_type_t type, const char *group)
{
    char err[512];
    rd_kafka_conf_t *c = rd_kafka_conf_new();
    rd_kafka_conf_set(c, "bootstrap.servers", brokers, err, sizeof(err));
    if (group) rd_kafka_conf_set(c, "group.id", group, err, sizeof(err));
    rd_kafka_t *rk = rd_kafka_new(type, c, err, sizeof(err));
    if (!rk) fprintf(stderr, "ne_topics: %s\n", err);
    return rk;
}

static int create(const char *brokers, int argc, char **argv, char **configs, int nconf)
{
    rd_kafka_t *rk = client(brokers, RD_KAFKA_PRODUCER, NULL);
    if (!rk) return 1;
    int n = argc / 2, rc = 0;
    rd_kafka_NewTopic_t **nt = calloc((size_t)n, sizeof(*nt));
    char err[512];
    for (int i = 0; i < n; i++) {
        nt[i] = rd_kafka_NewTopic_new(argv[2 * i], atoi(argv[2 * i + 1]), 1, err, sizeof(err));
        for (int c = 0; c < nconf; c++) {
            char *eq = strchr(configs[c], '=');
            if (!eq) continue;
            *eq = '\0';
            rd_kafka_NewTopic_set_config(nt[i], configs[c], eq + 1);
            *eq = '=';
        }
    }
    rd_kafka_queue_t *q = rd_kafka_queue_new(rk);
    rd_kafka_CreateTopics(rk, nt, (size_t)n, NULL, q);
    rd_kafka_event_t *ev = rd_kafka_queue_poll(q, 30000);
    if (!ev) {
        fprintf(stderr, "ne_topics: create timed out\n");
        rc = 1;
    } else {
        const rd_kafka_CreateTopics_result_t *res = rd_kafka_event_CreateTopics_result(ev);
        size_t cnt;
        const rd_kafka_topic_result_t **tr = rd_kafka_CreateTopics_result_topics(res, &cnt);
        for (size_t i = 0; i < cnt; i++) {
            rd_kafka_resp_err_t e = rd_kafka_topic_result_error(tr[i]);
            if (e && e != RD_KAFKA_RESP_ERR_TOPIC_ALREADY_EXISTS) {
                fprintf(stderr, "ne_topics: %s: %s\n", rd_kafka_topic_result_name(tr[i]),
                        rd_kafka_topic_result_error_string(tr[i]));
                rc = 1;
            }
        }
        rd_kafka_event_destroy(ev);
    }
    for (int i = 0; i < n; i++) rd_kafka_NewTopic_destroy(nt[i]);
    free(nt);
    rd_kafka_queue_destroy(q);
    rd_kafka_destroy(rk);
    return rc;
}

static int partitions(rd_kafka_t *rk, const char *topic)
{
    const struct rd_kafka_metadata *md;
    rd_kafka_topic_t *t = rd_kafka_topic_new(rk, topic, NULL);
    int n = -1;
    if (rd_kafka_metadata(rk, 0, t, &md, 10000) == 0) {
        if (md->topic_cnt == 1 && !md->topics[0].err) n = md->topics[0].partition_cnt;
        rd_kafka_metadata_destroy(md);
    }
    rd_kafka_topic_destroy(t);
    return n;
}

static int end_offsets(const char *brokers, const char *topic)
{
    rd_kafka_t *rk = client(brokers, RD_KAFKA_PRODUCER, NULL);
    if (!rk) return 1;
    int n = partitions(rk, topic);
    if (n < 0) {
        fprintf(stderr, "ne_topics: no topic %s\n", topic);
        rd_kafka_destroy(rk);
        return 1;
    }
    long long sum = 0;
    for (int p = 0; p < n; p++) {
        int64_t lo, hi;
        if (rd_kafka_query_watermark_offsets(rk, topic, p, &lo, &hi, 10000)) {
            fprintf(stderr, "ne_topics: watermarks of %s[%d] failed\n", topic, p);
            rd_kafka_destroy(rk);
            return 1;
        }
        sum += hi;
    }
    printf("%lld\n", sum);
    rd_kafka_destroy(rk);
    return 0;
}

static int committed(const char *brokers, const char *group, const char *topic)
{
    rd_kafka_t *rk = client(brokers, RD_KAFKA_CONSUMER, group);
    if (!rk) return 1;
    int n = partitions(rk, topic);
    if (n < 0) {
        rd_kafka_destroy(rk);
        return 1;
    }
    rd_kafka_topic_partition_list_t *l = rd_kafka_topic_partition_list_new(n);
    for (int p = 0; p < n; p++) rd_kafka_topic_partition_list_add(l, topic, p);
    long long sum = 0;
    if (rd_kafka_committed(rk, l, 10000)) {
        fprintf(stderr, "ne_topics: committed offsets query failed\n");
        rd_kafka_destroy(rk);
        return 1;
    }
    for (int i = 0; i < l->cnt; i++)
        if (l->elems[i].offset >= 0) sum += l->elems[i].offset;
    printf("%lld\n", sum);
    rd_kafka_topic_partition_list_destroy(l);
    rd_kafka_destroy(rk);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc < 4 || strcmp(argv[1], "-b")) goto usage;
    const char *b = argv[2], *cmd = argv[3];
    if (!strcmp(cmd, "create") && argc >= 6 && (argc - 4) % 2 == 0) return create(b, argc - 4, argv + 4, NULL, 0);
    if (!strcmp(cmd, "create-config") && argc >= 7) return create(b, 2, argv + 4, argv + 6, argc - 6);
    if (!strcmp(cmd, "end") && argc == 5) return end_offsets(b, argv[4]);
    if (!strcmp(cmd, "committed") && argc == 6) return committed(b, argv[4], argv[5]);
usage:
    fprintf(stderr, "usage: ne_topics -b BROKERS create TOPIC PARTITIONS ... | end TOPIC | "
                    "committed GROUP TOPIC\n");
    return 2;
}
