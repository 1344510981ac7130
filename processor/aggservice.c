/*
 * aggservice.c - `newsevents aggregate`: the offline twin and the service.
 *
 * The service is laid out as Kafka Streams lays out a KTable aggregation,
 * in one consumer group and one producer:
 *   input (events)  --key by aggregate key-->  GROUP-aggregate-repartition
 *   repartition p   --count in store p-->      GROUP-aggregate-changelog p (compacted)
 *                                          +-> output (compacted, keyed by aggregate key)
 * The consumer subscribes to the input and the repartition topic; partition
 * p of the repartition topic owns state partition p and changelog
 * partition p, so instances scale out by partition. When a repartition
 * partition is assigned it is paused, its state is rebuilt from its
 * changelog (read_committed, to the end), then it is resumed.
 *
 * Exactly-once: a batch (records of both topics) is one Kafka transaction:
 * repartitioned records, changelog records, output records and the
 * consumed offsets. The store's LMDB transaction commits after it; when the
 * Kafka transaction aborts, so does the store's, and the batch's partitions
 * are rewound. A crash anywhere leaves the changelog and the offsets
 * consistent, and the store is rebuilt from the changelog on start.
 *
 * At-least-once: a batch is produced, flushed, its store transaction
 * committed, then its offsets committed. A crash repeats records: a repeat
 * is not counted again when its event id reached the changelog; it is
 * (an over-count) when the crash came between the aggregate's changelog
 * record and the event id's. Nothing is lost.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#include <librdkafka/rdkafka.h>

#include "aggregate.h"
#include "aggservice.h"
#include "consumer.h"
#include "kafka.h"
#include "log.h"
#include "metrics.h"
#include "newsevents.h"
#include "service.h"

static int64_t wall_ms(void)
{
    struct timeval tv;
    gettimeofday(&tv, NULL);
    return (int64_t)tv.tv_sec * 1000 + tv.tv_usec / 1000;
}

static void opts_from_conf(const ne_conf_t *conf, ne_agg_opts_t *o)
{
    ne_agg_opts_init(o);
    o->code_root = conf->agg_code_root;
    o->actor_country = conf->agg_actor_country;
    o->precision = conf->agg_precision;
    o->retention_days = conf->agg_retention_days;
    o->grace_days = conf->agg_grace_days;
    o->samples = conf->agg_samples;
}

static void log_stats(const char *who, ne_agg_store_t *s, long aggregates)
{
    ne_agg_stats_t st;
    char rows[64] = "";
    ne_agg_stats(s, &st);
    if (aggregates >= 0) snprintf(rows, sizeof(rows), "; %ld aggregates in the table", aggregates);
    ne_info("%s: %ld events: %ld counted, %ld duplicate ids, %ld late, %ld undated, %ld invalid; "
            "%ld updates emitted, %ld final records, %ld aggregates purged%s",
            who, st.events, st.counted, st.duplicates, st.late, st.undated, st.invalid, st.emitted,
            st.finals, st.purged, rows);
}

/* ---- the offline twin ------------------------------------------------------------ */

/* The offline table mirrors the compacted output topic: every output record
 * is put (latest wins) into a partition of its own, which purges never touch. */
#define TABLE_PART 4095

typedef struct offline_s {
    ne_agg_txn_t *t;
    FILE *out;
} offline_t;

static int offline_emit(void *arg, int where, int32_t part, const char *key, size_t klen, const char *val,
                        size_t vlen)
{
    offline_t *o = arg;
    (void)part;
    if (where != NE_AGG_OUTPUT) return 0;
    char k[512], err[256];
    int n = snprintf(k, sizeof(k), "%.*s\x1f" "A", (int)klen, key);
    if (n <= 0 || (size_t)n >= sizeof(k)) return -1;
    return ne_agg_restore_put(o->t, TABLE_PART, k, (size_t)n, val, vlen, err, sizeof(err));
}

static void write_line(void *arg, const char *json, size_t len)
{
    FILE *out = arg;
    fwrite(json, 1, len, out);
    fputc('\n', out);
}

static int rm_tree(const char *dir)
{
    char p[4096];
    snprintf(p, sizeof(p), "%s/data.mdb", dir);
    unlink(p);
    snprintf(p, sizeof(p), "%s/lock.mdb", dir);
    unlink(p);
    return rmdir(dir);
}

int ne_agg_offline(const ne_conf_t *conf)
{
    char err[512], tmp[] = "/tmp/newsevents-aggregate-XXXXXX";
    const char *dir = conf->state_dir;
    ne_agg_opts_t opts;
    opts_from_conf(conf, &opts);
    FILE *in = stdin, *out = stdout;
    int rc = 1;
    ne_cameo_t *cameo = NULL;
    ne_agg_store_t *s = NULL;
    ne_agg_txn_t *t = NULL;
    char *line = NULL;
    size_t cap = 0;
    if (!dir && !(dir = mkdtemp(tmp))) {
        ne_err("cannot create a state folder: %s", strerror(errno));
        return 1;
    }
    if (conf->in_file && strcmp(conf->in_file, "-") && !(in = fopen(conf->in_file, "rb"))) {
        ne_err("cannot open %s: %s", conf->in_file, strerror(errno));
        goto done;
    }
    if (conf->out_file && strcmp(conf->out_file, "-") && !(out = fopen(conf->out_file, "w"))) {
        ne_err("cannot create %s: %s", conf->out_file, strerror(errno));
        goto done;
    }
    if (!(cameo = ne_cameo_load(ne_conf_dict_base(conf), err, sizeof(err))) ||
        !(s = ne_agg_store_open(dir, 0, err, sizeof(err)))) {
        ne_err("%s", err);
        goto done;
    }
    offline_t o = {NULL, out};
    long lineno = 0;
    ssize_t n;
    while ((n = getline(&line, &cap, in)) >= 0) {
        lineno++;
        if (!t) {
            if (!(t = ne_agg_begin(s, &opts, cameo, offline_emit, &o, err, sizeof(err)))) {
                ne_err("%s", err);
                goto done;
            }
            o.t = t;
        }
        while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r')) n--;
        if (!n) continue;
        int r = ne_agg_apply(t, 0, line, (size_t)n, wall_ms(), err, sizeof(err));
        if (r == NE_AGG_INVALID)
            ne_log_rec(NE_LOG_WARN, &(ne_log_rec_t){.line = lineno, .reason = "invalid"}, "line %ld: %s",
                       lineno, err);
        else if (r == -2) {
            ne_err("line %ld: %s", lineno, err);
            goto done;
        }
        /* the same batches as the service's, so the watermark moves alike */
        if (lineno % conf->batch == 0) {
            if (ne_agg_advance(t, 0, wall_ms(), err, sizeof(err)) < 0 || ne_agg_commit(t, err, sizeof(err)) < 0) {
                t = NULL;
                ne_err("%s", err);
                goto done;
            }
            t = NULL;
        }
    }
    if (ferror(in)) {
        ne_err("reading input: %s", strerror(errno));
        goto done;
    }
    if (t) {
        int bad = ne_agg_advance(t, 0, wall_ms(), err, sizeof(err)) < 0;
        if (ne_agg_commit(t, err, sizeof(err)) < 0 || bad) {
            t = NULL;
            ne_err("%s", err);
            goto done;
        }
        t = NULL;
    }
    long rows = ne_agg_each(s, TABLE_PART, write_line, out);
    if (rows < 0) {
        ne_err("reading the table from the store failed");
        goto done;
    }
    log_stats("aggregate", s, rows);
    rc = 0;
done:
    ne_agg_abort(t);
    free(line);
    ne_agg_store_close(s);
    ne_cameo_free(cameo);
    if (in && in != stdin) fclose(in);
    if (out && (fflush(out) != 0 || (out != stdout && fclose(out) != 0))) {
        ne_err("writing output: %s", strerror(errno));
        rc = 1;
    }
    if (!conf->state_dir) rm_tree(dir);
    return rc;
}

