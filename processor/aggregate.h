/*
 * aggregate.h - the stateful stage: one aggregate record per key (period,
 * actor, CAMEO code, counterpart) over event records, with mention counts
 * (events, distinct articles, distinct sources), first and last seen, and
 * bounded samples of ids. An event id counts once per aggregate, however
 * often it arrives.
 *
 * State lives in an embedded LMDB store, one database per partition, so
 * that it can be larger than memory and dropped or restored one partition
 * at a time. Every change to the store is also handed to an emit callback
 * as a changelog record (the same key and value bytes; a NULL value deletes)
 * and, for a changed aggregate, as an output record keyed by the aggregate
 * key: the service produces them to Kafka, the offline twin writes the table
 * at the end. Nothing here knows Kafka.
 *
 * Store keys of a partition (KEY is the aggregate key, which begins with its
 * period, so the store is sorted by event time and a retention purge reads
 * only the oldest keys):
 *   KEY \x1f 'A'          the aggregate record (JSON, schemas/aggregate.schema.json)
 *   KEY \x1f 'E' ID       an event id counted in KEY
 *   KEY \x1f 'R' ID       an article id counted in KEY
 *   KEY \x1f 'S' NAME     a source counted in KEY
 *   KEY \x1f 'F'          KEY's period has closed (its final record was emitted)
 *   "~wm"                 the partition's watermark: the latest event day seen
 */
#ifndef NE_AGGREGATE_H
#define NE_AGGREGATE_H

#include <stddef.h>
#include <stdint.h>

/** Date precisions, in the order of the event schema. */
enum { NE_AGG_DAY = 0, NE_AGG_MONTH = 1, NE_AGG_YEAR = 2 };

/** Version of schemas/aggregate.schema.json. */
#define NE_AGG_SCHEMA_VERSION "1.0.0"

/** Which fields form the key, and how state is bounded. */
typedef struct ne_agg_opts_s {
    int code_root;      /**< key by the CAMEO root (2 digits), not the full code */
    int actor_country;  /**< key by the actor's and counterpart's country, not code */
    int precision;      /**< NE_AGG_DAY, _MONTH or _YEAR; an event dated more coarsely keeps its own */
    int retention_days; /**< drop aggregates whose period ended this long before the watermark
                             (and late events for them); 0 keeps everything */
    int grace_days;     /**< >= 0: a final record once the watermark passes a period's end by
                             this many days; -1: no final records */
    int samples;        /**< ids kept in each sample (the smallest, so arrival order does not matter) */
} ne_agg_opts_t;

/** @brief Defaults: full code, actor code, day, 30 days of retention, no final records, 5 samples. */
void ne_agg_opts_init(ne_agg_opts_t *o);

/** A CAMEO code's label, Goldstein value and QuadClass (dict/cameo.tsv). */
typedef struct ne_cameo_s ne_cameo_t;
/** @brief Load DIR/cameo.tsv. @returns the table (free with ne_cameo_free) or NULL with err. */
ne_cameo_t *ne_cameo_load(const char *dir, char *err, size_t errsz);
/** @brief Free the table; takes NULL. */
void ne_cameo_free(ne_cameo_t *t);

/** The store: an LMDB environment in a folder. */
typedef struct ne_agg_store_s ne_agg_store_t;

/**
 * @brief Open (create) the store in dir, mapping at most map_bytes (0: 64 GiB;
 * only what is used takes disk). Not synced to disk: the changelog, not the
 * folder, is what survives a crash.
 * @returns the store (owned by the caller; ne_agg_store_close) or NULL with err.
 */
ne_agg_store_t *ne_agg_store_open(const char *dir, size_t map_bytes, char *err, size_t errsz);
/** @brief Close the store; takes NULL. */
void ne_agg_store_close(ne_agg_store_t *s);
/** @brief Entries (all kinds) in the partition's database, or -1. */
long ne_agg_store_entries(ne_agg_store_t *s, int32_t part);

/** Where an emitted record goes. */
enum { NE_AGG_CHANGELOG = 0, NE_AGG_OUTPUT = 1 };

/**
 * An emitted record: to the changelog (val NULL: delete) or to the output.
 * Key and value are borrowed for the call. @returns 0, or -1 to fail the update.
 */
typedef int (*ne_agg_emit_fn)(void *arg, int where, int32_t part, const char *key, size_t klen,
                              const char *val, size_t vlen);

