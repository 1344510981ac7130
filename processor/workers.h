/*
 * workers.h - the extraction stage of the service: decode, code and encode
 * consumed records, on the calling thread or on N worker threads, handing
 * results back in the order the records were consumed (so the output
 * keeps each partition's order).
 */
#ifndef NE_WORKERS_H
#define NE_WORKERS_H

#include <librdkafka/rdkafka.h>

#include "config.h"
#include "newsevents.h"

typedef struct ne_outev_s {
    char *json;      /* owned by the job until handed to the producer */
    size_t len;
    char id[33];
} ne_outev_t;

typedef struct ne_job_s {
    rd_kafka_message_t *msg; /* owned by the job */
    void *ticket;            /* the caller's (offset tracking) */
    ne_reason_t reason;      /* NE_OK, or why the record is a dead letter */
    const char *skip;        /* why a record that is not an error has no output
                                ("tombstone", "language"), or NULL */
    char err[256];           /* the dead letter's or the skip's message */
    char *article_id;        /* owned; kept only for --key article */
    ne_outev_t *ev;
    size_t nev;
    size_t sent;             /* events already queued by the producer (it resumes there) */
    int done;                /* internal: processed */
} ne_job_t;

typedef struct ne_pool_s ne_pool_t;

/** Records held by a pool weigh at most this much together (but one record
 * is always taken, whatever its size): memory is bounded per process, not
 * only per record. */
#define NE_POOL_MAX_BYTES ((size_t)64 << 20)

/**
 * @brief A pool of `threads` workers (0 or 1: work on the caller's thread)
 * holding at most `capacity` records in flight, and at most
 * NE_POOL_MAX_BYTES of them. Events bigger than event_max bytes (0: no
 * limit) carry a window of their sentence; an article with an event that
 * cannot fit even so becomes a too_large dead letter.
 * @returns the pool (owned by the caller), or NULL when out of memory.
 */
ne_pool_t *ne_pool_new(const ne_coder_t *coder, const ne_conf_t *conf, int threads,
                       size_t capacity, size_t event_max);
/** @brief Stop the workers and free everything, including jobs not released. Takes NULL. */
void ne_pool_destroy(ne_pool_t *p);

/** @brief Is there room for another record? */
int ne_pool_has_room(const ne_pool_t *p);
/** @brief Records submitted and not yet released. */
size_t ne_pool_pending(const ne_pool_t *p);

/**
 * @brief Hand a consumed record over (the pool owns msg from here).
 * @returns the job, or NULL when the pool is full (msg is not taken).
 */
ne_job_t *ne_pool_submit(ne_pool_t *p, rd_kafka_message_t *msg, void *ticket);

/**
 * @brief The oldest job, when it is done (wait: block until it is).
 * @returns NULL when nothing is pending, or (without wait) not done yet.
 */
ne_job_t *ne_pool_next(ne_pool_t *p, int wait);

/** @brief Free a job returned by ne_pool_next() (its record and what is left of its events). */
void ne_pool_release(ne_pool_t *p, ne_job_t *j);

#endif
