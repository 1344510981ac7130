/*
 * service.c - the poll loop of `newsevents run`.
 *
 * One thread: poll a record, decode it, code it, produce its events (or a
 * dead letter), serve delivery reports, repeat. Offsets advance only
 * through delivery reports (consumer.c), so a crash anywhere in this loop
 * repeats work and never loses it. On SIGINT/SIGTERM the loop stops
 * reading, flushes the producer, commits, and leaves the group.
 */
#include <inttypes.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "consumer.h"
#include "log.h"
#include "producer.h"
#include "service.h"

static volatile sig_atomic_t g_run = 1;

static void on_signal(int sig)
{
    (void)sig;
    g_run = 0;
}

const char *ne_service_rdkafka_version(void)
{
    return rd_kafka_version_str();
}

int ne_service_check_conf(ne_conf_t *c, char *err, size_t errsz)
{
    if (!c->brokers) return snprintf(err, errsz, "no brokers (-b)"), -1;
    if (!c->ntopics) return snprintf(err, errsz, "no input topic (-i)"), -1;
    if (!c->out_topic) return snprintf(err, errsz, "no output topic (-o)"), -1;
    if (!c->group) return snprintf(err, errsz, "no consumer group (-g)"), -1;
    if (!c->dlq_topic) {
        size_t n = strlen(c->out_topic) + 5;
        if (!(c->dlq_topic = malloc(n))) return snprintf(err, errsz, "out of memory"), -1;
        snprintf(c->dlq_topic, n, "%s.dlq", c->out_topic);
    }
    for (size_t i = 0; i < c->ntopics; i++)
        if (!strcmp(c->topics[i], c->out_topic) || !strcmp(c->topics[i], c->dlq_topic))
            return snprintf(err, errsz, "topic %s is both input and output", c->topics[i]), -1;
    return 0;
}

/* A key usable as an article id: printable ASCII (anything else would need
 * escaping rules of its own; the record position is always valid). */
static char *key_as_id(const rd_kafka_message_t *m)
{
    if (!m->key || !m->key_len || m->key_len > 512) return NULL;
    const unsigned char *k = m->key;
    for (size_t i = 0; i < m->key_len; i++)
        if (k[i] < 0x20 || k[i] >= 0x7f) return NULL;
    char *s = malloc(m->key_len + 1);
    if (!s) return NULL;
    memcpy(s, m->key, m->key_len);
    s[m->key_len] = '\0';
    return s;
}

typedef struct stats_s {
    long records, articles, events, dead;
} stats_t;

static void process(const ne_conf_t *conf, const ne_coder_t *coder, ne_events_t *ev,
                    ne_consumer_t *cons, rd_kafka_t *prod, const rd_kafka_message_t *m,
                    stats_t *st)
{
    char err[512];
    ne_ticket_t *t = ne_ticket_open(cons, m);
    if (!t) {
        ne_err("out of memory tracking a record");
        g_run = 0;
        return;
    }
    st->records++;
    ne_limits_t lim = {conf->max_record_bytes};
    ne_article_t art;
    ne_reason_t r = m->payload ? ne_article_decode(m->payload, m->len, &lim, &art, err, sizeof(err))
                               : (snprintf(err, sizeof(err), "the record has no value"), NE_R_INVALID_JSON);
    const char *topic = rd_kafka_topic_name(m->rkt);
    if (r == NE_OK) {
        if (!art.id && !(art.id = key_as_id(m))) {
            char id[300];
            snprintf(id, sizeof(id), "%s/%" PRId32 "/%" PRId64, topic, m->partition, m->offset);
            art.id = strdup(id);
        }
        if (!art.published_ymd) {
            /* the record's timestamp stands in for a missing date */
            rd_kafka_timestamp_type_t tt;
            int64_t ts = rd_kafka_message_timestamp(m, &tt);
            if (ts > 0) {
                time_t secs = (time_t)(ts / 1000);
                struct tm tm;
                gmtime_r(&secs, &tm);
                art.published_ymd = (tm.tm_year + 1900) * 10000 + (tm.tm_mon + 1) * 100 + tm.tm_mday;
            }
        }
        if (!art.id || ne_coder_code(coder, &art, ev, err, sizeof(err)) < 0) {
            r = NE_R_CODER_ERROR;
        } else {
            st->articles++;
            ne_source_t src = {topic, m->partition, m->offset};
            for (size_t i = 0; i < ne_events_count(ev); i++) {
                const ne_event_t *e = ne_events_get(ev, i);
                size_t n;
                char *js = ne_event_to_json(e, &art, &n);
                if (!js || ne_producer_event(prod, conf->out_topic, e, js, n, &src, t, err,
                                             sizeof(err)) < 0) {
                    ne_err("%s", js ? err : "out of memory encoding an event");
                    g_run = 0;
                    break;
                }
                st->events++;
            }
        }
        ne_article_clear(&art);
    }
    if (r != NE_OK) {
        st->dead++;
        ne_warn("%s[%" PRId32 "]@%" PRId64 ": dead letter: %s: %s", topic, m->partition,
                m->offset, ne_reason_name(r), err);
        char perr[512];
        if (ne_producer_dead_letter(prod, conf->dlq_topic, m, r, err, t, perr, sizeof(perr)) < 0) {
            ne_err("%s", perr);
            g_run = 0;
        }
    }
    ne_ticket_release(t, 1);
}