/* ---- the service --------------------------------------------------------------------- */

/* Input partitions tracked for alignment (a larger partition number is read
 * but not aligned). */
#define NE_MAX_IN 4096
enum { IN_ASSIGNED = 1, IN_KNOWN = 2, IN_EOF = 4, IN_PAUSED = 8, IN_SEEN = 16 };
/* How far (days of event time) an input partition may read ahead of the
 * slowest one before it waits. */
#define NE_ALIGN_DAYS 1

typedef struct svc_s {
    const ne_conf_t *conf;
    ne_agg_opts_t opts;
    ne_cameo_t *cameo;
    ne_agg_store_t *store;
    rd_kafka_t *cons, *prod, *restorer;
    char rep[600], chg[600];
    const char *in, *out;
    int eos;
    int txn_open;         /* a Kafka transaction is open */
    int64_t txn_began;    /* when it began (ms) */
    int renew;            /* a fatal error in the revoke callback wants a new producer */
    int renewals;         /* producers renewed since the last commit */
    int revoked;          /* partitions were revoked since the batch began */
    rd_kafka_topic_partition_list_t *to_restore; /* assigned, paused, state not yet restored */
    rd_kafka_topic_partition_list_t *held;       /* repartition partitions whose state is here */
    int produce_failed;
    long restore_records, restore_ms, late, dups;
    long in_records, repartitioned, skipped;
    /* event-time alignment of the input partitions (see align()) */
    int32_t in_wm[NE_MAX_IN];           /* the latest event day read, per input partition */
    unsigned char in_state[NE_MAX_IN];  /* IN_* bits */
    int64_t resume_at[NE_MAX_IN];       /* a paused partition's first record not taken */
    /* a rewind the consumer refused ("Erroneous state", in a rebalance):
     * the offset it should have gone back to, per input and repartition
     * partition, -1 none; see rewind_refused() */
    int64_t pend_in[NE_MAX_IN], pend_rep[NE_MAX_IN];
    int in_max; /* input partitions below this number may be assigned */
    /* per state partition: the store holds the changelog up to this offset
     * (and maybe later records of it), so a restore can start there; -1: unknown */
    int64_t ckpt[NE_MAX_IN];
    char dir[1024];
    long aligned_pauses;
} svc_t;

static void dr_cb(rd_kafka_t *rk, const rd_kafka_message_t *m, void *opaque)
{
    (void)rk;
    svc_t *s = opaque;
    if (m->err == RD_KAFKA_RESP_ERR__PURGE_QUEUE || m->err == RD_KAFKA_RESP_ERR__PURGE_INFLIGHT) {
        /* an aborted transaction's records: the batch is done again (not a
         * failure of the next batch) */
        ne_debug("delivery to %s purged by an abort", rd_kafka_topic_name(m->rkt));
    } else if (m->err) {
        ne_err("delivery to %s[%d] failed: %s", rd_kafka_topic_name(m->rkt), m->partition, rd_kafka_err2str(m->err));
        s->produce_failed = 1;
        ne_metrics_error("delivery");
    }
}

/* Produce a copy of key and value (val NULL: a tombstone), waiting while the
 * local queue is full. part < 0: the partitioner chooses (by key). */
static int produce(svc_t *s, const char *topic, int32_t part, const char *key, size_t klen, const char *val,
                   size_t vlen)
{
    for (;;) {
        rd_kafka_resp_err_t e = rd_kafka_producev(
            s->prod, RD_KAFKA_V_TOPIC(topic), RD_KAFKA_V_PARTITION(part < 0 ? RD_KAFKA_PARTITION_UA : part),
            RD_KAFKA_V_MSGFLAGS(RD_KAFKA_MSG_F_COPY), RD_KAFKA_V_KEY(key, klen),
            RD_KAFKA_V_VALUE((void *)val, val ? vlen : 0), RD_KAFKA_V_END);
        if (!e) return 0;
        if ((e == RD_KAFKA_RESP_ERR__STATE || e == RD_KAFKA_RESP_ERR__FATAL) && s->eos) {
            /* the transaction has failed already (a delivery failure came
             * first), or the producer has (fenced after the coordinator
             * expired the transaction): the batch is aborted and done
             * again, and finish() renews the producer if it can */
            s->produce_failed = 1;
            return 0;
        }
        if (e != RD_KAFKA_RESP_ERR__QUEUE_FULL) {
            ne_err("producing to %s: %s", topic, rd_kafka_err2str(e));
            ne_metrics_error("produce");
            return -1;
        }
        rd_kafka_poll(s->prod, 50);
    }
}

static int svc_emit(void *arg, int where, int32_t part, const char *key, size_t klen, const char *val, size_t vlen)
{
    svc_t *s = arg;
    if (where == NE_AGG_CHANGELOG) return produce(s, s->chg, part, key, klen, val, vlen);
    return produce(s, s->out, -1, key, klen, val, vlen);
}

static int is_rep(const svc_t *s, const char *topic)
{
    return !strcmp(topic, s->rep);
}

static void publish_metrics(svc_t *s)
{
    ne_agg_stats_t st;
    ne_agg_stats(s->store, &st);
    long entries = 0;
    for (int i = 0; s->held && i < s->held->cnt; i++) {
        long e = ne_agg_store_entries(s->store, s->held->elems[i].partition);
        if (e > 0) entries += e;
    }
    ne_metrics_agg_t m = {entries, s->restore_records, s->restore_ms, st.emitted, st.late, st.duplicates};
    ne_metrics_aggregate(&m);
}

static void list_remove(rd_kafka_topic_partition_list_t *l, const char *topic, int32_t p)
{
    if (l) rd_kafka_topic_partition_list_del(l, topic, p);
}

