/*
 * service.c - `newsevents run`: consumer -> workers -> producer.
 *
 * At-least-once (the default): records are handed to the worker pool as
 * they arrive; finished jobs leave the pool in consumption order and are
 * produced; each record's ticket is closed by the delivery reports, and
 * only then is its offset stored for the automatic commit. A crash anywhere
 * repeats work and never loses it.
 *
 * Exactly-once (--guarantee exactly-once): a batch of records is read,
 * then in one Kafka transaction its events and dead letters are produced
 * and the consumer offsets sent; the commit makes both visible at once.
 * An abortable error aborts the transaction and rewinds the partitions to
 * the batch's first offsets, so the batch is done again; a revocation
 * while a batch is being read drops the batch the same way.
 *
 * On SIGINT/SIGTERM the loop stops reading, finishes and produces what is
 * in flight, flushes, commits, and leaves the group.
 */
#include <inttypes.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "consumer.h"
#include "log.h"
#include "metrics.h"
#include "producer.h"
#include "service.h"
#include "workers.h"

static volatile sig_atomic_t g_run = 1;

static void on_signal(int sig)
{
    (void)sig;
    g_run = 0;
}

static volatile sig_atomic_t g_failed;

void ne_service_fail(void)
{
    g_failed = 1;
    g_run = 0;
}

int ne_service_failed(void)
{
    return g_failed;
}

int ne_service_running(void)
{
    return g_run;
}

void ne_service_signals(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = on_signal;
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
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
    if (!c->dlq_topic) {
        size_t n = strlen(c->out_topic) + 5;
        if (!(c->dlq_topic = malloc(n))) return snprintf(err, errsz, "out of memory"), -1;
        snprintf(c->dlq_topic, n, "%s.dlq", c->out_topic);
    }
    for (size_t i = 0; i < c->ntopics; i++)
        if (!strcmp(c->topics[i], c->out_topic) || !strcmp(c->topics[i], c->dlq_topic))
            return snprintf(err, errsz, "topic %s is both input and output", c->topics[i]), -1;
    if (c->exactly_once && !c->transactional_id) {
        /* stable across restarts of this instance, so that a restart fences
         * and aborts what a crashed run left open; distinct per host */
        char host[128] = "host", id[512];
        gethostname(host, sizeof(host) - 1);
        snprintf(id, sizeof(id), "newsevents-%s-%s", c->group ? c->group : "nogroup", host);
        if (!(c->transactional_id = strdup(id))) return snprintf(err, errsz, "out of memory"), -1;
    }
    if (!c->metrics_bind && !(c->metrics_bind = strdup("127.0.0.1")))
        return snprintf(err, errsz, "out of memory"), -1;
    return 0;
}

/* The output and dead-letter topics must exist before anything is read:
 * otherwise every event would wait for a topic that never comes, and
 * nothing could be committed. */
static int check_topics(rd_kafka_t *rk, const ne_conf_t *conf, char *err, size_t errsz)
{
    const char *names[] = {conf->out_topic, conf->dlq_topic};
    for (int i = 0; i < 2; i++) {
        rd_kafka_topic_t *t = rd_kafka_topic_new(rk, names[i], NULL);
        const struct rd_kafka_metadata *md = NULL;
        rd_kafka_resp_err_t e = RD_KAFKA_RESP_ERR__TIMED_OUT;
        /* a second at a time, serving the error callback in between: wrong
         * credentials end the wait at once instead of after the timeout */
        for (int k = 0; k < 15 && e == RD_KAFKA_RESP_ERR__TIMED_OUT && !ne_service_failed(); k++) {
            e = rd_kafka_metadata(rk, 0, t, &md, 1000);
            rd_kafka_poll(rk, 0);
        }
        rd_kafka_topic_destroy(t);
        if (ne_service_failed()) {
            if (md) rd_kafka_metadata_destroy(md);
            snprintf(err, errsz, "cannot use the brokers (see the error above)");
            return -1;
        }
        if (e) {
            snprintf(err, errsz, "cannot reach the brokers to check topic %s: %s", names[i],
                     rd_kafka_err2str(e));
            return -1;
        }
        rd_kafka_resp_err_t te = md->topic_cnt ? md->topics[0].err : RD_KAFKA_RESP_ERR_UNKNOWN_TOPIC_OR_PART;
        rd_kafka_metadata_destroy(md);
        if (te == RD_KAFKA_RESP_ERR_LEADER_NOT_AVAILABLE) continue; /* being created */
        if (te) {
            snprintf(err, errsz, "%s topic %s: %s", i ? "dead-letter" : "output", names[i],
                     te == RD_KAFKA_RESP_ERR_UNKNOWN_TOPIC_OR_PART ? "does not exist (create it first)"
                                                                   : rd_kafka_err2str(te));
            return -1;
        }
    }
    return 0;
}

