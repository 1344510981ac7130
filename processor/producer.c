/*
 * producer.c - event records and dead letters to Kafka.
 *
 * The producer is idempotent (no duplicates or reordering from its own
 * retries). Each request carries the ticket of the record it came from;
 * the delivery report closes it, which lets the consumer store offsets.
 * A request that librdkafka gives up on (after message.timeout.ms) fails
 * the ticket: the service then stops without committing past it.
 *
 * A record bigger than its topic takes would be refused by the broker on
 * every retry and stall its partition for good, so the topics' limits are
 * read at start and anything bigger is cut first: a dead letter keeps its
 * first bytes (ne_truncated gives the original size), an event its
 * evidence window (workers.c).
 */
#include <inttypes.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "kafka.h"
#include "log.h"
#include "metrics.h"
#include "producer.h"
#include "service.h"

/* the dead-letter topic, so that delivery reports count events only */
static char g_dlq[256];
static size_t g_event_max, g_dlq_max; /* 0: no cut */
static atomic_long g_failed;
static atomic_int g_permanent;

/* Kafka's default message.max.bytes, for topics whose limit cannot be read */
#define BROKER_DEFAULT_MAX_BYTES 1048588

int ne_producer_is_permanent(rd_kafka_resp_err_t e)
{
    switch (e) {
    case RD_KAFKA_RESP_ERR_MSG_SIZE_TOO_LARGE:
    case RD_KAFKA_RESP_ERR_INVALID_MSG_SIZE:
    case RD_KAFKA_RESP_ERR_RECORD_LIST_TOO_LARGE:
    case RD_KAFKA_RESP_ERR_INVALID_RECORD:
    case RD_KAFKA_RESP_ERR_TOPIC_AUTHORIZATION_FAILED:
    case RD_KAFKA_RESP_ERR_CLUSTER_AUTHORIZATION_FAILED:
    case RD_KAFKA_RESP_ERR_TRANSACTIONAL_ID_AUTHORIZATION_FAILED:
    case RD_KAFKA_RESP_ERR__UNKNOWN_TOPIC:
    case RD_KAFKA_RESP_ERR__UNKNOWN_PARTITION:
    case RD_KAFKA_RESP_ERR_UNKNOWN_TOPIC_OR_PART:
        return 1;
    default:
        return 0;
    }
}

static void note_failure(rd_kafka_resp_err_t e)
{
    atomic_fetch_add(&g_failed, 1);
    int none = 0;
    if (ne_producer_is_permanent(e)) atomic_compare_exchange_strong(&g_permanent, &none, (int)e);
}

long ne_producer_failed_deliveries(void)
{
    return atomic_load(&g_failed);
}

rd_kafka_resp_err_t ne_producer_permanent_error(void)
{
    return (rd_kafka_resp_err_t)atomic_load(&g_permanent);
}

size_t ne_producer_event_max(void)
{
    return g_event_max;
}

static void dr_cb(rd_kafka_t *rk, const rd_kafka_message_t *m, void *opaque)
{
    (void)opaque;
    ne_ticket_t *t = m->_private;
    if (m->err == RD_KAFKA_RESP_ERR__PURGE_QUEUE) {
        /* an aborted transaction's records: the batch is done again */
        ne_debug("delivery to %s purged by an abort", rd_kafka_topic_name(m->rkt));
    } else if (m->err) {
        ne_err("delivery to %s failed: %s", rd_kafka_topic_name(m->rkt), rd_kafka_err2str(m->err));
        ne_metrics_error("delivery");
        note_failure(m->err);
    } else {
        ne_kafka_up(rk);
        if (strcmp(rd_kafka_topic_name(m->rkt), g_dlq) != 0) ne_metrics_events_out(1);
    }
    if (t) ne_ticket_release(t, m->err == 0);
}

/* The topics' max.message.bytes (the broker default when a topic sets
 * none), through the admin API, in one request. A value that cannot be
 * read is left 0. */
