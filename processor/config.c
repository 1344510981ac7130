/*
 * config.c - settings from a file, the environment and flags, applied
 * through one function so that the three sources cannot disagree.
 *
 * A setting from a later source replaces the earlier one; for the list
 * settings (input topics, --dict, --map) the later source's list replaces
 * the earlier list, and repeats within one source add up. A name that is
 * not a setting must be a librdkafka property: librdkafka itself is asked
 * (on a scratch configuration), so that a mistake is reported where it was
 * made (file:line, variable, flag), with the nearest known name.
 */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <librdkafka/rdkafka.h>

#include "config.h"
#include "log.h"
#include "newsevents.h"

void ne_conf_init(ne_conf_t *c)
{
    memset(c, 0, sizeof(*c));
    c->max_record_bytes = NE_DEFAULT_MAX_RECORD_BYTES;
    c->log_level = NE_LOG_INFO;
    c->flush_timeout_ms = 30000;
    c->threads = 1;
    c->batch = 500;
    c->stats_interval_ms = 5000;
    c->replication_factor = -1;
    c->status_interval_s = 60;
    c->agg_retention_days = 30;
    c->agg_grace_days = -1;
    c->agg_samples = 5;
}

static void free_list(char **v, size_t n)
{
    for (size_t i = 0; i < n; i++) free(v[i]);
    free(v);
}

void ne_conf_free(ne_conf_t *c)
{
    free_list(c->dicts, c->ndicts);
    free(c->dict_base);
    free(c->in_file);
    free(c->out_file);
    free(c->rejects_file);
    free(c->brokers);
    free_list(c->topics, c->ntopics);
    free(c->out_topic);
    free(c->dlq_topic);
    free(c->group);
    free(c->client_id);
    free_list(c->map, c->nmap);
    free(c->transactional_id);
    free(c->state_dir);
    free(c->metrics_bind);
    free(c->ce_source);
    free(c->from);
    free(c->until);
    free(c->progress);
    for (size_t i = 0; i < c->nprops; i++) {
        free(c->props[i].key);
        if (c->props[i].val) {
            /* wipe secrets before the memory goes back */
            memset(c->props[i].val, 0, strlen(c->props[i].val));
            free(c->props[i].val);
        }
    }
    free(c->props);
    memset(c, 0, sizeof(*c));
}

void ne_conf_source(ne_conf_t *c, int source)
{
    c->source = source;
}

static int set_str(char **dst, const char *val)
{
    char *s = strdup(val);
    if (!s) return -1;
    free(*dst);
    *dst = s;
    return 0;
}

static int push_str(char ***v, size_t *n, const char *val)
{
    char **nv = realloc(*v, (*n + 1) * sizeof(**v));
    if (!nv) return -1;
    *v = nv;
    if (!(nv[*n] = strdup(val))) return -1;
    (*n)++;
    return 0;
}

/* A list setting given by a later source than the one that filled it
 * starts again: the environment replaces the file's topics, flags replace
 * both. */
static void list_claim(ne_conf_t *c, char ***v, size_t *n, int *src)
{
    if (*src == c->source) return;
    free_list(*v, *n);
    *v = NULL;
    *n = 0;
    *src = c->source;
}

/* ---- names: the nearest one to a mistyped name ---------------------------- */

/* Edit distance with adjacent transpositions (optimal string alignment),
 * case-insensitive; names longer than 63 bytes are never near. */
static size_t distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la > 63 || lb > 63) return (size_t)-1;
    size_t d[64][64];
    for (size_t i = 0; i <= la; i++) d[i][0] = i;
    for (size_t j = 0; j <= lb; j++) d[0][j] = j;
    for (size_t i = 1; i <= la; i++)
        for (size_t j = 1; j <= lb; j++) {
            size_t cost = tolower((unsigned char)a[i - 1]) != tolower((unsigned char)b[j - 1]);
            size_t v = d[i - 1][j - 1] + cost;
            if (d[i - 1][j] + 1 < v) v = d[i - 1][j] + 1;
            if (d[i][j - 1] + 1 < v) v = d[i][j - 1] + 1;
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] && d[i - 2][j - 2] + 1 < v)
                v = d[i - 2][j - 2] + 1;
            d[i][j] = v;
        }
    return d[la][lb];
}

const char *ne_nearest(const char *word, const char *const *names, size_t n)
{
    const char *best = NULL;
    size_t bd = (size_t)-1;
    for (size_t i = 0; i < n; i++) {
        size_t d = distance(word, names[i]);
        if (d < bd) bd = d, best = names[i];
    }
    /* one edit in a short name, two in a name of six letters or more */
    size_t len = strlen(word);
    return best && bd > 0 && bd * 3 <= (len > 3 ? len : 3) ? best : NULL;
}