/* /healthz: the broker answers a metadata request. */
static int broker_probe(void *arg, char *why, size_t whysz)
{
    rd_kafka_t *rk = arg;
    const struct rd_kafka_metadata *md;
    rd_kafka_resp_err_t e = rd_kafka_metadata(rk, 0, NULL, &md, 2000);
    if (e) {
        snprintf(why, whysz, "broker does not answer: %s", rd_kafka_err2str(e));
        return -1;
    }
    rd_kafka_metadata_destroy(md);
    return 0;
}

/* A consume error: logged and counted (the end of a partition is not an
 * error). Returns 1 when it is fatal. Destroys m. */
static int consume_error(rd_kafka_message_t *m)
{
    if (m->err != RD_KAFKA_RESP_ERR__PARTITION_EOF) {
        ne_warn("consume: %s", rd_kafka_message_errstr(m));
        ne_metrics_error("consume");
    }
    int fatal = m->err == RD_KAFKA_RESP_ERR__FATAL;
    rd_kafka_message_destroy(m);
    return fatal;
}

/* ---- at-least-once --------------------------------------------------------- */

static int run_at_least_once(const ne_conf_t *conf, ne_pool_t *pool, ne_consumer_t *cons,
                             rd_kafka_t *prod, ne_counts_t *st)
{
    rd_kafka_t *rk = ne_consumer_handle(cons);
    int rc = 0;
    for (;;) {
        /* hand finished jobs to the producer, in order */
        ne_job_t *j;
        while ((j = ne_pool_next(pool, !g_run || !ne_pool_has_room(pool)))) {
            ne_ticket_t *t = j->ticket;
            if (ne_producer_job(prod, conf, j, t, st) < 0) {
                g_run = 0;
                rc = 1;
            }
            ne_ticket_release(t, 1);
            ne_pool_release(pool, j);
        }
        rd_kafka_poll(prod, 0);
        if (ne_consumer_failed(cons)) {
            ne_err("an event could not be delivered: stopping without committing past it");
            return 1;
        }
        if (!g_run) break;
        rd_kafka_message_t *m = rd_kafka_consumer_poll(rk, ne_pool_pending(pool) ? 5 : 100);
        if (!m) continue;
        if (m->err) {
            if (consume_error(m)) {
                g_run = 0;
                rc = 1;
            }
            continue;
        }
        st->records++;
        ne_metrics_record_in();
        ne_ticket_t *t = ne_ticket_open(cons, m);
        if (!t) {
            ne_err("out of memory tracking a record");
            rd_kafka_message_destroy(m);
            g_run = 0;
            rc = 1;
            continue;
        }
        ne_pool_submit(pool, m, t); /* there is room: checked above */
    }
    return rc;
}

/* ---- exactly-once ---------------------------------------------------------- */

static volatile int g_batch_revoked;

static void on_revoke(void *arg)
{
    (void)arg;
    g_batch_revoked = 1;
}

/* First offset per partition of the batch: where to rewind. */
typedef struct rewind_s {
    rd_kafka_topic_partition_list_t *first, *next;
} rewind_t;