static void topics_max_bytes(rd_kafka_t *rk, const char *const *names, size_t **dst, int n)
{
    rd_kafka_ConfigResource_t *res[2];
    for (int i = 0; i < n; i++) res[i] = rd_kafka_ConfigResource_new(RD_KAFKA_RESOURCE_TOPIC, names[i]);
    rd_kafka_queue_t *q = rd_kafka_queue_new(rk);
    rd_kafka_DescribeConfigs(rk, res, (size_t)n, NULL, q);
    rd_kafka_event_t *ev = rd_kafka_queue_poll(q, 5000);
    if (ev && !rd_kafka_event_error(ev)) {
        size_t nres = 0;
        const rd_kafka_ConfigResource_t **rs =
            rd_kafka_DescribeConfigs_result_resources(rd_kafka_event_DescribeConfigs_result(ev), &nres);
        for (size_t r = 0; r < nres; r++) {
            size_t nc = 0;
            const rd_kafka_ConfigEntry_t **ce =
                rd_kafka_ConfigResource_error(rs[r]) ? NULL : rd_kafka_ConfigResource_configs(rs[r], &nc);
            for (int i = 0; i < n; i++) {
                if (strcmp(rd_kafka_ConfigResource_name(rs[r]), names[i])) continue;
                for (size_t k = 0; k < nc; k++) {
                    const char *val = rd_kafka_ConfigEntry_value(ce[k]);
                    if (!strcmp(rd_kafka_ConfigEntry_name(ce[k]), "max.message.bytes") && val)
                        *dst[i] = (size_t)strtoull(val, NULL, 10);
                }
            }
        }
    }
    if (ev) rd_kafka_event_destroy(ev);
    rd_kafka_queue_destroy(q);
    for (int i = 0; i < n; i++) rd_kafka_ConfigResource_destroy(res[i]);
}

/* Does a topic exist? 0 yes, -1 with err. A second at a time, serving the
 * error callback in between: wrong credentials end the wait at once
 * instead of after the timeout. */
static int topic_exists(rd_kafka_t *rk, const char *what, const char *name, char *err, size_t errsz)
{
    rd_kafka_topic_t *t = rd_kafka_topic_new(rk, name, NULL);
    const struct rd_kafka_metadata *md = NULL;
    rd_kafka_resp_err_t e = RD_KAFKA_RESP_ERR__TIMED_OUT;
    for (int k = 0; k < 15 && e == RD_KAFKA_RESP_ERR__TIMED_OUT && !ne_service_failed(); k++) {
        e = rd_kafka_metadata(rk, 0, t, &md, 1000);
        rd_kafka_poll(rk, 0);
    }
    rd_kafka_topic_destroy(t);
    if (ne_service_failed()) {
        if (md) rd_kafka_metadata_destroy(md);
        return snprintf(err, errsz, "cannot use the brokers (see the error above)"), -1;
    }
    if (e)
        return snprintf(err, errsz, "cannot reach the brokers to check topic %s: %s", name,
                        rd_kafka_err2str(e)), -1;
    rd_kafka_resp_err_t te = md->topic_cnt ? md->topics[0].err : RD_KAFKA_RESP_ERR_UNKNOWN_TOPIC_OR_PART;
    rd_kafka_metadata_destroy(md);
    if (!te || te == RD_KAFKA_RESP_ERR_LEADER_NOT_AVAILABLE) return 0; /* (being created) */
    snprintf(err, errsz, "%s topic %s: %s", what, name,
             te == RD_KAFKA_RESP_ERR_UNKNOWN_TOPIC_OR_PART ? "does not exist (create it first)"
                                                           : rd_kafka_err2str(te));
    return -1;
}

/* Partitions of a topic from a metadata answer, or 0. */
static int partition_count(rd_kafka_t *rk, const char *topic)
{
    rd_kafka_topic_t *t = rd_kafka_topic_new(rk, topic, NULL);
    const struct rd_kafka_metadata *md = NULL;
    int n = 0;
    if (rd_kafka_metadata(rk, 0, t, &md, 10000) == 0 && md->topic_cnt == 1 && !md->topics[0].err)
        n = md->topics[0].partition_cnt;
    if (md) rd_kafka_metadata_destroy(md);
    rd_kafka_topic_destroy(t);
    return n;
}

/* A short-lived client for the admin calls at start, with the user's
 * producer properties (security) and the error callback (wrong
 * credentials end the start at once). */
static rd_kafka_t *admin_client(const ne_conf_t *conf, char *err, size_t errsz)
{
    const ne_kafka_prop_t base[] = {
        {"bootstrap.servers", conf->brokers},
        {"client.id", conf->client_id ? conf->client_id : "newsevents"},
    };
    rd_kafka_conf_t *kc = ne_kafka_conf(base, 2, conf, NE_SCOPE_PRODUCER, err, errsz);
    return kc ? ne_kafka_new(RD_KAFKA_PRODUCER, kc, err, errsz) : NULL;
}

