/*
 * workers.c - decode, code and encode records, in order.
 *
 * Jobs sit in a ring in the order they were submitted. Workers take the
 * next queued job, process it without any lock (each worker has its own
 * event buffer; the coder is read-only), and mark it done; the service
 * takes jobs back only from the head of the ring, so results leave in
 * consumption order whatever order the workers finish in.
 */
#include <inttypes.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "log.h"
#include "metrics.h"
#include "workers.h"

struct ne_pool_s {
    const ne_coder_t *coder;
    ne_limits_t lim;
    const char *fail_id; /* NEWSEVENTS_TEST_FAIL_ID, read once */
    size_t event_max;    /* bytes of an event record at most (0: no limit) */
    int key_article;     /* keep each job's article id (--key article) */
    ne_job_t *ring;
    size_t cap, head, count, next; /* next: the oldest queued job */
    size_t bytes;                  /* of the records held */
    int nthreads, stop;
    pthread_t *threads;
    pthread_mutex_t lock;
    pthread_cond_t work, done;
    ne_events_t *inline_ev; /* the caller's buffer when there are no threads */
};

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
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

static void process(ne_pool_t *p, ne_events_t *ev, ne_job_t *j)
{
    const rd_kafka_message_t *m = j->msg;
    double t0 = now();
    ne_article_t art;
    j->nev = 0;
    j->ev = NULL;
    if (!m->payload || !m->len) {
        /* a tombstone (compacted topics delete keys with them) or an empty
         * value: not an article, and not a mistake either */
        j->skip = "tombstone";
        snprintf(j->err, sizeof(j->err), "a record without a value (a tombstone)");
        return;
    }
    j->reason = ne_article_decode(m->payload, m->len, &p->lim, &art, j->err, sizeof(j->err));
    if (j->reason != NE_OK) return;
    if (!ne_language_coded(art.language)) {
        /* a valid record that the English dictionaries cannot code */
        j->skip = "language";
        snprintf(j->err, sizeof(j->err), "the article is in '%.64s'; only English is coded", art.language);
        ne_article_clear(&art);
        return;
    }
    const char *topic = rd_kafka_topic_name(m->rkt);
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
    /* NEWSEVENTS_TEST_FAIL_ID names an article the coder must fail on: the
     * fault tests use it to check that such a record is dead-lettered once */
    int inject = p->fail_id && art.id && !strcmp(p->fail_id, art.id);
    if (inject) snprintf(j->err, sizeof(j->err), "coder failure injected for article %s", art.id);
    if (!art.id || inject || ne_coder_code(p->coder, &art, ev, j->err, sizeof(j->err)) < 0) {
        j->reason = NE_R_CODER_ERROR;
        if (!art.id) snprintf(j->err, sizeof(j->err), "out of memory");
        ne_article_clear(&art);
        return;
    }
    size_t n = ne_events_count(ev);
    if ((n && !(j->ev = calloc(n, sizeof(*j->ev)))) ||
        (p->key_article && !(j->article_id = strdup(art.id)))) {
        j->reason = NE_R_CODER_ERROR;
        snprintf(j->err, sizeof(j->err), "out of memory");
        ne_article_clear(&art);
        return;
    }
    for (size_t i = 0; i < n; i++) {
        const ne_event_t *e = ne_events_get(ev, i);
        char *js = ne_event_to_json_max(e, &art, p->event_max, &j->ev[i].len);
        if (!js) {
            j->reason = j->ev[i].len ? NE_R_TOO_LARGE : NE_R_CODER_ERROR;
            if (j->ev[i].len)
                snprintf(j->err, sizeof(j->err), "an event of %zu bytes does not fit the output topic's "
                         "limit of %zu, even cut to its trigger", j->ev[i].len, p->event_max);
            else snprintf(j->err, sizeof(j->err), "out of memory encoding an event");
            break;
        }
        j->ev[i].json = js;
        memcpy(j->ev[i].id, e->event_id, sizeof(j->ev[i].id));
        j->nev++;
    }
    ne_article_clear(&art);
    ne_metrics_article(now() - t0);
}

static void *worker(void *arg)
{
    ne_pool_t *p = arg;
    ne_events_t *ev = ne_events_new();
    pthread_mutex_lock(&p->lock);
    while (!p->stop) {
        if (!ev || p->next == p->count) {
            pthread_cond_wait(&p->work, &p->lock);
            continue;
        }
        ne_job_t *j = &p->ring[(p->head + p->next) % p->cap];
        p->next++;
        pthread_mutex_unlock(&p->lock);
        process(p, ev, j);
        pthread_mutex_lock(&p->lock);
        j->done = 1;
        pthread_cond_broadcast(&p->done);
    }
    pthread_mutex_unlock(&p->lock);
    ne_events_destroy(ev);
    return NULL;
}