/* ---- the settings ---------------------------------------------------------- */

enum setting_e {
    S_BROKERS, S_INPUT, S_OUTPUT, S_DEAD_LETTER, S_GROUP, S_CLIENT_ID, S_DICT, S_DICT_BASE,
    S_MAX_RECORD_BYTES, S_LOG_LEVEL, S_LOG_FORMAT, S_FLUSH_TIMEOUT_MS, S_THREADS, S_GUARANTEE,
    S_TRANSACTIONAL_ID, S_BATCH, S_METRICS_PORT, S_METRICS_BIND, S_STATS_INTERVAL_MS, S_CE_SOURCE,
    S_FROM, S_UNTIL, S_COMMIT, S_PROGRESS, S_MAP, S_KEY, S_CREATE_TOPICS, S_PARTITIONS,
    S_REPLICATION_FACTOR, S_STATUS_INTERVAL_S, S_NO_LOCATIONS, S_CODE, S_ACTOR, S_DATE_PRECISION,
    S_RETENTION_DAYS, S_FINAL_GRACE_DAYS, S_SAMPLES, S_STATE_DIR
};

/* Every name of a setting, the aliases last. */
static const struct {
    const char *name;
    enum setting_e id;
} SETTINGS[] = {
    {"brokers", S_BROKERS}, {"input", S_INPUT}, {"output", S_OUTPUT},
    {"dead-letter", S_DEAD_LETTER}, {"group", S_GROUP}, {"client-id", S_CLIENT_ID},
    {"dict", S_DICT}, {"dict-base", S_DICT_BASE}, {"max-record-bytes", S_MAX_RECORD_BYTES},
    {"log-level", S_LOG_LEVEL}, {"log-format", S_LOG_FORMAT},
    {"flush-timeout-ms", S_FLUSH_TIMEOUT_MS}, {"threads", S_THREADS}, {"guarantee", S_GUARANTEE},
    {"transactional-id", S_TRANSACTIONAL_ID}, {"batch", S_BATCH},
    {"metrics-port", S_METRICS_PORT}, {"metrics-bind", S_METRICS_BIND},
    {"stats-interval-ms", S_STATS_INTERVAL_MS}, {"ce-source", S_CE_SOURCE}, {"from", S_FROM},
    {"until", S_UNTIL}, {"commit", S_COMMIT}, {"progress", S_PROGRESS}, {"map", S_MAP},
    {"key", S_KEY}, {"create-topics", S_CREATE_TOPICS}, {"partitions", S_PARTITIONS},
    {"replication-factor", S_REPLICATION_FACTOR}, {"status-interval-s", S_STATUS_INTERVAL_S},
    {"no-locations", S_NO_LOCATIONS}, {"code", S_CODE}, {"actor", S_ACTOR},
    {"date-precision", S_DATE_PRECISION}, {"retention-days", S_RETENTION_DAYS},
    {"final-grace-days", S_FINAL_GRACE_DAYS}, {"samples", S_SAMPLES}, {"state-dir", S_STATE_DIR},
    /* aliases: librdkafka's and kcat's names */
    {"bootstrap.servers", S_BROKERS}, {"group.id", S_GROUP}, {"topics", S_INPUT},
};
#define NSETTINGS (sizeof(SETTINGS) / sizeof(SETTINGS[0]))

/* NEWSEVENTS_ variables that are not settings. The program or the
 * project's scripts read them; ne_conf_load_env leaves them alone. */
static const char *const NOT_SETTINGS[] = {
    "NEWSEVENTS_TRACE",        /* the coder's trace on stderr (processor/stages/trace.c) */
    "NEWSEVENTS_TEST_FAIL_ID", /* a test hook: the coder fails on this article id */
    "NEWSEVENTS_TEST_NO_CUT",  /* a test hook: output records are not cut to their topic's limit */
    "NEWSEVENTS_CACHE",        /* where tests/broker/kafka.sh keeps the Kafka jars */
};
#define NNOT_SETTINGS (sizeof(NOT_SETTINGS) / sizeof(NOT_SETTINGS[0]))

size_t ne_conf_setting_names(const char **names, size_t max)
{
    size_t n = 0;
    for (size_t i = 0; i < NSETTINGS && n < max; i++) names[n++] = SETTINGS[i].name;
    return n;
}

/* librdkafka's own table of properties (rd_kafka_conf_properties_show):
 * lines "name | C/P | range | default | ...". NULL when it cannot be read;
 * the caller frees it. */
