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
 * in flight, flushes, commits, and leaves the group. Every wait of the
 * shutdown ends by one deadline (--flush-timeout-ms after the stop began);
 * a watchdog ends the process 5 s after it whatever is still waiting, and
 * a second signal ends it at once. Nothing is committed past a record
 * whose output was not delivered, so ending early loses nothing.
 */
#include <inttypes.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "consumer.h"
#include "kafka.h"
#include "log.h"
#include "metrics.h"
#include "producer.h"
#include "service.h"
#include "workers.h"

/* ---- stopping ---------------------------------------------------------------- */

static volatile sig_atomic_t g_run = 1;
static volatile sig_atomic_t g_failed;
static atomic_llong g_stop_at;  /* ne_now_ms() when the stop began, 0 before */
static int g_flush_timeout_ms = 30000;

#define NE_WATCHDOG_GRACE_MS 5000

static void stop_now(void)
{
    long long zero = 0;
    atomic_compare_exchange_strong(&g_stop_at, &zero, (long long)ne_now_ms());
    g_run = 0;
}

static volatile sig_atomic_t g_signalled;
static atomic_llong g_signal_at;

static void on_signal(int sig)
{
    (void)sig;
    int64_t now = ne_now_ms(); /* clock_gettime and atomics are async-signal-safe */
    /* a second signal ends the process at once, and so does a first one
     * while a failure is being handled; one that comes within a second of
     * the first is the same signal passed on (timeout, a shell, pkill
     * matching a wrapper too), not a second request */
    if (!g_run && (!g_signalled || now - atomic_load(&g_signal_at) >= 1000)) {
        static const char msg[] = "newsevents: stopping at once (second signal)\n";
        ssize_t w = write(2, msg, sizeof(msg) - 1);
        (void)w;
        _exit(1);
    }
    if (!g_signalled) {
        g_signalled = 1;
        atomic_store(&g_signal_at, (long long)now);
    }
    stop_now();
}

void ne_service_fail(void)
{
    g_failed = 1;
    stop_now();
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

int64_t ne_service_deadline(void)
{
    long long at = atomic_load(&g_stop_at);
    return at ? at + g_flush_timeout_ms : INT64_MAX;
}

int ne_service_past_deadline(void)
{
    return ne_now_ms() >= ne_service_deadline();
}

void ne_service_stop(void)
{
    stop_now();
}

/* The last resort: whatever librdkafka call is still waiting, the process
 * ends a few seconds after the shutdown deadline. Offsets are stored only
 * for delivered output, so nothing is lost by ending here. */
static void *watchdog(void *arg)
{
    (void)arg;
    for (;;) {
        struct timespec ts = {0, 100 * 1000000L};
        nanosleep(&ts, NULL);
        if (atomic_load(&g_stop_at) && ne_now_ms() > ne_service_deadline() + NE_WATCHDOG_GRACE_MS) {
            ne_err("shutdown did not finish within %d ms of the stop: exiting now; nothing past "
                   "undelivered output was committed", g_flush_timeout_ms + NE_WATCHDOG_GRACE_MS);
            _exit(1);
        }
    }
    return NULL;
}

void ne_service_watchdog(int flush_timeout_ms)
{
    g_flush_timeout_ms = flush_timeout_ms;
    pthread_t th;
    if (pthread_create(&th, NULL, watchdog, NULL) == 0) pthread_detach(th);
    else ne_warn("cannot start the shutdown watchdog");
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
        ne_log_rec_t rec = {.topic = m->rkt ? rd_kafka_topic_name(m->rkt) : NULL,
                            .partition = m->partition, .offset = m->offset,
                            .reason = rd_kafka_err2name(m->err)};
        ne_log_rec(NE_LOG_WARN, &rec, "consume: %s", rd_kafka_message_errstr(m));
        ne_metrics_error("consume");
    }
    int fatal = m->err == RD_KAFKA_RESP_ERR__FATAL;
    rd_kafka_message_destroy(m);
    return fatal;
}

/* A status line every --status-interval-s: rates since the last line and
 * the consumer lag (from librdkafka's statistics). */