static void rebalance_cb(rd_kafka_t *rk, rd_kafka_resp_err_t err, rd_kafka_topic_partition_list_t *parts,
                         void *opaque)
{
    svc_t *s = opaque;
    const char *proto = rd_kafka_rebalance_protocol(rk);
    int coop = proto && !strcmp(proto, "COOPERATIVE");
    /* a new assignment starts each partition from the group's committed
     * offset, at or before any aborted batch: no refused rewind is owed */
    for (int p = 0; p < NE_MAX_IN; p++) s->pend_in[p] = s->pend_rep[p] = -1;
    if (err == RD_KAFKA_RESP_ERR__ASSIGN_PARTITIONS) {
        ne_info("assigned %d partition(s)", parts->cnt);
        rd_kafka_error_t *e = NULL;
        if (coop) e = rd_kafka_incremental_assign(rk, parts);
        else rd_kafka_assign(rk, parts);
        if (e) {
            ne_err("assign: %s", rd_kafka_error_string(e));
            rd_kafka_error_destroy(e);
            ne_service_fail();
            return;
        }
        /* a repartition partition waits until its state is restored */
        rd_kafka_topic_partition_list_t *pause = rd_kafka_topic_partition_list_new(parts->cnt);
        for (int i = 0; i < parts->cnt; i++) {
            int32_t p = parts->elems[i].partition;
            if (!is_rep(s, parts->elems[i].topic) && p >= 0 && p < NE_MAX_IN) {
                s->in_state[p] = IN_ASSIGNED;
                s->in_wm[p] = INT32_MIN;
                s->resume_at[p] = -1;
                if (p >= s->in_max) s->in_max = p + 1;
            }
        }
        for (int i = 0; i < parts->cnt; i++)
            if (is_rep(s, parts->elems[i].topic)) {
                rd_kafka_topic_partition_list_add(pause, parts->elems[i].topic, parts->elems[i].partition);
                if (!rd_kafka_topic_partition_list_find(s->to_restore, parts->elems[i].topic, parts->elems[i].partition))
                    rd_kafka_topic_partition_list_add(s->to_restore, parts->elems[i].topic, parts->elems[i].partition);
            }
        if (pause->cnt) rd_kafka_pause_partitions(rk, pause);
        rd_kafka_topic_partition_list_destroy(pause);
        /* an input partition paused for alignment before a rebalance starts
         * afresh (not paused, from the committed offset) */
        rd_kafka_topic_partition_list_t *go = rd_kafka_topic_partition_list_new(parts->cnt);
        for (int i = 0; i < parts->cnt; i++)
            if (!is_rep(s, parts->elems[i].topic))
                rd_kafka_topic_partition_list_add(go, parts->elems[i].topic, parts->elems[i].partition);
        if (go->cnt) rd_kafka_resume_partitions(rk, go);
        rd_kafka_topic_partition_list_destroy(go);
        return;
    }
    ne_info("revoking %d partition(s)%s", parts->cnt,
            err == RD_KAFKA_RESP_ERR__REVOKE_PARTITIONS ? "" : " (lost)");
    s->revoked = 1;
    /* the open transaction holds records of these partitions: it must not
     * commit after another owner took them */
    if (s->txn_open) {
        rd_kafka_error_t *e = rd_kafka_abort_transaction(s->prod, 30000);
        if (e) {
            ne_err("aborting the transaction on a revoke: %s", rd_kafka_error_string(e));
            /* renewed by the run loop, after the poll */
            if (rd_kafka_error_is_fatal(e) && ne_txn_renewable(s->prod, s->txn_began)) s->renew = 1;
            else ne_service_fail();
            rd_kafka_error_destroy(e);
        }
        s->txn_open = 0;
    }
    for (int i = 0; i < parts->cnt; i++) {
        int32_t p = parts->elems[i].partition;
        if (!is_rep(s, parts->elems[i].topic) && p >= 0 && p < NE_MAX_IN) s->in_state[p] = 0;
        list_remove(s->to_restore, parts->elems[i].topic, parts->elems[i].partition);
        list_remove(s->held, parts->elems[i].topic, parts->elems[i].partition);
    }
    if (coop) {
        rd_kafka_error_t *e = rd_kafka_incremental_unassign(rk, parts);
        if (e) rd_kafka_error_destroy(e);
    } else {
        rd_kafka_assign(rk, NULL);
    }
}

/* Rebuild partition p of the store from changelog partition p: from the
 * checkpoint when there is one, else empty it and apply the changelog from
 * its start; to its end (read_committed: the last committed record).
 * Returns 0, -1 on an error, -2 when a stop came first. */
static int restore(svc_t *s, int32_t p)
{
    char err[512];
    int64_t t0 = ne_now_ms();
    long n = 0;
    int64_t lo = 0, hi = -1;
    /* an empty changelog partition: nothing to wait for (the end of a
     * partition is only reported after a fetch round) */
    rd_kafka_resp_err_t we = rd_kafka_query_watermark_offsets(s->restorer, s->chg, p, &lo, &hi, 10000);
    if (we) ne_warn("restoring partition %d: watermarks: %s", p, rd_kafka_err2str(we));
    /* from the checkpoint when the store holds the changelog up to it (it
     * may hold later records too: replaying them puts the same values);
     * else from the start, into an emptied partition */
    int64_t from = RD_KAFKA_OFFSET_BEGINNING, reached = hi;
    int incremental = p < NE_MAX_IN && s->ckpt[p] >= 0 && !we && s->ckpt[p] >= lo && s->ckpt[p] <= hi;
    if (incremental) from = s->ckpt[p];
    rd_kafka_topic_partition_list_t *l = rd_kafka_topic_partition_list_new(1);
    rd_kafka_topic_partition_list_add(l, s->chg, p)->offset = from;
    rd_kafka_resp_err_t e = rd_kafka_assign(s->restorer, l);
    rd_kafka_topic_partition_list_destroy(l);
    if (e) {
        ne_err("restoring partition %d: assign: %s", p, rd_kafka_err2str(e));
        return -1;
    }
    ne_agg_txn_t *t = ne_agg_begin(s->store, &s->opts, s->cameo, NULL, NULL, err, sizeof(err));
    int rc = t && (incremental || ne_agg_restore_clear(t, p, err, sizeof(err)) == 0) ? 0 : -1;
    while (!rc && !(!we && hi <= (incremental ? from : lo))) {
        if (!ne_service_running()) {
            rc = -1;
            snprintf(err, sizeof(err), "stopped");
            break;
        }
        rd_kafka_message_t *m = rd_kafka_consumer_poll(s->restorer, 500);
        if (!m) continue;
        if (m->err == RD_KAFKA_RESP_ERR__PARTITION_EOF) {
            reached = m->offset; /* the end a read_committed reader sees */
            rd_kafka_message_destroy(m);
            break;
        }
        if (m->err) {
            ne_warn("restoring partition %d: %s", p, rd_kafka_message_errstr(m));
            rd_kafka_message_destroy(m);
            continue;
        }
        rc = ne_agg_restore_put(t, p, m->key, m->key_len, m->payload, m->len, err, sizeof(err));
        n++;
        rd_kafka_message_destroy(m);
    }
    rd_kafka_assign(s->restorer, NULL);
    if (!rc) rc = ne_agg_commit(t, err, sizeof(err));
    else ne_agg_abort(t);
    if (rc && !ne_service_running()) return -2; /* a stop: not an error */
    if (rc) {
        ne_err("restoring partition %d: %s", p, err);
        return -1;
    }
    long ms = (long)(ne_now_ms() - t0);
    s->restore_records += n;
    s->restore_ms += ms;
    if (p < NE_MAX_IN) s->ckpt[p] = !we && reached >= 0 ? reached : -1;
    ne_info("restored state partition %d: %ld changelog record(s) in %ld ms, %ld entries (%s)", p, n, ms,
            ne_agg_store_entries(s->store, p),
            incremental ? "from the store's checkpoint" : "from the changelog's start");
    return 0;
}