static char *rdkafka_table(void)
{
    char *text = NULL;
    size_t len = 0;
    FILE *fp = open_memstream(&text, &len);
    if (!fp) return NULL;
    rd_kafka_conf_properties_show(fp);
    fclose(fp);
    return text;
}

/* librdkafka's property names, for suggestions; NULL when they cannot be
 * read. The caller frees both. */
static char **rdkafka_names(size_t *n)
{
    char *text = rdkafka_table();
    if (!text) return NULL;
    char **names = NULL;
    *n = 0;
    for (char *s = NULL, *line = strtok_r(text, "\n", &s); line; line = strtok_r(NULL, "\n", &s)) {
        size_t k = strspn(line, "abcdefghijklmnopqrstuvwxyz0123456789._-");
        if (k == 0 || line[k] != ' ' || !strchr(line + k, '|')) continue;
        line[k] = '\0';
        if (push_str(&names, n, line) < 0) break;
    }
    free(text);
    return names;
}

/* " (did you mean 'NAME'?)" after a name librdkafka does not know, or "". */
static void suggest_property(const char *key, char *out, size_t outsz)
{
    size_t n = 0;
    char **names = rdkafka_names(&n);
    const char *best = names ? ne_nearest(key, (const char *const *)names, n) : NULL;
    if (best) snprintf(out, outsz, " (did you mean '%s'?)", best);
    else if (outsz) out[0] = '\0';
    free_list(names, n);
}

int ne_conf_is_secret(const char *key)
{
    return strstr(key, "password") || strstr(key, "secret") || strstr(key, "key.pem") ||
           strstr(key, "ssl.key") || strstr(key, "token") || strstr(key, "jaas") ||
           strstr(key, "keystore");
}

/* Values from @FILE up to this size; a larger file is refused. */
#define VALUE_FILE_MAX ((size_t)1 << 20)

/* "@/path" reads the value from a file, whole (a trailing newline dropped),
 * so that secrets need not appear on the command line. */
static int read_value(const char *val, char **out, char *err, size_t errsz)
{
    if (val[0] != '@') return set_str(out, val) < 0 ? -1 : 0;
    FILE *fp = fopen(val + 1, "rb");
    if (!fp) {
        snprintf(err, errsz, "cannot read %s: %s", val + 1, strerror(errno));
        return -1;
    }
    char *buf = malloc(VALUE_FILE_MAX + 1);
    size_t n = buf ? fread(buf, 1, VALUE_FILE_MAX + 1, fp) : 0;
    int bad = !buf ? ENOMEM : ferror(fp) ? EIO : 0;
    fclose(fp);
    int rc = -1;
    if (bad) snprintf(err, errsz, "cannot read %s: %s", val + 1, strerror(bad));
    else if (n > VALUE_FILE_MAX)
        snprintf(err, errsz, "%s is larger than %zu KiB, the limit for a value file", val + 1,
                 VALUE_FILE_MAX >> 10);
    else if (memchr(buf, '\0', n))
        snprintf(err, errsz, "%s has a NUL byte: a value file must be text", val + 1);
    else {
        buf[n] = '\0';
        while (n && (buf[n - 1] == '\n' || buf[n - 1] == '\r')) buf[--n] = '\0';
        rc = set_str(out, buf);
        if (rc < 0) snprintf(err, errsz, "out of memory");
    }
    if (buf) {
        memset(buf, 0, n < VALUE_FILE_MAX ? n + 1 : VALUE_FILE_MAX + 1);
        free(buf);
    }
    return rc;
}

/* Does librdkafka know a property of this name? A scratch configuration is
 * enough to ask: for a known name, even an empty value is "invalid", not
 * "unknown". */
static int rdkafka_knows(const char *key)
{
    rd_kafka_conf_t *kc = rd_kafka_conf_new();
    char why[512];
    rd_kafka_conf_res_t r = rd_kafka_conf_set(kc, key, "", why, sizeof(why));
    rd_kafka_conf_destroy(kc);
    return r != RD_KAFKA_CONF_UNKNOWN;
}

/* Does librdkafka take this value? 0 yes, -1 no, and err says why (never
 * quoting the value of a secret). */
static int rdkafka_takes(const char *key, const char *val, char *err, size_t errsz)
{
    rd_kafka_conf_t *kc = rd_kafka_conf_new();
    char why[512];
    rd_kafka_conf_res_t r = rd_kafka_conf_set(kc, key, val, why, sizeof(why));
    rd_kafka_conf_destroy(kc);
    if (r == RD_KAFKA_CONF_OK) return 0;
    if (ne_conf_is_secret(key)) snprintf(err, errsz, "librdkafka property %s: invalid value", key);
    else snprintf(err, errsz, "librdkafka property %s: %s", key, why);
    return -1;
}

