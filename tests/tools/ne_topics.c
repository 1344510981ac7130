/*
 * ne_topics - a small admin client for the integration tests, so they do
 * not pay a JVM start for every topic (librdkafka's admin API).
 *
 *   ne_topics -b BROKERS create TOPIC PARTITIONS [TOPIC PARTITIONS ...]
 *   ne_topics -b BROKERS create-config TOPIC PARTITIONS KEY=VALUE...   one topic, with configs
 *   ne_topics -b BROKERS end TOPIC             sum of the partitions' end offsets
 *   ne_topics -b BROKERS committed GROUP TOPIC sum of the group's committed offsets
 *   ne_topics -b BROKERS end-each TOPIC        the same, one per partition
 *   ne_topics -b BROKERS committed-each GROUP TOPIC
 *   ne_topics -b BROKERS leader TOPIC PARTITION  the node id of the partition's leader
 *   ne_topics -b BROKERS group-coordinator GROUP the node id of the group's coordinator
 *   ne_topics -b BROKERS stable TOPIC SECONDS  wait until no transaction is open in TOPIC
 *
 * Topics get the broker's default replication factor (3 on the test cluster).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <librdkafka/rdkafka.h>

/* end-each, committed-each: one number per partition, not their sum */
static int each;

static rd_kafka_t *client_isolated(const char *brokers, rd_kafka_type_t type, const char *group,
                           const char *isolation)
{
    char err[512];
    rd_kafka_conf_t *c = rd_kafka_conf_new();
    rd_kafka_conf_set(c, "bootstrap.servers", brokers, err, sizeof(err));
    if (group) rd_kafka_conf_set(c, "group.id", group, err, sizeof(err));
    if (isolation) rd_kafka_conf_set(c, "isolation.level", isolation, err, sizeof(err));
    rd_kafka_t *rk = rd_kafka_new(type, c, err, sizeof(err));
    if (!rk) fprintf(stderr, "ne_topics: %s\n", err);
    return rk;
}

static rd_kafka_t *client(const char *brokers, rd_kafka_type_t type, const char *group)
{
    return client_isolated(brokers, type, group, NULL);
}

static int create(const char *brokers, int argc, char **argv, char **configs, int nconf)
{
    rd_kafka_t *rk = client(brokers, RD_KAFKA_PRODUCER, NULL);
    if (!rk) return 1;
    int n = argc / 2, rc = 0;
    rd_kafka_NewTopic_t **nt = calloc((size_t)n, sizeof(*nt));
    char err[512];
    for (int i = 0; i < n; i++) {
        nt[i] = rd_kafka_NewTopic_new(argv[2 * i], atoi(argv[2 * i + 1]), -1, err, sizeof(err));
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
        if (each) printf("%s%lld", p ? " " : "", (long long)hi);
    }
    if (each) printf("\n");
    else printf("%lld\n", sum);
    rd_kafka_destroy(rk);
    return 0;
}

/* (a consumer's ListOffsets asks for its isolation level: read_committed
 * answers a partition's last stable offset, read_uncommitted its high
 * watermark) */
/* Wait until every partition's last stable offset has reached its high
 * watermark: no transaction is open, so a read_committed reader that stops
 * at the end sees everything. A commit returns once the coordinator has
 * decided it; its markers reach the partitions afterwards, later still when
 * a partition's leader has just moved. Prints the offsets; 1 on timeout. */
static int stable(const char *brokers, const char *topic, int seconds)
{
    rd_kafka_t *rc = client_isolated(brokers, RD_KAFKA_CONSUMER, NULL, "read_committed"),
               *ru = client_isolated(brokers, RD_KAFKA_CONSUMER, NULL, "read_uncommitted");
    int n = rc && ru ? partitions(ru, topic) : -1, rcode = 1;
    for (int tries = 0; n > 0 && tries <= seconds * 4; tries++) {
        int open = 0;
        char line[4096];
        size_t len = 0;
        line[0] = '\0';
        for (int p = 0; p < n; p++) {
            int64_t lo, lso = -1, hw = -1;
            if (rd_kafka_query_watermark_offsets(rc, topic, p, &lo, &lso, 5000) ||
                rd_kafka_query_watermark_offsets(ru, topic, p, &lo, &hw, 5000) || lso != hw)
                open++;
            if (len < sizeof(line) - 64)
                len += (size_t)snprintf(line + len, sizeof(line) - len, "%s%d:%lld/%lld", p ? " " : "", p,
                                        (long long)lso, (long long)hw);
        }
        if (!open) {
            printf("%s\n", line);
            rcode = 0;
            break;
        }
        if (tries == seconds * 4)
            fprintf(stderr, "ne_topics: %s: %d partition(s) still hold an open transaction after %d s "
                            "(partition:last_stable/high_watermark): %s\n", topic, open, seconds, line);
        else {
            struct timespec ts = {0, 250 * 1000000L};
            nanosleep(&ts, NULL);
        }
    }
    if (n < 0) fprintf(stderr, "ne_topics: no topic %s\n", topic);
    if (rc) rd_kafka_destroy(rc);
    if (ru) rd_kafka_destroy(ru);
    return rcode;
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
    for (int i = 0; i < l->cnt; i++) {
        long long o = l->elems[i].offset >= 0 ? l->elems[i].offset : 0;
        sum += o;
        if (each) printf("%s%lld", i ? " " : "", o);
    }
    if (each) printf("\n");
    else printf("%lld\n", sum);
    rd_kafka_topic_partition_list_destroy(l);
    rd_kafka_destroy(rk);
    return 0;
}