static void note_offset(rewind_t *rw, const rd_kafka_message_t *m)
{
    const char *topic = rd_kafka_topic_name(m->rkt);
    if (!rd_kafka_topic_partition_list_find(rw->first, topic, m->partition))
        rd_kafka_topic_partition_list_add(rw->first, topic, m->partition)->offset = m->offset;
    rd_kafka_topic_partition_t *n = rd_kafka_topic_partition_list_find(rw->next, topic, m->partition);
    if (!n) n = rd_kafka_topic_partition_list_add(rw->next, topic, m->partition);
    n->offset = m->offset + 1;
}

static void rewind_batch(rd_kafka_t *rk, rewind_t *rw)
{
    if (!rw->first->cnt) return;
    rd_kafka_error_t *e = rd_kafka_seek_partitions(rk, rw->first, 10000);
    if (e) {
        ne_warn("rewinding after an aborted transaction: %s", rd_kafka_error_string(e));
        rd_kafka_error_destroy(e);
    }
}

static int run_exactly_once(const ne_conf_t *conf, ne_pool_t *pool, ne_consumer_t *cons,
                            rd_kafka_t *prod, ne_counts_t *st)
{
    rd_kafka_t *rk = ne_consumer_handle(cons);
    ne_consumer_on_revoke(cons, on_revoke, NULL);
    int rc = 0;
    while (g_run) {
        rewind_t rw = {rd_kafka_topic_partition_list_new(16), rd_kafka_topic_partition_list_new(16)};
        /* 1. read a batch: up to conf->batch records, or what came within 100 ms */
        g_batch_revoked = 0;
        int n = 0;
        struct timespec t0, t1;
        clock_gettime(CLOCK_MONOTONIC, &t0);
        while (g_run && n < conf->batch && ne_pool_has_room(pool)) {
            rd_kafka_message_t *m = rd_kafka_consumer_poll(rk, n ? 10 : 100);
            clock_gettime(CLOCK_MONOTONIC, &t1);
            double waited = (double)(t1.tv_sec - t0.tv_sec) + (t1.tv_nsec - t0.tv_nsec) / 1e9;
            if (g_batch_revoked) break;
            if (!m) {
                if (n && waited > 0.1) break;
                continue;
            }
            if (m->err) {
                if (consume_error(m)) g_run = 0, rc = 1;
                continue;
            }
            note_offset(&rw, m);
            ne_metrics_record_in();
            ne_pool_submit(pool, m, NULL);
            n++;
        }
        if (g_batch_revoked) {
            /* partitions moved while the batch was read: drop it and read
             * the remaining partitions again from its start */
            ne_job_t *j;
            while ((j = ne_pool_next(pool, 1))) ne_pool_release(pool, j);
            rewind_batch(rk, &rw);
            goto next;
        }
        if (!n) goto next;
        /* 2. one transaction: the batch's output and its offsets */
        rd_kafka_error_t *e = rd_kafka_begin_transaction(prod);
        if (e) {
            ne_err("begin transaction: %s", rd_kafka_error_string(e));
            rd_kafka_error_destroy(e);
            goto fatal;
        }
        int failed = 0;
        ne_job_t *j;
        while ((j = ne_pool_next(pool, 1))) {
            st->records++;
            if (!failed && ne_producer_job(prod, conf, j, NULL, st) < 0) failed = 1;
            ne_pool_release(pool, j);
        }
        rd_kafka_consumer_group_metadata_t *gm = rd_kafka_consumer_group_metadata(rk);
        e = failed ? NULL : rd_kafka_send_offsets_to_transaction(prod, rw.next, gm, -1);
        rd_kafka_consumer_group_metadata_destroy(gm);
        if (!e && !failed) e = rd_kafka_commit_transaction(prod, -1);
        if (e || failed) {
            if (e && rd_kafka_error_is_fatal(e)) {
                ne_err("transaction: fatal: %s", rd_kafka_error_string(e));
                rd_kafka_error_destroy(e);
                goto fatal;
            }
            ne_warn("transaction aborted (%s): the batch of %d record(s) will be done again",
                    e ? rd_kafka_error_string(e) : "produce failed", n);
            ne_metrics_error("transaction_abort");
            if (e) rd_kafka_error_destroy(e);
            rd_kafka_error_t *ae = rd_kafka_abort_transaction(prod, -1);
            if (ae) {
                ne_err("abort transaction: %s", rd_kafka_error_string(ae));
                rd_kafka_error_destroy(ae);
                goto fatal;
            }
            rewind_batch(rk, &rw);
        }
        goto next;
    fatal:
        rc = 1;
        g_run = 0;
    next:
        rd_kafka_topic_partition_list_destroy(rw.first);
        rd_kafka_topic_partition_list_destroy(rw.next);
    }
    return rc;
}