ne_pool_t *ne_pool_new(const ne_coder_t *coder, const ne_conf_t *conf, int threads, size_t cap,
                       size_t event_max)
{
    ne_pool_t *p = calloc(1, sizeof(*p));
    if (!p) return NULL;
    p->coder = coder;
    p->event_max = event_max;
    p->key_article = conf->key_article;
    p->fail_id = getenv("NEWSEVENTS_TEST_FAIL_ID");
    p->lim.max_record_bytes = conf->max_record_bytes;
    if (conf->nmap) {
        p->lim.field_map = (const char *const *)conf->map;
        p->lim.field_map_pairs = conf->nmap / 2;
    }
    p->cap = cap ? cap : 1;
    p->ring = calloc(p->cap, sizeof(*p->ring));
    pthread_mutex_init(&p->lock, NULL);
    pthread_cond_init(&p->work, NULL);
    pthread_cond_init(&p->done, NULL);
    if (!p->ring) goto fail;
    if (threads <= 1) {
        if (!(p->inline_ev = ne_events_new())) goto fail;
        return p;
    }
    p->threads = calloc((size_t)threads, sizeof(*p->threads));
    if (!p->threads) goto fail;
    for (int i = 0; i < threads; i++) {
        if (pthread_create(&p->threads[i], NULL, worker, p) != 0) {
            ne_err("cannot start worker thread %d", i);
            goto fail;
        }
        p->nthreads++;
    }
    return p;
fail:
    ne_pool_destroy(p);
    return NULL;
}

int ne_pool_has_room(const ne_pool_t *p)
{
    return p->count < p->cap && (p->count == 0 || p->bytes < NE_POOL_MAX_BYTES);
}

size_t ne_pool_pending(const ne_pool_t *p)
{
    return p->count;
}

ne_job_t *ne_pool_submit(ne_pool_t *p, rd_kafka_message_t *msg, void *ticket)
{
    pthread_mutex_lock(&p->lock);
    if (p->count == p->cap) {
        pthread_mutex_unlock(&p->lock);
        return NULL;
    }
    ne_job_t *j = &p->ring[(p->head + p->count) % p->cap];
    memset(j, 0, sizeof(*j));
    j->msg = msg;
    j->ticket = ticket;
    p->count++;
    p->bytes += msg->len;
    if (!p->nthreads) {
        /* no workers: process right here, in order by construction */
        p->next++;
        pthread_mutex_unlock(&p->lock);
        process(p, p->inline_ev, j);
        j->done = 1;
        return j;
    }
    pthread_cond_signal(&p->work);
    pthread_mutex_unlock(&p->lock);
    return j;
}

ne_job_t *ne_pool_next(ne_pool_t *p, int wait)
{
    pthread_mutex_lock(&p->lock);
    ne_job_t *j = NULL;
    while (p->count) {
        ne_job_t *h = &p->ring[p->head];
        if (h->done) {
            j = h;
            break;
        }
        if (!wait) break;
        pthread_cond_wait(&p->done, &p->lock);
    }
    pthread_mutex_unlock(&p->lock);
    return j;
}

static void free_job(ne_job_t *j)
{
    for (size_t i = 0; i < j->nev; i++) free(j->ev[i].json);
    free(j->ev);
    free(j->article_id);
    if (j->msg) rd_kafka_message_destroy(j->msg);
    memset(j, 0, sizeof(*j));
}

void ne_pool_release(ne_pool_t *p, ne_job_t *j)
{
    pthread_mutex_lock(&p->lock);
    /* only the head is ever handed out */
    p->bytes -= j->msg ? j->msg->len : 0;
    free_job(j);
    p->head = (p->head + 1) % p->cap;
    p->count--;
    p->next--;
    pthread_mutex_unlock(&p->lock);
}

void ne_pool_destroy(ne_pool_t *p)
{
    if (!p) return;
    pthread_mutex_lock(&p->lock);
    p->stop = 1;
    pthread_cond_broadcast(&p->work);
    pthread_mutex_unlock(&p->lock);
    for (int i = 0; i < p->nthreads; i++) pthread_join(p->threads[i], NULL);
    free(p->threads);
    if (p->ring)
        for (size_t i = 0; i < p->count; i++) free_job(&p->ring[(p->head + i) % p->cap]);
    free(p->ring);
    ne_events_destroy(p->inline_ev);
    pthread_mutex_destroy(&p->lock);
    pthread_cond_destroy(&p->work);
    pthread_cond_destroy(&p->done);
    free(p);
}
