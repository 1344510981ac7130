/*
 * consumer.c - the group consumer and its offset tracker.
 *
 * librdkafka commits automatically, but only offsets this file has stored
 * (enable.auto.offset.store=false): an offset is stored when every record
 * before it on its partition has all its produce requests acknowledged.
 * Before partitions are revoked (rebalance, shutdown) the producer is
 * flushed and the stored offsets committed synchronously, so the next
 * owner starts exactly after what this instance finished.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "consumer.h"
#include "kafka.h"
#include "log.h"
#include "metrics.h"
#include "producer.h"

typedef struct part_s {
    char *topic;
    int32_t partition;
    ne_ticket_t **q; /* ring of open tickets, in offset order */
    size_t head, count, cap;
    /* this partition alone, for offset stores; librdkafka caches a reference
     * to its partition in the list, so it must be freed before the client
     * (rd_kafka_destroy waits for that reference for ever) */
    rd_kafka_topic_partition_list_t *store;
    int revoked;
    struct part_s *next;
} part_t;

struct ne_ticket_s {
    part_t *part;
    ne_consumer_t *c;
    int64_t offset;
    int refs;
    int failed;
};

struct ne_consumer_s {
    rd_kafka_t *rk;
    rd_kafka_t *producer;
    ne_cons_mode_t mode;
    void (*on_revoke)(void *);
    void *on_revoke_arg;
    part_t *parts;
    part_t *last; /* the partition of the previous record: the usual case */
    long in_flight;
    int failed;
    int flush_timeout_ms;
    int64_t deadline_ms; /* shutdown: flushes end by then (0: none) */
    int coop;            /* the group's rebalance protocol is incremental */
};

rd_kafka_t *ne_consumer_handle(ne_consumer_t *c)
{
    return c->rk;
}

long ne_consumer_in_flight(const ne_consumer_t *c)
{
    return c->in_flight;
}

int ne_consumer_failed(const ne_consumer_t *c)
{
    return c->failed;
}

static void part_free(part_t *p)
{
    if (p->store) rd_kafka_topic_partition_list_destroy(p->store);
    free(p->topic);
    free(p->q);
    free(p);
}

static part_t *part_find(ne_consumer_t *c, const char *topic, int32_t partition, int create)
{
    if (c->last && !c->last->revoked && c->last->partition == partition &&
        !strcmp(c->last->topic, topic))
        return c->last;
    for (part_t *p = c->parts; p; p = p->next)
        if (!p->revoked && p->partition == partition && !strcmp(p->topic, topic))
            return c->last = p;
    if (!create) return NULL;
    part_t *p = calloc(1, sizeof(*p));
    if (!p || !(p->topic = strdup(topic))) {
        free(p);
        return NULL;
    }
    p->partition = partition;
    p->store = rd_kafka_topic_partition_list_new(1);
    rd_kafka_topic_partition_list_add(p->store, topic, partition);
    p->next = c->parts;
    c->parts = p;
    return c->last = p;
}

/* Drop revoked partitions whose tickets are all closed. */
static void parts_gc(ne_consumer_t *c)
{
    for (part_t **pp = &c->parts; *pp;) {
        part_t *p = *pp;
        if (p->revoked && p->count == 0) {
            *pp = p->next;
            if (c->last == p) c->last = NULL;
            part_free(p);
        } else {
            pp = &p->next;
        }
    }
}

/* Store the offset after the longest prefix of finished records. */
static void advance(ne_consumer_t *c, part_t *p)
{
    int64_t store = -1;
    while (p->count) {
        ne_ticket_t *t = p->q[p->head];
        if (t->refs > 0) break;
        if (t->failed) {
            /* never store past a record whose events were not delivered */
            c->failed = 1;
            break;
        }
        store = t->offset + 1;
        free(t);
        p->head = (p->head + 1) % p->cap;
        p->count--;
        c->in_flight--;
    }
    if (store >= 0 && !p->revoked) {
        p->store->elems[0].offset = store;
        rd_kafka_resp_err_t e = rd_kafka_offsets_store(c->rk, p->store);
        if (e) ne_debug("offset store %s[%d]@%lld: %s", p->topic, p->partition, (long long)store,
                        rd_kafka_err2str(e));
    }
}

ne_ticket_t *ne_ticket_open(ne_consumer_t *c, const rd_kafka_message_t *msg)
{
    part_t *p = part_find(c, rd_kafka_topic_name(msg->rkt), msg->partition, 1);
    if (!p) return NULL;
    if (p->count == p->cap) {
        size_t ncap = p->cap ? p->cap * 2 : 64;
        ne_ticket_t **nq = malloc(ncap * sizeof(*nq));
        if (!nq) return NULL;
        for (size_t i = 0; i < p->count; i++) nq[i] = p->q[(p->head + i) % p->cap];
        free(p->q);
        p->q = nq;
        p->head = 0;
        p->cap = ncap;
    }
    ne_ticket_t *t = calloc(1, sizeof(*t));
    if (!t) return NULL;
    t->part = p;
    t->c = c;
    t->offset = msg->offset;
    t->refs = 1;
    p->q[(p->head + p->count) % p->cap] = t;
    p->count++;
    c->in_flight++;
    return t;
}

