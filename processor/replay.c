/*
 * replay.c - bounded replays.
 *
 * The end of every partition is fixed when the replay starts (the high
 * watermark, or the first offset at --until), so the run always ends, even
 * while producers keep writing; kcat's -e with a group never does. The
 * consumer is assigned partitions directly (no group membership, no
 * rebalances) and commits nothing unless --commit asks for it. Events go
 * to the output topic like the service's, and since event ids are
 * deterministic, replaying twice yields the same ids: idempotent for
 * consumers that deduplicate and for compacted topics.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "consumer.h"
#include "log.h"
#include "metrics.h"
#include "producer.h"
#include "replay.h"
#include "service.h"
#include "workers.h"

static int64_t days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t yoe = y - era * 400;
    int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

int ne_parse_rfc3339_ms(const char *s, int64_t *ms)
{
    int y, mo, d, h = 0, mi = 0, sec = 0, n = 0;
    if (!ne_parse_date(s)) return -1;
    if (sscanf(s, "%4d-%2d-%2d%n", &y, &mo, &d, &n) != 3) return -1;
    const char *t = s + n;
    int64_t frac_ms = 0, off = 0;
    if (*t) {
        if (sscanf(t + 1, "%2d:%2d:%2d", &h, &mi, &sec) != 3) return -1;
        t += 9;
        if (*t == '.') {
            int scale = 100;
            for (t++; *t >= '0' && *t <= '9'; t++, scale /= 10) frac_ms += (*t - '0') * scale;
        }
        if (*t == '+' || *t == '-') {
            int oh = atoi(t + 1), om = atoi(t + 4);
            off = (*t == '+' ? 1 : -1) * (oh * 3600 + om * 60);
        }
    }
    *ms = ((days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + sec) - off) * 1000 + frac_ms;
    return 0;
}

static int all_digits(const char *s)
{
    return *s && strspn(s, "0123456789") == strlen(s);
}

/* One item of --from as a list, "[topic:]partition:offset", split in place.
 * Returns 0, or -1 when it is not of that form. */
static int from_item(char *item, const char **topic, int *partition, int64_t *offset)
{
    char *off = strrchr(item, ':');
    if (!off) return -1;
    *off++ = '\0';
    char *part = strrchr(item, ':');
    *topic = part ? item : NULL;
    if (part) *part++ = '\0';
    else part = item;
    if (!all_digits(part) || !all_digits(off) || (*topic && !**topic)) return -1;
    *partition = atoi(part);
    *offset = strtoll(off, NULL, 10);
    return 0;
}

int ne_replay_check_conf(ne_conf_t *c, char *err, size_t errsz)
{
    int64_t ms;
    if (c->from && strcmp(c->from, "earliest") && ne_parse_rfc3339_ms(c->from, &ms) < 0) {
        char *dup = strdup(c->from), *save = NULL;
        int bad = !dup;
        for (char *p = bad ? NULL : strtok_r(dup, ",", &save); p && !bad; p = strtok_r(NULL, ",", &save)) {
            const char *topic;
            int pid;
            int64_t off;
            bad = from_item(p, &topic, &pid, &off) < 0;
        }
        free(dup);
        if (bad) {
            snprintf(err, errsz, "--from: expected earliest, an RFC 3339 time or "
                                 "[topic:]partition:offset,...");
            return -1;
        }
    }
    if (c->until && strcmp(c->until, "end") && ne_parse_rfc3339_ms(c->until, &ms) < 0) {
        snprintf(err, errsz, "--until: expected end or an RFC 3339 time");
        return -1;
    }
    if (c->replay_commit && !c->group) {
        snprintf(err, errsz, "--commit needs a consumer group (-g)");
        return -1;
    }
    return 0;
}

typedef struct part_s {
    char *topic;
    int32_t partition;
    int64_t start, end, pos;
    int done;
} part_t;

/* Mark a partition finished at its end offset, counting what it skipped
 * (gaps, or the records past the end); returns 1, the partitions it ends. */
static int finish(part_t *p, int64_t *done)
{
    *done += p->end - p->pos;
    p->pos = p->end;
    p->done = 1;
    return 1;
}

static int topic_partitions(rd_kafka_t *rk, const char *topic, int *n, char *err, size_t errsz)
{
    rd_kafka_topic_t *t = rd_kafka_topic_new(rk, topic, NULL);
    const struct rd_kafka_metadata *md;
    rd_kafka_resp_err_t e = rd_kafka_metadata(rk, 0, t, &md, 10000);
    rd_kafka_topic_destroy(t);
    if (e) {
        snprintf(err, errsz, "metadata of %s: %s", topic, rd_kafka_err2str(e));
        return -1;
    }
    int rc = 0;
    if (md->topic_cnt != 1 || md->topics[0].err) {
        snprintf(err, errsz, "topic %s: %s", topic,
                 md->topic_cnt ? rd_kafka_err2str(md->topics[0].err) : "not found");
        rc = -1;
    } else {
        *n = md->topics[0].partition_cnt;
    }
    rd_kafka_metadata_destroy(md);
    return rc;
}

