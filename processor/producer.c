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

#include "log.h"
#include "metrics.h"
#include "producer.h"
#include "service.h"

int ne_kafka_conf_apply(rd_kafka_conf_t *kc, const ne_conf_t *conf, int scope, char *err,
                        size_t errsz)
{
    char e2[512];
    for (size_t i = 0; i < conf->nprops; i++) {
        const ne_prop_t *p = &conf->props[i];
        if (p->scope != NE_SCOPE_BOTH && p->scope != scope) continue;
        if (rd_kafka_conf_set(kc, p->key, p->val, e2, sizeof(e2)) != RD_KAFKA_CONF_OK) {
            /* the message names the property; never the value (it may be a secret) */
            snprintf(err, errsz, "librdkafka property %s: %s", p->key, e2);
            return -1;
        }
    }
    return 0;
}

/* the dead-letter topic, so that delivery reports count events only */
static char g_dlq[256];

void ne_kafka_log_cb(const rd_kafka_t *rk, int level, const char *fac, const char *buf)
{
    (void)rk;
    if (level <= 3) ne_err("librdkafka %s: %s", fac, buf);
    else if (level <= 5) ne_warn("librdkafka %s: %s", fac, buf);
    else ne_debug("librdkafka %s: %s", fac, buf);
}

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

static void error_cb(rd_kafka_t *rk, int err, const char *reason, void *opaque)
{
    (void)opaque;
    if (err == RD_KAFKA_RESP_ERR__FATAL) {
        char buf[512];
        rd_kafka_fatal_error(rk, buf, sizeof(buf));
        ne_err("producer fatal error: %s", buf);
        return;
    }
    if (err == RD_KAFKA_RESP_ERR__AUTHENTICATION || err == RD_KAFKA_RESP_ERR_SASL_AUTHENTICATION_FAILED ||
        err == RD_KAFKA_RESP_ERR_TOPIC_AUTHORIZATION_FAILED ||
        err == RD_KAFKA_RESP_ERR_CLUSTER_AUTHORIZATION_FAILED) {
        ne_err("producer: %s: %s: stopping", rd_kafka_err2name((rd_kafka_resp_err_t)err), reason);
        ne_service_fail();
        return;
    }
    ne_warn("producer: %s: %s", rd_kafka_err2name((rd_kafka_resp_err_t)err), reason);
}

rd_kafka_t *ne_producer_new(const ne_conf_t *conf, const char *txid, char *err, size_t errsz)
{
    snprintf(g_dlq, sizeof(g_dlq), "%s", conf->dlq_topic ? conf->dlq_topic : "");
    char maxbytes[32];
    size_t mb = conf->max_record_bytes + (64 << 10);
    if (mb < 1000000) mb = 1000000;
    snprintf(maxbytes, sizeof(maxbytes), "%zu", mb);
    rd_kafka_conf_t *kc = rd_kafka_conf_new();
    char e2[512];
    struct { const char *k, *v; } base[] = {
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
    for (size_t i = 0; i < sizeof(base) / sizeof(base[0]); i++)
        if (base[i].v && rd_kafka_conf_set(kc, base[i].k, base[i].v, e2, sizeof(e2)) != RD_KAFKA_CONF_OK) {
            snprintf(err, errsz, "%s: %s", base[i].k, e2);
            rd_kafka_conf_destroy(kc);
            return NULL;
        }
    if (ne_kafka_conf_apply(kc, conf, NE_SCOPE_PRODUCER, err, errsz) < 0) {
        rd_kafka_conf_destroy(kc);
        return NULL;
    }
    rd_kafka_conf_set_dr_msg_cb(kc, dr_cb);
    rd_kafka_conf_set_error_cb(kc, error_cb);
    rd_kafka_conf_set_log_cb(kc, ne_kafka_log_cb);
    rd_kafka_t *rk = rd_kafka_new(RD_KAFKA_PRODUCER, kc, e2, sizeof(e2));
    if (!rk) {
        snprintf(err, errsz, "creating the producer: %s", e2);
        return NULL;
    }
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
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    struct tm tm;
    gmtime_r(&ts.tv_sec, &tm);
    snprintf(when, sizeof(when), "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900,
             tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, (int)(ts.tv_nsec / 1000000));
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