static void wipe_free(char *s)
{
    if (!s) return;
    memset(s, 0, strlen(s));
    free(s);
}

/* Add a property whose value the list now owns. */
static int push_prop(ne_conf_t *c, const char *key, char *val, int scope, char *err, size_t errsz)
{
    ne_prop_t *np = realloc(c->props, (c->nprops + 1) * sizeof(*np));
    if (np) c->props = np;
    char *k = np ? strdup(key) : NULL;
    if (!k) {
        snprintf(err, errsz, "out of memory");
        return -1;
    }
    c->props[c->nprops++] = (ne_prop_t){k, val, scope};
    return 0;
}

/* Which client a bare property belongs to, from librdkafka's own table
 * (its C/P column): a consumer-only property such as group.protocol or
 * fetch.max.bytes given to the producer too makes librdkafka warn that it
 * ignores it, and the group ones change what the producer logs. Properties
 * of both, or not in the table, go to both. */
static int rdkafka_scope(const char *key)
{
    char *buf = rdkafka_table();
    if (!buf) return NE_SCOPE_BOTH;
    int scope = NE_SCOPE_BOTH;
    size_t klen = strlen(key);
    for (char *line = buf; line && *line;) {
        char *next = strchr(line, '\n');
        if (next) *next++ = '\0';
        /* "key   |  C  | ...": the name, spaces, then the column */
        if (!strncmp(line, key, klen) && line[klen] == ' ') {
            char *bar = strchr(line + klen, '|');
            if (bar) {
                const char *cp = bar + 1 + strspn(bar + 1, " ");
                if (*cp == 'C') scope = NE_SCOPE_CONSUMER;
                else if (*cp == 'P') scope = NE_SCOPE_PRODUCER;
            }
            break;
        }
        line = next;
    }
    free(buf);
    return scope;
}

/* Add a librdkafka property (PROP, consumer.PROP or producer.PROP) with a
 * value librdkafka accepts. A bare PROP goes to the client(s) librdkafka
 * lists it for. Returns 1; 0 when librdkafka does not know the
 * name (nothing added, err untouched); -1 on a bad value. */
static int add_prop(ne_conf_t *c, const char *key, const char *val, char *err, size_t errsz)
{
    int scope = NE_SCOPE_BOTH;
    if (!strncmp(key, "consumer.", 9)) scope = NE_SCOPE_CONSUMER, key += 9;
    else if (!strncmp(key, "producer.", 9)) scope = NE_SCOPE_PRODUCER, key += 9;
    if (!rdkafka_knows(key)) return 0;
    if (scope == NE_SCOPE_BOTH) scope = rdkafka_scope(key);
    char *v = NULL;
    if (read_value(val, &v, err, errsz) < 0) return -1;
    if (rdkafka_takes(key, v, err, errsz) < 0 || push_prop(c, key, v, scope, err, errsz) < 0) {
        wipe_free(v);
        return -1;
    }
    return 1;
}

int ne_conf_set_prop(ne_conf_t *c, const char *key, const char *val, char *err, size_t errsz)
{
    int ok = add_prop(c, key, val, err, errsz);
    if (ok == 0) {
        char hint[128];
        const char *bare = !strncmp(key, "consumer.", 9) || !strncmp(key, "producer.", 9) ? key + 9 : key;
        suggest_property(bare, hint, sizeof(hint));
        /* properties come with librdkafka versions (group.protocol in 2.4):
         * name the one this program runs with */
        snprintf(err, errsz, "unknown librdkafka property '%s'%s (librdkafka %s)", bare, hint,
                 rd_kafka_version_str());
    }
    return ok == 1 ? 0 : -1;
}

static int parse_size(const char *v, size_t *out)
{
    char *end;
    errno = 0;
    unsigned long long n = strtoull(v, &end, 10);
    if (errno || end == v) return -1;
    if (*end == 'k' || *end == 'K') n <<= 10, end++;
    else if (*end == 'm' || *end == 'M') n <<= 20, end++;
    else if (*end == 'g' || *end == 'G') n <<= 30, end++;
    if (*end == 'B' || *end == 'b') end++;
    if (*end || n == 0) return -1;
    *out = (size_t)n;
    return 0;
}