/* Offsets for a time in every partition (-1: none after it). */
static int offsets_for_time(rd_kafka_t *rk, part_t *parts, size_t np, int64_t ms, int64_t *out,
                            char *err, size_t errsz)
{
    rd_kafka_topic_partition_list_t *l = rd_kafka_topic_partition_list_new((int)np);
    for (size_t i = 0; i < np; i++)
        rd_kafka_topic_partition_list_add(l, parts[i].topic, parts[i].partition)->offset = ms;
    rd_kafka_resp_err_t e = rd_kafka_offsets_for_times(rk, l, 10000);
    if (e) {
        snprintf(err, errsz, "offsets for time in %s%s: %s", np ? parts[0].topic : "",
                 np > 1 ? " and other partitions" : "", rd_kafka_err2str(e));
        rd_kafka_topic_partition_list_destroy(l);
        return -1;
    }
    int rc = 0;
    for (size_t i = 0; i < np && rc == 0; i++) {
        /* offset -1 with no error: no record at or after the time */
        out[i] = l->elems[i].offset;
        if (l->elems[i].err) {
            snprintf(err, errsz, "offsets for time in %s[%d]: %s", l->elems[i].topic,
                     l->elems[i].partition, rd_kafka_err2str(l->elems[i].err));
            rc = -1;
        }
    }
    rd_kafka_topic_partition_list_destroy(l);
    return rc;
}

/* ---- progress -------------------------------------------------------------- */

typedef struct progress_s {
    int mode; /* 0 none, 1 bar, 2 lines */
    double t0, last;
    int64_t total;
} progress_t;

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static void progress_show(progress_t *pg, int64_t done, int final)
{
    if (!pg->mode) return;
    double t = now_s();
    if (!final && t - pg->last < (pg->mode == 1 ? 0.2 : 5.0)) return;
    pg->last = t;
    double el = t - pg->t0, rate = el > 0 ? done / el : 0;
    double pct = pg->total ? 100.0 * (double)done / (double)pg->total : 100.0;
    double eta = rate > 0 ? (double)(pg->total - done) / rate : 0;
    if (pg->mode == 1) {
        char bar[31];
        int fill = (int)(pct * 30 / 100);
        for (int i = 0; i < 30; i++) bar[i] = i < fill ? '#' : '.';
        bar[30] = '\0';
        fprintf(stderr, "\r[%s] %" PRId64 "/%" PRId64 " %5.1f%% %8.0f rec/s ETA %02d:%02d%s", bar,
                done, pg->total, pct, rate, (int)eta / 60, (int)eta % 60, final ? "\n" : "");
    } else {
        fprintf(stderr, "replay: %" PRId64 "/%" PRId64 " records (%.1f%%), %.0f records/s, ETA %.0f s\n",
                done, pg->total, pct, rate, eta);
    }
    fflush(stderr);
}

/* ---- the run ------------------------------------------------------------------ */

/* Every partition of the input topics, with its range: the end offsets
 * recorded now (or the first offsets at --until), the starts from --from.
 * Returns the partitions (caller frees) and their count, or NULL. */
