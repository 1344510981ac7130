/*
 * producer.c - event records and dead letters to Kafka.
 *
 * The producer is idempotent (no duplicates or reordering from its own
 * retries). Each request carries the ticket of the record it came from;
 * the delivery report closes it, which lets the consumer store offsets.
 * A request that librdkafka gives up on (after message.timeout.ms) fails
 * the ticket: the service then stops without committing past it.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "kafka.h"
#include "log.h"
#include "metrics.h"
#include "producer.h"

/* the dead-letter topic, so that delivery reports count events only */
static char g_dlq[256];

static void dr_cb(rd_kafka_t *rk, const rd_kafka_message_t *m, void *opaque)
{
    (void)rk;
    (void)opaque;
    ne_ticket_t *t = m->_private;
    if (m->err) {
        ne_err("delivery to %s failed: %s", rd_kafka_topic_name(m->rkt), rd_kafka_err2str(m->err));
        ne_metrics_error("delivery");
    } else if (strcmp(rd_kafka_topic_name(m->rkt), g_dlq) != 0) {
        ne_metrics_events_out(1);
    }
    if (t) ne_ticket_release(t, m->err == 0);
}

rd_kafka_t *ne_producer_new(const ne_conf_t *conf, const char *txid, char *err, size_t errsz)
{
    snprintf(g_dlq, sizeof(g_dlq), "%s", conf->dlq_topic ? conf->dlq_topic : "");
    char maxbytes[32];
    size_t mb = conf->max_record_bytes + (64 << 10);
    if (mb < 1000000) mb = 1000000;
    snprintf(maxbytes, sizeof(maxbytes), "%zu", mb);
    const ne_kafka_prop_t base[] = {
        {"bootstrap.servers", conf->brokers},
        {"client.id", conf->client_id ? conf->client_id : "newsevents"},
        {"enable.idempotence", "true"},
        {"linger.ms", "5"},
        {"compression.type", "lz4"},
        /* a dead letter carries the whole record up to the record limit */
        {"message.max.bytes", maxbytes},
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

/* Queue a message, waiting for room when the local queue is full. */
static rd_kafka_resp_err_t produce(rd_kafka_t *p, const char *topic, const void *key,
                                   size_t klen, void *val, size_t vlen, int flags,
                                   rd_kafka_headers_t *hdrs, ne_ticket_t *t)
{
    for (;;) {
        rd_kafka_resp_err_t e = rd_kafka_producev(
            p, RD_KAFKA_V_TOPIC(topic), RD_KAFKA_V_KEY(key, klen), RD_KAFKA_V_VALUE(val, vlen),
            RD_KAFKA_V_MSGFLAGS(flags), RD_KAFKA_V_HEADERS(hdrs), RD_KAFKA_V_OPAQUE(t),
            RD_KAFKA_V_END);
        if (e != RD_KAFKA_RESP_ERR__QUEUE_FULL) return e;
        rd_kafka_poll(p, 100);
    }
}

static void add_source_headers(rd_kafka_headers_t *h, const char *topic, int32_t partition,
                               int64_t offset)
{
    char num[32];
    rd_kafka_header_add(h, "ne_source_topic", -1, topic, -1);
    snprintf(num, sizeof(num), "%" PRId32, partition);
    rd_kafka_header_add(h, "ne_source_partition", -1, num, -1);
    snprintf(num, sizeof(num), "%" PRId64, offset);
    rd_kafka_header_add(h, "ne_source_offset", -1, num, -1);
}

int ne_producer_event(rd_kafka_t *p, const char *topic, const char *event_id, char *json,
                      size_t len, const ne_source_t *src, const char *ce_source, ne_ticket_t *t,
                      char *err, size_t errsz)
{
    rd_kafka_headers_t *h = rd_kafka_headers_new(12);
    add_source_headers(h, src->topic, src->partition, src->offset);
    rd_kafka_header_add(h, "ne_schema_version", -1, NE_EVENT_SCHEMA_VERSION, -1);
    /* CloudEvents Kafka protocol binding, binary content mode */
    char source[300], when[64];
    if (!ce_source) snprintf(source, sizeof(source), "newsevents/%s", src->topic);
    ne_log_time_now(when);
    rd_kafka_header_add(h, "ce_specversion", -1, "1.0", -1);
    rd_kafka_header_add(h, "ce_id", -1, event_id, -1);
    rd_kafka_header_add(h, "ce_source", -1, ce_source ? ce_source : source, -1);
    rd_kafka_header_add(h, "ce_type", -1, NE_CE_TYPE, -1);
    rd_kafka_header_add(h, "ce_time", -1, when, -1);
    rd_kafka_header_add(h, "ce_dataschema", -1, NE_EVENT_SCHEMA_ID, -1);
    rd_kafka_header_add(h, "content-type", -1, "application/json", -1);
    if (t) ne_ticket_hold(t);
    /* RD_KAFKA_MSG_F_FREE: librdkafka owns json from here on success */
    rd_kafka_resp_err_t e = produce(p, topic, event_id, strlen(event_id), json, len,
                                    RD_KAFKA_MSG_F_FREE, h, t);
    if (e) {
        rd_kafka_headers_destroy(h);
        free(json);
        if (t) ne_ticket_release(t, 0);
        snprintf(err, errsz, "producing to %s: %s", topic, rd_kafka_err2str(e));
        return -1;
    }
    return 0;
}

int ne_producer_dead_letter(rd_kafka_t *p, const char *topic, const rd_kafka_message_t *msg,
                            ne_reason_t reason, const char *message, ne_ticket_t *t,
                            char *err, size_t errsz)
{
    rd_kafka_headers_t *orig = NULL, *h;
    if (rd_kafka_message_headers(msg, &orig) == RD_KAFKA_RESP_ERR_NO_ERROR && orig)
        h = rd_kafka_headers_copy(orig);
    else
        h = rd_kafka_headers_new(8);
    rd_kafka_header_add(h, "ne_reason", -1, ne_reason_name(reason), -1);
    rd_kafka_header_add(h, "ne_error", -1, message, -1);
    add_source_headers(h, rd_kafka_topic_name(msg->rkt), msg->partition, msg->offset);
    rd_kafka_timestamp_type_t tt;
    int64_t ts = rd_kafka_message_timestamp(msg, &tt);
    if (ts >= 0) {
        char num[32];
        snprintf(num, sizeof(num), "%" PRId64, ts);
        rd_kafka_header_add(h, "ne_source_timestamp", -1, num, -1);
    }
    size_t len = msg->len;
    if (reason == NE_R_TOO_LARGE && len > NE_DLQ_TRUNCATE) {
        /* a record over the limit is not copied whole (the dead-letter topic
         * may refuse it, and the original stays in its topic at the
         * position the headers give): its first bytes and its size */
        char num[32];
        snprintf(num, sizeof(num), "%zu", msg->len);
        rd_kafka_header_add(h, "ne_truncated", -1, num, -1);
        len = NE_DLQ_TRUNCATE;
    }
    if (t) ne_ticket_hold(t);
    /* RD_KAFKA_MSG_F_COPY: the consumed message is freed right after */
    rd_kafka_resp_err_t e = produce(p, topic, msg->key, msg->key_len, msg->payload, len,
                                    RD_KAFKA_MSG_F_COPY, h, t);
    if (e) {
        rd_kafka_headers_destroy(h);
        if (t) ne_ticket_release(t, 0);
        snprintf(err, errsz, "producing to %s: %s", topic, rd_kafka_err2str(e));
        return -1;
    }
    return 0;
}

int ne_producer_job(rd_kafka_t *p, const ne_conf_t *conf, ne_job_t *j, ne_ticket_t *t,
                    ne_counts_t *counts)
{
    char err[512];
    const rd_kafka_message_t *m = j->msg;
    const char *topic = rd_kafka_topic_name(m->rkt);
    if (j->reason == NE_OK) {
        counts->articles++;
        ne_source_t src = {topic, m->partition, m->offset};
        for (size_t i = 0; i < j->nev; i++) {
            char *js = j->ev[i].json;
            j->ev[i].json = NULL; /* handed over, whatever happens */
            if (ne_producer_event(p, conf->out_topic, j->ev[i].id, js, j->ev[i].len, &src,
                                  conf->ce_source, t, err, sizeof(err)) < 0) {
                ne_err("%s", err);
                ne_metrics_error("produce");
                return -1;
            }
            counts->events++;
        }
        return 0;
    }
    counts->dead++;
    ne_metrics_dead_letter(j->reason);
    ne_warn("%s[%" PRId32 "]@%" PRId64 ": dead letter: %s: %s", topic, m->partition, m->offset,
            ne_reason_name(j->reason), j->err);
    if (ne_producer_dead_letter(p, conf->dlq_topic, m, j->reason, j->err, t, err, sizeof(err)) < 0) {
        ne_err("%s", err);
        ne_metrics_error("produce");
        return -1;
    }
    return 0;
}