int ne_producer_create_topics(const ne_conf_t *conf, char *err, size_t errsz)
{
    rd_kafka_t *rk = admin_client(conf, err, errsz);
    if (!rk) return -1;
    /* as many partitions as the first input topic, unless told */
    int parts = conf->partitions ? conf->partitions : partition_count(rk, conf->topics[0]);
    if (parts <= 0) parts = 1;
    const char *names[] = {conf->out_topic, conf->dlq_topic};
    rd_kafka_NewTopic_t *nt[2];
    int rc = 0;
    for (int i = 0; i < 2; i++)
        if (!(nt[i] = rd_kafka_NewTopic_new(names[i], parts, conf->replication_factor, err, errsz))) rc = -1;
    rd_kafka_queue_t *q = rd_kafka_queue_new(rk);
    if (rc == 0) rd_kafka_CreateTopics(rk, nt, 2, NULL, q);
    rd_kafka_event_t *ev = rc == 0 ? rd_kafka_queue_poll(q, 30000) : NULL;
    if (rc == 0 && !ev) rc = -1, snprintf(err, errsz, "creating topics: no answer in 30 s");
    else if (ev && rd_kafka_event_error(ev)) {
        rc = -1;
        snprintf(err, errsz, "creating topics: %s", rd_kafka_event_error_string(ev));
    } else if (ev) {
        size_t n = 0;
        const rd_kafka_topic_result_t **tr =
            rd_kafka_CreateTopics_result_topics(rd_kafka_event_CreateTopics_result(ev), &n);
        for (size_t i = 0; i < n && rc == 0; i++) {
            rd_kafka_resp_err_t e = rd_kafka_topic_result_error(tr[i]);
            if (e == RD_KAFKA_RESP_ERR_TOPIC_ALREADY_EXISTS) continue;
            if (e) {
                rc = -1;
                snprintf(err, errsz, "creating topic %s: %s", rd_kafka_topic_result_name(tr[i]),
                         rd_kafka_topic_result_error_string(tr[i]));
            } else {
                ne_info("created topic %s (%d partition(s), replication factor %s)",
                        rd_kafka_topic_result_name(tr[i]), parts,
                        conf->replication_factor < 0 ? "the broker's default" : "as asked");
            }
        }
    }
    if (ev) rd_kafka_event_destroy(ev);
    rd_kafka_queue_destroy(q);
    for (int i = 0; i < 2; i++)
        if (nt[i]) rd_kafka_NewTopic_destroy(nt[i]);
    rd_kafka_destroy(rk);
    return rc;
}

int ne_producer_check_topics(const ne_conf_t *conf, ne_topic_limits_t *lim, char *err, size_t errsz)
{
    rd_kafka_t *rk = admin_client(conf, err, errsz);
    if (!rk) return -1;
    const char *what[] = {"output", "dead-letter"}, *names[] = {conf->out_topic, conf->dlq_topic};
    size_t *dst[] = {&lim->out_bytes, &lim->dlq_bytes};
    lim->out_bytes = lim->dlq_bytes = 0;
    int rc = 0;
    for (int i = 0; i < 2 && rc == 0; i++) rc = topic_exists(rk, what[i], names[i], err, errsz);
    if (rc == 0) topics_max_bytes(rk, names, dst, 2);
    for (int i = 0; i < 2 && rc == 0; i++)
        if (!*dst[i]) {
            ne_warn("%s topic %s: cannot read its max.message.bytes; assuming the broker default %d",
                    what[i], names[i], BROKER_DEFAULT_MAX_BYTES);
            *dst[i] = BROKER_DEFAULT_MAX_BYTES;
        }
    rd_kafka_destroy(rk);
    return rc;
}

/* What a record may weigh so that its batch fits a topic's limit: room for
 * the batch and record headers, and for lz4 making incompressible bytes a
 * little bigger. */
static size_t payload_room(size_t limit, size_t key_and_headers)
{
    size_t margin = 2048 + key_and_headers + limit / 128;
    return limit > margin ? limit - margin : 0;
}