static part_t *plan(const ne_conf_t *conf, rd_kafka_t *rk, size_t *np_out)
{
    char err[512];
    part_t *parts = NULL;
    size_t np = 0;
    int64_t *tmp = NULL, ms;
    for (size_t t = 0; t < conf->ntopics; t++) {
        int n;
        if (topic_partitions(rk, conf->topics[t], &n, err, sizeof(err)) < 0) goto fail;
        part_t *nv = realloc(parts, (np + (size_t)n) * sizeof(*parts));
        if (!nv) goto oom;
        parts = nv;
        for (int p = 0; p < n; p++) {
            memset(&parts[np], 0, sizeof(parts[np]));
            parts[np].topic = conf->topics[t];
            parts[np].partition = p;
            np++;
        }
    }
    if (!(tmp = calloc(np ? np : 1, sizeof(*tmp)))) goto oom;
    for (size_t i = 0; i < np; i++) {
        int64_t lo, hi;
        rd_kafka_resp_err_t e = rd_kafka_query_watermark_offsets(rk, parts[i].topic, parts[i].partition,
                                                                 &lo, &hi, 10000);
        if (e) {
            snprintf(err, sizeof(err), "end offsets of %s[%d]: %s", parts[i].topic, parts[i].partition,
                     rd_kafka_err2str(e));
            goto fail;
        }
        parts[i].start = lo;
        parts[i].end = hi;
    }
    if (conf->until && strcmp(conf->until, "end")) {
        ne_parse_rfc3339_ms(conf->until, &ms);
        if (offsets_for_time(rk, parts, np, ms, tmp, err, sizeof(err)) < 0) goto fail;
        for (size_t i = 0; i < np; i++)
            if (tmp[i] >= 0 && tmp[i] < parts[i].end) parts[i].end = tmp[i];
    }
    if (conf->from && strcmp(conf->from, "earliest")) {
        if (ne_parse_rfc3339_ms(conf->from, &ms) == 0) {
            if (offsets_for_time(rk, parts, np, ms, tmp, err, sizeof(err)) < 0) goto fail;
            for (size_t i = 0; i < np; i++) parts[i].start = tmp[i] >= 0 ? tmp[i] : parts[i].end;
        } else {
            char *dup = strdup(conf->from), *save = NULL;
            if (!dup) goto oom;
            for (char *p = strtok_r(dup, ",", &save); p; p = strtok_r(NULL, ",", &save)) {
                const char *topic;
                int pid, found = 0;
                int64_t o;
                from_item(p, &topic, &pid, &o); /* checked by ne_replay_check_conf */
                for (size_t i = 0; i < np; i++)
                    if (parts[i].partition == pid && (!topic || !strcmp(topic, parts[i].topic))) {
                        if (o > parts[i].end) {
                            /* past the end: nothing to do, and nothing past the log's
                             * end may ever be committed */
                            ne_warn("--from %s[%d]:%" PRId64 " is past the end of the partition (%" PRId64
                                    "): nothing to replay there", parts[i].topic, pid, o, parts[i].end);
                            o = parts[i].end;
                        }
                        if (o > parts[i].start) parts[i].start = o;
                        found = 1;
                    }
                if (!found) {
                    snprintf(err, sizeof(err), "--from names partition %s%s%d that the input topics do not have",
                             topic ? topic : "", topic ? ":" : "", pid);
                    free(dup);
                    goto fail;
                }
            }
            free(dup);
        }
    }
    for (size_t i = 0; i < np; i++) {
        if (parts[i].start > parts[i].end) parts[i].start = parts[i].end;
        parts[i].pos = parts[i].start;
        parts[i].done = parts[i].start >= parts[i].end;
    }
    free(tmp);
    *np_out = np;
    return parts;
oom:
    snprintf(err, sizeof(err), "out of memory");
fail:
    ne_err("%s", err);
    free(tmp);
    free(parts);
    return NULL;
}

/* Commit each partition's replayed end for the group (--commit). */
static int commit_ends(rd_kafka_t *rk, const ne_conf_t *conf, const part_t *parts, size_t np)
{
    rd_kafka_topic_partition_list_t *l = rd_kafka_topic_partition_list_new((int)np);
    for (size_t i = 0; i < np; i++)
        rd_kafka_topic_partition_list_add(l, parts[i].topic, parts[i].partition)->offset = parts[i].pos;
    rd_kafka_resp_err_t ce = rd_kafka_commit(rk, l, 0);
    rd_kafka_topic_partition_list_destroy(l);
    if (ce) {
        ne_err("replay: committing offsets for group %s: %s", conf->group, rd_kafka_err2str(ce));
        return -1;
    }
    ne_info("replay: committed the end offsets for group %s", conf->group);
    return 0;
}

