/*
 * metrics.c - counters, consumer lag from librdkafka statistics, and the
 * /metrics and /healthz endpoints (libmicrohttpd, its own thread, on a
 * socket this file binds itself: IPv4 or IPv6, and a clear message when
 * the port is taken).
 */
#include <dlfcn.h>
#include <errno.h>
#include <netdb.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include <jansson.h>
#include <microhttpd.h>

#include "log.h"
#include "metrics.h"

static atomic_ulong g_records, g_articles, g_events, g_dead[NE_R__COUNT];
static atomic_int g_assigned;

/* processing latency histogram (seconds) */
static const double BUCKETS[] = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1.0};
#define NBUCKETS (sizeof(BUCKETS) / sizeof(BUCKETS[0]))
static atomic_ulong g_hist[NBUCKETS + 1];
static _Atomic double g_hist_sum;

/* errors by kind: a small fixed table */
static const char *const ERROR_KINDS[] = {"delivery", "commit", "transaction_abort", "transaction_retry",
                                          "producer_renewed", "consume", "produce", NULL};

/* records without output that are not errors, by reason */
static const char *const SKIP_REASONS[] = {"tombstone", "language", NULL};
static atomic_ulong g_skipped[4];
static atomic_ulong g_errors[8];

/* consumer lag per partition, replaced by each statistics document */
typedef struct lag_s {
    char topic[128];
    int partition;
    long long lag;
} lag_t;
static pthread_mutex_t g_lag_lock = PTHREAD_MUTEX_INITIALIZER;
static lag_t *g_lag;
static size_t g_nlag;

/* the aggregate stage (newsevents aggregate) */
static atomic_long g_agg_entries, g_agg_restore_records, g_agg_emitted, g_agg_late, g_agg_dups, g_agg_restore_ms;
static atomic_int g_agg_on;

void ne_metrics_aggregate(const ne_metrics_agg_t *a)
{
    atomic_store(&g_agg_on, 1);
    atomic_store(&g_agg_entries, a->state_entries);
    atomic_store(&g_agg_restore_records, a->restore_records);
    atomic_store(&g_agg_restore_ms, a->restore_ms);
    atomic_store(&g_agg_emitted, a->emitted);
    atomic_store(&g_agg_late, a->late);
    atomic_store(&g_agg_dups, a->duplicates);
}

static int (*g_probe)(void *, char *, size_t);
static void *g_probe_arg;
static struct MHD_Daemon *g_daemon;

/* libmicrohttpd is opened when the endpoint starts, not linked: linked, it
 * brings GnuTLS and seven more libraries into every run, and GnuTLS sets
 * itself up as the program loads, 2.9 MB of `extract`'s memory for an
 * endpoint it never serves. The six calls we make: */
static struct {
    void *lib;
    struct MHD_Daemon *(*start_daemon)(unsigned int, uint16_t, MHD_AcceptPolicyCallback, void *,
                                       MHD_AccessHandlerCallback, void *, ...);
    void (*stop_daemon)(struct MHD_Daemon *);
    struct MHD_Response *(*create_response_from_buffer)(size_t, void *, enum MHD_ResponseMemoryMode);
    enum MHD_Result (*add_response_header)(struct MHD_Response *, const char *, const char *);
    enum MHD_Result (*queue_response)(struct MHD_Connection *, unsigned int, struct MHD_Response *);
    void (*destroy_response)(struct MHD_Response *);
} mhd;

/* The library's run-time name (its soname; the development symlink as a
 * second try) */
static const char *const MHD_LIBS[] = {"libmicrohttpd.so.12", "libmicrohttpd.so"};

