/*
 * producer.h - the Kafka side that writes: an idempotent librdkafka
 * producer for event records and dead letters, whose delivery reports
 * close the consumer's tickets.
 */
#ifndef NE_PRODUCER_H
#define NE_PRODUCER_H

#include <librdkafka/rdkafka.h>

#include "config.h"
#include "consumer.h"
#include "newsevents.h"
#include "workers.h"

/** The largest record each output topic takes (its max.message.bytes). */
typedef struct ne_topic_limits_s {
    size_t out_bytes, dlq_bytes;
} ne_topic_limits_t;

/**
 * @brief Check that the output and dead-letter topics exist, and read the
 * largest record each takes, with a short-lived client of its own. Wrong
 * credentials end the check at once (see kafka.c).
 * @returns 0, or -1 with err (a missing topic is named).
 */
int ne_producer_check_topics(const ne_conf_t *conf, ne_topic_limits_t *lim, char *err,
                             size_t errsz);

/**
 * @brief Create the output and dead-letter topics when they do not exist
 * (--create-topics): conf->partitions partitions (0: as many as the first
 * input topic) and conf->replication_factor replicas (-1: the broker's
 * default). A topic that exists is left as it is.
 * @returns 0, or -1 with err.
 */
int ne_producer_create_topics(const ne_conf_t *conf, char *err, size_t errsz);

/**
 * @brief Create the producer; with a transactional id, a transactional one
 * (its transactions are initialized). Records bigger than the topics' limits
 * are cut before they are produced (ne_producer_job), and batches stay
 * under the smaller limit.
 * @returns it (owned by the caller) or NULL with err.
 */
rd_kafka_t *ne_producer_new(const ne_conf_t *conf, const char *transactional_id,
                            const ne_topic_limits_t *lim, char *err, size_t errsz);

/** A too_large dead letter carries this many bytes of the record (and ne_truncated). */
#define NE_DLQ_TRUNCATE ((size_t)64 << 10)

/** @brief The largest event JSON that fits the output topic with its key and headers. */
size_t ne_producer_event_max(void);

/** @brief Deliveries that failed for good since start (every client, any topic). */
long ne_producer_failed_deliveries(void);

/** @brief A failed delivery's error that retrying the same record cannot heal
 * (too large, not authorized, no such topic), or 0 when none was seen. */
rd_kafka_resp_err_t ne_producer_permanent_error(void);

/** @brief Is err one that retrying the same record cannot heal? */
int ne_producer_is_permanent(rd_kafka_resp_err_t err);

/**
 * @brief Serve delivery reports until nothing is in flight or deadline_ms
 * (ne_now_ms() time) passes. @returns the records still in flight.
 */
int ne_producer_flush(rd_kafka_t *p, int64_t deadline_ms);

/** CloudEvents type of event records (the ce_type header). */
#define NE_CE_TYPE "dev.newsevents.event.v1"
/** The event schema's $id (the ce_dataschema header). */
#define NE_EVENT_SCHEMA_ID "https://newsevents.dev/schemas/event/1.3.0/event.schema.json"

/** What a run has done, for its closing log line. */
typedef struct ne_counts_s {
    long records, articles, events, dead;
    long revoked; /* finished records of revoked partitions, not produced */
    long skipped_records; /* records without output that are not errors (tombstones, languages) */
} ne_counts_t;

/** What ne_producer_job() did. */
enum {
    NE_PRODUCE_DONE = 0,    /**< every record of the job is queued */
    NE_PRODUCE_FAILED = -1, /**< a record could not be queued (logged) */
    NE_PRODUCE_FULL = 1     /**< the local queue is full: serve delivery reports, call again */
};

/**
 * @brief Produce one finished job of the pool: its events to the output
 * topic, or its record to the dead-letter topic (logged and counted in the
 * metrics). t may be NULL (exactly-once and replay). Never waits: when the
 * local queue is full it returns NE_PRODUCE_FULL, and a later call goes on
 * from the first record not yet queued. Errors are logged.
 * @returns NE_PRODUCE_DONE, NE_PRODUCE_FULL or NE_PRODUCE_FAILED.
 */
int ne_producer_job(rd_kafka_t *p, const ne_conf_t *conf, ne_job_t *j, ne_ticket_t *t,
                    ne_counts_t *counts);

/**
 * @brief ne_producer_job(), waiting while the local queue is full: serves
 * delivery reports, and calls idle(arg) (when not NULL) every 100 ms.
 * Gives up when a stop's deadline passes (ne_service_past_deadline()).
 * @returns NE_PRODUCE_DONE or NE_PRODUCE_FAILED.
 */
int ne_producer_job_wait(rd_kafka_t *p, const ne_conf_t *conf, ne_job_t *j, ne_ticket_t *t,
                         ne_counts_t *counts, void (*idle)(void *), void *arg);

#endif