static int restore_pending(svc_t *s)
{
    while (s->to_restore->cnt && ne_service_running()) {
        rd_kafka_topic_partition_t *tp = &s->to_restore->elems[0];
        int32_t p = tp->partition;
        char topic[1024];
        snprintf(topic, sizeof(topic), "%s", tp->topic);
        int r = restore(s, p);
        if (r == -2) return 0; /* stopping: the loop ends */
        if (r < 0) return -1;
        rd_kafka_topic_partition_list_del(s->to_restore, topic, p);
        if (!rd_kafka_topic_partition_list_find(s->held, topic, p))
            rd_kafka_topic_partition_list_add(s->held, topic, p);
        rd_kafka_topic_partition_list_t *l = rd_kafka_topic_partition_list_new(1);
        rd_kafka_topic_partition_list_add(l, topic, p);
        rd_kafka_resume_partitions(s->cons, l);
        rd_kafka_topic_partition_list_destroy(l);
    }
    publish_metrics(s);
    return 0;
}

/* First offset per partition of the batch (for a rewind) and the next ones (to commit). */
typedef struct batch_s {
    rd_kafka_topic_partition_list_t *first, *next;
    int32_t touched[4096];
    int ntouched;
} batch_t;

static void note_offset(batch_t *b, const rd_kafka_message_t *m)
{
    const char *topic = rd_kafka_topic_name(m->rkt);
    if (!rd_kafka_topic_partition_list_find(b->first, topic, m->partition))
        rd_kafka_topic_partition_list_add(b->first, topic, m->partition)->offset = m->offset;
    rd_kafka_topic_partition_t *n = rd_kafka_topic_partition_list_find(b->next, topic, m->partition);
    if (!n) n = rd_kafka_topic_partition_list_add(b->next, topic, m->partition);
    n->offset = m->offset + 1;
}

static int rewind_refused(svc_t *s, const rd_kafka_topic_partition_t *e);

/* Seek the batch's partitions that are still assigned back to its first offsets. */
static void rewind_batch(svc_t *s, batch_t *b)
{
    rd_kafka_topic_partition_list_t *mine = NULL;
    if (!b->first->cnt || rd_kafka_assignment(s->cons, &mine) || !mine) return;
    rd_kafka_topic_partition_list_t *seek = rd_kafka_topic_partition_list_new(b->first->cnt);
    for (int i = 0; i < b->first->cnt; i++) {
        const rd_kafka_topic_partition_t *p = &b->first->elems[i];
        if (!rd_kafka_topic_partition_list_find(mine, p->topic, p->partition) ||
            rd_kafka_topic_partition_list_find(s->to_restore, p->topic, p->partition))
            continue;
        if (!is_rep(s, p->topic) && p->partition < NE_MAX_IN) {
            int32_t q = p->partition;
            /* a partition paused for alignment is not sought now (that can
             * wait for a fetch that does not come): it resumes from here */
            if (s->in_state[q] & IN_PAUSED) {
                if (s->resume_at[q] < 0 || p->offset < s->resume_at[q]) s->resume_at[q] = p->offset;
                continue;
            }
        }
        rd_kafka_topic_partition_list_add(seek, p->topic, p->partition)->offset = p->offset;
    }
    rd_kafka_error_t *e = seek->cnt ? ne_kafka_seek(s->cons, seek, 30000) : NULL;
    if (e) {
        ne_err("rewinding the batch: %s", rd_kafka_error_string(e));
        rd_kafka_error_destroy(e);
        ne_service_fail();
    }
    for (int i = 0; i < seek->cnt; i++)
        if (seek->elems[i].err && !rewind_refused(s, &seek->elems[i])) {
            ne_err("rewinding %s[%d]: %s", seek->elems[i].topic, seek->elems[i].partition,
                   rd_kafka_err2str(seek->elems[i].err));
            ne_service_fail();
        }
    rd_kafka_topic_partition_list_destroy(seek);
    rd_kafka_topic_partition_list_destroy(mine);
}

/* The consumer refused a rewind with "Erroneous state": seen in a handover,
 * when the group was rebalancing and the partition's fetcher was stopping.
 * Stopping the service then (as for any other failed seek) stopped an
 * instance the test needed; going on blindly could skip the aborted
 * batch's records. So the offset is owed: a new assignment starts from the
 * committed offset and settles it (rebalance_cb), and a record read past it
 * before that stops the service (owed_rewind). 1 when owed. */
static int rewind_refused(svc_t *s, const rd_kafka_topic_partition_t *e)
{
    if (e->err != RD_KAFKA_RESP_ERR__STATE || e->partition < 0 || e->partition >= NE_MAX_IN) return 0;
    int64_t *pend = is_rep(s, e->topic) ? &s->pend_rep[e->partition] : &s->pend_in[e->partition];
    if (*pend < 0 || e->offset < *pend) *pend = e->offset;
    ne_warn("rewinding %s[%d] to %lld refused (%s): a record past it before the next assignment stops the "
            "service", e->topic, e->partition, (long long)e->offset, rd_kafka_err2str(e->err));
    return 1;
}

/* A record of a partition whose rewind was refused: at or before the owed
 * offset it settles the debt (it is read again from there); past it, the
 * aborted batch's records would be skipped, so the service stops (a
 * restart reads on from the committed offsets). -1 to stop, else 0. */
static int owed_rewind(svc_t *s, const rd_kafka_message_t *m)
{
    if (!m->rkt || m->partition < 0 || m->partition >= NE_MAX_IN) return 0;
    int64_t *pend = is_rep(s, rd_kafka_topic_name(m->rkt)) ? &s->pend_rep[m->partition] : &s->pend_in[m->partition];
    if (*pend < 0) return 0;
    if (m->offset <= *pend) {
        *pend = -1;
        return 0;
    }
    ne_err("%s[%d]: record %lld read past the rewind to %lld the consumer refused: stopping",
           rd_kafka_topic_name(m->rkt), m->partition, (long long)m->offset, (long long)*pend);
    return -1;
}

static rd_kafka_t *make_producer(svc_t *s, char *err, size_t errsz);

/* After a fatal error ne_txn_renewable() accepts, with the store's transaction
 * already rolled back: a new producer with the same transactional id (its
 * init fences the old epoch and completes whatever the coordinator still
 * had open), and the batch is done again from its first offsets. Unless
 * the group's committed offsets show that the ended transaction was
 * committed after all (a commit whose answer was lost): the store, rolled
 * back, would then miss it, so the service stops, and a restart rebuilds
 * the state from the changelog. Renewals in a row (no commit between) stop
 * it after the third. Returns -1 to stop. */
static int renew_producer(svc_t *s, batch_t *b)
{
    char err[512];
    rd_kafka_fatal_error(s->prod, err, sizeof(err));
    if (++s->renewals > 3) {
        ne_err("the producer was renewed %d times without a commit: stopping", s->renewals - 1);
        return -1;
    }
    ne_warn("a new producer takes the transactional id %s after a fatal error a new producer recovers "
            "from (%s), and the batch will be done again", s->conf->transactional_id, err);
    ne_metrics_error("producer_renewed");
    rd_kafka_purge(s->prod, RD_KAFKA_PURGE_F_QUEUE | RD_KAFKA_PURGE_F_INFLIGHT);
    rd_kafka_destroy(s->prod);
    s->txn_open = s->renew = s->produce_failed = 0;
    if (!(s->prod = make_producer(s, err, sizeof(err)))) {
        ne_err("%s", err);
        return -1;
    }
    if (!b->first->cnt) return 0;
    rd_kafka_topic_partition_list_t *c = rd_kafka_topic_partition_list_copy(b->first);
    rd_kafka_resp_err_t e = rd_kafka_committed(s->cons, c, 30000);
    /* Past the batch's first record only if its transaction was committed.
     * Before it is normal: the previous commit points just after its last
     * record, at the transaction marker that follows it in a transactional
     * topic (the repartition topic), one offset short of our first record. */
    int moved = 0;
    for (int i = 0; !e && i < c->cnt; i++)
        moved |= !c->elems[i].err && c->elems[i].offset > b->first->elems[i].offset;
    rd_kafka_topic_partition_list_destroy(c);
    if (e || moved) {
        ne_err("%s: stopping (a restart rebuilds the state from the changelog)",
               e ? rd_kafka_err2str(e) : "the ended transaction was committed after all");
        return -1;
    }
    return 0;
}