static int load_mhd(char *err, size_t errsz)
{
    if (mhd.lib) return 0;
    for (size_t i = 0; i < sizeof(MHD_LIBS) / sizeof(MHD_LIBS[0]) && !mhd.lib; i++)
        mhd.lib = dlopen(MHD_LIBS[i], RTLD_NOW | RTLD_LOCAL);
    if (!mhd.lib) {
        snprintf(err, errsz, "the metrics endpoint needs libmicrohttpd (%s: %s): install "
                             "libmicrohttpd12, or run without --metrics-port", MHD_LIBS[0], dlerror());
        return -1;
    }
    /* (POSIX: a function pointer may be read through a void * from dlsym) */
    *(void **)&mhd.start_daemon = dlsym(mhd.lib, "MHD_start_daemon");
    *(void **)&mhd.stop_daemon = dlsym(mhd.lib, "MHD_stop_daemon");
    *(void **)&mhd.create_response_from_buffer = dlsym(mhd.lib, "MHD_create_response_from_buffer");
    *(void **)&mhd.add_response_header = dlsym(mhd.lib, "MHD_add_response_header");
    *(void **)&mhd.queue_response = dlsym(mhd.lib, "MHD_queue_response");
    *(void **)&mhd.destroy_response = dlsym(mhd.lib, "MHD_destroy_response");
    if (!mhd.start_daemon || !mhd.stop_daemon || !mhd.create_response_from_buffer ||
        !mhd.add_response_header || !mhd.queue_response || !mhd.destroy_response) {
        snprintf(err, errsz, "the metrics endpoint: %s lacks a function it needs", MHD_LIBS[0]);
        dlclose(mhd.lib);
        memset(&mhd, 0, sizeof(mhd));
        return -1;
    }
    return 0;
}

void ne_metrics_record_in(void)
{
    atomic_fetch_add(&g_records, 1);
}

void ne_metrics_article(double s)
{
    atomic_fetch_add(&g_articles, 1);
    size_t b = 0;
    while (b < NBUCKETS && s > BUCKETS[b]) b++;
    atomic_fetch_add(&g_hist[b], 1);
    double old = atomic_load(&g_hist_sum);
    while (!atomic_compare_exchange_weak(&g_hist_sum, &old, old + s)) {
    }
}

void ne_metrics_events_out(size_t n)
{
    atomic_fetch_add(&g_events, n);
}

void ne_metrics_dead_letter(ne_reason_t r)
{
    if ((unsigned)r < NE_R__COUNT) atomic_fetch_add(&g_dead[r], 1);
}

void ne_metrics_error(const char *kind)
{
    for (int i = 0; ERROR_KINDS[i]; i++)
        if (!strcmp(kind, ERROR_KINDS[i])) atomic_fetch_add(&g_errors[i], 1);
}

void ne_metrics_skipped(const char *reason)
{
    for (int i = 0; SKIP_REASONS[i]; i++)
        if (!strcmp(reason, SKIP_REASONS[i])) atomic_fetch_add(&g_skipped[i], 1);
}

void ne_metrics_snapshot(ne_metrics_snapshot_t *s)
{
    s->records = atomic_load(&g_records);
    s->events_out = atomic_load(&g_events);
    s->skipped = 0;
    for (int i = 0; SKIP_REASONS[i]; i++) s->skipped += atomic_load(&g_skipped[i]);
    s->dead = 0;
    for (int r = 0; r < NE_R__COUNT; r++) s->dead += atomic_load(&g_dead[r]);
    pthread_mutex_lock(&g_lag_lock);
    s->lag = g_nlag ? 0 : -1;
    for (size_t i = 0; i < g_nlag; i++) s->lag += g_lag[i].lag;
    pthread_mutex_unlock(&g_lag_lock);
}

void ne_metrics_assigned(int delta)
{
    atomic_fetch_add(&g_assigned, delta);
}

void ne_metrics_set_health_probe(int (*probe)(void *, char *, size_t), void *arg)
{
    g_probe = probe;
    g_probe_arg = arg;
}

