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

/**
 * @brief Create the producer; with a transactional id, a transactional one
 * (its transactions are initialized).
 * @returns it (owned by the caller) or NULL with err.
 */
rd_kafka_t *ne_producer_new(const ne_conf_t *conf, const char *transactional_id, char *err,
                            size_t errsz);

/** A too_large dead letter carries this many bytes of the record (and ne_truncated). */
#define NE_DLQ_TRUNCATE ((size_t)64 << 10)

/** CloudEvents type of event records (the ce_type header). */
#define NE_CE_TYPE "dev.newsevents.event.v1"
/** The event schema's $id (the ce_dataschema header). */
#define NE_EVENT_SCHEMA_ID "https://newsevents.dev/schemas/event/1.0.0/event.schema.json"

/** Where an article came from, for headers. */
typedef struct ne_source_s {
    const char *topic;
    int32_t partition;
    int64_t offset;
} ne_source_t;

/**
 * @brief Produce one event record keyed by its id, with source headers and
 * the CloudEvents Kafka binding headers (binary mode: ce_specversion,
 * ce_id, ce_source, ce_type, ce_time, ce_dataschema, content-type). ce_source
 * NULL: "newsevents/<source topic>". t may be NULL (exactly-once mode).
 * json is handed over to librdkafka (freed by it), on success or failure.
 * @returns 0, or -1 when the request could not be queued (err says why).
 */
int ne_producer_event(rd_kafka_t *p, const char *topic, const char *event_id, char *json,
                      size_t len, const ne_source_t *src, const char *ce_source, ne_ticket_t *t,
                      char *err, size_t errsz);

/**
 * @brief Produce a dead letter: the original key, value and headers, plus
 * headers giving the reason and the source position. The bytes are copied.
 * @returns 0 or -1 (err says why).
 */
int ne_producer_dead_letter(rd_kafka_t *p, const char *topic, const rd_kafka_message_t *msg,
                            ne_reason_t reason, const char *message, ne_ticket_t *t,
                            char *err, size_t errsz);

/** What a run has done, for its closing log line. */
typedef struct ne_counts_s {
    long records, articles, events, dead;
} ne_counts_t;

/**
 * @brief Produce one finished job of the pool: its events to the output
 * topic, or its record to the dead-letter topic (logged and counted in the
 * metrics). t may be NULL (exactly-once and replay). Errors are logged.
 * @returns 0, or -1 when a request could not be queued.
 */
int ne_producer_job(rd_kafka_t *p, const ne_conf_t *conf, ne_job_t *j, ne_ticket_t *t,
                    ne_counts_t *counts);

#endif