static int txn_retry(rd_kafka_error_t *e)
{
    if (!e || !rd_kafka_error_is_retriable(e) || ne_service_past_deadline()) return 0;
    rd_kafka_error_destroy(e);
    return 1;
}

static void pause_one(svc_t *s, int32_t p, int pause)
{
    rd_kafka_topic_partition_list_t *l = rd_kafka_topic_partition_list_new(1);
    rd_kafka_topic_partition_list_add(l, s->in, p)->offset = s->resume_at[p];
    if (pause) rd_kafka_pause_partitions(s->cons, l);
    else rd_kafka_resume_partitions(s->cons, l);
    if (!pause && s->resume_at[p] >= 0) {
        /* back to the first record not taken (the fetcher went past it).
         * After the resume: a seek of a paused partition can wait for a
         * fetch that does not come. A record fetched before the seek and
         * taken meanwhile is read twice: harmless, its event id counts once. */
        rd_kafka_error_t *e = ne_kafka_seek(s->cons, l, 30000);
        if (e || l->elems[0].err) {
            ne_err("seeking %s[%d] to %lld: %s", s->in, p, (long long)s->resume_at[p],
                   e ? rd_kafka_error_string(e) : rd_kafka_err2str(l->elems[0].err));
            if (e) rd_kafka_error_destroy(e);
            ne_service_fail(); /* going on could skip records */
        }
    }
    rd_kafka_topic_partition_list_destroy(l);
    if (pause) s->in_state[p] |= IN_PAUSED, s->aligned_pauses++;
    else s->in_state[p] &= (unsigned char)~IN_PAUSED, s->resume_at[p] = -1;
}

/* The slowest input partition's day, over those assigned, read and not at
 * their end (INT32_MAX: none); *unknown: one assigned has not been read yet. */
static int32_t slowest(const svc_t *s, int32_t except, int *unknown)
{
    int32_t min = INT32_MAX;
    *unknown = 0;
    for (int p = 0; p < s->in_max; p++) {
        unsigned st = s->in_state[p];
        if (p == except || !(st & IN_ASSIGNED) || (st & IN_EOF)) continue;
        if (!(st & IN_SEEN)) *unknown = 1;
        else if ((st & IN_KNOWN) && s->in_wm[p] < min) min = s->in_wm[p];
    }
    return min;
}

/* Is input partition p more than NE_ALIGN_DAYS ahead of the others (or are
 * there unread ones)? See align(). */
static int ahead_of_others(const svc_t *s, int32_t p)
{
    int unknown;
    int32_t min = slowest(s, p, &unknown);
    return unknown || (min != INT32_MAX && s->in_wm[p] > min + NE_ALIGN_DAYS);
}

/* One record of the batch. Returns 0, 1 when it was held back (event-time
 * alignment: not taken, read again later), or -1 to abort the batch. */
static int process(svc_t *s, ne_agg_txn_t **tp, batch_t *b, rd_kafka_message_t *m)
{
    char err[512], key[256];
    const char *topic = rd_kafka_topic_name(m->rkt);
    int input = !is_rep(s, topic);
    /* a paused partition's records still in the local queue (a tombstone
     * too: taken, it would commit past the held-back records before it):
     * taken again from the first of them when it resumes */
    if (input && m->partition >= 0 && m->partition < NE_MAX_IN && (s->in_state[m->partition] & IN_PAUSED)) {
        if (s->resume_at[m->partition] < 0 || m->offset < s->resume_at[m->partition])
            s->resume_at[m->partition] = m->offset;
        return 1;
    }
    if (!m->payload) {
        s->skipped++;
        return 0;
    }
    if (input) {
        /* the input: re-keyed by aggregate key, so that one key's events
         * meet in one partition whatever partition they came from */
        int32_t day, p = m->partition;
        int track = p >= 0 && p < NE_MAX_IN;
        int r = ne_agg_route(&s->opts, m->payload, m->len, key, sizeof(key), &day, err, sizeof(err));
        if (track) {
            s->in_state[p] = (unsigned char)((s->in_state[p] & ~IN_EOF) | IN_SEEN);
            if (day != INT32_MIN && day > s->in_wm[p]) {
                s->in_wm[p] = day;
                s->in_state[p] |= IN_KNOWN;
            }
            if (day != INT32_MIN && ahead_of_others(s, p)) {
                pause_one(s, p, 1);
                s->resume_at[p] = m->offset;
                return 1;
            }
        }
        if (r != NE_AGG_COUNTED) {
            s->skipped++;
            if (r == NE_AGG_INVALID)
                ne_log_rec(NE_LOG_WARN, &(ne_log_rec_t){.topic = topic, .partition = m->partition, .offset = m->offset,
                                                       .reason = "invalid"}, "%s[%d]@%lld: skipped: %s", topic,
                           m->partition, (long long)m->offset, err);
            return 0;
        }
        s->repartitioned++;
        return produce(s, s->rep, -1, key, strlen(key), m->payload, m->len);
    }
    if (!*tp && !(*tp = ne_agg_begin(s->store, &s->opts, s->cameo, svc_emit, s, err, sizeof(err)))) {
        ne_err("%s", err);
        return -1;
    }
    int r = ne_agg_apply(*tp, m->partition, m->payload, m->len, wall_ms(), err, sizeof(err));
    if (r == -2) {
        ne_err("%s", err);
        return -1;
    }
    int seen = 0;
    for (int i = 0; i < b->ntouched; i++) seen |= b->touched[i] == m->partition;
    if (!seen && b->ntouched < 4096) b->touched[b->ntouched++] = m->partition;
    return 0;
}