/* ---- the service ------------------------------------------------------------ */

int ne_service_run(const ne_conf_t *conf, const ne_coder_t *coder)
{
    char err[512];
    int rc = 0;
    rd_kafka_t *prod = ne_producer_new(conf, conf->exactly_once ? conf->transactional_id : NULL,
                                       err, sizeof(err));
    if (!prod) {
        ne_err("%s", err);
        return 1;
    }
    if (check_topics(prod, conf, err, sizeof(err)) < 0) {
        ne_err("%s: nothing consumed, nothing committed", err);
        rd_kafka_destroy(prod);
        return 1;
    }
    ne_consumer_t *cons = ne_consumer_new(conf, prod,
                                          conf->exactly_once ? NE_CONS_EXACTLY_ONCE : NE_CONS_AT_LEAST_ONCE,
                                          err, sizeof(err));
    if (!cons) {
        ne_err("%s", err);
        rd_kafka_destroy(prod);
        return 1;
    }
    size_t cap = conf->exactly_once ? (size_t)conf->batch : (size_t)conf->threads * 64;
    ne_pool_t *pool = ne_pool_new(coder, conf, conf->threads, cap);
    if (!pool) {
        ne_err("out of memory");
        ne_consumer_destroy(cons);
        rd_kafka_destroy(prod);
        return 1;
    }
    if (conf->metrics_port) {
        ne_metrics_set_health_probe(broker_probe, prod);
        if (ne_metrics_start(conf->metrics_bind, conf->metrics_port, err, sizeof(err)) < 0) {
            ne_err("%s", err);
            ne_pool_destroy(pool);
            ne_consumer_destroy(cons);
            rd_kafka_destroy(prod);
            return 1;
        }
        ne_info("metrics on http://%s:%d/metrics and /healthz", conf->metrics_bind, conf->metrics_port);
    }
    ne_info("newsevents %s: %zu input topic(s) -> %s (dead letters: %s), group %s, %s, %d thread(s)",
            NE_VERSION, conf->ntopics, conf->out_topic, conf->dlq_topic, conf->group,
            conf->exactly_once ? "exactly-once" : "at-least-once", conf->threads);
    ne_counts_t st = {0};
    rc = conf->exactly_once ? run_exactly_once(conf, pool, cons, prod, &st)
                            : run_at_least_once(conf, pool, cons, prod, &st);
    ne_info("stopping: flushing %ld record(s) in flight", ne_consumer_in_flight(cons));
    rd_kafka_resp_err_t fe = rd_kafka_flush(prod, conf->flush_timeout_ms);
    if (fe) {
        ne_err("flush: %s: %d message(s) not delivered; their offsets are not committed",
               rd_kafka_err2str(fe), rd_kafka_outq_len(prod));
        rc = 1;
    }
    if (ne_consumer_failed(cons) || ne_service_failed()) rc = 1;
    if (!conf->exactly_once) ne_consumer_commit(cons);
    ne_pool_destroy(pool);
    ne_consumer_destroy(cons);
    ne_metrics_stop();
    rd_kafka_destroy(prod);
    ne_info("stopped: %ld records, %ld articles, %ld events, %ld dead letters", st.records,
            st.articles, st.events, st.dead);
    return rc;
}