static void status_tick(const ne_conf_t *conf)
{
    static int64_t last;
    static ne_metrics_snapshot_t prev;
    if (!conf->status_interval_s) return;
    int64_t now = ne_now_ms();
    if (last && now - last < conf->status_interval_s * 1000LL) return;
    ne_metrics_snapshot_t cur;
    ne_metrics_snapshot(&cur);
    if (last) {
        double secs = (double)(now - last) / 1000.0;
        char lag[32] = "not known yet";
        if (cur.lag >= 0) snprintf(lag, sizeof(lag), "%lld record(s)", cur.lag);
        ne_info("status: %.1f records/s, %.1f events/s over the last %.0f s; consumer lag %s; "
                "%lu records, %lu events out, %lu dead letters, %lu skipped since start",
                (double)(cur.records - prev.records) / secs, (double)(cur.events_out - prev.events_out) / secs,
                secs, lag, cur.records, cur.events_out, cur.dead, cur.skipped);
    }
    prev = cur;
    last = now;
}

/* ---- at-least-once --------------------------------------------------------- */

/* While the producer's queue is full: serve the group (a member that does
 * not poll for max.poll.interval.ms is thrown out), without taking more
 * work: a record that comes anyway is put back by seeking its partition to
 * it. (Pausing partitions would do the same, but librdkafka before 2.1
 * could skip records on resume.) */