int ne_replay_run(const ne_conf_t *conf, const ne_coder_t *coder)
{
    char err[512];
    int rc = 1;
    rd_kafka_t *prod = NULL;
    ne_consumer_t *cons = NULL;
    ne_pool_t *pool = NULL;
    part_t *parts = NULL;
    size_t np = 0;
    ne_topic_limits_t lim;
    if (ne_service_start(conf, &lim) < 0) return 1;
    if (!(prod = ne_producer_new(conf, NULL, &lim, err, sizeof(err))) ||
        !(cons = ne_consumer_new(conf, prod, NE_CONS_REPLAY, err, sizeof(err)))) {
        ne_err("%s", err);
        goto out;
    }
    if (ne_service_failed()) goto out;
    if (!(pool = ne_pool_new(coder, conf, conf->threads, (size_t)conf->threads * 64, ne_producer_event_max()))) {
        ne_err("out of memory");
        goto out;
    }
    rd_kafka_t *rk = ne_consumer_handle(cons);
    if (!(parts = plan(conf, rk, &np))) goto out;
    progress_t pg = {0};
    const char *mode = conf->progress ? conf->progress : "auto";
    pg.mode = !strcmp(mode, "none") ? 0 : !strcmp(mode, "bar") ? 1 : !strcmp(mode, "lines") ? 2
              : isatty(2) ? 1 : 2;
    rd_kafka_topic_partition_list_t *assign = rd_kafka_topic_partition_list_new((int)np);
    size_t left = 0;
    for (size_t i = 0; i < np; i++) {
        if (parts[i].done) continue;
        pg.total += parts[i].end - parts[i].start;
        rd_kafka_topic_partition_list_add(assign, parts[i].topic, parts[i].partition)->offset = parts[i].start;
        left++;
    }
    ne_info("replay: %" PRId64 " record(s) in %zu of %zu partition(s) -> %s", pg.total, left, np,
            conf->out_topic);
    rd_kafka_resp_err_t ae = left ? rd_kafka_assign(rk, assign) : 0;
    rd_kafka_topic_partition_list_destroy(assign);
    if (ae) {
        ne_err("assign: %s", rd_kafka_err2str(ae));
        goto out;
    }
    pg.t0 = pg.last = now_s();
    int64_t done = 0;
    ne_counts_t counts = {0};
    int failed = 0;
    for (;;) {
        /* produce finished jobs in order; once consuming stops, all that is left */
        int more = left && ne_service_running() && !failed;
        ne_job_t *j;
        while ((j = ne_pool_next(pool, !more || !ne_pool_has_room(pool)))) {
            if (!failed && ne_producer_job_wait(prod, conf, j, NULL, &counts, NULL, NULL) != NE_PRODUCE_DONE)
                failed = 1;
            ne_pool_release(pool, j);
        }
        if (!more) break;
        rd_kafka_poll(prod, 0);
        /* a delivery that failed for good: the output would have a hole */
        if (ne_producer_failed_deliveries()) failed = 1;
        rd_kafka_message_t *m = rd_kafka_consumer_poll(rk, 100);
        progress_show(&pg, done, 0);
        if (!m) continue;
        const char *topic = rd_kafka_topic_name(m->rkt);
        part_t *p = NULL;
        for (size_t i = 0; i < np && !p; i++)
            if (parts[i].partition == m->partition && !strcmp(parts[i].topic, topic)) p = &parts[i];
        if (m->err) {
            /* the end of the log: the end recorded at the start is reached
             * (transaction markers and compaction leave gaps in offsets) */
            if (m->err == RD_KAFKA_RESP_ERR__PARTITION_EOF && p && !p->done && m->offset >= p->end)
                left -= finish(p, &done);
            else if (m->err != RD_KAFKA_RESP_ERR__PARTITION_EOF)
                ne_warn("consume: %s", rd_kafka_message_errstr(m));
            rd_kafka_message_destroy(m);
            continue;
        }
        if (!p || p->done || m->offset >= p->end) {
            if (p && !p->done) left -= finish(p, &done);
            rd_kafka_message_destroy(m);
            continue;
        }
        done += m->offset + 1 - p->pos;
        p->pos = m->offset + 1;
        if (p->pos >= p->end) left -= finish(p, &done);
        ne_metrics_record_in();
        ne_pool_submit(pool, m, NULL);
    }
    /* the deadline bounds the flush, and the watchdog what follows */
    ne_service_stop();
    int unflushed = ne_producer_flush(prod, ne_service_deadline());
    progress_show(&pg, done, 1);
    long lost = ne_producer_failed_deliveries();
    if (unflushed || failed || lost) {
        ne_err("replay: output not delivered (%ld failed deliveries, %d not acknowledged in time%s): "
               "nothing committed", lost, unflushed, failed && !lost ? ", a produce request refused" : "");
        goto out;
    }
    if (left) {
        ne_warn("replay: interrupted with %zu partition(s) short of their end", left);
        goto out;
    }
    if (conf->replay_commit && commit_ends(rk, conf, parts, np) < 0) goto out;
    ne_info("replay: done: %" PRId64 " records, %ld events, %ld dead letters, %ld skipped", done,
            counts.events, counts.dead, counts.skipped_records);
    rc = 0;
out:
    free(parts);
    ne_pool_destroy(pool);
    ne_consumer_destroy(cons);
    if (prod && rd_kafka_outq_len(prod)) rd_kafka_purge(prod, RD_KAFKA_PURGE_F_QUEUE | RD_KAFKA_PURGE_F_INFLIGHT);
    if (prod) rd_kafka_destroy(prod);
    return rc;
}