rd_kafka_t *ne_producer_new(const ne_conf_t *conf, const char *txid, const ne_topic_limits_t *lim,
                            char *err, size_t errsz)
{
    snprintf(g_dlq, sizeof(g_dlq), "%s", conf->dlq_topic ? conf->dlq_topic : "");
    /* NEWSEVENTS_TEST_NO_CUT: the tests' way to send a record bigger than
     * its topic takes, to see how the service fails when it cannot deliver */
    int cut = !getenv("NEWSEVENTS_TEST_NO_CUT");
    g_event_max = cut && lim ? payload_room(lim->out_bytes, 1024 + strlen(conf->out_topic)) : 0;
    g_dlq_max = cut && lim ? lim->dlq_bytes : 0;
    char maxbytes[32], batch[32];
    size_t mb = conf->max_record_bytes + (64 << 10);
    if (mb < 1000000) mb = 1000000;
    snprintf(maxbytes, sizeof(maxbytes), "%zu", mb);
    /* a batch of small records must fit the smaller topic limit too */
    size_t bs = 1000000, small = lim ? (lim->out_bytes < lim->dlq_bytes ? lim->out_bytes : lim->dlq_bytes) : 0;
    if (small && payload_room(small, 0) < bs) bs = payload_room(small, 0);
    snprintf(batch, sizeof(batch), "%zu", bs ? bs : 1);
    const ne_kafka_prop_t base[] = {
        {"bootstrap.servers", conf->brokers},
        {"client.id", conf->client_id ? conf->client_id : "newsevents"},
        {"enable.idempotence", "true"},
        /* an article's events come in a burst, then the next article's
         * after its coding: 20 ms gathers several articles in one batch.
         * With librdkafka's 5 ms the batches were small, and the broker
         * (on the same cores in the benchmark) spent 3.7 CPU seconds on the
         * requests of 50 MB of articles instead of 2.2 (bench/service-speed.sh) */
        {"linger.ms", "20"},
        {"compression.type", "lz4"},
        /* a dead letter carries the whole record up to the record limit
         * (cut to its topic's limit before it is produced) */
        {"message.max.bytes", maxbytes},
        {"batch.size", batch},
        /* memory: what waits for the broker is bounded (default 1 GiB) */
        {"queue.buffering.max.kbytes", "131072"},
        /* a transaction must not outlive a message's delivery timeout */
        {"transaction.timeout.ms", txid ? "60000" : NULL},
        {"message.timeout.ms", txid ? "50000" : NULL},
        {"transactional.id", txid},
    };
    rd_kafka_conf_t *kc = ne_kafka_conf(base, sizeof(base) / sizeof(base[0]), conf, NE_SCOPE_PRODUCER,
                                        err, errsz);
    if (!kc) return NULL;
    rd_kafka_conf_set_dr_msg_cb(kc, dr_cb);
    rd_kafka_t *rk = ne_kafka_new(RD_KAFKA_PRODUCER, kc, err, errsz);
    if (!rk) return NULL;
    if (txid) {
        rd_kafka_error_t *e = rd_kafka_init_transactions(rk, 60000);
        if (e) {
            /* also fences a previous instance with this id (kill -9): its
             * open transaction is aborted here */
            snprintf(err, errsz, "initializing transactions (%s): %s", txid, rd_kafka_error_string(e));
            rd_kafka_error_destroy(e);
            rd_kafka_destroy(rk);
            return NULL;
        }
    }
    return rk;
}

int ne_producer_flush(rd_kafka_t *p, int64_t deadline_ms)
{
    for (;;) {
        int n = rd_kafka_outq_len(p);
        int64_t left = deadline_ms - ne_now_ms();
        if (n == 0 || left <= 0) return n;
        rd_kafka_flush(p, left < 100 ? (int)left : 100);
    }
}

/* The header values every event of one input record shares, formatted once
 * for all of them (formatting them per event was a third of the cost of
 * producing one). */
typedef struct src_hdrs_s {
    const char *topic;
    const char *ce_source; /* --ce-source, or "newsevents/<input topic>" in source */
    char partition[16], offset[24], source[300], when[64];
} src_hdrs_t;

static void src_hdrs_init(src_hdrs_t *s, const rd_kafka_message_t *src, const char *ce_source)
{
    s->topic = rd_kafka_topic_name(src->rkt);
    snprintf(s->partition, sizeof(s->partition), "%" PRId32, src->partition);
    snprintf(s->offset, sizeof(s->offset), "%" PRId64, src->offset);
    if (!ce_source) snprintf(s->source, sizeof(s->source), "newsevents/%s", s->topic);
    s->ce_source = ce_source ? ce_source : s->source;
    ne_log_time_now(s->when);
}