int ne_ticket_revoked(const ne_ticket_t *t)
{
    return t->part->revoked;
}

void ne_ticket_hold(ne_ticket_t *t)
{
    t->refs++;
}

void ne_ticket_release(ne_ticket_t *t, int ok)
{
    if (!ok) t->failed = 1;
    if (--t->refs > 0) return;
    ne_consumer_t *c = t->c;
    part_t *p = t->part;
    if (p->q[p->head] == t || p->revoked) advance(c, p);
    if (p->revoked && p->count == 0) parts_gc(c);
}

int ne_consumer_commit(ne_consumer_t *c)
{
    rd_kafka_resp_err_t e = rd_kafka_commit(c->rk, NULL, 0);
    if (e && e != RD_KAFKA_RESP_ERR__NO_OFFSET) {
        ne_warn("commit: %s", rd_kafka_err2str(e));
        ne_metrics_error("commit");
        return -1;
    }
    return 0;
}

int64_t ne_now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

void ne_consumer_set_deadline(ne_consumer_t *c, int64_t deadline_ms)
{
    c->deadline_ms = deadline_ms;
}

/* A rebalance flushes for the flush timeout, and never past the shutdown
 * deadline: shutdown's own flush has already used its share of it. */
static int64_t flush_deadline(const ne_consumer_t *c)
{
    int64_t d = ne_now_ms() + c->flush_timeout_ms;
    return c->deadline_ms && c->deadline_ms < d ? c->deadline_ms : d;
}

static void log_parts(const char *what, const rd_kafka_topic_partition_list_t *parts)
{
    char buf[512];
    size_t n = 0;
    buf[0] = '\0';
    for (int i = 0; i < parts->cnt && n < sizeof(buf) - 64; i++)
        n += (size_t)snprintf(buf + n, sizeof(buf) - n, "%s%s[%d]", i ? " " : "",
                              parts->elems[i].topic, parts->elems[i].partition);
    ne_info("%s %d partition(s): %s", what, parts->cnt, buf);
}

static void rebalance_cb(rd_kafka_t *rk, rd_kafka_resp_err_t err,
                         rd_kafka_topic_partition_list_t *parts, void *opaque)
{
    ne_consumer_t *c = opaque;
    /* NULL while the group terminates (librdkafka 2.8, in the close's last
     * revoke): then the protocol is the one the group had */
    const char *proto = rd_kafka_rebalance_protocol(rk);
    if (proto) c->coop = !strcmp(proto, "COOPERATIVE");
    int coop = c->coop;
    rd_kafka_error_t *e = NULL;
    if (err == RD_KAFKA_RESP_ERR__ASSIGN_PARTITIONS) {
        log_parts("assigned", parts);
        ne_metrics_assigned(parts->cnt);
        if (coop) e = rd_kafka_incremental_assign(rk, parts);
        else rd_kafka_assign(rk, parts);
    } else {
        log_parts("revoking", parts);
        ne_metrics_assigned(-parts->cnt);
        if (c->on_revoke) c->on_revoke(c->on_revoke_arg);
        /* finish what was read from these partitions, then commit it (in
         * exactly-once mode the transaction already did, or was aborted) */
        if (c->mode == NE_CONS_AT_LEAST_ONCE) {
            ne_producer_flush(c->producer, flush_deadline(c));
            if (!rd_kafka_assignment_lost(rk)) ne_consumer_commit(c);
        }
        for (int i = 0; i < parts->cnt; i++) {
            part_t *p = part_find(c, parts->elems[i].topic, parts->elems[i].partition, 0);
            if (p) {
                p->revoked = 1;
                if (p->count)
                    ne_warn("%s[%d]: %zu record(s) not acknowledged before the rebalance; "
                            "the next owner will process them again",
                            p->topic, p->partition, p->count);
            }
        }
        c->last = NULL;
        parts_gc(c);
        if (coop) e = rd_kafka_incremental_unassign(rk, parts);
        else rd_kafka_assign(rk, NULL);
    }
    if (e) {
        ne_err("rebalance: %s", rd_kafka_error_string(e));
        rd_kafka_error_destroy(e);
    }
}

static int stats_cb(rd_kafka_t *rk, char *json, size_t len, void *opaque)
{
    (void)rk;
    (void)opaque;
    ne_metrics_stats(json, len);
    return 0; /* librdkafka frees json */
}

