/*
 * metrics.h - the service's counters, and an HTTP endpoint that serves
 * them in the Prometheus text format (/metrics) with a health check
 * (/healthz), through libmicrohttpd. Counters are atomics: any thread may
 * count; the HTTP thread only reads.
 */
#ifndef NE_METRICS_H
#define NE_METRICS_H

#include <stdint.h>

#include "newsevents.h"

/** @brief Count one consumed record. */
void ne_metrics_record_in(void);
/** @brief Count one coded article and the seconds its decode+code+encode took. */
void ne_metrics_article(double seconds);
/** @brief Count events acknowledged by the broker. */
void ne_metrics_events_out(size_t n);
/** @brief Count a dead letter by reason. */
void ne_metrics_dead_letter(ne_reason_t reason);
/** @brief Count a record that has no output and is not an error ("tombstone", "language"). */
void ne_metrics_skipped(const char *reason);

/** The counters a status line reports. */
typedef struct ne_metrics_snapshot_s {
    unsigned long records, events_out, dead, skipped;
    long long lag; /* summed over the partitions; -1: not known (no statistics yet) */
} ne_metrics_snapshot_t;
/** @brief Read the counters now. */
void ne_metrics_snapshot(ne_metrics_snapshot_t *s);

/** @brief Count an error by kind ("delivery", "commit", "transaction_abort",
 * "transaction_retry", "consume", "produce"). */
void ne_metrics_error(const char *kind);
/** @brief Parse a librdkafka statistics JSON document (consumer lag per partition). */
void ne_metrics_stats(const char *json, size_t len);
/** @brief Number of partitions currently assigned (for /healthz). */
void ne_metrics_assigned(int delta);
/** @brief Set the broker check used by /healthz: returns 0 when the broker answers. */
void ne_metrics_set_health_probe(int (*probe)(void *arg, char *why, size_t whysz), void *arg);

/**
 * @brief Serve /metrics and /healthz on addr:port in a thread of its own.
 * addr is an IPv4 or IPv6 address ("127.0.0.1", "::1", "[::1]", "0.0.0.0", "::").
 * @returns 0, or -1 with a message in err (port in use, bad address).
 */
int ne_metrics_start(const char *addr, int port, char *err, size_t errsz);
/** @brief Stop the HTTP server (takes no server). */
void ne_metrics_stop(void);

/** The aggregate stage's figures (newsevents aggregate), set as a whole. */
typedef struct ne_metrics_agg_s {
    long state_entries, restore_records, restore_ms, emitted, late, duplicates;
} ne_metrics_agg_t;
/** @brief Publish the aggregate stage's figures (from the poll thread). */
void ne_metrics_aggregate(const ne_metrics_agg_t *a);

/** @brief Render the Prometheus text into a malloc'd string (for tests and the server). */
char *ne_metrics_render(void);

#endif