static void keep_membership(void *arg)
{
    rd_kafka_t *rk = arg;
    rd_kafka_message_t *m = rd_kafka_consumer_poll(rk, 0);
    if (!m) return;
    if (m->err) {
        if (consume_error(m)) ne_service_fail();
        return;
    }
    rd_kafka_topic_partition_list_t *l = rd_kafka_topic_partition_list_new(1);
    rd_kafka_topic_partition_list_add(l, rd_kafka_topic_name(m->rkt), m->partition)->offset = m->offset;
    rd_kafka_error_t *e = ne_kafka_seek(rk, l, 30000);
    if (e || l->elems[0].err) {
        /* going on would read past the record, and the next record's
         * stored offset would commit over it: stop, a restart reads it */
        ne_err("putting a record back while the output is full: %s",
               e ? rd_kafka_error_string(e) : rd_kafka_err2str(l->elems[0].err));
        if (e) rd_kafka_error_destroy(e);
        ne_service_fail();
    }
    rd_kafka_topic_partition_list_destroy(l);
    rd_kafka_message_destroy(m);
}

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
            int ok = 1;
            if (ne_ticket_revoked(t))
                /* its partition has a new owner, who reads it again from
                 * the last commit: producing it here would duplicate it
                 * and send the partition's order backwards */
                st->revoked++;
            else
                ok = ne_producer_job_wait(prod, conf, j, t, st, g_run ? keep_membership : NULL, rk) ==
                     NE_PRODUCE_DONE;
            ne_ticket_release(t, ok);
            ne_pool_release(pool, j);
            if (!ok) {
                /* the jobs left keep their tickets open: never committed */
                stop_now();
                return 1;
            }
        }
        rd_kafka_poll(prod, 0);
        status_tick(conf);
        if (ne_consumer_failed(cons)) {
            ne_err("an event could not be delivered: stopping without committing past it");
            stop_now();
            return 1;
        }
        if (!g_run) break;
        rd_kafka_message_t *m = rd_kafka_consumer_poll(rk, ne_pool_pending(pool) ? 5 : 100);
        if (!m) continue;
        if (m->err) {
            if (consume_error(m)) {
                stop_now();
                rc = 1;
            }
            continue;
        }
        st->records++;
        ne_metrics_record_in();
        ne_kafka_up(rk);
        ne_ticket_t *t = ne_ticket_open(cons, m);
        if (!t) {
            ne_err("out of memory tracking a record");
            rd_kafka_message_destroy(m);
            stop_now();
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

/* Seek the batch's partitions back to its first offsets, those still
 * assigned (a revoked partition's next owner starts at the last commit). */
static void rewind_batch(rd_kafka_t *rk, rewind_t *rw)
{
    rd_kafka_topic_partition_list_t *mine = NULL;
    if (!rw->first->cnt || rd_kafka_assignment(rk, &mine) || !mine) return;
    rd_kafka_topic_partition_list_t *seek = rd_kafka_topic_partition_list_new(rw->first->cnt);
    for (int i = 0; i < rw->first->cnt; i++) {
        const rd_kafka_topic_partition_t *p = &rw->first->elems[i];
        if (rd_kafka_topic_partition_list_find(mine, p->topic, p->partition))
            rd_kafka_topic_partition_list_add(seek, p->topic, p->partition)->offset = p->offset;
    }
    rd_kafka_error_t *e = seek->cnt ? ne_kafka_seek(rk, seek, 30000) : NULL;
    if (e) {
        ne_err("rewinding the batch: %s", rd_kafka_error_string(e));
        rd_kafka_error_destroy(e);
        ne_service_fail(); /* going on could commit past the batch */
    }
    for (int i = 0; i < seek->cnt; i++)
        if (seek->elems[i].err) {
            ne_err("rewinding %s[%d]: %s", seek->elems[i].topic, seek->elems[i].partition,
                   rd_kafka_err2str(seek->elems[i].err));
            ne_service_fail();
        }
    rd_kafka_topic_partition_list_destroy(seek);
    rd_kafka_topic_partition_list_destroy(mine);
}

/* Read a batch into the pool: up to conf->batch records (and the pool's
 * byte budget), or what came within 100 ms. Returns the records read, or
 * -1 when partitions were revoked meanwhile (the batch is then dropped and
 * its partitions rewound). */
static int read_batch(const ne_conf_t *conf, ne_pool_t *pool, rd_kafka_t *rk, rewind_t *rw, int *rc)
{
    g_batch_revoked = 0;
    int n = 0, late = 0;
    int64_t t0 = ne_now_ms();
    while (g_run && n < conf->batch && ne_pool_has_room(pool)) {
        rd_kafka_message_t *m = rd_kafka_consumer_poll(rk, n ? 10 : 100);
        if (m && m->err) {
            if (consume_error(m)) stop_now(), *rc = 1;
            m = NULL;
        } else if (m) {
            /* noted even when the batch is dropped below: a poll that ran
             * the revoke callback can still return a record of a partition
             * this instance keeps, and its position has moved past it */
            note_offset(rw, m);
            if (g_batch_revoked) {
                rd_kafka_message_destroy(m);
                late = 1;
            } else {
                ne_metrics_record_in();
                ne_kafka_up(rk);
                ne_pool_submit(pool, m, NULL);
                n++;
            }
        }
        if (g_batch_revoked) {
            ne_job_t *j;
            while ((j = ne_pool_next(pool, 1))) ne_pool_release(pool, j);
            ne_info("partitions revoked while a batch was read: %d record(s)%s dropped, the kept "
                    "partitions rewound", n, late ? " and one the same poll returned" : "");
            rewind_batch(rk, rw);
            return -1;
        }
        if (!m && n && ne_now_ms() - t0 > 100) break;
    }
    return n;
}

/* Retrying a transactional call: short attempts (librdkafka goes on with a
 * timed-out commit or abort in the background, and the next call waits for
 * it again), so that a stop is noticed; a log line every 10 s. Returns 1 to
 * try again, 0 to give up (the caller keeps e). */
static int retry_txn(rd_kafka_error_t *e, const char *what, int64_t since)
{
    static int64_t logged;
    if (!e || !rd_kafka_error_is_retriable(e) || ne_service_past_deadline()) return 0;
    /* a commit often takes longer than one attempt: say so only after 10 s */
    int64_t now = ne_now_ms();
    if (now - since >= 10000 && now - logged >= 10000) {
        ne_warn("%s: %s: retrying (for %.0f s)", what, rd_kafka_error_string(e), (now - since) / 1000.0);
        ne_metrics_error("transaction_retry");
        logged = now;
    }
    rd_kafka_error_destroy(e);
    return 1;
}

#define NE_TXN_ATTEMPT_MS 500

/* End the transaction (commit, or abort), retrying while librdkafka says
 * the error is retriable (a slow or unreachable coordinator), until a
 * stop's deadline. Returns NULL or the error (the caller destroys it). */
static rd_kafka_error_t *end_transaction(rd_kafka_t *prod, int commit)
{
    int64_t t0 = ne_now_ms();
    rd_kafka_error_t *e;
    do e = commit ? rd_kafka_commit_transaction(prod, NE_TXN_ATTEMPT_MS)
                  : rd_kafka_abort_transaction(prod, NE_TXN_ATTEMPT_MS);
    while (retry_txn(e, commit ? "committing the transaction" : "aborting the transaction", t0));
    return e;
}

/* The batch's offsets into the transaction, retrying while retriable.
 * Unlike a commit, a timed-out send_offsets_to_transaction does not go on
 * in the background: each attempt starts again, so attempts grow (0.5 s to
 * 8 s) or a coordinator slower than the first would never be reached. And
 * librdkafka caps each attempt at the transaction's remaining time: once
 * the transaction is older than its timeout no attempt can succeed, so the
 * last error is returned (retriable: the caller aborts, and the batch is
 * done again in a new transaction). */
static rd_kafka_error_t *send_offsets(rd_kafka_t *prod, rd_kafka_t *rk, rewind_t *rw, int64_t began)
{
    int64_t t0 = ne_now_ms(), limit = ne_txn_timeout_ms(prod);
    int attempt_ms = NE_TXN_ATTEMPT_MS;
    rd_kafka_error_t *e;
    for (;;) {
        rd_kafka_consumer_group_metadata_t *gm = rd_kafka_consumer_group_metadata(rk);
        e = rd_kafka_send_offsets_to_transaction(prod, rw->next, gm, attempt_ms);
        rd_kafka_consumer_group_metadata_destroy(gm);
        if (e && rd_kafka_error_is_retriable(e) && ne_now_ms() - began > limit) return e;
        if (!retry_txn(e, "sending offsets to the transaction", t0)) return e;
        if (attempt_ms < 8000) attempt_ms *= 2;
    }
}

/* A producer fenced by another with the same transactional id: say what to do. */
static void fenced_hint(rd_kafka_t *prod, const ne_conf_t *conf, rd_kafka_resp_err_t code)
{
    char buf[256];
    if (code == RD_KAFKA_RESP_ERR__FATAL) code = rd_kafka_fatal_error(prod, buf, sizeof(buf));
    if (ne_txn_is_fence(code))
        ne_err("another instance started with the transactional id %s and fenced this one: give each "
               "instance its own --transactional-id (the default, newsevents-GROUP-HOSTNAME, is one "
               "per group and host)", conf->transactional_id);
}

/* One transaction: the batch's output and its offsets. Returns 0 when it
 * committed or was aborted and rewound (the batch will be done again), 1
 * after a fatal error a new producer recovers from (ne_txn_renewable(): the
 * caller renews the producer), -1 when the service must stop (fatal, or a
 * failure that would repeat). */
static int transact(const ne_conf_t *conf, ne_pool_t *pool, rd_kafka_t *rk, rd_kafka_t *prod,
                    rewind_t *rw, int n, ne_counts_t *st)
{
    int64_t began = ne_now_ms();
    rd_kafka_error_t *e = rd_kafka_begin_transaction(prod);
    if (e) {
        ne_err("begin transaction: %s", rd_kafka_error_string(e));
        rd_kafka_error_destroy(e);
        return -1;
    }
    int failed = 0;
    ne_job_t *j;
    while ((j = ne_pool_next(pool, 1))) {
        st->records++;
        if (!failed && ne_producer_job_wait(prod, conf, j, NULL, st, NULL, NULL) != NE_PRODUCE_DONE)
            failed = 1;
        ne_pool_release(pool, j);
    }
    if (!failed && !(e = send_offsets(prod, rk, rw, began))) e = end_transaction(prod, 1);
    if (!e && !failed) return 0;
    if (e && (rd_kafka_error_is_fatal(e) || (!rd_kafka_error_txn_requires_abort(e) &&
                                             !rd_kafka_error_is_retriable(e)))) {
        ne_err("transaction: %s%s", rd_kafka_error_is_fatal(e) ? "fatal: " : "",
               rd_kafka_error_string(e));
        int renew = rd_kafka_error_is_fatal(e) && ne_txn_renewable(prod, began);
        if (!renew) fenced_hint(prod, conf, rd_kafka_error_code(e));
        rd_kafka_error_destroy(e);
        return renew ? 1 : -1;
    }
    ne_warn("transaction aborted (%s): the batch of %d record(s) will be done again",
            e ? rd_kafka_error_string(e) : "produce failed", n);
    ne_metrics_error("transaction_abort");
    if (e) rd_kafka_error_destroy(e);
    rd_kafka_error_t *ae = end_transaction(prod, 0);
    if (ae) {
        ne_err("abort transaction: %s", rd_kafka_error_string(ae));
        int renew = rd_kafka_error_is_fatal(ae) && ne_txn_renewable(prod, began);
        rd_kafka_error_destroy(ae);
        return renew ? 1 : -1;
    }
    rewind_batch(rk, rw);
    rd_kafka_resp_err_t perm = ne_producer_permanent_error();
    if (perm) {
        /* done again, the batch would fail the same way for ever */
        ne_err("an output record was refused for good (%s): stopping without committing past it",
               rd_kafka_err2str(perm));
        return -1;
    }
    return 0;
}

/* Where the group's last commit left the batch's partitions: the batch's
 * first offsets, unless the transaction that the fatal error ended was
 * committed after all (a commit whose answer was lost, then an abort the
 * coordinator refused): then past the batch. Asked of the group
 * coordinator, which answers only once no transactional commit is pending
 * (librdkafka asks for stable offsets when reading read_committed).
 * Returns -1 when it does not answer (the caller stops: a restart resumes
 * from the same place). */
static int first_offsets_from_group(rd_kafka_t *rk, rewind_t *rw)
{
    if (!rw->first->cnt) return 0;
    rd_kafka_topic_partition_list_t *c = rd_kafka_topic_partition_list_copy(rw->first);
    rd_kafka_resp_err_t e = RD_KAFKA_RESP_ERR_NO_ERROR;
    for (int attempt = 0; attempt < 6 && g_run; attempt++) {
        if (!(e = rd_kafka_committed(rk, c, 10000))) break;
        ne_warn("asking the group for its committed offsets: %s: retrying", rd_kafka_err2str(e));
    }
    if (e || !g_run) {
        ne_err("the group's committed offsets: %s", e ? rd_kafka_err2str(e) : "stopped");
        rd_kafka_topic_partition_list_destroy(c);
        return -1;
    }
    /* Before the first record is normal (the previous commit points at the
     * transaction marker after its last record in a transactional topic):
     * only an offset past it says the ended transaction was committed. */
    for (int i = 0; i < c->cnt; i++)
        if (!c->elems[i].err && c->elems[i].offset > rw->first->elems[i].offset) {
            ne_warn("%s[%d]: the group committed up to %lld, not %lld: the ended transaction was "
                    "committed, its batch is not done again", c->elems[i].topic, c->elems[i].partition,
                    (long long)c->elems[i].offset, (long long)rw->first->elems[i].offset);
            rw->first->elems[i].offset = c->elems[i].offset;
        }
    rd_kafka_topic_partition_list_destroy(c);
    return 0;
}

/* After a fatal error ne_txn_renewable() accepts: the old producer goes (the
 * coordinator aborted its transaction, or has none of it), a new one with
 * the same transactional id takes its place (its init fences the old epoch
 * and completes whatever the coordinator still had open), and the batch's
 * partitions are read again from where the group's last commit left them:
 * what a restart would do, without one. Renewals that follow each other
 * with no transaction ended normally in between stop the service after
 * the third (the error would repeat). Returns -1 when the service must stop. */
static int renew_producer(const ne_conf_t *conf, const ne_topic_limits_t *lim, ne_consumer_t *cons,
                          rd_kafka_t **prod, rewind_t *rw, int *renewals)
{
    char err[512];
    rd_kafka_fatal_error(*prod, err, sizeof(err));
    if (++*renewals > 3) {
        ne_err("the producer was renewed %d times without a commit: stopping", *renewals - 1);
        return -1;
    }
    ne_warn("a new producer takes the transactional id %s after a fatal error a new producer "
            "recovers from (%s; transaction.timeout.ms %lld ms), and the batch's partitions are "
            "read again from the group's last commit",
            conf->transactional_id, err, (long long)ne_txn_timeout_ms(*prod));
    ne_metrics_error("producer_renewed");
    rd_kafka_purge(*prod, RD_KAFKA_PURGE_F_QUEUE | RD_KAFKA_PURGE_F_INFLIGHT);
    rd_kafka_destroy(*prod);
    *prod = ne_producer_new(conf, conf->transactional_id, lim, err, sizeof(err));
    if (!*prod) {
        ne_err("%s", err);
        return -1;
    }
    ne_consumer_set_producer(cons, *prod);
    if (first_offsets_from_group(ne_consumer_handle(cons), rw) < 0) return -1;
    rewind_batch(ne_consumer_handle(cons), rw);
    return 0;
}

static int run_exactly_once(const ne_conf_t *conf, const ne_topic_limits_t *lim, ne_pool_t *pool,
                            ne_consumer_t *cons, rd_kafka_t **prod, ne_counts_t *st)
{
    rd_kafka_t *rk = ne_consumer_handle(cons);
    ne_consumer_on_revoke(cons, on_revoke, NULL);
    int rc = 0, renewals = 0;
    while (g_run) {
        status_tick(conf);
        rewind_t rw = {rd_kafka_topic_partition_list_new(16), rd_kafka_topic_partition_list_new(16)};
        int n = read_batch(conf, pool, rk, &rw, &rc);
        int r = n > 0 ? transact(conf, pool, rk, *prod, &rw, n, st) : 0;
        if (r > 0) r = renew_producer(conf, lim, cons, prod, &rw, &renewals);
        else if (r == 0 && n > 0) renewals = 0;
        if (r < 0) {
            stop_now();
            rc = 1;
        }
        if (ne_service_failed()) rc = 1;
        rd_kafka_topic_partition_list_destroy(rw.first);
        rd_kafka_topic_partition_list_destroy(rw.next);
    }
    return rc;
}

/* ---- the service ------------------------------------------------------------ */

int ne_service_start(const ne_conf_t *conf, ne_topic_limits_t *lim)
{
    char err[512], desc[4096];
    ne_service_watchdog(conf->flush_timeout_ms);
    ne_conf_describe(conf, desc, sizeof(desc));
    ne_info("settings: %s", desc);
    if ((conf->create_topics && ne_producer_create_topics(conf, err, sizeof(err)) < 0) ||
        ne_producer_check_topics(conf, lim, err, sizeof(err)) < 0) {
        ne_err("%s: nothing read, nothing committed", err);
        return -1;
    }
    return 0;
}

int ne_service_run(const ne_conf_t *conf, const ne_coder_t *coder)
{
    char err[512];
    int rc = 0;
    ne_topic_limits_t lim;
    if (ne_service_start(conf, &lim) < 0) return 1;
    rd_kafka_t *prod = ne_producer_new(conf, conf->exactly_once ? conf->transactional_id : NULL, &lim,
                                       err, sizeof(err));
    if (!prod) {
        ne_err("%s", err);
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
    ne_pool_t *pool = ne_pool_new(coder, conf, conf->threads, cap, ne_producer_event_max());
    if (!pool) {
        ne_err("out of memory");
        ne_consumer_destroy(cons);
        rd_kafka_destroy(prod);
        return 1;
    }
    if (conf->metrics_port) {
        /* (asked of the consumer: the producer may be renewed meanwhile) */
        ne_metrics_set_health_probe(broker_probe, ne_consumer_handle(cons));
        if (ne_metrics_start(conf->metrics_bind, conf->metrics_port, err, sizeof(err)) < 0) {
            ne_err("%s", err);
            ne_pool_destroy(pool);
            ne_consumer_destroy(cons);
            rd_kafka_destroy(prod);
            return 1;
        }
        ne_info("metrics on http://%s:%d/metrics and /healthz", conf->metrics_bind, conf->metrics_port);
    }
    ne_info("newsevents %s: %zu input topic(s) -> %s (dead letters: %s), group %s, %s%s%s, %d thread(s)",
            NE_VERSION, conf->ntopics, conf->out_topic, conf->dlq_topic, conf->group,
            conf->exactly_once ? "exactly-once" : "at-least-once",
            conf->exactly_once ? " with transactional id " : "",
            conf->exactly_once ? conf->transactional_id : "", conf->threads);
    ne_counts_t st = {0};
    if (g_run)
        rc = conf->exactly_once ? run_exactly_once(conf, &lim, pool, cons, &prod, &st)
                                : run_at_least_once(conf, pool, cons, prod, &st);
    /* one deadline for every wait from here on: this flush, and the one
     * the consumer's close makes in its rebalance callback */
    stop_now();
    int64_t deadline = ne_service_deadline();
    ne_consumer_set_deadline(cons, deadline);
    ne_info("stopping: flushing %ld record(s) in flight", ne_consumer_in_flight(cons));
    int left = prod ? ne_producer_flush(prod, deadline) : 0;
    if (left) {
        ne_err("flush: %d message(s) not delivered within %d ms; their offsets are not committed",
               left, conf->flush_timeout_ms);
        rc = 1;
    }
    if (ne_consumer_failed(cons) || ne_service_failed()) rc = 1;
    if (!conf->exactly_once) ne_consumer_commit(cons);
    ne_pool_destroy(pool);
    ne_consumer_destroy(cons);
    ne_metrics_stop();
    if (prod && rd_kafka_outq_len(prod)) rd_kafka_purge(prod, RD_KAFKA_PURGE_F_QUEUE | RD_KAFKA_PURGE_F_INFLIGHT);
    if (prod) rd_kafka_destroy(prod);
    ne_info("stopped: %ld records, %ld articles, %ld events, %ld dead letters, %ld skipped%s", st.records,
            st.articles, st.events, st.dead, st.skipped_records, rc ? " (exit 1)" : "");
    if (st.revoked)
        ne_info("%ld record(s) of revoked partitions were left to their new owner", st.revoked);
    return rc;
}