/* The leader's node id, from a metadata request (-1: none right now). */
static int leader(const char *brokers, const char *topic, int partition)
{
    rd_kafka_t *rk = client(brokers, RD_KAFKA_PRODUCER, NULL);
    if (!rk) return 1;
    rd_kafka_topic_t *t = rd_kafka_topic_new(rk, topic, NULL);
    const struct rd_kafka_metadata *md = NULL;
    rd_kafka_resp_err_t e = rd_kafka_metadata(rk, 0, t, &md, 10000);
    int rc = 1;
    if (e) fprintf(stderr, "ne_topics: metadata: %s\n", rd_kafka_err2str(e));
    else if (md->topic_cnt != 1 || md->topics[0].err)
        fprintf(stderr, "ne_topics: %s: %s\n", topic,
                md->topic_cnt ? rd_kafka_err2str(md->topics[0].err) : "no such topic");
    else
        for (int i = 0; i < md->topics[0].partition_cnt; i++)
            if (md->topics[0].partitions[i].id == partition) {
                printf("%d\n", md->topics[0].partitions[i].leader);
                rc = 0;
            }
    if (md) rd_kafka_metadata_destroy(md);
    rd_kafka_topic_destroy(t);
    rd_kafka_destroy(rk);
    return rc;
}

/* The group coordinator's node id (DescribeConsumerGroups). */
static int group_coordinator(const char *brokers, const char *group)
{
    rd_kafka_t *rk = client(brokers, RD_KAFKA_PRODUCER, NULL);
    if (!rk) return 1;
    rd_kafka_queue_t *q = rd_kafka_queue_new(rk);
    const char *groups[] = {group};
    rd_kafka_DescribeConsumerGroups(rk, groups, 1, NULL, q);
    rd_kafka_event_t *ev = rd_kafka_queue_poll(q, 30000);
    int rc = 1;
    if (!ev) fprintf(stderr, "ne_topics: describe group timed out\n");
    else if (rd_kafka_event_error(ev))
        fprintf(stderr, "ne_topics: describe group: %s\n", rd_kafka_event_error_string(ev));
    else {
        size_t n;
        const rd_kafka_ConsumerGroupDescription_t **d =
            rd_kafka_DescribeConsumerGroups_result_groups(rd_kafka_event_DescribeConsumerGroups_result(ev), &n);
        const rd_kafka_Node_t *node = n == 1 ? rd_kafka_ConsumerGroupDescription_coordinator(d[0]) : NULL;
        if (node) {
            printf("%d\n", rd_kafka_Node_id(node));
            rc = 0;
        } else
            fprintf(stderr, "ne_topics: group %s: no coordinator\n", group);
    }
    if (ev) rd_kafka_event_destroy(ev);
    rd_kafka_queue_destroy(q);
    rd_kafka_destroy(rk);
    return rc;
}

int main(int argc, char **argv)
{
    if (argc < 4 || strcmp(argv[1], "-b")) goto usage;
    const char *b = argv[2], *cmd = argv[3];
    if (!strcmp(cmd, "create") && argc >= 6 && (argc - 4) % 2 == 0) return create(b, argc - 4, argv + 4, NULL, 0);
    if (!strcmp(cmd, "create-config") && argc >= 7) return create(b, 2, argv + 4, argv + 6, argc - 6);
    if (!strcmp(cmd, "end") && argc == 5) return end_offsets(b, argv[4]);
    if (!strcmp(cmd, "committed") && argc == 6) return committed(b, argv[4], argv[5]);
    each = !strcmp(cmd, "end-each") || !strcmp(cmd, "committed-each");
    if (!strcmp(cmd, "end-each") && argc == 5) return end_offsets(b, argv[4]);
    if (!strcmp(cmd, "committed-each") && argc == 6) return committed(b, argv[4], argv[5]);
    if (!strcmp(cmd, "leader") && argc == 6) return leader(b, argv[4], atoi(argv[5]));
    if (!strcmp(cmd, "group-coordinator") && argc == 5) return group_coordinator(b, argv[4]);
    if (!strcmp(cmd, "stable") && argc == 6) return stable(b, argv[4], atoi(argv[5]));
usage:
    fprintf(stderr, "usage: ne_topics -b BROKERS create TOPIC PARTITIONS ... | end TOPIC | "
                    "committed GROUP TOPIC | leader TOPIC PARTITION | group-coordinator GROUP | stable TOPIC SECONDS\n");
    return 2;
}