void ne_metrics_stats(const char *json, size_t len)
{
    json_error_t je;
    json_t *root = json_loadb(json, len, 0, &je);
    if (!root) return;
    lag_t *v = NULL;
    size_t n = 0, cap = 0;
    json_t *topics = json_object_get(root, "topics");
    const char *tname;
    json_t *t;
    json_object_foreach(topics, tname, t) {
        json_t *parts = json_object_get(t, "partitions");
        const char *pname;
        json_t *p;
        json_object_foreach(parts, pname, p) {
            int pid = atoi(pname);
            json_t *lag = json_object_get(p, "consumer_lag");
            if (pid < 0 || !json_is_integer(lag) || json_integer_value(lag) < 0) continue;
            if (n == cap) {
                cap = cap ? cap * 2 : 16;
                lag_t *nv = realloc(v, cap * sizeof(*nv));
                if (!nv) break;
                v = nv;
            }
            snprintf(v[n].topic, sizeof(v[n].topic), "%s", tname);
            v[n].partition = pid;
            v[n].lag = (long long)json_integer_value(lag);
            n++;
        }
    }
    json_decref(root);
    pthread_mutex_lock(&g_lag_lock);
    free(g_lag);
    g_lag = v;
    g_nlag = n;
    pthread_mutex_unlock(&g_lag_lock);
}

typedef struct buf_s {
    char *b;
    size_t n, cap;
} buf_t;