/* End a batch. Returns 0 (committed, or aborted and rewound), -1 to stop. */
static int finish(svc_t *s, ne_agg_txn_t *t, batch_t *b)
{
    char err[512];
    rd_kafka_error_t *e = NULL;
    int ok = !s->produce_failed;
    for (int i = 0; ok && t && i < b->ntouched; i++)
        if (ne_agg_advance(t, b->touched[i], wall_ms(), err, sizeof(err)) < 0) {
            ne_err("%s", err);
            ok = 0;
        }
    if (s->eos) {
        if (ok) {
            do {
                rd_kafka_consumer_group_metadata_t *gm = rd_kafka_consumer_group_metadata(s->cons);
                e = rd_kafka_send_offsets_to_transaction(s->prod, b->next, gm, 500);
                rd_kafka_consumer_group_metadata_destroy(gm);
            } while (txn_retry(e));
            if (!e) {
                do e = rd_kafka_commit_transaction(s->prod, 500);
                while (txn_retry(e));
            }
        }
        if (ok && !e) {
            s->txn_open = 0;
            s->renewals = 0;
            if (t && ne_agg_commit(t, err, sizeof(err)) < 0) {
                ne_err("%s: stopping (the state is rebuilt from the changelog on start)", err);
                return -1;
            }
            return 0;
        }
        if (e && (rd_kafka_error_is_fatal(e) ||
                  (!rd_kafka_error_txn_requires_abort(e) && !rd_kafka_error_is_retriable(e)))) {
            ne_err("transaction: %s", rd_kafka_error_string(e));
            int renew = rd_kafka_error_is_fatal(e) && ne_txn_renewable(s->prod, s->txn_began);
            rd_kafka_error_destroy(e);
            ne_agg_abort(t);
            if (!renew || renew_producer(s, b) < 0) return -1;
            rewind_batch(s, b);
            return 0;
        }
        ne_warn("transaction aborted (%s): the batch will be done again", e ? rd_kafka_error_string(e) : "a failure");
        ne_metrics_error("transaction_abort");
        if (e) rd_kafka_error_destroy(e);
        ne_agg_abort(t);
        if (s->txn_open) {
            do e = rd_kafka_abort_transaction(s->prod, 500);
            while (txn_retry(e));
            s->txn_open = 0;
            if (e) {
                ne_err("abort transaction: %s", rd_kafka_error_string(e));
                int renew = rd_kafka_error_is_fatal(e) && ne_txn_renewable(s->prod, s->txn_began);
                rd_kafka_error_destroy(e);
                if (!renew || renew_producer(s, b) < 0) return -1;
            }
        }
        s->produce_failed = 0;
        rewind_batch(s, b);
        return 0;
    }
    /* at-least-once: everything delivered, then the store, then the offsets */
    while (ok && rd_kafka_outq_len(s->prod) > 0 && !ne_service_past_deadline()) rd_kafka_poll(s->prod, 50);
    if (!ok || s->produce_failed || rd_kafka_outq_len(s->prod) > 0) {
        ne_err("records of the batch were not delivered: stopping without committing its offsets");
        ne_agg_abort(t);
        return -1;
    }
    if (t && ne_agg_commit(t, err, sizeof(err)) < 0) {
        ne_err("%s", err);
        return -1;
    }
    if (b->next->cnt) {
        rd_kafka_resp_err_t ce = rd_kafka_commit(s->cons, b->next, 0);
        if (ce) ne_warn("committing offsets: %s (the records will be read again)", rd_kafka_err2str(ce));
    }
    return 0;
}

/* Event-time alignment of the input partitions (as Flink's watermark
 * alignment): the watermark of a state partition is the latest event day
 * it has seen, and its events come from every input partition; one input
 * partition read far ahead of another (a backlog, partitions of unequal
 * sizes) would make the other's events late. So an input partition that is
 * more than NE_ALIGN_DAYS ahead of the slowest one that still has records
 * waits (paused) until that one catches up. A partition at its end does
 * not hold the others back. Within one instance: instances do not see each
 * other's positions. */
static void align(svc_t *s)
{
    /* pauses happen in process(), record by record; here the resumes */
    for (int p = 0; p < s->in_max; p++) {
        unsigned st = s->in_state[p];
        if ((st & IN_ASSIGNED) && (st & IN_PAUSED) && !ahead_of_others(s, p)) pause_one(s, p, 0);
    }
}

static int run_loop(svc_t *s)
{
    int rc = 0;
    int64_t last_metrics = 0;
    while (ne_service_running()) {
        if (s->to_restore->cnt && restore_pending(s) < 0) return 1;
        batch_t b = {rd_kafka_topic_partition_list_new(16), rd_kafka_topic_partition_list_new(16), {0}, 0};
        ne_agg_txn_t *t = NULL;
        int n = 0, bad = 0;
        int64_t t0 = ne_now_ms();
        s->revoked = 0;
        while (ne_service_running() && n < s->conf->batch) {
            rd_kafka_message_t *m = rd_kafka_consumer_poll(s->cons, n ? 10 : 100);
            if (s->revoked) {
                /* the poll that served the revoke may also have served the
                 * new assignment and returned a record of it: librdkafka's
                 * position is past it now, so it is read again from there
                 * (rewind_batch seeks it), not dropped (it was lost: its
                 * partition's next records were taken and committed) */
                if (m && !m->err && m->rkt) {
                    const char *mt = rd_kafka_topic_name(m->rkt);
                    if (!rd_kafka_topic_partition_list_find(b.first, mt, m->partition))
                        rd_kafka_topic_partition_list_add(b.first, mt, m->partition)->offset = m->offset;
                }
                if (m) rd_kafka_message_destroy(m);
                break;
            }
            if (m && m->err) {
                if (m->err == RD_KAFKA_RESP_ERR__PARTITION_EOF) {
                    if (m->rkt && !is_rep(s, rd_kafka_topic_name(m->rkt)) && m->partition >= 0 &&
                        m->partition < NE_MAX_IN)
                        s->in_state[m->partition] |= IN_EOF;
                } else {
                    ne_warn("consumer: %s", rd_kafka_message_errstr(m));
                }
                rd_kafka_message_destroy(m);
                m = NULL;
            } else if (m && owed_rewind(s, m) < 0) {
                rd_kafka_message_destroy(m);
                ne_service_fail();
                bad = 1;
                break;
            } else if (m) {
                if (s->eos && !s->txn_open) {
                    rd_kafka_error_t *e = rd_kafka_begin_transaction(s->prod);
                    if (e) {
                        ne_err("begin transaction: %s", rd_kafka_error_string(e));
                        rd_kafka_error_destroy(e);
                        rd_kafka_message_destroy(m);
                        bad = 1;
                        break;
                    }
                    s->txn_open = 1;
                    s->txn_began = ne_now_ms();
                }
                int pr = process(s, &t, &b, m);
                if (pr == 0) {
                    note_offset(&b, m);
                    s->in_records++;
                    ne_metrics_record_in();
                    n++;
                }
                rd_kafka_message_destroy(m);
                if (pr < 0) {
                    bad = 1;
                    break;
                }
            }
            rd_kafka_poll(s->prod, 0);
            if (m) align(s);
            if (s->to_restore->cnt) break; /* restore before reading on */
            /* a batch ends 100 ms after it began; an empty one after a second
             * (the metrics and the alignment are looked at between batches) */
            if (!m && ne_now_ms() - t0 > (n ? 100 : 1000)) break;
        }
        if (s->revoked) {
            /* the transaction was aborted in the callback: the store's goes too */
            ne_agg_abort(t);
            t = NULL;
            if (n) ne_info("partitions revoked while a batch was read: %d record(s) dropped, the kept "
                           "partitions rewound", n);
            if (s->renew && renew_producer(s, &b) < 0) {
                rc = 1;
                ne_service_stop();
            } else {
                rewind_batch(s, &b);
            }
        } else if (bad) {
            ne_agg_abort(t);
            rc = 1;
            ne_service_stop();
        } else if (n && finish(s, t, &b) < 0) {
            rc = 1;
            ne_service_stop();
        }
        rd_kafka_topic_partition_list_destroy(b.first);
        rd_kafka_topic_partition_list_destroy(b.next);
        align(s); /* an end of partition may free the others */
        if (ne_service_failed()) rc = 1;
        if (ne_now_ms() - last_metrics > 1000) {
            publish_metrics(s);
            last_metrics = ne_now_ms();
        }
    }
    if (s->txn_open) {
        rd_kafka_error_t *e = rd_kafka_abort_transaction(s->prod, 10000);
        if (e) rd_kafka_error_destroy(e);
        s->txn_open = 0;
    }
    return rc;
}

