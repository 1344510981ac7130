/*
 * consumer.h - the Kafka side that reads: a librdkafka consumer in a
 * consumer group, and the offset tracker that makes at-least-once hold.
 *
 * Every consumed record gets a ticket. The ticket counts the produce
 * requests still waiting for the broker's acknowledgement (events and
 * dead letters). A partition's offset is stored for commit only up to the
 * first record whose ticket is still open, so a crash can repeat records
 * but never skip one.
 */
#ifndef NE_CONSUMER_H
#define NE_CONSUMER_H

#include <librdkafka/rdkafka.h>

#include "config.h"

typedef struct ne_consumer_s ne_consumer_t;
typedef struct ne_ticket_s ne_ticket_t;

/** How offsets are kept. */
typedef enum {
    NE_CONS_AT_LEAST_ONCE, /**< group; offsets stored through tickets, committed automatically */
    NE_CONS_EXACTLY_ONCE,  /**< group; offsets committed in the producer's transactions */
    NE_CONS_REPLAY         /**< no subscription: the caller assigns partitions; no commits */
} ne_cons_mode_t;

/**
 * @brief Create the consumer; in the group modes, subscribe to conf->topics.
 * In at-least-once mode the producer is flushed in the rebalance callback
 * before partitions are given up.
 * @returns the consumer (owned by the caller), or NULL with a message in err.
 */
ne_consumer_t *ne_consumer_new(const ne_conf_t *conf, rd_kafka_t *producer, ne_cons_mode_t mode,
                               char *err, size_t errsz);

/** @brief Called (in the poll thread) before partitions are revoked or lost. */
void ne_consumer_on_revoke(ne_consumer_t *c, void (*fn)(void *arg), void *arg);
/* The producer the consumer flushes before a commit (at-least-once), after
 * the service renewed it. */
void ne_consumer_set_producer(ne_consumer_t *c, rd_kafka_t *producer);

/** @brief Close (commit stored offsets, leave the group) and free. Takes NULL. */
void ne_consumer_destroy(ne_consumer_t *c);

rd_kafka_t *ne_consumer_handle(ne_consumer_t *c);

/**
 * @brief Open a ticket for a consumed record; it holds one reference until
 * ne_ticket_release(), plus one per produce request (ne_ticket_hold()).
 * @returns the ticket, or NULL when out of memory.
 */
ne_ticket_t *ne_ticket_open(ne_consumer_t *c, const rd_kafka_message_t *msg);
/** @brief Was the ticket's partition revoked (its records now belong to another owner)? */
int ne_ticket_revoked(const ne_ticket_t *t);
/** @brief One more produce request waits on the ticket. */
void ne_ticket_hold(ne_ticket_t *t);
/** @brief One request (or the processing itself) is done; ok = 0 marks it failed. */
void ne_ticket_release(ne_ticket_t *t, int ok);

/** @brief Number of records whose tickets are still open. */
long ne_consumer_in_flight(const ne_consumer_t *c);
/** @brief Did any produce request fail for good? Then the service must stop. */
int ne_consumer_failed(const ne_consumer_t *c);

/** @brief Shutdown has begun: flushes in the rebalance callback end by
 * deadline_ms (ne_now_ms() time) at the latest. */
void ne_consumer_set_deadline(ne_consumer_t *c, int64_t deadline_ms);

/** @brief Milliseconds of a monotonic clock. */
int64_t ne_now_ms(void);

/** @brief Commit the stored offsets now (synchronously). @returns 0 or -1. */
int ne_consumer_commit(ne_consumer_t *c);

#endif