/* A whole number from lo to hi (atoi would take "8x" as 8). */
static int set_int(const char *key, const char *val, long lo, long hi, int *out, char *err,
                   size_t errsz)
{
    char *end;
    errno = 0;
    long n = strtol(val, &end, 10);
    if (errno || end == val || *end || n < lo || n > hi) {
        snprintf(err, errsz, "%s: expected a whole number from %ld to %ld, not '%s'", key, lo, hi, val);
        return -1;
    }
    *out = (int)n;
    return 0;
}

/* TOPIC[,TOPIC...] into the topic list. */
static int add_topics(ne_conf_t *c, const char *val)
{
    char *dup = strdup(val);
    int rc = dup ? 0 : -1;
    for (char *s = NULL, *t = dup ? strtok_r(dup, ",", &s) : NULL; t && !rc; t = strtok_r(NULL, ",", &s))
        if (*t) rc = push_str(&c->topics, &c->ntopics, t);
    free(dup);
    return rc;
}

/* FIELD=NAME[,FIELD=NAME...] into the field map (pairs: ours, theirs). */
static int add_map(ne_conf_t *c, const char *val, char *err, size_t errsz)
{
    static const char *const ours[] = {"text", "id", "title", "url", "published", "source",
                                       "language", NULL};
    char *dup = strdup(val);
    int rc = dup ? 0 : -1;
    for (char *s = NULL, *t = dup ? strtok_r(dup, ",", &s) : NULL; t && !rc; t = strtok_r(NULL, ",", &s)) {
        char *eq = strchr(t, '=');
        int known = 0;
        if (eq) {
            *eq = '\0';
            for (int k = 0; ours[k]; k++) known |= !strcmp(t, ours[k]);
        }
        if (!eq || !known || !eq[1]) {
            snprintf(err, errsz, "map: expected FIELD=NAME with FIELD one of text, id, title, url, "
                                 "published, source, language");
            free(dup);
            return -2;
        }
        rc = push_str(&c->map, &c->nmap, t);
        if (!rc) rc = push_str(&c->map, &c->nmap, eq + 1);
    }
    free(dup);
    return rc;
}

static int find_setting(const char *key)
{
    for (size_t i = 0; i < NSETTINGS; i++)
        if (!strcmp(key, SETTINGS[i].name)) return (int)SETTINGS[i].id;
    return -1;
}

/* true/1/yes or false/0/no (a flag on the command line is "true"). */
static int set_bool(const char *key, const char *val, int *out, char *err, size_t errsz)
{
    if (!strcmp(val, "true") || !strcmp(val, "1") || !strcmp(val, "yes")) *out = 1;
    else if (!strcmp(val, "false") || !strcmp(val, "0") || !strcmp(val, "no")) *out = 0;
    else {
        snprintf(err, errsz, "%s: expected true or false, not '%s'", key, val);
        return -1;
    }
    return 0;
}