/* ---- topics ---------------------------------------------------------------------------- */

static int partition_count(rd_kafka_t *rk, const char *topic)
{
    const struct rd_kafka_metadata *md = NULL;
    rd_kafka_topic_t *t = rd_kafka_topic_new(rk, topic, NULL);
    int n = -1;
    if (t && !rd_kafka_metadata(rk, 0, t, &md, 10000) && md->topic_cnt == 1 && !md->topics[0].err)
        n = md->topics[0].partition_cnt;
    if (md) rd_kafka_metadata_destroy(md);
    if (t) rd_kafka_topic_destroy(t);
    return n;
}

/* Create topic (parts partitions, compacted or not) unless it exists. */
static int ensure_topic(const ne_conf_t *conf, rd_kafka_t *rk, const char *topic, int parts, int compact, char *err,
                        size_t errsz)
{
    if (partition_count(rk, topic) > 0) return 0;
    char e2[512];
    rd_kafka_NewTopic_t *nt = rd_kafka_NewTopic_new(topic, parts, conf->replication_factor, e2, sizeof(e2));
    if (!nt) {
        snprintf(err, errsz, "topic %.200s: %.280s", topic, e2);
        return -1;
    }
    if (compact) rd_kafka_NewTopic_set_config(nt, "cleanup.policy", "compact");
    rd_kafka_queue_t *q = rd_kafka_queue_new(rk);
    rd_kafka_CreateTopics(rk, &nt, 1, NULL, q);
    rd_kafka_event_t *ev = rd_kafka_queue_poll(q, 30000);
    int rc = -1;
    if (!ev) snprintf(err, errsz, "creating %s: no answer in 30 s", topic);
    else {
        size_t cnt = 0;
        const rd_kafka_CreateTopics_result_t *res = rd_kafka_event_CreateTopics_result(ev);
        const rd_kafka_topic_result_t **tr = res ? rd_kafka_CreateTopics_result_topics(res, &cnt) : NULL;
        if (rd_kafka_event_error(ev)) snprintf(err, errsz, "creating %s: %s", topic, rd_kafka_event_error_string(ev));
        else if (cnt == 1 && rd_kafka_topic_result_error(tr[0]) &&
                 rd_kafka_topic_result_error(tr[0]) != RD_KAFKA_RESP_ERR_TOPIC_ALREADY_EXISTS)
            snprintf(err, errsz, "creating %s: %s", topic, rd_kafka_topic_result_error_string(tr[0]));
        else {
            rc = 0;
            ne_info("created topic %s: %d partition(s)%s", topic, parts, compact ? ", compacted" : "");
        }
        rd_kafka_event_destroy(ev);
    }
    rd_kafka_queue_destroy(q);
    rd_kafka_NewTopic_destroy(nt);
    /* metadata catches up with a new topic a moment later */
    for (int i = 0; !rc && i < 100 && partition_count(rk, topic) != parts; i++) usleep(100000);
    return rc;
}

static int setup_topics(svc_t *s, char *err, size_t errsz)
{
    const ne_conf_t *conf = s->conf;
    int in_parts = partition_count(s->prod, s->in);
    if (in_parts <= 0) {
        snprintf(err, errsz, "input topic %s does not exist", s->in);
        return -1;
    }
    int parts = conf->partitions ? conf->partitions : in_parts;
    if (ensure_topic(conf, s->prod, s->rep, parts, 0, err, errsz) < 0) return -1;
    int rep_parts = partition_count(s->prod, s->rep);
    /* changelog partition p belongs to repartition partition p */
    if (ensure_topic(conf, s->prod, s->chg, rep_parts, 1, err, errsz) < 0) return -1;
    int chg_parts = partition_count(s->prod, s->chg);
    if (chg_parts != rep_parts) {
        snprintf(err, errsz, "the changelog %.180s has %d partitions, the repartition topic %.180s %d: they must match",
                 s->chg, chg_parts, s->rep, rep_parts);
        return -1;
    }
    if (conf->create_topics && ensure_topic(conf, s->prod, s->out, parts, 1, err, errsz) < 0) return -1;
    if (partition_count(s->prod, s->out) <= 0) {
        snprintf(err, errsz, "output topic %s does not exist (--create-topics creates it, compacted)", s->out);
        return -1;
    }
    return 0;
}

static rd_kafka_t *make_consumer(const ne_conf_t *conf, const char *group, int restorer, svc_t *s, char *err,
                                 size_t errsz)
{
    const ne_kafka_prop_t base[] = {
        {"bootstrap.servers", conf->brokers},
        {"client.id", conf->client_id ? conf->client_id : "newsevents"},
        {"group.id", group},
        {"enable.auto.commit", "false"},
        {"auto.offset.reset", "earliest"},
        /* records of aborted transactions are never counted */
        {"isolation.level", "read_committed"},
        /* the restorer reads to the end; the service knows which input
         * partitions are at their end (see align()) */
        {"enable.partition.eof", "true"},
        /* a paused partition's prefetched records are fetched again: keep it small */
        {"queued.max.messages.kbytes", restorer ? NULL : "4096"},
    };
    rd_kafka_conf_t *kc = ne_kafka_conf(base, sizeof(base) / sizeof(base[0]), conf, NE_SCOPE_CONSUMER, err, errsz);
    if (!kc) return NULL;
    if (!restorer) {
        rd_kafka_conf_set_opaque(kc, s);
        rd_kafka_conf_set_rebalance_cb(kc, rebalance_cb);
    }
    rd_kafka_t *rk = ne_kafka_new(RD_KAFKA_CONSUMER, kc, err, errsz);
    if (rk && !restorer) rd_kafka_poll_set_consumer(rk);
    return rk;
}

static rd_kafka_t *make_producer(svc_t *s, char *err, size_t errsz)
{
    const ne_conf_t *conf = s->conf;
    const ne_kafka_prop_t base[] = {
        {"bootstrap.servers", conf->brokers},
        {"client.id", conf->client_id ? conf->client_id : "newsevents"},
        {"enable.idempotence", "true"},
        {"linger.ms", "5"},
        {"compression.type", "lz4"},
        /* the Java client's partitioner: every instance (and any other
         * client) puts a key in the same repartition partition */
        {"partitioner", "murmur2_random"},
        {"transactional.id", s->eos ? conf->transactional_id : NULL},
    };
    rd_kafka_conf_t *kc = ne_kafka_conf(base, sizeof(base) / sizeof(base[0]), conf, NE_SCOPE_PRODUCER, err, errsz);
    if (!kc) return NULL;
    rd_kafka_conf_set_opaque(kc, s);
    rd_kafka_conf_set_dr_msg_cb(kc, dr_cb);
    rd_kafka_t *rk = ne_kafka_new(RD_KAFKA_PRODUCER, kc, err, errsz);
    if (rk && s->eos) {
        /* fences a previous instance with this id (kill -9): its open
         * transaction is aborted here, before anything is read */
        rd_kafka_error_t *e = rd_kafka_init_transactions(rk, 60000);
        if (e) {
            snprintf(err, errsz, "initializing transactions (%s): %s", conf->transactional_id, rd_kafka_error_string(e));
            rd_kafka_error_destroy(e);
            rd_kafka_destroy(rk);
            return NULL;
        }
    }
    return rk;
}

