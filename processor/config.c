/*
 * config.c - settings from a file, the environment and flags, applied
 * through one function so that the three sources cannot disagree.
 */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

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

int ne_conf_is_secret(const char *key)
{
    return strstr(key, "password") || strstr(key, "secret") || strstr(key, "key.pem") ||
           strstr(key, "ssl.key") || strstr(key, "token") || strstr(key, "jaas") ||
           strstr(key, "keystore");
}

/* "@/path" reads the value from a file (trailing newline dropped), so
 * secrets need not appear on the command line. */
static int read_value(const char *val, char **out, char *err, size_t errsz)
{
    if (val[0] != '@') return set_str(out, val) < 0 ? -1 : 0;
    FILE *fp = fopen(val + 1, "r");
    if (!fp) {
        snprintf(err, errsz, "cannot read %s: %s", val + 1, strerror(errno));
        return -1;
    }
    char buf[4096];
    size_t n = fread(buf, 1, sizeof(buf) - 1, fp);
    fclose(fp);
    buf[n] = '\0';
    while (n && (buf[n - 1] == '\n' || buf[n - 1] == '\r')) buf[--n] = '\0';
    int rc = set_str(out, buf);
    memset(buf, 0, sizeof(buf));
    return rc;
}

static int set_prop(ne_conf_t *c, const char *key, const char *val, char *err, size_t errsz)
{
    int scope = NE_SCOPE_BOTH;
    if (!strncmp(key, "consumer.", 9)) scope = NE_SCOPE_CONSUMER, key += 9;
    else if (!strncmp(key, "producer.", 9)) scope = NE_SCOPE_PRODUCER, key += 9;
    ne_prop_t *np = realloc(c->props, (c->nprops + 1) * sizeof(*np));
    if (!np) goto oom;
    c->props = np;
    ne_prop_t *p = &np[c->nprops];
    memset(p, 0, sizeof(*p));
    p->scope = scope;
    if (!(p->key = strdup(key))) goto oom;
    if (read_value(val, &p->val, err, errsz) < 0) {
        free(p->key);
        return -1;
    }
    c->nprops++;
    return 0;
oom:
    snprintf(err, errsz, "out of memory");
    return -1;
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

int ne_conf_set(ne_conf_t *c, const char *key, const char *val, char *err, size_t errsz)
{
    int rc = 0;
    if (!strcmp(key, "brokers") || !strcmp(key, "bootstrap.servers")) rc = set_str(&c->brokers, val);
    else if (!strcmp(key, "input") || !strcmp(key, "topics")) {
        /* TOPIC[,TOPIC...] for the service; the file for extract (see main.c) */
        char *dup = strdup(val);
        if (!dup) rc = -1;
        for (char *s = NULL, *t = dup ? strtok_r(dup, ",", &s) : NULL; t && !rc; t = strtok_r(NULL, ",", &s))
            if (*t) rc = push_str(&c->topics, &c->ntopics, t);
        free(dup);
    } else if (!strcmp(key, "output")) rc = set_str(&c->out_topic, val);
    else if (!strcmp(key, "dead-letter")) rc = set_str(&c->dlq_topic, val);
    else if (!strcmp(key, "group") || !strcmp(key, "group.id")) rc = set_str(&c->group, val);
    else if (!strcmp(key, "client-id")) rc = set_str(&c->client_id, val);
    else if (!strcmp(key, "dict")) rc = push_str(&c->dicts, &c->ndicts, val);
    else if (!strcmp(key, "dict-base")) rc = set_str(&c->dict_base, val);
    else if (!strcmp(key, "max-record-bytes")) {
        if (parse_size(val, &c->max_record_bytes) < 0) {
            snprintf(err, errsz, "max-record-bytes: not a size: '%s'", val);
            return -1;
        }
    } else if (!strcmp(key, "log-level")) {
        if ((c->log_level = ne_log_level_parse(val)) < 0) {
            snprintf(err, errsz, "log-level: expected error, warn, info or debug, not '%s'", val);
            return -1;
        }
    } else if (!strcmp(key, "log-format")) {
        if (strcmp(val, "json") && strcmp(val, "text")) {
            snprintf(err, errsz, "log-format: expected text or json, not '%s'", val);
            return -1;
        }
        c->log_json = !strcmp(val, "json");
    } else if (!strcmp(key, "flush-timeout-ms")) {
        return set_int(key, val, 1, INT_MAX, &c->flush_timeout_ms, err, errsz);
    } else if (!strcmp(key, "threads")) {
        return set_int(key, val, 1, 64, &c->threads, err, errsz);
    } else if (!strcmp(key, "guarantee")) {
        if (!strcmp(val, "exactly-once")) c->exactly_once = 1;
        else if (!strcmp(val, "at-least-once")) c->exactly_once = 0;
        else {
            snprintf(err, errsz, "guarantee: expected at-least-once or exactly-once, not '%s'", val);
            return -1;
        }
    } else if (!strcmp(key, "transactional-id")) rc = set_str(&c->transactional_id, val);
    else if (!strcmp(key, "batch")) return set_int(key, val, 1, INT_MAX, &c->batch, err, errsz);
    else if (!strcmp(key, "metrics-port")) return set_int(key, val, 0, 65535, &c->metrics_port, err, errsz);
    else if (!strcmp(key, "metrics-bind")) rc = set_str(&c->metrics_bind, val);
    else if (!strcmp(key, "stats-interval-ms"))
        return set_int(key, val, 0, 86400000, &c->stats_interval_ms, err, errsz);
    else if (!strcmp(key, "ce-source")) rc = set_str(&c->ce_source, val);
    else if (!strcmp(key, "from")) rc = set_str(&c->from, val);
    else if (!strcmp(key, "until")) rc = set_str(&c->until, val);
    else if (!strcmp(key, "commit")) c->replay_commit = !strcmp(val, "true") || !strcmp(val, "1");
    else if (!strcmp(key, "progress")) {
        if (strcmp(val, "auto") && strcmp(val, "bar") && strcmp(val, "lines") && strcmp(val, "none")) {
            snprintf(err, errsz, "progress: expected auto, bar, lines or none");
            return -1;
        }
        rc = set_str(&c->progress, val);
    } else if (!strcmp(key, "map")) {
        /* ours=theirs[,ours=theirs...] */
        char *dup = strdup(val);
        if (!dup) rc = -1;
        for (char *s = NULL, *t = dup ? strtok_r(dup, ",", &s) : NULL; t && !rc; t = strtok_r(NULL, ",", &s)) {
            char *eq = strchr(t, '=');
            static const char *const ours[] = {"text", "id", "title", "url", "published", "source",
                                               "language", NULL};
            int known = 0;
            if (eq) {
                *eq = '\0';
                for (int k = 0; ours[k]; k++) known |= !strcmp(t, ours[k]);
            }
            if (!eq || !known || !eq[1]) {
                snprintf(err, errsz, "map: expected FIELD=NAME with FIELD one of text, id, title, url, "
                                     "published, source, language");
                free(dup);
                return -1;
            }
            rc = push_str(&c->map, &c->nmap, t);
            if (!rc) rc = push_str(&c->map, &c->nmap, eq + 1);
        }
        free(dup);
    } else if (strchr(key, '.')) {
        return set_prop(c, key, val, err, errsz);
    } else {
        snprintf(err, errsz, "unknown setting '%s'", key);
        return -1;
    }
    if (rc < 0) snprintf(err, errsz, "out of memory");
    return rc;
}

static char *trim(char *s)
{
    while (isspace((unsigned char)*s)) s++;
    char *e = s + strlen(s);
    while (e > s && isspace((unsigned char)e[-1])) *--e = '\0';
    return s;
}

int ne_conf_load_file(ne_conf_t *c, const char *path, char *err, size_t errsz)
{
    FILE *fp = fopen(path, "r");
    if (!fp) {
        snprintf(err, errsz, "%s: %s", path, strerror(errno));
        return -1;
    }
    char line[4096], msg[512];
    int n = 0, rc = 0;
    while (fgets(line, sizeof(line), fp)) {
        n++;
        char *s = trim(line);
        if (!*s || *s == '#') continue;
        char *eq = strchr(s, '=');
        if (!eq) {
            snprintf(err, errsz, "%s:%d: expected key=value", path, n);
            rc = -1;
            break;
        }
        *eq = '\0';
        char *k = trim(s), *v = trim(eq + 1);
        if (ne_conf_set(c, k, v, msg, sizeof(msg)) < 0) {
            snprintf(err, errsz, "%s:%d: %s", path, n, msg);
            rc = -1;
            break;
        }
    }
    memset(line, 0, sizeof(line));
    fclose(fp);
    return rc;
}

int ne_conf_load_env(ne_conf_t *c, char **env, char *err, size_t errsz)
{
    static const char pfx[] = "NEWSEVENTS_";
    for (char **e = env; e && *e; e++) {
        if (strncmp(*e, pfx, sizeof(pfx) - 1)) continue;
        const char *name = *e + sizeof(pfx) - 1;
        const char *eq = strchr(name, '=');
        if (!eq) continue;
        char key[256], msg[512];
        size_t n = (size_t)(eq - name);
        if (n >= sizeof(key)) continue;
        int prop = !strncmp(name, "X_", 2);
        size_t k = 0;
        for (size_t i = prop ? 2 : 0; i < n; i++) {
            char ch = (char)tolower((unsigned char)name[i]);
            key[k++] = ch == '_' ? (prop ? '.' : '-') : ch;
        }
        key[k] = '\0';
        /* variables the program reads itself, not settings */
        if (!strcmp(key, "trace") || !strcmp(key, "test-fail-id") || !strcmp(key, "test-no-cut")) continue;
        if (ne_conf_set(c, key, eq + 1, msg, sizeof(msg)) < 0) {
            snprintf(err, errsz, "environment %.*s: %s", (int)n + (int)sizeof(pfx) - 1, *e, msg);
            return -1;
        }
    }
    return 0;
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