int ne_conf_set(ne_conf_t *c, const char *key, const char *val, char *err, size_t errsz)
{
    int id = find_setting(key);
    if (id < 0) {
        /* not ours: a librdkafka property, or a mistake */
        int ok = add_prop(c, key, val, err, errsz);
        if (ok != 0) return ok == 1 ? 0 : -1;
        const char *names[NSETTINGS];
        const char *best = ne_nearest(key, names, ne_conf_setting_names(names, NSETTINGS));
        char hint[128] = "";
        if (best) snprintf(hint, sizeof(hint), " (did you mean '%s'?)", best);
        else if (strchr(key, '.')) suggest_property(key, hint, sizeof(hint));
        snprintf(err, errsz, "unknown setting '%s'%s", key, hint);
        return -1;
    }
    int rc = 0;
    switch ((enum setting_e)id) {
    case S_BROKERS: rc = set_str(&c->brokers, val); break;
    case S_INPUT:
        /* TOPIC[,TOPIC...] for the service; the file for extract (see main.c) */
        list_claim(c, &c->topics, &c->ntopics, &c->topics_src);
        rc = add_topics(c, val);
        break;
    case S_OUTPUT: rc = set_str(&c->out_topic, val); break;
    case S_DEAD_LETTER: rc = set_str(&c->dlq_topic, val); break;
    case S_GROUP: rc = set_str(&c->group, val); break;
    case S_CLIENT_ID: rc = set_str(&c->client_id, val); break;
    case S_DICT:
        list_claim(c, &c->dicts, &c->ndicts, &c->dicts_src);
        rc = push_str(&c->dicts, &c->ndicts, val);
        break;
    case S_DICT_BASE: rc = set_str(&c->dict_base, val); break;
    case S_MAX_RECORD_BYTES:
        if (parse_size(val, &c->max_record_bytes) < 0) {
            snprintf(err, errsz, "max-record-bytes: not a size: '%s'", val);
            return -1;
        }
        break;
    case S_LOG_LEVEL:
        if ((c->log_level = ne_log_level_parse(val)) < 0) {
            snprintf(err, errsz, "log-level: expected error, warn, info or debug, not '%s'", val);
            return -1;
        }
        break;
    case S_LOG_FORMAT:
        if (strcmp(val, "json") && strcmp(val, "text")) {
            snprintf(err, errsz, "log-format: expected text or json, not '%s'", val);
            return -1;
        }
        c->log_json = !strcmp(val, "json");
        break;
    case S_FLUSH_TIMEOUT_MS: return set_int(key, val, 1, INT_MAX, &c->flush_timeout_ms, err, errsz);
    case S_THREADS: return set_int(key, val, 1, 64, &c->threads, err, errsz);
    case S_GUARANTEE:
        if (!strcmp(val, "exactly-once")) c->exactly_once = 1;
        else if (!strcmp(val, "at-least-once")) c->exactly_once = 0;
        else {
            snprintf(err, errsz, "guarantee: expected at-least-once or exactly-once, not '%s'", val);
            return -1;
        }
        break;
    case S_TRANSACTIONAL_ID: rc = set_str(&c->transactional_id, val); break;
    case S_BATCH: return set_int(key, val, 1, INT_MAX, &c->batch, err, errsz);
    case S_METRICS_PORT: return set_int(key, val, 0, 65535, &c->metrics_port, err, errsz);
    case S_METRICS_BIND: rc = set_str(&c->metrics_bind, val); break;
    case S_STATS_INTERVAL_MS: return set_int(key, val, 0, 86400000, &c->stats_interval_ms, err, errsz);
    case S_CE_SOURCE: rc = set_str(&c->ce_source, val); break;
    case S_FROM: rc = set_str(&c->from, val); break;
    case S_UNTIL: rc = set_str(&c->until, val); break;
    case S_COMMIT: return set_bool(key, val, &c->replay_commit, err, errsz);
    case S_CREATE_TOPICS: return set_bool(key, val, &c->create_topics, err, errsz);
    case S_NO_LOCATIONS: return set_bool(key, val, &c->no_locations, err, errsz);
    case S_KEY:
        if (strcmp(val, "event") && strcmp(val, "article")) {
            snprintf(err, errsz, "key: expected event or article, not '%s'", val);
            return -1;
        }
        c->key_article = !strcmp(val, "article");
        break;
    case S_PARTITIONS: return set_int(key, val, 1, 100000, &c->partitions, err, errsz);
    case S_REPLICATION_FACTOR: return set_int(key, val, -1, 32767, &c->replication_factor, err, errsz);
    case S_STATUS_INTERVAL_S: return set_int(key, val, 0, 86400, &c->status_interval_s, err, errsz);
    case S_PROGRESS:
        if (strcmp(val, "auto") && strcmp(val, "bar") && strcmp(val, "lines") && strcmp(val, "none")) {
            snprintf(err, errsz, "progress: expected auto, bar, lines or none");
            return -1;
        }
        rc = set_str(&c->progress, val);
        break;
    case S_CODE:
        if (strcmp(val, "full") && strcmp(val, "root")) {
            snprintf(err, errsz, "code: expected full or root, not '%s'", val);
            return -1;
        }
        c->agg_code_root = !strcmp(val, "root");
        break;
    case S_ACTOR:
        if (strcmp(val, "code") && strcmp(val, "country")) {
            snprintf(err, errsz, "actor: expected code or country, not '%s'", val);
            return -1;
        }
        c->agg_actor_country = !strcmp(val, "country");
        break;
    case S_DATE_PRECISION:
        if (!strcmp(val, "day")) c->agg_precision = 0;
        else if (!strcmp(val, "month")) c->agg_precision = 1;
        else if (!strcmp(val, "year")) c->agg_precision = 2;
        else {
            snprintf(err, errsz, "date-precision: expected day, month or year, not '%s'", val);
            return -1;
        }
        break;
    case S_RETENTION_DAYS: return set_int(key, val, 0, 1000000, &c->agg_retention_days, err, errsz);
    case S_FINAL_GRACE_DAYS: return set_int(key, val, -1, 1000000, &c->agg_grace_days, err, errsz);
    case S_SAMPLES: return set_int(key, val, 0, 100, &c->agg_samples, err, errsz);
    case S_STATE_DIR: rc = set_str(&c->state_dir, val); break;
    case S_MAP:
        list_claim(c, &c->map, &c->nmap, &c->map_src);
        rc = add_map(c, val, err, errsz);
        if (rc == -2) return -1;
        break;
    }
    if (rc < 0) snprintf(err, errsz, "out of memory");
    return rc;
}