/** A write transaction over the store: one batch of records. */
typedef struct ne_agg_txn_s ne_agg_txn_t;

/**
 * @brief Begin a write transaction (one at a time per store).
 * @returns it (ended by ne_agg_commit or ne_agg_abort) or NULL with err.
 */
ne_agg_txn_t *ne_agg_begin(ne_agg_store_t *s, const ne_agg_opts_t *o, const ne_cameo_t *cameo,
                           ne_agg_emit_fn emit, void *arg, char *err, size_t errsz);
/** @brief Make the transaction's changes the store's. @returns 0 or -1 with err; frees t. */
int ne_agg_commit(ne_agg_txn_t *t, char *err, size_t errsz);
/** @brief Forget the transaction's changes; frees t. Takes NULL. */
void ne_agg_abort(ne_agg_txn_t *t);

/** What ne_agg_apply did with an event. */
enum {
    NE_AGG_COUNTED = 0, /**< counted in its aggregate */
    NE_AGG_DUPLICATE,   /**< its event id was counted in that aggregate already */
    NE_AGG_LATE,        /**< its period is past the retention or closed: dropped */
    NE_AGG_UNDATED,     /**< it has no date: no period to count it in */
    NE_AGG_INVALID = -1 /**< not an event record (err says why) */
};

/**
 * @brief The aggregate key of an event record (JSON): "PERIOD|ACTOR|CODE|COUNTERPART"
 * ("-" for no counterpart), e.g. "2025-10-13|JPN|064|PHL".
 * @returns NE_AGG_COUNTED with the key in key, NE_AGG_UNDATED, or NE_AGG_INVALID with err.
 */
int ne_agg_key(const ne_agg_opts_t *o, const char *json, size_t len, char *key, size_t keysz,
               char *err, size_t errsz);

/**
 * @brief ne_agg_key(), and the event's day (its date's day number, see
 * ne_agg_day) in *day when the event is dated to a day, else INT32_MIN:
 * what the service needs to route an event and keep its input partitions
 * aligned in event time.
 */
int ne_agg_route(const ne_agg_opts_t *o, const char *json, size_t len, char *key, size_t keysz, int32_t *day,
                 char *err, size_t errsz);

/**
 * @brief Count one event record (JSON) in partition part at processing time
 * now_ms (Unix ms). Emits the changelog records of what changed (the
 * aggregate first, then the ids it now holds: cut anywhere, a prefix of them
 * can only over-count a re-delivered event, never lose one) and the
 * aggregate to the output.
 * @returns NE_AGG_COUNTED, _DUPLICATE, _LATE, _UNDATED, or NE_AGG_INVALID with
 * err; -2 when the store or the emit callback failed (err).
 */
int ne_agg_apply(ne_agg_txn_t *t, int32_t part, const char *json, size_t len, int64_t now_ms,
                 char *err, size_t errsz);

/**
 * @brief After a batch: purge the partition's aggregates past the retention
 * (emitting changelog deletes) and, with grace_days >= 0, emit the final
 * record of each period the watermark has closed.
 * @returns the aggregates purged, or -1 with err.
 */
long ne_agg_advance(ne_agg_txn_t *t, int32_t part, int64_t now_ms, char *err, size_t errsz);

/** @brief Restore: empty the partition's database (before reading its changelog). @returns 0/-1. */
int ne_agg_restore_clear(ne_agg_txn_t *t, int32_t part, char *err, size_t errsz);
/** @brief Restore: put a changelog record (val NULL: delete) into the partition. @returns 0/-1. */
int ne_agg_restore_put(ne_agg_txn_t *t, int32_t part, const char *key, size_t klen, const char *val,
                       size_t vlen, char *err, size_t errsz);

/**
 * @brief Call fn with each aggregate record of the partition, in key order
 * (read-only; outside a write transaction). @returns the count or -1.
 */
long ne_agg_each(ne_agg_store_t *s, int32_t part, void (*fn)(void *arg, const char *json, size_t len),
                 void *arg);

/** Counters since start, for logs and metrics. */
typedef struct ne_agg_stats_s {
    long events, counted, duplicates, late, undated, invalid, emitted, purged, finals;
} ne_agg_stats_t;
/** @brief The counters of the store (all transactions). */
void ne_agg_stats(const ne_agg_store_t *s, ne_agg_stats_t *st);

/** @brief Day number (days since 1970-01-01) of "YYYY-MM-DD", or INT32_MIN. */
int32_t ne_agg_day(const char *ymd);

#endif
