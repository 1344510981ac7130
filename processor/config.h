/*
 * config.h - the program's settings: defaults, then a config file, then
 * NEWSEVENTS_* environment variables, then command-line flags (each later
 * source overrides the earlier; a list setting given by a later source
 * replaces the earlier list). Every setting has one name, used the same
 * way in all three places ("brokers", "dead-letter", ...); any other name
 * that librdkafka knows is a property passed through to both clients, or
 * to one with a "consumer." or "producer." prefix.
 */
#ifndef NE_CONFIG_H
#define NE_CONFIG_H

#include <stddef.h>

enum { NE_SCOPE_BOTH = 0, NE_SCOPE_CONSUMER, NE_SCOPE_PRODUCER };

/* Where settings come from, in the order they apply. */
enum { NE_SRC_DEFAULT = 0, NE_SRC_FILE, NE_SRC_ENV, NE_SRC_FLAGS };

typedef struct ne_prop_s {
    char *key, *val;
    int scope;
} ne_prop_t;

typedef struct ne_conf_s {
    /* coder */
    char **dicts;        /* extra dictionary folders (--dict), after the base one */
    size_t ndicts;
    char *dict_base;     /* the base dictionary folder (--dict-base), NULL = default */
    size_t max_record_bytes;
    /* logs */
    int log_level, log_json;
    /* extract */
    char *in_file, *out_file, *rejects_file;
    /* service */
    char *brokers;
    char **topics;       /* input topics */
    size_t ntopics;
    char *out_topic, *dlq_topic, *group, *client_id;
    ne_prop_t *props;    /* librdkafka passthrough, in order */
    size_t nprops;
    int flush_timeout_ms;
    int threads;         /* extraction workers (1: on the poll thread) */
    char **map;          /* field mapping, pairs: our name, the record's name */
    size_t nmap;         /* strings in map (twice the pairs) */
    int exactly_once;    /* --guarantee exactly-once: Kafka transactions */
    char *transactional_id;
    int batch;           /* records per transaction */
    int metrics_port;    /* 0: no metrics endpoint */
    char *metrics_bind;
    int stats_interval_ms;
    char *ce_source;     /* CloudEvents source attribute */
    /* replay */
    char *from, *until;
    int replay_commit;
    /* output */
    int key_article;        /* --key article: records keyed by article id, not event id */
    int create_topics;      /* --create-topics: create the output and dead-letter topics */
    int no_locations;       /* --no-locations: events without a location (no gazetteer loaded) */
    int partitions;         /* of created topics (0: as many as the first input topic) */
    int replication_factor; /* of created topics (-1: the broker's default) */
    int status_interval_s;  /* a status line every so often (0: none) */
    char *progress;      /* auto, bar, lines, none */
    /* aggregate (see aggregate.h) */
    int agg_code_root, agg_actor_country; /* --code root, --actor country */
    int agg_precision;      /* --date-precision: 0 day, 1 month, 2 year */
    int agg_retention_days; /* --retention-days (0: keep everything) */
    int agg_grace_days;     /* --final-grace-days (-1: no final records) */
    int agg_samples;        /* --samples */
    char *state_dir;        /* --state-dir: the LMDB store's folder */
    /* sources: the one being applied, and the one each list came from */
    int source, topics_src, dicts_src, map_src;
} ne_conf_t;

/** @brief Fill defaults. */
void ne_conf_init(ne_conf_t *c);
/** @brief Free everything the configuration owns. */
void ne_conf_free(ne_conf_t *c);

/** @brief Say which source the next ne_conf_set calls come from (NE_SRC_FLAGS for
 * flags; the loaders below set their own). */
void ne_conf_source(ne_conf_t *c, int source);

/**
 * @brief Apply one setting by name ("brokers", "input", ...) or, for any other
 * name librdkafka knows ("security.protocol", "debug", "consumer.fetch.max.bytes"),
 * add it as a property. A list setting ("input", "dict", "map") from another
 * source than the one that filled the list replaces it; within one source it adds.
 * @returns 0, or -1 with a message in err (an unknown name with the nearest
 * known one, a bad value).
 */
int ne_conf_set(ne_conf_t *c, const char *key, const char *val, char *err, size_t errsz);

/**
 * @brief Add a librdkafka property (-X, NEWSEVENTS_X_*): PROP, consumer.PROP or
 * producer.PROP, checked against librdkafka now. "@FILE" as the value reads the
 * file (whole, up to 1 MiB).
 * @returns 0, or -1 with a message in err that never quotes a secret value.
 */
int ne_conf_set_prop(ne_conf_t *c, const char *key, const char *val, char *err, size_t errsz);

/** @brief Read "key = value" lines of a config file ('#' at the start or after
 * white space begins a comment; "\#" is a literal '#').
 * @returns 0 or -1 with "file:line: ..." in err. */
int ne_conf_load_file(ne_conf_t *c, const char *path, char *err, size_t errsz);

/** @brief Apply NEWSEVENTS_<NAME> variables (NEWSEVENTS_DEAD_LETTER -> dead-letter;
 * NEWSEVENTS_X_SASL_PASSWORD -> sasl.password). The variables that are not
 * settings (NEWSEVENTS_TRACE, NEWSEVENTS_TEST_FAIL_ID, NEWSEVENTS_CACHE) are
 * left alone; any other unknown one is an error. @returns 0 or -1. */
int ne_conf_load_env(ne_conf_t *c, char **environ_, char *err, size_t errsz);

/** @brief The names of the settings, aliases included, into names (at most max).
 * @returns how many. */
size_t ne_conf_setting_names(const char **names, size_t max);

/** @brief The name of names[0..n) nearest to a mistyped word (one edit in a short
 * word, two in a longer one), or NULL when none is that near. */
const char *ne_nearest(const char *word, const char *const *names, size_t n);

/** @brief The effective settings in one line (secret values replaced by
 * "(secret)"), for the start-up log. */
void ne_conf_describe(const ne_conf_t *c, char *buf, size_t bufsz);

/** @brief Is a librdkafka property a secret that must never be printed? */
int ne_conf_is_secret(const char *key);

/** @brief The base dictionary folder: --dict-base, NEWSEVENTS_DICT_BASE, the installed
 * one, or the source tree's. */
const char *ne_conf_dict_base(const ne_conf_t *c);

#endif