/* Where the output came from: the input record's topic, partition, offset */
static void add_source_headers(rd_kafka_headers_t *h, const src_hdrs_t *s)
{
    rd_kafka_header_add(h, "ne_source_topic", -1, s->topic, -1);
    rd_kafka_header_add(h, "ne_source_partition", -1, s->partition, -1);
    rd_kafka_header_add(h, "ne_source_offset", -1, s->offset, -1);
}

/* One event record keyed by its id (or its article's, --key article), with
 * source headers and the CloudEvents
 * Kafka binding headers (binary mode). On success librdkafka owns the JSON
 * (RD_KAFKA_MSG_F_FREE) and ev->json is cleared; on failure the job keeps it. */
static rd_kafka_resp_err_t produce_event(rd_kafka_t *p, const char *topic, ne_outev_t *ev,
                                         const char *key, const src_hdrs_t *src, ne_ticket_t *t)
{
    rd_kafka_headers_t *h = rd_kafka_headers_new(12);
    add_source_headers(h, src);
    rd_kafka_header_add(h, "ne_schema_version", -1, NE_EVENT_SCHEMA_VERSION, -1);
    rd_kafka_header_add(h, "ce_specversion", -1, "1.0", -1);
    rd_kafka_header_add(h, "ce_id", -1, ev->id, -1);
    rd_kafka_header_add(h, "ce_source", -1, src->ce_source, -1);
    rd_kafka_header_add(h, "ce_type", -1, NE_CE_TYPE, -1);
    rd_kafka_header_add(h, "ce_time", -1, src->when, -1);
    rd_kafka_header_add(h, "ce_dataschema", -1, NE_EVENT_SCHEMA_ID, -1);
    rd_kafka_header_add(h, "content-type", -1, "application/json", -1);
    if (t) ne_ticket_hold(t);
    rd_kafka_resp_err_t e = rd_kafka_producev(
        p, RD_KAFKA_V_TOPIC(topic), RD_KAFKA_V_KEY(key, strlen(key)),
        RD_KAFKA_V_VALUE(ev->json, ev->len), RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_FREE),
        RD_KAFKA_V_HEADERS(h), RD_KAFKA_V_OPAQUE(t), RD_KAFKA_V_END);
    if (e) {
        rd_kafka_headers_destroy(h);
        if (t) ne_ticket_release(t, e == RD_KAFKA_RESP_ERR__QUEUE_FULL);
        return e;
    }
    ev->json = NULL;
    return 0;
}

/* Bytes of all headers, for the room a record leaves its value. */
static size_t headers_size(const rd_kafka_headers_t *h)
{
    size_t n = 0, vlen;
    const char *name;
    const void *val;
    for (size_t i = 0; rd_kafka_header_get_all(h, i, &name, &val, &vlen) == 0; i++)
        n += strlen(name) + vlen + 8;
    return n;
}

/* A dead letter: the original key, value and headers, plus headers giving
 * the reason and the source position. The bytes are copied
 * (RD_KAFKA_MSG_F_COPY: the consumed message is freed right after). */
static rd_kafka_resp_err_t produce_dead_letter(rd_kafka_t *p, const char *topic,
                                               const rd_kafka_message_t *msg, ne_reason_t reason,
                                               const char *message, ne_ticket_t *t)
{
    rd_kafka_headers_t *orig = NULL, *h;
    if (rd_kafka_message_headers(msg, &orig) == RD_KAFKA_RESP_ERR_NO_ERROR && orig)
        h = rd_kafka_headers_copy(orig);
    else
        h = rd_kafka_headers_new(8);
    rd_kafka_header_add(h, "ne_reason", -1, ne_reason_name(reason), -1);
    rd_kafka_header_add(h, "ne_error", -1, message, -1);
    src_hdrs_t src;
    src_hdrs_init(&src, msg, NULL);
    add_source_headers(h, &src);
    rd_kafka_timestamp_type_t tt;
    int64_t ts = rd_kafka_message_timestamp(msg, &tt);
    if (ts >= 0) {
        char num[32];
        snprintf(num, sizeof(num), "%" PRId64, ts);
        rd_kafka_header_add(h, "ne_source_timestamp", -1, num, -1);
    }
    /* a record over the record limit is not copied whole (the original
     * stays in its topic at the position the headers give), nor is one
     * bigger than the dead-letter topic takes: its first bytes, and its size */
    size_t len = msg->len, room = len;
    if (reason == NE_R_TOO_LARGE && room > NE_DLQ_TRUNCATE) room = NE_DLQ_TRUNCATE;
    if (g_dlq_max) {
        size_t fit = payload_room(g_dlq_max, msg->key_len + headers_size(h) + 64);
        if (room > fit) room = fit;
    }
    if (room < len) {
        char num[32];
        snprintf(num, sizeof(num), "%zu", msg->len);
        rd_kafka_header_add(h, "ne_truncated", -1, num, -1);
        len = room;
    }
    if (t) ne_ticket_hold(t);
    rd_kafka_resp_err_t e = rd_kafka_producev(
        p, RD_KAFKA_V_TOPIC(topic), RD_KAFKA_V_KEY(msg->key, msg->key_len),
        RD_KAFKA_V_VALUE(msg->payload, len), RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY),
        RD_KAFKA_V_HEADERS(h), RD_KAFKA_V_OPAQUE(t), RD_KAFKA_V_END);
    if (e) {
        rd_kafka_headers_destroy(h);
        if (t) ne_ticket_release(t, e == RD_KAFKA_RESP_ERR__QUEUE_FULL);
    }
    return e;
}