void ne_consumer_set_producer(ne_consumer_t *c, rd_kafka_t *producer)
{
    c->producer = producer;
}

void ne_consumer_on_revoke(ne_consumer_t *c, void (*fn)(void *), void *arg)
{
    c->on_revoke = fn;
    c->on_revoke_arg = arg;
}

ne_consumer_t *ne_consumer_new(const ne_conf_t *conf, rd_kafka_t *producer, ne_cons_mode_t mode,
                               char *err, size_t errsz)
{
    ne_consumer_t *c = calloc(1, sizeof(*c));
    if (!c) {
        snprintf(err, errsz, "out of memory");
        return NULL;
    }
    c->producer = producer;
    c->mode = mode;
    c->flush_timeout_ms = conf->flush_timeout_ms;
    char stats[32];
    /* statistics feed the lag gauges and the status line's lag */
    int want_stats = mode != NE_CONS_REPLAY && (conf->metrics_port || conf->status_interval_s);
    snprintf(stats, sizeof(stats), "%d", want_stats ? conf->stats_interval_ms : 0);
    const char *group = conf->group;
    char replay_group[256];
    if (mode == NE_CONS_REPLAY && !group) {
        /* librdkafka wants a group id even when offsets are never committed */
        snprintf(replay_group, sizeof(replay_group), "newsevents-replay-%d", (int)getpid());
        group = replay_group;
    }
    const ne_kafka_prop_t base[] = {
        {"bootstrap.servers", conf->brokers},
        {"group.id", group},
        {"client.id", conf->client_id ? conf->client_id : "newsevents"},
        {"enable.auto.commit", mode == NE_CONS_AT_LEAST_ONCE ? "true" : "false"},
        {"auto.commit.interval.ms", "1000"},
        {"enable.auto.offset.store", "false"},
        {"auto.offset.reset", "earliest"},
        {"partition.assignment.strategy", "cooperative-sticky"},
        {"enable.partition.eof", mode == NE_CONS_REPLAY ? "true" : "false"},
        /* never read a transaction that was aborted, ours or anyone's */
        {"isolation.level", "read_committed"},
        {"statistics.interval.ms", stats},
    };
    rd_kafka_conf_t *kc = ne_kafka_conf(base, sizeof(base) / sizeof(base[0]), conf, NE_SCOPE_CONSUMER,
                                        err, errsz);
    if (!kc) goto fail;
    rd_kafka_conf_set_opaque(kc, c);
    rd_kafka_conf_set_rebalance_cb(kc, rebalance_cb);
    if (want_stats) rd_kafka_conf_set_stats_cb(kc, stats_cb);
    c->rk = ne_kafka_new(RD_KAFKA_CONSUMER, kc, err, errsz);
    if (!c->rk) goto fail;
    rd_kafka_poll_set_consumer(c->rk);
    if (mode == NE_CONS_REPLAY) return c;
    rd_kafka_topic_partition_list_t *topics = rd_kafka_topic_partition_list_new((int)conf->ntopics);
    for (size_t i = 0; i < conf->ntopics; i++)
        rd_kafka_topic_partition_list_add(topics, conf->topics[i], RD_KAFKA_PARTITION_UA);
    rd_kafka_resp_err_t se = rd_kafka_subscribe(c->rk, topics);
    rd_kafka_topic_partition_list_destroy(topics);
    if (se) {
        snprintf(err, errsz, "subscribing: %s", rd_kafka_err2str(se));
        goto fail;
    }
    return c;
fail:
    if (c->rk) rd_kafka_destroy(c->rk);
    free(c);
    return NULL;
}

void ne_consumer_destroy(ne_consumer_t *c)
{
    if (!c) return;
    /* the revoke first (it flushes and commits), within the shutdown's
     * deadline and a few seconds */
    if (c->mode != NE_CONS_REPLAY) {
        int64_t until = ne_now_ms() + NE_LEAVE_GROUP_MS;
        ne_kafka_leave_group(c->rk, c->deadline_ms && c->deadline_ms < until ? c->deadline_ms : until);
    }
    /* commits stored offsets (at-least-once), leaves the group (revoking
     * through the callback if the leave ran out of time) */
    rd_kafka_resp_err_t e = rd_kafka_consumer_close(c->rk);
    if (e) ne_warn("closing the consumer: %s", rd_kafka_err2str(e));
    /* partitions whose records were never all acknowledged (a failed
     * delivery) are still here: free them, and the partition references
     * their offset-store lists hold, before the client */
    for (part_t *p = c->parts, *n; p; p = n) {
        n = p->next;
        for (size_t i = 0; i < p->count; i++) free(p->q[(p->head + i) % p->cap]);
        part_free(p);
    }
    c->parts = c->last = NULL;
    rd_kafka_destroy(c->rk);
    free(c);
}