/* A checkpoint older than this is not used: the broker drops a compacted
 * topic's tombstones after delete.retention.ms (24 h by default), and a
 * replay from an old offset could miss a delete. */
#define NE_CKPT_MAX_AGE_S (12 * 3600)

/* Read DIR/checkpoint ("time", then "partition offset" lines) into s->ckpt. */
static void checkpoint_load(svc_t *s)
{
    char path[1100];
    for (int p = 0; p < NE_MAX_IN; p++) s->ckpt[p] = -1;
    snprintf(path, sizeof(path), "%s/checkpoint", s->dir);
    FILE *fp = fopen(path, "r");
    if (!fp) return;
    long long when = 0, off;
    int p, n = 0;
    char chg[600];
    if (fscanf(fp, "%lld %599s", &when, chg) == 2 && !strcmp(chg, s->chg) &&
        time(NULL) - when <= NE_CKPT_MAX_AGE_S)
        while (fscanf(fp, "%d %lld", &p, &off) == 2)
            if (p >= 0 && p < NE_MAX_IN && off >= 0) s->ckpt[p] = off, n++;
    fclose(fp);
    if (n) ne_info("the store in %s has a checkpoint of %d partition(s): restores start there", s->dir, n);
}

/* After a clean stop (everything committed): the changelog end of each held
 * partition, which the store holds up to. */
static void checkpoint_save(svc_t *s)
{
    char path[1100], tmp[1100];
    snprintf(path, sizeof(path), "%s/checkpoint", s->dir);
    snprintf(tmp, sizeof(tmp), "%s/checkpoint.tmp", s->dir);
    FILE *fp = fopen(tmp, "w");
    if (!fp) return;
    fprintf(fp, "%lld %s\n", (long long)time(NULL), s->chg);
    for (int i = 0; i < s->held->cnt; i++) {
        int64_t lo, hi;
        int32_t p = s->held->elems[i].partition;
        if (!rd_kafka_query_watermark_offsets(s->restorer, s->chg, p, &lo, &hi, 5000))
            fprintf(fp, "%d %lld\n", (int)p, (long long)hi);
    }
    if (fclose(fp) == 0) rename(tmp, path);
}

int ne_agg_service(const ne_conf_t *conf)
{
    char err[512], group2[1024], dir[1024];
    svc_t s;
    memset(&s, 0, sizeof(s));
    s.conf = conf;
    s.eos = conf->exactly_once;
    s.in = conf->in_file;
    s.out = conf->out_file;
    opts_from_conf(conf, &s.opts);
    snprintf(s.rep, sizeof(s.rep), "%s-aggregate-repartition", conf->group);
    snprintf(s.chg, sizeof(s.chg), "%s-aggregate-changelog", conf->group);
    if (conf->state_dir) snprintf(dir, sizeof(dir), "%s", conf->state_dir);
    /* the folder is a cache of the changelog: a run of its own, removed at the end */
    else snprintf(dir, sizeof(dir), "/tmp/newsevents-aggregate-%s-%d", conf->group, (int)getpid());
    snprintf(s.dir, sizeof(s.dir), "%s", dir);
    int rc = 1;
    ne_service_watchdog(conf->flush_timeout_ms);
    s.to_restore = rd_kafka_topic_partition_list_new(8);
    s.held = rd_kafka_topic_partition_list_new(8);
    if (!(s.cameo = ne_cameo_load(ne_conf_dict_base(conf), err, sizeof(err))) ||
        !(s.store = ne_agg_store_open(dir, 0, err, sizeof(err))) || !(s.prod = make_producer(&s, err, sizeof(err))) ||
        setup_topics(&s, err, sizeof(err)) < 0 ||
        !(s.cons = make_consumer(conf, conf->group, 0, &s, err, sizeof(err)))) {
        ne_err("%s", err);
        goto done;
    }
    snprintf(group2, sizeof(group2), "%s-restore", conf->group);
    if (!(s.restorer = make_consumer(conf, group2, 1, &s, err, sizeof(err)))) {
        ne_err("%s", err);
        goto done;
    }
    checkpoint_load(&s);
    for (int p = 0; p < NE_MAX_IN; p++) s.resume_at[p] = s.pend_in[p] = s.pend_rep[p] = -1;
    if (!conf->state_dir) for (int p = 0; p < NE_MAX_IN; p++) s.ckpt[p] = -1;
    rd_kafka_topic_partition_list_t *sub = rd_kafka_topic_partition_list_new(2);
    rd_kafka_topic_partition_list_add(sub, s.in, RD_KAFKA_PARTITION_UA);
    rd_kafka_topic_partition_list_add(sub, s.rep, RD_KAFKA_PARTITION_UA);
    rd_kafka_resp_err_t se = rd_kafka_subscribe(s.cons, sub);
    rd_kafka_topic_partition_list_destroy(sub);
    if (se) {
        ne_err("subscribe: %s", rd_kafka_err2str(se));
        goto done;
    }
    if (conf->metrics_port) {
        if (ne_metrics_start(conf->metrics_bind, conf->metrics_port, err, sizeof(err)) < 0) {
            ne_err("%s", err);
            goto done;
        }
        ne_info("metrics on http://%s:%d/metrics", conf->metrics_bind, conf->metrics_port);
    }
    ne_info("newsevents %s aggregate: %s -> %s -> %s (changelog %s), group %s, %s%s%s, state in %s", NE_VERSION,
            s.in, s.rep, s.out, s.chg, conf->group, s.eos ? "exactly-once" : "at-least-once",
            s.eos ? " with transactional id " : "", s.eos ? conf->transactional_id : "", dir);
    rc = run_loop(&s);
    publish_metrics(&s);
    /* a clean stop: every batch committed, the store holds the changelog's end */
    if (!rc && !ne_service_failed() && conf->state_dir) checkpoint_save(&s);
done:
    ne_service_stop();
    if (s.cons) {
        ne_kafka_leave_group(s.cons, ne_now_ms() + NE_LEAVE_GROUP_MS);
        rd_kafka_consumer_close(s.cons);
        rd_kafka_destroy(s.cons);
    }
    if (s.restorer) {
        rd_kafka_consumer_close(s.restorer);
        rd_kafka_destroy(s.restorer);
    }
    if (s.prod) {
        if (!s.eos) rd_kafka_flush(s.prod, conf->flush_timeout_ms);
        rd_kafka_destroy(s.prod);
    }
    ne_metrics_stop();
    if (s.store) log_stats("aggregate stopped", s.store, -1);
    ne_info("%ld records read, %ld events repartitioned, %ld skipped; restored %ld changelog record(s) in %ld ms; "
            "input partitions paused %ld time(s) to stay aligned in event time",
            s.in_records, s.repartitioned, s.skipped, s.restore_records, s.restore_ms, s.aligned_pauses);
    ne_agg_store_close(s.store);
    if (!conf->state_dir) rm_tree(dir);
    ne_cameo_free(s.cameo);
    rd_kafka_topic_partition_list_destroy(s.to_restore);
    rd_kafka_topic_partition_list_destroy(s.held);
    if (ne_service_failed()) rc = 1;
    return rc;
}