static void bprintf(buf_t *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void bprintf(buf_t *b, const char *fmt, ...)
{
    for (;;) {
        va_list ap;
        va_start(ap, fmt);
        int k = vsnprintf(b->b ? b->b + b->n : NULL, b->b ? b->cap - b->n : 0, fmt, ap);
        va_end(ap);
        if (k < 0) return;
        if (b->b && b->n + (size_t)k < b->cap) {
            b->n += (size_t)k;
            return;
        }
        size_t ncap = b->cap ? b->cap * 2 : 4096;
        while (ncap < b->n + (size_t)k + 1) ncap *= 2;
        char *nb = realloc(b->b, ncap);
        if (!nb) return;
        b->b = nb;
        b->cap = ncap;
    }
}

char *ne_metrics_render(void)
{
    buf_t b = {0};
    bprintf(&b, "# HELP newsevents_records_in_total Records consumed from the input topics.\n"
                "# TYPE newsevents_records_in_total counter\n"
                "newsevents_records_in_total %lu\n",
            atomic_load(&g_records));
    bprintf(&b, "# HELP newsevents_articles_total Articles decoded and coded.\n"
                "# TYPE newsevents_articles_total counter\n"
                "newsevents_articles_total %lu\n",
            atomic_load(&g_articles));
    bprintf(&b, "# HELP newsevents_events_out_total Event records acknowledged by the broker.\n"
                "# TYPE newsevents_events_out_total counter\n"
                "newsevents_events_out_total %lu\n",
            atomic_load(&g_events));
    bprintf(&b, "# HELP newsevents_dead_letters_total Records sent to the dead-letter topic, by reason.\n"
                "# TYPE newsevents_dead_letters_total counter\n");
    for (int r = 1; r < NE_R__COUNT; r++)
        bprintf(&b, "newsevents_dead_letters_total{reason=\"%s\"} %lu\n", ne_reason_name((ne_reason_t)r),
                atomic_load(&g_dead[r]));
    bprintf(&b, "# HELP newsevents_skipped_total Records without output that are not errors, by reason "
                "(tombstone: no value; language: not English).\n"
                "# TYPE newsevents_skipped_total counter\n");
    for (int i = 0; SKIP_REASONS[i]; i++)
        bprintf(&b, "newsevents_skipped_total{reason=\"%s\"} %lu\n", SKIP_REASONS[i], atomic_load(&g_skipped[i]));
    bprintf(&b, "# HELP newsevents_errors_total Errors by kind.\n"
                "# TYPE newsevents_errors_total counter\n");
    for (int i = 0; ERROR_KINDS[i]; i++)
        bprintf(&b, "newsevents_errors_total{kind=\"%s\"} %lu\n", ERROR_KINDS[i], atomic_load(&g_errors[i]));
    bprintf(&b, "# HELP newsevents_processing_seconds Time to decode, code and encode one article.\n"
                "# TYPE newsevents_processing_seconds histogram\n");
    unsigned long cum = 0;
    for (size_t i = 0; i < NBUCKETS; i++) {
        cum += atomic_load(&g_hist[i]);
        bprintf(&b, "newsevents_processing_seconds_bucket{le=\"%g\"} %lu\n", BUCKETS[i], cum);
    }
    cum += atomic_load(&g_hist[NBUCKETS]);
    bprintf(&b, "newsevents_processing_seconds_bucket{le=\"+Inf\"} %lu\n", cum);
    bprintf(&b, "newsevents_processing_seconds_sum %.6f\nnewsevents_processing_seconds_count %lu\n",
            atomic_load(&g_hist_sum), cum);
    bprintf(&b, "# HELP newsevents_assigned_partitions Input partitions assigned to this instance.\n"
                "# TYPE newsevents_assigned_partitions gauge\n"
                "newsevents_assigned_partitions %d\n",
            atomic_load(&g_assigned));
    bprintf(&b, "# HELP newsevents_consumer_lag Messages behind the end of each partition "
                "(librdkafka statistics).\n# TYPE newsevents_consumer_lag gauge\n");
    pthread_mutex_lock(&g_lag_lock);
    for (size_t i = 0; i < g_nlag; i++)
        bprintf(&b, "newsevents_consumer_lag{topic=\"%s\",partition=\"%d\"} %lld\n", g_lag[i].topic,
                g_lag[i].partition, g_lag[i].lag);
    pthread_mutex_unlock(&g_lag_lock);
    if (atomic_load(&g_agg_on))
        bprintf(&b, "# HELP newsevents_aggregate_state_entries Entries of the state store (aggregates and the ids they count).\n"
                    "# TYPE newsevents_aggregate_state_entries gauge\n"
                    "newsevents_aggregate_state_entries %ld\n"
                    "# HELP newsevents_aggregate_restore_records_total Changelog records read to restore state.\n"
                    "# TYPE newsevents_aggregate_restore_records_total counter\n"
                    "newsevents_aggregate_restore_records_total %ld\n"
                    "# HELP newsevents_aggregate_restore_seconds_total Time spent restoring state.\n"
                    "# TYPE newsevents_aggregate_restore_seconds_total counter\n"
                    "newsevents_aggregate_restore_seconds_total %.3f\n"
                    "# HELP newsevents_aggregates_emitted_total Aggregate updates produced to the output topic.\n"
                    "# TYPE newsevents_aggregates_emitted_total counter\n"
                    "newsevents_aggregates_emitted_total %ld\n"
                    "# HELP newsevents_aggregate_late_events_total Events dropped: their period was past the retention or closed.\n"
                    "# TYPE newsevents_aggregate_late_events_total counter\n"
                    "newsevents_aggregate_late_events_total %ld\n"
                    "# HELP newsevents_aggregate_duplicate_events_total Events whose id was counted already.\n"
                    "# TYPE newsevents_aggregate_duplicate_events_total counter\n"
                    "newsevents_aggregate_duplicate_events_total %ld\n",
                atomic_load(&g_agg_entries), atomic_load(&g_agg_restore_records),
                atomic_load(&g_agg_restore_ms) / 1000.0, atomic_load(&g_agg_emitted),
                atomic_load(&g_agg_late), atomic_load(&g_agg_dups));
    return b.b;
}

static enum MHD_Result reply(struct MHD_Connection *conn, unsigned status, char *body,
                             const char *type)
{
    struct MHD_Response *r = mhd.create_response_from_buffer(strlen(body), body, MHD_RESPMEM_MUST_FREE);
    if (!r) {
        free(body);
        return MHD_NO;
    }
    mhd.add_response_header(r, "Content-Type", type);
    enum MHD_Result ret = mhd.queue_response(conn, status, r);
    mhd.destroy_response(r);
    return ret;
}

static enum MHD_Result handler(void *cls, struct MHD_Connection *conn, const char *url,
                               const char *method, const char *version, const char *upload,
                               size_t *upload_size, void **con_cls)
{
    (void)cls;
    (void)version;
    (void)upload;
    (void)upload_size;
    (void)con_cls;
    if (strcmp(method, "GET") && strcmp(method, "HEAD"))
        return reply(conn, MHD_HTTP_METHOD_NOT_ALLOWED, strdup("GET only\n"), "text/plain");
    if (!strcmp(url, "/metrics")) {
        char *body = ne_metrics_render();
        if (!body) return MHD_NO;
        return reply(conn, MHD_HTTP_OK, body, "text/plain; version=0.0.4");
    }
    if (!strcmp(url, "/healthz")) {
        char why[256] = "";
        int assigned = atomic_load(&g_assigned);
        int broker = g_probe ? g_probe(g_probe_arg, why, sizeof(why)) : 0;
        char msg[512];
        if (assigned > 0 && broker == 0) {
            snprintf(msg, sizeof(msg), "ok: %d partition(s) assigned, broker answers\n", assigned);
            return reply(conn, MHD_HTTP_OK, strdup(msg), "text/plain");
        }
        snprintf(msg, sizeof(msg), "not ready: %s%s\n",
                 assigned > 0 ? "" : "no partitions assigned", broker ? why : "");
        return reply(conn, MHD_HTTP_SERVICE_UNAVAILABLE, strdup(msg), "text/plain");
    }
    return reply(conn, MHD_HTTP_NOT_FOUND, strdup("not found: try /metrics or /healthz\n"), "text/plain");
}

/* libmicrohttpd's own messages, at debug level: the errors that matter
 * to a user (the address, the port) are found before it starts. */
static void mhd_log(void *cls, const char *fmt, va_list ap)
{
    (void)cls;
    char msg[512];
    vsnprintf(msg, sizeof(msg), fmt, ap);
    msg[strcspn(msg, "\n")] = '\0';
    ne_debug("metrics endpoint: %s", msg);
}

/* A listening socket on addr:port (IPv4 or IPv6, "[::1]" too), or -1 with
 * a message that says what is wrong. */
static int listen_on(const char *addr, int port, char *err, size_t errsz)
{
    char host[64], service[8];
    size_t n = strlen(addr);
    if (n >= 2 && addr[0] == '[' && addr[n - 1] == ']') snprintf(host, sizeof(host), "%.*s", (int)n - 2, addr + 1);
    else snprintf(host, sizeof(host), "%s", addr);
    snprintf(service, sizeof(service), "%d", port);
    struct addrinfo hints = {.ai_flags = AI_NUMERICHOST | AI_NUMERICSERV | AI_PASSIVE,
                             .ai_family = AF_UNSPEC, .ai_socktype = SOCK_STREAM};
    struct addrinfo *ai = NULL;
    if (getaddrinfo(host, service, &hints, &ai) != 0 || !ai) {
        snprintf(err, errsz, "metrics address '%s' is not an IPv4 or IPv6 address", addr);
        return -1;
    }
    int fd = socket(ai->ai_family, SOCK_STREAM | SOCK_CLOEXEC, 0), one = 1;
    if (fd >= 0) setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
    if (fd < 0 || bind(fd, ai->ai_addr, ai->ai_addrlen) < 0 || listen(fd, 64) < 0) {
        int e = errno;
        if (e == EADDRINUSE)
            snprintf(err, errsz, "metrics port %d on %s is already in use (another newsevents, "
                                 "or another server): choose another --metrics-port", port, addr);
        else
            snprintf(err, errsz, "cannot serve metrics on %s port %d: %s", addr, port, strerror(e));
        if (fd >= 0) close(fd);
        fd = -1;
    }
    freeaddrinfo(ai);
    return fd;
}

int ne_metrics_start(const char *addr, int port, char *err, size_t errsz)
{
    if (load_mhd(err, errsz) < 0) return -1;
    int fd = listen_on(addr, port, err, errsz);
    if (fd < 0) return -1;
    /* the daemon takes the socket over (MHD_stop_daemon closes it) */
    g_daemon = mhd.start_daemon(MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_ERROR_LOG, 0, NULL, NULL,
                                handler, NULL, MHD_OPTION_LISTEN_SOCKET, fd,
                                MHD_OPTION_EXTERNAL_LOGGER, mhd_log, NULL,
                                MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)10, MHD_OPTION_END);
    if (!g_daemon) {
        close(fd);
        snprintf(err, errsz, "cannot start the metrics endpoint on %s port %d", addr, port);
        return -1;
    }
    return 0;
}

void ne_metrics_stop(void)
{
    if (g_daemon) mhd.stop_daemon(g_daemon);
    g_daemon = NULL;
}