int ne_producer_job(rd_kafka_t *p, const ne_conf_t *conf, ne_job_t *j, ne_ticket_t *t,
                    ne_counts_t *counts)
{
    const rd_kafka_message_t *m = j->msg;
    ne_log_rec_t rec = {.topic = rd_kafka_topic_name(m->rkt), .partition = m->partition, .offset = m->offset};
    if (j->skip) {
        /* nothing to produce: the offset goes on like any other */
        rec.reason = j->skip;
        ne_log_rec(NE_LOG_DEBUG, &rec, "%s[%" PRId32 "]@%" PRId64 ": skipped: %s", rec.topic,
                   m->partition, m->offset, j->err);
        ne_metrics_skipped(j->skip);
        counts->skipped_records++;
        return NE_PRODUCE_DONE;
    }
    rd_kafka_resp_err_t e = 0;
    const char *to = conf->out_topic;
    if (j->reason == NE_OK) {
        src_hdrs_t src;
        if (j->sent < j->nev) src_hdrs_init(&src, m, conf->ce_source);
        for (; j->sent < j->nev; j->sent++) {
            ne_outev_t *ev = &j->ev[j->sent];
            const char *key = conf->key_article && j->article_id ? j->article_id : ev->id;
            if ((e = produce_event(p, to, ev, key, &src, t))) break;
        }
    } else {
        to = conf->dlq_topic;
        e = produce_dead_letter(p, to, m, j->reason, j->err, t);
    }
    if (e == RD_KAFKA_RESP_ERR__QUEUE_FULL) return NE_PRODUCE_FULL;
    if (e) {
        ne_log_rec(NE_LOG_ERROR, &rec, "producing the output of %s[%" PRId32 "]@%" PRId64 " to %s: %s",
                   rec.topic, m->partition, m->offset, to, rd_kafka_err2str(e));
        ne_metrics_error("produce");
        note_failure(e);
        return NE_PRODUCE_FAILED;
    }
    if (j->reason == NE_OK) {
        counts->articles++;
        counts->events += (long)j->nev;
        return NE_PRODUCE_DONE;
    }
    counts->dead++;
    ne_metrics_dead_letter(j->reason);
    rec.reason = ne_reason_name(j->reason);
    ne_log_rec(NE_LOG_WARN, &rec, "%s[%" PRId32 "]@%" PRId64 ": dead letter: %s: %s", rec.topic,
               m->partition, m->offset, rec.reason, j->err);
    return NE_PRODUCE_DONE;
}

int ne_producer_job_wait(rd_kafka_t *p, const ne_conf_t *conf, ne_job_t *j, ne_ticket_t *t,
                         ne_counts_t *counts, void (*idle)(void *), void *arg)
{
    int r, waits = 0;
    while ((r = ne_producer_job(p, conf, j, t, counts)) == NE_PRODUCE_FULL) {
        if (!waits++) ne_debug("the producer's queue is full: waiting for the broker");
        if (ne_service_past_deadline()) {
            ne_err("stopping with the producer's queue still full: the output of %s[%" PRId32
                   "]@%" PRId64 " was not delivered", rd_kafka_topic_name(j->msg->rkt),
                   j->msg->partition, j->msg->offset);
            return NE_PRODUCE_FAILED;
        }
        rd_kafka_poll(p, 100);
        if (idle) idle(arg);
    }
    return r;
}