int ne_service_run(const ne_conf_t *conf, const ne_coder_t *coder)
{
    char err[512];
    int rc = 0;
    struct sigaction sa;
    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = on_signal;
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);

    rd_kafka_t *prod = ne_producer_new(conf, err, sizeof(err));
    if (!prod) {
        ne_err("%s", err);
        return 1;
    }
    ne_consumer_t *cons = ne_consumer_new(conf, prod, err, sizeof(err));
    if (!cons) {
        ne_err("%s", err);
        rd_kafka_destroy(prod);
        return 1;
    }
    ne_events_t *ev = ne_events_new();
    if (!ev) {
        ne_err("out of memory");
        ne_consumer_destroy(cons);
        rd_kafka_destroy(prod);
        return 1;
    }
    ne_info("newsevents %s: %zu input topic(s) -> %s (dead letters: %s), group %s", NE_VERSION,
            conf->ntopics, conf->out_topic, conf->dlq_topic, conf->group);
    stats_t st = {0};
    rd_kafka_t *rk = ne_consumer_handle(cons);
    while (g_run) {
        rd_kafka_message_t *m = rd_kafka_consumer_poll(rk, 100);
        rd_kafka_poll(prod, 0);
        if (ne_consumer_failed(cons)) {
            ne_err("an event could not be delivered: stopping without committing past it");
            rc = 1;
            break;
        }
        if (!m) continue;
        if (m->err) {
            if (m->err != RD_KAFKA_RESP_ERR__PARTITION_EOF)
                ne_warn("consume: %s", rd_kafka_message_errstr(m));
            if (m->err == RD_KAFKA_RESP_ERR__FATAL) {
                rc = 1;
                g_run = 0;
            }
            rd_kafka_message_destroy(m);
            continue;
        }
        process(conf, coder, ev, cons, prod, m, &st);
        rd_kafka_message_destroy(m);
    }
    ne_info("stopping: flushing %ld record(s) in flight", ne_consumer_in_flight(cons));
    rd_kafka_resp_err_t fe = rd_kafka_flush(prod, conf->flush_timeout_ms);
    if (fe) {
        ne_err("flush: %s: %d message(s) not delivered; their offsets are not committed",
               rd_kafka_err2str(fe), rd_kafka_outq_len(prod));
        rc = 1;
    }
    if (ne_consumer_failed(cons)) rc = 1;
    ne_consumer_commit(cons);
    ne_consumer_destroy(cons);
    rd_kafka_destroy(prod);
    ne_events_destroy(ev);
    ne_info("stopped: %ld records, %ld articles, %ld events, %ld dead letters", st.records,
            st.articles, st.events, st.dead);
    return rc;
}