/* ---- the effective settings, for the start-up log line ------------------ */

typedef struct desc_s {
    char *b;
    size_t n, cap;
} desc_t;

static void dprintf_(desc_t *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void dprintf_(desc_t *d, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int k = vsnprintf(d->b + d->n, d->cap - d->n, fmt, ap);
    va_end(ap);
    if (k > 0) d->n = d->n + (size_t)k < d->cap ? d->n + (size_t)k : d->cap - 1;
}

static void dlist(desc_t *d, const char *name, char **v, size_t n, const char *sep)
{
    if (!n) return;
    dprintf_(d, " %s=", name);
    for (size_t i = 0; i < n; i++) dprintf_(d, "%s%s", i ? (i % 2 || !strcmp(sep, ",") ? sep : ",") : "", v[i]);
}

void ne_conf_describe(const ne_conf_t *c, char *buf, size_t bufsz)
{
    desc_t d = {buf, 0, bufsz};
    buf[0] = '\0';
    dprintf_(&d, "brokers=%s", c->brokers ? c->brokers : "");
    dlist(&d, "input", c->topics, c->ntopics, ",");
    dprintf_(&d, " output=%s dead-letter=%s group=%s client-id=%s guarantee=%s",
             c->out_topic ? c->out_topic : "", c->dlq_topic ? c->dlq_topic : "", c->group ? c->group : "",
             c->client_id ? c->client_id : "newsevents", c->exactly_once ? "exactly-once" : "at-least-once");
    if (c->exactly_once)
        dprintf_(&d, " transactional-id=%s batch=%d", c->transactional_id ? c->transactional_id : "",
                 c->batch);
    dprintf_(&d, " threads=%d key=%s flush-timeout-ms=%d max-record-bytes=%zu dict-base=%s",
             c->threads, c->key_article ? "article" : "event", c->flush_timeout_ms,
             c->max_record_bytes, ne_conf_dict_base(c));
    dlist(&d, "dict", c->dicts, c->ndicts, ",");
    if (c->no_locations) dprintf_(&d, " no-locations=true");
    dlist(&d, "map", c->map, c->nmap, "=");
    if (c->metrics_port) dprintf_(&d, " metrics=%s:%d", c->metrics_bind ? c->metrics_bind : "", c->metrics_port);
    for (size_t i = 0; i < c->nprops; i++) {
        const ne_prop_t *p = &c->props[i];
        const char *scope = p->scope == NE_SCOPE_CONSUMER ? "consumer." : p->scope == NE_SCOPE_PRODUCER ? "producer." : "";
        /* a secret is named, never shown */
        dprintf_(&d, " %s%s=%s", scope, p->key, ne_conf_is_secret(p->key) ? "(secret)" : p->val);
    }
}

static char *trim(char *s)
{
    while (isspace((unsigned char)*s)) s++;
    char *e = s + strlen(s);
    while (e > s && isspace((unsigned char)e[-1])) *--e = '\0';
    return s;
}

/* Cut a comment off a line, in place: '#' at the start or after white
 * space begins one; "\#" is a literal '#' (and so is '#' inside a word,
 * as in "a#b"). */
static void strip_comment(char *s)
{
    char *w = s;
    for (char *r = s; *r; r++) {
        if (r[0] == '\\' && r[1] == '#') {
            *w++ = *++r;
            continue;
        }
        if (*r == '#' && (r == s || isspace((unsigned char)r[-1]))) break;
        *w++ = *r;
    }
    *w = '\0';
}

int ne_conf_load_file(ne_conf_t *c, const char *path, char *err, size_t errsz)
{
    FILE *fp = fopen(path, "r");
    if (!fp) {
        snprintf(err, errsz, "%s: %s", path, strerror(errno));
        return -1;
    }
    int before = c->source;
    c->source = NE_SRC_FILE;
    char *line = NULL, msg[512];
    size_t cap = 0;
    ssize_t len;
    int n = 0, rc = 0;
    while (rc == 0 && (len = getline(&line, &cap, fp)) >= 0) {
        n++;
        /* a UTF-8 byte order mark, as some editors write one */
        char *s = n == 1 && !strncmp(line, "\xEF\xBB\xBF", 3) ? line + 3 : line;
        strip_comment(s);
        s = trim(s);
        if (!*s) continue;
        char *eq = strchr(s, '=');
        if (!eq) {
            snprintf(err, errsz, "%s:%d: expected key = value", path, n);
            rc = -1;
            break;
        }
        *eq = '\0';
        char *k = trim(s), *v = trim(eq + 1);
        if (ne_conf_set(c, k, v, msg, sizeof(msg)) < 0) {
            snprintf(err, errsz, "%s:%d: %s", path, n, msg);
            rc = -1;
        }
    }
    if (rc == 0 && ferror(fp)) {
        snprintf(err, errsz, "%s: %s", path, strerror(errno));
        rc = -1;
    }
    if (line) {
        memset(line, 0, cap);
        free(line);
    }
    fclose(fp);
    c->source = before;
    return rc;
}

static int not_a_setting(const char *var, size_t n)
{
    for (size_t i = 0; i < NNOT_SETTINGS; i++)
        if (strlen(NOT_SETTINGS[i]) == n && !strncmp(var, NOT_SETTINGS[i], n)) return 1;
    return 0;
}

/* " (did you mean NEWSEVENTS_X?)" for a variable that is not a setting:
 * the nearest setting's variable or variable that is not a setting. */
static void suggest_variable(const char *var, char *out, size_t outsz)
{
    char vars[NSETTINGS][40];
    const char *names[NSETTINGS + NNOT_SETTINGS];
    size_t n = 0;
    for (size_t i = 0; i < NSETTINGS; i++) {
        if (strchr(SETTINGS[i].name, '.')) continue; /* librdkafka's aliases have none */
        snprintf(vars[n], sizeof(vars[n]), "NEWSEVENTS_%s", SETTINGS[i].name);
        for (char *p = vars[n]; *p; p++) *p = *p == '-' ? '_' : (char)toupper((unsigned char)*p);
        names[n] = vars[n];
        n++;
    }
    for (size_t i = 0; i < NNOT_SETTINGS; i++) names[n++] = NOT_SETTINGS[i];
    const char *best = ne_nearest(var, names, n);
    if (best) snprintf(out, outsz, " (did you mean %s?)", best);
    else if (outsz) out[0] = '\0';
}

int ne_conf_load_env(ne_conf_t *c, char **env, char *err, size_t errsz)
{
    static const char pfx[] = "NEWSEVENTS_";
    int before = c->source, rc = 0;
    c->source = NE_SRC_ENV;
    for (char **e = env; e && *e && rc == 0; e++) {
        if (strncmp(*e, pfx, sizeof(pfx) - 1)) continue;
        const char *eq = strchr(*e, '=');
        if (!eq || not_a_setting(*e, (size_t)(eq - *e))) continue;
        const char *name = *e + sizeof(pfx) - 1;
        char var[256], key[256], msg[512];
        size_t n = (size_t)(eq - name);
        snprintf(var, sizeof(var), "%.*s", (int)(eq - *e), *e);
        if (n >= sizeof(key)) {
            snprintf(err, errsz, "environment %.40s...: name too long", var);
            rc = -1;
            break;
        }
        int prop = !strncmp(name, "X_", 2);
        size_t k = 0;
        for (size_t i = prop ? 2 : 0; i < n; i++) {
            char ch = (char)tolower((unsigned char)name[i]);
            key[k++] = ch == '_' ? (prop ? '.' : '-') : ch;
        }
        key[k] = '\0';
        if (prop) {
            rc = ne_conf_set_prop(c, key, eq + 1, msg, sizeof(msg));
        } else if (find_setting(key) < 0) {
            char hint[128];
            suggest_variable(var, hint, sizeof(hint));
            snprintf(msg, sizeof(msg), "not a setting%s; librdkafka properties are NEWSEVENTS_X_<PROPERTY>",
                     hint);
            rc = -1;
        } else {
            rc = ne_conf_set(c, key, eq + 1, msg, sizeof(msg));
        }
        if (rc < 0) snprintf(err, errsz, "environment %s: %s", var, msg);
    }
    c->source = before;
    return rc;
}

static int is_dir(const char *p)
{
    struct stat st;
    return p && stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

const char *ne_conf_dict_base(const ne_conf_t *c)
{
    if (c->dict_base) return c->dict_base;
#ifdef NE_DICT_INSTALL_DIR
    if (is_dir(NE_DICT_INSTALL_DIR)) return NE_DICT_INSTALL_DIR;
#else
    (void)is_dir;
#endif
#ifdef NE_DICT_BUILD_DIR
    return NE_DICT_BUILD_DIR;
#else
    return "dict";
#endif
}
