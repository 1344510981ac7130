/*
 * kafka.h - what the consumer and the producer share: a librdkafka client
 * built from the program's base settings plus the user's passthrough
 * properties, with the program's log and error callbacks.
 */
#ifndef NE_KAFKA_H
#define NE_KAFKA_H

#include <librdkafka/rdkafka.h>

#include "config.h"

/** A librdkafka property; a NULL value leaves the property at its default. */
typedef struct ne_kafka_prop_s {
    const char *key, *val;
} ne_kafka_prop_t;

/**
 * @brief A configuration: the base properties, then the user's properties
 * of scope (NE_SCOPE_CONSUMER or NE_SCOPE_PRODUCER, and those of both), and
 * the log and error callbacks. An error never quotes a value (it may be a
 * secret).
 * @returns the conf (owned by the caller until ne_kafka_new) or NULL with err.
 */
rd_kafka_conf_t *ne_kafka_conf(const ne_kafka_prop_t *base, size_t nbase, const ne_conf_t *conf,
                               int scope, char *err, size_t errsz);

/**
 * @brief Create a client from kc, which it takes over whatever happens.
 * @returns the client (owned by the caller) or NULL with err.
 */
rd_kafka_t *ne_kafka_new(rd_kafka_type_t type, rd_kafka_conf_t *kc, char *err, size_t errsz);

/**
 * @brief A request of rk's succeeded (a delivery, a consumed record): if
 * all its brokers had been down, say once that they are back.
 */
void ne_kafka_up(rd_kafka_t *rk);

/**
 * @brief Leaves a subscribed consumer's group before rd_kafka_consumer_close:
 * unsubscribes, and polls (serving the revoke through the rebalance
 * callback, like any rebalance) until nothing is assigned or until_ms.
 * librdkafka's close can abort in rd_kafka_cgrp_terminated ("assert:
 * !rd_kafka_assignment_in_progress") when the group is still rebalancing as
 * it terminates, e.g. after the coordinator was lost during a join
 * (librdkafka issues #4027, #4792); the close then finds nothing assigned.
 * A record polled meanwhile is dropped without storing its offset, so only
 * for consumers whose offsets are stored or committed explicitly: its next
 * owner reads it again.
 */
void ne_kafka_leave_group(rd_kafka_t *rk, int64_t until_ms);

/** How long a stopping service waits for its revoke before closing anyway. */
#define NE_LEAVE_GROUP_MS 5000

/** @brief A transactional producer's transaction.timeout.ms (ours, or the user's -X). */
int64_t ne_txn_timeout_ms(rd_kafka_t *prod);

/** @brief Is code a fence (another producer with the same transactional id)? */
int ne_txn_is_fence(rd_kafka_resp_err_t code);

/**
 * @brief Is prod's fatal error one that a new producer with the same
 * transactional id recovers from, because no other instance holds the id?
 *  - fenced while the transaction (begun at began, ms) was older than its
 *    timeout: the coordinator itself aborted the expired transaction and
 *    bumped the epoch (an outage longer than the timeout, with
 *    librdkafka's reconnect back-off on top);
 *  - INVALID_TXN_STATE: the coordinator holds no open transaction of this
 *    producer to end. Seen after an outage that began before the
 *    transaction's partitions reached the coordinator: its state is still
 *    the last commit's, and librdkafka 2.0.2 sends the abort anyway.
 * A transaction fenced younger than the timeout means another instance
 * started with the id: the caller stops.
 */
int ne_txn_renewable(rd_kafka_t *prod, int64_t began);

/**
 * @brief rd_kafka_seek_partitions() that tries again, up to total_ms in all,
 * while the seek times out. A seek to an absolute offset can be repeated
 * safely, and librdkafka 2.0.2 was seen (a sanitizer build on two busy
 * cores) to give up a seek after about one second of its ten, which
 * stopped the aggregate service. The elements' err fields are those of the
 * last try.
 * @returns NULL, or the last try's error (the caller destroys it).
 */
rd_kafka_error_t *ne_kafka_seek(rd_kafka_t *rk, rd_kafka_topic_partition_list_t *l, int total_ms);

#endif
